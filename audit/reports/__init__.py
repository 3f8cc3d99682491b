"""Renderers: one module per output format, each a ``render(result, out, **options)``
over the same :class:`~audit.results.LintResult` (ruff's model: every renderer
consumes the same list of findings; nothing formats text inside a rule).

:data:`FORMATS` maps each format name to its module, found by listing this
package: adding a format is adding one module with a ``render``. A module is
imported only when its format is chosen, so ``--format text`` or ``json``
never imports rich.

Options a renderer may receive (each takes what it needs and ignores the
rest): ``config`` (the :class:`~audit.config.Config` in effect: rules, lang),
``fail_on`` (the exit threshold), ``suppressed`` (findings hidden by a
baseline) and ``stale`` (baseline entries that matched nothing).

The helpers below are shared by the reviewer-facing renderers (rich, html):
grouping file → unit → project, the source excerpt around a finding, labels
and the one-line verdict. They use the standard library only.
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from audit.discovery import report_formats
from audit.model import AMOUNT_LABELS, SEVERITIES, SEVERITY_RANK, Finding, severity_counts
from audit.readers.carriers import DOC_REFUSED, WPS_REFUSED, XLSB_REFUSED
from audit.readers.guangzhou import HEADED_COLUMN, UNREAD_COLUMN
from audit.readers.table import PLACEMENT_CAPPED, PLACEMENT_MANY, PLACEMENT_NONE

if TYPE_CHECKING:
    from audit.model import Document
    from audit.results import FileResult, LintResult

FORMATS: dict[str, str] = report_formats()
"""Output format → renderer module (each exposes ``render``): every module of
this package, so adding a format is adding one file."""


def renderer(name: str) -> Callable[..., None]:
    """The ``render`` function of format ``name`` (imported now, not before);
    a module that fails to import, or has no ``render``, is a bug reported as
    such, never a format silently missing."""
    from audit.exitcodes import InternalError

    try:
        module = importlib.import_module(FORMATS[name])
        return module.render
    except Exception as error:
        raise InternalError(
            f"report format {name} ({FORMATS[name]}) cannot be loaded: "
            f"{type(error).__name__}: {error}"
        ) from error


def statistics_renderer(name: str) -> Callable[..., None]:
    """``--statistics``: counts per rule as JSON with ``--format json`` (or
    ``json-lines``), else a plain table."""
    module = importlib.import_module("audit.reports.text")
    if name in ("json", "json-lines"):
        return module.render_statistics_json
    return module.render_statistics


READ_ERRORS_ZH: tuple[tuple[str, str], ...] = (
    (
        "text with the cells of a row side by side on each line",
        "各单元格的文字在同一行上并排（pdftotext -layout、pdfplumber extract_text、"
        "从 PDF 阅读器复制），无法可靠读取：请直接检查 PDF，或用 pdftotext -raw 提取文字",
    ),
    (
        "text extracted column by column",
        "文字是按列提取的（pdftotext 不带 -raw、pdf2txt），分不出行：请直接检查 PDF，"
        "或用 pdftotext -raw 提取文字",
    ),
    (
        "a national template's table as extracted text",
        "不读取从 PDF 提取的全国模板文字：请直接检查 PDF、工作簿，或另存为 TSV/CSV 的表格",
    ),
    (
        "a table printed without ruling lines",
        "没有框线的 PDF 表格无法可靠地分出行列，未读取",
    ),
    (
        "not a performance-target table: a budget table",
        "不是绩效目标表：预算表（有项目名称和金额，没有绩效目标或绩效指标列）",
    ),
    (
        "not a performance-target table",
        "不是绩效目标表：未找到表头行（项目名称 … 总计 … 绩效目标 … 绩效指标）",
    ),
    ("no performance-target table found", "未找到绩效目标表"),
    (
        "the table's columns are printed on separate pages",
        "表格的各列分印在不同的页上（项目名称至其他资金一页，绩效目标、绩效指标另一页），"
        "无法拼合各行：请按“调整为一页宽”打印，或直接检查工作簿",
    ),
    (
        "no project found in the national template",
        "按国家模板未找到项目（项目名称 … 一级指标 … 三级指标）",
    ),
    (
        "an indicator grid (一级指标 … 三级指标) without 项目名称",
        "有绩效指标（一级指标 … 三级指标），但其上方没有项目名称：指标所属的项目缺失",
    ),
    ("no such file", "文件不存在"),
    ("permission denied", "没有读取权限"),
    ("is a directory", "是一个目录"),
    ("a directory that cannot be read", "目录无法读取：没有读取权限"),
    ("is a named pipe (FIFO)", "是命名管道（FIFO），不是文件"),
    ("is a character device", "是字符设备，不是文件"),
    ("is a block device", "是块设备，不是文件"),
    ("is a socket", "是套接字，不是文件"),
    ("is not a regular file", "不是普通文件"),
    ("a symbolic link loop", "符号链接循环：链接最终指向自身"),
    ("empty file", "空文件"),
    ("standard input is closed", "标准输入已关闭：没有可读取的内容"),
    ("file too large", "文件过大"),
    ("table too large", "表格过大"),
    ("out of memory", "内存不足：表格过大，无法在这台机器上检查"),
    (
        "the web page ends inside a table",
        "网页在表格中间结束（缺少 </table>）：文件不完整，请重新保存或下载该网页",
    ),
    (
        "not what its name says",
        "文件内容与扩展名不符：不是扩展名所说的文件（已损坏，或是改了扩展名的其他文件）",
    ),
    ("binary file", "二进制文件，不是文本表格"),
    ("no rows found under the header row", "表头行下没有数据行"),
    ("invalid ", "编码无效"),
    ("not valid ", "编码无效：不是 UTF-8 也不是 GB18030，请另存为 UTF-8"),
    ("encoding not recognised", "无法识别编码：不是 UTF-8 也不是 GB18030/GBK 文本，请另存为 UTF-8"),
    ("malformed CSV", "CSV 格式错误"),
    (
        "a quoted cell runs over",
        "一个带引号的单元格跨越了多行表格行（有多余的引号？）：请删除多余的引号",
    ),
    ("no table rows found in the PDF text", "PDF 文本中未找到表格行"),
    (
        "a scanned PDF (no text layer)",
        "扫描版 PDF（没有文字层）：本工具不做文字识别，请使用工作簿或保存了文字的 PDF",
    ),
    ("a PDF without pages", "PDF 没有页面"),
    ("password-protected PDF", "PDF 有密码保护：请去掉密码后重新保存"),
    ("password-protected workbook", "工作簿有密码保护：请去掉密码后重新保存"),
    ("password-protected Word document", "Word 文档有密码保护：请去掉密码后重新保存"),
    ("UTF-16 text without a byte-order mark", "UTF-16 文本缺少字节顺序标记（BOM）：请另存为 UTF-8"),
    ("corrupt PDF", "PDF 文件已损坏"),
    ("corrupt Word document", "Word 文档已损坏"),
    ("corrupt workbook or document", "工作簿或文档已损坏：不是可读取的 ZIP 压缩包"),
    ("corrupt workbook", "工作簿已损坏"),
    ("a PowerPoint file", "PowerPoint 文件，不是工作簿：请将表格另存为 .xlsx"),
    (
        "an Excel binary workbook (.xlsb)",
        "Excel 二进制工作簿（.xlsb）：无法读取单元格格式（输入的 95% 会读成 0.95），也无法在读取前"
        "检查工作表大小：请另存为 .xlsx（文件 → 另存为 → Excel 工作簿）后再检查",
    ),
    ("a Word 97-2003 document", "Word 97-2003 文档（.doc）：请另存为 .docx"),
    (
        "a WPS Writer document in its binary format",
        "WPS 文字二进制格式文档（.wps）：请另存为 .docx",
    ),
    ("a Word document without a table", "Word 文档中没有表格"),
    ("a web page without a table", "网页中没有表格（没有含单元格的 <table>）"),
    (
        "a zip archive that is not a workbook",
        "ZIP 压缩包，不是工作簿（.xlsx、.ods）或 Word 文档（.docx）",
    ),
)
"""How the readers' reasons read in Chinese, by their beginning; the English
reason follows in brackets where it says more (a byte offset, a size, the
library's own words), so no detail is lost."""

_WHOLE_ZH = frozenset(
    {
        "text with the cells of a row side by side on each line",
        "text extracted column by column",
        "a national template's table as extracted text",
        "not a performance-target table",
        "not a performance-target table: a budget table",
        "no project found in the national template",
        "a scanned PDF (no text layer)",
        "password-protected PDF",
        "password-protected workbook",
        "a PowerPoint file",
        "an Excel binary workbook (.xlsb)",
        "a Word 97-2003 document",
        "a WPS Writer document in its binary format",
        "a web page without a table",
        "a zip archive that is not a workbook",
        "a directory that cannot be read",
        "password-protected Word document",
        "UTF-16 text without a byte-order mark",
        "is a named pipe (FIFO)",
        "is a character device",
        "is a block device",
        "is a socket",
        "is not a regular file",
        "a symbolic link loop",
    }
)
"""Reasons whose Chinese says all the English does."""


_UNCACHED = re.compile(
    r"sheet (.*): (\d+) formulas? saved without (?:their results|its result) \(first (.*)\); "
    r"open and save it in Excel, WPS or LibreOffice, which store each formula's result, "
    r"then lint again$",
    re.S,
)
"""The refusal of a sheet whose formulas were saved without their results."""


def read_error(message: str, lang: str) -> str:
    """Why a file could not be read, in the report's language."""
    if lang != "zh":
        return message
    uncached = _UNCACHED.match(message)
    if uncached is not None:
        sheet, count, first = uncached.groups()
        return (
            f"工作表{sheet}：{count}个公式没有保存计算结果（第一个：{first}）：请在 Excel、WPS "
            "或 LibreOffice 中打开并保存（它们会保存每个公式的结果）后再检查"
        )
    for start, chinese in READ_ERRORS_ZH:
        if message.startswith(start):
            if start in _WHOLE_ZH or message == start:
                return chinese
            return f"{chinese}（{message}）"
    return message


READ_NOTES_ZH: tuple[tuple[str, str], ...] = (
    (HEADED_COLUMN.format(column="绩效指标"), "表头不是已知的列名，按其末尾的词读作绩效指标列"),
    (HEADED_COLUMN.format(column="绩效目标"), "表头不是已知的列名，按其末尾的词读作绩效目标列"),
    (UNREAD_COLUMN, "此列未读取：表头不是可读取的绩效目标列或绩效指标列"),
    (
        "skipped, not a performance-target table (no header row)",
        "已跳过：不是绩效目标表（没有表头行）",
    ),
    (
        "skipped, not a performance-target table "
        "(an indicator grid (一级指标 … 三级指标) without 项目名称 above it)",
        "已跳过：有绩效指标（一级指标 … 三级指标），但其上方没有项目名称",
    ),
    (
        "skipped, not a performance-target table "
        "(a budget table: 项目名称 and amounts, no 绩效目标 or 绩效指标 column)",
        "已跳过：预算表（有项目名称和金额，没有绩效目标或绩效指标列），不是绩效目标表",
    ),
    (
        "skipped, not a performance-target table (a budget table)",
        "已跳过：预算表，不是绩效目标表",
    ),
    (DOC_REFUSED, "已跳过：Word 97-2003 文档（.doc）：请另存为 .docx 后再检查"),
    (WPS_REFUSED, "已跳过：WPS 文字二进制格式文档（.wps）：请另存为 .docx 后再检查"),
    (
        XLSB_REFUSED,
        "已跳过：Excel 二进制工作簿（.xlsb）：无法读取单元格格式（输入的 95% 会读成 0.95）："
        "请另存为 .xlsx（文件 → 另存为 → Excel 工作簿）后再检查",
    ),
    (
        "column not read: the indicator values are read from other columns",
        "此列未读取：指标值取自其他列",
    ),
    (
        "skipped, another table or text under the performance table",
        "已跳过：绩效目标表下方的另一张表或文字，未读取",
    ),
    (
        "skipped, 部门整体支出绩效目标表: not a project table, not checked",
        "已跳过：部门整体支出绩效目标表，不是项目支出绩效目标表，未检查",
    ),
    *(
        (
            f"skipped, {kind}: not a performance-target table, not checked",
            f"已跳过：{kind}，不是项目支出绩效目标表，未检查",
        )
        for kind in ("项目支出绩效自评表", "部门整体支出绩效自评表", "项目支出绩效运行监控表")
    ),
    (
        "year columns not read: the budget year is not told "
        "(no year in the title or in 年度目标（…年）)",
        "按年份的指标值列未读取：无法确定预算年度（标题和“年度目标（…年）”中都没有年份）",
    ),
    (
        "skipped, 绩效目标调整表: its 调整后 (adjusted) values cannot be told, not checked",
        "已跳过：绩效目标调整表，看不出调整后的指标值，未检查",
    ),
    ("skipped, a chart sheet", "已跳过：图表工作表"),
    (
        PLACEMENT_NONE,
        "各金额无论怎样对应到空白栏，小计都不等于其各行之和：金额按总计、财政拨款、其他资金、"
        "上年结转、财政专户拨款的顺序读取",
    ),
    (
        PLACEMENT_MANY,
        "各金额对应到空白栏的方式不止一种能使小计等于其各行之和：金额按总计、财政拨款、其他资金、"
        "上年结转、财政专户拨款的顺序读取",
    ),
    (
        PLACEMENT_CAPPED,
        "各金额对应到空白栏的方式太多，未逐一尝试：金额按总计、财政拨款、其他资金、"
        "上年结转、财政专户拨款的顺序读取",
    ),
    ("no ruled table; the file is read from its text", "没有带框线的表格，按文字读取"),
    (
        "no ruled table; the table is read from its words' places",
        "没有带框线的表格，按文字位置读取",
    ),
    ("text after the table without ruling, not read", "表格之后没有框线的文字，未读取"),
    ("skipped, cells right of the table, not read", "已跳过：表格右侧的单元格，未读取"),
    ("a very hidden sheet, read too", "深度隐藏的工作表，也照常读取"),
    ("a hidden sheet, read too", "隐藏的工作表，也照常读取"),
    (
        "hidden rows or cells, not read (a browser does not show them)",
        "隐藏的行或单元格，未读取（浏览器不显示）",
    ),
    (
        "a hidden table, not read (a browser does not show it)",
        "隐藏的表格，未读取（浏览器不显示）",
    ),
)
"""How the readers' notes (``WHERE: WHAT``) read in Chinese, by their end."""

_COUNTED_NOTES_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(\d+) imported part\(s\) \(altChunk\): not read; open the document in Word and "
            r"save it again to make them its own tables"
        ),
        "{}个导入的部分（altChunk）未读取：请在 Word 中打开并重新保存，使其成为文档自己的表格",
    ),
    (
        re.compile(
            r"(\d+) Symbol-font character\(s\) \((.*)\): not read; type them as text "
            r"\(≥ ≤ …\) instead of inserting them as symbols",
            re.S,
        ),
        "{}个 Symbol 字体符号（{}）未读取：应直接输入文字（≥ ≤ …），不要以插入符号的方式输入",
    ),
)
"""The readers' notes that begin with a count, in Chinese."""
_COUNTED_NOTES_ZH += (
    (
        re.compile(
            r"(.*): (\d+) cell\(s\) with struck-through text \(first (\w+)\): "
            r"the struck text not read",
            re.S,
        ),
        "{}：{}个单元格含删除线文字（第一个：{}），删除线部分未读取",
    ),
    (
        re.compile(
            r"(.*): (\d+) formula\(s\) without a saved result outside the table "
            r"\(first (.*)\): not read",
            re.S,
        ),
        "{}：表格以外有{}个公式没有保存计算结果（第一个：{}），未读取",
    ),
)
_COUNTED_NOTES_ZH += (
    (
        re.compile(
            r"(\d+) embedded worksheet\(s\) \(OLE object\): not read; lint the workbook "
            r"itself, or paste its table into Word as a table"
        ),
        "{}个嵌入的工作表（OLE 对象）未读取：请直接检查该工作簿，或将其表格以 Word 表格粘贴",
    ),
)


