"""The tree stays clean: ruff's lint and formatting, the import contracts
(import-linter) and the type checker (mypy) are part of the test suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> list[str]:
    """The test extras' ``name`` beside this interpreter, else on the PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: install the test extras (pip install -e '.[test]')")
    return [found]


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_tree_is_ruff_clean(command: list[str]) -> None:
    result = subprocess.run(
        [*_tool("ruff"), *command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_keep_the_contracts() -> None:
    """``lint-imports`` checks the contracts of ``[tool.importlinter]``: the
    one-way layers, no cycles, readers below their package, independent
    rule modules. It sees imports inside functions too."""
    result = subprocess.run(
        [*_tool("lint-imports")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # A function-level import from the model up to the command line.
        ("model.py", "def _up():\n    from audit.cli import main\n", "audit.model -> audit.cli"),
        # An import made only for type checking counts too.
        (
            "readers/common.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from audit.config import Config\n",
            "audit.readers.common -> audit.config",
        ),
        # A reader that imports its package.
        ("readers/tsv.py", "import audit.readers\n", "audit.readers.tsv -> audit.readers"),
        # One rule module importing another.
        (
            "checks/garbled_text.py",
            "def _other():\n    from audit.checks import taxonomy\n",
            "audit.checks.garbled_text -> audit.checks.taxonomy",
        ),
        # The configuration below the grading it configures.
        (
            "config.py",
            "def _up():\n    from audit.grading import grade_report\n",
            "audit.config -> audit.grading",
        ),
        # A rule written in YAML below the configuration that reads it.
        (
            "checks/custom.py",
            "def _up():\n    from audit.config import load_config\n",
            "audit.checks.custom -> audit.config",
        ),
    ],
)
def test_import_contracts_catch_a_violation(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    """The contracts are not vacuous: the same tree with one more import
    that breaks them fails, naming the import."""
    shutil.copytree(
        ROOT / "audit", tmp_path / "audit", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "audit" / module
    target.write_text(target.read_text(encoding="utf-8") + "\n" + line, encoding="utf-8")
    result = subprocess.run(
        [*_tool("lint-imports"), "--no-cache"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in " ".join(result.stdout.split()), result.stdout


def test_package_type_checks() -> None:
    """mypy, configured in ``[tool.mypy]``, finds no error in the package."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
