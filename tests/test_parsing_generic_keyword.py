"""The value keyword written without its period, ``指标值：``, in the older and
the keyword-less forms (``1.数量指标：培训人数，指标值：≥300人``): the form has
only the annual value, and a reviewer reads the keyword as ``年度指标值：``,
the name ending before it. It is a keyword only after a separator or a colon
(where a clause's part begins) and before its own colon: inside a name
(``指标值完成率``, ``年度指标值达成情况``) it is the name's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import ANNUAL, Clause
from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

# A district employment bureau's 职业技能培训经费 of 2020, its indicators typed
# with the short keyword.
OLDER = (
    "1、产出指标：培训人数，指标值：≥300人。"
    "2、效益指标：培训后就业率，指标值：≥85%。"
    "3、满意度指标：参训学员满意度，年度指标值：≥90%。"
)
OLDER_READ = [
    (1, "产出指标", None, "培训人数", None, "≥300人"),
    (2, "效益指标", None, "培训后就业率", None, "≥85%"),
    (3, "满意度指标", None, "参训学员满意度", None, "≥90%"),
]


def _keyword_issues(clause: Clause) -> list[tuple[str, str]]:
    return [(i.kind, i.detail) for i in clause.issues if i.kind == "missing-keyword"]


def test_the_short_keyword_ends_the_name_and_gives_the_annual_value() -> None:
    result = clauses(OLDER)
    assert [read(c) for c in result] == OLDER_READ
    first = result[0]
    assert first.annual is not None and first.annual.value.number == 300
    # The keyword is reported as not the form's own, where it is written.
    assert _keyword_issues(first) == [("missing-keyword", ANNUAL)]
    (issue,) = [i for i in first.issues if i.kind == "missing-keyword"]
    assert OLDER[issue.span.column - 1 : issue.span.end_column - 1] == "指标值"
    assert _keyword_issues(result[2]) == []


@pytest.mark.parametrize(
    ("cell", "name", "annual"),
    [
        ("1.数量指标：培训人数，指标值：≥300人", "培训人数", "≥300人"),
        ("1.数量指标：培训人数； 指标值: ≥300人。", "培训人数", "≥300人"),
        # right after the categories' colon: a clause without its name
        ("1、产出指标：指标值：≥300人。", "", "≥300人"),
        # after the name's colon, which stands in place of a separator
        ("1、产出指标：培训人数：指标值：≥300人。", "培训人数", "≥300人"),
        # a framework's level-2 word before it is the name, as before 年度指标值
        ("1、满意度指标：服务对象满意度，指标值：≥90%。", "服务对象满意度", "≥90%"),
        ("1、社会效益：城镇登记失业率，指标值：≤3.5%。", "城镇登记失业率", "≤3.5%"),
    ],
    ids=[
        "after-comma",
        "spaced",
        "after-category",
        "after-name-colon",
        "level2-word-as-name",
        "level2-category",
    ],
)
def test_the_short_keyword_where_a_part_begins(cell: str, name: str, annual: str) -> None:
    (clause,) = clauses(cell)
    assert clause.name == name
    assert clause.annual is not None and clause.annual.text == annual


@pytest.mark.parametrize(
    ("cell", "name", "annual"),
    [
        ("1、产出指标：指标值完成率，年度指标值：100%。", "指标值完成率", "100%"),
        ("1、产出指标：培训人数，指标值完成率：100%。", "培训人数，指标值完成率：100%", None),
        ("1、产出指标：考核指标值达标率，年度指标值：≥95%。", "考核指标值达标率", "≥95%"),
        # no colon after it: not written as a keyword
        ("1、产出指标：培训人数，指标值≥300人。", "培训人数，指标值≥300人", None),
    ],
    ids=["name-begins-with-it", "name-after-comma", "inside-a-name", "no-colon"],
)
def test_the_words_inside_a_name_stay_the_names(cell: str, name: str, annual: str | None) -> None:
    (clause,) = clauses(cell)
    assert clause.name == name
    assert (clause.annual and clause.annual.text) == annual
    assert _keyword_issues(clause) == []


@pytest.mark.parametrize(
    "cell",
    [
        # categories then names, no other keyword (the fused form)
        "产出指标：数量指标：培训人数，指标值：≥300人；质量指标：培训合格率，指标值：≥90%",
        # an outline of headings over its items
        "一、产出指标\n1.培训人数，指标值：≥300人\n2.培训合格率，指标值：≥90%",
    ],
    ids=["fused", "outline"],
)
def test_the_short_keyword_in_the_keyword_less_forms(cell: str) -> None:
    result = clauses(cell)
    assert [(c.name, c.annual and c.annual.text) for c in result] == [
        ("培训人数", "≥300人"),
        ("培训合格率", "≥90%"),
    ]
    for clause in result:
        (issue,) = [i for i in clause.issues if i.kind == "missing-keyword"]
        assert issue.span.end_column - issue.span.column == len("指标值")


def test_a_fused_name_beginning_with_the_words_keeps_them() -> None:
    (clause,) = clauses("产出指标：数量指标：指标值完成率≥90%")
    assert (clause.name, clause.annual and clause.annual.text) == ("指标值完成率", "≥90%")


def test_the_table_reads_the_value_not_a_missing_one() -> None:
    table = tsv_table([project_row("职业技能培训经费", OLDER)])
    findings = lint(table)
    assert not [f for f in findings if f.rule in ("missing-field", "empty-value")]
    (punctuation,) = [f for f in findings if f.rule == "nonstandard-punctuation"]
    assert "第1、2条" in punctuation.message and "年度指标值" in punctuation.message


_NAMES = st.text(alphabet="培训人数合格率服务对象满意度就业完成道路长度", min_size=2, max_size=8)


@settings(max_examples=60, deadline=None)
@given(
    items=st.lists(
        st.tuples(_NAMES, st.integers(1, 9999), st.sampled_from(["，", "；", ",", "："])),
        min_size=1,
        max_size=5,
    )
)
def test_any_older_clause_with_the_short_keyword_reads_name_and_value(
    items: list[tuple[str, int, str]],
) -> None:
    cell = "".join(
        f"{n}、产出指标：{name}{sep}指标值：≥{value}人。"
        for n, (name, value, sep) in enumerate(items, 1)
    )
    result = clauses(cell)
    assert [(c.name, c.annual and c.annual.text) for c in result] == [
        (name, f"≥{value}人") for name, value, _ in items
    ]
