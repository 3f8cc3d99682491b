"""Command line: ``indicator-audit parse|lint|rules|explain``."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import sys

from audit import __version__
from audit.exitcodes import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error

# A lint run whose output is kept (audit.cache.RunCache) imports little more
# than this module: argparse, json and typing are imported where they are used.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    from audit.output import SafeStream, broken_pipe

    # A SafeStream passes every attribute but write() through to the stream.
    stream = SafeStream(sys.stderr if stderr else sys.stdout)
    console = Console(file=stream, highlight=False, soft_wrap=False)  # type: ignore[arg-type]
    console.on_broken_pipe = broken_pipe  # type: ignore[method-assign]
    return console


def cmd_parse(args: argparse.Namespace) -> int:
    import json

    from audit.inputs import STDIN_NAME, expand_inputs, load
    from audit.parsing import parse_document
    from audit.readers import PassedOver, ReadError

    if args.clause is not None:
        return _parse_clause(args)
    if not args.files:
        error("parse: give one or more files, or --clause TEXT")
        return EXIT_ERROR
    from audit.commands import locale_lang

    lang = args.lang or locale_lang() or "zh"  # of the notes and errors on stderr
    documents = []
    failed = []
    for path in expand_inputs(args.files):
        try:
            documents.append(parse_document(load(path, lang=lang)))
        except PassedOver as passed:  # a table of another kind: a note, no error
            from audit.reports import read_note

            error(f"{path}: {read_note(str(passed), lang)}")
        except ReadError as problem:
            from audit.reports import read_error

            error(f"{path}: {read_error(str(problem), lang)}")
            failed.append({"path": STDIN_NAME if path == "-" else path, "error": str(problem)})
    if args.format == "json":
        from audit.reports.document import document_dict

        summary = {"files": len(documents), "units": 0, "projects": 0, "clauses": 0, "unparsed": 0}
        for document in documents:
            for key, value in document.counts().items():
                summary[key] += value
        payload = {
            "version": 1,
            "tool": {"name": "indicator-audit", "version": __version__},
            "documents": [document_dict(d) for d in documents],
            "failed": failed,
            "summary": summary,
        }
        from audit.output import SafeStream

        out = SafeStream(sys.stdout)
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        from audit.reports.document import render_tree

        render_tree(documents, _console())
    return EXIT_ERROR if failed else EXIT_OK


def _parse_clause(args: argparse.Namespace) -> int:
    import json

    from audit.parsing import parse_clause_text

    clauses = parse_clause_text(args.clause)
    if args.format == "json":
        from audit.reports.document import clause_dict

        json.dump([clause_dict(c) for c in clauses], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.tree import Tree

        from audit.reports.document import add_clause

        tree = Tree("[bold]clause[/]")
        for clause in clauses:
            add_clause(tree, clause)
        _console().print(tree)
    from audit.model import ClauseError

    return EXIT_FINDINGS if any(isinstance(c, ClauseError) for c in clauses) else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from audit.commands import ArgumentParser, add_commands

    parser = ArgumentParser(
        prog="indicator-audit",
        description="Lint 项目支出绩效目标表 (project performance-target tables).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    parse = commands.add_parser("parse", help="show the parsed document model")
    parse.add_argument("files", nargs="*", metavar="FILE", help="tables (directories are walked)")
    parse.add_argument("--clause", metavar="TEXT", help="parse one indicator text instead")
    parse.add_argument("--format", choices=("tree", "json"), default="tree")
    parse.add_argument("--lang", choices=("zh", "en"), help="language of errors")
    parse.set_defaults(handler=cmd_parse)
    add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, keep_regexes: bool = False) -> int:
    """Run the command line ``argv``; its exit status. ``keep_regexes``:
    compile regular expressions through :mod:`audit.regexcache` (a whole
    process of the command line only: it stands in front of Python's regex
    compiler for the rest of the process), and let the cyclic garbage
    collector leave what the command's setup built
    (:func:`audit.commands.settled`)."""
    line = list(sys.argv[1:] if argv is None else argv)
    from audit.exitcodes import InternalError, debugging

    if sys.stdout is None:  # started with its standard output closed
        sys.stdout = _Closed()

    try:
        kept = _kept_run(line)
        if kept is not None:
            return kept
        if keep_regexes:  # after the kept run, which compiles next to nothing
            from audit import regexcache

            regexcache.install()
        parser = build_parser()
        if keep_regexes:
            from audit import commands

            commands.whole_process = True  # see commands.settled
        args = parser.parse_args(line)
        if not getattr(args, "handler", None):
            parser.print_help()
            return EXIT_ERROR
        args.argv = line
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. head).
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as problem:
        # The report could not be written: standard output on a full disk
        # (or /dev/full), a quota, a device error, or closed. Files the run
        # reads or writes by name say so themselves, naming the file.
        if problem.filename is not None or problem.errno not in _WRITE_ERRORS:
            raise
        _silence_stdout()
        error(f"cannot write the report: {problem.strerror or problem}")
        return EXIT_ERROR
    except InternalError as problem:
        if debugging():
            import traceback

            traceback.print_exc()
        for text in problem.lines():
            error(text)
        return EXIT_ERROR
    except Exception as problem:
        # The rule engine is imported only by runs that load rules.
        engine = sys.modules.get("audit.engine")
        if engine is None or not isinstance(problem, engine.RuleModuleError):
            raise
        error(str(problem))
        return EXIT_ERROR


_WRITE_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF")
    if hasattr(errno, name)
)


class _Closed:
    """Standard output when the process was started with it closed
    (``>&-``): nothing can be written to it, and a command that writes
    there says so (:data:`_WRITE_ERRORS`); one that writes only to
    ``--output`` runs as usual."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _kept_run(argv: list[str]) -> int | None:
    """The exit status of a ``lint`` run written from its kept output
    (:class:`audit.cache.RunCache`), or None: before the options are parsed,
    so a kept run costs little more than starting Python."""
    if not argv or argv[0] != "lint" or "--no-cache" in argv:
        return None
    if sys.stdout.isatty() or sys.stderr.isatty():
        return None
    from audit.cache import RunCache

    run_cache = RunCache.for_command(argv)
    kept = None if run_cache is None else run_cache.get()
    if kept is None:
        return None
    status, output = kept
    sys.stdout.write(output)
    return status


