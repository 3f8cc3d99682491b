"""Read and parse in one call: a document ready for the rules.

The stages stay separate (:mod:`audit.readers` builds the document with its
indicator cells as text, :func:`audit.parsing.parse_document` reads the
clauses); these helpers chain them for callers that want both, such as
``parse``, ``export`` and the Python API. ``notify`` receives what a reader
notes about a file without refusing it (a sheet that holds no table).
"""

from __future__ import annotations

from pathlib import Path

from audit.model import Document
from audit.parsing import parse_document
from audit.readers import Notify, read_document, read_path, read_text


def load_path(path: str | Path, notify: Notify | None = None) -> Document:
    """A file, read and parsed; a :class:`~audit.readers.ReadError` says why not."""
    return parse_document(read_path(path, notify))


def load_text(text: str, path: str = "<text>") -> Document:
    """Already decoded text, read and parsed."""
    return parse_document(read_text(text, path))


def load_bytes(data: bytes, path: str, notify: Notify | None = None) -> Document:
    """The bytes of ``path``, decoded, read and parsed."""
    return parse_document(read_document(data, path, notify))
