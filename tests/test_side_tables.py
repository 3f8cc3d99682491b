"""The tables a unit keeps beside its target table that report outcomes: the
项目支出绩效自评表, the 部门整体支出绩效自评表 and the 运行监控表. Each is
passed over with a note naming it (exit 0) in every carrier; in one file
beside the target table it is no second copy of its projects (no
duplicate-project, no rows swallowed): the target table's findings are the
same as alone. Target tables whose headers or cells hold such words are read.

The projects are rows of seed 002 (Guangzhou) and the national form of
``tests/national.py``; the files are written by ``scripts/make_examples.py``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import Finding
from audit.pipeline import load_path
from audit.readers import PassedOver, read_path
from audit.readers.common import header_columns, other_table_header
from audit.readers.sidetables import (
    MONITORING,
    PROJECT_SELF_EVALUATION,
    WHOLE_DEPARTMENT_SELF_EVALUATION,
    outcome_header,
    title_kind,
    whole_title,
)
from scripts.make_examples import write_docx_tables, write_html_tables, write_pdf, write_xlsx
from tests.conftest import MARKET_PROJECTS, SEED_002_HEADER, run_main
from tests.national import FORM
from tests.test_disclosure import WHOLE_GUANGZHOU

Table = list[list[str | None]]
TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表"


def target_table() -> Table:
    return [[TITLE], ["单位：万元"], list(SEED_002_HEADER), *[list(p) for p in MARKET_PROJECTS]]


def gz_monitor() -> Table:
    """The target table's columns and the monitoring columns after them."""
    extra = ["1-6月执行情况", "全年预计完成情况", "偏差原因"]
    rows: Table = [
        ["广州市人力资源和社会保障局2024年项目支出绩效运行监控表（1-6月）"],
        ["单位：万元"],
        [*SEED_002_HEADER, *extra],
    ]
    for project in MARKET_PROJECTS:
        rows.append([*project, "已按进度执行", "可完成年度目标", "无"])
    return rows


def gz_self_evaluation(title: bool = True) -> Table:
    """The self-evaluation: budget, spending, rate and score, the goal and
    what was done."""
    rows: Table = [["广州市人力资源和社会保障局2024年度项目支出绩效自评表"], ["单位：万元"]]
    rows = rows if title else [["单位：万元"]]
    rows.append(
        [
            "项目名称（资金使用单位）",
            "预算数",
            "执行数",
            "执行率",
            "自评得分",
            "绩效目标",
            "绩效指标完成情况",
        ]
    )
    for project in MARKET_PROJECTS:
        rows.append(
            [
                project[0],
                project[1],
                project[1],
                "100.00%",
                "95",
                project[5],
                "1、年度指标值：完成；实际完成值：完成。",
            ]
        )
    return rows


def national_self_evaluation() -> Table:
    """The Ministry's 项目支出绩效自评表 over the form's project."""
    return [
        ["项目支出绩效自评表（2024年度）", "", "", "", "", ""],
        ["项目名称", "社区公共卫生服务经费", "", "", "", ""],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
        ["年度资金总额", "360.00", "360.00", "352.80", "98.00%", "9.8"],
        ["年度总体目标", "预期目标", "", "实际完成情况", "", ""],
        ["", "本年度完成辖区居民健康档案更新。", "", "已完成。", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
        ["产出指标", "数量指标", "健康讲座场次", "≥12场", "12场", "20"],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "92%", "10"],
    ]


def national_monitor() -> Table:
    return [
        ["项目支出绩效运行监控表（2025年1-7月）", "", "", "", "", ""],
        ["项目名称", "社区公共卫生服务经费", "", "", "", ""],
        ["资金总额（万元）", "360.00", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况"],
        ["产出指标", "数量指标", "健康讲座场次", "≥12场", "7场", "12场"],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "—", "≥90%"],
    ]


