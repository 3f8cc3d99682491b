"""PDF files: the ruled performance-target table, read with pdfplumber.

* The pages holding the table are those whose text has its title
  (``…绩效目标表``) or header row (three of 项目名称, 总计, 财政拨款, …), and
  the pages after them whose ruled table goes on with the same columns.
* Cells come from pdfplumber's table extraction, so a wrapped cell comes
  whole; its lines are joined with nothing between them (Chinese has no
  spaces between words, and a wrap may cut a keyword or a number).
* A merged cell is extracted as its value in the top-left position and
  ``None`` elsewhere; each ``None`` is matched to the cell whose box covers
  it, which makes a merged range.
* A table that goes on over a page break is one grid: the header row
  repeated at the top of a page is dropped, and so are the rows above it
  that a sheet's print titles (顶端标题行) repeat with it inside the ruled
  grid (the title, ``部门名称：… | 单位：万元``); a first row with no name
  and no amounts (a row cut by the page break) is joined to the row before.
  Only a page's first table goes on from the page before; tables one under
  another on a page (forms two to a page) are tables of their own. A line
  that heads two or more pages (``某县2025年部门预算公开``) is the printed
  page's running head, no title of the table under it.
  A national form's 项目名称 row, printed again at the top of each page a
  long form runs over, is such a header; a page that restates the form's
  whole head (the same project's form pasted twice) is a form of its own.
  A page whose ``单位名称：…`` line above the header names another unit
  than the page before (several units' tables, each from a page of its
  own) gives the grid that heading as a row of one cell, before its rows.
* Locations name the page, the table and the row on that page:
  ``第3页 表1 第2行第7列``.
* Pages of text right after the table without ruling (notes under the
  table) are not read; a note names them. So does a note for each ruled
  table on a page that is not the performance table's (the budget tables
  of a 部门预算公开 document), with its page as its place, as the other
  carriers note each table they skip.
* When a table page has no ruled table, the table is rebuilt from its
  words' places (:mod:`audit.readers.pdfwords`: the header row's words give
  the columns, the space between lines the rows) and read as a ruled one;
  what cannot be told with confidence is refused with the reason. A PDF
  with no table page at all goes to the text reader
  (:mod:`audit.readers.pdftext`), which says what it did not find. A PDF
  without a text layer (a scan) is an error: there is no OCR.
* A sheet printed wider than its pages (without 调整为一页宽) prints its
  first columns (项目名称 … 其他资金) on one page and its goal and indicator
  columns on another, whose rows cannot be put together: it is refused
  with what to do.
"""

from __future__ import annotations

import contextlib
import io
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from audit.limits import MAX_NOTES_PER_FILE
from audit.readers.common import (
    HEADER_CELLS,
    budget_header,
    header_columns,
    names_project,
    names_title,
    organization_name,
    other_table_header,
)
from audit.readers.decode import ReadError, reason
from audit.readers.grid import GridInput, Loaded, Merge, grid_source
from audit.readers.guangzhou import BUDGET_TABLE
from audit.readers.table import Notify
from audit.syntax import clause_start, outline_breaks

_HEADER_WORDS = re.compile(r"项目名称|总计|财政拨款|财政专户|其他资金|绩效目标|绩效指标")
MAX_PAGES = 2000


def _is_table_page(text: str) -> bool:
    compact = text.replace(" ", "").replace("\n", "")
    if _indicator_grid(compact):
        return True  # the national template's indicator grid
    return names_title(compact) or len(set(_HEADER_WORDS.findall(compact))) >= 3


def _indicator_grid(text: str) -> bool:
    """Whether a page's text holds the national template's indicator grid."""
    compact = text.replace(" ", "").replace("\n", "")
    return "一级指标" in compact and "三级指标" in compact


_NOTE = re.compile(r"(?:注|备注|说明)\s*\d?\s*[：:]")
"""A note on a line of its own (``注：…``): no wrapped text either."""


