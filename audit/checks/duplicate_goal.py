"""The ``duplicate-goal`` rule, of the ``duplicates`` group: one goal on
projects of one table that are not parts of one programme."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from audit.engine import Context, Option, Problem, attributed, rule
from audit.facts import count_ideographs
from audit.model import Document, Project, Unit, goal_text

_NOISE = re.compile(r"[\s\u3000。．.，,、；;：:！!？?“”\"'‘’#]+")
_BRACKETS = re.compile(r"[（(【\[][^（()）【】\[\]]*[）)】\]]")
"""A qualifier in brackets (``（越秀区）``, ``（公用）``, ``（2024-2026年）``)."""
_YEARS = re.compile(r"(?:19|20)\d\d\s*年?度?(?:\s*[-－—–~～至到]\s*(?:19|20)\d\d\s*年?度?)?")
"""A year or a span of years (``2024年``, ``2023-2024年``)."""
_DIGITS = re.compile(r"\d+")
_FUNDING_TAIL = re.compile(
    r"(?:专项|工作|活动|运行|业务)*(?:经费|资金|补助资金|补贴资金|补助经费|专项资金|项目|费用)$"
)
"""What ends the name of any funded project (``…活动经费``, ``…专项资金``,
``…项目``): two names alike only in it (群众文化活动经费, 全民健身活动经费)
are not parts of one programme."""
COMPARED = 1000
"""How many characters of each goal are compared: a goal is a paragraph,
and the opening of a copied one is enough to tell it."""


def _goal_key(text: str) -> str:
    """A goal as compared: no spaces or punctuation, its first characters."""
    return _NOISE.sub("", text)[:COMPARED]


_OWN_NAME_CHARS = 4
"""A project name shorter than this is a word a goal may use of anything."""


def _without_name(goal: str, name: str) -> str:
    """A goal without its project's own name (``社区长者饭堂运营补助：为辖区…``):
    a template goal filled in with each project's name is one goal."""
    name = name.strip()
    return goal.replace(name, "") if len(name) >= _OWN_NAME_CHARS else goal


def _stem(name: str) -> str:
    """A project name without what tells parts of one programme apart: a
    bracketed qualifier (``（海珠区）``), a year or a span of years, numbers."""
    return _NOISE.sub("", _DIGITS.sub("", _YEARS.sub("", _BRACKETS.sub("", name))))


def _long_enough(text: str, minimum: int) -> bool:
    """Whether ``text`` has at least ``minimum`` Chinese characters (read up
    to the ``minimum``-th only: goals run to paragraphs)."""
    return count_ideographs(text, minimum) >= minimum


def _any_related(stem: str, others: Iterable[str], similarity: float) -> bool:
    """Whether any of the name stems ``others`` names a part of one programme
    with ``stem``: the same name but for a district, a year or a qualifier
    in brackets (``市就业补助资金（越秀区）``, ``…2023-2024年信息化运维项目`` and
    ``…2024-2025年信息化运维项目``), or names at least ``similarity`` alike
    (``南沙区…政府资助项目`` and ``花都区…政府资助项目``). Such parts may share
    one goal; unrelated projects may not. The cheap bounds of the similarity
    are tried before the ratio itself."""
    matcher = SequenceMatcher(None, autojunk=False)
    # alike is judged without the words that end any funded project's name
    # (活动经费), which make unrelated names look alike
    stem, whole = _FUNDING_TAIL.sub("", stem) or stem, stem
    matcher.set_seq2(stem)
    for other in others:
        if not other or not whole or other in whole or whole in other:
            return True
        other = _FUNDING_TAIL.sub("", other) or other
        if _shared_head(stem, other):
            return True
        matcher.set_seq1(other)
        if (
            matcher.real_quick_ratio() >= similarity
            and matcher.quick_ratio() >= similarity
            and matcher.ratio() >= similarity
        ):
            return True
    return False


def _shared_head(one: str, other: str) -> bool:
    """Whether two name stems begin alike, over at least four characters
    and half the shorter (``局本级办公家具…购置``, ``局本级办公保障``: one office's
    budget): the programme comes first in a name, what a part buys after it."""
    shared = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= max(4, min(len(one), len(other)) / 2)


COMPARED_NAMES = 16
"""How many of the names that already share a goal a new name is compared
with, the nearest rows first: parts of one programme stand together, and a
boilerplate goal on thousands of projects must not cost a comparison of
every pair."""


