"""Web pages: the ``<table>`` elements of a page saved from a disclosure site.

Parsed with the standard library's :mod:`html.parser`, which is lenient
with the unclosed ``<td>``/``<tr>`` and stray tags such pages have. Each
table becomes a grid (``表1``, ``表2`` … in page order; a table nested in a
cell is a table of its own). ``colspan``/``rowspan`` are merged ranges.
Cell text is the text a browser shows: runs of white space are one space,
``<br>`` and the end of a paragraph start a new line. The text before a
table (its title, 单位名称, 单位：万元) is kept as the table's headings.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from audit.readers.decode import ReadError, decode
from audit.readers.grid import GridInput, Loaded, Merge, grid_source
from audit.readers.table import Notify

_SPACE = re.compile(r"[ \t\r\n\f]+")
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"})
_SKIPPED = frozenset({"script", "style", "head", "title", "template"})
MAX_SPAN = 1000
"""Larger ``rowspan``/``colspan`` values are taken as this (pages have ``rowspan=9999``)."""


class _Table:
    def __init__(self, headings: list[str]) -> None:
        self.headings = headings
        self.rows: list[dict[int, str]] = []
        self.merges: list[Merge] = []
        self.taken: set[tuple[int, int]] = set()
        self.cell: list[str] | None = None
        self.at: tuple[int, int] = (0, 0)
        self.row_open = False

    def start_row(self) -> None:
        self.end_cell()
        self.rows.append({})
        self.row_open = True

    def start_cell(self, rowspan: int, colspan: int) -> None:
        self.end_cell()
        if not self.row_open:
            self.start_row()
        row = len(self.rows) - 1
        col = 0
        while (row, col) in self.taken:
            col += 1
        for r in range(row, row + rowspan):
            for c in range(col, col + colspan):
                self.taken.add((r, c))
        if rowspan > 1 or colspan > 1:
            self.merges.append((row, col, row + rowspan - 1, col + colspan - 1))
        self.at = (row, col)
        self.cell = []

    def end_cell(self) -> None:
        if self.cell is None:
            return
        text = "".join(self.cell)
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        self.rows[self.at[0]][self.at[1]] = "\n".join(line for line in lines if line)
        self.cell = None

    def cells(self) -> list[list[str | None]]:
        height = len(self.rows)
        width = max((c + 1 for (r, c) in self.taken if r < height), default=0)
        grid: list[list[str | None]] = []
        for row in self.rows:
            grid.append([row.get(c) for c in range(width)])
        return grid


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[_Table] = []
        self.stack: list[_Table] = []
        self.outside: list[str] = []  # text since the last table ended
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag == "table":
            if self.stack and self.stack[-1].cell is not None:
                self.stack[-1].cell.append("\n")
            table = _Table(_lines("".join(self.outside))[-6:])
            self.outside = []
            self.tables.append(table)
            self.stack.append(table)
            return
        if not self.stack:
            if tag == "br" or tag in _BLOCKS:
                self.outside.append("\n")
            return
        table = self.stack[-1]
        if tag == "tr":
            table.start_row()
        elif tag in ("td", "th"):
            values = dict(attrs)
            table.start_cell(_span(values.get("rowspan")), _span(values.get("colspan")))
        elif table.cell is not None and (tag == "br" or tag in _BLOCKS):
            table.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if not self.stack:
            if tag in _BLOCKS:
                self.outside.append("\n")
            return
        table = self.stack[-1]
        if tag == "table":
            table.end_cell()
            self.stack.pop()
        elif tag in ("td", "th"):
            table.end_cell()
        elif tag == "tr":
            table.end_cell()
            table.row_open = False
        elif table.cell is not None and tag in _BLOCKS:
            table.cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if not self.stack:
            self.outside.append(data)
            return
        table = self.stack[-1]
        if table.cell is not None:
            table.cell.append(data)


def _span(value: str | None) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return max(1, min(number, MAX_SPAN))


def _lines(text: str) -> list[str]:
    return [line for line in (_SPACE.sub(" ", part).strip() for part in text.split("\n")) if line]


def tables(markup: str) -> list[GridInput]:
    """The page's tables as grid inputs, each with the text lines before it."""
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    found: list[GridInput] = []
    for number, table in enumerate(parser.tables, start=1):
        table.end_cell()
        cells = table.cells()
        if not cells:
            continue
        found.append(GridInput(f"表{number}", cells, table.merges, headings=table.headings))
    return found


def load(data: bytes, path: str, notify: Notify | None = None) -> Loaded:
    text, encoding = decode(data)
    found = tables(text)
    if not found:
        raise ReadError("a web page without a table (no <table> element with cells)")
    source, grids = grid_source(path, "html", found, encoding)
    return Loaded(source, grids)
