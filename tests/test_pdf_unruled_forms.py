"""The national template's forms in a PDF printed without ruling lines: read
from the words' places as the same forms ruled are read from their cells.

The PDFs are written by ``scripts/make_examples.py`` (reportlab), each form
twice, ruled and not, so every test compares the two readings: the projects,
their amounts and goals, each indicator row's cells, and the findings.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import AMOUNT_COLUMNS, Document
from audit.parsing import parse_document
from audit.pipeline import load_path
from audit.readers.decode import ReadError
from audit.readers.pdfwords import UNRULED, read_form_page
from scripts.make_examples import write_pdf
from scripts.make_national_examples import FORM, FORM_MERGES, FORM_WIDTHS, LIST, LIST_MERGES
from tests.test_pdf_unruled import _add_word, _Page

Rows = list[list[str | None]]
Merges = list[tuple[int, int, int, int]]


def _shape(document: Document) -> list[tuple[Any, ...]]:
    """Each project's name, amounts, goals and indicator rows (cell texts)."""
    return [
        (
            str(project.name),
            tuple(
                None if amount is None or amount.value is None else str(amount.value)
                for amount in map(project.amounts.get, AMOUNT_COLUMNS)
            ),
            str(project.goal),
            [tuple(getattr(cell, "value", None) for cell in cells) for cells in project.cells],
        )
        for unit in document.units
        for project in unit.projects
    ]


def _findings(document: Document) -> list[tuple[Any, ...]]:
    found = run(parse_document(document), load_config(None, discover=False))
    return sorted((f.rule, f.project, f.clause, f.field, f.message) for f in found)


def _both(
    tmp_path: Path, rows: Rows, merges: Merges, widths: Any, **options: Any
) -> tuple[Document, Document]:
    ruled = load_path(write_pdf(tmp_path / "ruled.pdf", rows, merges, widths, **options))
    unruled = write_pdf(tmp_path / "unruled.pdf", rows, merges, widths, ruled=False, **options)
    return ruled, load_path(unruled)


_EXAMPLE = [[cell or None for cell in row] for row in FORM]
"""The README's national form: a placeholder, an empty template row (经济效益指标
alone), a satisfaction level given a count, and two forms."""


@pytest.mark.parametrize("align", ["LEFT", "CENTRE"])
@pytest.mark.parametrize("valign", ["TOP", "MIDDLE"])
def test_an_unruled_form_reads_as_the_ruled_one(tmp_path: Path, valign: str, align: str) -> None:
    # 产出指标 merged over three rows and 数量指标 over two: set in the middle,
    # the one prints on the middle row, the other between two rows.
    ruled, unruled = _both(
        tmp_path, _EXAMPLE, FORM_MERGES, FORM_WIDTHS, font_size=8, valign=valign, align=align
    )
    assert unruled.layout == ruled.layout == "national-form (pdf)"
    assert _shape(unruled) == _shape(ruled)
    assert [name for name, *_ in _shape(unruled)] == ["社区公共卫生服务经费", "老年人健康体检"]
    first = _shape(unruled)[0][3]
    assert [row[:2] for row in first[:3]] == [("产出指标", "数量指标")] * 2 + [
        ("产出指标", "质量指标")
    ]
    assert _findings(unruled) == _findings(ruled)
    rules = {rule for rule, *_ in _findings(unruled)}
    assert {"placeholder", "empty-row", "value-type-mismatch"} <= rules


# --------------------------------------------------------------------------
# Forms of any shape, several to a file, running over pages

_LEVEL2 = {
    "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
    "效益指标": ["社会效益指标", "经济效益指标", "可持续影响指标"],
    "满意度指标": ["服务对象满意度指标"],
}
_NAMES = [
    "健康讲座场次",
    "档案规范率",
    "辖区居民健康知识知晓率较上年提高情况",
    "居民满意度",
    "项目资金执行率",
    "培训人次",
]
_VALUES = ["≥36场", "≥95%", "2025年12月底前", "≤50万元", "完成年度任务数量的设备置换，数量为24台"]


