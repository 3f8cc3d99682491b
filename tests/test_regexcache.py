"""The compiled regular expressions kept between runs (audit.regexcache)."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import regexcache
from audit.grammars import build_lark
from audit.resources import resource

ORIGINAL = re._compiler.compile  # type: ignore[attr-defined]

PATTERNS = [
    (r"(?P<NUMBER>(?<![\d.．])\d{1,3}[ \t]*(?:、|[.．](?!\d)))|(?P<SEP>[；;，,])", 0),
    (r"[\u4e00-\u9fff]{2,8}指标(?=[ \t]*[：:；;，,])", 0),
    (r"(?x) \d+ (?: \. \d+ )?  # a number", 0),
    (r"^\s*年度指标值\s*$", re.MULTILINE),
    (r"PERCENT|百分比", re.IGNORECASE),
    (r"(a)(?P<b>b)(c)?", 0),
    (r"[^\W\d_]+", 0),
    ("", 0),
]


def _grammar_patterns() -> list[tuple[str, int]]:
    """Every terminal of the clause grammar, as its lexer compiles it."""
    path = resource("grammar", "indicator.lark")
    parser = build_lark(path.read_text(encoding="utf-8"), str(path), parser="lalr")
    return [(t.pattern.to_regexp(), 0) for t in parser.terminals]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    # Pattern objects are equal when their pattern, flags and engine program are.
    assert a == b
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )


def test_a_kept_program_gives_the_pattern_re_compiles(tmp_path: Path) -> None:
    path = str(tmp_path / "programs.marshal")
    patterns = PATTERNS + _grammar_patterns()
    first = regexcache.ProgramCache(path)
    for pattern, flags in patterns:
        _same(first.compile(ORIGINAL, pattern, flags), ORIGINAL(pattern, flags))
    assert first.misses == len(set(patterns)) and first.hits == len(patterns) - first.misses
    first.save()
    assert os.stat(path).st_mode & 0o777 == 0o600

    second = regexcache.ProgramCache(path)
    for pattern, flags in patterns:
        compiled = second.compile(ORIGINAL, pattern, flags)
        _same(compiled, ORIGINAL(pattern, flags))
    assert second.misses == 0 and second.hits == len(patterns)
    # The matches are the engine's own: the same on the grammar's example clause.
    clause = "1、1-产出指标；11-数量指标；一次性创业资助人数；实施周期指标值:≥300人；"
    for pattern, flags in patterns:
        kept = second.compile(ORIGINAL, pattern, flags)
        fresh = ORIGINAL(pattern, flags)
        assert [m.span() for m in kept.finditer(clause)] == [
            m.span() for m in fresh.finditer(clause)
        ]


def test_a_run_that_compiles_nothing_new_does_not_write(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    cache = regexcache.ProgramCache(str(path))
    cache.compile(ORIGINAL, "a+", 0)
    cache.save()
    written = path.stat().st_mtime_ns
    again = regexcache.ProgramCache(str(path))
    again.compile(ORIGINAL, "a+", 0)
    again.save()
    assert path.stat().st_mtime_ns == written


def test_errors_debug_and_bytes_are_left_to_re(tmp_path: Path) -> None:
    cache = regexcache.ProgramCache(str(tmp_path / "programs.marshal"))
    with pytest.raises(re.error):
        cache.compile(ORIGINAL, "(unclosed", 0)
    assert cache.compile(ORIGINAL, b"a+", 0) == ORIGINAL(b"a+", 0)
    assert cache.misses == 0 and not cache.programs


def _indexed(index: bytes, programs: bytes = b"") -> bytes:
    """A cache file whose index is ``index`` (marshalled, whatever it holds)."""
    head = len(index).to_bytes(8, "little") + regexcache._crc32(index).to_bytes(4, "little")
    return regexcache._MAGIC + head + index + programs


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01binary garbage\xff",
        marshal.dumps([("a+", 0)]),
        marshal.dumps({"a+": 1}),
        marshal.dumps([("a+", 0, 0, [1, 2, 3], 0, {}, ())])[:-3],  # truncated
        _indexed(marshal.dumps([("a+", 0)])),
        _indexed(marshal.dumps({"a+": 1})),
        _indexed(marshal.dumps((1, [("a+", 0, 1, 0, 3, 0)])))[:-3],  # truncated index
        regexcache._MAGIC,
        regexcache._MAGIC + (2**40).to_bytes(8, "little") + bytes(4),  # an index past the end
        # the format before generations: a list of programs, not a generation and a list
        _indexed(marshal.dumps([("a+", 0, 0, [1, 2, 3], 0, {}, ())])),
        _indexed(marshal.dumps(("1", [("a+", 0, 1, 0, 0, 0)]))),
        _indexed(marshal.dumps((1, [("a+", 0, "1", 0, 0, 0)]))),
        _indexed(marshal.dumps((1, [("a+", 0, 1, 0, 9, 0)])), b"short"),  # past the programs
        _indexed(marshal.dumps((1, [("a+", 0, 1, 3, 2, 0)])), b"short"),  # ends before it starts
        _indexed(marshal.dumps((1, [("a+", 0, 1, [1, 2, 3])]))),
        # the format of the release before: programs inline, one digest for all
        b"indicator-audit regex programs 3\n" + bytes(32) + marshal.dumps((1, [])),
        _indexed(marshal.dumps((1, 2, 3))),
    ],
)
def test_a_damaged_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "programs.marshal"
    path.write_bytes(content)
    path.chmod(0o600)
    cache = regexcache.ProgramCache(str(path))
    assert cache.programs == {}
    _same(cache.compile(ORIGINAL, "a+", 0), ORIGINAL("a+", 0))


def _kept(*entries: tuple[str, int, bytes], generation: int = 1) -> bytes:
    """A cache file holding ``entries`` (pattern, flags, program bytes), each
    last used by write ``generation``."""
    return regexcache._written(
        generation,
        {
            (pattern, flags): (generation, data, regexcache._crc32(data))
            for pattern, flags, data in entries
        },
    )


@pytest.mark.parametrize(
    "program",
    [
        marshal.dumps((32, [999, 999, 999], 0, {}, (None,))),
        marshal.dumps((32, ["not", "ints"], 0, {}, (None,))),
        marshal.dumps((32, [2**70], 0, {}, (None,))),
        marshal.dumps((32, [-1], 0, {}, (None,))),
        marshal.dumps((32, [], 0, {}, (None,))),
        marshal.dumps((32, [1, 2, 3], 0, {1: "a"}, (None,))),  # names by number
        marshal.dumps([32, [1, 2, 3], 0, {}, (None,)]),  # a list, not a program
        b"\x00not marshal at all",
        b"",
    ],
)
def test_a_program_the_engine_refuses_is_compiled_again(tmp_path: Path, program: bytes) -> None:
    path = tmp_path / "programs.marshal"
    path.write_bytes(_kept(("a+", 0, program)))
    path.chmod(0o600)
    cache = regexcache.ProgramCache(str(path))
    assert ("a+", 0) in cache.programs
    _same(cache.compile(ORIGINAL, "a+", 0), ORIGINAL("a+", 0))
    assert cache.misses == 1


PLACEHOLDER = "待单位补充|待补充|待定"


def _flipped(data: bytes, old: int, new: int) -> bytes:
    """``data`` with the program's literal ``old`` (a marshalled int: its
    four little-endian bytes) made ``new``: one changed byte."""
    before, after = old.to_bytes(4, "little"), new.to_bytes(4, "little")
    assert data.count(before) >= 1
    changed = data.replace(before, after, 1)
    assert sum(a != b for a, b in zip(data, changed, strict=True)) == 1
    return changed


def test_one_changed_byte_in_a_program_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    kept = regexcache.ProgramCache(str(path))
    kept.compile(ORIGINAL, PLACEHOLDER, 0)
    kept.compile(ORIGINAL, "a+", 0)
    kept.save()
    # 待 U+5F85 made 徆 U+5F86 in the program: still a program the engine
    # accepts, for another pattern, which would no longer find 待补充.
    path.write_bytes(_flipped(path.read_bytes(), ord("待"), ord("徆")))
    cache = regexcache.ProgramCache(str(path))
    compiled = cache.compile(ORIGINAL, PLACEHOLDER, 0)
    _same(compiled, ORIGINAL(PLACEHOLDER, 0))
    assert compiled.search("目标值待补充") is not None
    assert cache.misses == 1
    # The other program is its own, and used.
    _same(cache.compile(ORIGINAL, "a+", 0), ORIGINAL("a+", 0))
    assert cache.hits == 1
    # The run writes the file afresh: the next one reads the right program.
    cache.save()
    again = regexcache.ProgramCache(str(path))
    assert set(again.programs) == {(PLACEHOLDER, 0), ("a+", 0)}
    assert again.compile(ORIGINAL, PLACEHOLDER, 0).search("目标值待补充") is not None
    assert again.hits == 1


def test_an_unsealed_program_is_what_the_check_catches(tmp_path: Path) -> None:
    """The near miss: the engine itself accepts the changed program, and
    without its CRC-32 it would match another text."""
    program = regexcache._program(PLACEHOLDER, 0)
    assert program is not None
    changed = _flipped(marshal.dumps(program), ord("待"), ord("徆"))
    compiled = regexcache._from_program(PLACEHOLDER, changed)
    assert compiled is not None
    assert compiled.search("目标值待补充") is None
    assert compiled.search("目标值徆补充") is not None
    # With the CRC-32 of the program as written, the change is caught.
    crc = regexcache._crc32(marshal.dumps(program))
    assert regexcache._from_program(PLACEHOLDER, changed, crc) is None
    assert regexcache._from_program(PLACEHOLDER, marshal.dumps(program), crc) is not None


def test_a_file_others_can_write_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    kept = regexcache.ProgramCache(str(path))
    kept.compile(ORIGINAL, "a+", 0)
    kept.save()
    path.chmod(0o666)
    assert regexcache.ProgramCache(str(path)).programs == {}
    path.chmod(0o600)
    link = tmp_path / "link.marshal"
    link.symlink_to(path)
    assert regexcache.ProgramCache(str(link)).programs == {}
    assert regexcache.ProgramCache(str(path)).programs != {}


def test_the_file_starts_again_past_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexcache, "_MAX_PATTERNS", 3)
    path = str(tmp_path / "programs.marshal")
    cache = regexcache.ProgramCache(path)
    for pattern in ("a", "b", "c", "d"):
        cache.compile(ORIGINAL, pattern, 0)
    cache.save()
    # One run's programs are kept, however many.
    assert len(regexcache.ProgramCache(path).programs) == 4
    cache = regexcache.ProgramCache(path)
    cache.compile(ORIGINAL, "a", 0)
    cache.compile(ORIGINAL, "e", 0)
    cache.save()
    assert set(regexcache.ProgramCache(path).programs) == {("a", 0), ("e", 0)}


def test_programs_no_run_has_used_for_a_while_leave_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An earlier release's patterns do not stay in the file for ever: a
    program unused by the runs of the last writes is dropped; one a writing
    run used is kept, however old it was."""
    monkeypatch.setattr(regexcache, "_KEEP_WRITES", 2)
    path = str(tmp_path / "programs.marshal")

    def run(*patterns: str) -> regexcache.ProgramCache:
        cache = regexcache.ProgramCache(path)
        for pattern in patterns:
            _same(cache.compile(ORIGINAL, pattern, 0), ORIGINAL(pattern, 0))
        cache.save()
        return cache

    run("old", "kept")  # write 1
    run("kept", "new1")  # write 2: "old" last used by write 1
    assert set(regexcache.ProgramCache(path).programs) == {("old", 0), ("kept", 0), ("new1", 0)}
    run("new2")  # write 3: "old" unused by writes 2 and 3
    programs = regexcache.ProgramCache(path).programs
    assert set(programs) == {("kept", 0), ("new1", 0), ("new2", 0)}
    assert programs["kept", 0][0] == 2 and programs["new2", 0][0] == 3
    # A run that only reads (compiles nothing new) writes nothing, and ages nothing.
    reader = run("kept", "new1")
    assert reader.hits == 2 and reader.misses == 0
    assert regexcache.ProgramCache(path).generation == 3
    run("new3")  # write 4: "kept" last used by write 2
    assert ("kept", 0) not in regexcache.ProgramCache(path).programs
    again = run("kept")  # compiled again, and kept
    assert again.misses == 1 and ("kept", 0) in regexcache.ProgramCache(path).programs


