"""A quantity without a unit: ``missing-unit``."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    FRACTION,
    field_name,
    name_kind,
    plain_number,
    sub_span,
    unitless_numbers,
    where,
)
from audit.model import Clause


@rule(
    "missing-unit",
    severity="warning",
    scope="clause",
    group="content",
    messages={
        "default": (
            "{keyword}「{text}」没有计量单位：应写明单位（人、次、个、%……）",
            "no unit in the {field} “{text}”: state what is counted (人, 次, 个, % …)",
        ),
        "part": (
            "{keyword}「{text}」中的「{number}」没有计量单位：应写明单位（人、次、个、%……）",
            "no unit for {number} in the {field} “{text}”: state what is counted (人, 次, 个, % …)",
        ),
        "rate": (
            "「{name}」是比率，{keyword}「{text}」中的「{number}」没有%",
            "“{name}” is a rate but there is no % for {number} in the {field} “{text}”",
        ),
        "share": (
            "「{name}」是比率，{keyword}「{text}」中的「{number}」没有%：若是写成小数的比率，"
            "应写作{meant}%",
            "“{name}” is a rate but there is no % for {number} in the {field} “{text}”: "
            "as a fraction of one it is {meant}%",
        ),
    },
    options={
        "exempt_names": Option(
            "list[regex]",
            [],
            "further indicator names whose numbers need no unit (the shared "
            "unitless_names of rules/vocabulary.yaml always apply)",
        ),
        "years": Option(
            "bool", True, "read a whole number from 1949 to 2100 where a date belongs as a year"
        ),
    },
    doc_zh="""
    定量指标值只有数字，没有计量单位（「2」「=8」「≥300」）。

    检查内容
    --------
    报告指标值中没有单位的数字：「举办招聘会；…:2」「维护泊位数 =8」「职业技能培训；…:≥300」，
    时效指标的时限也一样（「援助申请审查时限 ≤7」：7 天还是 7 个工作日？
    deadline-not-concrete 不再报告），
    以及清单式表格「度量单位」栏空着的数量。比率指标的数字没有 % 时单独说明，0 与 1 之间的小数
    还说明它作为小数是多少百分比（「设备利用率 ≥0.8」：80%）；应接近 100% 的比率写成这样的小数
    （「验收合格率 ≥0.95」，以及「≥1」：100%）由 percent-out-of-range 报告。

    单位包括各行业计数用的量词和市制度量衡（rules/units.yaml）：「路灯1500杆」「足球场3片」
    「婚姻登记8000对」「机井20口」「桥梁3孔」「门窗120樘」「铁塔40基」「歌曲10首」
    「粮食产能500万斤」「茶叶3000担」，现代汉语的其他个体量词（「作业用弹300发」「助餐10万餐」
    「来信500封」「灌木5000丛」「书画100轴」「遗体火化800具」；不含数字后读作另一个词开头的
    「方」（方面）「道」（道路）「员」（员工）「管」（管理）），以及年龄「≥80岁」。清单式表格「度量单位」栏写了的单位
    （「≥ | 30000 | 标准箱」）就是单位，即使不在词表中也不再要求。

    以下不报告：0（没有就是没有，不需要单位）；分数和比例（「缴费额2/3」「1:1」）；
    国家、行业和地方标准的编号（「GB/T 19001-2016」「LY/T 1000-2013」「RFJ 01-2015」
    「DB44/T 2138-2018」：大写字母代号、/T /Z /J、顺序号、年号）、
    名次（「排名前3」）和等级（「3A级」）；
    名称已经说明单位的（「培训人数」「投诉次数」
    「系统用户数（个）」），但数字是小数的除外（「≥3.2」人：丢了「万人」），或数字后的词正是名称
    结尾所说的量（「疫苗接种剂次 ≥24万剂次」「维护路灯盏数 ≥12000盏」）；
    名称写明了「每若干个」的统计量（「道路交通事故万车死亡率 ≤1.6」「每千人口执业医师数 ≥3.2」，
    单位就是名称所说的）；
    一天中的时刻（「每日24时前」「8:30-17:30」）；编号和日子（「1、2号泵站」「3号楼」）；服务时段「天数×小时」（「7×24小时」「5×8小时」）；
    一对一结对（「1对1」）；没有单位的量（「系数」「指数」「PUE」「得分」「等级」，公路技术状况的
    MQI、PQI 等，pH 值，见 rules/vocabulary.yaml 的 unitless_names）；
    应填日期处的年份（「2025」）；应填日期处的 Excel 日期序列号（date-serial 报告）；
    另一个值（实施周期或年度）有单位而本值没有的（「≥95%」对「≥95」：两值单位不一致，
    由 annual-period-mismatch 报告）；已由 placeholder、
    value-restates-name、value-type-mismatch、not-quantified 报告的值。

    为什么有问题
    ------------
    「≥300」是 300 人、300 场还是 300 课时？没有单位的目标无法对照考核，审核人员只能去猜。

    示例
    ----
    错误：

        1、1-产出指标；11-数量指标；职业技能培训；实施周期指标值:≥300；年度指标值:≥300。

    正确：

        1、1-产出指标；11-数量指标；职业技能培训人次；实施周期指标值:≥300人次；年度指标值:≥300人次。

    选项
    ----
    exempt_names：其数字不需要单位的其他指标名称（正则表达式列表），默认为空。
    years：应填日期处 1949 至 2100 的整数读作年份，不报告，默认 true。
    """,
)
def missing_unit(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A quantity target with no unit (``2``, ``=8``, ``≥300``).

    What it does
    ------------
    Reports a number in a target value that has no unit:
    ``举办招聘会；…:2``, ``维护泊位数 =8``, ``职业技能培训；…:≥300``, a time
    limit under a 时效 indicator alike (``援助申请审查时限 ≤7``: 7 days or 7
    working days? ``deadline-not-concrete`` does not report it again), and a
    quantity whose 度量单位 column is blank in a list-style table. A rate
    whose number lacks ``%`` is said so, and for a number between 0 and 1
    the percentage it is as a fraction of one (``设备利用率 ≥0.8``: 80 %); a
    rate that should come near 100 % written so (``验收合格率 ≥0.95``, and
    ``≥1``: 100 %) is ``percent-out-of-range``'s.

    Units include the measure words (量词) sectors count in and the
    traditional (市制) weights (``rules/units.yaml``): ``路灯1500杆``,
    ``足球场3片``, ``婚姻登记8000对``, ``机井20口``, ``桥梁3孔``, ``门窗120樘``,
    ``铁塔40基``, ``歌曲10首``, ``粮食产能500万斤``, ``茶叶3000担``, the other
    individual classifiers (个体量词) of 现代汉语 (``作业用弹300发``, ``助餐10万餐``,
    ``来信500封``, ``灌木5000丛``, ``书画100轴``, ``遗体火化800具``; not those that
    begin another word after a number: 方 of 方面, 道 of 道路, 员 of 员工, 管 of
    管理), and an age
    (``≥80岁``). What a list's 度量单位 column states (``≥ | 30000 | 标准箱``)
    is the unit, listed or not: it is never asked for again.

    Not reported: zero (none of anything needs no unit); a fraction or a
    ratio (``缴费额2/3``, ``1:1``); the code of a national, industry or
    local standard (``GB/T 19001-2016``, ``LY/T 1000-2013``, ``RFJ 01-2015``,
    ``DB44/T 2138-2018``: capital letters, /T /Z /J, number, year),
    a rank (``排名前3``) or a rating (``3A级``); a name that says
    what is counted (``培训人数``, ``投诉次数``, ``系统用户数（个）``) unless the number
    is a fraction of it (``≥3.2`` people: 万人 was lost), or a word after the
    number that the name ends with (``疫苗接种剂次 ≥24万剂次``, ``维护路灯盏数 ≥12000盏``);
    a statistic whose name counts per a number of things (``道路交通事故万车死亡率 ≤1.6``,
    ``每千人口执业医师数 ≥3.2``: the name states the unit);
    an hour of the day (``每日24时前``, ``8:30-17:30``); a number before 号
    (``1、2号泵站``, ``3号楼``); a service window, days times hours
    (``7×24小时``, ``5×8小时``); a pairing (``1对1``);
    measures without a unit (``系数``, ``指数``, ``PUE``, ``得分``, ``等级``, the
    road indices MQI and PQI, pH: ``unitless_names`` in
    ``rules/vocabulary.yaml``); a year where a date belongs (``2025``); a
    spreadsheet date serial where a date belongs (``date-serial`` reports it);
    a value whose other value (period or
    annual) has a unit it lacks (``≥95%`` against ``≥95``: the two disagree
    in unit, ``annual-period-mismatch``'s finding); values that ``placeholder``,
    ``value-restates-name``, ``value-type-mismatch`` or ``not-quantified``
    report.

    Why is this bad?
    ----------------
    Is ``≥300`` 300 people, 300 sessions or 300 class hours? A target with no
    unit cannot be assessed; the reviewer is left to guess.

    Example
    -------
    Bad::

        1、1-产出指标；11-数量指标；职业技能培训；实施周期指标值:≥300；年度指标值:≥300。

    Good::

        1、1-产出指标；11-数量指标；职业技能培训人次；实施周期指标值:≥300人次；年度指标值:≥300人次。

    Options
    -------
    ``exempt_names`` (list of regular expressions, default empty): further
    indicator names whose numbers need no unit.
    ``years`` (bool, default true): read a whole number from 1949 to 2100
    where a date belongs as a year.
    """
    if not _has_bare_number(clause):
        return
    facts = ctx.facts
    kind = name_kind(facts, clause)
    for value_field, both in facts.distinct_fields(clause):
        for target in unitless_numbers(facts, ctx.config, clause, value_field):
            assert target.number is not None
            args = {
                **where(value_field, both),
                "text": value_field.text,
                "number": target.text.strip(),
                "name": clause.name,
            }
            key = "default" if target.text.strip() == value_field.text.strip() else "part"
            if kind in ("rate", "satisfaction"):
                key = "rate"
                if 0 < target.number < 1 and not FRACTION.search(target.text):
                    key = "share"  # 增长率 ≥0.05: 5 % as a fraction of one, or 0.05 %
                    args["meant"] = plain_number(target.number * 100)
            yield Problem(
                sub_span(value_field.span, target.start, target.end),
                key,
                args,
                field=field_name(value_field),
                excerpt=target.text,
            )


def _has_bare_number(clause: Clause) -> bool:
    """Whether any value of ``clause`` has a number other than zero without a
    unit: the few clauses the rule needs to look at further."""
    for value_field in clause.fields:
        for target in value_field.value.targets:
            if (
                target.unit is None
                and target.number is not None
                and target.number != 0
                and target.kind in ("number", "frequency")
            ):
                return True
    return False
