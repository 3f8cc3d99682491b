"""Indicator cell forms besides the coded and the older one.

One indicator per line, categories and name joined by dashes
(``1.产出指标-数量指标-签约居民人数：实施周期指标值：…``), numbered or not: each
line is one clause with its categories. Categories then names fused with
their values, without keywords (``产出指标：数量指标：培训人数≥1000人；…``): each
``二级指标：名称值`` is one clause whose value is the annual value. In both, the
rules see the same facts as in the coded form."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause, ClauseError
from audit.parsing import parse_clause_text
from tests.conftest import SEED_002_HEADER, lint, project_row, tsv_table

# A county health bureau's 家庭医生签约服务经费, as its form prints the cell.
NUMBERED = (
    "1.产出指标-数量指标-签约居民人数：实施周期指标值：≥5万人；年度指标值：≥5万人\n"
    "2.产出指标-质量指标-重点人群签约率：实施周期指标值：≥75%；年度指标值：≥75%\n"
    "3.产出指标-数量指标-健康随访人次：实施周期指标值：≥10万人次；年度指标值：≥12万人次\n"
    "4.满意度指标-服务对象满意度指标-签约居民满意度：实施周期指标值：≥90%；年度指标值：≥190%"
)
READ = [
    (1, "产出指标", "数量指标", "签约居民人数", "≥5万人", "≥5万人"),
    (2, "产出指标", "质量指标", "重点人群签约率", "≥75%", "≥75%"),
    (3, "产出指标", "数量指标", "健康随访人次", "≥10万人次", "≥12万人次"),
    (4, "满意度指标", "服务对象满意度指标", "签约居民满意度", "≥90%", "≥190%"),
]
"""What a reviewer reads in NUMBERED: number, 一级, 二级, name, period value, annual value."""
# The same indicators without numbers, joined by em dashes, values after a comma.
UNNUMBERED = (
    "产出指标—数量指标—签约居民人数：实施周期指标值≥5万人，年度指标值≥5万人\n"
    "产出指标—质量指标—重点人群签约率：实施周期指标值≥75%，年度指标值≥75%\n"
    "产出指标—数量指标—健康随访人次：实施周期指标值≥10万人次，年度指标值≥12万人次\n"
    "满意度指标—服务对象满意度指标—签约居民满意度：实施周期指标值≥90%，年度指标值≥190%"
)


def clauses(text: str) -> list[Clause]:
    items = parse_clause_text(text)
    assert all(isinstance(c, Clause) for c in items), items
    return [c for c in items if isinstance(c, Clause)]


def read(clause: Clause) -> tuple[object, ...]:
    period, annual = clause.period, clause.annual
    return (
        clause.number,
        clause.level1 and clause.level1.name,
        clause.level2 and clause.level2.name,
        clause.name,
        period and period.text,
        annual and annual.text,
    )


def test_numbered_lines_are_one_clause_each_with_their_categories() -> None:
    result = clauses(NUMBERED)
    assert [read(c) for c in result] == READ
    for clause in result:
        assert clause.form == "coded"
        assert clause.level1 is not None and clause.level1.code is None
        assert clause.issues == ()  # the form's own colon after the name is no defect
    first, *_, last = result
    assert first.text == NUMBERED.splitlines()[0]
    assert last.text == NUMBERED.splitlines()[3]
    line = NUMBERED.splitlines()[1]
    assert result[1].span.line == 2 and result[1].span.column == 1
    assert result[1].name_span.column == line.index("重点人群签约率") + 1
    assert result[1].level2 is not None and result[1].level2.span.line == 2


@pytest.mark.parametrize(
    ("number", "dash"),
    [("、", "-"), ("．", "-"), (".", "—"), (".", "－"), (".", "——"), ("、", "–")],
)
def test_numbers_and_dashes_of_every_kind(number: str, dash: str) -> None:
    text = NUMBERED.replace("-", dash).replace(".", number)
    assert [read(c) for c in clauses(text)] == READ


def test_lines_without_numbers_are_clauses_whose_numbers_were_lost() -> None:
    result = clauses(UNNUMBERED)
    assert [read(c)[1:] for c in result] == [r[1:] for r in READ]
    assert [c.number for c in result] == [None] * 4
    # Pointed at by the level-1 category, where the number should stand.
    assert [(c.number_span.line, c.number_span.column) for c in result] == [
        (n, 1) for n in range(1, 5)
    ]
    # Its punctuation is still reported: ， for ； and keywords without colons.
    kinds = {issue.kind for issue in result[0].issues}
    assert kinds == {"nonstandard-separator", "missing-colon"}


def test_lines_after_a_closing_full_stop_and_with_windows_line_ends() -> None:
    text = NUMBERED.replace("\n", "。\r\n")
    assert [read(c) for c in clauses(text)] == READ
    text = UNNUMBERED.replace("\n", "。\r\n ")
    assert [read(c)[1:] for c in clauses(text)] == [r[1:] for r in READ]


def test_a_numbered_line_without_categories_ends_the_value_before_it() -> None:
    text = (
        "1.签约居民人数：实施周期指标值：≥5万人；年度指标值：≥5万人\n"
        "2.重点人群签约率：实施周期指标值：≥75%；年度指标值：≥75%"
    )
    first, second = clauses(text)
    assert first.annual is not None and first.annual.text == "≥5万人"
    # The colon before the keyword ends the name, as in the dashed form.
    assert (second.number, second.name) == (2, "重点人群签约率")


def test_a_level_two_category_may_be_missing() -> None:
    (clause,) = clauses("1.产出指标-签约居民人数：年度指标值：≥5万人")
    assert read(clause) == (1, "产出指标", None, "签约居民人数", None, "≥5万人")


@pytest.mark.parametrize(
    "cell",
    [UNNUMBERED.replace("\n", ""), NUMBERED.replace("\n2.", "")],
    ids=["unnumbered", "second-number-lost"],
)
def test_lines_run_together_are_refused_not_read_as_repeats(cell: str) -> None:
    """A PDF line joined without its break: where one indicator ends cannot
    be told, so the stretch is refused, never read with the next
    indicator's values as repeated fields of the first."""
    items = parse_clause_text(cell)
    error = items[0]
    assert isinstance(error, ClauseError)
    assert error.message.startswith("indicators run together")
    assert error.found.endswith("指标—质量指标—") or error.found.endswith("指标-质量指标-")
    assert not any(isinstance(c, Clause) and c.issues for c in items)


