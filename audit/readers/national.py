"""The national template (the Ministry of Finance's 申报表): one row per
indicator, read from a grid of cells.

Two layouts:

* **the form**, one project per form: a block of label/value pairs
  (项目名称, 主管部门, 实施单位, 项目期, 资金总额, 财政拨款, 其他资金,
  实施期目标, 年度目标; the value stands in the cell right of its label,
  several pairs to a row), then the indicator grid 一级指标 | 二级指标 |
  三级指标 | 实施期指标值 | 年度指标值. Several forms may follow each other.
* **the list**, many projects: ``单位名称 | 项目名称 | 预算数 | 年度目标 |
  一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 |
  指标方向``, the project columns filled on each project's first row only.

In both, a blank (or merged) 一级/二级 cell inherits the cell above; a value
written in separate columns (``≥ | 95 | %``) is joined into one value whose
characters map to their cells; the period column goes by several names
(实施期/中期/长期/实施周期) and may be missing. Amounts are in 万元 unless the
table says ``金额单位：元`` (or labels its amount column ``（元）``): values in
元 are converted to 万元 exactly and keep their printed text.

Each layout is a ``(recognise, read)`` pair over a :class:`Grid`; the list is
told from the form by its header row, which names 项目名称 beside 一级指标.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

from audit.model import (
    FIVE_YEAR_PLAN,
    Amount,
    Amounts,
    Document,
    IndicatorCells,
    Markup,
    Row,
    Source,
    Text,
    TextBuilder,
)
from audit.readers.common import (
    CONTINUED_MARK_RE,
    FULL_WIDTH_NUMBER,
    LEVEL1_ANYHOW_RE,
    LEVEL1_HEADER_RE,
    ORGANIZATION_RE,
    PAGE_NUMBER_RE,
    PROMPT_NUMBER,
    UNIT_OF_MEASURE_RE,
    classify,
    clean_cell,
    is_organization_name,
    names_title,
    note_label,
    one_line,
    organization_name,
    parse_amount,
    role_label,
    row_text,
    spaced,
    stated_unit,
    unit_row,
    without_goal_prompts,
)
from audit.readers.csvfile import quoted_record, record_widths
from audit.readers.decode import ReadError
from audit.readers.grid import Grid
from audit.readers.guangzhou import numeric_amount, whole_department
from audit.readers.guangzhou import recognise as guangzhou_table
from audit.readers.sidetables import side_start, whole_title
from audit.readers.table import SET_ASIDE, Notify, Table

_SPACES_RE = re.compile(r"[\s\u3000*★]+")
_UNIT_SUFFIX_RE = re.compile(r"[（(]\s*(万元|元)\s*[)）]$")
_YEAR_TAIL = r"\s*年?度?(?:[.．/]?[0-9０-９]{1,2}月?)?"
"""What may follow a year in a label: 年, 年度, a month (``2024年7月``, ``2024.07``)."""
_YEAR = rf"(?:[0-9０-９]{{2,4}}|20[×xX*＊]{{2}}|[×xX*＊]{{2,4}}){_YEAR_TAIL}"
_BRACKET_TAIL = r"(?:\s*[\u4e00-\u9fff]{1,6})?"
"""What may follow the years in a label's brackets: the name of the plan they
are the term of (``中期目标（三年行动）``, ``（2024—2026年三年行动计划）``,
``（3年期）``)."""
_QUOTE = "[\"“”'‘’「」『』]?"
_PLAN_BESIDE = rf"(?:\s*{_QUOTE}{FIVE_YEAR_PLAN}{_QUOTE}\s*)?"
"""A five-year plan named beside the years in a label's brackets
(``（2021-2025年“十四五”期间）``, ``（“十四五”2021—2025年）``)."""
_SPAN_IN_BRACKETS = (
    rf"[（(]{_PLAN_BESIDE}\s*{_YEAR}(?:\s*[—\-－–~～至到]+\s*{_YEAR})?"
    rf"{_PLAN_BESIDE}{_BRACKET_TAIL}\s*[)）]"
)
_COUNT_IN_BRACKETS = (
    r"[（(]\s*((?:[0-9０-９]{1,2}|[一两二三四五六七八九十]{1,2})\s*个?\s*年"
    rf"|[0-9０-９]{{1,3}}\s*个\s*月){_BRACKET_TAIL}\s*[)）]"
)
"""A number of years or months in a label's brackets (``中期目标（三年）``,
``实施期目标（3年）``, ``中期目标（36个月）``, ``中期目标（三年行动）``): how
long the term is, with no year named."""
_PLAN_IN_BRACKETS = rf"[（(]\s*{_QUOTE}\s*({FIVE_YEAR_PLAN})\s*{_QUOTE}{_BRACKET_TAIL}\s*[)）]"
"""A five-year plan named in a label's brackets, quoted or not
(``中期目标（"十四五"期间）``, ``（“十四五”时期）``, ``（十四五期间）``): its
five years are the term (:func:`audit.model.plan_years`)."""
_SPAN_SUFFIX_RE = re.compile(rf"(?:{_SPAN_IN_BRACKETS}|{_COUNT_IN_BRACKETS}|{_PLAN_IN_BRACKETS})$")
"""The years a label names in brackets (``中期目标（2024年—2026年）``, the
template's ``（20××年—20××年）``, ``年度目标（2025年）``), their number
(``中期目标（三年）``) or their plan (``中期目标（"十四五"期间）``)."""
_ANNOTATION_RE = re.compile(
    r"(?<=[\u4e00-\u9fff）)])(?:[A-Za-z][A-Za-z0-9.,'&/\-]*|[（(]全称[)）])$"
)
"""What a label adds after its name: the English of a bilingual template
(``项目名称 Project``, ``一级指标 Level 1`` once spaces are gone) or
``（全称）`` (the project's full name is asked for)."""
_AMOUNT_UNIT_RE = re.compile(r"(?:金额单位|^单位)\s*[：:]\s*(万元|元)")
_YUAN_PER_WAN = 4  # 1 万元 = 10^4 元

PERIOD_WORDS = ("实施期", "中期", "长期", "实施周期", "全周期", "项目期", "整体")
ANNUAL_WORDS = ("年度", "当年", "本年")


def norm(value: str) -> str:
    """A header or label cell as compared: no spaces, stars or trailing colon;
    ``其中：``, the amount unit (``（万元）``) and the years in brackets
    (``（2024年—2026年）``) removed."""
    text = _SPACES_RE.sub("", value).rstrip("：:")
    if text[-1:].isascii() or text.endswith(("）", ")")):
        text = _ANNOTATION_RE.sub("", text).rstrip("：:")
    for prefix in ("其中：", "其中:", "其中"):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    text = _UNIT_SUFFIX_RE.sub("", text)
    if text.endswith((")", "）")):
        text = _SPAN_SUFFIX_RE.sub("", text)
    return text


def _unit_in(value: str) -> str | None:
    """The amount unit a header or label names (``资金总额（元）`` → 元)."""
    match = _UNIT_SUFFIX_RE.search(_SPACES_RE.sub("", value).rstrip("：:"))
    return match.group(1) if match else None


# --------------------------------------------------------------------------
# Columns of the indicator grid (and of the list's project columns)

_NAME_HEADERS = frozenset({"三级指标", "指标名称", "绩效指标名称", "三级指标名称", "指标内容"})
_COMPARATOR_HEADERS = frozenset(
    {"符号", "计算符号", "运算符号", "比较符", "比较符号", "指标值符号", "关系符"}
)
_NATURE_HEADERS = frozenset(
    {"指标性质", "指标类型", "指标属性", "指标值性质", "指标值类型", "指标值属性"}
)
"""定量/定性, or the comparator itself where the table has no column of its
own for it (``≥ | 95 | %``): the kind of the indicator or of its value
(指标值类型), never the value itself."""
_MEASURE_HEADERS = frozenset({"度量单位", "计量单位", "单位", "指标单位", "指标值单位"})
_UNIT_HEADERS = frozenset(
    {"单位名称", "预算单位", "预算单位名称", "部门名称", "实施单位", "项目单位", "单位（部门）名称"}
)
_BUDGET_NAMES = frozenset(
    {
        "预算数",
        "预算金额",
        "资金总额",
        "项目金额",
        "年度资金总额",
        "项目资金总额",
        "年度预算数",
        "预算资金",
        "项目总额",
        "年度预算",
        "资金总额合计",
        "资金合计",
        "项目预算",
        "预算总额",
        "申请金额",
        "申请资金",
        "预算安排数",
    }
)
"""The names of a project's total amount, as a list's column or a form's
label beside its value (``预算金额（万元） | 80.00``)."""
_TOTAL_QUALIFIERS = (
    "",
    "项目",
    "年度",
    "本年",
    "本年度",
    "当年",
    "总",
    "项目总",
    "申报",
    "申请",
    "安排",
    "预算",
    "预算安排",
    "年度预算",
    "项目预算",
    "资金",
)
_MONEY_NOUNS = (
    "金额",
    "资金",
    "经费",
    "预算",
    "预算数",
    "总额",
    "数额",
    "资金需求",
    "资金需求总量",
)
"""Nouns of money; 资金需求 (总量) is the money a project asks for
(年度资金需求总量: the year's)."""
_ARRANGED_NOUNS = ("安排", "安排数")
_ARRANGING_QUALIFIERS = tuple(q for q in _TOTAL_QUALIFIERS if q.endswith(("预算", "年", "年度")))
"""What 安排 (the money arranged) is named after: the budget or the year that
arranges it (预算安排, 本年安排, 年度预算安排); 项目安排 or a bare 安排 is a plan
of work, no amount."""
_ARRANGED_WORDS = frozenset(
    qualifier + noun for qualifier in _ARRANGING_QUALIFIERS for noun in _ARRANGED_NOUNS
)
_BUDGET_WORDS = (
    frozenset(qualifier + noun for qualifier in _TOTAL_QUALIFIERS for noun in _MONEY_NOUNS)
    | _ARRANGED_WORDS
)
"""A project's amount named by what it is of and a noun of money
(项目经费, 申报金额, 年度预算金额, 资金数额, 本年安排): never a source (财政资金,
其他资金, 中央补助资金 name no whole)."""
_WHOLE_TERM_TOTAL_RE = re.compile(r"^(?:项目)?(?:计划)?总投资(?:额)?$")
"""A form's label of the project's whole investment (项目总投资, 计划总投资):
the total over its whole term, as 中期资金总额 names it, not the year's."""
_TOTAL_HEADERS = (
    _BUDGET_NAMES
    | _BUDGET_WORDS
    | {name + word for name in _BUDGET_NAMES | _BUDGET_WORDS for word in ("合计", "总计")}
    | {"合计", "总计", "小计"}
)
"""A list's column of each project's total: the budget's names, the same
with the word of a sum after them (项目资金合计, 预算总计: a source's sum,
财政拨款合计, is that source's), and the bare words a column can be headed by
(a form's 合计 is a label only among amount heads: :func:`_with_total_head`)."""


_SUPERSEDED_RE = re.compile(
    r"调整前|^原(?:年度|当年|实施期|中期|实施周期)?(?:指标值|目标值|绩效目标)"
)


def superseded(header: str) -> bool:
    """Whether a header (or a label beside a value) names the side of an
    adjustment table (绩效目标调整表) that the adjustment replaced: 调整前,
    原指标值, 原年度指标值. Only the 调整后 side is the project's target."""
    return _SUPERSEDED_RE.search(norm(header)) is not None


ADJUSTED_RE = re.compile(r"^调整后[：:]?$")
"""A cell that marks the adjusted side of a value pair (``调整后``)."""


_YEAR_COLUMN_RE = re.compile(r"^(20\d\d)年度?(?:指标值|目标值)?$")
# A label of the year's block that names the budget year: 年度目标（2026年）,
# 年度资金总额（2026年）.
_BUDGET_YEAR_LABEL_RE = re.compile(
    r"^\s*(?:年度|当年|本年)[^（(]{0,12}[（(]\s*(20\d\d)\s*年度?\s*[)）]"
)
_YEAR_RE = re.compile(r"(20\d\d)\s*年")
# A column named by the years of the whole term: 2025-2027年指标值,
# 2025—2027年度目标值 (the implementation period, not one year).
_TERM_SPAN_RE = re.compile(r"^20\d\d年?度?[—\-－–~～至到]+20\d\d年")

YEAR_COLUMNS_UNREAD = (
    "year columns not read: the budget year is not told "
    "(no year in the title or in 年度目标（…年）)"
)
"""Why a mid-term table's columns of single years are left unread."""


def _year_columns(columns: dict[str, int], grid: Grid, row: int, table: Table) -> dict[str, int]:
    """The columns of a mid-term grid with a column per year (``2025年 |
    2026年 | 2027年``, ``2025年度指标值 …``): the budget year's is the annual
    value, the other years are not read. The budget year is the one the
    year's labels above name (年度目标（2026年）), else the title's; when
    neither tells it, no year column is read and a note says so, unless the
    grid has one year column beside the period's (``2025-2027年指标值 |
    2025年指标值``): with one value for the term and one for a year, that
    year's is the annual value."""
    years = {key: at for key, at in columns.items() if key.startswith("year")}
    if not years:
        return columns
    columns = {key: at for key, at in columns.items() if not key.startswith("year")}
    if "annual" in columns:
        return columns
    year = _budget_year(grid, row, table)
    if year is not None and f"year{year}" in years:
        columns["annual"] = years[f"year{year}"]
    elif year is None and len(years) == 1 and "period" in columns:
        columns["annual"] = next(iter(years.values()))
    else:
        table.unread.append(f"{grid.location(row, min(years.values()))}: {YEAR_COLUMNS_UNREAD}")
    return columns


def _budget_year(grid: Grid, row: int, table: Table) -> str | None:
    """The budget year a form's labels above ``row`` or its title name."""
    for index in range(row - 1, max(-1, row - 30), -1):
        for cell in grid.rows[index]:
            match = _BUDGET_YEAR_LABEL_RE.match(cell.value)
            if match is not None:
                return match.group(1)
    for title in (table.last_title, table.title, *grid.headings):
        if title and names_title(title):
            found = set(_YEAR_RE.findall(title))
            if len(found) == 1:
                return found.pop()
    return None


@lru_cache(maxsize=4096)
def column_key(header: str) -> str | None:
    """What a header cell of the indicator grid or the list names."""
    if len(header) > _HEADER_LENGTH:
        return None
    h = norm(header)
    if not h:
        return None
    if h.startswith("一级指标"):
        return "level1"
    if h.startswith("二级指标"):
        return "level2"
    if h.startswith("三级指标") or h in _NAME_HEADERS:
        return "name"
    if any(word in h for word in ("说明", "备注", "解释", "计算方法")):
        return "note"  # 指标值说明: how the value is set and measured
    if "标准" in h:
        return "standard"  # 绩效标准, 评（扣）分标准: how the indicator is scored
    if "权重" in h or "分值" in h:
        return "weight"
    if "方向" in h:
        return "direction"
    if h in _COMPARATOR_HEADERS:
        return "comparator"
    if h in _NATURE_HEADERS:
        return "nature"
    if h in _MEASURE_HEADERS:
        return "measure"
    year = _YEAR_COLUMN_RE.match(h)
    if year is not None:
        return f"year{year.group(1)}"  # a mid-term table's column of one year
    if h in _TERM_HEADERS:
        return "term"  # a list's 项目期: the project's span, no indicator's value
    if "指标值" in h or "目标值" in h or h in (*ANNUAL_WORDS, *PERIOD_WORDS, "年度值", "数值"):
        if superseded(h):
            return "superseded"  # an adjustment table's old value: never read
        if _TERM_SPAN_RE.match(h) or h.startswith("总体"):
            return "period"  # 2025-2027年指标值, 总体目标值: the whole term's
        if any(word in h for word in ANNUAL_WORDS):
            return "annual"
        if any(word in h for word in PERIOD_WORDS):
            return "period"
        return "value"
    if h in _UNIT_HEADERS:
        return "unit"
    if h == "项目名称":
        return "project"
    if h in ("序号", "项目序号"):
        return "number"
    if _period_total(h):
        return PERIOD_TOTAL  # 项目总投资, 中期资金总额: the whole term's, not the year's
    if h in _TOTAL_HEADERS or _year_as_word(h) in _TOTAL_HEADERS:
        return "total"  # 2025年预算数: the year's, as 本年预算数 names it
    if "财政专户" in h:
        return "special"
    if "财政拨款" in h or h in ("财政资金", "一般公共预算", "财政性资金"):
        return "fiscal"
    if "其他资金" in h or h == "其他来源资金" or "自筹" in h:
        return "other"  # 自筹资金, 单位自筹: the unit's own funds, of the other funds
    if "结转" in h:
        return "carryover"  # 上年结转, 结转结余: a source of funds beside 财政拨款
    if "目标" in h:
        if any(word in h for word in ANNUAL_WORDS) or h in ("绩效目标", "项目绩效目标"):
            return "goal"
        if any(word in h for word in PERIOD_WORDS) or h == "总体目标":
            return "period_goal"
        return _named_goal(h)  # 总体绩效目标: the whole term's
    return None


PERIOD_TOTAL = "period_total"
"""A list's column of each project's amount over its whole term (项目总投资,
中期资金总额), beside the year's (预算数), as a form reads those labels: never
the project's total for the year, nor a source of funds, nor summed in a
unit's subtotal or in 合计."""


def _period_total(header: str) -> bool:
    """Whether a normalised header names the amount of the project's whole
    term: its investment (项目总投资, 计划总投资), or a total after a word of
    the term (中期资金总额, 实施期预算数, ``2025-2027年资金总额``)."""
    text = _year_as_word(header)
    if _WHOLE_TERM_TOTAL_RE.match(text) is not None:
        return True
    word = next((word for word in PERIOD_WORDS if text.startswith(word)), None)
    return word is not None and text[len(word) :] in _TOTAL_HEADERS


_HEADER_LENGTH = 40
"""Header cells are short; longer cells (goals, notes) are never compared."""
_TERM_HEADERS = frozenset(
    {"项目期", "项目周期", "实施期限", "项目实施期", "项目期限", "起止时间", "项目起止时间"}
)
"""A list's column of each project's span (``2024.01-2026.12``), as a form's
项目期 label states it: never the column of the period values."""


def _names_level1(value: str) -> bool:
    """Whether a cell names the 一级指标 column, spaced for alignment or not
    (``一 级 指 标``)."""
    return "一级" in value or ("一" in value and "一级" in _SPACES_RE.sub("", value))


def _header_map(cells: list[Text], sub_header: bool = False) -> dict[str, int]:
    """The columns a header row names; a row that names no 一级指标 is no
    header (unless it is the second row of a two-row header)."""
    if not sub_header and not any(_names_level1(cell.value) for cell in cells):
        return {}
    if sub_header and not all(
        column_key(cell.value) is not None or grid_side(cell.value) is not None
        for cell in cells
        if cell.value.strip()
    ):
        return {}  # a row of an indicator (产出指标 | … | ≥320条 | 达到目标值得满分)
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = column_key(cell.value)
        if key is None and "name" in columns:
            # a value column labelled as a grid is (中期（2024-2026年）绩效指标,
            # 本年度绩效指标), right of the indicator's name
            key = grid_side(cell.value)
        if key is not None and key not in columns:
            columns[key] = index
    if not sub_header and "value" in columns and "annual" in columns and "period" not in columns:
        columns["period"] = columns.pop("value")  # 指标值 beside 年度指标值: the term's
    return columns


VALUE_COLUMN_UNREAD = "column not read: the indicator values are read from other columns"
"""Why a value column the grid header names is left unread (a second
年度指标值, a year's column beside the 年度指标值)."""


def _note_unplaced(
    grid: Grid, row: int, header: dict[str, int], columns: dict[str, int], table: Table
) -> None:
    """Note every value column of the header row that the reader does not
    read, so that no column of values is dropped without a word (the year
    columns of a table whose budget year is not told have their own note)."""
    placed = set(columns.values())
    for index, cell in enumerate(grid.rows[row]):
        if index in placed or (row, index) in grid.merged:
            continue
        key = column_key(cell.value)
        if key is None or (key.startswith("year") and "annual" not in header):
            continue
        if key in ("period", "annual", "value") or key.startswith("year"):
            table.unread.append(
                f"{grid.location(row, index)}: 「{cell.value.strip()}」 {VALUE_COLUMN_UNREAD}"
            )


_HAN_RE = re.compile(r"[\u3400-\u9fff]")


def _header_in_english(grid: Grid, row: int, columns: dict[str, int]) -> bool:
    """Whether ``row`` (under the grid header) names the columns again in
    English or pinyin (``Level-1 | Level-2 | Indicator | Annual target``):
    no Chinese in any cell, letters in the 一级指标 cell, and value cells
    that hold no number. Such a row is header, not the first indicator."""
    if row >= len(grid.rows):
        return False
    cells = grid.rows[row]
    filled = [cell.value for cell in cells if cell.value.strip()]
    if len(filled) < 2 or any(_HAN_RE.search(value) for value in filled):
        return False
    level1 = cells[columns["level1"]].value
    if not any(ch.isascii() and ch.isalpha() for ch in level1):
        return False
    values = [
        cells[at].value
        for key in ("period", "annual", "value")
        if (at := columns.get(key)) is not None
    ]
    return all(value.strip() and not any(ch.isdigit() for ch in value) for value in values)


_MEASURE_LENGTH = 4
"""A measurement unit is short (人, %, 公里, 万人次); an organisation's name is longer."""


def _organisation_column(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, int]:
    """A list's column headed 单位 that stands before 一级指标 and 三级指标
    and holds names longer than a measurement unit (某县民政局) is the
    unit's name (单位名称), not the measurement unit (度量单位); a 单位 column
    right of the values stays the measurement unit."""
    at = columns.get("measure")
    cells = grid.rows[row]
    if at is None or "unit" in columns or norm(cells[at].value) != "单位":
        return columns
    if any(columns.get(key, at + 1) < at for key in ("level1", "name")):
        return columns
    below = [grid.rows[i][at].value.strip() for i in range(row + 1, min(len(grid.rows), row + 31))]
    if not any(len(value) > _MEASURE_LENGTH for value in below):
        return columns
    columns = {key: index for key, index in columns.items() if key != "measure"}
    columns["unit"] = at
    measure = next(
        (i for i in range(at + 1, len(cells)) if column_key(cells[i].value) == "measure"), None
    )
    if measure is not None:
        columns["measure"] = measure
    return columns


_GRID_LABEL_RE = re.compile(r"^(.{1,8}?)(?:绩效)?指标$")
_GRID_LABEL_AFTER_RE = re.compile(r"^(?:绩效)?指标[（(](.{1,8}?)[)）]$")
"""The same word in brackets after 绩效指标: ``绩效指标（中期）``, ``绩效指标（年度）``."""
_GRID_YEAR_RE = re.compile(r"^20\d\d(?=年)")
_GRID_SPAN_RE = re.compile(f"{_SPAN_IN_BRACKETS}|{_PLAN_IN_BRACKETS}")
"""The years a grid's label names inside it: ``中期（2024-2026年）绩效指标``,
``中期（"十四五"）绩效指标``."""
_GRID_PERIOD_WORDS = (*PERIOD_WORDS, "项目周期", "中长期")


@lru_cache(maxsize=4096)
def grid_side(value: str) -> str | None:
    """The value an indicator grid's own label names (in its merged left
    column or a heading row above it): ``period`` for 中期/实施期/长期/项目周期
    绩效指标 (``中期（2024-2026年）绩效指标``: its years aside), ``annual`` for
    年度绩效指标, the word also in brackets after it (``绩效指标（年度）``), else
    None (绩效指标, 三级指标)."""
    if len(value) > _HEADER_LENGTH:
        return None
    text = _GRID_SPAN_RE.sub("", norm(value))
    match = _GRID_LABEL_RE.match(text) or _GRID_LABEL_AFTER_RE.match(text)
    if match is None:
        return None
    word = _GRID_YEAR_RE.sub("", match.group(1))
    if word in _GRID_PERIOD_WORDS:
        return "period"
    if word in ANNUAL_WORDS or word in ("本年度", "当年度"):
        return "annual"
    return None


def _labelled_side(grid: Grid, row: int, columns: dict[str, int]) -> str | None:
    """The value the grid whose header is ``row`` holds by its own label: a
    cell of the header row left of its 一级指标 column, else a heading row
    right above it; None when unlabelled or labelled for neither."""
    cells = grid.rows[row]
    for cell in cells[: columns["level1"]]:
        side = grid_side(cell.value)
        if side is not None:
            return side
    if row > 0:
        above = _banner(grid.rows[row - 1])
        if above is not None:
            return grid_side(above)
    elif grid.headings:  # a table of its own under its heading line
        return grid_side(grid.headings[-1].strip())
    return None


def _body_side(cells: list[Text], columns: dict[str, int]) -> str | None:
    """The value a row of the grid holds by the label in a cell left of its
    一级指标 column (中期绩效指标, 年度绩效指标 merged down beside the rows of
    each grid, the grids under one header row); None when it has none."""
    for cell in cells[: columns["level1"]]:
        found = grid_side(cell.value)
        if found is not None:
            return found
    return None


def _side_columns(columns: dict[str, int], side: str | None) -> dict[str, int]:
    """The header's columns with its one 指标值 column named by the grid's
    label (:func:`grid_side`), as a column header would name it."""
    if side is None or "value" not in columns or "period" in columns or "annual" in columns:
        return columns
    named = dict(columns)
    named[side] = named.pop("value")
    return named


def _indicator_key(cells: IndicatorCells) -> tuple[str, str, str]:
    """An indicator's categories and name as compared across grids."""

    def bare(cell: Text | None) -> str:
        return "" if cell is None else _SPACES_RE.sub("", cell.value)

    return bare(cells.level1), bare(cells.level2), bare(cells.name)


def _join_sides(
    rows: list[IndicatorCells], sides: list[str | None], labelled: set[str]
) -> list[IndicatorCells]:
    """The indicators of a form whose grids are labelled 中期 and 年度 (each
    row's grid in ``sides``, the labels the form's grids have in
    ``labelled``): an indicator (its categories and name) in both
    grids is one, with the period value of the one and the annual value of
    the other, at its first place; an indicator in one grid only has the
    other value blank, as a blank cell of a two-column form (located at the
    value it has). Rows of unlabelled grids, and forms without both labels,
    are kept as read."""
    if not {"period", "annual"} <= labelled:
        return rows
    joined: list[IndicatorCells] = []
    waiting: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for found, side in zip(rows, sides, strict=True):
        if side is None or found.is_empty or found.is_total:
            joined.append(found)
            continue
        key = _indicator_key(found)
        pending = waiting.setdefault(key, [])
        match = next((entry for entry in pending if entry[1] == side), None)
        if match is not None:
            pending.remove(match)
            joined[match[0]] = _with_value(joined[match[0]], side, getattr(found, side))
            continue
        own: Text = getattr(found, side)
        other = "annual" if side == "period" else "period"
        pending.append((len(joined), other))
        joined.append(_with_value(found, other, own.slice(0, 0)))
    return joined


def _read_side(cells: IndicatorCells) -> str | None:
    """The labelled grid an indicator of a grid read before came from, as
    its values tell: a period value alone, or an annual value alone."""
    if cells.period is not None and cells.annual is None:
        return "period"
    if cells.annual is not None and cells.period is None:
        return "annual"
    return None


def _join_carried(project: Row, added: list[str | None]) -> None:
    """Join the indicators of a labelled grid that goes on in a table of
    its own (``added``: the grid of each row it added) with those its
    project has (:func:`_join_sides`)."""
    if not any(added) or project.indicator_cells is None:
        return
    rows = project.indicator_cells
    sides = [_read_side(cells) for cells in rows[: len(rows) - len(added)]] + added
    labelled = {side for side in sides if side is not None}
    project.indicator_cells = _without_headings(_join_sides(rows, sides, labelled))


def _with_value(cells: IndicatorCells, side: str, value: Text | None) -> IndicatorCells:
    if side == "period":
        return cells._replace(period=value)
    return cells._replace(annual=value)


_NAME_PROMPT_RE = re.compile(rf"^\s*指标{PROMPT_NUMBER}\s*")


def without_name_prompt(name: Text) -> Text:
    """An indicator name without the template's numbered prompt before it
    (``指标1：资助代表性传承人人数`` is named ``资助代表性传承人人数``); empty
    when the cell holds the prompt only. A name in which 指标 is a word
    (``指标完成率``) is kept whole."""
    match = _NAME_PROMPT_RE.match(name.value)
    return name if match is None else name.slice(match.end()).strip()


def _is_indicator_header(columns: dict[str, int]) -> bool:
    has_value = any(k in columns for k in ("period", "annual", "value"))
    return "level1" in columns and "name" in columns and has_value


# --------------------------------------------------------------------------
# Labels of the form's project block

FORM_LABELS: dict[str, str] = {
    "项目名称": "project",
    "主管部门": "department",
    "主管单位": "department",
    "主管部门名称": "department",
    "部门名称": "department",
    "实施单位": "implementer",
    "项目实施单位": "implementer",
    "预算单位": "implementer",
    "单位名称": "implementer",
    "项目单位": "implementer",
    "项目期": "term",
    "项目周期": "term",
    "实施期限": "term",
    "项目实施期": "term",
    "项目期限": "term",
    "起止时间": "term",
    "项目起止时间": "term",
    "财政拨款": "fiscal",
    "财政资金": "fiscal",
    "财政专户拨款": "special",
    "财政专户管理资金": "special",
    "其他资金": "other",
    "其他来源资金": "other",
    "自筹资金": "other",
    "单位自筹资金": "other",
    "单位自筹": "other",
    "上年结转": "carryover",
    "上年结转资金": "carryover",
    "结转资金": "carryover",
    "上年结转结余": "carryover",
    "结转结余": "carryover",
    "实施期目标": "period_goal",
    "中期目标": "period_goal",
    "长期目标": "period_goal",
    "总体目标": "period_goal",
    "实施期总目标": "period_goal",
    "中长期目标": "period_goal",
    "年度目标": "goal",
    "本年度目标": "goal",
    "本年度绩效目标": "goal",
    "年度绩效目标": "goal",
    "当年目标": "goal",
    "年度总体目标": "goal",
}


# The names a list's column is known by as well (项目资金) are no form's
# labels: 项目资金（万元） heads a form's block of amounts (项目资金 | 合计 |
# 财政拨款). A year's word and a noun of money (本年度预算, 本年预算数) label
# the total (:func:`_label`); a 收支总表 printed above the form, its columns
# headed 本年预算数, gives way to the form's own amounts (:func:`read_form`).
FORM_LABELS.update(dict.fromkeys(_BUDGET_NAMES, "total"))
FORM_LABELS.update(dict.fromkeys(_ARRANGED_WORDS, "total"))  # 预算安排, 本年安排

_GOALS = frozenset({"goal", "period_goal"})
_SOURCES = frozenset({"fiscal", "special", "other", "carryover"})
"""The amount labels of a form's sources of funds."""
_AMOUNTS = ("total", "fiscal", "special", "other", "carryover")


_YEAR_WORD_RE = re.compile(r"^(?:19|20)\d\d\s*年度?(?=[^\d年度至到—\-－–~～])")
"""The budget year naming a label's column (``2025年预算数``, ``2025年度绩效目标``):
the year's, as 年度 names it."""
_GOAL_SIDES = sorted(
    {*ANNUAL_WORDS, *PERIOD_WORDS, "本年度", "当年度", "中长期"}, key=len, reverse=True
)
_GOAL_LABEL_RE = re.compile(rf"^(?:项目)?({'|'.join(_GOAL_SIDES)})?(总体|总)?(绩效)?目标$")
"""A goal's label by its words: the side it names (年度, 实施期, 中期 …),
总体 or 总 (the whole term's) and 绩效, in that order (``实施期绩效目标``,
``中期绩效目标``, ``实施期总体目标``, ``年度总体绩效目标``, ``项目绩效目标``,
``项目总目标``)."""


def _named_goal(text: str) -> str | None:
    """The goal a label names by its words (:data:`_GOAL_LABEL_RE`): the
    annual goal where it names the year or no side, the period's where it
    names the term or 总体 (总: ``项目总目标``); None for no goal's label or a
    bare ``目标``."""
    match = _GOAL_LABEL_RE.match(text)
    if match is None or text == "目标":
        return None
    side, whole = match.group(1), match.group(2)
    if side in (*ANNUAL_WORDS, "本年度", "当年度"):
        return "goal"
    if side is not None or whole is not None:
        return "period_goal"
    return "goal"  # 绩效目标, 项目绩效目标: the one goal a form states


_YEARS_WORD_RE = re.compile(
    r"^(?:19|20)\d\d\s*年?度?\s*[—\-－–~～至到]+\s*(?:19|20)\d\d\s*年度?(?=[^\d年度])"
)
"""The years of the term before a label's name (``2025-2027年资金总额``): the
term's column, as 实施期 names it."""


def _year_as_word(text: str) -> str:
    """A label with the budget year before its name (``2025年预算数``) as
    年度 names the same column (``年度预算数``), and one with the term's years
    (``2025-2027年资金总额``) as 实施期 does."""
    match = _YEAR_WORD_RE.match(text)
    if match is not None:
        return "年度" + text[match.end() :]
    match = _YEARS_WORD_RE.match(text)
    return text if match is None else "实施期" + text[match.end() :]


@lru_cache(maxsize=4096)
def _label(value: str) -> str | None:
    """What a label cell names; an amount label may name its column first
    (中期资金总额, 实施期财政拨款: :func:`_amount_side`), or the budget
    year (2025年预算数); a goal's label is read by its words
    (:func:`_named_goal`)."""
    text = _year_as_word(norm(value))
    key = FORM_LABELS.get(text)
    if key is None and _WHOLE_TERM_TOTAL_RE.match(text) is not None:
        return "total"  # 项目总投资: the whole term's (:func:`_amount_side`)
    if key is None:
        key = _named_goal(text)
    if key is None and len(text) <= _HEADER_LENGTH:
        for word in ("本年度", *ANNUAL_WORDS, *PERIOD_WORDS):
            if text.startswith(word):
                rest = text[len(word) :]
                if rest in (*_MONEY_NOUNS, *_ARRANGED_NOUNS):
                    # 本年度预算, 年度经费, 中期资金, 本年安排: the side's total
                    return "total"
                found = FORM_LABELS.get(rest)
                return found if found in _AMOUNTS else None
    return key


@lru_cache(maxsize=4096)
def _amount_side(value: str) -> str | None:
    """The column an amount label names: ``annual`` (年度资金总额, 本年安排) or
    ``period`` (中期资金总额, 实施期资金总额, 项目总投资: the whole term's);
    None when it names none."""
    text = _year_as_word(norm(value))
    if text.startswith(ANNUAL_WORDS):
        return "annual"
    if text.startswith(PERIOD_WORDS) or _WHOLE_TERM_TOTAL_RE.match(text) is not None:
        return "period"
    return None


_INLINE_RE = re.compile(r"^(?:\s*其中\s*[：:])?[^：:]{2,20}[：:]")


@lru_cache(maxsize=4096)
def _inline(value: str) -> tuple[str, int] | None:
    """A label and its value in one cell (``项目名称：城市道路照明设施维护``,
    ``其中：财政拨款：268.00万元``: the colon of 其中 is no label's end):
    the label's key and where the value starts, else None."""
    match = _INLINE_RE.match(value)
    if match is None or not value[match.end() :].strip():
        return None
    key = _label(match.group())
    return None if key is None else (key, match.end())


def _cell_key(value: str) -> str | None:
    """What a cell labels, alone or with its value beside it in the cell."""
    key = _label(value)
    if key is None:
        inline = _inline(value)
        key = None if inline is None else inline[0]
    return key


def _row_labels(cells: list[Text], begun: bool, in_grid: bool) -> list[tuple[int, str | None]]:
    """The labels of a row, by column. A label with its value in the same
    cell counts once the form has begun (here or above: its 项目名称); above
    that, ``单位名称：…`` and ``主管部门：…`` lines are the table's headings.
    In the grid, only a row that names the next project has such labels (an
    indicator's note may read ``资金总额：按预算执行``)."""
    labels = [(i, _label(cell.value)) for i, cell in enumerate(cells)]
    inline = [(i, _inline(cell.value)) for i, cell in enumerate(cells) if labels[i][1] is None]
    names = any(key == "project" for _, key in labels) or any(
        found is not None and found[0] == "project" for _, found in inline
    )
    if names or (begun and not in_grid):
        for i, found in inline:
            if found is not None:
                labels[i] = (i, found[0])
    return labels


# --------------------------------------------------------------------------
# Recognising


def _indicator_headers(grid: Grid) -> list[tuple[int, dict[str, int]]]:
    found = []
    for index in range(len(grid.rows)):
        columns = _list_header(grid, index)
        if _is_indicator_header(columns):
            found.append((index, columns))
    return found


def _list_header(grid: Grid, row: int) -> dict[str, int]:
    """The columns the header row ``row`` names, with those a first header
    row above it names over its blank cells: a list's header on two rows
    whose project columns (序号, 项目名称, 金额, 年度目标) stand on the first row
    beside a group label (绩效指标) over the grid's columns on the second, as
    a CSV or TSV saved from merged cells gives it (the workbook fills the
    merged cells down). Taken only when the second row names no project,
    every filled cell of the first row over a blank one is a column name,
    one of them 项目名称, and every other is blank, a group label
    (:func:`_group_label`) or a heading over the sources of funds the second
    row names (``项目资金（万元）`` over ``合计 | 财政拨款 | 其他资金``): a form's
    项目名称 row over its grid holds the project's name there."""
    columns = _term_column(grid, row, _header_map(grid.rows[row]))
    if row > 0:
        columns = _source_subtotal(grid, row, columns)
    if row == 0 or "project" in columns or not _is_indicator_header(columns):
        return columns
    lower, upper = grid.rows[row], grid.rows[row - 1]
    taken: dict[str, int] = {}
    for index, (above, below) in enumerate(zip(upper, lower, strict=True)):
        text = above.value.strip()
        if not text:
            continue
        key = column_key(text)
        if below.value.strip():
            if key is None and not _group_label(text) and column_key(below.value) not in _AMOUNTS:
                return columns  # a value over the grid's column: no header
            continue  # a group label, or a heading over sources of funds (项目资金（万元）)
        if key is None:
            return columns
        if key not in columns and key not in taken:
            taken[key] = index
    if "project" not in taken:
        return columns
    return {**taken, **columns}


_TERM_YEAR = r"(?:19|20)\d\d"
_TERM_CELL_RE = re.compile(
    rf"^(?:{_TERM_YEAR}{_YEAR_TAIL}\s*[—\-－–~～至到]+\s*(?:{_TERM_YEAR})?{_YEAR_TAIL}"
    rf"|{_TERM_YEAR}\s*年度?"
    r"|(?:[0-9０-９]{1,2}|[一两二三四五六七八九十]{1,2})\s*个?\s*年期?"
    r"|[0-9０-９]{1,3}\s*个\s*月"
    rf"|{_QUOTE}{FIVE_YEAR_PLAN}{_QUOTE}(?:期间|时期)?)$"
)
"""A cell that states a term and nothing else: a span of years or months
(``2024-2026年``, ``2024.01-2026.12``), one year (``2025年``), a number of
years or months (``三年``, ``3年``, ``36个月``) or a five-year plan
(``“十四五”期间``)."""
_TERM_ROWS = 200
"""How many rows under a header are looked at to tell a column of terms."""


def _term_column(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, int]:
    """The columns of a header row whose column headed by a bare word of
    the term (``实施周期``, ``实施期``, not ``实施周期指标值``) holds terms
    (``三年``, ``2024-2026年``) and nothing else below: that column is each
    project's term, as 项目期 is, not the period values (a column of values
    holds targets: ``≥36场``, ``95%``). The period values are then those of
    the next column that names them (``实施周期指标值``), else of a column of
    values beside the year's, as :func:`_header_map` reads it. Other header
    rows are returned as they are."""
    at = columns.get("period")
    if at is None or "term" in columns:
        return columns
    header = norm(grid.rows[row][at].value)
    if header not in PERIOD_WORDS:
        return columns
    filled = [
        value
        for index in range(row + 1, min(len(grid.rows), row + 1 + _TERM_ROWS))
        if (value := _SPACES_RE.sub("", grid.rows[index][at].value))
        and norm(value) != header  # the header again, at a page break
    ]
    if not filled or not all(_TERM_CELL_RE.match(value) for value in filled):
        return columns
    found = {key: index for key, index in columns.items() if key != "period"}
    found["term"] = at
    cells = grid.rows[row]
    period = next(
        (i for i in range(at + 1, len(cells)) if column_key(cells[i].value) == "period"), None
    )
    if period is not None:
        found["period"] = period  # 实施周期指标值 right of the terms
    elif "value" in found and "annual" in found:
        found["period"] = found.pop("value")  # 指标值 beside 年度指标值: the term's
    return found


def _source_subtotal(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, int]:
    """The columns of a header row whose sum column (小计, 合计) stands under a
    heading that names a source of funds on the row above (``财政拨款（万元）``
    over ``小计 | 一般公共预算 | 政府性基金``): that source's subtotal, not
    the project's total. Other header rows are returned as they are."""
    at = columns.get("total")
    if at is None:
        return columns
    cells, upper = grid.rows[row], grid.rows[row - 1]
    if _SUM_WORD_RE.match(_SPACES_RE.sub("", cells[at].value)) is None:
        return columns
    above = upper[at].value if at < len(upper) else ""
    source = column_key(above) if above.strip() and above != cells[at].value else None
    if source not in _SOURCES:
        return columns
    found = {key: index for key, index in columns.items() if key != "total"}
    found[source] = at
    return found


def _group_label(value: str) -> bool:
    """A label over several of the grid's columns on a header's first row:
    ``绩效指标``, ``年度绩效指标``, ``指标`` (short, ending in 指标)."""
    text = norm(value)
    return text.endswith("指标") and len(text) <= 8


def _amount_heading_unit(grid: Grid, row: int, column: int, two_rows: bool) -> str | None:
    """The amount unit the headings of a list's amount column name: its own
    cell of the header row ``row`` (or of the first row of a header on two
    rows over it: :func:`_list_header`), else, when the header's second row
    names the column, that cell, then the heading over it on the header row
    (a merged group label, ``项目资金（元）``, blank past its first cell in
    text)."""
    own = grid.rows[row][column].value
    if own.strip():
        named = _unit_in(own)
        if (
            named is None
            and row
            and (
                "project" not in _header_map(grid.rows[row])
                or _is_indicator_header(_header_map(grid.rows[row - 1]))
            )
        ):
            # the project columns on a first row over this one (_list_header),
            # or a workbook's header on two rows, each filled down its merged
            # cells: the heading over the sources of funds there (项目资金（元）)
            named = _heading_unit_over(grid.rows[row - 1], column)
        return named
    if not two_rows:
        return _unit_in(_header_cell(grid, row, column))
    named = _unit_in(grid.rows[row + 1][column].value)
    if named is not None:
        return named
    return _heading_unit_over(grid.rows[row], column)  # its own cell is blank


def _heading_unit_over(cells: list[Text], column: int) -> str | None:
    """The amount unit a heading over ``column`` names: the first filled
    cell at or left of it (a merged heading is blank past its first cell in
    text)."""
    for cell in reversed(cells[: column + 1]):
        if cell.value.strip():
            return _unit_in(cell.value)
    return None


def _header_cell(grid: Grid, row: int, column: int) -> str:
    """The text heading ``column`` of the header row ``row``: its own, else
    that of the first row of a header on two rows (:func:`_list_header`)."""
    text = grid.rows[row][column].value
    if not text.strip() and row > 0:
        return grid.rows[row - 1][column].value
    return text


def recognise_list(grid: Grid) -> bool:
    """A header row naming 项目名称 beside 一级指标 and 三级指标."""
    return any("project" in columns for _, columns in _indicator_headers(grid))


def recognise_form(grid: Grid) -> bool:
    """A 项目名称 label with its value beside it, and an indicator grid."""
    headers = _indicator_headers(grid)
    if not headers or any("project" in columns for _, columns in headers):
        return False
    return any(
        _cell_key(cell.value) == "project"
        for cells in grid.rows[: headers[-1][0]]
        for cell in cells
    )


MISSING_PROJECT = "an indicator grid (一级指标 … 三级指标) without 项目名称 above it"
"""Why a grid that holds indicators is no table: whose they are is missing
(neither a form's 项目名称 label above the grid nor a list's 项目名称 column)."""


def missing_project(grid: Grid) -> bool:
    """Whether the grid has an indicator header (一级指标 … 三级指标) but
    no project to give its rows to: :data:`MISSING_PROJECT`."""
    headers = _indicator_headers(grid)
    return bool(headers) and not recognise_list(grid) and not recognise_form(grid)


def lines_above_grid(grid: Grid) -> list[str]:
    """The text of the rows above the grid's first indicator header (a
    sheet's title and unit rows, a 续表 mark): each filled cell's, once."""
    headers = _indicator_headers(grid)
    stop = headers[0][0] if headers else len(grid.rows)
    lines: list[str] = []
    for index in range(stop):
        for value in grid.values(index):
            if value.strip() and value.strip() not in lines:
                lines.append(value.strip())
    return lines


def form_facts(grid: Grid) -> bool:
    """Whether the grid is the top of a form without its indicator grid: a
    项目名称 label and a goal label (年度目标, 实施期目标), no indicator
    header. A form printed as two tables, its facts and then its grid,
    begins so; a budget table's 项目名称 column has no goal beside it."""
    if _indicator_headers(grid):
        return False
    keys = {_cell_key(cell.value) for cells in grid.rows for cell in cells}
    return "project" in keys and not keys.isdisjoint(_GOALS)


# --------------------------------------------------------------------------
# Shared pieces


def amount_unit(grid: Grid) -> str:
    """``元`` when the table says ``金额单位：元`` (or ``单位：元``), else ``万元``."""
    return _stated_amount_unit(grid) or "万元"


def _stated_amount_unit(grid: Grid) -> str | None:
    """The amount unit the table states on a line of its own (``金额单位：元``,
    ``单位：万元``), None when it states none."""
    texts = [*grid.headings, *(cell.value for cells in grid.rows for cell in cells)]
    for text in texts:
        if "单位" in text:
            match = _AMOUNT_UNIT_RE.search(_SPACES_RE.sub("", text))
            if match:
                return match.group(1)
            stated = stated_unit(text)  # 单位名称：某局 单位：元
            if stated is not None:
                return stated
            tail = _LINE_UNIT_TAIL_RE.search(text) if _inline(text) is not None else None
            if tail is not None:  # 项目名称：某项目      金额单位：元
                return tail.group(1)
    return None


def _labels_unit(named: Iterable[str | None], unit: str, stated: bool) -> str:
    """The unit of the amounts whose label names none: the one the other
    labels name (``资金总额（元）`` beside ``财政拨款``: the block's amounts
    share it), unless the table states its unit on a line of its own or the
    labels name two."""
    units = {found for found in named if found is not None}
    return units.pop() if len(units) == 1 and not stated else unit


def numeric_offsets(grid: Grid) -> frozenset[int]:
    """Where the grid's numeric cells (a workbook's numbers) start in its source."""
    return frozenset(grid.rows[row][col].origin(0) for row, col in grid.numeric)


def amount(cell: Text | None, unit: str, numeric: frozenset[int] = frozenset()) -> Amount | None:
    """An amount cell in the table's unit, its value in 万元 (exactly). A
    workbook's numeric cell reads as the sheet shows it, to two decimals."""
    if cell is None:
        return None
    if cell.value and cell.origin(0) in numeric:
        cell = numeric_amount(cell)
    found = parse_amount(cell.strip())
    if found is not None and found.value is None:
        stated = _with_unit(found.text)
        if stated is not None:
            return stated
    if found is None or unit == "万元":
        return found
    value = None if found.value is None else found.value.scaleb(-_YUAN_PER_WAN)
    return Amount(found.text, value, unit)


_AMOUNT_WITH_UNIT_RE = re.compile(r"^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|元)$")
"""An amount written with its unit in its cell (``360万元``, ``3,600,000.00元``)."""


def _with_unit(text: Text) -> Amount | None:
    """The amount of a cell that states its own unit, in 万元 (the unit it
    states kept, for the format rule); None when the cell holds no such
    amount."""
    # typed with a full-width IME as a whole (２４０．９５ 万元): the same number
    written = text.value.replace(" ", "").replace("\u3000", "").translate(FULL_WIDTH_NUMBER)
    match = _AMOUNT_WITH_UNIT_RE.match(written)
    if match is None:
        return None
    number = Decimal(match.group(1).replace(",", ""))
    stated = match.group(2)
    return Amount(text, number if stated == "万元" else number.scaleb(-_YUAN_PER_WAN), stated)


_COMPARATORS = (
    "大于等于",
    "小于等于",
    "大于或等于",
    "小于或等于",
    "不低于",
    "不高于",
    "不少于",
    "不多于",
    "不超过",
    "大于",
    "小于",
    "等于",
    "≥",
    "≤",
    "≧",
    "≦",
    ">=",
    "<=",
    "＞",
    "＜",
    ">",
    "<",
    "=",
    "＝",
)
_BLANK_UNITS = frozenset({"", "-", "—", "/", "无", "／"})


def compose(comparator: Text | None, value: Text, unit: Text | None) -> Text:
    """A value written in separate columns as one Text: ``≥ | 95 | %`` is
    ``≥95%``. A comparator that is no comparator (定性, 定量) and a unit the
    value already ends with are left out; a blank value stays blank."""
    value = value.strip()
    if not value.value:
        return value
    prefix = comparator.strip() if comparator is not None else None
    if prefix is not None and (
        prefix.value not in _COMPARATORS or value.value.startswith(_COMPARATORS)
    ):
        prefix = None
    suffix = unit.strip() if unit is not None else None
    if suffix is not None and (
        suffix.value in _BLANK_UNITS or value.value.endswith(suffix.value) or _is_text(value.value)
    ):
        suffix = None
    if prefix is None and suffix is None:
        return value
    builder = TextBuilder(value.source)
    for part in (prefix, value, suffix):
        if part is not None:
            builder.add_text(part)
    return builder.build()


_DIRECTIONS = {
    # the comparator itself in the 指标方向 column (``指标方向 | ≥``)
    "≥": "≥",
    "≧": "≥",
    ">=": "≥",
    "≤": "≤",
    "≦": "≤",
    "<=": "≤",
    "=": "=",
    "＝": "=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
    "正向": "≥",
    "正向指标": "≥",
    "越大越好": "≥",
    "越高越好": "≥",
    "越多越好": "≥",
    "反向": "≤",
    "反向指标": "≤",
    "越小越好": "≤",
    "越低越好": "≤",
    "越少越好": "≤",
}
"""What a 指标方向 cell says of the value: 正向 is a floor (≥), 反向 a cap (≤)."""

_ONE_NUMBER_RE = re.compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*[^0-9０-９]{0,6}")
"""A value of one number and its unit at most (``42``, ``95%``, ``4.4万元``):
what a direction makes a floor or a cap. A date, a deadline or a range has
more (``2025年10月底前``, ``10-15人``)."""
_WHEN_RE = re.compile(r"^(?:19|20)\d\d\s*年|^\d{1,2}\s*月|(?<![工作个])日|[季旬前后底]")
"""A point in time or a deadline (``2025年``, ``12月``, ``10日前``,
``3季度``): no amount a direction bounds (a duration, ``5年``, ``24小时``,
``3个月``, ``3个工作日``, is one)."""


def direction_comparator(direction: Text | None, value: Text) -> Text | None:
    """The comparator a 指标方向 cell gives ``value`` (≥ for 正向, ≤ for
    反向), placed at the direction cell; None when the cell states no
    direction, or the value is no bare amount (text, a date, a range) or
    writes its own comparator (``90%以上``, ``24小时内``): a written
    comparator wins."""
    sign = direction_sign(direction)
    text = value.value.strip()
    if sign is None or _ONE_NUMBER_RE.fullmatch(text) is None:
        return None
    if _WHEN_RE.search(text) or any(word in text for word in _comparator_words()):
        return None
    return sign


def direction_sign(direction: Text | None) -> Text | None:
    """The comparator a 指标方向 cell states (≥ for 正向 and 越高越好, ≤ for
    反向, the comparator itself for ``≥``), placed at the cell; None when
    the cell states no direction (blank, ``/``, ``中性``)."""
    if direction is None or not direction.value.strip():
        return None
    sign = _DIRECTIONS.get(norm(direction.value))
    if sign is None:
        return None
    return Text(sign, direction.source, ((0, direction.origin(0)),))


@lru_cache(maxsize=1)
def _comparator_words() -> tuple[str, ...]:
    """Every comparator word of the value vocabulary (``rules/units.yaml``:
    before the number, after it, after a duration), read on first use."""
    import yaml

    from audit.resources import resource

    data = yaml.safe_load(resource("rules", "units.yaml").read_text(encoding="utf-8"))
    groups = data.get("comparators", {}) if isinstance(data, dict) else {}
    return tuple(
        str(word) for group in groups.values() if isinstance(group, dict) for word in group
    )


_CHINESE_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十百千万]+$")


def _is_text(value: str) -> bool:
    """A qualitative value, to which no unit is appended; a number written
    in Chinese numerals (``二十`` under 度量单位 ``场``) is a number."""
    return not any(ch.isdigit() for ch in value) and not _CHINESE_NUMBER.match(value)


class _Levels:
    """一级/二级 in effect: a blank or merged cell inherits the one above;
    a level-2 cell is inherited only while its level-1 cell is."""

    __slots__ = ("level1", "level2")

    def __init__(self) -> None:
        self.level1: Text | None = None
        self.level2: Text | None = None

    def take(
        self, grid: Grid, row: int, columns: dict[str, int]
    ) -> tuple[Text | None, Text | None, bool]:
        """The row's level-1 and level-2 cells and whether it wrote its own level-2."""
        own1 = _own(grid, row, columns.get("level1"))
        own2 = _own(grid, row, columns.get("level2"))
        merged1 = _merged(grid, row, columns.get("level1"))
        merged2 = _merged(grid, row, columns.get("level2"))
        if own1 is not None:
            self.level1 = own1
        elif merged1 is not None:
            self.level1 = merged1
        if own2 is not None:
            self.level2 = own2
        elif merged2 is not None:
            self.level2 = merged2
        elif own1 is not None:
            self.level2 = None  # a new level-1 category with a blank level-2 cell
        return self.level1, self.level2, own2 is not None


def _trim(grid: Grid) -> dict[int, list[Markup]]:
    """Strip the white space around every cell once, so the reader compares
    and keeps cells as they read (the Texts keep their map to the source),
    and remove HTML residue (``<p>``, ``&nbsp;``) from cells that stand
    whole in the source; what was removed is returned by grid row, for the
    project it belongs to."""
    markup: dict[int, list[Markup]] = {}
    for row, cells in enumerate(grid.rows):
        for index, cell in enumerate(cells):
            value = cell.value
            if ("<" in value or "&" in value) and len(cell.anchors) == 1:
                cleaned, found = clean_cell(cell.source, cell.origin(0), value)
                if found:
                    cells[index] = cleaned
                    markup.setdefault(row, []).extend(found)
                    continue
            if value and (value[0].isspace() or value[-1].isspace()):
                cells[index] = cell.strip()
    return markup


def _merged(grid: Grid, row: int, column: int | None) -> Text | None:
    """The cell's text when a merged range above fills it."""
    if column is None or (row, column) not in grid.merged:
        return None
    cell = grid.rows[row][column]
    return cell if cell.value else None


def _own(grid: Grid, row: int, column: int | None) -> Text | None:
    """The cell's text when the row writes it itself (not blank, not merged)."""
    if column is None or (row, column) in grid.merged:
        return None
    cell = grid.rows[row][column]
    return cell if cell.value else None


def _cell(cells: list[Text], columns: dict[str, int], key: str) -> Text | None:
    index = columns.get(key)
    return None if index is None else cells[index]


def indicator(
    grid: Grid, row: int, columns: dict[str, int], levels: _Levels
) -> IndicatorCells | None:
    """The indicator of a grid row, or None for a row with nothing of its own."""
    cells = grid.rows[row]
    total = _stated_total(grid, row, columns)
    if total is not None:
        return total
    level1, level2, own2 = levels.take(grid, row, columns)
    name = _cell(cells, columns, "name")
    if name is not None:
        name = one_line(without_name_prompt(name))
    comparator = _cell(cells, columns, "comparator")
    nature = _cell(cells, columns, "nature")  # 定量/定性, or the comparator
    if not _comparing(comparator) and _comparing(nature):
        comparator = nature
    measure = _cell(cells, columns, "measure")
    period_cell = _cell(cells, columns, "period")
    annual_cell = _cell(cells, columns, "annual" if "annual" in columns else "value")
    if period_cell is None and annual_cell is None:
        return None
    if not _comparing(comparator) and (
        not _qualitative(nature) or _measured(measure, annual_cell or period_cell)
    ):
        # No comparator column, or none written in it: a 指标方向 column
        # beside the value says whether it is a floor or a cap (正向, 反向),
        # or holds the comparator itself (≥). A bare number its 指标性质
        # calls 定性 is judged as written: no floor or cap is read into it
        # (a date pasted as its serial number, 45808, stays one); a number
        # with its unit (90 | % | 反向) is a quantity whatever the nature
        # column says, and takes its direction.
        direction = _cell(cells, columns, "direction")
        if period_cell is not None:
            period_cell = _directed(direction, period_cell, measure)
        if annual_cell is not None:
            annual_cell = _directed(direction, annual_cell, measure)

    def side(cell: Text | None, key: str) -> Text | None:
        """A side's value: its cell with the comparator and unit written
        under its own heading (年度指标值 over 符号 | 数值 | 单位), else the row's."""
        if cell is None:
            return None
        return compose(
            _cell(cells, columns, f"{key}_comparator") or comparator,
            cell,
            _cell(cells, columns, f"{key}_measure") or measure,
        )

    period = side(period_cell, "period")
    annual = side(annual_cell, "annual")
    has_name = name is not None and bool(name.value)
    has_value = any(v is not None and v.value for v in (period, annual))
    if not (has_name or has_value or own2):
        return None
    extras: dict[str, Text] = {}
    for key in ("weight", "direction", "note", "standard"):
        cell = _cell(cells, columns, key)
        if cell is not None and cell.value:
            extras[key] = cell
    for cell in (nature, comparator):
        if cell is not None and cell.value:
            extras["nature"] = cell
            break
    for key in ("annual_measure", "period_measure", "measure"):
        cell = _cell(cells, columns, key)
        if cell is not None and cell.strip().value not in _BLANK_UNITS:
            extras["measure"] = cell  # kept whether the value took it or is words
            break
    sign = direction_sign(_cell(cells, columns, "direction"))
    if sign is not None:  # kept whether the value took it or wrote its own
        extras["sign"] = sign
    return IndicatorCells(level1, level2, name, period, annual, extras, row_line(grid, row))


def _comparing(cell: Text | None) -> bool:
    """Whether a cell holds a comparator (``≥``, ``不低于``), not 定量/定性."""
    return cell is not None and cell.strip().value in _COMPARATORS


_UNIT_AFTER_NUMBER_RE = re.compile(r"\d\s*[%％‰A-Za-z\u4e00-\u9fff]")


def _measured(measure: Text | None, value: Text | None) -> bool:
    """Whether a value has a unit: in its 度量单位 cell or written after its
    number (``90%``, ``42处``)."""
    if measure is not None and measure.value.strip():
        return True
    return value is not None and _UNIT_AFTER_NUMBER_RE.search(value.value) is not None


def _qualitative(cell: Text | None) -> bool:
    """Whether a 指标性质 cell calls the value qualitative (定性, 定性指标)."""
    return cell is not None and _SPACES_RE.sub("", cell.value).startswith("定性")


def _directed(direction: Text | None, value: Text, measure: Text | None) -> Text:
    """``value`` with the comparator its 指标方向 cell gives it in front
    (:func:`direction_comparator`; the value with its unit column, when it
    has one, judged whole), else ``value``."""
    whole = compose(None, value, measure)
    sign = direction_comparator(direction, whole)
    if sign is None:
        return value
    return compose(sign, value, None)


_TOTAL_ROW_RE = re.compile(r"^(?:合计|总计|总分|满分|分值合计|权重合计|总分值)[:：]?$")


def _stated_total(grid: Grid, row: int, columns: dict[str, int]) -> IndicatorCells | None:
    """A row that states the total of the weights (``合计 | … | 100``): the
    first filled cell of the row says 合计/总分 and the weight column holds
    the total. Kept as a row of its own (``extras["total"]``), no indicator."""
    weight = _own(grid, row, columns.get("weight"))
    if weight is None:
        return None
    cells = grid.rows[row]
    first = next(
        (cell for col, cell in enumerate(cells) if cell.value and (row, col) not in grid.merged),
        None,
    )
    if first is None or first is weight or not _TOTAL_ROW_RE.match(_SPACES_RE.sub("", first.value)):
        return None
    return IndicatorCells(first, None, None, None, None, {"total": weight}, row_line(grid, row))


def row_line(grid: Grid, row: int) -> int:
    """The source line of a grid row (a TSV file's line; a sheet's row in the
    synthetic source that findings report), from a cell the row writes itself."""
    for col, cell in enumerate(grid.rows[row]):
        if (row, col) not in grid.merged:
            return cell.source.position(cell.origin(0))[0]
    return grid.lines[row] if grid.lines else row + 1


def _banner(cells: list[Text]) -> str | None:
    """The text of a row that holds one text only (a title, a heading line,
    a note; a merged row repeats it in every cell), else None."""
    values = {cell.value.strip() for cell in cells if cell.value.strip()}
    return values.pop() if len(values) == 1 else None


_YEAR_LINE = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]")
"""The budget year printed on a line of its own under a form's title
(``项目支出绩效目标申报表`` / ``（2025年度）``)."""
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")


