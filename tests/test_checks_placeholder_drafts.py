"""Placeholders found by what they are, not by a list of words: an
instruction to the drafter left in, words that say the target is not there
yet, a placeholder word in brackets, blank marks and zeros where digits go, a
template heading as the indicator's name; 无 where none is the target; a lone
question mark inside a number. Clauses in the style of the seeds' Guangzhou
cells (seed 002) and of a 2025 national list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Finding
from audit.pipeline import load_text
from tests.conftest import lint, project_row, tsv_table
from tests.national import as_csv

VALUE_RULES = [
    "placeholder",
    "empty-value",
    "value-restates-name",
    "not-quantified",
    "value-type-mismatch",
    "percent-out-of-range",
    "zero-target",
    "missing-unit",
    "garbled-text",
    "goal-too-short",
]
"""The rules that could each claim one of these values: one finding only."""


def clause_table(
    indicators: str,
    goal: str = "为辖区六十岁以上居家老人提供助餐、助洁和上门探访服务，提升居家养老服务水平。",
) -> str:
    return tsv_table([project_row("社区居家养老服务补助", indicators, goal=goal)])


def clause(category: str, name: str, value: str) -> str:
    return f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


QUANTITY = "1-产出指标；11-数量指标"
QUALITY = "1-产出指标；12-质量指标"
SOCIAL = "2-效益指标；22-社会效益"
LASTING = "2-效益指标；24-可持续影响"
SATISFACTION = "3-满意度指标；31-服务对象满意度"
SOCIAL_COST = "4-成本指标；42-社会成本指标"
ECOLOGICAL_COST = "4-成本指标；43-生态环境成本指标"


def rules_of(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.field, f.excerpt) for f in lint(text, select=VALUE_RULES)]


def placeholders(text: str) -> list[Finding]:
    return lint(text, select=["placeholder"])


# --------------------------------------------------------------------------
# instructions to the drafter


@pytest.mark.parametrize(
    "value, excerpt",
    [
        ("请填入具体数值", "请填入"),
        ("请补充年度目标值", "请补充"),
        ("此处填入量化指标值", "此处填入"),
        ("依据项目实际情况填报", "依据项目实际情况填报"),
        ("按照实际填写", "按照实际填写"),
        ("填表说明：按服务人次填列", "填表说明"),
        ("【填写具体数值】", "填写具体数值"),
        ("（填写目标值）", "填写目标值"),
    ],
)
@pytest.mark.parametrize("category", [QUANTITY, SOCIAL, SATISFACTION])
def test_an_instruction_left_in_a_value_is_a_placeholder(
    value: str, excerpt: str, category: str
) -> None:
    """On a 效益 row too, where text is allowed and not-quantified is quiet;
    on a 数量 row, not also not-quantified's."""
    text = clause_table(clause(category, "上门助餐服务人次", value))
    assert rules_of(text) == [("placeholder", "period", excerpt)]
    (finding,) = placeholders(text)
    assert finding.severity == "error"


def test_an_instruction_left_as_the_goal_is_a_placeholder_not_a_short_goal() -> None:
    text = clause_table(
        clause(QUANTITY, "上门助餐服务人次", "≥3000人次"),
        goal="请结合部门职能填写本项目年度绩效目标",
    )
    assert rules_of(text) == [("placeholder", "goal", "请结合部门职能填写")]


def test_a_template_note_left_as_the_goal_is_a_placeholder() -> None:
    goal = "此处填入本年度绩效目标，限300字以内。"
    text = clause_table(clause(QUANTITY, "上门助餐服务人次", "≥3000人次"), goal=goal)
    assert rules_of(text) == [("placeholder", "goal", "此处填入")]


