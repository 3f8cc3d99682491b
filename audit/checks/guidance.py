"""Guidance: whether each target is a *good* target by the Ministry of
Finance's and Guangdong's guidance, not only a well-formed one.

The rules encode what a finance-bureau reviewer applies on top of the first
catalog (structure, taxonomy, content, periods, amounts):

* 财预〔2020〕10号 (《项目支出绩效评价管理办法》), 绩效指标明确性: indicators
  break the goal down into targets that are clear and measurable (清晰、可衡量)
  and match the task and its planned quantities.
* 财预〔2021〕101号 (《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》):
  indicators describe outputs (数量、质量、时效), costs — split into economic,
  social and ecological-environmental costs (经济成本、社会成本、生态环境成本)
  and set as control limits — effects (效益) and satisfaction (满意度); what a
  project consumes (财力、人力、物力) is its input, not its performance.
* 粤财绩〔2019〕11号: no project without a performance goal.

Every keyword list is an option (configurable under ``rules:`` in a profile).
Each defect is reported by one rule only: a value that is a placeholder, that
restates the name or that ``not-quantified`` reports is not reported again
here (see :func:`_owned_elsewhere`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from audit.engine import Context, Option, Problem, rule
from audit.facts import LEVEL1_KINDS, Key, any_of, field_name, normalize
from audit.model import Clause, Project, ValueField
from audit.vocabulary import VOCABULARY

# --------------------------------------------------------------------------
# Shared helpers


_INPUT_NAMES: Key[dict[str, bool]] = Key("guidance.input-names")
_POLARITY: Key[dict[str, str | None]] = Key("guidance.polarity")
_EXPECTED: Key[dict[str, str]] = Key("guidance.expected")
_NAMED_KIND: Key[dict[str, str | None]] = Key("guidance.named-kind")
_KIND_REGEXES: Key[list[tuple[str, re.Pattern[str]]]] = Key("guidance.kind-regexes")


def _last_end(regex: re.Pattern[str], text: str) -> int:
    """End of the last match of ``regex`` in ``text``; -1 when none.

    Chinese puts the head of a noun phrase last: in 设备故障及时排除率 the
    indicator is a 排除率, and the last keyword found decides what it is."""
    end = -1
    for match in regex.finditer(text):
        end = max(end, match.end())
    return end


def _kind(ctx: Context, clause: Clause) -> str | None:
    """The kind of a clause's category (quantity, quality, timeliness, cost,
    effect, satisfaction; output for a level-1 产出指标 without level 2)."""
    return ctx.facts.category_kind(clause, LEVEL1_KINDS)


def _category(clause: Clause) -> str:
    """The category as written: the level-2 one, else the level-1 one."""
    category = clause.level2 or clause.level1
    return "" if category is None else str(category)


def _decimal(value: Any) -> Decimal:
    """A YAML number as a Decimal (``0.0001`` stays exact)."""
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - options are validated as numbers
        return Decimal(0)


def _plain(number: Decimal) -> str:
    """A number as a reviewer writes it: ``12.5``, ``30``, never ``3E+1``."""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to 0.01 万元, as the table prints amounts."""
    try:
        return amount.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than the context holds: keep it whole
        return amount


def _owned_elsewhere(ctx: Context, clause: Clause, value_field: ValueField) -> bool:
    """Whether another rule already reports ``value_field`` as no target at
    all: a placeholder (``placeholder``), the name restated
    (``value-restates-name``), a formula or a text without anything
    measurable (``not-quantified``'s ``measurable`` patterns). The decision
    does not depend on which rules run, so ``--select`` gives the same
    findings as a full run."""
    if value_field.value.kind not in ("qualitative", "formula"):
        return False
    return ctx.facts.value(clause, value_field).owner is not None


# --------------------------------------------------------------------------
# input-as-output

INPUT_PATTERNS: list[str] = [
    # budget execution: 预算执行率, 支出预算执行率, 年度预算执行进度
    r"预算\S{0,2}执行(?:率|进度|情况)",
    # funds executed or paid: 资金执行率, 资金支出执行率, 补助发放执行率
    r"(?:资金|经费|补助|补贴|支出)\S{0,4}执行(?:率|进度)",
    # budget or funds completed: 预算完成率, 预算资金完成率, 资金支付完成率
    r"预算(?:资金)?完成率",
    r"资金(?:支付|拨付|使用)?完成率",
    # funds in place: 资金到位率 (not 补助资金到位及时率, the subsidy reaching people)
    r"资金(?:拨付)?到位率",
    # spending progress: 支出进度, 资金支付进度, 资金支出指标, 资金支出率
    r"(?:支出|支付|拨付)进度",
    r"资金支出(?:指标|率)",
]