def _year_under_title(table: Table, text: str) -> bool:
    """Take ``（2025年度）`` under a title that names no year into that title
    (the table's, and the next form's): the budget year it states."""
    if _YEAR_LINE.fullmatch(text) is None:
        return False
    if table.title and not _TITLE_YEAR.search(table.title):
        table.title += text
    if table.last_title and not _TITLE_YEAR.search(table.last_title):
        table.last_title += text
    return True


def _heading(table: Table, text: str) -> None:
    if _year_under_title(table, text):
        return
    if names_title(text):
        table.read_title(text)
        return
    name = organization_name(text)
    if name is not None:
        table.organization = table.organization or name or None


# --------------------------------------------------------------------------
# The form


def _list_heading(table: Table, text: str) -> None:
    """A heading above a list: as :func:`_heading`, and a ``单位名称：…`` names
    the unit of the list below it, one of several (a sheet, a Word or a web
    table per unit: :func:`~audit.readers.common.units_from_headings`)."""
    _heading(table, text)
    named = organization_name(text)
    if named:
        table.unit_headings.append((len(table.rows), named, table.take_title()))


def _begin(
    grid: Grid, table: Table | None, heading: Callable[[Table, str], None] = _heading
) -> tuple[str, frozenset[int], Table, dict[int, list[Markup]]]:
    """What reading a form or a list starts with: the grid trimmed, its
    amount unit and numeric cells, the table (new unless given) with the
    headings above the grid taken in (by ``heading``), and the markup
    removed, by row."""
    markup = _trim(grid)
    unit = amount_unit(grid)
    numeric = numeric_offsets(grid)
    table = table if table is not None else Table(rows=[])
    for line in grid.headings:
        heading(table, line.strip())
    return unit, numeric, table, markup


