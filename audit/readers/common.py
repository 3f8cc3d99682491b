"""What every layout shares: cell cleaning, amounts, header columns, and
assembling rows into a :class:`~audit.model.Document`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from audit.limits import MAX_CELL_CHARS, MAX_CLAUSES_PER_CELL
from audit.model import (
    AMOUNT_COLUMNS,
    AMOUNT_FIELDS,
    Amount,
    Amounts,
    Document,
    GrandTotal,
    Layout,
    Markup,
    Project,
    Row,
    Source,
    Text,
    TextBuilder,
    Unit,
)
from audit.readers.table import Table
from audit.syntax import clause_number, clause_numbers, clause_start, has_keyword

# Header cells, by column. A header is recognised by its first cell and at
# least three of the others, one of them the goal or the indicators (a
# budget table's 项目名称 | 总计 | 财政拨款 | … has neither: a 项目支出表 or
# 政府采购预算表 is no performance table); the order of columns comes from
# the header.
HEADER_CELLS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "项目名称（资金使用单位）", "项目名称(资金使用单位)"),
    "total": ("总计", "合计金额", "金额合计"),
    "fiscal": ("财政拨款",),
    "special": ("财政专户拨款", "财政专户管理资金", "财政专户"),
    "other": ("其他资金", "其他"),
    # 上年结转: funds carried over from last year, a fifth source of funds
    # some tables add beside 其他资金 (the national template's wordings).
    "carryover": ("上年结转", "上年结转资金", "结转资金", "上年结转结余", "结转结余"),
    "goal": (
        "绩效目标",
        "年度绩效目标",
        "项目绩效目标",
        "年度项目绩效目标",
        "调整后绩效目标",
        "调整后年度绩效目标",
    ),
    "indicators": ("绩效指标", "绩效指标值", "年度绩效指标", "项目绩效指标", "调整后绩效指标"),
}
PERFORMANCE_COLUMNS = ("goal", "indicators")
"""A header names one of these at least: where a project's goal or its
indicators are written."""

_COLUMN_NAMES = tuple(name for names in HEADER_CELLS.values() for name in names)
PRINTED_COLUMN_NAMES = frozenset(
    {
        "项目名称",
        "项目名称（资金使用单位）",
        "项目名称(资金使用单位)",
        "总计",
        "合计金额",
        "金额合计",
        "财政拨款",
        "财政专户拨款",
        "财政专户管理资金",
        "其他资金",
        "绩效目标",
        "年度绩效目标",
        "绩效指标",
    }
)
"""The Guangzhou columns' names as text extracted from a PDF prints them
whole, each a word of its own on the header line."""
COLUMN_WORDS_RE = re.compile(r"项目名称|总计|财政拨款|财政专户|其他资金|绩效目标|绩效指标")
"""A word of a Guangzhou column's name, found in a line of extracted text."""
# Column words that no cell text is made of alone: a run of header pieces
# holding one is the header wherever it stands.
_DISTINCT_COLUMN_WORDS = (
    "项目名称",
    "资金使用单位",
    "财政拨款",
    "财政专户",
    "其他资金",
    "绩效目标",
    "绩效指标",
)


def outside_brackets(text: str, inside: bool = False) -> str:
    """``text`` without what its round brackets enclose (a name's note,
    ``…经费（机关本级，含莞城、东城街道）``): a bracket left open runs to the
    end, and with ``inside`` the text up to the first closing bracket is
    enclosed too (a line that goes on in a bracket an earlier line opened)."""
    kept: list[str] = []
    depth = 1 if inside else 0
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
        elif not depth:
            kept.append(char)
    return "".join(kept)


def header_piece(token: str) -> bool:
    """Whether ``token`` is a piece of a column name as a header cell wrapped
    over lines leaves it (``项目名称（资金``, ``使用单位）``, ``财政专户``,
    ``拨款``, ``）``), cut at any position."""
    token = MARKUP_RE.sub("", token).replace(" ", "").replace("\u3000", "")
    if not token:
        return False
    folded = token.replace("(", "（").replace(")", "）")
    return any(folded in name for name in _COLUMN_NAMES)