# --------------------------------------------------------------------------
# Near misses: text that only looks like the dashed form keeps its reading


@pytest.mark.parametrize(
    ("value", "next_line"),
    [
        # A range with a dash and a decimal point in the value.
        ("2-3个工作日", "2.产出指标-质量指标-办结率：实施周期指标值：100%；年度指标值：100%"),
        ("≥1.85万人次", "2.产出指标-质量指标-办结率：实施周期指标值：100%；年度指标值：100%"),
    ],
)
def test_a_dash_or_a_decimal_in_a_value_stays_in_it(value: str, next_line: str) -> None:
    text = (
        f"1.产出指标-时效指标-办结时限：实施周期指标值：{value}；年度指标值：{value}\n{next_line}"
    )
    first, second = clauses(text)
    assert first.period is not None and first.period.text == value
    assert first.annual is not None and first.annual.text == value
    assert second.number == 2 and second.name == "办结率"


@pytest.mark.parametrize(
    "rest",
    [
        "\n含入户随访与电话随访",  # a line that is no clause
        "\n1.入户随访\n2.电话随访",  # numbered lines without a keyword or category
        "\n产出指标完成情况良好",  # a category-like word without its dash
        "；产出指标-质量指标-签约率",  # dashed categories on the same line
        "\n2-3次随访",  # a coded-looking range
    ],
    ids=["plain-line", "numbered-list", "no-dash", "same-line", "range"],
)
def test_a_value_goes_on_over_lines_that_are_not_clauses(rest: str) -> None:
    text = (
        "1、1-产出指标；11-数量指标；随访人次；实施周期指标值:≥10万人次；年度指标值:≥10万人次"
        + rest
    )
    (clause,) = clauses(text)
    assert clause.annual is not None
    assert clause.annual.text == "≥10万人次" + rest


def test_a_coded_name_with_a_dash_is_read_as_before() -> None:
    (clause,) = clauses("1、1-产出指标；11-数量指标；A-B类设备数量；年度指标值:≥3台。")
    assert (str(clause.level1), str(clause.level2), clause.name) == (
        "1-产出指标",
        "11-数量指标",
        "A-B类设备数量",
    )


def test_dashed_categories_in_mid_line_do_not_start_a_clause() -> None:
    """Only a clause number, the start of the cell or of a line opens the
    dashed form: categories after text on a line stay in that text."""
    items = parse_clause_text("说明：产出指标-数量指标-签约居民人数：年度指标值：≥5万人")
    assert isinstance(items[0], ClauseError) or (
        isinstance(items[0], Clause) and items[0].level1 is None
    )


# --------------------------------------------------------------------------
# Generated cells

LEVELS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
]
NAMES = ["签约居民人数", "重点人群签约率", "健康随访人次", "培训合格率", "急救呼叫满足率"]
VALUES = ["≥5万人", "≥75%", "100%", "≤12分钟", "2-3个工作日", "≥1.85万人次", "……", "有效改善"]


