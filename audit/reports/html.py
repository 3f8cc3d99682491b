"""``--format html``: one self-contained page (inline CSS, a few lines of
inline script, no external assets) to send to the unit that has to fix its
table.

The page is headed by the table's own title (``…2024年项目支出绩效目标表``)
and the date of the check; a table of contents links to every unit and
project (each has an anchor, so a reviewer can point a unit at its own
section); a filter shows or hides errors, warnings and notes (the page reads
the same without the script: everything shown); a print stylesheet lays it
out on A4 with each unit on a new page. Then the verdict and summary
(findings by rule and by unit, what was checked, files that could not be
read), and the findings grouped by file, unit and project, each with its
location, the clause and field, the message and the source excerpt with the
exact characters highlighted. All table text is escaped. ``lang="zh-CN"``
(``en`` for English reports).

Fonts: the page names the CJK fonts it needs, in order — Noto Sans CJK SC
(Debian/Ubuntu ``fonts-noto-cjk``), Source Han Sans SC, Microsoft YaHei
(Windows), PingFang SC (macOS) — before the generic ``sans-serif``.

:func:`write_split` is ``--split-by unit``: one page per unit in a directory
(with an ``index.html``), so each unit receives only its own findings.

The date is today's, or ``SOURCE_DATE_EPOCH`` when set (reproducible
output, as build tools do).
"""

from __future__ import annotations

