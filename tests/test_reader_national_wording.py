"""Wordings of the national template met in provinces' tables: the period
value column under other names (总体目标值, ``2025-2027年指标值``, a plain
指标值 beside 年度指标值), a first column 单位 holding the organisation, an
amount unit stated in one label only, labels with more words (项目名称（全称）,
``项目名称 Project``), the goal labels 中长期目标 / 本年度目标, and a second
header row of English column names. Each is read as a reviewer reads it;
the near misses keep reading as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Clause, Document
from audit.readers import read_path
from tests.conftest import lint
from tests.national import FORM, FORM_MERGES, Rows, as_csv, sheet_document, tsv_document


def values(document: Document, project: int = 0) -> list[tuple[str | None, str | None]]:
    return [
        (c.period.text if c.period else None, c.annual.text if c.annual else None)
        for c in document.projects[project].clauses
        if isinstance(c, Clause)
    ]


def with_values_header(period: str, annual: str = "年度指标值") -> Rows:
    rows = [list(r) for r in FORM]
    rows[6] = ["一级指标", "二级指标", "三级指标", period, annual]
    return rows


def notes_of(rows: Rows, tmp_path: Path) -> list[str]:
    path = tmp_path / "form.csv"
    path.write_text(as_csv(rows), encoding="utf-8")
    notes: list[str] = []
    read_path(path, notes.append)
    return notes


# --------------------------------------------------------------------------
# The period value column under other names


@pytest.mark.parametrize(
    ("period", "annual"),
    [
        ("总体目标值", "年度目标值"),
        ("总体指标值", "年度指标值"),
        ("2025-2027年指标值", "年度指标值"),
        ("2025—2027年度指标值", "2025年度指标值"),
        ("2025年-2027年指标值", "年度指标值"),
        ("中长期指标值", "年度指标值"),
        ("指标值", "年度指标值"),
        ("指标值", "本年度指标值"),
    ],
)
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_the_period_column_under_other_names_is_read(period: str, annual: str, read) -> None:  # type: ignore[no-untyped-def]
    rows = with_values_header(period, annual)
    rows[0][0] = "2025年项目支出绩效目标表"
    document = read(rows, FORM_MERGES) if read is sheet_document else read(rows)
    assert values(document)[:2] == [("≥36场", "≥12场"), ("≥30000份", "≥10000份")]


def test_the_period_column_defects_are_reported() -> None:
    rows = with_values_header("总体目标值", "年度目标值")
    rows[7][3] = "≥6场"  # the term's target below the year's
    rows[9][3] = "≥150%"
    found = {(f.rule, f.clause) for f in lint(tsv_document(rows))}
    assert ("annual-period-mismatch", 1) in found
    assert ("percent-out-of-range", 3) in found


def test_the_period_column_after_the_annual_one() -> None:
    rows = with_values_header("年度指标值", "指标值")
    assert values(tsv_document(rows))[0] == ("≥12场", "≥36场")


@pytest.mark.parametrize("header", ["指标值", "目标值"])
def test_a_single_value_column_stays_the_annual_value(header: str) -> None:
    """Near miss: a grid with one value column reads it as the year's."""
    rows = [[*row[:3], row[4]] for row in with_values_header("实施期指标值")]
    rows[0][0] = "2025年项目支出绩效目标表"
    rows[6][3] = header
    assert values(tsv_document(rows))[0] == (None, "≥12场")


def test_the_period_goal_label_is_not_a_value_column() -> None:
    """Near miss: 总体目标 (a goal) is no 总体目标值."""
    rows = [list(r) for r in FORM]
    rows[5][0] = "总体目标"
    document = tsv_document(rows)
    period_goal = document.projects[0].period_goal
    assert period_goal is not None and period_goal.value.startswith("三年完成")
    assert values(document)[0] == ("≥36场", "≥12场")


def test_a_value_column_the_reader_cannot_place_is_noted(tmp_path: Path) -> None:
    rows = [[*row, ""] for row in with_values_header("实施期指标值")]
    rows[6][5] = "年度指标值"
    rows[7][5] = "≥15场"
    assert values(tsv_document(rows))[0] == ("≥36场", "≥12场")
    assert notes_of(rows, tmp_path) == [
        "line 7, column 6: 「年度指标值」 column not read: "
        "the indicator values are read from other columns"
    ]


def test_a_year_column_beside_the_annual_one_is_noted(tmp_path: Path) -> None:
    rows = [[*row, ""] for row in with_values_header("实施期指标值")]
    rows[6][5] = "2026年"
    assert len(notes_of(rows, tmp_path)) == 1


def test_a_plain_form_gives_no_note(tmp_path: Path) -> None:
    """Near miss: every value column read, none noted."""
    assert notes_of([list(r) for r in FORM], tmp_path) == []
    assert notes_of(with_values_header("指标值"), tmp_path) == []
