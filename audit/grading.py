"""Grades: 优 / 良 / 中 / 差 for each project and each table, from its findings.

Reviewers sum up a table the way they sum up a submission: a grade per
project. The grade is computed from the project's findings with weights and
thresholds configured under ``grading:`` in a profile::

    grading:
      weights:            # points a finding takes off a score of 100, by severity
        error: 25
        warning: 5
        info: 0
      groups: {}          # points by rule group (`indicator-audit rules` shows each rule's)
      rules:              # points by rule id: wins over the group and the severity
        not-quantified: 10
        unknown-category: 1
        missing-unit: 10
        implausible-unit: 10
        boilerplate-value: 20
      thresholds:         # the lowest score of each grade; below 中's it is 差
        优: 100
        良: 85
        中: 60
      caps:               # the best grade a project with a finding of this severity or rule can get
        error: 中
        parse-error: 差
        missing-goal: 差
        unknown-category: 优   # a rule's cap replaces its severity's
      verdict:            # the best grade of a table with a finding of this severity
        error: 中

The defaults live in one place: the ``grading:`` block of the shipped
``rules/default.yaml``. :func:`default_grading` reads it (validated like any
profile) and is what a profile that does not extend ``default`` starts from,
so a profile only names what it changes.

A project's score is 100 less the weight of each of its findings, never below
0: the weight of its rule id if ``rules`` names it, else of its rule group if
``groups`` names that, else of its severity. An info finding weighs the
``info`` weight whatever its rule: a rule a profile sets to ``info`` is advice
and no longer lowers the grade. The grade is the best whose threshold the
score reaches, then capped: by the rule's cap where ``caps`` names the rule,
else by its severity's. Findings a baseline hides count all
the same: a baseline changes what a run shows and its exit status, not the
quality of the table.

With the defaults a reviewer's intuitions hold:

* no findings, or only info findings → 优. Info findings are advice (a
  rounding difference, a short goal, a vague deadline) and never lower a
  grade: their weight is 0;
* one to three warnings → 良; four to eight → 中; nine or more → 差; a target
  that cannot be measured (``not-quantified``, a number without a unit
  ``missing-unit``, a unit that means nothing ``implausible-unit``) counts as
  two warnings; one value pasted on unrelated indicators
  (``boilerplate-value``) as four;
* one error → 中 (any error caps the grade at 中); an error and four
  warnings, or two errors → 差;
* a clause the parser cannot read (``parse-error``) or a project without a
  goal (``missing-goal``) → 差;
* a category name outside the configured taxonomy (``unknown-category``) is a
  matter of wording: it takes 1 point and does not cap.

A table's score is the mean of its projects' scores less the weights of the
findings that belong to no project (a unit subtotal, the grand total). Its
grade is that score's, capped by every finding of the file (its projects'
as well as its own) and by ``verdict``: a table with an error fails the run's
default ``--fail-on``, and is at best 中. A file that could not be read is 差.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from audit.config import GRADES, TOP_SCORE, Grading, default_grading
from audit.model import Finding, Project, Text, severity_counts

if TYPE_CHECKING:
    from audit.config import Config
    from audit.results import FileResult, LintResult


def grading_of(config: Config | Grading | None) -> Grading:
    """The grading in effect: a configuration's, else the shipped defaults."""
    if isinstance(config, Grading):
        return config
    grading = getattr(config, "grading", None)
    return grading if isinstance(grading, Grading) else default_grading()


# --------------------------------------------------------------------------
# Grading a lint result


def _text_lines(text: Text | None, lines: set[int]) -> None:
    """Add the source lines ``text`` spans to ``lines``."""
    if text is None or not text.value:
        return
    anchors = text.anchors
    for index, (at, offset) in enumerate(anchors):
        end = anchors[index + 1][0] if index + 1 < len(anchors) else len(text.value)
        first = text.source.position(offset)[0]
        last = text.source.position(offset + max(0, end - at - 1))[0]
        lines.update(range(first, last + 1))


def _project_lines(project: Project) -> set[int]:
    lines = {project.line}
    for text in (project.name, project.goal, project.indicators):
        _text_lines(text, lines)
    return lines


def _line_owners(
    projects: list[tuple[str | None, Project]], candidates: list[int]
) -> dict[int, int]:
    """Each source line spanned by one of the ``candidates`` projects, and
    the first of them that spans it."""
    owner: dict[int, int] = {}
    for index in candidates:
        for line in _project_lines(projects[index][1]):
            owner.setdefault(line, index)
    return owner


