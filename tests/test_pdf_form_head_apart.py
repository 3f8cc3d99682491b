"""National forms printed to PDF, two to a page under a running head
(``某县2025年部门预算公开`` at the top of every page), where a page break
falls between a form's head (项目名称 … 年度目标) and its indicator grid.
The head at the foot of a page and the grid at the top of the next are ruled
tables of their own columns (four and six), and the next form follows the
grid on its page. The grid belongs to the head before it: the running head
is no title of its own, and the next form is a table of its own, so no
project loses its indicators and none is skipped as a grid "without a
project name above it"."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.model import Clause
from audit.pipeline import load_path


def head(name: str, unit: str, total: str, goal: str) -> list[list[str]]:
    return [
        ["项目名称", name, "", ""],
        ["主管部门", "某县水利局", "实施单位", unit],
        ["项目期", "2025.01-2025.12", "", ""],
        ["项目资金（万元）", "年度资金总额", total, ""],
        ["", "其中：财政拨款", total, ""],
        ["年度目标", goal, "", ""],
    ]


def grid(rows: list[list[str]]) -> list[list[str]]:
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"]
    return [header, *(["", *row] for row in rows)]


GOALS = (
    "完成全县40处农村集中供水工程维修养护，水质检测合格率不低于95%，保障群众饮水安全。",
    "改造老旧供水管网15公里，故障24小时内修复，受益农村人口4.2万人，减少管网漏损。",
    "全年开展农村供水水质检测48次，及时发现和处置水质问题，保障农村群众饮水安全。",
)
FIRST = [
    ["产出指标", "数量指标", "维修养护供水工程数量", "≥40处", "≥40处"],
    ["产出指标", "质量指标", "水质检测合格率", "≥95%", "≥95%"],
    ["效益指标", "社会效益指标", "农村自来水普及率", "≥98%", "≥98%"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "≥90%"],
]
SECOND = [
    ["产出指标", "数量指标", "改造老旧供水管网长度", "≥15公里", "≥15公里"],
    ["产出指标", "时效指标", "故障维修响应时间", "≤24小时", "≤24小时"],
    ["效益指标", "社会效益指标", "受益农村人口", "≥4.2万人", "≥4.2万人"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "待补充"],
]


THIRD = [
    ["产出指标", "数量指标", "水质检测次数", "≥48次", "≥48次"],
    ["效益指标", "社会效益指标", "农村自来水普及率", "≥98%", "≥98%"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "≥90%"],
]
RUNNING_HEAD = "某县2025年部门预算公开"


def forms_pdf(path: Path, apart: bool) -> Path:
    """Three forms under a running head on every page: the first whole (its
    head and grid one table of six columns), the second's head (four
    columns) at the foot of page 1 and, when ``apart``, its grid at the top
    of page 2, above the third form."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    width = A4[0] - 60
    ruled = [("GRID", (0, 0), (-1, -1), 0.5, "black")]
    six = [0.1, 0.12, 0.16, 0.3, 0.16, 0.16]

    def table(rows: list[list[str]], widths: list[float], spans: list[tuple[object, ...]]) -> Table:
        cells = [[Paragraph(cell, style) for cell in row] for row in rows]
        return Table(cells, colWidths=[width * w for w in widths], style=ruled + spans)

    def whole(name: str, unit: str, total: str, goal: str, rows: list[list[str]]) -> Table:
        facts = [
            ["项目名称", name, "", "", "", ""],
            ["主管部门", "某县水利局", "", "实施单位", unit, ""],
            ["项目资金（万元）", "年度资金总额", "", total, "", ""],
            ["", "其中：财政拨款", "", total, "", ""],
            ["年度目标", goal, "", "", "", ""],
        ]
        spans = [("SPAN", (1, 0), (5, 0)), ("SPAN", (0, 2), (0, 3)), ("SPAN", (1, 4), (5, 4))]
        spans.append(("SPAN", (0, 5), (0, 5 + len(rows))))
        return table(facts + grid(rows), six, spans)

    def split(name: str, unit: str, total: str, goal: str, rows: list[list[str]]) -> list[object]:
        return [
            Paragraph(f"{name}项目支出绩效目标表", style),
            table(
                head(name, unit, total, goal),
                [0.15, 0.35, 0.25, 0.25],
                [("SPAN", (0, 3), (0, 4)), ("SPAN", (1, 0), (3, 0)), ("SPAN", (1, 5), (3, 5))],
            ),
            *([PageBreak()] if apart else []),
            table(grid(rows), six, [("SPAN", (0, 0), (0, len(rows)))]),
            Spacer(1, 20),
        ]

    def running_head(canvas: object, _doc: object) -> None:
        canvas.setFont("STSong-Light", 9)  # type: ignore[attr-defined]
        canvas.drawString(30, A4[1] - 20, RUNNING_HEAD)  # type: ignore[attr-defined]

    story = [
        Paragraph("农村供水工程维修养护项目支出绩效目标表", style),
        whole("农村供水工程维修养护", "某县农村供水服务中心", "126.00", GOALS[0], FIRST),
        Spacer(1, 20),
        *split("农村老旧供水管网改造", "某县水务工程管理所", "88.50", GOALS[1], SECOND),
        Paragraph("农村水质检测项目支出绩效目标表", style),
        whole("农村水质检测", "某县水质检测中心", "30.00", GOALS[2], THIRD),
    ]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30, rightMargin=30)
    doc.build(story, onFirstPage=running_head, onLaterPages=running_head)
    return path


@pytest.mark.parametrize("apart", [True, False])
def test_a_grid_on_the_page_after_its_head_is_that_projects(tmp_path: Path, apart: bool) -> None:
    document = load_path(forms_pdf(tmp_path / "forms.pdf", apart))
    names = ["农村供水工程维修养护", "农村老旧供水管网改造", "农村水质检测"]
    assert [str(p.name) for p in document.projects] == names
    for project, rows in zip(document.projects, (FIRST, SECOND, THIRD), strict=True):
        assert [str(c.name) for c in project.clauses if isinstance(c, Clause)] == [
            r[2] for r in rows
        ]
    assert [str(p.amounts.total.value) for p in document.projects] == ["126.00", "88.50", "30.00"]
    found = run(document, load_config(None, discover=False))
    assert [(f.rule, f.project, f.excerpt) for f in found if f.severity != "info"] == [
        ("placeholder", "农村老旧供水管网改造", "待补充")
    ]
