"""A PDF table printed without ruling lines, read from its words' positions.

A page of such a table has no cell boxes, but every word has its place
(pdfplumber's ``x0``/``x1``/``top``/``bottom``). The table is rebuilt from
them, then read as the ruled table is (:mod:`audit.readers.pdftables`):

* Words are gathered into printed lines by their ``top``.
* Rows are told apart by the space between lines: inside a cell the lines
  follow each other at the line pitch, between two rows stands the cells'
  padding as well. A gap clearly wider than the common one ends a row, so a
  wrapped name, goal or unit name stays in its row whether its cells are
  top-aligned or vertically centred.
* The header row is the row holding ``项目名称``; a header cell wrapped over
  lines (``财政专户拨`` / ``款``) is one cell. Each header cell's words give
  a column. The border between two columns lies in the stretch between
  their header cells that no body word covers (the cells' padding), so a
  header centred over text set left, or a short amount set right beside
  its header's words, still gives every word its column; where a word
  could be either column's, the table is refused.
* Each page's table starts under its header row (repeated on every page);
  a first row with no name and no amounts, a row cut by the page break, is
  joined to the row before, as in a ruled table.
* The page's furniture is no row: stretches of lines under the table's
  last row (above its first on a page without the header row) made of a
  page number (``- 1 -``, ``第1页``, ``第 1 页 共 3 页``, ``1/3``) or a
  running head or foot (a line that heads or ends two or more pages, its
  page number aside), wherever it stands across the columns.

What cannot be told with confidence is refused, never guessed: no header
row, a word standing across two columns, text outside every column, a row
with two separate amounts in one column (rows printed without space
between them).
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from audit.readers.common import (
    PAGE_NUMBER_RE,
    header_columns,
    header_piece,
    header_pieces,
    note_label,
)
from audit.readers.decode import ReadError

UNRULED = "a table printed without ruling lines"
"""How every refusal of this reader begins (the report translates it)."""
ADVICE = (
    "lint the workbook or a PDF printed with ruling lines, "
    "or extract the text with pdftotext -raw and lint that"
)
FORM_ADVICE = "lint the workbook, or a PDF printed with ruling lines"
"""What to do instead, for the national template's forms: no extracted text
of them is read."""
_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+")
_LINE_TOLERANCE = 2.0
"""Words whose tops differ by less than this (points) share a line."""


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class _Line:
    words: list[_Word]
    top: float
    bottom: float


def _words(page: Any) -> list[_Word]:
    return [
        _Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
        if w["text"].strip()
    ]


def _lines(words: list[_Word]) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1].top) < _LINE_TOLERANCE:
            line = lines[-1]
            line.words.append(word)
            line.bottom = max(line.bottom, word.bottom)
        else:
            lines.append(_Line([word], word.top, word.bottom))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _height(line: _Line) -> float:
    return statistics.median(w.bottom - w.top for w in line.words)


def _sections(lines: list[_Line], wrapped: float | None = None) -> list[list[_Line]]:
    """Lines gathered into rows. The line spacing inside a cell is the
    narrow gap between a line and the next line below it in the same column
    (words overlapping across); a gap clearly wider than that between a line
    and everything above it ends a row. Cells centred in their rows print
    their lines between the lines of the tallest cell, never across a row's
    padding, so they stay in their row.

    ``wrapped``: the space between a cell's lines, as a share of a line's
    height, at most (a grid whose cells hold one line each, where the
    narrowest gap between lines is the one between rows)."""
    if not lines:
        return []
    heights = [_height(line) for line in lines]
    height = statistics.median(heights)
    inside: list[float] = []
    for index, line in enumerate(lines):
        if heights[index] < 0.8 * height:
            continue  # a superscript or a footnote mark: no measure of the spacing
        for word in line.words:
            below = next(
                (
                    other
                    for at, other in enumerate(lines[index + 1 :], start=index + 1)
                    if heights[at] >= 0.8 * height
                    and any(w.x0 < word.x1 and w.x1 > word.x0 for w in other.words)
                ),
                None,
            )
            if below is not None:
                inside.append(below.top - line.bottom)
    # Between rows the gap is wider: the smallest gap is a cell's own.
    common = max(min(inside), 0.0) if inside else 0.0
    if wrapped is not None:
        common = min(common, wrapped * height)
    limit = common + max(1.5, 0.25 * height)
    sections: list[list[_Line]] = [[lines[0]]]
    reach = lines[0].bottom
    for line in lines[1:]:
        if line.top - reach > limit:
            sections.append([line])
        else:
            sections[-1].append(line)
        reach = max(reach, line.bottom)
    return sections


def _join_cell(lines: list[list[_Word]]) -> str:
    """A cell's words: on a line separated by a space, lines joined with
    nothing (Chinese has no spaces between words; a wrap may cut a number)."""
    return "".join(" ".join(w.text for w in line) for line in lines if line)


@dataclass(slots=True)
class PageTable:
    """One page's piece of an unruled table: its header row first."""

    page: int
    rows: list[list[str | None]]
    """The header row (when the page has one), then a row per stretch of
    lines; a cell's text a line a line, as a ruled table's cell is
    extracted."""
    top: float
    """Where the header row starts on the page: the title block is above."""
    header: bool = True
    """Whether ``rows`` start with the page's header row."""
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Cells merged over rows (top row, column, bottom row, column), indices
    into ``rows``: a national form's 一级指标 and 二级指标 over their
    indicators."""


class _Columns:
    def __init__(
        self,
        edges: list[tuple[float, float]],
        levels: tuple[tuple[int, ...], ...] = (),
        spans: list[tuple[float, float]] | None = None,
        words: list[_Word] | None = None,
    ) -> None:
        self.edges = edges
        """Each column's stretch of the page, left to right."""
        self.levels = levels
        """The columns whose cells may be merged over rows, outermost first:
        a national list's 单位名称, then its project's columns (项目名称 first,
        then its amounts and goals over the same rows), then 一级指标, then
        二级指标; a form's 一级指标 and 二级指标."""
        self.merged = tuple(column for level in levels for column in level)
        """Those columns, in that order."""
        self.spans = spans or []
        """The header cells' stretches the columns were found from."""
        self.words = words or []
        """The words of the rows they were found from."""
        self.setting: str | None = None
        """How the cells are set in their rows (:func:`_valign`), where a
        page tells: the pages after it are printed alike."""

    def column(self, word: _Word) -> int | None:
        """The column a word stands in; None when it stands in none or across two."""
        for index, (left, right) in enumerate(self.edges):
            if word.x0 >= left - 0.5 and word.x1 <= right + 0.5:
                return index
        return None


