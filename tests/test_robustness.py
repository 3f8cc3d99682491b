"""Bad input on the command line: paths the tool may not look at, outputs it
must not or cannot write whole, configurations that make no sense. Each
case gets one line naming what is wrong, exit 2, never a traceback; the
near misses run as usual."""

from __future__ import annotations

import json
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
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


# --------------------------------------------------------------------------
# Ctrl-C on a run with worker processes: the workers are stopped at once


def _seed_copies(directory: Path, count: int) -> list[str]:
    """``count`` copies of seed 001, a file per worker task."""
    text = SEED_001.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = directory / f"t{index}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers here")
def test_ctrl_c_stops_the_workers_instead_of_waiting_for_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from audit import lint
    from audit.config import load_config
    from audit.inputs import load

    paths = _seed_copies(tmp_path, 4)
    processes: list[Any] = []
    real_pool = lint._process_pool

    def process_pool(*args: Any, **kwargs: Any) -> Any:
        pool = real_pool(*args, **kwargs)
        real_shutdown = pool.shutdown

        def shutdown(*args: Any, **kwargs: Any) -> None:
            processes.extend(pool._processes.values())  # the workers, before they are let go
            real_shutdown(*args, **kwargs)

        pool.shutdown = shutdown
        return pool

    def slow(path: str) -> object:
        time.sleep(5)  # a big table, still being read
        Path(path + ".done").touch()
        return load(path)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(lint, "_process_pool", process_pool)
    monkeypatch.setattr(lint, "MIN_CHUNK_BYTES", 1)  # a file per worker task
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with pytest.raises(KeyboardInterrupt):
            list(lint.iter_lint(paths, load_config(None, discover=False), slow, jobs=2))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert processes
    # Stopped, not left to finish the files they hold (which takes seconds).
    assert sorted(tmp_path.glob("*.done")) == []


def test_near_miss_an_uninterrupted_run_with_workers_ends_them_normally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit import lint
    from audit.config import load_config

    paths = _seed_copies(tmp_path, 4)
    monkeypatch.setattr(lint, "MIN_CHUNK_BYTES", 1)
    results = list(lint.iter_lint(paths, load_config(None, discover=False), jobs=2))
    assert [r.path for r in results] == paths
    assert all(r.error is None for r in results)


# --------------------------------------------------------------------------
# Configuration values that make no sense: refused with file, line and key


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        (
            "extends: default\nrules:\n  goal-too-short:\n    min_chars: -5\n",
            "x.yaml:4: rules.goal-too-short.min_chars: must be at least 0, got -5",
        ),
        (
            "extends: default\nrules:\n  row-sum-mismatch:\n    tolerance: -1\n",
            "x.yaml:4: rules.row-sum-mismatch.tolerance: must be at least 0, got -1",
        ),
        (
            "extends: default\nrules:\n  goal-too-short:\n    min_chars: 1e400\n",
            "x.yaml:4: rules.goal-too-short.min_chars: must be an integer, got the text '1e400'"
            " (YAML reads a number with an exponent only written with a dot and a sign,"
            " as 1.0e+3)",
        ),
        (
            "extends: default\nrules:\n  placeholder: {severity: warning}\n"
            "  placeholder: {severity: info}\n",
            "x.yaml:4: invalid YAML: 'placeholder' is given twice (lines 3 and 4): keep one",
        ),
        ("extends: x.yaml\n", "x.yaml:1: extends: circular extends: x.yaml → x.yaml"),
        ("extends: y.yaml\n", "/y.yaml:1: extends: circular extends: x.yaml → y.yaml → x.yaml"),
    ],
)
def test_a_configuration_that_makes_no_sense_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, yaml: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text(yaml, encoding="utf-8")
    (tmp_path / "y.yaml").write_text("extends: x.yaml\n", encoding="utf-8")
    status, out, err = run_main("lint", "--no-cache", "--config", "x.yaml", str(SEED_001))
    assert (status, out) == (2, "")
    if message.startswith("/"):  # a file reached through extends: named in full
        message = f"{tmp_path}{message}"
    assert err == f"indicator-audit: config error: {message}\n"


