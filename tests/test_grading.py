"""Grades per project and per table: the default weights and caps, the
``grading:`` block of a profile and its validation, and the JSON report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.config import ConfigError, load_config
from audit.grading import (
    GRADES,
    Grading,
    default_grading,
    file_grades,
    grade_projects,
    grade_report,
    grade_tables,
)
from audit.lint import lint_paths
from audit.model import Finding
from audit.pipeline import load_path, load_text
from audit.reports.json_report import render, report_dict
from audit.results import FileResult, LintResult
from tests.conftest import SEED_002, project_row, tsv_table

GOAL = "通过开展本项目，保持就业总体稳定，优化就业结构，持续提升就业质量。"
OTHER_GOAL = "通过开展本项目，促进高校毕业生等重点群体就业，稳定就业形势，提升就业质量。"
"""The goal of a second project: a goal copied between projects is duplicate-goal's."""
# 002 line 12 (市就业补助资金（越秀区）), clauses 1-3: no findings
GOOD = (
    "1、3-满意度指标；31-服务对象满意度；就业扶持政策经办满意度；实施周期指标值:90%；年度指标值:90%。"
    "2、2-效益指标；22-社会效益；城镇新增就业人数；实施周期指标值:1.85万人；年度指标值:1.85万人。"
    "3、1-产出指标；11-数量指标；一次性创业资助人数；实施周期指标值:≥ 280人；年度指标值:≥ 280人。"
)
# 002 line 781, an input measure: one warning (input-as-output)
WARNING = "4、1-产出指标；13-时效指标；年度预算执行率；实施周期指标值:100%；年度指标值:100%。"


def finding(rule: str, severity: str, project: str | None = "项目", line: int = 9) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        message="",
        file="table.txt",
        line=line,
        column=1,
        end_line=line,
        end_column=2,
        unit=None,
        project=project,
        clause=None,
        field=None,
        excerpt=None,
    )


def grade_of(*findings: Finding, grading: Grading | None = None) -> tuple[str, float]:
    grading = grading or default_grading()
    score = grading.score(findings)
    return grading.grade(score, findings), score


W = ("input-as-output", "warning")
E = ("placeholder", "error")
I = ("goal-too-short", "info")  # noqa: E741 - I for info, beside W and E


@pytest.mark.parametrize(
    "findings, grade, score",
    [
        ([], "优", 100),
        ([I], "优", 100),
        ([I] * 12, "优", 100),  # info is advice: it never lowers a grade
        ([W], "良", 95),
        ([W] * 3, "良", 85),
        ([W] * 3 + [I] * 5, "良", 85),
        ([W] * 4, "中", 80),
        ([W] * 8, "中", 60),
        ([W] * 9, "差", 55),
        ([E], "中", 75),
        ([E, W], "中", 70),
        ([E] + [W] * 3, "中", 60),
        ([E] + [W] * 4, "差", 55),
        ([E, E], "差", 50),
        ([("parse-error", "error")], "差", 75),  # a clause nobody can read
        ([("missing-goal", "error")], "差", 75),  # 粤财绩〔2019〕11号: no project without a goal
        # Targets that cannot be measured: a number without a unit, a unit
        # that means nothing for its indicator, weigh as two warnings each.
        ([("missing-unit", "warning")] * 2, "中", 80),
        ([("implausible-unit", "warning")] * 3 + [W], "中", 65),
        ([("date-serial", "error")], "中", 75),
        ([E] * 5, "差", 0),  # never below 0
    ],
)
def test_default_grades(findings: list[tuple[str, str]], grade: str, score: float) -> None:
    assert grade_of(*(finding(rule, severity) for rule, severity in findings)) == (grade, score)


def test_the_shipped_defaults_are_the_grading_of_the_default_profile() -> None:
    config = load_config(None, discover=False)
    assert config.grading == default_grading()
    assert default_grading() == Grading(
        weights={"error": 25, "warning": 5, "info": 0},
        rules={
            "not-quantified": 10,
            "unknown-category": 1,
            "missing-unit": 10,
            "implausible-unit": 10,
            "boilerplate-value": 20,
        },
        groups={},
        thresholds={"优": 100, "良": 85, "中": 60},
        caps={"error": "中", "parse-error": "差", "missing-goal": "差", "unknown-category": "优"},
        verdict={"error": "中"},
    )


