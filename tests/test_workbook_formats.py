"""Workbook cells read as the sheet shows them where the format changes what
they say: a percentage typed into Excel, WPS or LibreOffice is stored as a
fraction (``95%`` → 0.95 shown ``0%``); a format's literal text (``"≥"0"人"``)
is shown with the number; a formula saved without its result, an error
cell (``#REF!``) and hidden rows and sheets are told, not read as blank or
silently.

The workbooks are the national form of ``examples/`` written with the
generators of ``scripts/make_examples.py`` (openpyxl; an ``.ods``'s XML
directly), with a few cells set as a person types them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import Clause, Document, Finding
from audit.pipeline import load_path
from audit.readers import ReadError
from audit.readers.numformats import Display, display_format, percent_format, percent_text
from audit.readers.workbook import cell_text, hidden_rows_note
from scripts.make_examples import typed_percent, write_ods, write_xls, write_xlsx
from scripts.make_national_examples import FORM, FORM_MERGES, FORM_WIDTHS

Writer = Callable[[Path, Sequence[tuple[str, Any, Any]]], Path]


def form_rows(**cells: str) -> list[list[str | None]]:
    """The national form's rows, cells given by their reference replaced
    (``D11="95%"``)."""
    rows = [[value or None for value in row] for row in FORM]
    for reference, value in cells.items():
        column, row = ord(reference[0]) - ord("A"), int(reference[1:]) - 1
        rows[row][column] = value
    return rows


def xlsx(
    path: Path, rows: list[list[str | None]], formats: Mapping[str, tuple[float, str]]
) -> Path:
    """The form as a workbook; ``formats`` sets cells to a stored number and
    a number format, as a spreadsheet program stores what a person typed."""
    from openpyxl import load_workbook

    write_xlsx(path, [("绩效目标表", rows, FORM_MERGES)], FORM_WIDTHS)
    if formats:
        workbook = load_workbook(path)
        sheet = workbook.active
        assert sheet is not None
        for reference, (number, code) in formats.items():
            sheet[reference].value = number
            sheet[reference].number_format = code
        workbook.save(path)
    return path


def findings(document: Document) -> list[Finding]:
    return run(document, load_config(None, discover=False))


def values(document: Document, name: str) -> tuple[str | None, str | None]:
    """The period and annual value texts of the indicator ``name``."""
    for project in document.projects:
        for clause in project.clauses:
            if isinstance(clause, Clause) and clause.name == name:
                period, annual = clause.period, clause.annual
                return (
                    None if period is None else period.text,
                    None if annual is None else annual.text,
                )
    raise AssertionError(f"no indicator {name}")


# --------------------------------------------------------------------------
# Which format codes show a percentage


@pytest.mark.parametrize(
    "code", ["0%", "0.00%", "0.0%", "0%;[Red]-0%", "[$-804]0.0%", "#,##0.0%", "0%_)"]
)
def test_percent_codes(code: str) -> None:
    assert percent_format(code)


@pytest.mark.parametrize(
    "code", ["General", "0.00", "#,##0.00", '0"%"', "0\\%", '0.0"个百分点"', "yyyy-mm-dd", "@"]
)
def test_codes_that_only_print_a_percent_sign_or_none(code: str) -> None:
    # '0"%"' and '0\%' print the number as stored and a literal sign: 95 → 95%
    assert not percent_format(code)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (0.95, "95%"),
        (1, "100%"),
        (1.0, "100%"),
        (0.955, "95.5%"),
        (0.0005, "0.05%"),
        (0.30000000000000004, "30%"),
        (1.2, "120%"),
        (-0.05, "-5%"),
        (0, "0%"),
    ],
)
def test_percent_text(stored: float, shown: str) -> None:
    assert percent_text(stored) == shown


@given(
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False)
)
def test_a_typed_percentage_reads_back_as_typed(typed: Decimal) -> None:
    text = f"{typed}%"
    stored = typed_percent(text)
    assert stored is not None
    assert Decimal(percent_text(stored[0])[:-1]) == typed


def test_a_stored_float_keeps_the_digits_a_spreadsheet_keeps() -> None:
    assert cell_text(0.1 + 0.2) == "0.3"
    assert cell_text(3.6) == "3.6"
    assert cell_text(1234567.891) == "1234567.891"
    assert cell_text(360.0) == "360"


# --------------------------------------------------------------------------
# Workbooks


@pytest.mark.parametrize("writer", [write_xlsx, write_ods, write_xls], ids=["xlsx", "ods", "xls"])
def test_typed_percentages_read_as_the_sheet_shows_them(tmp_path: Path, writer: Writer) -> None:
    rows = form_rows(D11="95%", E11="95.5%", D12="100%")
    suffix = {write_xlsx: ".xlsx", write_ods: ".ods", write_xls: ".xls"}[writer]
    document = load_path(writer(tmp_path / f"form{suffix}", [("绩效目标表", rows, FORM_MERGES)]))
    assert values(document, "档案规范率") == ("95%", "95.5%")
    assert values(document, "讲座按计划完成率")[0] == "100%"
    assert not [f for f in findings(document) if f.rule == "missing-unit"]


def test_the_same_cells_as_text_read_the_same(tmp_path: Path) -> None:
    typed = load_path(xlsx(tmp_path / "typed.xlsx", form_rows(D11="95%"), {}))
    text = load_path(
        xlsx(tmp_path / "text.xlsx", form_rows(D11="95%"), {"D11": (0.95, "@")}),
    )  # a number shown as text: '@' is no percent format, the cell reads 0.95
    assert values(typed, "档案规范率")[0] == "95%"
    assert values(text, "档案规范率")[0] == "0.95"


def test_a_custom_percent_format_is_read(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "custom.xlsx", form_rows(), {"D11": (0.9, '0.0%;[Red]"-"0.0%')})
    assert values(load_path(path), "档案规范率")[0] == "90.0%"  # as the sheet shows it


@pytest.mark.parametrize("code", ['0"%"', "0\\%"])
def test_a_literal_percent_sign_is_no_scaling(tmp_path: Path, code: str) -> None:
    # 95 shown "95%" by a format that only appends the sign: stored 95, never 9500%
    path = xlsx(tmp_path / "literal.xlsx", form_rows(), {"D11": (95, code)})
    document = load_path(path)
    assert values(document, "档案规范率")[0] == "95%"
    assert not [f for f in findings(document) if f.rule == "missing-unit"]


def test_an_amount_keeps_its_number(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "amount.xlsx", form_rows(D11="95%"), {"B5": (360, "#,##0.00")})
    total = load_path(path).projects[0].amounts.total
    assert total is not None and total.value == Decimal("360")


def test_a_percentage_over_100_is_still_reported(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "over.xlsx", [("绩效目标表", form_rows(D11="120%", E11="120%"), FORM_MERGES)]
    )
    document = load_path(path)
    assert values(document, "档案规范率") == ("120%", "120%")
    over = [f for f in findings(document) if f.rule == "percent-out-of-range"]
    assert over and all((f.location or "").endswith(("D11", "E11")) for f in over)


def test_a_bare_fraction_without_a_percent_format_is_still_reported(tmp_path: Path) -> None:
    # stored 0.95 shown "0.95": the sheet itself shows no unit
    path = xlsx(tmp_path / "bare.xlsx", form_rows(), {"D11": (0.95, "General")})
    document = load_path(path)
    assert values(document, "档案规范率")[0] == "0.95"
    lost = [f for f in findings(document) if f.location == "绩效目标表!D11"]
    # 档案规范率 should come near 100%: 0.95 is 95% written as a fraction, said once
    assert [f.rule for f in lost] == ["percent-out-of-range"]
    assert "疑似把95%写成了0.95" in lost[0].message


def with_styles(path: Path, styles: bytes | None) -> Path:
    """A copy of a workbook with its ``xl/styles.xml`` replaced (None: left out)."""
    copy = path.with_name(f"styles-{len(styles or b'')}.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/styles.xml":
                target.writestr(item.filename, source.read(item))
            elif styles is not None:
                target.writestr(item.filename, styles)
    return copy


@pytest.mark.parametrize(
    "styles",
    [None, b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
)
def test_a_workbook_without_formats_is_read_as_stored(tmp_path: Path, styles: bytes | None) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [("绩效目标表", form_rows(D11="95%"), FORM_MERGES)])
    assert values(load_path(with_styles(good, styles)), "档案规范率")[0] == "0.95"


def test_a_workbook_with_broken_styles_is_refused_with_a_reason(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [("绩效目标表", form_rows(D11="95%"), FORM_MERGES)])
    with pytest.raises(ReadError, match="corrupt workbook"):
        load_path(with_styles(good, b"<styleSheet"))


def test_a_repeated_percentage_cell_in_an_ods(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "form.ods", [("绩效目标表", form_rows(D11="95%", E11="95%"), FORM_MERGES)]
    )
    content = zipfile.ZipFile(path).read("content.xml").decode()
    cell = '<table:table-cell office:value-type="percentage" office:value="0.95">'
    pair = cell + "<text:p>95%</text:p></table:table-cell>"
    assert content.count(pair * 2) == 1
    repeated = content.replace(
        pair * 2,
        cell.replace("<table:table-cell", '<table:table-cell table:number-columns-repeated="2"')
        + "<text:p>95%</text:p></table:table-cell>",
    )
    again = tmp_path / "repeated.ods"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(again, "w") as target:
        for item in source.infolist():
            body = repeated.encode() if item.filename == "content.xml" else source.read(item)
            target.writestr(item, body)
    assert values(load_path(again), "档案规范率") == ("95%", "95%")


def test_cells_placed_by_their_order_are_found(tmp_path: Path) -> None:
    import re

    path = write_xlsx(tmp_path / "form.xlsx", [("绩效目标表", form_rows(D11="95%"), FORM_MERGES)])
    placed = tmp_path / "placed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(placed, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                # the cells of row 11 after its first follow it without their reference
                row = re.search(rb'<row r="11"[^>]*>.*?</row>', body, flags=re.S)
                assert row is not None
                first = row.group().index(b">", row.group().index(b"<c "))
                cells = row.group()[:first] + re.sub(rb' r="[A-Z]+11"', b"", row.group()[first:])
                body = body.replace(row.group(), cells)
                assert b'r="D11"' not in body
            target.writestr(item.filename, body)
    assert values(load_path(placed), "档案规范率")[0] == "95%"


def test_an_xls_number_in_another_format_keeps_its_number(tmp_path: Path) -> None:
    import xlwt

    path = tmp_path / "formats.xls"
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("绩效目标表")
    for r, row in enumerate(form_rows()):
        for c, value in enumerate(row):
            if value is not None and (r, c) != (10, 3):
                sheet.write(r, c, value)
    sheet.write(10, 3, 0.95, xlwt.easyxf(num_format_str="0.00"))
    workbook.save(str(path))
    assert values(load_path(path), "档案规范率")[0] == "0.95"


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 40), st.integers(0, 30)),
        st.sampled_from(["0%", "0.00%", "0.00", "General", '0"%"', "0.0%", '"≥"0"人"', "F", "E"]),
        max_size=25,
    )
)
def test_the_fast_scan_finds_what_the_xml_parser_finds(cells: dict[tuple[int, int], str]) -> None:
    from openpyxl import Workbook

    from audit.readers.numformats import (
        _display_styles,
        _sheet_cells,
        _sheet_cells_xml,
        xlsx_scan,
    )

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "表"
    for (row, column), code in cells.items():
        value: Any = {"F": "=A1+1", "E": "#REF!"}.get(code, 0.5)
        cell = sheet.cell(row=row + 1, column=column + 1, value=value)
        if code not in ("F", "E"):
            cell.number_format = code
        if code == '"≥"0"人"':
            sheet.row_dimensions[row + 1].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    expected = {place for place, code in cells.items() if percent_format(code)}
    found = xlsx_scan(data)[1].get("表")
    percent = {place for place, shown in (found.shown if found else {}).items() if shown.percent}
    assert percent == expected
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = "xl/worksheets/sheet1.xml"
        every = _display_styles(archive)
        fast, parsed = _sheet_cells(archive, part, every), _sheet_cells_xml(archive, part, every)
    assert fast.shown == parsed.shown
    assert sorted(fast.uncached) == sorted(parsed.uncached)
    assert sorted(fast.errors) == sorted(parsed.errors)
    assert sorted(fast.hidden_rows) == sorted(parsed.hidden_rows)
    assert {(r, c) for r, c, _ in fast.uncached} == {p for p, code in cells.items() if code == "F"}
    assert {(r, c) for r, c, _ in fast.errors} == {p for p, code in cells.items() if code == "E"}
    hidden = {p[0] for p, code in cells.items() if code == '"≥"0"人"'}
    assert set(fast.hidden_rows) == hidden


# --------------------------------------------------------------------------
# A number format's literal text


@pytest.mark.parametrize(
    ("code", "display"),
    [
        ('0"%"', Display(False, "", "%", 0, 0)),
        ("0\\%", Display(False, "", "%", 0, 0)),
        ('"≥"0%', Display(True, "≥", "%", 0, 0)),
        ('"≥"0"人"', Display(False, "≥", "人", 0, 0)),
        ('0"年"', Display(False, "", "年", 0, 0)),
        ('#,##0.00"元"', Display(False, "", "元", 2, 2)),
        ('0.00"万元"', Display(False, "", "万元", 2, 2)),
        ('[Red]"≥"0"家";[Blue]-0"家"', Display(False, "≥", "家", 0, 0)),
        ('"≥"General', Display(False, "≥", "")),  # the number as stored
        ("0%", Display(True, "", "%", 0, 0)),
        ("0.00%_)", Display(True, "", "%", 2, 2)),
        ("0.0%", Display(True, "", "%", 1, 1)),
        ("0.00", Display(False, "", "", 2, 2)),
        ("#,##0.00", Display(False, "", "", 2, 2)),
        ("#,##0.00_ ", Display(False, "", "", 2, 2)),
        ("0.0#", Display(False, "", "", 1, 2)),
    ],
)
def test_format_literal_text(code: str, display: Display) -> None:
    assert display_format(code) == display


@pytest.mark.parametrize(
    "code",
    ["0", "#,##0", "General", "@", "0_);(0)", "0.00E+00"],
)
def test_formats_that_show_the_number_alone(code: str) -> None:
    assert display_format(code) is None


@pytest.mark.parametrize("code", ["yyyy-mm-dd", 'yyyy"年"m"月"', 'm"月"d"日"', "mmm-yy", "m/d"])
def test_date_formats_read_a_date_alone(code: str) -> None:
    assert display_format(code) == Display(False, date=True)


@pytest.mark.parametrize(
    ("stored", "code", "shown"),
    [
        (5000, '"≥"0"人"', "≥5000人"),
        (3, '0"年"', "3年"),
        (0.9, '"≥"0%', "≥90%"),
        (90, '"≥"0"%"', "≥90%"),
        (12.5, '#,##0.00"场"', "12.50场"),
        (4999.6, '"≥"0"人"', "≥5000人"),  # rounded as the sheet shows it
        (0.955, "0%", "96%"),
        (0.95, "0.0%", "95.0%"),
    ],
)
def test_a_number_reads_with_its_format_text(
    tmp_path: Path, stored: float, code: str, shown: str
) -> None:
    path = xlsx(tmp_path / "text.xlsx", form_rows(), {"D22": (stored, code)})
    assert values(load_path(path), "体检人数")[0] == shown


@pytest.mark.parametrize("code", ["0", "#,##0", "General", "@", "0_)"])
def test_a_number_format_without_text_keeps_the_number(tmp_path: Path, code: str) -> None:
    path = xlsx(tmp_path / "plain.xlsx", form_rows(), {"D22": (5000, code)})
    assert values(load_path(path), "体检人数")[0] == "5000"


def test_the_unit_in_the_format_reads_like_the_typed_text(tmp_path: Path) -> None:
    # 5000 shown "≥5000人" beside a typed "≥5000人": the same target, no finding
    path = xlsx(tmp_path / "mixed.xlsx", form_rows(), {"E22": (5000, '"≥"0"人"')})
    document = load_path(path)
    assert values(document, "体检人数") == ("≥5000人", "≥5000人")
    assert not [f for f in findings(document) if (f.location or "").endswith("22")]


def yuan_form(tmp_path: Path, code: str, heading: str | None, scale: int = 10000) -> Document:
    """The form with its amounts formatted ``code`` (in 元 when ``scale``)
    and the heading line ``heading`` (None: no 金额单位 line)."""
    rows = form_rows()
    rows[1][0] = heading
    amounts = {ref: (value * scale, code) for ref, value in (("B5", 360), ("D5", 360))}
    amounts |= {ref: (80 * scale, code) for ref in ("B19", "D19")}
    return load_path(xlsx(tmp_path / "yuan.xlsx", rows, amounts))


@pytest.mark.parametrize("code", ['#,##0.00"元"', '#,##0"元"', '0.00" 元"'])
def test_amounts_formatted_in_yuan_are_yuan(tmp_path: Path, code: str) -> None:
    document = yuan_form(tmp_path, code, None)
    total = document.projects[0].amounts.total
    assert total is not None and total.value == Decimal("360") and total.unit == "元"
    second = document.projects[1].amounts.total
    assert second is not None and second.value == Decimal("80")
    assert not [f for f in findings(document) if f.rule == "amount-format"]


def test_amounts_formatted_in_wan_yuan_stay_wan_yuan(tmp_path: Path) -> None:
    document = yuan_form(tmp_path, '0.00"万元"', None, scale=1)
    total = document.projects[0].amounts.total
    assert total is not None and total.value == Decimal("360") and total.unit == "万元"


@pytest.mark.parametrize(
    ("code", "heading", "value"),
    [
        ("#,##0.00", None, "360"),  # no unit anywhere: 万元
        ("#,##0.00", "金额单位：万元", "360"),
        ('#,##0.00"元"', "金额单位：万元", "3600000"),  # the sheet's own line is not overridden
    ],
)
def test_near_misses_keep_the_unit_the_sheet_states(
    tmp_path: Path, code: str, heading: str | None, value: str
) -> None:
    scale = 10000 if "元" in code else 1
    total = yuan_form(tmp_path, code, heading, scale).projects[0].amounts.total
    assert total is not None and total.value == Decimal(value) and total.unit == "万元"


# --------------------------------------------------------------------------
# Formulas without a saved result, error cells


def with_sheet_xml(path: Path, change: Callable[[bytes], bytes]) -> Path:
    """A copy of a workbook with its sheets' XML changed."""
    copy = path.with_name(f"changed-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                body = change(body)
            target.writestr(item.filename, body)
    return copy


def formula_form(tmp_path: Path, name: str = "绩效目标表", *others: str) -> Path:
    """The form whose 资金总额 B5 is ``=D5`` (openpyxl saves no result),
    with more sheets ``others`` holding the form as typed."""
    from openpyxl import load_workbook

    path = tmp_path / "formula.xlsx"
    sheets = [(name, form_rows(), FORM_MERGES), *((o, form_rows(), FORM_MERGES) for o in others)]
    write_xlsx(path, sheets, FORM_WIDTHS)
    workbook = load_workbook(path)
    workbook[name]["B5"] = "=D5"
    workbook[name]["B19"] = "=D19"
    workbook.save(path)
    return path


def test_a_formula_without_its_result_refuses_the_sheet(tmp_path: Path) -> None:
    path = formula_form(tmp_path)
    assert b"<f>D5</f><v></v>" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    with pytest.raises(ReadError) as refused:
        load_path(path)
    message = str(refused.value)
    assert "sheet 绩效目标表: 2 formulas saved without their results (first B5 =D5)" in message
    assert "open and save it in Excel, WPS or LibreOffice" in message
    assert "\n" not in message


def test_a_formula_is_quoted_as_typed(tmp_path: Path) -> None:
    """The sheet's XML writes a formula's Chinese as character references
    (``&#19975;``); the message quotes the formula as typed."""
    from openpyxl import load_workbook

    path = tmp_path / "formula.xlsx"
    write_xlsx(path, [("绩效目标表", form_rows(), FORM_MERGES)], FORM_WIDTHS)
    workbook = load_workbook(path)
    workbook["绩效目标表"]["B5"] = '=0&"万元/人"'
    workbook.save(path)
    with pytest.raises(ReadError) as refused:
        load_path(path)
    assert '(first B5 =0&"万元/人")' in str(refused.value)


@pytest.mark.parametrize("cell", ["G1", "H12", "A2"])
def test_a_formula_without_its_result_outside_the_table_is_noted(tmp_path: Path, cell: str) -> None:
    # a date or a check beside the table (=TODAY() over the title, a sum right of it)
    from openpyxl import load_workbook

    path = tmp_path / "stray.xlsx"
    write_xlsx(path, [("绩效目标表", form_rows(), FORM_MERGES)], FORM_WIDTHS)
    workbook = load_workbook(path)
    workbook["绩效目标表"][cell] = "=TODAY()"
    workbook.save(path)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert [p.name.value for p in document.projects] == ["社区公共卫生服务经费", "老年人健康体检"]
    assert notes == [
        f"绩效目标表: 1 formula(s) without a saved result outside the table "
        f"(first {cell} =TODAY()): not read"
    ]


def test_the_other_sheets_are_still_read(tmp_path: Path) -> None:
    notes: list[str] = []
    document = load_path(formula_form(tmp_path, "草稿", "绩效目标表"), notes.append)
    assert [p.name.value for p in document.projects] == ["社区公共卫生服务经费", "老年人健康体检"]
    assert any(n.startswith("skipped sheet 草稿: 2 formulas") for n in notes)


def test_a_formula_with_its_result_reads_as_before(tmp_path: Path) -> None:
    saved = with_sheet_xml(
        formula_form(tmp_path), lambda xml: xml.replace(b"<v></v>", b"<v>360</v>")
    )
    total = load_path(saved).projects[0].amounts.total
    assert total is not None and total.value == Decimal("360")


@pytest.mark.parametrize("error", ["#REF!", "#DIV/0!", "#N/A", "#VALUE!"])
def test_an_error_amount_is_quoted_not_called_empty(tmp_path: Path, error: str) -> None:
    path = xlsx(tmp_path / "error.xlsx", form_rows(B5=error), {})
    assert f"<v>{error}</v>" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    document = load_path(path)
    total = document.projects[0].amounts.total
    assert total is not None and total.text.value == error and total.value is None
    [finding] = [f for f in findings(document) if f.location == "绩效目标表!B5"]
    assert finding.rule == "amount-format" and error in finding.message
    assert "为空" not in finding.message


def test_an_error_value_is_no_target(tmp_path: Path) -> None:
    document = load_path(xlsx(tmp_path / "na.xlsx", form_rows(E9="#N/A"), {}))
    assert values(document, "健康讲座场次")[1] == "#N/A"
    [finding] = [f for f in findings(document) if f.location == "绩效目标表!E9"]
    assert "#N/A" in finding.message


def test_a_typed_blank_stays_blank(tmp_path: Path) -> None:
    # near miss: an empty 年度指标值 is still reported empty
    document = load_path(xlsx(tmp_path / "blank.xlsx", form_rows(E9=""), {}))
    assert not values(document, "健康讲座场次")[1]
    assert "empty-value" in [f.rule for f in findings(document) if f.location == "绩效目标表!E9"]


# --------------------------------------------------------------------------
# Hidden rows and sheets


def hidden(tmp_path: Path, rows: Sequence[int], height: int | None = None) -> list[str]:
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "hidden.xlsx", [("绩效目标表", form_rows(), FORM_MERGES)])
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        if height is None:
            sheet.row_dimensions[row].hidden = True
        else:
            sheet.row_dimensions[row].height = height
    workbook.save(path)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert len(document.projects) == 2  # hidden rows are read
    return notes


