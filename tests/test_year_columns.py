"""A mid-term table with a column per year (``中期指标值 | 2025年 | 2026年 |
2027年``, or ``2025年度指标值 …``): the budget year's column, told by the
year's labels (年度目标（2026年）, 年度资金总额（2026年）) or the title, is the
annual value; the other years are never read. When the year cannot be told,
no year column is read and a note says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Clause, Document
from audit.readers import read_path
from tests.national import Rows, csv_document, sheet_document, tsv_document, workbook_document


def midterm(title: str, labels_year: str | None, heads: list[str]) -> Rows:
    year = f"（{labels_year}）" if labels_year else ""
    return [
        [title, "", "", "", "", "", ""],
        ["项目名称", "农村人居环境整治提升项目", "", "", "", "", ""],
        ["实施单位", "某县农村能源环保站", "", "", "", "", ""],
        ["项目期", "2025年—2027年", "", "", "", "", ""],
        [f"年度资金总额{year}", "420.00", "其中：财政拨款", "420.00", "", "", ""],
        [
            f"年度目标{year}",
            "完成12个行政村人居环境整治，新建改建农村卫生户厕800户。",
            "",
            "",
            "",
            "",
            "",
        ],
        ["一级指标", "二级指标", "三级指标", "中期指标值", *heads],
        ["产出指标", "数量指标", "新建改建农村卫生户厕", "2400户", "700户", "800户", "900户"],
        ["效益指标", "社会效益指标", "农村生活污水治理率", "≥50%", "≥40%", "≥45%", "≥50%"],
    ]


YEARS = ["2025年", "2026年", "2027年"]
YEAR_VALUES = ["2025年度指标值", "2026年度指标值", "2027年度指标值"]


def values(document: Document) -> list[tuple[str | None, str | None]]:
    return [
        (
            clause.period.text if clause.period else None,
            clause.annual.text if clause.annual else None,
        )
        for project in document.projects
        for clause in project.clauses
        if isinstance(clause, Clause)
    ]


@pytest.mark.parametrize("heads", [YEARS, YEAR_VALUES])
@pytest.mark.parametrize(
    ("title", "labels"),
    [
        ("2026年项目支出中期绩效目标表", "2026年"),
        ("项目支出中期绩效目标表", "2026年"),
        ("2026年项目支出中期绩效目标表", None),
    ],
)
@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_the_budget_years_column_is_the_annual_value(heads, title, labels, read) -> None:
    document = read(midterm(title, labels, heads))
    assert values(document) == [("2400户", "800户"), ("≥50%", "≥45%")]


@pytest.mark.parametrize("heads", [YEARS, YEAR_VALUES])
def test_the_labels_year_comes_before_the_titles(heads) -> None:
    document = tsv_document(midterm("2025年项目支出中期绩效目标表", "2027年", heads))
    assert values(document) == [("2400户", "900户"), ("≥50%", "≥50%")]


@pytest.mark.parametrize("heads", [YEARS, YEAR_VALUES])
def test_no_year_column_is_read_when_the_year_cannot_be_told(heads, tmp_path: Path) -> None:
    rows = midterm("项目支出中期绩效目标表", None, heads)
    assert values(tsv_document(rows)) == [("2400户", None), ("≥50%", None)]
    notes: list[str] = []
    read_path(workbook_document(rows, [], tmp_path).source.path, notes.append)
    assert notes == [
        "Sheet1!E7: year columns not read: the budget year is not told "
        "(no year in the title or in 年度目标（…年）)"
    ]


def test_a_budget_year_without_its_column_reads_no_year(tmp_path: Path) -> None:
    rows = midterm("2028年项目支出中期绩效目标表", None, YEARS)
    assert values(tsv_document(rows)) == [("2400户", None), ("≥50%", None)]


def test_an_annual_column_beside_year_columns_stays_the_annual_value() -> None:
    """Near miss: a grid with its own 年度指标值 keeps it."""
    rows = midterm("2026年项目支出中期绩效目标表", "2026年", ["年度指标值", "2026年", "2027年"])
    assert values(tsv_document(rows)) == [("2400户", "700户"), ("≥50%", "≥40%")]


def test_a_plain_form_is_read_as_before() -> None:
    rows = midterm("2026年项目支出绩效目标表", "2026年", ["年度指标值", "", ""])
    rows = [row[:5] for row in rows]
    rows[6] = ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"]
    assert values(tsv_document(rows)) == [("2400户", "700户"), ("≥50%", "≥40%")]


def test_text_gives_the_note_too(tmp_path: Path) -> None:
    from tests.national import as_csv

    path = tmp_path / "midterm.csv"
    path.write_text(as_csv(midterm("项目支出中期绩效目标表", None, YEARS)), encoding="utf-8")
    notes: list[str] = []
    read_path(path, notes.append)
    assert notes == [
        "line 7, column 5: year columns not read: the budget year is not told "
        "(no year in the title or in 年度目标（…年）)"
    ]


@pytest.mark.parametrize(
    "heads",
    [
        ["2025-2027年指标值", "2025年指标值"],
        ["实施期目标值", "2025年度目标值"],
        ["中期指标值", "2026年"],
    ],
)
@pytest.mark.parametrize("read", [tsv_document, csv_document, sheet_document])
def test_one_year_column_beside_the_period_s_is_the_annual_value(heads, read) -> None:
    """A form with one value for the term and one for a single year, where
    nothing tells the budget year: the year's column is the annual value
    (with several year columns it cannot be told which, and none is read)."""
    rows = [row[:5] for row in midterm("项目支出绩效目标表", None, heads)]
    rows[6] = ["一级指标", "二级指标", "三级指标", *heads]
    assert values(read(rows)) == [("2400户", "700户"), ("≥50%", "≥40%")]


def test_one_year_column_of_another_year_than_the_budget_s_is_not_read() -> None:
    """Near miss: the title tells the budget year (2026) and the one year
    column names another (2025): it is no value of this year's."""
    heads = ["2025-2027年指标值", "2025年指标值"]
    rows = [row[:5] for row in midterm("2026年项目支出绩效目标表", None, heads)]
    rows[6] = ["一级指标", "二级指标", "三级指标", *heads]
    assert values(tsv_document(rows)) == [("2400户", None), ("≥50%", None)]
