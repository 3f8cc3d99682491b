"""An indicator cell written as a document's outline: headings of level-1
and level-2 categories on lines of their own, numbered in any style, over
numbered items with or without value keywords::

    一、产出指标
    （一）数量指标
    1.培训人数：≥1000人

Each item is read under the categories of the headings above it; its
numbering may start again under each heading."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause
from audit.parsing import parse_clause_text
from audit.readers.pdftables import join_lines
from tests.conftest import lint
from tests.test_parsing_forms import _workbook, clauses, read

# A county human-resources bureau's training project, as typed in Word and
# pasted into the form's cell.
TWO_LEVELS = (
    "一、产出指标\n"
    "（一）数量指标\n"
    "1.培训人数：≥1000人次\n"
    "2.发放培训补贴人数：≥200人\n"
    "（二）质量指标\n"
    "1.培训合格率：≥90%\n"
    "（三）时效指标\n"
    "1.补贴发放时间：2025年12月底前\n"
    "二、效益指标\n"
    "（一）社会效益指标\n"
    "1.参训人员就业率：≥80%\n"
    "三、满意度指标\n"
    "（一）服务对象满意度指标\n"
    "1.参训学员满意度：≥90%"
)
TWO_LEVELS_READ = [
    (1, "产出指标", "数量指标", "培训人数", None, "≥1000人次"),
    (2, "产出指标", "数量指标", "发放培训补贴人数", None, "≥200人"),
    (1, "产出指标", "质量指标", "培训合格率", None, "≥90%"),
    (1, "产出指标", "时效指标", "补贴发放时间", None, "2025年12月底前"),
    (1, "效益指标", "社会效益指标", "参训人员就业率", None, "≥80%"),
    (1, "满意度指标", "服务对象满意度指标", "参训学员满意度", None, "≥90%"),
]
"""What a reviewer reads in TWO_LEVELS: number, 一级, 二级, name, period, annual."""


def test_a_two_level_outline_reads_each_item_under_both_headings() -> None:
    read_clauses = clauses(TWO_LEVELS)
    assert [read(c) for c in read_clauses] == TWO_LEVELS_READ
    # Each heading opens a section, in which numbering starts again.
    assert [c.section for c in read_clauses] == [2, 2, 3, 4, 6, 8]


def test_items_with_value_keywords_read_under_their_headings() -> None:
    cell = (
        "一、产出指标\n"
        "（一）数量指标\n"
        "1.培训人数，实施周期指标值：≥3000人次；年度指标值：≥1000人次\n"
        "2.发放培训补贴人数，年度指标值：≥200人\n"
        "（二）质量指标\n"
        "1.培训合格率，年度指标值：≥90%\n"
        "二、满意度指标\n"
        "（一）服务对象满意度指标\n"
        "1.参训学员满意度，年度指标值：≥90%"
    )
    assert [read(c) for c in clauses(cell)] == [
        (1, "产出指标", "数量指标", "培训人数", "≥3000人次", "≥1000人次"),
        (2, "产出指标", "数量指标", "发放培训补贴人数", None, "≥200人"),
        (1, "产出指标", "质量指标", "培训合格率", None, "≥90%"),
        (1, "满意度指标", "服务对象满意度指标", "参训学员满意度", None, "≥90%"),
    ]


def test_headings_numbered_as_decimals_read_with_their_items() -> None:
    """``1.产出指标`` / ``1.1数量指标`` / ``1.1.1…``: a heading numbered as
    the clauses are is one where the line under it is numbered deeper; each
    item's number is its last part."""
    cell = (
        "1.产出指标\n"
        "1.1数量指标\n"
        "1.1.1新建农村公路里程，年度指标值：≥35公里\n"
        "1.1.2危桥改造座数，年度指标值：≥6座\n"
        "1.2时效指标\n"
        "1.2.1项目完工时间，年度指标值：2025年11月底前\n"
        "2.满意度指标\n"
        "2.1服务对象满意度指标\n"
        "2.1.1沿线群众满意度，年度指标值：≥90%"
    )
    assert [read(c) for c in clauses(cell)] == [
        (1, "产出指标", "数量指标", "新建农村公路里程", None, "≥35公里"),
        (2, "产出指标", "数量指标", "危桥改造座数", None, "≥6座"),
        (1, "产出指标", "时效指标", "项目完工时间", None, "2025年11月底前"),
        (1, "满意度指标", "服务对象满意度指标", "沿线群众满意度", None, "≥90%"),
    ]
    plain = cell.replace("，年度指标值：", "：")
    assert [read(c)[:4] for c in clauses(plain)] == [
        (1, "产出指标", "数量指标", "新建农村公路里程"),
        (2, "产出指标", "数量指标", "危桥改造座数"),
        (1, "产出指标", "时效指标", "项目完工时间"),
        (1, "满意度指标", "服务对象满意度指标", "沿线群众满意度"),
    ]