_SUB_HEADER_KEYS = frozenset(
    {"period", "annual", "value", "measure", "comparator", "nature", "direction"}
)
"""What a header's second row may name: the value's sides and parts."""


_FUNDS_HEADING_RE = re.compile(r"^(?:资金来源|资金构成|资金组成|项目资金|预算资金)")
"""A heading over the sources of funds on a header's second row."""
SOURCE_UNREAD = (
    "source of funds not read: amounts are read as 总计, 财政拨款, 财政专户拨款, 其他资金 "
    "and 上年结转"
)
"""Why a source of funds a list's header names is left unread (中央资金)."""


def _without_other_sources(heads: list[Text], parts: list[Text]) -> list[Text]:
    """A header's second row with the sources of funds it names that are no
    amount column of the model (``中央资金``, ``地方资金``) blanked, where they
    stand beside the project's total (合计, 小计) under a heading over the
    sources (``资金来源（万元）``); else the row as it is."""
    blanked = list(parts)
    total = False
    for index, cell in enumerate(parts):
        text = cell.value.strip()
        if not text:
            continue
        key = column_key(text)
        if key == "total":
            total = True
        if key is not None or grid_side(text) is not None:
            continue
        heading = next((h.value for h in reversed(heads[: index + 1]) if h.value.strip()), "")
        if _FUNDS_HEADING_RE.match(_SPACES_RE.sub("", heading)) is None or len(text) > 12:
            return parts
        blanked[index] = cell.slice(0, 0)
    return blanked if total else parts


