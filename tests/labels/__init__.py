"""Hand-labelled cases for every rule: tables a reviewer marks, near misses
they leave alone, one YAML file per rule. See ``README.md`` in this folder.

This module reads the files, writes each case's table as text and runs it
through the public API (:func:`audit.pipeline.load_text`, then
:func:`audit.engine.run`, what ``lint`` runs), so the labels hold whatever
the rule modules become."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from audit.config import Config, load_config
from audit.engine import Finding, load_rules, run
from audit.pipeline import load_text

LABELS = Path(__file__).parent
LAYOUTS = ("guangzhou", "national", "national-list", "older", "pdftext")
"""The layouts a case may be written in: the Guangzhou tab-separated table
with numbered clauses in one cell, the national form (a project block, then
one row per indicator), the national list (many projects, one row per
indicator, comparator/number/unit in columns), the older layout and text
extracted from a PDF (names indented, cells wrapped; written out as
``text``)."""

ORGANIZATION = "广州市人力资源和社会保障局"
GUANGZHOU_HEADER = (
    "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"
)
DEFAULT_GOAL = "按计划组织实施项目，完成年度工作任务，提升公共服务水平和群众满意度。"
LOCATION_KEYS = ("project", "clause", "field", "unit")


@dataclass
class Case:
    rule: str
    id: str
    layout: str
    expect: str
    why: str
    text: str
    where: dict[str, Any] = field(default_factory=dict)
    known_bug: str | None = None
    config: dict[str, Any] | None = None
    path: str = "table.txt"

    @property
    def key(self) -> str:
        return f"{self.rule}:{self.id}"


@dataclass
class RuleLabels:
    rule: str
    file: Path
    pending: bool
    layouts: list[str]
    cases: list[Case]


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.split("|")]


def guangzhou_text(spec: dict[str, Any]) -> str:
    """A Guangzhou table: title, 部门名称, 单位：万元, the header, then the
    rows (``name | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | goal | indicators``)
    or one project row built from ``name``, ``amount``, ``goal`` and
    ``indicators``."""
    organization = spec.get("organization", ORGANIZATION)
    lines = [
        f"{organization}2024年项目支出绩效目标表（含转移支付项目）",
        f"部门名称：{organization}",
        "单位：万元",
        GUANGZHOU_HEADER,
    ]
    rows = spec.get("rows")
    if rows is None:
        amount = str(spec.get("amount", "50.00"))
        rows = [
            " | ".join(
                [
                    spec.get("name", "就业服务专项经费"),
                    amount,
                    amount,
                    "",
                    "",
                    spec.get("goal", DEFAULT_GOAL),
                    spec["indicators"],
                ]
            )
        ]
    for row in rows:
        cells = _cells(row)
        lines.append("\t".join(cells + [""] * (7 - len(cells))))
    return "\n".join(lines) + "\n"


def national_text(spec: dict[str, Any]) -> str:
    """A national form (tab-separated, as a sheet is saved): the project
    block from ``name``, ``department``, ``term``, ``amount``,
    ``period_goal`` and ``goal``, then the grid rows
    (``一级 | 二级 | 三级 | 实施期指标值 | 年度指标值``; blank cells where merged).
    ``forms`` holds several such blocks. ``investment`` writes the amount
    over the whole term beside the year's, each with its 财政拨款 below
    (``项目总投资（万元） | 800.00 | 本年安排（万元） | 1,200.00``; the labels
    ``investment_label`` and ``amount_label``)."""
    lines = ["2025年项目支出绩效目标表", "金额单位：万元"]
    for form in spec.get("forms", [spec]):
        amount = str(form.get("amount", "120.00"))
        goal = form.get("goal", DEFAULT_GOAL)
        period_goal = form.get("period_goal", goal)
        lines += [
            f"项目名称\t{form.get('name', '社区公共卫生服务经费')}\t主管部门\t"
            f"{form.get('department', '某区卫生健康局')}\t",
            f"实施单位\t{form.get('executor', '某区疾病预防控制中心')}\t项目期\t"
            f"{form.get('term', '2025.01-2025.12')}\t",
            *_amount_lines(form, amount),
            f"实施期目标\t{period_goal}\t年度目标\t{goal}\t",
            "一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值",
        ]
        for row in form["grid"]:
            cells = _cells(row)
            lines.append("\t".join(cells + [""] * (5 - len(cells))))
    return "\n".join(lines) + "\n"


def _amount_lines(form: dict[str, Any], amount: str) -> list[str]:
    """A form's lines of amounts: 资金总额 and its 财政拨款, or the term's
    amount beside the year's when the form states one (``investment``)."""
    if "investment" not in form:
        return [f"资金总额（万元）\t{amount}\t其中：财政拨款\t{amount}\t"]
    investment = str(form["investment"])
    term_label = form.get("investment_label", "项目总投资（万元）")
    year_label = form.get("amount_label", "本年安排（万元）")
    return [
        f"{term_label}\t{investment}\t{year_label}\t{amount}\t",
        f"其中：财政拨款\t{investment}\t其中：财政拨款\t{amount}\t",
    ]


LIST_HEADER = (
    "单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t"
    "指标性质\t指标值\t度量单位\t权重\t指标方向"
)


