"""Every target of a value judged: the facts about targets (audit/facts.py)
and the rules that read them, with cases from the seed tables (002: 年度业务量,
教学专用设备完好率, 预算成本控制率) and the national template's shapes."""

from __future__ import annotations

import calendar
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.facts import has_measured_target, number_targets, target_days
from audit.values import parse_value
from tests.conftest import HEADER, lint
from tests.labels import national_text

TITLE = "广州市某局2024年部门预算项目支出绩效目标表\n部门名称：广州市某局\n单位：万元\n"


def table(clause: str, name: str = "2024年测试项目", amount: str = "100.00") -> str:
    row = f"{name}\t{amount}\t{amount}\t\t\t完成年度工作任务，保障业务正常开展。\t{clause}"
    return f"{TITLE}{HEADER}\n{row}\n"


def rules_of(text: str, rule: str) -> list[str]:
    return [f.message for f in lint(text, [rule])]


# --------------------------------------------------------------------------
# facts: the targets of a value


def test_number_targets_lists_every_number() -> None:
    value = parse_value("上半年≥60%，全年≥150%")
    assert [t.number for t in number_targets(value)] == [Decimal(60), Decimal(150)]
    assert number_targets(parse_value("合法合规")) == ()


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("2023.07-2024.01", (2023, 7, 1), (2024, 1, 31)),
        ("2023年7月-2024年1月", (2023, 7, 1), (2024, 1, 31)),
        ("2024年11月30日前", (2024, 11, 30), (2024, 11, 30)),
        ("2025年底前", (2025, 12, 1), (2025, 12, 31)),
        ("2023-2024年度", (2023, 1, 1), (2024, 12, 31)),
    ],
)
def test_target_days_reads_dates_and_ranges(
    text: str, first: tuple[int, ...], last: tuple[int, ...]
) -> None:
    (target,) = parse_value(text).targets
    assert target_days(target) == (first, last)


def test_target_days_is_none_for_numbers() -> None:
    (target,) = parse_value("≥95%").targets
    assert target_days(target) is None


@given(
    st.integers(2000, 2097),  # the end year stays in 19xx/20xx, the years DATE reads
    st.integers(1, 12),
    st.integers(0, 2),
    st.integers(1, 12),
)
def test_a_date_range_runs_from_its_first_month_to_its_last(
    year: int, month: int, years_later: int, end_month: int
) -> None:
    end_year = year + years_later
    if (end_year, end_month) <= (year, month):
        end_year = year + 1
    text = f"{year}.{month:02d}-{end_year}.{end_month:02d}"
    (target,) = parse_value(text).targets
    assert target.kind == "date-range"
    last = calendar.monthrange(end_year, end_month)[1]  # the month's real last day
    assert target_days(target) == ((year, month, 1), (end_year, end_month, last))


@pytest.mark.parametrize(
    "text", ["每月", "2次/月", "2025年12月前", "3个工作日内", "2023.07-2024.01"]
)
def test_frequencies_dates_and_durations_are_measured(text: str) -> None:
    assert has_measured_target(parse_value(text))


@pytest.mark.parametrize("text", ["合法合规", "有效", "完成当年市下达任务"])
def test_words_are_not_measured(text: str) -> None:
    assert not has_measured_target(parse_value(text))


# --------------------------------------------------------------------------
# rules


def test_annual_period_mismatch_pairs_the_targets_of_002_line_615() -> None:
    clause = (
        "3、1-产出指标；11-数量指标；年度业务量；实施周期指标值:兼职仲裁员1500件，专职仲裁员10000件；"
        "年度指标值:兼职仲裁员办案1500件和专职仲裁员办案10000件以上。"
    )
    messages = [f for f in lint(table(clause), ["annual-period-mismatch"])]
    assert [(f.severity, "同一目标的不同写法" in f.message) for f in messages] == [("info", True)]


