"""Each file's lint results, kept between runs (as ruff and mypy keep theirs).

A run whose report needs no table text (``json``, ``sarif``, ``github``,
``gitlab``, ``text``…) keeps each file's findings, counts, layout, encoding,
grades and the findings' clause names (what :func:`audit.lint.drop_document`
keeps) in ``results/`` of the user's private cache directory
(:func:`audit.resources.private_cache_dir`: 0700, the user's own, no links).
A later run on the same bytes, with the same configuration, the same
installation of the tool and the same options skips reading, parsing and
checking that file.

An entry is found by the file's path and the run's key, and used only when
it was written for the same bytes (SHA-256 of the file). The key is a hash
of the tool's version, a fingerprint of its own files (every module, grammar
and shipped rule file: name, size, modification time; a changed or upgraded
installation changes it), the versions of the parser libraries, and the
resolved configuration: its merged content (the rules in effect with their
severities and options, rules written in YAML, the taxonomy, grading, the
language), never its path. Entries are JSON, never pickle; one that cannot
be read, is not the user's own, can be written by others or does not have
exactly the shape written here is ignored and replaced. Writing is atomic.

A file whose reader may print notes on stderr (a workbook, web page, Word
file or PDF: a sheet skipped) is kept only when the run shows no notes
(``--quiet``), so notes are shown on every run that shows them.

``--no-cache``, ``INDICATOR_AUDIT_NO_CACHE=1`` or
``INDICATOR_AUDIT_CACHE=off`` turn it off; ``indicator-audit cache clean``
removes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterable
from enum import Enum
from functools import cache

from audit import __version__
from audit.limits import MAX_BYTES
from audit.resources import (
    private,
    private_cache_path,
    read_private_json,
    resource,
    resource_path,
)

TYPE_CHECKING = False  # typing is not imported by a run whose output is kept
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from audit.config import Config
    from audit.model import Finding
    from audit.results import FileResult

FORMAT = 1
SUBDIRECTORY = "results"
DISABLE_VARIABLE = "INDICATOR_AUDIT_NO_CACHE"
_NAMES = "surrogateescape"
"""How a path is hashed: a file name that is not UTF-8 (held with its bytes
escaped as surrogates) as the bytes it is."""
_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_SEVERITIES = ("error", "warning", "info")
_SUMMARY_KEYS = {"units", "projects", "clauses", "layout", "encoding", "grades", "clause_names"}


def disabled_by_environment() -> bool:
    return os.environ.get(DISABLE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def results_dir(create: bool = True) -> Path | None:
    """``results/`` in the private cache directory, itself private, or None."""
    from pathlib import Path

    path = results_path(create)
    return None if path is None else Path(path)


def results_path(create: bool = True) -> str | None:
    """:func:`results_dir` as a string."""
    base = private_cache_path()
    if base is None:
        return None
    directory = os.path.join(base, SUBDIRECTORY)
    try:
        if create:
            with contextlib.suppress(FileExistsError):
                os.mkdir(directory, mode=0o700)
        info = os.lstat(directory)
    except OSError:
        return None
    return directory if private(info) and stat.S_ISDIR(info.st_mode) else None


def clean() -> int:
    """Remove every kept result of a file and every kept run, and the
    derived caches beside them (compiled regular expressions, parsed YAML,
    Lark's parse tables); how many entries were removed."""
    removed = 0
    directory = results_dir(create=False)
    if directory is not None:
        for entry in directory.iterdir():
            if entry.name.endswith(".json") or entry.name.endswith(".tmp"):
                try:
                    entry.unlink()
                    removed += 1
                except OSError:
                    pass
        with contextlib.suppress(OSError):
            directory.rmdir()
    return removed + _clean_derived()


def _clean_derived() -> int:
    """Remove the derived caches of the private cache directory: each is
    made again by the next run that needs it. The programs this run compiled
    are not written back (a ``cache clean`` leaves no regex file)."""
    from audit import regexcache

    regexcache.discard()
    base = private_cache_path()
    if base is None:
        return 0
    try:
        names = os.listdir(base)
    except OSError:
        return 0
    paths = [
        os.path.join(base, name)
        for name in names
        if re.fullmatch(r"yaml-\w+-[0-9a-f]{64}\.json|lark-[0-9a-f]{32}\.cache", name)
    ]
    removed = 0
    for path in [*paths, *regexcache.cache_files(base)]:
        try:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                os.unlink(path)
                removed += 1
        except OSError:
            pass
    return removed


# --------------------------------------------------------------------------
# The key


_LIBRARIES = (
    "lark",
    "lark_cython",
    "re2",
    "yaml",
    "python_calamine",
    "pdfplumber",
    "pdfminer",
    "docx",
)
"""The libraries whose version changes what a table reads as, or what
a configured pattern matches: an upgrade of one is a new tool."""


@cache
def tool_fingerprint() -> str:
    """The tool's version and, for each of its own files (modules, grammars,
    shipped rules), its name, size and modification time; the versions of
    Python and of the libraries in :data:`_LIBRARIES` (by their files,
    without importing them)."""
    from importlib.util import find_spec

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{FORMAT}".encode())
    roots = [_PACKAGE, resource_path("grammar"), resource_path("rules")]
    for root in roots:
        for path in sorted(_files(root)):
            try:
                info = os.stat(path)
            except OSError:
                continue
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode(errors=_NAMES))
    for name in _LIBRARIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        if origin:
            try:
                info = os.stat(origin)
            except OSError:
                continue
            digest.update(
                f"{name}\0{origin}\0{info.st_size}\0{info.st_mtime_ns}\n".encode(errors=_NAMES)
            )
    return digest.hexdigest()


