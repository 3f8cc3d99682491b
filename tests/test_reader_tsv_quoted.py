"""Tab-separated text saved by a spreadsheet (Excel's 文本文件(制表符分隔),
LibreOffice): a cell holding line breaks (one clause a line) is quoted, a
``"`` inside it doubled. The reader takes such a cell as the spreadsheet does,
and leaves quotes that are not a spreadsheet's as the text they are."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from audit.model import Source
from audit.readers.csvfile import locate_cells, tsv_records
from tests.conftest import HEADER, SEED_002_LINES, document, lint, seed_row, tsv_table
from tests.excerpts import CLEAN, REPEATED
from tests.national import FORM, csv_document

_CLAUSE_START = re.compile(r"(?<=[。；;])(?=\d+、)")


def _one_a_line(cell: str) -> str:
    """An indicator cell written one clause a line, as the district tables do."""
    return _CLAUSE_START.sub("\n", cell)


def _saved(rows: list[list[str]]) -> str:
    """Rows as a spreadsheet saves them as tab-separated text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def _table(rows: list[list[str]]) -> str:
    """A whole table (title, 部门名称, unit, header) with ``rows`` saved under it."""
    return tsv_table([]) + _saved(rows)


def _at(text: str, line: int, column: int) -> str:
    return text.split("\n")[line - 1][column - 1 :]


# Seed 002, line 143 (REPEATED): 年度指标值 three times in clause 2.
_REPEATED_ROW = seed_row(143)
# Seed 002, line 733 (CLEAN).
_CLEAN_ROW = seed_row(733)


def _quoted_row(row: list[str | None]) -> list[str]:
    cells = [cell or "" for cell in row]
    cells[6] = _one_a_line(cells[6])
    return cells


def test_the_seed_cells_are_the_excerpts() -> None:
    assert _REPEATED_ROW[6] == REPEATED
    assert _CLEAN_ROW[6] == CLEAN


def test_a_quoted_clause_cell_reads_as_the_cell_with_its_line_breaks() -> None:
    row = _quoted_row(_CLEAN_ROW)
    text = _table([row])
    assert '"1、' in text and "\n2、" in text  # quoted, one clause a line
    (project,) = document(text).projects
    assert project.indicators is not None
    assert project.indicators.value == row[6]
    assert project.name.value == row[0]
    assert [f.rule for f in lint(text, ["parse-error", "annual-period-mismatch"])] == []


def test_the_findings_of_a_quoted_cell_are_those_of_the_cell_on_one_line() -> None:
    one_line = tsv_table([[cell or "" for cell in _REPEATED_ROW]])
    quoted = _table([_quoted_row(_REPEATED_ROW)])

    def kinds(text: str) -> list[tuple[str, str]]:
        return sorted((f.rule, f.message) for f in lint(text))

    assert kinds(quoted) == kinds(one_line)
    assert "repeated-field" in {rule for rule, _ in kinds(quoted)}
    assert "parse-error" not in {rule for rule, _ in kinds(quoted)}


def test_a_finding_points_at_its_clause_on_its_own_line_of_the_quoted_cell() -> None:
    quoted = _table([_quoted_row(_REPEATED_ROW)])
    repeated = [f for f in lint(quoted) if f.rule == "repeated-field"]
    assert repeated
    first_line = quoted.split("\n").index(next(x for x in quoted.split("\n") if '"1、' in x)) + 1
    for finding in repeated:
        assert finding.line is not None and finding.column is not None
        assert finding.line == first_line + 1  # clause 2 is on the cell's second line
        assert _at(quoted, finding.line, finding.column).startswith("年度指标值")


