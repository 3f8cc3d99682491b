"""Tables as they arrive: workbooks, PDF files, web pages and Word documents.

The files are written into temporary directories by the generators of
``scripts/make_examples.py`` (openpyxl, reportlab, python-docx), from the
real rows of the seed tables.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.cli import main
from audit.config import load_config
from audit.engine import run
from audit.model import Clause, Document, Finding, Source
from audit.pipeline import load_bytes, load_path
from audit.readers import ReadError
from audit.readers.carriers import sniff
from audit.readers.grid import GridInput, column_letter, grid_source, grids_from_text
from scripts.make_examples import (
    AMOUNT,
    rows_from_tsv,
    write_docx,
    write_html,
    write_ods,
    write_pdf,
    write_xls,
    write_xlsx,
)
from tests.conftest import SEED_001, SEED_002

ROOT = Path(__file__).resolve().parent.parent
PANYU_TEXT = SEED_001.read_text(encoding="utf-8")
PANYU_ROWS = rows_from_tsv(PANYU_TEXT)


def key(finding: Finding) -> tuple[str, str | None, str | None, int | None, str | None]:
    return (finding.rule, finding.unit, finding.project, finding.clause, finding.field)


def findings(path: Path) -> list[Finding]:
    return run(load_path(path), load_config(None, discover=False))


def write_csv(path: Path, rows: Sequence[Sequence[str | None]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([c or "" for c in row])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def panyu_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("panyu")
    tsv = out / "panyu.txt"
    tsv.write_text(PANYU_TEXT, encoding="utf-8")
    return {
        "tsv": tsv,
        "csv": write_csv(out / "panyu.csv", PANYU_ROWS),
        "xlsx": write_xlsx(out / "panyu.xlsx", [("绩效目标表", PANYU_ROWS, ())]),
        "ods": write_ods(out / "panyu.ods", [("绩效目标表", PANYU_ROWS, ())]),
        "xls": write_xls(out / "panyu.xls", [("绩效目标表", PANYU_ROWS, ())]),
        "pdf": write_pdf(out / "panyu.pdf", PANYU_ROWS),
        "html": write_html(out / "panyu.html", PANYU_ROWS),
        "docx": write_docx(out / "panyu.docx", PANYU_ROWS),
    }


# --------------------------------------------------------------------------
# The same table in every carrier


@pytest.mark.parametrize("carrier", ["csv", "xlsx", "xls", "ods", "pdf", "html", "docx"])
def test_same_table_gives_the_same_findings_in_every_carrier(
    panyu_files: dict[str, Path], carrier: str
) -> None:
    expected = [key(f) for f in findings(panyu_files["tsv"])]
    assert len(expected) > 30
    assert sorted(key(f) for f in findings(panyu_files[carrier])) == sorted(expected)


@pytest.mark.parametrize("carrier", ["xlsx", "xls", "ods", "pdf", "html", "docx"])
def test_same_table_gives_the_same_model(panyu_files: dict[str, Path], carrier: str) -> None:
    text = load_path(panyu_files["tsv"])
    other = load_path(panyu_files[carrier])
    assert other.layout == carrier
    assert other.title == text.title
    assert other.organization == text.organization
    assert [u.title for u in other.units] == [u.title for u in text.units]
    assert [p.title for p in other.projects] == [p.title for p in text.projects]
    assert [p.amounts.value("total") for p in other.projects] == [
        p.amounts.value("total") for p in text.projects
    ]
    for mine, theirs in zip(other.projects, text.projects, strict=True):
        assert [c.text for c in mine.clauses] == [c.text for c in theirs.clauses]


@pytest.mark.parametrize(
    ("carrier", "first"),
    [
        ("xlsx", "绩效目标表!G7"),
        ("ods", "绩效目标表!G7"),
        ("xls", "绩效目标表!G7"),
        ("pdf", "第1页 表1 第4行第7列"),
        ("html", "表1 第4行第7列"),
        ("docx", "表1 第4行第7列"),
    ],
)
def test_findings_point_at_the_cell(panyu_files: dict[str, Path], carrier: str, first: str) -> None:
    found = findings(panyu_files[carrier])
    assert all(f.location for f in found)
    clause_findings = [f for f in found if f.clause is not None]
    assert clause_findings[0].location == first


def test_text_tables_have_no_cell_locations(panyu_files: dict[str, Path]) -> None:
    for carrier in ("tsv", "csv"):
        assert all(f.location is None for f in findings(panyu_files[carrier]))


def test_baseline_keys_do_not_depend_on_the_carrier(panyu_files: dict[str, Path]) -> None:
    from audit.baseline import finding_keys
    from audit.results import FileResult

    def keys(path: Path) -> list[tuple[object, ...]]:
        document = load_path(path)
        result = FileResult(str(path), document, findings=findings(path))
        return sorted(k[1:] for k in finding_keys(result))

    assert keys(panyu_files["xlsx"]) == keys(panyu_files["tsv"])


# --------------------------------------------------------------------------
# Choosing the carrier by content


def test_carrier_is_told_by_content_not_name(panyu_files: dict[str, Path], tmp_path: Path) -> None:
    for carrier in ("xlsx", "xls", "ods", "pdf", "html", "docx"):
        data = panyu_files[carrier].read_bytes()
        assert sniff(data) == carrier
        disguised = tmp_path / f"table-{carrier}.txt"
        disguised.write_bytes(data)
        assert load_path(disguised).layout == carrier
    # A web page saved as .xls ("export to Excel") is read as a web page.
    page = tmp_path / "export.xls"
    page.write_bytes(panyu_files["html"].read_bytes())
    assert load_path(page).layout == "html"


def test_text_with_markup_residue_is_still_text() -> None:
    assert sniff(PANYU_TEXT.encode()) == "text"  # its cells hold <p> residue
    assert sniff("<p>项目名称\t总计\n".encode()) == "text"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff("<table><tr><td>项目名称</td></tr></table>".encode("gb18030")) == "html"


def test_text_tables_do_not_import_the_carrier_libraries() -> None:
    code = (
        "import sys; from audit.pipeline import load_path; "
        f"load_path({str(SEED_001)!r}); "
        "print(sorted(m for m in ('python_calamine', 'pdfplumber', 'docx', 'openpyxl') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------
# Workbooks


def test_every_sheet_is_read_and_a_sheet_without_a_table_is_noted(tmp_path: Path) -> None:
    notes_rows = [["填表说明"], ["1. 金额单位为万元。"], ["2. 绩效指标按三级填写。"]]
    path = write_xlsx(
        tmp_path / "book.xlsx", [("说明", notes_rows, ()), ("绩效目标表", PANYU_ROWS, ())]
    )
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert len(document.projects) == 12
    assert notes == ["说明: skipped, not a performance-target table (no header row)"]
    # Near miss: the table sheet alone gives no note.
    alone = write_xlsx(tmp_path / "alone.xlsx", [("绩效目标表", PANYU_ROWS, ())])
    quiet: list[str] = []
    load_path(alone, quiet.append)
    assert quiet == []


def test_two_table_sheets_are_one_document(tmp_path: Path) -> None:
    header_at = next(i for i, r in enumerate(PANYU_ROWS) if (r[0] or "").startswith("项目名称"))
    first = PANYU_ROWS[: header_at + 6]
    second = [PANYU_ROWS[header_at], *PANYU_ROWS[header_at + 6 :]]
    path = write_xlsx(tmp_path / "split.xlsx", [("一", first, ()), ("二", second, ())])
    document = load_path(path)
    whole = load_path(SEED_001)
    assert [p.title for p in document.projects] == [p.title for p in whole.projects]
    locations = {f.location.split("!")[0] for f in findings(path) if f.location}
    assert locations == {"一", "二"}


def indicator_rows(split: bool) -> list[list[str | None]]:
    """A project whose clauses 1–2 are on one sheet row and clause 3 on the
    next; with ``split`` the name and amounts are merged down both rows."""
    clauses_1_2 = (
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥300人；年度指标值:≥300人。"
        "2、1-产出指标；12-质量指标；培训合格率；实施周期指标值:≥95%；年度指标值:≥95%。"
    )
    clause_3 = (
        "3、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值:≥90%；年度指标值:80%。"
    )
    header = [
        "项目名称（资金使用单位）",
        "总计",
        "财政拨款",
        "财政专户拨款",
        "其他资金",
        "绩效目标",
        "绩效指标",
    ]
    first = ["技能培训经费", "50.00", "50.00", None, None, "开展技能培训。", clauses_1_2]
    second: list[str | None] = [None, None, None, None, None, None, clause_3]
    return [["广州市测试中心2024年项目支出绩效目标表"], header, first, second]


MERGED_DOWN = [(2, c, 3, c) for c in range(6)]  # name, amounts and goal over two rows


@pytest.mark.parametrize("carrier", ["xlsx", "xls", "ods", "html", "docx", "pdf"])
def test_a_row_merged_down_keeps_its_continuation(tmp_path: Path, carrier: str) -> None:
    rows = indicator_rows(split=True)
    write = {
        "xlsx": lambda p: write_xlsx(p, [("Sheet1", rows, MERGED_DOWN)]),
        "ods": lambda p: write_ods(p, [("Sheet1", rows, MERGED_DOWN)]),
        "xls": lambda p: write_xls(p, [("Sheet1", rows, MERGED_DOWN)]),
        "html": lambda p: write_html(p, rows, MERGED_DOWN),
        "docx": lambda p: write_docx(p, rows, MERGED_DOWN),
        "pdf": lambda p: write_pdf(p, rows, MERGED_DOWN),
    }[carrier]
    document = load_path(write(tmp_path / f"merged.{carrier}"))
    (project,) = document.projects
    assert project.amounts.value("total") == 50
    assert [c.number for c in project.clauses] == [1, 2, 3]
    mismatch = [f for f in findings(tmp_path / f"merged.{carrier}") if f.clause == 3]
    assert any(f.rule == "annual-period-mismatch" for f in mismatch)
    if carrier in ("xlsx", "xls", "ods"):
        assert {f.location for f in mismatch} == {"Sheet1!G4"}


def test_without_the_merge_a_nameless_row_continues_the_project_above(tmp_path: Path) -> None:
    """A row with no name is no project of its own: its text follows the
    name row above it, as everywhere in the table."""
    rows = indicator_rows(split=True)
    document = load_path(write_xlsx(tmp_path / "plain.xlsx", [("Sheet1", rows, ())]))
    (project,) = document.projects
    assert [c.number for c in project.clauses] == [1, 2, 3]
    assert document.orphans == ()


@pytest.mark.parametrize("carrier", ["xlsx", "html", "docx", "pdf"])
def test_a_nameless_row_with_amounts_of_its_own_is_a_project_of_its_own(
    tmp_path: Path, carrier: str
) -> None:
    """A row whose name was deleted but that states its own amounts, goal
    and clauses is no rest of the row above: it is read as a project whose
    name is blank, its clauses its own, and the blank name is reported."""
    rows = indicator_rows(split=False)
    second = rows[3]
    rows[3] = [None, "20.00", "20.00", None, None, "开展创业培训。", "1" + second[6][1:]]
    rows[2] = [*rows[2][:1], "30.00", "30.00", *rows[2][3:]]
    write = {
        "xlsx": lambda p: write_xlsx(p, [("Sheet1", rows, ())]),
        "html": lambda p: write_html(p, rows),
        "docx": lambda p: write_docx(p, rows),
        "pdf": lambda p: write_pdf(p, rows),
    }[carrier]
    path = write(tmp_path / f"nameless.{carrier}")
    document = load_path(path)
    assert [(p.title, p.amounts.value("total"), len(p.clauses)) for p in document.projects] == [
        ("技能培训经费", 30, 2),
        ("", 20, 1),
    ]
    found = findings(path)
    blank = [f for f in found if f.rule == "amount-format"]
    assert [(f.project, f.field, f.severity) for f in blank] == [("", "name", "error")]
    assert not [f for f in found if f.rule == "clause-numbering"]


def test_a_merged_title_and_a_table_starting_at_c3(tmp_path: Path) -> None:
    from openpyxl import Workbook

    rows = [r for r in PANYU_ROWS]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "表"
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=3):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=9)
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    document = load_path(path)
    assert document.title is not None and "绩效目标表" in document.title
    first = next(f for f in findings(path) if f.clause is not None)
    assert first.location == "表!I9"  # G7 moved two columns right and two rows down


def test_numeric_amounts_read_as_a_sheet_shows_them(tmp_path: Path) -> None:
    rows = [
        [
            "项目名称（资金使用单位）",
            "总计",
            "财政拨款",
            "财政专户拨款",
            "其他资金",
            "绩效目标",
            "绩效指标",
        ],
        ["广州市测试中心", "13.60", "13.60"],
        [
            "办公经费",
            "3.60",
            "3.60",
            None,
            None,
            "保障运转。",
            "1、1-产出指标；11-数量指标；采购台数；实施周期指标值:10台；年度指标值:10台。",
        ],
        [
            "设备经费",
            "10.00",
            "10.00",
            None,
            None,
            "保障运转。",
            "1、1-产出指标；11-数量指标；采购台数；实施周期指标值:10台；年度指标值:10台。",
        ],
        [
            "培训经费",
            "3.456",
            "3.456",
            None,
            None,
            "保障运转。",
            "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:10人；年度指标值:10人。",
        ],
    ]
    path = write_xlsx(tmp_path / "amounts.xlsx", [("Sheet1", rows, ())])
    texts = [p.amounts.total.text.value for p in load_path(path).projects if p.amounts.total]
    assert texts == ["3.60", "10.00", "3.46"]  # 3.456 formatted #,##0.00 shows 3.46
    assert not [f for f in findings(path) if f.rule == "amount-format"]
    plain = tmp_path / "general.xlsx"  # the same number shown as stored (General)
    write_xlsx(plain, [("Sheet1", rows, ())])
    from openpyxl import load_workbook

    book = load_workbook(plain)
    sheet = book.active
    assert sheet is not None
    for cell in ("B5", "C5"):
        sheet[cell].number_format = "General"
    book.save(plain)
    format_findings = [f for f in findings(plain) if f.rule == "amount-format"]
    assert [f.project for f in format_findings] == ["培训经费", "培训经费"]


# --------------------------------------------------------------------------
# PDF


SEED_002_ROWS = rows_from_tsv(SEED_002.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 40 rows of the 258-project table: several pages."""
    header_at = next(i for i, r in enumerate(SEED_002_ROWS) if (r[0] or "").startswith("项目名称"))
    rows = SEED_002_ROWS[: header_at + 41]
    return write_pdf(tmp_path_factory.mktemp("pdf") / "hrss.pdf", rows)


