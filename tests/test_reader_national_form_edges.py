"""What stands around a form's indicator grid and is no indicator: the
signature lines under it (填报人, 联系电话, 填报日期, 单位负责人), and the head
of the next form stacked under it on the same sheet (its title and its
``填报单位（盖章）：… | 金额单位：万元`` line). Each with near misses that must
stay indicators."""

from __future__ import annotations

import pytest

from audit.model import Document
from tests.conftest import lint
from tests.national import (
    FORM,
    FORM_MERGES,
    Merge,
    Rows,
    sheet_document,
    tsv_document,
    with_cells,
)

GRID_END = len(FORM)  # the row under the form's last indicator
WIDTH = len(FORM[0])


def _under(extra: Rows, merges: list[Merge] = ()) -> tuple[Rows, list[Merge]]:
    """The form with ``extra`` rows under its grid (merges given in them)."""
    rows = [list(row) for row in FORM] + [list(row) for row in extra]
    shifted = [(r1 + GRID_END, c1, r2 + GRID_END, c2) for r1, c1, r2, c2 in merges]
    return rows, [*FORM_MERGES, *shifted]


def _clean(document: Document) -> None:
    """One project with the form's five indicators, and no finding on a row
    under the grid."""
    [project] = document.projects
    assert [c.name for c in project.clauses] == [
        "健康讲座场次",
        "健康档案更新份数",
        "档案规范率",
        "居民健康知识知晓率",
        "居民满意度",
    ]
    findings = lint(document)
    assert not [f for f in findings if f.line > GRID_END and f.severity in ("error", "warning")]


# --------------------------------------------------------------------------
# Signature lines under the grid

SIGNATURES: list[tuple[str, Rows, list[Merge]]] = [
    (
        "merged pairs after a blank row",
        [
            [""] * WIDTH,
            ["填报人：王晓燕", "", "联系电话：0515-83512345", "", "填报日期：2022年1月10日"],
        ],
        [(1, 0, 1, 1), (1, 2, 1, 3)],
    ),
    (
        "labels and values in cells of their own",
        [["填报人：", "王晓燕", "联系电话：", "0515-83512345", ""]],
        [],
    ),
    (
        "the unit's head beside the filler",
        [["单位负责人：张建国", "", "填报人：王晓燕", "", ""]],
        [],
    ),
    (
        "labels without a colon, as the form's own",
        [["填报人", "王晓燕", "联系电话", "0515-83512345", ""]],
        [],
    ),
    (
        "the reviewer signing beside the maker",
        [["制表人：王晓燕", "", "审核：张建国", "", "日期：2022年1月10日"]],
        [],
    ),
]


@pytest.mark.parametrize(
    ("extra", "merges"), [(e, m) for _, e, m in SIGNATURES], ids=[i for i, _, _ in SIGNATURES]
)
def test_a_signature_under_the_grid_is_no_indicator(extra: Rows, merges: list[Merge]) -> None:
    rows, all_merges = _under(extra, merges)
    _clean(sheet_document(rows, all_merges))
    _clean(tsv_document(rows))


def test_a_signature_alone_on_its_row_stays_no_indicator() -> None:
    rows, merges = _under([["填报人：王晓燕", "", "", "", ""]])
    _clean(sheet_document(rows, merges))


def test_an_indicator_under_the_grid_stays_an_indicator() -> None:
    # a row that carries its categories down (blank in text) is the grid's
    rows, _ = _under([["", "", "签约服务人数", "≥3000人", "≥1000人"]])
    clauses = tsv_document(rows).projects[0].clauses
    assert [c.name for c in clauses][-1] == "签约服务人数"


def test_an_indicator_named_for_people_stays_an_indicator() -> None:
    # a name ending in 人 is no signature's role without its colon
    rows, _ = _under([["", "", "受益人", "≥3000人", "≥1000人"]])
    clauses = tsv_document(rows).projects[0].clauses
    assert [c.name for c in clauses][-1] == "受益人"


def test_an_indicator_whose_name_ends_with_a_colon_stays_an_indicator() -> None:
    rows, _ = _under([["", "", "培训人：", "≥300人", "≥100人"]])
    clauses = tsv_document(rows).projects[0].clauses
    assert [c.name for c in clauses][-1] == "培训人："


# --------------------------------------------------------------------------
# Forms stacked on one sheet, each under its own head


def _head(filer: list[str], title: bool) -> Rows:
    """A form's head: its title (when ``title``) and the ``filer`` row."""
    return ([["2019年度项目支出绩效目标申报表", "", "", "", ""]] if title else []) + [filer]


SECOND = with_cells(FORM[2:], {(0, 1): "孕产妇健康管理经费", (3, 3): "本年度开展孕产妇保健。"})


def _stacked(filer: list[str], title: bool, gap: int = 1) -> Rows:
    rows = [*_head(filer, title), *(list(row) for row in FORM[2:])]
    rows += [[""] * WIDTH for _ in range(gap)]
    return rows + _head(filer, title) + [list(row) for row in SECOND]


FILERS = [
    ["填报单位（盖章）：某区卫生健康局", "", "", "金额单位：万元", ""],
    ["填报单位：某区卫生健康局", "", "", "", "单位：万元"],
    ["申报单位(盖章)：某区卫生健康局", "", "", "金额单位：万元", ""],
    ["单位名称：某区卫生健康局", "", "", "金额单位：万元", ""],
]


@pytest.mark.parametrize("title", [True, False])
@pytest.mark.parametrize("filer", FILERS, ids=[row[0][:4] for row in FILERS])
@pytest.mark.parametrize("gap", [0, 1])
def test_the_next_forms_head_is_no_indicator_of_the_form_above(
    filer: list[str], title: bool, gap: int
) -> None:
    for document in (
        sheet_document(_stacked(filer, title, gap)),
        tsv_document(_stacked(filer, title, gap)),
    ):
        assert [p.title for p in document.projects] == [
            "社区公共卫生服务经费",
            "孕产妇健康管理经费",
        ]
        assert [len(p.clauses) for p in document.projects] == [5, 5]
        assert lint(document, ["unknown-category", "missing-field", "empty-value"]) == []


def test_a_filer_line_beside_an_indicators_cells_stays_an_indicator() -> None:
    # a row of the grid that holds more than headings is still read
    rows = [list(row) for row in FORM] + [
        ["", "", "填报单位（盖章）：某区卫生健康局", "≥1次", "≥1次"]
    ]
    clauses = tsv_document(rows).projects[0].clauses
    assert len(clauses) == 6
