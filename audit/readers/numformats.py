"""What a workbook cell's display format changes about what it says.

python-calamine gives a cell's value as the sheet stores it. For many cells
that is what the reviewer sees; for others it is not: a person who types
``95%`` into Excel, WPS or LibreOffice gets the number ``0.95`` stored with a
percent format, so a target read as stored (``0.95``, no unit) is not the
target the sheet shows; ``2025.10`` typed into a cell formatted ``0.00`` is
stored ``2025.1``; ``0:30`` in a cell formatted ``h:mm`` is stored as a
fraction of a day. The cells whose format changes what they say are found
here, from the spreadsheet's own records, with what the format shows
(:class:`Display`: a percentage, fixed decimals, literal text around the
number, a time's fields):

- ``.xlsx``/``.xlsm``: ``xl/styles.xml`` names the cell formats (``cellXfs``)
  whose number format (built-in or custom, read by :func:`display_format`)
  shows more than the number as stored; each sheet's cells of those styles
  are found in the pass that measures the sheet's size
  (:func:`audit.readers.sheetsize.xlsx_extents`), with what else calamine
  does not tell: formulas saved without a result, error cells (``#REF!``),
  hidden rows, struck-through text;
- ``.xls``: the workbook's FORMAT records (read by :func:`display_format`)
  and XF records name the cell formats, each number cell's record (NUMBER,
  RK, MULRK, FORMULA) its format; BOOLERR records and formulas with an
  error result its error cells, ROW records its hidden rows;
- ``.ods``: each cell stores the text it shows beside its value:
  :func:`shown_display` reads a number's display from it (read with the
  merged ranges, in :mod:`audit.readers.workbook`).

A file whose records cannot be read is read as stored: this never makes a
workbook unreadable.
"""

from __future__ import annotations

import functools
import io
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from html import unescape  # XML's five entities and its character references (&#19975;)
from typing import Any, NamedTuple, TypeVar
from xml.etree.ElementTree import ParseError, fromstring, iterparse

from audit.readers.sheetsize import (
    Sheets,
    _scan_part,
    biff_sheets,
    biff_stream,
    column_index,
    local_name,
    part_path,
    xlsx_extents,
)

_BUILT_IN = {
    "2": "0.00",
    "4": "#,##0.00",
    "14": "yyyy/m/d",
    "15": "d-mmm-yy",
    "16": "d-mmm",
    "17": "mmm-yy",
    "31": 'yyyy"年"m"月"d"日"',
    "57": 'yyyy"年"m"月"',
    "58": 'm"月"d"日"',
    "9": "0%",
    "10": "0.00%",
    "18": "h:mm AM/PM",
    "19": "h:mm:ss AM/PM",
    "20": "h:mm",
    "21": "h:mm:ss",
    "22": "yyyy/m/d h:mm",
    "32": 'h"时"mm"分"',
    "33": 'h"时"mm"分"ss"秒"',
    "39": "#,##0.00_);(#,##0.00)",
    "40": "#,##0.00_);[Red](#,##0.00)",
    "45": "mm:ss",
    "46": "[h]:mm:ss",
    "47": "mm:ss.0",
    "55": '上午/下午h"时"mm"分"',
    "56": '上午/下午h"时"mm"分"ss"秒"',
}
"""The built-in number formats (ECMA-376, 18.8.30; 14, 31-33 and 55-58 as a
Chinese Excel shows them) that show more than the number as stored: fixed
decimals, a percentage, a time, a date alone."""
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
"""What a format code prints as it is (quoted text, an escaped character,
a colour or condition, a space's width, a fill), where ``%`` is no percent."""
_COLUMN = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_REFERENCE = re.compile(rb"""\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})["']""")
_TAG_MAX = 4096
"""Longest start tag looked at, as in :mod:`audit.readers.sheetsize`."""

_T = TypeVar("_T")


def percent_format(code: str) -> bool:
    """Whether a number format code shows its number as a percentage."""
    return "%" in _LITERAL.sub("", code)


def percent_text(value: float | int) -> str:
    """A percentage cell's number as the sheet shows it, without the display
    rounding: ``0.95`` → ``95%``, ``0.955`` → ``95.5%``, ``1`` → ``100%``.
    A float is taken at the 15 significant digits a spreadsheet keeps."""
    try:
        number = Decimal(format(value, ".15g")) * 100
    except InvalidOperation:  # inf or nan: no percentage to show
        return format(value, ".15g")
    text = format(number.normalize(), "f")
    return f"{text}%"


def _with_more_digits(compute: Callable[[], _T]) -> _T | None:
    """``compute()`` in the default decimal context, again with more digits
    when a number shown needs more than its 28; None when even those do not
    hold it."""
    try:
        return compute()
    except InvalidOperation:  # more digits than the default 28
        pass
    try:
        with localcontext(_WIDE):
            return compute()
    except InvalidOperation:
        return None


