"""A PDF table printed without ruling lines: read from its words' places.

The PDFs are written by ``scripts/make_examples.py`` (reportlab) from the
seed tables; the property tests lay a generated table's words out on a page
stand-in, as pdfplumber reports them, with any padding and alignment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.cli import main
from audit.config import load_config
from audit.engine import run
from audit.model import AMOUNT_COLUMNS, Document
from audit.pipeline import load_path
from audit.readers.decode import ReadError
from audit.readers.pdftables import join_lines
from audit.readers.pdfwords import read_page
from scripts.make_examples import write_pdf
from tests.conftest import HEADER as GUANGZHOU_HEADER
from tests.test_carriers import PANYU_ROWS

HEADER = GUANGZHOU_HEADER.split("\t")
HEAD = [
    ["广州市某区2025年项目支出绩效目标表"],
    ["部门名称：广州市某区城市管理局"],
    ["单位：万元"],
    HEADER,
]
GOAL = "做好辖区城市道路清扫保洁和生活垃圾收运，保持道路整洁，提升市容环境卫生水平。"
CLAUSES = (
    "1、1-产出指标；11-数量指标；道路清扫保洁面积；实施周期指标值：≥320万平方米；"
    "年度指标值：≥320万平方米。2、1-产出指标；12-质量指标；道路清扫保洁质量达标率；"
    "实施周期指标值：≥95%；年度指标值：≥95%。3、3-满意度指标；31-服务对象满意度；"
    "市民满意度；实施周期指标值：≥90%；年度指标值：≥90%。"
)
# Narrow amount columns: 财政专户拨款 wraps to 财政专户拨 / 款 in the header.
WIDE = [32, 13, 13, 15, 13, 40, 90]
SMALL_TABLE = [
    *HEAD,
    ["广州市荔湾区城市管理和综合执法局", "1,250.00", "1,250.00", "", "", "", ""],
    ["城市道路清扫保洁经费", "1,250.00", "1,250.00", "", "", GOAL, CLAUSES],
    ["城中村消防安全整治经费", "860.00", "800.00", "", "60.00", GOAL, CLAUSES],
]


def _keys(document: Document) -> list[tuple[str, str | None, str | None, int | None, str | None]]:
    found = run(document, load_config(None, discover=False))
    return sorted((f.rule, f.unit, f.project, f.clause, f.field) for f in found)


def _shape(document: Document) -> list[tuple[str, str, tuple[str | None, ...], str, int]]:
    """Each project's unit, name, amounts, goal (spaces aside) and clause count."""
    return [
        (
            unit.title,
            str(project.name),
            tuple(
                None if amount is None or amount.value is None else str(amount.value)
                for amount in map(project.amounts.get, AMOUNT_COLUMNS)
            ),
            "".join(str(project.goal or "").split()),
            len(project.clauses),
        )
        for unit in document.units
        for project in unit.projects
    ]


