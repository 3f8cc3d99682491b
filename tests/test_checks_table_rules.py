"""Rules over a project's indicators as a whole, in the national template and
the Guangzhou table: the same value pasted on unrelated indicators
(boilerplate-value), weights that do not add up (weight-sum), template rows
left empty (empty-row) and an annual goal copied from the period goal
(goal-copied). Each with cases that must fire and near misses that must not."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document, Finding
from audit.pipeline import load_text
from tests.conftest import SEED_002, config_with, lint, lint_rule
from tests.labels import guangzhou_text, national_list_text, national_text

FORM_GOAL = "三年内完成辖区居民健康档案规范化管理，每年开展健康教育讲座，提高居民健康素养。"
LIST_GOAL = "完成全市农村公路日常养护，及时修复病害路段，保障道路安全畅通。"


def form(grid: list[str], **fields: str) -> Document:
    return load_text(national_text({"grid": grid, **fields}), "national.tsv")


def listing(rows: list[str], **fields: str) -> Document:
    return load_text(national_list_text({"rows": rows, **fields}), "national-list.tsv")


def clauses(*clauses: str) -> str:
    return guangzhou_text({"indicators": "".join(clauses)})


def only(document: Document, rule: str, config=None) -> list[Finding]:  # type: ignore[no-untyped-def]
    findings = lint(document, [rule], config)
    assert all(f.rule == rule for f in findings)
    return findings


def list_row(name: str, weight: str, first: bool = False) -> str:
    project = f"某市公路事务中心 | 农村公路养护经费 | 120.00 | {LIST_GOAL}" if first else " | | | "
    return f"{project} | 产出指标 | 数量指标 | {name} | ≥ | 350 | 公里 | {weight} | 正向"


# --------------------------------------------------------------------------
# boilerplate-value

PASTED_FORM = [
    "产出指标 | 数量指标 | 健康讲座场次 | ≥95% | ≥95%",
    " | 质量指标 | 档案规范率 | ≥95% | ≥95%",
    " | 时效指标 | 讲座按时完成 | ≥95% | ≥95%",
    "效益指标 | 社会效益指标 | 居民健康素养提升 | ≥95% | ≥95%",
    "满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥95% | ≥95%",
]


def test_boilerplate_is_reported_once_per_project_with_the_count() -> None:
    (finding,) = only(form(PASTED_FORM), "boilerplate-value")
    assert finding.project == "社区公共卫生服务经费"
    assert finding.clause is None and finding.excerpt == "≥95%"
    assert "重复填写在5条指标上" in finding.message
    assert "健康讲座场次、档案规范率、讲座按时完成、居民健康素养提升…" in finding.message
    assert finding.severity == "warning"


def test_boilerplate_points_at_its_first_appearance() -> None:
    (finding,) = only(form(PASTED_FORM), "boilerplate-value")
    line = (
        national_text({"grid": PASTED_FORM})
        .splitlines()
        .index("产出指标\t数量指标\t健康讲座场次\t≥95%\t≥95%")
    )
    assert finding.line == line + 1


def test_the_same_target_written_two_ways_counts_as_one() -> None:
    grid = [
        "产出指标 | 数量指标 | 健康讲座场次 | 95%或以上 | 95%或以上",
        " | 时效指标 | 讲座按时完成 | ≥95% | ≥95%",
        "效益指标 | 社会效益指标 | 居民健康素养提升 | 不低于95% | 不低于95%",
    ]
    (finding,) = only(form(grid), "boilerplate-value")
    assert "3条指标" in finding.message


def test_pasted_words_count_too() -> None:
    text = clauses(
        "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:有效提升；年度指标值:有效提升。",
        "2、1-产出指标；13-时效指标；培训完成时间；实施周期指标值:有效提升；年度指标值:有效提升。",
        "3、2-效益指标；22-社会效益；促进稳定就业；实施周期指标值:有效提升；年度指标值:有效提升。",
    )
    (finding,) = lint_rule(text, "boilerplate-value")
    assert finding.excerpt == "有效提升"


def test_a_percentage_on_rates_and_satisfaction_levels_is_natural() -> None:
    grid = [
        "产出指标 | 质量指标 | 档案规范率 | ≥90% | ≥90%",
        " | 时效指标 | 讲座按时完成率 | ≥90% | ≥90%",
        "效益指标 | 社会效益指标 | 居民健康知识知晓率 | ≥90% | ≥90%",
        "满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% | ≥90%",
        " | | 家属满意度 | ≥90% | ≥90%",
    ]
    assert only(form(grid), "boilerplate-value") == []


def test_a_paste_is_one_finding_not_one_per_misfit() -> None:
    # ≥95% on a count, a deadline, a unit cost, a rate and a satisfaction level:
    # the paste is reported once, and the count and the cost are not reported
    # again as a percentage of the wrong kind or a cost given a floor.
    text = clauses(
        "1、1-产出指标；11-数量指标；监督检查单位数量；实施周期指标值:≥95%；年度指标值:≥95%。",
        "2、1-产出指标；13-时效指标；案件办结时间；实施周期指标值:≥95%；年度指标值:≥95%。",
        "3、4-成本指标；41-经济成本指标；单次检查成本；实施周期指标值:≥95%；年度指标值:≥95%。",
        "4、2-效益指标；22-社会效益；被监督单位卫生许可持证率；实施周期指标值:≥95%；年度指标值:≥95%。",
        "5、3-满意度指标；31-服务对象满意度；被监督单位满意度；实施周期指标值:≥95%；年度指标值:≥95%。",
    )
    assert [f.rule for f in lint(load_text(text, "table.txt"))] == ["boilerplate-value"]


def test_below_the_thresholds_each_misfit_is_its_own_finding() -> None:
    # Two indicators only: no paste, and each value is judged on its own.
    text = clauses(
        "1、1-产出指标；11-数量指标；监督检查单位数量；实施周期指标值:≥95%；年度指标值:≥95%。",
        "2、4-成本指标；41-经济成本指标；单次检查成本；实施周期指标值:≥95%；年度指标值:≥95%。",
        "3、3-满意度指标；31-服务对象满意度；被监督单位满意度；实施周期指标值:≥90%；年度指标值:≥90%。",
    )
    rules = [f.rule for f in lint(load_text(text, "table.txt"))]
    assert "boilerplate-value" not in rules
    assert rules.count("value-type-mismatch") == 2


def test_an_indicator_a_pasted_value_fits_is_still_judged() -> None:
    # ≥50% pasted everywhere fits the satisfaction level as a percentage, so the
    # paste does not own it: it is still a satisfaction target set too low.
    text = clauses(
        "1、1-产出指标；11-数量指标；监督检查单位数量；实施周期指标值:≥50%；年度指标值:≥50%。",
        "2、1-产出指标；13-时效指标；案件办结时间；实施周期指标值:≥50%；年度指标值:≥50%。",
        "3、2-效益指标；22-社会效益；群众健康意识；实施周期指标值:≥50%；年度指标值:≥50%。",
        "4、3-满意度指标；31-服务对象满意度；被监督单位满意度；实施周期指标值:≥50%；年度指标值:≥50%。",
    )
    rules = [f.rule for f in lint(load_text(text, "table.txt"))]
    assert rules.count("boilerplate-value") == 1
    assert "satisfaction-target" in rules
    assert "value-type-mismatch" not in rules


def test_the_same_value_within_one_category_is_not_boilerplate() -> None:
    grid = [
        "产出指标 | 数量指标 | 健康讲座场次 | ≥12 | ≥12",
        " | | 义诊活动场次 | ≥12 | ≥12",
        " | | 入户随访次数 | ≥12 | ≥12",
        " | | 宣传活动场次 | ≥12 | ≥12",
    ]
    assert only(form(grid), "boilerplate-value") == []


def test_two_indicators_are_too_few() -> None:
    grid = [
        "产出指标 | 数量指标 | 健康讲座场次 | ≥95% | ≥95%",
        "效益指标 | 社会效益指标 | 居民健康素养提升 | ≥95% | ≥95%",
        "满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% | ≥90%",
    ]
    assert only(form(grid), "boilerplate-value") == []


def test_a_value_pasted_on_rates_and_counts_alike() -> None:
    """≥95% on two head counts, a rate, a share and a satisfaction level: the
    counts show it was pasted, not chosen."""
    grid = [
        "产出指标 | 数量指标 | 健康讲座场次 | ≥95% | ≥95%",
        " | | 健康档案更新份数 | ≥95% | ≥95%",
        " | 质量指标 | 档案规范率 | ≥95% | ≥95%",
        "效益指标 | 社会效益指标 | 居民健康知识知晓率 | ≥95% | ≥95%",
        "满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥95% | ≥95%",
    ]
    assert len(only(form(grid), "boilerplate-value")) == 1
    one_count = [grid[0], *grid[2:]]
    assert only(form(one_count), "boilerplate-value") == []


def test_words_after_the_number_make_another_value() -> None:
    text = clauses(
        "1、1-产出指标；11-数量指标；维修计划完成；实施周期指标值:100%；年度指标值:100%。",
        "2、1-产出指标；13-时效指标；项目竣工时间；实施周期指标值:100%依照合同期限完成竣工验收；"
        "年度指标值:100%依照合同期限完成竣工验收。",
        "3、2-效益指标；22-社会效益；校园形象提升；实施周期指标值:100%；年度指标值:100%。",
    )
    assert lint_rule(text, "boilerplate-value") == []


def test_a_value_pasted_across_a_table_is_reported_once_for_the_table() -> None:
    """Two indicators a project, too few for any project, but the same ≥95%
    on every indicator of the table."""
    rows = []
    for name in ("农村公路养护经费", "道路运输安全检查", "港口设施维护"):
        rows += [
            f"某市交通运输局 | {name} | 30.00 | {LIST_GOAL} | 产出指标 | 数量指标 | 检查企业数 | ≥ "
            "| 95 | % | 50 | 正向",
            " | | | | 效益指标 | 社会效益指标 | 维护社会稳定 | ≥ | 95 | % | 50 | 正向",
        ]
    rows[-1] = rows[-1].replace("社会效益指标 | 维护社会稳定", "生态效益指标 | 保护生态环境")
    (finding,) = only(listing(rows), "boilerplate-value")
    assert finding.project is None and finding.unit is None
    assert "重复填写在3个项目的6条指标上（占全表指标的100%）" in finding.message


def test_the_share_of_the_table_is_an_option(tmp_path: Path) -> None:
    rows = [
        f"某市交通运输局 | 农村公路养护经费 | 30.00 | {LIST_GOAL} | 产出指标 | 数量指标 | 养护里程 "
        "| ≥ | 95 | 公里 | 50 | 正向",
        " | | | | 效益指标 | 社会效益指标 | 维护社会稳定 | ≥ | 95 | 公里 | 50 | 正向",
        f" | 道路运输安全检查 | 30.00 | {LIST_GOAL} | 产出指标 | 时效指标 | 检查完成时间 | ≥ | 95 "
        "| 公里 | 50 | 正向",
        " | | | | 满意度指标 | 服务对象满意度指标 | 企业满意度 | ≥ | 90 | % | 50 | 正向",
    ]
    (finding,) = only(listing(rows), "boilerplate-value")  # 3 of 4: 75%
    assert "占全表指标的75%" in finding.message
    most = config_with(tmp_path, "rules:\n  boilerplate-value:\n    table_share: 0.8\n")
    assert only(listing(rows), "boilerplate-value", most) == []


# No name here asks for a percentage: a rate, a satisfaction level or a state
# reached (按时完成, 档案规范) would take ≥95% as its own target.
CATEGORIES = [
    ("产出指标", "数量指标", "讲座场次"),
    ("产出指标", "时效指标", "讲座完成时间"),
    ("产出指标", "质量指标", "档案更新份数"),
    ("效益指标", "社会效益指标", "居民健康素养提升"),
    ("效益指标", "生态效益指标", "医疗废物处置量"),
    ("满意度指标", "服务对象满意度指标", "居民评价"),
]


@given(st.permutations(CATEGORIES), st.integers(min_value=3, max_value=6))
def test_one_value_on_unrelated_indicators_is_reported_once_in_any_order(
    rows: list[tuple[str, str, str]], count: int
) -> None:
    grid = [f"{a} | {b} | {name} | ≥95% | ≥95%" for a, b, name in rows[:count]]
    assert len(only(form(grid), "boilerplate-value")) == 1


@given(st.permutations(CATEGORIES))
def test_distinct_values_are_never_boilerplate(rows: list[tuple[str, str, str]]) -> None:
    grid = [f"{a} | {b} | {name} | ≥{90 + i}% | ≥{90 + i}%" for i, (a, b, name) in enumerate(rows)]
    assert only(form(grid), "boilerplate-value") == []


def test_placeholders_pasted_everywhere_are_the_placeholder_rule_s() -> None:
    grid = [
        "产出指标 | 数量指标 | 健康讲座场次 | 待补充 | 待补充",
        " | 时效指标 | 讲座按时完成 | 待补充 | 待补充",
        "效益指标 | 社会效益指标 | 居民健康素养提升 | 待补充 | 待补充",
    ]
    assert only(form(grid), "boilerplate-value") == []


def test_thresholds_are_options(tmp_path: Path) -> None:
    grid = PASTED_FORM[:1] + PASTED_FORM[3:4]  # two indicators, two categories
    loose = config_with(
        tmp_path,
        "rules:\n  boilerplate-value:\n    min_indicators: 2\n    min_categories: 2\n",
    )
    assert only(form(grid), "boilerplate-value") == []
    assert len(only(form(grid), "boilerplate-value", loose)) == 1
    strict = config_with(tmp_path, "rules:\n  boilerplate-value:\n    min_categories: 6\n")
    assert only(form(PASTED_FORM), "boilerplate-value", strict) == []
    fitting = config_with(tmp_path, "rules:\n  boilerplate-value:\n    min_misfits: 4\n")
    assert only(form(PASTED_FORM), "boilerplate-value", fitting) == []  # 3 misfits


def test_seed_002_boilerplate_is_pasted_text_not_rates() -> None:
    """In the 2024 table 100% stands on many pass rates (natural); the two
    projects reported paste one value on indicators it cannot measure."""
    findings = lint(SEED_002, ["boilerplate-value"])
    assert [(f.project, f.excerpt) for f in findings] == [
        ("市属行业党委工作经费", "民办技工学校党支部书记"),
        ("广州市人事服务中心2024年度信息化新建项目", "100%"),
    ]


# --------------------------------------------------------------------------
# weight-sum


def weighted(*weights: str) -> Document:
    names = ["养护里程", "路面优良率", "病害修复及时率", "群众出行条件", "沿线群众满意度"]
    rows = [list_row(names[i], w, first=i == 0) for i, w in enumerate(weights)]
    return listing(rows)


@pytest.mark.parametrize(
    "weights, total",
    [(("30", "30", "30", "30"), "120"), (("20", "20", "20"), "60"), (("40", "30", "25"), "95")],
)
def test_weights_that_miss_the_total(weights: tuple[str, ...], total: str) -> None:
    (finding,) = only(weighted(*weights), "weight-sum")
    assert f"权重合计{total}" in finding.message
    assert finding.project == "农村公路养护经费" and finding.field == "weight"


@pytest.mark.parametrize(
    "weights",
    [
        ("40", "30", "30"),
        ("20", "20", "10", "20", "20"),  # 90: 10 kept for budget execution
        ("33.3", "33.3", "33.4"),
        ("33.33", "33.33", "33.33"),  # 99.99: within three roundings of 0.005
        ("50%", "50%"),
        ("60分", "40分"),
    ],
)
def test_weights_that_add_up(weights: tuple[str, ...]) -> None:
    assert only(weighted(*weights), "weight-sum") == []


def test_whole_weights_are_not_given_rounding_slack() -> None:
    (finding,) = only(weighted("33", "33", "33"), "weight-sum")
    assert "相差1" in finding.message


def test_a_missing_weight_is_named() -> None:
    (finding,) = only(weighted("40", "20", "", "20"), "weight-sum")
    assert finding.message == "第3条指标没有填写权重，其余3条合计80"


def test_a_weight_that_is_no_number() -> None:
    (finding,) = only(weighted("40", "三十", "30"), "weight-sum")
    assert "「三十」不是数字" in finding.message and finding.clause == 2


def test_a_list_without_weights_is_not_checked() -> None:
    assert only(weighted("", ""), "weight-sum") == []


def with_total(stated: str, *weights: str) -> Document:
    names = ["养护里程", "路面优良率", "病害修复及时率", "群众出行条件"]
    rows = [list_row(names[i], w, first=i == 0) for i, w in enumerate(weights)]
    rows.append(f"合计 | | | | | | | | | | {stated} | ")
    return listing(rows)


def test_a_stated_total_is_the_total() -> None:
    (finding,) = only(with_total("100", "30", "30", "30"), "weight-sum")
    assert finding.message == "3条指标的权重合计90，不等于表中写明的总分100（相差10）"
    assert finding.excerpt == "100"
    assert only(with_total("80", "40", "40"), "weight-sum") == []  # 80 is no usual total


def test_a_total_row_is_no_indicator_and_no_empty_row() -> None:
    document = with_total("100", "50", "50")
    (project,) = document.projects
    assert [cells.is_total for cells in project.cells] == [False, False, True]
    assert len(project.clauses) == 2
    assert lint(document, ["empty-row", "missing-field", "empty-value", "weight-sum"]) == []
    assert [unit.title for unit in document.units] == ["某市公路事务中心"]


def test_a_form_states_its_total_in_its_grid() -> None:
    text = national_text({"grid": ["产出指标 | 数量指标 | 体检人数 | ≥5000人 | ≥5000人"]})
    text = text.replace("年度指标值\n", "年度指标值\t分值\n").replace("≥5000人\n", "≥5000人\t60\n")
    text += "总分\t\t\t\t\t100\n"
    (finding,) = only(load_text(text, "national.tsv"), "weight-sum")
    assert "不等于表中写明的总分100（相差40）" in finding.message


def test_the_totals_are_an_option(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  weight-sum:\n    totals: [60]\n")
    assert only(weighted("20", "20", "20"), "weight-sum", config) == []
    assert len(only(weighted("40", "30", "30"), "weight-sum", config)) == 1


def test_the_totals_option_is_validated(tmp_path: Path) -> None:
    from audit.config import ConfigError

    with pytest.raises(ConfigError, match=r"totals\.0: must be an amount above zero, got .百."):
        config_with(tmp_path, "rules:\n  weight-sum:\n    totals: [百]\n")


@given(st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=5))
def test_whole_weights_fire_exactly_when_their_sum_is_no_total(weights: list[int]) -> None:
    found = only(weighted(*map(str, weights)), "weight-sum")
    assert bool(found) == (sum(weights) not in (90, 100))


def test_rounding_slack_is_half_the_last_digit_of_each_decimal_weight() -> None:
    from audit.checks.weight_sum import rounding

    assert rounding([Decimal("33.33")] * 3) == Decimal("0.015")
    assert rounding([Decimal("40"), Decimal("33.3")]) == Decimal("0.05")


# --------------------------------------------------------------------------
# empty-row


def test_template_rows_are_reported_one_by_one() -> None:
    grid = [
        "产出指标 | 数量指标 | 体检人数 | ≥5000人 | ≥5000人",
        "效益指标 | 经济效益指标 | | |",
        " | 可持续影响指标 | | |",
    ]
    findings = only(form(grid), "empty-row")
    assert [(f.clause, f.excerpt) for f in findings] == [(2, "经济效益指标"), (3, "可持续影响指标")]


def test_a_template_row_is_no_indicator_for_the_field_rules() -> None:
    grid = ["产出指标 | 数量指标 | 体检人数 | ≥5000人 | ≥5000人", "效益指标 | 生态效益指标 | | |"]
    findings = lint(form(grid), ["empty-row", "missing-field", "empty-value"])
    assert [f.rule for f in findings] == ["empty-row"]


def test_a_list_row_with_categories_only() -> None:
    rows = [list_row("养护里程", "100", first=True), " | | | | 效益指标 | 生态效益指标 | | | | | |"]
    (finding,) = only(listing(rows), "empty-row")
    assert finding.clause == 2


def test_a_category_written_above_its_indicators_is_a_heading() -> None:
    """一级/二级 on a row of its own, its indicators below inheriting it: the
    merged cell written once, not a row left empty."""
    grid = [
        "产出指标 | 数量指标 | | |",
        " | | 健康讲座场次 | ≥36场 | ≥12场",
        " | | 健康档案更新份数 | ≥30000份 | ≥10000份",
    ]
    assert only(form(grid), "empty-row") == []


def test_a_list_category_written_above_its_indicators_is_a_heading() -> None:
    rows = [
        list_row("养护里程", "50", first=True),
        " | | | | 效益指标 | 社会效益指标 | | | | | |",
        " | | | | | | 群众出行条件 | 定性 | 明显改善 | | 50 | 正向",
    ]
    document = listing(rows)
    assert only(document, "empty-row") == []
    assert [c.name for c in document.projects[0].clauses] == ["养护里程", "群众出行条件"]


def test_a_name_without_values_is_not_a_template_row() -> None:
    grid = ["产出指标 | 数量指标 | 体检人数 | ≥5000人 | ≥5000人", " | 时效指标 | 体检完成时间 | |"]
    assert only(form(grid), "empty-row") == []


# --------------------------------------------------------------------------
# goal-copied

SAME = "建成全区智慧养老服务平台，实现养老服务资源统一调度，提升养老服务质量。"


def test_a_multi_year_project_whose_annual_goal_is_the_period_goal() -> None:
    (finding,) = only(
        form(
            ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
            term="2024.01-2026.12",
            period_goal=SAME,
            goal=SAME,
        ),
        "goal-copied",
    )
    assert finding.field == "goal" and "2024—2026年" in finding.message


def test_a_nearly_copied_goal_is_reported_with_its_similarity() -> None:
    goal = SAME.replace("提升", "提高")
    (finding,) = only(
        form(
            ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
            term="2024年-2026年",
            period_goal=SAME,
            goal=goal,
        ),
        "goal-copied",
    )
    assert "相似度0.9" in finding.message


def test_similarity_is_an_option(tmp_path: Path) -> None:
    goal = SAME.replace("提升", "提高")
    config = config_with(tmp_path, "rules:\n  goal-copied:\n    min_similarity: 1\n")
    document = form(
        ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
        term="2024.01-2026.12",
        period_goal=SAME,
        goal=goal,
    )
    assert only(document, "goal-copied", config) == []


def test_long_goals_are_compared_by_their_opening() -> None:
    """Goals of thousands of characters: a copy with a word changed near its
    end is still reported, two different ones and a goal of a tenth of the
    other's length are not (the length bound decides before any matching)."""
    other = "开展老年人健康体检，建立健康档案，提供家庭医生签约服务，组织健康讲座。"
    long_goal = SAME * 160  # about 6,000 characters
    near = long_goal[:-20] + "提高养老服务质量与效率，完善机制。"
    cases = [(near, 1), (other * 160, 0), (SAME * 16, 0)]
    for goal, expected in cases:
        document = form(
            ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
            term="2024.01-2026.12",
            period_goal=long_goal,
            goal=goal,
        )
        assert len(only(document, "goal-copied")) == expected


