"""The README's *Adding a rule* example works as written: its code, copied
into a package of its own, is listed by ``rules``, explained by ``explain``,
run by ``lint``, and its unit test passes."""

from __future__ import annotations

import re
from pathlib import Path

from audit.config import load_config
from tests.conftest import SEED_002, lint, run_main
from tests.test_rule_registry import make_plugin, plugin_path

__all__ = ["plugin_path"]  # the fixture, used by name

README = Path(__file__).parent.parent / "README.md"


def _python_blocks(heading: str) -> list[str]:
    """The ```python blocks of the README section under ``heading``."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n")
    end = text.index("\n## ", start) if "\n## " in text[start:] else len(text)
    section = text[start:end]
    nxt = re.search(r"\n#{2,3} ", section[1:])
    if nxt:
        section = section[: nxt.start() + 1]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def _example_rule() -> str:
    blocks = [b for b in _python_blocks("### Adding a rule") if "@rule(" in b]
    assert len(blocks) == 1
    return blocks[0]


def test_the_example_rule_is_listed_explained_and_run(plugin_path: Path) -> None:
    make_plugin(plugin_path / "site", "myrules_readme", _example_rule())
    table = plugin_path / "table.txt"
    table.write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    config = plugin_path / "config.yaml"
    config.write_text("plugins: [myrules_readme]\n", encoding="utf-8")

    status, out, err = run_main("rules", "--config", str(config))
    assert status == 0, err
    listed = [line for line in out.splitlines() if line.startswith("formula-in-name ")]
    assert len(listed) == 1
    assert "warning" in listed[0]

    status, out, _ = run_main("explain", "--config", str(config), "--lang", "en", "formula-in-name")
    assert status == 0
    assert "An indicator name that carries its formula" in out

    status, out, err = run_main(
        "lint", "--config", str(config), "--select", "formula-in-name", "--format", "text",
        "--lang", "en", str(table),
    )  # fmt: skip
    lines = out.splitlines()
    assert len(lines) == 2, err
    assert all(
        "warning [formula-in-name] the indicator name holds its formula" in line for line in lines
    )
    # The README pastes this run's output.
    readme = README.read_text(encoding="utf-8")
    for line in lines:
        assert line.replace(str(table), "table.txt") in readme


def test_the_example_unit_test_passes(plugin_path: Path) -> None:
    make_plugin(plugin_path / "site", "myrules_unit", _example_rule())
    config = plugin_path / "config.yaml"
    config.write_text("plugins: [myrules_unit]\n", encoding="utf-8")
    loaded = load_config(config)
    findings = lint(SEED_002, ["formula-in-name"], loaded)
    assert [f.excerpt for f in findings] == [
        "=实际保洁面积/应保洁面积*100%",
        "=感到满意的人次/参与问卷调查总人次",
    ]
    # A near miss: an option that no name contains finds nothing.
    config.write_text(
        "plugins: [myrules_unit]\nrules:\n  formula-in-name:\n    signs: ['≡']\n", encoding="utf-8"
    )
    assert lint(SEED_002, ["formula-in-name"], load_config(config)) == []
