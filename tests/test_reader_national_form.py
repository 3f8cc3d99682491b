"""The national form's project block as provinces lay it out: amounts stated
for the period and for the year side by side, goal labels that name their
years, labels and values in one cell; and the reason given when an
indicator grid has no project above it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document
from audit.readers import NotATable, ReadError, read_path
from audit.readers.national import norm
from tests.conftest import lint
from tests.national import Merge, Rows, html_document, sheet_document, tsv_document

GRID: Rows = [
    ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
    ["产出指标", "数量指标", "新建改造供水管网长度", "≥180公里", "≥60公里"],
    ["效益指标", "社会效益指标", "农村自来水普及率", "≥92%", "≥90%"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "≥90%"],
]
NAME = ["项目名称", "农村饮水安全巩固提升工程", "", "项目期", "2024年-2026年"]
GOAL = ["年度目标", "2025年新建改造供水管网60公里，农村自来水普及率达到90%。", "", "", ""]
GOAL_MERGE: Merge = (4, 1, 4, 4)


def amounts(document: Document) -> tuple[Decimal | None, ...]:
    found = document.projects[0].amounts
    return tuple(found.value(key) for key in ("total", "fiscal", "other"))


def both(rows: Rows, merges: list[Merge]) -> list[Document]:
    """The form as text and as a sheet with its merged ranges."""
    return [tsv_document(rows), sheet_document(rows, merges)]


# --------------------------------------------------------------------------
# Amounts for the period and for the year


def mof_block(annual: tuple[str, str, str], period: tuple[str, str, str]) -> Rows:
    """The Ministry's 申报表 (财预〔2015〕88号): label/value pairs for the
    medium term and for the year side by side, 财政拨款/其他资金 below each."""
    return [
        NAME,
        ["项目资金申请（万元）", "中期资金总额：", period[0], "年度资金总额：", annual[0]],
        ["", "其中：财政拨款", period[1], "其中：财政拨款", annual[1]],
        ["", "其他资金", period[2], "其他资金", annual[2]],
        GOAL,
        *GRID,
    ]


MOF_MERGES: list[Merge] = [(1, 0, 3, 0), GOAL_MERGE]


def test_ministry_block_takes_the_annual_column_whole() -> None:
    rows = mof_block(("800.00", "800.00", "0.00"), ("2,400.00", "2,400.00", "0.00"))
    for document in both(rows, MOF_MERGES):
        assert amounts(document) == (Decimal("800.00"), Decimal("800.00"), Decimal("0.00"))
        assert lint(document, ["row-sum-mismatch", "amount-format"]) == []


def test_ministry_block_with_the_year_on_the_left() -> None:
    rows = mof_block(("800.00", "800.00", "0.00"), ("2,400.00", "2,400.00", "0.00"))
    for row in rows[1:4]:
        row[1:5] = [*row[3:5], *row[1:3]]
    rows[1][1], rows[1][3] = "年度资金总额：", "中期资金总额："
    assert amounts(tsv_document(rows)) == (Decimal("800.00"), Decimal("800.00"), Decimal("0.00"))


def test_ministry_block_still_reports_a_sum_off_in_the_annual_column() -> None:
    rows = mof_block(("800.00", "700.00", "0.00"), ("2,400.00", "2,400.00", "0.00"))
    findings = lint(tsv_document(rows), ["row-sum-mismatch"])
    assert [f.rule for f in findings] == ["row-sum-mismatch"]
    assert "800.00" in findings[0].message and "700.00" in findings[0].message


def test_ministry_block_never_fills_a_blank_annual_cell_from_the_period() -> None:
    rows = mof_block(("800.00", "800.00", ""), ("2,400.00", "2,000.00", "400.00"))
    document = tsv_document(rows)
    assert amounts(document) == (Decimal("800.00"), Decimal("800.00"), None)
    assert lint(document, ["row-sum-mismatch"]) == []


def test_ministry_block_left_blank_is_read_as_blank() -> None:
    rows = mof_block(("", "", ""), ("", "", ""))
    assert amounts(tsv_document(rows)) == (None, None, None)


def test_each_row_names_its_column() -> None:
    rows = [
        NAME,
        ["实施期资金总额", "2,400.00", "其中：财政拨款", "2,400.00", ""],
        ["年度资金总额", "800.00", "其中：财政拨款", "800.00", ""],
        GOAL,
        *GRID,
    ]
    assert amounts(tsv_document(rows))[:2] == (Decimal("800.00"), Decimal("800.00"))


def heads_block(width: int) -> tuple[Rows, list[Merge]]:
    """A row of column heads (实施期资金总额 | 年度资金总额) over the rows
    资金总额 / 其中：财政拨款 / 其他资金, in a form ``width`` columns wide."""
    rows = [
        NAME,
        ["项目资金（万元）", "", "", "实施期资金总额", "年度资金总额"],
        ["", "资金总额", "", "2,400.00", "800.00"],
        ["", "其中：财政拨款", "", "2,400.00", "800.00"],
        ["", "其他资金", "", "0.00", "0.00"],
        GOAL,
        *GRID,
    ]
    rows = [row + [""] * (width - len(row)) for row in rows]
    if width > 5:
        rows[6][5], rows[7][5] = "指标值说明", "按设计文件"
    merges: list[Merge] = [(1, 0, 4, 0), *((r, 1, r, 2) for r in range(1, 5)), (5, 1, 5, 4)]
    return rows, merges


@pytest.mark.parametrize("width", [5, 6, 8])
def test_column_heads_block_takes_the_annual_column_whatever_the_width(width: int) -> None:
    rows, merges = heads_block(width)
    for document in both(rows, merges):
        assert amounts(document) == (Decimal("800.00"), Decimal("800.00"), Decimal("0.00"))
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_a_single_column_of_amounts_reads_as_before() -> None:
    rows = [
        NAME,
        ["年度资金总额", "800.00", "其中：财政拨款", "700.00", ""],
        ["其他资金", "100.00", "", "", ""],
        GOAL,
        *GRID,
    ]
    assert amounts(tsv_document(rows)) == (Decimal("800.00"), Decimal("700.00"), Decimal("100.00"))


def heads_over_values(
    heads: list[str], values: list[str], caption: str = "项目资金（万元）"
) -> tuple[Rows, list[Merge]]:
    """The amounts as a row of heads over a row of values, a caption merged
    down over both left of them (as a sheet gives it; blank below in text)."""
    pad = [""] * (4 - len(heads))
    rows = [NAME, [caption, *heads, *pad], ["", *values, *pad], GOAL, *GRID]
    return rows, [(1, 0, 2, 0), (3, 1, 3, 4)]


@pytest.mark.parametrize(
    "heads",
    [
        ["年度资金总额", "其中：财政拨款", "其他资金"],
        ["资金总额", "财政拨款", "其他资金"],
        ["资金总额（万元）", "其中：财政拨款（万元）", "其他资金（万元）"],
    ],
)
def test_a_row_of_amount_heads_over_a_row_of_values(heads: list[str]) -> None:
    rows, merges = heads_over_values(heads, ["85.00", "80.00", "5.00"])
    for document in both(rows, merges):
        assert amounts(document) == (Decimal("85.00"), Decimal("80.00"), Decimal("5.00"))
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_amount_heads_over_values_in_yuan_by_their_caption() -> None:
    rows, merges = heads_over_values(
        ["资金总额", "财政拨款", "其他资金"], ["850000", "800000", "50000"], "项目资金（元）"
    )
    assert amounts(sheet_document(rows, merges)) == (
        Decimal("85.0000"),
        Decimal("80.0000"),
        Decimal("5.0000"),
    )


def test_amount_heads_over_values_that_do_not_add_up() -> None:
    rows, merges = heads_over_values(
        ["资金总额", "财政拨款", "其他资金"], ["85.00", "70.00", "5.00"]
    )
    findings = lint(sheet_document(rows, merges), ["row-sum-mismatch"])
    assert [f.rule for f in findings] == ["row-sum-mismatch"]


def test_amount_labels_over_the_next_label_row_read_no_value() -> None:
    # labels side by side with the goal's row below: no values were written
    rows = [NAME, ["资金总额", "财政拨款", "其他资金", "", ""], GOAL, *GRID]
    assert amounts(tsv_document(rows)) == (None, None, None)
    assert [f.rule for f in lint(tsv_document(rows), ["amount-format"])] == ["amount-format"]


def test_amount_labels_with_a_blank_value_between_them_read_as_before() -> None:
    rows = [
        NAME,
        ["资金总额", "", "财政拨款", "", ""],
        ["", "85.00", "", "80.00", ""],
        GOAL,
        *GRID,
    ]
    assert amounts(tsv_document(rows))[:2] == (None, None)


# --------------------------------------------------------------------------
# Goal labels that name their years


@pytest.mark.parametrize(
    ("period_label", "annual_label"),
    [
        ("中期目标（2024年—2026年）", "年度目标（2025年）"),
        ("长期目标（20××年—20××年）", "年度目标"),
        ("实施期目标(2024-2026年)", "年度目标（2025年度）"),
        ("中期目标", "年度目标"),
    ],
)
def test_goal_labels_with_their_years(period_label: str, annual_label: str) -> None:
    rows = [
        NAME,
        ["资金总额", "800.00", "", "其中：财政拨款", "800.00"],
        [period_label, "", annual_label, "", ""],
        ["三年新建改造农村供水管网180公里。", "", "2025年新建改造供水管网60公里。", "", ""],
        *GRID,
    ]
    for document in both(rows, [(2, 0, 2, 1), (2, 2, 2, 4), (3, 0, 3, 1), (3, 2, 3, 4)]):
        project = document.projects[0]
        assert project.goal is not None and project.goal.value == "2025年新建改造供水管网60公里。"
        assert project.period_goal is not None
        assert project.period_goal.value == "三年新建改造农村供水管网180公里。"
        assert lint(document, ["missing-goal"]) == []


def test_goal_label_with_its_years_beside_a_blank_goal_is_still_missing() -> None:
    rows = [NAME, ["资金总额", "800.00", "", "", ""], ["年度目标（2025年）", "", "", "", ""], *GRID]
    assert [f.rule for f in lint(tsv_document(rows), ["missing-goal"])] == ["missing-goal"]


@given(
    label=st.sampled_from(["中期目标", "长期目标", "实施期目标", "年度目标"]),
    first=st.integers(2000, 2099),
    length=st.integers(0, 5),
    dash=st.sampled_from(["—", "-", "－", "~", "至", "——"]),
    year=st.sampled_from(["年", ""]),
    brackets=st.sampled_from([("（", "）"), ("(", ")")]),
)
def test_years_in_brackets_are_no_part_of_a_label(
    label: str, first: int, length: int, dash: str, year: str, brackets: tuple[str, str]
) -> None:
    span = f"{first}{year}" if length == 0 else f"{first}{year}{dash}{first + length}{year}"
    assert norm(f"{label}{brackets[0]}{span}{brackets[1]}") == label


@pytest.mark.parametrize(
    "label", ["总体目标（说明）", "项目名称（资金使用单位）", "资金来源（自筹）"]
)
def test_other_brackets_stay_part_of_a_label(label: str) -> None:
    assert norm(label) == label


# --------------------------------------------------------------------------
# Labels and values in one cell

INLINE: Rows = [
    ["项目名称：城市道路照明设施维护", "", "主管部门：某区城市管理局", ""],
    ["实施单位：某区市政设施管理所", "", "资金总额：268.00万元", ""],
    ["年度目标：完成辖区主次干道路灯设施日常维护，亮灯率保持在98%以上。", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值"],
    ["产出指标", "数量指标", "维护路灯数量", "≥12000个"],
    ["", "质量指标", "主次干道亮灯率", "≥98%"],
    ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
]
INLINE_MERGES: list[Merge] = [(0, 0, 0, 1), (0, 2, 0, 3), (1, 0, 1, 1), (1, 2, 1, 3), (2, 0, 2, 3)]


def test_labels_and_values_in_one_cell() -> None:
    for document in both(INLINE, INLINE_MERGES):
        project = document.projects[0]
        assert project.title == "城市道路照明设施维护"
        assert [u.title for u in document.units] == ["某区市政设施管理所"]
        assert project.amounts.value("total") == Decimal("268.00")
        assert project.goal is not None and project.goal.value.startswith("完成辖区主次干道")
        assert len(project.clauses) == 3
        assert lint(document, ["amount-format", "missing-goal"]) == []


def test_a_value_in_its_label_cell_is_located_in_the_cell() -> None:
    document = tsv_document(INLINE)
    total = document.projects[0].amounts.total
    assert total is not None and total.text.value == "268.00"
    column = len("实施单位：某区市政设施管理所\t\t资金总额：") + 1
    assert (total.text.span().line, total.text.span().column) == (2, column)


def test_an_amount_in_yuan_in_its_label_cell() -> None:
    rows = [list(row) for row in INLINE]
    rows[1][2] = "资金总额：2,680,000.00元"
    assert tsv_document(rows).projects[0].amounts.value("total") == Decimal("268.0000")


def _sources_in_label_cells(fiscal: str, other: str = "其他资金：0.00万元") -> Rows:
    """INLINE with its amounts' sources written like its total, a label and
    its value in each cell (``其中：财政拨款：268.00万元``)."""
    rows = [[*row, "", ""] for row in INLINE]
    rows[1] = ["资金总额：268.00万元", "", fiscal, "", other, ""]
    return rows


@pytest.mark.parametrize(
    "fiscal", ["其中：财政拨款：268.00万元", "其中:财政拨款:268.00万元", "其中： 财政拨款：268.00"]
)
def test_a_source_after_其中_in_its_label_cell(fiscal: str) -> None:
    rows = _sources_in_label_cells(fiscal)
    for document in both(rows, []):
        assert amounts(document) == (Decimal("268.00"), Decimal("268.00"), Decimal("0.00"))
        assert lint(document, ["row-sum-mismatch", "amount-format"]) == []


def test_a_source_after_其中_in_its_label_cell_that_does_not_add_up() -> None:
    rows = _sources_in_label_cells("其中：财政拨款：200.00万元")
    findings = lint(tsv_document(rows), ["row-sum-mismatch"])
    assert [f.rule for f in findings] == ["row-sum-mismatch"]
    assert "200.00" in findings[0].message


def test_a_part_after_其中_that_is_no_source_is_not_read() -> None:
    rows = _sources_in_label_cells("其中：培训费：200.00万元", "")
    assert amounts(tsv_document(rows)) == (Decimal("268.00"), None, None)


def test_inline_labels_above_the_form_are_the_table_s_headings() -> None:
    rows = [["单位名称：某区城市管理局", "", "", ""], *INLINE]
    document = tsv_document(rows)
    assert document.organization == "某区城市管理局"
    assert [u.title for u in document.units] == ["某区市政设施管理所"]


def test_a_note_with_a_colon_is_no_label() -> None:
    rows = [list(row) for row in INLINE]
    rows.append(["说明：指标值按年度填写。", "", "", ""])
    assert len(tsv_document(rows).projects[0].clauses) == 3


# --------------------------------------------------------------------------
# An indicator grid without its project


def test_a_grid_without_a_project_says_what_is_missing() -> None:
    rows = [["年度目标", "完成道路保洁作业。", "", ""], *INLINE[3:]]
    with pytest.raises(ReadError, match="without 项目名称 above it"):
        tsv_document(rows)
    with pytest.raises(ReadError, match="without 项目名称 above it"):
        sheet_document(rows)


def test_two_tables_of_a_web_page_name_the_grid_without_its_project(tmp_path: Path) -> None:
    # The first table is no form's top (no 项目名称): the grid's project is missing.
    page = tmp_path / "page.html"
    facts = "".join(
        f"<tr><td>{label}</td><td>{value}</td></tr>"
        for label, value in (("主管部门", "某区城市管理局"), ("年度目标", "完成道路保洁。"))
    )
    grid = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in INLINE[3:]
    )
    page.write_text(
        f"<html><body><table>{facts}</table><table>{grid}</table></body></html>", "utf-8"
    )
    notes: list[str] = []
    with pytest.raises(ReadError, match=r"without 项目名称 above it \(表2\)") as raised:
        read_path(page, notes.append)
    assert not isinstance(raised.value, NotATable)
    assert notes == [
        "表1: skipped, not a performance-target table (no header row)",
        "表2: skipped, not a performance-target table "
        "(an indicator grid (一级指标 … 三级指标) without 项目名称 above it)",
    ]


def test_a_file_without_any_indicator_grid_still_has_no_header_row(tmp_path: Path) -> None:
    rows = [["项目名称", "道路保洁作业服务"], ["年度目标", "完成道路保洁。"]]
    with pytest.raises(NotATable, match="no header row"):
        html_document(rows, [], tmp_path)


def test_a_total_without_its_column_beside_the_annual_total() -> None:
    rows = [
        NAME,
        ["资金总额", "2,400.00", "年度资金总额", "800.00", ""],
        ["其中：财政拨款", "800.00", "其他资金", "0.00", ""],
        GOAL,
        *GRID,
    ]
    assert amounts(tsv_document(rows)) == (Decimal("800.00"), Decimal("800.00"), Decimal("0.00"))


def test_a_name_ending_in_an_amount_keeps_it() -> None:
    rows = [list(row) for row in INLINE]
    rows[0][0] = "项目名称：困难群众救助补助资金50万元"
    assert tsv_document(rows).projects[0].title == "困难群众救助补助资金50万元"


def test_a_note_in_the_grid_that_reads_like_a_label_is_kept_with_its_indicator() -> None:
    rows = [[*row, ""] for row in INLINE]
    rows[3][4] = "指标值说明"
    rows[4][4] = "资金总额：按预算执行"
    document = tsv_document(rows)
    assert [p.title for p in document.projects] == ["城市道路照明设施维护"]
    assert len(document.projects[0].clauses) == 3


def test_forms_with_labels_in_their_cells_follow_each_other() -> None:
    second = [list(row) for row in INLINE]
    second[0][0] = "项目名称：城市公园绿地养护"
    document = tsv_document(INLINE + second)
    assert [p.title for p in document.projects] == ["城市道路照明设施维护", "城市公园绿地养护"]
    assert [len(p.clauses) for p in document.projects] == [3, 3]
