"""Common wording of Guangzhou clause cells read as a reviewer reads it: a
value that says none of the named thing happened, a schedule by the school
term or the half year, a template's year left as a mark."""

from __future__ import annotations

import pytest

from tests.conftest import lint, project_row, tsv_table

CONTENT_RULES = ["placeholder", "value-restates-name", "not-quantified", "deadline-not-concrete"]


def clause_table(category: str, name: str, value: str) -> str:
    indicators = f"1、{category}；{name}；实施周期指标值：{value}；年度指标值：{value}。"
    return tsv_table([project_row("测试项目", indicators)])


QUALITY = "1-产出指标；12-质量指标"
TIMELINESS = "1-产出指标；13-时效指标"


@pytest.mark.parametrize(
    "name, value",
    [
        ("安全生产事故", "无安全生产事故"),
        ("安全事故", "无重大安全事故"),
        ("食品安全事故", "不发生重大食品安全事故"),
        ("医疗事故", "杜绝重大医疗事故"),
        ("安全责任事故", "未发生较大及以上安全责任事故"),
    ],
)
def test_none_of_the_named_event_is_a_target_not_the_name_restated(name: str, value: str) -> None:
    assert lint(clause_table(QUALITY, name, value), CONTENT_RULES) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("社保基金安全", "维护社保基金安全"),  # filler words around the name
        ("安全事故", "安全事故"),  # the name alone
    ],
)
def test_the_name_with_filler_is_still_restated(name: str, value: str) -> None:
    findings = lint(clause_table(QUALITY, name, value), ["value-restates-name"])
    assert [f.excerpt for f in findings] == [value]


@pytest.mark.parametrize("value", ["按学期拨付", "按学年发放", "按半年度报送", "按季度拨付"])
def test_a_schedule_by_the_school_term_or_half_year_is_concrete(value: str) -> None:
    assert lint(clause_table(TIMELINESS, "补助资金拨付时间", value), CONTENT_RULES) == []


@pytest.mark.parametrize("value", ["按学期计划", "按年度计划"])
def test_a_plan_of_that_period_is_still_not_a_deadline(value: str) -> None:
    findings = lint(clause_table(TIMELINESS, "补助资金拨付时间", value), ["not-quantified"])
    assert [f.excerpt for f in findings] == [value]


@pytest.mark.parametrize("value, placeholder", [("202X年12月底前", "202X"), ("202×年底前", "202×")])
def test_a_year_left_as_a_mark_is_a_placeholder(value: str, placeholder: str) -> None:
    findings = lint(clause_table(TIMELINESS, "项目完成时间", value), ["placeholder"])
    assert [f.excerpt for f in findings] == [placeholder]


@pytest.mark.parametrize("value", ["2025年12月底前", "7×24小时", "3X3篮球赛2025年举办"])
def test_a_year_a_product_or_a_name_beside_digits_is_no_placeholder(value: str) -> None:
    assert lint(clause_table(TIMELINESS, "项目完成时间", value), ["placeholder"]) == []
