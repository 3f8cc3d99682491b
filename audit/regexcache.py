"""Compiled regular expressions kept between runs of the command line.

Python compiles a regular expression in two steps: its parser and compiler,
written in Python, turn the pattern into a program for the regex engine (a
list of integers), and the engine, in C, builds the pattern object from that
program in microseconds. A lint run compiles about 130 expressions (the
lexers of both grammars, the readers' and the rules' patterns), and the first
step takes about 50 ms of every run's start-up, as much as reading and
parsing the 258-project table.

:func:`install` keeps each program the first step makes in a file of the
user's private cache directory (:func:`audit.resources.private_cache_path`,
the directory Lark's parse tables are kept in), and the next run hands it to
the engine directly. What a run compiles is the same pattern object either
way: the engine checks every program it is given, a program it refuses is
compiled again from its pattern, and the file is one per Python version and
regex engine, so a program is never given to an engine it was not made for.

Only the command line installs the cache (:func:`audit.cli.run`, a whole
process the tool owns); code that imports :mod:`audit` as a library compiles
its expressions as Python always does. ``INDICATOR_AUDIT_CACHE=off`` turns
it off with the other caches.
"""

from __future__ import annotations

import importlib
import marshal
import os
import sys

# typing is imported only to check types: a run whose results are kept
# (audit.cache.RunCache) imports this module and nothing that needs typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_LIMIT = 8 * 1024 * 1024
"""The largest cache file read, and kept: about 13 times a lint run's."""
_MAX_PATTERNS = 4096
"""Past this many programs the file starts again from one run's."""
_KEEP_WRITES = 16
"""A program no run has used in this many writes of the file is dropped:
the programs of an earlier release, or of a configuration no longer used,
leave the file instead of making every run read them."""
_MAGIC = b"indicator-audit regex programs 4\n"
"""The start of the file: its format (a file of another is compiled again).
After it: the index's length (8 bytes) and CRC-32 (4 bytes), the index (which
pattern's program is where), then the programs one after another."""
_HEAD = len(_MAGIC) + 12

_Program = tuple[int, list[int], int, dict[str, int], tuple["str | None", ...]]
"""What the engine builds a pattern from: flags, code, groups, group names
by name and by index."""

_Kept = tuple[int, "bytes | memoryview", int]
"""A program as the file keeps it: the write that last saw it used, the
program, marshalled (unmarshalled only when the run compiles its pattern: a
view into the file as read, not a copy), and its CRC-32 (checked then)."""