def _assign(
    file_result: FileResult,
) -> tuple[list[tuple[str | None, Project]], list[list[Finding]], list[Finding]]:
    """The file's projects (with their unit's title, None for an implicit
    unit, as in findings), the findings of each, and the findings that belong
    to no project."""
    document = file_result.document
    assert document is not None
    projects = [(unit.own_name, project) for unit in document.units for project in unit.projects]
    by_key: dict[tuple[str | None, str], list[int]] = {}
    by_title: dict[str, list[int]] = {}
    for index, (unit, project) in enumerate(projects):
        by_key.setdefault((unit, project.title), []).append(index)
        by_title.setdefault(project.title, []).append(index)
    owned: list[list[Finding]] = [[] for _ in projects]
    table: list[Finding] = []
    # For projects sharing a name, which of them each source line belongs to
    # (the first that spans it): computed once per name, so that a name
    # repeated on thousands of rows costs time in proportion to the rows.
    owners: dict[int, dict[int, int]] = {}
    for finding in (*file_result.findings, *file_result.baselined):
        if finding.project is None:
            table.append(finding)
            continue
        candidates = by_key.get((finding.unit, finding.project)) or by_title.get(
            finding.project, []
        )
        if not candidates:
            table.append(finding)
            continue
        chosen = candidates[0]
        if len(candidates) > 1 and finding.line is not None:
            owner = owners.get(id(candidates))
            if owner is None:
                owner = owners[id(candidates)] = _line_owners(projects, candidates)
            chosen = owner.get(finding.line, chosen)
        owned[chosen].append(finding)
    return projects, owned, table


def file_grades(
    file_result: FileResult, config: Config | Grading | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The grade of each project of one file, and of the file's table."""
    return _file_grades(file_result, grading_of(config))


def _file_grades(
    file_result: FileResult, grading: Grading
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    path = file_result.path
    if file_result.document is None and file_result.summary is not None:
        # Graded where the document was read (a worker), before it was dropped.
        return file_result.summary["grades"]
    if file_result.document is None:
        table = {
            "file": path,
            "grade": GRADES[-1],
            "score": 0,
            "projects": 0,
            "grades": dict.fromkeys(GRADES, 0),
            "counts": severity_counts([]),
        }
        return [], table
    projects, owned, table_findings = _assign(file_result)
    rows: list[dict[str, Any]] = []
    scores: list[float] = []
    for (unit, project), findings in zip(projects, owned, strict=True):
        score = grading.score(findings)
        scores.append(score)
        rows.append(
            {
                "file": path,
                "unit": unit,
                "project": project.title,
                "line": project.line,
                **_location(project.name),
                "grade": grading.grade(score, findings),
                "score": _round(score),
                "counts": severity_counts(findings),
            }
        )
    mean = sum(scores) / len(scores) if scores else TOP_SCORE
    score = grading.score(table_findings, start=mean)
    everything = [*table_findings, *(f for findings in owned for f in findings)]
    table = {
        "file": path,
        "grade": grading.table_grade(score, everything),
        "score": _round(score),
        "projects": len(rows),
        "grades": distribution(rows),
        "counts": severity_counts(table_findings),
    }
    return rows, table


def _round(score: float) -> float | int:
    rounded = round(score, 1)
    return int(rounded) if float(rounded).is_integer() else rounded


def distribution(projects: list[dict[str, Any]]) -> dict[str, int]:
    """How many projects have each grade: ``{"优": n, "良": n, "中": n, "差": n}``."""
    counts = dict.fromkeys(GRADES, 0)
    counts.update(Counter(p["grade"] for p in projects))
    return counts


def grade_projects(
    result: LintResult, config: Config | Grading | None = None
) -> list[dict[str, Any]]:
    """For each project of each file, in file order: ``file``, ``unit`` (None
    when the table has no unit rows), ``project``, ``line``, ``grade``,
    ``score`` and ``counts`` (findings by severity)."""
    grading = grading_of(config)
    rows: list[dict[str, Any]] = []
    for file_result in result.files:
        rows.extend(_file_grades(file_result, grading)[0])
    return rows


def grade_tables(
    result: LintResult, config: Config | Grading | None = None
) -> list[dict[str, Any]]:
    """For each file: ``file``, ``grade``, ``score``, ``projects`` (how many),
    ``grades`` (the distribution of its projects' grades) and ``counts`` (the
    findings that belong to no project, by severity)."""
    grading = grading_of(config)
    return [_file_grades(file_result, grading)[1] for file_result in result.files]


def grade_report(result: LintResult, config: Config | Grading | None = None) -> dict[str, Any]:
    """Everything a report shows, computed once: ``projects`` (as
    :func:`grade_projects`), ``tables`` (as :func:`grade_tables`) and
    ``grades`` (the distribution over all projects)."""
    grading = grading_of(config)
    projects: list[dict[str, Any]] = []
    tables: list[dict[str, Any]] = []
    for file_result in result.files:
        rows, table = _file_grades(file_result, grading)
        projects.extend(rows)
        tables.append(table)
    return {"projects": projects, "tables": tables, "grades": distribution(projects)}


__all__ = [
    "GRADES",
    "Grading",
    "default_grading",
    "distribution",
    "file_grades",
    "grade_projects",
    "grade_report",
    "grade_tables",
    "grading_of",
]


def _location(name: Text) -> dict[str, str]:
    """``{"location": cell}`` for a project of a table read from cells."""
    location = name.span().location
    return {} if location is None else {"location": location}
