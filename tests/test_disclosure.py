"""The performance table inside a whole 部门预算公开 document: budget tables
(项目支出表, 政府采购预算表, 基本支出表 …), the 部门整体支出绩效目标表 and the
project table, in workbooks (a sheet per table, or the whole disclosure on
one sheet), web pages, Word documents and PDF files.

The projects are rows of the seed table ``002_hrss_2024.txt``; the budget
tables' rows carry the same projects' names and amounts, as a disclosure
does. The files are written by the writers of ``scripts/make_examples.py``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import Finding
from audit.pipeline import load_path
from audit.readers import WHOLE_DEPARTMENT, NotATable, ReadError, guangzhou, read_path
from audit.readers.common import (
    HEADER_CELLS,
    budget_header,
    header_columns,
    other_table_header,
)
from audit.readers.grid import GridInput, grid_source
from audit.readers.guangzhou import BUDGET_TABLE
from audit.reports import read_note
from scripts.make_examples import (
    write_docx_tables,
    write_html_tables,
    write_pdf,
    write_xlsx,
)
from tests.conftest import MARKET_PROJECTS, SEED_002_HEADER, run_main, seed_row

Table = list[list[str | None]]


HEADER = SEED_002_HEADER
TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表"


def perf_table(projects: Sequence[list[str | None]] = MARKET_PROJECTS) -> Table:
    """The performance table: its title, the header, the projects."""
    return [[TITLE], ["单位：万元"], HEADER, *[list(p) for p in projects]]


def findings(path: Path) -> list[Finding]:
    return run(load_path(path), load_config(None, discover=False))


Writer = Callable[[Path, Sequence[Table]], Path]


def _html(path: Path, tables: Sequence[Table]) -> Path:
    return write_html_tables(path.with_suffix(".html"), [(rows, ()) for rows in tables])


def _docx(path: Path, tables: Sequence[Table]) -> Path:
    return write_docx_tables(path.with_suffix(".docx"), [(rows, ()) for rows in tables])


def _sheets(path: Path, tables: Sequence[Table]) -> Path:
    sheets = [(f"表{n}", rows, ()) for n, rows in enumerate(tables, start=1)]
    return write_xlsx(path.with_suffix(".xlsx"), sheets)


def _pdf(path: Path, tables: Sequence[Table]) -> Path:
    first, *more = tables
    return write_pdf(path.with_suffix(".pdf"), first, more=[(rows, ()) for rows in more])


WRITERS: dict[str, Writer] = {"html": _html, "docx": _docx, "xlsx": _sheets, "pdf": _pdf}


# --------------------------------------------------------------------------
# duplicate-project names the first copy where the file has it


@pytest.mark.parametrize("carrier", sorted(WRITERS))
def test_duplicate_project_names_the_first_copys_cell(tmp_path: Path, carrier: str) -> None:
    first, second = MARKET_PROJECTS
    path = WRITERS[carrier](tmp_path / "dup", [perf_table([first, second, first])])
    [finding] = [f for f in findings(path) if f.rule == "duplicate-project"]
    expected = {
        "xlsx": "与 表1!A4 的项目重复",
        "html": "与 表1 第2行第1列 的项目重复",
        "docx": "与 表1 第2行第1列 的项目重复",
        "pdf": "与 第1页 表1 第2行第1列 的项目重复",
    }[carrier]
    assert expected in finding.message, finding.message
    assert finding.location is not None and finding.location.endswith(
        {"xlsx": "A6", "html": "第4行第1列", "docx": "第4行第1列", "pdf": "第4行第1列"}[carrier]
    )


# --------------------------------------------------------------------------
# Budget tables of projects (项目支出表, 政府采购预算表): no goal, no indicators


def project_budget_table(
    projects: Sequence[list[str | None]] = MARKET_PROJECTS,
    header: Sequence[str] = ("项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金"),
) -> Table:
    """A 项目支出表: the same projects' names and amounts, no goal column."""
    total = sum(float((p[1] or "0").replace(",", "")) for p in projects)
    rows: Table = [
        ["项目支出表"],
        ["单位：万元"],
        list(header),
        ["合计", f"{total:,.2f}", f"{total:,.2f}"],
    ]
    rows += [[p[0], p[1], p[2]] for p in projects]
    return rows


