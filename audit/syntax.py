"""The clause syntax as ``grammar/indicator.lark`` defines it, for code that
must recognise clauses without parsing them.

The PDF-text reader has to tell where an indicator cell begins in text that
was wrapped over lines, and the parser's error recovery where the next clause
starts. Both take the grammar's own terminals from here (the patterns of the
compiled grammar, loaded from Lark's cache), so the clause syntax is written
once, in the grammar.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from audit.grammars import build_lark, terminals
from audit.model import ANNUAL, PERIOD
from audit.resources import resource

if TYPE_CHECKING:
    from lark.lexer import TerminalDef

KEYWORDS: tuple[str, str] = (PERIOD, ANNUAL)
"""The two value keywords, as the grammar's PERIOD_KEY and ANNUAL_KEY."""
GENERIC_KEYWORD = "指标值"
"""The value keyword without its period, as the older form sometimes writes
it (``培训人数，指标值：≥300人``): the grammar's ANNUAL_KEY reads it after a
separator or a colon and before its own colon, never inside a name
(``指标值完成率``); the form's only value is the annual one."""


@cache
def terminal(name: str) -> re.Pattern[str]:
    """The compiled pattern of one of the grammar's terminals (``NUMBER``,
    ``CODE``, ``LEGACY_CATEGORY``, ``TEXT``, ``END`` …)."""
    return re.compile(_terminals()[name].pattern.to_regexp())


@cache
def _terminals() -> dict[str, TerminalDef]:
    """The grammar's terminals: those of the clause parser when it was built
    already, else of a parser built here."""
    path = resource("grammar", "indicator.lark")
    grammar = path.read_text(encoding="utf-8")
    built = terminals(grammar, str(path))
    if built is not None:
        return built
    return {t.name: t for t in build_lark(grammar, str(path), parser="lalr").terminals}


_SPACE = re.compile(r"[ \t\u3000\xa0\u2000-\u200a\u202f\u205f]*")
"""Space within a line, of any kind (the grammar passes over all of it)."""
_KEYWORD = re.compile("|".join(KEYWORDS))


def _past_space(text: str, position: int) -> int:
    """``position`` moved past white space."""
    space = _SPACE.match(text, position)
    assert space is not None  # the pattern matches the empty string too
    return space.end()


def clause_number(text: str, position: int = 0) -> re.Match[str] | None:
    """A clause number (``1、``, ``2.``) at ``position``, after white space."""
    return terminal("NUMBER").match(text, _past_space(text, position))


def number_value(match: re.Match[str]) -> int:
    """The number of a :func:`clause_number` match."""
    return number_of(match.group())


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
"""A number in brackets as one character (``⑴``), which a clause may be numbered with."""
_DOTTED_PARTS = re.compile(r"[ \t]*[.．][ \t]*")


_NUMERALS = "一二三四五六七八九"


def number_of(text: str) -> int:
    """The number a clause number stands for: ``12、``, ``3.``, ``①``, ``⑴``,
    ``（4）``, ``5)``, ``十二、``, and an outline's ``1.1.2`` its last part."""
    text = _DOTTED_PARTS.split(text.strip("、.．（()） \t"))[-1]
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if len(text) == 1 and text in _PARENTHESIZED:
        return _PARENTHESIZED.index(text) + 1
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")  # 十二: 1 ten, 2; 二十: 2 tens; 三: 3
    if "十" not in text:
        return _NUMERALS.index(text) + 1
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
        _NUMERALS.index(units) + 1 if units else 0
    )


# An outline in a cell: headings of categories on lines of their own, over
# numbered items (read in audit.parsing).

LEVEL1_HEADING = r"(?:预期|实施|项目)?(?:产出|效益|效果)指标"
EITHER_HEADING = r"(?:满意度|成本)指标"
LEVEL1_NAME = r"(?:预期|实施|项目)?(?:产出|效益|效果|满意度|成本)指标"
"""A level-1 category's name as a clause or a cell may begin with it."""
_WEIGHT = r"(?:[（(][^\S\n]{0,4}\d{1,3}(?:\.\d{1,2})?[^\S\n]{0,4}分[^\S\n]{0,4}[)）])?"
"""A category's weight after its name, if any: ``（30分）``."""
"""满意度指标 and 成本指标 head a level-1 category (2025: 成本指标 over 经济成本 …)
or, in the older scheme, a level-2 one (产出指标 over 成本指标): the numbering
tells which."""
LEVEL2_HEADING = (
    r"(?:数量|质量|时效)指标|(?:经济效益|社会效益|生态效益|可持续影响|服务对象满意度"
    r"|社会公众满意度|经济成本|社会成本|生态环境成本)(?:指标)?"
)
_OUTLINE_NUMBER = (
    r"(?P<cn>[一二三四五六七八九十]{1,3}[^\S\n]*[、.．])"
    r"|(?P<cnparen>[（(][^\S\n]*[一二三四五六七八九十]{1,3}[^\S\n]*[)）])"
    r"|(?P<paren>[（(][^\S\n]*\d{1,3}[^\S\n]*[)）]|\d{1,3}[)）])"
    r"|(?P<circled>[①-⑳])"
    r"|(?P<dotted>\d{1,3}(?:[.．]\d{1,3}){1,3}(?![\d%％])[^\S\n]*[、.．]?)"
    r"|(?P<code>\d{1,3}[^\S\n]*[-－—–])"
    r"|(?P<digit>\d{1,3}[^\S\n]*(?:、|[.．](?!\d)))"
)
OUTLINE_HEADING = re.compile(
    rf"^[^\S\n]*(?:{_OUTLINE_NUMBER})?[^\S\n]*"
    rf"(?P<name>{LEVEL1_HEADING}|{EITHER_HEADING}|{LEVEL2_HEADING})"
    rf"[^\S\n]*{_WEIGHT}[^\S\n]*[：:]?[^\S\r\n]*\r?$",
    re.M,
)
"""A heading of an outline: a category's name alone on its line, numbered in
any style (``一、``, ``（一）``, ``1.``, ``1.1``, ``（1）``, ``①``, ``1-``) or not,
with its weight (``（30分）``) and colon if any."""
ITEM_NUMBER = re.compile(
    r"[^\S\n]*(?:(?P<dotted>\d{1,3}(?:[.．]\d{1,3}){1,3})(?![\d%％.．])[^\S\n]*[、.．]?"
    r"|(?P<digit>\d{1,3}[^\S\n]*(?:、|[.．](?!\d)))|(?P<circled>[①-⑳])"
    r"|(?P<paren>[（(][^\S\n]*\d{1,3}[^\S\n]*[)）]|\d{1,3}[)）]))"
)
"""The number an outline's item begins with, ``1.1.2`` (an outline's numbering
to three levels) too; the group that matched names its style (``dotted``,
``digit``, ``circled``, ``paren``)."""


