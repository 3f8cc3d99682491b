"""The rule engine: the rule registry, running rules over a document, and
turning what they yield into findings.

A rule is a generator function registered with :func:`rule`. It receives a
:class:`Context` and one node of the model (the document, a unit, a project
or a clause, by its ``scope``) and yields :class:`Problem` objects; the
engine adds the rule id, the severity from the configuration, the location
and the localised message. Rules never see raw text and never format output.
"""

import fnmatch
import importlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from audit.exitcodes import InternalError
from audit.facts import DocumentCache, Facts, title_year
from audit.model import (
    SEVERITIES,
    SEVERITY_RANK,
    Clause,
    Document,
    Finding,
    Project,
    Severity,
    Span,
    Unit,
)

if TYPE_CHECKING:
    from audit.taxonomy import Taxonomy


def lowered(severity: Severity, steps: int = 0, at_most: Severity | None = None) -> Severity:
    """``severity`` lowered by ``steps`` levels and capped at ``at_most``,
    never below ``info``: how a rule grades a milder case below what the
    user configured, without ever raising it."""
    rank = SEVERITY_RANK[severity] - max(steps, 0)
    if at_most is not None:
        rank = min(rank, SEVERITY_RANK[at_most])
    return SEVERITIES[3 - max(rank, 1)]


Scope = Literal["document", "unit", "project", "clause"]


# --------------------------------------------------------------------------
# What rules yield, and what the engine reports


class Problem:
    """One problem a rule found.

    ``key`` picks one of the rule's messages and ``args`` fill it in;
    ``clause`` defaults to the clause being checked. ``excerpt`` is the exact
    text the problem points at.

    The severity is the user's: the one configured for the rule. A rule may
    only lower it for a milder case (the amount checks' graded bands, a
    repeated project whose amounts differ): ``lower`` steps below the
    configured level, ``at_most`` caps it; never below ``info``, never above
    what is configured.
    """

    __slots__ = (
        "args",
        "at_most",
        "clause",
        "excerpt",
        "field",
        "key",
        "lower",
        "project",
        "span",
        "unit",
    )

    def __init__(
        self,
        span: Span | None,
        key: str = "default",
        args: dict[str, Any] | None = None,
        field: str | None = None,
        excerpt: str | None = None,
        clause: int | None = None,
        *,
        lower: int = 0,
        at_most: Severity | None = None,
        unit: Unit | None = None,
        project: Project | None = None,
    ) -> None:
        self.span = span
        self.key = key
        self.args: dict[str, Any] = {} if args is None else args
        self.field = field
        self.excerpt = excerpt
        self.clause = clause
        self.lower = lower
        """How many levels below the configured severity (0: as configured)."""
        self.at_most = at_most
        """The highest severity this problem may have, whatever is configured."""
        self.unit = unit
        """The unit the problem belongs to, for a document-scope rule that
        reports on units or projects; by default the unit being checked."""
        self.project = project
        """Likewise the project; setting it implies its unit is set too."""

    def __repr__(self) -> str:
        return f"Problem({self.key!r}, {self.span!r}, excerpt={self.excerpt!r})"


def for_project(ctx: "Context", project: Project, problem: Problem) -> Iterator[Problem]:
    """Yield ``problem`` as found in ``project`` from a unit-scope rule.

    A unit-scope rule that reports on its projects' rows names the project
    on the problem itself.
    """
    problem.unit = ctx.unit
    problem.project = project
    yield problem


def attributed(
    ctx: "Context", problems: Iterable[tuple[Unit | None, Project | None, Problem]]
) -> Iterator[Problem]:
    """Problems of a document-scoped rule, attributed to their unit and
    project (both None for the 合计 row)."""
    for unit, project, problem in problems:
        if unit is not None:
            problem.unit = unit
            problem.project = project
        yield problem


# --------------------------------------------------------------------------
# Rules and their options


class Option(NamedTuple):
    """One option of a rule: its type, default and a line of documentation.

    ``kind`` is ``bool``, ``int``, ``number``, ``positive`` (a number above
    zero), ``money`` (an amount above zero, configured as a number or as text,
    given to the rule as a ``Decimal``), ``str``, ``regex``, ``list[str]``,
    ``list[regex]``, ``dict`` (with the kind of its ``values`` and,
    optionally, its allowed ``keys``), a tuple of allowed strings (an enum) or
    a list of allowed strings (a list whose every item is one of them).
    :mod:`audit.config` validates every configured value against it, key by
    key for a ``dict``; a ``dict`` option without ``values`` cannot be
    configured.
    """

    kind: str | tuple[str, ...] | list[str]
    default: Any
    doc: str = ""
    values: str | tuple[str, ...] | list[str] | None = None
    """For a ``dict`` option, the kind of each value (as ``kind``)."""
    keys: tuple[str, ...] | None = None
    """For a ``dict`` option, the keys it may have; None for any text."""
    min: float | None = None
    """For a number, the smallest value allowed (inclusive); None for no bound."""
    max: float | None = None
    """For a number, the largest value allowed (inclusive); None for no bound."""


