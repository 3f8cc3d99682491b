"""Text extracted from a PDF by the tools reviewers use.

``tests/fixtures/extracted/`` holds what ten extractions gave of clean
Guangzhou tables printed by reportlab (cells from the seed tables):
``*.pdftotext-raw.txt`` (``pdftotext -raw``), ``*.pdfium.txt`` (pypdfium2's
``get_text_range()`` per page, pages joined by a form feed), ``*.pdfium-cli.txt``
(``pypdfium2 extract-text``: CRLF, ``# Page N`` lines), ``*.pdftotext.txt``
(``pdftotext``), ``*.pdf2txt.txt`` (pdfminer), ``*.plumber.txt`` (pdfplumber
``extract_text()``), ``*.pdftotext-layout.txt`` and ``*.copy-space.txt`` (a
copy from a PDF viewer). ``two-units`` is a table of two units and five
projects (the second unit's row last on page 1), ``cut-rows`` the same with
two rows cut by page breaks; the others hold one unit row or one project.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.cli import main
from audit.model import AMOUNT_COLUMNS, Document
from audit.pipeline import load_path
from audit.readers import read_text
from audit.readers.decode import ReadError
from audit.readers.extracted import side_by_side
from tests.conftest import HEADER

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "extracted"
SEED_EXCERPT = HERE / "fixtures" / "pdftext" / "004_excerpt.txt"
GOAL = "做好辖区城市道路清扫保洁和生活垃圾收运，保持道路整洁，提升市容环境卫生水平。"


def shape(document: Document) -> list[tuple[str, str, tuple[Decimal | None, ...], str, int]]:
    """Each project's unit, name, amounts, goal and clause count."""
    return [
        (
            unit.title,
            str(project.name),
            tuple(project.amounts.value(column) for column in AMOUNT_COLUMNS),
            str(project.goal or ""),
            len(project.clauses),
        )
        for unit in document.units
        for project in unit.projects
    ]


# --------------------------------------------------------------------------
# Side-by-side text is refused, with what to do


@pytest.mark.parametrize(
    "name",
    [
        "side-by-side.plumber.txt",
        "side-by-side.pdftotext-layout.txt",
        "side-by-side.copy-space.txt",
        "two-units.plumber.txt",
    ],
)
def test_side_by_side_text_is_refused_with_what_to_do(name: str, capsys) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / name
    with pytest.raises(ReadError, match=r"side by side .*pdftotext -raw"):
        load_path(path)
    assert main(["lint", "--no-cache", "--format", "text", str(path)]) == 2
    out = capsys.readouterr()
    lines = [line for line in out.out.splitlines() if "read-error" in line]
    assert len(lines) == 1
    assert "并排" in lines[0]


@pytest.mark.parametrize(
    "line",
    [
        "圾收运，保持道路整洁，提升市容环 度指标值：≥320万平方米。2、1-产出指标；12-质量指标",
        "务保障水平和管理服务质量 1、1-产出指标；11-数量指标；服务人次；实施周期指标值：≥200",
    ],
)
def test_goal_text_beside_indicator_text_is_side_by_side(line: str) -> None:
    assert side_by_side(["合计 830.47 830.47", line], None) is not None


@pytest.mark.parametrize(
    "line",
    [
        # Spaces inside a clause (a justified line).
        "周期指标值：≥ 95 %；年度指标值：≥ 95 %。4、1-产出指标；13-时效指标",
        # A one-line goal then clause 1 on the row's line (pdftotext -raw).
        "户外广告招牌整治经费 300.00 300.00 整治辖区违规户外广告招牌，规范 1、1-产出指标；",
        # A goal line alone, and one with a space in it.
        "做好辖区城市道路清扫保洁和生活垃圾收运，保持道路整洁",
        "开展 技能培训，提升就业能力",
    ],
)
def test_row_order_lines_are_not_side_by_side(line: str) -> None:
    assert side_by_side([line], "项目名称（资金使用单位） 总计 财政拨款 绩效目标 绩效指标") is None


@pytest.mark.parametrize(
    "line",
    [
        "正常运行，提升校园安全防范能力。 年度指标值：≤600元/个。3、3-满意度指标",
        "区域性重大动物疫情。 抗体合格率，年度指标值：≥70%。3、效益指标：发生次数",
        "提高登记服务效率。 标值：≥9000对。2、3-满意度指标；31-服务对象满意度",
    ],
)
def test_a_goal_s_end_beside_the_rest_of_the_indicators(line: str) -> None:
    """In text that gives one cell after another, only a page break prints
    the rest of a goal and the rest of the indicators cut with it on one
    line (the first line after the repeated header); anywhere else, the two
    cells stand side by side."""
    header = "项目名称（资金使用单位） 总计 财政拨款 绩效目标 绩效指标"
    assert side_by_side(["合计 830.47 830.47", line], header, frozenset({1})) is None
    assert side_by_side(["合计 830.47 830.47", line], header) is not None


