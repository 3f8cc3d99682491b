"""The ``markup-residue`` rule, of the ``structure`` group: hTML residue
(``<p>``, ``&nbsp;``) left in the table's cells.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, for_project, rule
from audit.model import AMOUNT_FIELDS, Markup, Project, Span, Text, Unit

_CELL_NAMES_ZH = {
    "name": "项目名称",
    "amounts": "金额",
    "goal": "绩效目标",
    "indicators": "绩效指标",
}


_CELL_NAMES_EN = {
    "name": "name",
    "amounts": "amounts",
    "goal": "goal",
    "indicators": "indicators",
}


def _source_offset(span: Span, text: Text) -> int:
    source = text.source
    return source.line_start(span.line) + span.column - 1


def _cells(project: Project) -> list[tuple[str, int, int]]:
    """(cell name, source start, source end) of the project's text cells."""
    cells: list[tuple[str, int, int]] = []
    for name, text in (
        ("name", project.name),
        ("goal", project.goal),
        ("indicators", project.indicators),
    ):
        if text is not None and text.value:
            cells.append((name, text.origin(0), text.origin(len(text.value))))
    for row in project.cells:  # the national template: the indicator grid's cells
        for cell in (row.level1, row.level2, row.name, row.period, row.annual):
            if cell is not None and cell.value:
                cells.append(("indicators", cell.origin(0), cell.origin(len(cell.value))))
    for column in AMOUNT_FIELDS:
        amount = project.amounts.get(column)
        if amount is not None and amount.text.value:
            cells.append(
                ("amounts", amount.text.origin(0), amount.text.origin(len(amount.text.value)))
            )
    return cells


def _markup_cells(project: Project) -> list[str]:
    """The cells the project's markup stood in (nearest cell), in table order."""
    cells = _cells(project)
    if not cells:
        return []
    found: set[str] = set()
    anchor = project.name
    for markup in project.markup:
        start = _source_offset(markup.span, anchor)
        end = start + len(markup.text)

        def distance(cell: tuple[str, int, int], start: int = start, end: int = end) -> int:
            _, cell_start, cell_end = cell
            if end <= cell_start:
                return cell_start - end
            if start >= cell_end:
                return start - cell_end
            return 0

        found.add(min(cells, key=distance)[0])
    return [name for name in _CELL_NAMES_ZH if name in found]


def _tags(markup: tuple[Markup, ...]) -> str:
    """The distinct pieces of markup, in order of first appearance."""
    seen: dict[str, int] = {}
    for item in markup:
        seen[item.text] = seen.get(item.text, 0) + 1
    return " ".join(f"{tag}×{count}" if count > 1 else tag for tag, count in seen.items())


@rule(
    "markup-residue",
    group="structure",
    severity="warning",
    scope="unit",
    messages={
        "default": (
            "{cells_zh}含网页标记残留：{tags}",
            "HTML residue in {cells_en}: {tags}",
        ),
        "unit": (
            "单位行含网页标记残留：{tags}",
            "HTML residue in the unit row: {tags}",
        ),
    },
    doc_zh="""
    单元格中残留网页标记（<p>、&nbsp;）。

    检查内容
    --------
    每行报告一次读取时从单元格中去掉的 HTML 标签和实体，说明它们所在的单元格并逐一列出
    （「<p>×2 </p>×2」）。位置在第一处。

    为什么有问题
    ------------
    表格是从网页或富文本编辑器复制来的；这些标记会出现在公开的 PDF 或表格里，它们原本代表的
    换行也可能让前后句子连在了一起。

    示例
    ----
    错误：

        <p>1、1-产出指标；11-数量指标；一次性创业资助人数；…</p>

    正确：

        1、1-产出指标；11-数量指标；一次性创业资助人数；…

    选项
    ----
    无。
    """,
)
def markup_residue(ctx: Context, unit: Unit) -> Iterator[Problem]:
    """HTML residue (``<p>``, ``&nbsp;``) left in the table's cells.

    What it does
    ------------
    Reports, once per row, the HTML tags and entities the reader removed
    from the row's cells, naming the cells they stood in and listing them
    (``<p>×2 </p>×2``). The finding points at the first of them.

    Why is this bad?
    ----------------
    The table was copied from a web page or a rich-text editor; the residue
    shows in the published PDF or spreadsheet, and line breaks it stood for
    may have run sentences together.

    Example
    -------
    Bad::

        <p>1、1-产出指标；11-数量指标；一次性创业资助人数；…</p>

    Good::

        1、1-产出指标；11-数量指标；一次性创业资助人数；…

    Options
    -------
    None.
    """
    if unit.markup and not unit.implicit:
        first = unit.markup[0]
        yield Problem(
            first.span, "unit", {"tags": _tags(unit.markup)}, field="name", excerpt=first.text
        )
    for project in unit.projects:
        if not project.markup:
            continue
        cells = _markup_cells(project)
        first = project.markup[0]
        problem = Problem(
            first.span,
            args={
                "tags": _tags(project.markup),
                "cells_zh": "、".join(_CELL_NAMES_ZH[c] for c in cells) or "本行",
                "cells_en": ", ".join(_CELL_NAMES_EN[c] for c in cells) or "the row",
            },
            field=cells[0] if len(cells) == 1 and cells[0] != "amounts" else None,
            excerpt=first.text,
        )
        yield from for_project(ctx, project, problem)
