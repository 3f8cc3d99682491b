"""The ``nonstandard-punctuation`` rule, of the ``structure`` group: a clause
whose parts are not separated by ``；`` or whose keyword lacks its colon.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.engine import Context, Problem, rule
from audit.model import Clause, Span, clause_label

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
            "indicator {number} is not punctuated as standard: {detail_en}",
        ),
    },
    doc_zh="""
    条款各部分没有用「；」分隔，或关键词后缺少冒号。

    检查内容
    --------
    每条条款报告一次：应当用「；」的地方用了「,」「;」「，」；关键词前没有分隔符
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
    Reports, once per clause, the separators that stand where ``；`` belongs
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
    issues = [issue for issue in clause.issues if issue.kind in _ISSUE_KINDS]
    if not issues:
        return
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
    yield Problem(
        first.span,
        args={
            "number": clause_label(clause),
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
