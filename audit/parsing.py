"""Parse an indicator cell into clauses with the Lark grammar
``grammar/indicator.lark``.

The parser is built once per process (LALR, contextual lexer) from Lark's
on-disk cache. A cell is cut into clauses where a clause number is followed by
a category, using the grammar's own terminals; each clause is parsed alone, so
a clause the grammar rejects becomes a :class:`~audit.model.ClauseError` with
what was expected, and the clauses after it are still parsed. No exception
escapes :func:`parse_indicators`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from audit.model import (
    ANNUAL,
    PERIOD,
    AnyClause,
    Category,
    Clause,
    ClauseError,
    ClauseIssue,
    Span,
    Text,
    ValueField,
)
from audit.resources import resource
from audit.values import parse_value

if TYPE_CHECKING:
    from lark import Lark, Token

STANDARD_SEPARATORS = {"coded": "；", "legacy": "；，"}
"""The separators each form is written with: the older form used ``，``."""
SEPARATORS = "；;，,"
_TRAILING = SEPARATORS + "。\u3000 \t\n"

# What a reviewer calls each terminal, for "expected …" messages.
TERMINAL_NAMES: dict[str, str] = {
    "NUMBER": "clause number (1、)",
    "CATEGORY": "category (1-产出指标)",
    "LEGACY_CATEGORY": "category (产出指标：)",
    "PERIOD_FIELD": PERIOD,
    "ANNUAL_FIELD": ANNUAL,
    "TEXT": "indicator name",
    "$END": "end of clause",
}


@cache
def clause_parser() -> Lark:
    """The clause parser, built once (tables cached on disk by Lark)."""
    from lark import Lark

    return Lark(
        resource("grammar", "indicator.lark").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        cache=True,
        maybe_placeholders=True,
    )


@cache
def _clause_start() -> re.Pattern[str]:
    """Where a clause begins: a NUMBER followed by a (legacy) CATEGORY."""
    parser = clause_parser()

    def pattern(name: str) -> str:
        return parser.get_terminal(name).pattern.to_regexp()

    return re.compile(
        rf"(?<![\d.．]){pattern('NUMBER')}(?=\s*(?:{pattern('CATEGORY')}|{pattern('LEGACY_CATEGORY')}))"
    )


def split_clauses(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause in a cell; text before the first clause
    number, if any, is a chunk of its own."""
    starts = [match.start() for match in _clause_start().finditer(text)]
    if not starts or text[: starts[0]].strip(_TRAILING):
        starts.insert(0, 0)
    bounds = [*starts, len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(starts))]


def parse_indicators(cell: Text) -> tuple[AnyClause, ...]:
    """Every clause of an indicator cell, in order."""
    text = cell.value
    clauses: list[AnyClause] = []
    for start, end in split_clauses(text):
        chunk = text[start:end]
        stripped_end = start + len(chunk.rstrip())
        if stripped_end <= start:
            continue
        clauses.append(_parse_clause(cell, start, stripped_end))
    return tuple(clauses)


def parse_clause_text(text: str) -> tuple[AnyClause, ...]:
    """Parse a free-standing indicator text (``parse --clause``)."""
    from audit.model import Source

    return parse_indicators(Text.at(Source("<clause>", text), 0, text))


@lru_cache(maxsize=4096)
def _tree(chunk: str) -> Any:
    """The parse tree of a clause, or the exception that rejected it. Tables
    repeat clauses verbatim across projects; each is parsed once."""
    try:
        return clause_parser().parse(chunk)
    except Exception as error:
        return error


def _parse_clause(cell: Text, start: int, end: int) -> AnyClause:
    chunk = cell.value[start:end]
    tree = _tree(chunk)
    if not isinstance(tree, Exception):
        try:
            return _Builder(cell, start, chunk).build(tree)
        except Exception as error:  # the parser's contract: nothing escapes
            return ClauseError(
                _leading_number(chunk), chunk, cell.span(start, end), f"cannot build: {error}", ()
            )
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    number = _leading_number(chunk)
    error = tree
    span = cell.span(start, end)
    if isinstance(error, UnexpectedInput):
        if isinstance(error, UnexpectedToken):
            expected = sorted(error.accepts or error.expected)
            at = error.token.start_pos if error.token.start_pos is not None else 0
            found = "" if error.token.type == "$END" else str(error.token)[:12]
            if error.token.type == "$END":
                at = len(chunk)
        elif isinstance(error, UnexpectedCharacters):
            expected = sorted(error.allowed or ())
            at = error.pos_in_stream
            found = chunk[at : at + 12]
        else:  # pragma: no cover - UnexpectedEOF is not raised by LALR
            expected, at, found = [], 0, ""
        names = tuple(TERMINAL_NAMES.get(t, t) for t in expected if t in TERMINAL_NAMES)
        shown = repr(found) if found else "end of clause"
        message = f"expected {' or '.join(names) or 'a clause'}, found {shown}"
        where = cell.span(start + at, start + at + max(1, len(found)))
        return ClauseError(number, chunk, span, message, names, found, where)
    return ClauseError(number, chunk, span, f"cannot parse: {error}", ())


def _leading_number(chunk: str) -> int | None:
    match = re.match(r"\s*(\d{1,3})", chunk)
    return int(match.group(1)) if match else None