def test_hidden_rows_are_read_and_noted(tmp_path: Path) -> None:
    notes = hidden(tmp_path, [15])
    assert notes == ["绩效目标表: hidden rows read and checked too: 第15行"]


def test_a_row_merely_styled_gets_no_note(tmp_path: Path) -> None:
    assert hidden(tmp_path, [15], height=30) == []


def test_hidden_row_ranges_are_folded() -> None:
    assert (
        hidden_rows_note("表", (12, 4, 5, 6, 7))
        == "表: hidden rows read and checked too: 第5-8、13行"
    )
    many = hidden_rows_note("表", (1, 3, 5, 7, 9, 11))
    assert many == "表: hidden rows read and checked too: 第2、4、6、8、…行"


@pytest.mark.parametrize(("state", "note"), [("hidden", "hidden"), ("veryHidden", "very hidden")])
def test_a_hidden_sheet_is_read_and_noted(
    tmp_path: Path, state: Literal["hidden", "veryHidden"], note: str
) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(
        tmp_path / "sheets.xlsx",
        [("绩效目标表", form_rows(), FORM_MERGES), ("草稿", form_rows(), FORM_MERGES)],
    )
    workbook = load_workbook(path)
    workbook["草稿"].sheet_state = state
    workbook.save(path)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert f"草稿: a {note} sheet, read too" in notes
    assert len(document.projects) == 4
    workbook["草稿"].sheet_state = "visible"
    workbook.save(path)
    notes.clear()
    load_path(path, notes.append)
    assert not [n for n in notes if "hidden" in n]


