"""``comparator-direction`` on a national row whose written comparator
contradicts its 指标方向 (``≥ | 90 | % | 反向``, ``≤5% | 正向``): the value keeps
its own comparator, and the contradiction is reported once, at the direction
cell. Read from CSV and from a workbook written with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from audit.model import Document
from audit.pipeline import load_path
from tests.conftest import lint
from tests.national import FORM, Rows, csv_document

TOP = [[*row[:5], "", ""] for row in FORM[2:6]]
LIST_HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标方向"]
FORM_HEADER = ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "权重"]
PERIOD_HEADER = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标方向",
    "实施期指标值",
    "年度指标值",
    "度量单位",
]


def xlsx_document(rows: Rows, folder: Path) -> Document:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([cell or None for cell in row])
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text (=100), not a formula
    path = folder / "绩效目标表.xlsx"
    book.save(path)
    return load_path(path)


def documents(rows: Rows, folder: Path) -> list[Document]:
    return [csv_document(rows), xlsx_document(rows, folder)]


def against(document: Document) -> list[tuple[int | None, str | None, str]]:
    return [
        (f.clause, f.excerpt, f.message)
        for f in lint(document, ["comparator-direction"])
        if "指标方向" in f.message
    ]


def test_a_floor_marked_reverse_in_a_comparator_column(tmp_path: Path) -> None:
    rows = [
        *TOP,
        LIST_HEADER,
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "反向"],
        ["效益指标", "社会效益指标", "道路交通事故发生率", "≤", "5", "%", "反向"],
    ]
    for document in documents(rows, tmp_path):
        (finding,) = lint(document, ["comparator-direction"])
        assert finding.clause == 1
        assert finding.excerpt == "反向"
        assert finding.message == (
            "「受益群众满意度」的指标方向为「反向」，年度指标值「≥90%」却设了下限：两者应一致"
        )
        project = document.projects[0]
        sign = project.cells[0].extras["sign"]
        assert (finding.line, finding.column) == (sign.span().line, sign.span().column)


def test_a_cap_marked_forward_and_a_floor_in_words_marked_reverse(tmp_path: Path) -> None:
    rows = [
        *TOP,
        FORM_HEADER,
        ["效益指标", "社会效益指标", "道路交通事故发生率", "正向", "≤5%", "", "10"],
        ["产出指标", "成本指标", "单处工程维修平均成本", "正向", "≤4.4", "万元", "10"],
        ["产出指标", "数量指标", "健康讲座场次", "反向", "不低于12", "场", "10"],
        ["产出指标", "数量指标", "维修养护集中供水工程处数", "正向", "≥42", "处", "10"],
    ]
    for document in documents(rows, tmp_path):
        assert against(document) == [
            (
                1,
                "正向",
                "「道路交通事故发生率」的指标方向为「正向」，年度指标值「≤5%」却设了上限：两者应一致",
            ),
            (
                2,
                "正向",
                "「单处工程维修平均成本」的指标方向为「正向」，年度指标值「≤4.4万元」却设了上限："
                "两者应一致",
            ),
            (
                3,
                "反向",
                "「健康讲座场次」的指标方向为「反向」，年度指标值「不低于12场」却设了下限：两者应一致",
            ),
        ]


def test_both_values_against_the_direction_are_one_finding(tmp_path: Path) -> None:
    rows = [
        *TOP,
        PERIOD_HEADER,
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "反向", "≥90%", "≥92%", ""],
    ]
    for document in documents(rows, tmp_path):
        found = lint(document, ["comparator-direction"])
        assert [(f.clause, f.excerpt) for f in found] == [(1, "反向")]
        assert "实施期" in found[0].message or "实施周期" in found[0].message


def test_a_row_the_name_already_reports_is_reported_once(tmp_path: Path) -> None:
    # 接种率 ≤5% is a cap on a rate to raise, by its name: that finding, not a second
    rows = [
        *TOP,
        FORM_HEADER,
        ["效益指标", "社会效益指标", "适龄儿童疫苗接种率", "正向", "≤5%", "", "10"],
        ["产出指标", "成本指标", "单次宣讲成本", "反向", "不低于0.3", "万元", "10"],
    ]
    for document in documents(rows, tmp_path):
        found = lint(document, ["comparator-direction"])
        assert [f.clause for f in found] == [1, 2]
        assert against(document) == []


@pytest.mark.parametrize(
    ("direction", "value", "unit"),
    [
        ("反向", "90", "%"),  # a bare value took its comparator from the direction
        ("正向", "=100", "%"),  # = bounds neither way
        ("反向", "按计划完成", ""),  # text
        ("", "≥90", "%"),  # no direction
        ("/", "≥90", "%"),
        ("定性", "≥90", "%"),
        ("中性", "≥90", "%"),
        ("正向", "≥90", "%"),  # agrees
        ("越大越好", "90%以上", ""),
    ],
)
def test_no_contradiction_is_quiet(direction: str, value: str, unit: str, tmp_path: Path) -> None:
    rows = [
        *TOP,
        FORM_HEADER,
        ["效益指标", "社会效益指标", "农村集中供水率", direction, value, unit, "10"],
    ]
    for document in documents(rows, tmp_path):
        assert against(document) == []


def test_values_that_disagree_with_each_other_are_the_pair_s_finding(tmp_path: Path) -> None:
    # the period's ≥95% agrees with 正向, the annual ≤95% does not: the two
    # values disagree, which annual-period-mismatch reports
    rows = [
        *TOP,
        PERIOD_HEADER,
        ["产出指标", "质量指标", "档案整理规范率", "正向", "≥95%", "≤95%", ""],
    ]
    for document in documents(rows, tmp_path):
        assert against(document) == []