class ProgramCache:
    """Programs by pattern and flags: those read from the file (on the first
    compile, so a run that compiles nothing reads nothing), and those
    compiled in this run (to be written by :meth:`save`).

    The file counts its writes (its *generation*) and each program carries
    the generation of the last write whose run used it; a write leaves out
    the programs unused for :data:`_KEEP_WRITES` writes. A program is
    unmarshalled only when its pattern is compiled, so reading the file costs
    about the same whatever else it keeps."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._programs: dict[tuple[str, int], _Kept] | None = None
        self._generation = 0
        self.used: set[tuple[str, int]] = set()
        self.hits = 0
        self.misses = 0

    def _load(self) -> dict[tuple[str, int], _Kept]:
        if self._programs is None:
            self._generation, self._programs = (0, {}) if self.path is None else _read(self.path)
        return self._programs

    @property
    def programs(self) -> dict[tuple[str, int], _Kept]:
        """The programs known, each with the generation that last used it:
        read from the file on first use."""
        return self._load()

    @property
    def generation(self) -> int:
        """How many times the file has been written (0 for none)."""
        self._load()
        return self._generation

    def compile(self, original: Any, pattern: Any, flags: int) -> Any:
        """The pattern object of ``pattern``: from its kept program, else
        compiled (by ``original``, the standard library's compiler, whenever
        this cache cannot help)."""
        if type(pattern) is not str or flags & _DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        kept = self.programs.get(key)
        if kept is not None:
            compiled = _from_program(pattern, kept[1], kept[2])
            if compiled is None:  # a program the engine refuses: compile it again
                del self.programs[key]
            else:
                self.hits += 1
                self.used.add(key)
                return compiled
        program = _program(pattern, int(flags))
        if program is None:
            return original(pattern, flags)
        compiled = _sre.compile(pattern, *program)
        data = marshal.dumps(program)
        self.programs[key] = (self.generation, data, _crc32(data))
        self.used.add(key)
        self.misses += 1
        return compiled

    def save(self) -> None:
        """Write the programs to the file when this run compiled new ones
        (atomically, readable and writable by the user only), less those no
        run has used for :data:`_KEEP_WRITES` writes; a cache that cannot be
        written is no error."""
        if self.path is None or not self.misses:
            return
        generation = self.generation + 1
        oldest = generation - _KEEP_WRITES
        programs = self.programs
        kept = {
            key: (generation, program, crc) if key in self.used else (used, program, crc)
            for key, (used, program, crc) in programs.items()
            if key in self.used or used > oldest
        }
        if len(kept) > _MAX_PATTERNS:  # start again from this run's
            kept = {key: (generation, *programs[key][1:]) for key in self.used}
        data = _written(generation, kept)
        if len(data) > _LIMIT + _HEAD:
            return
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, self.path)
        except OSError:
            import contextlib

            with contextlib.suppress(OSError):
                os.unlink(temporary)


try:  # the standard library's regex compiler, which this cache stands in front of
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _DEBUG = int(_compiler.SRE_FLAG_DEBUG)
    _SUPPORTED = callable(getattr(_compiler, "_code", None)) and callable(
        getattr(_parser, "parse", None)
    )
except ImportError:  # pragma: no cover - another Python's re module
    _SUPPORTED = False
    _DEBUG = 128

_installed: ProgramCache | None = None


def _program(pattern: str, flags: int) -> _Program | None:
    """The engine's program for ``pattern``, made as :func:`re.compile`
    makes it; None when this Python's compiler is not the one known here."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        state = parsed.state
        names = {str(name): int(index) for name, index in state.groupdict.items()}
        by_index: list[str | None] = [None] * state.groups
        for name, index in names.items():
            by_index[index] = name
        return int(flags | state.flags), code, state.groups - 1, names, tuple(by_index)
    except Exception:  # an error in the pattern is for re.compile to raise
        return None


def _read(path: str) -> tuple[int, dict[tuple[str, int], _Kept]]:
    """The generation of the cache file and its programs, or none when it is
    not a regular file of the user's own that no one else can write, is too
    large, does not match its digest, or is not what
    :meth:`ProgramCache.save` writes."""
    from audit.resources import read_private

    nothing: tuple[int, dict[tuple[str, int], _Kept]] = (0, {})
    data = read_private(path, _LIMIT + _HEAD)
    if data is None or len(data) < _HEAD or not data.startswith(_MAGIC):
        return nothing
    size = int.from_bytes(data[len(_MAGIC) : len(_MAGIC) + 8], "little")
    view = memoryview(data)
    index = view[_HEAD : _HEAD + size]
    if len(index) != size or _crc32(index) != int.from_bytes(data[_HEAD - 4 : _HEAD], "little"):
        return nothing
    try:
        content = marshal.loads(index)
    except (ValueError, EOFError, TypeError):
        return nothing
    if not (isinstance(content, tuple) and len(content) == 2):
        return nothing
    generation, entries = content
    if type(generation) is not int or not isinstance(entries, list):
        return nothing
    programs = view[_HEAD + size :]
    kept: dict[tuple[str, int], _Kept] = {}
    for entry in entries:
        if not _well_formed(entry, len(programs)):
            return nothing
        pattern, flags, used, start, end, crc = entry
        kept[pattern, flags] = (used, programs[start:end], crc)
    return generation, kept


