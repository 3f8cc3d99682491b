"""``--format html``: one self-contained page (inline CSS, no scripts, no
external assets) to send to the unit that has to fix its table.

The same report as the terminal's: the verdict and summary first (findings
by rule and by unit, what was checked, files that could not be read), then
the findings grouped by file, unit and project, each with its location, the
clause and field, the message and the source excerpt with the exact
characters highlighted. All table text is escaped. ``lang="zh-CN"``.
"""

from __future__ import annotations

import html
import re
from typing import Any, TextIO

from audit import __version__
from audit.engine import SEVERITIES, Finding
from audit.lint import FileResult, LintResult
from audit.reports import (
    ELLIPSIS,
    Grades,
    by_rule,
    excerpt,
    group,
    label,
    location,
    severity_counts,
    unit_title,
    verdict,
    where,
)

EXCERPT_WIDTH = 120
"""Terminal-style columns of source shown around a finding."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

STYLE = """
body { font: 15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
       margin: 2em auto; max-width: 70em; padding: 0 1em; color: #1f2328; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.1em; color: #0550ae; margin: 1.2em 0 .3em; }
h4 { font-size: 1em; margin: .8em 0 .2em 1em; }
small, .meta, .where { color: #656d76; }
.verdict { font-weight: bold; font-size: 1.1em; }
.pass { color: #1a7f37; } .fail { color: #cf222e; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid #d0d7de; padding: .2em .8em; text-align: left; }
th, td code { white-space: nowrap; }
.grade { display: inline-block; font-size: .8em; padding: 0 .5em; margin-left: .5em;
         border-radius: 1em; border: 1px solid currentColor; font-weight: bold; }
.g优 { color: #1a7f37; } .g良 { color: #4d8a2b; } .g中 { color: #9a6700; } .g差 { color: #cf222e; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ol.findings { list-style: none; padding-left: 1em; margin: 0; }
ol.findings.project { padding-left: 2em; }
li.finding { margin: .6em 0; }
.sev { display: inline-block; min-width: 3em; font-weight: bold; }
.error .sev, th.error { color: #cf222e; }
.warning .sev, th.warning { color: #9a6700; }
.info .sev, th.info { color: #0969da; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.loc { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; color: #656d76; }
p.msg { margin: .1em 0 .2em 3.4em; }
pre.src { margin: 0 0 0 3.4em; padding: .3em .6em; background: #f6f8fa; border-radius: 4px;
          white-space: pre-wrap; word-break: break-all; }
pre.src .ln { color: #8c959f; user-select: none; margin-right: 1em; }
pre.src .cut { color: #8c959f; }
mark { background: #ffd8d3; color: inherit; border-bottom: 2px solid #cf222e; }
.warning mark { background: #fff1c2; border-bottom-color: #9a6700; }
.info mark { background: #ddf4ff; border-bottom-color: #0969da; }
.failed { color: #cf222e; }
""".strip()


def _e(text: object) -> str:
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


def render(
    result: LintResult,
    out: TextIO,
    *,
    config: Any = None,
    fail_on: str = "error",
    suppressed: int = 0,
    stale: int = 0,
    **_: Any,
) -> None:
    lang = config.lang if config is not None else "zh"
    specs = config.specs() if config is not None else {}
    title = label(lang, "report")
    names = "、".join(f.path for f in result.files[:3]) + ("…" if len(result.files) > 3 else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}：{_e(names)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
    ]
    passed, line = verdict(result, fail_on, lang)
    parts.append(f'<p class="verdict {"pass" if passed else "fail"}">{_e(line)}</p>')
    summary = result.summary()
    checked = label(
        lang,
        "checked",
        files=summary["files"],
        units=summary["units"],
        projects=summary["projects"],
        clauses=summary["clauses"],
    )
    parts.append(f"<p>{_e(checked)}</p>")
    grades = Grades(result, config)
    if summary["projects"]:
        parts.append(f"<p>{_e(grades.line(lang))}</p>")
    for failed in result.failed:
        parts.append(
            f'<p class="failed">✗ {_e(failed.path)}：{_e(label(lang, "cannot read"))}：'
            f"{_e(failed.error)}</p>"
        )
    if suppressed:
        parts.append(f'<p class="meta">{_e(label(lang, "suppressed", n=suppressed))}</p>')
    if stale:
        parts.append(f'<p class="meta">{_e(label(lang, "stale", n=stale))}</p>')
    if result.findings:
        parts.extend(_rule_table(result.findings, specs, lang))
        parts.extend(_unit_table(result, lang))
    for file_result in result.files:
        parts.extend(_file(file_result, lang, grades))
    parts.append(f'<p class="meta">indicator-audit {_e(__version__)}</p>')
    parts.append("</body>")
    parts.append("</html>")
    out.write("\n".join(parts) + "\n")


def _severity_headers(lang: str) -> str:
    return "".join(f'<th class="n {s}">{_e(label(lang, s))}</th>' for s in SEVERITIES)


def _numbers(counts: dict[str, int]) -> str:
    return "".join(f'<td class="n">{counts[s] or ""}</td>' for s in SEVERITIES)


def _rule_table(findings: list[Finding], specs: dict[str, Any], lang: str) -> list[str]:
    rows = [
        f"<h2>{_e(label(lang, 'by rule'))}</h2>",
        "<table>",
        f"<tr><th>{_e(label(lang, 'rule'))}</th>{_severity_headers(lang)}"
        f'<th class="n">{_e(label(lang, "total"))}</th><th>{_e(label(lang, "summary"))}</th></tr>',
    ]
    for rule_id, counts in by_rule(findings):
        spec = specs.get(rule_id)
        rows.append(
            f"<tr><td><code>{_e(rule_id)}</code></td>{_numbers(counts)}"
            f'<td class="n">{sum(counts.values())}</td>'
            f"<td>{_e(spec.summary) if spec is not None else ''}</td></tr>"
        )
    totals = severity_counts(findings)
    rows.append(
        f"<tr><th>{_e(label(lang, 'total'))}</th>{_numbers(totals)}"
        f'<td class="n">{sum(totals.values())}</td><td></td></tr>'
    )
    rows.append("</table>")
    return rows


def _unit_table(result: LintResult, lang: str) -> list[str]:
    units = [(f, unit) for f in result.files for unit in group(f)]
    if len(units) < 2:
        return []
    several = len({id(file_result) for file_result, _ in units}) > 1
    rows = [
        f"<h2>{_e(label(lang, 'by unit'))}</h2>",
        "<table>",
        "<tr>"
        + (f"<th>{_e(label(lang, 'file'))}</th>" if several else "")
        + f"<th>{_e(label(lang, 'unit'))}</th>"
        f'<th class="n">{_e(label(lang, "projects"))}</th>{_severity_headers(lang)}</tr>',
    ]
    for file_result, unit in units:
        rows.append(
            "<tr>"
            + (f"<td>{_e(file_result.path)}</td>" if several else "")
            + f"<td>{_e(unit_title(unit, lang))}</td>"
            f'<td class="n">{len(unit.projects)}</td>'
            f"{_numbers(severity_counts(unit.all_findings))}</tr>"
        )
    rows.append("</table>")
    return rows


def _grade(grade: str | None) -> str:
    return "" if grade is None else f' <span class="grade g{_e(grade)}">{_e(grade)}</span>'


def _file(file_result: FileResult, lang: str, grades: Grades) -> list[str]:
    heading = f"<h2>{_e(file_result.path)}"
    if file_result.error is not None:
        return [
            heading + "</h2>",
            f'<p class="failed">✗ {_e(label(lang, "cannot read"))}：{_e(file_result.error)}</p>',
        ]
    document = file_result.document
    layout = document.layout if document is not None else "?"
    found = len(file_result.findings)
    counts = label(lang, "file counts", **file_result.counts)
    state = label(lang, "findings", n=found) if found else label(lang, "no findings")
    parts = [
        f"{heading} <small>{_e(layout)} · {_e(counts)} · {_e(state)}</small>"
        f"{_grade(grades.table(file_result.path))}</h2>"
    ]
    for unit in group(file_result):
        parts.append('<section class="unit">')
        parts.append(f"<h3>{_e(unit_title(unit, lang))}</h3>")
        if unit.findings:
            parts.extend(_findings(unit.findings, file_result, lang, "unit"))
        for project in unit.projects:
            grade = grades.project(file_result.path, unit.title, project.title)
            parts.append(f"<h4>{_e(project.title)}{_grade(grade)}</h4>")
            parts.extend(_findings(project.findings, file_result, lang, "project"))
        parts.append("</section>")
    return parts


def _findings(findings: list[Finding], file_result: FileResult, lang: str, level: str) -> list[str]:
    parts = [f'<ol class="findings {level}">']
    for finding in findings:
        tag = where(finding, lang)
        parts.append(
            f'<li class="finding {finding.severity}">'
            f'<span class="sev">{_e(label(lang, finding.severity))}</span> '
            f"<code>{_e(finding.rule)}</code> "
            f'<span class="loc">{_e(location(finding))}</span>'
            + (f' <span class="where">{_e(tag)}</span>' if tag else "")
            + f'<p class="msg">{_e(finding.message)}</p>'
            + _source(finding, file_result)
            + "</li>"
        )
    parts.append("</ol>")
    return parts


def _source(finding: Finding, file_result: FileResult) -> str:
    lines = excerpt(file_result.document, finding, EXCERPT_WIDTH)
    if not lines:
        return f'<pre class="src">{_e(finding.excerpt)}</pre>' if finding.excerpt else ""
    rendered = []
    for line in lines:
        rendered.append(
            f'<span class="ln">{line.number or ""}</span>'
            + (f'<span class="cut">{ELLIPSIS}</span>' if line.cut_left else "")
            + _e(line.before)
            + f"<mark>{_e(line.marked)}</mark>"
            + _e(line.after)
            + (f'<span class="cut">{ELLIPSIS}</span>' if line.cut_right else "")
        )
    return '<pre class="src">' + "\n".join(rendered) + "</pre>"
