"""The reader for PDF-extracted text (``audit/readers/pdftext.py``).

Fixtures are in ``tests/fixtures/pdftext/``: ``004_excerpt.txt`` is seed 004
as published; the others are the same layout wrapped, paged and arranged in
the other ways the published tables come in. The property tests re-lay the
seed's rows out as a PDF extraction would (:func:`render`) at random widths.
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from audit.model import Amount, Clause, Document, Row, Source, Text
from audit.pipeline import load_text
from audit.readers import ReadError
from audit.readers.pdftext import read
from tests.conftest import lint, tsv_table

FIXTURES = Path(__file__).parent / "fixtures" / "pdftext"
SEED = FIXTURES / "004_excerpt.txt"

UNIT = "广州市残疾人就业培训服务中心"
NAMES = [
    "机构运行辅助经费",
    "残疾人培训经费（广州市残疾人就业培训服务中心）",
    "残疾人就业经费（广州市残疾人就业培训服务中心）",
    "残疾人职业康复训练经费（广州市残疾人就业培训服务中心）",
    "康园业务指导经费（广州市残疾人就业培训服务中心）",
    "业务用房物业管理费用（广州市残疾人就业培训服务中心）",
    "购置费用（广州市残疾人就业培训服务中心）",
    "广州市残疾人就业培训服务中心2023-2024年信息系统运行和维护项目",
    "短信息群发服务经费（广州市残疾人就业培训服务中心）",
    "广州市残疾人就业培训服务中心2024-2025年信息系统运行和维护项目",
]
AMOUNTS = ["418.58", "52.17", "18.00", "22.57", "10.53", "264.14", "24.73", "2.50", "8.10", "9.15"]
NAME_LINES = [12, 31, 53, 76, 101, 118, 140, 156, 177, 200]
CLAUSES = [5, 5, 5, 5, 5, 5, 5, 6, 5, 6]
HEADER_BLOCK = [
    "项目支出绩效目标表（含转移支付项目）",
    "单位名称：广州市残疾人就业培训服务中心 单位：万元",
    "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标",
]


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def rows_of(name: str) -> tuple[Source, list[Row]]:
    source = Source(name, fixture(name))
    return source, read(source).rows


def projects(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.kind == "project"]


def value(text: Text | None) -> str | None:
    return None if text is None else text.value


def amounts(row: Row) -> dict[str, Decimal | None]:
    columns = ("total", "fiscal", "special", "other")
    return {c: row.amounts.value(c) for c in columns if row.amounts.get(c) is not None}


def printed(row: Row) -> list[Amount]:
    columns = (row.amounts.total, row.amounts.fiscal, row.amounts.special, row.amounts.other)
    return [amount for amount in columns if amount is not None]


def at(text: Text, index: int) -> tuple[int, int]:
    """File line and column of character ``index`` of ``text``."""
    span = text.span(index, index + 1)
    return span.line, span.column


def assert_maps_to_file(source: Source, rows: list[Row]) -> None:
    """Every character of every cell stands at its place in the file."""
    for row in rows:
        cells = [row.name, row.goal, row.indicators]
        cells += [amount.text for amount in printed(row)]
        for cell in cells:
            if cell is None:
                continue
            assert cell.source is source
            for index, char in enumerate(cell.value):
                span = cell.span(index, index + 1)
                assert 1 <= span.line <= source.line_count
                assert span.column >= 1
                assert source.text[cell.origin(index)] == char
            whole = cell.span()
            assert 1 <= whole.line <= whole.end_line <= source.line_count


@pytest.fixture(scope="module")
def seed() -> Document:
    return load_text(SEED.read_text(encoding="utf-8"), str(SEED))


@pytest.fixture(scope="module")
def seed_rows() -> list[Row]:
    return read(Source("004", SEED.read_text(encoding="utf-8"))).rows


# --------------------------------------------------------------------------
# Seed 004 as published


def test_seed_is_read_as_pdf_text_with_one_unit_and_ten_projects(seed: Document) -> None:
    assert seed.layout == "pdf-text"
    assert seed.title == "项目支出绩效目标表（含转移支付项目）"
    assert seed.organization == UNIT
    assert seed.total is not None
    assert seed.total.name.value == "合计"
    assert seed.total.line == 8
    assert seed.total.amounts.value("total") == Decimal("830.47")
    assert seed.total.amounts.value("fiscal") == Decimal("830.47")
    assert [unit.title for unit in seed.units] == [UNIT]
    unit = seed.units[0]
    assert not unit.implicit and unit.line == 10
    assert unit.amounts.value("total") == Decimal("830.47")
    assert [p.title for p in unit.projects] == NAMES
    assert [p.line for p in unit.projects] == NAME_LINES


def test_seed_amounts_are_total_and_fiscal(seed: Document) -> None:
    for project, printed in zip(seed.projects, AMOUNTS, strict=True):
        assert project.amounts.value("total") == Decimal(printed)
        assert project.amounts.value("fiscal") == Decimal(printed)
        assert project.amounts.special is None and project.amounts.other is None
    assert sum(p.amounts.value("total") for p in seed.projects) == Decimal("830.47")


def test_seed_goals_are_joined_across_lines_and_blank_lines(seed: Document) -> None:
    # lines 58-63: a blank line (61) inside the cell
    assert seed.projects[2].goal.value == (
        "为全市就业年龄阶段残疾人提供就业服务，履行市人力资源市场残联分市场职能，"
        "定期发布残疾人就业需求与用人单位招工岗位信息，举办残疾人专场招聘会，"
        "完成残疾人新增就业任务指标，做好按比例安排残疾人就业年审政策宣传工作。"
    )
    # lines 82-86: the last line is a lone 。 followed by spaces
    assert seed.projects[3].goal.value == (
        "稳定残疾学员的情绪，训练他们的工作习惯、正常作息、动手能力及求助意识，"
        "提升自我调适能力及工作适应能力。帮助提高他们的语言、沟通、手眼协调等能力，"
        "树立康复信心。减轻家庭负担，促进社区稳定。"
    )
    # line 104-105: amounts, then the goal with no blank line between
    assert seed.projects[4].goal.value.startswith("项目主要用于对全市工疗站")
    assert seed.projects[1].goal.value.startswith("1.对残疾人开展职业技能培训")


def test_seed_indicators_are_joined_and_keywords_mended(seed: Document) -> None:
    for project, count in zip(seed.projects, CLAUSES, strict=True):
        indicators = project.indicators.value
        assert indicators.startswith("1、1-产出指标")
        assert "\n" not in indicators and " " not in indicators
        assert "实施周期指标值" in indicators and "年度指标值" in indicators
        assert "实施周期指标\n" not in indicators
        assert indicators.endswith("。")
        assert len(project.clauses) == count
    # lines 21-22: 实施周期指标 / 值:90%
    assert seed.projects[0].indicators.value.startswith(
        "1、1-产出指标；11-数量指标；配备人员的达标率；实施周期指标值:90%或以上；"
        "年度指标值:90%或以上。2、1-产出指标；12-质量指标；工资待遇保障率；"
    )
    # lines 69-71: a blank line between clauses 3 and 4
    assert (
        "年度指标值:90%或以上。4、2-效益指标；22-社会效益；按比例安排残疾人就业年审政策知晓率"
        in (seed.projects[2].indicators.value)
    )
    # lines 149-150: the clause number 3 and its 、 on different lines
    assert "年度指标值:90%或以上。3、1-产出指标；12-质量指标；验收合格率" in (
        seed.projects[6].indicators.value
    )


def test_seed_clauses_are_coded_and_parsed(seed: Document) -> None:
    assert not seed.legacy
    clause = seed.projects[0].clauses[0]
    assert clause.form == "coded"
    assert str(clause.level1) == "1-产出指标" and str(clause.level2) == "11-数量指标"
    assert clause.name == "配备人员的达标率"
    assert clause.period.text.startswith("90%或以上")
    assert clause.period.keyword_span.line == 21  # 实施周期指标 on line 21, 值 on 22


def test_seed_name_spans_follow_the_wrapped_name(seed: Document) -> None:
    name = seed.projects[3].name
    assert name.span().line == 76 and name.span().column == 5
    assert at(name, 0) == (76, 5)  # 残
    assert at(name, name.value.index("（")) == (77, 1)
    assert at(name, len(name.value) - 2) == (79, 1)  # 心 after the blank line 78
    assert name.span().end_line == 79
    last = seed.projects[7].name
    assert at(last, last.value.index("维护项目")) == (159, 1)


def test_seed_goal_and_indicator_spans_follow_wrapped_lines(seed: Document) -> None:
    goal = seed.projects[0].goal
    assert at(goal, 0) == (14, 1)
    assert at(goal, goal.value.index("、社会工作")) == (15, 1)
    assert at(goal, goal.value.index("协助承担")) == (14, 10)
    goal = seed.projects[2].goal
    assert at(goal, goal.value.index("会，完成")) == (62, 1)  # after the blank line 61
    indicators = seed.projects[0].indicators
    mended = indicators.value.index("实施周期指标值")
    assert at(indicators, mended) == (21, 27)
    assert at(indicators, mended + 6) == (22, 1)  # 值


def test_seed_amount_spans(seed: Document) -> None:
    project = seed.projects[1]
    assert at(project.amounts.total.text, 0) == (34, 1)
    assert at(project.amounts.fiscal.text, 0) == (34, 7)
    project = seed.projects[0]
    assert at(project.amounts.total.text, 0) == (12, 14)


def test_seed_rows_have_kinds_and_every_character_maps_to_the_file(
    seed_rows: list[Row],
) -> None:
    assert [row.kind for row in seed_rows] == ["total", "unit"] + ["project"] * 10
    assert [row.line for row in seed_rows] == [8, 10, *NAME_LINES]
    assert all(row.markup == [] for row in seed_rows)
    assert_maps_to_file(seed_rows[0].name.source, seed_rows)


def test_seed_is_read_in_linear_time() -> None:
    # Ten times the pages must take about ten times as long (quadratic work
    # would take a hundred): both runs are long, so load on the machine
    # weighs on them alike.
    text = SEED.read_text(encoding="utf-8")
    body = text.split("\n", 10)[10]

    def seconds(copies: int) -> float:
        start = time.perf_counter()
        rows = read(Source("big", text + body * copies)).rows
        assert len(projects(rows)) == 10 * (copies + 1)
        return time.perf_counter() - start

    small = min(seconds(20) for _ in range(3))
    assert seconds(200) < 30 * small


# --------------------------------------------------------------------------
# The same layout, wrapped and arranged differently


def test_rewrapped_seed_reads_the_same(seed_rows: list[Row]) -> None:
    source, rows = rows_of("004_rewrapped.txt")
    assert [(r.kind, r.name.value, amounts(r)) for r in rows] == [
        (r.kind, r.name.value, amounts(r)) for r in seed_rows
    ]
    assert [value(r.goal) for r in rows] == [value(r.goal) for r in seed_rows]
    assert [value(r.indicators) for r in rows] == [value(r.indicators) for r in seed_rows]
    assert [r.line for r in rows] == [6, 7, 12, 28, 59, 84, 106, 122, 158, 179, 202, 235]
    assert_maps_to_file(source, rows)
    name = rows[5].name  # 残疾人职业康复训练经费（广州市残疾人就业培训服务中心）, 4 lines
    assert at(name, 0) == (84, 5)
    assert at(name, name.value.index("经费")) == (85, 1)
    assert at(name, name.value.index("就业培训")) == (87, 1)  # after the blank line 86


def test_page_header_inside_a_cell_is_dropped_and_the_cell_continues() -> None:
    source, rows = rows_of("page_break.txt")
    assert [(r.kind, r.name.value) for r in rows] == [
        ("total", "合计"),
        ("unit", "广州市测试中心"),
        ("project", "设备购置经费（广州市测试中心）"),
        ("project", "培训经费"),
    ]
    first, second = rows[2], rows[3]
    assert first.indicators.value == (
        "1、1-产出指标；11-数量指标；政府采购完成率；实施周期指标值:95%或以上；"
        "年度指标值:95%或以上。2、1-产出指标；11-数量指标；设备购置完成率；"
        "实施周期指标值:90%或以上；年度指标值:90%或以上。3、3-满意度指标；"
        "31-服务对象满意度；新增设备满意率；实施周期指标值:90%或以上；年度指标值:90%或以上。"
    )
    # 实施周期指标 (line 23), the page number and header block, then 值 (line 35)
    keyword = first.indicators.value.index("实施周期指标值:90%")
    assert at(first.indicators, keyword) == (23, 12)
    assert at(first.indicators, keyword + 6) == (35, 1)
    # the goal is split by a header block without blank lines (lines 43-46)
    assert second.goal.value == "组织开展残疾人职业技能培训，提升就业能力，增强社会适应性。"
    assert at(second.goal, second.goal.value.index("适应性")) == (48, 1)
    assert second.indicators.value == (
        "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥300人次；年度指标值:≥300人次。"
    )
    assert_maps_to_file(source, rows)
    doc = load_text(fixture("page_break.txt"), "page_break.txt")
    assert doc.title == "广州市测试中心2024年项目支出绩效目标表（含转移支付项目）"
    assert doc.organization == "广州市测试中心"
    assert [len(p.clauses) for p in doc.projects] == [3, 1]


def test_amounts_and_goal_on_one_line() -> None:
    source, rows = rows_of("amounts_goal_one_line.txt")
    found = [(r.name.value, amounts(r), value(r.goal)) for r in projects(rows)]
    assert found == [
        (
            "现场招聘会经费",
            {"total": Decimal("0.89"), "fiscal": Decimal("0.89")},
            "保障现场招聘会正常举办。",
        ),
        (
            "招聘会宣传经费",
            {"total": Decimal("1.20"), "fiscal": Decimal("1.20")},
            "做好招聘会宣传工作，扩大招聘会影响力。",
        ),
        (
            "就业失业登记证印制经费（广州市劳动就业服务管理中心）",
            {"total": Decimal("1.50"), "fiscal": Decimal("1.50")},
            "保障就业失业登记证按时印制。",
        ),
    ]
    goal = rows[2].goal
    assert at(goal, 0) == (7, 11)  # 0.89 0.89 保障…
    assert at(rows[3].goal, 0) == (10, 23)  # name, amounts and goal on line 10
    assert rows[4].indicators.value.endswith("年度指标值:100%。")  # 1 / 00% mended
    assert [p.line for p in projects(rows)] == [6, 10, 14]
    assert_maps_to_file(source, rows)


@pytest.mark.parametrize(
    ("printed", "as_printed"),
    [
        # an amount line of its own, after a wrapped name
        ("10.53 10.53", "10.5300 10.5300"),
        ("18.00 18.00", "18.0 18.0"),
        # amounts on the name's line
        ("机构运行辅助经费 418.58 418.58", "机构运行辅助经费 418.5800 418.5800"),
    ],
)
def test_amounts_printed_with_other_decimals_are_the_rows_amounts(
    printed: str, as_printed: str
) -> None:
    """A project's amounts printed with four decimals or one are still its
    amounts: the name stays whole, the goal its own, and the format is
    amount-format's warning, not a project without amounts."""
    text = SEED.read_text(encoding="utf-8").replace(printed, as_printed, 1)
    source = Source("004", text)
    rows = read(source).rows
    assert [r.name.value for r in projects(rows)] == NAMES
    assert [r.amounts.value("total") for r in projects(rows)] == [Decimal(a) for a in AMOUNTS]
    goals = {r.name.value: value(r.goal) for r in projects(rows)}
    assert (goals[NAMES[4]] or "").startswith("项目主要用于对全市工疗站")
    assert (goals[NAMES[0]] or "").startswith("中心聘用的编外人员")
    findings = lint(load_text(text, "004.txt"), ["amount-format", "subtotal-mismatch"])
    assert {(f.rule, f.severity) for f in findings} == {("amount-format", "warning")}
    assert {f.excerpt for f in findings} == set(as_printed.split()[-2:])
    assert_maps_to_file(source, rows)


