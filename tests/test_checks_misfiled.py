"""Targets filed or written against their category: a rate under 数量
(``category-keyword-mismatch``), a money-per-unit target with a floor or
under 效益 (``comparator-direction``, ``category-keyword-mismatch``), ``=`` on
an output count, several measures in one value (``several-targets``) and a
cell numbered in mixed styles (``clause-numbering``), in the clause cell and
in the national layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Finding
from tests.conftest import config_with, lint
from tests.national import FORM, LIST, csv_document, sheet_document
from tests.test_checks_guidance import check, excerpts, table

QUANTITY = "1-产出指标；11-数量指标"


def filed(category: str, name: str, value: str, number: int = 2) -> str:
    return f"{number}、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


def keyword(name: str, value: str, category: str = QUANTITY) -> list[Finding]:
    return check("category-keyword-mismatch", table(filed(category, name, value)))


# --------------------------------------------------------------------------
# a rate filed under 数量


@pytest.mark.parametrize(
    "name, value",
    [
        # what the project handles, as a share of what came in (市场监管, 应急, 司法)
        ("抽检不合格产品后处置率", "100%"),
        ("森林火险隐患整改率", "≥98%"),
        ("公益林管护责任落实率", "≥95%"),  # how a duty is kept to, not work done
        ("矛盾纠纷调处成功率", "≥96%"),
        # how well a service is managed, not how far it reached
        ("高血压患者规范管理率", "≥60%"),
        # how much an output is used, answered or attended
        ("村级文化室开放使用率", "≥85%"),
        ("12345热线工单回复率", "大于等于95%"),
        ("参训学员出勤率（%）", "≥90%"),
        # an effective rate is a share, not an efficiency (有效率, 失效率)
        ("康复训练有效率", "≥80%"),
        ("路灯灯具失效率", "≤2%"),
        # a share of a kind: 比例, 占比, 比重
        ("持证上岗人员比例", "≥90%"),
        ("绿色建材使用占比", "≥40%"),
    ],
)
def test_a_rate_under_quantity_is_misfiled_whatever_its_word(name: str, value: str) -> None:
    findings = keyword(name, value)
    assert excerpts(findings) == [name]
    assert f"是比率（{value}）" in findings[0].message
    assert "应归入12-质量指标" in findings[0].message


@pytest.mark.parametrize(
    "name",
    ["河流断面水质达标率", "城区餐饮油烟排放达标率", "中小学生体质健康达标率"],
)
def test_a_rate_of_the_surroundings_under_quantity_belongs_to_an_effect(name: str) -> None:
    (finding,) = keyword(name, "≥90%")
    assert "应归入21-经济效益、22-社会效益、23-生态效益、24-可持续影响" in finding.message
    assert "N12" not in finding.message


@pytest.mark.parametrize(
    "name, value",
    [
        # a share of the planned output done, reached, built or handed over
        ("年度重点任务完成率", "100%"),
        ("农村饮水安全工程覆盖率", "≥95%"),
        ("示范基地建成率", "100%"),
        ("新建项目开工率", "≥90%"),
        ("应急物资到位率", "100%"),
        ("耕地地力补贴发放比例", "100%"),
        ("居民电子健康档案建档率", "≥90%"),
        # the planned work carried out, by its verb
        ("志愿服务活动开展率", "100%"),
        ("补助资金拨付率", "100%"),
        ("应急广播终端安装率", "≥98%"),
        ("困难群众入户走访率", "100%"),
        ("重点人群家庭医生签约率", "≥75%"),
        ("家庭医生签约人数达标率", "100%"),
        # a health service delivered to the population it was planned for
        ("适龄儿童国家免疫规划疫苗接种率", "≥90%"),
        ("65岁及以上老年人健康管理率", "≥65%"),
        ("孕产妇产前筛查率", "≥85%"),
        ("孕产妇系统管理率", "≥85%"),
        ("肺结核患者管理率", "≥90%"),
        # a rate without a percentage is value-type-mismatch's, or a count
        ("水质监测频率", "每月1次"),
        ("窗口办件效率", "≥20件/日"),
        # not a rate: a count, an amount
        ("培训人次", "≥300人次"),
        # a rate in its own category
    ],
)
def test_a_share_of_the_planned_output_stays_under_quantity(name: str, value: str) -> None:
    assert keyword(name, value) == []


@pytest.mark.parametrize(
    "category, name",
    [
        ("1-产出指标；12-质量指标", "抽检不合格产品后处置率"),
        ("2-效益指标；22-社会效益", "矛盾纠纷调处成功率"),
        # a legacy 产出指标 holds every kind of output
        ("1-产出指标", "森林火险隐患整改率"),
    ],
)
def test_a_rate_in_another_category_is_left_alone(category: str, name: str) -> None:
    assert keyword(name, "≥95%", category) == []


def test_planned_shares_are_configurable(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        "rules:\n  category-keyword-mismatch:\n    planned_shares: ['(?:完成|受理)率$']\n",
    )
    text = table(filed(QUANTITY, "行政许可申请受理率", "100%"))
    assert check("category-keyword-mismatch", text) != []
    assert check("category-keyword-mismatch", text, config) == []
    # the default shares are replaced: 到位率 is a rate again
    text = table(filed(QUANTITY, "应急物资到位率", "100%"))
    assert excerpts(check("category-keyword-mismatch", text, config)) == ["应急物资到位率"]


def test_an_effective_rate_is_a_rate_for_value_type_mismatch() -> None:
    # 有效率 is a share, not 效率: a count there is the wrong kind of value
    clause = filed("1-产出指标；12-质量指标", "管网修复有效率", "≥5次")
    findings = check("value-type-mismatch", table(clause))
    assert excerpts(findings) == ["≥5次"]
    clause = filed("1-产出指标；12-质量指标", "审批工作效率", "≥5件/日")
    assert check("value-type-mismatch", table(clause)) == []


def _form(name: str, value: str) -> list[list[str]]:
    rows = [list(row) for row in FORM]
    rows[8] = ["", "", name, value, value]
    return rows


def test_a_rate_under_quantity_in_a_national_form() -> None:
    document = sheet_document(_form("重点人群随访管理率", "≥90%"))
    findings = lint(document, ["category-keyword-mismatch"])
    assert [(f.excerpt, f.location) for f in findings] == [("重点人群随访管理率", "Sheet1!C9")]
    assert "却归入「数量指标」" in findings[0].message
    assert (
        lint(sheet_document(_form("健康档案更新完成率", "100%")), ["category-keyword-mismatch"])
        == []
    )


def _list_findings(rows: list[list[str]], rule: str) -> list[str | None]:
    """The excerpts of ``rule``'s findings on a list that the clean list has not."""
    clean = {f.excerpt for f in lint(csv_document(LIST), [rule])}
    return [f.excerpt for f in lint(csv_document(rows), [rule]) if f.excerpt not in clean]