def test_pdf_table_continues_across_page_breaks(long_pdf: Path, tmp_path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(long_pdf) as pdf:
        assert len(pdf.pages) >= 3
    header_at = next(i for i, r in enumerate(SEED_002_ROWS) if (r[0] or "").startswith("项目名称"))
    tsv = tmp_path / "hrss.txt"
    tsv.write_text(
        "\n".join("\t".join(c or "" for c in r) for r in SEED_002_ROWS[: header_at + 41]),
        encoding="utf-8",
    )
    text, pdf_document = load_path(tsv), load_path(long_pdf)
    assert [p.title for p in pdf_document.projects] == [p.title for p in text.projects]
    assert [u.title for u in pdf_document.units] == [u.title for u in text.units]
    # The header repeated on every page is no row; rows name their own page.
    pages = {f.location.split(" ")[0] for f in findings(long_pdf) if f.location}
    assert len(pages) >= 3
    assert sorted(key(f) for f in findings(long_pdf)) == sorted(key(f) for f in findings(tsv))


def test_pdf_wrapped_cells_come_whole(long_pdf: Path) -> None:
    from audit.readers.pdftables import load

    loaded = load(long_pdf.read_bytes(), str(long_pdf))
    (grid,) = loaded.grids
    assert grid.values(0)[3] == "财政专户拨款"  # wrapped in its narrow column
    text = load_path(SEED_002)
    pdf = load_path(long_pdf)
    wrapped = [p for p in pdf.projects if p.indicators and len(p.indicators.value) > 300]
    assert wrapped
    by_name = {p.title: p for p in text.projects}
    for project in wrapped:
        assert project.indicators.value == by_name[project.title].indicators.value


def test_pdf_row_cut_by_a_page_break_is_joined(tmp_path: Path) -> None:
    from audit.readers.pdftables import _join, _Part

    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    first = _Part(1, 1, [header, ["甲", "1.00", "目标", "1、1-产出指标；"]], [])
    second = _Part(
        2, 1, [header, [None, None, "继续", "11-数量指标；"], ["乙", "2.00", "", ""]], []
    )
    (grid,) = _join([first, second])
    assert grid.cells == [
        header,
        ["甲", "1.00", "目标继续", "1、1-产出指标；11-数量指标；"],
        ["乙", "2.00", "", ""],
    ]
    assert grid.row_labels == ["第1页 表1 第1行", "第1页 表1 第2行", "第2页 表1 第3行"]
    assert grid.name == "第1-2页 表1"
    # Near miss: a next-page first row with its own name is a row of its own.
    third = _Part(2, 1, [header, ["丙", "3.00", "目标", ""]], [])
    (grid,) = _join([first, third])
    assert len(grid.cells) == 3


def test_pdf_without_ruled_table_is_read_from_its_words(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "unruled.pdf", PANYU_ROWS, ruled=False)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert document.layout == "pdf"
    assert document.projects
    assert notes == ["page 1, 2, 3, 4: no ruled table; the table is read from its words' places"]
    # Findings name the page, the row and the column (tests/test_pdf_unruled.py
    # compares the reading with the ruled PDF's).
    found = run(document, load_config(None, discover=False))
    assert found
    assert all(re.fullmatch(r"第[1-4]页 表1 第\d+行第\d列", f.location or "") for f in found)


# --------------------------------------------------------------------------
# Web pages and Word documents


def test_html_colspan_rowspan_and_markup() -> None:
    page = (
        "<html><body><h1>广州市测试中心2024年项目支出绩效目标表</h1><p>单位：万元</p>"
        "<table><tr><th>项目名称（资金使用单位）<th>总计<th>财政拨款<th>财政专户拨款<th>其他资金"
        "<th>绩效目标<th>绩效指标"
        "<tr><td rowspan=2>技能培训经费<td rowspan=2>50.00<td rowspan=2>50.00<td><td>"
        "<td rowspan=2>开展&nbsp;技能<br>培训。<td>1、1-产出指标；11-数量指标；培训人数；"
        "实施周期指标值:≥300人；年度指标值:≥300人。"
        "<tr><td colspan=2><td>2、1-产出指标；12-质量指标；合格率；实施周期指标值:≥95%；"
        "年度指标值:90%。</table></body></html>"
    )
    document = load_bytes(page.encode(), "page.html")
    assert document.title == "广州市测试中心2024年项目支出绩效目标表"
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == "开展\xa0技能\n培训。"
    assert [c.number for c in project.clauses] == [1, 2]


_HEAD = (
    "<tr><th>项目名称（资金使用单位）<th>总计<th>财政拨款<th>财政专户拨款<th>其他资金"
    "<th>绩效目标<th>绩效指标"
)


def test_a_table_carried_over_into_the_next_continues_its_last_project() -> None:
    """A table split at a page break (or a 续表 under its repeated header):
    the rows without a name at the top of the second table are the rest of
    the first table's last project, not text before any project."""
    page = (
        "<html><body><h1>广州市测试中心2024年项目支出绩效目标表</h1><p>单位：万元</p>"
        f"<table>{_HEAD}"
        "<tr><td>技能培训经费<td>50.00<td>50.00<td><td><td>开展技能培训，提升就业能力。"
        "<td>1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥300人；年度指标值:≥300人。"
        "</table><p>续表</p>"
        f"<table>{_HEAD}"
        "<tr><td><td><td><td><td><td><td>2、2-效益指标；22-社会效益；就业率；"
        "实施周期指标值:待定；年度指标值:≥80%。"
        "<tr><td>职业指导经费<td>20.00<td>20.00<td><td><td>开展职业指导服务。"
        "<td>1、1-产出指标；11-数量指标；指导人次；实施周期指标值:≥500人次；年度指标值:≥500人次。"
        "</table></body></html>"
    )
    document = load_bytes(page.encode(), "page.html")
    first, second = document.projects
    assert [c.number for c in first.clauses] == [1, 2]
    assert [c.number for c in second.clauses] == [1]
    assert not document.orphans
    findings = run(document, load_config(None, discover=False))
    assert ("placeholder", "技能培训经费") in {(f.rule, f.project) for f in findings}
    assert "orphan-text" not in {f.rule for f in findings}


def test_text_above_the_first_project_of_a_page_is_still_an_orphan() -> None:
    page = (
        f"<html><body><table>{_HEAD}"
        "<tr><td><td><td><td><td><td><td>2、2-效益指标；22-社会效益；就业率；"
        "实施周期指标值:≥80%；年度指标值:≥80%。"
        "<tr><td>职业指导经费<td>20.00<td>20.00<td><td><td>开展职业指导服务。"
        "<td>1、1-产出指标；11-数量指标；指导人次；实施周期指标值:≥500人次；年度指标值:≥500人次。"
        "</table></body></html>"
    )
    document = load_bytes(page.encode(), "page.html")
    assert len(document.projects) == 1 and document.orphans


def test_html_nested_and_several_tables() -> None:
    from audit.readers.htmltables import tables

    found = tables(
        "<table><tr><td>外<table><tr><td>内1<td>内2</table></td><td>右</tr></table>"
        "<table><tr><td>二</table>"
    )
    assert [(t.name, t.cells) for t in found] == [
        ("表1", [["外", "右"]]),
        ("表2", [["内1", "内2"]]),
        ("表3", [["二"]]),
    ]


def test_html_and_docx_tables_that_are_not_the_table_are_noted(tmp_path: Path) -> None:
    page = write_html(tmp_path / "p.html", PANYU_ROWS).read_text(encoding="utf-8")
    page = page.replace("<body>", "<body><table><tr><td>首页</td><td>信息公开</td></tr></table>")
    notes: list[str] = []
    document = load_bytes(page.encode(), "p.html", notes.append)
    assert len(document.projects) == 12
    assert notes == ["表1: skipped, not a performance-target table (no header row)"]


# --------------------------------------------------------------------------
# Bad input


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("bad")
    good = write_xlsx(out / "good.xlsx", [("Sheet1", PANYU_ROWS, ())])
    data = good.read_bytes()
    corrupt = out / "corrupt.xlsx"
    corrupt.write_bytes(data[: len(data) // 2])
    broken_member = out / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken_member, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 3]
            target.writestr(item, content)
    archive = out / "archive.xlsx"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("readme.txt", "不是工作簿")
    protected = write_xlsx(out / "protected.xlsx", [("Sheet1", PANYU_ROWS, ())], password="1234")
    scanned = out / "scanned.pdf"
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(scanned))
    drawing.rect(50, 50, 400, 600, fill=1)  # a page image, no text
    drawing.showPage()
    drawing.save()
    no_table = out / "page.html"
    no_table.write_text("<html><body><p>项目支出绩效目标表</p><p>暂无数据</p></body></html>")
    return {
        "corrupt": corrupt,
        "broken": broken_member,
        "archive": archive,
        "protected": protected,
        "scanned": scanned,
        "no_table": no_table,
        "good": good,
    }


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("corrupt", "corrupt workbook or document (not a readable zip archive"),
        ("broken", "corrupt workbook:"),
        ("archive", "a zip archive that is not a workbook"),
        ("protected", "password-protected workbook"),
        ("scanned", "a scanned PDF (no text layer)"),
        ("no_table", "a web page without a table"),
    ],
)
def test_bad_input_gets_a_clear_reason(bad_files: dict[str, Path], name: str, reason: str) -> None:
    with pytest.raises(ReadError) as error:
        load_path(bad_files[name])
    assert str(error.value).startswith(reason)
    assert "\n" not in str(error.value)


