"""The ``续表`` mark of a table carried over a page break, in tab-separated
text and in text extracted from a PDF: alone on its line or above the
repeated header, it is a marker, not the end of the last project's cell.

The Guangzhou projects are rows of the seed table ``002_hrss_2024.txt``; the
PDF text is the ``page_break.txt`` fixture (the layout of seed 004).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import Document
from audit.pipeline import load_text
from audit.readers.common import CONTINUED_MARK_RE
from tests.conftest import MARKET_PROJECTS, SEED_002_HEADER
from tests.national import FORM, LIST, csv_document, sheet_document, tsv_document

TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表"
PAGE_BREAK = Path(__file__).parent / "fixtures" / "pdftext" / "page_break.txt"
# The repeated page header block of the fixture, without its column header.
_BLOCK = (
    "- 2 -\n\n广州市测试中心2024年项目支出绩效目标表（含转移支付项目）\n\n"
    "部门名称：广州市测试中心\n\n单位：万元\n\n"
)
_COLUMNS = "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标\n"


def _line(cells: list[str | None]) -> str:
    return "\t".join(cell or "" for cell in cells)


def _split_project() -> tuple[str, str]:
    """Seed 002's first market project cut inside its indicators: the row
    and the nameless row that carries the rest of them."""
    project = list(MARKET_PROJECTS[0])
    indicators = project[6] or ""
    cut = indicators.index("2、")
    head, rest = list(project), [None] * 6 + [indicators[cut:]]
    head[6] = indicators[:cut]
    return _line(head), _line(rest)


def _tsv(*middle: str) -> str:
    """The table: title, header, the first project cut in two around
    ``middle``, then the second project."""
    head, rest = _split_project()
    lines = [TITLE, "单位：万元", _line(SEED_002_HEADER), head, *middle, rest]
    return "\n".join([*lines, _line(MARKET_PROJECTS[1])]) + "\n"


def _cells(document: Document) -> list[tuple[str, str | None, str | None]]:
    """Each project's name, goal and indicators as read (the text only)."""
    return [
        (p.title, p.goal and p.goal.value, p.indicators and p.indicators.value)
        for p in document.projects
    ]


def _keys(document: Document) -> list[tuple[str, str | None, str]]:
    findings = run(document, load_config(None, discover=False))
    return sorted((f.rule, f.project, f.message) for f in findings)


@pytest.mark.parametrize(
    "middle",
    [
        ["续表"],
        ["续表", _line(SEED_002_HEADER)],
        ["（续表）", _line(SEED_002_HEADER)],
        ["续上表"],
        ["续表2：", _line(SEED_002_HEADER)],
        ["\t续表\t\t\t\t\t"],
    ],
    ids=["alone", "with-header", "parenthesised", "xu-shang-biao", "numbered", "in-a-cell"],
)
def test_a_continued_mark_in_tab_separated_text_is_dropped(middle: list[str]) -> None:
    plain = load_text(_tsv(), "plain.tsv")
    marked = load_text(_tsv(*middle), "marked.tsv")
    assert _cells(marked) == _cells(plain)
    assert all("续" not in (text or "") for _, _, text in _cells(marked))
    assert [len(p.clauses) for p in marked.projects] == [len(p.clauses) for p in plain.projects]
    assert _keys(marked) == _keys(plain)
    assert not marked.orphans


def test_a_continued_mark_between_two_projects_is_dropped() -> None:
    rows = [TITLE, _line(SEED_002_HEADER), _line(MARKET_PROJECTS[0])]
    plain = load_text("\n".join([*rows, _line(MARKET_PROJECTS[1])]), "plain.tsv")
    marked = load_text(
        "\n".join([*rows, "续表", _line(SEED_002_HEADER), _line(MARKET_PROJECTS[1])]),
        "marked.tsv",
    )
    assert _cells(marked) == _cells(plain)
    assert _keys(marked) == _keys(plain)


