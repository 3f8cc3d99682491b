"""A 绩效目标调整表: the 调整后 side (values, amounts, goal) is the project's
target and is read; the superseded 调整前 / 原指标值 side never is, in the
national grid, the national list, the form's project block and the
Guangzhou table (two columns, or one column split under 调整前 | 调整后)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Clause, Document
from audit.pipeline import load_text
from tests.conftest import lint
from tests.national import (
    Rows,
    as_csv,
    csv_document,
    docx_document,
    html_document,
    pdf_document,
    sheet_document,
    tsv_document,
    workbook_document,
)


def annual_values(document: Document) -> list[str]:
    return [
        clause.annual.text
        for project in document.projects
        for clause in project.clauses
        if isinstance(clause, Clause) and clause.annual is not None
    ]


def period_values(document: Document) -> list[str]:
    return [
        clause.period.text
        for project in document.projects
        for clause in project.clauses
        if isinstance(clause, Clause) and clause.period is not None
    ]


def grid_form(before: str, after: str) -> Rows:
    """The adjustment table's form with its grid headed ``before | after``."""
    return [
        ["项目支出绩效目标调整表", "", "", "", ""],
        ["项目名称", "高标准农田建设项目", "", "", ""],
        ["实施单位", "某县农田建设服务中心", "", "", ""],
        ["资金总额（万元）", "620.00", "其中：财政拨款", "620.00", ""],
        ["年度目标", "2025年新建高标准农田0.8万亩，完成灌排渠道及田间道路配套建设。", "", "", ""],
        ["一级指标", "二级指标", "三级指标", before, after],
        ["产出指标", "数量指标", "新建高标准农田面积", "≥1万亩", "≥0.8万亩"],
        ["效益指标", "经济效益指标", "亩均粮食产能提高", "≥50公斤", "≥45公斤"],
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("调整前指标值", "调整后指标值"),
        ("原指标值", "调整后指标值"),
        ("年度指标值（调整前）", "年度指标值（调整后）"),
        ("原年度指标值", "调整后年度指标值"),
    ],
)
@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_the_adjusted_column_is_read_never_the_superseded_one(before, after, read) -> None:
    document = read(grid_form(before, after))
    assert annual_values(document) == ["≥0.8万亩", "≥45公斤"]


def test_the_adjusted_column_is_read_from_a_real_workbook(tmp_path: Path) -> None:
    document = workbook_document(grid_form("调整前指标值", "调整后指标值"), [], tmp_path)
    assert annual_values(document) == ["≥0.8万亩", "≥45公斤"]


@pytest.mark.parametrize(
    "header", ["年度指标值（调整后）", "调整后指标值", "年度指标值", "指标值（2025年调整）"]
)
def test_a_single_value_column_whose_header_names_an_adjustment_is_read(header: str) -> None:
    """Near miss: a target table whose only value column says 调整后 (or
    调整) is read as before."""
    rows = [row[:3] + row[4:] if index >= 5 else row for index, row in enumerate(grid_form("", ""))]
    rows[5] = ["一级指标", "二级指标", "三级指标", header]
    assert annual_values(tsv_document(rows)) == ["≥0.8万亩", "≥45公斤"]


def test_the_list_reads_the_adjusted_annual_value() -> None:
    rows = [
        ["2025年项目支出绩效目标调整表"],
        [
            "单位名称",
            "项目名称",
            "预算数",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "原年度指标值",
            "调整后年度指标值",
            "调整原因",
        ],
        [
            "某县农业农村局",
            "高标准农田建设项目",
            "580.00",
            "2025年新建高标准农田0.8万亩。",
            "产出指标",
            "数量指标",
            "新建高标准农田面积",
            "≥1万亩",
            "≥0.8万亩",
            "任务调减",
        ],
    ]
    assert annual_values(csv_document(rows)) == ["≥0.8万亩"]