def whole_self_evaluation() -> Table:
    return [
        ["部门整体支出绩效自评表（2024年度）", "", "", "", "", ""],
        ["部门（单位）名称", "广州市人力资源和社会保障局", "", "", "", ""],
        [
            "年度部门（单位）预算（万元）",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "执行率",
            "得分",
        ],
        ["年度资金总额", "5,235.80", "5,300.00", "5,190.20", "97.93%", "9.8"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
        ["产出指标", "数量指标", "组织招聘活动场次", "≥120场", "126场", "20"],
    ]


SIDE_TABLES: dict[str, tuple[Callable[[], Table], str]] = {
    "gz-monitor": (gz_monitor, MONITORING),
    "gz-self": (gz_self_evaluation, PROJECT_SELF_EVALUATION),
    "gz-self-untitled": (lambda: gz_self_evaluation(title=False), PROJECT_SELF_EVALUATION),
    "national-self": (national_self_evaluation, PROJECT_SELF_EVALUATION),
    "national-monitor": (national_monitor, MONITORING),
    "whole-self": (whole_self_evaluation, WHOLE_DEPARTMENT_SELF_EVALUATION),
}
NOTE = "已跳过：{}，不是项目支出绩效目标表，未检查"


def _cells(table: Table) -> list[list[str]]:
    return [[cell or "" for cell in row] for row in table]


def _tsv(path: Path, tables: Sequence[Table]) -> Path:
    lines = ["\t".join(row) for table in tables for row in [*_cells(table), []]]
    path = path.with_suffix(".tsv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _csv(path: Path, tables: Sequence[Table]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for table in tables:
        writer.writerows(_cells(table))
        writer.writerow([])
    path = path.with_suffix(".csv")
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _pdf(path: Path, tables: Sequence[Table]) -> Path:
    first, *more = tables
    widths = (16,) * max(len(row) for table in tables for row in table)
    return write_pdf(
        path.with_suffix(".pdf"), first, widths=widths, more=[(rows, ()) for rows in more]
    )


Writer = Callable[[Path, Sequence[Table]], Path]
WRITERS: dict[str, Writer] = {
    "html": lambda p, t: write_html_tables(p.with_suffix(".html"), [(rows, ()) for rows in t]),
    "docx": lambda p, t: write_docx_tables(p.with_suffix(".docx"), [(rows, ()) for rows in t]),
    "xlsx": lambda p, t: write_xlsx(
        p.with_suffix(".xlsx"), [(f"表{n}", rows, ()) for n, rows in enumerate(t, start=1)]
    ),
    "pdf": _pdf,
    "tsv": _tsv,
    "csv": _csv,
}


def findings(path: Path) -> list[Finding]:
    return run(load_path(path), load_config(None, discover=False))


def keys(found: list[Finding]) -> list[tuple[str, str | None, int | None, str | None]]:
    return sorted((f.rule, f.project, f.clause, f.message) for f in found)


@pytest.mark.parametrize("carrier", sorted(WRITERS))
@pytest.mark.parametrize("kind", sorted(SIDE_TABLES))
def test_a_side_table_alone_is_passed_over_with_a_note_naming_it(
    tmp_path: Path, carrier: str, kind: str
) -> None:
    make, name = SIDE_TABLES[kind]
    path = WRITERS[carrier](tmp_path / "side", [make()])
    status, out, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 0, (out, err)
    assert out == ""
    assert err.strip().splitlines() == [f"indicator-audit: {path}: 提示：{NOTE.format(name)}"]


@pytest.mark.parametrize("carrier", sorted(WRITERS))
@pytest.mark.parametrize("kind", ["gz-monitor", "gz-self", "gz-self-untitled"])
def test_a_side_table_beside_the_target_table_changes_none_of_its_findings(
    tmp_path: Path, carrier: str, kind: str
) -> None:
    make, _ = SIDE_TABLES[kind]
    alone = WRITERS[carrier](tmp_path / "alone", [target_table()])
    both = WRITERS[carrier](tmp_path / "both", [target_table(), make()])
    found = findings(both)
    assert not [f for f in found if f.rule == "duplicate-project"]
    assert keys(found) == keys(findings(alone))
    projects = [p.title for u in load_path(both).units for p in u.projects]
    assert projects == [p[0] for p in MARKET_PROJECTS]


@pytest.mark.parametrize("carrier", ["html", "docx", "xlsx", "pdf"])
@pytest.mark.parametrize("kind", ["national-self", "national-monitor", "whole-self"])
def test_a_national_side_table_in_a_document_is_named_in_its_note(
    tmp_path: Path, carrier: str, kind: str
) -> None:
    make, name = SIDE_TABLES[kind]
    form: Table = [list(row) for row in FORM]
    alone = WRITERS[carrier](tmp_path / "alone", [form])
    both = WRITERS[carrier](tmp_path / "both", [form, make()])
    notes: list[str] = []
    document = read_path(both, notes.append)
    assert [p.title for u in document.units for p in u.projects] == ["社区公共卫生服务经费"]
    assert [note.split(": ", 1)[1] for note in notes] == [
        f"skipped, {name}: not a performance-target table, not checked"
    ]
    assert keys(findings(both)) == keys(findings(alone))


def test_a_national_side_form_under_the_target_form_ends_it() -> None:
    """On one sheet (or in one text) the self-evaluation under the form is no
    second project."""
    rows = _cells([list(row) for row in FORM]) + _cells(national_self_evaluation())
    width = max(len(row) for row in rows)
    text = "\n".join("\t".join(row + [""] * (width - len(row))) for row in rows) + "\n"
    from audit.pipeline import load_text

    document = load_text(text, "both.tsv")
    assert [p.title for u in document.units for p in u.projects] == ["社区公共卫生服务经费"]
    assert not [
        f for f in run(document, load_config(None, discover=False)) if f.rule == "duplicate-project"
    ]


# --------------------------------------------------------------------------
# Near misses: target tables whose words touch 自评, 监控, 执行, 完成, 调整


def test_a_target_table_whose_goal_and_indicators_name_outcomes_is_read(tmp_path: Path) -> None:
    project = list(MARKET_PROJECTS[0])
    project[5] = "开展项目绩效自评和运行监控，确保预算执行率达到90%以上，完成情况按季度报送。"
    project[6] = (
        "1、1-产出指标；11-数量指标；预算执行率；实施周期指标值:≥90%；年度指标值:≥90%。"
        "2、1-产出指标；13-时效指标；执行情况报送及时率；实施周期指标值:100%；年度指标值:100%。"
    )
    table: Table = [[TITLE], ["单位：万元"], list(SEED_002_HEADER), project]
    for carrier in ("xlsx", "tsv", "csv", "html"):
        document = read_path(WRITERS[carrier](tmp_path / f"t-{carrier}", [table]))
        assert [p.title for u in document.units for p in u.projects] == [project[0]]


def test_a_national_grid_with_a_budget_execution_indicator_is_read(tmp_path: Path) -> None:
    form: Table = [list(row) for row in FORM]
    form[7] = ["产出指标", "数量指标", "预算执行率", "≥90%", "≥90%"]
    form[8] = ["", "", "执行情况", "按月报送", "按月报送"]
    for carrier in ("xlsx", "tsv", "csv"):
        document = load_path(WRITERS[carrier](tmp_path / f"f-{carrier}", [form]))
        assert len(document.projects[0].clauses) == 5


def test_a_target_table_with_one_outcome_column_is_read(tmp_path: Path) -> None:
    """A reviewer's 实际完成情况 column beside a target table is one column:
    not a self-evaluation's header."""
    rows = target_table()
    rows[2] = [*SEED_002_HEADER, "实际完成情况"]
    for carrier in ("xlsx", "html", "docx", "pdf"):
        document = read_path(WRITERS[carrier](tmp_path / f"o-{carrier}", [rows]))
        assert len(document.projects) == len(MARKET_PROJECTS)


@pytest.mark.parametrize(
    ("cells", "kind"),
    [
        (
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            PROJECT_SELF_EVALUATION,
        ),
        (
            ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            PROJECT_SELF_EVALUATION,
        ),
        (
            ["年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因", "完成目标可能性"],
            MONITORING,
        ),
        (["项目名称", "预算数", "1-6月执行数", "1-6月执行率"], MONITORING),
    ],
)
def test_outcome_headers_are_told(cells: list[str], kind: str) -> None:
    assert outcome_header(cells) == kind
    assert other_table_header(cells)


@pytest.mark.parametrize(
    "cells",
    [
        ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值（调整后）"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "备注"],
        ["产出指标", "数量指标", "预算执行率", "≥90%", "≥90%"],
        [*SEED_002_HEADER, "实际完成情况"],
        ["项目名称", "总计", "财政拨款", "其他资金", "绩效目标", "绩效指标"],
    ],
)
def test_target_headers_and_rows_are_no_outcome_headers(cells: list[str | None]) -> None:
    assert outcome_header([c or "" for c in cells]) is None


def test_a_guangzhou_header_with_outcome_columns_is_no_target_header() -> None:
    assert header_columns([*(c or "" for c in SEED_002_HEADER)]) is not None
    monitor = gz_monitor()[2]
    assert header_columns([c or "" for c in monitor]) is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("广州市某局2024年度项目支出绩效自评表", PROJECT_SELF_EVALUATION),
        ("部门整体支出绩效自评表（2024年度）", WHOLE_DEPARTMENT_SELF_EVALUATION),
        ("2025年项目支出绩效运行监控表（1-7月）", MONITORING),
        ("某区2025年绩效监控情况表", MONITORING),
        ("2024年项目支出绩效目标表", None),
        ("项目支出绩效目标调整表", None),
        ("注：本表依据2024年度项目支出绩效自评表填列", None),
        ("开展绩效自评，完成情况良好", None),
    ],
)
def test_titles_are_told(title: str, kind: str | None) -> None:
    assert title_kind(title) == kind


