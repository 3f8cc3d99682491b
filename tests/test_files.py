"""Which files a run reads: default excludes, virtual environments, .gitignore,
exclude patterns from the configuration and the command line, --force-exclude,
a path given twice, and files that are not tables."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from audit.cli import main
from audit.files import TABLE_SUFFIXES, FileSelector
from audit.pipeline import load_path, load_text
from audit.readers import NotATable
from tests.conftest import project_row, tsv_table

ROOT = Path(__file__).resolve().parent.parent
ERROR = project_row(
    "项目甲", "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:5人。"
)


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)


def table(name: str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tsv_table([ERROR]), encoding="utf-8")
    return name


def text(name: str, content: str = "不是表格\n") -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return name


def walked(*paths: str, **options: object) -> list[str]:
    selector = FileSelector(None, **options)  # type: ignore[arg-type]
    return [item.path.replace(os.sep, "/") for item in selector.expand(paths)]


def lint_json(*args: str) -> tuple[int, dict[str, object], str]:
    import io
    import sys

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(["lint", "--format", "json", "--select", "placeholder", *args])
    finally:
        sys.stdout, sys.stderr = saved
    return status, json.loads(out.getvalue() or "null"), err.getvalue()


def test_the_walk_leaves_out_tool_directories_virtualenvs_and_hidden_ones() -> None:
    table("tables/a.txt")
    table(".git/x.txt")
    table(".hidden/b.txt")
    table("node_modules/pkg/c.txt")
    table(".venv/lib/d.txt")
    table("venv/e.txt")
    table("env-3.12/lib/python3.12/site-packages/f.txt")
    Path("env-3.12/pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    table("myenv-no-cfg/g.txt")  # a directory named like a venv but without pyvenv.cfg
    assert walked(".") == ["myenv-no-cfg/g.txt", "tables/a.txt"]


def test_every_table_extension_is_walked_and_others_are_not() -> None:
    for suffix in TABLE_SUFFIXES:
        text(f"d/file{suffix}")
    text("d/notes.md")
    text("d/script.py")
    found = walked("d")
    assert sorted(Path(p).suffix for p in found) == sorted(TABLE_SUFFIXES)
    assert {".xlsx", ".pdf", ".html", ".docx"} <= {Path(p).suffix for p in found}


def test_gitignore_is_respected_inside_a_repository() -> None:
    Path(".git").mkdir()
    text(".gitignore", "build/\n*.tmp.txt\n/drafts/*\n!drafts/keep.txt\n")
    table("build/a.txt")
    table("x.tmp.txt")
    table("drafts/old.txt")
    table("drafts/keep.txt")
    table("sub/b.txt")
    text("sub/.gitignore", "local.txt\n")
    table("sub/local.txt")
    table("c.txt")
    assert walked(".") == ["c.txt", "drafts/keep.txt", "sub/b.txt"]
    assert "build/a.txt" in walked(".", respect_gitignore=False)


def test_gitignore_outside_a_repository_is_not_read() -> None:
    text(".gitignore", "*.txt\n")
    table("a.txt")
    assert walked(".") == ["a.txt"]


def test_exclude_on_the_command_line_and_force_exclude() -> None:
    table("tables/a.txt")
    table("tables/archive/old.txt")
    assert walked("tables", exclude=["archive/"]) == ["tables/a.txt"]
    # A file named explicitly is read unless --force-exclude.
    assert walked("tables/archive/old.txt", exclude=["archive/"]) == ["tables/archive/old.txt"]
    assert walked("tables/archive/old.txt", exclude=["archive/"], force_exclude=True) == []
    assert walked("tables/a.txt", exclude=["archive/"], force_exclude=True) == ["tables/a.txt"]


def test_exclude_and_extend_exclude_in_the_configuration() -> None:
    table("proj/tables/a.txt")
    table("proj/tables/drafts/b.txt")
    table("proj/node_modules/c.txt")
    text("proj/.indicator-audit.yaml", "extend-exclude: [drafts/]\n")
    _, report, _ = lint_json("proj")
    assert [f["path"] for f in report["files"]] == [os.path.join("proj", "tables", "a.txt")]
    # exclude replaces the default list: node_modules is walked again.
    text("proj/.indicator-audit.yaml", "exclude: [drafts/]\n")
    _status, report, _ = lint_json("proj")
    paths = sorted(f["path"].replace(os.sep, "/") for f in report["files"])
    assert paths == ["proj/node_modules/c.txt", "proj/tables/a.txt"]


def test_a_path_given_twice_is_read_once() -> None:
    table("t/a.txt")
    assert walked("t/a.txt", "t/a.txt", "t", "t/a.txt") == ["t/a.txt"]
    _status, report, _ = lint_json("t/a.txt", "t/a.txt", "t")
    assert len(report["files"]) == 1
    assert report["summary"]["findings"] == 1


def test_lint_dot_in_a_checkout_with_a_virtualenv_reads_only_tables() -> None:
    Path(".git").mkdir()
    text(".gitignore", "__pycache__/\n")
    table("tables/2024.txt")
    text("README.md", (ROOT / "README.md").read_text(encoding="utf-8"))
    text(".venv/pyvenv.cfg", "home = /usr/bin\n")
    for n in range(5):
        text(f".venv/lib/python3.12/site-packages/pkg/LICENSE{n}.txt", "MIT License\n")
    text("venv2/pyvenv.cfg", "home = /usr/bin\n")
    text("venv2/lib/entry_points.txt", "[console_scripts]\n")
    text("tables/notes.txt", "会议记录：项目名称、总计、绩效目标另行通知。\n")
    status, report, err = lint_json(".")
    assert [f["path"].replace(os.sep, "/") for f in report["files"]] == ["tables/2024.txt"]
    assert status == 1  # the placeholder finding, not a read error
    # The one walked .txt that is not a table is noted once, not an error.
    assert err.count("notes.txt") == 1
    assert "不是绩效目标表" in err


def test_readme_is_not_a_table() -> None:
    with pytest.raises(NotATable):
        load_path(ROOT / "README.md")
    text("README.md", (ROOT / "README.md").read_text(encoding="utf-8"))
    status, report, err = lint_json("README.md")
    assert status == 2
    assert report["summary"]["findings"] == 0
    assert report["files"][0]["error"].startswith("not a performance-target table")
    assert err.count("README.md") == 1  # named once on stderr


@pytest.mark.parametrize(
    "line",
    [
        "| `row-sum-mismatch` | error | 总计 is not 财政拨款 + 财政专户拨款 + 其他资金 in a row. |",
        "项目名称、总计、绩效目标均须填写，并逐项说明绩效指标。",
        "请在项目名称栏填写全称，总计栏填写合计数，绩效指标栏填写指标。",
    ],
)
def test_prose_naming_the_columns_is_not_a_header(line: str) -> None:
    with pytest.raises(NotATable):
        load_text(f"说明\n{line}\n其他内容\n", "notes.txt")


@pytest.mark.parametrize(
    "header",
    [
        "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标",
        "项目名称（资金使用单位） 总计 财政拨款 财政专户拨款 其他资金 绩效目标 绩效指标",
        "项目名称（资金使用单位）,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标",
        '"项目名称（资金使用单位）","总计","财政拨款","其他资金","绩效目标","绩效指标"',
        "<p>项目名称</p>\t<p>总计</p>\t财政拨款\t绩效目标\t绩效指标",
    ],
)
def test_header_rows_are_positive_evidence(header: str) -> None:
    from audit.readers import detect_layout

    assert detect_layout(f"标题\n{header}\n") in ("tsv", "csv", "pdf-text")


def test_force_exclude_applies_configured_excludes_to_named_files() -> None:
    """What pre-commit does: it names each staged file; --force-exclude makes
    the configuration's exclude patterns hold for them."""
    table("repo/tables/a.txt")
    table("repo/archive/old.txt")
    text("repo/.indicator-audit.yaml", "extend-exclude: [archive/]\n")
    named = ("repo/tables/a.txt", "repo/archive/old.txt")
    _, report, _ = lint_json(*named)
    assert len(report["files"]) == 2
    status, report, _ = lint_json("--force-exclude", *named)
    assert [f["path"] for f in report["files"]] == [os.path.join("repo", "tables", "a.txt")]
    # Everything named excluded: nothing to do, success.
    status, report, _ = lint_json("--force-exclude", "repo/archive/old.txt")
    assert status == 0 and report["files"] == [] and report["findings"] == []


def test_force_exclude_looks_at_directories_below_the_working_directory_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project = tmp_path / "venv" / "project"  # the project itself sits in a directory named venv
    project.mkdir(parents=True)
    monkeypatch.chdir(project)
    table("tables/a.txt")
    table("node_modules/b.txt")
    assert walked("tables/a.txt", force_exclude=True) == ["tables/a.txt"]
    assert walked("node_modules/b.txt", force_exclude=True) == []
    assert walked("node_modules/b.txt") == ["node_modules/b.txt"]
