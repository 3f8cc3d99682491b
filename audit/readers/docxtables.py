"""Word documents (``.docx``): their tables, read from the document's XML.

python-docx opens the package; the body is walked here, as Word shows it:

- Each table becomes a grid (``表1``, ``表2`` … in document order), also a
  table inside a content control (``w:sdt``), a text box (``w:txbxContent``;
  of ``mc:AlternateContent``'s two copies only the first, ``mc:Choice``) or
  a ``w:customXml`` element. Rows and cells inside content controls (a
  repeating section's rows, a cell wrapped in a control) are the table's.
- A row deleted with track changes on (``w:trPr/w:del``) is not read, nor
  a cell deleted so (``w:tcPr/w:cellDel``: the row's later cells move
  left), as Word shows the document with its changes; a row or a cell
  inserted with tracking (``w:ins``, ``w:cellIns``) is read.
- A cell merged across columns (``gridSpan``) or down rows (``vMerge``) is
  a merged range, its text in the top-left cell; a row's ``gridBefore``
  leaves its first grid columns empty. A merge continuation with no cell
  above it (a table cut from a longer one) is a cell of its own.
- A cell's paragraphs are its lines; a table nested in a cell adds one line
  per nested row (its cells' text joined by a space), a text box anchored
  in one of its paragraphs its own lines before that paragraph's (of
  ``mc:AlternateContent``'s two copies only the first).
- A paragraph's text is every run Word shows: inside tracked insertions and
  moves (``w:ins``, ``w:moveTo``), content controls, smart tags, simple
  fields, hyperlinks, ``w:customXml``; not deleted or moved-away text
  (``w:del``, ``w:moveFrom``), a field's instruction, hidden text
  (``w:vanish``, ``w:webHidden``), text struck through (``w:strike``,
  ``w:dstrike``: an edit left visible, the old value struck beside the new
  one; a note names the cells), or the prompt of a content control left
  unfilled (``w:showingPlcHdr``: the field is empty). ``w:tab`` is a tab, ``w:br``/``w:cr`` a
  line break, ``w:noBreakHyphen`` a hyphen, and a Symbol-font character
  (``w:sym``: 插入 › 符号 writes ``≥`` as ``F0B3``) its Unicode character, as
  is text in a run set in the Symbol font (``³`` or U+F0B3 shows ``≥``).
- A paragraph numbered by Word (``w:numPr``, itself or from its style) starts
  with the number Word draws (``1、``), from ``word/numbering.xml``.
- The paragraphs just before a table (its title, 单位名称) are kept as the
  table's headings. A table with no heading line stating the amount unit
  (``金额单位：元``) takes the last one stated before it: in the page header,
  a text box, or above an earlier table (the first part of a table split at
  a page break).
- A table that goes on from the one before it without a header row (a
  table split at a page break by hand, the header not repeated) is joined
  to that table when only page furniture stands between them
  (:mod:`audit.readers.continued`).

An ``altChunk`` (a part imported from another file, e.g. HTML) is not read,
nor a worksheet embedded as an OLE object (Word shows a picture of it); a
note says so, or the refusal of a document with no other table.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from audit.readers import sheetsize
from audit.readers.common import SYMBOL_FONT, stated_unit, states_targets
from audit.readers.continued import Part, join_continued
from audit.readers.decode import ReadError, reason
from audit.readers.grid import GridInput, Loaded, Merge, grid_source
from audit.readers.sheetsize import word_children as _rows_or_cells
from audit.readers.table import Notify

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VAL = f"{_W}val"
_TR, _TC, _TR_PR, _TC_PR = f"{_W}tr", f"{_W}tc", f"{_W}trPr", f"{_W}tcPr"
_DELETED, _CELL_DELETED = f"{_W}del", f"{_W}cellDel"
_R_PR = f"{_W}rPr"
_HIDDEN = (f"{_W}vanish", f"{_W}webHidden")  # text Word does not show
_STRUCK = (f"{_W}strike", f"{_W}dstrike")  # text struck through
_GRID_BEFORE, _GRID_SPAN, _V_MERGE = f"{_W}gridBefore", f"{_W}gridSpan", f"{_W}vMerge"
_HEADINGS = 6  # the paragraphs just before a table kept as its headings

# Elements whose content Word does not show (or shows elsewhere): deleted
# and moved-away text, a field's instruction, the fallback copy of
# alternate content, a text box (read as blocks of its own), footnote and
# comment marks' own parts.
_UNSHOWN = frozenset(
    {
        f"{_W}del",
        f"{_W}moveFrom",
        f"{_W}delText",
        f"{_W}instrText",
        f"{_W}delInstrText",
        f"{_MC}Fallback",
        f"{_W}txbxContent",
        f"{_W}pPr",
        f"{_W}rPr",
        f"{_W}sdtPr",
        f"{_W}sdtEndPr",
        f"{_W}customXmlPr",
        f"{_W}smartTagPr",
    }
)
# Containers whose children are blocks (paragraphs, tables) or, in a table,
# rows, or, in a row, cells: content controls and custom XML.
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
_CHARACTERS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}

# The Symbol font's characters by their code (Word stores ``F0xx`` or
# ``xx``): those with a Unicode twin a table may hold; digits and most
# punctuation are themselves.
_SYMBOL = {
    **{code: chr(code) for code in (0x21, 0x23, 0x25, 0x26, 0x28, 0x29, 0x2B, 0x2C, 0x2E, 0x2F)},
    **{code: chr(code) for code in range(0x30, 0x40)},
    **SYMBOL_FONT,
}
_SYMBOL_TEXT = str.maketrans(
    {**SYMBOL_FONT, **{0xF000 + code: text for code, text in SYMBOL_FONT.items()}}
)
"""Text typed in the Symbol font (a run whose font is Symbol, as a document
converted from a web page or another program keeps ``≥`` as ``³`` or
U+F0B3): the characters it shows, as the web-page reader reads them."""
_SYMBOL_CODES = re.compile("[\u00a2-\u00ff\uf020-\uf0ff]")


def load(data: bytes, path: str, notify: Notify | None = None) -> Loaded:

    from docx import Document

    sheetsize.bound_unpacked(data)  # python-docx holds every part in memory
    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # zipfile's, lxml's XMLSyntaxError, python-docx's own
        raise ReadError(f"corrupt Word document: {reason(error)}") from None
    body = document.element.body
    sheetsize.bound_word_tables(body)
    reader = _Reader(document.part)
    header_lines = reader.header_lines()
    reader.unit_line = next((line for line in reversed(header_lines) if stated_unit(line)), None)
    reader.blocks(body)
    if reader.alt_chunks and notify is not None:
        notify(
            f"{reader.alt_chunks} imported part(s) (altChunk): not read; "
            "open the document in Word and save it again to make them its own tables"
        )
    sheets = _embedded_sheets(body)
    if sheets and reader.inputs and notify is not None:
        notify(
            f"{sheets} embedded worksheet(s) (OLE object): not read; "
            "lint the workbook itself, or paste its table into Word as a table"
        )
    if notify is not None:
        for note in reader.notes:
            notify(note)
    if reader.unread_symbols and notify is not None:
        codes = " ".join(sorted(set(reader.unread_symbols))[:5])
        notify(
            f"{len(reader.unread_symbols)} Symbol-font character(s) ({codes}): not read; "
            "type them as text (≥ ≤ …) instead of inserting them as symbols"
        )
    if not reader.inputs:
        if reader.alt_chunks:
            raise ReadError(
                "a Word document without a table: its table may be in the part imported "
                "into it (altChunk), which is not read; open the document in Word and save "
                "it again"
            )
        if sheets:
            raise ReadError(
                "a Word document without a table: its table is a worksheet embedded from "
                "a spreadsheet (an OLE object: Word shows a picture of it), which is not "
                "read; lint the workbook itself, or paste its table into Word as a table"
            )
        raise ReadError("a Word document without a table")
    source, grids = grid_source(path, "docx", join_continued(reader.parts))
    return Loaded(source, grids)


_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_SHEET_PROGRAM = re.compile(r"(?:excel|ket|et)\.sheet", re.I)
"""The program of an embedded worksheet (``Excel.Sheet.12``, WPS's ``KET.Sheet``)."""


def _embedded_sheets(body: Any) -> int:
    """How many worksheets are embedded in the body as OLE objects (粘贴为
    Excel 工作表对象): Word shows a picture of the sheet's cells, kept in a
    workbook part of its own."""
    return sum(
        1 for element in body.iter(_OLE_OBJECT) if _SHEET_PROGRAM.match(element.get("ProgID") or "")
    )


class _Reader:
    """Walks a document's blocks, gathering its tables and their headings."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.inputs: list[GridInput] = []
        self.parts: list[Part] = []  # the tables and the text before each
        self.follows = False  # the last table was read
        self.paragraphs: list[str] = []
        self.unit_line: str | None = None
        self.alt_chunks = 0
        self.unread_symbols: list[str] = []
        self.struck: list[str] = []  # struck-through text not read
        self.struck_cells: list[tuple[int, int]] = []  # the last table's cells holding some
        self.notes: list[str] = []
        self.numbering = _Numbering(part)

    def header_lines(self) -> list[str]:
        """The paragraphs of the document's page headers (页眉)."""
        lines: list[str] = []
        try:
            rels = list(self.part.rels.values())
        except Exception:  # a package python-docx opened but cannot relate
            return lines
        for rel in rels:
            if rel.is_external or not rel.reltype.endswith("/header"):
                continue
            element = getattr(rel.target_part, "element", None)
            if element is None:
                continue
            for paragraph in element.iter(f"{_W}p"):
                text = self.paragraph_text(paragraph).strip()
                if text:
                    lines.append(text)
        return lines

    def blocks(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}p":
                self.text_boxes(child)
                text = self.paragraph_text(child).strip()
                if text:
                    self.paragraphs.append(text)
            elif tag == f"{_W}tbl":
                self.table(child)
            elif tag in _WRAPPERS and not _prompt(child):
                self.blocks(child)
            elif tag == f"{_W}altChunk":
                self.alt_chunks += 1

    def text_boxes(self, paragraph: Any) -> None:
        """The blocks of the text boxes anchored in a paragraph, each once."""
        for box in _shown_descendants(paragraph, f"{_W}txbxContent"):
            self.blocks(box)

    def table(self, element: Any) -> None:
        cells, merges = self.cells(element)
        headings = self.paragraphs[-_HEADINGS:]
        unit = next((line for line in reversed(headings) if stated_unit(line)), None)
        if unit is None and self.unit_line is not None:
            headings = [self.unit_line, *headings]
        elif unit is not None and states_targets(cells):
            self.unit_line = unit  # a budget table's own unit is not carried
        if cells:
            name = f"表{len(self.inputs) + 1}"
            self.inputs.append(GridInput(name, cells, merges, headings=headings))
            self.parts.append(Part(self.inputs[-1], self.paragraphs if self.follows else None))
            if self.struck_cells:
                row, column = self.struck_cells[0]
                self.notes.append(
                    f"{name}: {len(self.struck_cells)} cell(s) with struck-through text "
                    f"(first 第{row + 1}行第{column + 1}列): the struck text not read"
                )
        self.follows = bool(cells)  # the next table follows this one, if it was read
        self.paragraphs = []

    def cells(self, table: Any) -> tuple[list[list[str | None]], list[Merge]]:
        """The table's cell text by grid column, and its merged ranges."""
        rows: list[list[str | None]] = []
        boxes: list[list[int]] = []  # [top, left, bottom, right] of each cell
        above: dict[int, list[int]] = {}  # the box starting at each column of the row above
        struck_cells = self.struck_cells = []  # cells with struck-through text
        for row in _rows_or_cells(table, _TR):
            row_properties = row.find(_TR_PR)
            if row_properties is not None and row_properties.find(_DELETED) is not None:
                continue  # a row deleted with track changes: Word shows it gone
            r = len(rows)
            values: list[str | None] = []
            here: dict[int, list[int]] = {}
            column = _number(_value(row_properties, _GRID_BEFORE), 0)
            values.extend([None] * column)
            for cell in _rows_or_cells(row, _TC):
                properties = cell.find(_TC_PR)
                if properties is not None and properties.find(_CELL_DELETED) is not None:
                    continue  # a cell deleted with track changes: the next ones move left
                span = max(1, _number(_value(properties, _GRID_SPAN), 1))
                merge = _merge_of(properties)
                box = above.get(column) if merge == "continue" else None
                if box is not None and box[3] == column + span - 1:
                    box[2] = r
                    values.extend([None] * span)
                else:
                    box = [r, column, r, column + span - 1]
                    boxes.append(box)
                    struck = len(self.struck)
                    values.append(self.cell_text(cell) or None)
                    if any(text.strip() for text in self.struck[struck:]):
                        struck_cells.append((r, column))
                    values.extend([None] * (span - 1))
                here[column] = box
                column += span
            above = here
            rows.append(values)
        merges = [(t, left, b, right) for t, left, b, right in boxes if (t, left) != (b, right)]
        return rows, merges

    def cell_text(self, cell: Any) -> str:
        return "\n".join(self.cell_lines(cell)).strip()

    def cell_lines(self, parent: Any) -> Iterator[str]:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}p":
                # A text box anchored in the paragraph: its paragraphs before
                # the paragraph's own text, as in the body.
                if next(child.iter(f"{_W}txbxContent"), None) is not None:
                    for box in _shown_descendants(child, f"{_W}txbxContent"):
                        yield from self.cell_lines(box)
                    text = self.paragraph_text(child)
                    if text.strip():  # else the box's anchor, nothing of its own
                        yield text
                    continue
                yield self.paragraph_text(child)
            elif tag == f"{_W}tbl":
                for row in _rows_or_cells(child, f"{_W}tr"):
                    if _tracked(row, "trPr", "del"):
                        continue
                    texts = (
                        self.cell_text(c)
                        for c in _rows_or_cells(row, f"{_W}tc")
                        if not _tracked(c, "tcPr", "cellDel")
                    )
                    line = " ".join(t.replace("\n", " ") for t in texts if t)
                    if line:
                        yield line
            elif tag in _WRAPPERS and not _prompt(child):
                yield from self.cell_lines(child)

    def paragraph_text(self, paragraph: Any) -> str:
        parts: list[str] = []
        _runs_text(paragraph, parts, self.unread_symbols, self.struck)
        text = "".join(parts)
        number = self.numbering.label(paragraph)
        return number + text if number and text.strip() else text


