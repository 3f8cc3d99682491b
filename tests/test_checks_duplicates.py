"""Duplicates: a clause, an indicator, a text or a project written twice.
Clauses are copied from the seeds (line numbers given)."""

from __future__ import annotations

import pytest

from audit.model import Document, Finding
from tests.conftest import lint, project_row, seed_row, tsv_table

DUPLICATE_RULES = ("duplicate-clause", "duplicate-indicator", "duplicate-text", "duplicate-project")
FIRST_ROW = 9
GOAL = "保障项目顺利实施。"


def found(
    indicators: str, rule: str, name: str = "机构运行辅助经费", goal: str = GOAL
) -> list[Finding]:
    return lint(tsv_table([project_row(name, indicators, goal=goal)]), select=[rule])


# --------------------------------------------------------------------------
# duplicate-clause

ACCEPTED = "1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。"


def test_duplicate_clause_reports_the_repeated_clause() -> None:
    repeated = ACCEPTED.replace("1、", "2、", 1)
    text = tsv_table([project_row("购置经费", ACCEPTED + repeated)])
    [finding] = lint(text, select=["duplicate-clause"])
    assert (finding.rule, finding.severity, finding.field) == (
        "duplicate-clause",
        "warning",
        "clause",
    )
    assert (finding.clause, finding.excerpt) == (2, repeated)
    row = text.split("\n")[FIRST_ROW - 1]
    assert finding.column == row.index("2、1-产出指标") + 1
    assert "与第1条完全相同" in finding.message


def test_duplicate_clause_ignores_spaces_and_the_clause_number() -> None:
    repeated = "2、1-产出指标；12-质量指标；验收合格率 ；实施周期指标值: 100%；年度指标值:100%。"
    assert len(found(ACCEPTED + repeated, "duplicate-clause")) == 1


def test_duplicate_clause_needs_the_same_categories_and_values() -> None:
    other_category = (
        "2、1-产出指标；13-时效指标；验收合格率；实施周期指标值:100%；年度指标值:100%。"
    )
    other_value = "2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:95%。"
    assert found(ACCEPTED + other_category, "duplicate-clause") == []
    assert found(ACCEPTED + other_value, "duplicate-clause") == []


# --------------------------------------------------------------------------
# duplicate-indicator

# Seed 002 line 298, clauses 6 and 7.
TIMELINESS = (
    "6、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前。"
    "7、1-产出指标；13-时效指标；工程时效；实施周期指标值:按期完成结算评审；年度指标值:2023年6月前完成。"
)


def test_duplicate_indicator_reports_a_name_used_twice_with_other_values() -> None:
    text = tsv_table([project_row("广州市干部疗养院门诊综合楼工程", TIMELINESS)])
    [finding] = lint(text, select=["duplicate-indicator"])
    assert (finding.severity, finding.field, finding.clause) == ("warning", "indicator", 7)
    assert finding.excerpt == "工程时效"
    row = text.split("\n")[FIRST_ROW - 1]
    assert finding.column == row.index("工程时效", row.index("7、")) + 1
    assert "第6条和第7条" in finding.message


def test_duplicate_indicator_leaves_identical_clauses_to_duplicate_clause() -> None:
    repeated = ACCEPTED.replace("1、", "2、", 1)
    assert found(ACCEPTED + repeated, "duplicate-indicator") == []


def test_duplicate_indicator_reports_the_same_clause_under_another_category() -> None:
    other = "2、1-产出指标；13-时效指标；验收合格率；实施周期指标值:100%；年度指标值:100%。"
    [finding] = found(ACCEPTED + other, "duplicate-indicator")
    assert "不同类别" in finding.message