def test_bad_files_exit_2_and_the_others_are_still_linted(
    bad_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["corrupt", "archive", "protected", "scanned", "no_table", "good"]
    status = main(["lint", "--no-config", "--format", "text", *(str(bad_files[n]) for n in names)])
    assert status == 2
    captured = capsys.readouterr()
    for name in names[:-1]:  # once, in the report
        assert f"{bad_files[name]}:0:0: error [read-error]" in captured.out
    assert "Traceback" not in captured.err
    assert f"{bad_files['good']}:Sheet1!G7 第1条: warning [value-restates-name]" in captured.out


def test_directories_are_walked_for_the_new_formats(
    panyu_files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for carrier, path in panyu_files.items():
        (tmp_path / f"t-{carrier}{path.suffix}").write_bytes(path.read_bytes())
    (tmp_path / "notes.md").write_text("not a table")
    main(["lint", "--no-config", "--format", "json", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    paths = sorted(Path(f["path"]).name for f in report["files"])
    assert paths == sorted(f"t-{c}{p.suffix}" for c, p in panyu_files.items())


# --------------------------------------------------------------------------
# Locations in every report format


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        # the cell, and the clause in a cell of several
        ("text", ":Sheet1!G7 第1条: warning [value-restates-name]"),
        ("github", "::Sheet1!G7 第1条: "),
        ("junit", ":Sheet1!G7 第1条: warning [value-restates-name]"),
        ("html", ":Sheet1!G7 第1条</span>"),
        ("text", ":Sheet1!F7: warning [markup-residue]"),  # the goal's cell: no clause
    ],
)
def test_reports_name_the_cell(
    bad_files: dict[str, Path], fmt: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["lint", "--no-config", "--format", fmt, str(bad_files["good"])])
    out = capsys.readouterr().out
    assert expected in out
    if fmt == "github":
        line = next(line for line in out.splitlines() if "Sheet1!G7" in line)
        assert "line=" not in line


def test_a_national_row_is_named_by_its_cell_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """Near miss: a row of the national template holds one indicator; its
    cell says which, and JSON keeps the cell as the location in any layout."""
    example = Path(__file__).parent.parent / "examples" / "national-form.xlsx"
    main(["lint", "--no-config", "--format", "text", str(example)])
    lines = capsys.readouterr().out.splitlines()
    assert lines and not [line for line in lines if re.search(r"![A-Z]+\d+ 第\d+条: ", line)]
    assert any(":绩效目标表!E12: error [placeholder]" in line for line in lines)


def test_json_and_sarif_name_the_cell(
    bad_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["lint", "--no-config", "--format", "json", str(bad_files["good"])])
    report = json.loads(capsys.readouterr().out)
    first = report["findings"][0]
    assert first["location"].startswith("Sheet1!")
    assert first["line"] is None and first["column"] is None
    assert report["projects"][0]["location"] == "Sheet1!A7"  # the project's name cell
    main(["lint", "--no-config", "--format", "sarif", str(bad_files["good"])])
    log = json.loads(capsys.readouterr().out)
    result = log["runs"][0]["results"][0]
    location = result["locations"][0]
    assert "region" not in location["physicalLocation"]
    assert location["logicalLocations"][0]["fullyQualifiedName"] == location["properties"]["cell"]
    assert location["properties"]["cell"].startswith("Sheet1!")


def test_rich_report_shows_the_cell_text_without_line_numbers(bad_files: dict[str, Path]) -> None:
    from rich.console import Console

    from audit.lint import lint_paths
    from audit.reports.rich_report import render

    config = load_config(None, discover=False)
    config.select = {"value-restates-name"}
    result = lint_paths([str(bad_files["good"])], config, load_path)
    console = Console(file=io.StringIO(), width=120, color_system=None)
    render(result, console.file, config=config, console=console)
    out = console.file.getvalue()
    assert ":Sheet1!G7" in out
    excerpt_lines = [line for line in out.splitlines() if "│" in line]
    assert excerpt_lines
    # The cell's text, not a line of the file: no line number before the bar.
    assert all(line.split("│")[0].strip() == "" for line in excerpt_lines)
    assert any("实施周期指标值" in line for line in excerpt_lines)


# --------------------------------------------------------------------------
# Grids


def test_grid_source_locations_and_merges() -> None:
    source, (sheet, other) = grid_source(
        "b.xlsx",
        "sheet",
        [
            GridInput(
                "表",
                [["标题", None, None], ["a", "b", None], [None, None, "z"]],
                merges=[(0, 0, 0, 2), (1, 1, 2, 1)],
                origin=(2, 1),
            ),
            ("Sheet2", [["x"]]),
        ],
    )
    assert sheet.values(0) == ["标题", "标题", "标题"]
    assert sheet.values(2) == ["", "b", "z"]
    assert sheet.merged == {(0, 1), (0, 2), (2, 1)}
    assert sheet.rows[0][2].span().location == "表!B3"  # a merged cell points at its top-left
    assert sheet.rows[2][2].span().location == "表!D5"
    assert sheet.location(2, 2) == "表!D5"
    assert other.rows[0][0].span().location == "Sheet2!A1"
    assert source.location(0) == "表!B3"
    a_cell = source.text.index("a\n")
    assert source.span(a_cell, a_cell + 1).location == "表!B4"
    assert source.span(0, 2).sub(1, 2).location == "表!B3"  # markup spans keep the cell
    # Each cell is a line of its own, so an excerpt shows the cell.
    assert source.text.split("\n")[:3] == ["标题", "a", "b"]


def test_plain_text_has_no_locations() -> None:
    source = Source("t.txt", "a\tb\n")
    assert source.location(0) is None
    assert source.span(0, 1).location is None
    (grid,) = grids_from_text(source)
    assert grid.rows[0][1].span().location is None
    assert grid.location(0, 1) == "line 1, column 2"


def test_grids_from_text_map_cells_into_the_file() -> None:
    text = 'title\n\na,"b,""c""",d\n"x\ny",,z\n'
    source = Source("t.csv", text)
    (grid,) = grids_from_text(source, ",")
    assert [grid.values(i) for i in range(3)] == [
        ["title", "", ""],
        ["a", 'b,"c"', "d"],
        ["x\ny", "", "z"],
    ]
    assert grid.lines == [1, 3, 4]
    cell = grid.rows[1][1]
    assert (
        text[cell.origin(0)] == "b" and text[cell.origin(2)] == '"' and text[cell.origin(3)] == "c"
    )
    tsv = Source("t.tsv", "h\n甲\t乙\t丙\n")
    (grid,) = grids_from_text(tsv)
    assert [c.span().column for c in grid.rows[1]] == [1, 3, 5]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "ZZ",
        "AAA",
    ]


CELL_TEXT = st.text(
    alphabet=st.sampled_from(list("项目名称绩效指标年度≥≤%<>&\"'；：,.-0123456789abcXYZ（）")),
    min_size=1,
    max_size=30,
).filter(lambda s: not s.startswith("=") and not AMOUNT.fullmatch(s))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.one_of(st.none(), CELL_TEXT), min_size=3, max_size=3), min_size=1, max_size=6
    )
)
def test_cell_text_round_trips_through_xlsx_html_and_docx(rows: list[list[str | None]]) -> None:
    import tempfile

    from audit.readers import docxtables, htmltables, workbook

    expected = [[c or "" for c in row] for row in rows]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        xlsx = write_xlsx(out / "r.xlsx", [("S", rows, ())])
        loaded = workbook.load(xlsx.read_bytes(), "r.xlsx")
        grid = loaded.grids[0]
        start_row, start_col = grid.origin
        padded = [["" for _ in range(3)] for _ in rows]
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row):
                padded[start_row + r][start_col + c] = cell.value
        assert padded == expected
        for module, path in (
            (htmltables, write_html(out / "r.html", [["项目名称", "x", "y"], *rows])),
            (docxtables, write_docx(out / "r.docx", [["项目名称", "x", "y"], *rows])),
        ):
            (grid,) = module.load(path.read_bytes(), path.name).grids
            assert [grid.values(r) for r in range(1, len(grid.rows))] == expected
            for row in grid.rows[1:]:
                for cell in row:  # every cell's text stands in the source where it points
                    start = cell.origin(0)
                    assert cell.source.text[start : start + len(cell.value)] == cell.value


