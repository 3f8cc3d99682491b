"""National-template tables for the tests, made up in the shapes of published
tables (a form per project, a list of many projects), and helpers that write
one table as TSV, CSV or a grid with merged cells (what a workbook gives)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from audit.model import Document, Source
from audit.parsing import parse_document
from audit.pipeline import load_path, load_text
from audit.readers.grid import GridInput, grid_source
from audit.readers.national import document_from_grids

Rows = list[list[str]]
Merge = tuple[int, int, int, int]

# A form: the project block, then the grid with 一级/二级 merged down (the
# covered cells are blank here; ``FORM_MERGES`` gives the ranges).
FORM: Rows = [
    ["项目支出绩效目标表", "", "", "", ""],
    ["金额单位：万元", "", "", "", ""],
    ["项目名称", "社区公共卫生服务经费", "主管部门", "某区卫生健康局", ""],
    ["实施单位", "某区疾病预防控制中心", "项目期", "2025.01-2027.12", ""],
    ["资金总额（万元）", "360.00", "其中：财政拨款", "360.00", ""],
    [
        "实施期目标",
        "三年完成辖区居民健康档案规范化管理，开展健康教育。",
        "年度目标",
        "本年度完成辖区居民健康档案更新，开展健康讲座十二场。",
        "",
    ],
    ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
    ["产出指标", "数量指标", "健康讲座场次", "≥36场", "≥12场"],
    ["", "", "健康档案更新份数", "≥30000份", "≥10000份"],
    ["", "质量指标", "档案规范率", "≥95%", "≥95%"],
    ["效益指标", "社会效益指标", "居民健康知识知晓率", "≥85%", "≥80%"],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "≥90%"],
]
FORM_MERGES: list[Merge] = [(0, 0, 0, 4), (1, 0, 1, 4), (7, 0, 9, 0), (7, 1, 8, 1)]

OWN_GOALS = {
    "社区公共卫生服务经费": FORM[5][3],
    "孕产妇健康管理经费": "本年度为辖区孕产妇提供孕期保健和产后访视服务，孕产妇系统管理率达到90%以上。",
    "老年人健康体检": "本年度为辖区65岁以上老年人提供一次免费健康体检，建立健康档案并跟踪管理。",
}
"""An annual goal of each project the tests write forms of: several forms in
one file each have a goal of their own (the same goal with another
project's name before it would be duplicate-goal's)."""

# A form with only a 年度 column, a second form after it, an empty value
# and a level-2 category missing where the level-1 changes.
FORMS_ANNUAL_ONLY: Rows = [
    ["项目名称", "老年人健康体检", "主管部门", "某区卫生健康局"],
    ["资金总额", "80.00", "财政拨款", "80.00"],
    ["年度目标", "为辖区65岁以上老年人提供一次免费健康体检并建立档案。", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值"],
    ["产出指标", "数量指标", "体检人数", "≥5000人"],
    ["", "时效指标", "体检完成时间", ""],
    ["效益指标", "", "老年人健康管理率", "≥70%"],
    ["项目名称", "家庭医生签约服务", "主管部门", "某区卫生健康局"],
    ["资金总额", "50.00", "财政拨款", "50.00"],
    ["年度目标", "推进家庭医生签约服务，提高重点人群签约覆盖率。", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值"],
    ["产出指标", "数量指标", "重点人群签约人数", "≥8000人"],
    ["效益指标", "社会效益", "重点人群签约覆盖率", "≥75%"],
    ["满意度指标", "社会公众或服务对象满意度指标", "签约居民满意度", "≥90%"],
]

# A list in 元: project columns only on each project's first row; the
# comparator, number and unit in separate columns.
LIST: Rows = [
    ["2025年部门项目支出绩效目标表", "", "", "", "", "", "", "", "", "", "", ""],
    ["单位名称：某市交通运输局", "", "", "", "", "", "", "", "", "", "金额单位：元", ""],
    [
        "单位名称",
        "项目名称",
        "预算数",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
        "指标方向",
    ],
    [
        "某市公路事务中心",
        "农村公路养护经费",
        "1,200,000.00",
        "完成全市农村公路日常养护，保障道路安全畅通，提升通行能力。",
        "产出指标",
        "数量指标",
        "养护里程",
        "≥",
        "350",
        "公里",
        "20",
        "正向",
    ],
    ["", "", "", "", "", "质量指标", "路面优良率", "≥", "85", "%", "20", "正向"],
    [
        "",
        "",
        "",
        "",
        "效益指标",
        "社会效益指标",
        "群众出行条件",
        "定性",
        "明显改善",
        "",
        "20",
        "正向",
    ],
    [
        "",
        "",
        "",
        "",
        "满意度指标",
        "服务对象满意度指标",
        "群众满意度",
        "≥",
        "90",
        "%",
        "10",
        "正向",
    ],
    [
        "",
        "道路运输安全检查",
        "300000",
        "开展道路运输企业安全检查，消除安全隐患，减少事故发生。",
        "产出指标",
        "产出数量指标",
        "检查企业数",
        "≥",
        "120",
        "家",
        "30",
        "正向",
    ],
    ["", "", "", "", "效益指标", "社会效益指标", "事故发生率", "≤", "5", "%", "30", "反向"],
    [
        "某市港航事务中心",
        "港口设施维护",
        "450000.50",
        "完成港口设施年度维护，保障港口安全运行和船舶正常通航。",
        "产出指标",
        "数量指标",
        "维护泊位数",
        "=",
        "8",
        "个",
        "40",
        "正向",
    ],
    ["", "", "", "", "效益指标", "投入指标", "港口吞吐能力", "≥", "95", "%", "30", "正向"],
    ["", "", "", "", "", "社会效益指标", "群众满意度", "≥", "95", "%", "30", "正向"],
]
LIST_MERGES: list[Merge] = [
    (0, 0, 0, 11),
    (3, 0, 8, 0),
    (3, 1, 6, 1),
    (3, 2, 6, 2),
    (3, 3, 6, 3),
    (3, 4, 4, 4),
]


def as_tsv(rows: Sequence[Sequence[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


def as_csv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def tsv_document(rows: Sequence[Sequence[str]], path: str = "national.tsv") -> Document:
    return load_text(as_tsv(rows), path)


def csv_document(rows: Sequence[Sequence[str]], path: str = "national.csv") -> Document:
    return load_text(as_csv(rows), path)


def sheet_document(
    rows: Sequence[Sequence[str]], merges: Sequence[Merge] = (), path: str = "national.xlsx"
) -> Document:
    """The table as a workbook sheet gives it: merged ranges filled from
    their top-left cell, cells located as ``Sheet1!C12``."""
    source, grids = grid_source(path, "sheet", [GridInput("Sheet1", rows, merges)])
    document = document_from_grids(source, grids)
    assert document is not None
    return parse_document(document)


def source_of(document: Document) -> Source:
    return document.source


def _writers():  # type: ignore[no-untyped-def]
    """The carrier writers of ``scripts/make_examples.py``."""
    import importlib.util

    path = Path(__file__).parent.parent / "scripts" / "make_examples.py"
    spec = importlib.util.spec_from_file_location("make_examples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cells(rows: Sequence[Sequence[str]]) -> list[list[str | None]]:
    return [[value or None for value in row] for row in rows]


def workbook_document(
    rows: Sequence[Sequence[str]], merges: Sequence[Merge], folder: Path
) -> Document:
    """The table written as a real workbook (openpyxl) and read back."""
    path = folder / "national.xlsx"
    _writers().write_xlsx(path, [("Sheet1", _cells(rows), list(merges))], (16,) * 12)
    return load_path(path)


def pdf_document(rows: Sequence[Sequence[str]], merges: Sequence[Merge], folder: Path) -> Document:
    """The table printed to a ruled PDF (reportlab) and read back; rows above
    the first 项目名称 row are printed as headings above the table."""
    path = folder / "national.pdf"
    _writers().write_pdf(path, _cells(rows), list(merges), (16,) * len(rows[0]), font_size=8)
    return load_path(path)


def html_document(rows: Sequence[Sequence[str]], merges: Sequence[Merge], folder: Path) -> Document:
    """The table as a web page (colspan/rowspan) and read back."""
    path = folder / "national.html"
    _writers().write_html(path, _cells(rows), list(merges))
    return load_path(path)


def docx_document(rows: Sequence[Sequence[str]], merges: Sequence[Merge], folder: Path) -> Document:
    """The table as a Word table (python-docx) and read back."""
    path = folder / "national.docx"
    _writers().write_docx(path, _cells(rows), list(merges))
    return load_path(path)


# A form printed as more than one table: (headings above the table, its rows,
# its merged ranges). The first table's headings may also be rows above its
# 项目名称 row, as :func:`scripts.make_examples.table_parts` takes them.
TablePart = tuple[Sequence[str], Sequence[Sequence[str]], Sequence[Merge]]


def docx_tables_document(
    parts: Sequence[TablePart], folder: Path, notify: list[str] | None = None
) -> Document:
    """The tables as one Word document (python-docx), each after its
    heading paragraphs, and read back (the reader's notes into ``notify``)."""
    from docx import Document as WordDocument

    writers = _writers()
    document = WordDocument()
    for headings, rows, merges in parts:
        for line in headings:
            document.add_paragraph(line)
        writers._docx_table(document, _cells(rows), list(merges))
    path = folder / "national.docx"
    document.save(str(path))
    return load_path(path, None if notify is None else notify.append)


def html_tables_document(
    parts: Sequence[TablePart], folder: Path, notify: list[str] | None = None
) -> Document:
    """The tables as one web page (one ``<table>`` each, after its heading
    paragraphs) and read back."""
    import html

    writers = _writers()
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>']
    for headings, rows, merges in parts:
        out.extend(f"<p>{html.escape(line)}</p>" for line in headings)
        writers._html_table(out, _cells(rows), list(merges))
    out.append("</body></html>\n")
    path = folder / "national.html"
    path.write_text("\n".join(out), encoding="utf-8")
    return load_path(path, None if notify is None else notify.append)


def pdf_tables_document(
    parts: Sequence[TablePart], folder: Path, notify: list[str] | None = None
) -> Document:
    """The tables printed to a ruled PDF (reportlab), each on a page of its
    own (headings given as rows above the first table's 项目名称 row), and
    read back."""
    path = folder / "national.pdf"
    first, *more = parts
    rows = [[line, *[""] * (len(first[1][0]) - 1)] for line in first[0]] + [
        list(row) for row in first[1]
    ]
    shift = len(first[0])
    merges = [(t + shift, le, b + shift, r) for t, le, b, r in first[2]]
    _writers().write_pdf(
        path,
        _cells(rows),
        merges,
        (16,) * len(rows[0]),
        font_size=8,
        more=[(_cells(part_rows), list(part_merges)) for _, part_rows, part_merges in more],
    )
    return load_path(path, None if notify is None else notify.append)


def workbook_sheets_document(
    sheets: Sequence[tuple[str, Sequence[Sequence[str]], Sequence[Merge]]],
    folder: Path,
    notify: list[str] | None = None,
) -> Document:
    """The sheets (name, rows, merged ranges) as one workbook (openpyxl) and
    read back (the reader's notes into ``notify``)."""
    path = folder / "national.xlsx"
    _writers().write_xlsx(
        path, [(name, _cells(rows), list(merges)) for name, rows, merges in sheets], (16,) * 12
    )
    return load_path(path, None if notify is None else notify.append)


# A mid-term form printed as two grids, each labelled in its merged left
# column: 中期绩效指标 (the period values) then 年度绩效指标 (the annual ones).
TWO_GRIDS_HEAD: Rows = [
    ["项目支出绩效目标申报表", "", "", "", ""],
    ["项目名称", "森林草原防火能力建设项目", "", "实施单位", "某市森林草原防灭火指挥中心"],
    ["主管部门", "某市林业和草原局", "", "项目期", "2024.01-2026.12"],
    ["中期资金总额", "960.00", "", "年度资金总额", "320.00"],
    [
        "中期目标",
        "三年新建防火隔离带120公里，购置扑火机具300台（套），受害率控制在0.9‰以内。",
        "",
        "",
        "",
    ],
    ["年度目标", "2025年新建防火隔离带40公里，购置扑火机具100台（套），火灾及时扑灭。", "", "", ""],
]
TWO_GRIDS_INDICATORS: list[tuple[str, str, str, str, str]] = [
    # 一级, 二级, 三级, 中期指标值, 年度指标值
    ("产出指标", "数量指标", "新建防火隔离带长度", "120公里", "40公里"),
    ("产出指标", "数量指标", "购置扑火机具数量", "300台（套）", "100台（套）"),
    ("产出指标", "质量指标", "防火物资验收合格率", "100%", "100%"),
    ("效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "≤0.9‰"),
    ("满意度指标", "服务对象满意度指标", "林区群众满意度", "≥85%", "≥85%"),
]


def two_grids(
    indicators: Sequence[tuple[str, str, str, str, str]] = TWO_GRIDS_INDICATORS,
    labels: tuple[str, str] = ("中期绩效指标", "年度绩效指标"),
    above: bool = False,
    annual_only: Sequence[tuple[str, str, str, str]] = (),
) -> tuple[Rows, list[Merge]]:
    """The two-grid form (rows, merged ranges): each grid's label in its
    merged left column, or (``above``) in a merged heading row over it.
    A period or annual value of ``""`` leaves the indicator out of that
    grid; ``annual_only`` rows (一级, 二级, 三级, 值) are added to the annual
    grid alone."""
    rows: Rows = [list(row) for row in TWO_GRIDS_HEAD]
    merges: list[Merge] = [(0, 0, 0, 4), (4, 1, 4, 4), (5, 1, 5, 4)]
    grids = [
        [(a, b, c, p) for a, b, c, p, _ in indicators if p],
        [(a, b, c, y) for a, b, c, _, y in indicators if y] + list(annual_only),
    ]
    for label, grid in zip(labels, grids, strict=True):
        if above:
            merges.append((len(rows), 0, len(rows), 4))
            rows.append([label, "", "", "", ""])
        top = len(rows)
        rows.append(["" if above else label, "一级指标", "二级指标", "三级指标", "指标值"])
        for level1, level2, name, value in grid:
            rows.append(["", level1, level2, name, value])
        if not above:
            merges.append((top, 0, len(rows) - 1, 0))
    return rows, merges


def with_cells(rows: Sequence[Sequence[str]], changes: dict[tuple[int, int], str]) -> Rows:
    """A copy of ``rows`` with the cells at (row, column) rewritten."""
    copy = [list(row) for row in rows]
    for (row, column), value in changes.items():
        copy[row][column] = value
    return copy
