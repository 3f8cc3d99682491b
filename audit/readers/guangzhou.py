"""The Guangzhou table read from a grid of cells (a workbook sheet, a PDF
table, a web page or Word table).

Columns 项目名称（资金使用单位）| 总计 | 财政拨款 | 财政专户拨款 | 其他资金 |
绩效目标 | 绩效指标, the indicator clauses in one cell. The header row may
repeat (a PDF page break, a printed sheet); rows of one filled cell (or one
value merged across the row) are headings: the title, 单位名称 and 单位：万元,
and so is a row whose every filled cell is one (``单位名称：… | 单位：万元``),
wherever it stands.
A row whose name cell is merged down from the row above continues that row:
its other cells are appended to the row's goal and indicators; so does a
row with no name and no amounts (a cell carried over a page break), whatever
header rows stand between, and across tables: rows without a name at the
top of a later table (a Word table split at a page break, a 续表 under its
repeated header) continue the last row of the table before. Such a row
before the first named row of the document (an excerpt that begins inside a
project) belongs to no row shown and is kept for the ``orphan-text`` rule.
A row without a name that states amounts is a row of its own whose name
was left out, read as one (``amount-format`` reports the blank name).
A row of nothing but pieces of column names, left by a header cell wrapped
over two rows, is header. A row of nothing but a printed page's number
(``第 1 页，共 2 页``, ``— 第1页 —``), merged across the row or in its first
cell, is the page's foot or head copied into the table, as a ``（续表）`` mark
is: no project. Rows of a note or a
signature under the last project (``注：…``, ``填报人：… | 联系电话：…``) are
no projects: they are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from audit.model import AMOUNT_FIELDS, Markup, Row, Text
from audit.readers.common import (
    CellAppends,
    adjusted_columns,
    adjustment_marks,
    budget_header,
    clean_cell,
    drop_trailing_notes,
    header_columns,
    header_pieces,
    header_unit,
    heading,
    named_column,
    names_a_column,
    names_project,
    note_row,
    other_table_header,
    page_ends_before,
    page_number_cells,
    row_from_cells,
    row_text,
    table_ends,
    unnamed_row,
    unread_header_cells,
)
from audit.readers.grid import Grid
from audit.readers.table import Table


def recognise(grid: Grid) -> bool:
    """True when a row of the grid is the Guangzhou header, wherever it
    stands (a sheet that holds a whole 部门预算公开, the performance table
    below a dozen budget tables). A row is only looked at further when its
    first cell holds 项目名称, so a long sheet is scanned fast."""
    return any(header_columns(grid.values(index)) is not None for index in range(len(grid.rows)))


BUDGET_TABLE = "a budget table: 项目名称 and amounts, no 绩效目标 or 绩效指标 column"
"""Why a 项目支出表 or 政府采购预算表 is skipped: its projects have nowhere
to hold a goal or an indicator."""


def budget_table(grid: Grid) -> bool:
    """Whether a row of the grid heads a budget table of projects
    (:func:`~audit.readers.common.budget_header`)."""
    return any(budget_header(grid.values(index)) for index in range(len(grid.rows)))


OTHER_BUDGET_TABLE = "a budget table"
"""Why a table of a budget disclosure with no 项目名称 column (收支总表,
基本支出表 …) is skipped, when the file holds nothing else."""


def other_kind(grid: Grid) -> bool:
    """Whether a row of the grid heads a table of another kind than the
    performance table (:func:`~audit.readers.common.other_table_header`):
    a budget table of a 部门预算公开 document."""
    return any(other_table_header(grid.values(index)) for index in range(len(grid.rows)))


_TITLE_CHARS = 60


def table_title(grid: Grid) -> str:
    """The title a table of another kind is printed under (``项目支出表``):
    the first line above it, or the first row of one cell at its top, that
    is no 单位名称, 单位：万元 or 续表 line; else the grid's name."""
    lines = list(grid.headings)
    for index in range(min(len(grid.rows), _HEADER_ROWS_ABOVE)):
        filled = {value.strip() for value in grid.values(index)} - {""}
        if len(filled) != 1:
            break
        lines.extend(filled)
    for line in lines:
        text = line.strip()
        if text and len(text) <= _TITLE_CHARS and not heading(Table(rows=[]), text):
            return text
    return grid.name


