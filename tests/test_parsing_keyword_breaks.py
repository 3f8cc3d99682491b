"""A hard line break inside a value keyword: ``年度指标<br>值：≥90%`` in a web
page's cell, ``实施周期`` / ``指标值`` on two lines of a Word or workbook cell
(typed where the column was narrow), or a space typed inside one. The
keyword is read whole, every character still pointed at where it stands; a
break between words that make no keyword stays. So is a category's name
split where a category stands (``1-产出`` over ``指标；``), when the joined word
is one the taxonomy knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Clause, Source, Text
from audit.parsing import parse_clause_text, words_joined
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
    joined = words_joined(cell)
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
    assert words_joined(Text.at(source, 0, cell)).value == cell


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


# The same cell with its categories' names typed over two lines of the column.
CATEGORIES = (
    "1、1-产出\n指标；11-数量指标；培训人数；实施周期指标值：≥300人；年度指标值：≥300人。\n"
    "2、3-满意度指标；31-服务对象\n满意度；学员满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
)


@pytest.mark.parametrize(
    "cell",
    [
        CATEGORIES,
        CATEGORIES.replace("产出\n指标", "产出 \n 指标"),
        CATEGORIES.replace("产出\n指标", "产\n出指标").replace("11-数量指标", "11-数量\r\n指标"),
        CATEGORIES.replace("31-服务对象\n满意度", "31-服务对象满意度"),
    ],
    ids=["as-typed", "spaces", "level2-windows", "level1-only"],
)
def test_a_category_name_split_by_a_line_break_is_read_whole(cell: str) -> None:
    result = clauses(cell)
    assert [read(c) for c in result] == READ
    assert all(c.issues == () for c in result)


def test_an_older_form_category_split_by_a_line_break_is_read_whole() -> None:
    (clause,) = clauses("1、满意度\n指标：学员满意度，年度指标值：≥90%。")
    assert read(clause)[:4] == (1, "满意度指标", None, "学员满意度")
    assert clause.issues == ()


def test_the_joined_category_points_where_it_is_written() -> None:
    (first, second) = clauses(CATEGORIES)
    assert first.level1 is not None and first.level2 is not None
    span = first.level1.span
    assert (span.line, span.column, span.end_line, span.end_column) == (1, 3, 2, 3)
    assert second.level2 is not None
    assert second.level2.span.end_line == 4


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        # a name and a value split so: no category's name
        ("1、1-产出指标；11-数量指标；培训\n人数；年度指标值：≥300人。", "培训\n人数"),
        ("1、1-产出指标；11-数量指标；培训人数；年度指标值：完成产出\n指标。", "完成产出\n指标"),
        ("1、产出指标：培训人数，年度指标值：完成\n效益；", "完成\n效益"),
        # after a code, a word the taxonomy does not know
        ("1、1-产出\n目标；11-数量指标；培训人数；年度指标值：≥300人。", "1-产出\n目标"),
    ],
    ids=["name", "value", "value-after-colon", "unknown-word"],
)
def test_breaks_that_split_no_category_name_stay(cell: str, kept: str) -> None:
    source = Source("t.txt", cell)
    assert words_joined(Text.at(source, 0, cell)).value == cell
    assert any(kept in c.text for c in parse_clause_text(cell))


def test_a_workbook_cell_with_a_category_broken_over_lines_lints_clean(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    write_xlsx(path, [("Sheet1", carrier_table(CATEGORIES), [])])
    (project,) = [p for u in load_path(path).units for p in u.projects]
    assert [read(c) for c in project.clauses if isinstance(c, Clause)] == READ
    assert project.indicators is not None
    assert all(c.text in project.indicators.value for c in project.clauses)
    rules = {f.rule for f in lint(path)}
    assert not {"missing-field", "parse-error", "unknown-category", "category-mismatch"} & rules