def _has_han(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (U+4E00–U+9FFF). Not a
    regex: compiling a class of that range costs a millisecond at start-up."""
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def header_pieces(cells: list[str]) -> bool:
    """Whether the non-blank cells (or space-separated tokens) are all pieces
    of column names, one at least with a word in it: a line or row the wrap
    of a header left behind. A bracket alone (``）``) ends many a wrapped
    name, and 合计 or 总计 alone is the grand total's row: no such line."""
    tokens = [token for cell in cells for token in cell.split()]
    return (
        bool(tokens)
        and not (len(tokens) == 1 and tokens[0] in GRAND_TOTAL_NAMES)
        and all(header_piece(token) for token in tokens)
        and any(_has_han(token) for token in tokens)
    )


def names_a_column(texts: list[str]) -> bool:
    """Whether pieces, joined, hold a column word only a header holds."""
    joined = "".join("".join(text.split()) for text in texts)
    return any(word in joined for word in _DISTINCT_COLUMN_WORDS)


_GAP = "[ \u3000]*"


def spaced(word: str) -> str:
    """A pattern of ``word`` spaced for alignment or not, as county forms print
    their labels and headers (``项 目 名 称``, ``一 级 指 标``, ``总 计``)."""
    return _GAP.join(map(re.escape, word))


def unspaced(text: str) -> str:
    """``text`` without the spaces (ASCII or ideographic) that align it."""
    return text.replace(" ", "").replace("\u3000", "")


LEVEL1_HEADER_RE = re.compile(spaced("一级指标"))
"""The 一级指标 header of an indicator grid, spaced for alignment
(``一 级 指 标``) or not."""
LEVEL1_ANYHOW_RE = re.compile(r"一[\s\u3000]*级[\s\u3000]*指[\s\u3000]*标")
"""The 一级指标 header as :data:`LEVEL1_HEADER_RE` finds it, or wrapped in
its cell (``"一级⏎指标"``, as CSV text quotes a cell holding a line break):
whether a text may hold an indicator grid."""
HEADER_WORDS_RE = re.compile(
    "|".join(
        spaced(w)
        for w in ("项目名称", "总计", "财政拨款", "财政专户", "其他资金", "绩效目标", "绩效指标")
    )
)
"""A word of a Guangzhou column's name in a header line, spaced for alignment
(``项 目 名 称``, ``总 计``) or not: :func:`unspaced` gives the word."""
TITLE_RE = re.compile(r"绩效目标[（(]?(?:调整|申报){0,2}[）)]?表")
"""A performance-target table's title: ``…项目支出绩效目标表``, the template's
``…绩效目标申报表``, or an adjustment table's ``…绩效目标调整表`` (``（调整）表``)."""


def names_title(text: str) -> bool:
    """Whether ``text`` holds a performance-target table's title."""
    return TITLE_RE.search(text) is not None


WHOLE_DEPARTMENT_MARK = "部门整体"
"""In the title of a 部门整体支出绩效目标表: the department's targets as a
whole, a table of another kind standing beside the project table."""
# The label of the heading line naming the organisation; what follows it, up
# to an optional trailing 单位：万元, is the name (see organization_name). The
# name is taken apart with str methods, not one regex with a lazy group
# between runs of white space, which backtracks cubically on long blanks.
ORGANIZATION_RE = re.compile(
    r"\s*(部门名称|单位名称|部门[（(]单位[)）]名称|预算单位名称|预算单位|填报单位|编制单位|部门|单位)"
    r"\s*(?:[（(]\s*(?:盖章|公章)\s*[)）])?\s*[：:]"
)
"""The labels of the heading line naming the organisation: 部门名称, 单位名称,
预算单位, 填报单位（盖章）, 编制单位, 部门, and 单位 when a name follows it."""
# The amount unit a heading states: ``单位：万元``, ``金额单位：元`` (a line
# of its own, or the tail of the 单位名称 line). The national template reads
# the same words (``金额单位：元``); amounts in 元 are converted to 万元.
_UNIT_OF_MEASURE_TAIL = re.compile(r"(?:[（(]\s*)?(?:金额)?单位\s*[：:]\s*(万元|元)\s*[)）]?$")
UNIT_OF_MEASURE_RE = re.compile(r"^\s*(?:[（(]\s*)?(?:金额)?单位\s*[：:]\s*(万元|元)\s*[)）]?\s*$")
GRAND_TOTAL_NAMES = frozenset({"合计", "总计"})
# The mark a table carried over a page break bears (``续表``, ``（续表）``,
# ``续上表``, ``续表2``): a marker above the repeated header, never cell text.
CONTINUED_MARK_RE = re.compile(
    r"\s*[（(]?\s*续\s*上?\s*表\s*(?:[（(]?\s*[\d一二三四五六七八九十]+\s*[）)]?)?\s*[）)]?\s*[：:]?\s*"
)

# A page number as a printed page shows it, the whole line: ``- 2 -``, ``2``,
# ``2/3``, ``第2页``, ``第2页 共3页``, ``共3页 第2页``, ``Page 2 of 3``; dashes
# may stand either side of any of them (``— 2 —``, ``— 第2页 —``, ``——2——``).
_PAGE_DASH = r"[-—–－]{0,2}"
PAGE_NUMBER_RE = re.compile(
    rf"{_PAGE_DASH}\s*(?:\d{{1,4}}|\d{{1,4}}\s*/\s*\d{{1,4}}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*[（(]?共\s*\d{1,4}\s*页[)）]?)?"
    r"|共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页"
    rf"|[Pp]age\s*\d{{1,5}}(?:\s*(?:of|/)\s*\d{{1,5}})?)\s*{_PAGE_DASH}"
)

# HTML residue in cells exported from web pages: tags and entities.
MARKUP_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|#\d+);")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}

AMOUNT_RE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_BLANK_AMOUNTS = frozenset({"", "-", "—", "－", "--"})


# The tables that report outcomes beside the target table, by their header
# (:mod:`audit.readers.sidetables` tells them by their title too).
PROJECT_SELF_EVALUATION = "项目支出绩效自评表"
MONITORING = "项目支出绩效运行监控表"

# Header cells of an outcome column, whole (``1-7月执行情况``, ``全年执行数``,
# ``自评得分``, ``偏差原因分析及改进措施``).
_MONTHS = r"(?:\d{1,2}\s*[-—－~～至]\s*\d{1,2}\s*月|全年预计|全年|年度|上半年|截至\S{0,8}?)?"
_OUTCOME_RE = re.compile(
    rf"{_MONTHS}(?:执行数|执行率|执行情况|预算执行率)"
    r"|实际完成(?:值|情况|数|率)?|(?:年度|全年)?(?:预计)?完成情况|全年预计(?:完成值|执行数)"
    r"|(?:自评)?得分|完成目标可能性|偏差原因(?:分析)?(?:及改进措施)?|未完成原因(?:分析)?"
)
_MONITORING_RE = re.compile(r"\d{1,2}\s*[-—－~～至]\s*\d{1,2}\s*月|预计|可能性|截至")
_OUTCOME_CELL_CHARS = 20


def outcome_cell(cell: str) -> str | None:
    """The outcome column a header cell names (``实际完成值``, ``1-7月执行情况``,
    spaces dropped), else None."""
    if len(cell) > 4 * _OUTCOME_CELL_CHARS:  # a name, goal or clause cell, not a header
        return None
    text = "".join(cell.split())
    if text and len(text) <= _OUTCOME_CELL_CHARS and _OUTCOME_RE.fullmatch(text):
        return text
    return None


def outcome_header(cells: Sequence[str]) -> str | None:
    """The kind of table a header row of outcome columns heads: two such
    columns at least (``实际完成值 | 得分``, ``1-7月执行情况 | 全年预计完成情况``);
    None for any other row."""
    found: set[str] = set()
    for cell in cells:
        text = outcome_cell(cell)
        if text is not None:
            found.add(text)
    if len(found) < 2:
        return None
    if any(_MONITORING_RE.search(text) for text in found):
        return MONITORING
    return PROJECT_SELF_EVALUATION


_NUMBER_HEADERS = frozenset({"序号", "编号", "项目序号"})


def _bare(cell: str) -> str:
    """A header cell's text without markup and without the spaces and line
    breaks that align or wrap it (``项 目 名 称``, ``财政专户⏎拨款``: a cell
    wrapped with Alt+Enter, ``<br>`` or a line break in Word)."""
    return "".join(MARKUP_RE.sub("", cell).split())


_SPACED_NAME_CHARS = 40
"""A 项目名称 header cell spaced for alignment (``项 目 名 称（资金使用单位）``)
is short: longer cells are data, never compacted."""


def names_project(cell: str) -> bool:
    """Whether a cell may head the name column: it holds 项目名称, maybe
    spaced for alignment (``项 目 名 称``) or wrapped in its cell (``项目⏎名称``)."""
    if "项目名称" in cell:
        return True
    return "项" in cell and len(cell) <= _SPACED_NAME_CHARS and "项目名称" in "".join(cell.split())


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map column names to indexes if ``cells`` is a header row; its cells
    may be spaced for alignment (``项 目 名 称（资金使用单位）``, ``总 计``,
    ``绩 效 目 标``), as county forms print them, or wrapped in the cell
    (``财政专户⏎拨款``), and end with a mark or a
    bracketed note (``绩效指标。``, ``绩效指标（含转移支付）``, ``绩效目标（年度）``:
    :func:`column_word`). In a header so recognised, a goal or indicator
    column no cell names is the one cell whose last word names it
    (:func:`headed_columns`: ``三级指标及指标值``)."""
    if not cells:
        return None
    first = 0
    if not names_project(cells[0]):  # data rows: no cleaning of long cells
        # A 序号 column before the name (a numbered table).
        if len(cells) < 2 or not names_project(cells[1]) or _bare(cells[0]) not in _NUMBER_HEADERS:
            return None
        first = 1
    stripped = [_bare(c) for c in cells]
    if not stripped[first].startswith("项目名称"):
        return None
    columns: dict[str, int] = {}
    for index, cell in enumerate(stripped[first:], start=first):
        cell = _HEADER_UNIT_RE.sub("", cell)  # 总计（元）: the amount column
        bare = column_word(cell)
        if "total" not in columns and bare in _TOTAL_HEADS:
            columns["total"] = index
            continue
        for key, names in HEADER_CELLS.items():
            if key not in columns and (
                cell in names or bare in names or (key == "name" and index == first)
            ):
                columns[key] = index
                break
    if len(columns) < 4 or not any(key in columns for key in PERFORMANCE_COLUMNS):
        return None
    if outcome_header(cells) is not None:
        return None  # a self-evaluation's or a monitoring table's header
    for key, index in headed_columns(stripped, columns).items():
        columns[key] = index
    return columns


_TOTAL_HEADS = ("合计", "资金合计", "金额总计")
"""Other names of the total's column in a header row (``项目名称 | 合计 |
财政拨款 | …``). Not among :data:`HEADER_CELLS`' names, which are also the
pieces of a header wrapped over lines in extracted text: there 合计 begins
the grand total's row."""

_HEADER_UNIT_RE = re.compile(r"[（(](万元|元)[)）]$")
_HEADER_NOTE_RE = re.compile(r"[（(][^（()）]*[)）]$")
"""A bracketed note at the end of a header cell (``（含转移支付）``, ``（年度）``,
``（一级指标；二级指标；三级指标；指标值）``)."""
_ADJUSTMENT_NOTE_RE = re.compile(r"调整|原")
"""A note naming a side of an adjustment table (``（调整前）``, ``（原）``): the
column is that side's, not the column itself, and keeps its note."""
_HEADER_MARKS = "。．.：:；;，,、*＊"
"""Marks a header cell may end with (``绩效指标。``, ``绩效目标：``, the ``*`` of
a required column)."""


