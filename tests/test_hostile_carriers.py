"""Files made (or saved by accident) to cost a run time, memory or screen
space: a run stays bounded, the file gets one clear line, and the other
files of the run are still linted."""

from __future__ import annotations

from pathlib import Path

from audit.limits import MAX_NOTES_PER_FILE
from scripts.make_examples import rows_from_tsv, write_html
from tests.conftest import SEED_001, run_main

PANYU_ROWS = rows_from_tsv(SEED_001.read_text(encoding="utf-8"))


def page_with_stray_tables(tmp_path: Path, stray: int) -> Path:
    """The Panyu table as a web page, after ``stray`` small tables that are
    not performance-target tables (a site's menus and frames)."""
    path = write_html(tmp_path / "page.html", PANYU_ROWS)
    page = path.read_text(encoding="utf-8")
    menus = "<table><tr><td>首页</td><td>信息公开</td></tr></table>" * stray
    path.write_text(page.replace("<body>", "<body>" + menus), encoding="utf-8")
    return path


def test_past_a_few_notes_about_one_file_one_line_says_how_many_more(tmp_path: Path) -> None:
    path = page_with_stray_tables(tmp_path, 500)
    status, out, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    lines = err.splitlines()
    notes = [line for line in lines if "已跳过" in line]
    assert len(notes) == MAX_NOTES_PER_FILE
    assert notes[0].endswith("表1：已跳过：不是绩效目标表（没有表头行）")
    assert f"{path}: 提示：另有 {500 - MAX_NOTES_PER_FILE:,} 条提示未显示" in err
    assert len(lines) <= MAX_NOTES_PER_FILE + 2
    assert "page.html:" in out  # the table itself is still linted
    assert status in (0, 1)  # read and linted, not refused (2)


def test_the_summary_line_speaks_the_report_language(tmp_path: Path) -> None:
    path = page_with_stray_tables(tmp_path, MAX_NOTES_PER_FILE + 3)
    _, _, err = run_main("lint", "--no-cache", "--lang", "en", "--format", "text", str(path))
    assert f"{path}: note: 3 more notes like these not shown" in err


def test_a_few_notes_are_all_shown_without_a_summary(tmp_path: Path) -> None:
    path = page_with_stray_tables(tmp_path, MAX_NOTES_PER_FILE)
    _, _, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert err.count("已跳过") == MAX_NOTES_PER_FILE
    assert "未显示" not in err


def test_quiet_shows_neither_notes_nor_the_summary(tmp_path: Path) -> None:
    path = page_with_stray_tables(tmp_path, 100)
    _, _, err = run_main("lint", "--no-cache", "--quiet", "--format", "text", str(path))
    assert "提示" not in err