def join_lines(value: str | None) -> str | None:
    """A wrapped cell's lines joined with nothing between them, except a
    line that begins a clause after a line that ends in a digit (a value
    written without its unit, ``≥80``, above ``2、1-产出指标；…``): joined,
    the two numbers would read as one (``≥802、``), so a line break stays;
    and an outline's heading (``二、效益指标`` alone on its line, over a
    numbered clause) and a note (``注：…``) keep their lines, as they are no
    wrapped text, and so does each numbered item under an outline's headings
    (``1.培训人数：≥1000人``, a value without its keyword)."""
    if value is None:
        return None
    lines = [line.strip() for line in value.split("\n")]
    joined = lines[0]
    breaks = outline_breaks(lines)
    for index, line in enumerate(lines[1:], 1):
        if (
            breaks[index]
            or _NOTE.match(line) is not None
            or (joined[-1:].isdigit() and line[:1].isdigit() and clause_start(line) is not None)
        ):
            joined += "\n"
        joined += line
    return joined


def _password_needed(error: BaseException, password_error: type) -> bool:
    """pdfplumber wraps pdfminer's errors (``PdfminerException``): a PDF
    that needs a password to open is one, whatever the wrapping."""
    seen: list[BaseException] = [error]
    while seen:
        current = seen.pop()
        if isinstance(current, password_error):
            return True
        seen.extend(arg for arg in current.args if isinstance(arg, BaseException))
        if current.__cause__ is not None:
            seen.append(current.__cause__)
    return False


def load(data: bytes, path: str, notify: Notify | None = None) -> Loaded:
    import logging

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    # pdfminer logs every defect of a damaged file it works around; the
    # file either reads or gets one clear error.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise ReadError("password-protected PDF: save it without the password") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError) as error:
        raise ReadError(f"corrupt PDF: {reason(error)}") from None
    except Exception as error:  # pdfminer raises many kinds on broken files
        if _password_needed(error, PDFPasswordIncorrect):
            raise ReadError("password-protected PDF: save it without the password") from None
        raise ReadError(f"corrupt PDF: {reason(error)}") from None
    try:
        return _read(pdf, path, notify)
    except ReadError:
        raise
    except Exception as error:  # pdfminer raises many kinds on broken files
        raise ReadError(f"corrupt PDF: {reason(error)}") from None
    finally:
        with contextlib.suppress(Exception):  # closing re-reads the page tree
            pdf.close()


class _Part:
    """One page's piece of a table."""

    def __init__(
        self,
        page: int,
        number: int,
        rows: list[list[str | None]],
        merges: list[Merge],
        unit: str | None = None,
        headings: list[str] | None = None,
    ):
        self.page = page
        self.number = number
        self.rows = rows
        self.merges = merges
        self.unit = unit
        """The unit a ``单位名称：…`` line above the page's header row names."""
        self.headings = headings or []
        """The lines of text right above this piece on its page (between the
        page's top, or the table before on the page, and this one): the
        title block of a table that begins here."""


