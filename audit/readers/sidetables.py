"""The tables a unit keeps beside its 项目支出绩效目标表 that report outcomes,
not targets: the 项目支出绩效自评表 and 部门整体支出绩效自评表 (a year later:
实际完成值, 全年执行数, 得分) and the 运行监控表 / 绩效监控情况表 (mid-year:
1-7月执行情况, 全年预计完成情况, 完成目标可能性).

Such a table is told by its title or by its header row: two outcome columns
at least (one alone, a 备注 or 实际完成情况 column a reviewer added to a
target table, is not enough). It is passed over with a note naming it, as a
部门整体支出绩效目标表 is; below a target table on the same sheet or in the
same text it ends that table, and so does the title of a 部门整体支出绩效目标表
(the department's own grid, printed after its projects'). Only its title and
the rows down to its first header are looked at, so a target table with a side
table under it is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audit.readers.common import (
    MONITORING,
    PROJECT_SELF_EVALUATION,
    header_columns,
    note_label,
    outcome_header,
)
from audit.readers.grid import Grid

WHOLE_DEPARTMENT_SELF_EVALUATION = "部门整体支出绩效自评表"

_TITLE_RE = re.compile(
    r"(?P<whole>部门整体(?:支出)?绩效自评表)"
    r"|(?P<self>(?:绩效)?自评(?:结果)?表)"
    r"|(?P<monitor>(?:运行)?监控(?:情况)?表|监控结果表)"
)
_TITLE_CHARS = 80

_WHOLE_DEPARTMENT_WORDS = (
    "部门（单位）名称",
    "部门(单位)名称",
    "年度部门（单位）预算",
    "年度主要任务",
)

_GATE_RE = re.compile(r"自评|监控|执行|完成|得分|偏差|可能性|整体")

_WHOLE_TITLE_RE = re.compile(
    r"(?:部门|单位)(?:（单位）|\(单位\))?整体(?:支出)?绩效(?:目标|指标)(?:申报|调整)?表?"
    r"(?:[（(][^（()）]*[）)])?[：:]?"
)
"""The title of a 部门整体支出绩效目标表 (单位整体…, …整体绩效目标申报表,
…（2025年度）), at the end of its line: the department's targets as a whole,
a table beside the projects' (an indicator named 部门整体绩效目标完成率 is no
title)."""

SCANNED_ROWS = 40
"""A side table names itself (title, header) in its first rows."""


def _compact(value: str) -> str:
    return "".join(value.split())


def title_kind(text: str) -> str | None:
    """The kind a title line names (``…2024年度项目支出绩效自评表``), else None."""
    text = _compact(text)
    if not text or len(text) > _TITLE_CHARS or note_label(text):
        return None
    match = _TITLE_RE.search(text)
    if match is None:
        return None
    if match.group("whole"):
        return WHOLE_DEPARTMENT_SELF_EVALUATION
    if match.group("self"):
        return WHOLE_DEPARTMENT_SELF_EVALUATION if "部门整体" in text else PROJECT_SELF_EVALUATION
    return MONITORING


def whole_title(text: str) -> bool:
    """Whether a line of one text is the title of a 部门整体支出绩效目标表."""
    text = _compact(text)
    return (
        bool(text)
        and len(text) <= _TITLE_CHARS
        and not note_label(text)
        and any(match.end() == len(text) for match in _WHOLE_TITLE_RE.finditer(text))
    )


def performance_header(cells: Sequence[str]) -> bool:
    """Whether a row heads a performance table: the Guangzhou header, or the
    national indicator grid's (一级指标 …)."""
    return header_columns(list(cells)) is not None or any(
        _compact(cell).startswith("一级指标") for cell in cells
    )


