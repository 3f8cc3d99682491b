"""Linting files: read → parse → check, each stage timed on its own, in this
process or in worker processes.

:func:`lint_one` lints one file; it is what a worker runs. :func:`iter_lint`
yields the results of many files in input order, sequentially or through an
executor (``--jobs N`` makes a process pool; the Python API accepts any
:class:`concurrent.futures.Executor`, such as a Dask or Ray pool).
:func:`lint_paths` collects them into one :class:`LintResult`.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from audit.config import Config
from audit.engine import SEVERITY_RANK, Finding, run, severity_counts
from audit.model import Document

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

Loader = Callable[[str], Document]


class FileResult:
    """One input: its document, or why it could not be read, and findings.

    A worker may leave the document out (it is large to send between
    processes); ``summary`` then keeps what the reports that do not show
    source text need of it: the counts, the layout, the encoding, the grades
    and the name of the clause of each finding (for SARIF fingerprints).
    ``timings`` holds the seconds each stage took on this file.
    """

    __slots__ = ("baselined", "document", "error", "findings", "path", "summary", "timings")

    def __init__(
        self,
        path: str,
        document: Document | None = None,
        error: str | None = None,
        findings: list[Finding] | None = None,
    ) -> None:
        self.path = path
        self.document = document
        self.error = error
        self.findings: list[Finding] = [] if findings is None else findings
        self.baselined: list[Finding] = []
        """Findings a baseline took out of ``findings``: not shown, not
        counted in the exit status, but still graded."""
        self.summary: dict[str, Any] | None = None
        self.timings: dict[str, float] = {}

    @property
    def skipped(self) -> bool:
        """A walked file that turned out not to be a table: no document, no
        error, nothing kept of a document."""
        return self.document is None and self.error is None and self.summary is None

    @property
    def counts(self) -> dict[str, int]:
        if self.document is None:
            if self.summary is not None:
                return {key: self.summary[key] for key in ("units", "projects", "clauses")}
            return {"units": 0, "projects": 0, "clauses": 0}
        counts = self.document.counts()
        return {key: counts[key] for key in ("units", "projects", "clauses")}

    def drop_document(self, config: Config | None = None) -> None:
        """Forget the document, keeping its counts, layout, encoding, the
        grades of its projects under ``config``'s grading and the clause names
        of the findings."""
        from audit.baseline import clause_names
        from audit.grading import file_grades

        document = self.document
        if document is None:
            return
        self.summary = {
            **self.counts,
            "layout": document.layout,
            "encoding": document.source.encoding,
            "grades": file_grades(self, config),
            "clause_names": clause_names(self),
        }
        self.document = None


class LintResult:
    """Every file of a run, with the time each stage took."""

    __slots__ = ("files", "timings")

    def __init__(self, files: list[FileResult], timings: dict[str, float] | None = None) -> None:
        self.files = files
        self.timings: dict[str, float] = {} if timings is None else timings

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.files if r.error is not None]

    def summary(self) -> dict[str, Any]:
        findings = self.findings
        totals = Counter[str]()
        for result in self.files:
            totals.update(result.counts)
        by_severity = severity_counts(findings)
        by_rule = dict(sorted(Counter(f.rule for f in findings).items()))
        return {
            "files": len(self.files),
            "failed": len(self.failed),
            "units": totals["units"],
            "projects": totals["projects"],
            "clauses": totals["clauses"],
            "findings": len(findings),
            "by_severity": by_severity,
            "by_rule": by_rule,
        }

    def reaches(self, threshold: str) -> bool:
        """True when a finding is at least as severe as ``threshold``."""
        if threshold == "never":
            return False
        rank = SEVERITY_RANK[threshold]
        return any(SEVERITY_RANK[f.severity] >= rank for f in self.findings)


def _read_path(path: str) -> Document:
    from audit.readers import read_path

    return read_path(path)


def lint_one(
    path: str, config: Config, load: Loader | None = None, keep_document: bool = True
) -> FileResult:
    """Read, parse and check one file. A file that cannot be read is a
    result with its reason, never an exception. ``load`` reads the file into
    a document (the parse stage then parses what it has not)."""
    from audit.parsing import parse_document
    from audit.readers import ReadError

    clock = time.perf_counter
    result = FileResult(path)
    document = None
    started = clock()
    try:
        document = (load or _read_path)(path)
    except ReadError as error:
        result.error = str(error)
    read = parsed = clock()
    if document is not None:
        if path == "-":
            result.path = document.path  # standard input under the name it was read as
        document = parse_document(document)
        parsed = clock()
        result.document = document
        result.findings = run(document, config)
        if not keep_document:
            result.drop_document(config)
    result.timings = {"read": read - started, "parse": parsed - read, "check": clock() - parsed}
    return result


# --------------------------------------------------------------------------
# Many files


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


MIN_CHUNK_BYTES = 128 * 1024
MAX_CHUNK_BYTES = 4 * 1024 * 1024
MAX_CHUNK_FILES = 256


def chunks(paths: list[str], workers: int) -> list[list[str]]:
    """Consecutive paths grouped so that each group is worth sending to a
    worker: about an eighth of each worker's share of the bytes, between
    128 KiB and 4 MiB, at most 256 files. Standard input (``-``) is a group
    of its own (only this process can read it)."""
    sizes = []
    for path in paths:
        try:
            sizes.append(os.path.getsize(path) if path != "-" else 0)
        except OSError:
            sizes.append(0)
    target = sum(sizes) // max(1, workers * 8)
    target = min(MAX_CHUNK_BYTES, max(MIN_CHUNK_BYTES, target))
    groups: list[list[str]] = []
    current: list[str] = []
    size = 0
    for path, path_size in zip(paths, sizes, strict=True):
        if path == "-":
            if current:
                groups.append(current)
            groups.append([path])
            current, size = [], 0
            continue
        current.append(path)
        size += path_size
        if size >= target or len(current) >= MAX_CHUNK_FILES:
            groups.append(current)
            current, size = [], 0
    if current:
        groups.append(current)
    return groups


# What a worker of this module's own process pool lints with; set in the
# parent before the workers fork, so the configuration (which may hold rules
# defined in YAML, as closures) is never pickled.
_WORKER: tuple[Config, Loader | None, bool] | None = None


def _init_worker(config: Config, load: Loader | None, keep_documents: bool) -> None:
    global _WORKER
    _WORKER = (config, load, keep_documents)
    _exit_with_parent()


def _exit_with_parent() -> None:
    """End this worker when the command that started it is gone (killed):
    a forked worker shares its parent's pipes, so it would otherwise wait
    for them for ever."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="indicator-audit-parent-watch", daemon=True).start()


