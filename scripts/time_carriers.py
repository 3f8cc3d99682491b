"""Time reading one table in every carrier.

    python scripts/time_carriers.py [TABLE] [--runs 3] [--dir DIR]

Converts a tab-separated table (default: the 258-project seed table) to
CSV, XLSX, XLS, ODS, PDF, HTML and DOCX with the writers of ``make_examples.py``, then
times ``load_path`` on each — carrier, layout, clause parsing — the median of
``--runs`` runs in this process (the libraries already imported). Also
checks that every carrier gives the same projects as the text. With
``--dir`` the converted files are kept there and reused by the next run
(writing the PDF takes minutes).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.pipeline import load_path  # noqa: E402
from scripts.make_examples import (  # noqa: E402
    rows_from_tsv,
    write_docx,
    write_html,
    write_ods,
    write_pdf,
    write_xls,
    write_xlsx,
)

DEFAULT_TABLE = ROOT / "tests" / "fixtures" / "seeds" / "002_hrss_2024.txt"


def write_csv(path: Path, rows: list[list[str | None]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow([c or "" for c in row])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, help="keep the converted files here and reuse them")
    args = parser.parse_args()
    text = args.table.read_text(encoding="utf-8")
    rows = rows_from_tsv(text)
    with tempfile.TemporaryDirectory() as folder:
        out = args.dir or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        tsv = out / "table.txt"
        tsv.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        writers = {
            "csv": lambda p: write_csv(p, rows),
            "xlsx": lambda p: write_xlsx(p, [("Sheet1", rows, ())]),
            "xls": lambda p: write_xls(p, [("Sheet1", rows, ())]),
            "ods": lambda p: write_ods(p, [("Sheet1", rows, ())]),
            "pdf": lambda p: write_pdf(p, rows),
            "html": lambda p: write_html(p, rows),
            "docx": lambda p: write_docx(p, rows),
        }
        files = {"tsv": tsv}
        for carrier, write in writers.items():
            path = out / f"table.{carrier}"
            files[carrier] = path if args.dir and path.exists() else write(path)
        print(f"converted in {time.perf_counter() - started:.1f} s; median of {args.runs} runs")
        expected = [p.title for p in load_path(tsv).projects]
        for carrier, path in files.items():
            load_path(path)  # import the carrier's library once
            times = []
            document = None
            for _ in range(args.runs):
                start = time.perf_counter()
                document = load_path(path)
                times.append(time.perf_counter() - start)
            assert document is not None
            same = [p.title for p in document.projects] == expected
            extra = ""
            if carrier == "pdf":
                import pdfplumber

                with pdfplumber.open(path) as pdf:
                    extra = f", {len(pdf.pages)} pages"
            print(
                f"  {carrier:5} {statistics.median(times) * 1000:8.0f} ms  "
                f"{path.stat().st_size / 1024:6.0f} KiB  {len(document.projects)} projects"
                f"{'' if same else ' (DIFFERENT from the text)'}{extra}"
            )


if __name__ == "__main__":
    main()
