"""Scaled time bounds: an input ten times larger must not take more than
about twenty times as long (linear work gives ten; quadratic gives a
hundred). Ratios, not absolute times, so a busy machine does not fail the
tests; each size is timed a few times and the fastest run counts."""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 10
BOUND = 20.0
FLOOR = 0.005
"""Seconds: a smaller base time is taken as this, so that a base of a
fraction of a millisecond does not make the bound noise."""


def best_time(work: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def scaling_ratio(
    make: Callable[[int, int], object], run: Callable[[object], object], size: int
) -> tuple[float, float]:
    """(base time, large time) of ``run(make(n, salt))`` for ``n = size`` and
    ``n = size × FACTOR``. ``salt`` differs on every run, so caches of
    parsed text do not make repeated runs look fast."""
    salt = iter(range(1_000_000))

    def timed(n: int) -> float:
        inputs = [make(n, next(salt)) for _ in range(3)]
        items = iter(inputs)
        return best_time(lambda: run(next(items)), repeat=len(inputs))

    return timed(size), timed(size * FACTOR)


def assert_scales_linearly(
    make: Callable[[int, int], object],
    run: Callable[[object], object],
    size: int,
    attempts: int = 3,
) -> None:
    """Pass when one of ``attempts`` measurements is within the bound: other
    work on the machine can slow one measurement down, but a super-linear
    algorithm exceeds the bound every time."""
    measured = []
    for _ in range(attempts):
        small, large = scaling_ratio(make, run, size)
        if large <= BOUND * max(small, FLOOR):
            return
        measured.append(f"{large:.3f} s against {small:.4f} s")
    raise AssertionError(
        f"×{FACTOR} input over {BOUND:.0f}× the time in every attempt: {'; '.join(measured)}"
    )