class Display(NamedTuple):
    """What a number format shows of a cell's number: a percentage (the
    number ×100), the literal text before and after it (``"≥"0%`` shows 0.9
    as ``≥90%``: prefix ``≥``, suffix ``%``), the decimals it shows
    (``0.00``: two, ``0.0#``: one to two) and, for a time or a date with a
    time (``h:mm``), the format's section that writes it."""

    percent: bool
    prefix: str = ""
    suffix: str = ""
    decimals: int | None = None
    """Fewest decimals shown (the ``0`` after the point); None: as stored."""
    places: int | None = None
    """Most decimals shown (``0``, ``#`` and ``?`` after the point)."""
    clock: str = ""
    """The section of a time or date-time format (``h:mm``)."""
    text: str | None = None
    """The cell's text as the sheet shows it, where the sheet stores it (an
    ``.ods`` time); None when it is written from the number."""
    date: bool = False
    """A date alone (``yyyy-mm-dd``, ``m"月"d"日"``): the cell reads as its
    ISO date, a time of day the format does not show left out."""

    @property
    def plain(self) -> bool:
        """Whether the format shows the number alone (``0.00``, ``#,##0.00``),
        or an amount in 元 or 万元: it stays a number."""
        return (
            not self.percent
            and not self.clock
            and not self.date
            and self.text is None
            and not self.prefix
            and (not self.suffix.strip() or self.money_unit is not None)
        )

    def show(self, value: float | int) -> str:
        """The number as the sheet shows it, text kept: rounded to the
        decimals the format shows and padded to them (a percentage, a number
        with text), a plain number as :meth:`number` writes it. A number
        whose shown digits are more than a decimal can hold (1e300 shown
        ``0.00``) reads as stored, as inf and nan do."""
        if self.text is not None:
            return self.text
        shown = _with_more_digits(lambda: self._show(value))
        if shown is None:
            return percent_text(value) if self.percent else format(value, ".15g")
        return shown

    def _show(self, value: float | int) -> str:
        if _decimal(value) is None:  # inf or nan: as stored
            return format(value, ".15g")
        if self.percent:
            number = self._rounded(Decimal(percent_text(value)[:-1]), self.places)
        elif self.prefix or self.suffix:
            number = self._rounded(_decimal(value) or Decimal(0), self.places)
        else:
            return self.number(value)
        if value < 0 and (self.prefix or self.suffix) and not self.percent:
            return number  # a negative number may be shown by another section
        suffix = self.suffix
        if self.percent and "%" not in self.prefix + suffix:
            suffix += "%"
        return f"{self.prefix}{number}{suffix}"

    def number(self, value: float | int) -> str:
        """A plain number as the sheet shows it (``2025.1`` formatted
        ``0.00`` → ``2025.10``, ``1234.5`` formatted ``#,##0.00`` →
        ``1234.50``): rounded to the decimals shown when they are two or
        more (an amount's cents, as the published table prints them); a
        format of fewer decimals does not cut stored digits off (the sums of
        amounts are judged as figures printed to 0.01, and a value rounded
        to the 元 is no such figure), only pads to them."""
        number = self.decimal(value)
        return format(value, ".15g") if number is None else format(number, "f")

    def decimal(self, value: float | int) -> Decimal | None:
        """:meth:`number` as a :class:`~decimal.Decimal`; None for inf or nan,
        or a number whose shown digits are more than a decimal can hold."""
        return _with_more_digits(lambda: self._decimal(value))

    def _decimal(self, value: float | int) -> Decimal | None:
        number = _decimal(value)
        if number is None:
            return None
        places = self.places
        if places is not None and places >= 2:
            number = number.quantize(_quantum(places), ROUND_HALF_UP)
            if self.decimals == places:  # 0.00, #,##0.00: nothing to pad or trim
                return number if number else abs(number)  # no -0.00
            return Decimal(self._rounded(number, None))
        return Decimal(self._rounded(number, None))

    def _rounded(self, number: Decimal, places: int | None) -> str:
        if places is not None:
            number = number.quantize(_quantum(places), ROUND_HALF_UP)
        shown = max(0, -int(number.as_tuple().exponent))
        if self.decimals is not None and shown < self.decimals:
            number = number.quantize(_quantum(self.decimals))
        elif self.decimals is not None and shown > self.decimals:
            number = _trimmed(number, self.decimals)
        return format(number if number else abs(number), "f")  # no -0.00

    @property
    def money_unit(self) -> str | None:
        """``元`` or ``万元`` when the format prints nothing but that unit
        after the number (``#,##0.00"元"``): an amount in that unit."""
        if not self.percent and not self.prefix and self.suffix.strip() in ("元", "万元"):
            return self.suffix.strip()
        return None

    def clock_text(self, value: time | datetime | timedelta) -> str:
        """A time, a date with a time or a duration as the format's section
        writes it (``0:30`` for ``h:mm``, ``2025-01-03 08:30`` for
        ``yyyy-mm-dd hh:mm``)."""
        return self.text if self.text is not None else clock_text(self.clock, value)


