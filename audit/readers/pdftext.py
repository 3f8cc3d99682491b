"""Text extracted from a published PDF: cells wrapped over many lines.

What the extraction gives, and how it is read (the PDF layout and the older layout):

* A cell that fits on one line shares its line with its neighbours, separated
  by spaces (``合计 830.47 830.47``); a wrapped cell comes out as lines of its
  own. Blank lines mean nothing and are ignored everywhere.
* The page header block (title ``…绩效目标表…``, ``部门名称：``/``单位名称：``,
  ``单位：万元``, the column header ``项目名称（资金使用单位） 总计 …``) repeats at
  every page break, even inside a cell: those lines are dropped wherever they
  stand, and so is any later line equal to a line of the title block above
  the first column header (the pieces of a wrapped title), and page numbers
  (``- 2 -``, ``第2页``, ``共5页 第2页``, ``Page 2 of 5``, or a bare ``2`` or
  ``2/5`` next to a form feed or the block).
  A column header wrapped in its cells leaves pieces of column names on the
  lines around it (``财政专户`` above, ``拨款`` below, ``项目名称（资金`` /
  ``使用单位）``), cut anywhere: they are header too, never name or goal.
  In a row-order extraction (``pdftotext -raw``, pypdfium2) such a header
  spans several lines from ``项目名称`` on (:func:`~audit.readers.extracted.header_block`);
  joined, they give the amount columns. Extractors' page lines (``# Page
  2``) are page numbers; a form feed ends a line wherever it stands.
* A project's name starts on a line indented by spaces and runs, over
  unindented lines, up to its amounts: a run of numbers printed as amounts
  (``52.17 52.17``, ``1,234.56``) at the end of the name's last line or on a
  line of its own; an amount with a letter typed in it (``48.0O``) beside a
  true one is among them, a bad amount, not the end of the name. Text after
  the amounts on the same line starts the goal.
  The amounts fill the header's columns in order when all are printed, else
  总计, 财政拨款, then 其他资金; in a table with a 上年结转 column, in the
  columns that make each unit's subtotal the sum of its projects and 合计 the
  sum of the units (:func:`_place_by_subtotals`). 合计 and a unit (资金使用单位) are unindented
  lines with amounts; a unit name wrapped over lines is gathered back from the
  name-like lines just before its amounts.
* Everything else is cell text, cut into cells: an indicator cell starts
  with clause 1 and a category (``1、1-产出指标；``, ``1、满意度指标：``), or with clause
  1 and, within the clause, a value keyword (``1、监督检查户次；实施周期指标值:``,
  categories missing), anything else is a goal cell. A goal cell that still
  holds a value keyword ran on over clauses whose start went unseen: it is
  cut before the clause that keyword belongs to. After an indicator cell, a
  line that does not continue the clause numbering starts a goal cell when
  the last clause is complete and ended in ``。``, or, without the ``。``,
  when the line reads as the start of a sentence. Such a cell is a guess: it
  is taken back if clause text follows, and again below if it stays with the
  same project.
* A row cut by a page break goes on under the repeated header with the
  rest of its goal, then the rest of its indicator cell, on the line where
  the goal's rest ends (:func:`_goal_rests`): the goal's rest ends the goal
  when it was left without the end of its sentence.
* Text whose cells stand side by side on each line (``pdftotext -layout``,
  pdfplumber ``extract_text()``) is refused, with what to do
  (:func:`~audit.readers.extracted.side_by_side`): it is not this layout.
* In every layout a project's cells follow its name row. The page header
  block is dropped first, so text at the top of a page before any name
  continues the project the page before began. Text before the first row
  that can own it (an excerpt that begins inside a project) belongs to no
  project shown: it is kept apart for the ``orphan-text`` rule.
* A note or signature under the table (``注：…``, ``填报人：… 联系电话：…``)
  after the last clause is dropped; it does not continue the clause.

Wrapped lines are joined with nothing between them (Chinese has no spaces
between words), which also mends keywords and numbers cut by the wrap
(``实施周期指标\\n值:``, ``9\\n0%``). Every piece of text keeps its place in the
file, so a finding in a wrapped cell points at the right line and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from audit.model import AMOUNT_COLUMNS, Markup, Row, Source, Text, TextBuilder
from audit.readers.common import (
    COLUMN_WORDS_RE,
    CONTINUED_MARK_RE,
    GRAND_TOTAL_NAMES,
    ORGANIZATION_RE,
    PAGE_NUMBER_RE,
    PRINTED_COLUMN_NAMES,
    UNIT_OF_MEASURE_RE,
    add_without_markup,
    amounts_from,
    classify,
    header_pieces,
    names_a_column,
    names_title,
    note_label,
    organization_name,
    outside_brackets,
    stated_unit,
)
from audit.readers.decode import ReadError
from audit.readers.extracted import EXTRACT_ADVICE, SIDE_BY_SIDE, header_block, side_by_side
from audit.readers.sidetables import whole_title
from audit.readers.table import PLACEMENT_CAPPED, PLACEMENT_MANY, PLACEMENT_NONE, Table
from audit.syntax import (
    KEYWORDS,
    categories_start,
    clause_number,
    clause_numbers,
    clause_start,
    has_keyword,
    number_value,
    outline_breaks,
)

INDENT = 2
"""Leading spaces that mark a project name (the PDFs print four)."""
MAX_NAME_LINES = 16
"""A name still without amounts after this many lines was not a name."""
MAX_NAME_CHARS = 160
MAX_PREAMBLE_LINES = 8
"""Lines above the first column header that may be its title block."""
MAX_UNIT_NAME_LINES = 6
"""Lines before a unit's amounts that may hold the start of its name."""

_FILL_ORDER = ("total", "fiscal", "other", "carryover", "special")
"""The columns a row fills when it prints fewer amounts than the header has
columns (blank cells leave no trace in PDF text): one is 总计; two are 总计
and 财政拨款; three are 总计, 财政拨款 and 其他资金 (in the published tables
财政专户拨款 is the column left blank in every three-amount row); four, in a
table with a 上年结转 column, those and 上年结转. In such a table this is only
where the subtotals cannot tell (see :func:`_place_by_subtotals`)."""

MAX_PLACEMENT_STEPS = 100_000
"""Most partial placements tried for the rows under one subtotal (see
:func:`_place_by_subtotals`); past them the rows keep the fill order."""


# --------------------------------------------------------------------------
# Line patterns

_HEADER_TOKENS = PRINTED_COLUMN_NAMES | {"（资金使用单位）", "(资金使用单位)"}
"""Tokens of a header line: the column names and the bracket of the first
wrapped onto a line of its own."""
_EXTRACTOR_PAGE = re.compile(r"#\s*[Pp]age\s*\d{1,5}|-{2,}\s*[Pp]age\s*\d{1,5}\s*-{2,}")
"""The page lines extractors print: ``# Page 2`` (pypdfium2), ``--- Page 2 ---``."""
_DASHES = "-—–－"


def _page_mark(text: str) -> bool:
    """Whether a stripped line is a printed page's number with words or
    dashes (:data:`~audit.readers.common.PAGE_NUMBER_RE`: ``- 2 -``,
    ``— 第2页 —``, ``第2页，共5页``, ``Page 2 of 5``) or an extractor's page
    line. A bare number is one only next to a page break
    (:func:`_bare_page_numbers`), and so is a number with a dash on one side
    only (``2024-``, ``-5``: the wrapped pieces of a date or a value)."""
    if _EXTRACTOR_PAGE.fullmatch(text):
        return True
    if PAGE_NUMBER_RE.fullmatch(text) is None:
        return False
    inner = text.strip(_DASHES + " \u3000")
    if _BARE_NUMBER.fullmatch(inner) is None:
        return True
    return text[0] in _DASHES and text[-1] in _DASHES and "/" not in inner


_BARE_NUMBER = re.compile(r"\d{1,4}(?:\s*/\s*\d{1,4})?")
"""A page number printed alone (``3``, or ``2/5`` with the count of pages):
one only next to a page break."""

