"""More names of a project's amount, as other provinces print them: a form's
项目总投资 (the whole project's investment over its term, as 中期资金总额 is),
预算安排, 本年安排 and 年度资金需求总量 (the year's), and a list's columns
年度预算安排 and 项目资金合计 (the project's total: a source's sum, 财政资金合计,
stays no total)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.model import Document
from tests.conftest import lint
from tests.national import Rows, csv_document, sheet_document, tsv_document

_GRID: Rows = [
    ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
    ["产出指标", "数量指标", "新建污水管网长度", "≥30公里", "≥10公里"],
    ["", "质量指标", "工程验收合格率", "100%", "100%"],
    ["效益指标", "生态效益指标", "城镇污水集中收集率", "≥75%", "≥70%"],
    ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "≥90%"],
]


def _form(amounts: Rows) -> Rows:
    rows: Rows = [
        ["项目支出绩效目标表", "", "", "", ""],
        ["项目名称", "城镇污水管网建设", "主管部门", "某县住房和城乡建设局", ""],
        ["实施单位", "某县市政工程服务中心", "项目期", "2025-2027年", ""],
        *amounts,
        ["中期目标", "三年新建污水管网30公里，城镇污水集中收集率达到75%。", "", "", ""],
        ["年度目标", "本年度新建污水管网10公里，城镇污水集中收集率达到70%。", "", "", ""],
        *_GRID,
    ]
    return [row + [""] * (5 - len(row)) for row in rows]


def _amounts(document: Document) -> list[Decimal | None]:
    (project,) = document.projects
    return [project.amounts.value(key) for key in ("total", "fiscal", "other")]


@pytest.mark.parametrize(
    "label", ["预算安排（万元）", "本年安排（万元）", "年度资金需求总量（万元）", "年度预算安排"]
)
def test_the_year_s_amount_named_otherwise_is_the_total(label: str) -> None:
    rows = _form([[label, "1,200.00", "其中：财政拨款", "1,200.00", ""]])
    for read in (tsv_document, csv_document, sheet_document):
        document = read(rows)
        assert _amounts(document)[:2] == [Decimal("1200.00"), Decimal("1200.00")]
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_the_whole_investment_beside_the_year_s_amount_is_the_term_s() -> None:
    """项目总投资 beside 本年安排, each with its sources below: the year's
    column is the project's amounts, as under 中期资金总额 | 年度资金总额."""
    rows = _form(
        [
            ["项目总投资（万元）", "3,600.00", "本年安排（万元）", "1,200.00", ""],
            ["其中：财政拨款", "3,000.00", "其中：财政拨款", "1,000.00", ""],
            ["其他资金", "600.00", "其他资金", "200.00", ""],
        ]
    )
    for read in (tsv_document, sheet_document):
        document = read(rows)
        assert _amounts(document) == [Decimal("1200.00"), Decimal("1000.00"), Decimal("200.00")]
        assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


@pytest.mark.parametrize("label", ["项目总投资", "计划总投资（万元）", "总投资"])
def test_the_whole_investment_gives_way_to_the_year_s_total(label: str) -> None:
    rows = _form(
        [
            [label, "3,600.00", "", "", ""],
            ["年度资金总额", "1,200.00", "其中：财政拨款", "1,200.00", ""],
        ]
    )
    assert _amounts(tsv_document(rows))[:2] == [Decimal("1200.00"), Decimal("1200.00")]


@pytest.mark.parametrize("label", ["项目总投资（万元）", "中期资金总额"])
def test_a_total_labelled_without_a_side_wins_over_the_term_s(label: str) -> None:
    """资金总额 beside (or below) the whole term's amount is the form's own
    total, the year's: the term's amount is no stand-in for it."""
    beside = _form(
        [
            [label, "3,600.00", "资金总额（万元）", "1,200.00", ""],
            ["其中：财政拨款", "1,200.00", "其他资金", "0.00", ""],
        ]
    )
    below = _form(
        [
            [label, "3,600.00", "", "", ""],
            ["资金总额（万元）", "1,200.00", "其中：财政拨款", "1,200.00", ""],
        ]
    )
    for rows in (beside, below):
        document = tsv_document(rows)
        assert _amounts(document)[:2] == [Decimal("1200.00"), Decimal("1200.00")]
        assert lint(document, ["row-sum-mismatch"]) == []


def test_a_blank_total_beside_the_term_s_leaves_the_term_s() -> None:
    """Near miss: 资金总额 left blank states no total of its own."""
    rows = _form([["中期资金总额", "3,600.00", "资金总额", "", ""]])
    assert _amounts(tsv_document(rows))[0] == Decimal("3600.00")


def test_the_whole_investment_alone_is_the_only_amount_stated() -> None:
    """A form stating only 项目总投资 states no year's amount: its amount is
    read, as a lone 中期资金总额 is."""
    rows = _form([["项目总投资（万元）", "3,600.00", "", "", ""]])
    assert _amounts(tsv_document(rows))[0] == Decimal("3600.00")


