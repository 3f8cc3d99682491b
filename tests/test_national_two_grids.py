"""A mid-term form printed as two indicator grids, 中期绩效指标 then 年度绩效指标:
each grid's own label names the value its 指标值 column holds, and an
indicator in both grids is one, with a period and an annual value."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Clause, Document
from audit.readers.national import grid_side
from tests.conftest import lint
from tests.national import (
    TWO_GRIDS_HEAD,
    TWO_GRIDS_INDICATORS,
    Rows,
    TablePart,
    docx_document,
    docx_tables_document,
    html_document,
    html_tables_document,
    pdf_document,
    pdf_tables_document,
    sheet_document,
    tsv_document,
    two_grids,
    workbook_document,
)


def _values(document: Document) -> list[tuple[str, str | None, str | None]]:
    """Each clause's name, period and annual value (None: no such field)."""
    found = []
    for project in document.projects:
        for clause in project.clauses:
            assert isinstance(clause, Clause)
            period, annual = clause.period, clause.annual
            found.append(
                (
                    clause.name,
                    None if period is None else period.text,
                    None if annual is None else annual.text,
                )
            )
    return found


def _both(
    indicators: Sequence[tuple[str, str, str, str, str]] = TWO_GRIDS_INDICATORS,
) -> list[tuple[str, str | None, str | None]]:
    return [(name, period, annual) for _, _, name, period, annual in indicators]


def test_the_grid_labels_name_the_period_and_the_annual_values() -> None:
    rows, merges = two_grids()
    document = sheet_document(rows, merges)
    assert _values(document) == _both()


def test_the_labels_in_a_heading_row_above_each_grid() -> None:
    rows, merges = two_grids(above=True)
    assert _values(sheet_document(rows, merges)) == _both()


@pytest.mark.parametrize("above", [False, True])
def test_labels_that_name_their_years_inside_them(above: bool) -> None:
    """``中期（2024-2026年）绩效指标``: the years aside, the label still names
    the grid's values, so the two grids are no duplicates of each other."""
    labels = ("中期（2024-2026年）绩效指标", "年度（2025年）绩效指标")
    rows, merges = two_grids(labels=labels, above=above)
    document = sheet_document(rows, merges)
    assert _values(document) == _both()
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []


def test_the_two_grids_raise_no_duplicates() -> None:
    rows, merges = two_grids()
    assert lint(sheet_document(rows, merges), ["duplicate-indicator", "duplicate-clause"]) == []


def test_an_annual_value_over_the_period_value_is_compared() -> None:
    over = [("产出指标", "数量指标", "新建防火隔离带长度", "120公里", "150公里")]
    rows, merges = two_grids([*over, *TWO_GRIDS_INDICATORS[1:]])
    findings = lint(sheet_document(rows, merges), ["annual-period-mismatch"])
    assert [(f.rule, f.location) for f in findings] == [
        ("annual-period-mismatch", "Sheet1!E" + str(rows.index(["", *over[0][:3], "150公里"]) + 1))
    ]
    rows, merges = two_grids()
    assert lint(sheet_document(rows, merges), ["annual-period-mismatch"]) == []


def test_an_indicator_in_one_grid_only_has_the_other_value_blank() -> None:
    indicators = [
        *TWO_GRIDS_INDICATORS[:2],
        ("产出指标", "时效指标", "防火期巡护覆盖率", "100%", ""),
        *TWO_GRIDS_INDICATORS[2:],
    ]
    extra = ("效益指标", "社会效益指标", "防火宣传覆盖行政村比例", "100%")
    rows, merges = two_grids(indicators, annual_only=[extra])
    document = sheet_document(rows, merges)
    assert _values(document) == [
        *_both(TWO_GRIDS_INDICATORS[:2]),
        ("防火期巡护覆盖率", "100%", ""),
        *_both(TWO_GRIDS_INDICATORS[2:]),
        ("防火宣传覆盖行政村比例", "", "100%"),
    ]
    empty = lint(document, ["empty-value"])
    assert len(empty) == 2
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []


def test_the_same_name_under_other_categories_is_another_indicator() -> None:
    moved = ("效益指标", "社会效益指标", "新建防火隔离带长度", "", "40公里")
    rows, merges = two_grids(
        [("产出指标", "数量指标", "新建防火隔离带长度", "120公里", ""), *TWO_GRIDS_INDICATORS[1:]],
        annual_only=[(*moved[:3], "40公里")],
    )
    values = _values(sheet_document(rows, merges))
    assert values[0] == ("新建防火隔离带长度", "120公里", "")
    assert values[-1] == ("新建防火隔离带长度", "", "40公里")


def _annual_grid_only() -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    rows, merges = two_grids()
    annual_top = next(i for i, row in enumerate(rows) if row[0] == "年度绩效指标")
    head = len(TWO_GRIDS_HEAD)
    rows = rows[:head] + rows[annual_top:]
    merges = [m for m in merges if m[0] < head] + [(head, 0, len(rows) - 1, 0)]
    return rows, merges


