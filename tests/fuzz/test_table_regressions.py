"""Table input that once hung, crashed or exhausted memory: each case gives a
normal report or a clear error, in time linear in its size."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.config import load_config
from audit.engine import run
from audit.limits import MAX_BYTES, MAX_CELL_CHARS, MAX_CLAUSES_PER_CELL
from audit.pipeline import load_bytes, load_path, load_text
from audit.readers import ReadError
from audit.readers.common import organization_name
from tests.conftest import lint_rule, project_row, tsv_table
from tests.excerpts import STANDARD
from tests.fuzz.scaling import assert_scales_linearly

CONFIG = load_config(None, discover=False)


def lint_text(text: object) -> object:
    assert isinstance(text, str)
    return run(load_text(text, "table.txt"), CONFIG)


def with_heading(heading: str, salt: int = 0) -> str:
    table = tsv_table([project_row(f"项目{salt}", STANDARD)])
    return table.replace("部门名称：广州市测试中心", heading)


# --------------------------------------------------------------------------
# The heading line: a lazy group between runs of white space backtracked
# cubically (2.5 KB took 14 s).


def test_long_blank_in_the_organisation_line_is_linear() -> None:
    assert_scales_linearly(
        lambda n, salt: with_heading(f"单位名称：a{salt}" + " " * n + "b"), lint_text, 250
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("单位名称：广州市番禺区劳动就业服务管理中心", "广州市番禺区劳动就业服务管理中心"),
        ("  部门名称 ： 广州市人力资源和社会保障局  ", "广州市人力资源和社会保障局"),
        ("单位名称：广州市残疾人联合会    单位：万元", "广州市残疾人联合会"),
        ("部门名称:某中心 单位 : 万元  ", "某中心"),
        ("单位名称：", ""),
        ("单位名称：单位：万元", ""),
        ("单位名称：a" + " " * 2500 + "b", "a" + " " * 2500 + "b"),
    ],
)
def test_organisation_name_as_before(line: str, name: str) -> None:
    assert organization_name(line) == name


@pytest.mark.parametrize(
    "line", ["单位：万元", "项目名称\t总计", "名称：某中心", "单位名称 某中心"]
)
def test_other_lines_are_not_organisation_lines(line: str) -> None:
    assert organization_name(line) is None


def test_organisation_with_long_blank_is_read() -> None:
    document = load_text(with_heading("单位名称：a" + " " * 2500 + "b"), "table.txt")
    assert document.organization == "a" + " " * 2500 + "b"


# --------------------------------------------------------------------------
# Rows with amounts but no goal: each was compared with every row after it.


def amounts_only(n: int, salt: int) -> str:
    rows = [[f"项目{salt}-{i}", f"{i + 1}.00", f"{i + 1}.00"] for i in range(n)]
    return tsv_table(rows)


def test_amounts_only_rows_are_classified_in_linear_time() -> None:
    assert_scales_linearly(amounts_only, lambda t: load_text(str(t), "table.txt"), 400)


def test_many_units_are_checked_in_linear_time() -> None:
    def units(n: int, salt: int) -> str:
        return tsv_table([[f"单位{salt}-{i}中心", "1.00", "1.00"] for i in range(n)])

    assert_scales_linearly(units, lint_text, 200)


def test_unit_rows_still_found_by_their_sums() -> None:
    text = tsv_table(
        [
            ["广州市某服务中心", "30.00", "30.00"],
            project_row("甲项目", STANDARD, amount="10.00"),
            ["乙项目（待填）", "20.00", "20.00"],
            ["丙单位", "5.00", "5.00"],
            project_row("丁项目", STANDARD, amount="5.00"),
        ]
    )
    document = load_text(text, "table.txt")
    assert [u.title for u in document.units] == ["广州市某服务中心", "丙单位"]
    assert [p.title for p in document.units[0].projects] == ["甲项目", "乙项目（待填）"]


# --------------------------------------------------------------------------
# Values: a long run of punctuation, units in brackets repeated.


def punctuated(n: int, salt: int) -> str:
    clause = f"1、1-产出指标；11-数量指标；人数{salt}；实施周期指标值:≥300人" + "、" * n
    clause += "x；年度指标值:≥300人。"
    return tsv_table([project_row("项目", clause, goal="目标" + "、" * n + "x")])


def test_long_run_of_punctuation_is_linear() -> None:
    assert_scales_linearly(punctuated, lint_text, 5_000)


def test_repeated_unit_tails_are_linear() -> None:
    def tails(n: int, salt: int) -> str:
        name = f"完成率{salt}" + "(%)" * n
        clause = f"1、1-产出指标；12-质量指标；{name}；实施周期指标值:100%；年度指标值:100%。"
        return tsv_table([project_row("项目", clause)])

    assert_scales_linearly(tails, lint_text, 500)


def test_thousands_of_repeated_keywords_are_linear() -> None:
    def repeated(n: int, salt: int) -> str:
        clause = f"1、1-产出指标；11-数量指标；人数{salt}；实施周期指标值:≥300人"
        clause += "；年度指标值:1人" * n + "。"
        return tsv_table([project_row("项目", clause)])

    assert_scales_linearly(repeated, lint_text, 150)


# --------------------------------------------------------------------------
# Cell limits: a clear finding, the cell not parsed.


def numbered(count: int) -> str:
    return "".join(STANDARD.replace("1、", f"{i}、", 1) for i in range(1, count + 1))


def test_cell_with_too_many_clauses_is_reported_and_not_parsed() -> None:
    text = tsv_table([project_row("项目", numbered(MAX_CLAUSES_PER_CELL + 1))])
    findings = lint_rule(text, "cell-too-large")
    assert [f.field for f in findings] == ["indicators"]
    assert f"{MAX_CLAUSES_PER_CELL + 1}条指标" in findings[0].message
    assert load_text(text, "t.txt").projects[0].clauses == ()


def test_cell_at_the_clause_limit_is_parsed() -> None:
    text = tsv_table([project_row("项目", numbered(MAX_CLAUSES_PER_CELL))])
    assert lint_rule(text, "cell-too-large") == []
    assert len(load_text(text, "t.txt").projects[0].clauses) == MAX_CLAUSES_PER_CELL


def test_overlong_cells_are_reported() -> None:
    long_goal = "保障" * (MAX_CELL_CHARS // 2 + 1)
    indicators = STANDARD + "说明" * (MAX_CELL_CHARS // 2)
    text = tsv_table([project_row("项目", indicators, goal=long_goal)])
    findings = lint_rule(text, "cell-too-large")
    assert sorted(f.field for f in findings) == ["goal", "indicators"]
    assert all("20,000" in f.message for f in findings)
    assert load_text(text, "t.txt").projects[0].clauses == ()


def test_cells_just_under_the_length_limit_are_not_reported() -> None:
    goal = "保障" * (MAX_CELL_CHARS // 2)
    text = tsv_table([project_row("项目", STANDARD, goal=goal)])
    assert lint_rule(text, "cell-too-large") == []


# --------------------------------------------------------------------------
# Special files: refused by type before anything is read.


def cli(*args: str, stdin: object = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "audit", "lint", "--no-config", "--format", "text", *args],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "table.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(tsv_table([project_row("项目", STANDARD)]), encoding="utf-8")
    result = cli("--lang", "en", str(fifo), str(good))
    assert result.returncode == 2
    # In the text format a read error is a line of the report, once.
    assert f"{fifo}:0:0: error [read-error] is a named pipe (FIFO), not a file" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_character_device_is_refused() -> None:
    with pytest.raises(ReadError, match="character device"):
        load_path("/dev/zero")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a directory"):
        load_path(tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_stdin_is_read_only_to_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = cli("-", stdin=zero)
    assert result.returncode == 2
    assert f"file too large (more than {MAX_BYTES:,} bytes" in result.stdout


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as file:
        file.truncate(MAX_BYTES + 1)
    with pytest.raises(ReadError, match="file too large"):
        load_path(big)


# --------------------------------------------------------------------------
# Patterns that retried every position of a long run


def one_value(value: str, name: str = "人数", salt: int = 0) -> str:
    clause = (
        f"1、1-产出指标；13-时效指标；{name}{salt}；实施周期指标值:{value}；年度指标值:{value}。"
    )
    return tsv_table([project_row("项目", clause)])


def test_long_ellipsis_before_deng_is_linear() -> None:
    assert_scales_linearly(lambda n, salt: one_value("…" * n + "等", salt=salt), lint_text, 2_000)


def test_long_run_of_chinese_numerals_is_linear() -> None:
    assert_scales_linearly(
        lambda n, salt: one_value("〇" * n + "x", "办理时限", salt), lint_text, 1_000
    )


def test_unit_name_full_of_brackets_is_linear() -> None:
    def brackets(n: int, salt: int) -> str:
        return tsv_table([[f"{salt}" + "局（" * n, "1.00", "1.00"], ["乙", "2.00", "2.00"]])

    assert_scales_linearly(brackets, lambda t: load_text(str(t), "t.txt"), 2_000)


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [("……", True), ("...", True), ("……等", False), ("…… 等", False), ("···", True)],
)
def test_ellipsis_placeholder_as_before(value: str, placeholder: bool) -> None:
    findings = lint_rule(one_value(f"≥90%{value}"), "placeholder")
    assert bool(findings) is placeholder


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("广州市某服务中心", True),
        ("广州市某服务中心（本级）", True),
        ("某街道办事处(机关)", True),
        ("某中心（本级）（其他）", False),
        ("某项目（中心）", False),
        ("某项目", False),
    ],
)
def test_organisation_names_as_before(name: str, unit: bool) -> None:
    from audit.readers.common import ORGANIZATION_NAME_RE, is_organization_name

    assert is_organization_name(name) is unit
    assert (ORGANIZATION_NAME_RE.search(name) is not None) is unit


def test_cell_too_large_documents_the_limits_in_effect() -> None:
    from audit.engine import load_rules

    doc = load_rules()["cell-too-large"].doc
    assert f"{MAX_CELL_CHARS:,} characters" in doc
    assert f"{MAX_CLAUSES_PER_CELL} numbered" in doc


@pytest.mark.parametrize(
    "page",
    [
        # elements nested deep, none closed: each start tag looks for an open <p>
        lambda n, salt: f"<html><body><p>{salt}" + "<div>" * n + "<table><tr><td>项目名称</table>",
        # hidden spans left open, then text in many blocks
        lambda n, salt: (
            "<html><body><table><tr><td style='display:none'>"
            + "<span hidden>x" * n
            + f"{salt}<div>文字</div>" * n
        ),
    ],
    ids=["nested", "hidden-open"],
)
def test_a_web_page_of_many_open_elements_is_read_in_linear_time(
    page: Callable[[int, int], str],
) -> None:
    def read(text: object) -> object:
        try:
            return load_bytes(str(text).encode(), "page.html")
        except ReadError as error:
            return error

    assert_scales_linearly(page, read, 400)