_TOKEN = re.compile(r"\S+")
_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# How published amounts look: two decimals, or thousands separators.
_PRINTED = re.compile(r"\.\d\d$|\d,\d{3}")
_PRINTED_TOKEN = re.compile(r"(?<!\S)-?[\d,]+\.\d\d(?!\S)")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_PLACEHOLDERS = frozenset({"-", "—", "－", "--", "——"})
_LETTER = re.compile(r"[^\W\d_]")
# Characters a name never holds but a sentence or a clause does.
_NOT_NAME = re.compile(r"[，,。；;：:！!？?%％≥≤]")
_LOOSE_START = re.compile(
    r"\s*1\s*(?:、|[.．](?!\d))\s*(?:产出|效益|满意度|成本|数量|质量|时效)[^\W\d_]{0,6}\s*[：:；;]"
)
# What ends the sentence before an indicator cell printed on the same line.
_INLINE_AFTER = tuple("。；;.!！?？")
_ENDS_SENTENCE = "。."
_VALUE_WORDS = ("指标值", "目标值")
_FINAL_WORDS = ("年度指标值", "目标值")
_FIELD_BEGUN = re.compile(r"[；;，,]\s*\S")
_VALUE_TAILS = ("以上", "以下", "以内", "或", "及", "至", "左右")
_SENTENCE_END = re.compile(r"[。；;]")
_SENTENCE_MIN = 20
"""A goal's first sentence is longer than the tail of a wrapped value."""
_COMPARATOR = re.compile(r"[≥≤%％<>＜＞]|\d")
# Text that continues a clause, never starts a cell: punctuation, a keyword.
_CONTINUES = tuple("；;，,、：:。.）)】》”’%％")
_VALUE_KEYWORDS = ("实施周期", "年度指标", "指标值", "值:", "值：")
_LOOKAHEAD = 40
_KEYWORD = re.compile("|".join(KEYWORDS))
_KEYWORD_LENGTH = max(len(word) for word in KEYWORDS)
_KEYWORD_REACH = 60
"""How far after clause 1's number its first value keyword may stand when
the clause has no category: past its name (the longest in the seed tables
have 30 characters) and its separators."""
_DECIMAL_START = re.compile(r"\s*\d+\s*[.．]\s*\d")  # 1.85万人, or sub-clause 1.2
_TAIL = 160


# --------------------------------------------------------------------------
# What the line pass finds


@dataclass(slots=True)
class _Line:
    number: int
    offset: int
    """Source offset of the first non-space character."""
    text: str
    """The line without its indentation and trailing spaces."""
    indented: bool
    indent: int
    after_break: bool = False
    """The first line after a repeated column header (a page break)."""


@dataclass(slots=True)
class _Piece:
    """A stretch of cell text on one line."""

    line: int
    offset: int
    text: str
    after_amounts: bool = False
    goal_rest: bool = False
    """The rest of a goal cut by a page break, printed before the rest of
    the indicators cut with it (see :func:`_goal_rests`)."""


@dataclass(slots=True)
class _Anchor:
    """A row's name and amounts: 合计, a unit or a project."""

    kind: str
    name: list[_Piece]
    amounts: list[tuple[str, int]]
    line: int
    cells: list[_Cell] = field(default_factory=list)


@dataclass(slots=True)
class _Cell:
    kind: str  # "goal", "indicators", or "rest" (see _goal_rests) until placed
    pieces: list[_Piece]
    tail: str = ""
    guessed: bool = False
    """A goal cell begun after an indicator cell: taken back into it if it
    turns out to hold clause text."""


@dataclass(slots=True)
class _Run:
    """Amounts found in a line: tokens ``[first, end)`` of the line's tokens."""

    first: int
    end: int
    numbers: int


# --------------------------------------------------------------------------
# Reading


def read(source: Source) -> Table:
    """Rows, title and organisation of a PDF-extracted table."""
    set_aside: list[str] = []
    lines, title, organization, columns, unit = _content(source, set_aside)
    header = next(
        (h for h in source.text[:200_000].split("\n", 2000) if _is_column_header(h.strip())),
        None,
    )
    breaks = frozenset(index for index, line in enumerate(lines) if line.after_break)
    why = side_by_side([line.text for line in lines], header, breaks)
    if why is not None:
        raise ReadError(
            f"{SIDE_BY_SIDE} ({why}), as pdftotext -layout, pdfplumber extract_text() and "
            f"a copy from a PDF viewer give it: a wrapped cell cannot be followed; {EXTRACT_ADVICE}"
        )
    events = _Scanner(lines, max(len(columns), len(AMOUNT_COLUMNS))).scan()
    _drop_notes(events)
    anchors = [event for event in events if isinstance(event, _Anchor)]
    if not anchors:
        if lines:
            raise ReadError(
                "no table rows found in the PDF text: expected 合计, unit and project "
                "names (projects indented) followed by their amounts"
            )
        table = Table(rows=[], title=title, organization=organization)
        table.amount_unit = unit
        table.set_aside.extend(set_aside)
        return table
    orphans = _assign(events, _cells(events))
    rows = [_row(source, anchor, columns) for anchor in anchors]
    table = Table(rows=rows, title=title, organization=organization)
    table.amount_unit = unit
    table.set_aside.extend(set_aside)
    if "carryover" in columns:
        table.unread.extend(_place_by_subtotals(source, rows, anchors, columns))
    for run in orphans:
        text = _join(source, [piece for cell in run for piece in cell.pieces])
        if text is not None:
            table.orphans.append(text)
    return table


def _drop_notes(events: list[_Anchor | _Piece]) -> None:
    """Drop a note or signature printed under the table (``注：本表…``,
    ``填报人：… 联系电话：…``): from a line starting with such a label, after
    the last row's last clause is complete, to the end. It does not continue
    that clause's value."""
    last = max((i for i, e in enumerate(events) if isinstance(e, _Anchor)), default=-1)
    tail = ""
    clauses = False
    for index in range(last + 1, len(events)):
        piece = events[index]
        assert isinstance(piece, _Piece)
        if clauses and note_label(piece.text) and _clause_ended(tail):
            del events[index:]
            return
        tail = (tail + piece.text)[-_TAIL:]
        clauses = clauses or _starts_indicators(tail) or bool(clause_numbers(tail))


def _clause_ended(text: str) -> bool:
    """Whether ``text`` ends with a complete clause: one with a value that
    ends in ``。``, or whose annual value is written and nothing begun after."""
    text = text.rstrip()
    if text.endswith(tuple(_ENDS_SENTENCE)):
        return _has_value(text)
    return _value_complete(text)


def _content(
    source: Source, set_aside: list[str] | None = None
) -> tuple[list[_Line], str | None, str | None, tuple[str, ...], str | None]:
    """The lines that carry rows: page header blocks, page numbers and blank
    lines dropped. Also the title, organisation, amount columns and the
    amount unit the heading states (``单位：元``). A 部门整体支出绩效目标表
    after the table (its title line) is no part of the last project's cell:
    its lines, to the next column header, are left out, where they begin
    added to ``set_aside``."""
    starts, raw_lines, numbers = _split_lines(source.text)
    stripped = [line.strip() for line in raw_lines]
    blocks = _header_blocks(stripped)
    header_at = next(
        (i for i, s in enumerate(stripped) if i in blocks or _is_column_header(s)), None
    )
    title: str | None = None
    organization: str | None = None
    unit: str | None = None
    columns: tuple[str, ...] = AMOUNT_COLUMNS
    preamble: set[str] = set()
    leading = 0  # lines before this one, above the title block, are cell text
    if header_at is not None:
        columns = _amount_columns(
            " ".join(stripped[header_at : blocks.get(header_at, header_at + 1)])
        )
        leading = _leading_text_end(stripped, header_at)
        before = [s for s in stripped[leading:header_at] if s]
        if len(before) > MAX_PREAMBLE_LINES or any(_PRINTED_TOKEN.search(s) for s in before):
            header_at = None  # rows above the first header we know: no preamble
            leading = 0
        else:
            preamble = {s for s in before if not _BARE_NUMBER.fullmatch(s)}
            title = _preamble_title(before)
    fragments = _header_fragments(stripped, preamble, header_at)
    fragments.update(i for first, end in blocks.items() for i in range(first, end))
    page_numbers = _bare_page_numbers(raw_lines, stripped, preamble, fragments)
    content: list[_Line] = []
    title_open = False
    broken = False  # a column header repeated at a page break was just dropped
    department = False  # in a 部门整体支出绩效目标表 after the table
    for index, raw in enumerate(raw_lines):
        start = starts[index]
        text = stripped[index]
        if not text:
            continue
        if department:
            if not _is_column_header(text):
                continue
            department = False  # the projects' table again
        elif (header_at is None or index > header_at) and whole_title(text):
            department = True
            if set_aside is not None:
                set_aside.append(f"line {numbers[index]}")
            continue
        if (
            unit is None
            and "单位" in text
            and (index < (header_at or 0) or _page_header(text, preamble))
        ):
            unit = stated_unit(text)
        if header_at is not None and leading <= index < header_at:
            name = organization_name(text)
            if name is not None and organization is None:
                organization = name or None
            continue
        if names_title(text):
            title = title or text
            title_open = _unclosed(text)
            continue
        name = organization_name(text)
        if name is not None:
            organization = organization or name or None
            continue
        if _page_header(text, preamble) or index in fragments or index in page_numbers:
            broken = broken or _is_column_header(text) or index in fragments
            continue
        if title_open and len(text) <= 16 and ("）" in text or ")" in text):
            title_open = False
            if title is not None and _unclosed(title):
                title += text
            continue
        title_open = False
        lead = len(raw) - len(raw.lstrip())
        indent = raw[:lead]
        indented = lead >= INDENT or "\t" in indent or "\u3000" in indent
        content.append(_Line(numbers[index], start + lead, text, indented, _width(indent), broken))
        broken = False
    return content, title, organization, columns, unit


