"""The ``lint`` command: exit codes, inputs (files, directories, ``-``),
unreadable files among good ones, format selection, --output, --statistics,
and a lean start-up (no rich import for machine formats)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from audit.cli import main
from tests.conftest import SEED_002, project_row, tsv_table

ROOT = Path(__file__).resolve().parent.parent

CLEAN = project_row(
    "项目丙", "1、1-产出指标；11-数量指标；人数；实施周期指标值:3人；年度指标值:3人。"
)
ERROR = project_row(
    "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:5人。"
)
WARNING = project_row(
    "项目乙",
    "1、1-产出指标；11-数量指标；人数；实施周期指标值:3人；年度指标值:3人。"
    "3、1-产出指标；11-数量指标；次数；实施周期指标值:3次；年度指标值:3次。",
)
SELECT = ["--select", "placeholder,clause-numbering"]


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)


def write(name: str, *rows: list[str]) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tsv_table(rows), encoding="utf-8")
    return name


def lint(*args: str) -> int:
    return main(["lint", "--no-config", *SELECT, *args])


# --------------------------------------------------------------------------
# Exit status


@pytest.mark.parametrize(
    ("rows", "fail_on", "status"),
    [
        ([CLEAN], "error", 0),
        ([ERROR], "error", 1),
        ([WARNING], "error", 0),
        ([WARNING], "warning", 1),
        ([WARNING], "info", 1),
        ([ERROR], "never", 0),
    ],
)
def test_exit_status_follows_fail_on(
    rows: list[list[str]], fail_on: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    write("t.txt", *rows)
    assert lint("--format", "text", "--fail-on", fail_on, "t.txt") == status


def test_unreadable_file_among_good_ones(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", ERROR)
    Path("notes.txt").write_text("这不是绩效目标表\n", encoding="utf-8")
    write("b.txt", WARNING)
    assert lint("--format", "text", "a.txt", "missing.txt", "notes.txt", "b.txt") == 2
    captured = capsys.readouterr()
    # Each read error is printed once: in the report, in the report's language.
    assert captured.err == ""
    out = captured.out
    assert "a.txt:" in out and "b.txt:" in out  # the others were still checked
    assert out.count("missing.txt") == 1
    assert "missing.txt:0:0: error [read-error] 文件不存在" in out
    assert out.count("notes.txt") == 1
    assert "notes.txt:0:0: error [read-error] 不是绩效目标表" in out


def test_read_errors_go_to_stderr_once_when_the_report_does_not_show_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("a.txt", ERROR)
    assert lint("--format", "json", "--lang", "en", "a.txt", "missing.txt") == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == ["indicator-audit: missing.txt: no such file"]
    report = json.loads(captured.out)
    assert [f["error"] for f in report["files"]] == [None, "no such file"]


def test_config_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", CLEAN)
    Path("bad.yaml").write_text("rules:\n  no-such-rule: true\n", encoding="utf-8")
    assert main(["lint", "--config", "bad.yaml", "t.txt"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("indicator-audit: config error: bad.yaml:2")


def test_unknown_selected_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", CLEAN)
    assert main(["lint", "--no-config", "--select", "nope", "t.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("indicator-audit: --select: unknown rule or group 'nope'")
    assert "groups: structure, taxonomy, content" in err


# --------------------------------------------------------------------------
# Inputs


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = tsv_table([ERROR]).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert lint("--format", "text", "-") == 1
    out = capsys.readouterr().out
    assert out.startswith("<stdin>:9:")
    assert "[placeholder]" in out


def test_directories_are_walked_for_tables(capsys: pytest.CaptureFixture[str]) -> None:
    write("tables/a.txt", ERROR)
    write("tables/2024/b.tsv", ERROR)
    Path("tables/readme.md").write_text("# not a table", encoding="utf-8")
    assert lint("--format", "json", "tables") == 1
    report = json.loads(capsys.readouterr().out)
    paths = [f["path"].replace(os.sep, "/") for f in report["files"]]
    assert paths == ["tables/2024/b.tsv", "tables/a.txt"]


def test_empty_directory_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    assert lint("empty") == 2
    assert "no tables found" in capsys.readouterr().err


# --------------------------------------------------------------------------
# Formats and output


def test_text_is_the_default_in_a_pipe(capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", ERROR)
    lint("t.txt")
    out = capsys.readouterr().out
    assert out.startswith("t.txt:9:") and " error [placeholder] " in out


def test_github_format_is_chosen_under_github_actions(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write("t.txt", ERROR)
    assert lint("t.txt") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=t.txt,line=9,")
    assert lines[-1].startswith("::notice::indicator-audit：")


def test_explicit_format_wins_under_github_actions(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write("t.txt", ERROR)
    lint("--format", "text", "t.txt")
    assert capsys.readouterr().out.startswith("t.txt:9:")


@pytest.mark.parametrize("name", ["text", "json", "sarif", "github", "junit", "html", "rich"])
def test_output_writes_utf8_to_a_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", ERROR)
    assert lint("--format", name, "--output", "report.out", "t.txt") == 1
    assert capsys.readouterr().out == ""
    text = Path("report.out").read_bytes().decode("utf-8")
    assert "待补充" in text or "placeholder" in text
    assert "\x1b[" not in text  # no colour in a file


def test_output_to_an_unwritable_place_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", CLEAN)
    assert lint("--output", "no/such/dir/report.txt", "t.txt") == 2
    assert "--output no/such/dir/report.txt" in capsys.readouterr().err


def test_statistics_prints_counts_per_rule(capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", ERROR, WARNING, ERROR)
    assert lint("--statistics", "--format", "text", "--lang", "en", "t.txt") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["count", "error", "warning", "info", "rule"]
    rows = {line.split()[4]: line.split()[:4] for line in lines[1:]}
    assert rows["placeholder"] == ["2", "2", "0", "0"]
    assert rows["clause-numbering"] == ["1", "0", "1", "0"]
    assert rows["total"] == ["3", "2", "1", "0"]


def test_statistics_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    write("t.txt", ERROR, WARNING, ERROR)
    assert lint("--statistics", "--format", "json", "t.txt") == 1
    stats = json.loads(capsys.readouterr().out)
    assert [(r["rule"], r["count"], r["error"], r["warning"]) for r in stats["rules"]] == [
        ("placeholder", 2, 2, 0),
        ("clause-numbering", 1, 0, 1),
    ]
    assert stats["rules"][0]["group"] == "content"
    assert stats["total"] == {"count": 3, "error": 2, "warning": 1, "info": 0}


def test_help_documents_formats_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    out = capsys.readouterr().out
    for word in ("--baseline", "--strict-baseline", "--statistics", "sarif", "exit status"):
        assert word in out


def test_help_names_every_group_a_selector_takes(capsys: pytest.CaptureFixture[str]) -> None:
    """The groups --help lists are those an unknown selector's error lists."""
    from audit.config import load_config
    from audit.selection import families

    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    selectors = " ".join(capsys.readouterr().out.split("rule selectors")[1].split())
    groups = families(load_config(None, discover=False).specs())
    assert groups and all(group in selectors for group in groups)
    assert "custom" in selectors


