"""Several performance tables in one TSV or CSV file (a unit's tables pasted
one after another, a budget table between them), each under its own title
and ``单位名称：…`` heading: each table's unit row starts its unit whether or
not its projects add up to it, and a mistyped subtotal is reported on its
own line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.pipeline import load_path
from tests.conftest import SEED_001

SEED_LINES = SEED_001.read_text(encoding="utf-8").splitlines()
HEADER = next(line for line in SEED_LINES if line.startswith("项目名称（资金使用单位）"))
PROJECT = next(line for line in SEED_LINES if line.startswith("其他就业补助支出"))  # 10,951.18
UNIT = "广州市番禺区劳动就业服务管理中心"
OTHER = "广州市番禺区某某服务站"
LAB = "测试单位000001"  # not an organisation's name: only its heading says it is a unit


def table_lines(unit: str, subtotal: str, number: int) -> list[str]:
    """One table: title, 单位名称, 单位：万元, header, 合计, the unit row, two
    projects of 10,951.18 (the second after a 续表 and a repeated header),
    then a budget table of the same unit."""
    first = PROJECT.replace("其他就业补助支出", f"其他就业补助支出{number}")
    second = PROJECT.replace("其他就业补助支出", f"第二项目{number}")
    return [
        f"{unit}2025年项目支出绩效目标表",
        f"单位名称：{unit}",
        "单位：万元",
        HEADER,
        "合计\t21,902.36\t21,902.36\t\t\t\t",
        f"{unit}\t{subtotal}\t{subtotal}\t\t\t\t",
        first,
        "续表",
        HEADER,
        second,
        "",
        f"{unit}2025年项目支出表",
        "单位：万元",
        "项目名称\t总计\t财政拨款",
        f"项目{number}\t1.00\t1.00",
        "",
    ]


def write(tmp_path: Path, kind: str, tables: list[tuple[str, str]]) -> Path:
    lines = [line for n, (u, s) in enumerate(tables) for line in table_lines(u, s, n)]
    path = tmp_path / f"tables.{kind}"
    if kind == "tsv":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for line in lines:
            writer.writerow(line.split("\t"))
        path.write_text(out.getvalue(), encoding="utf-8")
    return path


def findings(path: Path, rule: str) -> list[tuple[int, str | None]]:
    found = run(load_path(path), load_config(None, discover=False))
    return [(f.line, f.unit) for f in found if f.rule == rule]


UNIT_ROW_LINES = (6, 22)  # the unit rows of the first and the second table


@pytest.mark.parametrize("kind", ["tsv", "csv"])
@pytest.mark.parametrize("second", [LAB, OTHER])
def test_a_mistyped_subtotal_does_not_merge_the_table_into_the_one_before(
    tmp_path: Path, kind: str, second: str
) -> None:
    path = write(tmp_path, kind, [(UNIT, "21,902.36"), (second, "21,902.00")])
    document = load_path(path)
    assert [u.name.value for u in document.units] == [UNIT, second]
    assert [len(u.projects) for u in document.units] == [2, 2]
    assert [u.line for u in document.units] == list(UNIT_ROW_LINES)
    assert [p.title for p in document.units[1].projects] == [
        "其他就业补助支出1（市区共担区级部分）",
        "第二项目1（市区共担区级部分）",
    ]
    mismatches = findings(path, "subtotal-mismatch")
    assert mismatches and {line for line, _ in mismatches} == {22}  # the wrong one only
    assert all(line not in UNIT_ROW_LINES for line, _ in findings(path, "missing-goal"))


@pytest.mark.parametrize("kind", ["tsv", "csv"])
def test_tables_that_add_up_read_as_before(tmp_path: Path, kind: str) -> None:
    path = write(tmp_path, kind, [(UNIT, "21,902.36"), (LAB, "21,902.36"), (OTHER, "21,902.36")])
    document = load_path(path)
    assert [u.name.value for u in document.units] == [UNIT, LAB, OTHER]
    assert [len(u.projects) for u in document.units] == [2, 2, 2]
    assert findings(path, "subtotal-mismatch") == []


def test_a_mistyped_first_subtotal_is_reported_on_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "tsv", [(LAB, "21,000.00"), (UNIT, "21,902.36")])
    document = load_path(path)
    assert [len(u.projects) for u in document.units] == [2, 2]
    assert {line for line, _ in findings(path, "subtotal-mismatch")} == {6}


def test_a_row_not_named_as_the_heading_is_not_made_a_unit(tmp_path: Path) -> None:
    # under the heading, an amounts-only row with another name that does not
    # add up stays what the amounts say (a project without goal or indicators)
    lines = table_lines(UNIT, "21,902.36", 0)
    lines[5] = "某某项目\t21,902.00\t21,902.00\t\t\t\t"
    path = tmp_path / "one.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = load_path(path)
    titles = [p.title for u in document.units for p in u.projects]
    assert "某某项目" in titles
    assert all(u.name.value != "某某项目" for u in document.units)


# --------------------------------------------------------------------------
# Each table's 合计 sums its own units


@pytest.mark.parametrize("kind", ["tsv", "csv"])
def test_each_total_is_the_sum_of_its_own_tables_units(tmp_path: Path, kind: str) -> None:
    # Three tables, each 合计 21,902.36 over its one unit: compared with all
    # the units of the file, every 合计 was off by twice itself.
    path = write(tmp_path, kind, [(UNIT, "21,902.36"), (LAB, "21,902.36"), (OTHER, "21,902.36")])
    document = load_path(path)
    assert [t.units for t in document.totals] == [(0, 1), (1, 2), (2, 3)]
    assert findings(path, "total-mismatch") == []


def test_a_wrong_total_is_reported_on_its_own_table(tmp_path: Path) -> None:
    lines = [*table_lines(UNIT, "21,902.36", 0), *table_lines(LAB, "21,902.36", 1)]
    second_total = lines.index("合计\t21,902.36\t21,902.36\t\t\t\t", 5)
    lines[second_total] = "合计\t21,990.36\t21,990.36\t\t\t\t"
    path = tmp_path / "two.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert {line for line, _ in findings(path, "total-mismatch")} == {second_total + 1}


def test_a_total_at_the_foot_of_each_table_sums_the_units_above_it(tmp_path: Path) -> None:
    lines: list[str] = []
    for number, unit in enumerate((UNIT, LAB)):
        table = table_lines(unit, "21,902.36", number)
        total = table.pop(4)  # 合计 moved under the table's last project
        table.insert(table.index(""), total)
        lines.extend(table)
    path = tmp_path / "foot.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = load_path(path)
    assert [t.units for t in document.totals] == [(0, 1), (1, 2)]
    assert findings(path, "total-mismatch") == []


def test_one_total_still_sums_every_unit(tmp_path: Path) -> None:
    lines = table_lines(UNIT, "21,902.36", 0)
    lines[4] = "合计\t43,804.72\t43,804.72\t\t\t\t"
    lines[10:10] = [
        f"{OTHER}\t21,902.36\t21,902.36\t\t\t\t",
        PROJECT,
        PROJECT.replace("其他", "另一"),
    ]
    path = tmp_path / "one.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = load_path(path)
    assert len(document.units) == 2 and [t.units for t in document.totals] == [None]
    assert findings(path, "total-mismatch") == []
    lines[4] = "合计\t21,902.36\t21,902.36\t\t\t\t"  # one unit's worth: off by the other
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert {line for line, _ in findings(path, "total-mismatch")} == {5}