def _read(pdf: Any, path: str, notify: Notify | None) -> Loaded:
    pages = pdf.pages[:MAX_PAGES]
    if not pages:
        raise ReadError("a PDF without pages")
    texts: list[str] = []
    has_text = False
    for page in pages:
        if page.chars:
            has_text = True
        texts.append(page.extract_text() or "")
    if not has_text:
        raise ReadError(
            "a scanned PDF (no text layer): the tool does not do OCR; "
            "use the workbook or a PDF saved with its text"
        )
    parts: list[_Part] = []
    unruled: list[int] = []
    unread: list[int] = []  # pages of text right after the table, not ruled
    skipped: list[str] = []  # notes on the ruled tables of other pages
    in_table = False
    for index, page in enumerate(pages):
        tables = page.find_tables()
        starts = _is_table_page(texts[index])
        if not tables:
            if starts:
                unruled.append(index + 1)
            elif in_table and texts[index].strip():
                unread.append(index + 1)
                continue  # a later ruled page may still go on with the table
            in_table = False
            continue
        if not starts and not in_table:
            # A page of tables of another kind (收支总表, 基本支出表 …).
            for number, table in enumerate(tables, start=1):
                where = f"第{index + 1}页" + (f" 表{number}" if len(tables) > 1 else "")
                skipped.append(f"{where}: skipped, {_skip_reason(table, len(skipped))}")
            continue
        above = 0.0  # the bottom of the table before on the page
        for number, table in enumerate(tables, start=1):
            rows, merges = _cells(table)
            if not rows:
                continue
            headings = _text_above(page, table.bbox[1], above)
            above = table.bbox[3]
            unit = _unit_above_header(texts[index]) if number == 1 else None
            parts.append(_Part(index + 1, number, rows, merges, unit, headings))
        in_table = True
    if notify is not None:
        for note in skipped:
            notify(note)
    apart = _columns_apart(parts)
    if apart is not None:
        raise ReadError(
            f"{COLUMNS_APART} (项目名称 … on page {apart[0]}, 绩效目标 … 绩效指标 on page "
            f"{apart[1]}), so its rows cannot be put together: print the sheet one page wide "
            "(调整为一页宽), or lint the workbook"
        )
    _drop_running_heads(parts, texts)
    if unruled:
        if notify is not None:
            pages_list = ", ".join(str(p) for p in unruled[:10])
            notify(f"page {pages_list}: no ruled table; the table is read from its words' places")
        parts = _unruled_parts(pages, texts)
    elif not parts:
        text, locator = _layout_text(pages)
        return Loaded(None, [], text=text, locator=locator)
    if unread and notify is not None:
        pages_list = ", ".join(str(p) for p in unread[:10])
        notify(f"page {pages_list}: text after the table without ruling, not read")
    inputs = _join(parts)
    source, grids = grid_source(path, "pdf", inputs)
    return Loaded(source, grids)


COLUMNS_APART = "the table's columns are printed on separate pages"
"""Why a sheet printed wider than its pages is refused (the report
translates it)."""


def _columns_apart(parts: list[_Part]) -> tuple[int, int] | None:
    """The pages of a sheet printed wider than its pages (without
    调整为一页宽): its first columns (项目名称 | 总计 | … | 其他资金, a budget
    table's header) on one page, its goal and indicator columns (绩效目标 |
    绩效指标, nothing else) heading a ruled table on a later page. None when
    a page holds the performance table's header, or no such pages."""
    heads = [[[c or "" for c in row] for row in part.rows[:_HEADER_ROWS]] for part in parts]
    if any(header_columns(row) is not None for rows in heads for row in rows):
        return None
    first = next(
        (
            part.page
            for part, rows in zip(parts, heads, strict=True)
            if any(map(budget_header, rows))
        ),
        None,
    )
    if first is None:
        return None
    for part, rows in zip(parts, heads, strict=True):
        if part.page > first and rows and _performance_columns(rows[0]):
            return first, part.page
    return None


_PERFORMANCE_NAMES = frozenset((*HEADER_CELLS["goal"], *HEADER_CELLS["indicators"]))


def _performance_columns(row: list[str]) -> bool:
    """Whether a row names the goal or indicator columns and nothing else."""
    filled = ["".join(cell.split()) for cell in row if cell.strip()]
    return bool(filled) and all(cell in _PERFORMANCE_NAMES for cell in filled)


def _unruled_parts(pages: list[Any], texts: list[str]) -> list[_Part]:
    """The table of a PDF printed without ruling lines, page by page, from
    its words' places (:mod:`audit.readers.pdfwords`): each page with the
    table's title or header row, and each page of text right after one (a
    table whose header is not repeated) in the columns of the page before."""
    from audit.readers.pdfwords import goes_on, read_form_page, read_page, running_lines

    parts: list[_Part] = []
    columns = None
    running = running_lines(texts)
    reader = read_page
    for index, page in enumerate(pages):
        if _is_table_page(texts[index]):
            national = _indicator_grid(texts[index])
            # A page of forms may start with the grid of the page before.
            going_on = columns if national and reader is read_form_page else None
            reader = read_form_page if national else read_page
            piece, columns = reader(page, index + 1, going_on, running)
        elif columns is not None and texts[index].strip():
            try:
                piece, columns = reader(page, index + 1, columns, running)
            except ReadError:
                if reader is read_form_page and goes_on(page, columns, running):
                    raise  # the forms going on, which cannot be read
                columns = None  # not the table going on: text after it
                continue
        else:
            columns = None
            continue
        rows: list[list[str | None]] = []
        for raw in piece.rows:
            row = [join_lines(cell) for cell in raw]
            # Only the budget table has rows cut apart: in the national
            # template a blank first cell is a 一级指标 merged down from above.
            if reader is read_page and len(rows) > piece.header and _cut_row(row):
                # No name and no amounts: the rest of the row above (a blank
                # line inside one of its cells set it apart).
                _append_cells(rows[-1], row)
            else:
                rows.append(row)
        if not rows:
            continue
        unit = _unit_above_header(texts[index])
        # A national form's categories merged over their rows (the rows are
        # the piece's, none joined), as a ruled form's merged cells.
        merges = list(piece.merges) if reader is read_form_page else []
        parts.append(_Part(index + 1, 1, rows, merges, unit, _text_above(page, piece.top)))
    return parts


