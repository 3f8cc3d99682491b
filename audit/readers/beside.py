"""Tables side by side on one sheet (two units' tables, two projects'
申报表, placed left and right with empty columns between them).

A grid is cut at a run of empty columns, or where a header row names its
first column again (a second ``项目名称（资金使用单位）`` or ``一级指标``
right of the first: tables put edge to edge), when the columns on each side
hold a table a layout recognises on its own (each header row found starts a
table); the parts are then read one after the other, left to right, as
tables one above the other are. A grid without such a cut is read whole, as
before: a notes column, a 序号 or 备注 column or a side table beside the
performance table is no table of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from audit.readers.grid import Grid

__all__ = ["BESIDE_UNREAD", "side_by_side", "unread_beside"]


def side_by_side(grid: Grid, recognised: Callable[[Grid], bool]) -> list[Grid]:
    """The tables of ``grid`` left to right: the grid itself when it holds
    one table (or none), else a grid of the columns of each."""
    gaps = sorted({*_gaps(grid), *((at, at) for at in _headers_again(grid))})
    if not gaps or len(gaps) > MAX_CUTS:
        return [grid]
    parts: list[Grid] = []
    first = 0
    for start, stop in gaps:
        if start <= first:
            continue
        left = grid.columns(first, start)
        if recognised(left) and recognised(grid.columns(stop, grid.width)):
            parts.append(left)
            first = stop
    if not parts:
        return [grid]
    parts.append(grid.columns(first, grid.width))
    return parts


MAX_CUTS = 16
"""A grid with more places to cut (a sheet of scattered cells, columns left
empty between them) is read whole, as before: each place costs the layouts'
recognition of the columns on each side."""

BESIDE_UNREAD = "cells right of the table, not read"
"""Why the cells of a table beside the one read are passed over."""


def unread_beside(grid: Grid, recognised: Callable[[Grid], bool]) -> str | None:
    """Where a grid read as one table has a table beside it that no layout
    reads (``Sheet1!J1:P8``): columns right of a run of empty columns, the
    columns left of it a table on their own, with a row of three or more
    cells (a notes column, one cell to a row, is no table). None when there
    is none."""
    gaps = _gaps(grid)
    for start, stop in gaps if len(gaps) <= MAX_CUTS else ():
        if not recognised(grid.columns(0, start)):
            continue
        rows = [
            index
            for index, cells in enumerate(grid.rows)
            if any(cell.value.strip() for cell in cells[stop:])
        ]
        widest = max(
            sum(1 for cell in grid.rows[index][stop:] if cell.value.strip()) for index in rows
        )
        if widest >= 3:
            first = grid.location(rows[0], stop)
            last = grid.location(rows[-1], grid.width - 1).rpartition("!")[2]
            return f"{first}:{last}" if "!" in first else first
    return None


def _gaps(grid: Grid) -> list[tuple[int, int]]:
    """The runs of empty columns between filled ones, as ``(first, stop)``:
    columns where no cell holds text of its own (the copy a merged range,
    such as a title over both tables, gives a covered cell does not count).
    Most sheets fill every column within their first rows, so the scan
    ends there."""
    width = grid.width
    empty = set(range(width))
    merged = grid.merged
    for row, cells in enumerate(grid.rows):
        for column in [c for c in empty if cells[c].value.strip()]:
            if (row, column) not in merged:
                empty.discard(column)
        if not empty:
            return []
    gaps: list[tuple[int, int]] = []
    column = 0
    while column < width:
        if column in empty:
            stop = column
            while stop < width and stop in empty:
                stop += 1
            if column > 0 and stop < width:
                gaps.append((column, stop))
            column = stop
        else:
            column += 1
    return gaps


_FIRST_HEADERS = ("项目名称", "一级指标")
"""How the header row of a table begins (the Guangzhou layout's and a
national list's 项目名称, a national grid's 一级指标)."""
_HEADER_LENGTH = 20


def _headers_again(grid: Grid) -> list[int]:
    """The columns where a row names a header a cell left of it in the same
    row names already (``项目名称（资金使用单位） | … | 项目名称（资金使用单位）``):
    where a second table put edge to edge with the first may begin."""
    found: set[int] = set()
    merged = grid.merged
    for row, cells in enumerate(grid.rows):
        seen: set[str] = set()
        for column, cell in enumerate(cells):
            value = cell.value
            if not value.startswith(_FIRST_HEADERS) or len(value) > _HEADER_LENGTH:
                continue
            if (row, column) in merged:
                continue
            word = value[:4]
            if word in seen:
                found.add(column)
            seen.add(word)
    return sorted(found)
