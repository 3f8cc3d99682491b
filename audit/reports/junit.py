"""``--format junit``: JUnit XML, for CI systems that show test results.

One ``testsuite`` per file and one ``testcase`` per project
(``classname`` = its unit, ``name`` = the project), so a CI page lists the
projects of a table like tests. A project with findings at or above
``--fail-on`` has one ``failure`` listing them (one ``file:line:col:
severity [rule] message`` line each); a project with only lower findings
passes and lists them in ``system-out``. Findings on the 合计 row or the
heading, and on a unit's subtotal row, get a test case of their own. A file
that could not be read is a suite with one test case in ``error``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, TextIO

from audit.model import SEVERITY_RANK, Finding
from audit.reports import label, location, read_error
from audit.results import FileResult, LintResult

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """Characters XML 1.0 cannot carry (control characters in garbled
    cells) become U+FFFD; the rest ElementTree escapes."""
    return _NOT_XML.sub("\ufffd", text)


def render(
    result: LintResult, out: TextIO, *, config: Any = None, fail_on: str = "error", **_: Any
) -> None:
    lang = config.lang if config is not None else "zh"
    root = ET.Element("testsuites", name="indicator-audit")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file_result in result.files:
        suite = _suite(file_result, fail_on, lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _suite(file_result: FileResult, fail_on: str, lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml(file_result.path))
    if file_result.error is not None:
        case = ET.SubElement(
            suite, "testcase", classname=_xml(file_result.path), name=label(lang, "cannot read")
        )
        reason = read_error(str(file_result.error), lang)
        ET.SubElement(case, "error", type="read-error", message=_xml(reason))
        suite.set("tests", "1")
        suite.set("failures", "0")
        suite.set("errors", "1")
        suite.set("skipped", "0")
        return suite
    threshold = None if fail_on == "never" else SEVERITY_RANK[fail_on]
    failures = 0
    cases = _cases(file_result, lang)
    for classname, name, findings in cases:
        case = ET.SubElement(suite, "testcase", classname=_xml(classname), name=_xml(name))
        failing = [
            f for f in findings if threshold is not None and SEVERITY_RANK[f.severity] >= threshold
        ]
        passing = [f for f in findings if f not in failing]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: SEVERITY_RANK[f.severity]).severity
            failure = ET.SubElement(
                case,
                "failure",
                type=worst,
                message=label(lang, "junit failure", n=len(failing), threshold=fail_on),
            )
            failure.text = _lines(failing)
        if passing:
            ET.SubElement(case, "system-out").text = _lines(passing)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def _lines(findings: list[Finding]) -> str:
    return _xml(
        "\n".join(f"{location(f)}: {f.severity} [{f.rule}] {f.message}" for f in findings) + "\n"
    )


def _cases(file_result: FileResult, lang: str) -> list[tuple[str, str, list[Finding]]]:
    """(classname, name, findings) of every project of the file, in table
    order, with cases for the table and for units' subtotal rows where
    those have findings."""
    document = file_result.document
    assert document is not None
    organization = document.organization or file_result.path
    table: list[Finding] = []
    unit_rows: dict[str, list[Finding]] = {}
    projects: dict[tuple[str | None, str], list[tuple[int, list[Finding]]]] = {}
    order: list[tuple[str, str | None, list[Finding]]] = []
    for unit in document.units:
        classname = organization if unit.own_name is None else unit.own_name
        if unit.own_name is not None:  # a case for its own row, when it has findings
            unit_rows[unit.own_name] = []
            order.append((classname, None, unit_rows[unit.own_name]))
        for project in unit.projects:
            findings: list[Finding] = []
            key = (unit.own_name, project.title)
            projects.setdefault(key, []).append((project.line, findings))
            order.append((classname, project.title, findings))
    for finding in file_result.findings:
        if finding.project is None:
            target = table if finding.unit is None else unit_rows.setdefault(finding.unit, [])
            target.append(finding)
            continue
        candidates = projects.get((finding.unit, finding.project))
        if not candidates:
            table.append(finding)
            continue
        # Projects with the same name in one unit: the last one at or above the finding.
        line = finding.line or 0
        chosen = candidates[0][1]
        for start, findings in candidates:
            if start <= line:
                chosen = findings
        chosen.append(finding)
    cases = []
    if table:
        cases.append((organization, label(lang, "table"), table))
    for classname, name, findings in order:
        if name is None:
            if findings:
                cases.append((classname, label(lang, "unit row"), findings))
        else:
            cases.append((classname, name, findings))
    return cases