def test_clauses_from_a_workbook_are_parsed(panyu_files: dict[str, Path]) -> None:
    document: Document = load_path(panyu_files["xlsx"])
    clauses = [c for p in document.projects for c in p.clauses]
    assert len(clauses) == len([c for p in load_path(SEED_001).projects for c in p.clauses])
    assert all(isinstance(c, Clause) for c in clauses)


def test_organisation_and_unit_of_measure_on_one_row(tmp_path: Path) -> None:
    rows = indicator_rows(split=False)
    rows.insert(1, ["单位名称：广州市测试中心", None, None, None, None, None, "单位：万元"])
    document = load_path(write_xlsx(tmp_path / "heading.xlsx", [("Sheet1", rows, ())]))
    assert document.organization == "广州市测试中心"
    assert [p.title for p in document.projects] == ["技能培训经费"]
    # Near miss: a row of two cells below the header is a row, not a heading.
    rows.append(["单位名称：别的单位", "1.00"])
    document = load_path(write_xlsx(tmp_path / "below.xlsx", [("Sheet1", rows, ())]))
    assert document.organization == "广州市测试中心"
    assert document.projects[-1].title == "单位名称：别的单位"


def test_pdf_text_after_the_table_is_noted_not_read(tmp_path: Path) -> None:
    after = ["填报说明：", "1. 绩效指标按三级填写。", "2. 金额单位为万元。"]
    path = write_pdf(tmp_path / "notes.pdf", PANYU_ROWS, after=after)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert document.layout == "pdf"
    assert len(document.projects) == 12
    assert notes == ["page 5: text after the table without ruling, not read"]
    # Near miss: the table alone gives no note.
    quiet: list[str] = []
    load_path(write_pdf(tmp_path / "plain.pdf", PANYU_ROWS), quiet.append)
    assert quiet == []