_HEADER_ROWS_ABOVE = 4
"""Rows of one cell at a table's top that may hold its title."""


_WHOLE_DEPARTMENT_TITLE = "部门整体支出绩效目标"
# Labels only a 部门整体支出绩效目标表 writes: the department (not a project)
# owns its amounts, tasks and indicators.
_WHOLE_DEPARTMENT_LABELS = frozenset(
    {
        "部门（单位）名称",
        "部门(单位)名称",
        "年度主要任务",
        "年度部门（单位）预算",
        "年度部门(单位)预算",
        "整体绩效目标",
        "部门整体绩效目标",
    }
)


def whole_department(grid: Grid) -> bool:
    """Whether the grid is a 部门整体支出绩效目标表 (the national 申报表's
    部门（单位）名称, 年度主要任务, 年度部门（单位）预算 … above its indicator
    grid, or Guangzhou's ``部门（单位）名称 | 总计 | … | 整体绩效目标 | 绩效指标``
    row), by its title or its labels."""
    if any(_WHOLE_DEPARTMENT_TITLE in line for line in grid.headings):
        return True
    return whole_department_rows(
        [grid.values(index) for index in range(min(len(grid.rows), WHOLE_DEPARTMENT_ROWS))]
    )


def whole_department_rows(rows: Sequence[Sequence[str]]) -> bool:
    """Whether the first rows of a grid or text name a 部门整体支出绩效目标表
    (its title or its labels)."""
    for values in rows[:WHOLE_DEPARTMENT_ROWS]:
        for value in values:
            text = value.strip().replace(" ", "")
            if text in _WHOLE_DEPARTMENT_LABELS or (
                _WHOLE_DEPARTMENT_TITLE in text and len(text) < 60
            ):
                return True
    return False


WHOLE_DEPARTMENT_ROWS = 40
"""A 部门整体支出绩效目标表 names itself in its first rows."""


