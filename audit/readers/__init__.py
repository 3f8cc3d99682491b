"""Readers: detect a table's carrier and layout by content and build the document.

Text tables (TSV, CSV, PDF-extracted text): each layout module exposes
``read(source) -> Table`` (its rows, title and organisation). Workbooks,
PDF files, web pages and Word documents are first read into grids of cells
(:mod:`audit.readers.grid`) by their carrier module; each grid is then
offered to the grid layouts of :data:`GRID_LAYOUTS` in order.
:func:`read_document` sniffs, decodes, detects and assembles.
"""

from __future__ import annotations

import csv
import errno
import os
import re
from collections.abc import Callable
from pathlib import Path

from audit.limits import MAX_TEXT_LINES
from audit.model import AMOUNT_FIELDS, Amounts, Document, Layout, Row, Source
from audit.readers.decode import MAX_BYTES, ReadError, decode, read_file
from audit.readers.table import SET_ASIDE, Notify, Table

__all__ = [
    "GRID_LAYOUTS",
    "SET_ASIDE",
    "NotATable",
    "Notify",
    "PassedOver",
    "ReadError",
    "Table",
    "detect_layout",
    "read_document",
    "read_path",
    "read_text",
]

GRID_LAYOUTS: tuple[tuple[str, str], ...] = (
    # (layout name, module): each module has ``recognise(grid) -> bool`` and
    # ``read(grid, table) -> Table`` (rows added to ``table``). Tried in order.
    # The national layouts first: their header (一级指标 … 三级指标) never
    # stands in a Guangzhou table, while a national list's may name enough
    # Guangzhou columns (项目名称, 财政拨款, 其他资金, 年度绩效目标) to pass for one.
    ("national-list", "audit.readers.national_list"),
    ("national-form", "audit.readers.national_form"),
    ("guangzhou", "audit.readers.guangzhou"),
)

# Carrier modules: ``load(data, path, notify) -> Loaded``.
_CARRIERS = {
    "xlsx": "audit.readers.workbook",
    "xls": "audit.readers.workbook",
    "ods": "audit.readers.workbook",
    "pdf": "audit.readers.pdftables",
    "html": "audit.readers.htmltables",
    "docx": "audit.readers.docxtables",
}


class NotATable(ReadError):
    """The file holds no performance-target table (no header row).
    ``note``: what the file holds instead, when the reader can name it (its
    budget tables, by their titles), for a walked file's note."""

    def __init__(self, message: str, note: str | None = None) -> None:
        super().__init__(message)
        self.note = note

    def __reduce__(self) -> tuple[type[NotATable], tuple[str, str | None]]:
        return type(self), (str(self), self.note)


class PassedOver(NotATable):
    """The file holds a table of another kind the tool knows and does not
    check (a 部门整体支出绩效目标表): passed over with a note, named or walked,
    never an error."""


WHOLE_DEPARTMENT = "部门整体支出绩效目标表: not a project table, not checked"
"""Why a 部门整体支出绩效目标表 is skipped: the department's targets as a
whole, not a project's."""


# What a header row may hold besides its column names: cell separators,
# quotes, markup left from a web page and an amount column's unit (总计（元）).
_HEADER_SEPARATORS = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&nbsp;|[\s,，\"'|]+|[（(]万?元[)）]"
)
# Column names in full: a header cell wrapped in PDF text leaves pieces of them
# (``财政专户拨`` over ``款``) on the header line.
_COLUMN_NAMES = (
    "项目名称（资金使用单位）",
    "项目名称(资金使用单位)",
    "合计金额",
    "金额合计",
    "财政专户拨款",
    "财政专户管理资金",
    "其他资金",
    "上年结转资金",
    "上年结转结余",
    "年度绩效目标",
    "调整前绩效目标",
    "调整后绩效目标",
    "调整前绩效指标",
    "调整后绩效指标",
)