def test_a_rate_under_quantity_in_a_national_list() -> None:
    rows = [list(row) for row in LIST]
    rows[3][6:10] = ["公路病害处治率", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == ["公路病害处治率"]
    rows[3][6:10] = ["公路养护计划完成率", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == []


def test_a_rate_under_a_synonym_of_quantity_is_misfiled() -> None:
    # the category by the taxonomy, not by its literal name (Guangxi's 产出数量指标)
    rows = [list(row) for row in LIST]
    assert rows[7][5] == "产出数量指标"
    rows[7][6:10] = ["检查企业中规上企业占比", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == ["检查企业中规上企业占比"]
    rows[7][6:10] = ["安全隐患整改闭环率", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == ["安全隐患整改闭环率"]


# --------------------------------------------------------------------------
# the comparator by the category and the value

COST = "1-产出指标；14-成本指标"
ECONOMIC_COST_2025 = "4-成本指标；41-经济成本指标"


def direction(category: str, name: str, value: str) -> list[Finding]:
    return check("comparator-direction", table(filed(category, name, value)))


@pytest.mark.parametrize(
    "category, name, value, why",
    [
        # a subsidy, a standard, a quota the project pays: its cost, whatever the name
        (COST, "每宗法律援助案件办案补贴", "≥1800元/件", "归入「14-成本指标」"),
        (COST, "农机购置补助额度", "不低于3万元/台", "归入「14-成本指标」"),
        (ECONOMIC_COST_2025, "困难学生生活补助标准", "≥2500元/人", "归入「41-经济成本指标」"),
        # per a bed and a month: a unit's running cost, not a person's living
        (COST, "养老机构运营补贴标准", "≥200元/床·月", "归入「14-成本指标」"),
        (COST, "村级组织运转经费补助", "≥15万元", "归入「14-成本指标」"),
        # money per a unit under an output, whatever the name
        ("1-产出指标；11-数量指标", "草原围栏建设补助", "≥26元/亩", "每单位的金额"),
        ("1-产出指标；12-质量指标", "校舍加固改造", "≥900元/平方米", "每单位的金额"),
    ],
)
def test_a_floor_on_money_the_project_spends_is_reported(
    category: str, name: str, value: str, why: str
) -> None:
    findings = direction(category, name, value)
    assert excerpts(findings) == [value]
    assert findings[0].severity == "warning"
    assert f"是项目的支出（{why}）" in findings[0].message
    assert "应设上限" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # the same, capped
        (COST, "每宗法律援助案件办案补贴", "≤1800元/件"),
        (COST, "农机购置补助额度", "不高于3万元/台"),
        # a minimum set by law is a floor
        (COST, "初中生均公用经费", "≥950元/生·年"),
        (ECONOMIC_COST_2025, "环卫工人最低工资标准", "≥2300元/月"),
        (ECONOMIC_COST_2025, "特困人员基本生活供养标准", "≥9600元/人·年"),
        (COST, "城乡低保标准", "不低于800元/人·月"),
        # money paid to people per a period of time: a standard of living
        (ECONOMIC_COST_2025, "城乡居民基础养老金标准", "≥203元/人·月"),
        (ECONOMIC_COST_2025, "孤儿基本生活费标准", "≥2000元/人·月"),
        (COST, "城乡居民医保人均财政补助标准", "≥670元/人·年"),
        (COST, "公租房租赁补贴标准", "≥600元/户·月"),
        # money per a unit under 效益 is an effect raised
        ("2-效益指标；21-经济效益", "脱贫户人均务工收入", "≥6000元/人"),
        # a social cost is no money the project spends
        ("4-成本指标；42-社会成本指标", "施工扰民投诉", "≤3次"),
        # money under an output as an amount paid out, not per a unit
        ("1-产出指标；11-数量指标", "发放耕地地力补贴资金", "≥800万元"),
    ],
)
def test_money_that_may_rise_is_left_alone(category: str, name: str, value: str) -> None:
    assert direction(category, name, value) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("消防安全培训参训人数", "=350人"),
        ("送文化下乡演出", "＝24场"),
        ("农村危房改造", "等于120户"),
        ("科普讲座", "=15次"),
    ],
)
def test_equals_on_an_output_count_is_a_floor_written_as_a_fixed_number(
    name: str, value: str
) -> None:
    findings = direction(QUANTITY, name, value)
    assert [(f.severity, f.excerpt) for f in findings] == [("warning", value)]
    assert "写了等于" in findings[0].message
    assert "应设下限" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # a stock kept up, all of a kind: the number cannot be exceeded
        (QUANTITY, "维护城市道路桥梁数", "=36座"),
        (QUANTITY, "现有公共厕所保洁座数", "=120座"),
        (QUANTITY, "辖区内行政村覆盖数", "=86个"),
        # a schedule: exactly so many times
        (QUANTITY, "近岸海域年度监测频次", "=4次"),
        # an adverse count, zero, a rate, money, a bare number
        (QUANTITY, "较大以上安全事故", "=0起"),
        (QUANTITY, "垃圾清运车辆数", "=0辆"),
        # a quota set from above is met, not beaten
        (QUANTITY, "保有公务车辆数", "=12辆"),
        (QUANTITY, "征兵任务数", "=65人"),
        (QUANTITY, "培训计划执行进度", "=100%"),
        (QUANTITY, "消防安全培训参训人数", "350人"),
        # not a quantity: a state, a quality
        ("1-产出指标；12-质量指标", "课程合格率", "=95%"),
        ("1-产出指标；13-时效指标", "完成时间", "=12个月"),
    ],
)
def test_equals_where_it_is_the_target_is_left_alone(category: str, name: str, value: str) -> None:
    assert direction(category, name, value) == []


