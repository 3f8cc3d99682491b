"""Baselines: recorded findings are not reported again, whatever rows move;
an edited value brings its finding back; stale entries fail --strict-baseline;
a missing or corrupt baseline is an error (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.cli import main
from tests.conftest import project_row, tsv_table

SELECT = "placeholder,repeated-field"

PLACEHOLDER = project_row(
    "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:5人。"
)
REPEATED = project_row(
    "项目乙",
    "1、1-产出指标；11-数量指标；次数；实施周期指标值:5次；年度指标值:5次；年度指标值:5次。",
)
CLEAN = project_row(
    "项目丙", "1、1-产出指标；11-数量指标；人数；实施周期指标值:3人；年度指标值:3人。"
)


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)


def lint(*args: str) -> int:
    return main(["lint", "--no-config", "--select", SELECT, "--format", "text", *args])


def write(path: Path, *rows: list[str]) -> Path:
    path.write_text(tsv_table(rows), encoding="utf-8")
    return path


def findings(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def test_baseline_hides_recorded_findings(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("t.txt"), PLACEHOLDER, REPEATED, CLEAN)
    assert lint("t.txt") == 1
    before = findings(capsys.readouterr().out)
    assert len(before) >= 2
    assert lint("t.txt", "--write-baseline", "baseline.json") == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "recorded" in captured.err and "baseline.json" in captured.err
    assert lint("t.txt", "--baseline", "baseline.json") == 0
    assert findings(capsys.readouterr().out) == []


def test_baseline_survives_rows_moving(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("t.txt"), PLACEHOLDER, REPEATED, CLEAN)
    lint("t.txt", "--write-baseline", "baseline.json")
    other = project_row(
        "项目丁", "1、1-产出指标；11-数量指标；人数；实施周期指标值:8人；年度指标值:8人。"
    )
    write(Path("t.txt"), other, CLEAN, REPEATED, PLACEHOLDER)
    capsys.readouterr()
    assert lint("t.txt", "--baseline", "baseline.json", "--strict-baseline") == 0
    captured = capsys.readouterr()
    assert findings(captured.out) == []
    assert "stale" not in captured.err


def test_editing_a_value_brings_its_finding_back(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("t.txt"), PLACEHOLDER, REPEATED)
    lint("t.txt", "--write-baseline", "baseline.json")
    edited = project_row(
        "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待定；年度指标值:5人。"
    )
    write(Path("t.txt"), edited, REPEATED)
    capsys.readouterr()
    assert lint("t.txt", "--baseline", "baseline.json") == 1
    (line,) = findings(capsys.readouterr().out)
    assert "[placeholder]" in line and "待定" in line


def test_counts_per_key_report_the_extra_occurrence(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("t.txt"), PLACEHOLDER, CLEAN)
    lint("t.txt", "--write-baseline", "baseline.json")
    write(Path("t.txt"), PLACEHOLDER, CLEAN, PLACEHOLDER)  # the same finding twice now
    capsys.readouterr()
    assert lint("t.txt", "--baseline", "baseline.json") == 1
    (line,) = findings(capsys.readouterr().out)
    assert line.startswith("t.txt:11:")  # the second occurrence, in file order


def test_stale_entries_fail_only_with_strict_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("t.txt"), PLACEHOLDER, REPEATED)
    lint("t.txt", "--write-baseline", "baseline.json")
    write(Path("t.txt"), CLEAN, REPEATED)  # the placeholder was fixed
    capsys.readouterr()
    assert lint("t.txt", "--baseline", "baseline.json") == 0
    assert capsys.readouterr().err == ""
    assert lint("t.txt", "--baseline", "baseline.json", "--strict-baseline") == 1
    captured = capsys.readouterr()
    assert findings(captured.out) == []
    stale = [line for line in captured.err.splitlines() if "stale baseline entry" in line]
    assert len(stale) == 1 and "[placeholder]" in stale[0] and "项目甲" in stale[0]
    assert "--write-baseline baseline.json" in captured.err


def test_entries_of_files_not_linted_are_not_stale(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("a.txt"), PLACEHOLDER)
    write(Path("b.txt"), REPEATED)
    lint("a.txt", "b.txt", "--write-baseline", "baseline.json")
    capsys.readouterr()
    assert lint("a.txt", "--baseline", "baseline.json", "--strict-baseline") == 0
    assert "stale" not in capsys.readouterr().err


def test_paths_are_relative_to_the_baseline_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tables").mkdir()
    write(tmp_path / "tables" / "t.txt", PLACEHOLDER)
    lint("tables/t.txt", "--write-baseline", "baseline.json")
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert {entry["file"] for entry in data["entries"]} == {"tables/t.txt"}
    monkeypatch.chdir(tmp_path / "tables")
    capsys.readouterr()
    assert lint("t.txt", "--baseline", "../baseline.json", "--strict-baseline") == 0


def test_baseline_file_is_sorted_stable_and_has_no_line_numbers(tmp_path: Path) -> None:
    write(Path("t.txt"), REPEATED, PLACEHOLDER)
    lint("t.txt", "--write-baseline", "one.json")
    lint("t.txt", "--write-baseline", "two.json")
    first = Path("one.json").read_bytes()
    assert first == Path("two.json").read_bytes()
    data = json.loads(first)
    assert data["version"] == 1
    assert data["tool"]["name"] == "indicator-audit" and data["tool"]["version"]
    entries = data["entries"]
    fields = ("file", "rule", "unit", "project", "field", "indicator", "excerpt")
    keys = [tuple(entry[k] or "" for k in fields) for entry in entries]
    assert keys == sorted(keys)
    for entry in entries:
        assert set(entry) == {
            "file",
            "rule",
            "unit",
            "project",
            "field",
            "indicator",
            "excerpt",
            "count",
        }
        assert entry["count"] >= 1
    repeated = [e for e in entries if e["rule"] == "repeated-field"]
    assert repeated and repeated[0]["indicator"] == "次数"
    assert "待补充" in first.decode("utf-8")  # UTF-8, not \\u escapes


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "invalid JSON at line 1"),
        ('{"version": 1}', "'entries' list"),
        ('{"version": 9, "entries": []}', "unsupported baseline version 9"),
        ('{"version": 99}', "unsupported baseline version 99"),  # whatever else it holds
        ('{"version": 1, "entries": [{"rule": "x"}]}', "entry 1: needs 'file' and 'rule'"),
        (
            '{"version": 1, "entries": [{"file": "t.txt", "rule": "x", "count": 0}]}',
            "entry 1: 'count' must be a positive integer",
        ),
    ],
)
def test_missing_or_corrupt_baseline_is_an_error(
    content: str | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(Path("t.txt"), PLACEHOLDER)
    if content is not None:
        Path("baseline.json").write_text(content, encoding="utf-8")
    assert lint("t.txt", "--baseline", "baseline.json") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("indicator-audit: --baseline baseline.json: ")
    assert message in line


def test_strict_baseline_needs_a_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path("t.txt"), CLEAN)
    assert lint("t.txt", "--strict-baseline") == 2
    assert "--strict-baseline needs --baseline" in capsys.readouterr().err


def test_suppressed_and_stale_counts_reach_the_rich_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(Path("t.txt"), PLACEHOLDER, REPEATED)
    lint("t.txt", "--write-baseline", "baseline.json")
    write(Path("t.txt"), CLEAN, REPEATED)
    capsys.readouterr()
    options = ["--format", "rich", "--lang", "en", "--baseline", "baseline.json"]
    main(["lint", "--no-config", "--select", SELECT, *options, "t.txt"])
    out = capsys.readouterr().out
    assert "known findings hidden by the baseline" in out
    assert "1 baseline entries no longer match" in out


def test_writing_a_baseline_that_does_not_exist_yet_over_baseline_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A CI script may always pass --baseline; recording the first one works."""
    write(Path("t.txt"), PLACEHOLDER)
    assert lint("t.txt", "--baseline", "b.json", "--write-baseline", "b.json") == 0
    assert lint("t.txt", "--baseline", "b.json") == 0


