"""A cost per month with no months stated: a project that states no span of
years runs for its budget year, so ``控制在30万元/月以内`` on a 100万元 project
is 360万元 (``cost-exceeds-budget``, one level lower: the 12 months are
assumed). A multi-year project, months or a 项目期 the table states, and money
paid to people per a period (a standard, not the project's cost) are not."""

from __future__ import annotations

import pytest

from audit.model import Finding
from tests.conftest import project_row, tsv_table
from tests.test_checks_guidance import check

RULE = "cost-exceeds-budget"
ONE_YEAR = "2024年办公区物业管理服务项目"  # the table is of 2024
MULTI_YEAR = "2024-2026年办公区物业管理服务项目"
COST = "1-产出指标；14-成本指标"


def clause(name: str, value: str, category: str = COST, number: int = 1) -> str:
    return f"{number}、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


def findings(
    indicators: str, project: str = ONE_YEAR, amount: str = "100.00", goal: str = ""
) -> list[Finding]:
    goal = goal or "为办公区提供物业管理服务，保障办公秩序，服务对象满意度达到90%以上。"
    return check(RULE, tsv_table([project_row(project, indicators, goal=goal, amount=amount)]))


@pytest.mark.parametrize(
    "name, value, arithmetic",
    [
        ("物业管理费", "控制在30万元/月以内", "30万元 × 12 = 360万元"),
        ("保洁服务费", "≤9万元/月", "9万元 × 12 = 108万元"),
        ("设备租赁费用", "每月不超过8.5万元", "8.5万元 × 12 = 102万元"),
        ("安保服务成本", "≤12万元·月", "12万元 × 12 = 144万元"),
        ("场地租金", "≤90000元/月", "9万元 × 12 = 108万元"),
    ],
)
def test_a_monthly_cost_over_the_budget_year_is_reported_one_level_lower(
    name: str, value: str, arithmetic: str
) -> None:
    for project in (ONE_YEAR, "办公区物业管理服务项目"):  # dated in the budget year, or not
        [finding] = findings(clause(name, value), project=project)
        assert (finding.severity, finding.excerpt) == ("info", value)
        assert "按预算年度12个月计" in finding.message
        assert arithmetic in finding.message and "超过项目总计100万元" in finding.message


def test_a_monthly_cost_within_the_budget_year_is_not_reported() -> None:
    assert findings(clause("物业管理费", "控制在8万元/月以内")) == []
    assert findings(clause("物业管理费", "控制在30万元/月以内"), amount="360.00") == []


def test_a_multi_year_project_is_not_given_twelve_months() -> None:
    assert findings(clause("物业管理费", "控制在30万元/月以内"), project=MULTI_YEAR) == []
    goal = "2024-2025年为办公区提供物业管理服务，保障办公秩序。"
    assert findings(clause("物业管理费", "控制在30万元/月以内"), goal=goal) == []


@pytest.mark.parametrize(
    "project, goal",
    [
        ("2024年7-12月办公区物业管理服务项目", ""),
        ("办公区物业管理服务项目（下半年）", ""),
        (ONE_YEAR, "2024年7月至12月为办公区提供物业管理服务，保障办公秩序。"),
        (ONE_YEAR, "第四季度为办公区提供物业管理服务，保障办公秩序。"),
        (ONE_YEAR, "为办公区提供6个月的物业管理服务，保障办公秩序。"),
    ],
)
def test_a_project_for_part_of_a_year_is_not_given_twelve_months(project: str, goal: str) -> None:
    """A name or goal that says the project runs for part of the year: its
    months are not the budget year's (and not counted here either)."""
    assert findings(clause("物业管理费", "控制在30万元/月以内"), project=project, goal=goal) == []


