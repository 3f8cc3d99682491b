"""The ``cost-exceeds-budget`` rule, of the ``guidance`` group: a cost
indicator whose amount is more than the project's whole budget.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    LEVEL1_KINDS,
    Key,
    amount_value,
    any_of,
    as_decimal,
    first_fields,
    number_targets,
    plain_number,
    spans_years,
    target_days,
    value_args,
)
from audit.model import PERIOD, Clause, Project, Target, ValueField
from audit.values import parse_value
from audit.vocabulary import VOCABULARY


def _cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to 0.01 万元, as the table prints amounts."""
    try:
        return amount.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than the context holds: keep it whole
        return amount


MONEY_UNITS: dict[str, float] = {
    **VOCABULARY.money_in_wan(),  # the shared money units, in 万元
    "元/人": 0.0001,
    "元/人次": 0.0001,
}


COST_NAMES: list[str] = list(VOCABULARY.cost_names)


THRESHOLDS: list[str] = [
    r"(?:低保|最低生活保障|最低工资|扶贫|贫困|认定|准入)标准",
    r"贫困线|收入线|保障线",
    r"上限|最高|封顶",
]
"""Standards that are a threshold, not a payment per person: 低保标准 is the
income line the allowance tops a family up to (低保金 pays the gap, 补差),
最低工资标准 what an employer must pay; a grant's cap (单家企业补助上限
≤16万元/家: most get less). Times the people or things they are no
spending of the project."""


