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


ECOLOGY = "2-效益指标；23-生态效益"


@pytest.mark.parametrize("name", ["空气质量优良率", "地表水水质优良率", "国考断面水质优良率"])
def test_the_quality_of_the_air_and_water_is_an_effect(name: str) -> None:
    assert lint(clause_table(ECOLOGY, name, "≥90%"), ["category-keyword-mismatch"]) == []


@pytest.mark.parametrize("name", ["设备验收合格率", "道路保洁质量优良率"])
def test_the_quality_of_an_output_filed_as_an_effect_is_still_misfiled(name: str) -> None:
    [finding] = lint(clause_table(ECOLOGY, name, "≥90%"), ["category-keyword-mismatch"])
    assert "12-质量指标" in finding.message


@pytest.mark.parametrize(
    "category, name, value",
    [
        ("4-成本指标；41-经济成本指标", "培训人数", "≥300人"),
        ("1-产出指标；14-成本指标", "设备购置数量", "≥20台"),
    ],
)
def test_a_count_filed_under_a_cost_of_money_is_misfiled(
    category: str, name: str, value: str
) -> None:
    [finding] = lint(clause_table(category, name, value), ["category-keyword-mismatch"])
    assert finding.excerpt == name
    assert "应归入11-数量指标" in finding.message


@pytest.mark.parametrize(
    "category, name, value",
    [
        ("4-成本指标；41-经济成本指标", "人均培训费用", "≤300元/人"),  # money per head
        ("4-成本指标；42-社会成本指标", "群众投诉次数", "≤5次"),  # a burden counts
        ("4-成本指标；43-生态环境成本指标", "超标排放次数", "0次"),
        ("1-产出指标；11-数量指标", "培训人数", "≥300人"),
    ],
)
def test_money_a_burden_or_a_count_where_it_belongs_is_not(
    category: str, name: str, value: str
) -> None:
    assert lint(clause_table(category, name, value), ["category-keyword-mismatch"]) == []
