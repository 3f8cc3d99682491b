"""What stands around a Guangzhou (clause-cell) table, in every carrier: the
notes and signatures under the last project (``注：…``, ``填报人：… 联系电话：…``)
are no projects and no part of the last clause; a bare page number at a page
foot of PDF-extracted text is no cell text; the amount unit the heading
states (``金额单位：元``) converts the amounts to 万元 as in the national
template.

The project is seed 002's clean row (line 733, ``tests/excerpts.CLEAN``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from audit.model import Document, Finding
from audit.pipeline import load_path, load_text
from scripts.make_examples import rows_from_tsv, write_html, write_pdf, write_table, write_xlsx
from tests.conftest import lint, project_row, tsv_table
from tests.excerpts import CLEAN

NAME = "引进留学人员安家补助经费"
ROW = project_row(NAME, CLEAN, goal="为引进留学人员发放安家补助，吸引留学人员来穗创新创业。")
NOTE = "注：本表金额单位为万元，项目按部门预算批复口径填列。"
SIGNER = ["填报人：李晓明", "", "联系电话：020-83345678"]


def titles(document: Document) -> list[str]:
    return [project.title for project in document.projects]


def keys(findings: list[Finding]) -> list[tuple[str, str | None, int | None, str | None]]:
    return [(f.rule, f.project, f.clause, f.message) for f in findings]


def with_lines(table: str, *lines: str) -> str:
    return table + "\n".join(lines) + "\n"


def tsv_row(cells: list[str]) -> str:
    return "\t".join(cells + [""] * (7 - len(cells)))


CLEAN_TSV = tsv_table([ROW])


# --------------------------------------------------------------------------
# Notes and signatures under the table


@pytest.mark.parametrize(
    "lines",
    [
        [tsv_row([NOTE]), tsv_row(SIGNER)],  # rows of the table's width
        ["\t" * 6, NOTE, "填报人：李晓明    联系电话：020-83345678"],  # lines without tabs
        [tsv_row(["说明：", "1.本表按部门预算批复口径填列。"])],
        [tsv_row(["填报说明：1.金额单位为万元；2.绩效指标按序号、一级指标；年度指标值填列。"])],
        [tsv_row(["审核人：王小红", "", "填报日期：2025年1月20日"])],
        [tsv_row(["单位负责人（签字）：", "", "联系电话：", "83345678"])],  # a number after a label
        [tsv_row(["注：", "", "", "", "", "本表按部门预算批复口径填列。"]), "2、项目按批复填列。"],
        # the signature at the right, beside a blank name cell
        [tsv_row(["", "", "", "", "", "填报人：李晓明", "审核人：王小红"])],
        [
            tsv_row([NOTE]),
            tsv_row(["", "", "", "", "", "填报人：李晓明", "联系电话：020-83345678"]),
        ],
    ],
)
def test_notes_under_a_tab_separated_table_are_no_projects(lines: list[str]) -> None:
    document = load_text(with_lines(CLEAN_TSV, *lines), "notes.txt")
    clean = load_text(CLEAN_TSV, "clean.txt")
    assert titles(document) == [NAME]
    assert document.projects[0].indicators.value == clean.projects[0].indicators.value
    assert keys(lint(document)) == keys(lint(clean))


def test_notes_as_the_sweep_found_them_give_no_finding() -> None:
    """One project, a blank row, the note and the signature: five errors
    (two phantom projects) before."""
    text = with_lines(
        CLEAN_TSV, "\t" * 6, tsv_row([NOTE]), tsv_row(["填报人：张某某", "", SIGNER[2]])
    )
    assert keys(lint(text)) == keys(lint(CLEAN_TSV))
    assert not any(f.rule in ("missing-goal", "amount-format", "placeholder") for f in lint(text))


def test_a_notes_row_before_the_repeated_header_is_dropped_too() -> None:
    """Notes at the foot of a page, then the page header and more projects."""
    second = project_row("留学人员创业启动资金", CLEAN)
    page = tsv_table([second]).split("\n", 1)[1]
    text = with_lines(CLEAN_TSV, tsv_row([NOTE]), tsv_row(SIGNER)) + page
    assert titles(load_text(text, "paged.txt")) == [NAME, "留学人员创业启动资金"]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # amounts in the amount columns: a project, whatever its name
        (
            [tsv_row(["备注：专项经费", "10.00", "10.00", "", "", "保障运行。", CLEAN])],
            "备注：专项经费",
        ),
        # clauses in the indicator cell: a project
        ([tsv_row(["说明：专项经费", "", "", "", "", "保障运行。", CLEAN])], "说明：专项经费"),
        # not under the last project: a project (as it always read)
        ([tsv_row([NOTE]), tsv_row(project_row("留学人员创业启动资金", CLEAN))], NOTE),
    ],
)
def test_rows_that_only_look_like_notes_stay_projects(lines: list[str], kept: str) -> None:
    assert kept in titles(load_text(with_lines(CLEAN_TSV, *lines), "near.txt"))


def test_a_labelled_row_beside_a_blank_name_with_a_project_after_it_continues_the_row() -> None:
    """Near miss: a nameless row continues the row above (a cell carried
    over a page break) when a project follows it, whatever it starts with."""
    carried = tsv_row(["", "", "", "", "", "说明：按年度考核发放。"])
    second = tsv_row(project_row("留学人员创业启动资金", CLEAN))
    document = load_text(with_lines(CLEAN_TSV, carried, second), "near.txt")
    assert titles(document) == [NAME, "留学人员创业启动资金"]
    assert document.projects[0].goal.value.endswith("说明：按年度考核发放。")


def test_a_labelled_line_that_continues_an_unfinished_cell_stays_in_it() -> None:
    """Near miss: the indicator cell has not ended (no 。) when a line
    without tabs starts with 备注：: it continues the cell, as before."""
    cut = CLEAN.removesuffix("。")
    row = project_row(NAME, cut)
    text = with_lines(tsv_table([row]), "备注：以年度考核为准。")
    document = load_text(text, "near.txt")
    assert titles(document) == [NAME]
    assert document.projects[0].indicators.value.endswith("≥90%备注：以年度考核为准。")


def test_notes_under_a_csv_table_are_no_projects() -> None:
    lines = [",".join(f'"{cell}"' for cell in line.split("\t")) for line in CLEAN_TSV.split("\n")]
    csv = "\n".join(lines) + "\n"
    notes = csv + f'"{NOTE}",,,,,,\n"填报人：李晓明",,"联系电话：020-83345678",,,,\n'
    document = load_text(notes, "notes.csv")
    assert document.layout == "csv"
    assert titles(document) == [NAME]
    assert keys(lint(document)) == keys(lint(load_text(csv, "clean.csv")))


@pytest.mark.parametrize("carrier", ["xlsx", "pdf", "html"])
def test_notes_under_a_table_read_from_cells_are_no_projects(tmp_path: Path, carrier: str) -> None:
    """The note in one cell merged across the row (a one-cell row), the
    signature spread over cells."""
    rows = rows_from_tsv(CLEAN_TSV)
    notes = [
        *rows,
        [NOTE],
        ["填报人：李晓明", None, "联系电话：020-83345678", None, None, None, None],
        [None, None, None, None, None, "审核人：王小红", "填报日期：2025年1月20日"],
    ]
    document = load_path(write_table(tmp_path / f"notes.{carrier}", notes, sheet="绩效目标表"))
    assert titles(document) == [NAME]
    assert keys(lint(document)) == keys(lint(CLEAN_TSV))


# PDF-extracted text of the same table: the note and the signature printed
# after the last clause, as a text extractor gives them.
PDF_TEXT = """
广州市测试中心2024年项目支出绩效目标表（含转移支付项目）