@pytest.mark.parametrize(
    "yaml",
    [
        "extends: default\nrules:\n  goal-too-short:\n    min_chars: 0\n",
        "extends: default\nrules:\n  row-sum-mismatch:\n    tolerance: 0.05\n",
        "extends: default\nrules:\n  row-sum-mismatch:\n    tolerance: 1.0e-2\n",
        "extends: default\nrules:\n  placeholder: {severity: warning}\n  missing-goal: {}\n",
        "extends: y.yaml\n",
    ],
)
def test_near_miss_sensible_configurations_are_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, yaml: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text(yaml, encoding="utf-8")
    (tmp_path / "y.yaml").write_text("extends: default\n", encoding="utf-8")
    status, _out, err = run_main("lint", "--no-cache", "--config", "x.yaml", str(SEED_001))
    assert status in (0, 1)
    assert "config error" not in err


def test_a_toml_configuration_of_any_name_is_read(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[tool.indicator-audit]\nlang = "en"\n', encoding="utf-8")
    status, out, err = run_main("rules", "--config", str(settings))
    assert (status, err) == (0, "")
    assert "A stretch of the indicator cell that is not a clause." in out  # English
    settings.write_text('[tool.other]\nlang = "en"\n', encoding="utf-8")
    status, out, err = run_main("rules", "--config", str(settings))
    assert status == 2
    assert err == f"indicator-audit: config error: {settings}: no [tool.indicator-audit] table\n"


# --------------------------------------------------------------------------
# Contradictory or empty options: refused, not one of them silently dropped


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["lint", "--config", "x.yaml", "--no-config", "t.txt"],
            "--config FILE and --no-config contradict each other: give one",
        ),
        (
            ["lint", "--no-config", "--config", "x.yaml", "t.txt"],
            "--config FILE and --no-config contradict each other: give one",
        ),
        (
            ["rules", "--no-config", "--config", "x.yaml"],
            "--config FILE and --no-config contradict each other: give one",
        ),
        (
            ["lint", "--output", "", "t.txt"],
            "--output: an empty file name (leave --output out to write to standard output)",
        ),
        (
            ["export", "--to", "csv", "--output", "", "t.txt"],
            "--output: an empty file name (leave --output out to write to standard output)",
        ),
        (
            ["lint", "--select", "", "t.txt"],
            "--select: empty (give rules, groups or globs, or ALL)",
        ),
        (
            ["lint", "--ignore", ",", "t.txt"],
            "--ignore: empty (give rules, groups or globs, or ALL)",
        ),
        (
            ["lint", "--stdin-filename", "a.txt", "t.txt"],
            "--stdin-filename names standard input: give - among the files",
        ),
        (
            ["lint", "--show-settings", "a.txt", "b.txt"],
            "--show-settings prints the settings of one file (a.txt): the other files given"
            " (b.txt) would not be used",
        ),
    ],
)
def test_contradictory_or_empty_options_are_refused(args: list[str], message: str) -> None:
    status, out, err = run_main(*args)
    assert (status, out) == (2, "")
    assert err == f"indicator-audit: {message}\n"


def test_near_miss_options_that_agree_are_taken() -> None:
    text = SEED_001.read_bytes()
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--select", "placeholder,ALL", "--format", "text",
        "--stdin-filename", "a.txt", "-", stdin=text,
    )  # fmt: skip
    assert status in (0, 1)
    assert err == ""
    status, out, err = run_main("lint", "--no-config", "--show-settings", "a.txt")
    assert (status, err) == (0, "")
    assert json.loads(out)["file"] == "a.txt"


# --------------------------------------------------------------------------
# Read errors that say what the file is


def _lint_text(path: Path, lang: str = "en") -> tuple[int, str]:
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--lang", lang, "--format", "text", str(path)
    )
    assert "Traceback" not in err
    return status, out.strip()


def test_a_password_protected_pdf_is_named_as_such(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "protected.pdf"
    page = canvas.Canvas(str(path), pagesize=A4, encrypt="pw")
    page.drawString(72, 720, "x")
    page.save()
    assert _lint_text(path) == (
        2,
        f"{path}:0:0: error [read-error] password-protected PDF: save it without the password",
    )
    # The near miss: a PDF cut short is corrupt, not protected.
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(path.read_bytes()[:200])
    status, line = _lint_text(cut)
    assert status == 2
    assert line.startswith(f"{cut}:0:0: error [read-error] corrupt PDF: ")


OLE2_ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le")
)
"""The start of an encrypted Office file (a compound file holding ``EncryptionInfo``):
a Word document and a workbook are encrypted into the same container."""