ADJUST_FORM: Rows = [
    ["项目支出绩效目标调整表", "", "", "", "", ""],
    ["项目名称", "高标准农田建设项目", "", "", "", ""],
    ["主管部门", "某县农业农村局", "", "实施单位", "某县农田建设服务中心", ""],
    ["资金总额（万元）", "调整前", "620.00", "调整后", "580.00", ""],
    [
        "年度目标",
        "调整前",
        "2025年新建高标准农田1万亩，完成灌排渠道及田间道路配套建设。",
        "调整后",
        "2025年新建高标准农田0.8万亩，完成灌排渠道及田间道路配套建设。",
        "",
    ],
    ["一级指标", "二级指标", "三级指标", "调整前指标值", "调整后指标值", "调整原因"],
    ["产出指标", "数量指标", "新建高标准农田面积", "≥1万亩", "≥0.8万亩", "任务调减"],
    ["", "时效指标", "项目完工时间", "2025年12月31日前", "2026年3月31日前", "征地延后"],
]


@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_the_form_block_takes_the_adjusted_amount_and_goal(read) -> None:
    document = read(ADJUST_FORM)
    project = document.projects[0]
    assert str(project.amounts.value("total")) == "580.00"
    assert project.goal is not None and project.goal.value.startswith("2025年新建高标准农田0.8万亩")
    assert annual_values(document) == ["≥0.8万亩", "2026年3月31日前"]
    # no 金额“调整前”, no goal that is the word 调整前
    assert lint(document, ["amount-format", "goal-too-short"]) == []


def test_a_form_without_adjustment_marks_keeps_its_first_value() -> None:
    """Near miss: a plain 资金总额 | 620.00 row is read as before."""
    rows = [list(row) for row in ADJUST_FORM]
    rows[3] = ["资金总额（万元）", "620.00", "", "", "", ""]
    rows[4] = [
        "年度目标",
        "2025年新建高标准农田0.8万亩，完成灌排渠道及田间道路配套建设。",
        "",
        "",
        "",
        "",
    ]
    project = tsv_document(rows).projects[0]
    assert str(project.amounts.value("total")) == "620.00"
    assert project.goal is not None and project.goal.value.startswith("2025年新建")


BEFORE = (
    "1、1-产出指标；11-数量指标；维护路灯数量；实施周期指标值：≥15000盏；年度指标值：≥15000盏。"
    "2、3-满意度指标；31-服务对象满意度；市民满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
)
AFTER = BEFORE.replace("≥15000盏", "≥12000盏")
GZ_HEAD = ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标"]
GZ_UNIT = ["广州市白云区城市管理和综合执法局", "386.50", "386.50", "", "", "", "", ""]
GZ_GOAL = "对辖区内城市道路照明设施开展日常巡查和维护，及时修复损坏灯具，保障夜间道路照明亮灯率。"
GZ_PROJECT = ["城市道路照明设施维护经费", "386.50", "386.50", "", "", GZ_GOAL, BEFORE, AFTER]
GZ_SPLIT: Rows = [
    ["广州市白云区城市管理和综合执法局2025年项目支出绩效目标调整表", *[""] * 7],
    ["单位：万元", *[""] * 7],
    [*GZ_HEAD, "绩效指标", ""],
    ["", "", "", "", "", "", "调整前", "调整后"],
    GZ_UNIT,
    GZ_PROJECT,
]
GZ_SPLIT_MERGES = [(0, 0, 0, 7), (1, 0, 1, 7), (2, 6, 2, 7)] + [(2, c, 3, c) for c in range(6)]


def gz_text(rows: Rows, delimiter: str) -> Document:
    if delimiter == ",":
        return load_text(as_csv(rows), "adjust.csv")
    return load_text("\n".join("\t".join(row) for row in rows) + "\n", "adjust.tsv")


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_guangzhou_indicators_split_under_before_and_after_read_the_after_side(delimiter) -> None:
    document = gz_text(GZ_SPLIT, delimiter)
    # The title (…绩效目标调整表) is the table's title, never a project.
    assert [p.title for p in document.projects] == ["城市道路照明设施维护经费"]
    assert document.title == GZ_SPLIT[0][0]
    assert annual_values(document) == ["≥12000盏", "≥90%"]
    assert period_values(document) == ["≥12000盏", "≥90%"]
    assert lint(document, ["orphan-text"]) == []


@pytest.mark.parametrize("write", [workbook_document, html_document, docx_document, pdf_document])
def test_guangzhou_split_header_in_cell_carriers(write, tmp_path: Path) -> None:
    document = write(GZ_SPLIT, GZ_SPLIT_MERGES, tmp_path)
    assert annual_values(document) == ["≥12000盏", "≥90%"]


