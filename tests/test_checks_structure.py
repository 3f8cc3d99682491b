"""Structure rules: parse-error, clause-numbering, missing-field,
repeated-field, nonstandard-punctuation, markup-residue, garbled-text.

Fixtures are real clauses of the seeds (002 unless said otherwise), copied
here verbatim or cut down; the seed-level tests pin the findings on 002.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.facts import find_garbled
from audit.model import Document
from audit.parsing import parse_clause_text
from tests.conftest import SEED_001, SEED_004, config_with, lint, lint_rule, project_row, tsv_table
from tests.excerpts import CLEAN, COMMAS, LEGACY, NO_SEPARATOR, OUTLINE, REPEATED, SEMICOLONS
from tests.national import FORM, tsv_document

FIRST_ROW = 9
"""Line of the first project row in a :func:`tsv_table` without total or unit rows."""

STRUCTURE_RULES = (
    "parse-error",
    "clause-numbering",
    "missing-field",
    "repeated-field",
    "nonstandard-punctuation",
    "markup-residue",
    "garbled-text",
)

# 002 line 224: the project's goal.
GOAL_224 = (
    "通过开展本项目，确保财政资金及时到位，有效保证项目补贴的及时、足额发放，"
    "体现党和政府对参加革命工作的退休老工人干部的关怀。"
)


def one_project(indicators: str, name: str = "测试项目", goal: str = GOAL_224) -> str:
    return tsv_table([project_row(name, indicators, goal=goal)])


def indicators_column(name: str = "测试项目", goal: str = GOAL_224) -> int:
    """1-based column of the indicator cell of a :func:`one_project` row."""
    row = project_row(name, "", goal=goal)
    return len("\t".join(row[:6])) + 2


# --------------------------------------------------------------------------
# parse-error


def test_parse_error_reports_an_outline_cell_once_with_a_specific_message() -> None:
    (finding,) = lint_rule(one_project(OUTLINE), "parse-error")
    assert finding.severity == "error"
    assert "未按编号条款填写" in finding.message
    assert finding.excerpt == OUTLINE[:30]
    assert (finding.line, finding.column) == (FIRST_ROW, indicators_column())
    assert finding.field == "indicators"


def test_parse_error_outline_message_in_english() -> None:
    config = load_config(None, discover=False)
    config.lang = "en"
    (finding,) = lint_rule(one_project(OUTLINE), "parse-error", config)
    assert "not written as numbered clauses like 1、1-产出指标；11-数量指标；" in finding.message


def test_parse_error_names_the_clause_form_and_what_was_expected() -> None:
    first, second, third = (c.text for c in parse_clause_text(CLEAN))  # type: ignore[union-attr]
    stretch = "2、这一条没有任何结构，只是一段说明文字。"
    cell = first + stretch + second.replace("2、", "3、", 1) + third.replace("3、", "4、", 1)
    (finding,) = lint_rule(one_project(cell), "parse-error")
    assert finding.clause == 2
    assert finding.excerpt == "2、这一条没有任何结构，只是一段说明文字"
    assert (
        "应为「序号、一级指标；二级指标；指标名称；实施周期指标值：…；年度指标值：…」"
        in finding.message
    )
    assert "此处应为年度指标值或实施周期指标值，实为条款结束" in finding.message
    assert finding.column == indicators_column() + cell.index("2、这一条")
    # The stretch numbered 2 is clause 2 for the numbering: nothing skips.
    assert lint_rule(one_project(cell), "clause-numbering") == []


def test_parse_error_shows_what_stood_where_reading_failed() -> None:
    cell = CLEAN.replace("2、1-产出指标；11-数量指标", "2、1-11-数量指标", 1)
    (finding,) = lint_rule(one_project(cell), "parse-error")
    assert finding.clause == 2
    assert "此处应为类别名称（如 产出指标），实为「11-」" in finding.message
    assert finding.excerpt.startswith("2、1-11-数量指标；发放安家补助留学人员数")


def test_parse_error_reports_text_before_the_first_clause() -> None:
    (finding,) = lint_rule(one_project("说明：" + CLEAN), "parse-error")
    assert finding.clause is None
    assert finding.excerpt == "说明："
    assert finding.message.startswith("「说明：」不是指标条款：应为「序号、一级指标；")


def test_a_clause_without_categories_is_missing_fields_not_a_parse_error() -> None:
    cell = CLEAN.replace("2、1-产出指标；11-数量指标；", "2、", 1)
    assert lint_rule(one_project(cell), "parse-error") == []
    assert lint_rule(one_project(cell), "repeated-field") == []
    (finding,) = lint_rule(one_project(cell), "missing-field")
    assert finding.clause == 2
    assert "缺少一级指标和二级指标" in finding.message


def test_parse_error_is_silent_on_clean_clauses() -> None:
    assert lint_rule(one_project(CLEAN), "parse-error") == []
    assert lint_rule(one_project(LEGACY), "parse-error") == []


# --------------------------------------------------------------------------
# clause-numbering


def test_clause_numbering_reports_a_gap_at_the_number() -> None:
    (finding,) = lint_rule(one_project(REPEATED), "clause-numbering")
    assert finding.severity == "warning"
    assert finding.excerpt == "5、"
    assert finding.clause == 5
    assert "应为3，实为5" in finding.message
    assert finding.column == indicators_column() + REPEATED.index("5、")


def _numbered(*numbers: int) -> str:
    return "".join(
        f"{n}、1-产出指标；11-数量指标；发放人数{i}；实施周期指标值:≥{i}人；年度指标值:≥{i}人。"
        for i, n in enumerate(numbers)
    )


def test_clause_numbering_reports_a_repeat_once_and_resumes_by_position() -> None:
    (finding,) = lint_rule(one_project(_numbered(1, 1, 3)), "clause-numbering")
    assert "1已用过，应为2" in finding.message


def test_clause_numbering_reports_disorder() -> None:
    findings = lint_rule(one_project(_numbered(1, 3, 2)), "clause-numbering")
    assert [f.excerpt for f in findings] == ["3、", "2、"]
    assert "顺序颠倒" in findings[1].message


def test_clause_numbering_reports_a_start_other_than_one() -> None:
    (finding,) = lint_rule(one_project(_numbered(2, 3, 4)), "clause-numbering")
    assert "应从1开始，实为2" in finding.message


# 卫生监督执法专项经费: its third clause lost its 3、 in editing.
LOST_NUMBER = (
    "1、1-产出指标；11-数量指标；监督检查户次；实施周期指标值:≥2400户次；年度指标值:≥2400户次。"
    "2、1-产出指标；12-质量指标；案件查处结案率；实施周期指标值:≥95%；年度指标值:≥95%。"
    "2-效益指标；22-社会效益；被监督单位卫生许可持证率；实施周期指标值:≥98%；年度指标值:≥98%。"
    "4、3-满意度指标；31-服务对象满意度；被监督单位满意度；实施周期指标值:≥85%；年度指标值:≥85%。"
)


def test_clause_numbering_reports_a_lost_number_once_at_its_categories() -> None:
    (finding,) = lint_rule(one_project(LOST_NUMBER), "clause-numbering")
    assert finding.message == "指标缺少序号：以「2-效益指标」开头的一条应为第3条"
    assert finding.clause is None and finding.excerpt == "2-效益指标"
    assert finding.column == indicators_column() + LOST_NUMBER.index("2-效益指标")
    english = load_config(None, discover=False)
    english.lang = "en"
    (finding,) = lint_rule(one_project(LOST_NUMBER), "clause-numbering", english)
    assert finding.message == ("a clause has no number: the one beginning “2-效益指标” should be 3")


@pytest.mark.parametrize(
    "written",
    [
        "a、",
        "B.",
        "iii.",
        "第二条",
        "第3项",
        "第3点",
        "(二)",
        "Ⅲ.",
        "ⅲ、",
        "叁、",
        "#3",
        "3-",
        "c)",
        "3，",
        "3,",
    ],
)
def test_a_number_of_no_clause_style_is_reported_and_its_clause_read_apart(written: str) -> None:
    """A clause whose number was typed over (``a、``, ``第二条``, ``Ⅲ.``, or
    written with a comma, ``3，``) is read
    as a clause of its own, its values its own: one finding, on that number,
    and nothing said of the clause before it (repeated-field, missing-unit)."""
    typed = LOST_NUMBER.replace("。2-效益指标", f"。{written}2-效益指标")
    (finding,) = lint(one_project(typed))
    assert finding.rule == "clause-numbering"
    assert finding.message == f"指标序号「{written}」不是序号的写法：应为第3条"
    assert finding.column == indicators_column() + typed.index(written)
    clauses = parse_clause_text(typed)
    assert [c.number for c in clauses] == [1, 2, None, 4]
    assert [c.annual.text for c in clauses] == ["≥2400户次", "≥95%", "≥98%", "≥85%"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "value",
    [
        "A、B两类共12场",
        "≥12场，第2条线路1-2月开通",
        "≥12场（a类3-5人）",
        "Ⅱ级以上≥3个",
        "≥12场，3，2-3人一组",
    ],
)
def test_letters_and_numerals_inside_a_value_begin_no_clause(value: str) -> None:
    """Near miss: a letter, a roman numeral or 第2条 inside a value, not before
    a level-1 code and a level-2 one, is the value's."""
    cell = LOST_NUMBER.replace("。2-效益指标", "。3、2-效益指标").replace(
        "≥2400户次。", value + "。", 2
    )
    clauses = parse_clause_text(cell)
    assert [c.number for c in clauses] == [1, 2, 3, 4]
    assert clauses[0].annual is not None and clauses[0].annual.text == value  # type: ignore[union-attr]


