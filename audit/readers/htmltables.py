"""Web pages: the ``<table>`` elements of a page saved from a disclosure site.

Parsed with the standard library's :mod:`html.parser`, which is lenient
with the unclosed ``<td>``/``<tr>`` and stray tags such pages have. Each
table becomes a grid (``表1``, ``表2`` … in page order; a table nested in a
cell is a table of its own; one that goes on from the table before without
a header row, only page furniture between them, is joined to it: see
:mod:`audit.readers.continued`). ``colspan``/``rowspan`` are merged ranges.
Cell text is the text a browser shows: runs of white space are one space,
``<br>`` and the end of a paragraph start a new line; hidden and struck-out
text is left out (see :class:`_Parser`). The text before a table (its title,
单位名称, 单位：万元), its ``<caption>``, or the text before it in the cell of
a layout table it sits in, is kept as the table's headings. A web archive
(``.mht``) is read as the page it holds.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from html.parser import HTMLParser
from itertools import pairwise

from audit.readers.carriers import web_archive
from audit.readers.common import SYMBOL_FONT
from audit.readers.continued import Part, join_continued
from audit.readers.decode import ReadError, decode
from audit.readers.grid import GridInput, Loaded, Merge, grid_source
from audit.readers.stylesheet import Stylesheet, page_stylesheet
from audit.readers.table import Notify

_SPACE = re.compile(r"[ \t\r\n\f]+")
_NEWLINE = re.compile(r"\r\n?")
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"
)
_WIDE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t]*[\r\n][ \t\r\n]*(?=[{_WIDE}])")
"""A line end in the source between two wide (CJK) characters: removed, not
shown as a space (CSS Text's segment break transformation), so a Chinese
line wrapped in the source reads as one."""
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"})
_SKIPPED = frozenset({"script", "style", "title", "template", "noscript"})
"""Elements whose content a browser does not show as text (``<noscript>``:
as a browser with scripts on shows the page). The ``<head>`` is not among
them: it ends, shown or not, where the body's first element begins."""
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"}
)
_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
_FIELDS = frozenset({"input", "select", "option"})
_CELLS = frozenset({"td", "th"})
_TABLE = frozenset({"table"})
_ROW = _TABLE | {"tr"}
_TABLE_PARTS = _CELLS | _SECTIONS | {"tr", "caption"}
_TABLE_ENDS = _CELLS | {"tr", "caption"}
_LIST_SCOPE = frozenset({"table", "td", "th", "caption", "html", "template", "ul", "ol"})
_SCOPE = frozenset({"table", "td", "th", "caption", "html", "template"})
"""An implied end tag never reaches past these (the standard's "scope")."""
_CLOSES_P = frozenset(
    {"p", "div", "ul", "ol", "dl", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"address", "article", "aside", "center", "section", "header", "footer", "nav"}
    | {"hr", "form", "fieldset", "figure", "main", "menu", "details", "listing"}
)
_STRUCK = frozenset({"del", "s", "strike"})
"""Text struck out: a revision deleted with track changes on, as Word's "save
as web page" writes it (``<del cite=… datetime=…>``), or struck-through
text; a reader takes it as gone, not as the current value."""
_MARKING = _STRUCK | {"pre", "textarea", "listing", "sup"}
"""Elements that change their text without any attribute."""
_HIDDEN_STYLE = re.compile(
    r"(?:^|[;\s])(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)\b", re.I
)
_GONE_STYLE = re.compile(r"(?:^|[;\s])(?:display\s*:\s*none|mso-hide\s*:\s*all)\b", re.I)
"""What of :data:`_HIDDEN_STYLE` takes an element out, its place too."""
_PRE_STYLE = re.compile(r"(?:^|[;\s])white-space\s*:\s*pre", re.I)
_SYMBOL_STYLE = re.compile(r"(?:^|[;\s])(?:mso-symbol-)?font-family\s*:\s*['\"]?symbol\b", re.I)
_SYMBOLS = str.maketrans(
    {**SYMBOL_FONT, **{0xF000 + code: text for code, text in SYMBOL_FONT.items()}}
)
"""The Symbol font's characters, at their code point and at Word's private-use
one (U+F0B3 for 0xB3)."""
_SUPERSCRIPTS = str.maketrans("0123456789+-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")
HIDDEN_NOTE = "hidden rows or cells, not read (a browser does not show them)"
"""The note's fixed end, after the table and the hidden text it quotes."""
HIDDEN_TABLE_NOTE = "a hidden table, not read (a browser does not show it)"
"""The note of a table the page hides whole (a tab not shown, ``display:none``)."""
_NUMBER_PIECE = re.compile(r"-?[\d,.]+")
_NUMBER_CHARS = 40
"""Longer than any amount a cell holds."""
MAX_SPAN = 1000
"""Larger ``rowspan``/``colspan`` values are taken as this (pages have ``rowspan=9999``)."""
_QUOTED = 30