_LINE_BREAK = re.compile(r"\n|(?<=[^\n])(?=\f)")


def _split_lines(text: str) -> tuple[list[int], list[str], list[int]]:
    """The text's lines, where each starts and its line number in the file.
    A form feed (a page break) ends a line wherever it stands: an extractor
    that ends a page's text without a newline (pypdfium2) puts the next
    page's first line, after the form feed, on the last line of the page
    before. The form feed opens the line after it, as pdftotext prints it."""
    starts: list[int] = []
    lines: list[str] = []
    numbers: list[int] = []
    position = 0
    number = 1
    for match in _LINE_BREAK.finditer(text):
        starts.append(position)
        lines.append(text[position : match.start()])
        numbers.append(number)
        if match.group():
            number += 1
        position = match.end()
    starts.append(position)
    lines.append(text[position:])
    numbers.append(number)
    return starts, lines, numbers


def _header_blocks(stripped: list[str]) -> dict[int, int]:
    """Column headers wrapped over several lines (``财政专户拨`` / ``款``):
    the first line's index and the index after the last of each."""
    blocks: dict[int, int] = {}
    index = 0
    count = len(stripped)
    while index < count:
        if stripped[index].startswith("项"):
            end = header_block(stripped, index)
            if end is not None and end > index + 1:
                blocks[index] = end
                index = end
                continue
        index += 1
    return blocks


def _leading_text_end(stripped: list[str], header_at: int) -> int:
    """Where the title block above the first column header begins: an
    excerpt may open with the cell text of a project it does not show (a
    goal's tail, clauses) before it. Lines up to the first line of the block
    (the title, 部门名称, 单位：万元, a page number) are that text when one of
    them reads as cell text (a clause, a value keyword, a sentence's punctuation);
    a title wrapped over lines reads as none."""
    first_block = next(
        (i for i in range(header_at) if stripped[i] and _title_block_line(stripped[i])),
        header_at,
    )
    if any(_cell_like(text) for text in stripped[:first_block] if text):
        return first_block
    return 0


def _title_block_line(text: str) -> bool:
    return bool(
        names_title(text)
        or CONTINUED_MARK_RE.fullmatch(text)
        or organization_name(text) is not None
        or UNIT_OF_MEASURE_RE.match(text)
        or _page_mark(text)
    )


_SENTENCE_MARKS = re.compile(r"[。，；;,]")


def _cell_like(text: str) -> bool:
    """A line that reads as a cell's text, not a piece of a title."""
    return bool(clause_start(text) or has_keyword(text) or _SENTENCE_MARKS.search(text))


def _page_header(text: str, preamble: set[str]) -> bool:
    """A line of the block repeated at every page break: the title,
    部门名称/单位名称, 单位：万元, the column header, a page number, and
    the ``续表`` mark of a table carried over."""
    return bool(
        names_title(text)
        or CONTINUED_MARK_RE.fullmatch(text)
        or organization_name(text) is not None
        or UNIT_OF_MEASURE_RE.match(text)
        or _is_column_header(text)
        or text in preamble
        or _page_mark(text)
    )


def _bare_page_numbers(
    raw_lines: list[str], stripped: list[str], preamble: set[str], fragments: set[int]
) -> set[int]:
    """Lines of a bare page number (``3``, the commonest footer): a line of
    1–4 digits alone followed by a page break, that is a form feed (what a
    PDF text extractor prints after every page) or the repeated page header
    block (the title, 单位名称, the column header), with only blank lines
    between. Digits wrapped onto a line of their own inside a cell (``9`` /
    ``0%``) stand before more cell text, or before the page number, and are
    kept; so are digits right after the header block, where the cell the page
    before began goes on."""
    found: set[int] = set()
    count = len(stripped)
    for index, text in enumerate(stripped):
        if not _BARE_NUMBER.fullmatch(text):
            continue
        raw = raw_lines[index]
        if "\f" in raw[raw.index(text[-1]) :]:
            found.add(index)  # ``3\f``: the form feed after the number
            continue
        at = index + 1
        while at < count and not stripped[at] and "\f" not in raw_lines[at]:
            at += 1
        if at == count:
            continue
        following = raw_lines[at]
        if not stripped[at] or following.lstrip(" \t")[:1] == "\f":
            # A form feed: unless the next page opens with the page number.
            top = at + 1 if not stripped[at] else at
            while top < count and not stripped[top]:
                top += 1
            if top == count or not _BARE_NUMBER.fullmatch(stripped[top]):
                found.add(index)
        elif at in fragments or (
            _page_header(stripped[at], preamble) and not _page_mark(stripped[at])
        ):
            found.add(index)
    return found


def _header_fragments(stripped: list[str], preamble: set[str], header_at: int | None) -> set[int]:
    """Lines that are pieces of a column header wrapped over lines, cut at
    any place (``项目名称（资金`` / ``使用单位）``, ``财政专户`` / ``拨款``, above
    or below the rest of the header): runs of lines made of nothing but
    pieces of column names that, joined, hold a column word no cell text is
    made of alone (``财政专户``), or that stand right above or below a column
    header line which is cut itself or which they complete with the run on
    its other side. A piece that also ends many a name (``项目``, ``资金``)
    stays text when it merely borders a whole column header."""
    lines = [i for i in range(header_at + 1 if header_at is not None else 0, len(stripped))]
    kinds: list[tuple[int, str]] = []
    for index in lines:
        text = stripped[index]
        if not text:
            continue
        if _is_column_header(text):
            kind = "column"
        elif header_pieces([text]):
            kind = "piece"
        elif _page_header(text, preamble):
            kind = "page"
        else:
            kind = "text"
        kinds.append((index, kind))
    # 总计 alone between pieces is the header's 总计 cut off on its own line.
    for at in range(1, len(kinds) - 1):
        if (
            _is_total(stripped[kinds[at][0]])
            and kinds[at - 1][1] == "piece"
            and kinds[at + 1][1] == "piece"
        ):
            kinds[at] = (kinds[at][0], "piece")
    runs: list[tuple[list[int], int | None, int | None]] = []
    position = 0
    while position < len(kinds):
        if kinds[position][1] != "piece":
            position += 1
            continue
        end = position
        while end < len(kinds) and kinds[end][1] == "piece":
            end += 1
        before = position - 1 if position and kinds[position - 1][1] == "column" else None
        after = end if end < len(kinds) and kinds[end][1] == "column" else None
        runs.append(([kinds[k][0] for k in range(position, end)], before, after))
        position = end
    around: dict[int, list[str]] = {}  # column header line -> pieces on both sides
    for run, before, after in runs:
        for column in (before, after):
            if column is not None:
                around.setdefault(column, []).extend(stripped[i] for i in run)
    found: set[int] = set()
    for run, before, after in runs:
        if names_a_column([stripped[i] for i in run]) or any(
            column is not None
            and (_cut(stripped[kinds[column][0]]) or names_a_column(around[column]))
            for column in (before, after)
        ):
            found.update(run)
    return found


def _cut(header: str) -> bool:
    """Whether a column header line holds a piece of a column name."""
    return any(token not in _HEADER_TOKENS for token in header.split())


def _is_column_header(text: str) -> bool:
    if not text:
        return False
    compact = "".join(text.split())
    words = len(COLUMN_WORDS_RE.findall(compact))
    if compact.startswith("项目名称") and words >= 2:
        return True
    tokens = text.split()
    return len(tokens) >= 3 and all(token in _HEADER_TOKENS for token in tokens)


