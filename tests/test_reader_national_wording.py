"""Wordings of the national template met in provinces' tables: the period
value column under other names (总体目标值, ``2025-2027年指标值``, a plain
指标值 beside 年度指标值), a first column 单位 holding the organisation, an
amount unit stated in one label only, labels with more words (项目名称（全称）,
``项目名称 Project``), the goal labels 中长期目标 / 本年度目标, and a second
header row of English column names. Each is read as a reviewer reads it;
the near misses keep reading as before."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.model import Clause, Document
from audit.pipeline import load_text
from audit.readers import read_path
from tests.conftest import lint
from tests.national import (
    FORM,
    FORM_MERGES,
    LIST,
    Rows,
    as_csv,
    as_tsv,
    sheet_document,
    tsv_document,
    workbook_document,
)


def values(document: Document, project: int = 0) -> list[tuple[str | None, str | None]]:
    return [
        (c.period.text if c.period else None, c.annual.text if c.annual else None)
        for c in document.projects[project].clauses
        if isinstance(c, Clause)
    ]


def with_values_header(period: str, annual: str = "年度指标值") -> Rows:
    rows = [list(r) for r in FORM]
    rows[6] = ["一级指标", "二级指标", "三级指标", period, annual]
    return rows


def notes_of(rows: Rows, tmp_path: Path) -> list[str]:
    path = tmp_path / "form.csv"
    path.write_text(as_csv(rows), encoding="utf-8")
    notes: list[str] = []
    read_path(path, notes.append)
    return notes


# --------------------------------------------------------------------------
# The period value column under other names


@pytest.mark.parametrize(
    ("period", "annual"),
    [
        ("总体目标值", "年度目标值"),
        ("总体指标值", "年度指标值"),
        ("2025-2027年指标值", "年度指标值"),
        ("2025—2027年度指标值", "2025年度指标值"),
        ("2025年-2027年指标值", "年度指标值"),
        ("中长期指标值", "年度指标值"),
        ("指标值", "年度指标值"),
        ("指标值", "本年度指标值"),
    ],
)
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_the_period_column_under_other_names_is_read(period: str, annual: str, read) -> None:  # type: ignore[no-untyped-def]
    rows = with_values_header(period, annual)
    rows[0][0] = "2025年项目支出绩效目标表"
    document = read(rows, FORM_MERGES) if read is sheet_document else read(rows)
    assert values(document)[:2] == [("≥36场", "≥12场"), ("≥30000份", "≥10000份")]


def test_the_period_column_defects_are_reported() -> None:
    rows = with_values_header("总体目标值", "年度目标值")
    rows[7][3] = "≥6场"  # the term's target below the year's
    rows[9][3] = "≥150%"
    found = {(f.rule, f.clause) for f in lint(tsv_document(rows))}
    assert ("annual-period-mismatch", 1) in found
    assert ("percent-out-of-range", 3) in found


def test_the_period_column_after_the_annual_one() -> None:
    rows = with_values_header("年度指标值", "指标值")
    assert values(tsv_document(rows))[0] == ("≥12场", "≥36场")


@pytest.mark.parametrize("header", ["指标值", "目标值"])
def test_a_single_value_column_stays_the_annual_value(header: str) -> None:
    """Near miss: a grid with one value column reads it as the year's."""
    rows = [[*row[:3], row[4]] for row in with_values_header("实施期指标值")]
    rows[0][0] = "2025年项目支出绩效目标表"
    rows[6][3] = header
    assert values(tsv_document(rows))[0] == (None, "≥12场")


def test_the_period_goal_label_is_not_a_value_column() -> None:
    """Near miss: 总体目标 (a goal) is no 总体目标值."""
    rows = [list(r) for r in FORM]
    rows[5][0] = "总体目标"
    document = tsv_document(rows)
    period_goal = document.projects[0].period_goal
    assert period_goal is not None and period_goal.value.startswith("三年完成")
    assert values(document)[0] == ("≥36场", "≥12场")


def test_a_value_column_the_reader_cannot_place_is_noted(tmp_path: Path) -> None:
    rows = [[*row, ""] for row in with_values_header("实施期指标值")]
    rows[6][5] = "年度指标值"
    rows[7][5] = "≥15场"
    assert values(tsv_document(rows))[0] == ("≥36场", "≥12场")
    assert notes_of(rows, tmp_path) == [
        "line 7, column 6: 「年度指标值」 column not read: "
        "the indicator values are read from other columns"
    ]


