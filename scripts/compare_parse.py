"""Time the parse stage of this checkout against another revision, paired.

    python scripts/compare_parse.py REV [TABLE] [--rounds N] [--pure-python]

Checks REV out into a temporary git worktree, then alternates the two in
fresh processes of the same interpreter: each process reads the table's
rows, then times parsing every indicator cell (clauses and their values,
``audit.parsing.parse_indicators``, caches cleared; the best of five passes).
Prints both medians and their ratio. The machine may be busy: only the ratio
of runs interleaved this way is worth quoting.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.revisions import checked_out  # noqa: E402  (the repository's root first)

DEFAULT_TABLE = ROOT / "tests" / "fixtures" / "seeds" / "002_hrss_2024.txt"

MEASURE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
if sys.argv[3] == "pure":
    sys.modules["lark_cython"] = None  # as if it were not installed
from audit import parsing, values
from audit.model import Source
from audit.readers import _reader, detect_layout
from audit.readers.decode import decode

text, _ = decode(open(sys.argv[2], "rb").read())
rows = _reader(detect_layout(text))(Source(sys.argv[2], text)).rows
cells = [row.indicators for row in rows if row.indicators]
values.parse_value("≥1人")
best = float("inf")
for _ in range(5):
    values.parse_value.cache_clear()
    if hasattr(parsing, "_tree"):
        parsing._tree.cache_clear()
    started = time.perf_counter()
    for cell in cells:
        parsing.parse_indicators(cell)
    best = min(best, time.perf_counter() - started)
print(best)
"""


def measure(tree: Path, table: Path, pure: bool) -> float:
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tree), str(table), "pure" if pure else "any"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    )
    return float(output.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("table", nargs="?", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--pure-python",
        action="store_true",
        help="time this checkout without lark-cython, even where it is installed",
    )
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as scratch,
        checked_out(args.revision, Path(scratch)) as other,
    ):
        theirs: list[float] = []
        ours: list[float] = []
        for _ in range(args.rounds):
            theirs.append(measure(other, args.table.resolve(), False))
            ours.append(measure(ROOT, args.table.resolve(), args.pure_python))
    before, after = statistics.median(theirs), statistics.median(ours)
    how = "pure Python" if args.pure_python else "lark-cython if installed"
    print(f"table: {args.table.name}, {args.rounds} paired rounds, best of 5 passes ({how})")
    print(f"  parse stage at {args.revision}: {before * 1000:7.1f} ms")
    print(f"  parse stage here:{' ' * max(0, len(args.revision) - 1)} {after * 1000:7.1f} ms")
    print(f"  ratio (here / {args.revision}): {after / before:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
