"""The ``missing-field`` rule, of the ``structure`` group: an indicator clause
without its categories, name, period value or annual value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.model import ANNUAL, PERIOD, Category, Clause, clause_label

_MISSPELT = {
    PERIOD: re.compile(
        r"(?:实施(?:周期|期)?(?:指标|目标)值?|实施(?:周期|期)值|(?:实施)?周期指[标示]值|实施周期指[示值])"
        r"[ \t]*[:：]"
    ),
    ANNUAL: re.compile(
        r"(?:年度(?:指标|目标)|年度值|年度?目标值|年度指[示值]|本?年指标值)[ \t]*[:：]"
    ),
}
"""A value keyword mistyped (年度指标：, 年度目标值：, 实施期指标值：, 实施周期指标：), as a
clause without that keyword holds it: a keyword the grammar does not know runs into the
text before it."""


@rule(
    "missing-field",
    group="structure",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标缺少{part}",
            "indicator {number} has no {part_en}",
        ),
        "misspelt": (
            "第{number}条指标缺少{part}：「{found}」应写作「{part}：」",
            "indicator {number} has no {part_en}: “{found}” should read “{part}：”",
        ),
    },
    options={
        "legacy_needs_period": Option(
            "bool",
            False,
            "whether clauses of the older form (no codes) must also have 实施周期指标值",
        ),
    },
    doc_zh="""
    指标条款缺少类别、指标名称、实施周期指标值或年度指标值。

    检查内容
    --------
    报告没有指标名称（三级指标）、没有「实施周期指标值」或没有「年度指标值」的条款，没写一级、二级
    指标的条款（如「3、验收通过率；实施周期指标值：…」），带编码却缺少二级指标（如「11-数量指标」）
    的条款，以及只写了二级指标、漏了一级指标的条款（「1、11-数量指标；…」，或有实施周期指标值的条款中
    不带编码的「1、数量指标；培训人数；实施周期指标值:…」，一级指标作为标题写在条款之上的「产出指标：1、数量指标；…」
    不算漏写）；每缺一项报告一次
    （写了关键词但值为空的，由 empty-value 报告）。关键词写错的（「年度指标：」「年度目标值：」
    「实施期指标值：」），指出写错之处。旧格式条款（「1、满意度指标：服务对象的满意度，年度指标值：
    ≥90%。」）
    本来就不写实施周期指标值，除非设置 legacy_needs_period，否则不报告。

    为什么有问题
    ------------
    每条指标都要有名称，并分别给出整个实施周期和预算年度的目标值；缺了就无法评价。

    示例
    ----
    错误：

        2、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%。

    正确：

        2、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%；年度指标值:≥95%。

    选项
    ----
    legacy_needs_period（默认 false）：旧格式条款也要求写实施周期指标值。
    """,
)
def missing_field(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """An indicator clause without its categories, name, period value or annual value.

    What it does
    ------------
    Reports a clause that has no indicator name (三级指标), no
    ``实施周期指标值`` or no ``年度指标值``, a clause written without its
    categories (``3、验收通过率；实施周期指标值：…``), a coded clause whose
    level-2 category (二级指标, ``11-数量指标``) is missing, and one whose level-2
    category stands alone (``1、11-数量指标；…``, or without its code in a clause
    with both values, ``1、数量指标；培训人数；实施周期指标值:…``: its 一级指标
    left out, unless a heading over the clauses names it: ``产出指标：1、数量指标；…``);
    one finding for each missing part (a keyword with an empty value
    is ``empty-value``'s). A keyword mistyped
    (``年度指标：``, ``年度目标值：``, ``实施期指标值：``) is pointed at. Clauses of the
    older form (``1、满意度指标：服务对象的满意度，年度指标值： ≥90%。``) were
    written without a period value, so its absence is not reported there
    unless ``legacy_needs_period`` is set. In the national template (one row
    per indicator) a value column the table does not have (many forms have
    only a 年度 column) is not missing; a blank cell is ``empty-value``'s.

    Why is this bad?
    ----------------
    Every indicator needs a name and a target for the whole implementation
    period and for the budget year; without them it cannot be evaluated.

    Example
    -------
    Bad::

        2、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%。

    Good::

        2、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%；年度指标值:≥95%。

    Options
    -------
    ``legacy_needs_period`` (default ``false``): require ``实施周期指标值`` in
    clauses of the older form too.
    """
    number = clause_label(clause)
    if clause.level1 is None and clause.level2 is not None:
        # Its level-2 category written alone (1、11-数量指标；…): the level-1 is missing.
        yield Problem(
            clause.level2.span,
            args={"number": number, "part": "一级指标", "part_en": "level-1 category (一级指标)"},
            field="indicator",
            excerpt=str(clause.level2),
        )
    elif (alone := _level2_alone(clause)) is not None and not _under_heading(ctx, clause):
        # 1、数量指标；培训人数；实施周期指标值:…: a level-2 category written alone in the
        # form with both values, its level-1 only inferred from it, is missing it as
        # 1、11-数量指标；… is.
        yield Problem(
            alone.span,
            args={"number": number, "part": "一级指标", "part_en": "level-1 category (一级指标)"},
            field="indicator",
            excerpt=str(alone),
        )
    elif clause.level1 is None:
        coded = clause.form == "coded"
        yield Problem(
            clause.number_span,
            args={
                "number": number,
                "part": "一级指标和二级指标" if coded else "指标类别",
                "part_en": "categories (一级指标, 二级指标)" if coded else "category",
            },
            field="indicator",
            excerpt=clause.text,
        )
    elif clause.form != "legacy" and clause.level2 is None:
        yield Problem(
            clause.level1.span,
            args={"number": number, "part": "二级指标", "part_en": "level-2 category (二级指标)"},
            field="indicator",
            excerpt=str(clause.level1),
        )
    if not clause.name.strip():
        yield Problem(
            clause.span,
            args={"number": number, "part": "指标名称", "part_en": "indicator name"},
            field="indicator",
            excerpt=clause.text,
        )
    if clause.form == "row":
        return  # a value column the table does not have; a blank cell is empty-value's
    needs_period = clause.form != "legacy" or ctx.options["legacy_needs_period"]
    for keyword, part_en, field in (
        (PERIOD, "实施周期指标值 (period value)", "period"),
        (ANNUAL, "年度指标值 (annual value)", "annual"),
    ):
        value_field = clause.period if keyword == PERIOD else clause.annual
        if value_field is None and (keyword == ANNUAL or needs_period):
            args = {"number": number, "part": keyword, "part_en": part_en}
            misspelt = _MISSPELT[keyword].search(clause.text)
            if misspelt is not None:
                # 年度指标：≥95% — the keyword mistyped, its value read as the text before it.
                found = misspelt.group().rstrip(" \t")
                yield Problem(
                    clause.span.sub(misspelt.start(), misspelt.start() + len(found)),
                    "misspelt",
                    {**args, "found": found},
                    field=field,
                    excerpt=found,
                )
                continue
            yield Problem(clause.span, args=args, field=field, excerpt=clause.text)


_HEADING_MARKS = re.compile(r"^[\s(（]*[一二三四五六七八九十\d]*[)）、.．]?\s*|[\s:：。；;]+$")
"""An outline heading's number (一、 （一） 1.) and its closing colon."""


def _under_heading(ctx: Context, clause: Clause) -> bool:
    """Whether the clause stands under a heading that names a level-1
    category (``产出指标：1、数量指标；…``, ``（一）产出指标`` on a line of its
    own): its level-1 category is written, once for the clauses under it.
    The heading is the last stretch before the clause that is no clause."""
    project = ctx.project
    if project is None:
        return False
    heading: str | None = None
    for item in project.clauses:
        if item is clause or item.span.covers_same(clause.span):
            break
        if not isinstance(item, Clause):
            heading = item.text
    if heading is None:
        return False
    words = _HEADING_MARKS.sub("", heading)
    names = ctx.taxonomy.level1_names
    return words in names or f"{words}指标" in names


def _level2_alone(clause: Clause) -> Category | None:
    """The level-2 category of a clause whose level-1 one was not written but
    inferred from it (the parser gives both the level-2 category's place), in
    a clause that has a period value; None otherwise. The older form
    (``1、满意度指标：…，年度指标值：…``) writes one category and no period
    value, and is not judged."""
    level1, level2 = clause.level1, clause.level2
    if level1 is None or level2 is None or clause.form == "row" or clause.period is None:
        return None
    return level2 if level1.span.covers_same(level2.span) else None
