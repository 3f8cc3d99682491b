"""``--format json``: exactly one JSON object, the contract CI scripts read.

Version 1 keeps ``version``, ``tool``, ``files``, ``findings`` and ``summary``
as they are; the grades (:mod:`audit.grading`) are added: ``projects`` (the
grade of each project), ``grade`` and ``score`` in each file entry (the
table's grade), and ``summary.grades`` (how many projects have each grade).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
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


_encode_string: Callable[[str], str] = (
    getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
)


def indented(value: Any, margin: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, each line after the
    first indented by ``margin``: the same text, made several times faster.

    The standard library writes an indented document in pure Python, one
    small piece at a time through nested generators; that was most of the
    report's time on a large corpus, and all of it came after the last file
    was linted. Its C encoder writes only documents without indentation, but
    an object whose values are all plain (a finding, a project's counts) is
    the same text as that encoder writes with ``",\\n" + margin`` between its
    members. So such objects go to the C encoder, and only the containers
    around them are walked here."""
    parts: list[str] = []
    _encode(value, margin, parts)
    return "".join(parts)


_CONSTANTS = {None: "null", True: "true", False: "false"}
_PLAIN = frozenset({str, int, float, bool, type(None)})
_STRING = frozenset({str})
_flat_encoders: dict[str, Callable[[Any], str]] = {}


def _flat_encoder(margin: str) -> Callable[[Any], str]:
    """The C encoder writing an object's members one per line at ``margin``."""
    encode = _flat_encoders.get(margin)
    if encode is None:
        encoder = json.JSONEncoder(ensure_ascii=False, separators=(",\n" + margin, ": "))
        encode = _flat_encoders[margin] = encoder.encode
    return encode


def _encode(value: Any, margin: str, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(_encode_string(value))
    elif kind is int:
        parts.append(int.__repr__(value))
    elif value is None or kind is bool:
        parts.append(_CONSTANTS[value])
    elif kind is dict and value and _STRING.issuperset(map(type, value)):
        inner = margin + "  "
        if _PLAIN.issuperset(map(type, value.values())):
            parts.append("{\n" + inner + _flat_encoder(inner)(value)[1:-1] + "\n" + margin + "}")
            return
        lead = "{\n" + inner
        for key, item in value.items():
            head = lead + _encode_string(key) + ": "
            lead = ",\n" + inner
            kind = type(item)
            if kind is str:  # most members are plain: written here, not in a call of their own
                parts.append(head + _encode_string(item))
            elif kind is int:
                parts.append(head + int.__repr__(item))
            elif item is None or kind is bool:
                parts.append(head + _CONSTANTS[item])
            else:
                parts.append(head)
                _encode(item, inner, parts)
        parts.append("\n" + margin + "}")
    elif (kind is list or kind is tuple) and value:
        inner = margin + "  "
        lead = "[\n" + inner
        for item in value:
            parts.append(lead)
            _encode(item, inner, parts)
            lead = ",\n" + inner
        parts.append("\n" + margin + "]")
    else:  # floats, empty containers, anything else: as the standard library writes them
        parts.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + margin))


def _render(result: LintResult, out: _Buffered, config: Config | None) -> None:
    report = report_dict(result, config, findings=False)
    lead = "{\n  "
    for key, value in report.items():
        out.write(lead + _encode_string(key) + ": ")
        lead = ",\n  "
        if key == "findings":
            items: Iterable[Any] = (
                finding.as_dict()
                for file_result in result.files
                for finding in file_result.findings
            )
        elif type(value) is list:  # files, projects: an item at a time, never one string
            items = value
        else:
            out.write(indented(value, "  "))
            continue
        item_lead = "[\n    "
        for item in items:
            out.write(item_lead + indented(item, "    "))
            item_lead = ",\n    "
        out.write("[]" if item_lead == "[\n    " else "\n  ]")
    out.write("\n}\n")
