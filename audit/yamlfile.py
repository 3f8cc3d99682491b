"""Reading YAML files with the line of every key, cached as JSON.

Profiles, the taxonomy and the unit vocabulary are YAML. Importing PyYAML and
parsing them costs more start-up than anything but Lark, and they rarely
change, so a parsed file is kept as JSON in the user's private cache
directory (:func:`audit.resources.private_cache_dir`, beside Lark's parse
tables), keyed by the SHA-1 of its bytes: a run whose files are unchanged
does not import yaml at all. ``INDICATOR_AUDIT_CACHE=off`` turns it off. A
cache that cannot be written is silently not used.

Configurations come from users, so reading one is bounded: at most
:data:`~audit.limits.MAX_CONFIG_BYTES`, nesting at most
:data:`~audit.limits.MAX_DEPTH` deep, at most
:data:`~audit.limits.YAML_MAX_ALIASES` aliases and
:data:`~audit.limits.YAML_MAX_NODES` nodes once they are followed (a "billion
laughs" file is refused, not expanded), no recursive aliases, keys that are
plain values, integers of at most :data:`~audit.limits.MAX_INT_DIGITS` digits.
Only YAML's own types are built (PyYAML's safe loader: no objects, no code).
A cache entry is used only when it has exactly the shape this module writes
and keeps within the same limits, and only from a file of the current user.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from audit.limits import (
    MAX_CONFIG_BYTES,
    MAX_DEPTH,
    MAX_INT_DIGITS,
    YAML_MAX_ALIASES,
    YAML_MAX_NODES,
)
from audit.resources import private_cache_dir, read_private_json

_FORMAT = "2"
Lines = dict[tuple[Any, ...], int]


class YamlError(Exception):
    """Invalid YAML; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class Unreadable(YamlError):
    """A file that is not read at all: not a regular file, or too large."""


def cache_dir() -> Path | None:
    """Where parsed YAML is kept: the user's private cache directory (see
    :func:`audit.resources.private_cache_dir`), so no one else can change
    the configuration a run reads."""
    return private_cache_dir()


def load(path: Path) -> tuple[Any, Lines]:
    """The data of a YAML file and the line of each key path (``()`` is the
    document, ``("rules", "placeholder")`` a key). Raises ``OSError``,
    ``UnicodeDecodeError`` or :class:`YamlError`."""
    raw = read_config(path)
    text = raw.decode("utf-8-sig")
    directory = cache_dir()
    cached = None
    if directory is not None:
        key = hashlib.sha256(raw).hexdigest()
        cached = directory / f"yaml-{_FORMAT}-{key}.json"
        entry = _cached(cached)
        if entry is not None:
            return entry
    data, lines = _parse(text)
    if cached is not None:
        _store(cached, data, lines)
    return data, lines


def read_config(path: Path) -> bytes:
    """The bytes of a regular file, at most :data:`MAX_CONFIG_BYTES` (a
    named pipe or a device is refused by its type, without waiting). Raises
    ``OSError`` or :class:`YamlError`."""
    from audit.readers.decode import ReadError, read_file

    try:
        return read_file(str(path), MAX_CONFIG_BYTES)
    except ReadError as error:
        raise Unreadable(str(error), None) from None


def _cached(cached: Path) -> tuple[Any, Lines] | None:
    """A cache entry, if it is a regular file of the current user's that no
    one else can write, not reached through a link, and well formed."""
    stored = read_private_json(cached, 4 * MAX_CONFIG_BYTES)
    return None if stored is None else _valid_entry(stored)


def _valid_entry(stored: Any) -> tuple[Any, Lines] | None:
    """``(data, lines)`` of a stored entry, or None unless it is exactly
    ``{"data": …, "lines": [[[key, …], line], …]}`` within the limits."""
    if not isinstance(stored, dict) or set(stored) != {"data", "lines"}:
        return None
    lines_list = stored["lines"]
    if not isinstance(lines_list, list) or not _plain(stored["data"], 0):
        return None
    lines: Lines = {}
    for item in lines_list:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], list)):
            return None
        path, line = item
        if not (isinstance(line, int) and not isinstance(line, bool) and line >= 1):
            return None
        if not all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in path):
            return None
        lines[tuple(path)] = line
    if () not in lines and stored["data"] is not None:
        return None
    return stored["data"], lines


def _plain(value: Any, depth: int) -> bool:
    """JSON data within the depth and number limits (no NaN, no infinity)."""
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v, depth + 1) for v in value)
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    return value is None or isinstance(value, (str, int, bool))


def _store(cached: Path, data: Any, lines: Lines) -> None:
    """Keep a parse, only when JSON gives back exactly the same data."""
    try:
        payload = json.dumps(
            {"data": data, "lines": [[list(p), line] for p, line in lines.items()]},
            ensure_ascii=False,
            allow_nan=False,
        )
        if json.loads(payload)["data"] != data:
            return
        from audit.output import write_atomically

        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(str(cached), lambda file: file.write(payload), private=True)
    except (OSError, TypeError, ValueError):
        pass