def _note_other_sources(grid: Grid, row: int, columns: dict[str, int], table: Table) -> None:
    """Note each source of funds on the header's second row ``row`` that no
    amount column reads (``中央资金``): never dropped without a word."""
    placed = set(columns.values())
    for index, cell in enumerate(grid.rows[row]):
        text = cell.value.strip()
        if (
            text
            and index not in placed
            and column_key(text) is None
            and grid_side(text) is None
            and (row, index) not in grid.merged
        ):
            table.unread.append(f"{grid.location(row, index)}: 「{text}」 {SOURCE_UNREAD}")


def _with_sub_header(
    grid: Grid, row: int, columns: dict[str, int], amounts: bool = False
) -> tuple[dict[str, int], bool]:
    """The header's columns with those its second row names (指标值 over
    年度指标值 | 实施期指标值, as a header over two rows gives them unmerged,
    or as a CSV saved from it does), and whether the second row is one; the
    second row names the value's sides and parts only, and, in a list
    (``amounts``), the sources of funds under a heading over them
    (``项目资金（万元）`` over ``合计 | 财政拨款 | 其他资金``)."""
    if row + 1 >= len(grid.rows):
        return columns, False
    # the second row's own cells: a workbook fills the header's cells merged
    # down over both rows (一级指标) into it
    parts = [
        cell.slice(0, 0) if (row + 1, index) in grid.merged else cell
        for index, cell in enumerate(grid.rows[row + 1])
    ]
    below = _header_map(parts, sub_header=True)
    if not below and amounts:
        # sources of funds the model has no column for (中央资金 | 地方资金)
        # beside the total under a heading over them: the total is read
        below = _header_map(_without_other_sources(grid.rows[row], parts), sub_header=True)
    allowed = _SUB_HEADER_KEYS | {*_AMOUNTS, PERIOD_TOTAL} if amounts else _SUB_HEADER_KEYS
    if not below or not set(below) <= allowed:
        return columns, False
    # a heading over the second row's names (项目资金, 年度指标值) names no
    # column of its own
    named = {index for index, cell in enumerate(parts) if cell.value.strip()}
    heads = {key: at for key, at in columns.items() if at in named and key in ("annual", "period")}
    columns = {key: at for key, at in columns.items() if at not in named}
    columns = {**columns, **below}
    if "annual" in below:
        columns.pop("value", None)
    if "value" in below and heads:
        # 年度指标值 over 符号 | 数值 | 单位: the parts under each side's
        # heading, up to the next side's, are that side's value
        starts = sorted(heads.items(), key=lambda item: item[1])
        columns.pop("value")
        for position, (side, at) in enumerate(starts):
            end = starts[position + 1][1] if position + 1 < len(starts) else len(parts)
            for index in range(at, end):
                key = column_key(parts[index].value)
                if key == "value":
                    columns.setdefault(side, index)
                elif key in ("comparator", "measure"):
                    columns.setdefault(f"{side}_{key}", index)
    return columns, True


