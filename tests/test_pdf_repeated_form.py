"""A PDF of national forms, one form a page (a form a table, as a collection
of a department's forms prints): a form that repeats an earlier one (the same
project pasted twice) is a form of its own and a ``duplicate-project``, as in
the workbook of one sheet per form; the 项目名称 row a long form prints again
at the top of each page it runs over is still dropped, and so are the
repeated header rows of the Guangzhou table and of a national list.

The PDFs and workbooks are written by ``scripts/make_examples.py`` (reportlab,
openpyxl) from the national form of ``tests/national.py``; the page breaks a
printer may put anywhere are generated on the pages' pieces of the grid."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.model import Document
from audit.pipeline import load_path
from audit.readers.pdftables import _join, _Part
from scripts.make_examples import write_pdf, write_xlsx
from tests.conftest import lint
from tests.national import FORM, LIST, LIST_MERGES

Cells = list[list[str | None]]
Merges = list[tuple[int, int, int, int]]
WIDTHS = (16,) * 5

HEALTH = ("社区公共卫生服务经费", "某区疾病预防控制中心", "360.00")
MATERNAL = ("孕产妇健康管理经费", "某区妇幼保健院", "185.00")
ELDERLY = ("老年人健康体检", "某区社区卫生服务中心", "80.00")


_TALKS = {HEALTH[0]: "十二场", MATERNAL[0]: "二十场", ELDERLY[0]: "三十场"}


def form(project: tuple[str, str, str], extra: int = 0) -> tuple[Cells, Merges]:
    """The national form of ``project`` (name, implementer, amount), its goal
    its own; ``extra`` more indicator rows (with 一级/二级 blank, as merged
    down) make it run over several pages."""
    name, implementer, amount = project
    rows = [list(row) for row in FORM]
    rows[2][1] = name
    rows[3][1] = implementer
    rows[4][1] = rows[4][3] = amount
    # Each form its own goal (no duplicate-goal), of one length: the page
    # breaks fall where the tests expect them.
    rows[5][3] = f"{name}：{rows[5][3]}".replace("十二场", _TALKS[name])
    rows[9:9] = [["", "", f"{name}指标{i}", f"≥{i + 1}场", f"≥{i + 1}场"] for i in range(extra)]
    # The title and the amount unit above the grid, merged across its width.
    return [[cell or None for cell in row] for row in rows], [(0, 0, 0, 4), (1, 0, 1, 4)]


def forms_pdf(folder: Path, forms: Sequence[tuple[Cells, Merges]]) -> Path:
    """The forms in one PDF, each starting a page of its own."""
    (rows, merges), *more = forms
    path = folder / "forms.pdf"
    return write_pdf(path, rows, merges, WIDTHS, font_size=8, more=more)


def forms_xlsx(folder: Path, forms: Sequence[tuple[Cells, Merges]]) -> Path:
    """The forms in one workbook, one sheet per form."""
    sheets = [(f"项目{n}", rows, merges) for n, (rows, merges) in enumerate(forms, start=1)]
    return write_xlsx(folder / "forms.xlsx", sheets, WIDTHS)


def projects(document: Document) -> list[tuple[str, int]]:
    return [(p.title, len(p.clauses)) for p in document.projects]


def keys(path: Path) -> list[tuple[str, str | None, str | None, int | None]]:
    return sorted((f.rule, f.unit, f.project, f.clause) for f in lint(path))


def rules(path: Path) -> list[str]:
    return sorted(f.rule for f in lint(path))


# --------------------------------------------------------------------------
# A form pasted twice


@pytest.mark.parametrize(
    "order",
    [
        [HEALTH, MATERNAL, HEALTH],  # the first form again, after another
        [HEALTH, HEALTH],  # the first form again, on the next page
        [HEALTH, MATERNAL, MATERNAL],  # a later form again
        [HEALTH, MATERNAL, ELDERLY, HEALTH],
    ],
)
def test_a_form_pasted_twice_is_a_duplicate_project_as_in_the_workbook(
    order: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    forms = [form(project) for project in order]
    pdf = forms_pdf(tmp_path, forms)
    document = load_path(pdf)
    assert projects(document) == [(name, 5) for name, _, _ in order]
    found = rules(pdf)
    assert found.count("duplicate-project") == 1
    assert "orphan-text" not in found
    assert keys(pdf) == keys(forms_xlsx(tmp_path, forms))


def test_the_duplicate_is_named_on_the_page_of_the_copy(tmp_path: Path) -> None:
    pdf = forms_pdf(tmp_path, [form(HEALTH), form(MATERNAL), form(HEALTH)])
    (duplicate,) = [f for f in lint(pdf) if f.rule == "duplicate-project"]
    assert duplicate.location == "第3页 表1 第1行第2列"
    assert "第1页 表1 第1行第2列" in duplicate.message


def test_a_long_form_pasted_twice_keeps_every_row_of_both(tmp_path: Path) -> None:
    """Each copy runs over pages of its own, its 项目名称 row printed again on
    each: those are dropped, the copy's first page is not."""
    long = form(HEALTH, extra=60)
    pdf = forms_pdf(tmp_path, [long, long])
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        assert len(opened.pages) >= 4
    document = load_path(pdf)
    assert projects(document) == [(HEALTH[0], 65), (HEALTH[0], 65)]
    found = rules(pdf)
    assert found.count("duplicate-project") == 1
    assert "orphan-text" not in found


