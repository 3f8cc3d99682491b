"""The parse stage: indicator cells → clauses, with ``grammar/indicator.lark``.

The grammar decides where each clause begins and ends, and a Lark
``Transformer`` (run by the LALR parser as it reduces, so no tree is built)
turns each clause into a :class:`~audit.model.Clause`. A cell that the grammar
accepts whole is parsed in one pass. A cell with a stretch that is not a
clause is parsed again with Lark's interactive parser, which recovers: on an
unexpected token it goes back to where the current item began, skips to the
next clause start, and keeps the skipped text as an unstructured
:class:`~audit.model.ClauseError` with its exact span and what was expected.
That stretch never becomes part of a neighbouring clause's value, and the
clauses after it are parsed as if it were not there. No exception escapes
:func:`parse_indicators`.

A cell without any value keyword, of categories then names fused with their
values (``产出指标：数量指标：培训人数≥1000人；…``), is read by
:func:`fused_clauses` instead: the grammar's clauses are told apart by their
keywords, which that form lacks.

Readers build documents with the indicator cells as text; :func:`parse_document`
is the stage that fills every project's clauses.
"""

import re
import threading
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from lark import Token, Transformer

from audit.cellclauses import cell_clauses
from audit.grammars import build_lark
from audit.model import (
    ANNUAL,
    PERIOD,
    AnyClause,
    Category,
    Clause,
    ClauseError,
    ClauseIssue,
    Document,
    Source,
    Span,
    Text,
    TextBuilder,
    ValueField,
    category_code,
)
from audit.readers.common import cell_over_limits
from audit.resources import resource
from audit.syntax import (
    EITHER_HEADING,
    GENERIC_KEYWORD,
    ITEM_NUMBER,
    LEVEL1_HEADING,
    LEVEL1_NAME,
    LEVEL2_HEADING,
    OUTLINE_HEADING,
    WRAP_MARKS,
    clause_number,
    item_start,
    number_of,
    number_value,
    terminal,
)
from audit.values import parse_value

if TYPE_CHECKING:
    from lark import Lark
    from lark.exceptions import UnexpectedInput

STANDARD_SEPARATORS = {"coded": "；", "legacy": "；，"}
"""The separators each form is written with: the older form used ``，``."""
_TRAILING = "；;，,。\u3000 \t\n\r"
"""What is trimmed from the end of a name or a value (punctuation the grammar
leaves in free text, e.g. the ``。`` of ``…关怀。年度指标值``)."""

# What a reviewer calls each terminal, for "expected …" messages. The start
# of a clause whose number was lost is never named: a clause is expected to
# start with its number.
TERMINAL_NAMES: dict[str, str] = {
    "NUMBER": "clause number (1、)",
    "CODE": "category (1-产出指标)",
    "LEGACY_CATEGORY": "category (产出指标：)",
    "CATEGORY_NAME": "category name",
    "PERIOD_KEY": PERIOD,
    "ANNUAL_KEY": ANNUAL,
    "TEXT": "indicator name",
    "END": "end of clause",
    "$END": "end of clause",
}
_KEY_TYPES = {"PERIOD_KEY": PERIOD, "ANNUAL_KEY": ANNUAL}
_CATEGORY_NAMES = frozenset(
    (
        "CATEGORY_NAME",
        "LEGACY_CATEGORY",
        "UNCODED_LEVEL1",
        "LOST_LEGACY",
        "DASHED_CATEGORY",
        "DASHED_LEVEL2",
        "LOST_DASHED",
        "LEGACY_LEVEL2",
    )
)
"""The terminals that are a category's name."""
_DASHED = frozenset(("DASHED_CATEGORY", "LOST_DASHED"))
"""The level-1 categories of the dashed form (``1.产出指标-数量指标-名称：…``)."""
_COLONS = ":："
_NOT_SEPARATORS = frozenset((*_COLONS, *(a + b for a in ("", *"-－—–") for b in "-－—–")))
"""What ends a category without being a separator: a colon, or the dashes of
the dashed form (``-`` ``—`` ``——``)."""


# --------------------------------------------------------------------------
# The parser


@cache
def clause_parser() -> "Lark":
    """The clause parser with its transformer, built once per process, run
    compiled by ``lark-cython`` where it is installed."""
    return _build_parser(compiled=True)


def _build_parser(**options: Any) -> "Lark":
    path = resource("grammar", "indicator.lark")
    return build_lark(
        path.read_text(encoding="utf-8"),
        str(path),
        parser="lalr",
        lexer="contextual",
        transformer=_ClauseBuilder(),
        **options,
    )


# --------------------------------------------------------------------------
# Building clauses as the parser reduces

_local = threading.local()
"""The cell being parsed (for spans) and the clauses found in it, by start
offset. The transformer is shared by the parser, so it keeps them here; the
offsets make a clause that is reduced again after a recovery count once."""


class _Token(Protocol):
    """What the clause builder reads of a token. The contextual lexer always
    sets a token's positions, which Lark's own types leave optional."""

    type: str
    value: str
    start_pos: int
    end_pos: int


class _Category(NamedTuple):
    level: int
    code: _Token | None
    name: _Token
    end: _Token | None


class _Name(NamedTuple):
    text: _Token
    separator: _Token | None


class _Field(NamedTuple):
    keyword: _Token
    colon: _Token | None
    text: _Token | None
    separator: _Token | None


def _span(start: int, end: int) -> Span:
    return Span.of(_local.cell, start, end)


class _ClauseBuilder(Transformer[Token, Any]):
    """Turns each reduced rule into the model's objects; ``clause`` makes a
    :class:`Clause` with spans in the cell being parsed."""

    def start(self, items: list[Any]) -> None:
        return None

    @staticmethod
    def _category(level: int, children: list[_Token]) -> _Category:
        code = name = end = None
        for token in children:
            kind = token.type
            if kind == "CODE" or kind == "LOST_CODE":
                code = token
            elif kind in _CATEGORY_NAMES:
                name = token
            else:
                end = token
        assert name is not None
        return _Category(level, code, name, end)

    def level1(self, children: list[_Token]) -> _Category:
        return self._category(1, children)

    def level2(self, children: list[_Token]) -> _Category:
        return self._category(2, children)

    legacy = level1
    uncoded1 = level1
    lost_level1 = level1
    lost_legacy = level1
    dashed1 = level1
    lost_dashed = level1
    dashed2 = level2
    legacy2 = level2

    def name(self, children: list[_Token]) -> _Name:
        text, *rest = children
        return _Name(text, rest[0] if rest else None)

    def _field(self, children: list[_Token]) -> _Field:
        keyword, colon, text, separator = children[0], None, None, None
        for token in children[1:]:
            if token.type == "COLON":
                colon = token
            elif token.type == "TEXT":
                text = token
            else:
                separator = token
        return _Field(keyword, colon, text, separator)

    period = _field
    annual = _field

    def heading(self, children: list[_Token]) -> None:
        """An outline's heading: the level-1 category of the clauses after it."""
        (token,) = children
        found = _HEADING_NAME.search(token.value)
        assert found is not None  # the grammar's HEADING holds one
        if found.group(1).endswith("绩效指标"):
            return  # the cell's own title (绩效指标：) over its clauses: no category
        start = token.start_pos + found.start(1)
        _local.heading = Category(None, found.group(1), _span(start, start + len(found.group(1))))
        _local.section += 1

    def clause(self, children: list[Any]) -> Clause:
        clause = _assemble(children)
        _local.items[_first_position(children[0])] = clause
        return clause


_FRAMEWORK_PARENTS = {
    **dict.fromkeys(("数量", "质量", "时效"), "产出指标"),
    **dict.fromkeys(("经济效益", "社会效益", "生态效益", "可持续影响"), "效益指标"),
    **dict.fromkeys(("服务对象满意度", "社会公众满意度"), "满意度指标"),
    **dict.fromkeys(("经济成本", "社会成本", "生态环境成本"), "成本指标"),
}
"""The level-2 categories of the national framework (财预〔2020〕10号, and the
2025 成本指标 scheme), each under its level-1 one; 成本指标 alone is level-2 in
the one and level-1 in the other, so it has none here."""


def under_parent(
    category: Category, *, level2: bool = False
) -> tuple[Category | None, Category | None]:
    """The level-1 and level-2 categories of a clause that names one category
    only: a level-2 one of the national framework (``1、数量指标：…``,
    ``（一）社会效益指标`` over the items) stands under the level-1 one the
    framework puts it under (pointed at where the level-2 one is written);
    any other is the clause's level-1 category, as the older form has it.
    With ``level2`` the category is known to be a level-2 one (an outline's
    heading numbered as its level-2 siblings): 成本指标 then stands under
    产出指标, as in the scheme where it is a level-2 category."""
    if category.code is None:
        parent = _FRAMEWORK_PARENTS.get(category.name.removesuffix("指标"))
        if parent is None and level2 and category.name == "成本指标":
            parent = "产出指标"
        if parent is not None:
            return Category(None, parent, category.span), category
    return category, None


_LEVEL1_ONLY = re.compile(LEVEL1_NAME)
"""A level-1 category's name (产出指标, 满意度指标)."""
_HEADING_NAME = re.compile(rf"({LEVEL1_NAME}|(?:年度|项目)?绩效指标)")
"""The category of an outline's heading, after its number, before its weight."""


_NOTE_LINE = re.compile(r"\n[^\S\n]*(?:注|备注|说明)[^\S\n]*\d?[^\S\n]*[：:]")
"""A note on a line of its own (``注：以上指标值均为年度考核口径。``), which ends the
value before it."""


def _first_position(child: _Token | _Category) -> int:
    """Where a clause's first part begins: its number, or the level-1
    category of a clause whose number was lost."""
    if isinstance(child, _Category):
        return (child.code or child.name).start_pos
    return child.start_pos


