"""Content checks: placeholders, empty values, values that restate the name,
values that are not measurable, values of the wrong kind, percentages out of
range. Clauses are copied from the seeds (line numbers given)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from audit.config import Config, load_config
from audit.facts import normalize, sub_span
from audit.model import Document, Finding, Source, Span, TextBuilder
from tests.conftest import config_with, lint, project_row, tsv_table

CONTENT_RULES = (
    "placeholder",
    "empty-value",
    "value-restates-name",
    "not-quantified",
    "value-type-mismatch",
    "percent-out-of-range",
)
FIRST_ROW = 9
"""The line of the first project row in a :func:`tsv_table` without 合计."""


def table(*rows: list[str]) -> str:
    return tsv_table(rows)


def clause_table(indicators: str, name: str = "测试项目", goal: str = "保障项目顺利实施。") -> str:
    return table(project_row(name, indicators, goal=goal))


def found(text: str, rule: str, config: Config | None = None) -> list[Finding]:
    return lint(text, select=[rule], config=config)


def excerpts(findings: list[Finding]) -> list[str | None]:
    return [f.excerpt for f in findings]


def column_of(text: str, needle: str, line: int = FIRST_ROW, nth: int = 0) -> int:
    """1-based column of the ``nth`` occurrence of ``needle`` on ``line``."""
    row = text.split("\n")[line - 1]
    at = -1
    for _ in range(nth + 1):
        at = row.index(needle, at + 1)
    return at + 1


# --------------------------------------------------------------------------
# placeholder

# Seed 002 line 157, clause 4.
CARS = "4、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。"


def test_placeholder_reports_the_planned_number_at_its_exact_characters() -> None:
    text = clause_table(CARS)
    [finding] = found(text, "placeholder")
    assert (finding.rule, finding.severity) == ("placeholder", "error")
    assert (finding.field, finding.excerpt, finding.clause) == ("period", "年度计划数", 4)
    column = column_of(text, "年度计划数")
    assert (finding.line, finding.column) == (FIRST_ROW, column)
    assert (finding.end_line, finding.end_column) == (FIRST_ROW, column + 5)
    assert "年度计划数" in finding.message


@pytest.mark.parametrize(
    "value, placeholder",
    [
        ("待单位补充...", "待单位补充"),
        ("待补充", "待补充"),
        ("待定", "待定"),
        ("XXX人", "XXX"),
        ("≥×××人次", "×××"),
        ("……", "……"),
        ("另行通知", "另行通知"),
    ],
)
def test_placeholder_finds_draft_text_in_a_value(value: str, placeholder: str) -> None:
    indicators = (
        f"1、1-产出指标；11-数量指标；培训人次；实施周期指标值:{value}；年度指标值:≥200人次。"
    )
    text = clause_table(indicators)
    findings = found(text, "placeholder")
    assert excerpts(findings)[0] == placeholder
    assert findings[0].column == column_of(text, placeholder)


@pytest.mark.parametrize(
    "value, placeholder",
    [
        # a value that points elsewhere, anywhere in it
        ("见附件", "见附件"),
        ("详见附件2", "详见附件"),
        ("≥见附表", "见附表"),
        # a whole value that stands where a target is owed
        ("略", "略"),
        ("同上", "同上"),
        ("同上年", "同上年"),
        ("参照上年", "参照上年"),
        ("按实际", "按实际"),
        ("具体以实际为准", "具体以实际为准"),
        ("另行确定", "另行确定"),
        ("另行下达。", "另行下达"),
        ("（另行制定）", "（另行制定）"),
        ("待补", "待补"),
        ("TBD", "TBD"),
        ("N/A", "N/A"),
        ("≥同上", "同上"),  # a list's 指标性质 column put the comparator before it
        ("X人次", "X"),  # one X where the number goes
        ("≥X%", "X"),
    ],
)
def test_placeholder_finds_a_value_left_to_elsewhere_or_to_later(
    value: str, placeholder: str
) -> None:
    indicators = (
        f"1、1-产出指标；11-数量指标；古树巡查株数；实施周期指标值:{value}；年度指标值:≥200株。"
    )
    text = clause_table(indicators)
    (finding,) = found(text, "placeholder")
    assert (finding.field, finding.excerpt) == ("period", placeholder)
    assert finding.severity == "error"
    rules = {f.rule for f in lint(text, select=list(CONTENT_RULES))}
    assert rules == {"placeholder"}  # not also not-quantified


@pytest.mark.parametrize(
    "value",
    [
        "略有提高",
        "战略合作协议签订",
        "同上年度持平",
        "按实际需求完成采购",
        "征求意见附件齐全",
        "空气质量优良",
        "X光机2台",  # an X-ray machine
        "完成X射线探伤检测",
        "资金另行下达后开展培训",  # a target that mentions it
    ],
)
def test_placeholder_leaves_words_that_only_contain_those(value: str) -> None:
    """Near misses: 略, 同上, 按实际, 空 inside a target of their own."""
    indicators = (
        f"1、2-效益指标；22-社会效益；服务水平；实施周期指标值:{value}；年度指标值:{value}。"
    )
    assert found(clause_table(indicators), "placeholder") == []


@pytest.mark.parametrize("value", ["无", "暂无", "≥无"])
def test_placeholder_reports_none_where_a_target_is_owed(value: str) -> None:
    indicators = (
        f"1、1-产出指标；11-数量指标；古树巡查株数；实施周期指标值:{value}；年度指标值:{value}。"
    )
    (finding,) = found(clause_table(indicators), "placeholder")
    assert (
        finding.message
        == f"实施周期指标值和年度指标值只写了「{value}」：这条指标应有目标值，应填写具体目标"
    )


@pytest.mark.parametrize(
    "name", ["安全生产事故", "有效投诉次数", "是否发生违规使用资金", "资金挪用情况", "负面舆情"]
)
def test_none_is_the_target_of_what_a_table_wants_none_of(name: str) -> None:
    """Near misses: 无 is the target of an adverse event and the answer of a yes/no."""
    indicators = f"1、1-产出指标；12-质量指标；{name}；实施周期指标值:无；年度指标值:无。"
    assert found(clause_table(indicators), "placeholder") == []


def test_a_placeholder_goal_is_one_finding() -> None:
    """``***`` as the goal: placeholder's, not also missing-goal's; ``略`` as the
    goal: missing-goal's (its empty goals), not also placeholder's."""
    indicators = (
        "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。"
    )
    stars = lint(clause_table(indicators, goal="***"), select=["placeholder", "missing-goal"])
    assert [(f.rule, f.excerpt) for f in stars] == [("placeholder", "***")]
    left_out = lint(clause_table(indicators, goal="略"), select=["placeholder", "missing-goal"])
    assert [f.rule for f in left_out] == ["missing-goal"]


def test_placeholder_reports_each_placeholder_of_a_value_separately() -> None:
    indicators = (
        "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:待单位补充……；年度指标值:≥...人次。"
    )
    findings = found(clause_table(indicators), "placeholder")
    assert [(f.field, f.excerpt) for f in findings] == [
        ("period", "待单位补充"),
        ("period", "……"),
        ("annual", "..."),
    ]


def test_placeholder_searches_the_project_name_goal_and_indicator_name() -> None:
    indicators = (
        "1、1-产出指标；11-数量指标；XX培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。"
    )
    text = clause_table(indicators, name="XX区就业补助资金", goal="通过开展本项目，待补充。")
    findings = found(text, "placeholder")
    assert [(f.field, f.excerpt) for f in findings] == [
        ("name", "XX"),
        ("goal", "待补充"),
        ("indicator", "XX"),
    ]
    assert findings[0].column == 1
    assert findings[1].column == column_of(text, "待补充")


def test_placeholder_reports_a_template_word_given_as_the_value() -> None:
    # Seed 002 line 90, clause 2: the template's 指标性质 column pasted as the target.
    indicators = "2、1-产出指标；12-质量指标；劳动关系和谐企业创建数量；实施周期指标值:定量指标；年度指标值:定量指标。"
    text = clause_table(indicators)
    [finding] = found(text, "placeholder")
    assert (finding.field, finding.excerpt) == ("period", "定量指标")
    assert finding.column == column_of(text, "定量指标")
    # The annual value repeats it word for word: one problem, reported once.
    assert "实施周期指标值和年度指标值「定量指标」是模板文字" in finding.message


@pytest.mark.parametrize("error", ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?"])
def test_placeholder_reports_a_spreadsheet_error_where_a_result_belongs(error: str) -> None:
    # a value computed by a formula that failed (its source row deleted, a division by 0)
    indicators = (
        f"1、1-产出指标；12-质量指标；补贴发放准确率；实施周期指标值:≥{error}%；年度指标值:≥95%。"
    )
    text = clause_table(indicators, goal=f"保障补贴按时足额发放，发放准确率达到{error}。")
    findings = found(text, "placeholder")
    assert [(f.field, f.excerpt) for f in findings] == [("goal", error), ("period", error)]
    assert "公式错误" in findings[1].message
    assert findings[1].column == column_of(text, error, nth=1)


def test_a_spreadsheet_error_is_no_number() -> None:
    # the 0 of #DIV/0! is no target: the value is not a percentage of 0
    indicators = (
        "1、1-产出指标；12-质量指标；补贴发放准确率；实施周期指标值:≥#DIV/0!%；年度指标值:≥95%。"
    )
    findings = lint(clause_table(indicators), select=list(CONTENT_RULES))
    assert {f.rule for f in findings} == {"placeholder"}


@pytest.mark.parametrize("value", ["#3号楼维修完成", "第#1批≥2次", "≥95%（#号为备注）"])
def test_a_hash_sign_is_no_spreadsheet_error(value: str) -> None:
    indicators = (
        f"1、1-产出指标；11-数量指标；维修批次；实施周期指标值:{value}；年度指标值:{value}。"
    )
    assert found(clause_table(indicators), "placeholder") == []


def test_placeholder_ignores_an_ellipsis_meaning_etc_and_ordinary_words() -> None:
    goal = "开展就业创业服务、职业指导……等工作，保障随军家属待遇按月发放。"
    indicators = (
        "1、1-产出指标；11-数量指标；维护维修数量；实施周期指标值:≥年度计划值600台（套）；"
        "年度指标值:≥年度计划值600台（套）。"
    )
    assert found(clause_table(indicators, goal=goal), "placeholder") == []


def test_placeholder_patterns_are_configurable(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  placeholder:\n    patterns: ['暂无']\n")
    indicators = "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:暂无；年度指标值:待补充。"
    assert excerpts(found(clause_table(indicators), "placeholder", config)) == ["暂无"]


def test_sub_span_keeps_the_map_through_a_wrapped_cell() -> None:
    # A PDF cell wrapped after 年度指标值:待单: the placeholder spans two lines.
    source = Source("t.txt", "年度指标值:待单\n位补充\n")
    builder = TextBuilder(source)
    builder.add("年度指标值:待单", 0)
    builder.add("位补充", 9)
    cell = builder.build()
    value = Span.of(cell, 6, 11)  # 待单位补充
    assert (value.line, value.column, value.end_line, value.end_column) == (1, 7, 2, 4)
    inner = sub_span(value, 1, 4)  # 单位补
    assert (inner.line, inner.column, inner.end_line, inner.end_column) == (1, 8, 2, 3)


def test_normalize_drops_spaces_quotes_and_a_trailing_unit_only() -> None:
    assert normalize("故障排除率(%)") == "故障排除率"
    assert normalize("新增实训室数量（个）") == "新增实训室数量"
    assert normalize("“三支一扶” 人员") == "三支一扶人员"
    assert normalize("市就业补助资金（海珠区）") == "市就业补助资金（海珠区）"


# --------------------------------------------------------------------------
# empty-value


def test_empty_value_reports_a_keyword_with_nothing_after_it() -> None:
    indicators = "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:；年度指标值:≥200人次。"
    text = clause_table(indicators)
    [finding] = found(text, "empty-value")
    assert (finding.rule, finding.severity, finding.field) == ("empty-value", "error", "period")
    assert finding.excerpt == "实施周期指标值"
    assert finding.column == column_of(text, "实施周期指标值")


def test_empty_value_reports_a_value_of_dashes_only() -> None:
    indicators = "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:——。"
    [finding] = found(clause_table(indicators), "empty-value")
    assert (finding.field, finding.excerpt) == ("annual", "年度指标值")
    assert "——" in finding.message


def test_empty_value_reports_both_keywords_empty_once() -> None:
    indicators = "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:；年度指标值:。"
    [finding] = found(clause_table(indicators), "empty-value")
    assert (finding.field, finding.excerpt) == ("period", "实施周期指标值")
    assert finding.message == "实施周期指标值和年度指标值没有填写指标值"


def test_empty_value_ignores_a_zero_target() -> None:
    indicators = "1、2-效益指标；22-社会效益；安全事故发生次数；实施周期指标值:0次；年度指标值:0。"
    assert found(clause_table(indicators), "empty-value") == []


# --------------------------------------------------------------------------
# value-restates-name

# Seed 001 line 12, clause 1.
RESTATED = "1、1-产出指标；11-数量指标；一次性创业资助人数；实施周期指标值:一次性创业资助人数；年度指标值:≥300人次。"
# Seed 002 line 601, clause 2.
RESPONSE = (
    "2、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应及时率；年度指标值:不低于95%。"
)
# Seed 002 line 616, clauses 1 and 2.
SWAPPED = (
    "1、1-产出指标；12-质量指标；物品验收率；实施周期指标值:≥98%；年度指标值:物资验收合格率。"
    "2、2-效益指标；21-经济效益；设备使用率；实施周期指标值:100%；年度指标值:设施设备良好使用率。"
)


def test_value_restates_name_reports_the_name_given_as_the_value() -> None:
    text = clause_table(RESTATED)
    [finding] = found(text, "value-restates-name")
    assert (finding.severity, finding.field) == ("warning", "period")
    assert finding.excerpt == "一次性创业资助人数"
    assert finding.column == column_of(text, "一次性创业资助人数", nth=1)
    assert "重复指标名称" in finding.message


def test_value_restates_name_reports_the_name_where_the_value_belongs() -> None:
    [finding] = found(clause_table(RESPONSE), "value-restates-name")
    assert (finding.field, finding.excerpt) == ("period", "响应及时率")


@pytest.mark.parametrize(
    "indicators, excerpt",
    [
        # Seed 001 line 16, clauses 6 and 7.
        (
            "6、2-效益指标；22-社会效益；支出的合规性；实施周期指标值:支出的合规性；年度指标值:按照标准支出。",
            "支出的合规性",
        ),
        (
            "7、2-效益指标；22-社会效益；支出预算执行率；实施周期指标值:支出预算执行率；年度指标值:≥91%。",
            "支出预算执行率",
        ),
        # Seed 002 line 601, clause 3: the name with its unit in brackets.
        (
            "3、1-产出指标；12-质量指标；故障排除率(%)；实施周期指标值:故障排除率；年度指标值:不低于95%。",
            "故障排除率",
        ),
    ],
)
def test_value_restates_name_ignores_quotes_spaces_and_units(indicators: str, excerpt: str) -> None:
    assert excerpts(found(clause_table(indicators), "value-restates-name")) == [excerpt]


def test_value_restates_name_reports_a_value_that_is_another_measure() -> None:
    # Seed 002 line 601, clause 7: a measure name where the target belongs.
    indicators = "7、1-产出指标；11-数量指标；系统应用用户数量；实施周期指标值:新用户注册量；年度指标值:全年不少于2万人。"
    [finding] = found(clause_table(indicators), "value-restates-name")
    assert finding.excerpt == "新用户注册量"
    assert "是指标名称而不是目标值" in finding.message


def test_a_measure_name_opening_with_the_same_character_is_still_one() -> None:
    """Near miss of the idiom 保质保量: 保洁作业量 names a measure."""
    indicators = (
        "1、1-产出指标；11-数量指标；道路清扫；实施周期指标值:保洁作业量；年度指标值:保洁作业量。"
    )
    [finding] = found(clause_table(indicators), "value-restates-name")
    assert "是指标名称而不是目标值" in finding.message


def test_value_restates_name_reports_the_name_with_filler_words() -> None:
    # Seed 002 line 209, clause 1.
    indicators = "1、2-效益指标；22-社会效益；社保基金安全；实施周期指标值:维护社保基金安全；年度指标值:维护社保基金安全。"
    [finding] = found(clause_table(indicators), "value-restates-name")
    assert (finding.field, finding.excerpt) == ("period", "维护社保基金安全")
    assert "复述指标名称「社保基金安全」" in finding.message


def test_value_restates_name_says_swapped_when_the_annual_holds_a_name() -> None:
    findings = found(clause_table(SWAPPED), "value-restates-name")
    assert [(f.clause, f.field, f.excerpt) for f in findings] == [
        (1, "annual", "物资验收合格率"),
        (2, "annual", "设施设备良好使用率"),
    ]
    assert "填反" in findings[0].message
    assert "≥98%" in findings[0].message
    english = load_config(None, discover=False)
    english.lang = "en"
    assert "swapped" in found(clause_table(SWAPPED), "value-restates-name", english)[0].message


def test_value_restates_name_says_swapped_when_the_name_is_a_target() -> None:
    indicators = "1、1-产出指标；12-质量指标；≥98%；实施周期指标值:物资验收合格率；年度指标值:物资验收合格率。"
    [finding] = found(clause_table(indicators), "value-restates-name")
    assert finding.excerpt == "物资验收合格率"
    assert "指标名称「≥98%」是目标值" in finding.message


def test_a_name_and_one_value_swapped_are_one_finding() -> None:
    """``≥90% | ≥90% | 达标率``: the period value is the target the name should
    have been beside, not a restatement of the name."""
    indicators = (
        "1、1-产出指标；12-质量指标；≥90%；实施周期指标值:≥90%；"
        "年度指标值:农作物病虫害防治效果达标率。"
    )
    [finding] = found(clause_table(indicators), "value-restates-name")
    assert (finding.field, finding.excerpt) == ("annual", "农作物病虫害防治效果达标率")
    assert "二者疑似填反" in finding.message


def test_a_target_as_the_name_and_both_values_is_still_reported() -> None:
    """Near miss: with no name among the values, the value that is the name
    is reported (the indicator has no name of its own)."""
    indicators = "1、1-产出指标；12-质量指标；≥90%；实施周期指标值:≥90%；年度指标值:≥90%。"
    assert found(clause_table(indicators), "value-restates-name")


def test_value_restates_name_ignores_a_value_with_a_target() -> None:
    # Seed 001 line 16, clause 1: the name and 100%.
    indicators = "1、1-产出指标；11-数量指标；合同签订率；实施周期指标值:合同签订率100%；年度指标值:合同签订率100%。"
    assert found(clause_table(indicators), "value-restates-name") == []


@pytest.mark.parametrize(
    "value",
    [
        "提高办公效率",
        "按当年度市下达任务数",
        "能有效提升各项业务工作效率",
        "合法合规",
        "安全",
        "保质保量",  # an idiom of assurance, not a measure's name ending in 量
        "足质足量",
    ],
)
def test_value_restates_name_ignores_qualitative_targets(value: str) -> None:
    indicators = f"1、2-效益指标；22-社会效益；安全性；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "value-restates-name") == []


# --------------------------------------------------------------------------
# not-quantified


@pytest.mark.parametrize("value", ["完成当年市下达任务", "有效", "提高"])
def test_not_quantified_reports_a_quantity_indicator_without_a_figure(value: str) -> None:
    indicators = (
        f"1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:{value}；年度指标值:≥300人。"
    )
    text = clause_table(indicators)
    [finding] = found(text, "not-quantified")
    assert (finding.severity, finding.field, finding.excerpt) == ("warning", "period", value)
    assert finding.column == column_of(text, f"值:{value}") + 2
    assert "数量指标" in finding.message


@pytest.mark.parametrize(
    ("category", "name", "example"),
    [
        ("4-成本指标；41-经济成本指标", "设备购置成本", "≤50万元"),
        ("1-产出指标；14-成本指标", "设备购置成本", "≤50万元"),
        # 社会成本 and 生态环境成本 are no money: the hint is in their own units.
        ("4-成本指标；42-社会成本指标", "对周边群众生活的影响", "≤3次"),
        ("4-成本指标；43-生态环境成本指标", "施工污染", "≤55分贝"),
    ],
)
def test_not_quantified_suggests_money_only_for_a_cost_of_money(
    category: str, name: str, example: str
) -> None:
    indicators = f"1、{category}；{name}；实施周期指标值:影响较小；年度指标值:影响较小。"
    [finding] = found(clause_table(indicators), "not-quantified")
    assert f"（如 {example}）" in finding.message


def test_not_quantified_accepts_figures_dates_and_measurable_words() -> None:
    indicators = (
        "1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:≥300人；年度指标值:≥300人。"
        "2、1-产出指标；13-时效指标；项目完成时间；实施周期指标值:2024年11月30日前；年度指标值:2024年11月30日前。"
        "3、2-效益指标；22-社会效益；网络安全等级保护级别；实施周期指标值:三级；年度指标值:三级。"
        "4、1-产出指标；11-数量指标；备份频次；实施周期指标值:每周一次；年度指标值:每周。"
        "5、1-产出指标；12-质量指标；网络系统运行无故障率；实施周期指标值:零故障；年度指标值:无重大网络安全事件。"
    )
    assert found(clause_table(indicators), "not-quantified") == []


@pytest.mark.parametrize(
    ("value", "measurable"),
    [
        # none of an effect is a target, however the sentence begins
        ("无明显影响", True),
        ("不产生负面社会影响", True),
        ("不造成环境污染", True),
        ("不引发群体性事件", True),
        # a degree nobody can check
        ("可控", False),
        ("影响较小", False),
    ],
)
def test_not_quantified_reads_a_social_cost_of_none_as_a_target(
    value: str, measurable: bool
) -> None:
    """The 2025 scheme's social and ecological costs are often stated as none
    of an effect; a degree (可控, 较小) is still no target."""
    indicators = (
        f"1、4-成本指标；42-社会成本指标；施工对周边居民的影响；"
        f"实施周期指标值:{value}；年度指标值:{value}。"
    )
    findings = found(clause_table(indicators), "not-quantified")
    assert [f.excerpt for f in findings] == ([] if measurable else [value])


@pytest.mark.parametrize(
    "name, value",
    [
        ("断面水质", "达到地表水Ⅲ类标准"),  # 生态环境: GB 3838
        ("集中式饮用水水源地水质", "Ⅱ类及以上"),  # 水利
        ("出境断面水质", "III类"),  # Roman numerals in letters
        ("病险水库除险加固后大坝安全类别", "二类坝以上"),  # 水利: 大坝安全鉴定
        ("景区创建等次", "AAAA级"),  # 文旅: GB/T 17775
        ("医院评审等次", "三级甲等"),  # 卫健
        ("公路养护工程质量", "一级"),  # 交通
        ("设计单位资质", "甲级"),  # 住建
        # A class word after a Roman numeral or an ordinal, anywhere in the value.
        ("收购小麦质量", "二等及以上"),  # 粮食: GB 1351
        ("出圃种苗质量", "Ⅱ级苗以上"),  # 林业: GB 6000
        ("省级示范合作社评定", "第二档以上"),  # 农业
        ("竹木制品质量", "一等品"),  # 工信: GB/T 12707
        # A grade a national standard names: GB/T 20570 (玉米储存品质判定规则).
        ("储备玉米储存品质", "宜存"),
        # Conformity to a specification the value names: a pass or a fail against it.
        ("档案修裱质量", "符合《档案修裱技术规范》"),  # 档案: DA/T 25
        ("管材质量", "满足《给水用聚乙烯（PE）管道系统》要求"),  # 住建
        ("监测报告质量", "执行《环境监测质量管理技术导则》"),  # 生态环境
        # ... or the specification named by its code: a standard's number and year, a version
        ("档案数字化质量", "符合DA/T 31-2017规范"),  # 档案
        ("给水排水工程质量", "符合GB 50015-2019要求"),  # 住建
        ("质量管理体系", "通过ISO 9001:2015认证"),
        ("地方标准执行", "DB44/T 2138-2018"),
        ("岗位信息发布系统版本", "V2.0版本上线运行"),
    ],
)
def test_not_quantified_accepts_a_class_on_a_standards_scale(name: str, value: str) -> None:
    """A grade or class of a national standard is checked against that
    standard, like 二级甲等 or a GB code: it is measurable."""
    indicators = f"1、1-产出指标；12-质量指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "not-quantified") == []


@pytest.mark.parametrize(
    "value",
    [
        "有效提升",
        "明显改善",
        "良好",  # a grade of no standard
        "基本合格",
        "优良",
        "达到国家标准",  # which standard, which class?
        "分类推进",  # 类 without a class
        "三类人员全部持证",  # a class of people, no class reached
        "中等以上",  # a degree, no ordinal
        "等级较高",
        "达到优质等级",
        "符合相关规范要求",  # which specification?
        "符合《》要求",  # a title left empty
        "符合《相关规定》",  # a title that names no document
        "符合《国家有关标准和规范要求》",
        "《规范》",  # a title, no conformity to it
        "符合GB标准",  # a standard's letters, no number
        "新版本上线运行",  # a version, no number
    ],
)
def test_not_quantified_still_reports_vague_quality_words(value: str) -> None:
    indicators = (
        f"1、1-产出指标；12-质量指标；断面水质；实施周期指标值:{value}；年度指标值:{value}。"
    )
    [finding] = found(clause_table(indicators), "not-quantified")
    assert finding.excerpt == value


@pytest.mark.parametrize(
    "category, name, value",
    [
        # a pass or a fail, as 合格 and 达标 are
        ("1-产出指标；12-质量指标", "补助资金发放合规性", "合规"),
        ("1-产出指标；12-质量指标", "补助资金发放合规性", "合法合规"),  # seed 002 line 733
        ("1-产出指标；12-质量指标", "资金使用合规性", "合规合法"),  # the same two words
        ("1-产出指标；12-质量指标", "污水处理质量", "达标排放"),
        ("1-产出指标；12-质量指标", "工程质量", "符合国家验收规范"),
        # a cap at the project's budget, as 不超过批复预算
        ("1-产出指标；14-成本指标", "项目总成本", "控制在预算内"),
        ("1-产出指标；14-成本指标", "项目总成本", "控制在批复预算内"),
        ("4-成本指标；41-经济成本指标", "工程建设成本", "在批复预算范围内"),
        ("1-产出指标；14-成本指标", "项目总成本", "未突破预算"),
        ("1-产出指标；14-成本指标", "项目总成本", "不超过批复预算"),
    ],
)
def test_not_quantified_judges_a_pass_or_a_budget_cap_alike_in_any_words(
    category: str, name: str, value: str
) -> None:
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "not-quantified") == []


@pytest.mark.parametrize(
    "category, name, value",
    [
        ("1-产出指标；14-成本指标", "项目总成本", "控制在合理范围内"),  # no amount named
        ("1-产出指标；14-成本指标", "项目总成本", "有效控制"),
        ("1-产出指标；12-质量指标", "补助资金发放合规性", "基本合规"),  # a degree
        ("1-产出指标；12-质量指标", "资金使用合规性", "基本合规合法"),
        ("1-产出指标；12-质量指标", "资金使用合规性", "总体合规"),
        ("1-产出指标；12-质量指标", "补助资金发放合规性", "合规性较好"),
        ("1-产出指标；12-质量指标", "工程质量", "达到国家标准"),  # which standard?
        ("1-产出指标；12-质量指标", "污水处理质量", "逐步实现达标排放"),
    ],
)
def test_not_quantified_still_reports_a_near_pass_or_a_cap_without_an_amount(
    category: str, name: str, value: str
) -> None:
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert excerpts(found(clause_table(indicators), "not-quantified")) == [value]


@pytest.mark.parametrize(
    "category, name, value",
    [
        # a count, an amount or a satisfaction level is no pass or fail
        ("1-产出指标；11-数量指标", "清淤河道长度", "合格"),
        ("1-产出指标；11-数量指标", "培训人数", "达标"),
        ("1-产出指标；14-成本指标", "项目总成本", "合格"),
        ("4-成本指标；41-经济成本指标", "清淤单位成本", "合规"),
        ("3-满意度指标；31-服务对象满意度", "沿河居民满意度", "合格"),
        ("3-满意度指标；31-服务对象满意度", "服务对象满意度", "是"),
    ],
)
def test_not_quantified_reports_a_pass_or_fail_on_a_count_an_amount_or_a_satisfaction(
    category: str, name: str, value: str
) -> None:
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert excerpts(found(clause_table(indicators), "not-quantified")) == [value]


@pytest.mark.parametrize(
    "category, name, value",
    [
        # where a pass or a fail is the target: quality, timeliness
        ("1-产出指标；12-质量指标", "清淤工程质量", "合格"),
        ("1-产出指标；13-时效指标", "是否按时完成", "是"),
        # a cost capped at the budget is an amount, and a count's number stays one
        ("1-产出指标；14-成本指标", "项目总成本", "控制在预算内"),
        ("1-产出指标；11-数量指标", "验收合格工程数", "≥12个"),
    ],
)
def test_not_quantified_near_misses_of_a_pass_or_fail(category: str, name: str, value: str) -> None:
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "not-quantified") == []


def test_not_quantified_allows_qualitative_effect_indicators_by_default() -> None:
    # Seed 002 line 178, clause 3.
    indicators = "3、2-效益指标；22-社会效益；地区职业教育水平；实施周期指标值:有效提升；年度指标值:有效提升。"
    assert found(clause_table(indicators), "not-quantified") == []


def test_not_quantified_reports_a_formula_in_any_category() -> None:
    # Seed 002 line 522, clause 6 (an effect indicator).
    indicators = (
        "6、2-效益指标；21-经济效益；设备使用率(%)；"
        "实施周期指标值:设备使用率=实际使用设备数量/总设备数量*100%；年度指标值:90%。"
    )
    [finding] = found(clause_table(indicators), "not-quantified")
    assert finding.excerpt == "设备使用率=实际使用设备数量/总设备数量*100%"
    assert finding.severity == "warning"
    assert "计算公式" in finding.message


def test_not_quantified_accepts_a_formula_followed_by_its_target() -> None:
    # Seed 002 line 642, clause 1.
    indicators = (
        "1、1-产出指标；11-数量指标；合同审核参与度指数；"
        "实施周期指标值:（合同审核参与数÷合同数）×100%=90%；年度指标值:（合同审核参与数÷合同数）×100%=90%。"
    )
    assert found(clause_table(indicators), "not-quantified") == []


def test_not_quantified_leaves_placeholders_and_restated_names_to_their_rules() -> None:
    assert found(clause_table(CARS), "not-quantified") == []
    assert found(clause_table(RESTATED), "not-quantified") == []


def test_not_quantified_severity_follows_the_category(tmp_path: Path) -> None:
    yaml = (
        "rules:\n  not-quantified:\n    severity: error\n"
        "    severities: {quantity: error, effect: info}\n"
    )
    config = config_with(tmp_path, yaml)
    indicators = (
        "1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:≥300人。"
        "2、2-效益指标；22-社会效益；地区职业教育水平；实施周期指标值:有效提升；年度指标值:≥5%。"
    )
    indicators += (
        "3、1-产出指标；12-质量指标；车辆车况及运行情况；实施周期指标值:良好；年度指标值:≥95%。"
    )
    findings = found(clause_table(indicators), "not-quantified", config)
    assert [(f.clause, f.severity) for f in findings] == [(1, "error"), (2, "info"), (3, "warning")]


def test_not_quantified_reads_the_level1_category_of_a_legacy_clause() -> None:
    indicators = (
        "1、满意度指标：服务对象的满意度，年度指标值： ≥90%。"
        "2、产出指标：设备验收合格率，年度指标值：有效。"
    )
    [finding] = found(clause_table(indicators), "not-quantified")
    assert (finding.clause, finding.excerpt) == (2, "有效")
    assert "产出指标" in finding.message


# --------------------------------------------------------------------------
# value-type-mismatch

# Seed 002 line 769, clause 4.
COMPLAINTS = "4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:少于5次。"
# Seed 001 line 28, clause 1.
DEVICES = "1、1-产出指标；11-数量指标；完成数量率；实施周期指标值：100%；年度指标值：完成年度任务数量的设备置换，数量为24台。"


def test_value_type_mismatch_reports_a_satisfaction_counted_in_times() -> None:
    text = clause_table(COMPLAINTS)
    [finding] = found(text, "value-type-mismatch")
    assert (finding.severity, finding.field, finding.excerpt) == ("warning", "period", "少于5次")
    assert finding.column == column_of(text, "少于5次")
    assert "满意度指标，但实施周期指标值和年度指标值「少于5次」是数量" in finding.message


@pytest.mark.parametrize(
    ("clause", "value", "measured"),
    [
        ("3-满意度指标；31-服务对象满意度；读者满意度", "8:30-17:30", "一天中的时刻"),
        ("3-满意度指标；31-服务对象满意度；如厕群众满意度", "9:00前", "一天中的时刻"),
        ("1-产出指标；12-质量指标；图书上架准确率", "2025年底前", "日期或时限"),
        ("3-满意度指标；31-服务对象满意度；读者满意度", "2025年12月31日前", "日期或时限"),
        ("1-产出指标；11-数量指标；线上服务人次", "8:30-17:30", "一天中的时刻"),
    ],
)
def test_value_type_mismatch_reports_a_rate_or_level_given_as_a_time(
    clause: str, value: str, measured: str
) -> None:
    indicators = f"1、{clause}；实施周期指标值:{value}；年度指标值:{value}。"
    [finding] = found(clause_table(indicators), "value-type-mismatch")
    assert finding.excerpt == value
    assert finding.message.endswith(f"是{measured}")


@pytest.mark.parametrize(
    ("clause", "value"),
    [
        # hours and deadlines are a timeliness indicator's own targets
        ("1-产出指标；13-时效指标；窗口服务时间", "8:30-17:30"),
        ("1-产出指标；13-时效指标；每日到岗时间", "9:00前"),
        ("1-产出指标；13-时效指标；工程完工时间", "2025年底前"),
        # a count given a deadline is a 时效 target misfiled (category-keyword-mismatch's)
        ("1-产出指标；11-数量指标；新建泵站投入运行", "2025年11月30日前"),
        # a name that asks for a date, whatever it names before (满意度调查 … 时间)
        ("1-产出指标；13-时效指标；满意度调查完成时间", "2025年底前"),
    ],
)
def test_value_type_mismatch_leaves_times_where_they_belong(clause: str, value: str) -> None:
    indicators = f"1、{clause}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "value-type-mismatch") == []


@pytest.mark.parametrize(
    "clause",
    [
        "1-产出指标；11-数量指标；改造管网长度",
        "3-满意度指标；31-服务对象满意度；居民满意度",
        "4-成本指标；41-经济成本指标；改造单位成本",
    ],
)
@pytest.mark.parametrize(
    "value",
    ["符合GB 50015-2019", "符合《城镇给水排水技术规范》", "符合《广东省建设工程计价依据（2018）》"],
)
def test_not_quantified_reports_a_count_or_level_given_as_conformity(
    clause: str, value: str
) -> None:
    """A specification named is a pass or a fail: a quality target, never a
    count or a satisfaction level."""
    indicators = f"1、{clause}；实施周期指标值:{value}；年度指标值:{value}。"
    [finding] = found(clause_table(indicators), "not-quantified")
    assert finding.excerpt == value


@pytest.mark.parametrize(("name", "value"), [("新增数字资源", "4K"), ("打印设备", "3D")])
def test_not_quantified_reports_a_count_given_a_things_name(name: str, value: str) -> None:
    """4K and 3D name a resolution and a dimension: a count needs a number of things."""
    indicators = f"1、1-产出指标；11-数量指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    [finding] = found(clause_table(indicators), "not-quantified")
    assert finding.excerpt == value


def test_not_quantified_accepts_a_service_done_at_once() -> None:
    indicators = (
        "1、1-产出指标；13-时效指标；申请办结时限；实施周期指标值:即时办结；年度指标值:即时办结。"
    )
    assert found(clause_table(indicators), "not-quantified") == []
    assert found(clause_table(indicators), "deadline-not-concrete") == []


def test_value_type_mismatch_reports_each_value_when_they_differ() -> None:
    indicators = COMPLAINTS.replace("年度指标值:少于5次", "年度指标值:少于3次")
    findings = found(clause_table(indicators), "value-type-mismatch")
    assert [(f.field, f.excerpt) for f in findings] == [
        ("period", "少于5次"),
        ("annual", "少于3次"),
    ]


def test_value_type_mismatch_reports_a_rate_against_a_count_once() -> None:
    [finding] = found(clause_table(DEVICES), "value-type-mismatch")
    assert (finding.field, finding.excerpt) == ("annual", "完成年度任务数量的设备置换，数量为24台")
    assert "实施周期指标值为「100%」" in finding.message


def test_value_type_mismatch_reports_a_count_given_as_a_percentage_or_money() -> None:
    indicators = (
        # Seed 002 line 398, clause 7, and line 603, clause 1.
        "7、2-效益指标；21-经济效益；验收通过数量；实施周期指标值:100%；年度指标值:100%。"
        "8、2-效益指标；21-经济效益；开展培训服务人数；实施周期指标值:不少于0.2万元；年度指标值:不少于0.2万元。"
    )
    findings = found(clause_table(indicators), "value-type-mismatch")
    assert [(f.clause, f.excerpt) for f in findings] == [(7, "100%"), (8, "不少于0.2万元")]
    assert "金额" in findings[1].message


def test_value_type_mismatch_reports_money_on_a_count_ending_in_shu() -> None:
    """Near miss of 预算数: a count named with 数 after another word still is one."""
    indicators = (
        "1、1-产出指标；11-数量指标；算力调度节点数；实施周期指标值:520万元；年度指标值:520万元。"
    )
    assert excerpts(found(clause_table(indicators), "value-type-mismatch")) == ["520万元"]


@pytest.mark.parametrize(
    "name, value",
    [
        ("有效投诉次数", "≤2宗"),
        ("合同签订率", "合同签订率100%"),
        ("机房巡检频率", "1次/月"),
        ("出国人员满意率", "0"),
        ("用户满意度", "年度平均不低于90分"),
        ("新增实训室数量（个）", "30个"),
        ("合同审核参与度指数", "90%"),
        ("项目预算数", "≤520万元"),  # an amount of money, not a count
        ("年度决算数", "≤480万元"),
    ],
)
def test_value_type_mismatch_ignores_values_of_the_right_or_unknown_kind(
    name: str, value: str
) -> None:
    indicators = f"1、1-产出指标；11-数量指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "value-type-mismatch") == []


def test_value_type_mismatch_names_the_category_only_where_the_clause_is_filed() -> None:
    # Seed 002 line 398, clause 7: a count filed under 21-经济效益 is no 数量指标.
    indicators = (
        "7、2-效益指标；21-经济效益；验收通过数量；实施周期指标值:100%；年度指标值:100%。"
        "8、1-产出指标；11-数量指标；验收通过数量；实施周期指标值:95%；年度指标值:95%。"
    )
    first, second = found(clause_table(indicators), "value-type-mismatch")
    assert "「验收通过数量」按名称应为数量，但" in first.message
    assert "数量指标" not in first.message
    assert "「验收通过数量」是数量指标，但" in second.message


SECTOR_EFFECTS = "2-效益指标；22-社会效益"


@pytest.mark.parametrize(
    "name, value",
    [
        # 交通, 公安, 住建: a count targeted by its change from last year
        ("道路交通事故起数", "同比下降5%"),
        ("道路交通事故死亡人数", "较上年下降3%"),
        ("刑事案件发案数", "较上年下降5%"),
        ("八类严重暴力案件发案数", "同比下降10%"),
        ("公交出行人次", "同比增长5%"),
        ("安全事故起数", "比上年减少5%"),
        # 交通, 公安, 应急: a rate per 10,000 vehicles or per 亿元 of GDP
        ("道路交通万车死亡率", "≤1.5人/万车"),
        ("万车死亡率", "≤1.5/万车"),
        ("亿元GDP生产安全事故死亡率", "≤0.02人/亿元GDP"),
        # 卫健: per 10万 with a count unit
        ("孕产妇死亡率", "≤10例/10万"),
        ("结核病发病率", "≤50人/10万人"),
        # 体育: a count per 1,000 people under a count's name is a count
        ("社会体育指导员人数", "≥2.5名/千人"),
    ],
)
def test_value_type_mismatch_accepts_a_change_on_a_count_and_a_rate_per_n(
    name: str, value: str
) -> None:
    indicators = f"1、{SECTOR_EFFECTS}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "value-type-mismatch") == []


@pytest.mark.parametrize(
    "name, value, measured",
    [
        # a share where a count belongs, no change stated
        ("道路交通事故起数", "≤95%", "百分比"),
        ("公交出行人次", "≥5%", "百分比"),
        # a rate counted in people or money, no denominator
        ("万车死亡率", "≤15人", "数量"),
        ("孕产妇死亡率", "≤3万元", "金额"),
        # a share (比例) is a rate as a 率 is
        ("大班额比例", "≤5个", "数量"),
    ],
)
def test_value_type_mismatch_near_misses_keep_firing(name: str, value: str, measured: str) -> None:
    indicators = f"1、{SECTOR_EFFECTS}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    [finding] = found(clause_table(indicators), "value-type-mismatch")
    assert finding.message.endswith(f"是{measured}")


QUALITY = "1-产出指标；12-质量指标"


@pytest.mark.parametrize(
    "name, value",
    [
        # a rate given what was built, dredged or planted
        ("工程验收合格率", "完成清淤河道，长度为18公里"),
        ("工程验收合格率", "≥18公里"),
        ("绿化养护合格率", "≥2000平方米"),
        ("垃圾无害化处理率", "≥500吨"),
        ("河道清淤达标率", "≥3万立方米"),
        ("高标准农田建成率", "≥1.2万亩"),
    ],
)
def test_value_type_mismatch_reports_a_rate_given_a_physical_quantity(
    name: str, value: str
) -> None:
    indicators = f"1、{QUALITY}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    [finding] = found(clause_table(indicators), "value-type-mismatch")
    assert finding.message.endswith("是实物量（长度、面积、重量或体积）")


def test_a_rate_against_a_length_in_the_other_value_is_reported_once() -> None:
    """As with a count (``数量为24台``): the value of the wrong kind is reported,
    quoting the other, and ``annual-period-mismatch`` does not report the pair."""
    indicators = f"1、{QUALITY}；工程验收合格率；实施周期指标值:100%；年度指标值:完成清淤河道，长度为18公里。"
    text = clause_table(indicators)
    [finding] = found(text, "value-type-mismatch")
    assert finding.field == "annual"
    assert found(text, "annual-period-mismatch") == []


@pytest.mark.parametrize(
    "name, value",
    [
        # the physical quantity is the condition of the rate, beside its %
        ("污水处理率", "≥95%（日处理规模≥2万吨）"),
        ("森林覆盖率", "≥60%"),
        # names of physical quantities, not rates
        ("新建道路长度", "≥5公里"),
        ("人均公园绿地面积", "≥15平方米"),
        ("粮食单产", "≥500公斤/亩"),
        # a frequency is not a rate, whatever it ends in
        ("清扫频率", "≥2次/日"),
    ],
)
def test_value_type_mismatch_leaves_physical_quantities_of_their_own(name: str, value: str) -> None:
    indicators = f"1、{QUALITY}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "value-type-mismatch") == []


# --------------------------------------------------------------------------
# percent-out-of-range


def test_percent_out_of_range_reports_a_rate_above_100() -> None:
    indicators = "2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:1000%；年度指标值:100%。"
    text = clause_table(indicators)
    [finding] = found(text, "percent-out-of-range")
    assert (finding.severity, finding.field, finding.excerpt) == ("error", "period", "1000%")
    assert finding.column == column_of(text, "1000%")


def test_percent_out_of_range_reads_the_upper_end_of_a_range() -> None:
    indicators = (
        "1、3-满意度指标；31-服务对象满意度；用户满意度；实施周期指标值:90%-120%；年度指标值:≥90%。"
    )
    assert excerpts(found(clause_table(indicators), "percent-out-of-range")) == ["90%-120%"]


def test_percent_out_of_range_reports_a_floor_above_100() -> None:
    """Near miss of the cap: a floor above 100% cannot be reached."""
    indicators = "1、1-产出指标；12-质量指标；设备完好率；实施周期指标值:≥120%；年度指标值:≥120%。"
    assert found(clause_table(indicators), "percent-out-of-range")


@pytest.mark.parametrize(
    "name",
    [
        "资金占比",
        "完成比例",
        "验收合格率",
        "保值率",
        "空气质量优良比",
        "数据有效传输比",
        "成本占比",
    ],
)
def test_percent_out_of_range_reports_a_share_above_100(name: str) -> None:
    """Near misses of the ratios: a share of a whole (占比, 比例, 优良比: good days
    of all days) cannot pass 100%."""
    indicators = f"1、2-效益指标；21-经济效益；{name}；实施周期指标值:≥103%；年度指标值:≥103%。"
    assert excerpts(found(clause_table(indicators), "percent-out-of-range")) == ["≥103%"]


def test_percent_out_of_range_reports_a_negative_rate() -> None:
    indicators = "1、1-产出指标；12-质量指标；设备完好率；实施周期指标值:-5%；年度指标值:95%。"
    [finding] = found(clause_table(indicators), "percent-out-of-range")
    assert (finding.field, finding.excerpt) == ("period", "-5%")
    assert "小于0" in finding.message


@pytest.mark.parametrize(
    "name, value",
    [
        ("营业收入增长率", "120%"),
        ("培训人数", "比上年增长150%"),
        ("验收合格率", "100.00%"),
        ("政府债务率", "≤120%"),  # a cap above 100% asks nothing impossible
        ("资产负债率", "不超过110%"),
        # a ratio of two amounts, no share of a whole
        ("国有资本保值增值率", "≥103%"),  # the year's end over its start
        ("结收案比", "≥105%"),  # cases closed over cases received
        ("投入产出比", "≥150%"),
        ("投资收益比", "≥110%"),
        ("营业收入利润比", "≥108%"),
    ],
)
def test_percent_out_of_range_allows_growth_and_100(name: str, value: str) -> None:
    indicators = f"1、2-效益指标；21-经济效益；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "percent-out-of-range") == []


@pytest.mark.parametrize(
    "category, name, value, meant",
    [
        ("1-产出指标；12-质量指标", "验收合格率", "≥0.95%", "95"),
        ("1-产出指标；11-数量指标", "年度工作任务完成率", "≥1%", "100"),
        ("2-效益指标；22-社会效益", "政策知晓率", "不低于0.9%", "90"),
        ("1-产出指标；12-质量指标", "项目资金执行率", "0.91%以上", "91"),
        ("3-满意度指标；31-服务对象满意度", "服务对象满意度", "≥0.9%", "90"),
        # a sample's pass rate and a coverage of people come near 100 % as others do
        ("1-产出指标；12-质量指标", "食品安全抽检合格率", "≥0.96%", "96"),
        ("2-效益指标；22-社会效益", "城乡居民医保参保覆盖率", "≥0.95%", "95"),
    ],
)
def test_percent_out_of_range_reports_a_high_rate_written_as_a_fraction(
    category: str, name: str, value: str, meant: str
) -> None:
    """A floor of at most 1% on a rate that should come near 100% is 95% or
    100% written as a fraction: one finding, a level below an impossible
    percentage, and no other rule judges the value again."""
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    findings = [f for f in lint(clause_table(indicators)) if f.field in ("period", "annual")]
    [finding] = findings
    assert (finding.rule, finding.severity, finding.excerpt) == (
        "percent-out-of-range",
        "warning",
        value,
    )
    assert f"疑似把{meant}%写成了" in finding.message


@pytest.mark.parametrize(
    "category, name, value, meant",
    [
        ("1-产出指标；12-质量指标", "验收合格率", "≥0.95", "95"),
        ("3-满意度指标；31-服务对象满意度", "服务对象满意度", "≥0.9", "90"),
        ("1-产出指标；12-质量指标", "项目资金执行率", "0.91以上", "91"),
        ("2-效益指标；22-社会效益", "政策知晓率", "不低于0.85", "85"),
        # 1 is all of it: read as 1 % it would be the same slip, a floor of 1 %
        ("1-产出指标；12-质量指标", "验收合格率", "≥1", "100"),
        ("3-满意度指标；31-服务对象满意度", "服务对象满意度", "≥1", "100"),
    ],
)
def test_a_high_rate_written_as_a_share_of_one_is_one_finding(
    category: str, name: str, value: str, meant: str
) -> None:
    """A floor above 0 and at most 1 with no % on a rate that should come
    near 100 % is that rate written as a fraction (1: all of it):
    percent-out-of-range says so, once; missing-unit does not also ask for
    the %, nor satisfaction-target read 0.9 as 0.9 % or 1 as 1 %."""
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    findings = [f for f in lint(clause_table(indicators)) if f.field in ("period", "annual")]
    [finding] = findings
    assert (finding.rule, finding.severity, finding.excerpt) == (
        "percent-out-of-range",
        "warning",
        value,
    )
    assert f"没有%，{value.strip('≥不低于以上')}是写成小数的比率" in finding.message
    assert f"疑似把{meant}%写成了" in finding.message


@pytest.mark.parametrize(
    "category, name, value, rule",
    [
        # a whole number without %: only the % is missing
        ("1-产出指标；12-质量指标", "验收合格率", "≥95", "missing-unit"),
        ("3-满意度指标；31-服务对象满意度", "服务对象满意度", "≥90", "missing-unit"),
        # above 1, a cap, a rate that may well be small: only the % is missing
        ("1-产出指标；12-质量指标", "验收合格率", "≥1.5", "missing-unit"),
        ("1-产出指标；12-质量指标", "验收合格率", "≤1", "missing-unit"),
        ("2-效益指标；22-社会效益", "设备利用率", "≥1", "missing-unit"),
        # an amount, a share written as a fraction on purpose, a rate that may be small
        ("1-产出指标；14-成本指标", "设备维修成本", "≥0.95万元", None),
        ("1-产出指标；11-数量指标", "任务完成率", "≥2/3", None),
        ("2-效益指标；22-社会效益", "不合格率", "≤0.05", "missing-unit"),
    ],
)
def test_a_number_that_is_no_share_of_one_is_not_read_as_one(
    category: str, name: str, value: str, rule: str | None
) -> None:
    indicators = f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    findings = [f for f in lint(clause_table(indicators)) if f.field in ("period", "annual")]
    assert "percent-out-of-range" not in {f.rule for f in findings}
    assert [f.rule for f in findings if f.rule == "missing-unit"] == ([rule] if rule else [])


def test_missing_unit_on_a_rate_below_one_names_the_percentage_it_may_be() -> None:
    """On a rate that may stay small (设备利用率 ≥0.8), a number below 1 with
    no % is 80 % as a fraction of one or 0.8 % with its % lost: missing-unit
    asks for the %, and names the percentage the fraction would be."""
    indicators = "1、2-效益指标；22-社会效益；设备利用率；实施周期指标值:≥0.8；年度指标值:≥0.8。"
    [finding] = found(clause_table(indicators), "missing-unit")
    assert finding.message.endswith("没有%：若是写成小数的比率，应写作80%")
    indicators = "1、2-效益指标；22-社会效益；设备利用率；实施周期指标值:≥80；年度指标值:≥80。"
    [finding] = found(clause_table(indicators), "missing-unit")
    assert finding.message.endswith("中的「≥80」没有%")


def test_the_fraction_named_is_the_floor_not_a_cap_before_it() -> None:
    """The message names the floor the facts judged (``≥0.95%``), not a cap
    below 1 % written before it (``≤0.5%``, a ceiling the rate keeps)."""
    value = "不合格率≤0.5%，合格率≥0.95%"
    indicators = (
        f"1、1-产出指标；12-质量指标；验收合格率；实施周期指标值:{value}；年度指标值:{value}。"
    )
    [finding] = found(clause_table(indicators), "percent-out-of-range")
    assert "下限只有0.95%" in finding.message
    assert "疑似把95%写成了0.95%" in finding.message


@pytest.mark.parametrize(
    "name, value",
    [
        ("安全事故发生率", "≤0.5%"),  # a ceiling rate, held down
        ("数据差错率", "<1%"),
        ("传染病发病率", "≤0.3%"),
        ("营业收入增长率", "≥0.5%"),  # a growth may be small
        ("城镇登记失业率", "≤3.5%"),
        ("产品不合格率", "≤1%"),  # ends in 合格率, but its failures
        ("设备利用率", "≥1%"),  # a rate that may well be small
        ("财政科技支出占比", "≥1%"),
        ("验收合格率", "≥95%"),
        ("验收合格率", "≥1.5%"),  # above the bound: no fraction of 100
        # the share of a sample drawn for checking, set at 1 % or less by rule
        ("监督抽检覆盖率", "不低于1%"),
        ("复核抽查覆盖率", "≥1%"),
        ("抽样覆盖率", "≥0.3%"),
        # a rise over a reference year, written as a floor
        ("验收合格率", "≥1%（较上年）"),
        ("参保覆盖率", "≥0.5%（比上年提高）"),
    ],
)
def test_percent_out_of_range_leaves_small_rates_that_may_be_small(name: str, value: str) -> None:
    indicators = f"1、2-效益指标；22-社会效益；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    assert found(clause_table(indicators), "percent-out-of-range") == []


# --------------------------------------------------------------------------
# The seeds


def by_rule(findings: list[Finding]) -> Counter[str]:
    return Counter(f.rule for f in findings)


@pytest.fixture(scope="module")
def seed_002_content(seed_002: Document) -> list[Finding]:
    return lint(seed_002, select=CONTENT_RULES)


def test_seed_002_real_content_defects_are_found(seed_002_content: list[Finding]) -> None:
    found_ = {(f.rule, f.project, f.field, f.excerpt) for f in seed_002_content}
    expected = {
        ("placeholder", "局本级公务用车购置经费", "period", "年度计划数"),
        ("placeholder", "广州市干部健康管理中心专项工作经费", "period", "年度计划数"),
        (
            "value-restates-name",
            "广州市职业技术教育研究院(世界技能大赛中国(广州)研究中心)"
            "2022年-2024年信息化设备与系统运行维护项目",
            "period",
            "响应及时率",
        ),
        ("value-restates-name", "仲裁院购置经费", "annual", "物资验收合格率"),
        (
            "not-quantified",
            "市交通技师学院入驻科教城购置项目",
            "period",
            "设备使用率=实际使用设备数量/总设备数量*100%",
        ),
        (
            "value-type-mismatch",
            "广州市人事服务中心2023-2024年政务信息化运维项目建设方案",
            "period",
            "少于5次",
        ),
    }
    assert expected <= found_
    swapped = [f for f in seed_002_content if f.excerpt == "物资验收合格率"]
    assert [f.line for f in swapped] == [616]
    assert "≥98%" in swapped[0].message


def test_seed_002_has_no_empty_value_or_percent_out_of_range(
    seed_002_content: list[Finding],
) -> None:
    assert not [f for f in seed_002_content if f.rule in ("empty-value", "percent-out-of-range")]


def test_seed_001_real_content_defects_are_found(seed_001: Document) -> None:
    findings = lint(seed_001, select=CONTENT_RULES)
    assert by_rule(findings) == {
        "value-restates-name": 18,
        "not-quantified": 3,
        "value-type-mismatch": 1,
    }
    [restated] = [f for f in findings if f.line == 12 and f.clause == 1]
    assert (restated.rule, restated.excerpt) == ("value-restates-name", "一次性创业资助人数")
    [mismatch] = [f for f in findings if f.rule == "value-type-mismatch"]
    assert (mismatch.line, mismatch.project) == (28, "购置经费")
    assert mismatch.excerpt == "完成年度任务数量的设备置换，数量为24台"


def test_seed_004_has_no_content_findings(seed_004: Document) -> None:
    assert lint(seed_004, select=CONTENT_RULES) == []


# --------------------------------------------------------------------------
# value-type-mismatch: a count a spreadsheet turned into a date


@pytest.mark.parametrize(
    ("value", "unit", "typed"),
    [
        ("≥2026-01-03次", "次", "1-3"),
        ("2026-03-04家", "家", "3-4"),
        ("2025-10-12万元", "万元", "10-12"),
    ],
)
def test_a_date_followed_by_a_unit_is_a_count_turned_into_a_date(
    value: str, unit: str, typed: str
) -> None:
    # the national list's 指标值 cell typed 1-3 (次 in the unit column) reads as a date cell
    indicators = f"1、1-产出指标；11-数量指标；每家企业检查次数；实施周期指标值:{value}；年度指标值:{value}。"
    [finding] = found(clause_table(indicators), "value-type-mismatch")
    assert f"是日期后接单位「{unit}」：疑为输入「{typed}」时被电子表格转成了日期" in finding.message
    assert finding.field == "period"


@pytest.mark.parametrize(
    "value",
    ["2025-12-31前", "≥2025-11-30", "2025-12-31前完成100%", "2025年12月底前", "2025-12-31 完成"],
)
def test_a_date_of_a_deadline_is_no_count_turned_into_a_date(value: str) -> None:
    indicators = (
        f"1、1-产出指标；13-时效指标；完成时间；实施周期指标值:{value}；年度指标值:{value}。"
    )
    assert found(clause_table(indicators), "value-type-mismatch") == []
