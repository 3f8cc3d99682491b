"""Tables written the way units publish them that the readers misread:

- a Guangzhou table (one row per project, its clauses in one cell) saved as
  CSV where the list separator is ``;`` (Excel in many locales), read as the
  comma-separated file is;
- a national list with a column of the project's whole investment
  (项目总投资) beside the year's 预算数: the whole term's amount, as a form
  reads that label, never the year's total nor summed as it;
- a national form whose year's amount (本年安排, 年度安排) is a draft's
  placeholder (``待补充``): the amount not written yet, read where it stands,
  not a plan of work dropped so that the project seems to state no amount.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from audit.model import Document, Finding
from audit.pipeline import load_bytes, load_text
from audit.readers import NotATable, ReadError
from tests.conftest import lint

# --------------------------------------------------------------------------
# 1. A Guangzhou table saved as CSV with ``;`` between its fields

GZ_ROWS: list[list[str]] = [
    [
        "广州市某区人力资源和社会保障局2025年项目支出绩效目标表（含转移支付项目）",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["单位名称：广州市某区人力资源和社会保障局", "", "", "", "", "", ""],
    ["单位：万元", "", "", "", "", "", ""],
    [
        "项目名称（资金使用单位）",
        "总计",
        "财政拨款",
        "财政专户拨款",
        "其他资金",
        "绩效目标",
        "绩效指标",
    ],
    ["合计", "1,250.00", "1,250.00", "", "", "", ""],
    ["广州市某区职业训练中心", "1,250.00", "1,250.00", "", "", "", ""],
    [
        "职业技能提升培训补贴",
        "1,000.00",
        "1,000.00",
        "",
        "",
        "组织开展职业技能提升培训，提高劳动者就业创业能力，促进全区就业局势稳定。",
        "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥3000人次；年度指标值:≥3000人次。"
        "2、1-产出指标；12-质量指标；培训合格率；实施周期指标值:培训合格率；年度指标值:≥90%。"
        "3、2-效益指标；22-社会效益；培训后就业率；实施周期指标值:≥60%；年度指标值:≥60%。"
        "4、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值:≥90%；年度指标值:≥90%。",
    ],
    [
        "就业见习补贴",
        "250.00",
        "250.00",
        "",
        "",
        "组织高校毕业生参加就业见习，发放见习补贴，提升青年就业能力。",
        # ; and , as separators (as the seeds write them): the spreadsheet
        # quotes this cell
        "1、1-产出指标;11-数量指标;见习人数;实施周期指标值:≥200人;年度指标值:≥200人。"
        "2、2-效益指标，22-社会效益，见习留用率，实施周期指标值:≥30%，年度指标值:≥30%。"
        "3、3-满意度指标；31-服务对象满意度；见习人员满意度；实施周期指标值:≥90%；年度指标值:≥90%。",
    ],
]


def saved_csv(rows: list[list[str]], delimiter: str) -> str:
    """The rows as a spreadsheet saves them as CSV: every row the sheet's
    width, a cell holding the delimiter, a quote or a line break quoted."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _shape(document: Document) -> list[tuple[str, str, object, object, list[str]]]:
    return [
        (
            unit.name.value,
            project.name.value,
            project.amounts.value("total"),
            project.amounts.value("fiscal"),
            [clause.name for clause in project.clauses if hasattr(clause, "name")],
        )
        for unit in document.units
        for project in unit.projects
    ]


def _rules(findings: list[Finding]) -> list[tuple[str, str, int | None]]:
    return [(f.rule, f.message, f.line) for f in findings]


def test_a_guangzhou_csv_saved_with_semicolons_reads_as_the_comma_csv() -> None:
    semi = load_text(saved_csv(GZ_ROWS, ";"), "gz.csv")
    comma = load_text(saved_csv(GZ_ROWS, ","), "gz.csv")
    assert semi.layout == "csv"
    assert _shape(semi) == _shape(comma)
    assert [p.name.value for p in semi.projects] == ["职业技能提升培训补贴", "就业见习补贴"]
    assert semi.projects[0].amounts.value("total") == Decimal("1000.00")
    assert len(semi.projects[0].clauses) == 4
    assert len(semi.projects[1].clauses) == 3
    assert _rules(lint(semi)) == _rules(lint(comma))


def test_the_semicolon_csv_s_findings_point_at_their_characters() -> None:
    text = saved_csv(GZ_ROWS, ";")
    findings = lint(load_text(text, "gz.csv"), ["value-restates-name"])
    assert [f.excerpt for f in findings] == ["培训合格率"]
    (finding,) = findings
    assert finding.line is not None and finding.column is not None
    line = text.split("\r\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith("培训合格率；年度指标值")


def test_the_semicolon_csv_is_read_from_gbk_bytes() -> None:
    data = saved_csv(GZ_ROWS, ";").encode("gb18030")
    assert len(load_bytes(data, "gz.csv").projects) == 2


def test_heading_lines_without_the_padding_are_read() -> None:
    """A file that leaves out a row's trailing empty fields (the title, the
    单位名称 line written alone): shorter rows shift no cell."""
    text = saved_csv(GZ_ROWS, ";")
    lines = text.split("\r\n")
    lines[:3] = [line.rstrip(";") for line in lines[:3]]
    document = load_text("\r\n".join(lines), "gz.csv")
    assert _shape(document) == _shape(load_text(text, "gz.csv"))


def test_a_semicolon_typed_into_a_cell_without_its_quotes_is_refused() -> None:
    """Near miss: a row wider than the header (a ``;`` in the goal without
    the quotes a spreadsheet puts round it) would be read with its cells
    shifted: the file is refused, naming the line."""
    rows = [list(row) for row in GZ_ROWS]
    rows[7][5] = "组织高校毕业生参加就业见习;发放见习补贴"
    text = saved_csv(rows, ";").replace(
        '"组织高校毕业生参加就业见习;发放见习补贴"', "组织高校毕业生参加就业见习;发放见习补贴"
    )
    with pytest.raises(ReadError, match="line 8"):
        load_text(text, "gz.csv")


def test_semicolons_in_a_comma_csv_s_cells_leave_it_comma_separated() -> None:
    """Near miss: a comma-separated file whose clause cells hold ``;`` is
    read by its commas, as before."""
    document = load_text(saved_csv(GZ_ROWS, ","), "gz.csv")
    assert document.layout == "csv"
    assert len(document.projects[1].clauses) == 3


def test_a_note_quoting_the_columns_with_semicolons_is_no_table() -> None:
    """Near miss: prose that names the columns between ``;`` marks in one
    sentence splits into no header row."""
    text = (
        "填报说明\n"
        "表头依次为项目名称（资金使用单位）;总计;财政拨款;绩效目标;绩效指标，请按模板填写。\n"
    )
    with pytest.raises(NotATable):
        load_text(text, "notes.csv")