def _skip_reason(table: Any, earlier: int) -> str:
    """Why a ruled table on a page without the performance table is not
    read, as the other carriers say it: a budget table of projects (项目名称
    and amounts) by name, any other table as one without the header row.
    Past the notes a file shows, the table's cells are not extracted."""
    if earlier < MAX_NOTES_PER_FILE:
        rows = table.extract()
        if any(budget_header([join_lines(cell) or "" for cell in row]) for row in rows):
            return f"not a performance-target table ({BUDGET_TABLE})"
    return "not a performance-target table (no header row)"


def _drop_running_heads(parts: list[_Part], texts: list[str]) -> None:
    """Drop from the headings of each piece after the first the running
    head a printed page repeats at its top (``某县2025年部门预算公开``): the
    first line of two or more pages' text. Above a piece it is no title of
    its own, so a form's indicator grid on the page after its head still
    goes on from it; the first piece keeps it, as a document's heading."""
    firsts = Counter(text.strip().split("\n", 1)[0].strip() for text in texts if text.strip())
    running = {line for line, count in firsts.items() if count >= 2}
    if not running:
        return
    seen: set[str] = set()
    for part in parts:
        kept = [line for line in part.headings if line not in running or line not in seen]
        seen.update(line for line in part.headings if line in running)
        part.headings = kept


def _unit_above_header(text: str) -> str | None:
    """The unit a ``单位名称：…`` line names above the header row of a page's
    text (a title block of its own, or the page header repeated); of
    部门名称 and 单位名称 the last."""
    unit = None
    for line in text.split("\n"):
        if "项目名称" in line:
            return unit
        unit = organization_name(line.strip()) or unit
    return None  # no header row on the page: nothing stands above it


def _text_above(page: Any, top: float, above: float = 0.0) -> list[str]:
    """The lines of text on ``page`` between ``above`` and ``top``."""
    if top - above <= 1:
        return []
    text = page.crop((0, above, page.width, top)).extract_text() or ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _layout_text(pages: list[Any]) -> tuple[str, Callable[[int], str | None]]:
    """The pages' text as printed (spacing kept), the common left margin
    removed; and a locator naming the page and its line of an offset."""
    lines: list[str] = []
    starts: list[int] = []  # the offset where each page's text starts
    first_lines: list[int] = []  # the index of each page's first line
    length = 0
    for page in pages:
        starts.append(length)
        first_lines.append(len(lines))
        text = page.extract_text(layout=True) or ""
        page_lines = [line.rstrip() for line in text.split("\n")]
        margin = min(
            (len(line) - len(line.lstrip(" ")) for line in page_lines if line.strip()), default=0
        )
        for line in page_lines:
            lines.append(line[margin:])
            length += len(line) - margin + 1
        lines.append("")
        length += 1
    text = "\n".join(lines)

    def locate(offset: int) -> str | None:
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return None
        line = text.count("\n", starts[index], offset) + 1
        return f"第{index + 1}页 第{line}行"

    return text, locate