# --------------------------------------------------------------------------
# Profiles


def write(tmp_path: Path, text: str, name: str = "profile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_without_extends_starts_from_the_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "grading:\n  weights:\n    warning: 10\n"))
    assert config.grading.weights == {"error": 25, "warning": 10, "info": 0}
    assert config.grading.thresholds == default_grading().thresholds
    assert grade_of(finding(*W), grading=config.grading) == ("良", 90)
    assert grade_of(finding(*W), finding(*W), grading=config.grading) == ("中", 80)


def test_a_profile_changes_what_it_names_on_top_of_the_profile_it_extends(tmp_path: Path) -> None:
    write(tmp_path, "extends: default\ngrading:\n  thresholds:\n    良: 90\n", "base.yaml")
    path = write(
        tmp_path,
        "extends: base.yaml\n"
        "grading:\n"
        "  rules:\n    input-as-output: 1\n"
        "  caps:\n    error: null\n    amount-format: 良\n",
    )
    grading = load_config(path).grading
    assert grading.thresholds == {"优": 100, "良": 90, "中": 60}
    assert grading.caps == {
        "parse-error": "差",
        "missing-goal": "差",
        "amount-format": "良",
        "unknown-category": "优",
    }
    assert grade_of(finding(*W), grading=grading) == ("良", 99)  # by rule: 1 point
    assert grade_of(finding(*E), grading=grading) == ("中", 75)  # no cap: by score
    assert grade_of(finding("amount-format", "info"), grading=grading) == ("良", 100)


@pytest.mark.parametrize(
    "yaml, line, key, message",
    [
        ("lang: zh\ngrading: 5\n", 2, "grading", "must be a mapping"),
        ("grading:\n  weight:\n    error: 10\n", 2, "grading.weight", "unknown key"),
        ("grading:\n  weights:\n    fatal: 10\n", 3, "grading.weights.fatal", "unknown severity"),
        ("grading:\n  weights:\n    error: lots\n", 3, "grading.weights.error", "must be a number"),
        ("grading:\n  weights:\n    info: -1\n", 3, "grading.weights.info", "must not be negative"),
        ("grading:\n  weights: [1, 2]\n", 2, "grading.weights", "must be a mapping"),
        (
            "grading:\n  rules:\n    input-as-outptu: 3\n",
            3,
            "grading.rules.input-as-outptu",
            "did you mean 'input-as-output'",
        ),
        ("grading:\n  thresholds:\n    差: 10\n", 3, "grading.thresholds.差", "has no threshold"),
        ("grading:\n  thresholds:\n    A: 10\n", 3, "grading.thresholds.A", "unknown grade"),
        ("grading:\n  thresholds:\n    优: 120\n", 3, "grading.thresholds.优", "at most 100"),
        (
            "grading:\n  thresholds:\n    优: 100\n    良: 50\n    中: 70\n",
            5,
            "grading.thresholds.中",
            "thresholds out of order: 良 (50) must be above 中 (70)",
        ),
        (
            "grading:\n\n  thresholds:\n    良: 100\n",
            4,
            "grading.thresholds.良",
            "thresholds out of order: 优 (100) must be above 良 (100)",
        ),
        ("grading:\n  caps:\n    error: 不及格\n", 3, "grading.caps.error", "must be a grade"),
        ("grading:\n  caps:\n    no-such-rule: 差\n", 3, "grading.caps.no-such-rule", "unknown"),
    ],
)
def test_grading_errors_name_file_line_and_key(
    tmp_path: Path, yaml: str, line: int, key: str, message: str
) -> None:
    path = write(tmp_path, yaml)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problem = caught.value
    assert (problem.path, problem.line, problem.key) == (str(path), line, key)
    assert message in problem.message


# --------------------------------------------------------------------------
# Grading a lint result


def lint_text(text: str, path: str = "table.txt") -> LintResult:
    config = load_config(None, discover=False)
    return lint_paths([path], config, lambda p: load_text(text, p))


def test_each_project_gets_a_grade_and_counts() -> None:
    text = tsv_table(
        [
            project_row("好项目", GOOD, goal=GOAL),
            project_row("预算执行项目", GOOD + WARNING, goal=OTHER_GOAL),
            project_row("无目标项目", GOOD, goal=""),
        ]
    )
    projects = grade_projects(lint_text(text))
    assert [(p["project"], p["line"], p["grade"]) for p in projects] == [
        ("好项目", 9, "优"),
        ("预算执行项目", 10, "良"),
        ("无目标项目", 11, "差"),
    ]
    assert projects[1] == {
        "file": "table.txt",
        "unit": None,
        "project": "预算执行项目",
        "line": 10,
        "grade": "良",
        "score": 95,
        "counts": {"error": 0, "warning": 1, "info": 0},
    }
    assert projects[2]["counts"]["error"] == 1


def test_projects_with_the_same_name_are_told_apart_by_line() -> None:
    text = tsv_table(
        [
            project_row("机构运行辅助经费", GOOD, goal=GOAL),
            project_row("机构运行辅助经费", GOOD + WARNING, goal=GOAL, amount="12.00"),
        ]
    )
    # The second also carries duplicate-project's warning (other amounts).
    projects = grade_projects(lint_text(text))
    assert [p["grade"] for p in projects] == ["优", "良"]
    assert [p["counts"]["warning"] for p in projects] == [0, 2]


def test_a_table_is_graded_by_the_mean_of_its_projects_and_its_own_findings() -> None:
    rows = [project_row(f"项目{i}", GOOD, goal=GOAL) for i in range(3)]
    rows.append(project_row("预算执行项目", GOOD + WARNING, goal=GOAL))
    (table,) = grade_tables(lint_text(tsv_table(rows)))
    assert table == {
        "file": "table.txt",
        "grade": "良",
        "score": 98.8,
        "projects": 4,
        "grades": {"优": 3, "良": 1, "中": 0, "差": 0},
        "counts": {"error": 0, "warning": 0, "info": 0},
    }


def test_findings_of_no_project_lower_the_table_and_are_capped_like_projects() -> None:
    grading = default_grading()
    document = load_text(tsv_table([project_row("好项目", GOOD, goal=GOAL)]), "t.txt")
    result = LintResult(files=[FileResult("t.txt", document=document)])
    result.files[0].findings = [finding("subtotal-mismatch", "error", project=None)]
    (table,) = grade_tables(result, grading)
    assert (table["grade"], table["score"], table["counts"]["error"]) == ("中", 75, 1)


def test_a_file_that_cannot_be_read_is_graded_poor() -> None:
    result = LintResult(files=[FileResult("broken.pdf", error="not a table")])
    report = grade_report(result)
    assert report["projects"] == []
    assert report["tables"][0]["grade"] == "差"
    assert report["grades"] == dict.fromkeys(GRADES, 0)


def test_the_grade_report_counts_grades_over_every_project_of_seed_002() -> None:
    config = load_config(None, discover=False)
    result = lint_paths([str(SEED_002)], config, load_path)
    report = grade_report(result, config)
    assert len(report["projects"]) == 258
    assert sum(report["grades"].values()) == 258
    assert report["grades"] == report["tables"][0]["grades"]
    # every finding is counted against exactly one project or the table
    counted = sum(sum(p["counts"].values()) for p in report["projects"])
    counted += sum(report["tables"][0]["counts"].values())
    assert counted == len(result.findings)


# --------------------------------------------------------------------------
# The JSON report


def test_json_report_keeps_its_shape_and_adds_the_grades() -> None:
    text = tsv_table([project_row("预算执行项目", GOOD + WARNING, goal=GOAL)])
    result = lint_text(text)
    report = report_dict(result)
    assert list(report) == ["version", "tool", "files", "findings", "summary", "projects"]
    assert report["version"] == 1
    assert report["summary"]["grades"] == {"优": 0, "良": 1, "中": 0, "差": 0}
    assert report["summary"]["findings"] == 1
    assert report["files"][0]["grade"] == "良"
    assert report["projects"] == [
        {
            "file": "table.txt",
            "unit": None,
            "project": "预算执行项目",
            "line": 9,
            "grade": "良",
            "score": 95,
            "counts": {"error": 0, "warning": 1, "info": 0},
        }
    ]


def test_json_render_uses_the_grading_of_the_configuration(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "grading:\n  weights:\n    warning: 20\n"))
    text = tsv_table([project_row("预算执行项目", GOOD + WARNING, goal=GOAL)])
    result = lint_paths(["table.txt"], config, lambda p: load_text(text, p))
    out = io.StringIO()
    render(result, out, config=config)
    assert json.loads(out.getvalue())["projects"][0]["grade"] == "中"