def _amount_columns(header: str) -> tuple[str, ...]:
    """The amount columns a header names, in order (all four when unclear)."""
    compact = "".join(header.split())
    found: list[tuple[int, str]] = []
    for column, names in (
        ("total", ("总计", "合计金额", "金额合计")),
        ("fiscal", ("财政拨款",)),
        ("special", ("财政专户",)),
        ("other", ("其他资金",)),
        ("carryover", ("上年结转", "结转资金", "结转结余")),
    ):
        positions = [compact.find(name) for name in names if name in compact]
        if positions:
            found.append((min(positions), column))
    if len(found) < 2 or found[0][1] != "total":
        return AMOUNT_COLUMNS
    return tuple(column for _, column in sorted(found))


def _preamble_title(before: list[str]) -> str | None:
    for index, text in enumerate(before):
        if not names_title(text):
            continue
        # A title wrapped before its end: ``…2024年项目支`` / ``出绩效目标表…``.
        if index and "项目支出" not in text:
            previous = before[index - 1]
            if not ORGANIZATION_RE.match(previous) and "项目支出" in previous[-4:] + text:
                text = previous + text
        if _unclosed(text) and index + 1 < len(before):
            following = before[index + 1]
            if len(following) <= 16 and ("）" in following or ")" in following):
                text += following
        return text
    return None


def _unclosed(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _name_like(text: str, inside: bool = False) -> bool:
    """Whether ``text`` can be (a line of) a name: no sentence punctuation
    outside brackets. What a name's brackets enclose is a note on the project
    (``…经费（机关本级，含莞城、东城街道）``) and may hold a comma or a colon;
    ``inside``: the line goes on in a bracket the name's earlier lines opened."""
    return (
        bool(text)
        and len(text) <= MAX_NAME_CHARS
        and not _NOT_NAME.search(outside_brackets(text, inside))
        and not clause_number(text)
    )


def _width(text: str) -> int:
    """Printed width: two for a CJK or full-width character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _has_value(text: str) -> bool:
    """Whether the last clause in ``text`` has a value keyword."""
    starts = [match.end() for match in clause_numbers(text)]
    rest = text[starts[-1] :] if starts else text
    return any(word in rest for word in _VALUE_WORDS)


def _value_complete(text: str) -> bool:
    """Whether ``text`` ends a clause: its last keyword is the annual value
    (or a 目标值) and a value follows it, with no further field begun."""
    at, word = max((text.rfind(word), word) for word in _FINAL_WORDS)
    if at < 0:
        return False
    rest = text[at + len(word) :].lstrip(" :：")
    return bool(rest.rstrip("。. ")) and not _FIELD_BEGUN.search(rest) and not clause_numbers(rest)


def _is_total(text: str) -> bool:
    return "".join(text.split()) in GRAND_TOTAL_NAMES


def _amount_with_letter(token: str) -> bool:
    """Whether ``token`` is a printed amount with one letter typed in it
    (``48.0O``, ``1,286.4O``, ``4B.00``): with a digit for the letter it is
    an amount printed with two decimals or thousands separators."""
    letters = _LATIN.findall(token)
    if len(letters) != 1:
        return False
    mended = token.replace(letters[0], "0")
    return bool(_AMOUNT.fullmatch(mended) and _PRINTED.search(mended))


def _bare(token: str) -> str:
    """An amount token without the 万元 printed after it (``1,320.00万元``: the
    table's unit written in each cell)."""
    return token[:-2] if token.endswith("万元") and token[-3:-2].isdigit() else token


def _number_like(token: str) -> bool:
    return bool(_AMOUNT.fullmatch(_bare(token))) or _amount_with_letter(token)


# --------------------------------------------------------------------------
# The line pass: anchors (names with amounts) and pieces of cell text


class _Scanner:
    def __init__(self, lines: list[_Line], width: int = len(AMOUNT_COLUMNS)) -> None:
        self.lines = lines
        self.width = width
        """Most amounts a row prints: the header's amount columns."""
        self.events: list[_Anchor | _Piece] = []
        self.name: list[_Piece] | None = None
        self.name_widths: list[int] = []
        self.column_width = 0
        """Widest full line of a wrapped name so far: the name column's width."""
        self.last_anchor: _Anchor | None = None
        self.rests: dict[int, int] = {}

    def scan(self) -> list[_Anchor | _Piece]:
        self.rests = _goal_rests(self.lines)
        for index, line in enumerate(self.lines):
            if self.name is not None and self._continue_name(index, line):
                continue
            self._line(index, line)
        if self.name is not None:
            self._name_without_amounts()
        return self.events

    # -- helpers

    def _lookahead(self, index: int) -> str:
        """This line and the start of the next: clause 1 and its category can
        be wrapped apart (``1、1-产出指`` / ``标；``)."""
        parts = [self.lines[index].text]
        size = len(parts[0])
        for following in self.lines[index + 1 : index + 8]:
            if size >= _LOOKAHEAD:
                break
            parts.append(following.text[:_LOOKAHEAD])
            size += len(parts[-1])
        return "".join(parts)

    def _tokens(self, line: _Line) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line.text)]

    def _runs(self, tokens: list[tuple[int, int, str]]) -> list[_Run]:
        """Runs of amounts: space-separated numbers, one at least printed as
        an amount (two decimals or thousands separators), or two or more each
        with a decimal point (``10.5300 10.5300``), blank-cell dashes
        inside. A printed amount with a stray letter in it (``48.0O``) counts
        in a run with a true one: it is a bad amount (for ``amount-format``),
        not the end of a name or the start of a goal."""
        runs: list[_Run] = []
        index = 0
        count = len(tokens)
        while index < count:
            if not _number_like(tokens[index][2]):
                index += 1
                continue
            end = index
            numbers = 0
            decimals = 0
            formatted = False
            true = False
            while end < count:
                token = tokens[end][2]
                bare = _bare(token)
                if _AMOUNT.fullmatch(bare):
                    numbers += 1
                    true = True
                    formatted = formatted or bool(_PRINTED.search(bare))
                    decimals += "." in token
                elif _amount_with_letter(token):
                    numbers += 1
                    formatted = True
                elif token not in _PLACEHOLDERS:
                    break
                end += 1
            while end > index + 1 and tokens[end - 1][2] in _PLACEHOLDERS:
                end -= 1
            # Amounts printed with another number of decimals (10.5300 10.5300,
            # 18.0 18.0: amount-format's finding) are a row's amounts when two
            # or more stand together, each with its decimal point.
            formatted = formatted or (numbers >= 2 and decimals == numbers)
            if formatted and true:
                first = max(index, end - self.width)
                runs.append(_Run(first, end, numbers))
            index = end
        return runs

    def _piece(self, line: _Line, start: int, end: int | None = None, **kw: bool) -> _Piece:
        text = line.text[start:end].strip()
        lead = len(line.text[start:]) - len(line.text[start:].lstrip())
        return _Piece(line.number, line.offset + start + lead, text, **kw)

    def _amounts(
        self, line: _Line, tokens: list[tuple[int, int, str]], run: _Run
    ) -> list[tuple[str, int]]:
        return [(tokens[i][2], line.offset + tokens[i][0]) for i in range(run.first, run.end)]

    def _emit_rest(self, line: _Line, tokens: list[tuple[int, int, str]], run: _Run) -> None:
        if run.end < len(tokens):
            self.events.append(self._piece(line, tokens[run.end][0], after_amounts=True))

    def _anchor(
        self, kind: str, name: list[_Piece], amounts: list[tuple[str, int]], line: int
    ) -> _Anchor:
        anchor = _Anchor(kind, name, amounts, line)
        self.events.append(anchor)
        self.last_anchor = anchor
        return anchor

    # -- names

    def _continue_name(self, index: int, line: _Line) -> bool:
        """Add ``line`` to the name being read; False when it is no part of it."""
        assert self.name is not None
        if line.indented or _indicator_start(self._lookahead(index)):
            self._name_without_amounts()
            return False
        tokens = self._tokens(line)
        run = self._pick(self._runs(tokens))
        prefix = line.text[: tokens[run.first][0]].strip() if run else line.text
        if prefix and not _name_like(prefix, _unclosed("".join(p.text for p in self.name))):
            self._name_without_amounts()
            return False
        if run is None:
            if len(self.name) >= MAX_NAME_LINES:
                self._name_without_amounts()
                return False
            self.name.append(self._piece(line, 0))
            self.name_widths.append(_width(line.text))
            return True
        if prefix:
            self.name.append(self._piece(line, 0, tokens[run.first][0]))
        # Every line of a name but its last is as wide as the column.
        self.column_width = max(self.column_width, *self.name_widths)
        name, self.name = self.name, None
        self._anchor("project", name, self._amounts(line, tokens, run), name[0].line)
        self._emit_rest(line, tokens, run)
        return True

    def _name_without_amounts(self) -> None:
        """A name never followed by amounts: keep its first line as the name
        (the rest is cell text), unless it stands where a goal is expected,
        i.e. it is an indented first line of a goal."""
        pending, self.name = self.name or [], None
        if not pending:
            return
        previous = self.events[-1] if self.events else None
        if isinstance(previous, _Anchor) and previous.kind == "project":
            self.events.extend(pending)
            return
        self._anchor("project", pending[:1], [], pending[0].line)
        self.events.extend(pending[1:])

    @staticmethod
    def _pick(runs: list[_Run]) -> _Run | None:
        """The amounts of a name line: the first run of two or more numbers,
        else the first run of one."""
        for run in runs:
            if run.numbers >= 2:
                return run
        return runs[0] if runs else None

    # -- everything else

    def _line(self, index: int, line: _Line) -> None:
        text = line.text
        tokens = self._tokens(line)
        runs = self._runs(tokens)
        # 合计 (or 总计), with its amounts on this line or the next.
        run = self._pick(runs)
        before = text[: tokens[run.first][0]] if run else text
        if _is_total(before) and (run is None or run.end == len(tokens)):
            end = tokens[run.first][0] if run else None
            amounts = self._amounts(line, tokens, run) if run else []
            self._anchor("total", [self._piece(line, 0, end)], amounts, line.number)
            return
        if (
            line.indented
            and _name_like(before.strip())
            and not _indicator_start(self._lookahead(index))
        ):
            self.name = [self._piece(line, 0, end=tokens[run.first][0] if run else None)]
            self.name_widths = [line.indent + _width(line.text)]
            if run is not None:
                name, self.name = self.name, None
                self._anchor("project", name, self._amounts(line, tokens, run), line.number)
                self._emit_rest(line, tokens, run)
            return
        run = self._unit_run(runs, tokens, text)
        if run is not None and self._unit(line, tokens, run):
            return
        end = self.rests.get(index)
        if end is not None:
            self.events.append(self._piece(line, 0, end, goal_rest=True))
            if end < len(text):
                self.events.append(self._piece(line, end))
            return
        self.events.append(self._piece(line, 0))

    @staticmethod
    def _unit_run(runs: list[_Run], tokens: list[tuple[int, int, str]], text: str) -> _Run | None:
        """Amounts that make an unindented line a unit's (or its name's end):
        a name-like text before them, and either nothing after them or a
        run of two amounts at least (a one-line goal may follow)."""
        for run in runs:
            prefix = text[: tokens[run.first][0]].strip()
            if prefix and not _name_like(prefix):
                continue
            if run.end == len(tokens) or run.numbers >= 2:
                return run
        return None

    def _unit(self, line: _Line, tokens: list[tuple[int, int, str]], run: _Run) -> bool:
        prefix = self._piece(line, 0, tokens[run.first][0])
        name = self._unit_name_before(bool(prefix.text))
        if prefix.text:
            name.append(prefix)
        if not name:
            return self._orphan_amounts(line, tokens, run)
        kind = "project" if run.end < len(tokens) else "unit"
        self._anchor(kind, name, self._amounts(line, tokens, run), name[0].line)
        self._emit_rest(line, tokens, run)
        return True

    def _unit_name_before(self, has_prefix: bool) -> list[_Piece]:
        """The start of a wrapped unit name: name-like lines just before its
        amounts, after 合计 or a unit row, after the end of a sentence, or, when
        they are as wide as the name column (or the amounts stand alone on
        their line), after a project row or a complete clause
        (``年度指标值:0事故``)."""
        events = self.events
        best = 0
        low, high = 0.7 * self.column_width, 1.3 * self.column_width
        for count in range(1, MAX_UNIT_NAME_LINES + 1):
            if count > len(events):
                break
            piece = events[-count]
            if (
                not isinstance(piece, _Piece)
                or piece.after_amounts
                or len(piece.text) > MAX_NAME_CHARS // 2
                or not _name_like(piece.text)
            ):
                break
            if not _LETTER.search(piece.text):
                continue  # a name starts with a letter, not ``1184`` or ``）``
            before = events[-count - 1] if count < len(events) else None
            if (
                before is None
                or (isinstance(before, _Anchor) and before.kind != "project")
                or (isinstance(before, _Piece) and before.text.endswith(("。", "；", ";")))
            ):
                best = count
                continue
            # Amounts alone on their line need a name: the line before.
            if count == 1 and not has_prefix:
                best = count
                continue
            # After a project (older layout: its text came before its name)
            # or a complete clause: only lines as wide as the name column.
            block = events[-count:]
            full = block if has_prefix else block[:-1]
            if not full or not all(
                isinstance(p, _Piece) and low <= _width(p.text) <= high for p in full
            ):
                continue
            if isinstance(before, _Anchor) or _value_complete(self._text_before(count)):
                best = count
        if not best:
            return []
        name = [p for p in events[-best:] if isinstance(p, _Piece)]
        del events[-best:]
        if len(name) + has_prefix > 1:
            widths = [_width(p.text) for p in (name if has_prefix else name[:-1])]
            self.column_width = max(self.column_width, *widths, 0)
        return name

    def _text_before(self, count: int) -> str:
        """The end of the text before the last ``count`` events."""
        parts: list[str] = []
        size = 0
        events = self.events
        for index in range(len(events) - count - 1, -1, -1):
            event = events[index]
            if not isinstance(event, _Piece) or size >= _TAIL:
                break
            parts.append(event.text)
            size += len(event.text)
        return "".join(reversed(parts))[-_TAIL:]

    def _orphan_amounts(self, line: _Line, tokens: list[tuple[int, int, str]], run: _Run) -> bool:
        """Amounts with no name before them: the latest row still without
        amounts gets them (``合计`` / ``830.47 830.47``); otherwise it is text."""
        anchor = self.last_anchor
        if anchor is None or anchor.amounts:
            return False
        anchor.amounts = self._amounts(line, tokens, run)
        self._emit_rest(line, tokens, run)
        return True


