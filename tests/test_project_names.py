"""Findings about a project name the project, whatever the rule's scope.

Every rule runs on the seed tables and the examples; a finding without a
project is allowed only where it is about a unit or the table (a unit's
subtotal row, the grand total, text before the first project): never on a
line of a project's name, goal, indicator cell or indicator rows, and never
with a clause number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.model import Clause, Document, Finding, Span
from audit.pipeline import load_path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = sorted(
    [
        *(ROOT / "tests" / "fixtures" / "seeds").iterdir(),
        *(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".tsv", ".csv")),
    ]
)


def every_finding(document: Document) -> list[Finding]:
    config = load_config(None, discover=False)
    config.select = set(config.specs())
    return run(document, config)


def _lines(span: Span) -> range:
    return range(span.line, span.end_line + 1)


def project_lines(document: Document) -> dict[int, str]:
    """Each line that belongs to a project (its name, goal, indicator cell,
    indicator rows) → the project's name."""
    lines: dict[int, str] = {}
    for project in document.projects:
        texts = [t for t in (project.name, project.goal, project.indicators) if t is not None]
        spans = [t.span() for t in texts if t.value]
        spans += [c.span for c in project.clauses if isinstance(c, Clause)]
        for span in spans:
            for line in _lines(span):
                lines.setdefault(line, project.name.value)
    return lines


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_findings_on_a_project_name_it(path: Path) -> None:
    document = load_path(path)
    owned = project_lines(document)
    findings = every_finding(document)
    anonymous = [f for f in findings if f.project is None]
    with_clause = [f for f in anonymous if f.clause is not None]
    assert with_clause == []
    on_project = [(f.rule, f.line, owned[f.line]) for f in anonymous if f.line in owned]
    assert on_project == []


def test_the_check_can_fail() -> None:
    """The lines found for projects are the lines their findings stand on:
    a finding there without the project's name would be caught."""
    document = load_path(ROOT / "tests" / "fixtures" / "seeds" / "001_panyu_2025.txt")
    owned = project_lines(document)
    named = [f for f in every_finding(document) if f.project is not None]
    assert len(named) > 20
    assert all(owned.get(f.line) == f.project for f in named if f.line is not None)
