"""A national list whose amount columns stand under a heading on a header of
two rows (``项目资金（万元）`` over ``合计 | 财政拨款 | 其他资金``): a workbook
fills the other headings down its merged cells; a CSV or TSV saved from it
leaves them on the first row only, and the list reads the same."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.model import Document
from audit.pipeline import load_bytes
from tests.conftest import lint
from tests.national import Rows, as_tsv, csv_document, sheet_document, tsv_document


def _rows(
    heading: str = "项目资金（万元）", amounts: tuple[str, str, str] = ("200.00", "150.00", "30.00")
) -> Rows:
    return [
        ["2025年项目支出绩效目标表", "", "", "", "", "", "", "", "", ""],
        [
            "单位名称",
            "项目名称",
            heading,
            "",
            "",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
        ],
        ["", "", "合计", "财政拨款", "其他资金", "", "", "", "", ""],
        [
            "某市文化广电和旅游局",
            "公共文化活动",
            *amounts,
            "全年举办公共文化活动120场，惠及群众10万人次以上。",
            "产出指标",
            "数量指标",
            "举办活动场次",
            "≥120场",
        ],
        ["", "", "", "", "", "", "效益指标", "社会效益指标", "惠及群众人次", "≥10万人次"],
        ["", "", "", "", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ]


_MERGES = [(1, 2, 1, 4)] + [(1, column, 2, column) for column in (0, 1, 5, 6, 7, 8, 9)]


def _amounts(document: Document) -> list[tuple[Decimal, str] | None]:
    (project,) = document.projects
    found = []
    for amount in (project.amounts.total, project.amounts.fiscal, project.amounts.other):
        found.append(None if amount is None else (amount.value, amount.unit))
    return found


@pytest.mark.parametrize("read", [tsv_document, csv_document])
def test_the_sources_under_a_heading_are_read_from_text(read) -> None:  # type: ignore[no-untyped-def]
    document = read(_rows())
    assert _amounts(document) == [
        (Decimal("200.00"), "万元"),
        (Decimal("150.00"), "万元"),
        (Decimal("30.00"), "万元"),
    ]
    assert [f.rule for f in lint(document, ["row-sum-mismatch"])] == ["row-sum-mismatch"]
    assert len(document.projects[0].clauses) == 3


def test_the_workbook_reads_the_same() -> None:
    assert _amounts(sheet_document(_rows(), _MERGES)) == _amounts(tsv_document(_rows()))


def test_the_heading_over_the_sources_names_their_unit() -> None:
    rows = _rows("项目资金（元）", ("2,000,000.00", "1,500,000.00", "500,000.00"))
    assert _amounts(tsv_document(rows)) == [
        (Decimal("200"), "元"),
        (Decimal("150"), "元"),
        (Decimal("50"), "元"),
    ]


def test_a_first_row_of_values_under_the_header_is_no_second_header_row() -> None:
    """Near miss: a row of amounts and text right under a one-row header is
    the first project, not the header's second row."""
    rows = _rows()
    rows[1][2:5] = ["合计", "财政拨款", "其他资金"]
    del rows[2]
    document = tsv_document(rows)
    assert [project.name.value for project in document.projects] == ["公共文化活动"]
    assert _amounts(document)[0] == (Decimal("200.00"), "万元")


def _grouped(heading: str = "项目资金（万元）") -> Rows:
    """The grid's headings on the second row too, under a group label
    绩效指标: the first row names the project columns and two headings."""
    rows = _rows(heading)
    rows[1][6:10] = ["绩效指标", "", "", ""]
    rows[2][6:10] = ["一级指标", "二级指标", "三级指标", "指标值"]
    return rows


