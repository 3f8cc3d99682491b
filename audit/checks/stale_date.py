"""A target dated before the table's budget year: ``stale-date``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.facts import (
    distinct_fields,
    done_date,
    field_name,
    other_field,
    spans_years,
    target_days,
    term_start,
    where,
)
from audit.model import ANNUAL, Clause, Target, Value, ValueField

_REFERENCE_BEFORE = re.compile(r"(?:截至|截止到|自|从|基于|参照)\s*$")
"""Words before a date that make it no target: an as-of date, a start
(``截至2023年底``, ``自2023年起``). A year compared with (``较2023年提高``) is no
date target of the value at all (:mod:`audit.values`)."""
_START_AFTER = re.compile(r"^\s*(?:以来|起|开始|后|之后|以后)")
"""Words after a date that make it a start (``2023年以来``, ``2023年起``)."""


@rule(
    "stale-date",
    severity="warning",
    scope="clause",
    group="periods",
    messages={
        "default": (
            "{keyword}「{text}」的日期「{date}」早于预算年度{year}年：本年度的目标不会早于本年度，"
            "疑为照抄往年的表格，应改为本年度的日期",
            "the {field} “{text}” is dated {date}, before the budget year {year}: a target of "
            "this year cannot fall before it (likely copied from last year's table); date it "
            "this year",
        ),
        "term": (
            "{keyword}「{text}」的日期「{date}」早于项目期的起始年份{start}年：目标不会早于项目开始，"
            "疑为照抄往年的表格，应改为项目期内的日期",
            "the {field} “{text}” is dated {date}, before the project's term begins in {start}: "
            "no target falls before the project starts (likely copied from an earlier table); "
            "date it within the term",
        ),
    },
    doc_zh="""
    指标值的日期早于表格的预算年度（「2025年项目支出绩效目标表」中的「2024年12月底前」）。

    检查内容
    --------
    预算年度取自表格标题中的年份（「广州市某局2025年项目支出绩效目标表」「2025年项目支出绩效
    目标申报表」；一个文件中各张表有自己的标题时，取本单位那张表的）；标题没有年份的不检查。
    报告年度指标值中的日期、时限或期间（「2024年12月底前」「2023年底前完成」「2023.03-2023.11」）
    全部落在预算年度之前的；单年度项目（没有写明跨年度）的实施周期指标值也是。跨年度项目
    （项目期或名称、目标中写明几个年份，如 2023-2025年）的实施周期指标值可以包含项目期内往年的
    节点，只报告早于项目期起始年份的日期（「2023-2025年」项目的「2022年底前」）；实施周期指标值与
    年度指标值写法相同而日期在项目期内的，只报告年度指标值。项目期没有写明年份（「三年」）的，
    实施周期指标值不检查。不是目标的日期不报告：比较的基准（「较2023年提高5%」「不高于2024年水平」）、
    起点（「自2023年起」「2023年以来」「2023年后」）、截至某日的说明（「截至2023年底」）、
    说明已经做完的现状（「已于2023年完成」「2023年已建成」），
    其他词语所说的年份（「巩固2024年创建成果」）、书名中的年份（「执行《2024年版目录》」），
    以及早于预算年度五年以上的日期（「1960年12月31日前出生」：是一群人，不是照抄的时限）。

    为什么有问题
    ------------
    本年度的目标不可能在本年度开始之前完成：这样的日期几乎总是从上一年的表格照抄过来、忘了改
    年份，审核时最容易漏看。

    示例
    ----
    错误（2025年的表格）：

        1、1-产出指标；13-时效指标；补贴发放完成时间；实施周期指标值:2024年底前；年度指标值:2024年底前。

    正确：

        1、1-产出指标；13-时效指标；补贴发放完成时间；实施周期指标值:2025年底前；年度指标值:2025年底前。

    选项
    ----
    无。
    """,
)
def stale_date(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A target dated before the table's budget year.

    What it does
    ------------
    Reads the budget year from the table's title (``广州市某局2025年项目支出
    绩效目标表``, ``2025年项目支出绩效目标申报表``; the title of the unit's own
    table where a file's tables have titles of their own; a title without a
    year is not checked) and reports a date, a deadline or a period in an annual value
    (``2024年12月底前``, ``2023年底前完成``, ``2023.03-2023.11``) that lies
    wholly before that year; in a period value too when the project states no
    span of years. A multi-year project's period value (项目期, or years in
    its name or goal: ``2023-2025年``) may hold a milestone of its term
    before this year: only a date before the term begins is reported
    (``2022年底前`` in a 2023-2025 project), and where the period and annual
    values are written alike with a date within the term, the annual value
    alone; a term that names no year (``三年``) leaves the period value
    unchecked. A date that is no target is not reported: a reference
    (``较2023年提高5%``, ``不高于2024年水平``), a start (``自2023年起``,
    ``2023年以来``, ``2023年后``), an as-of date (``截至2023年底``), a status of
    what was done (``已于2023年完成``, ``2023年已建成``), a year
    other words speak of (``巩固2024年创建成果``), one in a title
    (``执行《2024年版目录》``), and a date more than five years before the
    budget year (``1960年12月31日前出生``: a cohort, no copied deadline).

    Why is this bad?
    ----------------
    This year's target cannot be met before this year begins: such a date is
    almost always copied from last year's table with its year left as it was,
    and a reviewer easily reads past it.

    Example
    -------
    Bad (a 2025 table)::

        1、1-产出指标；13-时效指标；补贴发放完成时间；实施周期指标值:2024年底前；年度指标值:2024年底前。

    Good::

        1、1-产出指标；13-时效指标；补贴发放完成时间；实施周期指标值:2025年底前；年度指标值:2025年底前。

    Options
    -------
    None.
    """
    year = ctx.budget_year
    if year is None:
        return
    project = ctx.project
    several = project is not None and spans_years(project)
    # A multi-year project's period value may name a date of its term before
    # this year (the milestone met in its first year); one before the term
    # begins is stale all the same. Without a first year named, none is.
    start = term_start(project) if several and project is not None else None
    for value_field, both in distinct_fields(clause):
        key = "default"
        target = _stale(value_field, year, year)
        if several and value_field.keyword != ANNUAL and target is not None:
            early = _stale(value_field, year, min(start, year)) if start is not None else None
            if early is not None:
                target, key = early, "term"
            elif both:  # the annual value, written alike, is this year's: stale alone
                value_field, both = other_field(clause, value_field) or value_field, False
            else:
                continue
        if target is None:
            continue
        args = {
            **where(value_field, both),
            "text": value_field.text,
            "date": target.text,
            "year": year,
        }
        if key == "term":
            args["start"] = start
        yield Problem(
            value_field.span, key, args, field=field_name(value_field), excerpt=value_field.text
        )


