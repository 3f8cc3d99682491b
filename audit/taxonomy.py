"""The indicator taxonomy (level-1 and level-2 categories), loaded from YAML.

The 2021 scheme and the 2025 scheme (成本 as a level-1 category) are shipped
in ``rules/taxonomy.yaml``; a profile chooses which schemes a table may use.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Level2(NamedTuple):
    code: str
    name: str
    parent: str


class Taxonomy:
    """Categories by code and name, aliases, and what each level-2 measures."""

    __slots__ = (
        "aliases",
        "kinds",
        "level1",
        "level1_names",
        "level2",
        "level2_names",
        "schemes",
        "synonym_codes",
        "unused",
    )

    def __init__(
        self, aliases: dict[str, str] | None = None, kinds: dict[str, str] | None = None
    ) -> None:
        self.level1: dict[str, str] = {}
        """level-1 code → name (a code may carry one name only)."""
        self.level2: dict[str, Level2] = {}
        self.aliases: dict[str, str] = aliases or {}
        self.kinds: dict[str, str] = kinds or {}
        self.level1_names: dict[str, set[str]] = {}
        """level-1 name → the codes it has in the schemes in use."""
        self.level2_names: dict[str, set[str]] = {}
        self.schemes: tuple[str, ...] = ()
        self.synonym_codes: frozenset[str] = frozenset()
        """Codes of the synonym schemes (``N11``): no table writes them, so a
        coded category of the schemes in use is never said to mean one."""
        self.unused: dict[str, str] = {}
        """Category names of the shipped schemes not in use → the scheme
        (``实施效果指标`` → ``ndrc``), so a rule can say which to enable."""

    @classmethod
    def from_data(cls, data: dict[str, Any], use: list[str]) -> Taxonomy:
        """The taxonomy of the schemes ``use`` names, plus the schemes the
        file lists under ``synonyms``: other official schemes whose names
        stand for the same categories (the NDRC scheme's 实施效果指标 →
        产出指标 / 效益指标), accepted whatever the profile uses."""
        taxonomy = cls(aliases=dict(data.get("aliases") or {}), kinds=dict(data.get("kinds") or {}))
        schemes = data.get("schemes") or {}
        use = [str(s) for s in use]
        synonyms = [str(s) for s in data.get("synonyms") or () if str(s) not in use]
        use += synonyms
        for scheme in use:
            for code, entry in (schemes.get(str(scheme)) or {}).items():
                code = str(code)
                name = str(entry["name"])
                taxonomy.level1.setdefault(code, name)
                taxonomy.level1_names.setdefault(name, set()).add(code)
                for child_code, child_name in (entry.get("children") or {}).items():
                    child = Level2(str(child_code), str(child_name), code)
                    taxonomy.level2.setdefault(child.code, child)
                    taxonomy.level2_names.setdefault(child.name, set()).add(child.code)
        taxonomy.schemes = tuple(str(s) for s in use)
        taxonomy.synonym_codes = frozenset(
            str(code)
            for scheme in synonyms
            for code, entry in (schemes.get(scheme) or {}).items()
            for code in (code, *(entry.get("children") or {}))
        )
        known = taxonomy.level1_names.keys() | taxonomy.level2_names.keys()
        for scheme, entries in schemes.items():
            if str(scheme) in taxonomy.schemes:
                continue
            for entry in (entries or {}).values():
                names = [
                    str(entry["name"]),
                    *(str(n) for n in (entry.get("children") or {}).values()),
                ]
                for name in names:
                    if name not in known:
                        taxonomy.unused.setdefault(name, str(scheme))
        return taxonomy

    def canonical(self, name: str) -> str:
        """A category name with its alias resolved and spaces removed."""
        name = name.replace(" ", "").replace("\u3000", "")
        return self.aliases.get(name, name)

    def kind(self, level2_name: str | None) -> str | None:
        """What a level-2 category measures: quantity, quality, timeliness,
        cost, effect or satisfaction (None when unknown)."""
        if not level2_name:
            return None
        return self.kinds.get(self.canonical(level2_name))
