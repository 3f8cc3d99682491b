"""Target values: one ``实施周期指标值`` / ``年度指标值`` string → :class:`~audit.model.Value`.

The structure of a value is ``grammar/value.lark``; its words (units, magnitudes,
comparator and qualifier words, date words) are ``rules/units.yaml``, loaded into
:data:`UNITS`. :class:`ValueParser` fills the grammar's ``@word-list@`` slots from a
:class:`Vocabulary` and builds a Lark LALR parser whose transformer makes the
:class:`~audit.model.Value` while parsing, so no tree is built.

How a value is read:

- ``quantity``: the first number is the target. A comparator word anywhere
  before it, else one after it, gives the comparator (``=`` when there is
  none); ``prefix`` is the text before it as written, without the qualifiers
  and comparators at its ends; ``suffix`` is the text after it, without the
  separators and the full stop around it.
- ``date``: a date and no number after it (``2024年11月前``); ``prefix`` is the
  text before the date, ``suffix`` the date and what follows it.
- ``formula``: the words before the measure hold ``÷ × *`` or define a name
  with ``=`` (``设备使用率=实际使用设备数量/总设备数量*100%``); no number.
- ``empty``: nothing alphanumeric (blank, ``。``, ``——``).
- ``qualitative``: anything else (``合法合规``, ``每周``).

A number is written in digits, or in Chinese numerals composed as a number
is where its unit follows: with no word going on after the unit (``≥二百张``,
``两个工作日内``), or before any word when a comparator, a qualifier or ``完成``
stands just before it (``不少于三十人参加``, ``每月一次培训``, ``完成五场活动``);
days only before 内 or after a comparator (``七日内办结``, ``不超过五日``;
``五日`` and ``每月十五日前`` are dates). The numerals may hold 亿 and a
decimal point: ``一亿五千万元`` is 15000 万元 (a 万 or 亿 at their end is the
magnitude or the unit after them), ``一点五亿元`` 1.5 亿元, ``三点五万人``
35000 人. ``百分之九十五`` is 95 %, ``千分之五`` 0.5 %, ``万分之五`` 0.05 %. A
numeral inside a word is none (``一次性``, ``十三五``, ``三星级``, ``一体化``,
``一人一档``, even in ``不少于一人一档``), nor is a label before a date
(``二期2025年完成``) or a time of day (``八点三十分前``); numerals whose
places are out of order (``一千五十人``) make the value qualitative, never a
guess at the number. 余 or 多 after a number or its magnitude (``20余场``,
``1万余人``, ``20多万元``) leaves the number in the unit after them, with no
comparator of its own (``人均成本300余元`` is an estimate, no floor on a cost).

An estimate keeps its number and is marked (:attr:`~audit.model.Value.approx`,
the words in ``approximations`` of ``rules/units.yaml``): ``over`` for 余 and
多, ``around`` for 约 before the number or 左右 after it (``约500人``,
``500人左右``), ``under`` for 近 before it (``近千人``; not before a unit of
time: ``近3年`` is the last three years). A place alone is one of it in an
estimate (``千余人``, ``近万人``), and numerals take 余 as digits do
(``三十余人``). :func:`allowance` says which numbers an estimate allows.

成 after a number is tenths, a percentage (``九成以上`` ≥90 %, ``八成`` 80 %,
``九成五`` 95 %, ``9成``), unless a word goes on after it (``成本``, ``成果``,
``九成新``: a grade of wear). A date in Chinese numerals (``二〇二四年十二月三十一日前``,
``二〇二五年六月底前``, ``十二月三十一日前``) is a date as in digits;
:func:`date_in_digits` writes it in digits for the rules that read dates. A
phase before the works it names (``完成二期工程``, ``完成一期、二期工程``,
``完成2期建设``) is a label, never a count; 期 before anything else counts
(``完成2期培训``), as ``两期工程`` does.

Each value also lists its :attr:`~audit.model.Value.targets`: what follows the
first measure is read again, so ``≥95%，≤100%``, ``≥300人；≥10场`` and
``大于等于90%且小于100%`` give two targets each, every one with its own
comparator, number and unit; a date (``2025年底前``), a date range
(``2023.07-2024.01``), a duration (``12个月``) and a frequency (``每月``,
``2次/月``) are targets of their own kinds.

:func:`parse_value` is the entry point: memoised, and it never raises.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple, get_args

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from audit.grammars import build_lark
from audit.model import Approximation, Change, Comparator, Target, TargetKind, Value
from audit.resources import resource

__all__ = [
    "AROUND",
    "UNITS",
    "Allowance",
    "ValueParser",
    "Vocabulary",
    "allowance",
    "date_in_digits",
    "default_parser",
    "dimension",
    "parse_value",
    "years_in_digits",
]

GRAMMAR_PATH = resource("grammar", "value.lark")
VOCABULARY_PATH = resource("rules", "units.yaml")

MAX_LENGTH = 1000
"""Longer values are prose, never a target: they are qualitative unparsed, which
bounds the work a pathological cell can cost."""

_COMPARATORS = frozenset(get_args(Comparator)) - {"range"}
_PLACEHOLDER = re.compile(r"@(\w+)@")
_DIGITS = str.maketrans("０１２３４５６７８９．／", "0123456789./")
_ARABIC = frozenset("0123456789０１２３４５６７８９")
_ONE = Decimal(1)
# A range between two dates: "2023-2024年度", "2023.07-2024.01", "2023年7月-2024年1月".
_DATE_RANGE = re.compile(r"[0-9０-９]\s*[-－—–~～〜至到]\s*[0-9０-９]|[-－—–~～〜至到]")
_CLOCK = re.compile(
    r"\d{1,2}[:：]\d{2}(?:\s*[-－—–~～〜至到]\s*\d{1,2}[:：]\d{2})?"
    r"|\d{1,2}\s*[×xX*＊]\s*\d{1,2}\s*(?:小时|[hH])|\d{1,2}\s*(?:小时|[hH])\s*[×xX*＊]\s*\d\s*[天日]?"
)
"""A DATE token that is a time of day, hours of the day (``8:30-17:30``), or
hours of the week (``7×24小时``, ``5×8小时``: days times hours a day)."""
_ISO_DATE = re.compile(r"[0-9０-９]{4}-[0-9０-９]{1,2}-[0-9０-９]{1,2}")
"""One day written with dashes (2024-12-31, a workbook's date cell): no range."""
_DIGIT = re.compile(r"[0-9０-９一二两三四五六七八九十]")
"""A character that may begin a number (a digit or a Chinese numeral)."""
_BY = ("前", "以前", "之前", "内", "以内", "之内")
_FROM = ("后", "以后", "之后", "起")
# Separators and sentence ends trimmed from a suffix: "90%以上，用人单位满意" → "用人单位满意".
_SUFFIX_LEAD = " \t\r\n，,；;、。.．：:"
_SUFFIX_END = " \t\r\n，,；;、。.．"


# --------------------------------------------------------------------------
# The vocabulary


class Vocabulary(NamedTuple):
    """The words of target values; :meth:`load` reads them from YAML."""

    units: tuple[str, ...]
    time_units: tuple[str, ...]
    aliases: Mapping[str, str]
    """Unit as written → unit as reported (``％`` → ``%``)."""
    magnitudes: Mapping[str, int]
    """Magnitude word → power of ten."""
    comparators: Mapping[str, Comparator]
    """Words before the number, anywhere in the text before it."""
    comparators_before_number: Mapping[str, Comparator]
    """Words before the number only when the number follows at once."""
    comparators_after: Mapping[str, Comparator]
    comparators_after_duration: Mapping[str, Comparator]
    """Words after a unit of time only (``3个工作日内``)."""
    qualifiers: tuple[str, ...]
    qualifiers_before_number: tuple[str, ...]
    """Qualifiers only when the number follows at once (``约1200人次``)."""
    frequencies: Mapping[str, str]
    """Qualifiers that give a frequency: ``每月`` → ``per="月"``."""
    date_words: tuple[str, ...]
    changes: Mapping[str, Change] = {}
    """Words just before the number that make it a change from a reference,
    not a level: ``下降`` → ``fall`` (``同比下降10%``), ``提高`` → ``rise``."""
    denominators: tuple[str, ...] = ()
    """Words that are a unit only after a slash: ``生`` in ``元/生·年`` (per
    student), never after a number."""
    conversions: Mapping[str, Mapping[str, Fraction]] = {}
    """Units that convert, by dimension: unit → what one of it is worth in
    the dimension's first unit (``area``: ``亩`` → 2000/3 平方米)."""
    counting: tuple[str, ...] = ()
    """Words that make a number in Chinese numerals just after them a count
    even where a word follows its unit, as comparators and qualifiers do:
    ``完成`` in ``完成五场活动``."""
    approximations_before: Mapping[str, Approximation | None] = {}
    """Words just before the number that make it an estimate: ``约`` →
    ``around``, ``近`` → ``under``; None for a word that ends in one of them
    and is none (``附近``)."""
    approximations_after_number: Mapping[str, Approximation] = {}
    """Words right after the number or its magnitude, before the unit:
    ``余`` → ``over`` (``1万余人``, ``20余场``)."""
    approximations_after: Mapping[str, Approximation] = {}
    """Words after the number and its unit: ``左右`` → ``around``."""

    @classmethod
    def load(cls, path: Path) -> "Vocabulary":
        from audit.yamlfile import YamlError, load

        try:
            data, _lines = load(path)
        except YamlError as error:
            raise ValueError(f"{path}:{error.line}: invalid YAML: {error.message}") from None
        try:
            return cls.from_mapping(data)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None

    @classmethod
    def from_mapping(cls, data: Any) -> "Vocabulary":
        """A vocabulary from the structure of ``rules/units.yaml``; raises
        :class:`ValueError` naming what is wrong."""
        top = _mapping(data, "the vocabulary")
        _known_keys(top, {key.split(".")[0] for key, _ in _FIELDS.values()}, "the vocabulary")
        # the sections of several lists (comparators, approximations)
        nested: dict[str, Mapping[Any, Any]] = {}
        for section in sorted({key.partition(".")[0] for key, _ in _FIELDS.values() if "." in key}):
            nested[section] = _mapping(top.get(section) or {}, section)
            _known_keys(
                nested[section],
                {
                    key.partition(".")[2]
                    for key, _ in _FIELDS.values()
                    if key.startswith(f"{section}.")
                },
                section,
            )
        values: dict[str, Any] = {}
        for name, (key, convert) in _FIELDS.items():
            section, _, word = key.partition(".")
            values[name] = convert(nested[section].get(word) if word else top.get(section), key)
        return cls(**values)._checked()

    def extended(self, **more: Any) -> "Vocabulary":
        """This vocabulary with more words, e.g. ``UNITS.extended(units=["工分"])``:
        lists are appended to, mappings updated."""
        changes: dict[str, Any] = {}
        for name, extra in more.items():
            if name not in _FIELDS:
                raise ValueError(f"unknown vocabulary list {name!r}")
            current, added = getattr(self, name), _FIELDS[name][1](extra, name)
            if isinstance(current, tuple):
                changes[name] = tuple(dict.fromkeys((*current, *added)))
            else:
                changes[name] = {**current, **added}
        return self._replace(**changes)._checked()

    def _checked(self) -> "Vocabulary":
        seen: dict[str, str] = {}
        for name, words in self.word_lists().items():
            for word in words:
                if seen.setdefault(word, name) != name:
                    raise ValueError(f"{word!r} stands in both {seen[word]} and {name}")
        reported = {self.aliases.get(unit, unit) for unit in self.units}
        dimensions: dict[str, str] = {}
        for dimension, worths in self.conversions.items():
            for unit in worths:
                if unit not in reported:
                    raise ValueError(f"conversions: {unit!r} ({dimension}) is no reported unit")
                if dimensions.setdefault(unit, dimension) != dimension:
                    raise ValueError(
                        f"conversions: {unit!r} stands in both {dimensions[unit]} and {dimension}"
                    )
        return self

    def measure(self, unit: str) -> tuple[str, Fraction] | None:
        """A reported unit's dimension and what one of it is worth in the
        dimension's first unit: ``公里`` is (length, 1000); a magnitude word
        before a unit multiplies it (``万平方米`` is (area, 10000), ``千瓦``
        (power, 1000)), and a unit of no dimension is a dimension of its own
        (``万人`` is (人, 10000)); a unit as written is read as reported
        (``公斤`` as 千克). None for anything else."""
        unit = self.aliases.get(unit, unit)
        for dimension, worths in self.conversions.items():
            if unit in worths:
                return dimension, worths[unit]
        for word, power in self.magnitudes.items():
            rest = unit[len(word) :]
            if not unit.startswith(word) or not rest:
                continue
            rest = self.aliases.get(rest, rest)
            for dimension, worths in self.conversions.items():
                if rest in worths:
                    return dimension, worths[rest] * 10**power
            if rest in self.units:
                return rest, Fraction(10) ** power
        if unit in self.units:
            return unit, Fraction(1)
        return None

    def common_unit(self, first: str, second: str) -> tuple[Decimal, Decimal, str] | None:
        """How amounts in two units of one dimension are written in one unit:
        the factors to multiply each by and that unit, one of the two, chosen
        so that the factors are exact decimals (``亩`` and ``平方米`` in 亩:
        1 and 0.0015; ``公里`` and ``米`` in 米: 1000 and 1). None when the
        two are one unit or do not convert (``米`` and ``平方米``)."""
        if first == second:
            return None
        mine, theirs = self.measure(first), self.measure(second)
        if mine is None or theirs is None or mine[0] != theirs[0]:
            return None
        ratio = mine[1] / theirs[1]  # one `first` in `second`
        if _terminates(ratio):
            return _exact(ratio), _ONE, second
        if _terminates(1 / ratio):
            return _ONE, _exact(1 / ratio), first
        base = next(iter(self.conversions.get(mine[0], {mine[0]: 1})))
        return _exact(mine[1]), _exact(theirs[1]), base

    def before_a_count(self) -> tuple[str, ...]:
        """The words after which a number in Chinese numerals is a count even
        where a word follows its unit: comparators, qualifiers (frequencies
        among them) and the ``counting`` words; not ``<`` or ``>`` alone, which
        may close a tag of markup left in a cell (``<td>一级指标``)."""
        return (
            *(word for word in self.comparators if word not in ("<", ">")),
            *self.comparators_before_number,
            *self.qualifiers,
            *self.qualifiers_before_number,
            *self.frequencies,
            *self.counting,
        )

    def word_lists(self) -> dict[str, tuple[str, ...]]:
        """The word lists that fill the grammar, by the name it gives them."""
        return {
            "units": self.units,
            "time_units": self.time_units,
            "magnitudes": tuple(self.magnitudes),
            "comparators": tuple(self.comparators),
            "comparators_before_number": tuple(self.comparators_before_number),
            "comparators_after": tuple(self.comparators_after),
            "comparators_after_duration": tuple(self.comparators_after_duration),
            "qualifiers": (*self.qualifiers, *self.frequencies),
            "qualifiers_before_number": self.qualifiers_before_number,
            "date_words": self.date_words,
            "denominators": self.denominators,
            "counting": self.counting,
            "approximations_after_number": tuple(self.approximations_after_number),
        }

    def fill(self, grammar: str) -> str:
        """``grammar`` with each ``@list@`` replaced by a regex alternation of
        that list's words, longest first."""
        patterns = {name: _alternation(words) for name, words in self.word_lists().items()}
        patterns["units_over_time_units"] = _alternation(
            unit
            for unit in self.units
            if any(unit.startswith(time) and unit != time for time in self.time_units)
        )
        patterns["tenth"] = _tenth(patterns["comparators_after"])
        patterns["phase"] = _PHASE
        estimates = [word for word, way in self.approximations_before.items() if way]
        patterns["cn_number"] = _chinese_number(patterns, self.before_a_count(), estimates)
        patterns["cn_percent"] = _CN_PERCENT
        patterns["cn_date"] = _CN_DATE
        # where TEXT stops: a number or a date in numerals, behind one look at
        # the character (TEXT tries this at every character it reads)
        patterns["cn_number_or_date"] = _chinese_number(
            patterns, self.before_a_count(), estimates, _CN_DATE_START
        )

        def pattern(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in patterns:
                raise ValueError(f"the grammar names an unknown word list @{name}@")
            return patterns[name]

        return _PLACEHOLDER.sub(pattern, grammar)


def _mapping(data: Any, where: str) -> Mapping[Any, Any]:
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: expected a mapping, not {type(data).__name__}")
    return data


def _known_keys(data: Mapping[Any, Any], known: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ValueError(
            f"{where}: unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(known))}"
        )


def _words(data: Any, where: str) -> tuple[str, ...]:
    if data is None:
        return ()
    if not isinstance(data, (list, tuple)):
        raise ValueError(f"{where}: expected a list of words")
    words = tuple(str(word) for word in data)
    if any(not word or word != word.strip() for word in words):
        raise ValueError(f"{where}: words must be non-empty and without surrounding spaces")
    return words


def _word_map(data: Any, where: str) -> dict[str, str]:
    mapping = _mapping({} if data is None else data, where)
    _words(list(mapping), where)
    return {str(key): str(value) for key, value in mapping.items()}


def _comparator_map(data: Any, where: str) -> dict[str, Comparator]:
    mapping = _word_map(data, where)
    for word, comparator in mapping.items():
        if comparator not in _COMPARATORS:
            raise ValueError(
                f"{where}: {word!r} has no comparator {comparator!r};"
                f" expected one of {', '.join(sorted(_COMPARATORS))}"
            )
    return mapping  # type: ignore[return-value]  # checked above


_APPROXIMATIONS = frozenset(get_args(Approximation))


def _approximation_map(data: Any, where: str) -> dict[str, Approximation | None]:
    """Words and how each makes a number an estimate (``none``: it does not)."""
    mapping = _word_map(data, where)
    for word, approximation in mapping.items():
        if approximation not in _APPROXIMATIONS | {"none"}:
            raise ValueError(
                f"{where}: {word!r} must be one of {', '.join(sorted(_APPROXIMATIONS))}"
                f" or none, not {approximation!r}"
            )
    return {word: None if way == "none" else way for word, way in mapping.items()}  # type: ignore[misc]  # checked above


def _approximation_only_map(data: Any, where: str) -> dict[str, Approximation]:
    """As :func:`_approximation_map`, every word an estimate."""
    mapping = _approximation_map(data, where)
    for word, approximation in mapping.items():
        if approximation is None:
            raise ValueError(f"{where}: {word!r} must make a number an estimate, not none")
    return mapping  # type: ignore[return-value]  # checked above


def _change_map(data: Any, where: str) -> dict[str, Change]:
    mapping = _word_map(data, where)
    for word, change in mapping.items():
        if change not in ("rise", "fall"):
            raise ValueError(f"{where}: {word!r} must be rise or fall, not {change!r}")
    return mapping  # type: ignore[return-value]  # checked above


def _conversion_map(data: Any, where: str) -> dict[str, dict[str, Fraction]]:
    mapping = _mapping({} if data is None else data, where)
    conversions: dict[str, dict[str, Fraction]] = {}
    for dimension, units in mapping.items():
        worths = _word_map(units, f"{where}.{dimension}")
        conversions[str(dimension)] = {}
        for unit, worth in worths.items():
            try:
                fraction = Fraction(worth)
            except (ValueError, ZeroDivisionError):
                fraction = Fraction(0)
            if fraction <= 0:
                raise ValueError(
                    f"{where}.{dimension}: {unit!r} must be worth a positive number"
                    f" or fraction, not {worth!r}"
                )
            conversions[str(dimension)][unit] = fraction
    return conversions


def _terminates(fraction: Fraction) -> bool:
    """Whether a fraction is a decimal with an end (0.0015, not 666.66…)."""
    denominator = fraction.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _exact(fraction: Fraction) -> Decimal:
    """A fraction as a Decimal: exact when it terminates, else to the
    context's precision."""
    return Decimal(fraction.numerator) / Decimal(fraction.denominator)


def _power_map(data: Any, where: str) -> dict[str, int]:
    mapping = _mapping({} if data is None else data, where)
    _words(list(mapping), where)
    for word, power in mapping.items():
        if not isinstance(power, int) or isinstance(power, bool):
            raise ValueError(f"{where}: {word!r} must be a power of ten, not {power!r}")
    return {str(word): power for word, power in mapping.items()}


# Each field of Vocabulary: its key in rules/units.yaml and how it is read.
_FIELDS: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    "units": ("units", _words),
    "time_units": ("time_units", _words),
    "aliases": ("aliases", _word_map),
    "magnitudes": ("magnitudes", _power_map),
    "comparators": ("comparators.before", _comparator_map),
    "comparators_before_number": ("comparators.before_number", _comparator_map),
    "comparators_after": ("comparators.after", _comparator_map),
    "comparators_after_duration": ("comparators.after_duration", _comparator_map),
    "qualifiers": ("qualifiers", _words),
    "qualifiers_before_number": ("qualifiers_before_number", _words),
    "frequencies": ("frequencies", _word_map),
    "date_words": ("date_words", _words),
    "changes": ("changes", _change_map),
    "denominators": ("denominators", _words),
    "conversions": ("conversions", _conversion_map),
    "counting": ("counting", _words),
    "approximations_before": ("approximations.before", _approximation_map),
    "approximations_after_number": ("approximations.after_number", _approximation_only_map),
    "approximations_after": ("approximations.after", _approximation_only_map),
}


def _alternation(words: Iterable[str]) -> str:
    """A regex for Lark's ``/…/`` syntax matching any of ``words``, the longest
    first; ``(?!)`` (never matches) for no words."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    if not ordered:
        return "(?!)"
    return "|".join(re.escape(word).replace("/", r"\/") for word in ordered)


_CN_DIGITS = "一二两三四五六七八九"
_CN_ZEROS = "零〇"
_CN_DIGIT_VALUES = {char: value for value, char in enumerate("一二三四五六七八九", 1)} | {
    "两": 2,
    "零": 0,
    "〇": 0,
}
_CN_SMALL_PLACES = {"十": 1, "百": 2, "千": 3}
_CN_LARGE_PLACES = (("亿", 8), ("万", 4))
_CN_NUMERALS = _CN_DIGITS + _CN_ZEROS + "十百千万亿"
_CN_D = f"[{_CN_DIGITS}]"
_CN_Z = f"[{_CN_ZEROS}]"
_CN_DECIMALS = "零〇一二三四五六七八九"
_CN_BARE = "百千万"
"""Places that may stand alone for one of them, in an estimate (千余人, 近万人)."""
_CN_BARE_VALUES = {"百": 100, "千": 1000, "万": 10000}
_CN_CLOCK = r"\s*分\s*(?:以?前|之前|以?后|之后|开始|起|至|到|结束|截止|[-－—–~～〜])"
"""分 after 点 and a digit and before a word of time: a time of day
(八点五分前, 8:05), no decimal."""
_CN_NUMERAL = (
    f"(?<![第{_CN_NUMERALS}])(?<![{_CN_NUMERALS}]点)"
    f"(?:(?:{_CN_D}?(?:[十百千]|[万亿](?=[{_CN_DIGITS}{_CN_ZEROS}十]))|{_CN_Z})*"
    f"(?:{_CN_D}?[十百千]|{_CN_D})|零(?=点))"
    f"(?:点[{_CN_DECIMALS}]+(?![十百]|{_CN_CLOCK}))?"
)
"""A run of Chinese numerals shaped as a number is: each digit before a place
(十, 百, 千, 万, 亿) or last, 零 between them, ending on a digit or a small
place, then perhaps 点 and the digits of a decimal (二百, 十五, 一千零五,
一亿五千, 三点五, 零点五; not 十三五, 二〇二五, 八点三十: two digits in a row
are a name, a year or a time of day). A 万 or 亿 that ends the run is left
to the magnitude or unit after it (五千|万元, 十|亿元); :func:`chinese_number`
checks the places are in order and gives the value."""
_CN_PERCENT = f"(?=[百千万]分)(?:[百千万]分之(?:百|{_CN_NUMERAL}(?![{_CN_NUMERALS}点]))|百分百)"
"""A share in words: 百分之百, 百分百, 百分之九十五, 百分之零点五 (per cent),
千分之五 (per mille), 万分之五 (per ten thousand): each read as a percentage."""
_CN_ENDS = (
    r"(?![\u4e00-\u9fff0-9０-９])"
    r"|(?=及?以[上下内]|或以[上下]|之内|内|左右|以?前|之前|以?后|之后|起)"
)
"""What may follow the unit of a number in Chinese numerals: no word or
digit going on (一次性, 一人一档, 三星级, 一对一 are words, not quantities; 二期
in 二期2025年完成 a phase), or a word that bounds or places the number (以上,
以内, 左右, 前)."""
_CN_RUNS_ON = f"[{_CN_NUMERALS}性式]"
"""What makes a numeral and its unit a word even after a comparator: a
numeral after the unit (一人一档, 一对一, 三支一扶) or a suffix (一次性, 一站式)."""
_CN_ARTICLE = "一(?=个|批)"
"""一个, 一批 before a word are an article (达到一个新台阶, 完成一批项目建设), no count."""
_PHASE = (
    "期(?:\\s*(?:[、，,和及与至到~～-]|以及)\\s*[一二三四五六七八九十0-9０-９]{1,2}期)*"
    "(?:工程|建设|项目(?:工程|建设)?(?![\\u4e00-\\u9fff]))"
)
"""期 as a phase's label after its number, by what follows it: 工程 or 建设
(二期工程, 2期建设), or 项目 ending the words (完成二期项目, 三期项目建设), also
after more phases (一期、二期工程); a count of sessions or issues goes on
otherwise (完成2期培训, 完成三期项目申报培训)."""
_CN_PHASE = f"[一二三四五六七八九十]+{_PHASE}"
"""A phase's label in Chinese numerals (二期工程). 两 counts, never labels:
两期工程 is two phases of works."""


def _tenth(after: str) -> str:
    """成 after a number as tenths (九成 is 90 %, 九成五 95 %, 八成以上 80 %
    or more), ending the words or before a comparator written after a number
    (``after``: 以上, 以下, …), 左右 or 的; not in a word (成本, 成效, 成果,
    成员, 一成不变) nor in 九成新, a grade of wear, no share of a target."""
    # 九成五年: neither 成五 nor 成 before 五 ends the words
    ends = f"(?![\\u4e00-\\u9fff0-9０-９.．%％])|(?=\\s*(?:{after}|左右|的))"
    return f"成[一二三四五六七八九]?(?:{ends})"


_CN_YEAR_DIGITS = "〇零一二三四五六七八九"
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = "(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_DATE_BODY = (
    f"(?<![{_CN_NUMERALS}第])(?:"
    f"(?:一九|二[〇零])[{_CN_YEAR_DIGITS}]{{2}}\\s*年度?"
    f"(?:\\s*{_CN_MONTH}\\s*月份?(?:\\s*{_CN_DAY}\\s*[日号])?)?"
    f"|{_CN_MONTH}\\s*月\\s*{_CN_DAY}\\s*[日号]"
    f"|{_CN_MONTH}\\s*月(?=底|末|初|[上中下]旬)"
    f"|{_CN_MONTH}\\s*月(?=\\s*[至到~～—－-]\\s*{_CN_MONTH}\\s*月)"
    f"|(?<=[年月日号][至到~～—－-]){_CN_MONTH}\\s*月(?:\\s*{_CN_DAY}\\s*[日号])?"
    f"|(?<=每月|次月|当月|本月|下月){_CN_DAY}\\s*[日号])"
)
_CN_DATE = f"(?=[一二三四五六七八九十]){_CN_DATE_BODY}"
"""A date in Chinese numerals: a year written digit by digit, 〇 or 零 its
zero (二〇二四年, 二〇二五年六月, 二〇二四年十二月三十一日), a month and its day
(十二月三十一日), a month before 底, 末, 初 or a 旬 (六月底), months from one to
another (三月至五月, 二〇二四年一月至十二月), a day after 每月 or 次月 (每月十五日前,
by the 15th, as 每月15日前); never a bare month (三月) or day (五日).
:func:`date_in_digits` writes it in digits."""
_CN_DATE_START = (
    f"(?<![{_CN_NUMERALS}第])"
    f"(?:(?:一九|二[〇零])[{_CN_YEAR_DIGITS}]{{2}}\\s*年|{_CN_DAY}\\s*[月日号])"
)
"""Where a date in Chinese numerals may begin, and more (三月, 五日): where
TEXT stops, so that the date's terminal is tried there. A stop where no date
begins only ends one TEXT token and starts the next: TEXT goes on as before."""


def _after(words: Iterable[str]) -> str:
    """A regex that holds just after any of ``words``, or after any of them and
    one space: look-behinds of fixed width, one per length."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(set(words)):
        by_length.setdefault(len(word), []).append(word)
    if not by_length:
        return "(?!)"
    behinds = []
    for length in sorted(by_length, reverse=True):
        words_of = _alternation(by_length[length])
        behinds.append(f"(?<={words_of})|(?<=(?:{words_of})\\s)")
    return "(?:" + "|".join(behinds) + ")"


def _chinese_number(
    patterns: Mapping[str, str], counting: Iterable[str], estimates: Iterable[str], also: str = ""
) -> str:
    """A number in Chinese numerals where it is a quantity: a unit (or a
    magnitude and a unit) follows, and no word goes on after the unit
    (``≥二百张``, ``二十个以上``, ``两个工作日内``) unless a comparator, a qualifier
    or another of the ``counting`` words stands just before it (``不少于三十人参加``,
    ``每月一次培训``, ``完成五场活动``; but ``一次性补助``, ``十三五规划``, and even
    ``不少于一人一档``, are words); a number of days within which something is
    done (``三日内``, ``七日之内``) or after a comparator (``不超过五日``), but
    never a date's month or day (三月, 五日, 八号, 每月十五日前: 月, 日, 号 are no
    units here). A digit after the unit is a label's date, not a word that
    ends the count (``二期2025年完成``). 余 or 多 may follow the number or its
    magnitude (``三十余人``, ``一万余人``), and a place alone is one of it
    before them or after a word of ``estimates`` (``千余人``, ``百多家``,
    ``近千人``, ``近万人``; never ``千人`` alone, a name as often as a count).

    Its first character is looked at before anything else: the TEXT terminal
    tries this at every character it reads, with ``also`` (a date in numerals)
    behind the same look."""
    units = f"{patterns['units']}|{patterns['time_units']}"
    approx = patterns["approximations_after_number"]
    unit = (
        f"\\s*(?:{approx})?\\s*(?:{patterns['magnitudes']})?\\s*(?:{approx})?"
        f"\\s*(?![月日号])(?:{units})"
    )
    # a place alone (近千人, 千余人), after a word of an estimate (after its last
    # character: 将近 ends in 近) or before 余 or 多, never where a numeral
    # stands before it; elsewhere a numeral begins with a digit or 十 (千人 is words)
    ends = "".join(sorted({re.escape(word[-1]) for word in estimates})) or "^\\s\\S"
    bare = (
        f"(?<![第{_CN_NUMERALS}])(?<![{_CN_NUMERALS}]点)"
        f"(?:(?<=[{ends}])|(?<=[{ends}]\\s)|(?=.\\s*(?:{approx})))[{_CN_BARE}]"
    )
    digits = f"(?![{_CN_BARE}]){_CN_NUMERAL}"
    numeral = f"(?:{digits}|{bare})"
    # after a comparator, days (不超过五日), but not a day of a month (每月十五日)
    day = "".join(f"(?<!月[{_CN_NUMERALS}]{{{width}}}日)" for width in (1, 2, 3))
    return (
        f"(?=[{_CN_DIGITS}十{_CN_BARE}]|零点)(?:(?!{_CN_PHASE})(?:"
        f"{_after(counting)}(?!{_CN_ARTICLE}){numeral}"
        f"(?=(?:{unit}|\\s*日{day})(?!{_CN_RUNS_ON}))"
        f"|{numeral}(?={unit}(?:{_CN_ENDS}))"
        f"|{digits}(?=\\s*(?:{patterns['tenth']}))"
        f"|(?<!月){digits}(?=\\s*日\\s*[以之]?内))" + (f"|{also})" if also else ")")
    )


_CN_YEAR = f"(?:一九|二[〇零])[{_CN_YEAR_DIGITS}]{{2}}"
_CN_DATE_PART = re.compile(
    f"(?<![{_CN_NUMERALS}])(?P<year>{_CN_YEAR})"
    f"(?=\\s*年|\\s*[-－—–~～〜至到]\\s*{_CN_YEAR}\\s*年)"
    f"|(?<![{_CN_NUMERALS}])(?P<place>{_CN_DAY})(?=\\s*[月日号])"
)
_CN_NUMERAL_CHAR = re.compile(f"[{_CN_NUMERALS}]")
_CN_YEAR_DIGIT_VALUES = {char: str(_CN_DIGIT_VALUES[char]) for char in _CN_YEAR_DIGITS}


def date_in_digits(text: str) -> str:
    """A date's text with its Chinese numerals written in digits, as rules
    read dates: ``二〇二四年十二月三十一日`` is ``2024年12月31日``, ``六月底``
    ``6月底``, and a span of years ``二〇二三—二〇二五年`` ``2023—2025年``
    (the first year before a dash or 至 and the last); digits and other words
    stay as they are."""
    if _CN_NUMERAL_CHAR.search(text) is None:
        return text

    def digits(match: re.Match[str]) -> str:
        year = match.group("year")
        if year is not None:
            return "".join(_CN_YEAR_DIGIT_VALUES[char] for char in year)
        number = _cn_integer(match.group("place"))
        return match.group() if number is None else str(number)

    return _CN_DATE_PART.sub(digits, text)


def years_in_digits(text: str) -> str:
    """A name's or a goal's text with its years in Chinese numerals written in
    digits, and the months and days after them, as :func:`date_in_digits`
    writes them (``二〇二三—二〇二五年`` is ``2023—2025年``); a text that holds
    no such year (each has 〇 or 零, or begins 一九) as it is, unread."""
    if "〇" in text or "零" in text or "一九" in text:
        return date_in_digits(text)
    return text


_CN_SHARES = {"百分之": 0, "千分之": -1, "万分之": -2}
"""A share in words, by the words before its number: the power of ten that
makes its number a percentage (千分之五 is 0.5 %, 万分之五 0.05 %)."""


def chinese_number(text: str) -> Decimal | None:
    """The value of a number in Chinese numerals (``二百`` 200, ``十五`` 15,
    ``一千零五`` 1005, ``两万五千`` 25000, ``一亿二千万`` 120000000, ``一万五``
    15000 as it is said, ``三点五`` 3.5, ``一点五亿`` 150000000, ``百分之九十五``
    95, ``百分百`` 100, ``千分之五`` 5 thousandths); None when ``text`` is none, or its places
    are out of order (``一千五十``, ``二〇二五``, and ``一亿五千``: after 亿, five
    thousand is 零五千, and 五千 stands for 五千万)."""
    text = text.strip()
    if text == "百分百":
        return Decimal(100)
    if text[:3] in _CN_SHARES:
        text = text[3:]
        if text == "百":
            return Decimal(100)
    whole, point, decimals = text.partition("点")
    power = 0
    if point:  # 三点五, 一点五亿: a decimal, perhaps of a magnitude
        for word, places in _CN_LARGE_PLACES:
            if decimals.endswith(word):
                decimals, power = decimals[: -len(word)], places
                break
        if not decimals or any(char not in _CN_DECIMALS for char in decimals):
            return None
        number = 0 if whole and whole in _CN_ZEROS else _cn_integer(whole)
        if number is None:
            return None
        digits = "".join(str(_CN_DIGIT_VALUES[char]) for char in decimals)
        return _scaled(Decimal(f"{number}.{digits}"), power)
    number = _cn_integer(text)
    return None if number is None else Decimal(number)


def _cn_integer(text: str) -> int | None:
    """A whole number in Chinese numerals, more than zero; None when its
    places are out of order. After 万 (or 亿), 零 stands for an empty place
    (一万零五百 10500), a single digit is the next place as it is said
    (一万五 15000), and anything else must fill the next place (一万五千)."""
    for word, places in _CN_LARGE_PLACES:
        high, found, low = text.partition(word)
        if not found:
            continue
        top = _cn_integer(high)
        if top is None:
            return None
        if not low:
            return top * 10**places
        rest: int | None
        if low[0] in _CN_ZEROS:
            rest = _cn_integer(low[1:])
            if rest is None or rest >= 10 ** (places - 1):
                return None
        elif len(low) == 1:  # 一万五, 十一万五; not 十万五, 一千万四, 两万两
            if high[-1] in _CN_SMALL_PLACES or low == "两":
                return None
            rest = _CN_DIGIT_VALUES.get(low, 0) * 10 ** (places - 1) or None
        else:
            rest = _cn_integer(low)
            if rest is None or not 10 ** (places - 1) <= rest < 10**places:
                return None
        return None if rest is None else top * 10**places + rest
    return _cn_below_10000(text)


def _cn_below_10000(text: str) -> int | None:
    """1 to 9999 in numerals and 十, 百, 千 (三千五 is 3500, as it is said)."""
    total, place, digit, zero = 0, 4, None, False
    for index, char in enumerate(text):
        if char in _CN_SMALL_PLACES:
            next_place = _CN_SMALL_PLACES[char]
            if digit is None and not (char == "十" and total == 0 and not zero):
                return None  # 百 or 千 with no digit before it
            if char == "十" and digit == 2 and text[index - 1] == "两":
                return None  # 二十, never 两十
            skipped = place - next_place - 1
            if next_place >= place or (zero and skipped < 1) or (total and not zero and skipped):
                return None  # 千百, 一百零十, 一千五十
            total += (1 if digit is None else digit) * 10**next_place
            place, digit, zero = next_place, None, False
        elif char in _CN_ZEROS:
            if digit is not None or zero or not total:
                return None
            zero = True
        elif char in _CN_DIGIT_VALUES:
            if digit is not None or (char == "两" and total):
                return None  # two digits in a row; 两 only before a place
            digit = _CN_DIGIT_VALUES[char]
        else:
            return None
    if digit is None:
        return None if zero or not total else total
    if not total:
        return digit
    if zero:
        return total + digit if place >= 2 else None
    return total + digit * 10 ** (place - 1)  # 十五; 三千五 (3500), 一百五 (150)


UNITS: Vocabulary = Vocabulary.load(VOCABULARY_PATH)
"""The shipped vocabulary, ``rules/units.yaml``."""


@lru_cache(maxsize=1024)
def dimension(unit: str) -> str | None:
    """The dimension of a unit of :data:`UNITS` that converts (``公里`` and
    ``万米``: length; ``亩``: area), from its ``conversions``; None for any
    other unit (人, 次, 元)."""
    measure = UNITS.measure(unit)
    return measure[0] if measure is not None and measure[0] in UNITS.conversions else None


# --------------------------------------------------------------------------
# The transformer


class _Words(NamedTuple):
    prefix: str
    qualifiers: tuple[str, ...]
    comparator: Comparator | None
    formula: bool


class _Unit(NamedTuple):
    raw: str
    name: str
    comparator: Comparator | None


class _Amount(NamedTuple):
    raw: str
    number: Decimal
    magnitude: str | None
    unit: str | None
    comparator: Comparator | None
    tenths: bool = False
    """Written in tenths (九成, 9成): ``number`` is the percentage."""
    approx: Approximation | None = None
    """余 or 多 after the number or its magnitude (``1万余人``): ``over``."""


class _Bounds(NamedTuple):
    raw: str
    lower: _Amount
    upper: _Amount | None


class _Per(NamedTuple):
    raw: str
    unit: str


class _Measure(NamedTuple):
    raw: str
    comparator: Comparator | None
    number: Decimal
    upper: Decimal | None
    unit: str | None
    magnitude: str | None
    per: str | None
    duration: bool
    """The unit is a unit of time (``12个月``, ``3个工作日内``)."""
    approx: Approximation | None = None


def _text(token: Any) -> str:
    """A token's text: Lark's tokens are ``str``, lark-cython's keep it in ``value``."""
    return token if type(token) is str else str(token.value)


def _raw(*parts: Any) -> str:
    """The text of tokens and parts as written, joined."""
    return "".join(
        [
            part.raw if isinstance(part, tuple) else _text(part)  # type: ignore[attr-defined]
            for part in parts
            if part is not None
        ]
    )


class _NotANumber(LarkError):
    """Chinese numerals the grammar took for a number whose places are out
    of order (``一千五十人``, ``十十人``): the value is read as text, as a
    grammar error is, but even by a strict parse (the grammar took it)."""


def _number(written: str, then: str) -> Decimal:
    """The number of a NUMBER token's text ``written`` (stripped), followed by
    the magnitude or unit ``then`` as written."""
    if written in _CN_BARE_VALUES:  # 千余人, 近千人: a place alone is one of it
        return Decimal(_CN_BARE_VALUES[written])
    if written[0] not in _ARABIC:
        # 一亿五千|万元: a 万 or 亿 after the numerals closes them (15000 万元),
        # in order (八万一|万人 is none)
        large = then[:1]
        if large in ("万", "亿") and written[:3] not in _CN_SHARES:
            whole = chinese_number(written + large)
            chinese = None if whole is None else _shifted(whole, -4 if large == "万" else -8)
        else:
            chinese = chinese_number(written)
        if chinese is None:
            raise _NotANumber(written)
        return chinese
    digits = written.translate(_DIGITS).replace(",", "")
    numerator, _, denominator = digits.replace(":", "/").replace("：", "/").partition("/")
    if denominator:  # the grammar only takes a fraction (or a ratio) with a non-zero denominator
        return Decimal(numerator) / Decimal(denominator)
    return Decimal(numerator)


def _scaled(number: Decimal, power: int) -> Decimal:
    """``number × 10**power``, written without an exponent when it is whole."""
    scaled = number.scaleb(power)
    try:
        return scaled.quantize(_ONE) if scaled == scaled.to_integral_value() else scaled
    except ArithmeticError:  # more digits than the context's precision
        return scaled


def _shifted(number: Decimal, power: int) -> Decimal:
    """``number × 10**power`` with no trailing zeros after the point
    (一点五亿 is 150000000, 1.5 in 亿)."""
    if not power:
        return number
    shifted = number.scaleb(power)
    return shifted.quantize(_ONE) if shifted == shifted.to_integral_value() else shifted.normalize()


def _suffix(text: str) -> str:
    return text.strip().lstrip(_SUFFIX_LEAD).rstrip(_SUFFIX_END)


def _span(text: str, start: int) -> tuple[int, int]:
    """Where ``text``, found at ``start``, begins and ends without the
    whitespace around it."""
    stripped = text.lstrip()
    begin = start + len(text) - len(stripped)
    return begin, begin + len(stripped.rstrip())


def _target(kind: TargetKind, text: str, start: int, **fields: Any) -> Target:
    begin, end = _span(text, start)
    return Target(kind, text.strip(), begin, end, **fields)


class _ValueBuilder(Transformer[Token, Value]):
    """Builds a :class:`Value` while the LALR parser reduces (no tree).

    Each rule's method takes the list of its children, as Lark passes them
    (a wrapper spreading them into arguments would cost a call per rule).
    Its tokens may be Lark's (``str``) or lark-cython's (text in ``value``):
    it reads them through :func:`_text` and :func:`_raw` only."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self._comparators: dict[str, Comparator] = {
            **vocabulary.comparators,
            **vocabulary.comparators_before_number,
            **vocabulary.comparators_after,
            **vocabulary.comparators_after_duration,
        }
        self._aliases = vocabulary.aliases
        self._magnitudes = vocabulary.magnitudes
        self._frequencies = vocabulary.frequencies
        self._time_units = frozenset(self._unit(word) for word in vocabulary.time_units)
        self._changes = vocabulary.changes
        self._change_end = re.compile(f"(?:{_alternation(vocabulary.changes)})$")
        self._before = sorted(vocabulary.approximations_before.items(), key=lambda w: -len(w[0]))
        self._before_ends = frozenset(word[-1] for word in vocabulary.approximations_before)
        self._after_number = vocabulary.approximations_after_number
        self._after = tuple(vocabulary.approximations_after.items())
        self._after_starts = frozenset(word[0] for word in vocabulary.approximations_after)

    def _unit(self, word: str) -> str:
        word = _text(word).strip().strip("（()）").strip()
        return self._aliases.get(word, word)

    # --- the measure

    def lead(self, tokens: list[Token]) -> tuple[Token, ...]:
        return tuple(tokens)

    when = lead

    def _words(self, tokens: tuple[Token, ...]) -> _Words:
        """What the words before a measure say."""
        qualifiers: list[str] = []
        comparator: Comparator | None = None
        formula = False
        texts: list[int] = []
        for index, token in enumerate(tokens):
            if token.type in ("TEXT", "DATE", "DATE_WORD", "CODE", "BOOK", "GENERATION"):
                texts.append(index)
                # "A=B…" is a definition; "=" just before the number, or opening
                # the value (=2024.12.31前, a list's comparator column), is a comparator.
                previous = tokens[index - 1] if index else None
                formula = formula or (
                    previous is not None
                    and index >= 2
                    and previous.type == "COMPARATOR"
                    and _text(previous).strip() in ("=", "＝")
                )
            elif token.type == "QUALIFIER":
                qualifiers.append(_text(token).strip())
            elif token.type == "COMPARATOR":
                comparator = self._comparators[_text(token).strip()]
            else:  # OPERATOR
                formula = True
        # The prefix is the text as written from its first word to its last:
        # qualifiers and comparators around it go, those inside it stay
        # ("签证费控制在工程费5%之内" keeps "签证费控制在工程费").
        prefix = _raw(*tokens[texts[0] : texts[-1] + 1]).strip() if texts else ""
        return _Words(prefix, tuple(qualifiers), comparator, formula)

    def duration(self, children: list[Any]) -> _Unit:
        unit: Token
        within: Token | None
        unit, within = children
        comparator = None if within is None else self._comparators[_text(within).strip()]
        return _Unit(_raw(unit, within), self._unit(unit), comparator)

    def amount(self, children: list[Any]) -> _Amount:
        number: Token
        magnitude: Token | None
        unit: Token | _Unit | None
        number, approx, magnitude, approx_after, unit = children  # 余, 多: 20余场, 1万余人
        written = _text(number).strip()
        then = magnitude if magnitude is not None else unit
        value = _number(written, "" if then is None else _raw(then).strip())
        word = None
        if magnitude is not None:
            word = _text(magnitude).strip()
            value = _scaled(value, self._magnitudes[word])
        tenths = unit is not None and not isinstance(unit, _Unit) and unit.type == "TENTH"
        if tenths:  # 九成 is 90 %, 九成五 95 %
            tenth = _text(unit).strip()[1:]
            value = value * 10 + (_CN_DIGIT_VALUES[tenth] if tenth else 0)
            unit = _Unit(_text(unit), "%", None)
        elif unit is not None and not isinstance(unit, _Unit):
            unit = _Unit(_text(unit), self._unit(unit), None)
        if unit is None and written[:3] in _CN_SHARES:
            # 百分之九十五, 千分之五: a percentage, the percent in the words
            value = _shifted(value, _CN_SHARES[written[:3]])
            unit = _Unit("", "%", None)
        elif unit is None and written == "百分百":
            unit = _Unit("", "%", None)
        estimate = approx if approx is not None else approx_after
        return _Amount(
            _raw(number, approx, magnitude, approx_after, unit),
            value,
            word,
            None if unit is None else unit.name,
            None if unit is None else unit.comparator,
            tenths,
            None if estimate is None else self._after_number[_text(estimate).strip()],
        )

    def per(self, children: list[Token | None]) -> _Per:
        """``/月`` → ``月``; ``/平方米·年`` → ``平方米·年`` (each denominator,
        joined by a middle dot); ``/万吨`` → ``万吨`` (a magnitude of a unit)."""
        slash, magnitude, unit, slash2, unit2 = children
        name = self._unit(unit)  # type: ignore[arg-type]  # the grammar's PER is followed by one
        if magnitude is not None:
            name = _text(magnitude).strip() + name
        if unit2 is not None:
            name = f"{name}·{self._unit(unit2)}"
        return _Per(_raw(slash, magnitude, unit, slash2, unit2), name)

    def bounds(self, children: list[Any]) -> _Bounds:
        """An amount, then RANGE, amount, RANGE, amount…; the last amount is
        the upper bound."""
        first: _Amount = children[0]
        rest: list[Token | _Amount] = children[1:]
        if not rest:
            return _Bounds(first.raw, first, None)
        last: _Amount = rest[-1]  # type: ignore[assignment]
        # "8-9成": the upper bound's tenths are the bare lower one's.
        if first.unit is None and last.tenths:
            first = first._replace(number=first.number * 10, unit="%", tenths=True)
        # "1-2万人": the upper bound's magnitude applies to a bare lower one.
        if first.magnitude is None and first.unit is None and last.magnitude is not None:
            first = first._replace(
                number=_scaled(first.number, self._magnitudes[last.magnitude]),
                magnitude=last.magnitude,
            )
        return _Bounds(_raw(first, *rest), first, last)

    def measure(self, children: list[Any]) -> _Measure:
        bounds: _Bounds
        per: _Per | None
        after: Token | None
        bounds, per, after = children
        lower, upper = bounds.lower, bounds.upper
        raw = _raw(bounds, per, after)
        per_unit = None if per is None else per.unit
        if upper is not None:
            unit = upper.unit or lower.unit
            magnitude = upper.magnitude or lower.magnitude
            return _Measure(
                raw,
                "range",
                lower.number,
                upper.number,
                unit,
                magnitude,
                per_unit,
                unit in self._time_units,
                upper.approx or lower.approx,
            )
        comparator = lower.comparator
        if after is not None:
            comparator = self._comparators[_text(after).strip()]
        return _Measure(
            raw,
            comparator,
            lower.number,
            None,
            lower.unit,
            lower.magnitude,
            per_unit,
            lower.unit in self._time_units,
            lower.approx,
        )

    # --- the value

    def _change(self, prefix: str) -> Change | None:
        """``fall`` for ``同比下降`` just before the number, ``rise`` for
        ``较上年提高``; None for a level (``降至``, ``提高到``, ``降低率``)."""
        found = self._change_end.search(prefix)
        return None if found is None else self._changes[found.group()]

    def _approximation(
        self, head: str, measure: _Measure, rest: str, per: str | None
    ) -> Approximation | None:
        """How the measure is an estimate: 余 or 多 in it (``1万余人``), else
        a word just before it (``约500人``, ``近千人``; the longest that ends
        the text before it, so ``附近`` is no ``近``), else one just after it
        (``500人左右``). ``under`` before a unit of time is no estimate but a
        span back from now (``近3年``: the last three years)."""
        if measure.approx is not None:
            return measure.approx
        before = head.rstrip()
        if before and before[-1] in self._before_ends:
            for word, way in self._before:
                if before.endswith(word):
                    if way == "under" and measure.duration and per is None:
                        return None
                    return way
        after = rest.lstrip()
        if after and after[0] in self._after_starts:
            for word, way in self._after:
                if after.startswith(word):
                    return way
        return None

    def _frequency(self, words: _Words) -> str | None:
        for qualifier in words.qualifiers:
            if qualifier in self._frequencies:
                return self._frequencies[qualifier]
        return None

    def _dates(self, before: tuple[Token, ...], when: tuple[Token, ...]) -> Target:
        """The target of the dates ``when``, found after ``before``: from the
        first date to the last, a range when something joins two dates."""
        start = len(_raw(*before))
        first = next(i for i, token in enumerate(when) if token.type in ("DATE", "DATE_WORD"))
        last = max(i for i, token in enumerate(when) if token.type in ("DATE", "DATE_WORD"))
        start += len(_raw(*when[:first]))
        text = _raw(*when[first : last + 1])
        dates = [token for token in when[first : last + 1] if token.type == "DATE"]
        clock = all(_CLOCK.fullmatch(_text(d).strip()) for d in dates) and not any(
            token.type == "DATE_WORD" for token in when[first : last + 1]
        )
        ranged = len(dates) > 1 or any(
            _DATE_RANGE.search(written) and not _ISO_DATE.fullmatch(written)
            for written in (_text(d).strip() for d in dates)
        )
        if ranged and not clock:
            return _target("date-range", text, start)
        # "2025年12月前": by that date; "2025年7月后": from it.
        after = _text(when[last + 1]).strip() if last + 1 < len(when) else ""
        comparator: Comparator | None = None
        if after.startswith(_BY):
            comparator = "<="
        elif after.startswith(_FROM):
            comparator = ">="
        if clock:  # a time of day (9:00前) or hours of the day (8:30-17:30): no date
            return _target("time", text, start, comparator=None if ranged else comparator)
        return _target("date", text, start, comparator=comparator)

    def quantity(self, children: list[Any]) -> Value:
        lead: tuple[Token, ...]
        when: tuple[Token, ...] | None
        measure: _Measure
        rest: Token | None
        lead, when, measure, rest = children
        before = lead + (when or ())
        head = _raw(*before)
        text = head + measure.raw + ("" if rest is None else _text(rest))
        words = self._words(before)
        if words.formula:
            return Value(text, "formula", qualifiers=words.qualifiers, targets=_whole(text))
        if measure.upper is not None:
            comparator: Comparator = "range"
        else:
            comparator = words.comparator or measure.comparator or "="
        per = measure.per or self._frequency(words)
        change = self._change(words.prefix)
        approx = self._approximation(head, measure, "" if rest is None else _text(rest), per)
        kind: TargetKind = "number"
        if measure.duration and per is None:
            kind = "duration"
        elif per is not None and per in self._time_units | set(self._frequencies.values()):
            kind = "frequency"
        # The target spells its comparator when it stands just before the number.
        start = len(head)
        target_text = measure.raw
        if before and before[-1].type in ("COMPARATOR", "QUALIFIER"):
            start -= len(_text(before[-1]))
            target_text = _raw(before[-1], measure)
        targets = [
            _target(
                kind,
                target_text,
                start,
                comparator=comparator,
                number=measure.number,
                upper=measure.upper,
                unit=measure.unit,
                magnitude=measure.magnitude,
                per=per,
                change=change,
                approx=approx,
            )
        ]
        if when and not _baseline(lead, when):
            targets.insert(0, self._dates(lead, when))
        return Value(
            text,
            "quantity",
            comparator=comparator,
            number=measure.number,
            upper=measure.upper,
            unit=measure.unit,
            magnitude=measure.magnitude,
            per=per,
            qualifiers=words.qualifiers,
            prefix=words.prefix,
            suffix="" if rest is None else _suffix(_text(rest)),
            targets=tuple(targets),
            change=change,
            approx=approx,
        )

    def date(self, children: list[tuple[Token, ...]]) -> Value:
        lead, when = children
        text = _raw(*lead, *when)
        words = self._words(lead + when)
        if words.formula:
            return Value(text, "formula", qualifiers=words.qualifiers, targets=_whole(text))
        if _baseline(lead, when):  # 较2024年下降, 不低于2024年水平: a year compared with
            return Value(text, "qualitative", qualifiers=words.qualifiers, targets=_whole(text))
        # The date opens the suffix: Value has no field of its own for it.
        return Value(
            text,
            "date",
            qualifiers=words.qualifiers,
            prefix=self._words(lead).prefix,
            suffix=_suffix(_raw(*when)),
            targets=(self._dates(lead, when),),
        )

    def text(self, children: list[tuple[Token, ...]]) -> Value:
        (lead,) = children
        words = self._words(lead)
        text = _raw(*lead)
        if words.formula:
            return Value(text, "formula", qualifiers=words.qualifiers, targets=_whole(text))
        per = self._frequency(words)
        if per is None:
            return Value(text, "qualitative", qualifiers=words.qualifiers, targets=_whole(text))
        # "每月", "每周": a frequency without a number.
        return Value(
            text,
            "qualitative",
            qualifiers=words.qualifiers,
            per=per,
            targets=(_target("frequency", text, 0, per=per),),
        )


_BASELINE_BEFORE = re.compile(r"(?:较|比|相比|比较|对比|同比|与)\s*$")
"""Words before a year a value compares with (``较2024年提高5%``, ``比2023年增长``)."""
_BASELINE_AFTER = re.compile(r"^\s*(?:的)?(?:水平|同期|基数|基础上)")
"""Words after a year a value compares with (``不低于2024年水平``, ``2024年同期``)."""


def _baseline(lead: tuple[Token, ...], when: tuple[Token, ...]) -> bool:
    """Whether the dates of a value are the year it compares with, no target of
    their own: after 较, 比, 同比 (``较2024年提高5%``), before 水平 or 同期
    (``不低于2024年水平``)."""
    dated = [i for i, token in enumerate(when) if token.type in ("DATE", "DATE_WORD")]
    if not dated:
        return False
    before = _raw(*lead, *when[: dated[0]])
    after = _raw(*when[dated[-1] + 1 :])
    return bool(_BASELINE_BEFORE.search(before) or _BASELINE_AFTER.match(after))


def _whole(text: str) -> tuple[Target, ...]:
    """The one text target of a qualitative value."""
    return (_target("text", text, 0),)


# --------------------------------------------------------------------------
# The parser


class ValueParser:
    """Parses value strings with one vocabulary (by default :data:`UNITS`).

    ``compiled``: run on lark-cython where it is installed (the same grammar
    and values, faster); :func:`default_parser` does."""

    def __init__(self, units: Vocabulary | None = None, *, compiled: bool = False) -> None:
        self.units = UNITS if units is None else units
        grammar = self.units.fill(GRAMMAR_PATH.read_text(encoding="utf-8"))
        self._lark: Lark = build_lark(  # cached per filled grammar: one per vocabulary
            grammar,
            str(GRAMMAR_PATH),
            compiled=compiled,
            parser="lalr",
            lexer="contextual",
            transformer=_ValueBuilder(self.units),
        )

    def parse(self, text: str, *, strict: bool = False) -> Value:
        """The :class:`Value` of ``text``. Never raises unless ``strict``, which
        lets a grammar error through instead of reading ``text`` as qualitative."""
        stripped = text.strip()
        if not any(char.isalnum() for char in stripped):
            return Value(stripped, "empty")
        if len(stripped) > MAX_LENGTH or (
            "#" in stripped and _SHEET_ERROR.search(stripped) is not None
        ):
            return Value(stripped, "qualitative", targets=_whole(stripped))
        try:
            value: Value = self._lark.parse(stripped)  # type: ignore[assignment]  # the builder
        except _NotANumber:  # numerals out of order: words, whatever ``strict`` says
            return Value(stripped, "qualitative", targets=_whole(stripped))
        except LarkError:
            if strict:
                raise
            return Value(stripped, "qualitative", targets=_whole(stripped))
        if value.kind == "quantity":
            more = self._more_targets(stripped, value.targets[-1].end)
            if more:
                value = value._replace(targets=value.targets + more)
        return value

    def _more_targets(self, text: str, end: int) -> tuple[Target, ...]:
        """The targets after the first measure: what follows it read again as
        a value of its own, its numbers and dates (not its words)."""
        targets: list[Target] = []
        while _DIGIT.search(text, end):
            rest = text[end:]
            try:
                value: Value = self._lark.parse(rest)  # type: ignore[assignment]  # the builder
            except LarkError:
                break
            found = [t for t in value.targets if t.kind != "text"]
            if not found:
                break
            targets.extend(t._replace(start=t.start + end, end=t.end + end) for t in found)
            if value.kind != "quantity":
                break
            end += value.targets[-1].end
        return tuple(targets)


SHEET_ERROR = r"#(?:DIV/0!|REF!|N/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)"
"""A spreadsheet's error value (a formula that failed), read from a cell or
pasted with it: no target, whatever digits it holds (the 0 of ``#DIV/0!``)."""
_SHEET_ERROR = re.compile(SHEET_ERROR)


@cache
def default_parser() -> ValueParser:
    """The parser for :data:`UNITS`, built on first use, on lark-cython where
    it is installed."""
    return ValueParser(compiled=True)


AROUND = Decimal("0.1")
"""How far from its number an estimate around it (约500人, 500人左右: 450 to
550) or just under it (近千人: 900 to 1000) may lie, as a share of the
number: a tenth, the least an estimate is rounded by where its number is
written to two figures or more."""


class Allowance(NamedTuple):
    """The numbers a target allows: from ``low`` to ``high``, ``high`` itself
    excluded where ``open`` (``1万余人`` stops short of 2万)."""

    low: Decimal
    high: Decimal
    open: bool = False

    def meets(self, other: "Allowance") -> bool:
        """Whether some number is allowed by both."""
        below = other.low < self.high if self.open else other.low <= self.high
        above = self.low < other.high if other.open else self.low <= other.high
        return below and above


def allowance(target: Target) -> Allowance | None:
    """What a target's number allows: the number (or the range) itself for an
    exact one; for an estimate, as it reads (:data:`~audit.model.Approximation`):
    ``over`` (余, 多) from the number up to, not including, one more of its last
    written place (``1万余人`` 10000 to 20000, ``300多人`` 300 to 400,
    ``20余万元`` 20 to 30 万元); ``under`` (近) from :data:`AROUND` below the
    number to the number (``近千人`` 900 to 1000); ``around`` (约, 左右, 上下)
    :data:`AROUND` either side (``约500人`` 450 to 550). None without a number."""
    number = target.number
    if number is None:
        return None
    top = target.upper if target.upper is not None else number
    if target.approx == "over":
        return Allowance(number, top + _last_place(top), True)
    if target.approx == "under":
        return Allowance(number * (1 - AROUND), top)
    if target.approx == "around":
        return Allowance(number * (1 - AROUND), top * (1 + AROUND))
    return Allowance(number, top)


def _last_place(number: Decimal) -> Decimal:
    """One of the last place a number is written to: 100 for 300, 10000 for
    10000 (1万), 1000 for 12000 (1.2万), 0.1 for 1.5."""
    exponent = number.normalize().as_tuple().exponent
    return _ONE.scaleb(exponent if isinstance(exponent, int) else 0)


@lru_cache(maxsize=8192)
def parse_value(text: str) -> Value:
    """The :class:`Value` of one target value string. Never raises."""
    return default_parser().parse(text)
