"""What a printed page carries besides its table is no cell text: page
numbers and running heads or feet of a PDF printed without ruling lines,
and a sheet's print titles (顶端标题行: the title, ``部门名称：… | 单位：万元``
and the header) repeated at the top of each page inside a ruled grid.

The PDFs are printed with reportlab as an Excel sheet prints: a page break
forced after a given row, each page's table under its header row (or under
the repeated title rows), the page's head and foot drawn in its margins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from audit.config import load_config
from audit.engine import run
from audit.model import AMOUNT_COLUMNS, Document
from audit.pipeline import load_path
from audit.readers.pdfwords import read_page, running_lines, without_page_number
from tests.conftest import HEADER as GUANGZHOU_HEADER
from tests.test_pdf_unruled import FONT, LEADING, _add_word, _joined, _lay_out

HEADER = GUANGZHOU_HEADER.split("\t")
TITLE = "广州市海珠区人力资源和社会保障局2025年项目支出绩效目标表"
DEPARTMENT = "部门名称：广州市海珠区人力资源和社会保障局"


def _clauses(name: str, count: str) -> str:
    return (
        f"1、1-产出指标；11-数量指标；{name}；实施周期指标值：≥{count}人次；"
        f"年度指标值：≥{count}人次。2、1-产出指标；12-质量指标；服务记录完整率；"
        "实施周期指标值：100%；年度指标值：100%。3、2-效益指标；22-社会效益；群众办事便利度；"
        "实施周期指标值：有效提升；年度指标值：有效提升。4、3-满意度指标；31-服务对象满意度；"
        "服务对象满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
    )


def _project(name: str, amount: str, count: str, goal: str) -> list[str]:
    return [name, amount, amount, "", "", goal, _clauses("服务人次", count)]


# 合计, two units; the second unit's row is the last row of page 1, its
# projects on page 2 (a unit row at the foot of a page is common).
PAGE_1 = [
    HEADER,
    ["合计", "500.00", "500.00", "", "", "", ""],
    ["广州市海珠区劳动就业服务管理中心", "300.00", "300.00", "", "", "", ""],
    _project(
        "就业服务平台运行经费",
        "200.00",
        "5000",
        "保障公共就业服务平台全年正常运行，方便群众求职登记。",
    ),
    _project(
        "职业介绍服务经费", "100.00", "3000", "为求职者免费提供职业介绍和职业指导，促进劳动者就业。"
    ),
    ["广州市海珠区社会保险基金管理中心", "200.00", "200.00", "", "", "", ""],
]
PAGE_2 = [
    HEADER,
    _project(
        "社会保险经办服务经费",
        "120.00",
        "8000",
        "做好社会保险登记和待遇核定经办，提升经办服务水平。",
    ),
    _project(
        "社保政策宣传经费",
        "80.00",
        "2000",
        "开展社保政策进社区宣传活动，提高群众对社保政策的知晓度。",
    ),
]


def print_pages(
    path: Path,
    pages: Sequence[Sequence[Sequence[str]]],
    ruled: bool = False,
    head: str = "",
    foot: str = "",
    align: str = "centre",
    titles: bool = False,
    every: bool = True,
) -> Path:
    """Each of ``pages`` as a table on a page of its own (landscape A4,
    cells wrapped, top-aligned), ruled or not. Above the first page's
    table stand the title and 部门名称 lines, unless ``titles``: then each
    page's table begins with them as rows of the grid (the title merged
    across it, 部门名称 across all but the last column, which holds
    ``单位：万元``), as a sheet printed with print titles (only the first
    page's, the others under their header row, unless ``every``). ``head`` and
    ``foot`` are drawn on every page (``{page}`` its number), the foot
    ``align``-ed (``left``, ``centre``, ``right``)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7.5, leading=9.5)
    cell.wordWrap = "CJK"
    big = ParagraphStyle("title", parent=cell, fontSize=12, leading=16, alignment=1)
    widths = [42 * mm, 18 * mm, 18 * mm, 15 * mm, 15 * mm, 60 * mm, 109 * mm]

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 7)
        width, height = doc.pagesize
        if head:
            canvas.drawString(15 * mm, height - 8 * mm, head.format(page=doc.page))
        text = foot.format(page=doc.page)
        if text and align == "right":
            canvas.drawRightString(width - 15 * mm, 7 * mm, text)
        elif text and align == "left":
            canvas.drawString(15 * mm, 7 * mm, text)
        elif text:
            canvas.drawCentredString(width / 2, 7 * mm, text)
        canvas.restoreState()

    story: list[Any] = []
    if not titles:
        story += [Paragraph(TITLE, big), Paragraph(DEPARTMENT, cell), Paragraph("单位：万元", cell)]
    for number, rows in enumerate(pages):
        if number:
            story.append(PageBreak())
        data: list[list[Any]] = [[Paragraph(text, cell) for text in row] for row in rows]
        commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if titles and (every or not number):
            data = [
                [Paragraph(TITLE, big), *[""] * 6],
                [Paragraph(DEPARTMENT, cell), *[""] * 5, Paragraph("单位：万元", cell)],
                *data,
            ]
            commands += [("SPAN", (0, 0), (-1, 0)), ("SPAN", (0, 1), (5, 1))]
        if ruled:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        story.append(Table(data, colWidths=widths, style=TableStyle(commands)))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4))
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return path


