"""A national form whose value heading stands over the value's parts on a
second header row (``年度指标值`` over ``符号 | 数值 | 单位``), one group per
side when the form has both (实施期指标值 and 年度指标值): each side's value
is composed from the parts under its own heading."""

from __future__ import annotations

import pytest

from audit.model import Clause, Document
from tests.national import Merge, Rows, csv_document, sheet_document, tsv_document

_HEAD: Rows = [
    ["项目支出绩效目标表", "", "", "", "", "", "", "", ""],
    ["项目名称", "社区矫正工作经费", "主管部门", "某区司法局", "", "", "", "", ""],
    ["资金总额（万元）", "45.00", "财政拨款", "45.00", "", "", "", "", ""],
    [
        "年度目标",
        "做好社区矫正对象监督管理和教育帮扶，全年开展集中教育12次。",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
]


def _annual_only() -> Rows:
    return [
        *(row[:6] for row in _HEAD),
        ["一级指标", "二级指标", "三级指标", "年度指标值", "", ""],
        ["", "", "", "符号", "数值", "单位"],
        ["产出指标", "数量指标", "开展集中教育次数", "=", "12", "次"],
        ["", "", "走访社区矫正对象人次", "≥", "600", "人次"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"],
    ]


def _both() -> Rows:
    return [
        *_HEAD,
        ["一级指标", "二级指标", "三级指标", "实施期指标值", "", "", "年度指标值", "", ""],
        ["", "", "", "符号", "数值", "单位", "符号", "数值", "单位"],
        ["产出指标", "数量指标", "开展集中教育次数", "=", "36", "次", "=", "12", "次"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "≥", "90", "%"],
    ]


_DOWN: list[Merge] = [(4, 0, 5, 0), (4, 1, 5, 1), (4, 2, 5, 2)]


def _values(document: Document) -> list[tuple[str, str | None, str | None]]:
    (project,) = document.projects
    found = []
    for clause in project.clauses:
        assert isinstance(clause, Clause)
        fields = {field.keyword: field.text for field in clause.fields}
        period = next((text for key, text in fields.items() if "年度" not in key), None)
        annual = next((text for key, text in fields.items() if "年度" in key), None)
        found.append((clause.name, period, annual))
    return found


@pytest.mark.parametrize(
    "read",
    [tsv_document, csv_document, lambda rows: sheet_document(rows, [*_DOWN, (4, 3, 4, 5)])],
)
def test_the_parts_under_the_annual_heading_are_its_value(read) -> None:  # type: ignore[no-untyped-def]
    assert _values(read(_annual_only())) == [
        ("开展集中教育次数", None, "=12次"),
        ("走访社区矫正对象人次", None, "≥600人次"),
        ("群众满意度", None, "≥90%"),
    ]


@pytest.mark.parametrize(
    "read",
    [tsv_document, lambda rows: sheet_document(rows, [*_DOWN, (4, 3, 4, 5), (4, 6, 4, 8)])],
)
def test_each_side_takes_the_parts_under_its_own_heading(read) -> None:  # type: ignore[no-untyped-def]
    assert _values(read(_both())) == [
        ("开展集中教育次数", "=36次", "=12次"),
        ("群众满意度", "≥90%", "≥90%"),
    ]


def test_a_unit_column_on_the_header_row_is_read_as_before() -> None:
    """Near miss: 指标值 | 计量单位 on one header row, the first indicator
    right under it: no second header row."""
    rows = [
        *(row[:5] for row in _HEAD),
        ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
        ["产出指标", "数量指标", "开展集中教育次数", "12", "次"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%"],
    ]
    assert _values(tsv_document(rows)) == [
        ("开展集中教育次数", None, "12次"),
        ("群众满意度", None, "≥90%"),
    ]
