"""The ``value-restates-name`` rule, of the ``content`` group: a value that
repeats the indicator's name, or names a measure, instead of a target.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import field_name, where
from audit.model import Clause

MEASURE_SUFFIXES: list[str] = [
    r"(?:率|(?<!年)度|性|比例|比率|比重|占比|指数|数|量|人次)$",
]


DIRECTION_WORDS: list[str] = [
    r"提高|提升|降低|减少|增加|增强|加大|加强|扩大|缩短|改善|优化|完善|健全|建立|具有|具备",
    r"保持|维持|达到|达|完成|实现|确保|保证|保障|按|依|有效|不断|持续|进一步|逐步|明显|显著",
    r"力争|争取|不低于|不高于|不少于|不超过|高于|低于|大于|小于|至少|能|促进|满足|符合|控制",
    # an assurance of quality and quantity, an idiom, not a measure's name: 保质保量, 足质足量
    r"保质|保量|足质|足量",
]


@rule(
    "value-restates-name",
    group="content",
    severity="warning",
    scope="clause",
    messages={
        "same": (
            "{keyword}「{text}」只是重复指标名称，没有目标值",
            "the {field} “{text}” only repeats the indicator's name: there is no target",
        ),
        "contains": (
            "{keyword}「{text}」只是复述指标名称「{name}」，没有可衡量的目标值",
            "the {field} “{text}” restates the indicator “{name}” without a target",
        ),
        "measure": (
            "{keyword}「{text}」是指标名称而不是目标值：应填写具体目标（如数值、比率或完成时限）",
            "the {field} “{text}” is an indicator name, not a target: "
            "write the target (a number, a rate or a date)",
        ),
        "swapped": (
            "年度指标值「{text}」是指标名称，目标值「{other}」却写在实施周期指标值中："
            "指标名称与指标值疑似填反",
            "the annual value “{text}” is an indicator name while the period value “{other}” "
            "is the target: name and value look swapped",
        ),
        "name-swapped": (
            "指标名称「{name}」是目标值，而{keyword}「{text}」是指标名称：二者疑似填反",
            "the indicator name “{name}” is a target and the {field} “{text}” a name: "
            "they look swapped",
        ),
    },
    options={
        "measure_suffixes": Option(
            "list[regex]",
            MEASURE_SUFFIXES,
            "endings of a value that names a measure (响应及时率, 新用户注册量)",
        ),
        "direction_words": Option(
            "list[regex]",
            DIRECTION_WORDS,
            "words that open a qualitative target, not a name (提高办公效率, 按当年度市下达任务数)",
        ),
        "min_name_length": Option(
            "int", 3, "shortest indicator name whose appearance inside a value counts"
        ),
    },
    doc_zh="""
    指标值只是重复指标名称或写了一个计量名称，没有给出目标。

    检查内容
    --------
    报告不含任何数字、并且属于下列情况的指标值：

    * 又写了一遍指标名称（「一次性创业资助人数；实施周期指标值:一次性创业资助人数」）；
    * 指标名称加上虚词（「社保基金安全；…:维护社保基金安全」）；
    * 另一个指标的名称：以计量词（率、度、数、量、比例…）结尾、又不以方向词（提高、完成、按…）
      开头的文字，如「实施周期指标值:响应及时率；年度指标值:不低于95%」；
    * 写反了：年度指标值写的是指标名称而实施周期指标值写的是目标
      （「实施周期指标值:≥98%；年度指标值:物资验收合格率」），或指标名称写成了目标、值写成了名称。

    带数字的值（「合同签订率100%」）有目标，不报告；说指标名称所指的事没有发生的值
    （「安全生产事故；…:无安全生产事故」「不发生重大食品安全事故」「杜绝重大医疗事故」）以零为目标，
    也不是复述名称。占位文字由 placeholder 报告；本规则报告过的
    值，not-quantified 和 annual-period-mismatch 不再重复报告。

    为什么有问题
    ------------
    指标值一栏是审核人员看单位承诺了什么的地方；在这里写指标名称等于什么都没有承诺。

    示例
    ----
    错误：

        1、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应及时率；年度指标值:不低于95%。

    正确：

        1、1-产出指标；13-时效指标；响应及时率；实施周期指标值:不低于95%；年度指标值:不低于95%。

    选项
    ----
    measure_suffixes：计量名称的结尾（正则表达式列表）。
    direction_words：定性目标开头的方向词（正则表达式列表）。
    min_name_length：出现在指标值中即算重复名称的最短指标名称长度。
    """,
)
def value_restates_name(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A value that repeats the indicator's name, or names a measure, instead of a target.

    What it does
    ------------
    Reports a target value without any number that is

    * the indicator's name again (``一次性创业资助人数；实施周期指标值:一次性创业资助人数``);
    * the name with filler words (``社保基金安全；…:维护社保基金安全``);
    * another indicator's name: text ending in a measure word (率, 度, 数, 量,
      比例…) that does not open with a direction word (提高, 完成, 按…), e.g.
      ``实施周期指标值:响应及时率；年度指标值:不低于95%``;
    * swapped: the annual value holds an indicator name while the period
      value holds the target (``实施周期指标值:≥98%；年度指标值:物资验收合格率``),
      or the indicator name is a target and the value a name.

    A value with a number (``合同签订率100%``) has a target and is not
    reported, nor is one that says none of what the name names happened
    (``安全生产事故；…:无安全生产事故``, ``不发生重大食品安全事故``,
    ``杜绝重大医疗事故``): none is its target. A placeholder is
    ``placeholder``'s finding, and a value reported here is not also
    reported by ``not-quantified`` or ``annual-period-mismatch``.

    Why is this bad?
    ----------------
    The value column is where the reviewer reads what the project commits
    to; the indicator's name there commits to nothing.

    Example
    -------
    Bad::

        1、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应及时率；年度指标值:不低于95%。

    Good::

        1、1-产出指标；13-时效指标；响应及时率；实施周期指标值:不低于95%；年度指标值:不低于95%。

    Options
    -------
    ``measure_suffixes`` (list of regular expressions): endings of a measure
    name; default ``率 度 性 比例 比率 比重 占比 指数 数 量 人次`` (not ``年度``).
    ``direction_words`` (list of regular expressions): openings of a
    qualitative target, matched at the start of the value; default 提高, 提升,
    降低, 完成, 达到, 按, 确保, 保障, 有效, 不低于, 满足, 符合 and the like.
    ``min_name_length`` (int): the shortest name whose appearance inside a
    value counts as a restatement; default 3.
    """
    facts = ctx.facts
    for value_field, both in ctx.facts.distinct_fields(clause):
        known = facts.value(clause, value_field)
        found = known.restatement
        if found is None or known.owner != "value-restates-name":
            continue
        args = {
            **where(value_field, both),
            "text": value_field.text,
            "name": clause.name,
            "other": found.other,
        }
        yield Problem(
            value_field.span,
            found.key,
            args,
            field=field_name(value_field),
            excerpt=value_field.text,
        )
