"""Numbers written in Chinese numerals: read as the number they are, or as
words, never as a wrong number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from audit.model import Value
from audit.values import UNITS, chinese_number, parse_value
from audit.vocabulary import VOCABULARY
from tests.conftest import lint_rule, project_row, tsv_table

D = Decimal

_DIGITS = "零一二三四五六七八九"


def compose(number: int) -> str:
    """``number`` (0 < number < 10**12) in Chinese numerals as a reviewer
    writes it: 十五, 一百一十五, 一千零五, 一万零五百, 一亿五千万."""
    assert 0 < number < 10**12

    def group(value: int) -> str:  # 1 to 9999, with 零 for a gap between digits
        written, gap = "", False
        for digit, place in zip(f"{value:04d}", ("千", "百", "十", ""), strict=True):
            if digit == "0":
                gap = bool(written)
                continue
            if gap:
                written += "零"
                gap = False
            written += _DIGITS[int(digit)] + place
        return written

    written, gap = "", False
    for value, word in (
        (number // 10**8, "亿"),
        (number // 10**4 % 10**4, "万"),
        (number % 10**4, ""),
    ):
        if value == 0:
            gap = bool(written)
            continue
        if written and (gap or value < 1000):
            written += "零"
        written += group(value) + word
        gap = False
    # 十五, 十万: a number that opens with 一十 drops the 一
    return written[1:] if written.startswith("一十") else written


def test_compose_writes_numbers_as_they_are_written() -> None:
    assert compose(15) == "十五"
    assert compose(115) == "一百一十五"
    assert compose(1005) == "一千零五"
    assert compose(10500) == "一万零五百"
    assert compose(150_000_000) == "一亿五千万"
    assert compose(100_005_000) == "一亿零五千"
    assert compose(120_000) == "十二万"


def _first(value: Value) -> tuple[str | None, Decimal | None, str | None]:
    return value.comparator, value.number, value.unit


# Values as a reviewer writes them, and the target each is.
READINGS = [
    # 亿: a numeral before 万 closes with it (一亿五千|万元 is 15000 万元)
    ("一亿五千万元", ("=", D(15000), "万元")),
    ("一亿二千三百万元", ("=", D(12300), "万元")),
    ("一亿零五百万元", ("=", D(10500), "万元")),
    ("十亿零五百万元", ("=", D(100500), "万元")),
    ("一亿元", ("=", D(1), "亿元")),
    ("两亿元", ("=", D(2), "亿元")),
    ("不超过一亿五千万人次", ("<=", D(150_000_000), "人次")),
    # a decimal: 点 and its digits
    ("一点五亿元", ("=", D("1.5"), "亿元")),
    ("三点五万人", ("=", D(35000), "人")),
    ("≥两点五万人", (">=", D(25000), "人")),
    ("零点五个百分点", ("=", D("0.5"), "百分点")),
    ("一点五倍", ("=", D("1.5"), "倍")),
    ("三点一四米", ("=", D("3.14"), "米")),
    ("评分不低于四点五分", (">=", D("4.5"), "分")),
    ("百分之九十五点五", ("=", D("95.5"), "%")),
    ("≥百分之零点五", (">=", D("0.5"), "%")),
    # a share of a thousand or of ten thousand: a percentage, as 百分之 is
    ("≥千分之五", (">=", D("0.5"), "%")),
    ("≤千分之一", ("<=", D("0.1"), "%")),
    ("≤千分之零点五", ("<=", D("0.05"), "%")),
    ("≥万分之五", (">=", D("0.05"), "%")),
    ("≥百分之五十", (">=", D(50), "%")),
    # ‱ written as a sign is a rate, as ‰ is
    ("≤5‱", ("<=", D(5), "‱")),
    # whole numbers with 零, 万 and 千
    ("一万二千元", ("=", D(12000), "元")),
    ("十二万元", ("=", D(12), "万元")),
    ("两千人次", ("=", D(2000), "人次")),
    ("一万零五百人", ("=", D(10500), "人")),
    ("一千零五十人", ("=", D(1050), "人")),
    # a digit after a place, as it is said: 一万五 is 15000, 三千五 3500
    ("一万五人", ("=", D(15000), "人")),
    ("两万五人", ("=", D(25000), "人")),
    ("三千五人", ("=", D(3500), "人")),
    ("十一万五人", ("=", D(115000), "人")),
    # durations: days after a comparator, as within (内)
    ("不超过五日", ("<=", D(5), "日")),
    ("不超过十五日", ("<=", D(15), "日")),
    ("五个工作日内", ("<=", D(5), "工作日")),
    ("三年内", ("<=", D(3), "年")),
    ("每周两日", ("=", D(2), "日")),
]


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_a_number_in_chinese_numerals_reads_as_the_number_it_is(
    text: str, expected: tuple[str, Decimal, str]
) -> None:
    value = parse_value(text)
    assert value.kind == "quantity"
    assert _first(value) == expected


# Numerals that are words, a label, a date or a time of day: no count of
# their unit, and no wrong number.
WORDS = [
    "一次性",
    "一次性补助",
    "一站式服务",
    "一对一帮扶",
    "三支一扶",
    "一人一档",
    "第一",
    "一期工程",
    "十四五规划",
    "五年规划",
    "二〇二五年",
    "五日",
    "每月十五日前",
    "每月十五日内",
    "不超过每月十五日",
    # a time of day: 八点三十分 is half past eight, not 30 分 (nor 8.3 十分)
    "每日八点三十分前开馆",
    "八点三十分",
    "每日八点五分前开馆",
    "八点五分至十七点",
    "八点半前",
    # places out of order (一亿五千 is 一亿零五千 or 一亿五千万): words, not a
    # guess at the number
    "一千五十人",
    "十十人",
    "一亿五千元",
    "八万一万人",
    "两十人",
    "十万五人",
    # numerals with no unit are no measure
    "零点五",
    "≥三点五",
]


@pytest.mark.parametrize("text", WORDS)
def test_numerals_that_are_words_are_no_number(text: str) -> None:
    value = parse_value(text)
    assert value.number is None, value
    assert all(target.number is None for target in value.targets), value.targets


def test_a_phase_is_a_label_not_a_count() -> None:
    # 一期/二期 before a date: the phases of a project, each with its year
    value = parse_value("一期已于2023年完成，二期2025年完成")
    assert value.number is None
    assert all(target.unit != "期" for target in value.targets)
    assert parse_value("二期2025年完成").number is None
    # a count of issues or sessions stays one
    assert _first(parse_value("≥三期")) == (">=", D(3), "期")
    assert _first(parse_value("举办培训班三期")) == ("=", D(3), "期")


@pytest.mark.parametrize(
    "text",
    [
        "完成二期工程",
        "完成一期、二期工程",
        "完成1期和2期工程",
        "完成二期建设",
        "完成一期工程建设",
        "完成三期项目",
        "完成2期工程",
        "≥二期工程",
        "二期工程2025年完成",
    ],
)
def test_a_phase_before_works_is_a_label_after_any_word(text: str) -> None:
    # 二期工程: the second phase of the works, what is done, not how many
    value = parse_value(text)
    assert value.number is None, value
    assert all(target.unit != "期" for target in value.targets)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what follows 期 is no phase's works: sessions, issues, rounds counted
        ("完成2期培训", ("=", D(2), "期")),
        ("完成二期培训", ("=", D(2), "期")),
        ("完成三期项目申报培训", ("=", D(3), "期")),
        ("完成4期", ("=", D(4), "期")),
        # 两 counts, it never labels: two phases of the works
        ("完成两期工程", ("=", D(2), "期")),
        ("≥三期", (">=", D(3), "期")),
    ],
)
def test_a_count_of_sessions_stays_a_count(text: str, expected: tuple[str, Decimal, str]) -> None:
    assert _first(parse_value(text)) == expected


@given(
    st.integers(1, 9),
    st.booleans(),
    st.sampled_from(["工程", "建设", "工程建设", "项目", "项目建设"]),
    st.sampled_from(["培训", "活动", "讲座", "培训班", "项目申报培训"]),
)
def test_what_follows_qi_decides_label_or_count(
    number: int, digits: bool, works: str, sessions: str
) -> None:
    written = str(number) if digits else "一二三四五六七八九"[number - 1]
    assert parse_value(f"完成{written}期{works}").number is None
    assert _first(parse_value(f"完成{written}期{sessions}")) == ("=", D(number), "期")


def test_phases_of_works_are_not_compared_as_counts() -> None:
    # 完成一期、二期工程 over the term, 完成二期工程 this year: no count of 2
    # phases this year against 1 over the term
    indicators = (
        "1、1-产出指标；11-数量指标；场馆建设；实施周期指标值:完成一期、二期工程；"
        "年度指标值:完成二期工程。"
    )
    table = tsv_table([project_row("体育场馆建设项目（2023-2024年）", indicators)])
    assert lint_rule(table, "annual-period-mismatch") == []
    sessions = indicators.replace("一期、二期工程", "4期培训").replace("二期工程", "6期培训")
    table = tsv_table([project_row("职业培训项目（2023-2024年）", sessions)])
    assert [f.clause for f in lint_rule(table, "annual-period-mismatch")] == [1]


def test_a_word_ending_in_dian_before_a_numeral_is_no_decimal_point() -> None:
    assert _first(parse_value("新增服务点三个")) == ("=", D(3), "个")


def test_a_second_target_in_chinese_numerals_is_read() -> None:
    value = parse_value("≥95%，不低于千分之五")
    assert [(t.comparator, t.number, t.unit) for t in value.targets] == [
        (">=", D(95), "%"),
        (">=", D("0.5"), "%"),
    ]


def test_per_mille_and_per_ten_thousand_are_rates_that_convert_to_percent() -> None:
    assert {"%", "‰", "‱"} <= set(VOCABULARY.percent_units)
    assert UNITS.common_unit("‰", "%") == (D("0.1"), D(1), "%")
    assert UNITS.common_unit("‱", "%") == (D("0.01"), D(1), "%")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("二百", 200),
        ("十五", 15),
        ("一百一十五", 115),
        ("一千零五", 1005),
        ("一千零五十", 1050),
        ("两万五千", 25000),
        ("一万五", 15000),
        ("一百五", 150),
        ("一亿五", 150_000_000),
        ("一亿零五百万", 105_000_000),
        ("一万亿", 10**12),
        ("三点五", D("3.5")),
        ("零点零五", D("0.05")),
        ("一点五亿", 150_000_000),
        ("百分之九十五", 95),
        ("百分百", 100),
        ("千分之五", 5),
    ],
)
def test_chinese_number_gives_the_value(text: str, number: int | Decimal) -> None:
    assert chinese_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        "零",
        "千",
        "十十",
        "二〇二五",
        "十三五",
        "一千五十",
        "一百零十",
        "一亿五千",
        "一万零五千",
        "十两",
        "一点",
        "一点两",
        "点五",
        "五万万",
        "人",
    ],
)
def test_chinese_number_is_none_for_numerals_out_of_order(text: str) -> None:
    assert chinese_number(text) is None


@given(st.integers(min_value=1, max_value=10**9 - 1))
def test_any_whole_number_in_numerals_reads_back(number: int) -> None:
    written = compose(number)
    assert chinese_number(written) == number
    # before a unit (a 万 or 亿 that ends the numerals is read as the magnitude)
    value = parse_value(f"≥{written}人")
    assert _first(value) == (">=", D(number), "人")


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=9))
def test_any_number_with_one_decimal_reads_back(whole: int, tenth: int) -> None:
    # a decimal of a number below 万: 三点五, 一千二百点五; a larger one is
    # written with its magnitude after the decimal (一点五万, 十二点五亿)
    written = ("零" if whole == 0 else compose(whole)) + "点" + _DIGITS[tenth]
    expected = D(whole) + D(tenth) / 10
    assert chinese_number(written) == expected
    assert _first(parse_value(f"不少于{written}米")) == (">=", expected, "米")
    assert _first(parse_value(f"{written}万人")) == ("=", expected * 10000, "人")


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点", min_size=1, max_size=8))
def test_numerals_are_read_whole_or_not_at_all(numerals: str) -> None:
    # never a number made of some of them (五千 of 一亿五千万元 was 5000 万元);
    # 点 after a word, not a numeral, is no decimal point (服务点三个)
    assume(not numerals.startswith("点") and "点点" not in numerals)
    value = parse_value(f"≥{numerals}人")
    if value.number is not None:
        assert value.targets[0].text == f"≥{numerals}人"
        assert value.number >= 0


def _rate_clause(value: str) -> str:
    return f"1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:{value}；年度指标值:{value}。"


def test_a_share_in_words_is_judged_as_a_percentage_is() -> None:
    # 万分之五 is 0.05 %: a pass rate that low is a slip, as ≥0.05% is
    fires = lint_rule(
        tsv_table([project_row("设备采购", _rate_clause("≥万分之五"))]), "percent-out-of-range"
    )
    assert fires
    assert all(finding.excerpt == "≥万分之五" for finding in fires)
    quiet = tsv_table([project_row("设备采购", _rate_clause("≥百分之九十五"))])
    assert lint_rule(quiet, "percent-out-of-range") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不超过五千日元", ("<=", D(5000), "日元")),
        ("5000日元", ("=", D(5000), "日元")),
        ("≥十八周岁", (">=", D(18), "岁")),
        ("人均预期寿命≥80周岁", (">=", D(80), "岁")),
        # the unit of time itself
        ("≤2周", ("<=", D(2), "周")),
        ("不超过五日", ("<=", D(5), "日")),
    ],
)
def test_a_unit_that_begins_with_a_unit_of_time_is_that_unit(
    text: str, expected: tuple[str, Decimal, str]
) -> None:
    # 周岁 is an age, not weeks; 日元 money, not days
    assert _first(parse_value(text)) == expected


@settings(deadline=None)  # the first example may build the parser
@given(
    st.integers(min_value=1, max_value=10**9 - 1),
    st.sampled_from(["余", "多"]),
    st.sampled_from(["人", "人次", "家", "万元"]),
)
def test_any_number_in_numerals_before_yu_is_an_estimate_of_it(
    number: int, word: str, unit: str
) -> None:
    # 三十余人, 一万五千多人次, 二千余万元: the number as digits before 余 read it;
    # 万元 after numerals that hold 万 is no number (四万三千万元: 四亿三千万元)
    assume(unit != "万元" or number < 10**4)
    value = parse_value(f"{compose(number)}{word}{unit}")
    digits = parse_value(f"{number}{word}{unit}")
    assert (value.kind, value.number, value.unit, value.approx) == (
        "quantity",
        number,
        unit,
        "over",
    )
    assert (digits.number, digits.unit, digits.approx) == (value.number, value.unit, "over")
