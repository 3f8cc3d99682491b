"""Where the next clause starts when a cell does not close the clause before
it with ``。``: after a ``；`` or a ``，`` (``…年度指标值：≥90%；2、社会效益：…``),
whatever its number (the same as the clause before's, or numbering started
again), a clause starts where its number is followed by what only a clause
head is (a category with its code, a word ending in 指标, a level-2 category
of the national framework before a name and a value keyword, a level-1
category before a coded level-2 one). The numbering rule then reports the
broken numbering. A number inside a value (``1、培训；2、考核``, ``；2、3号楼``,
``2025.1、``) starts nothing.

And a category's name split by a line break where it stands at the start of
a line (``一、产出`` over ``指标``, ``产出`` over ``指标-数量指标-…``, ``。`` then
``满意度`` over ``指标：``) is read whole, as one after a code is."""

from __future__ import annotations

import pytest

from audit.model import Source, Text
from audit.parsing import parse_clause_text, words_joined
from tests.conftest import lint, project_row, tsv_table
from tests.test_parsing_forms import clauses, read

# A district human-resources bureau's 就业创业补贴 (the 2021 scheme, coded).
FIRST = "1、1-产出指标；11-数量指标；一次性创业资助人数；实施周期指标值:≥300人；年度指标值:≥300人"
FIRST_READ = (1, "产出指标", "数量指标", "一次性创业资助人数", "≥300人", "≥300人")


@pytest.mark.parametrize("mark", ["；", "，", ";", ","])
@pytest.mark.parametrize(
    ("second", "read_as"),
    [
        # a level-2 category of the framework without its 指标, before a name
        (
            "{n}、社会效益：带动就业人数，年度指标值:≥500人。",
            ("效益指标", "社会效益", "带动就业人数", None, "≥500人"),
        ),
        (
            "{n}、服务对象满意度；参训学员满意度；实施周期指标值:≥90%；年度指标值:≥90%。",
            ("满意度指标", "服务对象满意度", "参训学员满意度", "≥90%", "≥90%"),
        ),
        # a level-1 category misspelt, before a coded level-2 one
        (
            "{n}、产出指表；12-质量指标；资助发放准确率；实施周期指标值:≥95%；年度指标值:≥95%。",
            ("产出指表", "质量指标", "资助发放准确率", "≥95%", "≥95%"),
        ),
        # coded categories and a word ending in 指标 (read so already)
        (
            "{n}、1-产出指标；12-质量指标；资助发放准确率；实施周期指标值:≥95%；年度指标值:≥95%。",
            ("产出指标", "质量指标", "资助发放准确率", "≥95%", "≥95%"),
        ),
        (
            "{n}、满意度指标：服务对象满意度，年度指标值:≥90%。",
            ("满意度指标", None, "服务对象满意度", None, "≥90%"),
        ),
    ],
    ids=["framework-level2", "framework-satisfaction", "uncoded-level1", "coded", "legacy"],
)
@pytest.mark.parametrize("number", [2, 1, 3], ids=["repeated", "restarted", "next"])
def test_a_clause_after_a_semicolon_or_comma_is_a_clause_of_its_own(
    mark: str, second: str, read_as: tuple[object, ...], number: int
) -> None:
    result = clauses(FIRST + mark + second.format(n=number))
    assert [read(c) for c in result] == [FIRST_READ, (number, *read_as)]
    assert not any(i.kind == "repeated-field" for c in result for i in c.issues)


@pytest.mark.parametrize(
    "cell",
    [
        # a numbered list inside a value
        FIRST.replace("年度指标值:≥300人", "年度指标值:完成1、培训；2、考核；3、结业") + "。",
        # a number before a building, a date
        FIRST.replace("≥300人；年度", "覆盖1号楼；2、3号楼；年度") + "。",
        FIRST.replace("年度指标值:≥300人", "年度指标值:2025.1、2025.2、2025.3完成") + "。",
        # framework names listed in a value, with no name and keyword after them
        FIRST.replace("≥300人；年度", "实现1、经济效益；2、社会效益；3、生态效益；年度") + "。",
        FIRST + "，2、社会效益。",
        FIRST.replace("≥300人；年度", "带动1、就业；2、社会效益；年度") + "。",
        # a word and a code that is no category's (12-15人: a range)
        FIRST.replace("≥300人；年度", "完成；2、合计；12-15人；年度") + "。",
    ],
    ids=[
        "list",
        "building",
        "dates",
        "framework-list",
        "framework-last",
        "before-keyword",
        "range",
    ],
)
def test_a_number_inside_a_value_starts_no_clause(cell: str) -> None:
    (clause,) = clauses(cell)
    assert clause.number == 1
    assert clause.issues == ()
    assert clause.text == cell


