"""Web pages read as a browser shows them: the head that ends without
``</head>``, the standard's implied end tags, white space, hidden and
struck-out text, the Symbol font and superscripts, the amount unit stated
once for the page, and web archives (``.mht``)."""

from __future__ import annotations

import base64
import quopri
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.engine import run
from audit.model import Clause, Document
from audit.pipeline import load_bytes, load_path
from audit.readers import ReadError
from audit.readers.carriers import sniff
from audit.readers.htmltables import tables

# The Guangzhou layout, with the 番禺区劳动就业服务管理中心 table's first project.
GZ_HEADINGS = (
    "<p>广州市番禺区劳动就业服务管理中心2025年项目支出绩效目标表</p>"
    "<p>单位名称：广州市番禺区劳动就业服务管理中心</p><p>单位：万元</p>"
)
GZ_HEAD = (
    "<tr><td>项目名称（资金使用单位）<td>总计<td>财政拨款<td>财政专户拨款<td>其他资金"
    "<td>绩效目标<td>绩效指标</tr>"
)
GOAL = "为自谋职业随军家属发放专项补贴，保障随军家属基本生活。"
CLAUSES = (
    "1、1-产出指标；11-数量指标；发放补贴人数；实施周期指标值：≥20人；年度指标值：≥20人。",
    "2、1-产出指标；12-质量指标；补贴发放准确率；实施周期指标值：100%；年度指标值：100%。",
    "3、2-效益指标；22-社会效益指标；随军家属生活保障水平；实施周期指标值：有效保障；"
    "年度指标值：有效保障。",
    "4、3-满意度指标；31-服务对象满意度指标；随军家属满意度；实施周期指标值：≥90%；"
    "年度指标值：≥90%。",
)


def gz_row(goal: str = GOAL, indicators: str = "<br>".join(CLAUSES), attrs: str = "") -> str:
    return (
        f"<tr{attrs}><td>自谋职业随军家属专项补贴<td>15.10<td>15.10<td><td>"
        f"<td>{goal}<td>{indicators}</tr>"
    )


def gz_page(*rows: str, head: str = "<head><meta charset='utf-8'></head>") -> str:
    return f"<html>{head}<body>{GZ_HEADINGS}<table>{GZ_HEAD}{''.join(rows)}</table></body></html>"


def read(page: str, notes: list[str] | None = None) -> Document:
    return load_bytes(page.encode(), "page.html", None if notes is None else notes.append)


def lint(page: str) -> set[tuple[str, str | None]]:
    return {(f.rule, f.project) for f in run(read(page), load_config(None, discover=False))}


def cell(markup: str) -> str | None:
    """The text of the one cell of ``markup`` as a table."""
    (table,) = tables(f"<table><tr><td>{markup}</td></tr></table>")
    return table.cells[0][0]


def test_the_clean_table_reads_clean() -> None:
    document = read(gz_page(gz_row()))
    (project,) = document.projects
    assert [c.number for c in project.clauses] == [1, 2, 3, 4]
    assert lint(gz_page(gz_row())) == set()


# --------------------------------------------------------------------------
# The head, implied end tags


@pytest.mark.parametrize(
    "head",
    [
        "<head><meta charset='utf-8'><title>绩效目标表</title>\n",  # no </head>
        "<head><title>绩效目标表</title><script>var t = '</head>';</script>",
        "<HEAD><META charset='utf-8'><TITLE>绩效目标表</TITLE>",  # upper case, no </head>
        "<title>绩效目标表</title>",  # neither <head> nor </head>
    ],
)
def test_a_head_left_open_ends_where_the_body_begins(head: str) -> None:
    document = read(gz_page(gz_row(), head=head))
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == GOAL
    assert [c.number for c in project.clauses] == [1, 2, 3, 4]
    assert document.title == "广州市番禺区劳动就业服务管理中心2025年项目支出绩效目标表"


