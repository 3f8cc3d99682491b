"""Rules written in a configuration, without code.

Two types, validated like built-in rules:

``type: pattern``
    A regular expression that must match (``must_match``) or must not match
    (``must_not_match``) a field: ``project`` (the project's name), ``unit``,
    ``goal``, ``indicator`` (an indicator's name), ``period`` or ``annual``
    (the two target values), or ``value`` (either value). ``where`` (a
    regex on the project name) limits the rule to some projects.

``type: require``
    Projects whose name matches ``project`` (a regex) must have an indicator
    whose name matches ``indicator``; ``category`` (a regex on the level-1 or
    level-2 category) narrows what counts.

Both take ``message`` (``{field}``, ``{text}`` and ``{project}`` are filled in),
``severity`` and ``enabled``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Problem, RuleSetting, RuleSpec, Scope
from audit.model import SEVERITIES, Clause, Project, Unit
from audit.patterns import compile_configured

PATTERN_FIELDS = ("project", "unit", "goal", "indicator", "period", "annual", "value")
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "pattern": ("field", "must_match", "must_not_match", "where"),
    "require": ("project", "indicator", "category"),
}
COMMON_KEYS = ("type", "message", "severity", "enabled", "description")
TEMPLATE_FIELDS = ("field", "text", "project")


def build_custom_rule(doc: Any, rule_id: str, body: dict[str, Any]) -> tuple[RuleSpec, Any]:
    where = ("rules", rule_id)
    kind = body.get("type")
    if kind not in TYPE_KEYS:
        raise doc.error((*where, "type"), f"unknown rule type (expected: {', '.join(TYPE_KEYS)})")
    allowed = (*COMMON_KEYS, *TYPE_KEYS[kind])
    for key in body:
        if key not in allowed:
            raise doc.error((*where, key), f"unknown key (expected one of: {', '.join(allowed)})")

    def regex(key: str, required: bool = False) -> Any:
        value = body.get(key)
        if value is None:
            if required:
                raise doc.error((*where, key) if key in body else where, f"needs '{key}'")
            return None
        if not isinstance(value, str):
            raise doc.error((*where, key), "must be a regular expression (a string)")
        path = (*where, key)
        try:
            return compile_configured(value)
        except re.error as error:
            raise doc.error(path, f"invalid regular expression {value!r}: {error}") from None

    severity = body.get("severity", "warning")
    if severity not in SEVERITIES:
        raise doc.error((*where, "severity"), f"must be one of {', '.join(SEVERITIES)}")
    enabled = body.get("enabled", True)
    if not isinstance(enabled, bool):
        raise doc.error((*where, "enabled"), "must be true or false")
    message = body.get("message")
    if not isinstance(message, str) or not message:
        raise doc.error(where, "needs a 'message' (a string)")
    problem = template_problem(message)
    if problem is not None:
        raise doc.error((*where, "message"), problem)
    if "description" in body:
        description = str(body["description"])
    elif kind == "pattern":
        wanted = "must match" if body.get("must_match") else "must not match"
        pattern = body.get("must_match") or body.get("must_not_match")
        description = f"{body.get('field')} {wanted} /{pattern}/ (defined in configuration)"
    else:
        description = (
            f"projects matching /{body.get('project')}/ need an indicator matching "
            f"/{body.get('indicator')}/ (defined in configuration)"
        )

    scope: Scope = "project"
    if kind == "pattern":
        field = body.get("field")
        if field not in PATTERN_FIELDS:
            raise doc.error((*where, "field"), f"must be one of: {', '.join(PATTERN_FIELDS)}")
        must = regex("must_match")
        must_not = regex("must_not_match")
        if must is None and must_not is None:
            raise doc.error(where, "needs 'must_match' or 'must_not_match'")
        limit = regex("where")
        if field == "unit":  # once per unit, not once per project of the unit
            scope = "unit"
            check = _unit_check(must, must_not, limit)
        else:
            check = _pattern_check(field, must, must_not, limit)
    else:
        project_re = regex("project", required=True)
        indicator_re = regex("indicator", required=True)
        category_re = regex("category")
        assert project_re is not None and indicator_re is not None
        check = _require_check(project_re, indicator_re, category_re)

    spec = RuleSpec(
        id=rule_id,
        severity=severity,
        scope=scope,
        check=check,
        messages={"default": (message, message)},
        options={},
        summary=description.splitlines()[0],
        written_doc=f"{description}\n\nDefined in {doc.path} (type: {kind}).",
        enabled=enabled,
        module="config",
    )
    return spec, RuleSetting(enabled, severity, {})


def template_problem(message: str) -> str | None:
    """Why ``message`` is not a valid message template, or None: only the
    plain fields ``{field}``, ``{text}`` and ``{project}`` are filled in (no
    attribute, index, conversion or format spec); ``{{`` and ``}}`` are
    braces."""
    import string

    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as error:
        return f"invalid message template: {error} (write {{{{ and }}}} for braces)"
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in TEMPLATE_FIELDS:
            return (
                f"unknown field {{{name}}} in the message "
                f"(known: {', '.join('{' + f + '}' for f in TEMPLATE_FIELDS)}; "
                "write {{ and }} for braces)"
            )
        if spec or conversion:
            return f"the field {{{name}}} takes no conversion or format in a message"
    return None


def _texts(
    project: Project, ctx: Context, field: str
) -> Iterator[tuple[Any, str, Any, int | None]]:
    """(span, text, field name, clause number) of every value of ``field``
    (any but ``unit``, checked per unit)."""
    if field == "project":
        yield project.name.span(), project.name.value, "name", None
    elif field == "goal":
        if project.goal is not None:
            yield project.goal.span(), project.goal.value, "goal", None
    else:
        for clause in project.clauses:
            if not isinstance(clause, Clause):
                continue
            if field == "indicator":
                yield clause.name_span, clause.name, "indicator", clause.number
                continue
            for value_field in clause.fields:
                name = "period" if value_field.keyword.startswith("实施") else "annual"
                if field in (name, "value"):
                    yield value_field.span, value_field.text, name, clause.number


def _pattern_check(
    field: str,
    must: Any,
    must_not: Any,
    limit: Any,
) -> Any:
    def check(ctx: Context, project: Project) -> Iterator[Problem]:
        if limit is not None and not limit.search(project.title):
            return
        for span, text, name, number in _texts(project, ctx, field):
            problem = _offence(span, text, must, must_not)
            if problem is not None:
                span, bad = problem
                args = {"field": name, "text": bad, "project": project.title}
                yield Problem(span, args=args, field=name, excerpt=bad, clause=number)

    return check


def _unit_check(must: Any, must_not: Any, limit: Any) -> Any:
    """A pattern on the unit's name, checked once per unit (with ``where``:
    a unit with a project whose name matches it)."""

    def check(ctx: Context, unit: Unit) -> Iterator[Problem]:
        if unit.implicit:
            return
        if limit is not None and not any(limit.search(p.title) for p in unit.projects):
            return
        problem = _offence(unit.name.span(), unit.title, must, must_not)
        if problem is not None:
            span, bad = problem
            args = {"field": "unit", "text": bad, "project": ""}
            yield Problem(span, args=args, field="unit", excerpt=bad)

    return check


def _offence(span: Any, text: str, must: Any, must_not: Any) -> tuple[Any, str] | None:
    """The span and text a pattern rule reports in ``text``, or None."""
    if must_not is not None:
        found = must_not.search(text)
        if found and found.group():
            return span.sub(found.start(), found.end()), found.group()
        if found:
            return span, text
    if must is not None and not must.search(text):
        return span, text
    return None


def _require_check(project_re: Any, indicator_re: Any, category_re: Any) -> Any:
    def check(ctx: Context, project: Project) -> Iterator[Problem]:
        if not project_re.search(project.title):
            return
        for clause in project.clauses:
            if not isinstance(clause, Clause) or not indicator_re.search(clause.name):
                continue
            if category_re is not None:
                names = [str(c) for c in (clause.level1, clause.level2) if c is not None]
                if not any(category_re.search(n) for n in names):
                    continue
            return
        args = {"field": "indicators", "text": indicator_re.pattern, "project": project.title}
        yield Problem(project.name.span(), args=args, field="indicators", excerpt=project.title)

    return check
