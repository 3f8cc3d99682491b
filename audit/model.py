"""The document model every stage shares.

Data flows one way: a reader turns a file into a :class:`Document`, the parser
fills each project's clauses, the rules read the model and yield findings.
Every piece of text keeps a map back to the file it came from (:class:`Text`),
so a finding can name the exact line and column in the original file even when
a PDF-extracted cell was wrapped over several lines.

The records are immutable ``NamedTuple`` classes: a table makes tens of
thousands of them, and they are cheaper to define at start-up and to create
than frozen dataclasses (measured: defining this module's records as frozen
dataclasses cost about 25 ms of every run). Their annotations are evaluated
when the module is imported (no ``from __future__ import annotations``):
typing compiles a record field's annotation written as a string, about 120
compiles at every start; a name not yet defined is quoted instead.
"""

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Literal, NamedTuple

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEARS_COUNT_RE = re.compile(r"^\s*([0-9０-９]{1,2}|[一两二三四五六七八九十])\s*个?\s*年")
"""A term stated as a number of years (``三年``, ``3年``)."""
_MONTHS_COUNT_RE = re.compile(r"^\s*([0-9０-９]{1,3})\s*个\s*月")
"""A term stated as a number of months (``36个月``)."""
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_COUNT_NUMERALS = {numeral: index + 1 for index, numeral in enumerate("一二三四五六七八九十")}
_COUNT_NUMERALS["两"] = 2
FIVE_YEAR_PLAN = "十[一二三四五六七八九]五"
"""A five-year plan by its number (``十四五``, the 14th): the term a period
label or a 项目期 may name instead of its years."""
_PLAN_RE = re.compile(f"({FIVE_YEAR_PLAN})")
_THIRD_PLAN_START = 1966
"""The first year of the third five-year plan; each plan since has followed
the one before without a gap (十一五 2006–2010, 十四五 2021–2025)."""


def plan_years(text: str) -> tuple[int, int] | None:
    """The first and last year of the five-year plan ``text`` names
    (``十四五期间`` → (2021, 2025), ``“十五五”`` → (2026, 2030)); None when
    it names none."""
    match = _PLAN_RE.search(text)
    if match is None:
        return None
    number = 10 + _COUNT_NUMERALS[match.group(1)[1]]
    first = _THIRD_PLAN_START + 5 * (number - 3)
    return first, first + 4


# --------------------------------------------------------------------------
# Source text and positions


class Span:
    """A range in a source file: 1-based lines, 1-based columns (characters).

    ``end_column`` is exclusive, so a one-character span has
    ``end_column == column + 1``. Spans of model nodes are resolved lazily:
    a table has tens of thousands of them and a report needs a handful.
    """

    __slots__ = ("_end", "_pos", "_source", "_start", "_text")

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        self._pos: tuple[int, int, int, int] | None = (line, column, end_line, end_column)
        self._text: Text | None = None
        self._source: Source | None = None
        self._start = self._end = 0

    @classmethod
    def of(cls, text: "Text", start: int, end: int) -> "Span":
        """The span of ``text.value[start:end]``, resolved when first read."""
        span = cls.__new__(cls)
        span._pos = None
        span._text = text
        span._source = None
        span._start = start
        span._end = end
        return span

    def sub(self, start: int, end: int) -> "Span":
        """The span of characters ``start:end`` within this span.

        Exact for spans of model text, also across wrapped lines; for a span
        given by positions only, exact when it stands on one line.
        """
        if self._text is not None:
            return Span.of(self._text, self._start + start, self._start + end)
        if self._source is not None:
            return self._source.span(self._start + start, self._start + end)
        line, column, end_line, _ = self._resolve()
        if line == end_line:
            return Span(line, column + start, line, column + end)
        return self

    def _resolve(self) -> tuple[int, int, int, int]:
        if self._pos is None:
            assert self._text is not None
            self._pos = self._text.position(self._start, self._end)
        return self._pos

    @property
    def line(self) -> int:
        return self._resolve()[0]

    @property
    def column(self) -> int:
        return self._resolve()[1]

    @property
    def end_line(self) -> int:
        return self._resolve()[2]

    @property
    def end_column(self) -> int:
        return self._resolve()[3]

    @property
    def location(self) -> str | None:
        """Where the span starts in the table as its carrier names it
        (``Sheet1!C12``, ``第2页 表1 第5行第3列``); None for text files, whose
        line and column say it already."""
        if self._text is not None:
            source = self._text.source
            if source.locator is None:
                return None
            return source.location(self._text.origin(min(self._start, len(self._text.value))))
        if self._source is not None:
            return self._source.location(self._start)
        return None

    def within(self, other: "Span") -> bool:
        """Whether this span lies inside ``other``, both spans of one text
        (a cell): False for spans of different texts or given by position."""
        if self._text is None or self._text is not other._text:
            return False
        return other._start <= self._start and self._end <= other._end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and self._resolve() == other._resolve()

    def covers_same(self, other: "Span") -> bool:
        """Whether ``other`` covers the same characters as this span: of one
        text, decided by their offsets without resolving either (a rule that
        asks this of every clause pays no line and column for it); of
        different texts, or given by position, by their positions."""
        if self is other:
            return True
        if self._text is not None and self._text is other._text:
            return self._start == other._start and self._end == other._end
        return self == other

    def __hash__(self) -> int:
        return hash(self._resolve())

    def __repr__(self) -> str:
        line, column, end_line, end_column = self._resolve()
        return f"Span(line={line}, column={column}, end_line={end_line}, end_column={end_column})"

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


