"""上年结转 (funds carried over from last year) in a Guangzhou-columns table:
read as a fifth amount column, added in 总计's row sum, summed in a unit's
subtotal and in 合计 like the other columns, with the same rounding bands."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.model import Document, Finding
from audit.pipeline import load_path, load_text
from tests.conftest import lint

FIXTURES = Path(__file__).parent / "fixtures"
MARKET = FIXTURES / "amounts" / "002_market_centre.txt"
"""Seed 002's 广州市人力资源市场服务中心: 11 projects adding up to 2,709.63
against a printed subtotal of 2,709.62 (rounding)."""
SUMS = ("row-sum-mismatch", "subtotal-mismatch", "total-mismatch", "rounding-difference")
UNIT = "广州市人力资源市场服务中心"
# Two of its projects, part of their money carried over from last year:
# 232.00 = 200.00 + 32.00 and 200.00 = 180.00 + 20.00.
CARRIED = {"市场中心业务用房物业管理费": "32.00", "市场中心场地维护维修经费": "20.00"}


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def market(
    unit: tuple[str, str, str] = ("2,709.62", "2,657.62", "52.00"),
    total: tuple[str, str, str] | None = None,
    column: str = "上年结转",
    carried: dict[str, str] = CARRIED,
) -> str:
    """The market centre's excerpt with a 上年结转 column after 其他资金: the
    projects of ``carried`` move that much from 财政拨款 into it; the unit row
    prints ``unit`` (总计, 财政拨款, 上年结转), and a 合计 row above it
    ``total`` when given."""
    lines: list[str] = []
    for line in MARKET.read_text(encoding="utf-8").split("\n"):
        cells = line.split("\t")
        if len(cells) < 5:
            lines.append(line)
            continue
        cells.insert(5, "")
        if cells[0].startswith("项目名称"):
            cells[5] = column
        elif cells[0] == UNIT:
            cells[1], cells[2], cells[5] = unit
            if total is not None:
                lines.append("\t".join(["合计", total[0], total[1], "", "", total[2], "", ""]))
        elif cells[0] in carried:
            carry = Decimal(carried[cells[0]])
            cells[2] = _money(Decimal(cells[2].replace(",", "")) - carry)
            cells[5] = carried[cells[0]]
        lines.append("\t".join(cells))
    return "\n".join(lines)


def sums(text: str) -> list[Finding]:
    return lint(load_text(text, "table.txt"), select=SUMS)


def found(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.severity, f.field) for f in findings]


# --------------------------------------------------------------------------
# Reading the column


@pytest.mark.parametrize("column", ["上年结转", "上年结转资金", "结转资金"])
def test_a_carryover_column_is_read(column: str) -> None:
    document = load_text(market(column=column), "table.txt")
    unit = document.units[0]
    assert unit.amounts.value("carryover") == Decimal("52.00")
    carried = {p.title: p.amounts.value("carryover") for p in unit.projects}
    assert carried["市场中心业务用房物业管理费"] == Decimal("32.00")
    assert carried["市场中心市就业补助资金"] is None  # blank: absent, not zero
    assert len(unit.projects) == 11
    assert unit.projects[0].amounts.value("fiscal") == Decimal("200.00")


def test_a_carryover_that_makes_the_sum_is_no_mismatch() -> None:
    """The excerpt as published, its money split between 财政拨款 and
    上年结转: only the subtotals' cent of rounding, as without the column."""
    assert found(sums(market())) == [
        ("rounding-difference", "info", "amount.total"),
        ("rounding-difference", "info", "amount.fiscal"),
    ]


def test_a_table_without_the_column_sums_as_before() -> None:
    """Near miss: the excerpt itself has no 上年结转 and nothing changes."""
    document = load_text(MARKET.read_text(encoding="utf-8"), "table.txt")
    assert all(p.amounts.carryover is None for p in document.projects)
    assert found(sums(MARKET.read_text(encoding="utf-8"))) == [
        ("rounding-difference", "info", "amount.total"),
        ("rounding-difference", "info", "amount.fiscal"),
    ]


def test_a_carryover_that_breaks_a_project_row_is_reported() -> None:
    """232.00 is no longer 200.00 + 32.00 when 上年结转 says 42.00."""
    text = market(carried={**CARRIED, "市场中心业务用房物业管理费": "32.00"})
    text = text.replace("\t200.00\t\t\t32.00\t", "\t200.00\t\t\t42.00\t")
    findings = [f for f in sums(text) if f.rule == "row-sum-mismatch"]
    assert len(findings) == 1
    assert "总计 232.00 不等于财政拨款 + 上年结转 之和 242.00" in findings[0].message


