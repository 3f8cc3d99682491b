"""Configuration: YAML profiles with ``extends:``, strict validation, ignores.

A configuration file looks like::

    extends: default            # a shipped profile (default, strict) or a path
    lang: zh                    # messages: zh or en
    taxonomy:
      file: taxonomy.yaml       # shipped file name or a path
      use: ["2021", "2025"]     # schemes a table may use
    rules:
      placeholder:
        severity: error
        patterns: [待单位补充, 待补充]
      nonstandard-punctuation:
        enabled: false
      no-test-goal:             # a rule defined here, of a fixed type
        type: pattern
        field: goal
        must_not_match: "测试"
        message: 绩效目标含测试文字
    ignore:
      - rule: subtotal-mismatch
        unit: "广州市*"
      - file: "drafts/*.txt"
    plugins: [mypackage.rules]  # modules or packages of one's own rules

Every error names the file, the line and the key. Unknown keys, wrong types
and unknown rule ids are errors, never silently ignored.
"""

import os
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from audit.engine import Option, RuleSetting, RuleSpec, load_rules, matches
from audit.limits import MAX_CELL_CHARS, MAX_EXTENDS, MAX_SETTING_NUMBER
from audit.model import SEVERITIES, Finding, Severity
from audit.resources import resource
from audit.taxonomy import Taxonomy

CONFIG_NAMES = (".indicator-audit.yaml", ".indicator-audit.yml")
PROFILES = ("default", "strict")
TOP_KEYS = (
    "extends",
    "lang",
    "taxonomy",
    "rules",
    "ignore",
    "grading",
    "exclude",
    "extend-exclude",
    "plugins",
)
RULE_KEYS = ("enabled", "severity")
IGNORE_KEYS = ("rule", "unit", "project", "file")
LANGS = ("zh", "en")