def test_annual_period_mismatch_reports_a_second_target_larger() -> None:
    clause = (
        "1、1-产出指标；11-数量指标；年度业务量；实施周期指标值:兼职仲裁员1500件，专职仲裁员10000件；"
        "年度指标值:兼职仲裁员1500件，专职仲裁员12000件。"
    )
    (finding,) = lint(table(clause), ["annual-period-mismatch"])
    assert finding.severity == "error" and "超过" in finding.message


def test_annual_period_mismatch_reads_date_ranges() -> None:
    grid = {"grid": ["产出指标 | 时效指标 | 项目实施期限 | 2023.07-2024.01 | 2023.07-2024.03"]}
    (finding,) = lint(national_text(grid), ["annual-period-mismatch"])
    assert "晚于" in finding.message
    same = {"grid": ["产出指标 | 时效指标 | 项目实施期限 | 2023.07-2024.01 | 2023年7月-2024年1月"]}
    assert [f.severity for f in lint(national_text(same), ["annual-period-mismatch"])] == ["info"]


def test_percent_and_satisfaction_judge_the_second_target() -> None:
    rate = "1、1-产出指标；12-质量指标；培训合格率；实施周期指标值:上半年≥60%，全年≥150%；年度指标值:上半年≥60%，全年≥150%。"
    assert len(rules_of(table(rate), "percent-out-of-range")) == 1
    fine = "1、1-产出指标；12-质量指标；培训合格率；实施周期指标值:上半年≥60%，全年≥95%；年度指标值:上半年≥60%，全年≥95%。"
    assert rules_of(table(fine), "percent-out-of-range") == []
    full = "1、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:上半年≥90%，全年≥100%；年度指标值:上半年≥90%，全年≥100%。"
    assert len(rules_of(table(full), "satisfaction-target")) == 1
    sample = "1、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%，样本≥50；年度指标值:≥90%，样本≥50。"
    assert rules_of(table(sample), "satisfaction-target") == []


def test_value_type_mismatch_accepts_a_value_with_a_target_of_the_asked_kind() -> None:
    good = "1、1-产出指标；12-质量指标；培训合格率；实施周期指标值:完成10场，合格率100%；年度指标值:完成10场，合格率100%。"
    assert rules_of(table(good), "value-type-mismatch") == []
    bad = "1、1-产出指标；12-质量指标；培训合格率；实施周期指标值:完成10场，培训200人；年度指标值:完成10场，培训200人。"
    assert len(rules_of(table(bad), "value-type-mismatch")) == 1


def test_not_quantified_accepts_frequencies_in_words() -> None:
    frequency = "1、1-产出指标；11-数量指标；设备巡查；实施周期指标值:每季度开展巡查；年度指标值:每季度开展巡查。"
    assert rules_of(table(frequency), "not-quantified") == []
    words = "1、1-产出指标；11-数量指标；设备巡查；实施周期指标值:按要求开展巡查；年度指标值:按要求开展巡查。"
    assert len(rules_of(table(words), "not-quantified")) == 1


# comparator-direction: ceiling rates, and a control rate of money both ways


@pytest.mark.parametrize(
    "clause",
    [
        "5、1-产出指标；14-成本指标；预算成本控制率；实施周期指标值:≥90%；年度指标值:≥90%。",  # 002
        "6、1-产出指标；14-成本指标；预算成本控制率；实施周期指标值:90%以上；年度指标值:90%以上。",  # 002
        "1、1-产出指标；14-成本指标；成本控制率；实施周期指标值:≤100%；年度指标值:≤100%。",
        "1、2-效益指标；22-社会效益；院内感染发生率；实施周期指标值:≤1%；年度指标值:≤1%。",
        "1、2-效益指标；22-社会效益；高血压患者血压控制率；实施周期指标值:≥60%；年度指标值:≥60%。",
    ],
)
def test_comparator_direction_near_misses(clause: str) -> None:
    assert rules_of(table(clause), "comparator-direction") == []


