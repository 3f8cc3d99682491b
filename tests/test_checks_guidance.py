"""Guidance checks: what makes a *good* target by 财预〔2020〕10号, 财预〔2021〕101号
and 粤财绩〔2019〕11号 — inputs used as outputs, comparators in the wrong
direction, names that contradict their category, satisfaction targets,
missing or thin goals, costs above the budget, deadlines that set no time.

Clauses are copied from the seeds (the line is given); a few are real clauses
with one value changed to make the defect, said so where it happens.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks.goal_not_specific import _ALL, _SPECIFIC, GENERIC_WORDS, _at_least
from audit.config import Config
from audit.engine import load_rules
from audit.model import Document, Finding
from tests.conftest import config_with, lint, project_row, tsv_table

GUIDANCE_RULES = (
    "input-as-output",
    "comparator-direction",
    "category-keyword-mismatch",
    "satisfaction-target",
    "missing-goal",
    "goal-too-short",
    "goal-not-specific",
    "cost-exceeds-budget",
    "deadline-not-concrete",
)
GOAL = "通过开展本项目，保持就业总体稳定，优化就业结构，持续提升就业质量。"


def table(*clauses: str, goal: str = GOAL, amount: str = "10.00", name: str = "测试项目") -> str:
    """A one-project table whose indicator cell holds ``clauses``."""
    return tsv_table([project_row(name, "".join(clauses), goal=goal, amount=amount)])


def check(rule_id: str, text: str, config: Config | None = None) -> list[Finding]:
    return lint(text, select=[rule_id], config=config)


def excerpts(findings: list[Finding]) -> list[str | None]:
    return [f.excerpt for f in findings]


def position(text: str, excerpt: str, after: str = "") -> tuple[int, int]:
    """1-based line and column of ``excerpt`` (searched after ``after``) in ``text``."""
    for number, line in enumerate(text.split("\n"), start=1):
        start = line.find(after) if after else 0
        if start >= 0:
            column = line.find(excerpt, start)
            if column >= 0:
                return number, column + 1
    raise AssertionError(f"{excerpt!r} not in the table")


def test_every_guidance_rule_is_registered_with_its_severity() -> None:
    specs = load_rules()
    severities = {rule_id: specs[rule_id].severity for rule_id in GUIDANCE_RULES}
    assert severities == {
        "input-as-output": "warning",
        "comparator-direction": "warning",
        "category-keyword-mismatch": "warning",
        "satisfaction-target": "warning",
        "missing-goal": "error",
        "goal-too-short": "info",
        "goal-not-specific": "info",
        "cost-exceeds-budget": "warning",
        "deadline-not-concrete": "info",
    }


@pytest.mark.parametrize("rule_id", GUIDANCE_RULES)
def test_every_rule_documents_its_guidance_and_sections(rule_id: str) -> None:
    doc = load_rules()[rule_id].doc
    for section in ("What it does", "Why is this bad?", "Example", "Options"):
        assert section in doc
    assert any(
        number in doc for number in ("财预〔2020〕10号", "财预〔2021〕101号", "粤财绩〔2019〕11号")
    )


# --------------------------------------------------------------------------
# input-as-output


@pytest.mark.parametrize(
    "clause, name",
    [
        # 002 line 781
        (
            "2、1-产出指标；13-时效指标；年度预算执行率；实施周期指标值:100%；年度指标值:100%。",
            "年度预算执行率",
        ),
        # 002 line 782
        (
            "1、1-产出指标；13-时效指标；年度预算执行进度；实施周期指标值:100%；年度指标值:100%。",
            "年度预算执行进度",
        ),
        # 002 line 770
        (
            "3、1-产出指标；13-时效指标；资金支出指标；实施周期指标值:100%；年度指标值:100%。",
            "资金支出指标",
        ),
        # 002 line 191: an execution rate filed as a cost
        (
            "2、1-产出指标；14-成本指标；补助发放执行率；实施周期指标值:100%；年度指标值:100%。",
            "补助发放执行率",
        ),
        # 001 line 13: under 13-时效指标, reported here and not as a category mismatch
        (
            "3、1-产出指标；13-时效指标；资金支出执行率；实施周期指标值：资金预算完成率91%；"
            "年度指标值：资金预算完成率91%。",
            "资金支出执行率",
        ),
        # 001 line 28
        (
            "2、1-产出指标；12-质量指标；资金执行率；实施周期指标值：100%；年度指标值：资金执行率100%。",
            "资金执行率",
        ),
    ],
)
def test_input_as_output_reports_budget_execution_names(clause: str, name: str) -> None:
    text = table(clause)
    findings = check("input-as-output", text)
    assert [(f.rule, f.severity, f.field, f.excerpt) for f in findings] == [
        ("input-as-output", "warning", "indicator", name)
    ]
    assert (findings[0].line, findings[0].column) == position(text, name)
    assert "预算执行（投入）指标" in findings[0].message


def test_input_as_output_reads_the_value_when_the_name_says_nothing() -> None:
    # 001 line 22's value, under a name that does not say what it measures
    clause = (
        "4、1-产出指标；13-时效指标；项目实施进度；实施周期指标值:完成年度预算执行率100%；"
        "年度指标值:完成年度预算执行率100%。"
    )
    findings = check("input-as-output", table(clause))
    assert [(f.field, f.excerpt) for f in findings] == [("period", "完成年度预算执行率100%")]


@pytest.mark.parametrize(
    "clause",
    [
        # 002 line 12: paying subsidies accurately is the output of a subsidy project
        "6、1-产出指标；12-质量指标；补贴发放准确率；实施周期指标值:98%；年度指标值:98%。",
        # 002 line 785 (004 style): subsidies paid out
        "1、1-产出指标；11-数量指标；补助资金发放率；实施周期指标值:100%；年度指标值:100%。",
        # 002 line 153: the subsidy reaching the volunteers in time
        "4、1-产出指标；13-时效指标；补助资金到位及时率；实施周期指标值:≥90%；年度指标值:≥90%。",
        # equipment delivered, building progress: outputs
        "3、1-产出指标；11-数量指标；设备到位率；实施周期指标值:100%；年度指标值:100%。",
        "5、1-产出指标；13-时效指标；施工进度/总工程进度；实施周期指标值:施工进度达到100%；年度指标值:20%。",
        # 002 line 757: a cost control rate is not budget execution
        "5、1-产出指标；14-成本指标；预算成本控制率；实施周期指标值:≥90%；年度指标值:≥90%。",
    ],
)
def test_input_as_output_leaves_outputs_alone(clause: str) -> None:
    assert check("input-as-output", table(clause)) == []


# --------------------------------------------------------------------------
# comparator-direction


def test_comparator_direction_reports_a_cap_on_a_positive_measure() -> None:
    # 002 line 481: a connectivity capped below 1 %
    clause = "3、1-产出指标；12-质量指标；网络设备连通性；实施周期指标值:<1%；年度指标值:<1%。"
    text = table(clause)
    findings = check("comparator-direction", text)
    # the period and the annual value say the same: one finding
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "period", "<1%")]
    assert (findings[0].line, findings[0].column) == position(text, "<1%")
    assert "越高越好" in findings[0].message


@pytest.mark.parametrize(
    "clause, excerpt, key_words",
    [
        # 004 line 12, turned around: a staff turnover with a floor
        (
            "3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:≥10%；年度指标值:≥10%。",
            "≥10%",
            "越低越好",
        ),
        # 002's complaint count, turned around
        (
            "5、3-满意度指标；31-服务对象满意度；有效投诉次数；实施周期指标值:不少于1宗；年度指标值:不少于1宗。",
            "不少于1宗",
            "越低越好",
        ),
        # a satisfaction level with a cap
        (
            "6、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≤90%；年度指标值:≤90%。",
            "≤90%",
            "越高越好",
        ),
        # the value's own words decide: a failure rate capped is right, floored is not
        (
            "2、1-产出指标；12-质量指标；系统运行稳定率；实施周期指标值:故障率≥1%；年度指标值:故障率≥1%。",
            "故障率≥1%",
            "越低越好",
        ),
    ],
)
def test_comparator_direction_reports_the_wrong_direction(
    clause: str, excerpt: str, key_words: str
) -> None:
    findings = check("comparator-direction", table(clause))
    assert excerpts(findings) == [excerpt]
    assert key_words in findings[0].message


def test_comparator_direction_reports_each_different_value() -> None:
    clause = "3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:≥10%；年度指标值:≥5%。"
    assert [(f.field, f.excerpt) for f in check("comparator-direction", table(clause))] == [
        ("period", "≥10%"),
        ("annual", "≥5%"),
    ]


@pytest.mark.parametrize(
    "clause",
    [
        # 004 lines 156, 200: 故障 in the name, but it is a 排除率
        "3、1-产出指标；13-时效指标；设备故障及时排除率；实施周期指标值:95%或以上；年度指标值:95%或以上。",
        # 004 line 12
        "3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:10%或以下；年度指标值:10%或以下。",
        # 002: complaints below one
        "5、3-满意度指标；31-服务对象满意度；有效投诉次数；实施周期指标值:少于1宗；年度指标值:少于1宗。",
        # 002: the value measures a time (30 minutes), not the rate
        "5、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应时间30分钟以内比例大于等于95%；"
        "年度指标值:响应时间30分钟以内比例大于等于95%。",
        # 002 line 769: a count under a satisfaction name is value-type-mismatch's
        "4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:少于5次。",
        # 002 line 757: a cost control rate is to be high
        "5、1-产出指标；14-成本指标；预算成本控制率；实施周期指标值:≥90%；年度指标值:≥90%。",
        # 002: 无故障, 无事故 are positive
        "2、2-效益指标；21-经济效益；无故障运行时间；实施周期指标值:80%以上；年度指标值:80%以上。",
        "4、2-效益指标；22-社会效益；保障机房安全；实施周期指标值:无事故发生天数≥99%；年度指标值:无事故发生天数≥99%。",
        # 002: lowering a nuisance, a fault-handling rate, a response rate
        "4、2-效益指标；22-社会效益；降低噪音强度；实施周期指标值:<30；年度指标值:<30。",
        "2、1-产出指标；11-数量指标；故障响应率(%)；实施周期指标值:90%或以上；年度指标值:90%或以上。",
        "10、1-产出指标；11-数量指标；有效投诉处理率；实施周期指标值:90%或以上；年度指标值:90%或以上。",
        # 002 line 648: a cost capped
        "1、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:签证费控制在工程费5%之内；"
        "年度指标值:签证费控制在工程费5%之内。",
    ],
)
def test_comparator_direction_accepts_the_right_direction(clause: str) -> None:
    assert check("comparator-direction", table(clause)) == []


def test_a_cost_counted_in_things_is_one_finding_of_its_unit() -> None:
    """``设备采购成本 ≥300台`` is no amount of money: implausible-unit says so, and
    the floor on it is no cap missing on a cost. Near miss: the same floor in
    万元 is a cost to cap, and the value in 台 beside it leaves it judged."""
    counted = "1、1-产出指标；14-成本指标；设备采购成本；实施周期指标值:≥300台；年度指标值:≥300台。"
    findings = lint(table(counted), select=["comparator-direction", "implausible-unit"])
    assert [f.rule for f in findings] == ["implausible-unit"]
    money = counted.replace("≥300台", "≥300万元")
    assert excerpts(check("comparator-direction", table(money))) == ["≥300万元"]
    mixed = counted.replace("年度指标值:≥300台", "年度指标值:≥30万元")
    assert [(f.field, f.excerpt) for f in check("comparator-direction", table(mixed))] == [
        ("annual", "≥30万元")
    ]


def test_comparator_direction_is_silent_on_seed_004(seed_004: Document) -> None:
    assert lint(seed_004, select=["comparator-direction"]) == []


def sector_clause(category: str, name: str, value: str) -> str:
    return f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


SOCIAL = "2-效益指标；22-社会效益"
ECOLOGY = "2-效益指标；23-生态效益"
QUALITY = "1-产出指标；12-质量指标"
COUNT = "1-产出指标；11-数量指标"
OUTPUT_COST = "1-产出指标；14-成本指标"


@pytest.mark.parametrize(
    "category, name, value",
    [
        # 生态环境, 水利: a pollutant's concentration, in words and in symbols
        (ECOLOGY, "PM2.5年均浓度", "≥30微克/立方米"),
        (ECOLOGY, "PM10年均浓度", "≥45μg/m³"),
        (ECOLOGY, "二氧化硫年均浓度", "≥10μg/m3"),
        (ECOLOGY, "臭氧日最大8小时平均浓度", "≥160微克/立方米"),
        (ECOLOGY, "氨氮浓度", "≥1.5毫克/升"),
        (ECOLOGY, "化学需氧量", "≥40mg/L"),
        (ECOLOGY, "污水处理厂出水COD浓度", "≥30mg/L"),
        (ECOLOGY, "PM2.5年均浓度（微克/立方米）", "≥30"),
        # 农业, 水利: losses and waste
        (QUALITY, "主要农作物病虫害损失率", "≥5%"),
        (QUALITY, "供水管网漏损率", "≥9%"),
        (SOCIAL, "耕地撂荒率", "≥2%"),
        (SOCIAL, "公交车辆空驶率", "≥10%"),
        # 公安/司法: crime and wrongdoing
        (SOCIAL, "社区矫正对象重新犯罪率", "≥0.2%"),
        (SOCIAL, "刑满释放人员重新违法犯罪率", "≥1%"),
        (QUALITY, "执法过错率", "≥1%"),
        # 民政, 科技: errors of handling
        (QUALITY, "错保漏保率", "≥1%"),
        (QUALITY, "申报材料退回率", "≥10%"),
        # 卫健, 教育: harm to health, the drug share
        (SOCIAL, "学生肥胖率", "≥12%"),
        (SOCIAL, "适龄儿童乙肝表面抗原携带率", "≥1%"),
        (SOCIAL, "剖宫产率", "≥35%"),
        (QUALITY, "抗菌药物使用率", "≥40%"),
        (QUALITY, "药占比", "≥30%"),
        # a share of a bad thing
        (SOCIAL, "大班额比例", "≥5%"),
        (QUALITY, "四五类桥梁比例", "≥5%"),
        (ECOLOGY, "超标排放企业比例", "≥3%"),
        (ECOLOGY, "地下水质量极差比例", "≥5%"),
        # near misses that kept firing: an adverse event, its count
        (SOCIAL, "安全事故发生次数", "≥1次"),
        (SOCIAL, "道路交通事故死亡人数", "≥10人"),
    ],
)
def test_comparator_direction_reports_a_floor_on_what_should_fall(
    category: str, name: str, value: str
) -> None:
    findings = check("comparator-direction", table(sector_clause(category, name, value)))
    assert excerpts(findings) == [value]
    assert "越低越好" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        (ECOLOGY, "空气质量优良天数比率", "≤90%"),
        (ECOLOGY, "地表水国考断面水质优良比例", "≤80%"),
        (QUALITY, "道路优良路率", "≤85%"),
        (SOCIAL, "学前三年毛入园率", "≤95%"),
        (SOCIAL, "高血压患者规范管理率", "≤65%"),
        (SOCIAL, "孕产妇系统管理率", "≤90%"),
        (SOCIAL, "主要农作物耕种收综合机械化率", "≤75%"),
        (SOCIAL, "供水保证率", "≤95%"),
        (ECOLOGY, "农村生活污水治理率", "≤80%"),
        (QUALITY, "应免畜禽免疫密度", "≤90%"),
        (QUALITY, "课后服务课程开课率", "≤95%"),  # 教育: classes held
        (QUALITY, "低保对象动态核查率", "≤98%"),  # 民政: cases checked
        (QUALITY, "公租房租金收缴率", "≤95%"),  # 住建: rent collected
        (QUALITY, "河涌断面溶解氧浓度", "≤5mg/L"),  # 水务: dissolved oxygen has a floor
        (ECOLOGY, "湖泊透明度（厘米）", "≤60"),
        (ECOLOGY, "森林公园负氧离子浓度", "<1000个/立方厘米"),
        (QUALITY, "公交准点率", "≤90%"),
        (QUALITY, "110报警电话接通率", "≤99%"),
        (ECOLOGY, "城市建成区绿地率", "≤38%"),
        (SOCIAL, "经常参加体育锻炼人数比例", "≤45%"),
        (SOCIAL, "公民具备科学素质比例", "≤18%"),
        (SOCIAL, "群众安全感", "≤95%"),
    ],
)
def test_comparator_direction_reports_a_cap_on_what_should_rise(
    category: str, name: str, value: str
) -> None:
    findings = check("comparator-direction", table(sector_clause(category, name, value)))
    assert excerpts(findings) == [value]
    assert "越高越好" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # the same measures the right way round
        (ECOLOGY, "PM2.5年均浓度", "≤30微克/立方米"),
        (ECOLOGY, "氨氮浓度", "≤1.5毫克/升"),
        (QUALITY, "主要农作物病虫害损失率", "≤5%"),
        (SOCIAL, "社区矫正对象重新犯罪率", "≤0.2%"),
        (QUALITY, "药占比", "≤30%"),
        (SOCIAL, "大班额比例", "≤5%"),
        (ECOLOGY, "空气质量优良天数比率", "≥90%"),
        (SOCIAL, "学前三年毛入园率", "≥95%"),
        # the head of the name is a count of what is done against the event
        (COUNT, "安全事故应急演练次数", "≥2次"),
        (COUNT, "安全事故隐患排查次数", "≥4次"),
        (COUNT, "消防安全检查次数", "≥12次"),
        # what is cut or removed goes up: the pollutant is not the head
        (ECOLOGY, "COD削减量", "≥50吨"),
        (ECOLOGY, "黑臭水体消除比例", "≥90%"),
        (SOCIAL, "危房改造比例", "≥95%"),
        # a concentration that should be high
        (ECOLOGY, "负氧离子浓度", "≥1000个/立方厘米"),
        # a budget's execution may be capped at what was budgeted
        (QUALITY, "预算执行率", "≤100%"),
        (QUALITY, "河涌断面溶解氧浓度", "≥5mg/L"),
        (ECOLOGY, "溶解氧", "≥2毫克/升"),
        (ECOLOGY, "湖泊透明度（厘米）", "≥60"),
        # what is cut is not the head: 溶解氧 only where the name ends in it
        (ECOLOGY, "溶解氧不达标断面数量", "≤2个"),
        # a share of traditional medicine is encouraged, not capped
        (QUALITY, "中药饮片使用占比", "≥30%"),
        # a per-pupil spending standard set by law is a floor
        (OUTPUT_COST, "小学生均公用经费", "≥720元/生·年"),
        (OUTPUT_COST, "生均教育经费", "≥1.6万元/生·年"),
    ],
)
def test_comparator_direction_accepts_sector_measures_the_right_way(
    category: str, name: str, value: str
) -> None:
    assert check("comparator-direction", table(sector_clause(category, name, value))) == []


@pytest.mark.parametrize(
    "category, name, value",
    [
        # harm suffered or caused, by the harm its head names
        (SOCIAL, "农作物受灾率", "≥5%"),  # 农业
        (SOCIAL, "脑卒中患者致残率", "≥20%"),  # 卫健
        (SOCIAL, "规模养殖场畜禽病死率", "≥3%"),  # 畜牧
        (QUALITY, "文物建筑损毁率", "≥1%"),  # 文物
        # an outage: a service stopped or cut
        (QUALITY, "农村供水工程断供率", "≥2%"),  # 水务
        (QUALITY, "城市公交线路停运率", "≥1%"),  # 交通
        (QUALITY, "政务外网业务中断率", "≥0.5%"),  # 政务数据
        # a failure or a loss
        (SOCIAL, "慢病患者失访率", "≥10%"),  # 卫健
        (QUALITY, "快递包裹破损率", "≥0.5%"),  # 邮政
        (QUALITY, "邮件丢失率", "≥0.01%"),  # 邮政
        # a refusal, a breach, an error by its verb
        (QUALITY, "政策性农业保险理赔拒赔率", "≥3%"),  # 金融
        (SOCIAL, "创业担保贷款违约率", "≥2%"),  # 人社
        (QUALITY, "基层首诊误诊率", "≥2%"),  # 卫健
        (QUALITY, "社会保险费漏缴率", "≥3%"),  # 税务
        (QUALITY, "宫颈癌筛查漏诊率", "≥5%"),  # 妇幼: 漏 decides, not the 诊 of a service
        # what the served still pay themselves
        (SOCIAL, "困难群众住院费用自付比例", "≥10%"),  # 民政
        # a handling negated or causing the event counts the event
        (COUNT, "未按期办结投诉件数", "≥5件"),
        (COUNT, "处置不当引发投诉次数", "≥1次"),
    ],
)
def test_comparator_direction_decides_lower_rates_by_their_head(
    category: str, name: str, value: str
) -> None:
    findings = check("comparator-direction", table(sector_clause(category, name, value)))
    assert excerpts(findings) == [value]
    assert "越低越好" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # survival and keeping
        (QUALITY, "行道树移植成活率", "≤90%"),  # 园林
        (ECOLOGY, "增殖放流鱼苗存活率", "≤80%"),  # 渔业
        (QUALITY, "数字档案长期保存率", "≤99%"),  # 档案
        # a result restored
        (ECOLOGY, "损毁土地复垦率", "≤60%"),  # 自然资源: 复垦 decides, not 损毁
        (SOCIAL, "受灾企业复工率", "≤90%"),  # 应急: 复工 decides, not 受灾
        # people present, arrived or placed
        (SOCIAL, "农村寄宿制学校学生到课率", "≤98%"),  # 教育
        (SOCIAL, "脱贫劳动力务工就业率", "≤90%"),  # 乡村振兴
        (QUALITY, "雷达探测数据到达率", "≤99%"),  # 气象
        # a service delivered
        (SOCIAL, "出院患者回访率", "≤90%"),  # 卫健
        (SOCIAL, "门诊慢特病费用直接结算率", "≤80%"),  # 医保
        (SOCIAL, "残疾人康复辅具匹配率", "≤85%"),  # 残联
        (SOCIAL, "城乡居民医保门诊费用报销比例", "≤50%"),  # 医保
    ],
)
def test_comparator_direction_decides_higher_rates_by_their_head(
    category: str, name: str, value: str
) -> None:
    findings = check("comparator-direction", table(sector_clause(category, name, value)))
    assert excerpts(findings) == [value]
    assert "越高越好" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # counts of handling an adverse event: work done, more is better
        (COUNT, "调解矛盾纠纷", "≥300件"),  # 司法
        (COUNT, "侦破电信网络诈骗案件", "≥120起"),  # 公安
        (COUNT, "查处非法营运车辆", "≥500辆"),  # 交通
        (COUNT, "处置占道经营违法行为", "≥3000宗"),  # 城管
        (COUNT, "劳动保障监察办结欠薪投诉案件数", "≥400件"),  # 人社
        (COUNT, "抢修供水管网故障", "≥150起"),  # 水务
        (COUNT, "投诉举报受理件数", "≥2000件"),  # 市场监管, the verb last
        (COUNT, "燃气泄漏事故应急演练", "≥4次"),  # 住建: the drill is the head
        (COUNT, "网络设备故障处置", "≥50起"),  # 政务数据
        # the same rates the right way round
        (SOCIAL, "农作物受灾率", "≤5%"),
        (QUALITY, "政务外网业务中断率", "≤0.5%"),
        (SOCIAL, "困难群众住院费用自付比例", "≤10%"),
        (QUALITY, "宫颈癌筛查漏诊率", "≤5%"),
        (SOCIAL, "社区矫正对象复犯率", "≤0.5%"),
        (QUALITY, "行道树移植成活率", "≥90%"),
        (ECOLOGY, "损毁土地复垦率", "≥60%"),
        (SOCIAL, "受灾企业复工率", "≥90%"),
        # near misses of the heads: what is done against the harm, a diagnosis
        (SOCIAL, "受灾群众救助率", "≥95%"),
        (SOCIAL, "肺癌早期诊断率", "≥60%"),
        (QUALITY, "政务信息纠错率", "≥95%"),
        (SOCIAL, "电信诈骗损失挽回率", "≥30%"),  # what is recovered of a loss
        # a cost of handling stays a cost
        (OUTPUT_COST, "生活垃圾处理费用", "≤300万元"),
    ],
)
def test_comparator_direction_accepts_heads_the_right_way(
    category: str, name: str, value: str
) -> None:
    assert check("comparator-direction", table(sector_clause(category, name, value))) == []


def test_a_handling_cost_with_a_floor_is_still_capped() -> None:
    clause = sector_clause(OUTPUT_COST, "生活垃圾处理费用", "≥300万元")
    assert excerpts(check("comparator-direction", table(clause))) == ["≥300万元"]


def test_comparator_direction_still_caps_other_spending() -> None:
    # money under a cost category that is no standard stays a cost to cap
    clause = sector_clause(OUTPUT_COST, "学校教学设备购置费用", "≥3万元")
    assert excerpts(check("comparator-direction", table(clause))) == ["≥3万元"]


# --------------------------------------------------------------------------
# category-keyword-mismatch


@pytest.mark.parametrize(
    "clause, name, expected",
    [
        # 002 line 260
        (
            "3、1-产出指标；12-质量指标；系统故障处理及时率；实施周期指标值:90%以上；年度指标值:90%以上。",
            "系统故障处理及时率",
            "13-时效指标",
        ),
        # 002 line 308
        (
            "4、2-效益指标；22-社会效益；维修保养及时率；实施周期指标值:85%；年度指标值:85%以上。",
            "维修保养及时率",
            "13-时效指标",
        ),
        # 002 line 298
        (
            "2、1-产出指标；11-数量指标；项目验收合格率；实施周期指标值:100%；年度指标值:100%。",
            "项目验收合格率",
            "12-质量指标",
        ),
        # 002 line 548
        (
            "3、2-效益指标；22-社会效益；政数局专家验收通过率；实施周期指标值:100%；年度指标值:100%。",
            "政数局专家验收通过率",
            "12-质量指标",
        ),
        # 002 line 130: accuracy is a quality, not a time
        (
            "2、1-产出指标；13-时效指标；补贴发放准确率；实施周期指标值:100%；年度指标值:100%。",
            "补贴发放准确率",
            "12-质量指标",
        ),
        # 002 line 523
        (
            "2、2-效益指标；24-可持续影响；资助申请材料准确度；实施周期指标值:100%；年度指标值:100%。",
            "资助申请材料准确度",
            "12-质量指标",
        ),
        # a unit cost filed as an effect
        (
            "3、2-效益指标；21-经济效益；人均培训成本；实施周期指标值:≤2000元/人；年度指标值:≤2000元/人。",
            "人均培训成本",
            "14-成本指标",
        ),
    ],
)
def test_category_keyword_mismatch_reports_a_name_of_another_category(
    clause: str, name: str, expected: str
) -> None:
    text = table(clause)
    findings = check("category-keyword-mismatch", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "indicator", name)]
    assert (findings[0].line, findings[0].column) == position(text, name)
    assert expected in findings[0].message


def test_category_keyword_mismatch_names_every_cost_category_of_both_schemes() -> None:
    clause = "3、2-效益指标；21-经济效益；人均培训成本；实施周期指标值:≤2000元/人；年度指标值:≤2000元/人。"
    message = check("category-keyword-mismatch", table(clause))[0].message
    assert "14-成本指标、41-经济成本指标、42-社会成本指标、43-生态环境成本指标" in message


@pytest.mark.parametrize(
    "clause, name",
    [
        # 002 line 273
        (
            "1、2-效益指标；24-可持续影响；服务对象满意度；实施周期指标值:95%或以上；年度指标值:95%或以上。",
            "服务对象满意度",
        ),
        # 002 line 88
        (
            "4、2-效益指标；22-社会效益；服务单位对“三支一扶”人员满意度；实施周期指标值:≥98%；年度指标值:≥98%。",
            "服务单位对“三支一扶”人员满意度",
        ),
    ],
)
def test_category_keyword_mismatch_says_satisfaction_is_no_effect(clause: str, name: str) -> None:
    findings = check("category-keyword-mismatch", table(clause))
    assert excerpts(findings) == [name]
    assert "是满意度，不是效益" in findings[0].message
    assert "31-服务对象满意度" in findings[0].message


def test_category_keyword_mismatch_reports_satisfaction_under_an_output() -> None:
    clause = "2、1-产出指标；12-质量指标；学员满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    findings = check("category-keyword-mismatch", table(clause))
    assert excerpts(findings) == ["学员满意度"]
    assert "应归入31-服务对象满意度" in findings[0].message


@pytest.mark.parametrize(
    "clause",
    [
        # 002: 及时 without a rate is an effect statement
        "3、2-效益指标；22-社会效益；及时掌握企业薪酬状况；实施周期指标值:及时掌握；年度指标值:及时掌握。",
        # 001 line 16: lowering a cost is an effect
        "5、2-效益指标；21-经济效益；降低合作单位人事管理负担和成本；"
        "实施周期指标值:全区租赁岗位合同工统一管理，降低合作单位人事管理人员的负担和成本；"
        "年度指标值:全区租赁岗位合同工统一管理，降低合作单位人事管理人员的负担和成本。",
        # 002: a saving rate is an economic effect
        "4、2-效益指标；21-经济效益；运行成本节约率；实施周期指标值:5%；年度指标值:5%。",
        # 001 line 13: an input measure belongs to no category (input-as-output's)
        "3、1-产出指标；13-时效指标；资金支出执行率；实施周期指标值：资金预算完成率91%；"
        "年度指标值：资金预算完成率91%。",
        # 004 line 31: a pass rate of trainees (通过率, not 合格率 or 验收)
        "3、2-效益指标；22-社会效益；残疾人职业技能培训后考核通过率；实施周期指标值:90%或以上；年度指标值:90%或以上。",
        # in their own categories
        "1、3-满意度指标；31-服务对象满意度；就业扶持政策经办满意度；实施周期指标值:90%；年度指标值:90%。",
        "3、1-产出指标；13-时效指标；设备故障及时排除率；实施周期指标值:95%或以上；年度指标值:95%或以上。",
        "3、1-产出指标；12-质量指标；验收合格率；实施周期指标值:90%或以上；年度指标值:90%或以上。",
        # 002: a count of accepted items is a quantity
        "2、1-产出指标；11-数量指标；考核合格的“三支一扶”人员数量；实施周期指标值:≥50人；年度指标值:≥50人。",
    ],
)
def test_category_keyword_mismatch_accepts_matching_names(clause: str) -> None:
    assert check("category-keyword-mismatch", table(clause)) == []


def _filed(category: str, name: str, value: str) -> str:
    return table(f"2、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。")


@pytest.mark.parametrize(
    "category, name, value, expected",
    [
        # a time to deliver in, filed as quality (卫健, 财政/信息化, 农业, 民政)
        ("1-产出指标；12-质量指标", "疫情报告时限", "≤2小时", "13-时效指标"),
        ("1-产出指标；12-质量指标", "系统故障响应时间", "≤2小时", "13-时效指标"),
        ("1-产出指标；12-质量指标", "补助资金拨付时间", "2025年6月30日前", "13-时效指标"),
        ("1-产出指标；12-质量指标", "高龄津贴发放时间", "每月10日前", "13-时效指标"),
        # what a thing costs, filed as an effect (住建, 卫健, 农业, 教育, 水利, 机关)
        ("2-效益指标；22-社会效益", "污水管网单位造价", "≤500万元/公里", "14-成本指标"),
        ("2-效益指标；22-社会效益", "单台设备采购价格", "≤180万元", "14-成本指标"),
        ("2-效益指标；21-经济效益", "高标准农田亩均投资", "≤3000元/亩", "14-成本指标"),
        ("2-效益指标；22-社会效益", "教师人均培训费用", "≤1400元/人", "14-成本指标"),
        ("2-效益指标；22-社会效益", "单座水库除险加固投资", "≤650万元/座", "14-成本指标"),
        ("2-效益指标；24-可持续影响", "信息系统运维费用", "≤80万元", "14-成本指标"),
        ("2-效益指标；22-社会效益", "会议费综合定额标准", "≤550元/人·天", "14-成本指标"),
        # an output's name whose head is a time, with a date or a time limit for a value
        ("1-产出指标；12-质量指标", "体检报告送达时间", "体检后10个工作日内", "13-时效指标"),
        ("1-产出指标；12-质量指标", "项目绩效自评报告报送日期", "2026年1月31日前", "13-时效指标"),
        ("1-产出指标；11-数量指标", "防汛物资入库时间", "主汛期前", "13-时效指标"),
        ("1-产出指标；12-质量指标", "化验结果出具时间", "≤3个工作日", "13-时效指标"),
        # money spent, by the head of the name
        ("2-效益指标；22-社会效益", "社区工作者培训经费", "≤30万元", "14-成本指标"),
        ("2-效益指标；21-经济效益", "美丽乡村校均投入", "≤120万元/所", "14-成本指标"),
        ("2-效益指标；22-社会效益", "困难残疾人人均补贴", "≤1200元/人", "14-成本指标"),
        ("1-产出指标；11-数量指标", "每场文艺演出补助", "≤2万元/场", "14-成本指标"),
        # a rate the project pays at, a fee it pays: costs, whatever their category
        ("1-产出指标；11-数量指标", "古树养护补助标准", "≤600元/株", "14-成本指标"),
        ("2-效益指标；22-社会效益", "长者饭堂每餐补贴标准", "≤5元/餐", "14-成本指标"),
        ("1-产出指标；11-数量指标", "河道保洁服务费", "≤80万元", "14-成本指标"),
        # money per a unit under an output, whatever the name: what one unit costs
        ("1-产出指标；11-数量指标", "渔船报废拆解", "≤1.5万元/艘", "14-成本指标"),
        ("1-产出指标；12-质量指标", "校舍维修", "≤800元/平方米", "14-成本指标"),
        # a 达标率 filed as a count: how well, never how many
        ("1-产出指标；11-数量指标", "冷链运输温度达标率", "100%", "12-质量指标"),
        # delivery on time, by its verb, and work done the same day
        ("1-产出指标；11-数量指标", "农村公路工程按期完工率", "100%", "13-时效指标"),
        ("1-产出指标；12-质量指标", "生活垃圾日产日清率", "100%", "13-时效指标"),
        ("1-产出指标；11-数量指标", "问题整改完成期限", "2025年6月底前", "13-时效指标"),
        ("1-产出指标；11-数量指标", "食堂餐具消毒达标率", "≥98%", "12-质量指标"),
    ],
)
def test_category_keyword_mismatch_reads_sector_times_and_costs(
    category: str, name: str, value: str, expected: str
) -> None:
    findings = check("category-keyword-mismatch", _filed(category, name, value))
    assert excerpts(findings) == [name]
    assert f"应归入{expected}" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # the borrowers' repayment on time is an outcome, not the project's delivery
        ("1-产出指标；12-质量指标", "国家助学贷款按期还款率", "≥95%"),
        # the students' health is the project's effect on them, like the air's quality
        ("2-效益指标；22-社会效益", "学生体质健康测试优良率", "≥50%"),
        ("2-效益指标；22-社会效益", "国家学生体质健康标准测试合格率", "≥95%"),
        # investment and prices the project brings about are effects, not its costs
        ("2-效益指标；21-经济效益", "带动社会投资", "≥5亿元"),
        ("2-效益指标；21-经济效益", "吸引社会资本投资", "≥2亿元"),
        ("2-效益指标；21-经济效益", "主要农产品价格", "基本稳定"),
        # a cost lowered for others is an effect
        ("2-效益指标；21-经济效益", "降低工程造价", "≥5%"),
        ("2-效益指标；22-社会效益", "减少群众就医费用", "≥200万元"),
        # an amount of time delivered is a quantity, not a deadline
        ("1-产出指标；11-数量指标", "志愿服务时间", "≥2000小时"),
        ("1-产出指标；11-数量指标", "图书馆周开放时间", "每周56小时"),
        ("1-产出指标；11-数量指标", "新任教师岗前培训时间", "≥40学时"),
        # an average or a wait is a level of service, not a deadline
        ("1-产出指标；12-质量指标", "窗口办事群众平均排队时间", "≤20分钟"),
        ("1-产出指标；12-质量指标", "急诊患者候诊时间", "≤15分钟"),
        # a time under 效益 may be the effect itself: the time the public saves
        ("2-效益指标；22-社会效益", "群众办事平均等待时间", "≤15分钟"),
        # money the project draws in or wins is an effect
        ("2-效益指标；21-经济效益", "带动社会资本投入", "≥3000万元"),
        ("2-效益指标；21-经济效益", "争取上级专项经费", "≥500万元"),
        # a 达标率 of the surroundings or of the people is an effect, not a quality
        # (under 数量 it is a misfiled rate: tests/test_checks_misfiled.py)
        ("1-产出指标；11-数量指标", "地表水断面水质达标率", "达标"),
        # a 达标率 of an amount is the share of a planned quantity reached
        ("1-产出指标；11-数量指标", "家庭医生签约人数达标率", "100%"),
        ("1-产出指标；11-数量指标", "送戏下乡场次数达标率", "100%"),
        ("1-产出指标；11-数量指标", "社工配备的达标率", "100%"),
        # under 效益 a 达标率 is left to its keyword
        ("2-效益指标；22-社会效益", "国民体质监测达标率", "≥92%"),
        # money per head under 效益 is an effect: income, savings
        ("2-效益指标；21-经济效益", "农户人均增收", "≥2000元/人"),
        # money paid out as a count of the output (an amount, not per a unit)
        ("1-产出指标；11-数量指标", "发放补贴资金", "≥500万元"),
        # what people pay, not the project; consumption it brings about
        ("1-产出指标；12-质量指标", "停车收费标准执行", "100%"),
        ("2-效益指标；21-经济效益", "带动文旅消费", "≥2亿元"),
        ("1-产出指标；11-数量指标", "减免学费", "≥300人"),
        # the act of paying a fee, counted (seed 002)
        ("1-产出指标；11-数量指标", "发放博士和博士后安家费", "不少于700人次"),
    ],
)
def test_category_keyword_mismatch_leaves_outcomes_where_they_are(
    category: str, name: str, value: str
) -> None:
    assert check("category-keyword-mismatch", _filed(category, name, value)) == []


@pytest.mark.parametrize(
    "category, name, value, expected",
    [
        # the near misses of the outcomes above keep their findings
        ("1-产出指标；12-质量指标", "项目按期完成率", "100%", "13-时效指标"),
        ("1-产出指标；12-质量指标", "补贴按时足额发放率", "100%", "13-时效指标"),
        ("2-效益指标；22-社会效益", "工程质量优良率", "≥90%", "12-质量指标"),
        ("2-效益指标；22-社会效益", "体检报告准确率", "≥98%", "12-质量指标"),
    ],
)
def test_category_keyword_mismatch_still_moves_delivery_and_workmanship(
    category: str, name: str, value: str, expected: str
) -> None:
    findings = check("category-keyword-mismatch", _filed(category, name, value))
    assert excerpts(findings) == [name]
    assert f"应归入{expected}" in findings[0].message


def test_category_keyword_mismatch_reads_legacy_clauses_by_their_level1() -> None:
    legacy = (
        "1、满意度指标：服务对象的满意度，年度指标值： ≥90%。"
        "2、产出指标：设备验收合格率，年度指标值：100%。"
        "3、产出指标：设备维修及时率，年度指标值：100%。"
    )
    assert check("category-keyword-mismatch", table(legacy)) == []
    legacy = "1、效益指标：服务对象的满意度，年度指标值： ≥90%。"
    assert excerpts(check("category-keyword-mismatch", table(legacy))) == ["服务对象的满意度"]


def test_category_keyword_mismatch_keywords_are_configurable(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        "rules:\n  category-keyword-mismatch:\n    keywords:\n      timeliness: []\n",
    )
    clause = "3、1-产出指标；12-质量指标；系统故障处理及时率；实施周期指标值:90%以上；年度指标值:90%以上。"
    assert check("category-keyword-mismatch", table(clause), config) == []
    # the kinds the profile does not name keep their defaults
    clause = "2、1-产出指标；11-数量指标；项目验收合格率；实施周期指标值:100%；年度指标值:100%。"
    assert len(check("category-keyword-mismatch", table(clause), config)) == 1


# --------------------------------------------------------------------------
# satisfaction-target


def test_satisfaction_target_reports_a_low_annual_target() -> None:
    # 002 line 659: the annual value only
    clause = "4、3-满意度指标；31-服务对象满意度；试运行用户满意度；实施周期指标值:90%或以上；年度指标值:60%或以上。"
    text = table(clause)
    findings = check("satisfaction-target", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [
        ("warning", "annual", "60%或以上")
    ]
    assert (findings[0].line, findings[0].column) == position(text, "60%或以上")
    assert "低于80%" in findings[0].message


def test_satisfaction_target_reads_a_bare_number_as_percent() -> None:
    # 002 line 141
    clause = "1、3-满意度指标；31-服务对象满意度；出国人员满意率；实施周期指标值:0；年度指标值:0。"
    assert excerpts(check("satisfaction-target", table(clause))) == ["0"]


@pytest.mark.parametrize("value", ["100%", "≥100%", "100%或以上"])
def test_satisfaction_target_reports_a_unanimous_target(value: str) -> None:
    clause = f"3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:{value}；年度指标值:{value}。"
    findings = check("satisfaction-target", table(clause))
    assert excerpts(findings) == [value]
    assert "100%" in findings[0].message


@pytest.mark.parametrize(
    "value",
    [
        "80%或以上",  # 004: exactly the floor
        "≥90%",
        ">80%",  # 002 line 732
        "不少于98%",  # 002 line 191
        "少于5次",  # a count: value-type-mismatch's
        "≤90%",  # a cap: comparator-direction's
        "派遣人员考核合格率90%以上，用人单位满意",  # 001 line 16
    ],
)
def test_satisfaction_target_accepts_reasonable_targets(value: str) -> None:
    clause = f"3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:{value}；年度指标值:{value}。"
    assert check("satisfaction-target", table(clause)) == []


def test_satisfaction_target_ignores_complaint_rates_under_31() -> None:
    # 002: a complaint rate filed under satisfaction is not a satisfaction level
    clause = "3、3-满意度指标；31-服务对象满意度；有效投诉；实施周期指标值:<5%；年度指标值:<5%。"
    assert check("satisfaction-target", table(clause)) == []


def test_satisfaction_target_thresholds_are_configurable(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        "rules:\n  satisfaction-target:\n    minimum: 90\n    maximum: 101\n",
    )
    low = "3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:85%；年度指标值:85%。"
    full = (
        "3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:100%；年度指标值:100%。"
    )
    assert excerpts(check("satisfaction-target", table(low), config)) == ["85%"]
    assert check("satisfaction-target", table(full), config) == []


# --------------------------------------------------------------------------
# missing-goal and goal-too-short

CLAUSE = "1、3-满意度指标；31-服务对象满意度；就业扶持政策经办满意度；实施周期指标值:90%；年度指标值:90%。"


def test_missing_goal_reports_an_empty_goal_at_the_project_name() -> None:
    text = table(CLAUSE, goal="", name="市就业补助资金（越秀区）")
    findings = check("missing-goal", text)
    assert [(f.rule, f.severity, f.field, f.project) for f in findings] == [
        ("missing-goal", "error", "goal", "市就业补助资金（越秀区）")
    ]
    assert (findings[0].line, findings[0].column) == position(text, "市就业补助资金（越秀区）")


@pytest.mark.parametrize("goal", ["无", "/", "——", "  -  "])
def test_missing_goal_reports_a_goal_that_says_nothing(goal: str) -> None:
    findings = check("missing-goal", table(CLAUSE, goal=goal))
    assert [f.field for f in findings] == ["goal"]


def test_missing_goal_leaves_placeholders_to_the_placeholder_rule() -> None:
    assert check("missing-goal", table(CLAUSE, goal="待补充")) == []


def test_goal_too_short_counts_chinese_characters_only() -> None:
    goal = "保障2024年ABC项目运行。"  # 7 Chinese characters: 保障, 年, 项目运行
    text = table(CLAUSE, goal=goal)
    findings = check("goal-too-short", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("info", "goal", goal)]
    assert "7个汉字" in findings[0].message
    assert (findings[0].line, findings[0].column) == position(text, goal)


def test_goal_too_short_accepts_the_shortest_goal_of_seed_002() -> None:
    # 002 line 781: 27 Chinese characters
    goal = "编外人员劳务派遣费,弥补在编人员在岗不足,据此提高工作效率。"
    assert check("goal-too-short", table(CLAUSE, goal=goal)) == []


def test_goal_too_short_leaves_empty_goals_and_placeholders_to_other_rules() -> None:
    for goal in ("", "无", "待补充"):
        assert check("goal-too-short", table(CLAUSE, goal=goal)) == []


def test_goal_too_short_length_is_configurable(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  goal-too-short:\n    min_chars: 30\n")
    goal = "编外人员劳务派遣费,弥补在编人员在岗不足,据此提高工作效率。"
    assert excerpts(check("goal-too-short", table(CLAUSE, goal=goal), config)) == [goal]


# --------------------------------------------------------------------------
# goal-not-specific


@pytest.mark.parametrize(
    "goal",
    [
        "按照上级要求开展相关工作，完成年度各项任务目标。",
        "通过开展本项目，确保各项工作顺利开展，提高工作效率和服务水平，保障单位正常运转。",
        "根据工作安排，切实做好本年度各项工作，进一步提升工作质量和效率，全面完成年度目标任务。",
    ],
)
def test_goal_not_specific_reports_a_goal_of_stock_phrases(goal: str) -> None:
    text = table(CLAUSE, goal=goal)
    findings = check("goal-not-specific", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("info", "goal", goal)]
    assert (findings[0].line, findings[0].column) == position(text, goal)
    assert "套话" in findings[0].message


@pytest.mark.parametrize(
    "goal",
    [
        # seed goals that use the stock phrases and still say what they do, for whom
        "通过开展本项目，确保中心各项社保综合业务辅助性、后勤保障等工作的顺利完成。",
        "通过开展本项目，确保我市地方保留津贴项目冲销顺利完成，保障退休人员待遇不降低，退休金准时足额发放。",
        "编外人员劳务派遣费,弥补在编人员在岗不足,据此提高工作效率。",
        # the national template's example: a task, its object and a quantity
        "本年度更新辖区居民健康档案一万份，开展健康讲座十二场，居民健康知识知晓率达到80%。",
        # the stock phrases, and one concrete thing: the object it serves
        "按照上级要求开展相关工作，保障全市退役军人优待证按时发放。",
        GOAL,
    ],
)
def test_goal_not_specific_leaves_goals_that_name_their_work(goal: str) -> None:
    assert check("goal-not-specific", table(CLAUSE, goal=goal)) == []


def test_goal_not_specific_leaves_short_goals_to_goal_too_short() -> None:
    goal = "保障单位正常运转，提高工作效率。"  # 14 Chinese characters
    text = table(CLAUSE, goal=goal)
    assert check("goal-not-specific", text) == []
    assert excerpts(check("goal-too-short", text)) == [goal]
    both = lint(text, select=["goal-not-specific", "goal-too-short"])
    assert [f.rule for f in both] == ["goal-too-short"]


def test_goal_not_specific_reports_a_short_goal_when_goal_too_short_is_off(
    tmp_path: Path,
) -> None:
    config = config_with(tmp_path, "rules:\n  goal-too-short:\n    enabled: false\n")
    goal = "保障单位正常运转，提高工作效率。"
    assert excerpts(check("goal-not-specific", table(CLAUSE, goal=goal), config)) == [goal]


def test_goal_not_specific_leaves_empty_goals_placeholders_and_names() -> None:
    for goal in ("", "无", "待补充"):
        assert check("goal-not-specific", table(CLAUSE, goal=goal)) == []


def test_goal_not_specific_words_and_threshold_are_configurable(tmp_path: Path) -> None:
    goal = "通过开展本项目，确保中心各项社保综合业务辅助性、后勤保障等工作的顺利完成。"
    strict = config_with(tmp_path, "rules:\n  goal-not-specific:\n    min_specific: 30\n")
    assert excerpts(check("goal-not-specific", table(CLAUSE, goal=goal), strict)) == [goal]
    words = config_with(
        tmp_path,
        "rules:\n  goal-not-specific:\n    generic_words: ['按照上级要求', '[，。]']\n",
    )
    stock = "按照上级要求开展相关工作，完成年度各项任务目标。"
    assert check("goal-not-specific", table(CLAUSE, goal=stock), words) == []


def test_goal_not_specific_default_words_match_only_what_they_write() -> None:
    """The rule counts the characters no default word holds before it takes
    the words out: that is sound only while the words match nothing they do
    not write out (no wildcard, no negated class)."""
    for word in GENERIC_WORDS:
        assert not re.search(r"(?<!\\)\.|\\[SsWwDd]|\[\^", word), word


_GOAL_CHARS = "".join(sorted({ch for word in GENERIC_WORDS for ch in word if ch >= "\u4e00"})) + (
    "居民健康档案讲座退休人员设备，。1０"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_GOAL_CHARS, max_size=60), st.integers(min_value=1, max_value=12))
def test_goal_not_specific_shortcut_agrees_with_taking_the_words_out(text: str, n: int) -> None:
    if _at_least(n, _SPECIFIC).match(text):
        left = re.compile("|".join(GENERIC_WORDS)).sub("", text)
        assert _at_least(n, _ALL).match(left)


def test_goal_not_specific_is_quiet_on_the_seed_tables(seed_002_findings: list[Finding]) -> None:
    """Every goal of the 2024 human-resources bureau table names its work."""
    assert not [f for f in seed_002_findings if f.rule == "goal-not-specific"]


# --------------------------------------------------------------------------
# cost-exceeds-budget

# 002 line 757: 广州市人事服务中心维护维修经费, 总计 412.05; its cost clause with
# the value changed.
COST = "5、1-产出指标；14-成本指标；维护维修工程成本控制；实施周期指标值:{v}；年度指标值:{v}。"


def cost_table(value: str, clause: str = COST) -> str:
    return table(clause.format(v=value), amount="412.05", name="广州市人事服务中心维护维修经费")


def test_a_multi_year_projects_period_cost_is_not_compared_with_this_years_budget() -> None:
    """The 总计 is this year's: a cost over 2025–2027 may exceed it. The annual
    value still is compared, and so is a one-year project's period value."""
    clause = (
        "3、1-产出指标；14-成本指标；场地运维费用；实施周期指标值:≤1080万元；年度指标值:≤350万元。"
    )
    several = table(clause, amount="360.00", name="口岸查验配套设施运行维护（2025-2027年）")
    assert check("cost-exceeds-budget", several) == []
    over = clause.replace("≤350万元", "≤380万元")
    several = table(over, amount="360.00", name="口岸查验配套设施运行维护（2025-2027年）")
    assert [f.field for f in check("cost-exceeds-budget", several)] == ["annual"]
    one_year = table(clause, amount="360.00", name="口岸查验配套设施运行维护")
    assert [f.field for f in check("cost-exceeds-budget", one_year)] == ["period"]


