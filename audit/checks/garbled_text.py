"""The ``garbled-text`` rule, of the ``structure`` group: unreadable text:
lost characters, mojibake, control characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from audit.engine import Context, Option, Problem, for_project, rule
from audit.facts import Key, field_name, find_garbled, garbling_possible
from audit.model import Clause, Project, Span, Text, Unit, clause_label

_GARBLED_MAX_EXCERPT = 20


_GARBLED_KIND_ZH = {
    "replacement": "替换字符 U+FFFD（原字符已丢失）",
    "lost": "问号（原字符在转换中丢失）",
    "signature": "典型乱码",
    "utf8-latin": "乱码（UTF-8 文本被按 Latin-1/Windows-1252 读取）",
    "gbk-latin": "乱码（GBK 文本被按 Latin-1 读取）",
    "utf8-gbk": "乱码（UTF-8 文本被按 GBK 读取）",
    "utf8-gbk-lost": "乱码（UTF-8 文本被按 GBK 读取，部分字符已丢失）",
    "private-use": "私用区字符（无法显示，多为 PDF 提取失败）",
    "control": "控制字符",
}


_GARBLED_KIND_EN = {
    "replacement": "the replacement character U+FFFD (the original character is lost)",
    "lost": "question marks where characters were lost in a conversion",
    "signature": "a typical mojibake sequence",
    "utf8-latin": "mojibake (UTF-8 text read as Latin-1/Windows-1252)",
    "gbk-latin": "mojibake (GBK text read as Latin-1)",
    "utf8-gbk": "mojibake (UTF-8 text read as GBK)",
    "utf8-gbk-lost": "mojibake (UTF-8 text read as GBK, some characters lost)",
    "private-use": "a private-use character (not displayable; often a failed PDF extraction)",
    "control": "a control character",
}


_FIELD_NAMES_ZH = {
    "name": "项目名称",
    "goal": "绩效目标",
    "period_goal": "实施期目标",
    "indicators": "绩效指标",
}


_FIELD_NAMES_EN = {
    "name": "project name",
    "goal": "goal",
    "period_goal": "implementation-period goal",
    "indicators": "indicators",
}


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
    group="structure",
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
    检查每个文字单元格（单位和项目名称、绩效目标、绩效指标，全国模板中每行指标的分类、三级指标和
    指标值单元格）中的：替换字符「�」（转换时丢失的字符）；丢失字符留下的问号——连续两个以上
    （「????公共卫生服务经费」），或夹在两个汉字之间、所在句子又没有疑问词的一个（「健康讲座?次」；
    「如何……岗位?」是问句，不报告），或数字中间的一个（「≥?00人」「≥9?%」「≥?万亩」：丢了一位数字或
    一个字，不读作 0 或「≥9」；句末数字后的「能否达到90?」是问句，不报告），
    或 UTF-8 文字被当作 GBK 读取时紧跟在半个字后的一个
    （「鈮?00浜?」本是「≥300人」）；乱码——UTF-8 文字被当作 Latin-1/Windows-1252 读取
    （「ï¼›」本是「；」）、GBK 文字被当作 Latin-1 读取（「Í¨¹ý」本是「通过」）、
    UTF-8 文字被当作 GBK 读取（「鍙戞斁」本是「发放」），每种都通过反向解码为中文来确认（乱码中
    个别字符已丢失——例如 PDF 字体无法显示而被略去——只能部分解码回中文的，也报告）；
    以及配置的特征串（如「锟斤拷」）、私用区字符（PDF 提取时无法映射的字形）和控制字符。
    每个单元格报告一次，位置在第一段乱码，并给出它原本可能的文字。含乱码的指标值只由本规则报告，
    其他规则不再从中读取目标、单位或类型。

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
    Looks at every text cell (unit and project names, goals — a national
    form's 实施期目标 too —, indicators, and the category, 三级指标 and value
    cells of the national template's rows)
    for: the replacement character ``�`` (a character lost in a conversion);
    question marks left by lost characters — a run of two or more
    (``????公共卫生服务经费``), or one between two Chinese characters in a
    sentence that asks nothing (``健康讲座?次``; ``如何……岗位?`` is a question),
    or one inside a number (``≥?00人``, ``≥9?%``, ``≥?万亩``: a digit or a
    character lost, never read as 0 or as ``≥9``; one after a number that
    ends a sentence, ``能否达到90?``, is a question's), or one right after
    half a character of UTF-8 text read as GBK
    (``鈮?00浜?`` for ``≥300人``);
    mojibake — UTF-8 text read as Latin-1 or Windows-1252 (``ï¼›`` for
    ``；``), GBK text read as Latin-1 (``Í¨¹ý`` for ``通过``), UTF-8 text
    read as GBK (``鍙戞斁`` for ``发放``, ``锛`` for a full-width
    punctuation mark), each confirmed by decoding it back to Chinese (also
    when some of its characters were lost since, e.g. dropped by a PDF's font,
    and it decodes back only in part), plus the
    configured signatures such as ``锟斤拷``; private-use characters (glyphs
    a PDF extraction could not map); control characters. One finding per
    cell, at the first garbled stretch, with what it probably said. A
    garbled value is this rule's alone: no other rule reads a target, a unit
    or a kind out of it.

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
    if not (scan.chars or scan.gbk or scan.signatures or scan.lost):
        return
    if unit.named and unit.name.value:
        found = _garbled_problem(unit.name, "name", scan, "单位名称", "the unit name")
        if found is not None:
            yield found[0]
    for project in unit.projects:
        for field, text in (
            ("name", project.name),
            ("goal", project.goal),
            ("period_goal", project.period_goal),
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
            yield from for_project(ctx, project, problem)
        yield from _row_cells(ctx, project, scan)


def _row_cells(ctx: Context, project: Project, scan: _Scan) -> Iterator[Problem]:
    """The cells of the national template's indicator rows (categories,
    三级指标, values): one finding per cell, at its first garbled stretch."""
    seen: set[tuple[int, int, str]] = set()
    for clause in project.clauses:
        if not isinstance(clause, Clause) or clause.form != "row":
            continue
        cells: list[tuple[str, Span, str | None, str, str]] = []
        for category in (clause.level1, clause.level2):
            if category is None:
                continue
            cell = (category.span.line, category.span.column, category.name)
            if cell not in seen:  # a merged category cell is one cell, reported once
                seen.add(cell)
                cells.append((category.name, category.span, None, "指标分类", "the category"))
        cells.append((clause.name, clause.name_span, None, "三级指标", "the indicator name"))
        for value_field in clause.fields:
            cells.append(
                (
                    value_field.text,
                    value_field.span,
                    field_name(value_field),
                    value_field.keyword,
                    f"the {field_name(value_field)} value",
                )
            )
        for text, span, field, where_zh, where_en in cells:
            hit = find_garbled(text, scan.signatures, chars=scan.chars, gbk=scan.gbk)
            if hit is None:
                continue
            kind, start, end, meant = hit
            excerpt = text[start : min(end, start + _GARBLED_MAX_EXCERPT)]
            shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in excerpt)
            args = {
                "where_zh": f"第{clause_label(clause)}条指标的{where_zh}",
                "where_en": f"{where_en} of indicator {clause_label(clause)}",
                "kind_zh": _GARBLED_KIND_ZH[kind],
                "kind_en": _GARBLED_KIND_EN[kind],
                "text": shown,
                "meant": meant[:_GARBLED_MAX_EXCERPT],
            }
            problem = Problem(
                span.sub(start, start + len(excerpt)),
                "meant" if meant else "default",
                args,
                clause=clause.number,
                field=field,
                excerpt=excerpt,
            )
            yield from for_project(ctx, project, problem)


class _Scan(NamedTuple):
    """Which garbling the document may hold at all, from one look at all its text."""

    chars: bool
    """Characters that only garbling puts in a Chinese table (U+FFFD, Latin-1, …)."""
    gbk: bool
    """Bytes outside GB2312 once re-encoded as GBK: UTF-8 read as GBK is possible."""
    signatures: list[str]
    """The configured signatures the document contains."""
    lost: bool
    """Question marks that may stand for lost characters."""


_SCANS: Key[dict[tuple[str, ...], _Scan]] = Key("structure.garbled-scan")


"""What garbled-text looks for, by the configured signatures."""


def _document_scan(ctx: Context, signatures: list[str]) -> _Scan:
    """What :func:`find_garbled` needs to look for in this document's cells,
    found once for the document, so that a clean table costs about a millisecond."""
    known = ctx.memo.get(_SCANS, dict)
    key = tuple(signatures)
    cached = known.get(key)
    if cached is None:
        texts = [u.name.value for u in ctx.document.units if u.named]
        for unit in ctx.document.units:
            for project in unit.projects:
                texts.extend(
                    t.value
                    for t in (project.name, project.goal, project.period_goal, project.indicators)
                    if t
                )
                for clause in project.clauses:
                    if isinstance(clause, Clause) and clause.form == "row":
                        texts.extend(c.name for c in (clause.level1, clause.level2) if c)
                        texts.append(clause.name)
                        texts.extend(f.text for f in clause.fields)
        joined = "\n".join(texts)
        chars, gbk = garbling_possible(joined)
        present = [s for s in signatures if s and s in joined]
        lost = "?" in joined or "？" in joined
        cached = known[key] = _Scan(chars, gbk, present, lost)
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
