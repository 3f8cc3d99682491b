"""The ``input-as-output`` rule, of the ``guidance`` group: a budget-execution
or funds measure used as a performance indicator.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import Key, any_of, normalize, value_args
from audit.model import Clause

_INPUT_NAMES: Key[dict[str, bool]] = Key("guidance.input-names")


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
    group="guidance",
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
            args = value_args(clause, value_field)
            keyword = args["field"]
            yield Problem(value_field.span, "value", args, field=keyword, excerpt=value_field.text)
            return