GZ_FOUR: Rows = [
    ["广州市白云区城市管理和综合执法局2025年项目支出绩效目标调整表"],
    ["单位：万元"],
    [*GZ_HEAD[:5], "调整前绩效目标", "调整后绩效目标", "调整前绩效指标", "调整后绩效指标"],
    [*GZ_UNIT[:5], "", "", "", ""],
    [*GZ_PROJECT[:5], "原目标：维护路灯15000盏，保障夜间道路照明。", GZ_GOAL, BEFORE, AFTER],
]


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_guangzhou_before_and_after_columns_read_the_after_columns(delimiter) -> None:
    document = gz_text(GZ_FOUR, delimiter)
    project = document.projects[0]
    assert project.goal is not None and project.goal.value == GZ_GOAL
    assert annual_values(document) == ["≥12000盏", "≥90%"]


def test_guangzhou_before_and_after_columns_in_a_workbook(tmp_path: Path) -> None:
    rows = [row + [""] * (9 - len(row)) for row in GZ_FOUR]
    document = workbook_document(rows, [], tmp_path)
    assert annual_values(document) == ["≥12000盏", "≥90%"]


def test_a_guangzhou_row_of_marks_without_the_after_side_is_not_taken_for_marks() -> None:
    """Near miss: a project row below the header is never a row of marks."""
    rows = [GZ_SPLIT[0], GZ_SPLIT[1], [*GZ_HEAD, "绩效指标", ""], GZ_UNIT, [*GZ_PROJECT[:7], ""]]
    assert annual_values(gz_text(rows, "\t")) == ["≥15000盏", "≥90%"]


# --------------------------------------------------------------------------
# An adjustment table whose 调整后 side cannot be told: passed over, named


BEFORE_ONLY: Rows = [
    ["项目支出绩效目标调整表", "", "", ""],
    ["项目名称", "高标准农田建设项目", "", ""],
    ["资金总额（万元）", "620.00", "", ""],
    ["年度目标", "2025年新建高标准农田1万亩，完成灌排渠道及田间道路配套建设。", "", ""],
    ["一级指标", "二级指标", "三级指标", "调整前指标值"],
    ["产出指标", "数量指标", "新建高标准农田面积", "≥1万亩"],
]
GZ_BEFORE_ONLY: Rows = [
    ["广州市白云区城市管理和综合执法局2025年项目支出绩效目标调整表", "", "", "", "", "", ""],
    [*GZ_HEAD[:5], "调整前绩效目标", "调整前绩效指标"],
    GZ_UNIT[:7],
    [*GZ_PROJECT[:5], GZ_GOAL, BEFORE],
]
ADJUST_NOTE = "已跳过：绩效目标调整表，看不出调整后的指标值，未检查"


@pytest.mark.parametrize("rows", [BEFORE_ONLY, GZ_BEFORE_ONLY], ids=["national", "guangzhou"])
@pytest.mark.parametrize("carrier", ["csv", "tsv", "xlsx", "html"])
def test_an_adjustment_table_without_its_adjusted_side_is_passed_over(
    rows: Rows, carrier: str, tmp_path: Path
) -> None:
    from tests.conftest import run_main
    from tests.test_side_tables import WRITERS

    path = WRITERS[carrier](tmp_path / "adjust", [rows])  # type: ignore[list-item]
    status, out, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 0, (out, err)
    assert out == ""
    assert err.strip() == f"indicator-audit: {path}: 提示：{ADJUST_NOTE}"


def test_a_guangzhou_adjustment_table_is_never_called_a_budget_table(tmp_path: Path) -> None:
    from audit.readers import read_path

    rows = [row + [""] * (9 - len(row)) for row in GZ_FOUR]
    notes: list[str] = []
    from tests.national import _writers

    path = tmp_path / "gz.xlsx"
    _writers().write_xlsx(path, [("Sheet1", rows, [])])
    read_path(path, notes.append)
    assert notes == []


def test_prose_naming_an_adjustment_table_is_still_no_table(tmp_path: Path) -> None:
    """Near miss: a text that only mentions 绩效目标调整表 is not passed over."""
    from tests.conftest import run_main

    path = tmp_path / "notes.txt"
    path.write_text("绩效目标调整表\n调整后的指标值应经主管部门审核。\n", encoding="utf-8")
    status, _, _ = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 2


# --------------------------------------------------------------------------
# A target table and its own 调整表 in one file

