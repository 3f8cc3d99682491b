"""A spreadsheet date serial where a date belongs: ``date-serial``."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import MAX_SERIAL, date_serials, field_name, sub_span, where
from audit.model import Clause


@rule(
    "date-serial",
    severity="error",
    scope="clause",
    group="content",
    messages={
        "default": (
            "{keyword}「{text}」是 Excel 日期序列号（{day}），不是日期：应写成日期",
            "a spreadsheet date serial ({day}) in the {field} “{text}”, not a date: write the date",
        ),
        "part": (
            "{keyword}「{text}」中的「{number}」是 Excel 日期序列号（{day}），不是日期：应写成日期",
            "{number} in the {field} “{text}” is a spreadsheet date serial ({day}), not a date: "
            "write the date",
        ),
    },
    options={
        "earliest": Option(
            "int",
            36526,
            "the smallest serial read as a date (36526 is 2000-01-01)",
            min=0,
            max=MAX_SERIAL,
        ),
        "latest": Option(
            "int",
            47848,
            "the largest serial read as a date (47848 is 2030-12-31)",
            min=0,
            max=MAX_SERIAL,
        ),
    },
    doc_zh="""
    应填日期处是 Excel 日期序列号（「44,561」即 2021-12-31）。

    检查内容
    --------
    报告应填日期的指标值中没有单位的整数，且落在日期序列号的范围内（默认 36526 至 47848，即
    2000-01-01 至 2030-12-31）。「应填日期」指：时效指标；名称要求日期或时限（「完成时间」
    「截止日期」「时限」）；数字后接「前」（「45292前」）；或同一指标的另一个值是日期。消息给出
    序列号代表的日期。

    带单位的数（「45000份」「44,561人」「45000元」）、时效以外的普通数量、写出来的日期和期间
    （「2024年12月31日前」「2023.07-2024.01」）都不报告。计数的名称（「全年服务人次」）、「≥」
    之后的数（期限不会是「至少」）、另一个值带单位而本值丢了单位的（「≤40000」对「≤40000秒」），
    以及与表头年份（「2025年项目支出绩效目标表」）相差十年以上的日期，也不报告。

    为什么有问题
    ------------
    表格从 Excel 复制时，日期单元格如果按「常规」格式粘贴，就变成了从 1899-12-30 起算的天数。
    「44,561」看上去是个数量，实际是 2021 年 12 月 31 日：读者看不出期限，也无法考核。

    示例
    ----
    错误：

        1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值:45626；年度指标值:45626。

    正确：

        1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值:2024年11月30日前；年度指标值:2024年11月30日前。

    选项
    ----
    earliest：读作日期的最小序列号（整数），默认 36526（2000-01-01）。
    latest：读作日期的最大序列号（整数），默认 47848（2030-12-31）。
    """,
)
def date_serial(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A spreadsheet date serial where a date belongs (``44,561`` is 2021-12-31).

    What it does
    ------------
    Reports a whole number without a unit, within the range of date serials
    (36526 to 47848 by default: 2000-01-01 to 2030-12-31), in a value that
    should be a date: a timeliness indicator, a name that asks for a date or
    a time limit (``完成时间``, ``截止日期``, ``时限``), a number followed by
    ``前`` (``45292前``), or a clause whose other value is a date. The message
    gives the day the serial stands for.

    Numbers with a unit (``45000份``, ``44,561人``, ``45000元``), ordinary
    counts outside timeliness, and written dates and periods
    (``2024年12月31日前``, ``2023.07-2024.01``) are not reported; nor are
    numbers in a name that counts (``全年服务人次``), after ``≥`` (a
    deadline is never "at least"), that lost the unit the other value has
    (``≤40000`` against ``≤40000秒``), or whose day is more than ten years
    from the year in the table's title.

    Why is this bad?
    ----------------
    A date cell copied out of a spreadsheet with the "general" format
    becomes the number of days since 1899-12-30. ``44,561`` reads like a
    count but is 31 December 2021: the reader cannot see the deadline and
    nobody can assess it.

    Example
    -------
    Bad::

        1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值:45626；年度指标值:45626。

    Good::

        1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值:2024年11月30日前；年度指标值:2024年11月30日前。

    Options
    -------
    ``earliest`` (integer, default 36526, i.e. 2000-01-01) and ``latest``
    (integer, default 47848, i.e. 2030-12-31): the serials read as dates.
    """
    if not _has_bare_number(clause):
        return
    facts = ctx.facts
    for value_field, both in facts.distinct_fields(clause):
        if facts.value(clause, value_field).owner is not None:
            continue
        for serial in date_serials(facts, ctx.config, clause, value_field):
            target = serial.target
            args = {
                **where(value_field, both),
                "text": value_field.text,
                "number": target.text.strip(),
                "day": serial.day.isoformat(),
            }
            whole = target.text.strip() == value_field.text.strip()
            yield Problem(
                sub_span(value_field.span, target.start, target.end),
                "default" if whole else "part",
                args,
                field=field_name(value_field),
                excerpt=target.text,
            )


def _has_bare_number(clause: Clause) -> bool:
    """Whether any target of ``clause`` is a number without a unit: the few
    clauses the rule looks at further."""
    for value_field in clause.fields:
        for target in value_field.value.targets:
            if target.unit is None and target.number is not None and target.kind == "number":
                return True
    return False
