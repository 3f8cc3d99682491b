"""Structure: whether the indicator cell is written as numbered clauses with
every part in place, in the standard punctuation, in readable text.

These rules read what the parser recorded (:class:`~audit.model.ClauseError`,
``Clause.issues``, the markup the readers removed); only ``garbled-text`` looks
at the characters themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from audit.engine import Context, Option, Problem, rule
from audit.facts import Key
from audit.model import ANNUAL, PERIOD, Clause, ClauseError, Markup, Project, Span, Text, Unit
from audit.syntax import clause_number, has_keyword

# --------------------------------------------------------------------------
# parse-error

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


@rule(
    "parse-error",
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
            "第{number}条指标无法解析：{detail}",
            "indicator {number} cannot be parsed: {detail}",
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
    解析和检查，以序号开头的一段（如「4、……」）在序号检查中算作第4条。只缺类别、名称或某个关键词的
    条款仍是条款，由 missing-field 报告缺了什么。整栏没有按编号条款书写的（如
    「1.产出数量：1.1故障工单关闭率…」这样的提纲），整栏只报告一次。

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
    ``clause-numbering``. A clause that lacks only its categories, its name
    or a keyword is still a clause, reported by ``missing-field``. A cell
    that is not written as numbered clauses at all (an outline such as
    ``1.产出数量：1.1故障工单关闭率…``) is reported once.

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
    errors = [c for c in project.clauses if isinstance(c, ClauseError)]
    if not errors or cell is None:
        return
    if len(errors) == len(project.clauses) and not any(has_keyword(e.text) for e in errors):
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
        if error.number is None:
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
        yield Problem(
            error.span,
            key,
            args,
            field="indicators",
            excerpt=excerpt,
            clause=error.number,
        )


# --------------------------------------------------------------------------
# clause-numbering


def _number_text(text: str) -> str:
    """The clause number (``5、``) a clause's text begins with."""
    match = clause_number(text)
    return match.group().rstrip() if match else ""


@rule(
    "clause-numbering",
    severity="warning",
    scope="project",
    messages={
        "default": (
            "指标序号不连续：应为{expected}，实为{found}",
            "clause numbers skip: expected {expected}, found {found}",
        ),
        "repeated": (
            "指标序号重复：{found}已用过，应为{expected}",
            "clause number repeated: {found} is already used, expected {expected}",
        ),
        "backwards": (
            "指标序号顺序颠倒：应为{expected}，实为{found}",
            "clause numbers out of order: expected {expected}, found {found}",
        ),
        "start": (
            "指标序号应从1开始，实为{found}",
            "clause numbers should start at 1, found {found}",
        ),
    },
    doc_zh="""
    同一项目内的指标序号没有按 1、2、3…… 连续编排。

    检查内容
    --------
    逐条跟踪每个项目绩效指标栏中的条款序号，报告序号中断的每一处：跳号（1、2、5）、重号、
    序号比前一条小、第一条不是 1。每处在序号上报告，并说明应为几；之后从实际序号继续计数
    （若序号回到与位置一致，则按位置计数）。

    为什么有问题
    ------------
    跳号通常说明条款在复制时被删掉或丢失（某 2024 年公开的表中第 3、4 条缺失，第 2 条却有三个
    年度指标值）；审核人员无法判断是否漏了指标。

    示例
    ----
    错误：

        1、1-产出指标；11-数量指标；…。2、2-效益指标；22-社会效益；…。5、3-满意度指标；…

    正确：

        1、1-产出指标；11-数量指标；…。2、2-效益指标；22-社会效益；…。3、3-满意度指标；…

    选项
    ----
    无。
    """,
)
def clause_numbering(ctx: Context, project: Project) -> Iterator[Problem]:
    """Clause numbers that do not run 1, 2, 3, … within a project.

    What it does
    ------------
    Follows the clause numbers of each project's 绩效指标 cell and reports
    every place where the sequence breaks: a number skipped (1, 2, 5), a
    number used twice, a number smaller than the one before, a first number
    other than 1. Each break is reported at the clause number, saying which
    number was expected; counting resumes from the number found, or from the
    clause's position when that is where the numbers fall back in step.

    Why is this bad?
    ----------------
    A gap usually means clauses were deleted or lost when the cell was
    copied (in a published 2024 table, clauses 3 and 4 are missing and
    clause 2 holds three annual values); a reviewer cannot tell whether indicators are
    missing.

    Example
    -------
    Bad::

        1、1-产出指标；11-数量指标；…。2、2-效益指标；22-社会效益；…。5、3-满意度指标；…

    Good::

        1、1-产出指标；11-数量指标；…。2、2-效益指标；22-社会效益；…。3、3-满意度指标；…

    Options
    -------
    None.
    """
    cell = project.indicators
    if cell is None or not project.clauses:
        return
    expected = 1
    position = 0
    seen: set[int] = set()
    for clause in project.clauses:
        number = clause.number
        if number is None:
            continue
        position += 1
        # In sequence after the clause before, or back in step with the
        # clause's position after a break (1, 1, 3: only the second 1 is wrong).
        if number != expected and (number != position or number in seen):
            if number in seen:
                key = "repeated"
            elif number < expected:
                key = "backwards"
            elif expected == 1:
                key = "start"
            else:
                key = "default"
            span = clause.number_span or clause.span
            yield Problem(
                span,
                key,
                {"expected": expected, "found": number},
                field="clause",
                excerpt=_number_text(clause.text),
                clause=number,
            )
        seen.add(number)
        expected = number + 1


