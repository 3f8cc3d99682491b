"""Building the Lark parsers, with their parse tables cached safely.

Lark can keep the LALR tables it computes from a grammar in a cache file, so
a run does not rebuild them (about 15 ms per grammar). That file is a pickle,
and unpickling runs code: the cache is therefore kept only in the user's own
directory (:func:`audit.resources.private_cache_dir`), never in the shared
temporary directory, and a cache file that is not the user's own is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from typing import TYPE_CHECKING, Any

from audit.resources import private, private_cache_dir

if TYPE_CHECKING:
    from lark import Lark
    from lark.lexer import TerminalDef

_terminals: dict[tuple[str, str], dict[str, TerminalDef]] = {}
"""The terminals of each grammar a parser was built from, by path and text."""


def terminals(grammar: str, source_path: str) -> dict[str, TerminalDef] | None:
    """The terminals, by name, of a parser already built from ``grammar`` (the
    same whatever its lexer or transformer, for the same ``start``), so code
    that only needs the grammar's patterns does not build a parser of its
    own; None when none was built."""
    return _terminals.get((source_path, grammar))


def build_lark(grammar: str, source_path: str, compiled: bool = False, **options: Any) -> Lark:
    """A Lark parser for ``grammar``; its tables come from, and go to, a cache
    file in the private cache directory when there is one. ``compiled``: run
    the LALR lexer and parser of ``lark-cython`` where it is installed (the
    same grammar and results, about twice as fast; its tokens are not ``str``,
    their text is ``token.value``)."""
    import lark

    if compiled:
        try:
            import lark_cython
        except ImportError:
            pass
        else:
            options["_plugins"] = lark_cython.plugins

    cache: str | bool = False
    directory = private_cache_dir()
    if directory is not None:
        settings = repr(sorted((k, v) for k, v in options.items() if k != "transformer"))
        # Lark keys its own check on the source path too: two installations
        # with the same grammar at different paths must not share one file,
        # or each would find the other's tables stale and rebuild them.
        text = f"{lark.__version__}\0{settings}\0{source_path}\0{grammar}"
        key = hashlib.sha256(text.encode()).hexdigest()
        path = directory / f"lark-{key[:32]}.cache"
        try:
            info = path.lstat()  # Lark opens its file itself: a regular one only
            cache = str(path) if private(info) and stat.S_ISREG(info.st_mode) else False
        except FileNotFoundError:
            cache = str(path)
        except OSError:
            cache = False
    parser = lark.Lark(grammar, cache=cache, source_path=source_path, **options)
    if isinstance(cache, str):
        # Lark writes its file as the umask allows (0664 under umask 002); the
        # owner only may write it, or the next run would refuse it as unsafe.
        with contextlib.suppress(OSError):
            os.chmod(cache, 0o600)
    _terminals.setdefault(
        (source_path, grammar), {terminal.name: terminal for terminal in parser.terminals}
    )
    return parser