@rule(
    "input-as-output",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」是预算执行（投入）指标，不是绩效目标：财力投入不作为产出或效益，"
            "应改为项目提供的产品、服务或其效果（如 补贴发放人数、验收合格率）",
            "“{name}” measures budget execution (an input), not performance: state what "
            "the project delivers or achieves (e.g. people subsidised, acceptance rate)",
        ),
        "value": (
            "{keyword}「{text}」是预算执行（投入）目标，不是绩效目标：应改为项目提供的"
            "产品、服务或其效果",
            "the {field} value “{text}” is a budget-execution (input) target, not "
            "performance: state what the project delivers or achieves",
        ),
    },
    options={
        "patterns": Option(
            "list[regex]",
            INPUT_PATTERNS,
            "input measures: budget execution, funds in place or paid (regular expressions)",
        ),
    },
    doc_zh="""
    把预算执行或资金类指标当作绩效指标。

    检查内容
    --------
    报告名称（名称看不出时看指标值）衡量的是投入项目的资金、而不是项目产出的指标：预算执行
    （「预算执行率」「年度预算执行进度」）、资金执行、支付或到位（「资金执行率」「资金支出执行率」
    「资金支付完成率」「资金到位率」「补助发放执行率」）、支出进度（「支出进度」「资金支出指标」）。
    在任何类别下都报告：投入既不是产出，也不是效益或时效，所以 13-时效指标下的「资金支出执行率」
    由本规则报告，不由 category-keyword-mismatch 报告。向对象发放补贴本身是补贴项目的产出：
    「补贴发放准确率」「补助资金发放率」「补助资金到位及时率」不报告。

    为什么有问题
    ------------
    财预〔2021〕101号把项目消耗的财力、人力、物力（投入）与绩效（产出、成本、效益、满意度）分开。
    预算执行通过预算本身监控；作为绩效指标，它说明不了钱买来了什么（财预〔2020〕10号，绩效指标
    明确性：指标应反映项目的任务）。

    示例
    ----
    错误：

        3、1-产出指标；13-时效指标；资金支出执行率；实施周期指标值:资金预算完成率91%；年度指标值:资金预算完成率91%。

    正确：

        3、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%；年度指标值:≥95%。

    选项
    ----
    patterns：表示投入的指标名称（正则表达式列表）。
    """,
)
def input_as_output(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A budget-execution or funds measure used as a performance indicator.

    What it does
    ------------
    Reports an indicator whose name (or, when the name says nothing, whose
    value) measures the money put into the project rather than what it
    delivers: budget execution (``预算执行率``, ``年度预算执行进度``), funds
    executed, paid or in place (``资金执行率``, ``资金支出执行率``,
    ``资金支付完成率``, ``资金到位率``, ``补助发放执行率``), spending progress
    (``支出进度``, ``资金支出指标``). It fires in every category: an input
    is no output (产出), no effect (效益) and no timeliness (时效) either, so
    ``资金支出执行率`` under ``13-时效指标`` is reported here and not by
    ``category-keyword-mismatch``. Paying a subsidy to its recipients is the
    output of a subsidy project: ``补贴发放准确率``, ``补助资金发放率`` and
    ``补助资金到位及时率`` are not reported.

    Why is this bad?
    ----------------
    财预〔2021〕101号 separates what a project consumes — its financial, human
    and material inputs (财力、人力、物力) — from its performance: outputs,
    costs, effects and satisfaction. Budget execution is monitored through
    the budget itself; as an indicator it says nothing about what the money
    bought (财预〔2020〕10号, 绩效指标明确性: indicators must reflect the
    project's task).

    Example
    -------
    Bad::

        3、1-产出指标；13-时效指标；资金支出执行率；实施周期指标值:资金预算完成率91%；年度指标值:资金预算完成率91%。

    Good::

        3、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%；年度指标值:≥95%。

    Options
    -------
    ``patterns`` (list of regular expressions, searched in the name without a
    trailing unit, then in the values): the input measures; default
    ``预算…执行率/进度``, ``资金|经费|补助|补贴|支出…执行率``, ``预算(资金)完成率``,
    ``资金(支付|拨付|使用)完成率``, ``资金(拨付)到位率``, ``支出|支付|拨付进度``,
    ``资金支出指标|率``.
    """
    regex = any_of(ctx.options["patterns"])
    names = ctx.memo.get(_INPUT_NAMES, dict)
    found = names.get(clause.name)
    if found is None:
        found = names[clause.name] = regex.search(normalize(clause.name)) is not None
    if found:
        yield Problem(
            clause.name_span, args={"name": clause.name}, field="indicator", excerpt=clause.name
        )
        return
    for value_field in ctx.facts.distinct_values(clause):
        if regex.search(value_field.text):
            keyword = field_name(value_field)
            args = {"text": value_field.text, "keyword": value_field.keyword, "field": keyword}
            yield Problem(value_field.span, "value", args, field=keyword, excerpt=value_field.text)
            return


# --------------------------------------------------------------------------
# comparator-direction

POSITIVE_PATTERNS: list[str] = [
    r"(?:合格|覆盖|完成|准确|满意|通过|排除|修复|维修|维护|恢复|关闭|响应|处理|处置|解决|完好"
    r"|达标|知晓|可用|办结|结案|成功|正常运行|正常运作|畅通|控制|节约)率",
    r"及时",
    r"(?:连通|可用|稳定|完整|准确|规范|合规)性",
    r"满意度",
    r"知晓度",
    r"(?:无|零)\S{0,2}(?:故障|事故|差错|投诉)",
]
NEGATIVE_PATTERNS: list[str] = [
    r"成本",
    r"投诉",
    r"事故",
    r"故障",
    r"差错",
    r"失误",
    r"丢包",
    r"泄[露漏密]|外泄",
    r"(?:流失|停机|延迟|延期|退学|返修|错误|失败)率",
]
NEUTRAL_PATTERNS: list[str] = [r"降低|减少|下降|节约|节省|压缩|减负"]
_LOWER = ("<=", "<")
_HIGHER = (">=", ">")
_DIRECTED = (*_LOWER, *_HIGHER)


def _polarity(text: str, positive: re.Pattern[str], negative: re.Pattern[str]) -> str | None:
    """``positive`` (more is better), ``negative`` (less is better) or None;
    the keyword nearer the end of the name wins (a tie goes to positive)."""
    good = _last_end(positive, text)
    bad = _last_end(negative, text)
    if good < 0 and bad < 0:
        return None
    return "positive" if good >= bad else "negative"


@rule(
    "comparator-direction",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」越高越好，{keyword}「{text}」却设了上限：应设下限（≥ 目标值）",
            "“{name}” is better when higher, but the {field} value “{text}” caps it: "
            "set a floor (≥ target)",
        ),
        "negative": (
            "「{name}」越低越好，{keyword}「{text}」却设了下限：应设上限（≤ 控制值）",
            "“{name}” is better when lower, but the {field} value “{text}” sets a floor: "
            "set a ceiling (≤ limit)",
        ),
    },
    options={
        "positive": Option(
            "list[regex]",
            POSITIVE_PATTERNS,
            "names of measures where more is better (合格率, 满意度, 故障排除率)",
        ),
        "negative": Option(
            "list[regex]",
            NEGATIVE_PATTERNS,
            "names of measures where less is better (成本, 投诉, 事故, 流失率)",
        ),
        "neutral": Option(
            "list[regex]",
            NEUTRAL_PATTERNS,
            "names that turn a negative measure around (降低成本, 减少投诉): not checked",
        ),
        "percent_units": Option("list[str]", list(VOCABULARY.percent_units), "units of a rate"),
    },
    doc_zh="""
    应当设上限的指标设了下限，或应当提高的指标设了上限。

    检查内容
    --------
    从指标名称（或指标值自己的用词，如「故障率≤1%」）判断越高越好还是越低越好，再与指标值的比较
    符号对照。正向指标——合格、覆盖、完成、准确、满意、及时……率或满意度（以百分比表示）——用了
    「≤」「<」（「满意度≤90%」），以及反向指标——成本、投诉、事故、故障、差错、丢包、流失率、
    停机率、延迟率——用了「≥」「>」（「有效投诉次数≥1次」）的，报告。名称中离结尾最近的关键词
    起决定作用（中文名词短语的中心词在后）：「设备故障及时排除率」是排除率（正向），虽然含「故障」；
    「人员流失率≤10%」「有效投诉次数少于1宗」是对的。把反向指标反过来说的名称（「降低成本」）不
    检查；比率名称下写数量（「服务对象满意度：少于5次」）由 value-type-mismatch 报告。

    为什么有问题
    ------------
    财预〔2021〕101号把成本指标设为控制上限，把产出、效益、满意度设为应达到的水平；财预〔2020〕
    10号（绩效指标明确性）要求目标清晰可衡量。方向写反的目标，做得越差越能达标：「满意度≤90%」
    在满意度只有 10% 时也算达标。

    示例
    ----
    错误：

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:≥10%；年度指标值:≥10%。

    正确：

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:10%或以下；年度指标值:10%或以下。

    选项
    ----
    positive：越高越好的指标（正则表达式列表）。
    negative：越低越好的指标（正则表达式列表）。
    neutral：把反向指标反过来说的名称（降低成本、减少投诉），不检查。
    percent_units：比率的单位。
    """,
)
def comparator_direction(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A floor on a measure that should be capped, or a cap on one that should be raised.

    What it does
    ------------
    Reads whether more or less is better from the indicator's name (or from
    the value's own words, ``故障率≤1%``) and compares it with the value's
    comparator. A positive measure — a 合格/覆盖/完成/准确/满意/及时 … 率 or a
    满意度, given in percent — with ``≤``/``<`` (``满意度≤90%``), and a
    negative one — 成本, 投诉, 事故, 故障, 差错, 丢包, 流失率, 停机率, 延迟率 — with
    ``≥``/``>`` (``有效投诉次数≥1次``) are reported. The keyword nearest the
    end of the name decides, as the head of a Chinese noun phrase comes last:
    ``设备故障及时排除率`` is a 排除率 (positive) although it contains 故障;
    ``人员流失率≤10%`` and ``有效投诉次数少于1宗`` are right. Names that turn a
    negative measure around (``降低成本``) are not checked, and a count under
    a rate's name (``服务对象满意度：少于5次``) is ``value-type-mismatch``'s.

    Why is this bad?
    ----------------
    财预〔2021〕101号 sets cost indicators as control limits (upper bounds) and
    outputs, effects and satisfaction as levels to reach; 财预〔2020〕10号
    (绩效指标明确性) asks for targets that are clear and measurable. A target
    in the wrong direction is met by failing: ``满意度≤90%`` is met by a
    satisfaction of 10 %.

    Example
    -------
    Bad::

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:≥10%；年度指标值:≥10%。

    Good::

        3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:10%或以下；年度指标值:10%或以下。

    Options
    -------
    ``positive`` (list of regular expressions): measures where more is
    better; default the rates of 合格, 覆盖, 完成, 准确, 满意, 通过, 排除, 修复, 维修,
    维护, 恢复, 关闭, 响应, 处理, 解决, 完好, 达标, 知晓, 可用, 办结, 结案, 成功, 正常运行,
    畅通, 控制, 节约, the qualities 连通性, 可用性, 稳定性, 完整性, 准确性, 规范性,
    合规性, and 及时, 满意度, 知晓度, 无/零…故障|事故|差错|投诉.
    ``negative`` (list of regular expressions): measures where less is
    better; default 成本, 投诉, 事故, 故障, 差错, 失误, 丢包, 泄露, and the rates of
    流失, 停机, 延迟, 延期, 退学, 返修, 错误, 失败.
    ``neutral`` (list of regular expressions): names that are not checked;
    default 降低, 减少, 下降, 节约, 节省, 压缩, 减负.
    ``percent_units`` (list): units of a rate (a positive measure is checked
    only in percent); default the shared vocabulary's ``percent_units`` (``% ‰ 百分点``).
    """
    fields = [
        f
        for f in ctx.facts.distinct_values(clause)
        if f.value.kind == "quantity" and f.value.comparator in _DIRECTED
    ]
    if not fields:
        return
    positive = any_of(ctx.options["positive"])
    negative = any_of(ctx.options["negative"])
    names = ctx.memo.get(_POLARITY, dict)
    if clause.name not in names:
        name = normalize(clause.name)
        neutral = any_of(ctx.options["neutral"]).search(name)
        names[clause.name] = "neutral" if neutral else _polarity(name, positive, negative)
    by_name = names[clause.name]
    if by_name == "neutral":
        return
    percent = ctx.options["percent_units"]
    for value_field in fields:
        value = value_field.value
        polarity = by_name
        if value.prefix:
            polarity = _polarity(normalize(value.prefix), positive, negative) or polarity
        if polarity == "positive" and value.comparator in _LOWER and value.unit in percent:
            key = "default"
        elif polarity == "negative" and value.comparator in _HIGHER:
            key = "negative"
        else:
            continue
        keyword = field_name(value_field)
        args = {
            "name": clause.name,
            "text": value_field.text,
            "keyword": value_field.keyword,
            "field": keyword,
        }
        yield Problem(value_field.span, key, args, field=keyword, excerpt=value_field.text)


# --------------------------------------------------------------------------
# category-keyword-mismatch

CATEGORY_KEYWORDS: dict[str, list[str]] = {
    "satisfaction": [r"满意(?:度|率|比率)"],
    "timeliness": [
        r"及时(?:率|性)",
        r"(?:完成|竣工|完工|交付\S{0,2}|上线)(?:时间|时限|日期)",
        r"前完成",
        r"(?:按时|按期|准时)\S{0,2}(?:完成|发放|到位)?率",
        r"(?:工期|进度)(?:延迟|延期)率|(?:延迟|延期)率",
    ],
    "quality": [r"合格率", r"验收(?:合格|通过)?率", r"准确(?:率|度)"],
    "cost": [
        r"^(?!.*(?:降低|减少|节约|节省|压缩)).*成本(?:控制|总额|金额|额)?$",
        r"单价$",
        r"(?:人均|单位|平均|每\S{1,3})(?:成本|费用|经费)",
    ],
}
_KIND_ORDER: tuple[str, ...] = ("satisfaction", "timeliness", "quality", "cost")
_KIND_WORDS: dict[str, tuple[str, str]] = {
    "satisfaction": ("满意度指标", "a satisfaction indicator"),
    "timeliness": ("时效指标", "a timeliness indicator"),
    "quality": ("质量指标", "a quality indicator"),
    "cost": ("成本指标", "a cost indicator"),
}


def _expected(ctx: Context, kind: str) -> str:
    """The level-2 categories of ``kind`` in the schemes in use: ``31-服务对象满意度``."""
    labels = ctx.memo.get(_EXPECTED, dict)
    label = labels.get(kind)
    if label is None:
        taxonomy = ctx.taxonomy
        codes = sorted(
            (c for c, child in taxonomy.level2.items() if taxonomy.kind(child.name) == kind),
            key=lambda code: (len(code), code),
        )
        label = "、".join(f"{code}-{taxonomy.level2[code].name}" for code in codes)
        labels[kind] = label
    return label


def _name_kind(name: str, kinds: list[tuple[str, re.Pattern[str]]]) -> str | None:
    """The kind an indicator's name states; the keyword nearest the end wins."""
    best, best_end = None, -1
    for kind, regex in kinds:
        end = _last_end(regex, name)
        if end > best_end:
            best, best_end = kind, end
    return best


@rule(
    "category-keyword-mismatch",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "「{name}」是{named_zh}，却归入「{category}」：应归入{expected}",
            "“{name}” is {named_en} but filed under “{category}”: file it under {expected}",
        ),
        "satisfaction-as-effect": (
            "「{name}」是满意度，不是效益：效益指标应反映项目带来的经济、社会、生态或可持续影响，"
            "满意度应归入{expected}",
            "“{name}” is a satisfaction level, not an effect: an effect indicator states the "
            "economic, social, ecological or lasting impact; file satisfaction under {expected}",
        ),
    },
    options={
        "keywords": Option(
            "dict",
            CATEGORY_KEYWORDS,
            "per kind (satisfaction, timeliness, quality, cost): regular expressions of names "
            "that belong to it",
            values="list[regex]",
            keys=_KIND_ORDER,
        ),
    },
    doc_zh="""
    指标名称表明它属于另一个二级指标类别。

    检查内容
    --------
    从指标名称判断它衡量什么，再与其二级指标的性质（rules/taxonomy.yaml 中的 kinds）比较：满意度
    （满意度、满意率）不在「31-服务对象满意度」下；时效（及时率、及时性、完成时间、…前完成、按期
    完成率、延期率）不在「13-时效指标」下；合格、验收或准确率（合格率、验收通过率、准确率）不在
    「12-质量指标」下；成本（…成本、单价、人均费用）不在「14-成本指标」或 41–43 下。满意度被归为
    效益（「22-社会效益」「24-可持续影响」）的，单独提示：它占了项目所需的效益指标的位置。

    名称含两类关键词时，离结尾最近的起决定作用（「验收通过及时率」是及时率）。没有二级指标的旧格式
    条款只在一级指标能确定时检查。预算执行类指标不属于任何类别，由 input-as-output 报告。

    为什么有问题
    ------------
    财预〔2021〕101号规定了各类别衡量什么——产出的数量、质量、时效，成本，效益，满意度；财预〔2020〕
    10号（绩效指标明确性）要求指标清晰、与任务相符。放错类别的指标掩盖了缺失的指标：以满意度调查
    充当「效益」的项目，实际上没有说明任何效益。

    示例
    ----
    错误：

        2、2-效益指标；24-可持续影响；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    正确：

        2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    选项
    ----
    keywords：各性质对应的名称关键词（性质 → 正则表达式列表）；配置中写出的性质替换默认值，
    [] 关闭该性质。
    """,
)
def category_keyword_mismatch(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """An indicator whose name says it belongs to another level-2 category.

    What it does
    ------------
    Reads what the indicator's name measures and compares it with the kind
    of its level-2 category (``rules/taxonomy.yaml``, ``kinds``): a
    satisfaction level (满意度, 满意率) outside ``31-服务对象满意度``; a
    timeliness measure (及时率, 及时性, 完成时间, …前完成, 按期完成率, 延期率)
    outside ``13-时效指标``; a pass, acceptance or accuracy rate (合格率,
    验收通过率, 准确率) outside ``12-质量指标``; a cost (…成本, 单价, 人均费用) outside
    ``14-成本指标`` / ``41``–``43``. A satisfaction level filed as an effect
    (``22-社会效益``, ``24-可持续影响``) gets its own message: it takes the place
    of an effect indicator the project needs.

    When the name holds keywords of two kinds, the one nearest the end wins
    (``验收通过及时率`` is a 及时率). Legacy clauses without a level-2 category
    are checked only where the level-1 category settles it. A budget-execution
    measure (``资金支出执行率`` under 13) belongs to no category:
    ``input-as-output`` reports it, not this rule.

    Why is this bad?
    ----------------
    财预〔2021〕101号 defines what each category measures — outputs in
    quantity, quality and time, costs, effects (效益), satisfaction — and
    财预〔2020〕10号 (绩效指标明确性) asks that indicators be clear and match
    the task. An indicator under the wrong category hides a missing one: a
    project whose "effect" is a satisfaction survey has stated no effect.

    Example
    -------
    Bad::

        2、2-效益指标；24-可持续影响；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Good::

        2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Options
    -------
    ``keywords`` (mapping of kind to a list of regular expressions, searched
    in the name without a trailing unit): what a name measures; a profile
    replaces the kinds it names (``[]`` turns one off) and keeps the others;
    default
    ``satisfaction``: 满意度|满意率|满意比率; ``timeliness``: 及时率|及时性,
    完成/竣工/完工/交付/上线时间, 前完成, 按时/按期/准时…率, 延迟率|延期率;
    ``quality``: 合格率, 验收(合格|通过)率, 准确率|准确度; ``cost``: …成本 (not 降低成本),
    单价, 人均/单位/平均/每…成本|费用|经费 (a name that lowers a cost,
    ``降低合作单位人事管理负担和成本``, is an effect).
    """
    kind = _kind(ctx, clause)
    if kind is None:
        return
    names = ctx.memo.get(_NAMED_KIND, dict)
    named = names.get(clause.name, "")
    if named == "":
        keywords = {**CATEGORY_KEYWORDS, **ctx.options["keywords"]}
        kinds = ctx.memo.get(
            _KIND_REGEXES,
            lambda: [(k, any_of(keywords[k])) for k in _KIND_ORDER if keywords.get(k)],
        )
        named = names[clause.name] = _name_kind(normalize(clause.name), kinds)
    if named is None or named == kind:
        return
    if kind == "output" and named != "satisfaction":
        return  # a legacy 产出指标 holds timeliness, quality and (2021) cost alike
    expected = _expected(ctx, named)
    args = {"name": clause.name, "category": _category(clause), "expected": expected}
    if named == "satisfaction" and kind == "effect":
        key = "satisfaction-as-effect"
    else:
        key = "default"
        args["named_zh"], args["named_en"] = _KIND_WORDS[named]
    yield Problem(clause.name_span, key, args, field="indicator", excerpt=clause.name)


# --------------------------------------------------------------------------
# satisfaction-target

SATISFACTION_NAMES: list[str] = list(VOCABULARY.satisfaction_names)


@rule(
    "satisfaction-target",
    severity="warning",
    scope="clause",
    messages={
        "default": (
            "满意度目标「{text}」低于{minimum}%：目标过低，应不低于{minimum}%",
            "the satisfaction target “{text}” is below {minimum}%: aim for at least {minimum}%",
        ),
        "full": (
            "满意度目标「{text}」为{maximum}%：调查满意度难以全员满意，"
            "应设为可实现的水平（如 ≥90%）",
            "the satisfaction target “{text}” is {maximum}%: no survey is unanimous, set an "
            "attainable level (e.g. ≥90%)",
        ),
    },
    options={
        "minimum": Option("number", 80, "lowest acceptable satisfaction target, in percent"),
        "maximum": Option(
            "number",
            100,
            "satisfaction targets at or above this (up to 100) are unrealistic; above 100: off",
        ),
        "names": Option("list[regex]", SATISFACTION_NAMES, "names of satisfaction levels"),
        "percent_units": Option("list[str]", ["%"], "units of a satisfaction level"),
        "bare_numbers": Option(
            "bool", True, "read a number without a unit (满意率：0) as a percentage"
        ),
    },
    doc_zh="""
    满意度目标过低，或任何调查都达不到。

    检查内容
    --------
    对满意度指标（名称为满意度、满意率），报告百分比目标（或不带单位的数，如「0」）低于 minimum
    （80%：「＞70%」「60%或以上」）或达到 maximum（100%：「100%」「≥100%」）的。只读下限和确切值；
    上限（「≤90%」）由 comparator-direction 报告，数量（「少于5次」）由 value-type-mismatch 报告，
    超过 100% 由 percent-out-of-range 报告。

    为什么有问题
    ------------
    财预〔2021〕101号要求目标值参考历史、计划和标准设定，既有挑战性又可实现；财预〔2020〕10号
    （绩效目标合理性）要求目标合理。低于 80% 的满意度目标等于接受五分之一的服务对象不满意；100%
    只有每位受访者都满意才能达到，没有调查做得到，年初就注定无法达标。

    示例
    ----
    错误：

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:100%；年度指标值:100%。

    正确：

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    选项
    ----
    minimum：可接受的最低目标（百分比，默认 80）。
    maximum：达到或超过该值（不超过 100）即报告（默认 100；设为大于 100 则关闭）。
    names：满意度指标名称（正则表达式列表）。
    percent_units：满意度的单位。
    bare_numbers：把不带单位的数（满意率：0）当作百分比读取。
    """,
)
def satisfaction_target(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A satisfaction target that is too low or that no survey can meet.

    What it does
    ------------
    Reports a satisfaction level (an indicator named 满意度, 满意率) whose
    target in percent (or a bare number, ``0``) is below ``minimum`` (80 %:
    ``＞70%``, ``60%或以上``) or at
    ``maximum`` (100 %: ``100%``, ``≥100%``). Only floors and exact values
    are read; a cap (``≤90%``) is ``comparator-direction``'s, a count
    (``少于5次``) ``value-type-mismatch``'s, above 100 % ``percent-out-of-range``'s.

    Why is this bad?
    ----------------
    财预〔2021〕101号 asks that target values be set from history, plans and
    standards so that they are demanding and attainable; 财预〔2020〕10号
    (绩效目标合理性) asks that they be reasonable. A satisfaction target below
    80 % accepts that one user in five is dissatisfied; 100 % is met only if
    every respondent is satisfied, which no survey achieves, so the target
    is failed before the year starts.

    Example
    -------
    Bad::

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:100%；年度指标值:100%。

    Good::

        6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。

    Options
    -------
    ``minimum`` (number): lowest acceptable target, in percent; default 80.
    ``maximum`` (number): targets at or above it, up to 100, are reported;
    default 100 (only exactly 100 %); set above 100 to turn this off.
    ``names`` (list of regular expressions): names of satisfaction levels;
    default ``满意(度|率|比率)``.
    ``percent_units`` (list): units of a satisfaction level; default ``%``.
    ``bare_numbers`` (bool): read a number without a unit as a percentage
    (``出国人员满意率：0``); default true.
    """
    if not any_of(ctx.options["names"]).search(normalize(clause.name)):
        return
    minimum = _decimal(ctx.options["minimum"])
    maximum = _decimal(ctx.options["maximum"])
    for value_field in ctx.facts.distinct_values(clause):
        value = value_field.value
        number = value.number
        percent = value.unit in ctx.options["percent_units"] or (
            value.unit is None and ctx.options["bare_numbers"]
        )
        if (
            value.kind != "quantity"
            or number is None
            or not percent
            or value.per is not None
            or value.comparator not in (">=", ">", "=")
        ):
            continue
        if number < minimum:
            key = "default"
        elif maximum <= number <= 100 and value.comparator != ">":
            key = "full"
        else:
            continue
        keyword = field_name(value_field)
        args = {
            "text": value_field.text,
            "keyword": value_field.keyword,
            "field": keyword,
            "minimum": _plain(minimum),
            "maximum": _plain(maximum),
        }
        yield Problem(value_field.span, key, args, field=keyword, excerpt=value_field.text)


# --------------------------------------------------------------------------
# missing-goal and goal-too-short

EMPTY_GOALS: list[str] = ["无", "暂无", "空", "略", "/", "-", "—", "——", "－"]
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _goal_text(project: Project) -> str:
    return "" if project.goal is None else project.goal.value.strip()


@rule(
    "missing-goal",
    severity="error",
    scope="project",
    messages={
        "default": (
            "项目「{project}」未填写绩效目标：应说明项目做什么、做到什么程度",
            "project “{project}” has no performance goal: state what it does and to what extent",
        ),
        "empty": (
            "项目「{project}」的绩效目标只有「{text}」：应说明项目做什么、做到什么程度",
            "the goal of project “{project}” is only “{text}”: state what it does and to "
            "what extent",
        ),
    },
    options={
        "empty_values": Option(
            "list[str]", EMPTY_GOALS, "goals that count as empty (无, 暂无, /, -)"
        ),
    },
    doc_zh="""
    项目没有绩效目标。

    检查内容
    --------
    报告绩效目标栏为空、只有标点，或是 empty_values 之一（「无」「暂无」「/」）的项目行。占位文字
    （「待补充」）由 placeholder 报告。

    为什么有问题
    ------------
    粤财绩〔2019〕11号：项目须有绩效目标才能纳入预算；没有目标，指标无从对照，年底也无从评价
    （财预〔2020〕10号，绩效目标合理性）。

    示例
    ----
    错误：

        社保档案数字化项目  120.00  120.00  （无绩效目标）  1、1-产出指标；…

    正确：

        社保档案数字化项目  120.00  120.00  完成150万页档案数字化加工，提升档案查询效率。  1、…

    选项
    ----
    empty_values：视为空的目标文字（默认 无 暂无 空 略 / — —— －）。
    """,
)
def missing_goal(ctx: Context, project: Project) -> Iterator[Problem]:
    """A project without a performance goal.

    What it does
    ------------
    Reports a project row whose 绩效目标 cell is empty, only punctuation, or
    one of ``empty_values`` (``无``, ``暂无``, ``/``). A placeholder
    (``待补充``) is ``placeholder``'s finding.

    Why is this bad?
    ----------------
    粤财绩〔2019〕11号: a project enters the budget only with a performance
    goal; without one there is nothing to set the indicators against or to
    assess at the end of the year (财预〔2020〕10号, 绩效目标合理性).

    Example
    -------
    Bad::

        社保档案数字化项目  120.00  120.00  (no goal)  1、1-产出指标；…

    Good::

        社保档案数字化项目  120.00  120.00  完成150万页档案数字化加工，提升档案查询效率。  1、…

    Options
    -------
    ``empty_values`` (list): goals that count as empty; default ``无 暂无 空
    略 / - — —— －``.
    """
    text = _goal_text(project)
    args = {"project": project.title, "text": text}
    if not any(ch.isalnum() for ch in text):
        span = project.goal.span() if project.goal else project.name.span()
        yield Problem(span, args=args, field="goal", excerpt=text or None)
    elif text in ctx.options["empty_values"]:
        assert project.goal is not None
        yield Problem(project.goal.span(), "empty", args, field="goal", excerpt=project.goal.value)


@rule(
    "goal-too-short",
    severity="info",
    scope="project",
    messages={
        "default": (
            "绩效目标只有{count}个汉字：应说明项目做什么、为谁做、做到什么程度（至少{minimum}字）",
            "the goal has only {count} Chinese characters: say what the project does, for "
            "whom and to what extent (at least {minimum})",
        ),
    },
    options={
        "min_chars": Option("int", 20, "fewest Chinese characters a goal should have"),
    },
    doc_zh="""
    绩效目标过短，说不清项目做什么、达到什么效果。

    检查内容
    --------
    统计绩效目标中的汉字数（数字、字母和标点不计），少于 min_chars 的报告。空目标由 missing-goal
    报告，占位文字由 placeholder 报告。

    为什么有问题
    ------------
    粤财绩〔2019〕11号要求每个项目都有绩效目标，财预〔2020〕10号（绩效目标合理性、绩效指标明确性）
    要求目标写明任务、产出和效果，以便从中导出指标。寥寥几个字的目标（「保障项目运行。」）哪一项
    都没有写明。

    示例
    ----
    错误：

        保障中心正常运转。

    正确：

        通过采购两处物业管理服务，确保中心公用区域和办公区域安全、整洁，保障大楼和基地安全稳定运作。

    选项
    ----
    min_chars：最少汉字数（整数，默认 20）。
    """,
)
def goal_too_short(ctx: Context, project: Project) -> Iterator[Problem]:
    """A goal too short to state what the project does and achieves.

    What it does
    ------------
    Counts the Chinese characters (CJK ideographs; digits, letters and
    punctuation do not count) of the 绩效目标 and reports a goal with fewer
    than ``min_chars``. An empty goal is ``missing-goal``'s finding, a
    placeholder ``placeholder``'s.

    Why is this bad?
    ----------------
    粤财绩〔2019〕11号 requires a goal for every project, and 财预〔2020〕10号
    (绩效目标合理性, 绩效指标明确性) asks that it name the task, its output
    and its effect so that the indicators can be derived from it. A goal of
    a few words (``保障项目运行。``) names none of them.

    Example
    -------
    Bad::

        保障中心正常运转。

    Good::

        通过采购两处物业管理服务，确保中心公用区域和办公区域安全、整洁，保障大楼和基地安全稳定运作。

    Options
    -------
    ``min_chars`` (integer): fewest Chinese characters; default 20.
    """
    text = _goal_text(project)
    if project.goal is None or not any(ch.isalnum() for ch in text):
        return
    minimum = ctx.options["min_chars"]
    count = 0
    for _ in _CJK.finditer(text):
        count += 1
        if count >= minimum:
            return
    if ctx.facts.is_empty_goal(text) or ctx.facts.is_placeholder(text):
        return
    args = {"count": count, "minimum": minimum}
    yield Problem(project.goal.span(), args=args, field="goal", excerpt=project.goal.value)


# --------------------------------------------------------------------------
# cost-exceeds-budget

MONEY_UNITS: dict[str, float] = {
    **VOCABULARY.money_in_wan(),  # the shared money units, in 万元
    "元/人": 0.0001,
    "元/人次": 0.0001,
}
COST_NAMES: list[str] = list(VOCABULARY.cost_names)


@rule(
    "cost-exceeds-budget",
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
    if _kind(ctx, clause) != "cost" and not any_of(ctx.options["names"]).search(clause.name):
        return
    units: dict[str, Any] = ctx.options["money_units"]
    for value_field in ctx.facts.distinct_values(clause):
        value = value_field.value
        if value.kind != "quantity" or value.unit not in units:
            continue
        number = value.upper if value.upper is not None else value.number
        if number is None:
            continue
        amount = number * _decimal(units[value.unit])
        if amount <= total:
            continue
        keyword = field_name(value_field)
        args = {
            "name": clause.name,
            "text": value_field.text,
            "keyword": value_field.keyword,
            "field": keyword,
            "amount": _plain(_cents(amount)),
            "total": _plain(total),
        }
        yield Problem(value_field.span, args=args, field=keyword, excerpt=value_field.text)


# --------------------------------------------------------------------------
# deadline-not-concrete

PERIOD_UNITS: list[str] = [
    "年", "学年", "学期", "季度", "月", "个月", "周", "天", "日", "工作日", "自然日", "小时",
    "分钟", "秒",
]  # fmt: skip
CONCRETE_PATTERNS: list[str] = [
    # a span in Chinese numerals: 一周以内, 三个工作日内, 两小时 (the last numeral
    # and the unit: ``[…]+`` would rescan a long run of numerals from each one)
    r"[零〇一二两三四五六七八九十半]\s*(?:个)?(?:工作日|自然日|天|日|周|星期|个?月|季度|年|小时|分钟)",
    # around the clock
    r"全天|全年无休|24小时|7\s*[×xX*]\s*24",
]
RATE_NAMES: list[str] = list(VOCABULARY.rate_names)


def _concrete(value_field: ValueField, name: str, options: dict[str, Any]) -> bool:
    """Whether a 时效 value gives a date, a period or a rate."""
    value = value_field.value
    if value.kind == "date":
        return True
    if value.kind == "quantity":
        periods = options["period_units"]
        if value.unit in options["percent_units"] or value.unit in periods:
            return True
        if value.per in periods and value.unit not in options["money_units"]:
            return True  # a frequency: 1次/周, 每月1次
        if value.unit is None and any_of(options["rate_names"]).search(name):
            return True  # a rate written without %: 延期率 0
    return any_of(options["concrete"]).search(value_field.text) is not None


@rule(
    "deadline-not-concrete",
    severity="info",
    scope="clause",
    messages={
        "default": (
            "时效指标「{name}」的{keyword}「{text}」没有具体时限："
            "应写明日期（如 2024年11月30日前）、期限（如 3个工作日内）或及时率（如 ≥95%）",
            "the timeliness indicator “{name}”: the {field} value “{text}” sets no time: "
            "give a date (2024年11月30日前), a period (3个工作日内) or a rate (≥95%)",
        ),
        "count": (
            "时效指标「{name}」的{keyword}「{text}」是计数，不是时限：应写明日期、期限或及时率；"
            "计数目标应归入数量、质量或效益指标",
            "the timeliness indicator “{name}”: the {field} value “{text}” is a count, not a "
            "time: give a date, a period or a rate, and file counts under another category",
        ),
        "money": (
            "时效指标「{name}」的{keyword}「{text}」是金额，不是时限：应写明日期、期限或及时率，"
            "补贴或开支标准应归入成本指标",
            "the timeliness indicator “{name}”: the {field} value “{text}” is an amount of "
            "money, not a time: give a date, a period or a rate, and file standards under cost",
        ),
        "bare": (
            "时效指标「{name}」的{keyword}「{text}」没有单位："
            "应写明期限的单位（如 ≤3个工作日、≤3小时）",
            "the timeliness indicator “{name}”: the {field} value “{text}” has no unit: "
            "say which (≤3个工作日, ≤3小时)",
        ),
    },
    options={
        "period_units": Option("list[str]", PERIOD_UNITS, "units of a period of time"),
        "percent_units": Option("list[str]", list(VOCABULARY.percent_units), "units of a rate"),
        "money_units": Option(
            "list[str]", list(VOCABULARY.money_units), "units of money (800元/月 is no frequency)"
        ),
        "rate_names": Option(
            "list[regex]", RATE_NAMES, "names of rates, whose bare number is a rate"
        ),
        "concrete": Option(
            "list[regex]",
            CONCRETE_PATTERNS,
            "text that states a time without digits (一周以内, 全天, 7×24小时)",
        ),
    },
    doc_zh="""
    时效指标的目标没有日期、期限或比率。

    检查内容
    --------
    对「13-时效指标」（或旧格式的时效指标）下的每条条款，报告既没有日期（「2024年11月30日前」
    「每年7月份之前」）、也没有期限（「5个工作日」「24小时内」「一周以内」，或「1次/周」这样的频次）、
    也没有比率（「≥95%」）的值：「按时」「每月按时支付」「是」、一个次数（「2次」）、一个金额
    （「800元/月」）、一个没有单位的数（「<=3」）。完全没有可衡量内容的文字（「按合同工期完成工程」）
    由 not-quantified 报告，占位文字由 placeholder 报告，这里不重复。

    为什么有问题
    ------------
    财预〔2020〕10号（绩效指标明确性）要求目标清晰、可衡量；财预〔2021〕101号把时效指标定义为
    完成产出的时间。「按时」「及时」依赖表中没有给出的进度安排：到年底谁也说不清是否达标。

    示例
    ----
    错误：

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月按时支付租赁岗位人员工资；…

    正确：

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月10日前支付；…

    选项
    ----
    period_units：时间单位；percent_units：比率单位；money_units：金额单位；rate_names：比率名称。
    concrete：不用数字也说明了时间的文字（一周以内、全天、7×24小时）。
    """,
)
def deadline_not_concrete(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A timeliness (时效) target without a date, a period or a rate.

    What it does
    ------------
    For each clause under ``13-时效指标`` (or a legacy 时效指标), reports a
    value that gives neither a date (``2024年11月30日前``, ``每年7月份之前``),
    a period (``5个工作日``, ``24小时内``, ``一周以内``, a frequency such as
    ``1次/周``), nor a rate (``≥95%``): ``按时``, ``每月按时支付``,
    ``是``, a count (``2次``), an amount (``800元/月``), a number without a
    unit (``<=3``). Text with nothing measurable at all (``按合同工期完成工程``)
    is ``not-quantified``'s finding, a placeholder ``placeholder``'s; they
    are not reported again.

    Why is this bad?
    ----------------
    财预〔2020〕10号 (绩效指标明确性) asks for targets that are clear and
    measurable (清晰、可衡量); 财预〔2021〕101号 defines 时效指标 as the time
    by which an output is delivered. ``按时`` and ``及时`` defer to a schedule
    the table does not give: at the end of the year nobody can say whether
    the target was met.

    Example
    -------
    Bad::

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月按时支付租赁岗位人员工资；…

    Good::

        4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月10日前支付；…

    Options
    -------
    ``period_units`` (list): units of time; default 年, 学年, 学期, 季度, 月,
    个月, 周, 天, 日, 工作日, 自然日, 小时, 分钟, 秒.
    ``percent_units`` (list): units of a rate; default the shared vocabulary's (``% ‰ 百分点``).
    ``money_units`` (list): units of money, whose ``/月`` is no frequency;
    default ``元 万元 亿元``.
    ``rate_names`` (list of regular expressions): names whose bare number is
    a rate (``延期率：0``); default the shared vocabulary's ``rate_names`` (``率$ 占比$ 比重$``).
    ``concrete`` (list of regular expressions): text that states a time
    without digits; default Chinese-numeral periods (``一周以内``) and
    ``全天``, ``24小时``, ``7×24``.
    """
    if _kind(ctx, clause) != "timeliness":
        return
    name = normalize(clause.name)
    for value_field in ctx.facts.distinct_values(clause):
        if value_field.value.kind == "empty" or _concrete(value_field, name, ctx.options):
            continue
        if _owned_elsewhere(ctx, clause, value_field):
            continue
        value = value_field.value
        key = "default"
        if value.kind == "quantity":
            if value.unit is None:
                key = "bare"
            elif value.unit in ctx.options["money_units"]:
                key = "money"
            else:
                key = "count"
        keyword = field_name(value_field)
        args = {
            "name": clause.name,
            "text": value_field.text,
            "keyword": value_field.keyword,
            "field": keyword,
        }
        yield Problem(value_field.span, key, args, field=keyword, excerpt=value_field.text)
