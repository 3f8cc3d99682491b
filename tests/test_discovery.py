"""Configuration discovery: the nearest configuration for each file (YAML or
``[tool.indicator-audit]`` in pyproject.toml), ``ignore: file:`` globs relative
to the configuration's directory, the same findings from any directory,
``--show-settings``, ``--stdin-filename``, languages, and ignores that
match nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.commands import locale_lang
from tests.conftest import NUMBERING, PLACEHOLDER, run_main, tsv_table


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)


def write(name: str, content: str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return name


def table(name: str) -> str:
    return write(name, tsv_table([PLACEHOLDER, NUMBERING]))


def findings(*args: str) -> list[tuple[str, str, int]]:
    status, out, err = run_main(
        "lint", "--format", "json", "--select", "placeholder,clause-numbering", *args
    )
    assert status in (0, 1), err
    report = json.loads(out)
    return sorted((Path(f["file"]).name, f["rule"], f["line"]) for f in report["findings"])


def test_each_file_gets_its_nearest_configuration() -> None:
    table("a/t.txt")
    table("b/t.txt")
    write("a/.indicator-audit.yaml", "rules:\n  placeholder: false\n")
    write("b/pyproject.toml", "[tool.indicator-audit]\nrules = {clause-numbering = false}\n")
    found = findings("a", "b")
    # --select enables both everywhere; the configurations then differ only by
    # what they disable, which --select overrides: check without --select.
    assert ("t.txt", "placeholder", 9) in found
    _status, out, _ = run_main("lint", "--format", "json", "a", "b")
    rules = {(Path(f["file"]).parent.name, f["rule"]) for f in json.loads(out)["findings"]}
    assert ("a", "placeholder") not in rules and ("a", "clause-numbering") in rules
    assert ("b", "clause-numbering") not in rules and ("b", "placeholder") in rules


def test_pyproject_without_the_table_is_passed_over() -> None:
    table("proj/sub/t.txt")
    write("proj/.indicator-audit.yaml", "rules:\n  placeholder: false\n")
    write("proj/sub/pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    _status, out, _ = run_main("lint", "--format", "json", "proj/sub/t.txt")
    assert "placeholder" not in {f["rule"] for f in json.loads(out)["findings"]}


def test_the_same_command_from_a_subdirectory_gives_the_same_findings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    table("repo/tables/2024/a.txt")
    table("repo/tables/archive/old.txt")
    write(
        "repo/.indicator-audit.yaml",
        "ignore:\n  - file: tables/archive/*.txt\n  - rule: clause-numbering\n"
        "    file: tables/2024/a.txt\n",
    )
    from_root = findings("repo/tables")
    monkeypatch.chdir(tmp_path / "repo" / "tables")
    from_tables = findings(".")
    monkeypatch.chdir(tmp_path / "repo" / "tables" / "2024")
    from_leaf = findings("a.txt", "../archive")
    assert from_root == from_tables == from_leaf
    assert {rule for _, rule, _ in from_root} == {"placeholder"}  # the ignores held
    assert {name for name, _, _ in from_root} == {"a.txt"}


def test_ignore_file_globs_are_relative_to_the_configuration(tmp_path: Path) -> None:
    table("repo/drafts/t.txt")
    write("repo/.indicator-audit.yaml", "ignore:\n  - file: drafts/*.txt\n")
    assert findings("repo/drafts/t.txt") == []
    # The same glob does not match a drafts/ directory somewhere else.
    table("other/drafts/t.txt")
    assert findings("--config", "repo/.indicator-audit.yaml", "other/drafts/t.txt") != []


def test_show_settings_prints_the_configuration_for_a_file() -> None:
    write("repo/pyproject.toml", '[tool.indicator-audit]\nlang = "en"\nextend-exclude = ["old/"]\n')
    table("repo/t.txt")
    status, out, _ = run_main("lint", "--show-settings", "repo/t.txt", "--ignore", "amounts")
    settings = json.loads(out)
    assert status == 0
    assert settings["config"].endswith("pyproject.toml")
    assert settings["lang"] == "en"
    assert settings["extend-exclude"] == ["old/"]
    assert "placeholder" in settings["rules"]
    assert "row-sum-mismatch" in settings["disabled"]


def test_stdin_filename_names_standard_input_everywhere() -> None:
    write("repo/.indicator-audit.yaml", "ignore:\n  - rule: clause-numbering\n    file: drafts/*\n")
    data = tsv_table([PLACEHOLDER, NUMBERING]).encode()
    args = ("lint", "--select", "structure,content", "--stdin-filename", "repo/drafts/t.txt", "-")
    _, out, _ = run_main(*args, "--format", "json", stdin=data)
    report = json.loads(out)
    assert {f["file"] for f in report["findings"]} == {"repo/drafts/t.txt"}
    assert [f["path"] for f in report["files"]] == ["repo/drafts/t.txt"]
    rules = {f["rule"] for f in report["findings"]}
    assert "placeholder" in rules and "clause-numbering" not in rules  # the ignore applied
    _, out, _ = run_main(*args, "--format", "text", stdin=data)
    assert out.startswith("repo/drafts/t.txt:")
    _status, out, _ = run_main("lint", "--format", "sarif", "-", stdin=data)
    assert "stdin" in out and '"-"' not in out


def test_unused_config_ignores_are_noted() -> None:
    table("t.txt")
    write(
        ".indicator-audit.yaml",
        "ignore:\n  - rule: placeholder\n  - rule: percent-out-of-range\n"
        "  - rule: amount-format\n    file: elsewhere/*.txt\n",
    )
    _status, out, err = run_main("lint", "--format", "text", "t.txt")
    assert "[placeholder]" not in out
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("indicator-audit: .indicator-audit.yaml:3: ")
    assert "percent-out-of-range" in lines[0]
    _, _, quiet = run_main("lint", "-q", "--format", "text", "t.txt")
    assert quiet == ""


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, None),
        ({}, None),
    ],
)
def test_language_from_the_locale(environ: dict[str, str], lang: str | None) -> None:
    assert locale_lang(environ) == lang


def test_lang_from_config_then_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    table("t.txt")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _, out, _ = run_main("lint", "--format", "text", "--select", "placeholder", "t.txt")
    assert "placeholder] Placeholder" in out or "placeholder] " in out
    assert "待补充" in out and "placeholder]" in out
    english = out
    write(".indicator-audit.yaml", "lang: zh\n")
    _, out, _ = run_main("lint", "--format", "text", "--select", "placeholder", "t.txt")
    assert out != english
    _, out_en, _ = run_main(
        "lint", "--format", "text", "--select", "placeholder", "--lang", "en", "t.txt"
    )
    assert out_en == english
