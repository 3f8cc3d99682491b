"""The ``percent-out-of-range`` rule, of the ``content`` group: a percentage
above 100 % or below 0 % for a rate or a satisfaction level, or a floor of
at most 1 % on a rate that should come near 100 % (95 % written ``0.95%``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.engine import Context, Option, Problem, rule
from audit.facts import field_name, fraction_floor, number_targets, plain_number, where
from audit.model import Clause, Target, Value

EXEMPT_NAMES: list[str] = [
    r"增长|增幅|涨幅|提高率|提升率|增加率|变化率|同比|环比|倍",
    # a ratio of two amounts, no share of a whole: 国有资本保值增值率 (the year's end
    # over its start), 结收案比 (cases closed over cases received), 投入产出比,
    # 投资收益比; not a share named with 比 (优良比, 达标比: good days of all days;
    # 成本占比)
    r"增值率|(?:投资|收益|投入|产出|收入|支出|利润|成本|资产|负债|结收案|产销|收支)"
    r"(?:\S{0,6}[^占\s])?比$",
]

HIGH_RATES: list[str] = [
    # what is done, passed, reached or kept of all that should be: a share
    # planned near 100 % (not 不合格率, 未完成率, 漏接种率: ceiling rates; not
    # 利用率, 节能率, 抽检率, 转化率, which may well stay small)
    r"(?:^|[^不未无非漏错误超])(?:合格|达标|完成|达成|知晓|执行|到位|及时|准确|正确"
    r"|通过|验收|办结|结案|完好|优良|完整|规范|落实|兑现|发放|拨付|支付|参保|入学|接种|建档"
    r"|出勤|在线|响应|整改|处置|解决|回复|答复|签订|录入|上线|运行|成活|存活|受理|救治|普及"
    r"|巩固)率$",
    r"(?:^|[^不未无非])(?:合格|达标|完成|到位)(?:比例|比率|占比)$",
    # a coverage, but not a sample's (抽查覆盖率, 抽检覆盖率: the share drawn for
    # checking, which rules set at 1 % or less)
    r"^[^抽]*(?:^|[^不未无非漏])覆盖(?:率|比例|比率|占比)$",
]
"""Rates that should come near 100 %: a floor of 1 % or less on one is a
percentage written as a fraction (``≥0.95%`` for ``≥95%``)."""


@rule(
    "percent-out-of-range",
    group="content",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "{keyword}「{text}」超过100%：比率和满意度不能大于100%",
            "the {field} “{text}” is above 100%: a rate or a satisfaction level cannot be",
        ),
        "negative": (
            "{keyword}「{text}」小于0：比率和满意度不能为负",
            "the {field} “{text}” is below 0: a rate or a satisfaction level cannot be",
        ),
        "fraction": (
            "{keyword}「{text}」的下限只有{number}%：「{name}」应接近100%，"
            "疑似把{meant}%写成了{number}%",
            "the {field} “{text}” sets a floor of only {number}%: “{name}” should come near "
            "100%; {meant}% seems written as {number}%",
        ),
        "decimal": (
            "{keyword}「{text}」没有%，{number}是写成小数的比率：「{name}」应接近100%，"
            "疑似把{meant}%写成了{number}",
            "the {field} “{text}” has no %: {number} is a rate written as a fraction; "
            "“{name}” should come near 100%, and {meant}% seems written as {number}",
        ),
    },
    options={
        "exempt_names": Option(
            "list[regex]",
            EXEMPT_NAMES,
            "indicator names or value words that may exceed 100% (增长率, 增幅)",
        ),
        "high_rates": Option(
            "list[regex]",
            HIGH_RATES,
            "rates that should come near 100% (合格率, 完成率, 覆盖率, 知晓率, 执行率, 到位率): "
            "a floor of 1% or less on them is a percentage written as a fraction",
        ),
    },
    doc_zh="""
    比率或满意度的百分比超过 100% 或小于 0%。

    检查内容
    --------
    报告以百分比表示、数值（或区间上限）大于 100 或小于 0 的指标值；一个值中的每个目标都判断
    （「上半年≥60%，全年≥150%」报告其第二个目标）。增长类指标（「增长率」「增幅」
    「同比」）和两个数量之比（「国有资本保值增值率」：年末比年初；「结收案比」「投入产出比」，
    不是部分占整体）可以超过 100%：名称或值匹配 exempt_names 的不检查；上限（「≤120%」，如政府
    债务率：两个金额之比，风险线就在 100% 以上）不要求不可能的事，也不报告。
    应接近 100% 的比率（high_rates：合格率、完成率、达标率、覆盖率、知晓率、执行率、到位率，以及
    满意度）下限不超过 1%（「验收合格率 ≥0.95%」「完成率 ≥1%」）时也报告（降一级）：这是把
    95%、100% 写成了小数；这类比率的值完全没有 %、下限是大于 0 且不超过 1 的数的（「验收合格率
    ≥0.95」「满意度 ≥0.9」「验收合格率 ≥1」）同样是把 95%、90%、100% 写成了小数（「≥1」即使读作 1%，
    也是同一个错误），由本规则说明（降一级），missing-unit 和 satisfaction-target 不再报告
    （整数没有 % 的「合格率 ≥95」只是缺 %，仍由 missing-unit 报告；分数「2/3」和比例「1:2」不算）。
    上限（「事故发生率 ≤0.5%」「差错率 <1%」）、增长（「增长率 ≥0.5%」）、可以很小的比率
    （利用率、抽检率、节能率、抽查覆盖率：按规定抽取的样本比例）和相对上年的提高
    （「≥1%（较上年）」）不报告。
    公式（「…*100%」）由 not-quantified 处理，数量指标写成百分比（「培训人数 ≥1000%」）由
    value-type-mismatch 报告。超出范围的值只由本规则报告，annual-period-mismatch 不再比较它。

    为什么有问题
    ------------
    完成率、合格率、满意度不可能超过 100%；这样的目标是录入错误（把「100%」写成「1000%」）或
    单位写错了。

    示例
    ----
    错误：

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:1000%；年度指标值:100%。

    正确：

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    exempt_names：可以超过 100% 的指标名称或值中的词（正则表达式列表）。
    high_rates：应接近 100% 的比率名称（正则表达式列表，在名称结尾匹配；满意度总在其中），
    其下限不超过 1% 时报告；默认合格率、达标率、完成率、覆盖率、知晓率、执行率、到位率、及时率、
    验收率、办结率等，不含不合格率、未完成率这类以上限为标准的比率。
    """,
)
def percent_out_of_range(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A percentage above 100 % or below 0 % for a rate or a satisfaction level.

    What it does
    ------------
    Reports a value in percent whose number (or the upper end of a range) is
    above 100, or below 0; every target of a value is judged
    (``上半年≥60%，全年≥150%`` is reported for its second). Growth
    (``增长率``, ``增幅``, ``同比``) and a ratio of two amounts, no share of a
    whole (``国有资本保值增值率``: the year's end over its start; ``结收案比``,
    ``投入产出比``) may exceed 100 %: indicators whose
    name, or value text, matches ``exempt_names`` are not checked, nor is a
    cap (``≤120%``: 政府债务率, a ratio of two amounts whose risk lines lie
    above 100 %, asks nothing impossible). A floor above 0 and at most 1 %
    on a rate that should come near 100 % (``high_rates``: 合格率, 完成率,
    达标率, 覆盖率, 知晓率, 执行率, 到位率, and any satisfaction level) is
    reported a level lower: ``验收合格率 ≥0.95%`` and ``完成率 ≥1%`` are 95 %
    and 100 % written as fractions; so is a floor above 0 and at most 1 with
    no % at all on such a rate (``验收合格率 ≥0.95``, ``满意度 ≥0.9``,
    ``验收合格率 ≥1``: 95 %, 90 % and 100 %; read as 1 %, ``≥1`` is the same
    slip), which this rule says and ``missing-unit`` and ``satisfaction-target``
    then leave (a whole number above 1 without %, ``合格率 ≥95``, only lacks its
    %: ``missing-unit``'s; a fraction ``2/3`` and a ratio ``1:2`` are not
    read so). A cap (``事故发生率 ≤0.5%``,
    ``差错率 <1%``), a growth (``增长率 ≥0.5%``) and rates that may well be
    small (利用率, 抽检率, 节能率, and 抽查覆盖率: the share of a sample drawn
    for checking) are not, nor a rise over a reference (``≥1%（较上年）``). Formulas
    (``…*100%``) are ``not-quantified``'s concern, and a percentage on a
    count (``培训人数 ≥1000%``) ``value-type-mismatch``'s. A value out of range
    is this rule's alone: ``annual-period-mismatch`` does not also compare it.

    Why is this bad?
    ----------------
    A completion, pass or satisfaction rate cannot exceed 100 %; such a
    target is a typing error (``1000%`` for ``100%``) or the wrong unit.

    Example
    -------
    Bad::

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:1000%；年度指标值:100%。

    Good::

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    ``exempt_names`` (list of regular expressions): indicator names (or
    words in the value) that may exceed 100 %; default
    ``增长|增幅|涨幅|提高率|提升率|增加率|变化率|同比|环比|倍``, and 增值率 or a
    name ending in 比 after two amounts (投资收益比, 投入产出比, 收支比; not 成本占比).
    ``high_rates`` (list of regular expressions): names of rates that should
    come near 100 %, matched at the end of the name (a satisfaction level
    always is one); a floor of 1 % or less on them is reported; default
    合格率, 达标率, 完成率, 覆盖率, 知晓率, 执行率, 到位率, 及时率, 验收率,
    办结率 and the like, not ceiling rates such as 不合格率 or 未完成率.
    """
    facts = ctx.facts
    for value_field, both in facts.distinct_fields(clause):
        if value_field.value.kind != "quantity":
            continue
        known = facts.value(clause, value_field)
        if known.owner != "percent-out-of-range":
            continue
        args = {**where(value_field, both), "text": value_field.text}
        if known.out_of_range == "fraction":
            target = _fraction(value_field.value)
            number = target.number if target.number is not None else Decimal(1)
            meant = min(number * 100, Decimal(100))
            args |= {"name": clause.name, "number": plain_number(number)}
            args["meant"] = plain_number(meant)
            yield Problem(
                value_field.span,
                "fraction" if target.unit == "%" else "decimal",
                args,
                field=field_name(value_field),
                excerpt=value_field.text,
                lower=1,  # a slip almost surely, but not an impossible target
            )
            continue
        yield Problem(
            value_field.span,
            "default" if known.out_of_range == "above" else "negative",
            args,
            field=field_name(value_field),
            excerpt=value_field.text,
        )


def _fraction(value: Value) -> Target:
    """The first floor of at most 1 % (or share of one with no unit) of
    ``value``: the target the facts found
    (:func:`~audit.facts.fraction_floor`)."""
    for target in number_targets(value):
        if fraction_floor(value, target) and target.number is not None:
            return target
    return number_targets(value)[0]  # pragma: no cover - the facts found one
