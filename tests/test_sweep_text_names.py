"""Names of the PDF-extracted layout whose brackets hold sentence punctuation.

A project's name may carry a note in brackets (``…经费（机关本级，含莞城、东城
街道）``): the comma there is the name's, not the sign of a goal sentence, on
the name's first line as on the lines it wraps to.
"""

from __future__ import annotations

from decimal import Decimal

from audit.pipeline import load_text

HEAD = (
    "2024年项目支出绩效目标表（含转移支付项目）\n\n"
    "部门名称：东莞市城市管理和综合执法局 单位：万元\n\n"
    "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标\n\n"
    "合计 930.00 930.00\n\n"
    "东莞市城市管理和综合执法局机关本级 930.00 930.00\n\n"
)
GOAL = "保障主次干道路灯正常亮灯，方便市民夜间出行。"
CLAUSES = (
    "1、1-产出指标；11-数量指标；维护路灯数量；实施周期指标值:≥4.5万盏；年度指标值:≥4.5万盏。"
    "2、2-效益指标；22-社会效益；夜间出行安全保障；实施周期指标值:有效保障；年度指标值:有效保障。"
    "3、3-满意度指标；31-服务对象满意度；市民满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
)


def _one_project(
    name_lines: str, goal: str | None
) -> tuple[str, str, Decimal | None, str | None, int]:
    text = HEAD + name_lines + "\n\n" + (goal + "\n\n" if goal else "") + CLAUSES + "\n"
    doc = load_text(text, "城管.txt")
    assert [u.title for u in doc.units] == ["东莞市城市管理和综合执法局机关本级"]
    (project,) = doc.projects
    goal_read = project.goal.value if project.goal is not None else None
    return (
        doc.units[0].title,
        project.title,
        project.amounts.value("total"),
        goal_read,
        len(project.clauses),
    )


def test_a_comma_inside_the_brackets_of_a_wrapped_name() -> None:
    lines = (
        "    城市照明设施维护经费（机关本级，含莞城、\n东城、南城街道主次干道路灯） 930.00 930.00"
    )
    _, name, total, goal, clauses = _one_project(lines, GOAL)
    assert name == "城市照明设施维护经费（机关本级，含莞城、东城、南城街道主次干道路灯）"
    assert (total, goal, clauses) == (Decimal("930.00"), GOAL, 3)


def test_a_comma_in_the_brackets_on_the_line_the_name_wraps_to_without_a_goal() -> None:
    lines = "    城市照明设施维护经费（机关本级，\n含莞城，东城街道主次干道路灯）\n930.00 930.00"
    _, name, total, goal, clauses = _one_project(lines, None)
    assert name == "城市照明设施维护经费（机关本级，含莞城，东城街道主次干道路灯）"
    assert (total, goal, clauses) == (Decimal("930.00"), None, 3)


def test_a_goal_whose_comma_stands_outside_its_brackets_stays_a_goal() -> None:
    goal = "（一）保障主次干道路灯正常亮灯，方便市民夜间出行。"
    lines = "    城市照明设施维护经费（含莞城、东城街道）\n930.00 930.00"
    _, name, _, goal_read, clauses = _one_project(lines, goal)
    assert name == "城市照明设施维护经费（含莞城、东城街道）"
    assert (goal_read, clauses) == (goal, 3)


def test_a_goal_after_a_name_left_open_is_not_taken_into_it() -> None:
    # the name's bracket closes on its second line; the goal's comma is outside
    lines = "    城市照明设施维护经费（含莞城、\n东城街道） 930.00 930.00"
    goal = "保障路灯（含景观照明）正常亮灯，方便市民夜间出行。"
    _, name, _, goal_read, clauses = _one_project(lines, goal)
    assert name == "城市照明设施维护经费（含莞城、东城街道）"
    assert (goal_read, clauses) == (goal, 3)
