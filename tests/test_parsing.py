"""The clause grammar: forms, separator variants, defects it records, error
recovery at clause starts, and spans that point into the source."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import ANNUAL, PERIOD, AnyClause, Clause, ClauseError, Document, Source, Text
from audit.parsing import parse_clause_text, parse_document, parse_indicators
from audit.readers import read_path
from audit.syntax import clause_start
from tests.conftest import SEED_002
from tests.excerpts import (
    CLEAN,
    COMMAS,
    LEGACY,
    NO_SEPARATOR,
    OUTLINE,
    REPEATED,
    SEMICOLONS,
    STANDARD,
)


def clauses(text: str) -> list[Clause]:
    result = parse_clause_text(text)
    assert all(isinstance(c, Clause) for c in result), result
    return list(result)  # type: ignore[arg-type]


def test_standard_clause_parses_into_all_parts() -> None:
    (clause,) = clauses(STANDARD)
    assert clause.number == 1
    assert clause.form == "coded"
    assert (clause.level1.code, clause.level1.name) == ("1", "产出指标")
    assert clause.level2 is not None
    assert (clause.level2.code, clause.level2.name) == ("11", "数量指标")
    assert clause.name == "一次性创业资助人数"
    assert clause.period is not None and clause.period.text == "≥300人"
    assert clause.annual is not None and clause.annual.text == "≥300人"
    assert clause.separators == frozenset({"；"})
    assert clause.issues == ()


def test_value_may_contain_commas_colons_and_full_stops() -> None:
    text = (
        "8、3-满意度指标；31-服务对象满意度；服务对象满意率；"
        "实施周期指标值:派遣人员考核合格率90%以上，用人单位满意；"
        "年度指标值:标准：100%，按时、足额。"
    )
    (clause,) = clauses(text)
    assert clause.period is not None and clause.annual is not None
    assert clause.period.text == "派遣人员考核合格率90%以上，用人单位满意"
    assert clause.annual.text == "标准：100%，按时、足额"


def test_the_annual_keyword_written_with_this_year_s_ben() -> None:
    """``本年度指标值`` is the annual keyword, its 本 no part of the value before
    it; near miss: 本年度 and 本区 inside a name or a value stay there."""
    text = (
        "1、1-产出指标；11-数量指标；本区培训人数；实施周期指标值:本年度完成≥500人；"
        "本年度指标值:≥500人。"
    )
    (clause,) = clauses(text)
    assert clause.name == "本区培训人数"
    assert clause.period is not None and clause.period.text == "本年度完成≥500人"
    assert clause.annual is not None and clause.annual.text == "≥500人"
    assert clause.issues == ()


def test_indicator_name_may_contain_commas() -> None:
    text = "2、1-产出指标；12-质量指标；安保服务、清洁服务，驾驶服务质量；实施周期指标值:90%或以上；年度指标值:90%或以上。"
    (clause,) = clauses(text)
    assert clause.name == "安保服务、清洁服务，驾驶服务质量"


def test_repeated_keyword_is_recorded_not_an_error() -> None:
    result = clauses(REPEATED)
    assert [c.number for c in result] == [1, 2, 5]
    second = result[1]
    repeats = [i for i in second.issues if i.kind == "repeated-field"]
    assert len(repeats) == 2  # the second and third 年度指标值
    assert {i.detail for i in repeats} == {ANNUAL}
    assert [f.keyword for f in second.fields] == [PERIOD, ANNUAL, ANNUAL, ANNUAL]


def test_missing_separator_is_recorded() -> None:
    first, second = clauses(NO_SEPARATOR)
    kinds = [i.kind for i in first.issues]
    assert kinds == ["missing-separator"]
    assert first.period is not None and first.period.separator == ""
    assert first.period.text.endswith("关怀")
    assert second.issues == ()


def test_comma_and_semicolon_separators_are_recorded() -> None:
    result = clauses(COMMAS)
    assert [c.number for c in result] == [1, 2, 3, 4]
    assert [c.name for c in result] == [
        "非正常停机率",
        "无故障运行时间",
        "数据内容规范性",
        "维修处理及时率",
    ]
    assert result[0].separators == frozenset({",", ";"})
    assert result[0].period is not None and result[0].period.text == "<5%"
    assert result[0].annual is not None and result[0].annual.text == "<5%"
    assert {i.detail for i in result[0].issues if i.kind == "nonstandard-separator"} == {",", ";"}
    assert result[3].annual is not None and result[3].annual.text == "85%"


def test_full_width_comma_is_nonstandard_in_the_coded_form() -> None:
    (clause,) = clauses(
        "1、1-产出指标，11-数量指标，培训人数，实施周期指标值：≥10人，年度指标值：≥10人。"
    )
    assert clause.separators == frozenset({"，"})
    assert all(i.kind == "nonstandard-separator" for i in clause.issues)


def test_missing_colon_is_recorded() -> None:
    (clause,) = clauses(
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值≥10人；年度指标值:≥10人。"
    )
    assert [i.kind for i in clause.issues] == ["missing-colon"]
    assert clause.period is not None and clause.period.text == "≥10人"


def test_older_form_without_codes_or_period() -> None:
    first, second = clauses(LEGACY)
    assert first.form == "legacy"
    assert first.level1 is not None and first.level1.code is None
    assert first.level1.name == "满意度指标"
    assert first.level2 is None
    assert first.name == "服务对象的满意度"
    assert first.period is None
    assert first.annual is not None and first.annual.text == "≥90%"
    assert first.issues == ()  # the older form is written with ，
    assert second.name == "设备验收合格率"


def test_clause_without_values_parses_with_no_fields() -> None:
    (clause,) = clauses("1、1-产出指标；11-数量指标；培训人数。")
    assert clause.name == "培训人数"
    assert clause.fields == ()


def test_empty_value_is_kept_empty() -> None:
    (clause,) = clauses("1、1-产出指标；11-数量指标；培训人数；实施周期指标值:；年度指标值:10人。")
    assert clause.period is not None and clause.period.text == ""
    assert clause.period.value.kind == "empty"


def test_bad_clause_becomes_an_error_and_the_next_clause_still_parses() -> None:
    text = "完成年度工作。" + STANDARD.replace("1、", "2、", 1)
    error, clause = parse_clause_text(text)
    assert isinstance(error, ClauseError)
    assert error.number is None
    assert "clause number" in error.message
    assert error.span.column == 1
    assert isinstance(clause, Clause) and clause.number == 2


def test_outline_form_cell_is_one_error_per_numbered_stretch() -> None:
    # 002 line 630: the cell is not written as numbered clauses at all; its
    # top-level numbers 1. and 2. each begin a stretch that is not a clause.
    result = parse_clause_text(OUTLINE)
    assert all(isinstance(e, ClauseError) for e in result)
    assert [e.number for e in result] == [1, 2]
    assert result[0].text.startswith("1.产出数量：1.1故障工单关闭率")
    assert result[0].text.endswith("目标值52次")  # 1.2 is a sub-item, not a clause
    assert result[1].text.startswith("2.产出质量")
    assert all(ANNUAL in e.expected and PERIOD in e.expected for e in result)


def test_text_that_is_not_a_clause_is_never_glued_into_a_value() -> None:
    # A numbered stretch without any structure between two clauses.
    text = (
        "3、1-产出指标；12-质量指标；验收通过率；实施周期指标值：100%通过；年度指标值：100%通过。"
        "4、这一条没有任何结构，只是一段说明文字。"
        "5、2-效益指标；22-社会效益；就业困难人员帮扶；实施周期指标值：≥95%；年度指标值：≥95%。"
    )
    third, stray, fifth = parse_clause_text(text)
    assert isinstance(third, Clause) and isinstance(fifth, Clause)
    assert third.annual is not None and third.annual.text == "100%通过"
    assert isinstance(stray, ClauseError)
    assert stray.number == 4
    assert stray.text == "4、这一条没有任何结构，只是一段说明文字"
    start = text.index("4、")
    assert (stray.span.column, stray.span.end_column) == (start + 1, start + len(stray.text) + 1)
    assert set(stray.expected) == {PERIOD, ANNUAL}
    assert stray.found == ""  # the stretch ended where a value keyword was due
    assert fifth.number == 5 and fifth.name == "就业困难人员帮扶"


def test_clause_without_categories_is_a_clause_not_a_repeat_of_its_neighbour() -> None:
    text = (
        "2、1-产出指标；12-质量指标；验收合格率；实施周期指标值：100%；年度指标值：100%。"
        "3、验收通过率；实施周期指标值：100%通过；年度指标值：100%通过。"
    )
    second, third = clauses(text)
    assert second.issues == () and len(second.fields) == 2
    assert third.number == 3
    assert third.level1 is None and third.level2 is None
    assert third.name == "验收通过率"
    assert [f.text for f in third.fields] == ["100%通过", "100%通过"]
    assert third.form == "coded"  # as the cell's other clauses


def test_clause_without_categories_takes_the_older_form_of_its_cell() -> None:
    (first, second) = clauses(
        "1、满意度指标：服务对象满意度，年度指标值：≥90%。2、设备验收合格率，年度指标值：100%。"
    )
    assert first.form == second.form == "legacy"
    assert second.level1 is None and second.name == "设备验收合格率"


def test_a_stray_number_is_a_stretch_of_its_own() -> None:
    text = STANDARD + "2、" + STANDARD.replace("1、", "3、", 1)
    first, stray, third = parse_clause_text(text)
    assert isinstance(first, Clause) and isinstance(third, Clause)
    assert isinstance(stray, ClauseError) and stray.number == 2 and stray.text == "2、"
    assert first.annual is not None and first.annual.text == "≥300人"
    assert third.number == 3


def test_text_before_the_first_clause_is_a_stretch_without_number() -> None:
    error, *rest = parse_clause_text("说明：" + CLEAN)
    assert isinstance(error, ClauseError)
    assert error.number is None and error.text == "说明："
    assert [c.number for c in rest] == [1, 2, 3]
    assert all(isinstance(c, Clause) for c in rest)


def test_an_unfinished_last_clause_is_a_stretch() -> None:
    first, stray = parse_clause_text(STANDARD + "2、2-")
    assert isinstance(first, Clause)
    assert isinstance(stray, ClauseError) and stray.number == 2 and stray.text == "2、2-"
    assert stray.expected == ("category name",)
    (only,) = parse_clause_text("1、1-产出指标；11-数量")
    assert isinstance(only, Clause)  # categories alone are a clause missing its parts


def test_clause_start_follows_the_grammar() -> None:
    assert clause_start("1、1-产出指标；") is not None
    assert clause_start("2、满意度指标：") is not None
    assert clause_start("3、实施周期指标值：") is not None
    assert clause_start("。2、1-产出", 1) is not None
    assert clause_start("1.85万人") is None
    assert clause_start("1、完成培训") is None
    assert clause_start("12-质量指标") is None


def test_a_number_run_into_its_level_one_code_starts_a_clause() -> None:
    """``1.1-产出指标``: the clause number ``1.`` typed straight before the
    level-1 code, as a unit numbering with full stops writes it. It is read
    as number and code, not as the decimal 1.1."""
    cell = (
        "1.1-产出指标;11-数量指标;新增公办学位数;实施周期指标值:不少于1800个;年度指标值:不少于1800个。"
        "2.1-产出指标;12-质量指标;课后服务课程开课率;实施周期指标值:≥95%;年度指标值:≥95%。"
        "10．3-满意度指标;31-服务对象满意度;家长满意度;实施周期指标值:≥90%;年度指标值:≥90%。"
    )
    read = [
        (c.number, c.level1 and c.level1.name, c.level2 and c.level2.name, c.name)
        for c in clauses(cell)
    ]
    assert read == [
        (1, "产出指标", "数量指标", "新增公办学位数"),
        (2, "产出指标", "质量指标", "课后服务课程开课率"),
        (10, "满意度指标", "服务对象满意度", "家长满意度"),
    ]
    assert clause_start("1.1-产出指标;") is not None


@pytest.mark.parametrize(
    "value",
    [
        "1.5-2.0万元",  # a range of decimals
        "1.1-1.5米",
        "版本1.0-beta上线",  # a version, letters after the dash
        "第2.3-4期",
        "1.1-产出",  # a code without a category word
    ],
)
def test_a_decimal_before_a_dash_stays_in_its_value(value: str) -> None:
    """Near misses: a decimal point before a dash is a number's, unless a
    category (a word ending in 指标) follows the dash."""
    text = f"1、1-产出指标；11-数量指标；建设规模；实施周期指标值:{value}；年度指标值:{value}。"
    (clause,) = clauses(text)
    assert clause.period is not None and clause.period.text == value
    assert clause.annual is not None and clause.annual.text == value
    assert clause_start(value) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [("①", "②"), ("（1）", "（2）"), ("(1)", "(2)"), ("⑪", "⑫"), ("1)", "2)"), ("一、", "二、")],
)
def test_circled_and_bracketed_numbers_start_clauses(first: str, second: str) -> None:
    """A unit that numbers with ①② or （1）（2）: each starts a clause where a
    category or a keyword follows, and is read as its number."""
    cell = (
        f"{first}1-产出指标；11-数量指标；生活垃圾清运量；实施周期指标值：不少于1000吨；"
        f"年度指标值：不少于1000吨。{second}3-满意度指标；31-服务对象满意度；群众满意度；"
        "实施周期指标值：≥90%；年度指标值：≥90%。"
    )
    one, two = clauses(cell)
    offset = 10 if first == "⑪" else 0
    assert (one.number, one.name, two.number, two.name) == (
        1 + offset,
        "生活垃圾清运量",
        2 + offset,
        "群众满意度",
    )
    assert one.annual is not None and one.annual.text == "不少于1000吨"


@pytest.mark.parametrize(
    "value",
    [
        "完成（1）号楼维修",
        "①号楼、②号楼",
        "(3)栋",
        "达到（2）级；同比提高",
        "统一、规范",
        "一、二期工程完工",
    ],
)
def test_a_bracketed_or_circled_number_in_a_value_stays_in_it(value: str) -> None:
    """Near misses: ① or （1） followed by neither a category nor a keyword
    is part of the value."""
    text = f"1、1-产出指标；11-数量指标；维修楼栋；实施周期指标值:{value}；年度指标值:{value}。"
    (clause,) = clauses(text)
    assert clause.period is not None and clause.period.text == value
    assert clause.annual is not None and clause.annual.text == value


def test_uncoded_level_one_and_level_two_categories() -> None:
    """``①产出指标；数量指标；名称；…``: both levels written without codes; the
    level-2 is a category of the national framework, not part of the name."""
    cell = (
        "①产出指标；数量指标；生活垃圾清运量；实施周期指标值：不少于1000吨；年度指标值：不少于1000吨。"
        "②效益指标；社会效益指标；市容环境改善；实施周期指标值：明显改善；年度指标值：明显改善。"
    )
    read = [
        (c.number, c.form, c.level1 and c.level1.name, c.level2 and c.level2.name, c.name)
        for c in clauses(cell)
    ]
    assert read == [
        (1, "legacy", "产出指标", "数量指标", "生活垃圾清运量"),
        (2, "legacy", "效益指标", "社会效益指标", "市容环境改善"),
    ]
    # Near miss: a name that ends in 指标 is a name, not a level-2 category.
    (clause,) = clauses("1、产出指标：完成各项考核指标，年度指标值：100%。")
    assert clause.level2 is None and clause.name == "完成各项考核指标"
    # The 2021 scheme's level-2 names without 指标 (生态效益, 服务对象满意度)...
    (clause,) = clauses(
        "1、产出指标；生态效益；森林覆盖率；实施周期指标值：≥45%；年度指标值：≥45%。"
    )
    assert clause.level2 is not None and clause.level2.name == "生态效益"
    assert clause.name == "森林覆盖率"
    # ...but not the older form's name that a keyword follows.
    (clause,) = clauses("1、满意度指标：服务对象满意度，年度指标值：≥90%。")
    assert clause.level2 is None and clause.name == "服务对象满意度"


@pytest.mark.parametrize(
    "cell",
    [
        # one clause a line, the last line's number lost
        "1、1-产出指标；11-数量指标；改造户数；实施周期指标值：≥1400户；年度指标值：≥1400户\n"
        "2、2-效益指标；24-可持续影响；物业管理长效机制；实施周期指标值：建立并运行；年度指标值：建立并运行\n"
        "3-满意度指标；31-服务对象满意度；保障对象满意度；实施周期指标值：≥90%；年度指标值：≥90%",
        # categories without codes, the last clause's number lost after its 。
        "1、产出指标；数量指标；改造户数；实施周期指标值：≥1400户；年度指标值：≥1400户。"
        "2、效益指标；可持续影响；物业管理长效机制；实施周期指标值：建立并运行；年度指标值：建立并运行。"
        "满意度指标；服务对象满意度；保障对象满意度；实施周期指标值：≥90%；年度指标值：≥90%。",
    ],
)
def test_a_lost_number_in_lines_and_in_uncoded_cells_is_a_clause_of_its_own(cell: str) -> None:
    """The clause whose number was lost is a clause, not a value run on into
    the next clause's categories (which read as repeated keywords)."""
    first, second, third = clauses(cell)
    assert first.number == 1
    assert second.annual is not None and second.annual.text == "建立并运行"
    assert third.number is None and third.name == "保障对象满意度"
    assert third.annual is not None and third.annual.text == "≥90%"