@pytest.mark.parametrize(
    "name, excerpt",
    [("（请在此填写三级指标名称）", "请在此填写"), ("请输入指标名称", "请输入")],
)
def test_an_instruction_left_as_the_name_is_a_placeholder(name: str, excerpt: str) -> None:
    text = clause_table(clause(QUANTITY, name, "≥3000人次"))
    assert [(f.field, f.excerpt) for f in placeholders(text)] == [("indicator", excerpt)]


@pytest.mark.parametrize(
    "goal",
    [
        "指导老年人申请填报补贴，邀请专业机构补充服务力量，完成年度助餐服务。",
        "按时填报养老服务统计报表，协助群众填写申请表，保障补贴按月发放。",
        "指导养老机构根据实际情况如实填报统计数据，编制统计报表填报说明书；请示上级补充资金。",
    ],
)
def test_filling_in_as_the_work_itself_is_no_instruction(goal: str) -> None:
    text = clause_table(clause(QUANTITY, "上门助餐服务人次", "≥3000人次"), goal=goal)
    assert placeholders(text) == []


# --------------------------------------------------------------------------
# the target is not there yet


@pytest.mark.parametrize(
    "value",
    [
        "待财政部门核定",
        "待审定",
        "目标值待测算",
        "待主管部门下达",
        "（待分配）",
        "尚未明确",
        "暂未确定",
        "不详。",
        "未定",
    ],
)
@pytest.mark.parametrize("category", [QUANTITY, SOCIAL, SATISFACTION])
def test_a_value_that_says_the_target_is_not_there_yet_is_a_placeholder(
    value: str, category: str
) -> None:
    text = clause_table(clause(category, "助餐服务覆盖率", value))
    [(rule, field, _excerpt)] = rules_of(text)
    assert (rule, field) == ("placeholder", "period")


@pytest.mark.parametrize(
    "category, name, value",
    [
        (QUALITY, "待遇落实到位率", "100%"),
        (QUANTITY, "待岗人员转岗培训人数", "≥120人"),
        (QUALITY, "暂住人口信息采集率", "≥95%"),
        (SOCIAL, "养老机构安全运行", "未发生"),
        (SOCIAL, "养老机构安全运行", "无较大以上安全事故"),
        # a real target followed by a note
        (QUANTITY, "上门助餐服务人次", "≥3000人次（具体人次待核定）"),
        (QUALITY, "助餐服务覆盖率", "≥95%，待上级下达后调整"),
        (SOCIAL, "巡访频次", "不定期开展巡访"),
    ],
)
def test_not_yet_words_beside_a_target_or_in_a_name_are_no_placeholder(
    category: str, name: str, value: str
) -> None:
    assert placeholders(clause_table(clause(category, name, value))) == []


# --------------------------------------------------------------------------
# a placeholder word in brackets


@pytest.mark.parametrize("value", ["【略】", "〔待补〕", "（同上）", "[暂定]"])
@pytest.mark.parametrize("category", [QUANTITY, SOCIAL])
def test_a_placeholder_word_in_brackets_is_a_placeholder(value: str, category: str) -> None:
    text = clause_table(clause(category, "助餐服务覆盖率", value))
    assert rules_of(text) == [("placeholder", "period", value)]


# --------------------------------------------------------------------------
# blank marks and zeros where digits go


@pytest.mark.parametrize(
    "value, excerpt",
    [
        ("≥□□□户", "□□□"),
        ("○○场", "○○"),
        ("≥〇〇个", "〇〇"),
        ("□□%", "□□"),
        ("≥□人", "□"),
        ("2026年□月底前", "□"),
        ("ＸＸＸ人次", "ＸＸＸ"),
        ("≥×人", "×"),
        ("≥X人次以上", "X"),
        ("00000", "00000"),
        ("≥000人", "000"),
    ],
)
@pytest.mark.parametrize("category", [QUANTITY, SOCIAL])
def test_blank_marks_where_digits_go_are_a_placeholder(
    value: str, excerpt: str, category: str
) -> None:
    """Not also not-quantified (no number) or zero-target (a run of zeros)."""
    text = clause_table(clause(category, "上门助餐服务户数", value))
    assert rules_of(text) == [("placeholder", "period", excerpt)]