def read_note(message: str, lang: str) -> str:
    """A reader's note about a file (a sheet skipped), as ``note: …`` in
    English or ``提示：…`` in Chinese."""
    if lang != "zh":
        return f"note: {message}"
    where, hidden, rows = message.rpartition(": hidden rows read and checked too: ")
    if hidden:  # rows named at the end: 第5-8、13行
        return f"提示：{where}：隐藏的{rows}也已读取和检查"
    if message.startswith("skipped ") and _UNCACHED.match(message[8:]):
        return f"提示：已跳过{read_error(message[8:], lang)}"
    for pattern, chinese in _COUNTED_NOTES_ZH:
        counted = pattern.fullmatch(message)
        if counted is not None:
            return "提示：" + chinese.format(*counted.groups())
    for end, chinese in READ_NOTES_ZH:
        if message.endswith(end):
            where = message[: -len(end)].rstrip(": ")
            if where.startswith("page "):
                where = f"第{where[5:]}页"
            elif (placed := _LINE_COLUMN.match(where)) is not None:
                line, column, rest = placed.groups()
                where = f"第{line}行第{column}列{rest}"
            elif where.startswith("line "):
                where = f"第{where[5:]}行"
            where = where.replace(": ", "：")  # a table and the text it quotes
            return f"提示：{where}：{chinese}" if where else f"提示：{chinese}"
    return f"提示：{message}"