WRAP_MARKS = frozenset("；;，,。：:、）)")
"""What a line wrapped inside a clause may begin with: a category's name over
such a line is no heading (``11-数量指标`` over ``；名称…``)."""


def is_heading(line: str, next_line: str) -> bool:
    """Whether ``line`` is an outline's heading (``一、产出指标``, ``（一）数量指标``,
    ``1.1时效指标``): alone on its line, over a line that begins with a clause
    number (``next_line``) as the grammar reads one, with an outline item's
    number, or is another heading; not a category's name wrapped in a cell
    (``经济成本`` over ``指标``, ``产出指标`` over ``；11-数量指标；…``). A heading
    with its first clause after it on its line (``二、满意度指标 2、…``) is none
    here, though the grammar reads it: nothing shows whether the line after it
    is that clause's continuation."""
    if OUTLINE_HEADING.fullmatch(line) is not None and (
        item_start(next_line) or OUTLINE_HEADING.fullmatch(next_line) is not None
    ):
        return True
    found = terminal("HEADING").match(f"\n{line}\n{next_line}", 1)
    return found is not None and not line[found.end() - 1 :].strip()


def outline_breaks(lines: list[str]) -> list[bool]:
    """For each of a cell's lines as a PDF prints them, whether it stands on a
    line of its own in an outline rather than continuing the line before:
    an outline's heading, the line after one, and, under headings, each
    numbered item (``1.培训人数：≥1000人``, whose value needs no keyword)."""
    headings = [
        is_heading(line, lines[index + 1] if index + 1 < len(lines) else "")
        for index, line in enumerate(lines)
    ]
    outline = any(headings)
    return [
        index > 0 and (headings[index - 1] or headings[index] or (outline and item_start(line)))
        for index, line in enumerate(lines)
    ]


_CATEGORIES_START = re.compile(
    rf"[^\S\n]*(?:{_OUTLINE_NUMBER})?[^\S\n]*{LEVEL1_NAME}[^\S\n]*{_WEIGHT}[^\S\n]*"
    rf"(?:[：:][^\S\n]*(?:{LEVEL2_HEADING}|[^\W\d_]{{2,10}}指标)[^\S\n]*[：:]|[：:]?[^\S\n]*$)"
)


def categories_start(line: str) -> bool:
    """Whether a line begins an indicator cell written by categories rather
    than numbered clauses: an outline's level-1 heading alone on it
    (``一、产出指标``), or a level-1 category and a level-2 one, each with
    its colon (``产出指标：数量指标：培训人数≥1000人；…``)."""
    return _CATEGORIES_START.match(line) is not None


def item_start(line: str) -> bool:
    """Whether ``line`` begins with an outline item's number (``1.``, ``2、``,
    ``（3）``, ``④``, ``1.1.2``; not the ``2.5`` of ``2.5万人``)."""
    found = ITEM_NUMBER.match(line)
    if found is None:
        return False
    dotted = found.group("dotted")
    return dotted is None or len(_DOTTED_PARTS.split(dotted)) >= 3


def clause_start(text: str, position: int = 0) -> re.Match[str] | None:
    """The clause number at ``position`` (after white space) when a clause
    starts there, as the grammar reads it: a clause number followed by a
    category (``1-产出指标``, ``满意度指标：``) or a value keyword."""
    number = clause_number(text, position)
    if number is None:
        return None
    after = _past_space(text, number.end())
    if (
        terminal("CODE").match(text, after)
        or terminal("LEGACY_CATEGORY").match(text, after)
        or _KEYWORD.match(text, after)
    ):
        return number
    return None


def clause_numbers(text: str) -> list[re.Match[str]]:
    """Every clause number in ``text`` (not the ``1.`` of ``1.85``)."""
    return list(terminal("NUMBER").finditer(text))


def has_keyword(text: str) -> bool:
    """Whether ``text`` holds a value keyword."""
    return _KEYWORD.search(text) is not None
