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
from pathlib import Path

import pytest

from audit.model import Document, Finding
from audit.pipeline import load_bytes, load_path, load_text
from audit.readers import NotATable, ReadError
from scripts.make_examples import write_table
from tests.conftest import config_with, lint

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


# --------------------------------------------------------------------------
# 2. A national list with 项目总投资 beside the year's 预算数

LIST_HEADER = [
    "单位名称",
    "项目名称",
    "项目总投资",
    "预算数",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
]


def _investment_list(
    investment: str = "项目总投资", budget: str | None = "预算数"
) -> list[list[str]]:
    header = [investment if c == "项目总投资" else c for c in LIST_HEADER]
    rows = [
        ["2025年部门项目支出绩效目标表", *[""] * 11],
        ["单位名称：某县水利局", *[""] * 9, "金额单位：万元", ""],
        header,
        ["合计", "", "5,400.00", "860.00", *[""] * 8],
        ["某县水利局", "", "5,400.00", "860.00", *[""] * 8],
        [
            "某县水利局",
            "中小河流治理工程",
            "4,800.00",
            "600.00",
            "完成河道清淤疏浚12公里，新建护岸3.5公里，提高河段防洪能力。",
            "产出指标",
            "数量指标",
            "河道清淤长度",
            "≥",
            "12",
            "公里",
            "30",
        ],
        ["", "", "", "", "", "", "质量指标", "工程验收合格率", "=", "100", "%", "30"],
        ["", "", "", "", "", "效益指标", "社会效益指标", "受益人口", "≥", "2.5", "万人", "20"],
        [
            "",
            "",
            "",
            "",
            "",
            "满意度指标",
            "服务对象满意度指标",
            "沿河群众满意度",
            "≥",
            "90",
            "%",
            "20",
        ],
        [
            "某县水利局",
            "农村饮水安全维修养护",
            "600.00",
            "260.00",
            "维修养护农村供水工程42处，保障农村群众饮水安全。",
            "产出指标",
            "数量指标",
            "维修养护工程处数",
            "≥",
            "42",
            "处",
            "40",
        ],
        ["", "", "", "", "", "效益指标", "社会效益指标", "农村自来水普及率", "≥", "95", "%", "30"],
        [
            "",
            "",
            "",
            "",
            "",
            "满意度指标",
            "服务对象满意度指标",
            "受益群众满意度",
            "≥",
            "90",
            "%",
            "30",
        ],
    ]
    if budget is None:  # no column of the year's amount
        at = header.index("预算数")
        rows = [row[:at] + row[at + 1 :] for row in rows]
    return rows


def _list_text(rows: list[list[str]]) -> str:
    return saved_csv(rows, ",")


def _totals(document: Document) -> list[tuple[str, object]]:
    return [(p.name.value, p.amounts.value("total")) for p in document.projects]


@pytest.mark.parametrize("carrier", ["csv", "xlsx"])
def test_the_whole_investment_beside_the_year_s_budget_is_not_the_total(
    carrier: str, tmp_path: Path
) -> None:
    rows = _investment_list()
    if carrier == "csv":
        document = load_text(_list_text(rows), "list.csv")
    else:
        document = load_path(write_table(tmp_path / "list.xlsx", rows))
    assert document.layout.startswith("national-list")
    assert _totals(document) == [
        ("中小河流治理工程", Decimal("600.00")),
        ("农村饮水安全维修养护", Decimal("260.00")),
    ]
    # the subtotal and 合计 are the year's: the investments (5,400.00 on
    # those rows) are summed as nothing
    rules = {f.rule for f in lint(document)}
    assert not rules & {"subtotal-mismatch", "total-mismatch", "rounding-difference"}


@pytest.mark.parametrize(
    "investment", ["项目总投资", "计划总投资", "项目总投资（万元）", "中期资金总额"]
)
def test_a_list_stating_only_the_whole_term_s_amount_states_no_year_s_total(
    investment: str,
) -> None:
    """The whole term's amount is never the year's budget, nor summed as it:
    a list without a column of the year's amount states none."""
    document = load_text(_list_text(_investment_list(investment, budget=None)), "list.csv")
    assert [total for _, total in _totals(document)] == [None, None]


def _two_row_header(sources: list[str]) -> str:
    """A list whose amounts stand under a heading over two header rows."""
    width = 8 + len(sources)
    rows = [
        ["单位名称：某县水利局", *[""] * (width - 1)],
        [
            "项目名称",
            "项目资金（万元）",
            *[""] * (len(sources) - 1),
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "权重",
            "备注",
        ],
        ["", *sources, *[""] * 7],
        [
            "中小河流治理工程",
            *["4,800.00", "600.00", "500.00", "100.00"][: len(sources)],
            "完成河道清淤疏浚12公里，新建护岸3.5公里，提高河段防洪能力。",
            "产出指标",
            "数量指标",
            "河道清淤长度",
            "≥12公里",
            "40",
            "",
        ],
        [
            "",
            *[""] * len(sources),
            "",
            "效益指标",
            "社会效益指标",
            "受益人口",
            "≥2.5万人",
            "30",
            "",
        ],
        [
            "",
            *[""] * len(sources),
            "",
            "满意度指标",
            "服务对象满意度指标",
            "沿河群众满意度",
            "≥90%",
            "30",
            "",
        ],
    ]
    return saved_csv(rows, ",")


