"""The rule engine: the rule registry, running rules over a document, and
turning what they yield into findings.

A rule is a generator function registered with :func:`rule`. It receives a
:class:`Context` and one node of the model (the document, a unit, a project
or a clause, by its ``scope``) and yields :class:`Problem` objects; the
engine adds the rule id, the severity from the configuration, the location
and the localised message. Rules never see raw text and never format output.
"""

from __future__ import annotations

import fnmatch
import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from audit.model import Clause, Document, Project, Span, Unit

if TYPE_CHECKING:
    from audit.config import Config
    from audit.taxonomy import Taxonomy

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 3, "warning": 2, "info": 1}


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity, every severity present."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


Scope = Literal["document", "unit", "project", "clause"]


# --------------------------------------------------------------------------
# What rules yield, and what the engine reports


class Problem:
    """One problem a rule found.

    ``key`` picks one of the rule's messages and ``args`` fill it in;
    ``severity`` overrides the configured one (rules with graded bands, such
    as the amount checks, use it); ``clause`` defaults to the clause being
    checked. ``excerpt`` is the exact text the problem points at.
    """

    __slots__ = ("args", "clause", "excerpt", "field", "key", "project", "severity", "span", "unit")

    def __init__(
        self,
        span: Span | None,
        key: str = "default",
        args: dict[str, Any] | None = None,
        field: str | None = None,
        excerpt: str | None = None,
        clause: int | None = None,
        severity: Severity | None = None,
        unit: Unit | None = None,
        project: Project | None = None,
    ) -> None:
        self.span = span
        self.key = key
        self.args: dict[str, Any] = {} if args is None else args
        self.field = field
        self.excerpt = excerpt
        self.clause = clause
        self.severity = severity
        self.unit = unit
        """The unit the problem belongs to, for a document-scope rule that
        reports on units or projects; by default the unit being checked."""
        self.project = project
        """Likewise the project; setting it implies its unit is set too."""

    def __repr__(self) -> str:
        return f"Problem({self.key!r}, {self.span!r}, excerpt={self.excerpt!r})"


class Finding(NamedTuple):
    rule: str
    severity: Severity
    message: str
    file: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    unit: str | None
    project: str | None
    clause: int | None
    field: str | None
    excerpt: str | None
    location: str | None = None
    """The cell, for a table read from a workbook, PDF, web page or Word
    document (``Sheet1!C12``); ``line`` and ``column`` then count in the
    cells' text as the tool holds it, not in the file, and reports name the
    cell instead."""

    def as_dict(self) -> dict[str, Any]:
        if self.location is not None:
            return {
                **self._fields_dict(),
                "line": None,
                "column": None,
                "end_line": None,
                "end_column": None,
                "location": self.location,
            }
        return self._fields_dict()

    def _fields_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "unit": self.unit,
            "project": self.project,
            "clause": self.clause,
            "field": self.field,
            "excerpt": self.excerpt,
        }


# --------------------------------------------------------------------------
# Rules and their options


class Option(NamedTuple):
    """One option of a rule: its type, default and a line of documentation.

    ``kind`` is ``bool``, ``int``, ``number``, ``positive`` (a number above
    zero), ``str``, ``regex``, ``list[str]``, ``list[regex]``, ``dict`` (with
    the kind of its ``values`` and, optionally, its allowed ``keys``) or a
    tuple of allowed strings.
    """

    kind: str | tuple[str, ...]
    default: Any
    doc: str = ""
    values: str | tuple[str, ...] | None = None
    """For a ``dict`` option, the kind of each value (as ``kind``)."""
    keys: tuple[str, ...] | None = None
    """For a ``dict`` option, the keys it may have; None for any text."""


class RuleSpec(NamedTuple):
    id: str
    severity: Severity
    scope: Scope
    check: Callable[..., Iterator[Problem]]
    messages: dict[str, tuple[str, str]]
    options: dict[str, Option]
    summary: str
    doc: str
    enabled: bool = True
    module: str = ""
    summary_zh: str = ""
    doc_zh: str = ""

    @property
    def family(self) -> str:
        """The rule's group: the module it is defined in (``amounts``,
        ``structure``, …); rules written in a configuration are ``custom``."""
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
        zh, en = self.messages.get(key) or self.messages["default"]
        template = en if lang == "en" else zh
        try:
            return template.format(**args)
        except (KeyError, IndexError, ValueError):
            return template


REGISTRY: dict[str, RuleSpec] = {}

RULE_MODULES: tuple[str, ...] = (
    "audit.checks.structure",
    "audit.checks.taxonomy",
    "audit.checks.content",
    "audit.checks.periods",
    "audit.checks.duplicates",
    "audit.checks.amounts",
    "audit.checks.guidance",
    "audit.checks.limits",
    "audit.checks.orphans",
)
"""Modules that register the built-in rules (a plain table, like yamllint's)."""