def test_a_damaged_program_costs_only_its_own_pattern(tmp_path: Path) -> None:
    """Programs are unmarshalled as their patterns are compiled: a kept
    program that is no longer one is compiled again, the others are used."""
    path = tmp_path / "programs.marshal"
    good = regexcache._program("a+", 0)
    assert good is not None
    path.write_bytes(_kept(("a+", 0, marshal.dumps(good)), ("b+", 0, b"\xffdamaged")))
    path.chmod(0o600)
    cache = regexcache.ProgramCache(str(path))
    _same(cache.compile(ORIGINAL, "a+", 0), ORIGINAL("a+", 0))
    _same(cache.compile(ORIGINAL, "b+", 0), ORIGINAL("b+", 0))
    assert (cache.hits, cache.misses) == (1, 1)
    cache.save()
    again = regexcache.ProgramCache(str(path))
    again.compile(ORIGINAL, "b+", 0)
    assert (again.hits, again.misses) == (1, 0)


def test_cache_clean_removes_the_programs_and_leaves_them_removed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    table = Path(__file__).parent / "fixtures" / "seeds" / "001_gzrs_2024.txt"
    env = {**os.environ, "INDICATOR_AUDIT_CACHE": str(cache)}
    lint = [sys.executable, "-m", "audit", "lint", "--no-cache", "--format", "json", str(table)]
    subprocess.run(lint, capture_output=True, env=env, check=False)
    assert list(cache.glob("regex-*.marshal"))
    assert list(cache.glob("yaml-*.json"))
    (cache / f"lark-{'0' * 32}.cache").write_bytes(b"tables")
    (cache / "notes.txt").write_text("the user's own", encoding="utf-8")
    (cache / "regex-a-directory.marshal").mkdir()
    clean = [sys.executable, "-m", "audit", "cache", "clean"]
    done = subprocess.run(clean, capture_output=True, env=env, check=False, text=True)
    assert done.returncode == 0 and "removed" in done.stdout
    assert sorted(p.name for p in cache.iterdir()) == ["notes.txt", "regex-a-directory.marshal"]


