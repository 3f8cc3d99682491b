"""Configuration files that are not what they seem: an ``extends:`` chain
too long, an ``extends:`` or a discovered file that is a named pipe or a
directory, the two bounds of a range given the wrong way round; and the
language of the notes ``parse`` and ``export`` print."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from audit.config import ConfigError, load_config
from audit.limits import MAX_EXTENDS
from tests.conftest import SEED_001, run_main
from tests.test_disclosure import WRITERS, perf_table, project_budget_table

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _chain(directory: Path, files: int) -> Path:
    """``c0.yaml`` extending ``c1.yaml`` … ``files`` files in all, each one
    line."""
    for index in range(files - 1):
        (directory / f"c{index}.yaml").write_text(
            f"extends: ./c{index + 1}.yaml\n", encoding="utf-8"
        )
    (directory / f"c{files - 1}.yaml").write_text("lang: zh\n", encoding="utf-8")
    return directory / "c0.yaml"


def test_an_extends_chain_too_long_is_named_at_its_first_file(tmp_path: Path) -> None:
    first = _chain(tmp_path, MAX_EXTENDS + 1)
    with pytest.raises(ConfigError) as raised:
        load_config(first)
    error = raised.value
    assert (error.path, error.line, error.key) == (str(first), 1, "extends")
    assert f"a chain of more than {MAX_EXTENDS} files" in str(error)


def test_a_chain_of_a_thousand_files_says_so_not_invalid_yaml(tmp_path: Path) -> None:
    first = _chain(tmp_path, 1000)
    with pytest.raises(ConfigError, match="chain of more than") as raised:
        load_config(first)
    assert "invalid YAML" not in str(raised.value) and raised.value.path == str(first)


def test_near_miss_a_chain_at_the_limit_is_read(tmp_path: Path) -> None:
    config = load_config(_chain(tmp_path, MAX_EXTENDS))
    assert config.lang == "zh" and len(config.sources) == MAX_EXTENDS


@needs_fifo
def test_extends_a_named_pipe_says_what_it_is(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    config = tmp_path / "config.yaml"
    config.write_text("lang: zh\nextends: ./pipe.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    assert (raised.value.line, raised.value.key) == (2, "extends")
    assert "'./pipe.yaml' is a named pipe (FIFO), not a file" in str(raised.value)
    assert "no profile or file named" not in str(raised.value)


def test_extends_a_directory_says_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "profiles.yaml").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text("extends: ./profiles.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'\./profiles\.yaml' is a directory"):
        load_config(config)


def test_near_miss_extends_a_missing_file_names_the_profiles(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("extends: ./nowhere.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no profile or file named './nowhere.yaml' \(profiles"):
        load_config(config)


@needs_fifo
def test_a_discovered_configuration_that_is_a_named_pipe_is_an_error(tmp_path: Path) -> None:
    shutil.copyfile(SEED_001, tmp_path / "panyu.txt")
    os.mkfifo(tmp_path / ".indicator-audit.yaml")
    env = {**os.environ, "INDICATOR_AUDIT_CACHE": "off"}
    command = [sys.executable, "-m", "audit", "lint", "--format", "json", "panyu.txt"]
    done = subprocess.run(
        command, capture_output=True, env=env, cwd=tmp_path, timeout=60, text=True
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "indicator-audit: config error: .indicator-audit.yaml: is a named pipe (FIFO), not a file"
    )


def test_a_discovered_configuration_that_is_a_directory_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(SEED_001, tmp_path / "panyu.txt")
    (tmp_path / ".indicator-audit.yml").mkdir()
    monkeypatch.chdir(tmp_path)
    status, out, err = run_main("lint", "--no-cache", "--format", "json", "panyu.txt")
    assert (status, out) == (2, "")
    assert "config error: .indicator-audit.yml: is a directory" in err


def test_a_discovered_configuration_that_is_a_broken_link_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(SEED_001, tmp_path / "panyu.txt")
    (tmp_path / ".indicator-audit.yaml").symlink_to(tmp_path / "moved-away.yaml")
    monkeypatch.chdir(tmp_path)
    status, out, err = run_main("lint", "--no-cache", "--format", "json", "panyu.txt")
    assert (status, out) == (2, "")
    assert "config error: .indicator-audit.yaml: a link to a missing file" in err


def test_near_miss_without_a_configuration_the_defaults_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(SEED_001, tmp_path / "panyu.txt")
    monkeypatch.chdir(tmp_path)
    status, out, err = run_main("lint", "--no-cache", "--format", "json", "panyu.txt")
    assert status == 0 and '"rule":' in out and err == ""


def _rules(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(f"rules:\n  satisfaction-target:\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "key", "message"),
    [
        (
            "    minimum: 100\n    maximum: 0\n",
            4,
            "maximum",
            "minimum (100) is above maximum (0)",
        ),
        ("    maximum: 50\n", 3, "maximum", "minimum (80) is above maximum (50)"),
        ("    maximum: 85\n    minimum: 90\n", 3, "maximum", "minimum (90) is above maximum (85)"),
    ],
)
def test_satisfaction_targets_minimum_above_its_maximum_is_refused(
    tmp_path: Path, body: str, line: int, key: str, message: str
) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(_rules(tmp_path, body))
    error = raised.value
    assert (error.line, error.key) == (line, f"rules.satisfaction-target.{key}")
    assert message in str(error)


@pytest.mark.parametrize(
    "body",
    [
        "    minimum: 100\n    maximum: 100\n",  # one bound: every target below 100 or at it
        "    minimum: 90\n    maximum: 101\n",  # the upper check turned off
        "    minimum: 0\n",
        "    maximum: 80\n",
    ],
)
def test_near_miss_ordered_satisfaction_bounds_are_accepted(tmp_path: Path, body: str) -> None:
    config = load_config(_rules(tmp_path, body))
    options = config.rules["satisfaction-target"].options
    assert options["minimum"] <= options["maximum"]


def test_date_serials_range_is_still_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("rules:\n  date-serial:\n    earliest: 2030\n    latest: 2020\n", "utf-8")
    with pytest.raises(ConfigError, match=r"earliest \(2030\) is after latest \(2020\)"):
        load_config(path)


@pytest.fixture
def with_budget_table(tmp_path: Path) -> Path:
    """A web page with a budget table (passed over with a note) before the
    performance-target table."""
    return WRITERS["html"](tmp_path / "page", [project_budget_table(), perf_table()])


@pytest.mark.parametrize(
    "command",
    [("parse",), ("parse", "--format", "json"), ("export", "--to", "csv")],
)
def test_notes_of_parse_and_export_are_in_the_language_asked(
    with_budget_table: Path, command: tuple[str, ...]
) -> None:
    status, _, err = run_main(*command, "--lang", "zh", str(with_budget_table))
    assert status == 0
    assert "提示：表1：已跳过" in err and "note:" not in err
    status, _, err = run_main(*command, "--lang", "en", str(with_budget_table))
    assert status == 0
    assert "note: 表1: skipped" in err and "提示" not in err
