"""``--format text``: one line per finding, ``file:line:col: severity [rule] message``.

The form editors and CI log parsers understand; findings without a position
(none today) print ``file:0:0``, findings in a table read from cells
``file:cell`` (``book.xlsx:Sheet1!G12``). A file that could not be read prints one
``error [read-error]`` line.

:func:`render_statistics` is ``--statistics``: only the counts per rule, as
a plain table, whatever the format.
"""

from __future__ import annotations

from typing import Any, TextIO

from audit.engine import SEVERITIES
from audit.lint import LintResult


def render(result: LintResult, out: TextIO, **_: Any) -> None:
    for file_result in result.files:
        if file_result.error is not None:
            out.write(f"{file_result.path}:0:0: error [read-error] {file_result.error}\n")
        for finding in file_result.findings:
            if finding.location is not None:
                where = f"{finding.file}:{finding.location}"
            else:
                where = f"{finding.file}:{finding.line or 0}:{finding.column or 0}"
            out.write(f"{where}: {finding.severity} [{finding.rule}] {finding.message}\n")


def render_statistics(result: LintResult, out: TextIO, config: Any = None, **_: Any) -> None:
    """``count  error  warning  info  rule  summary``, most frequent rule first,
    then a total row. Plain text (no colour), the same for every format."""
    from audit.reports import by_rule, plural, severity_counts

    specs = config.specs() if config is not None else {}
    rows = [
        (str(sum(counts.values())), *(str(counts[s]) for s in SEVERITIES), rule_id)
        for rule_id, counts in by_rule(result.findings)
    ]
    totals = severity_counts(result.findings)
    rows.append((str(sum(totals.values())), *(str(totals[s]) for s in SEVERITIES), "total"))
    header = ("count", *SEVERITIES, "rule")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        *numbers, rule_id = (cell.rjust(width) for cell, width in zip(row, widths, strict=True))
        rule_id = rule_id.strip()
        spec = specs.get(rule_id)
        summary = f"  {spec.summary}" if spec is not None else ""
        line = "  ".join(numbers) + f"  {rule_id.ljust(widths[-1])}{summary}"
        out.write(line.rstrip() + "\n")
    if result.failed:
        out.write(f"{plural(len(result.failed), 'file')} could not be read\n")
