"""The ``nonstandard-punctuation`` rule, of the ``structure`` group: a clause
whose parts are not separated by ``；`` or whose keyword lacks its colon.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from audit.engine import Context, Problem, rule
from audit.facts import Key
from audit.model import Clause, ClauseIssue, Span

_ISSUE_KINDS = ("nonstandard-separator", "missing-separator", "missing-colon", "missing-keyword")


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
    group="structure",
    severity="info",
    scope="clause",
    messages={
        "default": (
            "第{number}条指标标点不规范：{detail_zh}",
            "indicator {numbers_en} is not punctuated as standard: {detail_en}",
        ),
        "several": (
            "第{number}条指标标点不规范：{detail_zh}",
            "indicators {numbers_en} are not punctuated as standard: {detail_en}",
        ),
    },
    doc_zh="""
    条款各部分没有用「；」分隔，或关键词后缺少冒号。

    检查内容
    --------
    每条条款报告一次，同一单元格中有同样问题的条款合为一条（「第1—8条指标标点不规范：用「;」作分隔符」）：
    应当用「；」的地方用了「,」「;」「，」；关键词前没有分隔符
    （「…的关怀。年度指标值:…」）；关键词后没有冒号（「年度指标值 100%」）；指标值前没有关键词
    （「数量指标：培训人数≥1000人」，按年度指标值读取）。位置在第一处，消息列出全部。旧格式条款本来用「，」分隔，不报告。

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
    Reports, once per clause (clauses of one cell with the same issues are
    one finding: ``第1—8条指标标点不规范：用「;」作分隔符``), the separators
    that stand where ``；`` belongs
    (``,`` ``;`` ``，``), a keyword with no separator before it
    (``…的关怀。年度指标值:…``), a keyword without its colon
    (``年度指标值 100%``) and a value without its keyword
    (``数量指标：培训人数≥1000人``, read as the annual value). The finding
    points at the first of them and lists all. Clauses of the older form,
    separated by ``，``, are not reported for it.

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
    runs = ctx.memo.get(_RUNS, dict)
    project = ctx.project
    key = id(project) if project is not None else id(clause)
    plan = runs.get(key)
    if plan is None:
        clauses = project.clauses if project is not None else (clause,)
        plan = runs[key] = (project, _plan(clauses))
    reported = plan[1].get(id(clause))
    if reported is None:  # no issue, or reported with an earlier clause of its cell
        return
    labels, (span, excerpt, detail_zh, detail_en) = reported
    yield Problem(
        span,
        "default" if len(labels) == 1 else "several",
        args={
            "number": _numbers(labels, "、", "—"),
            "numbers_en": _numbers(labels, ", ", "–"),
            "detail_zh": detail_zh,
            "detail_en": detail_en,
        },
        field="clause",
        excerpt=excerpt,
    )


_Described = tuple[Span, str | None, str, str]
_Reported = tuple[list[int | str], _Described]
_RUNS: Key[dict[int, tuple[object, dict[int, _Reported]]]] = Key("structure.punctuation")


def _plan(clauses: Sequence[object]) -> dict[int, _Reported]:
    """The clauses of a cell that report its punctuation issues: for each
    first clause of a slip, the labels of the clauses written with it (its
    own first) and its description (:func:`_describe`). Clauses written with
    the same slip (every clause separated by ``;``) are one finding, at the
    first; the others are not in the plan."""
    first: dict[tuple[str, str], list[int | str]] = {}
    plan: dict[int, _Reported] = {}
    numbers = [c.number for c in clauses if isinstance(c, Clause) and c.number is not None]
    # numbers used again (an outline's items numbered from 1 under each
    # heading) name no clause: each is named by its place, as all are then
    by_place = len(set(numbers)) < len(numbers)
    for place, clause in enumerate(clauses, 1):
        if not isinstance(clause, Clause) or not _issues(clause):
            continue
        described = _describe(clause)
        # the number as written, else the clause's place (see clause_label)
        label: int | str = (
            (clause.position or place) if by_place or clause.number is None else clause.number
        )
        labels = first.get(described[2:])
        if labels is None:
            first[described[2:]] = [label]
            plan[id(clause)] = (first[described[2:]], described)
        else:
            labels.append(label)
    return plan


def _numbers(labels: list[int | str], comma: str, dash: str) -> str:
    """``1—3、5``: the clauses' numbers, runs of consecutive ones joined."""
    parts: list[str] = []
    index = 0
    while index < len(labels):
        end = index
        while (
            end + 1 < len(labels)
            and isinstance(labels[end], int)
            and isinstance(labels[end + 1], int)
            and labels[end + 1] == labels[end] + 1  # type: ignore[operator]
        ):
            end += 1
        if end - index >= 2:
            parts.append(f"{labels[index]}{dash}{labels[end]}")
        else:
            parts.extend(str(label) for label in labels[index : end + 1])
        index = end + 1
    return comma.join(parts)


def _issues(clause: Clause) -> list[ClauseIssue]:
    return [issue for issue in clause.issues if issue.kind in _ISSUE_KINDS]


def _describe(clause: Clause) -> _Described:
    """Where a clause's punctuation issues begin, the excerpt there, and the
    issues described in Chinese and in English."""
    issues = _issues(clause)
    issues.sort(key=lambda issue: (issue.span.line, issue.span.column))
    seen_separators: list[str] = []
    missing = [issue for issue in issues if issue.kind == "missing-separator"]
    no_colon = [issue.detail for issue in issues if issue.kind == "missing-colon"]
    no_keyword = [issue.detail for issue in issues if issue.kind == "missing-keyword"]
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
    if no_keyword:  # 数量指标：培训人数≥1000人, read as the value the keyword names
        parts_zh.append("指标值前缺少关键词" + "、".join(f"「{k}：」" for k in no_keyword))
        parts_en.append("no keyword before the value: read as " + ", ".join(no_keyword))
    first = issues[0]
    excerpt = first.detail if first.kind == "nonstandard-separator" else None
    if first.kind == "missing-separator":
        excerpt = _span_text(clause, first.span)
    elif first.kind == "missing-colon" or first.kind == "missing-keyword":
        excerpt = first.detail
    return first.span, excerpt, "；".join(parts_zh), "; ".join(parts_en)


def _span_text(clause: Clause, span: Span) -> str | None:
    """The text of a one-line span inside a clause (None if it cannot be told)."""
    start = clause.span
    if span.line != span.end_line or start.line != start.end_line or span.line != start.line:
        return None
    offset = span.column - start.column
    return clause.text[offset : offset + span.end_column - span.column]
