"""Clauses from indicator rows: the national template writes each indicator
as a row of cells (一级指标 | 二级指标 | 三级指标 | 实施期指标值 | 年度指标值),
not as clause text. Each row becomes a :class:`~audit.model.Clause` of form
``row`` so that every rule reads it as it reads a written clause.

A category cell may carry a code (``1-产出指标``) or not (``产出指标``); a
value is parsed with :func:`audit.values.parse_value`. A value column the
table does not have is left out of the clause (no field); a blank cell in a
column it has is an empty value. Clause numbers are the indicator's position
in its project, and every span points at the cell it came from.
"""

from __future__ import annotations

import re

from audit.model import (
    ANNUAL,
    PERIOD,
    Category,
    Clause,
    IndicatorCells,
    Text,
    TextBuilder,
    ValueField,
    category_code,
)
from audit.values import parse_value

_CODED_RE = re.compile(r"^(\d{1,3})\s*[-－—–.．、]\s*(\S.*)$", re.DOTALL)
_WEIGHT_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*(?:[（(]\s*(?:(?:权重|分值|分数|占比)\s*[：:]?\s*)?"
    r"\d{1,3}(?:\.\d{1,2})?\s*[分%％]?\s*[)）]"
    r"|\d{1,3}(?:\.\d{1,2})?\s*分)$"
)
"""The weight a category cell may carry after its name (``产出指标（50分）``,
``产出指标(50)``, ``产出指标 50分``, named or in percent: ``产出指标（权重50%）``,
``产出指标（分值：50）``): the category's share of the score, not part of its
name."""

CELL_SEPARATOR = " | "
"""How a row's cells are joined in ``Clause.text`` (the clause as shown)."""


def _stripped(text: Text) -> Text:
    """``text.strip()``, without its cost for a cell a reader already trimmed."""
    value = text.value
    if value and (value[0].isspace() or value[-1].isspace()):
        return text.strip()
    return text


def category(cell: Text | None) -> Category | None:
    """A category cell as a :class:`Category`, the weight after its name
    (``产出指标（50分）``) left out; None when blank."""
    if cell is None:
        return None
    text = _stripped(cell)
    if not text.value:
        return None
    weight = _WEIGHT_RE.search(text.value)
    if weight is not None and weight.start() > 0:
        text = text.slice(0, weight.start())
    match = _CODED_RE.match(text.value)
    if match is None:
        return Category(None, text.value, text.span())
    name_start = match.start(2)
    return Category(
        category_code(match.group(1)),
        match.group(2).strip(),
        text.span(0, name_start + len(match.group(2).strip())),
    )


def _field(keyword: str, cell: Text) -> ValueField:
    text = _stripped(cell)
    span = text.span()
    return ValueField(
        keyword=keyword,
        text=text.value,
        value=parse_value(text.value),
        span=span,
        keyword_span=span,
        separator=None,
    )


def cell_clause(cells: IndicatorCells, number: int) -> Clause:
    """The clause of one indicator row, numbered ``number``."""
    level1 = category(cells.level1)
    level2 = category(cells.level2)
    name_cell = _stripped(cells.name) if cells.name is not None else None
    fields: list[ValueField] = []
    if cells.period is not None:
        fields.append(_field(PERIOD, cells.period))
    if cells.annual is not None:
        fields.append(_field(ANNUAL, cells.annual))
    present = [
        _stripped(cell)
        for cell in (cells.level1, cells.level2, cells.name, cells.period, cells.annual)
        if cell is not None
    ]
    # The row's own cells: a level cell inherited from a row above (merged
    # down, or left blank) stands before the row's line in the source.
    own = next(
        (_stripped(c) for c in (cells.name, cells.annual, cells.period) if c is not None),
        None,
    )
    if own is None and not present:
        raise ValueError("an indicator row without cells")
    anchor = own if own is not None else present[0]
    source = anchor.source
    row_start = source.line_start(min(max(cells.line, 1), source.line_count))
    builder = TextBuilder(source)
    for cell in present:
        if cell.value and cell.origin(0) >= row_start:
            builder.add_text(cell)
    row_text = builder.build() if len(builder) else anchor
    shown = CELL_SEPARATOR.join(cell.value for cell in present)
    name_span = (name_cell if name_cell is not None else anchor).span()
    return Clause(
        number=number,
        form="row",
        level1=level1,
        level2=level2,
        name=name_cell.value if name_cell is not None else "",
        name_span=name_span,
        fields=tuple(fields),
        separators=frozenset(),
        issues=(),
        text=shown,
        span=row_text.span(),
        number_span=name_span,
    )


def cell_clauses(rows: list[IndicatorCells]) -> tuple[Clause, ...]:
    """The clauses of a project's indicator rows, numbered by their position
    from 1. A template row left without an indicator (no name, no value) is
    no clause: ``empty-row`` reports it from the project's cells."""
    return tuple(
        cell_clause(cells, number)
        for number, cells in enumerate(rows, start=1)
        if not cells.is_empty
    )
