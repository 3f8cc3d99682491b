"""Which project text belongs to: a project's goal and clauses follow its
name row in every text layout; text at the top of a page continues the
project the page before began; text before any name row of an excerpt
belongs to no project and is reported (``orphan-text``); a column header
wrapped over lines or cells is header wherever it wraps.

The tables are the seed tables as published (``fixtures/pdftext/
004_excerpt.txt`` is seed 004's PDF text, ``legacy.txt`` the older layout,
``fixtures/seeds/002_hrss_2024.txt`` seed 002), cut into pages the way the
extracted PDFs are: the page header block repeats at the break, a page
number stands above it (``- 2 -``, or a bare ``2`` with or without the form
feed a text extractor prints between pages), and a project's cells run on
over the break.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.model import Document, Source
from audit.pipeline import load_text
from audit.readers.common import header_piece, header_pieces
from audit.readers.pdftext import read
from tests.conftest import HEADER, SEED_002, lint, lint_rule, tsv_table
from tests.national import LIST, tsv_document

PDFTEXT = Path(__file__).parent / "fixtures" / "pdftext"
NAME_COLUMN = "项目名称（资金使用单位）"
SPECIAL = "财政专户拨款"
COLUMNS = f"{NAME_COLUMN} 总计 财政拨款 {SPECIAL} 其他资金 绩效目标 绩效指标"


def fixture(name: str) -> str:
    return (PDFTEXT / name).read_text(encoding="utf-8")


def split_table(text: str) -> tuple[list[str], list[str]]:
    """The lines up to the first column header, and the body after it."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(NAME_COLUMN))
    return lines[: at + 1], lines[at + 1 :]


FEET = ("dash", "bare", "form-feed")
"""How a page ends: ``- 2 -``; a bare ``2`` right above the next page's
header block; a bare ``2`` and the form feed before the next page."""


def page_header(
    title: str, organization: str, columns: list[str], page: int, foot: str = "dash"
) -> list[str]:
    """What a page break leaves in the extracted text: the page number, then
    the title, the organisation line and the column header lines."""
    if foot == "dash":
        return ["", f"- {page} -", "", title, "", organization, "", *columns, ""]
    if foot == "bare":
        return ["", str(page), title, "", organization, "", *columns, ""]
    return ["", str(page), f"\f{title}", organization, *columns]


def paged(text: str, cuts: list[int], columns: list[str] | None = None, foot: str = "dash") -> str:
    """``text`` with a page break before each body line in ``cuts``."""
    head, body = split_table(text)
    title = next(line for line in head if "绩效目标表" in line)
    organization = next(line for line in head if "名称：" in line)
    out = list(head)
    for index, line in enumerate(body):
        if index in cuts:
            out += page_header(title, organization, columns or [COLUMNS], index + 2, foot)
        out.append(line)
    return "\n".join(out)


