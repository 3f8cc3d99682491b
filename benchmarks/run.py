"""Measure indicator-audit: whole process against a peer script, per stage,
throughput, memory, and scaling over corpora of many files.

    python -m benchmarks.run [--quick] [--runs N] [--keep DIR]

Everything is measured in one run, side by side, so ratios compare like with
like on a loaded machine:

* whole process: ``indicator-audit lint --format json`` on the 258-project
  table against ``../shared/bench/peer_regex.py`` (a regex script a reviewer
  writes in an afternoon; this benchmark needs ``/work/shared`` or
  ``$PEER_SCRIPT`` for it, the tests do not), both started as the venv's
  python (one binary, the same start-up; never through a version-manager
  shim), in interleaved pairs; the ratio is the median of the pairs'
  ratios. Cold: ``--no-cache``; warm: the run kept from the one before;
* in-process stages (read, parse, check, report), MB/s and clauses/s on
  variants of that table (see :mod:`benchmarks.corpus`: no caches help);
* corpora of ×1, ×10 and ×100 the repository's tables and one large table:
  time, MB/s, peak memory, ×100 against ×1; ``--jobs 1`` against
  ``--jobs 2`` with their outputs compared byte for byte; peak memory for
  10,000 files.

Bytecode: the tool is measured as users and CI run it, with its compiled
bytecode written and valid. The benchmark first compiles the package
(``compileall``) and runs every child process without
``PYTHONDONTWRITEBYTECODE`` (some shells set it; then every module changed
since its last ``.pyc`` would be compiled from source on every run, about
0.1 s of the tool's start-up that no installed copy pays).

``--quick`` makes fewer runs and smaller corpora (×30 instead of ×100,
1,000 files instead of 10,000) for a check in a minute or two.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus

ROOT = Path(__file__).resolve().parent.parent
TABLE = corpus.LARGE_TABLE
PEER = Path(
    os.environ.get("PEER_SCRIPT", ROOT.parent.parent / "shared" / "bench" / "peer_regex.py")
)
if not PEER.exists():
    PEER = Path("/work/shared/bench/peer_regex.py")


class Run:
    """One whole process: wall and CPU seconds, the largest resident set."""

    __slots__ = ("cpu", "maxrss_mb", "output", "status", "wall")

    def __init__(self, wall: float, cpu: float, maxrss_mb: float, status: int, output: bytes):
        self.wall = wall
        self.cpu = cpu
        self.maxrss_mb = maxrss_mb
        self.status = status
        self.output = output


TIME = shutil.which("time", path="/usr/bin:/bin")


def measure(command: list[str], keep_output: bool = False) -> Run:
    """Run ``command`` once. CPU time comes from ``wait4`` and includes the
    worker processes the command waited for. Peak memory is that of the
    largest single process, from ``/usr/bin/time``: the kernel counts what a
    child shared with this (large) process before it started the command,
    so ``wait4``'s figure would report this process's memory instead."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak:
        prefix = [TIME, "-o", peak.name, "-f", "%M"] if TIME else []
        started = time.perf_counter()
        process = subprocess.Popen(
            [*prefix, *command],
            stdout=out if keep_output else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output = b""
        if keep_output:
            out.seek(0)
            output = out.read()
        maxrss_kb = usage.ru_maxrss
        if TIME:
            for text in peak.read().split():
                if text.isdigit():
                    maxrss_kb = int(text)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, maxrss_kb / 1024, process.returncode, output)


def interpreter() -> tuple[str, str]:
    """(the venv's python, the binary it is). The tool, the peer and the
    bare interpreter all run as the first: one binary, started alike. The
    binary started by its own path reads its installation's site-packages
    (and every ``.pth`` file there) at start-up, which the venv's python
    does not: on this project's machine that is about 24 ms of CPU more for
    every start, so the peer run that way would look slower than it is."""
    venv_python = sys.executable
    binary = os.path.realpath(venv_python)
    if "shims" in Path(venv_python).parts or "shims" in Path(binary).parts:
        sys.exit(f"benchmark: {venv_python} is a version-manager shim; run with the real binary")
    return venv_python, binary


def compile_package() -> None:
    """Write the bytecode of the tool's modules (as an installation does), so
    no run compiles them from source."""
    import compileall

    compileall.compile_dir(ROOT / "audit", quiet=1)
    compileall.compile_dir(ROOT / "benchmarks", quiet=1)


