"""``pdftotext -raw`` text of a Guangzhou table with a 上年结转 column.

Blank cells leave no trace in such text: a row printing three amounts under
five columns (总计, 财政拨款, 财政专户拨款, 其他资金, 上年结转) may hold its third in
其他资金 or in 上年结转. The reader places them so that each unit's subtotal is
the sum of its projects in every column, and 合计 the sum of the units."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.readers.table import PLACEMENT_MANY, PLACEMENT_NONE
from tests.conftest import document, lint, run_main
from tests.excerpts import CLEAN

_COLUMNS = ("total", "fiscal", "special", "other", "carryover")
_GOAL = "实施道路桥梁养护，完成年度建设和管理任务，完善区域交通基础设施网络，提升道路通行效率。"

Amounts = dict[str, Decimal]


def _printed(value: Decimal) -> str:
    return f"{value:,.2f}"


def _amounts(values: Amounts, columns: tuple[str, ...]) -> str:
    """The printed amounts of a row: its filled cells, blanks leaving no trace."""
    return " ".join(_printed(values[c]) for c in columns if values.get(c) is not None)


def _sum(rows: list[Amounts], columns: tuple[str, ...]) -> Amounts:
    sums: Amounts = {}
    for column in columns:
        filled = [row[column] for row in rows if row.get(column) is not None]
        if filled:
            sums[column] = sum(filled, Decimal(0))
    return sums


def _raw(
    units: list[tuple[str, list[tuple[str, Amounts]]]],
    carryover: bool = True,
    subtotals: dict[str, Amounts] | None = None,
) -> str:
    """The table as ``pdftotext -raw`` gives it: the header's wrapped cells
    on lines of their own, each row's amounts after its name, its goal after
    them and its indicator cell wrapped below."""
    columns = _COLUMNS if carryover else _COLUMNS[:4]
    subtotals = subtotals or {}
    lines = [
        "广州市黄埔区交通运输局2026年项目支出绩效目标表（含转移支付项目）",
        "部门名称：广州市黄埔区交通运输局",
        "单位：万元",
        "项目名称（资金使用单位） 总计 财政拨款 财政专户",
        "拨款",
        "其他资",
        "金",
        *(["上年结", "转"] if carryover else []),
        "绩效目标 绩效指标",
    ]
    unit_sums = {
        name: subtotals.get(name) or _sum([a for _, a in projects], columns)
        for name, projects in units
    }
    total = subtotals.get("合计") or _sum(list(unit_sums.values()), columns)
    lines.append(f"合计 {_amounts(total, columns)}")
    for name, projects in units:
        lines.append(f"{name} {_amounts(unit_sums[name], columns)}")
        for project, values in projects:
            lines.append(f"{project} {_amounts(values, columns)} {_GOAL[:24]}")
            lines.append(_GOAL[24:])
            lines.extend(CLEAN[i : i + 40] for i in range(0, len(CLEAN), 40))
    return "\n".join(lines) + "\n"


def _d(*values: str | None) -> Amounts:
    return {c: Decimal(v) for c, v in zip(_COLUMNS, values, strict=False) if v is not None}


# The sweep's table, reduced: a unit's 其他资金 and 上年结转 both filled, each
# project printing three amounts.
_REPRO = [
    (
        "广州市黄埔区交通运输局",
        [
            ("主干道改造工程", _d("800.00", "600.00", None, None, "200.00")),
            ("道路桥梁养护经费", _d("500.00", "400.00", None, "100.00", None)),
        ],
    )
]


def _read(text: str) -> list[tuple[str, Amounts]]:
    doc = document(text, "table.raw.txt")
    assert doc.layout == "pdf-text"
    rows: list[tuple[str, Amounts]] = []
    for unit in doc.units:
        rows.append((unit.name.value, _values(unit.amounts)))
        rows.extend((p.name.value, _values(p.amounts)) for p in unit.projects)
    return rows


def _values(amounts: object) -> Amounts:
    found: Amounts = {}
    for column in _COLUMNS:
        amount = getattr(amounts, column)
        if amount is not None and amount.value is not None:
            found[column] = amount.value
    return found


def test_the_amounts_go_to_the_columns_the_subtotal_tells() -> None:
    text = _raw(_REPRO)
    assert "主干道改造工程 800.00 600.00 200.00 " in text  # three amounts, blanks gone
    rows = dict(_read(text))
    assert rows["主干道改造工程"] == _d("800.00", "600.00", None, None, "200.00")
    assert rows["道路桥梁养护经费"] == _d("500.00", "400.00", None, "100.00", None)
    assert rows["广州市黄埔区交通运输局"] == _d("1300.00", "1000.00", None, "100.00", "200.00")
    assert lint(text, ["subtotal-mismatch", "total-mismatch"]) == []
    doc = document(text, "table.raw.txt")
    assert doc.total is not None
    assert _values(doc.total.amounts) == _d("1300.00", "1000.00", None, "100.00", "200.00")


def test_two_units_and_the_total_of_the_sweep_table() -> None:
    units = [
        (
            "广州市黄埔区交通运输局",
            [
                ("主干道改造工程", _d("976.15", "790.74", None, None, "185.41")),
                ("公交候车亭建设项目（2026-2028年）", _d("2191.73", "2191.73")),
                ("智能交通信号系统升级", _d("1740.18", "1584.74", None, "155.44")),
                ("公共停车场建设项目", _d("137.37", "116.72", None, None, "20.65")),
            ],
        ),
        (
            "广州市黄埔区交通设施建设管理中心",
            [
                ("慢行系统建设项目", _d("1881.72", "1525.65", None, "270.96", "85.11")),
                ("客运站场维护经费", _d("905.15", "900.71", None, None, "4.44")),
                ("交通拥堵治理经费（2026-2028年）", _d("1901.56", "1613.27", None, "288.29")),
            ],
        ),
    ]
    text = _raw(units)
    read = dict(_read(text))
    for _, projects in units:
        for name, values in projects:
            assert read[name] == values, name
    assert lint(text, ["subtotal-mismatch", "total-mismatch"]) == []


def test_a_subtotal_truly_off_keeps_its_error_in_its_column() -> None:
    """其他资金 typed 90.00 for 100.00: the placement that fits every other
    column is taken, and the one column off is reported, as the workbook's."""
    off = _d("1300.00", "1000.00", None, "90.00", "200.00")
    text = _raw(_REPRO, subtotals={"广州市黄埔区交通运输局": off})
    found = lint(text, ["subtotal-mismatch", "total-mismatch"])
    assert [(f.rule, f.line) for f in found] == [("subtotal-mismatch", 12)]
    assert "其他资金" in found[0].message and "90.00" in found[0].message
    rows = dict(_read(text))
    assert rows["主干道改造工程"] == _d("800.00", "600.00", None, None, "200.00")