# --------------------------------------------------------------------------
# Honest grades: boilerplate, verdicts, baselines, wording


def national_result(rows: list[list[str]], path: str) -> LintResult:
    from tests.national import as_tsv

    return lint_text(as_tsv(rows), path)


def boilerplate_rows() -> list[list[str]]:
    """The national form with the same ``≥95%`` pasted on every indicator."""
    from tests.national import FORM

    header = FORM.index(["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"])
    return [*FORM[: header + 1], *([*row[:3], "≥95%", "≥95%"] for row in FORM[header + 1 :])]


def test_a_national_table_with_boilerplate_targets_grades_worse_than_a_clean_one() -> None:
    from tests.national import FORM

    clean = national_result(FORM, "clean.tsv")
    pasted = national_result(boilerplate_rows(), "pasted.tsv")
    # The same value on every unrelated indicator: boilerplate-value reports it once.
    assert [f.rule for f in pasted.findings].count("boilerplate-value") == 1
    (project,) = grade_projects(pasted)
    assert project["grade"] == "中"
    (clean_table,) = grade_tables(clean)
    (pasted_table,) = grade_tables(pasted)
    assert clean_table["grade"] == "优"
    assert pasted_table["score"] < clean_table["score"]
    assert GRADES.index(pasted_table["grade"]) > GRADES.index(clean_table["grade"])