GZ_TARGET: Rows = [
    ["广州市白云区城市管理和综合执法局2025年项目支出绩效目标表", *[""] * 7],
    ["单位：万元", *[""] * 7],
    [*GZ_HEAD, "绩效指标", ""],
    GZ_UNIT,
    [*GZ_PROJECT[:7], ""],
]


def target_form(title: str = "项目支出绩效目标表") -> Rows:
    """The target table's form of the project ``grid_form`` adjusts."""
    rows = [
        *grid_form("年度指标值", "")[:5],
        ["一级指标", "二级指标", "三级指标", "年度指标值", ""],
        ["产出指标", "数量指标", "新建高标准农田面积", "≥1万亩", ""],
        ["效益指标", "经济效益指标", "亩均粮食产能提高", "≥50公斤", ""],
    ]
    rows[0] = [title, "", "", "", ""]
    rows[4] = [
        "年度目标",
        "2025年新建高标准农田1万亩，完成灌排渠道及田间道路配套建设。",
        "",
        "",
        "",
    ]
    return rows


BLANK: Rows = [["", "", "", "", ""]]


def duplicates(document: Document) -> list[tuple[str, int | None]]:
    return [(f.severity, f.line) for f in lint(document, ["duplicate-project"])]


@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_a_form_and_its_adjustment_form_in_one_file_are_no_duplicate(read) -> None:
    """The 调整表 restates the project it adjusts (the same name and amount):
    not a project written twice."""
    document = read(target_form() + BLANK + grid_form("调整前指标值", "调整后指标值"))
    assert [p.title for p in document.projects] == ["高标准农田建设项目"] * 2
    assert duplicates(document) == []


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_a_guangzhou_table_and_its_adjustment_table_in_one_file_are_no_duplicate(
    delimiter,
) -> None:
    blank = [[""] * 8]
    for adjustment in (GZ_SPLIT, GZ_FOUR):
        # Either order: the 调整表 may come first.
        for rows in (GZ_TARGET + blank + adjustment, adjustment + blank + GZ_TARGET):
            document = gz_text([row + [""] * (9 - len(row)) for row in rows], delimiter)
            assert len(document.projects) == 2
            assert duplicates(document) == []


def test_a_guangzhou_table_and_its_adjustment_table_in_one_workbook(tmp_path: Path) -> None:
    rows = [row + [""] * (9 - len(row)) for row in [*GZ_TARGET, [""], *GZ_FOUR]]
    document = workbook_document(rows, [], tmp_path)
    assert len(document.projects) == 2
    assert duplicates(document) == []


def test_a_project_twice_in_the_adjustment_table_is_still_a_duplicate() -> None:
    """Near miss: within the 调整表, a project written twice is one."""
    adjustment = [*GZ_FOUR, GZ_FOUR[-1]]
    rows = [row + [""] * (9 - len(row)) for row in [*GZ_TARGET, [""], *adjustment]]
    assert duplicates(gz_text(rows, "\t")) == [("error", 12)]


def test_a_project_twice_in_the_target_table_is_still_a_duplicate() -> None:
    """Near miss: the adjustment table after it does not hide the target
    table's own duplicate."""
    target = [*GZ_TARGET, GZ_TARGET[-1]]
    rows = [row + [""] * (9 - len(row)) for row in [*target, [""], *GZ_FOUR]]
    assert duplicates(gz_text(rows, "\t")) == [("error", 6)]


def test_two_target_tables_in_one_file_still_compare_their_projects() -> None:
    """Near miss: a second target table (not an adjustment) repeating a
    project of the first is a duplicate, as before."""
    document = tsv_document(target_form() + BLANK + target_form("项目支出绩效目标表（续）"))
    assert duplicates(document) == [("error", 11)]


@pytest.mark.parametrize(
    "title",
    [
        "广州市白云区城市管理和综合执法局2025年项目支出绩效目标调整表",
        "2025年项目支出绩效目标（调整）表",
        "2025年项目支出绩效目标调整申报表",
    ],
)
def test_an_adjustment_tables_title_is_never_a_project(title: str) -> None:
    rows = [[title, *[""] * 7], *GZ_SPLIT[1:]]
    document = gz_text(rows, "\t")
    assert [p.title for p in document.projects] == ["城市道路照明设施维护经费"]
    assert document.title == title