import datetime
import html
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from audit import __version__
from audit.model import SEVERITIES, Finding
from audit.reports import (
    ELLIPSIS,
    Grades,
    UnitGroup,
    by_rule,
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

EXCERPT_WIDTH = 120
"""Terminal-style columns of source shown around a finding."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
"""The CJK fonts the page needs, best first (see the module's docstring)."""

STYLE = """
body { font: 15px/1.6 FONTS;
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
nav.toc { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .5em 1.2em; }
nav.toc h2 { margin-top: .3em; border: 0; }
nav.toc ol { margin: .2em 0; padding-left: 1.5em; }
nav.toc .n { color: #656d76; font-size: .9em; margin-left: .4em; }
form.filter { margin: 1em 0; padding: .4em .8em; border: 1px solid #d0d7de; border-radius: 6px; }
form.filter label { margin-right: 1.5em; cursor: pointer; }
body.hide-error li.finding.error, body.hide-warning li.finding.warning,
body.hide-info li.finding.info, .filtered-out { display: none; }
:target { scroll-margin-top: 1em; }
h3:target, h4:target { background: #fff8c5; }
ol.findings { list-style: none; padding-left: 1em; margin: 0; }
ol.findings.project { padding-left: 2em; }
li.finding { margin: .6em 0; }
.sev { display: inline-block; min-width: 3em; font-weight: bold; }
.error .sev, th.error { color: #cf222e; }
.warning .sev, th.warning { color: #9a6700; }
.info .sev, th.info { color: #0969da; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC",
            monospace; }
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
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; color: #000; }
  form.filter { display: none; }
  nav.toc { background: none; border: 0; padding: 0; break-after: page; }
  nav.toc a { color: #000; text-decoration: none; }
  section.unit + section.unit { break-before: page; }
  li.finding, h3, h4 { break-inside: avoid; }
  h3, h4 { break-after: avoid; }
  pre.src { background: none; border-left: 2px solid #8c959f; border-radius: 0; }
  mark { background: none; font-weight: bold; text-decoration: underline; }
  a { color: inherit; }
}
""".replace("FONTS", FONTS).strip()

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll("form.filter input[data-severity]");
  function update() {
    boxes.forEach(function (box) {
      document.body.classList.toggle("hide-" + box.dataset.severity, !box.checked);
    });
    document.querySelectorAll("section.project, section.unit").forEach(function (section) {
      var shown = Array.prototype.some.call(
        section.querySelectorAll("li.finding"),
        function (item) { return getComputedStyle(item).display !== "none"; });
      section.classList.toggle("filtered-out", !shown && !!section.querySelector("li.finding"));
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", update); });
  update();
})();
""".strip()
"""The severity filter: hides findings of unticked severities, and units or
projects left without a visible finding."""

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "contents": "目录",
        "checked on": "检查日期：{date}",
        "show": "显示：",
        "unit page": "{title} — {unit}",
        "pages": "各单位的检查报告",
        "html lang": "zh-CN",
        "colon": "：",
    },
    "en": {
        "contents": "Contents",
        "checked on": "Checked on {date}",
        "show": "Show: ",
        "unit page": "{title} — {unit}",
        "pages": "Reports by unit",
        "html lang": "en",
        "colon": ": ",
    },
}


def _w(lang: str, key: str, **args: Any) -> str:
    text = WORDS.get(lang, WORDS["zh"])[key]
    return text.format(**args) if args else text


def _e(text: object) -> str:
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


def report_date() -> datetime.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` (reproducible output)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def _title(result: LintResult, lang: str) -> str:
    """The table's own title when the report is about one table."""
    titles = {r.document.title for r in result.files if r.document is not None}
    if len(result.files) == 1 and len(titles) == 1:
        (title,) = titles
        if title:
            return " ".join(title.split())
    return label(lang, "report")


class _Anchors:
    """Stable anchors for units and projects: ``u1-2`` is the second unit
    of the first file, ``p1-2-3`` its third project."""

    def __init__(self, result: LintResult) -> None:
        self.groups: list[list[UnitGroup]] = [group(r) for r in result.files]

    @staticmethod
    def unit(file_index: int, unit_index: int) -> str:
        return f"u{file_index + 1}-{unit_index + 1}"

    @staticmethod
    def project(file_index: int, unit_index: int, project_index: int) -> str:
        return f"p{file_index + 1}-{unit_index + 1}-{project_index + 1}"


def render(
    result: LintResult,
    out: TextIO,
    *,
    config: Any = None,
    fail_on: str = "error",
    suppressed: int = 0,
    stale: int = 0,
    heading: str | None = None,
    **_: Any,
) -> None:
    lang = config.lang if config is not None else "zh"
    specs = config.specs() if config is not None else {}
    title = heading or _title(result, lang)
    anchors = _Anchors(result)
    names = "、".join(f.path for f in result.files[:3]) + ("…" if len(result.files) > 3 else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_w(lang, "html lang")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="indicator-audit {_e(__version__)}">',
        f"<title>{_e(title)}{_w(lang, 'colon')}{_e(names)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
    ]
    if title != label(lang, "report"):
        parts.append(f'<p class="meta">{_e(label(lang, "report"))}</p>')
    date = report_date().isoformat()
    parts.append(
        f'<p class="meta"><time datetime="{date}">{_e(_w(lang, "checked on", date=date))}</time>'
        f" · indicator-audit {_e(__version__)}</p>"
    )
    parts.append("</header>")
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
    # A file that could not be read is shown once, in its own section below
    # (the verdict counts it).
    if suppressed:
        parts.append(f'<p class="meta">{_e(label(lang, "suppressed", n=suppressed))}</p>')
    if stale:
        parts.append(f'<p class="meta">{_e(label(lang, "stale", n=stale))}</p>')
    findings = result.findings
    if findings:
        parts.extend(_filter(findings, lang))
    parts.extend(_contents(result, anchors, lang))
    if findings:
        parts.extend(_rule_table(findings, specs, lang))
        parts.extend(_unit_table(result, lang))
    for index, file_result in enumerate(result.files):
        parts.extend(_file(file_result, index, anchors, lang, grades))
    parts.append(f'<p class="meta">indicator-audit {_e(__version__)}</p>')
    if findings:
        parts.append(f"<script>\n{SCRIPT}\n</script>")
    parts.append("</body>")
    parts.append("</html>")
    out.write("\n".join(parts) + "\n")


def _filter(findings: list[Finding], lang: str) -> list[str]:
    counts = severity_counts(findings)
    boxes = "".join(
        f'<label class="{severity}"><input type="checkbox" checked data-severity="{severity}"> '
        f"{_e(label(lang, severity))} ({counts[severity]})</label>"
        for severity in SEVERITIES
        if counts[severity]
    )
    return [f'<form class="filter">{_e(_w(lang, "show"))}{boxes}</form>']


def _contents(result: LintResult, anchors: _Anchors, lang: str) -> list[str]:
    """The table of contents: files, their units and projects, with counts."""
    items = []
    for file_index, (file_result, units) in enumerate(
        zip(result.files, anchors.groups, strict=True)
    ):
        if not units:
            continue
        unit_items = []
        for unit_index, unit in enumerate(units):
            project_items = "".join(
                f'<li><a href="#{anchors.project(file_index, unit_index, project_index)}">'
                f'{_e(project.title)}</a><span class="n">{len(project.findings)}</span></li>'
                for project_index, project in enumerate(unit.projects)
            )
            unit_items.append(
                f'<li><a href="#{anchors.unit(file_index, unit_index)}">'
                f"{_e(unit_title(unit, lang))}</a>"
                f'<span class="n">{len(unit.all_findings)}</span>'
                + (f"<ol>{project_items}</ol>" if project_items else "")
                + "</li>"
            )
        body = f"<ol>{''.join(unit_items)}</ol>"
        if len(result.files) > 1:
            body = f"<li>{_e(file_result.path)}{body}</li>"
        items.append(body)
    if not items:
        return []
    inner = "".join(items)
    if len(result.files) > 1:
        inner = f"<ol>{inner}</ol>"
    return [f'<nav class="toc"><h2>{_e(_w(lang, "contents"))}</h2>{inner}</nav>']


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
            f"<td>{_e(spec.summary_in(lang)) if spec is not None else ''}</td></tr>"
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


def _file(
    file_result: FileResult, file_index: int, anchors: _Anchors, lang: str, grades: Grades
) -> list[str]:
    heading = f"<h2>{_e(file_result.path)}"
    colon = _w(lang, "colon")
    if file_result.error is not None:
        reason = read_error(str(file_result.error), lang)
        return [
            heading + "</h2>",
            f'<p class="failed">✗ {_e(label(lang, "cannot read"))}{colon}{_e(reason)}</p>',
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
    for unit_index, unit in enumerate(anchors.groups[file_index]):
        parts.append('<section class="unit">')
        parts.append(
            f'<h3 id="{anchors.unit(file_index, unit_index)}">{_e(unit_title(unit, lang))}</h3>'
        )
        if unit.findings:
            parts.extend(_findings(unit.findings, file_result, lang, "unit"))
        for project_index, project in enumerate(unit.projects):
            grade = grades.project(file_result.path, unit.title, project.title)
            anchor = anchors.project(file_index, unit_index, project_index)
            parts.append('<section class="project">')
            parts.append(f'<h4 id="{anchor}">{_e(project.title)}{_grade(grade)}</h4>')
            parts.extend(_findings(project.findings, file_result, lang, "project"))
            parts.append("</section>")
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


# --------------------------------------------------------------------------
# --split-by unit

_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def _file_name(index: int, title: str, used: set[str]) -> str:
    stem = _UNSAFE.sub("_", title).strip("._")[:60] or "table"
    name = f"{index:02d}-{stem}.html"
    while name in used:
        index += 1000
        name = f"{index:02d}-{stem}.html"
    used.add(name)
    return name


def _unit_of(finding: Finding, organization: str | None) -> str | None:
    """The unit a finding belongs to, as :func:`audit.reports.group` names it."""
    if finding.unit is None and finding.project is not None:
        return organization or ""
    return finding.unit


def write_split(
    result: LintResult,
    directory: str,
    *,
    config: Any = None,
    inputs: Iterable[str] = (),
    **options: Any,
) -> list[str]:
    """``--split-by unit``: one page per unit of every table (also units
    without findings, which pass), a page for findings on the whole table
    (合计, heading) when there are any, and ``index.html`` linking them.
    Returns the paths written.

    Every page is named before anything is written: a page whose path is
    one of ``inputs`` (a table of the run) raises :class:`OutputError` and
    nothing is written. Each page is written whole or not at all
    (:func:`audit.output.write_atomically`)."""
    from audit.output import OutputError, input_named, write_atomically

    lang = config.lang if config is not None else "zh"
    target = Path(directory)
    used: set[str] = {"index.html"}
    pages: list[tuple[Path, Callable[[TextIO], object]]] = []
    entries: list[tuple[str, str, dict[str, int]]] = []
    for file_result in result.files:
        document = file_result.document
        if document is None:
            continue
        organization = document.organization
        titles: list[str | None] = []
        if any(_unit_of(f, organization) is None for f in file_result.findings):
            titles.append(None)
        for unit in document.units:
            title: str | None = (organization or "") if unit.own_name is None else unit.title
            if title not in titles:
                titles.append(title)
        for title in titles:
            findings = [f for f in file_result.findings if _unit_of(f, organization) == title]
            # The unit's own part of the table: its counts and grades, not the table's.
            units = tuple(
                u
                for u in document.units
                if ((organization or "") if u.own_name is None else u.title) == title
            )
            # A unit whose table has a title of its own (a national form's) is headed by it.
            heading_of = next((u.heading for u in units if u.heading), None) or document.title
            own = document._replace(
                units=units, total=document.total if title is None else None, title=heading_of
            )
            table_title = " ".join((heading_of or label(lang, "report")).split())
            part = LintResult([FileResult(file_result.path, own, None, findings)])
            shown = label(lang, "table") if title is None else title or "—"
            name = _file_name(len(entries) + 1, shown, used)
            heading = _w(lang, "unit page", title=table_title, unit=shown)

            def page(out: TextIO, part: LintResult = part, heading: str = heading) -> None:
                render(part, out, config=config, heading=heading, **options)

            pages.append((target / name, page))
            entries.append((name, heading, severity_counts(findings)))
    pages.append((target / "index.html", lambda out: out.write(_index_page(result, entries, lang))))
    inputs = list(inputs)
    for path, _ in pages:
        named = input_named(str(path), inputs)
        if named is not None:
            raise OutputError(
                f"the page {path.name} is an input of this run ({named}); refusing to write over it"
            )
    target.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for path, write in pages:
        write_atomically(str(path), write)
        written.append(str(path))
    return written


def _index_page(
    result: LintResult, entries: list[tuple[str, str, dict[str, int]]], lang: str
) -> str:
    title = _w(lang, "pages")
    rows = "".join(
        f'<tr><td><a href="{_e(name)}">{_e(heading)}</a></td>'
        + "".join(f'<td class="n">{counts[s] or ""}</td>' for s in SEVERITIES)
        + "</tr>"
        for name, heading, counts in entries
    )
    failed = "".join(
        f'<p class="failed">✗ {_e(r.path)}{_w(lang, "colon")}'
        f"{_e(read_error(str(r.error), lang))}</p>"
        for r in result.failed
    )
    date = report_date().isoformat()
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{_w(lang, "html lang")}">',
                '<head><meta charset="utf-8">',
                f"<title>{_e(title)}</title>",
                f"<style>\n{STYLE}\n</style></head>",
                "<body>",
                f"<h1>{_e(title)}</h1>",
                f'<p class="meta">{_e(_w(lang, "checked on", date=date))}</p>',
                failed,
                f"<table><tr><th>{_e(label(lang, 'unit'))}</th>{_severity_headers(lang)}</tr>",
                rows,
                "</table>",
                "</body>",
                "</html>",
            ]
        )
        + "\n"
    )