class RuleSpec(NamedTuple):
    id: str
    severity: Severity
    scope: Scope
    check: Callable[..., Iterator[Problem]]
    messages: dict[str, tuple[str, str]]
    options: dict[str, Option]
    summary: str
    written_doc: str
    """The documentation as written (a docstring, indented): :attr:`doc` is
    it without the indentation, made when a report or ``explain`` asks for
    it, not for every rule at every start."""
    enabled: bool = True
    module: str = ""
    summary_zh: str = ""
    written_doc_zh: str = ""
    group: str = ""

    @property
    def doc(self) -> str:
        """The documentation in English, without its indentation."""
        return _dedent(self.written_doc)

    @property
    def doc_zh(self) -> str:
        """The documentation in Chinese, without its indentation ("" when none)."""
        return _dedent(self.written_doc_zh)

    @property
    def family(self) -> str:
        """The rule's group: the ``group`` it is registered with (a rule in
        a module of its own keeps the name of the family it belongs to,
        ``content``, ``guidance``…), else the module it is defined in
        (``amounts``, ``taxonomy``); rules written in a configuration are
        ``custom``."""
        if self.group:
            return self.group
        if self.module.startswith("audit.checks.") and self.module != "audit.checks.custom":
            return self.module.rsplit(".", 1)[-1]
        return "custom"

    def summary_in(self, lang: str) -> str:
        """The one-line summary in ``lang`` (English when no Chinese is written)."""
        return self.summary_zh if lang == "zh" and self.summary_zh else self.summary

    def doc_in(self, lang: str) -> str:
        """The documentation in ``lang`` (English when no Chinese is written)."""
        return self.doc_zh if lang == "zh" and self.doc_zh else self.doc

    def message(self, key: str, lang: str, args: dict[str, Any]) -> str:
        """Message ``key`` in ``lang`` filled with ``args``; a key the rule
        does not catalogue, or a placeholder it did not supply, is a bug in
        the rule (:class:`InternalError`), never a raw template shown."""
        if key not in self.messages:
            raise InternalError(f"rule {self.id}: no message {key!r} in its catalogue")
        zh, en = self.messages[key]
        template = en if lang == "en" else zh
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError, AttributeError) as error:
            raise InternalError(
                f"rule {self.id}: message {key!r} ({lang}) cannot be formatted: "
                f"{type(error).__name__}: {error}"
            ) from None


class RuleSetting:
    """A rule's setting in the configuration in effect."""

    __slots__ = ("enabled", "options", "severity")

    def __init__(self, enabled: bool, severity: Severity, options: dict[str, Any]) -> None:
        self.enabled = enabled
        self.severity = severity
        self.options = options


class RuleModuleError(Exception):
    """A rule module that cannot be imported (its name and the exception)."""

    def __init__(self, module: str, error: BaseException) -> None:
        self.module = module
        self.error = error
        super().__init__(
            f"rule module {module} cannot be imported: {type(error).__name__}: {error}"
        )


REGISTRY: dict[str, RuleSpec] = {}

RULE_PACKAGE = "audit.checks"
"""The package whose every module (not starting with ``_``) holds built-in
rules: adding a rule module is adding one file there."""

RULE_ORDER: tuple[str, ...] = (
    # structure
    "parse_error",
    "clause_numbering",
    "missing_field",
    "repeated_field",
    "nonstandard_punctuation",
    "markup_residue",
    "garbled_text",
    "empty_row",
    "orphan_text",
    "taxonomy",
    # content
    "placeholder",
    "empty_value",
    "value_restates_name",
    "not_quantified",
    "value_type_mismatch",
    "percent_out_of_range",
    "missing_unit",
    "implausible_unit",
    "zero_target",
    "date_serial",
    "several_targets",
    # periods
    "annual_period_mismatch",
    "stale_date",
    # duplicates
    "duplicate_clause",
    "duplicate_indicator",
    "duplicate_text",
    "duplicate_project",
    "boilerplate_value",
    "goal_copied",
    "duplicate_goal",
    "amounts",
    "amount_format",
    "weight_sum",
    "annual_exceeds_term_total",
    # guidance
    "input_as_output",
    "comparator_direction",
    "category_keyword_mismatch",
    "satisfaction_target",
    "missing_goal",
    "goal_too_short",
    "goal_not_specific",
    "cost_exceeds_budget",
    "deadline_not_concrete",
    "limits",
)
"""The order reports have always listed the built-in rules in (SARIF rule
indexes, ``rules``): the modules named here first, in this order, then any
other module of :data:`RULE_PACKAGE` by name. Only an order: a new module
is found and run without being named here."""