单位名称：广州市测试中心 单位：万元

项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标

    引进留学人员安家补助经费 10.00 10.00

为引进留学人员发放安家补助，吸引留学人员来穗
创新创业。

1、1-产出指标；12-质量指标；补助资金发放合规性
；实施周期指标值:合法合规；年度指标值:合法合规。
2、1-产出指标；11-数量指标；发放安家补助留学人员
数；实施周期指标值:不少于2人；年度指标值:不少于2
人。3、3-满意度指标；31-服务对象满意度；服务对
象满意度；实施周期指标值:≥90%；年度指标值:≥9
0%。
"""


def clean_pdf_text() -> Document:
    return load_text(PDF_TEXT, "clean.txt")


@pytest.mark.parametrize(
    "tail",
    [
        f"\n{NOTE}\n\n填报人：李晓明    联系电话：020-83345678\n",
        "\n注：1.本表按部门预算批复口径填列；\n2.绩效指标按“序号、一级指标；二级指标；指标名称；年度指\n标值”填列。\n",
        "审核人：王小红 填报日期：2025年1月20日\n",
    ],
)
def test_notes_after_the_last_clause_of_pdf_text_do_not_continue_it(tail: str) -> None:
    document = load_text(PDF_TEXT + tail, "notes.txt")
    assert titles(document) == [NAME]
    assert document.projects[0].indicators.value == clean_pdf_text().projects[0].indicators.value
    assert keys(lint(document)) == keys(lint(clean_pdf_text()))


def test_a_labelled_line_inside_an_unfinished_clause_of_pdf_text_stays_in_it() -> None:
    """Near misses: 说明： while the last clause has no annual value yet, and
    in the goal before any clause."""
    cut = PDF_TEXT.replace(
        "象满意度；实施周期指标值:≥90%；年度指标值:≥9\n0%。\n", "象满意度；实施周期指标值:≥90%；\n"
    )
    document = load_text(cut + "说明：年度指标值:≥90%。\n", "near.txt")
    assert document.projects[0].indicators.value.endswith("≥90%；说明：年度指标值:≥90%。")
    goal = PDF_TEXT.replace("创新创业。\n", "创新创业。\n说明：按年度发放。\n")
    assert load_text(goal, "goal.txt").projects[0].goal.value.endswith("说明：按年度发放。")


# --------------------------------------------------------------------------
# Bare page numbers in PDF-extracted text

PAGE_BLOCK = [
    "广州市测试中心2024年项目支出绩效目标表（含转移支付项目）",
    "单位名称：广州市测试中心 单位：万元",
    "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标",
]


def break_at(text: str, before: str, foot: list[str]) -> str:
    """``text`` with a page break before the line ``before``: the lines of
    ``foot`` (a page number, a form feed), then the page header block."""
    lines = text.split("\n")
    at = lines.index(before)
    return "\n".join([*lines[:at], *foot, *PAGE_BLOCK, "", *lines[at:]])


WRAPPED = PDF_TEXT.replace("年度指标值:≥9\n0%。", "年度指标值:≥9\n0\n%。")  # 90 wrapped as 9 / 0


@pytest.mark.parametrize(
    "foot",
    [
        ["", "2", "\f"],  # the number, a form feed on a line of its own
        ["", "2"],  # the number right above the repeated header
        ["2\f"],  # the number, the form feed on its line
        ["", "\f2", ""],  # the number at the top of the next page
        ["2", "", "\f"],
    ],
)
def test_a_bare_page_number_at_a_page_break_is_dropped(foot: list[str]) -> None:
    """The break inside ≥90% (``≥9`` / page 2 / ``0%``) read ≥290% before."""
    text = break_at(PDF_TEXT, "0%。", foot)
    clean = clean_pdf_text()
    document = load_text(text, "paged.txt")
    assert document.projects[0].indicators.value == clean.projects[0].indicators.value
    assert keys(lint(document)) == keys(lint(clean))
    last = document.projects[0].clauses[-1]
    assert str(last.annual.text) == "≥90%"


def test_a_form_feed_before_the_header_block_alone_still_joins_the_cell() -> None:
    text = break_at(PDF_TEXT, "0%。", ["\f"])
    assert load_text(text, "ff.txt").projects[0].indicators.value == (
        clean_pdf_text().projects[0].indicators.value
    )


def test_wrapped_digits_inside_a_cell_are_kept() -> None:
    """Near misses: a line ``0`` inside the cell with no page break; a line
    of digits followed by a page mark (``- 2 -``) and the header: the digits
    are the cell's, the mark is the page number."""
    document = load_text(WRAPPED, "wrapped.txt")
    assert str(document.projects[0].clauses[-1].annual.text) == "≥90%"
    marked = break_at(WRAPPED, "%。", ["", "- 2 -", ""])
    assert str(load_text(marked, "marked.txt").projects[0].clauses[-1].annual.text) == "≥90%"
    numbered = break_at(WRAPPED, "%。", ["", "2", "\f"])
    assert str(load_text(numbered, "numbered.txt").projects[0].clauses[-1].annual.text) == "≥90%"