def test_a_date_with_blank_marks_is_reported_at_each_mark() -> None:
    text = clause_table(clause("1-产出指标；13-时效指标", "补助资金发放时间", "2026年×月×日前"))
    findings = placeholders(text)
    assert [(f.field, f.excerpt) for f in findings] == [("period", "×"), ("period", "×")]
    assert findings[1].column == findings[0].column + 2


@pytest.mark.parametrize(
    "category, name, value",
    [
        ("1-产出指标；13-时效指标", "补助资金发放时间", "二〇二六年六月底前"),
        ("1-产出指标；13-时效指标", "热线服务时间", "5×8小时"),
        (QUANTITY, "改造双向车道", "2×2车道"),
        (SOCIAL, "宣传效果", "○开展宣传活动 ○发放宣传册"),
        (QUANTITY, "上门助餐服务人次", "3000人次"),
        (QUALITY, "助餐服务差错率", "≤0.05%"),
        (QUANTITY, "采购餐车数量", "≥10台"),
        ("1-产出指标；14-成本指标", "助餐补贴", "≤100.00万元"),
        ("1-产出指标；13-时效指标", "每日送餐时间", "10:00前"),
        # a generation (those born 2000–2009), a sport's name: no blank
        (QUANTITY, "联系服务“00后”青年人数", "≥500人"),
        (QUANTITY, "举办3X3篮球赛场次", "≥6场"),
        (QUANTITY, "服务00后新就业群体人次", "≥800人次"),
    ],
)
def test_numbers_and_marks_of_their_own_are_no_blank(category: str, name: str, value: str) -> None:
    assert placeholders(clause_table(clause(category, name, value))) == []


def test_one_zero_is_still_zero_targets() -> None:
    text = clause_table(clause(QUANTITY, "上门助餐服务户数", "0户"))
    assert [f.rule for f in lint(text, select=VALUE_RULES)] == ["zero-target"]


@given(
    digits=st.integers(min_value=1, max_value=99999).map(str),
    data=st.data(),
    mark=st.sampled_from("□○〇"),
    unit=st.sampled_from(["人", "户", "个", "%", "万元", "公里"]),
)
def test_a_blank_mark_at_any_digit_of_a_number_is_a_placeholder(
    digits: str, data: st.DataObject, mark: str, unit: str
) -> None:
    """Property: one or more digits of a target, wherever they stand,
    replaced by a blank mark: a placeholder, the one finding of the value."""
    blanks = data.draw(
        st.sets(st.integers(0, len(digits) - 1), min_size=1, max_size=len(digits)), "blanks"
    )
    value = "≥" + "".join(mark if i in blanks else d for i, d in enumerate(digits)) + unit
    text = clause_table(clause(QUANTITY, "上门助餐服务户数", value))
    found = lint(text, select=VALUE_RULES)
    assert {f.rule for f in found} == {"placeholder"}
    assert all(mark in (f.excerpt or "") for f in found)


@given(
    number=st.integers(min_value=0, max_value=9999999),
    unit=st.sampled_from(["人", "户", "个", "万元", "公里"]),
)
def test_a_number_without_blank_marks_is_no_placeholder(number: int, unit: str) -> None:
    text = clause_table(clause(QUANTITY, "上门助餐服务户数", f"≥{number}{unit}"))
    assert placeholders(text) == []


# --------------------------------------------------------------------------
# a template heading as the indicator's name


@pytest.mark.parametrize("name", ["三级指标", "（指标名称）", "指标2", "二级指标"])
def test_a_template_heading_as_the_name_is_a_placeholder(name: str) -> None:
    text = clause_table(clause(QUANTITY, name, "≥3000人次"))
    (finding,) = placeholders(text)
    assert (finding.field, finding.excerpt) == ("indicator", name)
    assert finding.message == f"指标名称「{name}」是模板的表头文字，不是指标名称：应填写具体指标"