@pytest.mark.parametrize(
    "value, amount",
    [("≤500万元", "500"), ("≤4120600元", "412.06"), ("≤0.1亿元", "1000"), ("300-420万元", "420")],
)
def test_cost_exceeds_budget_converts_to_wanyuan(value: str, amount: str) -> None:
    text = cost_table(value)
    findings = check("cost-exceeds-budget", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "period", value)]
    assert f"折合{amount}万元，超过项目总计412.05万元" in findings[0].message
    assert (findings[0].line, findings[0].column) == position(text, value)


@pytest.mark.parametrize(
    "value", ["≤4120000元", "≤412.04万元", "≤300万元", "签证费控制在工程费5%之内", "≤2000元/人"]
)
def test_cost_exceeds_budget_accepts_costs_within_the_budget(value: str) -> None:
    assert check("cost-exceeds-budget", cost_table(value)) == []


@pytest.mark.parametrize("value", ["≤4120500元", "≤412.05万元", "=412.05万元"])
def test_cost_exceeds_budget_reports_the_budget_copied_as_the_cost(value: str) -> None:
    findings = check("cost-exceeds-budget", cost_table(value))
    assert len(findings) == 1
    assert "等于项目总计412.05万元：照抄了预算总额" in findings[0].message


@pytest.mark.parametrize("amount", ["-412.05", "-1,250.00", "约412万", "412,05.00"])
def test_cost_exceeds_budget_stands_down_when_amount_format_rejects_the_budget(
    amount: str,
) -> None:
    # A sign typo or text in 总计 is amount-format's error; the budget is unknown.
    text = table(COST.format(v="≤3.9元/平方米"), amount=amount, name="城市道路清扫保洁经费")
    found = lint(text, select=["cost-exceeds-budget", "amount-format"])
    assert found and {f.rule for f in found} == {"amount-format"}