def test_a_baseline_changes_the_exit_status_not_the_grades(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(Path("t.txt"), PLACEHOLDER, REPEATED, CLEAN)

    def grades(*args: str) -> tuple[int, list[str], str]:
        status = main(["lint", "--no-config", "--select", SELECT, "--format", "json", *args])
        report = json.loads(capsys.readouterr().out)
        ((table,),) = [report["files"]]
        return status, [p["grade"] for p in report["projects"]], table["grade"]

    status, before, table = grades("t.txt")
    assert (status, before, table) == (1, ["中", "中", "优"], "中")
    lint("t.txt", "--write-baseline", "baseline.json")
    capsys.readouterr()
    assert grades("t.txt", "--baseline", "baseline.json") == (0, before, table)


@pytest.mark.parametrize(("unit", "known"), [(None, True), ("某区妇幼保健院", False)])
def test_an_entry_recorded_before_the_unit_was_named(
    capsys: pytest.CaptureFixture[str], unit: str | None, known: bool
) -> None:
    """A baseline written when findings gave a national form's unit as null
    still knows the finding now that they name it (实施单位); an entry of
    another unit does not."""
    from tests.national import FORM, as_tsv

    rows = [list(row) for row in FORM]
    rows[8][4] = "待补充"
    Path("form.tsv").write_text(as_tsv(rows), encoding="utf-8")
    lint("form.tsv", "--write-baseline", "baseline.json")
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert {entry["unit"] for entry in data["entries"]} == {"某区疾病预防控制中心"}
    for entry in data["entries"]:
        entry["unit"] = unit
    Path("baseline.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    code = lint("form.tsv", "--baseline", "baseline.json", "--strict-baseline")
    captured = capsys.readouterr()
    assert (code, findings(captured.out) == [], "stale" in captured.err) == (
        (0, True, False) if known else (1, False, True)
    )
