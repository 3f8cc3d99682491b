"""Word documents as Word and WPS write them: text inside revisions, content
controls, smart tags and fields; rows, cells and tables inside content
controls and text boxes; merges python-docx cannot walk; Word's automatic
numbering; the amount unit stated in the page header or above an earlier
part of a split table.

Every document is the Panyu seed table written by python-docx
(``scripts/make_examples.write_docx``) and then edited in its XML as Word
stores each construct."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from audit.config import load_config
from audit.engine import run as run_rules
from audit.pipeline import load_bytes
from audit.readers import ReadError, docxtables
from scripts.make_examples import rows_from_tsv, write_docx
from tests.conftest import SEED_001

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}
PANYU_ROWS = rows_from_tsv(SEED_001.read_text(encoding="utf-8"))


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def el(tag: str, *children: Any, **attributes: str) -> Any:
    element = etree.Element(q(tag))
    for name, value in attributes.items():
        element.set(q(f"w:{name}"), value)
    for child in children:
        element.append(child)
    return element


def run_of(text: str, *properties: Any) -> Any:
    run = el("w:r")
    if properties:
        run.append(el("w:rPr", *properties))
    t = el("w:t")
    t.text = text
    run.append(t)
    return run


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = write_docx(tmp_path_factory.mktemp("docx") / "panyu.docx", PANYU_ROWS)
    return path.read_bytes()


def edit(data: bytes, change: Callable[[Any], None], part: str = "word/document.xml") -> bytes:
    """The document with ``change`` made to one part's XML tree."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                root = etree.fromstring(content)
                change(root)
                content = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            target.writestr(info, content)
    return out.getvalue()


def cells(data: bytes) -> list[list[list[str]]]:
    return [
        [[c.value for c in row] for row in g.rows] for g in docxtables.load(data, "t.docx").grids
    ]


def table(root: Any, number: int = 0) -> Any:
    return root.findall(".//w:tbl", NS)[number]


def rows(root: Any) -> list[Any]:
    return table(root).findall("w:tr", NS)


def cell(root: Any, r: int, c: int) -> Any:
    return rows(root)[r].findall("w:tc", NS)[c]


def wrap_runs(tag: str, r: int, c: int, **attributes: str) -> Callable[[Any], None]:
    """Move every run of a cell's first paragraph into one ``tag`` element."""

    def change(root: Any) -> None:
        paragraph = cell(root, r, c).find("w:p", NS)
        wrapper = el(tag, **attributes)
        if tag == "w:sdt":
            content = el("w:sdtContent")
            wrapper.append(el("w:sdtPr"))
            wrapper.append(content)
        elif tag == "w:fldSimple":
            content = wrapper
            wrapper.set(q("w:instr"), " =SUM(BELOW) ")
        else:
            content = wrapper
        for run in paragraph.findall("w:r", NS):
            content.append(run)
        paragraph.append(wrapper)

    return change


def findings(data: bytes) -> list[str]:
    return [
        f.rule for f in run_rules(load_bytes(data, "t.docx"), load_config(None, discover=False))
    ]


# -- §1: text in wrappers, hidden text, special characters ---------------


@pytest.mark.parametrize(
    ("tag", "attributes"),
    [
        ("w:ins", {"id": "1", "author": "a"}),
        ("w:moveTo", {"id": "1", "author": "a"}),
        ("w:sdt", {}),
        ("w:smartTag", {"element": "chsdate"}),
        ("w:fldSimple", {}),
        ("w:customXml", {"element": "goal"}),
        ("w:hyperlink", {}),
    ],
)
def test_text_in_a_wrapper_word_shows_is_read(
    plain: bytes, tag: str, attributes: dict[str, str]
) -> None:
    for r, c in ((3, 1), (3, 5), (3, 6)):  # an amount, a goal, the indicators
        assert cells(edit(plain, wrap_runs(tag, r, c, **attributes))) == cells(plain)


