"""A form's goal labels are read by their words, not from a list of whole
labels: the side they name (年度, 实施期, 中期 …), 总体 and 绩效 in any of
the spellings regions print (``实施期绩效目标``, ``中期绩效目标``,
``实施期总体目标``, ``年度总体绩效目标``). A label with the budget year
before its name (``2025年预算数``, ``2025年度绩效目标``) names the year's
column, as 年度 does."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import lint
from tests.national import Rows, sheet_document, tsv_document

PERIOD_GOAL = "三年内完成全区12个农贸市场升级改造，市场环境明显改善。"
ANNUAL_GOAL = "本年度完成4个农贸市场升级改造，改造验收合格率100%。"


def _form(period_label: str, annual_label: str, amount_label: str = "资金总额（万元）") -> Rows:
    return [
        ["项目支出绩效目标表", "", "", "", ""],
        ["项目名称", "农贸市场升级改造补助", "主管部门", "某区商务局", ""],
        ["实施单位", "某区商务局", "项目期", "2025-2027年", ""],
        [amount_label, "245.60", "财政拨款", "245.60", ""],
        [period_label, PERIOD_GOAL, "", "", ""],
        [annual_label, ANNUAL_GOAL, "", "", ""],
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
        ["产出指标", "数量指标", "升级改造农贸市场数量", "12个", "4个"],
        ["", "质量指标", "改造验收合格率", "100%", "100%"],
        ["满意度指标", "服务对象满意度指标", "市场经营户满意度", "≥90%", "≥90%"],
    ]


@pytest.mark.parametrize(
    ("period_label", "annual_label"),
    [
        ("实施期绩效目标", "年度绩效目标"),
        ("中期绩效目标", "年度目标"),
        ("长期绩效目标", "本年度绩效目标"),
        ("总体绩效目标", "年度总体绩效目标"),
        ("实施期总体目标", "2025年度绩效目标"),
        ("项目总体目标", "2025年目标"),
    ],
)
def test_a_goal_label_is_read_by_its_words(period_label: str, annual_label: str) -> None:
    for read in (tsv_document, sheet_document):
        (project,) = read(_form(period_label, annual_label)).projects
        assert project.period_goal is not None and project.period_goal.value == PERIOD_GOAL
        assert project.goal is not None and project.goal.value == ANNUAL_GOAL


@pytest.mark.parametrize("label", ["2025年预算数", "2025年度预算", "2025 年度预算数（万元）"])
def test_the_budget_year_before_an_amount_label_names_the_year_s(label: str) -> None:
    for read in (tsv_document, sheet_document):
        document = read(_form("中期目标", "年度目标", label))
        (project,) = document.projects
        assert project.amounts.value("total") == Decimal("245.60")
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_a_goal_written_with_the_words_of_a_label_is_no_label() -> None:
    """Near miss: a goal that ends in 目标 (``确保完成年度目标``) is the
    value beside its label, not a label of its own."""
    rows = _form("实施期绩效目标", "年度绩效目标")
    rows[5][1] = "确保完成年度目标"
    (project,) = tsv_document(rows).projects
    assert project.goal is not None and project.goal.value == "确保完成年度目标"


def test_a_year_over_the_form_is_no_label() -> None:
    """Near miss: ``2025年度`` under the title names the table's year, and
    ``2025年12月`` is a date: neither is a label."""
    rows = _form("实施期目标", "年度目标")
    rows.insert(1, ["2025年度", "", "", "", ""])
    rows[3][3] = "2025年1月-2027年12月"
    document = tsv_document(rows)
    (project,) = document.projects
    assert project.term is not None and project.term_length == 3
    assert project.amounts.value("total") == Decimal("245.60")


def test_a_list_s_goal_column_is_read_by_its_words() -> None:
    head = ["单位名称", "项目名称", "预算数", "总体绩效目标", "年度绩效目标"]
    head += ["一级指标", "二级指标", "三级指标", "年度指标值"]
    row = ["某区商务局", "农贸市场升级改造补助", "245.60", PERIOD_GOAL, ANNUAL_GOAL]
    row += ["产出指标", "数量指标", "升级改造农贸市场数量", "4个"]
    (project,) = tsv_document([head, row]).projects
    assert project.period_goal is not None and project.period_goal.value == PERIOD_GOAL
    assert project.goal is not None and project.goal.value == ANNUAL_GOAL


def test_the_term_s_years_before_an_amount_label_name_the_period_s_column() -> None:
    """``2025-2027年资金总额 | 1,500.00 | 2025年预算数 | 520.00`` with the
    sources below in both columns: the project's amounts are the year's
    column; the period's 财政拨款 was taken beside the year's total."""
    amounts = [
        ["2025-2027年资金总额", "1,500.00", "2025年预算数", "245.60"],
        ["其中：财政拨款", "1,400.00", "其中：财政拨款", "225.60"],
        ["其他资金", "100.00", "其他资金", "20.00"],
    ]
    rows = _form("中期目标", "年度目标")
    rows[3:4] = [[*row, ""] for row in amounts]
    for read in (tsv_document, sheet_document):
        document = read(rows)
        (project,) = document.projects
        assert [project.amounts.value(k) for k in ("total", "fiscal", "other")] == [
            Decimal("245.60"),
            Decimal("225.60"),
            Decimal("20.00"),
        ]
        assert lint(document, ["row-sum-mismatch"]) == []
