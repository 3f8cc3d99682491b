"""A unit that means nothing for the indicator: ``implausible-unit``."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    COUNTED_FAMILIES,
    Key,
    NameKind,
    field_name,
    name_kind,
    per_n,
    sub_span,
    target_unit,
    unit_family,
    where,
)
from audit.model import Clause, Target

_BANNED: Key[frozenset[str]] = Key("implausible-unit.banned")
"""Every unit family some kind of name bans (the ``implausible`` option)."""

_ASKS: dict[str, tuple[str, str]] = {
    "state": (
        "要求达到的状态（按比例、日期或文字考核）",
        "a state to reach (met in %, by a date or in words)",
    ),
    "date": ("日期或时限", "a date or a time limit"),
    "cost": ("成本（以金额计）", "a cost (an amount of money)"),
    "rate": ("比率", "a rate"),
    "satisfaction": ("满意度", "a satisfaction level"),
}

IMPLAUSIBLE: dict[str, list[str]] = {
    "state": ["person", "money"],
    "date": ["person", "count", "money"],
    "cost": ["person", "count", "time"],
    "rate": ["person", "count", "money", "time"],
    "satisfaction": ["person", "count", "money", "time"],
}


def _aside(text: str, target: Target) -> bool:
    """Whether ``target`` stands inside brackets of ``text`` (a condition)."""
    before = text[: max(0, target.start)]
    opened = max(before.rfind("（"), before.rfind("("))
    return opened > max(before.rfind("）"), before.rfind(")"))


@rule(
    "implausible-unit",
    severity="warning",
    scope="clause",
    group="content",
    messages={
        "default": (
            "「{name}」衡量的是{asks_zh}，{keyword}「{text}」的单位「{unit}」对它没有意义",
            "“{name}” measures {asks_en}; the unit “{unit}” of the {field} “{text}” "
            "means nothing for it",
        ),
    },
    options={
        "implausible": Option(
            "dict",
            IMPLAUSIBLE,
            "for each kind of indicator name (state, date, cost, rate, satisfaction), the "
            "unit families that make no sense for it (percent, person, count, money, time, "
            "other)",
            values=["percent", "person", "count", "money", "time", "other"],
            keys=tuple(_ASKS),
        ),
    },
    doc_zh="""
    单位对指标名称没有意义（「补贴按时发放 ≥1人/年」）。

    检查内容
    --------
    按指标名称判断它衡量什么，再看每个目标的单位是否说得通（单位归类见 rules/vocabulary.yaml）：

    - 状态（「按时发放」「宣传到位」「使用合规」，state_names）：按比例、日期或文字考核，不能以人
      （人、人次、户……）或金额计；「≥1人/年」「≥1次/人」的「按次/人」也报告。真实的人数
      （「就业困难人员帮扶到位 ≥300人」）是状态所及的对象：人数只在按某单位计（「人/年」）或
      不超过 1 时报告；
    - 日期或时限（「完成时间」「截止日期」，date_names）：不能以人、数量或金额计；
    - 成本（名称是「成本」「费用」「单价」，或属于以金额计的成本指标类：14-成本指标、41-经济成本
      指标）：以金额计，不能是人数、件数或天数。42-社会成本指标、43-生态环境成本指标是项目对社会和
      环境的负面影响（财预〔2021〕101号），以自身的单位计（投诉宗数、停水小时、扰民天数、分贝），
      不是金额，不按成本判断（名称是成本的除外；这两类在 rules/taxonomy.yaml 的 burdens 中）；
    - 比率、满意度：不能是人数、数量、金额或天数；与百分比写在一起的时长是条件（「响应时间30分钟
      以内比例≥95%」），百分比旁括号里的数量或人数也是条件（「≥90%（抽样不少于100人）」），不报告；
      每若干单位的率（「≤10例/10万」「≤1.2人/万车」）是比率，不报告。

    比率或满意度的（第一个）目标以数量或金额计时由 value-type-mismatch 报告，本规则不重复；
    已由 placeholder、value-restates-name、value-type-mismatch、not-quantified 报告的值也
    不再检查。一个值有多个目标时逐个判断。

    为什么有问题
    ------------
    「按时发放 ≥1人/年」什么也没衡量：发放是否按时，要么是按时发放的比例（100%），要么是截止
    日期。这样的单位通常是模板里的单位栏随手填的，目标无法考核。

    示例
    ----
    错误：

        1、1-产出指标；13-时效指标；补贴按时发放；实施周期指标值:≥1人/年；年度指标值:≥1人/年。

    正确：

        1、1-产出指标；13-时效指标；补贴按时发放率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    implausible：每类指标名称（state、date、cost、rate、satisfaction）没有意义的单位类别
    （percent、person、count、money、time、other）列表。
    """,
)
def implausible_unit(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A unit that means nothing for what the indicator names (``≥1人/年`` for 按时发放).

    What it does
    ------------
    Reads what the indicator's name measures, then whether the unit of each
    target makes sense for it (units are grouped in
    ``rules/vocabulary.yaml``):

    - a state reached (``按时发放``, ``宣传到位``, ``使用合规``:
      ``state_names``) is met in %, by a date or in words, never counted in
      people (人, 人次, 户 …) or money; ``≥1人/年`` and ``≥1次/人`` are
      reported. A real number of people (``就业困难人员帮扶到位 ≥300人``) is
      whom the state is reached for: people are reported for a state only
      per something (``人/年``) or as a number of at most 1;
    - a date or a time limit (``完成时间``, ``截止日期``: ``date_names``) is
      not counted in people, things or money;
    - a cost (a name with ``成本``, ``费用``, ``单价``, or a cost category of
      money: ``14-成本指标``, ``41-经济成本指标``) is money, not people,
      things or days. ``42-社会成本指标`` and ``43-生态环境成本指标`` are the
      project's negative effects on society and on the environment
      (财预〔2021〕101号), measured in their own units (complaints, hours
      without water, days of disruption, decibels): they are not judged as
      money unless the name says 成本 (the taxonomy's ``burdens``);
    - a rate or a satisfaction level is not people, things, money or days;
      a time written beside a percentage is its condition
      (``响应时间30分钟以内比例≥95%``), and so is a count or a number of
      people in brackets beside it (``≥90%（抽样不少于100人）``): neither is
      reported; a rate per a number of things (``≤10例/10万``,
      ``≤1.2人/万车``) is a rate and is not reported either.

    A rate or satisfaction level whose (first) target is a count or money is
    ``value-type-mismatch``'s finding and is not reported again; values that
    ``placeholder``, ``value-restates-name``, ``value-type-mismatch`` or
    ``not-quantified`` report are not judged. Each target of a value of
    several targets is judged, except a count beside the date a name asks
    for (``支付时间 分2期支付，2025年12月31日前付清``).

    Why is this bad?
    ----------------
    ``补贴按时发放 ≥1人/年`` measures nothing: whether payment is on time is a
    share paid on time (100%) or a deadline. Such a unit is usually the
    template's unit column filled in at random, and the target cannot be
    assessed.

    Example
    -------
    Bad::

        1、1-产出指标；13-时效指标；补贴按时发放；实施周期指标值:≥1人/年；年度指标值:≥1人/年。

    Good::

        1、1-产出指标；13-时效指标；补贴按时发放率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    ``implausible`` (mapping): for each kind of indicator name (``state``,
    ``date``, ``cost``, ``rate``, ``satisfaction``), the unit families that
    make no sense for it (``percent``, ``person``, ``count``, ``money``,
    ``time``, ``other``).
    """
    implausible = ctx.options["implausible"]
    suspect = ctx.memo.get(
        _BANNED, lambda: frozenset(family for listed in implausible.values() for family in listed)
    )
    if not _has_unit_of(clause, suspect):
        return
    facts = ctx.facts
    kind: NameKind | None = name_kind(facts, clause)
    if kind is None:
        return
    banned: list[str] = implausible.get(kind, [])
    if not banned:
        return
    for value_field, both in facts.distinct_fields(clause):
        if facts.value(clause, value_field).owner is not None:
            continue
        targets = value_field.value.targets
        families = [unit_family(target_unit(target)[0]) for target in targets]
        # ``响应时间30分钟以内比例≥95%``: beside a percentage a time is its
        # condition, and so is a count or a number of people put aside in
        # brackets (``≥90%（抽样不少于100人）``).
        conditioned = kind in ("rate", "satisfaction", "state") and "percent" in families
        # ``分2期支付，2025年12月31日前付清``: beside the date a date asks for,
        # a count is how the date is met.
        dated = kind == "date" and any(t.kind in _DATED for t in targets)
        for target, family in zip(targets, families, strict=True):
            if target.number is None or per_n(value_field.value, target):
                continue  # a rate per a number of things (≤1.2人/万车) is a rate
            unit, per = target_unit(target)
            if family == "count" and unit_family(per) == "person":
                family = "person"  # 次/人: a count per person
            if family is None or family not in banned:
                continue
            if conditioned and family == "time":
                continue
            if dated and family in COUNTED_FAMILIES:
                continue
            if conditioned and family in COUNTED_FAMILIES and _aside(value_field.text, target):
                continue  # ``≥90%（抽样不少于100人）``: the sample a rate is taken on
            if (
                kind == "state"
                and family == "person"
                and per is None
                and (target.number is None or target.number > 1)
            ):
                continue  # ``帮扶到位 ≥300人``: the people the state is reached for
            shown = f"{unit}/{per}" if per else unit
            args = {
                **where(value_field, both),
                "name": clause.name,
                "text": value_field.text,
                "unit": shown,
                "asks_zh": _ASKS[kind][0],
                "asks_en": _ASKS[kind][1],
            }
            yield Problem(
                sub_span(value_field.span, target.start, target.end),
                args=args,
                field=field_name(value_field),
                excerpt=target.text,
            )


_DATED = frozenset({"date", "date-range", "time"})


def _has_unit_of(clause: Clause, families: frozenset[str]) -> bool:
    """Whether a number of ``clause`` is in a unit of one of ``families`` (a
    count per person as a person): the clauses the rule looks at further."""
    for value_field in clause.fields:
        for target in value_field.value.targets:
            if target.number is None or target.unit is None:
                continue
            unit, per = target_unit(target)
            family = unit_family(unit)
            if family == "count" and unit_family(per) == "person":
                family = "person"
            if family in families:
                return True
    return False
