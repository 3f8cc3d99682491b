"""Configurations and baselines that once crashed or hung: each is a clear
error naming the file, the line and the key, in bounded time."""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

import pytest

from audit import yamlfile
from audit.baseline import BaselineError, load_baseline
from audit.config import ConfigError, load_config
from audit.engine import run
from audit.limits import MAX_DEPTH, MAX_INT_DIGITS, YAML_MAX_ALIASES
from audit.patterns import UserPattern, UserPatterns
from audit.pipeline import load_text
from tests.conftest import config_with, project_row, tsv_table
from tests.excerpts import STANDARD
from tests.fuzz.scaling import assert_scales_linearly


def config_error(tmp_path: Path, text: str) -> ConfigError:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert "Traceback" not in str(raised.value)
    assert str(raised.value).startswith(f"{path}:")
    return raised.value


# --------------------------------------------------------------------------
# YAML: aliases, recursion, keys, numbers, depth


def laughs(levels: int, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(laughs(9), encoding="utf-8")  # 9 ** 9 values once expanded
    with pytest.raises(yamlfile.YamlError, match="aliases"):
        yamlfile.load(path)


def test_alias_expansion_is_bounded_whatever_the_depth(tmp_path: Path) -> None:
    def make(levels: int, salt: int) -> Path:
        path = tmp_path / f"laughs-{levels}-{salt}.yaml"
        path.write_text(f"salt: {salt}\n" + laughs(levels, width=2), encoding="utf-8")
        return path

    def load(path: object) -> None:
        assert isinstance(path, Path)
        with contextlib.suppress(yamlfile.YamlError):
            yamlfile.load(path)

    # 2 ** 5 values against 2 ** 50: refused before anything is expanded.
    assert_scales_linearly(make, load, 5)


def test_many_aliases_are_refused(tmp_path: Path) -> None:
    aliases = ", ".join(["*a"] * (YAML_MAX_ALIASES + 1))
    error = config_error(tmp_path, f"x: &a 1\ny: [{aliases}]\n")
    assert f"more than {YAML_MAX_ALIASES} aliases" in error.message
    assert error.line == 2


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("x: &a [1, 2]\ny: *a\nz: *a\n", encoding="utf-8")
    assert yamlfile.load(path)[0] == {"x": [1, 2], "y": [1, 2], "z": [1, 2]}


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {b: *a}\n", "a: &a [1, [2, *a]]\n"])
def test_recursive_alias_is_an_error(tmp_path: Path, text: str) -> None:
    assert "recursive" in config_error(tmp_path, text).message


@pytest.mark.parametrize(
    "text", ["? [a, b]\n: 1\n", "{[1]: 2}\n", "? {a: 1}\n: x\n", "rules:\n  ? [x]\n  : 1\n"]
)
def test_complex_key_is_an_error(tmp_path: Path, text: str) -> None:
    assert "a key must be a plain value" in config_error(tmp_path, text).message


def test_merge_key_is_an_error(tmp_path: Path) -> None:
    error = config_error(
        tmp_path, "base: &b {enabled: false}\nrules:\n  placeholder:\n    <<: *b\n"
    )
    assert "merge keys" in error.message


def test_huge_integer_is_an_error(tmp_path: Path) -> None:
    error = config_error(tmp_path, "rules:\n  goal-too-short:\n    min_chars: " + "9" * 5000 + "\n")
    assert "5,000 digits" in error.message
    assert error.line == 3


def test_integer_at_the_digit_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("n: " + "1" * MAX_INT_DIGITS + "\n", encoding="utf-8")
    assert yamlfile.load(path)[0] == {"n": int("1" * MAX_INT_DIGITS)}


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)),
    ],
)
def test_deep_nesting_is_an_error(tmp_path: Path, text: str) -> None:
    assert "nest" in config_error(tmp_path, text).message


def test_nesting_within_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    depth = MAX_DEPTH - 1
    path.write_text("a: " + "[" * depth + "1" + "]" * depth + "\n", encoding="utf-8")
    data = yamlfile.load(path)[0]
    for _ in range(depth + 1):
        data = data["a"] if isinstance(data, dict) else data[0]
    assert data == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_config_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "config.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="named pipe"):
        load_config(fifo)