def test_equals_on_a_count_in_a_national_list() -> None:
    rows = [list(row) for row in LIST]
    # the list's 维护泊位数 = 8 个 is a stock kept up: quiet
    assert lint(csv_document(rows), ["comparator-direction"]) == []
    rows[3][6:10] = ["乡村公路安全员培训人数", "=", "60", "人"]
    findings = lint(csv_document(rows), ["comparator-direction"])
    assert [(f.severity, f.excerpt) for f in findings] == [("warning", "=60人")]
    rows[3][6:10] = ["乡村公路安全员培训人数", "≥", "60", "人"]
    assert lint(csv_document(rows), ["comparator-direction"]) == []


def test_a_spending_floor_in_a_national_form() -> None:
    rows = [list(row) for row in FORM]
    rows[9] = ["", "成本指标", "每份健康档案建档补助", "≥30元/份", "≥30元/份"]
    findings = lint(sheet_document(rows), ["comparator-direction"])
    assert [(f.location, f.excerpt) for f in findings] == [("Sheet1!D10", "≥30元/份")]
    rows[9] = ["", "成本指标", "每份健康档案建档补助", "≤30元/份", "≤30元/份"]
    assert lint(sheet_document(rows), ["comparator-direction"]) == []


@pytest.mark.parametrize(
    "category, name, value",
    [
        ("2-效益指标；21-经济效益", "单家企业科技创新券额度", "≤8万元/家"),
        ("2-效益指标；22-社会效益", "乡村振兴示范点建设补助", "不超过30万元/个"),
    ],
)
def test_a_capped_money_per_unit_under_an_effect_is_a_cost(
    category: str, name: str, value: str
) -> None:
    findings = keyword(name, value, category)
    assert excerpts(findings) == [name]
    assert "应归入14-成本指标" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # an effect in money is raised
        ("2-效益指标；21-经济效益", "农户人均增收", "≥2000元/人"),
        # a cost saved for others is a benefit
        ("2-效益指标；21-经济效益", "降低企业用能成本", "≤500元/户"),
    ],
)
def test_money_per_unit_raised_under_an_effect_stays(category: str, name: str, value: str) -> None:
    assert keyword(name, value, category) == []