@pytest.mark.parametrize("carrier", ["xlsx", "ods", "html", "docx", "pdf"])
def test_every_carrier_reads_the_carryover_column(carrier: str, tmp_path: Path) -> None:
    """The same table as a workbook (cells typed as numbers), a web page, a
    Word table or a ruled PDF: no false row-sum error for each project that
    carries money over."""
    from scripts import make_examples

    rows = make_examples.rows_from_tsv(market())
    path = tmp_path / f"market.{carrier}"
    if carrier in ("xlsx", "ods"):
        getattr(make_examples, f"write_{carrier}")(path, [("Sheet1", rows, ())])
    else:
        getattr(make_examples, f"write_{carrier}")(path, rows)
    document = load_path(path)
    assert document.units[0].projects[1].amounts.value("carryover") == Decimal("20.00")
    assert document.units[0].amounts.value("carryover") == Decimal("52.00")
    assert [f.rule for f in lint(document, select=SUMS)] == ["rounding-difference"] * 2


def test_a_table_in_yuan_converts_the_carryover_too() -> None:
    """金额单位：元: 上年结转 is read in 万元 exactly, like the other columns, so
    the sums still hold (a carry-over left in 元 would break every row)."""
    text = market().replace("单位：万元", "单位：元")
    document: Document = load_text(text, "table.txt")
    carried = document.units[0].projects[0].amounts.get("carryover")
    assert carried is not None
    assert (carried.value, carried.unit) == (Decimal("0.0032"), "元")
    assert [f.rule for f in sums(text)] == ["rounding-difference"] * 2


# --------------------------------------------------------------------------
# subtotal-mismatch: the unit's 上年结转 against its projects'


def test_a_unit_carryover_that_is_not_its_projects_sum_is_a_mismatch() -> None:
    """The unit prints 62.00 carried over where its projects carry 52.00
    (its 总计 moved with it, so its own row still adds up)."""
    findings = sums(market(unit=("2,719.62", "2,657.62", "62.00")))
    assert ("subtotal-mismatch", "error", "amount.carryover") in found(findings)
    carried = next(f for f in findings if f.field == "amount.carryover")
    assert carried.message == (
        "小计（上年结转）62.00 不等于其 2 个项目之和 52.00：相差 10.00，"
        "超出 2 项舍入误差的上限 0.015，不是舍入造成的，请核对"
    )
    assert carried.excerpt == "62.00"
    assert not any(f.rule == "row-sum-mismatch" for f in findings)


def test_a_cent_of_carryover_over_two_projects_is_rounding() -> None:
    """Near miss: 52.01 against 52.00 over two projects is within 3σ
    (0.015): rounding, never a mismatch."""
    findings = sums(market(unit=("2,709.63", "2,657.62", "52.01")))
    assert ("rounding-difference", "info", "amount.carryover") in found(findings)
    assert not any(f.rule == "subtotal-mismatch" for f in findings)


def test_three_cents_of_carryover_over_two_projects_is_beyond_rounding() -> None:
    """0.03 is beyond the hard bound of two parts (0.015)."""
    findings = sums(market(unit=("2,709.65", "2,657.62", "52.03")))
    assert ("subtotal-mismatch", "error", "amount.carryover") in found(findings)
    assert ("subtotal-mismatch", "error", "amount.total") not in found(findings)


def test_a_blank_unit_carryover_over_projects_that_fill_it_is_a_mismatch() -> None:
    findings = sums(market(unit=("2,709.62", "2,709.62", "")))
    carried = [f for f in findings if f.field == "amount.carryover"]
    assert [(f.rule, f.severity) for f in carried] == [("subtotal-mismatch", "error")]
    assert carried[0].message == "小计（上年结转）为空，但其 2 个项目之和为 52.00：应填写 52.00"


def test_a_unit_carryover_over_projects_that_leave_it_blank_is_a_mismatch() -> None:
    findings = sums(market(carried={}))
    carried = [f for f in findings if f.field == "amount.carryover"]
    assert [(f.rule, f.severity) for f in carried] == [("subtotal-mismatch", "error")]
    assert "下级各行都没有填写上年结转" in carried[0].message


