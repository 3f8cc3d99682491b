"""A name that ends in 满意 (``员工满意``, ``群众满意程度``) asks for a
satisfaction level, as 满意度 does; a name that goes on past it
(``群众满意的服务项目数``) asks for what it names."""

from __future__ import annotations

import pytest

from tests.conftest import lint, project_row, tsv_table

RULES = ("value-type-mismatch", "satisfaction-target")


def found(name: str, value: str) -> list[str]:
    indicators = (
        "1、1-产出指标；11-数量指标；关爱活动场次；实施周期指标值:≥5场；年度指标值:≥5场。"
        f"2、3-满意度指标；31-服务对象满意度；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    )
    goal = "开展职工关爱活动，提升职工归属感和工作积极性，促进单位和谐稳定发展。"
    text = tsv_table([project_row("职工关爱项目", indicators, goal=goal)])
    return [f.rule for f in lint(text, RULES) if f.clause == 2]


@pytest.mark.parametrize(
    "name, value, rule",
    [
        ("员工满意", "≥5次", "value-type-mismatch"),
        ("群众满意程度", "≥5次", "value-type-mismatch"),
        ("服务对象满意情况", "≥60%", "satisfaction-target"),
        ("员工满意", "≥60%", "satisfaction-target"),
    ],
)
def test_a_name_ending_in_satisfied_is_a_satisfaction_level(
    name: str, value: str, rule: str
) -> None:
    assert found(name, value) == [rule]


@pytest.mark.parametrize(
    "name, value",
    [
        ("员工满意", "≥90%"),
        ("群众满意的服务项目数", "≥5个"),
        ("满意度调查问卷发放份数", "≥100份"),
        ("满意度测评完成率", "100%"),
    ],
)
def test_near_misses_are_quiet(name: str, value: str) -> None:
    assert found(name, value) == []
