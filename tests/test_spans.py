"""Spans compared: equal by their positions; ``covers_same`` by the
characters they cover, without resolving spans of one text."""

from __future__ import annotations

from audit.model import Source, Span, Text


def cell(value: str = "1、1-产出指标；11-数量指标；培训人数；年度指标值:≥300人。") -> Text:
    return Text.at(Source("table.txt", "项目\t" + value), 3, value)


def test_spans_of_the_same_characters_cover_the_same() -> None:
    text = cell()
    first, again = text.span(2, 8), text.span(2, 8)
    assert first.covers_same(again)
    assert first._pos is None and again._pos is None  # neither resolved
    assert first == again


def test_spans_of_other_characters_of_one_text_do_not() -> None:
    text = cell()
    assert not text.span(2, 8).covers_same(text.span(9, 15))
    assert not text.span(2, 8).covers_same(text.span(2, 9))


def test_spans_of_different_texts_compare_their_positions() -> None:
    source = Source("table.txt", "项目\t培训人数\n")
    one = Text.at(source, 3, "培训人数")
    two = Text.at(source, 3, "培训人数")
    assert one.span(0, 4).covers_same(two.span(0, 4))
    assert not one.span(0, 4).covers_same(two.span(0, 2))
    assert one.span(0, 4).covers_same(Span(1, 4, 1, 8))