@pytest.mark.parametrize("name", ["plumber_side_by_side.txt", "plumber_tianhe.txt"])
def test_pdfplumber_text_whose_goal_ends_beside_the_indicators_is_refused(name: str) -> None:
    """pdfplumber's extract_text of a ruled table: the goal's wrapped lines
    and the indicators' stand side by side, each goal line ending its
    sentence (no cut mid-sentence to tell it by)."""
    with pytest.raises(ReadError, match=r"side by side .*pdftotext -raw"):
        load_path(HERE / "fixtures" / "pdftext" / name)


def test_a_header_spread_by_runs_of_spaces_is_side_by_side() -> None:
    header = "项目名称（资金使用单位）    总计         财政拨款   其他资金   绩效目标"
    assert side_by_side([], header) is not None
    assert side_by_side([], "项目名称（资金使用单位） 总计 财政拨款 其他资金 绩效目标") is None


def test_the_seed_excerpt_and_the_example_are_not_side_by_side() -> None:
    for path in (SEED_EXCERPT, HERE.parent / "examples" / "pdf-extracted.txt"):
        document = load_path(path)
        assert document.layout == "pdf-text"
        assert len(shape(document)) >= 3


# --------------------------------------------------------------------------
# Column-by-column text and a national template's text: refused, and why


@pytest.mark.parametrize("name", ["two-units.pdftotext.txt", "two-units.pdf2txt.txt"])
def test_column_by_column_text_is_refused_with_what_to_do(name: str) -> None:
    with pytest.raises(ReadError, match=r"column by column.*pdftotext -raw"):
        load_path(FIXTURES / name)


def test_a_national_templates_extracted_text_is_refused_as_such() -> None:
    with pytest.raises(ReadError, match="national template"):
        load_path(FIXTURES / "national-form.plumber.txt")


def test_prose_naming_the_columns_is_still_not_a_table() -> None:
    text = "本表列出项目名称、总计、财政拨款、绩效目标和绩效指标，请逐项填写。\n"
    with pytest.raises(ReadError, match="not a performance-target table"):
        read_text(text, "notice.txt")


# --------------------------------------------------------------------------
# Row-order text (pdftotext -raw, pypdfium2): header wrapped, page breaks


@pytest.mark.parametrize("name", ["header-wrapped.pdfium.txt", "header-wrapped.pdftotext-raw.txt"])
def test_a_header_whose_cells_all_wrap_is_read(name: str) -> None:
    document = load_path(FIXTURES / name)
    assert shape(document) == [
        (
            "广州市某区城市管理局",
            "城市道路清扫保洁经费",
            (Decimal("1250.00"),) * 2 + (None,) * 2,
            GOAL,
            3,
        )
    ]


@pytest.mark.parametrize("name", ["other-funds.pdfium.txt", "other-funds.pdftotext-raw.txt"])
def test_a_wrapped_header_keeps_its_other_funds_column(name: str) -> None:
    (project,) = shape(load_path(FIXTURES / name))
    assert project[1] == "城中村消防安全整治经费"  # no 款 from 财政专户拨 / 款
    assert project[2] == (Decimal("860.00"), Decimal("800.00"), None, Decimal("60.00"))


def test_page_separators_are_page_breaks_in_every_row_order_extraction() -> None:
    raw = shape(load_path(FIXTURES / "two-units.pdftotext-raw.txt"))
    assert len({unit for unit, *_ in raw}) == 2
    assert len(raw) == 5
    # A form feed with no newline before it; the CLI's CRLF and # Page N lines.
    assert shape(load_path(FIXTURES / "two-units.pdfium.txt")) == raw
    assert shape(load_path(FIXTURES / "two-units.pdfium-cli.txt")) == raw


def test_a_form_feed_inside_a_line_keeps_the_file_s_line_numbers() -> None:
    text = SEED_EXCERPT.read_text(encoding="utf-8")
    lines = text.split("\n")
    # The last line of a page and the next page's header on one line.
    at = next(i for i, line in enumerate(lines) if line.startswith("1、") and i > 20)
    header = next(line for line in lines if line.startswith("项目名称"))
    joined = "\n".join([*lines[:at], lines[at] + "\f" + header, *lines[at + 1 :]])
    document = read_text(joined, "joined.txt")
    assert shape(document) == shape(read_text(text, "seed.txt"))
    lines_of = [p.line for u in document.units for p in u.projects]
    assert lines_of == [p.line for u in read_text(text, "seed.txt").units for p in u.projects]


@pytest.mark.parametrize("mark", ["# Page 2", "--- Page 2 ---", "#Page 12"])
def test_page_lines_of_extractors_are_no_text(mark: str) -> None:
    text = SEED_EXCERPT.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("    ") and i > 10)
    marked = "\n".join([*lines[:at], mark, *lines[at:]])
    assert shape(read_text(marked, "marked.txt")) == shape(read_text(text, "seed.txt"))


