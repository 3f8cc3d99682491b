"""The ``annual-period-mismatch`` rule, of the ``periods`` group: an annual
value that disagrees with the period value of the same clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    YEAR_SPAN,
    Key,
    done_date,
    field_name,
    first_fields,
    is_level,
    needs_unit,
    plain_number,
    target_days,
    target_unit,
    unit_family,
    where,
)
from audit.model import ANNUAL, PERIOD, Clause, Project, Target, Value, ValueField
from audit.patterns import compile_pattern
from audit.values import UNITS, Allowance, allowance, date_in_digits, dimension, years_in_digits
from audit.vocabulary import VOCABULARY

Span = Literal["multi", "single", "unknown"]


PARTIAL_QUALIFIERS: list[str] = [
    "上半年",
    "下半年",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
]


UNIT_GROUPS: dict[str, list[str]] = {"people": ["人", "名", "位"]}


_YEAR = re.compile(r"(20\d{2})\s*年")


_TERM_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


_DATE = re.compile(r"(20\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?")


_SPACES = re.compile(r"\s+")


_UP = frozenset({">=", ">"})


_DOWN = frozenset({"<=", "<"})


_SPANS: Key[dict[int, tuple[Project, Span]]] = Key("periods.project-span")


"""Each project's span (by identity, the project kept to check it)."""


_YEAR_SPANS: Key[dict[str, re.Pattern[str]]] = Key("periods.year-span")


_BUDGET_YEAR: Key[int | None] = Key("periods.budget-year")


def project_span(ctx: Context, project: Project, pattern: str) -> Span:
    """Whether a project runs over several years, one year, or cannot tell.

    ``multi``: a year span (``2023-2024年``, ``2024年-2025年``, ``2023年至2025年``,
    ``2024年1月至2026年12月``, ``2024.01-2026.12``)
    in the name or the goal, or a name dated before the budget year (a
    ``2023年…项目`` in a 2024 table carries on from an earlier year), or a
    form's 项目期 over several years (``2025.01-2027.12``).
    ``single``: the name is dated in the budget year only (``2024年度…``), or
    the 项目期 lies in one year.
    ``unknown``: anything else.
    """
    spans = ctx.memo.get(_SPANS, dict)
    cached = spans.get(id(project))
    if cached is not None and cached[0] is project:
        return cached[1]
    span = _classify(ctx, project, pattern)
    spans[id(project)] = (project, span)
    return span


def _classify(ctx: Context, project: Project, pattern: str) -> Span:
    regex = _year_span_regex(ctx, pattern)
    # years in Chinese numerals (二〇二三—二〇二五年) are read as in digits
    title = years_in_digits(project.title)
    goal = years_in_digits(project.goal.value) if project.goal is not None else ""
    # the period goal states the implementation period where a list has a
    # column for it (实施期目标: 2025-2027年期间…), as a form's 项目期 does
    period_goal = project.period_goal.value if project.period_goal is not None else ""
    period_goal = years_in_digits(period_goal)
    for text in (title, goal, period_goal):
        for match in regex.finditer(text):
            if int(match.group(2)) > int(match.group(1)):
                return "multi"
    if project.term is not None:  # a form's 项目期, e.g. 2025.01-2027.12
        stated = {int(year) for year in _TERM_YEAR.findall(project.term.value)}
        if len(stated) > 1:
            return "multi"
        if len(stated) == 1:
            return "single"
        length = project.term_length  # a number of years, none named: 中期目标（三年）
        if length is not None:
            return "multi" if length > 1 else "single"
    budget = budget_year(ctx)
    if budget is None:
        return "unknown"
    years = {int(y) for y in _YEAR.findall(title)}
    if any(year < budget for year in years):
        return "multi"
    # the period goal reaching past this year (到2026年累计建成…, in a 2024 table)
    if any(int(y) > budget for y in _YEAR.findall(period_goal)):
        return "multi"
    if years == {budget}:
        return "single"
    return "unknown"


def _year_span_regex(ctx: Context, pattern: str) -> re.Pattern[str]:
    regexes = ctx.memo.get(_YEAR_SPANS, dict)
    compiled = regexes.get(pattern)
    if compiled is None:
        compiled = regexes[pattern] = compile_pattern(pattern)
    return compiled


def budget_year(ctx: Context) -> int | None:
    """The budget year of the table, from its title (``…2024年项目支出绩效目标表``)."""

    def read() -> int | None:
        match = _YEAR.search(ctx.document.title or "")
        return int(match.group(1)) if match else None

    return ctx.memo.get(_BUDGET_YEAR, read)


def _direction(target: Target) -> str | None:
    if target.comparator in _UP:
        return "up"
    if target.comparator in _DOWN:
        return "down"
    return None


_SECONDS: dict[str, Decimal] = {
    unit: Decimal(seconds)
    for unit, seconds in (
        ("秒", 1),
        ("分钟", 60),
        ("小时", 3600),
        ("天", 86400),
        ("日", 86400),
        ("自然日", 86400),
        ("周", 604800),
    )
}
"""Units of a duration counted in days or less, in seconds. A 工作日 is
not a day: 5 working days are a week."""
_MONTHS: dict[str, Decimal] = {
    "月": Decimal(1),
    "季度": Decimal(3),
    "学期": Decimal(6),
    "半年": Decimal(6),
    "年": Decimal(12),
    "学年": Decimal(12),
}
"""Units of a duration counted in months: a school year of two terms, a year
of two halves."""
_DAY = Decimal(86400)
_AVERAGE_MONTH = Decimal("30.4375") * _DAY
_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_CYCLE = [*_MONTH_LENGTHS * 3, 31, 29, *_MONTH_LENGTHS[2:]]
"""The months of four years, a leap year among them."""


