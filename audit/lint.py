"""Linting files: read → parse → check, each stage timed on its own."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from audit.config import Config
from audit.engine import SEVERITY_RANK, Finding, run, severity_counts
from audit.model import Document


class FileResult:
    """One input: its document, or why it could not be read, and findings."""

    __slots__ = ("document", "error", "findings", "path")

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

    @property
    def counts(self) -> dict[str, int]:
        if self.document is None:
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


def lint_paths(
    paths: Iterable[str],
    config: Config,
    load: Callable[[str], Document],
    on_file: Callable[[str], None] | None = None,
) -> LintResult:
    """Read, parse and check every path; a file that cannot be read is
    recorded with its reason and the others are still checked. ``load`` reads
    one path into a document (parsed or not: clauses not yet parsed are)."""
    from audit.parsing import parse_document
    from audit.readers import ReadError

    result = LintResult(files=[])
    timings = {"read": 0.0, "parse": 0.0, "check": 0.0}
    clock = time.perf_counter
    for path in paths:
        if on_file is not None:
            on_file(path)
        file_result = FileResult(path)
        started = clock()
        try:
            document = load(path)
        except ReadError as error:
            file_result.error = str(error)
            document = None
        read = clock()
        timings["read"] += read - started
        if document is not None:
            document = parse_document(document)
            parsed = clock()
            timings["parse"] += parsed - read
            file_result.document = document
            file_result.findings = run(document, config)
            timings["check"] += clock() - parsed
        result.files.append(file_result)
    result.timings = timings
    return result