def _stale(value_field: ValueField, year: int, before: int) -> Target | None:
    """The first target of a value that is a date or a period lying wholly
    before the year ``before`` (and at most five years before the budget
    ``year``), and that is a target (no reference, start, as-of or status)."""
    value = value_field.value
    for target in value.targets:
        if target.kind not in ("date", "date-range") or target.comparator in (">=", ">"):
            continue
        if (
            _REFERENCE_BEFORE.search(value.text[: target.start])
            or _START_AFTER.match(value.text[target.end :])
            or done_date(value, target)  # 2023年已建成: a status, no deadline copied
        ):
            continue
        if target.comparator is None and (value.kind != "date" or _before(value, target)):
            # a date beside a number (2023年完成100%) or after other words (巩固2024年
            # 创建成果, 不高于2024年水平): what it dates is no deadline of the project
            continue
        days = target_days(target)
        if days is not None and (year - _RECENT_YEARS, 1, 1) <= days[1] < (before, 1, 1):
            return target
    return None


_RECENT_YEARS = 5
"""How many years before the budget year a copied date lies: a table is copied
from last year's or the year before; a date further back (1960年12月31日前出生,
a cohort) is a reference."""


def _before(value: Value, target: Target) -> bool:
    """Whether words stand before a date target in its value."""
    return bool(value.text[: target.start].strip(" \t≥≤=＝<>＜＞：:"))