def _assemble(children: list[Any]) -> Clause:
    """The :class:`Clause` of one reduced ``clause`` rule. This runs for every
    clause of every table, so spans are made with local names."""
    cell = _local.cell
    value_of = cell.value
    of = Span.of
    number: _Token | None = None
    odd: _Token | None = None  # a number of no style the cell's clauses use (a、)
    end: _Token | None = None
    levels: dict[int, _Category] = {}
    parts: list[_Name | _Field] = []
    for child in children:
        kind = type(child)
        if kind is _Category:
            levels[child.level] = child
        elif kind is _Name or kind is _Field:
            parts.append(child)
        elif child.type == "NUMBER":
            number = child
        elif child.type == "ODD_NUMBER":
            odd = child
        else:
            end = child
    level1 = levels.get(1)
    # The dashed form names two levels of categories, as the coded form does.
    # Categories closed by the colon or separator before the name are the
    # older form's, whatever joins them (1、产出指标-数量指标：名称，年度指标值：…).
    dashed = False
    form: Literal["coded", "legacy"] = "coded"
    if level1 is not None and level1.code is None:
        level2 = levels.get(2)
        closed = level2.end if level2 is not None else None
        dashed = level1.name.type in _DASHED and (closed is None or closed.type == "DASH")
        form = "coded" if dashed else "legacy"
    if _local.heading is not None and 2 not in levels and (level1 is None or form == "legacy"):
        # Under an outline's heading, a clause without categories of its own,
        # or with an uncoded one, is of the older form (see below), and is
        # written with that form's separators.
        form = "legacy"
    issues: list[ClauseIssue] = []
    separators: set[str] = set()
    standard = STANDARD_SEPARATORS[form]

    def separator(token: _Token | None, after: int, followed: bool) -> str | None:
        """Record the separator that ends a part followed by another part."""
        if not followed:
            return None
        if token is None:
            separators.add("")
            at = max(0, after - 1)
            issues.append(ClauseIssue("missing-separator", "", of(cell, at, after)))
            return ""
        char = token.value
        if char in _NOT_SEPARATORS:
            return char
        separators.add(char)
        if char not in standard:
            at = token.start_pos
            issues.append(ClauseIssue("nonstandard-separator", char, of(cell, at, at + 1)))
        return char

    categories: list[Category | None] = []
    if number is not None:
        clause_start, last_end = number.start_pos, number.end_pos
    elif odd is not None:
        clause_start, last_end = odd.start_pos, odd.end_pos
    else:  # a clause whose number was lost begins with its level-1 category
        assert level1 is not None
        clause_start = last_end = (level1.code or level1.name).start_pos
    for level in (1, 2):
        category = levels.get(level)
        if category is None:
            categories.append(None)
            continue
        name_token = category.name
        code_token = category.code
        start = name_token.start_pos if code_token is None else code_token.start_pos
        code = None if code_token is None else category_code(code_token.value)
        categories.append(Category(code, name_token.value, of(cell, start, name_token.end_pos)))
        followed = (level == 1 and 2 in levels) or bool(parts)
        separator(category.end, name_token.end_pos, followed)
        last_end = name_token.end_pos if category.end is None else category.end.end_pos

    heading: Category | None = _local.heading
    if heading is not None and categories[1] is None:
        own = categories[0]
        if own is None or form == "legacy":
            # Under an outline's heading, a clause's own uncoded category is its
            # level-2 one (1.数量指标：…); a clause without one takes the heading's.
            categories = [heading, own]
            form = "legacy"
        elif own.code is not None and len(own.code.strip()) >= 2:
            # A level-2 code under the heading (1、11-数量指标；…): the heading
            # is its level-1 category.
            categories = [heading, own]
    elif (
        categories[1] is None
        and categories[0] is not None
        and categories[0].code is not None
        and len(categories[0].code) >= 2
        and _LEVEL1_ONLY.fullmatch(categories[0].name) is None
    ):
        # A level-2 code alone (1、11-数量指标；…): the level-1 category was left
        # out. A level-1 name keeps its place whatever its code (01-产出指标).
        categories = [None, categories[0]]
    if form == "legacy" and categories[1] is None and categories[0] is not None:
        categories = list(under_parent(categories[0]))
    name = ""
    name_start = name_end = last_end
    fields: list[ValueField] = []
    seen: set[str] = set()
    value_begins = -1  # where the last value began
    count = len(parts)
    for index, part in enumerate(parts, 1):
        followed = index < count
        if isinstance(part, _Name):
            text = part.text
            name_start = text.start_pos
            name_end = name_start + len(text.value.rstrip(_TRAILING))
            if part.separator is None and followed and value_of[name_end - 1] in _COLONS:
                # 签约居民人数：实施周期指标值：… a colon ends the name; in the dashed
                # form it is the separator, in the others one in place of ；
                colon = name_end - 1
                name_end = name_start + len(value_of[name_start:colon].rstrip(_TRAILING))
                name = value_of[name_start:name_end]
                if not dashed:
                    separator(None, colon + 1, followed)
                continue
            name = value_of[name_start:name_end]
            separator(part.separator, text.end_pos, followed)
            continue
        keyword_token = part.keyword
        keyword = _KEY_TYPES[keyword_token.type]
        keyword_span = of(cell, keyword_token.start_pos, keyword_token.end_pos)
        if keyword in seen:
            issues.append(ClauseIssue("repeated-field", keyword, keyword_span))
            if value_begins >= 0:
                _note_named_clause(value_of, value_begins, keyword_token.start_pos, number)
        seen.add(keyword)
        if part.colon is None:
            issues.append(ClauseIssue("missing-colon", keyword, keyword_span))
        if keyword_token.value == GENERIC_KEYWORD:
            # 指标值： for 年度指标值：, read as the annual value it stands for
            issues.append(ClauseIssue("missing-keyword", keyword, keyword_span))
        value_token = part.text
        if value_token is not None:
            value_start = value_token.start_pos
            value = value_token.value
            note = _NOTE_LINE.search(value) if "\n" in value else None
            if note is not None:  # a note under the cell's last clause is no part of its value
                value = value[: note.start()]
            value_end = value_start + len(value.rstrip(_TRAILING))
            raw_end = value_token.end_pos
        else:
            value_start = value_end = raw_end = (part.colon or keyword_token).end_pos
        value_begins = value_start
        value_text = value_of[value_start:value_end]
        fields.append(
            ValueField(
                keyword,
                value_text,
                parse_value(value_text),
                of(cell, value_start, value_end),
                keyword_span,
                separator(part.separator, raw_end, followed),
            )
        )
    listed: list[tuple[int, int, int]] | None = None
    if not fields and name and _local.bare:
        # 1.数量指标：培训人数≥300人、发放补贴≥500人次: several indicators listed
        # in one item, each its name and value; the first is this clause's.
        listed = _listed(value_of, name_start, name_end)
        at = _value_at_end(value_of, name_start, name_end) if listed is None else listed[0][1]
        if listed is not None:
            name_end = listed[0][2]
        if at is not None:
            # 1.数量指标：完成培训300人次 in a cell without value keywords: the
            # value ends the name, as the fused form writes it.
            missing = of(cell, at, at)
            value_text = value_of[at:name_end]
            fields.append(
                ValueField(
                    ANNUAL,
                    value_text,
                    parse_value(value_text),
                    of(cell, at, name_end),
                    missing,
                    None,
                )
            )
            issues.append(ClauseIssue("missing-keyword", ANNUAL, missing))
            name_end = name_start + len(value_of[name_start:at].rstrip(_TRAILING + ":："))
            name = value_of[name_start:name_end]
    clause_end = _clause_end(children, end)
    start = clause_start
    number_text = "" if number is None else number.value
    clause = Clause(
        None if number is None else number_of(number_text),
        form,
        categories[0],
        categories[1],
        name,
        of(cell, name_start, name_end),
        tuple(fields),
        frozenset(separators),
        tuple(issues),
        value_of[start:clause_end],
        of(cell, start, clause_end),
        # A clause without its number is pointed at by its level-1 category,
        # one numbered in no style a clause is by that number.
        of(cell, start, start + len(number_text.rstrip(" \t")))
        if number is not None or categories[0] is None
        else categories[0].span
        if odd is None
        else of(cell, odd.start_pos, odd.start_pos + len(odd.value.rstrip(" \t"))),
        0,
        _local.section,
    )
    if listed is None:
        return clause
    # The clause ends with its first indicator; each other one listed is a
    # clause of its own, under the same categories and the same number.
    first_end = listed[0][2]
    clause = clause._replace(text=value_of[start:first_end], span=of(cell, start, first_end))
    for index, (piece, value_start, piece_end) in enumerate(listed[1:], 2):
        stop = clause_end if index == len(listed) else piece_end
        _local.items[piece] = _listed_clause(clause, piece, value_start, piece_end, stop)
    return clause


def _listed_clause(clause: Clause, start: int, value_start: int, end: int, stop: int) -> Clause:
    """The indicator listed from ``start`` to ``end`` (its value from
    ``value_start``) in the item of ``clause``, written up to ``stop``: its
    categories and number are the item's."""
    cell = _local.cell
    text = cell.value
    name_end = start + len(text[start:value_start].rstrip(_TRAILING + ":："))
    missing = Span.of(cell, value_start, value_start)
    value_text = text[value_start:end]
    annual = ValueField(
        ANNUAL,
        value_text,
        parse_value(value_text),
        Span.of(cell, value_start, end),
        missing,
        None,
    )
    return clause._replace(
        name=text[start:name_end],
        name_span=Span.of(cell, start, name_end),
        fields=(annual,),
        separators=frozenset(),
        issues=(ClauseIssue("missing-keyword", ANNUAL, missing),),
        text=text[start:stop],
        span=Span.of(cell, start, stop),
    )


_NAMED_CLAUSE = re.compile(
    r"[；;][ \t]*(\d{1,3})[ \t]*(?:、|[.．](?!\d))[ \t]*[^\W\d_][^；;。\n]{0,40}?"
    r"[ \t]*[；;，,]?[ \t]*\Z"
)
"""The end of a value that holds the next clause's number and name, up to
that clause's value keyword (``≥300人；2、培训合格率，``): a clause written
without categories after a ``；``."""


def _note_named_clause(text: str, value: int, keyword: int, number: _Token | None) -> None:
    """Where a clause's value keyword repeats one of its own (``年度指标值``
    after ``年度指标值：≥300人；2、培训合格率，``), note the ``；`` before a
    clause number and a name (no category: nothing else told the grammar a
    clause begins there) that end the value before it, and a number above the
    clause's own. The cell is then read again with that ``；`` ending the
    clause (:func:`_grammar_clauses`), the value and the new clause apart."""
    found = _NAMED_CLAUSE.search(text, value, keyword)
    if found is None:
        return
    if number is not None and int(found.group(1)) <= number_of(number.value):
        return
    _local.splits.add(found.start())


def _clause_end(children: list[Any], end: _Token | None) -> int:
    """Where a clause's text ends: after its closing punctuation (less white
    space), or after its last token."""
    if end is not None:
        return end.start_pos + len(end.value.rstrip())
    last = 0
    for child in children:
        tokens = child if isinstance(child, tuple) else (child,)
        for token in tokens:
            if token is not None and not isinstance(token, int):
                last = max(last, token.end_pos)
    return last


# --------------------------------------------------------------------------
# Parsing a cell


