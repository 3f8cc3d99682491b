"""A county's list whose 预算资金 heading stands over 财政拨款 | 其他资金 and
no total column: each project states its sources, and 总计 is not missing
(the table has no place for it). Where the list has a total column, a row
that leaves it blank beside a filled source is still reported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from audit.model import Document
from scripts.make_unseen_tables import COUNTY, COUNTY_MERGES
from tests.conftest import lint
from tests.national import Merge, Rows, csv_document, html_document, sheet_document

_ROWS: Rows = COUNTY
_MERGES: list[Merge] = COUNTY_MERGES


def _amounts(document: Document) -> list[tuple[str, Decimal | None, Decimal | None]]:
    return [
        (p.name.value, p.amounts.value("fiscal"), p.amounts.value("other"))
        for p in document.projects
    ]


def test_the_sources_are_read_and_no_total_is_missing(tmp_path: Path) -> None:
    expected = [
        ("农村低保资金", Decimal("1320.00"), None),
        ("残疾人两项补贴", Decimal("260.00"), Decimal("40.00")),
    ]
    for document in (
        sheet_document(_ROWS, _MERGES),
        csv_document(_ROWS),
        html_document(_ROWS, _MERGES, tmp_path),
    ):
        assert _amounts(document) == expected
        assert all(p.amounts.total is None for p in document.projects)
        assert lint(document, ["amount-format"]) == []


def test_a_blank_total_in_a_list_with_a_total_column_is_reported() -> None:
    """Near miss: 合计 over the sources, left blank on one project's row."""
    rows = [list(row) for row in _ROWS]
    rows[2] = [
        "项目名称",
        "预算资金",
        "",
        "",
        "年度绩效目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
    ]
    rows[3] = ["", "合计", "财政拨款", "其他资金", "", "", "", "", ""]
    rows[4] = [rows[4][0], "", *rows[4][1:]]
    rows[5] = ["", *rows[5]]
    rows[6] = [rows[6][0], "300.00", *rows[6][1:]]
    rows[7] = ["", *rows[7]]
    findings = lint(csv_document(rows[2:]), ["amount-format"])
    assert [(f.project, f.field) for f in findings] == [("农村低保资金", "amount.total")]
    assert "总计为空" in findings[0].message