@st.composite
def indicator_lines(draw: st.DrawFn) -> tuple[str, list[tuple[object, ...]]]:
    count = draw(st.integers(1, 6))
    numbered = draw(st.booleans())
    number_mark = draw(st.sampled_from(["、", ".", "．"]))
    dash = draw(st.sampled_from(["-", "—", "－"]))
    end = draw(st.sampled_from(["", "。", "；", " "]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines: list[str] = []
    expected: list[tuple[object, ...]] = []
    for index in range(1, count + 1):
        level1, level2 = draw(st.sampled_from(LEVELS))
        name = draw(st.sampled_from(NAMES))
        period, annual = draw(st.sampled_from(VALUES)), draw(st.sampled_from(VALUES))
        head = f"{index}{number_mark}" if numbered else ""
        lines.append(
            f"{head}{level1}{dash}{level2}{dash}{name}：实施周期指标值：{period}；年度指标值：{annual}{end}"
        )
        expected.append((index if numbered else None, level1, level2, name, period, annual))
    return newline.join(lines), expected


@settings(max_examples=200, deadline=None)
@given(indicator_lines())
def test_generated_cells_read_one_clause_per_line(
    cell: tuple[str, list[tuple[object, ...]]],
) -> None:
    text, expected = cell
    assert [read(c) for c in clauses(text)] == expected


# --------------------------------------------------------------------------
# The rules see the defects


def _workbook(tmp_path: Path, cells: list[tuple[str, str]]) -> Path:
    """A Guangzhou-form workbook with one project row per ``(name, cell)``."""
    from tests.national import _writers

    header = [cell or "" for cell in SEED_002_HEADER]
    width = len(header)
    rows: list[list[str | None]] = [
        ["广州市某区卫生健康局2025年项目支出绩效目标表"] + [None] * (width - 1),
        ["单位：万元"] + [None] * (width - 1),
        list(header),
    ]
    for name, indicators in cells:
        row: list[str | None] = [None] * width
        row[0], row[1], row[2] = name, "260.00", "260.00"
        row[header.index("绩效目标")] = (
            "推进家庭医生签约服务，提高重点人群签约率和居民健康管理水平。"
        )
        row[header.index("绩效指标")] = indicators
        rows.append(row)
    path = tmp_path / "lines.xlsx"
    _writers().write_xlsx(path, [("Sheet1", rows, [])])
    return path


@pytest.mark.parametrize("cell", [NUMBERED, UNNUMBERED], ids=["numbered", "unnumbered"])
def test_the_rules_find_the_defects_of_each_line(tmp_path: Path, cell: str) -> None:
    placeholder = cell.replace("年度指标值：≥75%", "年度指标值：……").replace(
        "年度指标值≥75%", "年度指标值……"
    )
    path = _workbook(tmp_path, [("家庭医生签约服务经费", cell), ("签约服务补助", placeholder)])
    findings = lint(path)
    rules = [f.rule for f in findings]
    assert "annual-period-mismatch" in rules
    assert "percent-out-of-range" in rules
    assert "placeholder" in rules
    assert not {"repeated-field", "missing-field", "parse-error"} & set(rules)
    mismatch = next(f for f in findings if f.rule == "annual-period-mismatch")
    assert "≥12万人次" in mismatch.message


def test_lines_without_numbers_are_one_numbering_finding_per_cell(tmp_path: Path) -> None:
    """A cell that numbers none of its lines is told so once, not once a line;
    the numbered lines are not told anything."""
    path = _workbook(tmp_path, [("家庭医生签约服务经费", UNNUMBERED), ("签约服务补助", NUMBERED)])
    numbering = [f for f in lint(path) if f.rule == "clause-numbering"]
    assert [(f.project, f.message) for f in numbering] == [
        ("家庭医生签约服务经费", "绩效指标栏的4条指标都没有序号：应按1、2、3……编号")
    ]


def test_the_reason_a_stretch_is_no_clause_is_said_in_chinese() -> None:
    """The parser's reasons come to a Chinese report in Chinese: lines run
    together, an item whose name cannot be told from its value."""
    run_together = NUMBERED.replace("\n2.", "")
    (finding,) = lint(_one(run_together), ["parse-error"])
    assert finding.message.startswith("第1条指标无法解析：几条指标连在一起：")
    assert "产出指标-质量指标-" in finding.message and "indicators" not in finding.message
    fused = "1.产出指标：数量指标：培训人数≥1000人；2.效益指标：社会效益指标：技能人才队伍结构持续优化。"
    (finding,) = lint(_one(fused), ["parse-error"])
    assert finding.message.startswith("第2条指标无法解析：无法区分指标名称和指标值：只有文字，")
    assert "定性指标的名称和目标连写" in finding.message and "qualitative" not in finding.message


# --------------------------------------------------------------------------
# Categories, then names fused with their values

# A county human-resources bureau's 农村劳动力转移就业培训 and 公益性岗位补贴.
FUSED = (
    "产出指标：数量指标：培训人数≥1000人；质量指标：培训合格率≥95%。"
    "效益指标：社会效益指标：培训后就业率≥160%。"
    "满意度指标：服务对象满意度指标：学员满意度≥90%。"
)
FUSED_READ = [
    (None, "产出指标", "数量指标", "培训人数", None, "≥1000人"),
    (None, "产出指标", "质量指标", "培训合格率", None, "≥95%"),
    (None, "效益指标", "社会效益指标", "培训后就业率", None, "≥160%"),
    (None, "满意度指标", "服务对象满意度指标", "学员满意度", None, "≥90%"),
]
FUSED_PLACEHOLDER = (
    "产出指标：数量指标：安置人数≥200人；时效指标：补贴发放及时率待补充。"
    "效益指标：社会效益指标：就业困难人员再就业率≥80%。"
    "满意度指标：服务对象满意度指标：安置人员满意度≥90%。"
)


def test_each_level_two_item_is_one_clause_with_the_annual_value() -> None:
    result = clauses(FUSED)
    assert [read(c) for c in result] == FUSED_READ
    for clause in result:
        assert clause.form == "legacy"
        assert [f.keyword for f in clause.fields] == ["年度指标值"]
        # The parse says the keyword is absent, where it should stand.
        (issue,) = clause.issues
        assert (issue.kind, issue.detail) == ("missing-keyword", "年度指标值")
        assert clause.annual is not None and issue.span.column == clause.annual.span.column
    first, second = result[:2]
    assert first.text == "产出指标：数量指标：培训人数≥1000人"[5:]
    assert second.text == "质量指标：培训合格率≥95%"
    assert second.name_span.column == FUSED.index("培训合格率") + 1
    assert second.level1 is not None and second.level1.span.column == 1
    assert second.number_span.column == FUSED.index("质量指标") + 1


@pytest.mark.parametrize(
    ("item", "name", "value"),
    [
        ("补贴发放及时率待补充", "补贴发放及时率", "待补充"),
        ("补贴发放及时率……", "补贴发放及时率", "……"),
        ("培训时长不少于40学时", "培训时长", "不少于40学时"),
        ("档案完整率100%", "档案完整率", "100%"),
        ("12345热线接通率≥95%", "12345热线接通率", "≥95%"),
        ("12345热线接通率95%", "12345热线接通率", "95%"),
        ("每万人拥有医生数3.5人", "每万人拥有医生数", "3.5人"),
        ("覆盖村数1,200个", "覆盖村数", "1,200个"),
        ("平均急救反应时间≤12分钟", "平均急救反应时间", "≤12分钟"),
        ("培训合格率：≥95%", "培训合格率", "≥95%"),
        ("资金拨付时间2025年6月30日前", "资金拨付时间", "2025年6月30日前"),  # a date, whole
        ("培训完成时限2025.12", "培训完成时限", "2025.12"),
        ("补贴发放时间每年6月30日前", "补贴发放时间每年", "6月30日前"),
        ("第2期培训人数100人", "第2期培训人数", "100人"),  # no date: the last number
        # after the name's colon, whatever the value holds
        ("新建道路长度：5-8公里", "新建道路长度", "5-8公里"),
        ("培训人数：完成300人培训", "培训人数", "完成300人培训"),
        ("服务时间：8:30-17:30", "服务时间", "8:30-17:30"),  # a time's colon is no name's
    ],
)
def test_where_a_value_begins(item: str, name: str, value: str) -> None:
    first, second = clauses(f"产出指标：数量指标：培训人数≥1000人；质量指标：{item}。")
    assert (second.name, second.annual and second.annual.text) == (name, value)
    assert first.annual is not None and first.annual.text == "≥1000人"


@pytest.mark.parametrize(
    "cell",
    [
        FUSED.replace("指标：", "指标-"),
        FUSED.replace("指标：", "指标—"),
        FUSED.replace("指标：", "指标 - "),
        # the full dashed form without value keywords: the name closed by its colon
        FUSED.replace("指标：", "指标-").replace("人数≥", "人数：≥").replace("格率≥", "格率：≥"),
    ],
)
def test_categories_joined_by_dashes_read_as_by_colons(cell: str) -> None:
    assert [read(c) for c in clauses(cell)] == FUSED_READ


def test_a_dash_after_one_category_only_is_no_fused_cell() -> None:
    # a name after the dash, no second category: the grammar's clause, as before
    (clause,) = clauses("1、产出指标-培训人数≥300人。")
    assert isinstance(clause, Clause) and clause.level2 is None


OUTLINE_INLINE = (
    "一、产出指标：1.数量指标：培训人数≥300人；2.质量指标：合格率≥90%。"
    "二、效益指标：1.社会效益指标：带动就业人数≥100人。"
    "三、满意度指标：1.服务对象满意度：≥90%；2.群众满意度≥85%"
)


def test_an_outlines_numbered_headings_in_one_line_head_their_items() -> None:
    # 三、满意度指标 is the level-1 category of the items after it, though they
    # name no level-2 one of their own; each heading numbers its items from 1
    assert [read(c) for c in clauses(OUTLINE_INLINE)] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥300人"),
        (2, "产出指标", "质量指标", "合格率", None, "≥90%"),
        (1, "效益指标", "社会效益指标", "带动就业人数", None, "≥100人"),
        (1, "满意度指标", None, "服务对象满意度", None, "≥90%"),
        (2, "满意度指标", None, "群众满意度", None, "≥85%"),
    ]
    table = tsv_table([project_row("职业培训项目", OUTLINE_INLINE)])
    rules = ["clause-numbering", "category-mismatch", "category-keyword-mismatch"]
    assert lint(table, rules) == []


def test_a_level_one_name_not_numbered_as_a_heading_keeps_its_place() -> None:
    # 成本指标 under 产出指标 is the older scheme's level-2 category
    assert [
        read(c)
        for c in clauses("产出指标：成本指标：人均培训成本≤1000元；数量指标：培训人数≥300人")
    ] == [
        (None, "产出指标", "成本指标", "人均培训成本", None, "≤1000元"),
        (None, "产出指标", "数量指标", "培训人数", None, "≥300人"),
    ]


def test_an_item_whose_value_cannot_be_told_is_an_error_of_its_own() -> None:
    items = parse_clause_text(
        "产出指标：数量指标：培训人数≥1000人。效益指标：社会效益指标：困境儿童生活改善情况有效改善。"
        "满意度指标：服务对象满意度指标：学员满意度≥90%。"
    )
    first, error, last = items
    assert isinstance(first, Clause) and isinstance(last, Clause)
    assert isinstance(error, ClauseError)
    assert error.text == "社会效益指标：困境儿童生活改善情况有效改善"
    assert "cannot tell the indicator name from its value" in error.message
    assert last.annual is not None and last.annual.text == "≥90%"


def test_numbered_items_and_items_without_a_category() -> None:
    result = clauses(
        "产出指标：1、数量指标：安置人数≥200人；2、时效指标：补贴发放及时率≥95%；发放人数≥200人。"
    )
    assert [read(c) for c in result] == [
        (1, "产出指标", "数量指标", "安置人数", None, "≥200人"),
        (2, "产出指标", "时效指标", "补贴发放及时率", None, "≥95%"),
        (None, "产出指标", None, "发放人数", None, "≥200人"),
    ]
    assert result[1].number_span.column == 1 + len("产出指标：1、数量指标：安置人数≥200人；")


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [("1、", "2、", "3、"), ("①", "②", "③"), ("（1）", "（2）", "（3）"), ("一、", "二、", "三、")],
)
def test_a_number_before_each_items_level_one_category_is_the_items(
    first: str, second: str, third: str
) -> None:
    """Each indicator written with its own level-1 category and a number of
    any style before it: the number is the indicator's, never part of the
    category's name (``①产出指标``)."""
    result = clauses(
        f"{first}产出指标：数量指标：培训人数≥1000人；{second}产出指标：质量指标：培训合格率≥95%；"
        f"{third}满意度指标：服务对象满意度指标：学员满意度≥90%。"
    )
    assert [read(c) for c in result] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥1000人"),
        (2, "产出指标", "质量指标", "培训合格率", None, "≥95%"),
        (3, "满意度指标", "服务对象满意度指标", "学员满意度", None, "≥90%"),
    ]
    assert result[1].number_span.column == 1 + len(f"{first}产出指标：数量指标：培训人数≥1000人；")


