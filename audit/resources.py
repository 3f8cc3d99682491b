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
