"""The ``clause-numbering`` rule, of the ``structure`` group: clause numbers
that do not run 1, 2, 3, … within a project.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from audit.engine import Context, Problem, rule
from audit.model import Clause, Project
from audit.syntax import clause_number


def _number_text(text: str) -> str:
    """The clause number (``5、``) a clause's text begins with."""
    match = clause_number(text)
    return match.group().rstrip() if match else ""


_WRITTEN_BEFORE_CODE = re.compile(
    r"(?!\d{1,3}[ \t]*[-－—–][ \t]*[^\W\d_])"
    r"(\S[^\n；;，,。]{0,8}[，,]?)[ \t]*\d{1,3}[ \t]*[-－—–][ \t]*[^\W\d_]"
)
"""A clause's number of no style a clause is numbered in, before its level-1
code (``a、1-产出指标``, ``第二条1-产出指标``, ``3，1-产出指标``); nothing when the
number was lost."""
_CIRCLED = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_NUMERAL = frozenset("一二三四五六七八九十")
_MARKS = str.maketrans({"．": ".", "（": "(", "）": ")", "，": "、", " ": "", "\u3000": ""})


def numbering_style(number: str) -> str:
    """How a clause number is written, whatever its value: ``1、``, ``1.``,
    ``(1)``, ``1)``, ``①``, ``一、``, ``(一)``. Full-width and half-width marks
    are one style (``1．`` is ``1.``)."""
    marks = number.strip().translate(_MARKS)
    style = []
    for char in marks:
        if char in _CIRCLED:
            kind = "①"
        elif char in _NUMERAL:
            kind = "一"
        elif char.isdigit():
            kind = "1"
        else:
            style.append(char)
            continue
        if not style or style[-1] != kind:
            style.append(kind)
    return "".join(style)


def _plain_mark(text: str) -> str | None:
    """The mark after a clause number written in ASCII digits (``、`` of
    ``12、``), or None for a number of another kind: a cheap look that most
    cells, numbered alike, need no more than."""
    index = 0
    while index < len(text) and "0" <= text[index] <= "9":
        index += 1
    return text[index : index + 1] if index else None


def _odd_styles(clauses: list[Clause]) -> Iterator[tuple[Clause, str, str]]:
    """The clauses numbered in another style than the cell's (the style most
    of its clauses use; on a tie, the first's), each with its number and the
    cell's style."""
    marks = {_plain_mark(c.text) for c in clauses if c.number is not None}
    if len(marks) == 1 and None not in marks:
        return  # every number in digits with one mark after it (1、 2、 3、): one style
    numbered = [(c, _number_text(c.text)) for c in clauses if c.number is not None]
    styles = [numbering_style(text) for _, text in numbered]
    if len(set(styles)) < 2:
        return
    usual = max(dict.fromkeys(styles), key=styles.count)
    for (clause, text), style in zip(numbered, styles, strict=True):
        if style != usual:
            yield clause, text, usual