# --------------------------------------------------------------------------
# several-targets


def several(value: str, category: str = QUANTITY, name: str = "应急物资储备") -> list[Finding]:
    return check("several-targets", table(filed(category, name, value)))


@pytest.mark.parametrize(
    "value, count",
    [
        # a count and a rate, with a deadline beside them
        ("≥2400顶（件），入库率≥98%，2025年9月底前完成", 2),
        ("≥150人次；考核通过率100%", 2),
        ("举办≥6期、≥360人次、学员满意度≥92%", 3),
        ("≥80个，覆盖率≥90%", 2),
        # two rates under two names
        ("验收通过率≥95%，资料归档率100%", 2),
        # a count of sessions and of people
        ("≥20场次，≥800人", 2),
        # each unit followed by what it counts, a comparator before each number
        ("≥20场，≥500家企业，≥1万个岗位", 3),
        ("不少于12期培训，不少于600人次参训", 2),
        # for each event, but a rate or an amount: a measure of its own
        ("≥20场，每场满意度≥90%", 2),
        ("≥20场，每场≤2万元", 2),
        ("≥20场，场均经费≤2万元", 2),
        # each batch or session written with 每期, 每次 (read as "per 期"): a rate or an
        # amount for each is a measure of its own all the same
        ("≥10期，每期培训合格率≥95%", 2),
        ("≥12次，每次活动满意度≥90%", 2),
        ("≥10期，每期≤2万元", 2),
        # 单位 is an organization, not one of the events
        ("≥20家单位，单位覆盖率≥90%", 2),
    ],
)
def test_several_targets_of_different_measures_are_reported(value: str, count: int) -> None:
    text = table(filed(QUANTITY, "应急物资储备", value))
    findings = check("several-targets", text)
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [("warning", "period", value)]
    assert f"写了{count}个不同计量的目标" in findings[0].message
    assert f"应拆成{count}条指标" in findings[0].message


