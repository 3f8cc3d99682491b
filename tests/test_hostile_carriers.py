"""Files made (or saved by accident) to cost a run time, memory or screen
space: a run stays bounded, the file gets one clear line, and the other
files of the run are still linted."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.limits import MAX_NOTES_PER_FILE, MAX_SHEET_CELLS
from audit.pipeline import load_path
from audit.readers import ReadError
from audit.readers.sheetsize import (
    MAX_SPAN,
    Extent,
    _ByOrder,
    _scan,
    _scan_refs,
    ods_extents,
    xls_extents,
)
from scripts.make_examples import rows_from_tsv, write_docx, write_html, write_ods, write_xls
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


# --------------------------------------------------------------------------
# Grids: a sheet or Word table too large to build


def panyu_workbook(path: Path, stray: str | None = None, formatted: bool = False) -> Path:
    """The Panyu table in a workbook, with ``x`` typed into the ``stray``
    cell (or, ``formatted``, that cell only made bold: no value)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "绩效目标表"
    for row in PANYU_ROWS:
        sheet.append(list(row))
    if stray is not None:
        if formatted:
            sheet[stray].font = Font(bold=True)
        else:
            sheet[stray] = "x"
    workbook.save(path)
    return path


def test_a_far_away_cell_is_refused_before_the_grid_is_built(tmp_path: Path) -> None:
    far = panyu_workbook(tmp_path / "far.xlsx", "XFD1048576")
    assert far.stat().st_size < 64_000
    text = tmp_path / "table.txt"
    text.write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _ = run_main(
        "lint", "--no-cache", "--format", "text", "--lang", "en", str(text), str(far)
    )
    assert status == 2
    (line,) = [line for line in out.splitlines() if "far.xlsx" in line]
    assert "read-error" in line
    assert "table too large: sheet 绩效目标表 spans A1:XFD1048576" in line
    assert "1,048,576 rows × 16,384 columns" in line
    assert "table.txt:" in out  # the other file's findings are kept


