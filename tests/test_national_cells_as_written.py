"""National-template tables as provinces' units really fill them in: amounts
typed in full width with their unit, a form's 单位：万元 line over the next
form, units parted by a 单位名称 row across a list, names wrapped inside their
cells, a list's 实施期目标 column stating the years, a cost per month whose name
counts its months. Each with near misses that must stay as they were."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.model import Document, Finding
from tests.conftest import lint
from tests.national import (
    FORM,
    FORM_MERGES,
    LIST,
    LIST_MERGES,
    csv_document,
    html_tables_document,
    sheet_document,
    with_cells,
    workbook_sheets_document,
)

# --------------------------------------------------------------------------
# Amounts typed in full width, with their unit in the cell


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("２４０．９５ 万元", Decimal("240.95")),
        ("１，２３４．５６万元", Decimal("1234.56")),
        ("３６０．００　万元", Decimal("360.00")),  # an ideographic space
    ],
)
def test_a_full_width_amount_with_its_unit_is_read(written: str, value: Decimal) -> None:
    rows = with_cells(FORM, {(4, 1): written, (4, 3): written})
    document = sheet_document(rows)
    [project] = document.projects
    assert project.amounts.value("total") == value
    findings = lint(document, ["amount-format", "row-sum-mismatch"])
    # the full width is the one thing to mend: no "不是数字", no sum error
    assert {f.severity for f in findings} == {"warning"}
    assert all("全角" in f.message for f in findings)


def test_a_half_width_amount_with_its_unit_needs_nothing() -> None:
    rows = with_cells(FORM, {(4, 1): "360.00万元", (4, 3): "360.00万元"})
    document = sheet_document(rows)
    assert document.projects[0].amounts.value("total") == Decimal("360.00")
    assert lint(document, ["amount-format"]) == []


def test_a_full_width_word_is_still_no_amount() -> None:
    rows = with_cells(FORM, {(4, 1): "待定 万元"})
    document = sheet_document(rows)
    assert document.projects[0].amounts.value("total") is None
    # a draft's placeholder where the amount goes: placeholder's error
    findings = lint(document, ["amount-format", "placeholder"])
    assert [(f.rule, f.severity) for f in findings] == [("placeholder", "error")]


# --------------------------------------------------------------------------
# Forms printed one after another on a sheet


def _stacked(gap: int, unit_line: bool) -> list[list[str]]:
    """Two forms on one sheet, each with its title, its year and (with
    ``unit_line``) a 单位：万元 line in the last column above it."""
    second = with_cells(FORM, {(2, 1): "孕产妇健康管理经费", (5, 3): "本年度开展孕产妇保健。"})
    rows: list[list[str]] = []
    for form in (FORM, second):
        rows.append(["项目支出绩效目标申报表", "", "", "", ""])
        rows.append(["（2025年度）", "", "", "", ""])
        if unit_line:
            rows.append(["", "", "", "", "单位：万元"])
        rows.extend(list(row) for row in form[2:])
        rows.extend([[""] * 5 for _ in range(gap)])
    return rows


@pytest.mark.parametrize("gap", [0, 1, 2])
def test_the_unit_line_over_the_next_form_is_no_indicator(gap: int) -> None:
    document = sheet_document(_stacked(gap, unit_line=True))
    first, second = document.projects
    assert len(first.clauses) == len(second.clauses) == 5
    names = [c.name for p in document.projects for c in p.clauses]
    assert "" not in names
    assert not any("单位" in f.text for p in document.projects for c in p.clauses for f in c.fields)
    assert lint(document, ["empty-value", "missing-field", "not-quantified"]) == []


def test_forms_without_the_unit_line_read_the_same() -> None:
    with_line = sheet_document(_stacked(1, unit_line=True))
    without = sheet_document(_stacked(1, unit_line=False))
    assert [len(p.clauses) for p in with_line.projects] == [
        len(p.clauses) for p in without.projects
    ]


# --------------------------------------------------------------------------
# A list whose units are parted by a row across it


def _banded(band: str = "单位名称：{}") -> list[list[str]]:
    """The list without its 单位名称 column, a row across it naming each unit
    above that unit's projects."""
    rows = [row[1:] for row in LIST]
    width = len(rows[0])
    rows[1] = ["部门名称：某市交通运输局", *[""] * (width - 2), "金额单位：元"]
    first = ["" for _ in range(width)]
    first[0] = band.format("某市公路事务中心")
    second = ["" for _ in range(width)]
    second[0] = band.format("某市港航事务中心")
    return [*rows[:3], first, *rows[3:9], second, *rows[9:]]