@pytest.mark.parametrize("caption", ["预算安排（万元）", "资金总额（万元）", "项目资金（万元）"])
def test_a_total_s_name_over_heads_is_their_caption(caption: str) -> None:
    rows = _form(
        [
            [caption, "合计", "财政拨款", "其他资金", ""],
            ["", "1,200.00", "1,000.00", "200.00", ""],
        ]
    )
    document = tsv_document(rows)
    assert _amounts(document) == [Decimal("1200.00"), Decimal("1000.00"), Decimal("200.00")]
    assert lint(document, ["amount-format", "row-sum-mismatch"]) == []


def test_a_caption_in_yuan_names_the_heads_unit() -> None:
    rows = _form(
        [
            ["预算安排（元）", "合计", "财政拨款", "其他资金", ""],
            ["", "12,000,000.00", "10,000,000.00", "2,000,000.00", ""],
        ]
    )
    (project,) = tsv_document(rows).projects
    assert project.amounts.total is not None
    assert (project.amounts.total.value, project.amounts.total.unit) == (Decimal("1200"), "元")


@pytest.mark.parametrize("label", ["项目安排", "安排", "投资方向"])
def test_words_of_a_plan_of_work_label_no_amount(label: str) -> None:
    """Near miss: 项目安排 (the project's plan of work), a bare 安排 or
    投资方向 above the amounts name no amount: the total is 资金总额's."""
    rows = _form(
        [
            [label, "分三年实施，首年完成主干管建设", "", "", ""],
            ["资金总额", "1,200.00", "其中：财政拨款", "1,200.00", ""],
        ]
    )
    document = tsv_document(rows)
    assert _amounts(document)[:2] == [Decimal("1200.00"), Decimal("1200.00")]
    assert lint(document, ["amount-format"]) == []


@pytest.mark.parametrize("label", ["年度安排", "本年安排"])
def test_the_year_s_plan_of_work_under_an_arranged_label_is_no_amount(label: str) -> None:
    """Near miss: 年度安排 beside text (the year's plan of work) under the
    form's 资金总额 is no amount: the total stays, no amount is misread."""
    rows = _form(
        [
            ["资金总额", "1,200.00", "其中：财政拨款", "1,200.00", ""],
            [label, "第一季度完成招标，第二季度开工建设，年底完成主干管铺设", "", "", ""],
        ]
    )
    document = tsv_document(rows)
    assert _amounts(document)[:2] == [Decimal("1200.00"), Decimal("1200.00")]
    assert lint(document, ["amount-format"]) == []


def test_an_arranged_amount_left_as_a_placeholder_is_reported_at_its_cell() -> None:
    """A form whose only amount, 预算安排, holds 待补充 states an amount not
    written yet: a placeholder at that cell, not a project without amounts."""
    document = tsv_document(_form([["预算安排", "待补充", "", "", ""]]))
    assert _amounts(document) == [None, None, None]
    findings = lint(document, ["amount-format", "placeholder"])
    assert [(f.rule, f.excerpt) for f in findings] == [("placeholder", "待补充")]


# --------------------------------------------------------------------------
# A list's amount columns


def _list(heading: str) -> Rows:
    return [
        ["2025年项目支出绩效目标表", "", "", "", "", "", "", ""],
        ["单位名称", "项目名称", heading, "年度目标", "一级指标", "二级指标", "三级指标", "指标值"],
        [
            "某县水利局",
            "小型水库除险加固",
            "480.00",
            "完成3座小型水库除险加固，消除安全隐患。",
            "产出指标",
            "数量指标",
            "除险加固水库数量",
            "3座",
        ],
        ["", "", "", "", "效益指标", "社会效益指标", "受益人口", "≥1.2万人"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]


@pytest.mark.parametrize(
    "heading", ["年度预算安排", "年度预算安排（万元）", "项目资金合计", "项目资金合计（万元）"]
)
def test_a_list_s_column_of_the_year_s_arrangement_or_sum_is_the_total(heading: str) -> None:
    for read in (tsv_document, csv_document, sheet_document):
        assert _amounts(read(_list(heading)))[0] == Decimal("480.00")


@pytest.mark.parametrize("heading", ["财政资金合计", "项目安排", "项目总投资"])
def test_a_list_s_column_of_no_year_s_total_is_no_total(heading: str) -> None:
    """Near miss: a source's sum, a plan of work and the whole term's
    investment are not the project's budget for the year."""
    assert _amounts(tsv_document(_list(heading)))[0] is None


def test_a_source_s_sum_stays_that_source_s() -> None:
    (project,) = tsv_document(_list("财政拨款合计")).projects
    assert (project.amounts.value("total"), project.amounts.value("fiscal")) == (
        None,
        Decimal("480.00"),
    )