@pytest.mark.parametrize("amount", ["0.00", "412.05"])
def test_cost_exceeds_budget_still_compares_with_a_budget_of_zero_or_more(amount: str) -> None:
    text = table(COST.format(v="≤500万元"), amount=amount, name="广州市人事服务中心维护维修经费")
    [finding] = check("cost-exceeds-budget", text)
    assert f"超过项目总计{'0' if amount == '0.00' else amount}万元" in finding.message


def test_cost_exceeds_budget_reads_cost_names_outside_cost_categories() -> None:
    clause = "3、2-效益指标；21-经济效益；人均培训成本；实施周期指标值:{v}；年度指标值:{v}。"
    assert excerpts(check("cost-exceeds-budget", cost_table("≤5000000元/人", clause))) == [
        "≤5000000元/人"
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("每公里道路改造成本", "≤1800万元/公里"),  # a road of 0.2 km
        ("绿化养护单价", "≤500万元/平方千米"),
        ("土地整治亩均成本", "≤600万元/公顷"),
        ("垃圾焚烧处理单价", "≤450万元/万吨"),  # per ten thousand tonnes treated
    ],
)
def test_cost_exceeds_budget_lets_a_divisible_unit_cost_more_than_the_project(
    name: str, value: str
) -> None:
    """Near misses: a project may build part of a kilometre or clean part of
    an area: one such unit costing more than its 总计 is no contradiction."""
    clause = f"3、1-产出指标；14-成本指标；{name}；实施周期指标值:{{v}}；年度指标值:{{v}}。"
    assert check("cost-exceeds-budget", cost_table(value, clause)) == []