_WIDE = Context(prec=100)
"""Digits enough for any number a spreadsheet shows with up to the 30
decimals a format may ask for (15 significant digits, and up to 1e50)."""


@functools.lru_cache(maxsize=64)
def _quantum(places: int) -> Decimal:
    """``0.01`` for two places: what :meth:`~decimal.Decimal.quantize` rounds to."""
    return Decimal(1).scaleb(-places)


def _decimal(value: float | int) -> Decimal | None:
    """A stored number at the 15 significant digits a spreadsheet keeps."""
    try:
        number = Decimal(format(value, ".15g"))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _trimmed(number: Decimal, decimals: int) -> Decimal:
    """``number`` without the trailing zeros past ``decimals`` decimals (a
    ``#`` after the point shows no zero)."""
    exponent = int(number.as_tuple().exponent)
    while exponent < -decimals and number == number.quantize(Decimal(1).scaleb(exponent + 1)):
        exponent += 1
        number = number.quantize(Decimal(1).scaleb(exponent))
    return number


_TOKEN = re.compile(r'"([^"]*)"|\\(.)|\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]|_.|\*.|([0#?])|(.)', re.S)
_GENERAL = re.compile(r"general", re.I)
_SHOWN_AS_IS = frozenset("$-+/():!^&'~{}<>= %")
_DATE_OR_TEXT = re.compile(r"[yYmMdDhHsSeEaAbBgG@]")
"""Letters of a date, time, scientific or text format (and ``General``):
their cells are calamine's (dates) or shown as stored."""
_CLOCK_TOKEN = re.compile(
    r'"([^"]*)"|\\(.)|\[(h+|m+|s+)\]|\[[^\]]*\]|_.|\*.|(am/pm|a/p|上午/下午)|(y+|m+|d+|h+|s+|e+|0+)|(.)',
    re.I | re.S,
)
"""What a date or time format is made of: quoted text, an escaped
character, an elapsed count (``[h]``), a colour or locale, a space's width, a
fill, a 12-hour marker, a date or time field, any other character (shown as
it is)."""


def _clock_section(code: str) -> str:
    """The first section of ``code`` when it writes a time (an hour, a
    second, an elapsed count), alone or with a date; empty otherwise."""
    section = _first_section(code)[0]
    fields = {
        (match.group(3) or match.group(5) or " ")[0].lower()
        for match in _CLOCK_TOKEN.finditer(section)
    }
    return section if "h" in fields or "s" in fields else ""


def _date_section(code: str) -> bool:
    """Whether the first section of ``code`` writes a date alone (a year, a
    day, a month with no digit placeholder: not ``General``, not
    ``0.00E+00``)."""
    section = _first_section(code)[0]
    fields = {
        (match.group(3) or match.group(5) or " ")[0].lower()
        for match in _CLOCK_TOKEN.finditer(section)
    }
    return bool(fields & {"y", "d"}) or ("m" in fields and "0" not in fields)