def test_a_unit_row_across_the_list_parts_its_units() -> None:
    document = sheet_document(_banded())
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]
    assert [(u.name.value, [p.name.value for p in u.projects]) for u in document.units] == [
        ("某市公路事务中心", ["农村公路养护经费", "道路运输安全检查"]),
        ("某市港航事务中心", ["港口设施维护"]),
    ]


def test_a_unit_row_merged_across_the_list_parts_its_units() -> None:
    rows = _banded()
    width = len(rows[0])
    merges = [(3, 0, 3, width - 1), (10, 0, 10, width - 1)]
    document = sheet_document(rows, merges)
    assert [u.name.value for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]


def test_a_unit_row_repeated_over_a_page_keeps_the_project_going() -> None:
    rows = _banded()
    # the first unit's row repeated between two indicator rows of its project
    rows.insert(5, list(rows[3]))
    document = sheet_document(rows)
    assert [u.name.value for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]
    assert [len(p.clauses) for p in document.projects] == [4, 2, 3]


def test_a_note_across_the_list_is_no_unit() -> None:
    document = sheet_document(_banded("注：{}的项目由局统一采购"))
    assert len(document.units) == 1
    assert len(document.projects) == 3


def test_a_list_with_a_unit_column_keeps_its_units() -> None:
    document = sheet_document(LIST, LIST_MERGES)
    assert [u.name.value for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]


# --------------------------------------------------------------------------
# Names wrapped inside their cells


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("农村公路\n养护经费", "农村公路养护经费"),
        ("农村公路\r\n养护经费", "农村公路养护经费"),
        ("农村公路 \n 养护经费", "农村公路养护经费"),
        ("GIS\n平台运维经费", "GIS平台运维经费"),
        ("Smart\nCity平台", "Smart City平台"),
    ],
)
def test_a_project_name_wrapped_in_its_cell_is_one_line(written: str, read: str) -> None:
    rows = with_cells(LIST, {(3, 1): written})
    document = sheet_document(rows, LIST_MERGES)
    assert document.projects[0].name.value == read


def test_an_indicator_name_wrapped_in_its_cell_is_one_line() -> None:
    rows = with_cells(LIST, {(3, 6): "养护\n里程"})
    document = sheet_document(rows, LIST_MERGES)
    assert document.projects[0].clauses[0].name == "养护里程"


def test_a_wrapped_name_still_points_at_its_cell() -> None:
    rows = with_cells(LIST, {(3, 1): "农村公路\n养护经费"})
    document = sheet_document(rows, LIST_MERGES)
    name = document.projects[0].name
    assert name.value == "农村公路养护经费"
    assert name.source.text[name.origin(0) : name.origin(3) + 1] == "农村公路"
    assert name.source.text[name.origin(4) : name.origin(7) + 1] == "养护经费"


def test_a_goal_keeps_its_lines() -> None:
    rows = with_cells(LIST, {(3, 3): "一、完成养护。\n二、保障通行。"})
    document = sheet_document(rows, LIST_MERGES)
    goal = document.projects[0].goal
    assert goal is not None and "\n" in goal.value


# --------------------------------------------------------------------------
# A list's 实施期目标 column states the project's years


_PERIOD_GOAL_LIST = [
    ["2025年项目支出绩效目标表", "", "", "", "", "", "", "", "", ""],
    [
        "项目名称",
        "预算数",
        "实施期目标",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "实施期指标值",
        "年度指标值",
        "",
    ],
    [
        "老年人健康体检经费",
        "411.03",
        "{period_goal}",
        "{annual_goal}",
        "产出指标",
        "数量指标",
        "老年人健康体检人数",
        "≥37611人",
        "≥12537人",
        "",
    ],
    ["", "", "", "", "", "质量指标", "体检报告规范率", "≥95%", "≥95%", ""],
    ["", "", "", "", "满意度指标", "服务对象满意度指标", "体检对象满意度", "≥90%", "≥90%", ""],
]
_PERIOD = "2025-2027年期间，为辖区老年人提供健康体检37611人次，建立健康档案。"
_ANNUAL = "2025年为辖区老年人提供健康体检12537人次，更新健康档案。"