def column_word(cell: str) -> str:
    """A header cell's column name without the marks and the bracketed note
    a table adds after it (``绩效指标。``, ``绩效指标（含转移支付）``,
    ``绩效目标（年度）`` are 绩效指标, 绩效指标, 绩效目标). A note naming an
    adjustment's side says which: ``绩效目标（调整后）`` is 调整后绩效目标 (the
    side read), ``绩效目标（调整前）`` is kept whole (no column read). ``cell``
    is unspaced."""
    word = cell.rstrip(_HEADER_MARKS)
    while (note := _HEADER_NOTE_RE.search(word)) is not None and note.start() > 0:
        if _ADJUSTMENT_NOTE_RE.search(note.group()):
            if note.group()[1:-1] == _ADJUSTED:
                return _ADJUSTED + word[: note.start()].rstrip(_HEADER_MARKS)
            break
        word = word[: note.start()].rstrip(_HEADER_MARKS)
    return word


_ADJUSTED = "调整后"


_HEAD_WORDS = {"goal": ("目标",), "indicators": ("指标", "指标值")}
"""The last word of a header cell that names what its column holds, when
the cell is no column name the tool knows (``三级指标及指标值``: the
indicators; ``绩效目标及指标``: indicators too): a Chinese compound names
its kind last, so ``绩效指标说明`` (a 说明) or ``绩效目标完成情况`` (an outcome)
is no such column."""
_HEAD_CELL_CHARS = 16
"""A header cell named by its last word is short: a longer cell is prose."""
_PERFORMANCE_NAMES = ("绩效目标", "绩效指标")
"""The goal and indicator columns' names."""
MENTIONS_COLUMN_RE = re.compile("|".join(_PERFORMANCE_NAMES))
"""A header cell that mentions the goal or the indicators."""


def headed_columns(stripped: Sequence[str], columns: dict[str, int]) -> dict[str, int]:
    """The goal or indicator column a header (``stripped``: its cells without
    spaces or markup, :func:`header_columns` found ``columns`` in) names by
    no name the tool knows but by its last word (:data:`_HEAD_WORDS`): the
    one cell so named, in a header that names no such column already. Two
    cells naming the kind (``一级指标 | 二级指标``, ``指标名称 | 指标值``: a
    grid's) name none, nor does a cell naming an adjustment's side
    (``调整前绩效目标``). A cell that names a column the tool knows and then
    what it says of it (``绩效指标说明``, ``绩效目标完成情况``) is about that
    column, no second candidate: ``三级指标及指标值`` beside ``绩效指标说明`` is
    the indicators."""
    taken = set(columns.values())
    found: dict[str, int] = {}
    for key, heads in _HEAD_WORDS.items():
        if key in columns:
            continue
        words = {
            index: word
            for index, cell in enumerate(stripped)
            if index not in taken
            and heads[0] in cell
            and not _about_column(word := column_word(_HEADER_UNIT_RE.sub("", cell)), heads)
        }
        if len(words) != 1:
            continue  # none, or a grid's 一级指标 | 二级指标, 指标名称 | 指标值
        ((index, word),) = words.items()
        if (
            len(word) <= _HEAD_CELL_CHARS
            and word.endswith(heads)
            and _ADJUSTMENT_NOTE_RE.search(word) is None  # 调整前绩效目标: superseded
        ):
            found[key] = index
            taken.add(index)
    return found


def _about_column(word: str, heads: tuple[str, ...]) -> bool:
    """Whether a header cell's word begins with a column name the tool knows
    and goes on with what it says of that column, naming no column of the
    kind by its last word (``绩效指标说明``, ``绩效目标完成情况``; not
    ``绩效指标及指标值``)."""
    return word.startswith(_PERFORMANCE_NAMES) and not word.endswith(heads)


_UNREAD_CELL_CHARS = 40
"""A header cell is short: a longer cell on a header row is text a page
break left there (a PDF's row split under the repeated header)."""


def unread_header_cells(cells: Sequence[str], columns: dict[str, int]) -> list[tuple[int, str]]:
    """The cells of a header row that mention the goal or the indicators
    (绩效目标, 绩效指标) but head no column read (``绩效指标说明`` beside
    绩效指标, ``绩效目标完成情况``), by index, unspaced: a column left unread,
    for a note. The superseded side of an adjustment table (``调整前绩效目标``)
    is left unread by design: no such cell."""
    taken = set(columns.values())
    unread: list[tuple[int, str]] = []
    for index, cell in enumerate(cells):
        text = _bare(cell)
        if (
            index not in taken
            and len(text) <= _UNREAD_CELL_CHARS  # longer: cell text, not a header's
            and MENTIONS_COLUMN_RE.search(text)
            and _ADJUSTMENT_NOTE_RE.search(text) is None  # 调整前绩效目标: left by design
        ):
            unread.append((index, text))
    return unread


def named_column(cell: str, key: str) -> bool:
    """Whether a header cell names the column ``key`` by a name the tool
    knows (else by its last word, :func:`headed_columns`)."""
    text = _HEADER_UNIT_RE.sub("", _bare(cell))
    return text in HEADER_CELLS[key] or column_word(text) in HEADER_CELLS[key]


def header_unit(cells: Sequence[str]) -> str | None:
    """The amount unit the header's amount cells name (``总计（元）``); one
    cell naming it is enough, the other amounts share it. None when they
    name none, or two."""
    units = {
        match.group(1)
        for cell in cells
        if (match := _HEADER_UNIT_RE.search(cell.strip().replace(" ", ""))) is not None
    }
    return units.pop() if len(units) == 1 else None


_ADJUSTMENT_MARKS = {"调整前": "before", "原": "before", "调整后": "after"}


def _adjustment_mark(cell: str) -> str | None:
    return _ADJUSTMENT_MARKS.get(MARKUP_RE.sub("", cell).strip().replace(" ", "").rstrip("：:"))


def adjustment_marks(cells: Sequence[str], header: Sequence[str] = ()) -> bool:
    """Whether a row holds nothing but the sub-header of an adjustment
    table's column pairs (``调整前 | 调整后`` under 绩效目标 or 绩效指标);
    cells that repeat the ``header`` row's above (merged down over both
    rows) do not count."""
    marks = [
        _adjustment_mark(cell)
        for at, cell in enumerate(cells)
        if cell.strip() and not (at < len(header) and cell == header[at])
    ]
    return "after" in marks and None not in marks


def adjusted_columns(
    columns: dict[str, int], below: Sequence[str], header: Sequence[str] = ()
) -> dict[str, int] | None:
    """The columns of a header over a row of ``调整前 | 调整后`` marks (a
    绩效目标调整表): each column split so is read on its 调整后 side, never
    the superseded 调整前 one. None when ``below`` is no such row."""
    if not adjustment_marks(below, header):
        return None
    adjusted = dict(columns)
    for key, at in columns.items():
        if at >= len(below) or _adjustment_mark(below[at]) != "before":
            continue
        after = next(
            (i for i in range(at + 1, min(len(below), at + 3)) if _adjustment_mark(below[i])),
            None,
        )
        if after is not None and _adjustment_mark(below[after]) == "after":
            adjusted[key] = after
        else:
            del adjusted[key]  # only the superseded side: never read
    return adjusted


GROUP_LABEL_RE = re.compile(rf"{spaced('资金来源')}(?:[（(]万?元[)）])?|{spaced('其中')}[：:]?")
"""A header cell over the amount columns' own names on the row below (a
header on two rows: ``资金来源`` or ``其中：`` merged over 财政拨款 |
财政专户拨款 | 其他资金)."""
_SOURCES = ("fiscal", "special", "other", "carryover")


