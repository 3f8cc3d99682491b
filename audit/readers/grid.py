"""Tables as grids of cells, whatever carried them.

A workbook sheet, the ruled table of a PDF (its pages joined), an HTML
``<table>``, a Word table and the rows of a TSV or CSV file all become a
:class:`Grid`: a rectangle of :class:`~audit.model.Text` cells. Layout
readers work on grids and need not know the carrier.

Cells of a binary carrier have no place in a text file, so
:func:`grid_source` writes them into a synthetic :class:`~audit.model.Source`
(each cell on a line of its own, so an excerpt shows the cell) whose ``locator`` names the cell
an offset falls in: a finding then points at ``Sheet1!C12`` or
``第2页 表1 第5行第3列``. A cell covered by a merged range holds the range's
value (from its top-left cell) and maps to that cell.
"""

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, NamedTuple

from audit.model import Source, Text

__all__ = [
    "CellLocator",
    "Grid",
    "GridInput",
    "LineLocator",
    "Loaded",
    "column_letter",
    "grid_source",
    "grids_from_text",
]

Kind = Literal["sheet", "pdf", "html", "docx", "text"]

Cell = str | None
Merge = tuple[int, int, int, int]
"""A merged range: first row, first column, last row, last column (inclusive, 0-based)."""


def column_letter(index: int) -> str:
    """Spreadsheet column name of 0-based ``index``: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class GridInput(NamedTuple):
    """One table as a carrier found it, before it becomes a :class:`Grid`.

    ``origin`` is the (row, column) of ``cells[0][0]`` in the carrier (a
    sheet's used range may start at C3). ``row_labels`` name each row where
    the carrier has its own numbering (a PDF table's page and row on that
    page, e.g. ``第3页 表1 第2行``); without them rows are numbered from 1.
    """

    name: str
    cells: Sequence[Sequence[Cell]]
    merges: Sequence[Merge] = ()
    origin: tuple[int, int] = (0, 0)
    row_labels: Sequence[str] | None = None
    numeric: frozenset[tuple[int, int]] = frozenset()
    """Cells that held a number (a workbook's numeric cells), not text."""
    headings: Sequence[str] = ()
    """Text lines just before the table outside it (a web page's or PDF
    page's title, 单位名称, 单位：万元)."""


class Grid:
    """One table of cells: a workbook sheet, the ruled table of a PDF (pages
    joined), an HTML ``<table>``, a Word table, or the rows of a TSV/CSV file.

    ``rows`` is rectangular; an empty cell is an empty Text. ``merged`` holds
    the (row, column) of cells filled from a merged range above or left of
    them; ``numeric`` those that held a number, not text (a workbook's
    numeric cells: the sheet's display format, e.g. two decimals, is not
    kept). ``lines`` is, for each row, the line number a report gives it: the
    sheet's row number, the file's line, or the row's number in the table.
    """

    __slots__ = (
        "_labels",
        "headings",
        "kind",
        "lines",
        "merged",
        "name",
        "numeric",
        "origin",
        "rows",
        "source",
    )

    def __init__(
        self,
        name: str,
        rows: list[list[Text]],
        source: Source,
        kind: Kind,
        merged: set[tuple[int, int]] | None = None,
        lines: list[int] | None = None,
        origin: tuple[int, int] = (0, 0),
        row_labels: Sequence[str] | None = None,
        numeric: frozenset[tuple[int, int]] = frozenset(),
        headings: Sequence[str] = (),
    ) -> None:
        self.name = name
        self.rows = rows
        self.source = source
        self.kind = kind
        self.merged: set[tuple[int, int]] = set() if merged is None else merged
        self.origin = origin
        self.lines = lines if lines is not None else [origin[0] + i + 1 for i in range(len(rows))]
        self._labels = row_labels
        self.numeric = numeric
        self.headings = list(headings)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def values(self, row: int) -> list[str]:
        """The text of each cell of ``row``."""
        return [cell.value for cell in self.rows[row]]

    def location(self, row: int, col: int) -> str:
        """Where cell (row, col) stands, as the carrier names it."""
        return _location(
            self.kind,
            self.name,
            self.origin,
            self._labels,
            row,
            col,
            self.lines[row] if self.lines else row + 1,
        )

    def columns(self, first: int, stop: int) -> "Grid":
        """The grid of columns ``first`` to ``stop`` (exclusive): a table
        that stands beside another on the same sheet. Its cells keep their
        place in the source, so findings name the sheet's own columns."""
        return Grid(
            self.name,
            [cells[first:stop] for cells in self.rows],
            self.source,
            self.kind,
            {(r, c - first) for r, c in self.merged if first <= c < stop},
            self.lines,
            (self.origin[0], self.origin[1] + first),
            self._labels,
            frozenset((r, c - first) for r, c in self.numeric if first <= c < stop),
            self.headings,
        )

    def __repr__(self) -> str:
        return f"Grid({self.name!r}, {len(self.rows)}x{self.width}, {self.kind})"


def _location(
    kind: Kind,
    name: str,
    origin: tuple[int, int],
    labels: Sequence[str] | None,
    row: int,
    col: int,
    line: int,
) -> str:
    if kind == "sheet":
        return f"{name}!{column_letter(origin[1] + col)}{origin[0] + row + 1}"
    if kind == "text":
        return f"line {line}, column {col + 1}"
    if labels is not None and row < len(labels):
        return f"{labels[row]}第{origin[1] + col + 1}列"
    return f"{name} 第{origin[0] + row + 1}行第{origin[1] + col + 1}列"


class CellLocator:
    """Names the cell an offset of a :func:`grid_source` text falls in.

    A plain class, not a closure, so a document read in a worker process
    can be pickled back to the parent with its source.
    """

    __slots__ = ("kind", "places", "starts", "tables")

    def __init__(
        self,
        kind: Kind,
        tables: list[tuple[str, tuple[int, int], Sequence[str] | None]],
        starts: list[int],
        places: list[tuple[int, int, int]],
    ) -> None:
        self.kind = kind
        self.tables = tables  # (name, origin, row labels) of each table
        self.starts = starts  # offset where each written cell starts
        self.places = places  # (table, row, col) of each written cell

    def __call__(self, offset: int) -> str | None:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        number, row, col = self.places[index]
        name, origin, labels = self.tables[number]
        return _location(self.kind, name, origin, labels, row, col, row + 1)


class LineLocator:
    """A locator answering for each line what ``locate`` answers at the
    line's start (a PDF's page and line): a table, not the function, so a
    document read in a worker process can be pickled back whatever
    ``locate`` is (a closure cannot be pickled), and every offset of a line
    gets the same answer."""

    __slots__ = ("names", "starts")

    def __init__(self, locate: Callable[[int], str | None], text: str) -> None:
        self.starts: list[int] = []
        self.names: list[str | None] = []
        start = 0
        while True:
            self.starts.append(start)
            self.names.append(locate(start))
            end = text.find("\n", start)
            if end == -1:
                break
            start = end + 1

    def __call__(self, offset: int) -> str | None:
        index = bisect_right(self.starts, offset) - 1
        return None if index < 0 else self.names[index]


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
"""Characters a cell holds but never shows (a zero-width space left by a web
editor, a byte-order mark pasted with text)."""


def _shown(cell: Cell) -> str:
    """A cell's text as it shows: without the characters of no width, which
    a reviewer cannot see and so cannot correct (``100\u200b%`` is ``100%``)."""
    if cell is None:
        return ""
    text = str(cell)
    return text if text.isascii() else text.translate(_ZERO_WIDTH)


def grid_source(
    path: str,
    kind: Kind,
    tables: Iterable[GridInput | tuple[str, Sequence[Sequence[Cell]]]],
    encoding: str = "utf-8",
) -> tuple[Source, list[Grid]]:
    """A synthetic Source whose text holds every cell, and the grids whose
    Texts map into it; ``Source.location(offset)`` names the cell.

    Each table is a :class:`GridInput` or a plain ``(name, cells)`` pair.
    Rows are padded to the widest; ``None`` is an empty cell. A merged range
    gives its top-left value to every cell it covers.
    """
    inputs = [t if isinstance(t, GridInput) else GridInput(t[0], t[1]) for t in tables]
    parts: list[str] = []
    length = 0
    starts: list[int] = []  # offset where each written cell starts
    places: list[tuple[int, int, int]] = []  # (table, row, col) of each written cell
    offsets: list[list[list[int]]] = []
    values: list[list[list[str]]] = []
    filled: list[set[tuple[int, int]]] = []
    for number, table in enumerate(inputs):
        width = max((len(r) for r in table.cells), default=0)
        grid_values = [[_shown(c) for c in r] + [""] * (width - len(r)) for r in table.cells]
        merged = _fill_merges(grid_values, table.merges)
        filled.append(merged)
        table_offsets: list[list[int]] = []
        for row_index, row in enumerate(grid_values):
            row_offsets: list[int] = []
            for col_index, value in enumerate(row):
                row_offsets.append(length)
                if (row_index, col_index) not in merged:
                    starts.append(length)
                    places.append((number, row_index, col_index))
                    parts.append(value)
                    parts.append("\n")
                    length += len(value) + 1
            table_offsets.append(row_offsets)
        offsets.append(table_offsets)
        values.append(grid_values)

    locate = CellLocator(kind, [(t.name, t.origin, t.row_labels) for t in inputs], starts, places)
    source = Source(path, "".join(parts), encoding, locator=locate)
    grids: list[Grid] = []
    for number, table in enumerate(inputs):
        grid_values = values[number]
        merged = filled[number]
        origin_of = _merge_origins(grid_values, table.merges)
        rows: list[list[Text]] = []
        for row_index, row in enumerate(grid_values):
            cells: list[Text] = []
            for col_index, value in enumerate(row):
                at = origin_of.get((row_index, col_index), (row_index, col_index))
                cells.append(Text(value, source, ((0, offsets[number][at[0]][at[1]]),)))
            rows.append(cells)
        grids.append(
            Grid(
                table.name,
                rows,
                source,
                kind,
                merged,
                origin=table.origin,
                row_labels=table.row_labels,
                numeric=table.numeric,
                headings=table.headings,
            )
        )
    return source, grids


def _fill_merges(values: list[list[str]], merges: Sequence[Merge]) -> set[tuple[int, int]]:
    """Copy each merged range's top-left value into the cells it covers;
    the covered cells (not the top-left one)."""
    covered: set[tuple[int, int]] = set()
    height = len(values)
    for top, left, bottom, right in merges:
        if top < 0 or left < 0 or top >= height or left >= len(values[top]):
            continue
        value = values[top][left]
        for row in range(top, min(bottom, height - 1) + 1):
            for col in range(left, min(right, len(values[row]) - 1) + 1):
                if (row, col) != (top, left):
                    values[row][col] = value
                    covered.add((row, col))
    return covered


def _merge_origins(
    values: list[list[str]], merges: Sequence[Merge]
) -> dict[tuple[int, int], tuple[int, int]]:
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    height = len(values)
    for top, left, bottom, right in merges:
        if top < 0 or left < 0 or top >= height or left >= len(values[top]):
            continue
        for row in range(top, min(bottom, height - 1) + 1):
            for col in range(left, min(right, len(values[row]) - 1) + 1):
                if (row, col) != (top, left):
                    origins[(row, col)] = (top, left)
    return origins


def grids_from_text(source: Source, delimiter: str = "\t") -> list[Grid]:
    """The rows of a TSV (``delimiter="\\t"``) or CSV (``","``, or ``";"``) file as one
    grid whose Texts map to the real file; lines without the delimiter
    (titles, headings) are rows of one cell, a cell quoted over lines is one
    cell (see :func:`~audit.readers.csvfile.tsv_records`). Empty lines are
    left out."""
    rows: list[list[Text]] = []
    lines: list[int] = []
    if delimiter in (",", ";"):
        _csv_rows(source, rows, lines, delimiter)
    else:  # a line a row, or the lines of a cell a spreadsheet quoted
        from audit.readers.csvfile import locate_cells, tsv_records

        for record in tsv_records(source):
            if any(value.strip() for value in record.cells):
                rows.append(locate_cells(source, record, delimiter))
                lines.append(record.line)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        if len(row) < width:
            end = row[-1].origin(len(row[-1].value))
            row.extend(Text("", source, ((0, end),)) for _ in range(width - len(row)))
    return [Grid(source.path, rows, source, "text", lines=lines)]


def _csv_rows(
    source: Source, rows: list[list[Text]], lines: list[int], delimiter: str = ","
) -> None:
    from audit.readers.csvfile import locate_cell, records

    for record in records(source, delimiter):
        position = record.start
        cells: list[Text] = []
        for value in record.cells:
            cell, position = locate_cell(source, value, position, record.end)
            cells.append(cell)
        rows.append(cells)
        lines.append(record.line)


class Loaded(NamedTuple):
    """What a carrier module read: the synthetic source and its grids, or,
    for a PDF without ruled tables, the page text for the text reader."""

    source: Source | None
    grids: list[Grid]
    text: str | None = None
    locator: Callable[[int], str | None] | None = None
    """For ``text``: names the page an offset of it falls on."""