def _month_days(months: int) -> tuple[int, int]:
    """The fewest and the most days so many months in a row can hold: 28
    and 31 for one, 59 and 62 for two, 365 and 366 for twelve."""
    if months > len(_CYCLE):
        days = round(months * Decimal("30.4375"))
        return days - 1, days + 1
    twice = _CYCLE * 2
    sums = [sum(twice[start : start + months]) for start in range(len(_CYCLE))]
    return min(sums), max(sums)


def _one_duration(pt: Target, at: Target) -> tuple[Target, Target] | None:
    """Two durations in different units of time, in one unit: ``≤24小时`` and
    ``≤1天`` both in seconds, ``12个月`` and ``1年`` both in months, as
    ``1.2万人`` and ``12000人`` are both in 人. A number of days against a
    number of months (``≤30天`` and ``≤1个月``) is the same duration when the
    days are as many as so many months in a row can hold (28 to 31 for one,
    365 or 366 for twelve); otherwise months
    count 30.4375 days. None when either is not such a duration, or both are
    in one unit already."""
    if pt.unit == at.unit or pt.number is None or at.number is None:
        return None
    if pt.unit in _SECONDS and at.unit in _SECONDS:
        return _in_unit(pt, _SECONDS[pt.unit], "秒"), _in_unit(at, _SECONDS[at.unit], "秒")
    if pt.unit in _MONTHS and at.unit in _MONTHS:
        return _in_unit(pt, _MONTHS[pt.unit], "月"), _in_unit(at, _MONTHS[at.unit], "月")
    if pt.unit in _SECONDS and at.unit in _MONTHS:
        at, pt = _months_as_seconds(at, pt)
        return pt, at
    if pt.unit in _MONTHS and at.unit in _SECONDS:
        return _months_as_seconds(pt, at)
    return None


def _in_unit(target: Target, factor: Decimal, unit: str) -> Target:
    number = target.number
    upper = target.upper
    return target._replace(
        number=None if number is None else number * factor,
        upper=None if upper is None else upper * factor,
        unit=unit,
    )


def _months_as_seconds(months: Target, shorter: Target) -> tuple[Target, Target]:
    """A target in months and one in days or less, both in seconds; the
    months take the other's very numbers when it lies within them."""
    factor = _MONTHS[months.unit or ""]
    in_seconds = _in_unit(shorter, _SECONDS[shorter.unit or ""], "秒")
    low, high = months.number, months.upper if months.upper is not None else months.number
    other_low = in_seconds.number
    other_high = in_seconds.upper if in_seconds.upper is not None else other_low
    assert low is not None and high is not None and other_low is not None and other_high is not None
    if _as_long(low * factor, other_low) and _as_long(high * factor, other_high):
        return months._replace(
            number=in_seconds.number, upper=in_seconds.upper, unit="秒"
        ), in_seconds
    return _in_unit(months, factor * _AVERAGE_MONTH, "秒"), in_seconds


_MONEY = VOCABULARY.money_units
"""Money units, with what one of each is worth in 元."""


def _split(target: Target) -> Target:
    """A unit that holds its denominator (``元/人``) as the unit and what it is
    per, as a value written ``万元/人`` has them."""
    if target.unit is None or "/" not in target.unit:
        return target
    unit, per = target_unit(target)
    return target._replace(unit=unit, per=per)


def _one_money(pt: Target, at: Target) -> tuple[Target, Target]:
    """Two amounts of money in different units, both in 元: ``≤4.5万元`` and
    ``≤45000元`` are one amount."""
    p_worth, a_worth = _MONEY.get(pt.unit or ""), _MONEY.get(at.unit or "")
    if pt.unit == at.unit or p_worth is None or a_worth is None:
        return pt, at
    return _in_unit(pt, p_worth, "元"), _in_unit(at, a_worth, "元")


def _over_a_year(pt: Target, at: Target) -> tuple[Target, Target]:
    """A frequency and a count of the same thing over a year's project, both
    a year's: ``每季度1次`` is ``4次``, ``2次/月`` is ``24次`` (the same target
    written twice, not two targets)."""
    if (pt.per is None) == (at.per is None):
        return pt, at
    rate, count = (pt, at) if pt.per is not None else (at, pt)
    if rate.unit != count.unit or rate.per not in _MONTHS or rate.number is None:
        return pt, at
    factor = _MONTHS["年"] / _MONTHS[rate.per]
    upper = None if rate.upper is None else rate.upper * factor
    yearly = rate._replace(number=rate.number * factor, upper=upper, per=None)
    return (yearly, count) if rate is pt else (count, yearly)