def test_text_a_browser_does_not_show_is_not_read() -> None:
    found = tables(
        "<title>标题<table></title><script>document.write('<table><tr><td>脚本')</script>"
        "<template><table><tr><td>模板</table></template>"
        "<noscript>请启用脚本</noscript><!-- <table><tr><td>注释</table> -->"
        "<p>单位：万元<table><tr><td>甲<![CDATA[乙]]><td>丙</table>"
    )
    assert [(t.name, t.cells, list(t.headings)) for t in found] == [
        ("表1", [["甲", "丙"]], ["单位：万元"])
    ]


def test_implied_end_tags_of_cells_rows_paragraphs_and_list_items() -> None:
    (table,) = tables(
        "<TABLE><TBODY><TR><TD>1、甲<P>2、乙<P>3、丙<TD><UL><LI>一<LI>二</UL>"
        "<TR><TD><span style='display:none'>藏<TD>显</TABLE>"
    )
    # An unclosed hidden span ends with its cell: the next cell is shown.
    assert table.cells == [["1、甲\n2、乙\n3、丙", "一\n二"], ["", "显"]]


def test_a_table_in_a_paragraph_and_word_conditional_comments() -> None:
    (table,) = tables(
        "<p>金额单位：元<table><tr><td><p><![if !supportLists]>1、<![endif]>产出指标<td>x</table>"
    )
    assert table.cells == [["1、产出指标", "x"]]
    assert list(table.headings) == ["金额单位：元"]


# --------------------------------------------------------------------------
# White space


def test_a_line_end_in_the_source_is_a_space_or_nothing_between_chinese() -> None:
    assert cell("完成\n年度   目标\tok\nnow") == "完成年度 目标 ok now"
    assert cell("≥\n90%") == "≥ 90%"  # ≥ is not a wide character: a space


def test_line_breaks_come_from_br_p_div_and_li() -> None:
    assert cell("甲<br>乙<p>丙</p><div>丁</div><li>戊") == "甲\n乙\n丙\n丁\n戊"
    assert cell("甲<span>乙</span><b>丙</b>") == "甲乙丙"


def test_pre_and_white_space_pre_keep_the_line_ends() -> None:
    assert cell("<pre>甲\n乙</pre>") == "甲\n乙"
    assert cell("<div style='white-space: pre-line'>甲\r\n乙</div>") == "甲\n乙"
    assert cell("<div style='white-space: normal'>甲\n乙</div>") == "甲乙"


def test_a_wrapped_source_reads_as_the_clean_table() -> None:
    indicators = "".join(CLAUSES)
    wrapped = "\n".join(indicators[i : i + 37] for i in range(0, len(indicators), 37))
    # Only breaks a browser removes (between two Chinese characters) are kept.
    wrapped = re.sub(
        r"(?<![\u3000-\u9fff\uff00-\uff60])\n|\n(?![\u3000-\u9fff\uff00-\uff60])", "", wrapped
    )
    goal = GOAL[:10] + "\n" + GOAL[10:]
    assert "\n" in wrapped
    document = read(gz_page(gz_row(goal, wrapped)))
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == GOAL
    assert [c.number for c in project.clauses] == [1, 2, 3, 4]
    assert lint(gz_page(gz_row(goal, wrapped))) == set()


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=2),
    st.lists(st.integers(min_value=1), max_size=5),
)
def test_source_line_ends_between_chinese_characters_vanish(text: str, cuts: list[int]) -> None:
    wrapped = text
    for cut in sorted({c % len(text) for c in cuts if c % len(text)}, reverse=True):
        wrapped = wrapped[:cut] + "\n  " + wrapped[cut:]
    assert cell(wrapped) == text


# --------------------------------------------------------------------------
# Hidden and struck-out text


PLACEHOLDER_ROW = gz_row(
    "测试项目（请删除）XXX",
    "1、1-产出指标；11-数量指标；XXX；实施周期指标值：XXX；年度指标值：XXX。",
).replace("自谋职业随军家属专项补贴", "测试项目")