@pytest.fixture(scope="module")
def ruled(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return load_path(write_pdf(tmp_path_factory.mktemp("ruled") / "ruled.pdf", PANYU_ROWS))


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_an_unruled_pdf_reads_as_the_ruled_one(
    ruled: Document, valign: str, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "unruled.pdf", PANYU_ROWS, ruled=False, valign=valign)
    notes: list[str] = []
    document = load_path(path, notes.append)
    assert notes == ["page 1, 2, 3, 4: no ruled table; the table is read from its words' places"]
    assert _shape(document) == _shape(ruled)
    assert len(_shape(document)) == 12
    assert _keys(document) == _keys(ruled)
    found = run(document, load_config(None, discover=False))
    assert all(re.fullmatch(r"第[1-4]页 表1 第\d+行第\d列", f.location or "") for f in found)


def test_a_wrapped_unit_name_and_header_cell_stay_whole(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "small.pdf", SMALL_TABLE, ruled=False, widths=WIDE, font_size=8)
    document = load_path(path)
    assert [unit.title for unit in document.units] == ["广州市荔湾区城市管理和综合执法局"]
    shape = _shape(document)
    assert [name for _, name, *_ in shape] == ["城市道路清扫保洁经费", "城中村消防安全整治经费"]
    # The goal is whole (not cut to its first line), the clauses are three.
    assert all(goal == GOAL and clauses == 3 for *_, goal, clauses in shape)
    # 60.00 stands under 其他资金, not 财政专户拨款.
    assert shape[1][2] == ("860.00", "800.00", None, "60.00")
    rules = {key[0] for key in _keys(document)}
    assert not rules & {"missing-field", "goal-too-short", "orphan-text"}


def test_an_unruled_table_without_its_header_is_refused(tmp_path: Path, capsys: Any) -> None:
    rows = [
        ["某单位2025年项目支出绩效目标表"],
        ["名称", "金额", "绩效目标", "绩效指标"],
        ["城市道路清扫保洁经费", "1,250.00", GOAL, CLAUSES],
    ]
    path = write_pdf(tmp_path / "noheader.pdf", rows, ruled=False)
    with pytest.raises(ReadError, match=r"header row .* was not found; .*pdftotext -raw"):
        load_path(path)
    assert main(["lint", "--no-cache", str(path)]) == 2
    err = capsys.readouterr()
    assert "without ruling lines" in err.out + err.err


# --------------------------------------------------------------------------
# Generated tables laid out as pdfplumber reports a page's words


class _Page:
    """What :func:`read_page` asks of a pdfplumber page."""

    def __init__(self, words: list[dict[str, Any]], chars: list[dict[str, Any]]) -> None:
        self.words = words
        self.chars = chars

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return self.words


FONT = 8.0
LEADING = 10.4
_AMOUNT_TEXT = re.compile(r"[\d,]+\.\d{2}")


def _joined(rows: list[list[str | None]]) -> list[list[str | None]]:
    """Cells as the ruled reader gives them: a cell's lines joined."""
    return [[join_lines(cell) for cell in row] for row in rows]


def _lay_out(
    rows: list[list[str]],
    columns: list[int],
    padding: float,
    valign: str,
    header: str = "LEFT",
    amounts: str = "LEFT",
) -> _Page:
    """Each cell's text wrapped at its column's width in characters, its
    lines placed in the cell as reportlab places them: the header row's
    aligned ``header`` in their cells, amounts ``amounts`` (``LEFT``,
    ``CENTRE``, ``RIGHT``), other text left."""
    words: list[dict[str, Any]] = []
    chars: list[dict[str, Any]] = []
    lefts = [20.0]
    for width in columns:
        lefts.append(lefts[-1] + width * FONT + 6)
    top = 40.0
    for at, row in enumerate(rows):
        wrapped = [
            [text[i : i + width] for i in range(0, len(text), width)] if text else []
            for text, width in zip(row, columns, strict=True)
        ]
        height = max(len(lines) for lines in wrapped) * LEADING
        for column, lines in enumerate(wrapped):
            spare = height - len(lines) * LEADING
            shift = {"TOP": 0.0, "MIDDLE": spare / 2, "BOTTOM": spare}[valign]
            align = (
                header if at == 0 else amounts if _AMOUNT_TEXT.fullmatch(row[column]) else "LEFT"
            )
            for number, line in enumerate(lines):
                y = top + padding + shift + number * LEADING
                room = lefts[column + 1] - lefts[column] - 6 - FONT * len(line)
                x = lefts[column] + 3 + {"LEFT": 0.0, "CENTRE": room / 2, "RIGHT": room}[align]
                words.append(
                    {
                        "text": line,
                        "x0": x,
                        "x1": x + FONT * len(line),
                        "top": y,
                        "bottom": y + FONT,
                    }
                )
                for index, char in enumerate(line):
                    x0 = x + index * FONT
                    chars.append(
                        {
                            "text": char,
                            "x0": x0,
                            "x1": x0 + FONT,
                            "top": y,
                            "bottom": y + FONT,
                            "doctop": y,
                            "upright": True,
                        }
                    )
        top += height + 2 * padding
    return _Page(words, chars)


_NAME = st.text(alphabet="城市道路清扫保洁经费管理中心综合执法局", min_size=2, max_size=30)
_AMOUNT = st.integers(min_value=1, max_value=99999).map(lambda n: f"{n / 100:.2f}")
_TEXT = st.text(alphabet="做好辖区保持整洁提升水平，。", min_size=0, max_size=80)


@st.composite
def _tables(draw: st.DrawFn) -> list[list[str]]:
    rows = [list(HEADER)]
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        total = draw(_AMOUNT)
        rows.append(
            [
                draw(_NAME),
                total,
                total,
                "",
                draw(st.sampled_from(["", "1.00"])),
                draw(_TEXT),
                draw(_TEXT),
            ]
        )
    return rows


_COLUMNS = st.tuples(
    st.integers(4, 12),
    st.just(8),
    st.just(8),
    st.integers(3, 8),
    st.just(8),
    st.integers(6, 20),
    st.integers(8, 30),
).map(list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=_tables(),
    columns=_COLUMNS,
    padding=st.floats(min_value=2.5, max_value=8),
    valign=st.sampled_from(["TOP", "MIDDLE", "BOTTOM"]),
    header=st.sampled_from(["LEFT", "CENTRE"]),
    amounts=st.sampled_from(["LEFT", "CENTRE", "RIGHT"]),
)
def test_any_wrap_width_and_alignment_reads_the_same_cells(
    table: list[list[str]],
    columns: list[int],
    padding: float,
    valign: str,
    header: str,
    amounts: str,
) -> None:
    page = _lay_out(table, columns, padding, valign, header, amounts)
    try:
        piece, _ = read_page(page, 1, None)
    except ReadError as error:
        # Under centred headers a page whose text never reaches a column's
        # header (a goal of one character beside an empty column) leaves
        # its border unknown: refused, never guessed.
        assert header == "CENTRE"
        assert "columns run into each other" in str(error)
        return
    expected = [[cell or None for cell in row] for row in table]
    assert _joined(piece.rows) == expected


@pytest.mark.parametrize("amounts", ["LEFT", "CENTRE", "RIGHT"])
@pytest.mark.parametrize("valign", ["TOP", "MIDDLE"])
def test_text_set_left_under_centred_headers_is_read(amounts: str, valign: str) -> None:
    # Headers centred over their columns (as tables are printed), names,
    # goals and indicators set left and amounts any way: a short amount
    # beside a header's words, left of them or right, is its column's.
    rows = [*_SIMPLE, ["城市照明设施维护经费", "96.50", "0.89", "", "95.61", GOAL, CLAUSES]]
    page = _lay_out(rows, _WIDTHS, 3.0, valign, "CENTRE", amounts)
    piece, _ = read_page(page, 1, None)
    assert _joined(piece.rows) == [[c or None for c in r] for r in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=_tables(), columns=_COLUMNS, valign=st.sampled_from(["TOP", "MIDDLE", "BOTTOM"]))
def test_rows_printed_without_space_between_are_read_right_or_refused(
    table: list[list[str]], columns: list[int], valign: str
) -> None:
    page = _lay_out(table, columns, 0.0, valign)
    try:
        piece, _ = read_page(page, 1, None)
    except ReadError as error:
        assert "pdftotext -raw" in str(error)
        return
    assert _joined(piece.rows) == [[cell or None for cell in row] for row in table]


_SIMPLE = [
    HEADER,
    ["城市道路清扫保洁经费", "1,250.00", "1,250.00", "", "", GOAL, CLAUSES],
    ["城中村消防安全整治经费", "860.00", "800.00", "", "60.00", GOAL, CLAUSES],
]
_WIDTHS = [8, 8, 8, 5, 8, 12, 24]


def _add_word(page: _Page, text: str, x0: float, top: float) -> None:
    page.words.append(
        {"text": text, "x0": x0, "x1": x0 + FONT * len(text), "top": top, "bottom": top + FONT}
    )
    for index, char in enumerate(text):
        left = x0 + index * FONT
        page.chars.append(
            {
                "text": char,
                "x0": left,
                "x1": left + FONT,
                "top": top,
                "bottom": top + FONT,
                "doctop": top,
                "upright": True,
            }
        )


@pytest.mark.parametrize("row", [1, 2])
def test_a_word_across_two_columns_is_refused(row: int) -> None:
    page = _lay_out(_SIMPLE, _WIDTHS, 3.0, "TOP")
    tops = sorted({w["top"] for w in page.words if w["text"] in ("1,250.00", "860.00")})
    # A word from the name column running into the 总计 column.
    _add_word(page, "经费XXXXXXXX", 23.0, tops[row - 1] + LEADING)
    with pytest.raises(ReadError, match=r"stands across its columns.*pdftotext -raw"):
        read_page(page, 1, None)


def test_a_note_under_the_table_across_the_columns_is_not_a_row() -> None:
    page = _lay_out(_SIMPLE, _WIDTHS, 3.0, "TOP")
    bottom = max(w["bottom"] for w in page.words)
    _add_word(page, "注：本表金额单位为万元，项目按单位排列。", 23.0, bottom + 20)
    piece, _ = read_page(page, 1, None)
    assert _joined(piece.rows) == [[c or None for c in r] for r in _SIMPLE]
    # Near miss: text across the columns that is no note is refused.
    page = _lay_out(_SIMPLE, _WIDTHS, 3.0, "TOP")
    _add_word(page, "本表金额单位为万元，项目按单位排列。", 23.0, bottom + 20)
    with pytest.raises(ReadError, match="across its columns"):
        read_page(page, 1, None)


def test_a_refusal_reads_in_chinese() -> None:
    from audit.reports import read_error

    page = _lay_out(_SIMPLE, _WIDTHS, 3.0, "TOP")
    _add_word(
        page, "经费XXXXXXXX", 23.0, min(w["top"] for w in page.words if w["text"] == "860.00")
    )
    with pytest.raises(ReadError) as caught:
        read_page(page, 1, None)
    assert read_error(str(caught.value), "zh").startswith("没有框线的 PDF 表格无法可靠地分出行列")