def _runs_text(element: Any, parts: list[str], unread: list[str], struck: list[str]) -> None:
    """The shown text under ``element`` (a paragraph or part of one); the
    codes of Symbol-font characters it cannot tell go to ``unread``, text
    struck through (``w:strike``, ``w:dstrike``) to ``struck``."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _UNSHOWN:
            continue  # comments and processing instructions; unshown content
        if tag == f"{_W}r":
            properties = child.find(_R_PR)
            if properties is not None and _on(properties, _HIDDEN):
                continue
            if properties is not None and _on(properties, _STRUCK):
                struck.append("".join(t.text or "" for t in child.iter(f"{_W}t")))
                continue
            for piece in child:
                kind = piece.tag
                if kind == f"{_W}t":
                    text = piece.text or ""
                    if not text.isascii() and _SYMBOL_CODES.search(text) and _symbol_font(child):
                        text = text.translate(_SYMBOL_TEXT)
                    parts.append(text)
                elif kind in _CHARACTERS:
                    parts.append(_CHARACTERS[kind])
                elif kind == f"{_W}sym":
                    parts.append(_symbol(piece, unread))
                elif kind == f"{_MC}AlternateContent":
                    _runs_text(piece, parts, unread, struck)
        elif tag == f"{_W}p" or _prompt(child):
            continue  # a paragraph of a text box (read as a block); a control's prompt
        else:
            _runs_text(child, parts, unread, struck)


def _prompt(element: Any) -> bool:
    """Whether ``element`` is a content control showing its prompt (单击或点击此处
    输入文字。: ``w:showingPlcHdr``): a field left unfilled, read as empty."""
    if element.tag != f"{_W}sdt":
        return False
    properties = element.find(f"{_W}sdtPr")
    flag = None if properties is None else properties.find(f"{_W}showingPlcHdr")
    return flag is not None and flag.get(_VAL, "true").lower() not in ("0", "false", "off")


def _symbol_font(run: Any) -> bool:
    """Whether a run's text is set in the Symbol font."""
    fonts = run.find(f"{_R_PR}/{_W}rFonts")
    return fonts is not None and any(
        (fonts.get(f"{_W}{name}") or "").strip().lower() == "symbol"
        for name in ("ascii", "hAnsi", "eastAsia", "cs")
    )


