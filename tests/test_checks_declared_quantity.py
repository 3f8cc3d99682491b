"""not-quantified where the national template's row itself asks for a figure:
a 度量单位 (``公斤``, ``%``) or a 指标性质 of 定量 beside a value in words
(``进一步提高``) is a target that cannot be measured, in every category,
effects (效益) included."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Finding
from tests.conftest import config_with, lint
from tests.national import LIST, csv_document, tsv_document, with_cells

# LIST's columns: 三级指标 6, 指标性质 7, 指标值 8, 度量单位 9; row 5 is the
# effect indicator 群众出行条件 | 定性 | 明显改善 | (no unit).
EFFECT_ROW, NATURE, VALUE, UNIT = 5, 7, 8, 9


def _not_quantified(rows: list[list[str]]) -> list[Finding]:
    return lint(tsv_document(rows), select=["not-quantified"])


def test_the_list_as_written_asks_nothing_of_its_qualitative_effect() -> None:
    assert LIST[EFFECT_ROW][VALUE] == "明显改善" and LIST[EFFECT_ROW][UNIT] == ""
    assert _not_quantified(LIST) == []


@pytest.mark.parametrize("unit", ["公斤", "%", "万元", "人次"])
def test_a_unit_beside_words_is_reported_even_under_an_effect(unit: str) -> None:
    rows = with_cells(LIST, {(EFFECT_ROW, UNIT): unit, (EFFECT_ROW, NATURE): ""})
    findings = _not_quantified(rows)
    assert [(f.severity, f.excerpt) for f in findings] == [("warning", "明显改善")]
    assert f"计量单位是「{unit}」" in findings[0].message


def test_a_quantitative_nature_beside_words_is_reported() -> None:
    rows = with_cells(LIST, {(EFFECT_ROW, NATURE): "定量"})
    findings = _not_quantified(rows)
    assert [f.excerpt for f in findings] == ["明显改善"]
    assert "指标性质是「定量」" in findings[0].message


def test_the_english_message_names_the_unit(tmp_path: Path) -> None:
    config = config_with(tmp_path, "lang: en\n")
    rows = with_cells(LIST, {(EFFECT_ROW, UNIT): "公斤", (EFFECT_ROW, NATURE): ""})
    findings = lint(tsv_document(rows), select=["not-quantified"], config=config)
    assert [f.message for f in findings] == [
        "the annual value “明显改善” gives no figure, though its row is measured in “公斤”: "
        "state a figure"
    ]


@pytest.mark.parametrize(
    ("unit", "nature", "value"),
    [
        ("", "定性", "明显改善"),  # words the row calls qualitative
        ("/", "", "明显改善"),  # a unit column left as a slash
        ("无", "", "明显改善"),
        ("定性", "", "明显改善"),  # the nature written in the unit column
        ("公斤", "≥", "120"),  # a figure with its unit
        ("%", "定量", "待补充"),  # placeholder's
        ("项", "", "三级"),  # measurable in words: a class
        ("按实际发生数计算", "", "明显改善"),  # a note in the unit column, no unit
    ],
)
def test_near_misses(unit: str, nature: str, value: str) -> None:
    rows = with_cells(
        LIST, {(EFFECT_ROW, UNIT): unit, (EFFECT_ROW, NATURE): nature, (EFFECT_ROW, VALUE): value}
    )
    assert _not_quantified(rows) == []


def test_a_cell_clause_has_no_row_to_declare_a_unit() -> None:
    """The Guangzhou layout's clauses are read from one cell: an effect in
    words stays as the category allows (not reported by default)."""
    text = (
        "某局2025年项目支出绩效目标表\n\n单位名称：某局\n\n单位：万元\n\n"
        "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
        "合计\t10.00\t10.00\t\t\t\t\n某局\t10.00\t10.00\t\t\t\t\n"
        "道路养护\t10.00\t10.00\t\t\t完成全市农村公路日常养护，保障道路安全畅通。\t"
        "1、2-效益指标；22-社会效益指标；群众出行条件（公斤）；实施周期指标值:明显改善；"
        "年度指标值:明显改善。\n"
    )
    assert lint(text, select=["not-quantified"]) == []


def test_the_same_reading_in_csv() -> None:
    rows = with_cells(LIST, {(EFFECT_ROW, UNIT): "公斤", (EFFECT_ROW, NATURE): ""})
    findings = lint(csv_document(rows), select=["not-quantified"])
    assert [f.excerpt for f in findings] == ["明显改善"]


_WORDS = st.sampled_from(["明显改善", "进一步提高", "有效提升", "逐步完善", "稳步推进"])
_UNITS = st.sampled_from(["公斤", "%", "万元", "人次", "个", "亩"])


@settings(max_examples=40, deadline=None)
@given(words=_WORDS, unit=_UNITS, row=st.sampled_from([3, 4, 5]))
def test_any_row_with_a_unit_and_words_is_reported_once(words: str, unit: str, row: int) -> None:
    rows = with_cells(LIST, {(row, UNIT): unit, (row, NATURE): "", (row, VALUE): words})
    findings = _not_quantified(rows)
    assert [f.excerpt for f in findings] == [words]
