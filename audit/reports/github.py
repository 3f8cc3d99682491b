"""``--format github``: GitHub Actions workflow commands, shown inline on the
pull request's files. Chosen automatically when ``GITHUB_ACTIONS=true`` and
no ``--format`` is given.

One line per finding::

    ::error file=hrss.txt,line=143,col=318,endLine=143,endColumn=323,title=repeated-field::…

``info`` becomes ``notice``. The message is escaped as GitHub's toolkit does
(``%`` ``\\r`` ``\\n``), property values also ``:`` and ``,``.

GitHub shows at most 10 annotations of each type per step (and 50 per job),
dropping the rest silently. So the most severe are printed first, at most
10 errors and 10 warnings and 9 notices, and one last ``::notice::`` gives
the counts and says how to see every finding — it is the tenth notice, the
one that must not be dropped.
"""

from __future__ import annotations

from typing import Any, TextIO

from audit.engine import SEVERITIES, Finding
from audit.lint import LintResult
from audit.reports import most_severe_first, plural, relative_path, severity_counts

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
CAP = 10
"""Annotations GitHub shows per type and step."""


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: Any) -> str:
    props = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in properties.items()
        if value is not None
    )
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message)}"


def render(result: LintResult, out: TextIO, **_: Any) -> None:
    shown = dict.fromkeys(SEVERITIES, 0)
    limit = {"error": CAP, "warning": CAP, "info": CAP - 1}  # room for the last notice
    for failed in result.failed[:CAP]:
        out.write(command("error", f"cannot read: {failed.error}", file=_path(failed.path)))
        out.write("\n")
        shown["error"] += 1
    findings = result.findings
    printed = 0
    for finding in most_severe_first(findings):
        if shown[finding.severity] >= limit[finding.severity]:
            continue
        shown[finding.severity] += 1
        printed += 1
        out.write(annotation(finding) + "\n")
    out.write(command("notice", _closing(result, len(findings) - printed)) + "\n")


def annotation(finding: Finding) -> str:
    context = " / ".join(p for p in (finding.unit, finding.project) if p)
    message = finding.message + (f"\n{context}" if context else "")
    if finding.location is not None:
        # A cell has no line in the file: the annotation names the cell.
        return command(
            COMMANDS[finding.severity],
            f"{finding.location}: {message}",
            file=_path(finding.file),
            title=finding.rule,
        )
    same_line = finding.end_line in (None, finding.line)
    return command(
        COMMANDS[finding.severity],
        message,
        file=_path(finding.file),
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        # GitHub reads columns only on one line; a span over lines keeps its lines.
        endColumn=finding.end_column if same_line else None,
        title=finding.rule,
    )


def _closing(result: LintResult, hidden: int) -> str:
    counts = severity_counts(result.findings)
    total = sum(counts.values())
    summary = result.summary()
    parts = [
        f"indicator-audit: {plural(total, 'finding')} ({plural(counts['error'], 'error')}, "
        f"{plural(counts['warning'], 'warning')}, {counts['info']} info) "
        f"in {plural(summary['files'], 'file')}, {plural(summary['projects'], 'project')}"
    ]
    if result.failed:
        parts.append(f"{plural(len(result.failed), 'file')} could not be read")
    if hidden > 0:
        parts.append(
            f"{hidden} not shown here (GitHub shows {CAP} annotations of each type): "
            "run with --format text for all findings, or upload --format sarif"
        )
    return "; ".join(parts)


def _path(path: str) -> str:
    return relative_path(path)
