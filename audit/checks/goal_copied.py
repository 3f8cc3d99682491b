"""The annual goal of a multi-year project copied from its period goal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from audit.engine import Context, Option, Problem, rule
from audit.model import Project
from audit.values import years_in_digits

_NOISE_RE = re.compile(r"[\s\u3000。．.，,、；;：:！!？?“”\"'‘’]+")
_YEAR_SPAN_RE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:[-－—–~～至到])\s*((?:19|20)\d\d)\s*年")


def _comparable(text: str) -> str:
    """A goal as compared: without white space and punctuation."""
    return _NOISE_RE.sub("", text)


def _years(project: Project) -> tuple[int, int] | None:
    """The project's span of years: its 项目期, else a span in its name
    (``2024-2026年``), else one its period goal states (a list's 实施期目标:
    ``2025-2027年期间…``)."""
    stated = project.term_years
    if stated is not None:
        return stated
    period_goal = project.period_goal.value if project.period_goal is not None else ""
    for text in (project.title, period_goal):
        match = _YEAR_SPAN_RE.search(years_in_digits(text))  # 二〇二四—二〇二六年 too
        if match is not None:
            return int(match.group(1)), int(match.group(2))
    return None


COMPARED = 1000
"""How many characters of each goal are compared: a goal is a paragraph,
and the opening of a copied one is enough to tell it."""


@rule(
    "goal-copied",
    severity="warning",
    scope="project",
    group="duplicates",
    options={
        "min_similarity": Option(
            "number",
            0.9,
            "how alike (0 to 1, punctuation and spaces ignored) the annual goal and the "
            "period goal must be to count as copied; 1 asks for the same words",
            min=0,
            max=1,
        ),
    },
    messages={
        "default": (
            "年度目标照抄了实施期目标（{first}—{last}年的多年项目）：年度目标应写明本年度要完成的部分",
            "the annual goal copies the period goal of a project over {first}–{last}: "
            "the annual goal should state this year's part",
        ),
        "similar": (
            "年度目标与实施期目标几乎相同（相似度{similarity}，{first}—{last}年的多年项目）："
            "年度目标应写明本年度要完成的部分",
            "the annual goal is nearly the period goal (similarity {similarity}) of a project "
            "over {first}–{last}: the annual goal should state this year's part",
        ),
    },
    doc_zh="""
    多年项目的年度目标照抄了实施期目标。

    检查内容
    --------
    全国通用格式的申报表同时填写实施期目标（中期、长期目标）和年度目标。项目期跨越多个年度
    （项目期「2025.01-2027.12」，或项目名称中的「2024-2026年」）时，若年度目标与实施期目标
    相同或几乎相同（忽略空格和标点，比较各自的前 1000 字，相似度达到 min_similarity），报告一次，
    位置在年度目标。
    项目期在同一年度的项目两个目标本应相同，不报告；只有年度目标的表格也不报告。

    为什么有问题
    ------------
    实施期目标说明整个项目期要达到的结果，年度目标是本年度承担的部分。多年项目把实施期目标原样
    复制为年度目标，本年度到底要完成什么就无从考核，年终评价也无法对照。

    示例
    ----
    错误（项目期 2025.01-2027.12）：

        实施期目标：三年内完成辖区居民健康档案规范化管理……
        年度目标：  三年内完成辖区居民健康档案规范化管理……

    正确：

        年度目标：本年度更新辖区居民健康档案一万份，开展健康讲座十二场……

    选项
    ----
    min_similarity：两个目标（忽略空格和标点）相似到什么程度算照抄，0 到 1，默认 0.9；
    设为 1 时只报告完全相同的目标。
    """,
)
def goal_copied(ctx: Context, project: Project) -> Iterator[Problem]:
    """The annual goal of a multi-year project is its period goal copied.

    What it does
    ------------
    A national form states a period goal (实施期目标, 中期/长期目标) and an
    annual goal (年度目标). When the project runs over several years (its
    项目期 ``2025.01-2027.12``, or a span ``2024-2026年`` in its name) and the
    annual goal is the period goal, or nearly (punctuation and spaces
    ignored, at least ``min_similarity`` alike; the first 1,000 characters
    of each are compared), reports it once, at the annual goal. A one-year
    project's two goals rightly say the same; a form with only an annual
    goal has nothing to compare.

    Why is this bad?
    ----------------
    The period goal states what the whole project achieves, the annual goal
    this year's share. Copied, it leaves nothing to hold this year's work
    against, and the year-end evaluation nothing to compare.

    Example
    -------
    Bad (项目期 2025.01-2027.12)::

        实施期目标：三年内完成辖区居民健康档案规范化管理……
        年度目标：  三年内完成辖区居民健康档案规范化管理……

    Good::

        年度目标：本年度更新辖区居民健康档案一万份，开展健康讲座十二场……

    Options
    -------
    ``min_similarity``: how alike, from 0 to 1, the two goals must be to
    count as copied (default 0.9); 1 reports only the same words.
    """
    annual, period = project.goal, project.period_goal
    if annual is None or period is None or not annual.value or not period.value:
        return
    if annual.origin(0) == period.origin(0):
        return  # no annual goal: the period goal stands in for it
    years = _years(project)
    if years is None or years[1] <= years[0]:
        return
    left, right = _comparable(annual.value), _comparable(period.value)
    if not left or not right:
        return
    args: dict[str, object] = {"first": years[0], "last": years[1]}
    key = "default"
    if left != right:
        least = float(ctx.options["min_similarity"])
        # 2·matches / total length is at most 2·shorter / total: goals of
        # very different lengths cannot be alike, and the bounds below are
        # linear where the ratio itself is quadratic in the length compared.
        if 2 * min(len(left), len(right)) < least * (len(left) + len(right)):
            return
        matcher = SequenceMatcher(None, left[:COMPARED], right[:COMPARED], autojunk=False)
        if matcher.real_quick_ratio() < least or matcher.quick_ratio() < least:
            return
        similarity = matcher.ratio()
        if similarity < least:
            return
        key = "similar"
        # The goals differ, so they are not alike to 1.00, even where the
        # openings compared are the same.
        args["similarity"] = f"{min(similarity, 0.99):.2f}"
    yield Problem(annual.span(), key=key, args=args, field="goal", excerpt=annual.value[:40])
