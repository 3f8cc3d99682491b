"""A national list whose header stands on two rows: the project columns (序号,
项目名称, 金额, 年度目标, 权重) on the first, beside a group label 绩效指标 over
the grid's columns, which the second row names (一级指标 … 指标值). A workbook
fills the merged project headings down; a CSV or TSV saved from it leaves the
second row blank under them, and the list reads the same."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.model import Clause, Document
from tests.national import Rows, csv_document, sheet_document, tsv_document

_UPPER = ["序号", "项目名称", "项目金额（万元）", "年度绩效目标", "绩效指标", "", "", "", "权重"]
_LOWER = ["", "", "", "", "一级指标", "二级指标", "三级指标", "指标值", ""]
_BODY: Rows = [
    [
        "1",
        "大气污染防治",
        "780.00",
        "全市PM2.5年均浓度控制在30微克/立方米以下，空气质量优良天数比率达到90%。",
        "产出指标",
        "数量指标",
        "空气自动监测站运维数量",
        "≥24个",
        "40",
    ],
    ["", "", "", "", "效益指标", "生态效益指标", "空气质量优良天数比率", "≥90%", "30"],
    ["", "", "", "", "满意度指标", "服务对象满意度指标", "公众满意度", "≥85%", "30"],
    [
        "2",
        "土壤污染状况详查",
        "120.00",
        "完成重点行业企业用地土壤污染状况调查，建立污染地块名录。",
        "产出指标",
        "数量指标",
        "调查企业地块数",
        "≥150个",
        "50",
    ],
    ["", "", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", "50"],
]
_HEAD: Rows = [
    ["2025年度项目支出绩效目标表", "", "", "", "", "", "", "", ""],
    ["单位名称：某市生态环境局", "", "", "", "", "", "", "", ""],
]


def _rows(upper: list[str] = _UPPER, lower: list[str] = _LOWER) -> Rows:
    return [*_HEAD, upper, lower, *_BODY]


def _read(document: Document) -> list[tuple[str, Decimal | None, list[tuple[str, str]]]]:
    found = []
    for project in document.projects:
        clauses = []
        for clause in project.clauses:
            assert isinstance(clause, Clause)
            assert clause.annual is not None
            clauses.append((clause.name, clause.annual.text))
        total = project.amounts.total
        found.append((project.name.value, None if total is None else total.value, clauses))
    return found


_EXPECTED = [
    (
        "大气污染防治",
        Decimal("780.00"),
        [
            ("空气自动监测站运维数量", "≥24个"),
            ("空气质量优良天数比率", "≥90%"),
            ("公众满意度", "≥85%"),
        ],
    ),
    ("土壤污染状况详查", Decimal("120.00"), [("调查企业地块数", "≥150个"), ("群众满意度", "≥85%")]),
]


@pytest.mark.parametrize("document", [tsv_document, csv_document])
def test_a_header_on_two_rows_saved_as_text_reads_as_the_workbook(document) -> None:  # type: ignore[no-untyped-def]
    read = document(_rows())
    assert read.layout == "national-list"
    assert _read(read) == _EXPECTED


def test_the_workbook_with_the_headings_merged_down_reads_the_same() -> None:
    merges = [(2, column, 3, column) for column in (0, 1, 2, 3, 8)] + [(2, 4, 2, 7)]
    assert _read(sheet_document(_rows(), merges)) == _EXPECTED


def test_the_amount_unit_of_a_heading_on_the_first_row_holds() -> None:
    """项目金额（元） on the first row: the amounts below are in 元."""
    upper = [*_UPPER[:2], "项目金额（元）", *_UPPER[3:]]
    body = [list(row) for row in _BODY]
    body[0][2], body[3][2] = "7,800,000.00", "1,200,000.00"
    read = tsv_document([*_HEAD, upper, _LOWER, *body])
    totals = [project.amounts.total for project in read.projects]
    assert [(t.value, t.unit) for t in totals if t is not None] == [
        (Decimal("780"), "元"),
        (Decimal("120"), "元"),
    ]


def test_a_form_whose_project_row_stands_over_its_grid_stays_a_form() -> None:
    """Near miss: 项目名称 right above a grid header whose first cell is
    blank is the form's label, its name over the grid's columns no group
    label; the project is the form's."""
    rows: Rows = [
        ["项目名称", "统计指标体系建设", "", "", ""],
        ["", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "修订统计指标数", "≥30个"],
        ["", "满意度指标", "服务对象满意度指标", "数据用户满意度", "≥90%"],
    ]
    read = tsv_document(rows)
    assert read.layout == "national-form"
    assert [project.name.value for project in read.projects] == ["统计指标体系建设"]
    assert len(read.projects[0].clauses) == 2
