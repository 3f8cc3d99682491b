"""stale-date: the budget year of each table, and the projects whose period
may hold an earlier milestone (the hand-labelled cases are in
tests/labels/stale-date.yaml)."""

from __future__ import annotations

import pytest

from audit.pipeline import load_text
from tests.conftest import lint, project_row, tsv_table


def _form(title: str, name: str, term: str, deadline: str) -> list[str]:
    return [
        title,
        "金额单位：万元",
        f"项目名称\t{name}\t主管部门\t某市卫生健康委员会\t",
        f"实施单位\t某市{name[:2]}中心\t项目期\t{term}\t",
        "资金总额（万元）\t120.00\t其中：财政拨款\t120.00\t",
        "实施期目标\t完成设备配置并投入使用，提升基层诊疗能力。\t年度目标\t完成本年度设备配置并投入使用。\t",
        "一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值",
        f"产出指标\t时效指标\t设备安装完成时间\t{deadline}\t{deadline}",
        "满意度指标\t服务对象满意度指标\t医务人员满意度\t≥90%\t≥90%",
    ]


def _stale(text: str) -> list[str]:
    return [f.excerpt or "" for f in lint(load_text(text, "forms.tsv"), ["stale-date"])]


def test_each_form_is_dated_by_its_own_title() -> None:
    """A page of forms of two years: the 2025 form's 2025 deadline is its own."""
    lines = _form("2026年项目支出绩效目标表", "设备购置", "2026.01-2026.12", "2026年10月底前")
    lines += _form("2025年项目支出绩效目标表", "卫生院建设", "2025.01-2025.12", "2025年10月底前")
    assert _stale("\n".join(lines) + "\n") == []


def test_a_form_dated_before_its_own_title_is_found() -> None:
    lines = _form("2026年项目支出绩效目标表", "设备购置", "2026.01-2026.12", "2025年10月底前")
    lines += _form("2025年项目支出绩效目标表", "卫生院建设", "2025.01-2025.12", "2025年10月底前")
    assert _stale("\n".join(lines) + "\n") == ["2025年10月底前"]


@pytest.mark.parametrize(("term", "found"), [("2024.01-2026.12", 1), ("2026.01-2026.12", 2)])
def test_a_multi_year_period_may_hold_an_earlier_milestone(term: str, found: int) -> None:
    """The period value of a 2024–2026 project may date its 2025 milestone; its
    annual value is this year's and is still judged."""
    lines = _form("2026年项目支出绩效目标表", "设备购置", term, "2025年10月底前")
    lines[-2] = "产出指标\t时效指标\t一期设备安装完成时间\t2025年10月底前\t2025年6月底前"
    assert len(_stale("\n".join(lines) + "\n")) == found
    if term.startswith("2024"):
        assert _stale("\n".join(lines) + "\n") == ["2025年6月底前"]


def test_a_title_without_a_year_is_not_judged() -> None:
    lines = _form("项目支出绩效目标表", "设备购置", "2026.01-2026.12", "2019年10月底前")
    assert _stale("\n".join(lines) + "\n") == []


def test_a_baseline_year_is_no_date_of_the_target() -> None:
    """较2024年 and 较2025年 are the years each value is measured from: no
    stale date, and no annual deadline later than the period's."""
    lines = _form("2026年项目支出绩效目标表", "设备购置", "2024.01-2026.12", "2026年10月底前")
    lines[-2] = (
        "效益指标\t社会效益指标\t基层诊疗量占比\t较2024年提高10个百分点\t较2025年提高4个百分点"
    )
    findings = lint(
        load_text("\n".join(lines) + "\n", "forms.tsv"), ["stale-date", "annual-period-mismatch"]
    )
    assert findings == []


def _places(text: str) -> list[tuple[str | None, str]]:
    return [(f.field, f.message) for f in lint(load_text(text, "forms.tsv"), ["stale-date"])]


@pytest.mark.parametrize(
    ("term", "deadline"),
    [
        ("2024.01-2026.12", "2025年10月底前"),  # the 项目期's first years
        ("三年", "2025年10月底前"),  # a term of three years, none named
    ],
)
def test_a_multi_year_value_written_alike_is_stale_in_its_annual_value_alone(
    term: str, deadline: str
) -> None:
    """Written alike in both values, a date within a multi-year term is the
    period's fair milestone and the annual value's stale date: one finding,
    at the annual value, naming it alone."""
    lines = _form("2026年项目支出绩效目标表", "设备购置", term, deadline)
    [(field, message)] = _places("\n".join(lines) + "\n")
    assert field == "annual"
    assert message.startswith(f"年度指标值「{deadline}」的日期")
    assert "实施周期" not in message


def test_a_period_value_before_the_term_begins_is_stale() -> None:
    """A 2024–2026 project's period value dated 2023 lies before the project
    began: stale, said against the term's first year; the annual value is
    judged against the budget year as ever."""
    lines = _form("2025年项目支出绩效目标表", "设备购置", "2024.01-2026.12", "")
    lines[-2] = "产出指标\t时效指标\t一期设备安装完成时间\t2023年10月底前\t2024年10月底前"
    found = _places("\n".join(lines) + "\n")
    assert [field for field, _ in found] == ["period", "annual"]
    assert "早于项目期的起始年份2024年" in found[0][1]
    assert "早于预算年度2025年" in found[1][1]
    lines[-2] = "产出指标\t时效指标\t一期设备安装完成时间\t2023年10月底前\t2023年10月底前"
    [(field, message)] = _places("\n".join(lines) + "\n")
    assert field == "period"
    assert message.startswith("实施周期指标值和年度指标值「2023年10月底前」")


def test_a_span_in_the_name_gives_the_term_its_first_year() -> None:
    """A Guangzhou project names its term (（2022—2024年）): a period value of
    2023 is within it, one of 2021 before it."""
    name = "智慧人社平台建设项目（2022—2024年）"
    clause = "1、1-产出指标；13-时效指标；一期工程完工时间；实施周期指标值:{}；年度指标值:2024年12月底前。"
    within = tsv_table([project_row(name, clause.format("2023年12月底前"))])
    assert lint(within, ["stale-date"]) == []
    before = tsv_table([project_row(name, clause.format("2021年12月底前"))])
    [finding] = lint(before, ["stale-date"])
    assert (finding.field, finding.excerpt) == ("period", "2021年12月底前")


@pytest.mark.parametrize(
    "name",
    ["智慧人社平台建设项目（二〇二二—二〇二四年）", "二〇二二年至二〇二四年智慧人社平台建设项目"],
)
def test_a_span_in_chinese_numerals_in_the_name_is_read_as_in_digits(name: str) -> None:
    clause = "1、1-产出指标；13-时效指标；一期工程完工时间；实施周期指标值:{}；年度指标值:2024年12月底前。"
    within = tsv_table([project_row(name, clause.format("2023年12月底前"))])
    assert lint(within, ["stale-date"]) == []
    before = tsv_table([project_row(name, clause.format("2021年12月底前"))])
    [finding] = lint(before, ["stale-date"])
    assert (finding.field, finding.excerpt) == ("period", "2021年12月底前")
    assert "2022年" in finding.message
