"""Every option has a schema, mappings and lists included, and a configured
value is checked against it with errors that name file, line and key path;
the strict profile raises the style rules a level; a no-code pattern rule on
the unit reports each unit once."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from audit.config import ConfigError, _check_option, _Doc, load_config
from audit.engine import Option, load_rules
from tests.conftest import SEED_001, SEED_002, lint


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return caught.value


def assert_located(tmp_path: Path, yaml: str, line: int, key: str, message: str) -> None:
    """The configuration ``yaml`` is refused at its ``line`` and ``key`` with ``message``."""
    path = write(tmp_path, yaml)
    problem = error_of(path)
    assert (problem.path, problem.line, problem.key) == (str(path), line, key)
    assert message in problem.message


ALL_OPTIONS = [
    (rule_id, name, option)
    for rule_id, spec in load_rules().items()
    for name, option in spec.options.items()
]


@pytest.mark.parametrize(
    ("rule_id", "name", "option"), ALL_OPTIONS, ids=[f"{r}.{n}" for r, n, _ in ALL_OPTIONS]
)
def test_every_option_has_a_schema_its_default_meets(
    rule_id: str, name: str, option: Option
) -> None:
    """A dict option names the kind of its values (else it could not be
    configured), and every default passes the validation a user's value gets."""
    if option.kind == "dict":
        assert option.values is not None, f"{rule_id}.{name}: a dict option needs values="
        assert isinstance(option.default, dict)
        if option.keys is not None:
            assert set(option.default) <= set(option.keys)
    doc = _Doc("<schema>", {}, {})
    try:
        _check_option(doc, ("rules", rule_id, name), option, option.default)
    except ConfigError as error:
        # Built-in patterns run with Python's re and may look around, which
        # configured ones (run by RE2, in linear time) may not.
        if "look-around is not supported" not in error.message:
            raise
        kinds = (option.kind, option.values)
        assert "list[regex]" in kinds or "regex" in kinds
        values = option.default.values() if option.kind == "dict" else [option.default]
        for value in values:
            for pattern in [value] if isinstance(value, str) else value:
                re.compile(pattern)


def test_schema_check_fails_for_a_dict_option_without_values() -> None:
    doc = _Doc("<schema>", {}, {})
    with pytest.raises(ConfigError, match="cannot be configured"):
        _check_option(doc, ("rules", "x", "y"), Option("dict", {"a": 1}), {"a": 1})


@pytest.mark.parametrize(
    ("yaml", "line", "key", "message"),
    [
        (
            "rules:\n  not-quantified:\n    severities:\n      quantity: warnig\n",
            4,
            "rules.not-quantified.severities.quantity",
            "must be one of: error, warning, info, off, got 'warnig' (did you mean 'warning'?)",
        ),
        (
            "rules:\n  not-quantified:\n    severities:\n      quantitty: error\n",
            4,
            "rules.not-quantified.severities.quantitty",
            "unknown key (did you mean 'quantity'?)",
        ),
        (
            "rules:\n  not-quantified:\n    level1_kinds: {产出指标: outptu}\n",
            3,
            "rules.not-quantified.level1_kinds.产出指标",
            "(did you mean 'output'?)",
        ),
        (
            "rules:\n  cost-exceeds-budget:\n    money_units:\n      元: lots\n",
            4,
            "rules.cost-exceeds-budget.money_units.元",
            "must be an amount above zero",
        ),
        (
            "rules:\n  cost-exceeds-budget:\n    money_units:\n      元: 0\n",
            4,
            "rules.cost-exceeds-budget.money_units.元",
            "must be an amount above zero",
        ),
        (
            "rules:\n  cost-exceeds-budget:\n    money_units: [元]\n",
            3,
            "rules.cost-exceeds-budget.money_units",
            "must be a mapping, got list",
        ),
        (
            "rules:\n  category-keyword-mismatch:\n    keywords:\n      cost: ['成本(']\n",
            4,
            "rules.category-keyword-mismatch.keywords.cost.0",
            "invalid regular expression",
        ),
        (
            "rules:\n  annual-period-mismatch:\n    unit_groups:\n      people: 人\n",
            4,
            "rules.annual-period-mismatch.unit_groups.people",
            "must be a list of texts, got str",
        ),
        (
            "rules:\n  implausible-unit:\n    implausible:\n      state: [person, mony]\n",
            4,
            "rules.implausible-unit.implausible.state.1",
            "must be one of: percent, person, count, money, time, other, got 'mony' "
            "(did you mean 'money'?)",
        ),
        (
            "rules:\n  implausible-unit:\n    implausible:\n      state: money\n",
            4,
            "rules.implausible-unit.implausible.state",
            "must be a list of: percent, person",
        ),
    ],
)
def test_a_bad_value_in_a_mapping_option_is_located(
    tmp_path: Path, yaml: str, line: int, key: str, message: str
) -> None:
    assert_located(tmp_path, yaml, line, key, message)


