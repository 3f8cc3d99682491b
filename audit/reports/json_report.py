"""``--format json``: exactly one JSON object, the contract CI scripts read."""

from __future__ import annotations

import json
from typing import Any, TextIO

from audit import __version__
from audit.lint import LintResult


def report_dict(result: LintResult) -> dict[str, Any]:
    files = []
    for file_result in result.files:
        document = file_result.document
        files.append(
            {
                "path": file_result.path,
                "layout": None if document is None else document.layout,
                "encoding": None if document is None else document.source.encoding,
                **file_result.counts,
                "error": file_result.error,
            }
        )
    return {
        "version": 1,
        "tool": {"name": "indicator-audit", "version": __version__},
        "files": files,
        "findings": [finding.as_dict() for finding in result.findings],
        "summary": result.summary(),
    }


def render(result: LintResult, out: TextIO, **_: Any) -> None:
    json.dump(report_dict(result), out, ensure_ascii=False, indent=2)
    out.write("\n")