def test_numbers_before_categories_that_head_several_items_number_no_item() -> None:
    """Near miss: ``1.产出指标：数量指标：…；质量指标：…。2.满意度指标：…`` numbers
    the categories; its indicators are not numbered (and the lint says so
    once for the cell, not that one indicator lost its number)."""
    cell = (
        "1.产出指标：数量指标：培训人数≥1000人；质量指标：培训合格率≥95%。"
        "2.满意度指标：服务对象满意度指标：学员满意度≥90%。"
    )
    assert [c.number for c in clauses(cell)] == [None, None, None]
    (finding,) = [f for f in lint(_one(cell)) if f.rule == "clause-numbering"]
    assert finding.message == "绩效指标栏的3条指标都没有序号：应按1、2、3……编号"


def test_a_level_one_category_numbered_twice_numbers_items_not_categories() -> None:
    """Near miss of the above: 产出指标 written again with each item's number
    (1. and 2.) numbers the items, so the item after 2 without its own
    category and number is one that lost its number, not a sign that the
    cell numbers no indicator."""
    cell = (
        "1.产出指标：数量指标：培训人数≥1000人；2.产出指标：质量指标：培训合格率≥95%；"
        "时效指标：培训完成率≥100%；3.效益指标：社会效益指标：就业率≥80%；"
        "4.满意度指标：服务对象满意度指标：学员满意度≥90%。"
    )
    assert [c.number for c in clauses(cell)] == [1, 2, None, 3, 4]
    messages = [f.message for f in lint(_one(cell)) if f.rule == "clause-numbering"]
    assert messages and not any("都没有序号" in m for m in messages)