def _shape(document: Document) -> list[tuple[str, str, tuple[str | None, ...], str, int]]:
    """Each project's unit, name, amounts, goal and clause count."""
    return [
        (
            unit.title,
            str(project.name),
            tuple(
                None if amount is None else amount.text.value
                for amount in map(project.amounts.get, AMOUNT_COLUMNS)
            ),
            "".join(str(project.goal or "").split()),
            len(project.clauses),
        )
        for unit in document.units
        for project in unit.projects
    ]


def _findings(document: Document) -> list[tuple[str, str | None, str | None, int | None]]:
    found = run(document, load_config(None, discover=False))
    return sorted((f.rule, f.unit, f.project, f.clause) for f in found)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """The table printed without ruling lines and without page furniture."""
    folder = tmp_path_factory.mktemp("plain")
    return load_path(print_pages(folder / "plain.pdf", [PAGE_1, PAGE_2]))


def test_the_table_without_furniture_reads_two_units_and_nothing_to_report(
    plain: Document,
) -> None:
    assert [(u.title, len(u.projects)) for u in plain.units] == [
        ("广州市海珠区劳动就业服务管理中心", 2),
        ("广州市海珠区社会保险基金管理中心", 2),
    ]
    assert _findings(plain) == []


@pytest.mark.parametrize(
    ("head", "foot", "align"),
    [
        ("", "- {page} -", "centre"),
        ("", "第{page}页", "right"),
        ("", "第 {page} 页 共 2 页", "centre"),
        ("", "{page}/2", "right"),
        ("广州市海珠区人力资源和社会保障局2025年部门预算", "- {page} -", "centre"),
        ("", "广州市海珠区人力资源和社会保障局2025年部门预算公开 第{page}页", "left"),
        ("", "广州市海珠区2025年部门预算公开", "left"),
    ],
)
def test_page_numbers_and_running_lines_are_no_cell_text(
    plain: Document, tmp_path: Path, head: str, foot: str, align: str
) -> None:
    # The unit row at the foot of page 1 stays a unit (no goal ``-1-``
    # makes it a project), the last clause keeps its value (no ``第1页``).
    path = print_pages(tmp_path / "marked.pdf", [PAGE_1, PAGE_2], head=head, foot=foot, align=align)
    document = load_path(path)
    assert _shape(document) == _shape(plain)
    assert _findings(document) == []


def test_a_running_head_over_a_page_without_the_header_row_is_no_row(
    plain: Document, tmp_path: Path
) -> None:
    # The sheet printed without its header repeated: page 2 is read in the
    # columns of page 1, from its first line, which is the running head.
    path = print_pages(
        tmp_path / "headless.pdf",
        [PAGE_1, PAGE_2[1:]],
        head="广州市海珠区人力资源和社会保障局2025年部门预算",
        foot="- {page} -",
    )
    document = load_path(path)
    assert _shape(document) == _shape(plain)
    assert _findings(document) == []


def test_a_page_number_is_told_from_the_text_of_its_line() -> None:
    assert without_page_number(["-", "1", "-"]) == ""
    assert without_page_number(["第", "1", "页", "共", "3", "页"]) == ""
    assert without_page_number(["1/3"]) == ""
    assert without_page_number(["某局2025年部门预算", "第2页"]) == "某局2025年部门预算"
    assert without_page_number(["3", "某局2025年部门预算"]) == "某局2025年部门预算"
    # Near misses: an amount, a value, a name with a number in it.
    assert without_page_number(["15.70"]) == "15.70"
    assert without_page_number(["≥90%。"]) == "≥90%。"
    assert without_page_number(["第2批项目经费"]) == "第2批项目经费"
    texts = ["某局预算\n表\n- 1 -", "某局预算\n表二\n- 2 -", "另一页\n某局预算 第3页"]
    assert running_lines(texts) == frozenset({"某局预算"})


_ROWS = [
    HEADER,
    ["城市道路清扫保洁经费", "1,250.00", "1,250.00", "", "", "做好保洁。", "1、保洁面积"],
    ["某某中心", "8141.62", "8141.62", "", "", "", ""],
]
_NARROW = [8, 5, 5, 5, 5, 12, 24]


