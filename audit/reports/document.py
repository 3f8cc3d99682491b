"""Rendering the document model itself (``indicator-audit parse``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from audit.model import (
    AMOUNT_COLUMNS,
    AMOUNT_FIELDS,
    Amounts,
    AnyClause,
    ClauseError,
    Document,
    Project,
    Span,
    Text,
    Value,
    ValueField,
    clause_label,
)


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def span_dict(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def where(document: Document, name: Text | None, line: int) -> str:
    """``line N`` in a text file; the cell (``Sheet1!A7``) in a table read
    from cells, "" when there is none (a unit without its own row)."""
    if document.source.locator is None:
        return f"line {line}"
    if name is None:
        return ""
    return name.span().location or ""


def _located(document: Document, name: Text | None) -> dict[str, Any]:
    """``{"location": cell}`` for a table read from cells, else nothing."""
    if document.source.locator is None:
        return {}
    return {"location": None if name is None else name.span().location}


def value_dict(value: Value) -> dict[str, Any]:
    return {
        "kind": value.kind,
        "comparator": value.comparator,
        "number": _number(value.number),
        "upper": _number(value.upper),
        "unit": value.unit,
        "magnitude": value.magnitude,
        "per": value.per,
        "change": value.change,
        "qualifiers": list(value.qualifiers),
        "prefix": value.prefix,
        "suffix": value.suffix,
        "targets": [
            {
                "kind": target.kind,
                "text": target.text,
                "start": target.start,
                "end": target.end,
                "comparator": target.comparator,
                "number": _number(target.number),
                "upper": _number(target.upper),
                "unit": target.unit,
                "per": target.per,
                "change": target.change,
            }
            for target in value.targets
        ],
    }


def _field_dict(field: ValueField) -> dict[str, Any]:
    return {
        "keyword": field.keyword,
        "text": field.text,
        "value": value_dict(field.value),
        "separator": field.separator,
        "span": span_dict(field.span),
    }


def clause_dict(clause: AnyClause) -> dict[str, Any]:
    if isinstance(clause, ClauseError):
        return {
            "number": clause.number,
            "error": clause.message,
            "expected": list(clause.expected),
            "found": clause.found,
            "text": clause.text,
            "span": span_dict(clause.span),
        }
    return {
        "number": clause.number,
        "form": clause.form,
        "level1": _category(clause.level1),
        "level2": _category(clause.level2),
        "name": clause.name,
        "fields": [_field_dict(f) for f in clause.fields],
        "separators": sorted(clause.separators),
        "issues": [
            {"kind": i.kind, "detail": i.detail, "span": span_dict(i.span)} for i in clause.issues
        ],
        "span": span_dict(clause.span),
    }


def _category(category: Any) -> dict[str, Any] | None:
    if category is None:
        return None
    return {"code": category.code, "name": category.name}


def amounts_dict(amounts: Amounts) -> dict[str, str | None]:
    """The four columns, blank ones as ``None``, and ``carryover`` (上年结转)
    only where the row states one: a table without the column reads as
    before."""
    result: dict[str, str | None] = {}
    for column in AMOUNT_FIELDS:
        amount = amounts.get(column)
        if amount is None and column not in AMOUNT_COLUMNS:
            continue
        result[column] = None if amount is None else (_number(amount.value) or amount.text.value)
    return result


def _term_total(project: Project) -> dict[str, str | None]:
    """``term_total``, the project's amount over its whole term (项目总投资),
    only where the table states one: a table without it reads as before."""
    amount = project.term_total
    if amount is None:
        return {}
    return {"term_total": _number(amount.value) or amount.text.value}


def document_dict(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "layout": document.layout,
        "encoding": document.source.encoding,
        "title": document.title,
        "organization": document.organization,
        "legacy": document.legacy,
        "total": None
        if document.total is None
        else {"line": document.total.line, "amounts": amounts_dict(document.total.amounts)},
        "units": [
            {
                "name": unit.title,
                "line": unit.line,
                **_located(document, None if unit.implicit else unit.name),
                "implicit": unit.implicit,
                "amounts": amounts_dict(unit.amounts),
                "projects": [
                    {
                        "name": project.title,
                        "line": project.line,
                        **_located(document, project.name),
                        "amounts": amounts_dict(project.amounts),
                        **_term_total(project),
                        "goal": None if project.goal is None else project.goal.value,
                        "clauses": [clause_dict(c) for c in project.clauses],
                    }
                    for project in unit.projects
                ],
            }
            for unit in document.units
        ],
    }


def describe_value(value: Value) -> str:
    """A reviewer's reading of a value: ``≥ 95 %``, ``= 18500 人``; each
    target of a value of several (``≥ 95 %; ≤ 100 %``), a date range as
    ``date-range``."""
    measured = [t for t in value.targets if t.number is not None]
    if value.kind == "quantity" and len(value.targets) > 1:
        return "; ".join(
            _describe(t, value.minus_before(t)) if t.number is not None else t.kind
            for t in value.targets
        ) + (f" ({', '.join(value.qualifiers)})" if value.qualifiers else "")
    if value.kind != "quantity":
        kinds = [t.kind for t in value.targets if t.kind != "text"]
        return ", ".join(kinds) if kinds and not measured else f"{value.kind}"
    negative = bool(value.targets) and value.minus_before(value.targets[0])
    qualifiers = f" ({', '.join(value.qualifiers)})" if value.qualifiers else ""
    return _describe(value, negative) + qualifiers


def _describe(value: Any, negative: bool = False) -> str:
    """``≥ 95 %``: the measure of a value or a target; ``negative`` when a
    minus sign stands before its number (``≥ -5 %``)."""
    symbols = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
    number = _number(value.number)
    if negative and number is not None and not number.startswith("-"):
        number = f"-{number}"
    if value.comparator == "range":
        measure = f"{number}..{_number(value.upper)}"
    else:
        measure = f"{symbols.get(value.comparator or '=', '=')} {number}"
    parts = [measure] if value.change is None else [value.change, measure]
    if value.unit:
        parts.append(value.unit)
    if value.per:
        parts.append(f"per {value.per}")
    return " ".join(parts)


def render_tree(documents: list[Document], console: Any) -> None:
    from rich.markup import escape
    from rich.tree import Tree

    for document in documents:
        c = document.counts()
        root = Tree(
            f"[bold]{escape(document.path)}[/]  {document.layout}, {document.source.encoding}: "
            f"{c['units']} units, {c['projects']} projects, {c['clauses']} clauses"
            + (f", [red]{c['unparsed']} unparsed[/]" if c["unparsed"] else "")
        )
        for unit in document.units:
            unit_node = root.add(
                f"[bold cyan]{escape(unit.title or '(unit)')}[/]  "
                + where(document, None if unit.implicit else unit.name, unit.line)
            )
            for project in unit.projects:
                total = project.amounts.value("total")
                project_node = unit_node.add(
                    f"[bold]{escape(project.title)}[/]  {_number(total) or '-'} 万元  "
                    + where(document, project.name, project.line)
                )
                for clause in project.clauses:
                    add_clause(project_node, clause)
        console.print(root)


def add_clause(node: Any, clause: AnyClause) -> None:
    from rich.markup import escape

    if isinstance(clause, ClauseError):
        excerpt = clause.text if len(clause.text) <= 40 else clause.text[:39] + "…"
        node.add(
            f"[red]✗ {escape(excerpt)}[/] [dim]({clause.span.line}:{clause.span.column})[/]"
        ).add(f"[red]{escape(clause.message)}[/]")
        return
    categories = " / ".join(str(c) for c in (clause.level1, clause.level2) if c is not None)
    # the number as written: an unnumbered clause shows none (its place is no number)
    label = clause_label(clause) if clause.number is not None else "?"
    clause_node = node.add(f"{label}、[green]{escape(categories)}[/] {escape(clause.name)}")
    for field in clause.fields:
        clause_node.add(
            f"[dim]{field.keyword}[/] {escape(field.text)}  → [yellow]"
            f"{escape(describe_value(field.value))}[/]"
        )
    for issue in clause.issues:
        clause_node.add(f"[magenta]! {issue.kind}[/] {escape(issue.detail)} ({issue.span})")
