"""``indicator-audit export``: one row per indicator, as CSV (UTF-8 with BOM
for Excel), JSON and an .xlsx workbook, in Chinese or English headings."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from audit.export import COLUMNS, export_rows
from audit.pipeline import load_path, load_text
from tests.conftest import SEED_001, SEED_002, project_row, run_main, tsv_table


def test_one_row_per_indicator_with_parsed_values() -> None:
    document = load_path(SEED_001)
    rows = export_rows([document])
    assert len(rows) == document.counts()["clauses"] == 79
    first = rows[0]
    assert first["project"] == "其他就业补助支出（市区共担区级部分）"
    assert first["unit"] == "广州市番禺区劳动就业服务管理中心"
    assert first["total"] == Decimal("10951.18")
    assert (first["clause"], first["level1"], first["level2"]) == (1, "1-产出指标", "11-数量指标")
    assert first["name"] == "一次性创业资助人数"
    assert first["period"] == "一次性创业资助人数"  # not a quantity: nothing parsed
    assert first["period_number"] is None
    second = rows[1]
    assert second["annual"] == "≥3万人次"
    assert (second["annual_comparator"], second["annual_number"], second["annual_unit"]) == (
        "≥",
        Decimal("30000"),
        "人次",
    )


def test_unparsed_clauses_and_projects_without_clauses_are_rows() -> None:
    text = tsv_table(
        [
            project_row("项目甲", "1.产出数量：1.1故障工单关闭率目标值100%。"),
            project_row("项目乙", ""),
        ]
    )
    rows = export_rows([load_text(text, "t.txt")])
    by_project = {row["project"]: row for row in rows}
    assert by_project["项目甲"]["error"] and by_project["项目甲"]["name"].startswith("1.产出数量")
    assert by_project["项目乙"]["name"] is None and by_project["项目乙"]["total"] == Decimal(
        "10.00"
    )


def test_csv_for_excel(tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    assert run_main("export", str(SEED_002), "--to", "csv", "--output", str(output))[0] == 0
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [zh for _, zh, _ in COLUMNS]
    assert len(rows) == 1 + len(export_rows([load_path(SEED_002)]))
    assert all(len(row) == len(COLUMNS) for row in rows)


def test_format_from_output_extension_and_english_headings(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    assert run_main("export", str(SEED_001), "--output", str(output), "--lang", "en")[0] == 0
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert len(rows) == 79
    assert rows[1]["annual_number"] == "30000" and rows[1]["total"] == "10951.18"
    _, out, _ = run_main("export", str(SEED_001), "--to", "csv", "--lang", "en")
    assert out.splitlines()[0].startswith("file,line,unit,project,total (万元)")


def test_xlsx_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    output = tmp_path / "out.xlsx"
    assert run_main("export", str(SEED_001), "--to", "xlsx", "--output", str(output))[0] == 0
    sheet = openpyxl.load_workbook(output).active
    assert [c.value for c in sheet[1]] == [zh for _, zh, _ in COLUMNS]
    assert sheet.max_row == 80
    total = sheet.cell(row=2, column=5)
    assert total.value == pytest.approx(10951.18) and total.number_format == "#,##0.00"
    assert sheet.freeze_panes == "A2"


def test_bad_input_and_refusals(tmp_path: Path) -> None:
    status, _, err = run_main("export", str(tmp_path / "missing.txt"), "--to", "csv")
    assert status == 2 and "文件不存在" in err
    status, _, err = run_main("export", str(SEED_001), "--to", "xlsx")
    assert status == 2 and "--output" in err
    status, _, err = run_main("export", str(SEED_001))
    assert status == 2 and "--to" in err
    copy = tmp_path / "t.csv"
    copy.write_bytes(SEED_001.read_bytes())
    status, _, err = run_main("export", str(copy), "--to", "csv", "--output", str(copy))
    assert status == 2 and copy.read_bytes() == SEED_001.read_bytes()


@pytest.mark.parametrize(("to", "name"), [("csv", "rows.xlsx"), ("xlsx", "rows.json")])
def test_an_output_named_for_another_format_is_refused(tmp_path: Path, to: str, name: str) -> None:
    output = tmp_path / name
    status, _, err = run_main("export", str(SEED_001), "--to", to, "--output", str(output))
    assert status == 2
    assert f"is named for {output.suffix[1:]}; name it .{to}" in err
    assert not output.exists()


@pytest.mark.parametrize("name", ["rows.csv", "rows.txt", "rows"])
def test_near_miss_an_output_of_its_format_or_no_known_one_is_written(
    tmp_path: Path, name: str
) -> None:
    output = tmp_path / name
    status, _, _ = run_main("export", str(SEED_001), "--to", "csv", "--output", str(output))
    assert status == 0 and output.read_text(encoding="utf-8-sig").startswith("文件,")


def test_export_does_not_import_openpyxl_for_csv() -> None:
    import subprocess

    code = (
        "import sys; from audit.cli import main; main(['export', sys.argv[1], '--to', 'csv']);"
        "assert 'openpyxl' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SEED_001)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_heading_language_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.txt").write_bytes(SEED_001.read_bytes())
    _, out, _ = run_main("export", "t.txt", "--to", "csv")
    assert out.startswith("文件,")
    Path(".indicator-audit.yaml").write_text("lang: en\n", encoding="utf-8")
    _, out, _ = run_main("export", "t.txt", "--to", "csv")
    assert out.startswith("file,")
    _, out, _ = run_main("export", "t.txt", "--to", "csv", "--lang", "zh")
    assert out.startswith("文件,")


# --------------------------------------------------------------------------
# 上年结转: a column of the export only when a table states it


def _with_carryover(tmp_path: Path) -> Path:
    from tests.test_carryover import market

    path = tmp_path / "market.txt"
    path.write_text(market(), encoding="utf-8")
    return path


def test_a_carryover_is_exported_after_the_other_amounts(tmp_path: Path) -> None:
    path = _with_carryover(tmp_path)
    _, out, _ = run_main("export", str(path), "--to", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    at = rows[0].index("上年结转（万元）")
    assert rows[0][at - 1] == "其他资金（万元）" and rows[0][at + 1] == "序号"
    by_project = {row[3]: row for row in rows[1:]}
    assert by_project["市场中心业务用房物业管理费"][4 : at + 1] == ["232", "200", "", "", "32"]
    assert by_project["市场中心市就业补助资金"][at] == ""  # blank: no carry-over
    _, out, _ = run_main("export", str(path), "--to", "json", "--lang", "en")
    first = json.loads(out)[0]
    assert (first["fiscal"], first["carryover"]) == ("200", "32")


def test_an_export_without_a_carryover_keeps_its_columns(tmp_path: Path) -> None:
    """Near miss: the same table without the column exports as before, in
    CSV and JSON alike."""
    _, out, _ = run_main("export", str(SEED_002), "--to", "csv")
    assert next(csv.reader(io.StringIO(out))) == [zh for _, zh, _ in COLUMNS]
    _, out, _ = run_main("export", str(SEED_001), "--to", "json")
    assert list(json.loads(out)[0]) == [key for key, _, _ in COLUMNS]


def test_a_carryover_in_one_file_adds_the_column_for_all(tmp_path: Path) -> None:
    path = _with_carryover(tmp_path)
    _, out, _ = run_main("export", str(SEED_001), str(path), "--to", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    at = rows[0].index("carried over (万元)")
    assert all(len(row) == len(COLUMNS) + 1 for row in rows)
    assert {row[at] for row in rows[1:] if row[0] == str(SEED_001)} == {""}


def test_a_carryover_in_the_workbook_is_an_amount(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    output = tmp_path / "out.xlsx"
    path = _with_carryover(tmp_path)
    assert run_main("export", str(path), "--to", "xlsx", "--output", str(output))[0] == 0
    sheet = openpyxl.load_workbook(output).active
    assert sheet.cell(row=1, column=9).value == "上年结转（万元）"
    carried = sheet.cell(row=2, column=9)
    assert carried.value == pytest.approx(32) and carried.number_format == "#,##0.00"


# --------------------------------------------------------------------------
# 项目总投资: a column of the export only when a table states it


def _with_term_total(tmp_path: Path) -> Path:
    from tests.national import as_tsv
    from tests.test_annual_exceeds_term_total import _beside

    path = tmp_path / "investment.tsv"
    path.write_text(as_tsv(_beside("3,600.00", "1,200.00")), encoding="utf-8")
    return path


def test_a_term_s_total_is_exported_after_the_year_s_amounts(tmp_path: Path) -> None:
    _, out, _ = run_main("export", str(_with_term_total(tmp_path)), "--to", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    at = rows[0].index("项目总投资（万元）")
    assert rows[0][at - 1] == "其他资金（万元）" and rows[0][at + 1] == "序号"
    assert {row[at] for row in rows[1:]} == {"3600"}
    assert {row[4] for row in rows[1:]} == {"1200"}  # 总计: the year's
    _, out, _ = run_main("export", str(_with_term_total(tmp_path)), "--to", "json", "--lang", "en")
    assert json.loads(out)[0]["term_total"] == "3600"


def test_a_term_s_total_in_one_file_adds_the_column_for_all(tmp_path: Path) -> None:
    path = _with_term_total(tmp_path)
    _, out, _ = run_main("export", str(SEED_001), str(path), "--to", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    at = rows[0].index("total over the term (万元)")
    assert all(len(row) == len(COLUMNS) + 1 for row in rows)
    assert {row[at] for row in rows[1:] if row[0] == str(SEED_001)} == {""}


def test_both_optional_columns_stand_in_order(tmp_path: Path) -> None:
    path = _with_term_total(tmp_path)
    _, out, _ = run_main("export", str(_with_carryover(tmp_path)), str(path), "--to", "csv")
    header = next(csv.reader(io.StringIO(out)))
    at = header.index("其他资金（万元）")
    assert header[at + 1 : at + 4] == ["上年结转（万元）", "项目总投资（万元）", "序号"]


def test_a_term_s_total_in_the_workbook_is_an_amount(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    output = tmp_path / "out.xlsx"
    path = _with_term_total(tmp_path)
    assert run_main("export", str(path), "--to", "xlsx", "--output", str(output))[0] == 0
    sheet = openpyxl.load_workbook(output).active
    assert sheet.cell(row=1, column=9).value == "项目总投资（万元）"
    total = sheet.cell(row=2, column=9)
    assert total.value == pytest.approx(3600) and total.number_format == "#,##0.00"


def test_the_parsed_document_states_a_term_s_total_only_where_the_table_does(
    tmp_path: Path,
) -> None:
    def projects(out: str) -> list[dict[str, object]]:
        documents = json.loads(out)["documents"]
        return [p for d in documents for unit in d["units"] for p in unit["projects"]]

    _, out, _ = run_main("parse", str(_with_term_total(tmp_path)), "--format", "json")
    (project,) = projects(out)
    assert project["term_total"] == "3600"
    assert project["amounts"] == {"total": "1200", "fiscal": "1200", "special": None,
                                  "other": None}  # fmt: skip
    _, out, _ = run_main("parse", str(SEED_001), "--format", "json")
    assert projects(out) and not any("term_total" in p for p in projects(out))