def without_page_number(words: Sequence[str]) -> str:
    """A printed line's text (its ``words``), spaces aside, without the page
    number that begins or ends it (``某局2025年部门预算 第1页`` gives
    ``某局2025年部门预算``): empty for a line that is a page number only."""
    start, end = 0, len(words)
    for size in range(min(end, _PAGE_NUMBER_WORDS), 0, -1):
        if PAGE_NUMBER_RE.fullmatch(" ".join(words[:size])):
            start = size
            break
    for size in range(min(end - start, _PAGE_NUMBER_WORDS), 0, -1):
        if PAGE_NUMBER_RE.fullmatch(" ".join(words[end - size :])):
            end -= size
            break
    return "".join(words[start:end])


_PAGE_NUMBER_WORDS = 9
"""The most words a page number prints as (``第 1 页 ， 共 3 页``)."""


def running_lines(texts: Sequence[str]) -> frozenset[str]:
    """The running heads and feet of a printed document, from its pages'
    text: the first or last line of two or more pages, its page number
    aside (:func:`without_page_number`)."""
    seen: Counter[str] = Counter()
    for text in texts:
        lines = [line.split() for line in text.split("\n") if line.strip()]
        if lines:
            seen.update({without_page_number(lines[0]), without_page_number(lines[-1])} - {""})
    return frozenset(line for line, count in seen.items() if count >= 2)


def _furniture(section: list[_Line], running: Collection[str]) -> bool:
    """Whether a stretch of lines is the page's furniture, no row: each line
    a page number, a running head or foot, or both."""
    for line in section:
        text = without_page_number([w.text for w in line.words])
        if text and text not in running:
            return False
    return True


def read_page(
    page: Any, number: int, previous: _Columns | None, running: Collection[str] = frozenset()
) -> tuple[PageTable, _Columns]:
    """The table on one unruled page, or a :class:`ReadError` saying why it
    cannot be read with confidence. ``running`` holds the document's running
    heads and feet (:func:`running_lines`)."""
    lines = _lines(_words(page))
    sections = _sections(lines)
    where = f"page {number}"
    at = next(
        (
            i
            for i, section in enumerate(sections)
            if any(w.text.startswith("项目名称") for line in section for w in line.words)
        ),
        None,
    )
    if at is None:
        if previous is None:
            raise ReadError(
                f"{UNRULED} ({where}): its header row (项目名称 … 总计 … 绩效目标 … 绩效指标) "
                f"was not found; {ADVICE}"
            )
        body = list(sections)
        while body and _furniture(body[0], running):
            body.pop(0)  # a running head, a page number above the rows
        while body and _furniture(body[-1], running):
            body.pop()  # a running foot, a page number
        columns, header_row = previous, None
        top = body[0][0].top if body else sections[0][0].top
    else:
        header, first = _header_lines(sections[at])
        body = ([first] if first else []) + sections[at + 1 :]
        while body and _furniture(body[-1], running):
            body.pop()  # a running foot, a page number
        columns, header_row = _header(header, lines, body, where)
        top = header[0].top
    body = [part for section in body for part in _one_row_per_line(section, columns, where)]
    rows: list[list[str | None]] = [header_row] if header_row is not None else []
    for position, section in enumerate(body):
        placed = _place(section, columns)
        if placed is None:
            # Text outside the columns: under the table when it is a note
            # with no row after it; else a word across two columns, and the
            # cells cannot be told.
            under = note_label(section[0].words[0].text)
            if not under or any(_place(rest, columns) for rest in body[position + 1 :]):
                word = _stray(section, columns)
                raise ReadError(
                    f"{UNRULED} ({where}): the text “{word}” stands across its columns, "
                    f"so its cells cannot be told; {ADVICE}"
                )
            break
        if not any(placed):
            continue
        rows.append(_texts(page, section, columns, placed))
    return PageTable(number, rows, top, header_row is not None), columns


# --------------------------------------------------------------------------
# The national template's forms: a block of labels and values over a grid of
# one row per indicator