def rule_modules() -> list[str]:
    """The built-in rule modules, found in :data:`RULE_PACKAGE`'s directory
    (one directory listing, nothing imported), in a fixed order."""
    from audit.discovery import submodules

    names = submodules(RULE_PACKAGE)
    rank = {name: index for index, name in enumerate(RULE_ORDER)}
    names.sort(key=lambda n: (rank.get(n, len(rank)), n))
    return [f"{RULE_PACKAGE}.{name}" for name in names]


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except Exception as error:
        raise RuleModuleError(name, error) from error


def rule(
    id: str,
    *,
    severity: Severity,
    scope: Scope,
    messages: dict[str, tuple[str, str]],
    options: dict[str, Option] | None = None,
    enabled: bool = True,
    doc_zh: str = "",
    group: str = "",
) -> Callable[[Callable[..., Iterator[Problem]]], Callable[..., Iterator[Problem]]]:
    """Register a built-in rule. Its docstring is its documentation: the first
    line is the summary ``rules`` lists; ``explain`` prints the whole.
    ``doc_zh`` is the same documentation in Chinese (检查内容 / 原因 / 示例 /
    选项), its first line the Chinese summary. ``group`` names the group
    ``--select``, ``explain`` and grading know the rule by; by default its
    module's name."""

    def register(function: Callable[..., Iterator[Problem]]) -> Callable[..., Iterator[Problem]]:
        doc = function.__doc__ or ""
        if not messages:
            raise ValueError(f"rule {id}: a rule needs at least one message")
        previous = REGISTRY.get(id)
        if previous is not None and previous.module != function.__module__:
            raise ValueError(f"rule {id}: already defined in {previous.module}")
        REGISTRY[id] = RuleSpec(
            id=id,
            severity=severity,
            scope=scope,
            check=function,
            messages=messages,
            options=options or {},
            summary=_summary(doc, id),
            written_doc=doc,
            enabled=enabled,
            module=function.__module__,
            summary_zh=_summary(doc_zh, ""),
            written_doc_zh=doc_zh,
            group=group,
        )
        return function

    return register


def _summary(doc: str, default: str) -> str:
    """The first line of a rule's documentation, as tables show it: without
    the docstring's indentation and ``markup``."""
    text = doc.strip()
    return text.partition("\n")[0].strip().replace("``", "") if text else default


@lru_cache(maxsize=256)
def _dedent(text: str) -> str:
    """A docstring without its indentation (like ``inspect.cleandoc``)."""
    first, _, rest = text.strip("\n").partition("\n")
    return (first.strip() + "\n" + _dedent_lines(rest)).strip()


def _dedent_lines(text: str) -> str:
    """:func:`textwrap.dedent`, with the same result; a text indented with
    spaces only (every docstring here) in one pass over its lines, since
    every rule's documentation is dedented at start-up."""
    if "\t" in text or "\r" in text:
        import textwrap

        return textwrap.dedent(text)
    lines = text.split("\n")
    margin = min(
        (len(line) - len(line.lstrip(" ")) for line in lines if line.strip(" ")), default=0
    )
    return "\n".join(line[margin:] if line.strip(" ") else "" for line in lines)


def load_rules() -> dict[str, RuleSpec]:
    """Import the rule modules once; return the registry in a fixed order:
    by module as :func:`rule_modules` lists them, then as defined in the
    module, whatever imported a module first (reports and SARIF rule indexes
    rely on the order). A module that fails to import is a
    :class:`RuleModuleError`, never skipped."""
    global _loaded
    if not _loaded:
        modules = rule_modules()
        for name in modules:
            _import(name)
        position = {name: index for index, name in enumerate(modules)}
        ordered = sorted(
            REGISTRY.items(), key=lambda item: position.get(item[1].module, len(position))
        )
        REGISTRY.clear()
        REGISTRY.update(ordered)
        _loaded = True
    return REGISTRY


_loaded = False

_PLUGINS: dict[str, dict[str, RuleSpec]] = {}


