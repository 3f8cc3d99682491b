"""A time of day ending an item written without keywords, its name run into
it (``开放时间8:30-17:30``): the time, or the range of times, is the value
whole, never its last two digits; a time inside the name (``上午8:30开馆率100%``)
stays the name's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses

# A district library's 公共图书馆免费开放经费, its indicators fused to their values.
FUSED = (
    "产出指标：数量指标：年接待读者人次≥20万人次；时效指标：开放时间8:30-17:30；"
    "时效指标：读者咨询回复时间每日17:30前；质量指标：上午8:30开馆率100%"
)


def test_a_time_of_day_at_the_end_is_the_value_whole() -> None:
    result = clauses(FUSED)
    assert [(c.name, c.annual and c.annual.text) for c in result] == [
        ("年接待读者人次", "≥20万人次"),
        ("开放时间", "8:30-17:30"),
        ("读者咨询回复时间每日", "17:30前"),
        ("上午8:30开馆率", "100%"),
    ]
    opening = result[1].annual
    assert opening is not None and opening.value.number is None  # a time, no count of 30


@pytest.mark.parametrize(
    ("item", "name", "annual"),
    [
        ("开放时间8：30—17：30", "开放时间", "8：30—17：30"),  # full-width colon and dash
        ("每日开放时间9:00至21:00", "每日开放时间", "9:00至21:00"),
        ("12345热线服务时间8:30-17:30", "12345热线服务时间", "8:30-17:30"),
        ("开放时间≥8:30-17:30", "开放时间", "≥8:30-17:30"),  # a comparator still begins it
        ("8:30前到岗率≥95%", "8:30前到岗率", "≥95%"),  # a time in the name
        ("办结时限3个工作日", "办结时限", "3个工作日"),  # no time: the last number as before
    ],
)
def test_items_with_and_without_times(item: str, name: str, annual: str) -> None:
    (clause,) = clauses(f"产出指标：时效指标：{item}")
    assert (clause.name, clause.annual and clause.annual.text) == (name, annual)


def test_an_outline_item_with_a_time_and_no_name_colon() -> None:
    cell = "一、产出指标\n1.开放时间8:30-17:30\n2.服务时间：8:30-17:30\n3.到馆率：≥95%"
    assert [(c.name, c.annual and c.annual.text) for c in clauses(cell)] == [
        ("开放时间", "8:30-17:30"),
        ("服务时间", "8:30-17:30"),
        ("到馆率", "≥95%"),
    ]


def test_a_time_is_no_number_missing_its_unit_nor_a_deadline_without_one() -> None:
    # Read at its last number, 8:30-17:30 was a count of 30 without a unit, and
    # 17:30前 a deadline of 30 without one.
    findings = lint(
        tsv_table([project_row("公共图书馆免费开放经费", FUSED)]),
        ["missing-unit", "deadline-not-concrete"],
    )
    assert findings == []


@settings(max_examples=60, deadline=None)
@given(
    first=st.tuples(st.integers(0, 23), st.integers(0, 59)),
    second=st.none() | st.tuples(st.integers(0, 23), st.integers(0, 59)),
    dash=st.sampled_from(["-", "—", "～", "至"]),
    colon=st.sampled_from([":", "："]),
)
def test_any_time_or_range_at_the_end_is_read_whole(
    first: tuple[int, int], second: tuple[int, int] | None, dash: str, colon: str
) -> None:
    time = f"{first[0]}{colon}{first[1]:02d}"
    if second is not None:
        time += f"{dash}{second[0]}{colon}{second[1]:02d}"
    (clause,) = clauses(f"产出指标：时效指标：窗口开放时间{time}")
    assert (clause.name, clause.annual and clause.annual.text) == ("窗口开放时间", time)


@pytest.mark.parametrize("value", ["8:30", "8：30", "9:00", "每日8:30"])
def test_a_time_with_its_hour_in_one_digit_is_a_time_of_day(value: str) -> None:
    from audit.values import parse_value

    read = parse_value(value)
    assert read.kind == "date" and read.number is None
    assert [t.kind for t in read.targets] == ["time"]


@pytest.mark.parametrize(
    ("value", "ratio"), [("1:10", (1, 10)), ("1:30", (1, 30)), ("3:1", (3, 1)), ("10:1", (10, 1))]
)
def test_a_ratio_stays_a_ratio(value: str, ratio: tuple[int, int]) -> None:
    # an hour of 0 or 1 before two digits, or one digit after the colon: no time
    from decimal import Decimal

    from audit.values import parse_value

    read = parse_value(value)
    assert read.kind == "quantity"
    assert read.number == Decimal(ratio[0]) / Decimal(ratio[1])


def test_a_time_of_day_alone_as_a_value_is_no_deadline_without_its_unit() -> None:
    cell = (
        "1、1-产出指标；13-时效指标；每日开馆时间；实施周期指标值：8:30；年度指标值：8:30。"
        "2、3-满意度指标；31-服务对象满意度；读者满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
    )
    findings = lint(
        tsv_table([project_row("公共图书馆免费开放经费", cell)]),
        ["deadline-not-concrete", "missing-unit", "percent-out-of-range"],
    )
    assert findings == []