def read(grid: Grid, table: Table | None = None) -> Table:
    """The rows of ``grid`` (added to ``table`` when given: the sheets or
    pages of one document)."""
    table = table if table is not None else Table(rows=[])
    columns: dict[str, int] | None = None
    # A table carried over into the next one (a Word table split at a page
    # break, a 续表 under its repeated header): rows without a name at its
    # top continue the last row of the table before, as across a page.
    last: Row | None = table.rows[-1] if table.rows else None
    after_header = False
    marks_row = -1  # the row of 调整前 | 调整后 marks under a header
    start = len(table.rows)
    notes: set[int] = set()  # rows that read as notes or signatures
    held: list[int] = []  # a note in rows whose name cell is blank
    appends = CellAppends()  # continued cells, joined at the end
    noted: set[str] = set()  # header cells noted (the header repeats on every page)
    for line in grid.headings:
        heading(table, line.strip())
    ends = table_ends([grid.values(index) for index in range(len(grid.rows))])
    for index, cells in enumerate(grid.rows):
        values = [cell.value for cell in cells]
        if columns is not None and index in ends:
            # Another table begins (its title, then its header): the
            # performance table ends here; a later header starts it again.
            table.set_aside.append(grid.location(ends[index], 0))
            columns = None
            if notes:
                drop_trailing_notes(table.rows, notes, start)
                table.rows_dropped()
            held.clear()
            last = None
            continue
        filled = {value.strip() for value in values if value.strip()}
        if not filled:
            continue
        if page_number_row(grid, index):
            continue  # the foot or head of a printed page, copied into the table
        if len(filled) == 1 and heading(table, next(iter(filled))):
            continue
        if len(filled) > 1 and all(heading(Table(rows=[]), value) for value in filled):
            # A title block's row of headings (单位名称：… | 单位：万元), above
            # the header or between two tables of a sheet: no project.
            for value in dict.fromkeys(value.strip() for value in values if value.strip()):
                heading(table, value)
            continue
        if columns is None and len(filled) > 1 and not any(names_project(v) for v in filled):
            # Above the header: 单位名称 and 单位：万元 may share a row.
            for value in values:
                if value.strip():
                    heading(table, value.strip())
            continue
        if index == marks_row:
            continue  # the header's 调整前 | 调整后 row
        header = header_columns(values)
        if header is not None:
            table.amount_unit = table.amount_unit or header_unit(values)
            columns = _with_row_below(grid, index, values, header)
            _note_header(grid, index, columns, table, noted)
            if index + 1 < len(grid.rows) and adjustment_marks(grid.values(index + 1), values):
                marks_row = index + 1
            after_header = True
            if notes:  # notes at the foot of a page: under its last project
                drop_trailing_notes(table.rows, notes, start)
                table.rows_dropped()
                last = table.rows[-1] if len(table.rows) > start else None
            held.clear()
            continue
        if columns is None:
            continue
        if header_pieces(values) and (after_header or names_a_column(values)):
            continue  # a header cell wrapped over two rows
        after_header = False
        name = columns["name"]
        unnamed = unnamed_row(values, columns)
        nameless = not unnamed and name < len(cells) and not cells[name].value.strip()
        if held and nameless:
            held.append(index)  # the note goes on
            continue
        if held and last is not None:  # a row after it: not under the table after all
            for at in held:
                _continue_row(grid, at, grid.rows[at], columns, last, appends, merged=False)
        held.clear()
        if (
            nameless
            and last is not None
            and note_row(values, columns)
            and (id(last) in notes or appends.ends_cell(last))
        ):
            held.append(index)  # a note beside a blank name cell
            continue
        if last is not None and (index, name) in grid.merged:
            _continue_row(grid, index, cells, columns, last, appends)
            continue
        if nameless:
            if last is not None:
                _continue_row(grid, index, cells, columns, last, appends, merged=False)
            else:
                _orphan(table, cells, columns)
            continue
        row = _row(grid, index, cells, columns, unnamed)
        if row is not None:
            table.rows.append(row)
            last = row
            if note_row(values, columns):
                notes.add(id(row))
    appends.close()
    drop_trailing_notes(table.rows, notes, start)
    table.rows_dropped()
    return table


HEADED_COLUMN = "read as the {column} column: its header's last word names it"
"""Why a column whose header is no column name the tool knows is read (its
last word names what it holds: ``三级指标及指标值``, ``绩效目标及指标``)."""
UNREAD_COLUMN = "column not read: its header names no 绩效目标 or 绩效指标 column the tool reads"
"""Why a header cell that mentions the goal or the indicators heads no
column read (``绩效指标说明`` beside 绩效指标)."""
_COLUMN_LABELS = {"goal": "绩效目标", "indicators": "绩效指标"}


def _note_header(
    grid: Grid, index: int, columns: dict[str, int], table: Table, noted: set[str]
) -> None:
    """Note the header's cells that name the goal or the indicators by no
    name the tool knows: a column read by its header's last word, or a cell
    that mentions 绩效目标 or 绩效指标 but heads no column read (so a project
    is never told its cell is empty without a word on why). Each once."""
    values = grid.values(index)
    notes: list[tuple[int, str, str]] = []
    for key, label in _COLUMN_LABELS.items():
        at = columns.get(key)
        if at is not None and at < len(values) and not named_column(values[at], key):
            notes.append((at, values[at], HEADED_COLUMN.format(column=label)))
    notes.extend((at, text, UNREAD_COLUMN) for at, text in unread_header_cells(values, columns))
    for at, text, why in sorted(notes):
        cell = " ".join(text.split())
        if cell not in noted:
            noted.add(cell)
            table.unread.append(f"{grid.location(index, at)}: 「{cell}」 {why}")


