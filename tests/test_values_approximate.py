"""余 and 多 after a number or its magnitude (``20余场``, ``300多家``, ``1万余人``,
``20多万元``) say "more than": the amount is the number, in the unit after
them, not a number that lost its unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.values import parse_value
from tests.conftest import lint, project_row, tsv_table


@pytest.mark.parametrize(
    "text, number, unit",
    [
        ("20余场", Decimal(20), "场"),
        ("≥300多家", Decimal(300), "家"),
        ("1万余人", Decimal(10000), "人"),
        ("≥1万余人次", Decimal(10000), "人次"),
        ("20多万元", Decimal(20), "万元"),
        ("100余万元", Decimal(100), "万元"),
        ("10多个工作日", Decimal(10), "工作日"),
    ],
)
def test_more_than_a_number_keeps_its_unit(text: str, number: Decimal, unit: str) -> None:
    value = parse_value(text)
    assert (value.kind, value.number, value.unit) == ("quantity", number, unit)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("服务300多", None),  # no unit after it: nothing to keep
        ("3年多", "年"),  # after the unit: the unit is read as before
        ("资金结余≤100万元", "万元"),  # 余 of a word before the number
    ],
)
def test_near_misses_read_as_before(text: str, unit: str | None) -> None:
    assert parse_value(text).unit == unit


def test_no_missing_unit_for_more_than_a_number() -> None:
    indicators = (
        "1、1-产出指标；11-数量指标；开展招聘活动；实施周期指标值:20余场；年度指标值:20余场。"
        "2、1-产出指标；11-数量指标；服务企业；实施周期指标值:≥300余；年度指标值:≥300余。"
    )
    goal = "开展就业服务，提供职业介绍和培训，促进劳动者就业创业，稳定全区就业局势。"
    findings = lint(
        tsv_table([project_row("就业服务项目", indicators, goal=goal)]), ["missing-unit"]
    )
    # only clause 2 lost its unit (≥300余: 300 of what?)
    assert [f.clause for f in findings] == [2]


@pytest.mark.parametrize("text", ["20余场", "300多家", "1万余人", "20多万元", "10多个工作日"])
def test_more_than_a_number_sets_no_comparator(text: str) -> None:
    # an estimate, not a floor the table sets: a cost of 300余元 is no floor on
    # a cost, a time of 10多个工作日 no floor on a time limit
    value = parse_value(text)
    assert value.comparator == "="
    assert all(target.comparator == "=" for target in value.targets)


def test_a_written_comparator_still_bounds_more_than_a_number() -> None:
    assert parse_value("控制在20余万元").comparator == "<="
    assert parse_value("≥300多家").comparator == ">="


def test_an_estimated_cost_is_no_floor_on_the_cost() -> None:
    indicators = (
        "1、1-产出指标；14-成本指标；人均培训成本；实施周期指标值:300余元；年度指标值:300余元。"
        "2、1-产出指标；13-时效指标；审批办结时限；实施周期指标值:10多个工作日；"
        "年度指标值:10多个工作日。"
    )
    goal = "开展就业服务，提供职业介绍和培训，促进劳动者就业创业，稳定全区就业局势。"
    table = tsv_table([project_row("就业服务项目", indicators, goal=goal)])
    assert lint(table, ["comparator-direction"]) == []
    # a floor written on a cost is one
    floored = table.replace("300余元", "≥300元")
    assert [f.clause for f in lint(floored, ["comparator-direction"])] == [1]