def _cells(table: Any) -> tuple[list[list[str | None]], list[Merge]]:
    """The table's cells (wrapped lines joined) and its merged ranges."""
    extracted = table.extract()
    rows: list[list[str | None]] = [[join_lines(cell) for cell in row] for row in extracted]
    boxes = [list(row.cells) for row in table.rows]
    columns, lines = _middles(boxes)
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(boxes):
        for c, box in enumerate(row):
            if box is not None:
                continue
            origin = _covering(boxes, r, c, columns[c], lines[r])
            if origin is not None:
                covered[(r, c)] = origin
    ranges: dict[tuple[int, int], list[int]] = {}
    for (r, c), (top, left) in covered.items():
        span = ranges.setdefault((top, left), [top, left, top, left])
        span[2] = max(span[2], r)
        span[3] = max(span[3], c)
    merges = [(a, b, c, d) for a, b, c, d in ranges.values()]
    return rows, merges


def _covering(
    boxes: list[list[Any]], row: int, col: int, x: float, y: float
) -> tuple[int, int] | None:
    """The cell whose box covers the empty position (row, col), whose middle
    is (x, y): to its left in the row (merged across) or above it in the
    column (merged down)."""
    for r in range(row, -1, -1):
        for c in range(col, -1, -1):
            box = boxes[r][c] if c < len(boxes[r]) else None
            if box is None:
                continue
            x0, top, x1, bottom = box
            if x0 <= x <= x1 and top <= y <= bottom:
                return r, c
    return None


def _middles(boxes: list[list[Any]]) -> tuple[list[float], list[float]]:
    """The middle of each column and of each row of the grid. pdfplumber
    puts a cell in the column of its left edge and the row of its top edge
    (the table's distinct x0 and top values, in order), so a column runs
    from its left edge to the next column's, whatever the width of the
    boxes in it (a box merged across several columns is no measure of the
    first)."""
    cells = [box for row in boxes for box in row if box is not None]
    if not cells:
        return [], []
    lefts = [*sorted({float(box[0]) for box in cells}), max(float(box[2]) for box in cells)]
    tops = [*sorted({float(box[1]) for box in cells}), max(float(box[3]) for box in cells)]
    columns = [(a + b) / 2 for a, b in pairwise(lefts)]
    lines = [(a + b) / 2 for a, b in pairwise(tops)]
    return columns, lines


def _join(parts: list[_Part]) -> list[GridInput]:
    """Consecutive page parts with the same columns as one grid each; the
    header repeated at the top of a page dropped, a row cut by the page
    break joined to the row before."""
    groups: list[list[_Part]] = []
    for part in parts:
        # Only a page's first table goes on from the page before; tables one
        # under another on a page are tables of their own (forms two to a
        # page), as the reader of the carriers' tables joins them.
        follows = bool(groups) and part.number == 1 and part.page > groups[-1][-1].page
        if follows and len(groups[-1][-1].rows[0]) != len(part.rows[0]):
            part = _widened(part, groups[-1]) or part
        if (
            follows
            and len(groups[-1][-1].rows[0]) == len(part.rows[0])
            and not _other_header(part.rows[0], groups[-1][0].rows[:_HEADER_ROWS])
        ):
            groups[-1].append(part)
        else:
            groups.append([part])
    inputs: list[GridInput] = []
    for number, group in enumerate(groups, start=1):
        header = group[0].rows[0]
        titles = _title_rows(group[0].rows)
        # Only the Guangzhou table has rows cut by a break: in the national
        # template a blank first cell is a 一级指标 merged down from above.
        joins = titles is not None
        rows: list[list[str | None]] = []
        labels: list[str] = []
        merges: list[Merge] = []
        unit = group[0].unit
        names = _NameRows(rows)
        for position, part in enumerate(group):
            label = f"第{part.page}页 表{part.number} "
            if not position:
                skip = 0
            elif titles is not None:
                skip = _repeated_titles(part.rows, titles)
            else:
                skip = 1 if _repeated_header(part.rows, header, names) else 0
            named = joins and part.unit is not None and part.unit != unit
            if named:  # another unit's title block above this page's table
                unit = part.unit
                rows.append([f"单位名称：{unit}"] + [None] * (len(header) - 1))
                labels.append(f"{label}上方")
            offset = len(rows) - skip
            for index, row in enumerate(part.rows[skip:], start=skip):
                if index == skip and position and rows and joins and not named and _cut_row(row):
                    _append_cells(rows[-1], row)
                    offset -= 1
                    continue
                rows.append(list(row))
                labels.append(f"{label}第{index + 1}行")
            for top, left, bottom, right in part.merges:
                if top >= skip:
                    merges.append((top + offset, left, bottom + offset, right))
        first, last = group[0].page, group[-1].page
        pages = f"第{first}页" if first == last else f"第{first}-{last}页"
        # Each grid is headed by the text above its first piece (the title
        # of a table after a skipped one keeps its place, as in a web page).
        name = f"{pages} 表{number}"
        headings = group[0].headings
        inputs.append(GridInput(name, rows, merges, row_labels=labels, headings=headings))
    return inputs