def test_a_year_column_beside_the_annual_one_is_noted(tmp_path: Path) -> None:
    rows = [[*row, ""] for row in with_values_header("实施期指标值")]
    rows[6][5] = "2026年"
    assert len(notes_of(rows, tmp_path)) == 1


def test_a_plain_form_gives_no_note(tmp_path: Path) -> None:
    """Near miss: every value column read, none noted."""
    assert notes_of([list(r) for r in FORM], tmp_path) == []
    assert notes_of(with_values_header("指标值"), tmp_path) == []


# --------------------------------------------------------------------------
# A first column 单位: the organisation, not the measurement unit


def organisation_list(first: str, measure: str | None = None) -> Rows:
    header = [first, "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"]
    goal = "对遭遇突发困难的家庭及时给予临时救助，保障其基本生活，救助对象认定准确率98%以上。"
    indicators = [
        ("产出指标", "数量指标", "新建救助站点", "≥12", "个"),
        ("产出指标", "质量指标", "认定准确率", "≥98%", "%"),
        ("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "%"),
    ]
    rows: Rows = [["2024年项目支出绩效目标表"], ["金额单位：万元"]]
    rows.append(header if measure is None else [*header, measure])
    for level1, level2, name, value, unit in indicators:
        row = ["某县民政局", "困难群众临时救助", "150.00", goal, level1, level2, name]
        rows.append([*row, value] if measure is None else [*row, value, unit])
    width = max(len(row) for row in rows)
    return [row + [""] * (width - len(row)) for row in rows]


def units_and_values(document: Document) -> tuple[list[str], list[str | None]]:
    return (
        [unit.title for unit in document.units],
        [
            c.annual.text if c.annual else None
            for c in document.projects[0].clauses
            if isinstance(c, Clause)
        ],
    )


@pytest.mark.parametrize("first", ["单位", "单位名称"])
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_a_first_column_单位_holding_organisations_is_the_unit(first: str, read) -> None:  # type: ignore[no-untyped-def]
    assert units_and_values(read(organisation_list(first))) == (
        ["某县民政局"],
        ["≥12", "≥98%", "≥90%"],
    )


def test_a_first_column_单位_beside_a_measurement_unit_column() -> None:
    document = tsv_document(organisation_list("单位", measure="单位"))
    assert units_and_values(document) == (["某县民政局"], ["≥12个", "≥98%", "≥90%"])


def test_a_单位_column_right_of_the_values_stays_the_measurement_unit() -> None:
    """Near miss: 单位 after 指标值 holds 个, %: the measurement unit."""
    rows = organisation_list("单位名称", measure="单位")
    assert units_and_values(tsv_document(rows))[1] == ["≥12个", "≥98%", "≥90%"]


def test_a_first_column_单位_of_short_units_stays_the_measurement_unit() -> None:
    """Near miss: a 单位 column whose cells are all short (个, %) is read as
    before, whatever its place."""
    rows = organisation_list("单位")
    for row, unit in zip(rows[3:], ["个", "%", "%"], strict=True):
        row[0] = unit
    assert units_and_values(tsv_document(rows))[1] == ["≥12个", "≥98%", "≥90%"]


# --------------------------------------------------------------------------
# 元 stated in one amount label or header cell: the table's amounts share it


def amounts(document: Document, project: int = 0) -> dict[str, Decimal | None]:
    found = document.projects[project].amounts
    return {key: found.value(key) for key in ("total", "fiscal", "other")}


def yuan_form(total_label: str, fiscal_label: str = "其中：财政拨款", heading: str = "") -> Rows:
    rows = [list(r) for r in FORM]
    rows[1][0] = heading
    rows[4] = [total_label, "3,600,000.00", fiscal_label, "3,600,000.00", ""]
    return rows


@pytest.mark.parametrize("label", ["资金总额（元）", "资金总额(元)", "预算数（元）"])
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_a_unit_in_one_amount_label_holds_for_the_block(label: str, read) -> None:  # type: ignore[no-untyped-def]
    document = read(yuan_form(label))
    assert amounts(document) == {"total": Decimal("360"), "fiscal": Decimal("360"), "other": None}
    assert not [f for f in lint(document) if f.rule == "row-sum-mismatch"]


def test_a_unit_label_with_its_sources_on_the_rows_below() -> None:
    rows = [list(r) for r in FORM]
    rows[1][0] = ""
    rows[4:5] = [
        ["资金总额（元）", "3,600,000.00", "", "", ""],
        ["其中：财政拨款", "3,000,000.00", "", "", ""],
        ["其他资金", "600,000.00", "", "", ""],
    ]
    assert amounts(tsv_document(rows)) == {
        "total": Decimal("360"),
        "fiscal": Decimal("300"),
        "other": Decimal("60"),
    }


def test_a_unit_line_holds_for_the_silent_labels() -> None:
    """Near miss: the table states 金额单位：万元; only the labelled amount is in 元."""
    rows = yuan_form("资金总额（元）", heading="金额单位：万元")
    rows[4][3] = "360.00"
    assert amounts(tsv_document(rows)) == {
        "total": Decimal("360"),
        "fiscal": Decimal("360.00"),
        "other": None,
    }


def test_labels_naming_two_units_keep_each_its_own() -> None:
    """Near miss: 资金总额（万元） beside 财政拨款（元）: each label its unit."""
    rows = yuan_form("资金总额（万元）", "财政拨款（元）")
    rows[4][1] = "360.00"
    assert amounts(tsv_document(rows)) == {
        "total": Decimal("360.00"),
        "fiscal": Decimal("360"),
        "other": None,
    }


def yuan_list(header_total: str) -> Rows:
    rows = [list(r) for r in LIST]
    rows[1] = [""] * len(rows[1])  # no 金额单位 line
    rows[2][2] = header_total
    rows[2][9:10] = ["度量单位"]
    rows[2] = [*rows[2][:3], "财政拨款", *rows[2][3:]]
    for row in rows[3:]:
        row.insert(3, row[2])
    rows[0].insert(3, "")
    rows[1].insert(3, "")
    return rows


@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_a_unit_in_the_lists_total_header_holds_for_its_sources(read) -> None:  # type: ignore[no-untyped-def]
    document = read(yuan_list("预算数（元）"))
    assert amounts(document) == {"total": Decimal("120"), "fiscal": Decimal("120"), "other": None}


def test_a_list_without_a_unit_stays_in_wanyuan() -> None:
    """Near miss: no unit line, no unit in a header cell: 万元."""
    document = tsv_document(yuan_list("预算数"))
    assert amounts(document)["fiscal"] == Decimal("1200000.00")


GZ_CLAUSES = (
    "1、1-产出指标；11-数量指标；执法检查户次；实施周期指标值:≥500户次；年度指标值:≥500户次。"
    "2、1-产出指标；14-成本指标；项目总成本；实施周期指标值:≤60万元；年度指标值:≤60万元。"
    "3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
)
GZ_GOAL = "开展卫生监督执法检查，依法查处违法行为，保障群众健康权益，全年检查500户次以上。"


def guangzhou(header: list[str], heading: str = "") -> Rows:
    return [
        ["2024年项目支出绩效目标表", "", "", "", "", "", ""],
        [heading, "", "", "", "", "", ""],
        header,
        ["卫生监督执法专项经费", "480,000.00", "480,000.00", "", "", GZ_GOAL, GZ_CLAUSES],
    ]


GZ_TOTAL_YUAN = [
    "项目名称",
    "总计（元）",
    "财政拨款",
    "财政专户拨款",
    "其他资金",
    "绩效目标",
    "绩效指标",
]
GZ_ALL_YUAN = [
    "项目名称",
    "总计（元）",
    "财政拨款（元）",
    "财政专户拨款（元）",
    "其他资金（元）",
    "绩效目标",
    "绩效指标",
]
GZ_PLAIN = ["项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]


@pytest.mark.parametrize("header", [GZ_TOTAL_YUAN, GZ_ALL_YUAN])
@pytest.mark.parametrize("carrier", ["tsv", "csv", "pdf-text", "xlsx"])
def test_guangzhou_columns_with_the_unit_in_a_header_cell(header, carrier, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = guangzhou(header)
    if carrier == "tsv":
        document = load_text(as_tsv(rows), "gz.tsv")
    elif carrier == "csv":
        document = load_text(as_csv(rows), "gz.csv")
    elif carrier == "pdf-text":  # text extracted from a PDF: cells apart by spaces
        document = load_text("\n".join("  ".join(c for c in row if c) for row in rows), "gz.txt")
    else:
        document = workbook_document(rows, [], tmp_path)
    assert document.layout == carrier
    assert amounts(document) == {"total": Decimal("48"), "fiscal": Decimal("48"), "other": None}
    found = [f.rule for f in lint(document)]
    assert "cost-exceeds-budget" in found  # ≤60万元 against 48万元
    assert "amount-format" not in found


def test_guangzhou_columns_without_a_unit_stay_in_wanyuan() -> None:
    """Near miss: plain 总计 without a unit line: 万元, as before."""
    document = load_text(as_tsv(guangzhou(GZ_PLAIN)), "gz.tsv")
    assert amounts(document)["total"] == Decimal("480000.00")


# --------------------------------------------------------------------------
# Labels with more words; the goal labels 中长期目标 / 本年度目标


def project_of(document: Document) -> tuple[str, str | None, str | None]:
    project = document.projects[0]
    goal = project.goal.value if project.goal is not None else None
    period_goal = project.period_goal.value if project.period_goal is not None else None
    return project.title, goal, period_goal


FORM_GOALS = (
    "三年完成辖区居民健康档案规范化管理，开展健康教育。",
    "本年度完成辖区居民健康档案更新，开展健康讲座十二场。",
)


@pytest.mark.parametrize(
    "label", ["项目名称（全称）", "项目名称(全称)", "项目名称 Project", "项目名称Project"]
)
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_a_project_name_label_with_more_words(label: str, read) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in FORM]
    rows[2][0] = label
    document = read(rows, FORM_MERGES) if read is sheet_document else read(rows)
    assert project_of(document) == ("社区公共卫生服务经费", FORM_GOALS[1], FORM_GOALS[0])
    assert values(document)[0] == ("≥36场", "≥12场")


def test_a_bilingual_form_is_read_whole() -> None:
    rows = [list(r) for r in FORM]
    english = {
        (2, 0): "Project",
        (2, 2): "Department",
        (3, 0): "Implementer",
        (3, 2): "Term",
        (4, 0): "Total funds",
        (4, 2): "Fiscal",
        (5, 0): "Period goal",
        (5, 2): "Annual goal",
        (6, 0): "Level 1",
        (6, 1): "Level 2",
        (6, 2): "Indicator",
        (6, 3): "Period target",
        (6, 4): "Annual target",
    }
    for (row, column), words in english.items():
        rows[row][column] = f"{rows[row][column]} {words}"
    document = tsv_document(rows)
    assert project_of(document) == ("社区公共卫生服务经费", FORM_GOALS[1], FORM_GOALS[0])
    assert amounts(document) == {
        "total": Decimal("360.00"),
        "fiscal": Decimal("360.00"),
        "other": None,
    }
    assert values(document)[0] == ("≥36场", "≥12场")
    assert document.projects[0].term is not None


@pytest.mark.parametrize("label", ["项目名称 2025", "项目名称（简称）"])
def test_a_project_name_label_with_other_words_is_not_read(label: str) -> None:
    """Near miss: only English words and （全称） are dropped from a label."""
    from audit.readers.national import _label

    assert _label(label) is None


@pytest.mark.parametrize(
    ("period_label", "annual_label"),
    [("中长期目标", "本年度目标"), ("实施期目标", "本年度绩效目标"), ("中期目标", "年度目标")],
)
def test_the_goal_labels_中长期目标_and_本年度目标(period_label: str, annual_label: str) -> None:
    rows = [list(r) for r in FORM]
    rows[5][0], rows[5][2] = period_label, annual_label
    document = tsv_document(rows)
    assert project_of(document) == ("社区公共卫生服务经费", FORM_GOALS[1], FORM_GOALS[0])
    assert "missing-goal" not in {f.rule for f in lint(document)}


# --------------------------------------------------------------------------
# A second header row of English (or pinyin) column names


ENGLISH_ROW = ["Level-1", "Level-2", "Indicator", "Period target", "Annual target"]
PINYIN_ROW = [
    "Yiji zhibiao",
    "Erji zhibiao",
    "Sanji zhibiao",
    "Shishiqi zhibiaozhi",
    "Niandu zhibiaozhi",
]


@pytest.mark.parametrize("second", [ENGLISH_ROW, PINYIN_ROW])
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_an_english_row_under_the_grid_header_is_header(second: list[str], read) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in FORM]
    rows.insert(7, list(second))
    rows[8][4] = "≥40场"  # annual above period: clause 1
    document = read(rows)
    assert values(document)[1:] == values(tsv_document([list(r) for r in FORM]))[1:]
    assert (
        next(c.name for c in document.projects[0].clauses if isinstance(c, Clause))
        == "健康讲座场次"
    )
    found = {(f.rule, f.clause) for f in lint(document)}
    assert ("annual-period-mismatch", 1) in found
    assert "unknown-category" not in {rule for rule, _ in found}


def test_an_english_row_under_a_lists_header_is_header() -> None:
    rows = [list(r) for r in LIST]
    rows.insert(
        3,
        [
            "Unit",
            "Project",
            "Budget",
            "Goal",
            "Level-1",
            "Level-2",
            "Indicator",
            "Nature",
            "Target",
            "Unit",
            "Weight",
            "Direction",
        ],
    )
    document = tsv_document(rows)
    assert [p.title for p in document.projects] == [
        "农村公路养护经费",
        "道路运输安全检查",
        "港口设施维护",
    ]


def test_an_english_indicator_row_with_values_is_still_read() -> None:
    """Near miss: a first row written in English whose values are numbers is
    an indicator, not a header."""
    rows = [list(r) for r in FORM]
    rows[7] = ["Output", "Quantity", "Lectures", "≥36", "≥12"]
    names = [c.name for c in tsv_document(rows).projects[0].clauses if isinstance(c, Clause)]
    assert names[0] == "Lectures"


# --------------------------------------------------------------------------
# 上年结转: a source of funds in 总计's sum


def carryover_form(total: str, fiscal: str, carried: str, label: str = "上年结转") -> Rows:
    rows = [list(r) for r in FORM]
    rows[4:5] = [
        ["资金总额", total, "其中：财政拨款", fiscal, ""],
        ["", "", label, carried, ""],
    ]
    return rows


def row_sums(document: Document) -> list[str]:
    return [f.message for f in lint(document) if f.rule == "row-sum-mismatch"]


@pytest.mark.parametrize("label", ["上年结转", "上年结转资金", "结转结余"])
@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_a_carryover_that_makes_the_sum_is_no_mismatch(label: str, read) -> None:  # type: ignore[no-untyped-def]
    document = read(carryover_form("360.00", "300.00", "60.00", label))
    assert document.projects[0].amounts.value("carryover") == Decimal("60.00")
    assert row_sums(document) == []


def test_a_carryover_that_breaks_the_sum_is_reported() -> None:
    messages = row_sums(tsv_document(carryover_form("360.00", "360.00", "60.00")))
    assert len(messages) == 1
    assert "财政拨款 + 上年结转" in messages[0] and "420.00" in messages[0]


def test_a_form_without_a_carryover_sums_as_before() -> None:
    """Near miss: 资金总额 360 against 财政拨款 300 alone is still a mismatch."""
    rows = carryover_form("360.00", "300.00", "")
    rows[5][2] = ""
    messages = row_sums(tsv_document(rows))
    assert len(messages) == 1 and "上年结转" not in messages[0]


def test_a_lists_carryover_column_counts_in_the_sum() -> None:
    rows = [list(r) for r in LIST]
    rows[1][10] = "金额单位：万元"
    rows[2][2:3] = ["预算数", "财政拨款", "其他资金", "上年结转"]
    for row in rows[:2]:
        row[3:3] = ["", "", ""]
    for row in rows[3:]:
        row[3:3] = ["", "", ""] if not row[2] else ["250.00", "0.00", "50.00"]
        if row[2]:
            row[2] = "300.00"
    document = tsv_document(rows)
    assert [p.amounts.value("carryover") for p in document.projects] == [Decimal("50.00")] * 3
    assert row_sums(document) == []
    rows[3][5] = "40.00"  # 250 + 0 + 40 ≠ 300
    assert len(row_sums(tsv_document(rows))) == 1


# --------------------------------------------------------------------------
# Labels spaced for alignment (项 目 名 称), as county forms print them


def spaced(text: str) -> str:
    return " ".join(text) if 2 <= len(text) <= 6 and text.isalpha() else text


@pytest.mark.parametrize("read", [tsv_document, sheet_document])
def test_labels_and_headers_spaced_for_alignment_are_read(read) -> None:  # type: ignore[no-untyped-def]
    """``项 目 名 称`` and ``一 级 指 标`` are the labels and headers they spell:
    the form was refused with "no header row"."""
    plain = tsv_document(FORM)
    rows = [[spaced(cell) if cell in LABELS else cell for cell in row] for row in FORM]
    assert any("项 目 名 称" in row for row in rows) and any("一 级 指 标" in row for row in rows)
    document = read(rows)
    assert [p.title for p in document.projects] == [p.title for p in plain.projects]
    assert values(document) == values(plain)


LABELS = {"项目名称", "主管部门", "实施单位", "项目期", "一级指标", "二级指标", "三级指标"}
LABELS |= {"实施期指标值", "年度指标值", "实施期目标", "年度目标"}
