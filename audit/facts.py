"""Facts: what is known about each value of a document, decided once, each
with the one rule that reports it.

The check layer's rules must not report one defect twice: a placeholder is
not also a restated name, a restated name not also a value without a
measurable target, a value of the wrong kind not also a disagreement between
the annual and period values. The decisions are made here, once per
document, and each value field gets an owner (:class:`ValueFacts`), by this
precedence:

0. ``garbled-text`` — characters lost in a conversion (``≥12??``, ``30�内``);
1. ``placeholder`` — draft text (``待补充``, ``XXX``) or a template word;
2. ``duplicate-text`` — the project's goal (or a sentence of it) pasted as the value;
3. ``value-restates-name`` — the name (or another name) instead of a target;
4. ``value-type-mismatch`` — a count for a rate, a percentage for a count;
5. ``percent-out-of-range`` — a percentage above 100 or below 0 (``1000%``);
6. ``not-quantified`` — a formula, or text with nothing measurable.

A rule reports a value only when the value is its own (or unowned, for the
rules that come after these: ``annual-period-mismatch``, the guidance
rules). An owner the configuration turns off (``enabled: false``) passes its
defect on to the next rule of the precedence that finds one, else to the
later rules; so do ``missing-unit`` (a bare ``≤7`` on a time limit is then
``deadline-not-concrete``'s) and ``annual-period-mismatch`` (a unit in one
value only is then ``missing-unit``'s). ``--select`` and ``--ignore`` only
choose which findings a run shows: they move no defect.

This module sits between parsing and checking: it reads the model, the
value parser, the patterns and the configuration, never a rule module.

It also holds the shared helpers of value fields (:func:`first_fields`,
:func:`field_name`, :func:`normalize`, …) and :class:`DocumentCache`, the
typed per-document store rules keep their own computations in.
"""

import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, Protocol, TypeVar

from audit.model import (
    ANNUAL,
    PERIOD,
    Amount,
    Clause,
    Document,
    IndicatorCells,
    Project,
    Span,
    Target,
    Text,
    Unit,
    Value,
    ValueField,
)
from audit.patterns import UserPatterns, compile_any, compile_pattern, joined
from audit.taxonomy import Taxonomy
from audit.vocabulary import VOCABULARY

if TYPE_CHECKING:
    from datetime import date


class _Options(Protocol):
    options: dict[str, Any]
    enabled: bool


class Settings(Protocol):
    """What the facts read of a configuration: the taxonomy, the options of
    the rules that own each fact and whether each is enabled, and the rules
    ``--select`` names (the engine's configuration has them all)."""

    @property
    def taxonomy(self) -> Taxonomy: ...

    @property
    def select(self) -> set[str] | None: ...

    def setting(self, rule_id: str) -> _Options: ...


def reporting(config: Settings, rule_id: str) -> bool:
    """Whether ``rule_id`` reports what it owns in this configuration: it is
    enabled there, or ``--select`` names it. An owner the configuration
    turns off (``enabled: false``) passes its defect on to the next rule that
    would report it; ``--select`` and ``--ignore`` choose which findings a run
    shows, never who owns one, so a run with them gives a subset of the
    whole run's findings."""
    select = config.select
    return config.setting(rule_id).enabled or (select is not None and rule_id in select)


def sub_span(span: Span, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` where ``span`` covers ``text``."""
    return span.sub(start, end)


def field_name(value_field: ValueField) -> str:
    """``period`` or ``annual``: the name of a value field in findings."""
    return "period" if value_field.keyword == PERIOD else "annual"


def first_fields(clause: Clause) -> list[ValueField]:
    """The first ``实施周期指标值`` and the first ``年度指标值`` of a clause.

    A keyword written again in the same clause is ``repeated-field``'s
    finding; the rules here read only the first of each.
    """
    fields = clause.fields
    if len(fields) < 2 or (len(fields) == 2 and fields[0].keyword != fields[1].keyword):
        return list(fields)
    seen: set[str] = set()
    kept: list[ValueField] = []
    for value_field in fields:
        if value_field.keyword not in seen:
            seen.add(value_field.keyword)
            kept.append(value_field)
    return kept


def distinct_fields(clause: Clause) -> list[tuple[ValueField, bool]]:
    """The first period and annual fields, each with whether the annual value
    repeats the period value word for word; a repeated annual value is left
    out, so a problem written in both is one problem, reported once (at the
    period value, naming both keywords)."""
    fields = first_fields(clause)
    if len(fields) == 2 and fields[0].text == fields[1].text:
        return [(fields[0], True)]
    return [(value_field, False) for value_field in fields]


BOTH = (f"{PERIOD}和{ANNUAL}", "period and annual values")


def where(value_field: ValueField, both: bool = False) -> dict[str, str]:
    """Message arguments naming the field(s): ``keyword`` (Chinese) and
    ``field`` (English), e.g. 实施周期指标值 / period value."""
    if both:
        return {"keyword": BOTH[0], "field": BOTH[1]}
    return {"keyword": value_field.keyword, "field": f"{field_name(value_field)} value"}


def value_args(clause: Clause, value_field: ValueField) -> dict[str, str]:
    """The message arguments of a finding on a value: the indicator's
    ``name``, the value's ``text``, its ``keyword`` (实施周期指标值) and its
    ``field`` (``period`` or ``annual``)."""
    return {
        "name": clause.name,
        "text": value_field.text,
        "keyword": value_field.keyword,
        "field": field_name(value_field),
    }


def other_field(clause: Clause, value_field: ValueField) -> ValueField | None:
    """The first field of the other keyword (the annual for a period value)."""
    wanted = ANNUAL if value_field.keyword == PERIOD else PERIOD
    for candidate in clause.fields:
        if candidate.keyword == wanted:
            return candidate
    return None


_UNIT_TAIL = re.compile(
    r"\s*[（(]\s*(?:[%％‰]|[个人次件台套份项间户家名位门块元]|人次|万元|平方米|㎡)?\s*[)）]\s*$"
    r"|\s*[%％]\s*$"
)
_NOISE = re.compile(r"[\s“”\"'‘’「」《》]")
_TAIL_WINDOW = 16


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """An indicator name or value as compared: no spaces or quotes, no unit
    in brackets at the end (``故障排除率(%)`` → ``故障排除率``)."""
    text = _NOISE.sub("", text)
    # Without white space a unit tail is at most five characters: look for it
    # in the last few only, so stripping many tails stays linear.
    while True:
        window = max(0, len(text) - _TAIL_WINDOW)
        tail = _UNIT_TAIL.search(text, window)
        if tail is None or tail.start() == 0:
            return text
        text = text[: tail.start()]


_NAME_TAIL = re.compile(r"[.,;:!?、。．，；：！？…]+$")
_NAME_SEPARATORS = re.compile(r"[、,]")


@lru_cache(maxsize=65536)
def indicator_key(name: str) -> str:
    """An indicator's name as two names of one indicator share it: as
    :func:`normalize` reads it, in one width (NFKC: ``（含线上）`` is
    ``(含线上)``, ``，`` is ``,``), without punctuation at its end
    (``运动员等级达标率。``), with ``、`` and ``,`` as one separator. Names
    that differ in a word or a number (``一期``/``二期``) stay apart."""
    text = _NAME_TAIL.sub("", normalize(unicodedata.normalize("NFKC", name)))
    return _NAME_SEPARATORS.sub(",", normalize(text))


@lru_cache(maxsize=256)
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    from audit.patterns import joined

    return re.compile(joined(patterns))


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` (``(?!)`` matches nothing),
    compiled once per process for each list of patterns."""
    if isinstance(patterns, UserPatterns):  # set in a configuration: time-limited
        return compile_any(patterns)
    return _any_of(tuple(patterns))


_SENTENCE_END = "。；;，,、."
_SENTENCES = re.compile(r"[。；;！!]")


@lru_cache(maxsize=65536)
def copy_text(text: str) -> str:
    """Text as compared for copies (``duplicate-text``): no spaces, quotes
    or closing punctuation."""
    return normalize(text).rstrip(_SENTENCE_END)


def row_cells(project: Project | None, clause: Clause) -> IndicatorCells | None:
    """The cells of the national template's row ``clause`` was read from
    (its 指标方向, 指标性质, 度量单位 …), or None for a clause of a cell."""
    number = clause.number
    if clause.form != "row" or project is None or number is None:
        return None
    if not 0 < number <= len(project.cells):
        return None
    return project.cells[number - 1]  # a row's clause is numbered by its place in the grid


IDEOGRAPHS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))
"""The code points counted as Chinese characters: CJK ideographs, extension
A, compatibility ideographs."""


def count_ideographs(text: str, limit: int) -> int:
    """How many Chinese characters (``IDEOGRAPHS``) ``text`` holds, counted
    up to ``limit`` only: goals run to paragraphs, and the rules that count
    their characters ask whether there are enough."""
    count = 0
    if limit <= 0:
        return count
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
            count += 1
            if count >= limit:
                break
    return count


def goal_is_name(project: Project) -> bool:
    """Whether a project's goal only restates its name (``duplicate-text``'s
    finding, however long the name; ``goal-too-short`` leaves it)."""
    if project.goal is None:
        return False
    title = copy_text(project.title)
    return bool(title) and copy_text(project.goal.value) == title


class Restatement(NamedTuple):
    """Why a value is no target: ``same`` (the name again), ``contains`` (the
    name and filler), ``measure`` (another indicator's name), ``swapped`` (the
    annual holds a name while the period holds the target), ``name-swapped``
    (the indicator name is a target and the value a name)."""

    key: str
    other: str = ""


Hit = tuple[int, int, str]

_MARKS_AND_UNIT_RE = re.compile(r"[\W_]*(?:万元|元)?[\W_]*")
"""What may stand in an amount cell beside its placeholders: marks,
brackets, space and the amount's unit (``（待落实）万元``)."""


def _only_placeholders(text: str, hits: Iterable[Hit]) -> bool:
    """Whether ``text`` holds nothing but its placeholders ``hits``, marks
    and an amount's unit."""
    rest: list[str] = []
    at = 0
    for start, end, _ in hits:
        rest.append(text[at:start])
        at = max(at, end)
    rest.append(text[at:])
    return _MARKS_AND_UNIT_RE.fullmatch("".join(rest)) is not None


LEVEL1_KINDS: dict[str, str] = dict(VOCABULARY.level1_kinds)
"""What a level-1 category measures, for clauses without a known level 2."""

_LOWERING = _any_of(VOCABULARY.lowering_words)
"""A word that says a measure goes down (降低, 减少, 下降, 节约 …)."""


Owner = Literal[
    "garbled-text",
    "placeholder",
    "empty-value",
    "value-restates-name",
    "duplicate-text",
    "boilerplate-value",
    "value-type-mismatch",
    "percent-out-of-range",
    "not-quantified",
]
"""The rule that reports what is wrong with a value."""


class ValueFacts(NamedTuple):
    """What is known about one value field."""

    lost: bool
    """Unreadable text: characters lost in a conversion (question marks,
    U+FFFD), mojibake or a garbling signature (``garbled-text``): the digits
    left around them are no target."""
    placeholder: bool
    """Holds a placeholder or is a template word (``placeholder``)."""
    restatement: Restatement | None
    """Why the value only restates a name (``value-restates-name``)."""
    goal_copy: bool
    """The value is the project's goal, or text of it, pasted where a target
    belongs (``duplicate-text``)."""
    mismatch: tuple[str, str] | None
    """``(name measure, value measure)`` when the value is of the wrong kind
    for the indicator's name (``value-type-mismatch``)."""
    measure: str | None
    """``percent``, ``count`` or ``money``: what a quantity is measured in."""
    out_of_range: str | None
    """``above`` or ``below`` when a target in percent is above 100 or below
    0 on an indicator that may not exceed it, ``fraction`` when a floor of at
    most 1 % is set on a rate that should come near 100 % (``验收合格率
    ≥0.95%``: 95 % written as a fraction) (``percent-out-of-range``)."""
    quantified: bool
    """Whether the value states something measurable: a quantity, a date, a
    target of a measured kind (a frequency such as ``每月``: see
    :func:`has_measured_target`), or text that ``not-quantified``'s
    ``measurable`` patterns accept; a formula is not."""
    owner: Owner | None
    """The one rule that reports this value's defect; None when it has none
    of these (later rules may then judge it)."""
    blank: bool = False
    """A comparator and a unit, the number never typed (``empty-value``)."""


def _owner(
    lost: bool,
    placeholder: bool,
    blank: bool,
    restatement: Restatement | None,
    goal_copy: bool,
    mismatch: tuple[str, str] | None,
    out_of_range: str | None,
    quantified: bool,
    off: frozenset[str] = frozenset(),
) -> Owner | None:
    """The precedence of the value rules, written once; a rule in ``off``
    (turned off in the configuration) passes the value to the next."""
    found: tuple[tuple[bool, Owner], ...] = (
        (lost, "garbled-text"),
        (placeholder, "placeholder"),
        (blank, "empty-value"),
        (goal_copy, "duplicate-text"),
        (restatement is not None, "value-restates-name"),
        (mismatch is not None, "value-type-mismatch"),
        (out_of_range is not None, "percent-out-of-range"),
        (not quantified, "not-quantified"),
    )
    for holds, owner in found:
        if holds and owner not in off:
            return owner
    return None


_FITS: dict[str, frozenset[str | None]] = {
    "satisfaction": frozenset({"percent"}),
    "rate": frozenset({"percent"}),
    "count": frozenset({"count"}),
    "cost": frozenset({"money"}),
}
"""What each kind of name (:meth:`Facts.name_measure`) is measured in."""

_COUNTED_KINDS = frozenset({"quantity", "cost", "satisfaction"})
"""Categories whose targets are numbers: a count, an amount, a satisfaction level."""


def _dated_mismatch(wanted: str, value: Value) -> tuple[str, str] | None:
    """A value that gives only times of day (``9:00前``, ``8:30-17:30``) under
    a name asking for a rate, a satisfaction level, a count or a cost, or
    only dates and deadlines (``2025年底前``) under a rate or a satisfaction
    level: of the wrong kind. A count given a deadline is a 时效 target filed
    under 数量 (``category-keyword-mismatch``'s)."""
    kinds = {t.kind for t in value.targets}
    if not kinds:
        return None
    if kinds == {"time"}:
        return wanted, "time"
    if kinds <= {"date", "date-range", "time"} and wanted in ("rate", "satisfaction"):
        return wanted, "date"
    return None


_HUNDRED = Decimal(100)
_FRACTION_FLOOR = Decimal(1)
"""The highest floor in percent on a rate that should come near 100 % read
as a fraction written with ``%`` (``≥0.95%`` for ``≥95%``, ``≥1%`` for 100 %)."""
_FLOORS = frozenset({">=", ">", "="})
_REFERENCE_RE = re.compile(r"[较比]?(?:上|去|前)一?年(?:度|同期)?|基期|同期|[较比]20\d\d年?")
"""A value measured against a reference (``≥1%（较上年）``): a small floor
there is a rise, not a rate written as a fraction."""
_WRONG: dict[str, frozenset[str]] = {
    "satisfaction": frozenset({"count", "money", "physical"}),
    "rate": frozenset({"count", "money", "physical"}),
    "count": frozenset({"percent", "money"}),
    "cost": frozenset({"percent"}),
}
"""Measures that are of the wrong kind for each kind of name."""