def read_form_page(
    page: Any, number: int, previous: _Columns | None, running: Collection[str] = frozenset()
) -> tuple[PageTable, _Columns]:
    """The national template's forms on one unruled page (a form's block of
    labels and values, then its indicator grid under ``一级指标 | 二级指标 |
    三级指标 | … 指标值``), or a :class:`ReadError` saying why they cannot be
    read with confidence; ``previous``: the columns of the page before, whose
    grid goes on at the top of this one.

    A form is printed from one sheet, so its labels and values stand in the
    grid's columns: the grid's header row and the words of its rows give the
    columns (as a budget table's header row does, :func:`_bands`), a grid row
    is placed as a budget table's row is, and a form row's words each in the
    column they begin in (a value merged over two columns is the first's).
    A label that shares its column with its value (a form whose block is not
    ruled to the grid's columns) is refused."""
    lines = _lines(_words(page))
    sections = _sections(lines, _WRAPPED)
    where = f"page {number}"
    cells = [_header_cells(section) for section in sections]
    headers = {i for i, (texts, _) in enumerate(cells) if _grid_header(texts)}
    forms = {i for i, section in enumerate(sections) if _form_row(section)}
    if not headers and previous is None:
        raise ReadError(
            f"{UNRULED} ({where}): its indicator grid's header row "
            f"(一级指标 … 三级指标 … 指标值) was not found; {FORM_ADVICE}"
        )
    guide = previous
    if headers:  # the header cells' places, near enough to tell a row from a line
        guide = _Columns([(a, a) for a, _ in cells[min(headers)][1]])
    assert guide is not None
    roles = _roles(sections, headers, forms, previous, guide, running)
    # The columns are found from the words of the grid and of the forms'
    # blocks, printed from the same sheet (a value merged over two columns
    # stands over two header cells and tells nothing).
    grid = [
        w for i, role in roles.items() if role != "header" for ln in sections[i] for w in ln.words
    ]
    if headers:
        header = min(headers)
        spans, levels = cells[header][1], _merged_levels(cells[header][0])
    else:
        # The grid of the page before going on: its columns, with this
        # page's words (a longer name here than there).
        assert previous is not None
        spans, levels = previous.spans, previous.levels
        grid = [*previous.words, *grid]
    edges = _bands(spans, grid)
    if edges is None:
        raise ReadError(
            f"{UNRULED} ({where}): its columns run into each other, "
            f"so its cells cannot be told; {FORM_ADVICE}"
        )
    columns = _Columns(edges, levels, spans, grid)
    # The page in pieces: a form's row or a header row, or the rows of a grid.
    pieces: list[tuple[str, list[_Line]]] = []
    for index, role in roles.items():
        if role == "grid" and pieces and pieces[-1][0] == "grid":
            pieces[-1][1].extend(sections[index])
        else:
            pieces.append((role, list(sections[index])))
    grids = {
        at: _grid_rows(lines, columns, where)
        for at, (role, lines) in enumerate(pieces)
        if role == "grid"
    }
    # How the cells are set in their rows: told by a grid row's cells of
    # one line beside a wrapped one, or a form's label beside its wrapped
    # goal; else as on the page before.
    told = [_Stretch.of(lines) for role, lines in pieces if role == "form"]
    told += [row for found, _ in grids.values() for row in found if row.lines]
    setting = _valign(told, columns) or (previous.setting if previous else None)
    columns.setting = setting
    rows: list[list[str | None]] = []
    merges: list[tuple[int, int, int, int]] = []
    for at, (role, lines) in enumerate(pieces):
        if role == "grid":
            placed, ranges = _grid_segment(page, *grids[at], columns, where, setting)
            merges.extend((len(rows) + a, c, len(rows) + b, c) for a, c, b in ranges)
            rows.extend(placed)
        elif role == "form":
            rows.extend(_form_cells(lines, columns, where))
        else:
            cells_placed = _place(lines, columns)
            if cells_placed is None:
                raise ReadError(
                    f"{UNRULED} ({where}): the text “{_stray(lines, columns)}” stands "
                    f"across its columns, so its cells cannot be told; {FORM_ADVICE}"
                )
            rows.append(_texts(page, lines, columns, cells_placed))
    first = min(roles, default=0)
    top = sections[first][0].top if sections else 0.0
    return PageTable(number, rows, top, header=False, merges=merges), columns


def _roles(
    sections: list[list[_Line]],
    headers: set[int],
    forms: set[int],
    previous: _Columns | None,
    columns: _Columns,
    running: Collection[str],
) -> dict[int, str]:
    """What each section of a page of forms is, in order: ``form`` (a row
    of a form's block), ``header`` (an indicator grid's header row) or
    ``grid`` (a row of the grid). The title lines above the first form are
    left out, and so are the page's furniture and a note under its last
    form. With ``previous`` the page may start with rows of the grid of the
    page before, and under the form's 项目名称 row printed again at its top
    (a sheet's print titles: a form row with no grid header before the next
    form). ``columns``: the page's columns, or near enough: a line that
    heads or ends other pages too is a running head or foot, unless it is
    a row of the grid (forms that end alike, on one indicator's row)."""

    def furniture(section: list[_Line]) -> bool:
        return _furniture(section, running) and not _row_like(section, columns)

    count = len(sections)
    while count and furniture(sections[count - 1]):
        count -= 1  # a running foot, a page number
    first = min((*headers, *forms), default=count)
    start = first
    if previous is not None:
        # The grid going on above the first form: its rows stand in the
        # columns; a title over the next form does not.
        skip = 0
        while skip < first and furniture(sections[skip]):
            skip += 1
        if all(_row_like(section, columns) for section in sections[skip:first]):
            start = skip
    roles: dict[int, str] = {}
    state = "grid"
    for index in range(start, count):
        if index in headers:
            roles[index] = "header"
            state = "grid"
        elif index in forms:
            repeated = (
                previous is not None
                and index == start
                and not any(index < h < _next_project(sections, index) for h in headers)
            )
            roles[index] = "form"
            state = "grid" if repeated else "form"
        elif index == count - 1 and note_label(sections[index][0].words[0].text):
            break  # a note under the last form
        else:
            roles[index] = state
    return roles


