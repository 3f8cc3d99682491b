"""The same target value pasted on many unrelated indicators of a project or a table."""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.engine import Context, Option, Problem, rule
from audit.facts import normalize
from audit.model import Clause, Document, Project, Text, Unit


def _names(clauses: list[Clause]) -> dict[str, str]:
    names = [c.name for c in clauses]
    more = "…" if len(names) > 4 else ""
    return {"names_zh": "、".join(names[:4]) + more, "names_en": ", ".join(names[:4]) + more}


@rule(
    "boilerplate-value",
    severity="warning",
    scope="document",
    group="duplicates",
    options={
        "min_indicators": Option(
            "int", 3, "how many indicators must carry the same value to be reported", min=2
        ),
        "min_misfits": Option(
            "int",
            2,
            "how many of them the value must not fit (a percentage fits only a rate, a "
            "satisfaction level or a state reached; 是/否 a yes/no indicator; other text "
            "fits none in particular)",
            min=0,
        ),
        "min_categories": Option(
            "int",
            3,
            "how many different categories (二级指标) the indicators carrying it must span",
            min=1,
        ),
        "table_share": Option(
            "number",
            0.5,
            "the share of a table's indicators (0 to 1) that one value must stand on to be "
            "reported for the table when no project reaches the thresholds on its own",
            min=0,
            max=1,
        ),
    },
    messages={
        "default": (
            "「{value}」重复填写在{count}条指标上（{names_zh}），它们分属{categories}个类别、衡量的内容"
            "各不相同：应按每条指标分别设定目标",
            "“{value}” is pasted on {count} indicators ({names_en}) in {categories} categories "
            "that measure different things: set each indicator its own target",
        ),
        "note": (
            "说明栏「{value}」重复填写在{count}条指标上（{names_zh}），它们分属{categories}个类别："
            "说明应针对每条指标写明指标值如何设定、如何衡量",
            "the note “{value}” is pasted on {count} indicators ({names_en}) in {categories} "
            "categories: a note should say how each indicator's value is set and measured",
        ),
        "table": (
            "「{value}」重复填写在{projects}个项目的{count}条指标上（占全表指标的{share}），"
            "分属{categories}个类别、衡量的内容各不相同：应按每条指标分别设定目标",
            "“{value}” is pasted on {count} indicators of {projects} projects ({share} of the "
            "table's indicators) in {categories} categories that measure different things: "
            "set each indicator its own target",
        ),
    },
    doc_zh="""
    同一个指标值被粘贴到一个项目中许多互不相关的指标上。

    检查内容
    --------
    找出一个项目中出现在至少 min_indicators 条指标上的同一个指标值（「≥95%」与「95%或以上」
    算同一个），
    若这些指标分属至少 min_categories 个类别（二级指标，如数量、时效、社会效益、满意度），其中至少
    min_misfits 条不适合这个值（百分比只适合名称是比率、满意度或
    状态（「按时完成」「验收合格」）的指标；「是」「否」只适合「是否……」指标；其他文字不特别适合任何指标），
    每个项目每个值报告一次，说明重复了几条、是哪些指标，位置在第一次出现处。几条满意度指标都填
    「≥90%」、几条合格率都填「100%」是正常的，不报告；占位文字、重复指标名称的值由各自的规则报告。
    被报告的值在它不适合的指标上只由本规则报告（「≥95%」填在人数、单位成本上，不再逐条报告类型不符、
    方向不对）；适合的指标照常由其他规则检查。
    没有哪个项目单独达到上述条件、但同一个值占全表指标至少 table_share 且出现在两个以上项目中的，
    对整张表报告一次。
    全国模板指标表的说明栏（指标值说明、备注）也一样：同一句说明（至少 8 个汉字；「无」「略」、
    「参照行业标准」这样的设定依据、「数据来源：…」这样的数据来源不算）填在一个项目至少一半、
    至少 min_indicators 条、分属至少 min_categories 个类别的指标上的，报告一次。

    为什么有问题
    ------------
    人数、完成率、时限、满意度各有各的量纲，同一个「≥95%」不可能同时是它们合适的目标。这样的表
    只是套了模板，没有真正设定目标，年终也无法据此考核。

    示例
    ----
    错误：

        健康讲座场次 ≥95% | 档案规范率 ≥95% | 讲座按时完成 ≥95%
        居民健康素养提升 ≥95% | 居民满意度 ≥95%

    正确：

        健康讲座场次 ≥12场 | 档案规范率 ≥95% | 讲座按时完成 2025年12月底前
        居民健康知识知晓率 ≥80% | 居民满意度 ≥90%

    选项
    ----
    min_indicators：至少几条指标填了同一个值才报告，默认 3。
    min_misfits：其中至少几条不适合该值才报告，默认 2。
    min_categories：填了该值的指标至少分属几个类别才报告，默认 3。
    table_share：同一个值至少占全表指标的多少比例（0 到 1）才对整张表报告，默认 0.5。
    """,
)
def boilerplate_value(ctx: Context, document: Document) -> Iterator[Problem]:
    """The same target value pasted on many unrelated indicators of a project.

    What it does
    ------------
    Finds a value that stands on at least ``min_indicators`` indicators of
    one project (``≥95%`` and ``95%或以上`` are the same value). When those
    indicators span at least ``min_categories`` categories (level 2: 数量,
    时效, 社会效益, 满意度 …) and at least ``min_misfits`` of them are
    indicators the value does not fit (a percentage fits only a rate, a
    satisfaction level or a state reached such as 按时完成 or 验收合格; 是 or 否
    fits a yes/no indicator named 是否…; other text fits none in particular),
    reports it once per project and
    value, with the count and the indicators, at its first appearance. The
    same ``≥90%`` on several satisfaction levels, or ``100%`` on several
    pass rates, is natural and not reported; placeholders and restated
    names are their own rules' findings. On the indicators it does not fit,
    a reported value is this rule's alone (``≥95%`` on a head count or a unit
    cost is not reported again as a value of the wrong kind or a cost given
    a floor); the indicators it fits are judged by the other rules as usual.
    A value that no project carries often enough on its own but that stands
    on at least ``table_share`` of the table's indicators, in two projects or
    more, is reported once for the table. The national template's note
    column (指标值说明, 备注) is read the same way: one sentence (eight Chinese
    characters or more; not ``无`` or ``略``, a basis such as ``参照行业标准``, or
    a data source, ``数据来源：…``) on at least half of a project's indicators,
    and at least ``min_indicators`` of them in at least ``min_categories``
    categories, is reported once.

    Why is this bad?
    ----------------
    A head count, a completion rate, a deadline and a satisfaction level are
    measured differently: one ``≥95%`` cannot be the right target for all of
    them. The table follows a template instead of setting targets, and the
    year-end review has nothing to check them against.

    Example
    -------
    Bad::

        健康讲座场次 ≥95% | 档案规范率 ≥95% | 讲座按时完成 ≥95%
        居民健康素养提升 ≥95% | 居民满意度 ≥95%

    Good::

        健康讲座场次 ≥12场 | 档案规范率 ≥95% | 讲座按时完成 2025年12月底前
        居民健康知识知晓率 ≥80% | 居民满意度 ≥90%

    Options
    -------
    ``min_indicators``: how many indicators must carry the value (default
    3). ``min_misfits``: how many of them it must not fit (default 2).
    ``min_categories``: how many categories the indicators carrying it must
    span (default 3). ``table_share``: the share of the table's indicators
    a value must stand on to be reported for the table (default 0.5).
    """
    for unit in document.units:
        for project in unit.projects:
            if project.cells:
                yield from _pasted_notes(ctx, unit, project)
    for paste in ctx.facts.pastes().found:
        pasted = paste.pasted
        clauses = pasted.clauses()
        if paste.project is not None:
            args: dict[str, object] = {"value": pasted.text, "count": len(clauses)}
            args.update(_names(clauses), categories=paste.categories)
            yield Problem(
                pasted.first.span,
                args=args,
                excerpt=pasted.text,
                unit=paste.unit,
                project=paste.project,
            )
            continue
        yield Problem(
            pasted.first.span,
            key="table",
            args={
                "value": pasted.text,
                "count": len(clauses),
                "projects": paste.projects,
                "share": f"{paste.share:.0%}",
                "categories": paste.categories,
            },
            excerpt=pasted.text,
        )


