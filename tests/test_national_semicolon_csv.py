"""A national table saved as CSV by a spreadsheet whose locale separates
fields with ``;`` (every row padded to the sheet's width, cells holding ``;``
quoted): read as the comma-separated file is, when its header row is split
into whole column names by ``;`` and every row has the same number of
fields. A ``;`` or ``；`` inside a cell's text never makes a delimiter."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import pytest

from audit.model import Document
from audit.pipeline import load_bytes, load_text
from audit.readers import ReadError
from tests.conftest import lint
from tests.national import FORM, LIST, Rows, as_csv, csv_document


def as_semicolon_csv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _list() -> Rows:
    rows = [list(row) for row in LIST]
    # a goal holding both semicolons: quoted by the spreadsheet
    rows[3][3] = "完成全市农村公路日常养护；保障道路安全畅通;提升通行能力和服务水平。"
    return rows


def _read(rows: Rows) -> Document:
    return load_text(as_semicolon_csv(rows), "national.csv")


def _projects(document: Document) -> list[tuple[str, str | None, object, int]]:
    return [
        (
            project.name.value,
            project.goal.value if project.goal else None,
            project.amounts.value("total"),
            len(project.clauses),
        )
        for project in document.projects
    ]


def _findings(document: Document) -> list[tuple[str, str, int | None]]:
    return [(f.rule, f.message, f.line) for f in lint(document)]


@pytest.mark.parametrize("rows", [_list(), [list(row) for row in FORM]], ids=["list", "form"])
def test_a_semicolon_csv_reads_as_the_comma_csv(rows: Rows) -> None:
    document, comma = _read(rows), csv_document(rows)
    assert document.projects
    assert _projects(document) == _projects(comma)
    assert _findings(document) == _findings(comma)


def test_the_cells_are_located_in_the_file() -> None:
    text = as_semicolon_csv(_list())
    document = load_text(text, "national.csv")
    goal = document.projects[0].goal
    assert goal is not None
    start = goal.origin(0)
    assert text[start : start + len(goal.value)] == goal.value
    span = document.projects[0].clauses[0].name_span
    line = text.splitlines()[span.line - 1]
    assert line[span.column - 1 : span.end_column - 1] == "养护里程"


def test_a_semicolon_csv_file_in_gbk_is_read() -> None:
    data = as_semicolon_csv(_list()).encode("gb18030")
    assert len(load_bytes(data, "national.csv").projects) == 3


def test_a_row_of_another_width_is_refused() -> None:
    """Near miss: a ``;`` typed into a goal without the quotes a spreadsheet
    puts round it gives its row one more field: the delimiter cannot be
    trusted, and the file is refused rather than read with a field shifted."""
    text = as_semicolon_csv(_list()).replace(
        '"完成全市农村公路日常养护；保障道路安全畅通;提升通行能力和服务水平。"',
        "完成全市农村公路日常养护；保障道路安全畅通;提升通行能力和服务水平。",
    )
    with pytest.raises(ReadError):
        load_text(text, "national.csv")


def test_semicolons_in_a_comma_csv_s_cells_leave_it_comma_separated() -> None:
    """Near miss: a comma-separated file whose cells hold ``;`` and ``；``
    (indicator text) is read by its commas, as before."""
    rows = _list()
    rows[4][6] = "路面优良率;抽检"
    document = load_text(as_csv(rows), "national.csv")
    assert _projects(document) == _projects(csv_document(rows))
    assert document.projects[0].clauses[1].name == "路面优良率;抽检"


def test_a_header_not_split_into_whole_names_is_no_delimiter() -> None:
    """Near miss: a line of text that holds the header words and a ``;``
    (a note quoting the template) is no semicolon-separated header."""
    text = "\n".join(
        [
            "项目支出绩效目标表填报说明",
            "表头为：一级指标 二级指标 三级指标 指标值;按模板填写。",
            "项目名称：农村公路养护经费",
        ]
    )
    with pytest.raises(ReadError):
        load_text(text, "notes.csv")
