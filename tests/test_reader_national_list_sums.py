"""The national list's rows of sums: the 合计 row (in any of the first
columns: 序号, 单位名称 or 项目名称) and a unit's subtotal row (its name with
amounts and no project, or 小计 above or below its projects) are read as
the Guangzhou table's are, so that ``subtotal-mismatch``, ``total-mismatch``
and ``rounding-difference`` check them in every carrier, with the same
rounding bands; a project whose name only begins with 合计 stays a project."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from audit.model import Document
from audit.parsing import parse_document
from audit.readers.grid import GridInput, grid_source
from audit.readers.national import document_from_grids
from tests.conftest import lint
from tests.national import (
    LIST,
    csv_document,
    docx_document,
    html_document,
    pdf_document,
    sheet_document,
    tsv_document,
    workbook_document,
)

Rows = list[list[str]]

_AMOUNT_RULES = {"subtotal-mismatch", "total-mismatch", "rounding-difference"}

HEADER = [
    "单位名称",
    "项目名称",
    "预算数（万元）",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "权重",
]
WIDTH = len(HEADER)


def _row(*cells: str) -> list[str]:
    return [*cells, *[""] * (WIDTH - len(cells))]


def _project(unit: str, name: str, amount: str, goal: str) -> Rows:
    """A project of a 江苏 list in 万元: its columns on its first row only."""
    return [
        _row(unit, name, amount, goal, "产出指标", "数量指标", "资助学生人次", "≥6500人次", "30"),
        _row("", "", "", "", "", "质量指标", "资助对象认定准确率", "100%", "20"),
        _row(
            "", "", "", "", "效益指标", "社会效益指标", "家庭经济困难学生应助尽助", "全面落实", "30"
        ),
        _row("", "", "", "", "满意度指标", "服务对象满意度指标", "学生家长满意度", "≥92%", "20"),
    ]


EDUCATION = "江苏省某市教育局"
SCHOOL = "江苏省某市第一中学"
AID = _project(
    EDUCATION,
    "家庭经济困难学生资助",
    "850.00",
    "落实学前到高中家庭经济困难学生资助政策，做到应助尽助，确保资金按时足额发放到位。",
)
REPAIR = _project(
    EDUCATION,
    "中小学校舍维修改造",
    "1,420.00",
    "对存在安全隐患的校舍进行维修改造，消除安全隐患，保障在校师生安全，按期完成验收。",
)
CANTEEN = _project(
    SCHOOL,
    "校园食堂明厨亮灶改造",
    "198.00",
    "完成学校食堂明厨亮灶改造，提升食品安全管理水平，保障师生饮食安全。",
)
HEAD = [
    _row("2023年项目支出绩效目标表"),
    _row("单位名称：江苏省某市教育局", "", "", "", "", "", "", "金额单位：万元"),
    HEADER,
]


def _list(*blocks: Rows) -> Rows:
    return [list(row) for block in (HEAD, *blocks) for row in block]


def amount_findings(document: Document) -> list[tuple[str, str, int]]:
    """(rule, severity, line) of each amount-sum finding."""
    return sorted(
        (f.rule, str(f.severity), f.line or 0) for f in lint(document) if f.rule in _AMOUNT_RULES
    )


def shape(document: Document) -> tuple[list[tuple[str, list[str]]], str | None]:
    """The units with their projects, and the 合计's name."""
    units = [(u.name.value, [p.title for p in u.projects]) for u in document.units]
    return units, None if document.total is None else document.total.name.value


# --------------------------------------------------------------------------
# The 合计 row


