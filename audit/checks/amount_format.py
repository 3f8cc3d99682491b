"""The ``amount-format`` rule, of the ``amounts`` group: an amount cell is
not a well-formed amount, 总计 is missing, or a row with amounts has no name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from audit.engine import Context, Problem, attributed, rule
from audit.facts import money_text
from audit.model import (
    AMOUNT_COLUMNS,
    AMOUNT_LABELS,
    SOURCE_COLUMNS,
    TERM_TOTAL_LABEL,
    Amount,
    Amounts,
    Document,
    Project,
    Severity,
    Unit,
    amount_rows,
)
from audit.readers.common import CURRENCY_SIGN_RE, FULL_WIDTH_NUMBER

_NUMBER_LIKE = re.compile(r"-?[0-9][0-9,，]*(?:[.．][0-9]+)?")


"""Digits with separators: a number whose thousands separators are misplaced
(``1,23.00``) when the reader could not read it."""


_TWO_DECIMALS = re.compile(r"-?[0-9,]*[0-9]\.[0-9][0-9]")


_YUAN = re.compile(r"-?[0-9,]*[0-9](?:\.[0-9][0-9])?")


"""An amount in 元: whole yuan or to the fen."""


@rule(
    "amount-format",
    group="amounts",
    severity="error",
    scope="document",
    messages={
        "default": (
            "金额“{text}”不是数字：应为以万元计、保留两位小数的金额，如 1,234.56",
            "amount “{text}” is not a number: expected 万元 with two decimals, e.g. 1,234.56",
        ),
        "separator": (
            "金额“{text}”的千位分隔符位置不对：应每三位一个逗号，如 1,234.56",
            "amount “{text}” has misplaced thousands separators: expected one comma every "
            "three digits, e.g. 1,234.56",
        ),
        "negative": (
            "{column}为负数“{text}”：预算金额不应为负",
            "{column} is negative, “{text}”: budget amounts cannot be negative",
        ),
        "decimals": (
            "{column}“{text}”应保留两位小数（如 {expected}）",
            "{column} “{text}” should have exactly two decimals (e.g. {expected})",
        ),
        "full-width": (
            "{column}“{text}”用了全角数字：应写作半角数字（{expected}）",
            "{column} “{text}” is written in full-width digits: write it in ASCII digits "
            "({expected})",
        ),
        "missing-total": (
            "总计为空，但{parts}已填写：总计应为各资金来源之和",
            "总计 is blank while {parts} is filled: 总计 should be the sum of the sources",
        ),
        "no-source": (
            "只填了总计 {text}，财政拨款、财政专户拨款、其他资金都为空：应注明资金来源",
            "only 总计 is filled ({text}); 财政拨款, 财政专户拨款 and 其他资金 are all blank: "
            "the source of the funds is expected",
        ),
        "no-amounts": (
            "项目没有填写任何金额：应填写总计及资金来源",
            "the project has no amounts: 总计 and its sources are expected",
        ),
        "no-name": (
            "这一行填了金额（{text}），却没有填写项目名称：应填写金额所属的项目（或资金使用单位）名称",
            "this row states amounts ({text}) but no project name: write the name of the "
            "project (or unit) they belong to",
        ),
    },
    doc_zh="""
    金额单元格格式不正确、缺少总计，或填了金额的行没有名称。

    检查内容
    --------
    检查合计行、单位行和项目行的每个金额单元格：

    * 不是数字（「约50万」「1.234,56」）：错误；
    * 千位分隔符位置不对（「1,23.00」「12,3456.00」）：错误；
    * 负数（「-5.00」）：错误；
    * 不是恰好两位小数（「10.5」「10」「10.123」）：警告；
    * 用了全角数字（「１５．１０」，金额照常读取、相加）：警告；
    * 填了资金来源而总计空白：错误（表没有总计栏时不报告，如只列财政拨款、其他资金的县级项目表）；
    * 只填了总计、各资金来源都空白：警告（整张表都不分列资金来源时不报告）；
    * 项目没有任何金额：错误；
    * 填了金额却没有填写名称的行（名称栏为空）：错误。这一行照常作为一个项目（或单位）读取和检查，
      不并入上一个项目；没有金额的无名称行是被分页截断的上一行的延续，照常并入上一行。

    空白单元格（空、「-」「—」）视为未填，不是零，本身不算错误。一个单元格只报告最严重的一处。

    为什么有问题
    ------------
    金额以万元公开，保留两位小数并使用千位分隔符；不规范的单元格无法相加，缺少总计或没有任何资金
    来源的行是不完整的。

    示例
    ----
    错误：

        职业技能提升补贴 | 1,23.00 | 1,23.00
        职业技能提升补贴 | 123 | 123

    正确：

        职业技能提升补贴 | 123.00 | 123.00

    选项
    ----
    无。
    """,
)
def amount_format(ctx: Context, document: Document) -> Iterator[Problem]:
    """An amount cell is malformed, 总计 is missing, or a row with amounts has no name.

    What it does:
        Checks every amount cell of 合计, the unit rows and the projects:
        * not a number (`约50万`, `1.234,56`): error;
        * thousands separators misplaced (`1,23.00`, `12,3456.00`): error;
        * negative (`-5.00`): error;
        * not exactly two decimals (`10.5`, `10`, `10.123`): warning;
        * written in full-width digits (`１５．１０`; the amount is read and
          summed all the same): warning;
        * 总计 blank while a source column is filled: error (not reported
          where the table has no 总计 column, as a county's list of projects
          with only 财政拨款 and 其他资金);
        * only 总计 filled, every source column blank: warning (not reported
          when no row of the table fills any source column: such a table
          simply does not break its amounts down);
        * a project with no amount at all: error;
        * a row that states amounts but no name (a blank name cell): error.
          The row is read and checked as a project (or unit) of its own, not
          merged into the project above; a row with neither name nor
          amounts is the rest of the row above, cut by a page break, and is
          joined to it.
        Blank cells (empty, `-`, `—`) are absent, not zero, and are not errors
        by themselves. A cell gets one finding, the most severe. A table in 元
        (``金额单位：元``) is read in 万元 exactly; its cells are whole yuan or
        have two decimals (fen).

    Why is this bad?
        Amounts are published in 万元 with two decimals and thousands
        separators; a cell that is not such a figure cannot be added up, and a
        row without 总计, or without any source of its funds, is incomplete.

    Example:
        Bad:
            `职业技能提升补贴 | 1,23.00 | 1,23.00`
            `职业技能提升补贴 | 123 | 123`
        Good:
            `职业技能提升补贴 | 123.00 | 123.00`

    Options:
        None.
    """
    warning: Severity = "warning"  # a milder case: at most a warning
    has_sources = any(
        amounts.get(c) is not None
        for _u, _p, _n, amounts in amount_rows(document)
        for c in SOURCE_COLUMNS
    )

    def total_column(unit: Unit | None, project: Project | None) -> bool:
        """Whether the table of a row has a column for 总计: a row of sums
        (a unit's, 合计) has one unless none of the projects it sums does."""
        if project is not None:
            return project.total_column
        projects = document.projects if unit is None else unit.projects
        return not projects or any(p.total_column for p in projects)

    def placeholder(amount: Amount) -> bool:
        """A project's amount left as a draft's placeholder (待补充): the
        placeholder rule's finding, unless the configuration turns it off (a
        formula's error value, #REF!, stays this rule's)."""
        return "placeholder" not in ctx.facts.off and bool(ctx.facts.amount_placeholders(amount))

    def problems() -> Iterator[tuple[Unit | None, Project | None, Problem]]:
        for unit, project, name, amounts in amount_rows(document):
            if amounts and not name.value.strip():
                yield (
                    unit,
                    project,
                    Problem(
                        name.span(),
                        key="no-name",
                        args={"text": _first_amount(amounts)},
                        field="name",
                    ),
                )
            unwritten = (
                ()
                if project is None or "placeholder" in ctx.facts.off
                else tuple(column for column, _, _ in ctx.facts.unwritten_amounts(project))
            )
            if project is not None and not amounts and not unwritten:
                yield unit, project, Problem(name.span(), key="no-amounts", field="amount.total")
                continue
            cells = [(c, amounts.get(c)) for c in dict.fromkeys((*AMOUNT_COLUMNS, *SOURCE_COLUMNS))]
            if project is not None:
                cells.append(("term_total", project.term_total))
            for column, amount in cells:
                if amount is not None and (project is None or not placeholder(amount)):
                    found = _cell(amount, column, warning)
                    if found is not None:
                        yield unit, project, found
            present = [c for c in SOURCE_COLUMNS if amounts.get(c) is not None]
            if (
                amounts.total is None
                and present
                and "total" not in unwritten
                and total_column(unit, project)
            ):
                parts = "、".join(AMOUNT_LABELS[c] for c in present)
                yield (
                    unit,
                    project,
                    Problem(
                        name.span(),
                        key="missing-total",
                        args={"parts": parts},
                        field="amount.total",
                    ),
                )
            elif (
                has_sources
                and amounts.total is not None
                and not present
                and amounts.total.value is not None
                and amounts.total.value != 0
            ):
                text = amounts.total.text
                yield (
                    unit,
                    project,
                    Problem(
                        text.span(),
                        key="no-source",
                        args={"text": text.value},
                        field="amount.total",
                        excerpt=text.value,
                        at_most=warning,
                    ),
                )

    yield from attributed(ctx, problems())


def _first_amount(amounts: Amounts) -> str:
    """The first amount a row states, as written, with its column
    (``总计 14.88``)."""
    for column in dict.fromkeys((*AMOUNT_COLUMNS, *SOURCE_COLUMNS)):
        amount = amounts.get(column)
        if amount is not None:
            return f"{AMOUNT_LABELS[column]} {amount.text.value}"
    return ""


def _cell(amount: Amount, column: str, warning: Severity) -> Problem | None:
    text = amount.text.value
    args: dict[str, Any] = {"text": text, "column": AMOUNT_LABELS.get(column, TERM_TOTAL_LABEL)}
    where: dict[str, Any] = {
        "span": amount.text.span(),
        "field": f"amount.{column}",
        "excerpt": text,
    }
    value = amount.value
    if value is None:
        raw = text.replace(" ", "")
        key = (
            "separator"
            if _NUMBER_LIKE.fullmatch(raw) and ("," in raw or "，" in raw)
            else "default"
        )
        return Problem(key=key, args=args, **where)
    if value < 0:
        return Problem(key="negative", args=args, **where)
    printed = CURRENCY_SIGN_RE.sub(r"\1", text.replace(" ", ""))
    if amount.decimal_comma:  # 1250,00 in a file that writes decimal commas
        printed = printed.replace(",", ".")
    if not printed.isascii() and printed != (ascii_text := printed.translate(FULL_WIDTH_NUMBER)):
        args["expected"] = ascii_text
        return Problem(key="full-width", args=args, at_most=warning, **where)
    if printed.endswith(amount.unit) and printed[: -len(amount.unit)][-1:].isdigit():
        printed = printed[: -len(amount.unit)]  # the unit written in the cell: 360.00万元
    if amount.unit == "万元" and not _TWO_DECIMALS.fullmatch(printed):
        args["expected"] = money_text(value)
        return Problem(key="decimals", args=args, at_most=warning, **where)
    if amount.unit == "元" and not _YUAN.fullmatch(printed):
        args["expected"] = f"{value.scaleb(4):,.2f}"
        return Problem(key="decimals", args=args, at_most=warning, **where)
    return None