def owners(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each row's name with the goal and indicator text it was given."""
    rows = read(Source("t.txt", text)).rows
    return [
        (
            row.name.value,
            row.goal.value if row.goal else None,
            row.indicators.value if row.indicators else None,
        )
        for row in rows
    ]


def clause_owners(document: Document) -> list[tuple[str, int, str]]:
    return [
        (project.title, clause.number, clause.text)
        for project in document.projects
        for clause in project.clauses
    ]


def _page_header_line(line: str) -> bool:
    return (
        "绩效目标表" in line
        or "名称：" in line
        or line.startswith((NAME_COLUMN, "- "))
        or line in ("财政专户", "拨款")
    )


def body_breaks(text: str) -> list[int]:
    """Every body line a page may begin at: a line of cell text or a row,
    not inside a page header block the table already has."""
    _, body = split_table(text)
    breaks: list[int] = []
    previous = ""
    for index, line in enumerate(body):
        if not line.strip():
            continue
        if not _page_header_line(line) and not _page_header_line(previous):
            breaks.append(index)
        previous = line
    return breaks


# --------------------------------------------------------------------------
# A project spanning a page break


@pytest.mark.parametrize("foot", FEET)
@pytest.mark.parametrize("name", ["004_excerpt.txt", "legacy.txt", "page_break.txt"])
def test_a_page_break_at_any_line_leaves_every_cell_with_its_project(name: str, foot: str) -> None:
    text = fixture(name)
    expected = owners(text)
    for cut in body_breaks(text):
        assert owners(paged(text, [cut], foot=foot)) == expected, cut


def test_clauses_continued_on_the_next_page_stay_with_their_project() -> None:
    """Seed 004: 机构运行辅助经费's clauses 3-5 printed on the next page."""
    text = fixture("004_excerpt.txt")
    _, body = split_table(text)
    cut = next(i for i, line in enumerate(body) if line.startswith("值:10%或以下"))
    document = load_text(paged(text, [cut]), "paged.txt")
    first, second = document.projects[:2]
    assert first.title == "机构运行辅助经费"
    assert [c.number for c in first.clauses] == [1, 2, 3, 4, 5]
    assert first.clauses[2].text.startswith("3、2-效益指标；22-社会效益；人员流失率")
    assert second.title == "残疾人培训经费（广州市残疾人就业培训服务中心）"
    assert second.goal is not None and second.goal.value.startswith("1.对残疾人开展职业技能培训")
    assert document.orphans == ()
    assert lint_rule(paged(text, [cut]), "orphan-text") == []


def test_a_page_that_begins_with_a_goal_continues_the_project_of_the_page_before() -> None:
    """Older layout: the page breaks inside 业务用房维修经费's goal."""
    text = fixture("legacy.txt")
    _, body = split_table(text)
    cut = next(i for i, line in enumerate(body) if line == "。")
    rows = owners(paged(text, [cut]))
    assert rows[-1] == (
        "业务用房维修经费",
        "保障中心业务用房正常使用，维护办公环境安全整洁。",
        "1、产出指标：维修任务完成率，年度指标值：100%。2、满意度指标：职工满意度，年度指标值：≥85%。",
    )


# --------------------------------------------------------------------------
# An excerpt that begins inside a project


def excerpt_from(text: str, start: str) -> str:
    """The table's header, then its body from the line beginning ``start``
    (an excerpt copied from the middle of a table)."""
    head, body = split_table(text)
    at = next(i for i, line in enumerate(body) if line.startswith(start))
    return "\n".join(head + body[at:])


def test_an_excerpt_beginning_inside_a_project_reports_its_leading_text() -> None:
    text = excerpt_from(fixture("004_excerpt.txt"), "值:10%或以下")
    document = load_text(text, "excerpt.txt")
    (orphan,) = document.orphans
    assert orphan.value.startswith("值:10%或以下；年度指标值:10%或以下。4、2-效益指标")
    assert orphan.value.endswith("年度指标值:80%或以上。")
    # the next project keeps its own goal and clauses
    first = document.projects[0]
    assert first.title == "残疾人培训经费（广州市残疾人就业培训服务中心）"
    assert first.goal is not None and first.goal.value.startswith("1.对残疾人开展职业技能培训")
    assert len(first.clauses) == 5
    assert "人员流失率" not in first.indicators.value  # type: ignore[union-attr]
    (finding,) = lint_rule(text, "orphan-text")
    assert finding.severity == "warning"
    assert finding.project is None and finding.line == 7 and finding.column == 1
    assert finding.excerpt == orphan.value[:20]


def test_an_older_layout_excerpt_beginning_inside_a_goal_reports_it() -> None:
    text = excerpt_from(fixture("legacy.txt"), "改善功能。")
    document = load_text(text, "excerpt.txt")
    assert [o.value for o in document.orphans] == [
        "改善功能。1、产出指标：康复训练服务人次，年度指标值：≥500人次。"
        "2、效益指标：残疾儿童功能改善率，年度指标值：≥80%。"
        "3、满意度指标：家长满意度，年度指标值：≥90%。"
    ]
    assert [p.title for p in document.projects] == ["业务用房维修经费"]
    assert document.projects[0].goal.value == "保障中心业务用房正常使用，维护办公环境安全整洁。"  # type: ignore[union-attr]
    assert len(lint_rule(text, "orphan-text")) == 1


def test_text_between_the_grand_total_and_the_first_row_is_orphan() -> None:
    text = fixture("legacy.txt").replace(
        "合计 180.00 180.00\n", "合计 180.00 180.00\n\n改善功能。\n", 1
    )
    document = load_text(text, "t.txt")
    assert [o.value for o in document.orphans] == ["改善功能。"]
    assert lint_rule(text, "orphan-text")[0].line == 10


@pytest.mark.parametrize("name", ["004_excerpt.txt", "legacy.txt", "page_break.txt"])
def test_a_table_that_begins_at_its_grand_total_has_no_orphan_text(name: str) -> None:
    assert load_text(fixture(name), name).orphans == ()
    assert lint_rule(fixture(name), "orphan-text") == []


def test_the_seeds_have_no_orphan_text() -> None:
    from tests.conftest import SEED_001, SEED_004

    for seed in (SEED_001, SEED_002, SEED_004):
        assert lint_rule(seed.read_text(encoding="utf-8"), "orphan-text") == [], seed


def test_text_after_a_unit_row_is_that_row_not_orphan() -> None:
    """A project printed without indent reads as a unit row: its text makes
    it a project, it is not text before any row."""
    text = fixture("legacy.txt").replace("    业务用房维修经费", "业务用房维修经费")
    document = load_text(text, "t.txt")
    assert document.orphans == ()
    assert "业务用房维修经费" in [p.title for p in document.projects]


# Seed 002 (tab-separated), line 12 onward: rows of 广州市人力资源和社会保障局.
def seed_002_rows(count: int) -> list[str]:
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("项目名称"))
    rows = [line for line in lines[at + 1 :] if line.count("\t") >= 6]
    return rows[2 : 2 + count]  # after 合计 and the unit row