def test_goals_differing_only_after_their_compared_opening_are_not_called_identical() -> None:
    long_goal = SAME * 40  # about 1,500 characters: more than the opening compared
    changed = long_goal[:-20] + "提高养老服务质量与效率，完善机制。"
    (finding,) = only(
        form(
            ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
            term="2024.01-2026.12",
            period_goal=long_goal,
            goal=changed,
        ),
        "goal-copied",
    )
    assert "相似度0.99" in finding.message


@pytest.mark.parametrize("term", ["2025.01-2025.12", "2025年", ""])
def test_one_year_or_no_term_is_not_reported(term: str) -> None:
    document = form(
        ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"], term=term, period_goal=SAME, goal=SAME
    )
    assert only(document, "goal-copied") == []


def test_a_multi_year_name_without_a_term() -> None:
    document = form(
        ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
        name="2024-2026年智慧养老服务平台建设",
        term="",
        period_goal=SAME,
        goal=SAME,
    )
    assert len(only(document, "goal-copied")) == 1


@pytest.mark.parametrize(
    "name, copied",
    [
        ("二〇二四—二〇二六年智慧养老服务平台建设", 1),  # a span in Chinese numerals
        ("智慧养老服务平台建设（二〇二四年至二〇二六年）", 1),
        ("二〇二四年智慧养老服务平台建设", 0),  # one year
    ],
)
def test_a_name_dated_in_chinese_numerals(name: str, copied: int) -> None:
    document = form(
        ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
        name=name,
        term="",
        period_goal=SAME,
        goal=SAME,
    )
    found = only(document, "goal-copied")
    assert len(found) == copied
    assert all("2024—2026年" in f.message for f in found)


