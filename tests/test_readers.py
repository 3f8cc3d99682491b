"""Readers: layout detection, the tab-separated and CSV layouts, encodings,
and clear errors for files that are not tables."""

from __future__ import annotations

import contextlib
import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause, ClauseError
from audit.pipeline import load_bytes, load_path, load_text
from audit.readers import ReadError, detect_layout
from tests.conftest import HEADER, SEED_001, SEED_002, project_row, tsv_table

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def clause_count(document) -> int:  # type: ignore[no-untyped-def]
    return int(document.counts()["clauses"])


# --------------------------------------------------------------------------
# The seeds


def test_seed_002_has_17_units_258_projects_1246_clauses(seed_002) -> None:  # type: ignore[no-untyped-def]
    assert seed_002.layout == "tsv"
    assert seed_002.organization == "广州市人力资源和社会保障局"
    assert len(seed_002.units) == 17
    assert len(seed_002.projects) == 258
    assert clause_count(seed_002) == 1246


def test_seed_002_only_unparsed_cell_is_the_outline_form(seed_002) -> None:  # type: ignore[no-untyped-def]
    errors = [
        (p.title, p.line, c.number)
        for p in seed_002.projects
        for c in p.clauses
        if isinstance(c, ClauseError)
    ]
    # The outline's five numbered items (1.产出数量 … 5.社会效益), each a stretch.
    project = "广州市劳动人事争议仲裁院2024-2025年信息化运维项目"
    assert errors == [(project, 630, number) for number in (1, 2, 3, 4, 5)]


def test_seed_002_units_and_grand_total(seed_002) -> None:  # type: ignore[no-untyped-def]
    assert seed_002.total is not None
    assert seed_002.total.amounts.value("total") == Decimal("746104.10")
    assert seed_002.total.amounts.value("other") == Decimal("7530.41")
    assert seed_002.total.amounts.special is None  # blank is absent, not zero
    first = seed_002.units[0]
    assert first.title == "广州市人力资源和社会保障局"
    assert first.amounts.value("total") == Decimal("136881.38")
    assert first.projects[0].title == "市就业补助资金（越秀区）"
    assert first.projects[0].line == 12
    names = [u.title for u in seed_002.units]
    assert names[-1] == "广州市人力资源和社会保障局服务中心"
    assert "广州市人事服务中心" in names


def test_seed_002_repeated_headers_do_not_become_rows(seed_002) -> None:  # type: ignore[no-untyped-def]
    titles = {p.title for p in seed_002.projects}
    assert not any(t.startswith("项目名称") for t in titles)
    # the project after the first page break (line 24)
    assert seed_002.units[0].projects[4].title == "市就业补助资金（黄埔区）"
    assert seed_002.units[0].projects[4].line == 24


def test_seed_001_reads_with_markup_removed_and_recorded(seed_001) -> None:  # type: ignore[no-untyped-def]
    assert len(seed_001.units) == 1
    assert len(seed_001.projects) == 12
    assert clause_count(seed_001) == 79
    first = seed_001.projects[0]
    assert first.goal is not None and not first.goal.value.startswith("<p>")
    assert first.indicators is not None and first.indicators.value.startswith("1、1-产出指标")
    assert {m.text for m in first.markup} == {"<p>", "</p>"}
    tag = first.markup[0]
    assert tag.span.line == 12
    line = SEED_001.read_text(encoding="utf-8").split("\n")[11]
    assert line[tag.span.column - 1 : tag.span.end_column - 1] == "<p>"


def test_spans_point_at_the_exact_characters_in_the_file(seed_001) -> None:  # type: ignore[no-untyped-def]
    lines = SEED_001.read_text(encoding="utf-8").split("\n")
    for project in seed_001.projects:
        for clause in project.clauses:
            assert isinstance(clause, Clause)
            for field in clause.fields:
                span = field.span
                if not field.text:
                    continue
                assert span.line == span.end_line
                assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == field.text
            name = clause.name_span
            assert lines[name.line - 1][name.column - 1 : name.end_column - 1] == clause.name


