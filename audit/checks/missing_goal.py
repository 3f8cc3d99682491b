"""The ``missing-goal`` rule, of the ``guidance`` group: a project without a
performance goal.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.model import Project, goal_text

EMPTY_GOALS: list[str] = ["无", "暂无", "空", "略", "/", "-", "—", "——", "－"]


@rule(
    "missing-goal",
    group="guidance",
    severity="error",
    scope="project",
    messages={
        "default": (
            "项目「{project}」未填写绩效目标：应说明项目做什么、做到什么程度",
            "project “{project}” has no performance goal: state what it does and to what extent",
        ),
        "empty": (
            "项目「{project}」的绩效目标只有「{text}」：应说明项目做什么、做到什么程度",
            "the goal of project “{project}” is only “{text}”: state what it does and to "
            "what extent",
        ),
    },
    options={
        "empty_values": Option(
            "list[str]", EMPTY_GOALS, "goals that count as empty (无, 暂无, /, -)"
        ),
    },
    doc_zh="""
    项目没有绩效目标。

    检查内容
    --------
    报告绩效目标栏为空、只有标点，或是 empty_values 之一（「无」「暂无」「/」）的项目行。占位文字
    （「待补充」）由 placeholder 报告。

    为什么有问题
    ------------
    粤财绩〔2019〕11号：项目须有绩效目标才能纳入预算；没有目标，指标无从对照，年底也无从评价
    （财预〔2020〕10号，绩效目标合理性）。

    示例
    ----
    错误：

        社保档案数字化项目  120.00  120.00  （无绩效目标）  1、1-产出指标；…

    正确：

        社保档案数字化项目  120.00  120.00  完成150万页档案数字化加工，提升档案查询效率。  1、…

    选项
    ----
    empty_values：视为空的目标文字（默认 无 暂无 空 略 / — —— －）。
    """,
)
def missing_goal(ctx: Context, project: Project) -> Iterator[Problem]:
    """A project without a performance goal.

    What it does
    ------------
    Reports a project row whose 绩效目标 cell is empty, only punctuation, or
    one of ``empty_values`` (``无``, ``暂无``, ``/``). A placeholder
    (``待补充``) is ``placeholder``'s finding.

    Why is this bad?
    ----------------
    粤财绩〔2019〕11号: a project enters the budget only with a performance
    goal; without one there is nothing to set the indicators against or to
    assess at the end of the year (财预〔2020〕10号, 绩效目标合理性).

    Example
    -------
    Bad::

        社保档案数字化项目  120.00  120.00  (no goal)  1、1-产出指标；…

    Good::

        社保档案数字化项目  120.00  120.00  完成150万页档案数字化加工，提升档案查询效率。  1、…

    Options
    -------
    ``empty_values`` (list): goals that count as empty; default ``无 暂无 空
    略 / - — —— －``.
    """
    text = goal_text(project)
    args = {"project": project.title, "text": text}
    empty = text in ctx.options["empty_values"]
    if text and not empty and ctx.facts.placeholders(text):
        return  # ``***`` or ``XX`` left from a draft: placeholder's finding, once
    if not any(ch.isalnum() for ch in text):
        span = project.goal.span() if project.goal else project.name.span()
        yield Problem(span, args=args, field="goal", excerpt=text or None)
    elif empty:
        assert project.goal is not None
        yield Problem(project.goal.span(), "empty", args, field="goal", excerpt=project.goal.value)
