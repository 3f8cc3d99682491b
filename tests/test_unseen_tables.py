"""The tables of ``scripts/make_unseen_tables.py``, in layouts the seeds do
not show, read as a reviewer reads them: their units, projects, amounts in
万元 and indicator values (see ``READINGS`` there); and none of them gets
an amount-format finding for a total its table has no column for or a unit
row read as a project."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from audit.model import Clause, Document
from audit.pipeline import load_path
from tests.conftest import lint

_SCRIPT = Path(__file__).parent.parent / "scripts" / "make_unseen_tables.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_unseen_tables", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TABLES = _script().TABLES


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("unseen")
    _script().write_all(out)
    return out


def _reading(document: Document) -> list[tuple[str | None, list[tuple[object, ...]]]]:
    units = []
    for unit in document.units:
        projects = []
        for project in unit.projects:
            values = []
            for clause in project.clauses:
                assert isinstance(clause, Clause), clause
                values.append(
                    (
                        clause.name,
                        None if clause.period is None else clause.period.text,
                        None if clause.annual is None else clause.annual.text,
                    )
                )
            total = project.amounts.value("total")
            sources = {
                column: value
                for column in ("fiscal", "special", "other")
                if (value := project.amounts.value(column)) is not None
            }
            projects.append((project.name.value, _number(total), _numbers(sources), values))
        units.append((None if unit.implicit and not unit.named else unit.name.value, projects))
    return units


def _number(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.normalize()


def _numbers(values: dict[str, Decimal]) -> dict[str, Decimal]:
    return {key: value.normalize() for key, value in values.items()}


def _expected(name: str) -> list[tuple[str | None, list[tuple[object, ...]]]]:
    _, reading = _TABLES[name]
    return [
        (
            unit,
            [(p.name, _number(p.total), _numbers(p.sources), list(p.values)) for p in projects],
        )
        for unit, projects in reading.units
    ]


@pytest.mark.parametrize("name", sorted(_TABLES))
def test_the_table_reads_as_a_reviewer_reads_it(folder: Path, name: str) -> None:
    document = load_path(folder / name)
    assert _reading(document) == _expected(name)


@pytest.mark.parametrize("name", sorted(_TABLES))
def test_no_amount_is_called_missing_or_malformed(folder: Path, name: str) -> None:
    """Every table states its amounts as its layout has them: amount-format
    has nothing to say (no 总计 a county's list has no column for, no unit
    row read as a project without amounts)."""
    assert lint(load_path(folder / name), ["amount-format"]) == []