@pytest.mark.parametrize("read", [tsv_document, csv_document])
def test_sources_under_a_heading_beside_a_group_label_are_read(read) -> None:  # type: ignore[no-untyped-def]
    document = read(_grouped())
    assert [project.name.value for project in document.projects] == ["公共文化活动"]
    assert _amounts(document) == [
        (Decimal("200.00"), "万元"),
        (Decimal("150.00"), "万元"),
        (Decimal("30.00"), "万元"),
    ]
    assert len(document.projects[0].clauses) == 3
    assert _amounts(read(_grouped("项目资金（元）")))[0] == (Decimal("0.02"), "元")


def _own_funds(heading: str = "资金来源（万元）") -> Rows:
    """``资金来源`` over ``小计 | 财政资金 | 自筹资金``: the project's total and
    its sources, the unit's own funds among the other funds."""
    rows = _rows(heading, ("500.00", "450.00", "50.00"))
    rows[2][2:5] = ["小计", "财政资金", "自筹资金"]
    return rows


@pytest.mark.parametrize("read", [tsv_document, csv_document])
def test_a_subtotal_and_own_funds_under_a_heading_are_read(read) -> None:  # type: ignore[no-untyped-def]
    assert _amounts(read(_own_funds())) == [
        (Decimal("500.00"), "万元"),
        (Decimal("450.00"), "万元"),
        (Decimal("50.00"), "万元"),
    ]


def test_the_workbook_reads_a_subtotal_and_own_funds_the_same() -> None:
    assert _amounts(sheet_document(_own_funds(), _MERGES)) == _amounts(tsv_document(_own_funds()))


def test_the_workbook_takes_the_unit_from_the_merged_heading() -> None:
    """A workbook fills the project columns down the header's two rows, so
    the second row is read as the header: the unit is still the heading's."""
    rows = _rows("项目资金（元）", ("2,000,000.00", "1,500,000.00", "500,000.00"))
    assert _amounts(sheet_document(rows, _MERGES)) == _amounts(tsv_document(rows))
    assert _amounts(sheet_document(rows, _MERGES))[0] == (Decimal("200"), "元")


def test_a_one_row_header_in_yuan_stays_as_stated() -> None:
    """Near miss: a one-row header in a workbook with the title over it: no
    heading above names the unit, the table's line does."""
    rows = _rows()
    rows[1][2:5] = ["合计", "财政拨款", "其他资金"]
    del rows[2]
    rows.insert(1, ["金额单位：元", *[""] * 9])
    assert _amounts(sheet_document(rows))[0] == (Decimal("0.02"), "元")


def _of_which(heads: list[str]) -> Rows:
    """A list whose amount columns are 预算数 and its parts as written."""
    rows = _rows(amounts=("260.00", "200.00", "60.00"))
    rows[1][2:5] = heads
    del rows[2]
    return [[cell for index, cell in enumerate(row) if index != 4 or heads[2]] for row in rows]


def test_a_list_naming_only_the_fiscal_part_reads_it_as_a_part() -> None:
    """预算数 | 其中：财政拨款 and no column for the rest: the total may
    exceed the part (a source not listed), as on a form; it is not the
    error of a total that differs from its one source."""
    document = tsv_document(_of_which(["预算数", "其中：财政拨款", ""]))
    (project,) = document.projects
    assert project.sources_partial
    (finding,) = lint(document, ["row-sum-mismatch"])
    assert finding.severity == "warning"


def test_a_list_naming_every_source_still_sums_them() -> None:
    """Near miss: with 其他资金 beside 财政拨款 the sources are all named."""
    rows = _rows(amounts=("260.00", "200.00", "50.00"))
    rows[1][2:5] = ["预算数", "财政拨款", "其他资金"]
    del rows[2]
    document = tsv_document(rows)
    assert not document.projects[0].sources_partial
    (finding,) = lint(document, ["row-sum-mismatch"])
    assert finding.severity == "error"


def _one_column(heading: str) -> Rows:
    rows = _rows()
    rows[1][2:5] = [heading, "", ""]
    del rows[2]
    rows[2][3:5] = ["", ""]
    return rows


