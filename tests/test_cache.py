"""Lint results kept between runs: a hit gives the report a fresh run gives,
byte for byte; any change of the file, the configuration or the tool's own
files is a miss; entries that are corrupt, not private or turned off are
never used."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import cache, lint
from tests.conftest import SEED_001, SEED_004, run_main

FORMATS = ("json", "sarif", "text", "github", "gitlab")


@pytest.fixture
def results(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The cache turned on, in a private directory of this test's own."""
    monkeypatch.delenv(cache.DISABLE_VARIABLE, raising=False)
    base = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(base))
    # Each file's results only: whole runs kept are tested in test_run_cache.py.
    monkeypatch.setattr(cache.RunCache, "for_command", classmethod(lambda cls, *args: None))
    yield base / cache.SUBDIRECTORY


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "tables" / "panyu.txt"
    path.parent.mkdir()
    shutil.copyfile(SEED_001, path)
    return path


class _Counter:
    """Counts the files actually read, parsed and checked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        real = lint._lint_one

        def counted(path: str, *args: object, **kwargs: object) -> object:
            self.paths.append(path)
            return real(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(lint, "_lint_one", counted)


def _lint(*args: str) -> tuple[int, str]:
    status, out, _ = run_main("lint", "--no-config", "--quiet", *args)
    return status, out


def _entries(results: Path) -> list[Path]:
    """Each file's kept results (not the kept outputs of whole runs)."""
    if not results.is_dir():
        return []
    return sorted(p for p in results.glob("*.json") if not p.name.startswith("run-"))


