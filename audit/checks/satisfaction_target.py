"""The ``satisfaction-target`` rule, of the ``guidance`` group: a satisfaction
target that is too low or that no survey can meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    any_of,
    as_decimal,
    normalize,
    number_targets,
    plain_number,
    value_args,
)
from audit.model import Clause, Target
from audit.vocabulary import VOCABULARY

SATISFACTION_NAMES: list[str] = list(VOCABULARY.satisfaction_names)


@rule(
    "satisfaction-target",
    group="guidance",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "满意度目标「{text}」低于{minimum}%：目标过低，应不低于{minimum}%",
            "the satisfaction target “{text}” is below {minimum}%: aim for at least {minimum}%",
        ),
        "full": (
            "满意度目标「{text}」为{maximum}%：调查满意度难以全员满意，"
            "应设为可实现的水平（如 ≥90%）",
            "the satisfaction target “{text}” is {maximum}%: no survey is unanimous, set an "
            "attainable level (e.g. ≥90%)",
        ),
    },
    options={
        "minimum": Option("number", 80, "lowest acceptable satisfaction target, in percent"),
        "maximum": Option(
            "number",
            100,
            "satisfaction targets at or above this (up to 100) are unrealistic; above 100: off",
        ),
        "names": Option("list[regex]", SATISFACTION_NAMES, "names of satisfaction levels"),
        "percent_units": Option("list[str]", ["%"], "units of a satisfaction level"),
        "bare_numbers": Option(
            "bool", True, "read a number without a unit (满意率：0) as a percentage"
        ),
    },
    doc_zh="""
    满意度目标过低，或任何调查都达不到。

    检查内容
    --------
    对满意度指标（名称为满意度、满意率），报告百分比目标（或不带单位的数，如「0」）低于 minimum
    （80%：「＞70%」「60%或以上」）或达到 maximum（100%：「100%」「≥100%」）的；一个值中的每个
    目标都判断（「上半年≥90%，全年≥100%」报告其第二个目标）。只读下限和确切值；变化幅度
    （「同比提高5%」「较上年提升3个百分点」）不是满意度水平，不判断；
    上限（「≤90%」）由 comparator-direction 报告，数量（「少于5次」）由 value-type-mismatch 报告，
    超过 100% 由 percent-out-of-range 报告；写成小数的满意度（「≥0.9」「≥1」：90%、100%）也是它的，
    即使配置中关闭了 percent-out-of-range，也不读作 0.9%、1%。

    为什么有问题
    ------------
    财预〔2021〕101号要求目标值参考历史、计划和标准设定，既有挑战性又可实现；财预〔2020〕10号
    （绩效目标合理性）要求目标合理。低于 80% 的满意度目标等于接受五分之一的服务对象不满意；100%
    只有每位受访者都满意才能达到，没有调查做得到，年初就注定无法达标。

    示例
    ----
    错误：

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:100%；年度指标值:100%。

    正确：

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    选项
    ----
    minimum：可接受的最低目标（百分比，默认 80）。
    maximum：达到或超过该值（不超过 100）即报告（默认 100；设为大于 100 则关闭）。
    names：满意度指标名称（正则表达式列表）。
    percent_units：满意度的单位。
    bare_numbers：把不带单位的数（满意率：0）当作百分比读取。
    """,
)
def satisfaction_target(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A satisfaction target that is too low or that no survey can meet.

    What it does
    ------------
    Reports a satisfaction level (an indicator named 满意度, 满意率) whose
    target in percent (or a bare number, ``0``) is below ``minimum`` (80 %:
    ``＞70%``, ``60%或以上``) or at
    ``maximum`` (100 %: ``100%``, ``≥100%``); every target of a value is
    judged (``上半年≥90%，全年≥100%`` is reported for its second). Only floors and exact values
    are read, and a change (``同比提高5%``, ``较上年提升3个百分点``) is no level and is not
    judged; a cap (``≤90%``) is ``comparator-direction``'s, a count
    (``少于5次``) ``value-type-mismatch``'s, above 100 % ``percent-out-of-range``'s,
    and so is a level written as a fraction (``≥0.9``, ``≥1``: 90 %, 100 %), never
    read as 0.9 % or 1 % even where a configuration turns that rule off.

    Why is this bad?
    ----------------
    财预〔2021〕101号 asks that target values be set from history, plans and
    standards so that they are demanding and attainable; 财预〔2020〕10号
    (绩效目标合理性) asks that they be reasonable. A satisfaction target below
    80 % accepts that one user in five is dissatisfied; 100 % is met only if
    every respondent is satisfied, which no survey achieves, so the target
    is failed before the year starts.

    Example
    -------
    Bad::

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:100%；年度指标值:100%。

    Good::

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Options
    -------
    ``minimum`` (number): lowest acceptable target, in percent; default 80.
    ``maximum`` (number): targets at or above it, up to 100, are reported;
    default 100 (only exactly 100 %); set above 100 to turn this off.
    ``names`` (list of regular expressions): names of satisfaction levels;
    default the shared vocabulary's ``satisfaction_names`` (满意度, 满意率,
    满意比率, a name ending in 满意; not a satisfaction survey counted, dated or rated, such as
    满意度调查问卷发放份数).
    ``percent_units`` (list): units of a satisfaction level; default ``%``.
    ``bare_numbers`` (bool): read a number without a unit as a percentage
    (``出国人员满意率：0``); default true.
    """
    if not any_of(ctx.options["names"]).search(normalize(clause.name)):
        return
    minimum = as_decimal(ctx.options["minimum"])
    maximum = as_decimal(ctx.options["maximum"])
    for value_field in ctx.facts.distinct_values(clause):
        value = value_field.value
        if value.kind != "quantity":
            continue
        known = ctx.facts.value(clause, value_field)
        if known.owner is not None or known.out_of_range == "fraction":
            continue  # ≥0.9: 90 % written as a fraction, never a level of 0.9 %
        key = None
        for index, target in enumerate(number_targets(value)):
            key = _judged(ctx, target, minimum, maximum, bare=index == 0)
            if key is not None:
                break  # one finding per value: its first unreachable or low target
        if key is None:
            continue
        args = {
            **value_args(clause, value_field),
            "minimum": plain_number(minimum),
            "maximum": plain_number(maximum),
        }
        keyword = args["field"]
        yield Problem(value_field.span, key, args, field=keyword, excerpt=value_field.text)


def _judged(
    ctx: Context, target: Target, minimum: Decimal, maximum: Decimal, bare: bool
) -> str | None:
    """``default`` (too low), ``full`` (100 %) or None for one target; a
    number without a unit is read as a percentage in the first target only
    (a later one is a sample size or a count more often than a level)."""
    number = target.number
    percent = target.unit in ctx.options["percent_units"] or (
        bare and target.unit is None and ctx.options["bare_numbers"]
    )
    if (
        number is None
        or not percent
        or target.per is not None
        or target.change is not None  # 同比提高5%: a rise, not a level
        or target.comparator not in (">=", ">", "=")
    ):
        return None
    if number < minimum:
        return "default"
    if maximum <= number <= 100 and target.comparator != ">":
        return "full"
    return None
