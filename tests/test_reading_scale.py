"""Reading takes time linear in the input also when one cell goes on over
many rows: a nameless row or a line without tabs continues the last cell,
and the cell is joined once, not rebuilt at every row (text and workbook
tables alike). The timing bound is a ratio (see ``assert_linear``)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Amounts, Row, Source, Text, TextBuilder
from audit.readers import read_document
from audit.readers.common import CellAppends
from tests.conftest import HEADER, document
from tests.excerpts import CLEAN, STANDARD
from tests.test_parsing_scale import assert_linear

FIRST = STANDARD
CLAUSE = CLEAN  # a real cell, repeated on every continuation row


def continued_tsv(n: int, nameless: bool = True) -> str:
    """One project whose indicator cell goes on over ``n`` more rows (nameless
    rows, or lines without tabs)."""
    more = ("\t" * 6 + CLAUSE) if nameless else CLAUSE
    lines = ["某单位2025年项目支出绩效目标表", HEADER]
    lines.append("\t".join(["培训项目", "1.00", "1.00", "", "", "保障项目顺利实施。", FIRST]))
    lines.extend([more] * n)
    return "\n".join(lines) + "\n"


def continued_workbook(n: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split("\t"))
    sheet.append(["培训项目", 1, 1, None, None, "保障项目顺利实施。", FIRST])
    for _ in range(n):
        sheet.append([None] * 6 + [CLAUSE])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_cell_continued_over_nameless_rows_reads_in_linear_time() -> None:
    assert_linear(continued_tsv, document, 400)


def test_a_cell_continued_over_lines_without_tabs_reads_in_linear_time() -> None:
    assert_linear(lambda n: continued_tsv(n, nameless=False), document, 400)


def test_a_workbook_cell_continued_over_rows_reads_in_linear_time() -> None:
    assert_linear(
        continued_workbook,  # type: ignore[arg-type]
        lambda data: read_document(data, "t.xlsx"),  # type: ignore[arg-type]
        300,
    )


def test_the_continued_cell_holds_every_row_once_and_in_order() -> None:
    for doc in (
        document(continued_tsv(50)),
        document(continued_tsv(50, nameless=False)),
        read_document(continued_workbook(50), "t.xlsx"),
    ):
        (project,) = doc.projects
        assert project.indicators is not None
        value = project.indicators.value
        assert value == FIRST + CLAUSE * 50
        # every character still maps back to where it stands in the source
        assert doc.source.text[project.indicators.origin(len(value) - 1)] == "。"


def test_a_note_under_a_continued_cell_is_still_no_part_of_it() -> None:
    # the cell ends a sentence, so the 注： line under it is a note (dropped),
    # also when the cell's end was appended from a continuation line
    text = continued_tsv(3, nameless=False) + "注：本表金额单位为万元\n"
    (project,) = document(text).projects
    assert project.indicators is not None
    assert "注：" not in project.indicators.value
    # a near miss: a cell that does not end a sentence takes the line in
    unfinished = continued_tsv(3, nameless=False).rstrip("\n").rstrip("。") + "\n注：续\n"
    (project,) = document(unfinished).projects
    assert project.indicators is not None
    assert project.indicators.value.endswith("注：续")


pieces = st.lists(
    st.tuples(st.text(min_size=1, max_size=5), st.integers(min_value=0, max_value=40)),
    min_size=1,
    max_size=12,
)


@given(first=pieces, appended=st.lists(pieces, max_size=6))
@settings(max_examples=200, deadline=None)
def test_appending_gives_the_text_a_rebuild_gives(
    first: list[tuple[str, int]], appended: list[list[tuple[str, int]]]
) -> None:
    source = Source("t.txt", "x" * 100)

    def text(parts: list[tuple[str, int]]) -> Text:
        builder = TextBuilder(source)
        for value, offset in parts:
            builder.add(value, offset)
        return builder.build()

    start = text(first)
    row = Row(start, Amounts(), None, start, 1)
    appends = CellAppends()
    expected = start
    for parts in appended:
        piece = text(parts)
        appends.append(row, "indicators", piece)
        rebuilt = TextBuilder(source)
        rebuilt.add_text(expected)
        rebuilt.add_text(piece)
        expected = rebuilt.build()
        ends = expected.value.rstrip().endswith(("。", "；", ";", ".", "！", "!"))
        assert appends.ends_cell(row) == ends
    appends.close()
    assert row.indicators is not None
    assert (row.indicators.value, row.indicators.anchors) == (expected.value, expected.anchors)
