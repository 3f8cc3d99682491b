"""Amount checks: row sums, subtotals, 合计, rounding bands and cell formats."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.checks.amounts import band, hard_bound, plausible_gap, sigma
from audit.config import Config, load_config
from audit.model import Finding
from audit.pipeline import load_text
from tests.conftest import FIXTURES, SEED_001, SEED_002, SEED_004, config_with, lint, tsv_table
from tests.national import FORM, csv_document

AMOUNT_RULES = (
    "row-sum-mismatch",
    "subtotal-mismatch",
    "total-mismatch",
    "rounding-difference",
    "amount-format",
)
MARKET = FIXTURES / "amounts" / "002_market_centre.txt"
"""Seed 002, lines 1-9 and 179-206: 广州市人力资源市场服务中心, whose 11 projects
add up to 2,709.63 against a printed subtotal of 2,709.62 (line 10 here)."""
HEALTH = FIXTURES / "amounts" / "002_health_centre.txt"
"""Seed 002, lines 1-9 and 272-323: 广州市干部和人才健康管理中心, 17 projects
mixing 财政拨款 and 其他资金; every column adds up exactly."""
MARKET_UNIT_ROW = "广州市人力资源市场服务中心\t2,709.62\t2,709.62"

# A real clause of seed 002 (line 285), so that rows read as projects.
CLAUSE = (
    "1、2-效益指标；22-社会效益；安装后设备使用率；实施周期指标值:98%或以上；年度指标值:98%或以上。"
)
GOAL = "申报此项目开支日常业务基本配套设备购置费用，保障中心业务的正常运转。"


def row(name: str, total: str, fiscal: str = "", special: str = "", other: str = "") -> list[str]:
    return [name, total, fiscal, special, other, GOAL, CLAUSE]


def run_rules(
    source: str | Path, rules: tuple[str, ...] = AMOUNT_RULES, config: Config | None = None
) -> list[Finding]:
    if isinstance(source, str):
        source = load_text(source, "table.txt")  # type: ignore[assignment]
    return lint(source, select=rules, config=config)


def market(subtotal: str) -> str:
    """The market-centre excerpt with its subtotal row reprinted."""
    text = MARKET.read_text(encoding="utf-8")
    assert MARKET_UNIT_ROW in text
    return text.replace(MARKET_UNIT_ROW, f"广州市人力资源市场服务中心\t{subtotal}\t{subtotal}")


def summary(findings: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.rule, f.severity, f.field, f.excerpt) for f in findings]


# --------------------------------------------------------------------------
# The bands


def test_sigma_and_bounds_match_the_domain_figures() -> None:
    assert sigma(11) == Decimal("0.01")
    assert plausible_gap(12).quantize(Decimal("0.001")) == Decimal("0.031")
    assert plausible_gap(165).quantize(Decimal("0.01")) == Decimal("0.11")
    assert hard_bound(12) == Decimal("0.065")
    assert hard_bound(165) == Decimal("0.830")
    assert plausible_gap(11) == Decimal("0.03")  # 3σ is a whole number of cents at n = 11


def test_sigma_is_decimal_not_float() -> None:
    assert isinstance(sigma(165), Decimal)
    assert isinstance(band(Decimal("0.01"), 12).plausible, Decimal)


@pytest.mark.parametrize(
    ("gap", "kind"),
    [
        ("0.00", "none"),
        ("0.01", "rounding"),
        ("0.03", "rounding"),  # exactly 3σ
        ("0.031", "unlikely"),  # just above 3σ
        ("0.04", "unlikely"),
        ("0.06", "unlikely"),  # exactly the hard bound 0.005 × 12
        ("0.0601", "mismatch"),  # just above it
        ("0.07", "mismatch"),
        ("-0.03", "rounding"),  # the total below the sum: same bands
        ("-0.07", "mismatch"),
    ],
)
def test_banded_bounds_for_eleven_parts(gap: str, kind: str) -> None:
    assert band(Decimal(gap), 11).kind == kind


def test_banded_bounds_at_irrational_three_sigma() -> None:
    three_sigma = plausible_gap(12)
    assert band(three_sigma, 12).kind == "rounding"
    assert band(three_sigma + Decimal("1e-20"), 12).kind == "unlikely"
    assert band(Decimal("0.065"), 12).kind == "unlikely"
    assert band(Decimal("0.0651"), 12).kind == "mismatch"
    assert band(Decimal("0.11"), 165).kind == "rounding"
    assert band(Decimal("0.12"), 165).kind == "unlikely"
    assert band(Decimal("0.83"), 165).kind == "unlikely"
    assert band(Decimal("0.84"), 165).kind == "mismatch"


def test_one_part_is_a_copy_so_no_gap_is_rounding() -> None:
    # The part and its total are one amount rounded twice: even a gap within
    # the hard bound (0.01) is no rounding, likely or not.
    assert band(Decimal("0.01"), 1).kind == "mismatch"
    assert band(Decimal("0.01"), 1, mode="interval").kind == "rounding"
    assert band(Decimal("0.02"), 1).kind == "mismatch"
    assert band(Decimal("0.01"), 0).kind == "mismatch"  # a total over nothing


def test_two_parts_three_sigma_equals_the_hard_bound() -> None:
    assert plausible_gap(2) == hard_bound(2) == Decimal("0.015")
    assert band(Decimal("0.01"), 2).kind == "rounding"
    assert band(Decimal("0.02"), 2).kind == "mismatch"


def test_interval_mode_calls_everything_within_the_hard_bound_rounding() -> None:
    assert band(Decimal("0.06"), 11, "interval").kind == "rounding"
    assert band(Decimal("0.07"), 11, "interval").kind == "mismatch"
    assert band(Decimal("0.01"), 1, "interval").kind == "rounding"


def test_exact_mode_calls_every_gap_a_mismatch() -> None:
    assert band(Decimal("0.01"), 165, "exact").kind == "mismatch"
    assert band(Decimal("0"), 165, "exact").kind == "none"


def test_tolerance_replaces_the_bands_whatever_the_mode() -> None:
    tolerance = Decimal("0.05")
    assert band(Decimal("0.05"), 11, "banded", tolerance).kind == "rounding"
    assert band(Decimal("0.06"), 11, "banded", tolerance).kind == "mismatch"
    assert band(Decimal("0.06"), 11, "interval", tolerance).kind == "mismatch"
    assert band(Decimal("0.01"), 11, "banded", Decimal(0)).kind == "mismatch"


# --------------------------------------------------------------------------
# Seeds


def test_seed_002_subtotals_off_by_a_cent_are_rounding_not_mismatches() -> None:
    findings = run_rules(SEED_002)
    assert {(f.rule, f.severity) for f in findings} == {("rounding-difference", "info")}
    assert [(f.line, f.column, f.unit, f.field, f.excerpt) for f in findings] == [
        (10, 4, None, "amount.total", "746,104.10"),
        (10, 15, None, "amount.fiscal", "738,573.69"),
        (179, 15, "广州市人力资源市场服务中心", "amount.total", "2,709.62"),
        (179, 24, "广州市人力资源市场服务中心", "amount.fiscal", "2,709.62"),
        (324, 11, "广州市工贸技师学院", "amount.total", "13,777.81"),
        (324, 21, "广州市工贸技师学院", "amount.fiscal", "13,777.81"),
        (469, 11, "广州市轻工技师学院", "amount.total", "3,090.18"),
        (469, 20, "广州市轻工技师学院", "amount.fiscal", "3,090.18"),
        (692, 15, "广州市职业能力建设指导中心", "amount.total", "5,564.13"),
        (692, 24, "广州市职业能力建设指导中心", "amount.fiscal", "5,564.13"),
    ]
    assert all(f.project is None for f in findings)
    assert findings[2].message == (
        "小计（总计）2,709.62 与其 11 个项目之和 2,709.63 相差 0.01，在舍入误差范围 0.030 之内："
        "是舍入差异，不是错误"
    )
    assert findings[0].message.startswith("合计（总计）746,104.10 与 17 个单位小计之和 746,104.11")


def test_seed_002_every_other_unit_adds_up_exactly(seed_002) -> None:  # type: ignore[no-untyped-def]
    off_by_a_cent = {
        "广州市人力资源市场服务中心",
        "广州市工贸技师学院",
        "广州市轻工技师学院",
        "广州市职业能力建设指导中心",
    }
    for unit in seed_002.units:
        for column in ("total", "fiscal", "special", "other"):
            parts = [p.amounts.value(column) for p in unit.projects]
            computed = sum((v for v in parts if v is not None), Decimal(0))
            printed = unit.amounts.value(column) or Decimal(0)
            rounded = unit.title in off_by_a_cent and column in ("total", "fiscal")
            expected = Decimal("0.01") if rounded else Decimal(0)
            assert abs(printed - computed) == expected, (unit.title, column)
        for project in unit.projects:
            amounts = project.amounts
            sources = [amounts.value(c) for c in ("fiscal", "special", "other")]
            assert amounts.value("total") == sum((v for v in sources if v), Decimal(0))


@pytest.mark.parametrize("seed", [SEED_001, SEED_004], ids=["001", "004"])
def test_seeds_001_and_004_add_up_exactly(seed: Path) -> None:
    assert run_rules(seed) == []


def test_seed_004_pdf_sums_are_checked(seed_004) -> None:  # type: ignore[no-untyped-def]
    assert seed_004.layout == "pdf-text"
    unit = seed_004.units[0]
    assert sum(p.amounts.value("total") for p in unit.projects) == unit.amounts.value("total")
    original = SEED_004.read_text(encoding="utf-8")
    text = original.replace("机构运行辅助经费 418.58 418.58", "机构运行辅助经费 418.58 418.85")
    findings = run_rules(text)
    assert [(f.rule, f.severity, f.line, f.project) for f in findings] == [
        ("subtotal-mismatch", "error", 10, None),
        ("row-sum-mismatch", "error", 12, "机构运行辅助经费"),
    ]


# --------------------------------------------------------------------------
# subtotal-mismatch on a real unit (n = 11: 3σ = 0.03, hard bound 0.06)


@pytest.mark.parametrize(
    ("subtotal", "rule", "severity"),
    [
        ("2,709.63", None, None),  # exact
        ("2,709.66", "rounding-difference", "info"),  # gap 0.03 = 3σ
        ("2,709.60", "rounding-difference", "info"),  # gap 0.03 below
        ("2,709.67", "subtotal-mismatch", "warning"),  # gap 0.04 > 3σ
        ("2,709.69", "subtotal-mismatch", "warning"),  # gap 0.06 = hard bound
        ("2,709.70", "subtotal-mismatch", "error"),  # gap 0.07 > hard bound
        ("2,719.63", "subtotal-mismatch", "error"),  # a typo
    ],
)
def test_subtotal_bands_on_the_market_centre(
    subtotal: str, rule: str | None, severity: str | None
) -> None:
    findings = run_rules(market(subtotal))
    if rule is None:
        assert findings == []
        return
    assert [(f.rule, f.severity, f.field, f.excerpt, f.line) for f in findings] == [
        (rule, severity, "amount.total", subtotal, 10),
        (rule, severity, "amount.fiscal", subtotal, 10),
    ]
    assert all(f.unit == "广州市人力资源市场服务中心" and f.project is None for f in findings)


def test_subtotal_warning_says_unlikely_to_be_rounding_with_the_figures() -> None:
    findings = run_rules(market("2,709.67"), ("subtotal-mismatch",))
    assert findings[0].message == (
        "小计（总计）2,709.67 与其 11 个项目之和 2,709.63 相差 0.04：超出 11 项舍入误差的"
        "合理范围 0.030（3σ，上限 0.060），不太可能是舍入误差，请核对"
    )
    config = load_config(None, discover=False)
    config.lang = "en"
    english = run_rules(market("2,709.67"), ("subtotal-mismatch",), config)
    assert english[1].message == (
        "subtotal (财政拨款) 2,709.67 differs from the sum of its 11 projects, 2,709.63, by 0.04: "
        "unlikely to be rounding (11 parts: 3σ = 0.030, hard bound 0.060); check the figures"
    )


def test_subtotal_error_names_the_hard_bound() -> None:
    findings = run_rules(market("2,719.63"), ("subtotal-mismatch",))
    assert findings[0].message == (
        "小计（总计）2,719.63 不等于其 11 个项目之和 2,709.63：相差 10.00，"
        "超出 11 项舍入误差的上限 0.060，不是舍入造成的，请核对"
    )
    assert (findings[0].line, findings[0].column, findings[0].end_column) == (10, 15, 23)


@pytest.mark.parametrize(
    "name",
    [
        "广州市人力资源市场服务中心本级",  # the unit's own budget
        "广州市人力资源市场服务中心机关",
        "广州市人力资源市场服务中心（本级）",
        "本级",
    ],
)
def test_a_unit_row_of_its_own_budget_off_beyond_the_bound_is_still_a_unit(name: str) -> None:
    """A row with amounts but no goal or indicators, named as an organisation's
    own budget (…本级, …机关), is the unit over the projects below even when
    they do not add up to it: the mismatch is reported, not a project without
    a goal."""
    text = market("2,719.63").replace("广州市人力资源市场服务中心\t2,719.63", f"{name}\t2,719.63")
    document = load_text(text, "table.txt")
    assert [unit.name.value for unit in document.units] == [name]
    findings = lint(document, select=[*AMOUNT_RULES, "missing-goal"])
    assert [(f.rule, f.severity, f.line) for f in findings] == [
        ("subtotal-mismatch", "error", 10),
        ("subtotal-mismatch", "error", 10),
    ]


def test_a_project_row_without_goal_is_not_a_unit_for_its_name() -> None:
    """Near miss: 本级 inside a project's name (局本级配套…经费) makes no unit."""
    text = market("2,719.63").replace(
        "广州市人力资源市场服务中心\t2,719.63", "局本级配套人社部留学人员引智项目经费\t2,719.63"
    )
    document = load_text(text, "table.txt")
    names = [p.title for u in document.units for p in u.projects]
    assert "局本级配套人社部留学人员引智项目经费" in names


