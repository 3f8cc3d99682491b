"""Linting many files: ``--jobs``, worker processes, any executor, input
order, streaming, and the same output byte for byte however the work is
spread. (Speed is measured by ``benchmarks/run.py``, not here.)"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import lint
from audit.cli import main
from audit.config import load_config
from audit.inputs import load
from audit.lint import chunks, iter_lint, lint_one, lint_paths
from tests.conftest import PLACEHOLDER, SEED_001, SEED_002, SEED_004, tsv_table

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".csv"))


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """Real tables in every layout, a table with a finding, a file that is
    not a table and one that does not exist, in an order that is not sorted."""
    paths = []
    for index, table in enumerate([SEED_004, SEED_001, *EXAMPLES, SEED_004]):
        target = tmp_path / f"{9 - index}-{table.name}"
        shutil.copy(table, target)
        paths.append(str(target))
    (tmp_path / "draft.txt").write_text(tsv_table([PLACEHOLDER]), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("会议纪要，不是绩效目标表。\n", encoding="utf-8")
    paths[3:3] = [str(tmp_path / "draft.txt"), str(tmp_path / "notes.txt")]
    paths.append(str(tmp_path / "missing.txt"))
    return paths


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Groups of about one file, so a few files make several groups."""
    monkeypatch.setattr(lint, "MIN_CHUNK_BYTES", 1)
    monkeypatch.setattr(lint, "MAX_CHUNK_BYTES", 1)


def _outline(result: lint.LintResult) -> list[tuple[str, str | None, list[object]]]:
    return [(f.path, f.error, f.findings) for f in result.files]


def test_worker_processes_give_the_same_result(corpus: list[str], small_chunks: None) -> None:
    config = load_config(None, discover=False)
    sequential = lint_paths(corpus, config, load)
    parallel = lint_paths(corpus, config, load, jobs=2)
    assert [f.path for f in parallel.files] == corpus
    assert _outline(parallel) == _outline(sequential)
    assert parallel.summary() == sequential.summary()
    assert sequential.findings and sequential.failed
    assert [f.path for f in parallel.failed] == [corpus[4], corpus[-1]]
    # Documents come back from the workers for the reports that need them.
    assert parallel.files[0].document is not None
    assert parallel.files[0].document.counts() == sequential.files[0].document.counts()


def test_any_executor(corpus: list[str], small_chunks: None) -> None:
    config = load_config(None, discover=False)
    sequential = lint_paths(corpus, config, load)
    with ThreadPoolExecutor(max_workers=3) as executor:
        threaded = lint_paths(corpus, config, load, executor=executor)
    assert _outline(threaded) == _outline(sequential)


def test_rules_written_in_yaml_reach_the_workers(
    tmp_path: Path, corpus: list[str], small_chunks: None
) -> None:
    """A rule defined in the configuration is a closure: the workers get the
    configuration by forking, not by pickling."""
    config_file = tmp_path / "custom.yaml"
    config_file.write_text(
        "rules:\n  no-count:\n    type: pattern\n    field: indicator\n"
        "    must_not_match: '人数'\n    message: 指标含「{text}」\n    severity: info\n",
        encoding="utf-8",
    )
    config = load_config(str(config_file), discover=False)
    sequential = lint_paths(corpus, config, load)
    parallel = lint_paths(corpus, config, load, jobs=2)
    assert any(f.rule == "no-count" for f in sequential.findings)
    assert _outline(parallel) == _outline(sequential)


def test_results_arrive_in_input_order_and_count_files(
    corpus: list[str], small_chunks: None
) -> None:
    config = load_config(None, discover=False)
    seen: list[str] = []
    results = list(iter_lint(corpus, config, load, jobs=2, on_file=seen.append))
    assert [r.path for r in results] == corpus == seen


def test_dropped_documents_keep_counts_layout_and_encoding() -> None:
    config = load_config(None, discover=False)
    kept = lint_one(str(SEED_002), config, load)
    dropped = lint_one(str(SEED_002), config, load, keep_document=False)
    assert dropped.document is None and kept.document is not None
    assert dropped.counts == kept.counts and dropped.counts["projects"] == 258
    assert dropped.summary is not None
    assert (dropped.summary["layout"], dropped.summary["encoding"]) == ("tsv", "utf-8")
    assert dropped.findings == kept.findings
    assert set(kept.timings) >= {"check"} and all(t >= 0 for t in kept.timings.values())


