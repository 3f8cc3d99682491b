"""The ``goal-too-short`` rule, of the ``guidance`` group: a goal too short to
state what the project does and achieves.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import count_ideographs, goal_is_name
from audit.model import Project, goal_text


@rule(
    "goal-too-short",
    group="guidance",
    severity="info",
    scope="project",
    messages={
        "default": (
            "绩效目标只有{count}个汉字：应说明项目做什么、为谁做、做到什么程度（至少{minimum}字）",
            "the goal has only {count} Chinese characters: say what the project does, for "
            "whom and to what extent (at least {minimum})",
        ),
    },
    options={
        "min_chars": Option("int", 20, "fewest Chinese characters a goal should have"),
    },
    doc_zh="""
    绩效目标过短，说不清项目做什么、达到什么效果。

    检查内容
    --------
    统计绩效目标中的汉字数（数字、字母和标点不计），少于 min_chars 的报告。空目标由 missing-goal
    报告，占位文字由 placeholder 报告，只写了项目名称的由 duplicate-text 报告。

    为什么有问题
    ------------
    粤财绩〔2019〕11号要求每个项目都有绩效目标，财预〔2020〕10号（绩效目标合理性、绩效指标明确性）
    要求目标写明任务、产出和效果，以便从中导出指标。寥寥几个字的目标（「保障项目运行。」）哪一项
    都没有写明。

    示例
    ----
    错误：

        保障中心正常运转。

    正确：

        通过采购两处物业管理服务，确保中心公用区域和办公区域安全、整洁，保障大楼和基地安全稳定运作。

    选项
    ----
    min_chars：最少汉字数（整数，默认 20）。
    """,
)
def goal_too_short(ctx: Context, project: Project) -> Iterator[Problem]:
    """A goal too short to state what the project does and achieves.

    What it does
    ------------
    Counts the Chinese characters (CJK ideographs; digits, letters and
    punctuation do not count) of the 绩效目标 and reports a goal with fewer
    than ``min_chars``. An empty goal is ``missing-goal``'s finding, a
    placeholder ``placeholder``'s, a goal that is only the project's name
    ``duplicate-text``'s.

    Why is this bad?
    ----------------
    粤财绩〔2019〕11号 requires a goal for every project, and 财预〔2020〕10号
    (绩效目标合理性, 绩效指标明确性) asks that it name the task, its output
    and its effect so that the indicators can be derived from it. A goal of
    a few words (``保障项目运行。``) names none of them.

    Example
    -------
    Bad::

        保障中心正常运转。

    Good::

        通过采购两处物业管理服务，确保中心公用区域和办公区域安全、整洁，保障大楼和基地安全稳定运作。

    Options
    -------
    ``min_chars`` (integer): fewest Chinese characters; default 20.
    """
    text = goal_text(project)
    if project.goal is None or not any(ch.isalnum() for ch in text):
        return
    minimum = ctx.options["min_chars"]
    count = count_ideographs(text, minimum)
    if count >= minimum:
        return
    if ctx.facts.is_empty_goal(text) or ctx.facts.is_placeholder(text) or goal_is_name(project):
        return  # missing-goal's, placeholder's, duplicate-text's (the name as the goal)
    args = {"count": count, "minimum": minimum}
    yield Problem(project.goal.span(), args=args, field="goal", excerpt=project.goal.value)