def test_a_restarted_number_after_a_semicolon_is_reported_where_it_stands() -> None:
    cell = FIRST + "；1、服务对象满意度；参训学员满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    text = tsv_table([project_row("就业创业补贴", cell)])
    lines = text.split("\n")
    row = next(n for n, line in enumerate(lines, 1) if line.startswith("就业创业补贴"))
    (finding,) = lint(text, ["clause-numbering"])
    assert (finding.line, finding.column) == (row, lines[row - 1].rindex("1、") + 1)
    assert not {"repeated-field", "parse-error"} & {f.rule for f in lint(text)}


def test_a_clause_split_off_keeps_its_place_in_the_cell() -> None:
    cell = "1、1-产出指标；11-数量指标；培训人数；\n实施周期指标值:≥300人；年度指标值:≥300人，1、社会效益：带动就业人数，年度指标值:≥500人。"
    first, second = clauses(cell)
    assert first.annual is not None and first.annual.text == "≥300人"
    assert first.text == cell[: cell.index("，1、") + 1]
    line = cell.split("\n")[1]
    assert second.number_span is not None
    span = second.number_span
    assert (span.line, span.column, span.end_line) == (2, line.index("1、") + 1, 2)
    assert second.level1 is not None
    assert (second.level1.span.line, second.level1.span.column) == (2, line.index("社会效益") + 1)
    assert second.annual is not None
    value = second.annual.span
    assert (value.line, value.column) == (2, line.index("≥500人") + 1)


# A category's name split by a line break at the start of a line.
SATISFACTION = "2、满意度指标：服务对象满意度，年度指标值：≥90%"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # an outline's heading, numbered or not
        (
            "一、产出\n指标\n1.培训人数，年度指标值：≥1000人\n二、满意度指标\n2.学员满意度，年度指标值：≥90%",
            [
                (1, "产出指标", None, "培训人数", None, "≥1000人"),
                (2, "满意度指标", None, "学员满意度", None, "≥90%"),
            ],
        ),
        (
            "（一）产出\n指标\n1.培训人数，年度指标值：≥1000人",
            [(1, "产出指标", None, "培训人数", None, "≥1000人")],
        ),
        # one indicator a line, its categories joined by dashes
        (
            "产出\n指标-数量指标-签约居民人数：实施周期指标值：≥5万人；年度指标值：≥5万人\n"
            "产出指标-质量指标-签约服务合格率：实施周期指标值：≥90%；年度指标值：≥90%",
            [
                (None, "产出指标", "数量指标", "签约居民人数", "≥5万人", "≥5万人"),
                (None, "产出指标", "质量指标", "签约服务合格率", "≥90%", "≥90%"),
            ],
        ),
        # an older-form clause whose number was lost, on a line after a 。
        (
            "1、产出指标：培训人数，年度指标值：≥1000人。\n满意度\n指标：学员满意度，年度指标值：≥90%。",
            [
                (1, "产出指标", None, "培训人数", None, "≥1000人"),
                (None, "满意度指标", None, "学员满意度", None, "≥90%"),
            ],
        ),
        # a level-2 category on the line after its level-1 one's separator
        (
            "1、产出指标；\n数量\n指标；培训人数；年度指标值：≥1000人。",
            [(1, "产出指标", "数量指标", "培训人数", None, "≥1000人")],
        ),
        (
            "1、1-产出指标；\n11-数量\n指标；培训人数；实施周期指标值：≥1000人；年度指标值：≥1000人。",
            [(1, "产出指标", "数量指标", "培训人数", "≥1000人", "≥1000人")],
        ),
    ],
    ids=["heading", "paren-heading", "dashed", "lost-number", "level2-next-line", "coded"],
)
def test_a_category_split_at_the_start_of_a_line_is_read_whole(
    cell: str, expected: list[tuple[object, ...]]
) -> None:
    assert [read(c) for c in clauses(cell)] == expected


def test_the_joined_heading_points_where_it_is_written() -> None:
    cell = "一、产出\n指标\n1.培训人数，年度指标值：≥1000人"
    joined = words_joined(Text.at(Source("t.txt", cell), 0, cell))
    assert joined.value.startswith("一、产出指标\n1.")
    assert joined.origin(joined.value.index("指标")) == cell.index("指标")
    (clause,) = clauses(cell)
    assert clause.level1 is not None
    span = clause.level1.span
    assert (span.line, span.column, span.end_line, span.end_column) == (1, 3, 2, 3)


@pytest.mark.parametrize(
    "cell",
    [
        # a value's words on lines of their own, no category's name when joined
        "1、产出指标：培训人数，年度指标值：完成\n指标；",
        "1、产出指标：培训人数，年度指标值：培训\n人数；",
        "1、产出指标：\n培训\n人数，年度指标值：≥1000人。",
        # a word at the start of a line run into more than the name
        "1、产出指标：培训人数，年度指标值：≥1000人。\n完成产出\n指标任务，年度指标值：≥90%。",
    ],
    ids=["value", "value-words", "name", "longer"],
)
def test_breaks_at_the_start_of_a_line_that_split_no_category_stay(cell: str) -> None:
    assert words_joined(Text.at(Source("t.txt", cell), 0, cell)).value == cell
    assert parse_clause_text(cell)
