"""How large a sheet's grid is, found before the grid is built.

python-calamine builds a sheet as a dense grid from its first to its last
cell that holds a value, so one typed-in cell far from the table (``x`` in
XFD1048576 of a 5 KB workbook) asks for a grid of 17 billion cells: the run
would run out of memory, or take minutes and gigabytes. Each worksheet of an
``.xlsx``/``.xlsm`` is scanned first (streamed from the archive, a few
bytes of state whatever its size) for the rows and columns of its cells that
hold a value, as calamine reads them; a sheet whose used range holds more
than :data:`~audit.limits.MAX_SHEET_CELLS` cells is refused with one line
naming it and its range, before calamine reads it. Calamine reads every
sheet of an ``.xls`` or ``.ods`` when it opens the file, so theirs are found
before it opens them: from the cell records of an ``.xls`` (its container
read with olefile) and the rows and cells, repeats counted, of an ``.ods``'s
``content.xml``. A Word table's ``gridSpan`` is bounded here too.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple
from xml.etree.ElementTree import ParseError, fromstring

from audit.limits import MAX_SHEET_CELLS, MAX_UNPACKED_BYTES
from audit.readers.decode import ReadError

_CHUNK = 1 << 20
_ROW_MAX = 16 << 20
"""Longest row read at once by the fast scan; a longer one is scanned tag
by tag."""
_TAG_MAX = 4096
"""Longest start tag looked at; a longer one (thousands of attributes) is no
cell a spreadsheet program writes, and is passed over."""

# Start tags of rows, cells and what gives a cell a value (a value, an inline
# string, a formula), with or without a namespace prefix (``<x:c …>``).
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(row|c|v|is|f)(?=[\s/>])([^<>]{0,%d})>" % _TAG_MAX)
_REF = re.compile(rb"""\sr\s*=\s*["']\$?([A-Za-z]{0,10})\$?([0-9]{1,12})["']""")

_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
# Each cell's start tag: its reference (column letters, row digits; empty when
# it has none), "/" when it closes itself, and the end tag when it follows at
# once (``<c r="Z9" s="1"></c>``): the last two are formatted cells without
# a value.
_CELL = re.compile(
    rb"<"
    + _PREFIX
    + rb"c(?=[\s/>])(?:[^<>]*?\sr\s*=\s*[\"']\$?([A-Za-z]{1,10})\$?([0-9]{1,12})[\"'])?"
    + rb"[^<>]*?(/?)>(\s*</"
    + _PREFIX
    + rb"c\s*>)?"
)

# An attribute value holding ">" (valid XML, ``<c foo=">" r="XFD1048576">``):
# the regular expressions above would end the tag there, so a sheet with one
# (or with text that looks like one) is scanned by an XML parser instead.
_GT_IN_VALUE = re.compile(rb"""=\s*(?:"[^"<]*>|'[^'<]*>)""")


class Extent(NamedTuple):
    """The used range of a sheet: first and last row and column (0-based,
    inclusive) of its cells that hold a value."""

    top: int
    left: int
    bottom: int
    right: int

    @property
    def rows(self) -> int:
        return self.bottom - self.top + 1

    @property
    def columns(self) -> int:
        return self.right - self.left + 1

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def _used(top: int, left: int, bottom: int, right: int) -> Extent | None:
    """The used range a scan found (its bounds start past any sheet, at
    ``1 << 62`` and ``-1``), None when no cell held a value."""
    if bottom < 0:
        return None
    return Extent(max(top, 0), max(left, 0), bottom, right)


def check(sheet: str, extent: Extent | None) -> None:
    """Refuse a sheet whose used range is over the limit."""
    if extent is None or extent.cells <= MAX_SHEET_CELLS:
        return
    from audit.readers.grid import column_letter

    where = (
        f"{column_letter(extent.left)}{extent.top + 1}:"
        f"{column_letter(extent.right)}{extent.bottom + 1}"
    )
    raise ReadError(
        f"table too large: sheet {sheet} spans {where} "
        f"({extent.rows:,} rows × {extent.columns:,} columns), over the limit of "
        f"{MAX_SHEET_CELLS:,} cells; delete the cells far from the table "
        "(Ctrl+End goes to the last one) and save the workbook again"
    )


_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
)
"""What a damaged or unusual archive raises as it is read (a corrupt deflate
stream is ``zlib.error``, an encrypted member ``RuntimeError``, an unknown
compression ``NotImplementedError``): no extent is known, and calamine says
what is wrong with the file."""