def test_a_failing_table_is_never_graded_excellent_or_good() -> None:
    rows = [project_row(f"项目{i}", GOOD, goal=GOAL) for i in range(30)]
    result = lint_text(tsv_table(rows))
    assert grade_tables(result)[0]["grade"] == "优"
    (first, *_) = grade_projects(result)
    result.files[0].findings.append(finding(*E, project=first["project"], line=first["line"]))
    (table,) = grade_tables(result)
    assert table["score"] > 99  # the mean of 30 projects barely moves…
    assert table["grade"] == "中"  # …but the table fails: at best 中
    assert table["grades"]["优"] == 29


def test_the_verdict_cap_is_configurable_and_applies_to_tables_only(tmp_path: Path) -> None:
    path = write(tmp_path, "grading:\n  verdict:\n    error: 良\n    warning: 良\n")
    grading = load_config(path).grading
    assert grading.verdict == {"error": "良", "warning": "良"}
    assert grading.table_grade(100, [finding(*W)]) == "良"
    assert grading.grade(100, [finding(*W)]) == "优"
    bad = write(tmp_path, "grading:\n  verdict:\n    serious: 中\n", "bad.yaml")
    with pytest.raises(ConfigError, match="unknown severity"):
        load_config(bad)


@given(st.lists(st.sampled_from([W, E, I, ("unknown-category", "error")]), max_size=12))
def test_a_table_with_an_error_is_at_best_fair(kinds: list[tuple[str, str]]) -> None:
    grading = default_grading()
    findings = [finding(*kind) for kind in kinds]
    grade = grading.table_grade(grading.score(findings), findings)
    if any(f.severity == "error" for f in findings):
        assert grade in ("中", "差")
    assert GRADES.index(grade) >= GRADES.index(grading.grade(grading.score(findings), findings))