def _period_goal_list(period_goal: str, annual_goal: str) -> Document:
    rows = [
        [cell.format(period_goal=period_goal, annual_goal=annual_goal) for cell in row]
        for row in _PERIOD_GOAL_LIST
    ]
    return sheet_document(rows)


def _rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_the_period_goal_column_states_a_multi_year_project() -> None:
    document = _period_goal_list(_PERIOD, _ANNUAL)
    assert lint(document, ["annual-period-mismatch", "goal-copied"]) == []


def test_an_annual_goal_copied_from_the_period_goal_column_is_found() -> None:
    document = _period_goal_list(_PERIOD, _PERIOD)
    findings = lint(document, ["goal-copied"])
    assert _rules(findings) == ["goal-copied"]
    assert "2025—2027年" in findings[0].message


def test_a_period_goal_reaching_past_the_budget_year_states_a_multi_year_project() -> None:
    """到2027年累计… in a 2025 list: the annual count is this year's share."""
    period = "到2027年累计为辖区老年人提供健康体检37611人次，建立健康档案。"
    assert lint(_period_goal_list(period, _ANNUAL), ["annual-period-mismatch"]) == []


def test_a_period_goal_of_one_year_states_no_span() -> None:
    """Near miss: the annual share still needs the span stated somewhere."""
    one_year = "2025年为辖区老年人提供健康体检37611人次，建立健康档案。"
    document = _period_goal_list(one_year, _ANNUAL)
    assert _rules(lint(document, ["annual-period-mismatch"])) == ["annual-period-mismatch"]
    assert lint(_period_goal_list(one_year, one_year), ["goal-copied"]) == []


# --------------------------------------------------------------------------
# A cost per month whose name counts its months


def _monthly(name: str, value: str) -> Document:
    rows = with_cells(
        FORM,
        {
            (3, 3): "2025.01-2025.12",
            (10, 0): "成本指标",
            (10, 1): "经济成本指标",
            (10, 2): name,
            (10, 3): value,
            (10, 4): value,
        },
    )
    return sheet_document(rows)


def test_a_cost_per_month_is_multiplied_by_the_months_its_name_counts() -> None:
    # 60 × 10 = 600 > 360.00; 60 × 12 would be too, but the name says 10
    [finding] = lint(_monthly("月均运营成本（10个月）", "≤60万元/月"), ["cost-exceeds-budget"])
    assert finding.severity == "warning"
    assert "60万元 × 10 = 600万元" in finding.message


def test_the_months_a_name_counts_can_keep_a_cost_within_the_budget() -> None:
    """Near miss: 40 × 12 would pass 360.00, 40 × 6 does not."""
    assert lint(_monthly("月均运营成本（6个月）", "≤40万元/月"), ["cost-exceeds-budget"]) == []


# --------------------------------------------------------------------------
# A form that names 其中：财政拨款 and no other funds


@pytest.mark.parametrize(
    ("fiscal", "severities"), [("300.00", ["warning"]), ("360.00", []), ("400.00", ["error"])]
)
def test_a_form_naming_one_part_of_its_total_asks_for_the_rest(
    fiscal: str, severities: list[str]
) -> None:
    rows = with_cells(FORM, {(4, 3): fiscal})
    findings = lint(sheet_document(rows), ["row-sum-mismatch"])
    assert [f.severity for f in findings] == severities
    if fiscal == "300.00":
        assert "没有其他资金一栏" in findings[0].message


def test_a_form_with_a_line_for_other_funds_adds_them_up() -> None:
    """Near miss: with 其他资金 on the form, its sources must add up to 资金总额."""
    rows = [list(row) for row in FORM]
    rows[4] = ["资金总额（万元）", "360.00", "其中：财政拨款", "300.00", ""]
    rows.insert(5, ["", "", "其他资金", "", ""])
    [finding] = lint(sheet_document(rows), ["row-sum-mismatch"])
    assert finding.severity == "error"