def bound_unpacked(data: bytes) -> None:
    """Refuse a zip archive (a workbook, a Word file) that unpacks to more
    than :data:`~audit.limits.MAX_UNPACKED_BYTES`, all members together: by
    the sizes its central directory declares, then, since those can lie and
    calamine inflates each deflate stream to its end, by inflating every
    member (output counted, not kept) and stopping at the limit. An archive
    that cannot be opened is left to its reader, which says what is wrong."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with archive:
        members = archive.infolist()
        declared = sum(info.file_size for info in members)
        if declared > MAX_UNPACKED_BYTES:
            largest = max(members, key=lambda info: info.file_size)
            _too_large(f"{declared:,} bytes", largest.filename)
        budget = MAX_UNPACKED_BYTES
        for info in members:
            budget -= _inflated(data, info, budget)


def _too_large(amount: str, member: str) -> None:
    raise ReadError(
        f"file too large: the archive unpacks to {amount} ({member} the largest "
        f"member), over the limit of {MAX_UNPACKED_BYTES:,}"
    )


def _inflated(data: bytes, info: zipfile.ZipInfo, budget: int) -> int:
    """How many bytes member ``info`` inflates to, counted up to ``budget``
    (past it: refused). A member stored as it is counts its bytes; one the
    readers cannot inflate (encrypted, another method, a damaged stream)
    counts what was inflated before the reader refuses it."""
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size > budget:
            _too_large(f"more than {MAX_UNPACKED_BYTES:,} bytes", info.filename)
        return info.compress_size
    header = info.header_offset  # the local header: 30 bytes, the name, the extra field
    if info.compress_type != zipfile.ZIP_DEFLATED or data[header : header + 4] != b"PK\x03\x04":
        return 0
    name, extra = struct.unpack_from("<HH", data, header + 26)
    start = header + 30 + name + extra
    inflater = zlib.decompressobj(-15)
    count = 0
    view = memoryview(data)
    try:
        # to the stream's own end, not the declared compressed size
        while start < len(data) and not inflater.eof:
            pending: bytes | memoryview = view[start : start + _CHUNK]
            start += len(pending)
            while pending:
                count += len(inflater.decompress(pending, _CHUNK))
                if count > budget:
                    _too_large(f"more than {MAX_UNPACKED_BYTES:,} bytes", info.filename)
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
    except zlib.error:
        pass
    return count


class Sheets(NamedTuple):
    """The used range of each worksheet of an ``.xlsx``/``.xlsm`` found by
    its name, and why the others could not be measured."""

    extents: dict[str, Extent | None]
    failures: dict[str, str]
    failure: str
    """Why a sheet found in neither could not be measured."""
    order: tuple[str, ...] = ()
    """Every sheet's name in the workbook's order, as the scan read it."""

    def check(self, name: str, position: int = -1, count: int = 0) -> None:
        """Refuse sheet ``name`` when it is over the limit, or when it could
        not be measured: calamine would build its grid unbounded. A name
        calamine spells otherwise than the scan (an escape one of them
        decodes) is found by its ``position`` among ``count`` sheets when
        both list as many."""
        if name not in self.extents and count and count == len(self.order) and position >= 0:
            name_read = self.order[position]
            if name_read in self.extents:
                check(name, self.extents[name_read])
                return
        if name in self.extents:
            check(name, self.extents[name])
            return
        why = self.failures.get(name, self.failure)
        raise ReadError(
            f"corrupt workbook: the size of sheet {name} cannot be checked before it is "
            f"read ({why}); save the workbook again from a spreadsheet program"
        )


Seen = Callable[[bytes, int], None]
"""Given each stretch of whole rows the scan reads (the buffer and where the
stretch ends in it), so that one reading of a sheet finds what else is looked
for in it; given ``(b"", -1)`` when the sheet is not read by regular
expressions."""


def xlsx_extents(data: bytes, look: Callable[[str, str], Seen] | None = None) -> Sheets:
    """The used range of each worksheet of an ``.xlsx``/``.xlsm``, by sheet
    name (None: no cell holds a value). A sheet that cannot be found or
    scanned is left out with the reason, and :meth:`Sheets.check` refuses
    it: the scan fails closed, never leaving a sheet to calamine unbounded."""
    extents: dict[str, Extent | None] = {}
    failures: dict[str, str] = {}
    order: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sheet_parts(archive, order)
            for name, part in parts.items():
                try:
                    seen = None if look is None else look(name, part)
                    extents[name] = _scan_part(archive, part, seen)
                except KeyError:
                    failures[name] = f"no part {part} in the archive"
                except _DAMAGED as error:
                    failures[name] = f"{part}: {_why(error)}"
    except (KeyError, *_DAMAGED) as error:
        return Sheets(extents, failures, _why(error), tuple(order))
    return Sheets(extents, failures, "not found in xl/workbook.xml", tuple(order))


def _why(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _scan_part(archive: zipfile.ZipFile, part: str, seen: Seen | None = None) -> Extent | None:
    try:
        try:
            with archive.open(part) as stream:
                return _scan_refs(stream, seen)
        except _ByOrder:  # cells placed by their order
            if seen is not None:
                seen(b"", -1)
            with archive.open(part) as stream:
                return _scan(stream)
    except _NotPlain:  # ">" in an attribute's value: read as XML
        if seen is not None:
            seen(b"", -1)
        with archive.open(part) as stream:
            return _scan_xml(stream)


def local_name(name: str) -> str:
    """An element's or attribute's name without its namespace."""
    return name.rpartition("}")[2]


def sheet_parts(archive: zipfile.ZipFile, order: list[str]) -> dict[str, str]:
    """Each sheet's name and the archive member holding it. Elements are
    matched by their local names, as calamine matches them, so a workbook in
    Strict Open XML (other namespaces) or with ``r:`` bound to another
    namespace is found too; the relationship id is the sheet's namespaced
    ``id`` attribute whatever its namespace. ``order`` receives every
    sheet's name in the workbook's order."""
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in rels.iter()
        if isinstance(rel.tag, str) and local_name(rel.tag) == "Relationship"
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter():
        if not isinstance(sheet.tag, str) or local_name(sheet.tag) != "sheet":
            continue
        ids = {v for k, v in sheet.attrib.items() if k.startswith("{") and local_name(k) == "id"}
        # two ids (another namespace's beside r:id): which one a reader takes
        # is not known, so the sheet is not measured, and is refused
        target = targets.get(next(iter(ids))) if len(ids) == 1 else None
        name = sheet.get("name")
        order.append("" if name is None else name)
        if not target or name is None:
            continue
        parts[name] = part_path(target)
    return parts


def part_path(target: str) -> str:
    """The archive member a relationship of ``xl/workbook.xml`` points to."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("xl", target))