def _lint_chunk_in_worker(paths: list[str]) -> list[FileResult]:
    assert _WORKER is not None
    config, load, keep_documents = _WORKER
    return [lint_one(path, config, load, keep_documents) for path in paths]


def lint_chunk(
    paths: list[str], config: Config, load: Loader | None = None, keep_documents: bool = True
) -> list[FileResult]:
    """:func:`lint_one` over a group of files: the task an executor runs."""
    return [lint_one(path, config, load, keep_documents) for path in paths]


_WARM_UP_TABLE = (
    "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
    "示例项目\t1.00\t1.00\t\t\t保障示例项目顺利实施，按期完成年度工作任务。\t"
    "1、1-产出指标；11-数量指标；服务人数；实施周期指标值:≥1人；年度指标值:≥1人。\n"
)


def _warm_up(config: Config) -> None:
    """Lint a one-clause table here, before the workers fork: they inherit
    the built parsers and the rules' compiled patterns instead of each
    building its own."""
    from audit.parsing import parse_document
    from audit.readers import ReadError, read_text

    with contextlib.suppress(ReadError):
        run(parse_document(read_text(_WARM_UP_TABLE, "<warm-up>")), config)


class WorkerError(Exception):
    """A worker process stopped before it returned its files' results."""


def _process_pool(jobs: int, config: Config, load: Loader | None, keep: bool) -> Executor | None:
    """A pool of ``jobs`` processes, or None where its workers could not be
    given the configuration (no ``fork``, and it holds what cannot pickle)."""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers inherit the imported modules and the built parsers, and
    # receive the configuration without pickling it.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if method is None:
        try:
            pickle.dumps((config, load))
        except (pickle.PicklingError, AttributeError, TypeError):
            return None
    else:
        _warm_up(config)
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(config, load, keep),
    )


