"""Renderers: golden files of every format on a small example table, and the
properties CI platforms rely on (SARIF fields, GitHub annotation limits and
escaping, JUnit structure, a self-contained HTML page, the rich layout).

The goldens are rendered from ``tests/golden/table.txt`` with
``tests/golden/config.yaml`` (the default profile plus two no-code rules),
plus a missing file. When rules or messages change, regenerate them with::

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_reports.py

and review the diff of ``tests/golden/`` like any other change.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from audit.config import Config, load_config
from audit.inputs import load
from audit.lint import lint_paths
from audit.model import Finding
from audit.reports import FORMATS, excerpt, renderer
from audit.reports.github import escape_data, escape_property
from audit.reports.sarif import sarif_log
from audit.results import FileResult, LintResult
from tests.conftest import project_row, tsv_table

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
INPUTS = ["table.txt", "missing.txt"]


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"no golden file {name}: run UPDATE_GOLDEN=1 pytest tests/test_reports.py"
    with path.open(encoding="utf-8", newline="") as file:
        expected = file.read()
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"golden/{name}",
                "rendered",
            )
        )
        pytest.fail(
            f"{name} differs from its golden file "
            f"(UPDATE_GOLDEN=1 pytest tests/test_reports.py regenerates it):\n{diff}"
        )


@pytest.fixture()
def in_golden(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run from tests/golden, so paths in reports are the short relative ones."""
    monkeypatch.chdir(GOLDEN)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # the HTML report's date: 2025-01-01
    yield


@pytest.fixture()
def golden(in_golden: None) -> tuple[LintResult, Config]:
    config = load_config("config.yaml")
    return lint_paths(INPUTS, config, load), config


def rendered(name: str, result: LintResult, config: Config | None, **options: Any) -> str:
    out = io.StringIO()
    renderer(name)(result, out, config=config, fail_on="error", **options)
    return out.getvalue()


def truecolor_console(out: io.StringIO, width: int = 100) -> Console:
    return Console(
        file=out,
        force_terminal=True,
        color_system="truecolor",
        width=width,
        no_color=False,
        legacy_windows=False,
        highlight=False,
        emoji=False,
    )


# --------------------------------------------------------------------------
# Goldens

GOLDEN_FILES = {
    "text": "report.txt",
    "json": "report.json",
    "sarif": "report.sarif",
    "github": "report.github.txt",
    "junit": "report.junit.xml",
    "html": "report.html",
    "gitlab": "report.gitlab.json",
    "json-lines": "report.jsonl",
}


