"""Count the instructions of a whole cold lint here and at another revision.

    python scripts/count_instructions.py REV [TABLE] [--runs N]

On a shared machine the CPU time of two identical runs differs by a tenth
or more, so a change of a few per cent is hard to see even in interleaved
pairs. The instructions a process executes hardly vary: this script checks
REV out into a temporary git worktree and runs ``lint --no-cache --format
json TABLE`` (by default the 258-project table) for both trees under
valgrind's cachegrind (instructions counted, no cache simulated), with
``PYTHONHASHSEED`` fixed. Each tree gets a private cache directory of its
own, filled by two runs first (Lark's tables and the regular expressions'
programs, as every run after a first one finds them), and its bytecode
compiled. Prints each tree's median count and their ratio.

Instructions are not time: code that valgrind runs on its generic path
(OpenSSL's SHA-256, which a processor runs with its own instructions) counts
more than it costs, and a count says nothing of waiting for the disk. Use
it to compare two revisions of the tool's own Python, and quote CPU time
from ``python -m benchmarks.run``. Needs ``valgrind`` on the ``PATH``; a
run takes about 40 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.revisions import checked_out  # noqa: E402  (the repository's root first)

DEFAULT_TABLE = ROOT / "tests" / "fixtures" / "seeds" / "002_hrss_2024.txt"
_COUNT = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(tree: Path, table: Path, cache: Path, runs: int) -> list[int]:
    """The instructions of ``runs`` cold lints of ``table`` by the code of ``tree``."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONHASHSEED="0", INDICATOR_AUDIT_CACHE=str(cache), PYTHONPATH=str(tree))
    cache.mkdir(mode=0o700)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "audit")], check=True)
    lint = [sys.executable, "-m", "audit", "lint", "--no-cache", "--format", "json", str(table)]
    for _ in range(2):  # the caches any run after the first one finds
        subprocess.run(lint, cwd=tree, env=env, capture_output=True, check=False)
    counts: list[int] = []
    for _ in range(runs):
        done = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                *lint,
            ],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        found = _COUNT.search(done.stderr)
        if found is None:
            raise SystemExit(f"valgrind gave no count for {tree}:\n{done.stderr[-2000:]}")
        counts.append(int(found.group(1).replace(",", "")))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("table", nargs="?", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--runs", type=int, default=1, help="runs per tree (default 1)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("count_instructions: valgrind is not installed", file=sys.stderr)
        return 2
    table = args.table.resolve()
    with (
        tempfile.TemporaryDirectory() as scratch,
        checked_out(args.revision, Path(scratch)) as other,
    ):
        theirs = count(other, table, Path(scratch) / "cache-theirs", args.runs)
        ours = count(ROOT, table, Path(scratch) / "cache-ours", args.runs)
    before, after = statistics.median(theirs), statistics.median(ours)
    print(f"table: {args.table.name}, lint --no-cache --format json, {args.runs} run(s) each")
    print(f"  instructions at {args.revision}: {before:,.0f}")
    print(f"  instructions here:{' ' * max(0, len(args.revision) - 1)} {after:,.0f}")
    print(f"  ratio (here / {args.revision}): {after / before:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