def test_a_line_that_goes_on_with_a_range_is_no_lost_clause() -> None:
    """Near miss: a value continued on a line that begins with a range (2-3个)."""
    cell = "1、1-产出指标；13-时效指标；办结时限；实施周期指标值：≤5个工作日；年度指标值：一般事项\n2-3个工作日"
    (clause,) = clauses(cell)
    assert clause.annual is not None and clause.annual.text == "一般事项\n2-3个工作日"


def test_a_half_width_full_stop_ends_a_clause_before_the_next_number() -> None:
    """Typed in a half-width input mode: ``≥95%.3、产出指标`` is the end of a
    clause and the next one, not a decimal inside a value."""
    cell = (
        "1、产出指标：垃圾分类督导小区数量，年度指标值：≥1200个。"
        "2、产出指标,道路清扫保洁质量达标率,年度指标值:≥95%.3、产出指标,投诉案件按时办结率,"
        "年度指标值:≥98%.4、效益指标：生活垃圾回收利用率，年度指标值：≥40%。"
        "5、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥10人.6、1-产出指标；12-质量指标；"
        "合格率；年度指标值:100%."
    )
    result = clauses(cell)
    assert [c.number for c in result] == [1, 2, 3, 4, 5, 6]
    assert [None if c.annual is None else c.annual.text for c in result] == [
        "≥1200个",
        "≥95%",
        "≥98%",
        "≥40%",
        None,
        "100%",
    ]
    assert result[4].period is not None and result[4].period.text == "≥10人"
    assert not [i for c in result for i in c.issues if i.kind == "repeated-field"]


