"""Which files a run reads: the paths given, directories walked for tables.

Like ruff: a directory is walked for files with a table extension
(:data:`TABLE_SUFFIXES`), leaving out version-control and tool directories,
virtual environments (by name, and any directory holding a ``pyvenv.cfg``),
``node_modules``, hidden directories, what ``.gitignore`` files ignore, and
the ``exclude`` / ``extend-exclude`` patterns of the configuration and
``--exclude`` (gitignore syntax, via ``pathspec``). A file named on the
command line is read even when a pattern excludes it, unless
``--force-exclude`` is given (for pre-commit, which names files itself).
A file given twice, or reached twice, is read once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

TABLE_SUFFIXES: tuple[str, ...] = (
    ".txt",
    ".tsv",
    ".csv",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".ods",
    ".pdf",
    ".html",
    ".htm",
    ".mht",
    ".mhtml",
    ".docx",
    # WPS Office's own: a spreadsheet (.et) is read as the .xls or .xlsx its
    # content is, a Writer document (.wps) as a .docx, or passed over as a .doc.
    ".et",
    ".wps",
    # Not read, but walked so that each is passed over with a note saying
    # what to save it as, never missed without a word.
    ".xlsb",
    ".doc",
)
"""Extensions a directory walk takes for tables (a reader for a new carrier
adds its extension here). Whether a file is a table is decided by its
content: one that is not is noted and passed over."""

DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "__pycache__",
    "__pypackages__",
    "site-packages",
    "node_modules",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "_build",
    "buck-out",
)
"""Directories never walked (hidden directories are left out as well);
``exclude:`` in the configuration replaces this list."""

STDIN = "-"


class Input(NamedTuple):
    """A file to read: ``walked`` when found in a directory (a file that
    turns out not to be a table is then passed over with a note). A
    directory the walk could not list is an input too: reading it fails
    with the reason (``permission denied``), as a locked file does."""

    path: str
    walked: bool


def is_virtualenv(directory: Path) -> bool:
    """A Python virtual environment, whatever its name (False for a
    directory that cannot be looked into: the walk notes it)."""
    try:
        return (directory / "pyvenv.cfg").is_file()
    except OSError:
        return False


class _Patterns:
    """Gitignore-style patterns anchored in one directory."""

    __slots__ = ("base", "spec")

    def __init__(self, base: str, lines: Iterable[str]) -> None:
        from pathspec import GitIgnoreSpec

        self.base = base
        self.spec = GitIgnoreSpec.from_lines(list(lines))

    def check(self, path: str, is_dir: bool) -> bool | None:
        """True: excluded, False: re-included (``!pattern``), None: no match."""
        relative = os.path.relpath(path, self.base)
        if relative.startswith(os.pardir) or relative == os.curdir:
            return None
        relative = relative.replace(os.sep, "/") + ("/" if is_dir else "")
        return self.spec.check_file(relative).include


def _anchored(patterns: Iterable[tuple[str, str]]) -> list[_Patterns]:
    by_base: dict[str, list[str]] = {}
    for base, pattern in patterns:
        by_base.setdefault(base, []).append(pattern)
    return [_Patterns(base, lines) for base, lines in by_base.items()]


class FileSelector:
    """Expands command-line paths into the files to read.

    ``settings(directory)`` gives the configuration in effect there (its
    ``exclude`` and ``extend_exclude``); ``exclude`` are ``--exclude``
    patterns, relative to the working directory.
    """

    def __init__(
        self,
        settings: Callable[[str], Any] | None = None,
        exclude: Iterable[str] = (),
        *,
        force_exclude: bool = False,
        respect_gitignore: bool = True,
    ) -> None:
        self.settings = settings
        cwd = os.getcwd()
        self.cli = _anchored((cwd, p) for p in exclude)
        self.force_exclude = force_exclude
        self.respect_gitignore = respect_gitignore
        self._gitignores: dict[str, _Patterns | None] = {}
        self._git_cache: dict[str, list[_Patterns]] = {}
        self._config_patterns: dict[int, tuple[set[str], list[_Patterns]]] = {}
        self.excluded: list[str] = []
        """Paths named on the command line and left out by ``--force-exclude``."""

    # -- the walk

    def expand(self, paths: Iterable[str]) -> list[Input]:
        seen: set[str] = set()
        inputs: list[Input] = []
        for path in paths:
            if path != STDIN and os.path.isdir(path):
                candidates: Iterable[Input] = (Input(p, True) for p in self._walk(path))
            else:
                if path != STDIN and self.force_exclude and self.excluded_named(path):
                    self.excluded.append(path)
                    continue
                candidates = (Input(path, False),)
            for candidate in candidates:
                key = (
                    candidate.path if candidate.path == STDIN else os.path.realpath(candidate.path)
                )
                if key in seen:
                    continue
                seen.add(key)
                inputs.append(candidate)
        return inputs

    def _walk(self, root: str) -> Iterator[str]:
        found: list[str] = []

        def unreadable(problem: OSError) -> None:
            # A directory that cannot be listed (no read or search permission)
            # is an input that cannot be read: reported as such, not skipped.
            if problem.filename:
                found.append(os.path.normpath(os.fsdecode(problem.filename)))

        for directory, dirs, files in os.walk(root, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not self._skip_dir(os.path.join(directory, d)))
            for name in files:
                path = os.path.normpath(os.path.join(directory, name))
                if Path(name).suffix.lower() not in TABLE_SUFFIXES:
                    continue
                if self._excluded(path, is_dir=False):
                    continue
                found.append(path)
        yield from sorted(found)

    def _skip_dir(self, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith("."):
            return True
        if is_virtualenv(Path(path)):
            return True
        return self._excluded(path, is_dir=True)

    # -- the patterns

    def excluded_named(self, path: str) -> bool:
        """A file named on the command line, with --force-exclude: excluded
        by a pattern, or inside an excluded directory below the working
        directory (the directories above it are not the project's)."""
        absolute = os.path.abspath(path)
        if self._excluded(absolute, is_dir=False):
            return True
        cwd = os.getcwd()
        parent = os.path.dirname(absolute)
        while parent != cwd and parent.startswith(cwd + os.sep):
            if self._excluded(parent, is_dir=True) or is_virtualenv(Path(parent)):
                return True
            parent = os.path.dirname(parent)
        return False

    def _excluded(self, path: str, is_dir: bool) -> bool:
        absolute = os.path.abspath(path)
        names, patterns = self._config(os.path.dirname(absolute))
        if is_dir and os.path.basename(absolute) in names:
            return True
        for group in (self.cli, patterns):
            for spec in group:
                if spec.check(absolute, is_dir):
                    return True
        return self.respect_gitignore and self._ignored_by_git(absolute, is_dir)

    def _config(self, directory: str) -> tuple[set[str], list[_Patterns]]:
        """Default-excluded names and the configuration's patterns there."""
        config = self.settings(directory) if self.settings is not None else None
        key = id(config)
        cached = self._config_patterns.get(key)
        if cached is None:
            if config is None:
                cached = (set(DEFAULT_EXCLUDE), [])
            else:
                names = set(DEFAULT_EXCLUDE) if config.exclude is None else set()
                patterns = [*(config.exclude or ()), *config.extend_exclude]
                cached = (names, _anchored(patterns))
            self._config_patterns[key] = cached
        return cached

    def _ignored_by_git(self, path: str, is_dir: bool) -> bool:
        """Ignored by a ``.gitignore`` between the repository root and ``path``
        (or ``.git/info/exclude``): the deepest file that decides wins."""
        for spec in self._git_specs(os.path.dirname(path)):
            decision = spec.check(path, is_dir)
            if decision is not None:
                return decision
        return False

    def _git_specs(self, directory: str) -> list[_Patterns]:
        """The ignore files that apply in ``directory``, deepest first; none
        outside a git repository (as git itself, and ruff, do)."""
        cached = self._git_cache.get(directory)
        if cached is not None:
            return cached
        specs: list[_Patterns] = []
        current = directory
        while True:
            spec = self._gitignore(current)
            if spec is not None:
                specs.append(spec)
            if os.path.exists(os.path.join(current, ".git")):
                info = os.path.join(current, ".git", "info", "exclude")
                exclude = self._read_patterns(current, info)
                if exclude is not None:
                    specs.append(exclude)
                break
            parent = os.path.dirname(current)
            if parent == current:
                specs = []  # not in a repository
                break
            current = parent
        self._git_cache[directory] = specs
        return specs

    def _gitignore(self, directory: str) -> _Patterns | None:
        if directory not in self._gitignores:
            self._gitignores[directory] = self._read_patterns(
                directory, os.path.join(directory, ".gitignore")
            )
        return self._gitignores[directory]

    @staticmethod
    def _read_patterns(base: str, file: str) -> _Patterns | None:
        """The patterns of an ignore file; None when there is none, or it is
        not a regular file (a named pipe there would block the walk until
        someone wrote to it) or cannot be read."""
        from audit.limits import MAX_BYTES
        from audit.readers.decode import ReadError, read_file

        try:
            lines = read_file(file, MAX_BYTES).decode("utf-8", "replace").splitlines()
        except (OSError, ReadError):
            return None
        return _Patterns(base, lines)
