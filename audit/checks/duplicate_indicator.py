"""The ``duplicate-indicator`` rule, of the ``duplicates`` group: the same
indicator name twice in a project, with different values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Problem, rule
from audit.facts import category_key, indicator_key, value_key
from audit.model import Clause, Project, clause_label, clauses_of


@rule(
    "duplicate-indicator",
    group="duplicates",
    severity="warning",
    scope="project",
    messages={
        "default": (
            "指标「{name}」在第{first}条和第{number}条重复出现，指标值不同：应合并为一条或改用不同名称",
            "the indicator “{name}” appears in clauses {first} and {number} with different "
            "values: merge them or name them apart",
        ),
        "category": (
            "指标「{name}」在第{first}条和第{number}条重复出现，归在不同类别下：应只保留一条",
            "the indicator “{name}” appears in clauses {first} and {number} under different "
            "categories: keep one",
        ),
    },
    doc_zh="""
    同一项目中同一指标名称出现两次，而指标值不同。

    检查内容
    --------
    报告指标名称（忽略空格、引号和名称末尾的单位如「（%）」）已被同一项目前面某条使用、而指标值
    不同的条款，位置在重复的名称上。只差标点写法的名称是同一指标：全角半角（「（含线上）」与
    「(含线上)」、「，」与「,」）、名称末尾的标点（「运动员等级达标率。」）、分隔符「、」「，」「,」
    都不算区别；差一个字或一个数（「一期」与「二期」、「（城区）」与「（农村）」）的是不同指标。
    完全相同的条款由 duplicate-clause 报告；名称和指标值相同而类别不同的，在这里报告。

    为什么有问题
    ------------
    一条指标两个目标，互相矛盾：审核人员无法判断单位承诺的是哪一个。

    示例
    ----
    错误：

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前。
        7、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前完成。

    正确：

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:2023年6月前；年度指标值:2023年6月前。

    选项
    ----
    无。
    """,
)
def duplicate_indicator(ctx: Context, project: Project) -> Iterator[Problem]:
    """The same indicator name twice in a project, with different values.

    What it does
    ------------
    Reports a clause whose indicator name (spaces, quotes and a trailing unit
    such as ``（%）`` ignored) was already used by an earlier clause of the
    same project with other values, at the repeated name. Names that differ
    only in how their punctuation is written are one indicator: full or half
    width (``（含线上）`` and ``(含线上)``, ``，`` and ``,``), punctuation at
    the name's end (``运动员等级达标率。``), and ``、``, ``，`` or ``,`` as
    the separator; names that differ in a word or a number (``一期`` and
    ``二期``, ``（城区）`` and ``（农村）``) are two indicators. An identical clause
    is ``duplicate-clause``'s finding; the same name and values under
    different categories is reported here, as such.

    Why is this bad?
    ----------------
    Two targets for one indicator contradict each other: the reviewer cannot
    tell which one the unit commits to.

    Example
    -------
    Bad::

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前。
        7、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前完成。

    Good::

        6、1-产出指标；13-时效指标；工程时效；实施周期指标值:2023年6月前；年度指标值:2023年6月前。

    Options
    -------
    None.
    """
    seen: dict[str, Clause] = {}
    complete: set[tuple[Any, ...]] = set()
    for clause in clauses_of(project):
        name = indicator_key(clause.name)
        if not name:
            continue
        values = value_key(clause)
        key = (*category_key(clause), name, values)
        first = seen.get(name)
        if first is None:
            seen[name] = clause
        elif key not in complete:
            args = {
                "name": clause.name,
                "number": clause_label(clause),
                "first": clause_label(first),
            }
            same_values = values == value_key(first)
            yield Problem(
                clause.name_span,
                "category" if same_values else "default",
                args,
                field="indicator",
                excerpt=clause.name,
                clause=clause.number,
            )
        complete.add(key)
