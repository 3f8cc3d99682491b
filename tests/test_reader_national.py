"""The national template (one row per indicator): the form and the list, as
TSV, CSV and a workbook-like grid with merged cells, mapped to the model so
that the rules run unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.model import Clause, Document, Source
from audit.pipeline import load_text
from audit.readers import ReadError
from audit.readers.grid import grids_from_text
from audit.readers.national import read_list
from tests.conftest import config_with, lint
from tests.national import (
    FORM,
    FORM_MERGES,
    FORMS_ANNUAL_ONLY,
    LIST,
    LIST_MERGES,
    as_csv,
    as_tsv,
    csv_document,
    docx_document,
    html_document,
    pdf_document,
    sheet_document,
    tsv_document,
    workbook_document,
)


def clauses(document: Document, project: int = 0) -> list[Clause]:
    found = document.projects[project].clauses
    assert all(isinstance(c, Clause) for c in found)
    return list(found)  # type: ignore[arg-type]


def levels(document: Document, project: int = 0) -> list[tuple[str, str | None, str]]:
    return [
        (c.level1.name if c.level1 else "", c.level2.name if c.level2 else None, c.name)
        for c in clauses(document, project)
    ]


def values(document: Document, project: int = 0) -> list[tuple[str | None, str | None]]:
    return [
        (c.period.text if c.period else None, c.annual.text if c.annual else None)
        for c in clauses(document, project)
    ]


# --------------------------------------------------------------------------
# The form


FORM_LEVELS = [
    ("产出指标", "数量指标", "健康讲座场次"),
    ("产出指标", "数量指标", "健康档案更新份数"),
    ("产出指标", "质量指标", "档案规范率"),
    ("效益指标", "社会效益指标", "居民健康知识知晓率"),
    ("满意度指标", "服务对象满意度指标", "居民满意度"),
]


def test_form_merged_cells_give_every_row_its_level1_and_level2() -> None:
    document = sheet_document(FORM, FORM_MERGES)
    assert document.layout == "national-form"
    assert levels(document) == FORM_LEVELS


def test_form_with_the_ministry_template_column_of_绩效指标_merged_down() -> None:
    rows = [["", *r] for r in FORM]
    rows[6][0] = "绩效指标"  # a first column merged over the header and every indicator row
    document = sheet_document(rows, [(6, 0, 11, 0), (7, 1, 9, 1), (7, 2, 8, 2)])
    assert levels(document) == FORM_LEVELS
    assert values(document)[1] == ("≥30000份", "≥10000份")


def test_form_blank_level_cells_inherit_the_row_above_in_text() -> None:
    assert levels(tsv_document(FORM)) == FORM_LEVELS
    assert levels(csv_document(FORM)) == FORM_LEVELS


def test_form_project_block_gives_name_amounts_goal_and_term() -> None:
    document = tsv_document(FORM)
    (unit,) = document.units
    assert unit.title == "某区疾病预防控制中心" and unit.implicit
    assert document.organization == "某区卫生健康局"
    project = document.projects[0]
    assert project.title == "社区公共卫生服务经费"
    assert project.amounts.value("total") == Decimal("360.00")
    assert project.amounts.value("fiscal") == Decimal("360.00")
    assert project.amounts.other is None
    assert project.goal is not None and project.goal.value.startswith("本年度完成")
    assert project.term is not None and project.term.value == "2025.01-2027.12"


def test_form_clauses_are_numbered_by_position_and_hold_both_values() -> None:
    found = clauses(tsv_document(FORM))
    assert [c.number for c in found] == [1, 2, 3, 4, 5]
    assert {c.form for c in found} == {"row"}
    assert values(tsv_document(FORM))[0] == ("≥36场", "≥12场")
    assert found[0].annual is not None and found[0].annual.value.number == Decimal(12)


def test_form_spans_point_at_the_cells() -> None:
    document = tsv_document(FORM)
    first = clauses(document)[0]
    # Line 8: 产出指标<TAB>数量指标<TAB>健康讲座场次<TAB>≥36场<TAB>≥12场
    assert (first.name_span.line, first.name_span.column) == (8, 11)
    assert first.annual is not None
    assert (first.annual.span.line, first.annual.span.column) == (8, 23)
    assert first.level1 is not None and first.level1.span.column == 1


def test_form_cells_in_a_sheet_are_located_by_cell_name() -> None:
    document = sheet_document(FORM, FORM_MERGES)
    second = clauses(document)[1]
    assert second.name_span.location == "Sheet1!C9"
    # The merged 产出指标 belongs to row 9 too and points at its top-left cell.
    assert second.level1 is not None and second.level1.span.location == "Sheet1!A8"


def test_form_with_only_an_annual_column_demands_no_period_value() -> None:
    document = tsv_document(FORMS_ANNUAL_ONLY)
    assert [p.title for p in document.projects] == ["老年人健康体检", "家庭医生签约服务"]
    assert all(c.period is None for p in range(2) for c in clauses(document, p))
    findings = lint(document, ["missing-field", "empty-value"])
    assert [(f.rule, f.project, f.clause, f.field) for f in findings] == [
        ("empty-value", "老年人健康体检", 2, "annual"),
        ("missing-field", "老年人健康体检", 3, "indicator"),
    ]
    assert "缺少二级指标" in findings[1].message


def test_form_level2_is_not_inherited_when_level1_changes() -> None:
    third = clauses(tsv_document(FORMS_ANNUAL_ONLY))[2]
    assert third.level1 is not None and third.level1.name == "效益指标"
    assert third.level2 is None


def test_form_period_column_under_other_names() -> None:
    for header in ("中期指标值", "长期指标值", "实施周期指标值", "实施期目标值"):
        rows = [list(r) for r in FORM]
        rows[6][3] = header
        assert values(tsv_document(rows))[0] == ("≥36场", "≥12场"), header


def test_form_with_a_two_row_value_header() -> None:
    rows = [list(r) for r in FORM]
    rows[6:7] = [
        ["一级指标", "二级指标", "三级指标", "指标值", ""],
        ["", "", "", "实施期", "年度"],
    ]
    assert values(tsv_document(rows))[0] == ("≥36场", "≥12场")


def test_form_labels_in_a_row_with_values_below() -> None:
    rows = [list(r) for r in FORM]
    rows[5:6] = [
        ["实施期目标", "", "年度目标", "", ""],
        ["三年完成辖区居民健康档案规范化管理。", "", "本年度完成辖区居民健康档案更新。", "", ""],
    ]
    project = tsv_document(rows).projects[0]
    assert project.goal is not None and project.goal.value == "本年度完成辖区居民健康档案更新。"


def test_form_goal_block_of_the_ministry_template() -> None:
    rows = [list(r) for r in FORM]
    rows[5:6] = [
        ["总体目标", "实施期目标", "", "年度目标", ""],
        ["", "三年完成辖区居民健康档案规范化管理。", "", "本年度完成辖区居民健康档案更新。", ""],
    ]
    for document in (tsv_document(rows), sheet_document(rows, [(5, 0, 6, 0), (5, 1, 5, 2)])):
        project = document.projects[0]
        assert project.goal is not None
        assert project.goal.value == "本年度完成辖区居民健康档案更新。"
        assert len(project.clauses) == 5


def test_form_several_label_pairs_per_row_and_blank_values() -> None:
    rows = [list(r) for r in FORM]
    rows[4] = ["资金总额（万元）", "360.00", "财政拨款", "300.00", ""]
    rows.insert(5, ["其他资金", "60.00", "财政专户拨款", "", ""])
    project = tsv_document(rows).projects[0]
    assert project.amounts.value("other") == Decimal("60.00")
    assert project.amounts.special is None


def test_form_label_with_a_blank_value_does_not_take_the_row_below() -> None:
    rows = [list(r) for r in FORM]
    rows.insert(5, ["", "", "其他资金", "", ""])
    project = tsv_document(rows).projects[0]
    assert project.amounts.other is None
    assert lint(tsv_document(rows), ["amount-format"]) == []


def test_form_row_sum_mismatch_is_reported_from_the_block() -> None:
    rows = [list(r) for r in FORM]
    rows[4] = ["资金总额（万元）", "360.00", "财政拨款", "300.00", ""]
    rows.insert(5, ["其他资金", "50.00", "", "", ""])
    findings = lint(tsv_document(rows), ["row-sum-mismatch"])
    assert [(f.rule, f.project) for f in findings] == [("row-sum-mismatch", "社区公共卫生服务经费")]


def test_form_multi_year_term_allows_a_smaller_annual_count() -> None:
    assert lint(tsv_document(FORM), ["annual-period-mismatch"]) == []
    rows = [list(r) for r in FORM]
    rows[3][3] = "2025.01-2025.12"  # one year: 36 against 12 is a mismatch
    findings = lint(tsv_document(rows), ["annual-period-mismatch"])
    assert [(f.project, f.clause) for f in findings] == [
        ("社区公共卫生服务经费", 1),
        ("社区公共卫生服务经费", 2),
        ("社区公共卫生服务经费", 4),
    ]


def test_form_empty_template_row_is_reported_as_an_empty_row_only() -> None:
    rows = [list(r) for r in FORM]
    rows.insert(10, ["", "经济效益指标", "", "", ""])
    document = tsv_document(rows)
    findings = lint(document, ["missing-field", "empty-value", "empty-row"])
    assert {(f.rule, f.clause) for f in findings} == {("empty-row", 4)}
    # The row is kept with the project's cells, and is no clause.
    project = document.projects[0]
    assert [cells.is_empty for cells in project.cells] == [False] * 3 + [True] + [False] * 2
    assert [c.number for c in project.clauses] == [1, 2, 3, 5, 6]


def test_list_cells_lose_their_markup_and_keep_it_for_the_report() -> None:
    rows = [list(r) for r in LIST]
    first = next(i for i, r in enumerate(rows) if r[1] == "农村公路养护经费")
    rows[first][3] = "<p>" + rows[first][3] + "</p>"
    document = tsv_document(rows)
    project = next(p for p in document.projects if p.title == "农村公路养护经费")
    assert project.goal is not None and "<p>" not in project.goal.value
    assert [m.text for m in project.markup] == ["<p>", "</p>"]
    (finding,) = lint(document, ["markup-residue"])
    assert (finding.project, finding.excerpt) == ("农村公路养护经费", "<p>")


def test_form_keeps_both_goals_and_the_term() -> None:
    project = tsv_document(FORM).projects[0]
    assert project.goal is not None and project.goal.value.startswith("本年度")
    assert project.period_goal is not None and project.period_goal.value.startswith("三年")
    assert project.term_years == (2025, 2027)


def test_form_with_blank_goals_has_no_goal() -> None:
    rows = [list(r) for r in FORM]
    rows[5] = ["实施期目标", "", "年度目标", "", ""]
    project = tsv_document(rows).projects[0]
    assert (project.goal, project.period_goal) == (None, None)


@pytest.mark.parametrize("write", [tsv_document, csv_document])
def test_form_with_a_blank_annual_goal_has_no_goal(write) -> None:  # type: ignore[no-untyped-def]
    # 年度目标 is there and left blank: the period goal does not stand in.
    rows = [list(r) for r in FORM]
    rows[5][3] = ""
    document = write(rows)
    project = document.projects[0]
    assert project.goal is None
    assert project.period_goal is not None and project.period_goal.value.startswith("三年")
    (finding,) = lint(document, ["missing-goal"])
    assert (finding.rule, finding.severity) == ("missing-goal", "error")
    assert "未填写绩效目标" in finding.message


def test_form_without_an_annual_goal_label_keeps_its_period_goal_standing_in() -> None:
    rows = [list(r) for r in FORM]
    rows[5] = ["实施期目标", "三年完成辖区居民健康档案规范化管理，开展健康教育。", "", "", ""]
    document = tsv_document(rows)
    project = document.projects[0]
    assert project.goal is not None and project.goal.value.startswith("三年")
    assert lint(document, ["missing-goal", "goal-too-short"]) == []


def test_form_cells_lose_their_markup_and_keep_it_for_the_report() -> None:
    rows = [list(r) for r in FORM]
    rows[5][3] = "<p>本年度完成辖区居民健康档案更新&nbsp;开展健康讲座十二场。</p>"
    rows[7][2] = "<span>健康讲座场次</span>"
    document = tsv_document(rows)
    project = document.projects[0]
    assert project.goal is not None
    assert project.goal.value == "本年度完成辖区居民健康档案更新 开展健康讲座十二场。"
    assert [m.text for m in project.markup] == ["<p>", "&nbsp;", "</p>", "<span>", "</span>"]
    assert project.clauses[0].name == "健康讲座场次"
    (finding,) = lint(document, ["markup-residue"])
    assert finding.project == "社区公共卫生服务经费"
    assert finding.message.startswith("绩效目标、绩效指标含网页标记残留")
    goal_column = len("\t".join(rows[5][:3])) + 2  # 1-based, after the tab
    assert (finding.line, finding.column, finding.excerpt) == (6, goal_column, "<p>")


def test_form_block_that_begins_before_its_project_name() -> None:
    second = [
        ["主管部门", "某区民政局", "实施单位", "某区社会福利院"],
        ["项目名称", "特困人员供养", "项目期", "2025.01-2025.12"],
        ["资金总额", "120.00", "财政拨款", "120.00"],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "供养人数", "≥300人"],
        ["效益指标", "社会效益指标", "基本生活保障率", "100%"],
    ]
    document = tsv_document(FORMS_ANNUAL_ONLY + second)
    assert [p.title for p in document.projects] == [
        "老年人健康体检",
        "家庭医生签约服务",
        "特困人员供养",
    ]
    assert [len(p.clauses) for p in document.projects] == [3, 3, 2]
    assert [u.title for u in document.units] == ["某区卫生健康局", "某区社会福利院"]
    last = document.projects[2]
    assert last.amounts.value("total") == Decimal("120.00")
    assert last.term is not None and last.term.value == "2025.01-2025.12"


def test_level2_merged_below_a_new_level1_cell_in_a_sheet() -> None:
    rows = [list(r) for r in FORMS_ANNUAL_ONLY[:4]] + [
        ["产出指标", "数量指标", "体检人数", "≥5000人"],
        ["", "", "建档人数", "≥5000人"],
    ]
    # 一级 is written on each row while 二级 is merged over both.
    rows[5][0] = "产出指标"
    document = sheet_document(rows, [(4, 1, 5, 1)])
    assert levels(document) == [
        ("产出指标", "数量指标", "体检人数"),
        ("产出指标", "数量指标", "建档人数"),
    ]


def test_form_notes_under_the_grid_are_not_indicators() -> None:
    rows = [list(r) for r in FORM]
    rows.append(["注：本表由项目实施单位填报。", "", "", "", ""])
    assert len(clauses(tsv_document(rows))) == 5


# --------------------------------------------------------------------------
# The list


LIST_PROJECTS = ["农村公路养护经费", "道路运输安全检查", "港口设施维护"]


@pytest.mark.parametrize("read", [tsv_document, csv_document])
def test_list_project_columns_only_on_the_first_row(read) -> None:  # type: ignore[no-untyped-def]
    document = read(LIST)
    assert document.layout == "national-list"
    assert [p.title for p in document.projects] == LIST_PROJECTS
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]
    assert [u.title for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]
    assert document.title == "2025年部门项目支出绩效目标表"
    assert document.organization == "某市交通运输局"
    assert levels(document, 0)[1] == ("产出指标", "质量指标", "路面优良率")
    assert levels(document, 2)[2] == ("效益指标", "社会效益指标", "群众满意度")


def test_list_merged_project_cells_in_a_sheet() -> None:
    document = sheet_document(LIST, LIST_MERGES)
    assert [p.title for p in document.projects] == LIST_PROJECTS
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]


def test_list_comparator_number_and_unit_in_separate_columns() -> None:
    document = tsv_document(LIST)
    assert values(document, 0) == [
        (None, "≥350公里"),
        (None, "≥85%"),
        (None, "明显改善"),
        (None, "≥90%"),
    ]
    rate = clauses(document, 0)[1].annual
    assert rate is not None
    assert (rate.value.comparator, rate.value.number, rate.value.unit) == (">=", 85, "%")
    # The joined value starts at the comparator cell (line 5, column 8).
    assert (rate.span.line, rate.span.end_line) == (5, 5)
    qualitative = clauses(document, 0)[2].annual
    assert qualitative is not None and qualitative.value.kind == "qualitative"


def test_list_keeps_weight_direction_and_nature_as_extras() -> None:
    source = Source("list.tsv", as_tsv(LIST))
    (grid,) = grids_from_text(source, "\t")
    table = read_list(grid)
    project = next(row for row in table.rows if row.kind == "project")
    assert project.indicator_cells is not None
    extras = [
        {key: text.value for key, text in cells.extras.items()} for cells in project.indicator_cells
    ]
    assert extras[0] == {
        "weight": "20",
        "direction": "正向",
        "nature": "≥",
        "sign": "≥",
        "measure": "公里",  # the unit column, which the value took too
    }
    # 明显改善 with a blank unit column: no unit kept
    assert extras[2] == {"weight": "20", "direction": "正向", "nature": "定性", "sign": "≥"}
    assert [cells.line for cells in project.indicator_cells] == [4, 5, 6, 7]


def test_the_document_keeps_the_indicator_rows_with_their_extras() -> None:
    project = tsv_document(LIST).projects[2]
    assert [cells.extras["weight"].value for cells in project.cells] == ["40", "30", "30"]
    assert len(project.cells) == len(project.clauses)


def test_list_amounts_in_yuan_are_converted_to_wanyuan_exactly() -> None:
    document = tsv_document(LIST)
    amounts = [p.amounts.total for p in document.projects]
    assert [a.value for a in amounts if a] == [
        Decimal("120.0000"),
        Decimal("30.0000"),
        Decimal("45.000050"),
    ]
    assert [a.text.value for a in amounts if a] == ["1,200,000.00", "300000", "450000.50"]
    assert {a.unit for a in amounts if a} == {"元"}
    # Amounts in 元 are not held to the two decimals of 万元.
    assert lint(document, ["amount-format"]) == []


def test_amounts_in_yuan_with_four_decimals_are_reported() -> None:
    rows = [list(r) for r in LIST]
    rows[7][2] = "300000.0000"
    findings = lint(tsv_document(rows), ["amount-format"])
    assert [(f.project, f.excerpt, f.severity) for f in findings] == [
        ("道路运输安全检查", "300000.0000", "warning")
    ]
    assert "300,000.00" in findings[0].message


def test_amounts_in_wanyuan_keep_the_two_decimals_rule() -> None:
    rows = [list(r) for r in FORM]
    rows[4][1] = "360"
    findings = lint(tsv_document(rows), ["amount-format"])
    assert [(f.excerpt, f.severity) for f in findings] == [("360", "warning")]


def yuan_form(fiscal: str, other: str) -> list[list[str]]:
    rows = [list(r) for r in FORM]
    rows[1][0] = "金额单位：元"
    rows[4] = ["资金总额", "3,600,000.00", "财政拨款", fiscal, ""]
    rows.insert(5, ["其他资金", other, "", "", ""])
    return rows


def test_sums_in_yuan_are_judged_and_reported_in_yuan() -> None:
    # 3,500,000.00 + 99,900.00 is 100 元 short: in 万元 (0.01) it would pass for rounding.
    findings = lint(
        tsv_document(yuan_form("3,500,000.00", "99,900.00")),
        ["row-sum-mismatch", "rounding-difference"],
    )
    assert [(f.rule, f.severity) for f in findings] == [("row-sum-mismatch", "error")]
    assert "3,600,000.00" in findings[0].message
    assert "3,599,900.00" in findings[0].message
    assert "相差 100.00" in findings[0].message


def test_sums_in_yuan_that_add_up_are_not_reported() -> None:
    document = tsv_document(yuan_form("3,500,000.00", "100,000.00"))
    assert lint(document, ["row-sum-mismatch", "rounding-difference", "amount-format"]) == []


def test_list_amounts_without_a_unit_line_are_wanyuan() -> None:
    rows = [list(r) for r in LIST]
    rows[1][10] = ""
    amounts = tsv_document(rows).projects[0].amounts.total
    assert amounts is not None and amounts.unit == "万元"
    assert amounts.value == Decimal("1200000.00")


def test_list_amount_unit_from_the_header_cell() -> None:
    rows = [list(r) for r in LIST]
    rows[1][10] = ""
    rows[2][2] = "预算数（元）"
    total = tsv_document(rows).projects[1].amounts.total
    assert total is not None and total.unit == "元" and total.value == Decimal("30.0000")


def test_list_that_repeats_project_columns_on_every_row() -> None:
    rows = [list(r) for r in LIST]
    for index in (4, 5, 6):
        rows[index][:4] = rows[3][:4]
    document = tsv_document(rows)
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]


def numbered(rows: list[list[str]], numbers: list[str]) -> list[list[str]]:
    """The list with a 序号 column in front: ``numbers`` for the rows below
    the header, in order."""
    header = next(i for i, row in enumerate(rows) if "一级指标" in row)
    body = iter(numbers)
    return [
        ["序号" if i == header else (next(body) if i > header else ""), *row]
        for i, row in enumerate(rows)
    ]


def pasted_twice() -> list[list[str]]:
    """The list with its first project pasted again right under it."""
    rows = [list(r) for r in LIST]
    return [*rows[:7], *[list(r) for r in rows[3:7]], *rows[7:]]


def test_a_project_pasted_right_under_itself_is_a_second_project() -> None:
    # The project columns are filled on first rows only: a row that fills
    # them again begins a project, whatever its name and amount.
    document = tsv_document(pasted_twice())
    assert [p.title for p in document.projects] == [LIST_PROJECTS[0], *LIST_PROJECTS]
    assert [len(p.clauses) for p in document.projects] == [4, 4, 2, 3]
    findings = lint(document, ["duplicate-project", "duplicate-clause"])
    assert [(f.rule, f.severity, f.line) for f in findings] == [("duplicate-project", "error", 8)]


def test_a_project_pasted_under_itself_in_a_merged_sheet() -> None:
    merges = [*LIST_MERGES[:1], (3, 1, 6, 1), (3, 2, 6, 2), (3, 3, 6, 3)]
    merges += [(7, 1, 10, 1), (7, 2, 10, 2), (7, 3, 10, 3)]
    document = sheet_document(pasted_twice(), merges)
    assert [len(p.clauses) for p in document.projects] == [4, 4, 2, 3]


def test_a_new_number_begins_a_project_in_a_list_that_repeats_its_columns() -> None:
    rows = pasted_twice()
    for index in (4, 5, 6, 8, 9, 10):
        rows[index][:4] = rows[3][:4]
    numbers = ["1", "1", "1", "1", "2", "2", "2", "2", "3", "3", "4", "4", "4"]
    document = tsv_document(numbered(rows, numbers))
    assert [len(p.clauses) for p in document.projects] == [4, 4, 2, 3]
    # 序号 on first rows only: the same.
    numbers = ["1", "", "", "", "2", "", "", "", "3", "", "4", "", ""]
    document = tsv_document(numbered(rows, numbers))
    assert [len(p.clauses) for p in document.projects] == [4, 4, 2, 3]


@pytest.mark.parametrize(
    "numbers",
    [
        ["1", "1", "1", "1", "2", "2", "3", "3", "3"],  # one 序号 a project, on every row
        ["1", "2", "3", "4", "5", "6", "7", "8", "9"],  # one 序号 a row
        [""] * 9,
    ],
)
def test_a_list_that_repeats_its_columns_and_number_keeps_one_project(numbers) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in LIST]
    for index in (4, 5, 6):
        rows[index][:4] = rows[3][:4]
    document = tsv_document(numbered(rows, numbers))
    assert [p.title for p in document.projects] == LIST_PROJECTS
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]


@pytest.mark.parametrize("amount", ["1200000", "1,200,000.0", " 1200000.00 "])
def test_a_repeated_amount_written_otherwise_is_the_same_project(amount: str) -> None:
    """The same number is the same amount however it is written (a workbook
    stores 1,200,000.00 typed as the number 1200000)."""
    rows = [list(r) for r in LIST]
    for index in (4, 5, 6):
        rows[index][:4] = [*rows[3][:2], amount, rows[3][3]]
    document = tsv_document(rows)
    assert [p.title for p in document.projects] == LIST_PROJECTS
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]
    # Near miss: another amount is another project (two under one name).
    rows[5][2] = "1,100,000.00"
    assert [len(p.clauses) for p in tsv_document(rows).projects] == [2, 1, 1, 2, 3]


def test_a_list_that_repeats_its_columns_in_a_workbook_keeps_one_project(tmp_path: Path) -> None:
    """A real workbook stores the typed amount as a number on every row."""
    rows = [list(r) for r in LIST]
    for index in (4, 5, 6):
        rows[index][:4] = rows[3][:4]
    document = workbook_document(rows, [], tmp_path)
    assert [p.title for p in document.projects] == LIST_PROJECTS
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]


NOTE = "注：指标性质填写≥、≤、=或定性，权重合计为100。"


def with_note(text: str = NOTE, column: int = 0) -> list[list[str]]:
    rows = [list(r) for r in LIST]
    note = [""] * len(rows[0])
    note[column] = text
    return [*rows, note]


def list_reading(document: Document) -> list[object]:
    return [
        [u.title for u in document.units],
        [
            (p.title, levels(document, i), values(document, i))
            for i, p in enumerate(document.projects)
        ],
        finding_keys(document),
    ]


@pytest.mark.parametrize("carrier", ["sheet", "html"])
def test_a_note_merged_across_the_list_is_no_indicator(carrier: str, tmp_path: Path) -> None:
    rows = with_note()
    merges = [*LIST_MERGES, (len(rows) - 1, 0, len(rows) - 1, len(rows[0]) - 1)]
    if carrier == "sheet":
        document = sheet_document(rows, merges)
    else:
        document = html_document(rows, merges, tmp_path)
    assert list_reading(document) == list_reading(sheet_document(LIST, LIST_MERGES))


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (NOTE, 0),  # under 单位名称: no unit
        ("说明：预算数单位为元。", 1),  # under 项目名称: no project
        ("填报说明：权重合计为100。", 4),  # under 一级指标: no category
        ("备注：本表由项目单位填报", 6),  # under 三级指标: no indicator
        ("注1：指标值为年度目标值。", 8),
    ],
    ids=["unit", "project", "level1", "name", "value"],
)
def test_a_note_in_one_cell_under_the_list_is_no_indicator(text: str, column: int) -> None:
    assert list_reading(tsv_document(with_note(text, column))) == list_reading(tsv_document(LIST))


@pytest.mark.parametrize(
    "cells",
    [
        {0: "填报人：李晓明", 6: "联系电话：020-83345678"},
        {0: "填报人：", 1: "李晓明", 4: "联系电话：", 6: "020-83345678"},
        {0: "单位负责人（签字）：", 6: "填报日期：2025年1月10日"},
    ],
    ids=["two-labels", "labels-and-values", "signature-and-date"],
)
def test_a_signature_under_the_list_is_no_unit_nor_indicator(cells: dict[int, str]) -> None:
    rows = [list(r) for r in LIST]
    signature = [""] * len(rows[0])
    for column, text in cells.items():
        signature[column] = text
    document = tsv_document([*rows, signature])
    assert list_reading(document) == list_reading(tsv_document(LIST))


def test_a_row_with_an_indicator_beside_a_label_is_still_read() -> None:
    """A labelled cell beside an indicator (a category, a name) is no
    signature: the row keeps its indicator."""
    rows = [list(r) for r in LIST]
    rows[4][6] = "联系电话：接通率"
    document = tsv_document(rows)
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]


def test_the_amount_unit_after_the_organisation_name() -> None:
    """``单位名称：某局 单位：元`` on one heading line: amounts in 元."""
    from audit.readers.grid import Grid
    from audit.readers.national import amount_unit

    def grid(heading: str) -> Grid:
        return Grid("Sheet1", [], Source("<test>", heading), "sheet", headings=[heading])

    assert amount_unit(grid("单位名称：某市公路事务中心 单位：元")) == "元"
    assert amount_unit(grid("单位名称：某市公路事务中心 单位：万元")) == "万元"
    assert amount_unit(grid("金额单位：元")) == "元"
    assert amount_unit(grid("单位名称：某市元宝山区交通局")) == "万元"


def test_rows_of_one_text_in_their_column_are_still_read() -> None:
    rows = [list(r) for r in LIST]
    # A unit written on a row of its own, and a 一级指标 heading the rows below.
    unit = rows[9][0]
    rows[9][0] = ""
    rows.insert(9, [unit, *[""] * 11])
    rows[5][4] = ""
    rows.insert(5, [*[""] * 4, "效益指标", *[""] * 7])
    document = tsv_document(rows)
    assert [u.title for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]
    assert levels(document) == levels(tsv_document(LIST))
    # A project whose name opens like a note word is still a project.
    rows = [list(r) for r in LIST]
    rows[7][1] = "说明牌制作安装"
    assert tsv_document(rows).projects[1].title == "说明牌制作安装"


# --------------------------------------------------------------------------
# Categories: synonyms accepted, wrong categories still reported


SYNONYM_ROWS = [
    ("产出指标", "产出数量指标", "培训人次", "≥500人次"),
    ("效益指标", "社会效益指标", "就业率", "≥80%"),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
    ("满意度指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%"),
    ("预期产出指标", "质量指标", "结业率", "≥95%"),
    ("效果指标", "经济效益指标", "人均增收", "≥500元"),
]


def category_list(rows: list[tuple[str, str, str, str]]) -> str:
    lines = [
        [
            "单位名称",
            "项目名称",
            "预算数",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
        ],
    ]
    for index, (level1, level2, name, value) in enumerate(rows):
        project = ["某市人社局", "职业技能培训补贴", "100.00", "开展职业技能培训。"]
        lines.append([*(project if index == 0 else ["", "", "", ""]), level1, level2, name, value])
    return as_tsv(lines)


def test_category_synonyms_are_accepted() -> None:
    findings = lint(
        load_text(category_list(SYNONYM_ROWS)),
        ["unknown-category", "category-mismatch", "missing-category"],
    )
    assert findings == []


def test_wrong_categories_are_still_reported() -> None:
    rows = [
        ("产出指标", "数量指标", "培训人次", "≥500人次"),
        ("效益指标", "数量指标", "就业人数", "≥400人"),  # 数量 belongs under 产出
        ("效益指标", "投入指标", "培训投入", "≤100万元"),  # not in the taxonomy
        ("投资指标", "数量指标", "新建基地数", "1个"),  # unknown level 1
    ]
    findings = lint(load_text(category_list(rows)), ["unknown-category", "category-mismatch"])
    assert [(f.rule, f.clause) for f in findings] == [
        ("category-mismatch", 2),
        ("unknown-category", 3),
        ("unknown-category", 4),
    ]
    assert "应属于「1-产出指标」" in findings[0].message
    assert "「投入指标」不在指标分类中" in findings[1].message
    assert "「投资指标」不在指标分类中" in findings[2].message


def test_missing_category_judges_row_clauses_by_name() -> None:
    rows = [("产出指标", "数量指标", "培训人次", "≥500人次")]
    findings = lint(load_text(category_list(rows)), ["missing-category"])
    assert [f.message for f in findings] == ["项目没有「效益指标」类绩效指标，应至少设置一条"]


def test_coded_categories_in_cells_are_judged_by_code_and_name() -> None:
    good = category_list([("1-产出指标", "11-数量指标", "培训人次", "≥500人次")])
    assert lint(load_text(good), ["unknown-category", "category-mismatch"]) == []
    (clause,) = clauses(load_text(good))
    assert clause.level2 is not None and (clause.level2.code, clause.level2.name) == (
        "11",
        "数量指标",
    )
    wrong = category_list([("1-产出指标", "21-经济效益", "人均增收", "≥500元")])
    findings = lint(load_text(wrong), ["unknown-category", "category-mismatch"])
    assert [(f.rule, f.excerpt) for f in findings] == [("category-mismatch", "21-经济效益")]


NDRC_ROWS = [
    ("实施效果指标", "产出指标", "新建道路里程", "≥12公里"),
    ("实施效果指标", "效益指标", "通行时间缩短", "≥20%"),
]


def test_ndrc_scheme_is_a_synonym_under_the_default_profile(tmp_path: Path) -> None:
    text = category_list(NDRC_ROWS)
    rules = ["unknown-category", "category-mismatch", "missing-category"]
    assert lint(load_text(text), rules) == []
    wrong = category_list([("实施效果指标", "数量指标", "新建道路里程", "≥12公里")])
    found = lint(load_text(wrong), ["category-mismatch"])
    assert [f.rule for f in found] == ["category-mismatch"]


def test_scheme_not_in_use_is_named_without_synonyms(tmp_path: Path) -> None:
    from audit.resources import resource

    shipped = resource("rules", "taxonomy.yaml").read_text(encoding="utf-8")
    (tmp_path / "taxonomy.yaml").write_text(
        shipped.replace("synonyms: [ndrc]", "synonyms: []"), encoding="utf-8"
    )
    config = config_with(tmp_path, "extends: default\ntaxonomy:\n  file: taxonomy.yaml\n")
    found = lint(load_text(category_list(NDRC_ROWS)), ["unknown-category"], config)
    assert [(f.rule, f.clause) for f in found] == [
        ("unknown-category", 1),
        ("unknown-category", 2),
    ]
    assert "属于未启用的指标分类「ndrc」" in found[0].message


def test_synonym_scheme_must_exist(tmp_path: Path) -> None:
    from audit.config import ConfigError
    from audit.resources import resource

    shipped = resource("rules", "taxonomy.yaml").read_text(encoding="utf-8")
    (tmp_path / "taxonomy.yaml").write_text(
        shipped.replace("synonyms: [ndrc]", "synonyms: [nrdc]"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="no scheme 'nrdc'"):
        config_with(tmp_path, "extends: default\ntaxonomy:\n  file: taxonomy.yaml\n")


# --------------------------------------------------------------------------
# Rules that read clause text do not fire on cell-built clauses


def test_clause_syntax_rules_do_not_fire_on_row_clauses() -> None:
    rules = [
        "parse-error",
        "clause-numbering",
        "repeated-field",
        "nonstandard-punctuation",
        "missing-field",
    ]
    for document in (tsv_document(FORM), tsv_document(LIST), sheet_document(FORM, FORM_MERGES)):
        assert lint(document, rules) == []


def test_duplicate_row_is_reported_as_a_duplicate_clause() -> None:
    rows = [list(r) for r in FORM]
    rows.insert(10, ["", "质量指标", "档案规范率", "≥95%", "≥95%"])
    findings = lint(tsv_document(rows), ["duplicate-clause"])
    assert [(f.clause, f.excerpt) for f in findings] == [
        (4, "产出指标 | 质量指标 | 档案规范率 | ≥95% | ≥95%")
    ]


# --------------------------------------------------------------------------
# The same table in every carrier gives the same findings


def finding_keys(document: Document) -> list[tuple[str, str | None, str | None, int | None]]:
    return sorted((f.rule, f.unit, f.project, f.clause) for f in lint(document))


DEFECTIVE_FORM = [list(r) for r in FORM]
DEFECTIVE_FORM[9] = ["", "质量指标", "档案规范率", "≥95%", "≥95"]  # unit lost in the annual value
DEFECTIVE_FORM[10] = ["效益指标", "数量指标", "居民健康知识知晓率", "待补充", "≥80%"]
DEFECTIVE_FORM[11] = ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "≥3次"]


@pytest.mark.parametrize(
    ("rows", "merges"),
    [(DEFECTIVE_FORM, FORM_MERGES), (LIST, LIST_MERGES), (FORMS_ANNUAL_ONLY, [])],
)
def test_tsv_csv_and_sheet_give_the_same_findings(rows, merges) -> None:  # type: ignore[no-untyped-def]
    expected = finding_keys(tsv_document(rows))
    assert expected  # each table has defects
    assert finding_keys(csv_document(rows)) == expected
    assert finding_keys(sheet_document(rows, merges)) == expected


@pytest.mark.parametrize(
    ("rows", "merges"),
    [(DEFECTIVE_FORM, FORM_MERGES), (LIST, LIST_MERGES), (FORMS_ANNUAL_ONLY, [])],
)
def test_a_real_workbook_gives_the_same_findings(rows, merges, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = workbook_document(rows, merges, tmp_path)
    assert document.layout.startswith("national-")
    assert finding_keys(document) == finding_keys(tsv_document(rows))


def test_a_workbook_finding_names_its_cell(tmp_path: Path) -> None:
    findings = lint(workbook_document(DEFECTIVE_FORM, FORM_MERGES, tmp_path))
    placeholder = next(f for f in findings if f.rule == "placeholder")
    assert placeholder.location == "Sheet1!D11"  # the 实施期 value of row 11


@pytest.mark.parametrize(("rows", "merges"), [(DEFECTIVE_FORM, FORM_MERGES), (LIST, LIST_MERGES)])
def test_a_pdf_gives_the_same_findings(rows, merges, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = pdf_document(rows, merges, tmp_path)
    assert finding_keys(document) == finding_keys(tsv_document(rows))


@pytest.mark.parametrize(("rows", "merges"), [(DEFECTIVE_FORM, FORM_MERGES), (LIST, LIST_MERGES)])
def test_a_web_page_gives_the_same_findings(rows, merges, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = html_document(rows, merges, tmp_path)
    assert finding_keys(document) == finding_keys(tsv_document(rows))


@pytest.mark.parametrize(("rows", "merges"), [(DEFECTIVE_FORM, FORM_MERGES), (LIST, LIST_MERGES)])
def test_a_word_table_gives_the_same_findings(rows, merges, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = docx_document(rows, merges, tmp_path)
    assert finding_keys(document) == finding_keys(tsv_document(rows))


def test_a_pdf_list_without_a_title_is_found_by_its_header(tmp_path: Path) -> None:
    rows = [list(r) for r in LIST[2:]]  # no title, no 单位名称 line
    merges = [(t - 2, left, b - 2, r) for t, left, b, r in LIST_MERGES if t >= 2]
    document = pdf_document(rows, merges, tmp_path)
    assert [p.title for p in document.projects] == LIST_PROJECTS


def test_the_template_title_is_the_table_title() -> None:
    rows = [list(r) for r in FORM]
    rows[0][0] = "2025年度项目支出绩效目标申报表"
    assert tsv_document(rows).title == "2025年度项目支出绩效目标申报表"


def test_a_pdf_form_over_several_pages_keeps_every_indicator_row(tmp_path: Path) -> None:
    rows = [list(r) for r in FORM]
    # Rows whose 一级/二级 cells are blank fall at the top of pages 2 and 3.
    many = [["", "", f"健康指标{i}", f"≥{i + 1}场", f"≥{i + 1}场"] for i in range(80)]
    rows[9:9] = many
    document = pdf_document(rows, [(0, 0, 0, 4), (1, 0, 1, 4)], tmp_path)
    assert levels(document) == levels(tsv_document(rows))
    assert len(document.projects[0].clauses) == 85


def two_row_header_form(
    merged_above: bool,
) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The form with a two-row indicator header (指标值 over 实施期 | 年度,
    the other header cells merged down); the project's name merged across
    the width above the grid unless ``merged_above`` is false."""
    rows = [list(r) for r in FORM]
    merges = [(0, 0, 0, 4), (1, 0, 1, 4)]
    if merged_above:
        rows[2] = ["项目名称", "社区公共卫生服务经费", "", "", ""]
        merges.append((2, 1, 2, 4))
    rows[6:7] = [
        ["一级指标", "二级指标", "三级指标", "指标值", ""],
        ["", "", "", "实施期", "年度"],
    ]
    merges += [(6, 0, 7, 0), (6, 1, 7, 1), (6, 2, 7, 2), (6, 3, 6, 4), (8, 0, 10, 0), (8, 1, 9, 1)]
    return rows, merges