def ods_changed(tmp_path: Path, change: Callable[[str], str], *others: str) -> Path:
    """The form as an ``.ods`` (with more sheets ``others``), its first
    sheet's XML changed by ``change``."""
    sheets = [
        ("绩效目标表", form_rows(), FORM_MERGES),
        *((o, form_rows(), FORM_MERGES) for o in others),
    ]
    path = write_ods(tmp_path / "form.ods", sheets)
    content = zipfile.ZipFile(path).read("content.xml").decode()
    first, rest = content.split("</table:table>", 1)
    changed = tmp_path / "changed.ods"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "content.xml":
                body = (change(first) + "</table:table>" + rest).encode()
            target.writestr(item, body)
    return changed


NO_RESULT = '<table:table-cell table:number-rows-spanned="2" table:formula="of:=[.D5]"><text:p/>'
SAVED = (
    '<table:table-cell table:number-rows-spanned="2" table:formula="of:=[.D5]" '
    'office:value-type="float" office:value="360"><text:p>360.00</text:p>'
)
B5 = '<table:table-cell table:number-rows-spanned="2" office:value-type="float" office:value="360.0"><text:p>360.00</text:p>'


def test_an_ods_formula_without_its_result_refuses_the_sheet(tmp_path: Path) -> None:
    path = ods_changed(tmp_path, lambda xml: xml.replace(B5, NO_RESULT, 1))
    with pytest.raises(
        ReadError,
        match=r"sheet 绩效目标表: 1 formula saved without its result \(first B5 =\[\.D5\]\)",
    ):
        load_path(path)
    notes: list[str] = []
    document = load_path(
        ods_changed(tmp_path, lambda xml: xml.replace(B5, NO_RESULT, 1), "副本"), notes.append
    )
    assert len(document.projects) == 2 and any("skipped sheet 绩效目标表" in n for n in notes)