def test_a_skipped_circled_number_in_the_fused_form_is_broken_numbering() -> None:
    cell = (
        "①产出指标：数量指标：培训人数≥1000人；②产出指标：质量指标：培训合格率≥95%；"
        "④满意度指标：服务对象满意度指标：学员满意度≥90%。"
    )
    (finding,) = [f for f in lint(_one(cell)) if f.rule == "clause-numbering"]
    assert finding.message == "指标序号不连续：应为3，实为4"


def _one(indicators: str) -> str:
    return tsv_table([project_row("职业技能培训经费", indicators)])


# --------------------------------------------------------------------------
# An outline: each level-1 category on a line of its own, over its clauses

# A county human-resources bureau's 职业技能培训经费, written as an outline.
OUTLINE = (
    "一、产出指标\n"
    "1.数量指标：培训人数，实施周期指标值：≥1000人；年度指标值：≥1000人\n"
    "2.质量指标：培训合格率，年度指标值：≥95%\n"
    "二、效益指标\n"
    "3.社会效益指标：培训后就业率，年度指标值：≥60%\n"
    "三、满意度指标\n"
    "4.服务对象满意度指标：学员满意度，年度指标值：≥90%"
)


def test_an_outlines_headings_are_the_level_one_categories_of_the_clauses_under_them(
    tmp_path: Path,
) -> None:
    result = parse_clause_text(OUTLINE)
    assert all(isinstance(c, Clause) for c in result)
    assert [read(c) for c in result] == [  # type: ignore[arg-type]
        (1, "产出指标", "数量指标", "培训人数", "≥1000人", "≥1000人"),
        (2, "产出指标", "质量指标", "培训合格率", None, "≥95%"),
        (3, "效益指标", "社会效益指标", "培训后就业率", None, "≥60%"),
        (4, "满意度指标", "服务对象满意度指标", "学员满意度", None, "≥90%"),
    ]
    second, third = result[1], result[2]
    assert isinstance(second, Clause) and isinstance(third, Clause)
    # The heading never runs into the value before it.
    assert second.annual is not None and second.annual.text == "≥95%"
    assert third.level1 is not None and third.level1.span.line == 4
    assert [c.section for c in result] == [1, 1, 2, 3]  # type: ignore[union-attr]
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", OUTLINE)]))
    assert [f.rule for f in findings if f.severity != "info"] == []


def test_a_heading_left_without_indicators_is_no_part_of_the_value_above(
    tmp_path: Path,
) -> None:
    """A template's heading with nothing under it, before the next heading:
    the value above ends before it, and the project lacks that category."""
    cell = (
        "一、产出指标\n1.数量指标：培训人数，年度指标值：≥1000人\n"
        "二、效益指标\n"
        "三、满意度指标\n2.服务对象满意度指标：学员满意度，年度指标值：≥90%"
    )
    first, second = clauses(cell)
    assert first.annual is not None and first.annual.text == "≥1000人"
    assert second.level1 is not None and second.level1.name == "满意度指标"
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", cell)]))
    assert [(f.rule, f.severity) for f in findings if f.severity != "info"] == [
        ("missing-category", "warning")
    ]


def test_an_outlines_heading_over_coded_level_two_clauses() -> None:
    """Clauses that code their level-2 category (11-数量指标) under a heading
    that names the level-1: the heading is their level-1 category."""
    cell = (
        "一、产出指标\n1、11-数量指标；维护终端数量；实施周期指标值：≥600个；年度指标值：≥600个。\n"
        "二、满意度指标\n2、31-服务对象满意度；群众满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
    )
    assert [read(c)[:3] for c in clauses(cell)] == [
        (1, "产出指标", "数量指标"),
        (2, "满意度指标", "服务对象满意度"),
    ]
    assert [c.level2 and c.level2.code for c in clauses(cell)] == ["11", "31"]
    # Near miss: a level-1 code under a heading is the clause's own level-1.
    coded = cell.replace("1、11-数量指标；", "1、1-产出指标；11-数量指标；")
    assert read(clauses(coded)[0])[:3] == (1, "产出指标", "数量指标")