def test_a_corrupt_deflate_stream_is_one_read_error(tmp_path: Path) -> None:
    # A byte zeroed inside a compressed sheet: reading its extent raises
    # zlib.error, which is the file's fault, never a traceback.
    import zipfile

    good = panyu_workbook(tmp_path / "good.xlsx")
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        sheet = next(i for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
    start = sheet.header_offset + 30 + len(sheet.filename.encode()) + len(sheet.extra)
    for offset in range(start + 8, start + sheet.compress_size - 8, 97):
        data[offset] ^= 0xFF
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    status, out, err = run_main("lint", "--no-cache", "--format", "text", "--lang", "en", str(bad))
    assert status == 2
    assert "Traceback" not in out + err
    assert [line for line in out.splitlines() if "read-error" in line]


def test_the_refusal_reads_in_chinese(tmp_path: Path) -> None:
    far = panyu_workbook(tmp_path / "far.xlsx", "A1048576")
    status, out, _ = run_main("lint", "--no-cache", "--format", "text", str(far))
    assert status == 2
    assert "表格过大（table too large: sheet 绩效目标表 spans A1:G1048576" in out


def test_a_far_away_cell_that_is_only_formatted_is_no_part_of_the_table(tmp_path: Path) -> None:
    # a formatted cell without a value is not read, so it does not count
    path = panyu_workbook(tmp_path / "formatted.xlsx", "XFD1048576", formatted=True)
    assert len(load_path(path).projects) == 12


def test_a_stray_cell_within_the_limit_is_read(tmp_path: Path) -> None:
    path = panyu_workbook(tmp_path / "near.xlsx", "Z5000")  # 26 × 5,000 cells
    assert len(load_path(path).projects) == 12


def cell_refs(cells: list[tuple[int, int]]) -> str:
    from audit.readers.grid import column_letter

    return "".join(f'<c r="{column_letter(c)}{r + 1}"><v>1</v></c>' for r, c in cells)


def test_the_sheet_scan_finds_the_used_range() -> None:
    xml = (
        '<worksheet><sheetData><row r="3">' + cell_refs([(2, 3), (2, 5)]) + "</row>"
        '<row r="7"><c r="B7" s="1"/><c r="Z7" s="1"></c>'  # formatted, no value
         + cell_refs([(6, 1)]) + '<c r="C7" t="inlineStr"><is><t>文字</t></is></c></row>'
        '<row r="9"><c r="A9"><f>SUM(A1:A2)</f></c></row></sheetData></worksheet>'
    ).encode()
    expected = Extent(2, 0, 8, 5)
    assert _scan_refs(io.BytesIO(xml)) == expected
    assert _scan(io.BytesIO(xml)) == expected


def test_cells_without_a_reference_follow_the_one_before() -> None:
    xml = (
        b'<worksheet><sheetData><row r="2"><c><v>1</v></c><c><v>1</v></c></row>'
        b"<row><c/><c/><c/><c><v>1</v></c></row></sheetData></worksheet>"
    )
    with pytest.raises(_ByOrder):  # the places come from the order
        _scan_refs(io.BytesIO(xml))
    assert _scan(io.BytesIO(xml)) == Extent(1, 0, 2, 3)


@given(
    cells=st.lists(
        st.tuples(st.integers(0, 2_000_000), st.integers(0, 20_000)), min_size=1, max_size=30
    ),
    prefix=st.sampled_from(["", "x:"]),
    chunk=st.integers(8, 200),
)
@settings(max_examples=200, deadline=None)
def test_both_scans_find_the_extent_of_any_cells(
    cells: list[tuple[int, int]], prefix: str, chunk: int
) -> None:
    from audit.readers import sheetsize
    from audit.readers.grid import column_letter

    rows: dict[int, list[int]] = {}
    for r, c in cells:
        rows.setdefault(r, []).append(c)
    body = "".join(
        f'<{prefix}row r="{r + 1}">'
        + "".join(
            f'<{prefix}c r="{column_letter(c)}{r + 1}" t="n"><{prefix}v>1</{prefix}v></{prefix}c>'
            f'<{prefix}c r="{column_letter(c + 1)}{r + 1}" s="2"/>'  # no value
            for c in sorted(set(columns))
        )
        + f"</{prefix}row>"
        for r, columns in sorted(rows.items())
    )
    xml = f"<{prefix}worksheet><{prefix}sheetData>{body}</{prefix}sheetData></{prefix}worksheet>"
    expected = Extent(
        min(r for r, _ in cells),
        min(c for _, c in cells),
        max(r for r, _ in cells),
        max(c for _, c in cells),
    )
    saved = sheetsize._CHUNK
    sheetsize._CHUNK = chunk  # rows and tags cut by the chunks' ends
    try:
        assert _scan_refs(io.BytesIO(xml.encode())) == expected
        assert _scan(io.BytesIO(xml.encode())) == expected
    finally:
        sheetsize._CHUNK = saved


def set_span(cell: Any, span: int) -> None:
    """Give a Word table cell ``w:gridSpan`` of ``span``, as a file may state it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    grid_span = OxmlElement("w:gridSpan")
    grid_span.set(qn("w:val"), str(span))
    cell._tc.get_or_add_tcPr().append(grid_span)


def panyu_docx(path: Path, span: int) -> Path:
    from docx import Document

    write_docx(path, PANYU_ROWS)
    document = Document(str(path))
    cell = document.tables[0].rows[-1].cells[-1]
    set_span(cell, span)
    document.save(str(path))
    return path


def test_a_huge_word_grid_span_is_taken_as_a_bounded_one(tmp_path: Path) -> None:
    document = load_path(panyu_docx(tmp_path / "span.docx", 100_000_000))
    assert len(document.projects) == 12
    assert load_path(panyu_docx(tmp_path / "ok.docx", 1)).projects[-1].indicators is not None


def test_a_word_table_widened_by_empty_grid_columns_is_refused(tmp_path: Path) -> None:
    """Columns a row leaves empty before its first cell (``w:gridBefore``)
    count towards the table's size as spanned ones do."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def with_before(path: Path, before: int) -> Path:
        document = Document()
        table = document.add_table(rows=MAX_SHEET_CELLS // MAX_SPAN + 1, cols=1)
        for row in table.rows:
            properties = row._tr.get_or_add_trPr()
            grid_before = OxmlElement("w:gridBefore")
            grid_before.set(qn("w:val"), str(before))
            properties.append(grid_before)
        document.save(str(path))
        return path

    with pytest.raises(ReadError, match=r"table too large: Word table 1 is 2,001 rows × 1,001"):
        load_path(with_before(tmp_path / "before.docx", MAX_SPAN * 10))
    with pytest.raises(ReadError, match="no performance-target table found"):
        load_path(with_before(tmp_path / "ok.docx", 1))


def test_a_word_table_over_the_limit_is_refused(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "wide.docx"
    document = Document()
    table = document.add_table(rows=MAX_SHEET_CELLS // MAX_SPAN + 1, cols=1)
    for row in table.rows:
        set_span(row.cells[0], MAX_SPAN)
    document.save(str(path))
    with pytest.raises(ReadError, match=r"table too large: Word table 1 is 2,001 rows × 1,000"):
        load_path(path)


def panyu_xls(path: Path, stray: tuple[int, int] | None, blank: bool = False) -> Path:
    """The Panyu table in a legacy ``.xls``, with ``x`` (or, ``blank``, only
    a format) in the ``stray`` cell."""
    import xlwt

    write_xls(path, [("绩效目标表", PANYU_ROWS, [])])
    if stray is None:
        return path
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("绩效目标表")
    for r, row in enumerate(PANYU_ROWS):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    if blank:
        sheet.write(*stray, None, xlwt.easyxf("font: bold on"))
    else:
        sheet.write(*stray, "x")
    workbook.save(str(path))
    return path


def test_a_legacy_workbook_with_a_far_away_cell_is_refused(tmp_path: Path) -> None:
    path = panyu_xls(tmp_path / "far.xls", (65535, 255))
    with pytest.raises(ReadError, match=r"sheet 绩效目标表 spans A1:IV65536 \(65,536 rows × 256"):
        load_path(path)


def test_a_legacy_workbook_with_a_far_away_blank_cell_is_read(tmp_path: Path) -> None:
    # a formatted blank cell (BLANK record) holds no value: calamine leaves it out
    assert (
        len(load_path(panyu_xls(tmp_path / "blank.xls", (65535, 255), blank=True)).projects) == 12
    )
    assert len(load_path(panyu_xls(tmp_path / "plain.xls", None)).projects) == 12


def test_the_legacy_sheet_scan_finds_names_and_ranges(tmp_path: Path) -> None:
    data = panyu_xls(tmp_path / "near.xls", (3000, 20)).read_bytes()
    assert xls_extents(data) == [("绩效目标表", Extent(0, 0, 3000, 20))]
    # not a compound file, or one cut short: not measured, so not read at all
    for damaged in (data[: len(data) // 2], b"\xd0\xcf\x11\xe0" + b"\x00" * 600):
        with pytest.raises(ReadError, match=r"^corrupt workbook: the size of its sheets cannot"):
            xls_extents(damaged)


def panyu_ods(path: Path, far_row: int | None) -> Path:
    """The Panyu table in an ``.ods``, with ``x`` in column K after
    ``far_row`` repeated empty rows (one row element: a few bytes)."""
    import zipfile

    base = write_ods(tmp := path.with_suffix(".base.ods"), [("绩效目标表", PANYU_ROWS, [])])
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "content.xml" and far_row is not None:
                far = (
                    f'<table:table-row table:number-rows-repeated="{far_row}">'
                    "<table:table-cell/></table:table-row><table:table-row>"
                    '<table:table-cell table:number-columns-repeated="10"/>'
                    '<table:table-cell office:value-type="string"><text:p>x</text:p>'
                    "</table:table-cell></table:table-row></table:table>"
                )
                data = data.decode().replace("</table:table>", far, 1).encode()
            target.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
    tmp.unlink()
    return path


def test_an_ods_with_a_far_away_cell_is_refused_before_calamine_opens_it(tmp_path: Path) -> None:
    path = panyu_ods(tmp_path / "far.ods", 1_000_000)
    assert path.stat().st_size < 64_000
    with pytest.raises(ReadError, match=r"sheet 绩效目标表 spans A1:K1000019 \(1,000,019 rows"):
        load_path(path)
    # the same table without the far cell, or with it near, is read
    assert len(load_path(panyu_ods(tmp_path / "plain.ods", None)).projects) == 12
    assert len(load_path(panyu_ods(tmp_path / "near.ods", 1_000)).projects) == 12


def test_repeated_cells_holding_a_value_count_in_every_place_they_repeat() -> None:
    import zipfile

    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="S">'
        '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        "<text:p>项目名称</text:p></table:table-cell></table:table-row>"
        '</table:table><table:table table:name="空"><table:table-row>'
        '<table:table-cell table:number-columns-repeated="9"/></table:table-row></table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", content)
    assert ods_extents(out.getvalue()) == [("S", Extent(3, 0, 1048577, 16383)), ("空", None)]
    assert ods_extents(b"PK not a zip") == []
