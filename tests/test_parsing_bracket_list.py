"""Indicators listed after their category, each name with its value in the
brackets after it, without keywords::

    产出指标：培训人数（≥300人）、培训合格率（≥90%）；效益指标：就业率（≥85%）

A reviewer reads three indicators there, each value the annual one. A bracket
that holds no value (a unit, a note: ``培训人数（人）``, ``（含线上）``) is part of
the name, and a list whose names hold values of their own is not read so."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import ANNUAL, Clause, ClauseError
from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses

# A district employment bureau's 职业技能培训经费, its indicators listed.
LISTED = "产出指标：培训人数（≥300人）、培训合格率（≥90%）；效益指标：就业率（≥85%）"


def _read(clause: Clause) -> tuple[object, ...]:
    return (
        clause.number,
        clause.level1 and clause.level1.name,
        clause.level2 and clause.level2.name,
        clause.name,
        clause.annual and clause.annual.text,
    )


def test_each_bracketed_item_is_an_indicator_with_its_value() -> None:
    result = clauses(LISTED)
    assert [_read(c) for c in result] == [
        (None, "产出指标", None, "培训人数", "≥300人"),
        (None, "产出指标", None, "培训合格率", "≥90%"),
        (None, "效益指标", None, "就业率", "≥85%"),
    ]
    first = result[0]
    assert first.annual is not None and first.annual.value.number == 300
    assert first.text == "产出指标：培训人数（≥300人）"  # from its category, as in the fused form
    assert result[1].text == "培训合格率（≥90%）"
    start = LISTED.index("≥300人")
    assert (first.annual.span.column, first.annual.span.end_column) == (
        start + 1,
        start + 1 + len("≥300人"),
    )
    assert all(
        ("missing-keyword", ANNUAL) in {(i.kind, i.detail) for i in c.issues} for c in result
    )


def test_two_levels_and_brackets_of_the_name() -> None:
    cell = (
        "1、产出指标：数量指标：培训人数（人）（≥300人），线上培训场次（含直播）（≥20场）；"
        "质量指标：培训合格率（90%以上）。2、满意度指标：学员满意度（≥90%）"
    )
    assert [_read(c) for c in clauses(cell)] == [
        (None, "产出指标", "数量指标", "培训人数（人）", "≥300人"),
        (None, "产出指标", "数量指标", "线上培训场次（含直播）", "≥20场"),
        (None, "产出指标", "质量指标", "培训合格率", "90%以上"),
        (None, "满意度指标", None, "学员满意度", "≥90%"),
    ]


@pytest.mark.parametrize(
    ("cell", "numbers"),
    [
        # each number heads several items: the categories' numbers
        (
            "1、产出指标：培训人数（≥300人）、培训合格率（≥90%）；2、效益指标：就业率（≥85%）",
            [None] * 3,
        ),
        (
            "1、产出指标：培训人数（≥300人）；合格率（≥90%）。2、效益指标：就业率（≥85%）",
            [None] * 3,
        ),
        # each number heads one item: the item's
        (
            "1、产出指标：数量指标：培训人数（≥300人）；2、产出指标：质量指标：合格率（≥90%）、",
            [1, 2],
        ),
    ],
    ids=["list", "stretches", "one-each"],
)
def test_a_number_heading_several_items_is_the_category_s(
    cell: str, numbers: list[int | None]
) -> None:
    assert [c.number for c in clauses(cell)] == numbers


def test_a_cell_numbering_its_categories_is_no_numbering_skip() -> None:
    cell = "1、产出指标：培训人数（≥300人）、培训合格率（≥90%）；2、效益指标：就业率（≥85%）"
    findings = lint(tsv_table([project_row("职业技能培训经费", cell)]), ["clause-numbering"])
    # read with the first item numbered, the second was "missing" its number and
    # the third's number 2 "out of order"
    messages = [f.message for f in findings]
    assert not [m for m in messages if "顺序颠倒" in m or "缺少序号" in m], messages


def test_a_framework_level2_category_stands_under_its_level1() -> None:
    result = clauses("数量指标：培训人数（≥300人）；社会效益：就业率（≥85%）")
    assert [_read(c) for c in result] == [
        (None, "产出指标", "数量指标", "培训人数", "≥300人"),
        (None, "产出指标", "社会效益", "就业率", "≥85%"),
    ]


@pytest.mark.parametrize(
    ("cell", "name", "annual"),
    [
        # a bracket of a note or a unit before the value's
        (
            "产出指标：道路（含桥梁）、隧道养护里程（≥50公里）",
            "道路（含桥梁）、隧道养护里程",
            "≥50公里",
        ),
        ("产出指标：培训人数（人）、培训合格率（≥90%）", "培训人数（人）、培训合格率", "≥90%"),
    ],
    ids=["note", "unit"],
)
def test_a_bracket_without_a_value_stays_in_the_name(cell: str, name: str, annual: str) -> None:
    (clause,) = clauses(cell)
    assert (clause.name, clause.annual and clause.annual.text) == (name, annual)


@pytest.mark.parametrize(
    "cell",
    [
        # the names hold values of their own: no list of names
        "产出指标：培训人数≥300人、培训合格率（≥90%）",
        "产出指标：开展培训3期（50人/期）、合格率（≥90%）",
        # a year in brackets is a note, and a name with one is left as it was
        "产出指标：培训人数（2025年）、合格率（≥90%）",
    ],
    ids=["comparator", "number", "year"],
)
def test_a_list_whose_names_hold_values_is_not_read_as_one(cell: str) -> None:
    from audit.parsing import parse_clause_text

    (item,) = parse_clause_text(cell)
    assert not isinstance(item, Clause)  # refused whole, as before


def test_a_fused_item_with_its_value_in_brackets() -> None:
    result = clauses("产出指标：数量指标：培训人数（≥300人）；质量指标：培训合格率≥90%（含线上）")
    assert [(c.name, c.annual and c.annual.text) for c in result] == [
        ("培训人数", "≥300人"),
        ("培训合格率", "≥90%（含线上）"),  # a note after the value is the value's
    ]


def test_a_keyworded_cell_is_read_by_the_grammar_as_before() -> None:
    (clause,) = clauses("1、产出指标：培训人数（含线上），年度指标值：≥300人。")
    assert (clause.name, clause.annual and clause.annual.text) == ("培训人数（含线上）", "≥300人")


def test_the_table_has_its_indicators_not_a_parse_error() -> None:
    table = tsv_table(
        [project_row("职业技能培训经费", LISTED + "；满意度指标：学员满意度（≥90%）")]
    )
    rules = {f.rule for f in lint(table)}
    assert "parse-error" not in rules
    assert "missing-category" not in rules


_NAME = st.text(alphabet="培训人数合格率学员满意度就业道路养护里程", min_size=2, max_size=8)
_VALUE = st.builds(
    lambda comparator, number, unit: f"{comparator}{number}{unit}",
    st.sampled_from(["≥", "≤", ">", "", "不低于"]),
    st.integers(1, 99999),
    st.sampled_from(["人", "%", "公里", "场", "万元", ""]),
)
_NOTE = st.sampled_from(["", "（人）", "（含线上）", "（万元）"])


@settings(max_examples=80, deadline=None)
@given(
    groups=st.lists(
        st.tuples(
            st.sampled_from(["产出指标", "效益指标", "满意度指标", "成本指标"]),
            st.lists(st.tuples(_NAME, _NOTE, _VALUE), min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=3,
    ),
    joiner=st.sampled_from(["、", "，", ","]),
)
def test_any_bracket_list_reads_to_as_many_indicators_as_it_has_items(
    groups: list[tuple[str, list[tuple[str, str, str]]]], joiner: str
) -> None:
    cell = "；".join(
        category + "：" + joiner.join(f"{name}{note}（{value}）" for name, note, value in items)
        for category, items in groups
    )
    result = clauses(cell)
    expected = [
        (category, name + note, value) for category, items in groups for name, note, value in items
    ]
    assert [
        (c.level1 and c.level1.name, c.name, c.annual and c.annual.text) for c in result
    ] == expected


def test_a_fused_cell_without_a_list_is_read_as_that_form_reads_it() -> None:
    # Its numbered categories head several items each: the items are unnumbered
    # there, whether their values are in brackets or not.
    cell = "1.产出指标：数量指标：培训人数（≥300人）；质量指标：合格率（≥90%）。2.满意度指标：满意度指标：学员满意度（≥90%）"
    bare = cell.replace("（", "").replace("）", "")
    assert [_read(c) for c in clauses(cell)] == [_read(c) for c in clauses(bare)]
    assert [c.number for c in clauses(cell)] == [None, None, None]


def test_a_list_ended_or_joined_with_marks_twice() -> None:
    cell = "产出指标：培训人数（≥300人）、、培训合格率（≥90%）、；效益指标：就业率（≥85%）、"
    assert [_read(c) for c in clauses(cell)] == [
        (None, "产出指标", None, "培训人数", "≥300人"),
        (None, "产出指标", None, "培训合格率", "≥90%"),
        (None, "效益指标", None, "就业率", "≥85%"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="产出效益指标：数量（）()、，,；。≥≤1%人0 \n含", max_size=60))
def test_any_text_of_a_list_s_marks_is_read_without_failing(text: str) -> None:
    from audit.parsing import parse_clause_text

    for item in parse_clause_text(text):
        assert isinstance(item, Clause | ClauseError)
        assert item.text in text  # every item is a stretch of the cell