def load_plugin(name: str) -> dict[str, RuleSpec]:
    """The rules a user's module registers with :func:`rule`, or, for a
    package, every module in it (not starting with ``_``), by module name
    then definition order. They are kept apart from the built-in registry: a
    configuration that names the plugin gets them, others do not."""
    from audit.discovery import submodules

    load_rules()
    if name not in _PLUGINS:
        before = set(REGISTRY)
        module = _import(name)
        if hasattr(module, "__path__"):  # a package: every module in it
            for submodule in submodules(name):
                _import(f"{name}.{submodule}")
        _PLUGINS[name] = {
            rule_id: REGISTRY.pop(rule_id) for rule_id in list(REGISTRY) if rule_id not in before
        }
    return _PLUGINS[name]


# --------------------------------------------------------------------------
# Running


class Setting(Protocol):
    """A rule's setting in the configuration in effect."""

    enabled: bool
    severity: Severity
    options: dict[str, Any]


class Config(Protocol):
    """What the engine and the rules read of a configuration. The
    configuration (:class:`audit.config.Config`) is built above the rules,
    from their specs, so the engine names only what it needs of it."""

    lang: str
    taxonomy: "Taxonomy"
    select: set[str] | None
    """The rules ``--select`` names (None: the configuration's)."""

    def active_rules(self) -> list[tuple[RuleSpec, dict[str, Any], Severity]]: ...

    def is_ignored(self, finding: Finding) -> bool: ...

    def setting(self, rule_id: str, spec: RuleSpec | None = None) -> Setting: ...


class Context:
    """What a rule may consult besides the node it checks: the document, the
    configuration, the rule's options and configured severity, the
    document's :class:`~audit.facts.Facts` (what is known about each value,
    and which rule reports it) and :attr:`memo`, the typed store of what
    rules compute once per document."""

    __slots__ = (
        "clause",
        "config",
        "document",
        "facts",
        "memo",
        "options",
        "project",
        "severity",
        "unit",
    )

    def __init__(self, document: Document, options: dict[str, Any], config: Config) -> None:
        self.document = document
        self.options = options
        self.config = config
        self.unit: Unit | None = None
        self.project: Project | None = None
        self.clause: Clause | None = None
        self.severity: Severity = "error"
        """The configured severity of the rule being run."""
        self.memo = DocumentCache()
        """Per-document computations rules keep (e.g. the amount sums)."""

    facts: Facts
    """The document's facts, decided on first use (rules read them tens of
    thousands of times a table: once made, a plain attribute)."""

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not set: the facts before first use.
        if name != "facts":
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.facts = Facts(self.document, self.config)
        return self.facts

    @property
    def taxonomy(self) -> "Taxonomy":
        return self.config.taxonomy

    @property
    def budget_year(self) -> int | None:
        """The budget year: the year the title of the unit's own table names
        (a page of forms of several years), else the document's title's."""
        own = title_year(self.unit.heading) if self.unit is not None else None
        return own if own is not None else title_year(self.document.title)

    def deadline_example(self) -> str:
        """A concrete date to give as an example in a message: in the budget
        year (``2025年11月30日前``), never a year a table of another year would
        call stale; without one, ``11月30日前``."""
        year = self.budget_year
        return "11月30日前" if year is None else f"{year}年11月30日前"

    @property
    def lang(self) -> str:
        return self.config.lang