def test_a_tab_separated_excerpt_beginning_with_a_nameless_row_reports_it() -> None:
    rows = seed_002_rows(2)
    cells = rows[0].split("\t")
    carried = "\t".join(["", "", "", "", "", "", cells[6]])
    text = tsv_table([]) + carried + "\n" + "\n".join(rows[1:]) + "\n"
    document = load_text(text, "t.txt")
    assert [o.value for o in document.orphans] == [cells[6].strip()]
    assert [p.title for p in document.projects] == [rows[1].split("\t")[0]]
    assert len(lint_rule(text, "orphan-text")) == 1


def test_a_tab_separated_cell_carried_over_a_page_break_stays_with_its_row() -> None:
    rows = seed_002_rows(2)
    cells = rows[0].split("\t")
    indicators = cells[6]
    cut = indicators.index("3、")
    first = "\t".join([*cells[:6], indicators[:cut]])
    carried = "\t".join(["", "", "", "", "", "", indicators[cut:]])
    page = tsv_table([])  # the title, organisation and header again
    text = tsv_table([]) + first + "\n" + page + carried + "\n" + rows[1] + "\n"
    whole = load_text(tsv_table([]) + "\n".join(rows) + "\n", "whole.txt")
    document = load_text(text, "t.txt")
    assert document.orphans == ()
    assert clause_owners(document) == clause_owners(whole)
    assert lint_rule(text, "orphan-text") == []


def _without_name(row: str) -> str:
    return "\t".join(["", *row.split("\t")[1:]])