def grouped_columns(
    columns: dict[str, int], header: Sequence[str], below: Sequence[str]
) -> dict[str, int] | None:
    """The columns of a header on two rows as text gives it (no merged cell
    fills the rows): a group label (``资金来源``, ``其中：``) over the names of
    the sources of funds in ``below`` (财政拨款 | 财政专户拨款 | 其他资金), each
    under the label or a blank cell right of it, and nothing else in
    ``below`` but blanks or the header's own cells again. ``columns`` with
    the sources added; None when ``below`` is no such row."""
    groups = [
        at
        for at, cell in enumerate(header)
        if GROUP_LABEL_RE.fullmatch(unspaced(MARKUP_RE.sub("", cell).strip()))
    ]
    if not groups:
        return None
    under: set[int] = set()
    for at in groups:
        under.add(at)
        right = at + 1
        while right < len(header) and not header[right].strip():
            under.add(right)
            right += 1
    added = dict(columns)
    for at, cell in enumerate(below):
        text = unspaced(MARKUP_RE.sub("", cell).strip())
        if not text or (at < len(header) and text == unspaced(header[at].strip())):
            continue  # blank, or the header's own cell (merged down in a copy)
        key = next((k for k in _SOURCES if text in HEADER_CELLS[k]), None)
        if key is None or at not in under or key in added:
            return None
        added[key] = at
    return added if len(added) > len(columns) else None


def budget_header(cells: list[str]) -> bool:
    """Whether ``cells`` head a budget table of projects (a 项目支出表, a
    政府采购预算表): 项目名称 and two amount columns at least (a group label,
    ``资金来源``, over the sources on the row below counts as one), but no goal
    and no indicator column, so not a performance table."""
    if not cells or not names_project(cells[0]) or header_columns(cells) is not None:
        return False
    stripped = [unspaced(MARKUP_RE.sub("", c).strip()) for c in cells]
    if not stripped[0].startswith("项目名称"):
        return False
    amounts = {key for cell in stripped[1:] for key in AMOUNT_COLUMNS if cell in HEADER_CELLS[key]}
    if any(GROUP_LABEL_RE.fullmatch(cell) for cell in stripped[1:]):
        amounts.add("sources")  # 资金来源 (其中：) over the sources, on the row below
    return len(amounts) >= 2


# Words that head the columns of a budget table (收支总表, 支出总表,
# 基本支出表, 政府采购预算表 …) or of a 部门整体支出绩效目标表, never the
# cells of a performance table's project row.
_OTHER_HEADER_WORDS = (
    "科目编码",
    "科目名称",
    "预算数",
    "经济分类",
    "功能分类",
    "人员经费",
    "公用经费",
    "基本支出",
    "项目支出",
    "采购品目",
    "采购数量",
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "单位资金",
    "整体绩效目标",
    "部门（单位）名称",
    "一级指标",
    "二级指标",
    "三级指标",
)
_OTHER_HEADER_CELLS = frozenset({"收入", "支出", "项目", "合计"})
_OTHER_FORM_LABELS = ("部门（单位）名称", "部门(单位)名称", "部门名称", "年度主要任务")
_OTHER_HEADER_CELL_CHARS = 24


def other_table_header(cells: list[str]) -> bool:
    """Whether a row heads a table of another kind than the performance
    table: a budget table's header (``经济分类科目编码 | 经济分类科目名称 |
    合计 | 人员经费 | 公用经费``, ``收入 | 支出``, a 项目支出表's 项目名称 |
    总计 | 财政拨款 …), an indicator grid's (一级指标 | 二级指标 | 三级指标) or
    the first label of a 部门整体支出绩效目标表 (``部门（单位）名称 | …``). Two
    filled cells at least, none an amount, short, and two of them column
    words of such a table: a project row has amounts, or a goal."""
    if any(len(cell) > 4 * _OTHER_HEADER_CELL_CHARS for cell in cells):
        return False  # a goal or an indicator cell: a project's row (cheap to tell)
    if outcome_header(cells) is not None:
        return True  # a self-evaluation's or a monitoring table's header
    filled = [MARKUP_RE.sub("", cell).strip().replace(" ", "") for cell in cells]
    filled = [cell for cell in filled if cell]
    if len(set(filled)) < 2 or header_columns(cells) is not None:
        return False
    if budget_header(cells):
        return True
    if filled[0] in _OTHER_FORM_LABELS:
        return True
    if any(AMOUNT_RE.match(cell) for cell in filled):
        return False
    if any(len(cell) > _OTHER_HEADER_CELL_CHARS for cell in filled):
        return False
    words = sum(
        1
        for cell in set(filled)
        if cell in _OTHER_HEADER_CELLS or any(word in cell for word in _OTHER_HEADER_WORDS)
    )
    return words >= 2


# The heading of a part of a 部门预算公开 document (``第三部分　名词解释``,
# ``名词解释``, ``编制说明``): prose after the table, not a project.
_PART_HEADING_RE = re.compile(
    r"\s*(?:第[一二三四五六七八九十\d]{1,3}部分|[一二三四五六七八九十]{1,3}、)?\s*"
    r"(?:部门预算)?(?:名词解释|编制说明|部门预算表|附表|附件)\s*$"
)


def part_heading(cells: list[str]) -> bool:
    """Whether a row of one text is the heading of a part of a budget
    disclosure (``第三部分　名词解释``), after which no project stands."""
    filled = {cell.strip() for cell in cells if cell.strip()}
    return len(filled) == 1 and _PART_HEADING_RE.match(next(iter(filled))) is not None


def table_ends(rows: Sequence[Sequence[str]]) -> dict[int, int]:
    """Where a table of another kind begins below a performance table in the
    same grid or text (a sheet holding the whole 部门预算公开): for each row
    of it from its title down to its header row (:func:`other_table_header`),
    the header row's index. The rows of one cell just above that header (its
    title, 单位：万元) and blank rows belong to it, not to the last project.
    So does the heading of a part of the document (``第三部分　名词解释``):
    the prose after it is no project."""
    ends: dict[int, int] = {}
    header_at: int | None = None
    for index, values in enumerate(rows):
        cells = list(values)
        if header_columns(cells) is not None:
            header_at = index
            continue
        if header_at is None or not (other_table_header(cells) or part_heading(cells)):
            continue
        start = index
        while start - 1 > header_at and len({v.strip() for v in rows[start - 1]} - {""}) <= 1:
            start -= 1
        for at in range(start, index + 1):
            ends[at] = index
        header_at = None
    return ends


def tables_above(rows: Sequence[Sequence[str]]) -> range:
    """The rows of tables of another kind above the first performance header
    (a budget table copied with it: from its title down to the performance
    table's own title block, the rows of one cell right above its header),
    for a reader that reads rows before any header (a text excerpt); an
    empty range when there are none."""

    def one_cell(row: Sequence[str]) -> bool:
        return len({v.strip() for v in row} - {""}) <= 1

    first = next((i for i, row in enumerate(rows) if header_columns(list(row)) is not None), None)
    if first is None:
        return range(0)
    for index in range(first):
        if other_table_header(list(rows[index])):
            start = index
            while start > 0 and one_cell(rows[start - 1]):
                start -= 1
            end = first
            while end - 1 > index and one_cell(rows[end - 1]):
                end -= 1
            return range(start, end)
    return range(0)


BARE_PAGE_NUMBER = re.compile(r"\d{1,4}(?:\s*/\s*\d{1,4})?")
"""A page number without words or dashes (``3``, ``2/5``): also what a
name cell may hold alone."""
_PAGE_NUMBER_CELLS = 3
"""Cells a page number is split over at most (``第1页 | 共2页``)."""


def page_number_cells(cells: Sequence[str]) -> str | None:
    """What a row holding nothing but a printed page's number holds
    (``第 1 页，共 2 页``, ``— 第1页 —``, ``第1页 | 共2页`` split over up to
    three cells): ``"page"``, or ``"bare"`` for a number alone (``3``,
    ``2/5``), which is a page's only where the page ends
    (:func:`page_ends_before`); None for any other row."""
    texts = list(dict.fromkeys(cell.strip() for cell in cells if cell.strip()))
    if not texts or len(texts) > _PAGE_NUMBER_CELLS:
        return None
    text = " ".join(texts)
    if PAGE_NUMBER_RE.fullmatch(text) is None:
        return None
    return "bare" if BARE_PAGE_NUMBER.fullmatch(text) is not None else "page"