@pytest.mark.parametrize(
    "value",
    [
        # one target: a range, a bound, the bounds of one measure
        "15-20人",
        "≥95%",
        "≥95%，≤100%",
        "大于等于90%且小于100%",
        "≥95%，验收合格率≤100%",
        # one measure in two sizes or two words
        "≤48小时，≤2天",
        "≤50万元（≤500000元）",
        "≥300人，其中≥120名",
        # the annual and the period target written together
        "年度≥300人，三年累计≥900人",
        # a count and its deadline
        "≥1600台，2025年10月底前完成",
        # a target explained in brackets, a ratio, a change and its level
        "≥90%（≥450人）",
        "按1:1配套",
        "同比增长5%，达到1200万元",
        # numbers inside the prose
        "满足工业4.0项目的训练需要，交流不低于2次",
        "完成1次对12所学校的督导检查",
        # one compared target, whatever noun follows its unit
        "≥500家企业参与",
        "覆盖5个村，≥300人",
        # how large each of the events or people counted is: a condition of that target
        "≥20场，每场≥50家企业参会",
        "≥20场，单场≥50家企业",
        "每场≥50家企业参会，≥20场",
        "≥300人，每人≥40学时",
        "≥20场，每场活动≥50家企业参会",
        "≥20场，场均≥50家企业参会",  # 场均: each of the 20 on average
        "≥20场，每场≥50人",
        "≥10期（每期≥50人）",
        "≥10期，每期≥50人",
        "≥10期，50人/期",
        # a count and how often: per a period of time, no second measure
        "≥24次，每月≥2次",
    ],
)
def test_one_measure_in_one_value_is_left_alone(value: str) -> None:
    assert several(value) == []


def test_several_targets_reports_each_value_once() -> None:
    clause = "2、1-产出指标；11-数量指标；培训；实施周期指标值:≥900人次，合格率≥95%；年度指标值:≥300人次。"
    findings = check("several-targets", table(clause))
    assert [(f.field, f.excerpt) for f in findings] == [("period", "≥900人次，合格率≥95%")]
    assert "实施周期指标值「" in findings[0].message


def test_several_targets_leaves_a_value_another_rule_owns() -> None:
    # the goal pasted as a value is duplicate-text's, whatever numbers it holds
    goal = "全年培训≥300人次，合格率≥95%。"
    clause = filed(QUANTITY, "培训", goal)
    assert check("several-targets", table(clause, goal=goal)) == []


def test_several_targets_in_a_national_form() -> None:
    rows = [list(row) for row in FORM]
    rows[7] = ["产出指标", "数量指标", "健康讲座场次", "≥36场，≥1800人次", "≥12场，≥600人次"]
    findings = lint(sheet_document(rows), ["several-targets"])
    assert [(f.location, f.excerpt) for f in findings] == [
        ("Sheet1!D8", "≥36场，≥1800人次"),
        ("Sheet1!E8", "≥12场，≥600人次"),
    ]
    assert lint(sheet_document(FORM), ["several-targets"]) == []


def test_several_targets_in_a_national_list() -> None:
    rows = [list(row) for row in LIST]
    rows[3][6:10] = ["养护里程", "", "≥350公里，优良率≥85%", ""]
    assert excerpts(lint(csv_document(rows), ["several-targets"])) == ["≥350公里，优良率≥85%"]
    assert lint(csv_document(LIST), ["several-targets"]) == []


