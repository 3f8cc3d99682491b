"""Text no project owns: cell text before the first row that could own it."""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.model import Document

_EXCERPT = 20


@rule(
    "orphan-text",
    severity="warning",
    scope="document",
    group="structure",
    messages={
        "default": (
            "这段{length:,}个字的文字在第一个项目名称之前，不属于表中任何项目："
            "应是前一页项目的结尾（表格从项目中间截取），未作检查",
            "{length:,} characters of text stand before the first project row and belong "
            "to no project shown: the end of a project from an earlier page (the table "
            "starts inside a project); not checked",
        ),
    },
    doc_zh="""
    项目名称之前的文字不属于任何项目：未作检查。

    检查内容
    --------
    报告表格开头、第一个项目（或单位）行之前的绩效目标或绩效指标文字，以及紧跟在合计行之后、
    任何项目行之前的这类文字。一个项目的绩效目标和绩效指标总是写在它的名称行之后；页首在任何
    项目名称之前的文字是上一页那个项目的延续。所以文件开头的这段文字属于文件里没有的项目：
    它不归给下一个项目，也不作检查。

    为什么有问题
    ------------
    这种文字出现在从表格中间截取的节选里（只复制了几页），或者前面的页丢了。把它算给下一个项目，
    下一个项目就多了别人的目标和指标，其后每个项目都错位，每条问题都报在错误的项目上。报告出来，
    审核人员就知道这一段没有检查，需要补上前一页再查。

    示例
    ----
    错误（节选从项目中间开始）::

        项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标
        值:90%或以上；年度指标值:90%或以上。3、3-满意度指标；…
            培训经费 20.00 20.00

    正确：从项目名称行开始节选，或补上前一页。

    选项
    ----
    无。
    """,
)
def orphan_text(ctx: Context, document: Document) -> Iterator[Problem]:
    """Text before the first project row belongs to no project: it is not checked.

    What it does
    ------------
    Reports goal or indicator text at the start of a table, before the first
    project (or unit) row, and such text right after the 合计 row before any
    project row. A project's goal and indicators always follow its name row;
    text at the top of a page before any name continues the project the page
    before began. Text at the start of a file therefore belongs to a project
    the file does not hold: it is given to no project and not checked.

    Why is this bad?
    ----------------
    It happens in excerpts taken from the middle of a table (a few pages
    copied) or when earlier pages were lost. Given to the next project, it
    would hand that project someone else's goal and indicators, shift every
    project after it, and put every finding on the wrong project. Reported,
    the reviewer knows the text went unchecked and can add the page before.

    Example
    -------
    Bad (the excerpt starts inside a project)::

        项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标
        值:90%或以上；年度指标值:90%或以上。3、3-满意度指标；…
            培训经费 20.00 20.00

    Good: start the excerpt at a project's name row, or add the page before.
    """
    for text in document.orphans:
        yield Problem(
            text.span(0, min(len(text.value), _EXCERPT)),
            args={"length": len(text.value)},
            excerpt=text.value[:_EXCERPT],
        )
