"""The inputs of a command: the paths it is given, directories walked for
tables, and ``-`` for standard input; each read into a document."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from audit.exitcodes import error
from audit.limits import MAX_NOTES_PER_FILE

if TYPE_CHECKING:
    from audit.model import Document


def expand_inputs(paths: Sequence[str]) -> Iterator[str]:
    """Files named on the command line; directories are walked for tables
    (leaving out what :mod:`audit.files` excludes); each file once."""
    from audit.files import FileSelector

    for item in FileSelector().expand(paths):
        yield item.path


def load(
    path: str, stdin_name: str | None = None, quiet: bool = False, lang: str = "en"
) -> Document:
    """Read one input (``-`` is standard input, read bounded and named
    ``stdin_name``); a ReadError says why not. What a reader notes about a
    file (a sheet that is not a table) goes to stderr unless ``quiet``, in
    ``lang``. The document's clauses are parsed by the next stage."""
    from audit.readers import read_document, read_path
    from audit.readers.decode import ReadError, read_stream

    name = (stdin_name or STDIN_NAME) if path == "-" else path

    shown = hidden = 0

    def note(message: str) -> None:
        nonlocal shown, hidden
        if quiet:
            return
        if shown == MAX_NOTES_PER_FILE:
            hidden += 1
            return
        from audit.reports import read_note

        shown += 1
        error(f"{name}: {read_note(message, lang)}")

    try:
        if path == "-":
            if sys.stdin is None:  # started with its standard input closed
                raise ReadError("standard input is closed: nothing to read")
            return read_document(read_stream(sys.stdin.buffer), name, note)
        return read_path(path, note)
    finally:
        if hidden:
            from audit.reports import more_notes

            error(f"{name}: {more_notes(hidden, lang)}")


STDIN_NAME = "<stdin>"
"""Standard input's name in every report (``--stdin-filename`` changes it)."""
