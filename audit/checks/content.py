"""Content: whether each target value says something a reviewer can check.

These rules read one clause at a time: a placeholder left from the draft, a
keyword with nothing after it, a value that only repeats the indicator's name,
a value with no measurable target, a value of the wrong kind for its name (a
count for a rate), a percentage out of range.

Each defect is reported by one rule only. In order of precedence: a value
that is a placeholder (``placeholder``) is not also reported as restating the
name or as not quantified; a value that restates the name
(``value-restates-name``) is not also reported as not quantified; a value of
the wrong kind for the indicator (``value-type-mismatch``) is not also
reported by ``annual-period-mismatch``. The helpers below that make these
decisions are made once, in :mod:`audit.facts`, which every rule asks.

A problem in a period value that the annual value repeats word for word is
one problem: it is reported once, at the period value, and the message names
both keywords (``实施周期指标值和年度指标值「定量指标」…``). Only the first value
of each keyword is read; a keyword written twice is ``repeated-field``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import (
    BOTH,
    LEVEL1_KINDS,
    any_of,
    field_name,
    other_field,
    sub_span,
    where,
)
from audit.model import ANNUAL, PERIOD, Clause, Project, Severity, Span, Text
from audit.vocabulary import VOCABULARY

_WHAT: dict[str, tuple[str, str]] = {
    "count": ("数量", "a count"),
    "money": ("金额", "an amount of money"),
    "percent": ("百分比", "a percentage"),
    "satisfaction": ("满意度", "a satisfaction level"),
    "rate": ("比率", "a rate"),
}


# --------------------------------------------------------------------------
# placeholder

PLACEHOLDER_PATTERNS: list[str] = [
    r"待(?:单位|部门|科室)?(?:补充|填报|填写|填|完善|确认|确定|核实|定)",
    r"[Xx](?<![A-Za-z][Xx])[Xx]+(?![A-Za-z])",
    r"[×＊*][×＊*]+",
    r"某某+",
    r"[?？][?？]+",
    # An ellipsis not followed by 等; tried once per run of dots (the look-behinds),
    # whose length is never given back (possessive), so a long run is linear.
    r"(?:(?<!…)…++|(?<!\.)\.\.\.++|(?<!。)。。。++|(?<!·)···++)(?![…\.。·]|\s*等)",
    r"年度计划数",
    r"另行通知",
]
TEMPLATE_VALUES: list[str] = [
    "定量指标",
    "定性指标",
    "非量化指标",
    "非具体量化指标",
    "量化指标",
    "指标值",
    "目标值",
]


@rule(
    "placeholder",
    severity="error",
    scope="project",
    messages={
        "default": (
            "{field_zh}含占位文字「{text}」：应填写实际内容",
            "the {field_en} holds the placeholder “{text}”: write the actual content",
        ),
        "template": (
            "{field_zh}「{text}」是模板文字，不是目标值：应填写具体目标",
            "the {field_en} “{text}” is a word of the template, not a target: write the target",
        ),
    },
    options={
        "patterns": Option(
            "list[regex]",
            PLACEHOLDER_PATTERNS,
            "placeholders left from a draft (regular expressions, searched in every field)",
        ),
        "template_values": Option(
            "list[str]",
            TEMPLATE_VALUES,
            "target values that are only a word of the template (定量指标, 非量化指标)",
        ),
    },
    doc_zh="""
    草稿中的占位文字未替换（待补充、XXX、……、年度计划数）。

    检查内容
    --------
    在项目名称、绩效目标、每个指标名称和每个指标值中查找草稿的占位文字：「待单位补充」「待补充」
    「待定」「待填」「XXX」「×××」「某某」「……」「...」「年度计划数」（应填计划数的地方）、
    「另行通知」，以及只写了模板用语的指标值（「定量指标」「非量化指标」：把模板的指标性质栏
    贴到了目标值处）。每处占位文字按其确切位置报告。省略号后接「等」（列举中的「等等」）不算
    占位。

    为什么有问题
    ------------
    公开的表格不能有未完成的文字：占位文字占着名称、目标或指标值的位置，审核人员没有可以核对的
    内容。

    示例
    ----
    错误：

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。

    正确：

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:2台；年度指标值:2台。

    选项
    ----
    patterns：占位文字（正则表达式列表），默认为上述各项。
    template_values：整体等于模板用语的指标值（字符串列表）。
    """,
)
def placeholder(ctx: Context, project: Project) -> Iterator[Problem]:
    """Placeholder text left from a draft (``待补充``, ``XXX``, ``……``, ``年度计划数``).

    What it does
    ------------
    Searches the project name, the goal, every indicator name and every
    target value for the placeholders of unfinished drafts: ``待单位补充``,
    ``待补充``, ``待定``, ``待填``, ``XXX``, ``×××``, ``某某``, ``……``, ``...``,
    ``年度计划数`` (where the planned number belongs), ``另行通知``, and target
    values that are only a word of the template (``定量指标``, ``非量化指标``:
    the template's 指标性质 column pasted where the target belongs). Each
    placeholder is reported at its exact characters. An ellipsis followed by
    ``等`` (an "etc." in a list) is not a placeholder.

    Why is this bad?
    ----------------
    A published table must not contain unfinished text: the placeholder
    stands where a name, a goal or a target should be, and the reviewer has
    nothing to check.

    Example
    -------
    Bad::

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。

    Good::

        4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:2台；年度指标值:2台。

    Options
    -------
    ``patterns`` (list of regular expressions): the placeholders; default the
    list above.
    ``template_values`` (list of strings): whole target values that are a
    word of the template; default ``定量指标 定性指标 非量化指标 非具体量化指标
    量化指标 指标值 目标值``.
    """
    shared = ctx.facts
    texts: list[tuple[str, Text]] = [("name", project.name)]
    if project.goal is not None:
        texts.append(("goal", project.goal))
    for text_field, text in texts:
        for start, end, found in shared.placeholders(text.value):
            yield _placeholder_problem(text.span(start, end), text_field, found, None)
    for clause in project.clauses:
        if not isinstance(clause, Clause):
            continue
        for start, end, found in shared.placeholders(clause.name):
            span = sub_span(clause.name_span, start, end)
            yield _placeholder_problem(span, "indicator", found, clause.number)
        for value_field, both in ctx.facts.distinct_fields(clause):
            text_field = field_name(value_field)
            words = "both" if both else text_field
            if shared.is_template(value_field.text):
                yield _placeholder_problem(
                    value_field.span, text_field, value_field.text, clause.number, "template", words
                )
                continue
            for start, end, found in shared.placeholders(value_field.text):
                span = sub_span(value_field.span, start, end)
                yield _placeholder_problem(span, text_field, found, clause.number, words=words)


_FIELD_WORDS: dict[str, tuple[str, str]] = {
    "name": ("项目名称", "project name"),
    "goal": ("绩效目标", "goal"),
    "indicator": ("指标名称", "indicator name"),
    "period": (PERIOD, "period value"),
    "annual": (ANNUAL, "annual value"),
    "both": BOTH,
}


def _placeholder_problem(
    span: Span,
    text_field: str,
    text: str,
    number: int | None,
    key: str = "default",
    words: str | None = None,
) -> Problem:
    zh, en = _FIELD_WORDS[words or text_field]
    return Problem(
        span,
        key,
        args={"text": text, "field_zh": zh, "field_en": en},
        field=text_field,
        excerpt=text,
        clause=number,
    )


# --------------------------------------------------------------------------
# empty-value


@rule(
    "empty-value",
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
    完全没写关键词的，由结构类规则报告。

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
    A keyword missing altogether is a structure rule's finding.

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
    for value_field, both in ctx.facts.distinct_fields(clause):
        if value_field.value.kind != "empty":
            continue
        text = value_field.text.strip()
        args = {**where(value_field, both), "text": text}
        yield Problem(
            value_field.keyword_span,
            "dash" if text else "default",
            args,
            field=field_name(value_field),
            excerpt=value_field.keyword,
        )


# --------------------------------------------------------------------------
# value-restates-name

MEASURE_SUFFIXES: list[str] = [
    r"(?:率|(?<!年)度|性|比例|比率|比重|占比|指数|数|量|人次)$",
]
DIRECTION_WORDS: list[str] = [
    r"提高|提升|降低|减少|增加|增强|加大|加强|扩大|缩短|改善|优化|完善|健全|建立|具有|具备",
    r"保持|维持|达到|达|完成|实现|确保|保证|保障|按|依|有效|不断|持续|进一步|逐步|明显|显著",
    r"力争|争取|不低于|不高于|不少于|不超过|高于|低于|大于|小于|至少|能|促进|满足|符合|控制",
]


@rule(
    "value-restates-name",
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

    带数字的值（「合同签订率100%」）有目标，不报告。占位文字由 placeholder 报告；本规则报告过的
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
    reported. A placeholder is ``placeholder``'s finding, and a value reported
    here is not also reported by ``not-quantified`` or
    ``annual-period-mismatch``.

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
        found = facts.value(clause, value_field).restatement
        if found is None:
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


# --------------------------------------------------------------------------
# not-quantified

SEVERITIES: dict[str, str] = {
    "quantity": "warning",
    "quality": "warning",
    "timeliness": "warning",
    "cost": "warning",
    "satisfaction": "warning",
    "output": "warning",
    "effect": "off",
}
MEASURABLE: list[str] = [
    # a number in Chinese numerals with a unit: 三级, 每周一次, 一周以内
    r"[零〇一二两三四五六七八九十百千]+\s*(?:次|级|星|个?工作日|天|日|周|个?月|年|小时|分钟|倍)",
    # nothing happened: 零故障, 无重大网络安全事件, 未发生重大安全事故
    r"^(?:零|无|未|没有|杜绝|不发生|不出现)",
    # a frequency: 每月按时支付…, 按月提供
    r"每(?:年|半年|季度?|月|周|日|天|学期|学年)|^按(?:年|季度?|月|周|日|天)",
    # a comparison with a stated reference: 采购价格≤预算价格, 不低于上年
    r"[≤≥<>＜＞≦≧]|^(?:不低于|不高于|不少于|不超过|高于|低于|优于)",
    # yes or no to a 是否 question; around the clock
    r"^(?:是|否)$",
    r"^全(?:天|天候|日|年)$",
]
_EXAMPLES: dict[str, str] = {
    "quantity": "≥300人",
    "quality": "≥95%",
    "timeliness": "2024年11月30日前",
    "cost": "≤50万元",
    "satisfaction": "≥90%",
    "output": "≥300人",
    "effect": "≥90%",
}
_KIND_WORDS: dict[str, tuple[str, str]] = {
    "quantity": ("数量指标", "a quantity indicator"),
    "quality": ("质量指标", "a quality indicator"),
    "timeliness": ("时效指标", "a timeliness indicator"),
    "cost": ("成本指标", "a cost indicator"),
    "satisfaction": ("满意度指标", "a satisfaction indicator"),
    "output": ("产出指标", "an output indicator"),
    "effect": ("效益指标", "an effect indicator"),
}
_FORMULA_END = re.compile(r"[*×＊xX]\s*100\s*[%％]")


def formula_has_target(text: str) -> bool:
    """Whether a formula value also states a target after the formula
    (``（合同审核参与数÷合同数）×100%=90%``, ``…*100%达到95%以上``)."""
    ends = list(_FORMULA_END.finditer(text))
    rest = text[ends[-1].end() :] if ends else text.rpartition("=")[2]
    return any(ch.isdigit() for ch in rest)


@rule(
    "not-quantified",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "{category_zh}的{keyword}「{text}」不是可衡量的目标：应写明具体数值（如 {example}）",
            "the {field} “{text}” of {category_en} is not measurable: "
            "state a figure (e.g. {example})",
        ),
        "formula": (
            "{keyword}「{text}」是计算公式，不是目标值：应写明目标（如 ≥90%）",
            "the {field} “{text}” is a formula, not a target: state the target (e.g. ≥90%)",
        ),
    },
    options={
        "severities": Option(
            "dict",
            SEVERITIES,
            "highest severity per kind of category (quantity, quality, timeliness, cost, "
            "satisfaction, effect; output for a level-1 产出指标 without level 2), or off",
            values=("error", "warning", "info", "off"),
            keys=tuple(SEVERITIES),
        ),
        "level1_kinds": Option(
            "dict",
            LEVEL1_KINDS,
            "kind of a level-1 category, for clauses without a (known) level-2 category",
            values=tuple(SEVERITIES),
        ),
        "measurable": Option(
            "list[regex]",
            MEASURABLE,
            "text that is measurable without digits (三级, 每周一次, 零故障, 无…事故)",
        ),
    },
    doc_zh="""
    按类别应量化的指标，目标值没有可衡量的内容。

    检查内容
    --------
    按条款的类别（二级指标在指标体系中的性质：数量、质量、时效、成本、满意度、效益；旧格式条款按
    一级指标）报告没有可衡量目标的值，例如数量指标下的「完成当年市下达任务」「有效」「提高」。
    数字（「≥300人」）、时效指标下的日期（「2024年11月30日前」）以及不用数字也能衡量的文字
    （「三级」「每周一次」「零故障」「无重大网络安全事件」「采购价格≤预算价格」）都是目标。效益指标
    可以定性描述，默认不报告。

    把计算公式写成指标值（「设备使用率=实际使用设备数量/总设备数量*100%」）的，在任何类别都报告
    （单独的提示语），除非公式后面给出了目标（「…×100%=90%」）。占位文字（placeholder）和重复
    名称的值（value-restates-name）不在这里重复报告。

    为什么有问题
    ------------
    相关规定要求数量、质量、时效、成本指标可衡量，满意度用百分比表示：无法衡量的目标到年底无法
    考核。

    示例
    ----
    错误：

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:完成当年市下达任务。

    正确：

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:≥3100人；年度指标值:≥3100人。

    选项
    ----
    severities：按指标性质设定的最高级别（error、warning、info 或 off），
    默认效益指标为 off，其余为 warning；不会高于规则本身配置的级别。
    level1_kinds：没有（已知）二级指标的条款，按一级指标判断的性质。
    measurable：不用数字也可衡量的文字（三级、每周一次、零故障、无…事故）。
    """,
)
def not_quantified(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A target with nothing measurable where the category needs a figure.

    What it does
    ------------
    Reads the category of the clause (the taxonomy's kind of its level-2
    category: 数量 quantity, 质量 quality, 时效 timeliness, 成本 cost, 满意度
    satisfaction, 效益 effect; the level-1 category for legacy clauses) and
    reports a value without a measurable target: ``完成当年市下达任务``, ``有效``,
    ``提高`` under 数量指标. Numbers (``≥300人``), dates under 时效
    (``2024年11月30日前``) and text that is measurable without digits (``三级``,
    ``每周一次``, ``零故障``, ``无重大网络安全事件``, ``采购价格≤预算价格``) are
    targets. Effect (效益) indicators may be qualitative and are not reported
    by default.

    A formula given as the value (``设备使用率=实际使用设备数量/总设备数量*100%``)
    is reported in every category, with its own message, unless a target
    follows it (``…×100%=90%``).

    A placeholder (``placeholder``) or a value that restates the name
    (``value-restates-name``) is not reported again here.

    Why is this bad?
    ----------------
    Guidance asks that 数量/质量/时效/成本 indicators be measurable and that
    满意度 be a percentage: a target that cannot be measured cannot be
    assessed at the end of the year.

    Example
    -------
    Bad::

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:完成当年市下达任务。

    Good::

        1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:≥3100人；年度指标值:≥3100人。

    Options
    -------
    ``severities`` (mapping): the highest severity per kind (``error``,
    ``warning``, ``info``) or ``off``; default ``warning`` for quantity,
    quality, timeliness, cost, satisfaction and output, ``off`` for effect.
    Kinds given override these defaults, the others keep them. A finding is
    never above the rule's configured severity (``severity: info`` makes
    every finding info; ``severity: error`` with ``quantity: error`` makes
    quantities errors). Formulas are reported with the rule's severity in
    every category.
    ``level1_kinds`` (mapping): kind of a level-1 name, merged likewise;
    default 产出指标 → output, 效益指标 → effect, 满意度指标 →
    satisfaction, 成本指标 → cost.
    ``measurable`` (list of regular expressions): text that counts as
    measurable without digits; default the patterns above.
    """
    facts = ctx.facts
    kind = facts.category_kind(clause, {**LEVEL1_KINDS, **ctx.options["level1_kinds"]})
    severity = {**SEVERITIES, **ctx.options["severities"]}.get(kind or "", "off")
    for value_field, both in ctx.facts.distinct_fields(clause):
        value = value_field.value
        if value.kind not in ("qualitative", "formula"):
            continue
        text = value_field.text
        if facts.value(clause, value_field).owner != "not-quantified":
            continue  # a placeholder or a restated name, or measurable
        name = field_name(value_field)
        args: dict[str, Any] = {**where(value_field, both), "text": text}
        if value.kind == "formula":
            if not formula_has_target(text):
                yield Problem(value_field.span, "formula", args, field=name, excerpt=text)
            continue
        if severity not in ("error", "warning", "info"):
            continue
        zh, en = _KIND_WORDS.get(kind or "", ("该指标", "this indicator"))
        args.update(category_zh=zh, category_en=en, example=_EXAMPLES.get(kind or "", "≥90%"))
        level: Severity = severity  # checked above
        yield Problem(value_field.span, args=args, field=name, excerpt=text, at_most=level)


# --------------------------------------------------------------------------
# value-type-mismatch

# The defaults are the shared vocabulary (rules/vocabulary.yaml).
RATE_NAMES: list[str] = list(VOCABULARY.rate_names)
RATE_EXEMPT: list[str] = list(VOCABULARY.rate_exempt)
SATISFACTION_NAMES: list[str] = list(VOCABULARY.satisfaction_names)
COUNT_NAMES: list[str] = list(VOCABULARY.count_names)
PERCENT_UNITS: list[str] = list(VOCABULARY.percent_units)
COUNT_UNITS: list[str] = list(VOCABULARY.count_units)
MONEY_UNITS: list[str] = list(VOCABULARY.money_units)


@rule(
    "value-type-mismatch",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」是{wanted_zh}指标，但{keyword}「{text}」是{measured_zh}",
            "“{name}” is {wanted_en} but the {field} “{text}” is {measured_en}",
        ),
        "disagree": (
            "「{name}」是{wanted_zh}指标，但{keyword}「{text}」是{measured_zh}"
            "（{other_keyword}为「{other}」）",
            "“{name}” is {wanted_en} but the {field} “{text}” is {measured_en} "
            "(the {other_field} is “{other}”)",
        ),
    },
    options={
        "rate_names": Option("list[regex]", RATE_NAMES, "names of rates (完成率, 占比)"),
        "rate_exempt": Option(
            "list[regex]", RATE_EXEMPT, "rate-like names that are not shares (频率, 效率)"
        ),
        "satisfaction_names": Option(
            "list[regex]", SATISFACTION_NAMES, "names of satisfaction levels"
        ),
        "count_names": Option("list[regex]", COUNT_NAMES, "names of counts (人数, 次数, 数量)"),
        "percent_units": Option("list[str]", PERCENT_UNITS, "units of a rate"),
        "count_units": Option("list[str]", COUNT_UNITS, "units of a count"),
        "money_units": Option("list[str]", MONEY_UNITS, "units of an amount of money"),
    },
    doc_zh="""
    比率或满意度指标填了数量，或数量指标填了百分比。

    检查内容
    --------
    比较指标名称要求的与指标值实际衡量的：名称以「率」结尾或含「满意度」「满意率」，而值以人、次、
    宗、个、台……或元计（「服务对象满意度；…:少于5次」）；名称是数量（人数、次数、数量），而值是
    百分比或金额（「开展培训服务人数；…:不少于0.2万元」）。「频率」「效率」这类名称不是比率，不检查。

    只有一个值类型不对时，消息同时引用另一个值：「完成数量率；实施周期指标值：100%；年度指标值：
    …数量为24台」在年度指标值处报告。名称能判定的类型不一致都由本规则报告，annual-period-mismatch
    不再重复报告同一对值。

    为什么有问题
    ------------
    「少于5次」的满意度、「100%」的人数都无法对照指标考核：名称或值有一个是错的（常见的是把投诉
    次数归到满意度，或把目标贴错了条款）。

    示例
    ----
    错误：

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:少于5次。

    正确：

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    选项
    ----
    rate_names、rate_exempt、satisfaction_names、count_names：判断名称要求何种值的正则表达式列表。
    percent_units、count_units、money_units：比率、数量、金额的单位。
    """,
)
def value_type_mismatch(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A rate or satisfaction indicator with a count, or a count with a percentage.

    What it does
    ------------
    Compares what the indicator's name asks for with what its value measures:
    a name ending in 率 or containing 满意度/满意率 with a value counted in 人,
    次, 宗, 个, 台 … or in 元 (``服务对象满意度；…:少于5次``), and a name of a count
    (人数, 次数, 数量) with a percentage or an amount of money
    (``开展培训服务人数；…:不少于0.2万元``). Names such as 频率 and 效率 are not
    shares and are not checked.

    When only one of the two values is of the wrong kind, the finding quotes
    the other one too: ``完成数量率；实施周期指标值：100%；年度指标值：…数量为24台``
    is reported here, at the annual value. This rule owns every disagreement
    in kind that the indicator's name settles; ``annual-period-mismatch`` does
    not report the same pair again.

    Why is this bad?
    ----------------
    A satisfaction level of "fewer than 5 times" or a head count of "100%"
    cannot be assessed against the indicator: the name or the value is wrong
    (often a complaint count filed as satisfaction, or a target pasted into
    the wrong clause).

    Example
    -------
    Bad::

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:少于5次。

    Good::

        4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Options
    -------
    ``rate_names``, ``rate_exempt``, ``satisfaction_names``, ``count_names``
    (lists of regular expressions, searched in the name without a trailing
    unit such as ``（%）``): what a name asks for; defaults ``率$ 占比$ 比重$``,
    ``(频|效|功|速|汇|利|税)率$``, ``满意度 满意率 满意比率`` and 人数, 人次, 次数,
    个数, 件数, 数量, …数 (not 指数, 系数, 分数).
    ``percent_units``, ``count_units``, ``money_units`` (lists): units of
    each measure; defaults ``% ‰ 百分点``, the count units of
    ``rules/units.yaml`` (人, 次, 宗, 个, 台 …) and ``元 万元 亿元``.
    """
    facts = ctx.facts
    for value_field, both in ctx.facts.distinct_fields(clause):
        found = facts.value(clause, value_field).mismatch
        if found is None:
            continue
        wanted, measured = found
        name = field_name(value_field)
        args: dict[str, Any] = {
            **where(value_field, both),
            "name": clause.name,
            "text": value_field.text,
            "wanted_zh": _WHAT[wanted][0],
            "wanted_en": _WHAT[wanted][1],
            "measured_zh": _WHAT[measured][0],
            "measured_en": _WHAT[measured][1],
        }
        key = "default"
        other = other_field(clause, value_field)
        if (
            other is not None
            and other.text != value_field.text
            and facts.value(clause, other).mismatch is None
            and facts.value(clause, other).measure is not None
        ):
            key = "disagree"
            args.update(other=other.text, other_keyword=other.keyword)
            args["other_field"] = where(other)["field"]
        yield Problem(value_field.span, key, args, field=name, excerpt=value_field.text)


# --------------------------------------------------------------------------
# percent-out-of-range

EXEMPT_NAMES: list[str] = [r"增长|增幅|涨幅|提高率|提升率|增加率|变化率|同比|环比|倍"]
_HUNDRED = Decimal(100)
_MINUS = ("-", "－", "−", "负")
"""A sign before the number: the value parser keeps it in the prefix (``-5%``)."""


@rule(
    "percent-out-of-range",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "{keyword}「{text}」超过100%：比率和满意度不能大于100%",
            "the {field} “{text}” is above 100%: a rate or a satisfaction level cannot be",
        ),
        "negative": (
            "{keyword}「{text}」小于0：比率和满意度不能为负",
            "the {field} “{text}” is below 0: a rate or a satisfaction level cannot be",
        ),
    },
    options={
        "exempt_names": Option(
            "list[regex]",
            EXEMPT_NAMES,
            "indicator names or value words that may exceed 100% (增长率, 增幅)",
        ),
    },
    doc_zh="""
    比率或满意度的百分比超过 100% 或小于 0%。

    检查内容
    --------
    报告以百分比表示、数值（或区间上限）大于 100 或小于 0 的指标值。增长类指标（「增长率」「增幅」
    「同比」）可以超过 100%：名称或值匹配 exempt_names 的不检查。公式（「…*100%」）由 not-quantified
    处理。

    为什么有问题
    ------------
    完成率、合格率、满意度不可能超过 100%；这样的目标是录入错误（把「100%」写成「1000%」）或
    单位写错了。

    示例
    ----
    错误：

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:1000%；年度指标值:100%。

    正确：

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    exempt_names：可以超过 100% 的指标名称或值中的词（正则表达式列表）。
    """,
)
def percent_out_of_range(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A percentage above 100 % or below 0 % for a rate or a satisfaction level.

    What it does
    ------------
    Reports a value in percent whose number (or the upper end of a range) is
    above 100, or below 0. Growth (``增长率``, ``增幅``, ``同比``) may exceed
    100 %: indicators whose name, or value text, matches ``exempt_names``
    are not checked. Formulas (``…*100%``) are ``not-quantified``'s concern.

    Why is this bad?
    ----------------
    A completion, pass or satisfaction rate cannot exceed 100 %; such a
    target is a typing error (``1000%`` for ``100%``) or the wrong unit.

    Example
    -------
    Bad::

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:1000%；年度指标值:100%。

    Good::

        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    ``exempt_names`` (list of regular expressions): indicator names (or
    words in the value) that may exceed 100 %; default
    ``增长|增幅|涨幅|提高率|提升率|增加率|变化率|同比|环比|倍``.
    """
    exempt = any_of(ctx.options["exempt_names"])
    if exempt.search(clause.name):
        return
    for value_field, both in ctx.facts.distinct_fields(clause):
        value = value_field.value
        if value.kind != "quantity" or value.unit != "%" or value.number is None:
            continue
        if exempt.search(value.prefix) or exempt.search(value.suffix):
            continue
        top = value.upper if value.upper is not None else value.number
        name = field_name(value_field)
        args = {**where(value_field, both), "text": value_field.text}
        if top > _HUNDRED:
            yield Problem(value_field.span, args=args, field=name, excerpt=value_field.text)
        elif value.number < 0 or value.prefix.rstrip().endswith(_MINUS):
            yield Problem(value_field.span, "negative", args, field=name, excerpt=value_field.text)