def _one_period(pt: Target, at: Target) -> tuple[Target, Target]:
    """Two amounts per different periods of time, both per second (or per
    month): ``≤300元/天`` and ``≤300元/日`` are one target, and so are
    ``100元/生·月`` and ``1200元/生·年``; what they are per besides the
    period must be the same. Per a magnitude of one unit and per the unit
    (``/万吨`` and ``/吨``), both per the unit; per two units of one
    dimension (``/亩`` and ``/公顷``, ``/公里`` and ``/米``), per the one both
    convert to."""
    if pt.per == at.per or pt.per is None or at.per is None:
        return pt, at
    p_rest, _, p_time = pt.per.rpartition("·")
    a_rest, _, a_time = at.per.rpartition("·")
    if p_rest != a_rest:
        return pt, at
    p_base, p_power = _magnitude(p_time)
    a_base, a_power = _magnitude(a_time)
    if p_base == a_base and p_power != a_power:  # per 万吨 and per 吨: per one 吨
        per = f"{p_rest}·{p_base}" if p_rest else p_base
        return _per_unit(pt, Decimal(10) ** p_power, per), _per_unit(
            at, Decimal(10) ** a_power, per
        )
    measured = UNITS.common_unit(p_time, a_time)
    if measured is not None and dimension(p_time) is not None:
        # per 亩 and per 公顷, per 公里 and per 米: per one of the unit both convert to
        p_factor, a_factor, unit = measured
    elif p_time in _SECONDS and a_time in _SECONDS:
        p_factor, a_factor, unit = _SECONDS[p_time], _SECONDS[a_time], "秒"
    elif p_time in _MONTHS and a_time in _MONTHS:
        p_factor, a_factor, unit = _MONTHS[p_time], _MONTHS[a_time], "月"
    elif p_time in _SECONDS and a_time in _MONTHS:
        p_factor, a_factor, unit = _SECONDS[p_time], _MONTHS[a_time] * _AVERAGE_MONTH, "秒"
    elif p_time in _MONTHS and a_time in _SECONDS:
        p_factor, a_factor, unit = _MONTHS[p_time] * _AVERAGE_MONTH, _SECONDS[a_time], "秒"
    else:
        return pt, at
    per = f"{p_rest}·{unit}" if p_rest else unit
    return _per_unit(pt, p_factor, per), _per_unit(at, a_factor, per)


_MAGNITUDE_WORDS = sorted(UNITS.magnitudes, key=len, reverse=True)
"""The value vocabulary's magnitude words (rules/units.yaml), the longest
first: 十万 before 十."""


def _magnitude(unit: str) -> tuple[str, int]:
    """A denominator without its magnitude, and the power of ten it held:
    ``万吨`` is (吨, 4); a unit of its own is kept whole (千克, 百分点)."""
    for word in _MAGNITUDE_WORDS:
        rest = unit[len(word) :]
        if unit.startswith(word) and rest and rest not in ("克", "米", "瓦", "伏", "分点", "帕"):
            return rest, UNITS.magnitudes[word]
    return unit, 0


def _per_unit(target: Target, factor: Decimal, per: str) -> Target:
    """An amount per ``factor`` units of time, per one of them."""
    number, upper = target.number, target.upper
    return target._replace(
        number=None if number is None else number / factor,
        upper=None if upper is None else upper / factor,
        per=per,
    )


def _one_measure(pt: Target, at: Target) -> tuple[Target, Target] | None:
    """Two amounts in different units of one dimension, in one unit, as the
    value vocabulary (rules/units.yaml) converts them: ``≥2.1公里`` and
    ``≥2100米`` are one length, ``≥12万平方米`` and ``≥120000平方米`` one area,
    ``≥600亩`` and ``≥40公顷`` one area (in 亩). None when the two are per
    different things (``公里`` and ``公里/小时``: a length and a speed) or do
    not convert (``米`` and ``平方米``)."""
    if pt.unit is None or at.unit is None or pt.per != at.per:
        return None
    found = UNITS.common_unit(pt.unit, at.unit)
    if found is None:
        return None
    p_factor, a_factor, unit = found
    return _in_unit(pt, p_factor, unit), _in_unit(at, a_factor, unit)


def _rate_and_amount(pt: Target, at: Target) -> bool:
    """Whether one target is an amount of a physical dimension per a period
    of time and the other the amount alone: ``≤60公里/小时`` (a speed) against
    ``≤60公里`` (a length), ``≥500吨/天`` (a capacity) against ``≥500吨``.
    A count per a period (``≥2次/年`` against ``≥2次``) is a count, and so is
    an amount done each year (``每年清运3000吨``) against the year's."""
    if (pt.per is None) == (at.per is None) or pt.unit != at.unit or pt.unit is None:
        return False
    rate = pt if pt.per is not None else at
    if "/" not in rate.text and "／" not in rate.text:
        return False
    return dimension(pt.unit) is not None


def _amounts(pt: Target, at: Target) -> dict[str, str]:
    """Both targets' amounts in their one unit, for a message."""
    return {"period_amount": _amount_text(pt), "annual_amount": _amount_text(at)}


def _amount_text(target: Target) -> str:
    assert target.number is not None
    text = plain_number(target.number.normalize())
    if target.upper is not None:
        text += f"-{plain_number(target.upper.normalize())}"
    return text + _unit_text(target)


def _as_long(months: Decimal, seconds: Decimal) -> bool:
    """Whether a whole number of months in a row can last ``seconds``."""
    if months != months.to_integral_value() or months <= 0:
        return False
    fewest, most = _month_days(int(months))
    return fewest * _DAY <= seconds <= most * _DAY


def _same_unit(first: str | None, second: str | None, groups: list[list[str]]) -> bool:
    if first is None or second is None or first == second:
        return True
    return any(first in group and second in group for group in groups)