# --------------------------------------------------------------------------
# missing-field


@rule(
    "missing-field",
    severity="error",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标缺少{part}",
            "indicator {number} has no {part_en}",
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
    指标的条款（如「3、验收通过率；实施周期指标值：…」），以及带编码却缺少二级指标（如「11-数量指标」）的条款；每缺一项报告一次（写了关键词但值为空的，由
    empty-value 报告）。旧格式条款（「1、满意度指标：服务对象的满意度，年度指标值： ≥90%。」）
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
    categories (``3、验收通过率；实施周期指标值：…``), and a coded clause whose
    level-2 category (二级指标, ``11-数量指标``) is missing; one finding for each
    missing part (a keyword with an empty value is ``empty-value``'s). Clauses of the
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
    number = clause.number
    if clause.level1 is None:
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
            yield Problem(
                clause.span,
                args={"number": number, "part": keyword, "part_en": part_en},
                field=field,
                excerpt=clause.text,
            )


# --------------------------------------------------------------------------
# repeated-field


@rule(
    "repeated-field",
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
                "number": clause.number,
                "keyword": keyword,
                "count": count,
                "value": value,
                "first": first,
            },
            field="period" if keyword == PERIOD else "annual",
            excerpt=keyword,
        )


# --------------------------------------------------------------------------
# nonstandard-punctuation

_ISSUE_KINDS = ("nonstandard-separator", "missing-separator", "missing-colon")


def _missing_separator_keywords(clause: Clause, missing: int) -> list[str]:
    """The keywords that follow a missing separator, in order."""
    after_fields = [
        clause.fields[i + 1].keyword for i, f in enumerate(clause.fields[:-1]) if f.separator == ""
    ]
    if missing > len(after_fields) and clause.fields:
        # The name ran straight into the first keyword.
        after_fields.insert(0, clause.fields[0].keyword)
    return after_fields


@rule(
    "nonstandard-punctuation",
    severity="info",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标标点不规范：{detail_zh}",
            "indicator {number} is not punctuated as standard: {detail_en}",
        ),
    },
    doc_zh="""
    条款各部分没有用「；」分隔，或关键词后缺少冒号。

    检查内容
    --------
    每条条款报告一次：应当用「；」的地方用了「,」「;」「，」；关键词前没有分隔符
    （「…的关怀。年度指标值:…」）；关键词后没有冒号（「年度指标值 100%」）。位置在第一处，
    消息列出全部。旧格式条款本来用「，」分隔，不报告。

    为什么有问题
    ------------
    公开表格的格式用「；」分隔类别、名称和指标值；指标值本身常含「，」和「,」，换用其他分隔符
    后无法确定一个值在哪里结束。

    示例
    ----
    错误：

        1、2-效益指标,22-社会效益,非正常停机率;实施周期指标值:<5%,年度指标值:<5%

    正确：

        1、2-效益指标；22-社会效益；非正常停机率；实施周期指标值:<5%；年度指标值:<5%。

    选项
    ----
    无。
    """,
)
def nonstandard_punctuation(ctx: Context, clause: Clause) -> Iterator[Problem]:
    """A clause whose parts are not separated by ``；`` or whose keyword lacks its colon.

    What it does
    ------------
    Reports, once per clause, the separators that stand where ``；`` belongs
    (``,`` ``;`` ``，``), a keyword with no separator before it
    (``…的关怀。年度指标值:…``) and a keyword without its colon
    (``年度指标值 100%``). The finding points at the first of them and lists
    all. Clauses of the older form, separated by ``，``, are not reported
    for it.

    Why is this bad?
    ----------------
    The published layout separates category, name and values with ``；``;
    other separators make a value's end ambiguous, since values themselves
    contain ``，`` and ``,``.

    Example
    -------
    Bad::

        1、2-效益指标,22-社会效益,非正常停机率;实施周期指标值:<5%,年度指标值:<5%

    Good::

        1、2-效益指标；22-社会效益；非正常停机率；实施周期指标值:<5%；年度指标值:<5%。

    Options
    -------
    None.
    """
    issues = [issue for issue in clause.issues if issue.kind in _ISSUE_KINDS]
    if not issues:
        return
    issues.sort(key=lambda issue: (issue.span.line, issue.span.column))
    seen_separators: list[str] = []
    missing = [issue for issue in issues if issue.kind == "missing-separator"]
    no_colon = [issue.detail for issue in issues if issue.kind == "missing-colon"]
    for issue in issues:
        if issue.kind == "nonstandard-separator" and issue.detail not in seen_separators:
            seen_separators.append(issue.detail)
    parts_zh: list[str] = []
    parts_en: list[str] = []
    if seen_separators:
        quoted = "".join(f"「{s}」" for s in seen_separators)
        parts_zh.append(f"用{quoted}作分隔符，应为「；」")
        parts_en.append(
            f"separated by {' '.join(f'“{c}”' for c in seen_separators)} instead of “；”"
        )
    if missing:
        keywords = _missing_separator_keywords(clause, len(missing)) or ["下一部分"]
        parts_zh.append("、".join(keywords) + "前缺少分隔符「；」")
        parts_en.append("no “；” before " + ", ".join(keywords))
    if no_colon:
        parts_zh.append("、".join(no_colon) + "后缺少冒号")
        parts_en.append("no colon after " + ", ".join(no_colon))
    first = issues[0]
    excerpt = first.detail if first.kind == "nonstandard-separator" else None
    if first.kind == "missing-separator":
        excerpt = _span_text(clause, first.span)
    elif first.kind == "missing-colon":
        excerpt = first.detail
    yield Problem(
        first.span,
        args={
            "number": clause.number,
            "detail_zh": "；".join(parts_zh),
            "detail_en": "; ".join(parts_en),
        },
        field="clause",
        excerpt=excerpt,
    )


