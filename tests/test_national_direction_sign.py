"""The comparator a 指标方向 column states is kept on each indicator row
(``IndicatorCells.extras["sign"]``, at the direction cell), whether the value
took it (a bare ``90 | % | 正向``) or writes its own comparator. A comparator
written against the direction (``≥ | 90 | % | 反向``, ``≤5% | 正向``) is an
inconsistency a reviewer marks: the model keeps both sides of it, so a rule
can compare the sign with the parsed value's comparator."""

from __future__ import annotations

import pytest

from audit.model import Clause, Document, IndicatorCells
from tests.national import FORM, Rows, csv_document, sheet_document, tsv_document

TOP = [[*row[:5], "", ""] for row in FORM[2:6]]
LIST_HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标方向"]
FORM_HEADER = ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "权重"]

_FAMILY = {">=": "≥", ">": "≥", "<=": "≤", "<": "≤"}
"""A parsed comparator's direction: a floor (≥) or a cap (≤)."""
_SIGN_FAMILY = {"≥": "≥", ">": "≥", "≤": "≤", "<": "≤"}


def contradictions(document: Document) -> list[tuple[str, str, str]]:
    """(indicator, written value, sign) where the value's comparator points
    the other way from its 指标方向: what the rule reporting it compares."""
    found = []
    for project in document.projects:
        for clause in project.clauses:
            assert isinstance(clause, Clause)
            cells: IndicatorCells = project.cells[clause.number - 1]
            sign = cells.extras.get("sign")
            if sign is None:
                continue
            for field in clause.fields:
                written = _FAMILY.get(field.value.comparator or "")
                stated = _SIGN_FAMILY.get(sign.value)
                if written is not None and stated is not None and written != stated:
                    found.append((clause.name, field.text, sign.value))
    return found


def documents(rows: Rows) -> list[Document]:
    return [tsv_document(rows), csv_document(rows), sheet_document(rows)]


def test_a_comparator_column_against_the_direction_is_kept_with_its_sign() -> None:
    rows = [
        *TOP,
        LIST_HEADER,
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥", "90", "%", "反向"],
        ["产出指标", "质量指标", "档案规范率", "≥", "95", "%", "正向"],
    ]
    for document in documents(rows):
        (project,) = document.projects
        sign = project.cells[0].extras["sign"]
        assert sign.value == "≤"
        assert sign.span() == project.cells[0].extras["direction"].span().sub(0, 1)
        assert contradictions(document) == [("居民满意度", "≥90%", "≤")]


def test_a_value_s_own_comparator_against_the_direction_is_kept_with_its_sign() -> None:
    rows = [
        *TOP,
        FORM_HEADER,
        ["效益指标", "社会效益指标", "适龄儿童疫苗接种率", "正向", "≤5%", "", "10"],
        ["产出指标", "成本指标", "单次宣讲成本", "反向", "不低于0.3", "万元", "10"],
        ["产出指标", "数量指标", "健康讲座场次", "正向", "≥12", "场", "10"],
    ]
    for document in documents(rows):
        assert contradictions(document) == [
            ("适龄儿童疫苗接种率", "≤5%", "≥"),
            ("单次宣讲成本", "不低于0.3万元", "≤"),
        ]


@pytest.mark.parametrize(
    ("direction", "value", "unit"),
    [
        ("正向", "90", "%"),  # a bare value takes its direction
        ("反向", "4.4", "万元"),
        ("正向", "=100", "%"),  # a fixed target on a measure raised: no contradiction
        ("正向", "明显改善", ""),  # text has no comparator
        ("越小越好", "≤24", "小时"),
    ],
)
def test_a_value_that_agrees_with_its_direction_is_no_contradiction(
    direction: str, value: str, unit: str
) -> None:
    rows = [*TOP, FORM_HEADER, ["产出指标", "质量指标", "档案规范率", direction, value, unit, "10"]]
    for document in documents(rows):
        assert document.projects[0].cells[0].extras["sign"].value in ("≥", "≤")
        assert contradictions(document) == []


@pytest.mark.parametrize("direction", ["", "/", "定性", "中性"])
def test_a_direction_cell_that_states_none_gives_no_sign(direction: str) -> None:
    rows = [*TOP, FORM_HEADER, ["产出指标", "质量指标", "档案规范率", direction, "≤5", "%", "10"]]
    for document in documents(rows):
        assert "sign" not in document.projects[0].cells[0].extras
        assert contradictions(document) == []
