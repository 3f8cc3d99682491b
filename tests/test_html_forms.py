"""A web page saved from a web form: a cell's value in an ``<input value>``,
a ``<textarea>`` or a ``<select>``, read as the text the form shows. The
page is the Guangzhou table of ``test_html_as_shown`` (番禺区劳动就业服务管理中心,
its first project) with its cells as a budget system's entry form holds them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.readers.htmltables import tables
from tests.test_html_as_shown import CLAUSES, GOAL, GZ_HEAD, GZ_HEADINGS, cell, lint, read

NAME = "自谋职业随军家属专项补贴"


def form_row(
    name: str = f"<input type=text name=xmmc value='{NAME}'>",
    amount: str = "<input name=zj value='15.10' readonly>",
    goal: str = f"<textarea name=jxmb rows=3>{GOAL}</textarea>",
    indicators: str = "<textarea name=jxzb>\n" + "\n".join(CLAUSES) + "</textarea>",
    extra: str = "",
) -> str:
    return (
        f"<tr><td>{name}{extra}<td>{amount}<td>{amount}<td><input name=zhcz value=''>"
        f"<td><input name=qt><td>{goal}<td>{indicators}</tr>"
    )


def form_page(*rows: str) -> str:
    return (
        "<html><head><meta charset='utf-8'></head><body><form action='/save' method=post>"
        f"{GZ_HEADINGS}<table>{GZ_HEAD}{''.join(rows)}</table></form></body></html>"
    )


def test_a_form_reads_as_the_table_it_holds() -> None:
    page = form_page(form_row())
    (project,) = read(page).projects
    assert project.name.value == NAME
    assert project.goal is not None and project.goal.value == GOAL
    assert project.amounts.total is not None and str(project.amounts.total.value) == "15.10"
    assert len(project.clauses) == len(CLAUSES)
    assert lint(page) == set()


def test_a_placeholder_typed_in_a_field_is_found() -> None:
    page = form_page(form_row(goal="<input type=text name=jxmb value='XXX（待补充）'>"))
    assert ("placeholder", NAME) in lint(page)
    page = form_page(form_row(goal="<textarea name=jxmb>XXX（待补充）</textarea>"))
    assert ("placeholder", NAME) in lint(page)


@pytest.mark.parametrize(
    "field",
    [
        "<input type=hidden name=id value='XXX（待补充）'>",
        "<input type=HIDDEN value='XXX'>",
        "<input type=checkbox name=ok value='XXX' checked>",
        "<input type=radio name=ok value='XXX'>",
        "<input type=submit value='XXX'>",
        "<input type=button value='XXX'>",
        "<input type=password value='XXX'>",
        "<input type=text value='XXX' style='display:none'>",
        "<input type=text value='XXX' hidden>",
        "<span style='display:none'><input value='XXX'></span>",
        "<input type=text placeholder='XXX（请填写）'>",  # a hint shown greyed, no value
        "<textarea hidden>XXX</textarea>",
        "<textarea style='display:none'>XXX（待补充）</textarea>",  # a rich-text editor's source
    ],
)
def test_a_field_the_form_does_not_show_as_text_is_not_read(field: str) -> None:
    page = form_page(form_row(extra=field))
    (project,) = read(page).projects
    assert project.name.value == NAME
    assert lint(page) == set()


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<input value='≥95%'>", "≥95%"),
        ("<input type=TEXT value='100%'>", "100%"),
        ("<input type=number value='20'>", "20"),
        ("<input type=date value='2025-12-31'>", "2025-12-31"),
        ("<input type=unknown value='甲'>", "甲"),  # an unknown type is a text field
        ("<input value='≥20人'/>", "≥20人"),
        ("<input value='&ge;90%'>", "≥90%"),
        ("<input value='甲\n乙'>", "甲乙"),  # a text field holds one line
        ("<input value=1><input value=2>", "1 2"),
        ("前<input value='中'>后", "前 中 后"),
        ("<input value=''>", None),
        ("<input>", None),
        ("<textarea>\n全年\n完成</textarea>", "全年\n完成"),
        ("<select><option>一<option selected>二</select>", "二"),
        ("<select><option value=1>一</option><option value=2>二</option></select>", "一"),
        ("<select><option selected>一<option selected>二</select>", "二"),
        ("<select><option label='产出指标'>1</select>", "产出指标"),
        ("<select><optgroup label=组><option>甲<option selected>乙</optgroup></select>", "乙"),
        ("<select multiple><option selected>甲<option>乙<option selected>丙</select>", "甲\n丙"),
        ("<select size=3><option>甲<option>乙</select>", None),
        ("<select></select>", None),
        ("<select><option>数量\n指标</select>", "数量指标"),
        ("<select><option>number\n  of</select>", "number of"),
        ("<select><option>一<option>二", "一"),  # left open: the cell's end closes it
        ("<select style='display:none'><option>一</select>", None),
    ],
)
def test_a_fields_text_is_what_the_form_shows(markup: str, text: str | None) -> None:
    assert (cell(markup) or None) == text


def test_a_select_left_open_ends_with_its_cell() -> None:
    (table,) = tables("<table><tr><td><select><option>一<option>二<td>三</table>")
    assert table.cells == [["一", "三"]]


def test_the_options_of_a_select_are_not_the_cells_text() -> None:
    # near miss: without form handling the options read 一二三, one run of text
    markup = "<select name=lx><option>产出指标<option selected>效益指标<option>满意度指标</select>"
    assert cell(markup) == "效益指标"


FIELDS = st.sampled_from(
    ["<input value='甲'>", "<input type=hidden value=乙>", "<select>", "</select>", "<option>",
     "<option selected>", "</option>", "<textarea>", "</textarea>", "<td>", "<tr>", "</td>",
     "丙", " ", "<select multiple>", "<optgroup>", "</table>", "<table>"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(FIELDS, max_size=30))
def test_any_mix_of_fields_reads_without_error(pieces: list[str]) -> None:
    found = tables("<table><tr><td>" + "".join(pieces) + "</table>")
    texts = [c for t in found for row in t.cells for c in row if c]
    assert not any("乙" in text for text in texts)  # a hidden field's value, never read
    assert all(text.count("甲") <= "".join(pieces).count("value='甲'") for text in texts)
