"""A header cell a table words its own way still heads its column: with a
mark after it (``绩效指标。``), a bracketed note (``绩效指标（含转移支付）``,
``绩效目标（年度）``, ``绩效指标（一级指标；二级指标；三级指标；指标值）``), or a
name the tool does not know whose last word says what the column holds
(``三级指标及指标值``, read with a note). A header cell that mentions
绩效目标 or 绩效指标 and heads no column read gets a note; a project is never
told its indicator cell is empty because its header was worded otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.model import Document
from audit.pipeline import load_path
from audit.readers import read_path
from audit.readers.common import header_columns
from tests.conftest import MARKET, MARKET_PROJECTS, SEED_002_HEADER

TITLE = "广州市人力资源和社会保障局2024年项目支出绩效目标表（含转移支付项目）"
AMOUNTS = ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金"]
PLAIN = header_columns([*AMOUNTS, "绩效目标", "绩效指标"])


def _rows(goal: str, indicators: str, extra: tuple[str, ...] = ()) -> list[list[str | None]]:
    header = [*AMOUNTS, goal, indicators, *extra]
    pad: list[str | None] = [None] * len(extra)
    return [
        [TITLE],
        header,  # type: ignore[list-item]
        ["合计", "432.00", "432.00", None, None, None, None, *pad],
        [MARKET, "432.00", "432.00", None, None, None, None, *pad],
        *([*project, *(["见附件说明。"] * len(extra))] for project in MARKET_PROJECTS),
    ]


def _html(rows: list[list[str | None]], path: Path) -> Path:
    from scripts import make_examples

    return make_examples.write_html(path, rows)


def _findings(document: Document, rules: tuple[str, ...]) -> list[str]:
    return [f.rule for f in run(document, load_config(None)) if f.rule in rules]


@pytest.mark.parametrize(
    ("goal", "indicators"),
    [
        ("绩效目标", "绩效指标。"),
        ("绩效目标", "绩效指标（含转移支付）"),
        ("绩效目标", "绩效指标（一级指标；二级指标；三级指标；指标值）"),
        ("绩效目标（年度）", "绩效指标"),
        ("绩效目标：", "绩效指标(含转移支付)"),
        ("绩 效 目 标（年度）", "绩 效 指 标。"),
    ],
)
def test_a_mark_or_a_note_after_the_name_heads_the_same_column(goal: str, indicators: str) -> None:
    assert header_columns([*AMOUNTS, goal, indicators]) == PLAIN


@pytest.mark.parametrize("carrier", ["html", "xlsx", "docx", "pdf"])
@pytest.mark.parametrize(
    ("goal", "indicators"),
    [("绩效目标", "绩效指标（含转移支付）"), ("绩效目标（年度）", "绩效指标。")],
)
def test_the_column_is_read_in_every_carrier(
    carrier: str, goal: str, indicators: str, tmp_path: Path
) -> None:
    """It was dropped: each project told ``parse-error … 未填写绩效指标`` (or
    ``missing-goal``), its clauses never read."""
    from scripts import make_examples

    rows = _rows(goal, indicators)
    document = load_path(make_examples.write_table(tmp_path / f"t.{carrier}", rows))
    projects = [p for unit in document.units for p in unit.projects]
    assert len(projects) == 2
    assert all(p.goal is not None and p.clauses for p in projects)
    assert _findings(document, ("parse-error", "missing-goal")) == []


def test_a_column_named_by_its_last_word_is_read_with_a_note(tmp_path: Path) -> None:
    """``三级指标及指标值`` is no column name the tool knows, but it names
    indicators last: the column is read, and a note says so."""
    notes: list[str] = []
    path = _html(_rows("绩效目标", "三级指标及指标值"), tmp_path / "t.html")
    document = load_path(path, notes.append)
    assert all(p.clauses for unit in document.units for p in unit.projects)
    assert notes == ["表1 第1行第7列: 「三级指标及指标值」 read as the 绩效指标 column: "
                     "its header's last word names it"]  # fmt: skip
    assert _findings(document, ("parse-error",)) == []


def test_an_explanation_column_beside_the_indicators_is_not_read(tmp_path: Path) -> None:
    """Near miss: ``绩效指标说明`` (a 说明, by its last word) beside a real
    绩效指标 column never becomes the indicator column; it is noted unread."""
    columns = header_columns([*AMOUNTS, "绩效目标", "绩效指标", "绩效指标说明"])
    assert columns == PLAIN
    notes: list[str] = []
    path = _html(_rows("绩效目标", "绩效指标", ("绩效指标说明",)), tmp_path / "t.html")
    document = read_path(path, notes.append)
    assert [row.indicators is not None for row in document.units[0].projects] == [True, True]
    assert notes == ["表1 第1行第8列: 「绩效指标说明」 column not read: its header names no "
                     "绩效目标 or 绩效指标 column the tool reads"]  # fmt: skip


def test_a_column_named_by_its_last_word_beside_its_explanation_is_read(tmp_path: Path) -> None:
    """``三级指标及指标值`` beside ``绩效指标说明`` (an explanation of the
    indicators, which names them first): the indicators are the first
    column's, read with a note, and the explanation is noted unread."""
    header = [*AMOUNTS, "绩效目标", "三级指标及指标值", "绩效指标说明"]
    assert header_columns(header) == PLAIN
    notes: list[str] = []
    path = _html(_rows("绩效目标", "三级指标及指标值", ("绩效指标说明",)), tmp_path / "t.html")
    document = load_path(path, notes.append)
    assert all(p.clauses for unit in document.units for p in unit.projects)
    assert not any("见附件说明" in c.name for p in document.projects for c in p.clauses)
    assert notes == [
        "表1 第1行第7列: 「三级指标及指标值」 read as the 绩效指标 column: "
        "its header's last word names it",
        "表1 第1行第8列: 「绩效指标说明」 column not read: its header names no "
        "绩效目标 or 绩效指标 column the tool reads",
    ]
    assert _findings(document, ("parse-error",)) == []