@pytest.mark.parametrize("name", sorted(GOLDEN_FILES))
def test_format_matches_golden(name: str, golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    text = rendered(name, result, config)
    if name == "sarif":
        text = without_builtin_docs(text, config)
    check_golden(GOLDEN_FILES[name], text)


def without_builtin_docs(sarif: str, config: Config) -> str:
    """The SARIF log with the built-in rules' documentation replaced by a
    marker: rule docs change with the rules (test_sarif_required_fields
    checks them); the golden pins what the renderer does."""
    log = json.loads(sarif)
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        if rule["id"] not in config.custom:
            for key in ("shortDescription", "fullDescription"):
                rule[key]["text"] = "(rule doc)"
            rule["help"] = {"text": "(rule doc)", "markdown": "(rule doc)"}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def test_rich_report_in_colour_matches_golden(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    out = io.StringIO()
    renderer("rich")(result, out, config=config, console=truecolor_console(out))
    text = out.getvalue()
    assert "\x1b[" in text
    check_golden("report.rich.ansi", text)


def test_rich_report_without_terminal_or_colour_matches_golden(
    golden: tuple[LintResult, Config], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The renderer's own console, writing to a file-like object (a pipe)
    with NO_COLOR set: plain text, the width from COLUMNS, carets show the span."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    result, config = golden
    text = rendered("rich", result, config)
    assert "\x1b" not in text
    check_golden("report.rich.txt", text)


def test_statistics_matches_golden(golden: tuple[LintResult, Config]) -> None:
    from audit.reports.text import render_statistics

    result, config = golden
    out = io.StringIO()
    render_statistics(result, out, config=config)
    check_golden("statistics.txt", out.getvalue())


def test_every_format_has_a_renderer_and_a_golden() -> None:
    assert set(FORMATS) == {*GOLDEN_FILES, "rich"}
    for name in FORMATS:
        assert callable(renderer(name))


# --------------------------------------------------------------------------
# Shared pieces: excerpts


def synthetic(
    severity: str = "error",
    rule: str = "demo-rule",
    message: str = "问题",
    file: str = "t.txt",
    line: int | None = 3,
    **fields: Any,
) -> Finding:
    base: dict[str, Any] = {
        "column": 1,
        "end_line": line,
        "end_column": 2,
        "unit": "广州市测试中心",
        "project": "项目甲",
        "clause": 1,
        "field": "annual",
        "excerpt": "x",
    }
    base.update(fields)
    return Finding(rule=rule, severity=severity, message=message, file=file, line=line, **base)  # type: ignore[arg-type]


def test_excerpt_trims_a_long_line_around_the_exact_span() -> None:
    from audit.pipeline import load_text

    goal = "保障" * 600 + "目标文字" + "说明" * 600
    document = load_text(tsv_table([project_row("项目甲", "1、…", goal=goal)]), "t.txt")
    line = 9  # the project row
    source_line = document.source.text.split("\n")[line - 1]
    start = source_line.index("目标文字")
    finding = synthetic(line=line, column=start + 1, end_line=line, end_column=start + 5)
    (shown,) = excerpt(document, finding, width=60)
    assert shown.marked == "目标文字"
    assert shown.cut_left and shown.cut_right
    assert cell_len(shown.before + shown.marked + shown.after) + 6 <= 60
    assert shown.before.endswith("保障") and shown.after.startswith("说明")


def test_excerpt_of_a_span_wider_than_the_window_keeps_its_start() -> None:
    from audit.pipeline import load_text

    goal = "甲" * 500
    document = load_text(tsv_table([project_row("项目甲", "1、…", goal=goal)]), "t.txt")
    row = document.source.text.split("\n")[8]
    start = row.index("甲甲")
    finding = synthetic(line=9, column=start + 1, end_line=9, end_column=start + 501)
    (shown,) = excerpt(document, finding, width=40)
    assert shown.marked and set(shown.marked) == {"甲"}
    assert shown.cut_right and shown.after == ""
    assert cell_len(shown.before) + cell_len(shown.marked) + 6 <= 40


def test_excerpt_shows_every_line_of_a_wrapped_span() -> None:
    from audit.pipeline import load_text

    document = load_text(tsv_table([project_row("项目甲", "1、…")]), "t.txt")
    finding = synthetic(line=8, column=3, end_line=9, end_column=3)
    lines = excerpt(document, finding, width=200)
    assert [line.number for line in lines] == [8, 9]
    assert lines[0].after == "" and lines[1].before == ""


# --------------------------------------------------------------------------
# Rich


def test_rich_chinese_tables_align(golden: tuple[LintResult, Config]) -> None:
    """Full-width characters take two columns: every row of the by-unit
    table ends in the same column (counts are right-aligned)."""
    result, config = golden
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=False, no_color=True)
    renderer("rich")(result, out, config=config, console=console)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("按单位统计"))
    rows = [line.rstrip() for line in lines[start + 2 :] if line.strip()]
    rows = rows[: next(i for i, line in enumerate(rows) if line.startswith("已检查"))]
    assert any("广州市示例局本级" in row for row in rows)
    ends = {cell_len(row) for row in rows if "─" not in row}
    assert len(ends) == 1, rows


def test_rich_fits_a_narrow_terminal(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    out = io.StringIO()
    console = Console(file=out, width=48, force_terminal=False, no_color=True)
    renderer("rich")(result, out, config=config, console=console)
    text = out.getvalue()
    assert all(cell_len(line) <= 48 for line in text.splitlines())
    assert "table.txt:12:87" in text  # locations stay whole
    assert "^" in text


def test_rich_with_no_color_in_a_terminal_has_no_colours(
    golden: tuple[LintResult, Config], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    result, config = golden
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=True, color_system="truecolor")
    renderer("rich")(result, out, config=config, console=console)
    text = out.getvalue()
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|38;2);?", text), "colour codes despite NO_COLOR"
    assert "^^^^^^" in text


def test_rich_verdict_agrees_with_fail_on(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    readable = LintResult([f for f in result.files if f.error is None])
    for fail_on, word in (("error", "未通过"), ("never", "通过")):
        out = io.StringIO()
        console = Console(file=out, width=100, no_color=True)
        renderer("rich")(readable, out, config=config, fail_on=fail_on, console=console)
        last = out.getvalue().rstrip().splitlines()[-1]
        assert word in last and (fail_on in last)


def test_rich_report_has_file_line_col_for_every_finding(
    golden: tuple[LintResult, Config],
) -> None:
    result, config = golden
    out = io.StringIO()
    renderer("rich")(result, out, config=config, console=Console(file=out, width=200))
    text = out.getvalue()
    for finding in result.findings:
        assert f"{finding.file}:{finding.line}:{finding.column}" in text


# --------------------------------------------------------------------------
# SARIF


def test_sarif_required_fields(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    log = json.loads(rendered("sarif", result, config))
    assert log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "indicator-audit"
    assert driver["version"]
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == list(config.specs()), "every registered rule, in registry order"
    assert {"no-test-text", "annual-has-number", "repeated-field"} <= set(ids)
    for rule in driver["rules"]:
        assert rule["name"] and re.fullmatch(r"[A-Za-z0-9]+", rule["name"])
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert by_id["annual-has-number"]["defaultConfiguration"]["level"] == "note"
    assert by_id["no-test-text"]["defaultConfiguration"]["level"] == "error"


def test_sarif_lists_rules_from_the_callers_config_and_never_loads_one(
    golden: tuple[LintResult, Config], monkeypatch: pytest.MonkeyPatch
) -> None:
    import audit.config

    result, config = golden

    def refuse(*_args: Any, **_kwargs: Any) -> Config:
        raise AssertionError("a report must not load a configuration")

    monkeypatch.setattr(audit.config, "load_config", refuse)
    config.lang = "en"
    given = sarif_log(result, config)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in given] == list(config.specs())
    missing = {rule["id"]: rule for rule in given}["missing-goal"]
    assert missing["shortDescription"]["text"] == config.specs()["missing-goal"].summary_in("en")
    # Without one, the registered rules with the severity their code gives.
    alone = sarif_log(result)["runs"][0]["tool"]["driver"]["rules"]
    from audit.engine import load_rules

    registered = list(load_rules())
    assert [rule["id"] for rule in alone[: len(registered)]] == registered
    # A rule the configuration wrote is still described by its findings.
    assert {rule["id"] for rule in alone[len(registered) :]} == {
        f.rule for f in result.findings if f.rule not in registered
    }
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule in alone[: len(registered)]:
        expected = levels[load_rules()[rule["id"]].severity]
        assert rule["defaultConfiguration"]["level"] == expected


def test_sarif_one_result_per_finding(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    log = json.loads(rendered("sarif", result, config))
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == len(result.findings)
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for item, finding in zip(results, result.findings, strict=True):
        assert item["ruleId"] == finding.rule
        assert rules[item["ruleIndex"]]["id"] == finding.rule
        assert item["level"] == levels[finding.severity]
        assert item["message"]["text"] == finding.message
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "table.txt", "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }
        assert set(item["partialFingerprints"]) == {"indicatorAudit/v1"}
    assert run["columnKind"] == "unicodeCodePoints"
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False  # missing.txt
    (notification,) = invocation["toolExecutionNotifications"]
    assert "missing.txt" in notification["message"]["text"]


def test_sarif_uri_is_relative_with_forward_slashes_and_encoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "表格" / "2024"
    folder.mkdir(parents=True)
    table = folder / "草稿 1.txt"
    table.write_text(tsv_table([project_row("项目甲", "1、待补充")]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(None, discover=False)
    result = lint_paths([str(Path("表格") / "2024" / "草稿 1.txt")], config, load)
    assert result.findings
    log = sarif_log(result, config)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "%E8%A1%A8%E6%A0%BC/2024/%E8%8D%89%E7%A8%BF%201.txt"
    assert uri["uriBaseId"] == "%SRCROOT%"
    absolute = lint_paths([str(table.resolve())], config, load)
    again = sarif_log(absolute, config)["runs"][0]["results"][0]
    assert again["locations"] == log["runs"][0]["results"][0]["locations"]


def _fingerprints(text: str, select: set[str]) -> list[str]:
    from audit.pipeline import load_text

    config = load_config(None, discover=False)
    config.select = select
    document = load_text(text, "t.txt")
    from audit.engine import run

    result = LintResult([FileResult("t.txt", document, None, run(document, config))])
    log = sarif_log(result, config)
    return [r["partialFingerprints"]["indicatorAudit/v1"] for r in log["runs"][0]["results"]]


FINGERPRINT_ROWS = [
    project_row(
        "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:待补充。"
    ),
    project_row(
        "项目乙", "1、1-产出指标；11-数量指标；次数；实施周期指标值:5次；年度指标值:待补充。"
    ),
    project_row(
        "项目丙", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:3人。"
    ),
]


def test_sarif_fingerprints_are_stable_across_runs_and_when_rows_move() -> None:
    select = {"placeholder"}
    first = _fingerprints(tsv_table(FINGERPRINT_ROWS), select)
    assert len(first) >= 3 and len(set(first)) == len(first)
    assert first == _fingerprints(tsv_table(FINGERPRINT_ROWS), select)
    moved = [FINGERPRINT_ROWS[2], FINGERPRINT_ROWS[0], FINGERPRINT_ROWS[1]]
    clean = project_row(
        "项目丁", "1、1-产出指标；11-数量指标；人数；实施周期指标值:3人；年度指标值:3人。"
    )
    # rows move down a line, and their order changes
    assert sorted(_fingerprints(tsv_table([clean, *moved]), select)) == sorted(first)


def test_sarif_fingerprints_tell_identical_findings_apart() -> None:
    row = project_row(
        "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:XXX；年度指标值:XXX。"
    )
    prints = _fingerprints(tsv_table([row, row]), {"placeholder"})
    assert len(prints) >= 2 and len(set(prints)) == len(prints)
    assert {p.rsplit(":", 1)[1] for p in prints} == {"1", "2"}  # the occurrence index


def test_sarif_fingerprint_changes_when_the_text_changes() -> None:
    select = {"placeholder"}
    before = set(_fingerprints(tsv_table(FINGERPRINT_ROWS), select))
    edited = [
        FINGERPRINT_ROWS[0],
        project_row(
            "项目乙", "1、1-产出指标；11-数量指标；次数；实施周期指标值:5次；年度指标值:待定。"
        ),
        FINGERPRINT_ROWS[2],
    ]
    after = set(_fingerprints(tsv_table(edited), select))
    assert len(before & after) == len(before) - 1 and len(after - before) == 1


# --------------------------------------------------------------------------
# GitHub annotations


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("100% 完成\r\n下一行") == "100%25 完成%0D%0A下一行"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    finding = synthetic(
        message="值「≥95%」：不对,\n第二行",
        file="dir/a,b:c.txt",
        rule="demo-rule",
        line=4,
        column=5,
        end_line=4,
        end_column=9,
        unit=None,
        project=None,
    )
    out = io.StringIO()
    renderer("github")(LintResult([FileResult("dir/a,b:c.txt", None, None, [finding])]), out)
    first = out.getvalue().splitlines()[0]
    assert first == (
        "::error file=dir/a%2Cb%3Ac.txt,line=4,col=5,endLine=4,endColumn=9,title=demo-rule"
        "::值「≥95%25」：不对,%0A第二行"
    )


def test_github_prints_most_severe_first_caps_each_type_and_ends_with_a_notice() -> None:
    findings = [
        synthetic(severity=severity, line=line, message=f"{severity} {line}")
        for line in range(1, 16)
        for severity in ("info", "warning", "error")
    ]
    findings.sort(key=lambda f: f.line or 0)
    out = io.StringIO()
    result = LintResult([FileResult("t.txt", None, None, findings)])
    renderer("github")(result, out, config=english())
    lines = out.getvalue().splitlines()
    kinds = [re.match(r"::(\w+)", line).group(1) for line in lines]  # type: ignore[union-attr]
    assert kinds == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 9 + ["notice"]
    # file order within a severity
    errors = [line for line in lines if line.startswith("::error")]
    assert [int(re.search(r"line=(\d+)", e).group(1)) for e in errors] == list(range(1, 11))  # type: ignore[union-attr]
    closing = lines[-1]
    assert closing.startswith("::notice::")
    assert "45 findings (15 errors, 15 warnings, 15 info) in 1 file" in closing
    assert "16 not shown" in closing and "--format text" in closing


def test_github_notice_when_everything_fits() -> None:
    out = io.StringIO()
    result = LintResult([FileResult("t.txt", None, None, [synthetic()])])
    renderer("github")(result, out, config=english())
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("::notice::indicator-audit: 1 finding (1 error) in 1 file")
    assert "not shown" not in lines[1]


def test_github_reports_unreadable_files_as_errors() -> None:
    out = io.StringIO()
    renderer("github")(
        LintResult([FileResult("gone.txt", None, "no such file", [])]), out, config=english()
    )
    # ":" is escaped in properties only, not in the message
    assert out.getvalue().splitlines()[0] == "::error file=gone.txt::cannot read: no such file"


# --------------------------------------------------------------------------
def test_github_in_chinese(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    lines = rendered("github", result, config).splitlines()
    assert lines[0] == "::error file=missing.txt::无法读取：文件不存在"
    assert lines[-1].startswith("::notice::indicator-audit：2 个文件、3 个项目中共 3 个错误")


def english() -> Config:
    config = load_config(None, discover=False)
    config.lang = "en"
    return config


# --------------------------------------------------------------------------
# JUnit


def test_junit_structure(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    root = ET.fromstring(rendered("junit", result, config).encode())
    assert root.tag == "testsuites"
    table, missing = root.findall("testsuite")
    assert table.get("name") == "table.txt"
    cases = table.findall("testcase")
    names = [(case.get("classname"), case.get("name")) for case in cases]
    assert ("广州市示例局本级", "就业服务平台运维经费") in names
    assert ("广州市示例中心", "就业补贴发放") in names
    assert int(table.get("tests")) == len(cases)  # type: ignore[arg-type]
    by_name = {case.get("name"): case for case in cases}
    # Findings at or above --fail-on (error): a failure listing them.
    failing = by_name["留学人员引智项目经费"].find("failure")
    assert failing is not None and "[placeholder]" in (failing.text or "")
    assert "[goal-too-short]" not in (failing.text or "")
    # Only warnings and info: the case passes, findings in system-out.
    passing = by_name["就业服务平台运维经费"]
    assert passing.find("failure") is None
    assert "[missing-category]" in (passing.findtext("system-out") or "")
    assert int(table.get("failures")) == sum(  # type: ignore[arg-type]
        1 for case in cases if case.find("failure") is not None
    )
    # The unreadable file is an error case.
    assert missing.get("errors") == "1"
    error = missing.find("testcase/error")
    assert error is not None and error.get("message") == "文件不存在"
    assert root.get("errors") == "1"


def test_junit_fail_on_never_has_no_failures(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    out = io.StringIO()
    renderer("junit")(result, out, config=config, fail_on="never")
    root = ET.fromstring(out.getvalue().encode())
    assert root.get("failures") == "0"


def test_junit_survives_control_characters() -> None:
    finding = synthetic(message="乱码\x07\x1b文字")
    out = io.StringIO()
    from audit.pipeline import load_text

    document = load_text(tsv_table([project_row("项目甲", "1、…")]), "t.txt")
    renderer("junit")(LintResult([FileResult("t.txt", document, None, [finding])]), out)
    ET.fromstring(out.getvalue().encode())  # well-formed


# --------------------------------------------------------------------------
# HTML


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.links.append(value)
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")


def test_html_is_self_contained_and_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = '<script>alert("x")</script>项目'
    table = tmp_path / "t.txt"
    table.write_text(
        tsv_table(
            [
                project_row(
                    name,
                    "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:5人。",
                )
            ]
        ),
        encoding="utf-8",
    )
    config = load_config(None, discover=False)
    result = lint_paths(["t.txt"], config, load)
    page = rendered("html", result, config)
    parser = _Page()
    parser.feed(page)
    assert parser.html_lang == "zh-CN"
    # The only script is the inline severity filter; no external resources.
    assert parser.tags.count("script") == 1 and page.count("<script>") == 1
    assert "link" not in parser.tags and "img" not in parser.tags
    assert all(link.startswith("#") for link in parser.links)  # in-page anchors only
    assert "<style>" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;项目" in page
    assert "<mark>待补充</mark>" in page


def test_html_golden_groups_by_unit_and_project(golden: tuple[LintResult, Config]) -> None:
    result, config = golden
    page = rendered("html", result, config)
    project = '>留学人员引智项目经费 <span class="grade g差">差</span></h4>'
    body = page.index('<section class="unit">')
    assert page.index(">广州市示例局本级</h3>", body) < page.index(project, body)
    assert page.index(project, body) < page.index(">广州市示例中心</h3>", body)
    assert "文件不存在" in page
    assert "<p>项目评级：优 0 · 良 1 · 中 1 · 差 1</p>" in page


def test_rich_report_shows_grades_also_without_unit_rows() -> None:
    from audit.config import load_config
    from audit.lint import lint_paths
    from audit.pipeline import load_text
    from tests.conftest import project_row, tsv_table

    text = tsv_table(
        [
            project_row(
                "测试项目",
                "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:待补充；年度指标值:≥100人。",
            )
        ]
    )
    config = load_config(None, discover=False)
    result = lint_paths(["t.txt"], config, lambda path: load_text(text, path))
    out = io.StringIO()
    renderer("rich")(result, out, config=config, console=Console(file=out, width=100))
    lines = out.getvalue().splitlines()
    assert "评级 中" in lines[0]
    assert any(line.strip() == "测试项目  【中】" for line in lines)
    assert "项目评级：优 0 · 良 0 · 中 1 · 差 0" in out.getvalue()


@pytest.mark.parametrize(
    "english, chinese",
    [
        (
            "a scanned PDF (no text layer): the tool does not do OCR; use the workbook or a PDF "
            "saved with its text",
            "扫描版 PDF（没有文字层）：本工具不做文字识别，请使用工作簿或保存了文字的 PDF",
        ),
        (
            "corrupt PDF: PdfminerException: Unexpected EOF",
            "PDF 文件已损坏（corrupt PDF: PdfminerException: Unexpected EOF）",
        ),
        (
            "corrupt workbook or document (not a readable zip archive: BadZipFile: x)",
            "工作簿或文档已损坏：不是可读取的 ZIP 压缩包"
            "（corrupt workbook or document (not a readable zip archive: BadZipFile: x)）",
        ),
        (
            "corrupt workbook: KeyError: 'xl/workbook.xml'",
            "工作簿已损坏（corrupt workbook: KeyError: 'xl/workbook.xml'）",
        ),
        ("a PDF without pages", "PDF 没有页面"),
        ("empty file", "空文件"),
    ],
)
def test_read_errors_are_in_the_reports_language(english: str, chinese: str) -> None:
    from audit.reports import read_error

    assert read_error(english, "zh") == chinese
    assert read_error(english, "en") == english


def test_every_reason_a_reader_gives_reads_in_chinese() -> None:
    """Every fixed reason the readers raise starts with a phrase that has a
    Chinese reading, so a Chinese report never shows an English reason alone."""
    import ast

    from audit.reports import read_error

    root = Path(__file__).resolve().parent.parent / "audit"
    reasons: set[str] = set()
    for path in [*root.joinpath("readers").glob("*.py"), root / "inputs.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                for arg in node.exc.args[:1]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        reasons.add(arg.value)
                    elif isinstance(arg, ast.JoinedStr) and arg.values:
                        first = arg.values[0]
                        if isinstance(first, ast.Constant) and isinstance(first.value, str):
                            reasons.add(first.value)
    reasons = {r for r in reasons if r.strip()}
    assert len(reasons) > 15
    untranslated = sorted(r for r in reasons if read_error(r, "zh") == r)
    assert untranslated == [], f"no Chinese for {untranslated}: add it to READ_ERRORS_ZH"


def test_reader_notes_are_in_the_reports_language() -> None:
    from audit.reports import read_note

    note = "表1: skipped, not a performance-target table (no header row)"
    assert read_note(note, "zh") == "提示：表1：已跳过：不是绩效目标表（没有表头行）"
    assert read_note(note, "en") == f"note: {note}"
    assert read_note("page 3: no ruled table; the file is read from its text", "zh") == (
        "提示：第3页：没有带框线的表格，按文字读取"
    )
    assert read_note("绩效目标表: hidden rows read and checked too: 第5-8、13行", "zh") == (
        "提示：绩效目标表：隐藏的第5-8、13行也已读取和检查"
    )
    assert (
        read_note("草稿: a hidden sheet, read too", "zh") == "提示：草稿：隐藏的工作表，也照常读取"
    )
    assert read_note("Sheet2: a very hidden sheet, read too", "zh") == (
        "提示：Sheet2：深度隐藏的工作表，也照常读取"
    )
    outside = (
        "表: 1 formula(s) without a saved result outside the table (first K1 =TODAY()): not read"
    )
    assert read_note(outside, "zh") == (
        "提示：表：表格以外有1个公式没有保存计算结果（第一个：K1 =TODAY()），未读取"
    )
    skipped = (
        "skipped sheet 辅助: 1 formula saved without its result (first B5 =D5+D6); open and save "
        "it in Excel, WPS or LibreOffice, which store each formula's result, then lint again"
    )
    assert read_note(skipped, "zh").startswith("提示：已跳过工作表辅助：1个公式没有保存计算结果")
    table = "表2: 「项目名称 总计」: a hidden table, not read (a browser does not show it)"
    assert (
        read_note(table, "zh") == "提示：表2：「项目名称 总计」：隐藏的表格，未读取（浏览器不显示）"
    )
    hidden = "表1: 「测试项目 XXX」: hidden rows or cells, not read (a browser does not show them)"
    assert read_note(hidden, "zh") == (
        "提示：表1：「测试项目 XXX」：隐藏的行或单元格，未读取（浏览器不显示）"
    )
    assert read_note("表!J1:L2: skipped, cells right of the table, not read", "zh") == (
        "提示：表!J1:L2：已跳过：表格右侧的单元格，未读取"
    )


def test_the_word_readers_counted_notes_read_in_chinese() -> None:
    from audit.reports import read_note

    struck = "表: 2 cell(s) with struck-through text (first D11): the struck text not read"
    assert (
        read_note(struck, "zh")
        == "提示：表：2个单元格含删除线文字（第一个：D11），删除线部分未读取"
    )

    chunks = (
        "2 imported part(s) (altChunk): not read; "
        "open the document in Word and save it again to make them its own tables"
    )
    assert read_note(chunks, "zh") == (
        "提示：2个导入的部分（altChunk）未读取：请在 Word 中打开并重新保存，使其成为文档自己的表格"
    )
    symbols = (
        "3 Symbol-font character(s) (F0E0 F0E8): not read; "
        "type them as text (≥ ≤ …) instead of inserting them as symbols"
    )
    assert read_note(symbols, "zh") == (
        "提示：3个 Symbol 字体符号（F0E0 F0E8）未读取：应直接输入文字（≥ ≤ …），不要以插入符号的方式输入"
    )
    assert read_note(symbols, "en") == f"note: {symbols}"


@pytest.mark.parametrize("count", [1, 6])
def test_a_sheet_refused_for_its_formulas_reads_in_chinese(count: int) -> None:
    from audit.readers.workbook import _uncached
    from audit.reports import read_error

    message = _uncached("绩效目标表", ((4, 1, "SUM(B7:B8)"),) * count)
    assert read_error(message, "en") == message
    assert read_error(message, "zh") == (
        f"工作表绩效目标表：{count}个公式没有保存计算结果（第一个：B5 =SUM(B7:B8)）："
        "请在 Excel、WPS 或 LibreOffice 中打开并保存（它们会保存每个公式的结果）后再检查"
    )


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", " \n  "])
def test_text_prints_one_line_per_finding_whatever_the_cells_hold(brk: str) -> None:
    # a project name typed on two lines of its cell (Alt+Enter), quoted in a message
    name = f"自谋职业随军家属{brk}专项补贴"
    finding = Finding(
        "duplicate-project", "error", f"项目「{name}」重复", "表.xlsx", None, None, None, None,
        None, name, None, None, None, location="绩效目标表!A8",
    )  # fmt: skip
    broken = FileResult(f"草稿{brk}.pdf", error="not a table")
    out = io.StringIO()
    renderer("text")(LintResult([FileResult("表.xlsx", findings=[finding]), broken]), out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert (
        lines[0]
        == "表.xlsx:绩效目标表!A8: error [duplicate-project] 项目「自谋职业随军家属 专项补贴」重复"
    )
    assert lines[1].startswith("草稿 .pdf:0:0: error [read-error]")


def test_text_leaves_a_message_without_line_breaks_as_it_is() -> None:
    message = "「≥95%」重复填写在3条指标上\u3000（说明）"
    finding = Finding(
        "boilerplate-value", "warning", message, "t.txt", 3, 4, 3, 9, None, None, None, None, None
    )
    out = io.StringIO()
    renderer("text")(LintResult([FileResult("t.txt", findings=[finding])]), out)
    assert out.getvalue() == f"t.txt:3:4: warning [boilerplate-value] {message}\n"


def test_the_xlsb_refusal_reads_in_chinese() -> None:
    from audit.readers.carriers import XLSB_REFUSED
    from audit.reports import read_error

    assert read_error(XLSB_REFUSED, "zh").startswith(
        "Excel 二进制工作簿（.xlsb）：无法读取单元格格式"
    )
    assert read_error(XLSB_REFUSED, "en") == XLSB_REFUSED


def test_a_note_on_a_cell_of_a_text_table_reads_in_chinese() -> None:
    from audit.readers.national import VALUE_COLUMN_UNREAD
    from audit.reports import read_note

    note = f"line 6, column 6: 「2026年指标值」 {VALUE_COLUMN_UNREAD}"
    assert (
        read_note(note, "zh") == "提示：第6行第6列：「2026年指标值」：此列未读取：指标值取自其他列"
    )
    assert (
        read_note("line 5: " + VALUE_COLUMN_UNREAD, "zh")
        == "提示：第5行：此列未读取：指标值取自其他列"
    )
