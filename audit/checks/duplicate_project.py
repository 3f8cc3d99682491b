"""The ``duplicate-project`` rule, of the ``duplicates`` group: the same
project twice in a unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.facts import Key
from audit.model import AMOUNT_FIELDS, Document, Project, Unit
from audit.readers.common import names_title

_SPACES = re.compile(r"\s+")
_SEEN: Key[dict[object, dict[str, Project]]] = Key("duplicates.projects-by-unit")
"""The projects met so far under each unit name, for a unit named twice."""
_TITLES: Key[tuple[list[int], list[bool]]] = Key("duplicates.table-titles")
"""The lines of the document's table titles, in order, and whether each
names an adjustment table."""
_CELL_GAPS = re.compile(r'[\s,"]+')
"""What stands around a title in a line of text or CSV: spaces, empty cells."""
_TITLE_CHARS = 60
"""A title line is short: a longer line naming the table is prose about it."""


@rule(
    "duplicate-project",
    group="duplicates",
    severity="error",
    scope="unit",
    messages={
        "default": (
            "项目「{name}」与第{first_line}行的项目重复（名称和金额相同）：应删除重复的一行",
            "the project “{name}” repeats the project on line {first_line} (same name and "
            "amounts): remove the duplicate row",
        ),
        "amounts": (
            "项目名称「{name}」与第{first_line}行的项目相同，但金额不同：应合并或区分名称",
            "the project name “{name}” is used on line {first_line} too, with other amounts: "
            "merge them or name them apart",
        ),
        "cell": (
            "项目「{name}」与 {first_cell} 的项目重复（名称和金额相同）：应删除重复的一行",
            "the project “{name}” repeats the project at {first_cell} (same name and "
            "amounts): remove the duplicate row",
        ),
        "amounts-cell": (
            "项目名称「{name}」与 {first_cell} 的项目相同，但金额不同：应合并或区分名称",
            "the project name “{name}” is used at {first_cell} too, with other amounts: "
            "merge them or name them apart",
        ),
    },
    doc_zh="""
    同一单位下出现两个同名项目。

    检查内容
    --------
    在每个单位内按名称（忽略空格）比较项目，报告名称已用过的项目：金额（总计、财政拨款、财政专户
    拨款、其他资金）也相同的为错误（同一行粘贴了两次，在小计中被计算两次）；金额不同的为警告（两个
    需要区分名称的项目，或一个项目被拆成了两个）。不同单位的项目可以同名（「机构运行辅助经费」）；同一单位在表中隔开出现两次的，仍是同一单位。
    同一文件中目标表之后（或之前）附有它的绩效目标调整表的，调整表重列它所调整的项目：调整表中的项目只与
    调整表中的项目比较，不与原表中的同名项目比较。没有填写名称的行不作比较（由 amount-format
    逐行报告）。
    前一个同名项目的位置按其他检查结果的写法给出：文本表格给行号，工作簿、Word、网页或
    PDF 表格给单元格（「与 Sheet1!A5 的项目重复」）。

    为什么有问题
    ------------
    重复的行使该项目的资金在单位小计中被计算两次；两个同名项目在预算中也无法区分。

    示例
    ----
    错误：

        工作经费	20.00	20.00	…
        工作经费	20.00	20.00	…

    正确：

        因公出国（境）工作经费	20.00	20.00	…
        人才引进工作经费	20.00	20.00	…

    选项
    ----
    无。
    """,
)
def duplicate_project(ctx: Context, unit: Unit) -> Iterator[Problem]:
    """The same project twice in a unit.

    What it does
    ------------
    Compares the projects of each unit by name (spaces ignored) and reports a
    project whose name was already used: an error when its amounts (总计,
    财政拨款, 财政专户拨款, 其他资金) are the same too (a row pasted twice,
    counted twice in the subtotal), a warning when the amounts differ (two
    projects that need distinct names, or one project split in two).
    Projects of different units may share a name (``机构运行辅助经费``). A
    unit named again further down (a list that returns to it after another
    unit) is the same unit. A file that holds a target table and its
    adjustment table (…绩效目标调整表, titled so) restates in the latter the
    projects it adjusts: a project there is compared with the adjustment
    table's projects only, never with the one it adjusts. Rows whose name
    was left out are not compared (``amount-format`` reports each).

    Why is this bad?
    ----------------
    A repeated row doubles the project's money in the unit's subtotal; two
    projects under one name cannot be told apart in the budget.

    The first copy is named as findings name places: its line in a text
    table, its cell in a workbook, Word or web table or PDF
    (``与 Sheet1!A5 的项目重复``).

    Example
    -------
    Bad::

        工作经费	20.00	20.00	…
        工作经费	20.00	20.00	…

    Good::

        因公出国（境）工作经费	20.00	20.00	…
        人才引进工作经费	20.00	20.00	…

    Options
    -------
    None.
    """
    # A unit named again further down (a list that returns to it after
    # another unit) is the same unit: its projects are compared with the
    # projects it had before.
    # A target table's 调整表 in the same file restates the projects it
    # adjusts: a project there is compared with the adjustment table's own
    # projects only, never with the one it adjusts.
    by_unit = ctx.memo.get(_SEEN, dict)
    title = _SPACES.sub("", unit.title or "")
    unit_key: object = title or id(unit)
    titles = ctx.memo.get(_TITLES, lambda: _table_titles(ctx.document))
    for project in unit.projects:
        adjusting = _in_adjustment_table(titles, project.line)
        seen = by_unit.setdefault((unit_key, adjusting), {})
        name = _SPACES.sub("", project.title)
        if not name:
            continue  # a row whose name was left out: amount-format's finding
        first = seen.get(name)
        if first is None:
            seen[name] = project
            continue
        same = all(
            project.amounts.value(column) == first.amounts.value(column) for column in AMOUNT_FIELDS
        )
        # A table read from cells names the first copy's cell (its line in
        # the tool's own rendering of the cells is nowhere in the file).
        cell = first.name.span().location
        key = "default" if same else "amounts"
        if cell is not None:
            key = "cell" if same else "amounts-cell"
        args = {"name": project.title, "first_line": first.line, "first_cell": cell}
        yield Problem(
            project.name.span(),
            key,
            args,
            field="name",
            excerpt=project.title,
            lower=0 if same else 1,
            project=project,
        )


def _table_titles(document: Document) -> tuple[list[int], list[bool]]:
    """The line of every table title in the document, and whether it names an
    adjustment table (绩效目标调整表)."""
    lines: list[int] = []
    adjusting: list[bool] = []
    for number, line in enumerate(document.source.text.splitlines(), start=1):
        if "表" not in line:
            continue
        compact = _CELL_GAPS.sub("", line)
        if len(compact) <= _TITLE_CHARS and names_title(compact):
            lines.append(number)
            adjusting.append("调整" in compact)
    return lines, adjusting


def _in_adjustment_table(titles: tuple[list[int], list[bool]], line: int) -> bool:
    """Whether the nearest table title above ``line`` names an adjustment table."""
    lines, adjusting = titles
    at = bisect_right(lines, line) - 1
    return at >= 0 and adjusting[at]