DIGITS = WRAPPED.replace("年度指标值:不少于2\n人。", "年度指标值:不少于\n2\n人。")
"""Two cells with digits wrapped onto lines of their own (``2``, ``0``)."""
FEET = {
    "dash": ["", "- {} -", ""],
    "bare": ["", "{}"],
    "form-feed": ["", "{}", "\f"],
    "form-feed-after": ["{}\f"],
    "top": ["", "\f{}"],
}


def clause_values(document: Document) -> list[tuple[int | None, str, str]]:
    return [
        (clause.number, clause.name, " ".join(f.text for f in clause.fields))
        for project in document.projects
        for clause in project.clauses
    ]


@pytest.mark.parametrize("foot", FEET)
def test_a_page_break_with_a_page_number_at_any_line_keeps_every_value(foot: str) -> None:
    """The table cut into two pages before each of its body lines, the page
    number in each form: no value changes, the wrapped digits included."""
    expected = clause_values(load_text(DIGITS, "whole.txt"))
    assert (expected[-1][2].split()[-1], expected[1][2].split()[-1][-2:]) == ("≥90%", "2人")
    lines = DIGITS.split("\n")
    body = lines.index(PAGE_BLOCK[2]) + 1
    for cut in range(body, len(lines)):
        if not lines[cut].strip():
            continue
        for number in ("2", "12", "1234"):
            marks = [line.format(number) for line in FEET[foot]]
            text = "\n".join([*lines[:cut], *marks, *PAGE_BLOCK, *lines[cut:]])
            assert clause_values(load_text(text, "paged.txt")) == expected, (cut, number)