# Columns a table may hold besides its own, before them (序号) or after them
# (a reviewer's 备注, a 实际完成情况 column): whole cells, not pieces.
_EXTRA_COLUMNS = re.compile(
    r"序号|编号|备注|说明|指标方向|评分标准|指标解释|数据来源|(?:自评)?得分|偏差原因|"
    r"(?:\d{1,2}-\d{1,2}月)?执行情况|实际完成(?:值|情况)?|全年预计完成情况"
)


def _is_header(line: str) -> bool:
    """A row of column names and nothing else: 项目名称 and at least two more
    of the table's columns (spaced for alignment or not: ``项 目 名 称``),
    with only separators between them, or pieces of column names where a PDF
    wrapped a header cell; a 序号 column before them or a 备注 column after
    them is no prose. Prose that mentions the columns (a README, a notice) is
    not a header. In a tab- or comma-separated line, a cell that names a
    column with a mark or a bracketed note after it (``绩效指标。``,
    ``绩效指标（含转移支付）``) names it as the grid readers read it
    (:func:`~audit.readers.common.column_word`)."""
    from audit.readers.common import GROUP_LABEL_RE, HEADER_WORDS_RE, unspaced

    line = _column_words(line)
    words = [unspaced(word) for word in HEADER_WORDS_RE.findall(line)]
    if len(words) < 3 or "项目名称" not in words:
        return False
    # 资金来源 (其中：) over the sources, their names on the row below.
    others = GROUP_LABEL_RE.sub(" ", HEADER_WORDS_RE.sub(" ", line))
    rest = _HEADER_SEPARATORS.sub(" ", others).split()
    return all(
        any(piece in name for name in _COLUMN_NAMES) or _EXTRA_COLUMNS.fullmatch(piece)
        for piece in rest
    )


def _column_words(line: str) -> str:
    """A tab- or comma-separated line with each cell that names a column
    after trimming its trailing marks and bracketed note (``绩效指标。``,
    ``绩效指标（含转移支付）``, ``总计（万元）``) written as that column's name;
    other lines as they are."""
    if "\t" in line:
        delimiter = "\t"
    elif line.count(",") >= 3:
        delimiter = ","
    else:
        return line  # PDF text: its header's words stand as printed
    from audit.readers.common import HEADER_CELLS, MARKUP_RE, column_word, unspaced

    cells = []
    for cell in _cells(line, delimiter):
        word = column_word(unspaced(MARKUP_RE.sub("", cell).strip().strip('"')))
        known = any(word in names for names in HEADER_CELLS.values())
        cells.append(word if known else cell)
    return delimiter.join(cells)


def _header_line(text: str) -> str | None:
    """The first line that is a header row of the table (or the lines of one
    whose quoted cells hold line breaks, joined: :func:`~audit.readers.csvfile.quoted_record`)."""
    lines = text[:200_000].split("\n", 2000)
    for index, line in enumerate(lines):
        if len(line) < 400 and _is_header(line):
            return line
        if '"' in line and line.count('"') % 2 and len(line) < 400:
            from audit.readers.csvfile import quoted_record

            record = quoted_record(lines, index)
            if record is not None and len(record) < 400 and _is_header(record):
                return record
    from audit.readers.extracted import wrapped_header

    return wrapped_header(text)  # a header whose cells wrap, over several lines


def _budget_table_only(text: str, delimiter: str) -> bool:
    """Whether the header rows of a TSV or CSV text all head a budget table
    of projects (项目名称 and amounts, no goal or indicator column)."""
    from audit.readers.common import budget_header, header_columns

    budget = False
    lines = text[:200_000].split("\n", 2000)
    for index, line in enumerate(lines):
        if len(line) >= 400 or not _is_header(line):
            continue
        cells = _record_cells(lines, index, delimiter)
        if header_columns(cells) is not None:
            return False
        budget = budget or budget_header(cells)
    return budget


