"""What a workbook cell's display format changes about what it says.

python-calamine gives a cell's value as the sheet stores it. For most cells
that is what the reviewer sees (an amount ``3.6`` shown ``3.60`` says the
same thing). A percentage is not: a person who types ``95%`` into Excel,
WPS or LibreOffice gets the number ``0.95`` stored with a percent format, so
a target read as stored (``0.95``, no unit) is not the target the sheet
shows. The cells shown as percentages are found here, from the
spreadsheet's own records, and read as the sheet shows them (``95%``):

- ``.xlsx``/``.xlsm``: ``xl/styles.xml`` names the cell formats (``cellXfs``)
  whose number format prints a percentage (built-in ``0%`` and ``0.00%``,
  or a custom code with a ``%`` outside quotes); only when there is one are
  the sheets' cells scanned for that style (``s``);
- ``.ods``: a cell whose ``office:value-type`` is ``percentage`` (read with
  the merged ranges, in :mod:`audit.readers.workbook`).

A legacy ``.xls`` keeps its formats in BIFF records calamine does not
expose; its percentages are read as stored. A file whose records cannot be
read is read as stored too: this never makes a workbook unreadable.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError, fromstring, iterparse

from audit.readers.sheetsize import column_index, local_name, part_path, sheet_parts

Cells = frozenset[tuple[int, int]]
"""Cells by (row, column), counted from 0 at A1."""

_BUILT_IN_PERCENT = frozenset({"9", "10"})
"""The built-in number formats ``0%`` and ``0.00%`` (ECMA-376, 18.8.30)."""
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
"""What a format code prints as it is (quoted text, an escaped character,
a colour or condition, a space's width, a fill), where ``%`` is no percent."""
_COLUMN = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_REFERENCE = re.compile(rb"""\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})["']""")
_CHUNK = 1 << 20
_TAG_MAX = 4096
"""Longest start tag looked at, as in :mod:`audit.readers.sheetsize`."""


def percent_format(code: str) -> bool:
    """Whether a number format code shows its number as a percentage."""
    return "%" in _LITERAL.sub("", code)


def percent_text(value: float | int) -> str:
    """A percentage cell's number as the sheet shows it, without the display
    rounding: ``0.95`` → ``95%``, ``0.955`` → ``95.5%``, ``1`` → ``100%``.
    A float is taken at the 15 significant digits a spreadsheet keeps."""
    try:
        number = Decimal(format(value, ".15g")) * 100
    except InvalidOperation:  # inf or nan: no percentage to show
        return format(value, ".15g")
    text = format(number.normalize(), "f")
    return f"{text}%"


def xlsx_percent_cells(data: bytes) -> dict[str, Cells]:
    """The cells of each sheet (by name) of an ``.xlsx``/``.xlsm`` whose
    format shows a percentage; empty when the workbook defines no such
    format, or its records cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = _percent_styles(archive)
            if not styles:
                return {}
            order: list[str] = []
            found: dict[str, Cells] = {}
            for name, part in sheet_parts(archive, order).items():
                cells = _styled_cells(archive, part, styles)
                if cells:
                    found[name] = cells
            return found
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError, EOFError):
        return {}


def _styles_part(archive: zipfile.ZipFile) -> str:
    try:
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return "xl/styles.xml"
    for rel in rels.iter():
        if isinstance(rel.tag, str) and rel.get("Type", "").endswith("/styles"):
            return part_path(rel.get("Target", ""))
    return "xl/styles.xml"


def _percent_styles(archive: zipfile.ZipFile) -> frozenset[str]:
    """The indexes (as written in a cell's ``s``) of the cell formats that
    show a percentage."""
    try:
        root = fromstring(archive.read(_styles_part(archive)))
    except KeyError:
        return frozenset()
    percent = set(_BUILT_IN_PERCENT)
    for element in root.iter():
        if isinstance(element.tag, str) and local_name(element.tag) == "numFmt":
            number = element.get("numFmtId")
            if number is None:
                continue
            if percent_format(element.get("formatCode", "")):
                percent.add(number)
            else:  # a workbook may redefine a built-in number
                percent.discard(number)
    styles: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str) or local_name(element.tag) != "cellXfs":
            continue
        xfs = [xf for xf in element if isinstance(xf.tag, str) and local_name(xf.tag) == "xf"]
        styles.update(str(i) for i, xf in enumerate(xfs) if xf.get("numFmtId") in percent)
    return frozenset(styles)


def _styled_cells(archive: zipfile.ZipFile, part: str, styles: frozenset[str]) -> Cells:
    """The cells of a sheet part that carry one of ``styles``, found by their
    start tags (streamed a megabyte at a time: a 5,000-row sheet in about as
    long as calamine takes to open it); a sheet with such a cell that does
    not name its place is read as XML (:func:`_styled_cells_xml`)."""
    styled = re.compile(
        rb"<(?:[A-Za-z_][\w.\-]*:)?c(?=\s)[^<>]{0,%d}?\ss\s*=\s*[\"'](?:%s)[\"'][^<>]{0,%d}>"
        % (_TAG_MAX, b"|".join(sorted(style.encode() for style in styles)), _TAG_MAX)
    )
    cells: set[tuple[int, int]] = set()
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<")  # a tag may go on in the next chunk
            cut = cut if cut >= 0 and len(text) - cut <= 2 * _TAG_MAX + 64 else len(text)
            for match in styled.finditer(text, 0, cut):
                reference = _REFERENCE.search(match.group())
                if reference is None:
                    return _styled_cells_xml(archive, part, styles)
                cells.add((int(reference.group(2)) - 1, column_index(reference.group(1))))
            tail = text[cut:]
    return frozenset(cells)


def _styled_cells_xml(archive: zipfile.ZipFile, part: str, styles: frozenset[str]) -> Cells:
    """:func:`_styled_cells` for a sheet that places cells by their order: a
    cell without ``r`` follows the one before it, a row without ``r`` the row
    before it."""
    cells: set[tuple[int, int]] = set()
    row = column = -1
    with archive.open(part) as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = local_name(element.tag) if isinstance(element.tag, str) else ""
            if event == "start":
                if tag == "row":
                    number = element.get("r")
                    row = int(number) - 1 if number and number.isdigit() else row + 1
                    column = -1
                continue
            if tag == "c":
                match = _COLUMN.fullmatch(element.get("r") or "")
                if match:
                    column = column_index(match.group(1).encode())
                    row = int(match.group(2)) - 1
                else:
                    column += 1
                if element.get("s") in styles:
                    cells.add((row, column))
                element.clear()
            elif tag == "row":
                element.clear()
    return frozenset(cells)
