"""Page numbers in tab-separated text copied from a paged table.

A table copied from a printed document brings its page furniture: the title
and header repeated at each page, and the page's number on a line of its own
(``第2页，共3页``, ``- 3 -``). A page number is no part of the last cell
before it; a bare ``3`` or ``2/3`` is one only where a page ends (before the
repeated title or header, or at the end), and elsewhere goes on with the cell
it was wrapped from.
"""

from __future__ import annotations

from audit.pipeline import load_text
from tests.conftest import lint

HEADER = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"
PAGE_HEAD = [
    "深圳市坪山区2022年部门预算项目支出绩效目标表",
    "部门名称：深圳市坪山区科技创新局",
    "单位：万元",
    HEADER,
]


def _clauses(name: str, annual: str = "≥90%") -> str:
    return (
        f"1、1-产出指标；11-数量指标；{name}；实施周期指标值:≥10个；年度指标值:≥10个。"
        "2、2-效益指标；22-社会效益；企业研发投入增长率；实施周期指标值:≥5%；年度指标值:≥5%。"
        f"3、3-满意度指标；31-服务对象满意度；企业满意度；实施周期指标值:≥90%；年度指标值:{annual}。"
    )


def _row(name: str, amount: str, goal: str, indicators: str) -> str:
    return "\t".join([name, amount, amount, "", "", goal, indicators])


ROWS = [
    _row(
        "科技企业孵化器补贴",
        "100.00",
        "对认定的科技企业孵化器给予运营补贴，培育科技型中小企业。",
        _clauses("扶持孵化器数量"),
    ),
    _row(
        "高新技术企业培育资助",
        "150.00",
        "对首次认定的高新技术企业给予资助，扩大高新技术企业规模。",
        _clauses("资助企业数量"),
    ),
    _row(
        "知识产权保护专项经费",
        "50.00",
        "开展知识产权宣传培训和维权援助，营造良好的创新环境。",
        _clauses("举办培训场次"),
    ),
]
TOP = [*PAGE_HEAD, "合计\t300.00\t300.00\t\t\t\t", "深圳市坪山区科技创新局\t300.00\t300.00\t\t\t\t"]


def _annual_values(lines: list[str]) -> list[str]:
    doc = load_text("\n".join(lines) + "\n", "科创.txt")
    assert [p.title for p in doc.projects] == [
        "科技企业孵化器补贴",
        "高新技术企业培育资助",
        "知识产权保护专项经费",
    ]
    assert all(len(p.clauses) == 3 for p in doc.projects)
    return [p.clauses[2].annual.text for p in doc.projects]  # type: ignore[union-attr]


def test_page_numbers_with_words_or_dashes_are_no_part_of_a_cell() -> None:
    lines = [
        *TOP,
        ROWS[0],
        "第1页，共3页",
        *PAGE_HEAD,
        ROWS[1],
        "- 2 -",
        *PAGE_HEAD,
        ROWS[2],
        "",
        "第 3 页 共 3 页",
    ]
    assert _annual_values(lines) == ["≥90%", "≥90%", "≥90%"]


def test_a_bare_page_number_where_the_page_ends() -> None:
    lines = [*TOP, ROWS[0], "1", *PAGE_HEAD, ROWS[1], "2/3", "", *PAGE_HEAD, ROWS[2], "3"]
    assert _annual_values(lines) == ["≥90%", "≥90%", "≥90%"]


def test_a_number_wrapped_from_a_cell_goes_on_with_it() -> None:
    # 不超过缴费额 / 2/3, and a count cut after its comparator: the next line is a
    # row of the table, so neither is a page's foot
    first = _row(
        "科技企业孵化器补贴",
        "100.00",
        "对认定的科技企业孵化器给予运营补贴，培育科技型中小企业。",
        _clauses("扶持孵化器数量", "不超过缴费额")[:-1],
    )
    second = _row(
        "高新技术企业培育资助",
        "150.00",
        "对首次认定的高新技术企业给予资助，扩大高新技术企业规模。",
        _clauses("资助企业数量", "≥")[:-1],
    )
    lines = [*TOP, first, "2/3。", second, "90%。", ROWS[2]]
    assert _annual_values(lines) == ["不超过缴费额2/3", "≥90%", "≥90%"]


# A web page's table copied from the browser: a cell's <br> is a bare line
# break, and the cells after it follow on the next line.
BROWSER_TOP = [
    "佛山市顺德区教育局2024年项目支出绩效目标表",
    "部门名称：佛山市顺德区教育局",
    "单位：万元",
    HEADER,
    "合计\t300.00\t300.00\t\t\t\t",
    "佛山市顺德区教育局\t300.00\t300.00\t\t\t\t",
]
C1 = "1、1-产出指标；11-数量指标；资助学生人数；实施周期指标值:≥1200人；年度指标值:≥1200人。"
C2 = "2、2-效益指标；22-社会效益；资助覆盖率；实施周期指标值:100%；年度指标值:100%。"
C3 = "3、3-满意度指标；31-服务对象满意度；受助学生满意度；实施周期指标值:≥90%；年度指标值:≤90%。"