class _NotPlain(Exception):
    """An attribute value of the sheet holds ``>``: its tags cannot be found
    by regular expressions."""


class _ByOrder(Exception):
    """A cell of the sheet does not name its place: it follows the one before."""


def _scan_refs(stream: IO[bytes], seen: Seen | None = None) -> Extent | None:
    """The used range of a worksheet whose every cell names its place (``r``,
    as spreadsheet programs write them), found by regular expressions alone;
    :class:`_ByOrder` when a cell does not name its place."""
    top = left = 1 << 62
    bottom = right = -1
    tail = b""
    while True:
        chunk = stream.read(_CHUNK)
        buffer = tail + chunk
        cut = len(buffer)
        if chunk:  # up to the end of the last row: no cell is cut in two
            at = buffer.rfind(b"row>")
            if at >= 0:
                cut = at + 4
            elif len(buffer) > _ROW_MAX:
                raise _ByOrder
            else:
                cut = 0
        if _GT_IN_VALUE.search(buffer, 0, cut):
            raise _NotPlain
        if seen is not None and cut:
            seen(buffer, cut)
        found = _CELL.findall(buffer, 0, cut)
        if any(not letters for letters, _, _, _ in found):
            raise _ByOrder
        valued = [
            (letters, digits) for letters, digits, ends, closed in found if not (ends or closed)
        ]
        if valued:
            rows = [int(digits) - 1 for _, digits in valued]
            columns = [column_index(letters) for letters in {letters for letters, _ in valued}]
            top, bottom = min(top, min(rows)), max(bottom, max(rows))
            left, right = min(left, min(columns)), max(right, max(columns))
        if not chunk:
            break
        tail = buffer[cut:]
    return _used(top, left, bottom, right)


