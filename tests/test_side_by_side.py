"""Tables side by side on one sheet: two units' Guangzhou tables, two
national forms, two national lists, left and right with empty columns
between them. Each is read, its cells located in the sheet's own columns;
a sheet of one table (a notes column, a spacer column) reads as before."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from audit.model import Document, Finding
from audit.pipeline import load_path
from audit.readers import read_path
from audit.readers.beside import side_by_side
from audit.readers.grid import GridInput, grid_source
from audit.readers.guangzhou import recognise as recognise_guangzhou
from scripts.make_examples import rows_from_tsv, write_xlsx
from tests.conftest import PLACEHOLDER, lint, project_row, tsv_table
from tests.excerpts import CLEAN
from tests.national import FORM, LIST

Rows = list[list[str | None]]

LEFT = rows_from_tsv(
    tsv_table(
        [
            project_row(
                "引进留学人员安家补助经费",
                CLEAN,
                "为引进留学人员发放安家补助，吸引留学人员来穗创新创业。",
            )
        ]
    )
)
"""A clean Guangzhou table (A:G)."""
RIGHT = rows_from_tsv(tsv_table([PLACEHOLDER], organization="广州市乙中心"))
"""Another unit's table, one project with a placeholder (待补充)."""


def beside(*tables: Sequence[Sequence[str | None]], gap: int = 2) -> Rows:
    """The tables side by side, ``gap`` empty columns between them."""
    height = max(len(table) for table in tables)
    out: Rows = [[] for _ in range(height)]
    for number, table in enumerate(tables):
        width = max(len(row) for row in table)
        for index in range(height):
            row = list(table[index]) if index < len(table) else []
            row += [None] * (width - len(row))
            if number:
                out[index] += [None] * gap
            out[index] += row
    return out


def workbook(tmp_path: Path, rows: Rows, name: str = "side.xlsx") -> Path:
    path = tmp_path / name
    write_xlsx(path, [("绩效目标表", rows, ())])
    return path


def found(findings: list[Finding], rule: str) -> list[str | None]:
    return [f.location for f in findings if f.rule == rule]


def projects(document: Document) -> list[str]:
    return [project.title for project in document.projects]


# --------------------------------------------------------------------------
# Both tables read


@pytest.mark.parametrize("gap", [1, 2, 5])
def test_guangzhou_tables_side_by_side_are_both_read(tmp_path: Path, gap: int) -> None:
    path = workbook(tmp_path, beside(LEFT, RIGHT, gap=gap))
    document = load_path(path)
    assert projects(document) == ["引进留学人员安家补助经费", "项目甲"]
    assert [unit.title for unit in document.units] == ["广州市测试中心", "广州市乙中心"]
    right = 7 + gap  # the right table's first column
    indicators = chr(ord("A") + right + 6)  # its 绩效指标 column
    (where,) = found(lint(path), "placeholder")
    assert where is not None and where.startswith(f"绩效目标表!{indicators}")


@pytest.mark.parametrize("tables", [(LEFT, RIGHT), (FORM, FORM)])
def test_tables_edge_to_edge_are_cut_where_the_header_begins_again(
    tmp_path: Path, tables: tuple[Rows, Rows]
) -> None:
    left, right = tables
    alone = [projects(load_path(workbook(tmp_path, t, f"{n}.xlsx"))) for n, t in enumerate(tables)]
    document = load_path(workbook(tmp_path, beside(left, right, gap=0)))
    assert projects(document) == alone[0] + alone[1]


def test_the_two_tables_give_the_findings_each_gives_alone(tmp_path: Path) -> None:
    both = lint(workbook(tmp_path, beside(LEFT, RIGHT)))
    alone = lint(workbook(tmp_path, LEFT, "left.xlsx")) + lint(
        workbook(tmp_path, RIGHT, "right.xlsx")
    )
    assert sorted(f.rule for f in both) == sorted(f.rule for f in alone)
    assert "placeholder" in {f.rule for f in both}


def test_three_tables_side_by_side(tmp_path: Path) -> None:
    third = rows_from_tsv(tsv_table([project_row("就业工作经费", CLEAN)], organization="丙中心"))
    document = load_path(workbook(tmp_path, beside(LEFT, RIGHT, third)))
    assert projects(document) == ["引进留学人员安家补助经费", "项目甲", "就业工作经费"]