def read_form(grid: Grid, table: Table | None = None) -> Table:
    """The projects of every form in the grid (added to ``table`` when given:
    the sheets or pages of one document)."""
    unit, numeric, table, markup = _begin(grid, table)
    stated = _stated_amount_unit(grid) is not None
    carried = _last_project(table)
    facts: dict[str, Text] = {}
    markup_of_project: list[Markup] = []
    units: dict[str, str] = {}
    facts_line = 0
    cells_of_project: list[IndicatorCells] = []
    sides: list[str | None] = []  # the labelled grid (中期/年度) of each row
    side: str | None = None
    grid_labels: set[str] = set()  # what the project's grids are labelled
    carried_sides: list[str | None] = []  # of the rows added to ``carried``
    columns: dict[str, int] | None = None
    unnamed: dict[str, int] | None = None  # the header's columns, before a grid's label names one
    levels = _Levels()
    current_unit = _current_unit(table)
    skip_next = False
    block = _AmountBlock()
    above: dict[str, tuple[Text | None, str | None]] = {}
    """The amounts labelled above the project's name, numbers only (a
    收支总表's 本年预算数 heads printed above the form are labels over words,
    ``收入 | 本年预算数 | 支出``): the form's own amounts win."""
    form_title: str | None = None  # the title above the form being read

    def close() -> None:
        nonlocal current_unit
        name = facts.get("project")
        if name is None:
            return
        name = one_line(name)
        owner = facts.get("implementer") or facts.get("department")
        owner = None if owner is None else one_line(owner)
        if owner is not None and owner.value != current_unit:
            current_unit = owner.value
            table.rows.append(unit_row(owner, facts_line, form_title))
        department = facts.get("department")
        if department is not None and table.organization is None:
            table.organization = department.value
        taken = block.amounts(facts, units)
        if above and not any(cell for cell, _ in taken.values()):
            taken = above  # the form states none of its own: those above its name
        silent = _labels_unit((named for _, named in taken.values()), unit, stated)
        amounts = Amounts(
            **{key: amount(cell, named or silent, numeric) for key, (cell, named) in taken.items()}
        )
        # A 年度目标 cell left blank is a missing goal; the period goal stands
        # in only on a form without the label.
        for key in _GOALS & facts.keys():
            facts[key] = without_goal_prompts(facts[key])
        goal = facts["goal"] if "goal" in facts else facts.get("period_goal")
        row = Row(
            name,
            amounts,
            goal if goal else None,
            None,
            facts_line,
            kind="project",
            markup=list(markup_of_project),
            indicator_cells=_without_headings(_join_sides(cells_of_project, sides, grid_labels)),
        )
        term = facts.get("term")
        term = term if term and not point_in_time(term.value) else None
        # no 项目期: the years its period goal's or amount's label names
        row.term = term if term is not None else facts.get(_LABEL_TERM)
        period_goal = facts.get("period_goal")
        row.period_goal = period_goal if period_goal else None
        # 资金总额 and 其中：财政拨款 with no line for other funds: a part is named
        row.sources_partial = block.labelled & _SOURCES == {"fiscal"}
        row.term_total = block.term_total(taken, silent, numeric)
        row.plans = tuple(
            (key, planned) for key in _AMOUNTS if (planned := facts.get(_PLANNED + key)) is not None
        )
        table.rows.append(row)

    aside, resume = _side_rows(grid, table)
    department = False  # in a 部门整体支出绩效目标表 above the forms
    for index, cells in enumerate(grid.rows):
        if aside <= index < resume:
            if index == aside:  # the project before it ends there
                close()
                facts, units, cells_of_project, markup_of_project = {}, {}, [], []
                sides, grid_labels = [], set()
                block = _AmountBlock()
                columns = unnamed = None
            continue
        if skip_next:
            skip_next = False
            markup_of_project.extend(markup.get(index, ()))
            continue
        header = _header_map(cells)
        if _is_indicator_header(header):
            markup_of_project.extend(markup.get(index, ()))
            columns = _year_columns(header, grid, index, table)
            levels = _Levels()
            columns, skip_next = _with_sub_header(grid, index, columns)
            skip_next = skip_next or _header_in_english(grid, index + 1, columns)
            unnamed = columns
            named = _side_columns(columns, _labelled_side(grid, index, columns))
            side = None if named is columns else ("period" if "period" in named else "annual")
            columns = named
            if side is not None:
                grid_labels.add(side)
            _note_unplaced(grid, index, header, columns, table)
            continue
        banner = _banner(cells)
        labels = _row_labels(cells, "project" in facts, columns is not None)
        if columns is None and block.below and block.heads:
            labels = _sum_under_side_heads(cells, labels, block)
        names_project = any(key == "project" for _, key in labels)
        labelled = any(key is not None for _, key in labels)
        # A label after the grid, or a second 项目名称, begins the next form.
        if (columns is not None and _begins_form(labels, columns)) or (
            names_project and "project" in facts
        ):
            close()
            facts, units, cells_of_project, markup_of_project = {}, {}, [], []
            sides, grid_labels = [], set()
            block = _AmountBlock()
            columns = unnamed = None
        markup_of_project.extend(markup.get(index, ()))
        if names_project:
            if "project" not in facts:
                above = {
                    key: (cell, named)
                    for key, (cell, named) in block.amounts(facts, units).items()
                    if cell is not None and _a_number(cell)
                }
                block = _AmountBlock()
                for key in _AMOUNTS:
                    facts.pop(key, None)
                    units.pop(key, None)
            facts_line = row_line(grid, index)
            form_title = table.take_title()
            department = False
        if banner is not None and "project" not in facts and whole_title(banner):
            # the department's own table before the projects' forms: its rows
            # are no project's, nor the end of one the page before began
            department = True
            table.set_aside.append(grid.location(index, 0))
            continue
        if department:
            continue
        if columns is None:
            if banner is not None and not labelled:
                _heading(table, banner)
                continue
            if not labelled:
                if "project" in facts and block.head_row(cells):
                    continue  # 实施期 | 年度 over the amounts' labels
                for cell in cells:
                    _heading(table, cell.value.strip())
                continue
            _read_labels(grid, index, labels, facts, units, block)
            continue
        if banner is not None and CONTINUED_MARK_RE.fullmatch(banner):
            continue  # 续表: the mark of the grid carried over a page break
        if banner is not None and stated_unit(banner) is not None:
            continue  # 单位：万元 over the next form, wherever its cell stands: no indicator
        if banner is not None and names_title(banner) and not whole_title(banner):
            table.read_title(banner)  # the next form's own title (2025年…绩效目标表)
            continue
        if banner is not None and _year_under_title(table, banner):
            continue  # （2025年度） under it
        if banner is not None and _label(banner) is None and not _in_grid(cells, columns, banner):
            continue  # a note under the grid
        if banner is None and _signature(cells):
            continue  # 填报人：… | 联系电话：… under the grid: a signature, no indicator
        if banner is None and _heading_row(cells) is not None:
            # the head of the next form stacked under the grid (its title,
            # 填报单位（盖章）：… | 金额单位：万元): no indicator of the form above
            for text in dict.fromkeys(cell.value.strip() for cell in cells if cell.value.strip()):
                _heading(table, text)
            continue
        labelled_here = None if unnamed is None else _body_side(cells, unnamed)
        if unnamed is not None and labelled_here is not None and labelled_here != side:
            # 中期绩效指标 / 年度绩效指标 in the left column beside the grid's
            # rows, under one header: the rows from here on are that grid's
            named = _side_columns(unnamed, labelled_here)
            if named is not unnamed:
                columns, side = named, labelled_here
                grid_labels.add(side)
                levels = _Levels()
        found = indicator(grid, index, columns, levels)
        if found is None:
            continue
        if "project" not in facts:  # a grid without its form above
            if carried is not None:  # the grid of the page before, continued
                assert carried.indicator_cells is not None
                carried.indicator_cells.append(found)
                carried_sides.append(side)
            else:  # an excerpt that begins inside a project
                _orphan(table, cells)
            continue
        cells_of_project.append(found)
        sides.append(side)
    close()
    if carried is not None:
        _join_carried(carried, carried_sides)
    return table


def _a_number(cell: Text) -> bool:
    """Whether an amount cell holds a number (``3,600.00``), not a word."""
    found = parse_amount(cell)
    return found is not None and found.value is not None


_INDICATOR_CELLS = ("level2", "name", "period", "annual", "value", "note", "standard")


def _begins_form(labels: list[tuple[int, str | None]], columns: dict[str, int]) -> bool:
    """Whether a row under the grid begins the next form: a label stands
    in it outside the cells of an indicator (``项目名称`` in the first
    column). A label's words in the 三级指标 cell name an indicator
    (``成本指标 | 经济成本指标 | 资金总额 | ≤80万元``: the cost held to the
    budget), not the next form's amount."""
    inside = {columns[key] for key in _INDICATOR_CELLS if key in columns}
    return any(key is not None and index not in inside for index, key in labels)


def _continued_mark(cells: list[Text]) -> bool:
    """A row of nothing but the 续表 mark of a table carried over a page
    break."""
    banner = _banner(cells)
    return banner is not None and CONTINUED_MARK_RE.fullmatch(banner) is not None


def _side_table_at(grid: Grid, table: Table) -> int:
    """The row a self-evaluation or monitoring table under the performance
    table begins at (:func:`~audit.readers.sidetables.side_start`), set
    aside with a note; else the grid's end."""
    return _side_rows(grid, table)[0]


def _side_rows(grid: Grid, table: Table) -> tuple[int, int]:
    """The rows of a table of another kind under the performance table, set
    aside with a note: from where it begins (:func:`_side_table_at`) to the
    grid's end, or, for a 部门整体支出绩效目标表 (the department's own grid,
    printed between projects' forms), to the next form's 项目名称."""
    end = len(grid.rows)
    start = side_start([grid.values(index) for index in range(end)])
    if start is None:
        return end, end
    table.set_aside.append(grid.location(start, 0))
    banner = _banner(grid.rows[start])
    if banner is not None and whole_title(banner):
        for index in range(start + 1, end):
            labels = _row_labels(grid.rows[index], False, False)
            if any(key == "project" for _, key in labels):
                return start, index
    return start, end


def _last_project(table: Table) -> Row | None:
    """The project the grids read before end with: the rows at the top of
    the next grid (a page or sheet break) continue it."""
    last = table.rows[-1] if table.rows else None
    if last is None or last.kind != "project" or last.indicator_cells is None:
        return None
    return last


def _current_unit(table: Table) -> str | None:
    """The unit the grids read before end in: a form or list in the next grid
    (a Word table, a sheet) of the same unit goes on in it."""
    for row in reversed(table.rows):
        if row.kind == "unit":
            return row.name.value
    return None


def _orphan(table: Table, cells: list[Text]) -> None:
    """Keep an indicator row that no project comes before (the rows of the
    project an excerpt begins inside) for the ``orphan-text`` rule."""
    text = row_text(cells)
    if text is not None:
        table.orphans.append(text)


def _without_headings(rows: list[IndicatorCells]) -> list[IndicatorCells]:
    """The indicator rows without those that only head the rows below: a
    row with a level-2 category and nothing else, whose category the next
    row inherits (written once above its indicators, not left empty)."""
    kept = []
    for index, row in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        if (
            row.is_empty
            and below is not None
            and row.level2 is not None
            and below.level2 is row.level2
        ):
            continue
        kept.append(row)
    return kept


def _in_grid(cells: list[Text], columns: dict[str, int], banner: str) -> bool:
    """Whether a one-text row is an indicator row: its text in an indicator
    column only (a level-1 cell of its own), or in the name cell and its
    value cells (``更换灯具数量 | 更换灯具数量``: a value that restates the
    name, the defect itself, not a note spread over the row)."""
    at = [i for i, cell in enumerate(cells) if cell.value.strip() == banner]
    if len(at) == 1:
        return at[0] in columns.values()
    values = {columns.get(key) for key in ("period", "annual", "value")} - {None}
    return len(at) in (2, 3) and at[0] == columns.get("name") and set(at[1:]) <= values