def _flags(
    facts: ValueFacts,
) -> tuple[bool, bool, bool, Restatement | None, bool, tuple[str, str] | None, str | None, bool]:
    """The arguments of :func:`_owner` that ``facts`` was decided from."""
    return (
        facts.lost,
        facts.placeholder,
        facts.blank,
        facts.restatement,
        facts.goal_copy,
        facts.mismatch,
        facts.out_of_range,
        facts.quantified,
    )


_PASSED_ON = (
    "garbled-text",
    "placeholder",
    "empty-value",
    "duplicate-text",
    "value-restates-name",
    "boilerplate-value",
    "value-type-mismatch",
    "percent-out-of-range",
    "not-quantified",
    "missing-unit",
    "annual-period-mismatch",
)
"""The rules that own a defect another rule would otherwise report too: the
value owners (:func:`_owner`, ``boilerplate-value``), ``missing-unit`` (a
bare ``≤7`` on a time limit: :func:`unitless_numbers`) and
``annual-period-mismatch`` (a unit in one value only: :func:`unit_lost`).
Turned off in a configuration, each passes its defect on to the next.
``date-serial`` keeps its serials: ``missing-unit``'s "no unit" would misname
a date as a count."""


_BELOW_PASTE: frozenset[Owner | None] = frozenset(
    {None, "value-type-mismatch", "percent-out-of-range", "not-quantified"}
)
"""The owners a paste takes a value from (see :meth:`Facts.value`)."""
_NOT_PASTED: frozenset[Owner | None] = frozenset(
    {"placeholder", "empty-value", "value-restates-name"}
)
"""Values that are no target at all, reported by their own rule, never a paste."""
_PASTE_NOISE_RE = re.compile(r"[\s\u3000。．，,；;]+$|\s+")
_YES_NO = re.compile(r"\s*[是否]\s*[。.]?\s*")


def target_key(value: Value, text: str) -> tuple[object, ...]:
    """What makes two values the same target: ``≥95%`` and ``95%或以上`` are,
    as one number, comparator and unit (words before or after it, as in
    ``100%依照合同期限完成``, make another); any other value by its words."""
    if value.kind == "quantity" and len(value.targets) <= 1:
        measure = (value.comparator, value.number, value.upper, value.unit, value.per)
        return ("quantity", *measure, value.prefix.strip(), value.suffix.strip())
    return ("text", _PASTE_NOISE_RE.sub("", text))


def _once(carriers: list[tuple[Clause, ValueField]]) -> list[Clause]:
    return list({id(clause): clause for clause, _field in carriers}.values())


class PasteLimits(NamedTuple):
    """``boilerplate-value``'s options, as numbers."""

    indicators: int
    misfits: int
    categories: int
    share: float


class Pasted(NamedTuple):
    """One value and the indicators that carry it, each with the value
    field it stands in (an indicator once)."""

    text: str
    first: ValueField
    carriers: list[tuple[Clause, ValueField]]
    """Each value field carrying it, with its indicator."""

    def clauses(self) -> list[Clause]:
        """The indicators carrying the value, each once (in its period value,
        its annual value, or both)."""
        return _once(self.carriers)


class Paste(NamedTuple):
    """A value pasted over unrelated indicators: of ``project``, or of the
    whole table (``project`` None: in ``projects`` projects, ``share`` of
    the table's indicators)."""

    pasted: Pasted
    categories: int
    unit: Unit | None
    project: Project | None
    projects: int
    share: float


class Pastes(NamedTuple):
    found: list[Paste]
    misfits: frozenset[int]
    """The value fields the pastes own: ids of the fields of indicators the
    pasted value does not fit."""


class _Spread:
    """One value over the whole table: its carriers, in how many projects,
    and whether a project was reported for it."""

    __slots__ = ("carriers", "first", "projects", "reported", "text")

    def __init__(self, text: str, first: ValueField) -> None:
        self.text = text
        self.first = first
        self.carriers: list[tuple[Clause, ValueField]] = []
        self.projects = 0
        self.reported = False

    def clauses(self) -> list[Clause]:
        """The indicators carrying the value, each once (in its period value,
        its annual value, or both)."""
        return _once(self.carriers)


