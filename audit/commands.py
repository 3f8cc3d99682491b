"""Sub-commands of the linter proper: ``lint``, ``rules``, ``explain``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

FORMATS = ("text", "json")
FAIL_ON = ("error", "warning", "info", "never")


def add_commands(commands: Any) -> None:
    """Register the lint sub-commands on the argparse sub-parser group."""
    lint = commands.add_parser("lint", help="check tables and report findings")
    lint.add_argument(
        "files", nargs="+", metavar="FILE", help="tables, directories (walked), or - for stdin"
    )
    lint.add_argument("--config", metavar="FILE", help="configuration file (default: discovered)")
    lint.add_argument("--no-config", action="store_true", help="ignore .indicator-audit.yaml")
    lint.add_argument("--select", metavar="RULES", help="comma-separated rule ids to run (only)")
    lint.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids to skip")
    lint.add_argument("--format", choices=FORMATS, default="text")
    lint.add_argument("--lang", choices=("zh", "en"), help="language of messages (default: zh)")
    lint.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 from this level")
    lint.add_argument("--output", metavar="FILE", help="write the report to FILE")
    lint.set_defaults(handler=cmd_lint)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--config", metavar="FILE")
    rules.add_argument("--lang", choices=("zh", "en"))
    rules.set_defaults(handler=cmd_rules)

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")
    explain.set_defaults(handler=cmd_explain)


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
            error(f"--{option}: unknown rule id(s): {', '.join(unknown)}")
            return None
        if option == "select":
            config.select = ids
        else:
            config.deselect = ids
    return config


def cmd_lint(args: argparse.Namespace) -> int:
    from audit.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, expand_inputs, load
    from audit.lint import lint_paths

    config = _config(args)
    if config is None:
        return EXIT_ERROR
    paths = list(expand_inputs(args.files))
    if not paths:
        error("no tables found (directories are searched for .txt, .tsv and .csv)")
        return EXIT_ERROR
    result = lint_paths(paths, config, load)
    for failed in result.failed:
        error(f"{failed.path}: {failed.error}")
    renderer = _renderer(args.format)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as out:
                renderer(result, out)
        except OSError as problem:
            error(f"--output {args.output}: {problem.strerror or problem}")
            return EXIT_ERROR
    else:
        renderer(result, sys.stdout)
    if result.failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.reaches(args.fail_on) else EXIT_OK


def _renderer(name: str) -> Any:
    if name == "json":
        from audit.reports.json_report import render
    else:
        from audit.reports.text import render
    return render


def cmd_rules(args: argparse.Namespace) -> int:
    from audit.cli import EXIT_ERROR, EXIT_OK

    config = _config(args)
    if config is None:
        return EXIT_ERROR
    settings = {spec.id: (spec, options, severity) for spec, options, severity in _all(config)}
    width = max(len(rule_id) for rule_id in settings)
    for rule_id, (spec, _options, severity) in settings.items():
        state = "" if _enabled(config, rule_id) else "  (disabled)"
        print(f"{rule_id:<{width}}  {severity:<7}  {spec.summary}{state}")
    return EXIT_OK


def _all(config: Any) -> list[tuple[Any, dict[str, Any], str]]:
    rows = []
    for rule_id, spec in config.specs().items():
        setting = config.rules.get(rule_id)
        severity = setting.severity if setting else spec.severity
        options = setting.options if setting else {}
        rows.append((spec, options, severity))
    return rows


def _enabled(config: Any, rule_id: str) -> bool:
    setting = config.rules.get(rule_id)
    spec = config.specs()[rule_id]
    return setting.enabled if setting else spec.enabled


def cmd_explain(args: argparse.Namespace) -> int:
    from audit.cli import EXIT_ERROR, EXIT_OK, error

    config = _config(args)
    if config is None:
        return EXIT_ERROR
    specs = config.specs()
    spec = specs.get(args.rule)
    if spec is None:
        import difflib

        close = difflib.get_close_matches(args.rule, list(specs), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        error(f"no rule {args.rule!r}{hint}; `indicator-audit rules` lists them")
        return EXIT_ERROR
    print(f"{spec.id}  (default severity: {spec.severity}, scope: {spec.scope})\n")
    print(spec.doc)
    if spec.options:
        print("\nOptions and defaults:")
        for name, option in spec.options.items():
            print(f"  {name}: {option.default!r}  — {option.doc}")
    return EXIT_OK
