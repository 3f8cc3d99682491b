"""A quantity without a unit: ``missing-unit``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    LazyPattern,
    any_of,
    date_serials,
    field_name,
    name_kind,
    needs_unit,
    plain_number,
    sub_span,
    unit_lost,
    wants_date,
    where,
)
from audit.model import Clause, Target, ValueField

_FRACTION = LazyPattern(r"\d\s*[/:：对比]\s*\d|分之")
"""A share written as a fraction or a ratio (``2/3``, ``1:1``, ``1对1帮扶``,
``1比1配套``): no unit."""
_CODE_BEFORE = re.compile(r"(?:GB|ISO|DB|HJ|JGJ|CJJ|WS|SL|YY)\s*(?:/\s*[TZ])?\s*$", re.IGNORECASE)
"""The code of a standard ends here (``GB/T 19001-2016``, ``ISO 9001``)."""
_STANDARD_CODE = LazyPattern(
    r"(?<![A-Za-z])[A-Z]{1,4}(?:\d{2})?\s*(?:/\s*[TZJ]\s*)?"
    r"\d+(?:\.\d+)*\s*[-—–－]\s*(?:19|20)\d{2}(?!\d)"
    r"|(?<![A-Za-z])[A-Z]{1,4}(?:\d{2})?\s*/\s*[TZJ]\s*\d+(?:\.\d+)*"
)
"""The code of a Chinese standard, national, industry or local, by its shape:
a prefix of capital letters (GB, LY, QX, DA, LS, GD, RFJ, GA, MZ …; a local
standard's DB with its province, DB44), ``/T`` (recommended), ``/Z`` (guidance)
or ``/J`` where there is one, the number, then the year after a dash
(``LY/T 1000-2013``, ``RFJ 01-2015``, ``GD/J 079-2018``, ``DB44/T 2138-2018``);
a code with ``/T`` needs no year (``QX/T 45``). ``PM2.5`` has no year and no
``/T``: it is no code."""
_RANK_BEFORE = re.compile(r"(?:(?<![提之以])前|第|排名|名列|位列)\s*$")
"""A rank comes next (``排名前3``, ``第1名``; not ``提前5``, a number of days)."""
_RATING_AFTER = re.compile(r"^\s*[A-Za-zＡ-Ｚ]+\s*级?")
"""A rating follows (``3A级``, ``5A``)."""
_ORDINAL_AFTER = re.compile(r"^\s*号")
"""A number's 号 follows (``1、2号泵站``, ``3号楼``, ``15号前``): an ordinal or a day
of the month, no count."""
_CLOCK_AFTER = re.compile(r"^\s*[时点](?![间位数钟])")
"""An hour of the day follows (``每日24时前``, ``17点前``): a time, no quantity."""
_WINDOW_AFTER = re.compile(r"^\s*[×xX*＊]\s*\d+\s*(?:个)?(?:小时|h\b|H\b)")
"""A service window follows (``7×24小时``, ``5×8小时``): days times hours,
no count of anything."""
_SIZE_AFTER = re.compile(r"^\s*[×xX*＊]\s*\d+(?:\.\d+)?\s*[^\W\d_]")
"""A size follows (``3×3米``, ``40×60厘米``, ``双向2×2车道``): the first number
takes the unit after the last (``7×24`` alone still lacks its hours)."""
_DEADLINE_AFTER = re.compile(r"^\s*(?:底|前|以前|之前|止|为止)")
"""A deadline word follows (``2025.3底前``, ``3.31前``): the number is a date
(year.month, month.day), no quantity."""
_LISTED_AFTER = re.compile(r"^\s*(?:、|，|,|或|和|及|与|至|到|~|～|—|-)\s*[0-9０-９]")
"""Another number follows in a list or a range (``分别按1.5、2.5万元/人``,
``每人1.5或2.5万元``): the unit after the last is every number's (the last
is judged on its own)."""
_MEASURE_WORD_AFTER = re.compile(r"^([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
_FUNCTION_CHARS = frozenset("以及或和与至到的为等左多余每内上下前后底止约近超达不个次")
"""Characters after a number that are no measure word (``300以上``, ``90及以上``,
``3至5``): any other one Chinese character right after the number, ending the
value or its clause (``4260路`` of camera channels), is one, a unit the tool
need not know to see the value has one; one that begins a word (``3方面``,
``3道路``, ``100管理人员``) is no unit."""
_UNIT_CELL = 6
"""At most this many characters in a unit column of its own (``度量单位``)."""
YEARS = (1949, 2100)
"""Whole numbers read as a year where a date belongs."""


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
    以及清单式表格「度量单位」栏空着的数量。比率指标的数字没有 % 时单独说明，0 与 1 之间的小数
    还说明它作为小数是多少百分比（「设备利用率 ≥0.8」：80%）；应接近 100% 的比率写成这样的小数
    （「验收合格率 ≥0.95」）由 percent-out-of-range 报告。

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
    ``举办招聘会；…:2``, ``维护泊位数 =8``, ``职业技能培训；…:≥300``, and a
    quantity whose 度量单位 column is blank in a list-style table. A rate
    whose number lacks ``%`` is said so, and for a number between 0 and 1
    the percentage it is as a fraction of one (``设备利用率 ≥0.8``: 80 %); a
    rate that should come near 100 % written so (``验收合格率 ≥0.95``) is
    ``percent-out-of-range``'s.

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
    if kind == "unitless":
        return
    exempt = ctx.options["exempt_names"]
    if exempt and any_of(exempt).search(clause.name):
        return
    for value_field, both in facts.distinct_fields(clause):
        if facts.value(clause, value_field).owner is not None or unit_lost(clause, value_field):
            continue
        serials = {id(s.target) for s in date_serials(facts, ctx.config, clause, value_field)}
        dated: bool | None = None
        for target in value_field.value.targets:
            if (
                target.kind not in ("number", "frequency")
                or target.number is None
                or target.unit is not None
                or not needs_unit(facts, clause, target)
                or id(target) in serials
                or _no_quantity(value_field.text, target)
                or _named_unit(clause.name, value_field.text, target)
                or _unit_cell_after(value_field, target)
            ):
                continue
            if ctx.options["years"] and _is_year(target.number):
                if dated is None:
                    dated = wants_date(facts, clause, value_field)
                if dated:
                    continue
            args = {
                **where(value_field, both),
                "text": value_field.text,
                "number": target.text.strip(),
                "name": clause.name,
            }
            key = "default" if target.text.strip() == value_field.text.strip() else "part"
            if kind in ("rate", "satisfaction"):
                key = "rate"
                if 0 < target.number < 1 and not _FRACTION.search(target.text):
                    key = "share"  # 增长率 ≥0.05: 5 % as a fraction of one, or 0.05 %
                    args["meant"] = plain_number(target.number * 100)
            yield Problem(
                sub_span(value_field.span, target.start, target.end),
                key,
                args,
                field=field_name(value_field),
                excerpt=target.text,
            )


def _no_quantity(text: str, target: Target) -> bool:
    """Whether a number of ``text`` needs no unit of its own: part of a ratio or
    a fraction (``按1:1比例``, ``2/3``), the code of a standard
    (``GB/T 19001-2016``, read as a range that runs backwards), a rank
    (``排名前3``), a rating (``3A级``), the first side of a size (``3×3米``),
    a step's number in brackets (``（1）6月底前完成招标；（2）…``), a date
    before a deadline word (``2025.3底前``, ``3.31前``), a number of a list
    whose last number carries the unit (``1.5、2.5万元/人``), or one followed
    by a measure word the value grammar does not list (``4260路``)."""
    start = max(0, min(target.start, len(text)))
    end = max(start, min(target.end, len(text)))
    before, after = text[:start], text[end:]
    if _FRACTION.search(text[max(0, start - 2) : end + 2]):
        return True
    if _CODE_BEFORE.search(before) or _RANK_BEFORE.search(before):
        return True
    if any(
        code.start() <= start and end <= code.end()
        for code in _STANDARD_CODE.compiled.finditer(text)
    ):
        return True
    if target.upper is not None and target.number is not None and target.upper < target.number:
        return True
    word = _MEASURE_WORD_AFTER.match(after)
    return (
        _RATING_AFTER.match(after) is not None
        or (word is not None and word.group(1) not in _FUNCTION_CHARS)
        or _DEADLINE_AFTER.match(after) is not None
        or _LISTED_AFTER.match(after) is not None
        or _CLOCK_AFTER.match(after) is not None
        or _ORDINAL_AFTER.match(after) is not None
        or _WINDOW_AFTER.match(after) is not None
        or _SIZE_AFTER.match(after) is not None
        or (before[-1:] in ("（", "(") and after[:1] in ("）", ")"))
    )


def _unit_cell_after(value_field: ValueField, target: Target) -> bool:
    """Whether what follows the number is the table's own unit column: a
    list with ``指标值 | 度量单位`` in separate cells (``≥ | 5000000 | 斤``)
    gives the value as one text whose last piece comes from another cell.
    The table states the unit there, whether or not the value grammar knows
    the word; the rule never asks for it again."""
    text = value_field.text
    end = max(0, min(target.end, len(text)))
    rest = text[end:].strip()
    if not rest or end == 0 or len(rest) > _UNIT_CELL or any(ch.isdigit() for ch in rest):
        return False
    gap = len(text[end:]) - len(text[end:].lstrip())
    last = sub_span(value_field.span, end - 1, end)
    first = sub_span(value_field.span, end + gap, end + gap + 1)
    if first.location is not None or last.location is not None:
        return first.location != last.location  # another cell of a workbook, PDF or page
    # another column of a text table: skipped source (a tab) on the same line,
    # not a line the cell wraps onto
    return first.line == last.line and first.column != last.end_column + gap


_WORD_AFTER = re.compile(r"\s*([^\W\d_]{1,2})")
"""A word of one or two letters right after a number (a CJK range here
would cost the regex compiler a millisecond in every process)."""


def _named_unit(name: str, text: str, target: Target) -> bool:
    """Whether the word right after the number is the measure the
    indicator's name ends with (``疫苗接种剂次`` ≥24万剂次, ``维护路灯盏数``
    ≥12000盏): a unit the value grammar does not list, but the reader cannot
    mistake."""
    found = _WORD_AFTER.match(text, max(0, min(target.end, len(text))))
    return found is not None and found.group(1) in name.rstrip()[-4:]


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


def _is_year(number: Decimal) -> bool:
    return number == number.to_integral_value() and YEARS[0] <= number <= YEARS[1]