def test_real_unit_with_other_funds_adds_up_in_every_column() -> None:
    assert run_rules(HEALTH) == []


def test_subtotal_checks_each_column_separately() -> None:
    text = HEALTH.read_text(encoding="utf-8").replace(
        "广州市干部和人才健康管理中心\t19,667.43\t13,064.25\t\t6,603.18",
        "广州市干部和人才健康管理中心\t19,667.43\t13,064.25\t\t6,613.18",
    )
    findings = run_rules(text)
    assert summary(findings) == [
        ("row-sum-mismatch", "error", "amount.total", "19,667.43"),
        ("subtotal-mismatch", "error", "amount.other", "6,613.18"),
    ]
    assert "其 14 个项目" in findings[1].message  # only the 14 projects that fill 其他资金


def test_blank_subtotal_over_projects_with_money_is_a_mismatch() -> None:
    text = HEALTH.read_text(encoding="utf-8").replace(
        "广州市干部和人才健康管理中心\t19,667.43\t13,064.25\t\t6,603.18",
        "广州市干部和人才健康管理中心\t13,064.25\t13,064.25\t\t",
    )
    findings = run_rules(text, ("subtotal-mismatch",))
    assert [(f.severity, f.field, f.excerpt, f.line, f.column) for f in findings] == [
        ("error", "amount.other", None, 10, 1),  # the blank cell: pointed at the row's name
        ("error", "amount.total", "13,064.25", 10, 16),
    ]
    assert findings[0].message == (
        "小计（其他资金）为空，但其 14 个项目之和为 6,603.18：应填写 6,603.18"
    )


