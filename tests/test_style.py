"""The tree stays clean: ruff's lint and formatting, the import contracts
(import-linter) and the type checker (mypy) are part of the test suite."""

from __future__ import annotations

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
