"""The ``goal-not-specific`` rule, of the ``guidance`` group: a goal made of
stock phrases only, which names nothing the project does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from audit.engine import Context, Option, Problem, rule
from audit.facts import IDEOGRAPHS, any_of, goal_is_name, reporting
from audit.model import Project, goal_text

GENERIC_WORDS: list[str] = [
    # the project itself, in any goal (通过开展本项目, 通过项目的实施)
    r"通过(?:开展|实施|建设|执行)?(?:本|该)?项目(?:的)?(?:实施|建设|开展|执行)?",
    # an instruction followed, with no content of its own (按照上级要求, 根据工作安排)
    r"(?:按照|根据|依据|遵照|按)(?:上级|有关|相关|省|市|区|县)?(?:部门)?(?:的)?(?:工作)?"
    r"(?:要求|规定|部署|安排|需要|精神)",
    r"(?:本|该)?(?:项目|单位|部门|中心|本级)",
    # words that qualify any work: 各项, 相关, 日常, 年度
    r"各项|各类|相关|有关|日常|本年度|年度|全年|当年|一系列",
    # verbs of any goal
    r"确保|保障|保证|促进|提高|提升|加强|推动|推进|落实|做好|开展|完成|实施|进行|实现|达到|满足"
    r"|发挥|维持|维护|支持|支撑",
    # adverbs and manners (进一步, 顺利, 有序, 正常)
    r"进一步|有效|顺利|有序|圆满|正常|稳步|切实|积极|全面|持续|不断|较好|更好|良好|稳定|及时"
    r"|高效|基本",
    # nouns of any work (工作任务, 工作效率, 服务水平, 正常运转)
    r"工作|任务|目标|效率|水平|质量|能力|作用|成效|效果|效益|职能|职责|运转|运行|业务|需要|需求|要求",
    # function words
    r"[的和与及等了为对在将以并使得地之其]",
]
"""What any goal may say of any project: the project, an instruction
followed, the verbs, manners and nouns of work in general. What is left of
a goal without them is what it says of its own project."""


def _class_without(excluded: frozenset[str]) -> str:
    """The body of a character class of the Chinese characters but
    ``excluded``, as ranges."""
    parts: list[str] = []
    for low, high in IDEOGRAPHS:
        start = low
        for point in sorted(ord(ch) for ch in excluded if low <= ord(ch) <= high):
            if start < point:
                parts.append(f"{chr(start)}-{chr(point - 1)}")
            start = point + 1
        if start <= high:
            parts.append(f"{chr(start)}-{chr(high)}")
    return "".join(parts)


_ALL = _class_without(frozenset())
_SPECIFIC = _class_without(
    frozenset(
        ch for word in GENERIC_WORDS for ch in word if any(a <= ord(ch) <= b for a, b in IDEOGRAPHS)
    )
)
"""The Chinese characters no default generic word holds: the default words
match nothing but what they write out (no ``.``, ``\\S``, ``\\w`` or ``[^…]``),
so every one of these characters in a goal is left when they are taken out."""


@lru_cache(maxsize=64)
def _at_least(count: int, chars: str) -> re.Pattern[str]:
    """A pattern that matches a text holding at least ``count`` characters
    of the class ``chars``: the engine counts them, with no string made."""
    return re.compile(f"(?:[^{chars}]*+[{chars}]){{{count}}}")


@rule(
    "goal-not-specific",
    group="guidance",
    severity="info",
    scope="project",
    messages={
        "default": (
            "绩效目标只有套话，没有写明本项目的任务、对象或数量：应说明项目做什么、为谁做、做到什么程度",
            "the goal is stock phrases only and names no task, beneficiary or quantity of "
            "this project: say what the project does, for whom and to what extent",
        ),
    },
    options={
        "generic_words": Option(
            "list[regex]",
            GENERIC_WORDS,
            "words any goal may use of any project (regular expressions, tried in order)",
        ),
        "min_specific": Option(
            "int", 6, "fewest Chinese characters a goal should have besides the generic words"
        ),
    },
    doc_zh="""
    绩效目标全是套话，说不出本项目做什么（「按照上级要求开展相关工作，完成年度各项任务目标。」）。

    检查内容
    --------
    从绩效目标中去掉任何项目都能用的词语：项目本身（「通过开展本项目」）、照办的指示（「按照上级
    要求」「根据工作安排」）、泛泛的动词（确保、保障、提高、完成、开展……）、方式（进一步、顺利、
    有序、正常……）、泛指的名词（工作、任务、目标、效率、水平、运转……）和虚词，剩下的汉字少于
    min_specific 的报告。剩下的就是目标对本项目说的话：写了对象（「退休人员」「居民健康档案」）、
    任务（「健康讲座」「设备置换」）或数量的目标不报告。字数少于 goal-too-short 的 min_chars 的
    目标由 goal-too-short 报告，空目标由 missing-goal、占位文字由 placeholder、只写项目名称的由
    duplicate-text 报告。

    为什么有问题
    ------------
    财预〔2020〕10号（绩效目标合理性、绩效指标明确性）要求目标写明项目的任务、产出和效果，以便
    从中导出指标。字数够了、却全是套话的目标，哪一项都没有写明，放在哪个项目上都一样。

    示例
    ----
    错误：

        按照上级要求开展相关工作，完成年度各项任务目标。

    正确：

        本年度更新辖区居民健康档案一万份，开展健康讲座十二场，居民健康知识知晓率达到80%。

    选项
    ----
    generic_words：任何目标都能用的词语（正则表达式列表，按顺序去掉）。
    min_specific：去掉这些词语后至少应剩的汉字数（整数，默认 6）。
    """,
)
def goal_not_specific(ctx: Context, project: Project) -> Iterator[Problem]:
    """A goal made of stock phrases only.

    What it does
    ------------
    Takes out of the 绩效目标 what any goal may say of any project: the
    project itself (``通过开展本项目``), an instruction followed (``按照上级
    要求``, ``根据工作安排``), the verbs of work in general (确保, 保障, 提高,
    完成, 开展…), manners (进一步, 顺利, 有序, 正常…), the nouns of any work
    (工作, 任务, 目标, 效率, 水平, 运转…) and function words, and reports the
    goal when fewer than ``min_specific`` Chinese characters are left. What
    is left is what the goal says of its own project: a goal that names whom
    it serves (退休人员, 居民健康档案), a task (健康讲座, 设备置换) or a
    quantity is not reported. A goal shorter than goal-too-short's
    ``min_chars`` is that rule's, an empty goal missing-goal's, a placeholder
    placeholder's, a goal that is only the project's name duplicate-text's.

    Why is this bad?
    ----------------
    财预〔2020〕10号 (绩效目标合理性, 绩效指标明确性) asks that a goal name
    the project's task, its output and its effect, so that the indicators
    can be derived from it. A goal long enough but made of stock phrases
    names none of them, and would fit any project.

    Example
    -------
    Bad::

        按照上级要求开展相关工作，完成年度各项任务目标。

    Good::

        本年度更新辖区居民健康档案一万份，开展健康讲座十二场，居民健康知识知晓率达到80%。

    Options
    -------
    ``generic_words`` (list of regular expressions, taken out in order):
    the words any goal may use; ``min_specific`` (integer): the fewest
    Chinese characters a goal should have besides them, default 6.
    """
    text = goal_text(project)
    if project.goal is None or not text:
        return
    config = ctx.config
    if reporting(config, "goal-too-short"):
        shortest = int(config.setting("goal-too-short").options["min_chars"])
        if not _at_least(shortest, _ALL).match(text):
            return  # goal-too-short's
    minimum = int(ctx.options["min_specific"])
    words = ctx.options["generic_words"]
    if words == GENERIC_WORDS and _at_least(minimum, _SPECIFIC).match(text):
        return  # enough characters that no default word holds: most goals, at once
    if _at_least(minimum, _ALL).match(any_of(words).sub("", text)):
        return
    facts = ctx.facts
    if facts.is_empty_goal(text) or facts.is_placeholder(text) or goal_is_name(project):
        return  # missing-goal's, placeholder's, duplicate-text's (the name as the goal)
    yield Problem(project.goal.span(), field="goal", excerpt=project.goal.value)