class _Table:
    def __init__(self, headings: list[str]) -> None:
        self.headings = headings
        self.rows: list[dict[int, str]] = []
        self.hidden_rows: set[int] = set()
        self.merges: list[Merge] = []
        self.taken: set[tuple[int, int]] = set()
        self.cell: list[str] | None = None
        self.at: tuple[int, int] = (0, 0)
        self.row_open = False
        self.caption: list[str] | None = None
        self.hidden_text: list[str] = []  # text of hidden rows and cells, for the note
        self.hidden = False  # the whole table is not shown
        # the text between the table before (ended, at the same level) and
        # this one, its caption's lines after it; None when none such is
        self.after: list[str] | None = None

    def start_row(self, hidden: bool = False) -> None:
        self.end_cell()
        if hidden:
            self.hidden_rows.add(len(self.rows))
        self.rows.append({})
        self.row_open = True

    def start_cell(self, rowspan: int, colspan: int) -> None:
        self.end_cell()
        if not self.row_open:
            self.start_row()
        row = len(self.rows) - 1
        col = 0
        while (row, col) in self.taken:
            col += 1
        for r in range(row, row + rowspan):
            for c in range(col, col + colspan):
                self.taken.add((r, c))
        if rowspan > 1 or colspan > 1:
            self.merges.append((row, col, row + rowspan - 1, col + colspan - 1))
        self.at = (row, col)
        self.cell = []

    def end_cell(self) -> None:
        if self.cell is None:
            return
        text = "".join(self.cell)
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        value = "\n".join(line for line in lines if line)
        if "\n" in value and len(value) <= _NUMBER_CHARS:
            value = _whole_number(value)
        self.rows[self.at[0]][self.at[1]] = value
        self.cell = None

    def cells(self) -> list[list[str | None]]:
        # As many columns as cells begin in: a ``colspan`` past the last
        # (``colspan=20`` on a title row of a table of 7) adds none, as a
        # browser draws it.
        width = max((max(row) + 1 for row in self.rows if row), default=0)
        grid: list[list[str | None]] = []
        for index, row in enumerate(self.rows):
            if index not in self.hidden_rows:
                grid.append([row.get(c) for c in range(width)])
        return grid

    def shown_merges(self) -> list[Merge]:
        """The merged ranges over the rows shown (a hidden row drops out)."""
        if not self.hidden_rows:
            return self.merges
        shown = [r for r in range(len(self.rows)) if r not in self.hidden_rows]
        at = {row: index for index, row in enumerate(shown)}
        merges: list[Merge] = []
        for top, left, bottom, right in self.merges:
            rows = [at[r] for r in range(top, bottom + 1) if r in at]
            if rows and (len(rows) > 1 or right > left):
                merges.append((rows[0], left, rows[-1], right))
        return merges


_NOT_TEXT = frozenset(
    {"hidden", "checkbox", "radio", "submit", "reset", "button", "image", "file", "password"}
    | {"color", "range"}
)
"""``<input>`` types whose ``value`` is no text the page shows in the field:
a hidden field, a box ticked or not, a button's caption, dots for a password."""