_HEADER_ROWS = 8
"""The rows at the top of a table that may hold its header (a title or a
单位名称 line ruled into the table above it)."""


def _title_rows(rows: list[list[str | None]]) -> list[list[str | None]] | None:
    """The rows of a Guangzhou grid down to its header row (``项目名称 | 总计
    | …``): the title, ``部门名称：… | 单位：万元`` ruled into the grid above
    the header (a sheet's print titles, 顶端标题行), and the header row; None
    when the grid's first rows hold no such header (the national template)."""
    for index, row in enumerate(rows[:_HEADER_ROWS]):
        if header_columns([c or "" for c in row]) is not None:
            return rows[: index + 1]
    return None


def _repeated_titles(page: list[list[str | None]], titles: list[list[str | None]]) -> int:
    """How many of a page's first rows repeat the grid's title rows
    (:func:`_title_rows`), in their order: a sheet printed with its title
    rows at the top of each page repeats them all, one printed with its
    header row only repeats that one; each is dropped, as the header is."""
    count = 0
    at = 0
    for row in page:
        while at < len(titles) and not _same(row, titles[at]):
            at += 1
        if at == len(titles):
            break
        count += 1
        at += 1
    return count


def _widened(part: _Part, group: list[_Part]) -> _Part | None:
    """A national form's indicator grid going on on a page of its own
    without its header row, in the columns of the grid before: there the
    facts above the grid (项目名称 | … | 主管部门 | …) and the grid were one
    ruled table, whose columns are the union of both, so the grid's own
    columns are where its header row's cells begin. None when the page is
    no such part (a header of its own, another width)."""
    width = len(group[-1].rows[0])
    narrow = len(part.rows[0])
    if narrow >= width or any(_grid_header(row) for row in part.rows[:_HEADER_ROWS]):
        return None
    header = next(
        (row for piece in reversed(group) for row in reversed(piece.rows) if _grid_header(row)),
        None,
    )
    if header is None:
        return None
    starts = [index for index, cell in enumerate(header) if cell and cell.strip()]
    if len(starts) != narrow:
        return None
    rows: list[list[str | None]] = []
    for row in part.rows:
        wide: list[str | None] = [None] * width
        for index, cell in enumerate(row):
            wide[starts[index]] = cell
        rows.append(wide)
    merges = [
        (top, starts[left], bottom, starts[right]) for top, left, bottom, right in part.merges
    ]
    return _Part(part.page, part.number, rows, merges, part.unit, part.headings)


def _grid_header(row: list[str | None]) -> bool:
    """An indicator grid's header row (一级指标 | 二级指标 | …)."""
    return any(cell is not None and "".join(cell.split()).startswith("一级指标") for cell in row)


def _other_header(row: list[str | None], first: list[list[str | None]]) -> bool:
    """Whether a page's first row is a header row (a performance table's or
    another table's) that the first rows of the grid so far, ``first``, do
    not hold: the header of another table (a 部门整体支出绩效目标表 of as many
    columns, then the performance table), so that page begins a grid of its
    own. A header repeated at the top of a page goes on with its grid."""
    if any(_same(row, earlier) for earlier in first):
        return False
    cells = [c or "" for c in row]
    return header_columns(cells) is not None or other_table_header(cells)


