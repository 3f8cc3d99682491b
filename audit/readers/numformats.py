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

- ``.xls``: the workbook's FORMAT and XF records name the cell formats that
  show a percentage, and each number cell's record (NUMBER, RK, MULRK,
  FORMULA) its format.

A file whose records cannot be read is read as stored: this never makes a
workbook unreadable.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import ParseError, fromstring, iterparse

from audit.readers.sheetsize import (
    biff_sheets,
    biff_stream,
    column_index,
    local_name,
    part_path,
    sheet_parts,
)

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


_FORMAT, _XF, _EOF = 0x041E, 0x00E0, 0x000A
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_BOF = frozenset({0x0809, 0x0409, 0x0209, 0x0009})


def xls_percent_cells(data: bytes) -> dict[str, Cells]:
    """:func:`xlsx_percent_cells` for a legacy ``.xls`` (BIFF5 and BIFF8)."""
    try:
        stream = biff_stream(data)
        styles = _biff_percent_styles(stream)
        if not styles:
            return {}
        found: dict[str, Cells] = {}
        for name, start in biff_sheets(stream):
            cells = _biff_styled_cells(stream, start, styles)
            if cells:
                found[name] = cells
        return found
    except Exception:  # olefile's own errors, a cut record: read as stored
        return {}


def _biff_records(stream: bytes, pos: int) -> Iterator[tuple[int, int, int]]:
    """Each record's kind, where its data begins and its length, from ``pos``
    to the end of its substream (EOF)."""
    end = len(stream) - 4
    while pos <= end:
        kind, length = struct.unpack_from("<HH", stream, pos)
        if kind == _EOF:
            return
        yield kind, pos + 4, length
        pos += 4 + length


def _biff_percent_styles(stream: bytes) -> frozenset[int]:
    """The indexes of the XF records (cell formats) whose number format
    shows a percentage."""
    percent = {int(number) for number in _BUILT_IN_PERCENT}
    xfs: list[int] = []
    for kind, at, length in _biff_records(stream, 0):
        if kind == _FORMAT and length >= 3:
            number = struct.unpack_from("<H", stream, at)[0]
            if percent_format(_format_code(stream[at + 2 : at + length])):
                percent.add(number)
            else:
                percent.discard(number)
        elif kind == _XF and length >= 4:
            xfs.append(struct.unpack_from("<H", stream, at + 2)[0])
    return frozenset(index for index, number in enumerate(xfs) if number in percent)


def _format_code(record: bytes) -> str:
    """A FORMAT record's code, after its number: a BIFF8 string (length,
    flags, Latin-1 or UTF-16) or a BIFF5 one (length byte, code page)."""
    count = struct.unpack_from("<H", record, 0)[0]
    if len(record) >= 3 and record[2] in (0, 1):
        wide = record[2] & 1
        raw = record[3 : 3 + count * (2 if wide else 1)]
        if len(raw) == count * (2 if wide else 1):
            return raw.decode("utf-16-le" if wide else "latin-1", errors="replace")
    return record[1 : 1 + record[0]].decode("gbk", errors="replace")


def _biff_styled_cells(stream: bytes, start: int, styles: frozenset[int]) -> Cells:
    """The number cells of the sheet whose records begin at ``start`` that
    carry one of the XF ``styles``."""
    cells: set[tuple[int, int]] = set()
    if start > len(stream) - 4 or struct.unpack_from("<H", stream, start)[0] not in _BOF:
        return frozenset()
    records = _biff_records(stream, start)
    next(records)  # the sheet's own BOF
    for kind, at, length in records:
        if kind in _BOF:
            break
        if kind in (_NUMBER, _RK, _FORMULA) and length >= 6:
            row, column, style = struct.unpack_from("<HHH", stream, at)
            if style in styles:
                cells.add((row, column))
        elif kind == _MULRK and length >= 6:
            row, first = struct.unpack_from("<HH", stream, at)
            for i in range((length - 6) // 6):
                if struct.unpack_from("<H", stream, at + 4 + 6 * i)[0] in styles:
                    cells.add((row, first + i))
    return frozenset(cells)