def test_baselined_findings_still_lower_the_grade(tmp_path: Path) -> None:
    from audit.baseline import apply_baseline, load_baseline, write_baseline

    text = tsv_table(
        [
            project_row("好项目", GOOD, goal=GOAL),
            project_row("预算执行项目", GOOD + WARNING, goal=OTHER_GOAL),
        ]
    )
    result = lint_text(text)
    before = grade_report(result)
    assert [p["grade"] for p in before["projects"]] == ["优", "良"]
    baseline = tmp_path / "baseline.json"
    write_baseline(result, str(baseline))
    applied = apply_baseline(result, load_baseline(str(baseline)))
    assert applied.suppressed == 1
    assert applied.result.findings == []  # nothing shown, the run passes…
    after = grade_report(applied.result)
    assert after["projects"] == before["projects"]  # …and the grades stay what they were
    assert after["tables"] == before["tables"]


def test_wording_findings_weigh_little_and_do_not_cap_a_project() -> None:
    grading = default_grading()
    wording = [finding("unknown-category", "error") for _ in range(3)]
    assert grade_of(*wording) == ("良", 97)
    # The table still fails the default --fail-on: at best 中.
    assert grading.table_grade(97, wording) == "中"
    # Unmeasurable targets weigh as two warnings.
    assert grade_of(finding("not-quantified", "warning")) == ("良", 90)
    assert grade_of(*[finding("not-quantified", "warning")] * 2) == ("中", 80)


def test_points_by_rule_group(tmp_path: Path) -> None:
    path = write(tmp_path, "grading:\n  groups:\n    duplicates: 2\n")
    grading = load_config(path).grading
    assert grade_of(finding("duplicate-text", "warning"), grading=grading) == ("良", 98)
    # A rule id wins over its group.
    assert grade_of(finding("not-quantified", "warning"), grading=grading) == ("良", 90)
    bad = write(tmp_path, "grading:\n  groups:\n    duplicate: 2\n", "bad.yaml")
    with pytest.raises(ConfigError, match="unknown rule group"):
        load_config(bad)


def test_a_rule_set_to_info_is_advice_and_does_not_lower_the_grade() -> None:
    """A profile's ``missing-unit: info`` makes its findings advice: they
    weigh the ``info`` weight (0), not the rule's 10; at its own severity
    the rule still counts."""
    assert grade_of(finding("missing-unit", "info")) == ("优", 100)
    assert grade_of(finding("missing-unit", "warning")) == ("良", 90)
    assert grade_of(finding("boilerplate-value", "info")) == ("优", 100)


def same_name_result(n: int, indicators: str = GOOD) -> FileResult:
    """``n`` projects of one name (a template pasted down a sheet), each with
    a warning on its own row."""
    rows = [project_row("机构运行辅助经费", indicators, goal=GOAL) for _ in range(n)]
    document = load_text(tsv_table(rows), "table.txt")
    findings = [
        finding("input-as-output", "warning", project="机构运行辅助经费", line=9 + i)
        for i in range(n)
    ]
    return FileResult("table.txt", document, findings=findings)


def test_each_of_many_projects_of_one_name_gets_the_finding_on_its_own_row() -> None:
    result = same_name_result(50)
    result.findings.append(  # on no project's row: the first of the name takes it
        finding("input-as-output", "warning", project="机构运行辅助经费", line=200)
    )
    projects, _ = file_grades(result)
    assert [p["counts"]["warning"] for p in projects] == [2] + [1] * 49
    assert [p["line"] for p in projects] == list(range(9, 59))


def test_grading_many_projects_of_one_name_takes_linear_time() -> None:
    from tests.test_parsing_scale import assert_linear

    # cells left empty: the table reads fast, so that grading is what is timed
    assert_linear(
        lambda n: same_name_result(n, ""),  # type: ignore[arg-type, return-value]
        file_grades,  # type: ignore[arg-type]
        1_000,
    )