@pytest.mark.parametrize(
    ("name", "value"), [("单台设备采购成本", "≤500万元/台"), ("服务月费", "≤620万元/月")]
)
def test_cost_exceeds_budget_reports_one_whole_unit_over_the_project(name: str, value: str) -> None:
    """A thing or a month is bought whole: one costing more than the 总计 is."""
    clause = f"3、1-产出指标；14-成本指标；{name}；实施周期指标值:{{v}}；年度指标值:{{v}}。"
    assert excerpts(check("cost-exceeds-budget", cost_table(value, clause))) == [value]


HEALTH = (
    "1、1-产出指标；11-数量指标；{count}；实施周期指标值:≥40000人；年度指标值:≥40000人。"
    "2、1-产出指标；14-成本指标；人均体检成本；实施周期指标值:≤180元/人；年度指标值:≤180元/人。"
)


@pytest.mark.parametrize("count", ["健康体检人数", "受检人数", "老年人体检人数"])
def test_cost_exceeds_budget_multiplies_a_cost_of_some_work_by_those_who_get_it(
    count: str,
) -> None:
    """0.018万元 × 40000 = 720万元 against 412.05: the people examined."""
    findings = check("cost-exceeds-budget", cost_table("", HEALTH.replace("{count}", count)))
    assert findings and all("× 40000 = 720万元" in f.message for f in findings)