class Facts:
    """What is known about the values of one document, decided once.

    Each fact names the one rule that reports it, and is defined by that
    rule's options (and the shared vocabulary): a placeholder is
    ``placeholder``'s (its ``patterns`` and ``template_values``), a value
    that only restates a name ``value-restates-name``'s, a value of the wrong
    kind for its indicator ``value-type-mismatch``'s, a value without a
    measurable target ``not-quantified``'s. :meth:`value` gives all of them
    for one value field, with its :attr:`ValueFacts.owner`: the rule that
    reports it, by the precedence written once in :func:`_owner`. Other rules
    ask "is this value owned?" instead of re-deciding. Answers are memoised
    by text, since tables repeat the same names and values.
    """

    def __init__(self, document: Document, config: Settings) -> None:
        self.document = document
        self.taxonomy = config.taxonomy
        held = config.setting("placeholder").options
        self.placeholder_patterns = [compile_pattern(p) for p in held["patterns"]]
        self.templates = frozenset(held["template_values"])
        restates = config.setting("value-restates-name").options
        self.measure_suffix = any_of(restates["measure_suffixes"])
        self.direction = any_of(restates["direction_words"])
        self.min_name_length: int = restates["min_name_length"]
        kinds = config.setting("value-type-mismatch").options
        self.satisfaction_names = any_of(kinds["satisfaction_names"])
        self.rate_names = any_of(kinds["rate_names"])
        self.rate_exempt = any_of(kinds["rate_exempt"])
        self.count_names = any_of(kinds["count_names"])
        self.cost_names = any_of(kinds["cost_names"])
        self.cost_changes = any_of(kinds["cost_changes"])
        self.units: dict[str, str] = {}
        for measure, option in (
            ("money", "money_units"),
            ("count", "count_units"),
            ("percent", "percent_units"),
        ):
            self.units.update(dict.fromkeys(kinds[option], measure))
        self.measurable = any_of(config.setting("not-quantified").options["measurable"])
        self.min_goal_copy: int = config.setting("duplicate-text").options["min_goal_copy"]
        self._goals: dict[int, tuple[Clause, str, frozenset[str]]] | None = None
        percent = config.setting("percent-out-of-range").options
        self.percent_exempt = any_of(percent["exempt_names"])
        self.high_rates = any_of(percent["high_rates"])
        self.empty_goals = frozenset(config.setting("missing-goal").options["empty_values"])
        self.signatures = [str(s) for s in config.setting("garbled-text").options["signatures"]]
        pasted = config.setting("boilerplate-value").options
        self.paste_limits = PasteLimits(
            indicators=max(2, int(pasted["min_indicators"])),
            misfits=max(0, int(pasted["min_misfits"])),
            categories=max(1, int(pasted["min_categories"])),
            share=float(pasted["table_share"]),
        )
        self._pastes: Pastes | None = None
        self._base_values: dict[int, tuple[ValueField, ValueFacts]] = {}
        self._garbled: dict[str, bool] = {}
        self._hits: dict[str, tuple[Hit, ...]] = {}
        self._scanned = False
        self._measures: dict[str, str | None] = {}
        self._measure_names: dict[str, bool] = {}
        self._values: dict[int, tuple[ValueField, ValueFacts]] = {}
        self._fields: dict[int, tuple[Clause, list[tuple[ValueField, bool]]]] = {}
        self._distinct_values: dict[int, tuple[Clause, list[ValueField]]] = {}
        self._category_kinds: dict[int, tuple[Clause, str | None]] = {}
        self._name_kinds: dict[int, tuple[Clause, NameKind | None]] = {}
        self._savings: dict[int, tuple[Clause, bool]] = {}
        self.off = frozenset(rule for rule in _PASSED_ON if not reporting(config, rule))
        """The owners the configuration turns off: each passes what it owns
        on (:meth:`value`, :meth:`reports`)."""

    # the value fields of a clause that rules read

    def distinct_fields(self, clause: Clause) -> list[tuple[ValueField, bool]]:
        """:func:`distinct_fields` of ``clause``, worked out once per clause."""
        # Each entry keeps its clause alive, so no other object can have its id.
        known = self._fields.get(id(clause))
        if known is not None:
            return known[1]
        fields = distinct_fields(clause)
        self._fields[id(clause)] = (clause, fields)
        return fields

    def distinct_values(self, clause: Clause) -> list[ValueField]:
        """The first period and annual fields, the annual left out when it
        repeats the period value word for word."""
        known = self._distinct_values.get(id(clause))
        if known is not None:
            return known[1]
        values = [value_field for value_field, _both in self.distinct_fields(clause)]
        self._distinct_values[id(clause)] = (clause, values)
        return values

    # the facts of one value, and who reports them

    def value(self, clause: Clause, value_field: ValueField) -> ValueFacts:
        """Everything known about one value field of ``clause`` (computed on
        first use). A value pasted over a project's unrelated indicators
        (:meth:`pastes`) is ``boilerplate-value``'s on the indicators it does
        not fit, before a wrong kind, a percentage out of range or a target
        nobody can measure: the paste is the defect, and its finding names
        them."""
        known = self._values.get(id(value_field))
        if known is not None:
            return known[1]
        facts = self._base(clause, value_field)
        off = self.off
        if facts.owner in off:  # turned off: the next rule that finds a defect owns it
            facts = facts._replace(owner=_owner(*_flags(facts), off=off))
        if (
            facts.owner in _BELOW_PASTE
            and "boilerplate-value" not in off
            and id(value_field) in self.pastes().misfits
        ):
            facts = facts._replace(owner="boilerplate-value")
        self._values[id(value_field)] = (value_field, facts)
        return facts

    def reports(self, rule_id: str) -> bool:
        """Whether ``rule_id`` reports what it owns in this configuration
        (:func:`reporting`): rules that stand down for another's finding
        (``deadline-not-concrete`` for ``missing-unit``'s bare ``≤7``) ask."""
        return rule_id not in self.off

    def _base(self, clause: Clause, value_field: ValueField) -> ValueFacts:
        """:meth:`value` without the pastes, which are found from these."""
        known = self._base_values.get(id(value_field))
        if known is not None:
            return known[1]
        text = value_field.text
        value = value_field.value
        kind = value.kind
        placeholder = self.is_placeholder(text) or self.none_owed(clause, text)
        blank = False
        restated: Restatement | None = None
        mismatch: tuple[str, str] | None = None
        measure: str | None = None
        out_of_range: str | None = None
        if kind == "quantity":
            restated = self.restatement(clause, value_field)
            mismatch = self.type_mismatch(clause, value_field)
            out_of_range = self.out_of_range(clause, value)
            measurable = True
            if value.unit is not None:
                measure = self.units.get(value.unit)
        elif kind == "qualitative" and blank_target(text):
            # a comparator and a unit, the number never typed: empty-value's
            blank = measurable = True
        elif kind == "qualitative":
            restated = self.restatement(clause, value_field)
            # a pass or a fail (合格, 合规, conformity to a named specification) is
            # never a count, an amount or a satisfaction level
            counted = self.category_kind(clause, LEVEL1_KINDS) in _COUNTED_KINDS
            measurable = has_measured_target(value) or (
                not (counted and _PASS_FAIL.search(text.strip()) is not None)
                and (
                    self.measurable.search(text) is not None
                    or (names_a_specification(text) and not counted)
                )
            )
        else:
            measurable = kind != "formula"
            if kind == "date":  # a satisfaction level given as a deadline, a time of day
                mismatch = self.type_mismatch(clause, value_field)
        lost = self.garbled(text)
        # The goal pasted whole (a sentence that mentions the name too) is a
        # copy of the goal before it is a restated name; a value that is the
        # name itself restates it, even where the goal says the same words.
        goal_copy = not lost and not placeholder and self.goal_copy(clause, value_field)
        if goal_copy and restated is not None and copy_text(text) == copy_text(clause.name):
            goal_copy = False
        facts = ValueFacts(
            lost,
            placeholder,
            restated,
            goal_copy,
            mismatch,
            measure,
            out_of_range,
            measurable,
            _owner(
                lost, placeholder, blank, restated, goal_copy, mismatch, out_of_range, measurable
            ),
            blank,
        )
        self._base_values[id(value_field)] = (value_field, facts)
        return facts

    # values pasted over unrelated indicators

    def pastes(self) -> Pastes:
        """Every value pasted over unrelated indicators of a project, or of
        the whole table (``boilerplate-value``'s findings, by its options),
        and the value fields it owns: those of indicators it does not fit."""
        if self._pastes is None:
            self._pastes = self._find_pastes()
        return self._pastes

    def _find_pastes(self) -> Pastes:
        limits = self.paste_limits
        found: list[Paste] = []
        table: dict[tuple[object, ...], _Spread] = {}
        indicators = 0
        for unit in self.document.units:
            for project in unit.projects:
                indicators += sum(1 for c in project.clauses if isinstance(c, Clause))
                for key, pasted in self._pasted_values(project).items():
                    spread = table.get(key)
                    if spread is None:
                        spread = table[key] = _Spread(pasted.text, pasted.first)
                    spread.carriers.extend(pasted.carriers)
                    spread.projects += 1
                    categories = self._judge_paste(pasted)
                    if categories is not None:
                        spread.reported = True
                        found.append(Paste(pasted, categories, unit, project, 1, 1.0))
        for spread in table.values() if indicators else ():
            count = len(spread.clauses())
            if spread.reported or spread.projects < 2 or count < limits.share * indicators:
                continue
            pasted = Pasted(spread.text, spread.first, spread.carriers)
            categories = self._judge_paste(pasted)
            if categories is not None:
                found.append(
                    Paste(pasted, categories, None, None, spread.projects, count / indicators)
                )
        misfits = frozenset(
            id(value_field)
            for paste in found
            for clause, value_field in paste.pasted.carriers
            if not self.fits(clause, paste.pasted.first.value)
        )
        return Pastes(found, misfits)

    def _pasted_values(self, project: Project) -> dict[tuple[object, ...], Pasted]:
        """Each distinct target of the project, by :func:`target_key`, with
        the indicators carrying it (an indicator once, whether in its period
        or its annual value). Placeholders and restated names are no target."""
        found: dict[tuple[object, ...], Pasted] = {}
        for clause in project.clauses:
            if not isinstance(clause, Clause):
                continue
            for value_field in self.distinct_values(clause):
                if not value_field.text.strip() or value_field.value.kind == "empty":
                    continue
                if self._base(clause, value_field).owner in _NOT_PASTED:
                    continue
                if _none_value(value_field.text):
                    continue  # none of a harm (无) is each harm's own target, no paste
                key = target_key(value_field.value, value_field.text)
                entry = found.get(key)
                if entry is None:
                    found[key] = Pasted(value_field.text.strip(), value_field, [])
                    entry = found[key]
                entry.carriers.append((clause, value_field))
        return found

    def _judge_paste(self, pasted: Pasted) -> int | None:
        """The number of categories a value spans when it is pasted over
        unrelated indicators (``boilerplate-value``'s thresholds), else None."""
        limits = self.paste_limits
        clauses = pasted.clauses()
        if len(clauses) < limits.indicators:
            return None
        value = pasted.first.value
        unfit = sum(1 for c in clauses if not self.fits(c, value))
        categories = len({self.category_of(c) for c in clauses})
        if unfit < limits.misfits or categories < limits.categories:
            return None
        return categories

    def fits(self, clause: Clause, value: Value) -> bool:
        """Whether the value is what the indicator's name asks for: a
        percentage on a rate, a satisfaction level or a state reached (按时完成,
        验收合格) is a natural target, and the same ``≥90%`` on several of them is
        no boilerplate; so is ``是`` or ``否`` on a yes/no indicator (是否…)."""
        if _YES_NO.fullmatch(value.text) and normalize(clause.name).startswith("是否"):
            return True  # ``是否按时完成：是``
        if self.value_measure(value) != "percent":
            return False
        return self.name_measure(clause.name) in ("rate", "satisfaction") or (
            name_kind(self, clause) == "state"
        )

    def category_of(self, clause: Clause) -> str:
        """The indicator's category as compared (synonyms resolved): level 2,
        else level 1."""
        level = clause.level2 if clause.level2 is not None else clause.level1
        return "" if level is None else self.taxonomy.canonical(level.name)

    def garbled(self, text: str) -> bool:
        """Whether a value is unreadable: characters lost (as question marks
        or U+FFFD), mojibake, a garbling signature (``garbled-text``'s
        finding, with its ``signatures``)."""
        known = self._garbled.get(text)
        if known is None:
            known = self._garbled[text] = find_garbled(text, self.signatures) is not None
        return known

    def is_empty_goal(self, text: str) -> bool:
        """A goal that says nothing (``无``, ``暂无``, ``/``): ``missing-goal``'s
        finding (its ``empty_values``)."""
        return text in self.empty_goals

    # placeholders

    def placeholders(self, text: str) -> tuple[Hit, ...]:
        """``(start, end, text)`` of every placeholder in ``text``, in order."""
        if not self._scanned:
            self.scan_document(self.document)
        hits = self._hits.get(text)
        if hits is None:
            hits = self._hits[text] = _scan(self.placeholder_patterns, [text])[0]
        return hits

    def amount_placeholders(self, amount: Amount) -> tuple[Hit, ...]:
        """The placeholders of a project's amount cell that holds no number
        (``本年安排 | 待补充``): ``placeholder``'s finding, not ``amount-format``'s
        "not a number". None for a number, or where a formula's error value
        (``#REF!``) stands: that cell stays ``amount-format``'s."""
        if amount.value is not None:
            return ()
        hits = self.placeholders(amount.text.value)
        if any(found.startswith("#") for _, _, found in hits):
            return ()
        return hits

    def unwritten_amounts(self, project: Project) -> tuple[tuple[str, Text, tuple[Hit, ...]], ...]:
        """The amounts of a project that a form writes as words saying they
        are not written yet, words the reader does not take for such
        (``本年安排 | 待落实``, or a placeholder a profile adds): each with its
        column and its placeholders, which are the whole text but for marks
        and the amount's unit. ``placeholder``'s finding: the amount is
        there, unwritten, so ``amount-format`` says neither that the project
        has no amounts nor that 总计 is missing. A plan of work beside the
        label (``第一季度完成招标…``) is no amount."""
        found = []
        for column, text in project.plans:
            if project.amounts.get(column) is not None:
                continue
            hits = self.placeholders(text.value)
            if hits and _only_placeholders(text.value, hits):
                found.append((column, text, hits))
        return tuple(found)

    def scan_document(self, document: Document) -> None:
        """Find the placeholders of every name, goal, value and note of a
        document at once: one pass of each pattern over all its distinct texts."""
        self._scanned = True
        texts: dict[str, None] = {}
        for project in document.projects:
            texts[project.name.value] = None
            if project.goal is not None:
                texts[project.goal.value] = None
            for clause in project.clauses:
                if isinstance(clause, Clause):
                    texts[clause.name] = None
                    for value_field in clause.fields:
                        texts[value_field.text] = None
            for cells in project.cells:  # the national template's 说明 and 标准 columns
                for column in ("note", "standard"):
                    text = cells.extras.get(column)
                    if text is not None:
                        texts[text.value] = None
        unique = [t for t in texts if t not in self._hits]
        self._hits.update(zip(unique, _scan(self.placeholder_patterns, unique), strict=True))

    def is_template(self, text: str) -> bool:
        """Whether a value is only a word of the template (``定量指标``), or
        such a word in brackets where the number goes, with its comparator
        and unit (``（数值）%``, ``≥（数值）人次``)."""
        if normalize(text) in self.templates:
            return True
        if _OPENING.search(text) is None:
            return False  # no bracket, no word in brackets: most values
        label = _template_label().fullmatch(text.strip())
        return label is not None and normalize(label.group(1)) in self.templates

    def is_placeholder(self, text: str) -> bool:
        """Whether a value holds a placeholder or is a template word."""
        return self.is_template(text) or bool(self.placeholders(text))

    def none_owed(self, clause: Clause, text: str) -> bool:
        """Whether a value says only 无 (none) where the indicator asks for a
        target: ``古树巡查株数 无``. For events a table wants none of
        (``安全事故 无``), an effect on others (``施工对周边生态环境的影响
        无``, ``噪声扰民 无``: ``adverse_names`` too), every indicator of a
        cost category that is no money (the taxonomy's ``burdens``: the
        project's negative effects, whose none is the target) but a
        satisfaction level, and a yes/no indicator (``是否发生违规 无``) 无
        is the target itself."""
        # a list's 指标性质 column may put a comparator before it: ≥无
        if not _none_value(text):
            return False
        if is_burden(self, clause) and self.name_measure(clause.name) != "satisfaction":
            return False
        return not (normalize(clause.name).startswith("是否") or is_adverse(clause))

    # restatements

    def restatement(self, clause: Clause, value_field: ValueField) -> Restatement | None:
        """Whether ``value_field`` only restates a name instead of giving a
        target (``value-restates-name``'s finding)."""
        kind = value_field.value.kind
        if kind not in ("qualitative", "quantity") or self.is_placeholder(value_field.text):
            return None
        text = normalize(value_field.text)
        name = normalize(clause.name)
        if not text:
            return None
        if text == name:  # also a name with digits, read as a number (65岁以上…人数)
            other = other_field(clause, value_field)
            if (
                other is not None
                and other.value.kind == "qualitative"
                and self.is_measure_name(normalize(other.text))
                and _is_target_name(clause.name)
            ):
                return None  # name and value swapped (≥90% | ≥90% | 达标率): the other's finding
            return Restatement("same")
        if kind != "qualitative":
            return None
        if len(name) >= self.min_name_length and name in text:
            if _NOTHING_HAPPENED.match(text):
                return None  # 安全生产事故 无安全生产事故: none of it is the target
            return Restatement("contains")
        # a frequency (每季度, 每学期) is a target of its own kind, not a name
        if has_measured_target(value_field.value) or not self.is_measure_name(text):
            return None
        if _is_target_name(clause.name):
            return Restatement("name-swapped")
        other = other_field(clause, value_field)
        if (
            value_field.keyword == ANNUAL
            and other is not None
            and other.value.kind in ("quantity", "date")
        ):
            return Restatement("swapped", other.text)
        return Restatement("measure")

    def is_measure_name(self, text: str) -> bool:
        """A value that names what is measured (``响应及时率``, ``新用户注册量``)."""
        known = self._measure_names.get(text)
        if known is None:
            known = self._measure_names[text] = (
                not any(ch.isdigit() for ch in text)
                and self.measure_suffix.search(text) is not None
                and self.direction.match(text) is None
            )
        return known

    # kinds of measure

    def name_measure(self, name: str) -> str | None:
        """``satisfaction``, ``rate``, ``count`` or ``cost`` (an amount of
        money, unless the name is a change of it: 成本降低): what an
        indicator's name asks for."""
        if name in self._measures:
            return self._measures[name]
        text = normalize(name)
        measure: str | None = None
        if self.satisfaction_names.search(text):
            measure = "satisfaction"
        elif self.rate_names.search(text):
            measure = None if self.rate_exempt.search(text) else "rate"
        elif self.count_names.search(text):
            measure = "count"
        elif self.cost_names.search(text) and not self.cost_changes.search(text):
            measure = "cost"
        self._measures[name] = measure
        return measure

    def value_measure(self, value: Value) -> str | None:
        """``percent``, ``count`` or ``money``: what a quantity is measured in."""
        if value.kind != "quantity" or value.unit is None:
            return None
        return self.units.get(value.unit)

    def goal_copy(self, clause: Clause, value_field: ValueField) -> bool:
        """Whether the value is its project's goal pasted where a target
        belongs: text of the goal (at least ``duplicate-text``'s
        ``min_goal_copy`` characters) as a value without a measure, or the
        whole goal or one of its sentences, whatever numbers it holds (the
        ``98%`` of ``…亮灯率保持在98%以上…`` belongs to another indicator)."""
        text = copy_text(value_field.text)
        if len(text) < self.min_goal_copy:
            return False
        if self._goals is None:
            self._goals = {}
            for unit in self.document.units:
                for project in unit.projects:
                    goal = copy_text(project.goal.value) if project.goal is not None else ""
                    sentences = frozenset(
                        copy_text(part) for part in _SENTENCES.split(goal) if part
                    )
                    for item in project.clauses:
                        if isinstance(item, Clause):
                            self._goals[id(item)] = (item, goal, sentences | {goal})
        known = self._goals.get(id(clause))
        if known is None or known[0] is not clause or not known[1]:
            return False
        _, goal, sentences = known
        if value_field.value.kind == "qualitative" and text in goal:
            return True
        return text in sentences

    def out_of_range(self, clause: Clause, value: Value) -> str | None:
        """``above`` when the first target in percent out of range is above
        100 %, ``below`` when it is below 0 %, ``fraction`` when it is a floor
        above 0 and at most 1 %, or above 0 and at most 1 with no unit, on
        a rate that should come near 100 % (:meth:`high_rate`: ``验收合格率
        ≥0.95%``, ``完成率 ≥1%``, ``满意度 ≥0.9``, ``验收合格率 ≥1``: 95 %, 100 %,
        90 % and 100 % written as fractions); None when every target is in range, or
        the indicator is a growth (``percent-out-of-range``'s
        ``exempt_names``, in the name or the value's words: 增长率, 同比). A
        cap above 100 % (``≤120%``: a ratio of two amounts, 政府债务率, has its
        risk lines there) asks nothing impossible, and a cap below 1 % is a
        ceiling rate's (``事故发生率 ≤0.5%``)."""
        high: bool | None = None
        for target in number_targets(value):
            if target.number is None or target.unit not in ("%", None):
                continue
            top = target.upper if target.upper is not None else target.number
            if target.unit is None:  # 验收合格率 ≥0.95: no % at all, a share of one
                found = "fraction" if fraction_floor(value, target) else None
            elif top > _HUNDRED and target.comparator in ("<=", "<"):
                continue  # a cap above 100% (政府债务率 ≤120%) asks nothing impossible
            elif top > _HUNDRED:
                found = "above"
            elif target.number < 0 or value.minus_before(target):
                found = "below"
            else:
                found = "fraction" if fraction_floor(value, target) else None
            if found == "fraction":
                if high is None:
                    high = self.high_rate(clause)
                if not high:
                    continue
            elif found is None:
                continue
            exempt = self.percent_exempt
            if exempt.search(clause.name) or exempt.search(value.prefix):
                return None
            return None if exempt.search(value.suffix) else found
        return None

    def high_rate(self, clause: Clause) -> bool:
        """Whether an indicator is a rate that should come near 100 %: a
        satisfaction level, or a name ``percent-out-of-range``'s
        ``high_rates`` match (合格率, 完成率, 覆盖率, 知晓率, 执行率, 到位率). A
        floor of 1 % or less on it is a percentage written as a fraction."""
        name = normalize(clause.name)
        return (
            self.name_measure(clause.name) == "satisfaction"
            or self.high_rates.search(name) is not None
        )

    def type_mismatch(self, clause: Clause, value_field: ValueField) -> tuple[str, str] | None:
        """``(name measure, value measure)`` when the value is of the wrong
        kind for the indicator's name (``value-type-mismatch``'s finding):
        no target of the value is of the kind the name asks for, and one is
        of a kind it excludes."""
        value = value_field.value
        wanted = self.name_measure(clause.name)
        if wanted is None or (wanted == "cost" and self.cost_saving(clause)):
            return None
        if value.kind == "date":
            if _DATE_NAMES.search(normalize(clause.name)):
                return None  # 满意度调查完成时间 asks for a date, whatever it names before
            return _dated_mismatch(wanted, value)
        # 增长率≥5%, 增幅≥5%, 降幅≥5%: the value's words say it is a change
        relative = bool(value.prefix) and (
            self.percent_exempt.search(value.prefix) is not None
            or _LOWERING.search(value.prefix) is not None
        )
        measures = [
            _target_measure(self.units, value, t, wanted, relative)
            for t in number_targets(value)
            if t.unit is not None or per_n(value, t)
        ]
        if not any(measures):
            return None
        # Every target is judged: one of the kind the name asks for settles
        # it (``完成10场，合格率100%``); else the first of a wrong kind.
        if _FITS[wanted] & set(measures):
            return None
        for measured in measures:
            if measured in _WRONG[wanted]:
                return wanted, measured
        return None

    # categories

    def category_kind(self, clause: Clause, level1_kinds: dict[str, str]) -> str | None:
        """What a clause's category measures: the taxonomy's kind of its
        level-2 category, else (legacy clauses, unknown level-2 names) of its
        level-1. With the shared :data:`LEVEL1_KINDS`, worked out once per
        clause."""
        if level1_kinds is not LEVEL1_KINDS:
            return self._category_kind(clause, level1_kinds)
        known = self._category_kinds.get(id(clause))
        if known is not None:
            return known[1]
        kind = self._category_kind(clause, level1_kinds)
        self._category_kinds[id(clause)] = (clause, kind)
        return kind

    def cost_saving(self, clause: Clause) -> bool:
        """Whether an indicator is a cost lowered or saved for others, filed
        as an effect: a benefit (经济效益), not the project's own cost.

        The clause is under a 效益 category, its name names a cost
        (``value-type-mismatch``'s ``cost_names``: 成本, 费用, 单价), and the
        name or a value says the cost goes down (the shared vocabulary's
        ``lowering_words``): ``降低企业用能成本 ≥500万元``, ``为企业节约成本``,
        ``农户购机成本 有效降低``, ``企业物流成本 同比下降5%``. A cost of the
        project filed there (``设备购置成本 ≤50万元``) is none.

        When no value can say (each is empty, a placeholder or garbled:
        ``农户购机成本 待补充``), the value's own rule reports it and the
        indicator is read as the benefit it is filed as: judging its name
        from a value nobody wrote would make one defect two findings.
        ``cost-exceeds-budget``, ``category-keyword-mismatch`` and
        ``value-type-mismatch`` read it alike; worked out once per clause."""
        known = self._savings.get(id(clause))
        if known is not None:
            return known[1]
        saving = False
        if (
            self.category_kind(clause, LEVEL1_KINDS) == "effect"
            and self.cost_names.search(normalize(clause.name)) is not None
        ):
            fields = first_fields(clause)
            saving = (
                _LOWERING.search(clause.name) is not None
                or any(_LOWERING.search(f.text) for f in fields)
                or (bool(fields) and all(self._silent(f) for f in fields))
            )
        self._savings[id(clause)] = (clause, saving)
        return saving

    def _silent(self, value_field: ValueField) -> bool:
        """Whether a value says nothing another rule could read: empty
        (``empty-value``), a placeholder or garbled (the owners ahead of
        every other in :func:`_owner`)."""
        text = value_field.text
        return (
            value_field.value.kind == "empty"
            or blank_target(text)
            or self.is_placeholder(text)
            or self.garbled(text)
        )

    def _category_kind(self, clause: Clause, level1_kinds: dict[str, str]) -> str | None:
        if clause.level2 is not None:
            kind = self.taxonomy.kind(clause.level2.name)
            if kind is not None:
                return kind
        if clause.level1 is not None:
            return level1_kinds.get(self.taxonomy.canonical(clause.level1.name))
        return None


