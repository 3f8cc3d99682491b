"""A list whose 指标值 heading stands over its parts on a second header row
named 指标方向 | 数值 | 单位 (the direction as the comparator), as a
workbook merges it and as a TSV or CSV saved from it gives it unmerged
(指标值 in the first cell, the cells beside it blank): each value is
composed from its parts (``≥ | 120 | 万平方米`` is ``≥120万平方米``), never
read as the comparator alone."""

from __future__ import annotations

from audit.model import Clause, Document
from audit.pipeline import load_path
from tests.conftest import FIXTURES, lint
from tests.national import Rows, csv_document, sheet_document, tsv_document

_FIXTURE = FIXTURES / "unseen" / "list-value-parts-head.tsv"

_EXPECTED = [
    ("养护绿地面积", "≥120万平方米"),
    ("苗木成活率", "≥95%"),
    ("城区绿化覆盖率", "≥42%"),
    ("市民满意度", "≥90%"),
]


def _values(document: Document) -> list[tuple[str, str]]:
    (project,) = document.projects
    found = []
    for clause in project.clauses:
        assert isinstance(clause, Clause)
        (field,) = clause.fields
        found.append((clause.name, field.text))
    return found


def _rows() -> Rows:
    return [line.split("\t") for line in _FIXTURE.read_text(encoding="utf-8").splitlines() if line]


def test_the_fixture_composes_each_value_from_its_parts() -> None:
    document = load_path(_FIXTURE)
    assert _values(document) == _EXPECTED
    assert lint(document, ["missing-unit", "not-quantified", "comparator-against-sign"]) == []


def test_csv_and_a_merged_sheet_read_the_same() -> None:
    rows = _rows()
    merges = [(0, c, 1, c) for c in range(5)] + [(0, 5, 0, 7), (2, 0, 5, 0), (2, 1, 5, 1)]
    for document in (csv_document(rows), sheet_document(rows, merges)):
        assert _values(document) == _EXPECTED


def test_a_direction_in_words_bounds_the_value_as_the_domain_reads_it() -> None:
    """正向 under 指标方向 is a floor, 反向 a cap; a blank direction leaves
    the number and its unit as they are (no comparator is made up)."""
    for direction, expected in (("正向", "≥"), ("反向", "≤"), ("", "")):
        rows = _rows()
        for row in rows[2:]:
            row[5] = direction
        assert [value for _, value in _values(tsv_document(rows))] == [
            f"{expected}120万平方米",
            f"{expected}95%",
            f"{expected}42%",
            f"{expected}90%",
        ], direction


def test_a_column_of_the_value_s_kind_is_no_value() -> None:
    """指标值类型 (定量/定性) beside 指标值 names the kind of the value, as
    指标性质 does: the value is 指标值's, composed with its unit."""
    for head in ("指标值类型", "指标值性质", "指标性质"):
        rows = [
            [
                "项目名称",
                "预算数（万元）",
                "一级指标",
                "二级指标",
                "三级指标",
                head,
                "指标值",
                "计量单位",
            ],
            [
                "公共图书馆免费开放",
                "220.00",
                "产出指标",
                "数量指标",
                "年接待读者人次",
                "定量",
                "≥30",
                "万人次",
            ],
            ["", "", "效益指标", "社会效益指标", "全民阅读氛围", "定性", "明显提升", ""],
        ]
        document = tsv_document(rows)
        assert _values(document) == [("年接待读者人次", "≥30万人次"), ("全民阅读氛围", "明显提升")]
        (project,) = document.projects
        assert [cells.extras["nature"].value for cells in project.cells] == ["定量", "定性"]
