"""A national form whose period goal is labelled by a five-year plan
(``中期目标（"十四五"期间）``, ``中期目标（“十四五”期间）``, ``中期目标（十四五期间）``),
as provinces label the medium term in the plan's years. The label is the
period goal's, and the plan's years (十四五: 2021–2025) are the project's term
where the form states no 项目期, as ``中期目标（2024年—2026年）`` names them."""

from __future__ import annotations

import pytest

from audit.model import plan_years
from tests.conftest import lint
from tests.national import Rows, csv_document, sheet_document, tsv_document

PERIOD_GOAL = "“十四五”期间累计改造城镇老旧小区120个，惠及居民2.4万户。"


def _form(goal_label: str, term: str | None = None) -> Rows:
    rows: Rows = [
        ["项目支出绩效目标表", "", "", ""],
        ["项目名称", "城镇老旧小区改造补助", "主管部门", "某区住房和城乡建设局"],
        ["实施单位", "某区城市更新中心", "", ""],
        ["资金总额（万元）", "1,800.00", "其中：财政拨款", "1,800.00"],
        [goal_label, PERIOD_GOAL, "", ""],
        ["年度目标", "本年度改造城镇老旧小区30个，惠及居民6000户。", "", ""],
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
        ["产出指标", "数量指标", "改造老旧小区数量", "120个", "30个"],
        ["", "", "惠及居民户数", "24000户", "6000户"],
        ["", "质量指标", "竣工验收合格率", "100%", "100%"],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "≥90%"],
    ]
    rows = [row + [""] * (5 - len(row)) for row in rows]
    if term is not None:
        rows[2][2:4] = ["项目期", term]
    return rows


@pytest.mark.parametrize(
    "label",
    ['中期目标（"十四五"期间）', "中期目标（“十四五”期间）", "中期目标（十四五期间）"],
)
def test_a_period_goal_labelled_by_its_plan_is_read_with_the_plan_s_years(label: str) -> None:
    for read in (tsv_document, csv_document, sheet_document):
        (project,) = read(_form(label)).projects
        assert project.period_goal is not None and project.period_goal.value == PERIOD_GOAL
        assert project.term is not None and project.term.value == "十四五"
        assert (project.term_years, project.term_length) == ((2021, 2025), 5)


def test_the_plan_s_years_make_the_annual_share_legitimate() -> None:
    # 30 of 120 this year: a share of a five-year target, no mismatch
    assert lint(tsv_document(_form("中期目标（“十四五”期间）")), ["annual-period-mismatch"]) == []


@pytest.mark.parametrize(
    "label", ["中期目标（2021-2025年“十四五”期间）", "中期目标（“十四五”2021—2025年）"]
)
def test_a_plan_named_beside_its_years_leaves_the_years_the_term(label: str) -> None:
    (project,) = tsv_document(_form(label)).projects
    assert project.period_goal is not None and project.period_goal.value == PERIOD_GOAL
    assert project.term_years == (2021, 2025)


def test_the_next_plan_is_read_alike() -> None:
    (project,) = tsv_document(_form("中期目标（“十五五”时期）")).projects
    assert project.term_years == (2026, 2030)


def test_a_plan_written_as_the_form_s_term_gives_its_years() -> None:
    (project,) = tsv_document(_form("中期目标", term="“十四五”期间")).projects
    assert project.term_years == (2021, 2025)


def test_a_stated_term_wins_over_the_plan_in_the_label() -> None:
    (project,) = tsv_document(_form("中期目标（十四五期间）", term="2024-2026年")).projects
    assert project.term_years == (2024, 2026)


def test_the_grid_s_label_may_name_the_plan() -> None:
    rows = _form("中期目标（十四五期间）")
    rows[6][3] = '中期（"十四五"）绩效指标'
    (project,) = tsv_document(rows).projects
    assert [clause.period.text for clause in project.clauses if clause.period] == [
        "120个",
        "24000户",
        "100%",
        "≥90%",
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("十一五", (2006, 2010)),
        ("“十三五”期间", (2016, 2020)),
        ("十四五", (2021, 2025)),
        ("十五五规划", (2026, 2030)),
        ("十五", None),  # fifteen, or the tenth plan: no plan this tool reads
        ("第十五届", None),
        ("三年", None),
    ],
)
def test_plan_years(text: str, years: tuple[int, int] | None) -> None:
    assert plan_years(text) == years


def test_an_annual_goal_naming_the_plan_states_no_term() -> None:
    """Near miss: the plan in the annual goal's label is the year's context,
    no term; the annual share is still reported where no term is told."""
    rows = _form("中期目标")
    rows[5][0] = "年度目标（“十四五”期间）"
    document = tsv_document(rows)
    (project,) = document.projects
    assert project.term is None
    assert project.goal is not None and project.goal.value.startswith("本年度改造")
    assert [f.rule for f in lint(document, ["annual-period-mismatch"])] == [
        "annual-period-mismatch",
        "annual-period-mismatch",
    ]


@pytest.mark.parametrize("label", ["中期目标（十五）", "中期目标（规划）"])
def test_brackets_naming_no_plan_are_no_term(label: str) -> None:
    """Near miss: a number or a word that names no plan is no term."""
    (project,) = tsv_document(_form(label)).projects
    assert project.term is None


def test_a_list_s_period_goal_column_named_by_the_plan_gives_the_term() -> None:
    header = ["项目名称", "预算数", "中期目标（“十四五”期间）", "年度目标", "一级指标"]
    first = ["城镇老旧小区改造补助", "1,800.00", PERIOD_GOAL, "本年度改造城镇老旧小区30个。"]
    rows: Rows = [
        [*header, "二级指标", "三级指标", "中期指标值", "年度指标值"],
        [*first, "产出指标", "数量指标", "改造老旧小区数量", "120个", "30个"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "≥90%"],
    ]
    (project,) = tsv_document(rows).projects
    assert project.period_goal is not None and project.period_goal.value == PERIOD_GOAL
    assert project.term_years == (2021, 2025)