@pytest.mark.parametrize("tag", ["w:del", "w:moveFrom"])
def test_deleted_and_moved_away_text_is_not_read(plain: bytes, tag: str) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        gone = el(tag, id="2", author="a")
        old = el("w:r", el("w:delText" if tag == "w:del" else "w:t"))
        old[0].text = "9,999.00"
        gone.append(old)
        paragraph.insert(0, gone)

    assert cells(edit(plain, change)) == cells(plain)


def test_a_value_changed_with_track_changes_reads_as_the_new_value(plain: bytes) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        for run in paragraph.findall("w:r", NS):
            paragraph.remove(run)
        deleted = el("w:del", el("w:r", el("w:delText")), id="1", author="a")
        deleted[0][0].text = "1.00"
        paragraph.append(deleted)
        paragraph.append(el("w:ins", run_of("10,951.18"), id="2", author="a"))

    data = edit(plain, change)
    assert cells(data)[0][3][1] == "10,951.18"
    assert cells(data) == cells(plain)


def test_hidden_text_is_not_read_and_shown_text_beside_it_is(plain: bytes) -> None:
    def change(vanish_value: str | None) -> Callable[[Any], None]:
        def apply(root: Any) -> None:
            flag = el("w:vanish") if vanish_value is None else el("w:vanish", val=vanish_value)
            cell(root, 3, 5).find("w:p", NS).append(run_of("（此处待补充XXX）", flag))

        return apply

    assert cells(edit(plain, change(None))) == cells(plain)
    assert cells(edit(plain, change("1"))) == cells(plain)
    shown = cells(edit(plain, change("0")))  # w:vanish="0": shown after all
    assert shown[0][3][5].endswith("（此处待补充XXX）")
    assert "placeholder" in findings(edit(plain, change("0")))
    assert "placeholder" not in findings(edit(plain, change(None)))


@pytest.mark.parametrize(
    ("char", "font", "shown"),
    [
        ("F0B3", "Symbol", "≥"),
        ("F0A3", "Symbol", "≤"),
        ("B3", "Symbol", "≥"),
        ("F0B1", "Symbol", "±"),
    ],
)
def test_a_symbol_font_character_is_its_unicode_character(
    plain: bytes, char: str, font: str, shown: str
) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        sym = el("w:r", el("w:sym", font=font, char=char))
        paragraph.insert(0, sym)

    assert cells(edit(plain, change))[0][3][1] == shown + cells(plain)[0][3][1]


def test_a_wingdings_picture_and_an_unknown_symbol_add_nothing(plain: bytes) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        paragraph.insert(0, el("w:r", el("w:sym", font="Wingdings", char="F0FC")))
        paragraph.insert(0, el("w:r", el("w:sym", font="Symbol", char="F0E6")))
        paragraph.insert(0, el("w:r", el("w:sym", font="Symbol", char="zz")))

    notes: list[str] = []
    data = edit(plain, change)
    assert [
        [[c.value for c in row] for row in g.rows]
        for g in docxtables.load(data, "t.docx", notes.append).grids
    ] == cells(plain)
    assert notes == [
        "1 Symbol-font character(s) (F0E6): not read; type them as text (≥ ≤ …) "
        "instead of inserting them as symbols"
    ]


def test_symbols_read_are_not_noted(plain: bytes) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        paragraph.insert(0, el("w:r", el("w:sym", font="Symbol", char="F0B3")))
        paragraph.insert(0, el("w:r", el("w:sym", font="Wingdings", char="F0FC")))

    notes: list[str] = []
    docxtables.load(edit(plain, change), "t.docx", notes.append)
    assert notes == []