class _Choice:
    """A ``<select>`` being read: its options' texts, which it shows, and
    whether each is selected. A drop-down shows one, the selected (the last
    one marked, or else the first); a list box (``multiple``, ``size`` over 1)
    shows its options and holds the selected ones, which are read."""

    def __init__(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.listbox = "multiple" in values or _span(values.get("size")) > 1
        self.options: list[tuple[bool, list[str]]] = []
        self.current: list[str] | None = None  # the open option's text

    def option(self, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        label = values.get("label")
        self.current = [] if not label else [label]
        self.options.append(("selected" in values, self.current))
        if label:
            self.current = None  # the label is shown, not the option's text

    def text(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)

    def shown(self) -> list[str]:
        """The text of the options shown or held, each on one line."""
        texts = [
            (selected, _SPACE.sub(" ", _WIDE_BREAK.sub("", "".join(text))))
            for selected, text in self.options
        ]
        chosen = [text for selected, text in texts if selected]
        if self.listbox:
            return chosen
        if chosen:
            return chosen[-1:]
        return [texts[0][1]] if texts else []


class _Open:
    """An element open on the parser's stack, with what it does to its text."""

    __slots__ = ("drop", "pre", "sup", "symbol", "tag")

    def __init__(self, tag: str, drop: bool, pre: bool, symbol: bool, sup: bool) -> None:
        self.tag = tag
        self.drop = drop
        self.pre = pre
        self.symbol = symbol
        self.sup = sup


class _Parser(HTMLParser):
    """The page read as a browser shows it: the standard's implied end tags
    for ``<p>``, ``<li>``, ``<td>``, ``<tr>`` and table sections; white space
    in the source collapsed (kept in ``<pre>`` and ``white-space: pre``);
    hidden elements (``display:none``, ``visibility:hidden``, ``mso-hide:all``,
    the ``hidden`` attribute; in the ``style`` attribute, or by a class rule of
    the page's own ``<style>``, :mod:`audit.readers.stylesheet`) and
    struck-out text left out."""

    def __init__(self, sheet: Stylesheet | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.sheet = sheet or None
        self.tables: list[_Table] = []
        self.stack: list[_Table] = []
        self.outside: list[str] = []  # text since the last table ended
        self.since: list[str] | None = None  # all text shown since a table ended
        self.depth = -1  # how deep in tables the last table began
        self.skipping = 0
        self.open: list[str] = []  # the open elements' tags
        self.marks: list[_Open | None] = []  # and what each does to its text
        # where each tag stands open in ``open``, bottom to top: the nearest
        # open element of a tag is found at once, however deep the page
        self.positions: dict[str, list[int]] = {}
        self.dropped = 0  # open elements whose text is not shown
        self.dropped_cells = 0  # of which hidden rows and cells
        self.pre = 0
        self.symbol = 0
        self.sup = 0
        self.choice: _Choice | None = None  # the <select> open, shown

    # -- the stack of open elements ------------------------------------

    def _push(self, tag: str, attrs: list[tuple[str, str | None]], hidden: bool) -> None:
        self.positions.setdefault(tag, []).append(len(self.open))
        self.open.append(tag)
        if not attrs and tag not in _MARKING:
            self.marks.append(None)
            return
        style = face = ""
        for name, value in attrs:
            if name == "style":
                style = value or ""
            elif name == "face":
                face = value or ""
        element = _Open(
            tag,
            drop=hidden or tag in _STRUCK,
            pre=tag in ("pre", "textarea", "listing") or _PRE_STYLE.search(style) is not None,
            symbol=_SYMBOL_STYLE.search(style) is not None or face.strip().lower() == "symbol",
            sup=tag == "sup",
        )
        self.marks.append(element)
        self._count(element, 1)

    def _count(self, element: _Open, step: int) -> None:
        self.dropped += step * element.drop
        self.dropped_cells += step * (element.drop and element.tag in ("tr", "td", "th"))
        self.pre += step * element.pre
        self.symbol += step * element.symbol
        self.sup += step * element.sup

    def _close(self, tags: Collection[str], bounds: frozenset[str]) -> bool:
        """Pop the open elements down to the nearest one of ``tags`` (it
        too), unless one of ``bounds`` comes first; whether one was closed."""
        positions = self.positions
        index = max((positions[t][-1] for t in tags if positions.get(t)), default=-1)
        if index < 0:
            return False
        if any(positions[b][-1] > index for b in bounds if positions.get(b)):
            return False
        for element in self.marks[index:]:
            if element is not None:
                self._count(element, -1)
        for tag in self.open[index:]:
            positions[tag].pop()
        del self.open[index:]
        del self.marks[index:]
        if self.choice is not None and not positions.get("select"):
            self._chosen()
        return True

    def _chosen(self) -> None:
        """A ``<select>`` ended: what it shows is the cell's text, a line
        for each option a list box holds."""
        assert self.choice is not None
        lines, self.choice = self.choice.shown(), None
        for index, line in enumerate(lines):
            if index:
                self._text("\n")
            self.handle_data(f" {line} ")

    # -- the parser's events -------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping or tag in _SKIPPED:
            if tag in _SKIPPED:
                self.skipping += 1
            return
        hidden = _hidden(tag, attrs, self.sheet)
        if tag in _FIELDS and self._field(tag, attrs, hidden):
            return
        if tag in _CLOSES_P or tag == "table":
            self._close({"p"}, _SCOPE)
        if tag == "li":
            self._close({"li"}, _LIST_SCOPE)
        if tag == "table":
            self._start_table(hidden or self.dropped > 0)
        elif self.stack and tag in _TABLE_PARTS:
            self._table_tag(self.stack[-1], tag, attrs, hidden)
        elif tag == "br" or tag in _BLOCKS:
            self._text("\n")
        if tag not in _VOID:
            self._push(tag, attrs, hidden)

    def _field(self, tag: str, attrs: list[tuple[str, str | None]], hidden: bool) -> bool:
        """A form field: an ``<input>``'s value is text in its cell (one not
        shown, or no text, is not read); a ``<select>`` shows one option or
        holds those selected, its other options' text is not read. Whether
        the tag is done with (nothing more to do with it)."""
        if tag == "input":
            values = dict(attrs)
            kind = (values.get("type") or "text").strip().lower()
            value = values.get("value")
            if value and not hidden and kind not in _NOT_TEXT:
                # a text field's value has no line breaks: a browser drops them
                self.handle_data(f" {value.replace(chr(13), '').replace(chr(10), '')} ")
            return True
        if self.choice is not None:
            if tag == "select":  # a select inside one ends it, as a browser reads it
                self._close({"select"}, _SCOPE)
                return True
            if tag == "option":
                self._close({"option"}, frozenset({"select"}))
                self.choice.option(attrs)
            return False
        if tag == "select" and not hidden and not self.dropped:
            self._push(tag, attrs, hidden)
            self.choice = _Choice(attrs)
            return True
        return False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def _start_table(self, hidden: bool) -> None:
        if self.stack and self.stack[-1].cell is not None:
            # A table in a cell (a page laid out in tables): the cell's text
            # before it is its title and unit lines.
            cell = self.stack[-1].cell
            headings = _lines("".join(cell))[-6:]
            cell.append("\n")
        else:
            headings = _lines("".join(self.outside))[-6:]
            self.outside = []
        table = _Table(headings)
        table.hidden = hidden
        depth = len(self.stack)
        if self.since is not None and self.depth == depth:
            table.after = _lines("".join(self.since))
        self.since = None
        self.tables.append(table)
        self.depth = depth
        self.stack.append(table)

    def _table_tag(
        self, table: _Table, tag: str, attrs: list[tuple[str, str | None]], hidden: bool
    ) -> None:
        if tag == "caption":
            table.caption = []
        elif tag in _SECTIONS:
            _ = self._close(_SECTIONS, _TABLE) or self._close({"tr"}, _TABLE)
            self._close(_CELLS, _TABLE)
            table.end_cell()
            table.row_open = False
        elif tag == "tr":
            _ = self._close({"tr"}, _TABLE) or self._close(_CELLS, _TABLE)
            table.start_row(hidden or self.dropped > 0)
        else:
            self._close(_CELLS, _ROW)
            if hidden and not _keeps_place(tag, attrs, self.sheet):
                # not shown: the next cells move left, as a browser draws them
                table.end_cell()
                if not table.row_open:
                    table.start_row()
                return
            values = dict(attrs)
            table.start_cell(_span(values.get("rowspan")), _span(values.get("colspan")))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag == "br":  # ``</br>`` is a ``<br>``
            self._text("\n")
            return
        table = self.stack[-1] if self.stack else None
        if tag == "table":
            if table is None:
                return
            self._close({"table"}, frozenset())
            table.end_cell()
            self.stack.pop()
            self.since = []
            return
        if table is not None and tag in _TABLE_ENDS:
            self._close((tag,), _TABLE)
            if tag == "caption" and table.caption is not None:
                table.headings.extend(_lines("".join(table.caption)))
                if table.after is not None:
                    table.after.extend(_lines("".join(table.caption)))
                table.caption = None
                return
            table.end_cell()
            if tag == "tr":
                table.row_open = False
            return
        if tag == "option" and self.choice is not None:
            self.choice.current = None
        self._close((tag,), _SCOPE)
        if tag in _BLOCKS:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.dropped:
            self._hidden_text(data)
            return
        if self.choice is not None:
            self.choice.text(data)
            return
        if self.stack and self.stack[-1].cell is None and self.stack[-1].caption is None:
            return  # between a table's cells: nothing shows
        # The source's line ends show as a space (or nothing between two
        # Chinese characters), but in ``<pre>`` and ``white-space: pre`` as
        # typed; runs of spaces are collapsed where the lines are taken.
        if self.pre:
            data = _NEWLINE.sub("\n", data)
        elif "\n" in data or "\r" in data:
            data = _SPACE.sub(" ", _WIDE_BREAK.sub("", data))
        if "\xad" in data:  # a soft hyphen (``&shy;``) shows only where a line wraps
            data = data.replace("\xad", "")
        if self.symbol:
            data = data.translate(_SYMBOLS)
        if self.sup:
            data = data.translate(_SUPERSCRIPTS)
        self._text(data)

    def _text(self, data: str) -> None:
        if self.since is not None:
            self.since.append(data)
        if not self.stack:
            self.outside.append(data)
            return
        table = self.stack[-1]
        if table.caption is not None:
            table.caption.append(data)
        elif table.cell is not None:
            table.cell.append(data)

    def _hidden_text(self, data: str) -> None:
        """Text of a hidden row or cell, kept for the note (struck-out text
        and hidden words inside a shown cell are not noted)."""
        if not self.stack or not data.strip():
            return
        if self.dropped_cells or self.stack[-1].hidden:
            self.stack[-1].hidden_text.append(data.strip())


def _hiding_attributes(
    attrs: list[tuple[str, str | None]],
) -> tuple[bool, str | None, str | None]:
    """What of an element's attributes may hide it: the ``hidden`` attribute,
    its ``style`` and its ``class``."""
    hidden = False
    style = classes = None
    for name, value in attrs:
        if name == "hidden":
            hidden = True
        elif name == "style":
            style = value or ""
        elif name == "class":
            classes = value
    return hidden, style, classes


def _hidden(tag: str, attrs: list[tuple[str, str | None]], sheet: Stylesheet | None) -> bool:
    hidden, style, classes = _hiding_attributes(attrs)
    if hidden:
        return True
    if sheet is not None and classes:
        by_class = sheet.hides(tag, classes, style or "")
        if by_class is not None:
            return by_class
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def _keeps_place(tag: str, attrs: list[tuple[str, str | None]], sheet: Stylesheet | None) -> bool:
    """Whether a hidden cell keeps its place, empty (``visibility:hidden``),
    rather than being taken out (``display:none``, ``mso-hide:all``, the
    ``hidden`` attribute), which moves the cells after it left."""
    hidden, style, classes = _hiding_attributes(attrs)
    if hidden:
        return False
    if sheet is not None and classes:
        shown = sheet.shows(tag, classes, style or "")
        if shown is not None:
            return shown == "invisible"
    return style is not None and _GONE_STYLE.search(style) is None


def _whole_number(value: str) -> str:
    """A number broken over lines at a thousands separator or the decimal
    point (``1,<br>015.10``, ``15.<br>10``: a narrow column of a page
    converted from a PDF, where the number wrapped) as one, when it is one
    amount (``1,015.10``); other lines (``3.5`` over ``.2``, two numbers
    one under the other, words) as they are."""
    lines = value.split("\n")
    if not all(_NUMBER_PIECE.fullmatch(line) for line in lines):
        return value
    if not all(a[-1] in ",." or b[0] in ",." for a, b in pairwise(lines)):
        return value
    from audit.readers.common import AMOUNT_RE

    joined = "".join(lines)
    return joined if AMOUNT_RE.fullmatch(joined) else value


def _span(value: str | None) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return max(1, min(number, MAX_SPAN))


def _lines(text: str) -> list[str]:
    return [line for line in (_SPACE.sub(" ", part).strip() for part in text.split("\n")) if line]


def tables(markup: str, notify: Notify | None = None) -> list[GridInput]:
    """The page's tables as grid inputs, each with the text lines before it.

    A table that states no amount unit (金额单位：元) above it or in its top
    rows takes the last one stated earlier on the page by a table of
    performance targets (the second part of a table split into one
    ``<table>`` per printed page, a table under a layout table's title cell);
    a budget table's unit is its own. A table the page hides whole is not
    read, with a note. A part of a table continued without its header row
    (one ``<table>`` per printed page) is joined to the table before it
    (:mod:`audit.readers.continued`)."""
    from audit.readers.common import states_targets

    parser = _Parser(page_stylesheet(markup))
    parser.feed(markup)
    parser.close()
    found: list[Part] = []
    unit_line: str | None = None
    kept = False  # the table before was read
    for number, table in enumerate(parser.tables, start=1):
        follows, kept = kept, False
        table.end_cell()
        cells = table.cells()
        name = f"表{number}"
        if table.hidden_text and notify is not None:
            text = _SPACE.sub(" ", " ".join(table.hidden_text))
            quoted = text if len(text) <= _QUOTED else text[:_QUOTED] + "…"
            notify(f"{name}: 「{quoted}」: {HIDDEN_TABLE_NOTE if table.hidden else HIDDEN_NOTE}")
        if table.hidden:
            continue
        if not cells:
            continue
        own = _unit_line([*table.headings, *(v for row in cells[:4] for v in row if v)])
        headings = table.headings
        if own is None and unit_line is not None:
            headings = [unit_line, *headings]
        elif own is not None and states_targets(cells):
            unit_line = own  # a budget table's own unit is not carried
        grid = GridInput(name, cells, table.shown_merges(), headings=headings)
        found.append(Part(grid, table.after if follows else None))
        kept = True
    return join_continued(found)


def _unit_line(lines: list[str]) -> str | None:
    """The last of ``lines`` that states the amount unit, as ``金额单位：元``."""
    from audit.readers.common import stated_unit

    unit = None
    for text in lines:
        for line in text.split("\n"):
            unit = stated_unit(line.strip()) or unit
    return None if unit is None else f"金额单位：{unit}"


def _archived_page(data: bytes) -> bytes:
    """The web page a web archive holds: its first ``text/html`` part,
    quoted-printable or base64 undone (its charset is left to the page's
    ``<meta>`` and :func:`decode`, which know the same names)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset and b"charset" not in payload[:4096].lower():
                    return f'<meta charset="{charset}">'.encode("ascii", "ignore") + payload
                return payload
    raise ReadError("a web page without a table (a web archive, MHTML, without a text/html part)")


_TABLE_OPENS = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSES = re.compile(r"</table\s*>", re.IGNORECASE)


def _whole(text: str) -> None:
    """Refuse a page that ends inside a table (a download cut short, a page
    saved before it had loaded): the rows it lacks would read as sums that
    do not add up and projects that are not there. A table's end tag is
    never optional in HTML."""
    if text[-200:].rstrip().lower().endswith(("</html>", "</body>")):
        return  # the page's own end: a "<table" left open is in a script's string
    opened = [match.start() for match in _TABLE_OPENS.finditer(text)]
    closed = len(_TABLE_CLOSES.findall(text))
    if opened and closed < len(opened) and _TABLE_CLOSES.search(text, opened[-1]) is None:
        raise ReadError(
            "the web page ends inside a table (its </table> is missing): the file is cut "
            "short; save or download the page again"
        )


def load(data: bytes, path: str, notify: Notify | None = None) -> Loaded:
    if web_archive(data):
        data = _archived_page(data)
    text, encoding = decode(data)
    found = tables(text, notify)
    if not found:
        raise ReadError("a web page without a table (no <table> element with cells)")
    _whole(text)
    source, grids = grid_source(path, "html", found, encoding)
    return Loaded(source, grids)
