"""Web pages that hide rows, cells and tables by a class of their own
``<style>`` (``.hide{display:none}``), and that hold values in form fields
(``<input value>``, ``<textarea>``, ``<select>``): read as a browser shows
them on screen. The pages are the Guangzhou table of ``test_html_as_shown``
with the placeholder row a site's editor hid instead of deleting it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.readers import ReadError, stylesheet
from audit.readers.htmltables import tables
from audit.readers.stylesheet import MAX_STYLE_CHARS, Stylesheet, page_stylesheet
from tests.conftest import SEED_001
from tests.test_html_as_shown import (
    GOAL,
    GZ_HEAD,
    GZ_HEADINGS,
    PLACEHOLDER_ROW,
    assert_placeholder_row_hidden,
    cell,
    gz_page,
    gz_row,
    lint,
    read,
)


def styled_page(css: str, attrs: str, style_attrs: str = "") -> str:
    """The table with the placeholder row given ``attrs``, under ``css``."""
    head = f"<head><meta charset='utf-8'><style{style_attrs}>{css}</style></head>"
    return gz_page(gz_row(), PLACEHOLDER_ROW.replace("<tr>", f"<tr{attrs}>", 1), head=head)


# --------------------------------------------------------------------------
# rows hidden by a class: left out, with the note an inline style gives


@pytest.mark.parametrize(
    ("css", "attrs"),
    [
        (".hide{display:none}", " class=hide"),
        ("tr.del {visibility:hidden}", " class='del'"),
        (".x{display : none !important}", ' class="row x"'),
        (".x{display : none !important}", ' class="x" style="display:table-row"'),
        ("TR.Del{DISPLAY:NONE}", " class=Del"),  # element names in any case
        (".a, .b,\n.hide { color: #999; display: none }", " class=hide"),
        ("td.x, tr.gone{display:none}", " class=gone"),
        (".deleted.row{display:none}", " class='row deleted'"),
        (".hide{display:block}\n.hide{display:none}", " class=hide"),  # the later wins
        ("tr.hide{display:none} .hide{display:table-row}", " class=hide"),  # the more specific
        (".hide{display:none}", " class=hide style='height:20px'"),
        ("<!--\n.hide{display:none}\n-->", " class=hide"),  # Word's and Excel's export
        ("/* 已删除 */ .hide{ /* } */ display:none}", " class=hide"),
        ("@charset 'utf-8'; @import url(x.css); .hide{display:none}", " class=hide"),
        ("@media screen { .hide{display:none} }", " class=hide"),
        ("@media only screen, print { .hide{display:none} }", " class=hide"),
        ("@font-face{font-family:x} .hide{display:none}", " class=hide"),
        (".hide{mso-hide:all}", " class=hide"),
        (".hide{visibility:collapse}", " class=hide"),
        (".hide{display:none}", " class=hide\n"),
        # read as the CSS syntax reads them
        (".a\\:b{display:none}", " class='a:b'"),  # an escaped colon in a class name
        ("tr.hid\\65 {display:none}", " class=hide"),  # an escaped letter
        (".hide{displ\\61y:none}", " class=hide"),
        (".hide{display:/* 删除 */none}", " class=hide"),
        (".hide{display:none ! important} .hide{display:table-row}", " class=hide"),
        ("@media screen{<!-- .hide{display:none} -->}", " class=hide"),
        ("} @media all{.hide{display:none}}", " class=hide"),
        ("} @import url(x.css); .hide{display:none}", " class=hide"),
        ('[title="{"] .hide, .hide{display:none}', " class=hide"),  # a brace in a string
        (".hide{background:url(a;b{.png); display:none}", " class=hide"),  # and in a URL
    ],
)
def test_a_row_hidden_by_a_class_is_not_read_and_noted(css: str, attrs: str) -> None:
    assert_placeholder_row_hidden(styled_page(css, attrs))


@pytest.mark.parametrize("media", [" media=screen", " media='all'", " type='text/css'"])
def test_a_style_element_for_the_screen_applies(media: str) -> None:
    notes: list[str] = []
    assert len(read(styled_page(".hide{display:none}", " class=hide", media), notes).projects) == 1
    assert len(notes) == 1


# --------------------------------------------------------------------------
# near misses: what a browser shows on screen is read


@pytest.mark.parametrize(
    ("css", "attrs"),
    [
        (".hide{color:red; background:#eee}", " class=hide"),  # colours only
        (".hidden{display:none}", " class=hide"),  # another class
        (".hide{display:none}", " class=hidden"),
        (".hide{display:none}", " class=Hide"),  # class names are case-sensitive
        (".hide{display:none}", " id=hide"),
        ("td.hide{display:none}", " class=hide"),  # another element
        ("#row3{display:none}", " id=row3"),  # not honoured: an id
        ("table .hide{display:none}", " class=hide"),  # not honoured: descendants
        ("tr:nth-child(3){display:none}", ""),
        ("[data-del]{display:none}", " data-del"),
        (".hide{display:noneX}", " class=hide"),
        (".hide{display:none; display:table-row}", " class=hide"),  # the last wins
        (".hide{display:none}", " class=hide style='display:table-row'"),  # the style wins
        (".hide{display:none} .hide{display:block !important}", " class=hide"),
        ("@media print { .hide{display:none} }", " class=hide"),
        ("@media (max-width: 600px) { .hide{display:none} }", " class=hide"),
        ("@media screen and (max-width: 600px) { .hide{display:none} }", " class=hide"),
        ("@supports (display:grid) { .hide{display:none} }", " class=hide"),
        ("@page { .hide{display:none} }", " class=hide"),
        (".other{content:'}'} .hide{color:red}", " class=hide"),
        (".hide{display:'none'}", " class=hide"),  # a string, not the keyword
        (".hide{display:none none}", " class=hide"),
        (".hide{dis/**/play:none}", " class=hide"),  # a comment splits the name
        (".a\\:b{display:none}", " class=a"),
        ("@media screen{.hide:hover{display:none}}", " class=hide"),
        (".a{.hide{display:none}}", " class=hide"),  # nested: a descendant of .a
        (".x{content:'\n.hide{display:none}'}", " class=hide"),  # inside a broken string
    ],
)
def test_a_row_a_browser_shows_is_read(css: str, attrs: str) -> None:
    page = styled_page(css, attrs)
    notes: list[str] = []
    assert len(read(page, notes).projects) == 2 and notes == []
    assert ("placeholder", "测试项目") in lint(page)


@pytest.mark.parametrize("style_attrs", [" media=print", " media='print'", " type=text/less"])
def test_a_style_element_not_for_the_screen_is_passed_over(style_attrs: str) -> None:
    page = styled_page(".hide{display:none}", " class=hide", style_attrs)
    assert len(read(page).projects) == 2


def test_a_style_element_inside_a_comment_is_no_stylesheet() -> None:
    page = styled_page("", " class=hide").replace(
        "<style></style>", "<!-- <style>.hide{display:none}</style> -->"
    )
    assert len(read(page).projects) == 2


def test_a_style_element_after_the_table_applies_too() -> None:
    page = styled_page("", " class=hide").replace(
        "</body>", "<style>.hide{display:none}</style></body>"
    )
    assert len(read(page).projects) == 1


# --------------------------------------------------------------------------
# cells and tables


def test_a_cell_hidden_by_a_class_moves_the_next_cells_left() -> None:
    css = "<style>td.gone{display:none}</style>"
    hidden = "<td class=gone>"
    head = GZ_HEAD.replace("<td>绩效目标", f"{hidden}绩效目标<td>绩效目标")
    row = gz_row().replace(f"<td>{GOAL}", f"{hidden}XXX（待补充）<td>{GOAL}")
    page = f"<html><head>{css}</head><body>{GZ_HEADINGS}<table>{head}{row}</table></body></html>"
    assert lint(page) == set()
    assert lint(page.replace(css, "<style>td.gone{color:grey}</style>")) != set()


def test_words_hidden_by_a_class_are_not_read() -> None:
    assert cell("<style>.x{display:none}</style>甲<span class=x>（待补充）</span>乙") == "甲乙"
    assert cell("<style>.x{font-weight:bold}</style>甲<span class=x>丙</span>乙") == "甲丙乙"


def test_a_table_in_a_tab_hidden_by_a_class_is_not_read_and_noted() -> None:
    shown = f"<table>{GZ_HEAD}{gz_row()}</table>"
    hidden = f"<div class='tab-pane'><table>{GZ_HEAD}{gz_row(goal='待补充')}</table></div>"
    css = "<style>.tab-pane{display:none}.tab-pane.active{display:block}</style>"
    page = f"<html><head>{css}</head><body>{GZ_HEADINGS}{shown}{hidden}</body></html>"
    notes: list[str] = []
    (project,) = read(page, notes).projects
    assert project.goal is not None and project.goal.value == GOAL
    assert any("a hidden table, not read" in n for n in notes)
    # the tab shown (class active) is read: both tables' projects
    assert len(read(page.replace("'tab-pane'", "'tab-pane active'")).projects) == 2


# --------------------------------------------------------------------------
# malformed CSS: read as far as it goes, never an error


@pytest.mark.parametrize(
    ("css", "hidden"),
    [
        (".hide{display:none", True),  # a block left open runs to the end, as in a browser
        ("}}} .hide{display:none}", True),
        (".hide{display:}", False),
        (".hide{display none}", False),
        (".hide{;;:;display:none;;}", True),
        ("@media screen {", False),
        ("@media screen { .hide{display:none}", True),
        ("@media screen {" * 2000 + ".hide{display:none}", False),  # nested too deep
        ('.hide{content:"}"; display:none}', True),
        ("{{{{ .hide{display:none} ", False),
        (".hide{display:none !importantX}", True),
        ("@", False),
        ("@media", False),
        ("", False),
        ("\x01.hide\ud7ff{display:none}", False),
        (". {display:none}", False),
        ("..hide {display:none}", False),
    ],
)
def test_malformed_css_gives_no_error(css: str, hidden: bool) -> None:
    page = styled_page(css, " class=hide")
    assert len(read(page).projects) == (1 if hidden else 2)


def test_an_unclosed_style_element_takes_the_rest_of_the_page() -> None:
    page = styled_page("", " class=hide").replace("<style></style>", "<style>.hide{display:none}")
    # as a browser reads it: the page after it is CSS, no table is shown
    with pytest.raises(ReadError) as refused:
        read(page)
    assert str(refused.value) == "a web page without a table (no <table> element with cells)"


CSS_PIECES = st.sampled_from(
    [".hide", "tr.hide", "td", "{", "}", ";", ":", "display", "none", "!important", "@media",
     "screen", "print", ",", " ", "\n", "/*", "*/", "'", '"', "visibility", "hidden", "(", ")"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(CSS_PIECES | st.text(max_size=5), max_size=40))
def test_any_stylesheet_reads_without_error(pieces: list[str]) -> None:
    css = "".join(pieces)
    found = tables(f"<style>{css}</style><table><tr class=hide><td>甲<tr><td>乙</table>")
    (table,) = found
    assert ["乙"] in table.cells
    sheet = page_stylesheet(f"<style>{css}</style>")
    assert sheet.hides("tr", "hide", "") in (True, False, None)


HIDING_RULES = st.builds(
    "{}{{{}:{}}}".format,
    st.sampled_from([".hide", "tr.hide", ".a", "td.a.hide", ".hid\\65", "@media screen{.hide"]),
    st.sampled_from(["display", "DISPLAY", "displ\\61y", "\\64isplay", "visibility", "mso-hide"]),
    st.sampled_from(["none", "hidden", "all", "block", "n\\6fne", "none!important"]),
)
"""Rules that hide, some with a property name only an escape spells."""


@settings(max_examples=300, deadline=None)
@given(st.lists(HIDING_RULES | CSS_PIECES | st.text(max_size=5), max_size=40))
def test_the_quick_check_passes_over_no_stylesheet_that_hides(pieces: list[str]) -> None:
    # a stylesheet the quick check passes over without parsing it is one the
    # parser would take nothing from
    css = "".join(pieces)
    sheet = Stylesheet()
    sheet.add(css)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stylesheet, "_MAY_HIDE", re.compile(""))
        parsed = Stylesheet()
        parsed.add(css)
    for tag, classes in [("tr", "hide"), ("td", "hide"), ("tr", "a"), ("tr", "a hide")]:
        assert sheet.shows(tag, classes, "") == parsed.shows(tag, classes, "")


# --------------------------------------------------------------------------
# the stylesheet on its own


def test_the_stylesheet_weighs_rules_as_a_browser() -> None:
    sheet = Stylesheet()
    sheet.add(".a{display:none} tr.a{display:table-row} .b{visibility:hidden} .c{color:red}")
    assert sheet.hides("tr", "a", "") is False  # tr.a is the more specific
    assert sheet.hides("td", "a", "") is True
    assert sheet.hides("td", "a", "display:block") is False
    assert sheet.hides("td", "b a", "display:block") is True  # still invisible
    assert sheet.hides("td", "c", "") is None  # no rule that hides or shows
    assert sheet.hides("td", "", "display:none") is None
    assert not Stylesheet()
    assert not page_stylesheet("<style>.x{color:red}</style>")


def test_only_the_bounded_text_of_a_pages_stylesheets_is_read() -> None:
    first = ".a{display:none}"
    cut = ".b{display:none;display:table-row}"
    # the bound falls just after ``display:none`` in the rule of .b
    filler = " " * (MAX_STYLE_CHARS - len(first) - cut.index(";"))
    markup = (
        f"<style>{first}{filler}{cut}</style><style>.c{{display:none}}</style>"
        "<table><tr class=a><td>甲<tr class=b><td>乙<tr class=c><td>丙<tr><td>丁</table>"
    )
    (table,) = tables(markup)
    # .a is read; .b, cut by the bound, is not (its first half alone would
    # hide it); nor is the later stylesheet's .c
    assert table.cells == [["乙"], ["丙"], ["丁"]]
    # within the bound: .b whole (its later declaration shows it), and .c
    (table,) = tables(markup.replace(filler, " " * 100))
    assert table.cells == [["乙"], ["丁"]]


def test_a_stylesheet_that_names_no_hiding_property_is_not_parsed() -> None:
    # nor counted against the bound
    colours = "<style>" + ".x{color:red}" * (MAX_STYLE_CHARS // 10) + "</style>"
    markup = (
        f"{colours}<style>.a{{display:none}}</style><table><tr class=a><td>甲<tr><td>乙</table>"
    )
    assert [t.cells for t in tables(markup)] == [[["乙"]]]


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("code", "imported"),
    [
        (f"from audit.pipeline import load_path; load_path({str(SEED_001)!r})", False),
        ("tables('<table><tr class=x><td>甲</table>')", False),
        ("tables('<style>.x{color:red}</style><table><tr class=x><td>甲</table>')", False),
        ("tables('<style media=print>.x{color:red}</style><table><td>甲</table>')", False),
        ("tables('<style>.x{display:none}</style><table><tr class=x><td>甲</table>')", True),
    ],
)
def test_the_css_parser_is_imported_only_for_a_stylesheet_that_may_hide(
    code: str, imported: bool
) -> None:
    program = (
        f"import sys; from audit.readers.htmltables import tables; {code}; "
        "print('tinycss2' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == str(imported)


def test_a_page_without_style_elements_reads_as_before() -> None:
    markup = "<table><tr class=hide><td>甲</td></tr><tr style='display:none'><td>乙</table>"
    assert [t.cells for t in tables(markup)] == [[["甲"]]]


# --------------------------------------------------------------------------
# a cell made invisible keeps its place; one taken out does not


@pytest.mark.parametrize(
    ("css", "attrs", "cells"),
    [
        ("", " style='visibility:hidden'", ["甲", "", "丙"]),
        ("", " style='display:none'", ["甲", "丙"]),
        ("", " style='visibility:hidden;display:none'", ["甲", "丙"]),
        ("", " hidden style='visibility:hidden'", ["甲", "丙"]),
        ("", " style='mso-hide:all'", ["甲", "丙"]),
        (".v{visibility:hidden}", " class=v", ["甲", "", "丙"]),
        ("td.g{display:none}", " class=g", ["甲", "丙"]),
        (".v{visibility:hidden}", " class=v style='display:none'", ["甲", "丙"]),
        (
            ".g{display:none}",
            " class=g style='display:table-cell;visibility:hidden'",
            ["甲", "", "丙"],
        ),
        (".v{visibility:hidden}", " class=v style='visibility:visible'", ["甲", "乙", "丙"]),
    ],
)
def test_an_invisible_cell_keeps_its_place(css: str, attrs: str, cells: list[str]) -> None:
    notes: list[str] = []
    (table,) = tables(
        f"<style>{css}</style><table><tr><td>甲<td{attrs}>乙<td>丙</table>", notes.append
    )
    assert [c for c in table.cells[0] if c is not None] == cells
    assert bool(notes) == ("乙" not in cells)


def test_an_invisible_goal_leaves_the_indicators_in_their_column() -> None:
    row = gz_row().replace(f"<td>{GOAL}", "<td class=v>XXX（待补充）")
    page = f"<html><head><style>.v{{visibility:hidden}}</style></head><body>{GZ_HEADINGS}<table>{GZ_HEAD}{row}</table></body></html>"
    (project,) = read(page).projects
    assert project.goal is None or not project.goal.value
    assert len(project.clauses) == 4  # read from the 绩效指标 column, not moved into 绩效目标
    assert ("placeholder", "自谋职业随军家属专项补贴") not in lint(page)
