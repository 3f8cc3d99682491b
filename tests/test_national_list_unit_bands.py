"""A list without a 单位名称 column that parts its projects by unit with a
row naming the unit alone (``一、某区城市管理局本级``), merged across the
row in a workbook or in the 项目名称 cell of a CSV: the projects below are
that unit's. The row is neither a project (with no amounts, no goal and no
indicators) nor a note to drop."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document, Text
from audit.pipeline import load_path
from audit.readers.national import _unit_band
from tests.conftest import FIXTURES, lint
from tests.national import (
    Rows,
    csv_document,
    docx_document,
    html_document,
    pdf_document,
    sheet_document,
)

_FIXTURE = FIXTURES / "unseen" / "list-unit-bands.csv"

_HEADER = ["项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"]
_CITY = ["市容环境整治", "300.00", "整治背街小巷50条，市容环境明显改善。"]
_SWEEP = ["道路清扫保洁", "1,250.00", "完成城区主次干道清扫保洁，保洁率达98%。"]


def _rows(first: str, second: str) -> Rows:
    return [
        ["2025年项目支出绩效目标表", "", "", "", "", "", ""],
        ["单位：万元", "", "", "", "", "", ""],
        _HEADER,
        [first, "", "", "", "", "", ""],
        [*_CITY, "产出指标", "数量指标", "整治背街小巷数量", "≥50条"],
        ["", "", "", "满意度指标", "服务对象满意度指标", "市民满意度", "≥85%"],
        [second, "", "", "", "", "", ""],
        [*_SWEEP, "产出指标", "数量指标", "清扫保洁面积", "≥300万平方米"],
        ["", "", "", "产出指标", "质量指标", "道路保洁达标率", "≥98%"],
    ]


def _merged(rows: Rows) -> Document:
    """As a workbook gives it: each band merged across the row."""
    merges = [(0, 0, 0, 6), (1, 0, 1, 6), (3, 0, 3, 6), (6, 0, 6, 6)]
    merges += [(4, c, 5, c) for c in range(3)] + [(7, c, 8, c) for c in range(3)]
    filled = [list(row) for row in rows]
    for top in (3, 6):
        filled[top] = [rows[top][0]] * 7
    return sheet_document(filled, merges)


def _read(document: Document) -> list[tuple[str, list[tuple[str, Decimal | None, int]]]]:
    return [
        (
            unit.name.value,
            [(p.name.value, p.amounts.value("total"), len(p.clauses)) for p in unit.projects],
        )
        for unit in document.units
    ]


_EXPECTED = [
    ("某区城市管理局本级", [("市容环境整治", Decimal("300.00"), 2)]),
    ("某区环境卫生管理所", [("道路清扫保洁", Decimal("1250.00"), 2)]),
]


def test_the_fixture_reads_two_units_of_one_project_each() -> None:
    document = load_path(_FIXTURE)
    assert _read(document) == _EXPECTED
    assert lint(document, ["amount-format", "missing-goal"]) == []


def test_a_band_merged_across_a_sheet_names_the_unit() -> None:
    document = _merged(_rows("一、某区城市管理局本级", "二、某区环境卫生管理所"))
    assert _read(document) == _EXPECTED


def test_a_band_on_a_web_page_in_a_word_file_or_a_pdf_names_the_unit(tmp_path: Path) -> None:
    rows = _rows("一、某区城市管理局本级", "二、某区环境卫生管理所")
    merges = [(3, 0, 3, 6), (6, 0, 6, 6)]
    merges += [(4, c, 5, c) for c in range(3)] + [(7, c, 8, c) for c in range(3)]
    for write in (html_document, docx_document, pdf_document):
        folder = tmp_path / write.__name__
        folder.mkdir()
        assert _read(write(rows, merges, folder)) == _EXPECTED, write.__name__


def test_bands_numbered_otherwise_or_not_at_all_name_the_unit() -> None:
    for first, second in [
        ("（一）某区城市管理局本级", "（二）某区环境卫生管理所"),
        ("1、某区城市管理局本级", "2、某区环境卫生管理所"),
        ("某区城市管理局本级", "某区环境卫生管理所"),
    ]:
        assert _read(csv_document(_rows(first, second))) == _EXPECTED, first


def test_a_project_named_alone_on_its_row_stays_a_project() -> None:
    """Near miss: a name that is no organisation's (a project's, whose
    amounts and indicators the page lost) alone on its row is a project."""
    rows = _rows("一、某区城市管理局本级", "城区公厕改造提升")
    document = csv_document(rows)
    (unit,) = document.units
    assert unit.name.value == "某区城市管理局本级"
    assert [p.name.value for p in unit.projects] == [
        "市容环境整治",
        "城区公厕改造提升",
        "道路清扫保洁",
    ]


def test_a_list_with_a_unit_column_takes_its_units_from_the_column() -> None:
    """Near miss: where the list has a 单位名称 column, a row naming an
    organisation alone in 项目名称 is read as before (the column names units)."""
    rows = [
        ["单位名称", *_HEADER],
        ["某区城市管理局", *_CITY, "产出指标", "数量指标", "整治背街小巷数量", "≥50条"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "市民满意度", "≥85%"],
    ]
    document = csv_document(rows)
    assert [u.name.value for u in document.units] == ["某区城市管理局"]
    assert [p.name.value for p in document.projects] == ["市容环境整治"]


def _cell(value: str) -> Text:
    return Text(value, "band.csv", ((0, 0),))


_NUMBERS = st.sampled_from(["", "一、", "二、", "十二、", "（三）", "(四)", "3、", "１２、"])
_PLACES = st.text(alphabet="东西南北中华新城乡河山", min_size=1, max_size=6)
_ORGANISATIONS = st.sampled_from(["局", "中心", "管理所", "学校", "卫生院", "局本级", "街道办事处"])


@given(_NUMBERS, _PLACES, _ORGANISATIONS)
def test_a_band_gives_the_organisation_without_its_part_number(
    number: str, place: str, organisation: str
) -> None:
    columns = {"project": 0, "amount": 1, "name": 2}
    name = f"某区{place}{organisation}"
    band = _unit_band([_cell(number + name), _cell(""), _cell("")], columns)
    assert band is not None and band.value == name


@given(_NUMBERS, _PLACES, st.sampled_from(["经费", "项目", "补助", "建设", "维护费"]))
def test_a_band_never_names_what_is_no_organisation(number: str, place: str, tail: str) -> None:
    columns = {"project": 0, "amount": 1, "name": 2}
    assert _unit_band([_cell(f"{number}{place}{tail}"), _cell(""), _cell("")], columns) is None


@given(_PLACES, _ORGANISATIONS)
def test_a_row_with_more_than_its_name_is_no_band(place: str, organisation: str) -> None:
    """A name with an amount or an indicator beside it is a row of another kind."""
    columns = {"project": 0, "amount": 1, "name": 2}
    cells = [_cell(f"某区{place}{organisation}"), _cell("12.00"), _cell("")]
    assert _unit_band(cells, columns) is None