@pytest.mark.parametrize(
    "value",
    [
        "完成2.3、2.5号楼维修",  # decimals in a list
        "≥95.3、年度考核优秀",  # a decimal before 、 and text
        "v2.3、系统升级",  # a version
    ],
)
def test_a_point_that_is_no_full_stop_stays_in_its_value(value: str) -> None:
    (clause,) = clauses(
        f"1、1-产出指标；11-数量指标；名称；实施周期指标值:{value}；年度指标值:1次。"
    )
    assert clause.period is not None and clause.period.text == value


def test_numbers_inside_values_do_not_start_clauses() -> None:
    text = "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:完成1、2号楼维修；年度指标值:2023、2024年各1次。"
    (clause,) = clauses(text)
    assert clause.annual is not None and clause.annual.text == "2023、2024年各1次"


def test_spans_point_into_a_tab_separated_line() -> None:
    line = "项目\t10.00\t10.00\t\t\t目标\t" + STANDARD
    source = Source("t.txt", "标题\n" + line + "\n")
    start = source.text.index("1、")
    cell = Text(STANDARD, source, ((0, start),))
    (clause,) = parse_indicators(cell)
    assert isinstance(clause, Clause)
    column = line.index("1、") + 1
    assert (clause.span.line, clause.span.column) == (2, column)
    assert clause.annual is not None
    annual_column = line.index("年度指标值:≥300人") + len("年度指标值:") + 1
    assert (clause.annual.span.line, clause.annual.span.column) == (2, annual_column)
    assert clause.annual.span.end_column == annual_column + len("≥300人")