@pytest.mark.parametrize("title", ["绩效指标：", "绩效指标", "年度绩效指标：", "　　绩效指标："])
def test_the_cells_own_title_over_its_clauses_is_no_clause(title: str) -> None:
    cell = f"{title}\n1、1-产出指标；11-数量指标；培训人数；实施周期指标值：≥1000人；年度指标值：≥1000人。"
    (clause,) = clauses(cell)
    assert read(clause) == (1, "产出指标", "数量指标", "培训人数", "≥1000人", "≥1000人")
    assert clause.section == 0


def test_an_outline_may_number_each_headings_clauses_from_one(tmp_path: Path) -> None:
    """Headings without numbers, with a colon, and clauses numbered from 1
    under each: no numbering finding; a skip within a heading is one."""
    cell = (
        "产出指标：\n"
        "1.数量指标：培训人数，年度指标值：≥1000人\n"
        "2.质量指标：培训合格率，年度指标值：≥95%；\n"
        "效益指标\n"
        "1.社会效益指标：培训后就业率，年度指标值：≥60%。\n"
        "满意度指标\n"
        "1.服务对象满意度指标：学员满意度，年度指标值：≥90%"
    )
    assert [read(c)[:3] for c in clauses(cell)] == [
        (1, "产出指标", "数量指标"),
        (2, "产出指标", "质量指标"),
        (1, "效益指标", "社会效益指标"),
        (1, "满意度指标", "服务对象满意度指标"),
    ]
    path = _workbook(tmp_path, [("职业技能培训经费", cell)])
    assert [f for f in lint(path) if f.rule == "clause-numbering"] == []
    skipped = cell.replace("2.质量指标", "3.质量指标")
    path = _workbook(tmp_path, [("职业技能培训经费", skipped)])
    (finding,) = [f for f in lint(path) if f.rule == "clause-numbering"]
    assert finding.message == "指标序号不连续：应为2，实为3"


@st.composite
def outlines(draw: st.DrawFn) -> tuple[str, list[tuple[object, ...]]]:
    """An outline of 1–4 headings in one style, each over 1–3 clauses numbered
    on through the cell or from 1 under each heading."""
    style = draw(
        st.sampled_from(
            [
                "一、{}",
                "（一）{}",
                "{}",
                "{}：",
                "一、{}：",
                "\u3000\u3000一、{}",  # indented with full-width spaces
                "    {}\u00a0",  # spaces before, a no-break space after
                "一、{}（30分）",  # its weight
                "\t（一）{}（20分）：",
            ]
        )
    )
    restart = draw(st.booleans())
    numerals = "一二三四"
    lines: list[str] = []
    expected: list[tuple[object, ...]] = []
    number = 0
    sections = draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=4))
    for index, (level1, level2) in enumerate(sections):
        lines.append(style.replace("一", numerals[index]).format(level1))
        number = 0 if restart else number
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            name = draw(st.sampled_from(NAMES))
            value = draw(st.sampled_from(VALUES))
            end = draw(st.sampled_from(["", "；", "。"]))
            lines.append(f"{number}.{level2}：{name}，年度指标值：{value}{end}")
            expected.append((number, level1, level2, name, None, value))
    return "\n".join(lines), expected


@given(outlines())
def test_generated_outlines_read_each_clause_under_its_heading(
    cell: tuple[str, list[tuple[object, ...]]],
) -> None:
    text, expected = cell
    assert [read(c) for c in clauses(text)] == expected


@pytest.mark.parametrize("colon", ["", "："])
def test_an_outline_of_names_fused_with_their_values(tmp_path: Path, colon: str) -> None:
    """An outline without keywords: each heading's lines fuse a level-2
    category, a name and its value, and may be numbered from 1 again."""
    cell = (
        f"一、产出指标{colon}\n1.数量指标：培训人数≥1000人\n2.质量指标：培训合格率≥95%\n"
        f"二、效益指标{colon}\n1.社会效益指标：培训后就业率≥80%\n"
        f"三、满意度指标{colon}\n1.服务对象满意度指标：学员满意度≥90%"
    )
    assert [read(c) for c in clauses(cell)] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥1000人"),
        (2, "产出指标", "质量指标", "培训合格率", None, "≥95%"),
        (1, "效益指标", "社会效益指标", "培训后就业率", None, "≥80%"),
        (1, "满意度指标", "服务对象满意度指标", "学员满意度", None, "≥90%"),
    ]
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", cell)]))
    assert [f.rule for f in findings if f.severity != "info"] == []


def test_items_after_a_fused_category_are_of_that_category_up_to_the_next() -> None:
    """``数量指标：培训人数≥1000人；发放人数≥200人``: the second item is a 数量 one too,
    as a reader takes it, until another category begins."""
    cell = (
        "产出指标：数量指标：培训人数≥1000人；发放补贴人数≥200人；质量指标：培训合格率≥95%；"
        "考核通过率≥90%。满意度指标：服务对象满意度指标：学员满意度≥90%"
    )
    assert [read(c)[1:4] for c in clauses(cell)] == [
        ("产出指标", "数量指标", "培训人数"),
        ("产出指标", "数量指标", "发放补贴人数"),
        ("产出指标", "质量指标", "培训合格率"),
        ("产出指标", "质量指标", "考核通过率"),
        ("满意度指标", "服务对象满意度指标", "学员满意度"),
    ]
    outline = "一、产出指标\n数量指标：培训人数≥1000人\n发放补贴人数≥200人\n二、满意度指标\n学员满意度≥90%"
    assert [read(c)[1:4] for c in clauses(outline)] == [
        ("产出指标", "数量指标", "培训人数"),
        ("产出指标", "数量指标", "发放补贴人数"),
        ("满意度指标", None, "学员满意度"),
    ]