@pytest.mark.parametrize(
    ("yaml", "line", "key", "message"),
    [
        (
            "rules:\n  boilerplate-value:\n    min_indicators: 0\n",
            3,
            "rules.boilerplate-value.min_indicators",
            "must be at least 2, got 0",
        ),
        (
            "rules:\n  boilerplate-value:\n    table_share: -1\n",
            3,
            "rules.boilerplate-value.table_share",
            "must be at least 0, got -1",
        ),
        (
            "rules:\n  goal-copied:\n    min_similarity: 5\n",
            3,
            "rules.goal-copied.min_similarity",
            "must be at most 1, got 5",
        ),
        (
            "rules:\n  date-serial:\n    latest: 99999999\n",
            3,
            "rules.date-serial.latest",
            "must be at most 2958465, got 99999999",
        ),
        (
            "rules:\n  date-serial:\n    earliest: -5\n",
            3,
            "rules.date-serial.earliest",
            "must be at least 0, got -5",
        ),
        (
            "rules:\n  date-serial:\n    latest: 30000\n",
            3,
            "rules.date-serial.latest",
            "earliest (36526) is after latest (30000)",
        ),
        (
            "rules:\n  weight-sum:\n    totals:\n      - 100\n      - abc\n",
            5,
            "rules.weight-sum.totals.1",
            "must be an amount above zero, got 'abc'",
        ),
    ],
)
def test_a_number_out_of_its_bounds_is_located(
    tmp_path: Path, yaml: str, line: int, key: str, message: str
) -> None:
    assert_located(tmp_path, yaml, line, key, message)


def test_a_number_within_its_bounds_is_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n  goal-copied:\n    min_similarity: 1\n"
        "  date-serial:\n    earliest: 0\n    latest: 2958465\n",
    )
    config = load_config(path)
    assert config.setting("goal-copied").options["min_similarity"] == 1
    assert config.setting("date-serial").options["latest"] == 2958465


def test_money_units_are_exact_decimals(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules:\n  cost-exceeds-budget:\n    money_units:\n"
        "      元: 0.0001\n      千元: '0.1'\n      亿元: 10000\n",
    )
    options = load_config(path).setting("cost-exceeds-budget").options
    assert options["money_units"] == {
        "元": Decimal("0.0001"),
        "千元": Decimal("0.1"),
        "亿元": Decimal(10000),
    }
    assert all(isinstance(v, Decimal) for v in options["money_units"].values())


def test_a_good_severity_mapping_changes_what_is_reported(tmp_path: Path) -> None:
    """The near miss of the typo: the right spelling is taken and acts."""
    path = write(tmp_path, "rules:\n  not-quantified:\n    severities:\n      quantity: 'off'\n")
    config = load_config(path)
    default = lint(SEED_002, ["not-quantified"])
    configured = lint(SEED_002, ["not-quantified"], config)
    assert len(configured) < len(default)


# --------------------------------------------------------------------------
# The strict profile

STYLE_RULES = {
    "clause-numbering": ("warning", "error"),
    "markup-residue": ("warning", "error"),
    "nonstandard-punctuation": ("info", "warning"),
    "goal-too-short": ("info", "warning"),
    "deadline-not-concrete": ("info", "warning"),
}


def _key(finding: Any) -> tuple[Any, ...]:
    return (finding.rule, finding.line, finding.column, finding.message)