def test_spans_follow_wrapped_pdf_lines() -> None:
    from audit.model import TextBuilder

    lines = [
        "1、1-产出指标；11-数量指标；配备人员的达标率；实施周期指标",
        "值:90%或以上；年度指标值:90%或以上。",
    ]
    source = Source("p.txt", "\n".join(lines) + "\n")
    builder = TextBuilder(source)
    builder.add(lines[0], 0)
    builder.add(lines[1], len(lines[0]) + 1)
    (clause,) = parse_indicators(builder.build())
    assert isinstance(clause, Clause)
    assert clause.period is not None and clause.period.text == "90%或以上"
    assert (clause.period.keyword_span.line, clause.period.keyword_span.column) == (
        1,
        lines[0].index("实施") + 1,
    )
    assert (clause.period.span.line, clause.period.span.column) == (2, 3)


REAL_CLAUSES = [STANDARD, REPEATED, NO_SEPARATOR, COMMAS, LEGACY]


def _check_spans(text: str) -> None:
    source = Source("x", text)
    cell = Text(text, source, ((0, 0),))
    lines = text.split("\n")
    for clause in parse_indicators(cell):
        spans = [clause.span]
        if isinstance(clause, Clause):
            spans += [clause.name_span, clause.number_span]
            spans += [f.span for f in clause.fields] + [f.keyword_span for f in clause.fields]
            spans += [i.span for i in clause.issues]
        for span in spans:
            assert 1 <= span.line <= len(lines)
            assert 1 <= span.end_line <= len(lines)
            assert 1 <= span.column <= len(lines[span.line - 1]) + 1
            assert (span.line, span.column) <= (span.end_line, span.end_column)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises_and_spans_stay_inside(text: str) -> None:
    _check_spans(text)


