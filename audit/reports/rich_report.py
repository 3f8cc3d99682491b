"""``--format rich``: the report a reviewer reads at a terminal.

Findings are grouped file → unit → project. Each shows its severity (colour
and word), rule id, ``file:line:col`` (terminals and editors open it), the
clause and field, the message, and the source line around it — trimmed to
the terminal's width, since a cell can be 2000 characters long — with the
exact characters it points at highlighted and underlined with ``^``, so the
place is visible without colour too. A summary follows: findings by rule and
severity, by unit, what was checked, files that could not be read, and a
one-line verdict that agrees with the exit status.

rich is imported by this module only (and the progress bar), which is
imported only when the format is chosen: other formats start without it.
Colour follows rich's detection: none in a pipe or a file, none with
``NO_COLOR``; the layout follows the console's width.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from audit.model import SEVERITIES, Finding
from audit.reports import (
    ELLIPSIS,
    Grades,
    UnitGroup,
    by_rule,
    cells,
    excerpt,
    group,
    label,
    location,
    read_error,
    severity_counts,
    unit_title,
    verdict,
    where,
)
from audit.results import FileResult, LintResult

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
GRADE_STYLE = {"优": "bold green", "良": "green", "中": "yellow", "差": "bold red"}
INDENT = 2


def render(
    result: LintResult,
    out: TextIO,
    *,
    config: Any = None,
    fail_on: str = "error",
    suppressed: int = 0,
    stale: int = 0,
    console: Console | None = None,
    **_: Any,
) -> None:
    if console is None:
        from audit.output import broken_pipe

        console = Console(file=out, highlight=False, emoji=False)
        console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    lang = config.lang if config is not None else "zh"
    report = _Report(console, lang, Grades(result, config))
    for file_result in result.files:
        report.file(file_result)
    report.summary(result, config, fail_on, suppressed, stale)


class _Report:
    """Builds the findings part line by line (already wrapped to the width)
    and prints each file's lines at once: one ``console.print`` per line
    would cost more than everything else together."""

    def __init__(self, console: Console, lang: str, grades: Grades) -> None:
        self.console = console
        self.width = console.width
        self.lang = lang
        self.grades = grades
        self.severity_width = max(cells(label(lang, s)) for s in SEVERITIES)
        self.lines: list[Text] = []

    def flush(self) -> None:
        if self.lines:
            self.console.print(
                Text("\n").join(self.lines), no_wrap=True, overflow="ignore", crop=False
            )
            self.lines = []

    # ----------------------------------------------------------------------
    # Findings

    def file(self, file_result: FileResult) -> None:
        title = Text(file_result.path, style="bold")
        if file_result.error is None:
            document = file_result.document
            found = len(file_result.findings)
            title.append(
                f"  {document.layout if document is not None else '?'} · "
                + label(self.lang, "file counts", **file_result.counts)
                + " · "
                + (
                    label(self.lang, "findings", n=found)
                    if found
                    else label(self.lang, "no findings")
                ),
                style="not bold dim",
            )
            grade = self.grades.table(file_result.path)
            if grade is not None:
                title.append(
                    f"  {label(self.lang, 'table grade', grade=grade)}", style=GRADE_STYLE[grade]
                )
        self._wrapped(title, 0)
        self.lines.append(Text("─" * self.width, style="dim"))
        if file_result.error is not None:
            colon = "：" if self.lang == "zh" else ": "
            reason = read_error(str(file_result.error), self.lang)
            message = f"✗ {label(self.lang, 'cannot read')}{colon}{reason}"
            self._wrapped(Text(message, style="bold red"), 0)
        elif not file_result.findings:
            self.lines.append(Text(f"✓ {label(self.lang, 'no findings')}", style="green"))
        for unit in group(file_result):
            self.unit(unit, file_result)
        self.lines.append(Text())
        self.flush()

    def unit(self, unit: UnitGroup, file_result: FileResult) -> None:
        self._wrapped(Text(unit_title(unit, self.lang), style="bold cyan"), 0)
        for finding in unit.findings:
            self.finding(finding, file_result, INDENT)
        for project in unit.projects:
            heading = Text(project.title, style="bold")
            grade = self.grades.project(file_result.path, unit.title, project.title)
            if grade is not None:
                heading.append(f"  【{grade}】", style=GRADE_STYLE[grade])
            self._wrapped(heading, INDENT)
            for finding in project.findings:
                self.finding(finding, file_result, 2 * INDENT)

    def finding(self, finding: Finding, file_result: FileResult, indent: int) -> None:
        """Severity, rule, clause and field; the message; ``file:line:col``;
        the source line with the span highlighted and marked with ``^``."""
        colour = COLOURS[finding.severity]
        word = label(self.lang, finding.severity)
        body = indent + self.severity_width + 2
        head = Text()
        head.append(word, style=f"bold {colour}")
        head.append(" " * (self.severity_width - cells(word) + 2))
        head.append(finding.rule, style="bold")
        tag = where(finding, self.lang)
        if tag:
            head.append(f"  {tag}", style="dim")
        self._wrapped(head, body, first=indent)
        self._wrapped(Text(finding.message), body)
        self._wrapped(Text(location(finding), style="dim underline"), body)
        lines = excerpt(file_result.document, finding, self.width - body - 8)
        if not lines:
            if finding.excerpt:
                self._wrapped(Text(f"「{finding.excerpt}」", style="dim"), body)
            return
        number_width = len(str(lines[-1].number))
        for line in lines:
            self.lines.append(self._source_line(line, number_width, body, colour))
            self.lines.append(self._carets(line, number_width, body, colour))

    def _wrapped(self, text: Text, indent: int, first: int | None = None) -> None:
        """``text`` wrapped to the console's width with every line indented
        by ``indent`` (the first by ``first``), without trailing padding."""
        first = indent if first is None else first
        width = max(self.width - indent, 20)
        plain = text.plain
        if "\n" not in plain and cells(plain.rstrip()) <= width:
            # Most lines fit: rich's wrapping measures every character.
            text.rstrip()
            self.lines.append(Text(" " * first) + text)
            return
        for index, line in enumerate(text.wrap(self.console, width, overflow="fold")):
            line.rstrip()
            self.lines.append(Text(" " * (first if index == 0 else indent)) + line)

    def _source_line(self, line: Any, number_width: int, body: int, colour: str) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        number = line.number or ""  # 0: a cell's text, not a line of the file
        text.append(" " * body + f"{number:>{number_width}} │ ", style="dim")
        if line.cut_left:
            text.append(ELLIPSIS, style="dim")
        text.append(line.before)
        text.append(line.marked, style=f"bold {colour} reverse")
        text.append(line.after)
        if line.cut_right:
            text.append(ELLIPSIS, style="dim")
        return text

    def _carets(self, line: Any, number_width: int, body: int, colour: str) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        text.append(" " * (body + number_width) + " │ ", style="dim")
        lead = cells(line.before) + (len(ELLIPSIS) if line.cut_left else 0)
        text.append(" " * lead)
        text.append("^" * max(1, cells(line.marked)), style=f"bold {colour}")
        return text

    # ----------------------------------------------------------------------
    # Summary

    def summary(
        self, result: LintResult, config: Any, fail_on: str, suppressed: int, stale: int
    ) -> None:
        console = self.console
        lang = self.lang
        findings = result.findings
        if findings:
            console.print(self._rule_table(findings, config))
            units = [
                (file_result, unit) for file_result in result.files for unit in group(file_result)
            ]
            if len(units) > 1:
                several = len({id(file_result) for file_result, _ in units}) > 1
                console.print(self._unit_table(units, multiple_files=several))
        summary = result.summary()
        console.print(
            Text(
                label(
                    lang,
                    "checked",
                    files=summary["files"],
                    units=summary["units"],
                    projects=summary["projects"],
                    clauses=summary["clauses"],
                )
            )
        )
        # A file that could not be read is shown once, in its own section;
        # the verdict below counts it.
        if summary["projects"]:
            console.print(Text(self.grades.line(lang)))
        if suppressed:
            console.print(Text(label(lang, "suppressed", n=suppressed), style="dim"))
        if stale:
            console.print(Text(label(lang, "stale", n=stale), style="dim"))
        passed, line = verdict(result, fail_on, lang)
        console.print(Text(line, style="bold green" if passed else "bold red"))

    def _rule_table(self, findings: list[Finding], config: Any) -> Any:
        lang = self.lang
        specs = config.specs() if config is not None else {}
        table = _summary_table(label(lang, "by rule"))
        rows = by_rule(findings)
        headers = [label(lang, "rule"), *(label(lang, s) for s in SEVERITIES), label(lang, "total")]
        widths = [
            max(cells(headers[0]), *(len(rule_id) for rule_id, _ in rows)),
            *(max(cells(h), len(str(len(findings)))) for h in headers[1:]),
        ]
        table.add_column(headers[0], overflow="fold")
        for severity in SEVERITIES:
            table.add_column(
                label(lang, severity), justify="right", header_style=f"bold {COLOURS[severity]}"
            )
        table.add_column(headers[-1], justify="right")
        # The summary takes what is left; rich would squeeze the counts instead.
        # Each column is padded by one space a side, with a space between
        # columns and at each edge (no padding at the edges): 3n - 1 in all.
        # The summary takes what is left (rich would squeeze the counts
        # instead) and is left out of a narrow terminal.
        room = self.console.width - sum(widths) - 3 * (len(widths) + 1) + 1
        with_summary = room >= 16
        if with_summary:
            table.add_column(
                label(lang, "summary"), no_wrap=True, overflow="ellipsis", max_width=room
            )
        for index, (rule_id, counts) in enumerate(rows):
            spec = specs.get(rule_id)
            summary = [spec.summary_in(lang) if spec is not None else ""] if with_summary else []
            table.add_row(
                rule_id,
                *_numbers(counts),
                str(sum(counts.values())),
                *summary,
                end_section=index == len(rows) - 1,
            )
        totals = severity_counts(findings)
        table.add_row(
            label(lang, "total"), *_numbers(totals), str(sum(totals.values())), style="bold"
        )
        return table

    def _unit_table(self, units: list[tuple[FileResult, UnitGroup]], multiple_files: bool) -> Any:
        lang = self.lang
        table = _summary_table(label(lang, "by unit"))
        if multiple_files:
            table.add_column(label(lang, "file"), overflow="fold")
        table.add_column(label(lang, "unit"), overflow="fold")
        table.add_column(label(lang, "projects"), justify="right")
        for severity in SEVERITIES:
            table.add_column(
                label(lang, severity), justify="right", header_style=f"bold {COLOURS[severity]}"
            )
        for file_result, unit in units:
            row = [
                unit_title(unit, lang),
                str(len(unit.projects)),
                *_numbers(severity_counts(unit.all_findings)),
            ]
            if multiple_files:
                row.insert(0, file_result.path.replace("\\", "/").rsplit("/", 1)[-1])
            table.add_row(*row)
        return table


def _summary_table(title: str) -> Table:
    """An empty summary table in the report's style."""
    return Table(
        title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False
    )


def _numbers(counts: dict[str, int]) -> list[str]:
    return [str(counts[s]) if counts[s] else "-" for s in SEVERITIES]