WATER = [
    (1, "产出指标", "数量指标", "维修养护供水工程处数", "≥42处", "≥42处"),
    (2, "产出指标", "质量指标", "出厂水水质检测合格率", "≥95%", "≥95%"),
    (3, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "≥90%"),
]
"""A county water bureau's 农村饮水安全工程维修养护: what a reviewer reads in each
writing of its categories below."""


@pytest.mark.parametrize(
    ("left", "middle", "right", "between"),
    [
        ("", "/", "/", "："),  # 产出指标/数量指标/名称：
        ("【", "-", "】", ""),  # 【产出指标-数量指标】名称
        ("", "（", "）：", ""),  # 产出指标（数量指标）：名称
        ("", " ", " ", " "),  # 产出指标 数量指标 名称
        ("", "｜", "｜", "："),  # a full-width bar
    ],
    ids=["slash", "bracket", "paren", "space", "bar"],
)
def test_categories_separated_by_other_marks_are_read_as_categories(
    left: str, middle: str, right: str, between: str
) -> None:
    """Whatever separates a clause's level-1 and level-2 categories (a slash,
    brackets, a space), they are its categories, never part of its name, and
    the clauses after it are not run into its values."""
    cell = "".join(
        f"{n}、{left}{l1}{middle}{l2}{right}{name}{between}"
        f"实施周期指标值：{period}；年度指标值：{annual}。"
        for n, l1, l2, name, period, annual in WATER
    )
    assert [read(c) for c in clauses(cell)] == WATER


@pytest.mark.parametrize(
    ("written", "levels"),
    [
        ("数量指标", ("产出指标", "数量指标")),
        ("社会效益指标", ("效益指标", "社会效益指标")),
        ("服务对象满意度指标", ("满意度指标", "服务对象满意度指标")),
        ("生态环境成本指标", ("成本指标", "生态环境成本指标")),
        # the framework's level-2 names written without their 指标
        ("经济效益", ("效益指标", "经济效益")),
        ("可持续影响", ("效益指标", "可持续影响")),
        ("服务对象满意度", ("满意度指标", "服务对象满意度")),
        # Near misses: a level-1 category, and 成本指标 (level-2 in 2021, level-1 in
        # 2025), stay the clause's one category.
        ("满意度指标", ("满意度指标", None)),
        ("成本指标", ("成本指标", None)),
        ("产出指标", ("产出指标", None)),
    ],
)
def test_an_older_clause_naming_a_level_two_category_stands_under_its_level_one(
    written: str, levels: tuple[str, str | None]
) -> None:
    """``1、数量指标：名称，年度指标值：…``: the one category an older clause names,
    when it is a level-2 one of the national framework, is its level-2 category,
    under the level-1 one the framework puts it under."""
    (clause,) = clauses(f"1、{written}：维修养护供水工程处数，年度指标值：≥42处。")
    assert read(clause)[1:3] == levels
    assert clause.form == "legacy"


def test_an_older_cell_of_level_two_categories_is_checked_as_the_coded_one(
    tmp_path: Path,
) -> None:
    cell = (
        "1、数量指标：维修养护供水工程处数，年度指标值：按计划推进。"
        "2、社会效益指标：受益群众满意率，年度指标值：≥90%。"
        "3、服务对象满意度指标：受益群众满意度，年度指标值：≥90%。"
    )
    findings = lint(_workbook(tmp_path, [("农村饮水安全工程维修养护经费", cell)]))
    assert sorted((f.rule, f.cell_clause) for f in findings if f.severity != "info") == [
        ("category-keyword-mismatch", 2),
        ("not-quantified", 1),
    ]


def test_a_forms_labels_in_a_clause_are_no_part_of_its_categories_or_name() -> None:
    """``1.一级指标：产出指标；二级指标：数量指标；三级指标：名称；…``: a form's
    columns written as labels before their values."""
    cell = "".join(
        f"{n}.一级指标：{l1}；二级指标：{l2}；三级指标：{name}；实施周期指标值：{period}；"
        f"年度指标值：{annual}。"
        for n, l1, l2, name, period, annual in WATER
    )
    assert [read(c) for c in clauses(cell)] == WATER


def test_a_colon_before_the_keyword_ends_the_name() -> None:
    cell = "".join(
        f"{n}.{l1}：{l2}：{name}：实施周期指标值：{period}；年度指标值：{annual}。"
        for n, l1, l2, name, period, annual in WATER
    )
    assert [read(c) for c in clauses(cell)] == WATER


@pytest.mark.parametrize(
    "value",
    ["完成产出指标/数量指标各项任务", "产出指标（数量指标）全部完成", "按一级指标：产出指标考核"],
)
def test_category_words_inside_a_value_stay_the_values(value: str) -> None:
    """Near miss: category names with a slash or brackets inside a value, not
    at a clause's start, are the value's."""
    cell = (
        f"1、1-产出指标；11-数量指标；工作完成情况；实施周期指标值：{value}；年度指标值：{value}。"
    )
    (clause,) = clauses(cell)
    assert read(clause) == (1, "产出指标", "数量指标", "工作完成情况", value, value)


@pytest.mark.parametrize(
    "note", ["注：以上指标值均为年度考核口径。", "备注: 数据来源于年度统计", "说明1：略"]
)
def test_a_note_on_a_line_of_its_own_ends_the_value_before_it(note: str) -> None:
    cell = (
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值：≥1000人；年度指标值：≥1000人"
        f"\n{note}"
    )
    (clause,) = clauses(cell)
    assert clause.annual is not None and clause.annual.text == "≥1000人"
    # Near miss: 注 inside a value's own line is the value's.
    (clause,) = clauses(cell.replace(f"\n{note}", "（注：含线上培训）"))
    assert clause.annual is not None and clause.annual.text == "≥1000人（注：含线上培训）"