def test_a_lost_number_is_one_finding_of_the_whole_profile() -> None:
    """Nothing else is said about the clause that lost its number: its codes are
    no targets of the value before it (missing-unit), its 效益指标 counts
    (missing-category), and its values are its own (repeated-field)."""
    numbered = LOST_NUMBER.replace("。2-效益指标", "。3、2-效益指标")
    assert lint(one_project(numbered)) == []
    (finding,) = lint(one_project(LOST_NUMBER))
    assert finding.rule == "clause-numbering"


def test_clause_numbering_counts_a_lost_number_as_the_one_expected() -> None:
    # 1, [lost], 3: the clause without number stood for 2, and 3 follows it.
    (lost,) = lint_rule(
        one_project(_numbered(1, 2, 3).replace("。2、", "。", 1)), "clause-numbering"
    )
    assert "应为第2条" in lost.message
    # 1, [lost], [lost], 4: each is reported, as 2 and 3.
    cell = _numbered(1, 2, 3, 4).replace("。2、", "。", 1).replace("。3、", "；", 1)
    assert [f.message[-5:] for f in lint_rule(one_project(cell), "clause-numbering")] == [
        "应为第2条",
        "应为第3条",
    ]


def test_clause_numbering_accepts_one_to_n() -> None:
    assert lint_rule(one_project(_numbered(1, 2, 3, 4)), "clause-numbering") == []
    assert lint_rule(one_project(CLEAN), "clause-numbering") == []