def test_a_typo_in_a_source_and_the_total_is_reported_in_both() -> None:
    off = _d("1310.00", "1010.00", None, "100.00", "200.00")
    text = _raw(_REPRO, subtotals={"广州市黄埔区交通运输局": off})
    found = lint(text, ["subtotal-mismatch"])
    assert sorted(f.message[:8] for f in found) == ["小计（总计）1,", "小计（财政拨款）"]


def test_a_subtotal_off_everywhere_is_read_in_the_fill_order_with_a_note() -> None:
    off = _d("1999.00", "1111.00", None, "333.00", "555.00")
    text = _raw(_REPRO, subtotals={"广州市黄埔区交通运输局": off})
    assert lint(text, ["subtotal-mismatch"])
    status, _, err = run_main("lint", "--no-cache", "--lang", "en", "-", stdin=text.encode())
    assert status == 1
    assert f"line 12: {PLACEMENT_NONE}" in err
    rows = dict(_read(text))
    assert rows["主干道改造工程"] == _d("800.00", "600.00", None, "200.00")  # the fill order


def test_two_placements_that_both_fit_are_not_guessed() -> None:
    """150.00 of one project's and 150.00 of the other's: either may be the
    其他资金 and the other the 上年结转; the fill order reads both, and a note
    says the placement could not be told."""
    units = [
        (
            "广州市黄埔区交通运输局",
            [
                ("主干道改造工程", _d("800.00", "650.00", None, "150.00")),
                ("道路桥梁养护经费", _d("500.00", "350.00", None, None, "150.00")),
            ],
        )
    ]
    text = _raw(units)
    read = dict(_read(text))
    assert read["主干道改造工程"] == _d("800.00", "650.00", None, "150.00")
    assert read["道路桥梁养护经费"] == _d("500.00", "350.00", None, "150.00")  # the fill order
    _, _, err = run_main("lint", "--no-cache", "--lang", "en", "-", stdin=text.encode())
    assert f"line 12: {PLACEMENT_MANY}" in err


def test_a_placement_told_by_one_project_alone() -> None:
    """The near miss of the test above: the amounts differ, one placement fits."""
    units = [
        (
            "广州市黄埔区交通运输局",
            [
                ("主干道改造工程", _d("800.00", "650.00", None, "150.00")),
                ("道路桥梁养护经费", _d("500.00", "340.00", None, None, "160.00")),
            ],
        )
    ]
    text = _raw(units)
    read = dict(_read(text))
    assert read["道路桥梁养护经费"] == _d("500.00", "340.00", None, None, "160.00")
    _, _, err = run_main("lint", "--no-cache", "--lang", "en", "-", stdin=text.encode())
    assert "placement" not in err