_PROJECT_KEYS = frozenset(
    ("number", "term", "goal", "period_goal", "total", "fiscal", "special", "other", "carryover")
)
"""The columns of a list that hold a project's own cells (序号, 项目期, its
goals and amounts), merged over its indicators' rows."""


def _merged_levels(cells: list[str]) -> tuple[tuple[int, ...], ...]:
    """The columns of an indicator grid's header row whose cells may be
    merged over rows, outermost first (:attr:`_Columns.levels`): in a list,
    the unnamed columns before 项目名称 (单位名称), then 项目名称 with the
    project's other columns (预算数, 年度目标 …), then 一级指标 and 二级指标."""
    from audit.readers.national import column_key

    keys = [column_key(cell) for cell in cells]
    levels: list[tuple[int, ...]] = []
    if "project" in keys:
        project = keys.index("project")
        outer = [i for i in range(project) if keys[i] is None]
        levels.extend((i,) for i in outer)
        # A column of no name the tool knows is taken for the project's: one
        # that holds a cell for each indicator then fails to fit, and is refused.
        own = [
            i
            for i, key in enumerate(keys)
            if i != project and i not in outer and (key is None or key in _PROJECT_KEYS)
        ]
        levels.append((project, *own))
    levels.extend((keys.index(key),) for key in ("level1", "level2") if key in keys)
    return tuple(levels)


@dataclass(slots=True)
class _Stretch:
    """Lines that stand together: a row of an indicator grid, or the text of
    one merged cell."""

    lines: list[_Line]
    top: float
    bottom: float

    @classmethod
    def of(cls, lines: list[_Line]) -> _Stretch:
        return cls(lines, min(ln.top for ln in lines), max(ln.bottom for ln in lines))

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


_WRAPPED = 0.35
"""The widest space between the lines of a wrapped cell, as a share of a
line's height: a line spacing of 1.35 (a sheet's, a Word table's single or
1.15 spacing print narrower)."""


def _grid_rows(
    lines: list[_Line], columns: _Columns, where: str
) -> tuple[list[_Stretch], dict[int, list[_Stretch]]]:
    """The rows of an indicator grid (the lines under its header row, up to
    the next form), and the text of each category cell (一级指标, 二级指标)
    by column.

    The rows are told apart by the other columns' lines (a category merged
    over rows and set in its middle prints between two rows, and would join
    them). A category standing by itself between rows, as far from each as
    rows stand apart, is a row of its own (a template row left with its
    二级指标 only)."""
    merged = columns.merged
    others: list[_Line] = []
    texts: dict[int, list[_Line]] = {column: [] for column in merged}
    for line in lines:
        own: list[_Word] = []
        split: dict[int, list[_Word]] = {column: [] for column in merged}
        for word in line.words:
            index = columns.column(word)
            if index is None:
                raise ReadError(
                    f"{UNRULED} ({where}): the text “{word.text}” stands across its "
                    f"columns, so its cells cannot be told; {FORM_ADVICE}"
                )
            split.get(index, own).append(word)
        if own:
            others.append(_Line(own, min(w.top for w in own), max(w.bottom for w in own)))
        for index, words in split.items():
            if words:
                top, bottom = min(w.top for w in words), max(w.bottom for w in words)
                texts[index].append(_Line(words, top, bottom))
    rows = [_Stretch.of(section) for section in _sections(others, _WRAPPED)]
    cells = {c: [_Stretch.of(s) for s in _sections(found, _WRAPPED)] for c, found in texts.items()}
    gaps = [b.top - a.bottom for a, b in pairwise(rows)]
    apart = statistics.median(gaps) if gaps else 0.0
    # A category by itself between rows, as far from each as rows stand
    # apart, is a row of its own.
    for found in cells.values():
        for cell in found:
            if any(cell.top < row.bottom and cell.bottom > row.top for row in rows):
                continue
            above = max((row.bottom for row in rows if row.bottom <= cell.top), default=None)
            below = min((row.top for row in rows if row.top >= cell.bottom), default=None)
            room = 0.75 * apart
            if apart and all(
                edge is None or abs(edge - side) >= room
                for edge, side in ((above, cell.top), (below, cell.bottom))
            ):
                rows.append(_Stretch([], cell.top, cell.bottom))
    rows.sort(key=lambda row: row.top)
    return rows, cells