@st.composite
def mutated_clause(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(REAL_CLAUSES))
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            piece = draw(
                st.sampled_from(
                    [
                        "；",
                        ";",
                        "，",
                        ",",
                        "、",
                        "1、",
                        "年度指标值:",
                        "实施周期指标值",
                        "\n",
                        "。",
                        ":",
                        "-",
                        "11-",
                    ]
                )
                | st.text(max_size=3)
            )
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 5)) :]
        else:
            text = text[:position] + text[position : position + 8] + text[position:]
    return text


@settings(max_examples=400, deadline=None)
@given(mutated_clause())
def test_mutated_real_clauses_never_raise_and_spans_stay_inside(text: str) -> None:
    _check_spans(text)


# --------------------------------------------------------------------------
# Recovery: malformed stretches between well-formed real clauses

# Single well-formed clauses of the seeds, numbered from 1, each ending in 。.
WELL_FORMED = [
    c.text if c.text.endswith("。") else c.text + "。"
    for cell in (STANDARD, CLEAN, SEMICOLONS, LEGACY)
    for c in parse_clause_text(cell)
    if isinstance(c, Clause) and not c.issues
]
FREE_TEXT = st.text(
    alphabet=st.sampled_from("这一条没有任何结构只是说明文字完成培训人数合格率，、：（）%≥"),
    min_size=1,
    max_size=30,
)


def _renumber(clause: str, number: int) -> str:
    head = clause_start(clause)
    assert head is not None
    return f"{number}、{clause[head.end() :]}"


@st.composite
def malformed_stretch(draw: st.DrawFn, number: int) -> tuple[str, str]:
    """Random text, a clause with a part deleted or two parts swapped, or a
    stray clause number: each written as the item numbered ``number``."""
    kind = draw(st.sampled_from(["text", "deleted", "swapped", "number"]))
    if kind == "number":
        return kind, f"{number}、"
    if kind == "text":
        return kind, f"{number}、{draw(FREE_TEXT)}。"
    clause = _renumber(draw(st.sampled_from(WELL_FORMED)), number)
    head = clause_start(clause)
    assert head is not None
    parts = clause[head.end() :].rstrip("。").replace(";", "；").split("；")
    if kind == "deleted" and len(parts) > 1:
        del parts[draw(st.integers(0, len(parts) - 1))]
    elif len(parts) > 1:
        i = draw(st.integers(0, len(parts) - 2))
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
    return kind, f"{number}、{'；'.join(parts)}。"