@pytest.mark.parametrize(
    "clause",
    [
        "1、1-产出指标；12-质量指标；数据录入差错率；实施周期指标值:≥2%；年度指标值:≥2%。",
        "1、1-产出指标；14-成本指标；工程投资超支率；实施周期指标值:≥5%；年度指标值:≥5%。",
        "1、2-效益指标；22-社会效益；高血压患者血压控制率；实施周期指标值:≤60%；年度指标值:≤60%。",
    ],
)
def test_comparator_direction_must_fire(clause: str) -> None:
    assert len(rules_of(table(clause), "comparator-direction")) == 1


# category-keyword-mismatch: quality rates from the shared vocabulary


def test_a_quality_rate_under_quantity_is_reported() -> None:
    clause = "3、1-产出指标；11-数量指标；教学专用设备完好率；实施周期指标值:≥95%；年度指标值:≥95%。"  # 002
    (message,) = rules_of(table(clause), "category-keyword-mismatch")
    assert "12-质量指标" in message
    share = "3、1-产出指标；11-数量指标；设备采购数量完成率；实施周期指标值:100%；年度指标值:100%。"
    assert rules_of(table(share), "category-keyword-mismatch") == []


# cost-exceeds-budget: a cost per month or per person times its count


def test_cost_per_person_times_the_people_names_the_arithmetic() -> None:
    clause = (
        "1、1-产出指标；11-数量指标；体检人数；实施周期指标值:≥5000人；年度指标值:≥5000人。"
        "2、1-产出指标；14-成本指标；人均体检成本；实施周期指标值:≤3000元/人；年度指标值:≤3000元/人。"
    )
    (message,) = rules_of(table(clause, amount="80.00"), "cost-exceeds-budget")
    assert "0.3万元 × 5000 = 1500万元" in message and "「体检人数」" in message
    cheap = clause.replace("3000元/人", "150元/人")
    assert rules_of(table(cheap, amount="80.00"), "cost-exceeds-budget") == []


def test_a_threshold_standard_is_never_multiplied_unless_configured(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import config_with

    clause = (
        "1、1-产出指标；11-数量指标；保障低保对象人数；实施周期指标值:≥6500人；年度指标值:≥6500人。"
        "2、1-产出指标；14-成本指标；城乡低保标准；实施周期指标值:≥1120元/人；年度指标值:≥1120元/人。"
    )
    text = table(clause, amount="500.00")
    assert rules_of(text, "cost-exceeds-budget") == []
    config = config_with(tmp_path, "rules:\n  cost-exceeds-budget:\n    thresholds: []\n")
    findings = lint(text, ["cost-exceeds-budget"], config)
    assert ["0.112万元 × 6500 = 728万元" in f.message for f in findings] == [True]


# garbled-text: question marks where characters were lost


def test_question_marks_where_characters_were_lost() -> None:
    lost = "1、1-产出指标；11-数量指标；??????；实施周期指标值:≥100人；年度指标值:≥100人。"
    assert len(rules_of(table(lost), "garbled-text")) == 1
    inside = "1、1-产出指标；11-数量指标；健康讲座?次；实施周期指标值:≥12场；年度指标值:≥12场。"
    assert len(rules_of(table(inside), "garbled-text")) == 1
    question = (
        "1、2-效益指标；24-可持续影响；是否建立长效机制？；实施周期指标值:是；年度指标值:是。"
    )
    assert rules_of(table(question), "garbled-text") == []


def test_garbled_national_cells_are_scanned() -> None:
    grid = {"grid": ["产出指标 | 数量指标 | 健康讲座\ufffd次 | ≥12场 | ≥12场"]}
    (finding,) = lint(national_text(grid), ["garbled-text"])
    assert finding.project == "社区公共卫生服务经费" and finding.clause == 1
    assert "三级指标" in finding.message


def test_a_garbled_merged_category_is_reported_once() -> None:
    grid = {
        "grid": [
            "产出指标 | 数量\ufffd指标 | 健康讲座场次 | ≥12场 | ≥12场",
            " | | 健康档案更新份数 | ≥3000份 | ≥3000份",
        ]
    }
    findings = lint(national_text(grid), ["garbled-text"])
    assert [(f.clause, f.excerpt) for f in findings] == [(1, "\ufffd")]
