"""Web pages: a table split into one ``<table>`` per printed page without
its header row repeated (a page converted from a PDF) reads as one table;
a headerless table after other text, of another width, or after a table of
another kind stays a table of its own, skipped with its note."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.readers.continued import Part, join_continued
from audit.readers.grid import GridInput
from audit.readers.htmltables import tables
from tests.conftest import HEADER as GUANGZHOU_HEADER
from tests.test_html_as_shown import (
    CHECKS,
    CLAUSES,
    GZ_HEAD,
    GZ_HEADINGS,
    LIST_HEAD,
    ROAD,
    TITLE,
    UNIT,
    amounts,
    gz_row,
    over_budget,
    read,
)

SECOND = gz_row(goal="为就业困难人员提供公益性岗位补贴，帮助其稳定就业。").replace(
    "自谋职业随军家属专项补贴", "公益性岗位补贴"
)
NOT_READ = "表2: skipped, not a performance-target table (no header row)"


def split_page(between: str, second: str = SECOND) -> str:
    return (
        f"<html><body>{GZ_HEADINGS}<table>{GZ_HEAD}{gz_row()}</table>"
        f"{between}<table>{second}</table></body></html>"
    )


def names(page: str, notes: list[str] | None = None) -> list[str]:
    return [p.name.value for p in read(page, notes).projects if p.name is not None]


BOTH = ["自谋职业随军家属专项补贴", "公益性岗位补贴"]


@pytest.mark.parametrize(
    "between",
    [
        "",
        "<p>- 1 -</p><hr>",
        "<p>第 1 页 共 2 页</p><p>&nbsp;</p><p></p>",
        "<div>1/2</div><br clear=all style='page-break-before:always'>",
        "<p>1</p>",
        "<p>Page 1 of 2</p>",
        "<p>续表</p>",
        # the title block repeated on the next page
        "<p>广州市番禺区劳动就业服务管理中心2025年项目支出绩效目标表</p>"
        "<p>单位名称：广州市番禺区劳动就业服务管理中心</p><p>单位：万元</p>",
        "<p style='display:none'>注：本页为草稿</p>",  # hidden: nothing shows
    ],
    ids=[
        "nothing",
        "page-number-rule",
        "page-of-pages",
        "fraction-break",
        "bare-number",
        "english",
        "continued-mark",
        "title-block",
        "hidden-text",
    ],
)
def test_a_part_without_its_header_after_page_furniture_is_read(between: str) -> None:
    notes: list[str] = []
    assert names(split_page(between), notes) == BOTH
    assert notes == []
    whole = f"<html><body>{GZ_HEADINGS}<table>{GZ_HEAD}{gz_row()}{SECOND}</table></body></html>"
    assert {f.rule for f in run(read(split_page(between)), load_config(None, discover=False))} == {
        f.rule for f in run(read(whole), load_config(None, discover=False))
    }


@pytest.mark.parametrize(
    "between",
    [
        "<p>注：以上项目为续建项目。</p>",  # text of the document's own
        "<p>二、新增项目</p>",
        "<p>单位：元</p>",  # another unit than the first part's 万元
        "<p>单位名称：广州市番禺区人力资源和社会保障局</p>",  # another unit's table
        "<p>第1页</p><p>附件2</p>",
    ],
)
def test_a_part_after_other_text_is_a_table_of_its_own(between: str) -> None:
    notes: list[str] = []
    assert names(split_page(between), notes) == BOTH[:1]
    assert NOT_READ in notes


def test_a_part_of_another_width_is_a_table_of_its_own() -> None:
    narrower = SECOND.replace("<td>15.10<td>", "<td>", 1)  # six columns
    notes: list[str] = []
    assert names(split_page("<p>- 1 -</p>", narrower), notes) == BOTH[:1]
    assert NOT_READ in notes
    wider = SECOND.replace("</tr>", "<td>备注</tr>")
    assert names(split_page("", wider)) == BOTH[:1]


def test_a_merged_cell_counts_the_columns_it_spans() -> None:
    merged = SECOND.replace("<td>15.10<td>15.10<td><td>", "<td>15.10<td>15.10<td colspan=2>")
    assert names(split_page("<p>- 1 -</p>", merged)) == BOTH


def test_a_part_with_a_header_of_its_own_is_read_as_before() -> None:
    notes: list[str] = []
    assert names(split_page("<p>- 1 -</p>", GZ_HEAD + SECOND), notes) == BOTH
    assert notes == []
    assert [t.name for t in tables(split_page("<p>- 1 -</p>", GZ_HEAD + SECOND))] == ["表1", "表2"]


def test_a_part_with_a_title_of_its_own_is_not_joined() -> None:
    titled = (
        "<tr><td colspan=7>广州市番禺区人力资源和社会保障局2025年项目支出绩效目标表</tr>" + SECOND
    )
    assert [t.name for t in tables(split_page("", titled))] == ["表1", "表2"]
    repeated = "<tr><td colspan=7>续表</tr>" + SECOND  # a 续表 row: the table goes on
    assert names(split_page("", repeated)) == BOTH


def test_a_headerless_table_after_a_table_of_another_kind_is_not_joined() -> None:
    budget = (
        "<table><tr><td>项目名称<td>总计<td>财政拨款<td>财政专户拨款<td>其他资金<td>科目编码<td>科目名称"
        "<tr><td>自谋职业随军家属专项补贴<td>15.10<td>15.10<td><td><td>2080799<td>其他</table>"
    )
    page = f"<html><body>{budget}<p>- 1 -</p><table>{SECOND}</table>{GZ_HEADINGS}"
    page += f"<table>{GZ_HEAD}{gz_row()}</table></body></html>"
    assert [t.name for t in tables(page)] == ["表1", "表2", "表3"]


def test_three_parts_read_as_one_table_named_by_their_own_rows() -> None:
    third = gz_row().replace("自谋职业随军家属专项补贴", "就业见习补贴")
    page = split_page("<p>- 1 -</p>").replace(
        "</body>", f"<p>- 2 -</p><table>{third}</table></body>"
    )
    (table,) = tables(page)
    assert table.name == "表1"
    assert table.row_labels == ["表1 第1行", "表1 第2行", "表2 第1行", "表3 第1行"]
    assert names(page) == [*BOTH, "就业见习补贴"]


def test_a_defect_in_a_later_part_is_found_where_it_stands() -> None:
    broken = SECOND.replace(CLAUSES[1], CLAUSES[1].replace("100%", "XXX"))
    document = read(split_page("<p>- 1 -</p>", broken))
    found = [f for f in run(document, load_config(None, discover=False)) if f.rule == "placeholder"]
    assert found and {f.location for f in found} == {"表2 第1行第7列"}


def test_a_national_list_split_without_its_header_is_checked() -> None:
    """The second page's project, its cost over its budget, was not read;
    its amounts are in the unit the page states once (元)."""
    page = (
        f"<p>{TITLE}</p><p>{UNIT}</p><table>{LIST_HEAD}{ROAD}</table>"
        f"<p>- 1 -</p><table>{CHECKS}</table>"
    )
    assert amounts(page) == [(Decimal(120), "元"), (Decimal(30), "元")]
    assert over_budget(page)


def test_sibling_parts_in_a_layout_tables_cell_are_joined() -> None:
    page = (
        f"<table><tr><td>{GZ_HEADINGS}<table>{GZ_HEAD}{gz_row()}</table><p>- 1 -</p>"
        f"<table>{SECOND}</table></td></tr></table>"
    )
    assert names(page) == BOTH


def test_a_hidden_table_between_parts_keeps_them_apart() -> None:
    hidden = "<table style='display:none'><tr><td>旧表</table>"
    notes: list[str] = []
    assert names(split_page(hidden), notes) == BOTH[:1]
    assert NOT_READ.replace("表2", "表3") in notes


# -- the shared helper -----------------------------------------------------

HEADER = GUANGZHOU_HEADER.split("\t")
ROW = [
    "某项目",
    "1.00",
    "1.00",
    None,
    None,
    "目标",
    "1、1-产出指标；11-数量指标；人数；年度指标值：≥1人。",
]


def _parts(after: list[str] | None, second: list[list[str | None]]) -> list[GridInput]:
    first = GridInput("表1", [HEADER, ROW], headings=["单位：万元"])
    return join_continued([Part(first, None), Part(GridInput("表2", second), after)])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "- {n} -",
                "{n}",
                "第{n}页",
                "第 {n} 页 共 {m} 页",
                "共{m}页 第{n}页",
                "{n}/{m}",
                "—{n}—",
            ]
        ),
        max_size=3,
    ),
    st.integers(1, 999),
    st.integers(1, 999),
)
def test_page_numbers_in_any_form_are_furniture(forms: list[str], n: int, m: int) -> None:
    after = [form.format(n=n, m=m) for form in forms]
    (joined,) = _parts(after, [ROW])
    assert len(joined.cells) == 3 and joined.row_labels == ["表1 第1行", "表1 第2行", "表2 第1行"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="本项目资金用于开展工作二三注说明附件", min_size=2, max_size=12))
def test_a_line_of_words_between_keeps_the_parts_apart(words: str) -> None:
    assert len(_parts([words], [ROW])) == 2


def test_the_merges_of_a_later_part_move_down_with_its_rows() -> None:
    first = GridInput("表1", [HEADER, ROW], [(1, 1, 1, 2)])
    second = GridInput("表2", [ROW, ROW], [(0, 0, 1, 0)])
    (joined,) = join_continued([Part(first, None), Part(second, [])])
    assert list(joined.merges) == [(1, 1, 1, 2), (2, 0, 3, 0)]


def test_a_part_not_following_a_table_is_never_joined() -> None:
    assert len(_parts(None, [ROW])) == 2


# -- what a browser draws: colspan past the last column, numbers broken ----


def test_a_colspan_past_the_last_column_adds_no_column() -> None:
    (table,) = tables("<table><tr><td colspan=20>标题<tr><td>甲<td colspan=3>乙</table>")
    assert table.cells == [["标题", None], ["甲", "乙"]]


def test_a_title_row_spanning_past_the_table_keeps_its_parts_together() -> None:
    title = "<tr><td colspan=20>广州市番禺区劳动就业服务管理中心2025年项目支出绩效目标表</tr>"
    page = split_page("<p>- 1 -</p>").replace(f"<table>{GZ_HEAD}", f"<table>{title}{GZ_HEAD}")
    assert names(page) == BOTH
    assert len(tables(page)[0].cells[0]) == 7


@pytest.mark.parametrize(
    ("markup", "read"),
    [
        ("15.<br>10", "15.10"),
        ("1,<br>015.10", "1,015.10"),
        ("22,356<br>.47", "22,356.47"),
        ("100<br>200", "100\n200"),  # two numbers: no separator at the break
        ("3.5<br>.2", "3.5\n.2"),  # not one amount joined
        ("≥90.<br>5%", "≥90.\n5%"),  # not a bare number
        ("15.10", "15.10"),
    ],
)
def test_a_number_broken_at_a_separator_reads_whole(markup: str, read: str) -> None:
    (table,) = tables(f"<table><tr><td>{markup}</table>")
    assert table.cells == [[read]]


def test_an_amount_broken_over_two_lines_is_no_amount_error() -> None:
    broken = gz_row().replace("<td>15.10<td>15.10", "<td>15.<br>10<td>15.<br>10")
    page = f"<html><body>{GZ_HEADINGS}<table>{GZ_HEAD}{broken}</table></body></html>"
    (project,) = read(page).projects
    assert project.amounts.total is not None and project.amounts.total.value == Decimal("15.10")
    assert not {f.rule for f in run(read(page), load_config(None, discover=False))}


def test_a_cell_cut_by_the_page_break_goes_on_in_the_project_before() -> None:
    """The first row of the later part holds only the rest of the last
    project's indicators (its name cell empty): clause 5 of that project."""
    cut = (
        "<tr><td><td><td><td><td><td><td>5、3-满意度指标；31-服务对象满意度指标；随军家属投诉率；"
        "实施周期指标值：≤1%；年度指标值：≤1%。</tr>"
    )
    document = read(split_page("<p>- 1 -</p>", cut + SECOND))
    assert [(p.name.value if p.name else None, len(p.clauses)) for p in document.projects] == [
        ("自谋职业随军家属专项补贴", 5),
        ("公益性岗位补贴", 4),
    ]


