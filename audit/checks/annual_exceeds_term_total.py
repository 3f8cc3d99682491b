"""The ``annual-exceeds-term-total`` rule, of the ``amounts`` group: a
project's amount for the year more than its amount over the whole term."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from audit.engine import Context, Problem, rule
from audit.facts import amount_value
from audit.model import Amount, Project

_CENT = Decimal("0.01")
_YUAN_PER_WAN = 4
"""Powers of ten from 万元 to 元: values are kept in 万元, printed in either."""


def _printed(amount: Amount, value: Decimal) -> Decimal:
    """``value`` (in 万元) in the unit the cell prints it in, rounded to the
    cent as the table rounds it (0.01 万元, or 0.01 元 in a table in 元)."""
    scaled = value.scaleb(_YUAN_PER_WAN) if amount.unit == "元" else value
    return scaled.quantize(_CENT, rounding=ROUND_HALF_UP)


def _in_wan(amount: Amount, printed: Decimal) -> Decimal:
    return printed.scaleb(-_YUAN_PER_WAN) if amount.unit == "元" else printed


def _written(amount: Amount) -> str:
    """The cell as written, with the unit it is printed in (``800.00万元``;
    a cell that writes its unit keeps it once: ``800万元``)."""
    text = amount.text.value.strip()
    return text if text.endswith(amount.unit) else f"{text}{amount.unit}"


@rule(
    "annual-exceeds-term-total",
    group="amounts",
    severity="error",
    scope="project",
    messages={
        "default": (
            "年度资金{annual}超过项目实施期的总额（项目总投资）{total}，相差{difference}{unit}："
            "一年安排的资金不会多于整个实施期的总额，请核对",
            "the year's amount of {annual} is more than the project's total over its whole "
            "term (项目总投资) of {total}, by {difference} {unit}: a year cannot be given more "
            "than the whole term; check both figures",
        ),
    },
    doc_zh="""
    项目的年度资金超过了项目整个实施期的总额（项目总投资）。

    检查内容
    --------
    全国模板的申报表和清单在年度资金（本年安排、年度资金总额、预算数）之外，常写明项目整个
    实施期的总额（项目总投资、计划总投资、中期资金总额、实施期资金总额）。两者都是数字时，
    年度资金多于实施期总额的报告，位置在年度资金上。金额按表中印出的单位舍入到分（万元表 0.01
    万元，元表 0.01 元）后比较：舍入后相等的不报告，年度资金等于总额（一年的项目）也不报告。
    总额空白、不是数字（「待补充」）或为负数的不比较（年度资金不是数字或为负数的，由
    placeholder 或 amount-format 报告）；
    只写了实施期总额、没有年度资金的表格，总额就是项目唯一的金额，不比较。

    为什么有问题
    ------------
    实施期总额是项目各年度资金之和，一年的资金不可能多于它。多出来的，通常是两栏填反了、
    单位写错（万元与元），或者总投资是上一版申报的数字没有更新。审核人无法判断哪一个数是对的。

    示例
    ----
    错误：

        项目总投资（万元） | 800.00 | 本年安排（万元） | 1,200.00

    正确：

        项目总投资（万元） | 3,600.00 | 本年安排（万元） | 1,200.00

    选项
    ----
    无。
    """,
)
def annual_exceeds_term_total(ctx: Context, project: Project) -> Iterator[Problem]:
    """A project's amount for the year is more than its total over the whole term.

    What it does
    ------------
    Besides the year's amount (本年安排, 年度资金总额, 预算数), the national
    template's forms and lists often state the project's amount over its
    whole term (项目总投资, 计划总投资, 中期资金总额, 实施期资金总额). When
    both are numbers, reports the year's amount, at its cell, when it is
    more than the term's. Both are rounded to the cent in the unit the
    table prints them in (0.01 万元, or 0.01 元 in a table in 元) before
    they are compared: amounts equal after rounding are not reported, nor
    is a year's amount equal to the term's (a project of one year). A
    term's total left blank, not a number (``待补充``) or negative is not
    compared (a year's amount that is no number or negative is
    ``placeholder``'s or ``amount-format``'s finding); a table
    stating the term's amount alone has it as the project's only amount,
    with nothing to compare.

    Why is this bad?
    ----------------
    The term's total is the sum of the project's years: no year can be
    given more than it. A year's amount above it is two cells swapped, a
    unit mistaken (万元 for 元), or a total left from an earlier draft; a
    reviewer cannot tell which figure is right.

    Example
    -------
    Bad::

        项目总投资（万元） | 800.00 | 本年安排（万元） | 1,200.00

    Good::

        项目总投资（万元） | 3,600.00 | 本年安排（万元） | 1,200.00

    Options
    -------
    None.
    """
    term = project.term_total
    annual = project.amounts.total
    if term is None or annual is None:
        return
    term_value, annual_value = amount_value(term), amount_value(annual)
    if term_value is None or annual_value is None:
        return
    term_printed, annual_printed = _printed(term, term_value), _printed(annual, annual_value)
    if _in_wan(annual, annual_printed) <= _in_wan(term, term_printed):
        return
    difference = _in_wan(annual, annual_printed) - _in_wan(term, term_printed)
    if annual.unit == "元":
        difference = difference.scaleb(_YUAN_PER_WAN)
    yield Problem(
        annual.text.span(),
        args={
            "annual": _written(annual),
            "total": _written(term),
            "difference": f"{difference:,.2f}",
            "unit": annual.unit,
        },
        field="amount.total",
        excerpt=annual.text.value,
    )