def test_a_row_cut_by_a_line_break_in_its_goal_goes_on_on_the_next_line() -> None:
    lines = [
        *BROWSER_TOP,
        "学生资助经费\t100.00\t100.00\t\t\t落实家庭经济困难学生资助政策，",
        f"保障困难学生顺利完成学业。\t{C1}",
        C2,
        C3,
        "校园安保经费\t100.00\t100.00\t\t\t1.保障校园安全；",
        "2.配备专职保安人员；",
        f"3.完善校园视频监控系统。\t{C1}{C2}{C3}",
        f"教师培训经费\t100.00\t100.00\t\t\t开展教师全员培训，提升教师专业素质。\t{C1}",
    ]
    doc = load_text("\n".join(lines) + "\n", "顺德教育.txt")
    goals = [p.goal.value if p.goal else None for p in doc.projects]
    assert [p.title for p in doc.projects] == ["学生资助经费", "校园安保经费", "教师培训经费"]
    assert goals == [
        "落实家庭经济困难学生资助政策，保障困难学生顺利完成学业。",
        "1.保障校园安全；2.配备专职保安人员；3.完善校园视频监控系统。",
        "开展教师全员培训，提升教师专业素质。",
    ]
    assert [len(p.clauses) for p in doc.projects] == [3, 3, 1]
    found = lint("\n".join(lines) + "\n")
    assert not [f for f in found if f.rule in ("parse-error", "missing-goal", "read-error")]
    # the reversed satisfaction target points at the line it stands on
    assert {(f.rule, f.line) for f in found if f.rule == "annual-period-mismatch"} == {
        ("annual-period-mismatch", 10),
        ("annual-period-mismatch", 13),
    }


def test_a_short_row_before_a_row_of_its_own_stays_a_row() -> None:
    # the unit row ends after its amounts, and a project row without
    # indicators ends at its goal: the rows after them are rows
    lines = [
        *BROWSER_TOP[:4],
        "合计\t300.00\t300.00",
        "佛山市顺德区教育局\t300.00\t300.00",
        "学生资助经费\t200.00\t200.00\t\t\t落实家庭经济困难学生资助政策，保障困难学生顺利完成学业。",
        f"教师培训经费\t100.00\t100.00\t\t\t开展教师全员培训，提升教师专业素质。\t{C1}{C2}",
    ]
    doc = load_text("\n".join(lines) + "\n", "顺德教育.txt")
    assert [u.title for u in doc.units] == ["佛山市顺德区教育局"]
    assert [(p.title, len(p.clauses)) for p in doc.projects] == [
        ("学生资助经费", 0),
        ("教师培训经费", 2),
    ]


def test_a_name_cut_by_a_line_break_is_the_next_rows() -> None:
    lines = [
        *BROWSER_TOP[:4],
        "合计\t300.00\t300.00\t\t\t\t",
        "佛山市顺德区教育局",
        "（本级）\t300.00\t300.00\t\t\t\t",
        "学生资助经费（佛山市顺德区",
        f"学生资助管理中心）\t200.00\t200.00\t\t\t落实家庭经济困难学生资助政策，保障困难学生顺利完成学业。\t{C1}{C2}",
        "教师培训经费（佛山市顺德区",
        f"教师发展中心）\t100.00\t100.00\t\t\t开展教师全员培训，提升教师专业素质。\t{C1}{C2}",
    ]
    doc = load_text("\n".join(lines) + "\n", "顺德教育.txt")
    assert [u.title for u in doc.units] == ["佛山市顺德区教育局（本级）"]
    assert [p.title for p in doc.projects] == [
        "学生资助经费（佛山市顺德区学生资助管理中心）",
        "教师培训经费（佛山市顺德区教师发展中心）",
    ]
    assert [p.clauses[-1].annual.text for p in doc.projects] == ["100%", "100%"]  # type: ignore[union-attr]
    assert [p.line for p in doc.projects] == [8, 10]


def test_a_cell_left_unfinished_or_a_clause_goes_on_with_its_row() -> None:
    # a goal cut before its end, and a clause on a line of its own, continue
    # the row above even when a row follows
    lines = [
        *BROWSER_TOP,
        "学生资助经费\t200.00\t200.00\t\t\t落实家庭经济困难学生资助政策",
        "保障困难学生顺利完成学业",
        f"教师培训经费\t100.00\t100.00\t\t\t开展教师全员培训，提升教师专业素质。\t{C1}",
        C2,
        "校园安保经费\t0.00\t0.00\t\t\t保障校园安全，完善校园视频监控系统。\t" + C1,
    ]
    doc = load_text("\n".join(lines) + "\n", "顺德教育.txt")
    assert [p.title for p in doc.projects] == ["学生资助经费", "教师培训经费", "校园安保经费"]
    assert doc.projects[0].goal is not None
    assert doc.projects[0].goal.value == "落实家庭经济困难学生资助政策保障困难学生顺利完成学业"
    assert [len(p.clauses) for p in doc.projects] == [0, 2, 1]


def test_a_goal_cut_by_a_line_break_before_an_empty_indicator_cell() -> None:
    lines = [
        *BROWSER_TOP,
        "学生资助经费\t200.00\t200.00\t\t\t落实家庭经济困难学生资助政策，",
        "保障困难学生顺利完成学业。\t",
        f"教师培训经费\t100.00\t100.00\t\t\t开展教师全员培训，提升教师专业素质。\t{C1}",
    ]
    doc = load_text("\n".join(lines) + "\n", "顺德教育.txt")
    assert [p.title for p in doc.projects] == ["学生资助经费", "教师培训经费"]
    assert doc.projects[0].goal is not None
    assert doc.projects[0].goal.value == "落实家庭经济困难学生资助政策，保障困难学生顺利完成学业。"
