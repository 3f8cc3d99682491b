"""Baselines: adopt the linter on tables that already have findings.

``lint --write-baseline FILE`` records every current finding; ``lint
--baseline FILE`` then reports only findings that are not recorded. An entry
is keyed by what the finding is about, never by its line number, so it
survives rows moving, units being reordered and lines being inserted:

- ``file``: the table, relative to the baseline file's directory;
- ``rule``, ``unit``, ``project``, ``field``;
- ``indicator``: the name of the clause the finding is in (not its number,
  which changes when a clause is inserted);
- ``excerpt``: the exact text the finding points at.

Identical keys are counted: when the baseline records 2 and the table now
has 3, the first 2 (in file order) are known and the third is reported. An
entry that matches nothing any more is *stale* (the problem was fixed);
``--strict-baseline`` reports stale entries and fails, so the baseline is
kept tidy. Entries of files not linted in this run, or that could not be
read, are never stale.

The file is JSON, sorted and indented, so it diffs well in review::

    {"version": 1, "tool": {"name": "indicator-audit", "version": "0.1.0"},
     "entries": [{"file": "tables/hrss.txt", "rule": "repeated-field",
                  "unit": "…", "project": "…", "field": "annual",
                  "indicator": "…", "excerpt": "年度指标值", "count": 2}]}

:func:`finding_keys` is also what SARIF fingerprints hash, so a finding is
the same finding to the baseline and to code scanning.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from audit import __version__
from audit.results import FileResult, LintResult, clause_names

BASELINE_VERSION = 1
KEY_FIELDS = ("file", "rule", "unit", "project", "field", "indicator", "excerpt")

Key = tuple[str | None, ...]
"""Values of :data:`KEY_FIELDS`, in that order."""


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a baseline."""


# --------------------------------------------------------------------------
# Keys


def finding_keys(file_result: FileResult, base: str | None = None) -> list[Key]:
    """The key of each of the file's findings, in order; the file part is
    relative to ``base`` (default: the working directory)."""
    from audit.output import relative_path, safe_text

    path = safe_text(relative_path(file_result.path, base))  # as the baseline file holds it
    return [
        (path, f.rule, f.unit, f.project, f.field, name, f.excerpt)
        for f, name in zip(file_result.findings, clause_names(file_result), strict=True)
    ]


# --------------------------------------------------------------------------
# Reading and writing


@dataclass(slots=True)
class Baseline:
    path: str
    counts: Counter[Key] = field(default_factory=Counter)

    @property
    def base(self) -> str:
        """The directory entry paths are relative to."""
        return os.path.dirname(os.path.abspath(self.path))


def load_baseline(path: str) -> Baseline:
    from audit.limits import MAX_BASELINE_BYTES
    from audit.readers.decode import ReadError, read_file

    try:
        raw = read_file(path, MAX_BASELINE_BYTES)
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_integer, parse_constant=_constant)
    except FileNotFoundError:
        raise BaselineError("no such file") from None
    except ReadError as problem:
        raise BaselineError(str(problem)) from None
    except UnicodeDecodeError:
        raise BaselineError("not UTF-8 text") from None
    except json.JSONDecodeError as problem:
        raise BaselineError(
            f"not a baseline: invalid JSON at line {problem.lineno}: {problem.msg}"
        ) from None
    except ValueError as problem:
        raise BaselineError(f"not a baseline: {problem}") from None
    except RecursionError:
        raise BaselineError("not a baseline: JSON nested too deeply") from None
    except OSError as problem:
        raise BaselineError(problem.strerror or str(problem)) from None
    if isinstance(data, dict) and "version" in data and data["version"] != BASELINE_VERSION:
        # a baseline of another release of the format, whatever it holds
        raise BaselineError(
            f"unsupported baseline version {data['version']!r} (expected {BASELINE_VERSION})"
        )
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError("not a baseline: expected an object with an 'entries' list")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"unsupported baseline version {data.get('version')!r} (expected {BASELINE_VERSION})"
        )
    baseline = Baseline(path)
    for index, entry in enumerate(data["entries"]):
        baseline.counts[_entry_key(entry, index)] += _entry_count(entry, index)
    return baseline


def _integer(text: str) -> int:
    """A JSON integer of at most MAX_INT_DIGITS digits."""
    from audit.limits import MAX_INT_DIGITS

    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"an integer of {len(text.lstrip('-')):,} digits")
    return int(text)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a baseline holds")


