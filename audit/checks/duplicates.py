"""Duplicates: the same clause, indicator, text or project written twice.

``duplicate-clause`` and ``duplicate-indicator`` compare the clauses of one
project; ``duplicate-text`` finds a goal, a project name or a value copied
into another field; ``duplicate-project`` compares the projects of one unit.
A keyword written twice inside one clause (``年度指标值`` three times in one
clause) is ``repeated-field``'s finding and is not compared here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import field_name, first_fields, normalize
from audit.model import AMOUNT_COLUMNS, Clause, Project, Unit, ValueField

# Closing punctuation stripped before comparing (normalize has removed white
# space): str.rstrip, not a regex ``[…]+$``, which would try every position
# of a long run of punctuation.
_SENTENCE_END = "。；;，,、."
_SPACES = re.compile(r"\s+")


def _clauses(project: Project) -> list[Clause]:
    return [c for c in project.clauses if isinstance(c, Clause)]


def _category(clause: Clause) -> tuple[str, str]:
    level1 = clause.level1.name if clause.level1 else ""
    level2 = clause.level2.name if clause.level2 else ""
    return normalize(level1), normalize(level2)


def _values(clause: Clause) -> tuple[str, ...]:
    return tuple(normalize(f.text) for f in first_fields(clause))


def _number(clause: Clause) -> str:
    return str(clause.number) if clause.number is not None else "?"


# --------------------------------------------------------------------------
# duplicate-clause


@rule(
    "duplicate-clause",
    severity="warning",
    scope="project",
    messages={
        "default": (
            "第{number}条指标与第{first}条完全相同（类别、名称和指标值）：应删除重复的一条",
            "indicator {number} repeats indicator {first} (categories, name and values): "
            "remove the duplicate",
        ),
    },
    doc_zh="""
    同一项目中出现两条完全相同的条款（类别、名称和两个指标值都相同）。

    检查内容
    --------
    在每个项目内按一级、二级指标、指标名称和指标值（忽略空格和引号）比较各条款，报告重复前面
    某条的每一条，位置在重复的条款上。名称相同而指标值不同的，由 duplicate-indicator 报告。

    为什么有问题
    ------------
    重复粘贴的条款虚增了指标数量，而它所在的位置通常本该是另一条指标。

    示例
    ----
    错误：

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    正确：

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；13-时效指标；设备采购及时率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    无。
    """,
)
def duplicate_clause(ctx: Context, project: Project) -> Iterator[Problem]:
    """The same clause (categories, name and both values) twice in a project.

    What it does
    ------------
    Compares the clauses of each project by their level-1 and level-2
    categories, their name and their values (spaces and quotes ignored) and
    reports every clause that repeats an earlier one, at the repeated clause.
    The same name with different values is ``duplicate-indicator``'s finding.

    Why is this bad?
    ----------------
    A clause pasted twice inflates the indicator list and usually stands
    where another indicator was meant to be.

    Example
    -------
    Bad::

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    Good::

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；13-时效指标；设备采购及时率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    None.
    """
    seen: dict[tuple[Any, ...], Clause] = {}
    for clause in _clauses(project):
        key = (*_category(clause), normalize(clause.name), _values(clause))
        first = seen.get(key)
        if first is None:
            seen[key] = clause
            continue
        args = {"number": _number(clause), "first": _number(first)}
        yield Problem(
            clause.span,
            args=args,
            field="clause",
            excerpt=clause.text.strip(),
            clause=clause.number,
        )


# --------------------------------------------------------------------------
# duplicate-indicator


@rule(
    "duplicate-indicator",
    severity="warning",
    scope="project",
    messages={
        "default": (
            "指标「{name}」在第{first}条和第{number}条重复出现，指标值不同：应合并为一条或改用不同名称",
            "the indicator “{name}” appears in clauses {first} and {number} with different "
            "values: merge them or name them apart",
        ),
        "category": (
            "指标「{name}」在第{first}条和第{number}条重复出现，归在不同类别下：应只保留一条",
            "the indicator “{name}” appears in clauses {first} and {number} under different "
            "categories: keep one",
        ),
    },
    doc_zh="""
    同一项目中同一指标名称出现两次，而指标值不同。

    检查内容
    --------
    报告指标名称（忽略空格、引号和名称末尾的单位如「（%）」）已被同一项目前面某条使用、而指标值
    不同的条款，位置在重复的名称上。完全相同的条款由 duplicate-clause 报告；名称和指标值相同而类别
    不同的，在这里报告。

    为什么有问题
    ------------
    一条指标两个目标，互相矛盾：审核人员无法判断单位承诺的是哪一个。

    示例
    ----
    错误：

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前。
        7、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前完成。

    正确：

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:2023年6月前；年度指标值:2023年6月前。

    选项
    ----
    无。
    """,
)
def duplicate_indicator(ctx: Context, project: Project) -> Iterator[Problem]:
    """The same indicator name twice in a project, with different values.

    What it does
    ------------
    Reports a clause whose indicator name (spaces, quotes and a trailing unit
    such as ``（%）`` ignored) was already used by an earlier clause of the
    same project with other values, at the repeated name. An identical clause
    is ``duplicate-clause``'s finding; the same name and values under
    different categories is reported here, as such.

    Why is this bad?
    ----------------
    Two targets for one indicator contradict each other: the reviewer cannot
    tell which one the unit commits to.

    Example
    -------
    Bad::

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前。
        7、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前完成。

    Good::

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:2023年6月前；年度指标值:2023年6月前。

    Options
    -------
    None.
    """
    seen: dict[str, Clause] = {}
    complete: set[tuple[Any, ...]] = set()
    for clause in _clauses(project):
        name = normalize(clause.name)
        if not name:
            continue
        values = _values(clause)
        key = (*_category(clause), name, values)
        first = seen.get(name)
        if first is None:
            seen[name] = clause
        elif key not in complete:
            args = {"name": clause.name, "number": _number(clause), "first": _number(first)}
            same_values = values == _values(first)
            yield Problem(
                clause.name_span,
                "category" if same_values else "default",
                args,
                field="indicator",
                excerpt=clause.name,
                clause=clause.number,
            )
        complete.add(key)


# --------------------------------------------------------------------------
# duplicate-text


@rule(
    "duplicate-text",
    severity="warning",
    scope="project",
    messages={
        "goal": (
            "{keyword}「{text}」照抄了绩效目标：应填写具体目标值",
            "the {field} value “{text}” is copied from the goal: write a target",
        ),
        "project-name": (
            "指标名称「{text}」就是项目名称：应写明衡量什么",
            "the indicator name “{text}” is the project's name: name what is measured",
        ),
        "value-project-name": (
            "{keyword}「{text}」就是项目名称，不是目标值",
            "the {field} value “{text}” is the project's name, not a target",
        ),
        "other-clause": (
            "第{number}条的{keyword}「{text}」与第{first}条「{first_name}」的指标值相同："
            "不同指标不应照抄同一段文字",
            "the {field} value “{text}” of indicator {number} is copied from indicator "
            "{first} (“{first_name}”): different indicators need their own targets",
        ),
    },
    options={
        "min_goal_copy": Option(
            "int",
            15,
            "shortest value or name (characters) reported when it stands verbatim in the goal",
        ),
        "min_shared_length": Option(
            "int",
            8,
            "shortest value (characters) reported when two different indicators share it",
        ),
        "min_shared_words": Option(
            "int",
            4,
            "fewest characters of words (besides numbers and units) in a value shared by "
            "two indicators: 100% or ≥2个 are never reported",
        ),
    },
    doc_zh="""
    绩效目标、项目名称或指标值被复制到了其他栏目。

    检查内容
    --------
    在每个项目内报告：

    * 指标值或指标名称就是绩效目标，或原样包含在目标中（至少 min_goal_copy 个字）：把目标贴到了
      指标值处；
    * 指标名称或指标值就是项目名称；
    * 两个名称不同的指标共用同一个指标值，且这个值不只是一个数（至少 min_shared_length 个字，
      其中至少 min_shared_words 个字是文字）：
      如三条指标的实施周期指标值都是「民办技工学校党支部书记」。

    实施周期指标值与年度指标值相同是正常的，不报告；「100%」「≥2个」这样简短通用的值被多个指标
    共用也不报告。同一条款中重复的关键词由 repeated-field 报告。

    为什么有问题
    ------------
    复制来的文字填满了栏目却没有说出自己的内容：目标不是指标值；两个指标的目标文字相同，说明它们
    衡量的是同一件事，或填写时不够认真。

    示例
    ----
    错误：

        绩效目标：…通过对留学人才创业、高层次留学人员提供配套资助，支持一批留学人员来穗创业创新…
        2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:通过对留学人才创业、
        高层次留学人员提供配套资助，支持一批留学人员来穗创业创新…

    正确：

        2、2-效益指标；22-社会效益；资助留学人员创业项目数；实施周期指标值:≥2个；年度指标值:≥2个。

    选项
    ----
    min_goal_copy、min_shared_length、min_shared_words：报告复制文字的最短长度（字数）。
    """,
)
def duplicate_text(ctx: Context, project: Project) -> Iterator[Problem]:
    """A goal, a project name or a value copied into another field.

    What it does
    ------------
    Reports, within a project:

    * a target value or an indicator name that is the goal, or stands in
      it verbatim (at least ``min_goal_copy`` characters): the goal pasted
      where a target belongs;
    * an indicator name, or a value, that is the project's name;
    * a value shared by two indicators with different names, when it says
      more than a number (at least ``min_shared_length`` characters, of which
      ``min_shared_words`` are words): ``民办技工学校党支部书记`` as the period
      value of three indicators.

    The period value equal to the annual value is normal and never reported;
    nor are short generic values (``100%``, ``≥2个``) shared by indicators. A
    keyword written twice in one clause (``年度指标值:…；年度指标值:…``) is
    ``repeated-field``'s finding: only the first value of each keyword is
    read here.

    Why is this bad?
    ----------------
    Copied text fills a field without saying anything of its own: a goal is
    not a target, and two indicators with the same target text measure the
    same thing or were filled in carelessly.

    Example
    -------
    Bad::

        绩效目标：…通过对留学人才创业、高层次留学人员提供配套资助，支持一批留学人员来穗创业创新…
        2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:通过对留学人才创业、
        高层次留学人员提供配套资助，支持一批留学人员来穗创业创新…

    Good::

        2、2-效益指标；22-社会效益；资助留学人员创业项目数；实施周期指标值:≥2个；年度指标值:≥2个。

    Options
    -------
    ``min_goal_copy`` (int): shortest text reported as copied from the goal;
    default 15.
    ``min_shared_length`` (int): shortest value reported as shared by two
    indicators; default 8.
    ``min_shared_words`` (int): fewest characters besides the measure (its
    comparator, number and unit) in such a value; default 4.
    """
    goal = _clean(project.goal.value) if project.goal is not None else ""
    title = _clean(project.title)
    min_goal = ctx.options["min_goal_copy"]
    shared: dict[str, Clause] = {}
    for clause in _clauses(project):
        if title and _clean(clause.name) == title:
            args: dict[str, Any] = {"text": clause.name}
            yield Problem(
                clause.name_span,
                "project-name",
                args,
                field="indicator",
                excerpt=clause.name,
                clause=clause.number,
            )
        seen_here: set[str] = set()
        for value_field in first_fields(clause):
            text = _clean(value_field.text)
            if not text or text in seen_here:
                continue
            seen_here.add(text)
            args = {
                "text": value_field.text,
                "keyword": value_field.keyword,
                "field": field_name(value_field),
            }
            key = None
            if text == title:
                key = "value-project-name"
            elif (
                goal
                and len(text) >= min_goal
                and value_field.value.kind == "qualitative"
                and text in goal
                and ctx.facts.value(clause, value_field).restatement is None
            ):
                key = "goal"
            elif _says_more(ctx, value_field):
                earlier = shared.get(text)
                if earlier is None:
                    shared[text] = clause
                elif _category(earlier) != _category(clause) and normalize(
                    earlier.name
                ) != normalize(clause.name):
                    key = "other-clause"
                    args.update(
                        number=_number(clause), first=_number(earlier), first_name=earlier.name
                    )
            if key is not None:
                yield Problem(
                    value_field.span,
                    key,
                    args,
                    field=field_name(value_field),
                    excerpt=value_field.text,
                    clause=clause.number,
                )


@lru_cache(maxsize=65536)
def _clean(text: str) -> str:
    """Text as compared for copies: no spaces, quotes or closing punctuation."""
    return normalize(text).rstrip(_SENTENCE_END)


def _says_more(ctx: Context, value_field: ValueField) -> bool:
    """A value long and specific enough that two indicators sharing it is a copy."""
    text = _clean(value_field.text)
    if len(text) < ctx.options["min_shared_length"]:
        return False
    value = value_field.value
    words = value.prefix + value.suffix if value.kind == "quantity" else text
    return len(words) >= ctx.options["min_shared_words"]


# --------------------------------------------------------------------------
# duplicate-project


@rule(
    "duplicate-project",
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
    },
    doc_zh="""
    同一单位下出现两个同名项目。

    检查内容
    --------
    在每个单位内按名称（忽略空格）比较项目，报告名称已用过的项目：金额（总计、财政拨款、财政专户
    拨款、其他资金）也相同的为错误（同一行粘贴了两次，在小计中被计算两次）；金额不同的为警告（两个
    需要区分名称的项目，或一个项目被拆成了两个）。不同单位的项目可以同名（「机构运行辅助经费」）。

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
    Projects of different units may share a name (``机构运行辅助经费``).

    Why is this bad?
    ----------------
    A repeated row doubles the project's money in the unit's subtotal; two
    projects under one name cannot be told apart in the budget.

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
    seen: dict[str, Project] = {}
    for project in unit.projects:
        name = _SPACES.sub("", project.title)
        first = seen.get(name)
        if first is None:
            seen[name] = project
            continue
        same = all(
            project.amounts.value(column) == first.amounts.value(column)
            for column in AMOUNT_COLUMNS
        )
        args = {"name": project.title, "first_line": first.line}
        yield Problem(
            project.name.span(),
            "default" if same else "amounts",
            args,
            field="name",
            excerpt=project.title,
            lower=0 if same else 1,
            project=project,
        )
