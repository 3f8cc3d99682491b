"""The ``garbled-text`` rule, of the ``structure`` group: unreadable text:
lost characters, mojibake, control characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from audit.engine import Context, Option, Problem, for_project, rule
from audit.facts import Key, LazyPattern, field_name, lost_characters
from audit.model import Clause, Project, Span, Text, Unit, clause_label

_CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"


_CP1252_BYTE: dict[str, int] = {c: c.encode("cp1252")[0] for c in _CP1252_SPECIALS}


_CP1252_BYTE.update({chr(i): i for i in range(0x80, 0x100)})


# UTF-8 read as Latin-1 / Windows-1252: runs of those characters (ï¼› for ；).
_LATIN_RUN_RE = LazyPattern("[\u0080-\u00ff" + re.escape(_CP1252_SPECIALS) + "]{2,}")


# GBK read as Latin-1: both bytes of a GB2312 character are A1-FE (Í¨¹ý for 通过).
_GBK_LATIN_RUN_RE = LazyPattern("[\u00a1-\u00fe]{4,}")


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
_CONTROL_RE = LazyPattern("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


_PRIVATE_USE_RE = LazyPattern("[\ue000-\uf8ff]")


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
    ``lost`` (question marks where characters were lost: ``??``, ``健康讲座?次``).
    ``chars=False`` skips all but the signatures, the question marks and
    UTF-8 read as GBK; ``gbk=False`` skips UTF-8 read as GBK.
    """
    found: list[tuple[int, int, str, str]] = []
    lost = lost_characters(text)  # None at once for text without a question mark
    if lost is not None:
        found.append((lost[0], lost[1], "lost", ""))
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
    "lost": "问号（原字符在转换中丢失）",
    "signature": "典型乱码",
    "utf8-latin": "乱码（UTF-8 文本被按 Latin-1/Windows-1252 读取）",
    "gbk-latin": "乱码（GBK 文本被按 Latin-1 读取）",
    "utf8-gbk": "乱码（UTF-8 文本被按 GBK 读取）",
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
    「如何……岗位?」是问句，不报告）；乱码——UTF-8 文字被当作 Latin-1/Windows-1252 读取
    （「ï¼›」本是「；」）、GBK 文字被当作 Latin-1 读取（「Í¨¹ý」本是「通过」）、
    UTF-8 文字被当作 GBK 读取（「鍙戞斁」本是「发放」），每种都通过反向解码为中文来确认；
    以及配置的特征串（如「锟斤拷」）、私用区字符（PDF 提取时无法映射的字形）和控制字符。
    每个单元格报告一次，位置在第一段乱码，并给出它原本可能的文字。

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
    Looks at every text cell (unit and project names, goals, indicators, and
    the category, 三级指标 and value cells of the national template's rows)
    for: the replacement character ``�`` (a character lost in a conversion);
    question marks left by lost characters — a run of two or more
    (``????公共卫生服务经费``), or one between two Chinese characters in a
    sentence that asks nothing (``健康讲座?次``; ``如何……岗位?`` is a question);
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
    if not (scan.chars or scan.gbk or scan.signatures or scan.lost):
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
        texts = [u.name.value for u in ctx.document.units if not u.implicit]
        for unit in ctx.document.units:
            for project in unit.projects:
                texts.extend(t.value for t in (project.name, project.goal, project.indicators) if t)
                for clause in project.clauses:
                    if isinstance(clause, Clause) and clause.form == "row":
                        texts.extend(c.name for c in (clause.level1, clause.level2) if c)
                        texts.append(clause.name)
                        texts.extend(f.text for f in clause.fields)
        joined = "\n".join(texts)
        chars = _SUSPECT_RE.search(joined) is not None
        gbk = bool(joined.encode("gbk", "replace").translate(None, _NOT_EXTENSION_BYTES))
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
