"""A ``;``-separated CSV saved by a spreadsheet in a locale that writes
decimal commas (``1250,00``): when its amount cells write a comma and two
digits after it and none writes a dot, the file's amounts are read with
decimal commas. Decided per file, never per cell, and never for a
``,``-separated CSV, whose comma in a cell is a thousands separator."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Document
from audit.pipeline import load_text
from tests.conftest import lint
from tests.national import FORM, LIST, Rows, as_csv
from tests.test_national_semicolon_csv import as_semicolon_csv
from tests.test_reader_gaps_natb import GZ_ROWS, saved_csv

_AMOUNT_RULES = ["amount-format", "row-sum-mismatch", "rounding-difference"]
_DOTTED_RE = re.compile(r"^\d[\d,]*\.\d\d$")


def _decimal_commas(rows: Rows) -> Rows:
    """The rows as a locale of decimal commas saves them: each amount with
    its decimals after a comma, no thousands separator (``1,200.00`` is
    ``1200,00``)."""
    return [
        [
            cell.replace(",", "").replace(".", ",") if _DOTTED_RE.match(cell) else cell
            for cell in row
        ]
        for row in rows
    ]


def _with(rows: Rows, changes: dict[tuple[int, int], str]) -> Rows:
    changed = [list(row) for row in rows]
    for (row, column), value in changes.items():
        changed[row][column] = value
    return changed


def _form(total: str, fiscal: str) -> Rows:
    """The national form, 资金总额 and 其中：财政拨款 as given."""
    return _with(FORM, {(4, 1): total, (4, 3): fiscal})


def _amount_findings(document: Document) -> list[tuple[str, str | None]]:
    return [(f.rule, f.excerpt) for f in lint(document, _AMOUNT_RULES)]


def _semicolon(rows: Rows) -> Document:
    return load_text(as_semicolon_csv(rows), "national.csv")


def test_a_form_s_decimal_commas_read_as_its_decimals() -> None:
    document = _semicolon(_form("360,00", "360,00"))
    (project,) = document.projects
    assert project.amounts.value("total") == Decimal("360.00")
    assert project.amounts.value("fiscal") == Decimal("360.00")
    assert project.amounts.total is not None and project.amounts.total.decimal_comma
    assert project.amounts.total.text.value == "360,00"  # kept as written
    # no misplaced separator, no missing decimals: the figures as the dotted file's
    dotted = _semicolon(_form("360.00", "360.00"))
    assert _amount_findings(document) == _amount_findings(dotted) == []


def test_a_sum_off_in_decimal_commas_is_reported_as_in_decimal_points() -> None:
    commas = lint(_semicolon(_form("360,00", "350,00")), _AMOUNT_RULES)
    points = lint(_semicolon(_form("360.00", "350.00")), _AMOUNT_RULES)
    assert [f.rule for f in commas] == ["row-sum-mismatch"]
    assert [(f.rule, f.severity, f.line) for f in commas] == [
        (f.rule, f.severity, f.line) for f in points
    ]
    assert "10.00" in commas[0].message


def test_a_list_in_yuan_with_decimal_commas_is_converted_as_ever() -> None:
    rows = _decimal_commas(LIST)
    assert rows[3][2] == "1200000,00"
    document, dotted = _semicolon(rows), _semicolon(LIST)
    (first, *_) = document.projects
    assert first.amounts.total is not None
    assert (first.amounts.total.value, first.amounts.total.unit) == (Decimal("120"), "元")
    assert [p.amounts.value("total") for p in document.projects] == [
        p.amounts.value("total") for p in dotted.projects
    ]
    assert _amount_findings(document) == _amount_findings(dotted)


def test_a_guangzhou_table_with_decimal_commas() -> None:
    rows = _decimal_commas(GZ_ROWS)
    assert "1000,00" in rows[-2]
    semi = load_text(saved_csv(rows, ";"), "gz.csv")
    dotted = load_text(saved_csv(GZ_ROWS, ";"), "gz.csv")
    assert [(p.amounts.value("total"), p.amounts.value("fiscal")) for p in semi.projects] == [
        (p.amounts.value("total"), p.amounts.value("fiscal")) for p in dotted.projects
    ]
    assert _amount_findings(semi) == _amount_findings(dotted)


def test_a_cell_with_three_digits_after_its_comma_keeps_its_reading() -> None:
    """``1,250`` in a file of decimal commas is not 1.250: it is read, and
    reported, as in any file."""
    document = _semicolon(_form("360,00", "1,250"))
    (project,) = document.projects
    assert project.amounts.value("total") == Decimal("360.00")
    assert project.amounts.value("fiscal") == Decimal("1250")
    alone = _semicolon(_form("360.00", "1,250"))  # the same cell in a file of dots
    fiscal = [f for f in lint(document, _AMOUNT_RULES) if f.excerpt == "1,250"]
    same = [f for f in lint(alone, _AMOUNT_RULES) if f.excerpt == "1,250"]
    assert fiscal
    assert [(f.rule, f.message) for f in fiscal] == [(f.rule, f.message) for f in same]


def test_a_file_that_writes_a_decimal_point_reads_no_decimal_comma() -> None:
    """Near miss: one amount with a dot, and the file writes decimal
    points; ``360,00`` there is a misplaced separator, as before."""
    document = _semicolon(_form("360,00", "360.00"))
    (project,) = document.projects
    assert project.amounts.value("total") is None
    messages = [f.message for f in lint(document, ["amount-format"])]
    assert any("千位分隔符" in message for message in messages)


def test_a_comma_separated_csv_never_reads_decimal_commas() -> None:
    """Near miss: in a ``,`` CSV the comma in a cell is a thousands separator
    whatever the other cells write."""
    document = load_text(as_csv(_form("360,00", "360,00")), "national.csv")
    (project,) = document.projects
    assert project.amounts.value("total") is None
    assert project.amounts.total is not None and not project.amounts.total.decimal_comma
    assert {f.rule for f in lint(document, ["amount-format"])} == {"amount-format"}


def test_one_or_three_decimals_after_a_comma_are_no_decimal_comma() -> None:
    """Near miss: ``360,0`` or ``360,000`` is no amount written to the cent."""
    for written in ("360,0", "360,000"):
        document = _semicolon(_form(written, written))
        (project,) = document.projects
        assert project.amounts.total is not None and not project.amounts.total.decimal_comma


_CENTS = st.decimals(
    min_value=Decimal("0.00"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@settings(max_examples=40, deadline=None)
@given(amount=_CENTS)
def test_any_amount_to_the_cent_reads_alike_with_a_decimal_comma_or_point(
    amount: Decimal,
) -> None:
    point = f"{amount:.2f}"
    comma = point.replace(".", ",")
    with_comma = _semicolon(_form(comma, comma)).projects[0].amounts
    with_point = _semicolon(_form(point, point)).projects[0].amounts
    with_separators = load_text(as_csv(_form(f"{amount:,.2f}", point)), "national.csv")
    assert with_comma.value("total") == with_point.value("total") == amount
    assert with_comma.value("fiscal") == amount
    assert with_separators.projects[0].amounts.value("total") == amount


@settings(max_examples=40, deadline=None)
@given(amounts=st.lists(_CENTS, min_size=2, max_size=2))
def test_the_file_decides_not_the_cell(amounts: list[Decimal]) -> None:
    """Any one cell written with a dot makes every comma of the file no
    decimal comma; with none, every comma with two digits after it is one."""
    total, fiscal = (f"{amount:.2f}" for amount in amounts)
    commas = _semicolon(_form(total.replace(".", ","), fiscal.replace(".", ",")))
    mixed = _semicolon(_form(total.replace(".", ","), fiscal))
    assert commas.projects[0].amounts.value("total") == amounts[0]
    assert commas.projects[0].amounts.value("fiscal") == amounts[1]
    assert mixed.projects[0].amounts.value("total") is None
    assert mixed.projects[0].amounts.value("fiscal") == amounts[1]
