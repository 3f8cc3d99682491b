"""Where the shipped grammars and rule profiles live.

In a wheel they are packaged as ``audit/data/{grammar,rules}``; in a source
checkout (editable install, tests) they sit beside the package.
"""

from __future__ import annotations

import os
from functools import cache

# pathlib is imported only when a Path is asked for: a lint run whose output
# is kept (audit.cache.RunCache) works with the string paths alone.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.realpath(__file__))


@cache
def _root() -> str:
    data = os.path.join(_PACKAGE, "data")
    return data if os.path.isdir(os.path.join(data, "grammar")) else os.path.dirname(_PACKAGE)


def resource_path(*parts: str) -> str:
    """:func:`resource` as a string."""
    return os.path.join(_root(), *parts)


def resource(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource("grammar", "indicator.lark")``."""
    from pathlib import Path

    return Path(resource_path(*parts))


def private_cache_dir() -> Path | None:
    """:func:`private_cache_path` as a :class:`~pathlib.Path`."""
    from pathlib import Path

    path = private_cache_path()
    return None if path is None else Path(path)


def private_cache_path() -> str | None:
    """The user's own cache directory for derived data (Lark's parse tables),
    or None when there is none that only this user can write.

    ``$INDICATOR_AUDIT_CACHE``, else ``$XDG_CACHE_HOME/indicator-audit``,
    else ``~/.cache/indicator-audit``; ``INDICATOR_AUDIT_CACHE=off`` turns it
    off. The directory is created with mode 0700. It is refused when it is a
    symbolic link, is owned by another user, or can be written by the group or
    others: Lark's cache is a pickle, and loading a pickle that someone else
    could have written would run their code.
    """
    import stat

    directory = cache_path_configured()
    if directory is None:
        return None
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        info = os.lstat(directory)
    except OSError:
        return None
    if not private(info):
        return None
    return directory if stat.S_ISDIR(info.st_mode) else None


def cache_path_configured() -> str | None:
    """Where the private cache directory is to be (see
    :func:`private_cache_path`), whether or not it can be used; None when
    ``INDICATOR_AUDIT_CACHE=off``."""
    configured = os.environ.get("INDICATOR_AUDIT_CACHE")
    if configured == "off":
        return None
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "indicator-audit")


def private(info: object) -> bool:
    """Whether a file's ``lstat`` result is a regular file or directory owned
    by this user that neither the group nor others can write."""
    import stat

    mode = getattr(info, "st_mode", 0)
    if stat.S_ISLNK(mode) or not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        return False
    if getattr(info, "st_uid", -1) != os.geteuid():
        return False
    return not mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(path: str | os.PathLike[str], limit: int | None = None) -> bytes | None:
    """The bytes of a cache entry, or None unless the entry is a regular
    file of this user's that no one else can write, not reached through a
    link, and at most ``limit`` bytes.

    The entry's type is checked before it is opened, and the open neither
    follows a link nor waits: a named pipe (FIFO) put where an entry goes
    would block a reader until someone writes to it, and a run never hangs
    on its cache. The open descriptor is checked again, so a pipe swapped in
    between is passed over too."""
    import stat

    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as file:
            status = os.fstat(file.fileno())
            if not (stat.S_ISREG(status.st_mode) and private(status)):
                return None
            if limit is not None and status.st_size > limit:
                return None
            data = file.read() if limit is None else file.read(limit + 1)
    except OSError:
        return None
    return None if limit is not None and len(data) > limit else data


def read_private_json(path: str | os.PathLike[str], limit: int | None = None) -> object:
    """The JSON data of a cache entry (see :func:`read_private`), or None
    unless it is valid JSON. What the data holds is the caller's to check."""
    import json

    data = read_private(path, limit)
    if data is None:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