# --------------------------------------------------------------------------
# Cells and who gets them


def _cells(events: list[_Anchor | _Piece]) -> list[tuple[int, _Cell]]:
    """The cells of text, each with the number of anchors before it."""
    cells: list[tuple[int, _Cell]] = []
    anchors_before = 0
    current: _Cell | None = None
    count = len(events)
    index = 0
    while index < count:
        event = events[index]
        index += 1
        if isinstance(event, _Anchor):
            anchors_before += 1
            current = None
            continue
        piece = event
        if (
            piece.goal_rest
            and current is not None
            and (current.kind == "indicators" or _clause_text(current.tail))
        ):
            # The row's indicators had begun (in a cell of their own, or
            # still in the goal's, to be cut out of it): set apart, the
            # indicator cell it was cut from goes on after it.
            cells.append((anchors_before, _Cell("rest", [piece])))
            continue
        look = _ahead(events, index, piece.text, _LOOKAHEAD)
        # Far enough to see clause 1's first value keyword after its name.
        wide = _ahead(events, index, piece.text, _KEYWORD_REACH + _LOOKAHEAD)
        if current is None:
            kind = "indicators" if _starts_indicators(wide) else "goal"
            current = _Cell(kind, [])
            cells.append((anchors_before, current))
        elif current.kind == "goal":
            ended = current.pieces[-1].text.endswith(tuple(_ENDS_SENTENCE))
            if (
                _indicator_start(look)
                or _keyword_start(wide)
                or (_LOOSE_START.match(look) and current.pieces[-1].text.endswith("。"))
                # 一、产出指标 alone on its line, 产出指标：数量指标：… after the goal's end
                or (ended and categories_start(piece.text))
            ):
                current = _Cell("indicators", [])
                cells.append((anchors_before, current))
        else:
            if _boundary(current, look, wide):
                kind = "indicators" if _starts_indicators(wide) else "goal"
                current = _Cell(kind, [], guessed=kind == "goal")
                cells.append((anchors_before, current))
        if current.guessed and len(cells) > 1 and _clause_text(current.tail + piece.text):
            # Not a goal after all: the rest of the indicator cell before it.
            cells.pop()
            previous = cells[-1][1]
            previous.pieces.extend(current.pieces)
            previous.tail = (previous.tail + current.tail)[-_TAIL:]
            current = previous
        if current.kind == "goal":
            split = _inline_indicators(piece, wide)
            if split is not None:
                head, rest = split
                if head.text:
                    current.pieces.append(head)
                current = _Cell("indicators", [])
                cells.append((anchors_before, current))
                piece = rest
        current.pieces.append(piece)
        current.tail = (current.tail + piece.text)[-_TAIL:]
    return cells


