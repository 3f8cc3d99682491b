"""A national form printed to PDF whose indicator grid goes on on the next
page without its header row (the author set no "print titles"), with or
without a 续表 mark. On the first page the facts block (four columns) and
the grid (five) touch, so a PDF's table extractor returns one table whose
columns are the union of both; the next page's rows have the grid's five.
They go on in the form's grid, in its columns: no indicator is lost, and
no project is said to lack the categories printed on the second page."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.model import Clause
from audit.pipeline import load_path

FACTS = [
    ["项目名称", "社区公共卫生服务经费", "主管部门", "某区卫生健康局"],
    ["实施单位", "某区疾病预防控制中心", "项目期", "2025.01-2025.12"],
    ["资金总额（万元）", "360.00", "其中：财政拨款", "360.00"],
    ["年度目标", "本年度完成辖区居民健康档案更新，开展健康讲座十二场，居民满意度达到90%。", "", ""],
]
HEADER = ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"]
FIRST = [
    ["产出指标", "数量指标", "健康讲座场次", "≥12场", "≥12场"],
    ["产出指标", "质量指标", "档案规范率", "≥95%", "≥95%"],
    ["产出指标", "时效指标", "体检结果反馈时限", "≤15个工作日", "≤15个工作日"],
]
REST = [
    ["效益指标", "社会效益指标", "居民健康知识知晓率", "≥80%", "≥80%"],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "待补充"],
]


def split_form(path: Path, mark: str | None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    width = A4[0] - 60

    def table(rows: list[list[str]], columns: int) -> Table:
        cells = [[Paragraph(cell, style) for cell in row] for row in rows]
        return Table(cells, colWidths=[width / columns] * columns, style=grid)

    story = [
        Paragraph("2025年项目支出绩效目标表", style),
        table(FACTS, 4),
        table([HEADER, *FIRST], 5),
        PageBreak(),
    ]
    if mark:
        story.append(Paragraph(mark, style))
    story.append(table(REST, 5))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30, rightMargin=30).build(story)
    return path


@pytest.mark.parametrize("mark", ["续表", None])
def test_the_grid_goes_on_on_the_next_page(tmp_path: Path, mark: str | None) -> None:
    document = load_path(split_form(tmp_path / "form.pdf", mark))
    (project,) = document.projects
    names = [c.name for c in project.clauses if isinstance(c, Clause)]
    assert names == [row[2] for row in [*FIRST, *REST]]
    found = run(document, load_config(None, discover=False))
    assert not [f for f in found if f.rule == "missing-category"]
    assert [(f.rule, f.excerpt) for f in found if f.rule == "placeholder"] == [
        ("placeholder", "待补充")
    ]
