"""Dates in Chinese numerals (``二〇二四年十二月三十一日前``, ``二〇二五年六月底前完成``)
are read as the same dates in digits are: a date target with its deadline's
comparator, the days it covers, and the findings of the rules that read dates."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.facts import target_days
from audit.model import Value
from audit.values import date_in_digits, parse_value
from tests.conftest import lint, project_row, tsv_table

_DIGITS = "〇一二三四五六七八九"


def _cn_year(year: int) -> str:
    return "".join(_DIGITS[int(digit)] for digit in str(year))


def _cn_small(number: int) -> str:
    """1 to 31 as months and days are written: 六, 十, 十二, 二十, 三十一."""
    tens, ones = divmod(number, 10)
    written = ("" if tens < 2 else _DIGITS[tens]) + ("十" if tens else "")
    return written + (_DIGITS[ones] if ones else "")


def _reading(value: Value) -> tuple[object, ...]:
    return (
        value.kind,
        [(t.kind, t.comparator, target_days(t)) for t in value.targets],
        date_in_digits(value.prefix),  # the words before a number hold the date as written
    )


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("二〇二四年十二月三十一日前", "2024年12月31日前"),
        ("二〇二五年六月底前完成", "2025年6月底前完成"),
        ("二零二五年六月三十日前", "2025年6月30日前"),
        ("二〇二四年底前", "2024年底前"),
        ("二〇二五年度", "2025年度"),
        ("二〇二五年十月", "2025年10月"),
        ("于二〇二五年十二月底前完成验收", "于2025年12月底前完成验收"),
        ("二〇二四年至二〇二五年", "2024年至2025年"),
        ("二〇二五年六月后", "2025年6月后"),
        ("十二月三十一日前", "12月31日前"),
        ("六月底前完成", "6月底前完成"),
        ("二〇二四年一月至十二月", "2024年1月至12月"),
        ("每年三月至五月开展", "每年3月至5月开展"),
        ("每月十五日前", "每月15日前"),
        ("次月十日前报送", "次月10日前报送"),
        ("二〇二五年六月底前完成率100%", "2025年6月底前完成率100%"),
    ],
)
def test_a_date_in_chinese_numerals_reads_as_in_digits(text: str, digits: str) -> None:
    value, written = parse_value(text), parse_value(digits)
    assert value.kind != "qualitative"
    assert _reading(value) == _reading(written)
    assert (value.comparator, value.number, value.unit) == (
        written.comparator,
        written.number,
        written.unit,
    )


def test_a_date_target_spells_the_date_as_written() -> None:
    value = parse_value("二〇二四年十二月三十一日前")
    assert [(t.text, t.comparator) for t in value.targets] == [("二〇二四年十二月三十一日", "<=")]
    assert target_days(value.targets[0]) == ((2024, 12, 31), (2024, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "三月",  # a bare month: no more a date than 三个月 is
        "至五月",
        "五日",
        "二〇二五",  # no 年: a number of a name, not a year
        "十三五规划",
        "八点三十分前",
        "第二〇二四年",
    ],
)
def test_numerals_that_are_no_date_stay_as_they_were(text: str) -> None:
    value = parse_value(text)
    assert all(target.kind not in ("date", "date-range") for target in value.targets)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("二〇二四年十二月三十一日", "2024年12月31日"),
        ("二零二三年度", "2023年度"),
        ("十月底", "10月底"),
        ("2024年12月31日", "2024年12月31日"),
        ("一九九九年二月", "1999年2月"),
    ],
)
def test_date_in_digits(text: str, digits: str) -> None:
    assert date_in_digits(text) == digits


@given(
    st.integers(1990, 2099),
    st.integers(1, 12),
    st.integers(1, 31),
    st.sampled_from(["day", "month", "end", "year"]),
    st.sampled_from(["前", "以前", "之前", "后", "", "前完成"]),
)
def test_any_date_in_chinese_numerals_reads_as_in_digits(
    year: int, month: int, day: int, shape: str, after: str
) -> None:
    day = min(day, calendar.monthrange(year, month)[1])
    if shape == "day":
        cn = f"{_cn_year(year)}年{_cn_small(month)}月{_cn_small(day)}日"
        digits = f"{year}年{month}月{day}日"
    elif shape == "month":
        cn, digits = f"{_cn_year(year)}年{_cn_small(month)}月", f"{year}年{month}月"
    elif shape == "end":
        cn, digits = f"{_cn_year(year)}年{_cn_small(month)}月底", f"{year}年{month}月底"
    else:
        cn, digits = f"{_cn_year(year)}年", f"{year}年"
    assert date_in_digits(cn) == digits
    value = parse_value(cn + after)
    assert value.kind == "date"
    assert _reading(value) == _reading(parse_value(digits + after))


def _table(period: str, annual: str, indicator: str = "13-时效指标；补贴发放完成时间") -> str:
    clause = (
        f"1、1-产出指标；{indicator}；实施周期指标值:{period}；年度指标值:{annual}。"
        "2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    goal = "开展就业服务，提供职业介绍和培训，促进劳动者就业创业，稳定全区就业局势。"
    return tsv_table([project_row("就业服务项目", clause, goal)])  # a 2024 table


_RULES = [
    "stale-date",
    "annual-period-mismatch",
    "deadline-not-concrete",
    "category-keyword-mismatch",
]


@pytest.mark.parametrize(
    ("cn", "digits", "expected"),
    [
        # a deadline copied from the 2023 table
        (("二〇二三年十二月三十一日前",) * 2, ("2023年12月31日前",) * 2, ["stale-date"]),
        # the annual deadline later than the period's
        (
            ("二〇二四年六月三十日前", "二〇二四年十二月三十一日前"),
            ("2024年6月30日前", "2024年12月31日前"),
            ["annual-period-mismatch"],
        ),
        # this year's deadline, written alike: nothing to report
        (("二〇二四年六月底前完成",) * 2, ("2024年6月底前完成",) * 2, []),
    ],
)
def test_a_date_in_chinese_numerals_gets_the_findings_of_the_date_in_digits(
    cn: tuple[str, str], digits: tuple[str, str], expected: list[str]
) -> None:
    found = [(f.rule, f.clause) for f in lint(_table(*cn), _RULES)]
    assert [rule for rule, _ in found] == expected
    assert found == [(f.rule, f.clause) for f in lint(_table(*digits), _RULES)]


def test_a_count_filed_as_a_date_is_found_in_either_writing() -> None:
    cn = _table("二〇二四年十二月底前", "二〇二四年十二月底前", "11-数量指标；培训人数")
    digits = _table("2024年12月底前", "2024年12月底前", "11-数量指标；培训人数")
    found = [(f.rule, f.clause) for f in lint(cn, ["category-keyword-mismatch"])]
    assert found == [("category-keyword-mismatch", 1)]
    assert found == [(f.rule, f.clause) for f in lint(digits, ["category-keyword-mismatch"])]
