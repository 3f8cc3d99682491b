"""Finding the modules of a package without importing them: the built-in rule
modules (``audit.checks``) and report formats (``audit.reports``). Adding a
rule family or a format is adding one file; nothing lists them.

One directory listing per package, nothing imported (not even
``pkgutil``), so the command line can offer the formats at start-up without
paying for the renderers.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import sys

REPORTS_PACKAGE = "audit.reports"
NOT_FORMATS: tuple[str, ...] = ("document",)
"""Modules of the reports package that render something else than findings
(``document``: the parsed model ``parse`` shows)."""


def submodules(package: str) -> list[str]:
    """The public modules of ``package`` (names not starting with ``_``:
    ``.py`` files and packages), by name, without importing the package
    itself (only its parents, imported already for the tool's own)."""
    parent, _, leaf = package.rpartition(".")
    path = importlib.import_module(parent).__path__ if parent else sys.path
    spec = importlib.machinery.PathFinder.find_spec(leaf, list(path))
    locations = None if spec is None else spec.submodule_search_locations
    names: set[str] = set()
    for location in locations or ():
        with os.scandir(location) as entries:
            for entry in entries:
                if entry.name.endswith(".py") and entry.is_file():
                    name = entry.name[:-3]
                elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                    name = entry.name
                else:
                    continue
                if name.isidentifier() and not name.startswith("_"):
                    names.add(name)
    return sorted(names)


def report_formats() -> dict[str, str]:
    """Format name → renderer module: ``json_lines`` offers ``json-lines``,
    and a ``_report`` suffix (it keeps a module from shadowing the library it
    uses, as ``rich_report``) is dropped."""
    return {
        name.removesuffix("_report").replace("_", "-"): f"{REPORTS_PACKAGE}.{name}"
        for name in submodules(REPORTS_PACKAGE)
        if name not in NOT_FORMATS
    }
