"""Page numbers in PDF-extracted text, in the forms printed pages use.

A page's number stands between the last cell text of a page and the header
block repeated at the top of the next: ``- 2 -``, ``第2页``, ``共3页 第2页``,
``Page 2 of 3``, a bare ``2`` or ``2/5``. None of them is part of the cell it
interrupts; a bare number or fraction wrapped inside a cell, with more cell
text after it, is the cell's.
"""

from __future__ import annotations

import pytest

from audit.pipeline import load_text

HEADER = "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标"
TOP = f"""
项目支出绩效目标表（含转移支付项目）

部门名称：佛山市南海区水利局 单位：万元

{HEADER}

合计 500.00 500.00

佛山市南海区水利局 500.00 500.00

    河涌保洁经费 500.00 500.00

做好河涌日常保洁，保持水面清洁，改善河涌水环境质量。

"""
FIRST = (
    "1、1-产出指标；11-数量指标；保洁河涌长度；实施周期指标值:≥120公里；年度指标值:≥120公里。"
    "2、2-效益指标；23-生态效益；水面漂浮物清理率；实施周期指标值:100%；年度指标值:100%"
)
LAST = "。3、3-满意度指标；31-服务对象满意度；群众满意度；实施周期指标值:≥90%；年度指标值:≥90%。"


def _values(text: str) -> list[tuple[str | None, str | None]]:
    doc = load_text(text, "河涌.txt")
    (project,) = doc.projects
    assert [c.name for c in project.clauses] == ["保洁河涌长度", "水面漂浮物清理率", "群众满意度"]
    return [
        (c.period.text if c.period else None, c.annual.text if c.annual else None)
        for c in project.clauses
    ]


@pytest.mark.parametrize(
    "mark", ["共3页 第2页", "Page 2 of 3", "2/5", "- 2 -", "第 2 页 共 5 页", "2"]
)
def test_a_page_number_before_the_repeated_header(mark: str) -> None:
    text = TOP + FIRST + f"\n\n{mark}\n\n{HEADER}\n\n" + LAST + "\n"
    assert _values(text)[1] == ("100%", "100%")


def test_a_fraction_wrapped_inside_a_cell_is_the_cells() -> None:
    first = FIRST.replace("实施周期指标值:100%；年度指标值:100%", "实施周期指标值:不超过")
    text = TOP + first + "\n2/3\n；年度指标值:不超过2/3" + LAST + "\n"
    assert _values(text)[1] == ("不超过2/3", "不超过2/3")