# --------------------------------------------------------------------------
# total-mismatch: 合计's 上年结转 against the units'


def test_a_grand_total_carryover_that_copies_the_unit_is_no_mismatch() -> None:
    text = market(total=("2,709.62", "2,657.62", "52.00"))
    assert not any(f.rule == "total-mismatch" for f in sums(text))


def test_a_grand_total_carryover_off_the_units_is_a_mismatch() -> None:
    findings = sums(market(total=("2,707.62", "2,657.62", "50.00")))
    totals = [(f.field, f.severity) for f in findings if f.rule == "total-mismatch"]
    assert totals == [("amount.total", "error"), ("amount.carryover", "error")]
    carried = next(f for f in findings if f.rule == "total-mismatch" and f.excerpt == "50.00")
    assert "合计（上年结转）50.00" in carried.message and "52.00" in carried.message


# --------------------------------------------------------------------------
# duplicate-project: 上年结转 is one of the amounts compared


def _twice(first: tuple[str, str], second: tuple[str, str]) -> str:
    """The market centre's 物业管理费 entered twice (232.00 in 总计), split
    between 财政拨款 and 上年结转 as given."""
    text = market()
    line = next(x for x in text.split("\n") if x.startswith("市场中心业务用房物业管理费"))
    again = line.replace("\t200.00\t\t\t32.00\t", f"\t{second[0]}\t\t\t{second[1]}\t")
    line_first = line.replace("\t200.00\t\t\t32.00\t", f"\t{first[0]}\t\t\t{first[1]}\t")
    return text.replace(line, f"{line_first}\n{again}")


def test_a_duplicate_that_differs_only_in_its_carryover_has_other_amounts() -> None:
    """The second copy's 上年结转 cell alone differs (30.00, its row no longer
    adding up): the two are not the same entry."""
    findings = lint(_twice(("200.00", "32.00"), ("200.00", "30.00")), select=["duplicate-project"])
    assert [(f.severity, "金额不同" in f.message) for f in findings] == [("warning", True)]


def test_a_duplicate_with_the_same_carryover_has_the_same_amounts() -> None:
    """Near miss: the same split twice is the same project entered twice."""
    findings = lint(_twice(("200.00", "32.00"), ("200.00", "32.00")), select=["duplicate-project"])
    assert [(f.severity, "金额不同" in f.message) for f in findings] == [("error", False)]


def test_markup_in_a_carryover_cell_is_placed_in_the_amounts() -> None:
    """``<p>32.00</p>`` in the 上年结转 cell is residue in an amount, not in
    the 绩效目标 cell beside it."""
    text = market().replace("\t200.00\t\t\t32.00\t", "\t200.00\t\t\t<p>32.00</p>\t")
    findings = lint(text, select=["markup-residue"])
    assert [f.message for f in findings] == ["金额含网页标记残留：<p> </p>"]
    assert lint(market(), select=["markup-residue"]) == []


def test_a_project_with_only_a_carryover_has_amounts_but_no_total() -> None:
    """A project that fills 上年结转 alone has an amount (it was told it had
    none): its 总计 is what is missing."""
    text = market().replace("\t232.00\t200.00\t\t\t32.00\t", "\t\t\t\t\t32.00\t")
    [finding] = lint(text, select=["amount-format"])
    assert finding.message == "总计为空，但上年结转已填写：总计应为各资金来源之和"
    blank = market().replace("\t232.00\t200.00\t\t\t32.00\t", "\t\t\t\t\t\t")
    [finding] = lint(blank, select=["amount-format"])  # near miss: nothing filled
    assert finding.message == "项目没有填写任何金额：应填写总计及资金来源"


def test_parse_json_gives_the_carryover_where_a_row_states_one() -> None:
    from audit.reports.document import document_dict

    units = document_dict(load_text(market(), "market.txt"))["units"]
    projects = {p["name"]: p["amounts"] for p in units[0]["projects"]}
    assert projects["市场中心业务用房物业管理费"]["carryover"] == "32"
    assert units[0]["amounts"]["carryover"] == "52"
    # A project without one has the four columns only, as a table without the column.
    plain = next(a for name, a in projects.items() if name not in CARRIED)
    assert set(plain) == {"total", "fiscal", "special", "other"}
    before = document_dict(load_text(MARKET.read_text(encoding="utf-8"), "market.txt"))
    assert all("carryover" not in p["amounts"] for p in before["units"][0]["projects"])