def test_the_whole_investment_under_the_funds_heading_is_no_source_of_funds() -> None:
    """项目资金（万元） over 项目总投资 | 合计 | 财政拨款 | 其他资金: the year's
    amounts are read by their heads; the investment is the term's, not a
    source of funds left unread."""
    notes: list[str] = []
    text = _two_row_header(["项目总投资", "合计", "财政拨款", "其他资金"])
    document = load_bytes(text.encode(), "list.csv", notes.append)
    amounts = document.projects[0].amounts
    assert [amounts.value(c) for c in ("total", "fiscal", "other")] == [
        Decimal("600.00"),
        Decimal("500.00"),
        Decimal("100.00"),
    ]
    assert not [note for note in notes if "项目总投资" in note]


def test_a_source_the_model_has_no_column_for_is_still_noted() -> None:
    """Near miss: 中央资金 under the same heading is a source of funds no
    column reads: noted, as before."""
    notes: list[str] = []
    text = _two_row_header(["中央资金", "合计", "财政拨款", "其他资金"])
    load_bytes(text.encode(), "list.csv", notes.append)
    assert [note for note in notes if "中央资金" in note]


def test_the_budget_year_s_column_stays_the_year_s_total() -> None:
    """Near miss: ``2025年预算数`` names the year (the total), while
    ``2025-2027年资金总额`` names the term (the whole investment)."""
    rows = _investment_list("2025-2027年资金总额")
    rows[2][3] = "2025年预算数"
    document = load_text(_list_text(rows), "list.csv")
    assert _totals(document) == [
        ("中小河流治理工程", Decimal("600.00")),
        ("农村饮水安全维修养护", Decimal("260.00")),
    ]


# --------------------------------------------------------------------------
# 3. A form whose year's amount is a placeholder


def _form(year_amount: str, label: str = "本年安排") -> str:
    rows = [
        ["2025年项目支出绩效目标表", "", "", ""],
        ["金额单位：万元", "", "", ""],
        ["项目名称", "农村公路养护经费", "主管部门", "某县交通运输局"],
        ["实施单位", "某县公路事业发展中心", "项目期", "2025年"],
        ["项目总投资", "500.00", label, year_amount],
        ["年度目标", "完成全县农村公路日常养护，及时修复病害路段，保障道路安全畅通。", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "养护里程", "≥350公里"],
        ["效益指标", "社会效益指标", "道路通行条件", "明显改善"],
        ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"],
    ]
    return "\n".join("\t".join(row) for row in rows) + "\n"


@pytest.mark.parametrize("placeholder", ["待补充", "待单位补充", "XXX", "（待补充）", "XX万元"])
def test_a_placeholder_for_the_year_s_amount_is_read_where_it_stands(placeholder: str) -> None:
    text = _form(placeholder)
    document = load_text(text, "form.tsv")
    total = document.projects[0].amounts.total
    assert total is not None
    assert total.value is None
    assert total.text.value == placeholder
    line = text.split("\n")[total.text.span().line - 1]
    assert line[total.text.span().column - 1 :].startswith(placeholder)
    findings = lint(document)
    # the amount is there, not written yet: no project "without any amount",
    # and the placeholder is reported at its characters in the amount cell
    assert not [f for f in findings if f.rule == "amount-format"]
    (finding,) = [f for f in findings if f.field == "amount.total"]
    assert finding.rule == "placeholder"
    assert finding.line == 5 and finding.column is not None
    assert finding.excerpt is not None and finding.excerpt in placeholder
    assert line[finding.column - 1 :].startswith(finding.excerpt)
    assert "占位文字" in finding.message


def test_with_the_placeholder_rule_turned_off_the_amount_is_no_number(tmp_path: Path) -> None:
    """An owner turned off passes its defect on: amount-format reports the
    cell as no number."""
    config = config_with(tmp_path, "extends: default\nrules:\n  placeholder:\n    enabled: false\n")
    findings = lint(load_text(_form("待补充"), "form.tsv"), config=config)
    assert [(f.rule, f.line, f.excerpt) for f in findings if f.field == "amount.total"] == [
        ("amount-format", 5, "待补充")
    ]