@pytest.mark.parametrize("merged_above", [True, False])
def test_a_pdf_form_with_a_two_row_header_keeps_its_categories(
    merged_above: bool, tmp_path: Path
) -> None:
    # A cell merged across columns above the grid is no measure of the
    # columns: the cells merged down in the header still find their range.
    rows, merges = two_row_header_form(merged_above)
    document = pdf_document(rows, merges, tmp_path)
    assert levels(document) == FORM_LEVELS
    assert values(document)[0] == ("≥36场", "≥12场")
    assert finding_keys(document) == finding_keys(sheet_document(rows, merges))


def test_defective_form_findings_are_what_a_reviewer_marks() -> None:
    findings = lint(tsv_document(DEFECTIVE_FORM))
    assert [(f.rule, f.clause, f.field, f.line) for f in findings] == [
        ("annual-period-mismatch", 3, "annual", 10),  # ≥95 against ≥95%
        ("category-mismatch", 4, "clause", 11),  # 数量指标 under 效益指标
        ("placeholder", 4, "period", 11),  # 待补充
        ("value-type-mismatch", 5, "annual", 12),  # a satisfaction measured in 次
    ]
    assert all(f.project == "社区公共卫生服务经费" for f in findings)


# --------------------------------------------------------------------------
# Bad input