_LINE_COLUMN = re.compile(r"line (\d+), column (\d+)(.*)$", re.S)
"""Where a note on a text table points at a cell: ``line 6, column 6``, then
what it quotes."""


def more_notes(count: int, lang: str) -> str:
    """The line that stands for the notes about a file past the first ones."""
    if lang == "zh":
        return f"提示：另有 {count:,} 条提示未显示"
    return f"note: {count:,} more notes like these not shown"


# --------------------------------------------------------------------------
# Words


LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "table": "整表（合计、表头）",
        "unit row": "单位小计行",
        "clause": "第{n}条",
        "findings": "{n} 个问题",
        "file counts": "{units} 个单位 · {projects} 个项目 · {clauses} 条指标",
        "no findings": "未发现问题",
        "cannot read": "无法读取",
        "checked": "已检查 {files} 个文件：{units} 个单位，{projects} 个项目，{clauses} 条指标",
        "suppressed": "基线已屏蔽 {n} 个已知问题",
        "stale": "基线中有 {n} 条记录已不再出现（可用 --write-baseline 更新）",
        "fail": "✗ 未通过：{counts}（--fail-on {threshold}）",
        "fail read": "✗ 未通过：{n} 个文件无法读取",
        "pass": "✓ 通过：没有 {threshold} 及以上级别的问题",
        "pass never": "✓ 通过（--fail-on never）",
        "github closing": "indicator-audit：{files} 个文件、{projects} 个项目中共 {counts}",
        "github unread": "{n} 个文件无法读取",
        "github hidden": "另有 {hidden} 个问题未在此显示（GitHub 每种类型只显示 {cap} 条注释）："
        "用 --format text 查看全部，或上传 --format sarif",
        "junit failure": "{n} 个问题达到或超过 {threshold} 级别",
        "by rule": "按规则统计",
        "by unit": "按单位统计",
        "rule": "规则",
        "count column": "数量",
        "unit": "单位",
        "file": "文件",
        "total": "合计",
        "summary": "说明",
        "projects": "问题项目",
        "report": "绩效目标表检查报告",
        "counts sep": "，",
        "count": "{n} 个{severity}",
        "table grade": "评级 {grade}",
        "grades": "项目评级：{counts}",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "info": "info",
        "table": "whole table (total, heading)",
        "unit row": "unit subtotal row",
        "clause": "clause {n}",
        "findings": "{n} findings",
        "file counts": "{units} units · {projects} projects · {clauses} clauses",
        "no findings": "no findings",
        "cannot read": "cannot read",
        "checked": "checked {files} files: {units} units, {projects} projects, {clauses} clauses",
        "suppressed": "{n} known findings hidden by the baseline",
        "stale": "{n} baseline entries no longer match (update with --write-baseline)",
        "fail": "✗ fails: {counts} (--fail-on {threshold})",
        "fail read": "✗ fails: {n} files could not be read",
        "pass": "✓ passes: nothing at or above {threshold}",
        "pass never": "✓ passes (--fail-on never)",
        "github closing": "indicator-audit: {counts} in {files} files, {projects} projects",
        "github unread": "{n} files could not be read",
        "github hidden": "{hidden} not shown here (GitHub shows {cap} annotations of each type): "
        "run with --format text for all findings, or upload --format sarif",
        "junit failure": "{n} findings at or above {threshold}",
        "by rule": "Findings by rule",
        "by unit": "Findings by unit",
        "rule": "rule",
        "count column": "count",
        "unit": "unit",
        "file": "file",
        "total": "total",
        "summary": "summary",
        "projects": "projects",
        "report": "Performance-target table report",
        "counts sep": ", ",
        "count": "{n} {severity}",
        "table grade": "grade {grade}",
        "grades": "project grades: {counts}",
    },
}