def _span_text(clause: Clause, span: Span) -> str | None:
    """The text of a one-line span inside a clause (None if it cannot be told)."""
    start = clause.span
    if span.line != span.end_line or start.line != start.end_line or span.line != start.line:
        return None
    offset = span.column - start.column
    return clause.text[offset : offset + span.end_column - span.column]


# --------------------------------------------------------------------------
# markup-residue

_CELL_NAMES_ZH = {
    "name": "项目名称",
    "amounts": "金额",
    "goal": "绩效目标",
    "indicators": "绩效指标",
}
_CELL_NAMES_EN = {
    "name": "name",
    "amounts": "amounts",
    "goal": "goal",
    "indicators": "indicators",
}


def _source_offset(span: Span, text: Text) -> int:
    source = text.source
    return source.line_start(span.line) + span.column - 1


def _cells(project: Project) -> list[tuple[str, int, int]]:
    """(cell name, source start, source end) of the project's text cells."""
    cells: list[tuple[str, int, int]] = []
    for name, text in (
        ("name", project.name),
        ("goal", project.goal),
        ("indicators", project.indicators),
    ):
        if text is not None and text.value:
            cells.append((name, text.origin(0), text.origin(len(text.value))))
    for row in project.cells:  # the national template: the indicator grid's cells
        for cell in (row.level1, row.level2, row.name, row.period, row.annual):
            if cell is not None and cell.value:
                cells.append(("indicators", cell.origin(0), cell.origin(len(cell.value))))
    for column in ("total", "fiscal", "special", "other"):
        amount = project.amounts.get(column)
        if amount is not None and amount.text.value:
            cells.append(
                ("amounts", amount.text.origin(0), amount.text.origin(len(amount.text.value)))
            )
    return cells


