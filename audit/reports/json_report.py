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
from audit.results import LintResult

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


def render(result: LintResult, out: TextIO, config: Config | None = None, **_: Any) -> None:
    """Write ``json.dump(report_dict(...), indent=2)`` as it goes, the
    findings one at a time: a run over many files holds its findings, not a
    second copy of each as a dictionary, nor the report as one string."""
    buffered = _Buffered(out)
    _render(result, buffered, config)
    buffered.flush()


class _Buffered:
    """Joins the encoder's many small pieces into blocks of about 64 KiB
    before writing them: one write per piece costs more than encoding it."""

    __slots__ = ("out", "parts", "size")

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= 65536:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.out.write("".join(self.parts))
            self.parts = []
            self.size = 0


def _render(result: LintResult, out: _Buffered, config: Config | None) -> None:
    report = report_dict(result, config, findings=False)
    keys = list(report)
    at = keys.index("findings")
    head = {key: report[key] for key in keys[:at]}
    tail = {key: report[key] for key in keys[at + 1 :]}
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    # The head without its closing "\n}", then the findings, then the tail
    # without its opening "{".
    chunks = encoder.iterencode(head)
    held: list[str] = []
    for chunk in chunks:
        held.append(chunk)
        if len(held) > 2:
            out.write(held.pop(0))
    if held != ["\n", "}"]:  # the standard library's chunks: "…", "\n", "}"
        raise RuntimeError(f"unexpected end of the JSON report: {held!r}")
    out.write(',\n  "findings": ')
    first = True
    for file_result in result.files:
        for finding in file_result.findings:
            item = json.dumps(finding.as_dict(), ensure_ascii=False, indent=2)
            out.write(("[\n    " if first else ",\n    ") + item.replace("\n", "\n    "))
            first = False
    out.write("[]" if first else "\n  ]")
    chunks = encoder.iterencode(tail)
    if next(chunks) != "{":
        raise RuntimeError("unexpected start of the JSON report's tail")
    out.write(",")
    for chunk in chunks:
        out.write(chunk)
    out.write("\n")