def _silence_stdout() -> None:
    """Point standard output at the null device, so that nothing more
    written to it (Python's own flush at exit) raises again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # closed, or no file
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _reader_gone() -> bool:
    """Standard output is a pipe or socket whose reader has gone away.

    A large write into a pipe whose reader leaves while it is under way
    returns short, and Python's buffered writer may take the short write
    without raising :class:`BrokenPipeError`: the report was cut short all
    the same. ``poll`` tells (``POLLERR`` on a pipe without readers)."""
    import select
    import stat

    try:
        mode = os.fstat(sys.stdout.fileno()).st_mode
    except (AttributeError, ValueError, OSError):
        return False
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)) or not hasattr(select, "poll"):
        return False
    poller = select.poll()
    poller.register(sys.stdout.fileno(), select.POLLOUT)
    try:
        events = poller.poll(0)
    except OSError:
        return False
    return any(revents & (select.POLLERR | select.POLLHUP) for _, revents in events)


def run() -> None:
    """The console entry point: :func:`main` as a whole process.

    A lint run builds tens of thousands of small objects that live until it
    ends. Python's cyclic garbage collector, at its default threshold, would
    scan them again and again, so it runs less often here; and at the end
    the process exits without freeing every object one by one. Output is
    flushed first, and every file the run wrote is closed by then.

    The regular expressions the run compiles are kept for the next one
    (:mod:`audit.regexcache`).
    """
    gc.set_threshold(50_000, 20, 100)
    code = main(keep_regexes=True)
    regexcache = sys.modules.get("audit.regexcache")
    if regexcache is not None:
        regexcache.save()
    try:
        sys.stdout.flush()
        if _reader_gone():
            code = EXIT_BROKEN_PIPE
    except BrokenPipeError:  # a reader that went away (e.g. head)
        _silence_stdout()
        code = EXIT_BROKEN_PIPE
    except OSError as problem:  # the last of the report, on a full disk
        if problem.errno in _WRITE_ERRORS:
            _silence_stdout()
            error(f"cannot write the report: {problem.strerror or problem}")
            code = EXIT_ERROR
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
