"""Units and special numbers of targets: a quantity without a unit
(``missing-unit``), a unit that means nothing for the indicator
(``implausible-unit``), a spreadsheet date serial where a date belongs
(``date-serial``), a zero target where zero means nothing (``zero-target``).
Clauses are copied from the seeds (line numbers given) or follow the shapes
of DOMAIN.md's national-template defects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.facts import (
    Facts,
    date_serials,
    is_level,
    name_carries_unit,
    name_kind,
    per_n,
    target_unit,
    unit_family,
)
from audit.model import Clause
from audit.values import parse_value
from audit.vocabulary import VOCABULARY
from tests.conftest import document, lint, lint_rule, project_row, tsv_table

VALUE_RULES = ("missing-unit", "implausible-unit", "date-serial", "zero-target")


def table(indicators: str, name: str = "机构运行辅助经费") -> str:
    return tsv_table([project_row(name, indicators)])


def clause(level: str, name: str, period: str, annual: str | None = None) -> str:
    return f"1、{level}；{name}；实施周期指标值:{period}；年度指标值:{annual or period}。"


def facts_and_clause(text: str) -> tuple[Facts, Clause]:
    doc = document(table(text))
    clauses = [c for c in doc.projects[0].clauses if isinstance(c, Clause)]
    return Facts(doc, load_config(None, discover=False)), clauses[0]


# --------------------------------------------------------------------------
# facts shared by the rules


@pytest.mark.parametrize(
    "text, unit, per",
    [
        ("≥1人/年", "人", "年"),
        ("0元/人", "元", "人"),
        ("=0万元/人", "万元", "人"),
        ("≤100元/人·月", "元", "人·月"),
        ("≤100元/人/月", "元", "人·月"),
        ("≤40万元·月", "万元", "月"),
        ("≥300人", "人", None),
        ("≥300", None, None),
    ],
)
def test_target_unit_splits_a_unit_per_something(text: str, unit: str, per: str | None) -> None:
    assert target_unit(parse_value(text).targets[0]) == (unit, per)


@pytest.mark.parametrize(
    "unit, family",
    [
        ("%", "percent"),
        ("人次", "person"),
        ("台", "count"),
        ("万元", "money"),
        ("工作日", "time"),
        ("平方米", "other"),
        (None, None),
    ],
)
def test_unit_family(unit: str | None, family: str | None) -> None:
    assert unit_family(unit) == family


@pytest.mark.parametrize(
    "text, kind",
    [
        (clause("1-产出指标；13-时效指标", "补贴按时发放", "≥1人/年"), "state"),
        (clause("1-产出指标；13-时效指标", "项目完成时间", "45626"), "date"),
        (clause("4-成本指标；41-经济成本指标", "人均补贴标准", "≤800元/人"), "cost"),
        # Seed 002 line 373: a coefficient, not a rate.
        (clause("2-效益指标；23-生态效益", "能源效率（机房能源效率PUE）", "<1.4"), "unitless"),
        (clause("3-满意度指标；31-服务对象满意度", "出国人员满意率", "0"), "satisfaction"),
        (clause("1-产出指标；11-数量指标", "降低噪音强度", "<30"), None),
        # A social or environmental cost is no money: the name decides.
        (clause("4-成本指标；42-社会成本指标", "作业扰民投诉", "≤5宗"), None),
        (clause("4-成本指标；43-生态环境成本指标", "施工噪声", "≤55分贝"), None),
        (clause("4-成本指标；42-社会成本", "对周边居民出行影响", "≤3天"), None),
        (clause("4-成本指标；42-社会成本指标", "群众出行成本", "≤50万元"), "cost"),
        (clause("4-成本指标；41-经济成本", "设备维护", "≤5万元"), "cost"),
        # A share is a rate whatever word comes before it; a rate per 万车 or
        # per 亿元GDP is counted per a number of things, not in %.
        (clause("2-效益指标；22-社会效益", "大班额比例", "≤5%"), "rate"),
        (clause("2-效益指标；22-社会效益", "地表水国考断面水质优良比例", "≥80%"), "rate"),
        (clause("2-效益指标；22-社会效益", "考核得分率", "≥90%"), "rate"),
        (clause("2-效益指标；22-社会效益", "万车死亡率", "≤1.5"), None),
        (clause("2-效益指标；22-社会效益", "亿元GDP生产安全事故死亡率", "≤0.02"), None),
        (clause("2-效益指标；22-社会效益", "孕产妇死亡率", "≤10/10万"), "rate"),
        (clause("2-效益指标；21-经济效益", "资金配套比值", "1:1"), "unitless"),
    ],
)
def test_name_kind(text: str, kind: str | None) -> None:
    facts, found = facts_and_clause(text)
    assert name_kind(facts, found) == kind


@pytest.mark.parametrize(
    "text, rate_per_n, level",
    [
        ("≤10/10万", True, True),  # 卫健: per 10万
        ("≤1.2人/万车", True, True),  # 交通: per 10,000 vehicles
        ("≤0.02人/亿元GDP", True, True),  # 应急: per 亿元 of GDP
        ("≥2.5名/千人", True, True),  # 体育: per 1,000 people
        ("≤30微克/立方米", False, True),  # 生态环境: a concentration
        ("≤1.5mg/L", False, True),
        ("≤3‰", False, True),
        ("≥95%", False, True),
        ("≤1.4万元/公里", False, True),  # 交通: a unit cost
        ("≤3.5元/车公里", False, True),
        ("≤5元/千克", False, True),  # a price per kilogram: a unit, not a number of things
        ("≥12万人", False, False),  # counts and totals add up
        ("≤680万元", False, False),
        ("≥150吨", False, False),
        ("≤1.5", False, False),
    ],
)
def test_a_rate_per_n_and_a_level(text: str, rate_per_n: bool, level: bool) -> None:
    value = parse_value(text)
    target = value.targets[0]
    assert (per_n(value, target), is_level(value, target)) == (rate_per_n, level)


@pytest.mark.parametrize(
    "name, carries",
    [
        ("培养（就读）学生人数", True),
        ("投诉次数", True),
        ("系统用户数(个)", True),
        ("采购车辆数", True),
        ("检查企业数", False),
        ("维护泊位数", False),
        ("维护数量", False),
    ],
)
def test_a_name_that_says_what_is_counted(name: str, carries: bool) -> None:
    assert name_carries_unit(name) is carries


@pytest.mark.parametrize(
    "text, days",
    [
        (clause("1-产出指标；13-时效指标", "项目完成时间", "≤44,561"), [date(2021, 12, 31)]),
        (clause("1-产出指标；11-数量指标", "资料报送", "45292前"), [date(2024, 1, 1)]),
        # A count in the serial range is a count outside a date context.
        (clause("1-产出指标；11-数量指标", "健康档案更新", "≥45000"), []),
        (clause("1-产出指标；13-时效指标", "项目完成时间", "≥45000份"), []),
        (clause("1-产出指标；13-时效指标", "项目完成时间", "≥30000"), []),
    ],
)
def test_date_serials_are_dates_only_where_a_date_belongs(text: str, days: list[date]) -> None:
    facts, found = facts_and_clause(text)
    config = load_config(None, discover=False)
    serials = date_serials(facts, config, found, found.fields[0])
    assert [s.day for s in serials] == days


# --------------------------------------------------------------------------
# missing-unit


@pytest.mark.parametrize(
    "indicators, excerpt",
    [
        # Seed 002 line 505: a noise level without its decibels.
        ("4、2-效益指标；22-社会效益；降低噪音强度；实施周期指标值:<30；年度指标值:<30。", "<30"),
        # Seed 002 line 755: an area without 平方米.
        (clause("1-产出指标；11-数量指标", "物业管理服务面积", "16619.8"), "16619.8"),
        # Seed 002 line 481: 3 hours? days?
        (clause("1-产出指标；13-时效指标", "响应时间", "<=3"), "<=3"),
        # DOMAIN.md: =8 berths.
        (clause("1-产出指标；11-数量指标", "维护泊位数", "=8"), "=8"),
        # A rate without %.
        (clause("1-产出指标；12-质量指标", "设备验收合格率", "≥95"), "≥95"),
    ],
)
def test_missing_unit_fires(indicators: str, excerpt: str) -> None:
    findings = lint_rule(table(indicators), "missing-unit")
    assert [f.excerpt for f in findings] == [excerpt]
    assert findings[0].field == "period"


def test_missing_unit_on_a_rate_says_percent() -> None:
    findings = lint_rule(
        table(clause("1-产出指标；12-质量指标", "设备验收合格率", "≥95")), "missing-unit"
    )
    assert "%" in findings[0].message and "比率" in findings[0].message


@pytest.mark.parametrize(
    "name, value",
    [
        ("大班额比例", "≤5"),  # 教育
        ("经常参加体育锻炼人数比例", "≥45"),  # 体育
        ("地表水国考断面水质优良比例", "≥80"),  # 生态环境
        ("大班额发生率", "≤5"),  # a 率 as before
    ],
)
def test_missing_unit_on_a_share_says_percent_as_on_a_rate(name: str, value: str) -> None:
    [finding] = lint_rule(table(clause("2-效益指标；22-社会效益", name, value)), "missing-unit")
    assert finding.excerpt == value
    assert "是比率" in finding.message and "没有%" in finding.message


@pytest.mark.parametrize(
    "name, value",
    [
        ("大班额比例", "≤5%"),
        ("资金配套比例", "1:1"),  # a ratio
        ("师生比例", "≤1:15"),
        ("万车死亡率", "≤1.5人/万车"),  # 交通: per 10,000 vehicles
        ("亿元GDP生产安全事故死亡率", "≤0.02人/亿元GDP"),
        ("孕产妇死亡率", "≤10/10万"),  # 卫健: per 10万
    ],
)
def test_missing_unit_near_misses_of_shares_and_rates_per_n(name: str, value: str) -> None:
    indicators = clause("2-效益指标；22-社会效益", name, value)
    assert lint(table(indicators), ["missing-unit", "implausible-unit"]) == []


PER_N_RATES = [
    "万车死亡率",
    "亿元GDP生产安全事故死亡率",
    # a magnitude and whatever is counted, in any department's rate
    "民用航空器万架次事故征候率",  # 民航
    "内河船舶万艘次水上交通事故率",  # 海事
    "每十万人口法定传染病发病率",  # 疾控
    "百万人口火灾事故死亡率",  # 消防
    "千名儿童意外伤害发生率",  # 妇儿
    "每1000人口登记结婚率",  # 民政
]


@pytest.mark.parametrize("name", PER_N_RATES)
def test_a_rate_per_n_in_the_name_is_no_share(name: str) -> None:
    facts, found = facts_and_clause(clause("2-效益指标；22-社会效益", name, "≤1.5"))
    assert name_kind(facts, found) is None


@pytest.mark.parametrize(
    "name",
    [
        # a magnitude that is no denominator: an amount of land or money, a
        # number inside a word, a fraction
        "万亩高标准农田建设完成率",
        "万元以上资产入账率",
        "千万工程村庄覆盖率",
        "千家万户燃气入户率",
        "十四五规划任务完成率",
        "百姓健康档案建档率",
        "百分之百覆盖率",
        "5G基站覆盖率",
    ],
)
def test_a_magnitude_that_is_no_denominator_leaves_a_rate(name: str) -> None:
    facts, found = facts_and_clause(clause("1-产出指标；12-质量指标", name, "≥95%"))
    assert name_kind(facts, found) == "rate"


@pytest.mark.parametrize("name", [*PER_N_RATES, "每千人口执业医师数", "特种设备万台死亡率"])
def test_a_bare_number_under_a_rate_per_n_needs_no_unit(name: str) -> None:
    """The name states the unit whole (deaths per 10,000 vehicles), and such
    statistics are published as bare decimals: neither a unit nor a % is
    asked for."""
    indicators = clause("2-效益指标；22-社会效益", name, "≤1.5")
    assert lint(table(indicators), ["missing-unit", "value-type-mismatch"]) == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("道路交通事故死亡人数", "≤1.5"),
        ("培训人数", "≥3.2"),
        ("万亩高标准农田建设面积", "≥1.2"),
        # a magnitude that is a size, not what the statistic is counted per
        ("万人以上村庄通硬化路比例", "100"),
        ("百万人口城市公交分担率", "≥45"),
        ("新增万吨级泊位", "≥2"),
        ("每万人口拥有公共文化设施面积", "≥1500"),  # an area per 万人: 平方米
    ],
)
def test_a_decimal_under_a_name_without_its_denominator_still_lacks_a_unit(
    name: str, value: str
) -> None:
    """Near misses: no number of things after a magnitude in the name (a
    count of deaths, of people, an area in 万亩): ``≥3.2`` lost its 万人."""
    indicators = clause("2-效益指标；22-社会效益", name, value)
    assert [f.rule for f in lint(table(indicators), ["missing-unit"])] == ["missing-unit"]


def test_a_rate_per_n_in_a_unit_that_makes_no_sense_is_still_reported() -> None:
    # 10万 is a denominator; 元 per 10万 is still no rate
    indicators = clause("2-效益指标；22-社会效益", "孕产妇死亡率", "≤10元")
    assert [f.rule for f in lint(table(indicators), ["value-type-mismatch"])] == [
        "value-type-mismatch"
    ]


def test_missing_unit_judges_each_target_and_each_field() -> None:
    # Seed 002 line 627: two different values, each without a unit.
    text = table(
        "1、1-产出指标；11-数量指标；年度业务量；"
        "实施周期指标值:上半年办案量≥1250；年度指标值:全年办理案件量≥2500。"
    )
    findings = lint_rule(text, "missing-unit")
    assert [(f.field, f.excerpt) for f in findings] == [("period", "≥1250"), ("annual", "≥2500")]
    several = table(clause("1-产出指标；11-数量指标", "举办招聘会", "≥10场，≥300"))
    assert [f.excerpt for f in lint_rule(several, "missing-unit")] == ["≥300"]


@pytest.mark.parametrize(
    "indicators",
    [
        # Seed 002 line 233: zero of anything needs no unit.
        "2、1-产出指标；11-数量指标；社保档案遗失数量；实施周期指标值:0；年度指标值:0。",
        # Seed 002 line 551: 人数 says what is counted.
        "4、2-效益指标；22-社会效益；培养（就读）学生人数；实施周期指标值:≥3000；年度指标值:≥3000。",
        # Seed 002 line 680: the unit in brackets in the name.
        "2、2-效益指标；22-社会效益；系统用户数(个)；实施周期指标值:≥20000；年度指标值:21473。",
        # Seed 002 line 373: PUE has no unit.
        "1、2-效益指标；23-生态效益；能源效率（机房能源效率PUE）；实施周期指标值:<1.4；年度指标值:<1.4。",
        # A year where a date belongs; a date serial is date-serial's.
        clause("1-产出指标；13-时效指标", "项目完成年份", "2025"),
        clause("1-产出指标；13-时效指标", "项目完成时间", "45626"),
        # DOMAIN.md lists 不超过缴费额2/3 among real values: a fraction has no unit.
        clause("2-效益指标；22-社会效益", "个人缴费补贴标准", "不超过缴费额2/3"),
        # A foreign currency is a unit: an investment attracted in 美元.
        clause("2-效益指标；21-经济效益", "带动外商投资", "≥5亿美元"),
        # A level, a date range, a unit.
        clause("2-效益指标；22-社会效益", "网络安全等级保护级别", "三级"),
        clause("1-产出指标；13-时效指标", "项目实施周期", "2023.07-2024.01"),
        clause("1-产出指标；11-数量指标", "一次性创业资助人数", "≥300人"),
        # Seed 002 line 157: a placeholder is placeholder's finding.
        "4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。",
    ],
)
def test_missing_unit_near_misses(indicators: str) -> None:
    assert lint_rule(table(indicators), "missing-unit") == []


def test_missing_unit_exempt_names_are_configurable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import config_with

    text = table(clause("1-产出指标；11-数量指标", "系统并发数", "≥50"))
    assert len(lint_rule(text, "missing-unit")) == 1
    config = config_with(tmp_path, "rules:\n  missing-unit:\n    exempt_names: [并发数]\n")
    assert lint_rule(text, "missing-unit", config) == []


# Measure words (量词) and traditional weights a sector counts in: each names
# what is counted, as 人 or 台 do.
@pytest.mark.parametrize(
    "indicators",
    [
        clause("2-效益指标；21-经济效益", "新增粮食产能", "≥500万斤"),  # 农业
        clause("2-效益指标；21-经济效益", "收购烟叶", "≥3000担"),  # 农业
        clause("1-产出指标；11-数量指标", "更换LED路灯", "≥1500杆"),  # 住建
        clause("1-产出指标；11-数量指标", "新建社会足球场", "≥3片"),  # 体育
        clause("1-产出指标；11-数量指标", "婚姻登记", "≥8000对"),  # 民政
        clause("2-效益指标；22-社会效益", "人均预期寿命", "≥80岁"),  # 卫健
        clause("1-产出指标；11-数量指标", "新打抗旱机井", "≥20口"),  # 水利
        clause("1-产出指标；11-数量指标", "危桥改造", "≥3孔"),  # 交通
        clause("1-产出指标；11-数量指标", "更换校舍门窗", "≥120樘"),  # 教育
        clause("1-产出指标；11-数量指标", "新建输电铁塔", "≥40基"),  # 工信
        clause("1-产出指标；11-数量指标", "创作原创歌曲", "≥10首"),  # 文旅
        clause("1-产出指标；11-数量指标", "摄制纪录片", "≥6集"),  # 文旅
        # The individual classifiers (个体量词) of 现代汉语, not one sector's sample.
        clause("1-产出指标；11-数量指标", "人工影响天气作业用弹", "≥300发"),  # 气象
        clause("1-产出指标；11-数量指标", "老年助餐服务", "≥10万餐"),  # 民政
        clause("1-产出指标；11-数量指标", "办理群众来信", "≥500封"),  # 信访
        clause("1-产出指标；11-数量指标", "栽植灌木", "≥5000丛"),  # 园林
        clause("1-产出指标；11-数量指标", "培育鲜切花", "≥2万枝"),  # 农业
        clause("1-产出指标；11-数量指标", "修复馆藏书画", "≥100轴"),  # 文博
        clause("1-产出指标；11-数量指标", "老照片数字化", "≥20万帧"),  # 档案
        clause("1-产出指标；11-数量指标", "惠民殡葬遗体火化", "≥800具"),  # 民政
        clause("1-产出指标；11-数量指标", "开发文创产品", "≥12款"),  # 文旅
    ],
)
def test_missing_unit_knows_sector_measure_words(indicators: str) -> None:
    assert lint_rule(table(indicators), "missing-unit") == []


@pytest.mark.parametrize(
    "value",
    [
        "3×3米",  # a size: the first side takes the unit after the last
        "≥200块（规格0.6×0.9米）",
        "（1）6月底前完成招标；（2）11月底前完成验收",  # steps numbered in brackets
        "2025.3底前",  # a date before a deadline word: year.month
        "3.31前",  # month.day
        "分别按1.5、2.5万元/人标准执行",  # a list: the last number's unit is every one's
        "每人1.5或2.5万元",
        "4260路",  # a measure word the grammar does not list (camera channels)
    ],
)
def test_a_sizes_first_side_and_a_steps_number_need_no_unit(value: str) -> None:
    indicators = clause("1-产出指标；11-数量指标", "场地与标识建设", value)
    assert lint(table(indicators), ["missing-unit"]) == []


@pytest.mark.parametrize(
    "indicators, excerpt",
    [
        # The same indicators with the measure word lost still lack it.
        (clause("2-效益指标；21-经济效益", "新增粮食产能", "≥500万"), "≥500万"),
        (clause("1-产出指标；11-数量指标", "更换LED路灯", "≥1500"), "≥1500"),
        (clause("1-产出指标；11-数量指标", "婚姻登记", "≥8000"), "≥8000"),
        # A classifier that begins another word after a number is no unit there.
        (clause("1-产出指标；11-数量指标", "重点工作推进", "≥3方面"), "≥3"),
        (clause("1-产出指标；11-数量指标", "农村公路硬化", "≥3道路"), "≥3"),
        (clause("1-产出指标；11-数量指标", "培训企业", "≥100管理人员"), "≥100"),
        # A list whose last number has no unit either.
        (clause("1-产出指标；11-数量指标", "培训企业", "1.5、2.5"), "2.5"),
        # A pairing (1对1) is no count; the number after it still is one.
        (clause("1-产出指标；11-数量指标", "结对帮扶", "1对1帮扶困难户≥300"), "≥300"),
        # Days times hours without the hours: what is 7×24?
        (clause("1-产出指标；13-时效指标", "系统运维服务时间", "7×24"), "7"),
        # A road index named in words without 指数 or its letters.
        (clause("1-产出指标；12-质量指标", "公路技术状况", "≥85"), "≥85"),
        # PH inside a longer word is no pH.
        (clause("1-产出指标；11-数量指标", "PHP系统并发", "≥50"), "≥50"),
    ],
)
def test_missing_unit_sector_near_misses_still_fire(indicators: str, excerpt: str) -> None:
    assert [f.excerpt for f in lint_rule(table(indicators), "missing-unit")] == [excerpt]


@pytest.mark.parametrize(
    "indicators",
    [
        # 财政/信息化: a service window, days times hours.
        clause("1-产出指标；13-时效指标", "系统运维服务时间", "7×24小时"),
        clause("1-产出指标；13-时效指标", "政务服务窗口服务时间", "5×8小时"),
        # 交通: road condition indices have no unit (JTG 5210).
        clause("1-产出指标；12-质量指标", "MQI", "≥85"),
        clause("1-产出指标；12-质量指标", "农村公路PQI", "≥80"),
        # 生态环境: pH has no unit.
        clause("2-效益指标；23-生态效益", "污水处理厂出水pH值", "6-9"),
        # 一对一 written in digits: a pairing.
        clause("1-产出指标；11-数量指标", "结对帮扶模式", "1对1"),
        # 水利: numbers before 号 name the pumping stations, they count nothing.
        clause("1-产出指标；11-数量指标", "水利设施改造", "完成1、2号泵站改造"),
        # 文旅: a time of day, and hours of opening.
        clause("1-产出指标；13-时效指标", "场馆开放时间", "每日8:30-17:30"),
        clause("1-产出指标；13-时效指标", "每日到岗时间", "8:30前"),
    ],
)
def test_missing_unit_leaves_windows_indices_and_pairings(indicators: str) -> None:
    assert lint_rule(table(indicators), "missing-unit") == []


# The code of a standard, national, industry or local, is no quantity: its
# shape (capital letters, /T /Z /J, number, year) says so, whatever the prefix.
@pytest.mark.parametrize(
    "indicators",
    [
        clause("1-产出指标；12-质量指标", "农产品质量", "符合NY/T 391-2021"),  # 农业
        clause("1-产出指标；12-质量指标", "公路标志标线施工质量", "达到JT/T 280-2022要求"),
        clause("1-产出指标；12-质量指标", "养老机构服务质量", "符合MZ/T 187-2021标准"),
        clause("1-产出指标；12-质量指标", "消防设施检测", "执行XF 503-2004"),  # 消防
        clause("1-产出指标；12-质量指标", "铁路专用线验收", "符合TB 10413-2018"),
        clause("1-产出指标；12-质量指标", "地方标准执行", "符合DB33/T 2088-2017"),
        clause("1-产出指标；12-质量指标", "技术规程", "按SL/Z 712-2014执行"),
        clause("1-产出指标；12-质量指标", "数据规范", "符合JR/T 0197"),
    ],
)
def test_missing_unit_leaves_the_code_of_any_standard(indicators: str) -> None:
    assert lint_rule(table(indicators), "missing-unit") == []


@pytest.mark.parametrize(
    "indicators, excerpt",
    [
        # A count beside a code still needs its unit.
        (clause("1-产出指标；11-数量指标", "检测样品", "按NY/T 391-2021检测≥300"), "≥300"),
        # Letters before a number are no code without /T or a year.
        (clause("1-产出指标；11-数量指标", "新增APP功能", "≥12"), "≥12"),
        (clause("1-产出指标；11-数量指标", "更换LED灯", "LED 300-500"), "300-500"),
        # A count of stations with no measure word, near the numbered ones.
        (clause("1-产出指标；11-数量指标", "水利设施改造", "完成12泵站改造"), "12"),
    ],
)
def test_missing_unit_near_misses_of_standard_codes_still_fire(
    indicators: str, excerpt: str
) -> None:
    assert [f.excerpt for f in lint_rule(table(indicators), "missing-unit")] == [excerpt]


def _list_with(name: str, number: str, unit: str) -> list[list[str]]:
    """The national list example with one row's 三级指标, 指标值 and 度量单位
    replaced (comparator ``≥``)."""
    from tests.national import LIST

    rows = [list(row) for row in LIST]
    row = next(r for r in rows if "检查企业数" in r)
    at = row.index("检查企业数")
    row[at], row[at + 2], row[at + 3] = name, number, unit
    return rows


@pytest.mark.parametrize(
    "name, number, unit, fires",
    [
        ("新增粮食产能", "5000000", "斤", False),  # 农业
        # 烟草: a unit column the value grammar does not know is still a unit.
        ("卷烟配送量", "30000", "标准箱", False),
        # The unit column left blank: the number lacks a unit.
        ("卷烟配送量", "30000", "", True),
    ],
)
def test_missing_unit_reads_the_unit_column_of_a_list(
    name: str, number: str, unit: str, fires: bool, tmp_path: Path
) -> None:
    from tests.conftest import lint
    from tests.national import html_document, sheet_document, tsv_document

    rows = _list_with(name, number, unit)
    for doc in (tsv_document(rows), sheet_document(rows), html_document(rows, [], tmp_path)):
        findings = [f for f in lint(doc, ["missing-unit"]) if f.project == "道路运输安全检查"]
        assert [f.excerpt for f in findings] == ([f"≥{number}"] if fires else [])


# --------------------------------------------------------------------------
# implausible-unit


@pytest.mark.parametrize(
    "indicators, unit",
    [
        (clause("1-产出指标；13-时效指标", "补贴按时发放", "≥1人/年"), "人/年"),
        # a schedule kept is a state as 按时 is
        (clause("1-产出指标；13-时效指标", "补助按月发放", "≥1人/年"), "人/年"),
        (clause("1-产出指标；13-时效指标", "资金按进度拨付", "≥2户/年"), "户/年"),
        (clause("1-产出指标；12-质量指标", "资金使用合规", "≥1次/人"), "次/人"),
        (clause("1-产出指标；13-时效指标", "项目完成时间", "≥2人"), "人"),
        (clause("4-成本指标；41-经济成本指标", "人均培训成本", "≤5人"), "人"),
        (clause("1-产出指标；12-质量指标", "设备验收合格率", "≥3天"), "天"),
        # A cost name is money whatever cost category it is under.
        (clause("4-成本指标；42-社会成本指标", "群众出行成本", "≤5宗"), "宗"),
        (clause("4-成本指标；41-经济成本指标", "设备维护", "≤3天"), "天"),
        # The second target of a rate: the first is a percentage, so the value
        # is not value-type-mismatch's.
        (clause("1-产出指标；12-质量指标", "培训合格率", "≥95%，≥300人"), "人"),
    ],
)
def test_implausible_unit_fires(indicators: str, unit: str) -> None:
    findings = lint_rule(table(indicators), "implausible-unit")
    assert len(findings) == 1
    assert f"「{unit}」" in findings[0].message


@pytest.mark.parametrize(
    "indicators",
    [
        # Seed 002 line 718: 30分钟 is the condition of the share.
        "5、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应时间30分钟以内比例大于等于95%；"
        "年度指标值:响应时间30分钟以内比例大于等于95%。",
        # Seed 002 line 613: a satisfaction score in 分.
        "7、3-满意度指标；31-服务对象满意度；用户满意度；实施周期指标值:年度平均不低于90分；"
        "年度指标值:年度平均不低于90分。",
        # Seed 002 line 769: a satisfaction counted in 次 is value-type-mismatch's.
        clause("3-满意度指标；31-服务对象满意度", "服务对象满意度", "少于5次"),
        clause("4-成本指标；41-经济成本指标", "人均补贴标准", "≤800元/人"),
        clause("1-产出指标；13-时效指标", "申请办结时限", "≤5个工作日"),
        clause("1-产出指标；13-时效指标", "补贴按时发放", "100%"),
        clause("1-产出指标；13-时效指标", "补助按月发放", "每月10日前"),
        clause("1-产出指标；13-时效指标", "补助按季度拨付", "每季度1次"),
        # a count of what a schedule serves is a count, not a state
        clause("1-产出指标；11-数量指标", "按月发放补助人数", "≥9600人"),
        clause("1-产出指标；11-数量指标", "按标准配置设备数量", "≥20台"),
        clause("1-产出指标；11-数量指标", "上门走访频次", "2次/月"),
        # Things counted, not states: the state words end a state's name.
        clause("1-产出指标；11-数量指标", "达标企业", "≥50家"),
        clause("1-产出指标；11-数量指标", "规范化培训", "≥300人"),
        # 社会成本 and 生态环境成本 are measured in their own units (财预〔2021〕101号).
        clause("4-成本指标；42-社会成本指标", "作业扰民投诉", "≤5宗"),
        clause("4-成本指标；42-社会成本指标", "对周边居民出行影响", "≤3天"),
        clause("4-成本指标；43-生态环境成本指标", "施工扬尘影响天数", "≤10天"),
        # A count beside the date a name asks for is how the date is met.
        clause("1-产出指标；13-时效指标", "设备款项支付时间", "分2期支付，2025年12月31日前付清"),
    ],
)
def test_implausible_unit_near_misses(indicators: str) -> None:
    assert lint_rule(table(indicators), "implausible-unit") == []


def test_a_rate_counted_in_people_is_reported_once() -> None:
    text = table(clause("1-产出指标；12-质量指标", "补贴发放准确率", "≥1人/年"))
    both = lint_rule(text, "value-type-mismatch") + lint_rule(text, "implausible-unit")
    assert [f.rule for f in both] == ["value-type-mismatch"]


# --------------------------------------------------------------------------
# date-serial


@pytest.mark.parametrize(
    "indicators, day",
    [
        (clause("1-产出指标；13-时效指标", "项目完成时间", "45626"), "2024-11-30"),
        (clause("1-产出指标；13-时效指标", "资料报送截止日期", "45292前"), "2024-01-01"),
        (clause("1-产出指标；13-时效指标", "项目完成时间", "≤44,561"), "2021-12-31"),
        # The period value is a date: the annual value should be one too.
        (
            "1、1-产出指标；11-数量指标；设备验收；实施周期指标值:2024年12月31日前；年度指标值:45657。",
            "2024-12-31",
        ),
    ],
)
def test_date_serial_fires_with_the_day(indicators: str, day: str) -> None:
    findings = lint_rule(table(indicators), "date-serial")
    assert len(findings) == 1 and day in findings[0].message
    assert findings[0].severity == "error"


@pytest.mark.parametrize(
    "indicators",
    [
        clause("1-产出指标；13-时效指标", "项目完成时间", "2024年12月31日前"),
        clause("1-产出指标；11-数量指标", "服务人数", "≥44,561"),
        clause("1-产出指标；13-时效指标", "项目完成时间", "≥45000份"),
        clause("4-成本指标；41-经济成本指标", "设备采购成本", "≤45000元"),
        # Seed 001: 25000人 is a count.
        clause("2-效益指标；21-经济效益", "城镇新增就业人数", "25000人（参照2024年）"),
        clause("1-产出指标；13-时效指标", "项目完成时间", "50000"),
    ],
)
def test_date_serial_near_misses(indicators: str) -> None:
    assert lint_rule(table(indicators), "date-serial") == []


@given(st.integers(min_value=1, max_value=36525) | st.integers(min_value=47849, max_value=10**7))
@settings(max_examples=40, deadline=None)
def test_numbers_outside_the_serial_range_are_never_serials(number: int) -> None:
    text = table(clause("1-产出指标；13-时效指标", "项目完成时间", str(number)))
    assert lint_rule(text, "date-serial") == []


# --------------------------------------------------------------------------
# zero-target


@pytest.mark.parametrize(
    "indicators, key",
    [
        (clause("4-成本指标；41-经济成本指标", "人均培训成本", "=0万元/人"), "成本不会是零"),
        (clause("1-产出指标；14-成本指标", "人均培训成本", "0元/人"), "成本不会是零"),
        (clause("4-成本指标；41-经济成本指标", "设备采购成本", "≤0万元"), "成本不会是零"),
        # Seed 002 line 141: nobody satisfied.
        (clause("3-满意度指标；31-服务对象满意度", "出国人员满意率", "0"), "满意度"),
        (clause("1-产出指标；11-数量指标", "采购车辆数", "0台"), "零产出"),
        # 住建, 应急: the head is the drills or inspections, not the accident
        (clause("1-产出指标；11-数量指标", "安全事故应急演练次数", "0次"), "零产出"),
        (clause("1-产出指标；11-数量指标", "安全事故隐患排查次数", "0次"), "零产出"),
        # 司法, 水务: the handling named first is the head, not the dispute or fault
        (clause("1-产出指标；11-数量指标", "调解邻里矛盾纠纷", "0件"), "零产出"),
        (clause("1-产出指标；11-数量指标", "抢修供水管网故障", "0起"), "零产出"),
        # a floor of zero is met by anything, under any category
        (clause("2-效益指标；22-社会效益", "达成初步就业意向人数", "≥0人"), "以0为下限"),
        (clause("2-效益指标；21-经济效益", "带动农户增收金额", "不少于0万元"), "以0为下限"),
    ],
)
def test_zero_target_fires(indicators: str, key: str) -> None:
    findings = lint_rule(table(indicators), "zero-target")
    assert len(findings) == 1 and key in findings[0].message


@pytest.mark.parametrize(
    "indicators",
    [
        # Seed 002 line 233: none lost is the target.
        "2、1-产出指标；11-数量指标；社保档案遗失数量；实施周期指标值:0；年度指标值:0。",
        # Seed 002 line 298: 0事故.
        "3、2-效益指标；22-社会效益；工程的安全性；实施周期指标值:0事故；年度指标值:0事故。",
        clause("3-满意度指标；31-服务对象满意度", "有效投诉次数", "0件"),
        clause("1-产出指标；12-质量指标", "补贴发放差错率", "0%"),
        clause("2-效益指标；22-社会效益", "事故发生率", "=0%"),
        clause("4-成本指标；41-经济成本指标", "人均培训成本", "≤0.5万元/人"),
        clause("4-成本指标；41-经济成本指标", "项目超支金额", "0万元"),
        # the event itself, counted: none is the target
        clause("2-效益指标；22-社会效益", "安全事故发生次数", "0次"),
        clause("2-效益指标；22-社会效益", "安全隐患数量", "0处"),
        # a handling negated counts the failures: none is the target
        clause("1-产出指标；12-质量指标", "未按期办结投诉件数", "0件"),
        clause("1-产出指标；12-质量指标", "整改不到位安全隐患数量", "0处"),
        # no fall is a target; zero of an effect is not a floor
        clause("2-效益指标；21-经济效益", "村集体经济收入增长率", "≥0%"),
        clause("2-效益指标；22-社会效益", "群众上访人数", "≥0人"),
    ],
)
def test_zero_target_near_misses(indicators: str) -> None:
    assert lint_rule(table(indicators), "zero-target") == []


@given(st.sampled_from(VOCABULARY.adverse_names), st.sampled_from(["0", "0次", "0起", "0%", "=0"]))
@settings(max_examples=60, deadline=None)
def test_zero_of_an_unwanted_event_is_never_reported(word: str, value: str) -> None:
    text = table(clause("1-产出指标；11-数量指标", f"发生{word}数量", value))
    assert lint_rule(text, "zero-target") == []


# --------------------------------------------------------------------------
# all four together


def test_the_seed_tables_findings_of_these_rules_are_warnings_except_serials() -> None:
    from pathlib import Path

    from tests.conftest import lint

    seeds = Path(__file__).parent / "fixtures" / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        for finding in lint(path, VALUE_RULES):
            assert finding.severity == ("error" if finding.rule == "date-serial" else "warning")
            assert finding.rule != "date-serial", finding


def test_a_unit_lost_in_one_value_is_reported_once() -> None:
    """``≥95%`` against ``≥95``: the two values disagree in unit
    (annual-period-mismatch), not also a number without a unit."""
    text = table(clause("1-产出指标；12-质量指标", "档案规范率", "≥95%", "≥95"))
    both = lint_rule(text, "annual-period-mismatch") + lint_rule(text, "missing-unit")
    assert [f.rule for f in both] == ["annual-period-mismatch"]


@given(
    st.sampled_from(
        VOCABULARY.count_units + VOCABULARY.percent_units + tuple(VOCABULARY.money_units)
    ),
    st.decimals(min_value=1, max_value=99999, places=1, allow_nan=False),
    st.sampled_from(["", "≥", "≤", "="]),
)
@settings(max_examples=60, deadline=None)
def test_a_number_with_a_unit_is_never_missing_one(
    unit: str, number: object, comparator: str
) -> None:
    text = table(clause("1-产出指标；11-数量指标", "举办招聘会", f"{comparator}{number}{unit}"))
    assert lint_rule(text, "missing-unit") == []
