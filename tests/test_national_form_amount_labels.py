"""The labels of a national form's amounts: the names of the budget a list
heads its column with (预算金额, 项目预算, 年度预算), a block of the period's
and the year's amounts headed 实施期 | 年度 over the amount labels, and the
same words naming an indicator in the grid (a cost held to 资金总额)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.model import Document
from tests.conftest import lint
from tests.national import Rows, csv_document, sheet_document, tsv_document

_GRID: Rows = [
    ["一级指标", "二级指标", "三级指标", "年度指标值"],
    ["产出指标", "数量指标", "巩固提升供水工程数量", "20处"],
    ["", "质量指标", "水质达标率", "≥90%"],
    ["效益指标", "社会效益指标", "农村自来水普及率", "≥93%"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
]


def _form(amounts: Rows) -> Rows:
    return [
        ["项目支出绩效目标申报表", "", "", ""],
        ["项目名称", "农村饮水安全巩固提升", "主管部门", "某区水务局"],
        ["实施单位", "某区农村供水管理站", "项目期", "2025-2027年"],
        *amounts,
        ["年度目标", "本年度巩固提升农村供水工程20处，水质达标率90%以上。", "", ""],
        *_GRID,
    ]


def _amounts(document: Document) -> list[Decimal | None]:
    (project,) = document.projects
    return [project.amounts.value(key) for key in ("total", "fiscal", "other")]


@pytest.mark.parametrize(
    "label", ["预算金额（万元）", "项目预算", "年度预算", "年度预算金额", "申请金额"]
)
def test_the_budget_s_names_label_the_total(label: str) -> None:
    document = tsv_document(_form([[label, "520.00", "财政拨款", "500.00"]]))
    assert _amounts(document)[:2] == [Decimal("520.00"), Decimal("500.00")]
    assert [f.rule for f in lint(document, ["amount-format"])] == []


def _sides(caption: str = "项目资金（万元）", period: str = "实施期", annual: str = "年度") -> Rows:
    return [
        [caption, period, annual, ""],
        ["资金总额", "1,500.00", "520.00", ""],
        ["其中：财政拨款", "1,400.00", "500.00", ""],
        ["其他资金", "100.00", "20.00", ""],
    ]


@pytest.mark.parametrize(
    ("period", "annual"),
    [("实施期", "年度"), ("中期资金", "年度资金"), ("中期（2025-2027年）", "年度（2025年）")],
)
def test_the_year_s_column_under_side_heads_is_the_project_s(period: str, annual: str) -> None:
    for read in (tsv_document, csv_document, sheet_document):
        document = read(_form(_sides(period=period, annual=annual)))
        assert _amounts(document) == [Decimal("520.00"), Decimal("500.00"), Decimal("20.00")]


def test_the_caption_over_side_heads_names_their_unit() -> None:
    rows = _sides("项目资金（元）")
    rows[1][1:3] = ["15,000,000.00", "5,200,000.00"]
    rows[2][1:3] = ["14,000,000.00", "5,000,000.00"]
    rows[3][1:3] = ["1,000,000.00", "200,000.00"]
    (project,) = tsv_document(_form(rows)).projects
    total = project.amounts.total
    assert total is not None and (total.value, total.unit) == (Decimal("520"), "元")


def test_one_side_head_is_no_block() -> None:
    """Near miss: a caption with one side's word beside it (``资金情况 |
    年度``) over label/value pairs: each value is right of its label."""
    rows = [["资金情况", "年度", "", ""], ["资金总额", "520.00", "财政拨款", "500.00"]]
    assert _amounts(tsv_document(_form(rows)))[:2] == [Decimal("520.00"), Decimal("500.00")]


@pytest.mark.parametrize("name", ["资金总额", "项目预算", "预算金额"])
def test_a_label_s_words_as_an_indicator_s_name_stay_in_the_grid(name: str) -> None:
    """An indicator named like an amount label (a cost held to the budget)
    is the form's indicator; it used to begin a form of its own, and the
    rows under it were lost."""
    rows = _form([["资金总额（万元）", "520.00", "财政拨款", "520.00"]])
    rows.insert(len(rows) - 1, ["成本指标", "经济成本指标", name, "≤520万元"])
    (project,) = tsv_document(rows).projects
    assert [clause.name for clause in project.clauses] == [
        "巩固提升供水工程数量",
        "水质达标率",
        "农村自来水普及率",
        name,
        "受益群众满意度",
    ]


def test_the_next_form_under_the_grid_still_begins_at_its_labels() -> None:
    """Near miss: a second form stacked under the first begins at its
    项目名称 and its amount labels in the first column."""
    first = _form([["资金总额（万元）", "520.00", "财政拨款", "520.00"]])
    second = [
        ["项目名称", "农村供水水质检测", "主管部门", "某区水务局"],
        ["资金总额（万元）", "36.00", "财政拨款", "36.00"],
        ["年度目标", "全年检测农村供水水样240份，检测结果按月公开。", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "检测水样份数", "≥240份"],
    ]
    document = tsv_document(first + second)
    assert [
        (p.name.value, p.amounts.value("total"), len(p.clauses)) for p in document.projects
    ] == [
        ("农村饮水安全巩固提升", Decimal("520.00"), 4),
        ("农村供水水质检测", Decimal("36.00"), 1),
    ]


@pytest.mark.parametrize("word", ["合计", "小计", "总计"])
def test_a_sum_row_under_side_heads_is_the_total(word: str) -> None:
    """``项目资金（万元） | 实施期 | 年度`` over ``合计 | 1,500.00 | 520.00``: 合计
    names the total there as 资金总额 does, so no empty total is reported."""
    rows = _sides()
    rows[1][0] = word
    for read in (tsv_document, csv_document, sheet_document):
        document = read(_form(rows))
        assert _amounts(document) == [Decimal("520.00"), Decimal("500.00"), Decimal("20.00")]
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_a_sum_row_under_side_heads_that_does_not_add_up_is_reported() -> None:
    rows = _sides()
    rows[1][0:3] = ["合计", "1,500.00", "560.00"]
    document = tsv_document(_form(rows))
    assert _amounts(document)[0] == Decimal("560.00")
    assert [f.rule for f in lint(document, ["row-sum-mismatch"])] == ["row-sum-mismatch"]


@pytest.mark.parametrize(
    "label",
    [
        "本年度预算",
        "本年预算",
        "本年预算数",
        "年度预算数（万元）",
        "本年度预算（万元）",
        "当年经费",
    ],
)
def test_a_year_s_word_and_a_noun_of_money_label_the_total(label: str) -> None:
    for read in (tsv_document, csv_document, sheet_document):
        document = read(_form([[label, "520.00", "财政拨款", "500.00"]]))
        assert _amounts(document)[:2] == [Decimal("520.00"), Decimal("500.00")]


def test_a_year_s_word_before_a_goal_still_labels_the_goal() -> None:
    """Near miss: 本年度目标 begins with the same word and names the goal."""
    rows = _form([["本年度预算", "520.00", "财政拨款", "500.00"]])
    rows[4][0] = "本年度目标"
    (project,) = tsv_document(rows).projects
    assert project.goal is not None and project.goal.value.startswith("本年度巩固提升")
    assert project.amounts.value("total") == Decimal("520.00")


_BUDGET_TABLE: Rows = [
    ["部门收支总表", "", "", ""],
    ["收入", "本年预算数", "支出", "本年预算数"],
    ["一般公共预算拨款", "3,600.00", "农林水支出", "3,600.00"],
    ["合计", "3,600.00", "合计", "3,600.00"],
    ["", "", "", ""],
]
"""The department's 收支总表 printed above the form, its columns headed
本年预算数 (the department's budget, no project's)."""


@pytest.mark.parametrize("label", ["本年度预算", "资金总额（万元）", "年度预算数"])
def test_the_form_s_own_total_wins_over_a_budget_table_above_it(label: str) -> None:
    """The 本年预算数 heads of a 收支总表 above the form used to be taken as
    the project's total (their neighbour ``支出`` as its value): the form's
    own 资金总额 was then lost."""
    rows = _BUDGET_TABLE + _form([[label, "520.00", "财政拨款", "520.00"]])
    for read in (tsv_document, csv_document, sheet_document):
        document = read(rows)
        assert _amounts(document)[:2] == [Decimal("520.00"), Decimal("520.00")]
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_amounts_above_the_project_s_name_are_the_form_s_when_it_states_none_below() -> None:
    """Near miss: a form whose amounts stand above its 项目名称 row (the unit
    and budget first) keeps them."""
    rows = _form([])
    rows.insert(1, ["实施单位", "某区农村供水管理站", "资金总额（万元）", "520.00"])
    del rows[3]
    document = tsv_document(rows)
    (project,) = document.projects
    assert project.amounts.value("total") == Decimal("520.00")


def test_a_budget_table_above_a_form_without_amounts_gives_it_none() -> None:
    """Near miss: the 收支总表's heads (``收入 | 本年预算数 | 支出``) are no
    amount of a form that states none: the form is reported as stating no
    amount, not as a total that reads ``支出``."""
    for read in (tsv_document, sheet_document):
        document = read(_BUDGET_TABLE + _form([]))
        assert _amounts(document) == [None, None, None]
        messages = [f.message for f in lint(document, ["amount-format"])]
        assert messages == ["项目没有填写任何金额：应填写总计及资金来源"]
