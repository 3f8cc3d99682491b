"""Indicator cells written without value keywords in the free forms other
regions use: a level-1 category where a level-2 one could stand, an outline
whose headings lost their line breaks, and a value run into its name
without a comparator::

    产出指标：数量指标：资助人数≥300人；…；满意度指标：服务对象满意度≥90%
    一、产出指标 1.数量指标：完成培训300人次；…二、效益指标 1.社会效益：带动就业200人。
    1.数量指标：完成培训300人次；2.质量指标：资金发放准确率100%
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause
from audit.parsing import parse_clause_text
from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

# A district civil-affairs bureau's student-aid project, categories and
# names fused with their values, level-1 categories run on after a 。 or ；.
COLON_CHAIN = (
    "产出指标：数量指标：资助人数≥300人；质量指标：资金发放准确率100%；"
    "效益指标：社会效益指标：就业稳定情况有效促进；满意度指标：服务对象满意度≥90%"
)
# A training project, one indicator a line, its categories and name joined by dashes.
DASHED = (
    "1.产出指标-数量指标-培训人数：≥300人\n"
    "2.产出指标-质量指标-培训合格率：≥90%\n"
    "3.效益指标-社会效益指标-参训人员就业率：≥80%\n"
    "4.满意度指标-服务对象满意度-学员满意度：≥90%"
)
# The same training project typed as an outline whose line breaks were lost.
OUTLINE_RUN_IN = (
    "一、产出指标 1.数量指标：完成培训300人次；2.质量指标：培训合格率达90%以上。"
    "二、效益指标 1.社会效益：带动就业200人。三、满意度指标：学员满意度≥90%"
)
FALSE_FINDINGS = {"category-mismatch", "missing-category", "missing-field", "clause-numbering"}
"""What none of these cells holds: each names all three level-1 categories,
each indicator its categories, name and value, and its numbers run on."""


def _findings(cell: str) -> list[tuple[str, str]]:
    quoted = '"' + cell.replace('"', '""') + '"' if "\n" in cell else cell
    table = tsv_table([project_row("职业技能培训经费", quoted, goal=_GOAL)])
    return [(f.rule, f.message) for f in lint(table)]


_GOAL = "为全区300名失业人员开展职业技能培训，提升就业能力，促进稳定就业。"


def test_a_level_one_category_after_an_item_begins_its_own_level_one() -> None:
    items = parse_clause_text(COLON_CHAIN)
    read_items = [read(c) for c in items if isinstance(c, Clause)]
    assert read_items == [
        (None, "产出指标", "数量指标", "资助人数", None, "≥300人"),
        (None, "产出指标", "质量指标", "资金发放准确率", None, "100%"),
        (None, "满意度指标", None, "服务对象满意度", None, "≥90%"),
    ]
    rules = {rule for rule, _ in _findings(COLON_CHAIN)}
    assert "category-mismatch" not in rules


def test_a_dashed_level_one_category_takes_the_level_two_after_its_dash() -> None:
    assert [read(c) for c in clauses(DASHED)] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥300人"),
        (2, "产出指标", "质量指标", "培训合格率", None, "≥90%"),
        (3, "效益指标", "社会效益指标", "参训人员就业率", None, "≥80%"),
        (4, "满意度指标", "服务对象满意度", "学员满意度", None, "≥90%"),
    ]
    assert not FALSE_FINDINGS & {rule for rule, _ in _findings(DASHED)}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # 成本指标 is a level-2 category under 产出指标 in the 2021 scheme: in a
        # level-2 category's place it stays one.
        (
            "产出指标：数量指标：培训人数≥300人；成本指标：人均培训成本≤500元",
            ("产出指标", "成本指标", "人均培训成本"),
        ),
        # Right after its level-1 category, a category repeating that name is
        # the level-2 one (the one level-2 category of 满意度指标).
        (
            "产出指标：数量指标：培训人数≥300人。满意度指标：满意度指标：学员满意度≥90%",
            ("满意度指标", "满意度指标", "学员满意度"),
        ),
        # A level-2 name after a colon, not a dash, is the item's name.
        (
            "产出指标：数量指标：培训人数≥300人；满意度指标：服务对象满意度：≥90%",
            ("满意度指标", None, "服务对象满意度"),
        ),
    ],
)
def test_a_category_in_a_level_two_place_is_read_as_before(
    cell: str, expected: tuple[object, ...]
) -> None:
    last = clauses(cell)[-1]
    assert (last.level1 and last.level1.name, last.level2 and last.level2.name, last.name) == (
        expected
    )


def test_an_outline_heading_ended_by_a_space_heads_its_items() -> None:
    assert [read(c) for c in clauses(OUTLINE_RUN_IN)] == [
        (1, "产出指标", "数量指标", "完成培训", None, "300人次"),
        (2, "产出指标", "质量指标", "培训合格率达", None, "90%以上"),
        (1, "效益指标", "社会效益", "带动就业", None, "200人"),
        (None, "满意度指标", None, "学员满意度", None, "≥90%"),
    ]
    assert [c.section for c in clauses(OUTLINE_RUN_IN)] == [1, 1, 2, 3]
    assert not FALSE_FINDINGS & {rule for rule, _ in _findings(OUTLINE_RUN_IN)}


def test_an_item_under_a_heading_that_is_a_level_two_name_and_its_value_stays_a_name() -> None:
    cell = "产出指标：数量指标：培训人数≥300人。三、满意度指标：1.服务对象满意度：≥90%"
    assert read(clauses(cell)[-1]) == (1, "满意度指标", None, "服务对象满意度", None, "≥90%")


def test_a_heading_before_a_word_is_no_heading_run_in() -> None:
    # 产出指标 followed by a space and a word, not an item's number: the cell
    # is not of the fused form, and reads as before.
    cell = "一、产出指标 数量指标：完成培训300人次；2.质量指标：培训合格率≥90%"
    assert all(c.level2 is None or c.level2.name != "产出指标" for c in clauses(cell))


KEYWORDLESS = "1.数量指标：完成培训300人次；2.质量指标：资金发放准确率100%"


def test_a_number_and_its_unit_ending_an_item_is_its_value() -> None:
    assert [read(c) for c in clauses(KEYWORDLESS)] == [
        (1, "产出指标", "数量指标", "完成培训", None, "300人次"),
        (2, "产出指标", "质量指标", "资金发放准确率", None, "100%"),
    ]
    assert "missing-field" not in {rule for rule, _ in _findings(KEYWORDLESS)}


@pytest.mark.parametrize(
    "name",
    [
        "2025年度培训人数",  # a year inside the name
        "完成3期培训",  # a number inside the name, more words after it
        "项目编号A123",  # a code
        "培训人数300",  # a number without its unit
    ],
)
def test_a_number_that_is_no_value_stays_in_the_name(name: str) -> None:
    cell = f"1.数量指标：{name}；2.质量指标：资金发放准确率100%"
    first = clauses(cell)[0]
    assert (first.name, first.annual) == (name, None)
    assert "missing-field" in {rule for rule, _ in _findings(cell)}


def test_a_cell_with_value_keywords_keeps_a_clause_without_its_value() -> None:
    cell = "1.数量指标：完成培训300人次；2.质量指标：资金发放准确率，年度指标值：100%"
    first = clauses(cell)[0]
    assert (first.name, first.annual) == ("完成培训300人次", None)


_NAMES = st.text(alphabet="培训人数完成资金发放准确率服务对象覆盖学员", min_size=2, max_size=10)
_UNITS = st.sampled_from(["人", "人次", "%", "万元", "个", "期", "公里"])


@settings(max_examples=60, deadline=None)
@given(
    name=_NAMES,
    number=st.integers(min_value=1, max_value=99999),
    unit=_UNITS,
    comparator=st.sampled_from(["", "≥", "≤", "不低于"]),
)
def test_any_name_run_into_its_value_reads_apart(
    name: str, number: int, unit: str, comparator: str
) -> None:
    value = f"{comparator}{number}{unit}"
    cell = f"1.数量指标：{name}{value}；2.质量指标：资金发放准确率100%"
    first = clauses(cell)[0]
    assert (first.name, first.annual and first.annual.text) == (name, value)
    assert first.name_span.column + len(name) == first.annual.span.column


SPACED = (
    "产出指标：1.数量指标：培训人数≥300人 2.质量指标：合格率≥90% "
    "效益指标：1.社会效益：就业率≥85% 满意度指标：满意度≥90%"
)


def test_items_separated_by_spaces_are_read_apart() -> None:
    assert [read(c) for c in clauses(SPACED)] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥300人"),
        (2, "产出指标", "质量指标", "合格率", None, "≥90%"),
        (1, "效益指标", "社会效益", "就业率", None, "≥85%"),
        (None, "满意度指标", None, "满意度", None, "≥90%"),
    ]
    assert not FALSE_FINDINGS & {rule for rule, _ in _findings(SPACED)}


@pytest.mark.parametrize(
    "value",
    [
        "≥300人 含线上培训",  # a note after a space, no category after it
        "≥300人 2期",  # a number after a space, no category after it
    ],
)
def test_a_space_inside_a_value_does_not_end_it(value: str) -> None:
    cell = f"产出指标：数量指标：培训人数{value}；质量指标：合格率≥90%"
    assert clauses(cell)[0].annual.text == value  # type: ignore[union-attr]


@pytest.mark.parametrize("item", ["完成培训①", "完成培训300人①", "合格率①９０％"])
def test_an_item_ending_in_another_kind_of_digit_is_no_failure(item: str) -> None:
    # ① is a digit to str.isdigit, but no value's number.
    for cell in (f"产出指标：数量指标：{item}", f"1.数量指标：{item}；2.质量指标：合格率100%"):
        items = parse_clause_text(cell)
        assert items and all(c.text for c in items)


@pytest.mark.parametrize(
    ("item", "name", "value"),
    [
        ("资金发放准确率１００％", "资金发放准确率", "１００％"),
        ("完成培训３００人次", "完成培训", "３００人次"),
        ("培训合格率达９０％以上", "培训合格率达", "９０％以上"),
        ("服务对象满意度≥９０％", "服务对象满意度", "≥９０％"),
    ],
)
def test_full_width_digits_end_a_name_as_digits_do(item: str, name: str, value: str) -> None:
    """A value typed with a full-width input method (１００％) ends the name
    as 100% does, in the dashed-free colon chain and in numbered items."""
    for cell in (f"产出指标：质量指标：{item}", f"1.质量指标：{item}；2.数量指标：培训人数≥300人"):
        first = clauses(cell)[0]
        assert (first.name, first.annual.text) == (name, value)  # type: ignore[union-attr]
        half = item.translate(str.maketrans("０１２３４５６７８９％", "0123456789%"))
        typed = clauses(cell.replace(item, half))[0].annual.value  # type: ignore[union-attr]
        read = first.annual.value  # type: ignore[union-attr]
        assert (read.comparator, read.number, read.unit) == (
            typed.comparator,
            typed.number,
            typed.unit,
        )