FIELD_LABELS: dict[str, str] = {
    "name": "项目名称",
    "unit": "单位名称",
    "goal": "绩效目标",
    "indicators": "绩效指标",
    "indicator": "指标名称",
    "clause": "指标条款",
    "period": "实施周期指标值",
    "annual": "年度指标值",
    **{f"amount.{column}": label for column, label in AMOUNT_LABELS.items()},
}
"""Chinese names of the ``Finding.field`` values rules use; others show as is."""


class Grades:
    """The grades of a run (``audit.grading``), looked up as reports group
    findings: a table by its path, a project by path, unit and name."""

    __slots__ = ("distribution", "projects", "tables")

    def __init__(self, result: LintResult, config: Any) -> None:
        from audit.grading import grade_report

        report = grade_report(result, config)
        self.distribution: dict[str, int] = report["grades"]
        self.tables: dict[str, str] = {t["file"]: t["grade"] for t in report["tables"]}
        self.projects: dict[tuple[Any, ...], str] = {}
        for row in report["projects"]:
            self.projects.setdefault((row["file"], row["unit"], row["project"]), row["grade"])

    def table(self, path: str) -> str | None:
        return self.tables.get(path)

    def project(self, path: str, unit: str | None, project: str) -> str | None:
        """A project's grade; ``unit`` may be the organisation standing for a
        table without unit rows, which the grading names None."""
        return self.projects.get((path, unit, project)) or self.projects.get((path, None, project))

    def line(self, lang: str) -> str:
        counts = " · ".join(f"{grade} {n}" for grade, n in self.distribution.items())
        return label(lang, "grades", counts=counts)


