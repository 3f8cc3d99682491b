"""A printed page's number copied into the table as a row of its own
(``第 1 页，共 2 页`` merged across the row, ``— 第1页 —``, the number in the
name cell and the other cells blank) is page furniture, as a ``（续表）`` row
is, in a web page, a Word table, a workbook and a ruled PDF: no project
named ``第 1 页，共 2 页`` without amounts or a goal. A project whose name
begins like a page number (``第1期…``), or a row with a page-number-like
name and amounts, is still a project."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Document
from audit.pipeline import load_path
from audit.readers.common import PAGE_NUMBER_RE
from tests.conftest import MARKET, MARKET_PROJECTS, SEED_002_HEADER

TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表（含转移支付项目）"
UNIT = [MARKET, "432.00", "432.00", None, None, None, None]
TOTAL = ["合计", "432.00", "432.00", None, None, None, None]


def _rows(extra: list[str | None], at: int = 1) -> list[list[str | None]]:
    """The title, the header, 合计, the unit and its two projects, with
    ``extra`` after the ``at``-th project."""
    rows: list[list[str | None]] = [[TITLE], list(SEED_002_HEADER), TOTAL, UNIT]
    for number, project in enumerate(MARKET_PROJECTS, 1):
        rows.append(list(project))
        if number == at:
            rows.append(extra)
    return rows


def _write(carrier: str, rows: list[list[str | None]], path: Path, merged: bool) -> Document:
    from scripts import make_examples

    at = next(i for i, row in enumerate(rows) if len(row) == 7 and row[1:] == [None] * 6)
    merges = [(at, 0, at, 6)] if merged else []
    return load_path(make_examples.write_table(path, rows, merges))


def _projects(document: Document) -> list[str]:
    return [project.title for unit in document.units for project in unit.projects]


NAMES = ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"]


def test_the_forms_of_a_page_number() -> None:
    for text in ("第 1 页，共 2 页", "— 第1页 —", "－第2页－", "——3——", "- 2 -", "第1页（共2页）"):
        assert PAGE_NUMBER_RE.fullmatch(text), text
    for text in ("第1期职业技能培训补贴", "2025年第1批就业见习补贴", "15.70", "1-2月"):
        assert PAGE_NUMBER_RE.fullmatch(text) is None, text


@pytest.mark.parametrize("carrier", ["html", "docx", "xlsx", "pdf"])
@pytest.mark.parametrize("text", ["第 1 页，共 2 页", "— 第1页 —"])
@pytest.mark.parametrize("merged", [True, False])
def test_a_page_number_row_is_no_project(
    carrier: str, text: str, merged: bool, tmp_path: Path
) -> None:
    """It was a project named after the page, with no amounts and no goal
    (amount-format and missing-goal errors). Merged across the row or in
    the name cell alone, between two projects: the second project is read
    as before, the first keeps its cells."""
    row: list[str | None] = [text, None, None, None, None, None, None]
    document = _write(carrier, _rows(row), tmp_path / f"t.{carrier}", merged)
    assert _projects(document) == NAMES
    first = document.units[0].projects[0]
    assert first.indicators is not None and "页" not in first.indicators.value
    assert len(first.clauses) == len(
        load_path(_plain(carrier, tmp_path)).units[0].projects[0].clauses
    )


def _plain(carrier: str, tmp_path: Path) -> Path:
    from scripts import make_examples

    rows = [row for row in _rows([None] * 7) if any(row)]
    return make_examples.write_table(tmp_path / f"plain.{carrier}", rows)


@pytest.mark.parametrize("carrier", ["html", "xlsx"])
def test_a_bare_page_number_under_the_last_row_is_no_project(carrier: str, tmp_path: Path) -> None:
    """A bare ``2`` in the name cell under the table's last row (the foot of
    the last page) is a page number too."""
    row: list[str | None] = ["2", None, None, None, None, None, None]
    document = _write(carrier, _rows(row, at=2), tmp_path / f"t.{carrier}", merged=False)
    assert _projects(document) == NAMES


@pytest.mark.parametrize("carrier", ["html", "xlsx"])
def test_names_that_begin_like_a_page_number_are_projects(carrier: str, tmp_path: Path) -> None:
    """Near misses: a project named 第1期… or 2025年第1批…, and a row whose
    name is a page number but which states amounts (a row of its own), stay
    rows of the table."""
    goal = "对参加职业技能培训并取得证书的劳动者按规定给予补贴，提升劳动者就业能力。"
    clauses = (
        "1、1-产出指标；11-数量指标；补贴培训人数；实施周期指标值:≥300人次；年度指标值:≥300人次。"
    )
    for name in ("第1期职业技能培训补贴", "2025年第1批就业见习补贴", "第 1 页，共 2 页"):
        row: list[str | None] = [name, "12.00", "12.00", None, None, goal, clauses]
        rows = _rows(row, at=2)
        rows[2] = ["合计", "444.00", "444.00", None, None, None, None]
        rows[3] = [MARKET, "444.00", "444.00", None, None, None, None]
        path = tmp_path / f"{name[:3]}.{carrier}"
        from scripts import make_examples

        assert _projects(load_path(make_examples.write_table(path, rows))) == [*NAMES, name]


def test_a_bare_number_beside_the_next_row_is_no_page_number(tmp_path: Path) -> None:
    """Near miss: a bare ``2`` in the name cell with more project rows below
    it (no header or title after it) is no page's foot: it stays a row,
    for the rules to report."""
    from scripts import make_examples

    rows = _rows(["2", None, None, None, None, None, None], at=1)
    path = make_examples.write_html(tmp_path / "t.html", rows)
    assert _projects(load_path(path)) == [NAMES[0], "2", NAMES[1]]


def test_a_page_number_split_over_cells_is_no_project(tmp_path: Path) -> None:
    """``第1页`` and ``共2页`` in two cells of the row (a footer typed into
    the sheet's last row) are one page number."""
    from scripts import make_examples

    rows = _rows(["第1页", None, None, None, None, None, "共2页"], at=2)
    path = tmp_path / "t.xlsx"
    make_examples.write_xlsx(path, [("Sheet1", rows, [])])
    assert _projects(load_path(path)) == NAMES
