"""A 指标方向 column (正向 / 反向, 正向指标 / 反向指标, 越大越好 / 越小越好)
beside a bare 指标值 is its comparator: 正向 a floor (≥), 反向 a cap (≤).
A comparator written in the value or in its own column wins; a value that is
text, a date or a deadline gets none. So ``comparator-direction`` sees a
满意度 marked 反向 and a cost marked 正向."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Clause, Document
from tests.conftest import lint
from tests.national import FORM, Rows, sheet_document, tsv_document, workbook_document

HEADER = ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "权重"]
TOP = [[*row[:5], "", ""] for row in FORM[2:6]]


def form(*indicators: tuple[str, str, str, str, str, str]) -> Rows:
    """The form with a grid ``一级 | 二级 | 三级 | 指标方向 | 指标值 | 度量单位 | 权重``."""
    return [*TOP, HEADER, *([*row, "10"] for row in indicators)]


def annual(document: Document) -> list[str | None]:
    return [
        c.annual.text if c.annual else None
        for p in document.projects
        for c in p.clauses
        if isinstance(c, Clause)
    ]


def both(rows: Rows) -> list[Document]:
    return [tsv_document(rows), sheet_document(rows)]


COUNT = ("产出指标", "数量指标", "维修养护集中供水工程处数")
COST = ("产出指标", "成本指标", "单处工程维修平均成本")
SATISFACTION = ("满意度指标", "服务对象满意度指标", "受益群众满意度")
RATE = ("效益指标", "社会效益指标", "农村集中供水率")


@pytest.mark.parametrize(
    ("direction", "value", "unit", "read"),
    [
        ("正向", "42", "处", "≥42处"),
        ("反向", "4.4", "万元", "≤4.4万元"),
        ("正向指标", "95", "%", "≥95%"),
        ("反向指标", "12", "%", "≤12%"),
        ("越大越好", "90%", "", "≥90%"),
        ("越小越好", "24", "小时", "≤24小时"),
        ("正 向", "5", "年", "≥5年"),  # spaced for alignment; a duration
        ("反向", "3", "个工作日", "≤3个工作日"),  # a duration in working days, no date
    ],
)
def test_a_direction_is_the_comparator_of_a_bare_value(
    direction: str, value: str, unit: str, read: str
) -> None:
    for document in both(form((*COUNT, direction, value, unit))):
        assert annual(document) == [read]


@pytest.mark.parametrize(
    ("direction", "value", "unit"),
    [
        ("正向", "≤90", "%"),  # written: it wins, and says nothing new
        ("反向", "不低于95", "%"),
        ("正向", "90%以上", ""),
        ("反向", "24小时内", ""),
        ("正向", "2025年10月底前", ""),  # a deadline
        ("正向", "12月", ""),
        ("正向", "10-15", "人"),  # a range
        ("正向", "明显改善", ""),  # text
        ("定性", "42", "处"),  # no direction
        ("", "42", "处"),
    ],
)
def test_no_direction_where_the_value_has_its_own_or_is_no_amount(
    direction: str, value: str, unit: str
) -> None:
    expected = (
        value if not unit or value.endswith(unit) or not value[-1].isdigit() else value + unit
    )
    for document in both(form((*COUNT, direction, value, unit))):
        assert annual(document) == [expected]


def test_a_comparator_column_wins_over_the_direction() -> None:
    rows = [
        *TOP,
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标方向"],
        [*SATISFACTION, "≥", "90", "%", "反向"],
        [*COST, "定量", "4.4", "万元", "反向"],  # 定量 is no comparator: the direction is
    ]
    for document in both(rows):
        assert annual(document) == ["≥90%", "≤4.4万元"]
        # the value keeps its own ≥; that it contradicts 反向 is reported, at the direction
        (finding,) = lint(document, ["comparator-direction"])
        assert (finding.clause, finding.excerpt) == (1, "反向")
        assert "指标方向为「反向」" in finding.message


def test_both_values_of_a_period_form_take_the_direction() -> None:
    header = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标方向",
        "实施期指标值",
        "年度指标值",
        "度量单位",
    ]
    rows = [*TOP, header, [*COST, "反向", "13.2", "4.4", "万元"]]
    for document in both(rows):
        clause = document.projects[0].clauses[0]
        assert isinstance(clause, Clause)
        assert clause.period is not None and clause.period.text == "≤13.2万元"
        assert clause.annual is not None and clause.annual.text == "≤4.4万元"


def test_a_satisfaction_capped_by_its_direction_is_reported(tmp_path: Path) -> None:
    rows = form(
        (*COUNT, "正向", "42", "处"),
        (*RATE, "正向", "90", "%"),
        (*COST, "正向", "4.4", "万元"),
        (*SATISFACTION, "反向", "90", "%"),
    )
    for document in [*both(rows), workbook_document(rows, [], tmp_path)]:
        found = lint(document, ["comparator-direction"])
        assert sorted(f.clause for f in found) == [3, 4]
        assert {f.rule for f in found} == {"comparator-direction"}


def test_the_right_directions_are_no_finding() -> None:
    rows = form(
        (*COUNT, "正向", "42", "处"),
        (*RATE, "正向", "90", "%"),
        (*COST, "反向", "4.4", "万元"),
        (*SATISFACTION, "正向", "90", "%"),
    )
    for document in both(rows):
        assert lint(document, ["comparator-direction"]) == []


@given(
    st.sampled_from(sorted({"正向": "≥", "反向": "≤", "越大越好": "≥", "越小越好": "≤"}.items())),
    st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False),
    st.sampled_from(["处", "%", "万元", "人次", "公里", "个", ""]),
)
def test_the_number_and_unit_stay_as_written(
    direction: tuple[str, str], number: object, unit: str
) -> None:
    word, sign = direction
    value = str(number)
    document = tsv_document(form((*COUNT, word, value, unit)))
    assert annual(document) == [f"{sign}{value}{unit}"]


def test_a_list_reads_its_direction_column_too() -> None:
    header = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标"]
    header += ["指标值", "度量单位", "权重", "指标方向"]
    project = ["某市公路事务中心", "农村公路养护经费", "1,200,000.00", "完成全市农村公路日常养护。"]
    rows = [
        ["金额单位：元", *[""] * 10],
        header,
        [*project, "产出指标", "数量指标", "养护里程", "350", "公里", "40", "正向"],
        ["", "", "", "", "效益指标", "社会效益指标", "事故发生率", "5", "%", "30", "反向"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "90", "%", "30", "反向"],
    ]
    for document in both(rows):
        assert annual(document) == ["≥350公里", "≤5%", "≤90%"]
        found = lint(document, ["comparator-direction"])
        assert [f.clause for f in found] == [3]


@pytest.mark.parametrize("column", ["指标方向", "符号", "比较符", "比较符号"])
def test_a_comparator_column_beside_the_nature_column_is_read(column: str) -> None:
    """``指标性质 | ≥ | 指标值 | 计量单位``: 定量/定性 in 指标性质 and the
    comparator in a column of its own, read as one target (a floor read as
    an exact value would hide a cost given a floor)."""
    rows = [
        *TOP,
        ["一级指标", "二级指标", "三级指标", "指标性质", column, "指标值", "计量单位", "权重"],
        [*COUNT, "定量", "≥", "42", "处", "30"],
        [*COST, "定量", "≥", "1800", "元/处", "30"],
        [*SATISFACTION, "定量", "≥", "90", "%", "30"],
        [*RATE, "定性", "", "明显提高", "", "10"],
    ]
    for document in both(rows):
        assert annual(document) == ["≥42处", "≥1800元/处", "≥90%", "明显提高"]
        found = lint(document, ["comparator-direction"])
        assert [f.clause for f in found] == [2]  # the cost given a floor


DEADLINE = ("产出指标", "时效指标", "汛前完成维修养护")


def test_a_value_its_nature_calls_qualitative_takes_no_direction() -> None:
    """``指标性质 | 指标值 | 度量单位 | 指标方向``: a value marked 定性 is read
    as written. A deadline pasted as its Excel serial (45808 is 2025-05-31)
    stays a serial number for ``date-serial``, not a floor ``≥45808``; the
    quantities beside it marked 定量 still take their direction."""
    rows = [
        *TOP,
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标方向"],
        [*COUNT, "定量", "42", "处", "正向"],
        [*DEADLINE, "定性", "45808", "", "正向"],
        [*COST, "定量", "4.4", "万元", "反向"],
        [*RATE, "定性指标", "95", "%", "正向"],
    ]
    for document in both(rows):
        # 95 | % is a quantity whatever the nature column says: it takes its direction
        assert annual(document) == ["≥42处", "45808", "≤4.4万元", "≥95%"]
        found = lint(document, ["date-serial"])
        assert [f.clause for f in found] == [2]


def test_a_number_with_its_unit_marked_qualitative_keeps_its_direction() -> None:
    """``定性 | 90 | % | 反向`` on a satisfaction: the number and its unit are a
    quantity though the nature column says 定性, so the wrong direction is
    read and reported as it is on a value marked 定量."""
    rows = [
        *TOP,
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标方向"],
        [*COUNT, "定量", "42", "处", "正向"],
        [*COST, "定性", "4.4", "万元", "正向"],
        [*SATISFACTION, "定性", "90%", "", "反向"],
        [*DEADLINE, "定性", "45808", "", "正向"],
    ]
    for document in both(rows):
        assert annual(document) == ["≥42处", "≥4.4万元", "≤90%", "45808"]
        found = lint(document, ["comparator-direction"])
        assert [f.excerpt for f in found] == ["≥4.4万元", "≤90%"]
