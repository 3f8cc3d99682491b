"""The ``placeholder`` rule, of the ``content`` group: placeholder text left
from a draft (``待补充``, ``XXX``, ``……``, ``年度计划数``).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import BOTH, field_name, sub_span
from audit.model import ANNUAL, PERIOD, Clause, Project, Span, Text
from audit.values import SHEET_ERROR

PLACEHOLDER_PATTERNS: list[str] = [
    r"待(?:单位|部门|科室)?(?:补充|填报|填写|填|完善|确认|确定|核实|定)",
    r"[Xx](?<![A-Za-z][Xx])[Xx]+(?![A-Za-z])",
    r"[×＊*][×＊*]+",
    r"某某+",
    # An ellipsis not followed by 等; tried once per run of dots (the look-behinds),
    # whose length is never given back (possessive), so a long run is linear. The
    # look-ahead names its first characters, so other text is skipped quickly.
    r"(?=[…\.。·])(?:(?<!…)…++|(?<!\.)\.\.\.++|(?<!。)。。。++|(?<!·)···++)(?![…\.。·]|\s*等)",
    r"年度计划数",
    r"另行通知",
    SHEET_ERROR,  # a formula's error value (#DIV/0!, #REF!, #N/A) where its result belongs
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
    group="content",
    severity="error",
    scope="project",
    messages={
        "default": (
            "{field_zh}含占位文字「{text}」：应填写实际内容",
            "placeholder “{text}” in the {field_en}: write the actual content",
        ),
        "template": (
            "{field_zh}「{text}」是模板文字，不是目标值：应填写具体目标",
            "the {field_en} “{text}” is a word of the template, not a target: write the target",
        ),
        "sheet-error": (
            "{field_zh}是电子表格的公式错误「{text}」：公式已失效，应改正公式或填写实际内容",
            "the {field_en} is the spreadsheet error “{text}”: its formula failed; correct "
            "the formula or write the actual content",
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
    「另行通知」，电子表格的公式错误（「#DIV/0!」「#REF!」「#N/A」：公式失效，应有的结果没有算出），
    以及只写了模板用语的指标值（「定量指标」「非量化指标」：把模板的指标性质栏
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
    ``年度计划数`` (where the planned number belongs), ``另行通知``, a
    spreadsheet's error value (``#DIV/0!``, ``#REF!``, ``#N/A``: a formula that
    failed where its result belongs), and target values that are only a word of
    the template (``定量指标``, ``非量化指标``:
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
    if key == "default" and text.startswith("#"):
        key = "sheet-error"
    zh, en = _FIELD_WORDS[words or text_field]
    return Problem(
        span,
        key,
        args={"text": text, "field_zh": zh, "field_en": en},
        field=text_field,
        excerpt=text,
        clause=number,
    )