# --------------------------------------------------------------------------
# missing-field


def test_missing_field_reports_a_clause_without_annual_value() -> None:
    cell = "1、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%。"
    (finding,) = lint_rule(one_project(cell), "missing-field")
    assert finding.severity == "error"
    assert finding.field == "annual"
    assert "缺少年度指标值" in finding.message
    assert finding.excerpt == cell


def test_missing_field_reports_each_missing_part() -> None:
    cell = "1、1-产出指标；13-时效指标；年度指标值:≥95%。"
    findings = lint_rule(one_project(cell), "missing-field")
    assert sorted(f.field for f in findings) == ["indicator", "period"]


def test_missing_field_leaves_an_empty_value_to_empty_value() -> None:
    cell = "1、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:；年度指标值:≥95%。"
    assert lint_rule(one_project(cell), "missing-field") == []


def test_missing_field_accepts_legacy_clauses_without_period_value() -> None:
    assert lint_rule(one_project(LEGACY), "missing-field") == []


def test_missing_field_legacy_period_can_be_required(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  missing-field:\n    legacy_needs_period: true\n")
    findings = lint_rule(one_project(LEGACY), "missing-field", config)
    assert [f.field for f in findings] == ["period", "period"]


def test_missing_field_reports_a_coded_clause_without_level2_category() -> None:
    cell = "1、1-产出指标；补贴发放人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    (finding,) = lint_rule(one_project(cell), "missing-field")
    assert finding.excerpt == "1-产出指标"
    assert "缺少二级指标" in finding.message
    assert finding.column == indicators_column() + len("1、")
    assert finding.end_column == finding.column + len("1-产出指标")


@pytest.mark.parametrize(
    ("level2", "parent"), [("11-数量指标", "产出指标"), ("31-服务对象满意度", "满意度指标")]
)
def test_missing_field_reports_a_level2_category_written_without_its_level1(
    level2: str, parent: str
) -> None:
    """``1、11-数量指标；…``: the level-1 category was left out. One finding, on
    the level-2 category, saying which level is missing; the taxonomy rules
    say nothing (the code is a known level-2 one, counted under its parent)."""
    cell = f"1、{level2}；补贴发放人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    (clause,) = parse_clause_text(cell)
    assert clause.level1 is None and str(clause.level2) == level2  # type: ignore[union-attr]
    findings = lint(one_project(cell))
    (finding,) = [f for f in findings if f.rule == "missing-field"]
    assert finding.message == "第1条指标缺少一级指标"
    assert finding.excerpt == level2
    assert finding.column == indicators_column() + len("1、")
    assert not {"unknown-category", "category-mismatch"} & {f.rule for f in findings}
    assert not any(parent in f.message for f in findings if f.rule == "missing-category")


@pytest.mark.parametrize("level2", ["数量指标", "社会效益指标", "服务对象满意度"])
def test_missing_field_reports_an_uncoded_level2_category_written_without_its_level1(
    level2: str,
) -> None:
    """``1、数量指标；培训人数；实施周期指标值:…``: the level-2 category without
    its code, in a clause with both values, is missing its level-1 one as
    ``1、11-数量指标；…`` is (the parser infers 产出指标 from it)."""
    cell = f"1、{level2}；补贴发放人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    findings = lint(one_project(cell))
    (finding,) = [f for f in findings if f.rule == "missing-field"]
    assert finding.message == "第1条指标缺少一级指标"
    assert finding.excerpt == level2
    assert finding.column == indicators_column() + len("1、")


@pytest.mark.parametrize(
    "cell",
    [
        # the older form: one category, no period value
        "1、数量指标：补贴发放人数，年度指标值： ≥300人。",
        "1、满意度指标：服务对象的满意度，年度指标值： ≥90%。",
        # both categories written without codes
        "1、产出指标；数量指标；补贴发放人数；实施周期指标值:≥300人；年度指标值:≥300人。",
        # a level-1 category alone
        "1、满意度指标；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。",
        # the level-1 category written once, as a heading over its clauses
        "产出指标：1、数量指标；补贴发放人数；实施周期指标值:≥300人；年度指标值:≥300人。"
        "2、质量指标；补贴发放准确率；实施周期指标值:100%；年度指标值:100%。",
        "（一）产出指标：1.数量指标：补贴发放人数，实施周期指标值：≥300人，年度指标值：≥300人；"
        "2.时效指标：补贴发放及时率，实施周期指标值：≥95%，年度指标值：≥95%。",
    ],
)
def test_missing_field_leaves_an_uncoded_clause_with_its_level1(cell: str) -> None:
    assert lint_rule(one_project(cell), "missing-field") == []


def test_missing_field_reports_an_uncoded_level2_under_a_heading_of_no_category() -> None:
    """A heading that names no level-1 category (绩效指标：) writes none."""
    cell = "绩效指标：1、数量指标；补贴发放人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    findings = lint_rule(one_project(cell), "missing-field")
    assert [(f.message, f.excerpt) for f in findings] == [("第1条指标缺少一级指标", "数量指标")]


def test_a_level1_name_alone_stays_level1_whatever_its_code() -> None:
    """Near miss: a level-1 name with a code of two digits (01-产出指标) is the
    level-1 category of a clause without a level-2 one."""
    (clause,) = parse_clause_text("1、01-产出指标；补贴发放人数；年度指标值:≥300人。")
    assert str(clause.level1) == "01-产出指标" and clause.level2 is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("written", "keyword"),
    [
        ("年度指标:", "年度指标值"),
        ("年度目标值：", "年度指标值"),
        ("年度值:", "年度指标值"),
        ("实施期指标值:", "实施周期指标值"),
        ("实施周期指标：", "实施周期指标值"),
    ],
)
def test_missing_field_points_at_a_mistyped_keyword(written: str, keyword: str) -> None:
    """A keyword mistyped runs into the text before it; the finding says which
    keyword is missing and points at what was typed in its place."""
    right = "实施周期指标值:" if keyword == "实施周期指标值" else "年度指标值:"
    cell = "1、1-产出指标；13-时效指标；补贴发放及时率；实施周期指标值:≥95%；年度指标值:≥95%。"
    cell = cell.replace(right, written)
    (finding,) = lint_rule(one_project(cell), "missing-field")
    assert finding.message == f"第1条指标缺少{keyword}：「{written}」应写作「{keyword}：」"
    assert finding.excerpt == written
    assert finding.column == indicators_column() + cell.index(written)
    assert finding.end_column == finding.column + len(written)