def _forms(draw: Any, count: int) -> tuple[Rows, Merges]:
    """``count`` forms one under another, each indicator grid with 一级指标
    and 二级指标 merged over their rows (``draw``: picks one of a list)."""
    rows: Rows = [["2025年项目支出绩效目标表"] + [None] * 4, ["金额单位：万元"] + [None] * 4]
    merges: Merges = []
    for number in range(count):
        amount = f"{draw(range(10, 1000))}.00"
        rows += [
            ["项目名称", f"社区卫生服务项目{number + 1}", "主管部门", "某区卫生健康局", None],
            ["实施单位", "某区疾病预防控制中心", "项目期", "2025.01-2025.12", None],
            ["资金总额（万元）", amount, "其中：财政拨款", amount, None],
            [
                "实施期目标",
                "完成辖区居民健康档案规范化管理，开展健康教育。" * draw([1, 2, 3]),
                "年度目标",
                f"本年度完成第{number + 1}批居民健康档案更新，开展健康讲座。",
                None,
            ],
            ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
        ]
        for level1 in draw([list(_LEVEL2)[:k] for k in (1, 2, 3)] + [["满意度指标", "产出指标"]]):
            start = len(rows)
            for level2 in _LEVEL2[level1][: draw([1, 2, 3])]:
                top = len(rows)
                for _ in range(draw([1, 2, 3])):
                    value = draw(_VALUES)
                    first, second = len(rows) == start, len(rows) == top
                    level1_cell = level1 if first else None
                    level2_cell = level2 if second else None
                    rows.append([level1_cell, level2_cell, draw(_NAMES), value, value])
                if len(rows) - 1 > top:
                    merges.append((top, 1, len(rows) - 1, 1))
            if len(rows) - 1 > start:
                merges.append((start, 0, len(rows) - 1, 0))
    return rows, merges


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("valign", ["TOP", "MIDDLE"])
def test_forms_over_pages_read_as_the_ruled_ones(tmp_path: Path, seed: int, valign: str) -> None:
    # Three forms a file, in narrow columns so that names wrap and forms run
    # over pages, each page headed by the first form's 项目名称 row again (a
    # sheet's print titles) over the grid going on from the page before.
    chooser = random.Random(seed)
    rows, merges = _forms(chooser.choice, 3)
    ruled, unruled = _both(tmp_path, rows, merges, (16, 16, 16, 16, 16), font_size=9, valign=valign)
    assert len(_shape(ruled)) == 3
    assert _shape(unruled) == _shape(ruled)
    assert _findings(unruled) == _findings(ruled)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    valign=st.sampled_from(["TOP", "MIDDLE", "BOTTOM"]),
    align=st.sampled_from(["LEFT", "CENTRE"]),
    widths=st.sampled_from([(16, 30, 16, 30, 16), (16, 16, 16, 16, 16), (12, 14, 30, 16, 16)]),
    font_size=st.sampled_from([7, 8, 9]),
)
def test_any_form_unruled_reads_as_ruled_or_is_refused(
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
    valign: str,
    align: str,
    widths: tuple[int, ...],
    font_size: int,
) -> None:
    count = data.draw(st.integers(1, 3))
    rows, merges = _forms(lambda options: data.draw(st.sampled_from(list(options))), count)
    tmp_path = tmp_path_factory.mktemp("forms")
    options = {"valign": valign, "align": align, "font_size": font_size}
    ruled = load_path(write_pdf(tmp_path / "ruled.pdf", rows, merges, widths, **options))
    path = write_pdf(tmp_path / "unruled.pdf", rows, merges, widths, ruled=False, **options)
    try:
        unruled = load_path(path)
    except ReadError as error:  # refused with the reason, never misread
        assert str(error).startswith(UNRULED)
        return
    assert _shape(unruled) == _shape(ruled)


# --------------------------------------------------------------------------
# What cannot be told is refused


def test_categories_set_at_the_bottom_of_merged_rows_are_refused(tmp_path: Path) -> None:
    # Set at the bottom, 产出指标 prints on the last of its three rows with
    # two blank cells above it: merged over them, or left blank under the
    # category above (as unmerged blanks are read), cannot be told.
    path = write_pdf(
        tmp_path / "bottom.pdf", _EXAMPLE, FORM_MERGES, FORM_WIDTHS, ruled=False, valign="BOTTOM"
    )
    with pytest.raises(ReadError, match=r"the rows its 一级指标 and 二级指标 cells stand over"):
        load_path(path)
    # Near miss: every row with its categories, nothing merged, is read.
    filled: Rows = []
    for row in _EXAMPLE:
        if filled and filled[-1][0] not in (None, "一级指标") and row[0] is None:
            if not row[2]:
                continue  # the template's empty row, which names no 一级指标
            row = [filled[-1][0], row[1] or filled[-1][1], *row[2:]]
        filled.append(list(row))
    ruled, unruled = _both(tmp_path, filled, [], FORM_WIDTHS, font_size=8, valign="BOTTOM")
    assert _shape(unruled) == _shape(ruled)