def procurement_table(projects: Sequence[list[str | None]] = MARKET_PROJECTS) -> Table:
    header = ["项目名称", "采购品目", "采购数量", "总计", "财政拨款", "财政专户拨款", "其他资金"]
    rows: Table = [["政府采购预算表"], ["单位：万元"], header]
    rows += [[p[0], "物业管理服务", "1", p[1], p[2]] for p in projects]
    return rows


def keys(found: list[Finding]) -> list[tuple[str, str | None, int | None, str | None]]:
    return sorted((f.rule, f.project, f.clause, f.message) for f in found)


@pytest.mark.parametrize("carrier", sorted(WRITERS))
@pytest.mark.parametrize("order", ["budget-first", "perf-first"])
def test_budget_tables_beside_the_performance_table_are_skipped(
    tmp_path: Path, carrier: str, order: str
) -> None:
    alone = WRITERS[carrier](tmp_path / "alone", [perf_table()])
    budget = [procurement_table(), project_budget_table()]
    tables = [*budget, perf_table()] if order == "budget-first" else [perf_table(), *budget]
    path = WRITERS[carrier](tmp_path / "doc", tables)
    document = load_path(path)
    assert [p.title for u in document.units for p in u.projects] == [
        "市场中心业务用房物业管理费",
        "市场中心场地维护维修经费",
    ]
    assert keys(findings(path)) == keys(findings(alone))


@pytest.mark.parametrize("carrier", ["html", "xlsx"])
def test_a_budget_table_alone_is_no_performance_table(tmp_path: Path, carrier: str) -> None:
    for number, table in enumerate(
        [
            project_budget_table(),
            procurement_table(),
            project_budget_table(
                header=("项目名称", "总计", "财政拨款", "财政专户管理资金", "单位资金")
            ),
        ]
    ):
        path = WRITERS[carrier](tmp_path / f"budget{number}", [table])
        notes: list[str] = []
        with pytest.raises(NotATable, match=f"it is {BUDGET_TABLE}"):
            read_path(path, notes.append)
        assert notes and notes[0].endswith(f"({BUDGET_TABLE})"), notes


def test_the_budget_table_note_reads_in_chinese() -> None:
    note = f"表1: skipped, not a performance-target table ({BUDGET_TABLE})"
    assert read_note(note, "zh") == (
        "提示：表1：已跳过：预算表（有项目名称和金额，没有绩效目标或绩效指标列），不是绩效目标表"
    )


GOAL_HEADINGS = ["绩效目标", "年度绩效目标", "项目绩效目标"]
INDICATOR_HEADINGS = ["绩效指标", "绩效指标值"]


@pytest.mark.parametrize("goal", GOAL_HEADINGS)
@pytest.mark.parametrize("indicators", INDICATOR_HEADINGS)
def test_a_performance_header_worded_otherwise_is_still_found(
    tmp_path: Path, goal: str, indicators: str
) -> None:
    header = [*HEADER[:5], goal, indicators]
    rows: Table = [[TITLE], header, *[list(p) for p in MARKET_PROJECTS]]
    for carrier in ("html", "xlsx"):
        path = WRITERS[carrier](tmp_path / f"{goal}{indicators}", [project_budget_table(), rows])
        projects = [p for u in load_path(path).units for p in u.projects]
        assert [p.title for p in projects] == [p[0] for p in MARKET_PROJECTS]
        assert all(p.goal is not None and p.indicators is not None for p in projects)


@pytest.mark.parametrize("kept", ["goal", "indicators"])
def test_a_header_with_only_a_goal_or_only_indicators_is_a_performance_header(
    kept: str,
) -> None:
    header = [
        "项目名称",
        "总计",
        "财政拨款",
        "其他资金",
        {"goal": "绩效目标", "indicators": "绩效指标"}[kept],
    ]
    columns = header_columns(header)
    assert columns is not None and kept in columns
    assert not budget_header(header)


