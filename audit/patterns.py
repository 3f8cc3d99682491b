"""Regular expressions from configurations, run with a time limit.

The rules' own patterns are written and reviewed with the code and run with
:mod:`re`. A pattern from a configuration (a rule's option, or a rule
written in YAML) may backtrack catastrophically on some text (``(a+)+$``),
so it is compiled with the ``regex`` module, which takes the same syntax as
:mod:`re` (look-arounds included, as in the shipped patterns) and stops a
search after a time limit: :data:`~audit.limits.REGEX_TIMEOUT` seconds plus
:data:`~audit.limits.REGEX_TIMEOUT_PER_CHAR` per character searched. A
search that runs out of time raises :class:`PatternTimeout`, which names
the file, line and key the pattern came from; the command line reports it as
a configuration error (exit 2). ``regex`` is imported only when a
configuration sets a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from audit.limits import REGEX_TIMEOUT, REGEX_TIMEOUT_PER_CHAR


class Where:
    """Where a configured pattern was written: file, line and key."""

    __slots__ = ("key", "line", "path")

    def __init__(self, path: str, line: int | None, key: str) -> None:
        self.path = path
        self.line = line
        self.key = key

    def __str__(self) -> str:
        return self.path + (f":{self.line}" if self.line else "") + f": {self.key}"


class PatternTimeout(Exception):
    """A configured regular expression took too long on the table's text."""

    def __init__(self, pattern: str, where: Where | None, seconds: float) -> None:
        self.pattern = pattern
        self.where = where
        self.seconds = seconds
        place = f"{where}: " if where is not None else ""
        super().__init__(
            f"{place}regular expression {pattern!r} took more than {seconds:.2f} s on "
            "the table's text (nested repetition such as (a+)+ backtracks without end): "
            "simplify it"
        )


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


def is_configured(patterns: object) -> bool:
    return isinstance(patterns, (UserPattern, UserPatterns))


def joined(patterns: Iterable[str]) -> str:
    """Several patterns as one alternation (``(?!)`` matches nothing)."""
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!)"


class TimedPattern:
    """A compiled ``regex`` pattern whose every search has a time limit."""

    __slots__ = ("compiled", "pattern", "where")

    def __init__(self, compiled: Any, where: Where | None) -> None:
        self.compiled = compiled
        self.pattern: str = compiled.pattern
        self.where = where

    def _limit(self, text: str) -> float:
        return REGEX_TIMEOUT + len(text) * REGEX_TIMEOUT_PER_CHAR

    def _timeout(self, text: str) -> PatternTimeout:
        return PatternTimeout(self.pattern, self.where, self._limit(text))

    def search(self, text: str, pos: int = 0) -> Any:
        try:
            return self.compiled.search(text, pos, timeout=self._limit(text))
        except TimeoutError:
            raise self._timeout(text) from None

    def match(self, text: str, pos: int = 0) -> Any:
        try:
            return self.compiled.match(text, pos, timeout=self._limit(text))
        except TimeoutError:
            raise self._timeout(text) from None

    def fullmatch(self, text: str, pos: int = 0) -> Any:
        try:
            return self.compiled.fullmatch(text, pos, timeout=self._limit(text))
        except TimeoutError:
            raise self._timeout(text) from None

    def finditer(self, text: str, pos: int = 0) -> Iterator[Any]:
        try:
            return iter(list(self.compiled.finditer(text, pos, timeout=self._limit(text))))
        except TimeoutError:
            raise self._timeout(text) from None

    def findall(self, text: str, pos: int = 0) -> list[Any]:
        try:
            return self.compiled.findall(text, pos, timeout=self._limit(text))
        except TimeoutError:
            raise self._timeout(text) from None

    def sub(self, replacement: Any, text: str, count: int = 0) -> str:
        try:
            return self.compiled.sub(replacement, text, count, timeout=self._limit(text))
        except TimeoutError:
            raise self._timeout(text) from None


def compile_configured(pattern: str, where: Where | None) -> TimedPattern:
    """Compile a configured pattern; raises :class:`re.error` (``regex``'s
    error is one) with the reason when it is not valid."""
    return _compile(str(pattern), where)


@lru_cache(maxsize=256)
def _compile_cached(pattern: str) -> Any:
    import regex

    try:
        return regex.compile(pattern)
    except regex.error as error:
        raise re.error(str(error)) from None
    except (ValueError, OverflowError, RecursionError) as error:
        raise re.error(f"cannot be compiled: {error}") from None


def _compile(pattern: str, where: Where | None) -> TimedPattern:
    return TimedPattern(_compile_cached(pattern), where)


def compile_pattern(pattern: str) -> Any:
    """A rule's pattern option compiled: with :mod:`re` when it is a shipped
    default, with a time limit when a configuration set it."""
    if isinstance(pattern, UserPattern):
        return _compile(str(pattern), pattern.where)
    return re.compile(pattern)


def compile_any(patterns: Iterable[str]) -> TimedPattern:
    """Configured patterns joined into one, with a time limit."""
    where = patterns.where if isinstance(patterns, UserPatterns) else None
    return _compile(joined(str(p) for p in patterns), where)