@pytest.mark.parametrize("name", ["指标完成率", "绩效指标达成率", "三级指标分解完成数"])
def test_a_name_with_a_heading_word_in_it_is_no_template_heading(name: str) -> None:
    assert placeholders(clause_table(clause(QUALITY, name, "≥95%"))) == []


# --------------------------------------------------------------------------
# 无 where none is the target


@pytest.mark.parametrize(
    "category, name",
    [
        (SOCIAL_COST, "项目实施期间交通管制时长"),
        (SOCIAL_COST, "临时安置群众人数"),
        (ECOLOGICAL_COST, "施工扬尘排放"),
        (SOCIAL, "改造对周边商户经营的影响"),
        (SOCIAL, "夜间施工扰民"),
        (LASTING, "负面社会舆论"),
        (QUALITY, "施工对既有管线的不良影响"),
        ("4-成本指标；41-经济成本指标", "项目超概算"),  # an overrun, as 超支
        ("4-成本指标；41-经济成本指标", "项目超预算支出"),
    ],
)
def test_none_is_the_target_of_a_negative_effect(category: str, name: str) -> None:
    """Every indicator of a cost category that is no money (the taxonomy's
    burdens), and a name of an effect on others, wherever it is filed."""
    assert placeholders(clause_table(clause(category, name, "无"))) == []


@pytest.mark.parametrize(
    "category, name",
    [
        (QUANTITY, "宣传资料发放份数"),
        (QUALITY, "助餐设施完好率"),
        (SATISFACTION, "服务对象满意度"),
        (SOCIAL_COST, "周边居民满意度"),
        (LASTING, "对村集体经济发展的积极影响"),
        (LASTING, "对养老产业的持续影响"),
        ("1-产出指标；14-成本指标", "助餐设备购置成本"),
        ("4-成本指标；41-经济成本指标", "助餐设备购置成本"),
    ],
)
def test_none_stays_a_placeholder_where_a_target_is_owed(category: str, name: str) -> None:
    """Near misses: a count, a rate, a satisfaction level (under a cost
    category that is no money too), an effect that is sought."""
    (finding,) = placeholders(clause_table(clause(category, name, "无")))
    assert (
        finding.message
        == "实施周期指标值和年度指标值只写了「无」：这条指标应有目标值，应填写具体目标"
    )


LIST_HEAD = [
    ["某区住房和城乡建设局2025年度项目支出绩效目标表"] + [""] * 10,
    [
        "单位名称",
        "项目名称",
        "预算数（万元）",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "权重",
    ],
]
"""A 2025 national list's title and header rows."""


def test_none_on_several_harms_is_no_pasted_value() -> None:
    """无 answers each harm on its own (an effect on others, complaints, bad
    press): three of them in one project are no boilerplate."""
    indicators = (
        clause(SOCIAL_COST, "施工对周边居民的影响", "无")
        + clause(QUALITY, "有效投诉", "无").replace("1、", "2、", 1)
        + clause(SOCIAL, "负面舆情", "无").replace("1、", "3、", 1)
    )
    assert lint(clause_table(indicators), ["boilerplate-value", "placeholder"]) == []


def test_none_under_the_2025_cost_categories_of_a_national_list() -> None:
    rows = [
        *LIST_HEAD,
        [
            "某区住房和城乡建设局",
            "老旧小区燃气管道更新",
            "520.00",
            "完成老旧小区燃气管道更新改造，消除燃气安全隐患，保障居民用气安全。",
            "产出指标",
            "数量指标",
            "更新燃气管道长度",
            "≥",
            "18",
            "公里",
            "30",
        ],
        [
            "",
            "",
            "",
            "",
            "成本指标",
            "社会成本指标",
            "停气对居民生活的干扰",
            "定性",
            "无",
            "",
            "20",
        ],
        ["", "", "", "", "成本指标", "生态环境成本指标", "开挖路面恢复期", "定性", "无", "", "20"],
        ["", "", "", "", "效益指标", "社会效益指标", "燃气安全事故", "定性", "无", "", "15"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "居民满意度", "≥", "90", "%", "15"],
    ]
    document = load_text(as_csv(rows), "list.csv")
    assert [f.rule for f in lint(document, select=["placeholder"])] == []
    assert len(document.projects[0].clauses) == 5