def clock_text(section: str, value: time | datetime | timedelta) -> str:
    """``value`` written by a time or date-time format's ``section``: its
    fields filled (``yyyy`` ``m`` ``mm`` ``d`` ``h`` ``hh`` ``mm`` as minutes
    after an hour or before a second, ``ss``, ``[h]`` elapsed, AM/PM and
    上午/下午), its literal text kept; rounded to the second."""
    tokens = list(_CLOCK_TOKEN.finditer(section))
    kinds = [
        (m.group(3) or m.group(5) or "").lower()[:1] if (m.group(3) or m.group(5)) else ""
        for m in tokens
    ]
    if isinstance(value, timedelta):
        seconds = round(value.total_seconds())
        moment = None
    else:
        moment = value
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        seconds += 1 if value.microsecond >= 500_000 else 0
    twelve = any(m.group(4) for m in tokens)
    hours, minutes, secs = seconds // 3600, seconds // 60 % 60, seconds % 60
    out: list[str] = []
    for i, match in enumerate(tokens):
        quoted, escaped, elapsed, marker, field, other = match.groups()
        if quoted is not None or escaped is not None:
            out.append(quoted if quoted is not None else escaped)
        elif elapsed is not None:
            unit = elapsed[0].lower()
            count = {"h": hours, "m": seconds // 60, "s": seconds}[unit]
            out.append(str(count).zfill(len(elapsed)))
        elif marker is not None:
            morning = hours % 24 < 12
            if marker == "上午/下午":
                out.append("上午" if morning else "下午")
            else:
                am, pm = ("AM", "PM") if marker.lower() == "am/pm" else ("A", "P")
                out.append(am if morning else pm)
        elif field is not None:
            out.append(_clock_field(field, kinds, i, moment, hours, minutes, secs, twelve))
        elif other is not None:
            out.append(other)
    return "".join(out)


def _clock_field(
    field: str,
    kinds: list[str],
    at: int,
    moment: time | datetime | None,
    hours: int,
    minutes: int,
    secs: int,
    twelve: bool,
) -> str:
    """One field of a date or time format, written."""
    letter, width = field[0].lower(), len(field)
    day = moment if isinstance(moment, datetime) else None
    if letter == "m" and width <= 2:
        before = next((k for k in reversed(kinds[:at]) if k), "")
        after = next((k for k in kinds[at + 1 :] if k), "")
        if before == "h" or after == "s":
            return str(minutes).zfill(width)
    if letter == "h":
        hour = hours % 24
        if twelve:
            hour = hour % 12 or 12
        return str(hour).zfill(width)
    if letter == "s":
        return str(secs).zfill(width)
    if letter == "0":
        return "0" * width
    if day is None:
        return ""
    if letter in "ye":
        return str(day.year) if width != 2 else str(day.year)[-2:]
    if letter == "m":
        return (
            str(day.month).zfill(width) if width <= 2 else day.strftime("%B" if width > 3 else "%b")
        )
    if letter == "d":
        return (
            str(day.day).zfill(width) if width <= 2 else day.strftime("%A" if width > 3 else "%a")
        )
    return field


def _first_section(code: str) -> tuple[str, bool]:
    """The first section of a format code and whether there are others."""
    depth_quote = False
    i = 0
    while i < len(code):
        char = code[i]
        if char == '"':
            depth_quote = not depth_quote
        elif not depth_quote and char == "\\":
            i += 1
        elif not depth_quote and char == "[":
            end = code.find("]", i)
            i = len(code) if end < 0 else end
        elif not depth_quote and char == ";":
            return code[:i], True
        i += 1
    return code, False


@functools.lru_cache(maxsize=1024)
def display_format(code: str) -> Display | None:
    """What the format ``code`` shows of a number; None when it shows the
    number as stored (``General``, ``@``, ``0``, a date, a scientific
    number). A time or a date with a time (``h:mm``) is written by its
    section; fixed decimals (``0.00``) are shown."""
    clock = _clock_section(code)
    if clock:
        return Display(False, clock=clock)
    if _date_section(code):
        return Display(False, date=True)
    percent = percent_format(code)
    first = _first_section(code)[0]
    general = bool(_GENERAL.search(first))  # "≥"General: the number as stored
    section = _GENERAL.sub("0", first)
    if re.search(r"\[[<>=]", section):  # a condition: which section applies varies
        return Display(True) if percent else None
    before: list[str] = []
    after: list[str] = []
    digits = point = False
    decimals = places = 0
    for match in _TOKEN.finditer(section):
        quoted, escaped, currency, digit, bare = match.groups()
        if digit is not None:
            if after:  # text between the digits: not a prefix or suffix
                return Display(True) if percent else None
            digits = True
            if point:
                places += 1
                decimals += digit == "0"
            continue
        text = quoted if quoted is not None else escaped if escaped is not None else currency
        if text is None and bare is not None:
            if bare in ",.":
                point = point or bare == "."
                continue
            if _DATE_OR_TEXT.match(bare) and bare.isascii():
                return Display(True) if percent else None
            text = bare if bare in _SHOWN_AS_IS or not bare.isascii() else ""
        if text:
            (after if digits else before).append(text)
    if not digits:
        return Display(True) if percent else None
    prefix, suffix = "".join(before), "".join(after)
    fixed = (None, None) if general else (decimals, places)
    if not prefix.strip() and not suffix.strip() and not percent:
        return Display(False, "", "", *fixed) if decimals else None
    return Display(percent, prefix.strip(), suffix.rstrip(), *fixed)


_SHOWN_NUMBER = re.compile(r"(\D*?)(-?[0-9][0-9,]*(?:\.([0-9]+))?)(\D*)", re.S)
"""A number's shown text: what precedes it, the number (grouped or not, its
decimals), what follows it."""


def shown_display(text: str, value: float, percent: bool = False) -> Display | None:
    """The :class:`Display` of a number cell whose shown text the file
    stores (an ``.ods`` cell's ``<text:p>``): the text before and after the
    number, the decimals shown. None when the text shows the number as
    stored (``2025.1``), or is no writing of it (another locale's
    separators, a fraction, a scientific number): read as stored, a
    percentage as :func:`percent_text` writes it."""
    match = _SHOWN_NUMBER.fullmatch(text.strip())
    fallback = Display(True) if percent else None
    if match is None:
        return fallback
    prefix, digits, fraction, suffix = match.groups()
    decimals = len(fraction or "")
    stored = _decimal(value * 100 if percent else value)
    try:
        number = Decimal(digits.replace(",", ""))
        with localcontext(_WIDE):
            if stored is None or abs(stored).quantize(_quantum(decimals), ROUND_HALF_UP) != abs(
                number
            ):
                return fallback
    except InvalidOperation:  # more digits than a decimal holds: no writing of the value
        return fallback
    if percent and "%" not in prefix + suffix:
        return fallback
    shown = Display(percent, prefix.strip(), suffix.strip(), decimals, decimals)
    if shown.plain and not shown.suffix and not decimals:
        return None
    return shown


Shown = dict[tuple[int, int], Display]
"""Cells whose format shows more than the stored number, with that format."""


class SheetCells(NamedTuple):
    """What a sheet's XML says of its cells beyond what calamine reads."""

    shown: Shown
    uncached: tuple[tuple[int, int, str], ...] = ()
    """Formulas saved without their result: (row, column, formula)."""
    errors: tuple[tuple[int, int, str], ...] = ()
    """Error cells (``#REF!``, ``#DIV/0!``): (row, column, error)."""
    hidden_rows: tuple[int, ...] = ()
    struck: tuple[tuple[int, int, str], ...] = ()
    """Cells whose text has struck-through runs: (row, column, the text
    without them)."""


def xlsx_scan(data: bytes) -> tuple[Sheets, dict[str, SheetCells]]:
    """Each sheet's size (:func:`audit.readers.sheetsize.xlsx_extents`) and
    :class:`SheetCells`, in one reading of each sheet."""
    styles, struck = xlsx_styles(data)
    scans: dict[str, SheetScan] = {}

    def look(name: str, part: str) -> SheetScan:
        scans[name] = SheetScan(part, styles, struck)
        return scans[name]

    sheets = xlsx_extents(data, look)
    return sheets, scanned(data, scans)


def _styles_part(archive: zipfile.ZipFile) -> str:
    try:
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return "xl/styles.xml"
    for rel in rels.iter():
        if isinstance(rel.tag, str) and rel.get("Type", "").endswith("/styles"):
            return part_path(rel.get("Target", ""))
    return "xl/styles.xml"


@functools.cache
def _built_in() -> dict[str, Display]:
    """:data:`_BUILT_IN`'s formats by number, as :func:`display_format` reads
    them (read once: callers copy it before they change it)."""
    found = {number: display_format(code) for number, code in _BUILT_IN.items()}
    return {number: shown for number, shown in found.items() if shown is not None}


def _display_styles(archive: zipfile.ZipFile) -> dict[str, Display]:
    """The cell formats (by the index a cell's ``s`` names) whose number
    format shows more than the number: a percentage, or literal text."""
    try:
        root = fromstring(archive.read(_styles_part(archive)))
    except KeyError:
        return {}
    formats = dict(_built_in())
    for element in root.iter():
        if isinstance(element.tag, str) and local_name(element.tag) == "numFmt":
            number = element.get("numFmtId")
            if number is None:
                continue
            shown = display_format(element.get("formatCode", ""))
            if shown is not None:
                formats[number] = shown
            else:  # a workbook may redefine a built-in number
                formats.pop(number, None)
    styles: dict[str, Display] = {}
    for element in root.iter():
        if not isinstance(element.tag, str) or local_name(element.tag) != "cellXfs":
            continue
        xfs = [xf for xf in element if isinstance(xf.tag, str) and local_name(xf.tag) == "xf"]
        for i, xf in enumerate(xfs):
            shown = formats.get(xf.get("numFmtId") or "")
            if shown is not None:
                styles[str(i)] = shown
    return styles


_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_UNCACHED = re.compile(
    rb"<"
    + _P
    + rb"c(?=\s)([^<>]{0,%d}?)(?<!/)>\s*<" % _TAG_MAX
    + _P
    + rb"f(?=[\s/>])[^<>]{0,%d}?(?:/>|(?<!/)>([^<]*)</" % _TAG_MAX
    + _P
    + rb"f\s*>)\s*(?:<"
    + _P
    + rb"v\s*/>|<"
    + _P
    + rb"v\s*>\s*</"
    + _P
    + rb"v\s*>)?\s*</"
    + _P
    + rb"c\s*>"
)
"""A cell that holds a formula and no saved result."""


def _cell_of_type(kind: bytes) -> bytes:
    """The start tag of a cell whose ``t`` is ``kind``, its attributes a group."""
    return (
        rb"<"
        + _P
        + rb"c(?=\s)([^<>]{0,%d}?\st\s*=\s*[\"']%s[\"'][^<>]{0,%d}?)(?<!/)>"
        % (_TAG_MAX, kind, _TAG_MAX)
    )


_ERROR = re.compile(
    _cell_of_type(b"e")
    + rb"(?:\s*<"
    + _P
    + rb"f(?=[\s/>])[^<>]{0,%d}?(?:/>|(?<!/)>[^<]*</" % _TAG_MAX
    + _P
    + rb"f\s*>))?\s*<"
    + _P
    + rb"v\s*>([^<]*)</"
)
"""An error cell and its saved error (``#REF!``)."""
_SHARED = re.compile(_cell_of_type(b"s") + rb"\s*<" + _P + rb"v\s*>\s*([0-9]{1,9})\s*</")
"""A cell holding a shared string, and the string's index."""
_INLINE = re.compile(
    _cell_of_type(b"inlineStr") + rb"\s*(<" + _P + rb"is(?=[\s>])[\s\S]*?</" + _P + rb"is\s*>)"
)
"""A cell holding an inline string (rich text written in the cell), and the string."""
_HIDDEN_ROW = re.compile(
    rb"<"
    + _P
    + rb"row(?=\s)([^<>]{0,%d}?\shidden\s*=\s*[\"'](?:1|true)[\"'][^<>]{0,%d})>"
    % (_TAG_MAX, _TAG_MAX)
)
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']([0-9]{1,7})["']""")


class _Unplaced(Exception):
    """A cell or row that does not name its place: read as XML."""


def _place(tag: bytes) -> tuple[int, int]:
    reference = _REFERENCE.search(tag)
    if reference is None:
        raise _Unplaced
    return int(reference.group(2)) - 1, column_index(reference.group(1))


class SheetScan:
    """Collects a sheet's :class:`SheetCells` from the stretches of whole
    rows that the size scan reads (:data:`audit.readers.sheetsize.Seen`),
    so a sheet is inflated and read once; each kind is looked for only in
    stretches that can hold it (a plain substring test first). A sheet with
    a cell or row that does not name its place is read as XML instead
    (:func:`_sheet_cells_xml`)."""

    def __init__(
        self, part: str, styles: dict[str, Display], struck: dict[int, str] | None = None
    ) -> None:
        self.part = part
        self.styles = styles
        self.struck = struck or {}
        self.struck_cells: list[tuple[int, int, str]] = []
        self.styled = (
            re.compile(
                rb"<(?:[A-Za-z_][\w.\-]*:)?c(?=\s)[^<>]{0,%d}?\ss\s*=\s*[\"'](%s)[\"'][^<>]{0,%d}>"
                % (_TAG_MAX, b"|".join(sorted(style.encode() for style in styles)), _TAG_MAX)
            )
            if styles
            else None
        )
        self.by_id = {style.encode(): shown for style, shown in styles.items()}
        self.shown: Shown = {}
        self.uncached: list[tuple[int, int, str]] = []
        self.errors: list[tuple[int, int, str]] = []
        self.hidden: list[int] = []
        self.by_xml = False

    def __call__(self, text: bytes, cut: int) -> None:
        if self.by_xml:
            return
        if cut < 0:
            self.by_xml = True
            return
        try:
            self._look(text, cut)
        except _Unplaced:
            self.by_xml = True

    def _look(self, text: bytes, cut: int) -> None:
        if self.styled is not None:
            for match in self.styled.finditer(text, 0, cut):
                self.shown[_place(match.group())] = self.by_id[match.group(1)]
        if b"f>" in text or b"<f " in text:  # <f>, </f>, <x:f>, <f t="shared" …/>
            for match in _UNCACHED.finditer(text, 0, cut):
                row, column = _place(match.group(1))
                formula = unescape((match.group(2) or b"").decode("utf-8", "replace"))
                self.uncached.append((row, column, formula.strip()))
        if b'"e"' in text or b"'e'" in text:
            for match in _ERROR.finditer(text, 0, cut):
                row, column = _place(match.group(1))
                error = unescape(match.group(2).decode("utf-8", "replace")).strip()
                self.errors.append((row, column, error))
        if b"strike" in text:
            for match in _INLINE.finditer(text, 0, cut):
                try:
                    shown = _unstruck(fromstring(match.group(2)))
                except ParseError:  # a prefix bound outside the fragment
                    raise _Unplaced from None
                if shown is not None:
                    self.struck_cells.append((*_place(match.group(1)), shown))
        if self.struck and (b'"s"' in text or b"'s'" in text):
            for match in _SHARED.finditer(text, 0, cut):
                string = self.struck.get(int(match.group(2)))
                if string is not None:
                    self.struck_cells.append((*_place(match.group(1)), string))
        if b"hidden=" in text:
            for match in _HIDDEN_ROW.finditer(text, 0, cut):
                number = _ROW_NUMBER.search(match.group(1))
                if number is None:
                    raise _Unplaced
                self.hidden.append(int(number.group(1)) - 1)

    def result(self, archive: zipfile.ZipFile) -> SheetCells:
        if self.by_xml:
            return _sheet_cells_xml(archive, self.part, self.styles, self.struck)
        return SheetCells(
            self.shown,
            tuple(self.uncached),
            tuple(self.errors),
            tuple(self.hidden),
            tuple(self.struck_cells),
        )


def xlsx_styles(data: bytes) -> tuple[dict[str, Display], dict[int, str]]:
    """:func:`_display_styles` and :func:`_struck_strings` of a workbook;
    empty when they cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = _display_styles(archive)
            try:
                struck = _struck_strings(archive)
            except (KeyError, ValueError, ParseError):
                struck = {}
            return styles, struck
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError, EOFError):
        return {}, {}


