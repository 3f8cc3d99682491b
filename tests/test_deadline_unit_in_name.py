"""A 时效 indicator whose name gives the unit of its numbers in brackets
(``审查时限（天）`` ≤7, as national lists and Guangzhou cells both write it):
the limit is concrete, and neither ``missing-unit`` nor
``deadline-not-concrete`` reports it. A bracketed word that is no unit of
time keeps the finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import lint, project_row, tsv_table

RULES = ("missing-unit", "deadline-not-concrete")


def found(name: str, value: str) -> list[tuple[str, str]]:
    indicators = f"1、1-产出指标；13-时效指标；{name}；实施周期指标值:{value}；年度指标值:{value}。"
    text = tsv_table([project_row("行政审批服务经费", indicators)])
    return [(f.rule, f.excerpt or "") for f in lint(text, RULES)]


@pytest.mark.parametrize(
    "name, value",
    [
        ("审查时限（天）", "≤7"),
        ("行政许可办结时限(工作日)", "≤5"),
        ("企业开办时间（个工作日）", "≤1"),
        ("故障响应时间（小时）", "≤2"),
        ("工程建设工期（个月）", "≤10"),
        ("审批按时办结率（%）", "≥95"),
    ],
)
def test_a_unit_of_time_in_the_name_makes_the_limit_concrete(name: str, value: str) -> None:
    assert found(name, value) == []


@pytest.mark.parametrize(
    "name, value, rule",
    [
        # no unit anywhere: 7 天 or 7 个工作日? missing-unit says so, once
        ("审查时限", "≤7", "missing-unit"),
        # the bracket counts cases, not time: a count is no time limit
        ("审查时限（件）", "≤7", "deadline-not-concrete"),
        # a unit of time in the name does not make a count a limit
        ("审查时限（天）", "2次", "deadline-not-concrete"),
    ],
)
def test_no_unit_of_time_keeps_the_finding(name: str, value: str, rule: str) -> None:
    rules = [r for r, _ in found(name, value)]
    assert rules and set(rules) == {rule}


def test_a_national_list_with_the_unit_in_the_name(tmp_path: Path) -> None:
    header = "单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,权重,指标方向"
    rows = [
        "2025年部门项目支出绩效目标表,,,,,,,,,,,",
        header,
        "某市市场监督管理局,行政审批服务经费,50.00,按时办理市场主体登记和行政许可事项，提升审批效率。,"
        "产出指标,时效指标,审查时限（天）,≤,7,,50,反向",
        ",,,,,时效指标,审查时限,≤,7,,50,反向",
    ]
    table = tmp_path / "list.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    findings = lint(table, RULES)
    assert [(f.rule, f.line) for f in findings] == [("missing-unit", 4)]