@pytest.mark.parametrize("seed", [SEED_001, SEED_002], ids=["001", "002"])
def test_strict_raises_the_style_rules_a_level_and_nothing_else(tmp_path: Path, seed: Path) -> None:
    strict = load_config(write(tmp_path, "extends: strict\n"))
    default = {_key(f): f.severity for f in lint(seed, None)}
    raised = {_key(f): f.severity for f in lint(seed, None, strict)}
    assert set(default) == set(raised)  # the same findings
    changed = 0
    for key, severity in default.items():
        rule = key[0]
        if rule in STYLE_RULES:
            assert (severity, raised[key]) == STYLE_RULES[rule]
            changed += 1
        else:
            assert raised[key] == severity
    assert changed


def test_strict_turns_markup_residue_of_a_real_seed_into_an_error(tmp_path: Path) -> None:
    strict = load_config(write(tmp_path, "extends: strict\n"))
    default = lint(SEED_001, ["markup-residue"])
    raised = lint(SEED_001, ["markup-residue"], strict)
    assert [f.severity for f in default] == ["warning", "warning"]
    assert [f.severity for f in raised] == ["error", "error"]
    # A project's own setting still wins over the profile.
    mine = load_config(write(tmp_path, "extends: strict\nrules:\n  markup-residue: warning\n"))
    assert {f.severity for f in lint(SEED_001, ["markup-residue"], mine)} == {"warning"}


# --------------------------------------------------------------------------
# A no-code pattern rule on the unit

UNIT_RULE = (
    "rules:\n  unit-named-bureau:\n    type: pattern\n    field: unit\n"
    "    must_not_match: 人力资源\n    message: 单位名称含“{text}”\n"
)


def test_a_pattern_on_the_unit_reports_each_unit_once(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, UNIT_RULE))
    findings = lint(SEED_002, ["unit-named-bureau"], config)
    units = [f.unit for f in findings]
    assert len(units) == len(set(units)) == 4
    assert all(f.project is None and f.excerpt == "人力资源" for f in findings)
    assert {f.message for f in findings} == {"单位名称含“人力资源”"}


def test_a_pattern_on_the_unit_with_where_needs_a_matching_project(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, UNIT_RULE + "    where: 就业\n"))
    with_where = lint(SEED_002, ["unit-named-bureau"], config)
    everywhere = lint(SEED_002, ["unit-named-bureau"], load_config(write(tmp_path, UNIT_RULE)))
    assert 0 < len(with_where) <= len(everywhere)
    never = load_config(write(tmp_path, UNIT_RULE + "    where: 没有这样的项目名\n"))
    assert lint(SEED_002, ["unit-named-bureau"], never) == []


def test_a_pattern_on_the_project_still_reports_each_project(tmp_path: Path) -> None:
    """The near miss: a per-project field stays per project."""
    config = load_config(
        write(
            tmp_path,
            "rules:\n  project-says-training:\n    type: pattern\n    field: project\n"
            "    must_not_match: 培训\n    message: 项目名称含“{text}”\n",
        )
    )
    findings = lint(SEED_002, ["project-says-training"], config)
    assert len({f.project for f in findings}) == len(findings) > 1


def test_explain_shows_each_option_schema() -> None:
    from tests.conftest import run_main

    status, out, _ = run_main("explain", "not-quantified", "--lang", "en")
    assert status == 0
    assert (
        "  severities (a mapping of quantity, quality, timeliness, cost, satisfaction, output, "
        "effect → one of: error, warning, info, off): {'quantity': 'warning'"
    ) in out
    status, out, _ = run_main("explain", "cost-exceeds-budget", "--lang", "en")
    assert (
        "  money_units (a mapping of text → an amount above zero (at most 1,000,000,000,000)): "
    ) in out


@pytest.mark.parametrize(
    ("rule_id", "name", "option"), ALL_OPTIONS, ids=[f"{r}.{n}" for r, n, _ in ALL_OPTIONS]
)
def test_every_option_is_described_in_words(rule_id: str, name: str, option: Option) -> None:
    from audit.config import _KINDS, describe

    words = describe(option)
    kinds = [option.values] if option.kind == "dict" else [option.kind]
    for kind in kinds:
        known = isinstance(kind, (tuple, list)) or kind in _KINDS
        assert known, f"{rule_id}.{name}: unknown kind {kind}"
    assert words and "None" not in words