@pytest.mark.parametrize(
    "attrs",
    [
        " style='display:none'",
        ' style="height:0; DISPLAY: none;"',
        " height=0 style='display:none'",  # Excel's "save as web page"
        " hidden",
        " style='visibility:hidden'",
    ],
)
def test_a_hidden_row_is_not_read_and_a_note_says_so(attrs: str) -> None:
    assert_placeholder_row_hidden(
        gz_page(gz_row(), PLACEHOLDER_ROW.replace("<tr>", f"<tr{attrs}>", 1))
    )


def assert_placeholder_row_hidden(page: str) -> None:
    """The page's PLACEHOLDER_ROW is hidden: not read, nothing found, and one
    note quoting what it held."""
    notes: list[str] = []
    document = read(page, notes)
    assert [p.name.value for p in document.projects] == ["自谋职业随军家属专项补贴"]
    assert lint(page) == set()
    (note,) = notes
    assert note.startswith("表1: 「测试项目 15.10 15.10 测试项目（请删除）XXX")
    assert note.endswith(": hidden rows or cells, not read (a browser does not show them)")


@pytest.mark.parametrize(
    "attrs",
    [" style='border:none'", " class='hidden'", " data-hidden='1'", " style='display:block'"],
)
def test_a_row_styled_otherwise_is_read(attrs: str) -> None:
    page = gz_page(gz_row(), PLACEHOLDER_ROW.replace("<tr>", f"<tr{attrs}>", 1))
    notes: list[str] = []
    assert len(read(page, notes).projects) == 2 and notes == []
    assert ("placeholder", "测试项目") in lint(page)


def test_a_hidden_row_without_text_has_no_note_and_merges_skip_it() -> None:
    notes: list[str] = []
    found = tables(
        "<table><tr><td rowspan=3>甲<td>1<tr style='display:none'><td><tr><td>2</table>",
        notes.append,
    )
    assert [(t.cells, list(t.merges)) for t in found] == [
        ([["甲", "1"], [None, "2"]], [(0, 0, 1, 0)])
    ]
    assert notes == []


def test_a_hidden_column_is_not_read_and_the_shown_cells_take_its_place() -> None:
    hidden = "<td style='display:none'>"
    head = GZ_HEAD.replace("<td>绩效目标", f"{hidden}绩效目标<td>绩效目标")
    row = gz_row().replace(f"<td>{GOAL}", f"{hidden}XXX（待补充）<td>{GOAL}")
    page = f"<html><body>{GZ_HEADINGS}<table>{head}{row}</table></body></html>"
    assert lint(page) == set()
    assert lint(page.replace(" style='display:none'", "")) != set()


@pytest.mark.parametrize(
    "span",
    [
        "<span style='display:none;mso-hide:all'>（待补充）XXX</span>",  # Word's export
        '<span style="display: none">（待补充）XXX</span>',
        "<span hidden>（待补充）XXX</span>",
        "<del cite='mailto:张三' datetime='2025-03-01T10:00'>（待补充）XXX</del>",
        "<s>（待补充）XXX</s>",
        "<strike>（待补充）XXX</strike>",
    ],
)
def test_hidden_and_struck_out_words_in_a_cell_are_not_read(span: str) -> None:
    page = gz_page(gz_row(GOAL[:10] + span + GOAL[10:]))
    assert lint(page) == set()
    (project,) = read(page).projects
    assert project.goal is not None and project.goal.value == GOAL


@pytest.mark.parametrize("tag", ["ins", "u", "span", "em"])
def test_inserted_and_underlined_words_are_read(tag: str) -> None:
    page = gz_page(gz_row(GOAL[:10] + f"<{tag}>（待补充）XXX</{tag}>" + GOAL[10:]))
    assert ("placeholder", "自谋职业随军家属专项补贴") in lint(page)


def test_a_revised_value_reads_as_the_new_one() -> None:
    revised = CLAUSES[3].replace("年度指标值：≥90%", "年度指标值：<del>≥90%</del><ins>≥95%</ins>")
    (project,) = read(gz_page(gz_row(indicators="<br>".join((*CLAUSES[:3], revised))))).projects
    assert project.clauses[3].annual is not None
    assert project.clauses[3].annual.text == "≥95%"


# --------------------------------------------------------------------------
# The Symbol font, superscripts