def test_every_example_reads(tmp_path: Path) -> None:
    for example in sorted(EXAMPLES.iterdir()):
        document = load_path(example)
        assert document.projects, example


# --------------------------------------------------------------------------
# Tab-separated details


def test_columns_are_taken_from_the_header() -> None:
    header = "项目名称\t财政拨款\t总计\t绩效目标\t绩效指标"
    text = "\n".join(
        [
            header,
            "某项目\t5.00\t6.00\t目标\t1、1-产出指标；11-数量指标；人数；实施周期指标值:1人；年度指标值:1人。",
        ]
    )
    (project,) = load_text(text).projects
    assert project.amounts.value("total") == Decimal("6.00")
    assert project.amounts.value("fiscal") == Decimal("5.00")
    assert project.amounts.special is None


def test_a_line_without_tabs_continues_the_previous_cell() -> None:
    indicators = "1、1-产出指标；11-数量指标；人数；实施周期指标值:1人；"
    text = tsv_table([project_row("某项目", indicators)]) + "年度指标值:1人。\n"
    (project,) = load_text(text).projects
    (clause,) = project.clauses
    assert isinstance(clause, Clause)
    assert clause.annual is not None and clause.annual.text == "1人"
    assert clause.annual.span.line == text.count("\n")


def test_rows_without_goal_or_indicators_are_units() -> None:
    text = tsv_table(
        [
            project_row(
                "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:1人；年度指标值:1人。"
            )
        ],
        total=["10.00", "10.00", "", "", "", ""],
        unit=["某单位", "10.00", "10.00", "", "", "", ""],
    )
    document = load_text(text)
    assert document.total is not None
    (unit,) = document.units
    assert unit.title == "某单位" and not unit.implicit
    assert [p.title for p in unit.projects] == ["项目甲"]


def test_projects_without_a_unit_row_belong_to_the_organisation() -> None:
    text = tsv_table(
        [
            project_row(
                "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:1人；年度指标值:1人。"
            )
        ]
    )
    (unit,) = load_text(text).units
    assert unit.implicit
    assert unit.title == "广州市测试中心"


def test_amounts_keep_text_when_not_a_number() -> None:
    text = tsv_table(
        [
            [
                "项目甲",
                "1,2x.00",
                "10",
                "",
                "",
                "目标",
                "1、1-产出指标；11-数量指标；人数；年度指标值:1人。",
            ]
        ]
    )
    (project,) = load_text(text).projects
    assert project.amounts.total is not None
    assert project.amounts.total.value is None
    assert project.amounts.total.text.value == "1,2x.00"
    assert project.amounts.value("fiscal") == Decimal("10")


# --------------------------------------------------------------------------
# CSV


def test_csv_example_with_quoted_newlines() -> None:
    document = load_path(EXAMPLES / "draft.csv")
    assert document.layout == "csv"
    assert document.organization == "广州市某区就业服务中心"
    (unit,) = document.units
    assert [p.title for p in unit.projects] == [
        "自谋职业随军家属专项补贴",
        "租赁岗位合同工经费",
        "产业人才发展专项资金",
    ]
    assert unit.amounts.value("total") == Decimal("1270.67")
    first = unit.projects[0]
    assert [c.number for c in first.clauses] == [1, 2, 3]
    third = unit.projects[2]
    assert third.goal is not None and '"以赛促学"' in third.goal.value


def test_csv_spans_point_into_the_file() -> None:
    path = EXAMPLES / "draft.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    document = load_path(path)
    for project in document.projects:
        name = project.name.span()
        assert lines[name.line - 1][name.column - 1 : name.end_column - 1] == project.title
        for clause in project.clauses:
            assert isinstance(clause, Clause)
            for field in clause.fields:
                span = field.span
                if field.text:
                    assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == field.text


