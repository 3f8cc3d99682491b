"""``--format text``: one line per finding, ``file:line:col: severity [rule] message``.

The form editors and CI log parsers understand; findings without a position
(none today) print ``file:0:0``.
"""

from __future__ import annotations

from typing import Any, TextIO

from audit.lint import LintResult


def render(result: LintResult, out: TextIO, **_: Any) -> None:
    for file_result in result.files:
        if file_result.error is not None:
            out.write(f"{file_result.path}:0:0: error [read-error] {file_result.error}\n")
        for finding in file_result.findings:
            where = f"{finding.file}:{finding.line or 0}:{finding.column or 0}"
            out.write(f"{where}: {finding.severity} [{finding.rule}] {finding.message}\n")