AMOUNT_HEADINGS = ["总计", "合计金额", "财政拨款", "财政专户拨款", "财政专户管理资金", "其他资金"]


@given(
    amounts=st.lists(st.sampled_from(AMOUNT_HEADINGS), min_size=2, max_size=6, unique=True),
    extra=st.lists(st.sampled_from(["采购品目", "采购数量", "单位资金", "备注"]), max_size=2),
    performance=st.sampled_from(GOAL_HEADINGS + INDICATOR_HEADINGS),
    at=st.integers(min_value=1, max_value=8),
)
@settings(max_examples=60, deadline=None)
def test_only_a_goal_or_indicator_column_makes_a_header(
    amounts: list[str], extra: list[str], performance: str, at: int
) -> None:
    budget = ["项目名称", *amounts, *extra]
    fields = {
        key
        for key in ("total", "fiscal", "special", "other")
        for a in amounts
        if a in HEADER_CELLS[key]
    }
    assert header_columns(budget) is None
    assert budget_header(budget) == (len(fields) >= 2)
    performance_header = [*budget[:at], performance, *budget[at:]]
    if len(fields) >= 2:
        assert header_columns(performance_header) is not None
        assert not budget_header(performance_header)


# --------------------------------------------------------------------------
# The whole disclosure on one sheet

BASIC_EXPENDITURE: Table = [
    ["一般公共预算基本支出表"],
    ["单位：万元"],
    ["经济分类科目编码", "经济分类科目名称", "合计", "人员经费", "公用经费"],
    ["合计", None, "4,476.30", "3,156.40", "1,319.90"],
    ["30101", "基本工资", "1,104.74", "1,104.74"],
    ["30102", "津贴补贴", "946.92", "946.92"],
    ["30201", "办公费", "527.96", None, "527.96"],
]
INCOME_AND_EXPENDITURE: Table = [
    ["部门收支总表"],
    ["单位：万元"],
    ["收入", None, "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", "4,742.80", "一、一般公共服务支出", "291.77"],
    ["二、政府性基金预算拨款收入", "0.00", "二、社会保障和就业支出", "243.14"],
    ["收入总计", "4,862.80", "支出总计", "4,862.80"],
]
GLOSSARY: Table = [
    ["第三部分　名词解释"],
    ["1.财政拨款收入：指区级财政当年拨付的资金。"],
    ["2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"],
]


def one_sheet(tmp_path: Path, *tables: Table, name: str = "disclosure") -> Path:
    """The tables stacked on one sheet, a blank row between them."""
    rows: Table = []
    for table in tables:
        rows += [*table, []]
    return write_xlsx(tmp_path / f"{name}.xlsx", [("部门预算公开表", rows, ())])


def projects_of(path: Path) -> list[str]:
    return [p.title for u in load_path(path).units for p in u.projects]


def test_tables_below_the_performance_table_on_one_sheet_are_not_its_projects(
    tmp_path: Path,
) -> None:
    alone = one_sheet(tmp_path, perf_table(), name="alone")
    path = one_sheet(
        tmp_path,
        perf_table(),
        BASIC_EXPENDITURE,
        project_budget_table(),
        INCOME_AND_EXPENDITURE,
        GLOSSARY,
    )
    assert projects_of(path) == [p[0] for p in MARKET_PROJECTS]
    assert keys(findings(path)) == keys(findings(alone))
    notes: list[str] = []
    read_path(path, notes.append)
    # the header row of the table below (its title on row 7)
    assert notes == [
        "部门预算公开表!A9: skipped, another table or text under the performance table"
    ]