def test_a_less_than_typed_as_a_symbol_is_checked_as_one(plain: bytes) -> None:
    """A 满意度 target with ≤ from 插入 › 符号 gets the comparator check a
    typed ≤ gets; the Symbol ≥ (the right direction) does not."""

    def comparator(char: str) -> Callable[[Any], None]:
        def change(root: Any) -> None:
            name = "就业扶持政策经办满意度"
            for t in cell(root, 14, 6).iter(q("w:t")):
                if name in (t.text or ""):
                    before, _, after = t.text.partition(name)
                    pieces = after.split("≥")
                    t.text = before + name + pieces[0]
                    at = t.getparent()
                    for piece in pieces[1:]:
                        symbol = el("w:r", el("w:sym", font="Symbol", char=char))
                        at.addnext(symbol)
                        symbol.addnext(run_of(piece))
                        at = symbol.getnext()
                    return
            raise AssertionError("no 满意度 clause")

        return change

    assert "comparator-direction" in findings(edit(plain, comparator("F0A3")))
    assert "comparator-direction" not in findings(edit(plain, comparator("F0B3")))


def test_tabs_breaks_and_no_break_hyphens(plain: bytes) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 0).find("w:p", NS)
        paragraph.append(
            el("w:r", el("w:br"), el("w:t"), el("w:tab"), el("w:noBreakHyphen"), el("w:cr"))
        )
        paragraph[-1][1].text = "甲"
        paragraph.append(run_of("乙"))

    assert cells(edit(plain, change))[0][3][0] == cells(plain)[0][3][0] + "\n甲\t-\n乙"


def test_a_field_instruction_is_not_read_its_result_is(plain: bytes) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        instruction = el("w:r", el("w:instrText"))
        instruction[0].text = " =SUM(BELOW) "
        paragraph.insert(0, instruction)
        paragraph.insert(0, el("w:r", el("w:fldChar", fldCharType="begin")))
        paragraph.insert(2, el("w:r", el("w:fldChar", fldCharType="separate")))
        paragraph.append(el("w:r", el("w:fldChar", fldCharType="end")))

    assert cells(edit(plain, change)) == cells(plain)


@pytest.mark.parametrize("showing", [None, "1", "0"])
def test_an_unfilled_controls_prompt_reads_as_empty(plain: bytes, showing: str | None) -> None:
    """A content control left unfilled shows its prompt (单击或点击此处输入文字。):
    the field is empty; a filled one (no ``showingPlcHdr``, or ``0``) is read."""

    def change(root: Any) -> None:
        tc = cell(root, 3, 5)
        for paragraph in tc.findall("w:p", NS):
            tc.remove(paragraph)
        properties = el("w:sdtPr")
        if showing is not None:
            properties.append(el("w:showingPlcHdr", val=showing))
        prompt = el("w:p", run_of("单击或点击此处输入文字。"))
        tc.append(el("w:sdt", properties, el("w:sdtContent", prompt)))

    read = cells(edit(plain, change))[0][3][5]
    assert read == ("" if showing == "1" else "单击或点击此处输入文字。")


def test_an_unfilled_inline_control_in_a_value_reads_as_empty(plain: bytes) -> None:
    def change(root: Any) -> None:
        paragraph = cell(root, 3, 1).find("w:p", NS)
        control = el("w:sdt", el("w:sdtPr", el("w:showingPlcHdr")), el("w:sdtContent"))
        control[1].append(run_of("请输入金额"))
        paragraph.append(control)

    assert cells(edit(plain, change)) == cells(plain)


# -- §10: merges python-docx cannot walk ---------------------------------


def _continue(tc: Any) -> None:
    properties = tc.find("w:tcPr", NS)
    properties.append(el("w:vMerge"))
    for paragraph in tc.findall("w:p", NS):
        for run in paragraph.findall("w:r", NS):
            paragraph.remove(run)


def test_a_merge_continuation_in_the_first_row_is_a_cell_of_its_own(plain: bytes) -> None:
    data = edit(plain, lambda root: _continue(cell(root, 0, 3)))
    read = cells(data)
    assert read[0][0][3] == ""
    assert read[0][1:] == cells(plain)[0][1:]


