"""The vocabulary rules share, read once from ``rules/vocabulary.yaml``.

Which units measure a rate, a count or money (and what money is worth in
元), which indicator names ask for a rate, a satisfaction level, a count or
a cost, what a level-1 category measures. One file, checked when it is read
(types, a word in one unit list only, no word twice), with ``file:line``
errors; :data:`VOCABULARY` is the shipped one. Rules take their defaults
from here instead of keeping copies.
"""

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from audit.resources import resource

VOCABULARY_PATH = resource("rules", "vocabulary.yaml")

KINDS = ("quantity", "quality", "timeliness", "cost", "satisfaction", "output", "effect")
"""What a category measures."""


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used: the message names file and line."""


class SharedVocabulary(NamedTuple):
    percent_units: tuple[str, ...]
    count_units: tuple[str, ...]
    money_units: Mapping[str, Decimal]
    """Unit → what one of it is worth in 元."""
    rate_names: tuple[str, ...]
    rate_exempt: tuple[str, ...]
    satisfaction_names: tuple[str, ...]
    count_names: tuple[str, ...]
    ceiling_rates: tuple[str, ...]
    """Rates where less is better: a ceiling (≤) is their standard target."""
    quality_rates: tuple[str, ...]
    """Rates that judge how well an output is made (合格率, 优良率): quality."""
    cost_names: tuple[str, ...]
    lowering_words: tuple[str, ...]
    """Words (regular expressions) that say a measure goes down (降低, 节约)."""
    level1_kinds: Mapping[str, str]
    time_units: tuple[str, ...]
    """Units of a duration or a time limit (天, 工作日, 月)."""
    person_units: tuple[str, ...]
    """The count units that count people (人, 人次, 户)."""
    date_names: tuple[str, ...]
    """Names (regular expressions) that ask for a date or a time limit."""
    state_names: tuple[str, ...]
    """Names (regular expressions) of a state reached (按时发放, 宣传到位)."""
    unitless_names: tuple[str, ...]
    """Names (regular expressions) of measures without a unit (系数, 得分)."""
    adverse_names: tuple[str, ...]
    """Words (regular expressions) of events whose target is none (事故, 投诉)."""

    def unit_measures(self) -> dict[str, str]:
        """Unit → ``percent``, ``count`` or ``money``."""
        measures = dict.fromkeys(self.money_units, "money")
        measures.update(dict.fromkeys(self.count_units, "count"))
        measures.update(dict.fromkeys(self.percent_units, "percent"))
        return measures

    def money_in_wan(self) -> dict[str, float]:
        """Money units with their worth in 万元 (as cost options give it)."""
        return {unit: float(worth / 10000) for unit, worth in self.money_units.items()}


def load_vocabulary(path: Path = VOCABULARY_PATH) -> SharedVocabulary:
    """Read and check a vocabulary file; :class:`VocabularyError` names the
    file, the line and what is wrong."""
    from audit.yamlfile import YamlError, load

    try:
        data, lines = load(path)
    except YamlError as error:
        raise VocabularyError(f"{path}:{error.line}: invalid YAML: {error.message}") from None
    except OSError as error:
        raise VocabularyError(f"{path}: cannot read: {error.strerror}") from None
    return _checked(path, data, lines)


def _checked(path: Path, data: Any, lines: Mapping[tuple[Any, ...], int]) -> SharedVocabulary:
    def fail(key: str | None, message: str, entry: Any = None) -> VocabularyError:
        line = (lines.get((key, entry)) or lines.get((key,))) if key is not None else None
        where = f"{path}:{line}" if line else str(path)
        return VocabularyError(f"{where}: {key + ': ' if key else ''}{message}")

    if not isinstance(data, Mapping):
        raise fail(None, "expected a mapping of word lists")
    fields = SharedVocabulary._fields
    unknown = sorted(str(k) for k in data if k not in fields)
    if unknown:
        raise fail(unknown[0], f"unknown key; expected one of {', '.join(fields)}")
    missing = [name for name in fields if name not in data]
    if missing:
        raise fail(None, f"missing {', '.join(missing)}")

    def words(key: str, regex: bool = False) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise fail(key, "expected a list of non-empty words")
        seen: set[str] = set()
        for word in value:
            if word in seen:
                raise fail(key, f"{word!r} is listed twice")
            seen.add(word)
        if regex:
            _check_patterns(key, value)
        return tuple(value)

    def _check_patterns(key: str, patterns: list[str]) -> None:
        # The list compiled as the one alternation the rules run (the same
        # text audit.patterns.joined gives, so the rules find it in re's
        # cache); a word at a time only to name the one that fails.
        try:
            re.compile("|".join(f"(?:{p})" for p in patterns))
            return
        except re.error:
            pass
        for word in patterns:
            try:
                re.compile(word)
            except re.error as error:
                raise fail(key, f"{word!r} is not a regular expression: {error}") from None
        raise fail(key, "the patterns do not join into one regular expression")

    def mapping(key: str) -> Mapping[str, Any]:
        value = data[key]
        if not isinstance(value, Mapping) or not value:
            raise fail(key, "expected a mapping")
        return value

    money: dict[str, Decimal] = {}
    for unit, worth in mapping("money_units").items():
        try:
            amount = Decimal(str(worth)) if not isinstance(worth, bool) else Decimal("NaN")
        except InvalidOperation:
            amount = Decimal("NaN")
        if not amount.is_finite() or amount <= 0:
            raise fail("money_units", f"{unit}: {worth!r} is not a positive amount of 元", unit)
        money[str(unit)] = amount
    kinds: dict[str, str] = {}
    for name, kind in mapping("level1_kinds").items():
        if kind not in KINDS:
            message = f"{name}: {kind!r} is not one of {', '.join(KINDS)}"
            raise fail("level1_kinds", message, name)
        kinds[str(name)] = kind
    vocabulary = SharedVocabulary(
        percent_units=words("percent_units"),
        count_units=words("count_units"),
        money_units=money,
        rate_names=words("rate_names", regex=True),
        rate_exempt=words("rate_exempt", regex=True),
        satisfaction_names=words("satisfaction_names", regex=True),
        count_names=words("count_names", regex=True),
        ceiling_rates=words("ceiling_rates", regex=True),
        quality_rates=words("quality_rates", regex=True),
        cost_names=words("cost_names", regex=True),
        lowering_words=words("lowering_words", regex=True),
        level1_kinds=kinds,
        time_units=words("time_units"),
        person_units=words("person_units"),
        date_names=words("date_names", regex=True),
        state_names=words("state_names", regex=True),
        unitless_names=words("unitless_names", regex=True),
        adverse_names=words("adverse_names", regex=True),
    )
    owner: dict[str, str] = {}
    for key in ("percent_units", "count_units", "money_units"):
        for unit in getattr(vocabulary, key):
            if owner.setdefault(unit, key) != key:
                raise fail(key, f"{unit!r} stands in both {owner[unit]} and {key}")
    for unit in vocabulary.time_units:
        if unit in owner:
            raise fail("time_units", f"{unit!r} stands in both {owner[unit]} and time_units")
    for unit in vocabulary.person_units:
        if unit not in vocabulary.count_units:
            raise fail("person_units", f"{unit!r} is not one of count_units")
    return vocabulary


VOCABULARY: SharedVocabulary = load_vocabulary()
"""The shipped vocabulary, ``rules/vocabulary.yaml``."""