def _entry_key(entry: Any, index: int) -> Key:
    if not isinstance(entry, dict):
        raise BaselineError(f"entry {index + 1}: expected an object")
    for name in KEY_FIELDS:
        value = entry.get(name)
        if value is not None and not isinstance(value, str):
            raise BaselineError(f"entry {index + 1}: '{name}' must be a string or null")
    if not entry.get("file") or not entry.get("rule"):
        raise BaselineError(f"entry {index + 1}: needs 'file' and 'rule'")
    return tuple(entry.get(name) for name in KEY_FIELDS)


def _entry_count(entry: dict[str, Any], index: int) -> int:
    count = entry.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise BaselineError(f"entry {index + 1}: 'count' must be a positive integer")
    return count


def baseline_dict(result: LintResult, base: str) -> dict[str, Any]:
    """Every current finding of the files that were read, as baseline data."""
    counts: Counter[Key] = Counter()
    for file_result in result.files:
        counts.update(finding_keys(file_result, base))
    entries = [
        {**dict(zip(KEY_FIELDS, key, strict=True)), "count": count}
        for key, count in sorted(counts.items(), key=lambda item: _sortable(item[0]))
    ]
    return {
        "version": BASELINE_VERSION,
        "tool": {"name": "indicator-audit", "version": __version__},
        "entries": entries,
    }


def write_baseline(result: LintResult, path: str) -> int:
    """Write the baseline of ``result`` to ``path``; the number of findings."""
    from audit.output import SafeStream, write_atomically

    data = baseline_dict(result, os.path.dirname(os.path.abspath(path)))

    def write(file: Any) -> None:
        json.dump(data, SafeStream(file), ensure_ascii=False, indent=2, sort_keys=False)
        file.write("\n")

    write_atomically(path, write)
    return sum(entry["count"] for entry in data["entries"])


def _sortable(key: Key) -> tuple[str, ...]:
    return tuple(part or "" for part in key)


# --------------------------------------------------------------------------
# Applying


@dataclass(slots=True)
class Applied:
    """A result with the known findings removed."""

    result: LintResult
    suppressed: int
    stale: list[tuple[dict[str, str | None], int]]
    """Entries (as key fields) that matched nothing, with how many did not."""


def apply_baseline(result: LintResult, baseline: Baseline) -> Applied:
    from audit.output import relative_path, safe_text

    remaining = Counter(baseline.counts)
    files = []
    suppressed = 0
    linted: set[str | None] = set()
    for file_result in result.files:
        if file_result.document is None:
            files.append(file_result)
            continue
        keys = finding_keys(file_result, baseline.base)
        linted.add(safe_text(relative_path(file_result.path, baseline.base)))
        known = [False] * len(keys)
        for index, key in enumerate(keys):
            if remaining[key] > 0:
                remaining[key] -= 1
                known[index] = True
        for index, key in enumerate(keys):
            # An entry written before the table's unit was named in findings
            # (a national form's 实施单位, a 单位名称 heading over one of
            # several tables) keeps matching the finding it recorded.
            unnamed = _without_unit(key)
            if not known[index] and unnamed != key and remaining[unnamed] > 0:
                remaining[unnamed] -= 1
                known[index] = True
        kept = []
        baselined = list(file_result.baselined)
        for finding, is_known in zip(file_result.findings, known, strict=True):
            if is_known:
                suppressed += 1
                baselined.append(finding)
            else:
                kept.append(finding)
        applied = FileResult(file_result.path, file_result.document, file_result.error, kept)
        applied.baselined = baselined  # graded all the same: a baseline hides, it does not mend
        files.append(applied)
    stale = [
        (dict(zip(KEY_FIELDS, key, strict=True)), count)
        for key, count in sorted(remaining.items(), key=lambda item: _sortable(item[0]))
        if count > 0 and key[0] in linted
    ]
    return Applied(LintResult(files, dict(result.timings)), suppressed, stale)


_UNIT = KEY_FIELDS.index("unit")


def _without_unit(key: Key) -> Key:
    return (*key[:_UNIT], None, *key[_UNIT + 1 :])


def describe(entry: dict[str, str | None], count: int) -> str:
    """One line for a stale entry: where and what."""
    parts: Iterable[str | None] = (
        entry["file"],
        entry["unit"],
        entry["project"],
        entry["indicator"],
        entry["field"],
    )
    where = " / ".join(p for p in parts if p)
    times = f" (x{count})" if count > 1 else ""
    return f"[{entry['rule']}] {where}: {entry['excerpt'] or ''!r}{times}"