# --------------------------------------------------------------------------
# clause-numbering: one style per cell

_CLAUSES = [
    "1-产出指标；11-数量指标；举办法治讲座场次；实施周期指标值:≥24场；年度指标值:≥24场。",
    "1-产出指标；12-质量指标；讲座资料归档合格率；实施周期指标值:100%；年度指标值:100%。",
    "1-产出指标；13-时效指标；讲座完成时间；实施周期指标值:2025年11月底前；年度指标值:2025年11月底前。",
    "2-效益指标；22-社会效益；群众法治意识；实施周期指标值:明显提升；年度指标值:明显提升。",
]


def numbered(*numbers: str) -> str:
    return "".join(n + c for n, c in zip(numbers, _CLAUSES, strict=True))


def numbering(cell: str) -> list[Finding]:
    return check("clause-numbering", table(cell))


@pytest.mark.parametrize(
    "numbers, odd, usual",
    [
        (("1、", "2、", "3.", "4、"), "3.", "1、"),
        (("1、", "2、", "③", "4、"), "③", "1、"),
        (("1、", "2、", "三、", "4、"), "三、", "1、"),
        (("1、", "2、", "（3）", "4、"), "（3）", "1、"),
        # the cell's usual style is what most of its clauses use
        (("1.", "2、", "3.", "4."), "2、", "1."),
        (("(1)", "(2)", "(3)", "4)"), "4)", "(1)"),
    ],
)
def test_clause_numbering_reports_a_number_in_another_style(
    numbers: tuple[str, ...], odd: str, usual: str
) -> None:
    findings = numbering(numbered(*numbers))
    assert [(f.severity, f.excerpt, f.clause) for f in findings] == [
        ("info", odd, numbers.index(odd) + 1)
    ]
    assert f"「{odd}」与本栏其他各条的「{usual}」不同" in findings[0].message


def test_a_style_change_is_milder_than_a_gap() -> None:
    findings = numbering(numbered("1、", "2、", "4.", "5、"))
    assert sorted((f.severity, f.excerpt) for f in findings) == [
        ("info", "4."),
        ("warning", "4."),
    ]


@pytest.mark.parametrize(
    "numbers",
    [
        ("1、", "2、", "3、", "4、"),
        ("1.", "2.", "3.", "4."),
        ("①", "②", "③", "④"),
        ("一、", "二、", "三、", "四、"),
        ("（1）", "（2）", "（3）", "（4）"),
        # full-width and half-width marks are one style
        ("1.", "2．", "3.", "4．"),
        ("(1)", "（2）", "(3)", "（4）"),
    ],
)
def test_a_cell_in_one_style_of_any_kind_is_left_alone(numbers: tuple[str, ...]) -> None:
    assert numbering(numbered(*numbers)) == []


def test_an_outlines_headings_in_numerals_over_numbered_clauses_are_no_mix(
    tmp_path: Path,
) -> None:
    from tests.test_parsing_forms import OUTLINE, _workbook

    assert "一、产出指标\n1." in OUTLINE
    path = _workbook(tmp_path, [("职业技能培训经费", OUTLINE)])
    assert lint(path, ["clause-numbering"]) == []
    mixed = OUTLINE.replace("3.社会效益指标", "③社会效益指标")
    path = _workbook(tmp_path, [("职业技能培训经费", mixed)])
    assert [(f.excerpt, f.severity) for f in lint(path, ["clause-numbering"])] == [("③", "info")]


def test_a_mixed_style_in_english() -> None:
    from audit.config import load_config

    config = load_config(None, discover=False)
    config.lang = "en"
    (finding,) = check("clause-numbering", table(numbered("1、", "2、", "3.", "4、")), config)
    assert "“3.” among clauses numbered “1、”" in finding.message


# --------------------------------------------------------------------------
# a satisfaction survey counted, dated or rated is no satisfaction level

TIMELINESS = "1-产出指标；13-时效指标"


