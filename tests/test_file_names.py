"""A table whose file name is not UTF-8 (a zip archive made on a system
writing names in GBK, unpacked here): every report, export and baseline
writes it with U+FFFD for the bytes it cannot show, as valid UTF-8, and a
baseline written for it matches it on the next run."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import run_main

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or sys.getfilesystemencoding().lower() != "utf-8",
    reason="a file name of bytes that are not UTF-8 needs a POSIX file system read as UTF-8",
)

SHOWN = "bad\ufffdname.txt"


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The example table under a name holding the byte 0xFF, in the working
    directory: its relative name is what the reports write."""
    name = os.fsdecode(b"bad\xffname.txt")  # the byte held as a lone surrogate
    shutil.copy(ROOT / "examples" / "panyu-2025.txt", tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(tmp_path / "cache"))
    return name


@pytest.mark.parametrize(
    "form", ["text", "json", "json-lines", "sarif", "gitlab", "github", "junit", "html", "rich"]
)
def test_every_report_writes_the_name(table: str, tmp_path: Path, form: str) -> None:
    output = tmp_path / f"report.{form}"
    status, _, err = run_main("lint", "--format", form, "--output", str(output), table)
    assert (status, err) == (0, "")
    written = output.read_bytes().decode("utf-8")  # valid UTF-8
    assert "\ufffd" in written or "%FF" in written  # SARIF's URI quotes the byte itself
    if form in ("json", "sarif", "gitlab"):
        json.loads(written)


@pytest.mark.parametrize("to", ["csv", "json", "xlsx"])
def test_every_export_writes_the_name(table: str, tmp_path: Path, to: str) -> None:
    output = tmp_path / f"rows.{to}"
    status, _, err = run_main("export", "--to", to, "--output", str(output), table)
    assert (status, err) == (0, "")
    if to == "json":
        assert json.loads(output.read_text(encoding="utf-8"))[0]["file"] == SHOWN


def test_pages_by_unit_write_the_name(table: str, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    status, _, _ = run_main(
        "lint", "--format", "html", "--split-by", "unit", "--output", str(pages), table
    )
    assert status == 0
    texts = [page.read_text(encoding="utf-8") for page in pages.glob("*.html")]
    assert len(texts) == 2 and any(SHOWN in text for text in texts)


def test_a_baseline_of_the_file_matches_it_again(table: str, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    status, _, _ = run_main("lint", "--write-baseline", str(baseline), table)
    assert status == 0
    assert SHOWN in baseline.read_text(encoding="utf-8")
    status, out, _ = run_main(
        "lint", "--format", "text", "--baseline", str(baseline), "--strict-baseline", table
    )
    assert (status, out) == (0, "")