def test_forms_one_under_another_in_one_table_as_one_sheet_holds_them(tmp_path: Path) -> None:
    """Forms stacked in one table (one sheet of forms printed): only the
    first form's 项目名称 row is printed again on each page, wherever a page
    break falls, in a form's head too; the first form pasted again further
    down is a duplicate, as in the sheet."""
    order = [HEALTH, MATERNAL, ELDERLY, HEALTH, MATERNAL, ELDERLY]
    rows: Cells = []
    for n, project in enumerate(order):
        cells = form(project, extra=3 + 2 * n)[0]
        rows += cells if n == 0 else cells[2:]  # the title above the first form only
    pdf = write_pdf(tmp_path / "sheet.pdf", rows, [(0, 0, 0, 4), (1, 0, 1, 4)], WIDTHS, font_size=8)
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        ends = [_first_cells(page)[-1] for page in opened.pages[:-1]]
    assert "项目名称" in ends  # a page ends with a form's name row,
    assert "资金总额（万元）" in ends  # another in a form's head
    document = load_path(pdf)
    assert [title for title, _ in projects(document)] == [name for name, _, _ in order]
    xlsx = write_xlsx(
        tmp_path / "sheet.xlsx", [("Sheet1", rows, [(0, 0, 0, 4), (1, 0, 1, 4)])], WIDTHS
    )
    assert keys(pdf) == keys(xlsx)
    assert rules(pdf).count("duplicate-project") == 3


def _first_cells(page: Any) -> list[str]:
    """The first cell of each row of the page's ruled table."""
    (table,) = page.find_tables()
    return [row[0] or "" for row in table.extract()]


# --------------------------------------------------------------------------
# Near misses: a header repeated over a page break is no row


def test_a_long_form_over_several_pages_is_one_project(tmp_path: Path) -> None:
    pdf = forms_pdf(tmp_path, [form(HEALTH, extra=80)])
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        assert len(opened.pages) >= 3
    assert projects(load_path(pdf)) == [(HEALTH[0], 85)]
    assert rules(pdf) == []


@pytest.mark.parametrize("long_at", [0, 1])
def test_a_long_form_among_others_repeats_its_own_name_row(long_at: int, tmp_path: Path) -> None:
    """A long form that is not the file's first repeats its own 项目名称 row
    at the top of its later pages, not the first form's: dropped too."""
    order = [HEALTH, MATERNAL, ELDERLY]
    forms = [form(project, extra=80 if n == long_at else 0) for n, project in enumerate(order)]
    pdf = forms_pdf(tmp_path, forms)
    expected = [(name, 85 if n == long_at else 5) for n, (name, _, _) in enumerate(order)]
    assert projects(load_path(pdf)) == expected
    assert rules(pdf) == []
    assert keys(pdf) == keys(forms_xlsx(tmp_path, forms))