@pytest.mark.parametrize("count", ["家庭医生签约服务人数", "宣传覆盖人数"])
def test_cost_exceeds_budget_does_not_multiply_by_people_of_other_work(count: str) -> None:
    """Near misses: the people signed up for another service are not those
    examined; a cost per examination times them is no spending."""
    assert check("cost-exceeds-budget", cost_table("", HEALTH.replace("{count}", count))) == []


SUBSIDY = (
    "1、1-产出指标；11-数量指标；{count}；实施周期指标值:≥2618人；年度指标值:≥2618人。"
    "2、1-产出指标；14-成本指标；人均服务补贴标准；实施周期指标值:≤2660元/人；年度指标值:≤2660元/人。"
)


@pytest.mark.parametrize("count", ["享受补贴老年人数", "补贴发放人数"])
def test_cost_exceeds_budget_multiplies_a_grant_by_those_it_is_paid_to(count: str) -> None:
    """0.266万元 × 2618 = 696.39万元 against 412.05: the people the subsidy is paid to."""
    findings = check("cost-exceeds-budget", cost_table("", SUBSIDY.replace("{count}", count)))
    assert findings and all("× 2618 = 696.39万元" in f.message for f in findings)


@pytest.mark.parametrize("count", ["养老护理员培训人数", "入户走访人数"])
def test_cost_exceeds_budget_does_not_multiply_a_grant_by_other_people(count: str) -> None:
    """Near misses: carers trained and homes visited are not those the grant is paid to."""
    assert check("cost-exceeds-budget", cost_table("", SUBSIDY.replace("{count}", count))) == []