def page_ends_before(rows: Iterable[Sequence[str]]) -> bool:
    """Whether a page ends before ``rows`` (the rows after a bare page
    number): the next row with any text is the repeated header or a title
    line, or there is none."""
    for cells in rows:
        filled = [cell.strip() for cell in cells if cell.strip()]
        if not filled:
            continue
        if header_columns(list(cells)) is not None:
            return True
        return len(filled) == 1 and heading(Table(rows=[]), filled[0])
    return True


def heading(table: Table, line: str) -> bool:
    """Take a heading line (the title, 部门名称/单位名称, 单位：万元 or
    金额单位：元) into ``table``; True when ``line`` is one. Repeated page
    headings are skipped, and so is a ``续表`` mark."""
    if CONTINUED_MARK_RE.fullmatch(line):
        return True
    unit = stated_unit(line)
    if names_title(line):
        if WHOLE_DEPARTMENT_MARK not in line:  # another table's title, never this one's
            table.read_title(line)
            if unit is not None:  # …绩效目标表（单位：元）
                table.amount_unit = table.amount_unit or unit
        return True
    if unit is not None:
        table.amount_unit = table.amount_unit or unit
    name = organization_name(line)
    if name is not None:
        table.organization = table.organization or name or None
        if name:
            table.unit_headings.append((len(table.rows), name, table.take_title()))
        return True
    return UNIT_OF_MEASURE_RE.match(line) is not None


def stated_unit(line: str) -> str | None:
    """The amount unit (``万元`` or ``元``) a heading line states, alone
    (``金额单位：元``), after the organisation's name (``单位名称：某局
    单位：元``) or after the table's title (``…绩效目标表（单位：元）``);
    None when it states none. At the end of other text (an indicator's
    name, ``人均补助标准（单位：元）``) it is no heading's."""
    if "单位" not in line:
        return None
    match = UNIT_OF_MEASURE_RE.match(line)
    if match is None and (ORGANIZATION_RE.match(line) or names_title(line)):
        match = _UNIT_OF_MEASURE_TAIL.search(line.rstrip())
    return match.group(1) if match else None


SYMBOL_FONT: dict[int, str] = {
    0x22: "∀",
    0x24: "∃",
    0x27: "∋",
    0x2A: "∗",
    0x2D: "−",
    0x40: "≅",
    0x5C: "∴",
    0x5E: "⊥",
    0x7E: "∼",
    0xA2: "′",
    0xA3: "≤",
    0xA5: "∞",
    0xAB: "↔",
    0xAC: "←",
    0xAD: "↑",
    0xAE: "→",
    0xAF: "↓",
    0xB0: "°",
    0xB1: "±",
    0xB2: "″",
    0xB3: "≥",
    0xB4: "×",
    0xB5: "∝",
    0xB6: "∂",
    0xB7: "•",
    0xB8: "÷",
    0xB9: "≠",
    0xBA: "≡",
    0xBB: "≈",
    0xBC: "…",
    0xD6: "√",
    0xD7: "⋅",
    0xD8: "¬",
    0xD9: "∧",
    0xDA: "∨",
}
"""The Symbol font's characters that stand for something other than
themselves, by their code in the font (the Adobe Symbol encoding, as the
Unicode Consortium maps it in ``SYMBOL.TXT``): what a ≥ or ≤ inserted with
Word's 插入 › 符号 shows (Word stores ``F0B3`` or ``B3``; its web-page export
the character ``³``)."""


def states_targets(rows: Sequence[Sequence[str | None]]) -> bool:
    """Whether a table's top rows name performance targets (绩效目标, 绩效指标,
    一级指标 …): the table whose amount unit a later part of it, split at a
    page break, goes on in. A budget or revenue table (收支总表) beside the
    performance table names none, and its unit is its own."""
    return any(
        cell is not None and ("绩效" in cell or "指标" in cell) for row in rows[:6] for cell in row
    )


# A note or signature under the table starts with its label: 注, 说明, 备注,
# 填报说明 …; 填报人, 审核人, 负责人, 联系电话, 填报日期 … (a label ending in a
# note word, or naming a person, a phone or a date), or the act signed for
# (审核：, 复核：), then a colon.
_NOTE_LABEL_RE = re.compile(
    r"\s*(?:[^\W\d_]{0,3}(?:注|说明)|备注"
    r"|[^\W\d_]{0,4}(?:人|电话|手机|日期|时间|方式|签字|签名|盖章|审核|复核|审批))"
    r"\s*(?:[（(]\s*(?:\d{1,2}|签字|签名|盖章)\s*[)）]\s*|\d{1,2}\s*)?[：:]"
)

# The same signature labels written without a colon, alone in their cell with
# the value in the next (填报人 | 王晓燕 | 联系电话 | 83345678), as a form writes
# its other labels: only the roles a signature names, so that an indicator's
# name (受益人) is never taken for one.
_ROLE_LABEL_RE = re.compile(
    r"\s*(?:(?:填报|填表|制表|经办|审核|复核|联系|(?:单位|部门|财务|项目)?负责)人"
    r"|联系电话|联系方式|(?:填报|填表|制表)日期)"
    r"\s*(?:[（(]\s*(?:签字|签名|盖章)\s*[)）])?\s*"
)


def note_label(text: str) -> bool:
    """Whether ``text`` starts with the label of a note or signature line
    (``注：``, ``说明：``, ``填报人：``, ``联系电话：``, ``填报日期：``)."""
    return _NOTE_LABEL_RE.match(text) is not None


def role_label(text: str) -> bool:
    """Whether ``text`` is, all of it, a signature's label written without a
    colon (``填报人``, ``联系电话``, ``单位负责人（签字）``)."""
    return _ROLE_LABEL_RE.fullmatch(text) is not None


def note_row(cells: list[str], columns: dict[str, int]) -> bool:
    """Whether a row is a note or signature written under the table, in one
    cell or spread over a few (``填报人：李晓明 | | 联系电话：020-…``): its first
    filled cell (the name cell, or a later one when the name cell is blank)
    starts with such a label, no amount column holds a number (but the value
    of a label in the cell before it, ``联系电话： | 83345678``), and its
    indicator cell, unless it repeats the first (a note merged across the
    row), holds no clause. Only rows after the last project are notes: the
    readers drop them there (see :func:`drop_trailing_notes`)."""
    first = next((cell.strip() for cell in cells if cell.strip()), "")
    if not first or not note_label(first):
        return False
    for key in AMOUNT_FIELDS:
        at = columns.get(key)
        if at is None or at >= len(cells):
            continue
        value = cells[at].replace(" ", "")
        if value in _BLANK_AMOUNTS or not AMOUNT_RE.match(value):
            continue
        before = next((c.strip() for c in reversed(cells[:at]) if c.strip()), "")
        if not before.endswith(("：", ":")):
            return False
    at = columns.get("indicators")
    if at is not None and at < len(cells):
        indicators = cells[at].strip()
        if indicators and indicators != first and _clause_cell(indicators):
            return False
    return True


def states_amounts(cells: Sequence[str], columns: dict[str, int]) -> bool:
    """Whether a row states amounts of its own: an amount column holds a
    number. A row cut by a page break prints its amounts on its first part
    only, so a row without a name that states amounts is no rest of the row
    above: it is a row of its own whose name was left out."""
    for key in AMOUNT_FIELDS:
        at = columns.get(key)
        if at is None or at >= len(cells):
            continue
        value = CURRENCY_SIGN_RE.sub(r"\1", cells[at].replace(" ", "").translate(FULL_WIDTH_NUMBER))
        if value not in _BLANK_AMOUNTS and AMOUNT_RE.match(value):
            return True
    return False


