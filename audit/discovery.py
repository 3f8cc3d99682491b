"""Finding the modules of a package without importing them: the built-in rule
modules (``audit.checks``) and report formats (``audit.reports``). Adding a
rule family or a format is adding one file; nothing lists them.

One directory listing per package (``pkgutil.iter_modules`` on its path),
nothing imported, so the command line can offer the formats at start-up
without paying for the renderers.
"""

from __future__ import annotations

import importlib.util
import pkgutil

REPORTS_PACKAGE = "audit.reports"
NOT_FORMATS: tuple[str, ...] = ("document",)
"""Modules of the reports package that render something else than findings
(``document``: the parsed model ``parse`` shows)."""


def submodules(package: str) -> list[str]:
    """The public modules of ``package`` (names not starting with ``_``),
    by name, without importing the package itself (only its parents)."""
    spec = importlib.util.find_spec(package)
    locations = None if spec is None else spec.submodule_search_locations
    if locations is None:
        return []
    names = (info.name for info in pkgutil.iter_modules(list(locations)))
    return sorted(name for name in names if not name.startswith("_"))


def report_formats() -> dict[str, str]:
    """Format name → renderer module: ``json_lines`` offers ``json-lines``,
    and a ``_report`` suffix (it keeps a module from shadowing the library it
    uses, as ``rich_report``) is dropped."""
    return {
        name.removesuffix("_report").replace("_", "-"): f"{REPORTS_PACKAGE}.{name}"
        for name in submodules(REPORTS_PACKAGE)
        if name not in NOT_FORMATS
    }
