"""Goals labelled in one row and written below (the Ministry's mid-term form:
``总体目标 | 中期目标（2025年-2027年） | 年度目标`` over the goal cells): a
年度目标 left blank under its label is a missing goal; the 中期目标 beside it
does not stand in for it. A form without a 年度目标 label keeps its period
goal as the project's goal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document
from tests.conftest import lint
from tests.national import (
    FORM,
    Merge,
    Rows,
    sheet_document,
    tsv_document,
    workbook_document,
)

PERIOD = "三年完成辖区居民健康档案规范化管理，开展健康教育。"
ANNUAL = "本年度完成辖区居民健康档案更新，开展健康讲座十二场。"
# FORM's merges with the two goal rows in place of its one goal row.
MERGES: list[Merge] = [(0, 0, 0, 4), (1, 0, 1, 4), (5, 0, 6, 0), (8, 0, 10, 0), (8, 1, 9, 1)]


def ministry(period: str, annual: str, labels: tuple[str, str] | None = None) -> Rows:
    """The form with its goals labelled in one row and written below."""
    first, second = labels or ("中期目标（2025年-2027年）", "年度目标")
    rows = [list(row) for row in FORM]
    rows[5:6] = [["总体目标", first, "", second, ""], ["", period, "", annual, ""]]
    return rows


def documents(rows: Rows, folder: Path | None = None) -> list[Document]:
    found = [tsv_document(rows), sheet_document(rows, MERGES)]
    if folder is not None:
        found.append(workbook_document(rows, MERGES, folder))
    return found


def goal_findings(document: Document) -> list[tuple[str, str | None]]:
    return [(f.rule, f.project) for f in lint(document, ["missing-goal"])]


@pytest.mark.parametrize(
    "labels",
    [None, ("中期目标（2025年-2027年）", "年度目标（2025年）"), ("实施期目标", "本年度目标")],
    ids=["ministry", "years-named", "other-words"],
)
def test_a_blank_annual_goal_under_its_label_is_missing(
    tmp_path: Path, labels: tuple[str, str] | None
) -> None:
    for document in documents(ministry(PERIOD, "", labels), tmp_path):
        project = document.projects[0]
        assert project.goal is None
        assert project.period_goal is not None and project.period_goal.value == PERIOD
        assert goal_findings(document) == [("missing-goal", "社区公共卫生服务经费")]


def test_both_goals_written_read_the_annual_one(tmp_path: Path) -> None:
    for document in documents(ministry(PERIOD, ANNUAL), tmp_path):
        project = document.projects[0]
        assert project.goal is not None and project.goal.value == ANNUAL
        assert goal_findings(document) == []


def test_a_blank_period_goal_beside_the_annual_one_is_no_missing_goal() -> None:
    for document in documents(ministry("", ANNUAL)):
        assert document.projects[0].goal is not None
        assert goal_findings(document) == []


def test_a_form_without_an_annual_label_keeps_its_period_goal() -> None:
    rows = [list(row) for row in FORM]
    rows[5:6] = [["总体目标", "实施期目标", "", "", ""], ["", PERIOD, "", "", ""]]
    for document in documents(rows):
        project = document.projects[0]
        assert project.goal is not None and project.goal.value == PERIOD
        assert goal_findings(document) == []


def test_the_annual_goal_in_the_second_cell_of_its_merged_label() -> None:
    # 年度目标 merged over two columns, its goal written in the right one.
    rows = ministry(PERIOD, "")
    rows[5] = ["总体目标", "中期目标", "", "年度目标", "年度目标"]
    rows[6][4] = ANNUAL
    document = tsv_document(rows)
    assert document.projects[0].goal is not None
    assert document.projects[0].goal.value == ANNUAL


@given(st.sampled_from(["", " ", "\u3000"]), st.booleans())
def test_a_goal_cell_of_spaces_is_blank(blank: str, annual_blank: bool) -> None:
    rows = ministry(blank if not annual_blank else PERIOD, blank if annual_blank else ANNUAL)
    findings = goal_findings(tsv_document(rows))
    assert findings == ([("missing-goal", "社区公共卫生服务经费")] if annual_blank else [])
