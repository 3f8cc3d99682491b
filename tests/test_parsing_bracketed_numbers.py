"""A clause numbered in a circle, in brackets or in Chinese numerals (``②``,
``⑵``, ``(2)``, ``（2）``, ``二、``)
whose category is a level-2 one of the national framework written without
its 指标 (``②社会效益：就业率，年度指标值：≥85%``) begins there, as one numbered
``2、`` does: it never runs into the value before it. A value that lists its
own targets so (``①…；②社会效益明显``, no keyword after it) stays one value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.syntax import number_of
from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

# A district employment bureau's 就业补助经费 of 2020, in the older form.
FIRST = "产出指标：新增就业人数，年度指标值：≥500人；"
SECOND = "社会效益：城镇登记失业率，年度指标值：≤3.5%。"
READ = [
    (1, "产出指标", None, "新增就业人数", None, "≥500人"),
    (2, "效益指标", "社会效益", "城镇登记失业率", None, "≤3.5%"),
]


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("①", "②"),
        ("⑴", "⑵"),
        ("(1)", "(2)"),
        ("（1）", "（2）"),
        ("1)", "2)"),
        ("一、", "二、"),
        ("1、", "2、"),
    ],
    ids=[
        "circled",
        "parenthesized",
        "ascii-brackets",
        "full-width-brackets",
        "closing",
        "chinese",
        "plain",
    ],
)
def test_a_bracketed_number_before_a_bare_level2_category_begins_a_clause(
    one: str, two: str
) -> None:
    result = clauses(f"{one}{FIRST}{two}{SECOND}")
    assert [read(c) for c in result] == READ
    assert all(c.issues == () for c in result)
    assert result[1].text == f"{two}{SECOND}".rstrip("。") + "。"


@pytest.mark.parametrize(
    "level2", ["经济效益", "生态效益", "可持续影响", "服务对象满意度", "社会公众满意度", "经济成本"]
)
def test_every_bare_level2_name_of_the_framework(level2: str) -> None:
    result = clauses(f"①{FIRST}②{level2}：指标名称，年度指标值：≥90%。")
    assert [(c.number, c.level2 and c.level2.name, c.name) for c in result] == [
        (1, None, "新增就业人数"),
        (2, level2, "指标名称"),
    ]


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        # the value's own targets: no keyword after the level-2 word
        (
            "1、产出指标：培训人数，年度指标值：①≥300人；②社会效益明显。",
            "①≥300人；②社会效益明显",
        ),
        (
            "1、产出指标：培训人数，年度指标值：≥300人；②社会效益：带动就业。",
            "≥300人；②社会效益：带动就业",
        ),
        # 指标值 after it in words, not a keyword
        (
            "1、产出指标：培训人数，年度指标值：①完成培训；②社会效益：带动就业，详见指标值说明。",
            "①完成培训；②社会效益：带动就业，详见指标值说明",
        ),
        # a word that is no level-2 category of the framework
        (
            "1、产出指标：培训人数，年度指标值：≥300人；②社会影响：就业率，年度指标值：≥85%。",
            None,
        ),
    ],
    ids=["targets", "no-keyword-after", "keyword-words", "not-a-category"],
)
def test_a_numbered_list_inside_a_value_stays_the_value(cell: str, value: str | None) -> None:
    (clause,) = clauses(cell)
    if value is not None:
        assert clause.annual is not None and clause.annual.text == value
    else:  # as before: the value runs on, and its keyword is repeated
        assert "repeated-field" in {i.kind for i in clause.issues}


def test_the_table_reads_two_clauses_not_a_repeated_keyword() -> None:
    table = tsv_table([project_row("就业补助经费", f"①{FIRST}②{SECOND}")])
    assert lint(table, ["repeated-field"]) == []


@pytest.mark.parametrize(("mark", "number"), [("⑴", 1), ("⑵", 2), ("⑽", 10), ("⒇", 20)])
def test_a_parenthesized_number_character_stands_for_its_number(mark: str, number: int) -> None:
    assert number_of(mark) == number


@settings(max_examples=50, deadline=None)
@given(
    style=st.sampled_from(["{}", "({})", "（{}）", "{})", "circled", "parenthesized"]),
    level2s=st.lists(
        st.sampled_from(["经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"]),
        min_size=1,
        max_size=5,
    ),
    separator=st.sampled_from(["；", ";", "。"]),
)
def test_any_run_of_such_clauses_reads_one_clause_each(
    style: str, level2s: list[str], separator: str
) -> None:
    def mark(n: int) -> str:
        if style == "circled":
            return "①②③④⑤⑥"[n - 1]
        if style == "parenthesized":
            return "⑴⑵⑶⑷⑸⑹"[n - 1]
        return style.format(n) if style != "{}" else f"{n}、"

    cell = mark(1) + FIRST.rstrip("；") + separator
    cell += "".join(
        f"{mark(n)}{level2}：第{n}项指标，年度指标值：≥{n}0%{separator}"
        for n, level2 in enumerate(level2s, 2)
    )
    result = clauses(cell)
    assert [(c.number, c.level2 and c.level2.name) for c in result] == [
        (1, None),
        *((n, level2) for n, level2 in enumerate(level2s, 2)),
    ]