def test_amounts_printed_with_the_tables_unit_are_the_rows_amounts() -> None:
    """Each amount printed with 万元 after it (``418.58万元``), on the name's line
    or on a line of its own: the row's amounts, the unit the table states."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("418.58 418.58", "418.58万元 418.58万元", 1)
    text = text.replace("10.53 10.53", "10.53万元 10.53万元", 1)
    rows = read(Source("004", text)).rows
    assert [r.name.value for r in projects(rows)] == NAMES
    assert [r.amounts.value("total") for r in projects(rows)] == [Decimal(a) for a in AMOUNTS]
    assert lint(load_text(text, "004.txt"), ["amount-format", "subtotal-mismatch"]) == []


def test_a_lone_decimal_number_in_a_goal_is_no_amount(seed_rows: list[Row]) -> None:
    """Near miss: one number with a decimal point in a goal's line stays text."""
    text = SEED.read_text(encoding="utf-8").replace(
        "费，强化对工疗站的业务指导工作，提高工作人员的",
        "费 1.5 强化对工疗站的业务指导工作，提高工作人员的",
        1,
    )
    rows = read(Source("004", text)).rows
    assert [r.name.value for r in projects(rows)] == NAMES
    assert [r.amounts.value("total") for r in projects(rows)] == [Decimal(a) for a in AMOUNTS]