@rule(
    "annual-period-mismatch",
    group="periods",
    severity="error",
    scope="clause",
    messages={
        "unit": (
            "年度指标值「{annual}」与实施周期指标值「{period}」单位不同"
            "（{annual_unit} 与 {period_unit}）",
            "the annual value “{annual}” and the period value “{period}” have different units "
            "({annual_unit} and {period_unit})",
        ),
        "unit-missing": (
            "{keyword}「{bare}」没有计量单位，{other_keyword}「{other}」的单位是「{unit}」："
            "两值单位不一致，应写明单位",
            "the {field} “{bare}” has no unit while the {other_field} “{other}” is in {unit}: "
            "the two disagree in unit; state the unit",
        ),
        "direction": (
            "年度指标值「{annual}」与实施周期指标值「{period}」方向相反（一个是下限，一个是上限）",
            "the annual value “{annual}” and the period value “{period}” point in opposite "
            "directions (one is a floor, the other a ceiling)",
        ),
        "exceeds": (
            "年度指标值「{annual}」超过实施周期指标值「{period}」：年度目标不能大于整个实施周期的目标",
            "the annual value “{annual}” exceeds the period value “{period}”: this year's "
            "target cannot be more than the whole period's",
        ),
        "exceeds-converted": (
            "年度指标值「{annual}」超过实施周期指标值「{period}」（折合{annual_amount}对"
            "{period_amount}）：年度目标不能大于整个实施周期的目标",
            "the annual value “{annual}” exceeds the period value “{period}” "
            "({annual_amount} against {period_amount}): this year's target cannot be more "
            "than the whole period's",
        ),
        "partial": (
            "实施周期指标值「{period}」只是{qualifier}的目标，年度指标值为「{annual}」："
            "实施周期指标值应覆盖整个实施周期",
            "the period value “{period}” is a target for {qualifier} only while the annual "
            "value is “{annual}”: the period value should cover the whole period",
        ),
        "one-year": (
            "单年度项目的年度指标值「{annual}」与实施周期指标值「{period}」不一致：两者应相同",
            "the annual value “{annual}” differs from the period value “{period}” in a "
            "one-year project: they should be the same",
        ),
        "one-year-converted": (
            "单年度项目的年度指标值「{annual}」与实施周期指标值「{period}」不一致"
            "（折合{annual_amount}对{period_amount}）：两者应相同",
            "the annual value “{annual}” differs from the period value “{period}” in a "
            "one-year project ({annual_amount} against {period_amount}): they should be the same",
        ),
        "differs": (
            "年度指标值「{annual}」与实施周期指标值「{period}」不一致：若项目跨年度，"
            "应在项目名称或绩效目标中写明实施期（如 2024-2025年），否则两者应相同",
            "the annual value “{annual}” differs from the period value “{period}”: if the "
            "project runs over several years, give its span in the name or the goal "
            "(e.g. 2024-2025年); otherwise they should be the same",
        ),
        "date-later": (
            "年度指标值「{annual}」晚于实施周期指标值「{period}」：年度时限不能晚于实施周期的时限",
            "the annual value “{annual}” is later than the period value “{period}”",
        ),
        "same-target": (
            "年度指标值「{annual}」与实施周期指标值「{period}」是同一目标的不同写法，宜统一",
            "the annual value “{annual}” and the period value “{period}” are the same target "
            "written differently: write them alike",
        ),
    },
    options={
        "year_span": Option(
            "regex",
            YEAR_SPAN,
            "a multi-year span in a project's name or goal; groups 1 and 2 are the years",
        ),
        "partial_qualifiers": Option(
            "list[str]",
            PARTIAL_QUALIFIERS,
            "qualifiers that make a period value cover part of the period only (上半年)",
        ),
        "unit_groups": Option(
            "dict",
            UNIT_GROUPS,
            "units that count the same thing and may be interchanged (人, 名, 位)",
            values="list[str]",
        ),
    },
    doc_zh="""
    同一条款的年度指标值与实施周期指标值不一致。

    检查内容
    --------
    读出每条条款的实施周期指标值和年度指标值（「1.85万人」即 18500 人；时间单位互相换算：
    「≤24小时」即「≤1天」，「日」即「天」，「12个月」即「1年」，天数在同样多个月连续可能有的
    天数之内（一个月 28—31 天，十二个月 365—366 天）即为同一时长；「工作日」不换算；金额在元、
    万元、亿元之间换算，「≤300元/天」即「≤300元/日」，「100元/生·月」即「1200元/生·年」，
    「/万吨」即一万个「/吨」；长度、面积、质量、体积、功率、电量按值词表 rules/units.yaml 的
    conversions 在同一量纲内换算：「≥2.1公里」即「≥2100米」，「≥12万平方米」即「≥120000平方米」，
    「≥600亩」即「≥40公顷」，「≥3吨」即「≥3000公斤」，数量级词（万、亿、千）加在任何单位前都按倍数
    换算，「≤300元/亩」即「≤4500元/公顷」）并比较，说明不一致之处：

    * 单位不同（「≥90%」对「全年平均不低于90分」，「≥2米」对「≥2平方米」，速度或能力「≤60公里/小时」
      「≥500吨/天」对长度或质量「≤60公里」「≥500吨」）——错误；两个不能换算的时间单位（「≤2个工作日」对
      「≤48小时」）是两个时限——警告；
    * 一个值有单位、另一个没有（「不少于15辆」对「不少于15」，「≥1.5万个」对「≥0.5」：丢了「万」）
      ——错误，报告在没有单位的值上；名称已说明单位而数字是整数的（「培训人数」的「≥300人」
      对「≥300」）、0 和没有单位的量（「系数」「得分」）不算缺单位，按同一目标的不同写法比较；
    * 比较符号相反（「≥」对「≤」）——错误；
    * 年度目标大于实施周期目标（「≥20000」对「21473」）——错误；两值单位不同但可换算的，消息给出
      折合到同一单位的数（「≥3000米」对「≥2.1公里」：折合3000米对2100米）；多年项目中的水平值不报告：
      比率（%、‰）、每若干单位的率（「≤10/10万」「≤1.5人/万车」）、浓度（「≤30微克/立方米」
      「≤1.5mg/L」）、单位成本（「≤1.4万元/公里」）不逐年累加，时长和距离的上限（「≤3个工作日」
      「30分钟以内」「≤70公里」：办理时限、响应时间、预报误差、服务半径）是每一件都要守的限值，
      也不累加；逐年收紧的上限（年度「≤30」、期末「≤28」）是规划的写法；人数、件数、总金额，以及
      时长和距离的下限（「≥120小时」的培训、「≥50公里」的新建道路）等累加的量仍报告；
    * 实施周期值只针对周期的一部分（「上半年≥60%」对「全年≥95%」）——错误；
    * 一年期项目（名称只标了预算年度：「2024年…项目」）两个目标不同（「≥100」对「≥10」）——错误；
      无法判断项目期限时，年度目标较小的报告为警告（可能是多年项目的一部分，也可能是错误）；
    * 同一目标的不同写法（「95%」对「95%或以上」、「≥95%」对「不低于95%」）——提示；
    * 约数（「1万余人」「300多人」「约500人」「500人左右」「近千人」）与它所容许的数
      （「1.2万人」）：同一目标，一处写成约数——提示，多年项目不报告。「余」「多」容许该数
      至其末位再加一（不含）：「1万余」是 1万至2万，「300多」是 300至400，「20余万元」是
      20万至30万元；「约」「左右」「上下」容许上下一成（「约500」是 450至550）；「近」容许
      低一成至该数（「近千」是 900至1000）。超出约数所容许范围的数照常比较（一年期项目中
      「1万余人」对「2万人」——错误；「300多人」对「400人」——年度目标超过实施周期目标）。

    多年项目（名称或目标中有「2023-2024年」「2023年至2025年」这样的期间，年份用数字或汉字
    「二〇二三—二〇二五年」书写均可，或名称年份早于预算年度）
    的年度目标可以是一部分：「100%」对「60%」不报告。两边都没有数字的不比较。一个值中有几个目标
    （「≥300人，≥20场」）时，两边目标个数相同就逐个比较，报告第一对不一致的；日期和期间按其覆盖的
    时间读（「2023.07-2024.01」是 2023年7月至2024年1月），年度值不能晚于实施周期值结束，落在实施
    周期范围内的日期或期间与之一致。日期是时限，以最后一天为准：「2024年12月底前」「2024年底前」
    「2024.12.31前」与「2024年12月31日前」是同一目标的不同写法。说明已经做完的日期
    （「已于2024年完成，本年度持续运行」「2023年已建成」）是现状，不是目标，不与另一个值的时限比较。重复名称的值、
    占位文字、类型不符的值由对应规则报告，这里不重复。

    为什么有问题
    ------------
    两个值是同一承诺在两个时间范围上的表述；不一致时审核人员无法判断单位将按哪一个考核。

    示例
    ----
    错误（某 2024 年表中的一年期项目
    「广州市人社数据中心2024年社保和劳监业务应用系统升级改造项目」）：

        4、2-效益指标；22-社会效益；系统用户数(个)；实施周期指标值:≥100；年度指标值:≥10。

    正确：

        4、2-效益指标；22-社会效益；系统用户数(个)；实施周期指标值:≥100；年度指标值:≥100。

    选项
    ----
    year_span：名称或目标中表示年份跨度的正则表达式（默认：两个年份以「-」「至」「到」「~」
    相连，可带月份，如「2023-2024年」「2024年1月至2026年12月」「2024.01-2026.12」）；匹配前
    名称和目标中汉字书写的年份先换成数字（「二〇二三—二〇二五年」即「2023—2025年」）。
    partial_qualifiers：表示周期一部分的限定词（上半年、下半年、各季度）。
    unit_groups：可以互换的单位组。
    """,
)
def annual_period_mismatch(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """An annual value that disagrees with the period value of the same clause.

    What it does
    ------------
    Compares the 实施周期指标值 and the 年度指标值 of each clause, after
    reading both (``1.85万人`` is 18500 人; units of time convert: ``≤24小时``
    is ``≤1天``, 日 is 天, ``12个月`` is ``1年``, and a number of days is as
    many months when so many months in a row can hold it (28 to 31 days for
    one, 365 or 366 for twelve), while a 工作日 does not convert; money
    converts between 元, 万元 and 亿元, an amount per a period of time between
    periods (``≤300元/天`` is ``≤300元/日``, ``100元/生·月`` is
    ``1200元/生·年``), and per a magnitude of a unit to per the unit
    (``/万吨``); lengths, areas, masses, volumes, power and energy convert
    within their dimension as the value vocabulary lists them
    (``conversions`` in rules/units.yaml: ``≥2.1公里`` is ``≥2100米``,
    ``≥12万平方米`` is ``≥120000平方米``, ``≥600亩`` is ``≥40公顷``, ``≥3吨``
    is ``≥3000公斤``, and per them: ``≤300元/亩`` is ``≤4500元/公顷``), and a
    magnitude word (万, 亿, 千) before any unit multiplies it), and explains
    the disagreement:

    * different units (``≥90%`` against ``全年平均不低于90分``, ``≥2米``
      against ``≥2平方米``, a speed or a capacity such as ``≤60公里/小时``
      or ``≥500吨/天`` against a length or a mass) — error; two units
      of time that do not convert (``≤2个工作日`` against ``≤48小时``) are two
      time limits — warning;
    * a unit in one value and none in the other (``不少于15辆`` against
      ``不少于15``; ``≥1.5万个`` against ``≥0.5``, which lost its 万) — error,
      reported at the value without the unit; a whole number under a name
      that says what is counted (``培训人数`` with ``≥300人`` against
      ``≥300``), zero and a unitless measure (系数, 得分) lack no unit and are
      compared as the same target written another way;
    * opposite comparators (``≥`` against ``≤``) — error;
    * an annual target larger than the period's (``≥20000`` against ``21473``)
      — error, told in one unit when the two are written in units that
      convert (``≥3000米`` against ``≥2.1公里``: 3000米 against 2100米); for
      a level in a multi-year project this is not reported:
      a rate or share (%, ‰), a rate per a number of things (``≤10/10万``,
      ``≤1.5人/万车``), a concentration (``≤30微克/立方米``, ``≤1.5mg/L``) or a
      unit cost (``≤1.4万元/公里``) does not add up over the years, nor does
      a ceiling on a duration or a distance (``≤3个工作日``, ``30分钟以内``,
      ``≤70公里``: a time limit, a response time, a forecast error, a service
      radius), a limit each case must keep; and a ceiling that tightens by
      the period's end (``≤30`` this year, ``≤28`` by the end) is how a plan
      is written; counts and totals still are, and so are floors on a
      duration or a distance (``≥120小时`` of training, ``≥50公里`` of road
      built);
    * a period value for part of the period only (``上半年≥60%`` against
      ``全年≥95%``) — error;
    * different targets in a one-year project (the name dated in the budget
      year only: ``2024年…项目`` with ``≥100`` against ``≥10``) — error; when
      the project's span cannot be told, a smaller annual target is a
      warning (a share of a multi-year project, or a mistake);
    * the same target written differently (``95%`` against ``95%或以上``,
      ``≥95%`` against ``不低于95%``) — info;
    * an estimate (``1万余人``, ``300多人``, ``约500人``, ``500人左右``,
      ``近千人``) and a number it allows (``1.2万人``): the same target, once
      written as an estimate — info, and nothing in a multi-year project.
      余 and 多 allow the number up to, not including, one more of its last
      written place (``1万余`` is 1万 to 2万, ``300多`` 300 to 400, ``20余万元``
      20万 to 30万元), as they are said; 约, 左右 and 上下 a tenth either side
      (``约500`` is 450 to 550); 近 a tenth under, up to the number (``近千`` is
      900 to 1000). A number beyond what the estimate allows is compared as
      any other is (``1万余人`` against ``2万人`` in a one-year project —
      error; ``300多人`` against ``400人`` — the annual value exceeds).

    A multi-year project (a span such as ``2023-2024年``, ``2024年-2025年``,
    ``2023年至2025年`` in the name or the goal, its years in digits or in
    Chinese numerals, ``二〇二三—二〇二五年``, a name dated before the
    budget year, or a form's 项目期 over several years such as
    ``2025.01-2027.12``) may have a smaller annual share: ``100%`` against
    ``60%`` is not reported.

    Values without a number on either side are not compared. A value that
    restates the indicator's name (``value-restates-name``), a placeholder
    (``placeholder``) and a value of the wrong kind for the indicator's name
    (``value-type-mismatch``, e.g. ``完成数量率`` with ``100%`` against
    ``…24台``) are those rules' findings and are not reported again here.
    A value of several targets (``≥300人，≥20场``, ``兼职仲裁员1500件，专职仲裁员
    10000件``) is compared target by target with the other value's, when both
    hold as many; the first pair that disagrees is reported. Dates and date
    ranges are read as what they cover: ``2023.07-2024.01`` runs from July
    2023 to January 2024, an annual value may not end later than the period
    value, and a date or range inside the period's range agrees with it. A
    date is a deadline, its last day the target: ``2024年12月底前``,
    ``2024年底前`` and ``2024.12.31前`` are ``2024年12月31日前`` written
    another way (the same target written twice). A date that says when
    something was done (``已于2024年完成，本年度持续运行``, ``2023年已建成``)
    is a status, no target: it is not compared with the other value's
    deadline. The years one value names
    beside its measure and the other does not (``2024-2025年累计≥4场``
    against ``≥6场``) are when the measure is met: the measures are compared,
    and a period value naming two years or more is a multi-year project's.

    Why is this bad?
    ----------------
    The two values are the same commitment over two horizons; when they
    disagree the reviewer cannot tell which one the unit will be held to.

    Example
    -------
    Bad (in ``广州市人社数据中心2024年社保和劳监业务应用系统升级改造项目`` of a
    2024 table, a one-year project)::

        4、2-效益指标；22-社会效益；系统用户数(个)；实施周期指标值:≥100；年度指标值:≥10。

    Good::

        4、2-效益指标；22-社会效益；系统用户数(个)；实施周期指标值:≥100；年度指标值:≥100。

    Options
    -------
    ``year_span`` (regular expression): a span of years in a name or goal;
    default two years joined by ``-``, ``至``, ``到`` or ``~``, each with or without
    its month (``2023-2024年``, ``2024年1月至2026年12月``, ``2024.01-2026.12``).
    It is matched against the name and the goal with their years in Chinese
    numerals written in digits (``二〇二三—二〇二五年`` as ``2023—2025年``).
    ``partial_qualifiers`` (list): qualifiers of a part of the period;
    default 上半年, 下半年 and the quarters.
    ``unit_groups`` (mapping of lists): units that may be interchanged;
    default ``people: [人, 名, 位]``.
    """
    period, annual = _pair(clause)
    if period is None or annual is None or period.text == annual.text:
        return
    if not _comparable(ctx, clause, period) or not _comparable(ctx, clause, annual):
        return
    found = _compare(ctx, clause, period, annual)
    if found is None:
        return
    key, lower, extra = found
    args: dict[str, Any] = {"period": period.text, "annual": annual.text, **extra}
    at = annual
    if key == "unit-missing":
        at, other = (period, annual) if extra["side"] == PERIOD else (annual, period)
        mine, theirs = where(at), where(other)
        args |= {
            **mine,
            "other_keyword": theirs["keyword"],
            "other_field": theirs["field"],
            "bare": at.text,
            "other": other.text,
        }
    yield Problem(at.span, key, args, field=field_name(at), excerpt=at.text, lower=lower)


SAME_TARGET = 2


"""Levels below the configured severity for the same target written twice
(a remark: info at the default error)."""


DIFFERS = 1


"""Levels below it for values that differ when the project's span is unknown
(a warning at the default error)."""


def _pair(clause: Clause) -> tuple[ValueField | None, ValueField | None]:
    period = annual = None
    for value_field in first_fields(clause):
        if value_field.keyword == PERIOD:
            period = value_field
        elif value_field.keyword == ANNUAL:
            annual = value_field
    return period, annual


def _comparable(ctx: Context, clause: Clause, value_field: ValueField) -> bool:
    if value_field.value.kind not in ("quantity", "date"):
        return False
    return ctx.facts.value(clause, value_field).owner is None


_Found = tuple[str, int, dict[str, Any]]


def _compare(ctx: Context, clause: Clause, period: ValueField, annual: ValueField) -> _Found | None:
    p, a = period.value, annual.value
    same_text = _SPACES.sub("", period.text) == _SPACES.sub("", annual.text)
    if same_text:
        return None
    project = ctx.project
    assert project is not None
    span = project_span(ctx, project, ctx.options["year_span"])
    # A date that says when something was done (已于2024年完成) is a status,
    # no target: it agrees with no deadline and disagrees with none.
    p_targets = [t for t in p.targets if t.kind != "text" and not done_date(p, t)]
    a_targets = [t for t in a.targets if t.kind != "text" and not done_date(a, t)]
    if len(p_targets) != len(a_targets):
        # The years a value names beside its measure (2024-2025年累计≥4场
        # against ≥6场) are when, not what: the measures are compared, and
        # a period value naming years of its own is of a multi-year project.
        p_measures = [t for t in p_targets if t.kind not in _DATED]
        a_measures = [t for t in a_targets if t.kind not in _DATED]
        p_dated = len(p_measures) < len(p_targets)
        a_dated = len(a_measures) < len(a_targets)
        if len(p_measures) == len(a_measures) and p_dated != a_dated:
            if any(_years(t) > 1 for t in p_targets if t.kind in _DATED):
                span = "multi"
            p_targets, a_targets = p_measures, a_measures
    if not p_targets or len(p_targets) != len(a_targets):
        return None  # targets that cannot be paired are not compared
    single = len(p_targets) == 1
    found: list[_Found] = []
    for p_target, a_target in zip(p_targets, a_targets, strict=True):
        result = _compare_targets(ctx, clause, p, a, p_target, a_target, span, single)
        if result is None:
            return None if single else _first_disagreement(found)
        found.append(result)
    return _first_disagreement(found)


_DATED = frozenset({"date", "date-range"})
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _years(target: Target) -> int:
    """How many years a date or a range of dates names (2024-2025年: 2)."""
    years = [int(year) for year in _ANY_YEAR.findall(date_in_digits(target.text))]
    return max(years) - min(years) + 1 if years else 0


def _first_disagreement(found: list[_Found]) -> _Found | None:
    """The first pair of targets that disagree; the same target written
    differently when every pair is that; None when a pair agrees."""
    for result in found:
        if result[0] != "same-target":
            return result
    return found[0] if found else None


def _compare_targets(
    ctx: Context,
    clause: Clause,
    p: Value,
    a: Value,
    pt: Target,
    at: Target,
    span: Span,
    single: bool,
) -> _Found | None:
    """How one target of the annual value disagrees with the period's
    target at the same place (``same-target`` when they are one target)."""
    dated = ("date", "date-range")
    if pt.kind in dated and at.kind in dated:
        return _compare_dates(pt, at, span)
    if pt.kind in dated or at.kind in dated or pt.number is None or at.number is None:
        return None
    if (pt.unit is None) != (at.unit is None):
        bare, other, side = (pt, at, PERIOD) if pt.unit is None else (at, pt, ANNUAL)
        if needs_unit(ctx.facts, clause, bare):
            return "unit-missing", 0, {"side": side, "unit": _written_unit(other)}
    # what an estimate allows, as multiples of its numbers: they keep through
    # the conversions below, which multiply the numbers
    p_leeway, a_leeway = _leeway(pt), _leeway(at)
    durations = _one_duration(pt, at)
    if durations is not None:
        pt, at = durations
    if pt.unit != at.unit or pt.per != at.per:
        pt, at = _one_money(_split(pt), _split(at))
        pt, at = _one_period(pt, at)
        if span != "multi":
            pt, at = _over_a_year(pt, at)
    measures = _one_measure(pt, at)
    if measures is not None:
        pt, at = measures
    assert pt.number is not None and at.number is not None  # checked above, kept by _one_duration
    groups = list(ctx.options["unit_groups"].values())
    if (
        not _same_unit(pt.unit, at.unit, groups)
        or (pt.per and at.per and pt.per != at.per)
        or _rate_and_amount(pt, at)
    ):
        units = {"period_unit": _unit_text(pt), "annual_unit": _unit_text(at)}
        # Two units of time that do not convert (≤2个工作日 against ≤48小时)
        # are two time limits, one looser: a warning, not an error.
        lower = DIFFERS if unit_family(pt.unit) == unit_family(at.unit) == "time" else 0
        return "unit", lower, units
    direction_p, direction_a = _direction(pt), _direction(at)
    if direction_p and direction_a and direction_p != direction_a:
        return "direction", 0, {}
    p_low, p_high = pt.number, pt.upper if pt.upper is not None else pt.number
    a_low, a_high = at.number, at.upper if at.upper is not None else at.number
    if p_low == a_low and p_high == a_high:
        return "same-target", SAME_TARGET, {}
    if single:
        partial = [q for q in p.qualifiers if q in ctx.options["partial_qualifiers"]]
        if partial and not [q for q in a.qualifiers if q in ctx.options["partial_qualifiers"]]:
            return "partial", 0, {"qualifier": partial[0]}
    # An estimate (1万余人, 约500人, 近千人) agrees with a number it allows
    # (1.2万人 is 1万余): the same target, written once as an estimate; in a
    # multi-year project the annual share may be anything the estimate allows.
    if (p_leeway or a_leeway) and _allowed(pt, p_leeway).meets(_allowed(at, a_leeway)):
        return None if span == "multi" else ("same-target", SAME_TARGET, {})
    # A level (a rate, a concentration, a unit cost) does not add up over
    # the years: a ceiling that tightens by the period's end (≤30微克/立方米
    # this year, ≤28 by the end) is a plan, not an annual share too large.
    # A bare number under a rate's name (万车死亡率 ≤1.5) is a level too.
    level = (
        is_level(p, pt)
        or is_level(a, at)
        or (pt.unit is None and at.unit is None and ctx.facts.name_measure(clause.name) == "rate")
    )
    if a_low > p_high:
        if level and span == "multi":
            return None
        if level and span == "unknown":
            return "differs", DIFFERS, {}
        if measures is not None:
            return "exceeds-converted", 0, _amounts(pt, at)
        return "exceeds", 0, {}
    if a_high < p_low or a_low < p_low:
        if span == "multi":
            return None
        if span == "single":
            if measures is not None:
                return "one-year-converted", 0, _amounts(pt, at)
            return "one-year", 0, {}
        return "differs", DIFFERS, {}
    return None


_Leeway = tuple[Decimal, Decimal, bool]


def _leeway(target: Target) -> _Leeway | None:
    """What an estimate allows, as multiples of its number and of its top
    (the upper end of a range) and whether the top's multiple is excluded:
    ``1万余人`` allows 1 to 2 times 10000, 2 excluded; None for an exact
    number, and for zero, of which no multiple is more."""
    if target.approx is None:
        return None
    allowed = allowance(target)
    number = target.number
    top = target.upper if target.upper is not None else number
    if allowed is None or not number or not top:
        return None
    return allowed.low / number, allowed.high / top, allowed.open


def _allowed(target: Target, leeway: _Leeway | None) -> Allowance:
    """The numbers ``target`` allows, its ``leeway`` applied to its numbers
    as converted."""
    number = target.number
    assert number is not None  # compared targets have numbers
    top = target.upper if target.upper is not None else number
    if leeway is None:
        return Allowance(number, top)
    return Allowance(number * leeway[0], top * leeway[1], leeway[2])


def _compare_dates(pt: Target, at: Target, span: Span) -> _Found | None:
    """A date or period of the annual value against the period value's: the
    annual may not end later; a date inside the period's range agrees."""
    p, a = target_days(pt), target_days(at)
    if p is None or a is None:
        return None
    # A date is a deadline: its last day is the target, so 2024年12月底前,
    # 2024年底前 and 2024年12月31日前 are one target written three ways.
    if p == a or (pt.kind == "date" and at.kind == "date" and p[1] == a[1]):
        return "same-target", SAME_TARGET, {}
    if a[1] > p[1]:
        return "date-later", 0, {}
    if pt.kind == "date-range" and p[0] <= a[0]:
        return None  # the annual date or period lies within the period's range
    if span == "multi":
        return None
    if span == "single":
        return "one-year", 0, {}
    return "differs", DIFFERS, {}


_NUMBER_AHEAD = re.compile(r"^\D*?\d[\d.,，]*\s*")


def _written_unit(target: Target) -> str:
    """The unit as the target writes it, magnitude included (``万个`` of
    ``≥1.5万个``, where the parsed unit is ``个``)."""
    written = _NUMBER_AHEAD.sub("", target.text.strip(), count=1)
    unit = target.unit or ""
    end = written.find(unit) if unit else -1
    if end < 0 or end > 2:  # the magnitude before the unit is one or two characters (万, 亿)
        return _unit_text(target)
    return written[: end + len(unit)] + (f"/{target.per}" if target.per else "")


def _unit_text(target: Target) -> str:
    unit = target.unit or "-"
    return f"{unit}/{target.per}" if target.per else unit
