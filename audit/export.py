"""``indicator-audit export``: the parsed table, one row per indicator, for a
reviewer who wants it in Excel (``xlsx``), a spreadsheet or a script
(``csv``, ``json``).

Each row carries the file, the unit and project with their amounts (万元;
上年结转 and 项目总投资 too when a table states them, columns the export has
only then),
the clause number, level-1 and level-2 categories, the indicator name, the
period and annual values as written and as read (comparator, number, unit:
``≥1.85万人次`` is ``≥`` 18500 人次). A clause the grammar could not read is
a row with its text and the reason; a project without clauses is one row,
so every project appears. Amounts and numbers are exact decimals (numbers
in the workbook, formatted to two places for amounts).

The CSV is UTF-8 with a byte-order mark, which Excel needs to show Chinese;
the workbook is written with openpyxl, imported only for ``--to xlsx``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from audit.model import AMOUNT_FIELDS, ClauseError, Document, Value, ValueField
from audit.output import SafeStream, safe_text, write_atomically

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("file", "文件", "file"),
    ("line", "行号", "line"),
    ("unit", "单位", "unit"),
    ("project", "项目名称", "project"),
    ("total", "总计（万元）", "total (万元)"),
    ("fiscal", "财政拨款（万元）", "fiscal (万元)"),
    ("special", "财政专户拨款（万元）", "special account (万元)"),
    ("other", "其他资金（万元）", "other funds (万元)"),
    ("clause", "序号", "clause"),
    ("level1", "一级指标", "level 1"),
    ("level2", "二级指标", "level 2"),
    ("name", "三级指标（指标名称）", "indicator"),
    ("period", "实施周期指标值", "period value"),
    ("period_comparator", "实施周期·比较", "period comparator"),
    ("period_number", "实施周期·数值", "period number"),
    ("period_unit", "实施周期·单位", "period unit"),
    ("annual", "年度指标值", "annual value"),
    ("annual_comparator", "年度·比较", "annual comparator"),
    ("annual_number", "年度·数值", "annual number"),
    ("annual_unit", "年度·单位", "annual unit"),
    ("error", "无法解析", "parse error"),
)
"""(key, Chinese heading, English heading) of every exported column."""

CARRYOVER_COLUMN = ("carryover", "上年结转（万元）", "carried over (万元)")
"""The 上年结转 column, after 其他资金: exported only when a project states
one (:func:`columns`), so an export of tables without it is unchanged."""
TERM_TOTAL_COLUMN = ("term_total", "项目总投资（万元）", "total over the term (万元)")
"""The project's amount over its whole term (项目总投资, 中期资金总额), after
the year's amounts: exported only when a project states one, as 上年结转 is."""
_OPTIONAL_COLUMNS = (CARRYOVER_COLUMN, TERM_TOTAL_COLUMN)

AMOUNT_KEYS = frozenset((*AMOUNT_FIELDS, "term_total"))
NUMBER_KEYS = frozenset({"period_number", "annual_number"})

_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "range": "~"}

Row = dict[str, Any]


class ExportError(Exception):
    """The export cannot be written (e.g. openpyxl is missing)."""


def _category(category: Any) -> str | None:
    if category is None:
        return None
    return f"{category.code}-{category.name}" if category.code else category.name


def _value(prefix: str, value_field: ValueField | None) -> Row:
    if value_field is None:
        return {prefix: None, f"{prefix}_comparator": None, f"{prefix}_number": None,
                f"{prefix}_unit": None}  # fmt: skip
    value: Value = value_field.value
    quantity = value.kind == "quantity"
    return {
        prefix: value_field.text,
        f"{prefix}_comparator": _SYMBOLS.get(value.comparator or "", value.comparator)
        if quantity
        else None,
        f"{prefix}_number": value.number if quantity else None,
        f"{prefix}_unit": value.unit if quantity else None,
    }