def test_four_amounts_fill_the_columns_in_order() -> None:
    source, rows = rows_of("four_amounts.txt")
    d = Decimal
    assert [(r.kind, r.name.value, amounts(r)) for r in rows] == [
        (
            "total",
            "合计",
            {"total": d("21046.83"), "fiscal": d("13064.25"), "special": d("1379.40"),
             "other": d("6603.18")},
        ),
        (
            "unit",
            "广州市干部和人才健康管理中心",
            {"total": d("21046.83"), "fiscal": d("13064.25"), "special": d("1379.40"),
             "other": d("6603.18")},
        ),
        (
            "project",
            "机构运行辅助经费",
            {"total": d("1700.00"), "fiscal": d("1000.00"), "special": d("300.00"),
             "other": d("400.00")},
        ),
        # three amounts: 财政专户拨款 is the blank one
        (
            "project",
            "购置经费",
            {"total": d("958.00"), "fiscal": d("545.00"), "other": d("413.00")},
        ),
        (
            "project",
            "体检服务经费",
            {"total": d("18388.83"), "fiscal": d("11519.25"), "special": d("1079.40"),
             "other": d("5790.18")},
        ),
    ]  # fmt: skip
    assert rows[0].amounts.total.text.value == "21,046.83"
    assert at(rows[0].amounts.other.text, 0) == (8, 33)
    assert rows[2].goal.value == (
        "开展此项目用于部分必需的人员成本，提高人员使用效率，提升综合服务能力。"
    )
    assert_maps_to_file(source, rows)