def tool_command(*args: str, cache: bool = False) -> list[str]:
    """``indicator-audit lint`` with ``args``; results are not kept between
    runs (``--no-cache``) unless ``cache``."""
    venv_python, _ = interpreter()
    script = Path(venv_python).parent / "indicator-audit"
    entry = [str(script)] if script.exists() else ["-c", "from audit.cli import run; run()"]
    options = [] if cache else ["--no-cache"]
    return [venv_python, *entry, "lint", "--no-config", "--quiet", *options, *args]


def paired(a: list[str], b: list[str], runs: int) -> dict[str, float]:
    """Interleaved A/B runs (the order alternates); medians and the median
    of the per-pair ratios A/B."""
    measure(a), measure(b)  # warm the OS file cache and bytecode
    pairs = []
    for index in range(runs):
        if index % 2:
            second, first = measure(b), measure(a)
        else:
            first, second = measure(a), measure(b)
        pairs.append((first, second))
    return {
        "a": statistics.median(p[0].wall for p in pairs),
        "b": statistics.median(p[1].wall for p in pairs),
        "ratio": statistics.median(p[0].wall / p[1].wall for p in pairs),
        "a_cpu": statistics.median(p[0].cpu for p in pairs),
        "b_cpu": statistics.median(p[1].cpu for p in pairs),
        "cpu_ratio": statistics.median(p[0].cpu / max(p[1].cpu, 1e-6) for p in pairs),
    }


def _ms(wall: float, cpu: float) -> str:
    return f"{wall * 1000:7.1f} / {cpu * 1000:5.1f} ms"


# --------------------------------------------------------------------------
# In-process


def stages(work: Path, repeats: int) -> dict[str, float]:
    """Median per-stage seconds over ``repeats`` variants of the large table
    (the first variant, untimed, builds the parsers), and the median CPU
    seconds of read + parse + check."""
    import gc
    import io

    gc.set_threshold(50_000, 20, 100)  # as the command-line entry point
    from audit.config import load_config
    from audit.lint import lint_one
    from audit.reports import renderer
    from audit.results import LintResult

    started = time.perf_counter()
    config = load_config(None, discover=False)
    config.specs()
    setup = time.perf_counter() - started
    render = renderer("json")
    rows: list[dict[str, float]] = []
    size = clauses = 0
    for index in range(repeats + 1):
        path = work / f"stage-{index}.txt"
        path.write_text(corpus.variant(TABLE, index + 1), encoding="utf-8")
        cpu = time.process_time()
        result = lint_one(str(path), config)  # it times read, parse and check apart
        timings = dict(result.timings)
        timings["cpu: read + parse + check"] = time.process_time() - cpu
        started = time.perf_counter()
        render(LintResult([result]), io.StringIO(), config=config)
        timings["report"] = time.perf_counter() - started
        if index:
            rows.append(timings)
            size = path.stat().st_size
            assert result.document is not None
            clauses = result.document.counts()["clauses"]
    out = {stage: statistics.median(row[stage] for row in rows) for stage in rows[0]}
    out["config + rules setup"] = setup
    out["bytes"] = size
    out["clauses"] = clauses
    return out


# --------------------------------------------------------------------------
# Report


