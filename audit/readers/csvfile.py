"""Comma-separated drafts saved from a spreadsheet, with the same columns.

Parsed with the standard :mod:`csv` module (quoted cells may hold commas,
quotes and line breaks). The module does not report where a cell stands in
the file, so each cell is located afterwards by scanning forward from the end
of the previous one: a cell's text (or, for a cell with doubled quotes, each
of its pieces) is found in the record's raw text. Rows of a note or a
signature under the last project (``注：…``, ``填报人：…,,联系电话：…``) are no
projects: they are dropped. A sheet of several tables saved as CSV is read as
tab-separated text is: each header row starts a table, a ``单位名称`` heading
names its unit, and a table of another kind above or below (a budget table,
名词解释) gives no rows. A row of nothing but a printed page's number
(``"第 1 页，共 2 页",,,,,,``) is the page's foot copied with the table, no
project (:func:`page_number_row`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import NamedTuple

from audit.model import Markup, Row, Source, Text, TextBuilder
from audit.readers.common import (
    add_without_markup,
    adjusted_columns,
    adjustment_marks,
    clean_cell,
    drop_trailing_notes,
    grouped_columns,
    header_columns,
    header_unit,
    heading,
    note_row,
    page_ends_before,
    page_number_cells,
    row_from_cells,
    skipped_heading,
    table_ends,
    tables_above,
)
from audit.readers.decode import ReadError
from audit.readers.table import Table

_MAX_FIELD = 16 * 1024 * 1024


class Record(NamedTuple):
    """One non-blank CSV record: its cells, where it stands in the source
    (``start:end``) and the line it starts on."""

    cells: list[str]
    start: int
    end: int
    line: int


def records(source: Source, delimiter: str = ",") -> Iterator[Record]:
    """The non-blank records of a CSV source (its fields separated by
    ``delimiter``: ``;`` where a spreadsheet's locale writes it), in order; a
    malformed file is a :class:`ReadError` naming the line."""
    text = source.text
    csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    cursor = 0  # offset in the source where the next record starts
    line_no = 1
    try:
        for record in reader:
            start_line = line_no
            line_no = reader.line_num + 1
            start = cursor
            cursor = source.line_start(line_no) if line_no <= source.line_count else len(text)
            if any(cell.strip() for cell in record):
                _no_rows_swallowed(record, start_line, delimiter)
                yield Record(record, start, cursor, start_line)
    except csv.Error as error:
        raise ReadError(f"malformed CSV at line {line_no}: {error}") from None


def record_widths(text: str, delimiter: str) -> set[int]:
    """How many fields the non-blank records of a CSV text have, read with
    ``delimiter`` (one width for a spreadsheet's export, which pads each row
    to the sheet's width); none for text :mod:`csv` cannot read."""
    csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        return {len(record) for record in reader if any(cell.strip() for cell in record)}
    except csv.Error:
        return set()


_SWALLOWED_LINES = 2
_MIN_COMMAS = 3


def _no_rows_swallowed(cells: list[str], line: int, delimiter: str = ",") -> None:
    """Refuse a cell that runs on over lines which read as rows of the table:
    a stray ``"`` opening a cell (``,"道路运输安全检查,30.00,…``) makes every
    comma and line break up to the next quote part of that one cell, so
    projects and units vanish without a word. A cell's own line breaks
    (a goal typed on two lines) hold few commas."""
    wanted = max(_MIN_COMMAS, (len(cells) - 1) // 2)
    for column, cell in enumerate(cells, start=1):
        if "\n" not in cell:
            continue
        rows = sum(1 for part in cell.split("\n") if part.count(delimiter) >= wanted)
        if rows >= _SWALLOWED_LINES:
            lines = cell.count("\n") + 1
            raise ReadError(
                f"a quoted cell runs over {lines} lines that read as rows of the table, from "
                f'line {line}, column {column} (a " opening it without its closing one?): '
                "remove the stray quote"
            )


def read(source: Source, delimiter: str = ",") -> Table:
    """The rows of a CSV source whose fields ``delimiter`` separates (``;``
    where a spreadsheet's locale writes it: then every record must have the
    header's number of fields, see :func:`same_widths`)."""
    table = Table(rows=[])
    columns: dict[str, int] | None = None
    notes: set[int] = set()  # rows that read as notes or signatures
    found = list(records(source, delimiter))
    if delimiter != ",":
        same_widths(found, delimiter)
    # Tables of another kind saved on the same sheet (budget tables above or
    # below the performance table, 名词解释): read as in tab-separated text,
    # from such a table's title to the next performance header, no row.
    split = [record.cells for record in found]
    ends = table_ends(split)
    above = tables_above(split)
    skipping = False
    sub_header = -1  # the second row of a header on two rows
    for index, record in enumerate(found):
        cells = record.cells
        if index in above or index == sub_header:
            continue
        if index in ends and not skipping:
            skipping = True
            table.set_aside.append(f"line {found[ends[index]].line}")
            drop_trailing_notes(table.rows, notes)
            table.rows_dropped()
        if skipping:
            if header_columns(cells) is None:
                skipped_heading(table, cells)
                continue
            skipping = False
        if page_number_row(found, index):
            continue  # the foot or head of a printed page, copied with the table
        filled = [cell for cell in cells if cell.strip()]
        if len(filled) == 1 and heading(table, filled[0].strip()):
            continue
        if len(filled) > 1 and all(heading(Table([]), cell.strip()) for cell in filled):
            for cell in filled:  # 单位名称 and 单位：元 in cells of one row, above any table
                heading(table, cell.strip())
            continue
        header = header_columns(cells)
        if header is not None:
            table.amount_unit = table.amount_unit or header_unit(cells)
            below = found[index + 1].cells if index + 1 < len(found) else []
            grouped = grouped_columns(header, cells, below)
            if grouped is not None:  # 资金来源 over the sources: the row below is header
                sub_header = index + 1
            columns = adjusted_columns(header, below) or grouped or header
            drop_trailing_notes(table.rows, notes)  # notes at the foot of a page
            table.rows_dropped()
            continue
        if columns is None:
            for cell in filled:  # above the header: 单位名称 and 单位：元 may share a row
                heading(table, cell.strip())
            continue
        if adjustment_marks(cells):
            continue  # the header's 调整前 | 调整后 row
        row = _row(source, record, columns, delimiter)
        if row is not None:
            table.rows.append(row)
            if note_row(cells, columns):
                notes.add(id(row))
    drop_trailing_notes(table.rows, notes)
    table.rows_dropped()
    return table


def same_widths(found: list[Record], delimiter: str) -> None:
    """Refuse a CSV whose delimiter is no comma (``;``) when a record under
    its header row has more fields than the header: a spreadsheet pads every
    row to the sheet's width and quotes a cell holding the delimiter, so a
    wider row holds a ``;`` typed into a cell's text (a clause's separator)
    without its quotes, and would be read with its cells shifted. A shorter
    record (a file that leaves out trailing empty fields) shifts nothing."""
    at = next((i for i, r in enumerate(found) if header_columns(r.cells) is not None), None)
    if at is None:
        return
    header = found[at]
    width = len(header.cells)
    other = next((r for r in found[at + 1 :] if len(r.cells) > width), None)
    if other is not None:
        raise ReadError(
            f"malformed CSV at line {other.line}: {len(other.cells)} fields where the header "
            f"row (line {header.line}) has {width}, split by '{delimiter}' "
            f"(a '{delimiter}' in a cell's text without the quotes a spreadsheet puts round it?)"
        )


def page_number_row(records: list[Record], index: int) -> bool:
    """Whether a record holds nothing but a printed page's number, the page's
    foot or head copied with the table (``第 1 页，共 2 页`` with empty cells
    after it, ``— 第1页 —``, ``第1页 | 共2页`` split over cells, ``Page 2 of
    3``), as the grid readers pass it over: no project. A bare ``3`` or
    ``2/5`` is one only alone in the first cell and where a page ends, before
    the repeated title or header (or the end of the text); a row with an
    amount, a goal or an indicator beside the number is a row of the table."""
    cells = records[index].cells
    kind = page_number_cells(cells)
    if kind != "bare":
        return kind == "page"
    if [col for col, cell in enumerate(cells) if cell.strip()] != [0]:
        return False  # an amount, or a number in a cell of its own: no page's
    return page_ends_before(record.cells for record in records[index + 1 :])


RECORD_LINES = 8
"""Most lines a header row of TSV or CSV text may span: its cells wrapped in
the sheet (``财政专户⏎拨款``) hold a line break or two each."""


def quoted_record(lines: list[str], index: int, joiner: str = "") -> str | None:
    """The TSV or CSV record that begins on ``lines[index]`` with a quoted
    cell left open there, its lines joined with ``joiner`` (by default
    nothing: a header cell wrapped in the sheet, ``"项目名称⏎（资金使用单位）"``,
    names its column whole; a line break to read its cells with quotes);
    None when the quote does not close within a few lines
    (:data:`RECORD_LINES`)."""
    record = lines[index].rstrip("\r")
    for end in range(index + 1, min(len(lines), index + RECORD_LINES)):
        record += joiner + lines[end].rstrip("\r")
        if record.count('"') % 2 == 0:
            return record
    return None


_MAX_QUOTED_LINES = 2_000
"""Most lines one quoted tab-separated cell may span: a cell of clauses, one a
line, has a few dozen; a quote opened by mistake must not swallow the file."""


def tsv_records(source: Source) -> list[Record]:
    """The records of tab-separated text, one a line, as a spreadsheet saves
    them: a cell that begins with ``"`` and is quoted as a spreadsheet quotes
    it (its closing ``"`` followed by a tab or the end of a line, each ``"``
    within it doubled) is read as :mod:`csv` reads it, and may span lines.
    A line whose quotes are not such (``"三旧"改造``, a quote never closed)
    is read as it stands, quotes and all, and so is a quoted cell holding
    both a line break and a tab (an opening quote typed by mistake, closed
    by chance some rows down). Blank lines are kept (as one empty cell)."""
    text = source.text
    lines = text.split("\n")
    found: list[Record] = []
    index = 0
    offset = 0
    while index < len(lines):
        line = lines[index]
        cells: list[str] | None = None
        span = 1
        if line.startswith('"') or '\t"' in line:
            quoted = _quoted_record(lines, index)
            if quoted is not None:
                cells, span = quoted
        end = offset + len(line) + 1
        if span > 1:
            end += sum(len(lines[index + i]) + 1 for i in range(1, span))
        found.append(Record(cells or line.split("\t"), offset, min(end, len(text)), index + 1))
        offset = end
        index += span
    return found


def _quoted_record(lines: list[str], index: int) -> tuple[list[str], int] | None:
    """The cells of the record that begins on ``lines[index]`` read with
    quotes, and how many lines it spans; None when its quotes are not a
    spreadsheet's (see :func:`tsv_records`)."""
    taken = 0

    def feed() -> Iterator[str]:
        nonlocal taken
        for line in lines[index : index + _MAX_QUOTED_LINES]:
            taken += 1
            yield line + "\n"

    reader = csv.reader(feed(), delimiter="\t", strict=True)
    try:
        cells = next(reader)
    except (csv.Error, StopIteration):
        return None
    if taken > 1 and any("\n" in cell and "\t" in cell for cell in cells):
        return None
    return cells, taken


def locate_cells(source: Source, record: Record, delimiter: str) -> list[Text]:
    """Each cell of ``record`` as a Text mapped into the source: a quoted
    cell's characters where they stand between its quotes (a doubled quote
    maps to its first ``"``). A cell :mod:`csv` read leniently (text after a
    closing quote) is found by :func:`locate_cell`."""
    raw = source.text
    cursor = record.start
    located: list[Text] = []
    for value in record.cells:
        if raw.startswith('"', cursor) and raw.startswith(
            '"' + value.replace('"', '""') + '"', cursor
        ):
            builder = TextBuilder(source)
            position = cursor + 1
            for index, piece in enumerate(value.split('"')):
                if index:
                    builder.add('"', position)
                    position += 2
                builder.add(piece, position)
                position += len(piece)
            text = builder.build() if value else Text("", source, ((0, cursor + 1),))
            cursor = position + 1
        elif raw.startswith(value, cursor):
            text = Text(value, source, ((0, cursor),))
            cursor += len(value)
        else:
            text, cursor = locate_cell(source, value, cursor, record.end)
        located.append(text)
        if raw.startswith(delimiter, cursor):
            cursor += len(delimiter)
    return located


def clean_located(text: Text) -> tuple[Text, list[Markup]]:
    """:func:`clean_cell` of a cell located in the source, in one piece or
    several (a quoted cell with doubled quotes)."""
    if len(text.anchors) <= 1:
        return clean_cell(text.source, text.anchors[0][1] if text.anchors else 0, text.value)
    builder = TextBuilder(text.source)
    markup: list[Markup] = []
    anchors = text.anchors
    for index, (at, offset) in enumerate(anchors):
        end = anchors[index + 1][0] if index + 1 < len(anchors) else len(text.value)
        add_without_markup(builder, text.value[at:end], offset, markup)
    return builder.build().strip(), markup


def locate_cell(source: Source, value: str, start: int, end: int) -> tuple[Text, int]:
    """The cell ``value`` as a Text mapped into ``source.text[start:end]``;
    also the offset just after it."""
    raw = source.text
    if not value:
        return Text("", source, ((0, start),)), start
    position = raw.find(value, start, end)
    if position != -1:
        return Text(value, source, ((0, position),)), position + len(value)
    # Doubled quotes inside a quoted cell: find the pieces between them.
    builder = TextBuilder(source)
    cursor = start
    for index, piece in enumerate(value.split('"')):
        if index:
            quote = raw.find('""', cursor, end)
            if quote != -1:
                builder.add('"', quote)
                cursor = quote + 2
        if piece:
            found = raw.find(piece, cursor, end)
            if found == -1:
                found = cursor
            builder.add(piece, found)
            cursor = found + len(piece)
    return builder.build(), cursor


def _row(
    source: Source,
    record: Record,
    columns: dict[str, int],
    delimiter: str = ",",
) -> Row | None:
    located = locate_cells(source, record, delimiter)
    texts: dict[str, Text] = {}
    markup: list[Markup] = []
    for key, index in columns.items():
        if index < len(located):
            texts[key], found = clean_located(located[index])
            markup.extend(found)
    name = texts.get("name")
    line = source.position(name.origin(0))[0] if name else record.line
    return row_from_cells(texts, markup, line)