def test_two_units_and_a_unit_name_wrapped_over_two_lines() -> None:
    source, rows = rows_of("two_units.txt")
    long_name = "广州市职业技术教育研究院（世界技能大赛中国（广州）研究中心）"
    assert [(r.kind, r.name.value, r.line) for r in rows] == [
        ("total", "合计", 10),
        ("unit", "广州市工贸技师学院", 12),
        ("project", "工作经费（广州市工贸技师学院）", 14),
        ("project", "国家助学金财政补贴项目", 21),
        ("unit", long_name, 26),
        ("project", "世赛研究主基地建设项目", 28),
        ("project", "工作经费", 33),
    ]
    # the first project's indicators end without 。 right before a name
    assert rows[2].indicators.value.endswith("年度指标值:0%")
    assert rows[6].indicators.value.endswith("实施周期指标值:明显提升；年度指标值:明显提升。")
    assert at(rows[4].name, long_name.index("大赛")) == (27, 1)
    assert_maps_to_file(source, rows)
    doc = load_text(fixture("two_units.txt"), "two_units.txt")
    assert [(u.title, len(u.projects), u.amounts.value("total")) for u in doc.units] == [
        ("广州市工贸技师学院", 2, Decimal("20.52")),
        (long_name, 2, Decimal("481.00")),
    ]
    assert doc.total is not None and doc.total.amounts.value("total") == Decimal("501.52")
    assert doc.organization == "广州市人力资源和社会保障局"


def test_table_without_grand_total() -> None:
    source, rows = rows_of("no_total.txt")
    assert [(r.kind, r.name.value) for r in rows] == [
        ("unit", "广州市番禺区劳动就业服务管理中心"),
        ("project", "自谋职业随军家属专项补贴"),
        ("project", "就业见习补贴"),
    ]
    assert rows[1].goal.value == (
        "落实《广州市随军家属就业安置规定》相关规定，"
        "为我市符合条件的自谋职业随军家属发放基本生活补贴和社会保险补贴。"
    )
    assert rows[2].indicators.value.endswith("年度指标值:≥50人。")
    assert_maps_to_file(source, rows)
    doc = load_text(fixture("no_total.txt"), "no_total.txt")
    assert doc.total is None
    assert doc.organization == "广州市番禺区劳动就业服务管理中心"
    assert [len(u.projects) for u in doc.units] == [2]


def test_table_without_total_or_unit_rows_has_an_implicit_unit() -> None:
    lines = fixture("no_total.txt").split("\n")
    del lines[4]  # the unit row
    doc = load_text("\n".join(lines), "t.txt")
    assert doc.total is None
    assert len(doc.units) == 1 and doc.units[0].implicit
    assert doc.units[0].title == "广州市番禺区劳动就业服务管理中心"
    assert [p.title for p in doc.units[0].projects] == ["自谋职业随军家属专项补贴", "就业见习补贴"]


def test_older_layout_text_follows_the_name_across_a_page_break() -> None:
    """The older layout: each project's goal and clauses follow its name row;
    the second project's clauses run over a page break whose header wraps
    ``财政专户`` / ``拨款`` above and below the rest of the column header."""
    source, rows = rows_of("legacy.txt")
    assert [(r.kind, r.name.value, r.line) for r in rows] == [
        ("total", "合计", 8),
        ("unit", "广州市残疾人康复中心", 10),
        ("project", "康复设备购置经费", 12),
        ("project", "残疾儿童康复训练经费（广州市残疾人康复中心）", 21),
        ("project", "业务用房维修经费", 45),
    ]
    assert rows[2].goal.value == "更新康复训练设备，保障康复训练正常开展，提高康复服务质量。"
    assert rows[2].indicators.value == (
        "1、满意度指标：服务对象的满意度，年度指标值：≥90%。"
        "2、产出指标：设备验收合格率，年度指标值：100%。"
    )
    assert rows[3].goal.value == "为残疾儿童提供康复训练服务，帮助残疾儿童改善功能。"
    # clause 2 is cut by the page break: its end comes after the page header
    assert rows[3].indicators.value == (
        "1、产出指标：康复训练服务人次，年度指标值：≥500人次。"
        "2、效益指标：残疾儿童功能改善率，年度指标值：≥80%。"
        "3、满意度指标：家长满意度，年度指标值：≥90%。"
    )
    assert rows[4].goal.value == "保障中心业务用房正常使用，维护办公环境安全整洁。"
    assert rows[4].indicators.value == (
        "1、产出指标：维修任务完成率，年度指标值：100%。2、满意度指标：职工满意度，年度指标值：≥85%。"
    )
    assert at(rows[2].goal, 0) == (14, 1)
    assert at(rows[3].indicators, rows[3].indicators.value.index("值：≥80%")) == (42, 1)
    assert at(rows[4].indicators, 0) == (50, 1)
    assert_maps_to_file(source, rows)
    doc = load_text(fixture("legacy.txt"), "legacy.txt")
    assert doc.legacy
    assert doc.orphans == ()
    assert doc.title == "2021年部门预算项目支出绩效目标表"
    assert doc.organization == "广州市残疾人康复中心"
    assert [len(p.clauses) for p in doc.projects] == [2, 3, 2]
    assert {c.form for p in doc.projects for c in p.clauses} == {"legacy"}