def _scan(stream: IO[bytes]) -> Extent | None:
    """The used range of one worksheet's XML, read in chunks. Cells and rows
    without an ``r`` attribute follow the one before, as calamine places them."""
    top = left = 1 << 62
    bottom = right = -1
    row = -1
    col = -1
    pending: tuple[int, int] | None = None  # a cell not yet known to hold a value
    tail = b""
    while True:
        chunk = stream.read(_CHUNK)
        buffer = tail + chunk
        if chunk:
            cut = buffer.rfind(b"<")
            if cut < 0 or len(buffer) - cut > _TAG_MAX + 64:
                cut = len(buffer)
        else:
            cut = len(buffer)
        if _GT_IN_VALUE.search(buffer, 0, cut):
            raise _NotPlain
        for match in _TAG.finditer(buffer, 0, cut):
            kind, attributes = match.group(1), match.group(2)
            if kind == b"row":
                ref = _REF.search(attributes)
                row = int(ref.group(2)) - 1 if ref else row + 1
                col = -1
                pending = None
            elif kind == b"c":
                ref = _REF.search(attributes)
                if ref:
                    letters, digits = ref.groups()
                    if letters:
                        col = column_index(letters)
                    else:
                        col += 1
                    row = int(digits) - 1
                else:
                    col += 1
                pending = None if attributes.endswith(b"/") else (row, col)
            elif pending is not None:  # a value, an inline string or a formula
                r, c = pending
                pending = None
                top, bottom = min(top, r), max(bottom, r)
                left, right = min(left, c), max(right, c)
        if not chunk:
            break
        tail = buffer[cut:]
    return _used(top, left, bottom, right)


def _scan_xml(stream: IO[bytes]) -> Extent | None:
    """The used range of a worksheet read by an XML parser (expat, streamed),
    cells placed as :func:`_scan` places them; for sheets whose tags the
    regular expressions cannot find."""
    from xml.etree.ElementTree import iterparse

    top = left = 1 << 62
    bottom = right = -1
    row = col = -1
    pending: tuple[int, int] | None = None
    for event, element in iterparse(stream, events=("start", "end")):
        tag = local_name(element.tag)
        if event == "end":
            if tag == "c":
                pending = None
                element.clear()
            elif tag == "row":
                element.clear()
            continue
        if tag == "row":
            ref = _REF.search(b" r=" + _quoted(element.get("r")))
            row = int(ref.group(2)) - 1 if ref else row + 1
            col = -1
            pending = None
        elif tag == "c":
            ref = _REF.search(b" r=" + _quoted(element.get("r")))
            if ref:
                letters, digits = ref.groups()
                col = column_index(letters) if letters else col + 1
                row = int(digits) - 1
            else:
                col += 1
            pending = (row, col)
        elif tag in ("v", "is", "f") and pending is not None:
            r, c = pending
            pending = None
            top, bottom = min(top, r), max(bottom, r)
            left, right = min(left, c), max(right, c)
    return _used(top, left, bottom, right)


def _quoted(value: str | None) -> bytes:
    return b'""' if value is None else b'"' + value.encode("utf-8", "replace") + b'"'


def column_index(letters: bytes) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index - 1


