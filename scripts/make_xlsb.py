"""Write a minimal Excel binary workbook (``.xlsb``) for the tests.

    python scripts/make_xlsb.py OUT.xlsb

No library here writes ``.xlsb`` (openpyxl and xlwt do not; pyxlsb only
reads), so this writes the few records of [MS-XLSB] a reader needs: the
workbook part (one sheet, named and related to its part) and the sheet's
cells (numbers as ``BrtCellReal``, text as ``BrtCellSt``), each number cell
with the cell format 1, which ``xl/styles.bin`` makes a percentage (``0%``):
a cell that Excel shows ``95%`` and stores 0.95.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

Cell = str | float | None

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/worksheets/sheet1.bin" \
ContentType="application/vnd.ms-excel.worksheet"/>\
<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>\
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="xl/workbook.bin"/></Relationships>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
Target="worksheets/sheet1.bin"/>\
<Relationship Id="rId2" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
Target="styles.bin"/></Relationships>"""


def _varint(number: int) -> bytes:
    """A record's type or size as [MS-XLSB] 2.1.4 writes it: 7 bits a byte,
    the high bit set on all but the last."""
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        if number:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _record(kind: int, data: bytes = b"") -> bytes:
    return _varint(kind) + _varint(len(data)) + data


def _wide(text: str) -> bytes:
    """An ``XLWideString``: its length in characters, then UTF-16LE."""
    encoded = text.encode("utf-16-le")
    return struct.pack("<I", len(encoded) // 2) + encoded


def _workbook(sheet: str) -> bytes:
    bundle = struct.pack("<II", 0, 1) + _wide("rId1") + _wide(sheet)
    return b"".join(
        [
            _record(0x83),  # BrtBeginBook
            _record(0x8F),  # BrtBeginBundleShs
            _record(0x9C, bundle),  # BrtBundleSh: visible, tab 1, rId1, name
            _record(0x90),  # BrtEndBundleShs
            _record(0x84),  # BrtEndBook
        ]
    )


def _styles() -> bytes:
    """Two cell formats: 0 General, 1 the built-in ``0%`` (number format 9)."""
    xf = struct.pack("<HHHHHBB", 0xFFFF, 0, 0, 0, 0, 0, 0) + b"\x00" * 2
    percent = struct.pack("<HHHHHBB", 0, 9, 0, 0, 0, 0, 0) + b"\x00" * 2
    return b"".join(
        [
            _record(0x116),  # BrtBeginStyleSheet
            _record(0x269, struct.pack("<I", 2)),  # BrtBeginCellXFs
            _record(0x2F, xf),  # BrtXF
            _record(0x2F, percent),
            _record(0x26A),  # BrtEndCellXFs
            _record(0x117),  # BrtEndStyleSheet
        ]
    )


def _sheet(rows: Sequence[Sequence[Cell]]) -> bytes:
    width = max((len(row) for row in rows), default=1)
    extent = struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0, max(width - 1, 0))
    parts = [_record(0x81), _record(0x94, extent), _record(0x91)]
    # BrtBeginSheet, BrtWsDim (the used range), BrtBeginSheetData
    for r, row in enumerate(rows):
        # BrtRowHdr: row, format, height, flags, the columns spans (none)
        parts.append(_record(0x00, struct.pack("<IIHHBI", r, 0, 300, 0, 0, 0)))
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, float):
                cell = struct.pack("<II", c, 1)  # column, cell format 1 (0%)
                parts.append(_record(0x05, cell + struct.pack("<d", value)))  # BrtCellReal
            else:
                cell = struct.pack("<II", c, 0)
                parts.append(_record(0x06, cell + _wide(value)))  # BrtCellSt
    parts += [_record(0x92), _record(0x82)]  # BrtEndSheetData, BrtEndSheet
    return b"".join(parts)


def write_xlsb(path: Path, sheet: str, rows: Sequence[Sequence[Cell]]) -> Path:
    """A one-sheet ``.xlsb``: text cells as text, numbers shown ``0%``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.bin", _workbook(sheet))
        archive.writestr("xl/_rels/workbook.bin.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.bin", _styles())
        archive.writestr("xl/worksheets/sheet1.bin", _sheet(rows))
    return path


if __name__ == "__main__":
    write_xlsb(Path(sys.argv[1]), "绩效目标表", [["档案规范率", 0.95]])