class _AmountBlock:
    """The amounts of a form's project block, which may state them for the
    implementation period and for the year side by side: label/value pairs
    in two columns (the Ministry's 申报表: ``中期资金总额 | 2,400.00 |
    年度资金总额 | 800.00``, its ``其中：财政拨款`` and ``其他资金`` rows
    below in both columns), or a row of column heads (``实施期资金总额 |
    年度资金总额``) over the rows ``资金总额``, ``其中：财政拨款``, ``其他资金``.
    Each amount is kept by the column it stands in; the annual column is the
    project's, and an amount is never taken from the other column while the
    annual one states any."""

    __slots__ = ("below", "heads", "labelled", "sided", "unit")

    def __init__(self) -> None:
        self.heads: list[tuple[int, str]] = []
        """(column, side) of the block's columns, left to right; empty
        outside a block of two columns."""
        self.below = False
        """Whether the heads are a row of column heads with the values below."""
        self.sided: dict[str, dict[str, tuple[Text, str | None]]] = {"annual": {}, "period": {}}
        self.labelled: set[str] = set()
        """The amounts the block has a label for, filled or not."""
        self.unit: str | None = None
        """The amount unit a row of side heads names (``项目资金（元） | 实施期 | 年度``)."""

    def begin(
        self, grid: Grid, row: int, amounts: list[tuple[int, str]], stops: dict[int, int]
    ) -> None:
        """Start (or end) a block at a row of amount labels: two columns when
        the row names both an annual and a period amount."""
        cells = grid.rows[row]
        sides = [(column, _amount_side(cells[column].value)) for column, _ in amounts]
        named = {side for _, side in sides if side is not None}
        if not amounts:
            self.heads, self.below, self.unit = [], False, None
            return
        if named != {"annual", "period"}:
            return
        self.heads = [(column, side) for column, side in sides if side is not None]
        annual = next(column for column, side in self.heads if side == "annual")
        below = grid.rows[row + 1] if row + 1 < len(grid.rows) else None
        self.below = (
            below is not None
            and _cell_key(below[annual].value) is None
            and all(
                not (found := _value_right(grid, row, column, stops[column], cells[column].value))
                or not found.value
                for column, _ in self.heads
            )
        )

    def head_row(self, cells: list[Text]) -> bool:
        """Start a block at a row of side heads with no label (``项目资金（万元）
        | 实施期 | 年度`` over ``资金总额 | 1,500.00 | 520.00``): the amount
        labels below have their values in the heads' columns. Only a row
        naming both sides, and nothing else but a caption left of them."""
        heads = [(column, _side_head(cell.value)) for column, cell in enumerate(cells)]
        named = [(column, side) for column, side in heads if side is not None]
        if {side for _, side in named} != {"annual", "period"}:
            return False
        first = named[0][0]
        others = [
            cell.value
            for column, cell in enumerate(cells)
            if cell.value.strip() and heads[column][1] is None
        ]
        if any(cell.value.strip() for cell in cells[first:] if _side_head(cell.value) is None):
            return False  # a value among the heads: no row of heads
        if len(set(others)) > 1:
            return False
        self.heads, self.below = named, True
        self.unit = next((_unit_in(text) for text in others), None)
        return True

    def side(self, cells: list[Text], column: int, row_side: str | None) -> str | None:
        """The column an amount label at ``column`` belongs to: the one it
        names, else the block column it stands in, else ``row_side`` (the
        one the total beside it names)."""
        named = _amount_side(cells[column].value)
        if named is not None:
            return named
        if self.heads and not self.below:
            inside = [side for at, side in self.heads if at <= column]
            return inside[-1] if inside else None
        return row_side

    def take(self, side: str, key: str, cell: Text, unit: str | None) -> None:
        self.sided[side].setdefault(key, (cell, unit))

    def amounts(
        self, facts: dict[str, Text], units: dict[str, str]
    ) -> dict[str, tuple[Text | None, str | None]]:
        """The project's amount cells and the unit each label names: the
        annual column's when the form states any, else those labelled without
        a column when they state a total (``资金总额`` below ``项目总投资`` or
        ``中期资金总额``: the form's own total, the year's), else the period
        column's, else the amounts labelled without a column."""
        own = facts.get("total")
        chosen = self.sided["annual"] or (
            {} if own is not None and own.value.strip() else self.sided["period"]
        )
        taken: dict[str, tuple[Text | None, str | None]] = {}
        for key in _AMOUNTS:
            if key in chosen:
                taken[key] = chosen[key]
            else:
                taken[key] = (facts.get(key), units.get(key))
        return taken

    def term_total(
        self,
        taken: dict[str, tuple[Text | None, str | None]],
        unit: str,
        numeric: frozenset[int],
    ) -> Amount | None:
        """The project's amount over its whole term (中期资金总额, 项目总投资),
        when the form states it beside the year's total that ``taken`` holds
        (:meth:`amounts`); None when it states none, or when it is the
        amount taken (the only one the form states)."""
        found = self.sided["period"].get("total")
        if found is None or taken.get("total") is found:
            return None
        cell, named = found
        return amount(cell, named or unit, numeric)


_SIDE_HEAD_TAILS = ("资金总额", "资金", "金额", "预算数", "预算", "")
"""What a head of an amount block's column may add to its side's word
(``实施期资金``, ``年度金额``, ``年度预算数``)."""


@lru_cache(maxsize=4096)
def _side_head(value: str) -> str | None:
    """The side a head of an amount block's column names by itself:
    ``period`` for 实施期, 中期 (``中期（2025-2027年）``), ``annual`` for
    年度, 本年度 (``年度（2025年）``), with 资金 or 金额 after the word or not;
    else None."""
    text = norm(value)
    for tail in _SIDE_HEAD_TAILS:
        if tail and not text.endswith(tail):
            continue
        word = text[: len(text) - len(tail)]
        if word in _GRID_PERIOD_WORDS:
            return "period"
        if word in (*ANNUAL_WORDS, "本年度", "当年度"):
            return "annual"
    return None


_LABEL_TERM = "label_term"
"""The facts' key of the years a period label names (``中期目标（2026年—2028年）``,
``中期资金总额（2026-2028年）``): the project's term where the form has no 项目期."""

_PLANNED = "plan:"
"""Before an amount's key in a form's facts: the text beside its label of
what is arranged that is no number (:attr:`~audit.model.Project.plans`)."""

_LABEL_TERM_RE = re.compile(
    rf"[（(]{_PLAN_BESIDE}\s*(20\d\d){_YEAR_TAIL}\s*[—\-－–~～至到]+\s*(20\d\d){_YEAR_TAIL}"
    rf"{_PLAN_BESIDE}{_BRACKET_TAIL}\s*[)）]"
)
"""Two years in a label's brackets, as :data:`_SPAN_IN_BRACKETS` reads them,
written out (not the template's ``（20××年—20××年）``)."""
_LABEL_PLAN_RE = re.compile(_PLAN_IN_BRACKETS)
"""A five-year plan in a period label's brackets (``中期目标（"十四五"期间）``):
its years, 2021–2025 (:attr:`~audit.model.Project.term_years`), are the
project's term where the form has no 项目期."""
_LABEL_COUNT_RE = re.compile(_COUNT_IN_BRACKETS)
"""A number of years in a period label's brackets (``中期目标（三年）``), read
as the project's term (``三年``: its length, :attr:`~audit.model.Project.term_length`)
where the form has no 项目期."""


def label_term(label: Text) -> Text | None:
    """The term a period label names in its brackets: two years
    (``中期目标（2026年—2028年）``: the span), a five-year plan
    (``中期目标（"十四五"期间）``: 十四五, its years) or a number of years or
    months (``中期目标（三年）``, ``（三年行动）``: the count); None for one
    year or none."""
    span = _LABEL_TERM_RE.search(label.value)
    if span is not None and span.group(1) != span.group(2):
        return label.slice(span.start(), span.end())
    plan = _LABEL_PLAN_RE.search(label.value)
    if plan is not None:
        return label.slice(plan.start(1), plan.end(1))
    count = _LABEL_COUNT_RE.search(label.value)
    if count is not None:  # 中期目标（三年）: a term of three years, none named
        return label.slice(count.start(1), count.end(1))
    return None


def _read_labels(
    grid: Grid,
    row: int,
    labels: list[tuple[int, str | None]],
    facts: dict[str, Text],
    units: dict[str, str],
    block: _AmountBlock,
) -> None:
    """Take the label/value pairs of a row of the project block: the value
    stands right of its label (a merged label or value covers several
    cells) or in the label's own cell after its colon; a row of labels only
    has its values in the row below. Amounts go by column
    (:class:`_AmountBlock`)."""
    cells = grid.rows[row]
    labels = _with_total_head(grid, row, labels)
    keys = [(i, key) for i, key in labels if key is not None]
    for column, key in keys:
        if key == "period_goal" or (
            key in _AMOUNTS and _amount_side(cells[column].value) == "period"
        ):
            term = label_term(cells[column])
            if term is not None:
                facts.setdefault(_LABEL_TERM, term)
    width = len(cells)
    filled = [i for i, cell in enumerate(cells) if cell.value.strip()]
    below = grid.rows[row + 1] if row + 1 < len(grid.rows) else None
    if (
        below is not None
        and not _is_indicator_header(_header_map(below))
        and all(key in _GOALS and _label(cells[i].value) is not None for i, key in keys)
        and all(labels[i][1] is not None or (row, i) in grid.merged for i in filled)
    ):
        # Goals labelled in one row (总体目标 | 实施期目标 | 年度目标) and written below.
        taken = False
        blank: list[tuple[str, Text]] = []
        for column, key in keys:
            value = below[column]
            if key in facts:
                continue
            if not value.value.strip():
                blank.append((key, value))
            elif _cell_key(value.value) is None:
                facts[key] = value
                taken = True
        if taken:
            # A goal label over a blank cell beside a goal written (年度目标
            # left blank under its label): the goal is left out, recorded
            # blank, so the other goal does not stand in for it.
            for key, value in blank:
                facts.setdefault(key, value)
            return
    stops = {
        column: keys[position + 1][0] if position + 1 < len(keys) else width
        for position, (column, _) in enumerate(keys)
    }
    amounts = [(column, key) for column, key in keys if key in _AMOUNTS]
    block.labelled.update(key for _, key in amounts)
    block.begin(grid, row, amounts, stops)
    named_sides = {_amount_side(cells[column].value) for column, _ in amounts} - {None}
    row_side = named_sides.pop() if len(named_sides) == 1 else None
    under = _values_under_heads(grid, row, keys, stops)
    for column, key in keys:
        if key in _AMOUNTS and block.below:
            _take_below_heads(grid, row, column, key, block)
            continue
        side = None
        if key in _AMOUNTS:  # a source beside a total follows the total's column
            side = block.side(cells, column, None if key == "total" else row_side)
        known = key in facts if side is None else key in block.sided[side]
        if known:
            continue
        found: Text | None
        if under is not None:
            found, named = under[column]
        else:
            found, named = _value_of(grid, row, column, stops[column], key)
        if key == "term" and found is not None and _label(cells[column].value) is not None:
            found = _term_right(grid, row, column, stops[column], found)
        if found is None:
            continue
        if key in _AMOUNTS and _plan_of_work(cells[column].value, found):
            facts.setdefault(_PLANNED + key, found)  # the year's plan, or words for an amount
            continue
        if side is None:
            facts[key] = found
            if named is not None:
                units[key] = named
        else:
            block.take(side, key, found, named)


_NUMBER_LIKE_RE = re.compile(r"^-?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:万元|元)?$")


_UNWRITTEN_AMOUNT_RE = re.compile(
    r"^[（(【\[]?(?:待(?:单位|上级|财政)?(?:补充|补|填写?|填报|确定|核定|测算|明确|定)"
    r"|[XxＸｘ×*＊]{2,}|…+|[.．。]{3,}|[？?]+|□+)[）)】\]]?(?:万元|元)?$"
)
"""An amount cell that says its amount is not written yet: a draft's
placeholder (``待补充``, ``待单位补充``, ``XXX``, ``……``, ``XX万元``), never a
plan of work."""


def _unwritten_amount(value: str) -> bool:
    """Whether an amount cell holds a draft's placeholder for its amount
    (:data:`_UNWRITTEN_AMOUNT_RE`): an amount to be filled, not text of
    another kind."""
    return _UNWRITTEN_AMOUNT_RE.match(_SPACES_RE.sub("", value)) is not None


def _plan_of_work(label: str, value: Text) -> bool:
    """Whether a label of what is arranged (年度安排, 本年安排: the year's
    money, or the year's plan of work) has a plan of work beside it, text
    that is no number (``第一季度完成招标…``): no amount, and no amount's
    error. A placeholder where the amount goes (``待补充``, ``XXX``) is the
    amount not written yet, read as the amount (the rules report it). An
    amount's other labels (资金总额) keep whatever they hold."""
    return (
        _year_as_word(norm(label)).endswith(_ARRANGED_NOUNS)
        and bool(value.value.strip())
        and _NUMBER_LIKE_RE.match(_SPACES_RE.sub("", value.value)) is None
        and not _unwritten_amount(value.value)
    )


def _with_total_head(
    grid: Grid, row: int, labels: list[tuple[int, str | None]]
) -> list[tuple[int, str | None]]:
    """The labels of a row of amount heads over a row of values with the
    head of the total among them: 合计 (总计, 小计) beside 财政拨款 and
    其他资金 (``项目资金（万元） | 合计 | 财政拨款 | 其他资金`` over ``| 360.00 |
    300.00 | 60.00``) names the total there, and only there (as a label
    elsewhere 合计 is no project's fact: a weight's total under the grid).
    A total's name before the heads, with 合计 right of it, is their caption
    (``预算安排（万元） | 合计 | 财政拨款 | 其他资金``), as 项目资金（万元） is.
    Other rows' labels are returned as they are."""
    found = _sum_head(grid, row, labels)
    if found is None:
        found = _sum_head(grid, row, _total_as_caption(grid, row, labels))
    return labels if found is None else found


def _total_as_caption(
    grid: Grid, row: int, labels: list[tuple[int, str | None]]
) -> list[tuple[int, str | None]]:
    """The labels of a row whose first label names the total and whose next
    filled cell is a sum word (合计), with that first label taken as a
    caption (no label); else the labels as they are."""
    named = [index for index, key in labels if key is not None]
    if not named or labels[named[0]][1] != "total":
        return labels
    cells = grid.rows[row]
    first = named[0]
    right = next(
        (
            index
            for index in range(first + 1, len(cells))
            if cells[index].value.strip()
            and not ((row, index) in grid.merged and cells[index].value == cells[first].value)
        ),
        None,
    )
    if right is None or _SUM_WORD_RE.match(_SPACES_RE.sub("", cells[right].value)) is None:
        return labels
    return [(index, None if index == first else key) for index, key in labels]


def _sum_head(
    grid: Grid, row: int, labels: list[tuple[int, str | None]]
) -> list[tuple[int, str | None]] | None:
    """The labels of a row of amount heads with 合计 (总计, 小计) the total's
    head among them (:func:`_with_total_head`), None for any other row."""
    keys = [key for _, key in labels if key is not None]
    if not keys or "total" in keys or any(key not in _AMOUNTS for key in keys):
        return None
    cells = grid.rows[row]
    sums = [
        index
        for index, key in labels
        if key is None
        and (row, index) not in grid.merged
        and _SUM_WORD_RE.match(_SPACES_RE.sub("", cells[index].value)) is not None
    ]
    if len(sums) != 1:
        return None
    headed = [(index, "total" if index == sums[0] else key) for index, key in labels]
    found = [(index, key) for index, key in headed if key is not None]
    stops = {
        column: found[position + 1][0] if position + 1 < len(found) else len(cells)
        for position, (column, _) in enumerate(found)
    }
    return headed if _values_under_heads(grid, row, found, stops) is not None else None


