"""A Guangzhou table with a column more than its own: a reviewer's 备注 (or
实际完成情况, 执行情况) after the last, filled or empty, or a 序号 before the
first. It is read in every carrier, with the same findings as without it.

The projects are rows of seed 002; the files are written by
``scripts/make_examples.py`` (and as TSV and CSV here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.readers.common import header_columns
from tests.conftest import MARKET_PROJECTS, SEED_002_HEADER
from tests.test_side_tables import TITLE, WRITERS, Table, findings, keys


def plain() -> Table:
    return [[TITLE], ["单位：万元"], list(SEED_002_HEADER), *[list(p) for p in MARKET_PROJECTS]]


def after(column: str, filled: bool) -> Table:
    rows = plain()
    rows[2] = [*SEED_002_HEADER, column]
    for row in rows[3:]:
        row.append("延续性项目，指标值参照上年实际完成情况设定" if filled else None)
    return rows


def numbered() -> Table:
    rows = plain()
    rows[2] = ["序号", *SEED_002_HEADER]
    for number, row in enumerate(rows[3:], start=1):
        row.insert(0, str(number))
    return rows


SHAPES = {
    "note": lambda: after("备注", True),
    "empty-note": lambda: after("备注", False),
    "done": lambda: after("实际完成情况", True),
    "progress": lambda: after("1-6月执行情况", True),
    "numbered": numbered,
}


@pytest.mark.parametrize("carrier", sorted(WRITERS))
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_column_more_gives_the_same_findings(tmp_path: Path, carrier: str, shape: str) -> None:
    alone = WRITERS[carrier](tmp_path / "plain", [plain()])
    more = WRITERS[carrier](tmp_path / shape, [SHAPES[shape]()])
    expected = keys(findings(alone))
    assert expected  # the seed rows have findings to compare
    assert keys(findings(more)) == expected


def test_a_numbered_header_maps_its_columns_after_the_number() -> None:
    columns = header_columns(["序号", *(c or "" for c in SEED_002_HEADER)])
    assert columns is not None
    assert columns["name"] == 1 and columns["indicators"] == len(SEED_002_HEADER)


@pytest.mark.parametrize(
    "cells",
    [
        ["1", *(c or "" for c in SEED_002_HEADER)],  # a number, not the 序号 header
        ["序号", "单位名称", "总计", "财政拨款", "其他资金", "绩效目标"],
        ["备注", *(c or "" for c in SEED_002_HEADER)],
    ],
)
def test_near_misses_are_no_header(cells: list[str]) -> None:
    assert header_columns(cells) is None
