"""Generated input for every stage: mutated real tables, clauses,
configurations and baselines. Whatever the input, the tool gives a report or
a clear error (never a traceback) within a time bound proportional to the
input's size."""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from audit.baseline import BaselineError, apply_baseline, load_baseline
from audit.config import ConfigError, load_config
from audit.engine import load_rules, run
from audit.output import SafeStream
from audit.parsing import parse_clause_text
from audit.pipeline import load_bytes, load_text
from audit.readers import ReadError
from audit.reports import renderer
from audit.results import FileResult, LintResult
from tests.conftest import HEADER, SEEDS, project_row, tsv_table
from tests.excerpts import STANDARD
from tests.fuzz.conftest import FUZZ, STATS

CONFIG = load_config(None, discover=False)
RULES = load_rules()

BASE_SECONDS = 2.0
PER_CHAR_SECONDS = 50e-6
"""The time bound of one example: BASE_SECONDS plus this per character of
input (the seed tables lint at about 1 µs per character)."""


def within_bound(name: str, size: int, work: Callable[[], object]) -> None:
    """Run ``work``, count it (and whether it returned ``"refused"``: a
    clear error), and fail when it takes longer than its bound twice in a
    row (once may be the shared machine being busy)."""
    stats = STATS.setdefault(
        name, {"examples": 0, "refused": 0, "over_bound": 0, "worst_ratio": 0.0}
    )
    stats["examples"] += 1
    bound = BASE_SECONDS + size * PER_CHAR_SECONDS
    started = time.perf_counter()
    if work() == "refused":
        stats["refused"] += 1
    elapsed = time.perf_counter() - started
    if elapsed > bound:
        started = time.perf_counter()
        work()
        elapsed = min(elapsed, time.perf_counter() - started)
    stats["worst_ratio"] = max(stats["worst_ratio"], elapsed / bound)
    if elapsed > bound:
        stats["over_bound"] += 1
    assert elapsed <= bound, f"{elapsed:.2f} s for {size:,} characters (bound {bound:.2f} s)"


# --------------------------------------------------------------------------
# Tables: real rows of the seed tables, mutated


def _seed_rows() -> list[str]:
    rows = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.count("\t") >= 4 and not line.startswith("项目名称"):
                rows.append(line)
    return rows


SEED_ROWS = _seed_rows()
PDF_LINES = (SEEDS / "004_disabled_2024.txt").read_text(encoding="utf-8").splitlines()
SPECIALS = [
    "&#55296;",
    "&#0;",
    "&#99999999999;",
    "<p>",
    "</p>",
    "&nbsp;",
    "、",
    "。",
    "；",
    "\t",
    "\n",
    " ",
    "1、",
    "2、1-产出指标；",
    "11-数量指标；",
    "实施周期指标值:",
    "年度指标值：",
    "≥",
    "%",
    "（",
    "）",
    "(%)",
    "单位名称：",
    "单位：万元",
    "合计",
    "-1,234.56",
    "1e309",
    "99999999999999999999999",
    "\ufffd",
    "\x00",
    "\x1b[31m",
    "鍙戞斁",
    "ï¼›",
]
payloads = st.one_of(
    st.sampled_from(SPECIALS),
    st.text(max_size=12),
    st.builds(lambda s, n: s * n, st.sampled_from([*SPECIALS, "a", "1"]), st.integers(2, 400)),
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 40)))
        operation = draw(st.sampled_from(["insert", "delete", "repeat", "replace"]))
        if operation == "insert":
            text = text[:at] + draw(payloads) + text[at:]
        elif operation == "delete":
            text = text[:at] + text[end:]
        elif operation == "repeat":
            text = text[:at] + text[at:end] * draw(st.integers(2, 60)) + text[end:]
        else:
            text = text[:at] + draw(payloads) + text[end:]
    return text


