"""Workbook cells read as the sheet shows them where the format changes what
they say: a percentage typed into Excel, WPS or LibreOffice is stored as a
fraction (``95%`` → 0.95 shown ``0%``).

The workbooks are the national form of ``examples/`` written with the
generators of ``scripts/make_examples.py`` (openpyxl; an ``.ods``'s XML
directly), with a few cells set as a person types them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import Clause, Document, Finding
from audit.pipeline import load_path
from audit.readers import ReadError
from audit.readers.numformats import percent_format, percent_text
from audit.readers.workbook import cell_text
from scripts.make_examples import typed_percent, write_ods, write_xls, write_xlsx
from scripts.make_national_examples import FORM, FORM_MERGES, FORM_WIDTHS

Writer = Callable[[Path, Sequence[tuple[str, Any, Any]]], Path]


def form_rows(**cells: str) -> list[list[str | None]]:
    """The national form's rows, cells given by their reference replaced
    (``D11="95%"``)."""
    rows = [[value or None for value in row] for row in FORM]
    for reference, value in cells.items():
        column, row = ord(reference[0]) - ord("A"), int(reference[1:]) - 1
        rows[row][column] = value
    return rows


def xlsx(path: Path, rows: list[list[str | None]], formats: dict[str, tuple[float, str]]) -> Path:
    """The form as a workbook; ``formats`` sets cells to a stored number and
    a number format, as a spreadsheet program stores what a person typed."""
    from openpyxl import load_workbook

    write_xlsx(path, [("绩效目标表", rows, FORM_MERGES)], FORM_WIDTHS)
    if formats:
        workbook = load_workbook(path)
        sheet = workbook.active
        assert sheet is not None
        for reference, (number, code) in formats.items():
            sheet[reference].value = number
            sheet[reference].number_format = code
        workbook.save(path)
    return path


def findings(document: Document) -> list[Finding]:
    return run(document, load_config(None, discover=False))


def values(document: Document, name: str) -> tuple[str | None, str | None]:
    """The period and annual value texts of the indicator ``name``."""
    for project in document.projects:
        for clause in project.clauses:
            if isinstance(clause, Clause) and clause.name == name:
                period, annual = clause.period, clause.annual
                return (
                    None if period is None else period.text,
                    None if annual is None else annual.text,
                )
    raise AssertionError(f"no indicator {name}")


# --------------------------------------------------------------------------
# Which format codes show a percentage


@pytest.mark.parametrize(
    "code", ["0%", "0.00%", "0.0%", "0%;[Red]-0%", "[$-804]0.0%", "#,##0.0%", "0%_)"]
)
def test_percent_codes(code: str) -> None:
    assert percent_format(code)


@pytest.mark.parametrize(
    "code", ["General", "0.00", "#,##0.00", '0"%"', "0\\%", '0.0"个百分点"', "yyyy-mm-dd", "@"]
)
def test_codes_that_only_print_a_percent_sign_or_none(code: str) -> None:
    # '0"%"' and '0\%' print the number as stored and a literal sign: 95 → 95%
    assert not percent_format(code)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (0.95, "95%"),
        (1, "100%"),
        (1.0, "100%"),
        (0.955, "95.5%"),
        (0.0005, "0.05%"),
        (0.30000000000000004, "30%"),
        (1.2, "120%"),
        (-0.05, "-5%"),
        (0, "0%"),
    ],
)
def test_percent_text(stored: float, shown: str) -> None:
    assert percent_text(stored) == shown


@given(
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False)
)
def test_a_typed_percentage_reads_back_as_typed(typed: Decimal) -> None:
    text = f"{typed}%"
    stored = typed_percent(text)
    assert stored is not None
    assert Decimal(percent_text(stored[0])[:-1]) == typed


def test_a_stored_float_keeps_the_digits_a_spreadsheet_keeps() -> None:
    assert cell_text(0.1 + 0.2) == "0.3"
    assert cell_text(3.6) == "3.6"
    assert cell_text(1234567.891) == "1234567.891"
    assert cell_text(360.0) == "360"


# --------------------------------------------------------------------------
# Workbooks


@pytest.mark.parametrize("writer", [write_xlsx, write_ods, write_xls], ids=["xlsx", "ods", "xls"])
def test_typed_percentages_read_as_the_sheet_shows_them(tmp_path: Path, writer: Writer) -> None:
    rows = form_rows(D11="95%", E11="95.5%", D12="100%")
    suffix = {write_xlsx: ".xlsx", write_ods: ".ods", write_xls: ".xls"}[writer]
    document = load_path(writer(tmp_path / f"form{suffix}", [("绩效目标表", rows, FORM_MERGES)]))
    assert values(document, "档案规范率") == ("95%", "95.5%")
    assert values(document, "讲座按计划完成率")[0] == "100%"
    assert not [f for f in findings(document) if f.rule == "missing-unit"]


def test_the_same_cells_as_text_read_the_same(tmp_path: Path) -> None:
    typed = load_path(xlsx(tmp_path / "typed.xlsx", form_rows(D11="95%"), {}))
    text = load_path(
        xlsx(tmp_path / "text.xlsx", form_rows(D11="95%"), {"D11": (0.95, "@")}),
    )  # a number shown as text: '@' is no percent format, the cell reads 0.95
    assert values(typed, "档案规范率")[0] == "95%"
    assert values(text, "档案规范率")[0] == "0.95"


def test_a_custom_percent_format_is_read(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "custom.xlsx", form_rows(), {"D11": (0.9, '0.0%;[Red]"-"0.0%')})
    assert values(load_path(path), "档案规范率")[0] == "90%"


def test_a_literal_percent_sign_is_no_scaling(tmp_path: Path) -> None:
    # 95 shown "95%" by a format that only appends the sign: stored 95, never 9500%
    path = xlsx(tmp_path / "literal.xlsx", form_rows(), {"D11": (95, '0"%"')})
    assert values(load_path(path), "档案规范率")[0] == "95"


def test_an_amount_keeps_its_number(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "amount.xlsx", form_rows(D11="95%"), {"B5": (360, "#,##0.00")})
    total = load_path(path).projects[0].amounts.total
    assert total is not None and total.value == Decimal("360")


def test_a_percentage_over_100_is_still_reported(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "over.xlsx", [("绩效目标表", form_rows(D11="120%", E11="120%"), FORM_MERGES)]
    )
    document = load_path(path)
    assert values(document, "档案规范率") == ("120%", "120%")
    over = [f for f in findings(document) if f.rule == "percent-out-of-range"]
    assert over and all((f.location or "").endswith(("D11", "E11")) for f in over)


def test_a_bare_fraction_without_a_percent_format_is_still_reported(tmp_path: Path) -> None:
    # stored 0.95 shown "0.95": the sheet itself shows no unit
    path = xlsx(tmp_path / "bare.xlsx", form_rows(), {"D11": (0.95, "General")})
    document = load_path(path)
    assert values(document, "档案规范率")[0] == "0.95"
    lost = [f for f in findings(document) if f.location == "绩效目标表!D11"]
    assert [f.rule for f in lost] == ["annual-period-mismatch"]  # the annual value has %


def with_styles(path: Path, styles: bytes | None) -> Path:
    """A copy of a workbook with its ``xl/styles.xml`` replaced (None: left out)."""
    copy = path.with_name(f"styles-{len(styles or b'')}.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/styles.xml":
                target.writestr(item.filename, source.read(item))
            elif styles is not None:
                target.writestr(item.filename, styles)
    return copy


@pytest.mark.parametrize(
    "styles",
    [None, b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
)
def test_a_workbook_without_formats_is_read_as_stored(tmp_path: Path, styles: bytes | None) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [("绩效目标表", form_rows(D11="95%"), FORM_MERGES)])
    assert values(load_path(with_styles(good, styles)), "档案规范率")[0] == "0.95"


def test_a_workbook_with_broken_styles_is_refused_with_a_reason(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [("绩效目标表", form_rows(D11="95%"), FORM_MERGES)])
    with pytest.raises(ReadError, match="corrupt workbook"):
        load_path(with_styles(good, b"<styleSheet"))


def test_a_repeated_percentage_cell_in_an_ods(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "form.ods", [("绩效目标表", form_rows(D11="95%", E11="95%"), FORM_MERGES)]
    )
    content = zipfile.ZipFile(path).read("content.xml").decode()
    cell = '<table:table-cell office:value-type="percentage" office:value="0.95">'
    pair = cell + "<text:p>95%</text:p></table:table-cell>"
    assert content.count(pair * 2) == 1
    repeated = content.replace(
        pair * 2,
        cell.replace("<table:table-cell", '<table:table-cell table:number-columns-repeated="2"')
        + "<text:p>95%</text:p></table:table-cell>",
    )
    again = tmp_path / "repeated.ods"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(again, "w") as target:
        for item in source.infolist():
            body = repeated.encode() if item.filename == "content.xml" else source.read(item)
            target.writestr(item, body)
    assert values(load_path(again), "档案规范率") == ("95%", "95%")


def test_cells_placed_by_their_order_are_found(tmp_path: Path) -> None:
    import re

    path = write_xlsx(tmp_path / "form.xlsx", [("绩效目标表", form_rows(D11="95%"), FORM_MERGES)])
    placed = tmp_path / "placed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(placed, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                # the cells of row 11 after its first follow it without their reference
                row = re.search(rb'<row r="11"[^>]*>.*?</row>', body, flags=re.S)
                assert row is not None
                first = row.group().index(b">", row.group().index(b"<c "))
                cells = row.group()[:first] + re.sub(rb' r="[A-Z]+11"', b"", row.group()[first:])
                body = body.replace(row.group(), cells)
                assert b'r="D11"' not in body
            target.writestr(item.filename, body)
    assert values(load_path(placed), "档案规范率")[0] == "95%"


def test_an_xls_number_in_another_format_keeps_its_number(tmp_path: Path) -> None:
    import xlwt

    path = tmp_path / "formats.xls"
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("绩效目标表")
    for r, row in enumerate(form_rows()):
        for c, value in enumerate(row):
            if value is not None and (r, c) != (10, 3):
                sheet.write(r, c, value)
    sheet.write(10, 3, 0.95, xlwt.easyxf(num_format_str="0.00"))
    workbook.save(str(path))
    assert values(load_path(path), "档案规范率")[0] == "0.95"


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 40), st.integers(0, 30)),
        st.sampled_from(["0%", "0.00%", "0.00", "General", '0"%"', "0.0%"]),
        max_size=25,
    )
)
def test_the_fast_scan_finds_what_the_xml_parser_finds(cells: dict[tuple[int, int], str]) -> None:
    from openpyxl import Workbook

    from audit.readers.numformats import (
        _percent_styles,
        _styled_cells,
        _styled_cells_xml,
        xlsx_percent_cells,
    )

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "表"
    for (row, column), code in cells.items():
        cell = sheet.cell(row=row + 1, column=column + 1, value=0.5)
        cell.number_format = code
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    expected = {place for place, code in cells.items() if percent_format(code)}
    assert set(xlsx_percent_cells(data).get("表", frozenset())) == expected
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = _percent_styles(archive)
        part = "xl/worksheets/sheet1.xml"
        assert _styled_cells(archive, part, styles) == _styled_cells_xml(archive, part, styles)