def test_csv_written_by_the_csv_module_round_trips() -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER.split("\t"))
    indicators = (
        '1、1-产出指标；11-数量指标；人数，含"引号"；实施周期指标值:1人；\n年度指标值:1人。'
    )
    writer.writerow(["项目甲", "1,000.00", "1,000.00", "", "", "目标,含逗号", indicators])
    (project,) = load_text(buffer.getvalue()).projects
    assert project.amounts.value("total") == Decimal("1000.00")
    assert project.goal is not None and project.goal.value == "目标,含逗号"
    (clause,) = project.clauses
    assert isinstance(clause, Clause)
    assert clause.name == '人数，含"引号"'


@pytest.mark.parametrize(
    ("example", "before"),
    [
        ("national-list.csv", ",道路运输安全检查,"),  # a project's name
        ("national-list.csv", ",路面优良率,"),  # an indicator's
        ("national-list.csv", "2025年部门项目支出绩效目标表,"),  # the title: the whole file
    ],
)
def test_a_stray_quote_that_swallows_rows_is_refused(example: str, before: str) -> None:
    """One ``"`` typed before a cell makes every row up to the next quote part
    of it: the projects and units in them would vanish without a word."""
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    assert text.count(before) == 1
    at = 1 if before.startswith(",") else 0
    broken = text.replace(before, before[:at] + '"' + before[at:])
    with pytest.raises(ReadError, match=r"a quoted cell runs over \d+ lines .*stray quote"):
        load_text(broken, example)