@rule(
    "clause-numbering",
    group="structure",
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
        "missing": (
            "指标缺少序号：以「{category}」开头的一条应为第{expected}条",
            "a clause has no number: the one beginning “{category}” should be {expected}",
        ),
        "unreadable": (
            "指标序号「{found}」不是序号的写法：应为第{expected}条",
            "clause number “{found}” is no clause number: it should be {expected}",
        ),
        "style": (
            "指标序号的写法不一致：「{found}」与本栏其他各条的「{usual}」不同，多半是从别的稿子"
            "粘贴来的：应统一按「{usual}」的写法编号",
            "clause numbers written in mixed styles: “{found}” among clauses numbered “{usual}”, "
            "likely pasted from another draft: number them all in the “{usual}” style",
        ),
        "unnumbered": (
            "绩效指标栏的{count}条指标都没有序号：应按1、2、3……编号",
            "none of the {count} clauses of the cell is numbered: number them 1, 2, 3, …",
        ),
    },
    doc_zh="""
    同一项目内的指标序号没有按 1、2、3…… 连续编排。

    检查内容
    --------
    逐条跟踪每个项目绩效指标栏中的条款序号，报告序号中断的每一处：跳号（1、2、5）、重号、
    序号比前一条小、第一条不是 1，以及编辑时丢了序号的条款（「…年度指标值:≥95%。2-效益指标；
    22-社会效益；…」，在其一级指标上报告，按应有的序号计数），以及序号被写成条款不用的写法的条款
    （「a、」「第二条」「Ⅱ.」「#2」后接「2-效益指标；22-…」：该条照样单独读出，不并入前一条的指标值，
    在该序号上报告其写法无法识别）。每处在序号上报告，并说明应为几；
    之后从实际序号继续计数（若序号回到与位置一致，则按位置计数）。分节书写的栏（「一、产出指标」
    单独成行，其下各条编号）每节可以从1重新编号。一条中用「、」列出的几项指标（「1.数量指标：培训人数≥300人、
    发放补贴≥500人次」）共用该条的序号，不算重号。一个栏中的几条指标都没有序号
    （每行一条不编号，或「产出指标：数量指标：…」连写），只在第一条上报告一次。

    一个栏中的序号应是一种写法。写法与本栏多数条款（相同时按第一条）不同的（「1、2、3.4、」中的
    「3.」，「③」「三、」「（3）」夹在「1、」之间），多半是从别的稿子粘贴来的，在该序号上报告；序号
    仍连续，比跳号轻，比本规则的级别低一级（默认为提示）。全角半角的标点是同一写法（「1.」与「1．」，
    「(1)」与「（1）」）；全栏任何一种写法都一致的不报告；分节书写的栏中「一、产出指标」这样的标题
    不是条款序号，不与其下的「1.」比较。

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
    other than 1, and a clause whose number was lost in editing
    (``…年度指标值:≥95%。2-效益指标；22-社会效益；…``: reported at its level-1
    category, and counted as the number it should have had) or typed over in
    no style a clause is numbered in (``a、``, ``第二条``, ``Ⅱ.``, ``#2`` before
    ``2-效益指标；22-…``: the clause is read apart from the one before, and the
    number reported as unreadable). Each break is
    reported at the clause number, saying which number was expected; counting
    resumes from the number found, or from the clause's position when that is
    where the numbers fall back in step. In a cell written as an outline
    (``一、产出指标`` on a line of its own over its numbered clauses) each
    heading's clauses may be numbered from 1 again, and a heading's only
    clause, written after it (``三、满意度指标：学员满意度≥90%``), needs no
    number; nor do the indicators an item lists under its one number
    (``1.数量指标：培训人数≥300人、发放补贴≥500人次``), which count once. A
    cell none of whose several clauses is numbered (one per line without
    numbers, or ``产出指标：数量指标：…`` run together) is reported once, at its
    first clause.

    A cell's numbers are written in one style. A number in another style
    than most of the cell's clauses use (on a tie, the first's) — ``3.``
    among ``1、2、…4、``, or ``③``, ``三、``, ``（3）`` there — is likely pasted
    from another draft, and is reported at the number; as the numbers still
    run on, it is milder than a gap: one level below the rule's severity
    (info by default). Full-width and half-width marks are one style
    (``1.`` and ``1．``, ``(1)`` and ``（1）``); a cell all in one style of
    any kind is not reported, nor are an outline's headings (``一、产出指标``),
    which are no clause numbers, beside the ``1.`` of the clauses under them.

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
    clauses = [c for c in project.clauses if isinstance(c, Clause)]
    if len(clauses) > 1 and all(c.number is None for c in clauses):
        first = clauses[0]
        yield Problem(
            first.number_span if first.level1 is None else first.level1.span,
            "unnumbered",
            {"count": len(clauses)},
            field="clause",
            excerpt=str(first.level1 or ""),
        )
        return
    expected = 1
    position = 0
    seen: set[int] = set()
    section = 0
    sizes = Counter(c.section for c in clauses if c.section)
    # One item listing several indicators under its one number (1.数量指标：
    # 培训人数≥300人、发放补贴≥500人次): the number counts once, at the first.
    listed = {
        id(after)
        for first, after in pairwise(clauses)
        if after.number is not None
        and after.number == first.number
        and after.number_span.covers_same(first.number_span)
    }
    for clause in project.clauses:
        number = clause.number
        if listed and id(clause) in listed:
            continue
        if isinstance(clause, Clause) and clause.section != section:
            section = clause.section
            if number == 1:  # an outline numbers each heading's clauses from 1
                expected, position, seen = 1, 0, set()
            elif number is None and sizes[section] == 1:
                # A heading's one clause after its colon (三、满意度指标：学员满意度≥90%)
                # needs no number of its own; the next heading's count afresh.
                expected, position, seen = 1, 0, set()
                continue
        if number is None:
            if isinstance(clause, Clause):  # its number lost: it stands for the one expected
                position += 1
                # Or typed in no style a clause is numbered in (a、, 第二条, Ⅱ.).
                written = _WRITTEN_BEFORE_CODE.match(clause.text)
                yield Problem(
                    clause.number_span,
                    "missing" if written is None else "unreadable",
                    {
                        "expected": expected,
                        "category": str(clause.level1 or ""),
                        "found": "" if written is None else written.group(1).strip(),
                    },
                    field="clause",
                    excerpt=str(clause.level1 or "") if written is None else written.group(1),
                )
                expected += 1
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
    styled = [c for c in clauses if id(c) not in listed] if listed else clauses
    for clause, text, usual in _odd_styles(styled):
        yield Problem(
            clause.number_span,
            "style",
            {"found": text, "usual": usual},
            field="clause",
            excerpt=text,
            clause=clause.number,
            lower=1,  # milder than a gap: the numbers still run 1, 2, 3
        )
