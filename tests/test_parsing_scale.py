"""The parse stage and the clause rules take time linear in their input, also
on input made to be slow: ten times the input may not take twenty times the
time (about twice what linear work takes). Each size is timed as the best of
a few runs, and the bound is a ratio, so a busy machine slows both alike."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from audit.parsing import parse_clause_text
from tests.conftest import lint, project_row, tsv_table

HEAD = "1、1-产出指标；11-数量指标；名称；实施周期指标值："

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "a long run of full stops": lambda n: HEAD + "。" * n + "x",
    "a long run of separators": lambda n: HEAD + "，；" * (n // 2) + "x",
    "punctuation and spaces": lambda n: HEAD + "，。 ；" * (n // 4) + "x",
    "a run of keyword starts": lambda n: HEAD + "实" * n,
    "many stretches that are not clauses": lambda n: "1、abc。" * (n // 6),
    "many clause numbers": lambda n: "1、" * (n // 2),
    "a number followed by digits": lambda n: "1、" + "1" * n,
    "many repeated keywords": lambda n: HEAD + "1；" + "年度指标值：1；" * (n // 8),
    "many categories": lambda n: "1、1-产出指标；" * (n // 8),
    "many line breaks": lambda n: HEAD + "x\n" * (n // 2),
    "numbered lines without keywords": lambda n: HEAD + "\n1.名称" * (n // 5),
    "a long line after a number": lambda n: HEAD + "\n1." + "名" * n,
    "dashed lines without values": lambda n: "产出指标-" * (n // 5) + "\n产出指标-" * (n // 6),
    "many fused categories": lambda n: "产出指标：" * (n // 5),
    "a long fused item": lambda n: "产出指标：数量指标：" + "名1" * (n // 2),
    "a fused item without a value": lambda n: "产出指标：数量指标：" + "名" * n,
    "many fused items": lambda n: "产出指标：" + "数量指标：名≥1；" * (n // 9),
    "many outline headings": lambda n: (
        "一、产出指标\n" + "1.数量指标：名，年度指标值：1\n产出指标\n" * (n // 25)
    ),
    "a heading over long blank lines": lambda n: HEAD + ("\n" + " \t" * 8 + "产出指标") * (n // 22),
}


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The best time of ``runs`` runs, with the cyclic garbage collector
    paused: it scans every object the test session holds, which would time
    the session rather than the parser (the command line collects rarely)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def assert_linear(make: Callable[[int], str], work: Callable[[str], object], n: int) -> None:
    """Ten times ``n`` takes at most about twenty times as long: linear work
    takes ten, quadratic a hundred, and the bound of 25 leaves room for what a
    larger input costs in caches on a busy machine. The best of three
    interleaved measurements of each (a busy core can stall any one run)."""
    small, large = make(n), make(10 * n)
    work(small)  # parsers built, caches warm
    ratios = [best_of(3, lambda: work(large)) / best_of(3, lambda: work(small)) for _ in range(3)]
    assert min(ratios) < 25, f"ten times the input took {min(ratios):.0f} times as long"


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_parsing_is_linear_on_adversarial_cells(name: str) -> None:
    assert_linear(ADVERSARIAL[name], parse_clause_text, 4_000)


def test_repeated_field_is_linear_in_the_number_of_repeats() -> None:
    def cell(n: int) -> str:
        return HEAD + "1；" + "年度指标值：1；" * n + "年度指标值：1。"

    assert_linear(
        cell, lambda text: lint(tsv_table([project_row("项目", text)]), ["repeated-field"]), 200
    )