def test_blank_and_zero_columns_add_up_to_nothing() -> None:
    rows = [
        row("市场中心场地维护维修", "200.00", "200.00", "", "0.00"),
        row("市场中心购置经费", "140.00", "140.00"),
    ]
    table = tsv_table(rows, unit=["广州市人力资源市场服务中心", "340.00", "340.00", "0.00", ""])
    assert run_rules(table) == []


def test_subtotal_over_projects_that_leave_the_column_blank() -> None:
    rows = [row("市场中心购置经费", "140.00", "140.00")]
    table = tsv_table(rows, unit=["广州市人力资源市场服务中心", "145.00", "140.00", "", "5.00"])
    findings = run_rules(table, ("subtotal-mismatch",))
    assert [(f.field, f.excerpt, f.severity) for f in findings] == [
        ("amount.total", "145.00", "error"),
        ("amount.other", "5.00", "error"),
    ]
    assert findings[1].message == (
        "小计（其他资金）5.00 没有对应的明细：下级各行都没有填写其他资金，请核对"
    )


def test_units_without_a_subtotal_row_have_no_subtotal_check() -> None:
    rows = [row("市场中心购置经费", "140.00", "140.00"), row("工作经费", "7.00", "7.00")]
    assert run_rules(tsv_table(rows), ("subtotal-mismatch",)) == []


