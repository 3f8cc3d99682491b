"""The national template's columns beside the values: 指标值说明 (how a value
is set and measured) and 绩效标准 / 评（扣）分标准 (how it is scored). A draft
placeholder left there is ``placeholder``'s; one explanation pasted over a
project's unrelated indicators is ``boilerplate-value``'s. The form is
``tests/national.py``'s, with the column added."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from audit.model import Finding
from tests.conftest import lint
from tests.national import FORM, Rows, sheet_document, tsv_document

NOTES = [
    "按年度工作计划，每月开展讲座不少于1场",
    "以辖区常住人口档案数为基数测算",
    "按省级档案质量评估标准抽查",
    "以年度问卷调查结果为准",
    "委托第三方开展满意度调查",
]
"""One explanation for each of the form's five indicators."""
PASTED = "根据项目实际情况设定，确保完成"


def with_column(header: str, notes: Sequence[str]) -> Rows:
    """The form with a column after its values, one cell for each indicator."""
    rows: Rows = [list(row) for row in FORM]
    grid = next(n for n, row in enumerate(rows) if row[0] == "一级指标")
    for row in rows[:grid]:
        row.append("")
    rows[grid].append(header)
    for row, note in zip(rows[grid + 1 :], notes, strict=True):
        row.append(note)
    return rows


def found(rows: Rows, rule: str) -> list[Finding]:
    return lint(tsv_document(rows), [rule])


def test_one_explanation_pasted_over_every_indicator_is_boilerplate() -> None:
    (finding,) = found(with_column("指标值说明", [PASTED] * 5), "boilerplate-value")
    assert (finding.field, finding.clause, finding.excerpt) == ("note", 1, PASTED)
    assert finding.message == (
        f"说明栏「{PASTED}」重复填写在5条指标上（健康讲座场次、健康档案更新份数、档案规范率、"
        "居民健康知识知晓率…），它们分属4个类别：说明应针对每条指标写明指标值如何设定、如何衡量"
    )


def test_a_workbook_reports_it_at_the_first_note_cell() -> None:
    (finding,) = lint(
        sheet_document(with_column("指标值说明", [PASTED] * 5)), ["boilerplate-value"]
    )
    assert finding.location == "Sheet1!F8"


@pytest.mark.parametrize(
    ("header", "notes"),
    [
        ("指标值说明", NOTES),  # each indicator its own
        ("指标值说明", ["无"] * 5),  # nothing to explain: no sentence
        ("指标值说明", ["", "", "", "", ""]),
        # the same sentence on indicators of two categories only
        ("指标值说明", [PASTED, PASTED, PASTED, "以年度问卷调查结果为准", "委托第三方开展调查"]),
        # a scoring rule that holds for every indicator
        ("评（扣）分标准", ["完成得满分，未完成按比例扣分"] * 5),
        ("绩效标准", ["计划标准"] * 5),
        ("指标值说明", ["数据来源：医保信息平台统计报表"] * 5),  # one source, a fact
        ("指标值说明", ["参照行业标准"] * 5),  # a basis from the template's list
        # the same sentence on fewer than half of the indicators
        ("指标值说明", [PASTED, PASTED, *NOTES[2:]]),
    ],
)
def test_notes_that_are_no_pasted_explanation(header: str, notes: list[str]) -> None:
    assert found(with_column(header, notes), "boilerplate-value") == []


@pytest.mark.parametrize(
    ("header", "field", "words"),
    [
        ("指标值说明", "note", "说明栏"),
        ("备注", "note", "说明栏"),
        ("绩效标准", "standard", "标准栏"),
    ],
)
@pytest.mark.parametrize("placeholder", ["待补充", "XXX"])
def test_a_placeholder_in_a_note_column(
    header: str, field: str, words: str, placeholder: str
) -> None:
    notes = [*NOTES[:2], f"按{placeholder}标准抽查", *NOTES[3:]]
    (finding,) = found(with_column(header, notes), "placeholder")
    assert (finding.field, finding.clause, finding.excerpt) == (field, 3, placeholder)
    assert finding.message == f"{words}含占位文字「{placeholder}」：应填写实际内容"


@pytest.mark.parametrize("note", ["同上", "略", "见上栏", "（同上）"])
def test_a_note_that_points_to_the_one_above_is_no_placeholder(note: str) -> None:
    notes = [NOTES[0], note, *NOTES[2:]]
    assert found(with_column("指标值说明", notes), "placeholder") == []
