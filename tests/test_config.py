"""Configuration: profiles, extends, discovery, strict validation that names
file, line and key, ignores, and rules written in YAML."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit.config import ConfigError, find_config, load_config
from audit.engine import load_rules
from tests.conftest import lint, project_row, tsv_table

PLACEHOLDER_TABLE = tsv_table(
    [
        project_row(
            "测试项目",
            "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥100人；年度指标值:≥100人。",
            goal="测试目标，待单位补充。",
        )
    ]
)


def write(tmp_path: Path, text: str, name: str = ".indicator-audit.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return caught.value


def test_default_profile_loads_with_both_taxonomy_schemes() -> None:
    config = load_config(None, discover=False)
    assert config.lang == "zh"
    # the NDRC scheme is listed as a synonym scheme: accepted under every profile
    assert config.taxonomy.schemes == ("2021", "2025", "ndrc")
    assert config.taxonomy.level1["4"] == "成本指标"
    assert config.taxonomy.level2["22"].parent == "2"


def test_strict_profile_extends_default(tmp_path: Path) -> None:
    path = write(tmp_path, "extends: strict\n")
    config = load_config(path)
    assert config.sources[0].endswith("default.yaml")
    assert config.sources[-1] == str(path)


def test_unknown_top_level_key_names_file_line_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, "lang: zh\n\nrulez:\n  placeholder: false\n")
    problem = error_of(path)
    assert problem.path == str(path)
    assert problem.line == 3
    assert problem.key == "rulez"
    assert "unknown key" in str(problem)


def test_unknown_rule_id_suggests_the_closest(tmp_path: Path) -> None:
    rule_ids = list(load_rules())
    if not rule_ids:
        pytest.skip("no built-in rules registered")
    wrong = rule_ids[0] + "s"
    path = write(tmp_path, f"rules:\n  {wrong}:\n    severity: info\n")
    problem = error_of(path)
    assert problem.line == 2
    assert problem.key == f"rules.{wrong}"
    assert "unknown rule id" in problem.message
    assert rule_ids[0] in problem.message


def test_wrong_severity_and_wrong_option_type_are_errors(tmp_path: Path) -> None:
    specs = load_rules()
    spec = next((s for s in specs.values() if s.options), None)
    if spec is None:
        pytest.skip("no rule with options registered")
    problem = error_of(write(tmp_path, f"rules:\n  {spec.id}:\n    severity: fatal\n"))
    assert (problem.line, problem.key) == (3, f"rules.{spec.id}.severity")
    option = next(iter(spec.options))
    problem = error_of(write(tmp_path, f"rules:\n  {spec.id}:\n    {option}: {{a: 1}}\n"))
    assert problem.key == f"rules.{spec.id}.{option}"
    assert problem.line == 3
    problem = error_of(write(tmp_path, f"rules:\n  {spec.id}:\n    colour: red\n"))
    assert "unknown option" in problem.message


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    problem = error_of(write(tmp_path, "rules:\n  a: [1, 2\n  b: 3\n"))
    assert problem.line is not None and problem.line >= 2
    assert "invalid YAML" in problem.message


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.yaml")


def test_extends_a_file_relative_to_the_config(tmp_path: Path) -> None:
    write(tmp_path, "lang: en\n", name="base.yaml")
    config = load_config(write(tmp_path, "extends: base.yaml\n"))
    assert config.lang == "en"


def test_circular_extends_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "extends: b.yaml\n", name="a.yaml")
    write(tmp_path, "extends: a.yaml\n", name="b.yaml")
    with pytest.raises(ConfigError, match="circular"):
        load_config(tmp_path / "a.yaml")


def test_config_is_discovered_in_parent_directories(tmp_path: Path) -> None:
    path = write(tmp_path, "lang: en\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == path
    cwd = os.getcwd()
    try:
        os.chdir(nested)
        assert load_config().lang == "en"
    finally:
        os.chdir(cwd)


def test_pattern_rule_from_yaml_fires_and_respects_where(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n"
        "  no-test-goal:\n"
        "    type: pattern\n"
        "    field: goal\n"
        "    must_not_match: 测试\n"
        "    message: 绩效目标含测试文字“{text}”\n"
        "    severity: error\n",
    )
    findings = lint(PLACEHOLDER_TABLE, select=["no-test-goal"], config=load_config(path))
    assert [(f.rule, f.severity, f.excerpt) for f in findings] == [
        ("no-test-goal", "error", "测试")
    ]
    assert findings[0].message == "绩效目标含测试文字“测试”"
    assert findings[0].field == "goal"


def test_require_rule_from_yaml(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n"
        "  training-needs-satisfaction:\n"
        "    type: require\n"
        "    project: 测试\n"
        "    indicator: 满意度\n"
        "    message: 培训类项目应设置满意度指标\n",
    )
    config = load_config(path)
    findings = lint(PLACEHOLDER_TABLE, select=["training-needs-satisfaction"], config=config)
    assert [f.project for f in findings] == ["测试项目"]
    assert findings[0].severity == "warning"


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        (
            "    type: pattern\n    field: goal\n    must_match: '[unclosed'\n    message: m\n",
            "must_match",
            "invalid regular expression",
        ),
        (
            "    type: pattern\n    field: colour\n    must_match: x\n    message: m\n",
            "field",
            "must be one of",
        ),
        ("    type: magic\n    message: m\n", "type", "unknown rule type"),
        ("    type: pattern\n    field: goal\n    must_match: x\n", None, "needs a 'message'"),
        ("    type: require\n    project: x\n    message: m\n", None, "needs 'indicator'"),
        (
            "    type: pattern\n    field: goal\n    must_match: x\n    message: m\n    colour: red\n",
            "colour",
            "unknown key",
        ),
    ],
)
def test_bad_custom_rules_are_config_errors(
    tmp_path: Path, body: str, key: str | None, message: str
) -> None:
    problem = error_of(write(tmp_path, "rules:\n  my-rule:\n" + body))
    assert message in problem.message
    if key is not None:
        assert problem.key == f"rules.my-rule.{key}"
    assert problem.line is not None


def test_ignore_entries_by_rule_and_project_glob(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n"
        "  no-test-goal: {type: pattern, field: goal, must_not_match: 测试, message: m}\n"
        "ignore:\n"
        "  - rule: no-test-*\n"
        "    project: 测试*\n",
    )
    assert lint(PLACEHOLDER_TABLE, select=["no-test-goal"], config=load_config(path)) == []


def test_ignore_by_file_glob(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n"
        "  no-test-goal: {type: pattern, field: goal, must_not_match: 测试, message: m}\n"
        "ignore:\n"
        "  - file: '*.txt'\n",
    )
    assert lint(PLACEHOLDER_TABLE, select=["no-test-goal"], config=load_config(path)) == []


def test_ignore_entry_with_unknown_key_or_unmatched_rule(tmp_path: Path) -> None:
    problem = error_of(write(tmp_path, "ignore:\n  - rulez: x\n"))
    assert (problem.line, problem.key) == (2, "ignore.0.rulez")
    problem = error_of(write(tmp_path, "ignore:\n  - rule: no-such-rule\n"))
    assert "matches no rule id" in problem.message


def test_taxonomy_burdens_are_level2_names(tmp_path: Path) -> None:
    assert load_config(None, discover=False).taxonomy.burdens == {
        "社会成本指标",
        "生态环境成本指标",
    }
    shipped = (Path(__file__).parent.parent / "rules" / "taxonomy.yaml").read_text("utf-8")
    bad = shipped.replace("burdens: [社会成本指标, 生态环境成本指标]", "burdens: 社会成本指标")
    assert bad != shipped
    write(tmp_path, bad, "taxonomy.yaml")
    problem = error_of(write(tmp_path, "taxonomy:\n  file: taxonomy.yaml\n"))
    assert problem.key == "burdens"
    assert "list of level-2 category names" in problem.message


def test_taxonomy_wider_names_what_an_older_level1_held(tmp_path: Path) -> None:
    taxonomy = load_config(None, discover=False).taxonomy
    assert taxonomy.holds("效果指标", "社会公众或服务对象满意度指标")
    assert not taxonomy.holds("效益指标", "服务对象满意度")
    shipped = (Path(__file__).parent.parent / "rules" / "taxonomy.yaml").read_text("utf-8")
    bad = shipped.replace("  效果指标: [服务对象满意度]", "  效果指标: 服务对象满意度")
    assert bad != shipped
    write(tmp_path, bad, "taxonomy.yaml")
    problem = error_of(write(tmp_path, "taxonomy:\n  file: taxonomy.yaml\n"))
    assert problem.key == "wider"
    assert "list of level-2 category names" in problem.message


SHIPPED_TAXONOMY = (Path(__file__).parent.parent / "rules" / "taxonomy.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (  # a cycle: each stands for the other
            (
                "  经济效益指标: 经济效益\n",
                "  经济效益指标: 经济效益口径\n  经济效益口径: 经济效益指标\n",
            ),
            "aliases.经济效益指标",
            "itself an alias of '经济效益指标'",
        ),
        (  # a chain: followed one step, it names no category
            ("  经济效益指标: 经济效益\n", "  经济效益指标: 经济效果\n  经济效果: 经济效益\n"),
            "aliases.经济效益指标",
            "aliases are followed one step",
        ),
        (  # one category, two codes
            (
                'children: {"11": 数量指标, "12": 质量指标, "13": 时效指标, "14": 成本指标}',
                'children: {"11": 数量指标, "12": 数量指标, "13": 时效指标, "14": 成本指标}',
            ),
            "schemes.2021.1.children.12",
            "'数量指标' already has the code 11",
        ),
        (  # one code under two level-1 categories
            (
                'children: {"31": 服务对象满意度}\n  "2025"',
                'children: {"31": 服务对象满意度, "11": 公众满意度}\n  "2025"',
            ),
            "schemes.2021.3.children.11",
            "code 11 is already a level-2 category under 1",
        ),
    ],
)
def test_a_taxonomy_that_contradicts_itself_is_refused_at_the_entry(
    tmp_path: Path, change: tuple[str, str], key: str, words: str
) -> None:
    old, new = change
    assert SHIPPED_TAXONOMY.count(old) == 1
    write(tmp_path, SHIPPED_TAXONOMY.replace(old, new), "taxonomy.yaml")
    problem = error_of(write(tmp_path, "taxonomy:\n  file: taxonomy.yaml\n"))
    assert problem.key == key
    assert problem.line is not None and problem.path.endswith("taxonomy.yaml")
    assert words in problem.message


def test_a_taxonomy_of_its_own_without_kinds_takes_the_shipped_ones(tmp_path: Path) -> None:
    """Near miss: a file that only lists its schemes is taken, and the rules
    that say where an indicator belongs still name the category."""
    own = SHIPPED_TAXONOMY[: SHIPPED_TAXONOMY.index("\nkinds:")] + "\n"
    write(tmp_path, own, "taxonomy.yaml")
    config = load_config(write(tmp_path, "taxonomy:\n  file: taxonomy.yaml\n"))
    assert config.taxonomy.kind("质量指标") == load_config(None, discover=False).taxonomy.kind(
        "质量指标"
    )


def test_taxonomy_scheme_must_exist(tmp_path: Path) -> None:
    problem = error_of(write(tmp_path, "taxonomy:\n  use: ['2019']\n"))
    assert problem.key == "taxonomy.use"


# --------------------------------------------------------------------------
# Every problem of a file in one reading


def test_every_problem_of_a_file_is_named_in_one_reading(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "lang: fr\n"
        "rules:\n"
        "  placeholder:\n"
        "    severity: fatal\n"
        "  goal-too-short:\n"
        "    min_chars: 20\n"
        "  placeholdr: off\n"
        "ignore:\n"
        "  - rule: nothing-like-this\n"
        "  - project: '*培训*'\n",
    )
    problem = error_of(path)
    found = [(p.line, p.key) for p in problem.problems()]
    assert found == [
        (1, "lang"),
        (4, "rules.placeholder.severity"),
        (7, "rules.placeholdr"),
        (9, "ignore.0.rule"),
    ]
    # the error's own text is the first problem's, as before
    assert str(problem).startswith(f"{path}:1: lang:")
    assert all(p.path == str(path) for p in problem.problems())


def test_two_wrong_options_of_one_rule_are_both_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n  goal-too-short:\n    enabled: maybe\n    min_chars: many\n    colour: red\n",
    )
    assert [p.key for p in error_of(path).problems()] == [
        "rules.goal-too-short.enabled",
        "rules.goal-too-short.min_chars",
        "rules.goal-too-short.colour",
    ]


def test_a_range_is_compared_only_between_bounds_that_are_right(tmp_path: Path) -> None:
    # the maximum is wrong: no second problem about minimum above maximum
    path = write(tmp_path, "rules:\n  satisfaction-target:\n    minimum: 90\n    maximum: lots\n")
    assert [p.key for p in error_of(path).problems()] == ["rules.satisfaction-target.maximum"]
    # both right, but crossed: the range is the problem
    crossed = write(
        tmp_path, "rules:\n  satisfaction-target:\n    minimum: 90\n    maximum: 80\n", "b.yaml"
    )
    assert [p.key for p in error_of(crossed).problems()] == ["rules.satisfaction-target.maximum"]


def test_a_plugin_that_cannot_load_stops_the_reading_of_the_rules(tmp_path: Path) -> None:
    # the rules may name the plugin's rules: "unknown rule id" would be a false problem
    path = write(
        tmp_path,
        "plugins: [no_such_plugin_module_here]\nrules:\n  plugin-rule: off\n",
    )
    assert [p.key for p in error_of(path).problems()] == ["plugins.0"]


def test_a_right_file_has_no_problem_and_one_problem_is_alone(tmp_path: Path) -> None:
    good = write(tmp_path, "rules:\n  placeholder: warning\n  goal-too-short:\n    min_chars: 12\n")
    assert load_config(good).rules["goal-too-short"].options["min_chars"] == 12
    one = write(tmp_path, "rules:\n  placeholder: loud\n", "one.yaml")
    problem = error_of(one)
    assert [p.key for p in problem.problems()] == ["rules.placeholder"]
    assert problem.more == ()


def test_the_command_line_prints_each_problem_on_its_own_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    config = write(tmp_path, "lang: fr\nrules:\n  placeholdr: off\n", "bad.yaml")
    table = tmp_path / "t.txt"
    table.write_text(PLACEHOLDER_TABLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "audit", "lint", "--config", str(config), str(table)],
        capture_output=True,
        text=True,
        env={**os.environ, "INDICATOR_AUDIT_CACHE": "off"},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"indicator-audit: config error: {config}:1: lang: must be one of zh, en",
        f"indicator-audit: config error: {config}:3: rules.placeholdr: unknown rule id "
        "(did you mean 'placeholder'?)",
    ]
    assert done.stdout == ""


def test_past_twenty_problems_the_rest_are_counted(tmp_path: Path) -> None:
    from audit.commands import config_error

    path = write(tmp_path, "rules:\n" + "".join(f"  no-rule-{n}: off\n" for n in range(25)))
    problem = error_of(path)
    assert len(problem.problems()) == 25
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        config_error(problem)
    lines = err.getvalue().splitlines()
    assert len(lines) == 21
    assert lines[-1] == "indicator-audit: config error: … and 5 more"
