"""A Guangzhou-layout table from elsewhere whose header names the amount
columns short (``项目名称 | 合计 | 财政拨款 | 财政专户 | 其他 | 绩效目标 |
绩效指标``): 合计 heads the total's column, 财政专户 and 其他 the special
account's and the other funds', read as 总计, 财政专户拨款 and 其他资金 are.
合计 stays the grand total's row where it begins a row of data."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from audit.pipeline import load_path, load_text
from audit.readers.common import header_columns
from tests.conftest import FIXTURES, lint

_FIXTURE = FIXTURES / "unseen" / "short-amount-heads.tsv"


def test_the_short_heads_read_every_amount() -> None:
    document = load_path(_FIXTURE)
    assert document.total is not None
    assert document.total.amounts.value("total") == Decimal("230.00")
    (unit,) = document.units
    assert unit.name.value == "某区民政局"
    assert [
        (p.name.value, *(p.amounts.value(c) for c in ("total", "fiscal", "special", "other")))
        for p in unit.projects
    ] == [
        (
            "困难群众临时救助",
            Decimal("150.00"),
            Decimal("120.00"),
            Decimal("10.00"),
            Decimal("20.00"),
        ),
        ("社区养老服务补助", Decimal("80.00"), Decimal("60.00"), None, Decimal("20.00")),
    ]
    rules = ["amount-format", "row-sum-mismatch", "subtotal-mismatch", "total-mismatch"]
    assert lint(document, rules) == []


def test_a_row_sum_that_does_not_add_up_is_still_reported() -> None:
    """Near miss: with the columns read, 合计 150.00 against 120.00 + 10.00 +
    10.00 is a row that does not add up."""
    text = _FIXTURE.read_text(encoding="utf-8")
    text = text.replace("\t10.00\t20.00\t及时", "\t10.00\t10.00\t及时")
    findings = lint(load_text(text, "short-amount-heads.tsv"), ["row-sum-mismatch"])
    assert [f.project for f in findings] == ["困难群众临时救助"]


_LONG = {
    "total": "总计",
    "fiscal": "财政拨款",
    "special": "财政专户拨款",
    "other": "其他资金",
}
_SHORT = {"total": "合计", "special": "财政专户", "other": "其他"}


@given(
    st.sets(st.sampled_from(sorted(_SHORT))),
    st.sampled_from(["项目名称", "项目名称（资金使用单位）"]),
)
def test_a_short_head_names_the_column_its_long_name_does(short: set[str], name: str) -> None:
    heads = [_SHORT[key] if key in short else _LONG[key] for key in _LONG]
    columns = header_columns([name, *heads, "绩效目标", "绩效指标"])
    assert columns == {
        "name": 0,
        "total": 1,
        "fiscal": 2,
        "special": 3,
        "other": 4,
        "goal": 5,
        "indicators": 6,
    }