PREAMBLES = [
    [
        "",
        "广州市某中心2024年项目支出绩效目标表",
        "",
        "部门名称：广州市某中心",
        "",
        "单位：万元",
        "",
    ],
    ["单位名称：某中心    单位：万元"],
    [],
]


@st.composite
def tables(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        rows = draw(st.lists(st.sampled_from(SEED_ROWS), min_size=1, max_size=6))
        rows = [draw(mutated(row)) for row in rows]
        preamble = draw(st.sampled_from(PREAMBLES))
        text = "\n".join([*preamble, HEADER, *rows]) + "\n"
    else:
        start = draw(st.integers(0, len(PDF_LINES) - 30))
        text = "\n".join(PDF_LINES[:6] + PDF_LINES[start : start + 30]) + "\n"
    text = draw(mutated(text))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.integers(0, 9)) == 0 and data:  # a damaged file
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


def check_report(document: object, findings: list[object]) -> None:
    result = LintResult([FileResult("fuzz.txt", document, None, findings)])  # type: ignore[arg-type]
    assert result.summary()["findings"] == len(findings)
    for name in ("json", "text", "sarif"):
        out = io.StringIO()
        renderer(name)(result, SafeStream(out), config=CONFIG)  # type: ignore[arg-type]
        if name != "text":
            json.loads(out.getvalue())


@FUZZ
@given(tables())
def test_any_table_gives_a_report_or_a_clear_error(data: bytes) -> None:
    def work() -> str | None:
        try:
            document = load_bytes(data, "fuzz.txt")
        except ReadError as error:
            assert str(error)
            return "refused"
        findings = run(document, CONFIG)
        assert all(f.rule in RULES and f.file == "fuzz.txt" for f in findings)
        check_report(document, findings)  # type: ignore[arg-type]
        return None

    within_bound("tables", len(data), work)


# --------------------------------------------------------------------------
# Clauses, generated from their parts

numbers = st.one_of(
    st.integers(0, 10_000).map(str),
    st.decimals(0, 100_000, places=2, allow_nan=False).map(str),
    st.sampled_from(["1.85万", "3万", "100", "0", "1e9", "9" * 40, "一百", "１０"]),
)
values = st.builds(
    lambda comparator, number, unit, tail: comparator + number + unit + tail,
    st.sampled_from(["", "≥", "≤", ">", "<", "不少于", "不低于", "达到", "约", "=", "≧"]),
    numbers,
    st.sampled_from(["", "%", "人", "人次", "万元", "元/人", "个", "天", "年", "％", "次/月"]),
    st.sampled_from(["", "以上", "以内", "左右", "。", "；"]),
) | st.sampled_from(["待补充", "合格", "完成当年市下达任务", "100%按文件标准", "", "XXX"])
keywords = st.sampled_from(["实施周期指标值", "年度指标值", "指标值", "年度指标", "实施周期"])
separators = st.sampled_from(["；", ";", "，", ",", "", "。", " "])
categories = st.sampled_from(
    ["1-产出指标", "2-效益指标", "3-满意度指标", "4-成本指标", "产出指标", "效益", "9-其他"]
)
subcategories = st.sampled_from(["11-数量指标", "12-质量指标", "13-时效指标", "22-社会效益", "x"])


@st.composite
def clauses(draw: st.DrawFn) -> str:
    parts = []
    for number in range(1, draw(st.integers(1, 6)) + 1):
        label = str(draw(st.sampled_from([number, number, number + 1, 0, 1000])))
        clause = label + draw(st.sampled_from(["、", ".", "．", ""]))
        clause += draw(categories) + draw(separators) + draw(subcategories) + draw(separators)
        clause += draw(st.text(min_size=0, max_size=12)) + draw(separators)
        for _ in range(draw(st.integers(0, 3))):
            clause += draw(keywords) + draw(st.sampled_from([":", "：", ""])) + draw(values)
            clause += draw(separators)
        parts.append(clause)
    return draw(mutated("".join(parts)))