def test_a_quoted_cell_over_lines_with_commas_of_its_own_is_read() -> None:
    """Near miss: a goal typed on lines, each with an amount or a list."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER.split("\t"))
    goal = "一、采购设备1,200台，单价1,000元\n二、培训3,000人次，覆盖1,2,3号楼\n三、验收合格"
    indicators = (
        "1、1-产出指标；11-数量指标；采购台数；实施周期指标值:1,200台；年度指标值:1,200台。"
    )
    writer.writerow(["项目甲", "1,000.00", "1,000.00", "", "", goal, indicators])
    (project,) = load_text(buffer.getvalue()).projects
    assert project.goal is not None and project.goal.value == goal


# --------------------------------------------------------------------------
# Encodings and bad input


def test_gb18030_and_bom_and_crlf_read_the_same() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    reference = load_bytes(text.encode("utf-8"), "a.txt")
    variants = {
        "gb18030": text.encode("gb18030"),
        "utf-8-sig": text.encode("utf-8-sig"),
        "utf-8": text.replace("\n", "\r\n").encode("utf-8"),
        "utf-16": text.encode("utf-16"),
    }
    for encoding, data in variants.items():
        document = load_bytes(data, "b.txt")
        assert document.source.encoding == encoding
        assert [p.title for p in document.projects] == [p.title for p in reference.projects]
        assert document.counts() == reference.counts()


def test_latin1_bytes_are_refused_not_guessed() -> None:
    data = ("Projekt\tTotal\tF\tS\tA\tZiel\tIndikatoren\n" + "Größe ä ö ü ß " * 200).encode(
        "latin-1"
    )
    with pytest.raises(ReadError, match=r"encoding|UTF-8"):
        load_bytes(data, "x.txt")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("只是一段文字，没有表头。\n".encode(), "not a performance-target table"),
    ],
)
def test_bad_input_gets_a_clear_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        load_bytes(data, "x.txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        load_path(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="directory"):
        load_path(tmp_path)


def test_truncated_table_still_reads_what_is_there() -> None:
    text = SEED_002.read_text(encoding="utf-8")
    cut = text[: len(text) // 3]
    document = load_text(cut)
    assert 0 < len(document.projects) < 258


def test_file_cut_inside_a_character_reads_up_to_the_cut() -> None:
    data = SEED_001.read_bytes()[:5000]
    assert data.decode("utf-8", errors="replace").endswith("\ufffd")
    document = load_bytes(data, "cut.txt")
    assert document.source.encoding == "utf-8"
    assert document.projects


def test_detect_layout_by_content() -> None:
    assert detect_layout(HEADER) == "tsv"
    assert detect_layout(HEADER.replace("\t", ",")) == "csv"
    assert (
        detect_layout(
            "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标"
        )
        == "pdf-text"
    )


# --------------------------------------------------------------------------
# Properties


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise_anything_but_read_error(data: bytes) -> None:
    with contextlib.suppress(ReadError):
        load_bytes(data, "x.txt")


SEED_LINES = SEED_002.read_text(encoding="utf-8").split("\n")[:60]


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_tables_read_or_fail_cleanly_with_spans_inside(data: st.DataObject) -> None:
    lines = list(SEED_LINES)
    for _ in range(data.draw(st.integers(0, 8))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "cut", "tab", "dup", "junk"]))
        line = lines[index]
        if action == "drop":
            del lines[index]
        elif action == "cut":
            lines[index] = line[: data.draw(st.integers(0, max(0, len(line))))]
        elif action == "tab":
            position = data.draw(st.integers(0, len(line)))
            lines[index] = line[:position] + "\t" + line[position:]
        elif action == "dup":
            lines.insert(index, line)
        else:
            lines.insert(index, data.draw(st.text(max_size=40)))
        if not lines:
            lines = [""]
    text = "\n".join(lines)
    try:
        document = load_text(text)
    except ReadError:
        return
    line_count = text.count("\n") + 1
    for project in document.projects:
        spans = [project.name.span()]
        for clause in project.clauses:
            spans.append(clause.span)
        for span in spans:
            assert 1 <= span.line <= line_count
            assert 1 <= span.end_line <= line_count
            assert span.column >= 1


def test_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import audit.readers as readers

    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(SEED_001.read_bytes())
    with pytest.raises(ReadError, match="too large"):
        load_path(path)
    with pytest.raises(ReadError, match="too large"):
        load_bytes(SEED_001.read_bytes(), "big.txt")


CELL = "1、1-产出指标；11-数量指标；人数；实施周期指标值:1人；年度指标值:1人。"


def test_a_project_with_empty_goal_and_indicators_is_not_taken_for_a_unit() -> None:
    text = tsv_table(
        [
            project_row("项目甲", CELL, amount="10.00"),
            ["项目乙（待填报）", "5.00", "5.00", "", "", "", ""],
            project_row("项目丙", CELL, amount="2.00"),
        ],
        unit=["某单位", "17.00", "17.00", "", "", "", ""],
    )
    (unit,) = load_text(text).units
    assert [p.title for p in unit.projects] == ["项目甲", "项目乙（待填报）", "项目丙"]
    assert unit.projects[1].goal is None and unit.projects[1].clauses == ()


def test_a_last_project_without_goal_or_indicators_stays_a_project() -> None:
    text = tsv_table(
        [project_row("项目甲", CELL, amount="10.00"), ["项目乙", "5.00", "5.00"]],
        unit=["某单位", "15.00", "15.00", "", "", "", ""],
    )
    (unit,) = load_text(text).units
    assert [p.title for p in unit.projects] == ["项目甲", "项目乙"]


def test_a_unit_row_with_a_wrong_subtotal_is_still_a_unit_by_its_name() -> None:
    text = tsv_table(
        [project_row("项目甲", CELL, amount="10.00"), project_row("项目乙", CELL, amount="5.00")],
        unit=["广州市某某服务中心", "99.00", "99.00", "", "", "", ""],
    )
    (unit,) = load_text(text).units
    assert unit.title == "广州市某某服务中心" and not unit.implicit
    assert len(unit.projects) == 2


def test_a_unit_row_whose_projects_add_up_is_a_unit_whatever_its_name() -> None:
    text = tsv_table(
        [project_row("项目甲", CELL, amount="10.00"), project_row("项目乙", CELL, amount="5.01")],
        unit=["某专项", "15.00", "15.00", "", "", "", ""],
    )
    (unit,) = load_text(text).units
    assert unit.title == "某专项" and [p.title for p in unit.projects] == ["项目甲", "项目乙"]