_GOAL_REST_LINES = 40
_NOT_GOAL_REST = re.compile(r"指标|值\s*[:：]|[\d０-９%％≥≤<>＜＞]")
"""What the rest of a goal holds none of: indicator words, a value, a number
(a goal's rest with a number in it is left where it stands)."""
_REST_SPLIT = re.compile(r"。\s+(?=\S)")


def _goal_rests(lines: list[_Line]) -> dict[int, int]:
    """Where the rest of a goal cut by a page break ends, by line index.

    A row-order extraction (``pdftotext -raw``, pypdfium2) of a row cut by a
    page break prints, under the repeated header, the rest of the goal and
    then the rest of the indicator cell, both on the line where the goal's
    rest ends: ``正常运行，提升校园安全防范能力。 年度指标值：≤600元/个。3、…``.
    The goal's rest is what stands, from the line right after the header,
    up to a ``。`` followed by a space and indicator text (a value keyword, a
    category, the rest of a number), or a line ending in ``。`` before a line
    of such text, when it is prose: no indicator word, no value, no number.
    It is set apart only when the row's indicators had begun on the page
    before (:func:`_cells`), and ends the goal only when the goal was left
    without the end of its sentence (:func:`_place_rests`)."""
    rests: dict[int, int] = {}
    for index, line in enumerate(lines):
        if not line.after_break:
            continue
        seen = ""
        for at in range(index, min(index + _GOAL_REST_LINES, len(lines))):
            text = lines[at].text
            if at > index and (lines[at].after_break or lines[at].indented):
                break
            match = _REST_SPLIT.search(text)
            head = seen + (text[: match.end()] if match else text)
            if not _LETTER.match(head) or _NOT_GOAL_REST.search(head) or clause_numbers(head):
                break
            if match is not None:
                rest = text[match.end() :]
                end = match.start() + 1
            elif text.endswith("。") and at + 1 < len(lines):
                rest = lines[at + 1].text  # the cells' rests on lines of their own
                end = len(text)
            else:
                seen = head
                continue
            if _indicator_rest(rest):
                for between in range(index, at):
                    rests[between] = len(lines[between].text)
                rests[at] = end
            break
    return rests


def _indicator_rest(text: str) -> bool:
    """Whether text reads as the rest of an indicator cell: a keyword or a
    category within its first words, or the rest of a value or a number."""
    return "指标" in text[:30] or bool(_COMPARATOR.match(text)) or text.startswith(_CONTINUES)


def _ahead(events: list[_Anchor | _Piece], index: int, text: str, reach: int) -> str:
    """``text`` and the start of the pieces from ``events[index]`` on, up to
    the next row, until ``reach`` characters are seen."""
    parts = [text]
    size = len(text)
    for following in events[index : index + 8]:
        if size >= reach or not isinstance(following, _Piece):
            break
        parts.append(following.text[:reach])
        size += len(parts[-1])
    return "".join(parts)


def _clause_text(text: str) -> bool:
    """Whether text holds a value keyword or a clause after a sentence."""
    return any(word in text for word in _VALUE_WORDS) or any(
        text[: match.start()].rstrip().endswith(("。", "；", ";"))
        and clause_start(text, match.start())
        for match in clause_numbers(text)
    )


def _indicator_start(text: str, position: int = 0) -> bool:
    """Whether an indicator cell starts at ``position``: clause 1, as the
    clause grammar reads a clause start."""
    match = clause_start(text, position)
    return match is not None and number_value(match) == 1


def _keyword_start(text: str, position: int = 0) -> bool:
    """Whether clause 1 starts at ``position`` without its categories: its
    number followed, within the clause, by a value keyword
    (``1、监督检查户次；实施周期指标值:…``), which the grammar reads as a
    clause (a number, a name, its values). Within the clause means within
    :data:`_KEYWORD_REACH` characters, with no other clause number and no
    ``。`` between: a goal that lists its own aims (``1、开展…；2、…。``)
    holds neither keyword before its next number or the end of its sentence."""
    number = clause_number(text, position)
    if number is None or number_value(number) != 1:
        return False
    found = _KEYWORD.search(text, number.end(), number.end() + _KEYWORD_REACH + _KEYWORD_LENGTH)
    if found is None:
        return False
    between = text[number.end() : found.start()]
    return "。" not in between and not clause_numbers(between)


def _starts_indicators(look: str) -> bool:
    return (
        _indicator_start(look)
        or bool(_LOOSE_START.match(look))
        or _keyword_start(look)
        or categories_start(look.split("\n", 1)[0])
    )


def _boundary(cell: _Cell, look: str, wide: str) -> bool:
    """Whether a line after an indicator cell starts a cell of its own: clause
    1 again, or, after a complete clause, text that does not continue it (a
    sentence, when the clause did not end in ``。``). A goal cell begun so is
    only a guess: if it stays with the same row it is the end of the
    indicators again (see :func:`_mark_roles`)."""
    if (
        look.startswith(_CONTINUES)
        or look.lstrip().startswith(_VALUE_KEYWORDS)
        or _DECIMAL_START.match(look)
        or categories_start(look.split("\n", 1)[0])  # the next heading of an outline
    ):
        return False
    number = clause_number(look)
    if number is not None and number_value(number) != 1:
        return False
    if _indicator_start(look) or _keyword_start(wide):
        return True
    tail = cell.tail.rstrip()
    if tail.endswith(tuple(_ENDS_SENTENCE)):
        return _has_value(tail)
    if not _value_complete(tail):
        return False
    first = _SENTENCE_END.split(look, maxsplit=1)[0]
    return not (
        look.startswith(_VALUE_TAILS)
        or not _LETTER.match(look)
        or len(first) < _SENTENCE_MIN
        or _COMPARATOR.search(first)
        or _clause_text(look)
    )


def _inline_indicators(piece: _Piece, wide: str) -> tuple[_Piece, _Piece] | None:
    """A goal and the indicators printed on one line: ``…水平。1、1-产出指标；…``
    (``wide`` is the piece's text and the start of the text after it)."""
    text = piece.text
    for match in clause_numbers(text):
        at = match.start()
        head = text[:at].rstrip()
        if head.endswith(_INLINE_AFTER) and (
            _indicator_start(text, at) or _keyword_start(wide, at)
        ):
            rest = _Piece(piece.line, piece.offset + at, text[at:], piece.after_amounts)
            return _Piece(piece.line, piece.offset, head), rest
    return None


def _assign(events: list[_Anchor | _Piece], cells: list[tuple[int, _Cell]]) -> list[list[_Cell]]:
    """Give each cell to the row whose name comes before it: a project's goal
    and indicators follow its name row in every layout. The page header
    block is dropped before this pass, so the text at the top of a page
    falls to the last project of the page before, which it continues. A
    unit row that has text after it is a project printed without indent
    (see :func:`_row`). Cells before any row that takes text (the start of
    an excerpt, or text right after 合计) belong to no row shown: they are
    returned, each run of them apart, to be reported. A goal cell right
    after an indicator cell of the same row is the tail of those indicators
    unless the row has no other goal (see :func:`_mark_roles`). Clauses a
    goal cell still holds are taken out of it (see :func:`_swallowed`)."""
    anchors = [event for event in events if isinstance(event, _Anchor)]
    owners: list[_Anchor | None] = []
    owner: _Anchor | None = None
    for anchor in anchors:
        owner = anchor if anchor.kind != "total" else None
        owners.append(owner)
    orphans: list[list[_Cell]] = []
    last_orphan_gap = -1
    for anchors_before, cell in cells:
        taker = owners[anchors_before - 1] if anchors_before else None
        if taker is None:
            if anchors_before != last_orphan_gap:
                orphans.append([])
                last_orphan_gap = anchors_before
            orphans[-1].append(cell)
        else:
            taker.cells.append(cell)
    for anchor in anchors:
        _mark_roles(anchor.cells)
        anchor.cells = _place_rests([part for cell in anchor.cells for part in _swallowed(cell)])
    for run in orphans:
        for cell in run:
            cell.kind = "goal" if cell.kind == "rest" else cell.kind
    return orphans


def _place_rests(cells: list[_Cell]) -> list[_Cell]:
    """A goal's rest printed at the top of a page (see :func:`_goal_rests`)
    ends the row's goal when that goal was left without the end of its
    sentence; otherwise it is indicator text where it stands."""
    goal = next((cell for cell in cells if cell.kind == "goal"), None)
    kept: list[_Cell] = []
    for cell in cells:
        if cell.kind != "rest":
            kept.append(cell)
        elif goal is not None and not goal.pieces[-1].text.endswith(tuple(_ENDS_SENTENCE)):
            goal.pieces.extend(cell.pieces)
        else:
            cell.kind = "indicators"
            kept.append(cell)
    return kept