def export_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per indicator clause, in table order."""
    rows: list[Row] = []
    for document in documents:
        for unit in document.units:
            unit_name = document.organization if unit.own_name is None else unit.own_name
            for project in unit.projects:
                base: Row = {
                    "file": document.path,
                    "unit": unit_name,
                    "project": project.title,
                    **{c: project.amounts.value(c) for c in AMOUNT_FIELDS},
                    "term_total": None if project.term_total is None else project.term_total.value,
                }
                if not project.clauses:
                    rows.append(_row(base, line=project.line))
                for clause in project.clauses:
                    if isinstance(clause, ClauseError):
                        rows.append(
                            _row(
                                base,
                                line=clause.span.line,
                                clause=clause.number,
                                name=clause.text,
                                error=clause.message,
                            )
                        )
                        continue
                    rows.append(
                        _row(
                            base,
                            line=clause.span.line,
                            clause=clause.number,
                            level1=_category(clause.level1),
                            level2=_category(clause.level2),
                            name=clause.name,
                            **_value("period", clause.period),
                            **_value("annual", clause.annual),
                        )
                    )
    return rows


def _row(base: Row, **values: Any) -> Row:
    row = dict.fromkeys(key for key, _, _ in COLUMNS)
    row.update(base)
    row.update(values)
    return row


def columns(rows: list[Row]) -> tuple[tuple[str, str, str], ...]:
    """The exported columns: :data:`COLUMNS`, and after 其他资金 上年结转 and
    项目总投资, each when one of the rows states it."""
    stated = tuple(
        column
        for column in _OPTIONAL_COLUMNS
        if any(row.get(column[0]) is not None for row in rows)
    )
    if not stated:
        return COLUMNS
    at = next(i for i, (key, _, _) in enumerate(COLUMNS) if key == "other") + 1
    return (*COLUMNS[:at], *stated, *COLUMNS[at:])


def headings(lang: str, exported: tuple[tuple[str, str, str], ...] = COLUMNS) -> list[str]:
    return [zh if lang == "zh" else en for _, zh, en in exported]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return value


def write_csv(rows: list[Row], output: str | None, lang: str) -> None:
    import csv

    def write(out: Any) -> None:
        exported = columns(rows)
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(headings(lang, exported))
        for row in rows:
            writer.writerow(["" if row[k] is None else _plain(row[k]) for k, _, _ in exported])

    if output is None:
        write(SafeStream(sys.stdout))
        return
    write_atomically(output, write, encoding="utf-8-sig", newline="")


def write_json(rows: list[Row], output: str | None, lang: str) -> None:
    exported = columns(rows)
    payload = [{k: _plain(row[k]) for k, _, _ in exported} for row in rows]
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        SafeStream(sys.stdout).write(text)
        return
    write_atomically(output, lambda out: out.write(text))


def write_xlsx(rows: list[Row], output: str | None, lang: str) -> None:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise ExportError(
            "writing .xlsx needs openpyxl: pip install 'indicator-audit[xlsx]'"
        ) from None
    if output is None:
        raise ExportError("a workbook is written to a file: give --output FILE.xlsx")
    workbook = Workbook()
    sheet = workbook.worksheets[0]  # a new workbook's one sheet
    sheet.title = "绩效指标" if lang == "zh" else "indicators"
    exported = columns(rows)
    sheet.append(headings(lang, exported))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    keys = [key for key, _, _ in exported]
    for row in rows:  # a name that is not UTF-8 (or a lone surrogate) with U+FFFD for it
        sheet.append([safe_text(v) if isinstance(v, str) else v for v in (row[k] for k in keys)])
    for index, key in enumerate(keys, start=1):
        letter = get_column_letter(index)
        if key in AMOUNT_KEYS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "#,##0.00"
        width = {"file": 24, "unit": 24, "project": 30, "name": 28, "period": 24, "annual": 24}
        sheet.column_dimensions[letter].width = width.get(key, 12)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # Built in memory (a zip writer cut short then closes quietly), then
    # written whole or not at all: an interrupted export leaves no broken workbook.
    import io

    built = io.BytesIO()
    workbook.save(built)
    write_atomically(output, lambda out: out.write(built.getvalue()), encoding=None)


EXPORTERS: dict[str, Callable[[list[Row], str | None, str], None]] = {
    "csv": write_csv,
    "json": write_json,
    "xlsx": write_xlsx,
}
