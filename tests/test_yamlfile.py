"""The YAML loader: lines of keys, errors, and the JSON cache of parses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from audit import yamlfile


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(directory))
    return directory


def test_lines_of_keys_and_items(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("rules:\n  placeholder:\n    severity: info\nignore:\n  - rule: x\n", "utf-8")
    data, lines = yamlfile.load(path)
    assert data == {"rules": {"placeholder": {"severity": "info"}}, "ignore": [{"rule": "x"}]}
    assert lines[("rules",)] == 1
    assert lines[("rules", "placeholder", "severity")] == 3
    assert lines[("ignore", 0, "rule")] == 5


def test_a_parse_is_cached_and_reused(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    first = yamlfile.load(path)
    (stored,) = cache.iterdir()
    assert stored.suffix == ".json"
    assert yamlfile.load(path) == first
    path.write_text("lang: zh\n", "utf-8")  # new content, new key
    assert yamlfile.load(path)[0] == {"lang": "zh"}
    assert len(list(cache.iterdir())) == 2


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    yamlfile.load(path)
    (stored,) = cache.iterdir()
    stored.write_text("{not json", "utf-8")
    assert yamlfile.load(path)[0] == {"lang": "en"}


def test_data_json_cannot_hold_is_not_cached(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("yes: 1\nwhen: 2024-01-01\n", "utf-8")
    data, _ = yamlfile.load(path)
    assert True in data
    assert not cache.exists() or not list(cache.iterdir())


def test_cache_off_and_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("lang: en\n", "utf-8")
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", "off")
    assert yamlfile.cache_dir() is None
    assert yamlfile.load(path)[0] == {"lang": "en"}
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(blocker / "sub"))
    assert yamlfile.load(path)[0] == {"lang": "en"}


def test_invalid_yaml_has_a_line(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\nb: [1,\n", "utf-8")
    with pytest.raises(yamlfile.YamlError) as caught:
        yamlfile.load(path)
    assert caught.value.line is not None and caught.value.line >= 2


def test_warm_start_does_not_import_yaml(cache: Path) -> None:
    code = (
        "import sys\n"
        "from audit.config import load_config\n"
        "load_config(None, discover=False)\n"
        "print('yaml' in sys.modules)\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, check=True, capture_output=True, text=True)
    warm = subprocess.run(run, check=True, capture_output=True, text=True)
    assert warm.stdout.strip() == "False"
