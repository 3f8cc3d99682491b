"""Items of the free forms a reviewer reads at a glance that were misread:

- an outline's numbered heading with its one item in the cell
  (``三、满意度指标：1.服务对象满意度：≥90%``) is one clause under it;
- several indicators listed in one item without value keywords, each a
  name and its value (``1.数量指标：培训人数≥300人、发放补贴≥500人次``), are one
  clause each, under the item's categories and number;
- one category over words only (``社会效益指标：就业稳定情况有效促进``: a
  qualitative target run into its name) is refused saying so, not as a cell
  written in no clauses at all;
- a value keyword that begins a name (``年度指标值达成情况``), the clause
  writing that keyword again as its own, is the name's.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause, ClauseError
from audit.parsing import parse_clause_text
from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

_GOAL = "为全区300名失业人员开展职业技能培训并发放补贴，提升就业能力，促进稳定就业。"


def _lint(cell: str, select: list[str] | None = None) -> list[tuple[str, str]]:
    quoted = '"' + cell.replace('"', '""') + '"' if "\n" in cell else cell
    table = tsv_table([project_row("职业技能培训补贴经费", quoted, goal=_GOAL)])
    return [(f.rule, f.message) for f in lint(table, select)]


# --------------------------------------------------------------------------
# An outline's numbered heading over its one item


@pytest.mark.parametrize(
    "cell",
    [
        "三、满意度指标：1.服务对象满意度：≥90%",
        "三、满意度指标：1.服务对象满意度≥90%",
        "三、满意度指标 1.服务对象满意度：≥90%",  # the heading's line break lost
    ],
)
def test_a_numbered_heading_with_its_one_item_is_one_clause(cell: str) -> None:
    (clause,) = clauses(cell)
    assert read(clause) == (1, "满意度指标", None, "服务对象满意度", None, "≥90%")
    rules = {rule for rule, _ in _lint(cell, ["parse-error", "clause-numbering", "missing-field"])}
    assert rules == set()


@pytest.mark.parametrize("cell", ["三、满意度指标：", "社会效益指标："])
def test_a_category_with_nothing_after_it_reads_as_before(cell: str) -> None:
    # no item to read: the grammar's clause without a name, or its refusal
    items = parse_clause_text(cell)
    assert items
    assert not any(isinstance(i, ClauseError) and "words only" in i.message for i in items)


def test_an_item_numbered_as_a_clause_is_the_grammars_as_before() -> None:
    # 1.满意度指标： is a numbered clause's own category, not a heading
    (clause,) = clauses("1.满意度指标：服务对象满意度≥90%")
    assert read(clause) == (1, "满意度指标", None, "服务对象满意度", None, "≥90%")


# --------------------------------------------------------------------------
# Several indicators listed in one item

LISTED = "1.数量指标：培训人数≥300人、发放补贴≥500人次\n2.质量指标：补贴发放准确率100%"


def test_indicators_listed_in_a_numbered_item_are_a_clause_each() -> None:
    result = clauses(LISTED)
    assert [read(c) for c in result] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥300人"),
        (1, "产出指标", "数量指标", "发放补贴", None, "≥500人次"),
        (2, "产出指标", "质量指标", "补贴发放准确率", None, "100%"),
    ]
    # each points at its own words; the two share the item's number
    assert [c.text for c in result[:2]] == ["1.数量指标：培训人数≥300人", "发放补贴≥500人次"]
    assert result[0].number_span == result[1].number_span
    findings = _lint(LISTED, ["missing-field", "clause-numbering", "several-targets"])
    assert findings == []


@pytest.mark.parametrize(
    "cell",
    [
        # the fused form: categories, then the list
        "产出指标：数量指标：培训人数≥300人、发放补贴≥500人次；质量指标：补贴发放准确率100%",
        # an outline: a heading over numbered items
        "一、产出指标\n1.数量指标：培训人数≥300人、发放补贴≥500人次\n2.质量指标：补贴发放准确率100%",
    ],
    ids=["fused", "outline"],
)
def test_a_list_is_split_in_every_form_without_keywords(cell: str) -> None:
    named = [(c.name, c.annual and c.annual.text) for c in clauses(cell)]
    assert named[:2] == [("培训人数", "≥300人"), ("发放补贴", "≥500人次")]
    assert "several-targets" not in {rule for rule, _ in _lint(cell)}


@pytest.mark.parametrize(
    ("item", "name", "annual"),
    [
        # one indicator's several targets: no name before the second
        ("培训≥12期、≥600人次", "培训", "≥12期、≥600人次"),
        # what counts within the one before it: no indicator of its own
        ("开展培训≥3期、每期≥50人", "开展培训", "≥3期、每期≥50人"),
        # a name that lists, one value
        ("道路、桥梁养护里程≥50公里", "道路、桥梁养护里程", "≥50公里"),
    ],
)
def test_what_is_no_list_of_indicators_stays_one_clause(item: str, name: str, annual: str) -> None:
    (clause,) = clauses(f"产出指标：数量指标：{item}")
    assert (clause.name, clause.annual and clause.annual.text) == (name, annual)


def test_several_targets_of_one_indicator_are_still_reported() -> None:
    cell = "产出指标：数量指标：培训≥12期、≥600人次；满意度指标：服务对象满意度：学员满意度≥90%"
    assert "several-targets" in {rule for rule, _ in _lint(cell)}


_NAMES = st.sampled_from(["培训人数", "发放补贴", "新增就业人数", "补贴发放准确率", "走访企业"])
_VALUES = st.sampled_from(["≥300人", "≥500人次", "100%", "≥20家", "不少于10场"])


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.tuples(_NAMES, _VALUES), min_size=2, max_size=5), number=st.booleans())
def test_any_list_of_names_and_values_is_a_clause_each(
    items: list[tuple[str, str]], number: bool
) -> None:
    listed = "、".join(name + value for name, value in items)
    cell = ("1." if number else "产出指标：") + f"数量指标：{listed}"
    result = clauses(cell)
    assert [(c.name, c.annual and c.annual.text) for c in result] == items
    assert len({c.number for c in result}) == 1


def test_a_time_ending_an_item_of_a_numbered_clause_is_its_value() -> None:
    # read by the grammar (a number and a category, no keyword): as the fused form reads it
    (clause,) = clauses("1.时效指标：每日开馆时间8:30")
    assert (clause.name, clause.annual and clause.annual.text) == ("每日开馆时间", "8:30")
    assert clause.annual.value.kind == "date"


# --------------------------------------------------------------------------
# One category over words only


WORDS_ONLY = "社会效益指标：就业稳定情况有效促进"


def test_a_category_over_words_only_says_the_name_runs_into_its_target() -> None:
    (error,) = parse_clause_text(WORDS_ONLY)
    assert isinstance(error, ClauseError)
    assert error.text == WORDS_ONLY
    assert "qualitative target run into the name" in error.message
    ((rule, message),) = _lint(WORDS_ONLY, ["parse-error"])
    assert rule == "parse-error"
    assert message.startswith(f"「{WORDS_ONLY}」无法解析：无法区分指标名称和指标值")
    assert "定性指标的名称和目标连写" in message
    assert "未按编号条款填写" not in message


@pytest.mark.parametrize(
    "cell",
    [
        "就业稳定情况有效促进",  # no category: no clause at all, as before
        "满意度指标：服务对象满意度≥90%",  # a value: not words only
    ],
)
def test_a_cell_that_is_not_one_category_over_words_stays_not_in_clauses(cell: str) -> None:
    ((rule, message),) = _lint(cell, ["parse-error"])
    assert rule == "parse-error" and "未按编号条款填写" in message


# --------------------------------------------------------------------------
# A value keyword that begins a name


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("1、产出指标：年度指标值达成情况，年度指标值：100%。", "年度指标值达成情况"),
        (
            "1、1-产出指标；12-质量指标；年度指标值达成率；实施周期指标值:100%；年度指标值:100%。",
            "年度指标值达成率",
        ),
        (
            "1、1-产出指标；12-质量指标；实施周期指标值完成率；实施周期指标值:100%；年度指标值:100%。",
            "实施周期指标值完成率",
        ),
    ],
)
def test_a_keyword_run_into_a_name_the_clause_repeats_is_the_name(cell: str, name: str) -> None:
    (clause,) = clauses(cell)
    assert clause.name == name
    assert clause.annual is not None and clause.annual.text == "100%"
    assert not clause.issues
    findings = _lint(cell, ["missing-field", "repeated-field", "nonstandard-punctuation"])
    assert findings == []


@pytest.mark.parametrize(
    "cell",
    [
        # the keyword's colon left out before a value in words: a keyword
        "1、1-产出指标；12-质量指标；合格率；实施周期指标值完成年度任务；年度指标值:完成年度任务。",
        # not written again in the clause: the keyword, its colon left out
        "1、产出指标：年度指标值完成情况。2、满意度指标：满意度，年度指标值：≥90%",
    ],
)
def test_a_keyword_without_its_colon_stays_a_keyword(cell: str) -> None:
    first = clauses(cell)[0]
    assert [i.kind for i in first.issues] == ["missing-colon"]
    assert "指标值" not in first.name


def test_a_keyword_run_into_a_word_after_a_value_stays_a_keyword() -> None:
    # where a value ends, not a name's place: the keyword written twice, as before
    (clause,) = clauses(
        "1、1-产出指标；12-质量指标；合格率；实施周期指标值:100%；年度指标值完成情况；年度指标值:100%。"
    )
    assert clause.name == "合格率"
    assert clause.period is not None and clause.period.text == "100%"
    assert [i.kind for i in clause.issues] == ["missing-colon", "repeated-field"]


# --------------------------------------------------------------------------
# The parser on such shapes


_PARTS = st.sampled_from(
    [
        "三、",
        "1.",
        "2、",
        "满意度指标",
        "数量指标",
        "社会效益指标",
        "：",
        "、",
        "；",
        "\n",
        "服务对象满意度",
        "培训人数",
        "就业稳定情况有效促进",
        "≥90%",
        "≥300人",
        "8:30",
        "年度指标值",
        "实施周期指标值",
        "达成情况",
        "每期",
    ]
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_PARTS, min_size=1, max_size=14))
def test_the_parser_never_fails_on_such_shapes(parts: list[str]) -> None:
    cell = "".join(parts)
    for item in parse_clause_text(cell):
        assert isinstance(item, Clause | ClauseError)
        assert item.text == "" or item.text in cell
        if isinstance(item, Clause):
            for field in item.fields:
                assert field.text in cell