def unnamed_row(cells: Sequence[str], columns: dict[str, int]) -> bool:
    """Whether a row is a row of its own with its name left out: the name
    cell blank, amounts stated (:func:`states_amounts`), and no note or
    signature under the table (``填报人： | 联系电话： | 83345678``)."""
    name = columns.get("name", 0)
    return (
        name < len(cells)
        and not cells[name].strip()
        and states_amounts(cells, columns)
        and not note_row(list(cells), columns)
    )


def _clause_cell(text: str) -> bool:
    """Whether a cell holds indicator clauses: it starts with one (``1、1-产出
    指标；``), or with a clause number and has a value keyword."""
    return clause_start(text) is not None or (clause_number(text) is not None and has_keyword(text))


_CELL_ENDS = ("。", "；", ";", ".", "！", "!")


def ends_cell(row: Row) -> bool:
    """Whether the row's last cell (its indicators, else its goal) is complete:
    it ends a sentence or a clause, so a note's line after it does not
    continue it."""
    cell = row.indicators if row.indicators is not None else row.goal
    return cell is not None and cell.value.rstrip().endswith(_CELL_ENDS)


class CellAppends:
    """Text appended to rows' goal and indicator cells (a cell continued over
    many lines or rows), joined when the reading is done: each line costs
    time in proportion to itself, not to the cell so far, so a cell carried
    over many thousand rows reads in time proportional to its length.

    Until :meth:`close`, an extended cell's attribute holds its text as it
    stood when first extended (so whether it is None does not change); ask
    :meth:`ends_cell` rather than :func:`ends_cell` about such a row."""

    __slots__ = ("_open",)

    def __init__(self) -> None:
        self._open: dict[tuple[int, str], tuple[Row, str, TextBuilder]] = {}

    def append(self, row: Row, field: str, text: Text) -> None:
        """Add ``text`` at the end of ``row``'s ``field`` cell."""
        key = (id(row), field)
        entry = self._open.get(key)
        if entry is None:
            builder = TextBuilder(text.source)
            current: Text | None = getattr(row, field)
            if current is not None:
                builder.add_text(current)
            builder.add_text(text)
            setattr(row, field, builder.build())
            self._open[key] = (row, field, builder)
        else:
            entry[2].add_text(text)

    def ends_cell(self, row: Row) -> bool:
        """:func:`ends_cell` of ``row``, its pending text included."""
        field = "indicators" if row.indicators is not None else "goal"
        entry = self._open.get((id(row), field))
        if entry is None:
            return ends_cell(row)
        return entry[2].rstripped_end().endswith(_CELL_ENDS)

    def close(self) -> None:
        """Give every extended cell its whole text."""
        for row, field, builder in self._open.values():
            setattr(row, field, builder.build())
        self._open.clear()


def drop_trailing_notes(rows: list[Row], notes: set[int], start: int = 0) -> None:
    """Remove from ``rows[start:]`` the note rows (by ``id``) after its last
    other row: notes and signatures under the table are no projects. A
    note-like row with a project after it is left as it is. A removed row's
    ``id`` leaves ``notes`` too: a row read later may be given the same id."""
    while len(rows) > start and id(rows[-1]) in notes:
        notes.discard(id(rows.pop()))


def organization_name(line: str) -> str | None:
    """The name on a 部门名称/单位名称 heading line (``""`` when blank), or
    None when ``line`` is not one; a trailing ``单位：万元``, or another label
    after it (``项目数：2``, ``单位负责人：…``), is not part of it."""
    match = ORGANIZATION_RE.match(line)
    if match is None:
        return None
    name = line[match.end() :].strip()
    if match.group(1) == "单位" and not is_organization_name(name.split()[0] if name else ""):
        return None  # 单位：万元 (the amounts' unit), not 单位：某市自然资源局本级
    tail = _UNIT_OF_MEASURE_TAIL.search(name)
    if tail is not None:
        name = name[: tail.start()].rstrip()
    label = _LABEL_AFTER_NAME.search(name)
    if label is not None:  # 某区民政局本级   项目数：2, 某所   单位负责人：张某
        name = name[: label.start()]
    return name


_LABEL_AFTER_NAME = re.compile(r"(?<!\s)\s+[^\W\d_]{2,8}[：:]")
"""Another label after an organisation's name on its heading line: the name
ends before it. A run of white space is tried from its start only, so a long
blank in the line is read once, not once for each of its characters."""


_LINE_BREAK = re.compile(r"[^\S\n\r]*[\r\n]+\s*")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef（）【】《》“”]")


def one_line(text: Text) -> Text:
    """A name wrapped inside its cell (``老年人健康`` / ``体检经费``, typed with
    Alt+Enter or wrapped by an export) on one line, as DOMAIN reads wrapped
    text: no space where the break stands between Chinese characters or
    after a hyphen (``Wi-`` / ``Fi``), one space between Latin words
    (``Smart`` / ``City``; ``GIS`` / ``平台``: none)."""
    if "\n" not in text.value and "\r" not in text.value:
        return text
    value = text.value
    builder = TextBuilder(text.source)
    position = 0
    for match in _LINE_BREAK.finditer(value):
        builder.add_text(text.slice(position, match.start()))
        before = value[match.start() - 1 : match.start()]
        after = value[match.end() : match.end() + 1]
        if before and after and not (_WIDE.match(before) or _WIDE.match(after) or before in "-/"):
            builder.add(" ", text.origin(match.start()))
        position = match.end()
    builder.add_text(text.slice(position))
    return builder.build()


def unit_row(name: Text, line: int, heading: str | None = None) -> Row:
    """A unit the table names without a subtotal row: a national form's
    实施单位 or a list's 单位名称, a ``单位名称：…`` heading above one of
    several tables. Its unit is implicit (no amounts of its own) but named;
    ``heading`` is the title above its table."""
    row = Row(name, Amounts(), None, None, line, kind="unit", indicator_cells=[])
    row.heading = heading
    return row


def units_from_headings(table: Table) -> None:
    """Several tables in one file (sheets, Word or web tables), each under its
    own ``单位名称：…`` heading: the heading that stands directly above a table
    names the unit of its projects. When the headings name two units or more,
    a unit row (:func:`unit_row`) goes before the first row read after each
    heading that names another unit than the one before; a heading repeated
    with the same name, or one file under one heading, changes nothing (its
    projects stay in the unit that stands for the table's organisation).
    Several headings before one row (部门名称 over 单位名称): the last names it.
    A heading right above a unit row of the grid names no projects of its own
    (:func:`assemble` leaves such a unit out)."""
    rows = table.rows
    marks = {at: (name, title) for at, name, title in table.unit_headings if at < len(rows)}
    for at, (named_unit, _) in marks.items():
        _named_unit_row(rows, at, named_unit)
    if len({name for name, _ in marks.values()}) < 2:
        return
    named: list[Row] = []
    current: str | None = None
    for index, row in enumerate(rows):
        name, title = marks.get(index, (None, None))
        if name is not None and name != current:
            current = name
            name_text = Text(name, row.name.source, ((0, 0),))
            named.append(unit_row(name_text, row.line, title))
        named.append(row)
    rows[:] = named


def _named_unit_row(rows: list[Row], at: int, name: str) -> None:
    """The first row under a ``单位名称：…`` heading (after the table's 合计)
    that bears the heading's name and has amounts only is that unit's row,
    whether or not its projects add up to it: a mistyped subtotal is for
    ``subtotal-mismatch`` to report on its line, not a reason to take the
    unit for a project of the unit before."""
    for row in rows[at:]:
        if row.kind is not None or row.goal or row.indicators:
            return
        value = row.name.value.replace(" ", "")
        if value in GRAND_TOTAL_NAMES:
            continue
        if value == name.replace(" ", "") and row.amounts.value("total") is not None:
            row.kind = "unit"
        return


