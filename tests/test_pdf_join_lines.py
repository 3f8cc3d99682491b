"""How a PDF cell's wrapped lines are joined (audit.readers.pdftables.join_lines):
with nothing between them, as Chinese is written, except where a value that
ends in a digit would run into the number of the clause on the next line."""

from __future__ import annotations

import pytest

from audit.parsing import parse_clause_text
from audit.readers.pdftables import join_lines


def test_a_clause_after_a_value_ending_in_a_digit_keeps_its_line_break() -> None:
    cell = (
        "1、1-产出指标；11-数量指标；服务场次；实施周期指标值：≥80；年度指标值：≥80\n"
        "2、1-产出指标；12-质量指标；服务合格率；实施周期指标值：≥95%；年度指标值：≥95%"
    )
    joined = join_lines(cell)
    assert joined == cell
    numbers = [getattr(c, "number", None) for c in parse_clause_text(joined)]
    assert numbers == [1, 2]  # not one clause numbered 1 and a value of ≥802、


@pytest.mark.parametrize(
    ("cell", "joined"),
    [
        ("1,234.\n56", "1,234.56"),  # an amount wrapped in a narrow column
        ("≥8\n0%", "≥80%"),  # a value wrapped inside its number
        ("≥80\n人次", "≥80人次"),  # a value wrapped before its unit
        ("完成\n2、1-产出指标", "完成2、1-产出指标"),  # no digit before: nothing to merge
        ("≥80\n2-3个工作日", "≥802-3个工作日"),  # a range, not a clause (as before)
        ("  第一行  \n  第二行 ", "第一行第二行"),
    ],
)
def test_other_wrapped_lines_are_joined_with_nothing_between(cell: str, joined: str) -> None:
    assert join_lines(cell) == joined


def test_no_cell_is_no_text() -> None:
    assert join_lines(None) is None


OUTLINE = (
    "一、产出指标\n"
    "1.数量指标：培训人数，年度指标值：≥1000人\n"
    "2.质量指标：培训合格率，年度\n"
    "指标值：≥95%\n"
    "二、效益指标（30分）\n"
    "3.社会效益指标：培训后就业率，年度指标值：≥60%"
)


def test_an_outlines_headings_keep_their_lines() -> None:
    """A heading is no wrapped text: its line stays, before and after it,
    and so does each numbered item under it; the outline reads as typed; the
    wrapped keyword is joined."""
    joined = join_lines(OUTLINE)
    assert joined == (
        "一、产出指标\n"
        "1.数量指标：培训人数，年度指标值：≥1000人\n"
        "2.质量指标：培训合格率，年度指标值：≥95%\n"
        "二、效益指标（30分）\n"
        "3.社会效益指标：培训后就业率，年度指标值：≥60%"
    )
    clauses = parse_clause_text(joined or "")
    assert [(c.number, c.level1 and c.level1.name) for c in clauses] == [  # type: ignore[union-attr]
        (1, "产出指标"),
        (2, "产出指标"),
        (3, "效益指标"),
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "完成年度产出指标\n2、1-产出指标；12-质量指标",  # a value's end, no heading
        "产出指标\n；11-数量指标；名称",  # a category wrapped before its separator
    ],
)
def test_a_line_that_only_looks_like_a_heading_is_joined(cell: str) -> None:
    assert join_lines(cell) == cell.replace("\n", "")


def test_a_note_under_the_last_clause_keeps_its_line() -> None:
    cell = "1、1-产出指标；13-时效指标；到场时限；实施周期指标值：≤48小时；年度指标值：≤48小时。\n注：偏远点位以到场时间计。"
    joined = join_lines(cell)
    assert joined == cell
    (clause,) = parse_clause_text(joined or "")
    assert clause.annual is not None and clause.annual.text == "≤48小时"  # type: ignore[union-attr]