# --------------------------------------------------------------------------
# total-mismatch


def seed_002_with(old: str, new: str) -> str:
    text = SEED_002.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_grand_total_off_by_a_hundred_is_a_total_mismatch() -> None:
    text = seed_002_with("合计\t746,104.10\t738,573.69", "合计\t746,204.10\t738,673.69")
    findings = [f for f in run_rules(text) if f.line == 10]
    assert [(f.rule, f.severity, f.field, f.excerpt, f.unit, f.project) for f in findings] == [
        ("total-mismatch", "error", "amount.total", "746,204.10", None, None),
        ("total-mismatch", "error", "amount.fiscal", "738,673.69", None, None),
    ]
    assert findings[0].message == (
        "合计（总计）746,204.10 不等于 17 个单位小计之和 746,104.11：相差 99.99，"
        "超出 17 项舍入误差的上限 0.090，不是舍入造成的，请核对"
    )


def test_grand_total_near_miss_other_funds_add_up() -> None:
    findings = run_rules(SEED_002, ("total-mismatch",))
    assert findings == []


def test_grand_total_of_a_table_without_unit_rows_sums_the_projects() -> None:
    rows = [row("市场中心购置经费", "140.00", "140.00"), row("工作经费", "7.00", "7.00")]
    good = tsv_table(rows, total=["147.00", "147.00", "", ""])
    assert run_rules(good) == []
    bad = tsv_table(rows, total=["147.50", "147.50", "", ""])
    findings = run_rules(bad, ("total-mismatch",))
    assert [(f.severity, f.field, f.excerpt) for f in findings] == [
        ("error", "amount.total", "147.50"),
        ("error", "amount.fiscal", "147.50"),
    ]
    assert findings[0].message.startswith("合计（总计）147.50 不等于 2 个项目之和 147.00")


