"""Sub-commands of the linter proper: ``lint``, ``rules``, ``explain``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

FORMATS = ("auto", "text", "rich", "json", "sarif", "github", "junit", "html")
FAIL_ON = ("error", "warning", "info", "never")
DOCUMENT_FORMATS = ("rich", "html", "junit")
"""Formats that show the table's text (excerpts, titles): they need every
document until the report is written. ``text`` streams; the others hold the
findings and, per file, its counts, grades and the findings' clause names."""

LINT_EPILOG = """\
formats (--format):
  auto    (default) text with --output; else github under GitHub Actions
          (GITHUB_ACTIONS=true), rich at a terminal, text in a pipe
  text    one line per finding: file:line:col: severity [rule] message
  rich    grouped by file, unit and project, with the source excerpt and a summary
  json    one JSON object (files, findings, summary)
  sarif   SARIF 2.1.0 for GitHub code scanning and other viewers
  github  GitHub Actions annotations (at most 10 per type, most severe first)
  junit   JUnit XML: a test suite per file, a test case per project
  html    a self-contained page to send to the unit that fixes the table

exit status:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on, or stale baseline entries with --strict-baseline
  2  a file or the configuration or the baseline could not be read
"""


def add_commands(commands: Any) -> None:
    """Register the lint sub-commands on the argparse sub-parser group."""
    lint = commands.add_parser(
        "lint",
        help="check tables and report findings",
        epilog=LINT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument(
        "files", nargs="+", metavar="FILE", help="tables, directories (walked), or - for stdin"
    )
    lint.add_argument("--config", metavar="FILE", help="configuration file (default: discovered)")
    lint.add_argument("--no-config", action="store_true", help="ignore .indicator-audit.yaml")
    lint.add_argument("--select", metavar="RULES", help="comma-separated rule ids to run (only)")
    lint.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids to skip")
    lint.add_argument("--format", choices=FORMATS, default="auto", help="report format")
    lint.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")
    lint.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 from this level")
    lint.add_argument("--output", metavar="FILE", help="write the report to FILE (UTF-8)")
    lint.add_argument(
        "--statistics",
        action="store_true",
        help="print only the number of findings per rule (a plain table, whatever --format)",
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
        "-q", "--quiet", action="store_true", help="no progress bar and no notes on stderr"
    )
    lint.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help="lint files in N worker processes (default: one per core when there are several"
        " files and the report does not show source text; else 1: in this process)",
    )
    lint.set_defaults(handler=cmd_lint)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--config", metavar="FILE")
    rules.add_argument("--lang", choices=("zh", "en"))
    rules.set_defaults(handler=cmd_rules)

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")
    explain.set_defaults(handler=cmd_explain)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def _config(args: argparse.Namespace) -> Any:
    """The configuration, with command-line overrides; None after an error."""
    from audit.cli import error
    from audit.config import ConfigError, load_config

    try:
        config = load_config(
            getattr(args, "config", None), discover=not getattr(args, "no_config", False)
        )
    except ConfigError as problem:
        error(f"config error: {problem}")
        return None
    if getattr(args, "lang", None):
        config.lang = args.lang
    known = config.specs()
    for option in ("select", "ignore"):
        value = getattr(args, option, None)
        if not value:
            continue
        ids = {part.strip() for part in value.split(",") if part.strip()}
        unknown = sorted(ids - set(known))
        if unknown:
            from audit.config import suggest

            hint = suggest(unknown[0], known) if len(unknown) == 1 else ""
            error(f"--{option}: unknown rule id(s): {', '.join(unknown)}{hint}")
            return None
        if option == "select":
            config.select = ids
        else:
            config.deselect = ids
    return config


