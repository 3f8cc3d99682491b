"""What carries a table: told from the file's content, not its name.

A zip archive is a workbook (``xl/workbook.xml``), an OpenDocument
spreadsheet (its ``mimetype`` member) or a Word document
(``word/document.xml``); an OLE2 compound file is a legacy ``.xls``, or a
password-protected workbook, or a Word 97 document; ``%PDF`` starts a PDF;
markup that opens with a tag and holds ``<table`` or ``<html`` is a web
page. Everything else is text. Web pages saved under ``.xls`` (a common
"export to Excel") are thus read as what they are.
"""

from __future__ import annotations

import io
from typing import Literal

from audit.readers.decode import KindNotRead, ReadError, reason

Carrier = Literal["text", "xlsx", "xls", "ods", "pdf", "html", "docx"]

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(data: bytes) -> Carrier:
    """The carrier of ``data``; a ReadError for archives and compound files
    that hold no table the tool can read."""
    head = data[:8]
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(data)
    if head == OLE2_MAGIC:
        return _ole2_kind(data)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if _looks_like_html(data[:4096]) or web_archive(data[:4096]):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> Carrier:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
                return "ods"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise ReadError(
            f"corrupt workbook or document (not a readable zip archive: {reason(error)})"
        ) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise KindNotRead(XLSB_REFUSED)
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("ppt/") for name in names):
        raise ReadError("a PowerPoint file, not a workbook: save the table as .xlsx")
    raise ReadError("a zip archive that is not a workbook (.xlsx, .ods) or Word document (.docx)")


DOC_REFUSED = "a Word 97-2003 document (.doc): save it as .docx"
"""Why a ``.doc`` is not read: python-docx reads the XML of a ``.docx`` only."""
WPS_REFUSED = "a WPS Writer document in its binary format (.wps): save it as .docx"
"""Why a compound-file ``.wps`` is not read: WPS Writer's own format is a
Word 97 compound file (or an older one of its own), which python-docx does
not read; a ``.wps`` saved as OOXML is a zip and is read as the ``.docx`` it is."""
XLSB_REFUSED = (
    "an Excel binary workbook (.xlsb): its cells' formats cannot be read (a percentage typed "
    "95% would read 0.95), nor its sheets' size checked before they are read; save it as .xlsx "
    "(File → Save As → Excel Workbook) and lint again"
)
"""Why an ``.xlsb`` is not read: python-calamine gives its values but no
cell's number format, so what the formats change (a percentage, fixed
decimals, a format's text, a time) would be misread without a word; and the
size scan that bounds each sheet before calamine builds its grid reads XML."""


def named_kind(data: bytes, path: str) -> Carrier:
    """The carrier of ``data``, read from ``path``: as :func:`sniff`, and a
    WPS Office file by its content too: a spreadsheet (``.et``) that is a
    compound file is a ``.xls``, a zip a ``.xlsx``; a compound-file WPS
    Writer document (``.wps``) is refused as a ``.doc`` is (a password on
    it is a Word document's, and one that holds no Word stream is no
    workbook either)."""
    writer = path.lower().endswith(".wps")
    try:
        carrier = sniff(data)
    except KindNotRead:
        if writer:
            raise KindNotRead(WPS_REFUSED) from None
        raise
    except ReadError as problem:
        # An encrypted Word file is the same kind of container as an encrypted workbook.
        if str(problem).startswith("password-protected workbook") and (
            writer or path.lower().endswith(".docx")
        ):
            raise ReadError(
                "password-protected Word document: remove the password and save it again"
            ) from None
        raise
    if writer and carrier == "xls":
        raise KindNotRead(WPS_REFUSED)
    return carrier


def _ole2_kind(data: bytes) -> Carrier:
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise ReadError(
            "password-protected workbook: remove the password (File → Info → Protect) "
            "and save it again"
        )
    if _utf16("WordDocument") in data:
        raise KindNotRead(DOC_REFUSED)
    return "xls"


def web_archive(head: bytes) -> bool:
    """Whether ``head`` opens a web archive (``.mht``/``.mhtml``: Word's and a
    browser's "single file web page"): MIME headers of a multipart/related
    message."""
    lowered = head[:4096].lstrip().lower()
    top = lowered.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return lowered.startswith((b"mime-version:", b"from:", b"content-type:", b"subject:")) and (
        b"multipart/related" in top
    )


def _looks_like_html(head: bytes) -> bool:
    for encoding in ("utf-8", "utf-16"):
        try:
            text = head.decode(encoding, errors="ignore")
        except LookupError:  # pragma: no cover - both codecs always exist
            continue
        stripped = text.lstrip("\ufeff \t\r\n")
        if not stripped.startswith("<"):
            continue
        lowered = stripped.lower()
        if "<table" in lowered or "<html" in lowered or lowered.startswith("<!doctype html"):
            return True
    return False
