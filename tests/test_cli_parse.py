"""The ``parse`` command (a file as a tree or JSON, one clause with
``--clause``) and ``lint --timings``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.cli import main
from tests.conftest import SEED_001, project_row, tsv_table

BROKEN = (
    "3、1-产出指标；12-质量指标；验收通过率；实施周期指标值：100%通过；年度指标值：100%通过。"
    "4、这一条没有任何结构，只是一段说明文字。"
    "5、2-效益指标；22-社会效益；就业困难人员帮扶；实施周期指标值：≥95%；年度指标值：≥95%。"
)


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")


def test_parse_clause_shows_each_clause_and_the_stretch_between(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", "--clause", BROKEN]) == 1  # a stretch is not a clause
    out = capsys.readouterr().out
    assert "3、1-产出指标 / 12-质量指标 验收通过率" in out
    assert "年度指标值 100%通过  → = 100 %" in out
    assert "✗ 4、这一条没有任何结构，只是一段说明文字 (1:52)" in out
    assert "expected 年度指标值 or 实施周期指标值, found end of clause" in out
    assert "5、2-效益指标 / 22-社会效益 就业困难人员帮扶" in out


def test_parse_clause_json_gives_parts_values_and_the_stretch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", "--clause", BROKEN, "--format", "json"]) == 1
    third, stray, fifth = json.loads(capsys.readouterr().out)
    assert third["level1"] == {"code": "1", "name": "产出指标"}
    assert third["level2"] == {"code": "12", "name": "质量指标"}
    assert third["name"] == "验收通过率"
    assert [f["text"] for f in third["fields"]] == ["100%通过", "100%通过"]
    assert stray["number"] == 4
    assert stray["text"] == "4、这一条没有任何结构，只是一段说明文字"
    assert set(stray["expected"]) == {"实施周期指标值", "年度指标值"}
    assert stray["span"]["column"] == BROKEN.index("4、") + 1
    assert fifth["number"] == 5


def test_parse_file_as_json_counts_units_projects_and_clauses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    table = Path("t.txt")
    table.write_text(
        tsv_table(
            [project_row("项目甲", BROKEN), project_row("项目乙", BROKEN[: BROKEN.index("4、")])]
        ),
        encoding="utf-8",
    )
    assert main(["parse", str(table), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["summary"] == {
        "files": 1,
        "units": 1,
        "projects": 2,
        "clauses": 3,
        "unparsed": 1,
    }
    first, second = payload["documents"][0]["units"][0]["projects"]
    assert [c["number"] for c in first["clauses"]] == [3, 4, 5]
    assert "error" in first["clauses"][1]
    assert [c["number"] for c in second["clauses"]] == [3]


def test_parse_file_as_a_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED_001)]) == 0
    out = capsys.readouterr().out
    assert "广州市番禺区劳动就业服务管理中心" in out
    assert "一次性创业资助人数" in out
    assert "✗" not in out  # every clause of the seed is a clause


def test_parse_missing_file_exits_2_and_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "missing.txt", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "missing.txt: 文件不存在" in captured.err  # in the report's language
    assert json.loads(captured.out)["failed"] == [{"path": "missing.txt", "error": "no such file"}]


def test_lint_timings_prints_each_stage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-config", "--timings", "--fail-on", "never", str(SEED_001)]) == 0
    err = capsys.readouterr().err
    stages = [line.split()[0] for line in err.strip().splitlines()]
    assert stages == ["read", "parse", "check", "report", "total"]
    assert all(line.endswith(" ms") for line in err.strip().splitlines())


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("≥-5%", "≥ -5 %"),
        ("-3.5%，≥-2%", "= -3.5 %; ≥ -2 %"),
        ("负5%", "= -5 %"),
        ("10-15人", "10..15 人"),  # a range's dash is no sign
        ("≥5%", "≥ 5 %"),
    ],
)
def test_parse_shows_a_minus_sign_before_a_number(
    capsys: pytest.CaptureFixture[str], value: str, shown: str
) -> None:
    clause = f"1、1-产出指标；11-数量指标；指标；实施周期指标值：{value}；年度指标值：{value}。"
    main(["parse", "--clause", clause])
    assert f"年度指标值 {value}  → {shown}" in capsys.readouterr().out