def test_a_national_list_over_pages_drops_its_repeated_header(tmp_path: Path) -> None:
    """The list's projects again under other names (batches), over pages:
    the header row repeated on each is no project, as in the workbook."""
    first = next(i for i, row in enumerate(LIST) if row[1] == "项目名称") + 1
    rows: Cells = [[cell or None for cell in row] for row in LIST]
    for batch in range(1, 6):
        for row in LIST[first:]:
            rows.append([cell or None for cell in row])
            if row[1]:
                rows[-1][1] = f"{row[1]}（第{batch}批）"
    widths = (16,) * len(LIST[0])
    pdf = write_pdf(tmp_path / "list.pdf", rows, list(LIST_MERGES), widths, font_size=8)
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        assert len(opened.pages) >= 2
    names = [row[1] for row in rows[first:] if row[1]]
    assert [p.title for p in load_path(pdf).projects] == names
    xlsx = write_xlsx(tmp_path / "list.xlsx", [("Sheet1", rows, list(LIST_MERGES))], widths)
    assert keys(pdf) == keys(xlsx)
    assert "orphan-text" not in rules(pdf)


# --------------------------------------------------------------------------
# The pages' pieces of the grid, as pdfplumber gives them


def pieces(rows: Cells, breaks: Sequence[int], header: Cells) -> list[Cells]:
    """``rows`` cut before each of ``breaks``, each later piece headed by
    ``header`` (the rows a printer repeats at the top of a page)."""
    cuts = [0, *sorted(set(breaks)), len(rows)]
    return [
        ([] if n == 0 else [list(r) for r in header]) + [list(r) for r in rows[a:b]]
        for n, (a, b) in enumerate(pairwise(cuts))
        if a < b
    ]


def joined(parts: Sequence[Cells]) -> Cells:
    parts_ = [_Part(page, 1, rows, []) for page, rows in enumerate(parts, start=1)]
    (grid,) = _join(parts_)
    return [list(row) for row in grid.cells]


def test_a_page_where_a_form_ends_and_the_next_begins() -> None:
    """The long form's last row, then another form with a head so short
    that its column titles fall at the row where the first page's did: the
    first form's repeated 项目名称 row is dropped, the other's kept."""
    head = form(HEALTH)[0][2:]  # 项目名称 … the column titles at row 4 …
    other = ["项目名称", MATERNAL[0], "主管部门", "某区卫生健康局", None]
    page_two = [head[0], head[7], other, head[3], head[4], head[5]]
    assert joined([head, page_two]) == [*head, *page_two[1:]]
    # Near miss: the whole form again, its titles at the same row, with no
    # other 项目名称 row above them: a copy, every row kept.
    assert joined([head, head]) == [*head, *head]
    # A page break right after the next form's 项目名称 row: the rest of
    # its head under the first form's name row, repeated, is no copy.
    other_head = form(MATERNAL)[0][2:]
    assert joined([[*head, other_head[0]], [head[0], *other_head[1:]]]) == [*head, *other_head]
    # A form cut before its titles: the next page's 项目名称 row is the
    # repeated header, whatever follows.
    assert joined([head[:2], [head[0], *head[2:]]]) == head
    assert joined([head[:1], head]) == head


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.lists(st.sampled_from([HEALTH, MATERNAL, ELDERLY]), min_size=1, max_size=4),
    extras=st.lists(st.integers(min_value=0, max_value=6), min_size=4, max_size=4),
    cuts=st.lists(st.integers(min_value=2, max_value=30), max_size=4),
)
def test_pages_of_forms_join_to_the_forms_rows(
    order: list[tuple[str, str, str]], extras: list[int], cuts: list[int]
) -> None:
    """However a printer breaks each form over pages (its 项目名称 row on top
    of each later page), the grid is the forms' rows, each once: every form
    pasted twice stays a form, and no repeated name row stays, wherever the
    break falls, in the form's head too. Each form begins a page, which
    holds more than its 项目名称 row (a page holds dozens of rows)."""
    expected: Cells = []
    parts: list[Cells] = []
    for n, project in enumerate(order):
        rows = form(project, extra=extras[n])[0][2:]
        breaks = [cut for cut in cuts if cut < len(rows)]
        parts += pieces(rows, breaks, rows[:1])
        expected += rows
    assert joined(parts) == expected