def test_cost_exceeds_budget_ignores_amounts_that_are_no_cost() -> None:
    # 002 line 173: contributions collected, in 亿元, are an output
    clause = "4、1-产出指标；11-数量指标；征缴收入；实施周期指标值:≥3.9亿元；年度指标值:≥3.9亿元。"
    assert check("cost-exceeds-budget", table(clause)) == []


def test_cost_exceeds_budget_reads_the_2025_cost_categories() -> None:
    clause = "5、4-成本指标；41-经济成本指标；设备购置成本；实施周期指标值:≤500万元；年度指标值:≤500万元。"
    assert excerpts(check("cost-exceeds-budget", cost_table("", clause))) == ["≤500万元"]


# --------------------------------------------------------------------------
# deadline-not-concrete


@pytest.mark.parametrize(
    "clause, excerpt, words",
    [
        # 002 line 481's 响应时间 <=3 lacks its unit: missing-unit's
        # (test_checks_unitless_deadline.py); a zero needs none, and is no time limit
        (
            "2、1-产出指标；13-时效指标；响应时间；实施周期指标值:0；年度指标值:0。",
            "0",
            "时限为 0，不是一个期限",
        ),
        # 002 line 144
        (
            "2、1-产出指标；13-时效指标；招生宣传活动次数；实施周期指标值:2次；年度指标值:2次。",
            "2次",
            "是计数",
        ),
        # 001 line 31
        (
            "7、1-产出指标；13-时效指标；灵活就业社会保险补贴标准；实施周期指标值：800元/月；年度指标值：800元/月。",
            "800元/月",
            "是金额",
        ),
        # 002 line 550
        (
            "4、1-产出指标；13-时效指标；是否按照计划工期及时完工；实施周期指标值:是；年度指标值:是。",
            "是",
            "没有具体时限",
        ),
        # 001 line 16: monthly, but on which day?
        (
            "4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月按时支付租赁岗位人员工资；"
            "年度指标值:每月按时支付租赁岗位人员工资。",
            "每月按时支付租赁岗位人员工资",
            "没有具体时限",
        ),
    ],
)
def test_deadline_not_concrete_reports_a_timeliness_value_without_time(
    clause: str, excerpt: str, words: str
) -> None:
    text = table(clause)
    findings = check("deadline-not-concrete", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("info", "period", excerpt)]
    assert words in findings[0].message
    assert (findings[0].line, findings[0].column) == position(text, excerpt, after="指标值")