def test_a_performance_table_below_row_40_is_found(tmp_path: Path) -> None:
    above = [INCOME_AND_EXPENDITURE, BASIC_EXPENDITURE] * 4  # 60 rows and more
    path = one_sheet(tmp_path, *above, perf_table(), GLOSSARY)
    document = load_path(path)
    assert [p.title for u in document.units for p in u.projects] == [p[0] for p in MARKET_PROJECTS]
    assert document.title == TITLE
    assert min(p.line for u in document.units for p in u.projects) > 40


def test_a_second_performance_table_on_the_sheet_is_read_after_a_budget_table(
    tmp_path: Path,
) -> None:
    # Near miss: the table ends at the budget table, and its own header row
    # further down starts the performance table again.
    second = [seed_row(208), seed_row(209)]  # 社会化管理退休人员费用, 市社保中心专项工作经费
    path = one_sheet(tmp_path, perf_table(), BASIC_EXPENDITURE, perf_table(second))
    assert projects_of(path) == [p[0] for p in [*MARKET_PROJECTS, *second]]


def test_rows_of_the_performance_table_do_not_end_it(tmp_path: Path) -> None:
    # Near misses: a note under the table, a project whose goal names 项目支出
    # and 基本支出, a project row with a name only.
    first, second = (list(p) for p in MARKET_PROJECTS)
    first[5] = "保障项目支出，不挤占基本支出，确保大厅正常运营。"
    named_only: list[str | None] = ["市场中心临时场地租赁费", None, None, None, None, None, None]
    rows = [[TITLE], ["单位：万元"], HEADER, first, named_only, second, ["注：金额单位为万元。"]]
    path = one_sheet(tmp_path, rows)
    assert projects_of(path) == [first[0], "市场中心临时场地租赁费", second[0]]


@pytest.mark.parametrize(
    "row",
    [MARKET_PROJECTS[0], MARKET_PROJECTS[1], HEADER, ["市场中心临时场地租赁费", "30.00", "30.00"]],
)
def test_other_table_header_is_never_a_row_of_the_performance_table(
    row: list[str | None],
) -> None:
    assert not other_table_header([cell or "" for cell in row])


@pytest.mark.parametrize(
    "row",
    [
        BASIC_EXPENDITURE[2],
        INCOME_AND_EXPENDITURE[2],
        INCOME_AND_EXPENDITURE[3],
        project_budget_table()[2],
        procurement_table()[2],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门（单位）名称", "广州市人力资源和社会保障局"],
    ],
)
def test_other_table_header_knows_the_budget_tables(row: list[str | None]) -> None:
    assert other_table_header([cell or "" for cell in row])


# --------------------------------------------------------------------------
# The 部门整体支出绩效目标表: its own kind of table, passed over with a note

DEPARTMENT = "广州市人力资源和社会保障局"
# The Ministry's 部门整体支出绩效目标申报表 shape: the department's labels,
# then an indicator grid with no 项目名称 above it.
WHOLE_NATIONAL: Table = [
    ["部门整体支出绩效目标表"],
    ["单位：万元"],
    ["部门（单位）名称", DEPARTMENT, None, None],
    ["年度主要任务", "任务名称", "主要内容", None],
    [None, "就业服务", "开展职业介绍和职业指导，组织招聘活动", None],
    ["年度部门（单位）预算", "资金总额", "5,235.80", None],
    [None, "其中：财政拨款", "5,115.80", None],
    ["年度总体目标", "促进城乡劳动者就业，完善社会保险经办服务。", None, None],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "组织招聘活动场次", "≥120场"],
    ["满意度指标", "服务对象满意度指标", "求职者满意度", "≥90%"],
]
# Guangzhou's shape: the department as one row with its clauses.
WHOLE_GUANGZHOU: Table = [
    ["部门整体支出绩效目标表"],
    ["单位：万元"],
    [
        "部门（单位）名称",
        "总计",
        "财政拨款",
        "财政专户拨款",
        "其他资金",
        "整体绩效目标",
        "绩效指标",
    ],
    [
        DEPARTMENT,
        "5,235.80",
        "5,115.80",
        None,
        "120.00",
        "促进城乡劳动者就业，完善社会保险经办服务。",
        "1、1-产出指标；11-数量指标；组织招聘活动场次；实施周期指标值:≥120场；年度指标值:≥120场。",
    ],
]
WHOLE_NOTE = "已跳过：部门整体支出绩效目标表，不是项目支出绩效目标表，未检查"