class Source:
    """A decoded input file: its path, text, encoding and line table.

    A table read from a workbook, PDF, web page or Word file has a synthetic
    source holding every cell's text; its ``locator`` names the cell an
    offset falls in (``Sheet1!C12``), so findings can point at the cell.
    """

    __slots__ = ("_line_starts", "encoding", "locator", "path", "text")

    def __init__(
        self,
        path: str,
        text: str,
        encoding: str = "utf-8",
        locator: Callable[[int], str | None] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.encoding = encoding
        self.locator = locator
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._line_starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def location(self, offset: int) -> str | None:
        """The cell holding character ``offset`` (None for a text file)."""
        return None if self.locator is None else self.locator(offset)

    def span(self, start: int, end: int) -> Span:
        span = Span(*self.bounds(start, end))
        if self.locator is not None:
            span._source = self
            span._start, span._end = start, end
        return span

    def bounds(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of source offsets ``start:end``."""
        line, column = self.position(start)
        if end <= start:
            return line, column, line, column
        end_line, end_column = self.position(end - 1)
        return line, column, end_line, end_column + 1

    def __repr__(self) -> str:
        return f"Source({self.path!r}, {len(self.text)} chars, {self.encoding})"


class Text:
    """A cleaned piece of text and where each of its characters came from.

    ``anchors`` are ``(offset in value, offset in source)`` pairs, sorted:
    the characters from one anchor up to the next are contiguous in the
    source. A TSV cell has one anchor; a PDF cell wrapped over five lines has
    five; markup stripped from a cell starts a new anchor after it.
    """

    __slots__ = ("anchors", "source", "value")

    def __init__(self, value: str, source: Source, anchors: tuple[tuple[int, int], ...]) -> None:
        self.value = value
        self.source = source
        self.anchors = anchors

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Text)
            and self.value == other.value
            and self.source is other.source
            and self.anchors == other.anchors
        )

    def __hash__(self) -> int:
        return hash((self.value, id(self.source), self.anchors))

    def __repr__(self) -> str:
        return f"Text({self.value!r}, {self.source.path!r}, {self.anchors!r})"

    @classmethod
    def at(cls, source: Source, start: int, value: str | None = None) -> "Text":
        """Text that stands contiguously in ``source`` from ``start``."""
        if value is None:
            value = source.text[start:]
        return cls(value, source, ((0, start),))

    def origin(self, index: int) -> int:
        """Source offset of character ``index`` (``len(value)`` maps past the end)."""
        anchors = self.anchors
        if not anchors:
            return 0
        if index >= len(self.value) and self.value:
            return self.origin(len(self.value) - 1) + 1
        lo, hi = 0, len(anchors)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if anchors[mid][0] <= index:
                lo = mid
            else:
                hi = mid
        at, offset = anchors[lo]
        return offset + index - at

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """Source span of ``value[start:end]`` (resolved when first read)."""
        return Span.of(self, start, len(self.value) if end is None else end)

    def position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of ``value[start:end]``."""
        start = max(0, min(start, len(self.value)))
        end = max(start, min(end, len(self.value)))
        if end == start:
            offset = self.origin(start)
            return self.source.bounds(offset, offset)
        return self.source.bounds(self.origin(start), self.origin(end - 1) + 1)

    def slice(self, start: int, end: int | None = None) -> "Text":
        """The sub-text ``value[start:end]``, keeping its map to the source."""
        if end is None:
            end = len(self.value)
        kept: list[tuple[int, int]] = []
        for at, offset in self.anchors:
            if at >= end:
                break
            if at <= start:
                kept = [(0, offset + start - at)]
            else:
                kept.append((at - start, offset))
        return Text(self.value[start:end], self.source, tuple(kept))

    def strip(self, chars: str | None = None) -> "Text":
        """Like :meth:`str.strip`, keeping the map to the source."""
        value = self.value
        start = len(value) - len(value.lstrip(chars))
        end = len(value.rstrip(chars))
        if start == 0 and end == len(value):
            return self
        return self.slice(start, max(start, end))

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)

    def __len__(self) -> int:
        return len(self.value)


class TextBuilder:
    """Builds a :class:`Text` from pieces of a source, e.g. wrapped PDF lines."""

    __slots__ = ("_anchors", "_length", "_parts", "source")

    def __init__(self, source: Source) -> None:
        self.source = source
        self._parts: list[str] = []
        self._anchors: list[tuple[int, int]] = []
        self._length = 0

    def add(self, value: str, offset: int) -> None:
        """Append ``value``, which stands in the source at ``offset``."""
        if not value:
            return
        if self._anchors:
            last_at, last_offset = self._anchors[-1]
            contiguous = last_offset + (self._length - last_at) == offset
        else:
            contiguous = False
        if not contiguous:
            self._anchors.append((self._length, offset))
        self._parts.append(value)
        self._length += len(value)

    def add_text(self, text: Text) -> None:
        for index, (at, offset) in enumerate(text.anchors):
            end = text.anchors[index + 1][0] if index + 1 < len(text.anchors) else len(text.value)
            self.add(text.value[at:end], offset)

    def __len__(self) -> int:
        return self._length

    def rstripped_end(self) -> str:
        """The last piece that is not all white space, right-stripped (``""``
        when there is none): how the text built so far ends, without
        building it."""
        for part in reversed(self._parts):
            if part.strip():
                return part.rstrip()
        return ""

    def build(self) -> Text:
        return Text("".join(self._parts), self.source, tuple(self._anchors))


# --------------------------------------------------------------------------
# Values


ValueKind = Literal["quantity", "date", "formula", "qualitative", "empty"]
Comparator = Literal[">=", ">", "<=", "<", "=", "range"]
TargetKind = Literal["number", "date", "date-range", "time", "duration", "frequency", "text"]
Change = Literal["rise", "fall"]
"""A target that is a change from a reference: ``同比下降10%`` is a fall of 10 %."""
Approximation = Literal["over", "under", "around"]
"""A number written as an estimate, and which way it may lie from the number:
``over`` (余, 多: ``1万余人``, ``300多人``, the number or more), ``under`` (近:
``近千人``, just under it), ``around`` (约, 左右, 上下: ``约500人``,
``500人左右``, either side of it)."""


class Target(NamedTuple):
    """One target within a value: ``≥95%，≤100%`` holds two, ``≥300人；≥10场``
    two, ``2023.07-2024.01`` one date range.

    ``kind`` is what the target measures: ``number`` (``≥95%``, ``10-15人``),
    ``date`` (``2025年12月前``, ``2025年底前``), ``date-range``
    (``2023.07-2024.01``, ``2023年7月-2024年1月``), ``time`` (a time of day,
    ``9:00前``, or hours of the day, ``8:30-17:30``: no date, no deadline of a
    date's kind; the value's kind is ``date``), ``duration`` (``12个月``,
    ``3个工作日内``), ``frequency`` (``每月``, ``2次/月``, ``每季度1次``: ``per``
    is the period) or ``text`` (a qualitative value). ``start`` and ``end`` are
    offsets into the value's ``text``, which ``text`` here spells exactly.
    The measure fields are as :class:`Value`'s."""

    kind: TargetKind
    text: str
    start: int
    end: int
    comparator: Comparator | None = None
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str | None = None
    magnitude: str | None = None
    per: str | None = None
    change: Change | None = None
    approx: Approximation | None = None


class Value(NamedTuple):
    """What a target value means, as a reviewer would read it.

    ``不低于95%`` is ``Value(kind="quantity", comparator=">=", number=95, unit="%")``;
    ``1.85万人`` is ``comparator="=", number=18500, unit="人", magnitude="万"``
    (``number`` is always after the magnitude); ``10-15人`` is
    ``comparator="range", number=10, upper=15``; ``2次/月`` and ``每月1次`` have
    ``per="月"``; ``合同签订率100%`` keeps ``prefix="合同签订率"``; ``同比下降10%``
    is ``comparator="=", number=10, unit="%", change="fall"``: a fall of 10 %,
    not a level of 10 %.
    Qualitative values (``合法合规``) have ``kind="qualitative"`` and no number.
    """

    text: str
    kind: ValueKind
    comparator: Comparator | None = None
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str | None = None
    magnitude: str | None = None
    per: str | None = None
    qualifiers: tuple[str, ...] = ()
    prefix: str = ""
    suffix: str = ""
    targets: tuple[Target, ...] = ()
    """Every target of the value, in order. The fields above describe the
    first number (rules written before targets judge that one); a value of
    several targets (``≥300人；≥10场``) lists each here with its own
    comparator, number and unit."""
    change: Change | None = None
    """``rise`` or ``fall`` when the first number is a change from a
    reference rather than a level (``同比下降10%``, ``较上年提高5个百分点``)."""
    approx: Approximation | None = None
    """How the first number is an estimate (``1万余人``, ``约500人``,
    ``近千人``), None for an exact one: :data:`Approximation`. The number is
    the one written (``1万余人`` is 10000); the mark never changes the
    comparator (``300余元`` sets no floor)."""

    def minus_before(self, target: Target) -> bool:
        """Whether a minus sign stands right before ``target``'s number: the
        value parser keeps the sign in the text before it (``≥-5%``), as a
        dash there is as often a range's or a list's."""
        before = self.text[: target.start].rstrip() if target.start else self.prefix
        return before.endswith(MINUS_SIGNS)


MINUS_SIGNS = ("-", "－", "−", "负")
"""What stands before a number to make it negative."""


# --------------------------------------------------------------------------
# Clauses

PERIOD = "实施周期指标值"
ANNUAL = "年度指标值"


def category_code(written: str) -> str:
    """A category's code as the taxonomy spells it: the digits of ``written``
    (``11-``, ``１１－``) in ASCII, without the dash and spaces after them.
    Codes typed in full-width digits (a Chinese input method's 全角) are the
    same codes."""
    code = written.rstrip("-－—– \t")
    if code.isascii():
        return code
    return "".join(str(int(char)) if char.isdecimal() else char for char in code)


class Category(NamedTuple):
    """A level-1 or level-2 category as written: ``1-产出指标`` → code ``1``
    (``１-产出指标`` too: :func:`category_code`)."""

    code: str | None
    name: str
    span: Span

    def __str__(self) -> str:
        return f"{self.code}-{self.name}" if self.code else self.name


class ValueField(NamedTuple):
    """One ``实施周期指标值:…`` or ``年度指标值:…`` in a clause."""

    keyword: str
    text: str
    value: Value
    span: Span
    keyword_span: Span
    separator: str | None
    """The separator that ended the value: ``；`` ``;`` ``，`` ``,``, ``""`` for
    none (the next keyword follows directly), ``None`` at the end of the clause."""


ClauseIssueKind = Literal[
    "repeated-field",
    "missing-separator",
    "nonstandard-separator",
    "missing-colon",
    "missing-keyword",
]


class ClauseIssue(NamedTuple):
    """Something the parser noticed about how a clause is written.
    ``missing-keyword``: a value written without its keyword
    (``数量指标：培训人数≥1000人``), read as the value that keyword names."""

    kind: ClauseIssueKind
    detail: str
    span: Span


class Clause(NamedTuple):
    """One numbered indicator clause.

    ``form`` is how it was written: ``coded`` (``1、1-产出指标；11-数量指标；…``),
    ``legacy`` (``1、产出指标：…``, no codes, no period value) or ``row``: built
    from the cells of one indicator row of the national template
    (:class:`IndicatorCells`), where ``number`` is the indicator's position
    within its project and the spans point at the cells.

    ``number`` is None for a clause whose number was lost in editing
    (``…≥95%。2-效益指标；22-社会效益；…``), or in a cell that numbers none:
    the number it should have had is unknown, and ``number_span`` is then its
    level-1 category's. Such a clause's ``position`` is its place among its
    project's indicators, counting from 1 (what a reader counts to find it);
    a numbered clause's is 0, its number saying where it is."""

    number: int | None
    form: Literal["coded", "legacy", "row"]
    level1: Category | None
    level2: Category | None
    name: str
    name_span: Span
    fields: tuple[ValueField, ...]
    separators: frozenset[str]
    issues: tuple[ClauseIssue, ...]
    text: str
    span: Span
    number_span: Span
    position: int = 0
    section: int = 0
    """The outline section (1, 2, …) whose heading (``一、产出指标``, a line of
    its own) the clause stands under; 0 in a cell without headings."""

    @property
    def period(self) -> ValueField | None:
        for value_field in self.fields:
            if value_field.keyword == PERIOD:
                return value_field
        return None

    @property
    def annual(self) -> ValueField | None:
        for value_field in self.fields:
            if value_field.keyword == ANNUAL:
                return value_field
        return None


class ClauseError(NamedTuple):
    """A stretch of an indicator cell that is not a clause: the parser skipped
    it from where the item began to the next clause start, and resumed there.
    ``number`` is the clause number it begins with, if any."""

    number: int | None
    text: str
    span: Span
    message: str
    expected: tuple[str, ...]
    found: str = ""
    """What stood where the grammar failed ("" at the end of the clause)."""
    at: Span | None = None
    """Where the grammar failed (None: at the start of the clause)."""
    number_span: Span | None = None
    """The clause number it begins with (``4、``), when it has one."""


AnyClause = Clause | ClauseError


# --------------------------------------------------------------------------
# The table


class Amount(NamedTuple):
    """One amount cell as printed and its value in 万元; ``value`` is None when
    the cell is not a number. ``unit`` is what the table prints amounts in:
    a table in 元 (``金额单位：元``) has its values converted exactly
    (``3600000.00`` 元 is ``360.0000`` 万元) and keeps its text as printed.
    ``decimal_comma`` says the cell writes its decimals after a comma
    (``1250,00``), as a ``;``-separated CSV saved in a locale that writes
    decimal commas does throughout: its value is read so (1250.00)."""

    text: Text
    value: Decimal | None
    unit: str = "万元"
    decimal_comma: bool = False


AMOUNT_COLUMNS: tuple[str, ...] = ("total", "fiscal", "special", "other")
AMOUNT_FIELDS: tuple[str, ...] = (*AMOUNT_COLUMNS, "carryover")
"""Every amount a row may state: the four columns and 上年结转, the fifth a
table may add (summed, exported and converted like the others)."""
AMOUNT_LABELS: dict[str, str] = {
    "total": "总计",
    "fiscal": "财政拨款",
    "special": "财政专户拨款",
    "other": "其他资金",
    "carryover": "上年结转",
}
TERM_TOTAL_LABEL = "项目总投资"
"""How findings name :attr:`Project.term_total` (the field ``amount.term_total``)."""


class Amounts(NamedTuple):
    """The four amount columns; ``None`` is a blank cell (absent, not zero).
    ``carryover`` is the 上年结转 a table may state as a fifth source of
    funds (a national form's label, a list's or a Guangzhou table's column):
    it counts in 总计's sum (:data:`SOURCE_COLUMNS`), in a unit's subtotal and
    in 合计 like the others, and is exported where a table states it."""

    total: Amount | None = None
    fiscal: Amount | None = None
    special: Amount | None = None
    other: Amount | None = None
    carryover: Amount | None = None

    def get(self, column: str) -> Amount | None:
        amount: Amount | None = getattr(self, column)
        return amount

    def value(self, column: str) -> Decimal | None:
        amount = getattr(self, column)
        return None if amount is None else amount.value

    def __bool__(self) -> bool:
        return any(getattr(self, c) is not None for c in AMOUNT_FIELDS)


class Markup(NamedTuple):
    """Residue of the HTML a cell came from (``<p>``, ``&nbsp;``), removed from
    the cell's text but kept so a rule can report it."""

    text: str
    span: Span


class IndicatorCells(NamedTuple):
    """One indicator of the national template, as the cells of its row.

    ``level1`` and ``level2`` are the cells in effect for the row (a merged
    cell, or a blank one under a filled cell, inherits the cell above);
    ``period`` and ``annual`` are None when the table has no such column
    (many forms have only a 年度 column), an empty :class:`Text` when the
    cell is blank. A value written in separate columns (``≥ | 95 | %``) is one
    Text (``≥95%``) whose characters map to their cells. ``extras`` keeps the
    other cells by what they mean: ``weight`` (权重/分值), ``direction``
    (指标方向), ``nature`` (指标性质), ``note`` (指标值说明: how the value
    is set and measured), ``standard`` (绩效标准, 评（扣）分标准),
    ``measure`` (度量单位, kept also when the value is words and did not
    take it); a row
    that only states the total of the weights (``合计 | … | 100``) has its
    ``level1`` cell saying so and ``total``, the stated total, and is no
    indicator. ``sign`` is the comparator the 指标方向 cell states (``≥`` for
    正向, ``≤`` for 反向), at that cell, whether the value took it (a bare
    ``90 | % | 正向``) or writes a comparator of its own that may contradict
    it (``≥ | 90 | % | 反向``, ``≤5% | 正向``). ``line`` is the row's line in
    the source (a cell it writes itself starts there).
    """

    level1: Text | None
    level2: Text | None
    name: Text | None
    period: Text | None
    annual: Text | None
    extras: dict[str, Text]
    line: int

    @property
    def is_total(self) -> bool:
        """A row stating the total of the weights (合计/总分), no indicator."""
        return "total" in self.extras

    @property
    def is_empty(self) -> bool:
        """A row without an indicator: no indicator name and no value (a
        template row, 经济效益指标 left as the template gave it, or the total
        row)."""
        return not any(
            cell is not None and cell.value.strip()
            for cell in (self.name, self.period, self.annual)
        )


class Row:
    """One logical row of the table as a reader found it, before it is known
    to be the grand total, a unit or a project. Readers may still extend its
    cells (a continuation line), so it is mutable.

    ``indicator_cells`` holds the indicators of a layout with one row per
    indicator (the national template); it is None where the indicators are
    clauses in one cell (``indicators``). A unit row with an empty list is a
    unit the table names without a subtotal row (a national form's 实施单位,
    a ``单位名称：…`` heading above a table): its unit is implicit (no amounts
    of its own) but named."""

    __slots__ = (
        "amounts",
        "goal",
        "heading",
        "indicator_cells",
        "indicators",
        "kind",
        "line",
        "markup",
        "name",
        "period_goal",
        "plans",
        "sources_partial",
        "term",
        "term_total",
        "total_column",
    )

    def __init__(
        self,
        name: Text,
        amounts: Amounts,
        goal: Text | None,
        indicators: Text | None,
        line: int,
        kind: Literal["total", "unit", "project"] | None = None,
        markup: list[Markup] | None = None,
        indicator_cells: list[IndicatorCells] | None = None,
    ) -> None:
        self.name = name
        self.amounts = amounts
        self.goal = goal
        self.indicators = indicators
        self.line = line
        self.kind = kind
        self.markup: list[Markup] = [] if markup is None else markup
        self.indicator_cells = indicator_cells
        self.term: Text | None = None
        """The project's implementation period, where the layout states it (项目期)."""
        self.period_goal: Text | None = None
        """The goal over the implementation period (实施期目标), where the layout
        states one beside the annual goal."""
        self.heading: str | None = None
        """For a unit without a subtotal row: the title above its table."""
        self.sources_partial = False
        """See :attr:`Project.sources_partial`."""
        self.term_total: Amount | None = None
        """See :attr:`Project.term_total`."""
        self.plans: tuple[tuple[str, Text], ...] = ()
        """See :attr:`Project.plans`."""
        self.total_column = True
        """See :attr:`Project.total_column`."""

    def __repr__(self) -> str:
        return f"Row({self.name.value!r}, line {self.line}, kind={self.kind})"


class Project(NamedTuple):
    name: Text
    amounts: Amounts
    goal: Text | None
    indicators: Text | None
    clauses: tuple[AnyClause, ...]
    line: int
    markup: tuple[Markup, ...] = ()
    term: Text | None = None
    """The implementation period a form states (项目期 ``2025.01-2027.12``)."""
    cells: tuple[IndicatorCells, ...] = ()
    """The indicator rows as read, in the national template (one row per
    indicator), with what the clauses do not hold: 权重, 指标方向, 指标值说明,
    绩效标准.
    Template rows left without an indicator (:attr:`IndicatorCells.is_empty`)
    are kept here and become no clause."""
    period_goal: Text | None = None
    """The goal over the implementation period (实施期目标, 中期/长期目标) where
    a national form states it. ``goal`` is the annual goal (年度目标), or this
    same cell when the form states no annual goal."""
    sources_partial: bool = False
    """The sources of funds the project states are parts of its 总计 that a
    form names (``其中：财政拨款``) without a line for the rest (no 其他资金):
    they may fall short of 总计, and only exceeding it is a mismatch."""
    term_total: Amount | None = None
    """The project's amount over its whole term where the table states it
    beside the year's (a form's 项目总投资 or 中期资金总额 beside 本年安排 or
    年度资金总额, a list's 项目总投资 column beside 预算数): in 万元 like the
    year's, with the cell it was read from. None where the table states none,
    or where a form states the term's amount only (then it is :attr:`amounts`,
    the only amount the form states). Never summed in a subtotal."""
    plans: tuple[tuple[str, Text], ...] = ()
    """Text that is no number beside a form's label of what the year
    arranges (``本年安排 | 第一季度完成招标…``), with the amount column the
    label names (``total``, ``fiscal``…): the year's plan of work, no amount.
    The reader knows only some words that say an amount is not written yet
    (``待补充``, ``XXX``: read as the amount itself); the configured
    placeholders tell whether such text says so in other words
    (``本年安排 | 待落实``: :meth:`audit.facts.Facts.unwritten_amounts`)."""
    total_column: bool = True
    """Whether the table has a place for the project's 总计. A list whose
    header names its sources of funds and no total (a county's ``项目名称 |
    财政拨款 | 其他资金``) has none: 总计 is not missing there, only not
    stated."""

    @property
    def term_years(self) -> tuple[int, int] | None:
        """The first and last year of the stated 项目期 (``2025.01-2027.12`` →
        (2025, 2027); ``2025年`` → (2025, 2025); a five-year plan, ``十四五`` →
        (2021, 2025)); None when none is stated."""
        if self.term is None:
            return None
        years = [int(year) for year in _YEAR_RE.findall(self.term.value)]
        if not years:
            return plan_years(self.term.value)
        return min(years), max(years)

    @property
    def term_length(self) -> int | None:
        """How many years the stated term covers: its first year to its last
        (``2025.01-2027.12``: 3), or the number of years it names where it
        names no year (``三年``, ``3年``: a form's ``中期目标（三年）``; ``36个月``
        is 3 and ``18个月`` 2, the budget years it covers at the least); None when
        no term is stated or it tells neither."""
        years = self.term_years
        if years is not None:
            return years[1] - years[0] + 1
        if self.term is None:
            return None
        months = _MONTHS_COUNT_RE.match(self.term.value)
        if months is not None:  # 36个月: the budget years it covers at the least
            number = int(months.group(1).translate(_FULL_WIDTH_DIGITS))
            return max(1, -(-number // 12))
        match = _YEARS_COUNT_RE.match(self.term.value)
        if match is None:
            return None
        count = match.group(1).translate(_FULL_WIDTH_DIGITS)
        return int(count) if count.isdigit() else _COUNT_NUMERALS.get(count)

    @property
    def title(self) -> str:
        return self.name.value

    @property
    def span(self) -> Span:
        return self.name.span()


class Unit(NamedTuple):
    """A 资金使用单位: its subtotal row and its projects."""

    name: Text
    amounts: Amounts
    projects: tuple[Project, ...]
    line: int
    markup: tuple[Markup, ...] = ()
    implicit: bool = False
    """True when the table has no subtotal row for the unit: it has no
    amounts of its own."""
    named: bool = True
    """False for the unit a table without unit rows implies: it stands for
    the table's organisation (:attr:`Document.organization`). A unit without
    a subtotal row may still be named by the table itself (a national form's
    实施单位, a list's 单位名称, a ``单位名称：…`` heading above one table of
    several): such a unit is ``implicit`` but ``named``."""
    heading: str | None = None
    """The title above the unit's own table, where the file's tables have
    titles of their own (a national form's ``…绩效目标表``); None when the
    document's title stands for every unit."""

    @property
    def title(self) -> str:
        return self.name.value

    @property
    def own_name(self) -> str | None:
        """The unit's name as findings, the export and the per-unit pages give
        it: its title, or None for the unit that stands for the table's
        organisation (``named`` False)."""
        return self.title if self.named else None


class GrandTotal(NamedTuple):
    """The 合计 row."""

    name: Text
    amounts: Amounts
    line: int
    units: tuple[int, int] | None = None
    """The units it sums, as a slice of :attr:`Document.units` (start, end),
    where a file holds several tables each with its own 合计; None: all."""


Layout = Literal[
    "tsv",
    "pdf-text",
    "csv",
    "xlsx",
    "xls",
    "ods",
    "pdf",
    "html",
    "docx",
    "national-form",
    "national-list",
]


class Document(NamedTuple):
    source: Source
    layout: Layout
    title: str | None
    organization: str | None
    units: tuple[Unit, ...]
    total: GrandTotal | None
    legacy: bool = False
    """True for the older layout (``单位名称：`` header, clauses without codes)."""
    orphans: tuple[Text, ...] = ()
    """Cell text before the first row that could own it (an excerpt that
    begins inside a project): it belongs to no project shown."""
    more_totals: tuple[GrandTotal, ...] = ()
    """The 合计 rows after the first (``total``) in a file of several tables,
    each with the units it sums."""

    @property
    def totals(self) -> tuple[GrandTotal, ...]:
        """Every 合计 row of the file, the first first."""
        return self.more_totals if self.total is None else (self.total, *self.more_totals)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def projects(self) -> tuple[Project, ...]:
        return tuple(p for unit in self.units for p in unit.projects)

    def counts(self) -> dict[str, int]:
        """Units, projects, parsed clauses and unparsed (ClauseError) ones."""
        clauses = unparsed = 0
        for unit in self.units:
            for project in unit.projects:
                for clause in project.clauses:
                    if isinstance(clause, Clause):
                        clauses += 1
                    else:
                        unparsed += 1
        projects = sum(len(unit.projects) for unit in self.units)
        return {
            "units": len(self.units),
            "projects": projects,
            "clauses": clauses,
            "unparsed": unparsed,
        }


# --------------------------------------------------------------------------
# Findings: what the rules report

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 3, "warning": 2, "info": 1}


def severity_counts(findings: "Iterable[Finding]") -> dict[str, int]:
    """How many findings of each severity, every severity present."""
    counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


class Finding(NamedTuple):
    rule: str
    severity: Severity
    message: str
    file: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    unit: str | None
    project: str | None
    clause: int | None
    field: str | None
    excerpt: str | None
    location: str | None = None
    """The cell, for a table read from a workbook, PDF, web page or Word
    document (``Sheet1!C12``); ``line`` and ``column`` then count in the
    cells' text as the tool holds it, not in the file, and reports name the
    cell instead."""
    cell_clause: int | None = None
    """The clause's place in its cell (``Sheet1!G12 第5条``), when the cell
    read from a workbook, PDF, web page or Word file holds several clauses:
    the reports that name the cell name the clause too."""

    def as_dict(self) -> dict[str, Any]:
        if self.location is not None:
            return {
                **self._fields_dict(),
                "line": None,
                "column": None,
                "end_line": None,
                "end_column": None,
                "location": self.location,
            }
        return self._fields_dict()

    def _fields_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "unit": self.unit,
            "project": self.project,
            "clause": self.clause,
            "field": self.field,
            "excerpt": self.excerpt,
        }


# --------------------------------------------------------------------------
# Small helpers several rules share


def clauses_of(project: Project) -> list[Clause]:
    """The clauses of a project that parsed (not its clause errors)."""
    return [c for c in project.clauses if isinstance(c, Clause)]


def clause_label(clause: Clause) -> str:
    """A clause's number as text; for a clause without one, its place among
    its project's indicators (``?`` when not known)."""
    if clause.number is not None:
        return str(clause.number)
    return str(clause.position) if clause.position else "?"


def goal_text(project: Project) -> str:
    """A project's goal, stripped; empty when it has none."""
    return "" if project.goal is None else project.goal.value.strip()


SOURCE_COLUMNS: tuple[str, ...] = ("fiscal", "special", "other", "carryover")
"""The amount columns whose sum is 总计 (上年结转 where a table states it)."""


def amount_rows(document: Document) -> Iterator[tuple[Unit | None, Project | None, Text, Amounts]]:
    """Every row with amounts: 合计, each unit's subtotal row, each project."""
    for total in document.totals:
        yield None, None, total.name, total.amounts
    for unit in document.units:
        if not unit.implicit:
            yield unit, None, unit.name, unit.amounts
        for project in unit.projects:
            yield unit, project, project.name, project.amounts
