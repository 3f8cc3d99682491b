"""Choosing rules on the command line: ``--select``, ``--extend-select`` and
``--ignore`` take rule ids, rule groups and globs, repeated or
comma-separated, as ruff's selectors do.

A group is a rule family: the ``group`` a rule is registered with, by
default the module it is defined in (``amounts``, ``structure``,
``content``, ``periods``, ``duplicates``, ``guidance``, ``taxonomy``; rules
written in a configuration are ``custom``);
``ALL`` is every rule; a glob (``duplicate-*``) matches rule ids.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping

from audit.engine import RuleSpec

ALL = "ALL"


class SelectionError(ValueError):
    """A selector that names no rule, group or glob match."""


def families(specs: Mapping[str, RuleSpec]) -> dict[str, list[str]]:
    """Rule ids by group, in registry order."""
    groups: dict[str, list[str]] = {}
    for rule_id, spec in specs.items():
        groups.setdefault(spec.family, []).append(rule_id)
    return groups


def split(values: Iterable[str] | None) -> list[str]:
    """Selectors from repeated, comma-separated option values."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def resolve(selectors: Iterable[str], specs: Mapping[str, RuleSpec]) -> set[str]:
    """The rule ids the selectors name; SelectionError for one naming none."""
    groups = families(specs)
    chosen: set[str] = set()
    for selector in selectors:
        if selector == ALL:
            chosen.update(specs)
        elif selector in specs:
            chosen.add(selector)
        elif selector in groups:
            chosen.update(groups[selector])
        elif any(c in selector for c in "*?["):
            matched = fnmatch.filter(specs, selector)
            if not matched:
                raise SelectionError(f"{selector!r} matches no rule id")
            chosen.update(matched)
        else:
            from audit.config import suggest

            hint = suggest(selector, [*specs, *groups])
            raise SelectionError(
                f"unknown rule or group {selector!r}{hint}; groups: {', '.join(groups)}"
            )
    return chosen
