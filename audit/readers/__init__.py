"""Readers: detect a table's layout by its content and build the document.

Each layout module exposes ``read(source) -> Table`` (its rows, title and
organisation); :func:`read_document` decodes, detects and assembles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from audit.model import Document, Layout, Row, Source
from audit.readers.decode import MAX_BYTES, ReadError, decode

__all__ = ["ReadError", "Table", "detect_layout", "read_document", "read_path", "read_text"]


class Table:
    """What a layout reader found: rows in order, and the table's heading."""

    __slots__ = ("organization", "rows", "title")

    def __init__(
        self, rows: list[Row], title: str | None = None, organization: str | None = None
    ) -> None:
        self.rows = rows
        self.title = title
        self.organization = organization


_HEADER_WORDS = re.compile(r"项目名称|总计|财政拨款|财政专户|其他资金|绩效目标|绩效指标")


def _header_line(text: str) -> str | None:
    """The first line naming at least three of the table's columns."""
    for line in text[:200_000].split("\n", 2000):
        if len(_HEADER_WORDS.findall(line)) >= 3:
            return line
    return None


def detect_layout(text: str) -> Layout:
    """Tell the layout from the header row: tab-separated, comma-separated,
    or PDF-extracted text (cells separated by spaces, wrapped lines)."""
    header = _header_line(text)
    if header is None:
        raise ReadError(
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

    source = Source(path, text, encoding)
    national = _national_text(source)
    if national is not None:
        return national
    layout = detect_layout(text)
    table = _reader(layout)(source)
    if not table.rows:
        raise ReadError("no rows found under the header row")
    return assemble(source, layout, table.rows, table.title, table.organization)


def _national_text(source: Source) -> Document | None:
    """The national template (one row per indicator) as TSV or CSV text."""
    from audit.readers.national import national_delimiter, read_text_source

    delimiter = national_delimiter(source.text)
    return None if delimiter is None else read_text_source(source, delimiter)


def read_document(data: bytes, path: str) -> Document:
    """Decode ``data`` (the bytes of ``path``) and build the document."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"file too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    text, encoding = decode(data)
    return read_text(text, path, encoding)


def read_path(path: str | Path) -> Document:
    """Read a file; every failure is a :class:`ReadError` with a clear reason."""
    name = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise ReadError("is a directory")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        data = file.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None
    return read_document(data, name)
