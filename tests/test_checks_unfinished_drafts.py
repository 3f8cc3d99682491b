"""Drafts left unfinished, written in ways the word lists do not hold: a
value that keeps only the template's comparator and unit (the number never
typed). Clauses in the style of the seeds' Guangzhou cells (seed 002), a
national form and a 2025 national list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.facts import blank_target
from audit.pipeline import load_text
from tests.conftest import lint, project_row, tsv_table
from tests.national import FORM, as_csv, tsv_document

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
    "several-targets",
    "deadline-not-concrete",
]
"""The rules that could each claim one of these values: one finding only."""

GOAL = "为辖区六十岁以上居家老人提供助餐、助洁和上门探访服务，提升居家养老服务水平。"
QUANTITY = "1-产出指标；11-数量指标"
QUALITY = "1-产出指标；12-质量指标"
COST = "1-产出指标；14-成本指标"
SOCIAL = "2-效益指标；22-社会效益"
SATISFACTION = "3-满意度指标；31-服务对象满意度"


def clause_table(indicators: str, goal: str = GOAL) -> str:
    return tsv_table([project_row("社区居家养老服务补助", indicators, goal=goal)])


def clause(category: str, name: str, value: str, number: int = 1) -> str:
    return f"{number}、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


def rules_of(text: str) -> list[tuple[str, str | None]]:
    return [(f.rule, f.field) for f in lint(text, select=VALUE_RULES)]


# --------------------------------------------------------------------------
# a comparator and a unit, the number never typed


@pytest.mark.parametrize(
    "category, name, value",
    [
        (QUALITY, "助餐服务覆盖率", "不低于  %"),
        (QUANTITY, "健康讲座场次", "≥  场"),
        (QUANTITY, "健康讲座场次", "不少于   场"),
        (QUALITY, "助餐服务覆盖率", "不低于%"),
        (QUANTITY, "上门探访人次", "≥人次"),
        (QUANTITY, "健康讲座场次", "全年完成不少于  场"),
        (COST, "助餐补贴", "控制在   万元以内"),
        (QUALITY, "老人档案完整率", "达到    %"),
        (QUANTITY, "服务时长", "不超过 小时"),
        (QUANTITY, "上门探访人次", "≥  万人次"),
        (SOCIAL, "居家老人助餐率", "较上年提高  个百分点"),
        (SATISFACTION, "服务对象满意度", "≥（  ）%"),
        (QUANTITY, "助餐服务户数", "≥____户"),
        (SOCIAL, "助餐服务惠及户数", "不少于　　户。"),
    ],
)
def test_a_comparator_and_a_unit_without_a_number_is_an_empty_value(
    category: str, name: str, value: str
) -> None:
    """The only finding, on 效益 rows too (where not-quantified does not run)."""
    text = clause_table(clause(category, name, value))
    assert rules_of(text) == [("empty-value", "period")]
    (finding,) = lint(text, select=["empty-value"])
    assert finding.severity == "error"
    assert (
        finding.message
        == f"实施周期指标值和年度指标值只有「{value.strip().rstrip('。')}」，没有指标值"
    )


@pytest.mark.parametrize(
    "category, name, value",
    [
        (QUALITY, "助餐服务覆盖率", "≥90%"),
        (QUALITY, "助餐服务覆盖率", "不低于上年"),
        (QUALITY, "助餐服务覆盖率", "≥上年水平"),
        (QUANTITY, "健康讲座场次", "不少于规定场次"),
        (QUANTITY, "健康讲座场次", "全年完成不少于12场"),
        (QUALITY, "助餐服务质量", "达标"),
        (SOCIAL, "居家老人生活质量", "有所提高"),
        (SOCIAL, "居家养老服务水平", "明显提升"),
        (QUALITY, "助餐服务质量", "达到国家标准"),
        (QUALITY, "养老机构等级", "不低于二级"),
        (QUANTITY, "上门探访人次", "达到十万人次"),
    ],
)
def test_a_comparator_before_words_or_a_number_is_no_empty_value(
    category: str, name: str, value: str
) -> None:
    text = clause_table(clause(category, name, value))
    assert lint(text, select=["empty-value"]) == []


@given(
    comparator=st.sampled_from(["≥", "＞", "=", "不低于", "不少于", "不超过", "控制在", "至少"]),
    blank=st.text(alphabet=" \u3000_", max_size=8),
    unit=st.sampled_from(["%", "％", "场", "人次", "户", "万元", "个工作日", "公里", "平方米"]),
)
def test_blanks_of_any_width_between_comparator_and_unit_are_empty(
    comparator: str, blank: str, unit: str
) -> None:
    assert blank_target(f"{comparator}{blank}{unit}")
    assert not blank_target(f"{comparator}{blank}95{unit}")
    assert not blank_target(f"{comparator}{blank}上年{unit}")


def test_only_a_unit_is_no_blank_target() -> None:
    """A 计量单位 column on its own (the comparator and number both left
    out) is no comparator kept from the template."""
    assert not blank_target("%")
    assert not blank_target("场")


def test_a_blank_number_in_a_national_form_is_an_empty_value() -> None:
    rows = [list(row) for row in FORM]
    rows[7][3:5] = ["不少于   场", "≥  场"]
    rows[9][4] = "不低于%"
    findings = lint(tsv_document(rows), select=VALUE_RULES)
    assert [(f.rule, f.field) for f in findings] == [
        ("empty-value", "period"),
        ("empty-value", "annual"),
        ("empty-value", "annual"),
    ]


LIST_HEAD = [
    ["某区民政局2025年度项目支出绩效目标表"] + [""] * 9,
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
        "计量单位",
    ],
]


def list_rows(*indicators: tuple[str, str, str, str, str, str]) -> list[list[str]]:
    first = ["某区民政局", "社区居家养老服务补助", "120.00", GOAL]
    rows = [*LIST_HEAD]
    for number, indicator in enumerate(indicators):
        rows.append([*(first if number == 0 else [""] * 4), *indicator])
    return rows


def test_a_blank_number_in_a_national_list_is_an_empty_value() -> None:
    rows = list_rows(
        ("产出指标", "数量指标", "上门探访人次", "定量", "全年完成不少于  ", "人次"),
        ("产出指标", "质量指标", "助餐服务覆盖率", "", "不低于  %", "%"),
        ("效益指标", "社会效益指标", "助餐服务惠及户数", "≥", "  ", "户"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90", "%"),
    )
    findings = lint(load_text(as_csv(rows), "list.csv"), select=VALUE_RULES)
    assert [(f.rule, f.line) for f in findings] == [
        ("empty-value", 3),
        ("empty-value", 4),
        ("empty-value", 5),
    ]


def test_a_unit_only_in_a_lists_unit_column_beside_a_number_is_no_empty_value() -> None:
    rows = list_rows(
        ("产出指标", "数量指标", "上门探访人次", "≥", "3000", "人次"),
        ("效益指标", "社会效益指标", "居家老人生活质量", "定性", "有所提高", ""),
    )
    assert lint(load_text(as_csv(rows), "list.csv"), select=["empty-value"]) == []


# --------------------------------------------------------------------------
# one indicator twice, its punctuation written another way


def twice(first: str, second: str, values: tuple[str, str] = ("≥10场", "≥12场")) -> str:
    return clause_table(
        clause(QUANTITY, first, values[0], 1) + clause(QUANTITY, second, values[1], 2)
    )


@pytest.mark.parametrize(
    "first, second",
    [
        ("宣讲活动场次(含线上)", "宣讲活动场次（含线上）"),
        ("助餐服务场次［含上门］", "助餐服务场次[含上门]"),
        ("宣讲场次，含线上", "宣讲场次,含线上"),
        ("助餐、助洁服务户数", "助餐，助洁服务户数"),
        ("助餐,助洁服务户数", "助餐、助洁服务户数"),
        ("上门探访人次", "上门探访人次。"),
        ("上门探访人次；", "上门探访人次"),
        ("“银龄安康”参保人数", '"银龄安康"参保人数'),
        ("ＡＡ级养老机构数量", "AA级养老机构数量"),
    ],
)
def test_names_that_differ_only_in_punctuation_are_one_indicator(first: str, second: str) -> None:
    (finding,) = lint(twice(first, second), select=["duplicate-indicator"])
    assert (finding.clause, finding.excerpt) == (2, second.rstrip("。"))  # a clause's stop
    assert "第1条和第2条" in finding.message


@pytest.mark.parametrize(
    "first, second",
    [
        ("助餐服务场次（一期）", "助餐服务场次（二期）"),
        ("助餐服务场次（城区）", "助餐服务场次（农村）"),
        ("助餐服务场次1", "助餐服务场次2"),
        ("助餐、助洁服务户数", "助餐服务户数"),
        ("上门探访人次", "上门探访户次"),
    ],
)
def test_names_that_differ_in_a_word_or_a_number_are_two_indicators(
    first: str, second: str
) -> None:
    assert lint(twice(first, second), select=["duplicate-indicator", "duplicate-clause"]) == []


def test_the_same_clause_with_its_name_in_the_other_width_is_a_duplicate_clause() -> None:
    text = twice("宣讲活动场次(含线上)", "宣讲活动场次（含线上）", ("≥10场", "≥10场"))
    assert [f.rule for f in lint(text, select=["duplicate-indicator", "duplicate-clause"])] == [
        "duplicate-clause"
    ]


def test_a_name_with_a_trailing_stop_in_a_national_list_is_the_same_indicator() -> None:
    rows = list_rows(
        ("产出指标", "质量指标", "助餐服务覆盖率", "≥", "60", "%"),
        ("效益指标", "社会效益指标", "居家老人生活质量", "定性", "有所提高", ""),
        ("产出指标", "质量指标", "助餐服务覆盖率。", "≥", "90", "%"),
    )
    (finding,) = lint(load_text(as_csv(rows), "list.csv"), select=["duplicate-indicator"])
    assert (finding.line, finding.excerpt) == (5, "助餐服务覆盖率。")


# --------------------------------------------------------------------------
# the template's labels as a name, fill-in leftovers in a value


def placeholder_findings(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.field, f.excerpt) for f in lint(text, select=["placeholder"])]


@pytest.mark.parametrize(
    "name",
    [
        "指标一",
        "指标二",
        "指标十二",
        "指标（三）",
        "（三级指标名称）",
        "【指标内容】",
        "二级指标名称",
    ],
)
def test_a_template_label_as_the_name_is_a_placeholder(name: str) -> None:
    (finding,) = lint(clause_table(clause(QUANTITY, name, "≥3000人次")), select=["placeholder"])
    assert (finding.severity, finding.field, finding.excerpt) == ("error", "indicator", name)
    assert finding.message == f"指标名称「{name}」是模板的表头文字，不是指标名称：应填写具体指标"


@pytest.mark.parametrize("name", ["*", "—", "/", "-"])
def test_a_name_of_marks_only_is_a_placeholder(name: str) -> None:
    (finding,) = lint(clause_table(clause(QUANTITY, name, "≥3000人次")), select=["placeholder"])
    assert (finding.severity, finding.field, finding.excerpt) == ("error", "indicator", name)
    assert finding.message == f"指标名称只有「{name}」，没有写指标名称：应填写具体指标"


def test_a_row_struck_out_whole_is_an_empty_value_only() -> None:
    rows = list_rows(
        ("产出指标", "数量指标", "上门探访人次", "≥", "3000", "人次"),
        ("效益指标", "生态效益指标", "/", "定性", "/", ""),
    )
    findings = lint(load_text(as_csv(rows), "list.csv"), select=VALUE_RULES)
    assert [(f.rule, f.line) for f in findings] == [("empty-value", 4)]


@pytest.mark.parametrize(
    "name",
    ["一级指标完成率", "指标完成率", "三级指标分解完成数", "名称变更登记户数", "第一批助餐点数量"],
)
def test_a_name_with_a_label_word_in_it_is_no_template_label(name: str) -> None:
    assert lint(clause_table(clause(QUANTITY, name, "≥12个")), select=["placeholder"]) == []


@pytest.mark.parametrize(
    "value, excerpt",
    [
        ("待核算后填列", "待核算后填列"),
        ("核算后填列", "核算后填列"),
        ("待项目批复后再填报", "待项目批复后再填报"),
        ("见上栏", "见上栏"),
        ("同上栏", "同上栏"),
        ("详见上表", "详见上表"),
        ("同左栏", "同左栏"),
        ("（数值）%", "（数值）%"),
        ("≥（具体数值）人次", "≥（具体数值）人次"),
        ("视情况而定", "视情况而定"),
        ("视资金到位情况而定", "视资金到位情况而定"),
        ("根据实际情况确定", "根据实际情况确定"),
    ],
)
@pytest.mark.parametrize("category", [QUANTITY, SOCIAL])
def test_a_fill_in_leftover_in_a_value_is_a_placeholder(
    value: str, excerpt: str, category: str
) -> None:
    """An error, the value's only finding, on 效益 rows too."""
    text = clause_table(clause(category, "上门探访人次", value))
    assert rules_of(text) == [("placeholder", "period")]
    (finding,) = lint(text, select=["placeholder"])
    assert (finding.severity, finding.excerpt) == ("error", excerpt)