def rows_kind(rows: Sequence[Sequence[str]], headings: Sequence[str] = ()) -> str | None:
    """The kind of side table rows begin with: by a title above them (in
    ``headings`` or a row of one text before the first header) or by an
    outcome header among the first rows, down to the first header of a
    performance table (and the row under it); None for a target table."""
    for line in headings:
        kind = title_kind(line)
        if kind is not None:
            return _whole(kind, rows)
    stop: int | None = None
    for index, row in enumerate(rows[:SCANNED_ROWS]):
        if stop is not None and index > stop:
            break
        filled = {value.strip() for value in row} - {""}
        if not filled:
            continue
        if len(filled) == 1 and stop is None:
            kind = title_kind(next(iter(filled)))
            if kind is not None:
                return _whole(kind, rows)
            continue
        kind = outcome_header(row)
        if kind is not None:
            return _whole(kind, rows)
        if stop is None and performance_header(row):
            stop = index + 1
    return None


def _whole(kind: str, rows: Sequence[Sequence[str]]) -> str:
    """A self-evaluation of the department as a whole names its 部门（单位）."""
    if kind != PROJECT_SELF_EVALUATION:
        return kind
    for row in rows[:SCANNED_ROWS]:
        if any(_compact(value) in _WHOLE_DEPARTMENT_WORDS for value in row):
            return WHOLE_DEPARTMENT_SELF_EVALUATION
    return kind


def grid_kind(grid: Grid) -> str | None:
    """The kind of side table a grid holds (:func:`rows_kind`)."""
    rows = [grid.values(index) for index in range(min(len(grid.rows), SCANNED_ROWS))]
    return rows_kind(rows, grid.headings)


def side_start(rows: Sequence[Sequence[str]]) -> int | None:
    """Where a side table begins below a performance table in the same rows
    (its title, or its outcome header with the rows of one text above it),
    or a 部门整体支出绩效目标表 (its title), else None."""
    seen = False
    for index, row in enumerate(rows):
        if not seen:
            seen = performance_header(row)
            continue
        if _GATE_RE.search("".join(row)) is None:
            continue  # most rows: no word of a side table's title or header
        filled = {value.strip() for value in row} - {""}
        if len(filled) == 1:
            text = next(iter(filled))
            if title_kind(text) is not None or whole_title(text):
                return index
        if len(filled) > 1 and outcome_header(row) is not None:
            start = index
            while start > 1 and len({v.strip() for v in rows[start - 1]} - {""}) == 1:
                start -= 1
            return start
    return None


ADJUSTMENT_UNREAD = "绩效目标调整表: its 调整后 (adjusted) values cannot be told, not checked"
"""Why an adjustment table is passed over: it names only the superseded side
(调整前…, 原指标值) or no side a value column could be read from."""

_ADJUSTMENT_TITLE = "调整表"
_SUPERSEDED_CELL_RE = re.compile(
    r"调整前\S{0,8}|原(?:年度|实施期|中期)?(?:指标值|目标值|绩效目标|绩效指标)"
    r"|\S{0,8}(?:指标值|目标值|绩效目标|绩效指标)[（(](?:调整前|原)[)）]"
)


def adjustment_rows(
    rows: Sequence[Sequence[str]], headings: Sequence[str] = (), by_title: bool = True
) -> bool:
    """Whether rows no layout could read are an adjustment table's: its
    title (…绩效目标调整表; unless ``by_title`` is False: in text, which may
    be prose) or a header cell of its superseded side."""
    if by_title and any(_ADJUSTMENT_TITLE in _compact(line) for line in headings):
        return True
    for row in rows[:SCANNED_ROWS]:
        for value in row:
            text = _compact(value)
            if len(text) > _TITLE_CHARS:
                continue
            if by_title and _ADJUSTMENT_TITLE in text and "绩效目标" in text:
                return True
            if _SUPERSEDED_CELL_RE.fullmatch(text):
                return True
    return False


def reason(kind: str) -> str:
    """Why a side table is passed over, for its note."""
    return f"{kind}: not a performance-target table, not checked"


__all__ = [
    "ADJUSTMENT_UNREAD",
    "MONITORING",
    "PROJECT_SELF_EVALUATION",
    "WHOLE_DEPARTMENT_SELF_EVALUATION",
    "adjustment_rows",
    "grid_kind",
    "outcome_header",
    "performance_header",
    "reason",
    "rows_kind",
    "side_start",
    "title_kind",
    "whole_title",
]