def _grid_segment(
    page: Any,
    rows: list[_Stretch],
    cells: dict[int, list[_Stretch]],
    columns: _Columns,
    where: str,
    setting: str | None,
) -> tuple[list[list[str | None]], list[tuple[int, int, int]]]:
    """An indicator grid's rows (:func:`_grid_rows`) as cells, and its
    category cells merged over several of them (first row, column, last
    row).

    A category set at the top of its rows names the rows down to the next
    one (as a sheet's blank cells under a merged one do); one set in the
    middle of its rows (centred, as most forms print them) is the middle of
    its range: the ranges of a column follow each other from the grid's
    first row to its last, each as far below its text as it starts above
    it, and each must end where a row does; one set at the bottom ends its
    range. A 二级指标's ranges lie within its 一级指标's. How the cells are
    set is told by the rows' other cells (``setting``: the page's, where
    they do not tell); when the ranges cannot be told, the page is
    refused."""
    merged = columns.merged
    gaps = [b.top - a.bottom for a, b in pairwise(rows)]
    apart = statistics.median(gaps) if gaps else 0.0
    borders = [(a.bottom + b.top) / 2 for a, b in pairwise(rows)]
    first = rows[0].top - apart / 2 if rows else 0.0
    last = rows[-1].bottom + apart / 2 if rows else 0.0
    bounds = [first, *borders, last]
    tolerance = max(2.0, 0.3 * apart)
    ranges = _category_ranges(rows, cells, columns.levels, bounds, tolerance, setting)
    if ranges is None:
        name = "一级指标" if len(merged) < 2 else "一级指标 and 二级指标"
        if len(columns.levels) > 2:
            name = "project and category"
        raise ReadError(
            f"{UNRULED} ({where}): the rows its {name} cells stand over cannot be told; "
            f"{FORM_ADVICE}"
        )
    placed_rows: list[list[str | None]] = []
    for row in rows:
        cells_text: list[str | None] = [None] * len(columns.edges)
        if row.lines:
            placed = _place(row.lines, columns)
            assert placed is not None  # every word was placed above
            cells_text = _texts(page, row.lines, columns, placed)
        for column in merged:
            cells_text[column] = None
        placed_rows.append(cells_text)
    spans: list[tuple[int, int, int]] = []
    for column, start, end, text in ranges:
        placed_rows[start][column] = text
        if end > start:
            spans.append((start, column, end))
    return placed_rows, spans


def _valign(rows: list[_Stretch], columns: _Columns) -> str | None:
    """How the grid's cells are set in their rows (``TOP``, ``MIDDLE`` or
    ``BOTTOM``), from the rows where a cell of one line stands beside a cell
    wrapped over more; None when no row tells, or rows tell apart."""
    seen: set[str] = set()
    for row in rows:
        cells: dict[int, list[_Word]] = {}
        for line in row.lines:
            for word in line.words:
                index = columns.column(word)
                if index is not None:
                    cells.setdefault(index, []).append(word)
        height = row.bottom - row.top
        for words in cells.values():
            top, bottom = min(w.top for w in words), max(w.bottom for w in words)
            if bottom - top > height - 2.0:
                continue  # as tall as the row: tells nothing
            if abs(top - row.top) <= 1.0:
                seen.add("TOP")
            elif abs(bottom - row.bottom) <= 1.0:
                seen.add("BOTTOM")
            elif abs((top + bottom) / 2 - row.middle) <= 1.0:
                seen.add("MIDDLE")
            else:
                return None
    return seen.pop() if len(seen) == 1 else None


def _category_ranges(
    rows: list[_Stretch],
    cells: dict[int, list[_Stretch]],
    levels: tuple[tuple[int, ...], ...],
    bounds: list[float],
    tolerance: float,
    valign: str | None,
) -> list[tuple[int, int, int, str]] | None:
    """Each category cell's column, first and last row and text: at the top
    of its range, or in its middle (see :func:`_grid_segment`); None when
    they cannot be told."""

    def text(cell: _Stretch) -> str:
        return _join_cell([line.words for line in cell.lines])

    def row_of(y: float) -> int | None:
        return next(
            (i for i, row in enumerate(rows) if row.top - 0.5 <= y <= row.bottom + 0.5), None
        )

    def centred(found: list[_Stretch], start: float, stop: float) -> list[tuple[int, int]] | None:
        """The ranges of cells set in their middles, from ``start`` down to
        ``stop`` with no row between them left out."""
        ends = bounds[1:]
        spans: list[tuple[int, int]] = []
        for cell in found:
            end = 2 * cell.middle - start
            snapped = min(ends, key=lambda edge: abs(edge - end))
            if abs(snapped - end) > tolerance:
                return None
            inside = [i for i, row in enumerate(rows) if start < row.middle < snapped]
            if not inside:
                return None
            spans.append((inside[0], inside[-1]))
            start = snapped
        return spans if abs(start - stop) <= tolerance else None

    def printed(found: list[_Stretch], start: int, stop: int) -> list[tuple[int, int]] | None:
        """Each cell's row, as printed (no range)."""
        at = [row_of(cell.top) for cell in found]
        return None if None in at else [(a, a) for a in at if a is not None]

    def downward(found: list[_Stretch], start: int, stop: int) -> list[tuple[int, int]] | None:
        """Cells set at the top of their ranges, from row ``start`` to ``stop``."""
        at = [row_of(cell.top) for cell in found]
        if None in at or not at or at[0] != start:
            return None
        ends = [b - 1 for b in at[1:] if b is not None] + [stop]
        return [(a, b) for a, b in zip(at, ends, strict=True) if a is not None]

    def upward(found: list[_Stretch], start: int, stop: int) -> list[tuple[int, int]] | None:
        """Cells set at the bottom of their ranges, each of one row: a cell
        set at the bottom with blank cells above it may be merged over them
        or not (the blanks then the category above's), and nothing printed
        tells which."""
        at = [row_of(cell.bottom) for cell in found]
        if None in at or not at or at[-1] != stop:
            return None
        starts = [start] + [a + 1 for a in at[:-1] if a is not None]
        if starts != at:
            return None
        return [(a, a) for a in starts]

    def middle(found: list[_Stretch], start: int, stop: int) -> list[tuple[int, int]] | None:
        return centred(found, bounds[start], bounds[stop + 1])

    by_column = {column: sorted(found, key=lambda c: c.top) for column, found in cells.items()}
    # A cell whose middle stands between two rows, neither its top with a
    # row's top nor its bottom with a row's bottom (a wrapped cell set at
    # the top or the bottom of its one row), is set in the middle of its
    # rows (the two, or more).
    between = any(
        row_of(cell.middle) is None
        and not any(abs(cell.top - row.top) <= 1.0 for row in rows)
        and not any(abs(cell.bottom - row.bottom) <= 1.0 for row in rows)
        for found in cells.values()
        for cell in found
    )
    ways = {"TOP": downward, "MIDDLE": middle, "BOTTOM": upward}
    if between:
        order = ["MIDDLE"]  # a cell over two rows, set in their middle
    elif valign is not None:
        order = [valign]  # as the page's other cells are set
    else:
        order = ["TOP"]
    for way in order:
        found = _ranges(ways[way], levels, by_column, len(rows), bounds, text)
        if found is not None:
            return found
    if between or valign is not None:
        return None
    # Nothing tells how the cells are set: the ranges that fit, if they agree.
    fits = {
        tuple(found)
        for way in (middle, upward)
        if (found := _ranges(way, levels, by_column, len(rows), bounds, text)) is not None
    }
    if len(fits) == 1:
        return list(fits.pop())
    if fits or not any(row_of(cell.top) == 0 for cell in by_column.get(levels[0][0], [])):
        # Rows before the first category's text: a category set lower than
        # its first row (at the bottom of its rows), not one left out.
        return None
    return _ranges(printed, levels, by_column, len(rows), bounds, text)


