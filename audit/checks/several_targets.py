"""Several targets of different measures in one value: ``several-targets``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from audit.engine import Context, Problem, rule
from audit.facts import COUNTED_FAMILIES, field_name, unit_family, where
from audit.model import Clause, Target
from audit.values import UNITS, dimension

_SAME_PEOPLE = {"名": "人", "位": "人"}
"""Units that count the same thing (people): ``≥300人`` and ``≥300名``."""

_ONE_MEASURE_FAMILIES = frozenset({"percent", "money", "time"})
"""Families whose units measure one thing whatever the unit: 万元 and 元,
小时 and 天 are one measure written in two sizes."""

_LABEL = re.compile(
    r"([\u4e00-\u9fff]{1,12}?(?:率|度|比例|占比|比重))[\s:：为达到不低于高于≥>=＝]*$"
)
"""The name of a rate written before its number (``完成率≥95%``, ``合格率100%``,
``满意度达到90%``): two percentages under two names are two measures."""

_EXPLAINS = re.compile(r"[（(][^（）()]*$")
"""An opening bracket before a target: the target explains the one before it
(``≥90%（≥450人）``), it is not another."""


_EACH = re.compile(
    r"(?:^|[，,；;、。\s])(?:其中)?(?:平均)?(?:(?:每|单(?!位))([^\W\d_]{1,2})|([^\W\d_])均)"
    r"[^，,；;、。]*$"
)
"""A target for each of what another counts (``≥20场，每场≥50家企业参会``,
``单场≥50家``, ``场均≥50家``, ``≥300人，每人≥40学时``): its words begin with 每
or 单 and a unit of a count (not 单位, a unit of organization), or with that
unit and 均."""


def _for_each(before: str) -> bool:
    """Whether the words before a target make it one for each event or
    person another target counts (``每场≥50家企业``): a condition of that
    target, not a measure of its own. Only a count is read so (a rate or
    an amount for each, ``每场满意度≥90%``, ``每场≤2万元``, is a measure)."""
    found = _EACH.search(before)
    if found is None:
        return False
    word = found.group(1) or found.group(2)
    if unit_family(word) in COUNTED_FAMILIES:
        return True
    return len(word) == 2 and unit_family(word[0]) in COUNTED_FAMILIES


def _per_event(target: Target) -> bool:
    """Whether a target is one for each event or batch another target counts,
    written with a word the value grammar reads as a frequency (``每期≥50人``,
    ``每期培训合格率≥95%``, ``50人/期``): per a count, not per a period of time
    (``每月≥2次`` is a frequency, no measure here)."""
    return (
        target.kind == "frequency"
        and target.number is not None
        and unit_family(target.per) in COUNTED_FAMILIES
    )


_RUNS_ON = re.compile(r"[\u4e00-\u9fff](?<![以及和或并且内前后])|以(?![上下内])")
"""A Chinese letter right after a number's unit that carries the word on
(工业4.0项目, 对10所技工院校): the number is part of the prose, not a target;
``≥300人以上``, ``10人及以上``, ``5天内`` end the target."""


def _measure(value_text: str, target: Target, previous_end: int) -> tuple[str, str] | None:
    """What a number target measures, as a key two targets of one measure
    share; None for a target that adds no measure of its own (no unit, a
    change from a reference, an explanation in brackets, a number inside a
    word of the prose)."""
    if target.unit is None or target.change is not None:
        return None
    each = _per_event(target)
    if target.kind != "number" and not each:
        return None
    before = value_text[previous_end : target.start]
    # A comparator before the number makes it a target whatever noun follows
    # its unit (≥500家企业, 不少于1万个岗位).
    compared = not target.text.lstrip()[:1].isdigit()
    if _EXPLAINS.search(before) or (not compared and _RUNS_ON.match(value_text, target.end)):
        return None
    family = unit_family(target.unit) or "other"
    if family in COUNTED_FAMILIES and (each or _for_each(before)):
        return None  # ≥20场，每场≥50家企业, ≥10期（每期≥50人）: how large each of them is
    label = _LABEL.search(before)
    name = label.group(1) if label else ""
    if family in _ONE_MEASURE_FAMILIES:
        return family, name
    if each:  # ≥10期，每期≤2万元: an amount per event is a measure of its own
        return family, name
    unit = _SAME_PEOPLE.get(target.unit, target.unit)
    if dimension(unit) is not None and target.number is not None:
        # 公里 and 米, 亩 and 公顷: one target in two sizes where the amounts are
        # one (≥2.1公里，即≥2100米); two amounts are two targets (≥3000亩，≥2000平方米).
        found = UNITS.measure(unit)
        assert found is not None  # a unit of a dimension converts
        unit = f"{found[0]}={Fraction(target.number) * found[1]}"
    return f"{unit}/{target.per}" if target.per else unit, name


def _distinct(measures: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The measures that differ: by unit, or, in one unit, by the rate named
    before each (``完成率≥95%，合格率100%``). An unnamed target of a unit whose
    other target is named is that measure (``≥95%，合格率≤100%`` is one)."""
    seen: list[tuple[str, str]] = []
    for unit, name in measures:
        same = [m for m in seen if m[0] == unit]
        if not same or (name and all(m[1] and m[1] != name for m in same)):
            seen.append((unit, name))
    return seen


