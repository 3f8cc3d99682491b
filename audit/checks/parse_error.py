"""The ``parse-error`` rule, of the ``structure`` group: a stretch of the
indicator cell that is not a clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Problem, rule
from audit.model import ANNUAL, PERIOD, Clause, ClauseError, Project, goal_text
from audit.syntax import has_keyword

# What the parser calls each expected item (audit.parsing.TERMINAL_NAMES), in Chinese.
_EXPECTED_ZH: dict[str, str] = {
    "clause number (1、)": "序号（如 1、）",
    "category (1-产出指标)": "指标类别（如 1-产出指标；）",
    "category (产出指标：)": "指标类别（如 产出指标：）",
    "category name": "类别名称（如 产出指标）",
    PERIOD: PERIOD,
    ANNUAL: ANNUAL,
    "indicator name": "指标名称",
    "end of clause": "条款结束",
}


# The form a clause must have, as the parse error states it.
_CLAUSE_FORMS: dict[str, tuple[str, str]] = {
    "coded": (
        f"序号、一级指标；二级指标；指标名称；{PERIOD}：…；{ANNUAL}：…",
        f"number、level 1；level 2；name；{PERIOD}：…；{ANNUAL}：…",
    ),
    "legacy": (f"序号、指标类别：指标名称，{ANNUAL}：…", f"number、category：name，{ANNUAL}：…"),
}


_EXCERPT_LENGTH = 30


def _found(found: str) -> tuple[str, str]:
    """What the parser found instead, in Chinese and English."""
    if not found:
        return "条款结束", "the end of the clause"
    return f"「{found}」", f"“{found}”"


def _stated(project: Project) -> bool:
    """Whether a project states a goal and an amount: a project filled in
    but for its indicators (not a row whose cells are all still empty)."""
    return bool(goal_text(project)) and bool(project.amounts)


@rule(
    "parse-error",
    group="structure",
    severity="error",
    scope="project",
    messages={
        "default": (
            "第{number}条指标无法解析：应为「{form_zh}」，此处应为{expected_zh}，实为{found_zh}",
            "indicator {number} cannot be parsed: expected “{form_en}”; here {expected_en}, "
            "found {found_en}",
        ),
        "unnumbered": (
            "「{excerpt}」不是指标条款：应为「{form_zh}」",
            "“{excerpt}” is not an indicator clause: expected “{form_en}”",
        ),
        "other": (
            "第{number}条指标无法解析：{detail_zh}",
            "indicator {number} cannot be parsed: {detail}",
        ),
        "unnumbered-other": (
            "「{excerpt}」无法解析：{detail_zh}",
            "“{excerpt}” cannot be parsed: {detail}",
        ),
        "empty": (
            "项目「{project}」有绩效目标和金额，但未填写绩效指标：应按编号条款填写"
            "“1、1-产出指标；11-数量指标；指标名称；实施周期指标值:…；年度指标值:…。”",
            "project “{project}” has a goal and amounts but no performance indicator: "
            "write them as numbered clauses like "
            "1、1-产出指标；11-数量指标；name；实施周期指标值:…；年度指标值:…。",
        ),
        "not-clauses": (
            "绩效指标未按编号条款填写，应写成“1、1-产出指标；11-数量指标；指标名称；"
            "实施周期指标值:…；年度指标值:…。”的形式",
            "the indicator cell is not written as numbered clauses like "
            "1、1-产出指标；11-数量指标；name；实施周期指标值:…；年度指标值:…。",
        ),
    },
    doc_zh="""
    绩效指标栏中不成条款的一段文字。

    检查内容
    --------
    绩效指标栏按「序号、一级指标；二级指标；指标名称；实施周期指标值:…；年度指标值:…」的格式逐条解析。
    读不成条款的一段文字在它所在的位置单独报告，说明条款应有的格式、在出错位置应有什么（条款序号、
    「1-产出指标」这样的类别、「实施周期指标值」「年度指标值」）以及实际写了什么；它前后的条款照常
    解析和检查，以序号开头的一段（如「4、……」）在序号检查中算作第4条。读得出原因的一段照原因报告：
    只有文字、分不清指标名称和指标值的一条（「社会效益指标：就业稳定情况有效促进」，定性指标的名称和目标
    连写，或没有写目标），整栏只有这一段时也是如此。只缺类别、名称或某个关键词的
    条款仍是条款，由 missing-field 报告缺了什么。整栏没有按编号条款书写的（如
    「1.产出数量：1.1故障工单关闭率…」这样的提纲），整栏只报告一次。填了绩效目标和金额、绩效指标
    却一条也没有的项目（绩效指标栏为空，或指标表没有一行指标）也报告一次；其他规则（如
    missing-category）对没有可读条款的项目不报告。

    为什么有问题
    ------------
    读不出来的指标，其他规则都无法检查；审核人员也分不清它的类别、名称和目标值。

    示例
    ----
    错误：

        1.产出数量：1.1故障工单关闭率=实际完成处理的故障工单数/故障工单总数*100%,目标值100%。

    正确：

        1、1-产出指标；12-质量指标；故障工单关闭率；实施周期指标值:100%；年度指标值:100%。

    选项
    ----
    无。
    """,
)
def parse_error(ctx: Context, project: Project) -> Iterator[Problem]:
    """A stretch of the indicator cell that is not a clause.

    What it does
    ------------
    Reports every stretch of the 绩效指标 cell that the clause grammar could
    not read as a clause, at its exact place, with the form a clause must
    have (``序号、一级指标；二级指标；指标名称；实施周期指标值：…；年度指标值：…``),
    what was expected where reading failed (a clause number, a category such
    as ``1-产出指标``, ``实施周期指标值``, ``年度指标值``) and what was found
    instead. The clauses around such a stretch are read and checked as usual;
    a stretch that begins with a clause number counts as that clause for
    ``clause-numbering``. A stretch whose reader says why it is no clause
    (an item of words only, its name and target not told apart:
    ``社会效益指标：就业稳定情况有效促进``, a qualitative target run into its
    name, or none) is reported with that reason, also when it is all the
    cell holds. A clause that lacks only its categories, its name
    or a keyword is still a clause, reported by ``missing-field``. A cell
    that is not written as numbered clauses at all (an outline such as
    ``1.产出数量：1.1故障工单关闭率…``) is reported once. So is a project
    with a goal and amounts but no indicator at all (an empty 绩效指标 cell,
    an indicator grid without a row); the other rules (``missing-category``
    among them) leave a project without readable clauses to this one.

    Why is this bad?
    ----------------
    An indicator that cannot be read cannot be checked by any other rule, and
    a reviewer cannot tell its category, name and targets apart.

    Example
    -------
    Bad::

        1.产出数量：1.1故障工单关闭率=实际完成处理的故障工单数/故障工单总数*100%,目标值100%。

    Good::

        1、1-产出指标；12-质量指标；故障工单关闭率；实施周期指标值:100%；年度指标值:100%。

    Options
    -------
    None.
    """
    cell = project.indicators
    blank = cell is None or not cell.value.strip()  # not a cell too large to parse
    if blank and not project.clauses and not project.cells and _stated(project):
        where = cell if cell is not None else project.name
        yield Problem(where.span(), "empty", {"project": project.title}, field="indicators")
        return
    errors = [c for c in project.clauses if isinstance(c, ClauseError)]
    if not errors or cell is None:
        return
    if (
        len(errors) == len(project.clauses)
        and not any(has_keyword(e.text) for e in errors)
        and not any(_reason(e) for e in errors)
    ):
        excerpt = cell.value[:_EXCERPT_LENGTH]
        yield Problem(
            cell.span(),
            "not-clauses",
            {"excerpt": excerpt},
            field="indicators",
            excerpt=excerpt,
        )
        return
    legacy = any(isinstance(c, Clause) and c.form == "legacy" for c in project.clauses)
    form_zh, form_en = _CLAUSE_FORMS["legacy" if legacy else "coded"]
    for error in errors:
        excerpt = error.text.strip()[:_EXCERPT_LENGTH]
        args: dict[str, Any] = {
            "number": error.number or "?",
            "excerpt": excerpt,
            "form_zh": form_zh,
            "form_en": form_en,
        }
        if _reason(error):
            # the reader says why (社会效益指标：就业稳定情况有效促进), not what it expected
            key = "unnumbered-other" if error.number is None else "other"
            args["detail"] = error.message
            args["detail_zh"] = _detail_zh(error.message)
        elif error.number is None:
            key = "unnumbered"
        elif error.expected:
            key = "default"
            expected = error.expected or ("a clause",)
            args["expected_zh"] = "或".join(_EXPECTED_ZH.get(e, e) for e in expected)
            args["expected_en"] = " or ".join(expected)
            args["found_zh"], args["found_en"] = _found(error.found)
        else:
            key = "other"
            args["detail"] = error.message
            args["detail_zh"] = _detail_zh(error.message)
        yield Problem(
            error.span,
            key,
            args,
            field="indicators",
            excerpt=excerpt,
            clause=error.number,
        )


_DETAILS_ZH = (
    (
        "cannot tell the indicator name from its value",
        "无法区分指标名称和指标值：只有文字，没有冒号、比较符（≥ ≤ > <）、数字或占位文字把指标值"
        "隔开，像是定性指标的名称和目标连写在一起，也可能没有写目标；应写成「指标名称：指标值」"
        "（如「服务质量：明显提升」）",
    ),
    (
        "indicators run together",
        "几条指标连在一起：指标值中出现了另一条指标的类别（{found}），前面没有换行或序号",
    ),
)
"""The parser's reasons for a stretch that is no clause, in Chinese."""


def _reason(error: ClauseError) -> bool:
    """Whether a stretch's reader gave a reason it is no clause (one of
    :data:`_DETAILS_ZH`), not where the grammar failed."""
    return any(error.message.startswith(english) for english, _ in _DETAILS_ZH)


def _detail_zh(message: str) -> str:
    """The Chinese of a parser's reason (the English one when it has none)."""
    for english, chinese in _DETAILS_ZH:
        if message.startswith(english):
            quoted = message.rpartition(" in ")[2] if " in " in message else ""
            return chinese.format(found=quoted.strip("'\""))
    return message