def _markup_cells(project: Project) -> list[str]:
    """The cells the project's markup stood in (nearest cell), in table order."""
    cells = _cells(project)
    if not cells:
        return []
    found: set[str] = set()
    anchor = project.name
    for markup in project.markup:
        start = _source_offset(markup.span, anchor)
        end = start + len(markup.text)

        def distance(cell: tuple[str, int, int], start: int = start, end: int = end) -> int:
            _, cell_start, cell_end = cell
            if end <= cell_start:
                return cell_start - end
            if start >= cell_end:
                return start - cell_end
            return 0

        found.add(min(cells, key=distance)[0])
    return [name for name in _CELL_NAMES_ZH if name in found]


def _tags(markup: tuple[Markup, ...]) -> str:
    """The distinct pieces of markup, in order of first appearance."""
    seen: dict[str, int] = {}
    for item in markup:
        seen[item.text] = seen.get(item.text, 0) + 1
    return " ".join(f"{tag}×{count}" if count > 1 else tag for tag, count in seen.items())


@rule(
    "markup-residue",
    severity="warning",
    scope="unit",
    messages={
        "default": (
            "{cells_zh}含网页标记残留：{tags}",
            "HTML residue in {cells_en}: {tags}",
        ),
        "unit": (
            "单位行含网页标记残留：{tags}",
            "HTML residue in the unit row: {tags}",
        ),
    },
    doc_zh="""
    单元格中残留网页标记（<p>、&nbsp;）。

    检查内容
    --------
    每行报告一次读取时从单元格中去掉的 HTML 标签和实体，说明它们所在的单元格并逐一列出
    （「<p>×2 </p>×2」）。位置在第一处。

    为什么有问题
    ------------
    表格是从网页或富文本编辑器复制来的；这些标记会出现在公开的 PDF 或表格里，它们原本代表的
    换行也可能让前后句子连在了一起。

    示例
    ----
    错误：

        <p>1、1-产出指标；11-数量指标；一次性创业资助人数；…</p>

    正确：

        1、1-产出指标；11-数量指标；一次性创业资助人数；…

    选项
    ----
    无。
    """,
)
def markup_residue(ctx: Context, unit: Unit) -> Iterator[Problem]:
    """HTML residue (``<p>``, ``&nbsp;``) left in the table's cells.

    What it does
    ------------
    Reports, once per row, the HTML tags and entities the reader removed
    from the row's cells, naming the cells they stood in and listing them
    (``<p>×2 </p>×2``). The finding points at the first of them.

    Why is this bad?
    ----------------
    The table was copied from a web page or a rich-text editor; the residue
    shows in the published PDF or spreadsheet, and line breaks it stood for
    may have run sentences together.

    Example
    -------
    Bad::

        <p>1、1-产出指标；11-数量指标；一次性创业资助人数；…</p>

    Good::

        1、1-产出指标；11-数量指标；一次性创业资助人数；…

    Options
    -------
    None.
    """
    if unit.markup and not unit.implicit:
        first = unit.markup[0]
        yield Problem(
            first.span, "unit", {"tags": _tags(unit.markup)}, field="name", excerpt=first.text
        )
    for project in unit.projects:
        if not project.markup:
            continue
        cells = _markup_cells(project)
        first = project.markup[0]
        problem = Problem(
            first.span,
            args={
                "tags": _tags(project.markup),
                "cells_zh": "、".join(_CELL_NAMES_ZH[c] for c in cells) or "本行",
                "cells_en": ", ".join(_CELL_NAMES_EN[c] for c in cells) or "the row",
            },
            field=cells[0] if len(cells) == 1 and cells[0] != "amounts" else None,
            excerpt=first.text,
        )
        yield from _for_project(ctx, project, problem)


