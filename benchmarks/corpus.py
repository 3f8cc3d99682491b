"""Corpora for the benchmark, built from the tables in the repository.

Each copy of a table is a *variant*: every amount is multiplied by the
copy's factor (so rows, subtotals and totals still add up), the numbers in
the targets after a comparator grow by the copy's index (percentages are left
alone, so no rate passes 100 %), and the projects and indicators get the
copy's number in their names. No two copies share a clause or a value, so a
cache keyed on the text cannot make a larger corpus look cheaper than it is.

    python -m benchmarks.corpus DIR [--copies N]     # writes N variants of each table
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")) + sorted(
    p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".csv", ".tsv")
)
"""The tables in the repository: the seed tables and the examples, in every layout."""

SMALL_TABLES = [p for p in TABLES if p.stat().st_size < 64 * 1024]
"""The tables of one unit, for corpora of many files."""

LARGE_TABLE = ROOT / "tests" / "fixtures" / "seeds" / "002_hrss_2024.txt"

# An amount: digits with two decimals (thousands separated or not), not part
# of a longer number and not a percentage.
_AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d\d)(?![\d%])")
# A whole number after a comparator in a target (≥300人, ≤3个工作日), not a
# percentage and not a year.
_TARGET = re.compile(r"(?<=[≥≤＞＜])(=?\s*)(\d+)(?![\d.%年])")
# A coded clause up to its indicator name: 1、1-产出指标；11-数量指标；NAME；
_NAME = re.compile(r"(\d+、\d-[^；;\n]+[；;]\d\d-[^；;\n]+[；;])([^；;\n]+?)([；;]实施周期指标)")


def _amount(match: re.Match[str], factor: int) -> str:
    whole, cents = match.group(1), match.group(2)
    value = Decimal(whole.replace(",", "") + "." + cents) * factor
    return f"{value:,.2f}" if "," in whole else f"{value:.2f}"


def vary(text: str, index: int) -> str:
    """Copy ``index`` (0 is the table itself) of a table's text."""
    if index == 0:
        return text
    factor = index + 1
    text = _AMOUNT.sub(lambda m: _amount(m, factor), text)
    text = _TARGET.sub(lambda m: m.group(1) + str(int(m.group(2)) + index), text)
    return _NAME.sub(lambda m: f"{m.group(1)}{m.group(2)}（{index}）{m.group(3)}", text)


def _rename_projects(text: str, index: int) -> str:
    """Tab-separated rows with indicators (project rows) get the copy's number."""
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        name = cells[0].strip()
        if len(cells) >= 7 and cells[6].strip() and name and not name.startswith("项目名称"):
            cells[0] = f"{cells[0].rstrip()}（第{index}批）"
            line = "\t".join(cells)
        lines.append(line)
    return "\n".join(lines)


def variant(path: Path, index: int) -> str:
    text = path.read_text(encoding="utf-8")
    varied = vary(text, index)
    if index and "\t" in text:
        varied = _rename_projects(varied, index)
    return varied


def write_corpus(directory: Path, copies: int, tables: list[Path] | None = None) -> list[Path]:
    """``copies`` variants of each table in ``directory``; the paths written,
    table by table within each copy."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(copies):
        for table in tables or TABLES:
            target = directory / f"{index:05d}-{table.name}"
            target.write_text(variant(table, index), encoding="utf-8")
            written.append(target)
    return written


def many_files(directory: Path, count: int) -> list[Path]:
    """``count`` files, variants of the one-unit tables in turn."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(count):
        table = SMALL_TABLES[number % len(SMALL_TABLES)]
        index = number // len(SMALL_TABLES)
        target = directory / f"{number:06d}-{table.name}"
        target.write_text(variant(table, index), encoding="utf-8")
        written.append(target)
    return written


def _body(lines: list[str]) -> tuple[list[str], int, list[str]]:
    """(lines before the 合计 row, its index, the rows after it)."""
    for number, line in enumerate(lines):
        if line.split("\t", 1)[0].strip() == "合计":
            return lines[:number], number, lines[number + 1 :]
    raise ValueError("no 合计 row")


def large_table(path: Path, copies: int, table: Path = LARGE_TABLE) -> Path:
    """One tab-separated table holding ``copies`` variants of ``table``'s units
    and projects under one 合计 row (which is their sum)."""
    lines = table.read_text(encoding="utf-8").split("\n")
    head, total_index, _ = _body(lines)
    total = lines[total_index]
    scale = sum(index + 1 for index in range(copies))

    def chunks() -> Iterator[str]:
        yield from head
        yield _AMOUNT.sub(lambda m: _amount(m, scale), total)
        for index in range(copies):
            varied = variant(table, index).split("\n")
            yield from _body(varied)[2]

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(line for line in chunks() if line.strip()) + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    written = write_corpus(args.directory, args.copies)
    print(f"{len(written)} files in {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