def test_grand_total_is_not_checked_against_a_blank_unit_subtotal() -> None:
    rows = [row("市场中心购置经费", "145.00", "140.00", "", "5.00")]
    unit = ["广州市人力资源市场服务中心", "145.00", "140.00", "", ""]
    table = tsv_table(rows, unit=unit, total=["145.00", "140.00", "", "5.00"])
    findings = run_rules(table)
    assert [(f.rule, f.field) for f in findings] == [
        ("subtotal-mismatch", "amount.other"),  # the blank cell, at the unit's name
        ("row-sum-mismatch", "amount.total"),  # the unit row: 145.00 against 140.00
    ]


# --------------------------------------------------------------------------
# row-sum-mismatch


def test_real_three_amount_row_adds_up() -> None:
    table = tsv_table([row("购置经费", "958.00", "545.00", "", "413.00")])
    assert run_rules(table) == []


def test_row_total_that_is_not_the_sum_of_its_sources() -> None:
    table = tsv_table([row("购置经费", "985.00", "545.00", "", "413.00")])
    findings = run_rules(table)
    assert [(f.rule, f.severity, f.field, f.excerpt, f.project) for f in findings] == [
        ("row-sum-mismatch", "error", "amount.total", "985.00", "购置经费")
    ]
    assert findings[0].message == (
        "总计 985.00 不等于财政拨款 + 其他资金 之和 958.00：相差 27.00，"
        "超出 2 项舍入误差的上限 0.015，不是舍入造成的，请核对"
    )
    assert (findings[0].line, findings[0].column) == (9, 6)
    assert findings[0].unit is None  # a table without unit rows


def test_row_of_two_sources_off_by_a_cent_is_rounding() -> None:
    table = tsv_table([row("购置经费", "958.01", "545.00", "", "413.00")])
    findings = run_rules(table)
    assert summary(findings) == [("rounding-difference", "info", "amount.total", "958.01")]
    assert findings[0].project == "购置经费"


def test_row_of_three_sources_bands() -> None:
    sources = ("545.00", "100.00", "313.00")
    assert run_rules(tsv_table([row("购置经费", "958.01", *sources)]))[0].severity == "info"
    warned = run_rules(tsv_table([row("购置经费", "958.02", *sources)]))  # 0.02 > 3σ 0.017
    assert summary(warned) == [("row-sum-mismatch", "warning", "amount.total", "958.02")]
    failed = run_rules(tsv_table([row("购置经费", "958.03", *sources)]))  # > hard bound 0.02
    assert summary(failed) == [("row-sum-mismatch", "error", "amount.total", "958.03")]


def test_row_total_copying_its_only_source_must_be_equal() -> None:
    # One amount rounded twice gives one figure: 0.01 apart is an error,
    # as the message says, not an unlikely rounding.
    findings = run_rules(tsv_table([row("工作经费", "7.01", "7.00")]))
    assert summary(findings) == [("row-sum-mismatch", "error", "amount.total", "7.01")]
    assert findings[0].message == (
        "总计 7.01 与财政拨款 7.00 相差 0.01：只有一项时两者应完全相等，不是舍入误差，请核对"
    )
    findings = run_rules(tsv_table([row("工作经费", "7.02", "", "", "7.00")]))
    assert summary(findings) == [("row-sum-mismatch", "error", "amount.total", "7.02")]


