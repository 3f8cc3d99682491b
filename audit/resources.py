"""Where the shipped grammars and rule profiles live.

In a wheel they are packaged as ``audit/data/{grammar,rules}``; in a source
checkout (editable install, tests) they sit beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root() -> Path:
    data = _PACKAGE / "data"
    return data if (data / "grammar").is_dir() else _PACKAGE.parent


def resource(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource("grammar", "indicator.lark")``."""
    return _root().joinpath(*parts)


def private_cache_dir() -> Path | None:
    """The user's own cache directory for derived data (Lark's parse tables),
    or None when there is none that only this user can write.

    ``$INDICATOR_AUDIT_CACHE``, else ``$XDG_CACHE_HOME/indicator-audit``,
    else ``~/.cache/indicator-audit``; ``INDICATOR_AUDIT_CACHE=off`` turns it
    off. The directory is created with mode 0700. It is refused when it is a
    symbolic link, is owned by another user, or can be written by the group or
    others: Lark's cache is a pickle, and loading a pickle that someone else
    could have written would run their code.
    """
    import os
    import stat

    configured = os.environ.get("INDICATOR_AUDIT_CACHE")
    if configured == "off":
        return None
    if configured:
        directory = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        directory = Path(base) / "indicator-audit"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.lstat()
    except OSError:
        return None
    if not private(info):
        return None
    return directory if stat.S_ISDIR(info.st_mode) else None


def private(info: object) -> bool:
    """Whether a file's ``lstat`` result is a regular file or directory owned
    by this user that neither the group nor others can write."""
    import os
    import stat

    mode = getattr(info, "st_mode", 0)
    if stat.S_ISLNK(mode) or not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        return False
    if getattr(info, "st_uid", -1) != os.geteuid():
        return False
    return not mode & (stat.S_IWGRP | stat.S_IWOTH)
