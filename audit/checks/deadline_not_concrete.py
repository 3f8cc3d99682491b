"""The ``deadline-not-concrete`` rule, of the ``guidance`` group: a timeliness
(时效) target without a date, a period or a rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    BY_PERIOD,
    CALENDAR_DEADLINES,
    LEVEL1_KINDS,
    SAME_DAY_DEADLINES,
    any_of,
    date_serials,
    normalize,
    number_targets,
    unitless_numbers,
    value_args,
)
from audit.model import Clause, ValueField
from audit.values import parse_value
from audit.vocabulary import VOCABULARY


def _owned_elsewhere(ctx: Context, clause: Clause, value_field: ValueField) -> bool:
    """Whether another rule already reports ``value_field``: lost characters
    (``garbled-text``), a placeholder (``placeholder``), the goal pasted
    (``duplicate-text``), the name restated (``value-restates-name``), a
    value of the wrong kind, a formula or a text without anything measurable
    (``not-quantified``'s ``measurable`` patterns), a number without its
    unit (``missing-unit``: :func:`~audit.facts.unitless_numbers`). The decision does not
    depend on which rules run, so ``--select`` gives the same findings as a
    full run; an owner the configuration turns off passes its defect on
    (:func:`~audit.facts.reporting`)."""
    return ctx.facts.value(clause, value_field).owner is not None


PERIOD_UNITS: list[str] = list(VOCABULARY.time_units)
"""Units of a period of time: the shared vocabulary's (rules/vocabulary.yaml)."""


CONCRETE_PATTERNS: list[str] = [
    # a span in Chinese numerals: 一周以内, 三个工作日内, 两小时 (the last numeral
    # and the unit: ``[…]+`` would rescan a long run of numerals from each one)
    r"[零〇一二两三四五六七八九十半]\s*(?:个)?(?:工作日|自然日|天|日|周|星期|个?月|季度|年|小时|分钟)",
    # around the clock
    r"全天|全年无休|24小时|7\s*[×xX*]\s*24",
    # the same day: 当日, 当天清运, 受理当日办结, 即来即办, 日产日清
    *SAME_DAY_DEADLINES,
    # a frequency by its period, a schedule as concrete as 1次/季度: 按季度拨付, 按月报送,
    # 按学期拨付 (not a plan, a progress or a request of that period: 按年度计划, 按月进度)
    BY_PERIOD,
    # a point of a sector's calendar: 秋季开学前, 汛期前, 春耕前, 每季度首月
    *CALENDAR_DEADLINES,
]


RATE_NAMES: list[str] = list(VOCABULARY.rate_names)


_DATED = frozenset({"date", "date-range", "time"})
"""A date, a period, or a time of day (``9:00前``, service hours ``8:30-17:30``)."""
_TIMED = frozenset({"date", "date-range", "duration"})
"""What a 是否 question's name gives that makes its 是 a concrete deadline."""
_NAMED_UNIT = re.compile(r"[（(]\s*个?\s*([^（()）\d\s]{1,4}?)\s*[)）]\s*$")
"""The unit a name gives in brackets at its end, without its 个: the 天 of
``审查时限（天）``, the 工作日 of ``办结时限(个工作日)``."""


def _unit_named(name: str) -> str | None:
    """The unit an indicator's name gives for its bare numbers, if any."""
    found = _NAMED_UNIT.search(name)
    return None if found is None else found.group(1)


def _concrete(value_field: ValueField, name: str, options: dict[str, Any]) -> bool:
    """Whether a 时效 value gives a date, a period or a rate, or answers a
    是否 question whose name gives the time concretely (``是否按月报送进度：是``;
    not ``是否按照计划工期及时完工：是``, whose 工期 the table does not date)."""
    value = value_field.value
    if value.kind == "date" or any(target.kind in _DATED for target in value.targets):
        return True  # a date, also among steps (（1）6月底前完成招标；（2）11月底前完成验收)
    question = normalize(name)
    if value_field.text.strip() in ("是", "否") and question.startswith("是否"):
        asked = question[2:].lstrip("在于")
        timed = parse_value(asked)  # 是否于2025年6月底前完成, 是否在5个工作日内办结
        if any(target.kind in _TIMED for target in timed.targets):
            return True
        return any_of(options["concrete"]).search(asked) is not None
    if value.kind == "quantity":
        periods = options["period_units"]
        if value.unit in options["percent_units"] or value.unit in periods:
            return True
        if value.per in periods and value.unit not in options["money_units"]:
            return True  # a frequency: 1次/周, 每月1次
        if value.unit is None and any_of(options["rate_names"]).search(name):
            return True  # a rate written without %: 延期率 0
        if value.unit is None and value.per is None:
            # the name gives the unit of its numbers: 审查时限（天） ≤7, 响应时间（小时） ≤2
            named = _unit_named(name)
            if named is not None and (
                named in periods or "个" + named in periods or named in options["percent_units"]
            ):
                return True
    return any_of(options["concrete"]).search(value_field.text) is not None


@rule(
    "deadline-not-concrete",
    group="guidance",
    severity="info",
    scope="clause",
    messages={
        "default": (
            "时效指标「{name}」的{keyword}「{text}」没有具体时限："
            "应写明日期（如 {example}）、期限（如 3个工作日内）或及时率（如 ≥95%）",
            "the timeliness indicator “{name}”: the {field} value “{text}” sets no time: "
            "give a date ({example}), a period (3个工作日内) or a rate (≥95%)",
        ),
        "count": (
            "时效指标「{name}」的{keyword}「{text}」是计数，不是时限：应写明日期、期限或及时率；"
            "计数目标应归入数量、质量或效益指标",
            "the timeliness indicator “{name}”: the {field} value “{text}” is a count, not a "
            "time: give a date, a period or a rate, and file counts under another category",
        ),
        "money": (
            "时效指标「{name}」的{keyword}「{text}」是金额，不是时限：应写明日期、期限或及时率，"
            "补贴或开支标准应归入成本指标",
            "the timeliness indicator “{name}”: the {field} value “{text}” is an amount of "
            "money, not a time: give a date, a period or a rate, and file standards under cost",
        ),
        "zero": (
            "时效指标「{name}」的{keyword}「{text}」时限为 0，不是一个期限："
            "应写明日期（如 {example}）、期限（如 当日、3个工作日内）或及时率（如 ≥95%）",
            "the timeliness indicator “{name}”: the {field} value “{text}” is a time limit of 0, "
            "which is no time limit: give a date ({example}), a period (当日, 3个工作日内) or a "
            "rate (≥95%)",
        ),
        "bare": (
            "时效指标「{name}」的{keyword}「{text}」没有单位："
            "应写明期限的单位（如 ≤3个工作日、≤3小时）",
            "the timeliness indicator “{name}”: the {field} value “{text}” has no unit: "
            "say which (≤3个工作日, ≤3小时)",
        ),
    },
    options={
        "period_units": Option("list[str]", PERIOD_UNITS, "units of a period of time"),
        "percent_units": Option("list[str]", list(VOCABULARY.percent_units), "units of a rate"),
        "money_units": Option(
            "list[str]", list(VOCABULARY.money_units), "units of money (800元/月 is no frequency)"
        ),
        "rate_names": Option(
            "list[regex]", RATE_NAMES, "names of rates, whose bare number is a rate"
        ),
        "concrete": Option(
            "list[regex]",
            CONCRETE_PATTERNS,
            "text that states a time without digits (一周以内, 全天, 7×24小时, 当日, "
            "秋季开学前, 汛期前, 每季度首月)",
        ),
    },
    doc_zh="""
    时效指标的目标没有日期、期限或比率。

    检查内容
    --------
    对「13-时效指标」（或旧格式的时效指标）下的每条条款，报告既没有日期（「2024年11月30日前」
    「每年7月份之前」）、也没有期限（「5个工作日」「24小时内」「一周以内」「当日」，或「1次/周」这样的频次）、
    也没有比率（「≥95%」）的值：「按时」「每月按时支付」「是」、一个次数（「2次」）、一个金额
    （「800元/月」）、没有单位也不需要单位的 0（单独说明：时限为 0，不是一个期限；名称是计数的
    「超期办结件数 0」说明它是计数）。完全没有可衡量内容的文字（「按合同工期完成工程」）
    由 not-quantified 报告，占位文字由 placeholder 报告，
    缺了单位的数（「<=3」「≤7」：3 天、3 个工作日还是 3 小时？）由 missing-unit 报告，这里不重复；
    名称在末尾括号里写明了时间单位的（「审查时限（天）」「办结时限（个工作日）」的「≤7」）是具体期限。

    具体与否的界线：到年底不用问任何人就能判定是否按期的时限是具体的。日历上人人可查的时点
    就是这样的时限，包括行业的固定时节和周期中的固定时点：「秋季开学前」「学期末」「汛期前」
    （各省以法规确定入汛日期）「春耕前」「春防前」（春季动物防疫集中免疫）「采暖季前」「春节前」
    「每季度首月」「每月初」；以及按形式识别的任何有名称的季节或年内时段：「…季前」（「台风季前」
    「雨季前」「旅游旺季来临前」，不含「本季前」「下季前」）、自然或法规确定的「…期前」（「防火期前」
    「休渔期前」，不含项目自己的「建设期前」「合同期前」）、节气和节日（「霜降前」「重阳节前」）、
    「上半年」「下半年」、季度（「第三季度末」）；自然或法规确定的时段之内（「伏季休渔期内」「森林防火期间」
    「主汛期内」）；行业的当日办结用语（「即来即办」「随到随办」「日产日清」）；按周期的安排
    （「按季度拨付」「按月报送」「按学期拨付」「按学年发放」「按半年报送」，与「1次/季度」一样）；名称已写明时限的「是否……」指标的「是」
    （「是否按月报送进度：是」；「是否按照计划工期及时完工：是」的工期表中没有，仍报告）。取决于某人判断或表中没有给出的进度安排的说法不具体，仍报告：
    「尽快」「适时」「按时」「及时」「年内择机」「按进度」。

    为什么有问题
    ------------
    财预〔2020〕10号（绩效指标明确性）要求目标清晰、可衡量；财预〔2021〕101号把时效指标定义为
    完成产出的时间。「按时」「及时」依赖表中没有给出的进度安排：到年底谁也说不清是否达标。

    示例
    ----
    错误：

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月按时支付租赁岗位人员工资；…

    正确：

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月10日前支付；…

    选项
    ----
    period_units：时间单位；percent_units：比率单位；money_units：金额单位；rate_names：比率名称。
    concrete：不用数字也说明了时间的文字（一周以内、全天、7×24小时、当日、受理当日办结，
    以及上述日历时点：秋季开学前、汛期前、春耕前、采暖季前、每季度首月）。
    """,
)
def deadline_not_concrete(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A timeliness (时效) target without a date, a period or a rate.

    What it does
    ------------
    For each clause under ``13-时效指标`` (or a legacy 时效指标), reports a
    value that gives neither a date (``2024年11月30日前``, ``每年7月份之前``),
    a period (``5个工作日``, ``24小时内``, ``一周以内``, ``当日``, a frequency such as
    ``1次/周``), nor a rate (``≥95%``): ``按时``, ``每月按时支付``,
    ``是``, a count (``2次``), an amount (``800元/月``), a zero, which needs
    no unit (said as such: a time limit of 0 is no time limit; under a name
    that counts, ``超期办结件数 0``, a count). Text with nothing measurable
    at all (``按合同工期完成工程``)
    is ``not-quantified``'s finding, a placeholder ``placeholder``'s, a
    number that lacks its unit (``<=3``, ``≤7``: days, working days or
    hours?) ``missing-unit``'s; they are not reported again. A bare number
    under a name that gives its unit of time in brackets at its end
    (``审查时限（天）`` ≤7, ``办结时限（个工作日）`` ≤5) is a period.

    Where the line runs: a time limit is concrete when whether it was met
    is known at the end of the year without asking anyone. A point on the
    calendar everyone reads alike is such a limit, a fixed time of a
    sector's year or a fixed point of a cycle included: ``秋季开学前``,
    ``学期末``, ``汛期前`` (each province fixes the start of its flood season
    by regulation), ``春耕前``, ``春防前`` (the spring animal epidemic
    campaign), ``采暖季前``, ``春节前``, ``每季度首月``, ``每月初``; and, by its
    form, any named season or part of the year: ``…季前`` (``台风季前``, ``雨季前``,
    ``旅游旺季来临前``; not ``本季前`` or ``下季前``), a period nature or a statute
    fixes then ``期前`` (``防火期前``, ``休渔期前``; not a project's own ``建设期前``
    or ``合同期前``), a solar term or a fixed day (``霜降前``, ``重阳节前``),
    ``上半年``, ``下半年`` and a quarter (``第三季度末``); within a period nature
    or a statute fixes (``伏季休渔期内``, ``森林防火期间``, ``主汛期内``); a
    sector's words for the same day (``即来即办``, ``随到随办``, ``日产日清``); a
    schedule by its period (``按季度拨付``, ``按月报送``, ``按学期拨付``,
    ``按学年发放``, ``按半年报送``, as ``1次/季度``); and
    ``是`` to a 是否 question whose name dates it (``是否按月报送进度``; not
    ``是否按照计划工期及时完工``, whose 工期 the table does not give). Words that
    wait on someone's judgment or on a schedule the table does not give are
    not, and are reported: ``尽快``, ``适时``, ``按时``, ``及时``, ``年内择机``,
    ``按进度``.

    Why is this bad?
    ----------------
    财预〔2020〕10号 (绩效指标明确性) asks for targets that are clear and
    measurable (清晰、可衡量); 财预〔2021〕101号 defines 时效指标 as the time
    by which an output is delivered. ``按时`` and ``及时`` defer to a schedule
    the table does not give: at the end of the year nobody can say whether
    the target was met.

    Example
    -------
    Bad::

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月按时支付租赁岗位人员工资；…

    Good::

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月10日前支付；…

    Options
    -------
    ``period_units`` (list): units of time; default 年, 学年, 学期, 季度, 月,
    个月, 周, 天, 日, 工作日, 自然日, 小时, 分钟, 秒.
    ``percent_units`` (list): units of a rate; default the shared vocabulary's (``% ‰ ‱ 百分点``).
    ``money_units`` (list): units of money, whose ``/月`` is no frequency;
    default ``元 万元 亿元``.
    ``rate_names`` (list of regular expressions): names whose bare number is
    a rate (``延期率：0``); default the shared vocabulary's ``rate_names``
    (``率$ 占比$ 比重$ 比例$``).
    ``concrete`` (list of regular expressions): text that states a time
    without digits; default Chinese-numeral periods (``一周以内``) and
    ``全天``, ``24小时``, ``7×24``, the same day (``当日``, ``当天清运``,
    ``受理当日办结``) and the points of the calendar above (``秋季开学前``,
    ``汛期前``, ``春耕前``, ``采暖季前``, ``每季度首月``).
    """
    if ctx.facts.category_kind(clause, LEVEL1_KINDS) != "timeliness":
        return
    name = normalize(clause.name)
    for value_field in ctx.facts.distinct_values(clause):
        if value_field.value.kind == "empty" or _concrete(value_field, name, ctx.options):
            continue
        if _owned_elsewhere(ctx, clause, value_field):
            continue
        if date_serials(ctx.facts, ctx.config, clause, value_field):
            continue  # a spreadsheet date serial: ``date-serial`` reports it
        value = value_field.value
        key = "default"
        if value.kind == "quantity":
            if value.unit is None:
                if ctx.facts.reports("missing-unit") and unitless_numbers(
                    ctx.facts, ctx.config, clause, value_field
                ):
                    continue  # ≤7 without 天 or 个工作日: ``missing-unit`` reports it
                key = "bare"
                numbers = number_targets(value)
                if numbers and all(target.number == 0 for target in numbers):
                    # 0 needs no unit: it is no time limit at all, or a count of none
                    # (超期办结件数 0) filed under 时效
                    counted = ctx.facts.name_measure(clause.name) == "count"
                    key = "count" if counted else "zero"
            elif value.unit in ctx.options["money_units"]:
                key = "money"
            else:
                key = "count"
        args = value_args(clause, value_field)
        if key in ("default", "zero"):
            args["example"] = ctx.deadline_example()
        keyword = args["field"]
        yield Problem(value_field.span, key, args, field=keyword, excerpt=value_field.text)