def test_two_columns_named_by_their_last_word_name_none() -> None:
    """Near misses: two cells whose last word names the indicators, neither
    about a known column (``三级指标及指标值 | 指标说明``, ``指标名称 | 指标值``),
    leave the column unread rather than guess."""
    two = header_columns([*AMOUNTS, "绩效目标", "三级指标及指标值", "指标说明"])
    assert two is not None and "indicators" not in two


def test_a_header_that_names_no_indicator_column_is_noted(tmp_path: Path) -> None:
    """``绩效指标说明`` alone: no column is read as the indicators (its last
    word names an explanation), and the note says why the cells are not."""
    notes: list[str] = []
    read_path(_html(_rows("绩效目标", "绩效指标说明"), tmp_path / "t.html"), notes.append)
    assert notes == ["表1 第1行第7列: 「绩效指标说明」 column not read: its header names no "
                     "绩效目标 or 绩效指标 column the tool reads"]  # fmt: skip


@pytest.mark.parametrize(
    ("note", "chinese"),
    [
        (
            "表1 第1行第7列: 「三级指标及指标值」 read as the 绩效指标 column: "
            "its header's last word names it",
            "提示：表1 第1行第7列：「三级指标及指标值」：表头不是已知的列名，按其末尾的词读作绩效指标列",
        ),
        (
            "表1 第1行第6列: 「绩效目标及内容」 read as the 绩效目标 column: "
            "its header's last word names it",
            "提示：表1 第1行第6列：「绩效目标及内容」：表头不是已知的列名，按其末尾的词读作绩效目标列",
        ),
        (
            "表1 第1行第8列: 「绩效指标说明」 column not read: its header names no "
            "绩效目标 or 绩效指标 column the tool reads",
            "提示：表1 第1行第8列：「绩效指标说明」：此列未读取：表头不是可读取的绩效目标列或绩效指标列",
        ),
    ],
)
def test_the_header_notes_read_in_chinese(note: str, chinese: str) -> None:
    from audit.reports import read_note

    assert read_note(note, "zh") == chinese
    assert read_note(note, "en") == f"note: {note}"