def test_national_header_without_any_project_is_a_read_error() -> None:
    text = as_tsv(
        [["一级指标", "二级指标", "三级指标", "年度指标值"], ["产出指标", "数量指标", "a", "1"]]
    )
    with pytest.raises(ReadError):
        load_text(text)


def test_guangzhou_tables_are_not_taken_for_national_ones(seed_002: Document) -> None:
    assert seed_002.layout == "tsv"


# --------------------------------------------------------------------------
# Property: random well-formed lists round-trip

_CELL = st.text(
    alphabet=st.sampled_from("居民培训档案服务设施道路维护率数量质量人次场"), min_size=1, max_size=8
)
_LEVELS = st.sampled_from(
    [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
        ("效益指标", "社会效益指标"),
        ("效益指标", "经济效益"),
        ("满意度指标", "服务对象满意度指标"),
    ]
)
_VALUE = st.tuples(
    st.sampled_from(["≥", "≤", "=", "定性"]),
    st.integers(min_value=0, max_value=99999).map(str),
    st.sampled_from(["%", "人", "个", "场", "公里", ""]),
)
_INDICATOR = st.tuples(_LEVELS, _CELL, _VALUE)
_PROJECT = st.tuples(_CELL, st.lists(_INDICATOR, min_size=1, max_size=6))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PROJECT, min_size=1, max_size=5), st.booleans(), st.booleans())
def test_random_lists_round_trip(projects, blank_levels, as_csv_text) -> None:  # type: ignore[no-untyped-def]
    header = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标"]
    rows = [[*header, "指标性质", "指标值", "度量单位", "权重"]]
    expected = []
    for number, (name, indicators) in enumerate(projects):
        title = f"{name}项目{number}"
        previous: tuple[str, str] | None = None
        for index, ((level1, level2), indicator, (comparator, amount, unit)) in enumerate(
            indicators
        ):
            project = (
                ["某局", title, f"{number + 1}.00", "完成年度任务。"] if index == 0 else [""] * 4
            )
            shown1, shown2 = level1, level2
            if blank_levels and previous is not None and previous[0] == level1:
                shown1 = ""  # merged down: blank below the first row
                if previous[1] == level2:
                    shown2 = ""
            previous = (level1, level2)
            rows.append([*project, shown1, shown2, indicator, comparator, amount, unit, "10"])
            prefix = "" if comparator == "定性" else comparator
            expected.append((title, level1, level2, indicator, f"{prefix}{amount}{unit}"))
    document = load_text(as_csv(rows) if as_csv_text else as_tsv(rows))
    found = [
        (
            project.title,
            c.level1.name if c.level1 else None,
            c.level2.name if c.level2 else None,
            c.name,
            c.annual.text if c.annual else None,
        )
        for project in document.projects
        for c in project.clauses
        if isinstance(c, Clause)
    ]
    assert found == expected
    assert [p.title for p in document.projects] == [
        f"{n}项目{i}" for i, (n, _) in enumerate(projects)
    ]
    for project in document.projects:
        assert [c.number for c in project.clauses] == list(range(1, len(project.clauses) + 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from("甲乙"), st.integers(1, 3)), min_size=1, max_size=6),
    st.sampled_from(["first", "every", "every-numbered", "every-row-numbered"]),
    st.sampled_from(["", NOTE]),
)
def test_random_lists_with_projects_pasted_twice(blocks, fill, note) -> None:  # type: ignore[no-untyped-def]
    # Blocks of the same project may follow each other (a paste); each block is
    # one project unless the list repeats the project columns on every row
    # with nothing to tell the blocks apart: no 序号, or a 序号 per row (which
    # a list of one-row projects numbered one by one is as well).
    header = ["序号", "单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标"]
    rows = [[*header, "三级指标", "指标值", "权重"]]
    line = 0
    for block, (name, count) in enumerate(blocks):
        for index in range(count):
            line += 1
            first = index == 0 or fill != "first"
            number = {
                "first": str(block + 1) if index == 0 else "",
                "every": "",
                "every-numbered": str(block + 1),
                "every-row-numbered": str(line),
            }[fill]
            project = ["某局", f"{name}项目", "10.00", "完成年度任务。"] if first else [""] * 4
            rows.append([number, *project, "产出指标", "数量指标", f"指标{index}", "≥1个", "10"])
    if note:
        rows.append([note, *[""] * 9])
    one_row_each = all(count == 1 for _, count in blocks)
    joins = fill in ("every", "every-row-numbered") or one_row_each
    expected: list[tuple[str, int]] = []
    for name, count in blocks:
        merged = joins and expected and expected[-1][0] == name
        if merged:
            expected[-1] = (name, expected[-1][1] + count)
        else:
            expected.append((name, count))
    document = tsv_document(rows)
    assert [(p.title[0], len(p.clauses)) for p in document.projects] == expected


