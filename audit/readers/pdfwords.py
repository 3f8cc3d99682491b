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
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
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


def _sections(lines: list[_Line]) -> list[list[_Line]]:
    """Lines gathered into rows. The line spacing inside a cell is the
    narrow gap between a line and the next line below it in the same column
    (words overlapping across); a gap clearly wider than that between a line
    and everything above it ends a row. Cells centred in their rows print
    their lines between the lines of the tallest cell, never across a row's
    padding, so they stay in their row."""
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


class _Columns:
    def __init__(self, edges: list[tuple[float, float]]) -> None:
        self.edges = edges
        """Each column's stretch of the page, left to right."""

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
    if previous is None and {"一级指标", "三级指标"} <= {w.text for ln in lines for w in ln.words}:
        raise ReadError(
            f"{UNRULED} ({where}): a national template's indicator grid "
            "(一级指标 … 三级指标) is read only from a ruled table; lint the workbook, "
            "or a PDF printed with ruling lines"
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