def _for_project(ctx: Context, project: Project, problem: Problem) -> Iterator[Problem]:
    """Yield ``problem`` as found in ``project`` from a unit-scope rule.

    A unit-scope rule that reports on its projects' rows names the project
    on the problem itself.
    """
    problem.unit = ctx.unit
    problem.project = project
    yield problem


# --------------------------------------------------------------------------
# garbled-text

_CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CP1252_BYTE: dict[str, int] = {c: c.encode("cp1252")[0] for c in _CP1252_SPECIALS}
_CP1252_BYTE.update({chr(i): i for i in range(0x80, 0x100)})
# UTF-8 read as Latin-1 / Windows-1252: runs of those characters (ï¼› for ；).
_LATIN_RUN_RE = re.compile("[\u0080-\u00ff" + re.escape(_CP1252_SPECIALS) + "]{2,}")
# GBK read as Latin-1: both bytes of a GB2312 character are A1-FE (Í¨¹ý for 通过).
_GBK_LATIN_RUN_RE = re.compile("[\u00a1-\u00fe]{4,}")
# UTF-8 read as GBK (鍙戞斁 for 发放): re-encoded as GBK, the bytes are UTF-8 again;
# four CJK characters or CJK punctuation in a row never happen by chance.
_UTF8_CJK_RE = re.compile(
    rb"(?:[\xe4-\xe9][\x80-\xbf][\x80-\xbf]|\xe3\x80[\x80-\xbf]|\xef\xbc[\x80-\xbf]){4,}"
)
# Bytes 80-A0 never occur in GB2312 text (both bytes of its characters are A1-FE)
# but are half the values of UTF-8 continuation bytes (80-BF).
_NOT_EXTENSION_BYTES = bytes(b for b in range(256) if not 0x80 <= b <= 0xA0)
# Control characters; tab, line feed, carriage return, and vertical tab and form
# feed (a line break copied from Word, a page break of PDF text) are not garbling.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
# A cheap test that a text may be garbled at all (everything but UTF-8 read as GBK);
# × ÷ · ° ± are common in real tables (公式, 温度), and garbled runs are never made
# of them alone.
_SUSPECT_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6"
    "\u00f8-\u00ff\ufffd\ue000-\uf8ff]"
)

_GARBLED_MAX_EXCERPT = 20


def _utf8_as_latin(text: str) -> tuple[int, int, str] | None:
    for match in _LATIN_RUN_RE.finditer(text):
        run = match.group()
        if not any("\u00c2" <= c <= "\u00ef" for c in run):
            continue  # no UTF-8 lead byte: “”, ……, —— are real punctuation
        decoded = bytes(_CP1252_BYTE[c] for c in run).decode("utf-8", "replace")
        good = sum(1 for c in decoded if c >= "\u0080" and c != "\ufffd")
        bad = decoded.count("\ufffd")
        if good and good >= 2 * bad:
            return match.start(), match.end(), decoded.replace("\ufffd", "")
    return None