_ONE_OF_MANY = re.compile(
    r"(?<![\d.,])1 (unit|project|clause|file|finding|entrie|error|warning)s\b"
)


def label(lang: str, key: str, **args: Any) -> str:
    """A report's word or line in ``lang``; English counts of one are singular
    (``1 file``, ``1 entry``)."""
    words = LABELS.get(lang, LABELS["zh"])
    text = words[key].format(**args) if args else words[key]
    if lang == "en" and args:
        text = _ONE_OF_MANY.sub(_singular, text)
    return text


def _singular(match: re.Match[str]) -> str:
    word = match.group(1)
    return "1 entry" if word == "entrie" else f"1 {word}"


def where(finding: Finding, lang: str) -> str:
    """Clause number and field, as a reviewer reads them: ``第2条 · 年度指标值``."""
    parts = []
    if finding.clause is not None:
        parts.append(label(lang, "clause", n=finding.clause))
    if finding.field:
        parts.append(
            FIELD_LABELS.get(finding.field, finding.field) if lang == "zh" else finding.field
        )
    return " · ".join(parts)


def cell_place(finding: Finding) -> str:
    """The cell a finding is in, and its clause when the cell holds several
    (``Sheet1!C12 第3条``)."""
    place = finding.location or ""
    return place if finding.cell_clause is None else f"{place} 第{finding.cell_clause}条"


