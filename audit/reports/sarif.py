"""``--format sarif``: SARIF 2.1.0, the log GitHub code scanning accepts
(``github/codeql-action/upload-sarif``) and SARIF viewers open.

- ``runs[0].tool.driver`` lists every registered rule (built-in and
  configured), with its documentation as ``help`` and its configured
  severity as ``defaultConfiguration.level``;
- one result per finding: ``level`` is ``error``, ``warning`` or ``note``
  (our ``info``); the location's ``uri`` is relative to the working directory
  (``uriBaseId: %SRCROOT%``, forward slashes, percent-encoded); columns are
  Unicode code points (``columnKind``), ``endColumn`` exclusive; a finding
  in a cell of a workbook, PDF, web page or Word table has no region (the
  file is not text) but the cell as its ``logicalLocations[0].fullyQualifiedName``
  and ``properties.cell`` (``Sheet1!G12``);
- ``partialFingerprints`` hash what the finding is about — rule, file, unit,
  project, field, indicator name and excerpt (:func:`audit.baseline.finding_keys`),
  never line numbers — plus an occurrence index for identical keys, so an
  alert keeps its identity across runs and when rows move;
- a file that could not be read is a ``toolExecutionNotification`` and makes
  ``executionSuccessful`` false.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from audit import __version__
from audit.output import relative_path
from audit.results import LintResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/indicator-audit/"
FINGERPRINT = "indicatorAudit/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result: LintResult, out: TextIO, *, config: Any = None, **_: Any) -> None:
    json.dump(sarif_log(result, config), out, ensure_ascii=False, indent=2)
    out.write("\n")


def sarif_log(result: LintResult, config: Any = None) -> dict[str, Any]:
    """The log of ``result``. ``config`` is the configuration the run used
    (the caller's: a report never loads one); without it the driver lists
    the registered rules with their own severities."""
    from audit.baseline import finding_keys

    rules, index = _rules(config) if config is not None else _registered_rules()
    results = []
    for file_result in result.files:
        seen: Counter[str] = Counter()
        keys = finding_keys(file_result)
        for finding, key in zip(file_result.findings, keys, strict=True):
            joined = "\0".join(part or "" for part in key)
            digest = hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()
            seen[digest] += 1
            if finding.rule not in index:  # a rule not in this config: still report it
                index[finding.rule] = len(rules)
                rules.append(_descriptor(finding.rule, None, finding.severity))
            result_object: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [_location(finding.file, finding)],
                "partialFingerprints": {FINGERPRINT: f"{digest[:32]}:{seen[digest]}"},
            }
            properties = {
                name: value
                for name, value in (
                    ("unit", finding.unit),
                    ("project", finding.project),
                    ("clause", finding.clause),
                    ("field", finding.field),
                    ("excerpt", finding.excerpt),
                )
                if value is not None
            }
            if properties:
                result_object["properties"] = properties
            results.append(result_object)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"cannot read {failed.path}: {failed.error}"},
            "locations": [_location(failed.path, None)],
        }
        for failed in result.failed
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "indicator-audit",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not result.failed,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _rules(config: Any) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Every registered rule, enabled or not, with the severity in effect."""
    active = {spec.id: severity for spec, _options, severity in config.active_rules()}
    rules: list[dict[str, Any]] = []
    index = {}
    for rule_id, spec in config.specs().items():
        severity = active.get(rule_id) or config.setting(rule_id, spec).severity
        index[rule_id] = len(rules)
        descriptor = _descriptor(rule_id, spec, severity, config.lang)
        if rule_id not in active:
            descriptor["defaultConfiguration"]["enabled"] = False
        rules.append(descriptor)
    return rules, index


def _registered_rules() -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Every registered rule with the severity its code gives it."""
    from audit.engine import load_rules

    rules: list[dict[str, Any]] = []
    index = {}
    for rule_id, spec in load_rules().items():
        index[rule_id] = len(rules)
        descriptor = _descriptor(rule_id, spec, spec.severity)
        if not spec.enabled:
            descriptor["defaultConfiguration"]["enabled"] = False
        rules.append(descriptor)
    return rules, index


def _descriptor(rule_id: str, spec: Any, severity: str, lang: str = "zh") -> dict[str, Any]:
    summary = spec.summary_in(lang) if spec is not None else rule_id
    doc = spec.doc_in(lang) if spec is not None and spec.doc else summary
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in re.split(r"[-_]", rule_id)),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _what_it_does(doc) or summary},
        "help": {"text": doc, "markdown": _markdown(doc)},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": ["indicator-audit"]},
    }


_HEADING = re.compile(r"^(?P<title>[^\n]+)\n-{3,}[ \t]*$", re.MULTILINE)


def _what_it_does(doc: str) -> str:
    """The first paragraph of the doc's *What it does* section (ruff's
    layout), else its first paragraph after the summary, on one line."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc) if p.strip()]
    for paragraph in paragraphs[1:]:
        body = _HEADING.sub("", paragraph).strip()
        if body:
            return " ".join(body.split())
    return ""


def _markdown(doc: str) -> str:
    """The doc as Markdown: its ``Title`` / ``-----`` headings already are;
    reStructuredText's ``Bad::`` literal-block marker becomes ``Bad:``."""
    return re.sub(r"::$", ":", doc, flags=re.MULTILINE)


def _location(path: str, finding: Any) -> dict[str, Any]:
    relative = relative_path(path)
    # A name that is not UTF-8 is quoted as the bytes it is (%FF), as as_uri does.
    if relative.startswith("<"):  # standard input
        artifact: dict[str, Any] = {"uri": quote(os.fsencode(relative))}  # the name elsewhere
    elif os.path.isabs(relative):
        artifact = {"uri": Path(relative).as_uri()}
    else:
        artifact = {"uri": quote(os.fsencode(relative)), "uriBaseId": "%SRCROOT%"}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if finding is not None and finding.location is not None:
        # A cell of a workbook, PDF, web page or Word table: no region in
        # the file's text; the cell is the logical location.
        return {
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": finding.location}],
            "properties": {"cell": finding.location},
        }
    if finding is not None:
        line = finding.line or 1
        region = {"startLine": line, "startColumn": finding.column or 1}
        if finding.end_line is not None:
            region["endLine"] = finding.end_line
        if finding.end_column is not None:
            region["endColumn"] = max(finding.end_column, region["startColumn"])
        physical["region"] = region
    return {"physicalLocation": physical}
