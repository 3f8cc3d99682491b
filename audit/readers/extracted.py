"""What text extracted from a PDF shows of the way it was extracted.

The PDF-text reader (:mod:`audit.readers.pdftext`) reads the text a
row-order extraction gives (``pdftotext -raw``, pypdfium2): each cell's
text whole, one cell after another. Other extractions hold the same words
in another order, which that reader would misread; they are told here by
positive evidence, so that the file is refused with the reason and what to
do instead:

* **side by side**: each printed line holds the pieces of several cells
  (``pdftotext -layout``, pdfplumber ``extract_text()``, a copy from a PDF
  viewer): the header's cells separated by wide runs of spaces, or a line
  whose text goes on, after a space, with clause text (``1、1-产出指标``,
  ``度指标值：…``) while the text before it is cut mid-sentence;
* **column by column**: each column of a page printed as a block (the
  default ``pdftotext``, pdfminer's ``pdf2txt.py``): the column names stand
  on lines of their own, or two by two, but on no header line.

A header whose cells wrap (``财政专户拨`` / ``款``, ``项目名称（资`` /
``金使用单位）``) spans several lines in row-order text; :func:`header_block`
finds it whole.
"""

from __future__ import annotations

import re

from audit.readers.common import (
    COLUMN_WORDS_RE,
    PRINTED_COLUMN_NAMES,
    header_piece,
    header_pieces,
)
from audit.readers.decode import ReadError
from audit.syntax import clause_start

EXTRACT_ADVICE = (
    "lint the PDF itself, or extract its text with pdftotext -raw (one cell after another)"
)
SIDE_BY_SIDE = "text with the cells of a row side by side on each line"
COLUMN_ORDER = "text extracted column by column"
NATIONAL_TEXT = "a national template's table as extracted text"
"""How each refusal begins (the report translates it)."""

_MAX_HEADER_LINES = 40
_WIDE_GAP = re.compile(r"\S {3,}\S")
_ENDS = tuple("。；;！!？?：:，,、")
_TOKEN = re.compile(r"\S+")
_PRINTED = re.compile(r"(?<!\S)-?[\d,]+\.\d\d(?!\S)")
_DIGIT = re.compile(r"[\d０-９]")
_VALUE_WORD = re.compile(r"指标值|目标值")
_LEFT_MIN = 4
"""Characters of cell text left of a side-by-side break: more than a stray
word or a number."""


def _compact(text: str) -> str:
    return "".join(text.split())


def header_block(lines: list[str], start: int) -> int | None:
    """Where a header wrapped over lines that starts at ``lines[start]`` ends
    (the index after its last line), or None: a line starting with
    ``项目名称`` (or a piece of it), then lines made of nothing but pieces of
    column names, that together hold three column words at least, one name
    cut somewhere. A blank line ends it: column-by-column text
    (``pdftotext``) sets whole column names apart so."""
    first = lines[start].strip()
    compact = _compact(first)
    if not (compact.startswith("项目名称") or "项目名称".startswith(compact)):
        return None  # 项目名称 may itself be cut: 项目名 / 称（资金…
    if not header_pieces([first]):
        return None
    end = start + 1
    count = len(lines)
    while end < count and end - start < _MAX_HEADER_LINES:
        tokens = lines[end].split()
        # Inside the block a bracket alone is a piece too (``（`` / ``资金…``).
        if not tokens or not all(header_piece(token) for token in tokens):
            break  # a blank line: column-by-column text sets cells apart so
        end += 1
    block = [token for line in lines[start:end] for token in line.split()]
    joined = "".join(block)
    if not joined.startswith("项目名称") or len(set(COLUMN_WORDS_RE.findall(joined))) < 3:
        return None
    if end > start + 1 and all(token in PRINTED_COLUMN_NAMES for token in block):
        return None  # whole column names a line or a few each: no cell wrapped
    return end


def wrapped_header(text: str) -> str | None:
    """The first header of ``text`` wrapped over several lines, its lines
    joined by spaces; None when there is none."""
    lines = text[:200_000].split("\n", 2000)
    for index, line in enumerate(lines):
        if line.lstrip().startswith("项") and len(line) < 400:
            end = header_block(lines, index)
            if end is not None and end > index + 1:
                return " ".join(part.strip() for part in lines[index:end] if part.strip())
    return None


def side_by_side(
    lines: list[str], header: str | None, after_breaks: frozenset[int] = frozenset()
) -> str | None:
    """Evidence that the cells of a row stand side by side on each line, as
    a short description, or None. ``lines`` are the content lines (the page
    header dropped), ``header`` the column header line.

    The evidence: the header's cells separated by wide runs of spaces
    (``pdftotext -layout``); or a line with no amounts on which goal text
    cut mid-sentence goes on, after a space, with the text of an indicator
    cell (``…提升市容环 度指标值：≥320万平方米。2、…``): the next line of
    two wrapped cells printed side by side. In text that gives one cell
    after another a goal's line holds nothing after it but the goal, and a
    goal's end beside indicator text (a row cut by a page break) ends its
    sentence. So a goal's sentence that ends beside the rest of an
    indicator cell (``…卫生水平。 度指标值:≥520万平方米。``, ``…疫情。 抗体合格率，
    年度指标值…``; not a clause's start) is evidence too, except on the first
    line after a page break (``after_breaks``: indices into ``lines``), where
    text that gives one cell after another prints the rest of a goal and then
    the rest of the indicators cut with it."""
    if header is not None and len(_WIDE_GAP.findall(header.strip())) >= 2:
        return "the header's cells are separated by runs of spaces"
    for index, text in enumerate(lines):
        if _PRINTED.search(text):
            continue  # a row's name and amounts: its goal may follow
        before = ""
        for match in _TOKEN.finditer(text):
            at = match.start()
            if (
                _goal_piece(before)
                and (clause_start(text, at) or _VALUE_WORD.search(text, at, at + 24))
            ) or (
                index not in after_breaks
                and _goal_text(before)
                and not clause_start(text, at)
                and (_KEYWORD_TAIL.match(text, at) or _VALUE_WORD.search(text, at, at + 24))
            ):
                shown = text if len(text) <= 40 else text[:40] + "…"
                return f"goal text and indicator text share the line “{shown}”"
            before = match.group()
    return None