def test_a_row_whose_last_line_is_digits_stays_whole() -> None:
    # The unit row last on the page wraps its amounts (``8141.`` / ``62``):
    # its last line is a bare number, as a page number is, but it is part of
    # the row's stretch of lines, not a stretch of its own under the table.
    page = _lay_out(_ROWS, _NARROW, 3.0, "TOP")
    expected = [[c or None for c in r] for r in _ROWS]
    piece, _ = read_page(page, 1, None)
    assert _joined(piece.rows) == expected
    # With the page number printed in the margin below it, the same.
    bottom = max(w["bottom"] for w in page.words)
    _add_word(page, "-", 200.0, bottom + 40)
    _add_word(page, "1", 200.0 + FONT + 2, bottom + 40)
    _add_word(page, "-", 200.0 + 2 * FONT + 4, bottom + 40)
    piece, _ = read_page(page, 1, None)
    assert _joined(piece.rows) == expected


def test_a_last_row_that_is_no_page_furniture_stays_a_row() -> None:
    # Text under the table that is no page number and no running line
    # (another page does not print it) is read as before: here a row.
    page = _lay_out(_ROWS, _NARROW, 3.0, "TOP")
    bottom = max(w["bottom"] for w in page.words)
    _add_word(page, "做好保洁。", 20.0 + 3 + (8 + 5 * 4) * FONT + 30 + 3, bottom + 2 * LEADING)
    piece, _ = read_page(page, 1, None, running=frozenset({"某局预算"}))
    assert len(piece.rows) == len(_ROWS) + 1


@pytest.mark.parametrize("every", [True, False])
def test_print_titles_repeated_inside_a_ruled_grid_are_no_rows(
    plain: Document, tmp_path: Path, every: bool
) -> None:
    # Each page of the grid begins with the title, 部门名称 … 单位：万元 and
    # the header, as rows of the grid: on page 2 they are dropped as the
    # header is, so 部门名称 is no project. Near miss (every False): page 2
    # repeats the header row only.
    path = print_pages(tmp_path / "titles.pdf", [PAGE_1, PAGE_2], True, titles=True, every=every)
    document = load_path(path)
    assert _shape(document) == _shape(plain)
    assert _findings(document) == []


def print_wider_than_the_page(path: Path, rows: Sequence[Sequence[str]], at: int) -> Path:
    """A sheet printed without 调整为一页宽: columns ``[:at]`` of every row on
    page 1, the others (if any) on page 2, each a ruled table, as Excel
    prints a sheet wider than its page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7.5, leading=9.5)
    cell.wordWrap = "CJK"
    grid = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    story: list[Any] = [Paragraph(TITLE, cell), Paragraph(DEPARTMENT, cell)]
    for number, columns in enumerate([slice(0, at), slice(at, None)]):
        data = [[Paragraph(text, cell) for text in row[columns]] for row in rows]
        if not data[0]:
            break  # no column left for page 2
        if number:
            story.append(PageBreak())
        story.append(
            Table(
                data, colWidths=[120 if index else 180 for index in range(len(data[0]))], style=grid
            )
        )
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    return path


def test_a_sheet_printed_wider_than_its_pages_is_refused_with_what_to_do(tmp_path: Path) -> None:
    from audit.readers.decode import ReadError
    from audit.reports import read_error

    rows = [row for row in PAGE_1 if row[0] != "广州市海珠区社会保险基金管理中心"]
    path = print_wider_than_the_page(tmp_path / "wide.pdf", rows, 5)
    with pytest.raises(ReadError) as caught:
        load_path(path)
    message = str(caught.value)
    assert message.startswith("the table's columns are printed on separate pages")
    assert "on page 1" in message and "on page 2" in message and "调整为一页宽" in message
    assert read_error(message, "zh").startswith("表格的各列分印在不同的页上")
    # Near miss: a budget table (项目支出表) alone is still no performance table.
    path = print_wider_than_the_page(tmp_path / "budget.pdf", [row[:5] for row in rows], 5)
    with pytest.raises(ReadError, match="no performance-target table found"):
        load_path(path)


def test_a_row_of_headings_between_two_tables_of_a_sheet_is_no_project(tmp_path: Path) -> None:
    # Two units' tables stacked in one sheet, each under its title block:
    # the second's ``单位名称：… | 单位：万元`` row names its unit, as the
    # first's does above the header; it is no project without amounts.
    from scripts.make_examples import write_xlsx

    def block(unit: str) -> list[list[str | None]]:
        return [[TITLE], [f"单位名称：{unit}", None, None, None, None, None, "单位：万元"]]

    rows = [
        *block("广州市海珠区劳动就业服务管理中心"),
        HEADER,
        *PAGE_1[3:5],
        *block("广州市海珠区社会保险基金管理中心"),
        *PAGE_2,
    ]
    document = load_path(write_xlsx(tmp_path / "stacked.xlsx", [("Sheet1", rows, ())]))
    assert [(u.title, [p.title for p in u.projects]) for u in document.units] == [
        ("广州市海珠区劳动就业服务管理中心", ["就业服务平台运行经费", "职业介绍服务经费"]),
        ("广州市海珠区社会保险基金管理中心", ["社会保险经办服务经费", "社保政策宣传经费"]),
    ]
    assert _findings(document) == []