def test_only_a_period_goal_stands_in_for_the_annual_one() -> None:
    text = national_text(
        {
            "grid": ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
            "term": "2024.01-2026.12",
            "period_goal": SAME,
            "goal": "",
        }
    )
    # A form without the 年度目标 label: its period goal stands in.
    unlabelled = text.replace("\t年度目标\t", "\t\t")
    assert unlabelled != text
    document = load_text(unlabelled, "national.tsv")
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == SAME
    assert only(document, "goal-copied") == []
    # The label there and its cell left blank: no goal, which missing-goal reports.
    document = load_text(text, "national.tsv")
    (project,) = document.projects
    assert project.goal is None
    assert only(document, "goal-copied") == []
    assert [f.rule for f in only(document, "missing-goal")] == ["missing-goal"]


def test_distinct_goals_are_not_copied() -> None:
    document = form(
        ["产出指标 | 数量指标 | 接入机构数 | ≥30家 | ≥10家"],
        term="2025.01-2027.12",
        period_goal=FORM_GOAL,
        goal="本年度更新辖区居民健康档案一万份，开展健康讲座十二场。",
    )
    assert only(document, "goal-copied") == []


def projects_weighted(*projects: tuple[str, ...]) -> Document:
    """A list of several projects, each with its indicators' weights."""
    names = ["养护里程", "路面优良率", "病害修复及时率", "群众出行条件", "沿线群众满意度"]
    rows: list[str] = []
    for index, weights in enumerate(projects, start=1):
        for i, w in enumerate(weights):
            project = (
                f"某市公路事务中心 | 第{index}批农村公路养护经费 | 120.00 | {LIST_GOAL}"
                if i == 0
                else " | | | "
            )
            rows.append(
                f"{project} | 产出指标 | 数量指标 | {names[i]} | ≥ | 350 | 公里 | {w} | 正向"
            )
    return listing(rows)


