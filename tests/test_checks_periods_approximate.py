"""Annual versus period values when one is an estimate (``1万余人``, ``约500人``,
``近千人``, ``500人左右``): a number the estimate allows agrees with it, one
beyond it does not; and a project's span of years written in Chinese numerals
(``二〇二三—二〇二五年``) is read as in digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Finding
from audit.values import date_in_digits
from tests.conftest import lint, project_row, tsv_table

RULE = "annual-period-mismatch"
ONE_YEAR = "2024年就业技能培训项目"  # dated in the table's budget year only
SEVERAL_YEARS = "2023-2025年就业技能培训项目"


def found(
    period: str,
    annual: str,
    name: str = ONE_YEAR,
    goal: str = "开展职业技能培训，提升劳动者就业能力。",
    indicator: str = "职业技能培训人数",
) -> list[tuple[str, str | None]]:
    indicators = (
        f"1、1-产出指标；11-数量指标；{indicator}；实施周期指标值:{period}；年度指标值:{annual}。"
    )
    findings: list[Finding] = lint(tsv_table([project_row(name, indicators, goal=goal)]), [RULE])
    return [(f.severity, f.excerpt) for f in findings]


# --------------------------------------------------------------------------
# A number the estimate allows


@pytest.mark.parametrize(
    "period, annual",
    [
        ("1万余人", "1.2万人"),  # 1万余 is 1万 to 2万
        ("1万余人", "19000人"),
        ("300多人", "350人"),
        ("约500人", "520人"),
        ("约500人", "460人"),
        ("500人左右", "540人"),
        ("近千人", "950人"),
        ("1.2万人", "1万余人"),  # the estimate in the annual value
    ],
)
def test_a_number_an_estimate_allows_is_no_error_in_a_one_year_project(
    period: str, annual: str
) -> None:
    # the same target, written once as an estimate: a remark, as 95% against
    # 95%或以上 is
    assert found(period, annual) == [("info", annual)]


@pytest.mark.parametrize(
    "period, annual", [("1万余人", "1.5万人"), ("约500人", "540人"), ("近千人", "980人")]
)
def test_a_number_an_estimate_allows_is_quiet_in_a_multi_year_project(
    period: str, annual: str
) -> None:
    # before the estimate was read, 1.5万 "exceeded" 1万余
    assert found(period, annual, name=SEVERAL_YEARS) == []


def test_an_estimate_allows_the_number_in_another_unit() -> None:
    # 20余万元 is 20万 to 30万 元
    assert found("20余万元", "250000元", indicator="培训补贴发放金额") == [("info", "250000元")]
    assert found("20余万元", "300000元", indicator="培训补贴发放金额") == [("error", "300000元")]


def test_an_estimate_equal_to_the_number_is_the_same_target() -> None:
    assert found("1万余人", "1万人") == [("info", "1万人")]


# --------------------------------------------------------------------------
# A number beyond what the estimate allows


@pytest.mark.parametrize(
    "period, annual",
    [
        ("1万余人", "2万人"),  # 2万 is the next 万: no longer 1万余
        ("1万余人", "0.8万人"),
        ("300多人", "400人"),
        ("约500人", "600人"),
        ("约500人", "400人"),
        ("近千人", "1050人"),  # 近 is under the number
        ("近千人", "800人"),
        ("500人左右", "300人"),
    ],
)
def test_a_number_beyond_the_estimate_is_an_error_in_a_one_year_project(
    period: str, annual: str
) -> None:
    assert found(period, annual) == [("error", annual)]


@pytest.mark.parametrize("period, annual", [("300多人", "400人"), ("约500人", "600人")])
def test_an_annual_count_beyond_the_estimate_exceeds_the_period(period: str, annual: str) -> None:
    assert found(period, annual, name=SEVERAL_YEARS) == [("error", annual)]


def test_a_share_below_the_estimate_is_quiet_in_a_multi_year_project() -> None:
    assert found("1万余人", "4000人", name=SEVERAL_YEARS) == []


def test_an_estimated_rate_in_a_multi_year_project_is_read_as_before() -> None:
    # a level in a multi-year project: its annual value may be set higher
    assert found("约90%", "≥98%", name=SEVERAL_YEARS, indicator="培训合格率") == []


# --------------------------------------------------------------------------
# Spans of years in Chinese numerals


@pytest.mark.parametrize(
    "name, goal",
    [
        ("就业技能培训项目（二〇二三—二〇二五年）", "开展职业技能培训。"),
        ("二〇二三年至二〇二五年就业技能培训项目", "开展职业技能培训。"),
        ("就业技能培训项目", "二〇二四年至二〇二六年，每年开展职业技能培训。"),
        ("就业技能培训项目", "二〇二四年一月至二〇二六年十二月开展职业技能培训。"),
    ],
)
def test_a_span_of_years_in_chinese_numerals_is_a_multi_year_project(name: str, goal: str) -> None:
    assert found("≥3000人", "≥1000人", name=name, goal=goal) == []
    # as the span in digits is
    digits = found("≥3000人", "≥1000人", name=date_in_digits(name), goal=date_in_digits(goal))
    assert digits == []


@pytest.mark.parametrize(
    "name, expected",
    [
        ("二〇二四年就业技能培训项目", "error"),  # the budget year alone: one year
        ("就业技能培训项目（二〇二四）", "warning"),  # a year without 年 and no span: unknown
        ("十四五就业技能培训项目", "warning"),
    ],
)
def test_a_single_year_in_numerals_is_no_span(name: str, expected: str) -> None:
    assert found("≥3000人", "≥1000人", name=name) == [(expected, "≥1000人")]


_CN = "〇一二三四五六七八九"


def _cn_year(year: int) -> str:
    return "".join(_CN[int(digit)] for digit in str(year))


@given(
    st.integers(1990, 2098),
    st.integers(1, 9),
    st.sampled_from(["—", "-", "至", "到", "～"]),
    st.booleans(),
)
def test_a_span_of_years_in_numerals_reads_as_its_digits(
    first: int, length: int, dash: str, both: bool
) -> None:
    last = min(first + length, 2099)
    cn = f"{_cn_year(first)}{'年' if both else ''}{dash}{_cn_year(last)}年"
    assert date_in_digits(f"项目（{cn}）") == f"项目（{first}{'年' if both else ''}{dash}{last}年）"
