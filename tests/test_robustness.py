"""Bad input on the command line: paths the tool may not look at, outputs it
must not or cannot write whole, configurations that make no sense. Each
case gets one line naming what is wrong, exit 2, never a traceback; the
near misses run as usual."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_001, run_main


@pytest.fixture
def locked_dirs(tmp_path: Path) -> Iterator[Path]:
    """``tmp_path`` with ``walk/table.txt``, ``walk/locked/`` and
    ``locked/table.txt`` whose directories have mode 000. Skipped where
    permissions do not apply (root with its file-permission override)."""
    (tmp_path / "walk" / "locked").mkdir(parents=True)
    (tmp_path / "locked").mkdir()
    text = SEED_001.read_text(encoding="utf-8")
    for path in ("walk/table.txt", "walk/locked/table.txt", "locked/table.txt", "locked/x.yaml"):
        (tmp_path / path).write_text(text if path.endswith(".txt") else "lang: en\n", "utf-8")
    locked = [tmp_path / "walk" / "locked", tmp_path / "locked"]
    for directory in locked:
        directory.chmod(0)
    try:
        if os.access(tmp_path / "locked", os.R_OK):
            pytest.skip("permissions are not enforced for this user (root)")
        yield tmp_path
    finally:
        for directory in locked:
            directory.chmod(stat.S_IRWXU)


def _one_line_no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) <= 1, err


# --------------------------------------------------------------------------
# Paths that cannot be looked at


def test_a_walk_reports_a_locked_subdirectory_and_lints_the_rest(locked_dirs: Path) -> None:
    status, out, err = run_main(
        "lint",
        "--no-cache",
        "--no-config",
        "--lang",
        "en",
        "--format",
        "json",
        str(locked_dirs / "walk"),
    )
    assert status == 2
    assert "Traceback" not in err
    report = json.loads(out)
    assert [f["path"] for f in report["files"] if not f.get("error")] == [
        str(locked_dirs / "walk" / "table.txt")
    ]
    assert f"{locked_dirs / 'walk' / 'locked'}: a directory that cannot be read" in err


def test_a_locked_directory_named_is_said_to_be_unreadable(locked_dirs: Path) -> None:
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "text", str(locked_dirs / "locked")
    )
    assert status == 2
    assert out.strip().endswith("目录无法读取：没有读取权限")
    assert "no tables found" not in err


def test_a_file_in_a_locked_directory_is_a_read_error(locked_dirs: Path) -> None:
    table = locked_dirs / "locked" / "table.txt"
    for command in (("lint", "--no-cache", "--format", "text"), ("export", "--to", "csv")):
        status, out, err = run_main(*command, "--lang", "zh", str(table))
        assert status == 2
        assert "Traceback" not in err
        assert f"{table}:" in out + err
        assert "没有读取权限" in out + err


def test_a_config_in_a_locked_directory_is_a_config_error(locked_dirs: Path) -> None:
    config = locked_dirs / "locked" / "x.yaml"
    status, out, err = run_main("lint", "--no-cache", "--config", str(config), str(SEED_001))
    assert (status, out) == (2, "")
    assert err == f"indicator-audit: config error: {config}: permission denied\n"


def test_near_miss_a_readable_walk_is_linted_whole(tmp_path: Path) -> None:
    (tmp_path / "walk" / "sub").mkdir(parents=True)
    text = SEED_001.read_text(encoding="utf-8")
    (tmp_path / "walk" / "table.txt").write_text(text, encoding="utf-8")
    (tmp_path / "walk" / "sub" / "table.txt").write_text(text, encoding="utf-8")
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "json", str(tmp_path / "walk")
    )
    assert status in (0, 1)
    assert err == ""
    assert len(json.loads(out)["files"]) == 2


# --------------------------------------------------------------------------
# Files that are no files, in the report's language


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_and_a_symlink_loop_are_named_in_chinese(tmp_path: Path) -> None:
    fifo, loop = tmp_path / "fifo.txt", tmp_path / "loop.txt"
    os.mkfifo(fifo)
    loop.symlink_to("loop.txt")
    status, out, err = run_main(
        "lint",
        "--no-cache",
        "--no-config",
        "--lang",
        "zh",
        "--format",
        "text",
        str(fifo),
        str(loop),
    )
    assert status == 2
    assert out.splitlines() == [
        f"{fifo}:0:0: error [read-error] 是命名管道（FIFO），不是文件",
        f"{loop}:0:0: error [read-error] 符号链接循环：链接最终指向自身",
    ]
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--lang", "en", "--format", "text", str(loop)
    )
    assert status == 2
    assert out.strip().endswith("a symbolic link loop (too many levels of symbolic links)")
    assert "Traceback" not in err


def test_near_miss_a_symlink_to_a_table_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(SEED_001)
    status, out, err = run_main("lint", "--no-cache", "--no-config", "--format", "text", str(link))
    assert status in (0, 1)
    assert "read-error" not in out
    assert err == ""


# --------------------------------------------------------------------------
# Outputs: never over an input, written whole or not at all


@pytest.fixture
def split_dir(tmp_path: Path) -> Path:
    """A directory holding the table to lint under the name ``index.html``."""
    directory = tmp_path / "split"
    directory.mkdir()
    (directory / "index.html").write_text(SEED_001.read_text(encoding="utf-8"), "utf-8")
    return directory


def test_split_pages_never_overwrite_an_input(split_dir: Path) -> None:
    table = split_dir / "index.html"
    before = table.read_bytes()
    status, _out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "html", "--split-by", "unit",
        "--output", str(split_dir), str(table),
    )  # fmt: skip
    assert status == 2
    assert err == (
        f"indicator-audit: --output {split_dir}: the page index.html is an input of this run"
        f" ({table}); refusing to write over it\n"
    )
    assert table.read_bytes() == before
    assert sorted(p.name for p in split_dir.iterdir()) == ["index.html"]  # nothing written


def test_near_miss_split_pages_beside_the_input_are_written(split_dir: Path) -> None:
    out_dir = split_dir.parent / "pages"
    status, _out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "html", "--split-by", "unit",
        "--output", str(out_dir), str(split_dir / "index.html"),
    )  # fmt: skip
    assert status in (0, 1)
    assert err == f"indicator-audit: wrote 2 pages into {out_dir}\n"
    assert (out_dir / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_split_page_taken_by_a_directory_is_named(tmp_path: Path) -> None:
    run_main(
        "lint", "--no-cache", "--no-config", "--format", "html", "--split-by", "unit",
        "--output", str(tmp_path), str(SEED_001),
    )  # fmt: skip
    page = next(p for p in tmp_path.iterdir() if p.name != "index.html")
    page.unlink()
    page.mkdir()
    status, _out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "html", "--split-by", "unit",
        "--output", str(tmp_path), str(SEED_001),
    )  # fmt: skip
    assert status == 2
    assert err == f"indicator-audit: --output {tmp_path}: {page}: Is a directory\n"


class _Interrupted(KeyboardInterrupt):
    pass


def test_an_interrupted_split_leaves_no_partial_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit.reports import html

    real = html.render

    def render(*args: object, **kwargs: object) -> None:
        out = args[1]
        real(*args, **kwargs)  # type: ignore[arg-type]
        out.write("<!-- cut -->")  # type: ignore[attr-defined]
        raise _Interrupted

    monkeypatch.setattr(html, "render", render)
    status, _out, _err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "html", "--split-by", "unit",
        "--output", str(tmp_path / "pages"), str(SEED_001),
    )  # fmt: skip
    assert status == 130
    assert list((tmp_path / "pages").iterdir()) == []  # no page, no temporary file


# openpyxl's zip writer, left half-written by the interruption, complains when collected.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_an_interrupted_export_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from audit import export

    target = tmp_path / f"rows.{fmt}"
    target.write_bytes(b"the previous export")
    real = export._plain
    calls = {"n": 0}

    def plain(value: object) -> object:
        calls["n"] += 1
        if calls["n"] > 50:
            raise _Interrupted
        return real(value)

    monkeypatch.setattr(export, "_plain", plain)
    if fmt == "xlsx":
        import openpyxl.writer.excel

        def write_worksheet(self: object, ws: object) -> None:
            raise _Interrupted

        monkeypatch.setattr(openpyxl.writer.excel.ExcelWriter, "write_worksheet", write_worksheet)
    status, _out, _err = run_main("export", "--output", str(target), str(SEED_001))
    assert status == 130
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_near_miss_an_export_replaces_the_old_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"rows.{fmt}"
    target.write_bytes(b"the previous export")
    status, _out, err = run_main("export", "--output", str(target), str(SEED_001))
    assert (status, err) == (0, "")
    assert target.read_bytes() != b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    if fmt == "xlsx":
        import openpyxl

        assert openpyxl.load_workbook(target).active.max_row > 10


# --------------------------------------------------------------------------
# A reader that goes away: 141 for every format and command

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ("lint", "--no-cache", "--format", "rich"),
        ("lint", "--no-cache", "--format", "html"),
        ("lint", "--no-cache", "--format", "text"),
        ("parse",),
        ("export", "--to", "json"),
    ],
)
def test_a_closed_pipe_exits_141_for_every_format(tmp_path: Path, command: tuple[str, ...]) -> None:
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "audit", *command, "--no-config", str(SEED_001)]
        if command[0] == "lint"
        else [sys.executable, "-m", "audit", *command, str(SEED_001)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in err


# --------------------------------------------------------------------------
# A workbook the Rust reader panics on: one line, no crash dump


def _xls(path: Path) -> Path:
    from scripts.make_examples import rows_from_tsv, write_xls

    rows = rows_from_tsv(SEED_001.read_text(encoding="utf-8"))
    return write_xls(path, [("绩效目标表", rows, ())])


def _cut_xls(tmp_path: Path) -> Path:
    whole = _xls(tmp_path / "whole.xls")
    data = whole.read_bytes()
    cut = tmp_path / "cut.xls"
    cut.write_bytes(data[: len(data) * 99 // 100])
    return cut


@pytest.mark.parametrize("cut", [True, False])
def test_a_workbook_that_makes_calamine_panic_gives_one_line(tmp_path: Path, cut: bool) -> None:
    import subprocess
    import sys

    path = _cut_xls(tmp_path) if cut else _xls(tmp_path / "ok.xls")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "audit",
            "lint",
            "--no-cache",
            "--no-config",
            "--lang",
            "en",
            "--format",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "RUST_BACKTRACE": "1"},
        cwd=tmp_path,
        timeout=120,
    )
    report = json.loads(done.stdout)
    if cut:
        assert done.returncode == 2
        assert done.stderr == f"indicator-audit: {path}: {report['files'][0]['error']}\n"
        assert report["files"][0]["error"].startswith("corrupt workbook")
    else:
        assert done.returncode in (0, 1)
        assert done.stderr == ""
        assert report["summary"]["projects"] > 0
