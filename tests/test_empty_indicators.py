"""A project filled in but for its indicators (a goal and amounts, an empty
绩效指标 cell or an indicator grid without a row) is reported once, by
parse-error, as its catalogue entry and missing-category's say; a row whose
cells are all still empty, or one with no goal either, is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Finding
from tests.conftest import MARKET_PROJECTS, SEED_002_HEADER, lint, tsv_table
from tests.national import html_document, sheet_document, tsv_document, workbook_document

GOAL = "对辖区内城市道路照明设施开展日常巡查和维护，及时修复损坏灯具，保障夜间道路照明亮灯率。"
CLAUSES = (
    "1、1-产出指标；11-数量指标；维护路灯数量；实施周期指标值：≥12000盏；年度指标值：≥12000盏。"
    "2、2-效益指标；22-社会效益；夜间出行安全保障；实施周期指标值：有效保障；年度指标值：有效保障。"
)


def about_indicators(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.field == "indicators" or f.rule == "missing-category"]


def test_a_guangzhou_project_without_indicators_is_reported_once() -> None:
    text = tsv_table([["城市道路照明设施维护经费", "386.50", "386.50", "", "", GOAL, ""]])
    [finding] = about_indicators(lint(text))
    assert finding.rule == "parse-error"
    assert finding.project == "城市道路照明设施维护经费"
    assert "未填写绩效指标" in finding.message


def test_seed_projects_beside_it_keep_their_findings() -> None:
    rows = [list(p) for p in MARKET_PROJECTS]
    plain = lint(tsv_table([[c or "" for c in row] for row in rows]))
    empty = [[*[c or "" for c in rows[0]][:6], ""]]
    named = empty[0][0] + "（二期）"
    empty[0][0] = named
    both = lint(tsv_table([*[[c or "" for c in row] for row in rows], *empty]))
    added = [f for f in both if f.project == named]
    assert [f.rule for f in added if f.field == "indicators"] == ["parse-error"]
    assert sorted(f.message for f in both if f.project != named) == sorted(f.message for f in plain)


@pytest.mark.parametrize(
    "row",
    [
        ["城市道路照明设施维护经费", "386.50", "386.50", "", "", GOAL, CLAUSES],  # indicators
        ["城市道路照明设施维护经费", "386.50", "386.50", "", "", "", ""],  # no goal either
        ["城市道路照明设施维护经费", "", "", "", "", GOAL, ""],  # no amount either
    ],
)
def test_near_misses_get_no_empty_indicator_finding(row: list[str]) -> None:
    found = lint(tsv_table([row]))
    assert not [f for f in found if f.rule == "parse-error"]


FORM_NO_ROWS = [
    ["项目名称", "社区公共卫生服务经费", "主管部门", "某区卫生健康局", ""],
    ["资金总额（万元）", "360.00", "其中：财政拨款", "360.00", ""],
    ["年度目标", "本年度完成辖区居民健康档案更新，开展健康讲座十二场。", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"],
]


@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_a_national_form_without_an_indicator_row_is_reported_once(read) -> None:
    found = about_indicators(lint(read(FORM_NO_ROWS)))
    assert [f.rule for f in found] == ["parse-error"]


@pytest.mark.parametrize("write", [workbook_document, html_document])
def test_the_same_in_cell_carriers(write, tmp_path: Path) -> None:
    rows = [
        SEED_002_HEADER,
        ["城市道路照明设施维护经费", "386.50", "386.50", "", "", GOAL, ""],
    ]
    found = about_indicators(lint(write(rows, [], tmp_path)))
    assert [f.rule for f in found] == ["parse-error"]


def test_a_cell_too_large_to_parse_is_not_an_empty_one() -> None:
    # Past the longest cell parsed, the clauses are left unread and
    # cell-too-large says so; the cell is filled, not "未填写".
    from audit.limits import MAX_CELL_CHARS

    cell = CLAUSES * (MAX_CELL_CHARS // len(CLAUSES) + 1)
    text = tsv_table([["城市道路照明设施维护经费", "386.50", "386.50", "", "", GOAL, cell]])
    assert [f.rule for f in about_indicators(lint(text))] == ["cell-too-large"]
