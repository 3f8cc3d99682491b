"""Web pages whose own stylesheets or form fields could make reading slow:
each read in time proportional to the page (scaled bounds, see
:mod:`tests.fuzz.scaling`), the number of selectors honoured bounded."""

from __future__ import annotations

from audit.limits import MAX_STYLE_RULES
from audit.readers.htmltables import tables
from audit.readers.stylesheet import page_stylesheet
from tests.fuzz.scaling import assert_scales_linearly


def read(markup: object) -> object:
    assert isinstance(markup, str)
    return tables(markup)


def test_rows_with_classes_are_matched_in_linear_time() -> None:
    css = "".join(f".c{i}{{display:block}} tr.c{i}.x{{display:none}}" for i in range(50))

    def page(n: int, salt: int) -> str:
        rows = "".join(f"<tr class='c{i % 50} x y{salt}'><td>{i}<td>甲" for i in range(n))
        return f"<style>{css}</style><table><tr><td>表头{rows}</table>"

    assert_scales_linearly(page, read, 200)


def test_the_same_selector_over_and_over_is_folded_into_one() -> None:
    # a page that repeats its stylesheet for every table: each row is still
    # matched against one rule, not as many as the page repeats it
    def page(n: int, salt: int) -> str:
        sheet = f"<style>.hide{{display:none}} .s{salt}{{color:red}}</style>"
        return sheet * n + "<table>" + "<tr class=hide><td>1" * n + "<tr><td>2</table>"

    assert_scales_linearly(page, read, 200)


def test_many_selectors_are_read_in_linear_time() -> None:
    def sheet(n: int, salt: int) -> str:
        rules = "".join(f"td.a{salt}-{i}, .b{i}.c{i} {{ display : none }}\n" for i in range(n))
        return f"<style>{rules}@media screen {{ {rules} }}</style>"

    assert_scales_linearly(sheet, lambda text: page_stylesheet(str(text)), 100)


def test_unclosed_blocks_and_strings_are_read_in_linear_time() -> None:
    def sheet(n: int, salt: int) -> str:
        return f"<style>.s{salt}" + "{'\"" * n + "@media screen {" * n + "}" * n + "</style>"

    assert_scales_linearly(sheet, lambda text: page_stylesheet(str(text)), 500)


def test_selectors_past_the_bound_are_not_honoured() -> None:
    rules = "".join(f".r{i}{{display:none}}" for i in range(MAX_STYLE_RULES + 2))
    markup = (
        f"<style>{rules}</style><table><tr class=r0><td>甲"
        f"<tr class=r{MAX_STYLE_RULES - 1}><td>乙<tr class=r{MAX_STYLE_RULES}><td>丙</table>"
    )
    (table,) = tables(markup)
    assert table.cells == [["丙"]]
    # a rule of a selector taken already still counts past the bound
    (table,) = tables(markup.replace("</style>", ".r0{display:table-row}</style>"))
    assert table.cells == [["甲"], ["丙"]]
