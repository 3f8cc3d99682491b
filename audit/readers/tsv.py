"""Tab-separated text: one table row per line, cells separated by tabs.

This is what copying the published HTML or spreadsheet table gives. The
header row (项目名称 … 绩效指标) repeats at every page break together with the
title, 部门名称/单位名称 and 单位：万元 lines; cells may carry ``<p>`` residue.
The columns are taken from the header, so tables that leave a column out or
order them differently are read as well. A line without tabs that follows a
row continues that row's last cell (a cell with a line break in it), and so
does a row without a name and without amounts (a cell carried over a page
break): the repeated page header between them changes nothing, nor does a
page number on a line of its own or alone in a row (``第2页，共3页``, ``- 3 -``,
``第 1 页，共 2 页`` followed by empty cells; a bare ``3`` or ``2/3`` only
before the repeated header or at the end) is no row. A row copied from a
web page in the browser, whose cell held a line break (``<br>``), stands on
two lines or more: its name and amounts with fewer cells than the header,
then lines holding the rest of the cut cell and the cells after it (text
where a row has its amounts); they are one row. A name cut so leaves its
start on a line without tabs, after a cell that is complete and before the
row's line: it is that row's name, not the end of the cell above. A row
without a name that states amounts is a row of its own whose name was left
out, read as one (``amount-format`` reports the blank name). A line or row
of a note or signature under the last project (``注：…``, ``填报人：…``) is no
project and no part of its cells, and is dropped. Such text before the first
row (an excerpt that begins inside a project) belongs to no row shown and is
kept for the ``orphan-text`` rule. Lines of nothing but pieces of column
names, left by a header cell wrapped over lines, are header.
"""

from __future__ import annotations

import re

from audit.model import Markup, Row, Source, Text, TextBuilder
from audit.readers.common import (
    AMOUNT_RE,
    MARKUP_RE,
    CellAppends,
    adjusted_columns,
    adjustment_marks,
    drop_trailing_notes,
    grouped_columns,
    header_columns,
    header_pieces,
    header_unit,
    heading,
    names_a_column,
    note_label,
    note_row,
    outside_brackets,
    row_from_cells,
    skipped_heading,
    table_ends,
    tables_above,
    unnamed_row,
)
from audit.readers.csvfile import (
    Record,
    clean_located,
    locate_cells,
    page_number_row,
    tsv_records,
)
from audit.readers.decode import ReadError
from audit.readers.extracted import SIDE_BY_SIDE, tab_copy
from audit.readers.table import Table
from audit.syntax import clause_start, has_keyword

_DEFAULT_COLUMNS = {
    "name": 0,
    "total": 1,
    "fiscal": 2,
    "special": 3,
    "other": 4,
    "goal": 5,
    "indicators": 6,
}