def skipped_heading(table: Table, cells: Sequence[str]) -> None:
    """While the rows of a table of another kind are passed over, a line of
    one cell that is the next performance table's title or its ``单位名称：…``
    heading is still taken: it names the unit of the rows read after it."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    if len(filled) == 1 and (names_title(filled[0]) or organization_name(filled[0])):
        heading(table, filled[0])


PROMPT_NUMBER = r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[：:]"
_GOAL_PROMPT_RE = re.compile(rf"(?:^|(?<=[\s；;。，,：:]))(?:年度|中期|实施期)?目标{PROMPT_NUMBER}")


def without_goal_prompts(goal: Text) -> Text:
    """A goal cell without the template's numbered prompts (``目标1：``
    ``目标2：`` ``目标3：``, each at the start of a line or after a
    separator): the text written after them, stripped; empty when the cell
    holds the prompts only (a goal not written)."""
    found = list(_GOAL_PROMPT_RE.finditer(goal.value))
    if not found:
        return goal
    builder = TextBuilder(goal.source)
    start = 0
    for match in found:
        builder.add_text(goal.slice(start, match.start()))
        start = match.end()
    builder.add_text(goal.slice(start))
    text = builder.build() if len(builder) else goal.slice(0, 0)
    return text.strip()


def row_from_cells(
    texts: dict[str, Text], markup: list[Markup], line: int, unnamed: bool = False
) -> Row | None:
    """A row from its cleaned cells by column name; None without a name,
    unless ``unnamed`` (a row of its own whose name was left out,
    :func:`unnamed_row`: its name is its blank name cell)."""
    name = texts.get("name")
    if name is None or (not name.value and not unnamed):
        return None
    name = one_line(name)  # a name wrapped inside its cell
    goal = texts.get("goal")
    goal = None if goal is None else without_goal_prompts(goal)
    indicators = texts.get("indicators")
    return Row(
        name=name,
        amounts=amounts_from(texts),
        goal=goal if goal else None,
        indicators=indicators if indicators else None,
        line=line,
        markup=markup,
    )


def row_text(cells: list[Text]) -> Text | None:
    """The non-blank cells of a row as one text, joined with nothing between
    them (cell text no row owns, kept for the ``orphan-text`` rule)."""
    filled = [cell for cell in cells if cell.value.strip()]
    if not filled:
        return None
    builder = TextBuilder(filled[0].source)
    for cell in filled:
        builder.add_text(cell.strip())
    return builder.build()


def clean_cell(source: Source, start: int, raw: str) -> tuple[Text, list[Markup]]:
    """The text of a cell standing at ``start`` with markup removed (and
    recorded), surrounding white space trimmed."""
    if "<" not in raw and "&" not in raw:
        return Text(raw, source, ((0, start),)).strip(), []
    builder = TextBuilder(source)
    markup: list[Markup] = []
    add_without_markup(builder, raw, start, markup)
    return builder.build().strip(), markup


def add_without_markup(builder: TextBuilder, raw: str, start: int, markup: list[Markup]) -> None:
    """Add ``raw``, standing at ``start`` in the builder's source, to
    ``builder`` with its markup removed (an entity becomes its character),
    and each piece of markup removed to ``markup``."""
    source = builder.source
    position = 0
    for match in MARKUP_RE.finditer(raw):
        builder.add(raw[position : match.start()], start + position)
        token = match.group()
        replacement = _ENTITIES.get(token, "")
        if token.startswith("&#"):
            try:
                replacement = chr(int(token[2:-1]))
            except (ValueError, OverflowError):
                replacement = ""
            if "\ud800" <= replacement <= "\udfff":  # a lone surrogate is no character
                replacement = "\ufffd"
        if replacement:
            builder.add(replacement, start + match.start())
        markup.append(Markup(token, source.span(start + match.start(), start + match.end())))
        position = match.end()
    builder.add(raw[position:], start + position)


FULL_WIDTH_NUMBER = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
"""The full-width digits and signs an amount typed in a full-width input mode
holds (``１５．１０``): the same number."""
CURRENCY_SIGN_RE = re.compile(r"^(-?)[¥￥]")
"""The yuan sign a currency format shows before an amount (``¥80.00``,
``-¥80.00``): the amount is the number after it."""


def parse_amount(text: Text) -> Amount | None:
    """An amount cell; ``None`` when blank. Thousands separators are allowed;
    anything that is not a number keeps ``value=None`` for the format rule."""
    raw = text.value.replace(" ", "")
    if raw in _BLANK_AMOUNTS:
        return None
    if "¥" in raw[:2] or "￥" in raw[:2]:  # ¥80.00, as a currency format shows it
        raw = CURRENCY_SIGN_RE.sub(r"\1", raw)
    if not raw.isascii():  # typed with a full-width IME: １５．１０
        raw = raw.replace("\u3000", "").translate(FULL_WIDTH_NUMBER)
        if raw.endswith("万元") and raw[-3:-2].isdigit():
            raw = raw[:-2]  # the table's unit written in the cell: 240.95万元
    if AMOUNT_RE.match(raw):
        try:
            return Amount(text, Decimal(raw.replace(",", "")))
        except InvalidOperation:
            pass
    return Amount(text, None)


_DECIMAL_COMMA_RE = re.compile(r"^-?\d+,\d\d$")
"""An amount written with a decimal comma and two decimals (``1250,00``):
in a ``;``-separated CSV, as a spreadsheet in such a locale saves it."""
_YUAN_PER_WAN = 4


def read_decimal_commas(rows: Sequence[Row]) -> None:
    """Read the amounts of a ``;``-separated CSV with decimal commas when the
    file writes them so: some amount cell writes a comma and exactly two
    digits after it (``1250,00``), and no amount cell writes a dot. Decided
    once for the whole file, never cell by cell: those cells are read as
    decimals (1250.00), and any other cell keeps its reading (``1,250`` in
    the same file stays what it was). A file of ``,``-separated fields never
    comes here: a comma is its delimiter, and in a cell a thousands
    separator."""
    amounts = [
        found for row in rows for found in (*row.amounts, row.term_total) if found is not None
    ]
    texts = [found.text.value.replace(" ", "") for found in amounts]
    if any("." in text for text in texts):
        return
    if not any(_DECIMAL_COMMA_RE.match(text) for text in texts):
        return
    for row in rows:
        row.amounts = Amounts(*(_decimal_comma(found) for found in row.amounts))
        row.term_total = _decimal_comma(row.term_total)


def _decimal_comma(found: Amount | None) -> Amount | None:
    """An amount cell read with a decimal comma when it writes one
    (:data:`_DECIMAL_COMMA_RE`), in the unit it is printed in; any other
    cell as it was."""
    if found is None or _DECIMAL_COMMA_RE.match(found.text.value.replace(" ", "")) is None:
        return found
    value = Decimal(found.text.value.replace(" ", "").replace(",", "."))
    if found.unit == "元":
        value = value.scaleb(-_YUAN_PER_WAN)
    return Amount(found.text, value, found.unit, decimal_comma=True)


def amounts_from(cells: dict[str, Text]) -> Amounts:
    return Amounts(**{c: parse_amount(cells[c]) for c in AMOUNT_FIELDS if c in cells})


# Names of 资金使用单位: the unit rows of a table are organisations.
_ORGANIZATION_WORDS = (
    "局|厅|委|委员会|办公室|办|中心|院|学院|学校|大学|中学|小学|幼儿园|医院|馆|站|所|队|处|部|社|会|"
    "公司|集团|政府|街道|街道办事处|镇|乡"
)
ORGANIZATION_NAME_RE = re.compile(rf"(?:{_ORGANIZATION_WORDS})(?:（[^）]*）|\([^)]*\))?$")
_ENDS_WITH_WORD = re.compile(rf"(?:{_ORGANIZATION_WORDS})$")
_OWN_LEVEL = ("本级", "机关")
"""What follows an organisation's name for its own budget, not its
subordinate units' (``某区民政局本级``, ``某局机关``, ``某局机关本级``); alone
(``本级``), the department's own."""