def page_number_row(grid: Grid, index: int) -> bool:
    """Whether a row holds nothing but a printed page's number (``第 1 页，共 2
    页``, ``— 第1页 —``, ``- 3 -``), in one cell, merged across the row, or
    split over cells (``第1页 | 共2页``): a page's foot or head that a web
    page, Word document, sheet or PDF table carries among its rows, no
    project. A bare ``3`` or ``2/5`` is one only in the first cell (or
    merged across the row from it) and where a page ends, before the
    repeated title or header (or the end of the table); a row with an
    amount, a goal or an indicator beside the number is a row of the table."""
    kind = page_number_cells(grid.values(index))
    if kind != "bare":
        return kind == "page"
    at = [col for col, value in enumerate(grid.values(index)) if value.strip()]
    if at[0] != 0 or any((index, col) not in grid.merged for col in at[1:]):
        return False  # an amount, or a number in a cell of its own: no page's
    return page_ends_before(grid.values(later) for later in range(index + 1, len(grid.rows)))


def _with_row_below(
    grid: Grid, index: int, values: list[str], header: dict[str, int]
) -> dict[str, int]:
    """The columns of a header whose cells wrap into the row below (绩效 /
    目标): the two rows read as one."""
    if index + 1 >= len(grid.rows):
        return header
    below = [cell.value for cell in grid.rows[index + 1]]
    adjusted = adjusted_columns(header, below, values)
    if adjusted is not None:
        return adjusted
    if not header_pieces(below):
        return header
    joined = [a.strip() + b.strip() for a, b in zip(values, below, strict=False)]
    return header_columns(joined) or header


def _orphan(table: Table, cells: list[Text], columns: dict[str, int]) -> None:
    """Keep the goal and indicator text of a row no named row comes before."""
    texts = [
        cells[columns[key]]
        for key in ("goal", "indicators")
        if columns.get(key, len(cells)) < len(cells)
    ]
    text = row_text(texts)
    if text is not None:
        table.orphans.append(text)


def _copied_from_left(grid: Grid, row: int, col: int) -> bool:
    """Whether the cell holds the value of a range merged from its left."""
    if col == 0 or (row, col) not in grid.merged:
        return False
    return grid.rows[row][col].anchors == grid.rows[row][col - 1].anchors


def numeric_amount(cell: Text) -> Text:
    """A numeric cell's amount as a sheet formatted ``0.00`` shows it: at
    least two decimals (``3.6`` → ``3.60``, ``10`` → ``10.00``)."""
    try:
        number = Decimal(cell.value)
    except InvalidOperation:
        return cell
    if number.as_tuple().exponent > -2:  # type: ignore[operator]
        number = number.quantize(Decimal("0.01"))
    return Text(str(number), cell.source, cell.anchors)


def _clean(cell: Text) -> tuple[Text, list[Markup]]:
    if len(cell.anchors) == 1:
        return clean_cell(cell.source, cell.anchors[0][1], cell.value)
    return cell.strip(), []


def _row(
    grid: Grid, row: int, cells: list[Text], columns: dict[str, int], unnamed: bool = False
) -> Row | None:
    texts: dict[str, Text] = {}
    markup: list[Markup] = []
    for key, index in columns.items():
        if index < len(cells):
            if key != "name" and _copied_from_left(grid, row, index):
                continue  # a name merged across the row: a heading row, not amounts
            if key in AMOUNT_FIELDS and (row, index) in grid.numeric:
                texts[key] = numeric_amount(cells[index])
                continue
            text, found = _clean(cells[index])
            texts[key] = text
            markup.extend(found)
    name = texts.get("name")
    if name is None or (not name.value and not unnamed):
        return None
    line = name.source.position(name.origin(0))[0]
    return row_from_cells(texts, markup, line, unnamed)


def _continue_row(
    grid: Grid,
    index: int,
    cells: list[Text],
    columns: dict[str, int],
    row: Row,
    appends: CellAppends,
    merged: bool = True,
) -> None:
    """Append the cells of a row whose name is merged down from ``row`` (or,
    ``merged`` False, that has no name)."""
    for key in ("goal", "indicators"):
        col = columns.get(key)
        if col is None or col >= len(cells) or (merged and (index, col) in grid.merged):
            continue
        text, found = _clean(cells[col])
        if not text:
            continue
        appends.append(row, key, text)
        row.markup.extend(found)