def _struck_strings(archive: zipfile.ZipFile) -> dict[int, str]:
    """The shared strings (by index) that hold struck-through runs, as their
    text without them: an edit left visible in the cell (the old clause
    struck through beside the new one), which a reviewer reads as deleted."""
    part = "xl/sharedStrings.xml"
    try:
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        for rel in rels.iter():
            if isinstance(rel.tag, str) and rel.get("Type", "").endswith("/sharedStrings"):
                part = part_path(rel.get("Target", ""))
    except KeyError:
        pass
    try:
        data = archive.read(part)
    except KeyError:
        return {}
    if b"strike" not in data:
        return {}
    struck: dict[int, str] = {}
    index = -1
    for _, element in iterparse(io.BytesIO(data), events=("end",)):
        if not isinstance(element.tag, str) or local_name(element.tag) != "si":
            continue
        index += 1
        shown = _unstruck(element)
        if shown is not None:
            struck[index] = shown
        element.clear()
    return struck


def _unstruck(string: Any) -> str | None:
    """The text of a rich string (a shared string's ``si``, an inline
    string's ``is``) without its struck-through runs; None when it has none."""
    shown: list[str] = []
    crossed = False
    for child in string:
        name = local_name(child.tag) if isinstance(child.tag, str) else ""
        if name == "t":
            shown.append(child.text or "")
        elif name == "r":
            if _struck(child):
                crossed = True
                continue
            shown.extend(t.text or "" for t in child if local_name(str(t.tag)) == "t")
    return "".join(shown) if crossed else None


