"""A Guangzhou table's indicator cell written as an outline or in the fused
form, as ``pdftotext -raw`` prints it: the cell begins at its first heading
(``一、产出指标`` alone on its line) or at its first categories
(``产出指标：数量指标：…``) after the goal's last sentence, and a heading and
each item under it keep their lines, so the text reads as the PDF does.

The fixtures are ``pdftotext -raw`` of reportlab PDFs of one project: a
county water bureau's 农村饮水安全工程维修养护经费."""

from __future__ import annotations

from pathlib import Path

from audit.model import Clause
from audit.pipeline import load_path
from audit.syntax import categories_start, outline_breaks
from tests.conftest import lint

HERE = Path(__file__).parent / "fixtures" / "pdftext"
GOAL = "年内完成42处集中供水工程维修养护，更换入户水表1200块，水质检测合格率不低于95%，保障农村群众饮水安全。"


def _project(name: str):  # type: ignore[no-untyped-def]
    (unit,) = load_path(HERE / name).units
    (project,) = unit.projects
    return project


def test_an_outline_in_raw_text_ends_the_goal_and_reads_under_its_headings() -> None:
    project = _project("outline_raw.txt")
    assert project.goal is not None and project.goal.value == GOAL
    clauses = [c for c in project.clauses if isinstance(c, Clause)]
    assert [
        (c.number, c.level1 and c.level1.name, c.level2 and c.level2.name) for c in clauses
    ] == [
        (1, "产出指标", "数量指标"),
        (2, "产出指标", "质量指标"),
        (1, "效益指标", "社会效益指标"),
        (2, "效益指标", "社会效益指标"),
    ]
    assert [c.annual.text for c in clauses if c.annual] == ["≥42处", "≥95%", "≥90%", "≥90%"]
    # The fixture files a satisfaction under 社会效益: found as in the PDF.
    findings = lint(HERE / "outline_raw.txt")
    assert [(f.rule, f.line) for f in findings] == [("category-keyword-mismatch", 22)]


def test_the_fused_form_in_raw_text_is_the_indicator_cell_not_the_goal() -> None:
    project = _project("fused_raw.txt")
    assert project.goal is not None and project.goal.value == GOAL
    clauses = [c for c in project.clauses if isinstance(c, Clause)]
    assert [(c.level1 and c.level1.name, c.name) for c in clauses] == [
        ("产出指标", "维修养护集中供水工程处数"),
        ("产出指标", "出厂水水质检测合格率"),
        ("效益指标", "农村集中供水率"),
        ("满意度指标", "受益群众满意度"),
    ]
    rules = sorted({f.rule for f in lint(HERE / "fused_raw.txt")})
    assert rules == ["clause-numbering", "nonstandard-punctuation"]  # as the PDF gives


def test_what_begins_a_cell_of_categories() -> None:
    for line in [
        "一、产出指标",
        "产出指标：",
        "（一）产出指标（40分）",
        "产出指标：数量指标：培训人数≥1000人；",
    ]:
        assert categories_start(line), line
    # Near misses: a goal's sentence about outputs, a category with its name.
    for line in [
        "完成年度产出指标，提升服务水平。",
        "产出指标完成情况良好",
        "1、产出指标：培训人数，年度指标值：≥1000人",
    ]:
        assert not categories_start(line), line


def test_only_an_outlines_lines_are_kept() -> None:
    lines = [
        "一、产出指标",
        "1.培训人数：≥1000",
        "人次",
        "2.发放人数：≥200人",
        "二、满意度指标",
        "1.满意度：≥90%",
    ]
    assert outline_breaks(lines) == [False, True, False, True, True, True]
    # Without a heading, nothing is kept: wrapped clauses are joined as before.
    assert not any(
        outline_breaks(["1、1-产出指标；11-数量指标；培训人数；年度", "指标值：≥1000人", "2、…"])
    )
