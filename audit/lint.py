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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from audit.config import Config
from audit.engine import run
from audit.exitcodes import InternalError, debugging
from audit.model import Document
from audit.results import FileResult, LintResult, clause_names

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from audit.cache import ResultCache

Loader = Callable[[str], Document]


def drop_document(result: FileResult, config: Config | None = None) -> None:
    """Forget ``result``'s document, keeping its counts, layout, encoding, the
    grades of its projects under ``config``'s grading and the clause names
    of the findings."""
    from audit.grading import file_grades

    document = result.document
    if document is None:
        return
    result.summary = {
        **result.counts,
        "layout": document.layout,
        "encoding": document.source.encoding,
        "grades": file_grades(result, config),
        "clause_names": clause_names(result),
    }
    result.document = None


def _read_path(path: str) -> Document:
    from audit.readers import read_path

    return read_path(path)


def lint_one(
    path: str,
    config: Config,
    load: Loader | None = None,
    keep_document: bool = True,
    cache: ResultCache | None = None,
) -> FileResult:
    """Read, parse and check one file. A file that cannot be read is a
    result with its reason, never an exception. ``load`` reads the file into
    a document (the parse stage then parses what it has not). With ``cache``
    (only without ``keep_document``), a result kept for the same bytes is
    used instead, and a new one is kept."""
    clock = time.perf_counter
    probe = None
    if cache is not None and not keep_document:
        started = clock()
        probe = cache.probe(path)
        if probe is not None:
            kept = cache.get(probe)
            if kept is not None:
                kept.timings = {"read": clock() - started, "parse": 0.0, "check": 0.0}
                return kept
    if probe is None or cache is None:
        return _lint_one(path, config, load, keep_document)
    result = _lint_one(path, config, load, True)
    document = result.document
    # What a reader notes on stderr about a workbook, web page, Word file or
    # PDF (a sheet skipped) is not kept: such a file is kept only when notes
    # are not shown. A text table has nothing to note.
    keep = document is not None and (cache.silent or document.source.locator is None)
    drop_document(result, config)
    if keep:
        cache.put(probe, result)
    return result


_OUT_OF_MEMORY = "out of memory: the table is too large to check on this machine"


def _lint_one(path: str, config: Config, load: Loader | None, keep_document: bool) -> FileResult:
    from audit.parsing import parse_document
    from audit.readers import PassedOver, ReadError

    clock = time.perf_counter
    result = FileResult(path)
    document = None
    started = clock()
    try:
        document = (load or _read_path)(path)
    except PassedOver as passed:
        result.note = str(passed)
    except ReadError as error:
        result.error = str(error)
    except MemoryError:
        result.error = _OUT_OF_MEMORY
    read = parsed = clock()
    if document is not None:
        if path == "-":
            result.path = document.path  # standard input under the name it was read as
        try:
            document = parse_document(document)
            parsed = clock()
            result.document = document
            result.findings = run(document, config)
        except MemoryError:
            # Not a bug: the file is too large for this machine. Said for
            # it, and the other files of the run are still linted.
            result.error = _OUT_OF_MEMORY
            result.document, result.findings = None, []
            return result
        except InternalError as problem:
            # A bug met on this file: said for it, and the other files of
            # the run are still linted and reported.
            if debugging():
                import traceback

                traceback.print_exc()
            result.error, result.internal = problem.lines()
            result.document, result.findings = None, []
            return result
        if not keep_document:
            drop_document(result, config)
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
_WORKER: tuple[Config, Loader | None, bool, ResultCache | None] | None = None


def _init_worker(
    config: Config,
    load: Loader | None,
    keep_documents: bool,
    cache: ResultCache | None = None,
    parent: int | None = None,
) -> None:
    # A forked worker holds a copy of its parent's objects, among them those
    # of an earlier pool of the same process (a library's caller, a test
    # suite): collected here, such an executor's weakref callback waits for
    # a lock the parent held when it forked, for ever (CPython 3.11's
    # concurrent.futures). Inherited objects are the parent's to collect:
    # frozen, the worker's collections pass them over (and leave their pages
    # shared with the parent).
    import gc

    gc.freeze()
    global _WORKER
    _WORKER = (config, load, keep_documents, cache)
    import signal

    # Ctrl-C is the command's to handle: it stops the workers (see iter_lint).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(os.getppid() if parent is None else parent)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the command that started it (``parent``, its
    process id taken before the worker started) is gone (killed): a forked
    worker shares its parent's pipes, so it would otherwise wait for them
    for ever. A worker that starts after its parent was killed ends at
    once."""
    import threading

    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="indicator-audit-parent-watch", daemon=True).start()


def _lint_chunk_in_worker(paths: list[str]) -> list[FileResult]:
    assert _WORKER is not None
    config, load, keep_documents, cache = _WORKER
    return [lint_one(path, config, load, keep_documents, cache) for path in paths]


def lint_chunk(
    paths: list[str],
    config: Config,
    load: Loader | None = None,
    keep_documents: bool = True,
    cache: ResultCache | None = None,
) -> list[FileResult]:
    """:func:`lint_one` over a group of files: the task an executor runs."""
    return [lint_one(path, config, load, keep_documents, cache) for path in paths]


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


def _process_pool(
    jobs: int, config: Config, load: Loader | None, keep: bool, cache: ResultCache | None = None
) -> Executor | None:
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
        initargs=(config, load, keep, cache, os.getpid()),
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
    cache: ResultCache | None = None,
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
    document once checked (see :func:`drop_document`).
    ``on_file`` is called with each path once its result is ready.
    ``cache`` (see :mod:`audit.cache`) keeps and reuses each file's result
    when documents are not kept.
    """
    paths = list(paths)
    workers = jobs
    if executor is not None and jobs <= 1:
        workers = getattr(executor, "_max_workers", None) or default_jobs()
    groups = chunks(paths, workers) if workers > 1 else [paths]
    own = executor is None
    pool = executor
    if own and jobs > 1 and len(groups) > 1:
        pool = _process_pool(jobs, config, load, keep_documents, cache)
    if pool is None:
        for path in paths:
            result = lint_one(path, config, load, keep_documents, cache)
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
            pending.append(
                (group, pool.submit(lint_chunk, group, config, load, keep_documents, cache))
            )
        return True

    stopped = False
    try:
        while len(pending) < ahead and submit():
            pass
        while pending:
            group, future = pending.popleft()
            if future is None:
                results = lint_chunk(group, config, load, keep_documents, cache)
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
    except BaseException:
        # Interrupted (Ctrl-C), or the results are no longer wanted: the
        # workers are stopped now rather than after the files they hold.
        stopped = True
        raise
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()
        if own:
            if stopped:
                _terminate(pool)
            pool.shutdown(wait=not stopped, cancel_futures=True)


def _terminate(pool: Executor) -> None:
    """End the worker processes of this module's own pool at once."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()


def lint_paths(
    paths: Iterable[str],
    config: Config,
    load: Loader | None = None,
    on_file: Callable[[str], None] | None = None,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    keep_documents: bool = True,
    cache: ResultCache | None = None,
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
            cache=cache,
        )
    )
    timings: dict[str, float] = {"read": 0.0, "parse": 0.0, "check": 0.0}
    for file_result in files:
        for stage, seconds in file_result.timings.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
    return LintResult(files, timings)