@rule(
    "several-targets",
    severity="warning",
    scope="clause",
    group="content",
    messages={
        "default": (
            "{keyword}「{text}」写了{count}个不同计量的目标（{targets}）：一个指标值只能衡量一项，"
            "应拆成{count}条指标，各写一个目标",
            "the {field} “{text}” holds {count} targets of different measures ({targets}): one "
            "value is judged against one; split it into {count} indicators, a target each",
        ),
    },
    doc_zh="""
    一个指标值写了几个不同计量的目标，只有一个能据以评价。

    检查内容
    --------
    指标值解析出的各个目标（indicator-audit parse 所列的 targets）中，计量不同的数值目标有两个
    以上的，报告：单位不同（「≥1600台（套），完成率≥95%」是台数和比率，「≥300人次；合格率100%」
    「培训≥12期、≥600人次、满意度≥90%」「≥10场次，≥500人」），或同为百分比而前面写着不同的比率
    名称（「完成率≥95%，合格率100%」）。

    不报告的：同一计量的上下限（「≥95%，≤100%」「大于等于90%且小于100%」）；区间（「10-15人」）；
    同一计量的两种写法（金额「≤50万元」与「≤500000元」、时长「≤24小时」与「≤1天」，人与名，
    同一个量用 rules/units.yaml 的 conversions 中同一量纲的两个单位写出：长度「≥2.1公里」与
    「≥2100米」、面积「≥600亩」与「≥40公顷」；折算后数量不同的是两个目标：
    「≥3000亩，≥2000平方米」）；
    同一单位的几个数（年度与实施期写在一起：「年度≥300人，三年≥900人」）；括号中对前一个目标的
    说明（「≥90%（≥450人）」）；对前一个目标所计的每一场、每一人的要求（「≥20场，每场≥50家企业
    参会」「≥300人，每人≥40学时」「单场≥50家」「场均≥50家」「≥10期（每期≥50人）」：是这一个目标的条件；
    每场、每期的比率或金额另是一项计量，照样报告：「≥10期，每期培训合格率≥95%」）；没有单位的数（「1:1配套」）；嵌在词中的数，单位后紧接着
    词的其余部分（「满足工业4.0项目的需要」「完成1次对10所技工院校教学检查」，「5个村」也因此
    不算；数前有比较符号的仍是目标：「≥20场，≥500家企业」是两个目标）；与上年相比的增减
    （「同比增长5%，达到1200万元」）。日期和时限不算另一项计量：「≥1600台，2025年10月底前完成」
    是一个数量和它的完成时限，数量仍可评价（时限宜另设时效指标）；但与两项以上计量同写时一并列出。
    已由 placeholder、value-restates-name 等规则报告的值不再检查。

    为什么有问题
    ------------
    DOMAIN 所列的常见缺陷之一：一个值里的几个目标只有一个能评价——国家模板的指标值一栏配一个
    符号、一个数、一个单位；自评时完成了数量、没达到比率的，算不算完成说不清。财预〔2020〕10号
    （绩效指标明确性）要求每项指标有明确的目标值。

    示例
    ----
    错误：

        1、1-产出指标；11-数量指标；储备扑火机具；实施周期指标值:≥1600台，完成率≥95%；年度指标值:≥1600台，完成率≥95%。

    正确：

        1、1-产出指标；11-数量指标；储备扑火机具；实施周期指标值:≥1600台；年度指标值:≥1600台。

    选项
    ----
    无。
    """,
)
def several_targets(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """Several targets of different measures in one value, of which only one
    can be judged.

    What it does
    ------------
    Among the targets the value parser lists (``indicator-audit parse``
    shows them), reports a value with number targets of two or more
    measures: in different units (``≥1600台（套），完成率≥95%``, a count and a
    rate; ``≥300人次；合格率100%``; ``培训≥12期、≥600人次、满意度≥90%``;
    ``≥10场次，≥500人``), or percentages under two rate names
    (``完成率≥95%，合格率100%``).

    Not reported: a lower and an upper bound of one measure (``≥95%，≤100%``,
    ``大于等于90%且小于100%``); a range (``10-15人``); one measure in two
    sizes (money in 万元 and 元, a time in 小时 and 天, people as 人 and 名,
    and one amount in two units of one dimension in ``conversions`` of
    rules/units.yaml: ``≥2.1公里，即≥2100米``; two amounts, ``≥3000亩，≥2000平方米``,
    are two targets);
    several numbers in one unit (the annual and the period target written
    together: ``年度≥300人，三年≥900人``); a target in brackets explaining the
    one before it (``≥90%（≥450人）``); a target for each event or person
    another counts (``≥20场，每场≥50家企业参会``, ``≥300人，每人≥40学时``,
    ``单场≥50家``, ``场均≥50家``, ``≥10期（每期≥50人）``: a condition of that
    one target; a rate or an amount for each is a measure of its own and is
    reported: ``≥10期，每期培训合格率≥95%``); numbers
    without a unit (``1:1配套``);
    a number inside a word of the prose, its unit run on by the rest of the
    word (``满足工业4.0项目的需要``, ``完成1次对10所技工院校教学检查``, and so
    ``5个村`` too), unless a comparator stands before it (``≥20场，≥500家企业``
    are two targets);
    a change from last year (``同比增长5%，达到1200万元``). A date or a time
    limit is no measure of its own: ``≥1600台，2025年10月底前完成`` is a count
    and its deadline, and the count can be judged (the deadline belongs in a
    时效 indicator); beside two measures it is listed with them. Values that
    ``placeholder``, ``value-restates-name`` and the like report are not
    judged.

    Why is this bad?
    ----------------
    One of the defects reviewers mark: several targets in one value, of
    which only one can be judged. The national template gives a value one
    comparator, one number and one unit; at self-evaluation a project that
    met the count and missed the rate has neither met nor missed its
    target. 财预〔2020〕10号 (绩效指标明确性) asks for a clear target per
    indicator.

    Example
    -------
    Bad::

        1、1-产出指标；11-数量指标；储备扑火机具；实施周期指标值:≥1600台，完成率≥95%；年度指标值:≥1600台，完成率≥95%。

    Good::

        1、1-产出指标；11-数量指标；储备扑火机具；实施周期指标值:≥1600台；年度指标值:≥1600台。

    Options
    -------
    None.
    """
    facts = ctx.facts
    for value_field, both in facts.distinct_fields(clause):
        value = value_field.value
        if value.kind != "quantity" or len(value.targets) < 2:
            continue
        if facts.value(clause, value_field).owner is not None:
            continue
        measured: list[tuple[tuple[str, str], Target]] = []
        previous_end = 0
        for target in value.targets:
            measure = _measure(value.text, target, previous_end)
            previous_end = target.end
            if measure is not None:
                measured.append((measure, target))
        distinct = _distinct([m for m, _ in measured])
        if len(distinct) < 2:
            continue
        shown = [t.text for _, t in measured]
        shown += [t.text for t in value.targets if t.kind in ("date", "duration")]
        args = {
            **where(value_field, both),
            "text": value_field.text,
            "count": str(len(distinct)),
            "targets": "、".join(shown),
        }
        yield Problem(
            value_field.span,
            "default",
            args,
            field=field_name(value_field),
            excerpt=value_field.text,
        )
