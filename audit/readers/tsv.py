"""Tab-separated text: one table row per line, cells separated by tabs.

This is what copying the published HTML or spreadsheet table gives. The
header row (项目名称 … 绩效指标) repeats at every page break together with the
title, 部门名称/单位名称 and 单位：万元 lines; cells may carry ``<p>`` residue.
The columns are taken from the header, so tables that leave a column out or
order them differently are read as well. A line without tabs that follows a
row continues that row's last cell (a cell with a line break in it).
"""

from __future__ import annotations

from audit.model import Markup, Row, Source, Text, TextBuilder
from audit.readers.common import clean_cell, header_columns, heading, row_from_cells
from audit.readers.table import Table

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
    offset = 0
    line_no = 0
    last: tuple[Row, str] | None = None  # the row a continuation line extends
    for line in text.split("\n"):
        line_no += 1
        start = offset
        offset += len(line) + 1
        if "\t" not in line:
            stripped = line.strip()
            if not stripped:
                continue
            if heading(table, stripped):
                last = None
                continue
            if last is not None:
                _continue_cell(source, last, line, start)
            continue
        cells = line.split("\t")
        header = header_columns(cells)
        if header is not None:
            columns = header
            last = None
            continue
        if not any(cell.strip() for cell in cells):
            continue
        row = _row(source, cells, start, line_no, columns or _DEFAULT_COLUMNS)
        if row is not None:
            table.rows.append(row)
            last = (row, "indicators" if row.indicators is not None else "goal")
    return table


def _row(
    source: Source, cells: list[str], start: int, line_no: int, columns: dict[str, int]
) -> Row | None:
    texts: dict[str, Text] = {}
    markup: list[Markup] = []
    positions = []
    position = start
    for cell in cells:
        positions.append(position)
        position += len(cell) + 1
    for key, index in columns.items():
        if index < len(cells):
            text, found = clean_cell(source, positions[index], cells[index])
            texts[key] = text
            markup.extend(found)
    return row_from_cells(texts, markup, line_no)


def _continue_cell(source: Source, last: tuple[Row, str], line: str, start: int) -> None:
    """Append a continuation line to the row's last non-empty cell."""
    row, field = last
    text, found = clean_cell(source, start, line)
    if not text:
        return
    builder = TextBuilder(source)
    current: Text | None = getattr(row, field)
    if current is not None:
        builder.add_text(current)
    builder.add_text(text)
    setattr(row, field, builder.build())
    row.markup.extend(found)