_SPLIT_KEYWORD = re.compile("|".join(r"\s*".join(keyword) for keyword in (PERIOD, ANNUAL)))
"""A value keyword, with or without white space between its characters."""
_KEYWORDS = frozenset((PERIOD, ANNUAL))
_SPLIT_CATEGORY = re.compile(
    r"(?:\d{1,3}[ \t]*[-－—–]|\d{1,3}[ \t]*(?:、|[.．](?!\d))|[①-⑳]|指标[ \t]*[；;，,:：]\s*)[ \t]*"
    r"([^\W\d_]{1,12})[^\S\n]*\n\s*([^\W\d_]{1,12})(?=[ \t]*(?:[；;，,:：－—–-]|$))",
    re.M,
)
"""A word split by a line break where a category stands: after its code
(``1-产出<br>指标；``), a clause's number (``1、满意度<br>指标：``) or the
category before it, on its line or the line above (``产出指标；数量<br>指标；``,
``产出指标；<br>数量<br>指标；``), up to the separator after it."""
_LINE_START_CATEGORY = (
    r"[^\S\n]*(?:[一二三四五六七八九十]{1,3}[ \t]*[、.．]"
    r"|[（(][ \t]*[一二三四五六七八九十]{1,3}[ \t]*[)）])?"
    r"[ \t]*([^\W\d_]{1,12})[^\S\n]*\n\s*([^\W\d_]{1,12})(?=[ \t]*(?:[；;，,:：－—–-]|$))"
)
_SPLIT_AT_LINE_START = re.compile(r"\n" + _LINE_START_CATEGORY, re.M)
_SPLIT_AT_CELL_START = re.compile(_LINE_START_CATEGORY, re.M)
"""A word split by a line break where a category begins its line, or the
cell, up to the separator, dash or line end after it: an outline's heading
(``一、产出<br>指标``), a line of the dashed form (``产出<br>指标-数量指标-…``),
a clause whose number was lost (``。<br>满意度<br>指标：…``). (The pattern
that begins with the line break is searched for fast.)"""


def _category_names() -> frozenset[str]:
    """The category names the shipped taxonomy (``rules/taxonomy.yaml``)
    knows: each scheme's level-1 and level-2 names and the aliases, each
    also with ``指标`` left off or added, as :class:`audit.taxonomy.Taxonomy`
    reads a name."""
    return _shipped_names()[0]


def _level1_names() -> frozenset[str]:
    """The names the shipped taxonomy knows as a level-1 category only: each
    scheme's level-1 names and the aliases of one (预期产出指标, 效果指标), each
    ending in ``指标``, but none that a scheme in its own right (not one of
    ``synonyms``) has as a level-2 category (成本指标 of the 2021 scheme)."""
    return _shipped_names()[1]