@pytest.mark.parametrize("column", [0, 1], ids=["unit-column", "project-column"])
@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("3,270.00", [("total-mismatch", "error", 4)]),
        ("2,270.01", [("rounding-difference", "info", 4)]),
        ("2,270.00", []),
    ],
    ids=["off-by-1000", "off-by-rounding", "right"],
)
def test_a_total_row_is_summed(column: int, printed: str, expected: list[object]) -> None:
    total = _row()
    total[column], total[2] = "合计", printed
    document = csv_document(_list([total], AID, REPAIR))
    assert amount_findings(document) == expected
    assert shape(document) == (
        [(EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"])],
        "合计",
    )


def test_a_total_in_the_project_column_is_no_project() -> None:
    total = _row("", "合计", "3,270.00")
    findings = lint(csv_document(_list([total], AID, REPAIR)))
    assert not [f for f in findings if f.rule == "missing-goal"]
    assert [f.rule for f in findings if f.rule == "total-mismatch"] == ["total-mismatch"]


@pytest.mark.parametrize("word", ["合计", "总计", "合 计", "合计：", "小计", "汇总", "总合计"])
def test_words_of_the_total(word: str) -> None:
    # Without a 单位名称 column a 小计 has no unit to name: it sums the list.
    rows = _without_unit_column(_list(AID, REPAIR))
    total = ["" for _ in rows[2]]
    total[0], total[1] = word, "3,270.00"
    document = csv_document([*rows[:3], total, *rows[3:]])
    assert amount_findings(document) == [("total-mismatch", "error", 4)]


def test_a_total_under_a_number_column() -> None:
    # 序号 | 单位名称 | 项目名称 | …: the 合计 stands under 序号 (a 江苏 list).
    rows = [[("序号" if index == 2 else ""), *row] for index, row in enumerate(_list(AID, REPAIR))]
    rows[3][0], rows[7][0] = "1", "2"
    total = ["合计", "", "", "3,270.00", *[""] * (WIDTH - 3)]
    document = csv_document([*rows[:3], total, *rows[3:]])
    assert amount_findings(document) == [("total-mismatch", "error", 4)]


def test_a_total_at_the_foot_of_the_list() -> None:
    document = csv_document(_list(AID, REPAIR, [_row("合计", "", "3,270.00")]))
    assert amount_findings(document) == [("total-mismatch", "error", 12)]
    assert shape(document)[1] == "合计"


@pytest.mark.parametrize(
    "printed, expected", [("2,270.00", []), ("3,270.00", [("total-mismatch", "error", 12)])]
)
def test_the_total_row_a_spreadsheet_table_adds(printed: str, expected: list[object]) -> None:
    """Excel's 汇总 row under a sheet's table, in the 单位名称 column: the
    list's total (right, or off), never a unit without projects."""
    document = csv_document(_list(AID, REPAIR, [_row("汇总", "", printed)]))
    assert amount_findings(document) == expected


@pytest.mark.parametrize(
    "name",
    ["合计划生育服务", "总计量器具检定", "小计量器具强制检定", "合计（试点）项目"],
)
def test_a_project_named_with_a_sum_word_stays_a_project(name: str) -> None:
    rows = _list(AID, REPAIR)
    rows[7][1] = name
    document = csv_document(rows)
    assert shape(document) == ([(EDUCATION, ["家庭经济困难学生资助", name])], None)
    assert amount_findings(document) == []


def test_a_list_without_a_total_row_has_no_sum_to_check() -> None:
    document = csv_document(_list(AID, REPAIR, CANTEEN))
    assert shape(document) == (
        [
            (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
            (SCHOOL, ["校园食堂明厨亮灶改造"]),
        ],
        None,
    )
    assert amount_findings(document) == []


def test_a_weights_total_is_still_the_weights_total() -> None:
    # 合计 | … | 100 under a project, in 权重 only: the total of its weights.
    rows = _list(AID, [_row("", "合计", "", "", "", "", "", "", "100")], REPAIR)
    document = csv_document(rows)
    assert shape(document) == ([(EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"])], None)
    assert document.projects[0].cells[-1].is_total


# --------------------------------------------------------------------------
# A unit's subtotal


def test_a_unit_named_with_amounts_is_its_subtotal() -> None:
    rows = _list([_row(EDUCATION, "", "3,270.00")], AID, REPAIR)
    document = csv_document(rows)
    assert amount_findings(document) == [("subtotal-mismatch", "error", 4)]
    (unit,) = document.units
    assert not unit.implicit and unit.amounts.value("total") == Decimal("3270.00")


def test_units_with_subtotals_under_a_total() -> None:
    rows = _list(
        [_row("合计", "", "2,468.00")],
        [_row(EDUCATION, "", "2,270.00")],
        AID,
        REPAIR,
        [_row(SCHOOL, "", "198.00")],
        CANTEEN,
    )
    document = csv_document(rows)
    assert amount_findings(document) == []
    assert shape(document) == (
        [
            (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
            (SCHOOL, ["校园食堂明厨亮灶改造"]),
        ],
        "合计",
    )
    # A subtotal off by 1,000 is the unit's mismatch, and the 合计 (the sum
    # of the subtotals as printed) is then off as well.
    rows[4][2] = "3,270.00"
    assert amount_findings(csv_document(rows)) == [
        ("subtotal-mismatch", "error", 5),
        ("total-mismatch", "error", 4),
    ]


@pytest.mark.parametrize("where", ["unit-column", "project-column"])
def test_a_subtotal_below_each_unit(where: str) -> None:
    def subtotal(unit: str, printed: str) -> list[str]:
        return (
            _row(unit, "小计", printed) if where == "project-column" else _row("小计", "", printed)
        )

    rows = _list(
        AID, REPAIR, [subtotal(EDUCATION, "2,270.00")], CANTEEN, [subtotal(SCHOOL, "198.01")]
    )
    document = csv_document(rows)
    assert shape(document)[0] == [
        (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
        (SCHOOL, ["校园食堂明厨亮灶改造"]),
    ]
    # One project: its subtotal is a copy of it, and no gap is rounding.
    assert amount_findings(document) == [("subtotal-mismatch", "error", 17)]


def test_a_total_beside_a_unit_name_is_its_subtotal() -> None:
    rows = _list(
        [_row(EDUCATION, "合计", "2,270.00")], AID, REPAIR, [_row(SCHOOL, "合计", "98.00")]
    )
    rows += CANTEEN
    document = csv_document(rows)
    assert shape(document) == (
        [
            (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
            (SCHOOL, ["校园食堂明厨亮灶改造"]),
        ],
        None,
    )
    assert amount_findings(document) == [("subtotal-mismatch", "error", 13)]


def test_a_total_spread_over_the_first_columns() -> None:
    # 合计 written in 单位名称 and 项目名称 alike (a merged range as text gives it).
    document = csv_document(_list([_row("合计", "合计", "3,270.00")], AID, REPAIR))
    assert shape(document) == (
        [(EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"])],
        "合计",
    )
    assert amount_findings(document) == [("total-mismatch", "error", 4)]


def test_a_subtotal_above_each_unit_without_its_name() -> None:
    rows = _list([_row("小计", "", "2,270.00")], AID, REPAIR, [_row("小计", "", "298.00")], CANTEEN)
    document = csv_document(rows)
    assert shape(document)[0] == [
        (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
        (SCHOOL, ["校园食堂明厨亮灶改造"]),
    ]
    assert amount_findings(document) == [("subtotal-mismatch", "error", 13)]


def _without_unit_column(rows: Rows) -> Rows:
    """The list without its 单位名称 column (the title rows kept)."""
    return [row[:1] + row[2:] if index < 2 else row[1:] for index, row in enumerate(rows)]


def test_units_named_in_the_project_column() -> None:
    # A list without 单位名称: each unit a row of its own in 项目名称.
    rows = _without_unit_column(
        _list(
            [_row("", EDUCATION, "2,270.00")],
            AID,
            REPAIR,
            [_row("", SCHOOL, "200.00")],
            CANTEEN,
        )
    )
    document = csv_document(rows)
    assert shape(document)[0] == [
        (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
        (SCHOOL, ["校园食堂明厨亮灶改造"]),
    ]
    assert amount_findings(document) == [("subtotal-mismatch", "error", 13)]


@pytest.mark.parametrize(
    ("name", "amount"),
    [("教师培训", "120.00"), ("数字档案馆", "300.00"), ("教师培训", "2,270.00")],
    ids=["plain", "named-like-an-organisation", "adding-up-to-the-projects-below"],
)
def test_a_project_without_goal_nor_indicators_stays_a_project(name: str, amount: str) -> None:
    # Beside the unit's name in 单位名称: a project whose goal and indicators
    # are missing, whatever its name and amount.
    rows = _list([_row(EDUCATION, name, amount)], AID, REPAIR)
    document = csv_document(rows)
    assert shape(document)[0] == [(EDUCATION, [name, "家庭经济困难学生资助", "中小学校舍维修改造"])]
    assert "missing-goal" in {f.rule for f in lint(document)}


def test_a_project_without_goal_nor_indicators_in_a_list_without_units() -> None:
    # Neither the sum of the projects below nor an organisation's name.
    rows = _without_unit_column(_list([_row("", "教师培训", "120.00")], AID, REPAIR))
    document = csv_document(rows)
    assert [p.title for p in document.projects] == [
        "教师培训",
        "家庭经济困难学生资助",
        "中小学校舍维修改造",
    ]
    assert document.units[0].implicit
    assert "missing-goal" in {f.rule for f in lint(document)}


def test_a_project_at_the_foot_of_a_page_keeps_the_indicators_on_the_next() -> None:
    # Page 1 ends with a project's row (its goal left blank, its name that of
    # a building); its indicators follow under the header on page 2.
    pages = [
        GridInput("第1页", _list(AID, [_row(EDUCATION, "数字档案馆", "300.00")])),
        GridInput("第2页", [list(HEADER), *[list(row) for row in REPAIR[1:]]]),
    ]
    source, grids = grid_source("national.pdf", "pdf", pages)
    found = document_from_grids(source, grids)
    assert found is not None
    document = parse_document(found)
    assert shape(document)[0] == [(EDUCATION, ["家庭经济困难学生资助", "数字档案馆"])]
    assert len(document.projects[1].clauses) == 3


def test_an_empty_row_inside_a_merged_project_is_no_subtotal() -> None:
    # A sheet that writes 单位名称 and 预算数 on every row, 项目名称 merged
    # down: a template row left empty at the project's foot is the project's.
    rows = _list(AID, [_row(EDUCATION, "", "850.00", "", "", "", "", "", "")], REPAIR)
    for row in rows[4:7]:
        row[2] = "850.00"
    document = sheet_document(rows, [(3, 1, 7, 1)])
    assert shape(document) == ([(EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"])], None)
    assert document.units[0].implicit and amount_findings(document) == []


def test_a_project_without_a_goal_keeps_its_indicators() -> None:
    rows = _list(AID, REPAIR)
    rows[7][3] = ""
    document = csv_document(rows)
    assert shape(document)[0] == [(EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"])]
    assert len(document.projects[1].clauses) == 4


# --------------------------------------------------------------------------
# A list in 元, and the carriers


def _yuan_list(total: str) -> Rows:
    """The list of ``tests/national.py`` (in 元) with a 合计 under its header."""
    rows = [list(row) for row in LIST]
    row = [""] * len(rows[2])
    row[0], row[2] = "合计", total
    return [*rows[:3], row, *rows[3:]]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("1,950,000.50", []),
        ("1,950,000.51", [("rounding-difference", "info", 4)]),
        ("1,960,000.50", [("total-mismatch", "error", 4)]),
    ],
    ids=["right", "off-by-one-fen", "off-by-10000-yuan"],
)
def test_a_total_in_yuan(printed: str, expected: list[object]) -> None:
    document = tsv_document(_yuan_list(printed))
    assert amount_findings(document) == expected


def test_the_total_in_yuan_is_reported_in_yuan() -> None:
    (finding,) = [
        f for f in lint(tsv_document(_yuan_list("1,960,000.50"))) if f.rule in _AMOUNT_RULES
    ]
    assert "1,960,000.50" in finding.message and "10,000.00" in finding.message


def _merges(rows: Rows) -> list[tuple[int, int, int, int]]:
    """Each project's columns (单位名称 … 年度目标) merged down over its
    indicator rows, as a workbook or a PDF prints them."""
    merges = []
    for start, row in enumerate(rows):
        if start < 3 or not (row[1] and row[3]):
            continue
        end = start
        while end + 1 < len(rows) and not any(rows[end + 1][:4]) and rows[end + 1][6]:
            end += 1
        merges.extend((start, column, end, column) for column in range(4))
    return merges


@pytest.mark.parametrize("carrier", ["xlsx", "pdf", "html", "docx"])
def test_sums_in_every_carrier(carrier: str, tmp_path: Path) -> None:
    rows = _list(
        [_row("合计", "", "3,468.00")],
        [_row(EDUCATION, "", "2,270.01")],
        AID,
        REPAIR,
        [_row(SCHOOL, "", "198.00")],
        CANTEEN,
    )
    merges = _merges(rows)
    read = {
        "xlsx": workbook_document,
        "pdf": pdf_document,
        "html": html_document,
        "docx": docx_document,
    }[carrier]
    document = read(rows, merges, tmp_path)
    assert shape(document)[0] == [
        (EDUCATION, ["家庭经济困难学生资助", "中小学校舍维修改造"]),
        (SCHOOL, ["校园食堂明厨亮灶改造"]),
    ]
    assert [(rule, severity) for rule, severity, _ in amount_findings(document)] == [
        ("rounding-difference", "info"),
        ("total-mismatch", "error"),
    ]


# --------------------------------------------------------------------------
# Property: any list of projects under a 合计


_CENTS = st.integers(min_value=1, max_value=99_999_999)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CENTS, min_size=1, max_size=6), st.integers(min_value=-500_000, max_value=500_000))
def test_random_totals(cents: list[int], gap: int) -> None:
    blocks = [
        _project(EDUCATION, f"项目{index}", f"{Decimal(c) / 100:,.2f}", "完成年度任务。")
        for index, c in enumerate(cents)
    ]
    printed = sum(cents) + gap
    assume(printed > 0)
    document = csv_document(_list([_row("合计", "", f"{Decimal(printed) / 100:,.2f}")], *blocks))
    found = amount_findings(document)
    assert [p.title for p in document.projects] == [f"项目{i}" for i in range(len(cents))]
    if gap == 0:
        assert found == []
    elif abs(gap) >= 100:  # off by a 万元 or more: never rounding
        assert found == [("total-mismatch", "error", 4)]
    else:
        assert len(found) == 1 and found[0][0] in _AMOUNT_RULES


_PLACES = ("above-by-name", "above-by-name-and-word", "below-by-word", "above-by-word")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.lists(_CENTS, min_size=1, max_size=3), st.booleans()),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(_PLACES),
)
def test_random_subtotals(units: list[tuple[list[int], bool]], place: str) -> None:
    rows = [list(row) for row in HEAD]
    printed_subtotals = 0
    wrong_lines = []
    expected = []
    for number, (cents, wrong) in enumerate(units):
        unit = f"江苏省某市第{number + 1}中学"
        printed = sum(cents) + (100_000 if wrong else 0)  # off by 1,000 万元
        printed_subtotals += printed
        text = f"{Decimal(printed) / 100:,.2f}"
        subtotal = {
            "above-by-name": _row(unit, "", text),
            "above-by-name-and-word": _row(unit, "小计", text),
            "below-by-word": _row("小计", "", text),
            "above-by-word": _row("小计", "", text),
        }[place]
        names = [f"项目{number}-{index}" for index in range(len(cents))]
        block = [
            row
            for name, c in zip(names, cents, strict=True)
            for row in _project(unit, name, f"{Decimal(c) / 100:,.2f}", "完成年度任务。")
        ]
        if place.startswith("below"):
            rows += [*block, subtotal]
            at = len(rows)
        else:
            rows += [subtotal, *block]
            at = len(rows) - len(block)
        if wrong:
            wrong_lines.append(at + 1)  # the 合计 row goes in above
        expected.append((unit, names))
    total = _row("合计", "", f"{Decimal(printed_subtotals) / 100:,.2f}")
    document = csv_document([*rows[:3], total, *rows[3:]])
    assert shape(document) == (expected, "合计")
    found = amount_findings(document)
    assert [line for rule, _, line in found if rule == "subtotal-mismatch"] == wrong_lines
    assert not [rule for rule, _, _ in found if rule == "total-mismatch"]
