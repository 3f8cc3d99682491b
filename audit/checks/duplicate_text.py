"""The ``duplicate-text`` rule, of the ``duplicates`` group: a goal, a project
name or a value copied into another field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import category_key, copy_text, field_name, first_fields, goal_is_name, normalize
from audit.model import Clause, Project, ValueField, clause_label, clauses_of


@rule(
    "duplicate-text",
    group="duplicates",
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
        "goal-project-name": (
            "绩效目标「{text}」只是项目名称：应说明项目做什么、为谁做、做到什么程度",
            "the goal “{text}” is only the project's name: say what the project does, for "
            "whom and to what extent",
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
    * 指标名称或指标值就是项目名称；绩效目标只是项目名称（「广州市荔湾区2025年城市道路清扫保洁和
      生活垃圾收运处置服务项目」，名称再长也一样；以项目名称开头、接着写明做什么的目标不算）；
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
    * an indicator name, or a value, that is the project's name; a goal
      that is only the project's name, however long the name (a goal that
      starts with the name and goes on to say what the project delivers is
      not);
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
    title = copy_text(project.title)
    if project.goal is not None and goal_is_name(project):
        goal = project.goal
        yield Problem(
            goal.span(), "goal-project-name", {"text": goal.value}, field="goal", excerpt=goal.value
        )
    shared: dict[str, Clause] = {}
    for clause in clauses_of(project):
        if title and copy_text(clause.name) == title:
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
            text = copy_text(value_field.text)
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
            elif ctx.facts.value(clause, value_field).owner == "duplicate-text":
                key = "goal"
            elif _says_more(ctx, value_field) and (
                ctx.facts.value(clause, value_field).owner != "boilerplate-value"
            ):  # a paste over unrelated indicators is reported once, as one
                earlier = shared.get(text)
                if earlier is None:
                    shared[text] = clause
                elif category_key(earlier) != category_key(clause) and normalize(
                    earlier.name
                ) != normalize(clause.name):
                    key = "other-clause"
                    args.update(
                        number=clause_label(clause),
                        first=clause_label(earlier),
                        first_name=earlier.name,
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


def _says_more(ctx: Context, value_field: ValueField) -> bool:
    """A value long and specific enough that two indicators sharing it is a copy."""
    text = copy_text(value_field.text)
    if len(text) < ctx.options["min_shared_length"]:
        return False
    value = value_field.value
    words = value.prefix + value.suffix if value.kind == "quantity" else text
    return len(words) >= ctx.options["min_shared_words"]