WORD_SYMBOL = (
    '<span style=\'font-family:Symbol;mso-ascii-font-family:"Times New Roman";'
    "mso-char-type:symbol;mso-symbol-font-family:Symbol'><span style='mso-char-type:symbol;"
    "mso-symbol-font-family:Symbol'>&#{code};</span></span>"
)


def test_a_symbol_font_character_reads_as_the_character_it_shows() -> None:
    assert cell(WORD_SYMBOL.format(code=179) + "90%") == "≥90%"
    assert cell(WORD_SYMBOL.format(code=163) + "5%") == "≤5%"
    assert cell("<font face=Symbol>&#177;</font>2") == "±2"
    assert cell("<span style='font-family:Symbol'>&#xF0B3;</span>90%") == "≥90%"


def test_the_same_characters_in_other_fonts_stay_as_they_are() -> None:
    assert cell("³90%") == "³90%"
    assert cell("<span style='mso-ascii-font-family:Symbol2;font-family:宋体'>³£</span>") == "³£"
    assert cell("<span style='font-family:Symbola'>³</span>") == "³"


def test_a_comparator_typed_as_a_symbol_is_checked() -> None:
    last = CLAUSES[3].replace("≥90%", WORD_SYMBOL.format(code=163) + "90%")
    page = gz_page(gz_row(indicators="<br>".join((*CLAUSES[:3], last))))
    (project,) = read(page).projects
    assert project.clauses[3].annual is not None and project.clauses[3].annual.text == "≤90%"
    assert ("comparator-direction", "自谋职业随军家属专项补贴") in lint(page)


def test_superscript_digits_read_as_superscripts() -> None:
    assert cell("≥20m<sup>2</sup>") == "≥20m²"
    assert cell("10<sup>-3</sup>") == "10⁻³"
    assert cell("H<sub>2</sub>O，第2页") == "H2O，第2页"


# --------------------------------------------------------------------------
# The amount unit stated once for the page

LIST_HEAD = (
    "<tr><td>单位名称<td>项目名称<td>预算数<td>年度目标<td>一级指标<td>二级指标<td>三级指标"
    "<td>指标性质<td>指标值<td>度量单位<td>权重<td>指标方向</tr>"
)
ROAD = (
    "<tr><td rowspan=5>某市公路事务中心<td rowspan=5>农村公路养护经费<td rowspan=5>1,200,000.00"
    "<td rowspan=5>完成全市农村公路日常养护，及时修复病害路段，保障道路安全畅通。"
    "<td rowspan=3>产出指标<td>数量指标<td>养护里程<td>≥<td>350<td>公里<td>20<td>正向"
    "<tr><td>质量指标<td>路面优良率<td>≥<td>85<td>%<td>20<td>正向"
    "<tr><td>时效指标<td>病害修复及时率<td>≥<td>95<td>%<td>20<td>正向"
    "<tr><td>效益指标<td>社会效益指标<td>道路安全事故下降率<td>≥<td>5<td>%<td>20<td>正向"
    "<tr><td>满意度指标<td>服务对象满意度指标<td>沿线群众满意度<td>≥<td>90<td>%<td>20<td>正向"
)
CHECKS = (
    "<tr><td rowspan=4>某市公路事务中心<td rowspan=4>道路运输安全检查<td rowspan=4>300,000.00"
    "<td rowspan=4>开展道路运输企业安全检查，督促企业整改隐患，减少道路运输事故。"
    "<td rowspan=2>产出指标<td>数量指标<td>检查企业数<td>≥<td>120<td>家<td>30<td>正向"
    "<tr><td>质量指标<td>隐患整改率<td>≥<td>95<td>%<td>30<td>正向"
    "<tr><td>成本指标<td>经济成本指标<td>检查工作成本<td>≤<td>50<td>万元<td>20<td>正向"
    "<tr><td>满意度指标<td>服务对象满意度指标<td>受检企业满意度<td>≥<td>90<td>%<td>20<td>正向"
)
TITLE = "2025年部门项目支出绩效目标表"
UNIT = "单位名称：某市交通运输局    金额单位：元"