def test_column_header_wrapped_in_its_cells_and_a_three_column_header() -> None:
    head = "项目支出绩效目标表（含转移支付项目）\n部门名称：广州市测试中心\n"
    body = (
        "合计 10.00 4.00 3.00 3.00\n"
        "    项目甲 10.00 4.00 3.00 3.00\n"
        "保障运行。\n"
        "1、1-产出指标；11-数量指标；人数；实施周期指标值:3人；年度指标值:3人。\n"
        "    项目乙 6.00 4.00 2.00\n"
        "保障运行。\n"
    )
    columns = "项目名称（资金使用单位） 总计 财政拨款 {} 其他资金 绩效目标 绩效指标\n"
    split = head + columns.format("财政专户") + "拨款\n" + body
    rows = read(Source("split", split)).rows
    d = Decimal
    four = {"total": d("10.00"), "fiscal": d("4.00"), "special": d("3.00"), "other": d("3.00")}
    assert [(r.name.value, amounts(r)) for r in rows] == [
        ("合计", four),
        ("项目甲", four),
        ("项目乙", {"total": d("6.00"), "fiscal": d("4.00"), "other": d("2.00")}),
    ]
    assert rows[1].goal.value == "保障运行。"
    # a header without 财政专户拨款: three amounts are its three columns
    three = read(Source("three", head + columns.format("").replace("  ", " ") + body)).rows
    assert amounts(three[2]) == {"total": d("6.00"), "fiscal": d("4.00"), "other": d("2.00")}


def test_tab_separated_seed_002_laid_out_as_pdf_text_reads_the_same() -> None:
    """All of seed 002 (17 units, 258 projects), wrapped and arranged every
    way, gives the rows the tab-separated reader gives."""
    from audit.readers import tsv
    from tests.conftest import SEED_002

    tab_separated = cells_of(tsv.read(Source("002", SEED_002.read_text(encoding="utf-8"))).rows)
    expected = [
        Cells(
            "total" if c.name == "合计" else "unit" if not (c.goal or c.indicators) else "project",
            c.name,
            c.amounts,
            c.goal,
            c.indicators,
        )
        for c in tab_separated
    ]
    assert sum(c.kind == "project" for c in expected) == 258
    for number, places in enumerate([("after",)] * 5):
        rng = random.Random(number)
        text = render(
            expected, name_width=7 + 3 * number, text_width=14 + 5 * number, rng=rng,
            page=0.03, places=places,
        )  # fmt: skip
        got = read(Source("002.pdf.txt", text)).rows
        assert [squeeze(c) for c in cells_of(got)] == [squeeze(c) for c in expected], places


def test_text_without_rows_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="no table rows"):
        read(
            Source(
                "t",
                "项目名称（资金使用单位） 总计 财政拨款 绩效目标 绩效指标\n只有一段说明文字。\n",
            )
        )
    assert read(Source("t", "\n\n")).rows == []


# --------------------------------------------------------------------------
# Laying rows out as a PDF extraction does


@dataclass(frozen=True)
class Cells:
    kind: str
    name: str
    amounts: tuple[str, ...]
    goal: str
    indicators: str


def cells_of(rows: list[Row]) -> list[Cells]:
    return [
        Cells(
            row.kind or "project",
            row.name.value,
            tuple(amount.text.value for amount in printed(row)),
            value(row.goal) or "",
            value(row.indicators) or "",
        )
        for row in rows
    ]


def squeeze(cells: Cells) -> Cells:
    """Without spaces (a wrap at a space loses it, as in the PDFs)."""
    return Cells(
        cells.kind,
        cells.name.replace(" ", ""),
        cells.amounts,
        cells.goal.replace(" ", ""),
        cells.indicators.replace(" ", ""),
    )


def chunks(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def render(
    rows: list[Cells],
    *,
    name_width: int,
    text_width: int,
    rng: random.Random,
    blank: float = 0.3,
    page: float = 0.0,
    goal_inline: float = 0.3,
    amounts_alone: float = 0.5,
    places: tuple[str, ...] = ("after",),
    numbers: bool = False,
) -> str:
    """Rows as PDF-extracted text: names indented and wrapped, amounts at the
    end of the name or alone, cells wrapped at ``text_width``, blank lines and
    page header blocks anywhere (with ``numbers``, each after the page's bare
    number and a form feed, as ``pdftotext`` prints a page's foot). ``places``
    says where a project's text goes:
    ``after`` its name (newer layout), ``before`` it, ``indicators-first``
    before it, or ``split`` (goal before, indicators after)."""
    out = ["", *HEADER_BLOCK, ""]
    lines: list[str] = []
    for row in rows:
        printed = " ".join(row.amounts)
        if row.kind == "total":
            lines.append(f"{row.name} {printed}".rstrip())
            continue
        name = chunks(row.name, name_width)
        if row.kind == "project":
            name[0] = "    " + name[0]
        goal = chunks(row.goal, text_width) if row.goal else []
        indicators = chunks(row.indicators, text_width) if row.indicators else []
        place = rng.choice(places) if row.kind == "project" else "after"
        if place == "before":
            lines += goal + indicators
            goal, indicators = [], []
        elif place == "indicators-first":
            lines += indicators + goal
            goal, indicators = [], []
        elif place == "split":
            lines += goal
            goal = []
        if rng.random() < amounts_alone:
            lines += [*name, printed]
        else:
            lines += [*name[:-1], f"{name[-1]} {printed}"]
        if goal and rng.random() < goal_inline:
            lines[-1] += " " + goal.pop(0)
        lines += goal + indicators
    for line in lines:
        if rng.random() < page:
            if numbers:
                count = sum(1 for text in out if text.startswith("\f")) + 1
                out += ["", str(count), f"\f{HEADER_BLOCK[0]}", *HEADER_BLOCK[1:], ""]
            else:
                out += ["", *HEADER_BLOCK, ""]
        out.append(line)
        while rng.random() < blank:
            out.append("")
    return "\n".join(out) + "\n"


def test_render_reproduces_the_rewrapped_fixture(seed_rows: list[Row]) -> None:
    text = render(cells_of(seed_rows), name_width=9, text_width=31, rng=random.Random(4), page=0.04)
    assert text == fixture("004_rewrapped.txt")


layouts = st.fixed_dictionaries(
    {
        "name_width": st.integers(6, 24),
        "text_width": st.integers(8, 40),
        "rng": st.integers(0, 2**32 - 1).map(random.Random),
        "blank": st.sampled_from([0.0, 0.3, 0.6]),
        "page": st.sampled_from([0.0, 0.05, 0.2]),
        "goal_inline": st.sampled_from([0.0, 0.5, 1.0]),
        "amounts_alone": st.sampled_from([0.0, 0.5, 1.0]),
        "numbers": st.booleans(),
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts)
def test_rewrapped_seed_reads_the_same_at_any_width(seed_rows: list[Row], layout: dict) -> None:
    text = render(cells_of(seed_rows), **layout)
    source = Source("rewrapped", text)
    rows = read(source).rows
    assert cells_of(rows) == cells_of(seed_rows)
    assert_maps_to_file(source, rows)
    doc = load_text(text, "rewrapped.txt")
    assert [p.title for p in doc.projects] == NAMES
    assert [len(p.clauses) for p in doc.projects] == CLAUSES


FRAGMENTS = [
    "合计",
    "    ",
    "  ",
    "\t",
    "\u3000",
    " ",
    "广州市测试中心",
    "项目经费（广州市",
    "830.47",
    "1,234.56",
    "0.00",
    "12",
    "-",
    "1、",
    "1.",
    "2、",
    "1-产出指标；",
    "11-数量指标；",
    "满意度指标：",
    "实施周期指标值:",
    "年度指标值：",
    "目标值",
    "90%或以上",
    "≥",
    "。",
    "；",
    "，",
    "（",
    "）",
    "\r",
    "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标",
    "单位名称：广州市测试中心 单位：万元",
    "部门名称：",
    "项目支出绩效目标表（含转移",
    "单位：万元",
    "- 2 -",
    "\f",
    "3",
]
lines = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=10).map("".join)
pdf_like = st.lists(lines, max_size=60).map("\n".join)


def read_leniently(text: str) -> tuple[Source, list[Row]] | None:
    source = Source("random", text)
    try:
        return source, read(source).rows
    except ReadError:
        return None


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(), pdf_like))
def test_any_text_gives_rows_inside_the_file_or_a_read_error(text: str) -> None:
    result = read_leniently(text)
    if result is not None:
        assert_maps_to_file(*result)


