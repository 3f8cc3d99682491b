"""Every hand-labelled case in ``tests/labels``: the rule reports the tables a
reviewer marks, at the place they mark, and stays quiet on the near misses.
A case labelled ``known_bug`` is a disagreement the rule is known to have
(strict xfail: fixing the rule turns it into a failure to remove the mark).
Cases of a rule the registry does not have yet (its file says ``pending``)
are skipped, and run as soon as the rule is registered."""

from __future__ import annotations

from collections import Counter

import pytest

from audit.pipeline import load_text
from tests.labels import Case, all_cases, label_files, outcome, registered

MIN_CASES = 5


def _param(case: Case) -> object:
    marks = []
    if case.known_bug:
        marks.append(pytest.mark.xfail(reason=case.known_bug, strict=True))
    return pytest.param(case, id=case.key, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in all_cases()])
def test_label(case: Case) -> None:
    if case.rule not in registered():
        pytest.skip(f"rule {case.rule} is not registered yet")
    agrees, found = outcome(case)
    shown = [(f.project, f.clause, f.field, f.excerpt, f.message) for f in found]
    if case.expect == "fire":
        assert agrees, f"{case.why}: expected at {case.where or 'anywhere'}, found {shown}"
    else:
        assert agrees, f"{case.why}: expected no finding, found {shown}"


def test_every_registered_rule_is_labelled() -> None:
    labelled = {labels.rule for labels in label_files()}
    assert registered() - labelled == set()


@pytest.mark.parametrize("labels", label_files(), ids=lambda labels: labels.rule)
def test_each_rule_has_enough_cases_in_its_layouts(labels) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(case.expect for case in labels.cases)
    assert counts["fire"] >= MIN_CASES and counts["quiet"] >= MIN_CASES, counts
    assert labels.layouts, "say which layouts the rule applies to"
    for layout in labels.layouts:
        used = Counter(case.expect for case in labels.cases if case.layout == layout)
        assert used["fire"] and used["quiet"], f"{layout}: needs fire and quiet cases"
    if len(labels.layouts) < 2:
        assert labels.file.read_text(encoding="utf-8").count("layout-specific"), (
            "a rule labelled in one layout only says why (layout-specific: …)"
        )


@pytest.mark.parametrize("case", list(all_cases()), ids=lambda case: case.key)
def test_every_table_reads(case: Case) -> None:
    """Each case's table is read as a table with projects, whether or not its
    rule exists yet: a label never passes because its table is unreadable."""
    document = load_text(case.text, case.path)
    assert [project for unit in document.units for project in unit.projects]
