"""Failures are not hidden: a bug in building clauses is an internal error
(never a parse-error finding), and a reader that goes away (``| head``)
gives the conventional broken-pipe status without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import parsing
from audit.exitcodes import InternalError
from audit.parsing import _ClauseBuilder, parse_clause_text
from tests.conftest import SEED_001, SEED_002, lint, run_main

ROOT = Path(__file__).parent.parent


@pytest.fixture
def broken_builder(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The clause builder with a bug in it (parsers rebuilt around it)."""

    def name(self: _ClauseBuilder, children: list[object]) -> object:
        raise KeyError("a bug")

    monkeypatch.setattr(_ClauseBuilder, "name", name)
    parsing.clause_parser.cache_clear()
    yield
    monkeypatch.undo()
    parsing.clause_parser.cache_clear()


CLAUSE = "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥100人；年度指标值:≥100人。"


def test_a_bug_in_the_clause_builder_is_an_internal_error(broken_builder: None) -> None:
    with pytest.raises(InternalError) as caught:
        parse_clause_text(CLAUSE)
    assert str(caught.value) == "building the clauses of <clause>:1 failed: KeyError: 'a bug'"


def test_the_cli_reports_it_as_a_bug_without_a_traceback(
    broken_builder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INDICATOR_AUDIT_DEBUG", raising=False)
    status, out, err = run_main("lint", "--no-config", "--format", "text", str(SEED_001))
    assert status == 2
    assert "parse-error" not in out
    lines = err.splitlines()
    assert lines[0].startswith(
        f"indicator-audit: internal error: building the clauses of {SEED_001}"
    )
    assert "please report it" in lines[1]
    assert "Traceback" not in err


def test_the_debug_variable_shows_the_traceback(
    broken_builder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INDICATOR_AUDIT_DEBUG", "1")
    status, _, err = run_main("lint", "--no-config", "--format", "text", str(SEED_001))
    assert status == 2
    assert "Traceback" in err
    assert "KeyError: 'a bug'" in err


def test_text_the_grammar_refuses_is_still_a_parse_error() -> None:
    """The near miss: Lark's own refusal is the table's fault, a finding."""
    clauses = parse_clause_text(CLAUSE + "2、这一条没有任何结构，只是一段说明文字。")
    kinds = [type(c).__name__ for c in clauses]
    assert "ClauseError" in kinds
    assert kinds.count("Clause") >= 1
    findings = lint(SEED_002, ["parse-error"])
    assert findings  # the seed's real stray text
    assert all(f.rule == "parse-error" for f in findings)


def test_a_broken_pipe_exits_141_without_a_traceback(tmp_path: Path) -> None:
    """``indicator-audit lint big.txt | head -1``: the reader goes away after
    one line; the status is 128 + SIGPIPE as for any command killed by it."""
    big = tmp_path / "big.txt"
    big.write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "audit", "lint", "--no-config", "--format", "json", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as head does after its lines
    err = process.stderr.read().decode()
    status = process.wait(timeout=120)
    assert first.startswith(b"{")
    assert status == 141
    assert "Traceback" not in err
    assert "Broken pipe" not in err


def test_a_reader_that_reads_everything_gets_status_of_the_findings(tmp_path: Path) -> None:
    """The near miss: the same run read to its end exits 1 (errors found)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "audit", "lint", "--no-config", "--format", "json", str(SEED_002)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == b""


def test_a_bug_in_a_rule_is_an_internal_error_naming_the_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from audit import engine

    spec = engine.load_rules()["missing-unit"]

    def broken(ctx: object, clause: object) -> Iterator[object]:
        raise ZeroDivisionError("a bug")
        yield  # a generator, as rules are

    monkeypatch.setitem(engine.REGISTRY, "missing-unit", spec._replace(check=broken))
    monkeypatch.delenv("INDICATOR_AUDIT_DEBUG", raising=False)
    status, _, err = run_main("lint", "--no-config", "--format", "text", str(SEED_001))
    assert status == 2
    first = err.splitlines()[0]
    assert first == (
        f"indicator-audit: internal error: rule missing-unit failed on {SEED_001}: "
        "ZeroDivisionError: a bug"
    )
    assert "Traceback" not in err


def test_a_bug_in_a_plugin_rule_is_said_to_be_the_plugin_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "brokenrules"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "boom.py").write_text(
        '''"""A plugin rule with a bug."""

from audit.engine import rule


@rule(
    "boom",
    severity="warning",
    scope="clause",
    messages={"default": ("炸了", "boom")},
    doc_zh="一条有错误的规则。",
)
def boom(ctx, clause):
    """A rule with a bug."""
    raise ValueError("a plugin bug")
    yield
''',
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    config = tmp_path / "config.yaml"
    config.write_text("plugins: [brokenrules]\n", encoding="utf-8")
    monkeypatch.delenv("INDICATOR_AUDIT_DEBUG", raising=False)
    try:
        status, _, err = run_main(
            "lint", "--config", str(config), "--format", "text", str(SEED_001)
        )
    finally:
        for name in [m for m in sys.modules if m.startswith("brokenrules")]:
            del sys.modules[name]
    assert status == 2
    lines = err.splitlines()
    assert "rule boom (plugin brokenrules.boom) failed on" in lines[0]
    assert "ValueError: a plugin bug" in lines[0]
    assert "a bug in the plugin brokenrules.boom" in lines[1]
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_bug_met_on_one_file_leaves_the_others_linted_and_reported(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An auditor's run over many tables: a rule that fails on one of them
    is said for that file (on stderr, as a bug to report), and every other
    file is still linted and its findings reported; the run ends with 2."""
    import json

    from audit import engine

    spec = engine.load_rules()["missing-unit"]
    check = spec.check

    def broken_on_one(ctx: engine.Context, clause: object) -> object:
        if ctx.document.path.endswith("bad.txt"):
            raise ZeroDivisionError("a bug")
        return check(ctx, clause)

    monkeypatch.setitem(engine.REGISTRY, "missing-unit", spec._replace(check=broken_on_one))
    monkeypatch.delenv("INDICATOR_AUDIT_DEBUG", raising=False)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(SEED_001.read_bytes())
    status, out, err = run_main(
        "lint", "--no-config", "--no-cache", "--format", fmt, str(SEED_002), str(bad)
    )
    assert status == 2
    lines = err.splitlines()
    assert lines[0] == (
        f"indicator-audit: internal error: rule missing-unit failed on {bad}: "
        "ZeroDivisionError: a bug"
    )
    assert "a bug in indicator-audit, not in your input: please report it" in lines[1]
    assert "Traceback" not in err
    expected = {f.rule for f in lint(SEED_002)}
    if fmt == "json":
        report = json.loads(out)
        assert {f["rule"] for f in report["findings"]} == expected
        assert report["summary"]["failed"] == 1
    else:
        assert f"{SEED_002}:" in out
        assert "internal error: rule missing-unit failed" in out
