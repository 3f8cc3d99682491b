"""The rule registry: rule modules and report formats found by discovery, a
module that fails to import reported (never skipped), rules from a user's
own package (``plugins:``), and message catalogues that match the code:
every placeholder supplied, every catalogued message reachable."""

from __future__ import annotations

import ast
import importlib
import json
import string
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import engine
from audit.config import ConfigError, load_config
from audit.discovery import report_formats, submodules
from audit.engine import RuleModuleError, load_rules, rule_modules
from audit.exitcodes import InternalError
from audit.reports import FORMATS, renderer
from audit.selection import families
from tests.conftest import SEED_001, SEED_002, SEED_004, lint, project_row, run_main, tsv_table

ROOT = Path(__file__).parent.parent
CHECKS = ROOT / "audit" / "checks"


# --------------------------------------------------------------------------
# Discovery


def test_every_module_under_checks_is_a_rule_module() -> None:
    on_disk = {p.stem for p in CHECKS.glob("*.py") if not p.stem.startswith("_")}
    assert {name.rsplit(".", 1)[-1] for name in rule_modules()} == on_disk


def test_rule_order_is_the_families_order_then_definition_order() -> None:
    rules = load_rules()
    families = [spec.module for spec in rules.values()]
    # Each module's rules stand together, modules in rule_modules() order.
    seen = list(dict.fromkeys(families))
    assert seen == [m for m in rule_modules() if m in seen]
    assert list(rules)[:3] == ["parse-error", "clause-numbering", "missing-field"]
    # Every rule written in a module of audit/checks is found, none twice.
    declared = [
        decorator
        for path in sorted((ROOT / "audit" / "checks").glob("[!_]*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "rule"
    ]
    assert len(rules) == len(declared)


def test_every_module_the_order_names_exists() -> None:
    on_disk = {p.stem for p in CHECKS.glob("*.py") if not p.stem.startswith("_")}
    assert set(engine.RULE_ORDER) <= on_disk
    assert len(set(engine.RULE_ORDER)) == len(engine.RULE_ORDER)


def test_a_module_the_order_does_not_name_is_found_and_run_after_the_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    package = tmp_path / "morerules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for module, rule_id in [("zeta", "zeta-test"), ("alpha", "alpha-test"), ("limits", "lim-test")]:
        body = PLUGIN_RULE.replace("goal-mentions-test", rule_id).replace(
            "def goal_mentions_test", f"def {module}_rule"
        )
        (package / f"{module}.py").write_text(body, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(engine, "RULE_PACKAGE", "morerules")
    try:
        # Named modules first, in the order's order; the others by name.
        assert rule_modules() == ["morerules.limits", "morerules.alpha", "morerules.zeta"]
        ids = [i for i in load_rules() if i.endswith("-test")]
        assert ids == ["lim-test", "alpha-test", "zeta-test"]
        table = tmp_path / "table.txt"
        table.write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
        config = tmp_path / "config.yaml"
        config.write_text("rules:\n  alpha-test:\n    word: 就业\n", encoding="utf-8")
        status, out, err = run_main(
            "lint", "--config", str(config), "--select", "alpha-test", "--format", "text",
            str(table),
        )  # fmt: skip
        lines = out.splitlines()
        assert lines, err
        assert all("[alpha-test] 绩效目标含“就业”" in line for line in lines)
        status, out, _ = run_main("explain", "zeta-test")
        assert status == 0
        assert "A goal that mentions a word" in out
    finally:
        for name in [m for m in sys.modules if m.startswith("morerules")]:
            del sys.modules[name]


# The groups rules had when each family was one module; configurations,
# ``--select`` and grading name them.
GROUPS = {
    "structure": [
        "parse-error",
        "clause-numbering",
        "missing-field",
        "repeated-field",
        "nonstandard-punctuation",
        "markup-residue",
        "garbled-text",
        "empty-row",
        "orphan-text",
    ],
    "content": [
        "placeholder",
        "empty-value",
        "value-restates-name",
        "not-quantified",
        "value-type-mismatch",
        "percent-out-of-range",
        "missing-unit",
        "implausible-unit",
        "zero-target",
        "date-serial",
        "several-targets",
    ],
    "periods": ["annual-period-mismatch", "stale-date"],
    "duplicates": [
        "duplicate-clause",
        "duplicate-indicator",
        "duplicate-text",
        "duplicate-project",
        "boilerplate-value",
        "goal-copied",
        "duplicate-goal",
    ],
    "guidance": [
        "input-as-output",
        "comparator-direction",
        "category-keyword-mismatch",
        "satisfaction-target",
        "missing-goal",
        "goal-too-short",
        "goal-not-specific",
        "cost-exceeds-budget",
        "deadline-not-concrete",
    ],
}


def test_rules_split_into_modules_keep_their_groups() -> None:
    groups = families(load_rules())
    assert list(groups)[:8] == [
        "structure",
        "taxonomy",
        "content",
        "periods",
        "duplicates",
        "amounts",
        "guidance",
        "limits",
    ]
    for group, ids in GROUPS.items():
        assert groups[group] == ids
        for rule_id in ids:
            # One rule, one module, named after the rule.
            assert load_rules()[rule_id].module == "audit.checks." + rule_id.replace("-", "_")
    # A family sharing one computation stays in one module; a rule of its
    # group that does not share it has its own.
    own = ["amount-format", "weight-sum", "annual-exceeds-term-total"]
    assert groups["amounts"][-3:] == own
    for rule_id in own:
        assert load_rules()[rule_id].module == "audit.checks." + rule_id.replace("-", "_")
    assert {load_rules()[i].module for i in groups["amounts"][:-3]} == {"audit.checks.amounts"}
    assert {load_rules()[i].module for i in groups["taxonomy"]} == {"audit.checks.taxonomy"}


def test_select_explain_and_grading_by_an_old_group(tmp_path: Path) -> None:
    status, out, err = run_main(
        "lint", "--no-config", "--select", "content", "--format", "json", str(SEED_002)
    )
    assert status == 1, err
    found = {f["rule"] for f in json.loads(out)["findings"]}
    assert found
    assert found <= set(GROUPS["content"])
    status, out, _ = run_main(
        "lint", "--no-config", "--ignore", "guidance,content", "--format", "json", str(SEED_002)
    )
    found = {f["rule"] for f in json.loads(out)["findings"]}
    assert found
    assert not found & {*GROUPS["content"], *GROUPS["guidance"]}
    status, out, _ = run_main("explain", "--lang", "en", "comparator-direction")
    assert "group: guidance" in out
    config = tmp_path / "config.yaml"
    config.write_text("grading:\n  groups:\n    periods: 7\n", encoding="utf-8")
    assert load_config(config).grading.groups == {"periods": 7}


def test_formats_are_the_modules_of_the_reports_package() -> None:
    assert set(FORMATS) == {
        "text", "rich", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html"
    }  # fmt: skip
    assert "document" not in FORMATS  # the parse tree, not a findings format
    assert report_formats() == FORMATS
    for name in FORMATS:
        assert callable(renderer(name))


def test_submodules_of_a_package_not_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "lazypkg"
    package.mkdir()
    (package / "__init__.py").write_text("raise RuntimeError('imported')\n")
    (package / "b.py").write_text("")
    (package / "a.py").write_text("")
    (package / "_private.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert submodules("lazypkg") == ["a", "b"]
    assert "lazypkg" not in sys.modules
    assert submodules("no_such_package_here") == []


def test_a_format_module_that_fails_to_import_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(FORMATS, "broken", "audit.reports.no_such_module")
    with pytest.raises(InternalError, match=r"report format broken .*ModuleNotFoundError"):
        renderer("broken")


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Builtin rules loaded again from a package the test chooses; the real
    registry comes back afterwards."""
    saved = dict(engine.REGISTRY)
    monkeypatch.setattr(engine, "_loaded", False)
    yield
    engine.REGISTRY.clear()
    engine.REGISTRY.update(saved)


def test_a_rule_module_that_fails_to_import_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    package = tmp_path / "brokenrules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "fine.py").write_text("")
    (package / "typo.py").write_text("import no_such_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(engine, "RULE_PACKAGE", "brokenrules")
    with pytest.raises(RuleModuleError) as caught:
        load_rules()
    assert caught.value.module == "brokenrules.typo"
    assert "no_such_dependency_xyz" in str(caught.value)
    status, out, err = run_main("rules")
    assert status == 2
    assert out == ""
    assert err.strip() == (
        "indicator-audit: rule module brokenrules.typo cannot be imported: "
        "ModuleNotFoundError: No module named 'no_such_dependency_xyz'"
    )


# --------------------------------------------------------------------------
# Plugins: rules from a user's own package

PLUGIN_RULE = '''
from audit.engine import Option, Problem, rule


@rule(
    "goal-mentions-test",
    severity="warning",
    scope="project",
    messages={"default": ("绩效目标含“{word}”", "the goal mentions “{word}”")},
    options={"word": Option("str", "测试", "the word to look for")},
)
def goal_mentions_test(ctx, project):
    """A goal that mentions a word (a rule of one's own)."""
    goal = project.goal
    word = ctx.options["word"]
    if goal is not None and word in goal.value:
        start = goal.value.index(word)
        yield Problem(goal.span(start, start + len(word)), args={"word": word}, field="goal")
'''


def make_plugin(root: Path, name: str, body: str = PLUGIN_RULE) -> None:
    package = root / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "goal.py").write_text(textwrap.dedent(body), encoding="utf-8")


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    (tmp_path / "site").mkdir()
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("myrules")]:
        del sys.modules[name]
    for name in [n for n in engine._PLUGINS if n.startswith("myrules")]:
        del engine._PLUGINS[name]


def test_a_plugin_package_is_listed_configured_and_run(plugin_path: Path) -> None:
    make_plugin(plugin_path / "site", "myrules_a")
    table = plugin_path / "table.txt"
    table.write_text(SEED_001.read_text(encoding="utf-8"), encoding="utf-8")
    config = plugin_path / "config.yaml"
    config.write_text(
        "plugins: [myrules_a]\nrules:\n  goal-mentions-test:\n    word: 就业\n", encoding="utf-8"
    )
    status, out, _ = run_main("rules", "--config", str(config))
    assert status == 0
    assert "goal-mentions-test" in out
    status, out, err = run_main(
        "lint", "--config", str(config), "--select", "goal-mentions-test", "--format", "text",
        str(table),
    )  # fmt: skip
    lines = out.splitlines()
    assert lines, err
    assert all("[goal-mentions-test] 绩效目标含“就业”" in line for line in lines)
    # Without the plugin in the configuration, the rule is unknown.
    assert "goal-mentions-test" not in run_main("rules", "--no-config")[1]
    status, _, err = run_main("lint", "--no-config", "--select", "goal-mentions-test", str(table))
    assert status == 2


def test_a_plugin_may_be_one_module(plugin_path: Path) -> None:
    make_plugin(plugin_path / "site", "myrules_c")
    config = plugin_path / "config.yaml"
    config.write_text("plugins: [myrules_c.goal]\n", encoding="utf-8")
    loaded = load_config(config)
    assert loaded.specs()["goal-mentions-test"].module == "myrules_c.goal"
    assert list(loaded.specs())[-1] == "goal-mentions-test"  # after the built-in rules
    findings = lint(SEED_001, ["goal-mentions-test"], loaded)
    assert findings == []  # 测试 is in no goal of the seed: the near miss


def test_plugin_option_is_validated_like_a_builtin(plugin_path: Path) -> None:
    make_plugin(plugin_path / "site", "myrules_b")
    config = plugin_path / "config.yaml"
    config.write_text(
        "plugins: [myrules_b]\nrules:\n  goal-mentions-test:\n    wrod: 就业\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.line == 4
    assert caught.value.key == "rules.goal-mentions-test.wrod"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("import no_such_dependency_xyz\n", "ModuleNotFoundError: No module named"),
        ("x = 1\n", "defines no rule"),
        (
            PLUGIN_RULE.replace('"goal-mentions-test"', '"placeholder"'),
            "rule placeholder: already defined in audit.checks.placeholder",
        ),
    ],
)
def test_a_bad_plugin_is_a_config_error(plugin_path: Path, body: str, message: str) -> None:
    name = f"myrules_bad{abs(hash(body)) % 10_000}"
    make_plugin(plugin_path / "site", name, body)
    config = plugin_path / "config.yaml"
    config.write_text(f"lang: zh\nplugins:\n  - {name}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.line == 3
    assert caught.value.key == "plugins.0"
    assert message in str(caught.value)
    assert load_rules()["placeholder"].module == "audit.checks.placeholder"


def test_plugins_must_be_a_list_of_names(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("plugins: myrules\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="plugins: must be a list of module or package names"):
        load_config(config)


# --------------------------------------------------------------------------
# Message catalogues


def _catalogue_nodes(tree: ast.AST) -> set[int]:
    """ids of the constants that are keys of a rule's ``messages`` mapping
    (a dict whose values are (zh, en) pairs)."""
    keys: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Dict)
            and node.values
            and all(isinstance(v, ast.Tuple) and len(v.elts) == 2 for v in node.values)
        ):
            keys.update(id(k) for k in node.keys if k is not None)
    return keys


def _source(module: str) -> Path:
    return Path(importlib.import_module(module).__file__ or "")


def _module_strings(module: str | Path) -> tuple[set[str], set[str], set[str]]:
    """(literal strings outside message catalogues, literal prefixes of
    f-strings, dict keys and ``dict(...)``/``update(...)`` keywords) of a
    rule module (or a source file, not imported)."""
    path = module if isinstance(module, Path) else _source(module)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    catalogue = _catalogue_nodes(tree)
    literals: set[str] = set()
    prefixes: set[str] = set()
    arg_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in catalogue:
                literals.add(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                prefixes.add(first.value)
        if isinstance(node, ast.Dict):
            arg_names.update(
                k.value
                for k in node.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            )
        elif isinstance(node, ast.Call) and (
            getattr(node.func, "id", None) == "dict" or getattr(node.func, "attr", None) == "update"
        ):
            arg_names.update(k.arg for k in node.keywords if k.arg)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            arg_names.add(node.slice.value)
    return literals, prefixes, arg_names


def _placeholders(template: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    }


def test_every_placeholder_is_one_the_rule_module_supplies() -> None:
    # The facts layer's shared helpers build message arguments too
    # (``where()`` names the value field for every value rule).
    _, _, shared = _module_strings("audit.facts")
    missing = []
    for rule_id, spec in load_rules().items():
        _, _, supplied = _module_strings(spec.module)
        supplied = supplied | shared
        for key, pair in spec.messages.items():
            for template in pair:
                for name in sorted(_placeholders(template) - supplied):
                    missing.append(f"{rule_id} {key}: {{{name}}}")
    assert missing == []


def _keyless_problem(module: str) -> bool:
    """Whether the module makes a Problem without naming its message key
    (so that its rules' ``default`` message can be shown)."""
    for node in ast.walk(ast.parse(_source(module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
            named = len(node.args) >= 2 or any(k.arg == "key" for k in node.keywords)
            if not named:
                return True
            key = node.args[1] if len(node.args) >= 2 else None
            key = key or next(k.value for k in node.keywords if k.arg == "key")
            if not isinstance(key, ast.Constant) or key.value == "default":
                return True  # a computed key may be "default"
    return False


PACKAGE_LITERALS: set[str] = set()
"""Literal strings anywhere in the tool (a key's rest may come from another
module: ``cell_over_limits`` says ``clauses``)."""


def test_every_catalogued_message_is_referenced_by_its_module() -> None:
    """A message key no code path can yield is dead text: each key must stand
    in its module's code (outside the catalogue), or be built there from a
    literal prefix (``f"indicators-{kind}"``, ``"projects-" + key``) and a
    rest the tool writes somewhere; ``default`` needs a Problem made without a
    literal key."""
    if not PACKAGE_LITERALS:
        for path in (ROOT / "audit").rglob("*.py"):
            PACKAGE_LITERALS.update(_module_strings(path)[0])
    # Facts name the kind of a defect a rule then reports (a restatement is
    # ``same``, ``contains``, ``swapped``…): those keys stand in audit/facts.py.
    facts_literals = _module_strings("audit.facts")[0]
    unreferenced = []
    for rule_id, spec in load_rules().items():
        literals, prefixes, _ = _module_strings(spec.module)
        literals = literals | facts_literals
        for key in spec.messages:
            if key == "default":
                if not _keyless_problem(spec.module):
                    unreferenced.append(f"{rule_id}: {key}")
                continue
            if key in literals:
                continue
            built = any(
                p and key.startswith(p) and key[len(p) :] in PACKAGE_LITERALS
                for p in (*prefixes, *(s for s in literals if s.endswith("-")))
            )
            if not built:
                unreferenced.append(f"{rule_id}: {key}")
    assert unreferenced == []


def test_the_reference_check_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = load_rules()["placeholder"]
    monkeypatch.setitem(
        engine.REGISTRY,
        "placeholder",
        spec._replace(messages={**spec.messages, "stale": ("x", "x")}),
    )
    with pytest.raises(AssertionError, match="placeholder: stale"):
        test_every_catalogued_message_is_referenced_by_its_module()
    monkeypatch.setitem(
        engine.REGISTRY,
        "placeholder",
        spec._replace(messages={**spec.messages, "default": ("{nowhere_given}", "x")}),
    )
    with pytest.raises(AssertionError, match="nowhere_given"):
        test_every_placeholder_is_one_the_rule_module_supplies()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_finding_on_the_seeds_formats_its_message(lang: str, tmp_path: Path) -> None:
    """Every rule on, both languages: a placeholder a rule did not supply
    would be an InternalError here, not a raw template in a report."""
    config = tmp_path / "config.yaml"
    config.write_text(f"extends: strict\nlang: {lang}\n", encoding="utf-8")
    loaded = load_config(config)
    for seed in (SEED_001, SEED_002, SEED_004):
        for finding in lint(seed, None, loaded):
            assert "{" not in finding.message.replace("{{", ""), finding


def test_a_missing_placeholder_is_an_internal_error_naming_rule_and_key() -> None:
    spec = load_rules()["placeholder"]
    with pytest.raises(InternalError) as caught:
        spec.message("default", "en", {})
    assert str(caught.value).startswith("rule placeholder: message 'default' (en) cannot be")
    assert "KeyError" in str(caught.value)
    with pytest.raises(InternalError, match="rule placeholder: no message 'nonesuch'"):
        spec.message("nonesuch", "zh", {})


@pytest.mark.parametrize(
    ("rule_id", "name", "cell", "message"),
    [
        (
            "duplicate-text",
            "职业技能培训",
            "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:职业技能培训；年度指标值:≥100人。",
            "实施周期指标值「职业技能培训」就是项目名称，不是目标值",
        ),
        (
            "category-mismatch",
            "项目甲",
            "1、1-产出指标；12-效益指标；培训人数；实施周期指标值:≥100人；年度指标值:≥100人。",
            "第1条指标的二级指标「12-效益指标」用了一级指标名称（2-效益指标）；代码12是「质量指标」",
        ),
    ],
)
def test_messages_no_seed_shows_can_be_shown(
    rule_id: str, name: str, cell: str, message: str
) -> None:
    """Messages the seed tables never show, kept because a table can: the
    value that is the project's name, the level-2 category with a level-1 name."""
    findings = lint(tsv_table([project_row(name, cell)]), [rule_id])
    assert [f.message for f in findings] == [message]
    near_miss = cell.replace("职业技能培训；年度", "≥100人；年度").replace(
        "12-效益指标", "12-质量指标"
    )
    assert lint(tsv_table([project_row(name, near_miss)]), [rule_id]) == []