def test_grid_before_leaves_the_first_columns_empty(plain: bytes) -> None:
    def change(root: Any) -> None:
        row = rows(root)[4]
        first = row.find("w:tc", NS)
        name = "".join(first.itertext())
        row.remove(first)
        row.insert(0, el("w:trPr", el("w:gridBefore", val="1")))
        _continue(rows(root)[5].find("w:tc", NS))  # continues a cell that is not there
        assert name

    read = cells(edit(plain, change))
    assert read[0][4][0] == "" and read[0][4][1:] == cells(plain)[0][4][1:]
    assert read[0][5][0] == "" and read[0][5][1:] == cells(plain)[0][5][1:]


def test_a_continuation_under_a_spanned_cell_is_read(plain: bytes) -> None:
    def change(root: Any) -> None:
        above, below = rows(root)[3], rows(root)[4]
        first = above.findall("w:tc", NS)[3]
        first.find("w:tcPr", NS).append(el("w:gridSpan", val="2"))
        above.remove(above.findall("w:tc", NS)[4])
        _continue(below.findall("w:tc", NS)[4])  # grid column 4: inside the span

    read = cells(edit(plain, change))
    assert len(read[0][3]) == len(cells(plain)[0][3])
    assert read[0][4][:4] == cells(plain)[0][4][:4]


def test_a_proper_vertical_merge_is_still_a_merged_range(plain: bytes) -> None:
    def change(root: Any) -> None:
        cell(root, 3, 4).find("w:tcPr", NS).append(el("w:vMerge", val="restart"))
        cell(root, 3, 4).find("w:p", NS).append(run_of("备注"))
        _continue(cell(root, 4, 4))

    read = cells(edit(plain, change))
    assert read[0][3][4] == read[0][4][4] == "备注"  # the range's value in every cell


_MUTATIONS = ["drop", "vmerge", "restart", "span", "before", "junk", "wrap", "empty"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(_MUTATIONS), st.integers(0, 20), st.integers(0, 8), st.integers(0, 3)
        ),
        min_size=1,
        max_size=8,
    )
)
def test_a_mutated_table_is_read_or_refused_in_one_line(plain: bytes, steps: list[Any]) -> None:
    """Cells dropped, merges and spans put anywhere, junk values, wrappers:
    the reader reads the table or says why not; it never raises otherwise."""

    def change(root: Any) -> None:
        all_rows = rows(root)
        for kind, r, c, n in steps:
            row = all_rows[r % len(all_rows)]
            tcs = row.findall("w:tc", NS)
            if not tcs:
                continue
            tc = tcs[c % len(tcs)]
            properties = tc.find("w:tcPr", NS)
            if properties is None:
                properties = el("w:tcPr")
                tc.insert(0, properties)
            if kind == "drop":
                row.remove(tc)
            elif kind == "vmerge":
                properties.append(el("w:vMerge"))
            elif kind == "restart":
                properties.append(el("w:vMerge", val=["restart", "continue", "x", ""][n]))
            elif kind == "span":
                properties.append(el("w:gridSpan", val=["2", "0", "-3", "x"][n]))
            elif kind == "before":
                row.insert(0, el("w:trPr", el("w:gridBefore", val=["1", "3", "-1", "q"][n])))
            elif kind == "junk":
                tc.append(el("w:p", el("w:r", el("w:sym", char=["", "F0", "FFFFFFFF", "zz"][n]))))
            elif kind == "wrap":
                wrapper = el("w:sdt", el("w:sdtContent"))
                row.replace(tc, wrapper)
                wrapper[0].append(tc)
            elif kind == "empty":
                for child in list(tc):
                    tc.remove(child)

    try:
        docxtables.load(edit(plain, change), "t.docx")
    except ReadError as error:
        assert "\n" not in str(error)


# -- §2 and §4: rows, cells and tables inside controls, text boxes --------


def test_rows_in_a_repeating_section_control_are_read(plain: bytes) -> None:
    def change(root: Any) -> None:
        section = el("w:sdt", el("w:sdtPr"), el("w:sdtContent"))
        chosen = rows(root)[5:8]
        chosen[0].addprevious(section)
        for row in chosen:
            section[1].append(row)

    assert cells(edit(plain, change)) == cells(plain)