@pytest.mark.parametrize(
    "value",
    [
        "按上级下达任务数完成，≥300人",
        "按上级下达任务数",
        "按当年度市下达任务数",
        "符合上级下达标准，≥95%",
        "完成当年市下达任务",
        "≥3000人次（数量以上级核定为准）",
        "不同上年度持平",
        "相同上行线路≥3条",
    ],
)
def test_a_target_beside_the_words_of_a_leftover_is_no_placeholder(value: str) -> None:
    assert placeholder_findings(clause_table(clause(QUANTITY, "上门探访人次", value))) == []


def test_a_fill_in_leftover_in_a_national_list_is_a_placeholder() -> None:
    rows = list_rows(
        ("产出指标", "数量指标", "上门探访人次", "定量", "见上栏", "人次"),
        ("效益指标", "社会效益指标", "居家老人生活质量", "定性", "视情况而定", ""),
        ("产出指标", "成本指标", "助餐补贴标准", "≤", "待核算后填列", "元/人"),
    )
    findings = lint(load_text(as_csv(rows), "list.csv"), select=VALUE_RULES)
    assert [(f.rule, f.line, f.excerpt) for f in findings] == [
        ("placeholder", 3, "见上栏"),
        ("placeholder", 4, "视情况而定"),
        ("placeholder", 5, "待核算后填列"),
    ]


