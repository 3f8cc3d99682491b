"""Readers: detect a table's layout by its content and build the document.

Each layout module exposes ``read(source) -> Table`` (its rows, title and
organisation); :func:`read_document` decodes, detects and assembles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from audit.model import Document, Layout, Row, Source
from audit.readers.decode import MAX_BYTES, ReadError, decode, read_file

__all__ = [
    "NotATable",
    "ReadError",
    "Table",
    "detect_layout",
    "read_document",
    "read_path",
    "read_text",
]


class Table:
    """What a layout reader found: rows in order, and the table's heading."""

    __slots__ = ("organization", "rows", "title")

    def __init__(
        self, rows: list[Row], title: str | None = None, organization: str | None = None
    ) -> None:
        self.rows = rows
        self.title = title
        self.organization = organization


class NotATable(ReadError):
    """The file holds no performance-target table (no header row)."""


_HEADER_WORDS = re.compile(r"项目名称|总计|财政拨款|财政专户|其他资金|绩效目标|绩效指标")
# What a header row may hold besides its column names: the name column's
# （资金使用单位）, the other names' variants, cell separators, quotes and
# markup left from a web page.
_HEADER_REST = re.compile(
    r"[（(]?资金使用(?:单位)?[）)]?|单位[）)]|合计金额|金额合计|管理资金|拨款|年度|"
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&nbsp;|[\s,，\"'|]"
)


def _is_header(line: str) -> bool:
    """A row of column names and nothing else: 项目名称 and at least two more
    of the table's columns, with only separators between them. Prose that
    mentions the columns (a README, a notice) is not a header."""
    words = _HEADER_WORDS.findall(line)
    if len(words) < 3 or "项目名称" not in words:
        return False
    rest = _HEADER_REST.sub("", _HEADER_WORDS.sub("", line))
    return len(rest) <= 2


def _header_line(text: str) -> str | None:
    """The first line that is a header row of the table."""
    for line in text[:200_000].split("\n", 2000):
        if len(line) < 400 and _is_header(line):
            return line
    return None


def detect_layout(text: str) -> Layout:
    """Tell the layout from the header row: tab-separated, comma-separated,
    or PDF-extracted text (cells separated by spaces, wrapped lines)."""
    header = _header_line(text)
    if header is None:
        raise NotATable(
            "not a performance-target table: no header row "
            "(项目名称 … 总计 … 绩效目标 … 绩效指标) found"
        )
    if "\t" in header:
        return "tsv"
    if header.count(",") >= 3:
        return "csv"
    return "pdf-text"


def _reader(layout: Layout) -> Callable[[Source], Table]:
    if layout == "tsv":
        from audit.readers.tsv import read
    elif layout == "csv":
        from audit.readers.csvfile import read
    else:
        from audit.readers.pdftext import read
    return read


def read_text(text: str, path: str = "<text>", encoding: str = "utf-8") -> Document:
    """Build the document from already decoded text."""
    from audit.readers.common import assemble

    layout = detect_layout(text)
    source = Source(path, text, encoding)
    table = _reader(layout)(source)
    if not table.rows:
        raise ReadError("no rows found under the header row")
    return assemble(source, layout, table.rows, table.title, table.organization)


def read_document(data: bytes, path: str) -> Document:
    """Decode ``data`` (the bytes of ``path``) and build the document."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"file too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    text, encoding = decode(data)
    return read_text(text, path, encoding)


def read_path(path: str | Path) -> Document:
    """Read a file; every failure is a :class:`ReadError` with a clear reason."""
    name = str(path)
    try:
        data = read_file(name)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None
    return read_document(data, name)
