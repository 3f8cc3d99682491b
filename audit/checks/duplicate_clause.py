"""The ``duplicate-clause`` rule, of the ``duplicates`` group: the same clause
(categories, name and both values) twice in a project.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Problem, rule
from audit.facts import category_key, indicator_key, value_key
from audit.model import Clause, Project, clause_label, clauses_of


@rule(
    "duplicate-clause",
    group="duplicates",
    severity="warning",
    scope="project",
    messages={
        "default": (
            "第{number}条指标与第{first}条完全相同（类别、名称和指标值）：应删除重复的一条",
            "indicator {number} repeats indicator {first} (categories, name and values): "
            "remove the duplicate",
        ),
    },
    doc_zh="""
    同一项目中出现两条完全相同的条款（类别、名称和两个指标值都相同）。

    检查内容
    --------
    在每个项目内按一级、二级指标、指标名称和指标值（忽略空格和引号；名称也忽略全角半角和末尾的标点）比较各条款，报告重复前面
    某条的每一条，位置在重复的条款上。名称相同而指标值不同的，由 duplicate-indicator 报告。

    为什么有问题
    ------------
    重复粘贴的条款虚增了指标数量，而它所在的位置通常本该是另一条指标。

    示例
    ----
    错误：

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    正确：

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；13-时效指标；设备采购及时率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    无。
    """,
)
def duplicate_clause(ctx: Context, project: Project) -> Iterator[Problem]:
    """The same clause (categories, name and both values) twice in a project.

    What it does
    ------------
    Compares the clauses of each project by their level-1 and level-2
    categories, their name and their values (spaces and quotes ignored, and
    in the name the width and the end's punctuation) and
    reports every clause that repeats an earlier one, at the repeated clause.
    The same name with different values is ``duplicate-indicator``'s finding.

    Why is this bad?
    ----------------
    A clause pasted twice inflates the indicator list and usually stands
    where another indicator was meant to be.

    Example
    -------
    Bad::

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。

    Good::

        1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。
        2、1-产出指标；13-时效指标；设备采购及时率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    None.
    """
    seen: dict[tuple[Any, ...], Clause] = {}
    for clause in clauses_of(project):
        key = (*category_key(clause), indicator_key(clause.name), value_key(clause))
        first = seen.get(key)
        if first is None:
            seen[key] = clause
            continue
        args = {"number": clause_label(clause), "first": clause_label(first)}
        yield Problem(
            clause.span,
            args=args,
            field="clause",
            excerpt=clause.text.strip(),
            clause=clause.number,
        )