class ConfigError(Exception):
    """A configuration problem, located by file, line and key. ``more``: the
    file's other problems found in the same reading (a rule's unknown option
    and another rule's bad severity are both reported at once); the error's
    own text is the first problem's."""

    def __init__(
        self,
        path: str,
        line: int | None,
        key: str | None,
        message: str,
        more: "Iterable[ConfigError]" = (),
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.message = message
        self.more = tuple(more)
        where = path + (f":{line}" if line else "")
        super().__init__(f"{where}: {key + ': ' if key else ''}{message}")

    def problems(self) -> "tuple[ConfigError, ...]":
        """This problem and the others found with it, in the file's order."""
        return (self, *self.more)


class _Problems:
    """The problems found while one configuration file is applied: a section
    or an entry that is wrong is noted and the next one read, so that one run
    names every problem of the file (those of sections that others depend on,
    the plugins and the taxonomy, stop the reading of what depends on them)."""

    __slots__ = ("found",)

    def __init__(self) -> None:
        self.found: list[ConfigError] = []

    def note(self, error: ConfigError) -> None:
        self.found.extend(error.problems())

    def raise_any(self) -> None:
        """Raise the problems noted, the first (by line) with the others."""
        if not self.found:
            return
        ordered = sorted(self.found, key=lambda e: (e.path, e.line or 0))
        first, *others = ordered
        raise ConfigError(first.path, first.line, first.key, first.message, others)


# --------------------------------------------------------------------------
# YAML with line numbers


class _Doc:
    """A loaded YAML file: its data and the line of every key path."""

    __slots__ = ("data", "lines", "path")

    def __init__(self, path: str, data: Any, lines: dict[tuple[Any, ...], int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line(self, *path: Any) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def error(self, path: tuple[Any, ...], message: str) -> ConfigError:
        key = ".".join(str(p) for p in path) or None
        return ConfigError(self.path, self.line(*path), key, message)


def load_yaml(path: Path) -> _Doc:
    """A YAML file with the line of every key; errors name the file."""
    from audit.yamlfile import Unreadable, YamlError, load

    name = str(path)
    try:
        data, lines = load(path)
    except FileNotFoundError:
        raise ConfigError(name, None, None, "no such file") from None
    except UnicodeDecodeError:
        raise ConfigError(name, None, None, "not UTF-8 text") from None
    except OSError as error:
        raise ConfigError(name, None, None, error.strerror or str(error)) from None
    except Unreadable as error:  # not a regular file, too large: no YAML was read
        raise ConfigError(name, None, None, error.message) from None
    except YamlError as error:
        raise ConfigError(name, error.line, None, f"invalid YAML: {error.message}") from None
    return _Doc(name, data, lines)


def _not_a_file(path: Path) -> str | None:
    """Why ``path``, which exists, cannot be read as a configuration file (a
    directory, a named pipe, a device), or None for a regular file."""
    from audit.yamlfile import Unreadable, read_config

    if _is(path, "file"):
        return None
    try:
        read_config(path)  # refuses by type, before anything is read
    except Unreadable as error:
        return error.message
    except OSError as error:
        return error.strerror or str(error)
    return None


PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "indicator-audit")
"""Where ``pyproject.toml`` keeps the configuration: ``[tool.indicator-audit]``."""


def load_pyproject(path: Path) -> _Doc:
    """``[tool.indicator-audit]`` of a ``pyproject.toml``, as a configuration
    document (the same keys as the YAML file; TOML gives no key lines, so
    errors name the file and the key)."""
    import tomllib

    from audit.yamlfile import YamlError
    from audit.yamlfile import read_config as read

    name = str(path)
    try:
        data: Any = tomllib.loads(read(path).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(name, None, None, "no such file") from None
    except OSError as error:
        raise ConfigError(name, None, None, error.strerror or str(error)) from None
    except YamlError as error:  # not a regular file, or too large
        raise ConfigError(name, None, None, error.message) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(name, None, None, f"invalid TOML: {error}") from None
    for key in PYPROJECT_TABLE:
        data = data.get(key) if isinstance(data, dict) else None
    if data is None:
        raise ConfigError(name, None, None, "no [tool.indicator-audit] table")
    return _Doc(f"{name}[tool.indicator-audit]", data, {})


def load_document(path: Path) -> _Doc:
    """A configuration file: YAML, or the table of a ``pyproject.toml``."""
    if path.name == PYPROJECT or path.suffix.lower() == ".toml":
        # Any TOML file given as --config is read as pyproject.toml is.
        return load_pyproject(path)
    return load_yaml(path)


def _shipped(path: Path) -> bool:
    """A profile shipped with the tool (not a project's own file)."""
    return path.resolve().parent == resource("rules").resolve()


def _has_tool_table(path: Path) -> bool:
    """``pyproject.toml`` with a ``[tool.indicator-audit]`` table (others are
    passed over, as ruff passes over one without ``[tool.ruff]``)."""
    from audit.yamlfile import YamlError
    from audit.yamlfile import read_config as read

    try:
        text = read(path).decode("utf-8", "replace")
    except (OSError, YamlError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*[\"']?indicator-audit\b", text, re.M) is not None


def _is(path: Path, kind: str) -> bool:
    """``path.is_file()`` or ``path.is_dir()`` (``kind``), False where the
    path cannot be looked at (a directory without search permission): what
    cannot be reached there is reported by whoever reads it."""
    try:
        return bool(path.is_file() if kind == "file" else path.is_dir())
    except OSError:
        return False


def config_in(folder: Path) -> Path | None:
    """The configuration file of one directory: ``.indicator-audit.yaml``
    (or ``.yml``), else a ``pyproject.toml`` with ``[tool.indicator-audit]``."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        # One that is there but is not a regular file (a named pipe, a
        # directory, a broken link) is found too: loading it says what is
        # wrong, rather than linting with the defaults without a word.
        if _is(candidate, "file") or os.path.lexists(candidate):
            return candidate
    candidate = folder / PYPROJECT
    if _is(candidate, "file") and _has_tool_table(candidate):
        return candidate
    return None


def nearest_config(start: Path) -> Path | None:
    """The configuration nearest to ``start`` (a file or a directory): in its
    directory or the closest parent that has one, as ruff finds its own."""
    directory = start.resolve()
    if not _is(directory, "dir"):
        directory = directory.parent
    for folder in (directory, *directory.parents):
        found = config_in(folder)
        if found is not None:
            return found
    return None


class ConfigResolver:
    """The configuration in effect for each file: ``--config``, else the
    nearest project configuration walking up from the file, else the shipped
    ``default`` profile. Each configuration file is loaded once; ``tune`` is
    applied to every configuration loaded (command-line overrides)."""

    def __init__(
        self,
        explicit: str | Path | None = None,
        *,
        discover: bool = True,
        tune: Any = None,
    ) -> None:
        self.explicit = explicit
        self.discover = discover and explicit is None
        self.tune = tune
        self._by_file: dict[str | None, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def path_for(self, path: str | Path) -> Path | None:
        """The configuration file for ``path`` (None: the shipped default)."""
        if self.explicit is not None:
            return Path(self.explicit)
        if not self.discover:
            return None
        directory = Path(os.path.abspath(path))
        if not _is(directory, "dir"):
            directory = directory.parent
        if directory not in self._by_dir:
            self._by_dir[directory] = nearest_config(directory)
        return self._by_dir[directory]

    def for_path(self, path: str | Path) -> "Config":
        """The configuration for a file or directory; ConfigError when bad."""
        return self.load(self.path_for(path))

    def load(self, config_path: Path | None) -> "Config":
        key = None if config_path is None else str(config_path.resolve())
        config = self._by_file.get(key)
        if config is None:
            shown = None
            if config_path is not None:
                shown = config_path if self.explicit is not None else _shown_path(config_path)
            config = load_config(shown, discover=False)
            if self.tune is not None:
                self.tune(config)
            self._by_file[key] = config
        return config

    @property
    def loaded(self) -> "list[Config]":
        return list(self._by_file.values())


def _shown_path(path: Path) -> Path:
    """A discovered file named relative to the working directory when below it."""
    relative = os.path.relpath(path)
    return Path(path if relative.startswith(os.pardir) else relative)


# --------------------------------------------------------------------------
# The configuration


class Ignore(NamedTuple):
    rule: str | None = None
    unit: str | None = None
    project: str | None = None
    file: str | None = None
    source: str | None = None
    """The configuration file and line of the entry (``path:line``)."""
    root: str | None = None
    """The directory ``file`` globs are relative to: the configuration's."""

    def covers(self, finding: Finding) -> bool:
        return (
            matches(self.rule, finding.rule)
            and matches(self.unit, finding.unit)
            and matches(self.project, finding.project)
            and (self.file is None or self.covers_file(finding.file))
        )

    def covers_file(self, path: str) -> bool:
        """``file`` matches ``path``, taken relative to the configuration's
        directory (so the same command from any directory ignores the same)."""
        if self.file is None:
            return True
        if self.root is not None and not path.startswith("<"):
            absolute = os.path.abspath(path)
            relative = os.path.relpath(absolute, self.root)
            if not relative.startswith(os.pardir):
                path = relative
        return _file_matches(self.file, path)


def _file_matches(pattern: str, path: str) -> bool:
    from fnmatch import fnmatchcase

    normal = path.replace("\\", "/")
    return fnmatchcase(normal, pattern) or fnmatchcase(Path(normal).name, pattern)


class Config:
    """The configuration in effect: profiles and project file merged."""

    __slots__ = (
        "custom",
        "defaults",
        "deselect",
        "exclude",
        "extend_exclude",
        "grading",
        "ignores",
        "lang",
        "lang_set",
        "path",
        "read_files",
        "rules",
        "select",
        "sources",
        "taxonomy",
    )

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        """The project config file in effect, if any."""
        self.sources: list[str] = []
        self.read_files: list[str] = []
        """Every file the configuration was built from besides ``sources``
        (a taxonomy file): a kept run is valid while none of them changes."""
        self.lang = "zh"
        self.lang_set = False
        """True when a project configuration (not a shipped profile) sets ``lang``."""
        self.exclude: list[tuple[str, str]] | None = None
        """``exclude:`` patterns (directory, gitignore pattern); None: the defaults."""
        self.extend_exclude: list[tuple[str, str]] = []
        self.rules: dict[str, RuleSetting] = {}
        self.custom: dict[str, RuleSpec] = {}
        self.ignores: list[Ignore] = []
        self.taxonomy = Taxonomy()
        self.select: set[str] | None = None
        self.deselect: set[str] = set()
        self.grading: Any = None
        """Grade weights and thresholds (``audit.grading``), None until set."""
        self.defaults: dict[str, RuleSetting] = {}
        """Settings of rules the configuration does not mention, made once."""

    def specs(self) -> dict[str, RuleSpec]:
        return {**load_rules(), **self.custom}

    def setting(self, rule_id: str, spec: RuleSpec | None = None) -> RuleSetting:
        """A rule's setting in effect: as configured, else its defaults
        (before ``--select``/``--ignore``). The engine gives each rule its
        own; :mod:`audit.facts` reads the options of the rules that own each
        fact (``placeholder``'s patterns, ``not-quantified``'s ``measurable``…)
        through it, so that every rule judges a value the same way."""
        setting = self.rules.get(rule_id) or self.defaults.get(rule_id)
        if setting is None:
            spec = spec or self.specs()[rule_id]
            setting = RuleSetting(spec.enabled, spec.severity, _defaults(spec))
            self.defaults[rule_id] = setting
        return setting

    def active_rules(self) -> list[tuple[RuleSpec, dict[str, Any], Severity]]:
        """Enabled rules with their options and severity, in registry order.

        ``--select`` enables a rule even when the profile disables it.
        """
        active = []
        for rule_id, spec in self.specs().items():
            setting = self.setting(rule_id, spec)
            enabled = setting.enabled
            if self.select is not None:
                enabled = rule_id in self.select
            if rule_id in self.deselect:
                enabled = False
            if enabled:
                active.append((spec, setting.options, setting.severity))
        return active

    def is_ignored(self, finding: Finding) -> bool:
        return any(entry.covers(finding) for entry in self.ignores)


def _defaults(spec: RuleSpec) -> dict[str, Any]:
    return {name: _copy(option.default) for name, option in spec.options.items()}


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def find_config(start: Path | None = None) -> Path | None:
    """The configuration in ``start`` (the current directory) or a parent."""
    return nearest_config(start or Path.cwd())


def load_config(path: str | Path | None = None, *, discover: bool = True) -> Config:
    """The configuration in effect: ``path``, else a discovered project file,
    else the shipped ``default`` profile."""
    if path is None and discover:
        found = find_config()
        if found is not None:
            # Named relative to the working directory in messages, as typed.
            path = Path(os.path.relpath(found))
    target = resource("rules", "default.yaml") if path is None else Path(path)
    if path is not None:
        try:
            Path(path).stat()
        except FileNotFoundError:
            missing = "a link to a missing file" if os.path.islink(path) else "no such file"
            raise ConfigError(str(path), None, None, missing) from None
        except PermissionError:
            raise ConfigError(str(path), None, None, "permission denied") from None
        except OSError as error:
            raise ConfigError(str(path), None, None, error.strerror or str(error)) from None
    config = Config(path=None if path is None else str(path))
    _Builder(config).apply(target, chain=())
    return config


class _Builder:
    """Applies a chain of YAML files (base first) to one :class:`Config`."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.taxonomy_file: Path = resource("rules", "taxonomy.yaml")
        self.taxonomy_use: list[str] = ["2021", "2025"]
        self.specs = load_rules()
        self.first: _Doc | None = None
        """The file the chain starts from (where a chain too long is reported)."""

    def apply(self, path: Path, chain: tuple[str, ...]) -> None:
        key = str(path.resolve())
        if key in chain:
            raise ConfigError(str(path), None, "extends", "circular extends")
        doc = load_document(path)
        if not chain:
            self.first = doc
        data = doc.data
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise doc.error((), "a configuration must be a mapping of keys")
        problems = _Problems()
        for top in data:
            if top not in TOP_KEYS:
                problems.note(
                    doc.error((top,), f"unknown key (expected one of: {', '.join(TOP_KEYS)})")
                )
        if "extends" in data:
            parent = self._extends(doc, data["extends"], path)
            if str(parent.resolve()) in (*chain, key):
                names = [*chain, key, str(parent.resolve())]
                start = names.index(str(parent.resolve()))
                loop = " → ".join(_shown_path(Path(name)).as_posix() for name in names[start:])
                raise doc.error(("extends",), f"circular extends: {loop}")
            if len(chain) + 2 > MAX_EXTENDS:
                raise (self.first or doc).error(
                    ("extends",), f"a chain of more than {MAX_EXTENDS} files through extends:"
                )
            self.apply(parent, (*chain, key))
        self.config.sources.append(str(path))
        if "lang" in data:
            if data["lang"] in LANGS:
                self.config.lang = data["lang"]
                self.config.lang_set = self.config.lang_set or not _shipped(path)
            else:
                problems.note(doc.error(("lang",), f"must be one of {', '.join(LANGS)}"))
        for key in ("exclude", "extend-exclude"):
            if key in data:
                try:
                    self._exclude(doc, key, data[key], path)
                except ConfigError as error:
                    problems.note(error)
        taxonomy_read = True
        if "taxonomy" in data:
            try:
                self._taxonomy(doc, data["taxonomy"], path)
            except ConfigError as error:
                problems.note(error)
                taxonomy_read = False
        if "plugins" in data:
            try:
                self._plugins(doc, data["plugins"])
            except ConfigError as error:
                problems.note(error)
                problems.raise_any()  # the rules and ignores may name the plugins' rules
        if "rules" in data:
            self._rules(doc, data["rules"], problems)
        if "ignore" in data:
            self._ignores(doc, data["ignore"], problems)
        if "grading" in data:
            try:
                self.config.grading = parse_grading(doc, data["grading"], self.config.grading)
            except ConfigError as error:
                problems.note(error)
        if not chain and taxonomy_read:
            try:
                self._finish(doc)
            except ConfigError as error:
                problems.note(error)
        problems.raise_any()

    def _extends(self, doc: _Doc, value: Any, path: Path) -> Path:
        if not isinstance(value, str) or not value:
            raise doc.error(("extends",), "must be a profile name or a file path")
        if value in PROFILES:
            return resource("rules", f"{value}.yaml")
        target = (path.parent / value).resolve()
        if not _is(target, "file"):
            problem = _not_a_file(target) if os.path.lexists(target) else None
            if problem is not None:
                raise doc.error(("extends",), f"{value!r} {problem}")
            raise doc.error(
                ("extends",),
                f"no profile or file named {value!r} (profiles: {', '.join(PROFILES)})",
            )
        return target

    def _exclude(self, doc: _Doc, key: str, value: Any, path: Path) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise doc.error((key,), "must be a list of gitignore-style patterns")
        base = str(path.resolve().parent)
        patterns = [(base, pattern) for pattern in value]
        if key == "exclude":
            self.config.exclude = patterns
        else:
            self.config.extend_exclude.extend(patterns)

    def _taxonomy(self, doc: _Doc, value: Any, path: Path) -> None:
        if not isinstance(value, dict):
            raise doc.error(("taxonomy",), "must be a mapping with 'file' and/or 'use'")
        for key in value:
            if key not in ("file", "use"):
                raise doc.error(("taxonomy", key), "unknown key (expected file or use)")
        if "file" in value:
            name = value["file"]
            if not isinstance(name, str):
                raise doc.error(("taxonomy", "file"), "must be a file name")
            shipped = resource("rules", name)
            local = (path.parent / name).resolve()
            target = local if local.is_file() else shipped
            if not target.is_file():
                raise doc.error(("taxonomy", "file"), f"no taxonomy file {name!r}")
            self.taxonomy_file = target
            self.config.read_files.append(str(target))
        if "use" in value:
            use = value["use"]
            if not isinstance(use, list) or not use:
                raise doc.error(("taxonomy", "use"), "must be a list of scheme names")
            self.taxonomy_use = [str(u) for u in use]

    def _plugins(self, doc: _Doc, value: Any) -> None:
        """``plugins:``: modules or packages (importable on ``sys.path``)
        whose rules join the built-in ones."""
        from audit.engine import RuleModuleError, load_plugin

        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise doc.error(("plugins",), "must be a list of module or package names")
        for index, name in enumerate(value):
            try:
                specs = load_plugin(name)
            except RuleModuleError as error:
                raise doc.error(("plugins", index), str(error)) from None
            if not specs:
                raise doc.error(("plugins", index), f"module {name} defines no rule")
            for rule_id, spec in specs.items():
                if rule_id in self.config.custom and self.config.custom[rule_id] is not spec:
                    raise doc.error(("plugins", index), f"rule {rule_id} is defined twice")
                self.config.custom[rule_id] = spec

    def _rules(self, doc: _Doc, value: Any, problems: _Problems) -> None:
        if not isinstance(value, dict):
            problems.note(doc.error(("rules",), "must be a mapping of rule ids"))
            return
        for rule_id, body in value.items():
            try:
                self._rule(doc, rule_id, body, problems)
            except ConfigError as error:
                problems.note(error)

    def _rule(self, doc: _Doc, rule_id: Any, body: Any, problems: _Problems) -> None:
        """One entry of ``rules:``; a wrong option is noted and the next read."""
        where = ("rules", rule_id)
        if not isinstance(body, dict):
            if isinstance(body, bool):
                body = {"enabled": body}
            elif body in SEVERITIES:
                body = {"severity": body}
            else:
                raise doc.error(where, "must be a mapping, true/false or a severity")
        if "type" in body:
            self._custom(doc, str(rule_id), body)
            return
        spec = self.specs.get(rule_id) or self.config.custom.get(rule_id)
        if spec is None:
            raise doc.error(where, f"unknown rule id{suggest(rule_id, self.specs)}")
        setting = self.config.rules.get(rule_id) or RuleSetting(
            spec.enabled, spec.severity, _defaults(spec)
        )
        wrong = len(problems.found)
        for key, option_value in body.items():
            path = (*where, key)
            if key == "enabled":
                if not isinstance(option_value, bool):
                    problems.note(doc.error(path, "must be true or false"))
                    continue
                setting.enabled = option_value
            elif key == "severity":
                if option_value not in SEVERITIES:
                    problems.note(doc.error(path, f"must be one of {', '.join(SEVERITIES)}"))
                    continue
                setting.severity = option_value
            elif key in spec.options:
                try:
                    setting.options[key] = _check_option(doc, path, spec.options[key], option_value)
                except ConfigError as error:
                    problems.note(error)
            else:
                known = [*RULE_KEYS, *spec.options]
                problems.note(
                    doc.error(path, f"unknown option (expected one of: {', '.join(known)})")
                )
        if len(problems.found) == wrong:  # a range is compared between valid bounds only
            _check_ranges(doc, where, body, setting.options)
        self.config.rules[rule_id] = setting

    def _custom(self, doc: _Doc, rule_id: str, body: dict[str, Any]) -> None:
        from audit.checks.custom import build_custom_rule

        if rule_id in self.specs:
            raise doc.error(("rules", rule_id, "type"), "a built-in rule cannot change its type")
        spec, setting = build_custom_rule(doc, rule_id, body)
        self.config.custom[rule_id] = spec
        self.config.rules[rule_id] = setting

    def _ignores(self, doc: _Doc, value: Any, problems: _Problems) -> None:
        if not isinstance(value, list):
            problems.note(doc.error(("ignore",), "must be a list of entries"))
            return
        for index, entry in enumerate(value):
            try:
                self._ignore(doc, index, entry)
            except ConfigError as error:
                problems.note(error)

    def _ignore(self, doc: _Doc, index: int, entry: Any) -> None:
        """One entry of ``ignore:``."""
        where = ("ignore", index)
        if not isinstance(entry, dict) or not entry:
            raise doc.error(where, "must be a mapping with rule, unit, project and/or file")
        for key, pattern in entry.items():
            if key not in IGNORE_KEYS:
                raise doc.error(
                    (*where, key), f"unknown key (expected one of: {', '.join(IGNORE_KEYS)})"
                )
            if not isinstance(pattern, str):
                raise doc.error((*where, key), "must be a string (a glob pattern)")
        rule_pattern = entry.get("rule")
        if rule_pattern is not None and not any(
            matches(rule_pattern, r) for r in (*self.specs, *self.config.custom)
        ):
            raise doc.error((*where, "rule"), f"matches no rule id: {rule_pattern!r}")
        self.config.ignores.append(
            Ignore(
                **entry,
                source=doc.path + (f":{doc.line(*where)}" if doc.line(*where) else ""),
                root=str(Path(doc.path).resolve().parent),
            )
        )

    def _finish(self, doc: _Doc) -> None:
        tax_doc = load_yaml(self.taxonomy_file)
        data = tax_doc.data
        if not isinstance(data, dict) or not isinstance(data.get("schemes"), dict):
            raise tax_doc.error(("schemes",), "a taxonomy needs a 'schemes' mapping")
        for scheme in self.taxonomy_use:
            if str(scheme) not in data["schemes"]:
                raise doc.error(("taxonomy", "use"), f"no scheme {scheme!r} in {tax_doc.path}")
        synonyms = data.get("synonyms", [])
        if not isinstance(synonyms, list):
            raise tax_doc.error(("synonyms",), "must be a list of scheme names")
        for index, scheme in enumerate(synonyms):
            if str(scheme) not in data["schemes"]:
                raise tax_doc.error(("synonyms", index), f"no scheme {scheme!r} in 'schemes'")
        burdens = data.get("burdens", [])
        if not isinstance(burdens, list) or not all(isinstance(b, str) for b in burdens):
            raise tax_doc.error(("burdens",), "must be a list of level-2 category names")
        wider = data.get("wider", {})
        if not isinstance(wider, dict) or not all(
            isinstance(children, list) and all(isinstance(c, str) for c in children)
            for children in wider.values()
        ):
            raise tax_doc.error(
                ("wider",), "must map a level-1 name to a list of level-2 category names"
            )
        _check_taxonomy(tax_doc, data)
        if "kinds" not in data and self.taxonomy_file != resource("rules", "taxonomy.yaml"):
            # What each level-2 category measures, for the rules that compare
            # a name with its category: the shipped file's, where a file of
            # its own leaves them out.
            shipped = load_yaml(resource("rules", "taxonomy.yaml")).data
            data = {**data, "kinds": shipped.get("kinds") or {}}
        try:
            self.config.taxonomy = Taxonomy.from_data(data, self.taxonomy_use)
        except (KeyError, TypeError, AttributeError) as error:
            raise tax_doc.error(("schemes",), f"malformed taxonomy: {error}") from None


def _check_taxonomy(doc: _Doc, data: dict[str, Any]) -> None:
    """Refuse a taxonomy whose entries contradict each other, at the entry:
    an alias whose target is itself an alias (aliases are followed one step:
    a chain or a cycle names no category), one code given two categories, or
    one category two codes, in a scheme."""
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise doc.error(("aliases",), "must be a mapping of a name to the category it stands for")
    for name, target in aliases.items():
        if not isinstance(target, str):
            raise doc.error(("aliases", name), "must be the name of a category")
        if target in aliases and target != name:
            raise doc.error(
                ("aliases", name),
                f"stands for {target!r}, itself an alias of {aliases[target]!r}: aliases are "
                "followed one step, map it to the category's own name",
            )
    for scheme, entries in (data.get("schemes") or {}).items():
        if not isinstance(entries, dict):
            continue  # malformed: Taxonomy.from_data says so
        codes: dict[str, str] = {}  # level-2 code → its level-1 code
        names: dict[str, str] = {}  # category name → its code
        for code, entry in entries.items():
            if not isinstance(entry, dict):
                continue
            children = entry.get("children") or {}
            pairs: list[tuple[str, Any, tuple[Any, ...]]] = [
                (str(code), entry.get("name"), ("schemes", scheme, code, "name"))
            ]
            if isinstance(children, dict):
                pairs += [
                    (str(child), child_name, ("schemes", scheme, code, "children", child))
                    for child, child_name in children.items()
                ]
                for child in children:
                    parent = codes.setdefault(str(child), str(code))
                    if parent != str(code):
                        raise doc.error(
                            ("schemes", scheme, code, "children", child),
                            f"code {child} is already a level-2 category under {parent}",
                        )
            for own, name, where in pairs:
                if not isinstance(name, str):
                    continue
                first = names.setdefault(name, own)
                if first != own:
                    raise doc.error(where, f"{name!r} already has the code {first}")


_RANGES = (("earliest", "latest", "is after"), ("minimum", "maximum", "is above"))
"""Options that are the two bounds of one range, when a rule has both
(date-serial's years, satisfaction-target's percentages, a plugin's): the
lower may not pass the upper."""


def _check_ranges(
    doc: _Doc, where: tuple[Any, ...], body: Mapping[str, Any], options: Mapping[str, Any]
) -> None:
    """Refuse a range whose lower bound passes its upper one (compared only
    when both are numbers), at the bound the configuration set."""
    for lower_key, upper_key, passes in _RANGES:
        lower: Any = options.get(lower_key)
        upper: Any = options.get(upper_key)
        if _is_number(lower) and _is_number(upper) and lower > upper:
            at = (*where, upper_key if upper_key in body else lower_key)
            raise doc.error(at, f"{lower_key} ({lower}) {passes} {upper_key} ({upper})")


def _check_option(doc: _Doc, path: tuple[Any, ...], option: Option, value: Any) -> Any:
    """A configured option value, validated as a whole; regular expressions
    come back marked as configured (RE2 runs them, in linear time)."""
    if value is None and option.default is None:  # an option that is off by default
        return None
    if option.kind == "dict":
        if option.values is None:
            raise doc.error(path, "this option cannot be configured (no schema)")
        if not isinstance(value, dict):
            raise doc.error(path, f"must be a mapping, got {_type_name(value)}")
        checked = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise doc.error((*path, key), f"a key must be text, got {_type_name(key)}")
            if option.keys is not None and key not in option.keys:
                raise doc.error(
                    (*path, key),
                    f"unknown key{suggest(key, option.keys)} "
                    f"(expected one of: {', '.join(option.keys)})",
                )
            checked[key] = _check_value(doc, (*path, key), option.values, item)
            _check_most(doc, (*path, key), option.values, checked[key], _upper(option))
        return checked
    checked_value = _check_value(doc, path, option.kind, value)
    minimum = _lower(option)
    if minimum is not None and _is_number(checked_value) and checked_value < minimum:
        raise doc.error(path, f"must be at least {minimum!s}, got {checked_value!r}")
    _check_most(doc, path, option.kind, checked_value, _upper(option))
    return checked_value


def _lower(option: Option) -> float | None:
    """The smallest value a number option takes: its own bound, else zero
    for a count, a length, a share or a tolerance (its default, if any, not
    negative): below zero it makes no sense (a rule that can never fire)."""
    if option.min is not None or option.kind not in ("int", "number"):
        return option.min
    default = option.default
    return 0 if default is None or (_is_number(default) and default >= 0) else None


def _upper(option: Option) -> float | None:
    """The largest value a number option takes, by what it counts when the
    option sets no bound of its own: a count or a length (``int``, of
    characters or indicators) no more than the longest cell the tool parses;
    a percentage (``in percent``) 100; any other number or amount
    :data:`~audit.limits.MAX_SETTING_NUMBER`. Past these a rule could
    never fire."""
    if option.max is not None:
        return option.max
    kind = option.values if option.kind == "dict" else option.kind
    if kind == "int":
        return MAX_CELL_CHARS
    if kind == "number" and "in percent" in option.doc:
        return 100
    if kind in ("number", "positive", "money", "list[money]"):
        return MAX_SETTING_NUMBER
    return None


def _bound_text(bound: float) -> str:
    """A bound as the messages show it: ``1``, ``2958465``, ``1,000,000,000,000``."""
    return (
        f"{bound:,}" if bound >= 10**6 and bound == int(bound) and bound % 1000 == 0 else str(bound)
    )


def _check_most(
    doc: _Doc, path: tuple[Any, ...], kind: Any, value: Any, most: float | None
) -> None:
    """Refuse a checked number (or each amount of a list) above ``most``."""
    if most is None:
        return
    values = list(enumerate(value)) if kind == "list[money]" else [(None, value)]
    for index, item in values:
        if (_is_number(item) or isinstance(item, Decimal)) and item > most:
            where = path if index is None else (*path, index)
            shown = f"{item:.4g}" if len(str(item)) > 20 else repr(item)
            if isinstance(item, Decimal):
                shown = str(item) if len(str(item)) <= 20 else f"{item:.4E}"
            raise doc.error(where, f"must be at most {_bound_text(most)}, got {shown}")


_KINDS: dict[str, tuple[str, Any]] = {
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "int": ("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "number": ("a number", lambda v: _is_number(v)),
    "positive": ("a number above zero", lambda v: _is_number(v) and v > 0),
    "str": ("text", lambda v: isinstance(v, str)),
    "regex": ("a regular expression (text)", lambda v: isinstance(v, str)),
    "list[str]": ("a list of texts", lambda v: _is_list_of_str(v)),
    "list[regex]": ("a list of regular expressions", lambda v: _is_list_of_str(v)),
    "money": ("an amount above zero", lambda v: _money(v)),
    "list[money]": (
        "a list of amounts above zero",
        lambda v: isinstance(v, list) and bool(v) and all(_money(i) is not None for i in v),
    ),
}


def _money(value: Any) -> Decimal | None:
    """A configured amount as an exact Decimal (``0.0001`` from YAML stays
    0.0001), or None when it is not a finite number above zero."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount > 0 else None


def describe(option: Option) -> str:
    """What a configured value of ``option`` must be, in words (``explain``
    shows it): ``one of: error, warning``, ``a mapping of quantity, quality
    → one of: error, warning, info, off``."""
    if option.kind == "dict":
        keys = "text" if option.keys is None else ", ".join(option.keys)
        values = "anything" if option.values is None else _describe_kind(option.values)
        most = _upper(option) if option.values is not None else None
        if most is not None:
            values += f" (at most {_bound_text(most)})"
        return f"a mapping of {keys} → {values}"
    bounds = []
    if option.min is not None:
        bounds.append(f"at least {option.min!s}")
    most = _upper(option)
    if most is not None:
        bounds.append(f"at most {_bound_text(most)}")
    return _describe_kind(option.kind) + (f" ({', '.join(bounds)})" if bounds else "")


def _describe_kind(kind: str | tuple[str, ...] | list[str]) -> str:
    if isinstance(kind, list):
        return f"a list of: {', '.join(kind)}"
    if isinstance(kind, tuple):
        return f"one of: {', '.join(kind)}"
    return _KINDS[kind][0] if kind in _KINDS else kind


def _numeric_text(value: Any) -> bool:
    """Text YAML 1.1 did not read as a number though it is written as one
    (``1e400``, ``1e3``)."""
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True


def _is_number(value: Any) -> bool:
    import math

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value)


def _is_list_of_str(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, str) for i in value)


def _type_name(value: Any) -> str:
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "infinity"
    return type(value).__name__


def _check_value(
    doc: _Doc, path: tuple[Any, ...], kind: str | tuple[str, ...] | list[str], value: Any
) -> Any:
    if isinstance(kind, list):
        if not isinstance(value, list):
            raise doc.error(path, f"must be a list of: {', '.join(kind)}, got {_type_name(value)}")
        return [
            _check_value(doc, (*path, index), tuple(kind), item) for index, item in enumerate(value)
        ]
    if isinstance(kind, tuple):
        if value is False and "off" in kind:  # YAML 1.1 reads a bare off as false
            value = "off"
        if not isinstance(value, str) or value not in kind:
            raise doc.error(
                path,
                f"must be one of: {', '.join(map(str, kind))}, got {value!r}"
                + (suggest(value, kind) if isinstance(value, str) else ""),
            )
        return value
    if kind not in _KINDS:
        raise doc.error(path, f"this option cannot be configured (unknown kind {kind})")
    wanted, test = _KINDS[kind]
    if kind == "list[money]" and isinstance(value, list) and value:
        for index, item in enumerate(value):
            if _money(item) is None:
                shown = _is_number(item) or isinstance(item, str)
                got = repr(item) if shown else _type_name(item)
                raise doc.error((*path, index), f"must be an amount above zero, got {got}")
    if not test(value):
        shown = _is_number(value) or (kind == "money" and isinstance(value, str))
        got = repr(value) if shown else _type_name(value)
        if kind in ("int", "number", "positive") and _numeric_text(value):
            got = (
                f"the text {value!r} (YAML reads a number with an exponent only written"
                " with a dot and a sign, as 1.0e+3)"
            )
        raise doc.error(path, f"must be {wanted}, got {got}")
    if kind in ("regex", "list[regex]"):
        return _check_patterns(doc, path, kind, value)
    if kind == "money":
        return _money(value)
    if kind == "list[money]":
        return [_money(item) for item in value]
    return value


def _check_patterns(doc: _Doc, path: tuple[Any, ...], kind: str, value: Any) -> Any:
    """Compile configured patterns with RE2 one by one and, for a list,
    joined into the one alternation the rules run."""
    from audit.patterns import UserPattern, UserPatterns, Where, compile_configured, joined

    where = Where(doc.path, doc.line(*path), ".".join(str(p) for p in path))
    patterns = [value] if kind == "regex" else value
    for index, pattern in enumerate(patterns):
        at = path if kind == "regex" else (*path, index)
        try:
            compile_configured(pattern)
        except re.error as error:
            raise doc.error(at, f"invalid regular expression {pattern!r}: {error}") from None
    if kind == "regex":
        return UserPattern(value, where)
    try:
        compile_configured(joined(patterns))
    except re.error as error:
        raise doc.error(
            path, f"valid one by one, but not joined into the one alternation: {error}"
        ) from None
    items = [
        UserPattern(p, Where(doc.path, doc.line(*path, i), f"{where.key}[{i}]"))
        for i, p in enumerate(patterns)
    ]
    return UserPatterns(items, where)


def suggest(name: object, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the known name closest to ``name``, or ""."""
    import difflib

    close = difflib.get_close_matches(str(name), sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --------------------------------------------------------------------------
# The grading: block (grades themselves are computed in audit.grading)

GRADES: tuple[str, ...] = ("优", "良", "中", "差")
"""The grades, best first. 差 has no threshold: it is every score below 中's."""
TOP_SCORE = 100
GRADING_KEYS: tuple[str, ...] = ("weights", "groups", "rules", "thresholds", "caps", "verdict")


class Grading(NamedTuple):
    """Weights, thresholds and caps (see the module's documentation)."""

    weights: Mapping[str, float] = MappingProxyType({})
    """Points a finding takes off, by severity."""
    rules: Mapping[str, float] = MappingProxyType({})
    """Points a finding takes off, by rule id (wins over ``groups`` and ``weights``)."""
    groups: Mapping[str, float] = MappingProxyType({})
    """Points a finding takes off, by rule group (wins over ``weights``)."""
    thresholds: Mapping[str, float] = MappingProxyType({})
    """The lowest score of 优, 良 and 中."""
    caps: Mapping[str, str] = MappingProxyType({})
    """The best grade with a finding of a severity or a rule id (a rule's
    cap replaces its severity's)."""
    verdict: Mapping[str, str] = MappingProxyType({})
    """The best grade of a table with a finding of a severity."""

    def weight(self, finding: Finding) -> float:
        if finding.severity == "info":  # advice, whatever the rule: the user lowered it
            return self.weights.get("info", 0)
        if finding.rule in self.rules:
            return self.rules[finding.rule]
        if self.groups:
            group = _group(finding.rule)
            if group is not None and group in self.groups:
                return self.groups[group]
        return self.weights.get(finding.severity, 0)

    def score(self, findings: Iterable[Finding], start: float = TOP_SCORE) -> float:
        """``start`` less the weights of ``findings``, never below 0."""
        return max(0.0, start - sum(self.weight(f) for f in findings))

    def grade(self, score: float, findings: Iterable[Finding] = ()) -> str:
        """The grade of ``score``, capped by ``findings``."""
        grade = GRADES[-1]
        for candidate in GRADES[:-1]:
            if score >= self.thresholds[candidate]:
                grade = candidate
                break
        worst = GRADES.index(grade)
        for finding in findings:
            cap = self.caps.get(finding.rule, self.caps.get(finding.severity))
            if cap is not None:
                worst = max(worst, GRADES.index(cap))
        return GRADES[worst]

    def table_grade(self, score: float, findings: Iterable[Finding]) -> str:
        """The grade of a table of ``score`` whose projects and rows have
        ``findings``: capped as a project's, and by ``verdict``."""
        findings = list(findings)
        worst = GRADES.index(self.grade(score, findings))
        for finding in findings:
            cap = self.verdict.get(finding.severity)
            if cap is not None:
                worst = max(worst, GRADES.index(cap))
        return GRADES[worst]


def _group(rule: str) -> str | None:
    spec = load_rules().get(rule)
    return None if spec is None else spec.family


def parse_grading(doc: Any, value: Any, previous: Grading | None) -> Grading:
    """The grading a profile's ``grading:`` block sets, on top of ``previous``
    (the profile it extends) or else the shipped defaults.

    ``doc`` is the loaded YAML file (``audit.config._Doc``); every problem is
    raised as ``doc.error(path, message)``, a ConfigError naming the file, the
    line and the key.
    """
    return _parse(doc, value, previous if previous is not None else default_grading())


@cache
def default_grading() -> Grading:
    """The ``grading:`` block of the shipped ``rules/default.yaml``."""
    path = resource("rules", "default.yaml")
    doc = load_yaml(path)
    if not isinstance(doc.data, dict) or "grading" not in doc.data:
        raise ConfigError(str(path), None, "grading", "the shipped defaults are missing")
    return _parse(doc, doc.data["grading"], Grading())


def _parse(doc: Any, value: Any, base: Grading) -> Grading:
    where: tuple[Any, ...] = ("grading",)
    if value is None:
        return base
    if not isinstance(value, dict):
        raise doc.error(where, f"must be a mapping with {', '.join(GRADING_KEYS)}")
    for key in value:
        if key not in GRADING_KEYS:
            raise doc.error(
                (*where, key), f"unknown key (expected one of: {', '.join(GRADING_KEYS)})"
            )
    known_rules = set(load_rules())
    weights = dict(base.weights)
    rules = dict(base.rules)
    groups = dict(base.groups)
    thresholds = dict(base.thresholds)
    caps = dict(base.caps)
    verdict = dict(base.verdict)
    if "weights" in value:
        for key, points in _mapping(doc, (*where, "weights"), value["weights"]).items():
            if key not in SEVERITIES:
                raise doc.error(
                    (*where, "weights", key),
                    f"unknown severity (expected: {', '.join(SEVERITIES)})",
                )
            weights[key] = _points(doc, (*where, "weights", key), points)
    if "rules" in value:
        for key, points in _mapping(doc, (*where, "rules"), value["rules"]).items():
            if key not in known_rules:
                raise doc.error(
                    (*where, "rules", key), f"unknown rule id{suggest(key, known_rules)}"
                )
            rules[key] = _points(doc, (*where, "rules", key), points)
    if "groups" in value:
        known_groups = {spec.family for spec in load_rules().values()}
        for key, points in _mapping(doc, (*where, "groups"), value["groups"]).items():
            if key not in known_groups:
                raise doc.error(
                    (*where, "groups", key), f"unknown rule group{suggest(key, known_groups)}"
                )
            groups[key] = _points(doc, (*where, "groups", key), points)
    if "thresholds" in value:
        for key, score in _mapping(doc, (*where, "thresholds"), value["thresholds"]).items():
            path = (*where, "thresholds", key)
            if key == GRADES[-1]:
                raise doc.error(path, f"{key} has no threshold: it is every score below 中's")
            if key not in GRADES:
                raise doc.error(path, f"unknown grade (expected: {', '.join(GRADES[:-1])})")
            number = _points(doc, path, score)
            if number > TOP_SCORE:
                raise doc.error(path, f"must be at most {TOP_SCORE}, got {score}")
            thresholds[key] = number
    if "caps" in value:
        for key, grade in _mapping(doc, (*where, "caps"), value["caps"]).items():
            path = (*where, "caps", key)
            if key not in SEVERITIES and key not in known_rules:
                known = {*SEVERITIES, *known_rules}
                raise doc.error(path, f"unknown severity or rule id{suggest(key, known)}")
            if grade is None:
                caps.pop(key, None)
            elif grade not in GRADES:
                raise doc.error(path, f"must be a grade ({', '.join(GRADES)}) or null")
            else:
                caps[key] = grade
    if "verdict" in value:
        for key, grade in _mapping(doc, (*where, "verdict"), value["verdict"]).items():
            path = (*where, "verdict", key)
            if key not in SEVERITIES:
                raise doc.error(path, f"unknown severity (expected: {', '.join(SEVERITIES)})")
            if grade is None:
                verdict.pop(key, None)
            elif grade not in GRADES:
                raise doc.error(path, f"must be a grade ({', '.join(GRADES)}) or null")
            else:
                verdict[key] = grade
    for severity in SEVERITIES:
        if severity not in weights:
            raise doc.error((*where, "weights"), f"needs a weight for {severity}")
    for grade in GRADES[:-1]:
        if grade not in thresholds:
            raise doc.error((*where, "thresholds"), f"needs a threshold for {grade}")
    for better, worse in pairwise(GRADES[:-1]):
        if thresholds[better] <= thresholds[worse]:
            changed = worse if worse in value.get("thresholds", {}) else better
            raise doc.error(
                (*where, "thresholds", changed),
                f"thresholds out of order: {better} ({_number(thresholds[better])}) must be "
                f"above {worse} ({_number(thresholds[worse])})",
            )
    return Grading(
        weights=weights,
        rules=rules,
        groups=groups,
        thresholds=thresholds,
        caps=caps,
        verdict=verdict,
    )


def _mapping(doc: Any, path: tuple[Any, ...], value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise doc.error(path, f"must be a mapping, got {type(value).__name__}")
    return value


def _points(doc: Any, path: tuple[Any, ...], value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise doc.error(path, f"must be a number, got {type(value).__name__}")
    if value != value or value in (float("inf"), float("-inf")):
        raise doc.error(path, f"must be a finite number, got {value}")
    if value < 0:
        raise doc.error(path, f"must not be negative, got {value}")
    return value


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