def iter_lint(
    paths: Iterable[str],
    config: Config,
    load: Loader | None = None,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    keep_documents: bool = True,
    on_file: Callable[[str], None] | None = None,
) -> Iterator[FileResult]:
    """The result of each path, in input order, as soon as it and every path
    before it are done.

    With ``executor`` (any :class:`concurrent.futures.Executor`: a process
    pool, ``distributed.Client.get_executor()``) groups of files are linted
    there; the configuration and ``load`` are sent with each group, so both
    must pickle (cloudpickle, which Dask uses, takes closures); ``jobs`` then
    says how many workers it has, to size the groups (default: the
    executor's own count, else this machine's cores). Otherwise ``jobs`` > 1
    lints in that many worker processes of this machine. At most four groups
    per worker are in flight, so memory stays bounded however many files
    there are. ``keep_documents=False`` drops each
    document once checked (see :meth:`FileResult.drop_document`).
    ``on_file`` is called with each path once its result is ready.
    """
    paths = list(paths)
    workers = jobs
    if executor is not None and jobs <= 1:
        workers = getattr(executor, "_max_workers", None) or default_jobs()
    groups = chunks(paths, workers) if workers > 1 else [paths]
    own = executor is None
    pool = executor
    if own and jobs > 1 and len(groups) > 1:
        pool = _process_pool(jobs, config, load, keep_documents)
    if pool is None:
        for path in paths:
            result = lint_one(path, config, load, keep_documents)
            if on_file is not None:
                on_file(path)
            yield result
        return

    from concurrent.futures import BrokenExecutor

    pending: deque[tuple[list[str], Future[list[FileResult]] | None]] = deque()
    ahead = 4 * workers
    remaining = iter(groups)

    def submit() -> bool:
        group = next(remaining, None)
        if group is None:
            return False
        if group == ["-"]:
            pending.append((group, None))  # standard input is read here, in order
        elif own:
            pending.append((group, pool.submit(_lint_chunk_in_worker, group)))
        else:
            pending.append((group, pool.submit(lint_chunk, group, config, load, keep_documents)))
        return True

    try:
        while len(pending) < ahead and submit():
            pass
        while pending:
            group, future = pending.popleft()
            if future is None:
                results = lint_chunk(group, config, load, keep_documents)
            else:
                try:
                    results = future.result()
                except BrokenExecutor as broken:
                    files = group[0] if len(group) == 1 else f"{group[0]} and the files after it"
                    raise WorkerError(
                        f"a worker process stopped while linting {files} ({broken});"
                        " --jobs 1 lints in this process"
                    ) from None
            submit()
            for result in results:
                if on_file is not None:
                    on_file(result.path)
                yield result
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def lint_paths(
    paths: Iterable[str],
    config: Config,
    load: Loader | None = None,
    on_file: Callable[[str], None] | None = None,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    keep_documents: bool = True,
) -> LintResult:
    """Read and check every path; a file that cannot be read is recorded with
    its reason and the others are still checked. ``jobs`` and ``executor``
    are as for :func:`iter_lint`; the result is the same, file for file and
    finding for finding, however the work is spread. ``load`` reads one path
    (default: :func:`audit.readers.read_path`)."""
    files = list(
        iter_lint(
            paths,
            config,
            load,
            jobs=jobs,
            executor=executor,
            keep_documents=keep_documents,
            on_file=on_file,
        )
    )
    timings: dict[str, float] = {"read": 0.0, "parse": 0.0, "check": 0.0}
    for file_result in files:
        for stage, seconds in file_result.timings.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
    return LintResult(files, timings)
