"""Sub-commands of the linter proper: ``lint``, ``rules``, ``explain``, ``export``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from audit.discovery import report_formats

FORMATS = ("auto", *report_formats())
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("zh", "en")
SEVERITY_LEVELS = ("error", "warning", "info")

OUTPUT_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".log": "text",
    ".json": "json",
    ".jsonl": "json-lines",
    ".ndjson": "json-lines",
    ".sarif": "sarif",
    ".xml": "junit",
    ".html": "html",
    ".htm": "html",
}
"""``--output`` extension → format, when ``--format`` is not given."""
DOCUMENT_FORMATS = ("rich", "html", "junit")
"""Formats that show the table's text (excerpts, titles): they need every
document until the report is written. The others hold the findings and, per
file, its counts, grades and the findings' clause names."""

LINT_EPILOG = """\
formats (--format):
  auto        (default) from the --output extension (.json .jsonl .sarif .xml
              .html .txt); else github under GitHub Actions (GITHUB_ACTIONS=true),
              rich at a terminal, text in a pipe
  text        one line per finding: file:line:col: severity [rule] message
  rich        grouped by file, unit and project, with the source excerpt and a summary
  json        one JSON object (files, findings, summary)
  json-lines  one JSON object per finding, one per line
  sarif       SARIF 2.1.0 for GitHub code scanning and other viewers
  github      GitHub Actions annotations (most severe first, every rule once, then the rest)
  gitlab      GitLab Code Quality report (JSON)
  junit       JUnit XML: a test suite per file, a test case per project
  html        a self-contained page to send to the unit that fixes the table

rule selectors (--select, --extend-select, --ignore; repeat or separate by commas):
  a rule id (placeholder), a group (structure, taxonomy, content, periods,
  duplicates, amounts, guidance, limits; custom for the rules a configuration
  writes), a glob (duplicate-*), or ALL

exit status:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on, or stale baseline entries with --strict-baseline
  2  a file or the configuration or the baseline could not be read
"""

HUMAN_STDOUT = frozenset({"text", "rich", "github"})
"""Formats read on the terminal: read errors are in the report, not repeated on stderr."""


