"""Every finding of every rule on the seed tables and the examples, compared
with ``tests/golden/findings/`` (recorded by ``scripts/record_findings.py``).

A change to what any rule reports shows up here as a diff: read it, and only
then regenerate the files with ``python scripts/record_findings.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "record_findings", ROOT / "scripts/record_findings.py"
)
assert _spec is not None and _spec.loader is not None
record = importlib.util.module_from_spec(_spec)
sys.modules["record_findings"] = record
_spec.loader.exec_module(record)


@pytest.mark.parametrize("profile", sorted(record.PROFILES))
def test_findings_match_the_recorded_ones(profile: str) -> None:
    expected = (record.GOLDEN / f"{profile}.jsonl").read_text(encoding="utf-8").splitlines()
    actual = record.findings(record.PROFILES[profile])
    assert len(expected) > 400  # every seed table and example was linted
    missing = [line for line in expected if line not in actual]
    extra = [line for line in actual if line not in expected]
    assert (missing, extra) == ([], [])
    assert actual == expected  # and in the same order