def location(finding: Finding) -> str:
    """``file:line:col``, the form terminals and editors open; for a table
    read from cells, ``file:cell`` (``book.xlsx:Sheet1!C12``, and
    ``book.xlsx:Sheet1!G12 第3条`` in a cell of several clauses)."""
    if finding.location is not None:
        return f"{finding.file}:{cell_place(finding)}"
    if finding.line is None:
        return finding.file
    return f"{finding.file}:{finding.line}:{finding.column or 1}"


def plural(n: int, word: str) -> str:
    """``1 file``, ``2 files`` (English words in machine-facing summaries)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def count_words(counts: dict[str, int], lang: str) -> str:
    """``3 个错误，1 个警告`` (``3 errors, 1 warning``) — the non-zero
    severities, most severe first."""
    parts = [
        label(lang, "count", n=n, severity=_severity_word(lang, severity, n))
        for severity, n in counts.items()
        if n
    ]
    return label(lang, "counts sep").join(parts) or label(lang, "no findings")


def _severity_word(lang: str, severity: str, n: int) -> str:
    word = label(lang, severity)
    return word + "s" if lang == "en" and n != 1 and severity != "info" else word


def verdict(result: LintResult, fail_on: str, lang: str) -> tuple[bool, str]:
    """(passed, one line) for the end of a report; it agrees with the exit status."""
    counts = severity_counts(result.findings)
    found = count_words(counts, lang)
    if result.failed:
        line = label(lang, "fail read", n=len(result.failed))
        return False, line + (f"；{found}" if lang == "zh" else f"; {found}")
    if result.reaches(fail_on):
        return False, label(lang, "fail", counts=found, threshold=fail_on)
    if fail_on == "never":
        line = label(lang, "pass never")
    else:
        line = label(lang, "pass", threshold=fail_on)
    if any(counts.values()):
        line += f"（{found}）" if lang == "zh" else f" ({found})"
    return True, line


def by_rule(findings: list[Finding]) -> list[tuple[str, dict[str, int]]]:
    """(rule, counts per severity) sorted by total count, then rule id."""
    table: dict[str, dict[str, int]] = {}
    for finding in findings:
        row = table.setdefault(finding.rule, dict.fromkeys(SEVERITIES, 0))
        row[finding.severity] += 1
    return sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))


def most_severe_first(findings: list[Finding]) -> list[Finding]:
    """Stable: file order is kept within a severity."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