# --------------------------------------------------------------------------
# The JSON cache of parsed YAML: only well-formed entries of this user


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(directory))
    return directory


@pytest.mark.parametrize(
    "entry",
    [
        [],
        {"data": {"lang": "zh"}},
        {"data": {"lang": "zh"}, "lines": {}},
        {"data": {"lang": "zh"}, "lines": [[["lang"], "2"]]},
        {"data": {"lang": "zh"}, "lines": [[[["nested"]], 2]]},
        {"data": {"lang": "zh"}, "lines": [[[], 1]], "extra": 1},
        {"data": {"lang": float("nan")}, "lines": [[[], 1]]},
        {"data": {"lang": "zh"}, "lines": [[[True], 1]]},
        {"data": {"lang": "zh"}, "lines": [[["lang"], 1]]},
    ],
)
def test_cache_entry_of_the_wrong_shape_is_ignored(
    tmp_path: Path, cache: Path, entry: object
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    yamlfile.load(path)
    (stored,) = cache.iterdir()
    stored.write_text(json.dumps(entry), "utf-8")
    data, lines = yamlfile.load(path)
    assert data == {"lang": "en"}
    assert lines[("lang",)] == 1


def test_deeply_nested_cache_entry_is_ignored(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    yamlfile.load(path)
    (stored,) = cache.iterdir()
    stored.write_text('{"data": ' + "[" * 100_000 + "]" * 100_000 + ', "lines": []}', "utf-8")
    assert yamlfile.load(path)[0] == {"lang": "en"}


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown")
def test_cache_entry_of_another_user_is_ignored(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    yamlfile.load(path)
    (stored,) = cache.iterdir()
    stored.write_text(json.dumps({"data": {"lang": "zh"}, "lines": [[[], 1]]}), "utf-8")
    os.chown(stored, 65534, 65534)
    assert yamlfile.load(path)[0] == {"lang": "en"}


def test_well_formed_cache_entry_is_used(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    yamlfile.load(path)
    (stored,) = cache.iterdir()
    stored.write_text(json.dumps({"data": {"lang": "zh"}, "lines": [[[], 1]]}), "utf-8")
    assert yamlfile.load(path)[0] == {"lang": "zh"}  # the cache is what is read


# --------------------------------------------------------------------------
# Options validated as a whole


@pytest.mark.parametrize(
    ("yaml", "line", "key", "message"),
    [
        (
            "rules:\n  satisfaction-target:\n    minimum: .nan\n",
            3,
            "rules.satisfaction-target.minimum",
            "must be a number, got NaN",
        ),
        (
            "rules:\n  satisfaction-target:\n    minimum: .inf\n",
            3,
            "rules.satisfaction-target.minimum",
            "got infinity",
        ),
        (
            'rules:\n  value-type-mismatch:\n    rate_names: ["率", "(?<!频)率"]\n',
            3,
            "rules.value-type-mismatch.rate_names.1",
            "invalid regular expression '(?<!频)率': invalid perl operator: (?<! "
            "(look-around is not supported in configured patterns)",
        ),
        (
            'rules:\n  placeholder:\n    patterns: ["(待)\\\\1"]\n',
            3,
            "rules.placeholder.patterns.0",
            "back-references are not supported",
        ),
        (
            "rules:\n  periods-x:\n    type: pattern\n    field: goal\n"
            '    must_not_match: "a(?=b)"\n    message: x\n',
            5,
            "rules.periods-x.must_not_match",
            "invalid regular expression 'a(?=b)'",
        ),
        (
            "rules:\n  not-quantified:\n    severities: {quantity: warnig}\n",
            3,
            "rules.not-quantified.severities.quantity",
            "must be one of: error, warning, info, off, got 'warnig'",
        ),
        (
            "rules:\n  not-quantified:\n    severities:\n      quantty: info\n",
            4,
            "rules.not-quantified.severities.quantty",
            "did you mean 'quantity'?",
        ),
        (
            'rules:\n  cost-exceeds-budget:\n    money_units: {元: "lots"}\n',
            3,
            "rules.cost-exceeds-budget.money_units.元",
            "must be an amount above zero, got 'lots'",
        ),
        (
            "rules:\n  cost-exceeds-budget:\n    money_units: {元: -1}\n",
            3,
            "rules.cost-exceeds-budget.money_units.元",
            "above zero, got -1",
        ),
        (
            "rules:\n  category-keyword-mismatch:\n    keywords:\n      cost: 成本\n",
            4,
            "rules.category-keyword-mismatch.keywords.cost",
            "must be a list of regular expressions, got str",
        ),
        (
            'rules:\n  category-keyword-mismatch:\n    keywords: {cost: ["(成本"]}\n',
            3,
            "rules.category-keyword-mismatch.keywords.cost.0",
            "invalid regular expression '(成本'",
        ),
        (
            "rules:\n  annual-period-mismatch:\n    unit_groups: {people: 人}\n",
            3,
            "rules.annual-period-mismatch.unit_groups.people",
            "must be a list of texts",
        ),
        (
            "rules:\n  annual-period-mismatch:\n    unit_groups: [人, 名]\n",
            3,
            "rules.annual-period-mismatch.unit_groups",
            "must be a mapping, got list",
        ),
        (
            "grading:\n  weights:\n    error: .nan\n",
            3,
            "grading.weights.error",
            "finite",
        ),
    ],
)
def test_option_errors_name_file_line_and_key(
    tmp_path: Path, yaml: str, line: int, key: str, message: str
) -> None:
    error = config_error(tmp_path, yaml)
    assert (error.line, error.key) == (line, key)
    assert message in error.message


@pytest.mark.parametrize(
    "yaml",
    [
        "rules:\n  satisfaction-target:\n    minimum: 80\n",
        'rules:\n  value-type-mismatch:\n    rate_names: ["(?i:rate)", "率$"]\n',
        "rules:\n  not-quantified:\n    severities: {quantity: info, cost: off}\n",
        "rules:\n  row-sum-mismatch:\n    tolerance: null\n",
        "rules:\n  cost-exceeds-budget:\n    money_units: {元: 0.0001, 千元: 0.1}\n",
        'rules:\n  category-keyword-mismatch:\n    keywords: {cost: ["单价$"]}\n',
        "rules:\n  annual-period-mismatch:\n    unit_groups: {people: [人, 名]}\n",
    ],
)
def test_valid_options_are_accepted(tmp_path: Path, yaml: str) -> None:
    config_with(tmp_path, yaml)


def test_every_dict_option_has_a_schema() -> None:
    from audit.engine import load_rules

    for spec in load_rules().values():
        for name, option in spec.options.items():
            if option.kind == "dict":
                assert option.values is not None, f"{spec.id}.{name}"


def test_every_default_passes_its_own_validation(tmp_path: Path) -> None:
    """The shipped defaults, written into a configuration, load, except the
    six whose patterns use look-around (RE2 has none): what the README
    says a user must rewrite when copying them."""
    from audit.engine import load_rules

    refused = set()
    for spec in load_rules().values():
        for name, option in spec.options.items():
            path = tmp_path / f"{spec.id}-{name}.yaml"
            body = {"rules": {spec.id: {name: option.default}}}
            path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
            try:
                load_config(path)
            except ConfigError as error:
                assert "look-around" in error.message
                refused.add(f"{spec.id}.{name}")
    assert refused == {
        "category-keyword-mismatch.keywords",
        "placeholder.patterns",
        "value-restates-name.measure_suffixes",
        "value-type-mismatch.count_names",
        "value-type-mismatch.satisfaction_names",
        "satisfaction-target.names",
    }


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("{text.foo}", "unknown field {text.foo}"),
        ("{text[0]}", "unknown field {text[0]}"),
        ("{0}", "unknown field {0}"),
        ("{}", "unknown field {}"),
        ("{name}", "unknown field {name}"),
        ("{text:>999999999}", "takes no conversion or format"),
        ("{text!r}", "takes no conversion or format"),
        ("含{text", "invalid message template"),
        ("含}", "invalid message template"),
    ],
)
def test_bad_message_template_is_an_error(tmp_path: Path, message: str, problem: str) -> None:
    yaml = (
        "rules:\n  no-test:\n    type: pattern\n    field: goal\n"
        f"    must_not_match: 测试\n    message: {json.dumps(message)}\n"
    )
    error = config_error(tmp_path, yaml)
    assert (error.line, error.key) == (6, "rules.no-test.message")
    assert problem in error.message


def test_good_message_template_is_filled_in(tmp_path: Path) -> None:
    yaml = (
        "rules:\n  no-test:\n    type: pattern\n    field: goal\n"
        '    must_not_match: 测试\n    message: "{{注意}} {field}含「{text}」：{project}"\n'
    )
    config = config_with(tmp_path, yaml)
    config.select = {"no-test"}
    document = load_text(tsv_table([project_row("甲项目", STANDARD, goal="测试目标")]), "t.txt")
    (finding,) = run(document, config)
    assert finding.message == "{注意} goal含「测试」：甲项目"


# --------------------------------------------------------------------------
# Configured patterns run by RE2, in linear time


def test_configured_patterns_run_with_re2(tmp_path: Path) -> None:
    config = config_with(tmp_path, 'rules:\n  value-type-mismatch:\n    rate_names: ["率$"]\n')
    option = config.rules["value-type-mismatch"].options["rate_names"]
    assert isinstance(option, UserPatterns)
    assert all(isinstance(p, UserPattern) for p in option)
    from audit.facts import any_of

    assert not isinstance(any_of(option), re.Pattern)  # RE2's
    assert isinstance(any_of(["率$"]), re.Pattern)  # shipped defaults: plain re


def test_a_flag_in_one_pattern_of_a_list_stays_in_it(tmp_path: Path) -> None:
    config = config_with(
        tmp_path, 'rules:\n  value-type-mismatch:\n    rate_names: ["(?i)rate$", "abc"]\n'
    )
    from audit.facts import any_of

    pattern = any_of(config.rules["value-type-mismatch"].options["rate_names"])
    assert pattern.search("Pass RATE")
    assert not pattern.search("ABC")


def test_catastrophic_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / ".indicator-audit.yaml"
    path.write_text(
        "rules:\n  slow:\n    type: pattern\n    field: project\n"
        '    must_not_match: "(a+)+$"\n    message: 慢\n',
        encoding="utf-8",
    )
    config = load_config(path)
    config.select = {"slow"}

    def table(n: int, salt: int) -> str:
        return tsv_table([project_row(f"{salt}" + "a" * n + "!", STANDARD)])

    def lint(text: object) -> object:
        return run(load_text(str(text), "t.txt"), config)

    assert_scales_linearly(table, lint, 2_000)
    assert lint(table(20_000, 0)) == []
    (finding,) = lint(table(3, 0).replace("aaa!", "aaa"))
    assert finding.rule == "slow"


# --------------------------------------------------------------------------
# Baselines


def baseline_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError) as raised:
        load_baseline(str(path))
    return str(raised.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '{"version": 1, "entries": [{"file": "a", "rule": "b", "count": %s}]}' % ("9" * 5000),
            "an integer of 5,000 digits",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a":' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
        ('{"version": 1, "entries": [{"file": "a", "rule": "b", "count": NaN}]}', "NaN"),
        ("[]", "expected an object with an 'entries' list"),
        ('{"version": 1, "entries": {}}', "expected an object with an 'entries' list"),
        ('{"version": 1, "entries": [[1]]}', "entry 1: expected an object"),
        ('{"version": [1], "entries": []}', "unsupported baseline version"),
        ('{"version": 1, "entries": [{"file": "a", "rule": "b", "count": 1.5}]}', "count"),
        ('{"version": 1, "entries": [{"file": {"x": 1}, "rule": "b"}]}', "'file' must be"),
        ("null", "expected an object"),
    ],
)
def test_bad_baseline_is_a_clear_error(tmp_path: Path, text: str, problem: str) -> None:
    assert problem in baseline_error(tmp_path, text)


def test_baseline_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"version": 1, "entries": []}')
    assert load_baseline(str(path)).counts == {}
