"""A table continued in a later table without its header row.

A web page converted from a PDF puts each printed page's part of a table in
a ``<table>`` of its own, and a Word table broken at a page break by hand is
two tables; when the header row is not repeated, the later part has none,
and no layout would read it. As a PDF's pages of one table are one grid
(:mod:`audit.readers.pdftables`), such a part is joined to the table before
it when:

- that table (or the first part it was joined from) heads a performance
  table (the Guangzhou header or the national indicator grid's, as
  :func:`~audit.readers.sidetables.performance_header` tells);
- the part holds no header of its own (neither a performance table's nor
  another table's, nor a title or 单位名称 row of another table);
- it has as many columns (merged cells counted as the columns they span);
- nothing stands between the two but page furniture: blank lines, a page
  number (``- 2 -``, ``第2页 共3页``, ``2/3``), a ``续表`` mark, a line of the
  first table's headings repeated (its title, 单位名称), or its amount unit.

Its rows keep the names of their own table (``表2 第1行``), so a finding
points where the reviewer looks. A part after other text, or of another
width, is a table of its own (skipped without a header row, as before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from audit.readers.common import (
    CONTINUED_MARK_RE,
    PAGE_NUMBER_RE,
    names_title,
    organization_name,
    other_table_header,
    stated_unit,
)
from audit.readers.grid import GridInput, Merge

__all__ = ["Part", "grid_goes_on", "join_continued"]

_SPACE = re.compile(r"\s+")
_SCANNED_ROWS = 40
"""A table names itself (title, header) in its first rows."""


class Part(NamedTuple):
    """A table as a carrier found it, and what stands before it."""

    table: GridInput
    after: Sequence[str] | None
    """The lines of text between the table before and this one; None when
    this one does not directly follow another table of the same level (the
    first table, one nested in a cell, one after a table not read)."""


def join_continued(parts: Sequence[Part]) -> list[GridInput]:
    """The tables, each part continued without its header joined to the
    table before it."""
    groups: list[list[GridInput]] = []  # a table and the parts joined to it
    heads = False  # the last group's table heads a performance table
    for part in parts:
        if heads and part.after is not None and _continues(groups[-1][0], part):
            groups[-1].append(part.table)
            continue
        groups.append([part.table])
        heads = _performance_table(part.table.cells)
    return [group[0] if len(group) == 1 else _joined(group) for group in groups]


_GRID_CAPTION_RE = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*"
    r"(?:项目)?(?:年度|实施期|中期)?绩效指标表?\s*[：:]?"
)
"""A caption over a form's indicator grid printed as a table of its own:
``绩效指标``, ``三、绩效指标``, ``（二）年度绩效指标：``."""


def grid_goes_on(before: Sequence[str], headings: Sequence[str]) -> bool:
    """Whether an indicator grid without a project of its own, printed
    under ``headings``, goes on from the form printed just before it under
    ``before`` (a table of the same document, the next page): nothing stands
    between but what a printed page repeats or adds (the form's headings, a
    page number, a ``续表`` mark, the amount unit) or a caption naming the
    grid (``绩效指标``). A title or 单位名称 line of its own begins another
    table."""
    seen = {_line(line) for line in before}
    unit = next((u for u in map(stated_unit, before) if u is not None), None)
    return all(
        _furniture(text, seen, unit) or _GRID_CAPTION_RE.fullmatch(text) is not None
        for text in map(_line, headings)
    )


def _continues(before: GridInput, part: Part) -> bool:
    table = part.table
    if _width(table.cells) != _width(before.cells):
        return False
    headings = {_line(h) for h in before.headings}
    unit = next((u for u in map(stated_unit, before.headings) if u is not None), None)
    if not all(_furniture(_line(line), headings, unit) for line in part.after or ()):
        return False
    return _headerless(table.cells, headings)


def _furniture(line: str, headings: set[str], unit: str | None) -> bool:
    """Whether a line between two parts of a table is what a printed page
    repeats or adds, not text of the document's own."""
    return (
        not line
        or line in headings
        or PAGE_NUMBER_RE.fullmatch(line) is not None
        or CONTINUED_MARK_RE.fullmatch(line) is not None
        or (unit is not None and stated_unit(line) == unit and organization_name(line) is None)
    )


def _headerless(cells: Sequence[Sequence[str | None]], headings: set[str]) -> bool:
    """No header row among the table's first rows, and no title or
    单位名称 row of its own at its top (a table that begins there)."""
    from audit.readers.sidetables import performance_header

    top = True
    for row in cells[:_SCANNED_ROWS]:
        values = [value or "" for value in row]
        filled = {value.strip() for value in values} - {""}
        if not filled:
            continue
        if performance_header(values):
            return False
        if top:
            if other_table_header(values):
                return False
            if len(filled) == 1:
                text = _line(next(iter(filled)))
                if text not in headings and (
                    names_title(text) or organization_name(text) is not None
                ):
                    return False
                continue  # a repeated heading, a 续表 mark, a cell cut by the page break
            top = False
    return True


def _performance_table(cells: Sequence[Sequence[str | None]]) -> bool:
    from audit.readers.sidetables import performance_header

    return any(performance_header([v or "" for v in row]) for row in cells[:_SCANNED_ROWS])


def _width(cells: Sequence[Sequence[str | None]]) -> int:
    return max((len(row) for row in cells), default=0)


def _line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _labels(table: GridInput) -> list[str]:
    if table.row_labels is not None:
        return list(table.row_labels)
    first = table.origin[0]
    return [f"{table.name} 第{first + index + 1}行" for index in range(len(table.cells))]


def _joined(group: list[GridInput]) -> GridInput:
    """The rows of a table's parts one under the other, each named as in
    its own table; the first part's name and headings."""
    cells: list[Sequence[str | None]] = []
    merges: list[Merge] = []
    labels: list[str] = []
    numeric: set[tuple[int, int]] = set()
    for part in group:
        offset = len(cells)
        cells.extend(part.cells)
        merges.extend((t + offset, left, b + offset, right) for t, left, b, right in part.merges)
        labels.extend(_labels(part))
        numeric.update((row + offset, col) for row, col in part.numeric)
    return group[0]._replace(
        cells=cells, merges=merges, row_labels=labels, numeric=frozenset(numeric)
    )