class _Holders:
    """The projects that have one goal: the first, and the stems of all the
    names (the latest ``COMPARED_NAMES`` kept in order)."""

    __slots__ = ("first", "latest", "stems")

    def __init__(self, first: Project) -> None:
        # The first name's stem is made when a second project has the goal:
        # most goals are one project's.
        self.first = first
        self.stems: set[str] = set()
        self.latest: deque[str] = deque(maxlen=COMPARED_NAMES)

    def kin(self, stem: str, similarity: float) -> bool:
        """Whether a name of this stem is a part of a programme already here
        (its stem is then kept too)."""
        if not self.stems:
            first = _stem(self.first.title)
            self.stems.add(first)
            self.latest.append(first)
        found = stem in self.stems or _any_related(stem, reversed(self.latest), similarity)
        if stem not in self.stems:
            self.stems.add(stem)
            self.latest.append(stem)
        return found


@rule(
    "duplicate-goal",
    group="duplicates",
    severity="warning",
    scope="document",
    options={
        "min_chars": Option(
            "int",
            20,
            "fewest Chinese characters of a goal compared with the others (shorter goals are "
            "goal-too-short's)",
        ),
        "name_similarity": Option(
            "number",
            0.5,
            "how alike (0 to 1) two project names must be to be parts of one programme, "
            "which may share a goal",
            min=0,
            max=1,
        ),
    },
    messages={
        "default": (
            "项目「{name}」的绩效目标与第{first_line}行项目「{first}」的相同：应写明本项目的任务、"
            "产出和效果",
            "the goal of the project “{name}” is the goal of the project “{first}” on line "
            "{first_line}: state this project's own task, output and effect",
        ),
        "cell": (
            "项目「{name}」的绩效目标与 {first_cell} 项目「{first}」的相同：应写明本项目的任务、"
            "产出和效果",
            "the goal of the project “{name}” is the goal of the project “{first}” at "
            "{first_cell}: state this project's own task, output and effect",
        ),
        "named-default": (
            "项目「{name}」的绩效目标除项目名称外与第{first_line}行项目「{first}」的相同：应写明本项目的"
            "任务、产出和效果",
            "the goal of the project “{name}” is, but for the project's name, the goal of the "
            "project “{first}” on line {first_line}: state this project's own task, output and "
            "effect",
        ),
        "named-cell": (
            "项目「{name}」的绩效目标除项目名称外与 {first_cell} 项目「{first}」的相同："
            "应写明本项目的任务、产出和效果",
            "the goal of the project “{name}” is, but for the project's name, the goal of the "
            "project “{first}” at {first_cell}: state this project's own task, output and effect",
        ),
    },
    doc_zh="""
    同一张表中，不相干的项目写了同一段绩效目标。

    检查内容
    --------
    比较表中各项目的绩效目标（忽略空格和标点，比较各自的前 1000 字；目标中本项目的名称不计，
    套用同一模板、只换了项目名称的目标算同一段）。一个项目的目标与前面的项目
    完全相同、而它与这些项目都不是同一程序的不同部分时，在这个项目的目标处报告，并指出第一个写这段
    目标的项目的位置；同一段目标出现在多个项目上（「保障单位各项工作顺利开展，提高资金使用效益……」），
    每个复制处报告一次，都指向第一个。

    以下不报告：少于 min_chars 个汉字的目标（由 goal-too-short 提示）；同一程序的不同部分——名称
    除区、年度、括号中的限定语外相同（「市就业补助资金（越秀区）」与「（海珠区）」、「2023-2024年
    信息化运维项目」与「2024-2025年……」），开头相同的（至少四个字、较短名称的一半：「局本级办公家具
    和办公设备购置经费」与「局本级办公保障经费」），或相似度达到 name_similarity 的（不计任何项目
    名称都可能有的结尾「活动经费」「专项资金」「项目」：「群众文化活动经费」与「全民健身活动经费」
    不是同一程序）——可以共用一段目标
    （名称与共用这段目标的最近 16 个不同名称比较：同一程序的各部分通常相邻）；
    同名的项目（一个项目跨页分成两行，或重复的项目，由 duplicate-project 报告）；空目标、「无」、
    占位文字和乱码（由各自的规则报告）。绩效目标就是项目名称的，由 duplicate-text 报告。

    为什么有问题
    ------------
    粤财绩〔2019〕11号要求每个项目都有绩效目标，财预〔2020〕10号要求目标写明本项目的任务、产出和
    效果。从别的项目复制来的目标，或每个项目都贴上的套话，说的不是这个项目，审核人员无法据此判断
    指标是否与目标对应。

    示例
    ----
    错误（「城市道路清扫保洁经费」的目标照抄了「户外广告招牌整治经费」的）：

        户外广告招牌整治经费 | … | 整治辖区违规户外广告招牌，规范设置，消除安全隐患，改善街区景观。
        城市道路清扫保洁经费 | … | 整治辖区违规户外广告招牌，规范设置，消除安全隐患，改善街区景观。

    正确：

        城市道路清扫保洁经费 | … | 做好辖区道路清扫保洁和垃圾收运，保持道路整洁，提升市容环境。

    选项
    ----
    min_chars：参与比较的目标的最少汉字数（整数，默认 20）。
    name_similarity：两个项目名称相似到何种程度（0 至 1，默认 0.5）算同一程序的不同部分。
    """,
)
def duplicate_goal(ctx: Context, document: Document) -> Iterator[Problem]:
    """The same goal on projects of one table that are not parts of one programme.

    What it does
    ------------
    Compares the goals of the table's projects (spaces and punctuation
    ignored, the first 1000 characters of each; the project's own name in
    its goal left out, so a template goal filled in with each project's
    name is one goal). A goal that is the goal of
    earlier projects, none of them a part of the same programme, is
    reported at the copy, naming the first project that has it;
    boilerplate on many projects (``保障单位各项工作顺利开展，提高资金使用
    效益……``) is reported once at each copy, each naming the first.

    Not reported: goals of fewer than ``min_chars`` Chinese characters
    (``goal-too-short``'s); parts of one programme, whose names are the same
    but for a district, a year or a qualifier in brackets
    (``市就业补助资金（越秀区）`` and ``（海珠区）``, ``2023-2024年信息化运维项目``
    and ``2024-2025年…``), begin alike (over four characters and half the
    shorter name: ``局本级办公家具和办公设备购置经费``, ``局本级办公保障经费``) or are
    at least ``name_similarity`` alike, leaving out the words that end any
    funded project's name (``活动经费``, ``专项资金``, ``项目``: ``群众文化活动经费``
    and ``全民健身活动经费`` are no parts of one programme): they may
    share a goal (a name is compared with the latest 16 other names that
    have the goal: the parts of a programme stand together); projects of
    the same name (one project split over a page,
    or a repeated project, ``duplicate-project``'s); an empty goal, ``无``, a
    placeholder or garbled text (their own rules'). A goal that is the
    project's name is ``duplicate-text``'s.

    Why is this bad?
    ----------------
    粤财绩〔2019〕11号 requires a goal for every project, and 财预〔2020〕10号
    asks that it name this project's task, output and effect. A goal copied
    from another project, or boilerplate pasted on every project, is not
    about this project: the reviewer cannot tell from it whether the
    indicators follow from the goal.

    Example
    -------
    Bad (``城市道路清扫保洁经费`` carries the goal of ``户外广告招牌整治经费``)::

        户外广告招牌整治经费 | … | 整治辖区违规户外广告招牌，规范设置，消除安全隐患，改善街区景观。
        城市道路清扫保洁经费 | … | 整治辖区违规户外广告招牌，规范设置，消除安全隐患，改善街区景观。

    Good::

        城市道路清扫保洁经费 | … | 做好辖区道路清扫保洁和垃圾收运，保持道路整洁，提升市容环境。

    Options
    -------
    ``min_chars`` (integer): fewest Chinese characters of a goal compared;
    default 20.
    ``name_similarity`` (number, 0 to 1): how alike two project names must
    be to be parts of one programme; default 0.5.
    """
    minimum = ctx.options["min_chars"]
    similarity = float(ctx.options["name_similarity"])
    facts = ctx.facts

    def problems() -> Iterator[tuple[Unit | None, Project | None, Problem]]:
        first_of: dict[str, _Holders] = {}
        for unit in document.units:
            for project in unit.projects:
                text = goal_text(project)
                if project.goal is None or not _long_enough(text, minimum):
                    continue
                own = _without_name(text, project.title)
                # The goal as written, and without the project's own name.
                keys = dict.fromkeys((_goal_key(text), _goal_key(own)))
                holders = next((first_of[k] for k in keys if k in first_of), None)
                if holders is None:
                    holders = _Holders(project)
                    for key in keys:
                        first_of[key] = holders
                    continue  # the first project with this goal
                for key in keys:
                    first_of.setdefault(key, holders)
                first = holders.first
                if holders.kin(_stem(project.title), similarity) or first.goal is None:
                    continue  # a part of a programme that has this goal
                if facts.is_empty_goal(text) or facts.is_placeholder(text) or facts.garbled(text):
                    continue  # 无, a placeholder or garbled: their own rules' (the first's too)
                span = first.goal.span()
                cell = span.location
                named = _goal_key(goal_text(project)) != _goal_key(goal_text(first))
                args = {
                    "name": project.title,
                    "first": first.title,
                    "first_line": span.line,
                    "first_cell": cell,
                }
                yield (
                    unit,
                    project,
                    Problem(
                        project.goal.span(),
                        ("named-" if named else "") + ("cell" if cell is not None else "default"),
                        args,
                        field="goal",
                        excerpt=project.goal.value,
                    ),
                )

    yield from attributed(ctx, problems())