def test_level_two_headings_alone_stand_under_their_framework_level_one() -> None:
    """Without level-1 headings, a level-2 heading of the national framework
    stands under the level-1 category the framework puts it under."""
    cell = (
        "（一）数量指标\n1.巡查河道长度：≥120公里\n（二）质量指标\n1.水质达标率：≥95%\n"
        "（三）成本指标\n1.每公里巡查成本：≤0.6万元\n"
        "（四）服务对象满意度指标\n1.群众满意度：≥90%"
    )
    assert [read(c)[:3] for c in clauses(cell)] == [
        (1, "产出指标", "数量指标"),
        (1, "产出指标", "质量指标"),
        # numbered as the level-2 headings are: the level-2 成本指标, under 产出指标
        (1, "产出指标", "成本指标"),
        (1, "满意度指标", "服务对象满意度指标"),
    ]


@pytest.mark.parametrize(
    ("cell", "levels"),
    [
        # 2021: 成本指标 is a level-2 category under 产出指标, numbered as the
        # other level-2 headings are.
        (
            "一、产出指标\n（一）数量指标\n1.救援演练次数：≥4次\n（二）成本指标\n1.演练成本：≤8万元",
            [("产出指标", "数量指标"), ("产出指标", "成本指标")],
        ),
        # 2025: 成本指标 is a level-1 category over 经济成本指标.
        (
            "一、产出指标\n（一）数量指标\n1.救援演练次数：≥4次\n二、成本指标\n"
            "（一）经济成本指标\n1.演练成本：≤8万元",
            [("产出指标", "数量指标"), ("成本指标", "经济成本指标")],
        ),
    ],
    ids=["2021", "2025"],
)
def test_cost_headings_take_their_level_from_their_numbering(
    cell: str, levels: list[tuple[str, str]]
) -> None:
    assert [read(c)[1:3] for c in clauses(cell)] == levels


def test_the_outline_reads_the_same_with_windows_line_breaks_and_a_title() -> None:
    cell = "绩效指标：\r\n" + TWO_LEVELS.replace("\n", "\r\n") + "\r\n"
    assert [read(c) for c in clauses(cell)] == TWO_LEVELS_READ


def test_an_outline_wrapped_in_a_pdf_keeps_its_items_apart() -> None:
    """A PDF cell's wrapped lines are joined, but each heading and each item
    under the outline's headings keeps its line: items without keywords
    would otherwise run together."""
    wrapped = (
        "一、产出指标\n（一）数量指标\n1.培训人数：≥1000\n人次\n2.发放培训补贴\n人数：≥200人\n"
        "二、满意度指标\n（一）服务对象满意度指标\n1.参训学员满意度：≥90%"
    )
    joined = join_lines(wrapped) or ""
    assert [read(c) for c in clauses(joined)] == [
        (1, "产出指标", "数量指标", "培训人数", None, "≥1000人次"),
        (2, "产出指标", "数量指标", "发放培训补贴人数", None, "≥200人"),
        (1, "满意度指标", "服务对象满意度指标", "参训学员满意度", None, "≥90%"),
    ]
    # Near miss: a wrapped decimal (2.5万人) is no item of the outline.
    assert (
        join_lines("一、产出指标\n1.培训人数：≥\n2.5万人次")
        == "一、产出指标\n1.培训人数：≥2.5万人次"
    )


@pytest.mark.parametrize(
    "cell",
    [
        # A coded cell wrapped after a level-2 category: no heading.
        "1、1-产出指标；\n11-数量指标\n；培训人数；实施周期指标值:≥1000人；年度指标值:≥1000人。",
        # A numbered category over a line numbered as it is: an empty clause.
        "1、满意度指标：\n2、产出指标：设备验收合格率，年度指标值：100%。",
        # Text before the first heading-like line: not an outline.
        "1、产出指标：巡查次数，年度指标值：≥12次\n数量指标\n2、产出指标：合格率，年度指标值：100%",
    ],
    ids=["coded-wrap", "empty-clause", "text-before"],
)
def test_lines_that_only_look_like_an_outline_read_as_before(cell: str) -> None:
    items = parse_clause_text(cell)
    assert all(item.section == 0 for item in items if isinstance(item, Clause))
    assert [item.number for item in items] == sorted({item.number for item in items})


def test_a_clean_two_level_outline_lints_clean_and_a_defect_is_named_in_place(
    tmp_path: Path,
) -> None:
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", TWO_LEVELS)]))
    assert [f.rule for f in findings if f.severity != "info"] == []
    drafted = TWO_LEVELS.replace("≥80%", "待补充")
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", drafted)]))
    (placeholder,) = [f for f in findings if f.rule == "placeholder"]
    assert placeholder.cell_clause == 5  # the fifth item of the cell, 就业率
    skipped = TWO_LEVELS.replace("2.发放培训补贴人数", "3.发放培训补贴人数")
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", skipped)]))
    (numbering,) = [f for f in findings if f.rule == "clause-numbering"]
    assert numbering.message == "指标序号不连续：应为2，实为3"