# --------------------------------------------------------------------------
# A printed list's page headings, repeated over its pages


def test_page_headings_in_the_middle_of_a_list_are_no_projects() -> None:
    rows = _banded()
    width = len(rows[0])
    page = [
        ["第2页，共3页", *[""] * (width - 1)],
        ["2025年部门项目支出绩效目标表", *[""] * (width - 1)],
        ["单位名称：某市公路事务中心", *[""] * (width - 2), "金额单位：元"],
        list(rows[2]),  # the header again
    ]
    # a page break inside 某市公路事务中心's projects, before 道路运输安全检查
    rows[8:8] = page
    document = sheet_document(rows)
    assert [(u.name.value, [p.name.value for p in u.projects]) for u in document.units] == [
        ("某市公路事务中心", ["农村公路养护经费", "道路运输安全检查"]),
        ("某市港航事务中心", ["港口设施维护"]),
    ]
    assert lint(document, ["amount-format", "missing-goal"]) == []


def test_a_unit_heading_row_ends_its_name_before_another_label() -> None:
    rows = _banded("单位名称：{}    单位负责人：张某   联系电话：020-12345678")
    assert [u.name.value for u in sheet_document(rows).units] == [
        "某市公路事务中心",
        "某市港航事务中心",
    ]


def test_a_unit_row_with_its_amounts_drops_its_label() -> None:
    rows = with_cells(LIST, {(3, 0): "", (8, 0): ""})
    rows = [row[1:] for row in rows]
    width = len(rows[0])
    rows.insert(3, ["单位名称：某市公路事务中心", "1500000.00", *[""] * (width - 2)])
    document = sheet_document(rows)
    assert document.units[0].name.value == "某市公路事务中心"


# --------------------------------------------------------------------------
# A list's 项目期 column


def test_a_lists_term_column_is_the_projects_span_not_its_values() -> None:
    rows = [list(row) for row in _PERIOD_GOAL_LIST]
    for row in rows[1:]:
        row.insert(2, "")
    rows[0].insert(2, "")
    rows[1][2] = "项目期"
    rows[2][2] = "2025.01-2027.12"
    rows = [
        [cell.format(period_goal="持续开展老年人健康体检。", annual_goal=_ANNUAL) for cell in row]
        for row in rows
    ]
    document = sheet_document(rows)
    [project] = document.projects
    assert project.term is not None and project.term.value == "2025.01-2027.12"
    assert [f.text for f in project.clauses[0].fields] == ["≥37611人", "≥12537人"]
    # the span it states makes the annual share of a cumulative count legitimate
    assert lint(document, ["empty-value", "annual-period-mismatch"]) == []


# --------------------------------------------------------------------------
# A list per unit, each under its own 单位名称 heading


def _unit_list(unit: str, project: str, amount: str) -> list[list[str]]:
    rows = [row[1:] for row in LIST[2:5]]  # the header and one project's rows, no unit column
    rows[1][0:2] = [project, amount]
    return [
        ["2025年部门项目支出绩效目标表", *[""] * 10],
        [f"单位名称：{unit}", *[""] * 9, "金额单位：元"],
        ["合计", amount, *[""] * 9],
        *rows,
    ]


def test_a_sheet_per_unit_gives_each_list_its_unit(tmp_path: Path) -> None:
    document = workbook_sheets_document(
        [
            ("公路中心", _unit_list("某市公路事务中心", "农村公路养护经费", "1200000.00"), []),
            ("港航中心", _unit_list("某市港航事务中心", "港口设施维护", "450000.50"), []),
        ],
        tmp_path,
    )
    assert [(u.name.value, [p.name.value for p in u.projects]) for u in document.units] == [
        ("某市公路事务中心", ["农村公路养护经费"]),
        ("某市港航事务中心", ["港口设施维护"]),
    ]
    # each list's 合计 is its own projects' sum: no mismatch
    assert lint(document, ["total-mismatch", "subtotal-mismatch"]) == []