def test_a_password_protected_word_file_is_not_called_a_workbook(tmp_path: Path) -> None:
    document, workbook = tmp_path / "protected.docx", tmp_path / "protected.xlsx"
    document.write_bytes(OLE2_ENCRYPTED)
    workbook.write_bytes(OLE2_ENCRYPTED)
    assert _lint_text(document, "zh") == (
        2,
        f"{document}:0:0: error [read-error] Word 文档有密码保护：请去掉密码后重新保存",
    )
    assert _lint_text(workbook, "zh") == (
        2,
        f"{workbook}:0:0: error [read-error] 工作簿有密码保护：请去掉密码后重新保存",
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path, codec: str) -> None:
    text = SEED_001.read_text(encoding="utf-8")
    path = tmp_path / "table.txt"
    path.write_bytes(text.encode(codec))
    assert _lint_text(path) == (
        2,
        f"{path}:0:0: error [read-error] UTF-16 text without a byte-order mark (BOM):"
        " save the table as UTF-8",
    )
    path.write_bytes(text.encode("utf-16"))  # the near miss: with its BOM, read
    status, out = _lint_text(path)
    assert status in (0, 1)
    assert "[read-error]" not in out


def test_binary_data_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_bytes(bytes(range(256)) * 8)
    status, line = _lint_text(path)
    assert status == 2
    assert line.endswith("binary file (contains NUL bytes), not a text table")


@pytest.mark.parametrize(
    ("suffix", "kind"),
    [
        (".xlsx", "not a workbook (no zip archive)"),
        (".docx", "not a Word document (no zip archive)"),
        (".pdf", "not a PDF file (no %PDF header)"),
        (".ods", "not a spreadsheet (no zip archive)"),
    ],
)
@pytest.mark.parametrize("content", [bytes(range(1, 256)) * 20, b"D" * 5000])
def test_a_file_that_is_not_what_its_name_says_is_a_read_error(
    tmp_path: Path, suffix: str, kind: str, content: bytes
) -> None:
    """Random bytes or plain text under a workbook's, PDF's or Word file's
    name: damaged or renamed, an error in a walk too, never "save as UTF-8"."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / f"table{suffix}").write_bytes(content)
    (folder / "seed.txt").write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _ = run_main("lint", "--no-cache", "-q", "--format", "text", str(folder))
    assert status == 2
    assert f"named {suffix}, {kind}" in out and "文件内容与扩展名不符" in out
    assert "UTF-8" not in out


@pytest.mark.parametrize("suffix", [".xls", ".et", ".txt"])
def test_near_miss_text_under_an_excel_export_name_is_read(tmp_path: Path, suffix: str) -> None:
    """A system's "export to Excel" writes tab-separated text as .xls."""
    path = tmp_path / f"table{suffix}"
    path.write_bytes(SEED_001.read_bytes())
    assert run_main("lint", "--no-cache", "--format", "text", str(path))[0] in (0, 1)


def test_cache_dir_before_anything_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("INDICATOR_AUDIT_NO_CACHE", raising=False)
    assert run_main("cache", "dir") == (0, f"{tmp_path / 'cache' / 'results'}\n", "")
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", "off")  # the near miss: no cache at all
    status, out, err = run_main("cache", "dir")
    assert (status, out) == (2, "")
    assert "no private cache directory" in err


# --------------------------------------------------------------------------
# Tables too large for the machine


def test_a_text_table_of_too_many_lines_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows of a few bytes each (``x\\t1``) would make millions of rows: the
    file is refused by its lines before any is read into a row."""
    import audit.readers

    monkeypatch.setattr(audit.readers, "MAX_TEXT_LINES", 400)
    path = tmp_path / "long.txt"
    path.write_text(SEED_001.read_text(encoding="utf-8") + "x\t1\n" * 400, encoding="utf-8")
    status, out, _ = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 2
    assert "table too large: " in out and "lines (the limit is 400)" in out
    near = tmp_path / "seed.txt"  # near miss: the table alone is read
    near.write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_main("lint", "--no-cache", "--format", "text", str(near))[0] in (0, 1)


def test_running_out_of_memory_is_said_as_such_not_as_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table too large for the machine is no bug in a rule: it is said for
    that file, and the other files of the run are checked."""
    import audit.lint

    checked: list[str] = []

    def exhausted(document: Any, config: Any) -> Any:
        checked.append(document.path)
        if len(checked) == 1:
            raise MemoryError
        return []

    monkeypatch.setattr(audit.lint, "run", exhausted)
    other = tmp_path / "other.txt"
    other.write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, err = run_main(
        "lint", "--no-cache", "--jobs", "1", "--format", "text", str(SEED_001), str(other)
    )
    assert status == 2
    assert "out of memory: the table is too large to check on this machine" in out
    assert "bug" not in out + err
    assert len(checked) == 2  # the other file is checked
