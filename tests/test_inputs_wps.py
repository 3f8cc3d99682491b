"""WPS Office's own file names: a spreadsheet ``.et`` is read as the ``.xls``
(compound file) or ``.xlsx`` (zip) its content is; a Writer document
``.wps`` saved as OOXML is read as a ``.docx``, and one in the binary
compound format is passed over (walked) or refused (named) as a ``.doc``
is, saying to save it as ``.docx``. Both are walked, never missed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit.model import Finding
from audit.pipeline import load_path
from audit.readers import ReadError
from audit.readers.carriers import WPS_REFUSED
from audit.readers.decode import KindNotRead
from scripts.make_examples import rows_from_tsv, write_docx, write_xls, write_xlsx
from tests.conftest import SEED_001, SEED_004, run_main
from tests.test_workbook_formats import findings

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_97 = OLE2 + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(100)
"""A compound file with a Word stream, as a ``.doc`` or a binary ``.wps`` holds."""


def _rows() -> list[list[str | None]]:
    return rows_from_tsv(SEED_001.read_text(encoding="utf-8"))


def _seen(found: list[Finding]) -> list[tuple[str, str, int | None]]:
    return [(f.rule, f.message, f.line) for f in found]


def test_an_et_that_is_a_compound_file_reads_as_the_xls_it_is(tmp_path: Path) -> None:
    xls = write_xls(tmp_path / "form.xls", [("绩效目标表", _rows(), ())])
    et = tmp_path / "form.et"
    shutil.copy(xls, et)
    as_xls, as_et = load_path(xls), load_path(et)
    assert as_et.layout == as_xls.layout
    assert [str(p.name) for p in as_et.projects] == [str(p.name) for p in as_xls.projects]
    assert as_et.projects and _seen(findings(as_et)) == _seen(findings(as_xls))
    assert findings(as_et)  # seed 001 has defects: the table was read, not passed over


def test_an_et_that_is_a_zip_reads_as_the_xlsx_it_is(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "form.xlsx", [("绩效目标表", _rows(), [])])
    et = tmp_path / "form.et"
    shutil.copy(xlsx, et)
    as_xlsx, as_et = load_path(xlsx), load_path(et)
    assert as_et.projects and _seen(findings(as_et)) == _seen(findings(as_xlsx))


def test_a_wps_saved_as_ooxml_reads_as_a_docx(tmp_path: Path) -> None:
    docx = write_docx(tmp_path / "form.docx", _rows())
    wps = tmp_path / "form.wps"
    shutil.copy(docx, wps)
    as_docx, as_wps = load_path(docx), load_path(wps)
    assert as_wps.projects and _seen(findings(as_wps)) == _seen(findings(as_docx))


def test_a_binary_wps_is_refused_saying_to_save_it_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.wps"
    path.write_bytes(WORD_97)
    with pytest.raises(KindNotRead) as refused:
        load_path(path)
    assert str(refused.value) == WPS_REFUSED
    assert "(.wps)" in WPS_REFUSED and "save it as .docx" in WPS_REFUSED


def test_a_binary_doc_keeps_its_own_refusal(tmp_path: Path) -> None:
    # near miss: the same bytes named .doc say .doc, not .wps
    path = tmp_path / "report.doc"
    path.write_bytes(WORD_97)
    with pytest.raises(KindNotRead) as refused:
        load_path(path)
    assert "(.doc)" in str(refused.value)


def test_a_compound_wps_without_a_word_stream_is_no_workbook(tmp_path: Path) -> None:
    # an older WPS or Works file: a compound file, but no Word stream; it is
    # not taken for a workbook (whose reader would call it corrupt)
    xls = write_xls(tmp_path / "form.xls", [("绩效目标表", _rows(), ())])
    path = tmp_path / "old.wps"
    shutil.copy(xls, path)
    with pytest.raises(KindNotRead) as refused:
        load_path(path)
    assert str(refused.value) == WPS_REFUSED
    # the same workbook named .et is read
    shutil.copy(xls, tmp_path / "old.et")
    assert load_path(tmp_path / "old.et").projects


def test_a_password_on_a_wps_is_a_word_documents(tmp_path: Path) -> None:
    path = tmp_path / "locked.wps"
    path.write_bytes(OLE2 + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(100))
    with pytest.raises(ReadError) as refused:
        load_path(path)
    assert str(refused.value).startswith("password-protected Word document")
    locked = tmp_path / "locked.et"
    shutil.copy(path, locked)
    with pytest.raises(ReadError) as refused:
        load_path(locked)
    assert str(refused.value).startswith("password-protected workbook")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    folder.mkdir()
    shutil.copy(SEED_004, folder / "table.txt")
    write_xls(folder / "sheet.et", [("绩效目标表", _rows(), ())])
    write_docx(folder / "ooxml.wps", _rows())
    (folder / "old.wps").write_bytes(WORD_97)
    return folder


def test_a_walk_reads_et_and_wps_and_passes_over_a_binary_wps(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    status, out, err = run_main(
        "lint", "--no-config", "--no-cache", "--lang", "en", "--format", "text", str(folder)
    )
    assert status in (0, 1) and "Traceback" not in err
    read = {line.split(":", 1)[0] for line in out.splitlines() if line.startswith(str(folder))}
    assert read == {str(folder / n) for n in ("sheet.et", "ooxml.wps")}
    notes = [line for line in err.splitlines() if "note:" in line]
    assert notes == [f"indicator-audit: {folder / 'old.wps'}: note: {WPS_REFUSED}"]


def test_the_walk_note_on_a_binary_wps_reads_in_chinese(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _, _, err = run_main("lint", "--no-config", "--no-cache", "--lang", "zh", str(folder))
    assert (
        f"{folder / 'old.wps'}: 提示：已跳过：WPS 文字二进制格式文档（.wps）：请另存为 .docx" in err
    )


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", WPS_REFUSED),
        ("zh", "WPS 文字二进制格式文档（.wps）：请另存为 .docx"),
    ],
)
def test_a_named_binary_wps_is_a_read_error(tmp_path: Path, lang: str, message: str) -> None:
    folder = _folder(tmp_path)
    status, out, err = run_main(
        "lint", "--no-config", "--no-cache", "--lang", lang, str(folder / "old.wps")
    )
    assert status == 2 and "Traceback" not in err
    assert f"[read-error] {message}" in out


def test_a_named_et_is_linted(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    status, out, _ = run_main("lint", "--no-config", "--no-cache", str(folder / "sheet.et"))
    assert status in (0, 1) and f"{folder / 'sheet.et'}:绩效目标表!" in out