# --------------------------------------------------------------------------
# The shipped examples show the defects they were written with
# --------------------------------------------------------------------------
# The shipped examples show the defects they were written with

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_national_form_example_findings() -> None:
    findings = lint(EXAMPLES / "national-form.tsv")
    assert [(f.rule, f.project, f.clause) for f in findings] == [
        ("placeholder", "社区公共卫生服务经费", 4),  # 待补充
        ("category-keyword-mismatch", "社区公共卫生服务经费", 6),  # satisfaction under 社会效益
        ("empty-row", "社区公共卫生服务经费", 7),  # 经济效益 row left empty
        ("value-type-mismatch", "社区公共卫生服务经费", 8),  # 满意度 as a count
    ]


def test_national_list_example_findings() -> None:
    findings = lint(EXAMPLES / "national-list.csv")
    assert [(f.rule, f.project, f.clause) for f in findings] == [
        ("amount-format", "道路运输安全检查", None),  # four decimals in 元
        ("missing-unit", "道路运输安全检查", 1),  # 检查企业数 ≥ 120, 度量单位 blank
        ("boilerplate-value", "道路运输安全检查", None),  # ≥95% on three unrelated effects
        ("unknown-category", "港口设施维护", 2),  # 投入指标
    ]


_WORDS = st.sampled_from(
    [
        "",
        "",
        "项目名称",
        "主管部门",
        "资金总额",
        "财政拨款",
        "年度目标",
        "实施期目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实施期指标值",
        "指标值",
        "度量单位",
        "指标性质",
        "产出指标",
        "数量指标",
        "≥",
        "定性",
        "95",
        "%",
        "12.50",
        "某单位",
        "金额单位：元",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=8), min_size=1, max_size=14))