def test_unit_of_one_project_must_copy_it() -> None:
    rows = [row("工作经费", "7.00", "7.00")]
    table = tsv_table(rows, unit=["广州市人力资源市场服务中心", "7.01", "7.01", "", ""])
    findings = run_rules(table)
    assert {(f.rule, f.severity) for f in findings} == {("subtotal-mismatch", "error")}
    assert findings[0].message.startswith("小计（总计）7.01 与其唯一的项目 7.00 相差 0.01：")
    assert "只有一项时两者应完全相等" in findings[0].message


def test_rounding_rows_can_be_turned_off(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  rounding-difference:\n    rows: false\n")
    table = tsv_table([row("购置经费", "958.01", "545.00", "", "413.00")])
    assert run_rules(table, config=config) == []


def test_unit_and_grand_total_rows_are_row_sums_too() -> None:
    rows = [row("购置经费", "958.00", "545.00", "", "413.00")]
    table = tsv_table(
        rows,
        unit=["广州市干部和人才健康管理中心", "958.00", "545.00", "", "431.00"],
        total=["958.00", "545.00", "", "431.00"],
    )
    findings = [f for f in run_rules(table) if f.rule == "row-sum-mismatch"]
    assert [(f.line, f.unit, f.project) for f in findings] == [
        (9, None, None),
        (10, "广州市干部和人才健康管理中心", None),
    ]


# --------------------------------------------------------------------------
# Modes and severities from the configuration


def test_exact_mode_turns_rounding_into_mismatches(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  subtotal-mismatch:\n    mode: exact\n")
    findings = run_rules(SEED_002, config=config)
    counts = {r: sum(f.rule == r for f in findings) for r in AMOUNT_RULES}
    assert counts["subtotal-mismatch"] == 8
    assert counts["rounding-difference"] == 2  # 合计 still follows total-mismatch (banded)
    assert all(f.severity == "error" for f in findings if f.rule == "subtotal-mismatch")
    assert "（按精确相等核对）" in findings[2].message


def test_interval_mode_calls_the_hard_bound_rounding(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  subtotal-mismatch:\n    mode: interval\n")
    findings = run_rules(market("2,709.69"), config=config)  # gap 0.06 = hard bound
    assert {(f.rule, f.severity) for f in findings} == {("rounding-difference", "info")}
    assert "0.060" in findings[0].message
    findings = run_rules(market("2,709.70"), config=config)
    assert {(f.rule, f.severity) for f in findings} == {("subtotal-mismatch", "error")}


def test_tolerance_option(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  subtotal-mismatch:\n    tolerance: 0.05\n")
    findings = run_rules(market("2,709.68"), config=config)  # gap 0.05
    assert {(f.rule, f.severity) for f in findings} == {("rounding-difference", "info")}
    findings = run_rules(market("2,709.69"), config=config)  # gap 0.06
    assert {(f.rule, f.severity) for f in findings} == {("subtotal-mismatch", "error")}
    assert findings[0].message.endswith("相差 0.06，超出容差 0.050")


def test_configured_severity_caps_the_unlikely_band(tmp_path: Path) -> None:
    config = config_with(tmp_path, "rules:\n  subtotal-mismatch:\n    severity: info\n")
    findings = run_rules(market("2,709.67"), ("subtotal-mismatch",), config)
    assert {f.severity for f in findings} == {"info"}
    config = config_with(tmp_path, "rules:\n  subtotal-mismatch:\n    severity: warning\n")
    findings = run_rules(market("2,719.63"), ("subtotal-mismatch",), config)
    assert {f.severity for f in findings} == {"warning"}


def test_rounding_difference_follows_the_mismatch_rule_even_when_it_is_off() -> None:
    findings = run_rules(market("2,709.67"), ("rounding-difference",))
    assert findings == []  # 0.04 is a (deselected) subtotal-mismatch, not rounding


# --------------------------------------------------------------------------
# amount-format


def test_misplaced_thousands_separator_is_reported_and_sums_skip_the_cell() -> None:
    table = tsv_table(
        [row("市场中心购置经费", "1,40.00", "1,40.00"), row("工作经费", "7.00", "7.00")],
        unit=["广州市人力资源市场服务中心", "147.00", "147.00", "", ""],
    )
    findings = run_rules(table)
    assert [(f.rule, f.severity, f.field, f.excerpt, f.line, f.column) for f in findings] == [
        ("amount-format", "error", "amount.total", "1,40.00", 10, 10),
        ("amount-format", "error", "amount.fiscal", "1,40.00", 10, 18),
    ]
    assert findings[0].message == (
        "金额“1,40.00”的千位分隔符位置不对：应每三位一个逗号，如 1,234.56"
    )


def test_not_a_number() -> None:
    findings = run_rules(tsv_table([row("工作经费", "约7万", "7.00")]))
    assert summary(findings) == [("amount-format", "error", "amount.total", "约7万")]
    assert "不是数字" in findings[0].message


def test_negative_amount() -> None:
    findings = run_rules(tsv_table([row("工作经费", "-7.00", "-7.00")]))
    assert summary(findings) == [
        ("amount-format", "error", "amount.total", "-7.00"),
        ("amount-format", "error", "amount.fiscal", "-7.00"),
    ]
    assert findings[0].message == "总计为负数“-7.00”：预算金额不应为负"


def test_a_negative_project_amount_is_not_added_into_its_subtotal() -> None:
    # The sign typo is amount-format's alone: the subtotal that left the
    # sign out does not also differ from the project by twice its amount.
    text = market("2,709.62").replace("\t200.00\t200.00", "\t-200.00\t-200.00", 1)
    assert "-200.00" in text
    found = run_rules(text)
    assert {f.rule for f in found} == {"amount-format"}


def test_a_negative_total_beside_a_positive_source_is_amount_format_alone() -> None:
    findings = run_rules(tsv_table([row("工作经费", "-7.00", "7.00")]))
    assert summary(findings) == [("amount-format", "error", "amount.total", "-7.00")]


@pytest.mark.parametrize("text", ["7", "7.0", "7.000"])
def test_not_two_decimals_is_a_warning(text: str) -> None:
    findings = run_rules(tsv_table([row("工作经费", text, "7.00")]))
    assert summary(findings) == [("amount-format", "warning", "amount.total", text)]
    assert findings[0].message == f"总计“{text}”应保留两位小数（如 7.00）"


def test_an_amount_in_full_width_digits_is_read_and_reported_as_such() -> None:
    """Typed in a full-width input mode: the amount is the number (the sums
    run on it), and amount-format asks for ASCII digits."""
    findings = run_rules(tsv_table([row("工作经费", "７．００", "７．００")]))
    assert summary(findings) == [
        ("amount-format", "warning", "amount.total", "７．００"),
        ("amount-format", "warning", "amount.fiscal", "７．００"),
    ]
    assert findings[0].message == "总计“７．００”用了全角数字：应写作半角数字（7.00）"
    # The sum runs: a subtotal the project does not add up to is reported.
    table = tsv_table(
        [row("工作经费", "１，２３４．５６", "１，２３４．５６")],
        unit=["广州市测试中心", "1,000.00", "1,000.00", "", ""],
    )
    assert "subtotal-mismatch" in {f.rule for f in run_rules(table)}


@pytest.mark.parametrize("text", ["7.00", "0.00", "1,234.56", "444,928.49", "1234.56"])
def test_well_formed_amounts_pass(text: str) -> None:
    assert run_rules(tsv_table([row("工作经费", text, text)])) == []


def test_missing_total_beside_filled_sources_is_an_error_without_cascade() -> None:
    table = tsv_table(
        [row("市场中心购置经费", "", "140.00"), row("工作经费", "7.00", "7.00")],
        unit=["广州市人力资源市场服务中心", "147.00", "147.00", "", ""],
    )
    findings = run_rules(table)
    assert [(f.rule, f.severity, f.field, f.excerpt, f.line, f.column) for f in findings] == [
        ("amount-format", "error", "amount.total", None, 10, 1),
    ]
    assert findings[0].project == "市场中心购置经费"
    assert findings[0].message == "总计为空，但财政拨款已填写：总计应为各资金来源之和"


def test_total_without_any_source_is_a_warning() -> None:
    rows = [row("市场中心购置经费", "140.00"), row("工作经费", "7.00", "7.00")]
    findings = run_rules(tsv_table(rows))
    assert summary(findings) == [("amount-format", "warning", "amount.total", "140.00")]


def test_total_only_tables_and_zero_rows_need_no_source() -> None:
    assert run_rules(tsv_table([row("市场中心购置经费", "140.00"), row("工作经费", "7.00")])) == []
    rows = [row("市场中心购置经费", "0.00"), row("工作经费", "7.00", "7.00")]
    assert run_rules(tsv_table(rows)) == []


def test_project_without_any_amount() -> None:
    rows = [row("市场中心购置经费", ""), row("工作经费", "7.00", "7.00")]
    findings = run_rules(tsv_table(rows), ("amount-format",))
    assert [(f.severity, f.project, f.line, f.column) for f in findings] == [
        ("error", "市场中心购置经费", 9, 1)
    ]


def test_blank_cell_dashes_are_absent_not_errors() -> None:
    assert run_rules(tsv_table([row("工作经费", "7.00", "7.00", "-", "—")])) == []


@pytest.mark.parametrize(
    "yaml",
    [
        "rules:\n  subtotal-mismatch:\n    mode: fuzzy\n",
        "rules:\n  total-mismatch:\n    tolerance: '0.05'\n",
        "rules:\n  rounding-difference:\n    rows: maybe\n",
    ],
)
def test_bad_amount_options_are_rejected(tmp_path: Path, yaml: str) -> None:
    from audit.config import ConfigError

    with pytest.raises(ConfigError):
        config_with(tmp_path, yaml)


def test_rounding_difference_in_english() -> None:
    config = load_config(None, discover=False)
    config.lang = "en"
    findings = run_rules(MARKET, ("rounding-difference",), config)
    assert findings[0].message == (
        "subtotal (总计) 2,709.62 differs from the sum of its 11 projects, 2,709.63, by 0.01: "
        "within what rounding explains (0.030); rounding, not an error"
    )


# --------------------------------------------------------------------------
# A part of exactly 0.00 carries no rounding error


def test_a_total_copying_one_source_beside_a_zero_is_compared_as_a_copy() -> None:
    findings = run_rules(tsv_table([row("市场中心场地维护维修", "200.01", "200.00", "", "0.00")]))
    assert summary(findings) == [("row-sum-mismatch", "error", "amount.total", "200.01")]
    assert findings[0].message == (
        "总计 200.01 与财政拨款 + 其他资金 之和 200.00 相差 0.01："
        "其中只有一项不是 0.00，两者应完全相等，不是舍入误差，请核对"
    )


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        (("200.01", "150.00", "", "50.00"), [("rounding-difference", "info")]),  # two real sources
        (("200.00", "200.00", "", "0.00"), []),  # the copy is exact
        (("200.01", "200.00", "0.00", "0.00"), [("row-sum-mismatch", "error")]),
    ],
)
def test_near_misses_of_a_zero_source(
    amounts: tuple[str, str, str, str], expected: list[tuple[str, str]]
) -> None:
    findings = run_rules(tsv_table([row("市场中心场地维护维修", *amounts)]))
    assert [(f.rule, f.severity) for f in findings] == expected


def test_a_national_form_with_other_funds_of_0_00_is_a_copy_of_its_grant() -> None:
    # A form's 资金总额 960.01 over 财政拨款 960.00 and the template's 其他资金 0.00.
    rows = [list(r) for r in FORM]
    rows[4] = ["资金总额（万元）", "960.01", "其中：财政拨款", "960.00", ""]
    rows.insert(5, ["", "", "其他资金", "0.00", ""])
    findings = lint(csv_document(rows), select=list(AMOUNT_RULES))
    assert [(f.rule, f.severity, f.excerpt) for f in findings] == [
        ("row-sum-mismatch", "error", "960.01")
    ]


def test_a_subtotal_over_one_real_project_and_a_zero_is_a_copy() -> None:
    rows = [
        row("市场中心场地维护维修", "200.00", "200.00"),
        row("市场中心购置经费", "0.00", "0.00"),
    ]
    table = tsv_table(rows, unit=["广州市人力资源市场服务中心", "200.01", "200.01"])
    findings = run_rules(table, ("subtotal-mismatch", "rounding-difference"))
    assert [(f.rule, f.severity, f.field) for f in findings] == [
        ("subtotal-mismatch", "error", "amount.total"),
        ("subtotal-mismatch", "error", "amount.fiscal"),
    ]
    assert "其 2 个项目之和 200.00 相差 0.01：其中只有一项不是 0.00" in findings[0].message


def test_a_subtotal_over_two_real_projects_off_by_a_cent_is_rounding() -> None:
    rows = [
        row("市场中心场地维护维修", "60.00", "60.00"),
        row("市场中心购置经费", "140.00", "140.00"),
        row("市场中心业务经费", "0.00", "0.00"),
    ]
    table = tsv_table(rows, unit=["广州市人力资源市场服务中心", "200.01", "200.01"])
    findings = run_rules(table, ("subtotal-mismatch", "rounding-difference"))
    assert {(f.rule, f.severity) for f in findings} == {("rounding-difference", "info")}
    assert "其 3 个项目之和 200.00" in findings[0].message
