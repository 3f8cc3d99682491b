"""Turning the bytes of a file into text, or a clear reason why not."""

from __future__ import annotations

import codecs
import os
import stat
from typing import BinaryIO

from audit.limits import MAX_BYTES

__all__ = ["MAX_BYTES", "ReadError", "decode", "read_file", "read_stream"]


class ReadError(Exception):
    """A file that cannot be read as a table; the message says why."""


class KindNotRead(ReadError):
    """A file of a kind the tool does not read (an ``.xlsb``, a Word 97-2003
    ``.doc``), the message saying what to save it as: refused when named,
    passed over with that note when a directory walk finds it (so that it is
    not missed without a word)."""


def _too_large(size: int | None, limit: int) -> ReadError:
    amount = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return ReadError(f"file too large ({amount}; the limit is {limit:,})")


def read_stream(stream: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes from ``stream`` (standard input, a pipe); one
    byte more is read to tell that it goes on, and never more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(None, limit)
    return data


_FILE_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def _kind_problem(mode: int) -> str | None:
    for test, reason in _FILE_KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def read_file(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit``.

    Devices, pipes and sockets are refused by their type before anything is
    read (``/dev/zero`` never ends, a FIFO blocks until someone writes). The
    file is opened without blocking and its type checked again on the open
    descriptor, so a file swapped for a pipe in between is refused too.
    Raises :class:`ReadError`; an ``OSError`` passes through.
    """
    problem = _kind_problem(os.stat(path).st_mode)
    if problem is not None:
        raise ReadError(problem)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        problem = _kind_problem(status.st_mode)
        if problem is not None:
            raise ReadError(problem)
        if status.st_size > limit:
            raise _too_large(status.st_size, limit)
        return read_stream(file, limit)


def _utf16_without_bom(head: bytes) -> bool:
    """Text in UTF-16 without its byte-order mark: NUL bytes (the high byte
    of ASCII characters) mostly at odd offsets (little-endian) or mostly at
    even ones (big-endian), and what is there reads as UTF-16 text."""
    head = head[: len(head) // 2 * 2]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls < max(4, 8 * others):
            continue
        text = head.decode(codec, errors="ignore")  # the cut may split a pair
        if all(char.isprintable() or char in "\t\r\n" for char in text):
            return True
    return False


def reason(error: BaseException) -> str:
    """A library's exception as part of a one-line message: its kind and
    the start of its text."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__


def _cjk_share(text: str) -> float:
    """Share of non-space characters that are common CJK, ASCII or CJK
    punctuation: high for a real table, low for a wrong decoding."""
    good = total = 0
    for char in text[:20000]:
        if char.isspace():
            continue
        total += 1
        code = ord(char)
        if (
            code < 0x80
            or 0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF
            or code in (0x2265, 0x2264, 0x2266, 0x2267, 0x2014, 0x2026, 0xD7, 0x201C, 0x201D)
        ):
            good += 1
    return good / total if total else 1.0


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16 with BOM and GB18030 (a superset of
    GBK and GB2312) are recognised. A GB18030 decoding is only accepted when
    the result reads as Chinese text, so bytes in some other encoding are
    refused rather than turned into plausible-looking nonsense. Line endings
    are normalised to ``\\n``.
    """
    if not data.strip():
        raise ReadError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        if b"\x00" in data[:8192]:
            if _utf16_without_bom(data[:8192]):
                raise ReadError(
                    "UTF-16 text without a byte-order mark (BOM): save the table as UTF-8"
                )
            raise ReadError("binary file (contains NUL bytes), not a text table")
        try:
            text, encoding = _utf8(data), "utf-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                raise ReadError(
                    f"not valid UTF-8 (byte {utf8_error.start}) nor GB18030; "
                    "save the table as UTF-8"
                ) from None
            if _cjk_share(text) < 0.9:
                raise ReadError(
                    "encoding not recognised: neither UTF-8 nor GB18030/GBK text; "
                    "save the table as UTF-8"
                ) from None
    if "\x00" in text:
        raise ReadError("binary file (contains NUL characters), not a text table")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("empty file")
    return text, encoding


def _utf8(data: bytes) -> str:
    """UTF-8, forgiving only a character cut off at the very end (a file
    truncated in transfer): the rows before it are still worth checking."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            return data[: error.start].decode("utf-8")
        raise


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"invalid {encoding} at byte {error.start}") from None