def _target_measure(
    units: dict[str, str], value: Value, target: Target, wanted: str, relative: bool
) -> str | None:
    """What one target measures, for :meth:`Facts.type_mismatch`: under a
    rate's name, a rate per a number of things (``≤1.2人/万车``, ``≤10/10万``)
    is a rate, as a ‰ is (under a count's, ``≥2.5名/千人`` is a count); a
    relative change (``同比下降5%``, ``较上年增长10%``, ``增长率≥5%``: ``relative``
    when the value's words say so) states how a count or a cost moves and is
    none of them; else what its unit measures."""
    if wanted in ("rate", "satisfaction") and per_n(value, target):
        return "percent"
    if (target.change is not None or relative) and units.get(target.unit or "") == "percent":
        return None
    if target.unit is None:
        return None
    measure = units.get(target.unit)
    if measure is None and wanted in ("rate", "satisfaction") and physical_unit(target.unit):
        return "physical"
    return measure


_WRITTEN_FRACTION = re.compile(r"[0-9０-９]\s*[/／:：]\s*[0-9０-９]")
"""A share written as a fraction or a ratio (``2/3``, ``1:2``): the writer's
choice, no percentage in disguise."""


def fraction_floor(value: Value, target: Target) -> bool:
    """Whether ``target`` of ``value`` is a floor above 0 and at most 1 %, or a
    number above 0 and at most 1 with no unit at all (``≥0.95``, ``满意度≥0.9``,
    ``验收合格率 ≥1``), measured against nothing (``≥0.95%``; not ``≥1%（较上年）``,
    a rise, nor a rate per a number of things): on a rate that should come near
    100 % it is a percentage written as a fraction (:meth:`Facts.out_of_range`).
    A bare 1 is all of it written so: read as 1 % it would be a floor of at
    most 1 % on such a rate, the same slip, so either reading is this one
    defect."""
    if target.number is None:
        return False
    top = target.upper if target.upper is not None else target.number
    if target.unit is None:  # a share of one: 0.95 for 95 %, 1 for 100 %
        if (
            target.kind != "number"
            or target.magnitude is not None
            or top > _FRACTION_FLOOR
            or _WRITTEN_FRACTION.search(target.text) is not None  # 2/3, 1:2: as meant
        ):
            return False
    elif target.unit != "%" or top > _FRACTION_FLOOR:
        return False
    return (
        target.number > 0
        and target.comparator in _FLOORS
        and target.per is None
        and target.change is None
        and _REFERENCE_RE.search(value.text) is None
    )


_PHYSICAL_DIMENSIONS = frozenset({"length", "area", "mass", "volume"})
"""What is built, dredged, planted or hauled is measured in these (公里,
平方米, 亩, 吨, 立方米): a physical quantity, never a rate's or a satisfaction
level's target, and an output like a count (``comparator-direction``)."""


def physical_unit(unit: str) -> bool:
    """Whether ``unit`` measures a length, an area, a weight or a volume (by
    the ``conversions`` of the value vocabulary, rules/units.yaml)."""
    from audit.values import dimension  # loaded by then: the value was parsed

    return dimension(unit) in _PHYSICAL_DIMENSIONS


_NO_FIGURE = r"[^\d０-９零〇一二两三四五六七八九十百千≥≤＞＜><＝=]"
"""A character of the words before a comparator in a value whose number was
left blank: no digit, no Chinese numeral, no other comparator."""


@lru_cache(maxsize=1)
def _unit_words() -> str:
    """The units of the value vocabulary (rules/units.yaml) as one alternation."""
    from audit.patterns import joined
    from audit.values import UNITS

    found = {*UNITS.units, *UNITS.time_units, *UNITS.aliases}
    return joined(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))


_OPENING = re.compile(r"[（(【\[〔]")


@lru_cache(maxsize=1)
def _template_label() -> re.Pattern[str]:
    """A word in brackets where the number goes, with the comparator and the
    unit around it (``≥（数值）%``): group 1 is the word."""
    return re.compile(
        r"[≥≤＞＜><＝=]?[ \t]*[（(【\[〔][ \t]*([^\x00（(【\[〔）)】\]〕]+?)[ \t]*[）)】\]〕]"
        rf"[ \t]*(?:{_unit_words()})?[ \t]*[。.；;]?"
    )


@lru_cache(maxsize=1)
def _blank_target() -> re.Pattern[str]:
    from audit.patterns import joined
    from audit.values import UNITS  # the value vocabulary (rules/units.yaml)

    def words(found: Iterable[str]) -> str:
        return joined(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))

    comparators = words({*UNITS.comparators, *UNITS.changes})
    # A comparator that cannot end a sentence: a symbol, or a word ending in a
    # preposition that wants its object (不少于, 控制在), not a verb (达到, 提高).
    open_ended = words(
        word
        for word in UNITS.comparators
        if word.endswith(("于", "在")) or not any("\u4e00" <= c <= "\u9fff" for c in word)
    )
    units = _unit_words()
    after = words(UNITS.comparators_after)
    blank = r"[\s\u3000_＿（）()【】\[\]]"
    return re.compile(
        # a few words (全年完成), the comparator (不少于, ≥, 控制在, 提高), the
        # blank where the number goes, a magnitude only after a blank (≥  万人),
        # the unit, a word after it (以内) and a full stop: nothing else; or,
        # where a list's 计量单位 column holds the unit, only an open comparator
        # (a list's 指标性质 column may put its comparator before it: ≥不低于  %)
        rf"(?:[≥≤＞＜><＝=][ \t]*)?{_NO_FIGURE}{{0,16}}?"
        rf"(?:(?:{comparators}){blank}*(?:(?<=\s)[万亿])?"
        rf"(?:{units}){blank}*(?:{after})?|(?:{open_ended}){blank}*(?:{after})?)"
        r"[ \t]*[。.；;，,]?[ \t]*"
    )


def blank_target(text: str) -> bool:
    """Whether a value keeps only the template's comparator and unit with
    the number never typed (``不低于  %``, ``≥场``, ``全年完成不少于  场``,
    ``控制在   万元以内``), or only a comparator that wants its number
    (``全年完成不少于``, its unit in a list's 计量单位 column): a value with
    nothing in it, as ``≥ %`` is. A comparator before words (``不低于上年``,
    ``≥上年水平``, ``不少于规定场次``) states a target of another kind, and
    a digit anywhere is a number."""
    return _blank_target().fullmatch(text.strip()) is not None


AT_TEXT_START = r"(?:(?<![^\x00])|(?<=\x00[≥≤＞＜><＝=])|(?<=^[≥≤＞＜><＝=]))"
"""How a placeholder pattern anchored at a text's start begins: at a text's
start (the texts :func:`_scan` joins with NUL), or after a comparator a
list's 指标性质 column put there (``≥同上``). :func:`_scan` tries such a
pattern at the texts' starts only."""
_OPENING_COMPARATORS = frozenset("≥≤＞＜><＝=")


def _scan(patterns: list[re.Pattern[str]], texts: list[str]) -> list[tuple[Hit, ...]]:
    """The placeholder hits of each text: the texts are joined with NUL (no
    pattern matches it) so each pattern runs once over all of them."""
    joined = "\x00".join(texts)
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    found: list[list[Hit]] = [[] for _ in texts]
    opened: list[int] | None = None
    for regex in patterns:
        if regex.pattern.startswith(AT_TEXT_START):
            # Anchored at a text's start (or after a comparator opening it):
            # tried there only, not at every character of every text.
            finder = _text_starts(regex)
            if finder is None:
                spans = [
                    (found_match.start(), found_match.end(), found_match.group())
                    for begin, text in zip(starts, texts, strict=True)
                    for offset in (0, 1)[: 1 + (text[:1] in _OPENING_COMPARATORS)]
                    if (found_match := regex.match(joined, begin + offset)) is not None
                ]
            else:
                if opened is None:
                    opened = [
                        begin
                        for begin, text in zip(starts, texts, strict=True)
                        if text[:1] in _OPENING_COMPARATORS
                    ]
                spans = _at_text_starts(regex, finder, joined, starts, opened)
        else:
            lead = _lead(regex)
            matches = regex.finditer(joined) if lead is None else _matches_at(regex, joined, lead)
            spans = [(match.start(), match.end(), match.group()) for match in matches]
        for start, end, group in spans:
            if end == start:
                continue
            index = bisect_right(starts, start) - 1
            base = starts[index]
            if end - base <= len(texts[index]):
                found[index].append((start - base, end - base, group))
    result: list[tuple[Hit, ...]] = []
    for hits in found:
        kept: list[Hit] = []
        for hit in sorted(hits):
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        result.append(tuple(kept))
    return result


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@lru_cache(maxsize=256)
def _text_start_finder(pattern: str, flags: int) -> re.Pattern[str] | None:
    if _BACKREFERENCE.search(pattern):
        return None  # its groups are numbered again inside the finder's
    return re.compile(f"\x00(?=({pattern}))", flags)


