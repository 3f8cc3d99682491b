"""Tab-separated, comma-separated and PDF-extracted text read a printed
page's number and a header worded its own way as the grid readers do.

* A row of nothing but a page's number (``第 1 页，共 2 页`` followed by
  empty cells, ``"第 1 页，共 2 页",,,,,,``, ``第1页 | 共2页``) is the page's foot
  copied with the table: no project named after the page, without amounts
  or a goal. A project named ``第1期…`` or ``2025年第1批…``, or a
  page-number-like name with amounts or a goal beside it, is still a project.
* In PDF-extracted text a page number between dashes (``— 第1页 —``) is page
  furniture as ``- 2 -`` is, not the end of the last value; a date or value
  cut at a dash (``2024-``) is still cell text.
* A header whose goal or indicator cell ends with a mark or a bracketed note
  (``绩效指标（含转移支付）``, ``绩效指标。``) is a header row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.model import Document
from audit.pipeline import load_path
from tests.conftest import MARKET, MARKET_PROJECTS, SEED_002_HEADER

TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表（含转移支付项目）"
TOTAL = ["合计", "432.00", "432.00", "", "", "", ""]
UNIT = [MARKET, "432.00", "432.00", "", "", "", ""]
NAMES = ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _rows(extra: list[str] | None = None, header: list[str] | None = None) -> list[list[str]]:
    """Title, header, 合计, the unit and its two projects, ``extra`` between them."""
    rows = [[TITLE], header or [c or "" for c in SEED_002_HEADER], TOTAL, UNIT]
    projects = [[cell or "" for cell in project] for project in MARKET_PROJECTS]
    rows.append(projects[0])
    if extra is not None:
        rows.append(extra)
    rows.append(projects[1])
    return rows


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(cell.replace("\n", " ") for cell in row) for row in rows) + "\n"


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _projects(document: Document) -> list[str]:
    return [project.title for unit in document.units for project in unit.projects]


def _findings(document: Document) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in run(document, load_config(None))]


WRITERS = {"tsv": _tsv, "csv": _csv}


def _load(text: str, path: Path) -> Document:
    path.write_text(text, encoding="utf-8")
    return load_path(path)


@pytest.mark.parametrize("kind", ["tsv", "csv"])
@pytest.mark.parametrize(
    "cells",
    [
        ["第 1 页，共 2 页", "", "", "", "", "", ""],
        ["— 第1页 —", "", "", "", "", "", ""],
        ["第1页（共2页）", "", "", "", "", "", ""],
        ["第1页", "共2页", "", "", "", "", ""],
        ["", "", "", "Page 1 of 2", "", "", ""],
    ],
)
def test_a_page_number_row_is_no_project(kind: str, cells: list[str], tmp_path: Path) -> None:
    document = _load(WRITERS[kind](_rows(cells)), tmp_path / f"t.{kind}")
    assert _projects(document) == NAMES
    assert not [
        rule for rule, _ in _findings(document) if rule in ("amount-format", "missing-goal")
    ]


@pytest.mark.parametrize("kind", ["tsv", "csv"])
def test_a_bare_page_number_ends_a_page(kind: str, tmp_path: Path) -> None:
    """``3`` alone in the first cell before the repeated header is the page's
    number; the same ``3`` with an amount beside it is a row."""
    rows = _rows()
    page = [*rows[:5], ["3", "", "", "", "", "", ""], rows[0], rows[1], rows[5]]
    assert _projects(_load(WRITERS[kind](page), tmp_path / f"t.{kind}")) == NAMES
    amounts = _rows(["3", "12.00", "12.00", "", "", "", ""])
    assert _projects(_load(WRITERS[kind](amounts), tmp_path / f"t.{kind}")) == [
        NAMES[0],
        "3",
        NAMES[1],
    ]


@pytest.mark.parametrize("kind", ["tsv", "csv"])
@pytest.mark.parametrize(
    "cells",
    [
        ["第1期职业技能培训补贴", "", "", "", "", "", ""],
        ["2025年第1批就业见习补贴", "", "", "", "", "", ""],
        ["第1页", "12.00", "12.00", "", "", "", ""],
        ["— 第1页 —", "", "", "", "", "为来穗人员提供就业服务。", ""],
    ],
)
def test_near_misses_stay_projects(kind: str, cells: list[str], tmp_path: Path) -> None:
    document = _load(WRITERS[kind](_rows(cells)), tmp_path / f"t.{kind}")
    assert _projects(document) == [NAMES[0], cells[0], NAMES[1]]


@pytest.mark.parametrize("kind", ["tsv", "csv"])
@pytest.mark.parametrize("indicators", ["绩效指标（含转移支付）", "绩效指标。"])
def test_a_header_cell_with_a_note_heads_its_column(
    kind: str, indicators: str, tmp_path: Path
) -> None:
    header = [c or "" for c in SEED_002_HEADER]
    header[-1] = indicators
    document = _load(WRITERS[kind](_rows(header=header)), tmp_path / f"t.{kind}")
    assert _projects(document) == NAMES
    assert all(project.indicators for u in document.units for project in u.projects)


@pytest.mark.parametrize("kind", ["tsv", "csv"])
def test_a_cell_that_only_mentions_a_column_is_no_header(kind: str, tmp_path: Path) -> None:
    """A note naming the columns (项目名称、总计、绩效目标说明) is prose, not a header."""
    rows = [["说明", "项目名称", "总计", "绩效目标说明", "绩效指标解释（附后）"]]
    with pytest.raises(Exception, match="no header row"):
        _load(WRITERS[kind](rows), tmp_path / f"t.{kind}")


def _pdf_text(mark: str) -> str:
    """The example PDF text with ``mark`` as the last page's foot."""
    text = (EXAMPLES / "pdf-extracted.txt").read_text(encoding="utf-8")
    return text.rstrip("\n") + f"\n\n{mark}\n"


@pytest.mark.parametrize("mark", ["— 第1页 —", "－ 第 3 页 －", "— 第1页（共2页） —", "- 3 -"])
def test_a_pdf_page_number_between_dashes_is_no_value(mark: str, tmp_path: Path) -> None:
    document = _load(_pdf_text(mark), tmp_path / "t.txt")
    assert document.layout == "pdf-text"
    rules = {rule for rule, _ in _findings(document)}
    assert not rules & {"several-targets", "implausible-unit", "missing-unit"}


@pytest.mark.parametrize("piece", ["2024-", "-5"])
def test_a_number_cut_at_a_dash_stays_cell_text(piece: str, tmp_path: Path) -> None:
    """A date or value cut at a dash is the end of the value, not a page mark."""
    document = _load(_pdf_text(piece), tmp_path / "t.txt")
    assert any(piece in message for _, message in _findings(document))