def _record_cells(lines: list[str], index: int, delimiter: str) -> list[str]:
    """The cells of the TSV or CSV record that begins on ``lines[index]``:
    a quoted cell that holds line breaks (a header cell wrapped in the sheet,
    ``"财政专户⏎拨款"``, as a spreadsheet saves it) takes the lines up to its
    closing quote with it. A line whose quotes pair up, or never close
    within a few lines, is its own cells."""
    from audit.readers.csvfile import quoted_record

    record = lines[index].rstrip("\r")
    if record.count('"') % 2:
        record = quoted_record(lines, index, "\n") or record
    if record.count('"') % 2 == 0 and '"' in record:
        try:
            return [cell.strip() for cell in next(csv.reader([record], delimiter=delimiter))]
        except csv.Error:
            pass
    line = lines[index].rstrip("\r")
    return [cell.strip().strip('"') for cell in line.split(delimiter)]


def _budget_titles(text: str, delimiter: str) -> list[str]:
    """The title above each budget table header of a TSV or CSV text: the
    nearest line of one cell above it that is no 单位名称, 单位：万元 or
    续表 line."""
    from audit.readers.common import heading

    lines = text[:200_000].split("\n", 2000)
    titles: list[str] = []
    for index, line in enumerate(lines):
        if len(line) >= 400 or not _is_header(line):
            continue
        for above in reversed(lines[max(0, index - 4) : index]):
            cells = {c.strip().strip('"') for c in above.rstrip("\r").split(delimiter)} - {""}
            if len(cells) != 1:
                continue
            title = next(iter(cells))
            if len(title) <= 60 and not heading(Table(rows=[]), title):
                titles.append(title)
                break
    return titles


def _titles(titles: list[str]) -> str:
    """Tables named by their titles, a few at most."""
    shown = "、".join(titles[:3])
    return f"{shown} 等{len(titles)}张表" if len(titles) > 3 else shown


def _semicolon_header(text: str) -> list[str] | None:
    """The cells of the header row of a CSV saved where the list separator is
    ``;`` (Excel in many European locales): the first line without tabs that
    ``;`` splits into a header row's cells, each a whole column name. A
    ``;`` or ``；`` in a line of text (a clause's separator, a note quoting
    the columns) splits no such cells."""
    from audit.readers.common import header_columns, unspaced

    lines = text[:200_000].split("\n", 2000)
    for index, line in enumerate(lines):
        if "\t" in line or len(line) >= 400 or "项目名称" not in unspaced(line):
            continue
        if ";" not in line and line.count('"') % 2 == 0:
            continue  # no ; here, and no quoted cell running on to the next line
        cells = _record_cells(lines, index, ";")
        if len(cells) >= 4 and header_columns(cells) is not None:
            return cells
    return None


def _text_delimiter(text: str, layout: Layout) -> str:
    """The cell delimiter of a text table of ``layout``: a tab, a comma, or
    the ``;`` of a CSV whose header row only ``;`` splits (none for
    PDF-extracted text, whose cells are spaced)."""
    if layout == "tsv":
        return "\t"
    if layout == "csv" and _header_line(text) is None:
        return ";"
    return ","


def detect_layout(text: str) -> Layout:
    """Tell the layout from the header row: tab-separated, comma-separated
    (or ``;``-separated, as a spreadsheet saves CSV where ``;`` is the list
    separator), or PDF-extracted text (cells separated by spaces, wrapped
    lines)."""
    header = _header_line(text)
    if header is None and _semicolon_header(text) is not None:
        return "csv"
    if header is None:
        from audit.readers.extracted import unreadable_extraction

        unreadable_extraction(text)  # a table's words, in an order not read: say so
        raise NotATable(
            "not a performance-target table: no header row "
            "(项目名称 … 总计 … 绩效目标 … 绩效指标, or 一级指标 … 三级指标) found"
        )
    if "\t" in header:
        return "tsv"
    if header.count(",") >= 3:
        return "csv"
    return "pdf-text"


def _reader(layout: Layout) -> Callable[[Source], Table]:
    if layout == "tsv":
        from audit.readers.tsv import read
    elif layout == "csv":
        from audit.readers.csvfile import read
    else:
        from audit.readers.pdftext import read
    return read


def _read_csv(source: Source, delimiter: str) -> Table:
    """A CSV source whose fields ``delimiter`` separates (``;``)."""
    from audit.readers.csvfile import read

    return read(source, delimiter)