def _ranges(
    way: Callable[[list[_Stretch], int, int], list[tuple[int, int]] | None],
    levels: tuple[tuple[int, ...], ...],
    cells: dict[int, list[_Stretch]],
    count: int,
    bounds: list[float],
    text: Callable[[_Stretch], str],
) -> list[tuple[int, int, int, str]] | None:
    """The ranges of the merged cells over the grid's rows, found ``way``,
    each level's within the one's before (:attr:`_Columns.levels`): the
    first column of a level gives its ranges, its other columns' cells each
    stand in one of them. None when they do not fit."""
    found: list[tuple[int, int, int, str]] = []

    def nest(depth: int, start: int, end: int) -> bool:
        if depth == len(levels):
            return True
        anchor, *others = levels[depth]
        own = [c for c in cells.get(anchor, []) if bounds[start] < c.middle < bounds[end + 1]]
        if not own:
            return nest(depth + 1, start, end)
        spans = way(own, start, end)
        if spans is None:
            return False
        for cell, (a, b) in zip(own, spans, strict=True):
            found.append((anchor, a, b, text(cell)))
            for column in others:
                inside = [c for c in cells.get(column, []) if bounds[a] < c.middle < bounds[b + 1]]
                if len(inside) > 1:
                    return False  # two cells of one column over one range
                found.extend((column, a, b, text(c)) for c in inside)
            if not nest(depth + 1, a, b):
                return False
        return True

    if not count:
        return []
    if not nest(0, 0, count - 1):
        return None
    placed = sum(1 for column, *_ in found)
    if placed != sum(len(cells.get(c, [])) for level in levels for c in level):
        return None  # a cell in no range of its level
    return found


def _row_like(section: list[_Line], columns: _Columns) -> bool:
    """Whether a stretch of lines reads as a row of a grid in ``columns``:
    its words begin in two columns or more (a title, a unit line or a note
    is one piece of text)."""
    lefts = [left for left, _ in columns.edges]
    begun = {bisect_right(lefts, w.x0 + 0.5) for line in section for w in line.words}
    return len(begun) >= 2 and not note_label(section[0].words[0].text)


def goes_on(page: Any, columns: _Columns, running: Collection[str] = frozenset()) -> bool:
    """Whether a page without a header row starts with rows of the grid of
    the page before (``columns``), not with text after it."""
    sections = _sections(_lines(_words(page)), _WRAPPED)
    while sections and _furniture(sections[0], running):
        sections.pop(0)
    return bool(sections) and _row_like(sections[0], columns)


def _next_project(sections: list[list[_Line]], index: int) -> int:
    """The index of the next section after ``index`` that starts a form (its
    项目名称 row), else the number of sections."""
    from audit.readers.national import column_key

    for at in range(index + 1, len(sections)):
        text = sections[at][0].words[0].text
        if column_key(re.split(r"[：:]", text, maxsplit=1)[0]) == "project":
            return at
    return len(sections)


def _grid_header(cells: list[str]) -> bool:
    """Whether a row's cells head an indicator grid: 一级指标, 三级指标 and a
    column of values."""
    from audit.readers.national import column_key

    keys = {column_key(cell) for cell in cells}
    return {"level1", "name"} <= keys and bool(keys & {"period", "annual", "value"})


def _form_row(section: list[_Line]) -> bool:
    """Whether a stretch of lines is a row of a form's block: its first word
    a label of the form (项目名称, 主管部门, 资金总额, 年度目标 …), by itself or
    with its value after a colon (``项目名称：…``)."""
    from audit.readers.national import FORM_LABELS, column_key, norm

    text = section[0].words[0].text
    label = re.split(r"[：:]", text, maxsplit=1)[0] if re.search(r"[：:].", text) else text
    if label.startswith(("其中", "其中：")) and "：" in text:
        label = text
    return norm(label) in FORM_LABELS or column_key(label) in _FORM_KEYS


_FORM_KEYS = frozenset(
    ("project", "total", "fiscal", "special", "other", "carryover", "goal", "period_goal")
)