def read(source: Source) -> Table:
    table = Table(rows=[])
    columns: dict[str, int] | None = None
    text = source.text
    last: tuple[Row, str] | None = None  # the row a continuation line extends
    orphan: list[Text] = []  # text before the first row
    after_header = False
    notes: set[int] = set()  # rows that read as notes or signatures
    held: list[Record] = []  # a note in a row whose name cell is blank
    appends = CellAppends()  # continuation lines, joined at the end
    name_start: list[Text] = []  # the start of a name cut by a line break
    name_line = 0  # the line it stands on
    records = tsv_records(source)  # a line each, or the lines of a quoted cell
    rests = _broken_rows(records)
    split = [[" ".join(r.cells)] if i in rests else r.cells for i, r in enumerate(records)]
    why = tab_copy(split[:2000])
    if why is not None:  # a copy from a PDF viewer, tabs between cell pieces
        raise ReadError(f"{SIDE_BY_SIDE} ({why}): copy the table from the workbook or web page")
    # Another table below the performance table (a budget table copied with
    # it, 名词解释): from its title to the next performance header, no row.
    ends: dict[int, int] = {}
    above = range(0)  # a table of another kind above the performance table
    if "\t" in text:
        ends = table_ends(split)
        above = tables_above(split)
    skipping = False
    for index, record in enumerate(records):
        cells = record.cells
        tabbed = len(cells) > 1
        if index in above:
            continue
        if index in rests and last is not None and columns is not None:
            last = _rest_of_row(source, last[0], record, rests[index], columns, appends)
            continue
        if index in ends and not skipping:
            skipping = True
            table.set_aside.append(f"line {records[ends[index]].line}")
            drop_trailing_notes(table.rows, notes)
            table.rows_dropped()
            held.clear()
            last = None
        if skipping:
            if header_columns(cells) is None:
                skipped_heading(table, cells)
                continue
            skipping = False
        filled = [cell.strip() for cell in cells if cell.strip()]
        if not filled:
            continue
        if page_number_row(records, index):
            continue  # the foot or head of a printed page, not the end of a cell
        if len(filled) == 1 and heading(table, filled[0]):
            after_header = True
            continue
        if len(filled) > 1 and all(heading(Table([]), c) for c in filled):
            for cell in filled:  # 单位名称 and 单位：元 in cells of one row, above any table
                heading(table, cell)
            after_header = True
            continue
        header = header_columns(cells)
        if header is not None:
            table.amount_unit = table.amount_unit or header_unit(cells)
            below = split[index + 1] if index + 1 < len(split) else [""]
            columns = adjusted_columns(header, below) or grouped_columns(header, cells, below)
            columns = columns or _with_line_below(cells, below) or header
            after_header = True
            if notes:  # notes at the foot of a page: under its last project
                drop_trailing_notes(table.rows, notes)
                table.rows_dropped()
                last = _last(table.rows[-1]) if table.rows else None
            held.clear()
            continue
        if header_pieces(cells) and (after_header or names_a_column(cells)):
            continue  # a header cell wrapped over lines
        if after_header and adjustment_marks(cells):
            continue  # the header's 调整前 | 调整后 line
        after_header = False
        at = columns or _DEFAULT_COLUMNS
        unnamed = tabbed and unnamed_row(cells, at)
        nameless = tabbed and not unnamed and _nameless(cells, at)
        if held and (not tabbed or nameless):
            held.append(record)  # the note goes on
            continue
        if held and last is not None:  # a row after it: not under the table after all
            for record_held in held:
                _continue_cells(source, last, record_held, columns, appends)
        held.clear()
        if not tabbed and last is not None and _note_line(last, notes, filled[0], appends):
            pass  # a note under the table, not the end of the last cell
        elif (
            nameless
            and last is not None
            and note_row(cells, at)
            and _note_line(last, notes, filled[0], appends)
        ):
            held.append(record)  # a note beside a blank name cell
            continue
        elif (
            not tabbed
            and last is not None
            and columns is not None
            and _name_begins(filled[0], records, index, columns)
            and _cell_complete(last[0], appends)
        ):
            if not name_start:
                name_line = record.line
            name_start.extend(_texts(source, record))  # the next row's name, cut
            continue
        elif not tabbed or nameless:
            if last is not None:
                _continue_cells(source, last, record, columns, appends)
            elif columns is not None:
                orphan.extend(_texts(source, record))
            continue
        if orphan:
            table.orphans.append(_joined(source, orphan))
            orphan = []
        row = _row(source, record, at if tabbed else {"name": 0}, unnamed)
        if row is not None and name_start:
            row.name = _joined(source, [*name_start, row.name])
            row.line = name_line
        name_start = []
        if row is not None:
            table.rows.append(row)
            last = _last(row)
            if len(cells) == 1 or note_row(cells, at):
                notes.add(id(row))
    appends.close()
    drop_trailing_notes(table.rows, notes)
    table.rows_dropped()
    if orphan:
        table.orphans.append(_joined(source, orphan))
    return table


def _broken_rows(records: list[Record]) -> dict[int, int]:
    """Lines that go on with a row a line break cut, not quoted (a web page's
    table copied from the browser: a cell's ``<br>`` is a line break, the
    cells after it follow on the next line): by index, the column their
    first cell continues. The row's line holds its name, amounts or blanks
    where the amounts stand, and fewer cells than the header; a line that
    goes on with it holds no more cells than the header leaves, and no
    amounts where a row has them (the rest of a goal and an empty indicator
    cell, ``…学业。⇥``, as well as clause text)."""
    found: dict[int, int] = {}
    columns: dict[str, int] | None = None
    open_at: int | None = None  # the column the last row's line ended in
    for index, record in enumerate(records):
        cells = record.cells
        if not any(cell.strip() for cell in cells):
            continue
        header = header_columns(cells)
        if header is not None:
            columns, open_at = header, None
            continue
        if columns is None or len(cells) < 2:
            continue  # a line without tabs goes on with the cell it follows
        width = max(columns.values()) + 1
        fits = open_at is not None and open_at + len(cells) <= width
        if fits and open_at is not None and not _states_amounts(cells, columns):
            found[index] = open_at
            open_at += len(cells) - 1
            continue
        open_at = None
        cut = len(cells) - 1  # the column the line ends in: a goal or the indicators
        if (
            len(cells) < width
            and cut in (columns.get("goal"), columns.get("indicators"))
            and cells[0].strip()
            and '"' not in "".join(cells)
            and _amounts_in_place(cells, columns)
        ):
            open_at = cut
    return found


_BLANK_AMOUNTS = frozenset({"", "-", "—", "－", "--"})


def _amounts_in_place(cells: list[str], columns: dict[str, int]) -> bool:
    """Whether the amount columns of ``cells`` hold amounts or nothing."""
    for key in ("total", "fiscal", "special", "other"):
        index = columns.get(key)
        if index is not None and index < len(cells):
            value = MARKUP_RE.sub("", cells[index]).strip()
            if value not in _BLANK_AMOUNTS and not AMOUNT_RE.match(value):
                return False
    return True