def _runs(results: Path) -> list[Path]:
    """The kept outputs of whole runs."""
    return sorted(results.glob("run-*.json")) if results.is_dir() else []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hit_gives_the_same_report_byte_for_byte(
    fmt: str, results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _lint("--no-cache", "--fail-on", "warning", "--format", fmt, str(table))
    assert _entries(results) == []
    counter = _Counter(monkeypatch)
    miss = _lint("--fail-on", "warning", "--format", fmt, str(table))
    assert counter.paths == [str(table)]
    assert len(_entries(results)) == 1
    hit = _lint("--fail-on", "warning", "--format", fmt, str(table))
    assert counter.paths == [str(table)]  # not read again
    assert miss == fresh
    assert hit == fresh
    assert fresh[0] == 1  # the seed has warnings: the exit status is kept too


def test_several_files_and_workers_hit_alike(
    results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index, seed in enumerate((SEED_001, SEED_004, SEED_001)):
        shutil.copyfile(seed, folder / f"t{index}.txt")
    fresh = _lint("--no-cache", "--format", "json", "--jobs", "1", str(folder))
    assert _lint("--format", "json", "--jobs", "2", str(folder)) == fresh
    assert len(_entries(results)) == 3
    counter = _Counter(monkeypatch)
    assert _lint("--format", "json", "--jobs", "1", str(folder)) == fresh
    assert _lint("--format", "text", "--jobs", "1", str(folder)) == _lint(
        "--no-cache", "--format", "text", str(folder)
    )
    assert counter.paths == [str(p) for p in sorted(folder.iterdir())]  # the --no-cache run


def test_a_changed_file_is_linted_again(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lint("--format", "json", str(table))
    text = table.read_text(encoding="utf-8")
    assert "2025" in text
    table.write_text(text.replace("2025", "2026", 1), encoding="utf-8")
    counter = _Counter(monkeypatch)
    changed = _lint("--format", "json", str(table))
    assert counter.paths == [str(table)]
    assert changed == _lint("--no-cache", "--format", "json", str(table))


def test_the_same_bytes_under_another_path_are_their_own_entry(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lint("--format", "json", str(table))
    other = table.with_name("copy.txt")
    shutil.copyfile(table, other)
    _, out = _lint("--format", "json", str(other))
    assert str(other) in out and str(table) not in out
    assert len(_entries(results)) == 2


def test_a_changed_configuration_is_a_miss(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "tables" / ".indicator-audit.yaml"
    config.write_text("rules:\n  markup-residue:\n    severity: info\n", encoding="utf-8")
    first = run_main("lint", "--quiet", "--format", "json", str(table))
    assert '"markup-residue"' in first[1]
    config.write_text("rules:\n  markup-residue:\n    severity: error\n", encoding="utf-8")
    counter = _Counter(monkeypatch)
    second = run_main("lint", "--quiet", "--format", "json", str(table))
    assert counter.paths == [str(table)]
    assert second == run_main("lint", "--quiet", "--no-cache", "--format", "json", str(table))
    assert second != first
    # The same content under another name is the same configuration.
    renamed = tmp_path / "elsewhere.yaml"
    shutil.copyfile(config, renamed)
    counter.paths.clear()
    again = run_main("lint", "--quiet", "--config", str(renamed), "--format", "json", str(table))
    assert counter.paths == []
    assert again == second


CUSTOM = """rules:
  no-test-text:
    type: pattern
    field: indicator
    must_not_match: "{pattern}"
    message: 指标名称含「{{text}}」
"""


def test_rules_written_in_yaml_are_kept_by_their_content(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "tables" / ".indicator-audit.yaml"
    config.write_text(CUSTOM.format(pattern="满意度"), encoding="utf-8")
    first = run_main("lint", "--quiet", "--format", "json", str(table))
    assert "no-test-text" in first[1]
    assert len(_entries(results)) == 1
    counter = _Counter(monkeypatch)
    assert run_main("lint", "--quiet", "--format", "json", str(table)) == first
    assert counter.paths == []
    config.write_text(CUSTOM.format(pattern="不存在的文字"), encoding="utf-8")
    second = run_main("lint", "--quiet", "--format", "json", str(table))
    assert counter.paths == [str(table)]
    assert "no-test-text" not in second[1]
    assert second == run_main("lint", "--quiet", "--no-cache", "--format", "json", str(table))


def test_language_and_rule_selection_are_part_of_the_key(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zh = _lint("--format", "json", str(table))
    en = _lint("--format", "json", "--lang", "en", str(table))
    selected = _lint("--format", "json", "--select", "goal-too-short", str(table))
    assert len({zh, en, selected}) == 3
    assert en == _lint("--no-cache", "--format", "json", "--lang", "en", str(table))
    assert selected == _lint(
        "--no-cache", "--format", "json", "--select", "goal-too-short", str(table)
    )


def test_a_change_of_the_tools_own_files_is_a_miss(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    (package / "checks").mkdir(parents=True)
    module = package / "checks" / "rule.py"
    module.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.tool_fingerprint.cache_clear()
    try:
        before = cache.tool_fingerprint()
        _lint("--format", "json", str(table))
        module.write_text("X = 22\n", encoding="utf-8")
        cache.tool_fingerprint.cache_clear()
        assert cache.tool_fingerprint() != before
        counter = _Counter(monkeypatch)
        _lint("--format", "json", str(table))
        assert counter.paths == [str(table)]
        assert len(_entries(results)) == 2
        _lint("--format", "json", str(table))
        assert counter.paths == [str(table)]  # and the new entry is used
    finally:
        cache.tool_fingerprint.cache_clear()


def _plant(entry: Path, message: str) -> None:
    """Rewrite a valid entry's first finding message."""
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["findings"][0][2] = message
    entry.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    entry.chmod(0o600)


def test_an_entry_is_what_the_report_shows(results: Path, table: Path) -> None:
    """The near miss of the tests below: a private, well-formed entry is used
    as it is, so they would see a planted message if they used one."""
    _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    _plant(entry, "PLANTED")
    assert "PLANTED" in _lint("--format", "json", str(table))[1]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"format": 1}',
        b"[" * 100_000,
    ],
)
def test_a_corrupt_entry_is_ignored_and_replaced(
    content: bytes, results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    entry.write_bytes(content)
    counter = _Counter(monkeypatch)
    assert _lint("--format", "json", str(table)) == fresh
    assert counter.paths == [str(table)]
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT


def test_an_entry_of_the_wrong_shape_is_ignored(results: Path, table: Path) -> None:
    fresh = _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    for broken in (
        {**stored, "findings": [[*stored["findings"][0][:1], "fatal", *stored["findings"][0][2:]]]},
        {**stored, "findings": [stored["findings"][0][:5]]},
        {**stored, "summary": {**stored["summary"], "units": True}},
        {**stored, "summary": {**stored["summary"], "clause_names": []}},
        {**stored, "source": "0" * 64},
        {**stored, "key": "0" * 64},
        {**stored, "extra": 1},
    ):
        entry.write_text(json.dumps(broken), encoding="utf-8")
        assert _lint("--format", "json", str(table)) == fresh


def test_an_entry_others_can_write_is_ignored(results: Path, table: Path) -> None:
    fresh = _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    _plant(entry, "PLANTED")
    entry.chmod(0o666)
    assert _lint("--format", "json", str(table)) == fresh


def test_an_entry_that_is_a_link_is_ignored(results: Path, table: Path, tmp_path: Path) -> None:
    fresh = _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    _plant(entry, "PLANTED")
    elsewhere = tmp_path / "elsewhere.json"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert _lint("--format", "json", str(table)) == fresh
    # The link is replaced by an entry of the run's own, not written through.
    assert not entry.is_symlink() and "PLANTED" in elsewhere.read_text(encoding="utf-8")


def test_a_results_directory_others_can_write_is_not_used(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    _plant(entry, "PLANTED")
    results.chmod(0o777)
    try:
        counter = _Counter(monkeypatch)
        assert "PLANTED" not in _lint("--format", "json", str(table))[1]
        assert counter.paths == [str(table)]
    finally:
        results.chmod(0o700)


def test_no_cache_neither_reads_nor_writes(results: Path, table: Path) -> None:
    fresh = _lint("--no-cache", "--format", "json", str(table))
    assert _entries(results) == []
    _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    _plant(entry, "PLANTED")
    written = entry.stat().st_mtime_ns
    assert _lint("--no-cache", "--format", "json", str(table)) == fresh
    assert entry.stat().st_mtime_ns == written


@pytest.mark.parametrize(
    ("variable", "value"),
    [("INDICATOR_AUDIT_NO_CACHE", "1"), ("INDICATOR_AUDIT_CACHE", "off")],
)
def test_the_environment_turns_it_off(
    variable: str, value: str, results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lint("--format", "json", str(table))
    (entry,) = _entries(results)
    _plant(entry, "PLANTED")
    monkeypatch.setenv(variable, value)
    assert "PLANTED" not in _lint("--format", "json", str(table))[1]


@pytest.mark.parametrize(
    "args",
    [("--format", "html"), ("--statistics",), ("--format", "rich"), ("--format", "junit")],
)
def test_reports_that_need_the_table_do_not_use_it(
    args: tuple[str, ...], results: Path, table: Path
) -> None:
    _lint(*args, str(table))
    assert _entries(results) == []


def test_standard_input_is_not_kept(results: Path) -> None:
    status, out, _ = run_main(
        "lint", "--no-config", "--quiet", "--format", "json", "-", stdin=SEED_001.read_bytes()
    )
    assert status == 0 and '"markup-residue"' in out
    assert _entries(results) == []


def test_cache_clean_removes_every_entry(results: Path, table: Path) -> None:
    _lint("--format", "json", str(table))
    assert len(_entries(results)) == 1
    status, out, _ = run_main("cache", "dir")
    assert (status, out.strip()) == (0, str(results))
    status, out, _ = run_main("cache", "clean")
    assert status == 0 and re.search(r"removed [1-9]", out)
    assert _entries(results) == []
    status, out, _ = run_main("cache", "clean")
    assert "removed 0" in out


def test_the_directory_is_private(results: Path, table: Path) -> None:
    _lint("--format", "json", str(table))
    assert results.stat().st_mode & 0o777 == 0o700
    (entry,) = _entries(results)
    assert entry.stat().st_mode & 0o022 == 0


def test_a_configuration_that_cannot_be_keyed_keeps_nothing(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unkeyable(config: object) -> str:
        raise cache.Unkeyable("a value of unknown content")

    monkeypatch.setattr(cache, "config_key", unkeyable)
    assert _lint("--format", "json", str(table)) == _lint(
        "--no-cache", "--format", "json", str(table)
    )
    assert _entries(results) == []


def test_the_configuration_key_is_stable_and_content_based(tmp_path: Path) -> None:
    from audit.config import load_config

    a = tmp_path / "a.yaml"
    b = tmp_path / "b" / "other-name.yaml"
    b.parent.mkdir()
    a.write_text("rules:\n  goal-too-short:\n    severity: error\n", encoding="utf-8")
    shutil.copyfile(a, b)
    assert cache.config_key(load_config(a)) == cache.config_key(load_config(b))
    default = cache.config_key(load_config(None, discover=False))
    assert cache.config_key(load_config(a)) != default
    assert cache.config_key(load_config(None, discover=False)) == default
    assert os.path.isabs(str(a))


def _workbook(tmp_path: Path) -> Path:
    """A workbook whose first sheet is not a table: reading it notes so."""
    from scripts.make_examples import rows_from_tsv, write_xlsx

    rows = rows_from_tsv(SEED_001.read_text(encoding="utf-8"))
    notes = [["填表说明"], ["1. 金额单位为万元。"]]
    return write_xlsx(tmp_path / "book.xlsx", [("说明", notes, ()), ("绩效目标表", rows, ())])


def test_a_workbook_is_kept_only_when_notes_are_not_shown(
    results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _workbook(tmp_path)
    note = "说明：已跳过：不是绩效目标表"
    runs = [run_main("lint", "--no-config", "--format", "json", str(book)) for _ in range(2)]
    assert all(note in err for _, _, err in runs)  # the note, every time
    assert runs[0] == runs[1]
    assert _entries(results) == []
    quiet = _lint("--format", "json", str(book))
    assert len(_entries(results)) == 1
    counter = _Counter(monkeypatch)
    assert _lint("--format", "json", str(book)) == quiet
    assert counter.paths == []
    assert quiet[1] == runs[0][1]


def test_quiet_and_other_runs_keep_apart(results: Path) -> None:
    """A quiet run's entry, kept without the reader's notes, never answers a
    run that shows them."""
    from audit import cache
    from audit.config import load_config

    configuration = load_config(None, discover=False)
    quiet = cache.ResultCache.open(configuration, silent=True)
    loud = cache.ResultCache.open(configuration, silent=False)
    assert quiet is not None and loud is not None
    assert quiet.key != loud.key


def test_entries_pass_their_own_check_under_a_loose_umask(results: Path, table: Path) -> None:
    """Under umask 002 a plain file is group-writable, which the check made
    when an entry is read refuses: entries are written 0600 whatever the
    umask, so they are used."""
    import os
    import stat

    old = os.umask(0o002)
    try:
        _lint("--no-config", "--format", "json", str(table))
    finally:
        os.umask(old)
    entries = _entries(results)
    assert entries
    for entry in entries:
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600