def _struck(run: Any) -> bool:
    """Whether a rich-text run is struck through (``<rPr><strike/>``)."""
    for properties in run:
        if isinstance(properties.tag, str) and local_name(properties.tag) == "rPr":
            for flag in properties:
                if isinstance(flag.tag, str) and local_name(flag.tag) == "strike":
                    return flag.get("val", "true").lower() not in ("0", "false")
    return False


def scanned(data: bytes, scans: dict[str, SheetScan]) -> dict[str, SheetCells]:
    """What ``scans`` found, by sheet, for the sheets that have any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = {name: scan.result(archive) for name, scan in scans.items()}
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError, EOFError):
        return {}
    return {name: cells for name, cells in found.items() if any(cells)}


def _sheet_cells(
    archive: zipfile.ZipFile,
    part: str,
    styles: dict[str, Display],
    struck: dict[int, str] | None = None,
) -> SheetCells:
    """:class:`SheetCells` of one sheet part, read by the size scan."""
    scan = SheetScan(part, styles, struck)
    _scan_part(archive, part, scan)
    return scan.result(archive)


def _sheet_cells_xml(
    archive: zipfile.ZipFile,
    part: str,
    styles: dict[str, Display],
    struck: dict[int, str] | None = None,
) -> SheetCells:
    """:func:`_sheet_cells` for a sheet that places cells by their order: a
    cell without ``r`` follows the one before it, a row without ``r`` the row
    before it."""
    shown: Shown = {}
    uncached: list[tuple[int, int, str]] = []
    errors: list[tuple[int, int, str]] = []
    hidden: list[int] = []
    struck_cells: list[tuple[int, int, str]] = []
    row = column = -1
    with archive.open(part) as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = local_name(element.tag) if isinstance(element.tag, str) else ""
            if event == "start":
                if tag == "row":
                    number = element.get("r")
                    row = int(number) - 1 if number and number.isdigit() else row + 1
                    column = -1
                    if element.get("hidden") in ("1", "true"):
                        hidden.append(row)
                continue
            if tag == "c":
                match = _COLUMN.fullmatch(element.get("r") or "")
                if match:
                    column = column_index(match.group(1).encode())
                    row = int(match.group(2)) - 1
                else:
                    column += 1
                style = styles.get(element.get("s") or "")
                if style is not None:
                    shown[(row, column)] = style
                parts = {
                    local_name(child.tag): child for child in element if isinstance(child.tag, str)
                }
                value = parts.get("v")
                if (
                    "f" in parts
                    and "is" not in parts
                    and (value is None or not (value.text or "").strip())
                ):
                    uncached.append((row, column, (parts["f"].text or "").strip()))
                elif element.get("t") == "e" and value is not None and value.text:
                    errors.append((row, column, value.text.strip()))
                elif element.get("t") == "inlineStr" and "is" in parts:
                    unstruck = _unstruck(parts["is"])
                    if unstruck is not None:
                        struck_cells.append((row, column, unstruck))
                elif struck and element.get("t") == "s" and value is not None:
                    string = struck.get(int((value.text or "-1").strip() or -1))
                    if string is not None:
                        struck_cells.append((row, column, string))
                element.clear()
            elif tag == "row":
                element.clear()
    return SheetCells(shown, tuple(uncached), tuple(errors), tuple(hidden), tuple(struck_cells))


_FORMAT, _XF, _EOF = 0x041E, 0x00E0, 0x000A
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_BOF = frozenset({0x0809, 0x0409, 0x0209, 0x0009})


def xls_cells(data: bytes) -> dict[str, SheetCells]:
    """What a legacy ``.xls`` (BIFF5 and BIFF8) says of each sheet's cells
    beyond what calamine reads, for the sheets that have any: the number
    cells whose format shows more than the number (as in an ``.xlsx``:
    the workbook's FORMAT records read by :func:`display_format`, its XF
    records, each number cell's record), the error cells (BOOLERR records
    with the error flag, formulas whose saved result is an error) and the
    hidden rows (ROW records)."""
    try:
        stream = biff_stream(data)
        styles = _biff_styles(stream)
        found: dict[str, SheetCells] = {}
        for name, start in biff_sheets(stream):
            shown, errors = _biff_cells(stream, start, styles)
            rows = _biff_hidden_rows(stream, start)
            if shown or errors or rows:
                found[name] = SheetCells(shown, (), errors, rows)
        return found
    except Exception:  # olefile's own errors, a cut record: read as stored
        return {}


def _biff_hidden_rows(stream: bytes, start: int) -> tuple[int, ...]:
    rows: list[int] = []
    if start > len(stream) - 4 or struct.unpack_from("<H", stream, start)[0] not in _BOF:
        return ()
    records = _biff_records(stream, start)
    next(records)  # the sheet's own BOF
    for kind, at, length in records:
        if kind in _BOF:
            break
        if kind == _ROW and length >= 16 and stream[at + 12] & _ROW_HIDDEN:
            rows.append(struct.unpack_from("<H", stream, at)[0])
    return tuple(rows)


_ROW, _ROW_HIDDEN = 0x0208, 0x20


def _biff_records(stream: bytes, pos: int) -> Iterator[tuple[int, int, int]]:
    """Each record's kind, where its data begins and its length, from ``pos``
    to the end of its substream (EOF)."""
    end = len(stream) - 4
    while pos <= end:
        kind, length = struct.unpack_from("<HH", stream, pos)
        if kind == _EOF:
            return
        yield kind, pos + 4, length
        pos += 4 + length


def _biff_styles(stream: bytes) -> dict[int, Display]:
    """The XF records (cell formats) by index whose number format shows
    more than the number (:func:`display_format`)."""
    formats = {int(number): shown for number, shown in _built_in().items()}
    xfs: list[int] = []
    for kind, at, length in _biff_records(stream, 0):
        if kind == _FORMAT and length >= 3:
            number = struct.unpack_from("<H", stream, at)[0]
            shown = display_format(_format_code(stream[at + 2 : at + length]))
            if shown is not None:
                formats[number] = shown
            else:  # a workbook may redefine a built-in number
                formats.pop(number, None)
        elif kind == _XF and length >= 4:
            xfs.append(struct.unpack_from("<H", stream, at + 2)[0])
    return {index: formats[number] for index, number in enumerate(xfs) if number in formats}


def _format_code(record: bytes) -> str:
    """A FORMAT record's code, after its number: a BIFF8 string (length,
    flags, Latin-1 or UTF-16) or a BIFF5 one (length byte, code page)."""
    count = struct.unpack_from("<H", record, 0)[0]
    if len(record) >= 3 and record[2] in (0, 1):
        wide = record[2] & 1
        raw = record[3 : 3 + count * (2 if wide else 1)]
        if len(raw) == count * (2 if wide else 1):
            return raw.decode("utf-16-le" if wide else "latin-1", errors="replace")
    return record[1 : 1 + record[0]].decode("gbk", errors="replace")


_BOOLERR = 0x0205
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}
"""A BIFF error code's text."""