@pytest.mark.parametrize(
    "category, name, value",
    [
        (QUANTITY, "满意度调查问卷发放份数", "≥500份"),
        (QUANTITY, "满意度测评次数", "≥4次"),
        (QUANTITY, "群众满意度回访人数", "≥300人"),
        (TIMELINESS, "满意度调查结果反馈时间", "活动结束后10个工作日内"),
        (TIMELINESS, "满意度调查完成时限", "2025年12月底前"),
    ],
)
def test_a_satisfaction_survey_counted_or_dated_is_no_satisfaction_level(
    category: str, name: str, value: str
) -> None:
    findings = lint(table(filed(category, name, value)))
    rules = ("category-keyword-mismatch", "value-type-mismatch", "implausible-unit")
    assert [f.rule for f in findings if f.rule in rules] == []


@pytest.mark.parametrize(
    "name, value, rule",
    [
        # near misses: the level itself, however it is named
        ("群众满意度", "≥90%", "category-keyword-mismatch"),
        ("满意度调查满意率", "≥90%", "category-keyword-mismatch"),
        ("服务对象满意度调查结果", "≥500份", "value-type-mismatch"),
    ],
)
def test_a_satisfaction_level_stays_one(name: str, value: str, rule: str) -> None:
    findings = lint(table(filed(QUANTITY, name, value)))
    assert rule in [f.rule for f in findings]


# --------------------------------------------------------------------------
# a ceiling on an output count


@pytest.mark.parametrize("value", ["≤20场", "不超过20场", "<20场", "少于20场"])
def test_a_ceiling_on_an_output_count_is_reported(value: str) -> None:
    findings = check("comparator-direction", table(filed(QUANTITY, "举办招聘会场次", value)))
    assert [(f.severity, f.excerpt) for f in findings] == [("warning", value)]
    assert "设了上限" in findings[0].message


@pytest.mark.parametrize(
    "name, value",
    [
        ("举办招聘会场次", "≥20场"),
        # a quota, spending held down, an adverse event, a rate, money
        ("保有公务车辆数", "≤12辆"),
        ("公务接待批次", "≤10批次"),
        ("安全生产事故起数", "≤1起"),
        ("招聘信息审核差错率", "≤1%"),
        ("招聘会场地租赁费", "≤20万元"),
        # meetings, documents and 评比表彰 held down by rule
        ("会议数量", "≤4次"),
        ("召开工作会议次数", "不超过6次"),
        ("印发文件数量", "≤3份"),
        ("评比表彰活动次数", "≤2次"),
        # a distance kept within, work that meets what comes, land taken
        ("服务半径", "≤3公里"),
        ("道路巡查里程", "≤70公里"),
        ("新增建设用地面积", "≤20亩"),
        # what the works produce, lose or leave undone, harm that may arise, the
        # time the works name, and the size of each thing built
        ("建设期间产生建筑垃圾量", "≤500吨"),
        ("建设工程材料损耗量", "≤10吨"),
        ("完成后剩余待改造面积", "≤5000平方米"),
        ("新增积水内涝点面积", "≤500平方米"),
        ("治理后裸露土地面积", "≤2000平方米"),
        ("提升改造后单车道宽度", "≤3.5米"),
    ],
)
def test_a_ceiling_where_one_belongs_is_left_alone(name: str, value: str) -> None:
    assert check("comparator-direction", table(filed(QUANTITY, name, value))) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("档案文件数字化数量", "≤10000份"),
        ("视频会议系统建设数量", "≤20套"),
        ("表彰大会宣传报道篇数", "≤10篇"),
    ],
)
def test_a_ceiling_on_work_that_names_a_meeting_or_a_document_is_reported(
    name: str, value: str
) -> None:
    """Meetings and documents are held down only where they are what is
    counted (会议数量, 印发文件数量); a system for meetings built, documents
    digitized or reports on a 表彰大会 are outputs as any count is."""
    findings = check("comparator-direction", table(filed(QUANTITY, name, value)))
    assert [f.excerpt for f in findings] == [value]