def test_text_that_is_no_placeholder_in_an_amount_cell_stays_amount_format_s() -> None:
    """Near miss: an amount written in words (``约50万``) is no number, and
    no placeholder."""
    text = _form("x").replace("项目总投资\t500.00\t本年安排\tx", "资金总额\t约50万\t\t")
    findings = lint(load_text(text, "form.tsv"))
    assert [(f.rule, f.excerpt) for f in findings if f.field == "amount.total"] == [
        ("amount-format", "约50万")
    ]


def _amount_texts(document: Document) -> list[str]:
    amounts = document.projects[0].amounts
    return [amount.text.value for amount in amounts if amount is not None]


def test_a_plan_of_work_beside_the_year_s_arrangement_is_still_no_amount() -> None:
    """Near miss: text of the year's plan beside 年度安排 is no amount and no
    amount's error."""
    plan = "第一季度完成招标，第二季度开工建设"
    document = load_text(_form(plan, "年度安排"), "form.tsv")
    assert plan not in _amount_texts(document)
    assert not [f for f in lint(document, ["amount-format"]) if f.excerpt == plan]


def test_an_empty_year_s_amount_stays_no_amount() -> None:
    """Near miss: a form whose 资金总额 and 财政拨款 cells are blank states
    no amount: that is the finding, on the project."""
    text = _form("").replace("项目总投资\t500.00\t本年安排\t", "资金总额\t\t其中：财政拨款\t")
    document = load_text(text, "form.tsv")
    assert not document.projects[0].amounts
    findings = lint(document, ["amount-format"])
    assert [(f.line, f.field) for f in findings] == [(3, "amount.total")]
    assert "没有填写任何金额" in findings[0].message


@pytest.mark.parametrize("placeholder", ["待补充", "XXX"])
def test_a_placeholder_beside_the_form_s_total_label_is_read_where_it_stands(
    placeholder: str,
) -> None:
    text = _form(placeholder).replace(
        "项目总投资\t500.00\t本年安排\t", "资金总额\t\t其中：财政拨款\t"
    )
    text = text.replace("资金总额\t\t", f"资金总额\t{placeholder}\t")
    document = load_text(text, "form.tsv")
    assert _amount_texts(document) == [placeholder, placeholder]
    assert all(f.line == 5 for f in lint(document) if (f.field or "").startswith("amount."))


@pytest.mark.parametrize(
    ("written", "value"), [("1,200.00", Decimal("1200.00")), ("120万元", Decimal("120"))]
)
def test_amounts_written_as_numbers_still_read(written: str, value: Decimal) -> None:
    document = load_text(_form(written), "form.tsv")
    assert document.projects[0].amounts.value("total") == value


def test_a_placeholder_in_a_list_s_budget_column_is_read_at_its_cell() -> None:
    rows = _investment_list()
    rows[5][3] = "待补充"
    text = _list_text(rows)
    document = load_text(text, "list.csv")
    total = document.projects[0].amounts.total
    assert total is not None and total.value is None and total.text.value == "待补充"
    assert document.projects[1].amounts.value("total") == Decimal("260.00")


# --------------------------------------------------------------------------
# 4. A form whose goal over the whole term is labelled 项目总目标


def _dongguan_form(goals: list[list[str]]) -> list[list[str]]:
    return [
        ["东莞市某局项目支出绩效目标表", "", "", "", "", ""],
        ["金额单位：元", "", "", "", "", ""],
        ["项目名称", "智慧城管平台运维", "项目总投资", "1,800,000.00", "本年安排", "600,000.00"],
        ["实施单位", "某市城市管理综合执法局", "项目期", "2025-2027年", "", ""],
        *goals,
        ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准", ""],
        ["预期产出指标", "数量指标", "运维系统数量", "3个", "按合同", ""],
        ["", "质量指标", "系统可用率", "≥99%", "按运维报告", ""],
        ["效果指标", "社会效益指标", "案件处置率", "≥95%", "按平台统计", ""],
        ["", "服务对象满意度指标", "使用部门满意度", "≥90%", "问卷调查", ""],
    ]


_WHOLE = "三年内保障智慧城管平台稳定运行，案件处置率保持在95%以上。"
_YEAR = "本年度保障平台全年稳定运行，系统可用率不低于99%，案件处置率不低于95%。"


@pytest.mark.parametrize("carrier", ["csv", "xlsx"])
def test_the_project_s_whole_goal_is_the_period_goal(carrier: str, tmp_path: Path) -> None:
    rows = _dongguan_form(
        [["项目总目标", _WHOLE, "", "", "", ""], ["年度目标", _YEAR, "", "", "", ""]]
    )
    if carrier == "csv":
        document = load_text(saved_csv(rows, ","), "form.csv")
    else:
        document = load_path(write_table(tmp_path / "form.xlsx", rows))
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == _YEAR
    assert project.period_goal is not None and project.period_goal.value == _WHOLE
    # the year's amount, not the whole investment
    assert project.amounts.value("total") == Decimal("60")


