"""``--format github``: GitHub Actions workflow commands, shown inline on the
pull request's files. Chosen automatically when ``GITHUB_ACTIONS=true`` and
no ``--format`` is given.

One line per finding::

    ::error file=hrss.txt,line=143,col=318,endLine=143,endColumn=323,title=repeated-field::…

``info`` becomes ``notice``. The message is escaped as GitHub's toolkit does
(``%`` ``\\r`` ``\\n``), property values also ``:`` and ``,``.

GitHub shows at most 10 annotations of each type per step (and 50 per job),
dropping the rest silently. So the most severe are printed first, at most
10 errors and 10 warnings and 9 notices — within each, one finding of every
rule before a second of any — and one last ``::notice::`` gives
the counts and says how to see every finding — it is the tenth notice, the
one that must not be dropped.
"""

from __future__ import annotations

from typing import Any, TextIO

from audit.model import SEVERITIES, Finding
from audit.output import relative_path
from audit.reports import cell_place, count_words, label, read_error, severity_counts
from audit.results import LintResult

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


def render(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    lang = config.lang if config is not None else "zh"
    shown = dict.fromkeys(SEVERITIES, 0)
    limit = {"error": CAP, "warning": CAP, "info": CAP - 1}  # room for the last notice
    for failed in result.failed[:CAP]:
        colon = "：" if lang == "zh" else ": "
        reason = f"{label(lang, 'cannot read')}{colon}{read_error(str(failed.error), lang)}"
        out.write(command("error", reason, file=_path(failed.path)))
        out.write("\n")
        shown["error"] += 1
    findings = result.findings
    printed = 0
    for finding in chosen(findings, {s: limit[s] - shown[s] for s in SEVERITIES}):
        printed += 1
        out.write(annotation(finding) + "\n")
    out.write(command("notice", _closing(result, len(findings) - printed, lang)) + "\n")


def chosen(findings: list[Finding], room: dict[str, int]) -> list[Finding]:
    """The findings to annotate, most severe first: within a severity, the
    first finding of each rule until every rule has one, then the others in
    file order, up to ``room`` per severity. So ten placeholders do not hide
    the one parse error or the repeated field."""
    picked: list[Finding] = []
    for severity in SEVERITIES:
        level = [f for f in findings if f.severity == severity]
        firsts: dict[str, int] = {}
        for index, finding in enumerate(level):
            firsts.setdefault(finding.rule, index)
        order = sorted(firsts.values())
        taken = set(order)
        order += [i for i in range(len(level)) if i not in taken]
        picked.extend(level[i] for i in order[: max(room[severity], 0)])
    return picked


def annotation(finding: Finding) -> str:
    context = " / ".join(p for p in (finding.unit, finding.project) if p)
    message = finding.message + (f"\n{context}" if context else "")
    if finding.location is not None:
        # A cell has no line in the file: the annotation names the cell.
        return command(
            COMMANDS[finding.severity],
            f"{cell_place(finding)}: {message}",
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


def _closing(result: LintResult, hidden: int, lang: str) -> str:
    counts = severity_counts(result.findings)
    total = sum(counts.values())
    summary = result.summary()
    found = count_words(counts, lang)
    if lang == "en":
        found = f"{total} findings ({found})" if total else found
    parts = [
        label(
            lang,
            "github closing",
            counts=found,
            files=summary["files"],
            projects=summary["projects"],
        )
    ]
    if result.failed:
        parts.append(label(lang, "github unread", n=len(result.failed)))
    if hidden > 0:
        parts.append(label(lang, "github hidden", hidden=hidden, cap=CAP))
    return ("；" if lang == "zh" else "; ").join(parts)


def _path(path: str) -> str:
    return relative_path(path)