def test_a_name_like_page_is_still_text() -> None:
    # Near miss: "Page" words inside a name or a goal stay.
    text = SEED_EXCERPT.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("    ") and i > 10)
    lines[at] = lines[at].replace("    ", "    Page版", 1)
    names = [name for _, name, *_ in shape(read_text("\n".join(lines), "named.txt"))]
    assert any(name.startswith("Page版") for name in names)


# --------------------------------------------------------------------------
# Any wrap of the header reads the same table


def _wrap_header(cells: list[str], widths: list[int]) -> list[str]:
    """The header as row-order extractors print a header whose cells wrap:
    each cell's lines in turn; a cell's first line joins the line before
    when the cell before took one line (the same baseline)."""
    out: list[str] = []
    single = False
    for cell, width in zip(cells, widths, strict=True):
        pieces = [cell[i : i + width] for i in range(0, len(cell), width)]
        if out and single:
            out[-1] += " " + pieces[0]
        else:
            out.append(pieces[0])
        out.extend(pieces[1:])
        single = len(pieces) == 1
    return out


HEADER_CELLS = HEADER.split("\t")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(widths=st.lists(st.integers(min_value=1, max_value=12), min_size=7, max_size=7))
def test_any_wrap_width_of_the_header_reads_the_same_projects(widths: list[int]) -> None:
    text = SEED_EXCERPT.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("项目名称"))
    wrapped = "\n".join([*lines[:at], *_wrap_header(HEADER_CELLS, widths), *lines[at + 1 :]])
    assert shape(read_text(wrapped, "wrapped.txt")) == shape(read_text(text, "seed.txt"))


# --------------------------------------------------------------------------
# A row cut by a page break in row-order text

CUT_GOAL = "做好全区中小学校园视频监控系统日常维护，保障系统正常运行，提升校园安全防范能力。"


@pytest.mark.parametrize(
    "name", ["page-cut.pdftotext-raw.txt", "page-cut.pdfium.txt", "page-cut.pdfium-cli.txt"]
)
def test_a_goals_rest_after_a_page_break_ends_the_goal(name: str) -> None:
    document = load_path(FIXTURES / name)
    ((_, project_name, _, goal, clauses),) = shape(document)
    assert (project_name, goal, clauses) == ("校园安全视频监控维护经费", CUT_GOAL, 3)
    clause = document.units[0].projects[0].clauses[1]
    assert [field.text for field in clause.fields] == ["≤600元/个", "≤600元/个"]


def test_rows_cut_at_page_breaks_read_as_the_table_without_cuts() -> None:
    cut = shape(load_path(FIXTURES / "cut-rows.pdftotext-raw.txt"))
    assert cut == shape(load_path(FIXTURES / "two-units.pdftotext-raw.txt"))


def test_text_after_a_page_break_stays_in_the_indicators_when_the_goal_ended() -> None:
    # Near miss: the goal printed whole on the page before (ending in 。): the
    # sentence at the top of the next page is the indicator cell's.
    text = (FIXTURES / "page-cut.pdftotext-raw.txt").read_text(encoding="utf-8")
    ended = text.replace("视频监控系统日\n常维护，保障系统\n", "视频监控系统日\n常维护。\n")
    assert ended != text
    document = read_text(ended, "ended.txt")
    project = document.units[0].projects[0]
    assert str(project.goal) == "做好全区中小学校园视频监控系统日常维护。"
    assert "正常运行" in str(project.indicators)


def test_indicator_text_at_the_top_of_a_page_is_no_goal() -> None:
    # Near miss: the first line after the break holds indicator text (指标)
    # before its 。: it continues the indicators, the goal stays cut.
    text = (FIXTURES / "page-cut.pdftotext-raw.txt").read_text(encoding="utf-8")
    changed = text.replace("正常运行，提升校园安全防范能力。 年度", "正常运行指标，提升能力。 年度")
    assert changed != text
    project = read_text(changed, "changed.txt").units[0].projects[0]
    assert str(project.goal) == "做好全区中小学校园视频监控系统日常维护，保障系统"


# --------------------------------------------------------------------------
# A copy from a PDF viewer with tabs between the pieces of the cells


def test_a_tab_separated_copy_of_printed_lines_is_refused() -> None:
    with pytest.raises(ReadError, match=r"side by side .*amount columns"):
        load_path(FIXTURES / "side-by-side.copy-tab.txt")


def test_one_shifted_row_of_a_true_tsv_is_read_and_reported() -> None:
    # Near miss: one row whose cells slipped left (a missing amount) puts
    # clause text under 财政专户拨款 once: a bad row, reported, not a copy.
    header = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"
    good = "甲经费\t1.00\t1.00\t\t\t开展培训，提升就业能力和服务水平。\t" + (
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    )
    shifted = "乙经费\t2.00\t开展培训。\t1、1-产出指标；11-数量指标；培训人数；年度指标值:≥3人。"
    document = read_text("\n".join([header, good, shifted]), "shifted.txt")
    assert [str(p.name) for u in document.units for p in u.projects] == ["甲经费", "乙经费"]