def _form_cells(section: list[_Line], columns: _Columns, where: str) -> list[list[str | None]]:
    """The rows of a form's block in one stretch of lines: each word in the
    column it begins in. Labels one under another in a column (``其中：财政拨款``
    over ``其他资金``, beside ``资金总额`` merged over both and set in their
    middle) each begin a row, and the rest of the stretch goes to the row
    of the label nearest it (the upper of two as near); otherwise the
    stretch is one row, a wrapped value's lines joined. A label whose value
    begins in the label's own column (a block not set in the grid's columns)
    is refused: the value would be read into the label."""
    lefts = [left for left, _ in columns.edges]
    pieces: list[tuple[int, _Line, bool]] = []  # column, words, a label
    for line in section:
        by_column: list[list[_Word]] = [[] for _ in lefts]
        for word in line.words:
            by_column[max(0, bisect_right(lefts, word.x0 + 0.5) - 1)].append(word)
        for index, words in enumerate(by_column):
            if not words:
                continue
            piece = _Line(words, min(w.top for w in words), max(w.bottom for w in words))
            label = _form_row([_Line(words[:1], 0.0, 0.0)])
            if label and len(words) > 1:
                raise ReadError(
                    f"{UNRULED} ({where}): the form's label “{words[0].text}” and its value "
                    f"do not stand in the indicator grid's columns; {FORM_ADVICE}"
                )
            pieces.append((index, piece, label))
    stacked = Counter(index for index, _, label in pieces if label)
    anchors: list[float] = [0.0]  # the middles of the labels that begin rows
    if stacked and max(stacked.values()) > 1:
        column = max(stacked, key=lambda index: stacked[index])
        anchors = sorted(
            (p.top + p.bottom) / 2 for index, p, label in pieces if label and index == column
        )
    rows: list[list[list[list[_Word]]]] = [[[] for _ in lefts] for _ in anchors]
    for index, piece, _ in pieces:
        middle = (piece.top + piece.bottom) / 2
        at = min(range(len(anchors)), key=lambda i: (round(abs(anchors[i] - middle)), i))
        rows[at][index].append(piece.words)
    return [[_join_cell(cell) or None for cell in row] for row in rows]