_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_NOTE_CHARACTERS = 8
"""A note shorter than this (``无``, ``略``, ``见附件``, a basis chosen from the
template's list: ``参照行业标准``, ``计划标准``) is no sentence pasted over
indicators."""
_SOURCE = re.compile(r"^(?:数据|资料|信息)?(?:来源|取自|出处)")
"""A note that says where the values are measured (``数据来源：医保信息平台统计
报表``): one source for every indicator of one system is a fact, no filler."""


def _pasted_notes(ctx: Context, unit: Unit, project: Project) -> Iterator[Problem]:
    """One sentence in the note column (指标值说明) of a project's unrelated
    indicators: the column filled to fill it, saying nothing of any value."""
    options = ctx.options
    clauses = {c.number: c for c in project.clauses if isinstance(c, Clause)}
    pasted: dict[str, list[tuple[Text, Clause]]] = {}
    for number, cells in enumerate(project.cells, start=1):
        note = cells.extras.get("note")
        clause = clauses.get(number)
        if note is None or clause is None:
            continue
        key = normalize(note.value)
        if len(_CHINESE.findall(key)) >= _NOTE_CHARACTERS and not _SOURCE.match(key):
            pasted.setdefault(key, []).append((note, clause))
    for carriers in pasted.values():
        # on most of the project's indicators: the column filled to fill it
        if len(carriers) < max(options["min_indicators"], (len(clauses) + 1) // 2):
            continue
        categories = len({ctx.facts.category_of(clause) for _, clause in carriers})
        if categories < options["min_categories"]:
            continue
        note, clause = carriers[0]
        text = note.value.strip()
        args: dict[str, object] = {"value": text, "count": len(carriers)}
        args.update(_names([c for _, c in carriers]), categories=categories)
        yield Problem(
            note.span(),
            key="note",
            args=args,
            field="note",
            excerpt=text,
            clause=clause.number,
            unit=unit,
            project=project,
        )