@pytest.mark.parametrize("line", ["续表彰先进集体", "继续表扬", "持续表现良好"])
def test_text_that_begins_like_the_mark_stays_cell_text(line: str) -> None:
    """A continuation line that only begins with (or holds) 续表 is cell text."""
    document = load_text(_tsv(line), "text.tsv")
    first = document.projects[0]
    assert first.indicators is not None and line in first.indicators.value


@pytest.mark.parametrize("with_header", [True, False], ids=["with-header", "alone"])
def test_a_continued_mark_in_pdf_text_is_dropped(with_header: bool) -> None:
    """The page header block of the fixture replaced by 续表 (above the
    repeated column header, or alone): the project cut by the page break
    reads as in the fixture, its clause keyword mended across the break."""
    text = PAGE_BREAK.read_text(encoding="utf-8")
    marked = text.replace(_BLOCK + ("" if with_header else _COLUMNS), "续表\n", 1)
    assert marked != text
    plain = load_text(text, "page_break.txt")
    document = load_text(marked, "marked.txt")
    assert _cells(document) == _cells(plain)
    assert [len(p.clauses) for p in document.projects] == [3, 1]
    assert _keys(document) == _keys(plain)


def test_a_continued_mark_in_pdf_text_that_is_cell_text_stays() -> None:
    text = PAGE_BREAK.read_text(encoding="utf-8")
    marked = text.replace(_BLOCK, "续表彰先进集体\n", 1)
    document = load_text(marked, "marked.txt")
    assert "续表彰先进集体" in "".join(text for _, _, text in _cells(document) if text)


@given(
    st.sampled_from(["", "（", "("]),
    st.sampled_from(["续表", "续 表", "续上表"]),
    st.sampled_from(["", "1", "二", "（2）"]),
    st.sampled_from(["", "）", ")"]),
    st.sampled_from(["", "：", ":"]),
)
def test_the_mark_is_recognised_in_its_written_forms(
    opening: str, mark: str, number: str, closing: str, colon: str
) -> None:
    assert CONTINUED_MARK_RE.fullmatch(f" {opening}{mark}{number}{closing}{colon} ")


@given(st.text(alphabet="续表上一二三四五六七八九十0123456789（）():：年度", min_size=1))
def test_only_the_mark_is_a_mark(text: str) -> None:
    """Any text the pattern takes holds 续 then 表, nothing but the mark's
    brackets, number and colon around them."""
    if CONTINUED_MARK_RE.fullmatch(text):
        assert "续" in text and "表" in text and "年" not in text and "度" not in text
        assert text.count("续") == 1 and text.count("表") == 1


# --------------------------------------------------------------------------
# The national template: a 续表 row inside the indicator grid is no 一级指标


def _with_mark(rows: Sequence[Sequence[str]], before: str) -> list[list[str]]:
    """The rows with a 续表 row (one cell, the others blank) put before the
    first row whose cells hold ``before``."""
    at = next(i for i, row in enumerate(rows) if before in row)
    width = len(rows[0])
    return [*map(list, rows[:at]), ["续表"] + [""] * (width - 1), *map(list, rows[at:])]


def _national_keys(document: Document) -> list[tuple[str, str | None, str]]:
    findings = run(document, load_config(None, discover=False))
    return sorted((f.rule, f.project, f.message) for f in findings)


@pytest.mark.parametrize("carrier", ["tsv", "csv", "sheet"])
@pytest.mark.parametrize("table", ["form", "list"])
def test_a_continued_mark_in_a_national_table_is_no_category(carrier: str, table: str) -> None:
    rows, before = (FORM, "档案规范率") if table == "form" else (LIST, LIST[6][6])
    read = {"tsv": tsv_document, "csv": csv_document, "sheet": sheet_document}[carrier]
    plain, marked = read(rows), read(_with_mark(rows, before))
    assert [len(p.clauses) for p in marked.projects] == [len(p.clauses) for p in plain.projects]
    assert _national_keys(marked) == _national_keys(plain)
    assert "续表" not in repr([c.level1 for p in marked.projects for c in p.clauses])