# --------------------------------------------------------------------------
# Processes: start-up cost and terminal behaviour


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
    )


@pytest.mark.parametrize("name", ["text", "json", "sarif", "github", "junit", "html"])
def test_machine_formats_do_not_import_rich(name: str) -> None:
    result = run_cli("-X", "importtime", "-m", "audit", "lint", "--format", name, str(SEED_002))
    assert result.returncode in (0, 1), result.stderr[-2000:]
    imported = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert imported, "no -X importtime output"
    assert not [line for line in imported if "rich" in line.split("|")[-1]]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("lint", "--no-cache", "--format", "text", "examples/panyu-2025.txt"),  # a long report
        ("lint", "--no-cache", "--select", "markup-residue", "examples/panyu-2025.txt"),  # short
        ("rules",),
        ("parse", "examples/panyu-2025.txt"),
        ("export", "--to", "csv", "examples/panyu-2025.txt"),
    ],
)
def test_a_report_that_cannot_be_written_is_an_error_not_a_traceback(args: tuple[str, ...]) -> None:
    """Standard output on a full disk: one line says so, exit 2."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "audit", *args],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "indicator-audit: cannot write the report: No space left on device\n"


def _closed(fd: int, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line started with descriptor ``fd`` closed (``>&-``, ``<&-``)."""

    def close() -> None:
        os.close(fd)

    return subprocess.run(
        [sys.executable, "-m", "audit", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL if fd != 0 else None,
        stdout=subprocess.DEVNULL if fd != 1 else None,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=close,  # the child only closes one descriptor
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
@pytest.mark.parametrize(
    "args",
    [("lint", "--no-cache", "--format", "text", "examples/panyu-2025.txt"), ("rules",)],
)
def test_a_closed_standard_output_is_said(args: tuple[str, ...]) -> None:
    result = _closed(1, *args)
    assert result.returncode == 2
    assert result.stderr == "indicator-audit: cannot write the report: standard output is closed\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
def test_a_closed_standard_output_is_no_matter_with_an_output_file(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = _closed(1, "lint", "--no-cache", "--format", "json", "--output", str(report),
                     "examples/panyu-2025.txt")  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
def test_a_closed_standard_input_is_a_read_error() -> None:
    result = _closed(0, "lint", "--no-cache", "--format", "text", "-")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_rich_format_in_a_pipe_has_no_escape_codes_and_no_progress_bar() -> None:
    result = run_cli(
        "-m",
        "audit",
        "lint",
        "--format",
        "rich",
        str(SEED_002),
        str(SEED_002),
        env={"COLUMNS": "90"},
    )
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert result.stderr == ""
    assert "广州市人力资源和社会保障局" in result.stdout
    assert all(cell_len(line) <= 90 for line in result.stdout.splitlines())


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from audit.commands import _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    paths = ["a.txt", "b.txt", "c.txt"]
    with _progress(paths, quiet=False) as on_file:
        assert on_file is None  # stderr is captured, not a terminal
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _progress(paths, quiet=True) as on_file:
        assert on_file is None
    with _progress(paths[:1], quiet=False) as on_file:
        assert on_file is None
    with _progress(paths, quiet=False) as on_file:
        assert on_file is not None
        for path in paths:
            on_file(path)
    assert terminal.getvalue()  # drew (and, transient, cleared) the bar


def test_pre_commit_hook_definition() -> None:
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "indicator-audit"
    assert hook["entry"] == "indicator-audit lint --force-exclude"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.txt", "b/c.tsv", "d.csv"))
    assert not any(pattern.search(name) for name in ("a.md", "txt", "a.txt.bak"))


@pytest.mark.parametrize("fmt", ["text", "rich", "github", "html", "junit", "gitlab", "json-lines"])
def test_a_read_error_is_printed_once_in_the_report_language(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.txt", ERROR)
    assert lint("--format", fmt, "a.txt", "missing.txt") == 2
    captured = capsys.readouterr()
    if fmt in ("text", "rich", "github"):  # read on the terminal: once, in the report
        assert (captured.out + captured.err).count("文件不存在") == 1
        assert captured.err == ""
    else:  # a report for a machine or a file: once in it, and once on stderr
        assert captured.out.count("文件不存在") == 1
        assert captured.err == "indicator-audit: missing.txt: 文件不存在\n"
    assert "no such file" not in captured.out + captured.err


def test_stdin_has_one_name_in_every_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tsv_table([ERROR]).encode("utf-8")
    for fmt in ("text", "json", "github", "junit", "gitlab", "json-lines", "html"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        lint("--format", fmt, "-")
        out = capsys.readouterr().out
        assert "&lt;stdin&gt;" in out if fmt in ("html", "junit") else "<stdin>" in out, fmt
        assert '"-"' not in out and "stdin>" in out.replace("&gt;", ">"), fmt


def test_a_library_call_leaves_the_garbage_collector_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from audit import commands

    table = tmp_path / "t.txt"
    table.write_text(tsv_table([project_row("机构运行辅助经费", "")]), encoding="utf-8")
    before = gc.get_freeze_count()
    main(["lint", "--no-cache", "--format", "json", str(table)])
    assert gc.get_freeze_count() == before
    assert not commands.whole_process


def test_the_whole_process_freezes_what_its_setup_built(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from audit import commands

    monkeypatch.setattr(commands, "whole_process", True)
    try:
        commands.settled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