def test_a_tab_separated_row_without_a_name_but_with_amounts_is_a_project_of_its_own() -> None:
    # A row whose name was deleted keeps its amounts, goal and clauses: it
    # is no rest of the row above (a row cut by a page break prints no
    # amounts), so its clauses are not the project above's and its amounts
    # count in the unit's sum; the blank name is reported.
    rows = seed_002_rows(3)
    whole = load_text(tsv_table([]) + "\n".join(rows) + "\n", "whole.txt")
    text = tsv_table([]) + "\n".join([rows[0], _without_name(rows[1]), rows[2]]) + "\n"
    document = load_text(text, "t.txt")
    names = [p.title for p in whole.projects]
    assert [p.title for p in document.projects] == [names[0], "", names[2]]
    assert [
        (project.amounts.value("total"), [c.text for c in project.clauses])
        for project in document.projects
    ] == [
        (project.amounts.value("total"), [c.text for c in project.clauses])
        for project in whole.projects
    ]
    found = lint_rule(text, "amount-format")
    assert [(f.line, f.column, f.project, f.field) for f in found] == [(10, 1, "", "name")]
    assert found[0].message.startswith("这一行填了金额（总计 ")
    numbering = lint(text, ["clause-numbering"])
    assert all(f.project != names[0] for f in numbering)


@pytest.mark.parametrize("blank", ["", "-", "—"])
def test_a_tab_separated_row_without_a_name_or_amounts_continues_the_row_above(
    blank: str,
) -> None:
    # Near miss: blank amount cells (empty, or the dash a table prints for
    # none) make the row the rest of the row above, as before.
    rows = seed_002_rows(2)
    cells = rows[0].split("\t")
    cut = cells[6].index("3、")
    first = "\t".join([*cells[:6], cells[6][:cut]])
    carried = "\t".join(["", blank, blank, "", "", "", cells[6][cut:]])
    text = tsv_table([]) + first + "\n" + carried + "\n" + rows[1] + "\n"
    whole = load_text(tsv_table([]) + "\n".join(rows) + "\n", "whole.txt")
    assert clause_owners(load_text(text, "t.txt")) == clause_owners(whole)
    assert [f for f in lint_rule(text, "amount-format") if f.field == "name"] == []


def test_a_line_without_tabs_before_the_first_row_is_orphan_text() -> None:
    rows = seed_002_rows(1)
    text = tsv_table([]) + "年度指标值:≥95%。\n" + rows[0] + "\n"
    assert [o.value for o in load_text(text, "t.txt").orphans] == ["年度指标值:≥95%。"]
    # the same line after a row continues that row
    after = tsv_table([]) + rows[0] + "\n年度指标值:≥95%。\n"
    assert load_text(after, "t.txt").orphans == ()
    assert lint_rule(after, "orphan-text") == []


def test_a_national_list_excerpt_beginning_with_indicator_rows_reports_them() -> None:
    header_at = next(i for i, row in enumerate(LIST) if row[1] == "项目名称")
    first_project = header_at + 1
    # the rows of the first project after its first one, without that row
    excerpt = [*LIST[: header_at + 1], *LIST[first_project + 1 :]]
    document = tsv_document(excerpt)
    whole = tsv_document(LIST)
    assert len(document.orphans) >= 1
    assert "路面优良率" in document.orphans[0].value
    assert [p.title for p in document.projects] == [p.title for p in whole.projects][1:]
    assert document.orphans and whole.orphans == ()


# --------------------------------------------------------------------------
# Header fragments


def wrapped_headers() -> list[tuple[str, list[str]]]:
    """The column header with 项目名称（资金使用单位） and 财政专户拨款 cut at
    every position, the rest of each on the line below, or the first part
    of 财政专户拨款 above the header line."""
    found: list[tuple[str, list[str]]] = []
    for k in range(1, len(NAME_COLUMN)):
        for j in range(1, len(SPECIAL)):
            head = f"{NAME_COLUMN[:k]} 总计 财政拨款 {SPECIAL[:j]} 其他资金 绩效目标 绩效指标"
            found.append((f"below-{k}-{j}", [head, f"{NAME_COLUMN[k:]} {SPECIAL[j:]}"]))
    for j in range(1, len(SPECIAL)):
        line = f"{NAME_COLUMN} 总计 财政拨款 其他资金 绩效目标 绩效指标"
        found.append((f"above-{j}", [SPECIAL[:j], line, SPECIAL[j:]]))
    found.append(
        ("name-alone", [NAME_COLUMN, "总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标"])
    )
    found.append(("one-per-line", COLUMNS.split()))
    return found