@settings(max_examples=200, deadline=None)
@given(body=pdf_like)
@example(body='\r"')  # a carriage return before a quote once raised csv.Error
def test_any_text_under_a_header_is_read_or_refused_with_a_reason(body: str) -> None:
    text = "\n".join(HEADER_BLOCK) + "\n" + body
    try:
        doc = load_text(text, "random.txt")
    except ReadError as error:
        assert str(error)
        return
    assert doc.layout == "pdf-text"
    for project in doc.projects:
        for cell in (project.name, project.goal, project.indicators):
            if cell is not None:
                span = cell.span()
                assert 1 <= span.line <= span.end_line <= doc.source.line_count


# --------------------------------------------------------------------------
# Clause 1 without its categories, and clauses a goal swallows

GOAL_004 = (
    "中心聘用的编外人员协助承担了心理咨询、就业指导、社会工作、工疗辅导、训练、手语翻译、业务辅助、"
    "定位呼叫、计算机技术、安全管理、后勤保障等多项工作任务，有力地协助了中心业务的开展，"
    "并对专业服务作了有效补充，以更好地适应机构改革后职能转变的需要。"
)
CLAUSES_004 = (
    "1、1-产出指标；11-数量指标；配备人员的达标率；实施周期指标值:90%或以上；年度指标值:90%或以上。"
    "2、1-产出指标；12-质量指标；工资待遇保障率；实施周期指标值:90%或以上；年度指标值:90%或以上。"
    "3、2-效益指标；22-社会效益；人员流失率；实施周期指标值:10%或以下；年度指标值:10%或以下。"
)
"""Seed 004's first project: its goal and the first three of its clauses."""
BARE_004 = CLAUSES_004.replace("1-产出指标；11-数量指标；", "", 1)
"""The same clauses, clause 1 without its categories (``1、配备人员的达标率；…``)."""
# Seed 004's second project: a goal that numbers its own aims (1.…；2.…).
LISTED_GOAL = (
    "1.对残疾人开展职业技能培训、在岗、转岗、定岗、创业培训和各类专项培训，提升残疾人职业素质、"
    "就业技能、岗位技能及创业能力，增强社会适应性和竞争力；2.组织盲人参加全国盲人医疗按摩考试以及"
    "上级残联组织的各类业务培训、技能培训；组织盲人医疗按摩人员参加继续教育、职称认定、评审等工作。"
)


def one_project(*cells: str, width: int = 31) -> str:
    """Seed 004's unit and first project as PDF text, ``cells`` wrapped at
    ``width`` (text joined into one cell is printed on the same lines)."""
    lines = ["", *HEADER_BLOCK, "", "合计 418.58 418.58", f"{UNIT} 418.58 418.58"]
    lines += ["    机构运行辅助经费 418.58 418.58", ""]
    for cell in cells:
        lines += [*chunks(cell, width), ""]
    return "\n".join(lines)


def tsv_project(goal: str, indicators: str) -> str:
    return tsv_table(
        [["机构运行辅助经费", "418.58", "418.58", "", "", goal, indicators]],
        total=["418.58", "418.58"],
        unit=[UNIT, "418.58", "418.58"],
    )


def findings(text: str) -> list[tuple[str, str, int | None]]:
    return sorted((f.rule, f.message, f.clause) for f in lint(text))


