"""``--format gitlab``: a GitLab Code Quality report, the JSON array a job
publishes with ``artifacts: reports: codequality:`` so merge requests show
the findings.

Each finding is ``{"description", "check_name", "fingerprint", "severity",
"location": {"path", "lines": {"begin"}}}``; severities are GitLab's
(``error`` → ``major``, ``warning`` → ``minor``, ``info`` → ``info``; a file
that cannot be read is ``blocker``). The fingerprint hashes what the finding
is about (as the baseline and SARIF do), not its line, numbered when the
same finding occurs more than once, so GitLab tells new findings from old
ones when rows move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from audit.output import relative_path
from audit.reports import read_error
from audit.results import LintResult

_NAMES = "surrogateescape"
"""A file name that is not UTF-8 is fingerprinted as the bytes it is."""

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(result: LintResult, lang: str = "zh") -> list[dict[str, Any]]:
    from audit.baseline import finding_keys

    report: list[dict[str, Any]] = []
    for file_result in result.files:
        path = relative_path(file_result.path)
        if file_result.error is not None:
            digest = hashlib.sha256(f"read-error\0{path}".encode(errors=_NAMES)).hexdigest()
            report.append(
                {
                    "type": "issue",
                    "description": read_error(file_result.error, lang),
                    "check_name": "read-error",
                    "fingerprint": digest,
                    "severity": "blocker",
                    "location": {"path": path, "lines": {"begin": 1}},
                }
            )
            continue
        seen: Counter[str] = Counter()
        for finding, key in zip(file_result.findings, finding_keys(file_result), strict=True):
            digest = hashlib.sha256(
                "\0".join(part or "" for part in key).encode(errors=_NAMES)
            ).hexdigest()
            seen[digest] += 1
            fingerprint = hashlib.sha256(f"{digest}:{seen[digest]}".encode()).hexdigest()
            context = " / ".join(p for p in (finding.unit, finding.project) if p)
            report.append(
                {
                    "type": "issue",
                    "description": finding.message + (f"（{context}）" if context else ""),
                    "check_name": finding.rule,
                    "fingerprint": fingerprint,
                    "severity": SEVERITIES[finding.severity],
                    "location": {
                        "path": relative_path(finding.file),
                        "lines": {"begin": finding.line or 1},
                    },
                }
            )
    return report


def render(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    lang = config.lang if config is not None else "zh"
    json.dump(issues(result, lang), out, ensure_ascii=False, indent=2)
    out.write("\n")