_CATEGORY_RE = re.compile(r"(\d+)\s*[-－—]\s*(.*?)\s*([；;，,:：])\s*$", re.DOTALL)
_LEGACY_RE = re.compile(r"(.*?)\s*([；;，,:：])\s*$", re.DOTALL)
_KEYWORD_RE = re.compile(r"(实施周期指标值|年度指标值)(\s*[:：])?")


class _Builder:
    """Turns the parse tree of one clause into a :class:`Clause`.

    Offsets inside the builder are relative to the clause; spans are taken
    from the cell, so they point into the original file.
    """

    __slots__ = ("cell", "chunk", "issues", "offset", "separators", "standard")

    def __init__(self, cell: Text, offset: int, chunk: str) -> None:
        self.cell = cell
        self.offset = offset
        self.chunk = chunk
        self.separators: set[str] = set()
        self.issues: list[ClauseIssue] = []
        self.standard = STANDARD_SEPARATORS["coded"]

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.cell, self.offset + start, self.offset + end)

    def build(self, tree: Any) -> Clause:
        form_tree = tree.children[0]
        form = form_tree.data
        self.standard = STANDARD_SEPARATORS[form]
        children = form_tree.children
        number_token = children[0]
        if form == "coded":
            level1 = self._category(children[1])
            level2 = self._category(children[2]) if children[2] is not None else None
            after = children[2] or children[1]
            name_token = children[3]
            field_trees = children[4:]
        else:
            level1 = self._legacy_category(children[1])
            level2 = None
            after = children[1]
            name_token = children[2]
            field_trees = children[3:]
        if name_token is None:
            name_start = name_end = after.end_pos
            name = ""
        else:
            name_start, name_end, _ = self._trim(name_token.start_pos, name_token.end_pos, True)
            name = self.chunk[name_start:name_end]
        fields: list[ValueField] = []
        seen: set[str] = set()
        last = len(field_trees) - 1
        for index, field_tree in enumerate(field_trees):
            fields.append(self._field(field_tree.children[0], seen, index < last))
        return Clause(
            number=int(_leading_number(number_token) or 0),
            form=form,
            level1=level1,
            level2=level2,
            name=name,
            name_span=self.span(name_start, name_end),
            fields=tuple(fields),
            separators=frozenset(self.separators),
            issues=tuple(self.issues),
            text=self.chunk,
            span=self.span(0, len(self.chunk)),
            number_span=self.span(
                number_token.start_pos, number_token.start_pos + len(number_token.rstrip())
            ),
        )

    def _category(self, token: Token) -> Category:
        start = token.start_pos
        match = _CATEGORY_RE.match(token)
        if match is None:  # pragma: no cover - the terminal guarantees the shape
            return Category(None, str(token), self.span(start, token.end_pos))
        self._separator(match.group(3), start + match.start(3))
        return Category(match.group(1), match.group(2), self.span(start, start + match.end(2)))

    def _legacy_category(self, token: Token) -> Category:
        start = token.start_pos
        match = _LEGACY_RE.match(token)
        if match is None:  # pragma: no cover - the terminal guarantees the shape
            return Category(None, str(token), self.span(start, token.end_pos))
        self._separator(match.group(2), start + match.start(2))
        return Category(None, match.group(1), self.span(start, start + match.end(1)))

    def _separator(self, char: str, at: int) -> None:
        if char in ":：":
            return
        self.separators.add(char)
        if char not in self.standard:
            self.issues.append(ClauseIssue("nonstandard-separator", char, self.span(at, at + 1)))

    def _trim(self, start: int, end: int, before_keyword: bool) -> tuple[int, int, str | None]:
        """Strip a text's surroundings; return its bounds and the separator
        that ended it (None at the end of the clause, "" for none)."""
        chunk = self.chunk
        while start < end and chunk[start].isspace():
            start += 1
        while end > start and chunk[end - 1].isspace():
            end -= 1
        separator: str | None = None
        if before_keyword:
            if end > start and chunk[end - 1] in SEPARATORS:
                separator = chunk[end - 1]
                self._separator(separator, end - 1)
                end -= 1
            else:
                separator = ""
                self.separators.add("")
                at = max(start, end - 1)
                self.issues.append(ClauseIssue("missing-separator", "", self.span(at, end)))
        while end > start and chunk[end - 1] in _TRAILING:
            end -= 1
        return start, end, separator

    def _field(self, token: Token, seen: set[str], before_keyword: bool) -> ValueField:
        start = token.start_pos
        match = _KEYWORD_RE.match(token)
        assert match is not None  # the terminal starts with the keyword
        keyword = match.group(1)
        keyword_span = self.span(start, start + len(keyword))
        if keyword in seen:
            self.issues.append(ClauseIssue("repeated-field", keyword, keyword_span))
        seen.add(keyword)
        if match.group(2) is None:
            self.issues.append(ClauseIssue("missing-colon", keyword, keyword_span))
        value_start, value_end, separator = self._trim(
            start + match.end(), token.end_pos, before_keyword
        )
        value_text = self.chunk[value_start:value_end]
        return ValueField(
            keyword=keyword,
            text=value_text,
            value=parse_value(value_text),
            span=self.span(value_start, value_end),
            keyword_span=keyword_span,
            separator=separator,
        )