def _gbk_as_latin(text: str) -> tuple[int, int, str] | None:
    for match in _GBK_LATIN_RUN_RE.finditer(text):
        try:
            decoded = match.group().encode("latin-1").decode("gbk")
        except UnicodeDecodeError:
            continue
        return match.start(), match.end(), decoded
    return None


def _utf8_as_gbk(text: str) -> tuple[int, int, str] | None:
    data = text.encode("gbk", "replace")
    if not data.translate(None, _NOT_EXTENSION_BYTES):
        return None
    for match in _UTF8_CJK_RE.finditer(data):
        if not match.group().translate(None, _NOT_EXTENSION_BYTES):
            continue  # every byte is GB2312's: more likely real text than mojibake
        # Map byte offsets back to characters.
        start = end = -1
        position = 0
        for index, char in enumerate(text):
            width = 1 if char < "\u0080" else len(char.encode("gbk", "replace"))
            if start < 0 and position + width > match.start():
                start = index
            if position + width >= match.end():
                end = index + 1
                break
            position += width
        if start >= 0 and end >= 0:
            return start, end, match.group().decode("utf-8")
    return None


def find_garbled(
    text: str, signatures: list[str], *, chars: bool = True, gbk: bool = True
) -> tuple[str, int, int, str] | None:
    """The first garbled stretch of ``text``: (kind, start, end, what it may have said).

    Kinds: ``replacement`` (U+FFFD), ``signature`` (a configured sequence such
    as 锟斤拷), ``utf8-latin`` / ``gbk-latin`` / ``utf8-gbk`` (mojibake, checked
    by decoding it back), ``private-use`` and ``control`` characters.
    ``chars=False`` skips all but the signatures and UTF-8 read as GBK;
    ``gbk=False`` skips UTF-8 read as GBK.
    """
    found: list[tuple[int, int, str, str]] = []
    for signature in signatures:
        at = text.find(signature) if signature else -1
        if at >= 0:
            found.append((at, at + len(signature), "signature", ""))
    if chars and _SUSPECT_RE.search(text):
        at = text.find("\ufffd")
        if at >= 0:
            found.append((at, at + 1, "replacement", ""))
        for kind, detect in (("utf8-latin", _utf8_as_latin), ("gbk-latin", _gbk_as_latin)):
            hit = detect(text)
            if hit is not None:
                found.append((hit[0], hit[1], kind, hit[2]))
        for kind, pattern in (("private-use", _PRIVATE_USE_RE), ("control", _CONTROL_RE)):
            match = pattern.search(text)
            if match is not None:
                found.append((match.start(), match.end(), kind, ""))
    hit = _utf8_as_gbk(text) if gbk and not text.isascii() else None
    if hit is not None:
        found.append((hit[0], hit[1], "utf8-gbk", hit[2]))
    if not found:
        return None
    start, end, kind, meant = min(found)
    return kind, start, end, meant


_GARBLED_KIND_ZH = {
    "replacement": "替换字符 U+FFFD（原字符已丢失）",
    "signature": "典型乱码",
    "utf8-latin": "乱码（UTF-8 文本被按 Latin-1/Windows-1252 读取）",
    "gbk-latin": "乱码（GBK 文本被按 Latin-1 读取）",
    "utf8-gbk": "乱码（UTF-8 文本被按 GBK 读取）",
    "private-use": "私用区字符（无法显示，多为 PDF 提取失败）",
    "control": "控制字符",
}
_GARBLED_KIND_EN = {
    "replacement": "the replacement character U+FFFD (the original character is lost)",
    "signature": "a typical mojibake sequence",
    "utf8-latin": "mojibake (UTF-8 text read as Latin-1/Windows-1252)",
    "gbk-latin": "mojibake (GBK text read as Latin-1)",
    "utf8-gbk": "mojibake (UTF-8 text read as GBK)",
    "private-use": "a private-use character (not displayable; often a failed PDF extraction)",
    "control": "a control character",
}
_FIELD_NAMES_ZH = {"name": "项目名称", "goal": "绩效目标", "indicators": "绩效指标"}
_FIELD_NAMES_EN = {"name": "project name", "goal": "goal", "indicators": "indicators"}