@FUZZ
@given(clauses())
def test_any_clause_parses_and_lints(text: str) -> None:
    def work() -> str | None:
        for clause in parse_clause_text(text):
            assert clause.text in text or not clause.text
        table = tsv_table([project_row("项目", text.replace("\t", " ").replace("\n", " "))])
        document = load_text(table, "fuzz.txt")
        check_report(document, run(document, CONFIG))
        return None

    within_bound("clauses", len(text), work)


# --------------------------------------------------------------------------
# Configurations


class Huge:
    """An integer of 5,000 digits in generated YAML and JSON (Python will
    not even print one)."""

    DIGITS = "9" * 5000

    def __repr__(self) -> str:
        return "Huge()"


HUGE = Huge()


def yaml_value(value: object) -> str:
    """Flow-style YAML for generated data (NaN and infinity included)."""
    if isinstance(value, Huge):
        return Huge.DIGITS
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{yaml_value(k)}: {yaml_value(v)}" for k, v in value.items()) + "}"


PATTERNS = ["(a+)+$", "(?i)rate", "率$", "(", "[", "(?<=x", "\\", "a{99999}", "(?P<x>a)(?P=x)"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.just(HUGE),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=10),
    st.sampled_from([*PATTERNS, "error", "warning", "info", "off", "warnig"]),
)
data_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def option_values(draw: st.DrawFn, rule_id: str) -> dict[str, object]:
    spec = RULES[rule_id]
    chosen: dict[str, object] = {}
    for name in draw(st.lists(st.sampled_from([*spec.options, "enabled", "severity", "x"]))):
        option = spec.options.get(name)
        if option is not None and draw(st.integers(0, 3)) > 0:
            value = option.default
            if isinstance(value, list) and value and draw(st.booleans()):
                value = [*value, draw(st.sampled_from(PATTERNS))]
            if isinstance(value, dict) and value and draw(st.booleans()):
                key = draw(st.sampled_from(sorted(value)))
                value = {**value, key: draw(data_values)}
            chosen[name] = value
        else:
            chosen[name] = draw(data_values)
    return chosen


custom_rules = st.fixed_dictionaries(
    {"type": st.sampled_from(["pattern", "require", "other"])},
    optional={
        "field": st.sampled_from(["goal", "project", "value", "x"]),
        "must_not_match": st.sampled_from(PATTERNS),
        "must_match": st.sampled_from(PATTERNS),
        "project": st.sampled_from(PATTERNS),
        "indicator": st.sampled_from(PATTERNS),
        "message": st.sampled_from(["{text}", "{text.foo}", "{0}", "{", "含{text}{{x}}", ""]),
        "severity": st.sampled_from(["error", "warnig"]),
    },
)
RAW_PREFIXES = [
    "",
    "x: &a [1, 2]\ny: [*a, *a]\n",
    "x: &a [*a]\n",
    "? [x]\n: 1\n",
    "a: " + "[" * 80 + "]" * 80 + "\n",
    "n: " + "9" * 5000 + "\n",
    "a0: &a0 [x]\n"
    + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9)),
]


@st.composite
def configs(draw: st.DrawFn) -> str:
    rules: dict[str, object] = {}
    for rule_id in draw(st.lists(st.sampled_from(sorted(RULES)), max_size=3)):
        rules[rule_id] = draw(option_values(rule_id))
    if draw(st.booleans()):
        rules["my-rule"] = draw(custom_rules)
    top: dict[str, object] = {"rules": rules}
    if draw(st.integers(0, 3)) == 0:
        for key in draw(st.lists(st.sampled_from(["lang", "ignore", "grading", "taxonomy", "x"]))):
            top[key] = draw(data_values)
    text = draw(st.sampled_from(RAW_PREFIXES)) if draw(st.integers(0, 3)) == 0 else ""
    body = yaml_value(top)
    if draw(st.booleans()):
        body = "\n".join(f"{k}: {yaml_value(v)}" for k, v in top.items())
    if draw(st.integers(0, 2)) == 0:
        body = draw(mutated(body))
    return text + body + "\n"