def _header_lines(section: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The header row's lines and the lines under it in the same stretch
    (rows printed as close as a cell's lines): the header ends before the
    first line that is not made of pieces of column names (a bracket alone,
    the end of ``（资金使用单位）``, is one); above the ``项目名称`` line only
    lines of such pieces belong to it (not ``单位：万元``)."""
    start = next(
        i
        for i, line in enumerate(section)
        if any(w.text.startswith("项目名称") for w in line.words)
    )
    while start and header_pieces([w.text for w in section[start - 1].words]):
        start -= 1
    end = next(
        (
            i
            for i in range(start + 1, len(section))
            if not all(header_piece(w.text) for w in section[i].words)
        ),
        len(section),
    )
    return section[start:end], section[end:]


def _one_row_per_line(section: list[_Line], columns: _Columns, where: str) -> list[list[_Line]]:
    """A stretch holding more than one amount in a column is rows printed as
    close as a cell's lines: when every line holds its amounts (no cell
    wraps), each line is a row; otherwise the rows cannot be told apart."""
    if len(section) < 2:
        return [section]
    counts: dict[int, int] = {}
    with_amounts = 0
    for line in section:
        seen = {columns.column(w) for w in line.words if _AMOUNT.fullmatch(w.text)}
        seen.discard(None)
        with_amounts += bool(seen)
        for index in seen:
            assert index is not None
            counts[index] = counts.get(index, 0) + 1
    if not counts or max(counts.values()) < 2:
        return [section]
    if with_amounts == len(section):
        return [[line] for line in section]
    raise ReadError(
        f"{UNRULED} ({where}): its rows stand as close as the lines of a cell, "
        f"so they cannot be told apart; {ADVICE}"
    )


def _place(section: list[_Line], columns: _Columns) -> list[str | None] | None:
    """A row's cells, or None when a word stands in no column."""
    cells: list[list[list[_Word]]] = [[] for _ in columns.edges]
    for line in section:
        by_column: list[list[_Word]] = [[] for _ in columns.edges]
        for word in line.words:
            index = columns.column(word)
            if index is None:
                return None
            by_column[index].append(word)
        for index, words in enumerate(by_column):
            if words:
                cells[index].append(words)
    return [_join_cell(cell) or None for cell in cells]


def _texts(
    page: Any, section: list[_Line], columns: _Columns, placed: list[str | None]
) -> list[str | None]:
    """A row's cells as the ruled reader extracts them: the characters in
    each cell's box, as pdfplumber lays out a cell's text (a line a line)."""
    from pdfplumber.utils import extract_text

    top = section[0].top - 0.5
    bottom = section[-1].bottom + 0.5
    inside = [
        char
        for char in page.chars
        if top <= (char["top"] + char["bottom"]) / 2 < bottom and char["text"].strip()
    ]
    cells: list[str | None] = []
    for (left, right), word_text in zip(columns.edges, placed, strict=True):
        if word_text is None:
            cells.append(None)
            continue
        chars = [c for c in inside if left - 0.5 <= (c["x0"] + c["x1"]) / 2 < right + 0.5]
        text = extract_text(chars) if chars else None
        cells.append(text or word_text)
    return cells


def _stray(section: list[_Line], columns: _Columns) -> str:
    return next((w.text for line in section for w in line.words if columns.column(w) is None), "")


def _header(
    header: list[_Line], lines: list[_Line], body: list[list[_Line]], where: str
) -> tuple[_Columns, list[str | None]]:
    """The header row's cells and the columns' bands. Header words that
    overlap across lines are one cell (a name wrapped in its cell); the
    bands reach out over the body words under each header cell, up to the
    gaps between them."""
    cells, spans = _header_cells(header)
    if header_columns(cells) is None:
        shown = " | ".join(cells)
        raise ReadError(
            f"{UNRULED} ({where}): its header row could not be told into columns "
            f"(read: {shown}); {ADVICE}"
        )
    edges = _bands(spans, [w for section in body for line in section for w in line.words])
    if edges is None:
        raise ReadError(
            f"{UNRULED} ({where}): its columns run into each other, "
            f"so its cells cannot be told; {ADVICE}"
        )
    return _Columns(edges), list(cells)


def _header_cells(header: list[_Line]) -> tuple[list[str], list[tuple[float, float]]]:
    """A header row's cells and the stretch each covers: words that overlap
    across lines are one cell (a name wrapped in its cell)."""
    groups: list[list[_Word]] = []
    spans: list[tuple[float, float]] = []
    for word in sorted((w for line in header for w in line.words), key=lambda w: w.x0):
        if spans and word.x0 < spans[-1][1] - 0.5:
            groups[-1].append(word)
            spans[-1] = (spans[-1][0], max(spans[-1][1], word.x1))
        else:
            groups.append([word])
            spans.append((word.x0, word.x1))
    cells: list[str] = []
    for group in groups:
        by_line: dict[float, list[_Word]] = {}
        for word in group:
            key = next((t for t in by_line if abs(t - word.top) < _LINE_TOLERANCE), word.top)
            by_line.setdefault(key, []).append(word)
        cells.append(_join_cell([sorted(by_line[t], key=lambda w: w.x0) for t in sorted(by_line)]))
    return cells, spans


def _bands(
    spans: list[tuple[float, float]], words: list[_Word]
) -> list[tuple[float, float]] | None:
    """Each column's stretch of the page, from the header cells' ``spans``
    and the body's ``words``; None when two columns cannot be told apart.

    A cell's text stands inside its cell, whatever its alignment and its
    header's (a header centred over text set left or right), so between two
    columns' text there is always the cells' padding: the border between two
    header cells is in a stretch no body word covers. A word under a header
    cell is that column's; so is a word that begins where that column's
    words begin (text set left) or ends where they end (set right). When
    stretches on both sides of a word known to be neither column's are
    free, the border cannot be told. A word over two header cells is left
    out: it stands across the border wherever it is (its row is refused).
    Where headers are set left in their cells, as their text, a word left of
    a header cell is the column's before."""
    inside = [w for w in words if sum(1 for a, b in spans if w.x0 < b and w.x1 > a) < 2]
    left = min([spans[0][0], *(w.x0 for w in words)])
    right = max([spans[-1][1], *(w.x1 for w in words)])
    # Headers set left in their cells, as the text under them (a line of
    # text, no amount, wider than its header begins where it begins, and no
    # word begins left of one): a word left of a header cell is the column's
    # before.
    under = [(a, b, w) for a, b in spans for w in inside if w.x0 < b and w.x1 > a]
    flush = any(
        abs(w.x0 - a) <= 0.5 and w.x1 > b + 1 and not _AMOUNT.fullmatch(w.text) for a, b, w in under
    ) and not any(w.x0 < a - 0.5 for a, _, w in under)
    borders: list[float] = []
    for before, after in pairwise(spans):
        border = _border(before, after, inside, flush)
        if border is None:
            return None
        borders.append(border)
    return list(pairwise([left - 0.5, *borders, right + 0.5]))


def _border(
    before: tuple[float, float], after: tuple[float, float], words: list[_Word], flush: bool
) -> float | None:
    """The border between the columns headed ``before`` and ``after``
    (``flush``: headers set left, so no word left of ``after`` is its
    column's)."""
    start, end = before[1], after[0]
    under = [w for w in words if w.x0 < before[1] and w.x1 > before[0]]
    ends = [w.x1 for w in under]
    starts = [w.x0 for w in words if w.x0 < after[1] and w.x1 > after[0]]
    between = [w for w in words if w.x0 < end and w.x1 > start]
    # Lines set left begin at their column's left edge: words beginning
    # together, not where the column before's words begin, are the next
    # column's.
    edges = Counter(round(w.x0) for w in between if w.x0 >= start)
    own = {round(w.x0) for w in under}
    lefts: list[_Word] = []  # the column before's
    rights: list[_Word] = []  # the column after's
    unknown: list[_Word] = []
    for word in between:
        mine = flush or word.x0 < start or any(abs(word.x1 - x) <= 0.5 for x in ends)
        theirs = (
            word.x1 > end
            or any(abs(word.x0 - x) <= 0.5 for x in starts)
            or (not flush and own and edges[round(word.x0)] >= 2 and round(word.x0) not in own)
        )
        if mine and theirs:
            return None
        (lefts if mine else rights if theirs else unknown).append(word)
    gaps: list[tuple[float, float]] = []
    reach = start
    for a, b in sorted((max(w.x0, start), min(w.x1, end)) for w in between):
        if a > reach:
            gaps.append((reach, a))
        reach = max(reach, b)
    if end > reach:
        gaps.append((reach, end))
    last = max((w.x1 for w in lefts), default=start)
    first = min((w.x0 for w in rights), default=end)
    free = [(a, b) for a, b in gaps if a >= last - 0.01 and b <= first + 0.01]
    if not free:
        return None
    if any(free[0][1] <= w.x0 and w.x1 <= free[-1][0] for w in unknown):
        return None  # a word that may be either column's
    a, b = max(free, key=lambda gap: gap[1] - gap[0])
    return (a + b) / 2
