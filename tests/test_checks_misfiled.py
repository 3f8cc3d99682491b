"""Targets filed or written against their category: a rate under 数量
(``category-keyword-mismatch``), a money-per-unit target with a floor or
under 效益 (``comparator-direction``, ``category-keyword-mismatch``), ``=`` on
an output count, several measures in one value (``several-targets``) and a
cell numbered in mixed styles (``clause-numbering``), in the clause cell and
in the national layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Finding
from tests.conftest import config_with, lint
from tests.national import FORM, LIST, csv_document, sheet_document
from tests.test_checks_guidance import check, excerpts, table

QUANTITY = "1-产出指标；11-数量指标"


def filed(category: str, name: str, value: str, number: int = 2) -> str:
    return f"{number}、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


def keyword(name: str, value: str, category: str = QUANTITY) -> list[Finding]:
    return check("category-keyword-mismatch", table(filed(category, name, value)))


# --------------------------------------------------------------------------
# a rate filed under 数量


@pytest.mark.parametrize(
    "name, value",
    [
        # what the project handles, as a share of what came in (市场监管, 应急, 司法)
        ("抽检不合格产品后处置率", "100%"),
        ("森林火险隐患整改率", "≥98%"),
        ("矛盾纠纷调处成功率", "≥96%"),
        # how much an output is used, answered or attended
        ("村级文化室开放使用率", "≥85%"),
        ("12345热线工单回复率", "大于等于95%"),
        ("参训学员出勤率（%）", "≥90%"),
        # an effective rate is a share, not an efficiency (有效率, 失效率)
        ("康复训练有效率", "≥80%"),
        ("路灯灯具失效率", "≤2%"),
        # a share of a kind: 比例, 占比, 比重
        ("持证上岗人员比例", "≥90%"),
        ("绿色建材使用占比", "≥40%"),
    ],
)
def test_a_rate_under_quantity_is_misfiled_whatever_its_word(name: str, value: str) -> None:
    findings = keyword(name, value)
    assert excerpts(findings) == [name]
    assert f"是比率（{value}）" in findings[0].message
    assert "应归入12-质量指标" in findings[0].message


@pytest.mark.parametrize(
    "name",
    ["河流断面水质达标率", "城区餐饮油烟排放达标率", "中小学生体质健康达标率"],
)
def test_a_rate_of_the_surroundings_under_quantity_belongs_to_an_effect(name: str) -> None:
    (finding,) = keyword(name, "≥90%")
    assert "应归入21-经济效益、22-社会效益、23-生态效益、24-可持续影响" in finding.message
    assert "N12" not in finding.message


@pytest.mark.parametrize(
    "name, value",
    [
        # a share of the planned output done, reached, built or handed over
        ("年度重点任务完成率", "100%"),
        ("农村饮水安全工程覆盖率", "≥95%"),
        ("示范基地建成率", "100%"),
        ("新建项目开工率", "≥90%"),
        ("应急物资到位率", "100%"),
        ("耕地地力补贴发放比例", "100%"),
        ("家庭医生签约人数达标率", "100%"),
        # a rate without a percentage is value-type-mismatch's, or a count
        ("水质监测频率", "每月1次"),
        ("窗口办件效率", "≥20件/日"),
        # not a rate: a count, an amount
        ("培训人次", "≥300人次"),
        # a rate in its own category
    ],
)
def test_a_share_of_the_planned_output_stays_under_quantity(name: str, value: str) -> None:
    assert keyword(name, value) == []


@pytest.mark.parametrize(
    "category, name",
    [
        ("1-产出指标；12-质量指标", "抽检不合格产品后处置率"),
        ("2-效益指标；22-社会效益", "矛盾纠纷调处成功率"),
        # a legacy 产出指标 holds every kind of output
        ("1-产出指标", "森林火险隐患整改率"),
    ],
)
def test_a_rate_in_another_category_is_left_alone(category: str, name: str) -> None:
    assert keyword(name, "≥95%", category) == []


def test_planned_shares_are_configurable(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        "rules:\n  category-keyword-mismatch:\n    planned_shares: ['(?:完成|受理)率$']\n",
    )
    text = table(filed(QUANTITY, "行政许可申请受理率", "100%"))
    assert check("category-keyword-mismatch", text) != []
    assert check("category-keyword-mismatch", text, config) == []
    # the default shares are replaced: 到位率 is a rate again
    text = table(filed(QUANTITY, "应急物资到位率", "100%"))
    assert excerpts(check("category-keyword-mismatch", text, config)) == ["应急物资到位率"]


def test_an_effective_rate_is_a_rate_for_value_type_mismatch() -> None:
    # 有效率 is a share, not 效率: a count there is the wrong kind of value
    clause = filed("1-产出指标；12-质量指标", "管网修复有效率", "≥5次")
    findings = check("value-type-mismatch", table(clause))
    assert excerpts(findings) == ["≥5次"]
    clause = filed("1-产出指标；12-质量指标", "审批工作效率", "≥5件/日")
    assert check("value-type-mismatch", table(clause)) == []


def _form(name: str, value: str) -> list[list[str]]:
    rows = [list(row) for row in FORM]
    rows[8] = ["", "", name, value, value]
    return rows


def test_a_rate_under_quantity_in_a_national_form() -> None:
    document = sheet_document(_form("重点人群随访管理率", "≥90%"))
    findings = lint(document, ["category-keyword-mismatch"])
    assert [(f.excerpt, f.location) for f in findings] == [("重点人群随访管理率", "Sheet1!C9")]
    assert "却归入「数量指标」" in findings[0].message
    assert (
        lint(sheet_document(_form("健康档案更新完成率", "100%")), ["category-keyword-mismatch"])
        == []
    )


def _list_findings(rows: list[list[str]], rule: str) -> list[str | None]:
    """The excerpts of ``rule``'s findings on a list that the clean list has not."""
    clean = {f.excerpt for f in lint(csv_document(LIST), [rule])}
    return [f.excerpt for f in lint(csv_document(rows), [rule]) if f.excerpt not in clean]


def test_a_rate_under_quantity_in_a_national_list() -> None:
    rows = [list(row) for row in LIST]
    rows[3][6:10] = ["公路病害处治率", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == ["公路病害处治率"]
    rows[3][6:10] = ["公路养护计划完成率", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == []


def test_a_rate_under_a_synonym_of_quantity_is_misfiled() -> None:
    # the category by the taxonomy, not by its literal name (Guangxi's 产出数量指标)
    rows = [list(row) for row in LIST]
    assert rows[7][5] == "产出数量指标"
    rows[7][6:10] = ["检查企业中规上企业占比", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == ["检查企业中规上企业占比"]
    rows[7][6:10] = ["安全隐患整改闭环率", "≥", "95", "%"]
    assert _list_findings(rows, "category-keyword-mismatch") == ["安全隐患整改闭环率"]
