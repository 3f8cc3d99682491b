"""Annual versus period values in two units of one dimension: lengths, areas,
masses, volumes and magnitude words convert (rules/units.yaml, ``conversions``)
as units of time and money do, so one target written in two units is an info,
an annual share of a multi-year period is nothing, and an annual amount above
the period's is the finding, told in one unit."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Finding
from audit.values import UNITS, Vocabulary, dimension
from tests.conftest import lint, project_row, tsv_table

RULE = "annual-period-mismatch"
ONE_YEAR = "2024年城区供水管网改造项目"  # the tables below are of 2024
MULTI_YEAR = "2024-2026年城区供水管网改造项目"
UNKNOWN = "城区供水管网改造项目"


def found(indicators: str, name: str = UNKNOWN) -> list[Finding]:
    return lint(tsv_table([project_row(name, indicators)]), select=[RULE])


def clause(name: str, period: str, annual: str, category: str = "1-产出指标；11-数量指标") -> str:
    return f"1、{category}；{name}；实施周期指标值:{period}；年度指标值:{annual}。"


def summary(findings: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.severity, f.excerpt) for f in findings]


# --------------------------------------------------------------------------
# One target written in two units


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("新建管网长度", "≥2.1公里", "≥2100米"),
        ("河道清淤长度", "≥3.5千米", "≥3500米"),  # 千米 is 公里
        ("堤防加固长度", "≥0.86万米", "≥8.6公里"),  # 万 on 米
        # seed 002: 物业管理服务面积 318930.4平方米, written in 万平方米
        ("物业管理服务面积", "≥31.89304万平方米", "≥318930.4平方米"),
        ("老旧小区改造面积", "≥12万平方米", "≥0.12平方公里"),
        ("高标准农田建设面积", "≥600亩", "≥40公顷"),
        ("水土流失治理面积", "≥1.5平方公里", "≥2250亩"),
        ("新增造林面积", "≥1.2万亩", "≥800公顷"),
        ("河道垃圾清运量", "≥3吨", "≥3000公斤"),
        ("储备粮轮换数量", "≥0.5万吨", "≥5000000千克"),
        ("新增供水能力", "≥1.2万立方米", "≥12000000升"),
        ("光伏装机容量", "≥2兆瓦", "≥2000千瓦"),
    ],
)
def test_one_amount_in_two_units_of_one_dimension_is_the_same_target(
    name: str, period: str, annual: str
) -> None:
    findings = found(clause(name, period, annual), name=ONE_YEAR)
    assert summary(findings) == [("info", annual)]
    assert "同一目标的不同写法" in findings[0].message


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("新建管网长度", "≥2.1公里", "≥1500米"),
        ("堤防加固长度", "≥0.86万米", "≥3.4公里"),
        ("老旧小区改造面积", "≥12万平方米", "≥40000平方米"),
        ("高标准农田建设面积", "≥600亩", "≥20公顷"),
        ("河道垃圾清运量", "≥30吨", "≥12000公斤"),
        ("新增供水能力", "≥1.2万立方米", "≥4000立方米"),
    ],
)
def test_an_annual_share_of_a_multi_year_period_in_another_unit_is_nothing(
    name: str, period: str, annual: str
) -> None:
    assert found(clause(name, period, annual), name=MULTI_YEAR) == []
    # without a stated span, a smaller annual amount is the warning it is in one unit
    assert summary(found(clause(name, period, annual))) == [("warning", annual)]


@pytest.mark.parametrize(
    "name, period, annual, amounts",
    [
        ("新建管网长度", "≥2.1公里", "≥3000米", "折合3000米对2100米"),
        ("堤防加固长度", "≥8.6公里", "≥0.9万米", "折合9000米对8600米"),
        ("高标准农田建设面积", "≥600亩", "≥50公顷", "折合750亩对600亩"),
        ("河道垃圾清运量", "≥3吨", "≥3500公斤", "折合3500千克对3000千克"),
    ],
)
def test_an_annual_amount_above_the_period_is_told_in_one_unit(
    name: str, period: str, annual: str, amounts: str
) -> None:
    for project in (ONE_YEAR, MULTI_YEAR, UNKNOWN):
        [finding] = found(clause(name, period, annual), name=project)
        assert (finding.severity, finding.excerpt) == ("error", annual)
        assert "超过" in finding.message and amounts in finding.message
        assert "单位不同" not in finding.message


def test_a_one_year_project_with_a_smaller_annual_amount_is_told_in_one_unit() -> None:
    [finding] = found(clause("新建管网长度", "≥2.1公里", "≥1500米"), name=ONE_YEAR)
    assert finding.severity == "error" and "单年度项目" in finding.message
    assert "折合1500米对2100米" in finding.message


def test_a_ceiling_on_a_distance_in_another_unit_stays_a_level() -> None:
    # a service radius: a limit each case keeps, in any unit
    indicators = clause("应急救援服务半径", "≤3公里", "≤3500米", "2-效益指标；22-社会效益")
    assert found(indicators, name=MULTI_YEAR) == []


@pytest.mark.parametrize(
    "name, period, annual, looser",
    [
        ("每亩补贴标准", "≤300元/亩", "≤4500元/公顷", "≤5000元/公顷"),
        ("每公里养护成本", "≤1.4万元/公里", "≤14元/米", "≤15元/米"),
        ("垃圾清运单价", "≤0.2万元/吨", "≤2元/千克", "≤2.5元/千克"),
    ],
)
def test_an_amount_per_two_units_of_one_dimension_is_the_same_target(
    name: str, period: str, annual: str, looser: str
) -> None:
    findings = found(clause(name, period, annual, "1-产出指标；14-成本指标"), name=ONE_YEAR)
    assert summary(findings) == [("info", annual)]
    [finding] = found(clause(name, period, looser, "1-产出指标；14-成本指标"), name=ONE_YEAR)
    assert finding.severity == "error" and "超过" in finding.message


# --------------------------------------------------------------------------
# Near misses: units that do not convert


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("新建道路长度", "≥2平方米", "≥2米"),  # an area, a length
        ("服务人次", "≥300人", "≥300次"),  # people, events
        ("新建管网长度", "≥2.1公里", "≥2.1公里/小时"),  # a length, a speed
        ("设计车速", "≤60公里/小时", "≤60公里"),
        ("垃圾处理能力", "≥500吨/天", "≥500吨"),  # a capacity, a mass
    ],
)
def test_units_that_do_not_convert_stay_different_units(
    name: str, period: str, annual: str
) -> None:
    findings = found(clause(name, period, annual))
    assert summary(findings) == [("error", annual)]
    assert "单位不同" in findings[0].message


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("设备购置成本", "≤4.5万元", "≤45000元"),  # money, as before
        ("每年清运量", "每年清运3000吨", "3000吨"),  # done each year: an amount
        ("巡查次数", "≥2次/年", "≥2次"),  # a count per year is a count
        ("每亩补贴标准", "≤300元/亩", "≤0.03万元/亩"),  # 亩 in a name and a denominator
    ],
)
def test_near_misses_of_a_rate_against_an_amount(name: str, period: str, annual: str) -> None:
    findings = found(clause(name, period, annual, "1-产出指标；14-成本指标"))
    assert summary(findings) == [("info", annual)]


# --------------------------------------------------------------------------
# The vocabulary


def test_the_vocabulary_converts_within_a_dimension_exactly() -> None:
    assert UNITS.common_unit("公里", "米") == (Decimal(1000), Decimal(1), "米")
    assert UNITS.common_unit("万平方米", "平方米") == (Decimal(10000), Decimal(1), "平方米")
    # 1 亩 is 2000/3 平方米: both are written in 亩, where the factors end
    assert UNITS.common_unit("平方米", "亩") == (Decimal("0.0015"), Decimal(1), "亩")
    assert UNITS.common_unit("公顷", "亩") == (Decimal(15), Decimal(1), "亩")
    assert UNITS.measure("万亩") == ("area", Fraction(20_000_000, 3))
    assert UNITS.measure("千升") == ("volume", Fraction(1))
    assert UNITS.measure("万人次") == ("人次", Fraction(10000))
    for first, second in [("米", "平方米"), ("人", "次"), ("吨", "立方米"), ("米", "米")]:
        assert UNITS.common_unit(first, second) is None
    assert [dimension(u) for u in ("万米", "亩", "公斤", "千升", "人", "元", "%", "‰")] == [
        "length",
        "area",
        "mass",
        "volume",
        None,
        None,
        "share",
        "share",
    ]
    assert UNITS.common_unit("‰", "%") == (Decimal("0.1"), Decimal(1), "%")
    assert UNITS.measure("百分点") == ("百分点", 1)  # 百 of no unit 分点: a unit of its own


@pytest.mark.parametrize(
    "conversions, message",
    [
        ({"length": {"米": 1, "码": "0.9144"}}, "'码' (length) is no reported unit"),
        ({"length": {"米": 1}, "area": {"米": 1}}, "'米' stands in both length and area"),
        ({"length": {"米": 0}}, "must be worth a positive number"),
        ({"length": {"米": "a/b"}}, "must be worth a positive number"),
    ],
)
def test_bad_conversions_are_named(conversions: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Vocabulary.from_mapping({"units": ["米", "平方米"], "conversions": conversions})


# --------------------------------------------------------------------------
# Property: an amount written in two units of one dimension is never an error

PAIRS = [
    # (period unit, annual unit, annual amount per period amount), exact
    ("公里", "米", 1000),
    ("千米", "米", 1000),
    ("万米", "公里", 10),
    ("万平方米", "平方米", 10000),
    ("平方公里", "亩", 1500),
    ("公顷", "亩", 15),
    ("万亩", "公顷", Fraction(2000, 3)),
    ("吨", "公斤", 1000),
    ("万吨", "吨", 10000),
    ("吨", "千克", 1000),
    ("万立方米", "立方米", 10000),
    ("立方米", "升", 1000),
]


def _written(amount: Fraction) -> str:
    text = f"{Decimal(amount.numerator) / Decimal(amount.denominator):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@given(
    amount=st.integers(min_value=1, max_value=10**6),
    tenths=st.booleans(),
    pair=st.sampled_from(PAIRS),
    comparator=st.sampled_from(["≥", "≤", "", "不少于", "达到"]),
    project=st.sampled_from([ONE_YEAR, MULTI_YEAR, UNKNOWN]),
)
@settings(max_examples=60, deadline=None)
def test_an_amount_in_two_units_of_one_dimension_is_never_an_error(
    amount: int, tenths: bool, pair: tuple[str, str, int | Fraction], comparator: str, project: str
) -> None:
    big, small, factor = pair
    period = Fraction(amount, 10 if tenths else 1)
    annual = period * Fraction(factor)
    if annual.denominator % 3 == 0:  # 亩 that no decimal writes: take a multiple of 3
        period, annual = period * 3, annual * 3
    indicators = clause(
        "建设规模", f"{comparator}{_written(period)}{big}", f"{comparator}{_written(annual)}{small}"
    )
    findings = found(indicators, name=project)
    assert all(f.severity == "info" for f in findings), findings
    assert summary(findings) == [("info", f"{comparator}{_written(annual)}{small}")]


# --------------------------------------------------------------------------
# several-targets: one amount in two sizes is one measure


@pytest.mark.parametrize(
    "value",
    ["≥2.1公里，即≥2100米", "≥600亩，≥40公顷", "≥12万平方米；≥0.12平方公里", "≥3吨，≥3000公斤"],
)
def test_one_amount_in_two_units_of_a_dimension_is_one_measure(value: str) -> None:
    indicators = clause("建设规模", value, value)
    assert lint(tsv_table([project_row(UNKNOWN, indicators)]), select=["several-targets"]) == []


@pytest.mark.parametrize(
    "value",
    [
        "≥2.1公里，≥2100平方米",
        "≥600亩，≥40吨",
        "≥3吨，≥3000人",
        # Two amounts of one dimension are two targets: fields and a threshing floor,
        # a road and the new part of it.
        "高标准农田≥3000亩，配套晒场≥2000平方米",
        "≥12公里，其中新建3000米",
    ],
)
def test_two_dimensions_in_one_value_are_several_measures(value: str) -> None:
    indicators = clause("建设规模", value, value)
    [finding] = lint(tsv_table([project_row(UNKNOWN, indicators)]), select=["several-targets"])
    assert "写了2个不同计量的目标" in finding.message


def one_year_severity(project: str, category: str, name: str, period: str, annual: str) -> str:
    """The severity of annual-period-mismatch's one finding on a clause of a
    project of one year."""
    indicators = (
        f"1、1-产出指标；{category}；{name}；实施周期指标值：{period}；年度指标值：{annual}。"
    )
    [finding] = lint(tsv_table([project_row(project, indicators)]), ["annual-period-mismatch"])
    return finding.severity


@pytest.mark.parametrize(
    ("period", "annual", "severity"),
    [
        ("≤1‰", "≤0.1%", "info"),  # one target in two units of a share
        ("≤1‰", "≤0.5%", "error"),  # a looser cap in the year: ≤5‰
    ],
)
def test_per_mille_and_percent_are_one_share(period: str, annual: str, severity: str) -> None:
    project = "2024年档案数字化加工服务"
    assert one_year_severity(project, "12-质量指标", "著录差错率", period, annual) == severity


@pytest.mark.parametrize(
    ("period", "annual", "severity"),
    [
        ("每季度1次", "4次", "info"),  # the year's count written as a frequency
        ("2次/月", "24次", "info"),
        ("每季度1次", "3次", "error"),  # a quarter without its inspection, in a one-year project
    ],
)
def test_a_frequency_and_the_years_count_are_one_target(
    period: str, annual: str, severity: str
) -> None:
    project = "2024年河道巡查保洁服务"
    assert one_year_severity(project, "11-数量指标", "河道巡查次数", period, annual) == severity