@given(st.text(alphabet="项目支出绩效目标表年度指标值完成情况执行率预算数得分备注", max_size=12))
def test_one_cell_is_never_an_outcome_header(cell: str) -> None:
    assert outcome_header([cell]) is None


# --------------------------------------------------------------------------
# The 部门整体 tables as text


WHOLE_TARGET_NATIONAL: Table = [
    ["部门整体支出绩效目标表"],
    ["部门（单位）名称", "广州市人力资源和社会保障局", None, None],
    ["年度部门（单位）预算", "资金总额", "5,235.80", None],
    ["年度总体目标", "促进城乡劳动者就业，完善社会保险经办服务。", None, None],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "组织招聘活动场次", "≥120场"],
]


@pytest.mark.parametrize("carrier", ["tsv", "csv"])
@pytest.mark.parametrize("table", [WHOLE_GUANGZHOU, WHOLE_TARGET_NATIONAL])
def test_a_whole_department_table_as_text_is_passed_over(
    tmp_path: Path, carrier: str, table: Table
) -> None:
    path = WRITERS[carrier](tmp_path / "whole", [table])
    status, out, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert status == 0, (out, err)
    assert err.strip() == f"indicator-audit: {path}: 提示：{NOTE.format('部门整体支出绩效目标表')}"
    with pytest.raises(PassedOver):
        read_path(path)


