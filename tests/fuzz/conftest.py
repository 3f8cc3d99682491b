"""Profiles of the fuzz tests, and the counts of a run.

``FUZZ_PROFILE=ci`` (the default) runs a few hundred examples in all, in
well under a minute; ``FUZZ_PROFILE=long`` runs each property with 2,000
examples or more (over 10,000 in all), by hand::

    FUZZ_PROFILE=long FUZZ_REPORT=fuzz-report.json .venv/bin/python -m pytest tests/fuzz

``FUZZ_REPORT`` names a JSON file that receives, per property, the examples
run, how many were refused with a clear error (the rest gave a report), the
slowest one against its time bound and the inputs over it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("fuzz-ci", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("fuzz-long", max_examples=2_500, **_COMMON)

PROFILE = "fuzz-long" if os.environ.get("FUZZ_PROFILE") == "long" else "fuzz-ci"
FUZZ = settings(settings.get_profile(PROFILE))
"""The settings every property of the fuzz suite runs with."""

STATS: dict[str, dict[str, float]] = {}


@pytest.fixture(scope="session", autouse=True)
def fuzz_report() -> Iterator[None]:
    yield
    path = os.environ.get("FUZZ_REPORT")
    if path and STATS:
        total = {
            "profile": PROFILE,
            "examples": sum(int(s["examples"]) for s in STATS.values()),
            "refused": sum(int(s["refused"]) for s in STATS.values()),
            "over_bound": sum(int(s["over_bound"]) for s in STATS.values()),
            "properties": STATS,
        }
        with open(path, "w", encoding="utf-8") as file:
            json.dump(total, file, indent=2)
