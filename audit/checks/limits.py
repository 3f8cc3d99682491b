"""Cells too large to check: the bounds of :mod:`audit.limits` as a finding."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.limits import MAX_CELL_CHARS, MAX_CLAUSES_PER_CELL
from audit.model import Project, Text
from audit.readers.common import cell_over_limits

_FIELDS = (("name", "项目名称"), ("goal", "绩效目标"))


@rule(
    "cell-too-large",
    severity="error",
    scope="project",
    messages={
        "default": (
            "{label}单元格有{length:,}个字符，超过{limit:,}字的上限",
            "the {field} cell has {length:,} characters, more than the limit of {limit:,}",
        ),
        "indicators-length": (
            "绩效指标单元格有{length:,}个字符，超过{limit:,}字的上限：其中的指标未逐条检查",
            "the indicator cell has {length:,} characters, more than the limit of {limit:,}: "
            "its indicators were not checked",
        ),
        "indicators-clauses": (
            "绩效指标单元格有{count:,}条指标，超过{limit:,}条的上限：其中的指标未逐条检查",
            "the indicator cell has {count:,} indicators, more than the limit of {limit:,}: "
            "they were not checked",
        ),
    },
    doc_zh="""
    单元格大得不像真实的表格：其中的指标不逐条检查。

    检查内容
    --------
    报告超过 20,000 个字符的项目名称或绩效目标，以及超过 20,000 个字符、或编号指标超过 200 条的
    绩效指标栏。这样的绩效指标栏不拆分成指标，其他规则也就不检查其中的指标；表格其余部分照常检查。

    为什么有问题
    ------------
    已公开表格中最长的绩效指标栏不到 1,000 个字符、15 条指标。大出几百倍的单元格是粘贴出了错
    （整篇文档贴进一格、一整列贴进一行），逐条检查只会淹没表格真正的问题。这些上限让每次检查
    的时间和内存与真实表格相称。

    示例
    ----
    错误：一个绩效指标栏里写了 300 条「1、1-产出指标；…」到「300、…」。

    正确：每个项目一行，各写各的指标。

    选项
    ----
    无。
    """,
)
def cell_too_large(ctx: Context, project: Project) -> Iterator[Problem]:
    """A cell too large to be a real table's: its indicators are not checked.

    What it does
    ------------
    Reports a project name or goal longer than 20,000 characters, and an
    indicator cell longer than that or holding more than 200 numbered
    indicators. Such an indicator cell is not parsed into indicators, so no
    other rule reports on them; the rest of the table is checked as usual.

    Why is this bad?
    ----------------
    The longest indicator cell of the published tables has under 1,000
    characters and 15 indicators. A cell hundreds of times larger is a paste
    gone wrong (a whole document in one cell, a column copied into one row),
    and checking it would only bury the table's real findings. The bounds
    keep every run's time and memory in proportion to a real table.

    Example
    -------
    Bad: an indicator cell holding 300 clauses ``1、1-产出指标；…`` to
    ``300、…``.

    Good: one project row per project, each with its own indicators.
    """
    for field, label in _FIELDS:
        text: Text | None = project.name if field == "name" else project.goal
        if text is not None and len(text.value) > MAX_CELL_CHARS:
            args = {"field": field, "label": label, "length": len(text.value)}
            args["limit"] = MAX_CELL_CHARS
            yield Problem(text.span(0, 1), args=args, field=field, excerpt=text.value[:20])
    cell = project.indicators
    if cell is None or project.clauses:
        return
    over = cell_over_limits(cell.value)
    if over is None:
        return
    kind, amount = over
    if kind == "length":
        args = {"field": "indicators", "length": amount, "limit": MAX_CELL_CHARS}
    else:
        args = {"field": "indicators", "count": amount, "limit": MAX_CLAUSES_PER_CELL}
    yield Problem(
        cell.span(0, 1),
        key=f"indicators-{kind}",
        args=args,
        field="indicators",
        excerpt=cell.value[:20],
    )
