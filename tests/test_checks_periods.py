"""Annual versus period values: units, directions, an annual target above the
period's, one-year and multi-year projects, the same target written twice.
Clauses are copied from the seeds (line numbers given)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Document, Finding
from tests.conftest import lint, project_row, tsv_table

RULE = "annual-period-mismatch"
FIRST_ROW = 9


def found(
    indicators: str, name: str = "机构运行辅助经费", goal: str = "保障项目顺利实施。"
) -> list[Finding]:
    return lint(tsv_table([project_row(name, indicators, goal=goal)]), select=[RULE])


def clause(name: str, period: str, annual: str, category: str = "1-产出指标；11-数量指标") -> str:
    return f"1、{category}；{name}；实施周期指标值:{period}；年度指标值:{annual}。"


def summary(findings: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.severity, f.excerpt) for f in findings]


# --------------------------------------------------------------------------
# Disagreements that are errors whatever the project's span


def test_different_units_are_an_error() -> None:
    # Seed 002 line 601, clause 9.
    indicators = clause(
        "服务对象满意度", "≥90%", "全年平均不低于90分", "3-满意度指标；31-服务对象满意度"
    )
    [finding] = found(indicators)
    assert (finding.rule, finding.severity, finding.field) == (RULE, "error", "annual")
    assert finding.excerpt == "全年平均不低于90分"
    assert "单位不同（分 与 %）" in finding.message


def test_magnitudes_are_read_before_units_are_compared() -> None:
    [finding] = found(clause("城镇新增就业人数", "1.85万人", "18500人"))
    assert (finding.severity, finding.excerpt) == ("info", "18500人")


def test_opposite_comparators_are_an_error() -> None:
    [finding] = found(clause("有效投诉次数", "≤3次", "≥3次"))
    assert finding.severity == "error"
    assert "方向相反" in finding.message


def test_an_annual_count_above_the_period_is_an_error() -> None:
    # Seed 002 line 680, clause 2 (a contract's final payment: no span known).
    findings = found(
        clause("系统用户数(个)", "≥20000", "21473", "2-效益指标；22-社会效益"),
        name="数据中心扩大失业保险基金支出范围用于劳动保障信息化建设合同尾款项目",
    )
    assert summary(findings) == [("error", "21473")]
    assert "超过" in findings[0].message


def test_an_annual_count_above_the_period_is_an_error_in_a_multi_year_project() -> None:
    findings = found(clause("培训人次", "≥200人次", "≥300人次"), name="2024-2025年技能培训项目")
    assert summary(findings) == [("error", "≥300人次")]


@pytest.mark.parametrize(
    "period, annual",
    [
        ("2024-2025年累计≥4场", "≥6场"),
        ("2024年至2025年累计≥4场", "≥6场"),
        ("≥4场", "2025年≥6场"),
    ],
)
def test_an_annual_count_above_a_period_value_naming_its_years_is_an_error(
    period: str, annual: str
) -> None:
    # The years beside a measure are when it is met: the measures compare.
    [finding] = found(clause("举办劳务协作招聘活动场次", period, annual))
    assert (finding.severity, finding.excerpt) == ("error", annual)
    assert "超过实施周期指标值" in finding.message


@pytest.mark.parametrize(
    "period, annual",
    [
        # a period value naming two years is a multi-year project's: its
        # annual share may be smaller
        ("2024-2025年累计≥12场", "≥6场"),
        ("2025年≥6场", "≥6场"),
    ],
)
def test_a_period_value_naming_its_years_near_misses(period: str, annual: str) -> None:
    assert [
        f for f in found(clause("举办劳务协作招聘活动场次", period, annual)) if f.severity != "info"
    ] == []


def test_a_period_value_for_half_a_year_is_an_error() -> None:
    # Seed 002 line 615, clause 4.
    indicators = clause(
        "劳动人事争议仲裁结案率", "上半年≥60%", "全年≥95%", "1-产出指标；13-时效指标"
    )
    [finding] = found(indicators, name="仲裁院劳动人事争议仲裁委员会办案补助")
    assert (finding.severity, finding.excerpt) == ("error", "全年≥95%")
    assert "只是上半年的目标" in finding.message


# --------------------------------------------------------------------------
# One-year, multi-year and unknown spans


def test_different_targets_in_a_one_year_project_are_an_error() -> None:
    # Seed 002 line 690, clause 4: a project dated in the budget year (2024).
    name = "广州市人社数据中心2024年社保和劳监业务应用系统升级改造项目"
    text = tsv_table(
        [project_row(name, clause("系统用户数(个)", "≥100", "≥10", "2-效益指标；22-社会效益"))]
    )
    [finding] = lint(text, select=[RULE])
    assert (finding.severity, finding.field, finding.excerpt) == ("error", "annual", "≥10")
    row = text.split("\n")[FIRST_ROW - 1]
    assert (finding.line, finding.column) == (FIRST_ROW, row.index("年度指标值:≥10") + 7)
    assert "单年度项目" in finding.message


@pytest.mark.parametrize(
    "name, goal",
    [
        ("广州市技师学院2023年-2024年信息化运维项目", "保障信息系统正常运行。"),
        ("广州市技师学院2024年-2025年信息化运维项目", "保障信息系统正常运行。"),
        ("信息化运维项目", "2023年至2025年对全院信息系统进行运维。"),
        ("广州市技师学院2023-2024年信息化运维项目", "保障信息系统正常运行。"),
        # Seed 002 line 659: a project dated before the budget year carries on.
        ("广州市人社数据中心2023年六个信息系统升级改造项目", "升级改造六个信息系统。"),
    ],
)
def test_a_multi_year_project_may_have_a_smaller_annual_share(name: str, goal: str) -> None:
    indicators = (
        "1、1-产出指标；12-质量指标；系统验收合格率；实施周期指标值:100%；年度指标值:60%。"
        "2、2-效益指标；22-社会效益；试运行正常运作率；实施周期指标值:90%或以上；年度指标值:60%或以上。"
        "3、1-产出指标；11-数量指标；新增工位数量；实施周期指标值:不低于170个；年度指标值:不低于85个。"
    )
    assert found(indicators, name=name, goal=goal) == []


def test_a_smaller_annual_target_without_a_known_span_is_a_warning() -> None:
    # Seed 002 line 565, clause 2.
    findings = found(
        clause("新增工位数量", "不低于170个", "不低于85个"),
        name="市公用技师学院智慧交通系专业建设项目",
    )
    assert summary(findings) == [("warning", "不低于85个")]
    assert "写明实施期" in findings[0].message


def test_a_range_is_compared_by_its_bounds() -> None:
    # Seed 002 line 576, clause 4.
    findings = found(clause("培养教师师资队伍", "10-15人师资队伍", "8人师资队伍"))
    assert summary(findings) == [("warning", "8人师资队伍")]
    assert found(clause("培养教师师资队伍", "10-15人", "12人")) == []


# --------------------------------------------------------------------------
# The same target, and what is left to other rules


@pytest.mark.parametrize(
    "period, annual",
    [("95%", "95%或以上"), ("≥95%", "不低于95%"), ("90%", "年度满意率达90%以上")],
)
def test_the_same_target_written_differently_is_info(period: str, annual: str) -> None:
    findings = found(clause("设备使用满意率", period, annual, "2-效益指标；24-可持续影响"))
    assert summary(findings) == [("info", annual)]
    assert "同一目标的不同写法" in findings[0].message


TIMELY = "1-产出指标；13-时效指标"


@pytest.mark.parametrize(
    "period, annual",
    [
        ("≤48小时", "≤2天"),
        ("≤7日", "≤7天"),
        ("30分钟内到场", "≤0.5小时"),
        ("≤2个月", "≤60天"),
        ("≤1个季度", "≤3个月"),
        ("≤1年", "≤365天"),
        ("24个月", "2年"),
        ("≤1周", "≤7个自然日"),
    ],
)
def test_one_duration_in_two_units_of_time_is_the_same_target(period: str, annual: str) -> None:
    """Units of time convert as 万 and 人 do (and 日 is 天): one time limit
    written in two units is info, never ``different units``."""
    findings = found(clause("群众诉求办理时限", period, annual, TIMELY))
    assert summary(findings) == [("info", annual)]
    assert "同一目标的不同写法" in findings[0].message


@pytest.mark.parametrize(
    "period, annual, same_unit",
    [
        ("≤1天", "≤48小时", "≤2天"),
        ("≤1个月", "≤45天", "≤1.5个月"),
        ("≤1年", "≤18个月", "≤1.5年"),
    ],
)
def test_a_looser_annual_time_limit_in_another_unit_is_told_as_in_one_unit(
    period: str, annual: str, same_unit: str
) -> None:
    """Near miss: converted, the annual limit is looser than the period's,
    and is told just as it is when both are in one unit; a 工作日 is no day
    (``≤5个工作日`` is a week)."""
    findings = found(clause("群众诉求办理时限", period, annual, TIMELY))
    [alike] = found(clause("群众诉求办理时限", period, same_unit, TIMELY))
    assert [(f.severity, f.excerpt) for f in findings] == [(alike.severity, annual)]
    assert findings[0].message == alike.message.replace(same_unit, annual)
    assert "单位不同" not in findings[0].message
    [working] = found(clause("群众诉求办理时限", "≤5个工作日", "≤5天", TIMELY))
    # two units of time that do not convert: two limits, said as a warning
    assert working.severity == "warning" and "单位不同" in working.message
    [people] = found(clause("群众诉求办理人数", "≥5人", "≥5天"))
    assert people.severity == "error" and "单位不同" in people.message  # a count, a time


@pytest.mark.parametrize(
    "period, annual",
    [("≤1年", "≤340天"), ("≤2个月", "≤56天"), ("≤1个月", "≤32天"), ("≤3个月", "≤95天")],
)
def test_days_no_run_of_months_holds_are_another_duration(period: str, annual: str) -> None:
    """Near misses: no twelve months in a row hold 340 days, no two 56: the
    two values are two durations, never one target written two ways."""
    findings = found(clause("群众诉求办理时限", period, annual, TIMELY))
    assert len(findings) == 1 and "同一目标" not in findings[0].message


COST = "1-产出指标；14-成本指标"


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("设备购置成本", "≤4.5万元", "≤45000元"),  # money in 万元 and in 元
        ("人均补助标准", "≤0.15万元/人", "≤1500元/人"),
        ("值守补助标准", "≤300元/天", "≤300元/日"),  # 日 is 天 after a slash too
        ("学生伙食补助", "100元/生·月", "1200元/生·年"),  # per month and per year
        ("学生资助标准", "≤100元/学生·学期", "≤200元/学生·学年"),  # two terms a school year
        ("走访慰问经费", "≤1.5万元/人·半年", "≤3万元/人·年"),  # two halves a year
        ("设备租赁费用", "≤50元/小时", "≤1200元/天"),
        ("垃圾处理单价", "≤450万元/万吨", "≤450元/吨"),  # per 万吨 and per 吨
        ("人均培训成本", "≤1万元/千人", "≤10元/人"),
    ],
)
def test_one_amount_in_two_units_is_the_same_target(name: str, period: str, annual: str) -> None:
    """Money converts between 元, 万元 and 亿元, an amount per a period of time
    between periods, per a magnitude of a unit to per the unit: one target."""
    findings = found(clause(name, period, annual, COST))
    assert summary(findings) == [("info", annual)]
    assert "同一目标的不同写法" in findings[0].message


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("设备购置成本", "≤4.5万元", "≤4.5元"),  # converted, a thousandth of it
        ("学生伙食补助", "100元/生·月", "100元/生·年"),
        ("人均补助标准", "≤1500元/人", "≤1500元/户"),  # per another thing: no conversion
    ],
)
def test_amounts_that_differ_once_converted_still_differ(
    name: str, period: str, annual: str
) -> None:
    findings = found(clause(name, period, annual, COST))
    assert len(findings) == 1 and "同一目标" not in findings[0].message


def test_identical_values_are_not_reported() -> None:
    assert found(clause("补贴发放准确率", "≥98%", "≥98%")) == []
    assert found(clause("补贴发放准确率", "≥98%", "≥ 98%")) == []


def test_a_value_that_restates_the_name_is_left_to_value_restates_name() -> None:
    # Seed 002 line 601, clause 2.
    assert found(clause("响应及时率", "响应及时率", "不低于95%", "1-产出指标；13-时效指标")) == []


def test_a_rate_against_a_count_is_left_to_value_type_mismatch() -> None:
    # Seed 001 line 28, clause 1.
    indicators = clause("完成数量率", "100%", "完成年度任务数量的设备置换，数量为24台")
    assert found(indicators, name="购置经费") == []


def test_values_with_several_figures_are_not_compared() -> None:
    # Seed 002 line 588, clause 4.
    indicators = clause(
        "对外交流与培训次数", "出国培训、交流学习人数2人次", "出国培训1人次，观摩交流学习1人次"
    )
    assert found(indicators, name="工作经费") == []


def test_values_without_a_number_are_not_compared() -> None:
    # Seed 002 line 524, clause 2.
    indicators = clause("功能访问量", "达到预期目标", "≥10万次", "2-效益指标；24-可持续影响")
    assert found(indicators) == []


def test_dates_are_compared() -> None:
    later = clause("项目完成时间", "2024年6月30日前", "2024年11月30日前", "1-产出指标；13-时效指标")
    assert summary(found(later)) == [("error", "2024年11月30日前")]
    same = clause(
        "项目完成时间", "2024年11月30日前", "2024年11月30日前完成", "1-产出指标；13-时效指标"
    )
    assert summary(found(same)) == [("info", "2024年11月30日前完成")]


@pytest.mark.parametrize(
    ("period", "annual"),
    [
        ("2024年12月底前", "2024年12月31日前"),
        ("2024年底前", "2024年12月31日前"),
        ("2025年6月底前", "2025年6月30日前"),
        ("2024年2月底前", "2024年2月29日前"),  # a leap year
        ("2024.12.31前", "2024年12月31日前"),
    ],
)
def test_one_deadline_written_two_ways_is_the_same_target(period: str, annual: str) -> None:
    # A deadline is its last day: 12月底, 年底 and 12月31日 are one date. Only the
    # remark that the same target is written twice, never a one-year error.
    indicators = clause("资金拨付完成时间", period, annual, "1-产出指标；13-时效指标")
    assert summary(found(indicators, name="2024年就业补贴")) == [("info", annual)]


@pytest.mark.parametrize(
    ("period", "annual", "severity"),
    [
        ("2025年6月底前", "2025年6月31日前", None),  # no such day: not read as a date
        ("2023年2月底前", "2023年2月29日前", None),  # not a leap year
        ("2024年6月29日前", "2024年6月底前", "error"),  # the annual ends a day later
        ("2024年12月底前", "2024年11月30日前", "error"),  # one year, earlier annual date
    ],
)
def test_near_misses_of_one_deadline(period: str, annual: str, severity: str | None) -> None:
    indicators = clause("资金拨付完成时间", period, annual, "1-产出指标；13-时效指标")
    findings = found(indicators, name="2024年就业补贴")
    assert [f.severity for f in findings] == ([] if severity is None else [severity])


def test_dotted_dates_are_dates() -> None:
    # 2025.12.31 is a date (no number has two decimal points): compared as one,
    # and an annual share due in June is inside a multi-year project's period.
    indicators = clause(
        "改造工程完工时间", "2025.12.31前", "2025.6.30前", "1-产出指标；13-时效指标"
    )
    assert found(indicators, name="老旧小区改造经费（2024-2025年）") == []
    later = clause("改造工程完工时间", "2025.6.30前", "2025.12.31前", "1-产出指标；13-时效指标")
    assert summary(found(later)) == [("error", "2025.12.31前")]


# --------------------------------------------------------------------------
# The seeds


@pytest.fixture(scope="module")
def seed_002_periods(seed_002: Document) -> list[Finding]:
    return lint(seed_002, select=[RULE])


def test_seed_002_real_period_defects_are_found(seed_002_periods: list[Finding]) -> None:
    found_ = {(f.line, f.severity, f.excerpt) for f in seed_002_periods}
    assert (690, "error", "≥10") in found_  # ≥100 against ≥10, a 2024 project
    assert (680, "error", "21473") in found_  # above ≥20000
    assert (601, "error", "全年平均不低于90分") in found_  # % against 分
    assert (615, "error", "全年≥95%") in found_  # 上半年≥60%
    assert (157, "info", "95%或以上") in found_


def test_seed_002_multi_year_shares_are_not_reported(seed_002_periods: list[Finding]) -> None:
    # Line 659: 广州市人社数据中心2023年六个信息系统升级改造项目, 100% against 60%.
    assert not [f for f in seed_002_periods if f.line == 659 and f.severity != "info"]


def test_seed_001_and_004_findings(seed_001: Document, seed_004: Document) -> None:
    findings = lint(seed_001, select=[RULE])
    assert not [f for f in findings if f.line == 28 and f.clause == 1]
    assert lint(seed_004, select=[RULE]) == []


# --------------------------------------------------------------------------
# A unit in one value only: the unit was lost, the two disagree in unit

SURVEY = "完成250家以上企业薪酬调查。"  # seed 002 line 90, clause 3


def both_rules(indicators: str, name: str = "机构运行辅助经费") -> list[Finding]:
    rules = [RULE, "missing-unit"]
    return lint(tsv_table([project_row(name, indicators, goal="保障项目顺利实施。")]), select=rules)


@pytest.mark.parametrize(
    ("period", "annual", "field", "excerpt"),
    [
        ("250家或以上", "250或以上", "annual", "250或以上"),
        ("250或以上", "250家或以上", "period", "250或以上"),
    ],
)
def test_a_unit_lost_from_one_value_is_an_error_at_that_value(
    period: str, annual: str, field: str, excerpt: str
) -> None:
    [finding] = both_rules(clause(SURVEY, period, annual))
    assert (finding.rule, finding.severity, finding.field) == (RULE, "error", field)
    assert finding.excerpt == excerpt
    assert "没有计量单位" in finding.message and "「家」" in finding.message


def test_a_lost_wan_in_a_multi_year_share_is_a_unit_disagreement() -> None:
    # Seed 001: 享受社会保险补贴人数 ≥1.7万人次; the annual share lost its 万人次.
    indicators = clause("享受社会保险补贴人数", "≥1.7万人次", "≥0.6")
    [finding] = both_rules(indicators, name="社会保险补贴经费（2024-2026年）")
    assert (finding.rule, finding.severity, finding.excerpt) == (RULE, "error", "≥0.6")
    assert "没有计量单位" in finding.message and "的单位是「万人次」" in finding.message


def test_a_whole_count_under_a_name_that_says_what_is_counted_lacks_no_unit() -> None:
    # Seed 002 line 24, clause 3: 个数 says what is counted, so ≥6 is ≥6个.
    [finding] = both_rules(clause("市级创业孵化基地补贴个数", "≥6个", "≥6"))
    assert (finding.rule, finding.severity) == (RULE, "info")
    assert "同一目标的不同写法" in finding.message


@pytest.mark.parametrize(
    ("name", "period", "annual"),
    [
        ("安全生产事故", "0起", "0"),  # none of anything needs no unit
        ("设备能效系数", "≥1.2倍", "≥1.2"),  # a unitless measure
    ],
)
def test_near_misses_of_a_lost_unit(name: str, period: str, annual: str) -> None:
    findings = both_rules(clause(name, period, annual))
    assert not any("没有计量单位" in f.message for f in findings)


def test_no_unit_in_either_value_is_missing_unit_only() -> None:
    [finding] = both_rules(clause(SURVEY, "250或以上", "250或以上"))
    assert (finding.rule, finding.severity) == ("missing-unit", "warning")


# --------------------------------------------------------------------------
# Levels: a ceiling that tightens over a multi-year plan


STEPPED_PLAN = "大气污染防治和卫生健康三年行动（2024-2026年）"


@pytest.mark.parametrize(
    "name, period, annual, category",
    [
        # 生态环境: a concentration, in words and in symbols
        ("PM2.5年均浓度", "≤28微克/立方米", "≤30微克/立方米", "2-效益指标；23-生态效益"),
        ("PM10年均浓度", "≤45μg/m³", "≤50μg/m³", "2-效益指标；23-生态效益"),
        ("氨氮浓度", "≤1.0mg/L", "≤1.5mg/L", "2-效益指标；23-生态效益"),
        # 卫健: rates per 10万 and per mille
        ("孕产妇死亡率", "≤8/10万", "≤10/10万", "2-效益指标；22-社会效益"),
        ("婴儿死亡率", "≤2.5‰", "≤3‰", "2-效益指标；22-社会效益"),
        # 交通, 公安: a rate per 10,000 vehicles, a rate per mille
        ("万车死亡率", "≤1.35人/万车", "≤1.5人/万车", "2-效益指标；22-社会效益"),
        ("肇事肇祸事件发生率", "≤0.45‰", "≤0.5‰", "2-效益指标；22-社会效益"),
        # 交通: a unit cost is a level too
        ("每公里养护成本", "≤1.4万元/公里", "≤1.5万元/公里", "4-成本指标；41-经济成本指标"),
        # a rate in % was already a level
        ("义务教育辍学率", "≤0.3%", "≤0.5%", "2-效益指标；22-社会效益"),
    ],
)
def test_a_level_that_tightens_over_a_multi_year_plan_is_not_reported(
    name: str, period: str, annual: str, category: str
) -> None:
    assert found(clause(name, period, annual, category), name=STEPPED_PLAN) == []


@pytest.mark.parametrize(
    "name, period, annual, category",
    [
        # counts and totals add up over the years: the annual cannot be more
        ("受益人数", "≥10万人", "≥12万人", "1-产出指标；11-数量指标"),
        ("治理扬尘源工地数", "≥450个", "≥500个", "1-产出指标；11-数量指标"),
        ("项目总成本", "≤612万元", "≤680万元", "4-成本指标；41-经济成本指标"),
        ("COD削减量", "≥150吨", "≥200吨", "2-效益指标；23-生态效益"),
    ],
)
def test_an_annual_count_above_the_period_stays_an_error_beside_levels(
    name: str, period: str, annual: str, category: str
) -> None:
    findings = found(clause(name, period, annual, category), name=STEPPED_PLAN)
    assert summary(findings) == [("error", annual)]
    assert "超过" in findings[0].message


@pytest.mark.parametrize(
    "period, annual",
    [("≤28微克/立方米", "≤30微克/立方米"), ("≤8/10万", "≤10/10万"), ("≤2.5‰", "≤3‰")],
)
def test_a_stepped_level_outside_a_multi_year_project_is_still_reported(
    period: str, annual: str
) -> None:
    indicators = clause("年均浓度或死亡率", period, annual, "2-效益指标；22-社会效益")
    one_year = found(indicators, name="2024年大气污染防治项目")
    assert summary(one_year) == [("error", annual)]
    unknown = found(indicators, name="大气污染防治项目")
    assert summary(unknown) == [("warning", annual)]


@pytest.mark.parametrize(
    "name, period, annual",
    [
        ("万车死亡率", "≤1.35", "≤1.5"),  # 交通: a bare number under a rate's name
        ("每车公里运营补贴", "≤3.15元/车公里", "≤3.5元/车公里"),  # 交通: per 车公里
        ("亿元GDP生产安全事故死亡率", "≤0.018人/亿元GDP", "≤0.02人/亿元GDP"),  # 应急
    ],
)
def test_a_rate_without_a_percent_sign_is_a_level_too(name: str, period: str, annual: str) -> None:
    indicators = clause(name, period, annual, "2-效益指标；22-社会效益")
    assert found(indicators, name=STEPPED_PLAN) == []
    assert summary(found(indicators, name="2024年道路交通安全项目")) == [("error", annual)]


@pytest.mark.parametrize(
    "name, period, annual, category",
    [
        # 人社, 税务: a time to deliver in, in words and in symbols
        ("社保卡补换卡办理时限", "3个工作日以内", "不超过5个工作日", "1-产出指标；13-时效指标"),
        ("办税平均等候时长", "≤15分钟", "≤20分钟", "1-产出指标；13-时效指标"),
        # 水务, 卫健, 地震: a repair, a response, a report within hours or minutes
        ("供水管网爆管抢修时间", "≤12小时", "≤24小时", "1-产出指标；13-时效指标"),
        ("院前急救平均反应时间", "<10分钟", "<12分钟", "1-产出指标；13-时效指标"),
        ("地震自动速报时间", "≤1分钟", "≤2分钟", "1-产出指标；13-时效指标"),
        # 教育, 交通, 海事: a service radius, a spacing, a position error
        ("小学服务半径", "≤2.5公里", "≤3公里", "2-效益指标；22-社会效益"),
        ("城区公交站点平均间距", "≤600米", "≤800米", "1-产出指标；12-质量指标"),
        ("船舶定位误差", "≤0.5海里", "≤1海里", "1-产出指标；12-质量指标"),
    ],
)
def test_a_ceiling_on_a_duration_or_distance_is_a_level(
    name: str, period: str, annual: str, category: str
) -> None:
    # A limit each case must keep, tightened by the period's end: not an
    # amount that adds up over the years.
    indicators = clause(name, period, annual, category)
    assert found(indicators, name=STEPPED_PLAN) == []
    assert summary(found(indicators, name="2024年便民服务提升项目")) == [("error", annual)]


@pytest.mark.parametrize(
    "name, period, annual, category",
    [
        # a floor on hours or kilometres is work done, which adds up
        ("志愿服务时长", "≥20000小时", "≥25000小时", "2-效益指标；22-社会效益"),
        ("新建改建农村公路里程", "≥30公里", "≥40公里", "1-产出指标；11-数量指标"),
        ("供水管网改造长度", "≥12千米", "≥15千米", "1-产出指标；11-数量指标"),
        ("基层干部年度培训学时", "≥120小时", "≥160小时", "1-产出指标；11-数量指标"),
        # a ceiling on money or a count is a total, not a limit per case
        ("年度差旅费", "≤30万元", "≤36万元", "4-成本指标；41-经济成本指标"),
    ],
)
def test_a_floor_on_a_duration_or_distance_still_adds_up(
    name: str, period: str, annual: str, category: str
) -> None:
    findings = found(clause(name, period, annual, category), name=STEPPED_PLAN)
    assert summary(findings) == [("error", annual)]
    assert "超过" in findings[0].message


def test_a_bare_count_above_the_period_is_still_an_error() -> None:
    indicators = clause("受益人数", "10000", "12000", "1-产出指标；11-数量指标")
    assert summary(found(indicators, name=STEPPED_PLAN)) == [("error", "12000")]


LEVEL_UNITS = ["%", "‰", "微克/立方米", "mg/L", "/10万", "人/万车", "万元/公里", "元/车公里"]
COUNT_UNITS = ["人", "个", "吨", "万元", "公里", "人次", "小时", "个工作日"]
LIMIT_UNITS = ["公里", "米", "小时", "个工作日", "分钟"]
"""Durations and distances: a level when capped, an amount when floored."""


@given(
    period=st.integers(min_value=1, max_value=900),
    step=st.integers(min_value=1, max_value=99),
    unit=st.sampled_from(LEVEL_UNITS + COUNT_UNITS),
    comparator=st.sampled_from(["≤", "≥"]),
)
@settings(max_examples=40, deadline=None)
def test_an_annual_value_above_the_period_is_an_error_for_amounts_only(
    period: int, step: int, unit: str, comparator: str
) -> None:
    annual = period + step
    indicators = clause(
        "指标",
        f"{comparator}{period}{unit}",
        f"{comparator}{annual}{unit}",
        "2-效益指标；22-社会效益",
    )
    findings = found(indicators, name=STEPPED_PLAN)
    if unit in LEVEL_UNITS or (unit in LIMIT_UNITS and comparator == "≤"):
        assert findings == []
    else:
        assert summary(findings) == [("error", f"{comparator}{annual}{unit}")]