def _values_under_heads(
    grid: Grid, row: int, keys: list[tuple[int, str]], stops: dict[int, int]
) -> dict[int, tuple[Text, str | None]] | None:
    """The amounts of a row of amount heads over a row of values
    (``项目资金（万元） | 年度资金总额 | 其中：财政拨款 | 其他资金`` over ``| 85 |
    80 | 5``), by the column of each head, with the unit its head (or the
    row's caption before the heads) names; None for any other row. The
    heads stand side by side with no value right of any (only a head's own
    merged copy, and blank cells after the last), and the row below holds
    no label and a value under the first head."""
    if len(keys) < 2 or any(key not in _AMOUNTS for _, key in keys):
        return None
    cells = grid.rows[row]
    for position, (column, _) in enumerate(keys):
        last = position == len(keys) - 1
        for index in range(column + 1, stops[column]):
            if (row, index) in grid.merged and cells[index].value == cells[column].value:
                continue  # the head's own merged copy
            if cells[index].value.strip() or not last:
                return None  # a value right of a head, or a blank one between two
    if row + 1 >= len(grid.rows):
        return None
    below = grid.rows[row + 1]
    if any(
        cell.value.strip() and _cell_key(cell.value) is not None and (row + 1, i) not in grid.merged
        for i, cell in enumerate(below)
    ):
        return None
    first = keys[0][0]
    if not below[first].value.strip() or (row + 1, first) in grid.merged:
        return None
    caption = next((cell.value for cell in cells[:first] if cell.value.strip()), "")
    above = grid.rows[row - 1] if row else []
    if any(_cell_key(cell.value) is not None for cell in above):
        above = []  # a row of the project's facts, no heading over the amounts
    return {
        column: (
            below[column],
            _unit_in(cells[column].value)
            or _unit_in(caption)
            or _heading_unit_over(above, column),  # 项目资金（元） merged over the heads
        )
        for column, _ in keys
    }


def _value_of(
    grid: Grid, row: int, column: int, stop: int, key: str
) -> tuple[Text | None, str | None]:
    """The value of the label at ``column`` (after its colon in its own cell,
    else right of it) and the amount unit the label or an amount names
    (``资金总额：268.00万元``)."""
    cell = grid.rows[row][column]
    inline = _inline(cell.value) if _label(cell.value) is None else None
    if inline is None:
        return _value_right(grid, row, column, stop, cell.value), _unit_in(cell.value)
    value = cell.slice(inline[1]).strip()
    tail = _LINE_UNIT_TAIL_RE.search(value.value)
    if tail is not None:  # 项目名称：古树名木保护      单位：万元
        value = value.slice(0, tail.start()).strip()
    unit = _AMOUNT_VALUE_UNIT_RE.search(value.value) if key in _AMOUNTS else None
    if unit is None or not any(ch.isdigit() for ch in value.value):
        return value, None
    return value.slice(0, unit.start()).strip(), unit.group()


_AMOUNT_VALUE_UNIT_RE = re.compile(r"万?元$")

_LINE_UNIT_TAIL_RE = re.compile(
    r"(?:\s+(?:[（(]\s*)?|[（(]\s*)(?:金额)?单位\s*[：:]\s*(万元|元)\s*[)）]?\s*$"
)
"""The amount unit stated at the end of a label's line, after a run of
space or in brackets (``项目名称：古树名木保护      金额单位：元``): the
table's unit, no part of the label's value."""


def _sum_under_side_heads(
    cells: list[Text], labels: list[tuple[int, str | None]], block: _AmountBlock
) -> list[tuple[int, str | None]]:
    """The labels of a row under a block's side heads whose label is 合计
    (总计, 小计: ``项目资金（万元） | 实施期 | 年度`` over ``合计 | 1,500.00 |
    520.00``): the project's total, as 资金总额 there, when an amount stands
    under a head. Other rows' labels are returned as they are (合计 elsewhere
    is no project's fact: a weight's total under the grid)."""
    if any(key is not None for _, key in labels):
        return labels
    first = min(at for at, _ in block.heads)
    filled = [index for index, cell in enumerate(cells) if cell.value.strip()]
    if not filled or filled[0] >= first:
        return labels
    if _SUM_WORD_RE.match(_SPACES_RE.sub("", cells[filled[0]].value)) is None:
        return labels
    if not any(
        at < len(cells) and any(ch.isdigit() for ch in cells[at].value) for at, _ in block.heads
    ):
        return labels
    return [(index, "total" if index == filled[0] else key) for index, key in labels]


def _take_below_heads(grid: Grid, row: int, column: int, key: str, block: _AmountBlock) -> None:
    """An amount label under a row of column heads: its values stand in the
    heads' columns (a head itself has no value)."""
    cells = grid.rows[row]
    if any(at == column for at, _ in block.heads):
        return
    for at, side in block.heads:
        if at > column and _cell_key(cells[at].value) is None:
            block.take(side, key, cells[at], _unit_in(cells[column].value) or block.unit)


_RANGE_MARK_RE = re.compile(r"^[—\-－–~～至到]+$|[—\-－–~～至到]$")
_POINT_RE = re.compile(
    r"^(?:19|20)\d\d\s*(?:([-./．])\s*\d{1,2}(?:\s*\1\s*\d{1,2})?|年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"
    r"(?:\s+0?0:00(?::00)?)?$"
)
"""One month or one day: ``2027-12``, ``2027-12-01``, ``2027年12月``, ``2027.12.31``
(not ``2025.01-12``, a range)."""


def point_in_time(term: str) -> bool:
    """Whether a 项目期 names one month or one day (``2027-12-01``, a date
    cell; ``2027年12月``; ``2025.12``), not a term: whether it is the start
    or the end is not told, so the project's years are not known from it. A
    year alone (``2025年``) is a term of that year."""
    return _POINT_RE.match(term.strip()) is not None


def _term_right(grid: Grid, row: int, column: int, stop: int, first: Text) -> Text:
    """A 项目期 written over the cells right of its label, up to the next
    label (start | end: ``2025-01-01 | 2027-12-01``, ``2025.01 | 至 |
    2027.12``), as one text: the cells joined with 至 where no range mark
    (``-``, ``至``) stands between them. A single cell (or one merged over
    several) is read as it is."""
    cells = grid.rows[row]
    parts: list[Text] = []
    for index in range(column + 1, stop):
        cell = cells[index]
        if not cell.value or (row, index) in grid.merged:
            continue  # blank, or the merged copy of the label or of a value
        parts.append(cell)
    if len(parts) < 2 or (parts[0] is not first and parts[0].origin(0) != first.origin(0)):
        return first
    builder = TextBuilder(first.source)
    for position, part in enumerate(parts):
        if position and not (
            _RANGE_MARK_RE.search(parts[position - 1].value) or _RANGE_MARK_RE.match(part.value[:1])
        ):
            previous = parts[position - 1]
            builder.add("至", previous.origin(len(previous.value)))
        builder.add_text(part)
    return builder.build()


def _marks_superseded(value: str) -> bool:
    """A short cell that marks the superseded side (``调整前``, ``原值``)."""
    text = norm(value)
    return text in ("调整前", "原值", "原") or (len(text) <= 8 and superseded(text))


def _value_right(grid: Grid, row: int, column: int, stop: int, label: str) -> Text | None:
    """The first cell right of a label, before the next label, that is not
    the label's own merged copy; a blank cell right of the label is a blank
    value unless a value follows before the next label."""
    cells = grid.rows[row]
    blank: Text | None = None
    start = column + 1
    for index in range(column + 1, stop):
        # An adjustment table's pair (``调整前 | 620.00 | 调整后 | 580.00``):
        # the value is the one after 调整后, never the superseded one.
        if ADJUSTED_RE.match(cells[index].value.strip()):
            start = index + 1
            break
        if _marks_superseded(cells[index].value):
            start = stop
    for index in range(start, stop):
        cell = cells[index]
        if (row, index) in grid.merged and cell.value == label:
            continue
        text = cell
        if text.value:
            return text
        if blank is None:
            blank = text
    return blank


# --------------------------------------------------------------------------
# The list


def read_list(grid: Grid, table: Table | None = None) -> Table:
    """The projects of a list: project columns on each project's first row
    (added to ``table`` when given)."""
    unit, numeric, table, markup = _begin(grid, table, _list_heading)
    first = len(table.rows)  # the rows this grid adds begin here
    columns: dict[str, int] | None = None
    units: dict[str, str] = {}
    project = _last_project(table)  # rows at the top continue the page before
    # Whether each row of the project so far wrote its name (a list that
    # repeats the project columns on every row), and the project's 序号
    # (unknown for the project of the page before: its first row here says).
    repeated = True
    number: str | None = None
    number_known = project is None
    numbers_rows = False
    current_unit = _current_unit(table)
    levels = _Levels()
    stop = _side_table_at(grid, table)
    english = -1  # the header's second row, or one naming the columns again in English
    header_term: Text | None = None  # the term the header's period goal names
    for index, cells in enumerate(grid.rows[:stop]):
        if index == english:
            continue
        header = _list_header(grid, index)
        if _is_indicator_header(header) and "project" in header:
            columns = _organisation_column(grid, index, header)
            columns = _year_columns(columns, grid, index, table)
            columns, two_rows = _with_sub_header(grid, index, columns, amounts=True)
            _note_unplaced(grid, index, header, columns, table)
            if two_rows:
                _note_other_sources(grid, index + 1, columns, table)
            if two_rows or _header_in_english(grid, index + 1, columns):
                english = index + 1
            units = {
                key: named
                for key, column in columns.items()
                if key in _AMOUNTS
                and (named := _amount_heading_unit(grid, index, column, two_rows)) is not None
            }
            silent = _labels_unit(units.values(), unit, _stated_amount_unit(grid) is not None)
            units = {key: units.get(key, silent) for key in _AMOUNTS}
            if PERIOD_TOTAL in columns:  # 项目总投资（元）: the term's amount names its own
                named = _amount_heading_unit(grid, index, columns[PERIOD_TOTAL], two_rows)
                units[PERIOD_TOTAL] = named or silent
            numbers_rows = _numbers_rows(grid, index + 1, columns)
            # 中期目标（2024-2026年） over the column: every project's term
            header_term = (
                None if "period_goal" not in columns else label_term(cells[columns["period_goal"]])
            )
            continue
        if columns is None:
            for text in dict.fromkeys(cell.value.strip() for cell in cells if cell.value.strip()):
                _list_heading(table, text)
            continue
        line = row_line(grid, index)
        heading = _heading_row(cells)
        if heading is not None:  # a page's headings, repeated or parting the units
            (band,) = heading
            if (
                band is not None
                and "unit" not in columns
                and band.value != (current_unit or table.organization)
            ):
                # 单位名称：… across a list without a unit column: the projects below
                # are its (the same unit repeated over a page goes on)
                current_unit = band.value
                table.rows.append(unit_row(band, line, table.last_title))
                project = None
            continue
        band = None if "unit" in columns else _unit_band(cells, columns)
        if band is not None:  # 一、某区城市管理局本级 across a list: the unit of the projects below
            if band.value != current_unit:
                current_unit = band.value
                table.rows.append(unit_row(band, line, table.last_title))
            project = None
            continue
        if _note(cells, columns) or _continued_mark(cells):
            continue
        summed = _sum_row(grid, index, columns, units, unit, numeric)
        if summed is not None and _take_sum_row(table, summed, current_unit, line, columns):
            current_unit = None if table.rows[-1].kind == "total" else _current_unit(table)
            project = None  # the rows below belong to no project above the sum
            continue
        total = _stated_total(grid, index, columns)
        if total is not None:  # 合计 | … | 100: the total of the project's weights
            if project is not None and project.indicator_cells is not None:
                project.indicator_cells.append(total)
            continue
        owner = _own(grid, index, columns.get("unit"))
        owner = None if owner is None else one_line(owner)
        if owner is not None and owner.value != current_unit:
            current_unit = owner.value
            if not _names_pending_subtotal(table, owner):
                table.rows.append(unit_row(owner, line, table.last_title))
        name = _own(grid, index, columns.get("project"))
        name = None if name is None else _without_label(one_line(name))
        own = None if numbers_rows else _own(grid, index, columns.get("number"))
        own_number = None if own is None else own.value
        if not number_known:
            number, number_known = own_number, True
        new_number = own_number is not None and own_number != number
        if name is not None and not _continues(
            project, name, cells, columns, repeated and not new_number
        ):
            project = _project_row(cells, columns, units, unit, name, line, numeric, header_term)
            table.rows.append(project)
            levels = _Levels()
            repeated, number = True, own_number
        found = indicator(grid, index, columns, levels)
        if project is None:  # an excerpt that begins inside a project
            if found is not None:
                _orphan(table, cells)
            continue
        project.markup.extend(markup.get(index, ()))
        if found is not None:
            assert project.indicator_cells is not None
            project.indicator_cells.append(found)
            if name is None:
                repeated = False
    for row in table.rows:
        if row.kind == "project" and row.indicator_cells:
            row.indicator_cells = _without_headings(row.indicator_cells)
    if columns is not None and "unit" not in columns:
        _amounts_only_rows(table, first)
    return table


# --------------------------------------------------------------------------
# The list's 合计 and its units' subtotals

_SUM_WORD_RE = re.compile(r"^(合计|总计|总合计|汇总|小计)[:：]?$")
"""A cell naming a row of sums: 合计/总计/汇总 (the list's total; 汇总 is the
total row Excel adds to a sheet's table) or 小计 (a unit's)."""
_TOTAL_WORDS = frozenset(("合计", "总计", "总合计", "汇总"))
_NOT_IN_SUM_ROW = (
    "goal",
    "period_goal",
    "term",
    "level1",
    "level2",
    "name",
    "period",
    "annual",
    "value",
    "comparator",
    "nature",
    "measure",
)
"""The columns a row of sums leaves blank: it has no goal and no indicator."""
_PROJECT_COLUMNS = ("goal", "period_goal", *_AMOUNTS, "level1", "level2", "name")


def _sum_word(value: str) -> str | None:
    """合计, 总计 or 小计 when ``value`` says it alone (spaced or not, a colon
    after it) or after an organisation's name (``某市体育局合计``: that
    department's sums), else None: ``合计划生育服务`` is a project's name."""
    text = _SPACES_RE.sub("", value)
    match = _SUM_WORD_RE.match(text)
    if match is not None:
        return match.group(1)
    text = text.rstrip("：:")
    for word in ("合计", "总计", "小计"):
        if text.endswith(word):
            owner = text[: -len(word)]
            return word if owner and is_organization_name(owner) else None
    return None


class _SumRow(NamedTuple):
    word: Text | None
    """The cell saying 合计/总计/小计, if one of the first columns does."""
    owner: Text | None
    """The 单位名称 cell, when it names a unit (not a sum word)."""
    named: bool
    """The 项目名称 cell is filled (with something else than the sum word)."""
    amounts: Amounts


def _sum_row(
    grid: Grid,
    row: int,
    columns: dict[str, int],
    units: dict[str, str],
    unit: str,
    numeric: frozenset[int],
) -> _SumRow | None:
    """A row of the list that states amounts and nothing else of a project
    (no goal, no indicator): the list's 合计, a unit's subtotal. None for any
    other row. Merged cells filled from above are not the row's own, and a
    row whose 项目名称 or indicator cells a range above covers is inside that
    project (a template row left empty beside the unit's name)."""
    if any(_own(grid, row, columns.get(key)) is not None for key in _NOT_IN_SUM_ROW):
        return None
    if any(_merged(grid, row, columns.get(key)) for key in ("project", *_NOT_IN_SUM_ROW)):
        return None
    cells = {key: _own(grid, row, columns.get(key)) for key in _AMOUNTS}
    if not any(cells.values()):
        return None
    amounts = Amounts(
        **{key: amount(cell, units.get(key, unit), numeric) for key, cell in cells.items()}
    )
    front = min(columns[key] for key in _PROJECT_COLUMNS if key in columns)
    word = next(
        (
            cell
            for column, cell in enumerate(grid.rows[row][:front])
            if (row, column) not in grid.merged and cell.value and _sum_word(cell.value)
        ),
        None,
    )
    owner = _own(grid, row, columns.get("unit"))
    if owner is word:
        owner = None
    name = _own(grid, row, columns.get("project"))
    return _SumRow(word, owner, name is not None and _sum_word(name.value) is None, amounts)