MAX_SPAN = 1000
"""Largest ``gridSpan`` of a Word table cell taken as it is; a larger one
(``gridSpan="100000000"``) is taken as this, as HTML readers do with
``colspan``."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def bound_word_tables(body: Any) -> None:
    """Clamp each table cell's ``gridSpan`` in a Word document's parsed body
    (in memory: the file is not touched) to :data:`MAX_SPAN`, and refuse the
    document when a table's grid (rows × widest row) is over
    :data:`~audit.limits.MAX_SHEET_CELLS` cells."""
    span_tag, val = f"{_W}gridSpan", f"{_W}val"
    for number, table in enumerate(body.iter(f"{_W}tbl"), start=1):
        rows = 0
        width = 0
        for row in word_children(table, f"{_W}tr"):
            rows += 1
            columns = _grid_before(row)
            for cell in word_children(row, f"{_W}tc"):
                span = 1
                for element in cell.iterchildren(f"{_W}tcPr"):
                    for grid_span in element.iterchildren(span_tag):
                        span = _span(grid_span.get(val))
                        grid_span.set(val, str(span))
                columns += span
            width = max(width, columns)
        if rows * width > MAX_SHEET_CELLS:
            raise ReadError(
                f"table too large: Word table {number} is {rows:,} rows × {width:,} columns, "
                f"over the limit of {MAX_SHEET_CELLS:,} cells"
            )


def _grid_before(row: Any) -> int:
    """The grid columns a Word table row leaves empty before its first cell
    (``w:gridBefore``), taken as at most :data:`MAX_SPAN` as a span is."""
    for properties in row.iterchildren(f"{_W}trPr"):
        for before in properties.iterchildren(f"{_W}gridBefore"):
            return 0 if before.get(f"{_W}val") in (None, "0") else _span(before.get(f"{_W}val"))
    return 0


def word_children(parent: Any, tag: str) -> Iterator[Any]:
    """``parent``'s children named ``tag``, also those inside content
    controls and custom XML (a repeating section's rows, a wrapped cell)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WORD_WRAPPERS:
            yield from word_children(child, tag)


_WORD_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})


def _span(value: str | None) -> int:
    try:
        number = int(value or "1")
    except ValueError:
        return 1
    return max(1, min(number, MAX_SPAN))


# Records of a legacy .xls (BIFF) worksheet that put a value in a cell: each
# begins with the cell's row and column (two bytes each). MULRK holds a run of
# numbers from its column to the column in its last two bytes. Blank cells
# (BLANK, MULBLANK) are formatting only: calamine leaves them out.
_BIFF_CELLS = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x0006, 0x0205, 0x00D6, 0x0002, 0x0003})
_BIFF_CELLS |= {0x0004, 0x0005, 0x0206, 0x0406}  # the same in BIFF2-4
_MULRK = 0x00BD
_BOF = (0x0809, 0x0409, 0x0209, 0x0009)
_EOF = 0x000A
_BOUNDSHEET = 0x0085


def xls_extents(data: bytes) -> list[tuple[str, Extent | None]]:
    """The name and used range of each sheet of a legacy ``.xls``, in the
    workbook's order (None: no cell holds a value); a read error when the
    file cannot be scanned."""
    try:
        stream = biff_stream(data)
        return [(sheet, _biff_sheet(stream, start)) for sheet, start in biff_sheets(stream)]
    except Exception as error:  # olefile's own errors, a cut record (struct.error)
        # calamine's own reader is more lenient, and reads every sheet as it
        # opens the file: a workbook not measured is not read at all
        raise _unmeasured(error) from None


def biff_stream(data: bytes) -> bytes:
    """The workbook stream of a legacy ``.xls`` (its BIFF records)."""
    import olefile  # type: ignore[import-untyped]

    with olefile.OleFileIO(data) as ole:
        name = "Workbook" if ole.exists("Workbook") else "Book"
        return bytes(ole.openstream(name).read())


def biff_sheets(stream: bytes) -> list[tuple[str, int]]:
    """Each sheet's name and where its records begin in the workbook stream."""
    import struct

    sheets: list[tuple[str, int]] = []
    unpack = struct.unpack_from
    pos = 0
    end = len(stream) - 4
    while pos <= end:  # the workbook's own records, up to their EOF
        kind, length = unpack("<HH", stream, pos)
        if kind == _BOUNDSHEET and length >= 8:
            record = stream[pos + 4 : pos + 4 + length]
            sheets.append((_sheet_name(record), unpack("<I", record, 0)[0]))
        elif kind == _EOF:
            break
        pos += 4 + length
    return sheets


