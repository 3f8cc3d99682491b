"""The facts layer: each value's facts decided once, with the one rule that
reports it; the typed per-document cache; rules that stand alone.
Clauses are copied from the seeds (line numbers given)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import load_config
from audit.facts import (
    AT_TEXT_START,
    DocumentCache,
    Facts,
    Hit,
    Key,
    _lead,
    _lead_of,
    _matches_at,
    _scan,
    done_date,
    first_fields,
)
from audit.model import Clause
from audit.values import parse_value
from tests.conftest import document, lint, project_row, tsv_table

AUDIT = Path(__file__).resolve().parent.parent / "audit"


def facts_of(indicators: str) -> tuple[Facts, list[Clause]]:
    doc = document(tsv_table([project_row("机构运行辅助经费", indicators)]))
    clauses = [c for c in doc.projects[0].clauses if isinstance(c, Clause)]
    return Facts(doc, load_config(None, discover=False)), clauses


@pytest.mark.parametrize(
    "clause, owners",
    [
        # Seed 001 line 31: a placeholder where the planned number belongs.
        (
            "1、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。",
            ["placeholder", None],
        ),
        # Seed 002: the indicator's name as its value.
        (
            "1、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应及时率；年度指标值:不低于95%。",
            ["value-restates-name", None],
        ),
        # Seed 002 line 769: a satisfaction level counted in times.
        (
            "4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:≥90%。",
            ["value-type-mismatch", None],
        ),
        # Seed 002 line 592: nothing measurable under 数量指标.
        (
            "1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:≥300人。",
            ["not-quantified", None],
        ),
        # a formula, and measurable text without digits (near misses for the rest)
        (
            "1、1-产出指标；12-质量指标；设备使用率；实施周期指标值:设备使用率=实际使用设备数量/总设备数量*100%；"
            "年度指标值:零故障。",
            ["not-quantified", None],
        ),
    ],
)
def test_each_value_has_the_one_rule_that_reports_it(clause: str, owners: list[str | None]) -> None:
    facts, [parsed] = facts_of(clause)
    assert [facts.value(parsed, f).owner for f in first_fields(parsed)] == owners


def test_the_owner_is_the_only_value_rule_that_reports_the_value() -> None:
    value_rules = ["placeholder", "value-restates-name", "value-type-mismatch", "not-quantified"]
    clauses = (
        "1、1-产出指标；11-数量指标；采购车辆数；实施周期指标值:年度计划数；年度指标值:2台。"
        "2、1-产出指标；13-时效指标；响应及时率；实施周期指标值:响应及时率；年度指标值:不低于95%。"
        "3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:少于5次；年度指标值:≥90%。"
        "4、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:≥300人。"
    )
    facts, parsed = facts_of(clauses)
    expected = {(c.number, "period"): facts.value(c, c.fields[0]).owner for c in parsed}
    findings = lint(tsv_table([project_row("机构运行辅助经费", clauses)]), value_rules)
    reported = {(f.clause, f.field): f.rule for f in findings if f.field == "period"}
    assert reported == expected


def _clause(category: str, name: str, value: str) -> str:
    return f"1、{category}；{name}；实施周期指标值:{value}；年度指标值:{value}。"


@pytest.mark.parametrize(
    "clause",
    [
        _clause("2-效益指标；21-经济效益", "降低企业用能成本", "≥500万元"),
        _clause("2-效益指标；21-经济效益", "为企业节约成本", "≥150万元"),
        _clause("2-效益指标；21-经济效益", "减少群众就医费用", "≥200万元"),
        # the change in the value
        _clause("2-效益指标；21-经济效益", "农户购机成本", "有效降低"),
        _clause("2-效益指标；21-经济效益", "企业物流成本", "同比下降5%"),
        _clause("2-效益指标；22-社会效益", "群众出行成本", "明显减少"),
        # the older form: the level-1 category alone
        "1、效益指标：企业融资成本，年度指标值：有效降低。",
    ],
)
def test_a_cost_lowered_for_others_under_an_effect_is_a_saving(clause: str) -> None:
    facts, [parsed] = facts_of(clause)
    assert facts.cost_saving(parsed)


@pytest.mark.parametrize(
    "clause",
    [
        # a cost of the project filed as an effect: still a cost
        _clause("2-效益指标；21-经济效益", "设备购置成本", "≤50万元"),
        _clause("2-效益指标；21-经济效益", "企业物流成本", "≤5%"),
        # a cost category: the project's own cost, however it is worded
        _clause("1-产出指标；14-成本指标", "节约成本", "≥500万元"),
        _clause("4-成本指标；41-经济成本指标", "设备购置成本", "有效降低"),
        # lowered, but no cost
        _clause("2-效益指标；21-经济效益", "减轻企业负担", "有效降低"),
    ],
)
def test_a_cost_that_is_not_lowered_or_not_an_effect_is_no_saving(clause: str) -> None:
    facts, [parsed] = facts_of(clause)
    assert not facts.cost_saving(parsed)


def _pair(category: str, name: str, period: str, annual: str) -> str:
    return f"1、{category}；{name}；实施周期指标值:{period}；年度指标值:{annual}。"


BENEFIT = "2-效益指标；21-经济效益"


@pytest.mark.parametrize(
    ("period", "annual", "owners"),
    [
        ("待补充", "待补充", {"placeholder"}),
        ("有效??低", "有效??低", {"garbled-text"}),
        ("", "", {"empty-value"}),
        ("待补充", "", {"placeholder", "empty-value"}),
    ],
)
def test_a_cost_benefit_whose_values_say_nothing_keeps_one_finding(
    period: str, annual: str, owners: set[str]
) -> None:
    # A 2019 national form's 效益指标/经济效益/农户购机成本 有效降低, its value
    # then lost to a placeholder, garbling or nothing at all.
    clause = _pair(BENEFIT, "农户购机成本", period, annual)
    facts, [parsed] = facts_of(clause)
    assert facts.cost_saving(parsed)
    rules = ["category-keyword-mismatch", "value-type-mismatch", "cost-exceeds-budget"]
    rules += ["placeholder", "garbled-text", "empty-value"]
    found = lint(tsv_table([project_row("机构运行辅助经费", clause)]), rules)
    assert {f.rule for f in found} == owners


@pytest.mark.parametrize(
    ("period", "annual"),
    [
        ("≤50万元", "待补充"),  # the period value says it is the project's own cost
        ("", "≤50万元"),
    ],
)
def test_a_cost_benefit_with_one_value_that_speaks_is_judged_by_it(
    period: str, annual: str
) -> None:
    facts, [parsed] = facts_of(_pair(BENEFIT, "设备购置成本", period, annual))
    assert not facts.cost_saving(parsed)
    found = lint(
        tsv_table(
            [project_row("机构运行辅助经费", _pair(BENEFIT, "设备购置成本", period, annual))]
        ),
        ["category-keyword-mismatch"],
    )
    assert [f.rule for f in found] == ["category-keyword-mismatch"]


def test_the_three_cost_rules_agree_on_a_saving() -> None:
    rules = ["cost-exceeds-budget", "category-keyword-mismatch", "value-type-mismatch"]
    savings = (
        _clause("2-效益指标；21-经济效益", "农户购机成本", "有效降低")
        + _clause("2-效益指标；21-经济效益", "企业物流成本", "同比下降5%").replace("1、", "2、", 1)
        + _clause("2-效益指标；21-经济效益", "降低企业用能成本", "≥500万元").replace(
            "1、", "3、", 1
        )
    )
    assert lint(tsv_table([project_row("机构运行辅助经费", savings, amount="100.00")]), rules) == []
    costs = _clause("2-效益指标；21-经济效益", "设备购置成本", "≤500万元") + _clause(
        "2-效益指标；21-经济效益", "企业物流成本", "≤5%"
    ).replace("1、", "2、", 1)
    found = lint(tsv_table([project_row("机构运行辅助经费", costs, amount="100.00")]), rules)
    assert sorted((f.clause, f.rule) for f in found) == [
        (1, "category-keyword-mismatch"),
        (1, "cost-exceeds-budget"),
        (2, "category-keyword-mismatch"),
        (2, "value-type-mismatch"),
    ]


def test_facts_are_computed_once_per_value() -> None:
    facts, [parsed] = facts_of(
        "1、1-产出指标；11-数量指标；促进就业人数；实施周期指标值:完成当年市下达任务；年度指标值:≥300人。"
    )
    field = parsed.fields[0]
    assert facts.value(parsed, field) is facts.value(parsed, field)
    assert facts.distinct_fields(parsed) is facts.distinct_fields(parsed)


def test_the_document_cache_is_typed_by_its_keys() -> None:
    cache = DocumentCache()
    sums: Key[list[int]] = Key("test.sums")
    other: Key[list[int]] = Key("test.sums")  # the same name is another key
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [1, 2]

    assert cache.get(sums, build) == [1, 2]
    assert cache.get(sums, build) is cache.get(sums, build)
    assert calls == [1]
    assert cache.get(other, list) == []


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted((AUDIT / "checks").glob("*.py")), ids=lambda p: p.name)
def test_no_rule_module_imports_another(path: Path) -> None:
    assert not {name for name in _imports(path) if name.startswith("audit.checks")}


def test_facts_sit_below_the_rules() -> None:
    for module in ("facts.py", "vocabulary.py"):
        imported = _imports(AUDIT / module)
        assert not {n for n in imported if n.startswith(("audit.checks", "audit.engine"))}


# --------------------------------------------------------------------------
# The placeholder scan tries a pattern only where its first character is


def _placeholder_patterns() -> list[re.Pattern[str]]:
    options = load_config(None, discover=False).setting("placeholder").options
    return [re.compile(p) for p in options["patterns"]]


@pytest.mark.parametrize(
    "pattern, lead",
    [
        (r"(?=请)(?<![^\x00\s])请(?!示)", "请"),
        (r"(?=填写)(?:(?<![^\x00])|(?<=[（(]))填写", "填"),
        (r"(?=详?见)(?<![意])(?:详)?见", "详见"),
        (r"(?=[0０])(?<![\d])[0０]{2,}", "0０"),
        (r"(?=[…\.。·])(?:…++|\.\.\.++)", "….。·"),
        (r"[XxＸｘ](?<![A-Z][Xx])[Xx]+", "XxＸｘ"),
        (r"[×＊*][×＊*]+", "×＊*"),
        # near misses: a match could begin elsewhere, or the set is no list
        (r"(?=请)请|填写", None),
        (r"[ab]*c", None),
        (r"[ab]?c", None),
        (r"(?=[ab])?c", None),
        (r"(?=[a-c])b", None),
        (r"(?=[\d])1", None),
        (r"[^a]b", None),
        (r"(?=a(?:b))ab", None),
        (r"某某+", None),  # a literal: the regex engine skips to it itself
        (r"(?i)(?=x)x", None),
    ],
)
def test_the_first_characters_of_a_pattern_are_read_only_where_plain(
    pattern: str, lead: str | None
) -> None:
    assert _lead_of(pattern, re.compile(pattern).flags) == lead


_SCAN_ALPHABET = "XxＸｘ×＊*□○〇◯☐0０….。·请填写详见意附件1２年月日%％ ≥≤\x00示万元人次ab"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SCAN_ALPHABET, max_size=40))
def test_the_placeholder_scan_finds_what_finditer_finds(text: str) -> None:
    for regex in _placeholder_patterns():
        lead = _lead(regex)
        if lead is None:
            continue
        expected = [(m.span(), m.group()) for m in regex.finditer(text)]
        assert [(m.span(), m.group()) for m in _matches_at(regex, text, lead)] == expected


def test_the_placeholder_scan_of_a_seed_table_is_unchanged() -> None:
    text = (
        Path(__file__).resolve().parent / "fixtures" / "seeds" / "001_panyu_2025.txt"
    ).read_text(encoding="utf-8")
    led = 0
    for regex in _placeholder_patterns():
        lead = _lead(regex)
        if lead is None:
            continue
        led += 1
        expected = [(m.span(), m.group()) for m in regex.finditer(text)]
        assert [(m.span(), m.group()) for m in _matches_at(regex, text, lead)] == expected
    assert led >= 8  # the default patterns that begin with a character say so


def test_a_pattern_that_can_match_nothing_is_scanned_as_finditer_does() -> None:
    regex = re.compile(r"[a]?")  # empty matches: no lead, and the fallback agrees
    assert _lead(regex) is None
    lazy = re.compile(r"(?=x)x*?")
    assert _lead(lazy) == "x"
    expected = [m.span() for m in lazy.finditer("axxb")]
    assert [m.span() for m in _matches_at(lazy, "axxb", "x")] == expected


def _reference_scan(patterns: list[re.Pattern[str]], texts: list[str]) -> list[tuple[Hit, ...]]:
    """What the scan finds, written plainly: the texts joined by NUL, each
    pattern anchored at a text's start tried at each text's start (and after
    a comparator opening it), each other pattern searched through them all."""
    joined = "\x00".join(texts)
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    found: list[list[Hit]] = [[] for _ in texts]
    for regex in patterns:
        if regex.pattern.startswith(AT_TEXT_START):
            matches = [
                regex.match(joined, begin + offset)
                for begin, text in zip(starts, texts, strict=True)
                for offset in ((0, 1) if text[:1] in "≥≤＞＜><＝=" else (0,))
            ]
        else:
            matches = list(regex.finditer(joined))
        for match in matches:
            if match is None or match.end() == match.start():
                continue
            index = max(i for i, begin in enumerate(starts) if begin <= match.start())
            base = starts[index]
            if match.end() - base <= len(texts[index]):
                found[index].append((match.start() - base, match.end() - base, match.group()))
    result = []
    for hits in found:
        kept: list[Hit] = []
        for hit in sorted(hits):
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        result.append(tuple(kept))
    return result


_TEXT_ALPHABET = (
    "≥≤＞＜><＝= （(【略空同上年前按实际待补暂定单位未没有尚缺不详X×□0….请填写见1年月%万\x00"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_TEXT_ALPHABET, max_size=14), min_size=1, max_size=6))
def test_the_placeholder_scan_of_many_texts_is_that_of_each(texts: list[str]) -> None:
    patterns = _placeholder_patterns()
    assert _scan(patterns, texts) == _reference_scan(patterns, texts)


def test_the_placeholder_scan_of_the_seed_tables_is_that_of_each_text() -> None:
    texts: dict[str, None] = {}
    for seed in sorted((Path(__file__).resolve().parent / "fixtures" / "seeds").glob("*.txt")):
        doc = document(seed.read_text(encoding="utf-8"))
        for project in doc.projects:
            texts[project.name.value] = None
            for clause in project.clauses:
                if isinstance(clause, Clause):
                    texts[clause.name] = None
                    texts.update(dict.fromkeys(f.text for f in clause.fields))
    patterns = _placeholder_patterns()
    found = _scan(patterns, list(texts))
    assert found == _reference_scan(patterns, list(texts))
    assert any(found)  # the seeds hold a placeholder (年度计划数), and it is found


@pytest.mark.parametrize(
    "text, done",
    [
        ("已于2024年完成，本年度持续运行", [True]),
        ("已在2024年12月建成", [True]),
        ("2023年已建成", [True]),
        ("2023年底前均已完成验收", [True]),
        # deadlines: a date to be met, whatever words stand around it
        ("2025年12月底前完成", [False]),
        ("于2024年建成并投入使用", [False]),
        ("2024年完成已验收项目的结算", [False]),
        ("2025年底前完成，已建成部分持续运行", [False]),
    ],
)
def test_a_date_that_says_what_was_done_is_a_status(text: str, done: list[bool]) -> None:
    """A date the words say was met (已于…, …已建成) is a status, no target;
    a deadline is one, even beside the word 已 said of something else."""
    value = parse_value(text)
    dates = [t for t in value.targets if t.kind in ("date", "date-range")]
    assert [done_date(value, t) for t in dates] == done