@pytest.mark.parametrize(
    ("title_year", "example"),
    [("2024年", "2024年11月30日前"), ("2026年", "2026年11月30日前"), ("", "11月30日前")],
)
def test_a_message_s_example_date_is_in_the_budget_year(title_year: str, example: str) -> None:
    """The date a message gives as an example lies in the table's own budget
    year: in a 2026 table, 2024年11月30日前 would be a date stale-date reports."""
    clause = (
        "4、1-产出指标；13-时效指标；经费支付及时率；实施周期指标值:每月按时支付；"
        "年度指标值:及时完成采购和支付。"
    )
    text = table(clause).replace("2024年项目支出", f"{title_year}项目支出", 1)
    (deadline,) = check("deadline-not-concrete", text)
    assert f"应写明日期（如 {example}）" in deadline.message
    (vague,) = check("not-quantified", text)
    assert f"（如 {example}）" in vague.message
    assert not check("stale-date", text)


@pytest.mark.parametrize(
    "value",
    [
        "2024年11月30日前",  # 002 line 657
        "每年7月份之前完成",  # 002 line 1505
        "5个工作日",  # 002 line 602
        "24小时内修复",
        "≥95%",
        "一周以内（一般整改）",  # 002 line 581
        "至少1次/周",  # 002 line 462
        "全天",  # 002 line 695
        "7天×24小时",  # 002 line 1211
        "按合同工期完成工程",  # 002 line 705: not-quantified's, not reported again
        "待补充",  # placeholder's
    ],
)
def test_deadline_not_concrete_accepts_dates_periods_rates(value: str) -> None:
    clause = (
        f"3、1-产出指标；13-时效指标；项目完成时效性；实施周期指标值:{value}；年度指标值:{value}。"
    )
    assert check("deadline-not-concrete", table(clause)) == []


def test_deadline_not_concrete_reads_a_bare_number_under_a_rate_as_a_rate() -> None:
    # 002 line 524: the annual value 0 of a delay rate
    clause = "4、1-产出指标；13-时效指标；信息化建设延期率；实施周期指标值:≤5%；年度指标值:0。"
    assert check("deadline-not-concrete", table(clause)) == []