@pytest.mark.parametrize("carrier", ["html", "xlsx", "docx"])
@pytest.mark.parametrize("shape", ["national", "guangzhou"])
def test_a_whole_department_table_alone_is_passed_over_with_a_note(
    tmp_path: Path, carrier: str, shape: str
) -> None:
    table = WHOLE_NATIONAL if shape == "national" else WHOLE_GUANGZHOU
    path = WRITERS[carrier](tmp_path / "whole", [table])
    status, out, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 0, (out, err)
    assert "read-error" not in out
    assert err.strip().splitlines() == [f"indicator-audit: {path}: 提示：{WHOLE_NOTE}"]


def test_a_department_folder_with_a_whole_department_table_exits_clean(tmp_path: Path) -> None:
    folder = tmp_path / "dept"
    _sheets(folder / "项目支出绩效目标表", [perf_table()])
    _sheets(folder / "部门整体支出绩效目标表", [WHOLE_NATIONAL])
    _sheets(folder / "部门整体支出绩效目标表-广州式", [WHOLE_GUANGZHOU])
    alone = run_main(
        "lint", "--no-cache", "--format", "json", str(folder / "项目支出绩效目标表.xlsx")
    )
    for jobs in ("1", "2"):
        status, out, err = run_main(
            "lint", "--no-cache", "--format", "json", "--jobs", jobs, str(folder)
        )
        assert status == alone[0], err
        assert sorted(err.strip().splitlines()) == sorted(
            f"indicator-audit: {folder / name}.xlsx: 提示：{WHOLE_NOTE}"
            for name in ("部门整体支出绩效目标表", "部门整体支出绩效目标表-广州式")
        )
        assert [f["rule"] for f in json.loads(out)["findings"]] == [
            f["rule"] for f in json.loads(alone[1])["findings"]
        ]


@pytest.mark.parametrize("carrier", sorted(WRITERS))
@pytest.mark.parametrize("shape", ["national", "guangzhou"])
def test_a_whole_department_table_in_a_document_is_named_in_its_note(
    tmp_path: Path, carrier: str, shape: str
) -> None:
    whole = WHOLE_NATIONAL if shape == "national" else WHOLE_GUANGZHOU
    alone = WRITERS[carrier](tmp_path / "alone", [perf_table()])
    path = WRITERS[carrier](tmp_path / "doc", [whole, perf_table()])
    notes: list[str] = []
    document = read_path(path, notes.append)
    assert [p.title for u in document.units for p in u.projects] == [p[0] for p in MARKET_PROJECTS]
    assert [note.split(": ", 1)[1] for note in notes] == [f"skipped, {WHOLE_DEPARTMENT}"]
    assert keys(findings(path)) == keys(findings(alone))


def test_an_indicator_grid_without_its_project_is_still_refused(tmp_path: Path) -> None:
    # Near miss: the grid has no 部门整体 label or title above it; it lost its
    # project (a web page whose project facts stand in another table).
    grid = [row for row in WHOLE_NATIONAL if row[0] in ("一级指标", "产出指标", "满意度指标")]
    path = _html(tmp_path / "lost", [grid])
    with pytest.raises(ReadError, match="without 项目名称 above it"):
        read_path(path)


# --------------------------------------------------------------------------
# The title of a table after a skipped one


@pytest.mark.parametrize("carrier", sorted(WRITERS))
@pytest.mark.parametrize("before", ["national", "guangzhou", "budget"])
def test_the_performance_table_keeps_its_title_after_a_skipped_table(
    tmp_path: Path, carrier: str, before: str
) -> None:
    skipped = {
        "national": WHOLE_NATIONAL,
        "guangzhou": WHOLE_GUANGZHOU,
        "budget": project_budget_table(),
    }[before]
    path = WRITERS[carrier](tmp_path / "doc", [skipped, perf_table()])
    assert load_path(path).title == TITLE


