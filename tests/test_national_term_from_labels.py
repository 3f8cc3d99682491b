"""A mid-term form that states no 项目期 names its years in a label, as the
Ministry's 申报表 prints it: ``中期目标（2026年—2028年）``, or
``中期资金总额（2026-2028年）``. Those years are the project's term, so its
annual values may be a share of the period's."""

from __future__ import annotations

import pytest

from tests.conftest import lint
from tests.national import Rows, sheet_document, tsv_document


def _form(
    goal_label: str = "中期目标（2026年—2028年）",
    amount_label: str = "中期资金总额",
    term: str | None = None,
) -> Rows:
    rows: Rows = [
        ["项目名称", "国家重点实验室运行补助", "", "", ""],
        ["主管部门", "某部", "", "实施单位", "某国家重点实验室"],
        [amount_label, "4,500.00", "", "年度资金总额", "1,500.00"],
        [goal_label, "三年内开放共享大型仪器设备50台套，发表高水平论文150篇。", "", "", ""],
        ["年度目标", "本年度开放共享大型仪器设备20台套，发表高水平论文50篇。", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
        ["产出指标", "数量指标", "开放共享大型仪器设备", "50台套", "20台套"],
        ["", "", "发表高水平论文", "150篇", "50篇"],
        ["满意度指标", "服务对象满意度指标", "仪器使用者满意度", "≥90%", "≥90%"],
    ]
    if term is not None:
        rows.insert(2, ["项目期", term, "", "", ""])
    return rows


@pytest.mark.parametrize(
    ("goal_label", "amount_label"),
    [
        ("中期目标（2026年—2028年）", "中期资金总额"),
        ("中期目标 (2026-2028年)", "中期资金总额"),
        ("中期目标", "中期资金总额（2026年-2028年）"),
    ],
)
def test_the_years_a_period_label_names_are_the_term(goal_label: str, amount_label: str) -> None:
    for read in (tsv_document, sheet_document):
        document = read(_form(goal_label, amount_label))
        (project,) = document.projects
        assert project.term_years == (2026, 2028)
        assert lint(document, ["annual-period-mismatch"]) == []


@pytest.mark.parametrize(
    "goal_label",
    ["中期目标（20××年—20××年）", "中期目标（2026年）", "中期目标"],
)
def test_a_label_without_two_years_states_no_term(goal_label: str) -> None:
    """Near miss: the template's blank years, or one year, tell no term: the
    annual share is still reported."""
    document = tsv_document(_form(goal_label))
    (project,) = document.projects
    assert project.term_years is None
    assert [f.rule for f in lint(document, ["annual-period-mismatch"])] == [
        "annual-period-mismatch",
        "annual-period-mismatch",
    ]


def test_a_stated_term_wins_over_the_label() -> None:
    (project,) = tsv_document(_form(term="2026年")).projects
    assert project.term_years == (2026, 2026)


def test_the_annual_goal_label_names_no_term() -> None:
    rows = _form("中期目标")
    rows[4][0] = "年度目标（2026年—2028年）"
    (project,) = tsv_document(rows).projects
    assert project.term_years is None