SMALL_TABLE = tsv_table(
    [project_row("a" * 300 + "!", STANDARD, goal="测试" + "a" * 300), project_row("乙", STANDARD)]
)


@FUZZ
@given(configs())
def test_any_configuration_loads_or_is_a_clear_error(tmp_path_factory: object, text: str) -> None:
    directory = tmp_path_factory.mktemp("config")  # type: ignore[attr-defined]
    path = Path(directory) / "config.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")

    def work() -> str | None:
        try:
            config = load_config(path)
        except ConfigError as error:
            assert str(error).startswith(str(path))
            return "refused"
        document = load_text(SMALL_TABLE, "fuzz.txt")
        findings = run(document, config)
        check_report(document, findings)
        return None

    within_bound("configs", len(text), work)


# --------------------------------------------------------------------------
# Baselines

entries = st.fixed_dictionaries(
    {},
    optional={
        "file": st.sampled_from(["fuzz.txt", "", "x"]) | data_values,
        "rule": st.sampled_from(sorted(RULES)) | data_values,
        "unit": data_values,
        "project": st.sampled_from(["甲项目", "乙"]) | data_values,
        "field": data_values,
        "indicator": data_values,
        "excerpt": data_values,
        "count": st.integers(-2, 5) | data_values,
    },
)
baselines = st.one_of(
    st.builds(
        lambda version, items: {"version": version, "entries": items},
        st.sampled_from([1, 1, 2, "1", None]),
        st.lists(entries, max_size=5),
    ),
    data_values,
)


def _real_baseline() -> dict[str, object]:
    """The baseline of SMALL_TABLE's findings, as --write-baseline writes it."""
    from audit.baseline import baseline_dict

    document = load_text(SMALL_TABLE, "fuzz.txt")
    result = LintResult([FileResult("fuzz.txt", document, None, run(document, CONFIG))])
    return baseline_dict(result, ".")


@st.composite
def real_baselines(draw: st.DrawFn) -> dict[str, object]:
    """A real baseline with entries dropped, repeated or recounted."""
    data = _real_baseline()
    entries = list(data["entries"])  # type: ignore[call-overload]
    kept = draw(st.lists(st.sampled_from(entries), max_size=len(entries) + 2)) if entries else []
    kept = [{**e, "count": draw(st.integers(1, 3))} for e in kept]
    return {**data, "entries": kept}


@st.composite
def baseline_texts(draw: st.DrawFn) -> str:
    value = draw(real_baselines()) if draw(st.booleans()) else draw(baselines)
    text = json.dumps(value, ensure_ascii=False, default=lambda _: "<huge>")
    text = text.replace('"<huge>"', Huge.DIGITS)
    if draw(st.integers(0, 4)) == 0:
        depth = draw(st.integers(1, 5000))
        text = "[" * depth + text + "]" * depth
    if draw(st.integers(0, 2)) == 0:
        text = draw(mutated(text))
    return text


@FUZZ
@given(baseline_texts())
def test_any_baseline_loads_or_is_a_clear_error(tmp_path_factory: object, text: str) -> None:
    directory = tmp_path_factory.mktemp("baseline")  # type: ignore[attr-defined]
    path = Path(directory) / "baseline.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    document = load_text(SMALL_TABLE, os.path.relpath(Path(directory) / "fuzz.txt"))
    result = LintResult([FileResult(document.path, document, None, run(document, CONFIG))])

    def work() -> str | None:
        try:
            baseline = load_baseline(str(path))
        except BaselineError as error:
            assert str(error)
            return "refused"
        applied = apply_baseline(result, baseline)
        assert applied.suppressed + len(applied.result.findings) == len(result.findings)
        return None

    within_bound("baselines", len(text), work)