# --------------------------------------------------------------------------
# Grouping: file → unit → project


class ProjectGroup:
    """A project's findings."""

    __slots__ = ("findings", "title")

    def __init__(self, title: str) -> None:
        self.title = title
        self.findings: list[Finding] = []


class UnitGroup:
    """A unit's findings: its own (``findings``, e.g. its subtotal row) and
    its projects'. ``title`` is None for the whole table (合计, heading)."""

    __slots__ = ("findings", "projects", "title")

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.findings: list[Finding] = []
        self.projects: list[ProjectGroup] = []

    @property
    def all_findings(self) -> list[Finding]:
        return [*self.findings, *(f for p in self.projects for f in p.findings)]


def unit_title(unit: UnitGroup, lang: str) -> str:
    return label(lang, "table") if unit.title is None else unit.title or "—"


def group(file_result: FileResult) -> list[UnitGroup]:
    """The file's findings by unit, then project, in order of appearance.

    A table without subtotal rows has one implicit unit, which findings name
    as None; its projects are grouped under the table's organisation.
    """
    document = file_result.document
    organization = document.organization if document is not None else None
    units: dict[str | None, UnitGroup] = {}
    projects: dict[tuple[str | None, str], ProjectGroup] = {}
    for finding in file_result.findings:
        unit_title = finding.unit
        if unit_title is None and finding.project is not None:
            unit_title = organization or ""
        unit = units.get(unit_title)
        if unit is None:
            unit = units[unit_title] = UnitGroup(unit_title)
        if finding.project is None:
            unit.findings.append(finding)
            continue
        key = (unit_title, finding.project)
        project = projects.get(key)
        if project is None:
            project = projects[key] = ProjectGroup(finding.project)
            unit.projects.append(project)
        project.findings.append(finding)
    return list(units.values())


# --------------------------------------------------------------------------
# Source excerpts


ELLIPSIS = "..."
"""Marks a trimmed line; ASCII so its width is the same in every terminal."""

_SHOWN = {ord("\t"): "⇥"}


def cells(text: str) -> int:
    """Terminal columns of ``text``: two for wide (CJK) characters."""
    if text.isascii():
        return len(text)
    return sum(map(_cell, text))


