"""A number without a unit under a 时效 indicator (``援助申请审查时限 ≤7``):
one defect, the missing unit (``missing-unit``: 7 天? 7 个工作日?), reported
once; ``deadline-not-concrete`` keeps the limits that name no time at all
(``尽快``) and stands down for the number ``missing-unit`` owns."""

from __future__ import annotations

import pytest

from tests.conftest import lint, project_row, tsv_table

RULES = ("missing-unit", "deadline-not-concrete")


def table(level: str, name: str, value: str) -> str:
    indicators = f"1、1-产出指标；{level}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    return tsv_table([project_row("法律援助经费", indicators)])


def found(level: str, name: str, value: str) -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt or "") for f in lint(table(level, name, value), RULES)]


def test_a_bare_limit_is_one_missing_unit() -> None:
    assert found("13-时效指标", "援助申请审查时限", "≤7") == [("missing-unit", "≤7")]


@pytest.mark.parametrize(
    "name, value",
    [
        ("援助申请审查时限", "≤7个工作日"),
        ("援助申请审查时限", "7个工作日内"),
        ("项目完成时间", "2025年底前"),
        ("援助申请办结及时率", "≥95%"),
    ],
)
def test_a_concrete_limit_is_quiet(name: str, value: str) -> None:
    assert found("13-时效指标", name, value) == []


@pytest.mark.parametrize(
    "value, rule",
    [
        ("每月按时拨付", "deadline-not-concrete"),
        ("2次", "deadline-not-concrete"),
        # zero needs no unit: no missing-unit, so the deadline rule still says
        # 0 sets no time
        ("0", "deadline-not-concrete"),
        # nothing measurable at all: not-quantified's, as before
        ("尽快", "not-quantified"),
    ],
)
def test_a_limit_that_names_no_time_keeps_its_rule(value: str, rule: str) -> None:
    text = table("13-时效指标", "援助资金拨付时效", value)
    assert [f.rule for f in lint(text, (*RULES, "not-quantified"))] == [rule]


def test_a_bare_count_elsewhere_is_still_missing_unit() -> None:
    assert found("11-数量指标", "举办法律援助宣传活动", "≥8") == [("missing-unit", "≥8")]


def test_a_year_where_the_date_belongs_is_no_missing_unit() -> None:
    # 2025 is a year, not a number without its unit: missing-unit leaves it,
    # and the deadline rule still says it is no concrete limit
    assert [rule for rule, _ in found("13-时效指标", "项目完成时间", "2025")] in (
        [],
        ["deadline-not-concrete"],
    )


def test_the_deadline_rule_alone_stands_down_too() -> None:
    # the precedence is decided in the facts: --select gives the same result
    text = table("13-时效指标", "援助申请审查时限", "≤7")
    assert lint(text, ["deadline-not-concrete"]) == []
    assert [f.rule for f in lint(text, ["missing-unit"])] == ["missing-unit"]


def test_seed_002_response_time_is_one_missing_unit() -> None:
    # 002 line 481: 广州市轻工技师学院2023年网络安全升级项目, 响应时间 <=3
    indicators = "2、1-产出指标；13-时效指标；响应时间；实施周期指标值:<=3；年度指标值:<=3。"
    text = tsv_table([project_row("网络安全升级项目", indicators)])
    assert [(f.rule, f.excerpt) for f in lint(text, RULES)] == [("missing-unit", "<=3")]