def _shape(clause: AnyClause) -> tuple[object, ...]:
    """A clause without its spans, to compare clauses standing in different places."""
    if isinstance(clause, ClauseError):
        return ("error", clause.number, clause.text)
    return (
        clause.number,
        clause.form,
        None if clause.level1 is None else str(clause.level1),
        None if clause.level2 is None else str(clause.level2),
        clause.name,
        tuple((f.keyword, f.text, f.separator) for f in clause.fields),
        tuple((i.kind, i.detail) for i in clause.issues),
        clause.text,
    )


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_malformed_stretch_is_reported_at_its_span_and_spares_its_neighbours(
    data: st.DataObject,
) -> None:
    chosen = data.draw(st.lists(st.sampled_from(WELL_FORMED), min_size=2, max_size=4))
    at = data.draw(st.integers(1, len(chosen)))
    before = [_renumber(c, i + 1) for i, c in enumerate(chosen[:at])]
    after = [_renumber(c, at + 2 + i) for i, c in enumerate(chosen[at:])]
    kind, stretch = data.draw(malformed_stretch(at + 1))
    text = "".join(before) + stretch + "".join(after)

    result = parse_clause_text(text)
    alone = parse_clause_text("".join(before)) + parse_clause_text("".join(after))
    assert len(result) == len(alone) + 1
    # The neighbours parse exactly as they do without the stretch.
    assert [_shape(c) for c in result[:at]] == [_shape(c) for c in alone[:at]]
    assert [_shape(c) for c in result[at + 1 :]] == [_shape(c) for c in alone[at:]]
    # The stretch is one item of its own, over all of its text, numbered as
    # written: a parse error, or (a clause with parts deleted or swapped) a
    # clause whose missing parts missing-field reports.
    item = result[at]
    start = len("".join(before))
    assert item.number == at + 1
    assert item.text.rstrip("；;，,。") == stretch.rstrip("；;，,。")
    assert (item.span.line, item.span.column) == (1, start + 1)
    assert item.span.end_column == start + len(item.text) + 1
    if kind in ("text", "number"):
        assert isinstance(item, ClauseError)


def test_the_compiled_parser_reads_the_seed_exactly_as_pure_python(seed_002: Document) -> None:
    """With lark-cython installed, the fast path gives the same clauses."""
    pytest.importorskip("lark_cython")
    from audit import parsing

    compiled = [_shape(c) for p in seed_002.projects for c in p.clauses]
    parsing.clause_parser.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(sys.modules, "lark_cython", None)  # import fails: pure Python
            pure_document = parse_document(read_path(SEED_002))
    finally:
        parsing.clause_parser.cache_clear()
    assert [_shape(c) for p in pure_document.projects for c in p.clauses] == compiled


# Cells with stretches no clause reads (a keyword typed into another, a
# clause number doubled, a category pasted into a value), from the seed's
# clauses: the recovering parse reads them the same, spans and all, whether
# lark-cython runs it or Lark in pure Python.
STRAY_CELLS = (
    "1、1-产出指标；13-时效指标；年度预算执行进度；实施周期指标值:100%；年度指标值:100%。"
    "2、3-满意度指标；31-服务对象满意度；物业服务对象满意度；实施周期指标11-数量指标值:≥85%；"
    "年度指标值:≥85%。3、1、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；"
    "年度指标值:≥90%。",
    "1、11、-产出指标；12-质量指标；物品验收率；实施周期指标值:；≥98%；年度指标值:物资验收合格率。"
    "2、2-效益指标；21-经济效益；设备使用率；实施周期指标值:100%；年度指标值:设施设备良好使用率。",
    "1、1-产出指标；11-数量指标；巡检完成率（%）；实施周期指标值:≥95%；年度指标值:≥95%。"
    "2、2-效益指标；22-社会效益；因消防设施不完善导致\n安全事故发生次数；实施周期指标值:0次；"
    "年度指标值:1、0次。",
    "根据有关规定：1、保障工作正常运转。2、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥50人；"
    "年度指标值:≥50人。",
)


@pytest.mark.parametrize("cell", STRAY_CELLS)
def test_the_compiled_parser_recovers_exactly_as_pure_python(cell: str) -> None:
    """The recovering parse of the compiled parser (its own tokens, lexer
    state and copies of its parser state) gives what Lark's gives."""
    pytest.importorskip("lark_cython")
    from audit import parsing

    compiled = parse_clause_text(cell)
    assert any(isinstance(item, ClauseError) for item in compiled)
    parsing.clause_parser.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(sys.modules, "lark_cython", None)  # import fails: pure Python
            pure = parse_clause_text(cell)
    finally:
        parsing.clause_parser.cache_clear()
    assert repr(compiled) == repr(pure)  # spans resolved: every end is where it was


