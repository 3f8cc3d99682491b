"""A national form's 项目期 (implementation term): written in one cell, or
over the cells right of its label (start | end, as text or as date cells),
and a term that names one date only, which tells no years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.pipeline import load_path
from audit.readers.national import point_in_time
from tests.conftest import lint
from tests.national import FORM, FORM_MERGES, Rows, sheet_document, tsv_document

TERM_ROW = 3  # 实施单位 | … | 项目期 | 2025.01-2027.12 | (blank)


def with_term(*cells: str, label: str = "项目期") -> Rows:
    """FORM (a clean three-year form: 36 讲座 over the term, 12 this year)
    with its 项目期 written in ``cells`` right of the label."""
    rows = [list(row) for row in FORM]
    width = 3 + len(cells)
    rows = [row + [""] * (width - len(row)) for row in rows]
    rows[TERM_ROW] = ["实施单位", "某区疾病预防控制中心", label, *cells]
    return rows


def mismatches(rows: Rows) -> list[tuple[str, int | None]]:
    findings = lint(tsv_document(rows), ["annual-period-mismatch"])
    return [(f.severity, f.clause) for f in findings]


SINGLE_YEAR_ERRORS = [("error", 1), ("error", 2), ("error", 4)]
UNKNOWN_TERM_WARNINGS = [("warning", 1), ("warning", 2), ("warning", 4)]


# --------------------------------------------------------------------------
# Start and end in two cells


@pytest.mark.parametrize(
    ("cells", "text"),
    [
        (("2025.01", "2027.12"), "2025.01至2027.12"),
        (("2025-01-01", "2027-12-01"), "2025-01-01至2027-12-01"),  # two date cells
        (("2025年1月", "2027年12月"), "2025年1月至2027年12月"),
        (("2025.01", "至", "2027.12"), "2025.01至2027.12"),
        (("2025.01-", "2027.12"), "2025.01-2027.12"),
        (("2025年", "2027年"), "2025年至2027年"),
    ],
)
def test_a_term_over_several_cells_is_read_whole(cells: tuple[str, ...], text: str) -> None:
    project = tsv_document(with_term(*cells)).projects[0]
    assert project.term is not None and project.term.value == text
    assert project.term_years == (2025, 2027)
    assert mismatches(with_term(*cells)) == []


@pytest.mark.parametrize(
    "label",
    ["项目期", "项目周期", "实施期限", "项目实施期", "项目期限", "起止时间", "项目起止时间"],
)
def test_every_term_label_reads_its_cells_alike(label: str) -> None:
    rows = with_term("2025.01", "2027.12", label=label)
    assert tsv_document(rows).projects[0].term_years == (2025, 2027)
    assert mismatches(rows) == []


def test_a_term_over_two_cells_of_a_sheet_is_located_in_both() -> None:
    document = sheet_document(with_term("2025-01-01", "2027-12-01"), FORM_MERGES)
    term = document.projects[0].term
    assert term is not None and term.value == "2025-01-01至2027-12-01"
    where = document.source.location
    assert where(term.origin(0)) == "Sheet1!D4"
    assert where(term.origin(len(term.value) - 1)) == "Sheet1!E4"


def test_two_cells_within_one_year_are_still_a_single_year() -> None:
    rows = with_term("2025.01", "2025.12")
    assert tsv_document(rows).projects[0].term_years == (2025, 2025)
    assert mismatches(rows) == SINGLE_YEAR_ERRORS


def test_one_cell_reads_as_before() -> None:
    assert tsv_document(FORM).projects[0].term is not None
    assert tsv_document(FORM).projects[0].term.value == "2025.01-2027.12"  # type: ignore[union-attr]
    rows = with_term("2025.01-2025.12", "")  # a blank cell after the term
    assert tsv_document(rows).projects[0].term.value == "2025.01-2025.12"  # type: ignore[union-attr]
    assert mismatches(rows) == SINGLE_YEAR_ERRORS


def test_a_term_merged_over_two_cells_is_read_once() -> None:
    rows = with_term("2025.01-2027.12", "2025.01-2027.12")  # the merged copy in E4
    document = sheet_document(rows, [*FORM_MERGES, (TERM_ROW, 3, TERM_ROW, 4)])
    term = document.projects[0].term
    assert term is not None and term.value == "2025.01-2027.12"


def test_the_cells_after_the_next_label_are_not_the_term() -> None:
    rows = [[*row, "", ""] for row in FORM]
    rows[TERM_ROW] = [
        "实施单位",
        "某区疾病预防控制中心",
        "项目期",
        "2025.01-2025.12",
        "主管部门",
        "X局",
        "",
    ]
    project = tsv_document(rows).projects[0]
    assert project.term is not None and project.term.value == "2025.01-2025.12"


@given(st.integers(2015, 2035), st.integers(0, 5), st.integers(1, 12), st.integers(1, 12))
def test_generated_start_and_end_cells_give_their_years(
    start: int, length: int, first: int, last: int
) -> None:
    rows = with_term(f"{start}.{first:02d}", f"{start + length}.{last:02d}")
    assert tsv_document(rows).projects[0].term_years == (start, start + length)


# --------------------------------------------------------------------------
# A term that names one date: the years are unknown


@pytest.mark.parametrize("term", ["2027-12-01", "2027年12月", "2027.12", "2025-12-01 00:00:00"])
def test_one_date_leaves_the_term_unknown(term: str) -> None:
    rows = with_term(term)
    assert tsv_document(rows).projects[0].term is None
    # not taken as a single year: the mismatches are warnings, not errors
    assert mismatches(rows) == UNKNOWN_TERM_WARNINGS


@pytest.mark.parametrize("term", ["2025年", "2025", "2025年度", "2025年1月-12月", "2025.01-12"])
def test_a_year_or_a_range_in_one_year_is_a_single_year(term: str) -> None:
    rows = with_term(term)
    assert tsv_document(rows).projects[0].term_years == (2025, 2025)
    assert mismatches(rows) == SINGLE_YEAR_ERRORS


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("2027-12-01", True),
        ("2027年12月", True),
        ("2027年12月31日", True),
        ("2025.12", True),
        ("2025-01-01 00:00:00", True),
        ("2025年", False),
        ("2025", False),
        ("2025.01-2025.12", False),
        ("2025-01-01至2027-12-01", False),
        ("三年", False),
    ],
)
def test_point_in_time(text: str, point: bool) -> None:
    assert point_in_time(text) is point


# --------------------------------------------------------------------------
# As a workbook writes them: date cells


def _form_workbook(path: Path, start: dt.datetime, end: dt.datetime | None, fmt: str) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标表"
    for number, row in enumerate(FORM, start=1):
        for column, value in enumerate(row, start=1):
            if value:
                sheet.cell(number, column, value)
    sheet["D4"] = start
    sheet["D4"].number_format = fmt
    if end is not None:
        sheet["E4"] = end
        sheet["E4"].number_format = fmt
    for top, left, bottom, right in FORM_MERGES:
        sheet.merge_cells(start_row=top + 1, start_column=left + 1, end_row=bottom + 1,
                          end_column=right + 1)  # fmt: skip
    book.save(path)
    return path


def test_two_date_cells_in_a_workbook_make_a_multi_year_project(tmp_path: Path) -> None:
    path = _form_workbook(
        tmp_path / "form.xlsx", dt.datetime(2025, 1, 1), dt.datetime(2027, 12, 1), "yyyy-mm"
    )
    assert load_path(path).projects[0].term_years == (2025, 2027)
    assert lint(path, ["annual-period-mismatch"]) == []


def test_one_date_cell_in_a_workbook_is_no_single_year(tmp_path: Path) -> None:
    path = _form_workbook(tmp_path / "form.xlsx", dt.datetime(2027, 12, 1), None, 'yyyy"年"m"月"')
    assert load_path(path).projects[0].term is None
    findings = lint(path, ["annual-period-mismatch"])
    assert [f.severity for f in findings] == ["warning"] * 3