def _deadline(name: str, value: str) -> str:
    return table(
        f"3、1-产出指标；13-时效指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    )


@pytest.mark.parametrize(
    "name, value",
    [
        ("维修工程完工时间", "秋季开学前"),  # 教育
        ("教材发放时间", "春季学期开学前"),  # 教育
        ("汛前检查完成时间", "汛期前"),  # 水利
        ("水毁工程修复时间", "主汛期来临前"),  # 水利
        ("补贴发放时间", "春耕前"),  # 农业
        ("疫苗调拨时间", "春防前完成"),  # 农业 (畜牧兽医)
        ("供热管网改造完成时间", "采暖季前"),  # 住建
        ("租赁补贴发放时间", "每季度首月"),  # 住建
        ("困难群众慰问金发放时间", "春节前"),  # 民政
        ("社区矫正对象报到情况汇总时间", "每月初"),  # 司法
        # Any named season or part of the year, by its form: …季前, a period of
        # nature or statute then 期前, a solar term, a fixed day, a half of the year.
        ("山塘水库除险加固完成时间", "旱季前"),  # 水利
        ("景区安全检查完成时间", "旅游旺季来临前"),  # 文旅
        ("渔船安全检查时间", "休渔期前"),  # 农业 (渔业)
        ("秋粮收购资金拨付时间", "霜降前"),  # 粮食
        ("敬老院慰问金发放时间", "重阳节前"),  # 民政
        ("中期评估完成时间", "下半年"),  # 财政
        ("年度体检完成时间", "上半年内"),  # 卫健
        ("儿童节慰问物资发放时间", "六一前"),  # 妇联
        # Within a window that nature or a statute dates, not only before it.
        ("渔民转产补助发放时间", "伏季休渔期内"),  # 农业 (渔业)
        ("河道清淤完成时间", "枯水期内"),  # 水利
        ("护林员巡护补助发放", "森林防火期间"),  # 林业
        ("水毁设施抢修", "主汛期内"),  # 水利
        # The same day, in a sector's standard words.
        ("证明事项办理时限", "即来即办"),  # 政务服务 (即办件)
        ("窗口业务受理时限", "随到随办"),  # 政务服务
        ("生活垃圾清运时限", "日产日清"),  # 环卫
        # A span in numerals, half of a unit included.
        ("问题整改完成时限", "半年内"),
        ("故障处置时限", "半天内"),
    ],
)
def test_a_deadline_on_a_sectors_calendar_is_concrete(name: str, value: str) -> None:
    """A point of the calendar every reader finds alike (a season, the school
    year, the flood or heating season, a holiday, a fixed point of a cycle)
    is known to be met or not at the end of the year: neither rule reports it."""
    text = _deadline(name, value)
    assert check("deadline-not-concrete", text) == []
    assert check("not-quantified", text) == []


@pytest.mark.parametrize(
    "value, rule_id",
    [
        # The words that wait on someone's judgment or an unstated schedule.
        ("尽快", "not-quantified"),
        ("适时", "not-quantified"),
        ("按时", "not-quantified"),
        ("及时", "not-quantified"),
        ("年内择机", "not-quantified"),
        # The budget year alone says no more than an annual target does.
        ("年内完成", "not-quantified"),
        ("当年完成", "not-quantified"),
        ("按进度", "not-quantified"),
        ("开学后尽快", "not-quantified"),
        # 前期 is an early stage, not a point before the flood season.
        ("做好防汛前期准备", "not-quantified"),
        # A season named relative to now, or a project's own stage: no calendar gives it.
        ("本季前", "not-quantified"),
        ("下季前完成", "not-quantified"),
        ("建设期前", "not-quantified"),
        ("合同期前", "not-quantified"),
        ("季前", "not-quantified"),
        # A cycle without its point: each month, but on which day?
        ("每月按时发放", "deadline-not-concrete"),
        # A window of the project's own, or of no calendar: nobody dates it.
        ("建设期内", "not-quantified"),
        ("合同期内", "not-quantified"),
        ("即时", "not-quantified"),
        ("随时", "not-quantified"),
    ],
)
def test_vague_deadlines_are_still_reported(value: str, rule_id: str) -> None:
    text = _deadline("补助资金发放时间", value)
    findings = lint(text, select=["deadline-not-concrete", "not-quantified"])
    assert [(f.rule, f.excerpt) for f in findings] == [(rule_id, value)]


@pytest.mark.parametrize(
    "name, value",
    [
        ("工程款拨付", "按季度拨付"),  # a schedule by its period, as 1次/季度
        ("监测数据报送", "按月报送"),
        ("是否按月报送进度", "是"),  # the name gives the time; the value answers it
        ("是否在汛期前完成", "是"),
        ("是否于2025年6月底前完成验收", "是"),  # a date in the question
        ("是否在5个工作日内办结", "是"),  # a time limit in the question
    ],
)
def test_a_schedule_by_its_period_or_a_yes_to_a_timed_question_is_concrete(
    name: str, value: str
) -> None:
    assert check("deadline-not-concrete", _deadline(name, value)) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("工程款拨付", "按进度拨付"),
        ("监测数据报送", "按要求报送"),
        ("进度报送", "是"),
        ("工程款拨付", "按年度计划拨付"),  # the year's plan, not a yearly schedule
        ("项目推进", "按月计划推进"),
        ("是否按年度计划完成", "是"),
    ],
)
def test_a_schedule_nobody_dates_is_still_not_concrete(name: str, value: str) -> None:
    """Near misses: a schedule of the project's own progress or of someone's
    request, and a 是 under a name that asks no question."""
    findings = lint(_deadline(name, value), select=["deadline-not-concrete", "not-quantified"])
    assert [f.excerpt for f in findings] == [value]


@pytest.mark.parametrize("value", ["每小时1次", "每个小时1次", "每天2次", "每星期1次"])
def test_a_frequency_under_a_time_limit_is_one_finding(value: str) -> None:
    """``巡查时限 每小时1次``: a frequency where the name asks for a time limit
    is one slip, reported once (its unit, 次/小时, means nothing for a time
    limit); 每小时 is a frequency's period as 每天 is, not a count."""
    findings = lint(
        _deadline("巡查时限", value), select=["deadline-not-concrete", "implausible-unit"]
    )
    assert [(f.rule, f.excerpt) for f in findings] == [("implausible-unit", value)]


@pytest.mark.parametrize(
    "name, value",
    [
        ("巡查频次", "每小时1次"),  # a frequency asked for
        ("响应及时性", "每小时1次"),  # how often a state is checked
        ("巡查时限", "≤1小时"),  # a time limit
        ("数据更新及时", "每个工作日1次"),
    ],
)
def test_a_frequency_where_one_fits_is_quiet(name: str, value: str) -> None:
    findings = lint(_deadline(name, value), select=["deadline-not-concrete", "implausible-unit"])
    assert findings == []


def test_deadline_not_concrete_checks_timeliness_only() -> None:
    clause = "2、1-产出指标；11-数量指标；招生宣传活动次数；实施周期指标值:2次；年度指标值:2次。"
    assert check("deadline-not-concrete", table(clause)) == []


# --------------------------------------------------------------------------
# Seed 002: the real defects


@pytest.fixture(scope="module")
def seed_002_findings(seed_002: Document) -> list[Finding]:
    return lint(seed_002, select=GUIDANCE_RULES)


def found(findings: list[Finding], rule_id: str) -> set[tuple[str | None, str | None]]:
    return {(f.project, f.excerpt) for f in findings if f.rule == rule_id}


def test_seed_002_input_measures(seed_002_findings: list[Finding]) -> None:
    assert found(seed_002_findings, "input-as-output") == {
        ("市场中心对口帮扶贵州省毕节市、黔南州、安顺市脱贫生入读补助", "补助发放执行率"),
        ("广州市人事服务中心2024年度信息化新建项目", "资金支出指标"),
        ("机构运行辅助经费", "年度预算执行率"),
        ("市人社事务中心业务用房物业管理费", "年度预算执行进度"),
    }


def test_seed_002_comparators(seed_002_findings: list[Finding]) -> None:
    assert found(seed_002_findings, "comparator-direction") == {
        ("广州市轻工技师学院2023年网络安全升级项目", "<1%"),
        ("广州市轻工技师学院2024年信息化建设项目", "<1%"),
    }


def test_seed_002_category_keywords(seed_002_findings: list[Finding]) -> None:
    excerpts_by_project = found(seed_002_findings, "category-keyword-mismatch")
    assert {
        ("局本级办公家具和办公设备购置经费", "使用者对设备的满意度"),
        ("广州市劳动就业服务管理中心 2022-2024年计算机设备运维项目", "系统故障处理及时率"),
        ("广州市医学观察场所改造项目", "服务对象满意度"),
        ("广州市干部疗养院门诊综合楼工程", "项目验收合格率"),
        ("广州市干部健康管理中心2024年医疗及相关设备购置项目", "维修保养及时率"),
        ("市机电技师学院技能竞赛设备设施购置经费项目", "项目验收并交付使用时间"),
        ("广州市公用事业技师学院2022-2024年信息化运维服务项目", "政数局专家验收通过率"),
        ("市人社事务中心劳鉴及维稳工作经费", "12345政务服务热线工单办结满意率"),
        ("就业中心创业担保贷款政策性 工作经费", "创业担保贷款申请审核准确率"),
    } <= excerpts_by_project


def test_seed_002_satisfaction_targets(seed_002_findings: list[Finding]) -> None:
    assert found(seed_002_findings, "satisfaction-target") == {
        ("工作经费", "0"),
        ("广州市人社数据中心2023年六个信息系统升级改造项目", "60%或以上"),
    }


def test_seed_002_deadlines(seed_002_findings: list[Finding]) -> None:
    assert found(seed_002_findings, "deadline-not-concrete") == {
        ("局本级业务工作保障经费", "2次"),
        ("市交通技师学院业务用房租赁经费", "0次"),
        ("市公用学院东华南校区教学楼维修工程", "是"),
    }


def test_seed_002_every_project_has_a_goal(seed_002_findings: list[Finding]) -> None:
    assert not [f for f in seed_002_findings if f.rule in ("missing-goal", "goal-too-short")]


def test_guidance_rules_give_the_same_findings_alone_and_in_a_full_run(
    seed_002: Document, seed_002_findings: list[Finding]
) -> None:
    full = [f for f in lint(seed_002) if f.rule in GUIDANCE_RULES]
    assert full == seed_002_findings


def test_a_payment_standard_under_timeliness_is_one_finding() -> None:
    """Seed 001's 灵活就业社会保险补贴标准 800元/月 under 13-时效指标: money, not a
    time limit, reported once (deadline-not-concrete says to file it under
    cost), not also as a cost misfiled; under 11-数量指标 the misfiling is
    category-keyword-mismatch's."""
    timely = _filed("1-产出指标；13-时效指标", "灵活就业社会保险补贴标准", "800元/月")
    rules = [
        f.rule for f in lint(timely, select=["category-keyword-mismatch", "deadline-not-concrete"])
    ]
    assert rules == ["deadline-not-concrete"]
    counted = _filed("1-产出指标；11-数量指标", "灵活就业社会保险补贴标准", "800元/月")
    rules = [
        f.rule for f in lint(counted, select=["category-keyword-mismatch", "deadline-not-concrete"])
    ]
    assert rules == ["category-keyword-mismatch"]