def _parse(text: str) -> tuple[Any, Lines]:
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    _check_events(loader_class, text)
    lines: Lines = {}
    with _loading(loader_class, text) as loader:
        node = loader.get_single_node()
        if node is not None:
            _expanded_size(node, {}, set())
        data = _Converter(loader, lines).convert(node, ()) if node is not None else None
    return data, lines


@contextlib.contextmanager
def _loading(loader_class: Any, text: str) -> Iterator[Any]:
    """A loader for ``text``, disposed of after use; PyYAML's errors and too
    deep a recursion come out as :class:`YamlError` with the line."""
    import yaml

    loader = loader_class(text)
    try:
        yield loader
    except yaml.YAMLError as error:
        raise _yaml_error(error) from None
    except RecursionError:
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep", None) from None
    finally:
        loader.dispose()


def _yaml_error(error: Any) -> YamlError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return YamlError(getattr(error, "problem", None) or str(error), _line(mark))


def _line(mark: Any) -> int | None:
    """The 1-based line of a YAML event's mark, when it has one."""
    return None if mark is None else int(mark.line) + 1


def _check_events(loader_class: Any, text: str) -> None:
    """Refuse deep nesting and many aliases from the event stream, before a
    node graph is built."""
    import yaml

    depth = aliases = 0
    with _loading(loader_class, text) as loader:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(
                        f"nested more than {MAX_DEPTH} levels deep", _line(event.start_mark)
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > YAML_MAX_ALIASES:
                    raise YamlError(
                        f"more than {YAML_MAX_ALIASES} aliases (*name): refused, "
                        "as a file that only repeats its anchors would expand without bound",
                        _line(event.start_mark),
                    )


def _expanded_size(node: Any, sizes: dict[int, int], open_nodes: set[int]) -> int:
    """How many values ``node`` makes once its aliases are followed, counted
    on the node graph (each node once) before anything is expanded; refuses
    a recursive alias and a total over :data:`YAML_MAX_NODES`."""
    import yaml

    known = sizes.get(id(node))
    if known is not None:
        return known
    if isinstance(node, yaml.ScalarNode):
        return 1
    if id(node) in open_nodes:
        raise YamlError(
            "an alias refers to the anchor it is inside of (a recursive structure)",
            node.start_mark.line + 1,
        )
    open_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    else:
        children = list(node.value)
    size = 1 + sum(_expanded_size(child, sizes, open_nodes) for child in children)
    open_nodes.discard(id(node))
    if size > YAML_MAX_NODES:
        raise YamlError(
            f"more than {YAML_MAX_NODES:,} values once aliases are followed",
            node.start_mark.line + 1,
        )
    sizes[id(node)] = size
    return size


_INT_TAG = "tag:yaml.org,2002:int"
_SCALAR_KEY_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
    }
)


class _Converter:
    """Builds plain data from the node graph, following aliases with a count
    of the nodes built and a guard against an alias inside its own anchor."""

    def __init__(self, loader: Any, lines: Lines) -> None:
        self.loader = loader
        self.lines = lines
        self.nodes = 0
        self.open: set[int] = set()

    def convert(self, node: Any, path: tuple[Any, ...]) -> Any:
        import yaml

        self.nodes += 1
        if self.nodes > YAML_MAX_NODES:
            raise YamlError(
                f"more than {YAML_MAX_NODES:,} values once aliases are followed",
                node.start_mark.line + 1,
            )
        if len(path) > MAX_DEPTH:
            raise YamlError(f"nested more than {MAX_DEPTH} levels deep", node.start_mark.line + 1)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.open:
            raise YamlError(
                "an alias refers to the anchor it is inside of (a recursive structure)",
                node.start_mark.line + 1,
            )
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def mapping(self, node: Any, path: tuple[Any, ...]) -> dict[Any, Any]:
        import yaml

        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not supported: write the keys out", line)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_KEY_TAGS:
                raise YamlError("a key must be a plain value (text or a number)", line)
            key = self.scalar(key_node)
            if isinstance(key, (int, float)) and not isinstance(key, bool):
                key = str(key)
            child = (*path, key)
            if key in result:
                raise YamlError(
                    f"{key!r} is given twice (lines {self.lines[child]} and {line}): keep one",
                    line,
                )
            result[key] = self.convert(value_node, child)
            self.lines[child] = line
        return result

    def scalar(self, node: Any) -> Any:
        if node.tag == _INT_TAG:
            digits = sum(c.isdigit() for c in node.value)
            if digits > MAX_INT_DIGITS:
                raise YamlError(
                    f"an integer of {digits:,} digits (at most {MAX_INT_DIGITS} are accepted)",
                    node.start_mark.line + 1,
                )
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError as error:
            raise YamlError(f"unreadable value: {error}", node.start_mark.line + 1) from None