def cmd_lint(args: argparse.Namespace) -> int:
    from audit.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, expand_inputs, load
    from audit.lint import WorkerError, default_jobs, lint_paths

    config = _config(args)
    if config is None:
        return EXIT_ERROR
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
    paths = list(expand_inputs(args.files))
    if not paths:
        error("no tables found (directories are searched for .txt, .tsv and .csv)")
        return EXIT_ERROR
    # Reports that show source text (and baselines, after which grades are
    # computed again) need each document; the others only counts and grades, so a
    # worker need not send the document back. Sending documents between
    # processes costs about what reading them does: those run in this process
    # unless --jobs says otherwise.
    shows_text = _format(args) in DOCUMENT_FORMATS and not args.statistics
    keep = shows_text or bool(baseline or args.write_baseline)
    jobs = args.jobs or (default_jobs() if len(paths) > 1 and not keep else 1)
    try:
        if _format(args) == "text" and not (args.statistics or baseline or args.write_baseline):
            return _lint_streaming(paths, config, args, jobs)
        with _progress(paths, args.quiet) as on_file:
            result = lint_paths(
                paths, config, load, on_file=on_file, jobs=jobs, keep_documents=keep
            )
    except WorkerError as problem:
        error(str(problem))
        return EXIT_ERROR
    for failed in result.failed:
        error(f"{failed.path}: {failed.error}")
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
        "config": config,
        "fail_on": args.fail_on,
        "suppressed": suppressed,
        "stale": sum(count for _, count in stale),
    }
    if args.statistics:
        from audit.reports.text import render_statistics as render
    else:
        from audit.reports import renderer

        render = renderer(_format(args))
    if not _write_report(render, result, options, args.output):
        return EXIT_ERROR

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


def _lint_streaming(paths: list[str], config: Any, args: argparse.Namespace, jobs: int) -> int:
    """``--format text`` without a baseline: each file's findings are written
    as soon as it and the files before it are done, and then forgotten, so
    memory does not grow with the number of files."""
    from audit.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, load
    from audit.engine import SEVERITY_RANK
    from audit.lint import LintResult, iter_lint
    from audit.reports.text import render

    failed = reached = False
    threshold = SEVERITY_RANK.get(args.fail_on, 99)
    with contextlib.ExitStack() as stack:
        out = sys.stdout
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline="\n"))
            except OSError as problem:
                error(f"--output {args.output}: {problem.strerror or problem}")
                return EXIT_ERROR
        on_file = stack.enter_context(_progress(paths, args.quiet))
        results = iter_lint(paths, config, load, jobs=jobs, keep_documents=False, on_file=on_file)
        for file_result in results:
            if file_result.error is not None:
                failed = True
                error(f"{file_result.path}: {file_result.error}")
            reached = reached or any(
                SEVERITY_RANK[f.severity] >= threshold for f in file_result.findings
            )
            render(LintResult([file_result]), out)
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if reached else EXIT_OK


def _format(args: argparse.Namespace) -> str:
    """The report format: as given, or chosen for where the report goes."""
    if args.format != "auto":
        return str(args.format)
    if args.output:
        return "text"
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "rich" if sys.stdout.isatty() else "text"


def _write_report(render: Any, result: Any, options: dict[str, Any], output: str | None) -> bool:
    from audit.cli import error

    if not output:
        render(result, sys.stdout, **options)
        return True
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as out:
            render(result, out, **options)
    except OSError as problem:
        error(f"--output {output}: {problem.strerror or problem}")
        return False
    return True


def _write_baseline(result: Any, args: argparse.Namespace) -> int:
    """``--write-baseline``: record the findings; 0, or 2 when it cannot be written."""
    from audit.baseline import write_baseline
    from audit.cli import EXIT_ERROR, EXIT_OK, error

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


def cmd_rules(args: argparse.Namespace) -> int:
    """Every rule with its severity in effect and its summary."""
    from audit.cli import EXIT_ERROR, EXIT_OK

    config = _config(args)
    if config is None:
        return EXIT_ERROR
    specs = config.specs()
    width = max(len(rule_id) for rule_id in specs)
    for rule_id, spec in specs.items():
        setting = config.setting(rule_id, spec)
        state = "" if setting.enabled else "  (disabled)"
        print(f"{rule_id:<{width}}  {setting.severity:<7}  {spec.summary}{state}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from audit.cli import EXIT_ERROR, EXIT_OK, error

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
    print(f"{spec.id}  (default severity: {spec.severity}, scope: {spec.scope})\n")
    print(spec.doc)
    if spec.options:
        print("\nOptions and defaults:")
        for name, option in spec.options.items():
            print(f"  {name}: {option.default!r}  — {option.doc}")
    return EXIT_OK
