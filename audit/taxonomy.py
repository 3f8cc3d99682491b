"""The indicator taxonomy (level-1 and level-2 categories), loaded from YAML.

The 2021 scheme and the 2025 scheme (成本 as a level-1 category) are shipped
in ``rules/taxonomy.yaml``; a profile chooses which schemes a table may use.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])"
)
"""An ordinal before a category name (``一、产出指标``, ``（一）数量指标``):
the form's numbering of its rows, not part of the name. A digit and a
separator (``1-产出指标``) is a code, read as such before the name is."""

_SUFFIX = "指标"


class Level2(NamedTuple):
    code: str
    name: str
    parent: str


class Taxonomy:
    """Categories by code and name, aliases, and what each level-2 measures."""

    __slots__ = (
        "_canonical",
        "aliases",
        "burdens",
        "kinds",
        "level1",
        "level1_names",
        "level2",
        "level2_names",
        "only_child",
        "schemes",
        "synonym_codes",
        "unused",
        "wider",
    )

    def __init__(
        self, aliases: dict[str, str] | None = None, kinds: dict[str, str] | None = None
    ) -> None:
        self.level1: dict[str, str] = {}
        """level-1 code → name (a code may carry one name only)."""
        self.level2: dict[str, Level2] = {}
        self.aliases: dict[str, str] = aliases or {}
        self.kinds: dict[str, str] = kinds or {}
        self.burdens: frozenset[str] = frozenset()
        """Cost categories that are no money the project spends: its negative
        effects on society and the environment (社会成本指标, 生态环境成本指标),
        in their own units (complaints, days of disruption, decibels)."""
        self.level1_names: dict[str, set[str]] = {}
        """level-1 name → the codes it has in the schemes in use."""
        self.level2_names: dict[str, set[str]] = {}
        self.only_child: dict[str, str] = {}
        """level-1 name → the name of its one level-2 category, where it has
        one (满意度指标 → 服务对象满意度): a level-2 cell that repeats its
        level-1 category's name (or a short form of it, ``满意度``) means it."""
        self.schemes: tuple[str, ...] = ()
        self.synonym_codes: frozenset[str] = frozenset()
        """Codes of the synonym schemes (``N11``): no table writes them, so a
        coded category of the schemes in use is never said to mean one."""
        self._canonical: dict[str, str] = {}
        """:meth:`canonical` of each name asked, since every rule asks again."""
        self.wider: dict[str, frozenset[str]] = {}
        """A level-1 name of an older scheme → level-2 categories it held
        beyond those of the category it stands for (older Guangdong tables'
        效果指标 held 服务对象满意度 beside the effects)."""
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
        taxonomy.burdens = frozenset(str(name) for name in data.get("burdens") or ())
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
        for name, codes in taxonomy.level1_names.items():
            children = {c.name for c in taxonomy.level2.values() if c.parent in codes}
            if len(children) == 1:
                taxonomy.only_child[name] = children.pop()
        taxonomy.wider = {
            str(name): frozenset(taxonomy.level2_name(str(child)) for child in children or ())
            for name, children in (data.get("wider") or {}).items()
        }
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
        """A category name as the taxonomy knows it: white space (a cell's
        wrapped line: ``经济成本\n指标``) and a leading
        ordinal (``一、产出指标``) removed, its alias resolved, and a name
        with ``指标`` left off (``产出数量``, ``社会效益``) or added where the
        taxonomy has none (``经济成本``) read as the name it stands for."""
        known = self._canonical.get(name)
        if known is None:
            known = self._canonical[name] = self._resolve(name)
        return known

    def _resolve(self, name: str) -> str:
        name = "".join(name.split())  # spaces of any kind, a line wrapped inside the name
        if name[:1] in "一二三四五六七八九十（(":
            name = _ORDINAL.sub("", name, count=1)
        found = self.aliases.get(name, name)
        if self._known(found):
            return found
        other = name[: -len(_SUFFIX)] if name.endswith(_SUFFIX) else name + _SUFFIX
        other = self.aliases.get(other, other)
        return other if self._known(other) else found

    def _known(self, name: str) -> bool:
        return name in self.level1_names or name in self.level2_names

    def level2_name(self, name: str) -> str:
        """A level-2 category name as the taxonomy knows it (:meth:`canonical`);
        a level-1 name with one level-2 category under it stands for that one
        (``满意度`` or ``满意度指标`` at level 2 is 服务对象满意度)."""
        name = self.canonical(name)
        if name in self.level2_names:
            return name
        return self.only_child.get(name, name)

    def level2_codes(self, name: str) -> set[str]:
        """Level-2 codes a category name stands for (empty when unknown)."""
        return self.level2_names.get(self.level2_name(name), set())

    def holds(self, level1_name: str, level2_name: str) -> bool:
        """Whether a level-1 category of an older scheme, as written, held a
        level-2 one beyond those of the category it stands for (``wider``)."""
        held = self.wider.get(level1_name.strip())
        return held is not None and self.level2_name(level2_name) in held

    def is_burden(self, level2_name: str | None) -> bool:
        """Whether a level-2 category is a cost that is no money (``burdens``):
        社会成本指标 and 生态环境成本指标 are measured in complaints, days or
        decibels; only 经济成本指标 (and 成本指标 of the 2021 scheme) is money."""
        return bool(level2_name) and self.level2_name(level2_name or "") in self.burdens

    def kind(self, level2_name: str | None) -> str | None:
        """What a level-2 category measures: quantity, quality, timeliness,
        cost, effect or satisfaction (None when unknown)."""
        if not level2_name:
            return None
        return self.kinds.get(self.level2_name(level2_name))
