"""The severity is the user's: a rule may lower a finding below the
configured severity for a milder case, never raise it above, never set one of
its own. Findings about a project name the project whatever the rule's scope.
Clauses are copied from the seeds (line numbers given)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.engine import SEVERITIES, SEVERITY_RANK, Severity, lowered
from tests.conftest import config_with, lint, project_row, run_main, tsv_table

BENEFIT = (
    "1、2-效益指标；22-社会效益；安装后设备使用率；实施周期指标值:98%或以上；年度指标值:98%或以上。"
)

# Seed 002 line 565, clause 2 (no span known: a smaller annual target is milder)
# and a same target written twice (a remark); seed 002 line 603's form.
PERIODS = (
    "1、1-产出指标；11-数量指标；新增工位数量；实施周期指标值:不低于170个；年度指标值:不低于85个。"
    "2、2-效益指标；24-可持续影响；设备使用满意率；实施周期指标值:95%；年度指标值:95%或以上。"
    "3、1-产出指标；11-数量指标；有效投诉次数；实施周期指标值:≤3次；年度指标值:≥3次。"
)
# Seed 002 line 592: no measurable target under 数量指标.
UNQUANTIFIED = "1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:≥300人。"

CASES: dict[str, str] = {
    "annual-period-mismatch": tsv_table(
        [project_row("市公用技师学院智慧交通系专业建设项目", PERIODS)]
    ),
    "not-quantified": tsv_table([project_row("就业促进经费", UNQUANTIFIED)]),
    "duplicate-project": tsv_table(
        [
            project_row("工作经费", BENEFIT, amount="20.00"),
            project_row("工作经费", BENEFIT, amount="20.00"),
            project_row("工作经费", BENEFIT, amount="35.00"),
        ]
    ),
}


def severities(tmp_path: Path, rule: str, severity: str | None) -> list[str]:
    yaml = "rules: {}\n" if severity is None else f"rules:\n  {rule}:\n    severity: {severity}\n"
    findings = lint(CASES[rule], [rule], config_with(tmp_path, yaml))
    assert findings and {f.rule for f in findings} == {rule}
    return [f.severity for f in findings]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_severity_info_makes_every_finding_info(tmp_path: Path, rule: str) -> None:
    assert set(severities(tmp_path, rule, "info")) == {"info"}


@pytest.mark.parametrize(
    "rule, default, error",
    [
        # a different direction is an error; a smaller annual target with no
        # known span a warning; the same target written twice info
        ("annual-period-mismatch", ["warning", "info", "error"], ["warning", "info", "error"]),
        # the category's level (warning by default) caps the finding
        ("not-quantified", ["warning"], ["warning"]),
        # the same amounts: a pasted row, as configured; other amounts: milder
        ("duplicate-project", ["error", "warning"], ["error", "warning"]),
    ],
)
def test_lowered_findings_stay_below_the_configured_severity(
    tmp_path: Path, rule: str, default: list[str], error: list[str]
) -> None:
    assert severities(tmp_path, rule, None) == default
    assert severities(tmp_path, rule, "error") == error
    warned = severities(tmp_path, rule, "warning")
    assert "error" not in warned
    assert all(SEVERITY_RANK[w] <= SEVERITY_RANK[d] for w, d in zip(warned, default, strict=True))


def test_a_category_level_above_the_rule_is_capped_by_the_rule(tmp_path: Path) -> None:
    yaml = "rules:\n  not-quantified:\n    severities: {quantity: error}\n"
    [finding] = lint(CASES["not-quantified"], ["not-quantified"], config_with(tmp_path, yaml))
    assert finding.severity == "warning"  # the rule is configured as a warning
    yaml = "rules:\n  not-quantified:\n    severity: error\n    severities: {quantity: error}\n"
    [finding] = lint(CASES["not-quantified"], ["not-quantified"], config_with(tmp_path, yaml))
    assert finding.severity == "error"


@given(
    st.sampled_from(SEVERITIES),
    st.integers(min_value=0, max_value=5),
    st.sampled_from((None, *SEVERITIES)),
)
def test_lowering_never_raises_and_never_goes_below_info(
    severity: Severity, steps: int, at_most: Severity | None
) -> None:
    result = lowered(severity, steps, at_most)
    assert SEVERITY_RANK[result] <= SEVERITY_RANK[severity]
    if at_most is not None:
        assert SEVERITY_RANK[result] <= max(SEVERITY_RANK[at_most], 1)
    assert SEVERITY_RANK[result] == max(
        1, min(SEVERITY_RANK[severity] - steps, 3 if at_most is None else SEVERITY_RANK[at_most])
    )


def test_the_engine_accepts_no_absolute_severity() -> None:
    from audit.engine import Problem

    with pytest.raises(TypeError):
        Problem(None, severity="error")  # type: ignore[call-arg]


# --------------------------------------------------------------------------
# A finding about a project names it, whatever the rule's scope


def test_duplicate_project_names_the_project() -> None:
    findings = lint(CASES["duplicate-project"], ["duplicate-project"])
    assert [(f.project, f.line) for f in findings] == [("工作经费", 10), ("工作经费", 11)]
    assert all(f.unit is None for f in findings)  # the table has no unit row


def test_duplicate_project_names_the_project_and_its_unit_in_json(tmp_path: Path) -> None:
    rows = [
        project_row("因公出国（境）工作经费", BENEFIT, amount="20.00"),
        project_row("因公出国（境）工作经费", BENEFIT, amount="20.00"),
    ]
    table = tmp_path / "table.txt"
    table.write_text(
        tsv_table(rows, unit=["广州市测试中心本级", "40.00", "40.00", "", ""]), encoding="utf-8"
    )
    code, out, _err = run_main(
        "lint", "--no-config", "--select", "duplicate-project", "--format", "json", str(table)
    )
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert (finding["unit"], finding["project"]) == ("广州市测试中心本级", "因公出国（境）工作经费")
