"""Output that once crashed or overwrote input: text that cannot be encoded,
file names that are not UTF-8, ``--output`` onto an input, a failed write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from audit.output import SafeStream, input_named, safe_text, write_atomically
from audit.reports import FORMATS
from tests.conftest import project_row, tsv_table
from tests.excerpts import STANDARD

SURROGATE_TABLE = tsv_table(
    [project_row("甲项目&#55296;", STANDARD.replace("人数", "人数&#55296;"), goal="待补充&#56320;")]
)


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "audit", *args],
        capture_output=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_lone_surrogate_in_a_cell_does_not_crash_any_format(tmp_path: Path, name: str) -> None:
    table = tmp_path / "table.txt"
    table.write_text(SURROGATE_TABLE, encoding="utf-8")
    result = cli("lint", "--no-config", "--format", name, str(table))
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode("utf-8")  # valid UTF-8
    assert "\ufffd" in text or name in ("github",)
    if name in ("json", "sarif"):
        json.loads(text)


@pytest.mark.skipif(sys.platform != "linux", reason="needs file names of arbitrary bytes")
@pytest.mark.parametrize("name", ["text", "json", "sarif", "html", "junit", "github", "rich"])
def test_file_name_that_is_not_utf8(tmp_path: Path, name: str) -> None:
    raw = os.fsencode(tmp_path) + b"/\xff\xfe-table.txt"
    with open(raw, "wb") as file:
        file.write(SURROGATE_TABLE.encode("utf-8"))
    result = cli("lint", "--no-config", "--format", name, os.fsdecode(raw))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert "-table.txt" in result.stdout.decode("utf-8")
    report = tmp_path / f"report.{name}"
    written = cli(
        "lint", "--no-config", "--format", name, "--output", str(report), os.fsdecode(raw)
    )
    assert written.returncode == 1
    report.read_bytes().decode("utf-8")


def test_parse_json_with_a_lone_surrogate(tmp_path: Path) -> None:
    table = tmp_path / "table.txt"
    table.write_text(SURROGATE_TABLE, encoding="utf-8")
    result = cli("parse", "--format", "json", str(table))
    assert result.returncode == 0
    json.loads(result.stdout.decode("utf-8"))


@pytest.mark.parametrize(
    ("text", "encoding", "safe"),
    [
        ("正常", "utf-8", "正常"),
        ("a\ud800b", "utf-8", "a\ufffdb"),
        ("\udcff\udcfe", "utf-8", "\ufffd\ufffd"),
        ("≥90%\ud800", "ascii", "?90%?"),
        ("正常", "gbk", "正常"),
        ("x", "no-such-codec", "x"),
    ],
)
def test_safe_text(text: str, encoding: str, safe: str) -> None:
    assert safe_text(text, encoding) == safe


def test_safe_stream_passes_through_attributes(tmp_path: Path) -> None:
    with open(tmp_path / "out.txt", "w", encoding="utf-8") as file:
        stream = SafeStream(file)  # type: ignore[arg-type]
        stream.write("a\ud800")
        assert stream.isatty() is False
        assert stream.encoding == "utf-8"
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "a\ufffd"


# --------------------------------------------------------------------------
# Never over an input


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "table.txt"
    path.write_text(tsv_table([project_row("甲项目", STANDARD, goal="待补充")]), encoding="utf-8")
    return path


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_output_naming_an_input_is_refused(tmp_path: Path, table: Path, option: str) -> None:
    before = table.read_bytes()
    result = cli("lint", "--no-config", str(table), option, str(table))
    assert result.returncode == 2
    message = result.stderr.decode("utf-8")
    assert f"{option} {table}: is an input of this run" in message
    assert table.read_bytes() == before


def test_output_naming_an_input_by_another_path_is_refused(tmp_path: Path, table: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(table)
    before = table.read_bytes()
    result = cli("lint", "--no-config", str(tmp_path), "--output", "./table.txt", cwd=tmp_path)
    assert result.returncode == 2
    result = cli("lint", "--no-config", str(table), "--output", str(link))
    assert result.returncode == 2
    assert table.read_bytes() == before


def test_output_naming_the_config_or_baseline_is_refused(tmp_path: Path, table: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("lang: zh\n", encoding="utf-8")
    result = cli("lint", "--config", str(config), str(table), "--output", str(config))
    assert result.returncode == 2
    assert config.read_text(encoding="utf-8") == "lang: zh\n"
    baseline = tmp_path / "baseline.json"
    assert cli("lint", "--no-config", str(table), "--write-baseline", str(baseline)).returncode == 0
    kept = baseline.read_bytes()
    result = cli(
        "lint", "--no-config", str(table), "--baseline", str(baseline), "--output", str(baseline)
    )
    assert result.returncode == 2
    assert baseline.read_bytes() == kept


def test_rewriting_the_baseline_read_is_allowed(tmp_path: Path, table: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert cli("lint", "--no-config", str(table), "--write-baseline", str(baseline)).returncode == 0
    result = cli(
        "lint",
        "--no-config",
        str(table),
        "--baseline",
        str(baseline),
        "--write-baseline",
        str(baseline),
    )
    assert result.returncode == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["entries"]


def test_output_to_a_new_file_is_written(tmp_path: Path, table: Path) -> None:
    report = tmp_path / "report.txt"
    result = cli("lint", "--no-config", "--format", "text", str(table), "--output", str(report))
    assert result.returncode == 1
    assert "[placeholder]" in report.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt", "table.txt"]


def test_input_named(tmp_path: Path, table: Path) -> None:
    assert input_named(str(table), ["-", str(table)]) == str(table)
    assert input_named(str(tmp_path / "new.txt"), [str(table)]) is None
    other = tmp_path / "other.txt"
    other.write_text("x", encoding="utf-8")
    assert input_named(str(other), [str(table), "<stdin>"]) is None


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("the previous report", encoding="utf-8")

    def fails(out: object) -> None:
        out.write("half a rep")  # type: ignore[attr-defined]
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_atomically(str(target), fails)
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_an_atomic_write_keeps_the_mode_of_the_target(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(str(target), lambda out: out.write("new"))
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_an_atomic_write_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    write_atomically(str(link), lambda out: out.write("new"))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_to_a_device_writes_to_it_and_leaves_it_a_device(table: Path) -> None:
    import stat

    result = cli("lint", "--no-config", str(table), "--output", "/dev/null")
    assert result.returncode == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