# --------------------------------------------------------------------------
# an instruction or a pointer as the goal


@pytest.mark.parametrize(
    "goal, excerpt",
    [
        ("此栏由项目单位填写", "此栏由项目单位填写"),
        ("此栏由项目单位填写，不超过300字，应说明项目的产出和效果。", "此栏由项目单位填写"),
        ("本栏按项目实际情况填报", "本栏按项目实际情况填报"),
        ("详见项目申报书", "详见项目申报书"),
        (
            "详见项目申报书中的项目绩效目标部分，此处不再重复填写。",
            "详见项目申报书中的项目绩效目标部分，此处不再重复填写。",
        ),
        ("见项目实施方案", "见项目实施方案"),
        ("参照上年度绩效目标", "参照上年度绩效目标"),
        ("参照上年度目标。", "参照上年度目标。"),
        ("内容同上", "内容同上"),
        ("绩效目标同上", "绩效目标同上"),
    ],
)
def test_an_instruction_or_a_pointer_as_the_goal_is_a_placeholder(goal: str, excerpt: str) -> None:
    """An error at any length, never a short goal's info."""
    text = clause_table(clause(QUANTITY, "上门探访人次", "≥3000人次"), goal=goal)
    findings = lint(text, select=["placeholder", "goal-too-short", "missing-goal"])
    assert [(f.rule, f.severity, f.field, f.excerpt) for f in findings] == [
        ("placeholder", "error", "goal", excerpt)
    ]