def _biff_cells(
    stream: bytes, start: int, styles: dict[int, Display]
) -> tuple[Shown, tuple[tuple[int, int, str], ...]]:
    """The number cells of the sheet whose records begin at ``start`` that
    carry one of the XF ``styles``, with its display; and its error cells."""
    cells: Shown = {}
    errors: list[tuple[int, int, str]] = []
    if start > len(stream) - 4 or struct.unpack_from("<H", stream, start)[0] not in _BOF:
        return {}, ()
    records = _biff_records(stream, start)
    next(records)  # the sheet's own BOF
    for kind, at, length in records:
        if kind in _BOF:
            break
        if kind in (_NUMBER, _RK, _FORMULA) and length >= 6:
            row, column, style = struct.unpack_from("<HHH", stream, at)
            if style in styles:
                cells[(row, column)] = styles[style]
            if (
                kind == _FORMULA
                and length >= 14
                and stream[at + 6] == 2
                and stream[at + 12 : at + 14] == b"\xff\xff"
            ):
                errors.append((row, column, _ERRORS.get(stream[at + 8], "#VALUE!")))
        elif kind == _BOOLERR and length >= 8 and stream[at + 7] == 1:
            row, column = struct.unpack_from("<HH", stream, at)
            errors.append((row, column, _ERRORS.get(stream[at + 6], "#VALUE!")))
        elif kind == _MULRK and length >= 6:
            row, first = struct.unpack_from("<HH", stream, at)
            for i in range((length - 6) // 6):
                style = struct.unpack_from("<H", stream, at + 4 + 6 * i)[0]
                if style in styles:
                    cells[(row, first + i)] = styles[style]
    return cells, tuple(errors)