def test_a_doubled_quote_in_a_quoted_cell_is_one_quote_where_it_stands() -> None:
    cell = '1、1-产出指标；12-质量指标；验收结果；实施周期指标值:"合格"；年度指标值:"合格"。\n' + (
        "2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    text = _table([["项目甲", "10.00", "10.00", "", "", "保障项目顺利实施。", cell]])
    assert '""合格""' in text
    (project,) = document(text).projects
    assert project.indicators is not None
    value = project.indicators
    assert value.value == cell
    at = value.value.index('"合格"')
    for index in range(at, at + 4):  # each character maps to itself in the file
        assert text[value.origin(index)] == value.value[index]


def test_a_quoted_goal_and_indicator_cell_side_by_side() -> None:
    goal = "保障项目顺利实施，\n完成年度任务。"
    row = [*_quoted_row(_CLEAN_ROW)[:5], goal, _one_a_line(CLEAN)]
    text = _table([row, [cell or "" for cell in seed_row(181)]])
    projects = document(text).projects
    assert [p.name.value for p in projects] == [row[0], seed_row(181)[0]]
    assert projects[0].goal is not None and projects[0].goal.value == goal
    assert (
        projects[1].line
        == text.split("\n").index(
            next(x for x in text.split("\n") if x.startswith(str(seed_row(181)[0])))
        )
        + 1
    )


# Quotes that are not a spreadsheet's: the text as it stands.


def test_full_width_quotes_are_text() -> None:
    cell = "1、1-产出指标；12-质量指标；验收结果；实施周期指标值:“达标”；年度指标值:“达标”。"
    text = tsv_table([["项目甲", "10.00", "10.00", "", "", "保障项目顺利实施。", cell]])
    (project,) = document(text).projects
    assert project.indicators is not None and project.indicators.value == cell


def test_an_ascii_quote_inside_a_cell_is_text() -> None:
    goal = '推进"三旧"改造，完成年度任务。'
    text = tsv_table([["项目甲", "10.00", "10.00", "", "", goal, CLEAN]])
    (project,) = document(text).projects
    assert project.goal is not None and project.goal.value == goal


def test_a_cell_that_begins_with_a_quote_closed_inside_it_is_text() -> None:
    """``"三旧"改造…``: no spreadsheet writes this (it would double the
    quotes and quote the whole cell), so it is the cell's own text."""
    goal = '"三旧"改造项目，完成年度任务。'
    text = tsv_table([["项目甲", "10.00", "10.00", "", "", goal, CLEAN]])
    (project,) = document(text).projects
    assert project.goal is not None and project.goal.value == goal
    assert project.indicators is not None and project.indicators.value == CLEAN


def test_an_unclosed_quote_keeps_the_rows_after_it() -> None:
    rows = [
        ["项目甲", "10.00", "10.00", "", "", '"三旧改造，完成年度任务。', CLEAN],
        [cell or "" for cell in seed_row(180)],
        [cell or "" for cell in seed_row(181)],
    ]
    projects = document(tsv_table(rows)).projects
    assert [p.name.value for p in projects] == ["项目甲", seed_row(180)[0], seed_row(181)[0]]
    assert projects[0].goal is not None and projects[0].goal.value.startswith('"三旧')


def test_a_quote_opened_by_mistake_and_closed_by_chance_rows_below_swallows_nothing() -> None:
    """A cell that begins with ``"`` and a later cell that ends with one
    would make one quoted cell of the rows between: it holds line breaks and
    tabs, which no clause cell does, so the rows are read as they stand."""
    rows = [
        ["项目甲", "10.00", "10.00", "", "", '"三旧改造，完成年度任务。', CLEAN],
        [cell or "" for cell in seed_row(180)],
        ["项目乙", "10.00", "10.00", "", "", '完成"三旧"改造"', CLEAN],
    ]
    projects = document(tsv_table(rows)).projects
    assert [p.name.value for p in projects] == ["项目甲", seed_row(180)[0], "项目乙"]


def test_a_one_line_quoted_cell_is_unquoted() -> None:
    """A spreadsheet quotes a cell holding a quote even on one line."""
    cell = '1、1-产出指标；12-质量指标；验收结果；实施周期指标值:"合格"；年度指标值:"合格"。'
    text = _table([["项目甲", "10.00", "10.00", "", "", "保障项目顺利实施。", cell]])
    assert '""合格""' in text and "\n" not in text.split(HEADER)[1].strip()
    (project,) = document(text).projects
    assert project.indicators is not None and project.indicators.value == cell


def test_a_seed_table_without_quotes_reads_as_before() -> None:
    text = "\n".join(SEED_002_LINES)
    records = tsv_records(Source("seed.txt", text))
    assert [r.cells for r in records] == [line.split("\t") for line in text.split("\n")]
    assert [r.line for r in records] == list(range(1, len(records) + 1))


# Any table a spreadsheet writes reads back the same cells.

_CHARS = st.sampled_from([*'"\t\n ；:、。1%≥产出指标值a,', "\u3000"])
_CELL = st.text(_CHARS, max_size=12)


def _no_tab_and_break(rows: list[list[str]]) -> bool:
    return not any("\t" in cell and "\n" in cell for row in rows for cell in row)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=6))
@example([['"1、a；\n2、b；"', "x"]])
@example([["", '""'], ['"']])
def test_rows_written_by_csv_writer_read_back_the_same(rows: list[list[str]]) -> None:
    """Every record reads back as written, each character located where it
    stands in the text (a doubled quote at its first ``"``); cells that hold
    both a tab and a line break are the one exception (see the test above)."""
    assume(_no_tab_and_break(rows))
    text = _saved(rows)
    source = Source("t.txt", text)
    records = tsv_records(source)
    if text.endswith("\n"):  # the empty line after the last line break
        assert records[-1].cells == [""]
        records = records[:-1]
    assert [r.cells for r in records] == rows
    for record in records:
        for value, cell in zip(record.cells, locate_cells(source, record, "\t"), strict=True):
            assert cell.value == value
            for index, char in enumerate(value):
                assert text[cell.origin(index)] == char


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from([180, 181, 143, 733, 224, 322]), st.booleans()),
        min_size=1,
        max_size=5,
    )
)
def test_seed_rows_saved_by_a_spreadsheet_read_back_the_same_cells(
    picks: list[tuple[int, bool]],
) -> None:
    rows = []
    for line, broken in picks:
        cells = [cell or "" for cell in seed_row(line)][:7]
        if broken:
            cells[6] = _one_a_line(cells[6])
        rows.append(cells)
    projects = document(_table(rows)).projects
    assert [p.name.value for p in projects] == [row[0].strip() for row in rows]
    assert [p.indicators.value if p.indicators else "" for p in projects] == [
        row[6].strip() for row in rows
    ]


def test_a_national_form_saved_with_a_goal_over_lines_reads_as_its_csv() -> None:
    """The national template as a spreadsheet saves it: the 年度目标 cell with
    a line break, quoted; read as the same form saved as CSV is."""
    rows = [list(row) for row in FORM]
    rows[5][3] = "本年度完成辖区居民健康档案更新，\n开展健康讲座十二场。"
    text = _saved(rows)
    assert '"本年度完成' in text
    doc = document(text, "national.tsv")
    assert doc.layout == csv_document(rows).layout
    (project,) = doc.projects
    (expected,) = csv_document(rows).projects
    assert project.goal is not None and expected.goal is not None
    assert project.goal.value == expected.goal.value == rows[5][3]
    assert [c.name for c in project.clauses] == [c.name for c in expected.clauses]
    assert len(project.clauses) == 5