def is_organization_name(name: str) -> bool:
    """Whether ``name`` ends with an organisation word, maybe followed by one
    bracketed remark (``广州市某中心（本级）``) or by 本级/机关 (``某区民政局本级``):
    what :data:`ORGANIZATION_NAME_RE` matches, tried only where a remark can
    open, so a name full of brackets takes linear time (a search would rescan
    to the end from each one)."""
    own = name
    while own.endswith(_OWN_LEVEL):
        own = own[:-2]
    if own != name:
        return not own or is_organization_name(own)
    if ORGANIZATION_NAME_RE.search(name[-_LONGEST_WORD - 1 :]) is not None:
        return True  # ends with the word itself (no remark)
    for opening, closing in (("（", "）"), ("(", ")")):
        if not name.endswith(closing):
            continue
        inner_start = name.rfind(closing, 0, len(name) - 1) + 1
        at = name.find(opening, inner_start, len(name) - 1)
        while at != -1:
            if _ENDS_WITH_WORD.search(name[max(0, at - _LONGEST_WORD) : at]) is not None:
                return True
            at = name.find(opening, at + 1, len(name) - 1)
    return False


_LONGEST_WORD = 5
"""Characters of the longest organisation word (街道办事处)."""


def classify(rows: list[Row]) -> list[str]:
    """The kind of each row: ``total``, ``unit`` or ``project``.

    A reader that knows (the PDF layout, by indentation) sets ``Row.kind``.
    Otherwise a row is the grand total when it is named 合计, a project when
    it has a goal or indicators, and when it has neither it is a unit row
    (资金使用单位) only if it stands for the rows after it: their totals add up
    to its 总计 within rounding, or, when they do not (a wrong subtotal is
    for the amount rules to report), its name is an organisation's. A
    project whose goal and indicators are both still empty is thus not
    mistaken for a unit, and a unit keeps such a project among its own.
    """
    kinds: list[str | None] = [row.kind for row in rows]
    for index, row in enumerate(rows):
        if kinds[index] is not None:
            continue
        if row.name.value.replace(" ", "") in GRAND_TOTAL_NAMES and not row.indicators:
            kinds[index] = "total"
        elif row.goal or row.indicators:
            kinds[index] = "project"
    for index in range(len(rows)):
        if kinds[index] is None:
            kinds[index] = "unit" if _stands_for_rows_after(rows, kinds, index) else "project"
    return [kind or "project" for kind in kinds]


def _stands_for_rows_after(rows: list[Row], kinds: list[str | None], index: int) -> bool:
    """Whether an amounts-only row is the subtotal of the rows after it: the
    总计 of the next rows, up to a row that may start the next unit, add up
    to its 总计 within rounding (0.005 per part and one for the total).

    Only the next :data:`_MAX_BOUNDARIES` rows that may start a unit are
    tried, with running sums, so a table of thousands of amounts-only rows
    is classified in linear time; a unit is never followed by that many
    projects without goal and indicators before its own projects add up.
    """
    total = rows[index].amounts.value("total")
    if total is not None:
        running = Decimal(0)
        following = len(rows) - index - 1
        boundaries = 0
        for offset in range(1, following + 1):
            later = rows[index + offset]
            if kinds[index + offset] == "total":
                break
            running += later.amounts.value("total") or Decimal(0)
            boundary = offset == following or kinds[index + offset + 1] != "project"
            if not boundary:
                continue
            if abs(total - running) <= Decimal("0.005") * (offset + 1):
                return True
            boundaries += 1
            if boundaries >= _MAX_BOUNDARIES:
                break
    return is_organization_name(rows[index].name.value.strip())


_MAX_BOUNDARIES = 64


def cell_over_limits(text: str) -> tuple[str, int] | None:
    """Why an indicator cell is too large to parse into clauses: ``("length",
    characters)`` or ``("clauses", count)``; None when it is not. Such a cell
    is left unparsed and the ``cell-too-large`` rule reports it."""
    if len(text) > MAX_CELL_CHARS:
        return "length", len(text)
    if text.count("、") + text.count(".") + text.count("．") <= MAX_CLAUSES_PER_CELL:
        return None  # each clause number ends with one of these: 1、 2. 3．
    count = len(clause_numbers(text))  # every clause, and every stretch, has one
    if count > MAX_CLAUSES_PER_CELL:
        return "clauses", count
    return None


def _total_ranges(totals: list[GrandTotal], count: int, shift: int) -> list[GrandTotal]:
    """The units each 合计 sums in a file of several tables. ``totals`` hold
    the index of the unit after each (``units[0]``) among ``count`` units,
    before ``shift`` units were put first (the projects above any unit row).
    A 合计 above its units (the Guangzhou order: at the top of each table)
    sums those down to the next 合计; one below them (the foot of each table)
    sums those up from the 合计 before. One 合计 sums all units."""
    if len(totals) < 2:
        return [t._replace(units=None) for t in totals]
    marks = [0 if t.units is None else t.units[0] + shift for t in totals]
    marks[0] = 0 if marks[0] <= shift else marks[0]
    if marks[-1] >= count and marks[0] > 0:  # at the foot of each table
        bounds = list(zip([0, *marks[:-1]], marks, strict=True))
    else:  # at the top of each table
        bounds = list(zip(marks, [*marks[1:], count], strict=True))
    return [
        t._replace(units=(start, max(start, end)))
        for t, (start, end) in zip(totals, bounds, strict=True)
    ]


def assemble(
    source: Source,
    layout: Layout,
    rows: list[Row],
    title: str | None,
    organization: str | None,
    leading: tuple[Text, ...] = (),
) -> Document:
    """Classify rows into the grand total, units and projects.

    Rows whose kind the reader did not settle are classified by
    :func:`classify`. Projects before the first unit row belong to an
    implicit unit named after the table's organisation (``named`` False). ``leading`` is cell
    text before any row that could own it (see ``Document.orphans``).
    Indicator cells stay
    text: the parse stage (:func:`audit.parsing.parse_document`) reads them.
    """
    units: list[Unit] = []
    current: tuple[Row, list[Project]] | None = None
    orphans: list[Project] = []

    def close() -> None:
        if current is not None:
            row, projects = current
            # A unit the table names without a subtotal row (see unit_row).
            implicit = row.indicator_cells is not None
            if implicit and not projects:
                return  # a heading right above another unit's row names no projects
            unit = Unit(row.name, row.amounts, tuple(projects), row.line, tuple(row.markup))
            if implicit:
                unit = unit._replace(implicit=True, heading=row.heading)
            units.append(unit)

    totals: list[GrandTotal] = []  # each table's 合计, its first unit's index in ``units``
    for row, kind in zip(rows, classify(rows), strict=True):
        if kind == "total":
            # The unit still open belongs to the table before: this 合计 sums
            # the units from the next one on.
            after = len(units) + (current is not None)
            totals.append(GrandTotal(row.name, row.amounts, row.line, (after, after)))
            continue
        if kind == "unit":
            close()
            current = (row, [])
            continue
        project = Project(
            row.name,
            row.amounts,
            row.goal,
            row.indicators,
            (),
            row.line,
            tuple(row.markup),
            row.term,
            tuple(row.indicator_cells or ()),
            row.period_goal,
            row.sources_partial,
            row.term_total,
            row.plans,
            row.total_column,
        )
        if current is None:
            orphans.append(project)
        else:
            current[1].append(project)
    close()
    if orphans:
        first = orphans[0]
        name = organization or ""
        implicit = Unit(
            Text(name, source, ((0, 0),)),
            Amounts(),
            tuple(orphans),
            first.line,
            implicit=True,
            named=False,
        )
        units.insert(0, implicit)
    totals = _total_ranges(totals, len(units), 1 if orphans else 0)
    total = totals[0] if totals else None
    return Document(
        source,
        layout,
        title,
        organization,
        tuple(units),
        total,
        orphans=leading,
        more_totals=tuple(totals[1:]),
    )