def test_random_grids_read_or_fail_with_a_read_error(rows) -> None:  # type: ignore[no-untyped-def]
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值"], *rows]
    try:
        document = load_text(as_tsv(rows))
    except ReadError:
        return
    lint(document)  # every rule runs on whatever was read


@pytest.mark.parametrize(
    ("comparator", "value", "unit", "written"),
    [
        ("≥", "95", "%", "≥95%"),
        ("≥", "二十", "场", "≥二十场"),  # a number in Chinese numerals keeps its unit
        ("定性", "明显改善", "", "明显改善"),
        ("定性", "明显改善", "次", "明显改善"),  # text takes no unit
        ("≥", "300人", "人", "≥300人"),  # the unit already written
    ],
)
def test_a_value_in_columns_is_written_as_one(
    comparator: str, value: str, unit: str, written: str
) -> None:
    from audit.model import Text
    from audit.readers.national import compose

    source = Source("<test>", comparator + value + unit)
    cells = [
        Text.at(source, 0, comparator),
        Text.at(source, len(comparator), value),
        Text.at(source, len(comparator) + len(value), unit),
    ]
    assert compose(*cells).value == written


@pytest.mark.parametrize(
    ("total", "fiscal", "warned"),
    [
        ("360.00万元", "360.00万元", []),
        ("360万元", "3,600,000.00元", ["总计“360万元”应保留两位小数（如 360.00）"]),
        ("3600000元", "360.00", []),
    ],
)
def test_an_amount_written_with_its_unit_in_its_cell(total: str, fiscal: str, warned) -> None:  # type: ignore[no-untyped-def]
    """``360万元`` in an amount cell is 360 万元, ``3,600,000.00元`` the same in
    元: a number with its unit, not "not a number"; the budget checks run."""
    rows = [list(r) for r in FORM]
    rows[4] = ["资金总额", total, "其中：财政拨款", fiscal, ""]
    document = tsv_document(rows)
    amounts = document.projects[0].amounts
    assert (amounts.value("total"), amounts.value("fiscal")) == (Decimal(360), Decimal(360))
    findings = lint(document, ["amount-format", "row-sum-mismatch"])
    assert [f.message for f in findings] == warned


def test_an_amount_cell_with_other_words_is_still_not_a_number() -> None:
    """Near miss: 约360万元 or 360万 (no 元) is no amount a sum can use."""
    for text in ("约360万元", "360万", "360万美元"):
        rows = [list(r) for r in FORM]
        rows[4] = ["资金总额", text, "其中：财政拨款", "360.00", ""]
        document = tsv_document(rows)
        assert document.projects[0].amounts.value("total") is None
        [finding] = lint(document, ["amount-format"])
        assert "不是数字" in finding.message