@pytest.mark.parametrize("name", ["004_excerpt.txt", "legacy.txt"])
def test_a_header_wrapped_at_any_position_is_never_part_of_a_name_or_goal(name: str) -> None:
    text = fixture(name)
    expected = owners(text)
    breaks = body_breaks(text)
    for label, columns in wrapped_headers():
        for cut in breaks[1::3]:
            assert owners(paged(text, [cut], columns)) == expected, (label, cut)


def test_a_wrapped_header_before_a_goal_is_not_its_start() -> None:
    """The defect as seen: 财政专户 and 拨款 on lines of their own at the top
    of a page, where the older layout's goal continues."""
    text = fixture("legacy.txt")
    _, body = split_table(text)
    cut = next(i for i, line in enumerate(body) if line == "改善功能。")
    columns = ["财政专户", f"{NAME_COLUMN} 总计 财政拨款 其他资金 绩效目标 绩效指标", "拨款"]
    rows = owners(paged(text, [cut], columns))
    assert rows[3][1] == "为残疾儿童提供康复训练服务，帮助残疾儿童改善功能。"


def test_a_name_ending_in_a_column_word_piece_stays_a_name() -> None:
    """Near miss: a name's last line 项目 (a piece of 项目名称) right after a
    whole column header is the name's, not the header's."""
    text = fixture("legacy.txt").replace(
        "    业务用房维修经费 20.00 20.00",
        f"    业务用房维修经费\n\n- 4 -\n\n{COLUMNS}\n\n项目\n20.00 20.00",
    )
    assert owners(text)[-1][0] == "业务用房维修经费项目"
    bracket = fixture("legacy.txt").replace(
        "    残疾儿童康复训练经费（广州市\n残疾人康复中心）",
        f"    残疾儿童康复训练经费（广州市残疾人康复中心\n\n{COLUMNS}\n\n）",
    )
    assert owners(bracket)[3][0] == "残疾儿童康复训练经费（广州市残疾人康复中心）"


def test_header_pieces() -> None:
    for k in range(1, len(NAME_COLUMN)):
        assert header_piece(NAME_COLUMN[:k]) and header_piece(NAME_COLUMN[k:])
    assert header_pieces(["财政专户", "拨款"]) and header_pieces(["使用单位) 拨款"])
    # near misses: the grand total's name, a bracket alone, cell text
    assert not header_pieces(["合计"]) and not header_pieces(["总计"])
    assert not header_pieces(["）"])
    assert not header_pieces(["保障运行。"]) and not header_pieces(["拨款 100.00"])


def test_a_tab_separated_header_wrapped_over_two_rows_is_header() -> None:
    rows = seed_002_rows(2)
    wrapped = HEADER.replace("财政专户拨款", "财政专户").replace(NAME_COLUMN, "项目名称（资金")
    below = "使用单位）\t\t\t拨款\t\t\t"
    text = tsv_table([]).replace(HEADER, wrapped + "\n" + below) + "\n".join(rows) + "\n"
    whole = load_text(tsv_table([]) + "\n".join(rows) + "\n", "whole.txt")
    document = load_text(text, "t.txt")
    assert [p.title for p in document.projects] == [p.title for p in whole.projects]
    assert clause_owners(document) == clause_owners(whole)


# --------------------------------------------------------------------------
# The property: pages never move a clause


def _paging(name: str):  # type: ignore[no-untyped-def]
    text = fixture(name)
    breaks = body_breaks(text)
    headers = [columns for _, columns in wrapped_headers()]
    return st.tuples(
        st.just(name),
        st.lists(st.sampled_from(breaks), max_size=6, unique=True),
        st.sampled_from([[COLUMNS], *headers]),
        st.sampled_from(FEET),
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.one_of(_paging("004_excerpt.txt"), _paging("legacy.txt")))
def test_cutting_a_table_into_pages_never_moves_a_clause(
    case: tuple[str, list[int], list[str], str],
) -> None:
    name, cuts, columns, foot = case
    text = fixture(name)
    document = load_text(paged(text, cuts, columns, foot), "paged.txt")
    assert clause_owners(document) == clause_owners(load_text(text, name))
    assert document.orphans == ()