def test_a_list_of_allowed_words_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "rules:\n  implausible-unit:\n    implausible:\n      state: [money]\n")
    options = load_config(path).setting("implausible-unit").options
    assert options["implausible"]["state"] == ["money"]


# --------------------------------------------------------------------------
# Numbers far out of any meaningful range: refused by what the option counts
# (a count or a length, a percentage, an amount), whatever the rule


@pytest.mark.parametrize(
    ("yaml", "line", "key", "message"),
    [
        (
            "rules:\n  goal-too-short:\n    min_chars: " + "9" * 99 + "\n",
            3,
            "rules.goal-too-short.min_chars",
            "must be at most 20000, got 1e+99",
        ),
        (
            "rules:\n  goal-too-short:\n    min_chars: 20001\n",
            3,
            "rules.goal-too-short.min_chars",
            "must be at most 20000, got 20001",
        ),
        (
            "rules:\n  duplicate-text:\n    min_shared_length: 1000000\n",
            3,
            "rules.duplicate-text.min_shared_length",
            "must be at most 20000, got 1000000",
        ),
        (
            "rules:\n  satisfaction-target:\n    minimum: 1.0e+30\n",
            3,
            "rules.satisfaction-target.minimum",
            "must be at most 100, got 1e+30",
        ),
        (
            "rules:\n  satisfaction-target:\n    minimum: 100.5\n",
            3,
            "rules.satisfaction-target.minimum",
            "must be at most 100, got 100.5",
        ),
        (
            "rules:\n  satisfaction-target:\n    maximum: 1.0e+30\n",
            3,
            "rules.satisfaction-target.maximum",
            "must be at most 1,000,000,000,000, got 1e+30",
        ),
        (
            "rules:\n  row-sum-mismatch:\n    tolerance: 1.0e+13\n",
            3,
            "rules.row-sum-mismatch.tolerance",
            "must be at most 1,000,000,000,000, got 10000000000000.0",
        ),
        (
            "rules:\n  weight-sum:\n    totals:\n      - 100\n      - 1.0e+20\n",
            5,
            "rules.weight-sum.totals.1",
            "must be at most 1,000,000,000,000, got 1E+20",
        ),
        (
            "rules:\n  cost-exceeds-budget:\n    money_units:\n      元: 1.0e+20\n",
            4,
            "rules.cost-exceeds-budget.money_units.元",
            "must be at most 1,000,000,000,000, got 1E+20",
        ),
    ],
)
def test_a_number_far_out_of_its_range_is_located(
    tmp_path: Path, yaml: str, line: int, key: str, message: str
) -> None:
    assert_located(tmp_path, yaml, line, key, message)


def test_numbers_at_the_top_of_their_range_are_accepted(tmp_path: Path) -> None:
    """Near misses: the largest count, percentage and amount still taken,
    and a satisfaction maximum above 100 (which turns that check off)."""
    path = write(
        tmp_path,
        "rules:\n  goal-too-short:\n    min_chars: 20000\n"
        "  satisfaction-target:\n    minimum: 100\n    maximum: 101\n"
        "  row-sum-mismatch:\n    tolerance: 1000000000000\n"
        "  weight-sum:\n    totals: [100, 90, 1000000000000]\n",
    )
    config = load_config(path)
    assert config.setting("goal-too-short").options["min_chars"] == 20000
    assert config.setting("satisfaction-target").options["maximum"] == 101
    assert config.setting("row-sum-mismatch").options["tolerance"] == 10**12
    assert config.setting("weight-sum").options["totals"][-1] == Decimal(10**12)


def test_every_number_option_has_an_upper_bound() -> None:
    """No option counting or measuring something is left without a top:
    each shows one in ``explain``."""
    from audit.config import describe

    for spec in load_rules().values():
        for name, option in spec.options.items():
            kind = option.values if option.kind == "dict" else option.kind
            if kind in ("int", "number", "positive", "money", "list[money]"):
                assert "at most" in describe(option), (spec.id, name)
