"""Documents read in a worker process travel back to the parent pickled:
whatever a reader stores on a table (the locator naming a cell) must
survive it, for every carrier, so that ``--jobs`` with a report that needs
the tables (rich, html, junit, ``--baseline``, ``--split-by``) works."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from audit import lint
from audit.cli import main
from audit.model import Document
from audit.pipeline import load_path
from audit.readers.grid import CellLocator, GridInput, LineLocator, grid_source
from scripts.make_examples import (
    rows_from_tsv,
    write_docx,
    write_html,
    write_ods,
    write_pdf,
    write_xls,
    write_xlsx,
)
from tests.conftest import SEED_001

PANYU_TEXT = SEED_001.read_text(encoding="utf-8")
PANYU_ROWS = rows_from_tsv(PANYU_TEXT)


@pytest.fixture(scope="module")
def carriers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed table in every carrier (a PDF with and without ruled lines)."""
    out = tmp_path_factory.mktemp("carriers")
    tsv = out / "panyu.txt"
    tsv.write_text(PANYU_TEXT, encoding="utf-8")
    sheet = [("绩效目标表", PANYU_ROWS, ())]
    return {
        "tsv": tsv,
        "xlsx": write_xlsx(out / "panyu.xlsx", sheet),
        "ods": write_ods(out / "panyu.ods", sheet),
        "xls": write_xls(out / "panyu.xls", sheet),
        "pdf": write_pdf(out / "panyu.pdf", PANYU_ROWS),
        "pdf-text": write_pdf(out / "panyu-unruled.pdf", PANYU_ROWS, ruled=False),
        "html": write_html(out / "panyu.html", PANYU_ROWS),
        "docx": write_docx(out / "panyu.docx", PANYU_ROWS),
    }


def _locations(document: Document) -> list[str | None]:
    source = document.source
    return [source.location(offset) for offset in range(0, len(source.text), 3)]


@pytest.mark.parametrize(
    "carrier", ["tsv", "xlsx", "ods", "xls", "pdf", "pdf-text", "html", "docx"]
)
def test_every_carriers_document_pickles_and_keeps_its_locations(
    carriers: dict[str, Path], carrier: str
) -> None:
    document = load_path(carriers[carrier])
    copy = pickle.loads(pickle.dumps(document))
    assert copy.source.text == document.source.text
    assert _locations(copy) == _locations(document)
    assert [p.title for p in copy.projects] == [p.title for p in document.projects]
    if carrier != "tsv":
        assert any(_locations(copy)), "a carrier's source names its cells"


def test_cell_locator_is_a_plain_object_naming_cells() -> None:
    source, _ = grid_source(
        "t.xlsx", "sheet", [GridInput("Sheet1", [["a", "b"], ["c", None]], origin=(2, 2))]
    )
    assert isinstance(source.locator, CellLocator)
    copy = pickle.loads(pickle.dumps(source))
    assert [copy.location(o) for o in range(6)] == [
        "Sheet1!C3",
        "Sheet1!C3",
        "Sheet1!D3",
        "Sheet1!D3",
        "Sheet1!C4",
        "Sheet1!C4",
    ]
    assert copy.location(-1) is None


def test_line_locator_answers_each_line_as_at_its_start() -> None:
    text = "one\ntwo\n\nfour"

    def by_line(offset: int) -> str:  # a closure, as a reader may give
        return f"line {text.count(chr(10), 0, offset) + 1}"

    locator = pickle.loads(pickle.dumps(LineLocator(by_line, text)))
    assert [locator(o) for o in range(len(text))] == [by_line(o) for o in range(len(text))]
    assert locator(-1) is None


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "html", "--output", "{out}/report.html"],
        ["--format", "junit"],
        ["--format", "rich"],
        ["--baseline", "{out}/baseline.json", "--format", "text"],
        ["--split-by", "unit", "--output", "{out}/pages", "--format", "html"],
    ],
    ids=["html", "junit", "rich", "baseline", "split-by"],
)
def test_jobs_2_with_a_report_of_the_tables_over_every_carrier(
    carriers: dict[str, Path],
    tmp_path: Path,
    options: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(lint, "MIN_CHUNK_BYTES", 1)  # one file a chunk: every one in a worker
    monkeypatch.setattr(lint, "MAX_CHUNK_BYTES", 1)
    folder = tmp_path / "in"
    folder.mkdir()
    for path in carriers.values():
        shutil.copy(path, folder / path.name)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        out.mkdir()
        if "--baseline" in options:  # known: one rule's findings; the others are new
            known = ["--select", "value-restates-name", "--write-baseline"]
            main(["lint", "--no-config", "--no-cache", *known, f"{out}/baseline.json", str(folder)])
            capsys.readouterr()
        args = [a.replace("{out}", str(out)) for a in options]
        status = main(["lint", "--no-config", "--no-cache", "--jobs", jobs, *args, str(folder)])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        written = sorted(
            (p.relative_to(out).as_posix(), p.read_bytes())
            for p in out.rglob("*")
            if p.is_file() and p.name != "baseline.json"
        )
        outputs.append((status, captured.out, written))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] in (0, 1)
    assert outputs[0][1] or outputs[0][2]
