"""A form's amount under a label of what the year arranges (预算安排, 本年安排)
written as words saying it is not written yet, in words the reader does not
take for such itself (``待落实``, ``待上级下达后确定``, or a word a profile
adds to ``placeholder``'s patterns): the configured placeholders tell it
from the year's plan of work, so it is ``placeholder``'s finding at its
cell, and ``amount-format`` does not say the project has no amounts. A plan
of work beside the label is still no amount, and a word the profile does
not name stays no placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import Config
from audit.model import Document
from tests.conftest import config_with, lint
from tests.national import Rows, csv_document, sheet_document, tsv_document

_GRID: Rows = [
    ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
    ["产出指标", "数量指标", "新建污水管网长度", "≥30公里", "≥10公里"],
    ["效益指标", "生态效益指标", "城镇污水集中收集率", "≥75%", "≥70%"],
    ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%", "≥90%"],
]


def _form(amounts: Rows) -> Rows:
    return [
        ["项目支出绩效目标表", "", "", "", ""],
        ["项目名称", "城镇污水管网建设", "主管部门", "某县住房和城乡建设局", ""],
        ["实施单位", "某县市政工程服务中心", "项目期", "2025-2027年", ""],
        *amounts,
        ["中期目标", "三年新建污水管网30公里，城镇污水集中收集率达到75%。", "", "", ""],
        ["年度目标", "本年度新建污水管网10公里，城镇污水集中收集率达到70%。", "", "", ""],
        *_GRID,
    ]


def _found(
    document: Document, config: Config | None = None
) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.rule, f.field, f.excerpt)
        for f in lint(document, ["amount-format", "placeholder"], config)
    ]


@pytest.mark.parametrize("word", ["待落实", "（待落实）", "待上级下达后确定", "【待落实】"])
@pytest.mark.parametrize("label", ["预算安排", "本年安排（万元）"])
def test_an_arranged_amount_not_yet_decided_is_a_placeholder(word: str, label: str) -> None:
    rows = _form([[label, word, "", "", ""]])
    for read in (tsv_document, csv_document, sheet_document):
        document = read(rows)
        (project,) = document.projects
        assert not project.amounts
        findings = _found(document)
        assert [(rule, field) for rule, field, _ in findings] == [("placeholder", "amount.total")]
        assert findings[0][2] is not None and findings[0][2] in word


def test_a_source_beside_an_unwritten_total_misses_no_total() -> None:
    """本年安排 | 待落实 with 其中：财政拨款 | 800.00: the total is there,
    unwritten: the placeholder, not also 总计 missing."""
    document = tsv_document(_form([["本年安排", "待落实", "其中：财政拨款", "800.00", ""]]))
    assert _found(document) == [("placeholder", "amount.total", "待落实")]


def test_a_word_a_profile_adds_is_a_placeholder_where_the_amount_goes(tmp_path: Path) -> None:
    document = tsv_document(_form([["预算安排", "待议", "", "", ""]]))
    assert _found(document) == [("amount-format", "amount.total", None)]
    config = config_with(tmp_path, "rules:\n  placeholder:\n    patterns: ['待议', '待补充']\n")
    assert _found(document, config) == [("placeholder", "amount.total", "待议")]


def test_with_the_placeholder_rule_off_the_project_has_no_amounts(tmp_path: Path) -> None:
    document = tsv_document(_form([["预算安排", "待落实", "", "", ""]]))
    config = config_with(tmp_path, "rules:\n  placeholder:\n    enabled: false\n")
    findings = lint(document, ["amount-format"], config)
    assert [(f.rule, f.field) for f in findings] == [("amount-format", "amount.total")]
    assert "没有填写任何金额" in findings[0].message


@pytest.mark.parametrize(
    "plan",
    [
        "第一季度完成招标，第二季度开工建设，年底完成主干管铺设",
        "待落实资金后开工建设，年底完成主干管铺设",
    ],
)
def test_a_plan_of_work_beside_the_label_is_still_no_amount(plan: str) -> None:
    """Near miss: the year's plan of work (even one that waits for its
    money) under 本年安排, beside the form's 资金总额: no amount misread,
    no placeholder, nothing missing."""
    rows = _form(
        [
            ["资金总额", "1,200.00", "其中：财政拨款", "1,200.00", ""],
            ["本年安排", plan, "", "", ""],
        ]
    )
    assert _found(tsv_document(rows)) == []