def test_a_target_text_with_a_whole_department_table_below_is_read(tmp_path: Path) -> None:
    """Near miss: the 部门整体 table after the target table does not make the
    file one to pass over."""
    path = WRITERS["tsv"](tmp_path / "both", [target_table(), WHOLE_GUANGZHOU])
    document = read_path(path)
    assert [p.title for u in document.units for p in u.projects] == [p[0] for p in MARKET_PROJECTS]


@pytest.mark.parametrize("carrier", ["tsv", "csv"])
@pytest.mark.parametrize("kind", ["gz-monitor", "gz-self"])
def test_a_side_table_under_the_target_table_in_text_is_noted(
    tmp_path: Path, carrier: str, kind: str
) -> None:
    # As on a sheet: the rows set aside are said, at the other table's header.
    make, _ = SIDE_TABLES[kind]
    path = WRITERS[carrier](tmp_path / "both", [target_table(), make()])
    notes: list[str] = []
    read_path(path, notes.append)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [n for n, line in enumerate(lines, 1) if line.startswith("项目名称")][1]
    assert notes == [f"line {header}: skipped, another table or text under the performance table"]
    _, _, err = run_main("lint", "--no-cache", "--format", "text", str(path))
    assert f"提示：第{header}行：已跳过：绩效目标表下方的另一张表或文字，未读取" in err


@pytest.mark.parametrize("carrier", ["tsv", "csv"])
def test_a_target_table_alone_in_text_has_no_note(tmp_path: Path, carrier: str) -> None:
    notes: list[str] = []
    read_path(WRITERS[carrier](tmp_path / "alone", [target_table()]), notes.append)
    assert notes == []


# --------------------------------------------------------------------------
# A 部门整体支出绩效目标表 printed under the projects' tables

WHOLE_TITLED_GRID: Table = [
    ["某区卫生健康局部门整体支出绩效目标表（2025年度）", None, None, None, None],
    ["一级指标", "二级指标", "三级指标", "年度指标值", None],
    ["产出指标", "数量指标", "保障在编人数", "≥120人", None],
    ["效益指标", "社会效益指标", "群众办事满意度", "≥90%", None],
]
"""The department's own grid under its title only, no labels above it."""


