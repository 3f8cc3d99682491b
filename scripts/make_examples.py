"""Write a table as a workbook, a PDF, a web page and a Word document.

    python scripts/make_examples.py            # examples/panyu-2025.{xlsx,pdf,html,docx}
    python scripts/make_examples.py --out DIR  # somewhere else

The writers take rows (lists of cell text; ``None`` is an empty cell) and
merged ranges ``(top, left, bottom, right)`` (0-based, inclusive), so the
same table can be written in every carrier; the tests build their files
with them too. openpyxl writes workbooks (``write_ods`` writes an
OpenDocument spreadsheet's XML directly, xlwt a legacy ``.xls``), reportlab PDFs (with its built-in
CID font ``STSong-Light``: no font file needed), python-docx Word files;
web pages are plain HTML with colspan/rowspan.
"""

from __future__ import annotations

import argparse
import html
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_TEXT = ROOT / "examples" / "panyu-2025.txt"

Rows = Sequence[Sequence[str | None]]
Merges = Sequence[tuple[int, int, int, int]]

# Column widths (characters) of the Guangzhou table, for workbooks and PDFs.
GUANGZHOU_WIDTHS = (28, 10, 10, 10, 8, 40, 60)


def rows_from_tsv(text: str, repeat_header: bool = False) -> list[list[str | None]]:
    """The rows of a tab-separated table: heading lines (title, 单位名称,
    单位：万元) as one-cell rows, the header once (or every time it repeats
    with ``repeat_header``), the data rows."""
    rows: list[list[str | None]] = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip():
            continue
        cells: list[str | None] = [c if c.strip() else None for c in line.split("\t")]
        is_header = (cells[0] or "").startswith("项目名称")
        if is_header and header_seen and not repeat_header:
            continue
        if "\t" not in line and header_seen:
            continue  # a repeated page heading
        header_seen = header_seen or is_header
        rows.append(cells)
    return rows


def table_parts(
    rows: Rows, merges: Merges = ()
) -> tuple[list[str], list[list[str | None]], list[tuple[int, int, int, int]]]:
    """Heading lines (the one-cell rows before the header), the table (the
    header and every row after it) and the merged ranges within it."""
    for index, row in enumerate(rows):
        if (row[0] or "").startswith("项目名称"):
            headings = [str(r[0]) for r in rows[:index] if r and r[0]]
            moved = [(t - index, le, b - index, r) for t, le, b, r in merges if t >= index]
            return headings, [list(r) for r in rows[index:]], moved
    return [], [list(r) for r in rows], list(merges)


def _width(rows: Rows) -> int:
    return max((len(r) for r in rows), default=0)


def write_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, Rows, Merges]],
    widths: Sequence[int] = GUANGZHOU_WIDTHS,
    password: str | None = None,
) -> Path:
    """A workbook with one sheet per ``(name, rows, merges)``. Heading rows
    (one cell) are merged across the table's width, as published sheets do.
    Amounts are numbers shown ``#,##0.00`` (a whole number, such as a list's
    指标值 ``120``, stays General); a bare percentage (``95%``) is
    stored as a spreadsheet stores one typed in (0.95, shown ``0%``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows, merges in sheets:
        sheet = workbook.create_sheet(name)
        width = _width(rows)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                percent = typed_percent(value)
                if percent is not None:  # stored as a spreadsheet stores a typed 95%
                    cell = sheet.cell(row=r, column=c, value=percent[0])
                    cell.number_format = percent[1]
                else:
                    cell = sheet.cell(row=r, column=c, value=_number_or_text(value))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, float) and percent is None and _typed_decimals(value):
                    cell.number_format = "#,##0.00"
            filled = [v for v in row if v is not None]
            if len(filled) == 1 and row[0] is not None and width > 1 and len(row) == 1:
                sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        for top, left, bottom, right in merges:
            sheet.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
            )
        for index, chars in enumerate(widths[:width], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = chars
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    if password is not None:
        _encrypt(path, password)
    return path


def write_xls(path: Path, sheets: Sequence[tuple[str, Rows, Merges]]) -> Path:
    """A legacy Excel 97–2003 workbook (xlwt), one sheet per ``(name, rows,
    merges)``; amounts as numbers, a bare percentage (``95%``) as 0.95 shown
    ``0%``, merged ranges merged."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    for name, rows, merges in sheets:
        sheet = workbook.add_sheet(name)
        covered, spans = _spans(rows, merges)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or (r, c) in covered:
                    continue
                rowspan, colspan = spans.get((r, c), (1, 1))
                percent = typed_percent(value)
                stored = _number_or_text(value) if percent is None else percent[0]
                style = [] if percent is None else [xlwt.easyxf(num_format_str=percent[1])]
                if rowspan > 1 or colspan > 1:
                    sheet.write_merge(r, r + rowspan - 1, c, c + colspan - 1, stored, *style)
                else:
                    sheet.write(r, c, stored, *style)
        for top, left, bottom, right in merges:
            if left >= len(rows[top]) or rows[top][left] is None:
                sheet.merge(top, bottom, left, right)  # an empty merged range
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))
    return path