_KEYWORD_TAIL = re.compile(r"(?:施周期|周期|期|度)?指标值[:：]|标值[:：]|值[:：]")
"""The tail of a value keyword cut at a line's end (``年度指`` / ``标值：``):
in text that gives one cell after another it begins a line; after a goal's
text on the same line, it is the next line of an indicator cell printed
beside the goal's."""


def _goal_text(token: str) -> bool:
    """Goal text, its sentence ended or not: Chinese, no digits, nothing of
    an indicator."""
    return (
        len(token) >= _LEFT_MIN
        and any("\u4e00" <= char <= "\u9fff" for char in token)
        and not _DIGIT.search(token)
        and "指标" not in token
    )


def _goal_piece(token: str) -> bool:
    """A piece of a goal's line cut mid-sentence: Chinese text, no digits,
    nothing of an indicator (指标, a value keyword), no end of a sentence."""
    return _goal_text(token) and not token.endswith(_ENDS)


def column_order(text: str) -> str | None:
    """Why ``text`` that holds no header row cannot be read: the text of a
    national template (its indicator grid's column names), or text extracted
    column by column (the column names on lines of their own, or a few to
    a line: ``pdftotext`` without ``-raw``, ``pdf2txt``); None when it is
    neither."""
    lines = [line.strip() for line in text[:200_000].split("\n", 2000)]
    pieces = [line for line in lines[:400] if line and header_pieces([line])]
    words = set(COLUMN_WORDS_RE.findall("".join(_compact(line) for line in pieces)))
    if "项目名称" in words and len(words) >= 4:
        return COLUMN_ORDER
    if _national_grid(lines):
        return NATIONAL_TEXT
    return None


_GRID_WORDS = ("一级指标", "二级指标", "三级指标")


def _national_grid(lines: list[str]) -> bool:
    """Whether the national template's indicator grid header stands in the
    lines: 一级指标, 二级指标 and 三级指标 as words of their own, on one line
    or on lines that follow each other (blank lines aside), not in a
    sentence that names them."""
    seen: list[str] = []
    for line in lines:
        if not line:
            continue
        if "\t" in line:  # cells a tab apart: a table's rows, not extracted text
            seen = []
            continue
        tokens = line.split()
        found = [token for token in tokens if token in _GRID_WORDS]
        if not found:
            seen = []
            continue
        seen = [*seen, *found] if len(found) == len(tokens) or len(tokens) <= 8 else found
        if all(word in seen for word in _GRID_WORDS):
            return True
    return False


def unreadable_extraction(text: str) -> None:
    """Refuse text without a header row that holds a table's words in an
    order the readers do not follow (:func:`column_order`), with what to do."""
    why = column_order(text)
    if why == NATIONAL_TEXT:
        raise ReadError(
            f"{NATIONAL_TEXT} (一级指标 … 三级指标 with no tab or comma between the cells) "
            "is not read: lint the PDF itself, the workbook, or the table saved as TSV or CSV"
        )
    if why == COLUMN_ORDER:
        raise ReadError(
            f"{COLUMN_ORDER} (as pdftotext without -raw and pdf2txt print it): the column "
            "names stand on lines of their own, not on one header line, so the rows "
            f"cannot be told; {EXTRACT_ADVICE}"
        )


_CLAUSE_TEXT = re.compile(r"指标值|目标值|\d+\s*[、.．]\s*\d+\s*-\s*[^\W\d_]{2,4}指标")
_TAB_COPY_ROWS = 2


def tab_copy(rows: list[list[str]]) -> str | None:
    """Evidence that tab-separated text (``rows``: each line's cells) is a
    copy from a PDF viewer (each printed line a row, the pieces of its cells
    between tabs), not a table's rows: rows whose amount columns (总计 …
    其他资金) hold indicator text (a value keyword, ``1、1-产出指标``). A
    genuine row has numbers there."""
    from audit.readers.common import header_columns

    columns: dict[str, int] | None = None
    found: list[str] = []
    for cells in rows:
        if len(cells) < 2:
            continue
        header = header_columns(cells)
        if header is not None:
            columns = header
            continue
        if columns is None:
            continue
        amounts = [
            columns[key] for key in ("total", "fiscal", "special", "other") if key in columns
        ]
        if any(i < len(cells) and _CLAUSE_TEXT.search(cells[i]) for i in amounts):
            found.append(" ".join(cells)[:40])
            if len(found) >= _TAB_COPY_ROWS:
                return f"indicator text stands in the amount columns (“{found[0]}…”)"
    return None