def line(label: str, value: str) -> None:
    print(f"  {label:<62} {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller corpora")
    parser.add_argument("--runs", type=int, help="paired whole-process runs (default 21; 7 quick)")
    parser.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    parser.add_argument("--only", choices=("process", "stages", "corpus"), help="one section only")
    args = parser.parse_args()
    runs = args.runs or (7 if args.quick else 21)
    copies = 30 if args.quick else 100
    many = 1_000 if args.quick else 10_000
    work = args.keep or Path(tempfile.mkdtemp(prefix="indicator-audit-bench-"))
    venv_python, binary = interpreter()
    print(f"interpreter: {venv_python} -> {binary}")
    compile_package()
    load()
    try:
        if args.only in (None, "process"):
            section_process(runs, venv_python)
        if args.only in (None, "stages"):
            section_stages(work, 3 if args.quick else 7)
        if args.only in (None, "corpus"):
            section_corpus(work, copies, many, 1 if args.quick else 3)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def section_process(runs: int, python: str) -> None:
    binary = python  # the peer and the bare interpreter start as the tool does
    if not PEER.exists():
        print(f"whole process: skipped, no peer script at {PEER} (set $PEER_SCRIPT)")
        return
    print(f"\nwhole process on {TABLE.name}, {runs} interleaved pairs (median)")
    peer = [binary, str(PEER), str(TABLE)]
    # Cold: every run reads, parses and checks the table (results not kept).
    cold = paired(tool_command("--format", "json", str(TABLE)), peer, runs)
    _process_lines("cold, --no-cache", cold)
    # Warm: the table's results are kept from the run before (an unchanged
    # table linted again, as in CI); a private cache directory of its own.
    with tempfile.TemporaryDirectory(prefix="indicator-audit-bench-cache-") as directory:
        os.environ["INDICATOR_AUDIT_CACHE"] = directory
        try:
            tool = tool_command("--format", "json", str(TABLE), cache=True)
            warm = paired(tool, peer, runs)
            miss = measure(tool_command("--format", "json", str(TABLE)), True)
            hit = measure(tool, True)
        finally:
            os.environ.pop("INDICATOR_AUDIT_CACHE", None)
    _process_lines("warm, results kept", warm)
    line(
        "  warm report identical to the cold one",
        "yes" if hit.output == miss.output and hit.output else "NO",
    )
    # Start-up: the bare interpreter, the command line without linting, and
    # a lint of the smallest table (imports, configuration, rules, parsers).
    small = ROOT / "examples" / "older-layout.txt"
    fixed = paired(tool_command("--format", "json", str(small)), [binary, "-c", "pass"], runs)
    version = [sys.executable, *tool_command()[1:2], "--version"]
    if version[1] != "-c":
        cli = paired(version, [binary, "-c", "pass"], runs)
        line("CPU: python -c pass", f"{cli['b_cpu'] * 1000:7.1f} ms")
        line("CPU: indicator-audit --version", f"{cli['a_cpu'] * 1000:7.1f} ms")
    line(
        f"CPU: lint --no-cache --format json {small.name} (the smallest table)",
        f"{fixed['a_cpu'] * 1000:7.1f} ms",
    )
    tool_run = measure(tool_command("--format", "json", str(TABLE)))
    peer_run = measure(peer)
    line("peak memory, tool / peer", f"{tool_run.maxrss_mb:5.1f} / {peer_run.maxrss_mb:.1f} MB")


def _process_lines(label: str, times: dict[str, float]) -> None:
    line(f"lint --format json, {label}: wall / CPU", f"{_ms(times['a'], times['a_cpu'])}")
    line("  peer_regex.py: wall / CPU", f"{_ms(times['b'], times['b_cpu'])}")
    line(
        "  ratio (median of the pairs' ratios): wall / CPU",
        f"{times['ratio']:5.2f}x / {times['cpu_ratio']:.2f}x",
    )


def section_stages(work: Path, repeats: int) -> None:
    work.mkdir(parents=True, exist_ok=True)
    result = stages(work, repeats)
    size, clauses = result.pop("bytes"), result.pop("clauses")
    print(
        f"\nin-process stages, median of {repeats} variants of {TABLE.name}"
        f" ({size / 1e6:.2f} MB, {clauses:,} clauses)"
    )
    for stage in ("config + rules setup", "read", "parse", "check", "report"):
        if stage in result:
            line(stage, f"{result[stage] * 1000:7.1f} ms")
    core = sum(result[s] for s in ("read", "parse", "check") if s in result)
    cpu = result["cpu: read + parse + check"]
    line("read + parse + check, wall / CPU", f"{core * 1000:7.1f} / {cpu * 1000:.1f} ms")
    line(
        "throughput (read + parse + check, CPU time, one core)",
        f"{size / 1e6 / cpu:7.2f} MB/s, {clauses / cpu:,.0f} clauses/s",
    )
    load()


def load() -> None:
    """The machine's load: the figures above are only as quiet as it was."""
    one, five, _ = os.getloadavg()
    line("load average (1 min, 5 min)", f"{one:.2f}, {five:.2f} on {os.cpu_count()} cores")