@pytest.mark.parametrize(
    "heading",
    [
        "项目资金（万元）",
        "项目经费（万元）",
        "申报金额（万元）",
        "年度预算金额（万元）",
        "资金（万元）",
    ],
)
def test_a_column_named_for_the_project_s_money_is_its_total(heading: str) -> None:
    for read in (tsv_document, csv_document):
        assert _amounts(read(_one_column(heading)))[0] == (Decimal("200.00"), "万元")


@pytest.mark.parametrize("heading", ["财政资金（万元）", "中央补助资金（万元）"])
def test_a_source_of_funds_names_no_total(heading: str) -> None:
    """Near miss: a source's column (财政资金, a level of government's
    funds) is no project's whole."""
    assert _amounts(tsv_document(_one_column(heading)))[0] is None


def test_a_heading_over_the_sources_without_a_total_invents_none() -> None:
    """Near miss: 项目资金（万元） over 财政拨款 | 其他资金: the heading's own
    cell stands over 财政拨款, and no total is read from it."""
    rows = _rows()
    rows[2][2:5] = ["财政拨款", "其他资金", ""]
    rows[1][2:5] = ["项目资金（万元）", "", ""]
    for row in rows[3:]:
        row[4] = ""
    rows[3][2:4] = ["150.00", "30.00"]
    assert _amounts(tsv_document(rows)) == [
        None,
        (Decimal("150.00"), "万元"),
        (Decimal("30.00"), "万元"),
    ]


def test_a_subtotal_under_a_source_heading_is_that_source_s() -> None:
    """``财政拨款（万元）`` over ``小计 | 一般公共预算 | 政府性基金``: 小计 sums
    the fiscal funds, it is no project's total, so no sum of the parts is
    compared with it; the list, having no total, is reported for that alone.
    A workbook (the heading filled across its merged cells) reads as the CSV."""
    rows = _rows("财政拨款（万元）")
    rows[2][2:5] = ["小计", "一般公共预算", "政府性基金"]
    rows[3][2:5] = ["180.00", "150.00", "30.00"]
    for document in (tsv_document(rows), sheet_document(rows, _MERGES)):
        assert _amounts(document) == [None, (Decimal("180.00"), "万元"), None]
        assert [f.rule for f in lint(document, ["row-sum-mismatch"])] == []


def _other_sources() -> Rows:
    """``资金来源（万元）`` over ``合计 | 中央资金 | 地方资金``: the total beside
    sources the model has no column for (a transfer payment's shares)."""
    rows = _rows("资金来源（万元）", ("1250.00", "800.00", "450.00"))
    rows[2][2:5] = ["合计", "中央资金", "地方资金"]
    return rows


@pytest.mark.parametrize("read", [tsv_document, csv_document])
def test_the_total_beside_sources_of_no_column_is_read(read) -> None:  # type: ignore[no-untyped-def]
    document = read(_other_sources())
    assert _amounts(document) == [(Decimal("1250.00"), "万元"), None, None]
    assert len(document.projects[0].clauses) == 3
    # the project has its total: no "项目没有填写任何金额"
    assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_the_workbook_reads_the_total_beside_sources_of_no_column_the_same() -> None:
    assert _amounts(sheet_document(_other_sources(), _MERGES)) == _amounts(
        tsv_document(_other_sources())
    )


def test_each_source_of_no_column_is_noted() -> None:
    notes: list[str] = []
    load_bytes(as_tsv(_other_sources()).encode("utf-8"), "national.tsv", notes.append)
    assert [note.split("」")[0].split("「")[1] for note in notes if "source of funds" in note] == [
        "中央资金",
        "地方资金",
    ]


def test_unknown_words_under_no_funds_heading_make_no_header_row() -> None:
    """Near miss: words under a heading that names no funds are no sources
    of funds, and the second row is not read as a header."""
    rows = _rows("项目情况", ("1250.00", "800.00", "450.00"))
    rows[2][2:5] = ["合计", "中央资金", "地方资金"]
    assert _amounts(tsv_document(rows)) == [None, None, None]