@functools.lru_cache(maxsize=8192)
def _cell(char: str) -> int:
    if unicodedata.east_asian_width(char) in "WF":
        return 2
    return 0 if unicodedata.combining(char) else 1


def _shown(line: str) -> str:
    """Text as displayed: a tab (a cell boundary) as ``⇥``, control
    characters as ``?``; one column for one, so the window still fits."""
    line = line.translate(_SHOWN)
    if line.isprintable():
        return line
    return "".join(c if c.isprintable() or c == "⇥" else "?" for c in line)


class ExcerptLine(NamedTuple):
    """One source line around a finding, trimmed to a window: ``before`` +
    ``marked`` (the exact characters the finding points at) + ``after``;
    ``cut_left``/``cut_right`` say the line goes on beyond the window."""

    number: int
    before: str
    marked: str
    after: str
    cut_left: bool = False
    cut_right: bool = False


def source_line(document: Document, number: int) -> str | None:
    source = document.source
    if not 1 <= number <= source.line_count:
        return None
    start = source.line_start(number)
    end = source.text.find("\n", start)
    return source.text[start : None if end == -1 else end].rstrip("\r")


def excerpt(
    document: Document | None, finding: Finding, width: int, max_lines: int = 3
) -> list[ExcerptLine]:
    """The source lines of ``finding`` (at most ``max_lines``), each trimmed
    to ``width`` terminal columns around the marked span. Read from the
    document's source text, never from the file again."""
    if document is None or finding.line is None:
        return []
    first = finding.line
    last = max(first, finding.end_line or first)
    lines = []
    for number in range(first, min(last, first + max_lines - 1) + 1):
        text = source_line(document, number)
        if text is None:
            break
        start = (finding.column or 1) - 1 if number == first else 0
        if number == last and finding.end_column is not None:
            end = finding.end_column - 1
        else:
            end = len(text)
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        shown = _window(number, text, start, end, max(width, 20))
        if finding.location is not None:  # a cell's text: its line number means nothing
            shown = shown._replace(number=0)
        lines.append(
            shown._replace(
                before=_shown(shown.before),
                marked=_shown(shown.marked),
                after=_shown(shown.after),
            )
        )
    return lines


def _window(number: int, line: str, start: int, end: int, width: int) -> ExcerptLine:
    # A character takes at least a column (zero-width ones aside), so no
    # more than ``width`` of them on either side can be shown: measuring
    # more of a 2000-character cell would be wasted.
    before, marked, after = line[max(0, start - width - 1) : start], line[start:end], line[end:]
    after = after[: width + 1]
    widths = cells(before), cells(marked[: width + 1]), cells(after)
    if start - width - 1 > 0:
        widths = (widths[0] + 1, *widths[1:])  # wider than the window: cut
    if len(line) - end > width + 1:
        widths = (*widths[:2], widths[2] + 1)
    if sum(widths) <= width:
        return ExcerptLine(number, before, marked, after)
    ell = len(ELLIPSIS)
    context = 8
    if widths[1] > width - 2 * ell - 2 * context:
        # The span alone is wider than the window: a little context before,
        # then as much of the span as fits.
        cut_left = widths[0] > context
        shown_before = _suffix(before, context - ell) if cut_left else before
        used = cells(shown_before) + (ell if cut_left else 0)
        room = width - used - ell
        return ExcerptLine(
            number, shown_before, _prefix(marked, room), "", cut_left=cut_left, cut_right=True
        )
    room = width - widths[1]
    left = room // 2
    right = room - left
    if widths[0] <= left:
        right += left - widths[0]
        left = widths[0]
    elif widths[2] <= right:
        left += right - widths[2]
        right = widths[2]
    cut_left = widths[0] > left
    cut_right = widths[2] > right
    return ExcerptLine(
        number,
        _suffix(before, left - ell) if cut_left else before,
        marked,
        _prefix(after, right - ell) if cut_right else after,
        cut_left=cut_left,
        cut_right=cut_right,
    )


def _prefix(text: str, width: int) -> str:
    used = 0
    for index, char in enumerate(text):
        used += _cell(char)
        if used > width:
            return text[:index]
    return text


def _suffix(text: str, width: int) -> str:
    return _prefix(text[::-1], width)[::-1]