def rule(
    id: str,
    *,
    severity: Severity,
    scope: Scope,
    messages: dict[str, tuple[str, str]],
    options: dict[str, Option] | None = None,
    enabled: bool = True,
    doc_zh: str = "",
) -> Callable[[Callable[..., Iterator[Problem]]], Callable[..., Iterator[Problem]]]:
    """Register a built-in rule. Its docstring is its documentation: the first
    line is the summary ``rules`` lists; ``explain`` prints the whole.
    ``doc_zh`` is the same documentation in Chinese (检查内容 / 原因 / 示例 /
    选项), its first line the Chinese summary."""

    def register(function: Callable[..., Iterator[Problem]]) -> Callable[..., Iterator[Problem]]:
        doc = _dedent(function.__doc__ or "")
        summary = _summary(doc, id)
        if "default" not in messages:
            raise ValueError(f"rule {id}: messages need a 'default' entry")
        REGISTRY[id] = RuleSpec(
            id=id,
            severity=severity,
            scope=scope,
            check=function,
            messages=messages,
            options=options or {},
            summary=summary,
            doc=doc.strip(),
            enabled=enabled,
            module=function.__module__,
            summary_zh=_summary(_dedent(doc_zh), ""),
            doc_zh=_dedent(doc_zh).strip(),
        )
        return function

    return register


def _summary(doc: str, default: str) -> str:
    """The first line of a rule's documentation, as tables show it: without
    the docstring's ``markup``."""
    return doc.strip().splitlines()[0].replace("``", "") if doc.strip() else default


def _dedent(text: str) -> str:
    """A docstring without its indentation (like ``inspect.cleandoc``)."""
    import textwrap

    first, _, rest = text.strip("\n").partition("\n")
    return (first.strip() + "\n" + textwrap.dedent(rest)).strip()


def load_rules() -> dict[str, RuleSpec]:
    """Import the rule modules once; return the registry in a fixed order:
    by module as listed in ``RULE_MODULES``, then as defined in the module,
    whatever imported a module first (reports and SARIF rule indexes rely on
    the order)."""
    global _loaded
    if not _loaded:
        for name in RULE_MODULES:
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as missing:
                if missing.name != name:
                    raise
        position = {name: index for index, name in enumerate(RULE_MODULES)}
        ordered = sorted(REGISTRY.items(), key=lambda item: position.get(item[1].module, 99))
        REGISTRY.clear()
        REGISTRY.update(ordered)
        _loaded = True
    return REGISTRY


_loaded = False


# --------------------------------------------------------------------------
# Running


class Context:
    """What a rule may consult besides the node it checks."""

    __slots__ = ("cache", "clause", "config", "document", "options", "project", "severity", "unit")

    def __init__(
        self,
        document: Document,
        options: dict[str, Any],
        config: Config,
        cache: dict[str, Any] | None = None,
    ) -> None:
        self.document = document
        self.options = options
        self.config = config
        self.unit: Unit | None = None
        self.project: Project | None = None
        self.clause: Clause | None = None
        self.severity: Severity = "error"
        """The configured severity of the rule being run."""
        self.cache: dict[str, Any] = {} if cache is None else cache
        """Per-document scratch space rules may share (e.g. a computed index)."""

    @property
    def taxonomy(self) -> Taxonomy:
        return self.config.taxonomy

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

    def check(rules: list[tuple[RuleSpec, dict[str, Any], Severity]], node: Any) -> None:
        for spec, options, severity in rules:
            ctx.options = options
            ctx.severity = severity
            for problem in spec.check(ctx, node) or ():
                append(_finding(spec, severity, problem, ctx, config))

    check(by_scope["document"], document)
    clause_rules = by_scope["clause"]
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
                ctx.options = options
                ctx.severity = severity
                rule_check = spec.check
                for clause in clauses:
                    ctx.clause = clause
                    for problem in rule_check(ctx, clause) or ():
                        append(_finding(spec, severity, problem, ctx, config))
            ctx.clause = None
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
    if problem.severity is not None:
        severity = problem.severity
    clause = problem.clause
    if clause is None and ctx.clause is not None:
        clause = ctx.clause.number
    args = dict(problem.args)
    unit = ctx.unit if problem.unit is None else problem.unit
    project = ctx.project if problem.project is None and problem.unit is None else problem.project
    return Finding(
        rule=spec.id,
        severity=severity,
        message=spec.message(problem.key, config.lang, args),
        file=ctx.document.path,
        line=None if span is None else span.line,
        column=None if span is None else span.column,
        end_line=None if span is None else span.end_line,
        end_column=None if span is None else span.end_column,
        unit=None if unit is None or unit.implicit else unit.title,
        project=None if project is None else project.title,
        clause=clause,
        field=problem.field,
        excerpt=problem.excerpt,
        location=None if span is None else span.location,
    )


def matches(pattern: str | None, value: str | None) -> bool:
    """Glob match used by ``ignore:`` entries; a missing pattern matches all."""
    if pattern is None:
        return True
    if value is None:
        return False
    return fnmatch.fnmatchcase(value, pattern)
