"""The heading line that names the organisation above a table, in the words
regions use for it: 部门名称, 单位名称, 部门, 预算单位, 填报单位（盖章）,
编制单位; and 单位： followed by the amounts' unit is no organisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.pipeline import load_text
from audit.readers.common import organization_name

LIST_BELOW = (
    "项目名称,预算金额,年度绩效目标,一级指标,二级指标,三级指标,指标值\n"
    "公共文化服务体系建设,260.00,开展送戏下乡演出120场，新建农家书屋20个。,"
    "产出指标,数量指标,送戏下乡演出场次,≥120场\n"
)


@pytest.mark.parametrize(
    "label",
    [
        "部门名称：",
        "单位名称：",
        "部门：",
        "预算单位：",
        "预算单位名称：",
        "填报单位（盖章）：",
        "填报单位:",
        "编制单位：",
        "部门（单位）名称：",
    ],
)
def test_each_label_names_the_list_s_unit(label: str) -> None:
    text = (
        f"2025年度部门项目支出绩效目标表\n{label}某市文化广电旅游局,,,,,,单位：万元\n{LIST_BELOW}"
    )
    (unit,) = load_text(text, "list.csv").units
    assert unit.name.value == "某市文化广电旅游局"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("填报单位（盖章）：某县农业农村局      单位：万元", "某县农业农村局"),
        ("部门：某市文化广电旅游局", "某市文化广电旅游局"),
        ("预算单位：某区民政局本级   项目数：2", "某区民政局本级"),
        ("单位：万元", None),  # the amounts' unit
        ("金额单位：元", None),
        ("部门职责：负责全市文化工作", None),  # another label that begins with 部门
        ("项目名称：某项目", None),
    ],
)
def test_the_name_on_a_heading_line(line: str, name: str | None) -> None:
    assert organization_name(line) == name


@given(st.text(alphabet="某市县区局中心本级文化农业农村民政", min_size=2, max_size=16))
def test_any_name_after_a_label_is_read_whole(name: str) -> None:
    for label in ("部门：", "预算单位：", "填报单位（盖章）：", "编制单位："):
        assert organization_name(f"{label}{name}") == name