def test_the_table_settles_which_total_a_project_misses() -> None:
    """Three projects weigh to 100 and one to 90 (an 11 typed 1): 90 is a
    usual total, but not this table's."""
    document = projects_weighted(
        ("30", "30", "20", "20"),
        ("40", "30", "30"),
        ("25", "25", "25", "25"),
        ("30", "30", "1", "29"),
    )
    (finding,) = only(document, "weight-sum")
    assert finding.project == "第4批农村公路养护经费"
    assert finding.message == "4条指标的权重合计90，不等于本表其他3个项目的总分100（相差10）"


@pytest.mark.parametrize(
    "projects",
    [
        # every project keeps 10 points aside: 90 is this table's total
        (("30", "30", "30"), ("40", "30", "20"), ("45", "45")),
        # the table mixes its totals: nothing settled, both are usual
        (("30", "30", "30"), ("50", "50"), ("40", "30", "20")),
        # one other project only: too few to settle anything
        (("50", "50"), ("30", "30", "30")),
        # a project that makes the full 100 among projects that keep 10 aside
        (("30", "30", "30"), ("40", "30", "20"), ("50", "50")),
    ],
)
def test_a_table_that_settles_no_other_total_leaves_both(
    projects: tuple[tuple[str, ...], ...],
) -> None:
    assert only(projects_weighted(*projects), "weight-sum") == []
