"""Compare workbook readers: python-calamine against openpyxl.

    python scripts/bench_workbooks.py [--rows 5000] [--runs 5]

Writes a Guangzhou table of ``--rows`` rows (the seed table's rows repeated,
the title merged across the columns, a name merged down every tenth pair
of rows) with openpyxl, then times reading every cell's value and the merged
ranges with each library: the median of ``--runs`` runs each, in this
process. openpyxl's read-only mode is faster but does not report merged
ranges, so both of its modes are shown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.make_examples import rows_from_tsv, write_xlsx  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seeds" / "002_hrss_2024.txt"


def build(path: Path, count: int) -> None:
    rows = rows_from_tsv(SEED.read_text(encoding="utf-8"))
    header_at = next(i for i, r in enumerate(rows) if (r[0] or "").startswith("项目名称"))
    body = rows[header_at + 1 :]
    table = rows[: header_at + 1]
    while len(table) < count:
        table.extend(body[: count - len(table)])
    merges = [(r, 0, r + 1, 0) for r in range(header_at + 1, count - 1, 20)]
    write_xlsx(path, [("Sheet1", table, merges)])


def calamine(path: Path) -> tuple[int, int]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    cells = merges = 0
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        cells += sum(len(row) for row in sheet.to_python())
        merges += len(sheet.merged_cell_ranges or ())
    workbook.close()
    return cells, merges


def openpyxl_full(path: Path) -> tuple[int, int]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True)
    cells = merges = 0
    for sheet in workbook.worksheets:
        cells += sum(len(row) for row in sheet.iter_rows(values_only=True))
        merges += len(sheet.merged_cells.ranges)
    return cells, merges


def openpyxl_read_only(path: Path) -> tuple[int, int]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in workbook.worksheets:
        cells += sum(len(row) for row in sheet.iter_rows(values_only=True))
    workbook.close()
    return cells, 0


def measure(
    reader: Callable[[Path], tuple[int, int]], path: Path, runs: int
) -> tuple[float, int, int]:
    times = []
    result = (0, 0)
    for _ in range(runs):
        start = time.perf_counter()
        result = reader(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), *result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.xlsx"
        build(path, args.rows)
        print(f"{args.rows} rows, {path.stat().st_size / 1024:.0f} KiB, median of {args.runs} runs")
        for label, reader in (
            ("python-calamine", calamine),
            ("openpyxl", openpyxl_full),
            ("openpyxl read-only (no merged ranges)", openpyxl_read_only),
        ):
            seconds, cells, merges = measure(reader, path, args.runs)
            print(f"  {label:40} {seconds * 1000:8.0f} ms  {cells} cells, {merges} merged ranges")


if __name__ == "__main__":
    main()
