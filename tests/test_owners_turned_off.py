"""An owner the configuration turns off passes its defect on: the next rule
that finds something wrong with the value reports it, so turning one rule
off never silences a defect another rule would name. ``--select`` and
``--ignore`` choose which findings a run shows and never move a defect."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import load_config
from audit.facts import Facts
from audit.model import Clause
from tests.conftest import config_with, document, lint, project_row, tsv_table

# name of the indicator, its category, period value, annual value
SATISFACTION = ("3-满意度指标；31-服务对象满意度", "服务对象满意度", "≥0.9", "≥0.9")
PLACEHOLDER = ("1-产出指标；11-数量指标", "职业技能培训人数", "待补充", "待补充")
UNIT_LOST = ("1-产出指标；12-质量指标", "设备验收合格率", "≥95%", "≥95")


def table(category: str, name: str, period: str, annual: str) -> str:
    indicators = f"1、{category}；{name}；实施周期指标值:{period}；年度指标值:{annual}。"
    return tsv_table([project_row("职业技能提升行动经费", indicators)])


def rules_on(text: str, config: object | None = None) -> list[tuple[str, str | None]]:
    return [
        (f.rule, f.field)
        for f in lint(text, None, config)  # type: ignore[arg-type]
        if f.field in ("period", "annual")
    ]


@pytest.mark.parametrize(
    ("clause", "turned_off", "owner", "heir"),
    [
        # 90 % written as a fraction: missing-unit asks for the % and names 90 %;
        # satisfaction-target never reads it as a level of 0.9 %
        (SATISFACTION, "percent-out-of-range", ("percent-out-of-range", "period"),
         ("missing-unit", "period")),
        # a draft's placeholder is still no measurable target
        (PLACEHOLDER, "placeholder", ("placeholder", "period"), ("not-quantified", "period")),
        # ≥95 against ≥95%: the % lost in one value is still a number without its unit
        (UNIT_LOST, "annual-period-mismatch", ("annual-period-mismatch", "annual"),
         ("missing-unit", "annual")),
    ],
)  # fmt: skip
def test_a_defect_passes_to_the_next_rule_when_its_owner_is_off(
    tmp_path: Path,
    clause: tuple[str, str, str, str],
    turned_off: str,
    owner: tuple[str, str],
    heir: tuple[str, str],
) -> None:
    text = table(*clause)
    assert rules_on(text) == [owner]
    config = config_with(
        tmp_path, f"extends: default\nrules:\n  {turned_off}:\n    enabled: false\n"
    )
    assert rules_on(text, config) == [heir]


def test_the_facts_name_the_next_owner(tmp_path: Path) -> None:
    doc = document(table(*PLACEHOLDER))
    [clause] = [c for u in doc.units for p in u.projects for c in p.clauses]
    assert isinstance(clause, Clause)
    period = clause.fields[0]
    assert Facts(doc, load_config(None, discover=False)).value(clause, period).owner == (
        "placeholder"
    )
    config = config_with(tmp_path, "extends: default\nrules:\n  placeholder: false\n")
    facts = Facts(doc, config)
    known = facts.value(clause, period)
    assert (known.placeholder, known.owner) == (True, "not-quantified")
    assert not facts.reports("placeholder") and facts.reports("not-quantified")


def test_select_and_ignore_move_no_defect(tmp_path: Path) -> None:
    """Ignoring the owner on the command line hides its finding and gives it
    to no other rule; selecting a rule the configuration turns off makes it
    the owner again."""
    text = table(*SATISFACTION)
    config = load_config(None, discover=False)
    config.deselect = {"percent-out-of-range"}
    assert rules_on(text, config) == []
    config = config_with(tmp_path, "extends: default\nrules:\n  percent-out-of-range: false\n")
    config.select = {"percent-out-of-range", "missing-unit", "satisfaction-target"}
    assert rules_on(text, config) == [("percent-out-of-range", "period")]