def _rest_of_row(
    source: Source,
    row: Row,
    record: Record,
    column: int,
    columns: dict[str, int],
    appends: CellAppends,
) -> tuple[Row, str]:
    """Add a line that goes on with ``row`` from ``column``: its first cell to
    that column's cell, the others to the columns after it. The row and the
    cell a following line without tabs continues."""
    keys = {index: key for key, index in columns.items()}
    field = _last(row)[1]
    for offset, cell in enumerate(locate_cells(source, record, "\t")):
        key = keys.get(column + offset)
        if key in ("goal", "indicators"):
            _append(row, key, cell, appends)
            field = key
    return row, field


_NOT_NAME = re.compile(r"[。；;：:！!？?，,]")


def _name_begins(text: str, records: list[Record], index: int, columns: dict[str, int]) -> bool:
    """Whether a line without tabs is the start of the next row's name, cut
    by a line break in its cell (a web page's table copied from the
    browser): the next line is a row (its name, amounts where they stand),
    and this line reads as the start of a name, with no sentence punctuation
    outside its brackets, no clause number and no value keyword."""
    if index + 1 >= len(records) or len(text) > _NAME_START_MAX:
        return False
    cells = records[index + 1].cells
    name = columns.get("name", 0)
    if len(cells) < 2 or name >= len(cells) or not cells[name].strip():
        return False
    if header_columns(cells) is not None or not _amounts_in_place(cells, columns):
        return False
    if not _states_amounts(cells, columns):
        return False
    outside = outside_brackets(text)
    return not _NOT_NAME.search(outside) and not clause_start(text) and not has_keyword(text)


def _states_amounts(cells: list[str], columns: dict[str, int]) -> bool:
    """Whether an amount column of ``cells`` holds an amount."""
    amounts = [cells[i] for k, i in columns.items() if k in _AMOUNT_KEYS and i < len(cells)]
    return any(AMOUNT_RE.match(MARKUP_RE.sub("", a).strip()) for a in amounts)


_NAME_START_MAX = 60
_AMOUNT_KEYS = ("total", "fiscal", "special", "other")


def _cell_complete(row: Row, appends: CellAppends) -> bool:
    """Whether the row's last cell ends (a sentence or a clause), or the row
    has no goal or indicators a line could go on with (a unit's row)."""
    return (row.goal is None and row.indicators is None) or appends.ends_cell(row)


def _last(row: Row) -> tuple[Row, str]:
    """The row and the cell a continuation line extends."""
    return row, "indicators" if row.indicators is not None else "goal"


def _note_line(last: tuple[Row, str], notes: set[int], text: str, appends: CellAppends) -> bool:
    """Whether a line without tabs is a note or signature under the table
    (``注：…``, ``填报人：…``) rather than the continuation of the last cell:
    it starts with such a label, and that cell is complete (ends a sentence
    or a clause) or is a note itself."""
    row = last[0]
    return note_label(text) and (id(row) in notes or appends.ends_cell(row))


def _with_line_below(cells: list[str], pieces: list[str]) -> dict[str, int] | None:
    """The columns of a header whose cells wrap into the line below (绩效 /
    目标): the two lines read as one."""
    if len(pieces) < 2 or not header_pieces(pieces):
        return None
    return header_columns([a.strip() + b.strip() for a, b in zip(cells, pieces, strict=False)])


def _nameless(cells: list[str], columns: dict[str, int]) -> bool:
    """A row with text but no name: its cells continue the row before."""
    name = columns.get("name", 0)
    return name < len(cells) and not cells[name].strip()


def _texts(source: Source, record: Record) -> list[Text]:
    texts: list[Text] = []
    for cell in locate_cells(source, record, "\t"):
        text, _ = clean_located(cell)
        if text:
            texts.append(text)
    return texts


def _joined(source: Source, texts: list[Text]) -> Text:
    builder = TextBuilder(source)
    for text in texts:
        builder.add_text(text)
    return builder.build()


def _row(
    source: Source, record: Record, columns: dict[str, int], unnamed: bool = False
) -> Row | None:
    located = locate_cells(source, record, "\t")
    texts: dict[str, Text] = {}
    markup: list[Markup] = []
    for key, index in columns.items():
        if index < len(located):
            texts[key], found = clean_located(located[index])
            markup.extend(found)
    return row_from_cells(texts, markup, record.line, unnamed)


def _continue_cells(
    source: Source,
    last: tuple[Row, str],
    record: Record,
    columns: dict[str, int] | None,
    appends: CellAppends,
) -> None:
    """Append a continuation line to the row's last non-empty cell; a
    nameless row's goal and indicator cells to the row's goal and
    indicators."""
    row, field = last
    located = locate_cells(source, record, "\t")
    if len(located) == 1:
        _append(row, field, located[0], appends)
        return
    for key in ("goal", "indicators"):
        index = (columns or _DEFAULT_COLUMNS).get(key)
        if index is not None and index < len(located):
            _append(row, key, located[index], appends)


def _append(row: Row, field: str, cell: Text, appends: CellAppends) -> None:
    text, found = clean_located(cell)
    if not text:
        return
    appends.append(row, field, text)
    row.markup.extend(found)
