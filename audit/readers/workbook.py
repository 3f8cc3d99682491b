"""Workbooks (``.xlsx`` ``.xlsm`` ``.xls`` ``.ods``) read with python-calamine.

Every sheet becomes a grid, starting at its used range (a sheet whose
table starts at C3 gives locations from C3). The value of a merged range
belongs to every cell it covers. Numbers come back as the sheet stores
them (``10.0`` is written ``10``, ``3.6`` stays ``3.6``) unless their format
changes what they say (:mod:`audit.readers.numformats`: fixed decimals, a
percentage, literal text, a time); numbers are marked numeric in the grid,
and layouts show numeric amounts with at least two decimals. Merged ranges
come from ``merged_cell_ranges`` (python-calamine 0.4 and later) for
``.xlsx`` and ``.xls``, and from the spanned cells of ``content.xml`` for
``.ods``, which calamine does not report.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from audit.readers import numformats, sheetsize
from audit.readers.decode import ReadError, reason
from audit.readers.grid import GridInput, Loaded, Merge, grid_source
from audit.readers.table import Notify


def _as_shown(
    values: list[list[Any]], shown: numformats.Shown, start: tuple[int, int]
) -> tuple[tuple[int, int, str], ...]:
    """Cells ``shown`` with a format, in ``values`` (a grid from ``start``),
    as the sheet shows them: a percentage or a number with the format's
    text as text (``0.95`` → ``95%``, ``5000`` → ``≥5000人``), a number with
    fixed decimals as a :class:`~decimal.Decimal` with them (``2025.1``
    formatted ``0.00`` → ``2025.10``), a time or a date with a time as its
    format writes it (``0:30``). An amount whose format prints only ``元``
    or ``万元`` after it keeps its number; those cells are returned with
    their unit (row, column from A1, unit)."""
    units: list[tuple[int, int, str]] = []
    kinds: dict[numformats.Display, tuple[bool, str | None]] = {}
    for (row, column), display in shown.items():
        r, c = row - start[0], column - start[1]
        if 0 <= r < len(values) and 0 <= c < len(values[r]):
            value = values[r][c]
            if isinstance(value, int | float) and not isinstance(value, bool):
                if display.clock or display.date:
                    continue  # a number a date or time format shows that calamine left a number
                kind = kinds.get(display)
                if kind is None:
                    kind = kinds[display] = (display.plain, display.money_unit)
                if kind[0]:
                    if kind[1] is not None:
                        units.append((row, column, kind[1]))
                    number = display.decimal(value)
                    values[r][c] = value if number is None else number
                else:
                    values[r][c] = display.show(value)
            elif isinstance(value, datetime) and display.date:
                values[r][c] = value.date()  # the time of day the format does not show
            elif isinstance(value, time | datetime | timedelta) and (
                display.clock or display.text is not None
            ):
                values[r][c] = display.clock_text(value)
    return tuple(units)


def _format_unit(
    values: list[list[Any]], start: tuple[int, int], cells: tuple[tuple[int, int, str], ...]
) -> str | None:
    """The unit the amounts' format gives the sheet's performance table: that
    of the ``cells`` formatted in 元 or 万元 (row, column from A1, unit) that
    lie in the table, when they agree. The table runs from its first header
    row (a cell beginning with 项目名称 or 一级指标) down, over the columns
    around that cell up to an empty column on each side; cells outside it (a
    收支总表 in 元 above the table, or beside it past an empty column) give
    the table no unit."""
    if not cells:
        return None
    heads = _table_heads(values)
    if not heads:
        return None
    top, head = min(heads)
    filled = {c for row in values for c, value in enumerate(row) if value not in (None, "")}
    left = right = head
    while left - 1 in filled:
        left -= 1
    while right + 1 in filled:
        right += 1
    units = {
        unit
        for row, column, unit in cells
        if row - start[0] >= top and left <= column - start[1] <= right
    }
    return units.pop() if len(units) == 1 else None


def _with_errors(
    values: list[list[Any]], errors: tuple[tuple[int, int, str], ...], start: tuple[int, int]
) -> None:
    """Error cells (``#REF!``) as their error's text: calamine reads them
    empty (an ``.ods``'s as 0 or empty, an ``.xls``'s as its value)."""
    for row, column, error in errors:
        r, c = row - start[0], column - start[1]
        if 0 <= r < len(values) and 0 <= c < len(values[r]):
            values[r][c] = error


def _without_struck(
    values: list[list[Any]], struck: tuple[tuple[int, int, str], ...], start: tuple[int, int]
) -> None:
    """Cells with struck-through runs as their text without them: calamine
    reads every run alike."""
    for row, column, text in struck:
        r, c = row - start[0], column - start[1]
        if 0 <= r < len(values) and 0 <= c < len(values[r]) and isinstance(values[r][c], str):
            values[r][c] = text


def struck_note(name: str, struck: tuple[tuple[int, int, str], ...]) -> str:
    """The note of a sheet's cells whose struck-through text is not read."""
    from audit.readers.grid import column_letter

    row, column, _ = min(struck)
    return (
        f"{name}: {len(struck)} cell(s) with struck-through text (first "
        f"{column_letter(column)}{row + 1}): the struck text not read"
    )


_TABLE_HEADS = ("项目名称", "一级指标")
"""What a performance table's header row (or a form's first label) begins with."""


def _table_heads(values: list[list[Any]]) -> list[tuple[int, int]]:
    """Where the sheet's performance-table header cells stand (row, column
    from A1): cells beginning with 项目名称 or 一级指标."""
    return [
        (r, c)
        for r, row in enumerate(values)
        for c, value in enumerate(row)
        if isinstance(value, str) and value.lstrip().startswith(_TABLE_HEADS)
    ]


def _in_table(
    values: list[list[Any]], start: tuple[int, int], formulas: tuple[tuple[int, int, str], ...]
) -> tuple[tuple[int, int, str], ...]:
    """The ``formulas`` (row, column from A1) that lie in the sheet's table:
    from its first header row (a cell beginning with 项目名称 or 一级指标)
    down, within the columns of its header rows. A sheet without such a row
    holds no table the formulas could change."""
    heads = _table_heads(values)
    if not heads:
        return ()
    top = min(r for r, _ in heads)
    header_rows = {r for r, _ in heads}
    columns = [
        c for r in header_rows for c, value in enumerate(values[r]) if value not in (None, "")
    ]
    left, right = min(columns) + start[1], max(columns) + start[1]
    return tuple(
        (row, column, formula)
        for row, column, formula in formulas
        if row - start[0] >= top and left <= column <= right
    )


def _uncached_outside(formulas: tuple[tuple[int, int, str], ...]) -> str:
    """The note of formulas saved without a result outside the table."""
    return (
        f"{len(formulas)} formula(s) without a saved result outside the table "
        f"(first {_first(formulas)}): not read"
    )


def _first(formulas: tuple[tuple[int, int, str], ...]) -> str:
    """The first formula's cell and text: ``B5 =SUM(B7:B8)``."""
    from audit.readers.grid import column_letter

    row, column, formula = formulas[0]
    return f"{column_letter(column)}{row + 1}" + (f" ={formula}" if formula else "")


def _uncached(name: str, formulas: tuple[tuple[int, int, str], ...]) -> str:
    """Why a sheet with formulas saved without their result is not read."""
    count = len(formulas)
    return (
        f"sheet {name}: {count} formula{'s' if count > 1 else ''} saved without "
        f"{'their results' if count > 1 else 'its result'} (first {_first(formulas)}); "
        "open and save it in Excel, WPS or LibreOffice, which store each formula's result, "
        "then lint again"
    )


def _stated_in_cells(cells: list[list[str | None]]) -> bool:
    """Whether a sheet's cells state its amounts' unit (``金额单位：万元``)."""
    return any(t is not None and "单位" in t and "元" in t for row in cells for t in row)


def hidden_rows_note(name: str, rows: tuple[int, ...], shown: int = 4) -> str:
    """The note for a sheet's hidden rows: ``第13行``, ranges folded
    (``第5-8行``), at most ``shown`` of them, then ``…``."""
    spans: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if spans and row == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    parts = [f"{a + 1}" if a == b else f"{a + 1}-{b + 1}" for a, b in spans[:shown]]
    more = "、…" if len(spans) > shown else ""
    return f"{name}: hidden rows read and checked too: 第{'、'.join(parts)}{more}行"


def cell_text(value: Any) -> str | None:
    """A cell's value as text; whole numbers without ``.0``."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):  # a number with the decimals its format shows
        return format(value, "f")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")  # the digits a spreadsheet keeps: 0.1+0.2 is 0.3
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date | time | timedelta):
        return str(value)
    return str(value)


@contextlib.contextmanager
def _read_errors() -> Iterator[None]:
    """python-calamine's failures, opening a workbook or reading its sheets,
    as one-line read errors."""
    from python_calamine import CalamineError, PasswordError

    try:
        with _panic_output_dropped():
            yield
    except PasswordError:
        raise ReadError(
            "password-protected workbook: remove the password and save it again"
        ) from None
    except (CalamineError, ValueError, OSError) as error:
        raise ReadError(f"corrupt workbook: {reason(error)}") from None
    except BaseException as error:  # a panic in the Rust reader is a BaseException
        if not _panic(error):
            raise
        raise ReadError(f"corrupt workbook: the reader failed ({reason(error)})") from None


def load(data: bytes, path: str, notify: Notify | None = None) -> Loaded:
    from python_calamine import CalamineWorkbook

    if data[:2] == b"PK":  # what the archive unpacks to, whatever its headers say
        sheetsize.bound_unpacked(data)
    if data[:4] == b"\xd0\xcf\x11\xe0":  # a legacy .xls: calamine reads every sheet at once
        for name, extent in sheetsize.xls_extents(data):
            sheetsize.check(name, extent)
    elif data[:2] == b"PK" and _is_ods(data):  # so it does an .ods
        for name, extent in sheetsize.ods_extents(data):
            sheetsize.check(name, extent)
    with _read_errors():
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    tables: list[GridInput] = []
    ods = data[:2] == b"PK" and _is_ods(data)
    ods_merges, found = _ods_cells(data) if ods else (None, {})
    sheets = None
    if data[:2] == b"PK" and not ods:  # one reading of each sheet: its size and its cells
        sheets, found = numformats.xlsx_scan(data)
    elif data[:4] == b"\xd0\xcf\x11\xe0":
        found = numformats.xls_cells(data)
    refused: list[str] = []
    try:
        with _read_errors():
            kinds = {meta.name: str(meta.typ) for meta in workbook.sheets_metadata}
            hidden = {
                meta.name: str(meta.visible).rsplit(".", 1)[-1]
                for meta in workbook.sheets_metadata
                if not str(meta.visible).endswith(".Visible")
            }
            for position, name in enumerate(workbook.sheet_names):
                if "Chart" in kinds.get(name, "") or "Dialog" in kinds.get(name, ""):
                    if notify is not None:
                        notify(f"{name}: skipped, a chart sheet")
                    continue
                if sheets is not None:  # an .xls's and an .ods's were checked above
                    sheets.check(name, position, len(workbook.sheet_names))
                about = found.get(name)
                sheet = workbook.get_sheet_by_name(name)
                values = sheet.to_python(skip_empty_area=True)
                start = sheet.start or (0, 0)
                if about is not None and about.uncached:
                    inside = _in_table(values, start, about.uncached)
                    if inside:
                        refused.append(_uncached(name, inside))
                        continue
                    if notify is not None:  # a date or a note beside the table
                        notify(f"{name}: {_uncached_outside(about.uncached)}")
                unit = None
                if about is not None:
                    _with_errors(values, about.errors, start)
                    if about.struck:
                        _without_struck(values, about.struck, start)
                        if notify is not None:
                            notify(struck_note(name, about.struck))
                    unit = _format_unit(values, start, _as_shown(values, about.shown, start))
                    if about.hidden_rows and notify is not None:
                        notify(hidden_rows_note(name, about.hidden_rows))
                if name in hidden and notify is not None:
                    kind = "very hidden" if "Very" in hidden[name] else "hidden"
                    notify(f"{name}: a {kind} sheet, read too")
                cells = [[cell_text(v) for v in row] for row in values]
                headings: tuple[str, ...] = ()
                if unit is not None and not _stated_in_cells(cells):
                    headings = (f"金额单位：{unit}",)  # what the amounts' format prints
                numeric = frozenset(
                    (r, c)
                    for r, row in enumerate(values)
                    for c, v in enumerate(row)
                    if isinstance(v, int | float | Decimal) and not isinstance(v, bool)
                )
                ranges = getattr(sheet, "merged_cell_ranges", None)
                if ranges is None and ods_merges is not None:
                    ranges = ods_merges.get(name, [])
                merges: list[Merge] = []
                for (top, left), (bottom, right) in ranges or ():
                    merges.append(
                        (top - start[0], left - start[1], bottom - start[0], right - start[1])
                    )
                tables.append(
                    GridInput(name, cells, merges, (start[0], start[1]), None, numeric, headings)
                )
    finally:
        workbook.close()
    if refused and not tables:
        raise ReadError(refused[0] if len(refused) == 1 else "; ".join(refused))
    for why in refused:
        if notify is not None:
            notify(f"skipped {why}")
    source, grids = grid_source(path, "sheet", tables)
    return Loaded(source, grids)


@contextlib.contextmanager
def _panic_output_dropped() -> Iterator[None]:
    """Standard error (the file descriptor, where Rust's panic hook writes)
    is set aside while calamine runs: when it panics, its message and
    backtrace are dropped (the failure is one read error); otherwise what
    was written is passed on."""
    import sys
    import tempfile

    try:
        descriptor = sys.stderr.fileno()
        sys.stderr.flush()
        saved = os.dup(descriptor)
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        yield  # no descriptor to set aside (a test's captured stream)
        return
    panicked = False
    with tempfile.TemporaryFile() as aside:
        os.dup2(aside.fileno(), descriptor)
        try:
            yield
        except BaseException as error:
            panicked = _panic(error)
            raise
        finally:
            with contextlib.suppress(ValueError, OSError):
                sys.stderr.flush()
            os.dup2(saved, descriptor)
            os.close(saved)
            if not panicked:
                aside.seek(0)
                written = aside.read()
                if written:
                    os.write(descriptor, written)


def _panic(error: BaseException) -> bool:
    """A pyo3 ``PanicException``: calamine failed on a file it did not expect."""
    return type(error).__name__ == "PanicException"


def _is_ods(data: bytes) -> bool:
    from audit.readers.carriers import ODS_MIMETYPE

    return ODS_MIMETYPE in data[:200]


_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CALCEXT_NS = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
Span = tuple[tuple[int, int], tuple[int, int]]
_HIDDEN_MAX = 1000
"""Most hidden rows of one repeated row element listed (a template's hidden
rows to the sheet's end are one element repeated a million times)."""
_ODS_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#N/A!"}
)
"""What a formula cell shows when its result is an error (LibreOffice also
writes ``Err:502`` and the like, and marks every error cell with
``calcext:value-type="error"``)."""


_SHOWN_KINDS = frozenset({"float", "percentage", "currency", "time", "date"})
"""The value types of an ``.ods`` cell whose shown text may say more than its value."""
_SHOWS_TIME = re.compile(r"[0-9]\s*[:：时]")
"""Text that shows a time of day (``17:00``, ``17时``)."""


class _OdsSheet:
    """What :func:`_ods_cells` gathers of one sheet."""

    def __init__(self) -> None:
        self.merges: list[Span] = []
        self.shown: numformats.Shown = {}
        self.uncached: list[tuple[int, int, str]] = []
        self.errors: list[tuple[int, int, str]] = []
        self.hidden: list[int] = []

    def cells(self) -> numformats.SheetCells:
        return numformats.SheetCells(
            self.shown, tuple(self.uncached), tuple(self.errors), tuple(self.hidden)
        )


def _ods_cells(data: bytes) -> tuple[dict[str, list[Span]], dict[str, numformats.SheetCells]]:
    """What calamine does not report of an OpenDocument spreadsheet, by
    sheet: its merged ranges (cells with ``number-rows-spanned`` or
    ``number-columns-spanned``, as ((top, left), (bottom, right))); and
    what it reads otherwise than the sheet shows, as a workbook's
    :class:`~audit.readers.numformats.SheetCells`: each number cell's
    display (:func:`~audit.readers.numformats.shown_display`, from the text
    the cell stores as shown: a percentage, fixed decimals, a format's
    literal text), each time or date-with-time cell's shown text, the error
    cells (``#REF!``; calamine reads them empty or 0), the formulas saved
    without a result (a ``table:formula`` without ``office:value-type``) and
    the hidden rows (``table:visibility`` ``collapse`` or ``filter``)."""
    import zipfile
    from xml.etree.ElementTree import ParseError, iterparse

    ns = f"{{{_TABLE_NS}}}"
    value_type = f"{{{_OFFICE_NS}}}value-type"
    number_value = f"{{{_OFFICE_NS}}}value"
    date_value = f"{{{_OFFICE_NS}}}date-value"
    calc_type = f"{{{_CALCEXT_NS}}}value-type"
    paragraph = f"{{{_TEXT_NS}}}p"
    formula = f"{ns}formula"
    visibility = f"{ns}visibility"
    sheets: dict[str, _OdsSheet] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as xml:
            sheet = _OdsSheet()
            r = c = 0
            row_shown: list[tuple[int, numformats.Display]] = []
            row_errors: list[tuple[int, str]] = []
            for event, element in iterparse(xml, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{ns}table":
                        sheet = sheets.setdefault(element.get(f"{ns}name", ""), _OdsSheet())
                        r = 0
                    elif tag == f"{ns}table-row":
                        c = 0
                        row_shown, row_errors = [], []
                    continue
                if tag == f"{ns}table-row":
                    repeat = int(element.get(f"{ns}number-rows-repeated", "1"))
                    if element.get(visibility) in ("collapse", "filter"):
                        sheet.hidden.extend(range(r, r + min(repeat, _HIDDEN_MAX)))
                    for i in range(repeat if row_shown or row_errors else 0):
                        # the sheet's size was bounded before
                        sheet.shown.update(((r + i, col), shown) for col, shown in row_shown)
                        sheet.errors.extend((r + i, col, error) for col, error in row_errors)
                    r += repeat
                    element.clear()
                elif tag in (f"{ns}table-cell", f"{ns}covered-table-cell"):
                    rows = int(element.get(f"{ns}number-rows-spanned", "1"))
                    cols = int(element.get(f"{ns}number-columns-spanned", "1"))
                    repeat = int(element.get(f"{ns}number-columns-repeated", "1"))
                    if rows > 1 or cols > 1:
                        sheet.merges.append(((r, c), (r + rows - 1, c + cols - 1)))
                    kind = element.get(value_type)
                    code = element.get(formula)
                    calc = element.get(calc_type)
                    text = (  # what the cell shows, where it may differ from its value
                        "\n".join("".join(p.itertext()) for p in element.iter(paragraph))
                        if code or kind in _SHOWN_KINDS or calc is not None
                        else ""
                    )
                    if calc == "error" or (code and text.strip() in _ODS_ERRORS):
                        row_errors.extend((col, text.strip()) for col in range(c, c + repeat))
                    elif kind in ("float", "percentage", "currency"):
                        shown = _ods_display(text, element.get(number_value), kind)
                        if shown is not None:
                            row_shown.extend((col, shown) for col in range(c, c + repeat))
                    elif kind == "time" or (kind == "date" and "T" in element.get(date_value, "")):
                        shown = (  # a time as shown; a date shown alone as its date
                            numformats.Display(False, text=text)
                            if kind == "time" or _SHOWS_TIME.search(text)
                            else numformats.Display(False, date=True)
                        )
                        row_shown.extend((col, shown) for col in range(c, c + repeat))
                    elif code and kind is None:
                        sheet.uncached.append((r, c, code.removeprefix("of:").removeprefix("=")))
                    c += repeat
                    element.clear()
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError):
        return {}, {}
    merges = {name: sheet.merges for name, sheet in sheets.items()}
    found = {name: sheet.cells() for name, sheet in sheets.items()}
    return merges, {name: cells for name, cells in found.items() if any(cells)}


def _ods_display(text: str, value: str | None, kind: str) -> numformats.Display | None:
    """An ``.ods`` number cell's display, from the text it shows."""
    percent = kind == "percentage"
    try:
        number = float(value or "")
    except ValueError:
        return numformats.Display(True) if percent else None
    return numformats.shown_display(text, number, percent)