def test_missing_field_without_a_mistyped_keyword_names_the_clause() -> None:
    """Near miss: 年度目标 in the indicator's name, with no colon after it, is no
    keyword; the finding is on the whole clause."""
    cell = "1、1-产出指标；13-时效指标；年度目标完成率；实施周期指标值:≥95%。"
    (finding,) = lint_rule(one_project(cell), "missing-field")
    assert finding.message == "第1条指标缺少年度指标值"
    assert finding.excerpt == cell


def test_missing_field_is_silent_on_complete_clauses() -> None:
    assert lint_rule(one_project(CLEAN), "missing-field") == []


# --------------------------------------------------------------------------
# repeated-field


def test_repeated_field_reports_each_repeat_at_the_keyword() -> None:
    findings = lint_rule(one_project(REPEATED), "repeated-field")
    assert [f.excerpt for f in findings] == ["年度指标值", "年度指标值"]
    assert all(f.severity == "error" and f.clause == 2 for f in findings)
    at = [i for i in range(len(REPEATED)) if REPEATED.startswith("年度指标值", i)]
    first, second = at[2], at[3]  # at[0] is clause 1's, at[1] clause 2's first
    assert [f.column for f in findings] == [
        indicators_column() + first,
        indicators_column() + second,
    ]
    assert "第2次" in findings[0].message and "第3次" in findings[1].message
    assert all("相同" in f.message for f in findings)


def test_repeated_field_says_when_the_values_differ() -> None:
    cell = "1、1-产出指标；11-数量指标；招募人数；实施周期指标值:50人；年度指标值:50人；年度指标值:30人。"
    (finding,) = lint_rule(one_project(cell), "repeated-field")
    assert "值与第1次不同：「30人」对「50人」" in finding.message


def test_repeated_field_is_silent_on_clean_clauses() -> None:
    assert lint_rule(one_project(CLEAN), "repeated-field") == []


# --------------------------------------------------------------------------
# nonstandard-punctuation


def test_nonstandard_punctuation_reports_a_cells_same_slip_once_listing_separators() -> None:
    """Seed 002's cell separated by ``,`` and ``;`` in all four clauses: one
    finding at the first, naming the clauses, not four."""
    (finding,) = lint_rule(one_project(COMMAS), "nonstandard-punctuation")
    assert finding.clause == 1 and finding.severity == "info"
    assert finding.message == "第1—4条指标标点不规范：用「,」「;」作分隔符，应为「；」"
    assert finding.excerpt == ","
    assert finding.column == indicators_column() + COMMAS.index(",")
    english = load_config(None, discover=False)
    english.lang = "en"
    (finding,) = lint_rule(one_project(COMMAS), "nonstandard-punctuation", english)
    assert finding.message == (
        "indicators 1–4 are not punctuated as standard: separated by “,” “;” instead of “；”"
    )


def test_nonstandard_punctuation_tells_different_slips_apart() -> None:
    """Near miss: clauses of one cell with different slips are a finding
    each; a clean clause between two with the same slip leaves them one."""
    cell = (
        "1、1-产出指标;11-数量指标;培训人数;实施周期指标值:≥100人;年度指标值:≥100人。"
        "2、1-产出指标；12-质量指标；培训合格率；实施周期指标值:≥90%；年度指标值:≥90%。"
        "3、2-效益指标;22-社会效益;就业率;实施周期指标值:≥60%;年度指标值:≥60%。"
        "4、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值 ≥90%；年度指标值:≥90%。"
    )
    findings = lint_rule(one_project(cell), "nonstandard-punctuation")
    assert [(f.clause, f.message) for f in findings] == [
        (1, "第1、3条指标标点不规范：用「;」作分隔符，应为「；」"),
        (4, "第4条指标标点不规范：实施周期指标值后缺少冒号"),
    ]