def section_corpus(work: Path, copies: int, many: int, pair_runs: int) -> None:
    print(f"\ncorpora of the repository's {len(corpus.TABLES)} tables (whole process)")
    sizes = {}
    times: dict[str, Run] = {}
    for factor in (1, 10, copies):
        directory = work / f"x{factor}"
        if not directory.exists():
            corpus.write_corpus(directory, factor)
        files = sorted(directory.iterdir())
        sizes[factor] = sum(p.stat().st_size for p in files)
        run = measure(tool_command("--format", "text", "--jobs", "1", str(directory)))
        times[f"x{factor}"] = run
        line(
            f"x{factor}: {len(files):,} files, {sizes[factor] / 1e6:.1f} MB, --jobs 1, wall / CPU",
            f"{run.wall:6.2f} / {run.cpu:.2f} s  {sizes[factor] / 1e6 / run.cpu:5.2f} MB/s (CPU)"
            f"  {run.maxrss_mb:4.0f} MB peak",
        )
    big, small = times[f"x{copies}"], times["x1"]
    line(
        f"x{copies} / x1, wall / CPU",
        f"{big.wall / small.wall:6.1f}x / {big.cpu / small.cpu:.1f}x",
    )

    directory = work / f"x{copies}"
    for fmt in ("text", "json"):
        pairs = []
        for index in range(pair_runs):
            one = tool_command("--format", fmt, "--jobs", "1", str(directory))
            two = tool_command("--format", fmt, "--jobs", "2", str(directory))
            if index % 2:
                second, first = measure(two, True), measure(one, True)
            else:
                first, second = measure(one, True), measure(two, True)
            pairs.append((first, second))
        same = all(a.output == b.output for a, b in pairs)
        wall1 = statistics.median(a.wall for a, _ in pairs)
        wall2 = statistics.median(b.wall for _, b in pairs)
        speedup = statistics.median(a.wall / b.wall for a, b in pairs)
        line(
            f"x{copies} --format {fmt}: --jobs 1 / --jobs 2 ({pair_runs} pairs)",
            f"{wall1:6.2f} s / {wall2:.2f} s: {speedup:4.2f}x faster,"
            f" output {'identical' if same else 'DIFFERENT'}"
            f" ({len(pairs[0][0].output) / 1e6:.1f} MB)",
        )
        cpu1 = statistics.median(a.cpu for a, _ in pairs)
        cpu2 = statistics.median(b.cpu for _, b in pairs)
        line(
            "  CPU, --jobs 1 / --jobs 2 (all processes)",
            f"{cpu1:6.2f} s / {cpu2:.2f} s: the work of two processes is {cpu2 / cpu1:.2f}x",
        )
        # On a machine with two idle cores --jobs 2 would be this much faster
        # at best; on a loaded one, the measured speedup above is what it got.
        line("  speedup two idle cores would allow (2 x CPU1 / CPU2)", f"{2 * cpu1 / cpu2:6.2f}x")
        line(
            "  peak memory (largest process), --jobs 1 / 2",
            f"{pairs[0][0].maxrss_mb:5.0f} / {pairs[0][1].maxrss_mb:.0f} MB",
        )
    load()

    large = work / "large.txt"
    large_copies = 8 if copies < 100 else 20
    if not large.exists():
        corpus.large_table(large, large_copies)
    size = large.stat().st_size
    run = measure(tool_command("--format", "text", str(large)))
    line(
        f"one table of {size / 1e6:.1f} MB ({large_copies} variants of {TABLE.name}), wall / CPU",
        f"{run.wall:6.2f} / {run.cpu:.2f} s  {size / 1e6 / run.cpu:5.2f} MB/s (CPU)"
        f"  {run.maxrss_mb:4.0f} MB peak",
    )

    directory = work / f"many{many}"
    if not directory.exists():
        corpus.many_files(directory, many)
    total = sum(p.stat().st_size for p in directory.iterdir())
    for jobs in ("1", "2"):
        run = measure(tool_command("--format", "text", "--jobs", jobs, str(directory)))
        line(
            f"{many:,} files ({total / 1e6:.0f} MB), --format text --jobs {jobs}, wall / CPU",
            f"{run.wall:6.1f} / {run.cpu:.1f} s  {run.maxrss_mb:4.0f} MB peak (largest process)",
        )
    run = measure(tool_command("--format", "json", "--jobs", "1", str(directory)))
    line(
        f"{many:,} files, --format json --jobs 1 (holds every finding), wall / CPU",
        f"{run.wall:6.1f} / {run.cpu:.1f} s  {run.maxrss_mb:4.0f} MB peak",
    )
    load()


if __name__ == "__main__":
    sys.exit(main())
