"""A hard line break inside a value keyword: ``年度指标<br>值：≥90%`` in a web
page's cell, ``实施周期`` / ``指标值`` on two lines of a Word or workbook cell
(typed where the column was narrow), or a space typed inside one. The
keyword is read whole, every character still pointed at where it stands; a
break between words that make no keyword stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Clause, Source, Text
from audit.parsing import keywords_joined, parse_clause_text
from audit.pipeline import load_path
from scripts.make_examples import write_docx, write_html, write_xlsx
from tests.conftest import carrier_table, lint
from tests.test_parsing_forms import clauses, read

# A district employment bureau's 职业技能培训经费, its cell typed in a narrow column.
BROKEN = (
    "1、1-产出指标；11-数量指标；培训人数；实施周期\n指标值：≥300人；年度指标值：≥300人。"
    "2、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值：≥90%；年度指标\n值：≥90%。"
)
READ = [
    (1, "产出指标", "数量指标", "培训人数", "≥300人", "≥300人"),
    (2, "满意度指标", "服务对象满意度", "学员满意度", "≥90%", "≥90%"),
]


@pytest.mark.parametrize(
    "cell",
    [
        BROKEN,
        BROKEN.replace("实施周期\n指标值", "实\n施周期指标值"),
        BROKEN.replace("年度指标\n值", "年度\n指标值"),
        BROKEN.replace("年度指标\n值", "年度指标 \n 值"),  # spaces kept around the break
        BROKEN.replace("年度指标\n值", "年度指标\r\n值"),
        BROKEN.replace("年度指标\n值", "年\n度\n指标值"),
        # spaced out, without a break
        BROKEN.replace("年度指标\n值", "年度指标 值").replace(
            "实施周期\n指标值", "实施周期　指标值"
        ),
    ],
    ids=["as-typed", "after-one", "before-the-word", "spaces", "windows", "twice", "no-break"],
)
def test_a_keyword_split_by_a_line_break_is_read_whole(cell: str) -> None:
    result = clauses(cell)
    assert [read(c) for c in result] == READ
    assert all(c.issues == () for c in result)


def test_the_joined_keyword_points_where_it_is_written() -> None:
    source = Source("t.txt", BROKEN)
    cell = Text.at(source, 0, BROKEN)
    joined = keywords_joined(cell)
    assert "\n" not in joined.value
    start = joined.value.index("年度指标值：≥90%")
    assert joined.origin(start) == BROKEN.index("年度指标\n值：≥90%")
    assert joined.origin(start + 4) == BROKEN.rindex("值：≥90%")  # 值, after the break
    (_, second) = clauses(BROKEN)
    assert second.annual is not None
    keyword = second.annual.keyword_span
    first_line = BROKEN.split("\n")[1]
    column = first_line.rindex("年度指标") + 1
    assert (keyword.line, keyword.column, keyword.end_line, keyword.end_column) == (2, column, 3, 2)


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        # a break between words that make no keyword
        ("1、产出指标：完成年度\n目标任务，年度指标值：≥300人。", "完成年度\n目标任务"),
        ("1、产出指标：培训人数，年度指标值：完成年度\n指标任务。", "完成年度\n指标任务"),
        # a break before or after a whole keyword is no break inside one
        ("1、产出指标：培训人数，\n年度指标值：\n≥300人。", "培训人数"),
    ],
    ids=["words", "words-in-value", "around"],
)
def test_breaks_that_split_no_keyword_stay(cell: str, kept: str) -> None:
    (clause,) = parse_clause_text(cell)
    assert isinstance(clause, Clause)
    assert kept in clause.text
    assert clause.annual is not None and clause.annual.text.endswith(("人", "任务"))
    source = Source("t.txt", cell)
    assert keywords_joined(Text.at(source, 0, cell)).value == cell


_ROWS = carrier_table(BROKEN.replace("。2、", "。\n2、"))


@pytest.mark.parametrize("carrier", ["html", "docx", "xlsx"])
def test_a_cell_with_keywords_broken_over_lines_lints_clean(tmp_path: Path, carrier: str) -> None:
    path = tmp_path / f"table.{carrier}"
    if carrier == "html":
        write_html(path, _ROWS)
        assert "年度指标<br>值" in path.read_text(encoding="utf-8")
    elif carrier == "docx":
        write_docx(path, _ROWS)
    else:
        write_xlsx(path, [("Sheet1", _ROWS, [])])
    document = load_path(path)
    (project,) = [p for u in document.units for p in u.projects]
    assert [read(c) for c in project.clauses if isinstance(c, Clause)] == READ
    # every clause's text stands in the project's cell as read
    assert project.indicators is not None
    assert all(c.text in project.indicators.value for c in project.clauses)
    findings = lint(path)
    assert not {"missing-field", "parse-error", "repeated-field"} & {f.rule for f in findings}


def test_a_web_pages_self_closed_break_splits_no_keyword_either(tmp_path: Path) -> None:
    page = tmp_path / "table.html"
    write_html(page, _ROWS)
    markup = page.read_text(encoding="utf-8").replace("实施周期<br>指标值", "实施周期<br/>指标值")
    page.write_text(markup, encoding="utf-8")
    (project,) = [p for u in load_path(page).units for p in u.projects]
    assert [read(c) for c in project.clauses if isinstance(c, Clause)] == READ