def test_a_clause_whose_number_is_used_again_is_named_by_its_place(tmp_path: Path) -> None:
    """In a workbook, reports name the clause beside the cell: under an
    outline that numbers each heading's clauses from 1, and in a cell that
    numbers none, by its place in the cell (第3条), never by a number three
    clauses share or by none."""
    outline = (
        "一、产出指标\n1.数量指标：培训人数，年度指标值：≥1000人\n"
        "2.质量指标：培训合格率，年度指标值：≥95%\n"
        "二、效益指标\n1.社会效益指标：培训后就业率，年度指标值：待补充\n"
        "三、满意度指标\n1.服务对象满意度指标：学员满意度，年度指标值：≥90%"
    )
    fused = FUSED_PLACEHOLDER
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", outline), ("公益性岗位补贴", fused)]))
    placeholders = [(f.project, f.cell_clause) for f in findings if f.rule == "placeholder"]
    assert placeholders == [("职业技能培训经费", 3), ("公益性岗位补贴", 2)]


@pytest.mark.parametrize(
    "cell",
    [
        # A numbered category with nothing after it, then the next clause: an
        # empty clause, numbered as the clauses are, never a heading.
        "1、满意度指标：\n2、产出指标：设备验收合格率，年度指标值：100%。",
        # A value on its own line that ends in 指标, before the next clause.
        "1、产出指标：完成情况，年度指标值：\n完成考核指标\n2、满意度指标：满意度，年度指标值：≥90%",
    ],
    ids=["empty-clause", "value-line"],
)
def test_lines_that_are_no_heading_read_as_before(cell: str) -> None:
    first, second = parse_clause_text(cell)
    assert isinstance(first, Clause) and isinstance(second, Clause)
    assert (first.number, second.number) == (1, 2)
    assert first.level2 is None and second.level2 is None
    assert (first.section, second.section) == (0, 0)


@pytest.mark.parametrize(
    "cell",
    [
        # Keywords: the cell is read by the grammar, as before.
        "1、产出指标：数量指标：培训人数，年度指标值：1000人",
        # One category only: no level-2 category after it.
        "产出指标：培训人数≥1000人。",
        # Text before the categories.
        "说明：产出指标：数量指标：培训人数≥1000人",
        # The coded form.
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥1000人；年度指标值:≥1000人。",
    ],
    ids=["keywords", "one-category", "text-before", "coded"],
)
def test_cells_not_in_the_fused_form_read_as_before(cell: str) -> None:
    for item in parse_clause_text(cell):
        if isinstance(item, Clause):
            assert all(issue.kind != "missing-keyword" for issue in item.issues)


@st.composite
def fused_cells(draw: st.DrawFn) -> tuple[str, list[tuple[object, ...]]]:
    groups = draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=4))
    parts: list[str] = []
    expected: list[tuple[object, ...]] = []
    for level1, level2 in groups:
        items = []
        for _ in range(draw(st.integers(1, 3))):
            name = draw(st.sampled_from(NAMES))
            value = draw(
                st.sampled_from(["≥5万人", "≥75%", "100%", "≤12分钟", "待补充", "不低于90%"])
            )
            items.append(f"{level2}：{name}{value}")
            expected.append((None, level1, level2, name, None, value))
        parts.append(f"{level1}：" + draw(st.sampled_from(["；", ";", "\n"])).join(items) + "。")
    return draw(st.sampled_from(["", "\n"])).join(parts), expected


@settings(max_examples=200, deadline=None)
@given(fused_cells())
def test_generated_fused_cells_read_one_clause_per_item(
    cell: tuple[str, list[tuple[object, ...]]],
) -> None:
    text, expected = cell
    assert [read(c) for c in clauses(text)] == expected


def test_the_rules_find_the_defects_of_each_fused_item(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [("转移就业培训", FUSED), ("公益性岗位补贴", FUSED_PLACEHOLDER)])
    findings = lint(path)
    rules = [f.rule for f in findings]
    assert "percent-out-of-range" in rules
    placeholder = next(f for f in findings if f.rule == "placeholder")
    assert "待补充" in placeholder.message
    assert not {"missing-field", "parse-error"} & set(rules)
    punctuation = [f for f in findings if f.rule == "nonstandard-punctuation"]
    assert [f.project for f in punctuation] == ["转移就业培训", "公益性岗位补贴"]  # one a cell
    assert all("缺少关键词「年度指标值：」" in f.message for f in punctuation)


def test_dashed_categories_are_judged_by_name(tmp_path: Path) -> None:
    """一级-二级 without codes: a 二级 of another 一级 is a category-mismatch,
    as in the national template; the lines as written have none."""
    wrong = NUMBERED.replace("2.产出指标-质量指标", "2.效益指标-质量指标")
    path = _workbook(tmp_path, [("家庭医生签约服务经费", NUMBERED), ("签约服务补助", wrong)])
    mismatches = [f for f in lint(path) if f.rule == "category-mismatch"]
    assert [(f.project, f.clause) for f in mismatches] == [("签约服务补助", 2)]
    assert "二级指标「质量指标」不属于一级指标「效益指标」" in mismatches[0].message


@pytest.mark.parametrize("name", ["服务对象满意度", "社会效益", "经济效益"])
def test_a_level_two_word_before_the_keyword_is_the_clauses_name(name: str) -> None:
    """Near miss: ``1.服务对象满意度：年度指标值：≥90%`` names its indicator;
    the word is a category only before a name."""
    (clause,) = clauses(f"1.{name}：实施周期指标值：≥90%；年度指标值：≥90%")
    assert read(clause) == (1, None, None, name, "≥90%", "≥90%")