def test_an_ods_formula_with_its_result_reads_as_before(tmp_path: Path) -> None:
    document = load_path(ods_changed(tmp_path, lambda xml: xml.replace(B5, SAVED, 1)))
    total = document.projects[0].amounts.total
    assert total is not None and total.value == Decimal("360")


@pytest.mark.parametrize(
    ("visibility", "noted"), [("collapse", True), ("filter", True), ("visible", False)]
)
def test_hidden_ods_rows_are_noted(tmp_path: Path, visibility: str, noted: bool) -> None:
    def hide(xml: str) -> str:
        rows = xml.split("<table:table-row>")
        rows[15] = f'<table:table-row table:visibility="{visibility}">' + rows[15]
        return "".join(r if i in (0, 15) else "<table:table-row>" + r for i, r in enumerate(rows))

    notes: list[str] = []
    document = load_path(ods_changed(tmp_path, hide), notes.append)
    assert len(document.projects) == 2
    expected = ["绩效目标表: hidden rows read and checked too: 第15行"] if noted else []
    assert notes == expected


@pytest.mark.parametrize("hide", [True, False])
def test_hidden_xls_rows_are_noted(tmp_path: Path, hide: bool) -> None:
    import xlwt

    path = tmp_path / "hidden.xls"
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("绩效目标表")
    for r, row in enumerate(form_rows()):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    if hide:
        sheet.row(14).hidden = True
    else:
        sheet.row(14).height = 600  # near miss: a row merely styled
    workbook.save(str(path))
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert len(document.projects) == 2
    assert notes == (["绩效目标表: hidden rows read and checked too: 第15行"] if hide else [])


