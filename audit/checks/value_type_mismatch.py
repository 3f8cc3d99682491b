"""The ``value-type-mismatch`` rule, of the ``content`` group: a rate or
satisfaction indicator with a count, or a count with a percentage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import LEVEL1_KINDS, Facts, field_name, other_field, where
from audit.model import Clause, Value
from audit.vocabulary import VOCABULARY

_WHAT: dict[str, tuple[str, str]] = {
    "count": ("数量", "a count"),
    "money": ("金额", "an amount of money"),
    "physical": (
        "实物量（长度、面积、重量或体积）",
        "a physical quantity (a length, an area, a weight or a volume)",
    ),
    "percent": ("百分比", "a percentage"),
    "satisfaction": ("满意度", "a satisfaction level"),
    "rate": ("比率", "a rate"),
    "cost": ("成本", "a cost"),
    "date": ("日期或时限", "a date or a deadline"),
    "time": ("一天中的时刻", "a time of day"),
}


# The defaults are the shared vocabulary (rules/vocabulary.yaml).
RATE_NAMES: list[str] = list(VOCABULARY.rate_names)


RATE_EXEMPT: list[str] = list(VOCABULARY.rate_exempt)


SATISFACTION_NAMES: list[str] = list(VOCABULARY.satisfaction_names)


COUNT_NAMES: list[str] = list(VOCABULARY.count_names)
COST_NAMES: list[str] = list(VOCABULARY.cost_names)
COST_CHANGES: list[str] = [
    r"降低|节约|节省|减少|压缩|下降|增长|增加|控制|占比|比例|比重|比率|率$|降幅|增幅"
]


PERCENT_UNITS: list[str] = list(VOCABULARY.percent_units)


COUNT_UNITS: list[str] = list(VOCABULARY.count_units)


MONEY_UNITS: list[str] = list(VOCABULARY.money_units)


@rule(
    "value-type-mismatch",
    group="content",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」{wanted_zh}，但{keyword}「{text}」是{measured_zh}",
            "“{name}” is {wanted_en} but the {field} “{text}” is {measured_en}",
        ),
        "disagree": (
            "「{name}」{wanted_zh}，但{keyword}「{text}」是{measured_zh}"
            "（{other_keyword}为「{other}」）",
            "“{name}” is {wanted_en} but the {field} “{text}” is {measured_en} "
            "(the {other_field} is “{other}”)",
        ),
        "date": (
            "{keyword}「{text}」是日期后接单位「{unit}」：疑为输入「{typed}」时被电子表格转成了日期"
            "（显示为{shown}），应改为文本格式后重新填写",
            "the {field} “{text}” is a date followed by the unit “{unit}”: a spreadsheet turned "
            "“{typed}” into a date (shown {shown}); format the cell as text and type it again",
        ),
    },
    options={
        "rate_names": Option("list[regex]", RATE_NAMES, "names of rates (完成率, 占比)"),
        "rate_exempt": Option(
            "list[regex]",
            RATE_EXEMPT,
            "rate-like names that are not shares (频率, 效率; not 有效率)",
        ),
        "satisfaction_names": Option(
            "list[regex]", SATISFACTION_NAMES, "names of satisfaction levels"
        ),
        "count_names": Option("list[regex]", COUNT_NAMES, "names of counts (人数, 次数, 数量)"),
        "cost_names": Option(
            "list[regex]", COST_NAMES, "names of costs, an amount of money (成本, 费用, 单价)"
        ),
        "cost_changes": Option(
            "list[regex]",
            COST_CHANGES,
            "cost names that are a change or a share of it, fairly in percent (成本降低, 费用占比)",
        ),
        "percent_units": Option("list[str]", PERCENT_UNITS, "units of a rate"),
        "count_units": Option("list[str]", COUNT_UNITS, "units of a count"),
        "money_units": Option("list[str]", MONEY_UNITS, "units of an amount of money"),
    },
    doc_zh="""
    比率或满意度指标填了数量，或数量指标填了百分比。

    检查内容
    --------
    比较指标名称要求的与指标值实际衡量的：名称以「率」「比例」「占比」结尾或含「满意度」
    「满意率」，而值以人、次、宗、个、台……或元计（「服务对象满意度；…:少于5次」），或是长度、面积、
    重量、体积这样的实物量（「工程验收合格率；…:完成清淤河道，长度为18公里」「≥2000平方米」）；
    名称是数量（人数、次数、数量），而值是百分比或金额（「开展培训服务人数；…:不少于0.2万元」）；名称是成本（成本、费用、单价），而值是
    百分比（「单公里年维护成本 ≥95%」；成本的增减或占比，如「成本降低率」「费用占比」，可以是
    百分比；效益类别下为他人降低的成本，值说明下降的也是，如「企业物流成本 同比下降5%」）。
    「频率」「效率」「功率」这类名称不是比率，不检查；只是以这几个字结尾的比率照常检查
    （「有效率」「失效率」「成功率」）。
    与上年相比的增减（「同比下降5%」「较上年增长10%」「增长率≥5%」）说的是数量或成本怎样变化，
    是给数量定目标的正当写法（「道路交通事故起数 同比下降5%」），不报告；每若干单位的率
    （「≤1.5人/万车」「≤10/10万」「≤0.02人/亿元GDP」）是比率，与‰一样。消息中说「是数量指标」只在条款归入该类别
    （数量指标、满意度指标、成本指标）时；归入其他类别的说「按名称应为数量」。
    值是日期而紧跟数量、金额或比率的单位（「≥2026-01-03次」：在电子表格中输入「1-3」「3/4」会被
    转成日期 1月3日、3月4日）也在此报告，并给出原本输入的数；日期后接「前」「底」等时限用语的
    不报告。比率或满意度的值只写了日期或时限（「读者满意度 2025年底前」），比率、满意度、数量或
    成本的值只写了一天中的时刻（「读者满意度 8:30-17:30」「线上服务人次 9:00前」）的，也在此报告；
    时效指标的时刻和日期是它自己的目标，数量指标写日期是归错了类别（category-keyword-mismatch）。
    值中的每个目标都按单位判断：有一个目标符合名称要求的（合格率的「完成10场，合格率100%」）不报告；
    否则报告第一个类型不对的目标。

    只有一个值类型不对时，消息同时引用另一个值：「完成数量率；实施周期指标值：100%；年度指标值：
    …数量为24台」在年度指标值处报告。名称能判定的类型不一致都由本规则报告，annual-period-mismatch
    不再重复报告同一对值。

    为什么有问题
    ------------
    「少于5次」的满意度、「100%」的人数都无法对照指标考核：名称或值有一个是错的（常见的是把投诉
    次数归到满意度，或把目标贴错了条款）。

    示例
    ----
    错误：

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:少于5次。

    正确：

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    选项
    ----
    rate_names、rate_exempt、satisfaction_names、count_names、cost_names：判断名称要求何种值的正则
    表达式列表（rate_names 默认取共享词表：率、占比、比重、比例结尾）；
    cost_changes：成本名称中表示增减或占比、可用百分比的（成本降低、费用占比）。
    percent_units、count_units、money_units：比率、数量、金额的单位。
    """,
)
def value_type_mismatch(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A rate or satisfaction indicator with a count, or a count with a percentage.

    What it does
    ------------
    Compares what the indicator's name asks for with what its value measures:
    a name ending in 率, 比例, 占比 or containing 满意度/满意率 with a value counted in 人,
    次, 宗, 个, 台 … or in 元 (``服务对象满意度；…:少于5次``), or with a physical
    quantity, a length, an area, a weight or a volume (``工程验收合格率；…:完成清淤河道，
    长度为18公里``, ``≥2000平方米``), and a name of a count
    (人数, 次数, 数量) with a percentage or an amount of money
    (``开展培训服务人数；…:不少于0.2万元``), and a name of a cost (成本, 费用,
    单价) with a percentage (``单公里年维护成本 ≥95%``; a change or a share of a
    cost, ``成本降低率``, ``费用占比``, may be a percentage, and so may a cost
    lowered for others under 效益 whose value says it falls: ``企业物流成本
    同比下降5%``). Names such as 频率,
    效率 and 功率 are not shares and are not checked; a share that only ends
    in those letters is (有效率, 失效率, 成功率). A change from last year
    (``同比下降5%``, ``较上年增长10%``, ``增长率≥5%``) says how a count or a cost moves and is
    a fair way to target it (``道路交通事故起数 同比下降5%``); a rate per a
    number of things (``≤1.5人/万车``, ``≤10/10万``, ``≤0.02人/亿元GDP``) is a
    rate, as a ‰ is. The message calls the name a 数量指标 (满意度指标, 成本指标)
    only when the clause is filed under that category; under another it says
    what the name asks for (``按名称应为数量``). A value that is a date followed
    at once by a unit of a count, an amount or a rate (``≥2026-01-03次``: typed
    ``1-3`` or ``3/4``, a spreadsheet makes it the date 1月3日 or 3月4日) is
    reported here too, with what was typed; a date followed by 前 or 底 is a
    deadline and is not. So is a rate or a satisfaction level given only a
    date or a deadline (``读者满意度 2025年底前``), and a rate, a satisfaction
    level, a count or a cost given only a time of day (``读者满意度
    8:30-17:30``, ``线上服务人次 9:00前``); a timeliness indicator's times and
    dates are its own targets, and a count given a deadline is a 时效 target
    misfiled (``category-keyword-mismatch``'s). Every target of a value is judged by its
    unit: a value with one target of the kind the name asks for is right
    (``完成10场，合格率100%`` for a 合格率); otherwise its first target of a
    wrong kind is reported.

    When only one of the two values is of the wrong kind, the finding quotes
    the other one too: ``完成数量率；实施周期指标值：100%；年度指标值：…数量为24台``
    is reported here, at the annual value. This rule owns every disagreement
    in kind that the indicator's name settles; ``annual-period-mismatch`` does
    not report the same pair again.

    Why is this bad?
    ----------------
    A satisfaction level of "fewer than 5 times" or a head count of "100%"
    cannot be assessed against the indicator: the name or the value is wrong
    (often a complaint count filed as satisfaction, or a target pasted into
    the wrong clause).

    Example
    -------
    Bad::

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:少于5次。

    Good::

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Options
    -------
    ``rate_names``, ``rate_exempt``, ``satisfaction_names``, ``count_names``
    (lists of regular expressions, searched in the name without a trailing
    unit such as ``（%）``): what a name asks for; defaults ``率$ 占比$ 比重$ 比例$``,
    ``(频|速|汇|利|税)率$``, ``效率$`` not after 有/失/无, ``功率$`` not after 成,
    ``满意度 满意率 满意比率``, a name ending in 满意 (员工满意), and 人数, 人次,
    次数, 个数, 件数, 数量, …数 (not 指数, 系数, 分数);
    ``cost_names`` (default 成本, 费用, 单价) and ``cost_changes``, cost
    names that are a change or a share (降低, 节约, 控制, 占比, 比例, …率).
    ``percent_units``, ``count_units``, ``money_units`` (lists): units of
    each measure; defaults ``% ‰ ‱ 百分点``, the count units of
    ``rules/units.yaml`` (人, 次, 宗, 个, 台 …) and ``元 万元 亿元``.
    """
    facts = ctx.facts
    units = [
        *ctx.options["count_units"],
        *ctx.options["money_units"],
        *ctx.options["percent_units"],
    ]
    for value_field, both in ctx.facts.distinct_fields(clause):
        turned = _date_for_number(value_field.value, units)
        if turned is not None:
            unit, month, day = turned
            typed = {"unit": unit, "typed": f"{month}-{day}", "shown": f"{month}月{day}日"}
            yield Problem(
                value_field.span,
                "date",
                {**where(value_field, both), "text": value_field.text, **typed},
                field=field_name(value_field),
                excerpt=value_field.text,
            )
            continue
        known = facts.value(clause, value_field)
        found = known.mismatch
        if found is None or known.owner != "value-type-mismatch":
            continue
        wanted, measured = found
        name = field_name(value_field)
        args: dict[str, Any] = {
            **where(value_field, both),
            "name": clause.name,
            "text": value_field.text,
            "wanted_zh": _wanted_zh(facts, clause, wanted),
            "wanted_en": _WHAT[wanted][1],
            "measured_zh": _WHAT[measured][0],
            "measured_en": _WHAT[measured][1],
        }
        key = "default"
        other = other_field(clause, value_field)
        if (
            other is not None
            and other.text != value_field.text
            and facts.value(clause, other).mismatch is None
            and facts.value(clause, other).measure is not None
        ):
            key = "disagree"
            args.update(other=other.text, other_keyword=other.keyword)
            args["other_field"] = where(other)["field"]
        yield Problem(value_field.span, key, args, field=name, excerpt=value_field.text)