def test_a_form_stating_only_the_whole_goal_has_a_goal() -> None:
    """A form with 项目总目标 and no 年度目标 states its goal: no
    ``missing-goal``."""
    rows = _dongguan_form([["项目总目标", _WHOLE, "", "", "", ""]])
    document = load_text(saved_csv(rows, ","), "form.csv")
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == _WHOLE
    assert lint(document, ["missing-goal"]) == []


def test_a_bare_goal_word_or_the_investment_is_no_goal_label() -> None:
    """Near miss: 目标 alone, and 项目总投资 (an amount), label no goal: a
    form whose only goal row is headed 目标 states no goal."""
    rows = _dongguan_form([["目标", _WHOLE, "", "", "", ""]])
    document = load_text(saved_csv(rows, ","), "form.csv")
    (project,) = document.projects
    assert (project.goal, project.period_goal) == (None, None)


# --------------------------------------------------------------------------
# 5. A header row whose cells were wrapped in the sheet (Alt+Enter), saved as
# CSV or tab-separated text: the spreadsheet quotes each such cell


_WRAPS = {
    "财政专户": {3: "财政专户\n拨款"},
    "项目名称": {0: "项目名称\n（资金使用单位）", 3: "财政专户\n拨款"},
    "绩效": {5: "绩效\n目标", 6: "绩效\n指标"},
}


def _wrapped(wraps: dict[int, str]) -> list[list[str]]:
    rows = [list(row) for row in GZ_ROWS]
    for column, cell in wraps.items():
        rows[3][column] = cell
    return rows


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["csv", "semicolon", "tsv"])
@pytest.mark.parametrize("wrapped", list(_WRAPS))
def test_a_header_whose_cells_hold_line_breaks_is_read(delimiter: str, wrapped: str) -> None:
    path = "gz.txt" if delimiter == "\t" else "gz.csv"
    document = load_text(saved_csv(_wrapped(_WRAPS[wrapped]), delimiter), path)
    plain = load_text(saved_csv(GZ_ROWS, delimiter), path)
    assert _shape(document) == _shape(plain)
    assert [(f.rule, f.message) for f in lint(document)] == [
        (f.rule, f.message) for f in lint(plain)
    ]
    # each finding points as many lines further down as the header's cells
    # hold line breaks
    breaks = sum(cell.count("\n") for cell in _WRAPS[wrapped].values())
    assert [f.line for f in lint(document)] == [
        None if f.line is None else f.line + breaks for f in lint(plain)
    ]


def test_a_budget_table_with_a_wrapped_header_cell_is_still_no_performance_table() -> None:
    """Near miss: 项目名称 | 总计 | 财政拨款 | "财政专户⏎拨款" | 其他资金 heads a
    budget table, with nowhere to write a goal: refused as one."""
    rows = [row[:5] for row in _wrapped(_WRAPS["财政专户"])]
    with pytest.raises(NotATable, match="budget table"):
        load_text(saved_csv(rows, ","), "budget.csv")


@pytest.mark.parametrize("delimiter", [",", "\t"], ids=["csv", "tsv"])
@pytest.mark.parametrize("layout", ["list", "form"])
def test_a_national_header_whose_cells_hold_line_breaks_is_read(
    delimiter: str, layout: str
) -> None:
    """The indicator grid's header wrapped in its cells (``"一级⏎指标"``,
    ``"年度⏎指标值"``) heads the grid as it does unwrapped."""
    if layout == "list":
        rows = _investment_list()
        header = 2
    else:
        rows = [row.split("\t") for row in _form("500.00").rstrip("\n").split("\n")]
        header = 6
    wrapped = [list(row) for row in rows]
    wrapped[header] = [
        cell.replace("一级", "一级\n")
        .replace("三级", "三级\n")
        .replace("年度指标值", "年度\n指标值")
        for cell in wrapped[header]
    ]
    path = "national.csv" if delimiter == "," else "national.txt"
    document = load_text(saved_csv(wrapped, delimiter), path)
    plain = load_text(saved_csv(rows, delimiter), path)
    assert document.layout == plain.layout == f"national-{layout}"
    assert _totals(document) == _totals(plain)
    assert [[c.name for c in p.clauses] for p in document.projects] == [
        [c.name for c in p.clauses] for p in plain.projects
    ]
    assert [(f.rule, f.message) for f in lint(document)] == [
        (f.rule, f.message) for f in lint(plain)
    ]


def test_an_open_quote_in_a_note_naming_the_columns_is_no_grid() -> None:
    """Near miss: a note that names 一级指标 and 二级指标 after a quote left
    open is no header row."""
    text = '填报说明\n"表头依次为一级\n指标、二级指标、三级指标，按模板填写。\n'
    with pytest.raises(NotATable):
        load_text(text, "notes.csv")