def _written(generation: int, programs: dict[tuple[str, int], _Kept]) -> bytes:
    """What the cache file holds for ``programs`` after write ``generation``:
    :data:`_MAGIC`, the index's length and CRC-32, the index, the programs.
    A run reads the index and only the programs it compiles."""
    entries = []
    offset = 0
    for (pattern, flags), (used, program, crc) in programs.items():
        entries.append((pattern, flags, used, offset, offset + len(program), crc))
        offset += len(program)
    index = marshal.dumps((generation, entries))
    return b"".join(
        (
            _MAGIC,
            len(index).to_bytes(8, "little"),
            _crc32(index).to_bytes(4, "little"),
            index,
            *(program for _, program, _ in programs.values()),
        )
    )


def _crc32(data: bytes | memoryview) -> int:
    import zlib

    return zlib.crc32(data)


def _well_formed(entry: object, size: int) -> bool:
    """Whether an entry of the file's index is a pattern, its flags, a
    generation, where its program is among the ``size`` bytes of programs
    and the program's CRC-32 (what the bytes hold is checked when they are
    used)."""
    if not (isinstance(entry, tuple) and len(entry) == 6):
        return False
    pattern, flags, used, start, end, crc = entry
    return (
        type(pattern) is str
        and type(flags) is int
        and type(used) is int
        and type(start) is int
        and type(end) is int
        and type(crc) is int
        and 0 <= start <= end <= size
    )


def _from_program(pattern: str, data: bytes | memoryview, crc: int | None = None) -> Any:
    """The pattern object the engine builds from a kept program, or None
    when the bytes are not the program whose CRC-32 is ``crc`` (a changed
    byte: the engine checks a program's structure, not that it is the
    program of its pattern), are not a program, or the engine refuses it."""
    if crc is not None and _crc32(data) != crc:
        return None
    try:
        program = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    if not _a_program(program):
        return None
    try:
        return _sre.compile(pattern, *program)
    except Exception:
        return None


def _a_program(program: object) -> bool:
    """Whether ``program`` has the shape of :data:`_Program` (its code is
    the engine's to check)."""
    if not (isinstance(program, tuple) and len(program) == 5):
        return False
    all_flags, code, groups, names, by_index = program
    return (
        type(all_flags) is int
        and type(code) is list
        and type(groups) is int
        and type(names) is dict
        and all(type(k) is str and type(v) is int for k, v in names.items())
        and type(by_index) is tuple
        and all(name is None or type(name) is str for name in by_index)
    )


def cache_files(directory: str) -> list[str]:
    """The regex cache files in ``directory``: this Python's and any other's
    (``cache clean`` removes them all), and temporary files left by a run
    that was stopped while writing one."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return [
        os.path.join(directory, name)
        for name in names
        if name.startswith("regex-") and (name.endswith(".marshal") or name.endswith(".tmp"))
    ]


def cache_file() -> str | None:
    """The cache file of this Python and regex engine, or None when there is
    no private cache directory."""
    from audit.resources import private_cache_path

    directory = private_cache_path()
    if directory is None or not _SUPPORTED:
        return None
    implementation = sys.implementation.cache_tag or sys.implementation.name
    version = f"{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return os.path.join(directory, f"regex-{implementation}-{version}.marshal")


def install() -> ProgramCache | None:
    """Stand the cache in front of the standard library's regex compiler for
    the rest of this process (once); None when there is no cache directory
    or this Python's compiler is not the one known here."""
    global _installed
    if _installed is not None:
        return _installed
    path = cache_file()
    if path is None:
        return None
    cache = ProgramCache(path)
    original = _compiler.compile

    def compile(pattern: Any, flags: int = 0) -> Any:
        return cache.compile(original, pattern, flags)

    _compiler.compile = compile
    _installed = cache
    return cache


def discard() -> None:
    """Keep the installed cache from writing its programs at the end of this
    process (``cache clean`` removes the file and leaves it removed)."""
    if _installed is not None:
        _installed.path = None


def save() -> None:
    """Write the installed cache's new programs (see :meth:`ProgramCache.save`)."""
    if _installed is not None:
        _installed.save()