@cache
def _shipped_names() -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_category_names` and :func:`_level1_names`, from one reading of
    the shipped taxonomy."""
    from audit.yamlfile import load

    data, _lines = load(resource("rules", "taxonomy.yaml"))
    schemes = data.get("schemes") or {}
    synonyms = set(data.get("synonyms") or ())
    names: set[str] = set()
    level1: set[str] = set()
    level2: set[str] = set()  # of the schemes in their own right
    for key, scheme in schemes.items():
        for entry in (scheme or {}).values():
            children = [str(name) for name in (entry.get("children") or {}).values()]
            level1.add(str(entry["name"]))
            names.add(str(entry["name"]))
            names.update(children)
            if key not in synonyms:
                level2.update(children)
    aliases = {str(alias): str(name) for alias, name in (data.get("aliases") or {}).items()}
    names.update((*aliases, *aliases.values()))
    level1.update(alias for alias, name in aliases.items() if name in level1)
    level2.update(alias for alias, name in aliases.items() if name in level2)
    every = {*names, *(n.removesuffix("指标") if n.endswith("指标") else n + "指标" for n in names)}
    return frozenset(every), frozenset(n for n in level1 - level2 if n.endswith("指标"))


def words_joined(cell: Text) -> Text:
    """``cell`` with every line break (or space) that splits a value keyword
    taken out (``年度指标<br>值：≥90%``, ``实施周期<br/>指标值``: a hard break typed,
    or kept from the page, in a cell of a web page, a Word document or a
    workbook; ``年度 指标值`` spaced out), and every line break that splits a
    category's name where a category stands (``1、1-产出<br>指标；11-数量指标；…``)
    or begins a line (``一、产出<br>指标``, ``产出<br>指标-数量指标-…``)
    when the joined word is a name the taxonomy knows, each character still
    mapped to its place in the source. A break between other words stays:
    only a whole keyword or category name is joined."""
    text = cell.value
    found = [
        (m.start(), m.end()) for m in _SPLIT_KEYWORD.finditer(text) if m.group() not in _KEYWORDS
    ]
    split: list[re.Match[str]] = []
    if "\n" in text:
        split.extend(_SPLIT_CATEGORY.finditer(text))
        split.extend(_SPLIT_AT_LINE_START.finditer(text))
        first = _SPLIT_AT_CELL_START.match(text)
        if first is not None:
            split.append(first)
    if split:
        names = _category_names()
        joined = [(m.start(1), m.end(2)) for m in split if m.group(1) + m.group(2) in names]
        found = sorted({*found, *joined})
    if not found:
        return cell
    builder = TextBuilder(cell.source)
    position = 0
    for start, end in found:
        if start < position:
            continue  # within a stretch joined already
        builder.add_text(cell.slice(position, start))
        for index in range(start, end):
            if not text[index].isspace():
                builder.add_text(cell.slice(index, index + 1))
        position = end
    builder.add_text(cell.slice(position))
    return builder.build()


def parse_indicators(cell: Text) -> tuple[AnyClause, ...]:
    """Every clause of an indicator cell, in order, and every stretch that is
    not a clause as a :class:`ClauseError`; a value keyword or a category's
    name split by a line break is read whole (:func:`words_joined`)."""
    return _parse_joined(words_joined(cell))


def _parse_joined(cell: Text) -> tuple[AnyClause, ...]:
    """:func:`parse_indicators` of a cell whose keywords are joined already."""
    text = cell.value
    if not text.strip():
        return ()
    keywords = PERIOD in text or ANNUAL in text
    try:
        if "\n" in text:
            outline = outline_clauses(cell, keywords)
            if outline is not None:
                return outline
        if not keywords:
            fused = fused_clauses(cell)
            listed = bracket_list_clauses(cell, lists_only=fused is not None)
            if listed is not None:
                return listed
            if fused is not None:
                return fused
    except Exception as error:  # a bug in reading the cell, never the table's fault
        raise _builder_bug(cell, error) from error
    return _older_form(_refuse_run_together(_settle_forms(_grammar_clauses(cell, text))))


def _grammar_clauses(cell: Text, text: str) -> tuple[AnyClause, ...]:
    """The clauses the grammar reads in ``text``: the cell's value, or a
    stretch of it with everything before the stretch blanked (so that
    positions in ``text`` are positions in the cell), in order. A clause
    that held the next one's number and name in a value, and so repeated a
    value keyword (``…≥300人；2、培训合格率，年度指标值：…``), is read again
    with the ``；`` before that number as the clause's end, as ``。`` is."""
    text = _as_grammar_reads(text)
    items, splits = _grammar_pass(cell, text)
    if not splits:
        return items
    ended = list(text)
    for position in splits:
        ended[position] = "。"
    return _grammar_pass(cell, "".join(ended))[0]


def _grammar_pass(cell: Text, text: str) -> tuple[tuple[AnyClause, ...], set[int]]:
    """The clauses the grammar reads in ``text``, and where a ``；`` ended a
    clause that its value ran past (:func:`_note_named_clause`)."""
    _local.cell = cell
    items: dict[int, AnyClause] = {}
    _local.items = items
    _local.heading = None
    _local.section = 0
    splits: set[int] = set()
    _local.splits = splits
    # A cell without value keywords writes each value after its name.
    _local.bare = GENERIC_KEYWORD not in text
    try:
        from lark.exceptions import UnexpectedInput

        try:
            clause_parser().parse(text)
        except UnexpectedInput:  # only the grammar's refusals are the table's fault
            items.clear()
            splits.clear()
            _local.heading = None
            _local.section = 0
            _parse_recovering(text, items)
        return tuple(items[start] for start in sorted(items)), splits
    except Exception as error:
        if isinstance(error, UnexpectedInput):
            raise
        raise _builder_bug(cell, error) from error
    finally:
        _local.cell = _local.items = _local.heading = _local.splits = _local.bare = None


# --------------------------------------------------------------------------
# Categories with the value fused to the name: 产出指标：数量指标：培训人数≥1000人；…


_LEVEL2_NAME = rf"(?:{LEVEL2_HEADING}|成本指标)"
_CATEGORY_PAIR = re.compile(
    r"(?:^|(?<=\n)|(?<=[、.．)）①-⑳]))(?P<open>[ \t]*[【\[〔][ \t]*)?"
    rf"(?P<level1>{LEVEL1_NAME})"
    r"(?P<between>[ \t]*(?:[-－—–/／|｜（(【\[〔]|(?<=[^\W\d_])[ \t]+(?=[^\W\d_])))"
    rf"[ \t]*(?P<level2>{_LEVEL2_NAME})"
    r"(?P<after>[ \t]*(?:[/／|｜）)】\]〕][ \t]*[：:]?|[：:]|[ \t]+(?=[^\W\d_])))"
)
"""A clause's level-1 and level-2 categories separated by another mark than
the grammar's (``产出指标/数量指标/``, ``【产出指标-数量指标】``, ``产出指标（数量指标）：``,
``产出指标 数量指标 ``, ``产出指标/数量指标：``)."""
_PAIR_HINT = re.compile(r"指标[ \t]*[/／|｜（(【\[〔】\]〕]|指标[ \t]+[^\W\d_\s]|[【\[〔]")
"""What a cell of categories separated so holds somewhere: most cells hold
none of it, and are not searched further."""
_FIELD_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[、.．)）①-⑳；;，,]))"
    r"[ \t]*(?:一级指标|二级指标|三级指标|指标名称)[ \t]*[：:]"
)
"""A form's column written as a label before its value in a clause
(``1.一级指标：产出指标；二级指标：数量指标；三级指标：名称；…``)."""
_HALF_WIDTH_STOP = re.compile(
    r"(?<=[%％‰A-Za-z\u4e00-\u9fff)）】」”])\.(?=[ \t]*\d{1,3}[ \t]*[、.．][ \t]*"
    r"(?:\d{1,3}[ \t]*[-－—–]|[^\W\d_]{2,8}指标|实施周期指标值|年度指标值)|\s*(?![\s\S]))"
)
"""A clause ended with a half-width full stop, typed in a half-width input
mode (``年度指标值:≥95%.3、产出指标,…``): after a percentage, a unit or a
word it is no decimal point, and before the next clause's number and its
category, or at the end of the cell, it ends the clause as ``。`` does."""


def _as_grammar_reads(text: str) -> str:
    """``text`` with what the grammar reads in another way written as it
    reads it, every character in its place (the same length): categories
    separated by another mark become the dashed form's, a form's labels
    blanks, a clause's half-width full stop the full-width one. Names and
    values are taken from the cell itself."""
    if "." in text:
        text = _HALF_WIDTH_STOP.sub("。", text)
    if "级指标：" in text or "指标名称" in text or "级指标:" in text:
        text = _FIELD_LABEL.sub(lambda m: " " * len(m.group()), text)
    if _PAIR_HINT.search(text) is None:
        return text
    return _CATEGORY_PAIR.sub(_dashed_pair, text)


def _dashed_pair(match: re.Match[str]) -> str:
    def dash(part: str | None) -> str:
        return "" if not part else "-" + " " * (len(part) - 1)

    opening = " " * len(match.group("open") or "")
    after = match.group("after")
    # A colon after the pair closes the categories before the name, as the
    # older form writes them (产出指标（数量指标）：名称，年度指标值：…): it stays.
    closing = " " * (len(after) - 1) + after[-1] if after and after[-1] in _COLONS else dash(after)
    return (
        opening
        + match.group("level1")
        + dash(match.group("between"))
        + match.group("level2")
        + closing
    )


# --------------------------------------------------------------------------
# An outline of headings: 一、产出指标 / （一）数量指标 / 1.培训人数：≥1000人

_OWN_CATEGORY = re.compile(rf"[^\S\n]*((?:{LEVEL2_HEADING}|[^\W\d_]{{2,10}}指标))[^\S\n]*[：:]")
"""An item's own category before its name: ``数量指标：``, ``社会效益：``."""
_ONLY_BREAK = re.compile(r"[^\S\n]*\n\s*")
"""Between two lines, no punctuation."""


_CELL_TITLE = re.compile(r"(?:(?:年度|项目)?绩效指标|绩效目标指标)[^\S\n]*[：:]?")
"""The cell's own title on a line above its outline (``绩效指标：``)."""


class _Heading(NamedTuple):
    level: int
    category: Category
    start: int  # where its line begins
    end: int  # where its line ends
    style: str | None  # its numbering (cn 一、, cnparen （一）, digit 1., dotted 1.1 …)


def _line_style(text: str, position: int) -> str | None:
    """The numbering style of the line at ``position``: ``dotted`` (1.1),
    ``paren`` (（1）), ``circled`` (①), ``digit`` (1、 1.), or None."""
    found = ITEM_NUMBER.match(text, position)
    return None if found is None else found.lastgroup


def _outline_headings(cell: Text) -> list[_Heading]:
    """The headings of an outline in a cell, in order. A heading numbered as
    clauses are (``1.产出指标``) is one only where the next line is a heading
    or is numbered in another style (``1.1``, ``（1）``, ``①``): over a line
    numbered as it is, it is a clause without its name and value."""
    text = cell.value
    found = list(OUTLINE_HEADING.finditer(text))
    if not found:
        return []
    starts = {match.start() for match in found}
    level2_styles = {
        _style(match) for match in found if re.fullmatch(LEVEL2_HEADING, match.group("name"))
    }
    headings: list[_Heading] = []
    for match in found:
        style = _style(match)
        name = match.group("name")
        line_after = text[match.end() + 1 : match.end() + 40].lstrip()
        if line_after[:1] in WRAP_MARKS and line_after:
            continue  # a clause wrapped after its category (11-数量指标 over ；名称…)
        if style == "digit":
            following = match.end() + 1
            while following < len(text) and text[following] in "\r\n":
                following += 1
            if (
                following < len(text)
                and following not in starts
                and _line_style(text, following) in (None, "digit")
            ):
                continue
        if re.fullmatch(LEVEL1_HEADING, name):
            level = 1
        elif re.fullmatch(EITHER_HEADING, name):
            level = 2 if style is not None and style in level2_styles else 1
        else:
            level = 2
        span = Span.of(cell, match.start("name"), match.end("name"))
        category = Category(None, name, span)
        headings.append(_Heading(level, category, match.start(), match.end(), style))
    return headings


def _style(match: re.Match[str]) -> str | None:
    for style in ("cn", "cnparen", "paren", "circled", "dotted", "code", "digit"):
        if match.group(style) is not None:
            return style
    return None


def outline_clauses(cell: Text, keywords: bool) -> tuple[AnyClause, ...] | None:
    """The clauses of a cell written as an outline: headings of level-1 and
    level-2 categories on lines of their own, each over the numbered items
    of its category::

        一、产出指标
        （一）数量指标
        1.培训人数，年度指标值：≥1000人      (or 1.培训人数：≥1000人)
        （二）质量指标
        1.培训合格率：≥90%

    None when the cell is no such outline, or one the grammar reads itself
    (level-1 headings unnumbered or numbered in Chinese numerals, over
    clauses with value keywords). An item with value keywords is read by the
    grammar; one without is a name and its value (after its colon, else as
    in the fused form). Its categories are the headings' over it, its own
    uncoded category its level-2 one; numbering may start again under each
    heading (``Clause.section``)."""
    headings = _outline_headings(cell)
    if not headings:
        return None
    if keywords and all(h.level == 1 and h.style in (None, "cn", "cnparen") for h in headings):
        return None
    text = cell.value
    before = text[: headings[0].start].strip()
    if before and _CELL_TITLE.fullmatch(before) is None:
        return None  # text before the first heading: not an outline
    clauses: list[AnyClause] = []
    level1: Category | None = None
    level2: Category | None = None
    for index, heading in enumerate(headings):
        if heading.level == 1:
            level1, level2 = heading.category, None
        else:
            level2 = heading.category
        start = heading.end
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        if not text[start:end].strip():
            continue
        section = index + 1
        # Level-2 headings alone (（一）数量指标) stand under the level-1 category
        # the framework puts them under.
        if level1 is not None or level2 is None:
            first, second = level1, level2
        else:
            first, second = under_parent(level2, level2=True)
        if keywords:
            items = _outline_grammar_items(cell, start, end)
            clauses.extend(_under_headings(item, first, second, section) for item in items)
        else:
            clauses.extend(_outline_plain_items(cell, start, end, first, second, section))
    return _refuse_run_together(tuple(clauses))


def _outline_grammar_items(cell: Text, start: int, end: int) -> tuple[AnyClause, ...]:
    """The clauses the grammar reads in ``text[start:end]``: items numbered
    ``1.1.2`` are given the number the grammar reads, their last one, in the
    same width, so every position stays the cell's."""
    text = cell.value
    stretch = _ITEM_LINE.sub(_as_clause_number, text[start:end])
    return _grammar_clauses(cell, " " * start + stretch)


_ITEM_LINE = re.compile(
    r"(?m)^([^\S\n]*)(\d{1,3}(?:[.．]\d{1,3}){1,3})(?![\d%％.．])[^\S\n]*[、.．]?"
)


def _as_clause_number(match: re.Match[str]) -> str:
    width = len(match.group()) - len(match.group(1))
    return match.group(1) + f"{number_of(match.group(2))}、".ljust(width)


def _outline_plain_items(
    cell: Text,
    start: int,
    end: int,
    level1: Category | None,
    level2: Category | None,
    section: int,
) -> list[AnyClause]:
    """The items without value keywords in ``text[start:end]``, one a line
    or one between ``；``: a name and its value, with a number and an own
    level-2 category before them if any."""
    text = cell.value
    items: list[AnyClause] = []
    position = start
    # Where items are numbered, a line without a number goes on with the item
    # above it (its value under its name); else each line is an item.
    numbered = any(item_start(line) for line in text[start:end].split("\n"))
    ends = [
        piece
        for piece in _FUSED_ITEM_END.finditer(text, start, end)
        if not (
            numbered
            and _ONLY_BREAK.fullmatch(piece.group())
            and not item_start(text[piece.end() : end])
        )
    ]
    for piece in [*ends, None]:
        stop = end if piece is None else piece.start()
        begin = position
        position = end if piece is None else piece.end()
        while begin < stop and text[begin].isspace():
            begin += 1
        if begin >= stop:
            continue
        number: int | None = None
        body = begin
        leading = ITEM_NUMBER.match(text, begin, stop)
        if leading is not None:
            number = number_of(leading.group().strip())
            body = leading.end()
        own = _OWN_CATEGORY.match(text, body, stop)
        if own is not None:  # the category of the items after it too, up to the next
            level2 = Category(None, own.group(1), Span.of(cell, own.start(1), own.end(1)))
            body = own.end()
        colon = _NAME_COLON.search(text, body, stop)
        value_at = None
        if colon is not None and text[colon.end() : stop].strip():
            value_at = colon.end()
            while text[value_at].isspace():
                value_at += 1
        items.extend(
            _fused_items(
                cell,
                number,
                begin,
                body,
                stop,
                level1,
                level2,
                section,
                value_at=value_at,
                number_end=None if leading is None else leading.end(),
            )
        )
    return items


def _under_headings(
    item: AnyClause, level1: Category | None, level2: Category | None, section: int
) -> AnyClause:
    """An outline's item with the categories of the headings over it."""
    if not isinstance(item, Clause):
        return item
    categories = (item.level1, item.level2)
    own = item.level1
    if item.level2 is not None and own is not None and own.span is item.level2.span:
        # Its level-1 category only inferred from its level-2 one (1.社会效益指标：…):
        # the heading it is written under is its level-1 category.
        categories = (level1 or own, item.level2)
    elif item.level2 is None:
        if own is None:
            categories = (level1, level2)
        elif own.code is None or len(own.code.strip()) >= 2:
            # 1.数量指标：… or 1、11-数量指标；… under 一、产出指标: the item's own
            # category is its level-2 one.
            categories = (level1, own)
    form = item.form if categories[0] is None or categories[0].code else "legacy"
    return item._replace(level1=categories[0], level2=categories[1], form=form, section=section)


_ITEM_NUMBER_AHEAD = r"(?:\d{1,3}[ \t]*(?:、|[.．](?!\d))|[①-⑳]|[（(][ \t]*\d{1,3}[ \t]*[)）])"
_FUSED_CATEGORY = re.compile(
    r"(?:^|(?<=[；;，,。：:\n])|(?<=指标[-－—–])|(?<=指标[ \t][-－—–])|(?<=指标[-－—–][ \t])"
    rf"|(?<=指标[^\S\n])(?=[^\S\n]*{_ITEM_NUMBER_AHEAD})"
    rf"|(?<=\S[^\S\n])(?=[^\S\n]*(?:{_ITEM_NUMBER_AHEAD}[ \t]*[^\W\d_]{{2,10}}指标"
    rf"|(?:[一二三四五六七八九十]{{1,3}}[、.．][ \t]*)?{LEVEL1_NAME})[ \t]*[：:]))"
    r"[^\S\n]*"
    r"(\d{1,3}[ \t]*(?:、|[.．](?!\d))|[①-⑳]|[（(][ \t]*\d{1,3}[ \t]*[)）]|\d{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.．])?[ \t]*"
    r"([^\W\d_]{2,10}指标)[ \t]*(?:[：:]|[-－—–](?=[ \t]*[^\W\d_])|(?=[^\S\n]*\n)"
    rf"|(?=(?P<spaced>[^\S\n]+){_ITEM_NUMBER_AHEAD}))"
)
"""A category and its colon at the start of the cell, of a line, after a
separator or after the colon of the category before, with the clause number
it may carry (``1、``, ``2.``, ``①``, ``（3）``, ``4)``, ``五、``); or a
category alone on its line, an outline's heading (``一、产出指标``). A dash
joins them as a colon does (``1、产出指标-数量指标-培训人数：≥300人``,
``产出指标-数量指标：培训人数≥300人``). Items separated by a space, not a
``；``, begin where a numbered category or a level-1 one follows the space
(``…培训人数≥300人 2.质量指标：… 效益指标：…``). An outline's heading whose line break
was lost is followed by white space and its first item's number
(``一、产出指标 1.数量指标：…``, ``spaced``: :func:`_fused_categories` keeps
such a category only where it is a numbered heading), and that item's
category follows the space."""
_DASHED_LEVEL2 = re.compile(rf"[ \t]*({LEVEL2_HEADING})[ \t]*[-－—–]{{1,2}}[ \t]*(?=[^\W\d_])")
"""A level-2 category of the national framework after a level-1 one and its
dash, written without ``指标`` (``满意度指标-服务对象满意度-学员满意度：≥90%``)."""
_COMPARATOR = re.compile(r"[≥≤＞＜><＝=≧≦]")
_COMPARATOR_WORD = re.compile(
    r"不低于|不少于|不高于|不超过|不多于|不大于|不小于|大于|小于|高于|低于|达到"
)
_FUSED_DATE = re.compile(
    r"(?:19|20)\d{2}\s*(?:年|[.．/-]\s*\d{1,2})|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)
"""A date, which a value begins with whole (``资金拨付时间2025年6月30日前``), not at
its last number."""
_FUSED_TIME = re.compile(
    r"(?<![\d:：])\d{1,2}[ \t]*[:：][ \t]*[0-5]\d"
    r"(?:[ \t]*[-－—–~～至到][ \t]*\d{1,2}[ \t]*[:：][ \t]*[0-5]\d)?"
    r"[ \t]*(?:以前|之前|以后|之后|前|后|止)?[ \t]*\Z"
)
"""A time of day, or a range of them, that ends an item (``开放时间8:30-17:30``,
``每日17:30前``): the value whole, not its last number. One inside the name
(``上午8:30开馆率100%``) is the name's."""
_PLACEHOLDER_MARK = re.compile(r"待[补定填确核完]|…|[.．]{3}|[XxＸｘ×*＊]{2}|[？?]")
"""Where a draft's value begins when it is not written yet (待补充, ……, XX)."""
_DIGITS = frozenset("0123456789０１２３４５６７８９")
"""The digits a value's number is written in, half- or full-width as typed
(``９０％`` is read as 90 % is); not ①, which ``str.isdigit`` counts too."""
_NUMBER_CHARS = _DIGITS | frozenset(".,，．")


def fused_clauses(cell: Text) -> tuple[AnyClause, ...] | None:
    """The clauses of a cell written ``一级指标：二级指标：名称值；二级指标：名称值。…``
    (no value keyword: each value follows its name directly and is the
    annual value), or None when the cell is not in that form: it must begin
    with two categories, each with its colon, and hold no value keyword.

    Each ``二级指标：名称值`` is one clause under the level-1 category before it;
    a stretch after a ``；`` or ``。`` without its own category is one too,
    without a level-2 category. A value begins at its first comparator (``≥``
    ``≤`` ``>`` …), else at a word such as 不低于 or 达到, else at a date
    (``2025年6月30日前``), else at its last number, else at a mark of a value
    not written yet (待补充, ……). An item
    with none of these cannot be told apart into name and value and is a
    :class:`ClauseError`."""
    text = cell.value
    matches = _fused_categories(text)
    if not matches or text[: matches[0].start()].strip():
        return None
    if len(matches) == 1:
        if not _one_category(matches[0]) or not text[matches[0].end() :].strip():
            return None  # a category alone (三、满意度指标：) is the grammar's clause
    elif text[matches[0].end() : matches[1].start()].strip():
        return None  # the cell's first category is not followed by a second one
    level1: Category | None = None
    # The number before a level-1 category (``1、产出指标：数量指标：…``) is its
    # item's; where a category heads several items and no category is numbered
    # twice, the cell numbers its categories, and no item has a number.
    carried: tuple[int, int] | None = None
    heading: int | None = None  # the numbered level-1 category's match
    pieces: list[_FusedPiece] = []
    headed: dict[int, list[tuple[int, int]]] = {}  # its items, with their own start
    section = 0  # an outline's headings, counted
    after_level1 = False  # the category before is a level-1 one over this one
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        category = Category(None, match.group(2), Span.of(cell, match.start(2), match.end(2)))
        # Right after a level-1 category stands its level-2 one, whatever its
        # name (满意度指标：满意度指标：…, the one level-2 category repeating it).
        level2_place, after_level1 = after_level1, False
        if not text[match.end() : end].strip() and index + 1 < len(matches):
            level1 = category  # a level-1 category, its level-2 ones after it
            after_level1 = True
            line_end = text.find("\n", match.end(), end)  # not past the next category
            if (line_end >= 0 and not text[match.end() : line_end].strip()) or _outline_number(
                match
            ):
                # alone on its line (产出指标 or 产出指标：), or numbered as an outline's
                # headings are (二、效益指标：1.社会效益指标：…): a heading
                section += 1
            heading = index if match.group(1) else None
            carried = (number_of(match.group(1)), match.start(1)) if match.group(1) else None
            continue
        if _heads_its_items(match):
            # 三、满意度指标：1.服务对象满意度：≥90%: an outline's numbered heading
            # over items that name no level-2 category of their own.
            level1, carried, heading = category, None, None
            section += 1
            pieces.extend(_headed_items(cell, match.end(), end, level1, section))
            continue
        level2: Category | None = category
        if level1 is None:
            # The cell's one category (社会效益指标：…): a level-2 one of the
            # framework under its level-1 one; any other is a level-1 one.
            level1, level2 = under_parent(category)
        position = match.end()
        opens_level1 = not level2_place and category.name in _level1_names()
        if opens_level1:
            # A level-1 category before its item's name (效益指标：社会效益指标：…；
            # 满意度指标：服务对象满意度≥90%, 3.满意度指标-服务对象满意度-学员满意度：≥90%)
            # begins a level-1 category of its own, with the level-2 one after
            # its dash if any; never a level-2 one under the category before.
            level1, level2 = category, None
            section += 1
            after = (
                _DASHED_LEVEL2.match(text, position, end) if match.group(0)[-1] in "-－—–" else None
            )
            if after is not None:
                level2 = Category(None, after.group(1), Span.of(cell, after.start(1), after.end(1)))
                position = after.end()
            elif not match.group(1) and _ITEM_NUMBER.match(text, position, end):
                # 效益指标：1.社会效益：就业率≥85%: over numbered items of its own,
                # numbered from 1 again, as under an outline's heading.
                carried = heading = None
                pieces.extend(_headed_items(cell, position, end, level1, section))
                continue
            heading = index if match.group(1) else None
        if match.group(1):
            number: int | None = number_of(match.group(1))
            start = match.start(1)
            group = index if opens_level1 else None
        else:
            number, start = carried if carried is not None else (None, match.start(2))
            group = heading
        carried = None
        # The items after the first, up to the next category, are of its
        # category too (数量指标：培训人数≥1000人；发放人数≥200人), unless the
        # category is a numbered item's own (1、数量指标：…；2、时效指标：…).
        carry = number is None
        opening = True  # the item that names the category
        own_start = match.start(2)
        for piece in _FUSED_ITEM_END.finditer(text, position, end):
            if piece.start() > position or opening:
                if group is not None:
                    headed.setdefault(group, []).append((len(pieces), own_start))
                pieces.append((number, start, position, piece.start(), level1, level2, section))
            number, opening, start = None, False, piece.end()
            level2 = level2 if carry else None
            position = piece.end()
            while start < end and text[start].isspace():
                start += 1
            own_start = start
        if text[position:end].strip() or opening:
            if group is not None:
                headed.setdefault(group, []).append((len(pieces), own_start))
            pieces.append((number, start, position, end, level1, level2, section))
    names = [matches[group].group(2) for group in headed]
    if any(len(members) > 1 for members in headed.values()) and len(set(names)) == len(names):
        # The cell numbers its categories (each once): each item gives its
        # number back. A level-1 category numbered twice (1.产出指标：… 2.产出指标：…)
        # is written again for each item, whose number it is.
        for members in headed.values():
            first, own_start = members[0]
            pieces[first] = (None, own_start, *pieces[first][2:])
    read = tuple(clause for piece in pieces for clause in _fused_items(cell, *piece))
    if len(matches) == 1 and not _heads_its_items(matches[0]):
        # One category over words only (社会效益指标：就业稳定情况有效促进): no
        # reading finds a clause, and this one says why; with a value it is
        # left to the grammar, as before.
        return None if any(isinstance(c, Clause) for c in read) else read
    return read


def _fused_categories(text: str) -> list[re.Match[str]]:
    """The categories of the fused form in ``text`` (:data:`_FUSED_CATEGORY`);
    one followed by white space only where it is an outline's heading, a
    level-1 category numbered in Chinese numerals (``二、效益指标 1.社会效益：…``)."""
    return [
        match
        for match in _FUSED_CATEGORY.finditer(text)
        if match.group("spaced") is None or _heads_its_items(match)
    ]


_LIST_HEAD = re.compile(
    r"[^\S\n]*(?:(\d{1,3}[ \t]*(?:、|[.．](?!\d))|[①-⒇]|[（(][ \t]*\d{1,3}[ \t]*[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.．])[ \t]*)?"
    rf"({_LEVEL2_NAME}|[^\W\d_]{{2,10}}指标)[ \t]*[：:]"
    rf"(?:[ \t]*({_LEVEL2_NAME}|[^\W\d_]{{2,10}}指标)[ \t]*[：:])?"
)
"""The head of a stretch of a bracketed list: its number if any, and its
category and colon, or its level-1 and level-2 ones (``产出指标：``,
``1、产出指标：数量指标：``)."""
_LIST_ITEM_END = re.compile(r"(?<=[）)])[ \t]*[、，,][、，,\s]*")
"""Between two items of a bracketed list: a ``、`` or ``，`` after a bracket."""


def bracket_list_clauses(cell: Text, *, lists_only: bool = False) -> tuple[AnyClause, ...] | None:
    """The clauses of a cell that lists its indicators after their category,
    each name with its value in the brackets after it, the items joined by
    ``、`` or ``，`` and the categories' stretches by ``；``::

        产出指标：培训人数（≥300人）、培训合格率（≥90%）；效益指标：就业率（≥85%）

    Each item is one clause, its value the annual one (written without a
    keyword), under the stretch's categories (a level-2 one of the framework
    under its level-1 one). A bracket that holds no value (``（人）``,
    ``（含线上）``) stays part of the name. None when the cell is not such a
    list: every stretch must begin with its category or follow one that does,
    at least one item must end in a value in brackets, and no name may hold
    a value of its own (``培训人数≥300人、…`` is no list of names). A number
    before a category that heads several items is the category's: the
    items are then unnumbered, as in :func:`fused_clauses`. With
    ``lists_only`` (a cell :func:`fused_clauses` reads), None too when no
    item is followed by another after its bracket: each of its items is then
    read as that form reads one."""
    text = cell.value
    if "）" not in text and ")" not in text:
        return None
    pieces: list[tuple[int | None, int, int, int, Category | None, Category | None]] = []
    level1: Category | None = None
    level2: Category | None = None
    bracketed = listed = numbers_categories = False
    group_items: int | None = None  # the items under the last numbered category
    position = 0
    for piece in [*_FUSED_ITEM_END.finditer(text), None]:
        stop = len(text) if piece is None else piece.start()
        start, position = position, len(text) if piece is None else piece.end()
        if not text[start:stop].strip():
            continue
        head = _LIST_HEAD.match(text, start, stop)
        number: int | None = None
        if head is not None:
            categories = [
                Category(None, head.group(g), Span.of(cell, head.start(g), head.end(g)))
                for g in (2, 3)
                if head.group(g) is not None
            ]
            if _LEVEL1_ONLY.fullmatch(categories[0].name) is not None:
                level1, level2 = categories[0], categories[1] if len(categories) > 1 else None
            elif len(categories) == 1:
                level2 = categories[0]
                if level1 is None:
                    level1 = under_parent(level2)[0]
            else:
                return None  # two categories, the first no level-1 one
            number = number_of(head.group(1)) if head.group(1) else None
            if number is not None:
                group_items = 0
            elif len(categories) > 1 or level2 is None:
                group_items = None  # a level-1 category of its own, unnumbered
            start = head.start(1) if head.group(1) else head.start(2)
            body = head.end()
        elif level1 is None and level2 is None:
            return None  # text before any category
        else:
            body = start
        item_start = start
        for bound in [*_LIST_ITEM_END.finditer(text, body, stop), None]:
            item_stop = stop if bound is None else bound.start()
            if item_stop < body:
                continue
            found = _value_bracket(text, body, item_stop)
            if bound is not None and found is None:
                continue  # a bracket of the name: 道路（含桥梁）、隧道养护里程（≥50公里）
            if found is None and _VALUE_BRACKET.search(text, body, item_stop):
                return None  # a name that holds a value of its own
            if not text[body:item_stop].strip():
                if bound is None and pieces:
                    continue  # a 、 after the last item
                return None
            bracketed = bracketed or found is not None
            pieces.append((number, item_start, body, item_stop, level1, level2))
            if group_items is not None:
                group_items += 1
                numbers_categories = numbers_categories or group_items > 1
            if bound is not None:
                number, item_start, body = None, bound.end(), bound.end()
                listed = True
    if not bracketed or (lists_only and not listed):
        return None
    if numbers_categories:
        # 1、产出指标：培训人数（≥300人）、培训合格率（≥90%）；2、…: the cell numbers
        # its categories, as the fused form may, and no indicator has a number.
        pieces = [(None, *piece[1:]) for piece in pieces]
    return tuple(_fused_item(cell, *piece) for piece in pieces)


_FUSED_ITEM_END = re.compile(r"[；;。\n][；;。，,\s]*")
"""What ends one item of the fused form: a ``；`` or ``。`` or a line break."""
_ITEM_NUMBER = re.compile(r"[^\S\n]*(\d{1,3})[ \t]*(?:、|[.．](?!\d))[ \t]*")
"""An item's own number in digits (``1.``, ``2、``)."""

_FusedPiece = tuple[int | None, int, int, int, Category | None, Category | None, int]
"""An item of the fused form: its number, where it starts, where its name
and value start, where it ends, its categories and its outline's section."""


def _one_category(match: re.Match[str]) -> bool:
    """Whether the one category of a cell without value keywords may begin
    the fused form, over the items after it: an outline's numbered heading
    over its items (``三、满意度指标：1.服务对象满意度：≥90%``), or a category
    without a number closed by its colon (``社会效益指标：就业稳定情况有效促进``,
    read so only where no item is a clause: :func:`fused_clauses`). Numbered
    as a clause is (``1.数量指标：…``), or joined to its name by a dash
    (``产出指标-培训人数≥300人``), it is a clause the grammar reads."""
    if _heads_its_items(match):
        return True
    return match.group(1) is None and match.group(0).rstrip()[-1:] in _COLONS


def _heads_its_items(match: re.Match[str]) -> bool:
    """Whether a category of the fused form is an outline's heading over
    items of its own: a level-1 category (产出, 效益, 满意度, 成本指标) numbered
    in Chinese numerals as headings are (``三、满意度指标：1.服务对象满意度：≥90%``),
    with text, not another category, after it."""
    return _outline_number(match) and _LEVEL1_ONLY.fullmatch(match.group(2)) is not None


def _outline_number(match: re.Match[str]) -> bool:
    """Whether a category of the fused form is numbered in Chinese numerals,
    as an outline numbers its headings (``二、``), each heading's items
    numbered from 1 again."""
    number = match.group(1)
    return number is not None and number[0] in "一二三四五六七八九十"


_ITEM_LEVEL2 = re.compile(rf"[ \t]*({LEVEL2_HEADING})[ \t]*[：:][ \t]*")
"""A level-2 category of the national framework and its colon where an
item under an outline's heading begins (``1.社会效益：``)."""


def _headed_items(
    cell: Text, start: int, end: int, level1: Category, section: int
) -> list[_FusedPiece]:
    """The items under a heading of :func:`_heads_its_items`, from ``start``
    to ``end``: each up to its ``；`` ``。`` or line break, with its own
    number if it has one, without a level-2 category."""
    text = cell.value
    pieces: list[_FusedPiece] = []
    position = start
    bounds = [m.start() for m in _FUSED_ITEM_END.finditer(text, start, end)] + [end]
    for stop in bounds:
        if text[position:stop].strip():
            own = _ITEM_NUMBER.match(text, position, stop)
            number = int(own.group(1)) if own is not None else None
            first = own.start(1) if own is not None else position
            body = own.end() if own is not None else position
            level2: Category | None = None
            named = _ITEM_LEVEL2.match(text, body, stop)
            if (
                named is not None
                and (_unmarked_value_start(text, named.end(), stop) or 0) > named.end()
            ):
                # 1.社会效益：带动就业200人: the item's level-2 category, then its
                # name and value; 1.服务对象满意度：≥90% is a name and its value.
                level2 = Category(None, named.group(1), Span.of(cell, named.start(1), named.end(1)))
                body = named.end()
            pieces.append((number, first, body, stop, level1, level2, section))
        found = _FUSED_ITEM_END.match(text, stop)
        position = found.end() if found is not None else stop
    return pieces


def _fused_items(
    cell: Text,
    number: int | None,
    start: int,
    body_start: int,
    end: int,
    level1: Category | None,
    level2: Category | None,
    section: int = 0,
    *,
    value_at: int | None = None,
    number_end: int | None = None,
) -> tuple[AnyClause, ...]:
    """The clauses of one item of :func:`_fused_item`: one, or one for each
    indicator the item lists (``培训人数≥300人、发放补贴≥500人次``, see
    :func:`_listed`), each under the item's categories and number."""
    text = cell.value
    listed: Sequence[tuple[int, int | None, int]] | None = None
    if value_at is None:
        body_end = body_start + len(text[body_start:end].rstrip(_TRAILING))
        listed = _listed(text, body_start, body_end)
    if listed is None:  # one indicator: the item whole
        listed = [(body_start, value_at, end)]
    clauses: list[AnyClause] = []
    for index, (piece, piece_value, piece_end) in enumerate(listed):
        last = index == len(listed) - 1
        clause = _fused_item(
            cell,
            number,
            start if index == 0 else piece,
            piece,
            end if last else piece_end,
            level1,
            level2,
            section,
            value_at=piece_value,
            number_end=number_end if index == 0 else None,
        )
        first = clauses[0] if clauses else None
        if isinstance(first, Clause) and isinstance(clause, Clause):
            clause = clause._replace(number_span=first.number_span)
        clauses.append(clause)
    return tuple(clauses)


def _fused_item(
    cell: Text,
    number: int | None,
    start: int,
    body_start: int,
    end: int,
    level1: Category | None,
    level2: Category | None,
    section: int = 0,
    *,
    value_at: int | None = None,
    number_end: int | None = None,
) -> AnyClause:
    """One ``二级指标：名称值`` item: from ``start`` (its number or category)
    and its name and value from ``body_start``, to ``end``, under an
    outline's ``section`` if any; its value at ``value_at`` when known (after
    a name's colon), its number ending at ``number_end`` when it is one the
    grammar does not read (``1.1.2``)."""
    text = cell.value
    of = Span.of
    while body_start < end and text[body_start].isspace():
        body_start += 1
    body_end = body_start + len(text[body_start:end].rstrip(_TRAILING))
    stop = max(body_end, start)
    separator = text[body_end:end].strip()[:1] or None
    value_end = body_end
    bracket = _value_bracket(text, body_start, body_end) if value_at is None else None
    if bracket is not None:  # 培训人数（≥300人）: the value in the brackets after the name
        value_start: int | None = bracket.start(1)
        value_end, name_limit = bracket.end(1), bracket.start()
    else:
        value_start = (
            value_at if value_at is not None else _fused_value_start(text, body_start, body_end)
        )
        name_limit = value_start or body_start
    head = level2 or level1
    leading = clause_number(text, start) if number is not None else None
    if number_end is not None:
        number_span = of(cell, start, len(text[:number_end].rstrip()))
    elif leading is not None:
        number_span = of(cell, leading.start(), leading.end())
    else:  # a clause without its number is pointed at by its category
        number_span = of(cell, start, start) if head is None else head.span
    if value_start is None:
        return ClauseError(
            number,
            text[start:stop],
            of(cell, start, stop),
            "cannot tell the indicator name from its value: words only, no colon, "
            "comparator (≥ ≤ > <), number or placeholder sets a value apart (a "
            "qualitative target run into the name, or no target); write 名称：指标值",
            (),
            number_span=number_span if leading is not None else None,
        )
    name_end = body_start + len(text[body_start:name_limit].rstrip(_TRAILING + ":："))
    value_text = text[value_start:value_end]
    missing = of(cell, value_start, value_start)
    generic = _GENERIC_KEYWORD_END.search(text, body_start, name_end)
    if generic is not None:  # 培训人数，指标值：≥300人: the keyword ends the name
        missing = of(cell, generic.start(1), generic.end(1))
        name_end = body_start + len(text[body_start : generic.start()].rstrip(_TRAILING))
    annual = ValueField(
        ANNUAL,
        value_text,
        parse_value(value_text),
        of(cell, value_start, value_end),
        missing,
        separator,
    )
    return Clause(
        number,
        "legacy",
        level1,
        level2,
        text[body_start:name_end],
        of(cell, body_start, name_end),
        (annual,),
        frozenset(),
        (ClauseIssue("missing-keyword", ANNUAL, missing),),
        text[start:stop],
        of(cell, start, stop),
        number_span,
        0,
        section,
    )


_VALUE_BRACKET = re.compile(
    r"[（(][ \t]*((?![12]\d{3}[ \t]*(?:[-－—–~～至][ \t]*[12]\d{3}[ \t]*)?年度?[ \t]*[)）])"
    r"(?:[≥≤＞＜><＝=≧≦]|不低于|不少于|不高于|不超过|不多于|不大于|不小于|大于|小于|高于|低于"
    r"|达到|约)?[ \t]*\d[^（()）\n]*?)[ \t]*[)）][ \t]*\Z"
)
"""A value in brackets at the end of an item, after its name (``培训人数（≥300人）``,
``培训合格率（90%以上）``): a comparator or a number begins it. A bracket of a
unit or a note (``（人）``, ``（含线上）``, ``（2025年）``) holds none."""
_NAME_WITH_VALUE = re.compile(
    r"[≥≤＞＜><＝=≧≦]|不低于|不少于|不高于|不超过|不多于|不大于|不小于|达到"
    r"|\d[ \t]*[^\W\d_]{0,3}[ \t]*\Z|[（(][ \t]*[≥≤＞＜><＝=≧≦]?[ \t]*\d"
)
"""What shows that the words before a bracket hold a value of their own
(``培训人数≥300人（含线上）``, ``开展培训3期（50人/期）``): the bracket is then a
note on that value, not the value."""


def _value_bracket(text: str, start: int, end: int) -> re.Match[str] | None:
    """The value in brackets that ends ``text[start:end]``, after a name that
    holds no value of its own; None when there is none."""
    found = _VALUE_BRACKET.search(text, start, end)
    if found is None:
        return None
    name = text[start : found.start()].rstrip()
    if not any(c.isalpha() for c in name) or _NAME_WITH_VALUE.search(name):
        return None
    return found


_GENERIC_KEYWORD_END = re.compile(r"(?:^|(?<=[；;，,：:])|(?<=\n))[^\S\n]{0,2}(指标值)[ \t]*\Z")
"""The generic value keyword ``指标值`` at the end of what stands before a
value's colon, after a separator or a colon, or alone (``培训人数，指标值：≥300人``,
``数量指标：指标值：≥300人``): the grammar's ANNUAL_KEY in its generic spelling,
which ends the name; not part of a name (``指标值完成率：100%``)."""


_NAME_COLON = re.compile(r"(?<!\d)[：:]|[：:](?!\d)")
"""The colon that closes a name (``新建道路长度：5-8公里``), not one of a time of
day (``8:30``)."""


def _fused_value_start(text: str, start: int, end: int) -> int | None:
    """Where the value begins in ``text[start:end]``, a name followed by its
    value: after the name's colon, else as :func:`_unmarked_value_start`
    finds it; None when nothing tells."""
    colon = _NAME_COLON.search(text, start, end)
    if colon is not None and colon.start() > start:
        value = colon.end()
        while value < end and text[value].isspace():
            value += 1
        if value < end:
            return value
    return _unmarked_value_start(text, start, end)


def _unmarked_value_start(text: str, start: int, end: int) -> int | None:
    """Where the value begins in a name run into its value
    (``培训人数≥1000人``): at its first comparator, a comparing word, a date,
    its last number or a placeholder's mark."""
    for pattern in (_COMPARATOR, _COMPARATOR_WORD, _FUSED_DATE, _FUSED_TIME):
        found = pattern.search(text, start, end)
        if found is not None:
            return found.start()
    position = end
    while position > start and text[position - 1] not in _DIGITS:
        position -= 1
    if position > start:  # the last number, back to its first digit
        while position > start and text[position - 1] in _NUMBER_CHARS:
            position -= 1
        while text[position] not in _DIGITS:
            position += 1
        return position
    found = _PLACEHOLDER_MARK.search(text, start, end)
    return None if found is None else found.start()


_CODE_MARK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_/#")
"""What stands before a number that is part of a code (``A123``, ``GZ-2025``)."""


def _value_at_end(text: str, start: int, end: int) -> int | None:
    """Where the value begins in a name run into its value, in a cell that
    writes no value keyword: at a comparator or a comparing word
    (``学员满意度≥90%``), else at a number with its unit that ends the name
    (``完成培训300人次``, ``培训合格率达90%以上``); the words before it are the
    name. None when nothing so ends it: a number inside the name
    (``2025年度培训人数``, ``完成3期培训``), one without a unit or part of a code
    (``项目编号A123``), a value with nothing before it. A time of day that ends
    the name is the value whole (``每日开馆时间8:30``), as in the fused form."""
    found = _COMPARATOR.search(text, start, end) or _COMPARATOR_WORD.search(text, start, end)
    if found is None:
        time = _FUSED_TIME.search(text, start, end)
        if time is not None and any(c.isalpha() for c in text[start : time.start()]):
            return time.start() if parse_value(text[time.start() : end]).kind == "date" else None
    if found is not None:
        at = found.start()
    else:
        at = end
        while at > start and end - at <= 4 and text[at - 1] not in _DIGITS:
            at -= 1
        if at == start or text[at - 1] not in _DIGITS:
            return None
        while at > start and text[at - 1] in _NUMBER_CHARS:
            at -= 1
        while text[at] not in _DIGITS:
            at += 1
        if at > start and text[at - 1] in _CODE_MARK:
            return None
    if not any(c.isalpha() for c in text[start:at]):
        return None
    value = parse_value(text[at:end])
    if value.kind != "quantity" or value.prefix or value.suffix:
        return None
    return at if found is not None or value.unit is not None else None


_DEPENDENT = re.compile(r"[^\S\n]*(?:其中|每|单(?![位价]))")
"""What begins a listed piece that counts within the one before it
(``开展培训≥3期、每期≥50人``, ``其中女性≥100人``): no indicator of its own."""


def _listed(text: str, start: int, end: int) -> list[tuple[int, int, int]] | None:
    """The indicators listed in ``text[start:end]``, an item without value
    keywords that joins several with ``、``, each a name and its value
    (``培训人数≥300人、发放补贴≥500人次``): where each begins, where its value
    begins and where it ends. None when that is no such list: a piece
    without a name (``培训≥12期、≥600人次``: one indicator's several targets),
    one without a value (``道路、桥梁养护里程≥50公里``: a name that lists), or
    one that counts within the one before it (``每期≥50人``)."""
    if "、" not in text[start:end]:
        return None
    pieces: list[tuple[int, int, int]] = []
    position = start
    while True:
        mark = text.find("、", position, end)
        stop = end if mark < 0 else mark
        while position < stop and text[position].isspace():
            position += 1
        piece_end = position + len(text[position:stop].rstrip(_TRAILING))
        at = _value_at_end(text, position, piece_end)
        if at is None or _DEPENDENT.match(text, position):
            return None
        pieces.append((position, at, piece_end))
        if mark < 0:
            return pieces
        position = mark + 1


def _builder_bug(cell: Text, error: Exception) -> Exception:
    """A failure that is not the grammar refusing the text: a bug in building
    the clauses, reported as one, never as a parse error of the table."""
    from audit.exitcodes import InternalError

    try:
        where = f"{cell.source.path}:{cell.span().line}"
    except Exception:  # the cell's place is only a courtesy here
        where = cell.source.path
    return InternalError(f"building the clauses of {where} failed: {type(error).__name__}: {error}")


def parse_clause_text(text: str) -> tuple[AnyClause, ...]:
    """Parse a free-standing indicator text (``parse --clause``)."""
    return parse_indicators(Text.at(Source("<clause>", text), 0, text))


def parse_document(document: Document) -> Document:
    """The document with every project's clauses parsed from its indicator
    cell, or built from its indicator rows (:mod:`audit.cellclauses`);
    ``legacy`` is set when every clause is of the older form. A cell
    over the size limits (:mod:`audit.limits`) is left unparsed for the
    ``cell-too-large`` rule to report. A cell whose value keywords a line
    break (or a space) split, or a category's name a line break, is the
    project's with them joined
    (:func:`words_joined`), so that every clause's text stands in it as it
    was read."""
    forms: set[str] = set()
    units = []
    for unit in document.units:
        projects = []
        for project in unit.projects:
            cell = project.indicators
            if cell is not None and not project.clauses and not project.cells:
                cell = words_joined(cell)
                if cell is not project.indicators:
                    project = project._replace(indicators=cell)
            if project.clauses:  # parsed already
                clauses = project.clauses
            elif project.cells:  # the national template: one row of cells per indicator
                clauses = cell_clauses(list(project.cells))
            elif cell is not None and _limits_checked(cell.value):
                clauses = _parse_joined(cell)
            else:
                clauses = ()
            project = project._replace(clauses=_placed(clauses))
            forms.update(c.form for c in project.clauses if isinstance(c, Clause))
            projects.append(project)
        units.append(unit._replace(projects=tuple(projects)))
    return document._replace(units=tuple(units), legacy=forms == {"legacy"})


def _placed(clauses: tuple[AnyClause, ...]) -> tuple[AnyClause, ...]:
    """The clauses with each unnumbered one's place among them (from 1), by
    which a finding names it (第3条): a cell that numbers none of its
    indicators, or one whose number was lost."""
    if all(not isinstance(c, Clause) or c.number is not None or c.position for c in clauses):
        return clauses
    return tuple(
        c._replace(position=index)
        if isinstance(c, Clause) and c.number is None and not c.position
        else c
        for index, c in enumerate(clauses, start=1)
    )


def _limits_checked(text: str) -> bool:
    """Whether a cell is within the size limits, with the clause parser built
    first: the limits count clause numbers with the grammar's own terminal,
    which then comes from that parser instead of one built for it."""
    clause_parser()
    return cell_over_limits(text) is None


def _settle_forms(items: tuple[Any, ...]) -> tuple[AnyClause, ...]:
    """Clauses as the model has them: STRAY tokens become ClauseErrors (made
    during recovery), and a clause without categories takes the form of the
    cell's other clauses."""
    forms = {item.form for item in items if isinstance(item, Clause) and item.level1}
    if len(forms) == 1 and "legacy" in forms:
        return tuple(
            _as_legacy(item) if isinstance(item, Clause) and item.level1 is None else item
            for item in items
        )
    return items


def _as_legacy(clause: Clause) -> Clause:
    """A clause read as of the older form, whose standard separators (``，``
    too) are then no finding."""
    standard = STANDARD_SEPARATORS["legacy"]
    return clause._replace(
        form="legacy",
        issues=tuple(
            issue
            for issue in clause.issues
            if issue.kind != "nonstandard-separator" or issue.detail not in standard
        ),
    )


def _older_form(items: tuple[AnyClause, ...]) -> tuple[AnyClause, ...]:
    """A cell whose clauses name their categories without codes and give no
    period value anywhere is of the older form (no codes, no period value),
    however its categories are joined (``1、产出指标（数量指标）新增就业人数，年度指标值：…``,
    ``1、产出指标-数量指标-名称，年度指标值：…``): its clauses are not asked for a
    period value, and ``，`` is its standard separator. A cell with a code,
    or a period value in any clause, keeps each clause's own form."""
    clauses = [c for c in items if isinstance(c, Clause)]
    if not any(c.form == "coded" and c.level1 is not None for c in clauses):
        return items
    for clause in clauses:
        if clause.period is not None or any(
            level is not None and level.code is not None for level in (clause.level1, clause.level2)
        ):
            return items
    return tuple(
        _as_legacy(item) if isinstance(item, Clause) and item.form == "coded" else item
        for item in items
    )


_RUN_TOGETHER = re.compile(r"[^\W\d_]{2,8}指标[ \t]*[-－—–]{1,2}[ \t]*[^\W\d_]{1,12}[ \t]*[-－—–]")
"""The categories of a dashed-form indicator inside a value: the next
indicator's line, run into the value before it (a PDF line joined without
its break)."""


def _refuse_run_together(items: tuple[AnyClause, ...]) -> tuple[AnyClause, ...]:
    """A clause of the dashed form with another indicator's categories in a
    value holds several indicators whose boundaries cannot be told (a line
    break or a number would tell them): it is refused as one stretch, never
    read with one indicator's values as another's repeats."""
    if not any(isinstance(c, Clause) and c.level1 and c.level1.code is None for c in items):
        return items
    result: list[AnyClause] = []
    for item in items:
        if not (isinstance(item, Clause) and item.form == "coded" and item.level1):
            result.append(item)
            continue
        found = next(
            (m for f in item.fields if (m := _RUN_TOGETHER.search(f.text)) is not None), None
        )
        if item.level1.code is not None or found is None:
            result.append(item)
            continue
        result.append(
            ClauseError(
                item.number,
                item.text,
                item.span,
                "indicators run together: no line break or clause number before the "
                f"categories in {found.group()!r}",
                (),
                found.group(),
                None,
                item.number_span if item.number is not None else None,
            )
        )
    return tuple(result)


def _parse_recovering(text: str, items: dict[int, AnyClause]) -> None:
    """Parse with Lark's interactive parser, recovering at clause starts.

    Before each clause start (a clause number, or the category of a clause
    whose number was lost) is fed, the parser is saved. On an unexpected
    token, it goes back to that point, takes the text from there to the next
    clause start as one unstructured stretch (a ``STRAY`` token, which the
    grammar accepts between clauses, recorded in ``items`` as a
    :class:`ClauseError`), and carries on lexing from the clause start. Each
    recovery consumes at least one character, so this ends.

    The parse is the clause parser's own, compiled by lark-cython where it is
    installed (:class:`_Interactive` speaks to either kind), not a second
    parser in pure Python built, and its lexer compiled, for one cell.
    """
    from lark.exceptions import UnexpectedInput

    interactive = clause_parser().parse_interactive(text)
    kit = _Interactive(type(interactive.parser_state).__module__.startswith("lark_cython"))
    checkpoint = kit.copy(interactive)
    item_start = 0
    while True:
        try:
            for token in interactive.lexer_thread.lex(interactive.parser_state):
                if token.type not in _CLAUSE_STARTS:
                    interactive.feed_token(token)
                    continue
                # A clause start closes the item before it: if it is refused,
                # that item is the one to skip, from its own checkpoint.
                saved = kit.copy(interactive)
                interactive.feed_token(token)
                checkpoint, item_start = saved, token.start_pos
            interactive.feed_eof()
            return
        except UnexpectedInput as error:
            resume = _resume_point(text, _error_position(error, len(text)), item_start)
            # No clause from item_start on was reduced: the item failed before
            # the clause number after it could close it.
            items[item_start] = _stray(text, item_start, resume, error)
            interactive = checkpoint
            interactive.feed_token(kit.token("STRAY", text, item_start, resume))
            interactive.lexer_thread.state = kit.lexer_state_at(text, resume)
            checkpoint = kit.copy(interactive)
            item_start = resume


class _Interactive(NamedTuple):
    """What the recovering parse needs of the clause parser's kind: Lark's
    classes in pure Python, or lark-cython's, which take the same calls but
    are types of their own."""

    compiled: bool

    def copy(self, interactive: Any) -> Any:
        """A copy of ``interactive`` to go back to, sharing its values (the
        clause builder never changes one in place). lark-cython's own copy
        deep-copies them, and a token so copied loses its end."""
        if not self.compiled:
            return interactive.copy(deepcopy_values=False)
        from copy import copy

        from lark.parsers.lalr_interactive_parser import InteractiveParser

        state = interactive.parser_state
        copied = type(state)(
            state.parse_conf, state.lexer, list(state.state_stack), list(state.value_stack)
        )
        return InteractiveParser(interactive.parser, copied, copy(interactive.lexer_thread))

    def token(self, kind: str, text: str, start: int, end: int) -> Any:
        """A token of ``kind`` holding ``text[start:end]``."""
        if not self.compiled:
            return Token(kind, text[start:end], start_pos=start, end_pos=end)
        from lark_cython.lark_cython import Token as CompiledToken

        return CompiledToken(kind, text[start:end], start_pos=start, end_pos=end)

    def lexer_state_at(self, text: str, position: int) -> Any:
        """The lexer's state for lexing ``text`` from ``position``. Its line
        counter is set there directly (spans come from offsets, not from
        Lark's lines), so resuming costs nothing however far into the cell."""
        if not self.compiled:
            from lark.lexer import LexerState, LineCounter, TextSlice

            counter = LineCounter("\n")
            counter.char_pos = position
            return LexerState(TextSlice(text, 0, len(text)), counter)
        from lark_cython import lark_cython

        compiled_counter = lark_cython.LineCounter("\n")
        compiled_counter.char_pos = position
        return lark_cython.LexerState(text, compiled_counter)


_CLAUSE_STARTS = frozenset(
    ("NUMBER", "ODD_NUMBER", "LOST_CODE", "LOST_LEGACY", "LOST_DASHED", "HEADING")
)
"""The terminals a clause, or an outline's heading, begins with."""


def _error_position(error: "UnexpectedInput", length: int) -> int:
    token = getattr(error, "token", None)
    if token is not None:
        return length if token.type == "$END" else int(token.start_pos or 0)
    return int(getattr(error, "pos_in_stream", 0) or 0)


def _resume_point(text: str, at: int, item_start: int) -> int:
    """The first clause start after ``item_start``, at or after ``at``, as
    the grammar's terminals find it: free text stops there and a clause
    number follows, or the category of a clause whose number was lost; the
    end of the text when there is none."""
    free_text, number = terminal("TEXT"), terminal("NUMBER")
    keywords = (terminal("PERIOD_KEY"), terminal("ANNUAL_KEY"))
    lost = (
        terminal("LOST_CODE"),
        terminal("ODD_NUMBER"),
        terminal("LOST_LEGACY"),
        terminal("LOST_DASHED"),
        terminal("HEADING"),
    )
    position = at
    length = len(text)
    while True:
        if position > item_start and any(start.match(text, position) for start in lost):
            return position
        free = free_text.match(text, position)
        if free is not None:
            position = free.end()
        gap = _GAP.match(text, position)
        assert gap is not None  # the pattern matches the empty string too
        position = gap.end()
        if position >= length:
            return length
        if position > item_start and (
            number.match(text, position) or any(start.match(text, position) for start in lost)
        ):
            return position
        keyword = next((m for k in keywords if (m := k.match(text, position))), None)
        position = keyword.end() if keyword is not None else position + 1


_GAP = re.compile(r"[\s:：；;，,。]*")
"""Punctuation and white space between free text and what follows it."""


def _stray(text: str, start: int, end: int, error: "UnexpectedInput") -> ClauseError:
    """The unstructured stretch ``text[start:end]`` and why it is not a clause."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedToken

    chunk = text[start:end].rstrip(_TRAILING)
    stop = start + len(chunk)
    leading = clause_number(text, start)
    number = number_value(leading) if leading else None
    at = _error_position(error, len(text))
    if isinstance(error, UnexpectedToken):
        expected = sorted(error.accepts or error.expected)
        found = error.token.value
    elif isinstance(error, UnexpectedCharacters):
        expected = sorted(error.allowed or ())
        found = text[at:]
    else:  # pragma: no cover - UnexpectedEOF is not raised by LALR
        expected, found = [], ""
    # Past the stretch's own text only its closing punctuation or the end is left.
    found = found[: min(12, stop - at)] if at < stop else ""
    names = tuple(dict.fromkeys(TERMINAL_NAMES[t] for t in expected if t in TERMINAL_NAMES))
    shown = repr(found) if found else "end of clause"
    message = f"expected {' or '.join(names) or 'a clause'}, found {shown}"
    where = _span(at, at + len(found)) if found else _span(max(start, stop - 1), stop)
    number_span = None if leading is None else _span(leading.start(), leading.end())
    return ClauseError(number, chunk, _span(start, stop), message, names, found, where, number_span)
