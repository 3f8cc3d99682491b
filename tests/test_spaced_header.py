"""A Guangzhou header row spaced for alignment (``项 目 名 称（资金使用单位）``,
``总 计``, ``绩 效 目 标``), as county forms print it, heads the table as the
plain header does, in text and in every carrier of cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Document
from audit.pipeline import load_path, load_text
from audit.readers import NotATable
from audit.readers.common import header_columns
from tests.conftest import HEADER as GUANGZHOU_HEADER

FIXTURES = Path(__file__).parent / "fixtures"
MARKET = FIXTURES / "amounts" / "002_market_centre.txt"
"""Seed 002's 广州市人力资源市场服务中心 and its 11 projects."""
HEADER = GUANGZHOU_HEADER.split("\t")
SPACED = ["项 目 名 称（资金使用单位）", "总 计", "财 政 拨 款", "财政专户拨款", "其 他 资 金",
          "绩 效 目 标", "绩 效 指 标"]  # fmt: skip


def market(header: list[str]) -> str:
    text = MARKET.read_text(encoding="utf-8")
    plain = "\t".join(HEADER)
    assert plain in text
    return text.replace(plain, "\t".join(header))


def shape(document: Document) -> list[tuple[str, str, list[str | None], int]]:
    """What a reader made of the table: each project's unit, name, amounts
    and number of clauses."""
    return [
        (
            unit.name.value,
            project.title,
            [None if a is None else a.text.value for a in project.amounts],
            len(project.clauses),
        )
        for unit in document.units
        for project in unit.projects
    ]


PLAIN = shape(load_text(MARKET.read_text(encoding="utf-8"), "table.txt"))


def test_the_spaced_header_names_the_same_columns() -> None:
    assert header_columns(SPACED) == header_columns(HEADER)
    numbered = header_columns(["序号", *HEADER])
    assert numbered is not None and numbered["name"] == 1
    for number in ("序号", "序 号", "序\u3000号"):
        assert header_columns([number, *SPACED]) == numbered
    full_width = [cell.replace(" ", "\u3000") for cell in SPACED]  # ideographic spaces
    assert header_columns(full_width) == header_columns(HEADER)


def test_a_spaced_header_reads_as_the_plain_one_in_text() -> None:
    assert len(PLAIN) == 11
    assert shape(load_text(market(SPACED), "table.txt")) == PLAIN


def test_a_spaced_header_reads_as_the_plain_one_in_csv() -> None:
    text = market(SPACED)
    csv = "\n".join(
        ",".join(f'"{cell}"' if cell else "" for cell in line.split("\t"))
        for line in text.split("\n")
    )
    assert shape(load_text(csv, "table.csv")) == PLAIN


def _carrier(carrier: str, text: str, path: Path) -> Document:
    from scripts import make_examples

    rows = make_examples.rows_from_tsv(text)
    return load_path(make_examples.write_table(path, rows))


@pytest.mark.parametrize("carrier", ["xlsx", "html", "docx", "pdf"])
def test_a_spaced_header_reads_as_the_plain_one_in_cells(carrier: str, tmp_path: Path) -> None:
    """From cells (a workbook, web page, Word table or ruled PDF) the spaced
    header was taken for headings above the table ("no header row")."""
    plain = shape(_carrier(carrier, market(HEADER), tmp_path / f"plain.{carrier}"))
    assert len(plain) == 11
    assert shape(_carrier(carrier, market(SPACED), tmp_path / f"spaced.{carrier}")) == plain


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "  ", "\u3000"]), min_size=40, max_size=40))
def test_any_spacing_of_the_header_reads_the_same(gaps: list[str]) -> None:
    """Property: whatever spaces stand between a header's characters, the
    table reads as with the plain header."""
    spaced = []
    at = 0
    for cell in HEADER:
        name, bracket, rest = cell.partition("（")
        chars = []
        for char in name:
            chars.append(char + gaps[at % len(gaps)])
            at += 1
        spaced.append("".join(chars).rstrip() + bracket + rest)
    assert shape(load_text(market(spaced), "table.txt")) == PLAIN


def test_a_spaced_budget_header_is_still_no_performance_table() -> None:
    """Near miss: 项 目 名 称 | 总 计 | 财 政 拨 款 | 其 他 资 金 with no goal
    nor indicator column is a budget table's header."""
    budget = ["项 目 名 称", "总 计", "财 政 拨 款", "其 他 资 金"]
    assert header_columns(budget) is None
    text = "\n".join(["某单位2024年项目支出表", "\t".join(budget), "业务经费\t10.00\t10.00\t"])
    with pytest.raises(NotATable):
        load_text(text, "budget.txt")


def test_prose_with_spaced_column_words_is_no_header() -> None:
    """Near miss: a sentence naming the columns, spaced or not, heads nothing."""
    assert header_columns(["请 按 项 目 名 称 填 写 总 计 、 绩 效 目 标 和 绩 效 指 标"]) is None
    text = "说明：请按 项 目 名 称 、总 计 、绩 效 目 标 、绩 效 指 标 逐项填写。\n"
    with pytest.raises(NotATable):
        load_text(text, "notice.txt")


def test_a_short_spaced_project_name_is_still_a_project() -> None:
    """Near miss: a data row whose name cell, unspaced, holds 项目名称 but whose
    other cells are amounts and clauses is no header."""
    row = ["项 目 名 称 变 更 经 费", "10.00", "10.00", "", "", "保障项目实施。", "1、1-产出指标"]
    assert header_columns(row) is None