# --------------------------------------------------------------------------
# A clause whose number was lost in editing

# A Guangzhou cell (卫生监督执法专项经费) whose third clause lost its 3、.
LOST_NUMBER = (
    "1、1-产出指标；11-数量指标；监督检查户次；实施周期指标值:≥2400户次；年度指标值:≥2400户次。"
    "2、1-产出指标；12-质量指标；案件查处结案率；实施周期指标值:≥95%；年度指标值:≥95%。"
    "2-效益指标；22-社会效益；被监督单位卫生许可持证率；实施周期指标值:≥98%；年度指标值:≥98%。"
    "4、3-满意度指标；31-服务对象满意度；被监督单位满意度；实施周期指标值:≥85%；年度指标值:≥85%。"
)


def test_categories_after_a_full_stop_start_a_clause_without_number() -> None:
    first, second, lost, fourth = clauses(LOST_NUMBER)
    assert [c.number for c in (first, second, lost, fourth)] == [1, 2, None, 4]
    assert second.annual is not None and second.annual.text == "≥95%"
    assert second.text.endswith("年度指标值:≥95%。")
    assert lost.form == "coded"
    assert (str(lost.level1), str(lost.level2)) == ("2-效益指标", "22-社会效益")
    assert lost.name == "被监督单位卫生许可持证率"
    assert [f.text for f in lost.fields] == ["≥98%", "≥98%"]
    assert lost.issues == ()
    assert lost.text.startswith("2-效益指标；") and lost.text.endswith("≥98%。")
    # Pointed at by its level-1 category, where its number should stand.
    start = LOST_NUMBER.index("2-效益指标")
    assert lost.number_span.column == start + 1
    assert lost.number_span.end_column == start + len("2-效益指标") + 1


@pytest.mark.parametrize(
    "closing",
    ["。", "；", ";", "，", "。 ", "；\n", "。；"],
    ids=["full-stop", "semicolon", "ascii-semicolon", "comma", "space", "newline", "two"],
)
def test_a_clause_without_number_follows_any_closing_punctuation(closing: str) -> None:
    text = LOST_NUMBER.replace("≥95%。2-效益", f"≥95%{closing}2-效益")
    numbers = [c.number for c in clauses(text)]
    assert numbers == [1, 2, None, 4]
    assert clauses(text)[1].annual.text == "≥95%"  # type: ignore[union-attr]


def test_an_older_form_category_after_a_full_stop_starts_a_clause_without_number() -> None:
    text = (
        "1、产出指标：设备验收合格率，年度指标值：100%。"
        "满意度指标：服务对象的满意度，年度指标值： ≥90%。"
        "3、效益指标：设备正常使用率，年度指标值：≥95%。"
    )
    first, lost, third = clauses(text)
    assert [first.number, lost.number, third.number] == [1, None, 3]
    assert first.annual is not None and first.annual.text == "100%"
    assert lost.form == "legacy" and str(lost.level1) == "满意度指标"
    assert lost.name == "服务对象的满意度"
    assert lost.annual is not None and lost.annual.text == "≥90%"


