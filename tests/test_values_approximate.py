"""余 and 多 after a number or its magnitude (``20余场``, ``300多家``, ``1万余人``,
``20多万元``) say "more than": the amount is the number, in the unit after
them, not a number that lost its unit. They, 约 and 近 before a number and
左右 after it make the number an estimate (``Value.approx``), which says how
far from the number the target may lie (:func:`audit.values.allowance`)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.reports.document import describe_value, value_dict
from audit.values import UNITS, Allowance, Vocabulary, allowance, parse_value
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


# --------------------------------------------------------------------------
# The mark of an estimate


@pytest.mark.parametrize(
    "text, approx, number, unit",
    [
        ("1万余人", "over", Decimal(10000), "人"),
        ("300多人", "over", Decimal(300), "人"),
        ("20余万元", "over", Decimal(20), "万元"),
        ("约500人", "around", Decimal(500), "人"),
        ("大约1200人次", "around", Decimal(1200), "人次"),
        ("500人左右", "around", Decimal(500), "人"),
        ("培训500人上下", "around", Decimal(500), "人"),
        ("近千人", "under", Decimal(1000), "人"),
        ("服务近500人", "under", Decimal(500), "人"),
        ("将近3000人", "under", Decimal(3000), "人"),
        ("接近100%", "under", Decimal(100), "%"),
        ("千余人", "over", Decimal(1000), "人"),
        ("百余家", "over", Decimal(100), "家"),
        ("三十余人", "over", Decimal(30), "人"),
        ("一万余人次", "over", Decimal(10000), "人次"),
        ("近万人", "under", Decimal(10000), "人"),
        ("近百万元", "under", Decimal(100), "万元"),
        ("约10-15人", "around", Decimal(10), "人"),
    ],
)
def test_an_estimate_keeps_its_number_and_says_which_way(
    text: str, approx: str, number: Decimal, unit: str
) -> None:
    value = parse_value(text)
    assert (value.kind, value.approx, value.number, value.unit) == (
        "quantity",
        approx,
        number,
        unit,
    )
    assert value.targets[0].approx == approx


@pytest.mark.parametrize(
    "text",
    [
        "500人",
        "≥1万人",
        "近3年",  # the last three years, no estimate of three
        "近6个月内",
        "附近3公里",  # near, not nearly
        "3年多",  # 多 after the unit: not read
        "资金结余≤100万元",
        "合同约定面积100平方米",  # 约 of 约定
    ],
)
def test_no_estimate_where_no_word_makes_one(text: str) -> None:
    value = parse_value(text)
    assert value.approx is None
    assert all(target.approx is None for target in value.targets)


@pytest.mark.parametrize(
    "text", ["千人", "万人", "惠及千余户家庭", "老百姓满意", "近百年历史", "千方百计"]
)
def test_a_place_alone_is_no_number_outside_an_estimate(text: str) -> None:
    # 千人 is a name as often as a count (千人计划); 千余户家庭 runs on into words
    assert parse_value(text).kind == "qualitative"


def test_each_target_has_its_own_mark() -> None:
    value = parse_value("≥95%，约300人")
    assert [(t.number, t.approx) for t in value.targets] == [
        (Decimal(95), None),
        (Decimal(300), "around"),
    ]


@pytest.mark.parametrize("text", ["1万余人", "约500人", "500人左右", "近千人", "≥95%，约300人"])
def test_the_mark_changes_no_reading_shown(text: str) -> None:
    value = parse_value(text)
    unmarked = value._replace(
        approx=None, targets=tuple(t._replace(approx=None) for t in value.targets)
    )
    assert value != unmarked
    assert describe_value(value) == describe_value(unmarked)
    assert value_dict(value) == value_dict(unmarked)


@pytest.mark.parametrize(
    "text, low, high, open_",
    [
        ("1万余人", "10000", "20000", True),  # up to the next 万, not including it
        ("300多人", "300", "400", True),
        ("1.2万余人", "12000", "13000", True),
        ("20余万元", "20", "30", True),
        ("约500人", "450", "550", False),
        ("500人左右", "450", "550", False),
        ("近千人", "900", "1000", False),
        ("约10-15人", "9", "16.5", False),
        ("1.2万人", "12000", "12000", False),
        ("10-15人", "10", "15", False),
    ],
)
def test_what_a_number_allows(text: str, low: str, high: str, open_: bool) -> None:
    assert allowance(parse_value(text).targets[0]) == Allowance(Decimal(low), Decimal(high), open_)


def test_an_allowance_open_at_its_top_stops_short_of_it() -> None:
    over = Allowance(Decimal(10000), Decimal(20000), True)
    assert over.meets(Allowance(Decimal(12000), Decimal(12000)))
    assert over.meets(Allowance(Decimal(10000), Decimal(10000)))
    assert not over.meets(Allowance(Decimal(20000), Decimal(20000)))
    assert not over.meets(Allowance(Decimal(20000), Decimal(30000), True))
    assert not Allowance(Decimal(20000), Decimal(30000), True).meets(over)
    assert not over.meets(Allowance(Decimal(5000), Decimal(9999)))


_UNITS = st.sampled_from(["人", "人次", "场", "户", "万元", "个", "%"])
_NUMBERS = st.integers(1, 99999).map(Decimal) | st.decimals(
    "0.1", "9999.9", places=1, allow_nan=False, allow_infinity=False
)


@given(
    _NUMBERS,
    _UNITS,
    st.sampled_from(["{n}余{u}", "{n}多{u}", "约{n}{u}", "{n}{u}左右", "近{n}{u}"]),
)
def test_an_estimate_reads_as_its_number_with_a_mark(number: Decimal, unit: str, form: str) -> None:
    exact = parse_value(f"{number}{unit}")
    value = parse_value(form.format(n=number, u=unit))
    expected = {"余": "over", "多": "over", "约": "around", "左右": "around", "近": "under"}
    word = next(word for word in expected if word in form)
    assert (value.kind, value.number, value.unit, value.comparator) == (
        exact.kind,
        exact.number,
        exact.unit,
        "=",
    )
    assert (exact.approx, value.approx) == (None, expected[word])
    allowed = allowance(value.targets[0])
    assert allowed is not None and allowed.meets(Allowance(number, number))
    assert allowed.low <= number <= allowed.high


def test_the_vocabulary_checks_its_estimates() -> None:
    with pytest.raises(ValueError, match=r"approximations_before: '约' must be one of"):
        UNITS.extended(approximations_before={"约": "about"})
    with pytest.raises(ValueError, match="must make a number an estimate"):
        UNITS.extended(approximations_after={"左右": "none"})
    with pytest.raises(ValueError, match="unknown key"):
        Vocabulary.from_mapping({"approximations": {"beside": {"约": "around"}}})
    more = UNITS.extended(approximations_before={"差不多": "around"})
    assert more.approximations_before["差不多"] == "around"
