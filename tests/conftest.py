"""Shared test helpers: build tables from rows, lint them, load the seeds."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from hypothesis import settings

from audit.cli import main
from audit.config import Config, load_config
from audit.engine import run
from audit.model import Document, Finding
from audit.pipeline import load_path, load_text

# Parsed YAML is cached per user; the tests keep theirs to themselves.
os.environ["INDICATOR_AUDIT_CACHE"] = tempfile.mkdtemp(prefix="indicator-audit-cache-")
# Lint results are not kept between the tests' runs (tests/test_cache.py
# turns it on for itself).
os.environ["INDICATOR_AUDIT_NO_CACHE"] = "1"
# Reports follow the locale when neither --lang nor a configuration sets it:
# the tests run under a neutral one (Chinese reports) whatever the machine's.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

# Property tests draw the same examples on every run (seeded from each test's
# code), so a run passes or fails on the code, not on the draw, as the fuzz
# suite's CI profile does. HYPOTHESIS_PROFILE=explore draws new examples on
# every run: run it repeatedly to look for failures no run has met yet, and
# keep each one found as an @example of its test.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_001 = SEEDS / "001_panyu_2025.txt"
SEED_002 = SEEDS / "002_hrss_2024.txt"
SEED_002_LINES = SEED_002.read_text(encoding="utf-8").splitlines()


def seed_row(line: int) -> list[str | None]:
    """The cells of seed 002's line ``line`` (1-based), a blank cell as None:
    a real row to build workbooks, Word and web tables from."""
    return [cell or None for cell in SEED_002_LINES[line - 1].split("\t")]


SEED_002_HEADER = seed_row(
    next(n for n, t in enumerate(SEED_002_LINES, 1) if t.startswith("项目名称"))
)
"""Seed 002's header row."""
MARKET = "广州市人力资源市场服务中心"
MARKET_PROJECTS = [seed_row(180), seed_row(181)]
"""Two projects of seed 002's 广州市人力资源市场服务中心 (市场中心业务用房物业管理费, …场地维护维修经费)."""
SEED_004 = SEEDS / "004_disabled_2024.txt"

HEADER = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"


def tsv_table(
    rows: Iterable[Sequence[str]],
    *,
    organization: str = "广州市测试中心",
    total: Sequence[str] | None = None,
    unit: Sequence[str] | None = None,
) -> str:
    """A tab-separated table: title, header, optional 合计 and unit rows,
    then ``rows`` (each: name, total, fiscal, special, other, goal, indicators)."""
    lines = [
        "",
        f"{organization}2024年项目支出绩效目标表（含转移支付项目）",
        "",
        f"部门名称：{organization}",
        "",
        "单位：万元",
        "",
        HEADER,
    ]
    if total is not None:
        lines.append("\t".join(["合计", *total]))
    if unit is not None:
        lines.append("\t".join(unit))
    for row in rows:
        cells = list(row) + [""] * (7 - len(row))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def project_row(
    name: str, indicators: str, goal: str = "保障项目顺利实施。", amount: str = "10.00"
) -> list[str]:
    """One project row with a single amount in 总计 and 财政拨款."""
    return [name, amount, amount, "", "", goal, indicators]


def carrier_table(indicators: str) -> list[list[str | None]]:
    """A one-project Guangzhou table as a carrier writer takes it (a title,
    the 部门名称 and 单位 lines, the header, 合计, the unit's row and the
    project's), the project's indicator cell ``indicators``."""
    return [
        ["广州市某区人力资源和社会保障局2025年项目支出绩效目标表"],
        ["部门名称：广州市某区人力资源和社会保障局"],
        ["单位：万元"],
        list(HEADER.split("\t")),
        ["合计", "100.00", "100.00", None, None, None, None],
        ["广州市某区职业技能鉴定中心", "100.00", "100.00", None, None, None, None],
        [
            "职业技能培训经费",
            "100.00",
            "100.00",
            None,
            None,
            "组织开展职业技能培训，提高劳动者技能水平，促进劳动者就业创业。",
            indicators,
        ],
    ]


PLACEHOLDER = project_row(
    "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:5人。"
)
"""A project whose period value is a placeholder (placeholder, an error)."""
NUMBERING = project_row(
    "项目乙",
    "1、1-产出指标；11-数量指标；人数；实施周期指标值:3人；年度指标值:3人。"
    "3、1-产出指标；11-数量指标；次数；实施周期指标值:3次；年度指标值:3次。",
)
"""A project whose clauses skip from 1 to 3 (clause-numbering, a warning)."""


def run_main(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run the command line in this process: its status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        status = main(list(args))
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def document(text: str, path: str = "table.txt") -> Document:
    return load_text(text, path)


def lint(
    source: str | Document | Path,
    select: Iterable[str] | None = None,
    config: Config | None = None,
) -> list[Finding]:
    """Findings of the default profile (or ``config``) limited to ``select``."""
    if isinstance(source, Path):
        doc = load_path(source)
    elif isinstance(source, str):
        doc = load_text(source, "table.txt")
    else:
        doc = source
    config = config or load_config(None, discover=False)
    if select is not None:
        config.select = set(select)
    return run(doc, config)


def lint_rule(text: str, rule: str, config: Config | None = None) -> list[Finding]:
    """Findings of one rule; every finding must be that rule's."""
    findings = lint(text, [rule], config)
    assert all(f.rule == rule for f in findings)
    return findings


def config_with(tmp_path: Path, yaml: str) -> Config:
    """The configuration of a profile written to a temporary file."""
    path = tmp_path / "config.yaml"
    path.write_text(yaml, encoding="utf-8")
    return load_config(path)


@pytest.fixture(scope="session")
def seed_002() -> Document:
    return load_path(SEED_002)


@pytest.fixture(scope="session")
def seed_001() -> Document:
    return load_path(SEED_001)


@pytest.fixture(scope="session")
def seed_004() -> Document:
    return load_path(SEED_004)