def read_text(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    locator: Callable[[int], str | None] | None = None,
    notify: Notify | None = None,
) -> Document:
    """Build the document from already decoded text (``locator``: where an
    offset stands in the file the text was taken from, e.g. its PDF page)."""
    from audit.readers.common import assemble, units_from_headings

    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise ReadError(f"table too large: {lines:,} lines (the limit is {MAX_TEXT_LINES:,})")
    source = Source(path, text, encoding, locator)
    _side_text(text)
    national = _national_text(source, notify)
    if national is not None:
        return national
    try:
        layout = detect_layout(text)
    except NotATable:
        _adjustment_text(text)
        raise
    delimiter = _text_delimiter(text, layout)
    if layout != "pdf-text" and _budget_table_only(text, delimiter):
        from audit.readers.guangzhou import BUDGET_TABLE

        _adjustment_text(text)  # 调整前 columns only: no budget table
        where = _titles(_budget_titles(text, delimiter)) or "1"
        raise NotATable(
            f"not a performance-target table: {BUDGET_TABLE}",
            note=f"{where}: skipped, not a performance-target table ({BUDGET_TABLE})",
        )
    table = _reader(layout)(source) if delimiter != ";" else _read_csv(source, delimiter)
    # A table of another kind under the performance table (a budget or a
    # self-evaluation table copied with it): noted, as in a grid.
    _give(notify, [("", f"{where}: skipped, {SET_ASIDE}") for where in table.set_aside])
    _give(notify, [("", note) for note in table.unread])  # amounts placed in the fill order
    if not table.rows:
        raise ReadError("no rows found under the header row")
    if table.amount_unit is None:  # a unit in a header cell: 总计（元）
        from audit.readers.common import header_unit

        header = _header_line(text)
        if header is not None:
            cells = re.split(r"[\s,，|\"']+", header)
        else:  # a ;-separated CSV
            cells = _semicolon_header(text) or []
        table.amount_unit = header_unit(cells)
    _in_stated_unit(table.rows, table.amount_unit)
    if delimiter == ";":  # a spreadsheet's locale may write decimal commas too
        from audit.readers.common import read_decimal_commas

        read_decimal_commas(table.rows)
    units_from_headings(table)
    return assemble(
        source, layout, table.rows, table.title, table.organization, tuple(table.orphans)
    )


_SIDE_WORDS = re.compile(r"自评|监控|部门整体|部门[（(]单位[）)]|年度主要任务|整体绩效目标")
"""Words in the title or a label of a table :func:`_side_text` passes over."""
_SIDE_CELL_CHARS = 100
"""Longer than any title or header cell a side table is told by."""


def _side_text(text: str) -> None:
    """Pass over a text that begins with a table the tool does not check: a
    self-evaluation, a monitoring table (title, outcome header) or a
    部门整体支出绩效目标表 (title, 部门（单位）名称 …)."""
    from audit.readers.common import outcome_cell

    head = text[:20_000]
    delimiter = "\t" if "\t" in head else ","
    rows = [_cells(line, delimiter) for line in head.split("\n")[:60]]
    if not any(
        len(cell) <= _SIDE_CELL_CHARS and (_SIDE_WORDS.search(cell) or outcome_cell(cell))
        for row in rows
        for cell in row
    ):
        return  # no title or header cell of a side table: spare the rest
    from audit.readers.guangzhou import whole_department_rows
    from audit.readers.sidetables import performance_header, reason, rows_kind

    kind = rows_kind(rows)
    why = None if kind is None else reason(kind)
    first = next((i for i, row in enumerate(rows) if performance_header(row)), len(rows))
    if why is None and whole_department_rows(rows[:first]) and not _forms_follow(rows):
        why = WHOLE_DEPARTMENT  # (a project's form after it: the readers set it aside)
    if why is not None:  # a note, as for the same table in a workbook
        raise PassedOver(_passed_over({"": why}, named=False))


def _forms_follow(rows: list[list[str]]) -> bool:
    """Whether a project's form (its 项目名称 label) stands among ``rows``."""
    return any(
        row and "".join(row[0].split()).rstrip("：:") in ("项目名称", "项目名称（全称）")
        for row in rows
    )


