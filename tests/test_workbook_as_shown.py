"""Workbook numbers, times and dates read as the sheet shows them, not as
stored: fixed decimals (``2025.1`` formatted ``0.00`` shows ``2025.10``, a
year and its October), a time formatted ``h:mm`` (``0:30``), a date with a
time as its format writes it; the same from an ``.xls`` and an ``.ods`` as
from an ``.xlsx``.

The workbooks are the national form of ``examples/`` written with the
generators of ``scripts/make_examples.py`` (openpyxl, xlwt; an ``.ods``'s
XML directly), a few cells set as a person types them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document
from audit.pipeline import load_path
from audit.readers import ReadError
from audit.readers.numformats import clock_text, display_format, shown_display
from scripts.make_examples import write_xlsx
from scripts.make_national_examples import FORM_MERGES, FORM_WIDTHS
from tests.test_workbook_formats import findings, form_rows, values, xlsx


def form(tmp_path: Path, cells: dict[str, tuple[Any, str]], name: str = "form.xlsx") -> Path:
    """The national form as an ``.xlsx``, ``cells`` set to a stored value
    and a number format."""
    return xlsx(tmp_path / name, form_rows(), cells)


def total(document: Document, project: int = 0) -> tuple[str, Decimal | None]:
    amount = document.projects[project].amounts.total
    assert amount is not None
    return amount.text.value, amount.value


# --------------------------------------------------------------------------
# Fixed decimals


@pytest.mark.parametrize(
    ("stored", "code", "shown"),
    [
        (2025.1, "0.00", "2025.10"),  # a year-month typed 2025.10: October, not January
        (2025.1, "#,##0.00", "2025.10"),
        (5000, "0.00", "5000.00"),
        (12.345, "0.00", "12.35"),  # rounded as shown (half away from zero)
        (3.5, "0.0#", "3.5"),  # a # shows no trailing zero
        (3.456, "0.0#", "3.46"),
    ],
)
def test_a_number_with_fixed_decimals_reads_as_shown(
    tmp_path: Path, stored: float, code: str, shown: str
) -> None:
    document = load_path(form(tmp_path, {"D22": (stored, code)}))
    assert values(document, "体检人数")[0] == shown


@pytest.mark.parametrize(
    ("stored", "code", "kept"),
    [
        (2025.1, "General", "2025.1"),  # no digit a General cell does not show
        (2025.1, "0", "2025.1"),  # fewer than two decimals: the stored digits stay
        (3.14159, "0.0", "3.14159"),
        (5000, "#,##0", "5000"),
    ],
)
def test_near_misses_keep_the_stored_digits(
    tmp_path: Path, stored: float, code: str, kept: str
) -> None:
    document = load_path(form(tmp_path, {"D22": (stored, code)}))
    assert values(document, "体检人数")[0] == kept


def test_an_amount_reads_as_its_format_shows_it(tmp_path: Path) -> None:
    document = load_path(form(tmp_path, {"B5": (1234.5, "#,##0.00"), "D5": (1234.5, "0.00")}))
    assert total(document) == ("1234.50", Decimal("1234.50"))
    assert not [f for f in findings(document) if f.rule in ("amount-format", "row-sum-mismatch")]


def test_an_amount_shown_rounded_is_the_published_figure(tmp_path: Path) -> None:
    # stored with more digits than shown: the table publishes 360.01 = 200.00 + 160.00,
    # a gap rounding explains; read as stored it would be exact, and 360.008 no amount
    cells = {"B5": (360.008, "0.00"), "D5": (200.004, "0.00"), "D6": (160.004, "0.00")}
    document = load_path(form(tmp_path, cells))
    assert total(document) == ("360.01", Decimal("360.01"))
    rules = [f.rule for f in findings(document) if (f.location or "").endswith(("B5", "D5"))]
    assert "row-sum-mismatch" not in rules and "amount-format" not in rules


def test_an_amount_shown_to_the_yuan_keeps_its_cents(tmp_path: Path) -> None:
    # near miss: a format without decimals does not round 360.45 to 360, which the
    # sums, judged as figures printed to 0.01, would take for an error
    document = load_path(form(tmp_path, {"B5": (360.45, "#,##0"), "D5": (360.45, "#,##0")}))
    assert total(document)[1] == Decimal("360.45")
    assert not [f for f in findings(document) if f.rule == "row-sum-mismatch"]


def test_a_percentage_shows_its_decimals(tmp_path: Path) -> None:
    document = load_path(form(tmp_path, {"D11": (0.95, "0.0%"), "E11": (0.95, "0%")}))
    assert values(document, "档案规范率") == ("95.0%", "95%")


def test_a_period_typed_as_a_number_reads_as_its_months(tmp_path: Path) -> None:
    document = load_path(form(tmp_path, {"D4": (2025.1, "0.00"), "E4": (2027.12, "0.00")}))
    term = document.projects[0].term
    assert term is not None and "2025.10" in term.value and "2027.12" in term.value


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
    st.sampled_from(["0.00", "#,##0.00", "0.00_ ", "#,##0.00_);(#,##0.00)"]),
)
def test_two_decimals_show_the_typed_amount(typed: Decimal, code: str) -> None:
    # whatever a person types with two decimals reads back as typed, trailing zero kept
    shown = display_format(code)
    assert shown is not None and shown.plain
    assert shown.number(float(typed)) == format(typed if typed else abs(typed), "f")


# --------------------------------------------------------------------------
# Times and dates with times


@pytest.mark.parametrize(
    ("stored", "code", "shown"),
    [
        (dt.time(0, 30), "h:mm", "0:30"),
        (dt.time(8, 5), "hh:mm", "08:05"),
        (dt.time(14, 30), "h:mm AM/PM", "2:30 PM"),
        (dt.time(9, 5), 'h"时"mm"分"', "9时05分"),
        (dt.time(0, 1, 30), "mm:ss", "01:30"),
        (dt.timedelta(hours=30, minutes=5), "[h]:mm", "30:05"),
        (dt.datetime(2025, 11, 30, 17, 0), "yyyy-mm-dd hh:mm", "2025-11-30 17:00"),
        (dt.datetime(2025, 11, 30, 17, 0), "yyyy/m/d h:mm", "2025/11/30 17:00"),
        (dt.datetime(2025, 11, 30, 17, 0), 'yyyy"年"m"月"d"日" h:mm', "2025年11月30日 17:00"),
    ],
)
def test_a_time_reads_as_its_format_shows_it(
    tmp_path: Path, stored: dt.time | dt.datetime | dt.timedelta, code: str, shown: str
) -> None:
    document = load_path(form(tmp_path, {"D23": (stored, code)}))
    assert values(document, "体检完成时间")[0] == shown


@pytest.mark.parametrize(
    ("stored", "code"),
    [
        (dt.datetime(2025, 11, 30), 'yyyy"年"m"月"d"日"'),
        (dt.datetime(2025, 11, 30), "m-d"),
        (dt.datetime(2025, 11, 30), "yyyy-mm-dd"),
    ],
)
def test_a_date_cell_keeps_its_date(tmp_path: Path, stored: dt.datetime, code: str) -> None:
    # near miss: a date alone reads as its date, whatever its format (a count typed 1-3
    # that a spreadsheet made a date is told by that date; see value-type-mismatch)
    document = load_path(form(tmp_path, {"D23": (stored, code)}))
    assert values(document, "体检完成时间")[0] == "2025-11-30"


@pytest.mark.parametrize("code", ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "m/d"])
def test_a_date_format_hides_the_time_of_day(tmp_path: Path, code: str) -> None:
    # a date with a time (17:00), shown by a date format: the date the sheet shows
    document = load_path(form(tmp_path, {"D23": (dt.datetime(2025, 11, 30, 17, 0), code)}))
    assert values(document, "体检完成时间")[0] == "2025-11-30"


@pytest.mark.parametrize(
    "code", ["h:mm", "[h]:mm:ss", "yyyy-mm-dd hh:mm", "mm:ss", 'h"时"mm"分"', "h:mm:ss AM/PM"]
)
def test_time_formats_are_found(code: str) -> None:
    shown = display_format(code)
    assert shown is not None and shown.clock == code and not shown.plain


@given(st.times())
def test_a_time_of_day_round_trips(moment: dt.time) -> None:
    # h:mm:ss writes the time to the second, rounded
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    seconds += moment.microsecond >= 500_000
    hours, rest = divmod(seconds, 3600)
    assert clock_text("hh:mm:ss", moment) == f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


# --------------------------------------------------------------------------
# .xls and .ods read as .xlsx is


def xls_form(tmp_path: Path, cells: dict[str, tuple[Any, str]], errors: Any = ()) -> Path:
    """The national form as a legacy ``.xls`` (xlwt), ``cells`` set to a
    stored value and a number format, ``errors`` to error cells."""
    import xlwt

    path = tmp_path / "form.xls"
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("绩效目标表")
    places = {_place(reference): value for reference, value in cells.items()}
    wrong = {_place(reference): error for reference, error in errors}
    for r, row in enumerate(form_rows()):
        for c in range(max(len(row), 5)):
            if (r, c) in places:
                value, code = places[(r, c)]
                sheet.write(r, c, value, xlwt.easyxf(num_format_str=code))
            elif (r, c) in wrong:
                sheet.row(r).set_cell_error(c, _BIFF_ERRORS[wrong[(r, c)]])
            elif c < len(row) and row[c] is not None:
                sheet.write(r, c, row[c])
    workbook.save(str(path))
    return path


_BIFF_ERRORS = {"#REF!": 0x17, "#DIV/0!": 0x07, "#N/A": 0x2A}
"""The codes an ``.xls`` stores for errors (xlwt's names differ for #N/A)."""


def _place(reference: str) -> tuple[int, int]:
    return int(reference[1:]) - 1, ord(reference[0]) - ord("A")


_CALCEXT = 'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '


def ods_form(tmp_path: Path, cells: dict[str, str]) -> Path:
    """The national form as an ``.ods``, ``cells`` replaced by the given
    ``<table:table-cell>`` XML (as LibreOffice saves such a cell)."""
    import zipfile

    from scripts.make_examples import write_ods

    marked = form_rows(**{reference: f"@@{reference}@@" for reference in cells})
    path = write_ods(tmp_path / "marked.ods", [("绩效目标表", marked, FORM_MERGES)])
    content = zipfile.ZipFile(path).read("content.xml").decode()
    for reference, xml in cells.items():
        start = content.index(f"<text:p>@@{reference}@@</text:p>")
        start = content.rindex("<table:table-cell", 0, start)
        end = content.index("</table:table-cell>", start) + len("</table:table-cell>")
        content = content[:start] + xml + content[end:]
    content = content.replace("xmlns:table=", _CALCEXT + "xmlns:table=", 1)
    changed = tmp_path / "form.ods"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            body = content.encode() if item.filename == "content.xml" else source.read(item)
            target.writestr(item, body)
    return changed


def ods_number(value: float, text: str, kind: str = "float") -> str:
    return (
        f'<table:table-cell office:value-type="{kind}" office:value="{value!r}">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


XLS_AND_ODS_CELLS = [
    # (cell, stored, .xlsx/.xls format, .ods text, indicator, read)
    ("D22", 5000, '"≥"0"人"', "≥5000人", "体检人数", "≥5000人"),
    ("D22", 2025.1, "0.00", "2025.10", "体检人数", "2025.10"),
    ("D22", 12.5, '#,##0.00"场"', "12.50场", "体检人数", "12.50场"),
    ("D22", 2025.1, "General", "2025.1", "体检人数", "2025.1"),  # near miss: as stored
    ("D22", 5000, "#,##0", "5,000", "体检人数", "5000"),  # near miss: no decimals
    ("D11", 0.95, "0.0%", "95.0%", "档案规范率", "95.0%"),
]


@pytest.mark.parametrize(("cell", "stored", "code", "text", "name", "read"), XLS_AND_ODS_CELLS)
def test_an_xls_and_an_ods_read_as_the_xlsx(
    tmp_path: Path, cell: str, stored: float, code: str, text: str, name: str, read: str
) -> None:
    kind = "percentage" if code.endswith("%") else "float"
    xlsx_path = form(tmp_path, {cell: (stored, code)})
    xls_path = xls_form(tmp_path, {cell: (stored, code)})
    ods_path = ods_form(tmp_path, {cell: ods_number(stored, text, kind)})
    for path in (xlsx_path, xls_path, ods_path):
        assert values(load_path(path), name)[0] == read, path.suffix


def test_an_ods_text_that_is_no_writing_of_the_number_reads_as_stored(tmp_path: Path) -> None:
    # near miss: another locale's separators, or a text that does not match the value
    for text in ("2.025,10", "2026", "1/2"):
        path = ods_form(tmp_path, {"D22": ods_number(2025.1, text)})
        assert values(load_path(path), "体检人数")[0] == "2025.1"


@pytest.mark.parametrize("error", ["#REF!", "#DIV/0!", "#N/A"])
def test_error_cells_of_an_xls_and_an_ods_read_as_their_error(tmp_path: Path, error: str) -> None:
    ods_cells = {
        "B5": (
            '<table:table-cell table:number-rows-spanned="2" table:formula="of:=1/0" '
            'office:value-type="float" office:value="0" calcext:value-type="error">'
            f"<text:p>{error}</text:p></table:table-cell>"
        )
    }
    for path in (xls_form(tmp_path, {}, [("B5", error)]), ods_form(tmp_path, ods_cells)):
        document = load_path(path)
        total = document.projects[0].amounts.total
        assert total is not None and total.text.value == error and total.value is None
        [finding] = [f for f in findings(document) if f.location == "绩效目标表!B5"]
        assert finding.rule == "amount-format" and error in finding.message


def test_an_ods_text_that_merely_looks_like_an_error_is_text(tmp_path: Path) -> None:
    # near miss: #N/A typed as text, no formula: the cell's text, read as before
    cell = '<table:table-cell office:value-type="string"><text:p>#N/A</text:p></table:table-cell>'
    assert values(load_path(ods_form(tmp_path, {"D22": cell})), "体检人数")[0] == "#N/A"


def test_times_of_an_xls_and_an_ods_read_as_shown(tmp_path: Path) -> None:
    xls_path = xls_form(
        tmp_path,
        {"D23": (dt.time(0, 30), "h:mm"), "E23": (dt.datetime(2025, 11, 30, 17), "yyyy/m/d h:mm")},
    )
    ods_path = ods_form(
        tmp_path,
        {
            "D23": '<table:table-cell office:value-type="time" office:time-value="PT00H30M00S">'
            "<text:p>0:30</text:p></table:table-cell>",
            "E23": '<table:table-cell office:value-type="date" '
            'office:date-value="2025-11-30T17:00:00"><text:p>2025/11/30 17:00</text:p>'
            "</table:table-cell>",
        },
    )
    for path in (xls_path, ods_path):
        assert values(load_path(path), "体检完成时间") == ("0:30", "2025/11/30 17:00")


@pytest.mark.parametrize("stored", ["2025-11-30", "2025-11-30T17:00:00"])
def test_a_date_of_an_ods_keeps_its_date(tmp_path: Path, stored: str) -> None:
    # near miss: a date shown alone (11月30日) reads as its date, as in an .xlsx
    cell = (
        f'<table:table-cell office:value-type="date" office:date-value="{stored}">'
        "<text:p>11月30日</text:p></table:table-cell>"
    )
    assert values(load_path(ods_form(tmp_path, {"D23": cell})), "体检完成时间")[0] == "2025-11-30"


def test_an_ods_amount_in_yuan_states_the_unit(tmp_path: Path) -> None:
    rows = {"B5": 3600000, "D5": 3600000}
    cells = {
        reference: (
            f'<table:table-cell office:value-type="currency" office:currency="CNY" '
            f'office:value="{value}"><text:p>{value:,.2f}元</text:p></table:table-cell>'
        )
        for reference, value in rows.items()
    }
    path = ods_form(tmp_path, cells)
    from zipfile import ZipFile

    content = ZipFile(path).read("content.xml").decode()
    content_without_heading = content.replace(
        "<text:p>金额单位：万元</text:p>", "<text:p></text:p>"
    )
    assert content_without_heading != content
    with ZipFile(path) as source, ZipFile(tmp_path / "yuan.ods", "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "content.xml":
                body = content_without_heading.encode()
            target.writestr(item, body)
    total = load_path(tmp_path / "yuan.ods").projects[0].amounts.total
    assert total is not None and total.unit == "元" and total.value == Decimal("360")


# --------------------------------------------------------------------------
# The unit a format gives is the table's whose cells carry it

BUDGET = {"收支总表": None, "收入": "本年预算", "一般公共预算拨款": 3600000.0, "合计": 3600000.0}
"""A 收支总表 (label, value), its amounts in 元 when formatted so."""


def with_budget_table(
    tmp_path: Path, where: str, heading: str | None, budget_code: str, form_code: str | None
) -> Path:
    """The form (its 金额单位 line ``heading``, its amounts formatted
    ``form_code`` in 元 when given) with a 收支总表 ``above`` it or ``beside``
    it (two empty columns between), its amounts formatted ``budget_code``."""
    from openpyxl import load_workbook

    rows = form_rows()
    rows[1][0] = heading
    if where == "above":
        rows = [[label, "-"] for label in BUDGET] + [[None]] + rows  # set below
    path = write_xlsx(tmp_path / f"{where}.xlsx", [("绩效目标表", rows, ())], FORM_WIDTHS)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    at = 0 if where == "above" else 7  # column A, or H past the form's A:E and two empty
    for r, (label, value) in enumerate(BUDGET.items(), start=1):
        sheet.cell(r, at + 1, label)
        cell = sheet.cell(r, at + 2, value)
        if isinstance(value, float):
            cell.number_format = budget_code
    if form_code is not None:
        shift = len(BUDGET) + 1 if where == "above" else 0
        for reference in ("B5", "D5", "B19", "D19"):
            cell = sheet[f"{reference[0]}{int(reference[1:]) + shift}"]
            cell.value = float(cell.value) * 10000
            cell.number_format = form_code
    workbook.save(path)
    return path


@pytest.mark.parametrize("where", ["above", "beside"])
@pytest.mark.parametrize("heading", [None, "金额单位：万元"])
def test_a_budget_table_in_yuan_gives_the_table_no_unit(
    tmp_path: Path, where: str, heading: str | None
) -> None:
    path = with_budget_table(tmp_path, where, heading, '#,##0.00"元"', None)
    amount = load_path(path).projects[0].amounts.total
    assert amount is not None and amount.unit == "万元" and amount.value == Decimal("360")


@pytest.mark.parametrize("where", ["above", "beside"])
@pytest.mark.parametrize("budget_code", ['#,##0.00"元"', "#,##0.00"])
def test_the_table_formatted_in_yuan_is_in_yuan(
    tmp_path: Path, where: str, budget_code: str
) -> None:
    # near miss: the format on the table's own amounts still gives it its unit
    path = with_budget_table(tmp_path, where, None, budget_code, '#,##0.00"元"')
    amount = load_path(path).projects[0].amounts.total
    assert amount is not None and amount.unit == "元" and amount.value == Decimal("360")


# --------------------------------------------------------------------------
# .xlsb: refused, with what to do


def test_an_xlsb_is_refused_with_one_line_saying_to_save_it_as_xlsx(tmp_path: Path) -> None:
    from scripts.make_xlsb import write_xlsb

    path = write_xlsb(tmp_path / "form.xlsb", "绩效目标表", [["档案规范率", 0.95]])
    with pytest.raises(ReadError) as refused:
        load_path(path)
    message = str(refused.value)
    assert "\n" not in message
    assert "Excel binary workbook (.xlsb)" in message and "save it as .xlsx" in message


def test_a_walk_passes_over_an_xlsb_and_a_doc_with_a_note(tmp_path: Path) -> None:
    """A directory an auditor lints may hold files of kinds the tool does not
    read: each is passed over with a note saying what to save it as (never
    missed without a word, never failing the run); named, each is refused."""
    import shutil

    from scripts.make_xlsb import write_xlsb
    from tests.conftest import SEED_004, run_main

    shutil.copy(SEED_004, tmp_path / "table.txt")
    write_xlsb(tmp_path / "form.xlsb", "绩效目标表", [["档案规范率", 0.95]])
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (tmp_path / "old.doc").write_bytes(ole2 + "WordDocument".encode("utf-16-le") + bytes(100))
    status, out, err = run_main("lint", "--no-config", "--no-cache", "--lang", "en", str(tmp_path))
    assert status == 0
    notes = sorted(line for line in err.splitlines() if "note:" in line)
    assert notes == [
        f"indicator-audit: {tmp_path / 'form.xlsb'}: note: an Excel binary workbook (.xlsb): "
        "its cells' formats cannot be read (a percentage typed 95% would read 0.95), nor its "
        "sheets' size checked before they are read; save it as .xlsx (File → Save As → Excel "
        "Workbook) and lint again",
        f"indicator-audit: {tmp_path / 'old.doc'}: note: a Word 97-2003 document (.doc): "
        "save it as .docx",
    ]
    status, _, err = run_main("lint", "--no-config", "--no-cache", str(tmp_path))
    assert "已跳过：Word 97-2003 文档（.doc）：请另存为 .docx 后再检查" in err
    for name in ("form.xlsb", "old.doc"):
        status, out, _ = run_main("lint", "--no-config", "--no-cache", str(tmp_path / name))
        assert status == 2 and "read-error" in out


def test_calamine_reads_an_xlsb_without_its_formats(tmp_path: Path) -> None:
    # why it is refused: the cell Excel shows 95% comes back 0.95, with nothing
    # to tell it is a percentage (python-calamine gives no cell's format)
    from python_calamine import CalamineWorkbook

    from scripts.make_xlsb import write_xlsb

    path = write_xlsb(tmp_path / "form.xlsb", "绩效目标表", [["档案规范率", 0.95]])
    workbook = CalamineWorkbook.from_path(str(path))
    assert workbook.get_sheet_by_name("绩效目标表").to_python() == [["档案规范率", 0.95]]
    sheet = workbook.get_sheet_by_name("绩效目标表")
    assert not [name for name in dir(sheet) if "format" in name and not name.startswith("_")]


def test_an_xlsx_with_a_stray_binary_part_is_still_an_xlsx(tmp_path: Path) -> None:
    # near miss: an .xlsx that also holds a part named workbook.bin is read as an .xlsx
    import zipfile

    path = form(tmp_path, {"D11": (0.95, "0%")})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/workbook.bin", b"")
    assert values(load_path(path), "档案规范率")[0] == "95%"


@given(
    st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False),
    st.sampled_from(['"≥"0"人"', "0.00", '#,##0.00"元"', "0.0%", '0.0"万人次"', "0%", '"≤"0.00']),
)
def test_an_ods_text_reads_as_the_xlsx_format_that_wrote_it(typed: Decimal, code: str) -> None:
    # what an .xlsx cell of this format reads is what the .ods cell showing the same reads
    stored = float(typed)
    written = display_format(code)
    assert written is not None
    text = written.show(stored)
    shown = shown_display(text, stored, percent=written.percent)
    assert shown is not None and shown.show(stored) == text


@pytest.mark.parametrize(
    ("stored", "code", "shown"),
    [
        (1e300, "0.00", "1e+300"),  # more digits than shown: as stored, never a traceback
        (1e300, '"≥"0.00"人"', "1e+300"),
        (2025.1, "0." + "0" * 30, "2025." + "1" + "0" * 29),  # the 30 decimals a format allows
        (float("inf"), "0.00", "inf"),
    ],
)
def test_extreme_numbers_read_without_failing(stored: float, code: str, shown: str) -> None:
    display = display_format(code)
    assert display is not None
    assert display.show(stored) == shown


def test_an_ods_text_of_more_digits_than_a_number_holds_reads_as_stored() -> None:
    assert shown_display("1" + "0" * 200 + ".00", 1e200) is None
    assert shown_display("1." + "0" * 200, 1.0) is None


@pytest.mark.parametrize(
    "code", ['"¥"#,##0.00', "[$¥-804]#,##0.00", "¥#,##0.00;-¥#,##0.00", '"￥"#,##0.00']
)
def test_an_amount_in_a_currency_format_is_its_number(tmp_path: Path, code: str) -> None:
    """A currency format shows ¥ before the amount: the amount is the number,
    not "not a number"."""
    document = load_path(form(tmp_path, {"B5": (360, code), "D5": (360, code)}))
    text, value = total(document)
    assert text[0] in "¥￥" and value == Decimal("360.00")
    assert not [f for f in findings(document) if f.rule in ("amount-format", "row-sum-mismatch")]
