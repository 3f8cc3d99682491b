"""A target of zero where zero means nothing: ``zero-target``."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.facts import (
    LEVEL1_KINDS,
    field_name,
    is_adverse,
    is_burden,
    name_kind,
    sub_span,
    target_unit,
    unit_family,
    where,
)
from audit.model import Clause

_SCORES = frozenset({"分", "级", "星", "倍"})
"""Units of a score or a grade, not of an amount produced."""


@rule(
    "zero-target",
    severity="warning",
    scope="clause",
    group="content",
    messages={
        "cost": (
            "{keyword}「{text}」以0为成本：成本不会是零（常见于按万元取整后），应填写实际成本",
            "a cost of zero in the {field} “{text}”: a cost is never nothing (often a cost "
            "rounded to 万元); give the actual cost",
        ),
        "output": (
            "「{name}」是产出数量，{keyword}「{text}」以0为目标：零产出不是目标",
            "“{name}” is an output count: zero in the {field} “{text}” is no target",
        ),
        "satisfaction": (
            "「{name}」是满意度，{keyword}「{text}」以0为目标：满意度目标不会是零",
            "“{name}” is a satisfaction level: zero in the {field} “{text}” promises nothing",
        ),
        "floor": (
            "{keyword}「{text}」以0为下限：任何结果都能达标，不是目标",
            "the {field} “{text}” sets a floor of zero: any result meets it, so it is no target",
        ),
    },
    doc_zh="""
    目标值为 0，而 0 对该指标没有意义（「人均培训成本 =0万元/人」）。

    检查内容
    --------
    报告数值为 0 的目标：

    - 成本：成本指标（名称是成本、费用、单价，或属于成本指标类）的 0，没有单位或单位是金额
      （「0元」「≤0万元」「=0万元/人」）。社会成本、生态环境成本指标是项目承诺不造成的负担
      （「增加群众经济负担 0元」），不报告；不是成本的金额为 0（「培训收费标准 0元」是免费服务）
      也不报告；
    - 产出数量：数量指标（或产出指标）中以人、次、个……计、或名称是数量的 0，以及以
      公里、平方米等计量的 0（「0公里」「0万平方米」）；
    - 满意度：满意度为 0（「出国人员满意率；…:0」）；
    - 下限为 0：数量、金额写「≥0人」「不少于0人」「≥0万元」，任何结果都能达标（不希望发生的
      事件除外，其方向由 comparator-direction 判断；「增长率≥0%」是不下降，是目标）。

    不希望发生的事件（事故、投诉、差错、失误、遗失、泄露、违规、故障、退学、超支……，见
    rules/vocabulary.yaml 的 adverse_names）目标为 0 是正当的，不报告：「安全事故发生次数 0次」
    「有效投诉 0件」「差错率 0%」「事故发生率 =0%」。比率为 0% 也不报告。名称的中心词是针对这些
    事件所做工作的次数的（「安全事故应急演练次数」「隐患排查次数」），或以处理它的动词开头的
    （「调解矛盾纠纷」「抢修供水管网故障」）是产出，0 次仍报告；动词被否定的
    （「未按期办结投诉件数」）仍是不希望发生的事件。
    已由 garbled-text（「≥?00人」丢了一位数字）、
    placeholder（「0000」「≥0000人」是代替数字的一串 0）、
    value-restates-name、value-type-mismatch、not-quantified 报告的值不再检查。

    为什么有问题
    ------------
    成本不会是零：「=0万元/人」多半是几百元的单位成本按万元取整成了 0，读者看不出真实成本。
    产出为零、满意度为零的目标什么也没承诺，通常是填错了格。

    示例
    ----
    错误：

        1、4-成本指标；41-经济成本指标；人均培训成本；实施周期指标值:=0万元/人；年度指标值:=0万元/人。

    正确：

        1、4-成本指标；41-经济成本指标；人均培训成本；实施周期指标值:≤800元/人；年度指标值:≤800元/人。

    选项
    ----
    无（不希望发生的事件的词语在 rules/vocabulary.yaml 的 adverse_names 中）。
    """,
)
def zero_target(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A target of zero where zero means nothing (``人均培训成本 =0万元/人``).

    What it does
    ------------
    Reports targets whose number is 0:

    - a cost: zero without a unit or in money (``0元``, ``≤0万元``,
      ``=0万元/人``) for a cost indicator (a name of a cost: 成本, 费用,
      单价, or a clause of a cost category). A social or environmental cost
      (社会成本指标, 生态环境成本指标: ``增加群众经济负担 0元``) is a burden
      the project promises not to cause, and money that is no cost
      (``培训收费标准 0元``, a free service) may well be zero: neither is
      reported;
    - an output count: 0 people, times, items … (or a count name) in a
      quantity or output indicator, and 0 of a measure (``0公里``,
      ``0万平方米``) in one;
    - a satisfaction level of zero (``出国人员满意率；…:0``);
    - a floor of zero on a count or an amount (``≥0人``, ``不少于0人``,
      ``≥0万元``): any result meets it (not on an unwanted event, whose
      direction is ``comparator-direction``'s; ``增长率≥0%``, no fall, is a
      target).

    Zero is the target itself for events a table wants none of (accidents,
    complaints, errors, losses, leaks, violations, failures, dropouts,
    overspending …: ``adverse_names`` in ``rules/vocabulary.yaml``), so
    ``安全事故发生次数 0次``, ``有效投诉 0件``, ``差错率 0%`` and
    ``事故发生率 =0%`` are not reported, nor is any rate of 0%. A name whose
    head is a count of what is done against such an event
    (``安全事故应急演练次数``, ``隐患排查次数``), or that starts with the verb
    that handles it (``调解矛盾纠纷``, ``抢修供水管网故障``), is an output: zero of
    it is still reported; a handling negated (``未按期办结投诉件数``) is the
    unwanted event again. Values that ``garbled-text`` (``≥?00人``, a digit
    lost), ``placeholder`` (``0000``, ``≥0000人``: a run of zeros standing for
    the number), ``value-restates-name``, ``value-type-mismatch`` or
    ``not-quantified`` report are not judged.

    Why is this bad?
    ----------------
    A cost is never nothing: ``=0万元/人`` is usually a unit cost of a few
    hundred 元 rounded to 万元, and the reader cannot see the real cost. A
    target of no output or of nobody satisfied promises nothing; it is
    usually a value typed into the wrong cell.

    Example
    -------
    Bad::

        1、4-成本指标；41-经济成本指标；人均培训成本；实施周期指标值:=0万元/人；年度指标值:=0万元/人。

    Good::

        1、4-成本指标；41-经济成本指标；人均培训成本；实施周期指标值:≤800元/人；年度指标值:≤800元/人。

    Options
    -------
    None (the words of unwanted events are ``adverse_names`` in
    ``rules/vocabulary.yaml``).
    """
    if not _has_zero(clause):
        return
    facts = ctx.facts
    kind = name_kind(facts, clause)
    category = facts.category_kind(clause, LEVEL1_KINDS)
    # a social or environmental cost (增加群众经济负担 0元) is a burden the
    # project promises not to cause: zero is its target
    burden = is_burden(facts, clause)
    for value_field, both in facts.distinct_fields(clause):
        if facts.value(clause, value_field).owner is not None:
            continue
        if is_adverse(clause, value_field.text):
            continue
        for target in value_field.value.targets:
            if target.number != 0 or (target.upper is not None and target.upper != 0):
                continue
            unit, _per = target_unit(target)
            family = unit_family(unit)
            key: str | None = None
            if (
                target.comparator == ">="
                and target.upper is None
                and target.change is None
                and family != "percent"
            ):
                key = "floor"  # ≥0人: met by anything (增长率≥0%, no fall, is a target)
            elif kind == "cost" and not burden and family in (None, "money"):
                key = "cost"
            elif kind == "satisfaction":
                key = "satisfaction"
            elif (
                category in ("quantity", "output")
                and kind not in ("rate", "unitless", "date", "state")
                and (
                    family in ("person", "count", "money")
                    or (family is None and kind == "count")
                    # 0公里, 0万平方米 under 数量指标: a measured output, none
                    or (
                        family == "other"
                        and category in ("quantity", "output")
                        and unit not in _SCORES
                    )
                )
            ):  # 发放创业补贴资金 0万元 under 数量指标: an output of money, none
                key = "output"
            if key is None:
                continue
            args = {**where(value_field, both), "name": clause.name, "text": value_field.text}
            yield Problem(
                sub_span(value_field.span, target.start, target.end),
                key,
                args,
                field=field_name(value_field),
                excerpt=target.text,
            )


def _has_zero(clause: Clause) -> bool:
    """Whether any target of ``clause`` is zero: the few clauses the rule
    looks at further."""
    for value_field in clause.fields:
        for target in value_field.value.targets:
            if target.number is not None and target.number == 0:
                return True
    return False