@pytest.mark.parametrize("width", [6, 13, 24, 31, 200])
@pytest.mark.parametrize("joined", [False, True])
def test_clause_1_without_categories_starts_the_indicators(width: int, joined: bool) -> None:
    # Wrapped anywhere, the goal and the indicators on lines of their own or
    # sharing one (``…的需要。1、配备人员的达标率；…``).
    text = (
        one_project(GOAL_004 + BARE_004, width=width)
        if joined
        else one_project(GOAL_004, BARE_004, width=width)
    )
    source = Source("bare.txt", text)
    rows = read(source).rows
    (project,) = projects(rows)
    assert value(project.goal) == GOAL_004
    assert value(project.indicators) == BARE_004
    assert_maps_to_file(source, rows)
    # What the same table reports as tab-separated text: clause 1 lacks its
    # categories, the clauses after it are read.
    found = findings(text)
    assert ("missing-field", "第1条指标缺少一级指标和二级指标", 1) in found
    assert found == findings(tsv_project(GOAL_004, BARE_004))
    assert [len(p.clauses) for p in load_text(text, "bare.txt").projects] == [3]


def test_clause_1_without_categories_and_no_goal_is_the_indicator_cell() -> None:
    (project,) = projects(read(Source("bare.txt", one_project(BARE_004))).rows)
    assert project.goal is None
    assert value(project.indicators) == BARE_004


@pytest.mark.parametrize("clauses", [CLAUSES_004, BARE_004])
@pytest.mark.parametrize("width", [13, 31, 200])
def test_a_goal_that_numbers_its_aims_stays_a_goal(clauses: str, width: int) -> None:
    # ``1.对残疾人…；2.组织…`` holds no value keyword before its 2.: no clause.
    for text in (
        one_project(LISTED_GOAL, clauses, width=width),
        one_project(LISTED_GOAL + clauses),
    ):
        (project,) = projects(read(Source("listed.txt", text)).rows)
        assert value(project.goal) == LISTED_GOAL
        assert value(project.indicators) == clauses


def test_a_goal_with_one_numbered_aim_and_no_keyword_stays_a_goal() -> None:
    goal = "1、" + GOAL_004
    (project,) = projects(read(Source("aim.txt", one_project(goal, BARE_004))).rows)
    assert value(project.goal) == goal
    assert value(project.indicators) == BARE_004
    (project,) = projects(read(Source("aim.txt", one_project(goal))).rows)
    assert value(project.goal) == goal
    assert project.indicators is None


def test_a_clause_whose_number_is_lost_is_taken_out_of_the_goal() -> None:
    # Nothing marks where the indicators begin: the goal ran on over them.
    # Its value keywords show it did; the clause is reported, not swallowed.
    lost = BARE_004.removeprefix("1、")
    text = one_project(GOAL_004, lost)
    (project,) = projects(read(Source("lost.txt", text)).rows)
    assert value(project.goal) == GOAL_004
    assert value(project.indicators) == lost
    rules = {rule for rule, _, _ in findings(text)}
    assert "parse-error" in rules


def test_a_clause_1_with_a_long_name_is_taken_out_of_the_goal() -> None:
    # Its first keyword stands too far from its number to mark clause 1 (the
    # name is 70 characters), but a goal never holds one.
    long = BARE_004.replace("配备人员的达标率", "配备人员的达标率" * 9, 1)
    text = one_project(GOAL_004, long, width=24)
    (project,) = projects(read(Source("long.txt", text)).rows)
    assert value(project.goal) == GOAL_004
    assert value(project.indicators) == long
    assert ("missing-field", "第1条指标缺少一级指标和二级指标", 1) in findings(text)


def test_a_clause_number_cut_from_its_mark_is_taken_out_of_the_goal() -> None:
    # ``…的需要。1`` / ``、1-产出指标；…``: the line after the goal does not
    # start with a clause number.
    text = one_project(GOAL_004 + "1", CLAUSES_004.removeprefix("1"), width=400)
    (project,) = projects(read(Source("cut.txt", text)).rows)
    assert value(project.goal) == GOAL_004
    assert value(project.indicators) == CLAUSES_004
    assert findings(text) == findings(tsv_project(GOAL_004, CLAUSES_004))


def bare_clause_1(cells: Cells) -> Cells:
    """``cells`` with clause 1's categories dropped."""
    indicators = re.sub(r"^1、\d-[^；]+；\d\d-[^；]+；", "1、", cells.indicators)
    return Cells(cells.kind, cells.name, cells.amounts, cells.goal, indicators)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts)
def test_clause_1_without_categories_reads_the_same_at_any_width(
    seed_rows: list[Row], layout: dict
) -> None:
    expected = [bare_clause_1(cells) for cells in cells_of(seed_rows)]
    assert sum(a != b for a, b in zip(expected, cells_of(seed_rows), strict=True)) == 10
    text = render(expected, **layout)
    source = Source("bare", text)
    rows = read(source).rows
    assert cells_of(rows) == expected
    assert_maps_to_file(source, rows)
    doc = load_text(text, "bare.txt")
    assert [len(p.clauses) for p in doc.projects] == CLAUSES


# --------------------------------------------------------------------------
# An amount with a letter typed in it


def name_line(amounts: str) -> str:
    """Seed 004's first project with ``amounts`` printed after its name."""
    text = one_project(GOAL_004, CLAUSES_004)
    return text.replace("    机构运行辅助经费 418.58 418.58", f"    机构运行辅助经费 {amounts}")


@pytest.mark.parametrize(
    ("printed", "columns"),
    [
        ("418.5O 418.58", ("418.5O", "418.58")),
        ("418.58 418.5O", ("418.58", "418.5O")),
        ("4l8.58 418.58", ("4l8.58", "418.58")),
        ("1,4O8.58 418.58 - 990.00", ("1,4O8.58", "418.58", "-", "990.00")),
    ],
)
def test_an_amount_with_a_letter_is_a_bad_amount(printed: str, columns: tuple[str, ...]) -> None:
    text = name_line(printed)
    source = Source("letter.txt", text)
    rows = read(source).rows
    (project,) = projects(rows)
    assert project.name.value == "机构运行辅助经费"
    assert [a.text.value for a in (project.amounts.total, project.amounts.fiscal)] == list(
        columns[:2]
    )
    assert value(project.goal) == GOAL_004
    assert value(project.indicators) == CLAUSES_004
    assert_maps_to_file(source, rows)
    bad = next(c for c in columns if any(ch.isalpha() for ch in c))
    found = [(f.rule, f.message) for f in lint(text, ["amount-format"])]
    assert (
        "amount-format",
        f"金额“{bad}”不是数字：应为以万元计、保留两位小数的金额，如 1,234.56",
    ) in found