def test_gb18030_web_page(tmp_path: Path) -> None:
    path = write_html(tmp_path / "gbk.html", PANYU_ROWS, encoding="gb18030")
    path.write_bytes(path.read_bytes().replace(b'charset="utf-8"', b'charset="gbk"'))
    document = load_path(path)
    assert document.source.encoding == "gb18030"
    assert [p.title for p in document.projects] == [p.title for p in load_path(SEED_001).projects]


def test_parse_json_gives_the_cells_of_units_and_projects(
    panyu_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["parse", "--format", "json", str(panyu_files["xlsx"]), str(panyu_files["tsv"])])
    workbook, text = json.loads(capsys.readouterr().out)["documents"]
    unit = workbook["units"][0]
    assert unit["location"] == "绩效目标表!A6"
    assert unit["projects"][0]["location"] == "绩效目标表!A7"
    assert "location" not in text["units"][0]  # a text file: its lines say where


def test_a_workbook_on_standard_input(
    panyu_files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Stdin:
        buffer = io.BytesIO(panyu_files["xlsx"].read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    main(["lint", "--no-config", "--format", "text", "-"])
    out = capsys.readouterr().out
    assert "<stdin>:绩效目标表!G7 第1条: warning [value-restates-name]" in out


def test_a_unit_name_merged_across_the_row_is_no_amount(tmp_path: Path) -> None:
    rows = indicator_rows(split=False)[:3]
    rows.insert(2, ["广州市测试中心", None, None, None, None, None, None])
    merged = write_xlsx(tmp_path / "across.xlsx", [("Sheet1", rows, [(2, 0, 2, 6)])])
    document = load_path(merged)
    (unit,) = document.units
    assert unit.title == "广州市测试中心"
    assert not unit.amounts  # the merged name is not read as its 总计
    assert [p.title for p in unit.projects] == ["技能培训经费"]
    assert not [f for f in findings(merged) if f.rule == "amount-format"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    carrier=st.sampled_from(["xlsx", "ods", "docx", "pdf", "html"]),
    edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=12),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_damaged_files_read_or_fail_with_one_clear_line(
    panyu_files: dict[str, Path],
    carrier: str,
    edits: list[tuple[float, int]],
    cut: float | None,
) -> None:
    data = bytearray(panyu_files[carrier].read_bytes())
    for where, value in edits:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    try:
        document = load_bytes(bytes(data), f"damaged.{carrier}")
    except ReadError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert document.units or document.total is not None


@pytest.mark.parametrize("share", [0.3, 0.6, 0.9])
def test_a_web_page_cut_short_inside_its_table_is_refused(tmp_path: Path, share: float) -> None:
    """A download cut short would read as sums that do not add up."""
    whole = write_html(tmp_path / "whole.html", PANYU_ROWS).read_bytes()
    start = whole.index(b"<table")
    cut = whole[: start + int((len(whole) - start) * share)]
    path = tmp_path / "cut.html"
    path.write_bytes(cut)
    with pytest.raises(ReadError, match="ends inside a table"):
        load_path(path)


@pytest.mark.parametrize(
    "page",
    [
        # a page without its own end, its table closed
        "<table><tr><td>项目名称（资金使用单位）</td></tr></table>",
        # a script's string opening a table, the page ended
        "<html><body><script>var t='<table>';</script>{table}</body></html>",
    ],
)
def test_near_miss_a_page_whose_tables_end_is_read(tmp_path: Path, page: str) -> None:
    whole = write_html(tmp_path / "whole.html", PANYU_ROWS).read_text(encoding="utf-8")
    table = whole[whole.index("<table") : whole.rindex("</table>") + len("</table>")]
    path = tmp_path / "page.html"
    path.write_text(page.replace("{table}", table), encoding="utf-8")
    try:
        load_path(path)
    except ReadError as problem:
        assert "ends inside a table" not in str(problem)