def _adjustment_text(text: str) -> None:
    """Pass over, with its note, a text no layout could read that is an
    adjustment table naming no 调整后 side (:func:`sidetables.adjustment_rows`)."""
    head = text[:20_000]
    if "调整" not in head and "原" not in head:
        return
    from audit.readers.sidetables import ADJUSTMENT_UNREAD, adjustment_rows

    delimiter = "\t" if "\t" in head else ","
    rows = [_cells(line, delimiter) for line in head.split("\n")[:60]]
    if adjustment_rows(rows, by_title=False):
        raise PassedOver(_passed_over({"": ADJUSTMENT_UNREAD}, named=False))


def _cells(line: str, delimiter: str) -> list[str]:
    """A line's cells, roughly (quotes dropped): enough to tell a title or a
    header."""
    line = line.rstrip("\r").replace("\r", " ")  # a lone carriage return is no line end to csv
    if delimiter == "," and '"' in line:
        import csv

        try:
            return next(csv.reader([line]), [])
        except csv.Error:  # a quote csv cannot pair: the plain split below
            pass
    if delimiter not in line and "\t" not in line:
        return line.split()
    return line.split(delimiter)


def _national_text(source: Source, notify: Notify | None = None) -> Document | None:
    """The national template (one row per indicator) as TSV or CSV text."""
    from audit.readers.common import LEVEL1_ANYHOW_RE

    head = source.text[:200_000]
    if "一级指标" not in head and LEVEL1_ANYHOW_RE.search(head) is None:
        return None  # no indicator grid: spare the import
    from audit.readers.national import national_delimiter, read_text_source

    delimiter = national_delimiter(source.text)
    return None if delimiter is None else read_text_source(source, delimiter, notify)


_CONTAINERS = {
    ".xlsx": "workbook (no zip archive)",
    ".xlsm": "workbook (no zip archive)",
    ".ods": "spreadsheet (no zip archive)",
    ".docx": "Word document (no zip archive)",
    ".pdf": "PDF file (no %PDF header)",
}
"""File names whose kind is a container the content must be: text under
such a name is no table written another way."""


