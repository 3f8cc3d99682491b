"""The clause grammar: forms, separator variants, defects it records, error
recovery, and spans that point into the source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import ANNUAL, PERIOD, Clause, ClauseError, Source, Text
from audit.parsing import parse_clause_text, parse_indicators, split_clauses
from tests.excerpts import COMMAS, LEGACY, NO_SEPARATOR, REPEATED, STANDARD


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


def test_outline_form_cell_is_one_error_node() -> None:
    # 002 line 630: the cell is not written as numbered clauses at all.
    text = "1.产出数量：1.1故障工单关闭率=实际完成处理的故障工单数/故障工单总数*100%,目标值100%。"
    (error,) = parse_clause_text(text)
    assert isinstance(error, ClauseError)
    assert error.expected


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


def test_split_clauses_keeps_preamble_text() -> None:
    assert split_clauses("说明：" + STANDARD)[0] == (0, 3)
    assert split_clauses(STANDARD) == [(0, len(STANDARD))]


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