def _sheet_name(record: bytes) -> str:
    """A BOUNDSHEET record's sheet name (BIFF8: UTF-16 or Latin-1 by its flag;
    BIFF5: bytes of the workbook's code page, taken as GBK)."""
    count = record[6]
    if (
        len(record) >= 8 + count
        and record[7] in (0, 1)
        and len(record) in (8 + count, 8 + 2 * count)
    ):
        raw = record[8:]
        return raw.decode("utf-16-le" if record[7] & 1 else "latin-1", errors="replace")
    return record[7 : 7 + count].decode("gbk", errors="replace")


def _biff_sheet(stream: bytes, start: int) -> Extent | None:
    import struct

    unpack = struct.unpack_from
    top = left = 1 << 62
    bottom = right = -1
    end = len(stream) - 4
    pos = start
    if pos > end or unpack("<H", stream, pos)[0] not in _BOF:
        return None
    pos += 4 + unpack("<H", stream, pos + 2)[0]
    while pos <= end:
        kind, length = unpack("<HH", stream, pos)
        if kind == _EOF or kind in _BOF:
            break
        if length >= 4 and (kind in _BIFF_CELLS or kind == _MULRK):
            row, col = unpack("<HH", stream, pos + 4)
            last = col
            if kind == _MULRK and length >= 6:
                last = unpack("<H", stream, pos + 4 + length - 2)[0]
            top, bottom = min(top, row), max(bottom, row)
            left, right = min(left, col), max(right, last)
        pos += 4 + length
    return _used(top, left, bottom, right)


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def ods_extents(data: bytes) -> list[tuple[str, Extent | None]]:
    """The name and used range of each sheet of an OpenDocument spreadsheet
    (calamine reads every sheet of one at once, repeated rows and cells
    spelled out); none when the file is no zip archive or has no
    ``content.xml`` (calamine then says what is wrong), a read error when
    ``content.xml`` cannot be read to its end (not measured, not read). A
    cell holds a value when it has a value type or content; repeated, it
    holds it in every row and column it repeats over."""
    from xml.etree.ElementTree import iterparse

    sheets: list[tuple[str, Extent | None]] = []
    rows_repeated = f"{_TABLE}number-rows-repeated"
    columns_repeated = f"{_TABLE}number-columns-repeated"
    cells = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
    value_type = f"{_OFFICE}value-type"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as xml:
            name = ""
            r = c = repeat = 0
            top = left = 1 << 62
            bottom = right = -1
            for event, element in iterparse(xml, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        name = element.get(f"{_TABLE}name", "")
                        r = 0
                        top = left = 1 << 62
                        bottom = right = -1
                    elif tag == f"{_TABLE}table-row":
                        c = 0
                        repeat = max(1, int(element.get(rows_repeated, "1")))
                    continue
                if tag in cells:
                    columns = max(1, int(element.get(columns_repeated, "1")))
                    if element.get(value_type) is not None or len(element):
                        top, bottom = min(top, r), max(bottom, r + repeat - 1)
                        left, right = min(left, c), max(right, c + columns - 1)
                    c += columns
                    element.clear()
                elif tag == f"{_TABLE}table-row":
                    r += repeat
                    element.clear()
                elif tag == f"{_TABLE}table":
                    extent = Extent(top, left, bottom, right) if bottom >= 0 else None
                    sheets.append((name, extent))
                    element.clear()
    except (KeyError, zipfile.BadZipFile) as error:
        if not sheets and (isinstance(error, KeyError) or not _opens(data)):
            return []  # no archive, or no content.xml: calamine says what is wrong
        raise _unmeasured(error) from None
    except _DAMAGED as error:
        raise _unmeasured(error) from None
    return sheets


def _opens(data: bytes) -> bool:
    try:
        zipfile.ZipFile(io.BytesIO(data)).close()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return True


def _unmeasured(error: BaseException) -> ReadError:
    return ReadError(
        f"corrupt workbook: the size of its sheets cannot be checked before they are "
        f"read ({_why(error)}); save the workbook again from a spreadsheet program"
    )
