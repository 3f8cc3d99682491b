"""Lark's parse-table cache is a pickle: it is only ever loaded from the
user's private cache directory, never from the shared temporary directory
or from a file someone else could have written."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import parsing, syntax, values
from audit.grammars import build_lark
from audit.resources import private_cache_dir, resource

GRAMMAR = resource("grammar", "indicator.lark")


class _Payload:
    """A pickle that, when loaded, creates the file ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.marker,))


def _plant(cache_file: Path, marker: Path) -> None:
    """Replace a Lark cache file by one with a valid header and a payload."""
    header = cache_file.read_bytes().split(b"\n", 1)[0]
    cache_file.write_bytes(header + b"\n" + pickle.dumps(_Payload(marker)))


def _build_every_parser() -> None:
    """Build each Lark parser the tool has, afresh (each may load a cache)."""
    parsing._build_parser()
    parsing.clause_parser.cache_clear()
    parsing.clause_parser()
    syntax._terminals.cache_clear()
    syntax._terminals()
    values.ValueParser()


@pytest.fixture
def private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", str(directory))
    yield directory
    for cached in (parsing.clause_parser, syntax._terminals):
        cached.cache_clear()


def test_a_pickle_planted_in_the_shared_temp_directory_is_never_loaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, private_cache: Path
) -> None:
    import lark

    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(shared))
    # Where Lark's own cache=True would look for this grammar: plant there.
    lark.Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="contextual", cache=True)
    (planted,) = shared.glob(".lark_cache_*")
    marker = tmp_path / "ran"
    _plant(planted, marker)
    _build_every_parser()
    assert not marker.exists()
    assert list(shared.glob(".lark_cache_*")) == [planted]  # nothing new written there


def test_a_cache_file_others_can_write_is_ignored(tmp_path: Path, private_cache: Path) -> None:
    _build_every_parser()
    files = sorted(private_cache.glob("lark-*.cache"))
    assert len(files) >= 3  # the clause grammar, its terminals, the value grammar
    marker = tmp_path / "ran"
    for file in files:
        _plant(file, marker)
        file.chmod(0o666)
    _build_every_parser()
    assert not marker.exists()


def test_a_cache_directory_others_can_write_is_not_used(
    tmp_path: Path, private_cache: Path
) -> None:
    private_cache.mkdir(mode=0o777)
    private_cache.chmod(0o777)
    assert private_cache_dir() is None
    _build_every_parser()
    assert list(private_cache.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the directory away")
def test_a_cache_directory_owned_by_another_user_is_not_used(private_cache: Path) -> None:
    private_cache.mkdir(mode=0o700)
    os.chown(private_cache, 65534, 65534)
    assert private_cache_dir() is None


def test_the_private_cache_is_created_private_and_reused(private_cache: Path) -> None:
    directory = private_cache_dir()
    assert directory == private_cache
    assert directory.stat().st_mode & 0o777 == 0o700
    parser = build_lark(GRAMMAR.read_text(encoding="utf-8"), str(GRAMMAR), parser="lalr")
    (file,) = directory.glob("lark-*.cache")
    written = file.stat().st_mtime_ns
    again = build_lark(GRAMMAR.read_text(encoding="utf-8"), str(GRAMMAR), parser="lalr")
    assert file.stat().st_mtime_ns == written
    assert again.parse("1、1-产出指标；11-数量指标；人数；年度指标值:3人。") is not None
    assert parser is not again


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", "off")
    assert private_cache_dir() is None


def test_two_installations_of_one_grammar_keep_their_own_tables(
    private_cache: Path, tmp_path: Path
) -> None:
    """Lark checks the grammar's source path against its cache file: two
    checkouts of the same grammar must not overwrite each other's tables on
    every run."""
    text = GRAMMAR.read_text(encoding="utf-8")
    other = tmp_path / "other" / "indicator.lark"
    other.parent.mkdir()
    other.write_text(text, encoding="utf-8")
    build_lark(text, str(GRAMMAR), parser="lalr")
    build_lark(text, str(other), parser="lalr")
    files = sorted(private_cache.glob("lark-*.cache"))
    assert len(files) == 2
    written = [f.stat().st_mtime_ns for f in files]
    build_lark(text, str(GRAMMAR), parser="lalr")
    build_lark(text, str(other), parser="lalr")
    assert [f.stat().st_mtime_ns for f in files] == written


def test_one_grammar_at_one_path_shares_its_tables(private_cache: Path) -> None:
    text = GRAMMAR.read_text(encoding="utf-8")
    build_lark(text, str(GRAMMAR), parser="lalr")
    build_lark(text, str(GRAMMAR), parser="lalr")
    assert len(list(private_cache.glob("lark-*.cache"))) == 1


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_a_cache_file_that_is_not_a_regular_file_is_passed_over(
    private_cache: Path, kind: str
) -> None:
    text = GRAMMAR.read_text(encoding="utf-8")
    build_lark(text, str(GRAMMAR), parser="lalr")
    (file,) = private_cache.glob("lark-*.cache")
    file.unlink()
    if kind == "fifo":
        os.mkfifo(file, 0o600)  # Lark opening it to read would wait for a writer
    else:
        file.mkdir(mode=0o700)
    parser = build_lark(text, str(GRAMMAR), parser="lalr")
    assert parser.parse("1、1-产出指标；11-数量指标；人数；年度指标值:3人。") is not None
    assert not file.is_file()