@rule(
    "cost-exceeds-budget",
    group="guidance",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "成本指标「{name}」的{keyword}「{text}」折合{amount}万元，超过项目总计{total}万元",
            "the cost indicator “{name}”: the {field} value “{text}” is {amount} 万元, "
            "more than the project's total of {total} 万元",
        ),
        "equals": (
            "成本指标「{name}」的{keyword}「{text}」等于项目总计{total}万元：照抄了预算总额，"
            "应写明可控制的成本（单位成本或分项成本）",
            "the cost indicator “{name}”: the {field} value “{text}” is the project's whole "
            "total of {total} 万元, the budget copied: state a cost that can be controlled "
            "(a unit cost or a cost item)",
        ),
        "times": (
            "成本指标「{name}」的{keyword}「{text}」乘以{count_text}（{source}）："
            "{each}万元 × {count} = {amount}万元，超过项目总计{total}万元",
            "the cost indicator “{name}”: the {field} value “{text}” times {count_text} "
            "({source}): {each} 万元 × {count} = {amount} 万元, more than the project's "
            "total of {total} 万元",
        ),
        "times-assumed": (
            "成本指标「{name}」的{keyword}「{text}」按预算年度12个月计（表中没有写明项目期或月数）："
            "{each}万元 × 12 = {amount}万元，超过项目总计{total}万元",
            "the cost indicator “{name}”: the {field} value “{text}” over the budget year's 12 "
            "months (the table states no term and no months): {each} 万元 × 12 = {amount} 万元, "
            "more than the project's total of {total} 万元",
        ),
    },
    options={
        "money_units": Option(
            "dict",
            MONEY_UNITS,
            "units of money and what one of each is worth in 万元",
            values="money",
        ),
        "names": Option(
            "list[regex]",
            COST_NAMES,
            "names of cost indicators filed outside a cost category (成本, 费用, 单价)",
        ),
        "thresholds": Option(
            "list[regex]",
            THRESHOLDS,
            "names of standards that are a threshold, not a payment per person (低保标准, "
            "最低工资标准): never multiplied by a count",
        ),
    },
    doc_zh="""
    成本指标的金额超过了项目的全部预算。

    检查内容
    --------
    对成本指标（「14-成本指标」或 41–43 下的指标，或其他类别中名称是成本——「成本」「费用」「单价」
    ——的指标），把以金额表示的每个值换算为万元（元 ÷ 10000、万元、亿元 × 10000；区间取上限），超过
    项目总计的报告（跨年度的项目——项目期或名称、目标中写明几个年份——的实施周期指标值是整个实施期的
    成本，不与当年的总计比较）。单位成本（「元/人」）也比较：一个人、一件物品、一个月的成本不可能超过整个项目；
    项目可以只做一部分的单位（「≤1800万元/公里」「元/平方米」「元/吨」：长度、面积、重量）可以，只在乘以数量后比较。
    每月或每人的成本乘以同一项目、同一指标值中写明的数量——指标名称自己写明的月数
    （「月均运营成本（10个月）」）、时长的月数（「服务月数 11个月」）或申报表项目期的月数
    （「2025.02-2025.12」）、人数（「体检人数 ≥5000人」），有几个时取最小的——乘积超过
    总计的报告，并写出算式（「620万元 × 11 = 6820万元」）。没有写明跨年度
    （项目期、名称或目标中的年份跨度）也没有写明月数、名称或目标也没有说只做一年中的一段
    （「7-12月」「下半年」「第四季度」「6个月」）的项目按预算年度 12 个月计：项目自身每月的成本
    （「控制在30万元/月以内」，不是按人或按户每月支付的标准）乘以 12 超过总计的，降一级报告
    （月数是假定的），消息中说明按预算年度计。每人每月的成本
    （「100元/人·月」「100元/人/月」）乘以人数和月数两者（「0.01万元 × 3800 × 12」）；「万元·月」
    同「万元/月」。人数须是成本所按的那些人：名称在「人均」前写明对象的（「教师人均培训费用」），
    只乘以名称中有同一对象的人数（「参训教师人数」），不乘以同一项目的其他人数（「受益学生人数」）；
    「人均」后写明所做事情的（「人均体检成本」），只乘以名称中有这件事的中心字的人数（「受检人数」，
    不乘以「家庭医生签约服务人数」），或名称与人数都写明了同一种给人的钱（补贴、补助、资助……：
    「人均服务补贴标准」乘以「享受补贴老年人数」）；
    对象的人数无法衡量时（「按计划完成」）不作乘法，什么也不报告。按项目产出的单位计的成本
    （「亩均财政投入 ≤3300元/亩」「单系统运维成本 ≤7.6万元/个」）乘以同一项目数量指标下以该单位
    写明的产出（「新建高标准农田面积 ≥26400亩」）。所乘的数量只取项目自身的产出
    （产出指标下的数量、时长），不取效益或满意度指标中的人数（「脱贫人口就业人数 稳定在3万人以上」
    是全区的成效，不是项目支付的对象）。作为门槛而不是按人支付的标准
    （thresholds：「城乡低保标准」是低保金补差所对照的收入线，「最低工资标准」）不作乘法。成本指标中的
    「620万/月」即每月 620 万元。成本目标恰好等于项目总计的也报告：照抄了预算总额，没有控制任何
    成本。值中的每个目标都读；百分比的值不读。

    效益类别下为他人降低或节约的成本（名称或值中有 降低、减少、下降、节约、节省……：「降低企业用能
    成本 ≥500万元」「为企业节约成本」「减少群众就医费用」「农户购机成本 有效降低」）是项目带来的
    经济效益，不是项目自身的支出，不检查；项目自身的成本归入效益的（「设备购置成本 ≤500万元」）
    照常检查，成本指标类下的金额也照常检查。

    项目总计空白、不是数字或为负数（「-1,250.00」，amount-format 报告）时预算未知，不比较。

    为什么有问题
    ------------
    财预〔2021〕101号把成本指标（经济成本、社会成本、生态环境成本）设为产出成本的控制上限；高于
    预算的上限什么也控制不了，通常是单位写错（把万元写成元）或数字写错。表格金额以万元为单位。

    示例
    ----
    错误（总计 412.05）：

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤4120500万元；年度指标值:≤4120500元。

    正确：

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤395万元；年度指标值:≤395万元。

    选项
    ----
    money_units：金额单位及其折合万元数（映射）。
    names：成本类别之外表示成本的名称（正则表达式列表，默认 成本 费用 单价）。
    thresholds：作为门槛而不是按人支付的标准的名称，不乘以人数或月数（正则表达式列表，
    默认 低保标准、最低生活保障标准、最低工资标准、贫困线、收入线、补助上限 等）。
    """,
)
def cost_exceeds_budget(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A cost indicator whose amount is more than the project's whole budget.

    What it does
    ------------
    For a cost indicator — one under ``14-成本指标`` or ``41``–``43``, or one
    whose name is a cost (``成本``, ``费用``, ``单价``) in another category —
    converts each value given in money to 万元 (元 ÷ 10000, 万元, 亿元 × 10000;
    the upper end of a range) and reports it when it exceeds the project's
    总计 (in a project over several years — its 项目期, or a span of years in
    its name or goal — a period value is the whole period's cost, never
    compared with this year's 总计). A unit cost (``元/人``) is compared too:
    one person, thing or month cannot cost more than the whole project; a
    unit a project may buy part of (``≤1800万元/公里``, ``元/平方米``,
    ``元/吨``: a length, an area, a weight)
    may, and is compared only when multiplied. A cost per month or per person is multiplied by
    the count the table states for the same project and value keyword — the
    months the indicator's own name counts (``月均运营成本（10个月）``), the
    months of a duration (``服务月数 11个月``) or of the form's 项目期
    (``2025.02-2025.12``), the people of a count (``体检人数 ≥5000人``), the
    smallest when several are stated — and the product, with its arithmetic
    (``620万元 × 11 = 6820万元``), is compared with the 总计. A project that
    states no span of years (项目期, or years in its name or goal) and no
    months, and whose name or goal does not say it runs for part of a year
    (``7-12月``, ``下半年``, ``第四季度``, ``6个月``), runs for its budget year:
    the project's own cost a month
    (``控制在30万元/月以内``; not money paid per person or household a month)
    times 12 over the 总计 is reported one level lower (an info at the default
    warning: the months are assumed), the message saying so. A cost per person
    and month (``100元/人·月``, ``100元/人/月``) is multiplied by both counts
    (``0.01万元 × 3800 × 12``); ``40万元·月`` is ``40万元/月``. The people
    must be those the cost is per: a name that says whom before 人均
    (``教师人均培训费用``) is multiplied only by a count whose name names
    them (``参训教师人数``), never by another count of the project
    (``受益学生人数``), and a cost of some work (``人均体检成本``) only by a count
    of those who get it (``受检人数``, not ``家庭医生签约服务人数``), or by a
    count naming the payment it names (``人均服务补贴标准`` by
    ``享受补贴老年人数``); when their
    count is not measurable (``按计划完成``)
    nothing is multiplied and nothing said. A cost per a unit of the
    project's own output (``亩均财政投入 ≤3300元/亩``, ``单系统运维成本
    ≤7.6万元/个``) is multiplied by the output the project states in that
    unit under 数量 (``新建高标准农田面积 ≥26400亩``). Only the project's own outputs
    (产出) are counts a cost is paid for: never a count under an effect or a
    satisfaction category (``脱贫人口就业人数 稳定在3万人以上`` is the district's
    outcome). A standard that is a threshold,
    not a payment per person (``thresholds``: ``城乡低保标准``, the income
    line 低保金 tops a family up to; ``最低工资标准``), is never multiplied.
    ``620万/月`` in a cost indicator is 620 万元 a month. A cost equal to the whole 总计 (to the
    cent) is reported too: the budget copied, no cost controlled (DOMAIN's
    "a cost equal to the whole budget"). Every target of a value is read;
    values in percent are not.

    A cost lowered or saved for others and filed under 效益 — the name or a
    value says it goes down (降低, 减少, 下降, 节约, 节省 …: ``降低企业用能成本
    ≥500万元``, ``为企业节约成本``, ``减少群众就医费用``, ``农户购机成本
    有效降低``) — is the project's 经济效益, not its spending, and is not
    judged; a cost of the project filed there (``设备购置成本 ≤500万元``) is,
    and so is any amount under a cost category.

    A 总计 that is blank, not a number or negative (``-1,250.00``,
    ``amount-format``'s finding) is no budget: nothing is compared with it.

    Why is this bad?
    ----------------
    财预〔2021〕101号 sets cost indicators (经济成本、社会成本、生态环境成本) as
    control limits on the cost of the outputs; a limit above the budget
    controls nothing and usually means the wrong unit (元 for 万元) or the
    wrong figure. The table's amounts are in 万元.

    Example
    -------
    Bad (总计 412.05)::

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤4120500万元；年度指标值:≤4120500元。

    Good::

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤395万元；年度指标值:≤395万元。

    Options
    -------
    ``money_units`` (mapping of unit to its worth in 万元): default ``元:
    0.0001, 万元: 1, 亿元: 10000, 元/人: 0.0001, 元/人次: 0.0001``.
    ``names`` (list of regular expressions): cost names outside a cost
    category; default ``成本 费用 单价``.
    ``thresholds`` (list of regular expressions): names of standards that
    are a threshold, not a payment per person, never multiplied by a count;
    default 低保标准, 最低生活保障标准, 最低工资标准, 贫困线, 收入线, a grant's cap (补助上限)
    and the like.
    """
    project = ctx.project
    total = None if project is None else amount_value(project.amounts.total)
    if project is None or total is None:
        return
    if ctx.facts.category_kind(clause, LEVEL1_KINDS) != "cost" and not any_of(
        ctx.options["names"]
    ).search(clause.name):
        return
    if ctx.facts.cost_saving(clause):
        return  # a cost lowered for others, filed as an effect: a benefit, not spending
    units: dict[str, Any] = ctx.options["money_units"]
    thresholds = any_of(ctx.options["thresholds"])
    several_years = spans_years(project)
    # Over several years only the annual value is this year's, compared with
    # this year's 总计 even where it repeats the period value word for word.
    fields = (
        [f for f in first_fields(clause) if f.keyword != PERIOD]
        if several_years
        else ctx.facts.distinct_values(clause)
    )
    for value_field in fields:
        value = value_field.value
        if value.kind != "quantity" or ctx.facts.value(clause, value_field).owner is not None:
            continue
        args = {**value_args(clause, value_field), "total": plain_number(total)}
        keyword = args["field"]
        for target in number_targets(value):
            each = _amount(target, units)
            if each is None:
                continue
            pers = _pers(target)
            if each > total and not _divisible(pers):
                args["amount"] = plain_number(_cents(each))
                yield Problem(value_field.span, args=args, field=keyword, excerpt=value_field.text)
                break
            if not pers and _cents(each) == _cents(total):
                # the budget copied as the cost target: no cost is controlled
                args["amount"] = plain_number(_cents(each))
                yield Problem(
                    value_field.span, "equals", args, field=keyword, excerpt=value_field.text
                )
                break
            if thresholds.search(clause.name):
                continue  # a threshold (低保标准), not a payment: no product is spending
            # 元/人·月: times the people and times the months, each count the table states
            counted = [c for p in pers if (c := _count(ctx, project, clause, value_field, p))]
            assumed = (
                not counted
                and pers == ("月",)
                and not several_years
                and not _part_of_a_year(project)
            )
            if assumed:
                # the project's own cost a month, no months stated: its budget year's 12
                counted = [(BUDGET_YEAR_MONTHS, "12个月", "预算年度")]
            if not counted:
                continue
            count = math.prod((c[0] for c in counted), start=Decimal(1))
            amount = each * count
            if each * _rounded_down(target) * count <= total:
                continue  # within what the rounding of the cost a unit allows
            args.update(
                {
                    "each": plain_number(each),
                    "count": " × ".join(plain_number(c[0]) for c in counted),
                    "count_text": "和".join(c[1] for c in counted),
                    "source": "；".join(c[2] for c in counted),
                    "amount": plain_number(_cents(amount)),
                }
            )
            if assumed:
                yield Problem(
                    value_field.span,
                    "times-assumed",
                    args,
                    field=keyword,
                    excerpt=value_field.text,
                    lower=ASSUMED,
                )
                break
            yield Problem(value_field.span, "times", args, field=keyword, excerpt=value_field.text)
            break


BUDGET_YEAR_MONTHS = Decimal(12)
"""The months of a project that states no span of years, no 项目期 and no
count of months: its budget year."""


_PART_OF_YEAR = re.compile(
    r"\d{1,2}\s*月?\s*[-－—~～至到]\s*\d{1,2}\s*月|[上下]半年|第?[一二三四1-4]季度|\d{1,2}\s*个月"
)
"""A part of a year a project's name or goal says it runs for (2025年7-12月,
7月至12月, 下半年, 第三季度, 6个月): its months are not the budget year's."""


def _part_of_a_year(project: Project) -> bool:
    """Whether a project's name or goal says it runs for part of a year only."""
    texts = (project.name, project.goal)
    return any(t is not None and _PART_OF_YEAR.search(t.value) for t in texts)


ASSUMED = 1
"""Levels below the configured severity for a product over months the table
does not state (a warning's info): the term is assumed."""


_WAN = Decimal(10000)


_WRITTEN_NUMBER = re.compile(r"\d+(?:[.．](\d+))?")


def _rounded_down(target: Target) -> Decimal:
    """The least share of a cost a unit its written figure may stand for:
    ``7.05`` (万元 a head, 2,368.75 over 336 rounded) stands for 7.045 to
    7.055, as DOMAIN's interval rule reads a published figure, so 7.05 × 336
    over 2,368.75 is rounding, not a cost above the budget."""
    found = _WRITTEN_NUMBER.search(target.text)
    if found is None:
        return Decimal(1)
    written = Decimal(found.group().replace("．", "."))
    if not written:
        return Decimal(1)
    places = len(found.group(1) or "")
    return (written - Decimal(5).scaleb(-places - 1)) / written


def _amount(target: Target, units: dict[str, Any]) -> Decimal | None:
    """What one target is worth in 万元 (the upper end of a range), or None
    when it is not money. ``620万/月`` in a cost indicator is 620 万元 a month:
    the magnitude 万 without a unit is read as 万元."""
    number = target.upper if target.upper is not None else target.number
    if number is None:
        return None
    if target.unit in units:
        return number * as_decimal(units[target.unit])
    if target.unit is None and target.magnitude and target.per is not None:
        return number / _WAN  # the number is in 元 once its magnitude is applied
    return None


def _pers(target: Target) -> tuple[str, ...]:
    """What a cost is per: ``月`` for ``≤620万元/月`` and ``40万元·月``, ``人``
    for ``≤3000元/人``, ``人`` and ``月`` for ``≤100元/人·月`` and ``100元/人/月``."""
    pers: list[str] = []
    if target.unit and "/" in target.unit:
        pers.append(target.unit.rsplit("/", 1)[1])
    if target.per:
        pers.extend(target.per.split("·"))
    return tuple(pers)


_WHOLE_UNITS = frozenset(VOCABULARY.count_units) | frozenset(VOCABULARY.time_units)


def _divisible(pers: tuple[str, ...]) -> bool:
    """Whether a cost is per a measure a project may buy a part of: a length,
    an area, a weight (``≤1800万元/公里``: a road of 0.5 km costs 900 万元).
    Such a unit may cost more than the whole project; a person, a thing or
    a month may not (``≤5000000元/人`` against 412.05 万元)."""
    return bool(pers) and not any(per in _WHOLE_UNITS for per in pers)


_MONTH_UNITS = frozenset({"月", "个月"})
_NOT_OUTPUTS = frozenset({"effect", "satisfaction"})
"""Kinds of category whose counts a cost is never paid for: an effect
(社会效益: the people of a district in work) or a satisfaction survey's
sample. A cost is multiplied only by the project's own outputs (产出)."""


_COUNTS: Key[dict[int, tuple[Project, dict[tuple[str, str], list[tuple[Decimal, str]]]]]] = Key(
    "guidance.cost-counts"
)


def _count(
    ctx: Context, project: Project, clause: Clause, value_field: ValueField, per: str
) -> tuple[Decimal, str, str] | None:
    """The count the table states for ``per`` in this project, for the same
    keyword: the months the indicator's own name counts (``月均运营成本（10个月）``),
    a duration in months (``服务月数 11个月``) or the form's 项目期
    for ``月``; a count of people (``体检人数 ≥5000人``) for ``人``/``人次``.
    The smallest such count when several are stated. ``(count, as written,
    where it is stated)``."""
    if per == "月":
        # the indicator's own name counts its months: 月均运营成本（10个月）
        own = _NAME_MONTHS.search(clause.name)
        if own is not None and int(own.group(1)) > 0:
            return Decimal(own.group(1)), f"{own.group(1)}个月", f"「{clause.name}」"
    counts = _project_counts(ctx, project)
    stated = [c for c in counts.get((value_field.keyword, per), []) if c[1] != clause.name]
    if per != "月":
        # 教师人均培训费用 is per teacher: only a count of teachers multiplies it,
        # never the pupils of the same project (nor the months of its 项目期)
        stated = [
            c for c in stated if _same_people(clause.name, c[1]) and _same_work(clause.name, c[1])
        ]
    if stated:
        count, name = min(stated)
        unit = "个月" if per == "月" else per
        return count, f"{plain_number(count)}{unit}", f"「{name}」"
    if per == "月" and project.term is not None:
        months = _term_months(project.term.value)
        if months is not None and (value_field.keyword == PERIOD or months <= 12):
            return Decimal(months), f"{months}个月", f"项目期{project.term.value}"
    return None


_NAME_MONTHS = re.compile(r"(?<![\d.])(\d{1,2})\s*个月")
"""The months an indicator's name counts (``月均运营成本（10个月）``)."""
_PER_HEAD = re.compile(r"人均|人平均|每人|每名|每位")
"""Where a name says its cost is per head: who comes before it (``教师人均``)."""
_ANYONE = re.compile(r"^(?:城乡|全区|全市|全县|全省|辖区)|(?:人员|对象|群众|居民)?每?[月年季]?$")
"""Words around who that name no one in particular (城乡, 人员, 对象) and the
period after them (低保对象月人均)."""
_COUNTED = re.compile(r"(?:人数|人次|总数|数量|数)$")


def _same_people(cost_name: str, count_name: str) -> bool:
    """Whether a count of people (``参训教师人数``) counts whom a cost per
    head is for: the cost's name says who before 人均 (``教师人均培训费用``:
    教师) and the count's name names them too, or the other way round
    (``留守儿童人数`` for ``农村留守儿童人均``). A cost that names no one
    (``人均体检成本``) takes any count of people of its project."""
    head = _PER_HEAD.search(cost_name)
    who = _ANYONE.sub("", cost_name[: head.start()]) if head else ""
    if not who:
        return True
    counted = _COUNTED.sub("", count_name)
    return who in count_name or (bool(counted) and counted in who)


_COST_WORDS = re.compile(
    r"(?:成本|费用|经费|支出|标准|单价|金额|开支|费|水平|额度|补助|补贴|资助|奖补|津贴|补偿"
    r"|资金|投入|投资)+$"
)
"""The money words that end a cost's name (人均补助水平: a payment itself, no work)."""
_PERIOD_WORD = re.compile(r"^每?[月年季日天周]度?")
"""The period a cost per head is per (人均月补贴标准): no work either."""


def _same_work(cost_name: str, count_name: str) -> bool:
    """Whether a count of people counts those who get what a cost per head
    pays for: the work the cost's name states after 人均 (``人均体检成本``:
    体检) shares its head, the last character, with the count's name
    (``健康体检人数``, ``受检人数``; ``人均培训费用`` and ``参训人数``), so a
    cost of an examination is never multiplied by the people signed up for
    another service (``家庭医生签约服务人数``). A cost that states no work
    (``人均成本``) takes any count of people, and a payment (补贴, 补助,
    资助 …) a count names too (``人均服务补贴标准`` and ``享受补贴老年人数``)
    is paid to those it counts."""
    head = _PER_HEAD.search(cost_name)
    if head is None:
        return True
    after = cost_name[head.end() :]
    grant = _GRANT.search(after)
    if grant is not None and grant.group() in count_name:
        return True  # 人均服务补贴标准 and 享受补贴老年人数: those the grant is paid to
    work = _PERIOD_WORD.sub("", _COST_WORDS.sub("", after))
    return not work or work[-1] in count_name


_GRANT = re.compile(r"补贴|补助|资助|津贴|奖补|救助|慰问金|生活费")
"""A payment to people a cost per head may name (人均服务补贴标准): a count that
names it (享受补贴老年人数) counts those it is paid to."""


def _project_counts(
    ctx: Context, project: Project
) -> dict[tuple[str, str], list[tuple[Decimal, str]]]:
    """The months, the people and the outputs each value keyword of a project
    states, by ``(keyword, 月 | 人 | 人次 | the output's unit)``: ``(count,
    indicator name)``; an output in its own unit (亩, 公里, 个) only under 数量.
    Only outputs (产出) count: never a clause under an effect (效益) or
    satisfaction category."""
    known = ctx.memo.get(_COUNTS, dict)
    cached = known.get(id(project))
    if cached is not None and cached[0] is project:
        return cached[1]
    counts: dict[tuple[str, str], list[tuple[Decimal, str]]] = {}
    for other in project.clauses:
        if not isinstance(other, Clause):
            continue
        if ctx.facts.category_kind(other, LEVEL1_KINDS) in _NOT_OUTPUTS:
            continue  # 脱贫人口就业人数 稳定在3万人以上 is an outcome, not what is paid for
        counting = ctx.facts.name_measure(other.name) == "count"
        quantity = ctx.facts.category_kind(other, LEVEL1_KINDS) == "quantity"
        for value_field in first_fields(other):
            if value_field.value.kind != "quantity":
                continue
            for target in number_targets(value_field.value):
                if target.number is None or target.number <= 0 or target.comparator in ("<", "<="):
                    continue
                if target.kind == "duration" and target.unit in _MONTH_UNITS:
                    per = "月"
                elif target.kind == "number" and counting and target.unit in ("人", "人次"):
                    per = target.unit
                elif (
                    target.kind == "number" and quantity and target.unit not in (None, "人", "人次")
                ):
                    # an output of the project in its own unit under 数量 (新建高标准农田
                    # ≥26400亩, 运维业务系统 ≥61个): what a cost per 亩 or per 个 is for
                    per = target.unit
                else:
                    continue
                counts.setdefault((value_field.keyword, per), []).append(
                    (target.number, other.name)
                )
    known[id(project)] = (project, counts)
    return counts


def _term_months(term: str) -> int | None:
    """How many months a form's 项目期 spans (``2025.01-2025.11``: 11)."""
    for target in parse_value(term).targets:
        days = target_days(target)
        if days is not None and target.kind == "date-range":
            (first_year, first, _), (last_year, last, _) = days
            return (last_year - first_year) * 12 + last - first + 1
    return None