def test_a_list_of_projects_set_at_the_top_reads_as_the_ruled_one(tmp_path: Path) -> None:
    # Each project's cells (名称, 预算数, 年度目标) merged over its rows, set
    # at their top: the projects' rows as the ruled list's.
    from scripts.make_national_examples import LIST_WIDTHS

    rows = [[cell or None for cell in row] for row in LIST]
    ruled, unruled = _both(tmp_path, rows, LIST_MERGES, LIST_WIDTHS)
    assert unruled.layout == ruled.layout == "national-list (pdf)"
    assert _shape(unruled) == _shape(ruled)
    assert len(_shape(unruled)) == 3
    assert _findings(unruled) == _findings(ruled)


def test_a_list_whose_rows_cannot_be_told_is_refused(tmp_path: Path) -> None:
    # Set in the middle, the first project's cells merged over five rows
    # print beside its third, the others' (not merged) beside their first,
    # and its 一级指标 cells are left blank below, not merged: which rows
    # each stands over cannot be told.
    from scripts.make_national_examples import LIST_WIDTHS

    rows = [[cell or None for cell in row] for row in LIST]
    path = write_pdf(
        tmp_path / "list.pdf", rows, LIST_MERGES, LIST_WIDTHS, ruled=False, valign="MIDDLE"
    )
    with pytest.raises(ReadError, match=r"the rows its project and category cells stand over"):
        load_path(path)


def _form_page(value_x: float) -> _Page:
    """A form's 项目名称 row, its value at ``value_x``, over an indicator grid
    of five columns 100 points apart."""
    page = _Page([], [])
    for column, text in enumerate(
        ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"]
    ):
        _add_word(page, text, 20.0 + 100 * column, 80.0)
    _add_word(page, "项目名称", 20.0, 40.0)
    _add_word(page, "社区卫生服务", value_x, 40.0)
    for column, text in enumerate(["产出指标", "数量指标", "讲座场次", "≥36场", "≥12场"]):
        _add_word(page, text, 20.0 + 100 * column, 100.0)
    return page


def test_a_form_block_beside_the_grids_columns_is_refused() -> None:
    # The value begins in its label's column (a block with columns of its
    # own, as a Word table's): it would be read into the label.
    with pytest.raises(ReadError, match=r"label “项目名称” and its value do not stand"):
        read_form_page(_form_page(40.0), 1, None)
    # Between the columns, it leaves their border unknown.
    with pytest.raises(ReadError, match=r"columns run into each other"):
        read_form_page(_form_page(60.0), 1, None)
    # Near miss: the value in the next column is read beside its label.
    piece, _ = read_form_page(_form_page(120.0), 1, None)
    assert piece.rows[0][:2] == ["项目名称", "社区卫生服务"]
    assert piece.rows[2] == ["产出指标", "数量指标", "讲座场次", "≥36场", "≥12场"]


def test_forms_that_end_their_pages_alike_keep_their_last_rows(tmp_path: Path) -> None:
    # One form a page, each ending on the same indicator row: a line that
    # ends two pages is a running foot only when it is no row of the grid.
    forms = []
    for number in (1, 2):
        rows = [
            ["项目名称", f"老年人健康体检{number}", "主管部门", "某区卫生健康局"],
            ["资金总额（万元）", "80.00", "其中：财政拨款", "80.00"],
            ["年度目标", f"为辖区老年人提供第{number}次免费健康体检。", None, None],
            ["一级指标", "二级指标", "三级指标", "年度指标值"],
            ["产出指标", "数量指标", f"体检人数{number}", "≥5000人"],
            ["满意度指标", "服务对象满意度指标", "体检对象满意度", "≥90%"],
        ]
        forms.append(([[cell or None for cell in row] for row in rows], []))
    (first, _), more = forms[0], forms[1:]
    ruled, unruled = _both(tmp_path, first, [], (16, 30, 16, 30), more=more)
    assert _shape(unruled) == _shape(ruled)
    assert [len(rows) for *_, rows in _shape(unruled)] == [2, 2]