def test_an_amount_with_a_letter_reads_as_in_tab_separated_text() -> None:
    text = name_line("418.5O 418.58")
    tsv = tsv_table(
        [["机构运行辅助经费", "418.5O", "418.58", "", "", GOAL_004, CLAUSES_004]],
        total=["418.58", "418.58"],
        unit=[UNIT, "418.58", "418.58"],
    )
    assert findings(text) == findings(tsv)
    assert {rule for rule, _, _ in findings(text)} == {"amount-format"}


@pytest.mark.parametrize("word", ["V2.0", "4K", "LED", "5G", "A1"])
def test_a_name_word_with_letters_and_digits_stays_in_the_name(word: str) -> None:
    # Not a printed amount with a letter for a digit: no two decimals, or
    # more than one letter.
    text = one_project(GOAL_004, CLAUSES_004).replace(
        "    机构运行辅助经费 418.58", f"    机构运行辅助经费 {word} 418.58"
    )
    (project,) = projects(read(Source("word.txt", text)).rows)
    assert project.name.value == f"机构运行辅助经费 {word}"
    assert amounts(project) == {"total": Decimal("418.58"), "fiscal": Decimal("418.58")}


def test_an_amount_with_a_letter_alone_is_no_amount() -> None:
    # Without a true amount beside it nothing shows it is one: the name line
    # reads as it did (a name that never found its amounts).
    text = name_line("418.5O")
    (project,) = projects(read(Source("alone.txt", text)).rows)
    assert project.name.value == "机构运行辅助经费 418.5O"
    assert printed(project) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=layouts, which=st.integers(0, 9), letter=st.sampled_from("OolIB"))
def test_an_amount_with_a_letter_keeps_projects_and_units(
    seed_rows: list[Row], layout: dict, which: int, letter: str
) -> None:
    # A project's 总计 with a letter for its last digit: every row keeps its
    # kind, name and cells, and only that amount is unreadable.
    expected = cells_of(seed_rows)
    at_row = [i for i, cells in enumerate(expected) if cells.kind == "project"][which]
    cells = expected[at_row]
    bad = cells.amounts[0][:-1] + letter
    expected[at_row] = Cells(
        cells.kind, cells.name, (bad, *cells.amounts[1:]), cells.goal, cells.indicators
    )
    text = render(expected, **layout)
    source = Source("letter", text)
    rows = read(source).rows
    assert cells_of(rows) == expected
    assert_maps_to_file(source, rows)
    assert [row.amounts.total.value for row in rows if row.name.value == cells.name] == [None]


# --------------------------------------------------------------------------
# Markup copied in with a cell's text (pdftotext -raw of a PDF printed from
# cells that held <p>…</p>): removed and reported, as every reader does


def test_markup_in_a_goal_is_removed_and_reported() -> None:
    source, rows = rows_of("markup_raw.txt")
    [project] = projects(rows)
    assert (
        value(project.goal)
        == "保障婚姻登记窗口正常运行，依法为群众办理婚姻登记，提高登记服务效率。"
    )
    assert [m.text for m in project.markup] == ["<p>", "</p>"]
    assert [(m.span.line, m.span.column) for m in project.markup] == [(11, 22), (12, 12)]
    assert_maps_to_file(source, rows)
    findings = lint(load_text(fixture("markup_raw.txt"), "markup_raw.txt"))
    assert [(f.rule, f.line) for f in findings] == [("markup-residue", 11)]


def test_markup_ending_an_indicator_cell_is_not_read_into_its_last_value() -> None:
    text = fixture("markup_raw.txt").replace("年度指标值：≥95%。", "年度指标值：≥95%。</p>")
    document = load_text(text, "markup_raw.txt")
    [project] = document.projects
    assert [c.annual.text for c in project.clauses if c.annual is not None][-1] == "≥95%"
    findings = lint(document)
    assert [f.message for f in findings] == ["绩效目标、绩效指标含网页标记残留：<p> </p>×2"]


def test_a_goal_without_markup_has_none() -> None:
    """Near miss: a ``<`` that is no tag (≤ written as <) stays in the text."""
    text = fixture("markup_raw.txt").replace("<p>", "").replace("</p>", "")
    text = text.replace("年度指标值：≥95%。", "年度指标值：<5%。")
    document = load_text(text, "markup_raw.txt")
    [project] = document.projects
    assert project.markup == ()
    assert [c.annual.text for c in project.clauses if c.annual is not None][-1] == "<5%"


WHOLE_DEPARTMENT_TEXT = """
广州市某区民政局2026年部门整体支出绩效目标表
部门名称：广州市某区民政局 年度预算：4,210.00万元
年度总体目标：兜牢民生底线，做好困难群众基本生活保障。
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 临时救助人次 ≥3000人次
满意度指标 服务对象满意度指标 救助对象满意度 ≥90%
"""


def test_a_whole_department_table_after_the_projects_is_no_part_of_the_last() -> None:
    """Its title ends the projects' table in extracted text too: its lines are
    set aside with a note, not read into the last clause's value."""
    path = Path(__file__).resolve().parent.parent / "examples" / "pdf-extracted.txt"
    text = path.read_text(encoding="utf-8")
    alone = load_text(text, "alone.txt")
    notes: list[str] = []
    from audit.parsing import parse_document
    from audit.readers import read_text

    document = parse_document(
        read_text(text + WHOLE_DEPARTMENT_TEXT, "both.txt", notify=notes.append)
    )
    last = document.projects[-1].clauses[-1]
    assert isinstance(last, Clause) and last.annual is not None
    assert last.annual.text == "90%或以上"
    assert [p.title for p in document.projects] == [p.title for p in alone.projects]
    lines = (text + WHOLE_DEPARTMENT_TEXT).split("\n")
    title = next(n for n, line in enumerate(lines, 1) if "部门整体" in line)
    assert notes == [f"line {title}: skipped, another table or text under the performance table"]