def _files(root: str | Path) -> list[str]:
    found: list[str] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return found
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                found.extend(_files(entry.path))
        elif entry.name.endswith((".py", ".lark", ".yaml", ".yml", ".so", ".pyd")):
            found.append(entry.path)
    return found


class Unkeyable(Exception):
    """A configuration holds something whose content cannot be keyed."""


_SKIPPED_CONFIG = {
    "path",
    "sources",
    "read_files",
    "exclude",
    "extend_exclude",
    "ignores",
    "lang_set",
}
"""What does not change a file's findings: where the configuration came
from, which files are selected, ``ignore:`` entries (applied after the cache)
and settings worked out lazily from the rules."""


def config_key(config: Config) -> str:
    """A hash of the resolved configuration's content (see the module's
    documentation). Raises :class:`Unkeyable` when it holds a value whose
    content cannot be told (then nothing is cached)."""
    state = {
        name: _canonical(getattr(config, name, None), 0)
        for name in type(config).__slots__
        if name not in _SKIPPED_CONFIG and name != "defaults"
    }
    state["active"] = _canonical(config.active_rules(), 0)
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode(errors=_NAMES)).hexdigest()


def _canonical(value: Any, depth: int) -> Any:
    """Plain JSON data for ``value``'s content."""
    from decimal import Decimal  # not imported by runs that write a kept output

    if depth > 40:
        raise Unkeyable("nested too deeply")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return ["float", repr(value)]
    if isinstance(value, Decimal):
        return ["decimal", str(value)]
    if isinstance(value, Enum):
        return ["enum", type(value).__qualname__, value.name]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if type(value).__module__ == "re2" and isinstance(getattr(value, "pattern", None), str):
        # A configured pattern, compiled by audit.patterns with fixed options.
        return ["re2", value.pattern]
    if isinstance(value, (list, tuple)):
        return [_canonical(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [_canonical(v, depth + 1) for v in value]
        return ["set", sorted(items, key=lambda v: json.dumps(v, sort_keys=True))]
    if isinstance(value, dict):
        pairs = [[_canonical(k, depth + 1), _canonical(v, depth + 1)] for k, v in value.items()]
        return ["dict", sorted(pairs, key=lambda p: json.dumps(p, sort_keys=True))]
    if isinstance(value, type):
        return ["type", value.__module__, value.__qualname__]
    code = getattr(value, "__code__", None)
    if code is not None:  # a function: its name, and what its closure holds
        module = getattr(value, "__module__", "") or ""
        if not module.startswith("audit"):
            raise Unkeyable(f"a function of {module or 'unknown origin'}")
        cells = [c.cell_contents for c in (getattr(value, "__closure__", None) or ())]
        defaults = getattr(value, "__defaults__", None) or ()
        return [
            "function",
            module,
            value.__qualname__,
            _canonical(cells, depth + 1),
            _canonical(list(defaults), depth + 1),
        ]
    if isinstance(value, (bytes, bytearray)):
        return ["bytes", bytes(value).hex()]
    fields = _fields(value)
    if fields is None:
        raise Unkeyable(f"a {type(value).__qualname__}")
    cls = type(value)
    if not cls.__module__.startswith("audit"):
        raise Unkeyable(f"a {cls.__module__}.{cls.__qualname__}")
    return [
        "object",
        cls.__module__,
        cls.__qualname__,
        {k: _canonical(v, depth + 1) for k, v in sorted(fields.items())},
    ]


def _fields(value: Any) -> dict[str, Any] | None:
    if hasattr(value, "_asdict"):
        return dict(value._asdict())
    fields: dict[str, Any] = {}
    found = False
    for cls in type(value).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if hasattr(value, name) and name not in fields:
                fields[name] = getattr(value, name)
                found = True
    if hasattr(value, "__dict__"):
        fields.update(vars(value))
        found = True
    return fields if found else None


# --------------------------------------------------------------------------
# Entries


class ResultCache:
    """Lint results kept in ``directory`` for runs with key ``key``. Holds
    only plain data, so it travels to worker processes."""

    __slots__ = ("directory", "key", "silent")

    def __init__(self, directory: str, key: str, silent: bool = False) -> None:
        self.directory = directory
        self.key = key
        self.silent = silent
        """True when the run shows no reader notes (``--quiet``): the results
        of workbooks, web pages, Word files and PDFs are kept too."""

    @classmethod
    def open(cls, config: Config, silent: bool = False) -> ResultCache | None:
        """The cache for runs with ``config``, quiet (``silent``) or not, or
        None when there is none (turned off, no private directory, a
        configuration that cannot be keyed). Quiet and other runs keep apart:
        a file whose reader notes a quiet run did not show is never answered
        from a quiet run's entry in a run that shows notes."""
        if disabled_by_environment():
            return None
        directory = results_dir()
        if directory is None:
            return None
        try:
            configured = config_key(config)
        except Unkeyable:
            return None
        key = hashlib.sha256(
            f"{tool_fingerprint()}\0{configured}\0quiet={int(silent)}".encode()
        ).hexdigest()
        return cls(str(directory), key, silent)

    def _entry(self, path: str) -> str:
        name = hashlib.sha256(
            f"{self.key}\0{os.path.abspath(path)}".encode(errors=_NAMES)
        ).hexdigest()
        return os.path.join(self.directory, f"{name[:40]}.json")

    def probe(self, path: str) -> Probe | None:
        """The file's digest and status now, or None when it cannot be read
        (the linter then says why, as without a cache)."""
        if path == "-":
            return None
        read = _read_regular(path)
        if read is None:
            return None
        data, info = read
        digest = hashlib.sha256(data).hexdigest()
        return Probe(path, digest, (info.st_size, info.st_mtime_ns, info.st_ino))

    def get(self, probe: Probe) -> FileResult | None:
        """The kept result for the probed file, or None."""
        stored = read_private_json(self._entry(probe.path))
        return None if stored is None else _result(stored, self.key, probe)

    def put(self, probe: Probe, result: FileResult) -> None:
        """Keep ``result`` (its document already dropped) when the file did
        not change while it was linted; failures to write are ignored."""
        if result.error is not None or result.summary is None or result.document is not None:
            return
        try:
            info = os.stat(probe.path)
        except OSError:
            return
        if (info.st_size, info.st_mtime_ns, info.st_ino) != probe.status:
            return
        payload = {
            "format": FORMAT,
            "key": self.key,
            "path": probe.path,
            "source": probe.digest,
            "findings": [list(f) for f in result.findings],
            "summary": result.summary,
        }
        try:
            text = json.dumps(payload, ensure_ascii=False, allow_nan=False)
            if _result(json.loads(text), self.key, probe) is None:
                return  # would not come back exactly as it is
            from audit.output import write_atomically

            write_atomically(self._entry(probe.path), lambda file: file.write(text), private=True)
        except (OSError, TypeError, ValueError):
            pass


class Probe:
    """A file's path, the SHA-256 of its bytes and its status when read."""

    __slots__ = ("digest", "path", "status")

    def __init__(self, path: str, digest: str, status: tuple[int, int, int]) -> None:
        self.path = path
        self.digest = digest
        self.status = status


def _result(stored: Any, key: str, probe: Probe) -> FileResult | None:
    """The result an entry holds, when it is exactly what :meth:`put`
    writes, for this key, path and content."""
    if not isinstance(stored, dict) or set(stored) != {
        "format",
        "key",
        "path",
        "source",
        "findings",
        "summary",
    }:
        return None
    if (stored["format"], stored["key"], stored["path"], stored["source"]) != (
        FORMAT,
        key,
        probe.path,
        probe.digest,
    ):
        return None
    findings = stored["findings"]
    summary = stored["summary"]
    if not isinstance(findings, list) or not isinstance(summary, dict):
        return None
    if set(summary) != _SUMMARY_KEYS:
        return None
    built = []
    for item in findings:
        finding = _finding(item)
        if finding is None:
            return None
        built.append(finding)
    grades = summary["grades"]
    if not (isinstance(grades, list) and len(grades) == 2):
        return None
    if not (isinstance(grades[0], list) and isinstance(grades[1], dict)):
        return None
    names = summary["clause_names"]
    if not (isinstance(names, list) and len(names) == len(built)):
        return None
    if not all(n is None or isinstance(n, str) for n in names):
        return None
    for count in ("units", "projects", "clauses"):
        if not _is_int(summary[count]):
            return None
    if not all(isinstance(summary[k], str) for k in ("layout", "encoding")):
        return None
    from audit.results import FileResult

    result = FileResult(probe.path, findings=built)
    result.summary = {**summary, "grades": (grades[0], grades[1])}
    return result


_FINDING_TYPES: tuple[tuple[type, ...], ...] = (
    (str,),  # rule
    (str,),  # severity
    (str,),  # message
    (str,),  # file
    (int, type(None)),  # line
    (int, type(None)),  # column
    (int, type(None)),  # end_line
    (int, type(None)),  # end_column
    (str, type(None)),  # unit
    (str, type(None)),  # project
    (int, type(None)),  # clause
    (str, type(None)),  # field
    (str, type(None)),  # excerpt
    (str, type(None)),  # location
    (int, type(None)),  # cell_clause
)


def _finding(item: Any) -> Finding | None:
    from audit.model import Finding

    if not isinstance(item, list) or len(item) != len(Finding._fields):
        return None
    for value, types in zip(item, _FINDING_TYPES, strict=True):
        if isinstance(value, bool) or not isinstance(value, types):
            return None
    if item[1] not in _SEVERITIES:
        return None
    return Finding(*item)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# --------------------------------------------------------------------------
# Whole runs


RUN_ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG", "GITHUB_ACTIONS", "PYTHONIOENCODING")
"""Variables a run's output depends on (the language, the default format,
the output's encoding)."""

_CONFIG_CANDIDATES = (".indicator-audit.yaml", ".indicator-audit.yml", "pyproject.toml")


UNUSABLE = "!"
"""What :func:`_digest_file` gives for a path that exists but is no regular
file of at most the size limit (a FIFO, a device, a huge file), or cannot be
read: no stored digest equals it, and a run depending on one is not kept."""


def _digest_file(path: str) -> str | None:
    """The SHA-256 of a file's bytes; None when there is no such file;
    :data:`UNUSABLE` when it is not a regular file of at most the size limit
    or cannot be read. Opened without blocking and checked before reading, so
    a FIFO or a device where a configuration could stand neither hangs nor
    floods the run."""
    read = _read_regular(path)
    if read is None:
        return None if not os.path.lexists(path) else UNUSABLE
    return hashlib.sha256(read[0]).hexdigest()


def _read_regular(path: str) -> tuple[bytes, os.stat_result] | None:
    """The bytes and status of a regular file of at most the size limit, or
    None (no such file, another kind of file, too large, unreadable)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            data = file.read(MAX_BYTES + 1)
    except OSError:
        return None
    return (data, info) if len(data) <= MAX_BYTES else None


def digest_tables(paths: list[str]) -> dict[str, str | None]:
    """The SHA-256 of each table's bytes; None for one that is not a regular
    file of at most the size limit (such a run is not kept)."""
    digests: dict[str, str | None] = {}
    for path in paths:
        read = _read_regular(path)
        digests[path] = None if read is None else hashlib.sha256(read[0]).hexdigest()
    return digests


class RunCache:
    """The whole output of a lint run, kept: a later run with the same
    command line, in the same directory, writes it again without parsing its
    options, building the configuration, loading the rules or reading a
    table, when none of the files the run depended on changed.

    The key holds the tool's fingerprint, the command line as given, the
    working directory and the variables in :data:`RUN_ENVIRONMENT`. The
    entry lists the files the run depended on, each with the SHA-256 of its
    bytes (or as absent), all checked on every hit: each table; for each
    table's directory and its parents (above the path as given and above
    its real place), every file that could be its configuration (so a
    configuration added, removed or edited on the way up is a miss); every
    file the configuration was read from (files it ``extends``, a taxonomy,
    the shipped profiles and vocabularies). A run is kept only when it wrote
    nothing on stderr, its configurations can be keyed (no plugins), and
    none of those files is other than a regular file or was modified after
    the run began. Runs that exclude named files by ``.gitignore``
    (``--force-exclude``) are never kept (see ``commands._run_cache``)."""

    __slots__ = ("entry", "key", "started")

    def __init__(self, entry: str, key: str) -> None:
        self.entry = entry
        self.key = key
        self.started = time.time_ns()
        """When the run began: a file it depended on that was modified after
        this may have been read before the change, so the run is not kept."""

    def _changed_since_start(self, paths: Iterable[str]) -> bool:
        for path in paths:
            try:
                if os.stat(path).st_mtime_ns >= self.started:
                    return True
            except OSError:
                return True
        return False

    @classmethod
    def for_command(cls, argv: list[str]) -> RunCache | None:
        """The cache of runs of this command line, or None (turned off, no
        private directory)."""
        if disabled_by_environment():
            return None
        directory = results_path()
        if directory is None:
            return None
        try:
            cwd = os.getcwd()
        except OSError:  # the working directory was removed
            return None
        digest = hashlib.sha256(f"run\0{FORMAT}\0{tool_fingerprint()}\0".encode())
        digest.update(json.dumps(argv).encode())
        digest.update(f"\0{cwd}\0{sys.stdout.encoding}\0".encode(errors=_NAMES))
        for name in RUN_ENVIRONMENT:
            digest.update(f"{name}={os.environ.get(name)}\0".encode())
        key = digest.hexdigest()
        return cls(os.path.join(directory, f"run-{key[:40]}.json"), key)

    def get(self) -> tuple[int, str] | None:
        """(exit status, output) of the kept run, or None."""
        stored = read_private_json(self.entry)
        if not isinstance(stored, dict) or set(stored) != {
            "format",
            "key",
            "files",
            "status",
            "output",
        }:
            return None
        if (stored["format"], stored["key"]) != (FORMAT, self.key):
            return None
        files, status, output = stored["files"], stored["status"], stored["output"]
        if not (isinstance(files, list) and _is_int(status) and isinstance(output, str)):
            return None
        for item in files:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                return None
            if item[1] is not None and not isinstance(item[1], str):
                return None
            if _digest_file(item[0]) != item[1]:
                return None
        return status, output

    def put(
        self,
        status: int,
        output: str,
        tables: dict[str, str | None],
        discover: bool,
        configs: list[Config],
    ) -> None:
        """Keep a run's exit status and output with the files it depended
        on. ``tables``: the SHA-256 of each table taken before the run read
        it (see :func:`digest_tables`), so a table changed while it was
        linted is not kept as if its new bytes gave this output. A run whose
        configuration cannot be keyed, or a table that is not a regular file
        of at most the size limit, is not kept."""
        if any(digest is None for digest in tables.values()):
            return
        files: set[str] = {str(p) for p in _files(resource("rules"))}
        for config in configs:
            try:
                config_key(config)
            except Unkeyable:
                return
            files.update(os.path.abspath(p) for p in [*config.sources, *config.read_files])
        # Configurations are looked for above a table's real place (links
        # resolved) and above the path as given: both lines of folders count.
        folders = {
            os.path.dirname(place(table))
            for table in tables
            for place in (os.path.abspath, os.path.realpath)
        }
        files.difference_update(os.path.abspath(table) for table in tables)
        seen: set[str] = set()
        for folder in sorted(folders) if discover else ():
            while folder not in seen:
                seen.add(folder)
                files.update(os.path.join(folder, name) for name in _CONFIG_CANDIDATES)
                folder = os.path.dirname(folder)
        found = {path: _digest_file(path) for path in sorted(files)}
        if UNUSABLE in found.values():
            return  # a FIFO, device or unreadable file where a configuration could stand
        if self._changed_since_start(path for path, digest in found.items() if digest is not None):
            return  # a configuration edited while the run read it: its output may be the old one
        digests: list[list[str | None]] = [[path, digest] for path, digest in found.items()]
        digests += [[os.path.abspath(path), digest] for path, digest in tables.items()]
        payload = {
            "format": FORMAT,
            "key": self.key,
            "files": digests,
            "status": status,
            "output": output,
        }
        try:
            text = json.dumps(payload, ensure_ascii=False, allow_nan=False)
            from audit.output import write_atomically

            write_atomically(self.entry, lambda file: file.write(text), private=True)
        except (OSError, TypeError, ValueError):
            pass
