"""The ``repeated-field`` rule, of the ``structure`` group: a value keyword
written twice in one clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.model import PERIOD, Clause, clause_label


@rule(
    "repeated-field",
    group="structure",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标重复填写{keyword}（第{count}次），值与第1次相同",
            "indicator {number} repeats {keyword} (occurrence {count}) with the same value",
        ),
        "different": (
            "第{number}条指标重复填写{keyword}（第{count}次），值与第1次不同：「{value}」对「{first}」",
            "indicator {number} repeats {keyword} (occurrence {count}) with another value: "
            "“{value}” against “{first}”",
        ),
    },
    doc_zh="""
    同一条款中重复填写了指标值关键词。

    检查内容
    --------
    报告一条条款内「实施周期指标值」或「年度指标值」的每次重复，位置在重复的关键词上，并说明
    重复的值与第一次相同（复制粘贴失误）还是不同（一条指标两个目标，或条款序号丢失）。

    为什么有问题
    ------------
    每条指标只有一个实施周期目标和一个年度目标。关键词重复通常是几条条款被误合并（某 2024 年
    公开的表中：第 2 条写了三次年度指标值，第 3、4 条缺失）。

    示例
    ----
    错误：

        2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:…；年度指标值:…；年度指标值:…

    正确：

        2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:…；年度指标值:…。

    选项
    ----
    无。
    """,
)
def repeated_field(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A value keyword written twice in one clause.

    What it does
    ------------
    Reports every repeat of ``实施周期指标值`` or ``年度指标值`` within one
    clause, at the repeated keyword, and says whether the repeated value is
    the same as the first one (a copy-paste slip) or a different one (two
    targets for one indicator, or a clause whose number was lost).

    Why is this bad?
    ----------------
    Each indicator has one period target and one annual target. A repeated
    keyword usually means clauses were merged by accident (in a published
    2024 table: 年度指标值 three times in clause 2, clauses 3 and 4 missing).

    Example
    -------
    Bad::

        2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:…；年度指标值:…；年度指标值:…

    Good::

        2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:…；年度指标值:…。

    Options
    -------
    None.
    """
    if not any(issue.kind == "repeated-field" for issue in clause.issues):
        return
    # The parser records a repeat at each value keyword after the first of its
    # kind; the fields hold the same keywords in order, so one pass pairs them.
    firsts: dict[str, str] = {}
    counts: dict[str, int] = {}
    for value_field in clause.fields:
        keyword = value_field.keyword
        count = counts[keyword] = counts.get(keyword, 0) + 1
        if count == 1:
            firsts[keyword] = value_field.text
            continue
        first, value = firsts[keyword], value_field.text
        key = "default" if value == first else "different"
        yield Problem(
            value_field.keyword_span,
            key,
            {
                "number": clause_label(clause),
                "keyword": keyword,
                "count": count,
                "value": value,
                "first": first,
            },
            field="period" if keyword == PERIOD else "annual",
            excerpt=keyword,
        )