def test_a_missing_level_one_category_is_found_under_level_two_headings(tmp_path: Path) -> None:
    cell = "（一）数量指标\n1.巡查河道长度：≥120公里\n（二）服务对象满意度指标\n1.群众满意度：≥90%"
    findings = lint(_workbook(tmp_path, [("河道巡查保洁经费", cell)]))
    missing = [f.message for f in findings if f.rule == "missing-category"]
    assert missing == ["项目没有「效益指标」类绩效指标，应至少设置一条"]


LEVEL1 = [
    ("产出指标", ("数量指标", "质量指标", "时效指标")),
    ("效益指标", ("社会效益指标", "经济效益指标", "可持续影响指标")),
    ("满意度指标", ("服务对象满意度指标",)),
]
STYLES = [
    ("一、{}", "（一）{}"),
    ("{}：", "{}："),
    ("一、{}（40分）", "（一）{}"),
    ("1.{}", "1.1{}"),
    ("\u3000一、{}", "\u3000\u3000（一）{}"),
]
NAMES = ["巡查次数", "受益群众人数", "设施完好率", "项目完成时间", "群众满意度"]
VALUES = ["≥12次", "≥3000人", "≥95%", "2025年12月31日前", "≥90%"]
NUMERALS = "一二三四五六"


@st.composite
def outlines(draw: st.DrawFn) -> tuple[str, list[tuple[object, ...]]]:
    """An outline of 1–3 level-1 headings, each over 1–2 level-2 headings over
    1–3 items, in one numbering style, with or without value keywords."""
    style1, style2 = draw(st.sampled_from(STYLES))
    keywords = draw(st.booleans())
    lines: list[str] = []
    expected: list[tuple[object, ...]] = []
    chosen = draw(st.lists(st.sampled_from(LEVEL1), min_size=1, max_size=3, unique=True))
    for index1, (level1, level2s) in enumerate(chosen):
        head1 = style1.replace("一", NUMERALS[index1]).replace("1.", f"{index1 + 1}.")
        lines.append(head1.format(level1))
        subs = draw(st.lists(st.sampled_from(level2s), min_size=1, max_size=2, unique=True))
        for index2, level2 in enumerate(subs):
            head2 = style2.replace("一", NUMERALS[index2]).replace(
                "1.1", f"{index1 + 1}.{index2 + 1}"
            )
            lines.append(head2.format(level2))
            for number in range(1, draw(st.integers(1, 3)) + 1):
                pick = draw(st.integers(0, len(NAMES) - 1))
                name, value = NAMES[pick], VALUES[pick]
                prefix = f"{index1 + 1}.{index2 + 1}.{number}" if style1 == "1.{}" else f"{number}."
                body = f"{name}，年度指标值：{value}" if keywords else f"{name}：{value}"
                lines.append(prefix + body)
                expected.append((number, level1, level2, name, None, value))
    return "\n".join(lines), expected


@settings(max_examples=150, deadline=None)
@given(outlines())
def test_generated_two_level_outlines_read_each_item_under_its_headings(
    cell: tuple[str, list[tuple[object, ...]]],
) -> None:
    text, expected = cell
    assert [read(c) for c in clauses(text)] == expected


def test_an_item_filed_under_the_wrong_heading_keeps_the_heading_it_is_under(
    tmp_path: Path,
) -> None:
    """A satisfaction indicator written under the 效益 heading is filed there:
    its level-1 category is the heading's, not the one its level-2 name
    belongs to, and the misfiling is reported."""
    cell = (
        "一、产出指标\n（一）数量指标\n1.培训人数，年度指标值：≥1000人次\n"
        "二、效益指标\n1.社会效益指标：参训人员就业率，年度指标值：≥80%\n"
        "2.服务对象满意度指标：参训学员满意度，年度指标值：≥90%"
    )
    assert [read(c)[1:3] for c in clauses(cell)] == [
        ("产出指标", "数量指标"),
        ("效益指标", "社会效益指标"),
        ("效益指标", "服务对象满意度指标"),
    ]
    findings = lint(_workbook(tmp_path, [("职业技能培训经费", cell)]))
    assert "category-mismatch" in {f.rule for f in findings}


def test_an_items_value_on_the_line_under_its_name_is_the_items() -> None:
    """Where an outline's items are numbered, a line without a number goes on
    with the item above it: its value, written under its name."""
    cell = (
        "一、产出指标\n（一）数量指标\n1.社区矫正对象教育人次\n≥1200人次\n2.法律援助案件数\n≥300件\n"
        "二、满意度指标\n1.受援群众满意度\n≥95%"
    )
    assert [read(c) for c in clauses(cell)] == [
        (1, "产出指标", "数量指标", "社区矫正对象教育人次", None, "≥1200人次"),
        (2, "产出指标", "数量指标", "法律援助案件数", None, "≥300件"),
        (1, "满意度指标", None, "受援群众满意度", None, "≥95%"),
    ]
    # Unnumbered items are one a line, as before.
    plain = "一、产出指标\n社区矫正对象教育人次≥1200人次\n法律援助案件数≥300件"
    assert [read(c)[3:] for c in clauses(plain)] == [
        ("社区矫正对象教育人次", None, "≥1200人次"),
        ("法律援助案件数", None, "≥300件"),
    ]
