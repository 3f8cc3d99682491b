"""A number without a unit under a 时效 indicator (``援助申请审查时限 ≤7``):
one defect, the missing unit (``missing-unit``: 7 天? 7 个工作日?), reported
once; ``deadline-not-concrete`` keeps the limits that name no time at all
(``尽快``) and stands down for the number ``missing-unit`` owns."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_config
from tests.conftest import config_with, lint, project_row, tsv_table

RULES = ("missing-unit", "deadline-not-concrete")


def table(level: str, name: str, value: str) -> str:
    indicators = f"1、1-产出指标；{level}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    return tsv_table([project_row("法律援助经费", indicators)])


def found(level: str, name: str, value: str) -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt or "") for f in lint(table(level, name, value), RULES)]


def test_a_bare_limit_is_one_missing_unit() -> None:
    assert found("13-时效指标", "援助申请审查时限", "≤7") == [("missing-unit", "≤7")]


@pytest.mark.parametrize(
    "name, value",
    [
        ("援助申请审查时限", "≤7个工作日"),
        ("援助申请审查时限", "7个工作日内"),
        ("项目完成时间", "2025年底前"),
        ("援助申请办结及时率", "≥95%"),
    ],
)
def test_a_concrete_limit_is_quiet(name: str, value: str) -> None:
    assert found("13-时效指标", name, value) == []


@pytest.mark.parametrize(
    "value, rule",
    [
        ("每月按时拨付", "deadline-not-concrete"),
        ("2次", "deadline-not-concrete"),
        # zero needs no unit: no missing-unit, so the deadline rule still says
        # 0 sets no time
        ("0", "deadline-not-concrete"),
        # nothing measurable at all: not-quantified's, as before
        ("尽快", "not-quantified"),
    ],
)
def test_a_limit_that_names_no_time_keeps_its_rule(value: str, rule: str) -> None:
    text = table("13-时效指标", "援助资金拨付时效", value)
    assert [f.rule for f in lint(text, (*RULES, "not-quantified"))] == [rule]


def test_a_bare_count_elsewhere_is_still_missing_unit() -> None:
    assert found("11-数量指标", "举办法律援助宣传活动", "≥8") == [("missing-unit", "≥8")]


def test_a_year_where_the_date_belongs_is_no_missing_unit() -> None:
    # 2025 is a year, not a number without its unit: missing-unit leaves it,
    # and the deadline rule still says it is no concrete limit
    assert [rule for rule, _ in found("13-时效指标", "项目完成时间", "2025")] in (
        [],
        ["deadline-not-concrete"],
    )


def test_the_deadline_rule_alone_stands_down_too() -> None:
    # the precedence is decided in the facts: --select gives the same result
    text = table("13-时效指标", "援助申请审查时限", "≤7")
    assert lint(text, ["deadline-not-concrete"]) == []
    assert [f.rule for f in lint(text, ["missing-unit"])] == ["missing-unit"]


def test_seed_002_response_time_is_one_missing_unit() -> None:
    # 002 line 481: 广州市轻工技师学院2023年网络安全升级项目, 响应时间 <=3
    indicators = "2、1-产出指标；13-时效指标；响应时间；实施周期指标值:<=3；年度指标值:<=3。"
    text = tsv_table([project_row("网络安全升级项目", indicators)])
    assert [(f.rule, f.excerpt) for f in lint(text, RULES)] == [("missing-unit", "<=3")]


@pytest.mark.parametrize("value", ["0", "≤0", "=0"])
def test_a_time_limit_of_zero_is_said_to_be_none(value: str) -> None:
    """0 needs no unit, so "没有单位" misses the point: a time limit of 0
    is no time limit at all, said so in both languages."""
    text = table("13-时效指标", "援助申请审查时限", value)
    [finding] = lint(text, ["deadline-not-concrete"])
    assert f"「{value}」时限为 0，不是一个期限" in finding.message
    assert "没有单位" not in finding.message
    english = load_config(None, discover=False)
    english.lang = "en"
    [finding] = lint(text, ["deadline-not-concrete"], config=english)
    assert "is a time limit of 0, which is no time limit" in finding.message


def test_a_count_of_none_under_a_timeliness_name_is_a_count() -> None:
    """超期办结件数 0 is a count of overdue cases, no time limit of 0: said
    to be a count filed under 时效."""
    text = table("13-时效指标", "超期办结件数", "0")
    [finding] = lint(text, ["deadline-not-concrete"])
    assert "是计数，不是时限" in finding.message


@pytest.mark.parametrize("value", ["0个工作日", "当日办结", "≤0.5天"])
def test_a_limit_of_zero_days_or_the_same_day_is_concrete(value: str) -> None:
    assert lint(table("13-时效指标", "援助申请审查时限", value), RULES) == []


def test_with_missing_unit_turned_off_the_deadline_rule_reports_the_bare_limit(
    tmp_path: Path,
) -> None:
    """An owner the configuration turns off passes its defect on: the bare
    ≤7 is still a time limit without its unit, and deadline-not-concrete
    says so."""
    config = config_with(tmp_path, "extends: default\nrules:\n  missing-unit: false\n")
    text = table("13-时效指标", "援助申请审查时限", "≤7")
    [finding] = [f for f in lint(text, None, config) if f.rule in RULES]
    assert (finding.rule, finding.excerpt) == ("deadline-not-concrete", "≤7")
    assert "没有单位：应写明期限的单位" in finding.message


def test_select_and_ignore_never_pass_a_defect_on(tmp_path: Path) -> None:
    """--select and --ignore choose what a run shows, not who owns what: a
    run of deadline-not-concrete alone stays quiet on the bare ≤7, and a
    configuration that turns missing-unit off but a --select that names it
    gets missing-unit's one finding."""
    text = table("13-时效指标", "援助申请审查时限", "≤7")
    config = load_config(None, discover=False)
    config.deselect = {"missing-unit"}  # --ignore missing-unit
    assert [f.rule for f in lint(text, None, config) if f.rule in RULES] == []
    config = config_with(tmp_path, "extends: default\nrules:\n  missing-unit: false\n")
    assert [f.rule for f in lint(text, RULES, config)] == ["missing-unit"]