def test_the_headers_of_other_tables_stay_what_they_were() -> None:
    """Near misses: a list's grid (指标名称 | 指标值, 一级指标 | 二级指标)
    names no one indicator column; a self-evaluation's 绩效目标完成情况 is no
    goal; an adjustment table's 调整前 side is never read."""
    grid = header_columns([*AMOUNTS, "绩效目标", "指标名称", "指标值"])
    assert grid is not None and "indicators" not in grid
    levels = header_columns([*AMOUNTS, "绩效目标", "一级指标", "二级指标"])
    assert levels is not None and "indicators" not in levels
    outcome = header_columns([*AMOUNTS, "绩效目标完成情况", "绩效指标"])
    assert outcome is not None and "goal" not in outcome
    assert "goal" not in (header_columns([*AMOUNTS, "调整前绩效目标", "绩效指标"]) or {})
    assert "goal" not in (header_columns([*AMOUNTS, "绩效目标（调整前）", "绩效指标"]) or {})
    assert header_columns(["项目名称", "总计", "财政拨款", "其他资金", "年度目标", "一级指标",
                           "二级指标", "三级指标", "指标值"]) is None  # fmt: skip


def test_the_seed_header_is_unchanged() -> None:
    assert header_columns([cell or "" for cell in SEED_002_HEADER]) == PLAIN


WRAPPED = ["项目名称\n（资金使用单位）", "总计", "财政拨款", "财政专户\n拨款", "其他\n资金", "绩效\n目标",
           "绩效\n指标"]  # fmt: skip
"""A header whose cells wrap where the column is narrow (Alt+Enter in a
sheet, ``<br>`` on a web page, a line break in Word)."""


@pytest.mark.parametrize("carrier", ["html", "xlsx", "docx"])
def test_a_header_wrapped_in_its_cells_heads_the_table(carrier: str, tmp_path: Path) -> None:
    """The table was skipped as a budget table (项目名称 and amounts, no
    绩效目标 or 绩效指标 column): a cell ``绩效⏎指标`` named no column."""
    from scripts import make_examples

    assert header_columns(WRAPPED) == PLAIN
    rows = _rows("绩效目标", "绩效指标")
    rows[1] = list(WRAPPED)
    document = load_path(make_examples.write_table(tmp_path / f"t.{carrier}", rows))
    assert [len(p.clauses) > 0 for unit in document.units for p in unit.projects] == [True, True]


def test_a_name_cell_wrapped_over_lines_is_still_data() -> None:
    """Near miss: a project row whose name, wrapped, begins with 项目名称 is
    no header (its other cells are amounts and clauses)."""
    row = ["项目名称\n变更经费", "10.00", "10.00", "", "", "保障项目实施。", "1、1-产出指标"]
    assert header_columns(row) is None


def test_an_adjustment_side_in_a_bracket_is_told_as_in_front() -> None:
    """``绩效目标（调整后）`` is the 调整后 side, read as ``调整后绩效目标`` is;
    ``绩效目标（调整前）`` (the superseded side) is never read, and a table
    naming only that side is an adjustment table left unchecked."""
    from audit.readers.sidetables import adjustment_rows

    split = [*AMOUNTS, "绩效目标（调整前）", "绩效目标（调整后）", "绩效指标（调整前）",
             "绩效指标（调整后）"]  # fmt: skip
    words = [*AMOUNTS, "调整前绩效目标", "调整后绩效目标", "调整前绩效指标", "调整后绩效指标"]
    assert header_columns(split) == header_columns(words) == {**PLAIN, "goal": 6, "indicators": 8}
    superseded = [*AMOUNTS, "绩效目标（调整前）", "绩效指标（调整前）"]
    assert header_columns(superseded) is None
    assert adjustment_rows([superseded])
    assert not adjustment_rows([[*AMOUNTS, "绩效目标（年度）", "绩效指标"]])