def test_a_national_project_split_between_its_indicators_keeps_them_all() -> None:
    first = (
        "<tr><td rowspan=2>某市公路事务中心<td rowspan=2>道路运输安全检查<td rowspan=2>300,000.00"
        "<td rowspan=2>开展道路运输企业安全检查，督促企业整改隐患，减少道路运输事故。"
        "<td rowspan=2>产出指标<td>数量指标<td>检查企业数<td>≥<td>120<td>家<td>30<td>正向"
        "<tr><td>质量指标<td>隐患整改率<td>≥<td>95<td>%<td>30<td>正向"
    )
    rest = (
        "<tr><td><td><td><td><td>产出指标<td>成本指标<td>检查工作成本<td>≤<td>50<td>万元<td>20<td>正向"
        "<tr><td><td><td><td><td>满意度指标<td>服务对象满意度指标<td>受检企业满意度<td>≥<td>90<td>%"
        "<td>20<td>正向"
    )
    page = (
        f"<p>{TITLE}</p><p>{UNIT}</p><table>{LIST_HEAD}{ROAD}{first}</table>"
        f"<p>- 1 -</p><table>{rest}</table>"
    )
    projects = read(page).projects
    assert [len(p.clauses) for p in projects] == [5, 4]
    assert over_budget(page)  # the cost indicator on the later page is checked