def test_a_form_with_one_grid_labelled_annual_keeps_its_annual_values() -> None:
    rows, merges = _annual_grid_only()
    values = _values(sheet_document(rows, merges))
    assert values == [(name, None, annual) for name, _, annual in _both()]


def test_a_form_with_one_grid_labelled_mid_term_holds_period_values() -> None:
    rows, merges = two_grids()
    annual_top = next(i for i, row in enumerate(rows) if row[0] == "年度绩效指标")
    rows = rows[:annual_top]
    merges = [m for m in merges if m[0] < annual_top]
    values = _values(sheet_document(rows, merges))
    assert values == [(name, period, None) for name, period, _ in _both()]


@pytest.mark.parametrize("above", [False, True])
def test_labels_that_name_their_values_in_brackets_after_them(above: bool) -> None:
    """``绩效指标（中期）`` over ``绩效指标（年度）``: the word in brackets names
    the grid's values as it does before 绩效指标."""
    rows, merges = two_grids(labels=("绩效指标（中期）", "绩效指标（年度）"), above=above)
    assert _values(sheet_document(rows, merges)) == _both()
    assert _values(tsv_document(rows)) == _both()


def test_a_grid_numbered_in_brackets_names_no_value() -> None:
    # near miss: 绩效指标（一） is a heading, no side
    assert grid_side("绩效指标（一）") is None
    assert grid_side("绩效指标（2026年）") is None


def test_an_unlabelled_grid_reads_its_value_as_annual() -> None:
    rows, merges = two_grids(labels=("绩效指标", "绩效指标"))
    values = _values(sheet_document(rows, merges))
    assert len(values) == 2 * len(TWO_GRIDS_INDICATORS)
    assert all(period is None for _, period, _ in values)


def test_two_projects_forms_one_under_another_each_keep_their_grid() -> None:
    first, first_merges = _annual_grid_only()
    second, second_merges = two_grids()
    second[1][1] = "林区防火道路维护项目"
    shift = len(first)
    rows = first + second
    merges = first_merges + [(t + shift, le, b + shift, r) for t, le, b, r in second_merges]
    document = sheet_document(rows, merges)
    names = [project.name.value for project in document.projects]
    assert names == ["森林草原防火能力建设项目", "林区防火道路维护项目"]
    values = _values(document)
    count = len(TWO_GRIDS_INDICATORS)
    assert values[:count] == [(name, None, annual) for name, _, annual in _both()]
    assert values[count:] == _both()
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []


@pytest.mark.parametrize("write", [workbook_document, docx_document, html_document, pdf_document])
def test_every_carrier_reads_the_two_grids(write: Callable[..., Document], tmp_path: Path) -> None:
    rows, merges = two_grids()
    document = write(rows, merges, tmp_path)
    assert _values(document) == _both()
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []


@pytest.mark.parametrize("above", [False, True])
def test_a_text_table_reads_the_two_grids(above: bool) -> None:
    rows, _ = two_grids(above=above)
    document = tsv_document(rows)
    assert _values(document) == _both()
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []


@pytest.mark.parametrize(
    ("label", "side"),
    [
        ("中期绩效指标", "period"),
        ("实施期绩效指标", "period"),
        ("长期绩效指标", "period"),
        ("项目周期绩效指标", "period"),
        ("中期绩效指标（2024年-2026年）", "period"),
        ("中期（2024-2026年）绩效指标", "period"),
        ("实施期（2025年—2027年）指标", "period"),
        ("年度（2025年）绩效指标", "annual"),
        ("年度绩效指标", "annual"),
        ("年 度 绩 效 指 标", "annual"),
        ("本年度绩效指标", "annual"),
        ("2025年度绩效指标", "annual"),
        ("绩效指标", None),
        ("三级指标", None),
        ("年度指标值", None),
        ("产出指标", None),
        ("中期目标", None),
        ("（2024-2026年）绩效指标", None),
    ],
)
def test_grid_side(label: str, side: str | None) -> None:
    assert grid_side(label) == side


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 999), st.integers(1, 999), st.booleans(), st.booleans()),
        min_size=1,
        max_size=5,
    ),
    st.booleans(),
)
def test_joined_values_follow_their_grid(
    specs: list[tuple[int, int, bool, bool]], above: bool
) -> None:
    """Whatever indicators stand in either grid, each reads the value of
    the grid it stands in, blank for the grid it is missing from."""
    indicators = []
    expected = []
    for index, (period, annual, in_period, in_annual) in enumerate(specs):
        if not (in_period or in_annual):
            continue
        name = f"新建设施{index + 1}数量"
        p = f"{period}处" if in_period else ""
        a = f"{annual}处" if in_annual else ""
        indicators.append(("产出指标", "数量指标", name, p, a))
        expected.append((name, p, a))
    if not indicators:
        return
    rows, merges = two_grids(indicators, above=above)
    got = _values(sheet_document(rows, merges))
    # An annual-only indicator follows those the period grid has.
    order = [e for e in expected if e[1]] + [e for e in expected if not e[1]]
    assert got == order