def test_a_cell_in_a_content_control_keeps_the_row_in_place(plain: bytes) -> None:
    def change(root: Any) -> None:
        tc = cell(root, 3, 5)
        control = el("w:sdt", el("w:sdtPr"), el("w:sdtContent"))
        tc.addprevious(control)
        control[1].append(tc)

    assert cells(edit(plain, change)) == cells(plain)


def test_a_cells_paragraph_in_a_block_control_is_read(plain: bytes) -> None:
    def change(root: Any) -> None:
        tc = cell(root, 3, 5)
        paragraph = tc.find("w:p", NS)
        control = el("w:sdt", el("w:sdtPr"), el("w:sdtContent"))
        paragraph.addprevious(control)
        control[1].append(paragraph)

    assert cells(edit(plain, change)) == cells(plain)


def test_a_table_in_a_content_control_is_read(plain: bytes) -> None:
    def change(root: Any) -> None:
        tbl = table(root)
        control = el("w:sdt", el("w:sdtPr"), el("w:sdtContent"))
        tbl.addprevious(control)
        control[1].append(tbl)

    assert cells(edit(plain, change)) == cells(plain)
    assert docxtables.load(edit(plain, change), "t.docx").grids[0].headings[-1] == "单位：万元"


def _in_text_box(root: Any, fallback: bool) -> None:
    """The table (and its headings) moved into a text box anchored in a new
    paragraph, as Word writes it: the DrawingML copy in ``mc:Choice``, a VML
    copy in ``mc:Fallback``."""
    body = root.find("w:body", NS)
    blocks = [b for b in body if b.tag in (q("w:p"), q("w:tbl"))]
    anchor = el("w:p")
    body.insert(0, anchor)
    choice_box = el("w:txbxContent")
    for block in blocks:
        choice_box.append(block)
    alternate = etree.SubElement(anchor, q("w:r"))
    content = etree.SubElement(alternate, q("mc:AlternateContent"))
    choice = etree.SubElement(content, q("mc:Choice"))
    choice.set("Requires", "wps")
    drawing = etree.SubElement(choice, q("w:drawing"))
    drawing.append(choice_box)
    if fallback:
        pict = etree.SubElement(etree.SubElement(content, q("mc:Fallback")), q("w:pict"))
        pict.append(copy.deepcopy(choice_box))


@pytest.mark.parametrize("fallback", [True, False])
def test_a_table_in_a_text_box_is_read_once(plain: bytes, fallback: bool) -> None:
    data = edit(plain, lambda root: _in_text_box(root, fallback))
    loaded = docxtables.load(data, "t.docx")
    assert len(loaded.grids) == 1
    assert cells(data) == cells(plain)
    assert loaded.grids[0].headings[-1] == "单位：万元"


def test_an_imported_part_is_noted_not_read(plain: bytes) -> None:
    def change(root: Any) -> None:
        body = root.find("w:body", NS)
        chunk = etree.Element(q("w:altChunk"))
        body.insert(0, chunk)

    notes: list[str] = []
    loaded = docxtables.load(edit(plain, change), "t.docx", notes.append)
    assert len(loaded.grids) == 1
    assert notes == [
        "1 imported part(s) (altChunk): not read; "
        "open the document in Word and save it again to make them its own tables"
    ]
    notes.clear()
    docxtables.load(plain, "t.docx", notes.append)
    assert notes == []

    def only_chunk(root: Any) -> None:
        change(root)
        body = root.find("w:body", NS)
        body.remove(table(root))

    with pytest.raises(ReadError, match=r"without a table: its table may be in the part imported"):
        docxtables.load(edit(plain, only_chunk), "t.docx")