@pytest.mark.parametrize(("markup", "read"), [("≥9&shy;0%", "≥90%"), ("≥90%&#173;", "≥90%")])
def test_a_soft_hyphen_is_not_read(markup: str, read: str) -> None:
    """A browser shows ``&shy;`` only where it wraps the line there."""
    (table,) = tables(f"<table><tr><td>{markup}</table>")
    assert table.cells == [[read]]


def test_a_hyphen_is_read() -> None:
    (table,) = tables("<table><tr><td>2025-12-31&#8209;前</table>")
    assert table.cells == [["2025-12-31\u2011前"]]


def test_a_header_in_a_table_of_its_own_reads_with_the_rows_under_it() -> None:
    """A fixed header (the header row a table of its own, the rows in the
    next) reads as one table."""
    page = (
        f"<html><body>{GZ_HEADINGS}<table>{GZ_HEAD}</table>"
        f"<table>{gz_row()}{SECOND}</table></body></html>"
    )
    notes: list[str] = []
    assert names(page, notes) == BOTH
    assert notes == []


def test_a_caption_of_the_later_part_is_furniture_only_when_repeated() -> None:
    repeated = "<caption>单位：万元</caption>" + SECOND
    assert names(split_page("<p>- 1 -</p>", repeated)) == BOTH
    own = "<caption>表二 新增项目</caption>" + SECOND
    assert names(split_page("<p>- 1 -</p>", own)) == BOTH[:1]


def test_many_parts_join_into_one_table_in_order() -> None:
    first = GridInput("表1", [HEADER, ROW], [(0, 0, 0, 1)], headings=["单位：万元"])
    parts = [Part(first, None)]
    for number in range(2, 2002):
        row = [f"项目{number}", *ROW[1:]]
        parts.append(Part(GridInput(f"表{number}", [row], [(0, 5, 0, 6)]), [f"- {number} -"]))
    (joined,) = join_continued(parts)
    assert len(joined.cells) == 2002
    assert joined.cells[-1][0] == "项目2001"
    assert joined.row_labels is not None and joined.row_labels[-1] == "表2001 第1行"
    assert list(joined.merges)[:2] == [(0, 0, 0, 1), (2, 5, 2, 6)]
    assert list(joined.merges)[-1] == (2001, 5, 2001, 6)