CARRIED_OVER = [
    "2024年城中村消防安全整治结转经费",
    "386.50",
    "386.50",
    None,
    None,
    "完成城中村消防安全隐患整治。",
    "1、1-产出指标；11-数量指标；整治出租屋数量；实施周期指标值:≥1.5万个；年度指标值:≥0.5万个。",
]


def test_a_carried_over_project_is_judged_by_the_title_after_a_whole_department_page(
    tmp_path: Path,
) -> None:
    # A project named for an earlier year than the title's is carried over:
    # its annual value may be a part of the period's. Without the title the
    # budget year is unknown and the values are taken for one target.
    title = "广州市白云区城市管理和综合执法局2025年项目支出绩效目标表"
    perf = [[title], ["单位：万元"], HEADER, CARRIED_OVER]
    alone = _pdf(tmp_path / "alone", [perf])
    path = _pdf(tmp_path / "doc", [WHOLE_NATIONAL, perf])
    assert [f.rule for f in findings(alone) if f.rule == "annual-period-mismatch"] == []
    assert keys(findings(path)) == keys(findings(alone))
    untitled = _pdf(tmp_path / "untitled", [WHOLE_NATIONAL, perf[1:]])
    assert "annual-period-mismatch" in {f.rule for f in findings(untitled)}


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_a_budget_table_as_text_is_no_performance_table(tmp_path: Path, delimiter: str) -> None:
    lines = [delimiter.join(cell or "" for cell in row) for row in project_budget_table()]
    path = tmp_path / ("budget.tsv" if delimiter == "\t" else "budget.csv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(NotATable, match="a budget table"):
        read_path(path)
    status, out, _ = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 2
    assert "不是绩效目标表：预算表（有项目名称和金额，没有绩效目标或绩效指标列）" in out
    # Near miss: the same file with the performance table after it is read.
    perf = ["\t".join(cell or "" for cell in row) for row in perf_table()]
    if delimiter == "\t":
        path.write_text("\n".join(perf + lines) + "\n", encoding="utf-8")
        assert read_path(path).title == TITLE


@pytest.mark.parametrize(
    "command", [["parse"], ["parse", "--format", "json"], ["export", "--to", "csv"]]
)
def test_parse_and_export_pass_over_a_whole_department_table(
    tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "dept"
    _sheets(folder / "项目支出绩效目标表", [perf_table()])
    whole = _sheets(folder / "部门整体支出绩效目标表", [WHOLE_NATIONAL])
    status, out, err = run_main(*command, "--lang", "en", str(folder))
    assert status == 0, err
    assert err.strip().splitlines() == [
        f"indicator-audit: {whole}: note: skipped, {WHOLE_DEPARTMENT}"
    ]
    assert MARKET_PROJECTS[0][0] in out  # the project table is read
    status, _, err = run_main(*command, "--lang", "en", str(whole))
    assert status == 0, err


OTHER_TABLES = [
    BASIC_EXPENDITURE,
    INCOME_AND_EXPENDITURE,
    project_budget_table(),
    procurement_table(),
    WHOLE_NATIONAL,
    WHOLE_GUANGZHOU,
    GLOSSARY,
]


@given(
    above=st.lists(st.sampled_from(OTHER_TABLES), max_size=4),
    below=st.lists(st.sampled_from(OTHER_TABLES), max_size=4),
    blank=st.booleans(),
)
@settings(max_examples=80, deadline=None)
def test_only_the_performance_table_is_read_wherever_it_stands_on_the_sheet(
    above: list[Table], below: list[Table], blank: bool
) -> None:
    rows: Table = []
    for table in [*above, perf_table(), *below]:
        rows += [*table, *([[]] if blank else [])]
    _, [grid] = grid_source("disclosure.xlsx", "sheet", [GridInput("部门预算公开表", rows)])
    assert guangzhou.recognise(grid)
    table = guangzhou.read(grid)
    assert [row.name.value for row in table.rows] == [p[0] for p in MARKET_PROJECTS]
    assert table.title == TITLE
    assert len(table.set_aside) == (1 if below else 0)


def _tsv(path: Path, tables: Sequence[Table]) -> Path:
    """The tables one after the other, as a page copied into a text file."""
    lines = ["\t".join(cell or "" for cell in row) for rows in tables for row in rows]
    path = path.with_suffix(".tsv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _csv(path: Path, tables: Sequence[Table]) -> Path:
    """The tables one after the other on one sheet, saved as CSV (every
    record as wide as the widest row, as a spreadsheet saves it)."""
    rows = [[cell or "" for cell in row] for table in tables for row in table]
    width = max(len(row) for row in rows)
    path = path.with_suffix(".csv")
    with open(path, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(row + [""] * (width - len(row)) for row in rows)
    return path


@pytest.mark.parametrize("writer", [_tsv, _csv], ids=["tsv", "csv"])
@pytest.mark.parametrize(
    "tables",
    [
        [project_budget_table(), perf_table()],
        [perf_table(), project_budget_table()],
        [INCOME_AND_EXPENDITURE, procurement_table(), perf_table(), BASIC_EXPENDITURE, GLOSSARY],
    ],
    ids=["budget-first", "perf-first", "disclosure"],
)
def test_tables_copied_with_the_performance_table_into_text_are_not_read(
    tmp_path: Path, tables: list[Table], writer: Writer
) -> None:
    alone = writer(tmp_path / "alone", [perf_table()])
    path = writer(tmp_path / "doc", tables)
    document = load_path(path)
    assert [p.title for u in document.units for p in u.projects] == [p[0] for p in MARKET_PROJECTS]
    assert document.title == TITLE
    assert keys(findings(path)) == keys(findings(alone))


# --------------------------------------------------------------------------
# A PDF's pages of budget tables: one note per table, as the other carriers


def _reasons(notes: list[str]) -> list[str]:
    """The notes without their places (第2页 in a PDF, 表2 elsewhere)."""
    return [note.split(": ", 1)[1] for note in notes]


def test_each_budget_table_of_a_pdf_is_noted_with_its_page(tmp_path: Path) -> None:
    # 项目名称 | 金额合计 | 财政拨款 | 单位资金: a budget table of projects whose
    # page does not read as a performance table's (two column words only).
    projects = project_budget_table(header=("项目名称", "金额合计", "财政拨款", "单位资金"))
    tables = [INCOME_AND_EXPENDITURE, projects, BASIC_EXPENDITURE, perf_table()]
    by_carrier: dict[str, list[str]] = {}
    for carrier in ("pdf", "html"):
        notes: list[str] = []
        document = read_path(WRITERS[carrier](tmp_path / "doc", tables), notes.append)
        assert [p.title for p in document.projects] == [p[0] for p in MARKET_PROJECTS]
        by_carrier[carrier] = notes
    assert [note.split(": ", 1)[0] for note in by_carrier["pdf"]] == ["第1页", "第2页", "第3页"]
    assert (
        _reasons(by_carrier["pdf"])
        == _reasons(by_carrier["html"])
        == [
            "skipped, not a performance-target table (no header row)",
            f"skipped, not a performance-target table ({BUDGET_TABLE})",
            "skipped, not a performance-target table (no header row)",
        ]
    )
    assert read_note(by_carrier["pdf"][0], "zh") == (
        "提示：第1页：已跳过：不是绩效目标表（没有表头行）"
    )


def test_a_pdf_of_the_performance_table_alone_has_no_note(tmp_path: Path) -> None:
    notes: list[str] = []
    read_path(_pdf(tmp_path / "alone", [perf_table()]), notes.append)
    assert notes == []


def test_the_notes_on_a_pdfs_budget_pages_stop_at_the_cap(tmp_path: Path) -> None:
    """25 pages of budget tables before the performance table: 20 notes,
    then one line for the other 5."""
    path = _pdf(tmp_path / "long", [BASIC_EXPENDITURE] * 25 + [perf_table()])
    status, _, err = run_main("lint", "--no-cache", "--lang", "zh", str(path))
    lines = err.splitlines()
    assert status == 0, err
    skipped = [line for line in lines if "已跳过：不是绩效目标表（没有表头行）" in line]
    assert len(skipped) == 20
    assert skipped[0].endswith(f"{path}: 提示：第1页：已跳过：不是绩效目标表（没有表头行）")
    assert lines[-1].endswith("提示：另有 5 条提示未显示"), lines


# --------------------------------------------------------------------------
# A walked file of nothing but budget tables: its note names them


_BUDGET_NOTE = "已跳过：预算表（有项目名称和金额，没有绩效目标或绩效指标列），不是绩效目标表"


@pytest.mark.parametrize("carrier", ["html", "docx", "xlsx", "pdf", "tsv", "csv"])
def test_a_walked_file_of_budget_tables_is_named_in_its_note(tmp_path: Path, carrier: str) -> None:
    writers: dict[str, Writer] = {**WRITERS, "tsv": _tsv, "csv": _csv}
    folder = tmp_path / "dept"
    folder.mkdir()
    writers[carrier](folder / "项目支出绩效目标表", [perf_table()])
    budget = writers[carrier](folder / "项目支出表", [project_budget_table()])
    status, out, err = run_main("lint", "--no-cache", "--lang", "zh", str(folder))
    assert status == 0, err
    assert err.splitlines()[-1] == f"indicator-audit: {budget}: 提示：项目支出表：{_BUDGET_NOTE}"
    # Named on the command line, it is still an error: the user asked for it.
    status, out, _ = run_main("lint", "--no-cache", "--lang", "zh", str(budget))
    assert status == 2 and "[read-error]" in out and ("budget table" in out or "预算表" in out)


@pytest.mark.parametrize("carrier", ["html", "xlsx"])
def test_a_walked_disclosure_without_the_performance_table_names_its_tables(
    tmp_path: Path, carrier: str
) -> None:
    folder = tmp_path / "dept"
    folder.mkdir()
    tables = [
        INCOME_AND_EXPENDITURE,
        BASIC_EXPENDITURE,
        project_budget_table(),
        procurement_table(),
    ]
    path = WRITERS[carrier](folder / "部门预算公开", tables)
    status, _, err = run_main("lint", "--no-cache", "--lang", "zh", str(folder))
    assert status == 0, err
    assert err.splitlines()[-1] == (
        f"indicator-audit: {path}: 提示：部门收支总表、一般公共预算基本支出表、项目支出表 等4张表："
        "已跳过：预算表，不是绩效目标表"
    )


@pytest.mark.parametrize("carrier", ["html", "tsv"])
def test_a_walked_file_of_no_table_keeps_the_plain_note(tmp_path: Path, carrier: str) -> None:
    """Near miss: a file holding no table of any known kind (a glossary)."""
    writers: dict[str, Writer] = {**WRITERS, "tsv": _tsv}
    folder = tmp_path / "dept"
    folder.mkdir()
    writers[carrier](folder / "项目支出绩效目标表", [perf_table()])
    text = [["第三部分　名词解释"], ["项目名称 总计 财政拨款 其他资金：见说明"], *GLOSSARY[1:]]
    glossary = writers[carrier](folder / "名词解释", [text])
    status, _, err = run_main("lint", "--no-cache", "--lang", "zh", str(folder))
    assert status == 0, err
    assert err.splitlines()[-1] == (
        f"indicator-audit: {glossary}: 不是绩效目标表（未找到表头行），已跳过"
    )


def test_the_not_a_table_error_keeps_its_note_across_processes() -> None:
    import pickle

    problem = NotATable("no performance-target table found", note="项目支出表: skipped")
    copy = pickle.loads(pickle.dumps(problem))
    assert (str(copy), copy.note) == (str(problem), problem.note)