def national_list_text(spec: dict[str, Any]) -> str:
    """A national list in 万元 unless ``money`` says 元: each row
    ``单位 | 项目 | 预算数 | 年度目标 | 一级 | 二级 | 三级 | 指标性质 | 指标值 |
    度量单位 | 权重 | 指标方向``, project columns only on a project's first row.
    ``investment`` names a thirteenth column after 预算数, the amount over the
    whole term (``项目总投资``): each row then has its cell there."""
    money = spec.get("money", "万元")
    header = LIST_HEADER
    width = 12
    if "investment" in spec:
        header = header.replace("预算数\t", f"预算数\t{spec['investment']}\t")
        width = 13
    lines = [
        "2025年部门项目支出绩效目标表",
        f"单位名称：{spec.get('department', '某市交通运输局')}\t\t\t\t\t\t\t\t\t\t金额单位：{money}\t",
        header,
    ]
    for row in spec["rows"]:
        cells = _cells(row)
        lines.append("\t".join(cells + [""] * (width - len(cells))))
    return "\n".join(lines) + "\n"


RENDER = {
    "guangzhou": (guangzhou_text, "table.txt"),
    "national": (national_text, "national.tsv"),
    "national-list": (national_list_text, "national-list.tsv"),
    "older": (guangzhou_text, "table.txt"),
}


FILLER = "组织开展就业见习，提升青年就业能力，帮助离校未就业高校毕业生实现就业。"
SIMPLE_GRID = ["产出指标 | 数量指标 | 见习人数 | ≥100人 | ≥100人"]
SIMPLE_CLAUSE = "1、1-产出指标；11-数量指标；见习人数；实施周期指标值:≥100人；年度指标值:≥100人。"


def _filler(length: int) -> str:
    return (FILLER * (length // len(FILLER) + 1))[:length]


def _expand(raw: dict[str, Any]) -> dict[str, Any]:
    """Cells too large to write out: ``repeat_clauses`` (that many numbered
    clauses), ``repeat_goal``, ``repeat_name`` and ``repeat_value`` (text of
    that many characters)."""
    raw = dict(raw)
    if "repeat_clauses" in raw:
        raw["indicators"] = "".join(
            f"{n}、1-产出指标；11-数量指标；见习人数{n}；实施周期指标值:≥{n}人；年度指标值:≥{n}人。"
            for n in range(1, raw["repeat_clauses"] + 1)
        )
    if "repeat_goal" in raw:
        raw["goal"] = raw["period_goal"] = _filler(raw["repeat_goal"])
    if "repeat_name" in raw:
        raw["name"] = _filler(raw["repeat_name"])
    if "repeat_value" in raw:
        value = _filler(raw["repeat_value"])
        raw["indicators"] = (
            f"1、1-产出指标；11-数量指标；见习人数；实施周期指标值:{value}；年度指标值:≥100人。"
        )
    raw.setdefault("indicators", SIMPLE_CLAUSE)
    raw.setdefault("grid", SIMPLE_GRID)
    return raw


def _case(rule: str, raw: dict[str, Any]) -> Case:
    raw = _expand(raw)
    layout = raw["layout"]
    if layout not in LAYOUTS:
        raise ValueError(f"{rule}:{raw.get('id')}: unknown layout {layout!r}")
    if raw.get("expect") not in ("fire", "quiet"):
        raise ValueError(f"{rule}:{raw.get('id')}: expect must be fire or quiet")
    if "text" in raw:
        text, path = raw["text"], "national.tsv" if layout.startswith("national") else "table.txt"
    else:
        render, path = RENDER[layout]
        text = render(raw)
    where = {key: raw["where"][key] for key in LOCATION_KEYS if key in raw.get("where", {})}
    return Case(
        rule=rule,
        id=str(raw["id"]),
        layout=layout,
        expect=raw["expect"],
        why=raw["why"],
        text=text,
        where=where,
        known_bug=raw.get("known_bug"),
        config=raw.get("config"),
        path=path,
    )


@cache
def label_files() -> tuple[RuleLabels, ...]:
    """Every label file, in file-name order."""
    found = []
    for path in sorted(LABELS.glob("*.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ValueError(f"{path.name}: {error}") from None
        rule = raw["rule"]
        cases = [_case(rule, case) for case in raw["cases"]]
        ids = [case.id for case in cases]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{path.name}: case ids repeat")
        found.append(RuleLabels(rule, path, bool(raw.get("pending")), list(raw["layouts"]), cases))
    return tuple(found)


def all_cases() -> Iterator[Case]:
    for labels in label_files():
        yield from labels.cases


def registered() -> set[str]:
    return set(load_rules())


@cache
def _default_config() -> Config:
    return load_config(None, discover=False)


def config_for(case: Case) -> Config:
    """The default profile, or the profile the case writes (YAML merged
    over ``extends: default``), with only the case's rule selected."""
    if case.config is None:
        config = _default_config()
        config.select = {case.rule}
        return config
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profile.yaml"
        path.write_text(
            yaml.safe_dump({"extends": "default", **case.config}, allow_unicode=True),
            encoding="utf-8",
        )
        config = load_config(path, discover=False)
    config.select = {case.rule}
    return config


def findings(case: Case) -> list[Finding]:
    """The case's rule's findings on its table."""
    document = load_text(case.text, case.path)
    return [f for f in run(document, config_for(case)) if f.rule == case.rule]


def at_place(finding: Finding, where: dict[str, Any]) -> bool:
    return all(getattr(finding, key) == value for key, value in where.items())


def outcome(case: Case) -> tuple[bool, list[Finding]]:
    """Whether the rule did what the label says (fired at the expected
    place, or stayed quiet), with its findings."""
    found = findings(case)
    if case.expect == "fire":
        return any(at_place(f, case.where) for f in found), found
    return not found, found