@pytest.mark.parametrize(
    "name, value",
    [
        ("新建道路长度", "≤5公里"),
        ("新增绿化面积", "≤2000平方米"),
        ("铺设污水管网长度", "≤8公里"),
        ("改造老旧小区面积", "≤3万平方米"),
        ("河道清淤量", "不超过5000立方米"),
        ("造林面积", "≤300亩"),
    ],
)
def test_a_ceiling_on_the_length_or_area_of_what_is_built_is_reported(
    name: str, value: str
) -> None:
    """What the project builds, measured in 公里 or 平方米, is an output as a
    count is: a ceiling on it is met by building nothing."""
    findings = check("comparator-direction", table(filed(QUANTITY, name, value)))
    assert [f.excerpt for f in findings] == [value]
    assert "设了上限" in findings[0].message


@pytest.mark.parametrize("value", ["不超过二十场", "≤二十场", "少于十五场"])
def test_a_ceiling_in_chinese_numerals_is_read_as_one(value: str) -> None:
    """A count written in Chinese numerals (不超过二十场) is the count the
    rules judge, as 20场 is."""
    findings = check("comparator-direction", table(filed(QUANTITY, "举办招聘会场次", value)))
    assert [f.excerpt for f in findings] == [value]


def test_a_chinese_numeral_inside_a_word_is_no_target() -> None:
    value = "一次性发放到位，不搞三星级评比"
    assert check("comparator-direction", table(filed(QUANTITY, "创业补贴发放", value))) == []
    assert several(value) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("修缮校舍面积", "≤1200平方米"),
        ("维修道路长度", "≤3公里"),
        ("改造管网长度", "≤5公里"),
        ("翻新外墙面积", "不超过3000平方米"),
        ("破损路面修补面积", "≤800平方米"),
        ("危旧房屋加固面积", "≤2000平方米"),
    ],
)
def test_a_ceiling_on_the_size_of_what_is_repaired_is_reported(name: str, value: str) -> None:
    """What the project repairs or renovates is an output as what it builds
    is: a ceiling on it is met by repairing nothing."""
    findings = check("comparator-direction", table(filed(QUANTITY, name, value)))
    assert [f.excerpt for f in findings] == [value]
    assert "设了上限" in findings[0].message


@pytest.mark.parametrize(
    "category, name, value",
    [
        # what the repair costs or takes, the damage itself, the size of each job
        ("1-产出指标；14-成本指标", "维修费用", "≤30万元"),
        ("1-产出指标；13-时效指标", "维修响应时间", "≤2小时"),
        (QUANTITY, "道路破损面积", "≤100平方米"),
        (QUANTITY, "单次维修长度", "≤50米"),
        (QUANTITY, "每处修补面积", "≤20平方米"),
        (QUANTITY, "维修后路面坑槽面积", "≤50平方米"),
        (QUANTITY, "维修产生建筑垃圾量", "≤20吨"),
    ],
)
def test_a_ceiling_on_what_a_repair_costs_or_leaves_is_left_alone(
    category: str, name: str, value: str
) -> None:
    assert check("comparator-direction", table(filed(category, name, value))) == []


@pytest.mark.parametrize(
    "name, value",
    [("培训人次", "≤500人次"), ("宣传活动场次", "≤10场"), ("安全检查次数", "不超过12次")],
)
def test_a_ceiling_on_the_work_the_project_does_is_reported(name: str, value: str) -> None:
    # named for the work (培训, 宣传, 检查), read as more is better: capped all the same
    findings = check("comparator-direction", table(filed(QUANTITY, name, value)))
    assert [f.excerpt for f in findings] == [value]
    assert "设了上限" in findings[0].message


@pytest.mark.parametrize(
    "name, value",
    [
        # what comes in and is handled, and what the work turns up
        ("受理投诉件数", "≤100件"),
        ("扑救森林火灾次数", "≤3次"),
        ("督查通报次数", "≤2次"),
        ("检查发现问题数", "≤5个"),
        ("年度检查频次", "≤4次"),
    ],
)
def test_a_ceiling_on_what_the_work_meets_is_left_alone(name: str, value: str) -> None:
    assert check("comparator-direction", table(filed(QUANTITY, name, value))) == []