# --------------------------------------------------------------------------
# Grids (a workbook sheet, a PDF table, a web page): seed 002's rows


def grid_table(rows: list[list[str | None]]):  # type: ignore[no-untyped-def]
    from audit.readers import guangzhou
    from audit.readers.grid import GridInput, grid_source

    _, (grid,) = grid_source("t.xlsx", "sheet", [GridInput("Sheet1", rows)])
    return guangzhou.read(grid)


def seed_002_cells(count: int) -> list[list[str | None]]:
    return [[cell or None for cell in row.split("\t")] for row in seed_002_rows(count)]


def test_a_grid_row_without_a_name_at_the_top_is_orphan_text() -> None:
    first, second = seed_002_cells(2)
    carried: list[str | None] = [None] * 6 + [first[6]]
    table = grid_table([HEADER.split("\t"), carried, second])
    assert [o.value for o in table.orphans] == [(first[6] or "").strip()]
    assert [r.name.value for r in table.rows] == [second[0]]
    # near miss: after a named row, across a repeated header, it continues that row
    table = grid_table([HEADER.split("\t"), second, HEADER.split("\t"), carried])
    assert table.orphans == []
    assert table.rows[0].indicators.value.endswith((first[6] or "").strip())  # type: ignore[union-attr]


def test_a_grid_header_wrapped_over_two_rows_is_header() -> None:
    """绩效目标 wrapped as 绩效 / 目标 over two rows, repeated at a page break:
    目标 is neither text before the first row nor the end of a goal."""
    first, second = seed_002_cells(2)
    header: list[str | None] = list(HEADER.split("\t"))
    below: list[str | None] = [None] * 7
    header[5], below[5] = "绩效", "目标"
    table = grid_table([header, below, first, header, below, second])
    assert [r.name.value for r in table.rows] == [first[0], second[0]]
    assert table.orphans == []
    assert table.rows[0].goal.value == (first[5] or "").strip()  # type: ignore[union-attr]


def test_a_tab_separated_header_cell_wrapped_into_the_line_below_names_its_column() -> None:
    """绩效目标 as 绩效 / 目标 on two lines, repeated before the second row."""
    first, second = seed_002_rows(2)
    wrapped = HEADER.replace("绩效目标", "绩效") + "\n\t\t\t\t\t目标\t"
    text = tsv_table([]).replace(HEADER, wrapped) + first + "\n" + wrapped + "\n" + second + "\n"
    whole = load_text(tsv_table([]) + first + "\n" + second + "\n", "whole.txt")
    document = load_text(text, "t.txt")
    goals = [(p.title, p.goal.value if p.goal else None) for p in document.projects]
    assert goals == [(p.title, p.goal.value if p.goal else None) for p in whole.projects]
    assert all(goal for _, goal in goals)
    assert clause_owners(document) == clause_owners(whole)
    assert document.orphans == ()


def test_leading_cell_text_of_an_excerpt_is_orphan_text_not_title() -> None:
    """Cell text above the title block of an excerpt belongs to no project
    shown; a note such as ``附件3：`` above the title is no cell text."""
    from audit.pipeline import load_text

    body = (
        "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标\n\n"
        "    业务培训经费 50.00 50.00\n\n"
        "组织业务培训，提高工作人员服务水平。\n\n"
        "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥500人次；年度指标值:≥500人次。\n"
    )
    title = "广州市残疾人联合会2024年项目支出绩效目标表\n单位：万元\n"
    orphan = "以上；年度指标值:80%或以上。\n"
    document = load_text(orphan + title + body, "excerpt.txt")
    assert [text.value for text in document.orphans] == ["以上；年度指标值:80%或以上。"]
    assert [p.name.value for p in document.projects] == ["业务培训经费"]
    quiet = load_text("附件3：\n" + title + body, "whole.txt")
    assert quiet.orphans == ()
    assert quiet.projects[0].goal is not None
    assert quiet.projects[0].goal.value == "组织业务培训，提高工作人员服务水平。"
