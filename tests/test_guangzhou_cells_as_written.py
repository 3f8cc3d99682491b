"""Guangzhou tables as units hand in drafts: a name wrapped inside its cell,
a goal left as the template's numbered prompt or its instruction. Each with
near misses that must stay as they were."""

from __future__ import annotations

import pytest

from audit.pipeline import load_text
from tests.conftest import lint

HEAD = (
    "广州市某区就业服务中心2026年项目支出绩效目标表（含转移支付项目）\n"
    "单位名称：广州市某区就业服务中心\n"
    "单位：万元\n"
    "项目名称（资金使用单位）,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标\n"
)
CLAUSES = (
    "1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥300人；年度指标值:≥300人。"
    "2、2-效益指标；22-社会效益；就业率；实施周期指标值:≥80%；年度指标值:≥80%。"
    "3、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
)
GOAL = "开展职业技能培训，帮助失业人员提升技能、实现就业，全年培训不少于300人。"


def _csv(name: str, goal: str = GOAL) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    return HEAD + f"{quoted(name)},50.00,50.00,,,{quoted(goal)},{quoted(CLAUSES)}\n"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("职业技能\n培训经费", "职业技能培训经费"),
        ("2026\n年职业技能培训经费", "2026年职业技能培训经费"),
        ("智慧就业Wi-\nFi覆盖工程", "智慧就业Wi-Fi覆盖工程"),
        ("Smart\nCity平台运维", "Smart City平台运维"),
        ("职业技能培训经费", "职业技能培训经费"),
    ],
)
def test_a_name_wrapped_in_its_cell_is_one_line(written: str, read: str) -> None:
    document = load_text(_csv(written), "draft.csv")
    [project] = document.projects
    assert project.name.value == read


@pytest.mark.parametrize("goal", ["目标1：", "目标1：\n目标2：\n目标3：", "年度目标1："])
def test_a_goal_left_as_the_templates_prompts_is_missing(goal: str) -> None:
    findings = lint(load_text(_csv("职业技能培训经费", goal), "draft.csv"), ["missing-goal"])
    assert [f.severity for f in findings] == ["error"]


def test_a_goal_written_after_its_prompts_is_read_without_them() -> None:
    document = load_text(_csv("职业技能培训经费", f"目标1：{GOAL}"), "draft.csv")
    goal = document.projects[0].goal
    assert goal is not None and goal.value == GOAL
    assert lint(document, ["missing-goal", "goal-too-short", "placeholder"]) == []


@pytest.mark.parametrize(
    "goal",
    [
        "（请简要描述项目年度绩效目标，不超过300字）",
        "请概述项目的主要内容和预期效果",
        "请列明项目年度产出和效果",
    ],
)
def test_a_goal_left_as_the_templates_instruction_is_a_placeholder(goal: str) -> None:
    findings = lint(load_text(_csv("职业技能培训经费", goal), "draft.csv"), ["placeholder"])
    assert [f.severity for f in findings] == ["error"]


@pytest.mark.parametrize(
    "goal",
    [
        # near misses: 描述 and 列明 as words of a goal written, 请 inside a word
        "完成辖区档案数字化，规范描述项目全部档案的著录信息，申请专项资金补助。",
        "邀请专家开展培训，列明培训课程清单并组织考核，全年培训不少于300人。",
    ],
)
def test_instruction_verbs_in_a_written_goal_are_no_placeholder(goal: str) -> None:
    assert lint(load_text(_csv("职业技能培训经费", goal), "draft.csv"), ["placeholder"]) == []


def _amounts(total: str) -> str:
    return HEAD + f'职业技能培训经费,"{total}","{total}",,,{GOAL},"{CLAUSES}"\n'


@pytest.mark.parametrize(
    ("written", "severities"),
    [
        ("240.95万元", []),  # the table's unit written in the cell
        ("２４０．９５ 万元", ["warning", "warning"]),  # full width: amount-format's warning
        ("２４０．９５", ["warning", "warning"]),
    ],
)
def test_an_amount_with_the_tables_unit_in_its_cell_is_read(
    written: str, severities: list[str]
) -> None:
    document = load_text(_amounts(written), "draft.csv")
    assert str(document.projects[0].amounts.value("total")) == "240.95"
    findings = lint(document, ["amount-format", "row-sum-mismatch", "subtotal-mismatch"])
    assert [f.severity for f in findings] == severities


@pytest.mark.parametrize("written", ["约240万元", "240.95万", "二百四十万元"])
def test_an_amount_in_words_is_still_no_number(written: str) -> None:
    findings = lint(load_text(_amounts(written), "draft.csv"), ["amount-format"])
    assert findings and {f.severity for f in findings} == {"error"}
