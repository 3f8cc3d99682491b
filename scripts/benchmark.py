"""Measure how long linting takes, as a whole process and per stage.

    python scripts/benchmark.py [TABLE] [--runs N]

Whole-process times are the median of N runs of ``indicator-audit lint
--format text TABLE`` (start-up included), next to a throwaway regex script
that only counts the clauses of the same file: the bar the linter must beat.
Stage times come from one in-process run: decode + read, clause and value
parsing, each rule, and rendering. Timing lives here, never in the tests.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TABLE = ROOT / "tests" / "fixtures" / "seeds" / "002_hrss_2024.txt"

REGEX_SCRIPT = r"""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
clause = re.compile(
    r"(\d+)、(\d+)-([^；]+)；(\d+)-([^；]+)；([^；]*)；"
    r"实施周期指标值[:：]([^；]*)；年度指标值[:：](.*?)。"
)
rows = [line.split("\t") for line in text.splitlines()]
found = sum(len(clause.findall(row[6])) for row in rows if len(row) == 7)
print(found)
"""


def whole_process(command: list[str], runs: int) -> list[float]:
    # Measure what users get: bytecode cached (an environment that disables
    # writing it would time Python compiling the package on every run).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
        )
        times.append(time.perf_counter() - started)
    return times


def stages(table: Path) -> dict[str, float]:
    """Per-stage times of one in-process lint (parser tables already cached),
    with the garbage-collector setting of the command-line entry point."""
    import gc

    gc.set_threshold(50_000, 20, 100)
    from audit import engine, parsing, values
    from audit.config import load_config
    from audit.lint import FileResult, LintResult
    from audit.model import Source
    from audit.readers import detect_layout
    from audit.readers.common import assemble
    from audit.readers.decode import decode
    from audit.reports.text import render

    timings: dict[str, float] = {}
    started = time.perf_counter()
    config = load_config(None, discover=False)
    engine.load_rules()
    timings["config + rule modules"] = time.perf_counter() - started

    parsing.clause_parser()
    values.parse_value("≥1人")
    data = table.read_bytes()
    started = time.perf_counter()
    text, encoding = decode(data)
    layout = detect_layout(text)
    source = Source(str(table), text, encoding)
    from audit.readers import _reader

    raw = _reader(layout)(source)
    document = assemble(source, layout, raw.rows, raw.title, raw.organization)
    timings["decode + read rows"] = time.perf_counter() - started

    values.parse_value.cache_clear()
    started = time.perf_counter()
    document = parsing.parse_document(document)
    timings["parse clauses + values"] = time.perf_counter() - started

    started = time.perf_counter()
    findings = engine.run(document, config)
    timings["check (all rules)"] = time.perf_counter() - started
    per_rule: dict[str, float] = {}
    for spec, _options, _severity in config.active_rules():
        config.select = {spec.id}
        rule_started = time.perf_counter()
        engine.run(document, config)
        per_rule[spec.id] = time.perf_counter() - rule_started
    config.select = None

    started = time.perf_counter()
    render(LintResult([FileResult(str(table), document, None, findings)]), io.StringIO())
    timings["report (text)"] = time.perf_counter() - started
    slowest = sorted(per_rule.items(), key=lambda item: -item[1])[:8]
    for rule_id, seconds in slowest:
        timings[f"  rule {rule_id}"] = seconds
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    table: Path = args.table

    cli = [sys.executable, "-m", "audit", "lint", "--format", "text", "--no-config", str(table)]
    whole_process(cli, 2)  # warm Lark's on-disk cache and the OS file cache
    lint_times = whole_process(cli, args.runs)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(REGEX_SCRIPT)
    regex_times = whole_process([sys.executable, script.name, str(table)], args.runs)
    Path(script.name).unlink()

    print(f"table: {table.name}  ({args.runs} runs, median / min)")
    print(
        f"  indicator-audit lint (whole process): {statistics.median(lint_times) * 1000:7.1f} ms"
        f" / {min(lint_times) * 1000:6.1f} ms"
    )
    print(
        f"  throwaway regex script:               {statistics.median(regex_times) * 1000:7.1f} ms"
        f" / {min(regex_times) * 1000:6.1f} ms"
    )
    print("stages (one in-process run):")
    for name, seconds in stages(table).items():
        print(f"  {name:<36} {seconds * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