def test_no_cache_directory_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATOR_AUDIT_CACHE", "off")
    assert regexcache.cache_file() is None


PIECES = [
    "a",
    "b",
    "年",
    "\\d",
    "\\s",
    "[^\\W\\d_]",
    ".",
    "(?=a)",
    "(?<!b)",
    "|",
    "(",
    ")",
    "*",
    "+?",
    "{1,3}",
    "(?P<n>x)",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10), st.sampled_from([0, re.I, re.M | re.S]))
def test_any_pattern_compiles_as_re_compiles_it(pieces: list[str], flags: int) -> None:
    pattern = "".join(pieces)
    cache = regexcache.ProgramCache(None)
    try:
        expected = ORIGINAL(pattern, flags)
    except re.error:
        with pytest.raises(re.error):
            cache.compile(ORIGINAL, pattern, flags)
        return
    _same(cache.compile(ORIGINAL, pattern, flags), expected)
    # and again, from the kept program
    _same(cache.compile(ORIGINAL, pattern, flags), expected)


def test_the_command_line_keeps_its_programs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    table = Path(__file__).parent / "fixtures" / "seeds" / "001_gzrs_2024.txt"
    if not table.exists():
        table = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.txt"))[0]
    env = {**os.environ, "INDICATOR_AUDIT_CACHE": str(cache)}
    command = [sys.executable, "-m", "audit", "lint", "--no-cache", "--format", "json", str(table)]
    first = subprocess.run(command, capture_output=True, env=env, check=False)
    files = list(cache.glob("regex-*.marshal"))
    assert len(files) == 1
    kept = regexcache.ProgramCache(str(files[0])).programs
    assert len(kept) > 20  # the grammars' lexers, the readers' and the rules' patterns
    second = subprocess.run(command, capture_output=True, env=env, check=False)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert second.stderr == first.stderr


def test_a_changed_byte_in_the_index_passes_over_the_file(tmp_path: Path) -> None:
    """The index says which pattern each program is for: a change there (a
    pattern's text, where its program starts) makes the whole file unused."""
    path = tmp_path / "programs.marshal"
    kept = regexcache.ProgramCache(str(path))
    kept.compile(ORIGINAL, PLACEHOLDER, 0)
    kept.save()
    data = path.read_bytes()
    start = data.index(PLACEHOLDER.encode())
    assert start < len(data) - 64  # in the index, before the programs
    changed = data[:start] + "徆".encode() + data[start + len("待".encode()) :]
    path.write_bytes(changed)
    cache = regexcache.ProgramCache(str(path))
    assert cache.programs == {}
    assert cache.compile(ORIGINAL, PLACEHOLDER, 0).search("目标值待补充") is not None
