"""A list's amount column headed by the budget year (``2025年预算数``,
``2025年度预算数（元）``) is each project's total, as ``本年预算数`` is; a
year column of indicator values (``2025年指标值``) stays one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import lint
from tests.national import Rows, csv_document, sheet_document, tsv_document


def _rows(head: str, amount: str = "96.00") -> Rows:
    return [
        ["单位名称", "项目名称", head, "年度目标", "一级指标", "二级指标", "三级指标", "指标值"],
        [
            "某街道办事处",
            "社区网格化管理经费",
            amount,
            "配齐社区网格员，实现网格事项及时发现、及时处置，提升基层治理水平。",
            "产出指标",
            "数量指标",
            "配备网格员人数",
            "≥60人",
        ],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"],
    ]


@pytest.mark.parametrize(
    ("head", "amount", "expected"),
    [
        ("2025年预算数", "96.00", (Decimal("96.00"), "万元")),
        ("2025年度预算数（万元）", "96.00", (Decimal("96.00"), "万元")),
        ("2025年度预算数（元）", "960,000.00", (Decimal("96"), "元")),
        ("2025 年预算", "96.00", (Decimal("96.00"), "万元")),
    ],
)
def test_a_column_headed_by_the_budget_year_is_the_total(
    head: str, amount: str, expected: tuple[Decimal, str]
) -> None:
    for read in (tsv_document, csv_document, sheet_document):
        document = read(_rows(head, amount))
        (project,) = document.projects
        total = project.amounts.total
        assert total is not None and (total.value, total.unit) == expected
        assert lint(document, ["amount-format"]) == []


def test_a_year_column_of_values_is_no_amount() -> None:
    """Near miss: ``2025年指标值`` heads a mid-term table's values for that
    year, no amount."""
    rows = _rows("预算数")
    rows[0].append("2026年指标值")
    rows[1].append("≥60人")
    rows[2].append("≥90%")
    (project,) = tsv_document(rows).projects
    assert project.amounts.value("total") == Decimal("96.00")