def test_nonstandard_punctuation_reports_a_missing_separator() -> None:
    (finding,) = lint_rule(one_project(NO_SEPARATOR), "nonstandard-punctuation")
    assert "年度指标值前缺少分隔符「；」" in finding.message
    assert finding.excerpt == "。"
    assert finding.column == indicators_column() + NO_SEPARATOR.index("。年度指标值")


def test_nonstandard_punctuation_reports_a_missing_colon() -> None:
    cell = "1、1-产出指标；11-数量指标；发放人数；实施周期指标值 100人；年度指标值:100人。"
    (finding,) = lint_rule(one_project(cell), "nonstandard-punctuation")
    assert "实施周期指标值后缺少冒号" in finding.message


def test_nonstandard_punctuation_reports_semicolons() -> None:
    (finding,) = lint_rule(one_project(SEMICOLONS), "nonstandard-punctuation")
    assert finding.message == "第1、2条指标标点不规范：用「;」作分隔符，应为「；」"


def test_nonstandard_punctuation_names_an_outline_s_clauses_by_their_place() -> None:
    """An outline numbers its items from 1 under each heading: the numbers
    name no clause, so the message counts the cell's clauses by place
    (第1—4条), not by the numbers written (第1、2、1、4条)."""
    cell = (
        "一、产出指标 1.数量指标：完成培训300人次；2.质量指标：培训合格率达90%以上。"
        "二、效益指标 1.社会效益：带动就业200人。三、满意度指标：学员满意度≥90%"
    )
    (finding,) = lint_rule(one_project(cell), "nonstandard-punctuation")
    assert finding.message.startswith("第1—4条指标标点不规范")


def test_nonstandard_punctuation_keeps_the_numbers_of_a_cell_numbered_once() -> None:
    """Near miss: numbers used once each name their clauses, gaps included."""
    cell = (
        "1、1-产出指标;11-数量指标;培训人数;实施周期指标值:≥100人;年度指标值:≥100人。"
        "3、2-效益指标;22-社会效益;就业率;实施周期指标值:≥60%;年度指标值:≥60%。"
    )
    (finding,) = lint_rule(one_project(cell), "nonstandard-punctuation")
    assert finding.message.startswith("第1、3条指标标点不规范")


def test_nonstandard_punctuation_accepts_standard_and_legacy_clauses() -> None:
    assert lint_rule(one_project(CLEAN), "nonstandard-punctuation") == []
    assert lint_rule(one_project(LEGACY), "nonstandard-punctuation") == []


# --------------------------------------------------------------------------
# markup-residue

# 001 line 13, cut down.
GOAL_001 = (
    "落实《广州市随军家属就业安置规定》相关规定，为我市符合条件的自谋职业随军家属发放基本生活补贴。"
)
CELL_001 = "1、1-产出指标；11-数量指标；发放补贴人数；实施周期指标值：≥5人；年度指标值：≥5人。"


def test_markup_residue_reports_once_per_row_listing_tags_and_cells() -> None:
    row = [
        "自谋职业随军家属专项补贴",
        "3.60",
        "3.60",
        "",
        "",
        f"<p>{GOAL_001}</p>",
        f"<p>{CELL_001}</p>",
    ]
    (finding,) = lint_rule(tsv_table([row]), "markup-residue")
    assert finding.severity == "warning"
    assert finding.project == "自谋职业随军家属专项补贴"
    assert finding.message == "绩效目标、绩效指标含网页标记残留：<p>×2 </p>×2"
    assert finding.excerpt == "<p>"
    assert (finding.line, finding.column) == (FIRST_ROW, len("\t".join(row[:5])) + 2)


def test_markup_residue_names_a_single_cell_as_the_field() -> None:
    row = ["自谋职业随军家属专项补贴", "3.60", "3.60", "", "", GOAL_001, f"{CELL_001}&nbsp;"]
    (finding,) = lint_rule(tsv_table([row]), "markup-residue")
    assert finding.field == "indicators"
    assert finding.message == "绩效指标含网页标记残留：&nbsp;"


def test_markup_residue_reports_a_unit_row() -> None:
    text = tsv_table(
        [project_row("测试项目", CLEAN)],
        unit=["<p>广州市测试中心</p>", "10.00", "10.00", "", "", "", ""],
    )
    (finding,) = lint_rule(text, "markup-residue")
    assert finding.project is None
    assert finding.unit == "广州市测试中心"
    assert "单位行" in finding.message


def test_markup_residue_is_silent_without_markup() -> None:
    assert lint_rule(one_project(CLEAN), "markup-residue") == []


# --------------------------------------------------------------------------
# garbled-text

SIGNATURES = ["锟斤拷", "烫烫烫", "屯屯屯"]
LOST_BYTES = "每学期开学后30日内".encode().decode("gbk", "replace").replace("\ufffd", "")
CLAUSE = "1、1-产出指标；11-数量指标；发放补贴人数；实施周期指标值:≥300人次；年度指标值:≥300人次。"