def test_chunks_group_consecutive_files(tmp_path: Path) -> None:
    paths = []
    for index in range(10):
        path = tmp_path / f"{index}.txt"
        path.write_bytes(b"x" * 100_000)
        paths.append(str(path))
    groups = chunks([*paths[:5], "-", *paths[5:], str(tmp_path / "missing.txt")], workers=2)
    flat = [path for group in groups for path in group]
    assert flat == [*paths[:5], "-", *paths[5:], str(tmp_path / "missing.txt")]
    assert ["-"] in groups
    # 1 MB over 2 workers: groups of at least 128 KiB, so two files each.
    assert [len(g) for g in groups] == [2, 2, 1, 1, 2, 2, 2]
    assert chunks([], workers=2) == []


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args)
    return status, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_cli_output_is_the_same_byte_for_byte(
    fmt: str, corpus: list[str], small_chunks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["lint", "--no-config", "--format", fmt, *corpus]
    one = _cli([*common, "--jobs", "1"], capsys)
    two = _cli([*common, "--jobs", "2"], capsys)
    assert one == two
    assert one[0] == 2  # a file could not be read
    assert "placeholder" in one[1]


def test_text_report_streams_with_read_errors_in_it_once(
    corpus: list[str], small_chunks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["lint", "--no-config", "--format", "text", "--jobs", "2", *corpus])
    captured = capsys.readouterr()
    assert status == 2
    # A read error is a line of the report, in input order, and not repeated on stderr.
    lines = captured.out.splitlines()
    unreadable = [line for line in lines if "[read-error]" in line]
    assert [line.split(":0:0:")[0] for line in unreadable] == [corpus[4], corpus[-1]]
    assert lines[-1] == unreadable[-1]
    assert "[read-error]" not in captured.err and corpus[-1] not in captured.err


@pytest.mark.parametrize(("fail_on", "status"), [("error", 1), ("never", 0)])
def test_streamed_exit_status_follows_fail_on(
    tmp_path: Path, fail_on: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(tsv_table([PLACEHOLDER]), encoding="utf-8")
    args = ["lint", "--no-config", "--format", "text", "--fail-on", fail_on, str(path)]
    assert main([*args, str(SEED_004)]) == status
    assert "[placeholder]" in capsys.readouterr().out


def test_streamed_report_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.txt"
    args = ["lint", "--no-config", "--format", "text", str(SEED_001), str(SEED_004)]
    main([*args, "--jobs", "1"])
    expected = capsys.readouterr().out
    main([*args, "--jobs", "2", "--output", str(out)])
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == expected
    status = main([*args, "--output", str(tmp_path / "no" / "such" / "dir.txt")])
    assert status == 2
    assert "--output" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["lint", "--jobs", value, str(SEED_004)])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_progress_bar_counts_files(
    monkeypatch: pytest.MonkeyPatch, corpus: list[str], small_chunks: None
) -> None:
    """The bar advances once per file, as each file is done."""
    import contextlib

    from audit import commands

    advanced: list[str] = []

    def progress(paths: list[str], quiet: bool) -> Iterator[object]:
        yield advanced.append

    monkeypatch.setattr(commands, "_progress", contextlib.contextmanager(progress))
    main(["lint", "--no-config", "--format", "json", "--jobs", "2", *corpus])
    assert advanced == corpus
    advanced.clear()
    main(["lint", "--no-config", "--format", "text", "--jobs", "2", *corpus])
    assert advanced == corpus


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_reports_without_documents_are_the_same(fmt: str, corpus: list[str]) -> None:
    """The formats that do not show source text give the same report from
    what a worker sends back (findings, counts, grades) as from documents."""
    import io

    from audit.reports import renderer

    config = load_config(None, discover=False)
    with_documents = lint_paths(corpus, config, load)
    without = lint_paths(corpus, config, load, keep_documents=False)
    assert all(f.document is None for f in without.files)
    reports = []
    for result in (with_documents, without):
        out = io.StringIO()
        renderer(fmt)(result, out, config=config, fail_on="error")
        reports.append(out.getvalue())
    assert reports[0] == reports[1]
    assert "placeholder" in reports[0]


@pytest.mark.parametrize(
    ("args", "jobs", "keep"),
    [
        (["--format", "json", str(SEED_001), str(SEED_004)], 7, False),
        (["--format", "json", str(SEED_001)], 1, False),
        (["--format", "rich", str(SEED_001), str(SEED_004)], 1, True),
        (["--format", "sarif", str(SEED_001), str(SEED_004)], 7, False),
        (["--format", "junit", str(SEED_001), str(SEED_004)], 1, True),
        (["--format", "rich", "--statistics", str(SEED_001), str(SEED_004)], 7, False),
        (["--format", "html", "--jobs", "3", str(SEED_001), str(SEED_004)], 3, True),
        (["--format", "json", "--jobs", "1", str(SEED_001), str(SEED_004)], 1, False),
    ],
)
def test_default_jobs(
    monkeypatch: pytest.MonkeyPatch, args: list[str], jobs: int, keep: bool
) -> None:
    """One worker per core for several files whose report needs no source
    text; in this process otherwise, or as --jobs says."""
    seen: dict[str, object] = {}
    real = lint.lint_paths

    def spy(*positional: object, **options: object) -> lint.LintResult:
        seen.update(options)
        options["jobs"] = 1
        return real(*positional, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(lint, "lint_paths", spy)
    monkeypatch.setattr(lint, "default_jobs", lambda: 7)
    main(["lint", "--no-config", "-q", *args])
    assert (seen["jobs"], seen["keep_documents"]) == (jobs, keep)


def _dies_on_004(path: str) -> object:
    if "004" in path:
        import os

        os._exit(3)  # a worker killed (out of memory, a signal)
    return load(path)


def test_a_worker_that_dies_is_one_clear_error(
    corpus: list[str],
    small_chunks: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = load_config(None, discover=False)
    with pytest.raises(lint.WorkerError, match="a worker process stopped while linting"):
        lint_paths(corpus, config, _dies_on_004, jobs=2)  # type: ignore[arg-type]
    from audit import commands

    reads = commands._Loader.__call__

    def dying(self: commands._Loader, path: str) -> object:
        if "004" in path:
            _dies_on_004(path)
        return reads(self, path)

    monkeypatch.setattr(commands._Loader, "__call__", dying)
    for fmt in ("text", "json"):
        status = main(["lint", "--no-config", "--format", fmt, "--jobs", "2", *corpus])
        captured = capsys.readouterr()
        assert status == 2
        assert "Traceback" not in captured.err
        assert captured.err.splitlines()[-1].startswith(
            "indicator-audit: a worker process stopped while linting"
        )
        assert captured.err.splitlines()[-1].endswith("--jobs 1 lints in this process")


def test_without_fork_an_unpicklable_loader_lints_here(
    corpus: list[str], small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where workers are spawned (macOS, Windows) they must be sent the
    configuration and the loader; what cannot be sent is linted here."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    config = load_config(None, discover=False)
    expected = lint_paths(corpus, config, load)
    result = lint_paths(corpus, config, lambda path: load(path), jobs=2)
    assert _outline(result) == _outline(expected)


def test_the_warm_up_table_exercises_the_parsers_and_rules() -> None:
    """Workers inherit what linting the warm-up table built: it must be a
    table whose clause and values parse."""
    from audit.pipeline import load_text

    document = load_text(lint._WARM_UP_TABLE, "<warm-up>")
    assert document.counts()["clauses"] == 1
    (project,) = document.projects
    (clause,) = project.clauses
    assert [f.value.kind for f in clause.fields] == ["quantity", "quantity"]


def test_json_report_written_a_finding_at_a_time_is_json_dump(corpus: list[str]) -> None:
    import io
    import json

    from audit.model import Finding
    from audit.reports.json_report import render, report_dict

    config = load_config(None, discover=False)
    result = lint_paths(corpus, config, load, keep_documents=False)
    odd = Finding(
        "placeholder",
        "error",
        '多行\n"引号"\t\\',
        "t.txt",
        1,
        2,
        1,
        3,
        None,
        "项目",
        1,
        None,
        "\x00",
    )
    result.files[0].findings.append(odd)
    for files in (result.files, result.files[:1], [], [result.files[4]]):
        part = lint.LintResult(files)
        out = io.StringIO()
        render(part, out, config=config)
        expected = json.dumps(report_dict(part, config), ensure_ascii=False, indent=2) + "\n"
        assert out.getvalue() == expected
        assert json.loads(out.getvalue())["findings"] == [f.as_dict() for f in part.findings]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_end_when_the_command_is_killed(tmp_path: Path) -> None:
    """A killed command leaves no worker behind waiting on its pipes."""
    import os
    import signal
    import subprocess
    import sys
    import time

    for index in range(40):
        shutil.copy(SEED_002, tmp_path / f"{index:02d}.txt")
    command = [sys.executable, "-m", "audit", "lint", "--no-config", "-q", "--jobs", "2"]
    process = subprocess.Popen([*command, str(tmp_path)], stdout=subprocess.DEVNULL)
    workers: list[int] = []
    for _ in range(200):  # until both workers have started
        workers = _children(process.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    alive = workers
    for _ in range(200):  # they notice within a second or so
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and _running(pid)]
        if not alive:
            break
        time.sleep(0.1)
    assert alive == []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES, st.sampled_from(["", "  ", "    "]))
def test_the_reports_encoder_writes_what_json_dumps_writes(value: object, margin: str) -> None:
    """The JSON report's own indented encoder (strings escaped by the standard
    library's C function, flat objects by its C encoder) is byte for byte
    ``json.dumps(..., ensure_ascii=False, indent=2)``, for any document."""
    import json

    from audit.reports.json_report import indented

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + margin)
    assert indented(value, margin) == expected


def test_json_report_of_many_files_is_written_in_pieces(corpus: list[str]) -> None:
    """The report of a large run is never built as one string: its lists
    (files, findings, projects) are written an item at a time, in blocks of
    about 64 KiB, so a year of tables holds its findings and no copy of the
    report."""
    import json

    from audit.reports.json_report import render

    config = load_config(None, discover=False)
    result = lint_paths(corpus, config, load, keep_documents=False)
    many = lint.LintResult(result.files * 300)
    writes: list[int] = []

    class Recording:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> int:
            writes.append(len(text))
            self.parts.append(text)
            return len(text)

    out = Recording()
    render(many, out, config=config)  # type: ignore[arg-type]
    report = json.loads("".join(out.parts))
    assert len(report["files"]) == len(many.files)
    assert len(report["projects"]) > 1000
    assert sum(writes) > 2_000_000
    assert max(writes) < 256 * 1024


def test_a_worker_that_starts_after_its_command_was_killed_ends_at_once() -> None:
    """The command is killed between starting a worker and the worker's
    set-up: the worker, adopted by another process, must not wait for ever."""
    import subprocess
    import sys

    code = (
        "import os, time\n"
        "from audit.lint import _exit_with_parent\n"
        "_exit_with_parent(os.getppid() + 1_000_000)  # not its parent any more\n"
        "time.sleep(30)\n"
        "print('still running')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=25)
    assert (done.returncode, done.stdout) == (1, "")


_INHERITED_GARBAGE = """
import gc, os, sys, weakref
from audit.config import load_config
from audit.lint import _init_worker
gc.disable()
class Pool:
    pass
pool = Pool()
pool.me = pool  # garbage in a cycle, as an earlier executor left
fired = []
ref = weakref.ref(pool, lambda r: fired.append(r))
del pool
pid = os.fork()
if pid == 0:
    if sys.argv[1] == "worker":
        _init_worker(load_config(None, discover=False), None, False, None, os.getppid())
    gc.collect()
    os._exit(3 if fired else 0)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
"""


@pytest.mark.parametrize(("child", "status"), [("worker", "0"), ("plain", "3")])
def test_a_worker_leaves_its_parents_garbage_to_its_parent(child: str, status: str) -> None:
    """A forked worker never collects what it inherited: an executor of an
    earlier pool collected there would run its weakref callback, which waits
    for a lock the parent held when it forked. Near miss: a plain forked
    child does collect it (the callback fires), so the test can fail."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _INHERITED_GARBAGE, child],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.stdout.strip(), done.stderr) == (status, "")
