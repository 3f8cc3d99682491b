"""A Guangzhou table whose header is on two rows (``资金来源`` or ``其中：``
merged over 财政拨款 | 财政专户拨款 | 其他资金) reads from text — tab-separated,
CSV (also in GBK), PDF-extracted — as from a workbook's cells: the same
projects, amounts, goals and clauses. A row under the label that is no such
row, or prose that names the columns, is no header."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document
from audit.pipeline import load_bytes, load_text
from audit.readers import NotATable
from audit.readers.common import grouped_columns, header_columns
from tests.conftest import MARKET, MARKET_PROJECTS, lint
from tests.national import as_csv, workbook_document

ONE_ROW = [
    "项目名称（资金使用单位）",
    "总计",
    "财政拨款",
    "财政专户拨款",
    "其他资金",
    "绩效目标",
    "绩效指标",
]
SOURCES = ["", "", "财政拨款", "财政专户拨款", "其他资金", "", ""]
HEADINGS = [[f"{MARKET}2024年项目支出绩效目标表"], [f"单位名称：{MARKET}"], ["单位：万元"]]
PROJECTS = [[cell or "" for cell in row] for row in MARKET_PROJECTS]


def two_rows(label: str, filled: bool = False) -> list[list[str]]:
    """The header on two rows: ``label`` over the three sources; with
    ``filled``, the second row repeats the cells merged down (as a copy of
    merged cells may)."""
    first = ["项目名称（资金使用单位）", "总计", label, "", "", "绩效目标", "绩效指标"]
    second = list(SOURCES)
    if filled:
        for at in (0, 1, 5, 6):
            second[at] = first[at]
    return [first, second]


def table(header: list[list[str]]) -> list[list[str]]:
    return [*(row + [""] * 6 for row in HEADINGS), *header, *PROJECTS]


def tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


def summary(document: Document) -> list[tuple[object, ...]]:
    return [
        (
            p.name.value if p.name else None,
            tuple(p.amounts.value(key) for key in ("total", "fiscal", "special", "other")),
            p.goal.value if p.goal else None,
            len(p.clauses),
        )
        for p in document.projects
    ]


EXPECTED = summary(load_text(tsv(table([ONE_ROW])), "one-row.tsv"))
LABELS = ["资金来源", "其中：", "资金来源（万元）", "资 金 来 源"]
LABEL_IDS = ["sources", "of-which", "with-unit", "spaced"]


def test_the_reference_reads_both_projects() -> None:
    assert len(EXPECTED) == 2
    assert all(fiscal is not None for _, (_, fiscal, _, _), _, _ in EXPECTED)


@pytest.mark.parametrize("label", LABELS, ids=LABEL_IDS)
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "repeated"])
def test_tab_separated_text(label: str, filled: bool) -> None:
    document = load_text(tsv(table(two_rows(label, filled))), "two-rows.tsv")
    assert summary(document) == EXPECTED


@pytest.mark.parametrize("label", LABELS, ids=LABEL_IDS)
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv(label: str, encoding: str) -> None:
    data = as_csv(table(two_rows(label))).encode(encoding)
    assert summary(load_bytes(data, "two-rows.csv")) == EXPECTED


def test_a_workbook_reads_the_same(tmp_path: Path) -> None:
    rows = table(two_rows("资金来源"))
    at = len(HEADINGS)
    merges = [(at, 0, at + 1, 0), (at, 1, at + 1, 1), (at, 2, at, 4), (at, 5, at + 1, 5)]
    merges.append((at, 6, at + 1, 6))
    assert summary(workbook_document(rows, merges, tmp_path)) == EXPECTED


def pdf_text(header: list[str]) -> str:
    """The table as ``pdftotext -raw`` gives it: cells separated by spaces,
    a wrapped header cell's pieces on lines of their own."""
    lines = [row[0] for row in HEADINGS] + header
    for name, total, fiscal, _, _, goal, indicators in PROJECTS:
        lines.append(f"{name} {total} {fiscal} {goal}")
        lines.extend(indicators.splitlines())
    return "\n".join(lines) + "\n"


def test_pdf_extracted_text() -> None:
    one = load_text(pdf_text([" ".join(ONE_ROW)]), "one-row.txt")
    two = load_text(
        pdf_text(
            [
                "项目名称（资金使用单位） 总计 资金来源 绩效目标 绩效指标",
                "财政拨款 财政专户拨",
                "款",
                "其他资",
                "金",
            ]
        ),
        "two-rows.txt",
    )
    assert summary(two) == summary(one)
    assert [f.rule for f in lint(two)] == [f.rule for f in lint(one)]


def test_the_findings_are_the_same_as_with_one_header_row() -> None:
    one = lint(load_text(tsv(table([ONE_ROW])), "t.tsv"))
    two = lint(load_text(tsv(table(two_rows("资金来源"))), "t.tsv"))
    assert [(f.rule, f.project, f.clause) for f in two] == [
        (f.rule, f.project, f.clause) for f in one
    ]


# --------------------------------------------------------------------------
# Near misses


def test_prose_naming_the_columns_is_no_header() -> None:
    text = "项目名称、总计、资金来源、绩效目标和绩效指标按下表填写。\n说明：金额单位为万元。\n"
    with pytest.raises(NotATable):
        load_text(text, "notice.txt")


@pytest.mark.parametrize(
    "below",
    [
        ["", "", "186.50", "", "", "", ""],  # amounts: a row of data
        ["", "", "财政拨款", "备注", "其他资金", "", ""],  # another word under the label
        ["", "", "", "", "", "财政拨款", ""],  # a source under no group label
        ["", "", "财政拨款", "财政拨款", "", "", ""],  # a source twice
    ],
    ids=["amounts", "other-word", "outside-the-group", "twice"],
)
def test_a_row_under_the_label_that_is_no_sources_row(below: list[str]) -> None:
    header = two_rows("资金来源")[0]
    columns = header_columns(header)
    assert columns is not None
    assert grouped_columns(columns, header, below) is None


@given(st.permutations(["财政拨款", "财政专户拨款", "其他资金"]))
def test_the_sources_go_by_the_column_they_stand_in(order: list[str]) -> None:
    header = two_rows("其中：")[0]
    columns = header_columns(header)
    assert columns is not None
    grouped = grouped_columns(columns, header, ["", "", *order, "", ""])
    assert grouped is not None
    keys = {"财政拨款": "fiscal", "财政专户拨款": "special", "其他资金": "other"}
    assert {keys[name]: 2 + at for at, name in enumerate(order)} == {
        key: grouped[key] for key in ("fiscal", "special", "other")
    }


@pytest.mark.parametrize("label", LABELS, ids=LABEL_IDS)
def test_a_budget_table_above_with_a_two_row_header_is_set_aside(label: str) -> None:
    """A 项目支出预算表 with its sources under 资金来源 on two rows, above the
    performance table: a budget table (no goal, no indicators), its projects
    not read as the performance table's, in text as in a workbook."""
    budget = [
        [f"{MARKET}2024年项目支出预算表"],
        ["单位：万元"],
        ["项目名称", "总计", label, "", ""],
        ["", "", "财政拨款", "财政专户拨款", "其他资金"],
        ["全民科学素质提升行动经费", "96.00", "90.00", "", "6.00"],
        ["科技馆免费开放经费", "150.00", "150.00", "", ""],
        [""],
    ]
    rows = [*budget, *table([ONE_ROW])]
    assert summary(load_text(tsv(rows), "both.tsv")) == EXPECTED
    assert summary(load_text(as_csv(rows), "both.csv")) == EXPECTED