_CATEGORY_OF: dict[str, str] = {"count": "quantity", "satisfaction": "satisfaction", "cost": "cost"}
"""The category whose name is what a kind of name asks for (数量指标, 满意度指标,
成本指标); a rate has none."""


def _wanted_zh(facts: Facts, clause: Clause, wanted: str) -> str:
    """What the name asks for, as the message says it: ``是数量指标`` under
    that category (or for a rate, which has no category of its own),
    ``按名称应为数量`` under another (a count filed under 社会效益 is no
    数量指标)."""
    word = _WHAT[wanted][0]
    category = _CATEGORY_OF.get(wanted)
    if category is None or facts.category_kind(clause, LEVEL1_KINDS) == category:
        return f"是{word}指标"
    return f"按名称应为{word}"


_ISO_DAY = re.compile(r"(?:19|20)\d\d-(\d\d)-(\d\d)")
"""A whole date as a workbook's date cell reads (``2026-01-03``)."""


def _date_for_number(value: Value, units: list[str]) -> tuple[str, int, int] | None:
    """(unit, month, day) when ``value`` is a date cell's date followed at once
    by a unit of a count, an amount or a rate: what a spreadsheet makes of a
    typed ``1-3`` or ``3/4``."""
    for target in value.targets:
        if target.kind != "date":
            continue
        day = _ISO_DAY.fullmatch(target.text)
        if day is None:
            continue
        rest = value.text[target.end :].lstrip()
        unit = max((u for u in units if u and rest.startswith(u)), key=len, default=None)
        if unit is not None:
            return unit, int(day.group(1)), int(day.group(2))
    return None
