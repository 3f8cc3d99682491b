"""Regular expressions from configurations, run by RE2 in linear time.

The rules' own patterns are written and reviewed with the code and run with
:mod:`re`. A pattern from a configuration (a rule's option, or a rule
written in YAML) could backtrack without end on some text (``(a+)+$``), so
it is compiled with RE2 (the ``google-re2`` package), which never
backtracks: its time is linear in the text whatever the pattern. RE2 has no
look-around and no back-references; a pattern that uses them, or that RE2
refuses for any other reason, is a configuration error naming the file,
line, key and pattern, raised when the configuration is loaded, never in the
middle of a run. ``re2`` is imported only when a configuration sets a
pattern (``regex``, the other engine with a time limit, is not used: Lark
imports it at start-up whenever it is installed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any


class Where:
    """Where a configured pattern was written: file, line and key."""

    __slots__ = ("key", "line", "path")

    def __init__(self, path: str, line: int | None, key: str) -> None:
        self.path = path
        self.line = line
        self.key = key

    def __str__(self) -> str:
        return self.path + (f":{self.line}" if self.line else "") + f": {self.key}"


class UserPattern(str):
    """A pattern string from a configuration, with where it was written."""

    where: Where | None = None

    def __new__(cls, value: str, where: Where | None) -> UserPattern:
        made = super().__new__(cls, value)
        made.where = where
        return made


class UserPatterns(list[str]):
    """A list of patterns from a configuration (a ``list[regex]`` option)."""

    where: Where | None = None

    def __init__(self, values: Iterable[str], where: Where | None) -> None:
        super().__init__(values)
        self.where = where


def joined(patterns: Iterable[str]) -> str:
    """Several patterns as one alternation (``(?!)`` matches nothing)."""
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!)"


_NOTHING = r"[^\x00-\x{10FFFF}]"
"""RE2's spelling of a pattern that matches nothing (it has no ``(?!)``)."""


def compile_configured(pattern: str) -> Any:
    """A configured pattern compiled by RE2; raises :class:`re.error` with
    RE2's reason when it is refused."""
    return _compile(str(pattern))


@lru_cache(maxsize=256)
def _compile(pattern: str) -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(pattern.replace(r"(?!)", _NOTHING), options)
    except re2.error as error:
        reason = error.args[0] if error.args else str(error)
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise re.error(_explain(str(reason))) from None


def _explain(reason: str) -> str:
    if "invalid perl operator: (?<" in reason or "invalid perl operator: (?=" in reason:
        return f"{reason} (look-around is not supported in configured patterns)"
    if "invalid perl operator: (?!" in reason:
        return f"{reason} (look-around is not supported in configured patterns)"
    if "invalid escape sequence: \\" in reason and reason[-1:].isdigit():
        return f"{reason} (back-references are not supported in configured patterns)"
    return reason


def compile_pattern(pattern: str) -> Any:
    """A rule's pattern option compiled: with :mod:`re` when it is a shipped
    default, with RE2 when a configuration set it."""
    if isinstance(pattern, UserPattern):
        return _compile(str(pattern))
    return re.compile(pattern)


def compile_any(patterns: Iterable[str]) -> Any:
    """Configured patterns joined into one, compiled by RE2."""
    return _compile(joined(str(p) for p in patterns))
