"""A named pipe (FIFO) where a cache file or an ignore file goes: passed
over, never waited on (opening a FIFO for reading blocks until someone
writes to it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.resources import read_private, read_private_json
from tests.conftest import SEED_001

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

TIMEOUT = 60
"""A hung run is killed after this long (a normal one takes a second)."""


def _lint(cache: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "INDICATOR_AUDIT_CACHE": str(cache)}
    env.pop("INDICATOR_AUDIT_NO_CACHE", None)
    command = [sys.executable, "-m", "audit", "lint", "--no-config", "--format", "json", *args]
    return subprocess.run(command, capture_output=True, env=env, cwd=cwd, timeout=TIMEOUT)


def _fifo_in_place_of(path: Path) -> None:
    path.unlink()
    os.mkfifo(path, 0o600)


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A cache directory one run filled (kept results and run, programs,
    parsed YAML), the table, and the run's report."""
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    table = tmp_path / "panyu.txt"
    shutil.copyfile(SEED_001, table)
    first = _lint(cache, str(table))
    assert first.returncode == 0 and b'"rule":' in first.stdout and first.stderr == b""
    return cache, table, first.stdout


@pytest.mark.parametrize(
    "pattern",
    ["regex-*.marshal", "yaml-*.json", "results/run-*.json", "results/[0-9a-f]*.json"],
)
def test_a_fifo_where_a_cache_file_goes_is_passed_over(
    filled: tuple[Path, Path, bytes], pattern: str
) -> None:
    cache, table, report = filled
    found = list(cache.glob(pattern))
    assert found, pattern
    for path in found:
        _fifo_in_place_of(path)
    again = _lint(cache, str(table))  # raises TimeoutExpired when it hangs
    assert (again.returncode, again.stdout) == (0, report)
    assert again.stderr == b""


def test_near_miss_the_files_themselves_are_used(filled: tuple[Path, Path, bytes]) -> None:
    cache, table, report = filled
    files = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    again = _lint(cache, str(table))
    assert (again.returncode, again.stdout) == (0, report)
    # Nothing was written again: every entry was read and used.
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == files


def _returns(call: Callable[[], object]) -> object:
    """``call()``, failing the test (instead of hanging it) when it blocks."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    assert not worker.is_alive(), "blocked"
    return result[0]


def test_reading_an_entry_that_is_a_fifo_does_not_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "entry.json"
    os.mkfifo(fifo, 0o600)
    assert _returns(lambda: read_private(fifo)) is None
    assert _returns(lambda: read_private_json(fifo)) is None
    regular = tmp_path / "regular.json"
    regular.write_text('{"a": 1}', encoding="utf-8")
    regular.chmod(0o600)
    assert read_private_json(regular) == {"a": 1}
    assert read_private(regular, limit=8) == b'{"a": 1}'
    assert read_private(regular, limit=7) is None
    assert read_private(tmp_path) is None  # a directory
    assert read_private(tmp_path / "missing.json") is None


def test_a_fifo_as_an_ignore_file_does_not_stop_the_walk(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    project = tmp_path / "project"
    (project / ".git" / "info").mkdir(parents=True)
    tables = project / "tables"
    tables.mkdir()
    shutil.copyfile(SEED_001, tables / "panyu.txt")
    shutil.copyfile(SEED_001, tables / "ignored.txt")
    (project / ".gitignore").write_text("ignored.txt\n", encoding="utf-8")
    walked = _lint(cache, "--no-cache", "tables", cwd=project)
    assert walked.returncode == 0 and b"panyu.txt" in walked.stdout
    assert b"ignored.txt" not in walked.stdout
    os.mkfifo(tables / ".gitignore", 0o600)
    os.mkfifo(project / ".git" / "info" / "exclude", 0o600)
    again = _lint(cache, "--no-cache", "tables", cwd=project)
    assert (again.returncode, again.stdout) == (0, walked.stdout)


def test_a_fifo_named_pyproject_toml_is_passed_over(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    shutil.copyfile(SEED_001, tmp_path / "panyu.txt")
    os.mkfifo(tmp_path / "pyproject.toml", 0o600)
    env = {**os.environ, "INDICATOR_AUDIT_CACHE": str(cache)}
    command = [sys.executable, "-m", "audit", "lint", "--no-cache", "--format", "json", "panyu.txt"]
    done = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path, timeout=TIMEOUT)
    assert done.returncode == 0 and done.stderr == b""


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("/proc", "/proc"),  # root's own, but nothing can be kept there
        ("{tmp}/file", "{tmp}/file is not a directory"),
        ("{tmp}/fifo", "{tmp}/fifo is not a directory"),
        ("off", "turned off (INDICATOR_AUDIT_CACHE=off)"),
    ],
)
def test_cache_dir_says_why_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, reason: str
) -> None:
    from tests.conftest import run_main

    if where == "/proc" and not os.path.isdir("/proc/self"):
        pytest.skip("no /proc here")
    (tmp_path / "file").write_text("not a directory", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo", 0o600)
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", where.format(tmp=tmp_path))
    status, out, err = run_main("cache", "dir")
    assert (status, out) == (2, "")
    assert err.startswith("indicator-audit: no private cache directory: ") and err.count("\n") == 1
    assert reason.format(tmp=tmp_path) in err


def test_near_miss_cache_dir_prints_a_directory_that_can_keep_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import run_main

    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(tmp_path / "new"))
    assert run_main("cache", "dir") == (0, f"{tmp_path / 'new' / 'results'}\n", "")
    assert (tmp_path / "new" / "results").is_dir()
    assert run_main("cache", "dir") == (0, f"{tmp_path / 'new' / 'results'}\n", "")
