"""The ``cost-exceeds-budget`` rule, of the ``guidance`` group: a cost
indicator whose amount is more than the project's whole budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import LEVEL1_KINDS, any_of, as_decimal, field_name, plain_number
from audit.model import Clause
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
    },
    doc_zh="""
    成本指标的金额超过了项目的全部预算。

    检查内容
    --------
    对成本指标（「14-成本指标」或 41–43 下的指标，或其他类别中名称是成本——「成本」「费用」「单价」
    ——的指标），把以金额表示的每个值换算为万元（元 ÷ 10000、万元、亿元 × 10000；区间取上限），超过
    项目总计的报告。单位成本（「元/人」）也比较：一个单位的成本不可能超过整个项目。百分比的值不读。

    为什么有问题
    ------------
    财预〔2021〕101号把成本指标（经济成本、社会成本、生态环境成本）设为产出成本的控制上限；高于
    预算的上限什么也控制不了，通常是单位写错（把万元写成元）或数字写错。表格金额以万元为单位。

    示例
    ----
    错误（总计 412.05）：

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤4120500万元；年度指标值:≤4120500元。

    正确：

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤412.05万元；年度指标值:≤412.05万元。

    选项
    ----
    money_units：金额单位及其折合万元数（映射）。
    names：成本类别之外表示成本的名称（正则表达式列表，默认 成本 费用 单价）。
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
    总计. A unit cost (``元/人``) is compared too: one unit cannot cost more
    than the whole project. Values in percent are not read.

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

        5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:≤412.05万元；年度指标值:≤412.05万元。

    Options
    -------
    ``money_units`` (mapping of unit to its worth in 万元): default ``元:
    0.0001, 万元: 1, 亿元: 10000, 元/人: 0.0001, 元/人次: 0.0001``.
    ``names`` (list of regular expressions): cost names outside a cost
    category; default ``成本 费用 单价``.
    """
    project = ctx.project
    total = None if project is None else project.amounts.value("total")
    if total is None:
        return
    if ctx.facts.category_kind(clause, LEVEL1_KINDS) != "cost" and not any_of(
        ctx.options["names"]
    ).search(clause.name):
        return
    units: dict[str, Any] = ctx.options["money_units"]
    for value_field in ctx.facts.distinct_values(clause):
        value = value_field.value
        if value.kind != "quantity" or value.unit not in units:
            continue
        number = value.upper if value.upper is not None else value.number
        if number is None:
            continue
        amount = number * as_decimal(units[value.unit])
        if amount <= total:
            continue
        keyword = field_name(value_field)
        args = {
            "name": clause.name,
            "text": value_field.text,
            "keyword": value_field.keyword,
            "field": keyword,
            "amount": plain_number(_cents(amount)),
            "total": plain_number(total),
        }
        yield Problem(value_field.span, args=args, field=keyword, excerpt=value_field.text)