# --------------------------------------------------------------------------
# Struck-through text: an edit left visible in the cell


def struck_form(tmp_path: Path, strike: str = "1") -> Path:
    """The form whose 档案规范率 period value D11 is ``≥90%`` struck through,
    then ``≥95%`` (an edit left visible), written as rich text (openpyxl
    writes it in the cell: an inline string)."""
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    path = xlsx(tmp_path / "struck.xlsx", form_rows(), {})
    workbook = load_workbook(path, rich_text=True)
    sheet = workbook.active
    assert sheet is not None
    sheet["D11"] = CellRichText(
        [TextBlock(InlineFont(strike=strike == "1"), "≥90%"), TextBlock(InlineFont(b=True), "≥95%")]
    )
    workbook.save(path)
    return path


def as_shared_string(path: Path) -> Path:
    """The workbook with D11's inline rich text moved to a shared string, as
    Excel and WPS write it."""
    import re

    shared = path.with_name("shared.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(shared, "w") as target:
        sheet = source.read("xl/worksheets/sheet1.xml").decode()
        cell = re.search(r'<c r="D11"[^>]*t="inlineStr"[^>]*><is>(.*?)</is></c>', sheet)
        assert cell is not None
        sheet = sheet.replace(cell.group(), '<c r="D11" t="s"><v>0</v></c>')
        ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        strings = f'<sst xmlns="{ns}" count="1" uniqueCount="1"><si>{cell.group(1)}</si></sst>'
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = sheet.encode()
            elif item.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>',
                )
            target.writestr(item.filename, body)
        target.writestr("xl/sharedStrings.xml", strings)
    return shared


