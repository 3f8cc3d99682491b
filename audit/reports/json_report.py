"""``--format json``: exactly one JSON object, the contract CI scripts read.

Version 1 keeps ``version``, ``tool``, ``files``, ``findings`` and ``summary``
as they are; the grades (:mod:`audit.grading`) are added: ``projects`` (the
grade of each project), ``grade`` and ``score`` in each file entry (the
table's grade), and ``summary.grades`` (how many projects have each grade).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from audit import __version__
from audit.grading import grade_report
from audit.lint import LintResult

if TYPE_CHECKING:
    from audit.config import Config


def report_dict(
    result: LintResult, config: Config | None = None, *, findings: bool = True
) -> dict[str, Any]:
    """The report; ``config`` gives the grading (the shipped defaults when None).
    ``findings=False`` leaves a marker where the list of findings goes."""
    grades = grade_report(result, config)
    files = []
    for file_result, table in zip(result.files, grades["tables"], strict=True):
        document = file_result.document
        summary = file_result.summary or {}
        files.append(
            {
                "path": file_result.path,
                "layout": summary.get("layout") if document is None else document.layout,
                "encoding": (
                    summary.get("encoding") if document is None else document.source.encoding
                ),
                **file_result.counts,
                "error": file_result.error,
                "grade": table["grade"],
                "score": table["score"],
            }
        )
    summary = result.summary()
    summary["grades"] = grades["grades"]
    return {
        "version": 1,
        "tool": {"name": "indicator-audit", "version": __version__},
        "files": files,
        "findings": ([finding.as_dict() for finding in result.findings] if findings else _FINDINGS),
        "summary": summary,
        "projects": [
            {
                "file": project["file"],
                "unit": project["unit"],
                "project": project["project"],
                "line": project["line"],
                # A table read from cells: the project's name cell.
                **({"location": project["location"]} if project.get("location") else {}),
                "grade": project["grade"],
                "score": project["score"],
                "counts": project["counts"],
            }
            for project in grades["projects"]
        ],
    }


_FINDINGS = "\x00findings\x00"
_MARKER = json.dumps(_FINDINGS)


def render(result: LintResult, out: TextIO, config: Config | None = None, **_: Any) -> None:
    """Write ``json.dump(report_dict(...), indent=2)``, the findings one at a
    time: a run over many files holds its findings, not a second copy of
    each as a dictionary as well."""
    text = json.dumps(report_dict(result, config, findings=False), ensure_ascii=False, indent=2)
    head, _, tail = text.partition(_MARKER)
    out.write(head)
    first = True
    for file_result in result.files:
        for finding in file_result.findings:
            item = json.dumps(finding.as_dict(), ensure_ascii=False, indent=2)
            out.write(("[\n    " if first else ",\n    ") + item.replace("\n", "\n    "))
            first = False
    out.write("[]" if first else "\n  ]")
    out.write(tail)
    out.write("\n")
