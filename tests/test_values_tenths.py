"""成 after a number is tenths: ``九成以上`` is read as ``90%以上``, ``八成`` as
``80%``, ``九成五`` as ``95%``; 成 inside a word (成本, 成效, 完成, 建成, 成果) and
``九成新`` (a grade of wear, no share of a target) are words as before."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Value
from audit.values import UNITS, parse_value
from tests.conftest import lint, project_row, tsv_table

D = Decimal


def _read(value: Value) -> tuple[str, str | None, Decimal | None, Decimal | None, str | None]:
    return value.kind, value.comparator, value.number, value.upper, value.unit


@pytest.mark.parametrize(
    ("text", "as_percent"),
    [
        ("九成以上", "90%以上"),
        ("八成", "80%"),
        ("七成以上", "70%以上"),
        ("九成五", "95%"),
        ("九成五以上", "95%以上"),
        ("9成", "90%"),
        ("９成以上", "90%以上"),
        ("两成", "20%"),
        ("十成", "100%"),
        ("≥九成", "≥90%"),
        ("不低于八成", "不低于80%"),
        ("达到九成以上", "达到90%以上"),
        ("约七成", "约70%"),
        ("八成左右", "80%左右"),
        ("8-9成", "80-90%"),
        ("就业率九成以上", "就业率90%以上"),
        ("九成以上的企业满意", "90%以上的企业满意"),
        ("完成七成", "完成70%"),
        ("较上年降低一成", "较上年降低10%"),
    ],
)
def test_tenths_read_as_the_percentage_they_are(text: str, as_percent: str) -> None:
    value, percent = parse_value(text), parse_value(as_percent)
    assert percent.unit == "%"  # the reading compared with is the one a rule sees
    assert _read(value) == _read(percent)
    assert (value.prefix, value.qualifiers, value.change) == (
        percent.prefix,
        percent.qualifiers,
        percent.change,
    )
    first = value.targets[0]
    assert (first.kind, first.comparator, first.number, first.unit) == (
        "number",
        percent.comparator,
        percent.number,
        "%",
    )


@pytest.mark.parametrize(
    "text",
    [
        "成本控制在预算内",
        "人均成本不高于上年",
        "成效显著",
        "按时完成",
        "全面建成并投入使用",
        "成果转化",
        "九成新",  # 成色: how worn a thing is, no share of a target
        "一成不变",
        "三成员单位联动",
        "九成多",  # 多 after 成: an estimate of no figure
    ],
)
def test_cheng_in_a_word_is_no_tenth(text: str) -> None:
    value = parse_value(text)
    assert value.unit != "%"
    assert all(target.unit != "%" for target in value.targets)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("完成率100%", ("quantity", "=", D(100), None, "%")),
        ("形成3项成果", ("quantity", "=", D(3), None, "项")),
        ("成本≤300元", ("quantity", "<=", D(300), None, "元")),
        ("≥300人", ("quantity", ">=", D(300), None, "人")),
    ],
)
def test_values_near_cheng_read_as_before(text: str, reading: tuple[object, ...]) -> None:
    assert _read(parse_value(text)) == reading


_CN_TENTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]


@given(
    st.integers(1, 9),
    st.integers(0, 9),
    st.booleans(),
    st.sampled_from(["", *UNITS.comparators_after, "左右"]),
    st.sampled_from(["", "≥", "不低于", "达到", "约"]),
)
def test_any_tenths_read_as_the_percentage(
    tenths: int, hundredths: int, digits: bool, after: str, before: str
) -> None:
    written = str(tenths) if digits else _CN_TENTHS[tenths - 1]
    if hundredths and not digits:
        written += "成" + _CN_TENTHS[hundredths - 1]
        percent = tenths * 10 + hundredths
    else:
        written += "成"
        percent = tenths * 10
    value = parse_value(f"{before}{written}{after}")
    assert _read(value) == _read(parse_value(f"{before}{percent}%{after}"))
    assert value.number == percent and value.unit == "%"


def _clause(name: str, category: str, period: str, annual: str) -> str:
    return (
        f"1、{category}；{name}；实施周期指标值:{period}；年度指标值:{annual}。"
        "2、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    )


_GOAL = "开展就业服务，提供职业介绍和培训，促进劳动者就业创业，稳定全区就业局势。"


def _findings(period: str, annual: str, name: str, category: str) -> list[tuple[str, int | None]]:
    table = tsv_table([project_row("就业服务项目", _clause(name, category, period, annual), _GOAL)])
    rules = ["satisfaction-target", "annual-period-mismatch", "not-quantified"]
    return [(f.rule, f.clause) for f in lint(table, rules)]


_SATISFACTION = ("服务对象满意度", "3-满意度指标；31-服务对象满意度")
_PASS_RATE = ("培训合格率", "1-产出指标；12-质量指标")


@pytest.mark.parametrize(
    ("tenths", "percent", "indicator", "expected"),
    [
        # a satisfaction level below 80 %, in tenths as in per cent
        (("七成以上", "七成以上"), ("70%以上", "70%以上"), _SATISFACTION, ["satisfaction-target"]),
        # a one-year project whose annual rate is not its period rate
        (("九成以上", "八成以上"), ("90%以上", "80%以上"), _PASS_RATE, ["annual-period-mismatch"]),
        # written alike, a rate a reviewer accepts: nothing to report
        (("九成以上", "九成以上"), ("90%以上", "90%以上"), _PASS_RATE, []),
    ],
)
def test_tenths_are_judged_as_a_percentage_is(
    tenths: tuple[str, str],
    percent: tuple[str, str],
    indicator: tuple[str, str],
    expected: list[str],
) -> None:
    found = _findings(*tenths, *indicator)
    assert [rule for rule, clause in found if clause == 1] == expected
    assert found == _findings(*percent, *indicator)
