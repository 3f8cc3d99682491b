"""Word documents: rows and cells deleted with track changes, text boxes in
a table's cells, a table continued in a second table without its header.

Every document is the Panyu seed table written by python-docx
(``scripts/make_examples.write_docx``) and then edited in its XML as Word
stores each construct (the helpers of :mod:`tests.test_docx_markup`)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from lxml import etree

from audit.pipeline import load_bytes
from audit.readers import ReadError, docxtables
from scripts.make_examples import write_docx
from tests.test_docx_markup import (
    NS,
    PANYU_ROWS,
    cell,
    cells,
    edit,
    el,
    findings,
    q,
    rows,
    run_of,
    table,
)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = write_docx(tmp_path_factory.mktemp("docx") / "panyu.docx", PANYU_ROWS)
    return path.read_bytes()


PHANTOM = ("测试项目（请删除）", "1.00", "1.00", "", "", "XXX", "1、1-产出指标；11-数量指标；XXX；")


def _row_of(texts: tuple[str, ...], *row_properties: Any, deleted_text: bool = False) -> Any:
    """A row of one paragraph per cell; its runs deleted (``w:del`` around
    ``w:delText``) when ``deleted_text``, as Word writes a deleted row."""
    row = el("w:tr")
    if row_properties:
        row.append(el("w:trPr", *row_properties))
    for text in texts:
        paragraph = el("w:p")
        if text and deleted_text:
            gone = el("w:del", el("w:r", el("w:delText")), id="9", author="a")
            gone[0][0].text = text
            paragraph.append(gone)
        elif text:
            paragraph.append(run_of(text))
        row.append(el("w:tc", paragraph))
    return row


# -- rows and cells deleted with track changes ---------------------------


@pytest.mark.parametrize("deleted_text", [True, False])
def test_a_row_deleted_with_track_changes_is_not_read(plain: bytes, deleted_text: bool) -> None:
    """Word marks the row (``w:trPr/w:del``) and deletes its text; a row
    only marked (as some editors leave it) is as gone."""

    def change(root: Any) -> None:
        mark = el("w:del", id="8", author="a")
        rows(root)[4].addprevious(_row_of(PHANTOM, mark, deleted_text=deleted_text))

    assert cells(edit(plain, change)) == cells(plain)
    assert "placeholder" not in findings(edit(plain, change))


def _tc(text: str, *properties: Any) -> Any:
    return el("w:tc", *([el("w:tcPr", *properties)] if properties else []), el("w:p", run_of(text)))


def test_a_deleted_row_inside_a_vertical_merge_keeps_the_merge() -> None:
    """A cell merged down over three rows, the middle one deleted: the
    merge spans the two rows shown."""
    table_element = el(
        "w:tbl",
        el("w:tr", _tc("甲", el("w:vMerge", val="restart")), _tc("1")),
        el(
            "w:tr", el("w:trPr", el("w:del", id="1", author="a")), _tc("", el("w:vMerge")), _tc("2")
        ),
        el("w:tr", _tc("", el("w:vMerge")), _tc("3")),
        el("w:tr", _tc("乙"), _tc("4", el("w:cellDel", id="2", author="a")), _tc("5")),
    )
    read, merges = docxtables._Reader(None).cells(table_element)
    assert read == [["甲", "1"], [None, "3"], ["乙", "5"]]
    assert merges == [(0, 0, 1, 0)]


@pytest.mark.parametrize(
    "properties",
    [
        lambda: [el("w:ins", id="8", author="a")],  # inserted with tracking: shown
        lambda: [el("w:cantSplit"), el("w:trHeight", val="400")],
        lambda: [],
    ],
)
def test_an_inserted_or_plain_row_is_read(plain: bytes, properties: Any) -> None:
    def change(root: Any) -> None:
        rows(root)[4].addprevious(_row_of(PHANTOM, *properties()))

    read = cells(edit(plain, change))[0]
    assert read[4][0] == PHANTOM[0]
    assert len(read) == len(cells(plain)[0]) + 1
    assert "placeholder" in findings(edit(plain, change))


def test_deleted_text_in_a_row_not_marked_deleted_keeps_the_row(plain: bytes) -> None:
    """The text of every cell deleted, the row itself not: Word shows an
    empty row, read as one."""

    def change(root: Any) -> None:
        rows(root)[4].addprevious(_row_of(PHANTOM, deleted_text=True))

    read = cells(edit(plain, change))[0]
    assert len(read) == len(cells(plain)[0]) + 1
    assert set(read[4]) == {""}


def _old_goal_cell(root: Any, mark: str) -> None:
    """An old goal cell, ``XXX``, before project row 3's goal cell, marked
    deleted (``cellDel``) or inserted (``cellIns``) with track changes."""
    goal = cell(root, 3, 5)
    old = el("w:tc", el("w:tcPr", el(f"w:{mark}", id="7", author="a")), el("w:p", run_of("XXX")))
    goal.addprevious(old)


def test_a_cell_deleted_with_track_changes_is_not_read(plain: bytes) -> None:
    data = edit(plain, lambda root: _old_goal_cell(root, "cellDel"))
    assert cells(data) == cells(plain)
    assert "placeholder" not in findings(data)


def test_a_cell_inserted_with_track_changes_is_read(plain: bytes) -> None:
    read = cells(edit(plain, lambda root: _old_goal_cell(root, "cellIns")))[0]
    assert read[3][5] == "XXX"
    assert read[3][6] == cells(plain)[0][3][5]  # the row's later cells move right


# -- text boxes in a cell --------------------------------------------------


def _box_in_cell(root: Any, r: int, c: int, fallback: bool, keep: int = 0) -> None:
    """The cell's paragraphs after the first ``keep`` moved into a text box
    anchored in a new paragraph of the cell, as Word writes one: the
    DrawingML copy in ``mc:Choice``, a VML copy in ``mc:Fallback``."""
    tc = cell(root, r, c)
    paragraphs = tc.findall("w:p", NS)[keep:]
    box = el("w:txbxContent")
    for paragraph in paragraphs:
        box.append(paragraph)
    anchor = el("w:p")
    tc.append(anchor)
    run = etree.SubElement(anchor, q("w:r"))
    content = etree.SubElement(run, q("mc:AlternateContent"))
    choice = etree.SubElement(content, q("mc:Choice"))
    choice.set("Requires", "wps")
    etree.SubElement(choice, q("w:drawing")).append(box)
    if fallback:
        pict = etree.SubElement(etree.SubElement(content, q("mc:Fallback")), q("w:pict"))
        pict.append(copy.deepcopy(box))


@pytest.mark.parametrize("fallback", [True, False])
def test_a_text_box_in_a_cell_is_the_cells_text_once(plain: bytes, fallback: bool) -> None:
    for r, c in ((3, 1), (3, 5), (3, 6)):  # an amount, a goal, the indicators
        data = edit(plain, lambda root, r=r, c=c: _box_in_cell(root, r, c, fallback))
        assert cells(data) == cells(plain)


def test_a_text_box_in_a_cell_reads_in_order_with_the_cells_text(plain: bytes) -> None:
    def change(root: Any) -> None:
        tc = cell(root, 3, 5)
        tc.find("w:p", NS).addprevious(el("w:p", run_of("（一）")))
        _box_in_cell(root, 3, 5, fallback=True, keep=1)
        tc.append(el("w:p", run_of("（完）")))

    read = cells(edit(plain, change))[0][3][5]
    assert read == "（一）\n" + cells(plain)[0][3][5] + "\n（完）"


def test_a_goal_in_a_text_box_is_checked(plain: bytes) -> None:
    """A placeholder typed in a goal's text box is found; without the text
    box the goal reads empty (the defect a reviewer sees is missed)."""

    def change(root: Any) -> None:
        tc = cell(root, 3, 5)
        for t in tc.iter(q("w:t")):
            t.text = "XXX"
            break
        _box_in_cell(root, 3, 5, fallback=True)

    data = edit(plain, change)
    assert cells(data)[0][3][5].startswith("XXX")
    assert "placeholder" in findings(data)
    assert "missing-goal" not in findings(data)


def test_a_text_box_in_a_nested_table_is_read(plain: bytes) -> None:
    def change(root: Any) -> None:
        tc = cell(root, 3, 5)
        paragraphs = tc.findall("w:p", NS)
        nested_cell = el("w:tc")
        for paragraph in paragraphs:
            nested_cell.append(paragraph)
        tc.append(el("w:tbl", el("w:tr", nested_cell)))
        tc.append(el("w:p"))
        box = el("w:txbxContent", el("w:p", run_of("（附）")))
        nested_cell.append(el("w:p", el("w:r", el("w:pict", box))))

    read = cells(edit(plain, change))[0][3][5]
    assert read == cells(plain)[0][3][5].replace("\n", " ") + " （附）"


# -- a table continued in a second table without its header row ----------


def _split(root: Any, *between: Any, header: bool = False) -> None:
    """The table cut after its sixth row into a second table (its header
    row repeated or not), ``between`` the paragraphs between them."""
    first = table(root)
    second = copy.deepcopy(first)
    for row in second.findall("w:tr", NS)[int(header) : 6]:
        second.remove(row)
    for row in first.findall("w:tr", NS)[6:]:
        first.remove(row)
    at = first
    for paragraph in between:
        at.addnext(paragraph)
        at = paragraph
    at.addnext(second)


def _page_break() -> Any:
    return el("w:p", el("w:r", el("w:br", type="page")))


@pytest.mark.parametrize(
    "between",
    [
        lambda: [_page_break()],
        lambda: [el("w:p"), el("w:p", run_of("- 1 -")), _page_break()],
        lambda: [el("w:p", run_of("第1页 共2页")), el("w:p", run_of("续表"))],
        lambda: [el("w:p", run_of("单位：万元"))],  # the first part's unit, repeated
    ],
    ids=["page-break", "page-number", "page-of-pages-continued", "unit-repeated"],
)
def test_a_part_without_its_header_is_read_with_the_table(plain: bytes, between: Any) -> None:
    notes: list[str] = []
    data = edit(plain, lambda root: _split(root, *between()))
    (grid,) = docxtables.load(data, "t.docx", notes.append).grids
    assert [[c.value for c in row] for row in grid.rows] == cells(plain)[0]
    assert grid.location(6, 1) == "表2 第1行第2列"
    assert grid.location(5, 1) == "表1 第6行第2列"
    assert sorted(findings(data)) == sorted(findings(plain))
    assert notes == []


def test_a_part_after_a_paragraph_of_text_is_a_table_of_its_own(plain: bytes) -> None:
    notes: list[str] = []
    data = edit(plain, lambda root: _split(root, el("w:p", run_of("二、新增项目"))))
    document = load_bytes(data, "t.docx", notes.append)
    assert "表2: skipped, not a performance-target table (no header row)" in notes
    assert len(document.projects) < len(load_bytes(plain, "t.docx").projects)


def test_a_part_with_its_header_repeated_is_a_table_of_its_own(plain: bytes) -> None:
    data = edit(plain, lambda root: _split(root, _page_break(), header=True))
    assert len(docxtables.load(data, "t.docx").grids) == 2
    assert len(load_bytes(data, "t.docx").projects) == len(load_bytes(plain, "t.docx").projects)


@pytest.mark.parametrize(
    ("other", "grids"),
    [
        (lambda: el("w:tbl"), 2),  # a table of no rows: not read
        (lambda: el("w:tbl", el("w:tr", el("w:tc", el("w:p")))), 3),  # one empty cell
    ],
)
def test_a_part_after_another_table_is_not_joined(plain: bytes, other: Any, grids: int) -> None:
    data = edit(plain, lambda root: _split(root, _page_break(), other()))
    assert len(docxtables.load(data, "t.docx").grids) == grids


# -- struck-through text -----------------------------------------------------


@pytest.mark.parametrize("toggle", ["w:strike", "w:dstrike"])
def test_struck_through_text_is_not_read_and_is_noted(plain: bytes, toggle: str) -> None:
    """The old value struck beside the new one (an edit left visible)."""

    def change(root: Any) -> None:
        cell(root, 3, 1).find("w:p", NS).insert(1, run_of("9,999.00", el(toggle)))
        cell(root, 5, 5).find("w:p", NS).append(run_of("（待补充XXX）", el(toggle, val="true")))

    notes: list[str] = []
    data = edit(plain, change)
    assert [
        [c.value for c in r] for r in docxtables.load(data, "t.docx", notes.append).grids[0].rows
    ] == cells(plain)[0]
    assert notes == [
        "表1: 2 cell(s) with struck-through text (first 第4行第2列): the struck text not read"
    ]
    assert sorted(findings(data)) == sorted(findings(plain))


def test_a_strike_turned_off_is_read_and_struck_headings_are_not_noted(plain: bytes) -> None:
    def change(root: Any) -> None:
        cell(root, 3, 1).find("w:p", NS).insert(1, run_of("9,999.00", el("w:strike", val="0")))
        heading = root.find("w:body", NS).find("w:p", NS)
        heading.append(run_of("（草稿）", el("w:strike")))

    notes: list[str] = []
    data = edit(plain, change)
    loaded = docxtables.load(data, "t.docx", notes.append)
    assert loaded.grids[0].rows[3][1].value == cells(plain)[0][3][1] + "9,999.00"
    assert notes == []
    assert not any("草稿" in h for h in loaded.grids[0].headings)


def test_the_struck_text_note_reads_in_chinese() -> None:
    from audit.reports import read_note

    note = "表1: 2 cell(s) with struck-through text (first 第4行第2列): the struck text not read"
    assert (
        read_note(note, "zh")
        == "提示：表1：2个单元格含删除线文字（第一个：第4行第2列），删除线部分未读取"
    )


# -- text typed in the Symbol font ---------------------------------------


def _comparators_in_font(font: str, character: str) -> Any:
    """Each ≥ of the first project's indicators as a run of its own, set in
    ``font`` and holding ``character`` (Symbol's ≥ is ``³``, or U+F0B3)."""

    def change(root: Any) -> None:
        for t in list(cell(root, 3, 6).iter(q("w:t"))):
            if "≥" not in (t.text or ""):
                continue
            run = t.getparent()
            pieces = (t.text or "").split("≥")
            t.text = pieces[0]
            at = run
            for piece in pieces[1:]:
                fonts = el("w:rFonts", ascii=font, hAnsi=font)
                symbol = run_of(character, fonts)
                at.addnext(symbol)
                rest = run_of(piece)
                symbol.addnext(rest)
                at = rest

    return change


@pytest.mark.parametrize("character", ["³", "\uf0b3"])
def test_a_comparator_typed_in_the_symbol_font_reads_as_shown(plain: bytes, character: str) -> None:
    data = edit(plain, _comparators_in_font("Symbol", character))
    assert "≥" in cells(plain)[0][3][6]
    assert cells(data) == cells(plain)


def test_the_same_characters_in_another_font_stay_as_typed(plain: bytes) -> None:
    read = cells(edit(plain, _comparators_in_font("Times New Roman", "³")))[0][3][6]
    assert "³" in read and "≥" not in read


# -- a worksheet embedded as an OLE object -----------------------------------

OFFICE = "urn:schemas-microsoft-com:office:office"


def _embedded(program: str, without_table: bool = False) -> Any:
    """A worksheet pasted as an object (粘贴为 Excel 工作表对象): Word
    keeps ``w:object`` with an ``o:OLEObject`` naming its program."""

    def change(root: Any) -> None:
        body = root.find("w:body", NS)
        ole = etree.Element(f"{{{OFFICE}}}OLEObject")
        ole.set("Type", "Embed")
        ole.set("ProgID", program)
        ole.set("ObjectID", "_1800000001")
        body.insert(0, el("w:p", el("w:r", el("w:object", ole))))
        if without_table:
            body.remove(table(root))

    return change


@pytest.mark.parametrize("program", ["Excel.Sheet.12", "Excel.Sheet.8", "KET.Sheet.12"])
def test_an_embedded_worksheet_is_noted(plain: bytes, program: str) -> None:
    notes: list[str] = []
    loaded = docxtables.load(edit(plain, _embedded(program)), "t.docx", notes.append)
    assert [[c.value for c in r] for r in loaded.grids[0].rows] == cells(plain)[0]
    assert notes == [
        "1 embedded worksheet(s) (OLE object): not read; "
        "lint the workbook itself, or paste its table into Word as a table"
    ]
    with pytest.raises(ReadError, match=r"without a table: its table is a worksheet embedded"):
        docxtables.load(edit(plain, _embedded(program, without_table=True)), "t.docx")


@pytest.mark.parametrize("program", ["Equation.3", "Word.Document.12", "Visio.Drawing.15"])
def test_another_embedded_object_is_not_noted(plain: bytes, program: str) -> None:
    notes: list[str] = []
    docxtables.load(edit(plain, _embedded(program)), "t.docx", notes.append)
    assert notes == []
    with pytest.raises(ReadError, match=r"^a Word document without a table$"):
        docxtables.load(edit(plain, _embedded(program, without_table=True)), "t.docx")


def test_the_embedded_worksheet_note_reads_in_chinese() -> None:
    from audit.reports import read_note

    note = (
        "2 embedded worksheet(s) (OLE object): not read; "
        "lint the workbook itself, or paste its table into Word as a table"
    )
    assert read_note(note, "zh") == (
        "提示：2个嵌入的工作表（OLE 对象）未读取：请直接检查该工作簿，或将其表格以 Word 表格粘贴"
    )
