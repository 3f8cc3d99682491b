"""Word documents (``.docx``): their tables, read with python-docx.

Each table of the body becomes a grid (``表1``, ``表2`` … in document order);
a cell merged across columns (``gridSpan``) or down rows (``vMerge``) is a
merged range, its text in the top-left cell. A cell's paragraphs are its
lines. The paragraphs just before a table (its title, 单位名称) are kept as
the table's headings.
"""

from __future__ import annotations

import io
from typing import Any

from audit.readers import sheetsize
from audit.readers.decode import ReadError, reason
from audit.readers.grid import GridInput, Loaded, Merge, grid_source
from audit.readers.table import Notify


def load(data: bytes, path: str, notify: Notify | None = None) -> Loaded:

    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    sheetsize.bound_unpacked(data)  # python-docx holds every part in memory
    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # zipfile's, lxml's XMLSyntaxError, python-docx's own
        raise ReadError(f"corrupt Word document: {reason(error)}") from None
    sheetsize.bound_word_tables(document.element.body)
    inputs: list[GridInput] = []
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                paragraphs.append(text)
            continue
        if isinstance(block, Table):
            cells, merges = _cells(block)
            if cells:
                name = f"表{len(inputs) + 1}"
                inputs.append(GridInput(name, cells, merges, headings=paragraphs[-6:]))
            paragraphs = []
    if not inputs:
        raise ReadError("a Word document without a table")
    source, grids = grid_source(path, "docx", inputs)
    return Loaded(source, grids)


def _cells(table: Any) -> tuple[list[list[str | None]], list[Merge]]:
    """The table's cell text and merged ranges: python-docx repeats a
    merged cell at every position it covers."""
    rows: list[list[str | None]] = []
    boxes: dict[Any, list[int]] = {}  # keyed by the cell element (kept alive)
    for r, row in enumerate(table.rows):
        values: list[str | None] = []
        for c, cell in enumerate(row.cells):
            key = cell._tc
            box = boxes.get(key)
            if box is None:
                boxes[key] = [r, c, r, c]
                values.append(cell.text.strip() or None)
            else:
                box[2] = max(box[2], r)
                box[3] = max(box[3], c)
                values.append(None)
        rows.append(values)
    merges = [
        (top, left, bottom, right)
        for top, left, bottom, right in boxes.values()
        if (top, left) != (bottom, right)
    ]
    return rows, merges