def test_a_table_nested_in_a_cell_is_its_lines_and_keeps_the_row(plain: bytes) -> None:
    def change(root: Any) -> None:
        tc = cell(root, 3, 6)
        paragraphs = tc.findall("w:p", NS)
        text = "".join(t.text or "" for t in tc.iter(q("w:t")))
        clauses = [c for c in re.split(r"(?=\d+、\d-)", text) if c]
        assert len(clauses) > 2
        for paragraph in paragraphs:
            tc.remove(paragraph)
        nested = el("w:tbl")
        for clause in clauses:
            nested.append(el("w:tr", el("w:tc", el("w:p", run_of(clause)))))
        tc.append(nested)
        tc.append(el("w:p"))  # Word ends a cell with a paragraph

    nested = cells(edit(plain, change))
    original = cells(plain)
    assert nested[0][3][:6] == original[0][3][:6]
    assert nested[0][3][6].replace("\n", "") == original[0][3][6].replace("\n", "")
    assert nested[0][4:] == original[0][4:]


# -- §3: automatic numbering ---------------------------------------------

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
<w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered(plain: bytes, lists: list[str], level: str = "0") -> bytes:
    """The indicator cells of the first projects as one paragraph per clause,
    without their typed ``1、``, numbered by Word with the given lists."""

    def change(root: Any) -> None:
        for index, num_id in enumerate(lists):
            tc = cell(root, 3 + index, 6)
            text = "".join(t.text or "" for t in tc.iter(q("w:t")))
            pieces = [c for c in re.split(r"(?=\d+、\d-)", text) if c]
            for paragraph in tc.findall("w:p", NS):
                tc.remove(paragraph)
            if not re.match(r"\d", pieces[0]):  # markup left before the first clause
                tc.append(el("w:p", run_of(pieces.pop(0))))
            clauses = [re.sub(r"^\d+、", "", c) for c in pieces]
            for clause in clauses:
                properties = el(
                    "w:pPr", el("w:numPr", el("w:ilvl", val=level), el("w:numId", val=num_id))
                )
                tc.append(el("w:p", properties, run_of(clause)))

    data = edit(plain, change)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml" and b"numbering" not in content:
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/numbering.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
                )
            if info.filename == "word/_rels/document.xml.rels" and b"numbering" not in content:
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
                )
            if info.filename == "word/numbering.xml":
                continue
            target.writestr(info, content)
        target.writestr("word/numbering.xml", NUMBERING)
    return out.getvalue()


def test_numbered_clauses_read_with_the_number_word_draws(plain: bytes) -> None:
    data = _numbered(plain, ["1", "2"])  # the second list restarts at 1
    read, original = cells(data), cells(plain)
    for r in (3, 4):
        assert read[0][r][6].replace("\n", "") == original[0][r][6].replace("\n", "")
    assert findings(data) == findings(plain)


def test_one_list_across_two_cells_counts_on_as_word_does(plain: bytes) -> None:
    data = _numbered(plain, ["1", "1"])
    second = cells(data)[0][4][6].removeprefix("<p>\n")
    clauses = cells(plain)[0][3][6].count("、1-") + cells(plain)[0][3][6].count("、2-")
    assert second.startswith(f"{clauses + 1}、")
    assert "clause-numbering" in findings(data)


def test_a_start_override_and_a_chinese_level(plain: bytes) -> None:
    assert cells(_numbered(plain, ["3"]))[0][3][6].startswith("<p>\n4、")
    lines = cells(_numbered(plain, ["1"], level="1"))[0][3][6].split("\n")
    assert [line.split(" ")[0] for line in lines[1:4]] == ["（一）", "（二）", "（三）"]


def test_a_paragraph_without_numbering_or_with_list_zero_reads_as_typed(plain: bytes) -> None:
    data = _numbered(plain, ["0", "9"])  # 0: numbering removed; 9: no such list
    for r in (3, 4):
        assert cells(data)[0][r][6].split("\n")[1].startswith("1-产出指标")


# -- §5: the amount unit stated elsewhere --------------------------------


def _unit_in_header(plain: bytes) -> bytes:
    """单位：万元 moved from above the table into the page header."""

    def change(root: Any) -> None:
        for paragraph in root.find("w:body", NS).findall("w:p", NS):
            if "".join(paragraph.itertext()) == "单位：万元":
                paragraph.getparent().remove(paragraph)

    data = edit(plain, change)
    return data


