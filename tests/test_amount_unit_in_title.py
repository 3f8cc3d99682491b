"""The amount unit stated in brackets after the table's title
(``2025年部门项目支出绩效目标表（单位：元）``) with no line of its own: the
amounts are in 元, read in 万元 exactly, in a list, a workbook and the
Guangzhou layout alike. The same words after other text (an indicator's
name, ``人均补助标准（单位：元）``) state no unit of the table."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from audit.model import Document
from audit.pipeline import load_path
from audit.readers.common import stated_unit
from tests.conftest import FIXTURES, lint
from tests.national import Merge, Rows, csv_document, sheet_document, tsv_document


def _list(title: str, name: str = "档案数字化页数") -> Rows:
    return [
        [title, "", "", "", "", ""],
        ["项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"],
        ["档案数字化", "1,280,000.00", "产出指标", "数量指标", name, "≥200万页"],
        ["", "", "满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%"],
    ]


def _total(
    rows: Rows, read: Callable[[Rows], Document] = tsv_document
) -> tuple[Decimal | None, str]:
    (project,) = read(rows).projects
    amount = project.amounts.total
    assert amount is not None
    return amount.value, amount.unit


def test_a_list_whose_title_states_yuan_is_read_in_wan() -> None:
    for title in (
        "2025年部门项目支出绩效目标表（单位：元）",
        "2025年部门项目支出绩效目标表(金额单位：元)",
        "2025年部门项目支出绩效目标表　单位：元",
    ):
        for read in (tsv_document, csv_document, sheet_document):
            assert _total(_list(title), read) == (Decimal("128"), "元"), (title, read)


def test_a_title_stating_wan_keeps_the_amounts_as_written() -> None:
    assert _total(_list("2025年部门项目支出绩效目标表（单位：万元）")) == (
        Decimal("1280000.00"),
        "万元",
    )


def test_a_unit_after_an_indicator_s_name_is_no_unit_of_the_table() -> None:
    """Near miss: 人均补助标准（单位：元） names the unit of one indicator; the
    table states none, so its amounts are in 万元."""
    rows = _list("2025年部门项目支出绩效目标表", name="人均补助标准（单位：元）")
    assert _total(rows) == (Decimal("1280000.00"), "万元")


def test_a_guangzhou_table_whose_title_states_yuan() -> None:
    document = load_path(FIXTURES / "unseen" / "title-unit-yuan.tsv")
    (project,) = document.projects
    assert project.amounts.value("total") == Decimal("120")
    assert project.amounts.value("fiscal") == Decimal("120")
    assert document.units[0].amounts.value("total") == Decimal("120")
    assert lint(document, ["amount-format", "subtotal-mismatch", "row-sum-mismatch"]) == []


_TITLES = st.sampled_from(
    ["2025年项目支出绩效目标表", "某区民政局2026年度项目支出绩效目标申报表", "项目绩效目标表"]
)
_UNITS = st.sampled_from(["元", "万元"])
_OPEN = st.sampled_from(["（", "(", " ", "\u3000", ""])


@given(_TITLES, _OPEN, st.sampled_from(["单位", "金额单位"]), _UNITS)
def test_a_title_s_tail_states_the_unit(title: str, opening: str, label: str, unit: str) -> None:
    closing = {"（": "）", "(": ")"}.get(opening, "")
    assert stated_unit(f"{title}{opening}{label}：{unit}{closing}") == unit


@given(st.text(alphabet="人均补助标准发放金额", min_size=1, max_size=10), _UNITS)
def test_other_text_s_tail_states_no_unit(text: str, unit: str) -> None:
    assert stated_unit(f"{text}（单位：{unit}）") is None


# --------------------------------------------------------------------------
# The unit at the end of a form's label line: 项目名称：某项目      单位：万元


def _form(name_line: str, total: str = "35.00") -> Rows:
    return [
        ["2025年项目支出绩效目标表", "", "", ""],
        [name_line, "", "", ""],
        ["资金总额", total, "财政拨款", total],
        ["年度目标", "完成全区古树名木普查复壮，古树保存率100%。", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "复壮古树数量", "≥60株"],
        ["效益指标", "生态效益指标", "古树保存率", "100%"],
    ]


_MERGED: list[Merge] = [(0, 0, 0, 3), (1, 0, 1, 3), (3, 1, 3, 3)]


def test_a_unit_after_the_project_s_name_is_no_part_of_it() -> None:
    for line in (
        "项目名称：古树名木保护          单位：万元",
        "项目名称：古树名木保护\u3000\u3000金额单位：万元",
        "项目名称：古树名木保护（单位：万元）",
    ):
        for document in (tsv_document(_form(line)), sheet_document(_form(line), _MERGED)):
            (project,) = document.projects
            assert project.name.value == "古树名木保护", line
            assert project.amounts.value("total") == Decimal("35.00")


def test_a_unit_of_yuan_after_the_project_s_name_is_the_table_s() -> None:
    document = sheet_document(
        _form("项目名称：古树名木保护      金额单位：元", "350,000.00"), _MERGED
    )
    (project,) = document.projects
    assert project.name.value == "古树名木保护"
    total = project.amounts.total
    assert total is not None
    assert (total.value, total.unit) == (Decimal("35"), "元")


def test_a_name_that_ends_with_unit_words_keeps_them() -> None:
    """Near miss: 单位 inside the name (a project for the units it names),
    with no colon and amount unit after it, is the name's."""
    line = "项目名称：基层预算单位财务管理培训"
    (project,) = tsv_document(_form(line)).projects
    assert project.name.value == "基层预算单位财务管理培训"
