"""A national form whose amounts stand as a row of heads over a row of
values (``项目资金（万元） | 合计 | 财政拨款 | 其他资金`` over ``| 360.00 |
300.00 | 50.00``), as county forms print the project's funds: 合计 there is
the project's total, so the sum checks have a total to compare."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.model import Document
from tests.conftest import lint
from tests.national import Merge, Rows, csv_document, sheet_document, tsv_document

_HEAD: Rows = [
    ["项目支出绩效目标表", "", "", "", ""],
    ["项目名称", "乡村学校少年宫运行经费", "主管部门", "某县教育体育局", ""],
    ["实施单位", "某县第二中学", "项目期", "2025年", ""],
]
_GRID: Rows = [
    ["年度目标", "保障12所乡村学校少年宫正常运行，开展课外活动不少于480场次。", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", ""],
    ["产出指标", "数量指标", "少年宫运行个数", "12个", ""],
    ["", "", "开展课外活动场次", "≥480场次", ""],
    ["效益指标", "社会效益指标", "学生参与率", "≥85%", ""],
    ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", ""],
]


def _beside(
    caption: str = "项目资金（万元）", values: tuple[str, str, str] = ("60.00", "48.00", "10.00")
) -> Rows:
    """The caption left of the heads, the values under them."""
    return [
        *_HEAD,
        [caption, "合计", "财政拨款", "其他资金", ""],
        ["", *values, ""],
        *_GRID,
    ]


def _under(caption: str = "项目资金（万元）") -> Rows:
    """The caption merged over the heads, the heads on a row of their own."""
    return [
        *_HEAD,
        [caption, "", "", "", ""],
        ["合计", "财政拨款", "其他资金", "", ""],
        ["60.00", "48.00", "10.00", "", ""],
        *_GRID,
    ]


_BESIDE_MERGES: list[Merge] = [(0, 0, 0, 4), (3, 0, 4, 0)]
_UNDER_MERGES: list[Merge] = [(0, 0, 0, 4), (3, 0, 3, 2)]


def _amounts(document: Document) -> list[Decimal | None]:
    (project,) = document.projects
    return [project.amounts.value(key) for key in ("total", "fiscal", "other")]


@pytest.mark.parametrize("read", [tsv_document, csv_document])
def test_the_total_under_its_head_is_read(read) -> None:  # type: ignore[no-untyped-def]
    document = read(_beside())
    assert _amounts(document) == [Decimal("60.00"), Decimal("48.00"), Decimal("10.00")]
    # 48 + 10 is not 60: the sum check now has a total to compare
    assert [f.rule for f in lint(document, ["row-sum-mismatch", "amount-format"])] == [
        "row-sum-mismatch"
    ]
    assert len(document.projects[0].clauses) == 4


@pytest.mark.parametrize(
    ("rows", "merges"), [(_beside(), _BESIDE_MERGES), (_under(), _UNDER_MERGES)]
)
def test_the_workbook_with_the_caption_merged_reads_the_total(
    rows: Rows, merges: list[Merge]
) -> None:
    assert _amounts(sheet_document(rows, merges)) == [
        Decimal("60.00"),
        Decimal("48.00"),
        Decimal("10.00"),
    ]


def test_the_caption_merged_over_the_heads_names_their_unit() -> None:
    document = tsv_document(_under("项目资金（元）"))
    (project,) = document.projects
    total = project.amounts.total
    assert total is not None and (total.value, total.unit) == (Decimal("0.006"), "元")


def test_a_subtotal_head_and_own_funds_are_the_total_and_the_other_funds() -> None:
    rows = _beside("资金来源（万元）")
    rows[3][1:4] = ["小计", "财政资金", "自筹资金"]
    rows[4][1:4] = ["60.00", "50.00", "10.00"]
    assert _amounts(tsv_document(rows)) == [Decimal("60.00"), Decimal("50.00"), Decimal("10.00")]


def test_a_total_written_beside_its_label_is_read_as_before() -> None:
    """Near miss: label/value pairs on one row (``资金总额 | 60.00 | 其中：财政拨款
    | 60.00``) are no row of heads."""
    rows = [*_HEAD, ["资金总额（万元）", "60.00", "其中：财政拨款", "60.00", ""], *_GRID]
    document = tsv_document(rows)
    assert _amounts(document)[:2] == [Decimal("60.00"), Decimal("60.00")]
    assert lint(document, ["row-sum-mismatch"]) == []


def test_heads_without_values_under_them_read_no_total() -> None:
    """Near miss: heads with the goal's label right under them hold no
    amounts: 合计 names no total, and nothing is invented."""
    rows = [*_HEAD, ["项目资金（万元）", "合计", "财政拨款", "其他资金", ""], *_GRID]
    document = tsv_document(rows)
    assert _amounts(document) == [None, None, None]
    assert len(document.projects[0].clauses) == 4


def test_a_weights_total_under_the_grid_begins_no_form() -> None:
    """Near miss: 合计 under the grid (the weights' total) is no amount head."""
    rows = [[*row, ""] for row in _beside()]
    rows[6][5] = "权重"
    for index in range(7, 11):
        rows[index][5] = "25"
    rows.append(["合计", "", "", "", "", "100"])
    document = tsv_document(rows)
    assert [project.name.value for project in document.projects] == ["乡村学校少年宫运行经费"]
    assert _amounts(document)[0] == Decimal("60.00")
    assert lint(document, ["weight-sum"]) == []