def _garbled_problem(
    text: Text, field: str, scan: _Scan, where_zh: str, where_en: str
) -> tuple[Problem, int] | None:
    hit = find_garbled(text.value, scan.signatures, chars=scan.chars, gbk=scan.gbk)
    if hit is None:
        return None
    kind, start, end, meant = hit
    excerpt = text.value[start : min(end, start + _GARBLED_MAX_EXCERPT)]
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in excerpt)
    key = "meant" if meant else "default"
    args = {
        "where_zh": where_zh,
        "where_en": where_en,
        "kind_zh": _GARBLED_KIND_ZH[kind],
        "kind_en": _GARBLED_KIND_EN[kind],
        "text": shown,
        "meant": meant[:_GARBLED_MAX_EXCERPT],
    }
    span = text.span(start, start + len(excerpt))
    return Problem(span, key, args, field=field, excerpt=excerpt), start


@rule(
    "garbled-text",
    severity="error",
    scope="unit",
    messages={
        "default": (
            "{where_zh}含{kind_zh}：「{text}」",
            "{where_en} contains {kind_en}: “{text}”",
        ),
        "meant": (
            "{where_zh}含{kind_zh}：「{text}」，原文可能是「{meant}」",
            "{where_en} contains {kind_en}: “{text}”, probably “{meant}”",
        ),
    },
    options={
        "signatures": Option(
            "list[str]",
            ["锟斤拷", "烫烫烫", "屯屯屯"],
            "character sequences that only garbling produces",
        ),
    },
    doc_zh="""
    文字无法阅读：字符丢失、乱码、控制字符。

    检查内容
    --------
    检查每个文字单元格（单位和项目名称、绩效目标、绩效指标）中的：替换字符「�」（转换时丢失的
    字符）；乱码——UTF-8 文字被当作 Latin-1/Windows-1252 读取（「ï¼›」本是「；」）、GBK 文字
    被当作 Latin-1 读取（「Í¨¹ý」本是「通过」）、UTF-8 文字被当作 GBK 读取（「鍙戞斁」本是
    「发放」），每种都通过反向解码为中文来确认；以及配置的特征串（如「锟斤拷」）、私用区字符
    （PDF 提取时无法映射的字形）和控制字符。每个单元格报告一次，位置在第一段乱码，并给出它原本
    可能的文字。

    为什么有问题
    ------------
    乱码无法公开，也无法审核；需要从原始文件按正确编码重新导出该单元格。

    示例
    ----
    错误：

        1銆�1-浜у嚭鎸囨爣锛�11-鏁伴噺鎸囨爣锛�

    正确：

        1、1-产出指标；11-数量指标；

    选项
    ----
    signatures：无论出现在哪里都报告的乱码特征串（默认 锟斤拷、烫烫烫、屯屯屯）。
    """,
)
def garbled_text(ctx: Context, unit: Unit) -> Iterator[Problem]:
    """Unreadable text: lost characters, mojibake, control characters.

    What it does
    ------------
    Looks at every text cell (unit and project names, goals, indicators)
    for: the replacement character ``�`` (a character lost in a conversion);
    mojibake — UTF-8 text read as Latin-1 or Windows-1252 (``ï¼›`` for
    ``；``), GBK text read as Latin-1 (``Í¨¹ý`` for ``通过``), UTF-8 text
    read as GBK (``鍙戞斁`` for ``发放``, ``锛`` for a full-width
    punctuation mark), each confirmed by decoding it back to Chinese, plus the
    configured signatures such as ``锟斤拷``; private-use characters (glyphs
    a PDF extraction could not map); control characters. One finding per
    cell, at the first garbled stretch, with what it probably said.

    Why is this bad?
    ----------------
    Garbled text cannot be published or reviewed; the cell has to be
    re-exported from its source in the right encoding.

    Example
    -------
    Bad::

        1銆�1-浜у嚭鎸囨爣锛�11-鏁伴噺鎸囨爣锛�

    Good::

        1、1-产出指标；11-数量指标；

    Options
    -------
    ``signatures`` (default ``[锟斤拷, 烫烫烫, 屯屯屯]``): sequences reported
    wherever they appear.
    """
    scan = _document_scan(ctx, list(ctx.options["signatures"]))
    if not (scan.chars or scan.gbk or scan.signatures):
        return
    if not unit.implicit:
        found = _garbled_problem(unit.name, "name", scan, "单位名称", "the unit name")
        if found is not None:
            yield found[0]
    for project in unit.projects:
        for field, text in (
            ("name", project.name),
            ("goal", project.goal),
            ("indicators", project.indicators),
        ):
            if text is None or not text.value:
                continue
            found = _garbled_problem(
                text, field, scan, _FIELD_NAMES_ZH[field], _FIELD_NAMES_EN[field]
            )
            if found is None:
                continue
            problem, start = found
            if field == "indicators":
                problem.clause = _clause_number_at(project, start)
                if problem.clause is not None:
                    problem.args["where_zh"] = f"第{problem.clause}条指标"
                    problem.args["where_en"] = f"indicator {problem.clause}"
            yield from _for_project(ctx, project, problem)


