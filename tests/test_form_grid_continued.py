"""A national form whose indicator grid goes on in a table of its own: Word's
repeated header row, a table split at a page break with its header copied,
one ``<table>`` per printed page, a PDF page's grid pdfplumber returns as its
own table; and a form printed as its facts in one table and its whole grid in
the next. The grid has no project of its own: it goes on in the form printed
just before it. A grid with no form before it, or after a table of another
kind or a title of its own, is still refused or skipped with its reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Clause, Document
from audit.readers import ReadError
from audit.readers.continued import grid_goes_on
from tests.conftest import MARKET_PROJECTS, lint
from tests.national import (
    FORM,
    TablePart,
    docx_tables_document,
    html_tables_document,
    pdf_tables_document,
    workbook_sheets_document,
)

Builder = Callable[[list[TablePart], Path, list[str]], Document]
CARRIERS: dict[str, Builder] = {
    "docx": docx_tables_document,
    "html": html_tables_document,
    "pdf": pdf_tables_document,
}
HEADINGS = [FORM[0][0], FORM[1][0]]  # the title, 金额单位：万元
TOP = FORM[2:6]  # 项目名称 … the goals
GRID_HEADER = FORM[6]
NAMES = ["健康讲座场次", "健康档案更新份数", "档案规范率", "居民健康知识知晓率", "居民满意度"]
# The form down to its first indicators (一级/二级 merged down), the rest of
# its grid in the next table.
FIRST: list[list[str]] = [*TOP, GRID_HEADER, *FORM[7:10]]
FIRST_MERGES = [(5, 0, 7, 0), (5, 1, 6, 1)]
REST: list[list[str]] = FORM[10:]
LOST = "without 项目名称 above it"


def names(document: Document) -> list[str]:
    return [
        clause.name
        for project in document.projects
        for clause in project.clauses
        if isinstance(clause, Clause) and clause.name is not None
    ]


def read(carrier: str, parts: list[TablePart], folder: Path) -> tuple[Document, list[str]]:
    notes: list[str] = []
    return CARRIERS[carrier](parts, folder, notes), notes


@pytest.mark.parametrize("carrier", sorted(CARRIERS))
@pytest.mark.parametrize(
    "between",
    [["续表"], [], ["金额单位：万元", "续表"], ["第 1 页 共 2 页"]],
    ids=["continued-mark", "nothing", "unit-and-mark", "page-number"],
)
def test_a_grid_under_its_repeated_header_goes_on_in_the_form(
    tmp_path: Path, carrier: str, between: list[str]
) -> None:
    parts: list[TablePart] = [(HEADINGS, FIRST, FIRST_MERGES), (between, [GRID_HEADER, *REST], [])]
    document, notes = read(carrier, parts, tmp_path)
    assert [p.name.value for p in document.projects if p.name] == ["社区公共卫生服务经费"]
    assert names(document) == NAMES
    assert not any(LOST in note for note in notes)
    assert lint(document, ["missing-category"]) == []


@pytest.mark.parametrize("carrier", sorted(CARRIERS))
@pytest.mark.parametrize(
    "caption", [[], ["绩效指标"], ["三、绩效指标："]], ids=["nothing", "caption", "numbered"]
)
def test_a_form_whose_facts_and_grid_are_two_tables_is_one_project(
    tmp_path: Path, carrier: str, caption: list[str]
) -> None:
    grid = FORM[6:]
    merges = [(1, 0, 3, 0), (1, 1, 2, 1)]
    document, notes = read(carrier, [(HEADINGS, TOP, []), (caption, grid, merges)], tmp_path)
    assert [p.name.value for p in document.projects if p.name] == ["社区公共卫生服务经费"]
    assert document.projects[0].goal is not None
    assert document.projects[0].goal.value.startswith("本年度完成")
    assert names(document) == NAMES
    assert notes == []
    assert lint(document, ["missing-category", "missing-goal"]) == []


@pytest.mark.parametrize("carrier", sorted(CARRIERS))
def test_a_defect_in_the_continued_rows_is_found(tmp_path: Path, carrier: str) -> None:
    satisfaction = [*REST[1][:3], "≤90%", "≤90%"]  # a satisfaction capped
    parts: list[TablePart] = [
        (HEADINGS, FIRST, FIRST_MERGES),
        (["续表"], [GRID_HEADER, REST[0], satisfaction], []),
    ]
    document, _ = read(carrier, parts, tmp_path)
    assert names(document) == NAMES
    found = lint(document, ["comparator-direction"])
    assert found and all("居民满意度" in f.message for f in found)


# --------------------------------------------------------------------------
# Near misses


@pytest.mark.parametrize("carrier", ["docx", "html"])
def test_a_grid_with_no_form_before_it_is_still_refused(tmp_path: Path, carrier: str) -> None:
    with pytest.raises(ReadError, match=LOST):
        read(carrier, [(HEADINGS, [GRID_HEADER, *REST], [])], tmp_path)


@pytest.mark.parametrize("carrier", ["docx", "html"])
@pytest.mark.parametrize(
    "between",
    [["附件2：绩效指标参考目录"], ["单位名称：某区妇幼保健院"], ["注：以下为参考指标。"]],
    ids=["another-title", "another-unit", "a-note"],
)
def test_a_grid_after_other_text_is_not_the_form_s(
    tmp_path: Path, carrier: str, between: list[str]
) -> None:
    parts: list[TablePart] = [(HEADINGS, FIRST, FIRST_MERGES), (between, [GRID_HEADER, *REST], [])]
    document, notes = read(carrier, parts, tmp_path)
    assert names(document) == NAMES[:3]
    assert any(LOST in note for note in notes)


@pytest.mark.parametrize("carrier", sorted(CARRIERS))
def test_two_forms_in_two_tables_stay_two_projects(tmp_path: Path, carrier: str) -> None:
    second = [list(row) for row in FORM[2:]]
    second[0][1] = "老年人健康体检经费"
    merges = [(5, 0, 7, 0), (5, 1, 6, 1)]
    document, notes = read(
        carrier, [(HEADINGS, FORM[2:], merges), (HEADINGS, second, merges)], tmp_path
    )
    projects = document.projects
    assert [p.name.value for p in projects if p.name] == [
        "社区公共卫生服务经费",
        "老年人健康体检经费",
    ]
    assert [len(p.clauses) for p in projects] == [5, 5]
    assert notes == []


def test_a_grid_after_a_whole_department_table_is_not_read_as_its_rows(tmp_path: Path) -> None:
    department = [
        ["部门（单位）名称", "某区卫生健康局", "", "", ""],
        ["年度主要任务", "任务名称", "主要内容", "", ""],
        ["", "公共卫生服务", "开展健康教育", "", ""],
        ["年度部门整体支出绩效目标", "全面完成年度公共卫生服务任务。", "", "", ""],
    ]
    title = ["2025年部门整体支出绩效目标申报表"]
    with pytest.raises(ReadError, match=LOST):
        read("docx", [(title, department, []), ([], [GRID_HEADER, *REST], [])], tmp_path)


# --------------------------------------------------------------------------
# What may stand between the form and its grid

FURNITURE = st.sampled_from(
    ["", "续表", "（续表）", "续上表", "- 2 -", "第2页 共3页", "2/3", "金额单位：万元", "绩效指标"]
)
TEXT = st.sampled_from(
    [
        "附件2：绩效指标参考目录",
        "单位名称：某区妇幼保健院",
        "注：以下为参考指标。",
        "二、新增项目",
        "金额单位：元",
    ]
)


@given(st.lists(FURNITURE, max_size=5))
def test_page_furniture_alone_lets_the_grid_go_on(lines: list[str]) -> None:
    assert grid_goes_on(HEADINGS, lines)


@given(st.lists(FURNITURE, max_size=4), TEXT, st.lists(FURNITURE, max_size=4))
def test_any_text_of_the_document_s_own_stops_it(
    before: list[str], text: str, after: list[str]
) -> None:
    assert not grid_goes_on(HEADINGS, [*before, text, *after])


# --------------------------------------------------------------------------
# A workbook: the grid goes on in the next sheet


def test_a_grid_continued_on_the_next_sheet_goes_on_in_the_form(tmp_path: Path) -> None:
    notes: list[str] = []
    document = workbook_sheets_document(
        [
            ("表1", [*TOP, GRID_HEADER, *FORM[7:10]], FIRST_MERGES),
            ("表1（续）", [["续表", "", "", "", ""], GRID_HEADER, *REST], []),
        ],
        tmp_path,
        notes,
    )
    assert names(document) == NAMES
    assert not any(LOST in note for note in notes)


def test_a_sheet_of_reference_indicators_is_not_the_form_s(tmp_path: Path) -> None:
    notes: list[str] = []
    document = workbook_sheets_document(
        [
            ("绩效目标表", FORM[2:], [(5, 0, 7, 0), (5, 1, 6, 1)]),
            ("指标库", [["绩效指标参考目录", "", "", "", ""], GRID_HEADER, *REST], []),
        ],
        tmp_path,
        notes,
    )
    assert names(document) == NAMES
    assert any(LOST in note for note in notes)


def test_a_grid_after_a_guangzhou_table_is_not_its_rows(tmp_path: Path) -> None:
    header = ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金"]
    header += ["绩效目标", "绩效指标"]
    rows = [header, *([cell or "" for cell in row] for row in MARKET_PROJECTS)]
    grid = [[*row, "", ""] for row in [GRID_HEADER, *REST]]
    document, notes = read("html", [([], rows, []), ([], grid, [])], tmp_path)
    assert document.layout == "html"  # read as the Guangzhou table it is
    assert len(document.projects) == len(MARKET_PROJECTS)
    assert any(LOST in note for note in notes)