def _split(above: bool) -> tuple[TablePart, TablePart]:
    """The two-grid form as two tables, the annual grid in the second: its
    label in its left column, or (``above``) on the heading line over it."""
    rows, merges = two_grids(above=above)
    top = next(i for i, row in enumerate(rows) if row[0] == "年度绩效指标")
    first = ((), rows[:top], [m for m in merges if m[0] < top])
    start = top + 1 if above else top
    second = (
        ("年度绩效指标",) if above else (),
        rows[start:],
        [(t - start, le, b - start, r) for t, le, b, r in merges if t >= start],
    )
    return first, second


@pytest.mark.parametrize(
    ("write", "above"),
    [
        (docx_tables_document, False),
        (docx_tables_document, True),
        (html_tables_document, False),
        (html_tables_document, True),
        (pdf_tables_document, False),
    ],
)
def test_the_annual_grid_in_a_table_of_its_own(
    write: Callable[..., Document], above: bool, tmp_path: Path
) -> None:
    notes: list[str] = []
    document = write(list(_split(above)), tmp_path, notes)
    assert _values(document) == _both()
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []
    assert notes == []


@pytest.mark.parametrize(
    ("period", "annual"),
    [
        ("中期（2024-2026年）绩效指标", "年度（2024年）绩效指标"),
        ("长期绩效指标（2023-2027年）", "本年度绩效指标"),
        ("中期（2024-2026年）绩效指标", "年度指标值"),
    ],
)
def test_value_columns_labelled_as_grids_are(period: str, annual: str) -> None:
    """One grid whose value columns are headed as the two grids would be:
    the period column and the annual one, both read."""
    rows = [list(row) for row in TWO_GRIDS_HEAD]
    rows.append(["一级指标", "二级指标", "三级指标", period, annual])
    rows += [[a, b, c, p, y] for a, b, c, p, y in TWO_GRIDS_INDICATORS]
    assert _values(sheet_document(rows)) == _both()


def test_a_first_indicator_row_whose_note_names_a_value_is_no_header() -> None:
    """``… | ≥320条 | ≥320条 | 达到目标值得满分``: a row of an indicator, whatever
    its note says; the header's second row holds header words only."""
    rows = [list(row) for row in TWO_GRIDS_HEAD]
    rows.append(["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值", "指标值说明"])
    notes = ["达到目标值得满分", "年度指标值按上级下达任务确定", "以实施期指标值为准", "", ""]
    for (a, b, c, p, y), note in zip(TWO_GRIDS_INDICATORS, notes, strict=True):
        rows.append([a, b, c, p, y, note])
    assert _values(sheet_document(rows)) == _both()


def _one_header(
    label_every_row: bool, labels: tuple[str, str] = ("中期绩效指标", "年度绩效指标")
) -> Rows:
    """The two grids under one header row (its left cell blank), each grid's
    label in the left column beside its rows: once at its first row (a text
    copy of the merged cell) or on every row (the workbook's fill)."""
    rows: Rows = [list(row) for row in TWO_GRIDS_HEAD]
    rows.append(["", "一级指标", "二级指标", "三级指标", "指标值"])
    for label, at in zip(labels, (3, 4), strict=True):
        for position, indicator in enumerate(TWO_GRIDS_INDICATORS):
            shown = label if label_every_row or position == 0 else ""
            rows.append([shown, *indicator[:3], indicator[at]])
    return rows


@pytest.mark.parametrize("every_row", [False, True])
def test_labels_beside_the_rows_under_one_header(every_row: bool) -> None:
    document = tsv_document(_one_header(every_row))
    assert _values(document) == _both()
    assert lint(document, ["duplicate-indicator", "duplicate-clause"]) == []


def test_labels_beside_the_rows_merged_down_in_a_workbook() -> None:
    rows = _one_header(False)
    top = len(TWO_GRIDS_HEAD) + 1
    count = len(TWO_GRIDS_INDICATORS)
    merges = [(top, 0, top + count - 1, 0), (top + count, 0, top + 2 * count - 1, 0)]
    assert _values(sheet_document(rows, merges)) == _both()


def test_one_label_beside_every_row_keeps_the_rows() -> None:
    """Near miss: a single grid labelled 年度绩效指标 (or 绩效指标) down its
    left column is one grid: each row an indicator with its annual value."""
    rows: Rows = [list(row) for row in TWO_GRIDS_HEAD]
    rows.append(["", "一级指标", "二级指标", "三级指标", "指标值"])
    rows += [["年度绩效指标", *row[:3], row[4]] for row in TWO_GRIDS_INDICATORS]
    assert _values(tsv_document(rows)) == [(n, None, a) for _, _, n, _, a in TWO_GRIDS_INDICATORS]
    head = len(TWO_GRIDS_HEAD) + 1
    rows = rows[:head] + [["绩效指标", *row[1:]] for row in rows[head:]]
    assert [annual for _, _, annual in _values(tsv_document(rows))] == [
        a for *_, a in TWO_GRIDS_INDICATORS
    ]