# --------------------------------------------------------------------------
# a lone question mark inside a number


@pytest.mark.parametrize(
    "category, name, value",
    [
        (QUANTITY, "上门助餐服务户数", "≥?0户"),
        (QUALITY, "助餐服务覆盖率", "≥8?%"),
        (QUANTITY, "新建助餐点服务半径", "?5公里"),
        (QUANTITY, "配送图书", "≥?千册"),
        ("1-产出指标；14-成本指标", "助餐补贴", "≤1?0万元"),
    ],
)
def test_a_lone_question_mark_inside_a_number_is_a_lost_character(
    category: str, name: str, value: str
) -> None:
    """Never read as 0 (zero-target) or as a number without its unit
    (missing-unit): the value is garbled, and only that is reported."""
    text = clause_table(clause(category, name, value))
    assert rules_of(text) == [("garbled-text", "indicators", "?")]


@pytest.mark.parametrize(
    "goal",
    [
        "全年上门助餐服务能否达到3000人次?",
        "养老服务满意度全年达到90%?",
        "全年完成助餐服务3000人次，覆盖率达到95?",
    ],
)
def test_a_question_mark_after_a_number_that_ends_a_sentence_is_no_lost_character(
    goal: str,
) -> None:
    text = clause_table(clause(QUANTITY, "上门助餐服务人次", "≥3000人次"), goal=goal)
    assert [f.rule for f in lint(text, select=["garbled-text"])] == []


def test_a_not_yet_value_after_a_lists_comparator_is_reported_at_its_words() -> None:
    """A list's 指标性质 column puts ≥ before the value: the finding is on the
    words in the 指标值 cell, not on the comparator."""
    rows = [
        *LIST_HEAD,
        [
            "某区住房和城乡建设局",
            "老旧小区燃气管道更新",
            "520.00",
            "完成老旧小区燃气管道更新改造，消除燃气安全隐患，保障居民用气安全。",
            "产出指标",
            "数量指标",
            "更新燃气管道长度",
            "≥",
            "待核定",
            "公里",
            "100",
        ],
    ]
    text = as_csv(rows)
    (finding,) = lint(load_text(text, "list.csv"), select=["placeholder"])
    assert finding.excerpt == "待核定"
    assert finding.column == text.splitlines()[2].index("待核定") + 1


@pytest.mark.parametrize(
    "value, excerpt",
    [
        # the template's example left in front of the value
        ("例：≥90%", "例："),
        ("示例：≥300人次", "示例："),
        ("如：≥90%", "如："),
        # an empty bracket the template left to be filled in
        ("≥500家【】", "【】"),
        ("≥300（ ）", "（ ）"),
    ],
)
def test_a_template_example_or_empty_bracket_is_a_placeholder(value: str, excerpt: str) -> None:
    found = placeholders(clause_table(clause(QUANTITY, "服务老人人次", value)))
    assert [f.excerpt for f in found] == [excerpt]


@pytest.mark.parametrize(
    "value",
    [
        "≥95%（抽查）",
        "举例说明服务成效，≥300人次",
        "≥300人（含）",
        "系统用户数(个)≥200",
        "如期完成：2025年12月底前",
    ],
)
def test_brackets_that_hold_something_are_no_placeholder(value: str) -> None:
    assert placeholders(clause_table(clause(QUANTITY, "服务老人人次", value))) == []