@pytest.mark.parametrize(
    ("tail", "value"),
    [
        # A range or a date after a 。 goes on with the value.
        ("。2-3个工作日内回访", "≤5个工作日。2-3个工作日内回访"),
        ("。2025-06-30前完成", "≤5个工作日。2025-06-30前完成"),
        # Coded words whose second code is not a level-2 code (one digit).
        ("。1-季度考核；2-年度考核", "≤5个工作日。1-季度考核；2-年度考核"),
        # A category pair with no closing punctuation before it.
        ("2-效益指标；22-社会效益", "≤5个工作日2-效益指标；22-社会效益"),
        # A level-1 category alone, without a level-2 one after it.
        ("。2-效益指标；持证率", "≤5个工作日。2-效益指标；持证率"),
        # An older-form category after a comma, not a 。.
        ("，满意度指标：较高", "≤5个工作日，满意度指标：较高"),
        # A keyword written without 值 is no category.
        ("。年度指标：≤5个工作日", "≤5个工作日。年度指标：≤5个工作日"),
    ],
    ids=["range", "date", "one-digit-codes", "no-punctuation", "level-1-only", "comma", "keyword"],
)
def test_text_that_only_looks_like_a_clause_start_keeps_its_reading(tail: str, value: str) -> None:
    text = (
        "1、1-产出指标；13-时效指标；投诉办结时限；实施周期指标值:≤5个工作日；年度指标值:≤5个工作日"
        + tail
        + "。2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    first, second = clauses(text)
    assert first.annual is not None and first.annual.text == value
    assert second.number == 2


def test_a_name_that_looks_like_an_older_category_stays_a_name() -> None:
    (clause,) = clauses("1、1-产出指标；11-数量指标；考核指标：合格率；年度指标值:100%。")
    assert clause.name == "考核指标：合格率"


def test_a_cell_that_begins_with_categories_is_a_stretch_not_a_clause() -> None:
    """Only a clause's closing punctuation tells that a number was lost: at
    the start of a cell, categories without a number are not a clause."""
    error, second = parse_clause_text(LOST_NUMBER[LOST_NUMBER.index("2-效益指标") :])[:2]
    assert isinstance(error, ClauseError) and error.number is None
    assert error.message == "expected clause number (1、), found '2-'"
    assert isinstance(second, Clause) and second.number == 4


def test_recovery_resumes_at_a_clause_without_number() -> None:
    text = "1、这一条没有任何结构。" + LOST_NUMBER[LOST_NUMBER.index("2-效益指标") :]
    error, lost, fourth = parse_clause_text(text)
    assert isinstance(error, ClauseError) and error.text == "1、这一条没有任何结构"
    assert isinstance(lost, Clause) and lost.number is None
    assert lost.name == "被监督单位卫生许可持证率"
    assert isinstance(fourth, Clause) and fourth.number == 4


def test_recovery_after_a_clause_without_number_spares_it() -> None:
    head = LOST_NUMBER[: LOST_NUMBER.index("4、")]
    text = head + "4、这一条没有任何结构。" + STANDARD.replace("1、", "5、", 1)
    *parsed, error, fifth = parse_clause_text(text)
    assert [_shape(c) for c in parsed] == [_shape(c) for c in parse_clause_text(head)]
    assert isinstance(error, ClauseError) and error.number == 4
    assert isinstance(fifth, Clause) and fifth.number == 5


# Clauses that say they are clauses without their number: a level-1 and a
# level-2 category, or a category of the older form.
UNMISTAKABLE = [
    c
    for c in WELL_FORMED
    if (parsed := parse_clause_text(c))
    and isinstance(clause := parsed[0], Clause)
    and (clause.form == "legacy" or clause.level2 is not None)
]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_deleting_a_clause_number_leaves_the_same_clauses_less_that_number(
    data: st.DataObject,
) -> None:
    chosen = data.draw(st.lists(st.sampled_from(UNMISTAKABLE), min_size=2, max_size=5))
    numbered = [_renumber(c, i + 1) for i, c in enumerate(chosen)]
    lost = data.draw(st.integers(1, len(numbered) - 1))
    if "-" in chosen[lost]:  # a coded clause may follow any closing punctuation
        closing = data.draw(st.sampled_from(["。", "；", "，", "。 "]))
        numbered[lost - 1] = numbered[lost - 1].rstrip("。") + closing
    whole = parse_clause_text("".join(numbered))
    head = clause_start(numbered[lost])
    assert head is not None
    without = numbered[:]
    without[lost] = numbered[lost][head.end() :]

    result = parse_clause_text("".join(without))
    expected = [_shape(c) for c in whole]
    number, *rest = expected[lost]
    expected[lost] = (None, *rest[:-1], numbered[lost][head.end() :].rstrip())
    assert [_shape(c) for c in result] == expected
    assert number == lost + 1


# --------------------------------------------------------------------------
# Spaces a cell shows as spaces


def shape(clause: Clause) -> tuple[object, ...]:
    """What a reviewer reads of a clause, spaces aside."""
    return (
        clause.number,
        clause.level1 and (clause.level1.code, clause.level1.name),
        clause.level2 and (clause.level2.code, clause.level2.name),
        clause.name.strip(),
        tuple((f.keyword, "".join(f.text.split())) for f in clause.fields),
        clause.issues,
    )


@pytest.mark.parametrize("space", ["\xa0", "\u2009", "\u202f", "\x1f", "\u2028", " ", "\u3000"])
@pytest.mark.parametrize(
    "where",
    [
        "11-数量指标{}；",  # before a separator (text pasted from a web page)
        "；{}一次性",  # after one
        "指标值:{}≥300人；年度",  # after a colon
    ],
)
def test_a_space_of_any_kind_between_the_parts_reads_as_a_space(space: str, where: str) -> None:
    plain = where.format("")
    assert plain in STANDARD
    spaced = STANDARD.replace(plain, where.format(space), 1)
    (clause,) = clauses(spaced)
    (expected,) = clauses(STANDARD)
    assert shape(clause) == shape(expected)
    span = clause.name_span  # spans still point at the cell's own characters
    assert spaced[span.column - 1 : span.end_column - 1] == clause.name


@given(
    st.lists(
        st.tuples(st.integers(0, len(CLEAN)), st.sampled_from(["\xa0", "\u2002", "\u3000", " "])),
        max_size=4,
    )
)
def test_spaces_before_any_separator_never_change_the_clauses(
    insertions: list[tuple[int, str]],
) -> None:
    text = CLEAN
    for position, space in sorted(insertions, reverse=True):
        if text[position : position + 1] in ("；", "。"):  # a space before a separator
            text = text[:position] + space + text[position:]
    assert [shape(c) for c in clauses(text)] == [shape(c) for c in clauses(CLEAN)]