@pytest.mark.parametrize("where", ["inline", "shared"])
def test_struck_through_text_is_not_read(tmp_path: Path, where: str) -> None:
    path = struck_form(tmp_path)
    if where == "shared":
        path = as_shared_string(path)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert values(document, "档案规范率")[0] == "≥95%"
    assert notes == [
        "绩效目标表: 1 cell(s) with struck-through text (first D11): the struck text not read"
    ]


@pytest.mark.parametrize("where", ["inline", "shared"])
def test_rich_text_without_a_strike_is_read_whole(tmp_path: Path, where: str) -> None:
    path = struck_form(tmp_path, strike="0")  # bold, not struck
    if where == "shared":
        path = as_shared_string(path)
    notes: list[str] = []
    assert values(load_path(path, notes.append), "档案规范率")[0] == "≥90%≥95%"
    assert notes == []


def test_struck_through_text_in_a_sheet_read_as_xml(tmp_path: Path) -> None:
    # a cell that does not name its place makes the sheet read as XML: the same result
    import re

    path = struck_form(tmp_path)
    placed = tmp_path / "placed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(placed, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                row = re.search(rb'<row r="11"[^>]*>.*?</row>', body, flags=re.S)
                assert row is not None
                first = row.group().index(b">", row.group().index(b"<c "))
                cells = row.group()[:first] + re.sub(rb' r="[A-Z]+11"', b"", row.group()[first:])
                body = body.replace(row.group(), cells)
            target.writestr(item.filename, body)
    notes: list[str] = []
    assert values(load_path(placed, notes.append), "档案规范率")[0] == "≥95%"
    assert len(notes) == 1 and "struck-through" in notes[0]