def test_a_web_table_per_unit_gives_each_list_its_unit(tmp_path: Path) -> None:
    parts = [
        (
            ["单位名称：某市公路事务中心"],
            _unit_list("某市公路事务中心", "农村公路养护经费", "1200000.00")[2:],
            [],
        ),
        (
            ["单位名称：某市港航事务中心"],
            _unit_list("某市港航事务中心", "港口设施维护", "450000.50")[2:],
            [],
        ),
    ]
    document = html_tables_document(parts, tmp_path)
    assert [u.name.value for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]


def test_one_list_under_its_unit_heading_keeps_one_unit(tmp_path: Path) -> None:
    """Near miss: a single list under its 单位名称 is that organisation's."""
    document = workbook_sheets_document(
        [("公路中心", _unit_list("某市公路事务中心", "农村公路养护经费", "1200000.00"), [])],
        tmp_path,
    )
    assert len(document.units) == 1
    assert [p.name.value for p in document.projects] == ["农村公路养护经费"]


def test_a_departments_total_named_with_its_name_is_the_lists_total() -> None:
    """某市交通运输局合计: the department's sums over its units, no unit of its own."""
    rows = [list(row) for row in LIST]
    width = len(rows[0])
    rows.insert(3, ["某市交通运输局合计", "", "1950000.50", *[""] * (width - 3)])
    document = sheet_document(rows, [])
    assert [u.name.value for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]
    assert lint(document, ["subtotal-mismatch", "total-mismatch"]) == []


def test_a_web_table_per_unit_under_a_short_unit_label(tmp_path: Path) -> None:
    """单位：某市公路事务中心 names the unit as 单位名称 does; 单位：万元 names none."""
    parts = [
        (
            ["单位：某市公路事务中心", "单位：元"],
            _unit_list("某市公路事务中心", "农村公路养护经费", "1200000.00")[2:],
            [],
        ),
        (
            ["单位：某市港航事务中心", "单位：元"],
            _unit_list("某市港航事务中心", "港口设施维护", "450000.50")[2:],
            [],
        ),
    ]
    document = html_tables_document(parts, tmp_path)
    assert [u.name.value for u in document.units] == ["某市公路事务中心", "某市港航事务中心"]


# --------------------------------------------------------------------------
# A category cell that carries its weight


@pytest.mark.parametrize(
    "written",
    [
        "产出指标（50分）",
        "产出指标(50)",
        "产出指标 50分",
        "产出指标（ 50 分）",
        "1-产出指标（50分）",
        # the weight named, or a share of the score in percent
        "产出指标（权重50%）",
        "产出指标（分值：50）",
        "产出指标（50%）",
    ],
)
def test_a_level1_cell_with_its_weight_is_that_category(written: str) -> None:
    rows = with_cells(FORM, {(7, 0): written, (10, 0): "效益指标（30分）"})
    document = sheet_document(rows, FORM_MERGES)
    levels = [c.level1.name for c in document.projects[0].clauses if c.level1 is not None]
    assert levels == ["产出指标"] * 3 + ["效益指标", "满意度指标"]
    assert lint(document, ["unknown-category", "category-mismatch"]) == []


def test_a_level1_weight_leaves_the_category_cell_located() -> None:
    document = sheet_document(with_cells(FORM, {(7, 0): "产出指标（50分）"}), FORM_MERGES)
    level1 = document.projects[0].clauses[0].level1
    assert level1 is not None
    span = level1.span
    assert (span.line, span.end_column - span.column) == (span.end_line, len("产出指标"))


def test_a_level2_cell_with_its_weight_is_that_category() -> None:
    rows = with_cells(FORM, {(7, 1): "数量指标（20分）", (9, 1): "质量指标(10)"})
    document = sheet_document(rows, FORM_MERGES)
    levels = [c.level2.name for c in document.projects[0].clauses if c.level2 is not None]
    assert levels[:3] == ["数量指标", "数量指标", "质量指标"]
    assert lint(document, ["unknown-category", "category-mismatch"]) == []


@pytest.mark.parametrize(
    "written", ["投入指标（20分）", "产出指标（一）", "产出指标2025", "产出指标（权重）"]
)
def test_a_category_cell_with_other_words_after_its_name_is_kept_whole(written: str) -> None:
    document = sheet_document(with_cells(FORM, {(10, 0): written}), FORM_MERGES)
    clause = document.projects[0].clauses[3]
    assert clause.level1 is not None
    assert clause.level1.name == (written[:4] if written.startswith("投入") else written)
    assert [f.rule for f in lint(document, ["unknown-category"])] == ["unknown-category"]