def _mark_roles(cells: list[_Cell]) -> None:
    """Settle the goal cells that follow an indicator cell of the same row:
    the first is the row's goal if it has no other, the rest are the end of
    those indicators."""
    follows = [
        cell
        for index, cell in enumerate(cells)
        if cell.kind == "goal" and index > 0 and cells[index - 1].kind == "indicators"
    ]
    ids = {id(cell) for cell in follows}
    has_goal = any(cell.kind == "goal" and id(cell) not in ids for cell in cells)
    for cell in follows:
        if has_goal:
            cell.kind = "indicators"
        else:
            has_goal = True


def _swallowed(cell: _Cell) -> list[_Cell]:
    """A goal cell that holds a value keyword, cut before the clause it
    belongs to: the goal, then an indicator cell from that clause on. No
    goal states ``实施周期指标值`` or ``年度指标值``; a goal cell that holds one
    ran on past an indicator cell's start that was not recognised (a clause
    number lost, a clause 1 of no form the cell boundary knows), and the
    clauses must reach the parser, which reports what is wrong with them,
    rather than pass unread as part of the goal. The clause starts at the
    last clause number before the keyword, or after the last ``。`` when that
    comes later (a clause without its number); with neither, the whole cell
    is indicators."""
    if cell.kind != "goal":
        return [cell]
    text = "".join(piece.text for piece in cell.pieces)
    found = _KEYWORD.search(text)
    if found is None:
        return [cell]
    before = text[: found.start()]
    numbers = clause_numbers(before)
    start = max(numbers[-1].start() if numbers else 0, before.rfind("。") + 1)
    goal: list[_Piece] = []
    indicators: list[_Piece] = []
    seen = 0
    for piece in cell.pieces:
        cut = min(max(start - seen, 0), len(piece.text))
        seen += len(piece.text)
        head, rest = piece.text[:cut], piece.text[cut:]
        if head.strip():
            goal.append(_Piece(piece.line, piece.offset, head.rstrip(), piece.after_amounts))
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            indicators.append(
                _Piece(piece.line, piece.offset + cut + lead, rest.strip(), piece.after_amounts)
            )
    parts = [_Cell("goal", goal)] if goal else []
    return [*parts, _Cell("indicators", indicators)]


# --------------------------------------------------------------------------
# Rows


def _row(source: Source, anchor: _Anchor, columns: tuple[str, ...]) -> Row:
    # Markup copied in with a cell's text (``<p>``, ``&nbsp;``) is removed
    # and kept for ``markup-residue``, as every other reader does.
    markup: list[Markup] = []
    name = _join(source, anchor.name, markup)
    if name is None:
        start = anchor.name[0].offset if anchor.name else 0
        name = Text("", source, ((0, start),))
    goal = _join(source, [p for c in anchor.cells if c.kind == "goal" for p in c.pieces], markup)
    indicators = _join(
        source,
        [p for c in anchor.cells if c.kind == "indicators" for p in c.pieces],
        markup,
        outline=True,
    )
    amounts = amounts_from(
        {
            column: Text(token, source, ((0, offset),))
            for column, (token, offset) in zip(
                _columns_for(len(anchor.amounts), columns), anchor.amounts, strict=True
            )
        }
    )
    kind = anchor.kind
    if kind == "unit" and (goal or indicators):
        kind = "project"
    return Row(
        name=name,
        amounts=amounts,
        goal=goal,
        indicators=indicators,
        line=anchor.line,
        kind=kind,  # type: ignore[arg-type]
        markup=markup,
    )


def _join(
    source: Source,
    pieces: list[_Piece],
    markup: list[Markup] | None = None,
    *,
    outline: bool = False,
) -> Text | None:
    """The text of a cell's pieces; with ``markup``, its markup removed to it.
    Wrapped lines are joined with nothing between them; in an ``outline``
    cell, a heading and each item under headings keep the line break that
    stands before them in the text (see :func:`audit.syntax.outline_breaks`)."""
    builder = TextBuilder(source)
    breaks = outline_breaks([piece.text for piece in pieces]) if outline and pieces else []
    for index, piece in enumerate(pieces):
        if breaks and breaks[index]:
            newline = _line_break_after(source.text, pieces[index - 1])
            if newline is not None:
                builder.add("\n", newline)
        if markup is None:
            builder.add(piece.text, piece.offset)
        else:
            add_without_markup(builder, piece.text, piece.offset, markup)
    if not len(builder):
        return None
    text = builder.build()
    return text.strip() if text.value[:1].isspace() or text.value[-1:].isspace() else text


def _line_break_after(text: str, piece: _Piece) -> int | None:
    """Where the line break after a piece that ends its line stands."""
    position = piece.offset + len(piece.text)
    while position < len(text) and text[position] in " \t\r":
        position += 1
    return position if position < len(text) and text[position] == "\n" else None


