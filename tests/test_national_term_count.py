"""A mid-term form that names its term by a number of years, no year
anywhere (``中期目标（三年）``, ``实施期目标（3年）``): the label is read (the
period goal was lost with it) and the project runs over several years, so an
annual value that is a share of the period's (``≥12场`` against ``≥36场``) is
legitimate; a term of one year (``（一年）``) still compares the two."""

from __future__ import annotations

import pytest

from tests.conftest import lint
from tests.national import Rows, sheet_document, tsv_document


def _form(goal_label: str = "中期目标（三年）", annual: str = "≥12场") -> Rows:
    return [
        ["项目支出绩效目标表", "", "", "", ""],
        ["项目名称", "基层理论宣讲经费", "主管部门", "某县委宣传部", ""],
        ["实施单位", "某县新时代文明实践中心", "资金总额（万元）", "45.00", ""],
        [goal_label, "三年内开展基层理论宣讲36场，覆盖全县各乡镇。", "", "", ""],
        ["年度目标", "本年度开展基层理论宣讲12场，覆盖重点乡镇。", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
        ["产出指标", "数量指标", "理论宣讲场次", "≥36场", annual],
        ["", "质量指标", "宣讲覆盖乡镇比例", "100%", "≥40%"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%"],
    ]


@pytest.mark.parametrize(
    "goal_label",
    [
        "中期目标（三年）",
        "实施期目标（3年）",
        "中期目标(两年)",
        "实施期目标（3年期）",
        "中期目标（36个月）",
        "实施期目标（18个月）",
        "中期目标（三年行动）",
        "实施期目标（三年行动计划）",
        "中期目标（3年期规划）",
    ],
)
def test_a_term_of_several_years_allows_an_annual_share(goal_label: str) -> None:
    for read in (tsv_document, sheet_document):
        document = read(_form(goal_label))
        (project,) = document.projects
        assert project.period_goal is not None
        assert project.period_goal.value.startswith("三年内")
        assert project.term_length is not None and project.term_length > 1
        assert lint(document, ["annual-period-mismatch"]) == []


def test_a_term_of_one_year_still_compares() -> None:
    """Near miss: （一年） is a one-year project: its values should agree."""
    document = tsv_document(_form("中期目标（一年）"))
    (project,) = document.projects
    assert project.term_length == 1
    assert [f.rule for f in lint(document, ["annual-period-mismatch"])] == [
        "annual-period-mismatch",
        "annual-period-mismatch",
    ]


def test_a_term_of_twelve_months_still_compares() -> None:
    """Near miss: （12个月） is a one-year project, as （一年） is."""
    document = tsv_document(_form("中期目标（12个月）"))
    (project,) = document.projects
    assert project.term_length == 1
    assert len(lint(document, ["annual-period-mismatch"])) == 2


def test_an_annual_value_above_the_period_is_still_reported() -> None:
    """Near miss: a share of the term never exceeds the term's value."""
    findings = lint(tsv_document(_form(annual="≥40场")), ["annual-period-mismatch"])
    assert [f.rule for f in findings] == ["annual-period-mismatch"]


def test_the_annual_goal_label_names_no_term() -> None:
    """Near miss: a number of years beside the annual goal is no term."""
    rows = _form("中期目标")
    rows[4][0] = "年度目标（三年）"
    (project,) = tsv_document(rows).projects
    assert project.term is None


@pytest.mark.parametrize(
    ("goal_label", "years"),
    [
        ("中期目标（2024-2026年）", (2024, 2026)),
        ("实施期目标（2025—2027年）", (2025, 2027)),
        ("中期目标（2024—2026年三年行动）", (2024, 2026)),
    ],
)
def test_a_year_range_counts_its_years_inclusive(goal_label: str, years: tuple[int, int]) -> None:
    for read in (tsv_document, sheet_document):
        document = read(_form(goal_label))
        (project,) = document.projects
        assert project.period_goal is not None
        assert project.term_years == years
        assert project.term_length == 3
        assert lint(document, ["annual-period-mismatch"]) == []


@pytest.mark.parametrize("annual_label", ["年度目标（2025年）", "年度目标（三年行动）"])
def test_a_bracket_beside_the_annual_goal_is_no_term(annual_label: str) -> None:
    """Near miss: ``年度目标（2025年）`` is the budget year, one year; the
    period goal without a term leaves the term unknown, and the annual share
    is still compared."""
    rows = _form("中期目标")
    rows[4][0] = annual_label
    document = tsv_document(rows)
    (project,) = document.projects
    assert project.term is None and project.term_length is None
    assert project.goal is not None and project.goal.value.startswith("本年度")
    assert len(lint(document, ["annual-period-mismatch"])) == 2


def _list(goal_head: str, term: str | None = None) -> Rows:
    head = ["单位名称", "项目名称", "预算数（万元）", goal_head, "年度目标"]
    head += ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"]
    first = ["某县委宣传部", "基层理论宣讲经费", "45.00", "三年内开展基层理论宣讲36场。"]
    first += [
        "本年度开展基层理论宣讲12场。",
        "产出指标",
        "数量指标",
        "理论宣讲场次",
        "≥36场",
        "≥12场",
    ]
    second = ["", "", "", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%"]
    rows = [head, first, second]
    if term is not None:
        for row, cell in zip(rows, ["项目期", term, ""], strict=True):
            row.insert(3, cell)
    return rows


@pytest.mark.parametrize(
    ("goal_head", "length"),
    [("中期目标（三年行动）", 3), ("实施期目标（2024-2026年）", 3), ("中期目标（两年）", 2)],
)
def test_a_list_s_period_goal_header_names_every_project_s_term(
    goal_head: str, length: int
) -> None:
    for read in (tsv_document, sheet_document):
        document = read(_list(goal_head))
        (project,) = document.projects
        assert document.layout.startswith("national-list")
        assert project.term_length == length
        assert lint(document, ["annual-period-mismatch"]) == []


@pytest.mark.parametrize("goal_head", ["中期目标", "中期目标（2025年）"])
def test_a_list_header_without_a_term_leaves_it_unknown(goal_head: str) -> None:
    """Near miss: no term in the header, or one year: the annual share is
    still compared."""
    document = tsv_document(_list(goal_head))
    (project,) = document.projects
    assert project.term is None
    assert len(lint(document, ["annual-period-mismatch"])) == 1


def test_a_project_s_own_term_wins_over_the_header_s() -> None:
    (project,) = tsv_document(_list("中期目标（三年行动）", term="2025年")).projects
    assert project.term_length == 1