def test_duplicate_indicator_ignores_similar_names() -> None:
    # Seed 002 line 782, clauses 2 and 3.
    indicators = (
        "2、3-满意度指标；31-服务对象满意度；物业服务对象满意度；实施周期指标值:≥85%；年度指标值:≥85%。"
        "3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    assert found(indicators, "duplicate-indicator") == []


# --------------------------------------------------------------------------
# duplicate-text

# Seed 002 line 143: the goal pasted as the values of clause 2.
STUDY_GOAL = (
    "为加快实施“广聚英才”计划，通过对留学人才创业、高层次留学人员提供配套资助，"
    "支持一批留学人员来穗创业创新，助推粤港澳大湾区高水平人才高地建设。"
)
STUDY_VALUE = (
    "通过对留学人才创业、高层次留学人员提供配套资助，支持一批留学人员来穗创业创新，"
    "助推粤港澳大湾区高水平人才高地建设"
)


def test_duplicate_text_reports_the_goal_pasted_as_a_value_once() -> None:
    indicators = (
        f"2、2-效益指标；22-社会效益；集聚一批优秀拔尖青年人才；实施周期指标值:{STUDY_VALUE}；"
        f"年度指标值:{STUDY_VALUE}；年度指标值:{STUDY_VALUE}。"
    )
    text = tsv_table(
        [project_row("局本级配套人社部留学人员引智项目经费", indicators, goal=STUDY_GOAL)]
    )
    [finding] = lint(text, select=["duplicate-text"])
    assert (finding.severity, finding.field, finding.excerpt) == ("warning", "period", STUDY_VALUE)
    row = text.split("\n")[FIRST_ROW - 1]
    assert finding.column == row.index("实施周期指标值:通过") + 9
    assert "照抄了绩效目标" in finding.message


def test_duplicate_text_ignores_a_target_the_goal_also_states() -> None:
    goal = "确保校园教学设施完好率达到98%以上，为师生提供良好环境。"
    indicators = "1、1-产出指标；12-质量指标；教学设施完好率；实施周期指标值:校园教学设施完好率达到98%以上；年度指标值:98%以上。"
    assert found(indicators, "duplicate-text", goal=goal) == []


def test_duplicate_text_reports_the_project_name_as_the_indicator_name() -> None:
    indicators = (
        "1、1-产出指标；11-数量指标；业务用房物业管理费；实施周期指标值:≥1项；年度指标值:≥1项。"
    )
    [finding] = found(indicators, "duplicate-text", name="业务用房物业管理费")
    assert (finding.field, finding.excerpt) == ("indicator", "业务用房物业管理费")
    assert "就是项目名称" in finding.message


def test_duplicate_text_reports_a_value_shared_across_categories() -> None:
    # Seed 002 line 168, clauses 2 and 3: one text as the period value of two indicators.
    indicators = (
        "2、1-产出指标；11-数量指标；发放书刊到率；实施周期指标值:民办技工学校党支部书记；年度指标值:100%。"
        "3、1-产出指标；12-质量指标；培训考核及格率；实施周期指标值:民办技工学校党支部书记；年度指标值:100%。"
    )
    findings = found(indicators, "duplicate-text", name="市属行业党委工作经费")
    assert [(f.clause, f.field, f.excerpt) for f in findings] == [
        (3, "period", "民办技工学校党支部书记"),
    ]
    assert "与第2条「发放书刊到率」" in findings[0].message


def test_a_text_pasted_over_three_categories_is_one_boilerplate_finding() -> None:
    # Seed 002 line 168, clauses 2 to 4: the same text on three indicators of three
    # categories is a paste (boilerplate-value, which names them), not three copies.
    indicators = (
        "2、1-产出指标；11-数量指标；发放书刊到率；实施周期指标值:民办技工学校党支部书记；年度指标值:100%。"
        "3、1-产出指标；12-质量指标；培训考核及格率；实施周期指标值:民办技工学校党支部书记；年度指标值:100%。"
        "4、2-效益指标；22-社会效益；对民办技校教育管理起促进作用；实施周期指标值:民办技工学校党支部书记；"
        "年度指标值:非量化指标。"
    )
    assert found(indicators, "duplicate-text", name="市属行业党委工作经费") == []
    (paste,) = found(indicators, "boilerplate-value", name="市属行业党委工作经费")
    assert paste.excerpt == "民办技工学校党支部书记"
    assert "重复填写在3条指标上" in paste.message


def test_duplicate_text_ignores_period_equal_to_annual_and_generic_values() -> None:
    indicators = (
        "1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。"
        "2、1-产出指标；13-时效指标；设备采购及时率；实施周期指标值:100%；年度指标值:100%。"
        "3、1-产出指标；11-数量指标；项目支付个数；实施周期指标值:不少于4个项目；年度指标值:不少于4个项目。"
        "4、2-效益指标；21-经济效益；投入运行项目个数；实施周期指标值:不少于4个项目；年度指标值:不少于4个项目。"
    )
    assert found(indicators, "duplicate-text") == []


def test_duplicate_text_ignores_a_shared_reference_target_in_one_category() -> None:
    # Seed 001 line 12, clauses 4 and 5.
    indicators = (
        "4、2-效益指标；22-社会效益；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:完成当年市下达任务。"
        "5、2-效益指标；22-社会效益；城镇新增就业人数；实施周期指标值:完成当年市下达任务；年度指标值:完成当年市下达任务。"
    )
    assert found(indicators, "duplicate-text") == []


# --------------------------------------------------------------------------
# duplicate-project

CLAUSE = (
    "1、2-效益指标；22-社会效益；安装后设备使用率；实施周期指标值:98%或以上；年度指标值:98%或以上。"
)


def test_duplicate_project_with_the_same_amounts_is_an_error() -> None:
    rows = [
        project_row("工作经费", CLAUSE, amount="20.00"),
        project_row("工作经费", CLAUSE, amount="20.00"),
    ]
    [finding] = lint(tsv_table(rows), select=["duplicate-project"])
    assert (finding.severity, finding.field, finding.excerpt) == ("error", "name", "工作经费")
    assert (finding.line, finding.column) == (FIRST_ROW + 1, 1)
    assert f"第{FIRST_ROW}行" in finding.message


def test_duplicate_project_with_other_amounts_is_a_warning() -> None:
    rows = [
        project_row("工作经费", CLAUSE, amount="20.00"),
        project_row("工作经费", CLAUSE, amount="35.00"),
    ]
    [finding] = lint(tsv_table(rows), select=["duplicate-project"])
    assert finding.severity == "warning"
    assert "金额不同" in finding.message


def test_duplicate_project_tells_districts_apart() -> None:
    # Seed 002 lines 12 and 13.
    rows = [
        project_row("市就业补助资金（越秀区）", CLAUSE),
        project_row("市就业补助资金（海珠区）", CLAUSE),
    ]
    assert lint(tsv_table(rows), select=["duplicate-project"]) == []


# --------------------------------------------------------------------------
# The seeds


@pytest.fixture(scope="module")
def seed_002_duplicates(seed_002: Document) -> list[Finding]:
    return lint(seed_002, select=DUPLICATE_RULES)


def test_seed_002_real_duplicates_are_found(seed_002_duplicates: list[Finding]) -> None:
    found_ = {(f.rule, f.line, f.clause, f.field) for f in seed_002_duplicates}
    assert ("duplicate-text", 143, 2, "period") in found_  # the goal as a value
    assert ("duplicate-indicator", 298, 7, "indicator") in found_  # 工程时效 twice
    # Line 143's repeated 年度指标值 is repeated-field's: one finding for the clause.
    assert len([f for f in seed_002_duplicates if f.line == 143]) == 1


def test_seed_001_and_004_findings(seed_001: Document, seed_004: Document) -> None:
    findings = lint(seed_001, select=DUPLICATE_RULES)
    assert [(f.rule, f.line, f.clause, f.excerpt) for f in findings] == [
        ("duplicate-text", 23, 6, "100%按文件标准发放")
    ]
    assert lint(seed_004, select=DUPLICATE_RULES) == []


# --------------------------------------------------------------------------
# duplicate-goal: one goal on unrelated projects of a table


def _rows(*lines: int) -> list[list[str]]:
    return [[cell or "" for cell in seed_row(line)] for line in lines]


def test_duplicate_goal_reports_a_goal_copied_to_an_unrelated_project() -> None:
    # Seed 002 lines 220-221: the risk reserve fund carries the goal of the
    # pension subsidy above it word for word.
    findings = lint(tsv_table(_rows(220, 221)), select=["duplicate-goal"])
    [finding] = findings
    assert (finding.rule, finding.severity, finding.field) == ("duplicate-goal", "warning", "goal")
    assert finding.project == "社会保障风险储备金财政补贴项目"
    assert finding.line == FIRST_ROW + 1
    assert "与第9行项目「城乡居民社会养老保险政府资助项目」的相同" in finding.message


def test_duplicate_goal_reports_boilerplate_once_per_copy_naming_the_first() -> None:
    boilerplate = "保障单位各项工作顺利开展，提高资金使用效益，提升公共服务水平。"
    names = ["城市道路清扫保洁经费", "户外广告招牌整治经费", "机构运行辅助经费"]
    clause = "1、1-产出指标；11-数量指标；整治户外广告招牌数量；实施周期指标值:≥1200块；年度指标值:≥1200块。"
    rows = [project_row(name, clause, goal=boilerplate) for name in names]
    findings = lint(tsv_table(rows), select=["duplicate-goal"])
    assert [f.project for f in findings] == names[1:]
    assert all("「城市道路清扫保洁经费」" in f.message for f in findings)


@pytest.mark.parametrize(
    "lines",
    [
        (12, 13, 14, 15),  # 市就业补助资金 by district: one programme in parts
        (234, 237),  # the same 运维 project over 2023-2024 and 2024-2025
        (131, 140),  # 局本级办公… : names alike enough to be one office budget
    ],
)
def test_duplicate_goal_leaves_parts_of_one_programme(lines: tuple[int, ...]) -> None:
    assert lint(tsv_table(_rows(*lines)), select=["duplicate-goal"]) == []


def test_duplicate_goal_near_misses() -> None:
    clause = "1、1-产出指标；11-数量指标；整治户外广告招牌数量；实施周期指标值:≥1200块；年度指标值:≥1200块。"
    short = "保障项目顺利实施。"  # a short shared phrase: goal-too-short's
    rows = [
        project_row("城市道路清扫保洁经费", clause, goal=short),
        project_row("户外广告招牌整治经费", clause, goal=short),
        project_row("机构运行辅助经费", clause, goal="待补充待补充待补充待补充待补充待补充待补充"),
        project_row("人才引进工作经费", clause, goal="待补充待补充待补充待补充待补充待补充待补充"),
    ]
    assert lint(tsv_table(rows), select=["duplicate-goal"]) == []


def test_duplicate_goal_reports_a_template_goal_filled_in_with_each_name() -> None:
    """One goal, each project's name put at its head or inside it: the rest
    says nothing of the project."""
    body = "为辖区特困人员、低保对象及高龄老人提供居家养老上门服务和助餐服务，提升老年人生活质量。"
    clause = (
        "1、1-产出指标；11-数量指标；服务人次；实施周期指标值:≥1200人次；年度指标值:≥1200人次。"
    )
    names = ["社区长者饭堂运营补助", "殡葬惠民补贴", "婚姻登记服务经费"]
    for template in ("{}：", "通过安排{}，", "开展{0}工作，确保{0}工作顺利完成，提升{0}工作水平。"):
        rows = [project_row(name, clause, goal=template.format(name) + body) for name in names]
        findings = lint(tsv_table(rows), select=["duplicate-goal"])
        assert [f.project for f in findings] == names[1:]
    assert findings[0].message == (
        f"项目「殡葬惠民补贴」的绩效目标除项目名称外与第{FIRST_ROW}行项目「社区长者饭堂运营补助」"
        "的相同：应写明本项目的任务、产出和效果"
    )


def test_a_goal_naming_its_project_and_saying_its_own_is_no_copy() -> None:
    """Near miss: goals that open with their names and go on differently."""
    clause = (
        "1、1-产出指标；11-数量指标；服务人次；实施周期指标值:≥1200人次；年度指标值:≥1200人次。"
    )
    rows = [
        project_row(
            "社区长者饭堂运营补助",
            clause,
            goal="社区长者饭堂运营补助：补助20个社区长者饭堂运营，为高龄老人提供助餐服务。",
        ),
        project_row(
            "殡葬惠民补贴",
            clause,
            goal="殡葬惠民补贴：对辖区户籍居民免除基本殡葬服务费用，减轻群众丧葬负担。",
        ),
    ]
    assert lint(tsv_table(rows), select=["duplicate-goal"]) == []


def test_duplicate_goal_leaves_one_project_split_over_two_rows() -> None:
    # The same project name twice (a page break, or a pasted row): duplicate-project's.
    [row] = _rows(221)
    assert lint(tsv_table([row, row]), select=["duplicate-goal"]) == []


# --------------------------------------------------------------------------
# duplicate-text: a goal that is only the project's name

LONG_NAME = "广州市人社数据中心2024年社保和劳监业务应用系统升级改造项目"  # seed 002


def test_a_goal_that_is_the_project_name_is_duplicate_text_however_long() -> None:
    text = tsv_table([project_row(LONG_NAME, ACCEPTED, goal=LONG_NAME + "。")])
    findings = lint(text, select=["duplicate-text", "goal-too-short", "duplicate-goal"])
    [finding] = findings
    assert (finding.rule, finding.field, finding.severity) == ("duplicate-text", "goal", "warning")
    assert "只是项目名称" in finding.message


def test_a_short_name_as_the_goal_is_one_finding_not_two() -> None:
    text = tsv_table([project_row("机构运行辅助经费", ACCEPTED, goal="机构运行辅助经费")])
    findings = lint(text, select=["duplicate-text", "goal-too-short"])
    assert [f.rule for f in findings] == ["duplicate-text"]


def test_a_goal_that_starts_with_the_name_and_says_more_is_no_copy() -> None:
    goal = LONG_NAME + "：完成社保和劳监业务应用系统升级改造，系统可用率不低于99%，提升经办效率。"
    text = tsv_table([project_row(LONG_NAME, ACCEPTED, goal=goal)])
    assert lint(text, select=["duplicate-text", "goal-too-short"]) == []


def test_names_alike_only_in_their_funding_words_are_not_one_programme() -> None:
    """A district culture bureau's goal pasted from 群众文化活动经费 to 全民健身
    活动经费: the names share only 活动经费, which ends any funded project's
    name; the copy is reported. Names that begin alike (one office's budget)
    or differ by a district stay parts of one programme."""
    clause = "1、1-产出指标；11-数量指标；活动场次；实施周期指标值:≥120场；年度指标值:≥120场。"
    goal = (
        "安排群众文化活动经费，组织开展群众文化活动，丰富群众精神文化生活，推进公共文化服务均等化。"
    )
    copied = [
        project_row(name, clause, goal=goal) for name in ("群众文化活动经费", "全民健身活动经费")
    ]
    (finding,) = lint(tsv_table(copied), select=["duplicate-goal"])
    assert finding.project == "全民健身活动经费"
    for names in (
        ("局本级办公家具和办公设备购置经费", "局本级办公保障经费"),
        ("市就业补助资金（越秀区）", "市就业补助资金（海珠区）"),
        ("南沙区群众文化活动经费", "花都区群众文化活动经费"),
    ):
        rows = [project_row(name, clause, goal=goal) for name in names]
        assert lint(tsv_table(rows), select=["duplicate-goal"]) == [], names