@pytest.mark.parametrize(
    "goal",
    [
        "按照《广州市社区居家养老服务实施方案》要求，完成助餐服务3000人次，确保老人按时就餐。",
        "参照国家标准建设社区养老服务中心，为辖区老人提供日间照料和助餐服务。",
        "项目实施结束后填报绩效自评表，全年上门探访居家老人3000人次。",
        "本项目由区民政局组织实施，详见各街道报送的服务台账，全年服务3000人次。",
        "完成下列任务：新增助餐点12个，详见下列清单，全年服务3000人次。",
        "对巡查发现的问题此处理到位，本处室按月如实填报服务台账，全年服务3000人次。",
        "完成上年度结转的助餐点建设，新增助餐点12个，同上年相比服务人次增长10%。",
    ],
)
def test_a_goal_that_cites_a_document_is_no_placeholder(goal: str) -> None:
    text = clause_table(clause(QUANTITY, "上门探访人次", "≥3000人次"), goal=goal)
    assert lint(text, select=["placeholder"]) == []


def test_a_blank_number_after_a_lists_comparator_is_an_empty_value() -> None:
    """A list's 指标性质 column puts ≥ before a value that has its own
    comparator word and no number."""
    rows = list_rows(
        ("产出指标", "质量指标", "助餐服务覆盖率", "≥", "不低于  %", "%"),
        ("产出指标", "质量指标", "助餐服务及时率", "≥", "不低于上年", ""),
    )
    findings = lint(load_text(as_csv(rows), "list.csv"), select=["empty-value"])
    assert [f.line for f in findings] == [3]
