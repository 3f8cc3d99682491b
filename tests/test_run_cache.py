"""Whole lint runs kept (:class:`audit.cache.RunCache`): a hit writes what a
fresh run writes, byte for byte, with its exit status, without reading a
table or building the configuration; any change of a table, of a
configuration file (the project's own, one it extends, one added on the way
up, the taxonomy it names, the shipped profiles) or of the tool is a miss;
runs that write on stderr, or whose configuration cannot be keyed, are not
kept; a corrupt or foreign entry is never used."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import cache, config, lint
from tests.conftest import SEED_001, SEED_004, run_main

FORMATS = ("json", "sarif", "text", "github", "gitlab")


@pytest.fixture
def results(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.delenv(cache.DISABLE_VARIABLE, raising=False)
    base = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(base))
    yield base / cache.SUBDIRECTORY


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "tables" / "panyu.txt"
    path.parent.mkdir()
    shutil.copyfile(SEED_001, path)
    return path


class _Work:
    """Counts the files linted and the configurations built."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.linted: list[str] = []
        self.configs = 0
        real_lint, real_config = lint._lint_one, config.load_config

        def counted(path: str, *args: object, **kwargs: object) -> object:
            self.linted.append(path)
            return real_lint(path, *args, **kwargs)  # type: ignore[arg-type]

        def built(*args: object, **kwargs: object) -> object:
            self.configs += 1
            return real_config(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(lint, "_lint_one", counted)
        monkeypatch.setattr(config, "load_config", built)

    @property
    def done(self) -> bool:
        return bool(self.linted or self.configs)


def _runs(results: Path) -> list[Path]:
    return sorted(results.glob("run-*.json")) if results.is_dir() else []


def _lint(*args: str) -> tuple[int, str, str]:
    return run_main("lint", "--quiet", *args)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hit_writes_what_a_fresh_run_writes(
    fmt: str, results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _lint("--no-config", "--no-cache", "--fail-on", "warning", "--format", fmt, str(table))
    assert _runs(results) == []
    assert _lint("--no-config", "--fail-on", "warning", "--format", fmt, str(table)) == fresh
    assert len(_runs(results)) == 1
    work = _Work(monkeypatch)
    hit = _lint("--no-config", "--fail-on", "warning", "--format", fmt, str(table))
    assert not work.done  # nothing read, no configuration built
    assert hit == fresh
    assert fresh[0] == 1  # the exit status too


def test_other_options_and_other_files_are_other_runs(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = table.with_name("other.txt")
    shutil.copyfile(SEED_004, other)
    _lint("--no-config", "--format", "json", str(table))
    for count, args in enumerate(
        (
            ("--lang", "en", str(table)),
            ("--select", "goal-too-short", str(table)),
            ("--fail-on", "info", str(table)),
            (str(table), str(other)),
            (str(other),),
        ),
        start=2,
    ):
        kept = _lint("--no-config", "--format", "json", *args)
        assert len(_runs(results)) == count, args  # a run of its own
        assert kept == _lint("--no-config", "--no-cache", "--format", "json", *args)
        assert kept == _lint("--no-config", "--format", "json", *args)


def test_a_changed_table_is_a_miss(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lint("--no-config", "--format", "json", str(table))
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace("2025", "2026", 1), encoding="utf-8")
    work = _Work(monkeypatch)
    changed = _lint("--no-config", "--format", "json", str(table))
    assert work.linted == [str(table)]
    assert changed == _lint("--no-config", "--no-cache", "--format", "json", str(table))


def _severity_config(path: Path, severity: str, extends: str | None = None) -> None:
    head = f"extends: {extends}\n" if extends else ""
    path.write_text(
        f"{head}rules:\n  markup-residue:\n    severity: {severity}\n", encoding="utf-8"
    )


def _check_miss(table: Path, work: _Work, *args: str) -> tuple[int, str, str]:
    built = work.configs
    kept = _lint("--format", "json", *args, str(table))
    assert work.configs == built + 1  # a miss (the table's own result may be kept)
    assert kept == _lint("--no-cache", "--format", "json", *args, str(table))
    return kept


def test_a_changed_project_configuration_is_a_miss(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = table.parent / ".indicator-audit.yaml"
    _severity_config(project, "info")
    first = _lint("--format", "json", str(table))
    assert '"markup-residue"' in first[1]
    work = _Work(monkeypatch)
    assert _lint("--format", "json", str(table)) == first
    assert not work.done
    _severity_config(project, "error")
    assert _check_miss(table, work) != first


def test_a_configuration_added_further_up_is_a_miss(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _lint("--format", "json", str(table))
    work = _Work(monkeypatch)
    _severity_config(table.parent.parent / ".indicator-audit.yaml", "error")
    assert _check_miss(table, work) != first
    (table.parent.parent / ".indicator-audit.yaml").unlink()
    assert _lint("--format", "json", str(table)) == first  # the first run's state again


def test_a_changed_profile_it_extends_is_a_miss(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "profiles" / "base.yaml"
    base.parent.mkdir()
    _severity_config(base, "info")
    (table.parent / ".indicator-audit.yaml").write_text(
        f"extends: {base}\nlang: zh\n", encoding="utf-8"
    )
    first = _lint("--format", "json", str(table))
    work = _Work(monkeypatch)
    assert _lint("--format", "json", str(table)) == first
    assert not work.done
    _severity_config(base, "error")  # outside the table's directories
    assert _check_miss(table, work) != first


def test_an_explicit_configuration_is_kept_by_its_content(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = tmp_path / "explicit.yaml"
    _severity_config(explicit, "info")
    first = _lint("--config", str(explicit), "--format", "json", str(table))
    work = _Work(monkeypatch)
    assert _lint("--config", str(explicit), "--format", "json", str(table)) == first
    assert not work.done
    _severity_config(explicit, "error")
    assert _check_miss(table, work, "--config", str(explicit)) != first


def test_a_changed_taxonomy_file_is_a_miss(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit.resources import resource

    taxonomy = table.parent / "my-taxonomy.yaml"
    shutil.copyfile(resource("rules", "taxonomy.yaml"), taxonomy)
    (table.parent / ".indicator-audit.yaml").write_text(
        "taxonomy:\n  file: my-taxonomy.yaml\n", encoding="utf-8"
    )
    _lint("--format", "json", str(table))
    work = _Work(monkeypatch)
    _lint("--format", "json", str(table))
    assert not work.done
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    _check_miss(table, work)


def test_a_changed_shipped_file_is_a_miss(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped profiles and vocabularies are checked by their bytes."""
    from audit.resources import resource

    shipped = tmp_path / "rules"
    shutil.copytree(resource("rules"), shipped)
    real = cache.resource
    monkeypatch.setattr(
        cache, "resource", lambda *parts: shipped if parts == ("rules",) else real(*parts)
    )
    _lint("--no-config", "--format", "json", str(table))
    work = _Work(monkeypatch)
    _lint("--no-config", "--format", "json", str(table))
    assert not work.done
    vocabulary = shipped / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _lint("--no-config", "--format", "json", str(table))
    assert work.configs == 1


def test_a_change_of_the_tool_is_a_miss(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lint("--no-config", "--format", "json", str(table))
    monkeypatch.setattr(cache, "tool_fingerprint", lambda: "another installation")
    work = _Work(monkeypatch)
    _lint("--no-config", "--format", "json", str(table))
    assert work.linted == [str(table)]


def test_a_run_that_writes_on_stderr_is_not_kept(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (table.parent / ".indicator-audit.yaml").write_text(
        "ignore:\n  - rule: no-such-finding-anywhere\n", encoding="utf-8"
    )
    first = run_main("lint", "--format", "json", str(table))
    assert first[2]  # a note on the unused ignore entry
    assert _runs(results) == []
    assert run_main("lint", "--format", "json", str(table)) == first


def test_a_configuration_that_cannot_be_keyed_is_not_kept(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unkeyable(config: object) -> str:
        raise cache.Unkeyable("a plugin's function")

    monkeypatch.setattr(cache, "config_key", unkeyable)
    _lint("--no-config", "--format", "json", str(table))
    assert _runs(results) == []


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "html"),
        ("--format", "junit"),
        ("--format", "json", "--statistics"),
        ("--format", "json", "--no-cache"),
        ("--format", "json", "--timings"),
    ],
)
def test_runs_that_need_more_are_not_kept(results: Path, table: Path, args: tuple[str]) -> None:
    _lint("--no-config", *args, str(table))
    assert _runs(results) == []


def test_a_directory_or_standard_input_is_not_kept(results: Path, table: Path) -> None:
    _lint("--no-config", "--format", "json", str(table.parent))
    run_main("lint", "--no-config", "--quiet", "--format", "json", "-", stdin=table.read_bytes())
    assert _runs(results) == []


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"format": 1}', b"[" * 100_000])
def test_a_corrupt_entry_is_ignored_and_replaced(
    content: bytes, results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _lint("--no-config", "--format", "json", str(table))
    (entry,) = _runs(results)
    entry.write_bytes(content)
    entry.chmod(0o600)
    work = _Work(monkeypatch)
    assert _lint("--no-config", "--format", "json", str(table)) == fresh
    assert work.configs == 1  # a miss
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == cache.FORMAT


def _plant(entry: Path) -> None:
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["output"] = "PLANTED\n"
    entry.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    entry.chmod(0o600)


def test_a_well_formed_entry_is_used_as_it_is(results: Path, table: Path) -> None:
    """The near miss of the tests below: they would see the planted output."""
    _lint("--no-config", "--format", "json", str(table))
    (entry,) = _runs(results)
    _plant(entry)
    assert _lint("--no-config", "--format", "json", str(table))[1] == "PLANTED\n"


def test_an_entry_others_can_write_is_ignored(results: Path, table: Path) -> None:
    fresh = _lint("--no-config", "--format", "json", str(table))
    (entry,) = _runs(results)
    _plant(entry)
    entry.chmod(0o666)
    assert _lint("--no-config", "--format", "json", str(table)) == fresh


def test_an_entry_of_another_key_is_ignored(results: Path, table: Path) -> None:
    fresh = _lint("--no-config", "--format", "json", str(table))
    (entry,) = _runs(results)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    for broken in (
        {**stored, "key": "0" * 64, "output": "PLANTED"},
        {**stored, "files": [[stored["files"][0][0], "0" * 64]], "output": "PLANTED"},
        {**stored, "status": -1},
        {**stored, "extra": 1},
    ):
        entry.write_text(json.dumps(broken), encoding="utf-8")
        entry.chmod(0o600)
        assert _lint("--no-config", "--format", "json", str(table)) == fresh


def test_cache_clean_removes_kept_runs(results: Path, table: Path) -> None:
    _lint("--no-config", "--format", "json", str(table))
    assert len(_runs(results)) == 1
    run_main("cache", "clean")
    assert _runs(results) == []


def test_a_table_changed_while_it_is_linted_is_not_kept_as_its_new_bytes(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = table.read_text(encoding="utf-8")
    changed = original.replace("2025", "2026", 1)
    assert changed != original
    real = lint._lint_one

    def edited_meanwhile(path: str, *args: object, **kwargs: object) -> object:
        result = real(path, *args, **kwargs)  # type: ignore[arg-type]
        table.write_text(changed, encoding="utf-8")  # after it was read
        return result

    monkeypatch.setattr(lint, "_lint_one", edited_meanwhile)
    _lint("--no-config", "--format", "json", str(table))
    assert table.read_text(encoding="utf-8") == changed
    assert len(_runs(results)) == 1  # kept, with the bytes it read
    monkeypatch.setattr(lint, "_lint_one", real)
    work = _Work(monkeypatch)
    now = _lint("--no-config", "--no-cache", "--format", "json", str(table))
    work.linted.clear()
    assert _lint("--no-config", "--format", "json", str(table)) == now
    assert work.linted == [str(table)]  # a miss: the kept run was of the old bytes


def test_a_fifo_where_a_configuration_could_stand_neither_hangs_nor_is_kept(
    results: Path, table: Path
) -> None:
    import os

    os.mkfifo(table.parent.parent / "pyproject.toml")  # nobody will ever write to it
    status, out, _ = _lint("--format", "json", str(table))
    assert status == 0 and out
    assert _runs(results) == []  # a run that depended on it is not kept


def test_force_exclude_is_not_kept(results: Path, table: Path) -> None:
    """Exclusion reads .gitignore files, which a kept run does not check."""
    _lint("--no-config", "--force-exclude", "--format", "json", str(table))
    assert _runs(results) == []


def test_a_configuration_above_a_linked_folder_s_real_place_is_a_miss(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "elsewhere" / "link"
    link.parent.mkdir()
    link.symlink_to(table.parent, target_is_directory=True)
    linked = link / table.name
    first = _lint("--format", "json", str(linked))
    assert len(_runs(results)) == 1
    work = _Work(monkeypatch)
    _severity_config(table.parent.parent / ".indicator-audit.yaml", "error")
    assert _check_miss(linked, work) != first


def test_a_configuration_changed_during_the_run_is_not_kept(
    results: Path, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    configuration = table.parent / ".indicator-audit.yaml"
    _severity_config(configuration, "warning")
    real = lint._lint_one

    def edited_meanwhile(path: str, *args: object, **kwargs: object) -> object:
        result = real(path, *args, **kwargs)  # type: ignore[arg-type]
        later = time.time_ns() + 10_000_000
        os.utime(configuration, ns=(later, later))  # written after the run began
        return result

    monkeypatch.setattr(lint, "_lint_one", edited_meanwhile)
    _lint("--format", "json", str(table))
    assert _runs(results) == []


def test_a_removed_working_directory_is_no_traceback(
    results: Path, table: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert cache.RunCache.for_command(["lint", str(table)]) is None