def _on(properties: Any, toggles: tuple[str, ...]) -> bool:
    """Whether a run's properties (``w:rPr``) turn one of ``toggles`` on."""
    for tag in toggles:
        flag = properties.find(tag)
        if flag is not None and flag.get(_VAL, "true").lower() not in ("0", "false", "off"):
            return True
    return False


def _symbol(sym: Any, unread: list[str]) -> str:
    """The character of a ``w:sym``: a Symbol-font code as its Unicode
    twin (one without a twin here is noted in ``unread``); another font's
    (Wingdings' pictures, check boxes) nothing."""
    font = (sym.get(f"{_W}font") or "").strip().lower()
    try:
        code = int(sym.get(f"{_W}char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    if font != "symbol":
        return ""
    character = _SYMBOL.get(code)
    if character is None:
        unread.append(f"F0{code:02X}" if code < 0x100 else f"{code:X}")
        return ""
    return character


def _shown_descendants(element: Any, tag: str) -> Iterator[Any]:
    """Descendants named ``tag`` not inside an ``mc:Fallback`` (the second
    copy of alternate content) nor inside another one."""
    for child in element:
        if not isinstance(child.tag, str) or child.tag == f"{_MC}Fallback":
            continue
        if child.tag == tag:
            yield child
        else:
            yield from _shown_descendants(child, tag)


def _tracked(element: Any, group: str, mark: str) -> bool:
    """Whether a row's (``trPr``) or a cell's (``tcPr``) properties hold
    the revision mark ``mark``: ``del`` for a row deleted with track
    changes on, ``cellDel`` for a cell."""
    properties = element.find(f"{_W}{group}")
    return properties is not None and properties.find(f"{_W}{mark}") is not None


def _value(properties: Any, tag: str) -> str | None:
    """The ``w:val`` of the property ``tag`` among ``properties`` (None: none)."""
    if properties is None:
        return None
    found = properties.find(tag)
    return None if found is None else found.get(_VAL)


def _merge_of(properties: Any) -> str | None:
    """``restart``, ``continue`` or None: the vertical merge a cell's
    properties (``w:tcPr``) give it."""
    if properties is None:
        return None
    merge = properties.find(_V_MERGE)
    if merge is None:
        return None
    return "restart" if merge.get(_VAL) == "restart" else "continue"


def _number(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return max(0, min(number, sheetsize.MAX_SPAN))


class _Numbering:
    """The numbers Word draws before numbered paragraphs: each list (``numId``)
    counts per level, a level restarting after a paragraph of a level above
    it, from the level's ``w:start`` (or the list's ``w:startOverride``)."""

    def __init__(self, part: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self.style_numbers: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            return
        abstract: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        for definition in numbering.iterchildren(f"{_W}abstractNum"):
            key = definition.get(f"{_W}abstractNumId") or ""
            abstract[key] = {
                _number(level.get(f"{_W}ilvl"), 0): _level(level)
                for level in definition.iterchildren(f"{_W}lvl")
            }
        for instance in numbering.iterchildren(f"{_W}num"):
            num_id = instance.get(f"{_W}numId") or ""
            levels: dict[int, tuple[int, str, str, str]] = {}
            reference = instance.find(f"{_W}abstractNumId")
            if reference is not None:
                levels = dict(abstract.get(reference.get(_VAL) or "", {}))
            for override in instance.iterchildren(f"{_W}lvlOverride"):
                ilvl = _number(override.get(f"{_W}ilvl"), 0)
                level = override.find(f"{_W}lvl")
                if level is not None:
                    levels[ilvl] = _level(level)
                start = override.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (_number(start.get(_VAL), 1), *levels[ilvl][1:])
            self.levels[num_id] = levels
        try:
            styles = part.styles.element
        except Exception:  # no styles part
            return
        for style in styles.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            properties = style.find(f"{_W}pPr")
            numbered = None if properties is None else properties.find(f"{_W}numPr")
            if style_id and numbered is not None:
                self.style_numbers[style_id] = _num_pr(numbered)

    def label(self, paragraph: Any) -> str:
        if not self.levels:
            return ""
        properties = paragraph.find(f"{_W}pPr")
        if properties is None:
            return ""
        num_id: str | None = None
        ilvl: int | None = None
        style = properties.find(f"{_W}pStyle")
        if style is not None:
            num_id, ilvl = self.style_numbers.get(style.get(_VAL) or "", (None, None))
        numbered = properties.find(f"{_W}numPr")
        if numbered is not None:
            own_id, own_level = _num_pr(numbered)
            num_id = own_id if own_id is not None else num_id
            ilvl = own_level if own_level is not None else ilvl
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        ilvl = ilvl or 0
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = levels[ilvl][0]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        _, kind, pattern, suffix = levels[ilvl]
        if kind == "bullet" or kind == "none":
            return ""
        label = pattern
        for level in range(9):
            placeholder = f"%{level + 1}"
            if placeholder in label:
                value = counters.get(level, levels.get(level, (1,))[0])
                level_kind = levels.get(level, (1, "decimal"))[1]
                label = label.replace(placeholder, _format(value, level_kind))
        return label + suffix


def _num_pr(numbered: Any) -> tuple[str | None, int | None]:
    num_id = _property_of(numbered, "numId")
    level = _property_of(numbered, "ilvl")
    return num_id, None if level is None else _number(level, 0)


def _level(level: Any) -> tuple[int, str, str, str]:
    """(start, numFmt, lvlText, what follows the number) of a ``w:lvl``."""
    start = _number(_property_of(level, "start"), 1)
    kind = _property_of(level, "numFmt") or "decimal"
    pattern = _property_of(level, "lvlText") or ""
    suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(
        _property_of(level, "suff") or "tab", "\t"
    )
    return start, kind, pattern, suffix


def _property_of(element: Any, name: str) -> str | None:
    found = element.find(f"{_W}{name}")
    return None if found is None else found.get(_VAL)


_CHINESE_DIGITS = "零一二三四五六七八九"
# Word draws the 27th letter as aa, the 53rd as aaa …: past this many
# repeats a counter is drawn as digits (a label stays short).
_LETTER_REPEATS = 10
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _format(value: int, kind: str) -> str:
    """A list counter as Word draws it in the level's ``numFmt``."""
    if kind in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return _chinese(value)
    if kind == "decimalFullWidth" or kind == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if kind in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return _CIRCLED[value - 1]
    if kind in ("ideographTraditional",) and 1 <= value <= 10:
        return _HEAVENLY_STEMS[value - 1]
    if kind in ("lowerLetter", "upperLetter") and 1 <= value <= 26 * _LETTER_REPEATS:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if kind == "lowerLetter" else letter.upper()
    if kind in ("lowerRoman", "upperRoman") and 1 <= value < 4000:
        roman = _roman(value)
        return roman.lower() if kind == "lowerRoman" else roman
    if kind == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _chinese(value: int) -> str:
    """一 … 十, 十一 … 九十九 (Word's chineseCounting); larger as digits."""
    if value < 0 or value >= 100:
        return str(value)
    if value < 10:
        return _CHINESE_DIGITS[value]
    tens, ones = divmod(value, 10)
    return (
        ("" if tens == 1 else _CHINESE_DIGITS[tens])
        + "十"
        + (_CHINESE_DIGITS[ones] if ones else "")
    )


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, value = divmod(value, number)
        out += letters * count
    return out