# --------------------------------------------------------------------------
# A list whose header spans two lines

TWO_LINE_HEADER: list[list[str]] = [
    [
        "单位名称",
        "项目名称",
        "预算数",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "",
    ],
    ["", "", "", "", "", "", "", "年度指标值", "实施期指标值"],
    [
        "某区教育局",
        "薄弱学校改善办学条件项目",
        "960",
        "2024-2026年分批为薄弱学校购置教学设备，改善办学条件。",
        "产出指标",
        "数量指标",
        "购置教学设备",
        "≥2000台套",
        "≥6000台套",
    ],
    ["", "", "", "", "", "质量指标", "设备验收合格率", "100%", "100%"],
    ["", "", "", "", "满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "≥90%"],
]


def _values(document: Document) -> list[tuple[str | None, str | None]]:
    return [
        (
            None if c.period is None else c.period.text,
            None if c.annual is None else c.annual.text,
        )
        for c in document.projects[0].clauses
    ]


def _two_line_documents(rows: list[list[str]]) -> list[Document]:
    """The list as CSV (no merges) and as sheets with 指标值 merged over its
    two columns, the other heads merged down or not."""
    down = [(0, column, 1, column) for column in range(7)]
    return [
        csv_document(rows),
        sheet_document(rows, [(0, 7, 0, 8)]),
        sheet_document(rows, [(0, 7, 0, 8), *down]),
    ]


def test_a_header_over_two_lines_names_both_value_columns() -> None:
    for document in _two_line_documents(TWO_LINE_HEADER):
        assert [p.title for p in document.projects] == ["薄弱学校改善办学条件项目"]
        assert _values(document) == [
            ("≥6000台套", "≥2000台套"),
            ("100%", "100%"),
            ("≥90%", "≥90%"),
        ]
        assert document.orphans == ()
        assert lint(document, ["orphan-text", "annual-period-mismatch"]) == []


def test_an_annual_value_above_the_period_value_under_a_two_line_header_is_found() -> None:
    rows = with_cells(TWO_LINE_HEADER, {(2, 8): "≥1500台套"})
    for document in _two_line_documents(rows):
        findings = lint(document, ["annual-period-mismatch", "orphan-text"])
        assert [(f.rule, f.severity) for f in findings] == [("annual-period-mismatch", "error")]


def test_a_list_with_a_one_line_header_reads_its_first_row_as_a_project() -> None:
    rows = [TWO_LINE_HEADER[0][:8], *(row[:8] for row in TWO_LINE_HEADER[2:])]
    rows[0][7] = "年度指标值"
    document = csv_document(rows)
    assert [p.title for p in document.projects] == ["薄弱学校改善办学条件项目"]
    assert _values(document)[0] == (None, "≥2000台套")


# --------------------------------------------------------------------------
# A unit drop-down that spells the percent sign out


def _percent_spelled(satisfaction: str) -> list[list[str]]:
    rows = [list(row) for row in LIST]
    rows[4][9] = "百分比"  # 路面优良率 | ≥ | 85 | 百分比
    rows[6][8], rows[6][9] = satisfaction, "百分比"
    return rows


def test_a_unit_spelled_百分比_is_percent() -> None:
    document = sheet_document(_percent_spelled("90"), LIST_MERGES)
    clauses = document.projects[0].clauses
    assert [(c.annual.value.comparator, c.annual.value.unit) for c in clauses if c.annual][
        1::2
    ] == [
        (">=", "%"),
        (">=", "%"),
    ]
    assert lint(document, ["satisfaction-target", "value-type-mismatch", "missing-unit"]) == []


def test_a_satisfaction_of_100_百分比_is_a_satisfaction_of_100_percent() -> None:
    findings = lint(sheet_document(_percent_spelled("100"), LIST_MERGES), ["satisfaction-target"])
    assert [(f.rule, f.excerpt) for f in findings] == [("satisfaction-target", "≥100百分比")]