class _Scan(NamedTuple):
    """Which garbling the document may hold at all, from one look at all its text."""

    chars: bool
    """Characters that only garbling puts in a Chinese table (U+FFFD, Latin-1, …)."""
    gbk: bool
    """Bytes outside GB2312 once re-encoded as GBK: UTF-8 read as GBK is possible."""
    signatures: list[str]
    """The configured signatures the document contains."""


_SCANS: Key[dict[tuple[str, ...], _Scan]] = Key("structure.garbled-scan")
"""What garbled-text looks for, by the configured signatures."""


def _document_scan(ctx: Context, signatures: list[str]) -> _Scan:
    """What :func:`find_garbled` needs to look for in this document's cells,
    found once for the document, so that a clean table costs about a millisecond."""
    known = ctx.memo.get(_SCANS, dict)
    key = tuple(signatures)
    cached = known.get(key)
    if cached is None:
        texts = [u.name.value for u in ctx.document.units if not u.implicit]
        for unit in ctx.document.units:
            for project in unit.projects:
                texts.extend(t.value for t in (project.name, project.goal, project.indicators) if t)
        joined = "\n".join(texts)
        chars = _SUSPECT_RE.search(joined) is not None
        gbk = bool(joined.encode("gbk", "replace").translate(None, _NOT_EXTENSION_BYTES))
        present = [s for s in signatures if s and s in joined]
        cached = known[key] = _Scan(chars, gbk, present)
    return cached


def _clause_offsets(project: Project) -> list[int]:
    """Offset of each clause (parsed or not) in the project's indicator cell:
    each clause's text stands verbatim in the cell after the previous one."""
    cell = project.indicators
    if cell is None:
        return []
    offsets: list[int] = []
    position = 0
    for clause in project.clauses:
        at = cell.value.find(clause.text, position)
        if at < 0:  # pragma: no cover - the parser keeps clause text verbatim
            at = position
        offsets.append(at)
        position = at + len(clause.text)
    return offsets


def _clause_number_at(project: Project, offset: int) -> int | None:
    """The number of the clause that holds ``offset`` of the indicator cell."""
    number: int | None = None
    for clause, start in zip(project.clauses, _clause_offsets(project), strict=True):
        if start > offset:
            break
        number = clause.number
    return number
