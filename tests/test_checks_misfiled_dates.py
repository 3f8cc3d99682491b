"""An output whose every value is a date or a deadline is a 时效 target filed
under 数量 or 质量 (``category-keyword-mismatch``), judged by its values
whatever its name; a date that dates something else, a duration, a 时效 or a
效益 clause are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import Finding
from tests.conftest import config_with, lint
from tests.national import FORM, sheet_document
from tests.test_checks_guidance import check, excerpts, table

RULE = "category-keyword-mismatch"
QUANTITY = "1-产出指标；11-数量指标"
QUALITY = "1-产出指标；12-质量指标"


def filed(category: str, name: str, period: str, annual: str | None = None) -> str:
    annual = period if annual is None else annual
    return f"1、{category}；{name}；实施周期指标值:{period}；年度指标值:{annual}。"


def findings(category: str, name: str, period: str, annual: str | None = None) -> list[Finding]:
    return check(RULE, table(filed(category, name, period, annual)))


@pytest.mark.parametrize(
    "category, name, value",
    [
        (QUALITY, "主体工程竣工", "2025年6月30日前"),
        (QUALITY, "污水管网通水", "2025年10月底前"),
        (QUALITY, "安置房交付", "2026年3月31日前"),
        (QUALITY, "设备安装调试", "于2025年9月底前完成"),
        (QUALITY, "档案整理移交", "12月31日前"),
        (QUALITY, "示范点挂牌", "第三季度前"),
        (QUALITY, "项目建设周期", "2025.03-2025.10"),  # a period is a 时效 target too
        (QUANTITY, "新建泵站投入运行", "2025年11月30日前"),
        (QUANTITY, "补贴资金拨付到位", "9月底前"),
        (QUANTITY, "系统上线运行", "2025.06.30前"),
    ],
)
def test_an_output_whose_every_value_is_a_date_is_misfiled(
    category: str, name: str, value: str
) -> None:
    [finding] = findings(category, name, value)
    assert (finding.rule, finding.severity, finding.excerpt) == (RULE, "warning", name)
    assert f"的指标值「{value}」是日期或时限" in finding.message
    assert "应归入13-时效指标" in finding.message


def test_two_dates_in_the_two_values_are_misfiled_too() -> None:
    [finding] = findings(QUALITY, "主体工程完工", "2026年6月30日前", "2025年12月底前")
    assert finding.excerpt == "主体工程完工"


def test_a_name_that_says_time_keeps_its_message() -> None:
    [finding] = findings(QUALITY, "工程完工时间", "2025年6月30日前")
    assert finding.message.startswith("「工程完工时间」是时效指标")


@pytest.mark.parametrize(
    "category, name, period, annual",
    [
        # a date that dates a standard, not the target
        (QUALITY, "工程质量", "符合《城镇道路工程施工与质量验收规范》（2025年版）", None),
        (QUALITY, "工程质量", "执行2025年版规范", None),
        (QUALITY, "验收情况", "2025年通过验收", None),  # a year alone, no 前 or 后
        # a span of whole years: what an archive covers, how long a plan runs
        (QUANTITY, "数字化档案年度范围", "1949年-1990年", None),
        (QUALITY, "规划期限", "2025-2027年", None),
        # a range 1-3 a spreadsheet made a date, with its unit after it
        (QUANTITY, "每家企业检查次数", "≥2026-01-03次", None),
        # a duration, a number beside a date, a date in one value only
        (QUALITY, "故障维修响应", "≤3个工作日", None),
        (QUALITY, "验收合格率", "≥95%", "2025年底前"),
        (QUANTITY, "新建泵站", "≥3座", "2025年底前"),
        # a 时效 clause, an effect, a satisfaction level may be dated
        ("1-产出指标；13-时效指标", "主体工程竣工", "2025年6月30日前", None),
        ("2-效益指标；22-社会效益", "试点经验推广", "2025年底前", None),
        ("2-效益指标；24-可持续影响", "长效管护机制建立", "2025年12月底前", None),
        # hours of the day a service keeps are a quality of the service, no deadline
        (QUALITY, "主干线路首末班运营时间", "6:30-22:30", None),
        (QUALITY, "窗口服务时间", "9:00-12:00，14:00-17:30", None),
    ],
)
def test_near_misses_of_a_dated_output(
    category: str, name: str, period: str, annual: str | None
) -> None:
    assert findings(category, name, period, annual) == []


def test_turning_timeliness_off_turns_the_dated_output_off(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        "rules:\n  category-keyword-mismatch:\n    keywords:\n      timeliness: []\n",
    )
    text = table(filed(QUALITY, "主体工程竣工", "2025年6月30日前"))
    assert check(RULE, text, config) == []
    assert excerpts(check(RULE, text)) == ["主体工程竣工"]


def test_a_dated_output_in_a_national_form() -> None:
    rows = [list(row) for row in FORM]
    rows[8] = ["", "", "主体工程竣工", "2027年6月30日前", "2025年12月31日前"]
    found = lint(sheet_document(rows), [RULE])
    assert [(f.excerpt, f.location) for f in found] == [("主体工程竣工", "Sheet1!C9")]