def _encrypt(path: Path, password: str) -> None:
    import io

    import msoffcrypto.format.ooxml

    plain = io.BytesIO(path.read_bytes())
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt(password, encrypted)
    path.write_bytes(encrypted.getvalue())


AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


PERCENT = re.compile(r"-?\d+(?:\.(\d+))?%")


def typed_percent(value: str) -> tuple[float, str] | None:
    """What Excel, WPS or LibreOffice store for a cell typed as a bare
    percentage (``95%``, ``12.5%``): the fraction (0.95) and a percent format
    with as many decimals; None for any other text (``≥95%`` stays text)."""
    match = PERCENT.fullmatch(value)
    if match is None:
        return None
    decimals = len(match.group(1) or "")
    code = "0%" if not decimals else "0." + "0" * decimals + "%"
    return float(Decimal(value[:-1]) / 100), code


def _typed_decimals(value: str) -> bool:
    """Whether a number was typed as an amount is (``22,356.47``, ``360.00``,
    ``3.456`` in a column formatted for amounts): a spreadsheet shows it
    ``#,##0.00``; a whole number typed ``120`` (a list's 指标值) stays General."""
    return "," in value or "." in value


def _number_or_text(value: str) -> str | float:
    """Amount cells as numbers (``22,356.47`` → 22356.47), the rest as text."""
    if AMOUNT.fullmatch(value):
        return float(value.replace(",", ""))
    return value


_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" \
manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

_ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>
</office:document-content>
"""


def write_ods(path: Path, sheets: Sequence[tuple[str, Rows, Merges]]) -> Path:
    """An OpenDocument spreadsheet (LibreOffice's format), one table per
    ``(name, rows, merges)``: the zip and XML written directly, amounts as
    numbers, a bare percentage (``95%``) as a percentage value, merged
    ranges spanned."""
    import zipfile

    tables = []
    for name, rows, merges in sheets:
        covered, spans = _spans(rows, merges)
        width = _width(rows)
        parts = [f'<table:table table:name="{html.escape(name)}">']
        for r, row in enumerate(rows):
            parts.append("<table:table-row>")
            for c in range(width):
                if (r, c) in covered:
                    parts.append("<table:covered-table-cell/>")
                    continue
                value = row[c] if c < len(row) else None
                rowspan, colspan = spans.get((r, c), (1, 1))
                attrs = ""
                if colspan > 1:
                    attrs += f' table:number-columns-spanned="{colspan}"'
                if rowspan > 1:
                    attrs += f' table:number-rows-spanned="{rowspan}"'
                if value is None:
                    parts.append(f"<table:table-cell{attrs}/>")
                    continue
                number = _number_or_text(value)
                percent = typed_percent(value)
                if percent is not None:  # as LibreOffice stores a typed 95%
                    attrs += f' office:value-type="percentage" office:value="{percent[0]!r}"'
                elif isinstance(number, float):
                    attrs += f' office:value-type="float" office:value="{number!r}"'
                else:
                    attrs += ' office:value-type="string"'
                lines = "".join(
                    f"<text:p>{html.escape(line)}</text:p>" for line in value.split("\n")
                )
                parts.append(f"<table:table-cell{attrs}>{lines}</table:table-cell>")
            parts.append("</table:table-row>")
        parts.append("</table:table>")
        tables.append("".join(parts))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr(
            "content.xml", _ODS_CONTENT.format(tables="".join(tables)), zipfile.ZIP_DEFLATED
        )
    return path


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"


def write_html(path: Path, rows: Rows, merges: Merges = (), encoding: str = "utf-8") -> Path:
    """A web page: the headings as paragraphs, the table with colspan and
    rowspan for merged ranges. Cell text is escaped (markup residue such as
    ``<p>`` in a cell stays text, as a copied page shows it)."""
    return write_html_tables(path, [(rows, merges)], encoding)


def write_html_tables(
    path: Path, tables: Sequence[tuple[Rows, Merges]], encoding: str = "utf-8"
) -> Path:
    """A web page of several tables, each after its own headings (a title
    block of its own: 单位名称, 单位：万元), as :func:`write_html` writes one."""
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>绩效目标表</title></head>']
    out.append("<body>")
    for rows, merges in tables:
        _html_table(out, rows, merges)
    out.append("</body></html>\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding=encoding)
    return path


def _html_table(out: list[str], rows: Rows, merges: Merges) -> None:
    headings, table, merges = table_parts(rows, merges)
    covered, spans = _spans(table, merges)
    out.extend(f"<p>{html.escape(line)}</p>" for line in headings)
    out.append('<table border="1">')
    for r, row in enumerate(table):
        out.append("<tr>")
        tag = "th" if r == 0 else "td"
        for c in range(_width(table)):
            if (r, c) in covered:
                continue
            value = row[c] if c < len(row) else None
            attrs = ""
            rowspan, colspan = spans.get((r, c), (1, 1))
            if rowspan > 1:
                attrs += f' rowspan="{rowspan}"'
            if colspan > 1:
                attrs += f' colspan="{colspan}"'
            text = html.escape(value or "").replace("\n", "<br>")
            out.append(f"<{tag}{attrs}>{text}</{tag}>")
        out.append("</tr>")
    out.append("</table>")


def _spans(
    rows: Rows, merges: Merges
) -> tuple[set[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for top, left, bottom, right in merges:
        spans[(top, left)] = (bottom - top + 1, right - left + 1)
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    covered.add((r, c))
    return covered, spans


def write_docx(path: Path, rows: Rows, merges: Merges = ()) -> Path:
    """A Word document: the headings as paragraphs, the table with merged
    ranges merged (Word keeps the value in the top-left cell)."""
    return write_docx_tables(path, [(rows, merges)])


def write_docx_tables(path: Path, tables: Sequence[tuple[Rows, Merges]]) -> Path:
    """A Word document of several tables, each after its own headings (a
    title block of its own: 单位名称, 单位：万元), as :func:`write_docx`
    writes one."""
    from docx import Document

    document = Document()
    for rows, merges in tables:
        _docx_table(document, rows, merges)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _docx_table(document: Any, rows: Rows, merges: Merges) -> None:
    headings, table, merges = table_parts(rows, merges)
    for line in headings:
        document.add_paragraph(line)
    width = _width(table)
    grid = document.add_table(rows=len(table), cols=width)
    grid.style = "Table Grid"
    covered, _ = _spans(table, merges)
    for r, row in enumerate(table):
        for c in range(width):
            if (r, c) in covered:
                continue
            value = row[c] if c < len(row) else None
            if value:
                grid.cell(r, c).text = value
    for top, left, bottom, right in merges:
        grid.cell(top, left).merge(grid.cell(bottom, right))


def write_pdf(
    path: Path,
    rows: Rows,
    merges: Merges = (),
    widths: Sequence[int] = GUANGZHOU_WIDTHS,
    ruled: bool = True,
    font_size: float = 7,
    after: Sequence[str] = (),
    more: Sequence[tuple[Rows, Merges]] = (),
    valign: str = "TOP",
    align: str = "LEFT",
) -> Path:
    """A PDF in landscape A4: the headings, then the table with its header
    row repeated on every page (ruled unless ``ruled=False``), cells
    wrapped to their column's width, merged ranges spanned; then, on a
    page of their own, the paragraphs ``after`` (notes under the table).
    Each of ``more`` (rows, merges) starts a new page with its own
    headings and table, as a collection of several units' tables prints.
    ``valign`` places the text in its cell (``TOP``, ``MIDDLE``, ``BOTTOM``),
    ``align`` across it (``LEFT``, ``CENTRE``)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "cell",
        fontName="STSong-Light",
        fontSize=font_size,
        leading=font_size * 1.3,
        wordWrap="CJK",
        alignment={"LEFT": 0, "CENTRE": 1}[align],
    )
    title = ParagraphStyle("title", parent=style, fontSize=12, leading=16, alignment=1)
    page = landscape(A4)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title="绩效目标表",
    )
    story: list[object] = []
    for number, (headings, table, spans) in enumerate(
        table_parts(r, m) for r, m in [(rows, merges), *more]
    ):
        if number:
            story.append(PageBreak())
        for index, line in enumerate(headings):
            story.append(Paragraph(html.escape(line), title if index == 0 else style))
        width = _width(table)
        usable = page[0] - 20 * mm
        total = sum(widths[:width]) or 1
        col_widths = [usable * w / total for w in widths[:width]]
        data = [
            [
                Paragraph(html.escape(row[c] or "").replace("\n", "<br/>"), style)
                if c < len(row)
                else ""
                for c in range(width)
            ]
            for row in table
        ]
        commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), valign)]
        if ruled:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        for top, left, bottom, right in spans:
            commands.append(("SPAN", (left, top), (right, bottom)))
        grid = Table(data, colWidths=col_widths, repeatRows=1)
        grid.setStyle(TableStyle(commands))
        story.append(grid)
    if after:
        story.append(PageBreak())
        story.extend(Paragraph(html.escape(line), style) for line in after)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.build(story)
    return path


def write_table(path: Path, rows: Rows, merges: Merges = (), sheet: str = "Sheet1") -> Path:
    """The table in the carrier ``path``'s suffix names (``.xlsx`` with the
    table on one sheet named ``sheet``, ``.pdf``, ``.html``, ``.docx``)."""
    if path.suffix == ".xlsx":
        return write_xlsx(path, [(sheet, rows, merges)])
    writers = {".pdf": write_pdf, ".html": write_html, ".docx": write_docx}
    return writers[path.suffix](path, rows, merges)


def write_all(rows: Rows, out: Path, stem: str, merges: Merges = ()) -> list[Path]:
    """The table as ``stem.xlsx``, ``.pdf``, ``.html`` and ``.docx`` in ``out``."""
    return [
        write_xlsx(out / f"{stem}.xlsx", [("绩效目标表", rows, merges)]),
        write_pdf(out / f"{stem}.pdf", rows, merges),
        write_html(out / f"{stem}.html", rows, merges),
        write_docx(out / f"{stem}.docx", rows, merges),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples")
    args = parser.parse_args()
    rows = rows_from_tsv(EXAMPLE_TEXT.read_text(encoding="utf-8"))
    for path in write_all(rows, args.out, "panyu-2025"):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
