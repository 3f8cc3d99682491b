"""The unit of each table in a file that holds several: a ``单位名称：…``
heading above each table (Word, web page, a sheet per unit) and national forms
of several departments. The unit must be the same in ``parse``, ``export``,
the findings and the ``--split-by unit`` pages.

The Guangzhou projects are rows of the seed table ``002_hrss_2024.txt``; the
files are written by the writers of ``scripts/make_examples.py``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.cli import main
from audit.config import load_config
from audit.engine import run
from audit.export import export_rows
from audit.model import Document
from audit.pipeline import load_bytes, load_path
from scripts.make_examples import (
    write_docx_tables,
    write_html_tables,
    write_pdf,
    write_xlsx,
)
from tests.conftest import MARKET, MARKET_PROJECTS, SEED_002_HEADER, seed_row
from tests.national import FORM, FORM_MERGES, OWN_GOALS

HEADER = SEED_002_HEADER

PENSION = "广州市社会保险基金管理中心"
PENSION_PROJECTS = [seed_row(208), seed_row(209)]  # 社会化管理退休人员费用, 市社保中心专项工作经费
TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表"


def with_placeholder(row: list[str | None]) -> list[str | None]:
    """The row with 待定 written for its first 实施周期指标值 (a defect the
    ``placeholder`` rule reports on that project)."""
    cells = list(row)
    indicators = cells[6] or ""
    start = indicators.index("实施周期指标值:") + len("实施周期指标值:")
    end = indicators.index("；", start)
    cells[6] = indicators[:start] + "待定" + indicators[end:]
    return cells


def block(
    projects: Sequence[list[str | None]], *headings: str, header: bool = True
) -> list[list[str | None]]:
    """One table: its heading lines (one cell each), the header, its rows."""
    return [[line] for line in headings] + ([HEADER] if header else []) + list(projects)


Writer = Callable[[Path, Sequence[list[list[str | None]]]], Path]


def _docx(path: Path, tables: Sequence[list[list[str | None]]]) -> Path:
    return write_docx_tables(path.with_suffix(".docx"), [(rows, ()) for rows in tables])


def _html(path: Path, tables: Sequence[list[list[str | None]]]) -> Path:
    return write_html_tables(path.with_suffix(".html"), [(rows, ()) for rows in tables])


def _sheets(path: Path, tables: Sequence[list[list[str | None]]]) -> Path:
    """One sheet per table, its heading lines at the top of the sheet."""
    sheets = [(f"表{n}", rows, ()) for n, rows in enumerate(tables, start=1)]
    return write_xlsx(path.with_suffix(".xlsx"), sheets)


def _pdf(path: Path, tables: Sequence[list[list[str | None]]]) -> Path:
    """A ruled PDF, each table from a new page under its own headings."""
    first, *more = tables
    return write_pdf(path.with_suffix(".pdf"), first, more=[(rows, ()) for rows in more])


def _tsv(path: Path, tables: Sequence[list[list[str | None]]]) -> Path:
    """The tables one after the other, as a page copied into a text file."""
    lines = ["\t".join(cell or "" for cell in row) for rows in tables for row in rows]
    path = path.with_suffix(".tsv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _csv(path: Path, tables: Sequence[list[list[str | None]]]) -> Path:
    path = path.with_suffix(".csv")
    with open(path, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([cell or "" for cell in row] for rows in tables for row in rows)
    return path


WRITERS: dict[str, Writer] = {
    "docx": _docx,
    "html": _html,
    "pdf": _pdf,
    "xlsx": _sheets,
    "tsv": _tsv,
    "csv": _csv,
}


def units_of(document: Document) -> list[tuple[str, list[str]]]:
    return [(u.title, [p.title for p in u.projects]) for u in document.units]


def unit_names(path: Path) -> dict[str, set[str | None]]:
    """Each project's unit as every output gives it: the model (parse), the
    export, the findings of ``lint --format json``."""
    document = load_path(path)
    names: dict[str, set[str | None]] = {}
    for unit in document.units:
        for project in unit.projects:
            names.setdefault(project.title, set()).add(unit.own_name or document.organization)
    for row in export_rows([document]):
        names.setdefault(str(row["project"]), set()).add(row["unit"])  # type: ignore[arg-type]
    for finding in run(document, load_config(None, discover=False)):
        if finding.project is not None:
            names.setdefault(finding.project, set()).add(finding.unit or document.organization)
    return names


# --------------------------------------------------------------------------
# A 单位名称 heading above each table


@pytest.mark.parametrize("carrier", sorted(WRITERS))
def test_each_table_is_filed_under_the_heading_above_it(tmp_path: Path, carrier: str) -> None:
    path = WRITERS[carrier](
        tmp_path / "two",
        [
            block(MARKET_PROJECTS, TITLE, f"单位名称：{MARKET}", "单位：万元"),
            block(
                [with_placeholder(PENSION_PROJECTS[0]), PENSION_PROJECTS[1]],
                TITLE,
                f"单位名称：{PENSION}",
                "单位：万元",
            ),
        ],
    )
    document = load_path(path)
    assert units_of(document) == [
        (MARKET, ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"]),
        (PENSION, ["社会化管理退休人员费用", "市社保中心专项工作经费"]),
    ]
    # No subtotal row: the units have no amounts to check, but their names are theirs.
    assert all(u.implicit and u.own_name == u.title for u in document.units)
    findings = run(document, load_config(None, discover=False))
    placeholders = [f for f in findings if f.rule == "placeholder"]
    assert [(f.unit, f.project) for f in placeholders] == [(PENSION, "社会化管理退休人员费用")]
    assert not {f.rule for f in findings} & {"subtotal-mismatch", "total-mismatch"}
    names = unit_names(path)
    assert names["市场中心业务用房物业管理费"] == {MARKET}
    assert names["社会化管理退休人员费用"] == {PENSION}


def test_each_heading_unit_gets_its_own_page(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "pages",
        [
            block(MARKET_PROJECTS, TITLE, f"单位名称：{MARKET}", "单位：万元"),
            block([with_placeholder(PENSION_PROJECTS[0])], TITLE, f"单位名称：{PENSION}"),
        ],
    )
    out = tmp_path / "out"
    main(["lint", str(path), "--split-by", "unit", "--output", str(out), "--fail-on", "never"])
    pages = sorted(p.name for p in out.iterdir())
    assert pages == [f"01-{MARKET}.html", f"02-{PENSION}.html", "index.html"]
    market = (out / pages[0]).read_text(encoding="utf-8")
    pension = (out / pages[1]).read_text(encoding="utf-8")
    assert "待定" not in market and "社会化管理退休人员费用" not in market
    assert "1 个单位，2 个项目" in market
    assert "待定" in pension and "1 个单位，1 个项目" in pension


@pytest.mark.parametrize("carrier", sorted(WRITERS))
def test_one_heading_over_several_tables_is_one_unit(tmp_path: Path, carrier: str) -> None:
    """One title block, the table split in two (no heading above the second):
    the file's one unit, as before, which findings do not name."""
    path = WRITERS[carrier](
        tmp_path / "one",
        [
            block(MARKET_PROJECTS[:1], TITLE, f"单位名称：{MARKET}", "单位：万元"),
            block([with_placeholder(MARKET_PROJECTS[1])]),
        ],
    )
    document = load_path(path)
    assert units_of(document) == [
        (MARKET, ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"])
    ]
    (unit,) = document.units
    assert unit.own_name is None and document.organization == MARKET
    findings = run(document, load_config(None, discover=False))
    assert {(f.rule, f.unit) for f in findings if f.rule == "placeholder"} == {
        ("placeholder", None)
    }


@pytest.mark.parametrize("carrier", sorted(WRITERS))
def test_a_heading_repeated_with_the_same_name_is_one_unit(tmp_path: Path, carrier: str) -> None:
    path = WRITERS[carrier](
        tmp_path / "same",
        [
            block(MARKET_PROJECTS[:1], TITLE, f"单位名称：{MARKET}", "单位：万元"),
            block(MARKET_PROJECTS[1:], TITLE, f"单位名称：{MARKET}", "单位：万元"),
        ],
    )
    document = load_path(path)
    assert len(document.units) == 1 and document.units[0].own_name is None
    assert len(document.projects) == 2


# A CSV draft's rows without a name are not read as continuations at all.
@pytest.mark.parametrize("carrier", sorted(set(WRITERS) - {"csv"}))
def test_a_continued_table_stays_in_its_unit(tmp_path: Path, carrier: str) -> None:
    """The first unit's table split at a page break (a 续表 under the repeated
    header, its top row without a name): the rest of the project stays in
    that project and that unit; the next heading starts the next unit."""
    project = list(MARKET_PROJECTS[0])
    indicators = project[6] or ""
    cut = indicators.index("2、")
    head, rest = list(project), [None] * 6 + [indicators[cut:]]
    head[6] = indicators[:cut]
    path = WRITERS[carrier](
        tmp_path / "continued",
        [
            block([head], TITLE, f"单位名称：{MARKET}", "单位：万元"),
            block([rest, MARKET_PROJECTS[1]], "续表"),
            block(PENSION_PROJECTS, TITLE, f"单位名称：{PENSION}", "单位：万元"),
        ],
    )
    document = load_path(path)
    assert units_of(document) == [
        (MARKET, ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"]),
        (PENSION, ["社会化管理退休人员费用", "市社保中心专项工作经费"]),
    ]
    whole = load_bytes(
        "\n".join("\t".join(c or "" for c in r) for r in block([project])).encode(), "t.tsv"
    )
    assert len(document.projects[0].clauses) == len(whole.projects[0].clauses) > 1
    assert not document.orphans


def test_a_department_over_a_unit_in_one_title_block_is_one_unit(tmp_path: Path) -> None:
    """部门名称 and 单位名称 over one table name one unit: not two."""
    path = _html(
        tmp_path / "dept",
        [
            block(
                MARKET_PROJECTS,
                TITLE,
                "部门名称：广州市人力资源和社会保障局",
                f"单位名称：{MARKET}",
                "单位：万元",
            )
        ],
    )
    document = load_path(path)
    assert len(document.units) == 1 and document.units[0].own_name is None


def test_sheets_with_unit_rows_keep_them(tmp_path: Path) -> None:
    """A sheet per unit with the unit's subtotal row under its heading: the
    unit rows are the units (their subtotals checked), no heading adds one."""
    market_total = seed_row(179)
    pension_total = seed_row(207)
    market_total[1:3] = ["432.00", "432.00"]
    pension_total[1:3] = ["346.39", "346.39"]
    path = _sheets(
        tmp_path / "rows",
        [
            block([market_total, *MARKET_PROJECTS], TITLE, f"单位名称：{MARKET}"),
            block([pension_total, *PENSION_PROJECTS], TITLE, f"单位名称：{PENSION}"),
        ],
    )
    document = load_path(path)
    assert [(u.title, u.implicit, len(u.projects)) for u in document.units] == [
        (MARKET, False, 2),
        (PENSION, False, 2),
    ]
    findings = run(document, load_config(None, discover=False))
    assert "subtotal-mismatch" not in {f.rule for f in findings}


def test_two_title_blocks_in_one_sheet(tmp_path: Path) -> None:
    """Both units in one sheet, each under its own title block, a note under
    the first table: the note is dropped and each unit keeps its projects."""
    rows = [
        *block(MARKET_PROJECTS, TITLE, f"单位名称：{MARKET}", "单位：万元"),
        ["注：本表金额单位为万元。"],
        *block(PENSION_PROJECTS, TITLE, f"单位名称：{PENSION}", "单位：万元"),
    ]
    document = load_path(write_xlsx(tmp_path / "one-sheet.xlsx", [("Sheet1", rows, ())]))
    assert units_of(document) == [
        (MARKET, ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"]),
        (PENSION, ["社会化管理退休人员费用", "市社保中心专项工作经费"]),
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([MARKET, PENSION, "广州市技师学院"]), min_size=1, max_size=5))
def test_units_follow_the_headings(names: list[str]) -> None:
    """Any sequence of headings, one table under each: the units are the
    headings with repeats of the one before merged; a single name is the
    file's one unit."""
    page = io.StringIO()
    page.write("<html><body>")
    for number, name in enumerate(names):
        page.write(f"<p>{TITLE}</p><p>单位名称：{name}</p><table>")
        for row in [HEADER, MARKET_PROJECTS[number % 2]]:
            page.write("<tr>" + "".join(f"<td>{c or ''}</td>" for c in row) + "</tr>")
        page.write("</table>")
    document = load_bytes((page.getvalue() + "</body></html>").encode(), "p.html")
    merged = [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]
    if len(set(names)) == 1:
        assert [u.own_name for u in document.units] == [None]
        assert document.organization == names[0]
    else:
        assert [u.own_name for u in document.units] == merged
    assert len(document.projects) == len(names)


# --------------------------------------------------------------------------
# National forms of several departments in one file


def national_form(department: str, implementer: str, project: str) -> list[list[str | None]]:
    rows = [list(row) for row in FORM]
    rows[0][0] = f"{project}绩效目标表"
    rows[2][1] = project
    rows[2][3] = department
    rows[3][1] = implementer
    rows[8][4] = "待定"  # the second indicator's annual value
    rows[5][3] = OWN_GOALS[project]  # each form its own goal (no duplicate-goal)
    return [[cell or None for cell in row] for row in rows]


FORMS = [
    ("某区卫生健康局", "某区疾病预防控制中心", "社区公共卫生服务经费"),
    ("某区卫生健康局", "某区妇幼保健院", "孕产妇健康管理经费"),
]


def _national(path: Path, carrier: str, forms: Sequence[tuple[str, str, str]]) -> Path:
    tables = [national_form(*form) for form in forms]
    if carrier == "docx":
        return write_docx_tables(path / "forms.docx", [(t, FORM_MERGES) for t in tables])
    sheets = [(f"表{n}", t, FORM_MERGES) for n, t in enumerate(tables, start=1)]
    return write_xlsx(path / "forms.xlsx", sheets, (16,) * 5)


@pytest.mark.parametrize("carrier", ["docx", "xlsx"])
def test_national_forms_name_their_units_in_every_output(tmp_path: Path, carrier: str) -> None:
    path = _national(tmp_path, carrier, FORMS)
    document = load_path(path)
    assert units_of(document) == [
        ("某区疾病预防控制中心", ["社区公共卫生服务经费"]),
        ("某区妇幼保健院", ["孕产妇健康管理经费"]),
    ]
    assert unit_names(path) == {
        "社区公共卫生服务经费": {"某区疾病预防控制中心"},
        "孕产妇健康管理经费": {"某区妇幼保健院"},
    }


@pytest.mark.parametrize("carrier", ["docx", "xlsx"])
def test_national_forms_on_their_units_pages(
    tmp_path: Path, carrier: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _national(tmp_path, carrier, FORMS)
    out = tmp_path / "pages"
    code = main(["lint", str(path), "--split-by", "unit", "--output", str(out)])
    assert code == 1
    pages = sorted(p.name for p in out.iterdir())
    assert pages == ["01-某区疾病预防控制中心.html", "02-某区妇幼保健院.html", "index.html"]
    first = (out / pages[0]).read_text(encoding="utf-8")
    second = (out / pages[1]).read_text(encoding="utf-8")
    assert "社区公共卫生服务经费" in first and "孕产妇健康管理经费" not in first
    assert "孕产妇健康管理经费" in second and "社区公共卫生服务经费" not in second
    assert "1 个单位，1 个项目" in first and "1 个单位，1 个项目" in second
    # Each page is headed by its own form's title, not the file's first.
    assert "<h1>社区公共卫生服务经费绩效目标表 — 某区疾病预防控制中心" in first
    assert "<h1>孕产妇健康管理经费绩效目标表 — 某区妇幼保健院" in second
    capsys.readouterr()
    main(["lint", str(path), "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    assert {(f["unit"], f["project"]) for f in report["findings"]} == {
        ("某区疾病预防控制中心", "社区公共卫生服务经费"),
        ("某区妇幼保健院", "孕产妇健康管理经费"),
    }
    main(["export", str(path), "--to", "csv"])
    exported = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert {(row[2], row[3]) for row in exported[1:]} == {
        ("某区疾病预防控制中心", "社区公共卫生服务经费"),
        ("某区妇幼保健院", "孕产妇健康管理经费"),
    }


def test_national_forms_of_one_unit_make_one_page(tmp_path: Path) -> None:
    forms = [FORMS[0], ("某区卫生健康局", "某区疾病预防控制中心", "孕产妇健康管理经费")]
    path = _national(tmp_path, "docx", forms)
    document = load_path(path)
    assert [u.title for u in document.units] == ["某区疾病预防控制中心"]
    out = tmp_path / "pages"
    main(["lint", str(path), "--split-by", "unit", "--output", str(out), "--fail-on", "never"])
    assert sorted(p.name for p in out.iterdir()) == ["01-某区疾病预防控制中心.html", "index.html"]


def test_each_table_keeps_its_own_amount_unit(tmp_path: Path) -> None:
    """The second unit's title block states its amounts in 元 on the 单位名称
    line: its amounts are converted, the first unit's (万元) are not."""
    in_yuan = list(PENSION_PROJECTS[0])
    in_yuan[1] = in_yuan[2] = "1,505,000.00"
    path = _docx(
        tmp_path / "yuan",
        [
            block(MARKET_PROJECTS[:1], TITLE, f"单位名称：{MARKET}", "单位：万元"),
            block([in_yuan], TITLE, f"单位名称：{PENSION} 单位：元"),
        ],
    )
    document = load_path(path)
    assert [(u.title, [p.amounts.value("total") for p in u.projects]) for u in document.units] == [
        (MARKET, [Decimal("232.00")]),
        (PENSION, [Decimal("150.50")]),
    ]


@pytest.mark.parametrize("carrier", ["tsv", "csv"])
def test_a_unit_heading_and_the_amount_unit_in_one_row_name_each_table(
    tmp_path: Path, carrier: str
) -> None:
    """A sheet of several units' tables saved as text, 单位名称 in the first
    cell of a row and 单位：万元 in its last: each such row names the unit of
    the table under it, and is no project of the table above."""

    def heading_row(name: str) -> list[str | None]:
        return [f"单位名称：{name}", None, None, None, None, None, "单位：万元"]

    path = WRITERS[carrier](
        tmp_path / "rows",
        [
            [[TITLE], heading_row(MARKET), HEADER, *MARKET_PROJECTS],
            [[TITLE], heading_row(PENSION), HEADER, *PENSION_PROJECTS],
        ],
    )
    document = load_path(path)
    assert units_of(document) == [
        (MARKET, ["市场中心业务用房物业管理费", "市场中心场地维护维修经费"]),
        (PENSION, ["社会化管理退休人员费用", "市社保中心专项工作经费"]),
    ]
    # Near miss: a row with the unit's name and amounts is a unit row, read as before.
    pension_total = seed_row(207)
    path = WRITERS[carrier](
        tmp_path / "unit-row",
        [
            [
                [TITLE],
                heading_row(MARKET),
                HEADER,
                *MARKET_PROJECTS,
                pension_total,
                *PENSION_PROJECTS,
            ]
        ],
    )
    names = [u.title for u in load_path(path).units]
    assert names[-1] == PENSION and len(names) == 2
