"""Writing what the tool produces (reports, baselines) without ever harming
what it reads.

A file is written to a temporary file beside it and renamed over the target
only once complete, so an interrupted or failed run never leaves a
truncated report. A target that is one of the run's inputs (a table, the
configuration, the baseline read) is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from typing import IO, Any, TextIO


class OutputError(Exception):
    """An output that must not or cannot be written; the message says why."""


def input_named(target: str, inputs: Iterable[str]) -> str | None:
    """The input that ``target`` names (the same file, whatever the path
    spelling, links included), or None."""
    try:
        status = os.stat(target)
    except OSError:
        return None  # a new file is no input
    for path in inputs:
        if path == "-" or path.startswith("<"):
            continue
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
            return path
    return None


def write_atomically(
    target: str,
    write: Callable[[Any], object],
    private: bool = False,
    *,
    encoding: str | None = "utf-8",
    newline: str | None = "\n",
) -> None:
    """Call ``write`` with a UTF-8 text file that becomes ``target`` once
    ``write`` returns; on any failure ``target`` is left as it was. Raises
    ``OSError`` when the file cannot be written. A ``private`` file (a cache
    entry) is made readable and writable by its owner only (0600), whatever
    the umask, so that it passes the check made when it is read back.
    ``encoding`` and ``newline`` are ``open``'s (``utf-8-sig`` for a CSV
    file); ``encoding=None`` gives a binary file (a workbook).

    A symbolic link is followed (the file it names is replaced, the link
    kept); a target that exists and is not a regular file (``/dev/null``,
    ``/dev/stdout``, a pipe) is written to directly, never replaced. A
    ``private`` entry is always replaced, never written through: a link or
    a named pipe where a cache entry goes is a stray file, not an output
    the user chose (and opening a pipe to write waits for a reader).
    """
    real = target if private else os.path.realpath(target)
    try:
        special = not private and not stat.S_ISREG(os.stat(real).st_mode)
    except FileNotFoundError:
        special = False

    def opened(where: str | int) -> IO[Any]:
        if encoding is None:
            return open(where, "wb")
        return open(where, "w", encoding=encoding, newline=newline)

    def written(file: IO[Any]) -> None:
        # Text passes through safe_text: a lone surrogate (a file name that
        # is not UTF-8, a cell holding &#55296;) is written as U+FFFD.
        write(file if encoding is None else SafeStream(file))  # type: ignore[arg-type]

    if special:
        with opened(real) as file:
            written(file)
        return
    directory = os.path.dirname(real)
    name = os.path.basename(real)
    target = real
    descriptor, partial = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with opened(descriptor) as file:
            written(file)
        os.chmod(partial, 0o600 if private else _mode(target))
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _mode(target: str) -> int:
    """The permissions the written file gets: the target's, when it exists,
    else what a plain ``open`` would give (0o666 less the umask)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# --------------------------------------------------------------------------
# Paths


def relative_path(path: str, start: str | None = None) -> str:
    """``path`` relative to ``start`` (the working directory) with forward
    slashes, the form CI platforms match against the repository. Paths
    outside ``start`` stay absolute; ``<stdin>`` stays as it is."""
    if path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    base = os.path.abspath(start or os.getcwd())
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive on Windows
        relative = absolute
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = absolute
    return relative.replace(os.sep, "/")


# --------------------------------------------------------------------------
# Safe output

_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(text: str, encoding: str = "utf-8") -> str:
    """``text`` as ``encoding`` can write it. Lone surrogates (a cell holding
    ``&#55296;``, a file name that is not UTF-8) become U+FFFD, and with an
    encoding other than UTF-8 so does (or ``?``) every code point it lacks:
    a report never fails, nor writes invalid bytes, because of its text."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        encoding = "utf-8"
    text = _SURROGATE.sub("\ufffd", text)
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        return text.encode(encoding, "replace").decode(encoding, "replace")


class SafeStream:
    """A text stream that passes everything written through
    :func:`safe_text`; every renderer writes to one."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        self._stream.write(safe_text(text, self._encoding))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def broken_pipe() -> None:
    """A rich console's ``on_broken_pipe``: raise :class:`BrokenPipeError`
    (the command line exits 141) instead of rich's ``SystemExit(1)``, which
    would tell CI that findings were reached."""
    import errno

    raise BrokenPipeError(errno.EPIPE, "Broken pipe")