def _columns_for(count: int, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns ``count`` printed amounts stand in (see ``_FILL_ORDER``)."""
    if count == len(columns):
        return columns
    if count > len(columns):  # more amounts than the header named
        return AMOUNT_COLUMNS[:count]
    chosen = [c for c in _FILL_ORDER if c in columns][:count]
    return tuple(column for column in columns if column in chosen)


# --------------------------------------------------------------------------
# Amounts of rows with blank cells, placed by the subtotals


class _Placed:
    """A row's printed amounts and the columns they may stand in (the fill
    order's first); ``current`` is the placement read."""

    __slots__ = ("anchor", "current", "options", "row", "values")

    def __init__(self, row: Row, anchor: _Anchor, values: list[Decimal], columns: tuple[str, ...]):
        self.row = row
        self.anchor = anchor
        self.values = values
        default = _columns_for(len(values), columns)
        options = [default]
        if 1 < len(values) < len(columns) and columns[0] == "total" and default[0] == "total":
            for combo in combinations(columns[1:], len(values) - 1):
                if ("total", *combo) != default:
                    options.append(("total", *combo))
        self.options = options
        self.current = default

    def place(self, source: Source, option: tuple[str, ...]) -> None:
        """Read the row's amounts in the columns of ``option``."""
        if option == self.current:
            return
        self.current = option
        self.row.amounts = amounts_from(
            {
                column: Text(token, source, ((0, offset),))
                for column, (token, offset) in zip(option, self.anchor.amounts, strict=True)
            }
        )


def _place_by_subtotals(
    source: Source, rows: list[Row], anchors: list[_Anchor], columns: tuple[str, ...]
) -> list[str]:
    """Place the amounts of rows that print fewer than the header's columns
    in a table with a 上年结转 column, where the fill order cannot tell a third
    amount's column (其他资金 or 上年结转?): per unit, the placement of each
    such row's amounts that makes the unit's subtotal the sum of its projects
    in every column, and 合计 the sum of the units (which tells a unit whose
    own rows fit more than one way). Found by a bounded search (amounts are
    not negative, so a partial sum past its subtotal ends a branch). A
    subtotal that no placement fits is placed as the one that fits all its
    columns but one or two, where only one does (the amount rules report
    those columns). Otherwise, where no placement or more than one fits, or
    the search is cut short, the rows keep the fill order, and a note
    (``line N: why``) says so unless that order adds up as well as any."""
    placed: list[_Placed | None] = []
    for row, anchor in zip(rows, anchors, strict=True):
        values = [_decimal(token) for token, _ in anchor.amounts]
        usable = all(value is not None and value >= 0 for value in values)
        placed.append(
            _Placed(row, anchor, [v for v in values if v is not None], columns) if usable else None
        )
    kinds = classify(rows)
    notes: dict[int, str] = {}
    groups: list[tuple[int, list[int]]] = []  # a subtotal row and the rows it sums
    for index, kind in enumerate(kinds):
        if kind in ("unit", "total"):
            groups.append((index, []))
        elif groups:
            groups[-1][1].append(index)
    open_units: dict[int, list[tuple[str, ...]]] = {}  # unit row: the placements that fit it
    for head, members in groups:  # units, and a 合计 over projects without units
        if members:
            fitting = _place_group(source, placed, head, members, columns, notes)
            if len(fitting) > 1 and kinds[head] == "unit":
                open_units[head] = fitting
    for head, members in groups:  # 合计 over units
        if kinds[head] != "total" or members:
            continue
        units = []
        for index in range(head + 1, len(kinds)):
            if kinds[index] == "total":
                break
            if kinds[index] == "unit":
                units.append(index)
        saved = {}
        for index in units:  # each unit as its own rows place it
            entry = placed[index]
            if entry is not None:
                saved[index] = entry.options
                entry.options = open_units.get(index, [entry.current])
        if units:
            _place_group(source, placed, head, units, columns, notes)
        for index, options in saved.items():
            entry = placed[index]
            assert entry is not None
            entry.options = options
            if index in open_units and entry.current in open_units[index]:
                members = next(m for h, m in groups if h == index)
                notes.pop(index, None)  # told by 合计, or noted anew
                _place_group(source, placed, index, members, columns, notes, entry.current)
    return list(notes.values())


def _decimal(token: str) -> Decimal | None:
    token = _bare(token)
    if not _AMOUNT.fullmatch(token):
        return None
    return Decimal(token.replace(",", ""))


def _place_group(
    source: Source,
    placed: list[_Placed | None],
    head: int,
    members: list[int],
    columns: tuple[str, ...],
    notes: dict[int, str],
    fixed: tuple[str, ...] | None = None,
) -> list[tuple[str, ...]]:
    """Place the amounts of a subtotal row (``head``, in the columns of
    ``fixed`` when given) and the rows it sums. Where more than one placement
    fits, the placements of the subtotal row that fit (for 合计 to tell)."""
    top = placed[head]
    rows = [entry for entry in (placed[i] for i in members) if entry is not None]
    if top is None or len(rows) < len(members):
        return []  # an amount that is no number: the amount rules report it
    if all(len(entry.options) == 1 for entry in (top, *rows)):
        return []  # nothing to tell
    heads = None if fixed is None else [top.options.index(fixed)]
    found: list[int] | None = None
    why = PLACEMENT_NONE
    level = 0
    for strict in (2, 1, 0):  # the likeliest placements first
        if why == PLACEMENT_NONE:
            found, why = _search(top, rows, columns, strict, heads=heads)
            level = strict
    if why == PLACEMENT_NONE and fixed is None:  # a subtotal truly off: in which column?
        found = _columns_off(top, rows, columns)
    if found is None:
        if fixed is not None:
            top.place(source, fixed)
        if why != PLACEMENT_MANY or not _adds_up(top, rows, columns):
            notes[head] = f"line {top.row.line}: {why}"
        if why != PLACEMENT_MANY or fixed is not None:
            return []
        budget = [MAX_PLACEMENT_STEPS]
        fitting = []
        for index, option in enumerate(top.options):
            _, told = _search(top, rows, columns, level, heads=[index], budget=budget)
            if told == PLACEMENT_CAPPED:
                return []
            if told in ("", PLACEMENT_MANY):
                fitting.append(option)
        return fitting  # the fill order: where it adds up, as likely as any
    for entry, choice in zip([top, *rows], found, strict=True):
        entry.place(source, entry.options[choice])
    return []


def _columns_off(top: _Placed, rows: list[_Placed], columns: tuple[str, ...]) -> list[int] | None:
    """The placement that makes ``top`` the sum of the rows in every column
    but one or two (a subtotal off there, as a typo leaves 总计 and the column
    typed in: the amount rules report them), when there is one and only one
    for the fewest columns off; the likeliest placements first."""
    budget = [MAX_PLACEMENT_STEPS]
    for strict in (2, 1, 0):
        for size in (1, 2):
            found: list[list[int]] = []
            for skip in combinations(range(len(columns)), size):
                placement, why = _search(top, rows, columns, strict, frozenset(skip), budget)
                if why in (PLACEMENT_MANY, PLACEMENT_CAPPED):
                    return None
                if placement is not None and placement not in found:
                    found.append(placement)
            if found:
                return found[0] if len(found) == 1 else None
    return None


def _tolerance(parts: int) -> Decimal:
    """How far a subtotal of ``parts`` rows may be from their sum by rounding,
    as the amount rules allow: 0.005 a part and one for the subtotal, none
    for a subtotal of one row."""
    return Decimal("0.005") * (parts + 1) if parts > 1 else Decimal(0)


def _adds_up(top: _Placed, rows: list[_Placed], columns: tuple[str, ...]) -> bool:
    """Whether the rows as placed now (the fill order) add up to ``top``."""
    tolerance = _tolerance(len(rows))
    for column in columns:
        sums = [
            sum((v for c, v in zip(e.current, e.values, strict=True) if c == column), Decimal(0))
            for e in (top, *rows)
        ]
        if abs(sums[0] - sum(sums[1:], Decimal(0))) > tolerance:
            return False
    return True


def _search(
    top: _Placed,
    rows: list[_Placed],
    columns: tuple[str, ...],
    strict: int = 0,
    skip: frozenset[int] = frozenset(),
    budget: list[int] | None = None,
    heads: list[int] | None = None,
) -> tuple[list[int] | None, str]:
    """The option of ``top`` and of each row that makes ``top`` the sum of
    the rows in every column (within rounding: 0.005 per part and one for the
    subtotal); None and why when none does, more than one does, or the
    search would take more than :data:`MAX_PLACEMENT_STEPS` steps.

    ``strict`` keeps to the likeliest options, as the published tables fill
    their cells: at 1 or more, 财政专户拨款 is blank in a row that prints
    fewer amounts than the columns (where the row has such an option); at 2,
    a row of two amounts is 总计 and 财政拨款 too. ``skip``: the columns (their
    indices) not compared. ``budget``: the steps left, shared by searches.
    ``heads``: the options of ``top`` tried (all it is allowed, by default)."""

    def allowed(entry: _Placed) -> list[int]:
        if strict >= 2 and len(entry.values) == 2:
            return [0]  # the fill order: 总计 and 财政拨款
        kept = [
            i for i, option in enumerate(entry.options) if strict < 1 or "special" not in option
        ]
        return kept or list(range(len(entry.options)))

    tolerance = _tolerance(len(rows))
    at = {column: i for i, column in enumerate(columns)}
    width = len(columns)

    def vector(option: tuple[str, ...], values: list[Decimal]) -> list[Decimal]:
        sums = [Decimal(0)] * width
        for column, value in zip(option, values, strict=True):
            if column in at and at[column] not in skip:
                sums[at[column]] += value
        return sums

    fixed = [Decimal(0)] * width
    open_rows: list[int] = []
    kept = [allowed(entry) for entry in rows]
    for index, entry in enumerate(rows):
        if len(kept[index]) == 1:
            only = vector(entry.options[kept[index][0]], entry.values)
            fixed = [a + b for a, b in zip(fixed, only, strict=True)]
        else:
            open_rows.append(index)
    open_rows.sort(key=lambda i: -max(rows[i].values))  # the largest first: they prune most
    choices = [[vector(rows[i].options[o], rows[i].values) for o in kept[i]] for i in open_rows]
    reach = [Decimal(0)] * (len(open_rows) + 1)  # the most the rows from k on can add to a column
    for k in range(len(open_rows) - 1, -1, -1):
        reach[k] = reach[k + 1] + sum(rows[open_rows[k]].values, Decimal(0))
    solutions: list[list[int]] = []
    budget = [MAX_PLACEMENT_STEPS] if budget is None else budget
    for head in allowed(top) if heads is None else heads:
        target = vector(top.options[head], top.values)
        if any(f > t + tolerance for f, t in zip(fixed, target, strict=True)):
            continue
        partials = [fixed] + [fixed] * len(open_rows)
        nexts = [0] * (len(open_rows) + 1)
        picked = [0] * len(open_rows)
        depth = 0
        while depth >= 0:
            if depth == len(open_rows):
                if all(
                    abs(p - t) <= tolerance for p, t in zip(partials[depth], target, strict=True)
                ):
                    chosen = [options[0] for options in kept]
                    for k, index in enumerate(open_rows):
                        chosen[index] = kept[index][picked[k]]
                    solutions.append([head, *chosen])
                    if len(solutions) > 1:
                        return None, PLACEMENT_MANY
                depth -= 1
                continue
            if nexts[depth] >= len(choices[depth]):
                nexts[depth] = 0
                depth -= 1
                continue
            budget[0] -= 1
            if budget[0] < 0:
                return None, PLACEMENT_CAPPED
            choice = nexts[depth]
            nexts[depth] += 1
            sums = [a + b for a, b in zip(partials[depth], choices[depth][choice], strict=True)]
            if any(s > t + tolerance for s, t in zip(sums, target, strict=True)):
                continue
            if any(s + reach[depth + 1] < t - tolerance for s, t in zip(sums, target, strict=True)):
                continue
            picked[depth] = choice
            partials[depth + 1] = sums
            depth += 1
    if not solutions:
        return None, PLACEMENT_NONE
    return solutions[0], ""
