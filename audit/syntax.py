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


_NUMERALS = "一二三四五六七八九"


def number_of(text: str) -> int:
    """The number a clause number stands for: ``12、``, ``3.``, ``①``,
    ``（4）``, ``5)``, ``十二、``."""
    text = text.strip("、.．（()） \t")
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")  # 十二: 1 ten, 2; 二十: 2 tens; 三: 3
    if "十" not in text:
        return _NUMERALS.index(text) + 1
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
        _NUMERALS.index(units) + 1 if units else 0
    )


def is_heading(line: str, next_line: str) -> bool:
    """Whether ``line`` is an outline's heading (``一、产出指标``) as the grammar
    reads one: alone on its line, over a line that begins with a clause
    number (``next_line``)."""
    return terminal("HEADING").match(f"\n{line}\n{next_line}", 1) is not None


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