def test_national_forms_side_by_side(tmp_path: Path) -> None:
    right = [list(row) for row in FORM]
    right[2][1] = "家庭医生签约服务"
    right[8][4] = "待补充"  # 年度指标值 of the second indicator
    path = workbook(tmp_path, beside(FORM, right, gap=1))
    assert projects(load_path(path)) == ["社区公共卫生服务经费", "家庭医生签约服务"]
    assert found(lint(path, ["placeholder"]), "placeholder") == ["绩效目标表!K9"]


def test_national_lists_side_by_side(tmp_path: Path) -> None:
    right = [list(row) for row in LIST]
    first = next(i for i, row in enumerate(right) if row[1] == "农村公路养护经费")
    right[first][1] = "航道疏浚维护"
    right[first][8] = "待补充"
    path = workbook(tmp_path, beside(LIST, right))
    alone = [
        projects(load_path(workbook(tmp_path, t, f"{n}.xlsx"))) for n, t in enumerate((LIST, right))
    ]
    assert projects(load_path(path)) == alone[0] + alone[1]
    (where,) = found(lint(path, ["placeholder"]), "placeholder")
    assert where == f"绩效目标表!W{first + 1}"


# --------------------------------------------------------------------------
# One table: read as before


def test_a_notes_column_beside_the_table_is_no_table(tmp_path: Path) -> None:
    notes = [["注：金额单位为万元。"], ["填报人：李晓明"]]
    path = workbook(tmp_path, beside(LEFT, notes))
    assert projects(load_path(path)) == ["引进留学人员安家补助经费"]
    alone = lint(workbook(tmp_path, LEFT, "alone.xlsx"))
    assert [(f.rule, f.location) for f in lint(path)] == [(f.rule, f.location) for f in alone]


def notes_of(path: Path) -> list[str]:
    notes: list[str] = []
    read_path(path, notes.append)
    return notes


def test_a_budget_table_beside_the_performance_table_is_no_table(tmp_path: Path) -> None:
    """Not read, but not passed over in silence either."""
    budget = [["项目名称", "总计", "财政拨款"], ["办公设备购置", "12.00", "12.00"]]
    path = workbook(tmp_path, beside(LEFT, budget))
    assert projects(load_path(path)) == ["引进留学人员安家补助经费"]
    assert notes_of(path) == ["绩效目标表!J1:L2: skipped, cells right of the table, not read"]


def test_no_note_for_a_notes_column_or_a_table_alone(tmp_path: Path) -> None:
    notes = [["注：金额单位为万元。"], ["填报人：李晓明"]]
    assert notes_of(workbook(tmp_path, beside(LEFT, notes))) == []
    assert notes_of(workbook(tmp_path, LEFT, "alone.xlsx")) == []
    assert notes_of(workbook(tmp_path, beside(LEFT, RIGHT), "two.xlsx")) == []


def test_an_empty_column_inside_one_table_does_not_cut_it(tmp_path: Path) -> None:
    rows = [[*row[:5], None, *row[5:]] if len(row) > 1 else list(row) for row in LEFT]
    document = load_path(workbook(tmp_path, rows))
    assert projects(document) == ["引进留学人员安家补助经费"]


def test_a_grid_without_an_empty_column_is_returned_whole() -> None:
    _, (grid,) = grid_source("t.xlsx", "sheet", [GridInput("S", LEFT)])
    assert side_by_side(grid, recognise_guangzhou) == [grid]


def test_a_title_merged_over_both_tables_does_not_join_them() -> None:
    rows = beside(LEFT, RIGHT)
    width = max(len(row) for row in rows)
    _, (grid,) = grid_source("t.xlsx", "sheet", [GridInput("S", rows, [(0, 0, 0, width - 1)])])
    left, right = side_by_side(grid, recognise_guangzhou)
    assert (left.width, right.width) == (7, 7)
    assert right.location(0, 0) == "S!J1"
    assert grid.rows[4][9] is right.rows[4][0]


def test_a_grid_of_scattered_cells_is_read_whole() -> None:
    """More places to cut than tables could stand side by side: no cut tried."""
    rows = beside(LEFT, *([["说明"]] * 20), RIGHT)
    _, (grid,) = grid_source("t.xlsx", "sheet", [GridInput("S", rows)])
    assert side_by_side(grid, recognise_guangzhou) == [grid]
