"""The MoF template's numbered prompts (``目标1：`` in a goal cell, ``指标1：``
in a 三级指标 cell): with nothing after them they are blanks; before a text
they are not part of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause, Source, Text
from audit.readers.national import without_goal_prompts, without_name_prompt
from tests.conftest import lint
from tests.national import (
    FORM,
    FORM_MERGES,
    LIST,
    LIST_MERGES,
    sheet_document,
    with_cells,
    workbook_document,
)

PROMPTS = "目标1：\n目标2：\n目标3："
PERIOD_GOAL = (5, 1)
ANNUAL_GOAL = (5, 3)
FIRST_NAME = (7, 2)


def _text(value: str) -> Text:
    return Text.at(Source("table.txt", value), 0)


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("目标1：\n目标2：\n目标3：", ""),
        ("目标1：目标2：目标3：", ""),
        ("目标1：", ""),
        ("目标一：", ""),
        ("目标1：完成健康档案更新。", "完成健康档案更新。"),
        ("目标1：完成档案更新；目标2：开展讲座12场。", "完成档案更新；开展讲座12场。"),
        ("目标1：完成档案更新\n目标2：开展讲座12场\n目标3：", "完成档案更新\n开展讲座12场"),
        ("年度目标1：完成档案更新。", "完成档案更新。"),
        # Near misses: 目标 as a word of the goal, no prompt.
        ("完成年度目标3个方面的任务。", "完成年度目标3个方面的任务。"),
        ("实现目标：辖区居民健康档案全覆盖。", "实现目标：辖区居民健康档案全覆盖。"),
        ("确保目标1项不少于12场。", "确保目标1项不少于12场。"),
    ],
)
def test_goal_prompts_are_no_content(cell: str, read: str) -> None:
    goal = without_goal_prompts(_text(cell))
    assert goal.value == read
    if read:  # the text kept maps to its place in the cell
        start = cell.index(read[:4])
        assert goal.origin(0) == start


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("指标1：资助代表性传承人人数", "资助代表性传承人人数"),
        ("指标12: 传承人满意度", "传承人满意度"),
        ("指标1：", ""),
        ("指标 3 ：", ""),
        # Near misses: 指标 as a word of the name, or the template heading
        # without a colon (the placeholder rule's).
        ("指标完成率", "指标完成率"),
        ("指标1", "指标1"),
        ("考核指标1：完成率", "考核指标1：完成率"),
    ],
)
def test_name_prompt_is_no_part_of_the_name(cell: str, read: str) -> None:
    assert without_name_prompt(_text(cell)).value == read


def _goals(rows: list[list[str]]) -> tuple[str | None, str | None]:
    project = sheet_document(rows, FORM_MERGES).projects[0]
    goal = None if project.goal is None else project.goal.value
    period = None if project.period_goal is None else project.period_goal.value
    return goal, period


def test_a_goal_of_prompts_only_is_missing() -> None:
    rows = with_cells(FORM, {ANNUAL_GOAL: PROMPTS, PERIOD_GOAL: PROMPTS})
    document = sheet_document(rows, FORM_MERGES)
    assert _goals(rows) == (None, None)
    findings = lint(document, ["missing-goal", "goal-too-short"])
    assert [f.rule for f in findings] == ["missing-goal"]


def test_an_annual_goal_of_prompts_only_is_missing_beside_a_period_goal() -> None:
    rows = with_cells(FORM, {ANNUAL_GOAL: PROMPTS})
    assert _goals(rows) == (None, FORM[5][1])
    assert [f.rule for f in lint(sheet_document(rows, FORM_MERGES), ["missing-goal"])] == [
        "missing-goal"
    ]


def test_a_goal_written_after_its_prompts_keeps_its_text() -> None:
    annual = "目标1：本年度完成辖区居民健康档案更新；\n目标2：开展健康讲座十二场。\n目标3："
    rows = with_cells(FORM, {ANNUAL_GOAL: annual})
    goal, _ = _goals(rows)
    assert goal == "本年度完成辖区居民健康档案更新；\n开展健康讲座十二场。"
    document = sheet_document(rows, FORM_MERGES)
    assert lint(document, ["missing-goal", "goal-too-short"]) == []


def test_a_goal_of_prompts_only_in_a_real_workbook(tmp_path: Path) -> None:
    rows = with_cells(FORM, {ANNUAL_GOAL: PROMPTS, PERIOD_GOAL: PROMPTS})
    document = workbook_document(rows, FORM_MERGES, tmp_path)
    findings = lint(document, ["missing-goal", "goal-too-short"])
    assert [f.rule for f in findings] == ["missing-goal"]


def test_a_list_goal_of_prompts_only_is_missing() -> None:
    rows = with_cells(LIST, {(3, 3): PROMPTS})
    document = sheet_document(rows, LIST_MERGES)
    first = document.projects[0]
    assert first.goal is None
    assert document.projects[1].goal is not None
    missing = lint(document, ["missing-goal"])
    assert [f.rule for f in missing] == ["missing-goal"]


def _names(rows: list[list[str]]) -> list[str]:
    clauses = sheet_document(rows, FORM_MERGES).projects[0].clauses
    return [c.name for c in clauses if isinstance(c, Clause)]


def test_indicator_names_are_read_without_their_prompts() -> None:
    rows = with_cells(
        FORM,
        {(7 + i, 2): f"指标{i + 1}：{FORM[7 + i][2]}" for i in range(len(FORM) - 7)},
    )
    assert _names(rows) == [row[2] for row in FORM[7:]]
    assert lint(sheet_document(rows, FORM_MERGES), ["placeholder"]) == []


def test_template_rows_left_with_their_prompt_are_empty_rows() -> None:
    left = [
        ["效益指标", "可持续影响指标", "指标1：", "", ""],
        ["效益指标", "生态效益指标", "指标1：", "", ""],
    ]
    rows = [list(row) for row in FORM] + left
    document = sheet_document(rows, FORM_MERGES)
    assert len(document.projects[0].clauses) == len(FORM) - 7
    findings = lint(document, ["empty-row", "duplicate-indicator", "empty-value"])
    assert [(f.rule, f.location) for f in findings] == [
        ("empty-row", f"Sheet1!B{len(FORM) + 1}"),
        ("empty-row", f"Sheet1!B{len(FORM) + 2}"),
    ]


def test_a_name_in_which_zhibiao_is_a_word_is_kept() -> None:
    rows = with_cells(FORM, {FIRST_NAME: "指标完成率"})
    assert _names(rows)[0] == "指标完成率"


_PIECE = st.text(alphabet="完成档案更新开展讲座场次居民健康率", min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), _PIECE), min_size=1, max_size=4), st.sampled_from("\n；"))
def test_goal_prompts_leave_exactly_the_text_written(
    pieces: list[str | None], separator: str
) -> None:
    """Whatever is written after each prompt (or nothing), the goal reads
    the texts written, in order, and nothing of the prompts."""
    cell = separator.join(f"目标{n}：{piece or ''}" for n, piece in enumerate(pieces, start=1))
    goal = without_goal_prompts(_text(cell))
    written = [piece for piece in pieces if piece]
    assert "目标" not in goal.value
    assert goal.value.replace(separator, "") == "".join(written)
    for piece in written:
        assert goal.value.count(piece) >= 1