def test_months_the_table_states_win_over_the_budget_year() -> None:
    months = clause("服务月数", "6个月", "1-产出指标；11-数量指标", number=2)
    [finding] = findings(clause("物业管理费", "控制在30万元/月以内") + months)
    assert finding.severity == "warning" and "30万元 × 6 = 180万元" in finding.message
    assert "预算年度" not in finding.message
    three = clause("服务月数", "3个月", "1-产出指标；11-数量指标", number=2)
    assert findings(clause("物业管理费", "控制在30万元/月以内") + three) == []


@pytest.mark.parametrize(
    "name, value, monthly, amount",
    [
        # paid to people per a month: a standard, not the project's cost
        ("城乡居民基础养老金标准", "≥203元/人·月", "≤203元/月", "0.20"),
        ("护理员人均补贴", "≤3000元/人/月", "≤3000元/月", "1.00"),
        ("困难家庭生活补助", "≤1000元/户·月", "≤1000元/月", "1.00"),
    ],
)
def test_money_paid_to_people_per_month_is_not_given_twelve_months(
    name: str, value: str, monthly: str, amount: str
) -> None:
    assert findings(clause(name, value), amount=amount) == []
    # the same money a month, the project's own, is over the budget year
    [finding] = findings(clause(name, monthly), amount=amount)
    assert finding.severity == "info" and "按预算年度12个月计" in finding.message


def test_a_whole_month_over_the_project_keeps_its_warning() -> None:
    [finding] = findings(clause("服务月费", "≤120万元/月"))
    assert finding.severity == "warning" and "折合120万元" in finding.message


def test_a_multi_year_projects_annual_cost_equal_to_its_period_cost_is_compared() -> None:
    """This year's 总计 against this year's target, even where the annual
    value repeats the period value word for word."""
    [finding] = findings(clause("年度硬件购置成本", "≤600万元"), MULTI_YEAR, amount="500.00")
    assert finding.field == "annual"
    assert "年度指标值「≤600万元」折合600万元，超过项目总计500万元" in finding.message


def test_near_miss_a_multi_year_projects_period_cost_alone_is_not_compared() -> None:
    text = "1、1-产出指标；14-成本指标；硬件购置总成本；实施周期指标值:≤1500万元；年度指标值:≤400万元。"
    assert findings(text, MULTI_YEAR, amount="500.00") == []


@pytest.mark.parametrize(
    ("each", "people", "reported"),
    [
        ("≤7.05万元/人", "336人", False),  # 2,368.75 / 336 = 7.0498, rounded to 7.05
        ("≤7.1万元/人", "336人", True),  # 7.05 × 336 = 2,368.8 even at its least: over
    ],
)
def test_a_cost_a_head_is_compared_as_the_rounded_figure_it_is(
    each: str, people: str, reported: bool
) -> None:
    text = (
        f"1、1-产出指标；11-数量指标；保障专职消防员人数；实施周期指标值:{people}；年度指标值:{people}。"
        f"2、1-产出指标；14-成本指标；专职消防员人均年经费；实施周期指标值:{each}；年度指标值:{each}。"
    )
    assert bool(findings(text, amount="2,368.75")) is reported


@pytest.mark.parametrize(
    ("cost", "output", "reported"),
    [
        (("亩均财政投入", "≤3300元/亩"), ("新建高标准农田面积", "≥26400亩"), True),
        (("单系统年均运维成本", "≤7.6万元/个"), ("运维业务系统数量", "≥81个"), True),  # 615.6
        (("每公里养护成本", "≤9100元/公里"), ("日常养护里程", "≥100公里"), False),  # 91 万元
        (("单家企业补助上限", "≤16万元/家"), ("支持企业数量", "≥120家"), False),  # a cap
    ],
)
def test_a_cost_per_unit_of_output_times_the_output(
    cost: tuple[str, str], output: tuple[str, str], reported: bool
) -> None:
    """Unit cost × the quantity the project states in that unit under 数量
    is what the money asked for must cover."""
    text = clause(*output, category="1-产出指标；11-数量指标") + clause(*cost, number=2)
    found = findings(text, amount="500.00")
    assert bool(found) is reported
    if reported:
        assert "乘以" in found[0].message