class _NameRows:
    """The 项目名称 rows of a grid being joined, looked up by their cells
    and by their label (the grid's last row of each)."""

    def __init__(self, rows: list[list[str | None]]):
        self.rows = rows
        self._seen = 0
        self._by_cells: dict[tuple[str, ...], int] = {}
        self._by_label: dict[str, int] = {}

    def _update(self) -> None:
        for index in range(self._seen, len(self.rows)):
            row = self.rows[index]
            label = _first(row)
            if names_project(label):
                self._by_label[label] = index
                self._by_cells[tuple(c or "" for c in row)] = index
        self._seen = len(self.rows)

    def last(self, row: list[str | None]) -> int | None:
        """The grid's last row the same as ``row``."""
        self._update()
        return self._by_cells.get(tuple(c or "" for c in row))

    def last_labelled(self, label: str) -> int | None:
        """The grid's last row whose first cell is ``label``."""
        self._update()
        return self._by_label.get(label)


def _repeated_header(
    page: list[list[str | None]], header: list[str | None], names: _NameRows
) -> bool:
    """Whether a page's first row is a header printed again at the top of
    the page over a page break, to be dropped: the grid's first row
    (``header``; column titles, a title or 单位名称 line), or a national
    form's ``项目名称 | …`` row, which a long form prints at the top of each
    page it runs over (each form of a file of forms a table of its own).

    A 项目名称 row is content, though, where the page restates a whole form
    (the same project's form pasted twice): the rows under it are labelled
    as those under it in that form (in the grid's rows so far), down to the
    column titles, or to the page's end, and the form before has reached
    its titles (a page break right after a form's 项目名称 row leaves the
    rest of its head to the next page, under the repeated row). A long
    form's next page goes on with indicator rows (一级指标 blank, as merged
    down, or a category), never with 实施单位, 资金总额 …."""
    row = page[0]
    label = _first(row)
    filled = sum(1 for c in row if c and c.strip())
    if not names_project(label) or filled < 2 or _column_titles(row):
        return _same(row, header)
    at = names.last(row)
    current = names.last_labelled(label)
    if at is None or current is None:
        return False
    joined = names.rows
    if _titles_at(joined[current : current + _HEAD_ROWS]) is None:
        return True  # the head of the form the grid is in goes on here
    head = _titles_at(joined[at : at + _HEAD_ROWS])
    if head is None:
        return True
    end = min(len(page), head + 1)  # down to the column titles, or the page's end
    restated = [_first(r) for r in joined[at + 1 : at + end]]
    return len(page) < 2 or [_first(r) for r in page[1:end]] != restated


def _first(row: list[str | None]) -> str:
    return (row[0] or "").strip() if row else ""


_HEAD_ROWS = 24
"""The rows of a form's head (项目名称, 主管部门, 资金 …, 目标) that may stand
above its column titles."""


def _column_titles(row: list[str | None]) -> bool:
    cells = [c or "" for c in row]
    return header_columns(cells) is not None or other_table_header(cells)


def _titles_at(rows: list[list[str | None]]) -> int | None:
    """The index of the indicator grid's column titles (一级指标 … 三级指标)
    in a form's head, None when there is none."""
    return next(
        (
            index
            for index, row in enumerate(rows[:_HEAD_ROWS])
            if any("指标" in c for c in row if c) and _column_titles(row)
        ),
        None,
    )


def _same(row: list[str | None], header: list[str | None]) -> bool:
    return [c or "" for c in row] == [c or "" for c in header]


def _cut_row(row: list[str | None]) -> bool:
    """A row cut by a page break: no name and no amounts, some other text."""
    if not row or (row[0] or "").strip():
        return False
    filled = [c for c in row[1:] if c and c.strip()]
    if not filled:
        return False
    return not any(re.fullmatch(r"-?[\d,]+(?:\.\d+)?", c.strip()) for c in filled)


def _append_cells(target: list[str | None], row: list[str | None]) -> None:
    for index, value in enumerate(row):
        if index < len(target) and value:
            target[index] = (target[index] or "") + value
