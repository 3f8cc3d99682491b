"""The ``empty-value`` rule, of the ``content`` group: a value keyword with
nothing after it (``实施周期指标值:；``), or only the template's comparator and
unit with the number never typed (``不低于  %``).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.facts import field_name, where
from audit.model import Clause


@rule(
    "empty-value",
    group="content",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "{keyword}没有填写指标值",
            "nothing is written in the {field}",
        ),
        "dash": (
            "{keyword}只有「{text}」，没有指标值",
            "only “{text}” is written in the {field}: the value is missing",
        ),
    },
    doc_zh="""
    指标值关键词后没有内容（实施周期指标值:；）。

    检查内容
    --------
    报告值为空或只有标点（「/」「-」「——」）的「实施周期指标值」或「年度指标值」，位置在关键词上。
    只留下模板的比较符和单位、没有填数字的值也是空的：比较符（「≥」「不低于」「不少于」「控制在」
    「提高」）、空白和单位，前面可有几个字，后面可有「以内」「以上」，没有数字（「不低于  %」「≥场」
    「全年完成不少于  场」「控制在   万元以内」；清单的单位在计量单位栏时，只有「不少于」也是）。
    比较符后写的是文字的（「不低于上年」「≥上年水平」「不少于规定场次」）不是空值，由其他规则判断。
    完全没写关键词的，由结构类规则报告；草稿留下的占位符（「……」）由 placeholder 报告。

    为什么有问题
    ------------
    条款写了要给目标却没有给：这条指标无法考核。

    示例
    ----
    错误：

        1、1-产出指标；11-数量指标；培训人次；实施周期指标值:；年度指标值:≥200人次。

    正确：

        1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。

    选项
    ----
    无。
    """,
)
def empty_value(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A value keyword with nothing after it (``实施周期指标值:；``).

    What it does
    ------------
    Reports a ``实施周期指标值`` or ``年度指标值`` whose value is empty or only
    punctuation (``/``, ``-``, ``——``). The finding points at the keyword.
    A value that keeps only the template's comparator and unit, the number
    never typed, is empty too: a comparator (``≥``, ``不低于``, ``不少于``,
    ``控制在``, ``提高``), blanks and a unit, perhaps a few words before it
    and ``以内`` or ``以上`` after it, and no digit (``不低于  %``, ``≥场``,
    ``全年完成不少于  场``, ``控制在   万元以内``; where a list's 计量单位
    column holds the unit, ``不少于`` alone). A comparator before words
    (``不低于上年``, ``≥上年水平``, ``不少于规定场次``) is no empty value:
    other rules judge it.
    A keyword missing altogether is a structure rule's finding, and a value
    that is a placeholder left from a draft (``……``) is ``placeholder``'s.

    Why is this bad?
    ----------------
    The clause promises a target and gives none: the indicator cannot be
    assessed.

    Example
    -------
    Bad::

        1、1-产出指标；11-数量指标；培训人次；实施周期指标值:；年度指标值:≥200人次。

    Good::

        1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。

    Options
    -------
    None.
    """
    facts = ctx.facts
    for value_field, both in facts.distinct_fields(clause):
        owner = facts.value(clause, value_field).owner
        if value_field.value.kind != "empty" and owner != "empty-value":
            continue
        if owner == "placeholder":
            continue  # ``……`` left from a draft: placeholder's finding
        text = value_field.text.strip()
        args = {**where(value_field, both), "text": text}
        yield Problem(
            value_field.keyword_span,
            "dash" if text else "default",
            args,
            field=field_name(value_field),
            excerpt=value_field.keyword,
        )