def _columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` tells it
    (``$COLUMNS``, else the terminal, else 80), without importing
    :mod:`shutil` and the compression modules it brings on every run: only
    help text needs the width."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Sized:
    """Sets a help formatter's width from :func:`_columns`."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)  # type: ignore[call-arg]


class HelpFormatter(_Sized, argparse.HelpFormatter):
    """argparse's help formatter (see :class:`_Sized`)."""


class RawDescriptionHelpFormatter(_Sized, argparse.RawDescriptionHelpFormatter):
    """argparse's formatter that keeps the epilog's lines (see :class:`_Sized`)."""


class ArgumentParser(argparse.ArgumentParser):
    """An argument parser with :class:`HelpFormatter` unless told otherwise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def add_commands(commands: Any) -> None:
    """Register the lint sub-commands on the argparse sub-parser group."""
    lint = commands.add_parser(
        "lint",
        help="check tables and report findings",
        epilog=LINT_EPILOG,
        formatter_class=RawDescriptionHelpFormatter,
    )
    lint.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="tables, directories (walked), or - for stdin",
    )
    _config_options(lint)
    lint.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rules, groups or globs to run (only); repeatable, comma-separated",
    )
    lint.add_argument(
        "--extend-select",
        action="append",
        metavar="RULES",
        help="rules, groups or globs to run besides those enabled",
    )
    lint.add_argument(
        "--ignore", action="append", metavar="RULES", help="rules, groups or globs to skip"
    )
    lint.add_argument(
        "--min-severity",
        choices=SEVERITY_LEVELS,
        help="show only findings at or above this level",
    )
    lint.add_argument("--format", choices=FORMATS, default="auto", help="report format")
    lint.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 from this level")
    lint.add_argument(
        "--output", metavar="FILE", help="write the report to FILE (format from its extension)"
    )
    lint.add_argument(
        "--split-by",
        choices=("unit",),
        help="with --format html: one page per unit, written into the --output directory",
    )
    lint.add_argument(
        "--statistics",
        action="store_true",
        help="print only the number of findings per rule (a table, or JSON with --format json)",
    )
    lint.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out files and directories (gitignore syntax); repeatable",
    )
    lint.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the excludes to files named on the command line too (for pre-commit)",
    )
    lint.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="walk files that .gitignore ignores",
    )
    lint.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of standard input, for configuration, ignores, baselines and reports",
    )
    lint.add_argument(
        "--show-settings",
        metavar="FILE",
        help="print the configuration in effect for FILE and exit",
    )
    lint.add_argument("--baseline", metavar="FILE", help="do not report findings recorded in FILE")
    lint.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the current findings in FILE and report nothing else",
    )
    lint.add_argument(
        "--strict-baseline",
        action="store_true",
        help="report baseline entries that match nothing any more, and exit 1",
    )
    lint.add_argument(
        "--timings",
        "--bench",
        action="store_true",
        help="print the time each stage took (read, parse, check, report) on stderr",
    )
    lint.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help="lint files in N worker processes (default: one per core when there are several"
        " files and the report does not show source text; else 1: in this process)",
    )
    lint.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no notes on stderr"
    )
    lint.add_argument(
        "--no-cache",
        action="store_true",
        help="neither use nor keep the results of earlier runs (see: indicator-audit cache)",
    )
    lint.set_defaults(handler=cmd_lint)

    cache = commands.add_parser("cache", help="the results kept between lint runs")
    cache.add_argument("action", choices=("clean", "dir"), help="clean: remove them; dir: where")
    cache.set_defaults(handler=cmd_cache)

    rules = commands.add_parser("rules", help="list every rule")
    _config_options(rules)
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=cmd_rules)

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE")
    _config_options(explain)
    explain.set_defaults(handler=cmd_explain)

    export = commands.add_parser(
        "export", help="write the parsed table, one row per indicator (csv, xlsx, json)"
    )
    export.add_argument("files", nargs="+", metavar="FILE", help="tables (directories are walked)")
    export.add_argument(
        "--to", choices=("csv", "xlsx", "json"), help="format (default: --output's)"
    )
    export.add_argument("--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--lang", choices=LANGS, help="language of the column names")
    export.set_defaults(handler=cmd_export)


def contradiction(args: argparse.Namespace) -> str | None:
    """What is wrong with a command line whose options contradict each
    other or are given empty, or None: such a line is refused whole rather
    than one of its options silently dropped."""
    if getattr(args, "config", None) is not None and getattr(args, "no_config", False):
        return "--config FILE and --no-config contradict each other: give one"
    if getattr(args, "config", None) == "":
        return "--config: an empty file name"
    if getattr(args, "output", None) == "":
        return "--output: an empty file name (leave --output out to write to standard output)"
    for option in ("select", "extend_select", "ignore"):
        values = getattr(args, option, None)
        if values is not None and any(not value.strip(" ,") for value in values):
            name = "--" + option.replace("_", "-")
            return f"{name}: empty (give rules, groups or globs, or ALL)"
    files = getattr(args, "files", None) or []
    if getattr(args, "stdin_filename", None) is not None and "-" not in files:
        return "--stdin-filename names standard input: give - among the files"
    if getattr(args, "show_settings", None) and files:
        return (
            f"--show-settings prints the settings of one file ({args.show_settings}):"
            f" the other files given ({' '.join(files)}) would not be used"
        )
    return None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", metavar="FILE", help="configuration file (default: the nearest to each file)"
    )
    parser.add_argument(
        "--no-config", action="store_true", help="use the shipped default profile only"
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        help="language of messages and reports (default: configuration, then LANG/LC_ALL)",
    )


# --------------------------------------------------------------------------
# Language and configuration


def locale_lang(environ: Any = None) -> str | None:
    """``zh`` or ``en`` from ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first
    set, as POSIX reads them); None for ``C``/``POSIX`` or none set."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if not value:
            continue
        code = value.split(".")[0].split("@")[0].lower()
        if code in ("c", "posix"):
            return None
        return "zh" if code.startswith("zh") else "en"
    return None


def run_lang(args: argparse.Namespace, config: Any) -> str:
    """The language of a run: ``--lang``, else the configuration's ``lang``,
    else the locale, else Chinese."""
    if getattr(args, "lang", None):
        return str(args.lang)
    if config is not None and config.lang_set:
        return str(config.lang)
    return locale_lang() or "zh"


class _Selection:
    """The command-line rule selectors, applied to every configuration."""

    def __init__(self, args: argparse.Namespace) -> None:
        from audit.selection import split

        self.select = split(getattr(args, "select", None))
        self.extend = split(getattr(args, "extend_select", None))
        self.ignore = split(getattr(args, "ignore", None))

    def __call__(self, config: Any) -> None:
        specs = config.specs()
        if self.select:
            config.select = _resolve("--select", self.select, specs)
        if self.extend:
            if config.select is None:
                config.select = {
                    rule_id
                    for rule_id, spec in specs.items()
                    if config.setting(rule_id, spec).enabled
                }
            config.select |= _resolve("--extend-select", self.extend, specs)
        if self.ignore:
            config.deselect = _resolve("--ignore", self.ignore, specs)


def _resolve(option: str, selectors: list[str], specs: Any) -> set[str]:
    from audit.selection import SelectionError, resolve

    try:
        return resolve(selectors, specs)
    except SelectionError as problem:
        raise SelectionError(f"{option}: {problem}") from None


def _resolver(args: argparse.Namespace) -> Any:
    from audit.config import ConfigResolver

    return ConfigResolver(
        getattr(args, "config", None),
        discover=not getattr(args, "no_config", False),
        tune=_Selection(args),
    )


_SHOWN_CONFIG_PROBLEMS = 20
"""The most problems of a configuration printed: the rest are counted."""


def config_error(problem: Any) -> None:
    """Print a configuration's problems, one line each."""
    from audit.exitcodes import error

    problems = problem.problems()
    for each in problems[:_SHOWN_CONFIG_PROBLEMS]:
        error(f"config error: {each}")
    if len(problems) > _SHOWN_CONFIG_PROBLEMS:
        error(f"config error: … and {len(problems) - _SHOWN_CONFIG_PROBLEMS} more")


def _config(args: argparse.Namespace, start: str = ".") -> Any:
    """The configuration for ``start``, with command-line overrides and the
    run's language; None after an error (printed)."""
    from audit.config import ConfigError
    from audit.exitcodes import error
    from audit.selection import SelectionError

    problem = contradiction(args)
    if problem is not None:
        error(problem)
        return None
    try:
        config = _resolver(args).for_path(start)
    except ConfigError as problem:
        config_error(problem)
        return None
    except SelectionError as problem:
        error(str(problem))
        return None
    config.lang = run_lang(args, config)
    return config


# --------------------------------------------------------------------------
# lint


class _Loader:
    """Reads one input for :func:`audit.lint.lint_paths`: standard input under
    its one name; a walked file that is not a table gives None (passed over
    with a note) instead of an error. What a reader notes about a file (a
    sheet that is not a table, PDF pages without one) goes to stderr unless
    quiet."""

    def __init__(
        self, stdin_name: str, walked: set[str], quiet: bool = False, lang: str = "zh"
    ) -> None:
        self.stdin_name = stdin_name
        self.walked = walked
        self.quiet = quiet
        self.lang = lang

    def __call__(self, path: str) -> Any:
        from audit.inputs import load
        from audit.readers import NotATable, PassedOver
        from audit.readers.decode import KindNotRead

        try:
            return load(path, self.stdin_name, self.quiet, self.lang)
        except KindNotRead as problem:
            if path in self.walked:  # found, not named: a note says what to do
                raise PassedOver(str(problem)) from None
            raise
        except NotATable as problem:
            if path in self.walked and not isinstance(problem, PassedOver):
                if problem.note is not None:  # a file of budget tables: say so
                    raise PassedOver(problem.note) from None
                return None
            raise


def cmd_lint(args: argparse.Namespace) -> int:
    """``lint``; a run that can be kept is kept (:class:`audit.cache.RunCache`,
    used by :func:`audit.cli.main` before the options are parsed)."""
    problem = contradiction(args)
    if problem is not None:
        from audit.exitcodes import EXIT_ERROR, error

        error(problem)
        return EXIT_ERROR
    run_cache = _run_cache(args)
    if run_cache is None:
        return _cmd_lint(args)
    from audit.cache import digest_tables

    tables = digest_tables(list(args.files))
    out, err = _Recorder(sys.stdout), _Recorder(sys.stderr)
    configs: list[Any] = []
    sys.stdout, sys.stderr = cast(TextIO, out), cast(TextIO, err)
    try:
        status = _cmd_lint(args, configs)
    finally:
        sys.stdout, sys.stderr = out.stream, err.stream
    from audit.exitcodes import EXIT_FINDINGS, EXIT_OK

    if not err.written and out.complete and status in (EXIT_OK, EXIT_FINDINGS):
        discover = not args.no_config and not args.config
        run_cache.put(status, "".join(out.parts), tables, discover, configs)
    return status


class _Recorder:
    """A text stream that passes everything through to ``stream`` and keeps
    a copy of what was written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.written = False
        self.complete = True

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        self.parts.append(text)
        self.written = self.written or bool(text)
        return written

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":
            self.complete = False  # bytes written past the copy
        return getattr(self.stream, name)


def _run_cache(args: argparse.Namespace) -> Any:
    """The kept output of this run (:class:`audit.cache.RunCache`), or None
    when the run is not one that is kept: output to a terminal (colours,
    width, progress), to a file, reports that depend on more than the
    findings (baselines, statistics, split pages), directories or standard
    input to walk or read, exclusions applied to named files
    (``--force-exclude`` reads ``.gitignore`` files and the repository's
    layout, which a kept run does not check)."""
    if args.no_cache or args.output or args.show_settings or args.statistics or args.timings:
        return None
    if args.force_exclude:
        return None
    if args.baseline or args.write_baseline or args.split_by or args.stdin_filename:
        return None
    if not args.files or sys.stdout.isatty() or sys.stderr.isatty():
        return None
    if _format(args) in DOCUMENT_FORMATS or _format(args) == "rich":
        return None
    if not all(path != "-" and os.path.isfile(path) for path in args.files):
        return None
    argv = getattr(args, "argv", None)
    if argv is None:
        return None
    from audit.cache import RunCache

    return RunCache.for_command(argv)


whole_process = False
"""Whether this process is the command line's, start to end (set by
:func:`audit.cli.main` for :func:`audit.cli.run`)."""


def settled() -> None:
    """Called once a command's fixed setup is done (modules imported,
    configuration and rules loaded), before the files are read.

    In a whole process of the command line what exists by then lives until
    the process ends, and the cyclic garbage collector stops scanning it
    (:func:`gc.freeze`): its first collection would otherwise go over the
    tens of thousands of objects of every module and rule again, with the
    document's. A library caller's process is left alone."""
    if whole_process:
        import gc

        gc.freeze()


def _cmd_lint(args: argparse.Namespace, loaded: list[Any] | None = None) -> int:
    from audit.config import ConfigError
    from audit.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error
    from audit.files import FileSelector
    from audit.selection import SelectionError

    resolver = _resolver(args)
    stdin_name = args.stdin_filename or "<stdin>"

    def config_for(path: str) -> Any:
        return resolver.for_path(
            args.stdin_filename if path == "-" and args.stdin_filename else path
        )

    try:
        if args.show_settings:
            return _show_settings(args, resolver)
        if not args.files:
            error("lint: give one or more files, directories, or - for standard input")
            return EXIT_ERROR
        selector = FileSelector(
            config_for,
            args.exclude,
            force_exclude=args.force_exclude,
            respect_gitignore=args.respect_gitignore,
        )
        inputs = selector.expand(args.files)
        configs = {item.path: config_for(item.path) for item in inputs}
        settled()
        if (
            args.stdin_filename
            and "-" in configs
            and args.force_exclude
            and selector.excluded_named(args.stdin_filename)
        ):
            del configs["-"]
            inputs = [item for item in inputs if item.path != "-"]
    except ConfigError as problem:
        config_error(problem)
        return EXIT_ERROR
    except SelectionError as problem:
        error(str(problem))
        return EXIT_ERROR
    if not inputs and not selector.excluded:
        error("no tables found (directories are searched for " + _suffixes() + ")")
        return EXIT_ERROR
    # Everything named was excluded (--force-exclude): an empty report.
    try:
        first = next(iter(configs.values())) if configs else resolver.for_path(".")
    except ConfigError as problem:
        config_error(problem)
        return EXIT_ERROR
    lang = run_lang(args, first)
    for config in resolver.loaded:
        config.lang = lang
    if loaded is not None:
        loaded.extend(resolver.loaded)
    ignores = {id(c): c.ignores for c in resolver.loaded}
    for config in resolver.loaded:
        config.ignores = []  # applied below, to count what each entry matched

    if args.strict_baseline and not args.baseline:
        error("--strict-baseline needs --baseline FILE")
        return EXIT_ERROR
    baseline = None
    if args.baseline and not args.write_baseline:
        from audit.baseline import BaselineError, load_baseline

        try:
            baseline = load_baseline(args.baseline)
        except BaselineError as problem:
            error(f"--baseline {args.baseline}: {problem}")
            return EXIT_ERROR

    sources = [source for config in resolver.loaded for source in config.sources or []]
    if _refuse_inputs(args, [item.path for item in inputs], sources):
        return EXIT_ERROR
    from audit.lint import WorkerError, default_jobs

    walked = {item.path for item in inputs if item.walked}
    loader = _Loader(stdin_name, walked, args.quiet, lang)
    # Reports that show source text (and baselines, after which grades are
    # computed again) need each document; the others only counts and grades,
    # so a worker need not send the document back. Sending documents between
    # processes costs about what reading them does: those run in this process
    # unless --jobs says otherwise.
    shows_text = _format(args) in DOCUMENT_FORMATS and not args.statistics
    keep = shows_text or bool(baseline or args.write_baseline)
    jobs = args.jobs or (default_jobs() if len(inputs) > 1 and not keep else 1)
    streams = (
        _format(args) == "text"
        and not (args.statistics or baseline or args.write_baseline or args.split_by)
        and len({id(config) for config in configs.values()}) <= 1
    )
    # Formats that read only findings, counts and grades use kept results.
    args.use_cache = not (keep or args.statistics or args.no_cache)
    try:
        if streams and configs:
            return _lint_streaming(inputs, configs, loader, args, jobs, ignores, resolver, lang)
        result = _lint_by_config(
            inputs, configs, loader, args.quiet, jobs=jobs, keep=keep, use_cache=args.use_cache
        )
    except WorkerError as problem:
        error(str(problem))
        return EXIT_ERROR
    for file_result in result.files:
        if file_result.path in ("-", stdin_name) and "-" in configs:
            file_result.path = stdin_name  # one name for standard input in every report
            configs.setdefault(stdin_name, configs["-"])
    skipped = [r for r in result.files if r.skipped]
    result.files = [r for r in result.files if not r.skipped]
    if not args.quiet:
        for passed in skipped:
            error(f"{passed.path}: {_skipped(passed, lang)}")
    hits = _apply_ignores(result, configs, ignores)
    if not args.quiet:
        _note_unused_ignores(resolver.loaded, ignores, hits, result, configs, lang)
    for config in resolver.loaded:
        config.ignores = ignores[id(config)]
    if args.min_severity:
        _filter_severity(result, args.min_severity)

    fmt = _format(args)
    shows_errors = fmt in HUMAN_STDOUT and not args.output and not args.statistics
    for failed in result.failed:
        _say_internal(failed)
    if not shows_errors:
        from audit.reports import read_error

        for failed in result.failed:
            if failed.internal is None:
                error(f"{failed.path}: {read_error(str(failed.error), lang)}")
    status = EXIT_ERROR if result.failed else EXIT_OK

    if args.write_baseline:
        return _write_baseline(result, args) or status

    suppressed = 0
    stale: list[Any] = []
    if baseline is not None:
        from audit.baseline import apply_baseline

        applied = apply_baseline(result, baseline)
        result, suppressed, stale = applied.result, applied.suppressed, applied.stale

    options = {
        "config": first,
        "fail_on": args.fail_on,
        "suppressed": suppressed,
        "stale": sum(count for _, count in stale),
    }
    if args.split_by:
        if fmt != "html" or not args.output:
            error("--split-by unit needs --format html (or an .html --output) and --output DIR")
            return EXIT_ERROR
        from audit.output import OutputError
        from audit.reports.html import write_split

        read = [*(item.path for item in inputs), *sources]
        try:
            written = write_split(result, args.output, inputs=read, **options)
        except OutputError as problem:
            error(f"--output {args.output}: {problem}")
            return EXIT_ERROR
        except OSError as problem:
            where = f"{problem.filename}: " if problem.filename else ""
            error(f"--output {args.output}: {where}{problem.strerror or problem}")
            return EXIT_ERROR
        if not args.quiet:
            error(f"wrote {len(written)} pages into {args.output}")
    else:
        if args.statistics:
            from audit.reports import statistics_renderer

            render = statistics_renderer(fmt)
        else:
            from audit.reports import renderer

            render = renderer(fmt)
        started = time.perf_counter()
        if not _write_report(render, result, options, args.output):
            return EXIT_ERROR
        result.timings["report"] = time.perf_counter() - started
    if args.timings:
        _print_timings(result.timings)

    if args.strict_baseline and stale:
        from audit.baseline import describe

        for entry, count in stale:
            error(f"stale baseline entry: {describe(entry, count)}")
        entries = "1 baseline entry matches" if len(stale) == 1 else f"{len(stale)} entries match"
        error(
            f"{entries} nothing any more: update the baseline with --write-baseline {args.baseline}"
        )
        status = status or EXIT_FINDINGS
    if status:
        return status
    return EXIT_FINDINGS if result.reaches(args.fail_on) else EXIT_OK


def _suffixes() -> str:
    from audit.files import TABLE_SUFFIXES

    return " ".join(TABLE_SUFFIXES)


_WORDS = {
    "zh": {
        "skipped": "不是绩效目标表（未找到表头行），已跳过",
        "unused": "忽略规则没有匹配到任何问题：{entry}",
    },
    "en": {
        "skipped": "not a performance-target table (no header row), skipped",
        "unused": "ignore entry matches no finding: {entry}",
    },
}


def _say_internal(result: Any) -> None:
    """A bug the tool (or a plugin) met on one file, said on stderr as the
    command line says one that stops it: what failed, whose bug it is. The
    run goes on with the other files; it ends with status 2."""
    if result.internal is not None:
        from audit.exitcodes import error

        error(str(result.error))
        error(result.internal)


def _skipped(result: Any, lang: str) -> str:
    """The note for a file passed over: why, when the reader said (a table
    of another kind), else that it holds no table."""
    if result.note is None:
        return _words(lang, "skipped")
    from audit.reports import read_note

    return read_note(result.note, lang)


def _words(lang: str, key: str, **args: Any) -> str:
    text = _WORDS.get(lang, _WORDS["zh"])[key]
    return text.format(**args) if args else text


def _lint_streaming(
    inputs: list[Any],
    configs: dict[str, Any],
    loader: _Loader,
    args: argparse.Namespace,
    jobs: int,
    ignores: dict[int, list[Any]],
    resolver: Any,
    lang: str,
) -> int:
    """``--format text`` with one configuration and no baseline: each file's
    findings are written as soon as it and the files before it are done, and
    then forgotten, so memory does not grow with the number of files. Ignores,
    ``--min-severity`` and the notes on unused ignores work as in a whole run."""
    from audit.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error
    from audit.lint import iter_lint
    from audit.model import SEVERITY_RANK
    from audit.output import SafeStream, write_atomically
    from audit.reports import read_error
    from audit.reports.text import render
    from audit.results import FileResult, LintResult

    config = next(iter(configs.values()))
    paths = [item.path for item in inputs]
    threshold = SEVERITY_RANK.get(args.fail_on, 99)
    hits: dict[tuple[int, int], int] = {}
    seen: list[Any] = []
    timings: dict[str, float] = {}
    state = {"failed": False, "reached": False}

    def write(out: Any) -> None:
        # A SafeStream passes every attribute but write() through to the stream.
        stream = cast(TextIO, SafeStream(out))
        with _progress(paths, args.quiet) as on_file:
            for file_result in iter_lint(
                paths,
                config,
                loader,
                jobs=jobs,
                keep_documents=False,
                on_file=on_file,
                cache=_result_cache(config, args.use_cache, args.quiet),
            ):
                if file_result.path == "-":
                    file_result.path = loader.stdin_name
                if file_result.skipped:
                    if not args.quiet:
                        error(f"{file_result.path}: {_skipped(file_result, lang)}")
                    continue
                one = LintResult([file_result])
                for key, count in _apply_ignores(one, {file_result.path: config}, ignores).items():
                    hits[key] = hits.get(key, 0) + count
                if args.min_severity:
                    _filter_severity(one, args.min_severity)
                if file_result.error is not None:
                    state["failed"] = True
                    if file_result.internal is not None:
                        _say_internal(file_result)
                    elif args.output:  # the report is not on the terminal: say it here too
                        error(f"{file_result.path}: {read_error(file_result.error, lang)}")
                state["reached"] = state["reached"] or any(
                    SEVERITY_RANK[f.severity] >= threshold for f in file_result.findings
                )
                for stage, seconds in file_result.timings.items():
                    timings[stage] = timings.get(stage, 0.0) + seconds
                seen.append(FileResult(file_result.path))
                render(one, stream, config=config)

    started = time.perf_counter()
    if args.output:
        try:
            write_atomically(args.output, write)
        except OSError as problem:
            error(f"--output {args.output}: {problem.strerror or problem}")
            return EXIT_ERROR
    else:
        write(sys.stdout)
    if not args.quiet:
        whole = LintResult(seen)
        _note_unused_ignores(
            resolver.loaded, ignores, hits, whole, {r.path: config for r in seen}, lang
        )
    if args.timings:
        check_and_report = time.perf_counter() - started
        timings["report"] = max(0.0, check_and_report - sum(timings.values()))
        _print_timings(timings)
    if state["failed"]:
        return EXIT_ERROR
    return EXIT_FINDINGS if state["reached"] else EXIT_OK


def _lint_by_config(
    inputs: list[Any],
    configs: dict[str, Any],
    load: _Loader,
    quiet: bool,
    jobs: int = 1,
    keep: bool = True,
    use_cache: bool = False,
) -> Any:
    """Lint each file with its own configuration: files sharing one are
    linted together; the results come back in input order."""
    from audit.lint import lint_paths
    from audit.results import LintResult

    groups: dict[int, tuple[Any, list[str]]] = {}
    for item in inputs:
        config = configs[item.path]
        groups.setdefault(id(config), (config, []))[1].append(item.path)
    paths = [item.path for item in inputs]
    by_path: dict[str, Any] = {}
    timings: dict[str, float] = {}
    with _progress(paths, quiet) as on_file:
        for config, group_paths in groups.values():
            part = lint_paths(
                group_paths,
                config,
                load,
                on_file=on_file,
                jobs=jobs,
                keep_documents=keep,
                cache=_result_cache(config, use_cache and not keep, quiet),
            )
            for path, file_result in zip(group_paths, part.files, strict=True):
                by_path[path] = file_result  # by the path as given (stdin is "-")
            for stage, seconds in part.timings.items():
                timings[stage] = timings.get(stage, 0.0) + seconds
    return LintResult([by_path[path] for path in paths], timings)


def _result_cache(config: Any, enabled: bool, quiet: bool) -> Any:
    """The kept results for runs with ``config`` (:mod:`audit.cache`), or None."""
    if not enabled:
        return None
    from audit.cache import ResultCache

    return ResultCache.open(config, silent=quiet)


def cmd_cache(args: argparse.Namespace) -> int:
    from audit.cache import clean, results_dir
    from audit.exitcodes import EXIT_ERROR, EXIT_OK, error

    if args.action == "dir":
        directory = results_dir(create=False)
        if directory is None:
            from audit.cache import SUBDIRECTORY
            from audit.resources import private_cache_path

            base = private_cache_path()
            where = None if base is None else os.path.join(base, SUBDIRECTORY)
            if where is None or os.path.lexists(where):
                error(f"no private cache directory: {_no_cache_reason(where)}")
                return EXIT_ERROR
            try:  # nothing kept yet: where the next run keeps its results, if it can
                os.mkdir(where, 0o700)
            except OSError as problem:
                reason = problem.strerror or str(problem)
                error(f"no private cache directory: nothing can be kept in {base} ({reason})")
                return EXIT_ERROR
        print(results_dir(create=False) or where)
        return EXIT_OK
    removed = clean()
    noun = "entry" if removed == 1 else "entries"
    print(
        f"removed {removed} cache {noun} (kept results of files and kept runs, compiled "
        "regular expressions, parsed YAML, parse tables)"
    )
    return EXIT_OK


def _no_cache_reason(results: str | None) -> str:
    """Why there is no private cache directory to keep results in."""
    import stat

    from audit.resources import cache_path_configured, private

    base = cache_path_configured()
    if base is None:
        return "turned off (INDICATOR_AUDIT_CACHE=off)"
    for path in (base, results):
        if path is None:
            continue
        try:
            info = os.lstat(path)
        except OSError as problem:
            return f"{path}: {problem.strerror or problem}"
        if stat.S_ISLNK(info.st_mode):
            return f"{path} is a symbolic link"
        if not stat.S_ISDIR(info.st_mode):
            return f"{path} is not a directory"
        if not private(info):
            return f"{path} is not the user's own, or others can write it"
    return "turned off, or not the user's own"


def _apply_ignores(
    result: Any, configs: dict[str, Any], ignores: dict[int, list[Any]]
) -> dict[tuple[int, int], int]:
    """Drop the findings each file's configuration ignores; how many each
    entry (configuration, index) dropped."""
    hits: dict[tuple[int, int], int] = {}
    for file_result in result.files:
        config = configs.get(file_result.path)
        entries = ignores.get(id(config), []) if config is not None else []
        if not entries or not file_result.findings:
            continue
        kept = []
        for finding in file_result.findings:
            index = next((i for i, entry in enumerate(entries) if entry.covers(finding)), None)
            if index is None:
                kept.append(finding)
            else:
                hits[(id(config), index)] = hits.get((id(config), index), 0) + 1
        file_result.findings = kept
    return hits


def _note_unused_ignores(
    loaded: list[Any],
    ignores: dict[int, list[Any]],
    hits: dict[tuple[int, int], int],
    result: Any,
    configs: dict[str, Any],
    lang: str,
) -> None:
    """Like ruff's unused ``noqa``: an ``ignore:`` entry that could have
    applied in this run (its file pattern matched a file read, its rule
    ran) but matched no finding is noted on stderr."""
    from audit.exitcodes import error

    for config in loaded:
        files = [r.path for r in result.files if configs.get(r.path) is config]
        if not files:
            continue
        active = {spec.id for spec, _, _ in config.active_rules()}
        for index, entry in enumerate(ignores[id(config)]):
            if hits.get((id(config), index)):
                continue
            if entry.file is not None and not any(entry.covers_file(p) for p in files):
                continue
            from audit.engine import matches

            if entry.rule is not None and not any(matches(entry.rule, r) for r in active):
                continue
            fields = ", ".join(
                f"{name}: {value}"
                for name, value in (
                    ("rule", entry.rule),
                    ("unit", entry.unit),
                    ("project", entry.project),
                    ("file", entry.file),
                )
                if value is not None
            )
            error(f"{entry.source}: {_words(lang, 'unused', entry=fields)}")


def _filter_severity(result: Any, level: str) -> None:
    from audit.model import SEVERITY_RANK

    rank = SEVERITY_RANK[level]
    for file_result in result.files:
        file_result.findings = [
            f for f in file_result.findings if SEVERITY_RANK[f.severity] >= rank
        ]


def _show_settings(args: argparse.Namespace, resolver: Any) -> int:
    """``--show-settings FILE``: the configuration in effect for FILE."""
    import json

    from audit.exitcodes import EXIT_OK

    path = args.show_settings
    config_path = resolver.path_for(path)
    config = resolver.for_path(path)
    lang = run_lang(args, config)
    rules = {}
    for spec, options, severity in config.active_rules():
        rules[spec.id] = {"severity": severity, "group": spec.family, "options": options}
    settings = {
        "file": path,
        "config": None if config_path is None else str(config_path),
        "sources": config.sources,
        "lang": lang,
        "exclude": None if config.exclude is None else [pattern for _, pattern in config.exclude],
        "extend-exclude": [pattern for _, pattern in config.extend_exclude],
        "taxonomy": list(getattr(config.taxonomy, "schemes", []) or []),
        "ignore": [
            {k: v for k, v in entry._asdict().items() if v is not None and k != "root"}
            for entry in config.ignores
        ],
        "rules": rules,
        "disabled": sorted(set(config.specs()) - set(rules)),
    }
    json.dump(settings, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return EXIT_OK


def _print_timings(timings: dict[str, float]) -> None:
    """The stage times of a run, one line each, on stderr."""
    width = max(len(stage) for stage in timings)
    lines = [f"{stage:<{width}}  {seconds * 1000:9.1f} ms" for stage, seconds in timings.items()]
    lines.append(f"{'total':<{width}}  {sum(timings.values()) * 1000:9.1f} ms")
    sys.stderr.write("\n".join(lines) + "\n")


def _format(args: argparse.Namespace) -> str:
    """The report format: as given, from ``--output``'s extension, or chosen
    for where the report goes."""
    if args.format != "auto":
        return str(args.format)
    if args.output:
        name = Path(args.output).name.lower()
        if "codequality" in name or "code-quality" in name or "code_quality" in name:
            return "gitlab"
        if getattr(args, "split_by", None):
            return "html"
        return OUTPUT_FORMATS.get(Path(name).suffix, "text")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "rich" if sys.stdout.isatty() else "text"


def _write_report(render: Any, result: Any, options: dict[str, Any], output: str | None) -> bool:
    """Render to standard output, or to ``--output`` written whole or not at
    all; text that cannot be written as it is (lone surrogates) is replaced."""
    from audit.exitcodes import error
    from audit.output import SafeStream, write_atomically

    if not output:
        render(result, SafeStream(sys.stdout), **options)
        return True
    try:
        write_atomically(output, lambda out: render(result, SafeStream(out), **options))
    except OSError as problem:
        error(f"--output {output}: {problem.strerror or problem}")
        return False
    return True


def _refuse_inputs(args: argparse.Namespace, paths: list[str], sources: list[str]) -> bool:
    """True (after one line on stderr) when ``--output`` or
    ``--write-baseline`` names a file this run reads (a table or a
    configuration): nothing the tool reads is ever written. Rewriting the
    baseline given with ``--baseline`` is how a baseline is updated, so that
    one is allowed to ``--write-baseline``."""
    from audit.exitcodes import error
    from audit.output import input_named

    inputs = [*paths, *sources]
    checks = [("--output", args.output, [*inputs, *([args.baseline] if args.baseline else [])])]
    checks.append(("--write-baseline", args.write_baseline, inputs))
    for option, target, named_inputs in checks:
        if not target:
            continue
        named = input_named(target, named_inputs)
        if named is not None:
            error(
                f"{option} {target}: is an input of this run ({named}); refusing to write over it"
            )
            return True
    return False


def _write_baseline(result: Any, args: argparse.Namespace) -> int:
    """``--write-baseline``: record the findings; 0, or 2 when it cannot be written."""
    from audit.baseline import write_baseline
    from audit.exitcodes import EXIT_ERROR, EXIT_OK, error

    try:
        count = write_baseline(result, args.write_baseline)
    except OSError as problem:
        error(f"--write-baseline {args.write_baseline}: {problem.strerror or problem}")
        return EXIT_ERROR
    if not args.quiet:
        error(f"recorded {count} findings in {args.write_baseline}")
    return EXIT_OK


@contextlib.contextmanager
def _progress(paths: list[str], quiet: bool) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr while many files are linted; none when stderr
    is not a terminal, with --quiet, or for a single file."""
    if quiet or len(paths) < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    columns = (
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[dim]{task.description}", markup=True),
    )
    # Redrawn from here, at most ten times a second, rather than by rich's
    # refresh thread: worker processes are forked, and a fork must not copy
    # a thread that may hold the terminal's lock.
    with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("", total=len(paths))
        drawn = 0.0

        def on_file(path: str) -> None:
            """Called as each file is done (files finish in input order)."""
            nonlocal drawn
            from rich.markup import escape

            progress.update(task, advance=1, description=escape(path))
            now = time.monotonic()
            if now - drawn >= 0.1:
                progress.refresh()
                drawn = now

        yield on_file


# --------------------------------------------------------------------------
# rules, explain


def rule_dict(spec: Any, config: Any, lang: str) -> dict[str, Any]:
    setting = config.setting(spec.id, spec)
    return {
        "id": spec.id,
        "group": spec.family,
        "severity": setting.severity,
        "default_severity": spec.severity,
        "enabled": setting.enabled,
        "scope": spec.scope,
        "summary": spec.summary_in(lang),
        "summary_en": spec.summary,
        "summary_zh": spec.summary_zh or None,
        "options": {
            name: {
                "type": list(o.kind) if isinstance(o.kind, tuple) else o.kind,
                "default": o.default,
                "doc": o.doc,
            }
            for name, o in spec.options.items()
        },
    }


def cmd_rules(args: argparse.Namespace) -> int:
    """Every rule with its severity in effect and its summary."""
    from audit.exitcodes import EXIT_ERROR, EXIT_OK

    config = _config(args)
    if config is None:
        return EXIT_ERROR
    specs = config.specs()
    lang = config.lang
    if args.format == "json":
        import json

        payload = [rule_dict(spec, config, lang) for spec in specs.values()]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max(len(rule_id) for rule_id in specs)
    groups = max(len(spec.family) for spec in specs.values())
    disabled = "（未启用）" if lang == "zh" else "  (disabled)"
    for rule_id, spec in specs.items():
        setting = config.setting(rule_id, spec)
        state = "" if setting.enabled else disabled
        print(
            f"{rule_id:<{width}}  {setting.severity:<7}  {spec.family:<{groups}}  "
            f"{spec.summary_in(lang)}{state}"
        )
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from audit.exitcodes import EXIT_ERROR, EXIT_OK, error

    config = _config(args)
    if config is None:
        return EXIT_ERROR
    specs = config.specs()
    spec = specs.get(args.rule)
    if spec is None:
        from audit.config import suggest

        hint = suggest(args.rule, specs)
        error(f"no rule {args.rule!r}{hint}; `indicator-audit rules` lists them")
        return EXIT_ERROR
    lang = config.lang
    if lang == "zh":
        from audit.reports import label

        scope = {"document": "整表", "unit": "单位", "project": "项目", "clause": "条款"}
        print(
            f"{spec.id}（默认级别：{label(lang, spec.severity)}，"
            f"检查范围：{scope.get(spec.scope, spec.scope)}，分组：{spec.family}）\n"
        )
    else:
        print(
            f"{spec.id}  (default severity: {spec.severity}, scope: {spec.scope}, "
            f"group: {spec.family})\n"
        )
    print(spec.doc_in(lang))
    if spec.options:
        print("\n选项及默认值：" if lang == "zh" else "\nOptions and defaults:")
        from audit.config import describe

        for name, option in spec.options.items():
            print(f"  {name} ({describe(option)}): {option.default!r}  — {option.doc}")
    return EXIT_OK


# --------------------------------------------------------------------------
# export


def _export_lang(args: argparse.Namespace) -> str:
    """``--lang``, else the ``lang`` of the configuration nearest the first
    file, else the locale."""
    from audit.config import ConfigError, ConfigResolver

    config = None
    if not args.lang and args.files and args.files[0] != "-":
        try:
            config = ConfigResolver().for_path(args.files[0])
        except ConfigError:
            config = None  # export does not need the configuration otherwise
    return run_lang(args, config)


def cmd_export(args: argparse.Namespace) -> int:
    from audit.exitcodes import EXIT_ERROR, EXIT_OK, error
    from audit.export import EXPORTERS, ExportError, export_rows
    from audit.inputs import expand_inputs, load
    from audit.parsing import parse_document
    from audit.readers import PassedOver, ReadError

    problem = contradiction(args)
    if problem is not None:
        error(problem)
        return EXIT_ERROR
    fmt = args.to
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in EXPORTERS else None
    if fmt is None:
        error("export: say --to csv|xlsx|json (or give an --output ending in one)")
        return EXIT_ERROR
    if fmt == "xlsx" and not args.output:
        error("export --to xlsx: a workbook is written to a file: give --output FILE.xlsx")
        return EXIT_ERROR
    named_for = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    if named_for in EXPORTERS and named_for != fmt:
        # A file named for one format holding another (CSV text in x.xlsx)
        # is one no program opens as its name says.
        error(f"export --to {fmt}: --output {args.output} is named for {named_for}; name it .{fmt}")
        return EXIT_ERROR
    lang = _export_lang(args)
    documents = []
    status = EXIT_OK
    paths = list(expand_inputs(args.files))
    for path in paths:
        try:
            documents.append(parse_document(load(path, lang=lang)))
        except PassedOver as passed:  # a table of another kind: a note, no error
            from audit.reports import read_note

            error(f"{path}: {read_note(str(passed), lang)}")
        except ReadError as problem:
            from audit.reports import read_error

            error(f"{path}: {read_error(str(problem), lang)}")
            status = EXIT_ERROR
    if args.output:
        from audit.output import input_named

        named = input_named(args.output, paths)
        if named is not None:
            error(f"--output {args.output}: is an input file ({named}); it is not overwritten")
            return EXIT_ERROR
    rows = export_rows(documents)
    try:
        EXPORTERS[fmt](rows, args.output, lang)
    except ExportError as problem:
        error(f"export: {problem}")
        return EXIT_ERROR
    except BrokenPipeError:
        raise
    except OSError as problem:
        if args.output is None:
            raise  # standard output: the command line says so (audit.cli.main)
        error(f"--output {args.output}: {problem.strerror or problem}")
        return EXIT_ERROR
    return status
