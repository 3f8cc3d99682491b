"""What a lint run produced: each file's findings, or why it could not be
read, and the time each stage took. Every report renders a
:class:`LintResult`; grades and baselines are computed from it."""

from __future__ import annotations

from collections import Counter
from typing import Any

from audit.model import SEVERITY_RANK, Clause, Document, Finding, severity_counts


class FileResult:
    """One input: its document, or why it could not be read, and findings.

    A worker may leave the document out (it is large to send between
    processes); ``summary`` then keeps what the reports that do not show
    source text need of it: the counts, the layout, the encoding, the grades
    and the name of the clause of each finding (for SARIF fingerprints).
    ``timings`` holds the seconds each stage took on this file.
    """

    __slots__ = (
        "baselined",
        "document",
        "error",
        "findings",
        "internal",
        "note",
        "path",
        "summary",
        "timings",
    )

    def __init__(
        self,
        path: str,
        document: Document | None = None,
        error: str | None = None,
        findings: list[Finding] | None = None,
    ) -> None:
        self.path = path
        self.document = document
        self.error = error
        self.findings: list[Finding] = [] if findings is None else findings
        self.baselined: list[Finding] = []
        """Findings a baseline took out of ``findings``: not shown, not
        counted in the exit status, but still graded."""
        self.summary: dict[str, Any] | None = None
        self.timings: dict[str, float] = {}
        self.note: str | None = None
        self.internal: str | None = None
        """For a file a bug in the tool (or a plugin) failed on: whose bug it
        is and how to report it (``error`` says what failed)."""
        """Why a file was passed over (a table of another kind the tool
        knows, e.g. a 部门整体支出绩效目标表); None for one that is no table."""

    @property
    def skipped(self) -> bool:
        """A walked file that turned out not to be a table, or a file of a
        kind the tool passes over (``note``): no document, no error, nothing
        kept of a document."""
        return self.document is None and self.error is None and self.summary is None

    @property
    def counts(self) -> dict[str, int]:
        if self.document is None:
            if self.summary is not None:
                return {key: self.summary[key] for key in ("units", "projects", "clauses")}
            return {"units": 0, "projects": 0, "clauses": 0}
        counts = self.document.counts()
        return {key: counts[key] for key in ("units", "projects", "clauses")}


class LintResult:
    """Every file of a run, with the time each stage took."""

    __slots__ = ("files", "timings")

    def __init__(self, files: list[FileResult], timings: dict[str, float] | None = None) -> None:
        self.files = files
        self.timings: dict[str, float] = {} if timings is None else timings

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.files if r.error is not None]

    def summary(self) -> dict[str, Any]:
        findings = self.findings
        totals = Counter[str]()
        for result in self.files:
            totals.update(result.counts)
        by_severity = severity_counts(findings)
        by_rule = dict(sorted(Counter(f.rule for f in findings).items()))
        return {
            "files": len(self.files),
            "failed": len(self.failed),
            "units": totals["units"],
            "projects": totals["projects"],
            "clauses": totals["clauses"],
            "findings": len(findings),
            "by_severity": by_severity,
            "by_rule": by_rule,
        }

    def reaches(self, threshold: str) -> bool:
        """True when a finding is at least as severe as ``threshold``."""
        if threshold == "never":
            return False
        rank = SEVERITY_RANK[threshold]
        return any(SEVERITY_RANK[f.severity] >= rank for f in self.findings)


def clause_names(file_result: FileResult) -> list[str | None]:
    """The name of the clause each finding is in (None outside a clause),
    from the document or, once it is dropped, from the file's summary."""
    summary = file_result.summary
    if file_result.document is None and summary is not None and "clause_names" in summary:
        return summary["clause_names"]
    clauses = _ClauseIndex(file_result.document)
    return [clauses.name(f) for f in file_result.findings]


class _ClauseIndex:
    """Finds the clause a finding is in, by project and clause number (and by
    position when numbers repeat), to key on the clause's name."""

    def __init__(self, document: Document | None) -> None:
        self.by_project: dict[str, list[Clause]] = {}
        if document is None:
            return
        for project in document.projects:
            found = self.by_project.setdefault(project.title, [])
            found.extend(c for c in project.clauses if isinstance(c, Clause))

    def name(self, finding: Finding) -> str | None:
        if finding.clause is None or finding.project is None:
            return None
        candidates = [
            c for c in self.by_project.get(finding.project, ()) if c.number == finding.clause
        ]
        if len(candidates) > 1 and finding.line is not None:
            at = (finding.line, finding.column or 1)
            inside = [
                c
                for c in candidates
                if (c.span.line, c.span.column) <= at < (c.span.end_line, c.span.end_column)
            ]
            candidates = inside or candidates
        return candidates[0].name if candidates else None