def _text_starts(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern anchored at a text's start: a pattern matching each NUL
    that joins two texts, its group 1 what ``regex`` matches at the start of
    the text after it; None for a pattern it cannot stand for (compiled by
    another engine, or with back-references)."""
    if type(regex) is not re.Pattern:
        return None
    return _text_start_finder(regex.pattern, regex.flags)


def _at_text_starts(
    regex: re.Pattern[str],
    finder: re.Pattern[str],
    joined: str,
    starts: list[int],
    opened: list[int],
) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of what ``regex`` matches at each text's start
    in ``joined`` (:func:`_scan`'s texts joined by NUL), and one character
    further where a comparator opens the text: as ``regex.match`` at each,
    the texts after the first found by ``finder`` (:func:`_text_starts`) in
    one pass of the regex engine instead of a call for each text.
    ``opened``: the starts of the texts a comparator opens."""
    spans: list[tuple[int, int, str]] = []
    first = regex.match(joined, 0)
    if first is not None:
        spans.append((first.start(), first.end(), first.group()))
    begins: set[int] | None = None
    for match in finder.finditer(joined):
        start = match.start(1)
        if begins is None:
            begins = set(starts)
        if start in begins:  # not after a NUL a text holds
            spans.append((start, match.end(1), match.group(1)))
    for begin in opened:
        after = regex.match(joined, begin + 1)
        if after is not None:
            spans.append((after.start(), after.end(), after.group()))
    return spans


_META = frozenset("\\.^$*+?{}[]|()")
"""What a regular expression does not read as the character itself."""


@lru_cache(maxsize=1024)
def _lead_of(pattern: str, flags: int) -> str | None:
    """The characters a match of ``pattern`` must begin with, when its text
    says so plainly: a lookahead for one character or a set of them at its
    start (``(?=请)``, ``(?=[0０])``, ``(?=详?见)``), or a set it begins
    with (``[XxＸｘ]…``); None for any other pattern (ignoring case, one
    written verbosely, a range or class in the set)."""
    if flags & (re.IGNORECASE | re.VERBOSE) or _alternatives(pattern):
        return None
    if pattern.startswith("(?="):
        end = pattern.find(")")
        head = pattern[3:end] if end > 3 else ""
        if pattern[end + 1 : end + 2] in _QUANTIFIERS:
            return None
        if len(head) == 3 and head[1] == "?" and not _META & {head[0], head[2]}:
            return head[0] + head[2]  # 详?见: 详 or 见
        if len(head) >= 1 and not _META & set(head):
            return head[0]  # 请, 填写: the literal's first character
        return _set_chars(pattern, 3)
    if pattern.startswith("["):
        return _set_chars(pattern, 0)
    return None


_QUANTIFIERS = frozenset("*?{")
"""What after a pattern's first item could let a match begin without it
(``+`` still needs it once)."""


def _alternatives(pattern: str) -> bool:
    """Whether ``pattern`` is an alternation at its top level (``a|b``),
    whose matches may begin with either side; outside sets and groups."""
    depth = 0
    index = 0
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index += 1
            if pattern.startswith("^", index):
                index += 1
            if pattern.startswith("]", index):
                index += 1  # a ] first in a set is the character
            while index < length and pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


def _set_chars(pattern: str, start: int) -> str | None:
    """The characters of the set ``[…]`` at ``start`` in ``pattern`` (a
    lookahead's when it is all the lookahead holds), or None for a set
    that is not a plain list of characters."""
    if not pattern.startswith("[", start) or pattern.startswith("[^", start):
        return None
    chars: list[str] = []
    index = start + 1
    while index < len(pattern):
        char = pattern[index]
        if char == "]":
            if not chars:
                return None
            if start and not pattern.startswith(")", index + 1):
                return None  # more than the set in the lookahead
            after = index + 2 if start else index + 1
            if pattern[after : after + 1] in _QUANTIFIERS:
                return None  # [ab]*, (?=[ab])?: a match may begin elsewhere
            return "".join(chars)
        if char == "\\":
            index += 1
            if index >= len(pattern) or pattern[index].isalnum():
                return None  # \d, \x00…: a class or a code, not a character
            char = pattern[index]
        elif char in "-[":
            return None  # a range, or a nested set
        chars.append(char)
        index += 1
    return None


def _lead(regex: re.Pattern[str]) -> str | None:
    """:func:`_lead_of` for a pattern compiled by :mod:`re` (None for a
    configured one, run by another engine)."""
    if type(regex) is not re.Pattern:
        return None
    return _lead_of(regex.pattern, regex.flags)


def _matches_at(regex: re.Pattern[str], text: str, lead: str) -> list[re.Match[str]]:
    """``list(regex.finditer(text))`` for a pattern whose every match begins
    with one of the characters ``lead``: the pattern is tried only where
    they are (found by :meth:`str.find`, in C), since the regex engine would
    try it at every character of the text. A match that is empty, after
    which :meth:`~re.Pattern.finditer` goes on by its own rules, makes it
    run :meth:`~re.Pattern.finditer` instead."""
    find = text.find
    positions: list[int] = []
    for char in lead:
        at = find(char)
        while at >= 0:
            positions.append(at)
            at = find(char, at + 1)
    if len(lead) > 1:
        positions.sort()
    found: list[re.Match[str]] = []
    match_at = regex.match
    after = 0
    for at in positions:
        if at < after:
            continue
        match = match_at(text, at)
        if match is not None:
            after = match.end()
            if after == at:
                return list(regex.finditer(text))
            found.append(match)
    return found


@lru_cache(maxsize=4096)
def _is_target_name(name: str) -> bool:
    """An indicator name that is itself a target (``≥98%``)."""
    from audit.values import parse_value  # the value parser loads Lark: only when needed

    value = parse_value(name)
    return value.kind == "quantity" and not value.prefix and not value.suffix


T = TypeVar("T")


class Key(Generic[T]):
    """The key of one kind of entry in a :class:`DocumentCache`: declared
    once, at module level, by the code that stores the entry; its type
    parameter is the type of the entry."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Key({self.name!r})"


class DocumentCache:
    """What rules compute once per document and keep (an index, the sums of
    the amount columns): typed entries under :class:`Key` objects, so two
    rules never collide on a name and a reader knows what an entry holds."""

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[Key[Any], Any] = {}

    def get(self, key: Key[T], build: Callable[[], T]) -> T:
        """The entry under ``key``, built by ``build()`` on first use."""
        try:
            return self._entries[key]
        except KeyError:
            value = self._entries[key] = build()
            return value


# --------------------------------------------------------------------------
# Small helpers several rules share


class LazyPattern:
    """A regular expression compiled on first use. For a rule's patterns that
    only some tables need (garbled text, formulas, numbers without a unit):
    compiling a pattern with a large character class (every CJK character)
    costs a millisecond or more, which a run that never needs it should not
    pay at start-up."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self._pattern

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def __repr__(self) -> str:
        return f"LazyPattern({self._pattern!r})"


# Characters lost in an export to a code page that lacks them come out as
# question marks: a run of two or more (``????公共卫生服务经费``), or one
# standing between two Chinese characters where no question is asked
# (``健康讲座?次``). A question ends in one (``如何让求职者找到合适岗位?``).
_LOST_RUN_RE = LazyPattern(r"[?？]{2,}")
_LOST_ONE_RE = LazyPattern(r"(?<=[\u4e00-\u9fff])[?？](?=[\u4e00-\u9fff])")
_QUESTION_RE = LazyPattern(r"吗|呢|什么|如何|怎么|怎样|为何|为什么|是否|能否|可否|哪|谁|几|多少")
# UTF-8 read as GBK leaves a question mark where a byte pair is not GBK, right
# after a character whose two bytes are a UTF-8 lead byte and its first
# continuation: ``≥300人`` becomes ``鈮?00浜?`` (鈮 is E2 89 of ≥, 浜 E4 BA of 人).
_LOST_AFTER_RE = LazyPattern(r"(?<=[\u4e00-\u9fff])\?")
# One question mark inside a number, where a digit or a character of it was
# lost: beside a digit with more of the number on its other side (``≥?00人``,
# ``?00人``,
# ``≥9?%``, ``1?0万元``), or between a comparator and the rest of the number
# (``≥?万亩``). One after a number that ends a sentence is a question's
# (``能否达到90?``), and so is one where the sentence asks something.
_LOST_IN_NUMBER_RE = LazyPattern(
    r"(?<![?？])(?:(?<=[\d０-９])[?？](?=[\d０-９%％‰.．\u4e00-\u9fff])"
    r"|(?:(?<=[≥≤＞＜><＝=:：\u4e00-\u9fff\s])|^)[?？](?=[\d０-９])"
    r"|(?<=[≥≤＞＜＝])[?？](?=[\u4e00-\u9fff%％‰]))(?![?？])"
)
_SENTENCE_BREAK = "。；;！!\n"


def lost_characters(text: str) -> tuple[int, int] | None:
    """Where characters were lost as question marks (``garbled-text``'s
    finding, in a name, a goal or a value alike), or None."""
    if "?" not in text and "？" not in text:
        return None
    found = [m.span() for m in _LOST_RUN_RE.finditer(text)][:1]
    for match in _LOST_AFTER_RE.finditer(text):
        lead, trail = text[match.start() - 1].encode("gbk", "replace").ljust(2)[:2]
        if 0xE0 <= lead <= 0xEF and 0x80 <= trail <= 0xBF:
            found.append((match.start() - 1, match.end()))
            break
    for regex in (_LOST_ONE_RE, _LOST_IN_NUMBER_RE):
        for match in regex.finditer(text):
            start = match.start()
            sentence = start
            while sentence > 0 and text[sentence - 1] not in _SENTENCE_BREAK:
                sentence -= 1
            if _QUESTION_RE.search(text, sentence, start) is None:
                found.append(match.span())
                break
    return min(found) if found else None


# Mojibake: text decoded with the wrong code page. ``garbled-text`` reports
# it; a value that holds it is garbled text before it is any other defect.
_CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"


_CP1252_BYTE: dict[str, int] = {c: c.encode("cp1252")[0] for c in _CP1252_SPECIALS}


_CP1252_BYTE.update({chr(i): i for i in range(0x80, 0x100)})


# UTF-8 read as Latin-1 / Windows-1252: runs of those characters (ï¼› for ；).
_LATIN_RUN_RE = LazyPattern("[\u0080-\u00ff" + re.escape(_CP1252_SPECIALS) + "]{2,}")


# GBK read as Latin-1: both bytes of a GB2312 character are A1-FE (Í¨¹ý for 通过).
_GBK_LATIN_RUN_RE = LazyPattern("[\u00a1-\u00fe]{4,}")


# UTF-8 read as GBK (鍙戞斁 for 发放): re-encoded as GBK, the bytes are UTF-8 again;
# four CJK characters or CJK punctuation in a row never happen by chance.
_UTF8_CJK_RE = re.compile(
    rb"(?:[\xe4-\xe9][\x80-\xbf][\x80-\xbf]|\xe3\x80[\x80-\xbf]|\xef\xbc[\x80-\xbf]){4,}"
)


# Bytes 80-A0 never occur in GB2312 text (both bytes of its characters are A1-FE)
# but are half the values of UTF-8 continuation bytes (80-BF).
_NOT_EXTENSION_BYTES = bytes(b for b in range(256) if not 0x80 <= b <= 0xA0)


# Control characters; tab, line feed, carriage return, and vertical tab and form
# feed (a line break copied from Word, a page break of PDF text) are not garbling.
_CONTROL_RE = LazyPattern("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


_PRIVATE_USE_RE = LazyPattern("[\ue000-\uf8ff]")


# A cheap test that a text may be garbled at all (everything but UTF-8 read as GBK);
# × ÷ · ° ± are common in real tables (公式, 温度), and garbled runs are never made
# of them alone.
_SUSPECT_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6"
    "\u00f8-\u00ff\ufffd\ue000-\uf8ff]"
)


def _utf8_as_latin(text: str) -> tuple[int, int, str] | None:
    for match in _LATIN_RUN_RE.finditer(text):
        run = match.group()
        if not any("\u00c2" <= c <= "\u00ef" for c in run):
            continue  # no UTF-8 lead byte: “”, ……, —— are real punctuation
        decoded = bytes(_CP1252_BYTE[c] for c in run).decode("utf-8", "replace")
        good = sum(1 for c in decoded if c >= "\u0080" and c != "\ufffd")
        bad = decoded.count("\ufffd")
        if good and good >= 2 * bad:
            return match.start(), match.end(), decoded.replace("\ufffd", "")
    return None


def _gbk_as_latin(text: str) -> tuple[int, int, str] | None:
    for match in _GBK_LATIN_RUN_RE.finditer(text):
        try:
            decoded = match.group().encode("latin-1").decode("gbk")
        except UnicodeDecodeError:
            continue
        return match.start(), match.end(), decoded
    return None


def _utf8_as_gbk(text: str) -> tuple[int, int, str] | None:
    data = text.encode("gbk", "replace")
    if not data.translate(None, _NOT_EXTENSION_BYTES):
        return None
    for match in _UTF8_CJK_RE.finditer(data):
        if not match.group().translate(None, _NOT_EXTENSION_BYTES):
            continue  # every byte is GB2312's: more likely real text than mojibake
        start, end = _char_span(text, match.start(), match.end())
        if start >= 0 and end >= 0:
            return start, end, match.group().decode("utf-8")
    return None


_UTF8_CJK_ONE_RE = re.compile(rb"[\xe4-\xe9][\x80-\xbf][\x80-\xbf]")
_LOST_GAP_RE = re.compile(rb"[\x80-\xff]{0,2}[\x00-\x7f]{0,8}")
"""What may stand between two characters of mojibake that lost bytes: a
broken character's bytes left (two at most), then ASCII (digits, units)."""


def _utf8_as_gbk_lost(text: str) -> tuple[int, int] | None:
    """UTF-8 read as GBK whose replacement characters were dropped since
    (a PDF's font has no glyph for them): re-encoded as GBK, the bytes are
    UTF-8 characters again, broken here and there by a byte or two. Four
    such characters at least, most of them with bytes GB2312 never uses,
    with some broken bytes but no more than characters (a run without any
    decodes back whole: :func:`_utf8_as_gbk`'s)."""
    data = text.encode("gbk", "replace")
    if not data.translate(None, _NOT_EXTENSION_BYTES):
        return None
    runs: list[list[tuple[int, int]]] = []
    for match in _UTF8_CJK_ONE_RE.finditer(data):
        span = match.span()
        if runs:
            gap = _LOST_GAP_RE.match(data, runs[-1][-1][1])
            if gap is not None and gap.end() >= span[0]:
                runs[-1].append(span)
                continue
        runs.append([span])
    for run in runs:
        if len(run) < 4:
            continue
        foreign = sum(
            1 for start, end in run if data[start:end].translate(None, _NOT_EXTENSION_BYTES)
        )
        between = data[run[0][0] : run[-1][1]]
        broken = sum(1 for byte in between if byte >= 0x80) - 3 * len(run)
        if 2 * foreign >= len(run) and 0 < broken <= len(run):
            return _char_span(text, run[0][0], run[-1][1])
    return None


def _char_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The characters of ``text`` whose GBK bytes hold ``start:end``."""
    first = last = -1
    position = 0
    for index, char in enumerate(text):
        width = 1 if char < "\u0080" else len(char.encode("gbk", "replace"))
        if first < 0 and position + width > start:
            first = index
        if position + width >= end:
            last = index + 1
            break
        position += width
    return first, last


def garbling_possible(text: str) -> tuple[bool, bool]:
    """Two cheap tests of a whole table's text, so that a clean table is not
    searched stretch by stretch: whether it has characters that only
    mojibake, lost characters or control characters bring (``chars``), and
    bytes outside GB2312 once encoded as GBK, which UTF-8 read as GBK leaves
    (``gbk``); see :func:`find_garbled`."""
    chars = _SUSPECT_RE.search(text) is not None
    return chars, bool(text.encode("gbk", "replace").translate(None, _NOT_EXTENSION_BYTES))


def find_garbled(
    text: str, signatures: list[str], *, chars: bool = True, gbk: bool = True
) -> tuple[str, int, int, str] | None:
    """The first garbled stretch of ``text``: (kind, start, end, what it may have said).

    Kinds: ``replacement`` (U+FFFD), ``signature`` (a configured sequence such
    as 锟斤拷), ``utf8-latin`` / ``gbk-latin`` / ``utf8-gbk`` (mojibake, checked
    by decoding it back), ``utf8-gbk-lost`` (the same with bytes lost: it
    decodes back only in part), ``private-use`` and ``control`` characters.
    ``lost`` (question marks where characters were lost: ``??``, ``健康讲座?次``).
    ``chars=False`` skips all but the signatures, the question marks and
    UTF-8 read as GBK; ``gbk=False`` skips UTF-8 read as GBK.
    """
    found: list[tuple[int, int, str, str]] = []
    lost = lost_characters(text)  # None at once for text without a question mark
    if lost is not None:
        found.append((lost[0], lost[1], "lost", ""))
    for signature in signatures:
        at = text.find(signature) if signature else -1
        if at >= 0:
            found.append((at, at + len(signature), "signature", ""))
    if chars and _SUSPECT_RE.search(text):
        at = text.find("\ufffd")
        if at >= 0:
            found.append((at, at + 1, "replacement", ""))
        for kind, detect in (("utf8-latin", _utf8_as_latin), ("gbk-latin", _gbk_as_latin)):
            hit = detect(text)
            if hit is not None:
                found.append((hit[0], hit[1], kind, hit[2]))
        for kind, pattern in (("private-use", _PRIVATE_USE_RE), ("control", _CONTROL_RE)):
            match = pattern.search(text)
            if match is not None:
                found.append((match.start(), match.end(), kind, ""))
    if gbk and not text.isascii():
        hit = _utf8_as_gbk(text)
        if hit is not None:
            found.append((hit[0], hit[1], "utf8-gbk", hit[2]))
        lost_bytes = _utf8_as_gbk_lost(text)
        if lost_bytes is not None:
            found.append((lost_bytes[0], lost_bytes[1], "utf8-gbk-lost", ""))
    if not found:
        return None
    start, end, kind, meant = min(found)
    return kind, start, end, meant


def last_end(regex: re.Pattern[str], text: str) -> int:
    """End of the last match of ``regex`` in ``text``; -1 when none.

    Chinese puts the head of a noun phrase last: in 设备故障及时排除率 the
    indicator is a 排除率, and the last keyword found decides what it is."""
    match = regex.search(text)  # most names have none: no iterator for them
    if match is None:
        return -1
    end = match.end()
    for match in regex.finditer(text, end):
        end = max(end, match.end())
    return end


def as_decimal(value: Any) -> Decimal:
    """A YAML number as a Decimal (``0.0001`` stays exact)."""
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - options are validated as numbers
        return Decimal(0)


def plain_number(number: Decimal) -> str:
    """A number as a reviewer writes it: ``12.5``, ``30``, never ``3E+1``."""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def category_key(clause: Clause) -> tuple[str, str]:
    """A clause's level-1 and level-2 categories, normalized, to compare."""
    level1 = clause.level1.name if clause.level1 else ""
    level2 = clause.level2.name if clause.level2 else ""
    return normalize(level1), normalize(level2)


def value_key(clause: Clause) -> tuple[str, ...]:
    """The first value of each keyword of a clause, normalized, to compare."""
    return tuple(normalize(f.text) for f in first_fields(clause))


def money_text(value: Decimal) -> str:
    """An amount as the table prints it: ``1,234.50``."""
    return f"{value:,.2f}"


def amount_value(amount: Amount | None) -> Decimal | None:
    """What an amount cell is worth to a rule that computes with it (a
    budget to compare costs with, a part of a sum): None when it is blank or
    when ``amount-format`` rejects it, not a number or negative (``-1,250.00``
    is no budget; that cell is ``amount-format``'s finding alone)."""
    if amount is None or amount.value is None or amount.value < 0:
        return None
    return amount.value


# --------------------------------------------------------------------------
# Targets: what each target of a value is measured in, what an indicator's
# name asks for beyond a rate or a count, and dates written as spreadsheet
# serial numbers. ``date-serial`` owns a serial where a date belongs (its
# options ``earliest`` and ``latest`` bound it); ``missing-unit`` does not
# report such a target again, nor ``zero-target``. ``implausible-unit``
# judges the units of values none of the owners above reports.

EXCEL_EPOCH = (1899, 12, 30)
"""Day 0 of spreadsheet date serials (serial 44561 is 2021-12-31), as
``(year, month, day)``: :mod:`datetime` is imported only for a serial found."""

MAX_SERIAL = 2958465
"""The last date serial a spreadsheet knows (9999-12-31)."""

NEAR_YEARS = 10
"""How many years from its table's year (``2025年项目支出绩效目标表``) a date
serial may fall and still be read as a date."""
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def title_year(title: str | None) -> int | None:
    """The year a table's title names (``2025年项目支出绩效目标表``: its budget
    year); None for a title that names none."""
    found = _TITLE_YEAR.search(title or "")
    return int(found.group(1)) if found else None


_TIME_UNITS = frozenset(VOCABULARY.time_units)
_PERSON_UNITS = frozenset(VOCABULARY.person_units)
_COUNT_UNITS = frozenset(VOCABULARY.count_units)
_MONEY_UNITS = frozenset(VOCABULARY.money_units)
_PERCENT_UNITS = frozenset(VOCABULARY.percent_units)
_DATE_NAMES = _any_of(VOCABULARY.date_names)
_STATE_NAMES = _any_of(VOCABULARY.state_names)
_UNITLESS_NAMES = _any_of(VOCABULARY.unitless_names)
_ADVERSE_NAMES = _any_of(VOCABULARY.adverse_names)
_NONE_VALUES = frozenset(("无", "暂无", "没有"))
"""Values that say "none" (``Facts.none_owed``)."""


def _none_value(text: str) -> bool:
    """Whether a value says only none (无, 暂无), a comparator before it or not."""
    if len(text) > 8 or not ("无" in text or "没有" in text):
        return False  # most values, at the cost of a look
    return normalize(text).lstrip("≥≤＞＜><＝=").rstrip("。.；;") in _NONE_VALUES


_HANDLING = (
    r"受理|处置|处理|办理|办结|查处|查办|调解|化解|救援|救助|侦破|接处|核查|督办|排查|整治|整改"
    r"|消除|清理|抢修|扑救"
)
"""Verbs of handling an adverse event: taking in, dealing with, settling,
rescuing, investigating, clearing."""

ACTION_COUNT = (
    r"^[^未不]*(?:演练|演习|排查|巡查|检查|督查|抽查|培训|宣传|宣讲|检测|巡检|督导|"
    + _HANDLING
    + r")"
    r"(?:\S{0,2}(?:次数|场次|频次|人次|批次|件数|起数|宗数|数量|数))?$"
    # the same named verb first (受理消费投诉举报件数, 处置电梯困人故障): the
    # verb governs the event, unless negated (未按期办结, 整改不到位) or causing
    # it (处置不当导致投诉), and the name is no rate, cost or time; no
    # look-around, so that a profile may copy the pattern (RE2 has none)
    r"|^[^未不没]{0,8}?(?:" + _HANDLING + r")[^不未致引率例比时]*[^不未致引率例比费用价时本]$"
)
"""A name whose head is what is done against an adverse event, or its count
(安全事故应急演练, 安全事故应急演练次数, 隐患排查次数, 投诉受理件数), or that names the handling
itself (受理消费投诉举报件数, 处置电梯困人故障, 调解矛盾纠纷): more is better, and
zero is no target, whatever event the words name. A handling negated
(未按期办结投诉件数) counts the failures, the event's own count."""
_ACTION_COUNT = LazyPattern(ACTION_COUNT)
_COST_NAMES = _any_of(VOCABULARY.cost_names)
_DATE_SUFFIX = LazyPattern(r"^(?:前|之前|以前|止|为止|完成)")
_UNIT_IN_NAME = LazyPattern(
    r"(?:[人次个件台户家场宗起辆套份]数|人次|场次|批次|户次)$"
    r"|[（(]\s*[^（()）\d]{1,4}\s*[)）]\s*$"
)

UnitFamily = Literal["percent", "count", "person", "money", "time", "other"]
"""What a unit measures; ``person`` is a count of people."""

NameKind = Literal["unitless", "satisfaction", "rate", "count", "cost", "date", "state"]
"""What an indicator's name asks for (:func:`name_kind`)."""

_MEASURE_KINDS: dict[str, NameKind] = {
    "satisfaction": "satisfaction",
    "rate": "rate",
    "count": "count",
}


def target_unit(target: Target) -> tuple[str | None, str | None]:
    """A target's unit and what it is per: ``≥1人/年`` gives ``(人, 年)``,
    ``0元/人`` ``(元, 人)``, ``≤100元/人·月`` ``(元, 人·月)``, ``≥300人``
    ``(人, None)``."""
    unit, per = target.unit, target.per
    if unit is not None and "/" in unit:
        unit, _, own = unit.partition("/")
        per = own if per is None else f"{own}·{per}"
    return unit or None, per or None


COUNTED_FAMILIES: frozenset[UnitFamily] = frozenset({"person", "count"})
"""The unit families of a count of people or things (人, 人次, 台, 场, 个)."""


def unit_family(unit: str | None) -> UnitFamily | None:
    """``percent``, ``person``, ``count``, ``money``, ``time`` or ``other``
    (公里, 平方米): what a unit measures, from the shared vocabulary."""
    if unit is None:
        return None
    if unit in _PERCENT_UNITS:
        return "percent"
    if unit in _PERSON_UNITS:
        return "person"
    if unit in _COUNT_UNITS:
        return "count"
    if unit in _MONEY_UNITS:
        return "money"
    if unit in _TIME_UNITS:
        return "time"
    return "other"


_PER_N_NAME = LazyPattern(
    # a magnitude that stands alone (not in 千万工程, 千家万户, 十四五, 百姓)
    r"(?<![十百千万亿之\d.])(?<![十百千万亿].)"
    r"(?:(?:每|\d[\d.]*)?(?:十万|百万|万|亿)|(?:每|\d[\d.]*)(?:千|百|十)|千(?=名|人))"
    # then what is counted, whatever it is, but no amount of land or money
    r"(?:名|个|位)?(?!亩|元(?!GDP|地区生产总值)|[一二三四五六七八九十两])[^\W\d_]"
    r"|\d[\d.]*(?:人口|人|车|辆|户|活产)"
)
"""A denominator of a number of things in a rate's name: a magnitude and
what is counted, whatever it is — the 万车 of 万车死亡率, the 万台 of
特种设备万台死亡率, the 万架次 of 民航万架次征候率, the 亿元GDP of
亿元GDP生产安全事故死亡率, the 十万人口 or 百万人口 of …死亡率, the 千名 of
千名儿童…发生率; or a number of people or vehicles (the 1000人 of
每1000人口…率). Not an amount of land or money (万亩…完成率, 万元…率), a
fraction (百分之百) or a magnitude inside a word (千万工程, 十四五, 百姓)."""


_PER_N = LazyPattern(r"/\s*(?:\d[\d.,]*\s*)?[十百千万亿](?![克米瓦帕焦升伏])")
"""A denominator of a number of things: ``/10万``, ``/万车``, ``/亿元GDP``
(not a unit of measure: ``/千克``, ``/千米``)."""


def per_n(value: Value, target: Target) -> bool:
    """Whether a target is counted per a number of things: ``≤10/10万``,
    ``≤1.2人/万车``, ``≤0.02人/亿元GDP``, ``≤10例/10万`` (a rate, as a ‰ is)."""
    return (
        _PER_N.search(target.text) is not None or _PER_N.match(value.text, target.end) is not None
    )


_PER_AFTER = LazyPattern(r"\s*/\s*[^\W\d_]")
"""A denominator right after a target: the ``/车公里`` of ``≤3.5元/车公里``."""


def is_level(value: Value, target: Target) -> bool:
    """Whether a target is a level, not an amount that adds up over the
    years: a rate or a share (``%``, ``‰``, ``百分点``), a rate per a number of
    things (``≤10/10万``, ``≤1.2人/万车``), or one thing per another — a
    concentration (``≤30微克/立方米``, ``≤1.5mg/L``), a unit cost
    (``≤1.4万元/公里``, ``≤3.5元/车公里``), a frequency (``2次/月``) — or a
    ceiling on a duration or a distance (``≤3个工作日``, ``30分钟以内``,
    ``≤70公里``): a limit each case must keep (a time to deliver in, a
    response time, a forecast error, a service radius), whereas a floor on
    one (``≥120小时`` of training, ``≥50公里`` of road built) is an amount
    done, which adds up."""
    unit, per = target_unit(target)
    if unit_family(unit) == "percent" or per is not None or per_n(value, target):
        return True
    if target.comparator in _CEILINGS and (unit_family(unit) == "time" or unit in LENGTH_UNITS):
        return True
    return _PER_AFTER.match(value.text, target.end) is not None


LENGTH_UNITS = frozenset({"公里", "千米", "km", "米", "m", "厘米", "毫米", "海里"})
"""Units of length (of a distance, a radius, an error of position)."""


_CEILINGS = frozenset({"<=", "<"})


def name_kind(facts: Facts, clause: Clause) -> NameKind | None:
    """What an indicator asks for, by its name (and a cost category of money,
    not a social or environmental one: :func:`is_burden`):
    ``unitless`` (系数, 得分), ``satisfaction``, ``rate``, ``count`` (as
    ``value-type-mismatch`` reads them), ``cost``, ``date`` (完成时间, 截止日期)
    or ``state`` (按时发放, 宣传到位). Read by ``missing-unit``,
    ``implausible-unit`` and ``zero-target``; worked out once per clause."""
    known = facts._name_kinds.get(id(clause))
    if known is not None:
        return known[1]
    kind = _name_kind(facts, clause)
    facts._name_kinds[id(clause)] = (clause, kind)
    return kind


def _name_kind(facts: Facts, clause: Clause) -> NameKind | None:
    text = normalize(clause.name)
    measure = _MEASURE_KINDS.get(facts.name_measure(clause.name) or "")
    if measure == "rate":
        # A name that ends in a rate or a share is one (大班额比例, 考核得分率),
        # whatever unitless word comes before; but 万车死亡率 and
        # 亿元GDP生产安全事故死亡率 are counted per a number of things (人/万车),
        # not in %: a bare number there lacks a unit, not a %.
        return None if _PER_N_NAME.search(text) else "rate"
    if _UNITLESS_NAMES.search(text):
        return "unitless"
    if measure is not None:
        return measure
    if _COST_NAMES.search(text) or (
        facts.category_kind(clause, LEVEL1_KINDS) == "cost" and not is_burden(facts, clause)
    ):
        return "cost"
    if _DATE_NAMES.search(text):
        return "date"
    if _STATE_NAMES.search(text):
        return "state"
    return None


def is_burden(facts: Facts, clause: Clause) -> bool:
    """Whether a clause is filed under a cost category that is no money
    (the taxonomy's ``burdens``: 社会成本指标, 生态环境成本指标): the project's
    negative effects, in complaints, days or decibels, not an amount it
    spends. A cost name under it (群众出行成本) is still money."""
    return clause.level2 is not None and facts.taxonomy.is_burden(clause.level2.name)


_MONEY_PER = LazyPattern(r"[万亿千]?元[ \t]*(?:/|每)[ \t]*[^\W\d_]")


def money_per_unit(text: str) -> bool:
    """Whether a value states money per a unit of something (``≤600元/株``,
    ``≥1600元/件``, ``不低于20万元/个``, ``≤1.2万元/月``): what one unit costs or
    is paid, which a count or a quality never is."""
    return _MONEY_PER.search(text) is not None


def name_carries_unit(name: str) -> bool:
    """A name that says what is counted in (``培训人数``, ``投诉次数``,
    ``系统用户数(个)``): its number needs no unit of its own."""
    return _UNIT_IN_NAME.search(re.sub(r"\s", "", name)) is not None


def is_adverse(clause: Clause, text: str = "") -> bool:
    """An indicator of events a table wants none of (事故, 投诉, 差错): zero is
    its target, not a defect (``zero-target``'s near misses). A count of what
    is done against such an event (安全事故应急演练次数, 隐患排查次数) is none:
    the head of the name comes last."""
    if _ACTION_COUNT.search(normalize(clause.name)):
        return False
    return _ADVERSE_NAMES.search(clause.name) is not None or (
        bool(text) and _ADVERSE_NAMES.search(text) is not None
    )


_CALENDAR_BEFORE = r"(?:前|之前|以前|开始前|来临前|到来前|结束前)(?:[^期]|$)"
"""Before an event (not 前期, the early stage of something: 防汛前期准备);
no look-around, so that a profile may copy the patterns (RE2 has none)."""

CALENDAR_DEADLINES: list[str] = [
    # A point every reader finds on the same calendar: the school year
    # (秋季开学前, 学期末), the flood season a province fixes by regulation
    # (汛期前, 入汛前), the farming season and the spring and autumn animal
    # epidemic campaigns (春耕前, 春防前), the heating season (采暖季前), a
    # holiday (春节前, 暑假期间).
    rf"开学(?:{_CALENDAR_BEFORE}|初|首周|第一周)|学期(?:初|末|结束{_CALENDAR_BEFORE})",
    rf"(?:主|入)?汛期?{_CALENDAR_BEFORE}|主?汛期(?:内|以内|之内|间)",
    rf"(?:春耕|春播|春灌|夏收|夏种|夏播|三夏|麦收|秋收|秋种|秋播|三秋|冬种|秋冬种|春防|秋防)"
    rf"(?:生产)?{_CALENDAR_BEFORE}",
    rf"(?:采暖|供暖|供热)(?:季|期)?{_CALENDAR_BEFORE}",
    rf"(?:寒假|暑假|寒暑假|春节|元旦|清明|端午|中秋|国庆)节?(?:{_CALENDAR_BEFORE}|期间)",
    # any named season, by its form: a word, then 季 (台风季前, 雨季来临前, 冬季前, 旅游季前;
    # not 季度, and not a season named relative to now: 本季前, 下季前)
    rf"[^\W\d_本该此当上下次每各]季节?{_CALENDAR_BEFORE}",
    # a period of the year that nature or a statute fixes, then 期 (汛期 above): a dry or
    # wet spell, a fishing or grazing ban, a cold or hot spell, a farming rush (not a
    # project's own 建设期, 工期 or 合同期, which the table does not date); before it or
    # within it (伏季休渔期内, 森林防火期间: the statute dates the window)
    r"(?:旱|雨|梅雨|台风|台汛|防火|森林防火|禁渔|休渔|禁牧|禁猎|枯水|丰水|平水|高温|低温|"
    r"霜冻|冰冻|越冬|农忙|农闲|收获|播种|花|候鸟迁徙|繁殖)"
    rf"(?:期{_CALENDAR_BEFORE}|期(?:内|以内|之内)|期间)",
    # a solar term (二十四节气) and the other fixed days of the year (重阳节前, 五一前)
    r"(?:立春|雨水|惊蛰|春分|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|"
    r"立冬|小雪|大雪|冬至|小寒|大寒|元宵|重阳|七夕|五一|六一|七一|八一|劳动节|儿童节|建军节|"
    rf"教师节|妇女节|三八节)节?{_CALENDAR_BEFORE}",
    # a half of the year: 上半年, 下半年内, 上半年度
    r"[上下]半年",
    # a fixed point of a cycle: 每季度首月, 每月初, 每季度末, 每学期第一周
    r"每个?(?:年|季度|季|月|学期|半年)(?:的)?(?:首月|第一个月|首日|第一天|首周|第一周|初|末|底)",
]
"""Deadlines set by the calendar of a sector or a cycle, not by a date:
concrete, because whether they were met is known at the end of the year
without asking anyone (unlike 尽快, 适时, 按时, 及时 or 年内择机, which wait
on someone's judgment or on a schedule the table does not give). Read by
``deadline-not-concrete`` (``concrete``) and ``not-quantified``
(``measurable``)."""


NOTHING_HAPPENED = r"^(?:零|无|未|没有|杜绝|不发生|不出现|不产生|不造成|不引发)"
"""A value that says nothing of a kind happened, its target: 零故障,
无重大网络安全事件, 未发生重大安全事故, 不产生负面社会影响. Read by
``not-quantified`` (``measurable``) and by ``value-restates-name``: the name
after it (``安全生产事故 无安全生产事故``) is what is to be none, not the name
restated."""


BY_PERIOD = r"^按(?:(?:学|半)?年度?|学期|季度|季|月|周|旬|日|天)(?:[^计进安要任度]|$)"
"""A schedule by its period, as concrete as 1次/季度: 按季度拨付, 按月报送, and
the school's and the half year's periods, 按学期拨付, 按学年发放, 按半年报送
(not a plan, a progress or a request of that period: 按年度计划, 按月进度,
按学期计划). Read by ``deadline-not-concrete`` (``concrete``) and
``not-quantified`` (``measurable``)."""


_NOTHING_HAPPENED = re.compile(NOTHING_HAPPENED)


PASS_FAIL_RESULTS: list[str] = [
    # yes or no to a 是否 question
    r"^(?:是|否)$",
    # a pass or fail result, judged at year end like 是 or 零事故: 合格, 验收合格, 通过验收,
    # 达标, 一次性验收合格 (not a grade: 良好, 基本合格)
    r"^(?:一次性|一次|全部|均)?(?:(?:竣工|工程|项目|初步|最终)?(?:验收|检测|检验|评审|审核|考核|评估|抽检))?"
    r"(?:合格|通过|达标)$",
    r"^(?:一次性)?通过\S{0,6}?(?:验收|检测|检验|评审|审核|考核|评估)$",
    # the same result by other words: compliance an audit finds or not (合规, 合法合规, as
    # 合格 is a pass), emissions within their permit's standard (达标排放, as 达标), the
    # acceptance code of the works met (符合国家验收规范, as 验收合格)
    r"^(?:全部|均)?(?:合法|依法)?合规(?:合法)?$",
    r"^(?:全部|均)?(?:达标排放|排放达标)$",
    r"^(?:符合|满足|达到)(?:国家|省|行业)?的?(?:竣工|工程|项目|施工)?(?:质量)?验收(?:规范|标准)"
    r"(?:要求)?$",
]
"""A result that is met or not, known at the end of the year: 合格, 验收合格,
通过验收, 达标, 合规, 达标排放, 符合国家验收规范, and 是 or 否 to a 是否 question.
A target of quality, timeliness or effect; never one of a count, an amount or
a satisfaction level (``项目总成本：合格`` measures nothing). Read by
``not-quantified`` (``measurable``), which judges them so."""


_PASS_FAIL = LazyPattern(joined(PASS_FAIL_RESULTS))


SAME_DAY_DEADLINES: list[str] = [
    # the same day: 当日, 当天清运, 受理当日办结
    r"(?:^|受理|申请|接报|报修|发现|收到)当(?:日|天|场)",
    # done on the spot or the day it arises, in the words of a sector's standard:
    # 即来即办, 随到随办 (a government service's 即办件: no waiting day), 即时办结,
    # 立等可取, 日产日清, 日清日结 (sanitation: cleared the day it arises)
    r"即来即办|随到随办|即到即办|即时办结|即办即结|立等可取|日产日清|日清日结",
]
"""Deadlines of the same day, as concrete as ``24小时内``. Read by
``deadline-not-concrete`` (``concrete``) and ``not-quantified``
(``measurable``)."""


def wants_date(facts: Facts, clause: Clause, value_field: ValueField) -> bool:
    """Whether a value of ``clause`` should be a date: a timeliness
    indicator, a name that asks for a date (完成时间, 截止日期), a number
    followed by 前, or the other value of the clause is a date."""
    if facts.category_kind(clause, LEVEL1_KINDS) == "timeliness":
        return True
    if _DATE_NAMES.search(normalize(clause.name)):
        return True
    if _DATE_SUFFIX.match(value_field.value.suffix):
        return True
    other = other_field(clause, value_field)
    return other is not None and other.value.kind == "date"


class DateSerial(NamedTuple):
    """A target that is a spreadsheet date serial, and the day it stands for."""

    target: Target
    day: "date"


def date_serials(
    facts: Facts, config: Settings, clause: Clause, value_field: ValueField
) -> tuple[DateSerial, ...]:
    """The targets of a value that are date serials where a date belongs
    (``date-serial``'s finding): a whole number without a unit, between the
    rule's ``earliest`` and ``latest`` serials, in a value that should be a
    date (:func:`wants_date`). A number of something is no date: not in a
    name that counts (``全年服务人次``), not after ``≥`` unless the name asks
    for a date (a deadline is never "at least", but ``项目完成时间：≥45657``
    is still a serial), not when the other value gives the number a unit
    (``≤40000`` against ``≤40000秒``), nor a day more than ten years from
    the year in the table's title."""
    candidates = [
        target
        for target in value_field.value.targets
        if target.kind == "number"
        and target.unit is None
        and target.magnitude is None
        and target.upper is None
        and target.number is not None
        and target.number == target.number.to_integral_value()
    ]
    floors = any(t.comparator in (">=", ">") for t in candidates)
    if floors and _DATE_NAMES.search(normalize(clause.name)) is None:  # only then: a hot path
        candidates = [t for t in candidates if t.comparator not in (">=", ">")]
    if not candidates:
        return ()
    if name_carries_unit(clause.name) or name_kind(facts, clause) == "count":
        return ()
    if unit_lost(clause, value_field) and facts.reports("annual-period-mismatch"):
        return ()
    options = config.setting("date-serial").options
    earliest, latest = max(0, options["earliest"]), min(MAX_SERIAL, options["latest"])
    found: list[DateSerial] = []
    candidates = [t for t in candidates if t.number is not None and earliest <= t.number <= latest]
    if candidates and wants_date(facts, clause, value_field):
        year = title_year(facts.document.title)
        for target in candidates:
            assert target.number is not None
            day = _serial_day(int(target.number))
            if year is None or abs(day.year - year) <= NEAR_YEARS:
                found.append(DateSerial(target, day))
    return tuple(found)


def _serial_day(serial: int) -> "date":
    from datetime import date, timedelta

    return date(*EXCEL_EPOCH) + timedelta(days=serial)


def unit_lost(clause: Clause, value_field: ValueField) -> bool:
    """A quantity without a unit whose other value (period or annual) has
    one: ``≥95%`` against ``≥95``. The two disagree in unit, which is
    ``annual-period-mismatch``'s finding; ``missing-unit`` leaves it."""
    value = value_field.value
    other = other_field(clause, value_field)
    return (
        value.kind == "quantity"
        and value.unit is None
        and other is not None
        and other.text != value_field.text
        and other.value.kind == "quantity"
        and other.value.unit is not None
    )


_SIZE_AFTER = re.compile(r"以上|以下|以内|级|规模|城市|村庄|企业|面积|长度|容量")
"""Words that make a magnitude in a name a size (万人以上村庄, 百万人口城市,
万吨级泊位), not the number of things a statistic is counted per."""


def _per_n_statistic(name: str) -> bool:
    """Whether a name is a statistic counted per a number of things, whose
    unit it states whole: a rate or a count (…率, …数) right after its
    denominator (万车死亡率, 每千人口执业医师数, 亿元GDP生产安全事故死亡率); not a
    size (万人以上村庄通硬化路比例, 百万人口城市公交分担率, 新增万吨级泊位) or an
    amount (每万人口拥有公共文化设施面积)."""
    if not name.endswith(("率", "数")):
        return False
    found = _PER_N_NAME.search(name)
    return found is not None and _SIZE_AFTER.search(name, found.start()) is None


_CONFORMS = re.compile(r"(?:符合|满足|达到|执行|遵守|遵照|依照|按照)[^《》]{0,6}《([^《》]{2,})》")
_NO_DOCUMENT = re.compile(
    r"(?:(?:国家|省|市|县|区|行业|地方|上级)?的?(?:相关|有关|现行)?的?"
    r"(?:法律|法规|法律法规|规定|标准|规范|要求|规程|办法|制度|文件|政策)[和及与、]?)+"
)
"""A title that names no document: 《相关规定》, 《国家有关标准和规范要求》."""


_CODED_SPECIFICATION = re.compile(
    r"(?<![A-Za-z])(?:[A-Z]{1,5}(?:\s*/\s*[A-Z])?\s*[0-9]+(?:[.．][0-9]+)*\s*[-－—]\s*(?:19|20)[0-9]{2}"
    r"|ISO(?:\s*/\s*IEC)?\s*[0-9]{3,5}"
    r"|[Vv][0-9]+(?:[.．][0-9]+)+)(?![0-9])"
)
"""A specification named by its code: a standard's number and year (``GB 18918-2002``,
``DA/T 31-2017``, ``GB/T 19001-2016``), an ISO standard (``ISO 9001``), a version
(``V2.0``)."""


def names_a_specification(text: str) -> bool:
    """Whether a value states conformity to a specification it names
    (``符合《档案修裱技术规范》``, ``符合GB 18918-2002一级A标准``, ``V2.0版本上线运行``):
    a pass or a fail against that document, as ``达标`` is; not ``符合《相关规定》``."""
    if _CODED_SPECIFICATION.search(text) is not None:
        return True
    found = _CONFORMS.search(text)
    return found is not None and _NO_DOCUMENT.fullmatch(found.group(1).strip()) is None


YEAR_SPAN = (
    r"(20\d{2})\s*(?:年\s*(?:\d{1,2}\s*月份?)?|[.．/]\s*\d{1,2})?\s*度?\s*(?:-|－|—|–|~|～|至|到)\s*"
    r"(20\d{2})\s*(?:年|[.．/]\s*\d{1,2})"
)
"""A span of years, with or without months: ``2023-2024年``, ``2024年1月至2026年12月``,
``（2024.01-2026.12）``."""


_YEAR_SPAN_RE = LazyPattern(YEAR_SPAN)


def spans_years(project: Project) -> bool:
    """Whether a project runs over several years by what the table states:
    a form's 项目期 (``2025.01-2027.12``, or a number of years: ``三年``), or
    a span of years in its name, its goal or its period goal (``（2025-2027年）``,
    a list's 实施期目标 ``2025-2027年期间…``)."""
    length = project.term_length
    if length is not None:
        return length > 1
    return any(_year_spans(text) for text in _stated_texts(project))


def term_start(project: Project) -> int | None:
    """The year a multi-year project's term begins, as the table states it:
    the first year of a form's 项目期 (``2024.01-2026.12``: 2024), else the
    earliest first year of a span of years in its name, its goal or its
    period goal (``（2024—2026年）``); None when no year is named (a 项目期 of
    ``三年``)."""
    years = project.term_years
    if years is not None:
        return years[0]
    starts = [first for text in _stated_texts(project) for first, _ in _year_spans(text)]
    return min(starts, default=None)


def _stated_texts(project: Project) -> tuple[str, str, str]:
    """A project's name, goal and period goal, where it states its years."""
    goal = project.goal.value if project.goal is not None else ""
    period_goal = project.period_goal.value if project.period_goal is not None else ""
    return project.title, goal, period_goal


@lru_cache(maxsize=4096)
def _year_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of years ``text`` names, first year before last
    (``2025-2027年``: ``(2025, 2027)``). Asked for every clause of a project
    (by ``stale-date``): its texts are scanned once. Years in Chinese
    numerals are read as in digits (``二〇二五—二〇二七年``)."""
    from audit.values import years_in_digits  # loaded by then: the values were parsed

    found = _YEAR_SPAN_RE.finditer(years_in_digits(text))
    spans = ((int(m.group(1)), int(m.group(2))) for m in found)
    return tuple((first, last) for first, last in spans if first < last)


def needs_unit(facts: Facts, clause: Clause, target: Target) -> bool:
    """Whether a number written without a unit needs one under ``clause``'s
    name: not zero, not a unitless measure (系数, 得分), not under a
    statistic's name counted per a number of things (万车死亡率,
    每千人口执业医师数: the name states the unit), not a whole number
    under a name that says what is counted (``培训人数`` ≥300; but ``≥3.2``
    under it lost its 万人). Shared by ``missing-unit`` and the unit half of
    ``annual-period-mismatch`` (``不少于15辆`` against ``不少于15``)."""
    number = target.number
    if number is None or number == 0 or name_kind(facts, clause) == "unitless":
        return False
    if _per_n_statistic(normalize(clause.name)):
        # The name gives the unit whole: 万车死亡率 ≤1.6 is deaths per 10,000
        # vehicles, 每千人口执业医师数 ≥3.2 doctors per 1,000 people, published
        # as bare decimals.
        return False
    return not (name_carries_unit(clause.name) and number == number.to_integral_value())


# --------------------------------------------------------------------------
# Numbers without a unit: ``missing-unit``'s, and no other rule's.

FRACTION = LazyPattern(r"\d\s*[/:：对比]\s*\d|分之")
"""A share written as a fraction or a ratio (``2/3``, ``1:1``, ``1对1帮扶``,
``1比1配套``): no unit."""
_CODE_BEFORE = re.compile(r"(?:GB|ISO|DB|HJ|JGJ|CJJ|WS|SL|YY)\s*(?:/\s*[TZ])?\s*$", re.IGNORECASE)
"""The code of a standard ends here (``GB/T 19001-2016``, ``ISO 9001``)."""
_STANDARD_CODE = LazyPattern(
    r"(?<![A-Za-z])[A-Z]{1,4}(?:\d{2})?\s*(?:/\s*[TZJ]\s*)?"
    r"\d+(?:\.\d+)*\s*[-—–－]\s*(?:19|20)\d{2}(?!\d)"
    r"|(?<![A-Za-z])[A-Z]{1,4}(?:\d{2})?\s*/\s*[TZJ]\s*\d+(?:\.\d+)*"
)
"""The code of a Chinese standard, national, industry or local, by its shape:
a prefix of capital letters (GB, LY, QX, DA, LS, GD, RFJ, GA, MZ …; a local
standard's DB with its province, DB44), ``/T`` (recommended), ``/Z`` (guidance)
or ``/J`` where there is one, the number, then the year after a dash
(``LY/T 1000-2013``, ``RFJ 01-2015``, ``GD/J 079-2018``, ``DB44/T 2138-2018``);
a code with ``/T`` needs no year (``QX/T 45``). ``PM2.5`` has no year and no
``/T``: it is no code."""
_RANK_BEFORE = re.compile(r"(?:(?<![提之以])前|第|排名|名列|位列)\s*$")
"""A rank comes next (``排名前3``, ``第1名``; not ``提前5``, a number of days)."""
_RATING_AFTER = re.compile(r"^\s*[A-Za-zＡ-Ｚ]+\s*级?")
"""A rating follows (``3A级``, ``5A``)."""
_ORDINAL_AFTER = re.compile(r"^\s*号")
"""A number's 号 follows (``1、2号泵站``, ``3号楼``, ``15号前``): an ordinal or a day
of the month, no count."""
_CLOCK_AFTER = re.compile(r"^\s*[时点](?![间位数钟])")
"""An hour of the day follows (``每日24时前``, ``17点前``): a time, no quantity."""
_WINDOW_AFTER = re.compile(r"^\s*[×xX*＊]\s*\d+\s*(?:个)?(?:小时|h\b|H\b)")
"""A service window follows (``7×24小时``, ``5×8小时``): days times hours,
no count of anything."""
_BY_SIZE_AFTER = re.compile(r"^\s*[×xX*＊]\s*\d+(?:\.\d+)?\s*[^\W\d_]")
"""A size follows (``3×3米``, ``40×60厘米``, ``双向2×2车道``): the first number
takes the unit after the last (``7×24`` alone still lacks its hours)."""
_DEADLINE_AFTER = re.compile(r"^\s*(?:底|前|以前|之前|止|为止)")
"""A deadline word follows (``2025.3底前``, ``3.31前``): the number is a date
(year.month, month.day), no quantity."""
_LISTED_AFTER = re.compile(r"^\s*(?:、|，|,|或|和|及|与|至|到|~|～|—|-)\s*[0-9０-９]")
"""Another number follows in a list or a range (``分别按1.5、2.5万元/人``,
``每人1.5或2.5万元``): the unit after the last is every number's (the last
is judged on its own)."""
_MEASURE_WORD_AFTER = re.compile(r"^([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
_FUNCTION_CHARS = frozenset("以及或和与至到的为等左多余每内上下前后底止约近超达不个次")
"""Characters after a number that are no measure word (``300以上``, ``90及以上``,
``3至5``): any other one Chinese character right after the number, ending the
value or its clause (``4260路`` of camera channels), is one, a unit the tool
need not know to see the value has one; one that begins a word (``3方面``,
``3道路``, ``100管理人员``) is no unit."""
UNIT_CELL = 6
"""At most this many characters in a unit column of its own (``度量单位``)."""
YEARS = (1949, 2100)
"""Whole numbers read as a year where a date belongs."""


def _no_quantity(text: str, target: Target) -> bool:
    """Whether a number of ``text`` needs no unit of its own: part of a ratio or
    a fraction (``按1:1比例``, ``2/3``), the code of a standard
    (``GB/T 19001-2016``, read as a range that runs backwards), a rank
    (``排名前3``), a rating (``3A级``), the first side of a size (``3×3米``),
    a step's number in brackets (``（1）6月底前完成招标；（2）…``), a date
    before a deadline word (``2025.3底前``, ``3.31前``), a number of a list
    whose last number carries the unit (``1.5、2.5万元/人``), or one followed
    by a measure word the value grammar does not list (``4260路``)."""
    start = max(0, min(target.start, len(text)))
    end = max(start, min(target.end, len(text)))
    before, after = text[:start], text[end:]
    if FRACTION.search(text[max(0, start - 2) : end + 2]):
        return True
    if _CODE_BEFORE.search(before) or _RANK_BEFORE.search(before):
        return True
    if any(
        code.start() <= start and end <= code.end()
        for code in _STANDARD_CODE.compiled.finditer(text)
    ):
        return True
    if target.upper is not None and target.number is not None and target.upper < target.number:
        return True
    word = _MEASURE_WORD_AFTER.match(after)
    return (
        _RATING_AFTER.match(after) is not None
        or (word is not None and word.group(1) not in _FUNCTION_CHARS)
        or _DEADLINE_AFTER.match(after) is not None
        or _LISTED_AFTER.match(after) is not None
        or _CLOCK_AFTER.match(after) is not None
        or _ORDINAL_AFTER.match(after) is not None
        or _WINDOW_AFTER.match(after) is not None
        or _BY_SIZE_AFTER.match(after) is not None
        or (before[-1:] in ("（", "(") and after[:1] in ("）", ")"))
    )


def _unit_cell_after(value_field: ValueField, target: Target) -> bool:
    """Whether what follows the number is the table's own unit column: a
    list with ``指标值 | 度量单位`` in separate cells (``≥ | 5000000 | 斤``)
    gives the value as one text whose last piece comes from another cell.
    The table states the unit there, whether or not the value grammar knows
    the word; the rule never asks for it again."""
    text = value_field.text
    end = max(0, min(target.end, len(text)))
    rest = text[end:].strip()
    if not rest or end == 0 or len(rest) > UNIT_CELL or any(ch.isdigit() for ch in rest):
        return False
    gap = len(text[end:]) - len(text[end:].lstrip())
    last = sub_span(value_field.span, end - 1, end)
    first = sub_span(value_field.span, end + gap, end + gap + 1)
    if first.location is not None or last.location is not None:
        return first.location != last.location  # another cell of a workbook, PDF or page
    # another column of a text table: skipped source (a tab) on the same line,
    # not a line the cell wraps onto
    return first.line == last.line and first.column != last.end_column + gap


_WORD_AFTER = re.compile(r"\s*([^\W\d_]{1,2})")
"""A word of one or two letters right after a number (a CJK range here
would cost the regex compiler a millisecond in every process)."""


def _named_unit(name: str, text: str, target: Target) -> bool:
    """Whether the word right after the number is the measure the
    indicator's name ends with (``疫苗接种剂次`` ≥24万剂次, ``维护路灯盏数``
    ≥12000盏): a unit the value grammar does not list, but the reader cannot
    mistake."""
    found = _WORD_AFTER.match(text, max(0, min(target.end, len(text))))
    return found is not None and found.group(1) in name.rstrip()[-4:]


def _is_year(number: Decimal) -> bool:
    return number == number.to_integral_value() and YEARS[0] <= number <= YEARS[1]


def unitless_numbers(
    facts: Facts, config: Settings, clause: Clause, value_field: ValueField
) -> tuple[Target, ...]:
    """The numbers of a value that lack the unit they need: ``missing-unit``'s
    findings, decided here so that no other rule reports them again (a bare
    ``≤7`` under a 时效 indicator is a number without a unit, not also a
    deadline that is not concrete). None in a value another rule owns
    (:meth:`Facts.value`), in one whose other value gives the unit
    (:func:`unit_lost`: ``annual-period-mismatch``'s, unless the configuration
    turns that rule off), under a name whose
    numbers need no unit (:func:`needs_unit`, the rule's ``exempt_names``);
    no date serial (``date-serial``'s), no number that needs no unit of its
    own (:func:`_no_quantity`), none followed by the measure the name ends
    with or by the table's unit column, no year where a date belongs (the
    rule's ``years``)."""
    if name_kind(facts, clause) == "unitless":
        return ()
    options = config.setting("missing-unit").options
    exempt = options["exempt_names"]
    if exempt and any_of(exempt).search(clause.name):
        return ()
    if facts.value(clause, value_field).owner is not None:
        return ()
    if unit_lost(clause, value_field) and facts.reports("annual-period-mismatch"):
        return ()
    candidates = [
        target
        for target in value_field.value.targets
        if target.kind in ("number", "frequency")
        and target.number is not None
        and target.unit is None
        and needs_unit(facts, clause, target)
    ]
    if not candidates:
        return ()
    serials = {id(s.target) for s in date_serials(facts, config, clause, value_field)}
    found: list[Target] = []
    dated: bool | None = None
    for target in candidates:
        assert target.number is not None
        if (
            id(target) in serials
            or _no_quantity(value_field.text, target)
            or _named_unit(clause.name, value_field.text, target)
            or _unit_cell_after(value_field, target)
        ):
            continue
        if options["years"] and _is_year(target.number):
            if dated is None:
                dated = wants_date(facts, clause, value_field)
            if dated:
                continue
        found.append(target)
    return tuple(found)


# --------------------------------------------------------------------------
# Targets: what each target of a value is, for the rules that judge every
# target of a value (``≥95%，≤100%``, ``上半年≥60%，全年≥95%``) and not its
# first number only.

MEASURED_KINDS = frozenset({"number", "date", "date-range", "time", "duration", "frequency"})
"""Kinds of :class:`~audit.model.Target` that state something measurable: a
number, a date (``2025年12月前``), a period (``2023.07-2024.01``), a time of
day (``8:30-17:30``), a duration
(``3个工作日内``) or a frequency (``每月``, ``2次/月``)."""


def number_targets(value: Value) -> tuple[Target, ...]:
    """The targets of ``value`` that carry a number, in order: numbers,
    durations and frequencies with a figure (``2次/月``); a value parsed
    without targets gives its first number as the one target."""
    found = tuple(t for t in value.targets if t.number is not None)
    if found or value.number is None:
        return found
    return (
        Target(
            "number",
            value.text,
            0,
            len(value.text),
            comparator=value.comparator,
            number=value.number,
            upper=value.upper,
            unit=value.unit,
            magnitude=value.magnitude,
            per=value.per,
        ),
    )


def has_measured_target(value: Value) -> bool:
    """Whether any target of ``value`` is measurable (:data:`MEASURED_KINDS`):
    ``每月`` and ``2025年12月前`` are, ``合法合规`` is not."""
    return any(t.kind in MEASURED_KINDS for t in value.targets)


Day = tuple[int, int, int]
"""A day as ``(year, month, day)``; a month or a year stated without its day
starts on day 1 and ends on day 31 (a bound, not a calendar date)."""

_DATE_PART = LazyPattern(
    r"(?P<year>(?:19|20)\d{2})\s*(?:年\s*(?:(?P<month>\d{1,2})\s*月"
    r"(?:\s*(?P<day>\d{1,2})\s*[日号])?|(?P<end>底|末))?"
    r"|[.．/\-－](?P<dotted>\d{1,2})(?:[.．/\-－](?P<dotted_day>\d{1,2}))?(?!\d))?"
)


def _month_end(year: int, month: int) -> int:
    """The last day of a month: ``6月底`` is the 30th, ``2024年2月底`` the 29th."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def target_days(target: Target) -> tuple[Day, Day] | None:
    """The first and the last day a date or date-range target covers.

    ``2025年12月前`` is (2025-12-01, 2025-12-31), ``2025年6月底前``
    (2025-06-01, 2025-06-30), ``2024年11月30日前``
    (2024-11-30, 2024-11-30); ``2023.07-2024.01`` and ``2023年7月-2024年1月``
    run from 2023-07-01 to 2024-01-31; a year alone (``2023-2024年``,
    ``2025年底``) covers January to December of it. A ``date`` target is
    the last date it names; a date in Chinese numerals is read as in digits
    (``二〇二四年十二月三十一日前`` as ``2024年12月31日前``). None for other
    targets and for dates that cannot be read."""
    if target.kind not in ("date", "date-range"):
        return None
    from audit.values import date_in_digits  # loaded by then: the value was parsed

    spans: list[tuple[Day, Day]] = []
    for match in _DATE_PART.finditer(date_in_digits(target.text)):
        year = int(match.group("year"))
        month_text = match.group("month") or match.group("dotted")
        day_text = match.group("day") or match.group("dotted_day")
        if month_text is not None:
            month = int(month_text)
            day = int(day_text) if day_text is not None else None
            last = _month_end(year, month) if 1 <= month <= 12 else 0
            if not last or (day is not None and not 1 <= day <= last):
                return None
            spans.append(((year, month, day or 1), (year, month, day or last)))
        elif match.group("end"):
            spans.append(((year, 12, 1), (year, 12, 31)))
        else:
            spans.append(((year, 1, 1), (year, 12, 31)))
    if not spans:
        return None
    if target.kind == "date":
        return spans[-1]
    return min(first for first, _ in spans), max(last for _, last in spans)


_DONE_BEFORE = re.compile(r"(?:已经?|均已|全部已)\s*[于在]?\s*$")
"""Words before a date that say the thing is done (``已于2024年完成``,
``已在2024年建成``)."""
_DONE_AFTER = re.compile(r"\s*(?:之?前|以前)?\s*(?:均|全部|基本)?\s*已")
"""Words after a date that say the thing is done (``2024年已完成``,
``2023年底前均已建成``)."""


def done_date(value: Value, target: Target) -> bool:
    """Whether a date of ``value`` says when something was done, not when
    it is to be: a status (``已于2024年完成，本年度持续运行``, ``2023年已建成``)
    is no target, and no deadline to compare with another or to find stale.
    A deadline (``2025年12月底前完成``, ``于2025年建成``) is one."""
    if target.kind not in ("date", "date-range"):
        return False
    before = value.text[: target.start]
    return (
        _DONE_BEFORE.search(before) is not None
        or _DONE_AFTER.match(value.text, target.end) is not None
    )