def test_units_that_fit_two_ways_are_told_by_the_total() -> None:
    """One unit with 其他资金 only, another with 上年结转 only: each unit alone
    fits either way (its subtotal and its project alike); 合计, holding both,
    tells which."""
    units = [
        ("广州市黄埔区交通运输局", [("主干道改造工程", _d("800.00", "600.00", None, "200.00"))]),
        (
            "广州市黄埔区交通设施建设管理中心",
            [("道路桥梁养护经费", _d("500.00", "400.00", None, None, "100.00"))],
        ),
    ]
    text = _raw(units)
    read = dict(_read(text))
    assert read["主干道改造工程"] == _d("800.00", "600.00", None, "200.00")
    assert read["道路桥梁养护经费"] == _d("500.00", "400.00", None, None, "100.00")
    assert read["广州市黄埔区交通设施建设管理中心"] == _d("500.00", "400.00", None, None, "100.00")
    assert lint(text, ["subtotal-mismatch", "total-mismatch"]) == []
    _, _, err = run_main("lint", "--no-cache", "--lang", "en", "-", stdin=text.encode())
    assert "placement" not in err


def test_a_table_without_the_column_reads_in_the_fill_order() -> None:
    units = [
        (
            "广州市黄埔区交通运输局",
            [
                ("主干道改造工程", _d("800.00", "600.00", None, "200.00")),
                ("道路桥梁养护经费", _d("500.00", "400.00", "100.00")),
            ],
        )
    ]
    text = _raw(units, carryover=False)
    read = dict(_read(text))
    assert read["主干道改造工程"] == _d("800.00", "600.00", None, "200.00")
    # 财政专户拨款 filled alone is read as 其他资金, as before: the fill order's fact.
    assert read["道路桥梁养护经费"] == _d("500.00", "400.00", None, "100.00")


def test_many_rows_of_equal_amounts_end_in_a_note() -> None:
    """Forty projects whose third amounts are all 10.00, half of them 上年结转:
    the placements that fit are many; the search stops and says so."""
    projects = [
        (
            f"道路养护经费{i:02d}",
            _d("30.00", "20.00", None, *(("10.00",) if i % 2 else (None, "10.00"))),
        )
        for i in range(40)
    ]
    text = _raw([("广州市黄埔区交通运输局", projects)])
    _, _, err = run_main("lint", "--no-cache", "--lang", "en", "-", stdin=text.encode())
    assert "line 12: " in err and "placement" in err


_THIRD = st.sampled_from(["other", "carryover", None])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.tuples(st.integers(100, 90000), st.integers(0, 90000), _THIRD, st.booleans()),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_every_placement_is_the_true_one_or_noted(units_drawn: list[list[tuple]]) -> None:
    """Tables of projects with 财政拨款 and one or two of 其他资金 and 上年结转:
    each row is read as written, or in the fill order where that adds up as
    well as the truth (nothing tells them apart), or a note says its unit's
    rows could not be placed; no subtotal is reported off unless noted."""
    units = []
    for u, drawn in enumerate(units_drawn):
        projects = []
        for p, (fiscal, extra, third, both) in enumerate(drawn):
            values = {"fiscal": Decimal(fiscal) / 100}
            if third is not None and extra >= 100:
                values[third] = Decimal(extra) / 100
                if both:
                    values["other" if third == "carryover" else "carryover"] = Decimal("7.00")
            values["total"] = sum(values.values(), Decimal(0))
            projects.append((f"道路养护经费{u}{p:02d}", values))
        units.append((f"广州市黄埔区第{u + 1}交通运输管理所", projects))
    text = _raw(units)
    _, _, err = run_main("lint", "--no-cache", "--lang", "en", "-", stdin=text.encode())
    read = dict(_read(text))
    for _, projects in units:
        for name, values in projects:
            printed = [values[c] for c in _COLUMNS if c in values]
            assert [read[name][c] for c in _COLUMNS if c in read[name]] == printed
            assert read[name] in (values, _fill_order(printed)) or "placement" in err
    if "placement" not in err:
        assert lint(text, ["subtotal-mismatch", "total-mismatch"]) == []


def _fill_order(printed: list[Decimal]) -> Amounts:
    """The columns the fill order gives ``printed`` amounts."""
    order = ("total", "fiscal", "other", "carryover", "special")[: len(printed)]
    return dict(zip([c for c in _COLUMNS if c in order], printed, strict=True))
