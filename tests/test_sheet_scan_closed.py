"""The sheet-size scan fails closed: a workbook whose sheets it cannot find
or read is refused with one line, never left to calamine to build a grid of
billions of cells; and an archive is bounded by what it unpacks to, not by
its compressed size.

The workbooks are written here, part by part, as a program other than a
spreadsheet program may write them (each with 项目名称 in A1 and, for the
refused ones, one value far away)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.limits import MAX_UNPACKED_BYTES
from audit.pipeline import load_path
from audit.readers import ReadError
from audit.readers.sheetsize import Extent, _scan_refs, _scan_xml, xls_extents, xlsx_extents
from scripts.make_examples import rows_from_tsv, write_xlsx
from tests.conftest import SEED_001, run_main

PANYU_ROWS = rows_from_tsv(SEED_001.read_text(encoding="utf-8"))

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_RELS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
FAR = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
NEAR = '<row r="3"><c r="C3"><v>1</v></c></row>'


def workbook_xml(
    main: str = MAIN, rels: str = RELS_NS, decl: str = "UTF-8", extra: str = ""
) -> str:
    return (
        f'<?xml version="1.0" encoding="{decl}"?><workbook xmlns="{main}" xmlns:r="{rels}">'
        f'<sheets><sheet name="Sheet1" sheetId="1"{extra} r:id="rId1"/></sheets></workbook>'
    )


def sheet_xml(rows: str, main: str = MAIN) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row>'
        f"{rows}</sheetData></worksheet>"
    )


def write_parts(path: Path, workbook: str | None = None, sheet: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", workbook or workbook_xml())
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet or sheet_xml(FAR))
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ReadError) as error:
        load_path(path)
    message = str(error.value)
    assert "\n" not in message
    return message


TOO_LARGE = "table too large: sheet Sheet1 spans A1:XFD1048576"
STRICT = {"main": STRICT_MAIN, "rels": STRICT_RELS}


@pytest.mark.parametrize(
    ("workbook", "main"),
    [
        (workbook_xml(), MAIN),  # the control: always refused
        (workbook_xml(**STRICT), STRICT_MAIN),  # Strict Open XML
        (workbook_xml(rels="urn:another-namespace"), MAIN),  # r: bound to another URI
    ],
    ids=["transitional", "strict", "r-prefix-elsewhere"],
)
def test_a_far_cell_is_found_whatever_the_namespaces(
    tmp_path: Path, workbook: str, main: str
) -> None:
    far = write_parts(tmp_path / "far.xlsx", workbook, sheet_xml(FAR, main))
    assert refusal(far).startswith(TOO_LARGE)
    near = write_parts(tmp_path / "near.xlsx", workbook, sheet_xml(NEAR, main))
    assert xlsx_extents(near.read_bytes()).extents == {"Sheet1": Extent(0, 0, 2, 2)}
    assert "too large" not in refusal(near) and "cannot be checked" not in refusal(near)


@pytest.mark.parametrize(
    "workbook",
    [
        workbook_xml(decl="GBK"),  # an encoding expat does not know
        workbook_xml(extra=' foo="a&nbsp;b"'),  # an entity XML does not define
    ],
    ids=["gbk-declaration", "undefined-entity"],
)
def test_a_workbook_whose_sheets_cannot_be_found_is_refused(tmp_path: Path, workbook: str) -> None:
    for rows in (FAR, NEAR):  # not measured: refused however small it is
        message = refusal(write_parts(tmp_path / "wb.xlsx", workbook, sheet_xml(rows)))
        assert message.startswith(
            "corrupt workbook: the size of sheet Sheet1 cannot be checked before it is read ("
        )


def test_a_sheet_the_workbook_does_not_name_is_refused(tmp_path: Path) -> None:
    # calamine finds Sheet1 (matched by its prefix), the scan finds no sheet
    workbook = workbook_xml()
    missing_target = WORKBOOK_RELS.replace('Id="rId1"', 'Id="rId9"')
    path = tmp_path / "unmatched.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", missing_target)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml(FAR))
    sheets = xlsx_extents(path.read_bytes())
    assert sheets.extents == {}
    with pytest.raises(ReadError, match="cannot be checked"):
        sheets.check("Sheet1")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ('<row r="1048576"><c foo=">" r="XFD1048576"><v>1</v></c></row>', None),
        ('<row r="1048576"><c foo="&gt;>" r="XFD1048576"><v>1</v></c></row>', None),
        ('<row foo=">" r="1048576"><c foo=">" r="XFD1048576"><v>1</v></c></row>', None),
        ("<row r='200000'><c foo='>' r='Z200000'><v>1</v></c></row>", None),
        # near misses: read as XML, placed where they are
        ('<row r="3"><c foo=">" r="C3"><v>1</v></c></row>', Extent(0, 0, 2, 2)),
        ('<row r="2"><c r="B2" t="inlineStr"><is><t>a=">b"</t></is></c></row>', Extent(0, 0, 1, 1)),
    ],
)
def test_a_greater_than_sign_in_an_attribute_does_not_hide_a_cell(
    tmp_path: Path, rows: str, expected: Extent | None
) -> None:
    path = write_parts(tmp_path / "gt.xlsx", sheet=sheet_xml(rows))
    if expected is None:
        assert refusal(path).startswith("table too large: sheet Sheet1 spans A1:")
    else:
        assert xlsx_extents(path.read_bytes()).extents == {"Sheet1": expected}


def test_a_sheet_that_is_not_xml_and_hides_its_cells_is_refused(tmp_path: Path) -> None:
    rows = '<row r="1048576"><c foo=">" r="XFD1048576"><v>&nbsp;</v></c></row>'
    message = refusal(write_parts(tmp_path / "bad.xlsx", sheet=sheet_xml(rows)))
    assert message.startswith("corrupt workbook: the size of sheet Sheet1 cannot be checked")
    assert "ParseError: undefined entity" in message


@given(
    cells=st.lists(
        st.tuples(st.integers(0, 2_000_000), st.integers(0, 20_000)), min_size=1, max_size=30
    ),
    prefix=st.sampled_from(["", "x:"]),
)
@settings(max_examples=100, deadline=None)
def test_the_xml_scan_agrees_with_the_fast_one(cells: list[tuple[int, int]], prefix: str) -> None:
    from audit.readers.grid import column_letter

    rows: dict[int, list[int]] = {}
    for r, c in cells:
        rows.setdefault(r, []).append(c)
    ns = f' xmlns:x="{MAIN}"' if prefix else f' xmlns="{MAIN}"'
    body = "".join(
        f'<{prefix}row r="{r + 1}">'
        + "".join(
            f'<{prefix}c r="{column_letter(c)}{r + 1}"><{prefix}v>1</{prefix}v></{prefix}c>'
            f'<{prefix}c r="{column_letter(c + 1)}{r + 1}" s="2"/>'
            for c in sorted(set(columns))
        )
        + f"</{prefix}row>"
        for r, columns in sorted(rows.items())
    )
    xml = (
        f"<{prefix}worksheet{ns}><{prefix}sheetData>{body}</{prefix}sheetData></{prefix}worksheet>"
    )
    fast = _scan_refs(io.BytesIO(xml.encode()))
    assert _scan_xml(io.BytesIO(xml.encode())) == fast
    assert fast == Extent(
        min(r for r, _ in cells),
        min(c for _, c in cells),
        max(r for r, _ in cells),
        max(c for _, c in cells),
    )


def far_xls(path: Path) -> bytes:
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Sheet1")
    sheet.write(0, 0, "项目名称")
    sheet.write(65535, 255, "x")
    workbook.save(str(path))
    return path.read_bytes()


def test_a_legacy_workbook_olefile_refuses_is_not_left_to_calamine(tmp_path: Path) -> None:
    data = bytearray(far_xls(tmp_path / "control.xls"))
    assert refusal(tmp_path / "control.xls").startswith(
        "table too large: sheet Sheet1 spans A1:IV65536"
    )
    struct.pack_into("<I", data, 0x48, 7)  # the DIFAT sector count: calamine reads it anyway
    changed = tmp_path / "difat.xls"
    changed.write_bytes(bytes(data))
    assert refusal(changed).startswith(
        "corrupt workbook: the size of its sheets cannot be checked before they are read ("
    )
    with pytest.raises(ReadError):
        xls_extents(bytes(data))


def test_one_unmeasurable_workbook_does_not_stop_the_others(tmp_path: Path) -> None:
    strict = write_parts(
        tmp_path / "strict.xlsx", workbook_xml(**STRICT), sheet_xml(FAR, STRICT_MAIN)
    )
    good = write_xlsx(tmp_path / "good.xlsx", [("Sheet1", PANYU_ROWS, ())])
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "text", str(strict), str(good)
    )
    assert status == 2
    assert f"{strict}:0:0: error [read-error]" in out and "table too large" in out
    assert f"{good}:Sheet1!" in out
    assert "Traceback" not in err


def test_valid_workbooks_read_as_before(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [("绩效目标表", PANYU_ROWS, ())])
    sheets = xlsx_extents(good.read_bytes())
    assert list(sheets.extents) == ["绩效目标表"] and not sheets.failures
    assert len(load_path(good).projects) == 12
    assert MAX_UNPACKED_BYTES > 64 * 1024 * 1024


# --------------------------------------------------------------------------
# What an archive unpacks to


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """A limit of 1 MiB, so that a bomb of a few megabytes is enough."""
    from audit.readers import sheetsize

    monkeypatch.setattr(sheetsize, "MAX_UNPACKED_BYTES", 1 << 20)
    return 1 << 20


def blank_rows(megabytes: float) -> str:
    """Blanks inside ``<sheetData>``: valid XML, deflating about 1000:1."""
    return " " * int(megabytes * (1 << 20))


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Declare ``size`` as the member's unpacked size, in its local header
    and in the central directory (the deflate stream and CRC unchanged)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        struct.pack_into("<I", data, info.header_offset + 22, size)
        position = archive.start_dir
    while data[position : position + 4] == b"PK\x01\x02":
        name, extra, comment = struct.unpack_from("<HHH", data, position + 28)
        if data[position + 46 : position + 46 + name].decode() == member:
            struct.pack_into("<I", data, position + 24, size)
        position += 46 + name + extra + comment
    path.write_bytes(bytes(data))


def test_a_workbook_unpacking_past_the_limit_is_refused(tmp_path: Path, small_limit: int) -> None:
    path = write_parts(tmp_path / "bomb.xlsx", sheet=sheet_xml(blank_rows(2)))
    assert path.stat().st_size < 20_000
    message = refusal(path)
    assert message.startswith("file too large: the archive unpacks to 2,098,")
    assert "xl/worksheets/sheet1.xml the largest member" in message


def test_a_member_lying_about_its_size_is_counted_as_inflated(
    tmp_path: Path, small_limit: int
) -> None:
    path = write_parts(tmp_path / "liar.xlsx", sheet=sheet_xml(blank_rows(2)))
    lie_about_size(path, "xl/worksheets/sheet1.xml", 1000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 1000
    assert refusal(path).startswith(
        "file too large: the archive unpacks to more than 1,048,576 bytes "
        "(xl/worksheets/sheet1.xml the largest member)"
    )


def test_a_word_file_unpacking_past_the_limit_is_refused(tmp_path: Path, small_limit: int) -> None:
    from scripts.make_examples import write_docx

    good = write_docx(tmp_path / "good.docx", PANYU_ROWS)
    bomb = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(good) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("word/media/blank.xml", blank_rows(1.5))
    assert len(load_path(good).projects) == 12
    assert refusal(bomb).startswith("file too large: the archive unpacks to")


def test_archives_under_the_limit_read_as_before(tmp_path: Path, small_limit: int) -> None:
    # just under the limit, a member stored without compression, a table
    under = write_parts(tmp_path / "under.xlsx", sheet=sheet_xml(blank_rows(0.9) + NEAR))
    assert xlsx_extents(under.read_bytes()).extents == {"Sheet1": Extent(0, 0, 2, 2)}
    assert "too large" not in refusal(under)
    stored = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(under) as source, zipfile.ZipFile(stored, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    assert "too large" not in refusal(stored)
    good = write_xlsx(tmp_path / "good.xlsx", [("绩效目标表", PANYU_ROWS, ())])
    assert len(load_path(good).projects) == 12


def test_a_refused_bomb_does_not_stop_the_other_files(tmp_path: Path, small_limit: int) -> None:
    bomb = write_parts(tmp_path / "bomb.xlsx", sheet=sheet_xml(blank_rows(2)))
    good = write_xlsx(tmp_path / "good.xlsx", [("Sheet1", PANYU_ROWS, ())])
    status, out, err = run_main(
        "lint", "--no-cache", "--no-config", "--format", "text", str(bomb), str(good)
    )
    assert status == 2
    assert f"{bomb}:0:0: error [read-error] 文件过大（file too large: the archive unpacks" in out
    assert f"{good}:Sheet1!" in out
    assert "Traceback" not in err


def test_a_sheet_with_two_relationship_ids_is_refused(tmp_path: Path) -> None:
    workbook = workbook_xml(extra=' xmlns:a="urn:other" a:id="rId9"')
    path = write_parts(tmp_path / "two-ids.xlsx", workbook, sheet_xml(NEAR))
    assert xlsx_extents(path.read_bytes()).extents == {}
    assert refusal(path).startswith("corrupt workbook: the size of sheet Sheet1 cannot be checked")


def test_a_name_spelled_otherwise_is_found_by_its_place(tmp_path: Path) -> None:
    path = write_parts(tmp_path / "far.xlsx")
    sheets = xlsx_extents(path.read_bytes())
    assert sheets.order == ("Sheet1",)
    with pytest.raises(ReadError, match="table too large: sheet Sheet_x0031_ spans A1:XFD"):
        sheets.check("Sheet_x0031_", 0, 1)
    with pytest.raises(ReadError, match="cannot be checked"):
        sheets.check("Sheet_x0031_", 0, 2)  # not as many sheets: not matched by place


ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def write_ods_content(path: Path, cell_text: str, repeated: str = "3") -> Path:
    """An ``.ods`` of one sheet: 项目名称, ``repeated`` empty rows, then a cell."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>项目名称'
        "</text:p></table:table-cell></table:table-row>"
        f'<table:table-row table:number-rows-repeated="{repeated}"><table:table-cell/>'
        '</table:table-row><table:table-row><table:table-cell office:value-type="string">'
        f"<text:p>{cell_text}</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return path


@pytest.mark.parametrize(
    ("cell_text", "repeated"), [("a&nbsp;b", "3"), ("x", "3.0")], ids=["entity", "float-repeat"]
)
def test_an_ods_whose_content_cannot_be_measured_is_refused(
    tmp_path: Path, cell_text: str, repeated: str
) -> None:
    path = write_ods_content(tmp_path / "bad.ods", cell_text, repeated)
    assert refusal(path).startswith(
        "corrupt workbook: the size of its sheets cannot be checked before they are read ("
    )


def test_an_ods_that_can_be_measured_is_measured(tmp_path: Path) -> None:
    from audit.readers.sheetsize import ods_extents

    path = write_ods_content(tmp_path / "ok.ods", "x")
    assert ods_extents(path.read_bytes()) == [("S", Extent(0, 0, 4, 0))]
    assert "cannot be checked" not in refusal(path)
    far = write_ods_content(tmp_path / "far.ods", "x", "1048574")
    assert ods_extents(far.read_bytes()) == [("S", Extent(0, 0, 1048575, 0))]
