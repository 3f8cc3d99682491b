"""A national list with a column headed by a bare word of the term
(``实施周期``) that holds each project's term (``三年``, ``2024-2026年``) on its
first row: the project's term, as a 项目期 column is, not the indicators'
period values. A column under the same word that holds targets stays the
period values."""

from __future__ import annotations

import pytest

from audit.model import Document
from tests.conftest import lint
from tests.national import Rows, csv_document, sheet_document, tsv_document

_WIDTH = 9


def _list(head: str, first: str, second: str, value_head: str = "指标值") -> Rows:
    return [
        ["2025年项目支出绩效目标表", *[""] * (_WIDTH - 1)],
        [
            "单位名称",
            "项目名称",
            head,
            "预算数",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            value_head,
        ],
        [
            "某县水利局",
            "小型水库除险加固",
            first,
            "480.00",
            "完成3座小型水库除险加固，消除安全隐患，保障下游群众生命财产安全。",
            "产出指标",
            "数量指标",
            "除险加固水库数量",
            "3座",
        ],
        ["", "", "", "", "", "效益指标", "社会效益指标", "受益人口", "≥1.2万人"],
        ["", "", "", "", "", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
        [
            "",
            "农村饮水工程维护",
            second,
            "120.00",
            "维护农村集中供水工程20处，保障农村群众饮水安全，提高供水保证率。",
            "产出指标",
            "数量指标",
            "维护工程处数",
            "20处",
        ],
        ["", "", "", "", "", "效益指标", "社会效益指标", "农村自来水普及率", "≥93%"],
        ["", "", "", "", "", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]


_MERGES = [(0, 0, 0, _WIDTH - 1), (2, 0, 7, 0), *((2, c, 4, c) for c in range(1, 5))]
_MERGES += [(5, c, 7, c) for c in range(1, 5)]


def _sheet(rows: Rows) -> Document:
    """The workbook: the project columns merged down over each project's rows."""
    filled = [list(row) for row in rows]
    for top, left, bottom, _ in _MERGES[1:]:
        for row in range(top + 1, bottom + 1):
            filled[row][left] = filled[top][left]
    return sheet_document(filled, _MERGES)


def _terms(document: Document) -> list[tuple[str | None, int | None]]:
    return [
        (project.term.value if project.term else None, project.term_length)
        for project in document.projects
    ]


def _values(document: Document) -> list[list[tuple[str | None, str | None]]]:
    return [
        [
            (
                clause.period.text if clause.period else None,
                clause.annual.text if clause.annual else None,
            )
            for clause in project.clauses
        ]
        for project in document.projects
    ]


@pytest.mark.parametrize(
    ("first", "second", "terms"),
    [
        ("三年", "2024-2026年", [("三年", 3), ("2024-2026年", 3)]),
        ("2025年", "2024.01-2026.12", [("2025年", 1), ("2024.01-2026.12", 3)]),
        ("36个月", "“十四五”期间", [("36个月", 3), ("“十四五”期间", 5)]),
    ],
)
def test_a_column_of_terms_is_each_project_s_term(
    first: str, second: str, terms: list[tuple[str, int]]
) -> None:
    rows = _list("实施周期", first, second)
    for document in (tsv_document(rows), csv_document(rows), _sheet(rows)):
        assert _terms(document) == terms
        assert _values(document) == [
            [(None, "3座"), (None, "≥1.2万人"), (None, "≥90%")],
            [(None, "20处"), (None, "≥93%"), (None, "≥90%")],
        ]
        assert lint(document, ["annual-period-mismatch", "empty-value"]) == []


def test_beside_the_year_s_column_the_values_column_holds_the_period_s() -> None:
    rows = _list("实施期", "三年", "2024-2026年", value_head="年度指标值")
    for row in rows[1:]:
        row.append(row[-1])
    rows[1][-2] = "指标值"
    rows[2][-2] = "9座"
    document = tsv_document(rows)
    assert _terms(document) == [("三年", 3), ("2024-2026年", 3)]
    assert _values(document)[0][0] == ("9座", "3座")
    assert lint(document, ["annual-period-mismatch"]) == []


def test_the_period_values_column_right_of_the_terms_is_read() -> None:
    """实施周期 (the terms) and 实施周期指标值 (the period's targets) in one
    header: each column is read for what it holds."""
    rows = _list("实施周期", "三年", "2024-2026年", value_head="年度指标值")
    for row in rows[1:]:
        row.insert(8, row[8])
    rows[0].append("")
    rows[1][8], rows[2][8] = "实施周期指标值", "9座"
    document = tsv_document(rows)
    assert _terms(document) == [("三年", 3), ("2024-2026年", 3)]
    assert _values(document)[0] == [("9座", "3座"), ("≥1.2万人", "≥1.2万人"), ("≥90%", "≥90%")]
    assert lint(document, ["annual-period-mismatch", "empty-value"]) == []


def test_a_column_of_targets_under_the_term_s_word_stays_the_period_values() -> None:
    """Near miss: 实施周期 | 年度 over targets (the period's and the year's):
    the period values, though one of them is a number of years."""
    rows = _list("实施周期", "9座", "60处", value_head="年度")
    rows[3][2], rows[4][2] = "3年", "≥90%"
    rows[6][2], rows[7][2] = "≥95%", "≥90%"
    document = tsv_document(rows)
    assert _terms(document) == [(None, None), (None, None)]
    assert _values(document)[0] == [("9座", "3座"), ("3年", "≥1.2万人"), ("≥90%", "≥90%")]


def test_a_deadline_under_the_term_s_word_is_a_target() -> None:
    """Near miss: a column of deadlines (2025年12月) is no column of terms."""
    rows = _list("实施周期", "2025年12月", "2026年6月")
    document = tsv_document(rows)
    assert _terms(document) == [(None, None), (None, None)]
    assert _values(document)[0][0] == ("2025年12月", "3座")


def test_a_column_of_period_values_keeps_its_name() -> None:
    """Near miss: 实施周期指标值 holds the period's targets whatever they read."""
    rows = _list("实施周期指标值", "三年", "2024-2026年")
    assert _terms(tsv_document(rows)) == [(None, None), (None, None)]