def _take_sum_row(
    table: Table, found: _SumRow, current: str | None, line: int, columns: dict[str, int]
) -> bool:
    """Add a row of sums to the table: the list's total (合计/总计 alone), a
    unit's subtotal (小计, or 合计 beside the unit's name; or the unit's name
    with amounts and no project). A subtotal above the unit's projects opens
    the unit; one below them (the unit already open, no subtotal of its
    own yet) is that unit's. A 小计 naming no unit above the first project
    of one opens the unit the next row names. False when the row is none
    of these: a project's name with amounts only is settled once the list
    is read (:func:`_amounts_only_rows`)."""
    word = found.word
    said = None if word is None else _sum_word(word.value)
    if found.named or (found.owner is None and word is None):
        return False
    if found.owner is None and said in _TOTAL_WORDS:
        assert word is not None
        table.rows.append(Row(word, found.amounts, None, None, line, kind="total"))
        return True
    if found.owner is not None and found.owner.value != current:
        table.rows.append(Row(found.owner, found.amounts, None, None, line, kind="unit"))
        return True
    open_unit = _open_unit(table)
    if open_unit is not None and open_unit.indicator_cells is not None:
        # The unit is open (named on its projects' rows) without a subtotal
        # of its own: this row is it, above or below its projects.
        open_unit.amounts, open_unit.indicator_cells = found.amounts, None
        return True
    if found.owner is not None or word is None:
        return False  # a second subtotal of the unit: not read
    kind: Literal["total", "unit"] = "unit" if "unit" in columns else "total"
    # Without a 单位名称 column there is no unit to name: 小计 sums the list.
    table.rows.append(Row(word, found.amounts, None, None, line, kind=kind))
    return True


def _open_unit(table: Table) -> Row | None:
    """The last unit row of the table (the unit the next project joins)."""
    for row in reversed(table.rows):
        if row.kind == "unit":
            return row
        if row.kind == "total":
            return None
    return None


def _names_pending_subtotal(table: Table, owner: Text) -> bool:
    """A 小计 that named no unit, right above the first row of a unit: the
    subtotal is that unit's, and takes its name."""
    last = table.rows[-1] if table.rows else None
    if last is None or last.kind != "unit" or last.indicator_cells is not None:
        return False
    if _sum_word(last.name.value) != "小计":
        return False
    last.name = owner
    return True


def _amounts_only_rows(table: Table, first: int) -> None:
    """In a list without a 单位名称 column, a row with a name in 项目名称 and
    amounts, but no goal and no indicator (on its row or below it), is a
    project, a unit's subtotal (the list names its units there) or the
    list's 合计: told as the Guangzhou table's rows are
    (:func:`~audit.readers.common.classify`): 合计/总计 is the total; a row
    whose projects below add up to it, or that names an organisation, a
    unit; else a project (whose goal and indicators are missing). The last
    row read stays a project: its indicators may follow on the next page."""
    rows = table.rows
    candidates = [
        index
        for index in range(first, len(rows) - 1)
        if rows[index].kind == "project"
        and not rows[index].indicator_cells
        and rows[index].goal is None
        and rows[index].period_goal is None
        and any(rows[index].amounts.get(key) is not None for key in _AMOUNTS)
    ]
    if not candidates:
        return
    for index in candidates:
        rows[index].kind = None
    kinds = classify(rows)
    for index in candidates:
        row = rows[index]
        if kinds[index] == "project":
            row.kind = "project"
            continue
        row.kind = "total" if kinds[index] == "total" else "unit"
        row.indicator_cells = None


_NOTE_RE = re.compile(r"^[*＊※]?(?:注|附注|说明|备注|填报说明|填表说明)\s*[0-9０-９]*\s*[:：]")
"""The opening of a note under a table: ``注：``, ``注1：``, ``说明：``, ``填报说明：``."""


def _without_label(name: Text) -> Text:
    """A name cell of a list's row without a ``单位名称：`` label before it: a
    unit's row with its amounts written so (``单位名称：某区河道管理所 | 126.00``)."""
    label = ORGANIZATION_RE.match(name.value)
    if label is None or not name.value[label.end() :].strip():
        return name
    return name.slice(label.end()).strip()


_FILER_RE = re.compile(
    r"^\s*(?:填报|申报|编报|报送)单位(?:名称)?\s*(?:[（(]\s*(?:盖章|签章|公章)\s*[)）])?\s*[：:]"
)
"""The line of the unit that fills the table in (``填报单位（盖章）：某局``,
``申报单位：某局``), printed with the title at the head of every form: who
signs the table, not a unit the projects below are parted by."""


def _heading_row(cells: list[Text]) -> tuple[Text | None] | None:
    """A row of a list (or of a sheet of forms) that holds page headings
    only, with the unit its ``单位名称：…`` heading names (None when it names
    none): a title, a page number, a 续表 mark, a ``单位：万元`` line, a
    ``单位名称：…`` heading, a ``填报单位（盖章）：…`` line, alone or together
    (``单位名称：某中心 | … | 金额单位：万元``), as a page of a printed list
    repeats them, as a list parts its units, or as each form stacked on a
    sheet begins. None for any other row."""
    named: Text | None = None
    seen: set[str] = set()
    for cell in cells:
        text = cell.value.strip()
        if not text or text in seen:
            continue  # a merged row repeats its text in every cell
        seen.add(text)
        name = organization_name(text)
        if name is not None:
            if not name or named is not None:
                return None
            at = cell.value.find(name)
            named = cell.slice(at, at + len(name))
            continue
        if (
            PAGE_NUMBER_RE.fullmatch(text) is None
            and CONTINUED_MARK_RE.fullmatch(text) is None
            and _FILER_RE.match(text) is None
            and UNIT_OF_MEASURE_RE.match(text) is None
            and not names_title(text)
        ):
            return None
    return (named,) if seen else None


_OUTLINE_NUMBER_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[0-9０-９]{1,2}\s*[、．]"
    r"|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[）)])\s*"
)
"""The number of a part of a list (``一、``, ``（二）``, ``3、``) before the
name of the unit it is."""


def _unit_band(cells: list[Text], columns: dict[str, int]) -> Text | None:
    """The unit a row of a list without a 单位名称 column names over the
    projects below it: one text alone in the row, in the 项目名称 cell (or
    merged across the row), that names an organisation after the number of
    its part, if any (``一、某区城市管理局本级``, ``（二）某区环境卫生管理所``):
    its name without that number. A project's row states amounts, a goal or
    an indicator beside its name; a unit's row with amounts is a subtotal
    (:func:`_amounts_only_rows`). None for any other row."""
    text = _banner(cells)
    at = columns.get("project")
    if text is None or at is None or at >= len(cells) or cells[at].value.strip() != text:
        return None
    cell = one_line(cells[at])
    number = _OUTLINE_NUMBER_RE.match(cell.value)
    name = cell if number is None else cell.slice(number.end())
    name = name.strip()
    if not name.value or not is_organization_name(name.value):
        return None
    return name


def _note(cells: list[Text], columns: dict[str, int]) -> bool:
    """Whether a row of the list holds a note (or a heading) and no
    indicator: one text, merged over several cells (a merged range gives it
    to every cell, so it stands in 一级指标 and 指标值 alike) or outside the
    columns, or opening with 注：/说明：/填报说明： in a cell of its own."""
    text = _banner(cells)
    if text is None:
        return _signature(cells)
    return not _in_grid(cells, columns, text) or _NOTE_RE.match(text) is not None


def _signature(cells: list[Text]) -> bool:
    """Whether a row is a signature under the list, spread over cells
    (``填报人：李晓明 | | 联系电话： | 020-83345678``): every filled cell is a
    labelled line (:func:`~audit.readers.common.note_label`), a signature's
    label without its colon (``填报人 | 李晓明``, :func:`~audit.readers.common.role_label`)
    or the value of the label in the cell before it."""
    filled = [cell.value.strip() for cell in cells if cell.value.strip()]
    if not filled or not (note_label(filled[0]) or role_label(filled[0])):
        return False
    return all(
        note_label(text)
        or role_label(text)
        or filled[index - 1].endswith(("：", ":"))
        or role_label(filled[index - 1])
        for index, text in enumerate(filled)
        if index
    )


def _numbers_rows(grid: Grid, start: int, columns: dict[str, int]) -> bool:
    """Whether the list's 序号 numbers its rows rather than its projects:
    every indicator row below the header writes a 序号 of its own, never the
    one of the row above (1, 2, 3 … on the rows of one project)."""
    column = columns.get("number")
    name = columns.get("name")
    if column is None or name is None:
        return False
    previous: str | None = None
    seen = False
    for row in range(start, len(grid.rows)):
        if not grid.rows[row][name].value:
            continue
        own = _own(grid, row, column)
        if own is None or own.value == previous:
            return False
        previous, seen = own.value, True
    return seen


def _continues(
    project: Row | None, name: Text, cells: list[Text], columns: dict[str, int], repeats: bool
) -> bool:
    """Whether a row that repeats the project's name and amount continues
    the same project: only where the list repeats the project columns on
    every row (``repeats``: each row of the project so far wrote its name,
    and this row keeps its 序号). In a list that fills them on first rows
    only, or at a new 序号, the same name and amount are a second project
    (pasted twice)."""
    if project is None or not repeats or project.name.value != name.value:
        return False
    total = _cell(cells, columns, "total")
    printed = project.amounts.total
    if total is None or not total.value:
        return True
    if printed is None:
        return False
    if printed.text.value == total.value:
        return True
    # The same number written alike or not: a workbook's 568.2 is the
    # 568.20 the first row's amount reads as.
    again = parse_amount(total.strip())
    first = parse_amount(printed.text.strip())
    return (
        again is not None
        and first is not None
        and again.value is not None
        and again.value == first.value
    )


def _project_row(
    cells: list[Text],
    columns: dict[str, int],
    units: dict[str, str],
    unit: str,
    name: Text,
    line: int,
    numeric: frozenset[int],
    header_term: Text | None = None,
) -> Row:
    amounts = Amounts(
        **{
            key: amount(_cell(cells, columns, key), units.get(key, unit), numeric)
            for key in _AMOUNTS
        }
    )
    goal = _cell(cells, columns, "goal" if "goal" in columns else "period_goal")
    goal = None if goal is None else without_goal_prompts(goal)
    row = Row(name, amounts, goal if goal else None, None, line, kind="project", indicator_cells=[])
    period_goal = _cell(cells, columns, "period_goal")
    period_goal = None if period_goal is None else without_goal_prompts(period_goal)
    row.period_goal = period_goal if period_goal else None
    term = _cell(cells, columns, "term")
    # no 项目期 of its own: the years its column's header names (中期目标（三年）)
    row.term = term if term and not point_in_time(term.value) else header_term
    # 预算数 | 其中：财政拨款 with no column for the other funds: a part is named
    row.sources_partial = _SOURCES & columns.keys() == {"fiscal"}
    # 项目名称 | 财政拨款 | 其他资金: a list without a column for the total
    row.total_column = "total" in columns or not _SOURCES & columns.keys()
    # 项目总投资 (beside 预算数 or not): the whole term's, never the year's total
    row.term_total = amount(
        _cell(cells, columns, PERIOD_TOTAL), units.get(PERIOD_TOTAL, unit), numeric
    )
    return row


# --------------------------------------------------------------------------
# Registry entries and text files

LAYOUTS: tuple[tuple[str, Callable[[Grid], bool], Callable[[Grid, Table], Table]], ...] = (
    ("national-list", recognise_list, read_list),
    ("national-form", recognise_form, read_form),
)
"""The national layouts as ``GRID_LAYOUTS`` offers them (text files are read here)."""


_HEADER_LINE_RE = re.compile(
    f"{LEVEL1_HEADER_RE.pattern}.*(?:{spaced('二级指标')}|{spaced('三级指标')})"
)
"""A line naming 一级指标 and then 二级 or 三级指标, spaced for alignment or not."""


def national_delimiter(text: str) -> str | None:
    """The cell delimiter of a TSV/CSV national table (a line naming 一级指标
    and 二级/三级指标 as cells), or None when the text is not one. A header
    with neither tabs nor commas is delimited by ``;`` when ``;`` splits it
    into whole column names and every row into as many fields."""
    head = text[:200_000]
    if "一级指标" not in head and LEVEL1_ANYHOW_RE.search(head) is None:
        return None
    lines = head.split("\n", 5000)
    for index, line in enumerate(lines):
        if '"' in line and line.count('"') % 2 and len(line) < _WRAPPED_HEADER_LENGTH:
            # a header whose cells hold line breaks ("一级⏎指标"): its lines
            line = quoted_record(lines, index) or line
        if _HEADER_LINE_RE.search(line):
            if "\t" in line:
                delimiter = "\t"
            elif line.count(",") >= 2:
                delimiter = ","
            elif _semicolon_header(line):
                return ";" if _same_width(text, ";") else None
            else:
                continue
            return delimiter if _mostly_rows(lines, delimiter) else None
    return None


_WRAPPED_HEADER_LENGTH = 400
"""Longer than a header row's line: a line holding a quote left open that is
longer is a cell's text, never the start of a header."""


def _semicolon_header(line: str) -> bool:
    """Whether a header line is delimited by ``;`` (a CSV a spreadsheet saved
    in a locale whose list separator it is): split there, its cells name
    一级指标 and 三级指标 each whole. A ``;`` or ``；`` inside a line of text
    splits no such cells."""
    try:
        cells = next(csv.reader([line.rstrip("\r")], delimiter=";"), [])
    except csv.Error:
        return False
    keys = {column_key(cell) for cell in cells}
    return len(cells) >= 3 and {"level1", "name"} <= keys


def _same_width(text: str, delimiter: str) -> bool:
    """Whether every non-blank record of the text has the same number of
    fields (a spreadsheet's export pads each row to the sheet's width): the
    delimiter is the table's, never a mark inside its cells' text."""
    return len(record_widths(text, delimiter)) == 1


def _mostly_rows(lines: list[str], delimiter: str) -> bool:
    """Whether the text is laid out as a table: most of its lines hold cells.
    A document that only quotes a header line (a README showing an export)
    is not a table."""
    filled = [line for line in lines if line.strip()]
    return sum(delimiter in line for line in filled) >= 0.6 * len(filled)


def read_national_grids(
    grids: list[Grid], notify: Notify | None = None
) -> tuple[str, Table] | None:
    """The layout and the rows of the national grids among ``grids``."""
    layout: str | None = None
    table = Table(rows=[])
    for grid in grids:
        for name, recognise, read in LAYOUTS:
            if recognise(grid):
                read(grid, table)
                layout = layout or name
                break
    if notify is not None:  # text: the grid's notes (tables set aside, columns left unread)
        for where in table.set_aside:
            notify(f"{where}: skipped, {SET_ASIDE}")
        for note in table.unread:
            notify(note)
    return None if layout is None else (layout, table)


def document_from_grids(
    source: Source, grids: list[Grid], notify: Notify | None = None, decimal_commas: bool = False
) -> Document | None:
    """The document of the national grids among ``grids`` (None when none is);
    ``decimal_commas`` for a ``;``-separated CSV, whose amounts may write a
    decimal comma (:func:`~audit.readers.common.read_decimal_commas`)."""
    from audit.readers.common import assemble, read_decimal_commas

    found = read_national_grids(grids, notify)
    if found is None:
        if any(guangzhou_table(grid) for grid in grids):
            return None  # a Guangzhou table with another table's grid under it
        lost = next((g for g in grids if missing_project(g) and not whole_department(g)), None)
        if lost is not None:
            raise ReadError(f"{MISSING_PROJECT}: the project its indicators belong to is missing")
        return None
    layout, table = found
    if not any(row.kind == "project" for row in table.rows):
        raise ReadError(
            "no project found in the national template (项目名称 … 一级指标 … 三级指标)"
        )
    if decimal_commas:
        read_decimal_commas(table.rows)
    return assemble(
        source,
        layout,  # type: ignore[arg-type]
        table.rows,
        table.title,
        table.organization,
        tuple(table.orphans),
    )


def read_text_source(
    source: Source, delimiter: str, notify: Notify | None = None
) -> Document | None:
    """A national table written as TSV or CSV text."""
    from audit.readers.grid import grids_from_text

    grids = grids_from_text(source, delimiter)
    return document_from_grids(source, grids, notify, decimal_commas=delimiter == ";")


__all__ = [
    "LAYOUTS",
    "amount",
    "column_key",
    "compose",
    "document_from_grids",
    "form_facts",
    "lines_above_grid",
    "national_delimiter",
    "read_form",
    "read_list",
    "read_national_grids",
    "read_text_source",
    "recognise_form",
    "recognise_list",
]