@pytest.mark.parametrize(
    ("garbled", "kind", "meant"),
    [
        (CLAUSE.encode("utf-8").decode("latin-1"), "utf8-latin", "、"),
        ("年度指标值：" + "；".encode().decode("cp1252"), "utf8-latin", "；"),
        (CLAUSE.encode("gbk").decode("latin-1"), "gbk-latin", "产出指标；"),
        (CLAUSE.encode("utf-8").decode("gbk", "ignore"), "utf8-gbk", "产出指标"),
        (CLAUSE.encode("utf-8").decode("gbk", "replace"), "replacement", ""),
        ("服务对象满意度锟斤拷锟斤拷", "signature", ""),
        ("服务对象\x07满意度", "control", ""),
        ("服务对象\ue0a5满意度", "private-use", ""),
        # UTF-8 read as GBK with replacement question marks: 鈮 and 浜 are the
        # first two bytes of ≥ and 人, the question mark their lost third byte.
        ("≥300人".encode().decode("gbk", "replace").replace("\ufffd", "?"), "lost", ""),
        ("“达标”".encode().decode("gbk", "replace").replace("\ufffd", "?"), "lost", ""),
        # UTF-8 read as GBK whose replacement characters were dropped since (a
        # PDF's font has no glyph for them): it decodes back only in part.
        (LOST_BYTES, "utf8-gbk-lost", ""),
        ("姣忓湡寮瀛悗30鏃ュ唴", "utf8-gbk-lost", ""),
    ],
)
def test_find_garbled_recognises_each_kind(garbled: str, kind: str, meant: str) -> None:
    found = find_garbled(garbled, SIGNATURES)
    assert found is not None
    assert found[0] == kind
    assert found[3] == meant


@pytest.mark.parametrize(
    "text",
    [
        "设备使用率=实际使用设备数量/总设备数量×100%",
        "软件可用率（%）=服务期内软件正常运行数量/软件总数*100%",
        "温度25°C±2°C，PM2.5浓度≤35μg/m³",
        "“三支一扶”——高校毕业生……",
        "买买提·艾力、朱镕基、喆、堃、珺",
        "涓涓细流，浜松市，鍙，锛",
        "Café Müller，naïve résumé",
        "①②③，㎡，ＡＢＣ１２３",
        "保障现场招聘会正常举办。\x0c通过开展本项目\x0b确保资金到位",
        CLAUSE,
        # a question mark after a character that is no UTF-8 lead in GBK
        "是否按时完成?",
        "如何让求职者找到合适岗位?",
        "服务人数?",
        # characters GB2312 lacks, in real names and words
        "张喆、王堃、李珺、赵玥、刘瑄负责，龚晧、陈昇、黄燊、吴埕参与",
        "囧、槑、犇、猋、骉、麤，鍪、鏊、鏖",
    ],
)
def test_find_garbled_accepts_real_text(text: str) -> None:
    assert find_garbled(text, SIGNATURES) is None


def test_garbled_text_reports_mojibake_in_a_clause_with_what_it_said() -> None:
    garbled = CLAUSE.encode("utf-8").decode("gbk", "ignore")
    (finding,) = lint_rule(one_project(CLEAN + garbled), "garbled-text")
    assert finding.severity == "error"
    assert finding.field == "indicators"
    # The garbled clause has no readable number: it runs on in clause 3's annual value.
    assert finding.clause == 3
    assert "UTF-8 文本被按 GBK 读取" in finding.message
    assert "原文可能是「产出指标」" in finding.message
    assert finding.excerpt is not None and finding.excerpt in garbled


def test_garbled_text_reports_the_replacement_character_in_a_name() -> None:
    (finding,) = lint_rule(
        tsv_table([project_row("就业补助\ufffd\ufffd资金", CLEAN)]), "garbled-text"
    )
    assert finding.field == "name"
    assert finding.excerpt == "\ufffd"
    assert (finding.line, finding.column) == (FIRST_ROW, 5)