def amounts(page: str) -> list[tuple[Decimal | None, str]]:
    totals = [p.amounts.total for p in read(page).projects]
    return [(t.value, t.unit) for t in totals if t is not None]


def over_budget(page: str) -> bool:
    return ("cost-exceeds-budget", "道路运输安全检查") in lint(page)


CONTROL = f"<p>{TITLE}</p><p>{UNIT}</p><table>{LIST_HEAD}{ROAD}{CHECKS}</table>"


@pytest.mark.parametrize(
    "page",
    [
        CONTROL,
        # one <table> per printed page, the header repeated
        f"<p>{TITLE}</p><p>{UNIT}</p><table>{LIST_HEAD}{ROAD}</table>"
        f"<p>第2页</p><table>{LIST_HEAD}{CHECKS}</table>",
        f"<table border=1><caption>{TITLE}<br>{UNIT}</caption>{LIST_HEAD}{ROAD}{CHECKS}</table>",
        # headings and table in a layout table's cell
        f"<table width=100%><tr><td><div><p>{TITLE}</p><p>{UNIT}</p>"
        f"<table>{LIST_HEAD}{ROAD}{CHECKS}</table></div></td></tr></table>",
        # headings in a layout table's cell above the one holding the table
        f"<table><tr><td>{TITLE}<br>{UNIT}</td></tr><tr><td>"
        f"<table>{LIST_HEAD}{ROAD}{CHECKS}</table></td></tr></table>",
    ],
    ids=["control", "split", "caption", "layout-cell", "layout-cell-above"],
)
def test_the_unit_stated_once_applies_to_the_page(page: str) -> None:
    assert amounts(page) == [(Decimal(120), "元"), (Decimal(30), "元")]
    assert over_budget(page)


def test_each_table_that_states_its_unit_keeps_it() -> None:
    page = (
        f"<p>{TITLE}</p><p>{UNIT}</p><table>{LIST_HEAD}{ROAD}</table>"
        f"<p>单位：万元</p><table>{LIST_HEAD}{CHECKS.replace('300,000.00', '30.00')}</table>"
    )
    assert over_budget(page)
    found = tables(page)
    assert found[1].headings == ["单位：万元"]


def test_a_page_that_states_no_unit_carries_none() -> None:
    page = f"<p>{TITLE}</p><table>{LIST_HEAD}{ROAD}</table><table>{LIST_HEAD}{CHECKS}</table>"
    assert [list(t.headings) for t in tables(page)] == [[TITLE], []]
    assert not over_budget(page)  # 300,000.00 read in 万元: the cost is within it


# --------------------------------------------------------------------------
# Web archives


def mht(page: str, encoding: str = "quoted-printable", charset: str = "gb2312") -> bytes:
    body = page.encode(charset)
    if encoding == "base64":
        text = base64.encodebytes(body).decode("ascii")
    else:
        text = quopri.encodestring(body).decode("ascii")
    return (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D9"'
        "\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file."
        "\r\n\r\n------=_NextPart_01D9\r\nContent-Location: file:///C:/x/t.htm\r\n"
        f'Content-Transfer-Encoding: {encoding}\r\nContent-Type: text/html; charset="{charset}"'
        f"\r\n\r\n{text}\r\n------=_NextPart_01D9\r\nContent-Location: file:///C:/x/t.files/a.png"
        "\r\nContent-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n"
        "------=_NextPart_01D9--\r\n"
    ).encode("ascii")


@pytest.mark.parametrize(
    ("encoding", "charset", "meta"),
    [
        (
            "quoted-printable",
            "gb2312",
            "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>",
        ),
        ("quoted-printable", "gbk", ""),  # the charset given only in the MIME header
        ("base64", "utf-8", ""),
    ],
)
def test_a_web_archive_reads_as_its_page(encoding: str, charset: str, meta: str) -> None:
    data = mht(gz_page(gz_row(), head=f"<head>{meta}</head>"), encoding, charset)
    assert sniff(data) == "html"
    document = load_bytes(data, "page.mht")
    (project,) = document.projects
    assert project.goal is not None and project.goal.value == GOAL
    assert document.title == "广州市番禺区劳动就业服务管理中心2025年项目支出绩效目标表"