def test_the_first_page_number_above_the_title_is_no_preamble_line() -> None:
    """A ``1`` above the first title is the page number, not a heading line
    to drop wherever it appears again (the wrapped ``0`` stays)."""
    text = "1\n" + WRAPPED.replace("年度指标值:≥9\n0\n%。", "年度指标值:≥9\n1\n%。")
    assert str(load_text(text, "first.txt").projects[0].clauses[-1].annual.text) == "≥91%"


# --------------------------------------------------------------------------
# The amount unit the heading states

COST = "4、4-成本指标；41-经济成本指标；项目总成本；实施周期指标值:≤60万元；年度指标值:≤60万元。"


def yuan_table(heading: str, amount: str) -> str:
    row = project_row(NAME, CLEAN + COST, amount=amount)
    return tsv_table([row]).replace("单位：万元", heading)


def cost_findings(document: Document) -> list[str]:
    return [f.message for f in lint(document, ["cost-exceeds-budget"])]


@pytest.mark.parametrize(
    "heading", ["金额单位：元", "单位：元", "（单位：元）", "部门名称：广州市测试中心 单位：元"]
)
def test_amounts_in_yuan_are_converted_to_wan(heading: str) -> None:
    """480,000.00 元 is 48 万元: the cost target of 60 万元 exceeds it, as
    in the same table written in 万元."""
    document = load_text(yuan_table(heading, "480,000.00"), "yuan.txt")
    project = document.projects[0]
    assert project.amounts.total.value == Decimal("48")
    assert project.amounts.total.unit == "元"
    assert str(project.amounts.total.text) == "480,000.00"
    wan = load_text(yuan_table("单位：万元", "48.00"), "wan.txt")
    assert cost_findings(document) == cost_findings(wan) != []
    assert lint(document, ["amount-format"]) == []


def test_amounts_stay_in_wan_without_a_yuan_heading() -> None:
    """Near misses: 单位：万元, and a note that names the unit in a sentence."""
    for heading in ("单位：万元", "注：本表金额单位为元"):
        document = load_text(yuan_table(heading, "48.00"), "wan.txt")
        assert document.projects[0].amounts.total.value == Decimal("48.00")
        assert document.projects[0].amounts.total.unit == "万元"


def test_amounts_in_yuan_in_csv_pdf_text_and_cells(tmp_path: Path) -> None:
    text = yuan_table("金额单位：元", "480,000.00")
    rows = rows_from_tsv(text)
    csv_lines = [",".join(f'"{c}"' for c in line.split("\t")) for line in text.split("\n")]
    pdf_text = PDF_TEXT.replace("单位：万元", "单位：元").replace("10.00", "100,000.00")
    documents = [
        load_text("\n".join(csv_lines), "yuan.csv"),
        load_path(write_xlsx(tmp_path / "yuan.xlsx", [("绩效目标表", rows, ())])),
        load_path(write_pdf(tmp_path / "yuan.pdf", rows)),
        load_path(write_html(tmp_path / "yuan.html", rows)),
    ]
    for document in documents:
        assert document.projects[0].amounts.total.value == Decimal("48"), document.layout
        assert cost_findings(document) != [], document.layout
    pdf = load_text(pdf_text, "yuan-pdf.txt")
    assert pdf.layout == "pdf-text"
    assert pdf.projects[0].amounts.total.value == Decimal("10")
    assert pdf.projects[0].amounts.total.unit == "元"


def test_the_unit_in_a_cell_beside_the_organisation_is_read() -> None:
    """单位名称 and 金额单位：元 in two cells of one row above the header, in
    tab-separated text and CSV: headings, not a project named 部门名称."""
    text = yuan_table("单位：万元", "480,000.00").replace(
        "部门名称：广州市测试中心\n\n单位：万元", "部门名称：广州市测试中心\t\t\t\t\t\t金额单位：元"
    )
    csv = "\n".join(",".join(f'"{c}"' for c in line.split("\t")) for line in text.split("\n"))
    for document in (load_text(text, "shared.txt"), load_text(csv, "shared.csv")):
        assert titles(document) == [NAME]
        assert document.organization == "广州市测试中心"
        assert document.projects[0].amounts.total.value == Decimal("48")