@pytest.mark.parametrize(
    "garbled",
    [
        "≥95%".encode().decode("cp1252"),  # â‰¥95%: UTF-8 read as Windows-1252
        "按时完成".encode("gbk").decode("latin-1"),  # GBK read as Latin-1
        "≥300人".encode().decode("gbk", "replace").replace("\ufffd", "?"),  # 鈮?00浜?
        "≥3\ufffd0人",
        "锟斤拷",
    ],
)
def test_a_garbled_value_is_garbled_text_only(garbled: str) -> None:
    # Unreadable text is one defect: no other rule reads a target, a unit or
    # a kind out of what is left of it (a percentage on a count, a zero target,
    # an annual value above it, no measurable content).
    indicators = (
        f"1、1-产出指标；11-数量指标；服务人数；实施周期指标值:{garbled}；年度指标值:≥300人。"
        "2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    findings = lint(tsv_table([project_row("就业服务经费", indicators)]))
    clause_one = [f for f in findings if f.clause == 1]
    assert [f.rule for f in clause_one] == ["garbled-text"]


def test_garbled_text_reports_one_finding_per_cell() -> None:
    goal = GOAL_224.encode("gbk").decode("latin-1")
    findings = lint_rule(one_project(CLEAN, goal=goal), "garbled-text")
    assert [f.field for f in findings] == ["goal"]
    assert "GBK 文本被按 Latin-1 读取" in findings[0].message


def test_garbled_text_shows_control_characters_escaped() -> None:
    (finding,) = lint_rule(one_project(CLEAN, goal="保障项目\x07顺利实施。"), "garbled-text")
    assert "「\\x07」" in finding.message


def test_garbled_text_is_silent_on_clean_text() -> None:
    assert lint_rule(one_project(CLEAN), "garbled-text") == []


def _national_form(replace: dict[str, str]) -> Document:
    rows = [[replace.get(cell, cell) for cell in row] for row in FORM]
    return tsv_document(rows)


def test_garbled_text_reports_a_national_forms_unit_name() -> None:
    # 实施单位 names the unit of a national form: UTF-8 read as GBK there is
    # unreadable in every finding's unit column.
    unit = "某区疾病预防控制中心"
    garbled = unit.encode("utf-8").decode("gbk", "ignore")
    (finding,) = lint(_national_form({unit: garbled}), ["garbled-text"])
    assert (finding.field, finding.line) == ("name", 4)
    assert "单位名称" in finding.message
    assert "UTF-8 文本被按 GBK 读取" in finding.message


def test_garbled_text_reports_a_national_forms_period_goal() -> None:
    goal = FORM[5][1]
    garbled = goal.encode("gbk").decode("latin-1")
    (finding,) = lint(_national_form({goal: garbled}), ["garbled-text"])
    assert finding.field == "period_goal"
    assert "实施期目标" in finding.message
    assert finding.project == "社区公共卫生服务经费"


def test_garbled_text_is_silent_on_a_clean_national_form() -> None:
    assert lint(_national_form({}), ["garbled-text"]) == []


# --------------------------------------------------------------------------
# The seeds


def counts(document: Document | Path) -> Counter[str]:
    return Counter(f.rule for f in lint(document, STRUCTURE_RULES))


def test_seed_002_findings_per_rule(seed_002: Document) -> None:
    assert counts(seed_002) == {
        "parse-error": 1,
        "clause-numbering": 1,
        "repeated-field": 2,
        "nonstandard-punctuation": 4,  # one a cell: its clauses share their slip
    }


def test_seed_001_and_004_findings_per_rule() -> None:
    assert counts(SEED_001) == {"markup-residue": 2}
    assert counts(SEED_004) == {}


def test_seed_002_outline_cell_is_the_parse_error(seed_002: Document) -> None:
    (finding,) = lint(seed_002, ["parse-error"])
    assert finding.project == "广州市劳动人事争议仲裁院2024-2025年信息化运维项目"
    assert finding.line == 630
    assert finding.excerpt == OUTLINE[:30]
    assert "未按编号条款填写" in finding.message


def test_seed_002_line_143_numbering_and_repeats(seed_002: Document) -> None:
    project = "局本级配套人社部留学人员引智项目经费"
    (numbering,) = lint(seed_002, ["clause-numbering"])
    assert (numbering.project, numbering.line, numbering.excerpt) == (project, 143, "5、")
    repeats = lint(seed_002, ["repeated-field"])
    assert [(f.project, f.line, f.column, f.excerpt) for f in repeats] == [
        (project, 143, 318, "年度指标值"),
        (project, 143, 382, "年度指标值"),
    ]


def test_seed_002_punctuation_findings(seed_002: Document) -> None:
    findings = lint(seed_002, ["nonstandard-punctuation"])
    by_line = Counter(f.line for f in findings)
    assert by_line == {169: 1, 224: 1, 322: 1, 323: 1}
    (missing,) = [f for f in findings if f.line == 224]
    assert missing.project == "参加革命工作老工人干部生活财政补贴项目"
    assert missing.excerpt == "。"
    assert "年度指标值前缺少分隔符" in missing.message
    assert all("「,」「;」" in f.message for f in findings if f.line in (322, 323))
    assert [f.message.split("指标标点")[0] for f in findings if f.line != 224] == ["第1—4条"] * 3


def test_seed_001_markup_on_rows_12_and_13() -> None:
    findings = lint(SEED_001, ["markup-residue"])
    assert [(f.line, f.project) for f in findings] == [
        (12, "其他就业补助支出（市区共担区级部分）"),
        (13, "自谋职业随军家属专项补贴"),
    ]
    assert all(f.excerpt == "<p>" for f in findings)


# --------------------------------------------------------------------------
# Stretches that are not clauses, as a reviewer meets them

UNSTRUCTURED = (
    "1、1-产出指标；11-数量指标；验收项目数；实施周期指标值：3个；年度指标值：3个。"
    "2、1-产出指标；13-时效指标；验收及时率；实施周期指标值：100%；年度指标值：100%。"
    "3、1-产出指标；12-质量指标；验收通过率；实施周期指标值：100%通过；年度指标值：100%通过。"
    "4、这一条没有任何结构，只是一段说明文字。"
    "5、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
)


def test_an_unstructured_stretch_is_one_parse_error_and_nothing_else() -> None:
    findings = lint(one_project(UNSTRUCTURED))
    (error,) = [f for f in findings if f.rule == "parse-error"]
    assert error.clause == 4
    assert error.excerpt == "4、这一条没有任何结构，只是一段说明文字"
    assert not [f for f in findings if f.rule == "clause-numbering"]
    # Clause 3's annual value is "100%通过", not the stretch after it.
    assert not [f for f in findings if f.clause == 3 and "这一条" in (f.excerpt or "")]


def test_a_clause_without_categories_is_not_its_neighbours_repeat() -> None:
    cell = (
        UNSTRUCTURED.replace("3、1-产出指标；12-质量指标；", "3、")
        .replace("4、这一条没有任何结构，只是一段说明文字。", "")
        .replace("5、", "4、")
    )
    findings = lint(one_project(cell), STRUCTURE_RULES)
    assert [(f.rule, f.clause) for f in findings] == [("missing-field", 3)]


@settings(max_examples=60, deadline=None)
@given(
    number=st.integers(2, 3),
    stretch=st.sampled_from(
        [
            "这一条没有任何结构，只是一段说明文字。",
            "验收通过率。",
            "",
            "11-数量指标；验收项目数；实施周期指标值：3个；年度指标值：3个。",
            "1-产出指标；11-数量指标；实施周期指标值：3个；年度指标值：3个。",
            "1-产出指标；11-数量指标；验收项目数；年度指标值：3个。",
            "1-产出指标；11-数量指标；验收项目数；实施周期指标值：3个。",
            "验收项目数；实施周期指标值：3个；年度指标值：3个。",
        ]
    ),
)
def test_every_malformed_stretch_is_reported_at_its_clause(number: int, stretch: str) -> None:
    """A stretch with parts missing between real clauses: parse-error or
    missing-field, for that clause, and nothing from the numbering."""
    clauses = [c.text for c in parse_clause_text(CLEAN)]  # type: ignore[union-attr]
    renumbered = [f"{i}、{text.split('、', 1)[1]}" for i, text in enumerate(clauses, start=1)]
    renumbered.insert(number - 1, f"{number}、{stretch}")
    cell = "".join(f"{i}、{text.split('、', 1)[1]}" for i, text in enumerate(renumbered, start=1))
    findings = lint(one_project(cell), ["parse-error", "missing-field", "clause-numbering"])
    assert {f.rule for f in findings} <= {"parse-error", "missing-field"}
    assert findings and all(f.clause == number for f in findings)


def test_garbled_text_reports_mojibake_that_lost_characters_alone() -> None:
    """A value garbled so is the rule's alone: no unit or deadline advice
    about the digits inside it."""
    clause = (
        "1、1-产出指标；13-时效指标；补贴审核办结时限；"
        f"实施周期指标值:{LOST_BYTES}；年度指标值:{LOST_BYTES}。"
    )
    findings = [f for f in lint(one_project(clause)) if f.rule != "missing-category"]
    assert [f.rule for f in findings] == ["garbled-text"]
    assert "UTF-8 文本被按 GBK 读取，部分字符已丢失" in findings[0].message
    assert findings[0].clause == 1


# A cell that numbers none of its indicators: 一级：二级：名称值 run together (a
# county's form; one indicator per line without numbers is tested with the
# dashed form in test_parsing_forms, as a workbook's cell holds line breaks).
FUSED = (
    "产出指标：数量指标：培训人数≥1000人；质量指标：培训合格率≥95%。"
    "满意度指标：服务对象满意度指标：学员满意度≥90%。"
)


def test_a_cell_numbering_none_of_its_clauses_is_one_finding() -> None:
    (finding,) = lint_rule(one_project(FUSED), "clause-numbering")
    assert finding.message == "绩效指标栏的3条指标都没有序号：应按1、2、3……编号"
    assert finding.column == indicators_column()
    english = load_config(None, discover=False)
    english.lang = "en"
    (finding,) = lint_rule(one_project(FUSED), "clause-numbering", english)
    assert (
        finding.message == "none of the 3 clauses of the cell is numbered: number them 1, 2, 3, …"
    )


def test_an_unnumbered_clause_is_named_by_its_place() -> None:
    """A finding on a clause without a number names it by where a reader
    counts it (第2条), in a cell that numbers none and where one number was
    lost, never 第?条."""
    (finding,) = lint_rule(one_project(FUSED), "nonstandard-punctuation")
    assert finding.message == "第1—3条指标标点不规范：指标值前缺少关键词「年度指标值：」"
    english = load_config(None, discover=False)
    english.lang = "en"
    (finding,) = lint_rule(one_project(FUSED), "nonstandard-punctuation", english)
    assert finding.message.startswith("indicators 1–3 are not punctuated as standard")
    lost = (
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥1000人；年度指标值:≥1000人。"
        "2-效益指标；22-社会效益；培训后就业率；实施周期指标值:≥60%。"
        "3、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    (finding,) = lint_rule(one_project(lost), "missing-field")
    assert finding.message == "第2条指标缺少年度指标值"
    assert all("?" not in f.message for f in lint_rule(one_project(lost), "clause-numbering"))


def test_one_unnumbered_clause_is_still_a_lost_number() -> None:
    """Near miss: a cell of one clause without its number is told it lacks
    one, as before (and a numbered cell that lost one number is told which:
    LOST_NUMBER above)."""
    (finding,) = lint_rule(one_project("产出指标：数量指标：培训人数≥1000人。"), "clause-numbering")
    assert finding.message.startswith("指标缺少序号")