@pytest.mark.parametrize("carrier", ["tsv", "csv", "xlsx"])
@pytest.mark.parametrize("whole", [WHOLE_TITLED_GRID, WHOLE_TARGET_NATIONAL])
def test_a_whole_department_grid_under_the_target_table_is_set_aside(
    tmp_path: Path, carrier: str, whole: Table
) -> None:
    """Its indicators are no project's and it is no grid without a project:
    the Guangzhou table above is read as alone, with a note (a sheet of its
    own is named for what it is)."""
    alone = WRITERS[carrier](tmp_path / "alone", [target_table()])
    both = WRITERS[carrier](tmp_path / "both", [target_table(), whole])
    notes: list[str] = []
    document = read_path(both, notes.append)
    assert [p.title for u in document.units for p in u.projects] == [p[0] for p in MARKET_PROJECTS]
    why = (
        "部门整体支出绩效目标表: not a project table, not checked"
        if carrier == "xlsx"
        else "another table or text under the performance table"
    )
    assert [n.split(": ", 1)[1] for n in notes] == [f"skipped, {why}"]
    assert keys(findings(both)) == keys(findings(alone))


@pytest.mark.parametrize("carrier", ["tsv", "xlsx"])
@pytest.mark.parametrize("whole", [WHOLE_TITLED_GRID, WHOLE_TARGET_NATIONAL])
def test_a_whole_department_grid_under_a_national_form_is_no_part_of_its_project(
    tmp_path: Path, carrier: str, whole: Table
) -> None:
    """On one sheet or in one text: the department's indicators are not
    joined to the form's last project."""
    form: Table = [list(row) for row in FORM]
    rows = [*form, *whole]
    alone = WRITERS[carrier](tmp_path / "alone", [form])
    both = WRITERS[carrier](tmp_path / "both", [rows])
    notes: list[str] = []
    document = read_path(both, notes.append)
    names = [c.name for u in document.units for p in u.projects for c in p.clauses]
    assert "保障在编人数" not in names and "组织招聘活动场次" not in names
    assert len(notes) == 1 and notes[0].endswith(
        "skipped, another table or text under the performance table"
    )
    assert keys(findings(both)) == keys(findings(alone))


@pytest.mark.parametrize(
    "title",
    [
        "部门整体支出绩效目标表",
        "2025年部门整体绩效目标申报表",
        "某区卫生健康局部门整体支出绩效目标表（2025年度）",
        "单位整体支出绩效目标",
        "部门（单位）整体支出绩效目标表",
    ],
)
def test_whole_department_titles_are_told(title: str) -> None:
    assert whole_title(title)


@pytest.mark.parametrize(
    "text",
    [
        "部门整体绩效目标完成率",  # an indicator's name
        "提升部门整体绩效",
        "整体绩效目标：",  # a label of a project's form
        "备注：部门整体支出绩效目标表另附",  # a note
        "项目支出绩效目标表",
    ],
)
def test_texts_naming_the_whole_department_otherwise_are_no_titles(text: str) -> None:
    assert not whole_title(text)


@pytest.mark.parametrize("carrier", ["tsv", "xlsx"])
def test_forms_after_a_whole_department_grid_are_read(tmp_path: Path, carrier: str) -> None:
    """The department's grid printed between two projects' forms is set aside
    from its title to the next form's 项目名称: the form after it is read."""
    first: Table = [list(row) for row in FORM]
    second: Table = [list(row) for row in FORM[2:]]
    second[0][1] = "老年人健康体检服务经费"
    second[3][3] = "本年度为辖区65岁以上老年人提供一次免费健康体检，建立健康档案。"
    second[6][4] = "待补充"  # a placeholder in the form after the department's grid
    both = WRITERS[carrier](tmp_path / "both", [[*first, *WHOLE_TITLED_GRID, *second]])
    notes: list[str] = []
    document = read_path(both, notes.append)
    assert [p.title for u in document.units for p in u.projects] == [
        "社区公共卫生服务经费",
        "老年人健康体检服务经费",
    ]
    names = [c.name for p in document.projects for c in p.clauses]
    assert "保障在编人数" not in names and "群众办事满意度" not in names
    assert len(notes) == 1
    assert [f.project for f in findings(both) if f.rule == "placeholder"] == [
        "老年人健康体检服务经费"
    ]


@pytest.mark.parametrize("carrier", ["tsv", "xlsx"])
def test_a_whole_department_grid_before_the_forms_is_set_aside(
    tmp_path: Path, carrier: str
) -> None:
    """Above the first form it is no end of a project the page before began
    (no orphan-text): set aside with a note."""
    form: Table = [list(row) for row in FORM]
    alone = WRITERS[carrier](tmp_path / "alone", [form])
    both = WRITERS[carrier](tmp_path / "both", [[*WHOLE_TITLED_GRID, *form]])
    notes: list[str] = []
    document = read_path(both, notes.append)
    assert [p.title for p in document.projects] == ["社区公共卫生服务经费"]
    assert len(notes) == 1
    assert keys(findings(both)) == keys(findings(alone))