def run(document: Document, config: Config) -> list[Finding]:
    """Every finding of every enabled rule on ``document``, in file order."""
    by_scope: dict[str, list[tuple[RuleSpec, dict[str, Any], Severity]]] = {
        scope: [] for scope in ("document", "unit", "project", "clause")
    }
    for spec, options, severity in config.active_rules():
        by_scope[spec.scope].append((spec, options, severity))
    findings: list[Finding] = []
    append = findings.append
    ctx = Context(document, {}, config)
    running: list[RuleSpec | None] = [None]  # the rule at work, to name it if it fails

    def check(rules: list[tuple[RuleSpec, dict[str, Any], Severity]], node: Any) -> None:
        for spec, options, severity in rules:
            running[0] = spec
            ctx.options = options
            ctx.severity = severity
            for problem in spec.check(ctx, node) or ():
                append(_finding(spec, severity, problem, ctx, config))

    clause_rules = by_scope["clause"]
    try:
        check(by_scope["document"], document)
        for unit in document.units:
            ctx.unit = unit
            ctx.project = None
            check(by_scope["unit"], unit)
            for project in unit.projects:
                ctx.project = project
                check(by_scope["project"], project)
                if not clause_rules:
                    continue
                # Rule by rule over the project's clauses: the hottest loop.
                clauses = [c for c in project.clauses if isinstance(c, Clause)]
                for spec, options, severity in clause_rules:
                    running[0] = spec
                    ctx.options = options
                    ctx.severity = severity
                    rule_check = spec.check
                    for clause in clauses:
                        ctx.clause = clause
                        for problem in rule_check(ctx, clause) or ():
                            append(_finding(spec, severity, problem, ctx, config))
                ctx.clause = None
    except (InternalError, MemoryError):
        raise  # MemoryError: a table too large for the machine, no bug (audit.lint)
    except Exception as error:  # a bug in a rule: said as one, never a traceback
        failed = running[0]
        where = document.source.path
        module = failed.module if failed else ""
        plugin = module if module and not module.startswith("audit.") else None
        raise InternalError(
            f"rule {failed.id if failed else '?'}"
            f"{f' (plugin {plugin})' if plugin else ''} failed on {where}: "
            f"{type(error).__name__}: {error}",
            plugin=plugin,
        ) from error
    ctx.unit = ctx.project = None
    findings = [f for f in findings if not config.is_ignored(f)]
    findings.sort(key=_order)
    return findings


def _order(finding: Finding) -> tuple[Any, ...]:
    return (
        finding.file,
        finding.line or 0,
        finding.column or 0,
        -SEVERITY_RANK[finding.severity],
        finding.rule,
    )


def _finding(
    spec: RuleSpec, severity: Severity, problem: Problem, ctx: Context, config: Config
) -> Finding:
    span = problem.span
    if problem.lower or problem.at_most is not None:
        severity = lowered(severity, problem.lower, problem.at_most)
    clause = problem.clause
    if clause is None and ctx.clause is not None:
        clause = ctx.clause.number
    args = dict(problem.args)
    unit = ctx.unit if problem.unit is None else problem.unit
    project = ctx.project if problem.project is None and problem.unit is None else problem.project
    if project is None and problem.unit is None and unit is not None and span is not None:
        project = _project_at(unit, span)
    location = None if span is None else span.location
    return Finding(
        rule=spec.id,
        severity=severity,
        message=spec.message(problem.key, config.lang, args),
        file=ctx.document.path,
        line=None if span is None else span.line,
        column=None if span is None else span.column,
        end_line=None if span is None else span.end_line,
        end_column=None if span is None else span.end_column,
        unit=None if unit is None else unit.own_name,
        project=None if project is None else project.title,
        clause=clause,
        field=problem.field,
        excerpt=problem.excerpt,
        location=location,
        cell_clause=None
        if span is None or location is None
        else _cell_clause(span, location, project, clause, ctx),
    )


def _cell_clause(
    span: Span, location: str, project: Project | None, number: int | None, ctx: Context
) -> int | None:
    """The clause in a cell of several clauses read from cells
    (``Sheet1!G12 第5条``): a workbook's Guangzhou cell of seven clauses is
    otherwise one place for all seven. Its number, or its place in the cell
    where it has none or shares it (numbered from 1 again under each heading
    of an outline). None elsewhere (a national row holds one indicator a
    row, a goal's cell none)."""
    if project is None or project.indicators is None:
        return None
    clauses = project.clauses
    if len(clauses) < 2 or getattr(clauses[0], "form", None) == "row":
        return None

    def shared(number: int | None) -> bool:
        return number is None or sum(1 for c in clauses if c.number == number) > 1

    clause = ctx.clause
    if clause is None and shared(number):  # a project's rule: the clause holding the span
        clause = next((c for c in clauses if isinstance(c, Clause) and span.within(c.span)), None)
    if clause is not None and shared(clause.number):
        # Unnumbered, or its number used again (restarted under an outline's
        # headings): the clause is named by its place in the cell.
        number = next((i for i, c in enumerate(clauses, 1) if c is clause), None)
    if number is None or project.indicators.span().location != location:
        return None
    return number


def _project_at(unit: Unit, span: Span) -> Project | None:
    """The project of ``unit`` whose rows hold ``span``: a unit-scope rule's
    problem about one of its projects names the project, like any other."""
    line = span.line
    found: Project | None = None
    for project in unit.projects:
        if project.line > line:
            break
        found = project
    return found


def matches(pattern: str | None, value: str | None) -> bool:
    """Glob match used by ``ignore:`` entries; a missing pattern matches all."""
    if pattern is None:
        return True
    if value is None:
        return False
    return fnmatch.fnmatchcase(value, pattern)