def read_document(data: bytes, path: str, notify: Notify | None = None) -> Document:
    """Build the document from ``data`` (the bytes of ``path``): a text
    table is decoded, a workbook, PDF, web page or Word document is read
    into grids of cells first."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"file too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    from audit.readers.carriers import named_kind

    carrier = named_kind(data, path)
    if carrier == "text":
        suffix = os.path.splitext(path)[1].lower()
        if suffix in _CONTAINERS:
            # A workbook, PDF or Word file is never text (a .xls or .et may
            # be: a system's "export to Excel" writes tab-separated text).
            raise ReadError(
                f"not what its name says: named {suffix}, not a {_CONTAINERS[suffix]}; "
                "the file is damaged, or another file renamed"
            )
        text, encoding = decode(data)
        return read_text(text, path, encoding, notify=notify)
    return read_grids(carrier, data, path, notify)


def read_grids(carrier: str, data: bytes, path: str, notify: Notify | None = None) -> Document:
    """Read a binary or markup carrier into grids and the grids into the
    document, by the first grid layout that recognises each grid."""
    import importlib

    from audit.readers.common import assemble, units_from_headings

    loaded = importlib.import_module(_CARRIERS[carrier]).load(data, path, notify)
    if loaded.text is not None:  # a PDF without ruled tables: its page text
        from audit.readers.grid import LineLocator

        locator = None if loaded.locator is None else LineLocator(loaded.locator, loaded.text)
        return read_text(loaded.text, path, locator=locator, notify=notify)
    from audit.readers.continued import grid_goes_on
    from audit.readers.guangzhou import (
        BUDGET_TABLE,
        OTHER_BUDGET_TABLE,
        budget_table,
        other_kind,
        table_title,
        whole_department,
    )
    from audit.readers.national import (
        MISSING_PROJECT,
        form_facts,
        lines_above_grid,
        missing_project,
    )
    from audit.readers.national import read_form as read_form_grid
    from audit.readers.sidetables import (
        ADJUSTMENT_UNREAD,
        SCANNED_ROWS,
        adjustment_rows,
        grid_kind,
    )
    from audit.readers.sidetables import reason as side_reason

    layouts = [(name, importlib.import_module(module)) for name, module in GRID_LAYOUTS]
    table = Table(rows=[])
    found: list[str] = []
    lost: list[str] = []  # grids of indicators without their project
    whole: dict[str, str] = {}  # tables of a kind not checked (部门整体支出绩效目标表 …): why
    budget: list[str] = []  # budget tables of projects (项目支出表 …)
    titles: list[str] = []  # the titles of budget tables of any kind
    other = False  # a budget table without projects (收支总表 …) among them
    notes: list[tuple[str, str]] = []  # (grid, note), given once the file is read
    from audit.readers.beside import BESIDE_UNREAD, side_by_side, unread_beside
    from audit.readers.grid import Grid

    def recognised(grid: Grid) -> bool:
        return any(module.recognise(grid) for _, module in layouts)

    grids: list[Grid] = []
    for whole_grid in loaded.grids:
        parts = side_by_side(whole_grid, recognised)
        grids.extend(parts)
        if len(parts) == 1:
            where = unread_beside(whole_grid, recognised)
            if where is not None:
                notes.append((whole_grid.name, f"{where}: skipped, {BESIDE_UNREAD}"))

    def goes_on(before: Grid | None, number: int) -> bool:
        """Whether the grid at ``number`` is a form's indicator grid, without
        a project of its own, printed after ``before`` (the form's top)."""
        if before is None or number >= len(grids):
            return False
        grid = grids[number]
        return missing_project(grid) and grid_goes_on(
            [*before.headings, *lines_above_grid(before)],
            [*grid.headings, *lines_above_grid(grid)],
        )

    form: Grid | None = None  # the grid just read, when a national form
    for number, grid in enumerate(grids):
        before, form = form, None
        side = grid_kind(grid)  # a self-evaluation or monitoring table
        if side is not None:
            whole[grid.name] = side_reason(side)
            notes.append((grid.name, f"{grid.name}: skipped, {whole[grid.name]}"))
            continue
        # A form's indicator grid printed as a table of its own (Word's
        # repeated header row, a table per printed page, a PDF page's grid),
        # under its header again or a 续表 mark: the rows go on in the form
        # read just before; the form's facts alone, as one table (no layout
        # of its own), begin the project the grid after them fills.
        if goes_on(before, number) or (
            form_facts(grid) and not recognised(grid) and goes_on(grid, number + 1)
        ):
            read_form_grid(grid, table)
            notes.extend((grid.name, f"{where}: skipped, {SET_ASIDE}") for where in table.set_aside)
            table.set_aside.clear()
            notes.extend((grid.name, note) for note in table.unread)
            table.unread.clear()
            found.append("national-form")
            form = grid
            continue
        for name, module in layouts:
            if module.recognise(grid):
                start = len(table.rows)
                table.amount_unit = None
                try:
                    module.read(grid, table)
                except ReadError:
                    _give(notify, notes)
                    raise
                for where in table.set_aside:
                    notes.append((grid.name, f"{where}: skipped, {SET_ASIDE}"))
                table.set_aside.clear()
                notes.extend((grid.name, note) for note in table.unread)
                table.unread.clear()
                if name == "guangzhou":  # the national layouts convert their own
                    _in_stated_unit(table.rows[start:], table.amount_unit)
                found.append(name)
                if name == "national-form":
                    form = grid
                break
        else:
            reason = "not a performance-target table (no header row)"
            rows = [grid.values(i) for i in range(min(len(grid.rows), SCANNED_ROWS))]
            if adjustment_rows(rows, grid.headings):
                whole[grid.name] = reason = ADJUSTMENT_UNREAD
            elif whole_department(grid):
                whole[grid.name] = reason = WHOLE_DEPARTMENT
            elif budget_table(grid):
                budget.append(grid.name)
                titles.append(table_title(grid))
                reason = f"not a performance-target table ({BUDGET_TABLE})"
            elif missing_project(grid):
                lost.append(grid.name)
                reason = f"not a performance-target table ({MISSING_PROJECT})"
            elif other_kind(grid):
                titles.append(table_title(grid))
                other = True
            notes.append((grid.name, f"{grid.name}: skipped, {reason}"))
    if not found and lost:
        _give(notify, notes)
        where = "、".join(lost)
        raise ReadError(
            f"{MISSING_PROJECT} ({where}): the project its indicators belong to is missing"
        )
    if not found and whole:
        # Nothing but a 部门整体支出绩效目标表 (and tables of no kind): the
        # file is passed over, its note says why.
        _give(notify, [(grid, note) for grid, note in notes if grid not in whole])
        raise PassedOver(_passed_over(whole, len(loaded.grids) > 1))
    _give(notify, notes)
    if not found:
        why = "no header row (项目名称 … 总计 … 绩效目标 … 绩效指标, or 一级指标 … 三级指标)"
        if budget and len(budget) == len(loaded.grids):
            why = f"{'each' if len(budget) > 1 else 'it'} is {BUDGET_TABLE}"
        note = None
        if titles and len(titles) == len(loaded.grids):  # nothing but budget tables
            kind = OTHER_BUDGET_TABLE if other else BUDGET_TABLE
            note = f"{_titles(titles)}: skipped, not a performance-target table ({kind})"
        raise NotATable(
            f"no performance-target table found in {_describe(carrier, len(loaded.grids))}: {why}",
            note=note,
        )
    if not table.rows:
        raise ReadError("no rows found under the header row")
    units_from_headings(table)
    layout = carrier if found[0] == "guangzhou" else f"{found[0]} ({carrier})"
    return assemble(
        loaded.source,
        layout,  # type: ignore[arg-type]
        table.rows,
        table.title,
        table.organization,
        tuple(table.orphans),
    )


def _passed_over(whole: dict[str, str], named: bool) -> str:
    """The note of a file passed over: its tables by kind (by name when the
    file holds several), the reason last, as a reader's note ends."""
    by_reason: dict[str, list[str]] = {}
    for grid, why in whole.items():
        by_reason.setdefault(why, []).append(grid)
    parts = [
        f"{'、'.join(grids) if named else ''}: skipped, {why}".lstrip(": ")
        for why, grids in by_reason.items()
    ]
    return "; ".join(parts)


def _give(notify: Notify | None, notes: list[tuple[str, str]]) -> None:
    if notify is not None:
        for _, note in notes:
            notify(note)


def _in_stated_unit(rows: list[Row], unit: str | None) -> None:
    """The amounts of a Guangzhou table whose heading says ``金额单位：元``,
    converted to 万元 as the national template's are (exactly, keeping the
    printed text and the unit for the findings)."""
    if unit != "元":
        return
    from audit.readers.national import amount

    for row in rows:
        row.amounts = Amounts(
            **{
                column: amount(cell.text, unit)
                for column in AMOUNT_FIELDS
                if (cell := row.amounts.get(column)) is not None
            }
        )


def _describe(carrier: str, count: int) -> str:
    what = {"pdf": "table", "html": "table", "docx": "table"}.get(carrier, "sheet")
    if count == 0:
        return f"the file (it has no {what}s)"
    return f"any of its {count} {what}{'s' if count != 1 else ''}"


def read_path(path: str | Path, notify: Notify | None = None) -> Document:
    """Read a file; every failure is a :class:`ReadError` with a clear reason."""
    name = str(path)
    try:
        data = read_file(name)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError("a symbolic link loop (too many levels of symbolic links)") from None
        raise ReadError(error.strerror or str(error)) from None
    except ReadError as problem:
        if str(problem) == "is a directory" and not _listable(name):
            # A directory a walk could not list (no read or search permission).
            raise ReadError("a directory that cannot be read (permission denied)") from None
        raise
    return read_document(data, name, notify)


def _listable(directory: str) -> bool:
    try:
        os.scandir(directory).close()
    except OSError:
        return False
    return True
