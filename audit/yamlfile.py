"""Reading YAML files with the line of every key, cached as JSON.

Profiles, the taxonomy and the unit vocabulary are YAML. Importing PyYAML and
parsing them costs more start-up than anything but Lark, and they rarely
change, so a parsed file is kept as JSON in the user's cache directory, keyed
by the SHA-1 of its bytes (the way Lark keeps its parse tables): a run whose
files are unchanged does not import yaml at all. The cache is
``$INDICATOR_AUDIT_CACHE``, else ``$XDG_CACHE_HOME/indicator-audit``, else
``~/.cache/indicator-audit``; ``INDICATOR_AUDIT_CACHE=off`` turns it off. A
cache that cannot be written is silently not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

_FORMAT = "1"
Lines = dict[tuple[Any, ...], int]


class YamlError(Exception):
    """Invalid YAML; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def cache_dir() -> Path | None:
    configured = os.environ.get("INDICATOR_AUDIT_CACHE")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "indicator-audit"


def load(path: Path) -> tuple[Any, Lines]:
    """The data of a YAML file and the line of each key path (``()`` is the
    document, ``("rules", "placeholder")`` a key). Raises ``OSError``,
    ``UnicodeDecodeError`` or :class:`YamlError`."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    directory = cache_dir()
    cached = None
    if directory is not None:
        key = hashlib.sha1(raw, usedforsecurity=False).hexdigest()
        cached = directory / f"yaml-{_FORMAT}-{key}.json"
        try:
            stored = json.loads(cached.read_text(encoding="utf-8"))
            lines = {tuple(p): line for p, line in stored["lines"]}
            return stored["data"], lines
        except (OSError, ValueError, KeyError, TypeError):
            pass
    data, lines = _parse(text)
    if cached is not None:
        _store(cached, data, lines)
    return data, lines


def _store(cached: Path, data: Any, lines: Lines) -> None:
    """Keep a parse, only when JSON gives back exactly the same data."""
    try:
        payload = json.dumps(
            {"data": data, "lines": [[list(p), line] for p, line in lines.items()]},
            ensure_ascii=False,
        )
        if json.loads(payload)["data"] != data:
            return
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(payload, encoding="utf-8")
        os.replace(partial, cached)
    except (OSError, TypeError, ValueError):
        pass


def _parse(text: str) -> tuple[Any, Lines]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    lines: Lines = {}
    try:
        node = loader.get_single_node()
        data = _convert(loader, node, (), lines) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise YamlError(getattr(error, "problem", None) or str(error), line) from None
    finally:
        loader.dispose()
    return data, lines


def _convert(loader: Any, node: Any, path: tuple[Any, ...], lines: Lines) -> Any:
    import yaml

    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (int, float)) and not isinstance(key, bool):
                key = str(key)
            child = (*path, key)
            result[key] = _convert(loader, value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