def test_a_unit_in_the_page_header_sets_the_unit(plain: bytes) -> None:
    from docx import Document

    without = _unit_in_header(plain)
    document = Document(io.BytesIO(without))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "金额单位：元"
    out = io.BytesIO()
    document.save(out)
    in_yuan = docxtables.load(out.getvalue(), "t.docx").grids[0].headings
    assert in_yuan[0] == "金额单位：元"
    assert docxtables.load(without, "t.docx").grids[0].headings == [
        h for h in docxtables.load(plain, "t.docx").grids[0].headings if h != "单位：万元"
    ]
    amounts = [p.amounts.total for p in load_bytes(out.getvalue(), "t.docx").projects]
    base = [p.amounts.total for p in load_bytes(plain, "t.docx").projects]
    pairs = [(a.value, b.value) for a, b in zip(amounts, base, strict=True) if a and b]
    assert pairs and all(a * 10000 == b for a, b in pairs)


def test_a_table_split_at_a_page_break_keeps_the_unit(plain: bytes) -> None:
    def split(root: Any) -> None:
        tbl = table(root)
        second = copy.deepcopy(tbl)
        for row in second.findall("w:tr", NS)[1:6]:
            second.remove(row)
        for row in tbl.findall("w:tr", NS)[6:]:
            tbl.remove(row)
        brk = el("w:p", el("w:r", el("w:br", type="page")))
        tbl.addnext(brk)
        brk.addnext(second)

    data = edit(plain, split)
    first, second = docxtables.load(data, "t.docx").grids
    assert "单位：万元" in first.headings and second.headings == ["单位：万元"]

    def own_unit(root: Any) -> None:
        split(root)
        brk = table(root, 0).getnext()
        brk.addnext(el("w:p", run_of("金额单位：元")))

    second = docxtables.load(edit(plain, own_unit), "t.docx").grids[1]
    assert second.headings == ["金额单位：元"]  # its own unit, not the first part's


@pytest.mark.parametrize(
    ("value", "kind", "drawn"),
    [
        (1, "decimal", "1"),
        (3, "chineseCounting", "三"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (21, "chineseCounting", "二十一"),
        (2, "decimalEnclosedCircle", "②"),
        (3, "ideographTraditional", "丙"),
        (28, "lowerLetter", "bb"),
        (2, "upperLetter", "B"),
        (14, "lowerRoman", "xiv"),
        (4, "upperRoman", "IV"),
        (5, "decimalFullWidth", "５"),
        (7, "decimalZero", "07"),
        (100_000, "lowerLetter", "100000"),
        (21, "decimalEnclosedCircle", "21"),
        (3, "someFormatOfTomorrow", "3"),
    ],
)
def test_a_counter_is_drawn_in_its_level_format(value: int, kind: str, drawn: str) -> None:
    assert docxtables._format(value, kind) == drawn


def test_a_budget_tables_unit_is_not_carried_to_the_target_table(plain: bytes) -> None:
    """A 收支总表 in 元 before the performance table, which states no unit of
    its own: the performance table keeps the default, not the budget's 元."""

    def budget_first(root: Any) -> None:
        for paragraph in root.find("w:body", NS).findall("w:p", NS):
            if "".join(paragraph.itertext()) == "单位：万元":
                paragraph.getparent().remove(paragraph)
        first = root.find("w:body", NS)[0]
        budget = el(
            "w:tbl",
            el("w:tr", *(el("w:tc", el("w:p", run_of(t))) for t in ("收入", "支出"))),
            el("w:tr", *(el("w:tc", el("w:p", run_of(t))) for t in ("151000.00", "151000.00"))),
        )
        first.addprevious(el("w:p", run_of("部门收支总表")))
        first.addprevious(el("w:p", run_of("单位：元")))
        first.addprevious(budget)

    grids = docxtables.load(edit(plain, budget_first), "t.docx").grids
    assert "单位：元" in grids[0].headings
    assert not any("元" in h and "单位" in h for h in grids[1].headings)
