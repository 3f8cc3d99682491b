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