def test_a_web_archive_without_a_page_is_refused_with_its_reason() -> None:
    data = mht("x").replace(b"text/html", b"text/plain")
    assert sniff(data) == "html"
    with pytest.raises(ReadError, match="web archive"):
        load_bytes(data, "page.mht")


def test_mail_headers_without_an_archive_are_text() -> None:
    assert sniff(b"From: someone\r\nSubject: x\r\n\r\nbody multipart/related") == "text"
    assert sniff(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhi") == "text"


# --------------------------------------------------------------------------
# Characters of no width


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200d"])
def test_a_character_of_no_width_in_a_cell_is_not_read(invisible: str) -> None:
    # a web editor (UEditor, KindEditor) leaves U+200B in what it saves: 100​% shows 100%
    clauses = [c.replace("100%", f"100{invisible}%") for c in CLAUSES]
    page = gz_page(gz_row(goal=f"{invisible}{GOAL}", indicators="<br>".join(clauses)))
    (project,) = read(page).projects
    assert project.goal is not None and project.goal.value == GOAL
    assert lint(page) == set()


def test_a_workbook_cell_of_no_width_characters_reads_as_shown(tmp_path: Path) -> None:
    from scripts.make_examples import write_xlsx
    from scripts.make_national_examples import FORM, FORM_MERGES

    rows = [[(value or None) for value in row] for row in FORM]
    rows[10][3] = "≥95\u200b%"  # 档案规范率's period value
    document = load_path(write_xlsx(tmp_path / "form.xlsx", [("表", rows, FORM_MERGES)]))
    values = [
        field.text
        for project in document.projects
        for clause in project.clauses
        if isinstance(clause, Clause) and clause.name == "档案规范率"
        for field in clause.fields
    ]
    assert values == ["≥95%", "≥95%"]


# --------------------------------------------------------------------------
# Tables a page hides whole, and the unit a budget table states


def test_a_hidden_table_is_not_read_and_is_noted() -> None:
    # a tab not shown (jQuery tabs, a page fetched without its scripts)
    shown = f"<table>{GZ_HEAD}{gz_row()}</table>"
    hidden = f"<div style='display:none'><table>{GZ_HEAD}{gz_row(goal='待补充')}</table></div>"
    notes: list[str] = []
    page = f"<html><body>{GZ_HEADINGS}{shown}{hidden}</body></html>"
    (project,) = read(page, notes).projects
    assert project.goal is not None and project.goal.value == GOAL
    assert [n for n in notes if "a hidden table, not read" in n] == [
        "表2: 「项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他…」: "
        "a hidden table, not read (a browser does not show it)"
    ]


def test_an_empty_hidden_table_is_not_noted() -> None:
    notes: list[str] = []
    page = gz_page(gz_row()).replace("</body>", "<table hidden><tr><td> </table></body>")
    read(page, notes)
    assert not [n for n in notes if "hidden" in n]


def test_a_budget_tables_unit_is_not_carried_to_the_performance_table() -> None:
    budget = "<p>部门收支总表</p><p>单位：元</p><table><tr><td>收入<td>支出<tr><td>151000<td>151000</table>"
    page = (
        "<html><body>"
        + budget
        + GZ_HEADINGS.replace("<p>单位：万元</p>", "")
        + f"<table>{GZ_HEAD}{gz_row()}</table></body></html>"
    )
    (project,) = read(page).projects
    assert project.amounts.total is not None and project.amounts.total.value == Decimal("15.10")
    # the first part of a split performance table does carry its unit
    split = gz_page(gz_row()).replace("<p>单位：万元</p>", "<p>单位：元</p>")
    second = gz_row().replace("自谋职业随军家属专项补贴", "随军家属就业培训")
    split = split.replace("</table>", f"</table><table>{GZ_HEAD}{second}</table>")
    assert tables(split)[1].headings == ["金额单位：元"]
