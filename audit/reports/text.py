"""``--format text``: one line per finding, ``file:line:col: severity [rule] message``.

The form editors and CI log parsers understand; findings without a position
(none today) print ``file:0:0``, findings in a table read from cells
``file:cell`` (``book.xlsx:Sheet1!G12``). A file that could not be read prints one
``error [read-error]`` line. A line break in a message (a project name typed on
two lines of its cell) or a path is printed as a space: one finding, one line,
for ``grep`` and the problem matchers of editors and CI.

:func:`render_statistics` is ``--statistics``: only the counts per rule, as
a plain table, whatever the format.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from audit.model import SEVERITIES
from audit.results import LintResult

_BREAKS = re.compile(r"\s*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])\s*")


def one_line(text: str) -> str:
    """``text`` with each line break, and the space around it, as one space."""
    return text if text.isprintable() else _BREAKS.sub(" ", text)


def render(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    from audit.reports import cell_place, read_error

    lang = config.lang if config is not None else "zh"
    for file_result in result.files:
        if file_result.error is not None:
            reason = read_error(file_result.error, lang)
            out.write(one_line(f"{file_result.path}:0:0: error [read-error] {reason}") + "\n")
        for finding in file_result.findings:
            if finding.location is not None:
                where = f"{finding.file}:{cell_place(finding)}"
            else:
                where = f"{finding.file}:{finding.line or 0}:{finding.column or 0}"
            line = f"{where}: {finding.severity} [{finding.rule}] {finding.message}"
            out.write(one_line(line) + "\n")


def render_statistics(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    """``count  error  warning  info  rule  summary``, most frequent rule first,
    then a total row. Plain text (no colour), the same for every format."""
    from audit.reports import by_rule, cells, label, plural, severity_counts

    specs = config.specs() if config is not None else {}
    lang = config.lang if config is not None else "zh"
    rows = [
        (str(sum(counts.values())), *(str(counts[s]) for s in SEVERITIES), rule_id)
        for rule_id, counts in by_rule(result.findings)
    ]
    totals = severity_counts(result.findings)
    total = label(lang, "total")
    rows.append((str(sum(totals.values())), *(str(totals[s]) for s in SEVERITIES), total))
    header = (
        label(lang, "count column"),
        *(label(lang, s) for s in SEVERITIES),
        label(lang, "rule"),
    )
    widths = [max(cells(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        *numbers, rule_id = row
        shown = [
            " " * (width - cells(cell)) + cell for cell, width in zip(numbers, widths, strict=False)
        ]
        spec = specs.get(rule_id)
        summary = f"  {spec.summary_in(lang)}" if spec is not None else ""
        padding = " " * (widths[-1] - cells(rule_id))
        line = "  ".join(shown) + f"  {rule_id}{padding}{summary}"
        out.write(line.rstrip() + "\n")
    if result.failed:
        if lang == "zh":
            out.write(f"{len(result.failed)} 个文件无法读取\n")
        else:
            out.write(f"{plural(len(result.failed), 'file')} could not be read\n")


def render_statistics_json(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    """``--statistics --format json``: one object, ``rules`` most frequent
    first (each with its counts per severity and its summary), and totals."""
    import json

    from audit.reports import by_rule, severity_counts

    specs = config.specs() if config is not None else {}
    lang = config.lang if config is not None else "zh"
    rules = []
    for rule_id, counts in by_rule(result.findings):
        spec = specs.get(rule_id)
        rules.append(
            {
                "rule": rule_id,
                "group": spec.family if spec is not None else None,
                "count": sum(counts.values()),
                **counts,
                "summary": spec.summary_in(lang) if spec is not None else None,
            }
        )
    totals = severity_counts(result.findings)
    payload = {
        "rules": rules,
        "total": {"count": sum(totals.values()), **totals},
        "files": len(result.files),
        "failed": [{"path": r.path, "error": r.error} for r in result.failed],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
