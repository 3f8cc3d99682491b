"""Amounts: how the amount columns add up.

A family in one module: ``row-sum-mismatch``, ``subtotal-mismatch``,
``total-mismatch`` and ``rounding-difference`` share one computation, every
sum of the document judged once (:func:`sums`, kept in ``ctx.memo``), each
rule reporting its share of the verdicts. How each amount cell is written
is ``amount-format``'s, in a module of its own (same ``amounts`` group).

Amounts are in 万元, printed to 0.01 and rounded independently, so a printed
total may differ from the sum of its printed parts by rounding alone. Every
sum is judged the same way (:func:`band`): a total and its ``n`` parts each
stand for an interval ``[v - 0.005, v + 0.005]``, so the gap can only be
rounding when ``gap <= 0.005 * (n + 1)`` (the hard bound, XBRL Calculations
1.1); rounding errors being independent and uniform, the gap rounding
*plausibly* produces is ``3σ`` with ``σ = 0.01 * sqrt((n + 1) / 12)``.

* within 3σ: ``rounding-difference`` (info), never a mismatch;
* beyond 3σ, within the hard bound: the mismatch rule at warning, "unlikely
  to be rounding";
* beyond the hard bound: the mismatch rule at its configured severity (error).

The three sums are ``row-sum-mismatch`` (总计 against 财政拨款 + 财政专户拨款 +
其他资金 in one row, + 上年结转 where a table states it), ``subtotal-mismatch``
(a unit's subtotal against its projects, per column) and ``total-mismatch``
(合计 against the units, per column), 上年结转 a column like the others. Each
has a ``mode`` (and a ``tolerance``); ``rounding-difference`` reports exactly
the gaps the mismatch rule of the same sum calls rounding, so the two never
disagree. All sums of a document are computed once and shared through
``ctx.memo``.

A table in 元 (the national template's ``金额单位：元``) is read in 万元
exactly; its sums are judged and reported in 元, as it prints them and
rounds them (to 0.01 元).

A part of exactly ``0.00`` (a form's 其他资金, a project with nothing this
year) is no rounded figure and is not counted in ``n`` (:func:`_parts_sum`).

A blank cell is absent, not zero. A sum is not checked when one of its cells
is not a number or is negative, or when a project's 总计 is blank while its other columns are
filled: ``amount-format`` reports those cells, and a sum over them would only
repeat it.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, localcontext
from typing import Any, Literal, NamedTuple

from audit.engine import Context, Option, Problem, attributed, rule
from audit.facts import Key, amount_value, money_text
from audit.model import (
    AMOUNT_COLUMNS,
    AMOUNT_FIELDS,
    AMOUNT_LABELS,
    SOURCE_COLUMNS,
    Amount,
    Amounts,
    Document,
    Project,
    Severity,
    Text,
    Unit,
    amount_rows,
)

ROW_SUM = "row-sum-mismatch"
SUBTOTAL = "subtotal-mismatch"
TOTAL = "total-mismatch"
ROUNDING = "rounding-difference"

_SUMS: "Key[list[Sum]]" = Key("amounts.sums")
_SUBTOTALS: "Key[dict[int, list[Sum]]]" = Key("amounts.subtotals-by-unit")
_ZERO = Decimal(0)
_HALF_CENT = Decimal("0.005")
_THREE_CENTS = Decimal("0.03")

# --------------------------------------------------------------------------
# Banding: the one judgement every sum shares

BandKind = Literal["none", "rounding", "unlikely", "mismatch"]
Mode = Literal["banded", "interval", "exact"]
MODES: tuple[str, ...] = ("banded", "interval", "exact")


def sigma(n: int) -> Decimal:
    """σ of the rounding gap of a sum of ``n`` parts against its total:
    ``0.01 * sqrt((n + 1) / 12)`` (``n + 1`` values, each off by a uniform
    error on ±0.005)."""
    with localcontext() as context:
        context.prec = 28
        return Decimal("0.01") * (Decimal(n + 1) / 12).sqrt()


def plausible_gap(n: int) -> Decimal:
    """3σ: the gap rounding plausibly explains."""
    with localcontext() as context:
        context.prec = 28
        return _THREE_CENTS * (Decimal(n + 1) / 12).sqrt()


def hard_bound(n: int) -> Decimal:
    """``0.005 * (n + 1)``: beyond it the intervals of the total and its
    parts cannot overlap, so rounding cannot explain the gap at all."""
    return _HALF_CENT * (n + 1)


class Band(NamedTuple):
    """How a gap between a printed total and the sum of its ``n`` parts is
    judged. ``limit`` is the largest gap the mode calls rounding."""

    kind: BandKind
    gap: Decimal
    n: int
    plausible: Decimal
    bound: Decimal
    limit: Decimal


def band(gap: Decimal, n: int, mode: str = "banded", tolerance: Decimal | None = None) -> Band:
    """Judge ``gap`` (printed total − sum of ``n`` printed parts).

    ``banded``: rounding up to 3σ (capped at the hard bound), unlikely up to
    the hard bound, mismatch beyond. With one part or none, the total is a
    copy of its part (or of nothing): rounding the same number twice gives the
    same figure, so no gap is rounding there, nor unlikely rounding: every gap
    is a mismatch.
    ``interval``: rounding up to the hard bound, mismatch beyond.
    ``exact``: every gap is a mismatch.
    ``tolerance`` (when given, whatever the mode): rounding up to it,
    mismatch beyond.
    """
    gap = abs(gap)
    plausible = plausible_gap(n)
    bound = hard_bound(n)
    if tolerance is not None:
        limit = max(tolerance, _ZERO)
    elif mode == "exact":
        limit = _ZERO
    elif mode == "interval":
        limit = bound
    else:
        limit = min(plausible, bound) if n >= 2 else _ZERO
    if gap == 0:
        kind: BandKind = "none"
    elif gap <= limit:
        kind = "rounding"
    elif tolerance is None and mode == "banded" and n >= 2 and gap <= bound:
        kind = "unlikely"
    else:
        kind = "mismatch"
    return Band(kind, gap, n, plausible, bound, limit)


# --------------------------------------------------------------------------
# The sums of a document, computed once

Level = Literal["row", "unit", "document"]


class Sum(NamedTuple):
    """One printed total against the sum of its printed parts."""

    rule: str
    level: Level
    column: str
    unit: Unit | None
    project: Project | None
    name: Text
    """The row's name: where a blank total is reported."""
    total: Amount | None
    parts: str
    """For a row sum, the columns added (``财政拨款 + 其他资金``)."""
    of_projects: bool
    """For 合计: summed over projects (a table without unit rows)."""
    computed: Decimal
    band: Band
    blank: bool
    """The total cell is blank while its parts add up to something."""
    scale: Decimal = Decimal(1)
    """Printed units per 万元: 10000 for a table in 元 (its figures, gap and
    rounding bounds are given in 元, as it prints them)."""
    written: int = 0
    """How many parts are written, ``0.00`` included; the band counts only
    the parts that are not exactly zero (a ``0.00`` is no rounded figure)."""


def _options(ctx: Context, rule_id: str) -> dict[str, Any]:
    """Options of ``rule_id`` (one of this family) in the configuration in effect."""
    return ctx.config.setting(rule_id).options


def _judge(
    ctx: Context, rule_id: str, scale: Decimal = Decimal(1)
) -> Callable[[Decimal, int], Band]:
    """The judgement of a rule's gaps (in 万元), made in the table's printed
    unit (``scale`` per 万元): a table in 元 rounds to 0.01 元, not 0.01 万元."""
    options = _options(ctx, rule_id)
    mode = options.get("mode", "banded")
    raw = options.get("tolerance")
    tolerance = None if raw is None else Decimal(str(raw)) * scale

    def judge(gap: Decimal, n: int) -> Band:
        return band(gap * scale, n, mode, tolerance)

    return judge


def _missing_total(amounts: Amounts) -> bool:
    return amounts.total is None and any(amounts.get(c) is not None for c in SOURCE_COLUMNS)


Summed = tuple[Decimal, int, int]
"""A sum of printed parts: the sum, how many parts are not exactly zero (the
parts that carry rounding) and how many are written."""


def _parts_sum(values: Iterable[Decimal]) -> Summed:
    """The sum of printed parts. A part of exactly ``0.00`` (a template's 其他资金,
    a project with nothing this year) is no rounded figure: nothing rounds
    to it but an amount under 50 元, which no budget line is. It adds nothing
    and no rounding error, so a 总计 beside one real source and a ``0.00`` is
    a copy of that source, as when the ``0.00`` is blank."""
    listed = list(values)
    return sum(listed, _ZERO), sum(1 for v in listed if v != 0), len(listed)


def _column_sum(items: Iterable[Amounts], column: str) -> Summed | None:
    """Sum and counts of the printed cells of ``column``; None when one of them
    cannot be added (not a number, or a 总计 left blank beside filled sources)."""
    values: list[Decimal] = []
    for amounts in items:
        amount = amounts.get(column)
        if amount is None:
            if column == "total" and _missing_total(amounts):
                return None
            continue
        value = amount_value(amount)
        if value is None:
            return None  # not a number or negative: amount-format reports it
        values.append(value)
    return _parts_sum(values)


def _against(
    rule_id: str,
    level: Level,
    column: str,
    unit: Unit | None,
    project: Project | None,
    name: Text,
    total: Amount | None,
    summed: Summed | None,
    judge: Callable[[Decimal, int], Band],
    parts: str = "",
    of_projects: bool = False,
) -> Sum | None:
    if summed is None:
        return None
    computed, n, written = summed
    if total is None:
        if written == 0 or computed == 0:
            return None
        printed = _ZERO
    else:
        value = amount_value(total)
        if value is None:
            return None
        printed = value
    if printed == computed:
        return None
    result = judge(printed - computed, n)
    if result.kind == "none":
        return None
    return Sum(
        rule_id,
        level,
        column,
        unit,
        project,
        name,
        total,
        parts,
        of_projects,
        computed,
        result,
        blank=total is None,
        written=written,
    )


_YUAN_PER_WAN = Decimal(10000)


def _printed_scale(document: Document) -> Decimal:
    """Printed units per 万元: 10000 when the table prints its amounts in 元."""
    for _unit, _project, _name, amounts in amount_rows(document):
        for column in AMOUNT_COLUMNS:
            amount = amounts.get(column)
            if amount is not None:
                return _YUAN_PER_WAN if amount.unit == "元" else Decimal(1)
    return Decimal(1)


def _compute(ctx: Context) -> list[Sum]:
    document = ctx.document
    sums: list[Sum] = []
    scale = _printed_scale(document)
    judge_row = _judge(ctx, ROW_SUM, scale)
    judge_unit = _judge(ctx, SUBTOTAL, scale)
    judge_total = _judge(ctx, TOTAL, scale)

    # 总计 = 财政拨款 + 财政专户拨款 + 其他资金 (+ 上年结转), row by row.
    for unit, project, name, amounts in amount_rows(document):
        total = amounts.total
        present = [c for c in SOURCE_COLUMNS if amounts.get(c) is not None]
        printed = amount_value(total)
        if printed is None or not present:
            continue
        values = [v for v in (amount_value(amounts.get(c)) for c in present) if v is not None]
        if len(values) < len(present):
            continue  # a source not a number, or negative: amount-format reports it
        summed: Summed | None = _parts_sum(values)
        parts = " + ".join(AMOUNT_LABELS[c] for c in present)
        found = _against(
            ROW_SUM, "row", "total", unit, project, name, total, summed, judge_row, parts
        )
        if found is not None:
            sums.append(found)

    # Each unit's subtotal = the sum of its projects, column by column
    # (上年结转 too: a column whose cells are all blank is no sum).
    for unit in document.units:
        if unit.implicit:
            continue
        rows = [p.amounts for p in unit.projects]
        for column in AMOUNT_FIELDS:
            summed = _column_sum(rows, column)
            total = unit.amounts.get(column)
            found = _against(
                SUBTOTAL, "unit", column, unit, None, unit.name, total, summed, judge_unit
            )
            if found is not None:
                sums.append(found)

    # 合计 = the sum of the units (of the projects of a unit without a subtotal
    # row); in a file of several tables, each 合计 the sum of its own units.
    for grand in document.totals:
        units = document.units if grand.units is None else document.units[slice(*grand.units)]
        if not units:
            continue
        parts_rows: list[Amounts] = []
        for unit in units:
            if unit.implicit:
                parts_rows.extend(p.amounts for p in unit.projects)
            else:
                parts_rows.append(unit.amounts)
        of_projects = all(u.implicit for u in units)
        for column in AMOUNT_FIELDS:
            summed = _column_sum(parts_rows, column)
            if summed is not None and _hidesmoney_text(units, column):
                summed = None
            total = grand.amounts.get(column)
            name = grand.name
            found = _against(
                TOTAL,
                "document",
                column,
                None,
                None,
                name,
                total,
                summed,
                judge_total,
                of_projects=of_projects,
            )
            if found is not None:
                sums.append(found)
    if scale != 1:
        sums = [item._replace(scale=scale) for item in sums]
    return sums


def _hidesmoney_text(units: Sequence[Unit], column: str) -> bool:
    """A unit's subtotal cell is blank while its projects fill the column:
    ``subtotal-mismatch`` reports it; 合计 against that blank would repeat it."""
    for unit in units:
        if unit.implicit or unit.amounts.get(column) is not None:
            continue
        if any(p.amounts.get(column) is not None for p in unit.projects):
            return True
    return False


def sums(ctx: Context) -> list[Sum]:
    """Every sum of the document whose gap is not zero (cached per document)."""
    return ctx.memo.get(_SUMS, lambda: _compute(ctx))


def _subtotals_by_unit(ctx: Context) -> dict[int, list[Sum]]:
    """The subtotal sums of each unit (by identity), indexed once per
    document so that checking every unit stays linear in their number."""

    def index() -> dict[int, list[Sum]]:
        found: dict[int, list[Sum]] = {}
        for item in sums(ctx):
            if item.rule == SUBTOTAL:
                found.setdefault(id(item.unit), []).append(item)
        return found

    return ctx.memo.get(_SUBTOTALS, index)


# --------------------------------------------------------------------------
# Turning sums into problems


def _args(item: Sum) -> dict[str, Any]:
    result = item.band
    n = result.n
    scale = item.scale
    return {
        "column": AMOUNT_LABELS[item.column],
        "total": money_text(item.total.value * scale)
        if item.total is not None and item.total.value is not None
        else "",
        "sum": money_text(item.computed * scale),
        "gap": money_text(result.gap),
        "n": n,
        "written": item.written or n,
        "parts": item.parts,
        "plausible": f"{result.plausible:.3f}",
        "bound": f"{result.bound:.3f}",
        "limit": f"{result.limit:.3f}",
    }


def _located(item: Sum, key: str, at_most: Severity | None) -> Problem:
    field = f"amount.{item.column}"
    if item.total is None:
        return Problem(item.name.span(), key=key, args=_args(item), field=field, at_most=at_most)
    return Problem(
        item.total.text.span(),
        key=key,
        args=_args(item),
        field=field,
        excerpt=item.total.text.value,
        at_most=at_most,
    )


def _mismatches(ctx: Context, rule_id: str, selected: Iterable[Sum]) -> Iterator[Problem]:
    options = _options(ctx, rule_id)
    for item in selected:
        kind = item.band.kind
        prefix = "projects-" if item.of_projects else ""
        if item.blank:  # money under a blank total is never rounding
            yield _located(item, prefix + "blank", None)
            continue
        if kind not in ("unlikely", "mismatch"):
            continue
        total = None if item.total is None else amount_value(item.total)
        if (
            item.project is not None
            and item.project.sources_partial
            and total is not None
            and item.computed < total
        ):
            # 其中：财政拨款 on a form with no line for other funds: the rest of
            # 总计 is funds the form does not name, a gap to explain, no typo
            yield _located(item, "partial", "warning")
            continue
        if options.get("tolerance") is not None:
            key = "tolerance"
        elif options.get("mode") == "exact":
            key = "exact"
        elif item.band.n <= 1 and item.written > 1:
            key = "copy"  # the other parts are 0.00
        elif item.band.n <= 1:
            key = "single" if item.written else "empty"
        else:
            key = "unlikely" if kind == "unlikely" else "default"
        yield _located(item, prefix + key, "warning" if kind == "unlikely" else None)


def _mismatch_messages(
    subject: tuple[str, str],
    parts: tuple[str, str],
    single: tuple[str, str],
    prefix: str = "",
) -> dict[str, tuple[str, str]]:
    """The messages of a mismatch rule: one per band and mode; ``single``
    names the one part of a sum of one."""
    zs, es = subject
    zp, ep = parts
    z1, e1 = single
    return {
        prefix + "default": (
            f"{zs}{{total}} 不等于{zp}之和 {{sum}}：相差 {{gap}}，"
            f"超出 {{n}} 项舍入误差的上限 {{bound}}，不是舍入造成的，请核对",
            f"{es} {{total}} is not the sum of {ep}, {{sum}}: off by {{gap}}, beyond what "
            f"rounding {{n}} parts can produce ({{bound}}); check the figures",
        ),
        prefix + "unlikely": (
            f"{zs}{{total}} 与{zp}之和 {{sum}} 相差 {{gap}}：超出 {{n}} 项舍入误差的"
            f"合理范围 {{plausible}}（3σ，上限 {{bound}}），不太可能是舍入误差，请核对",
            f"{es} {{total}} differs from the sum of {ep}, {{sum}}, by {{gap}}: unlikely to be "
            f"rounding ({{n}} parts: 3σ = {{plausible}}, hard bound {{bound}}); check the figures",
        ),
        prefix + "exact": (
            f"{zs}{{total}} 不等于{zp}之和 {{sum}}：相差 {{gap}}（按精确相等核对）",
            f"{es} {{total}} is not the sum of {ep}, {{sum}}: off by {{gap}} "
            f"(checked for exact equality)",
        ),
        prefix + "tolerance": (
            f"{zs}{{total}} 不等于{zp}之和 {{sum}}：相差 {{gap}}，超出容差 {{limit}}",
            f"{es} {{total}} is not the sum of {ep}, {{sum}}: off by {{gap}}, "
            f"more than the tolerance {{limit}}",
        ),
        prefix + "blank": (
            f"{zs.strip()}为空，但{zp}之和为 {{sum}}：应填写 {{sum}}",
            f"{es} is blank but {ep} add up to {{sum}}: expected {{sum}}",
        ),
        prefix + "single": (
            f"{zs}{{total}} 与{z1} {{sum}} 相差 {{gap}}：只有一项时两者应完全相等，"
            f"不是舍入误差，请核对",
            f"{es} {{total}} differs from {e1}, {{sum}}, by {{gap}}: with a single part the "
            f"two must be equal, rounding cannot explain it; check the figures",
        ),
        prefix + "copy": (
            f"{zs}{{total}} 与{zp}之和 {{sum}} 相差 {{gap}}：其中只有一项不是 0.00，"
            f"两者应完全相等，不是舍入误差，请核对",
            f"{es} {{total}} differs from the sum of {ep}, {{sum}}, by {{gap}}: only one of "
            f"them is not 0.00, so the two must be equal; rounding cannot explain it; "
            f"check the figures",
        ),
        prefix + "empty": (
            f"{zs}{{total}} 没有对应的明细：下级各行都没有填写{{column}}，请核对",
            f"{es} {{total}} has nothing under it: no row below fills {{column}}; "
            f"check the figures",
        ),
    }


_MODE_OPTIONS: dict[str, Option] = {
    "mode": Option(
        MODES,
        "banded",
        "banded: within 3σ is rounding, up to the hard bound a warning, beyond an error; "
        "interval: anything within the hard bound 0.005×(n+1) is rounding; "
        "exact: any gap is a mismatch",
    ),
    "tolerance": Option(
        "number",
        None,
        "an absolute tolerance in 万元 (e.g. 0.05): when set, gaps up to it are rounding, "
        "larger gaps are mismatches, whatever the mode",
    ),
}


# --------------------------------------------------------------------------
# The rules


@rule(
    ROW_SUM,
    severity="error",
    scope="document",
    messages={
        **_mismatch_messages(("总计 ", "总计"), ("{parts} ", "{parts}"), ("{parts}", "{parts}")),
        "partial": (
            "总计 {total} 比其中列明的{parts} {sum} 多 {gap}：表中没有其他资金一栏，"
            "差额的资金来源没有列明，请补列或核对",
            "总计 {total} is {gap} more than the {parts} it names ({sum}): the form has "
            "no line for other funds, so where the rest comes from is not stated",
        ),
    },
    options=dict(_MODE_OPTIONS),
    doc_zh="""
    同一行中总计不等于财政拨款 + 财政专户拨款 + 其他资金。

    检查内容
    --------
    在每一个有金额的行（合计行、各单位小计行、各项目行）检查总计是否等于已填写的各资金来源之和
    （表格有上年结转栏或上年结转项时，上年结转也是一个来源）。空白单元格视为未填，不当作零。
    只有总计（或总计为空）的行无可相加，由 amount-format 报告。
    差额按舍入误差判断（见 rounding-difference）：填了 n 个来源栏时，3σ = 0.03 × √((n + 1) / 12)
    以内是舍入；超过 3σ 但在硬性上限 0.005 × (n + 1) 以内报告为警告（「不太可能是舍入」）；超过
    上限报告为错误。只有一个来源栏时总计就是它的复制，舍入解释不了任何差额：差 0.01 也为错误。
    恰为 0.00 的来源栏（申报表常把其他资金印成 0.00）不计入 n：没有的钱不是舍入出来的数，不带舍入
    误差；财政拨款 960.00、其他资金 0.00 时，总计 960.01 同样是错误。申报表只列「资金总额」和
    「其中：财政拨款」、没有其他资金一栏时，财政拨款只是总额的一部分：少于总额的，说明差额的来源
    没有列明，降为警告；超过总额的照常报告。

    为什么有问题
    ------------
    总计按定义就是各资金来源之和。对不上的行，要么某个单元格录错，要么漏了一个来源栏；读者无法
    判断哪个数是对的。

    示例
    ----
    错误（10.00 + 8.30 = 18.30）：

        就业见习补贴 | 20.30 | 10.00 |  | 8.30

    正确：

        就业见习补贴 | 18.30 | 10.00 |  | 8.30

    选项
    ----
    mode：banded（默认，按舍入误差分级）、interval 或 exact。
    tolerance：默认无；设定后以绝对容差（万元，如 0.05）代替分级。
    """,
)
def row_sum_mismatch(ctx: Context, document: Document) -> Iterator[Problem]:
    """总计 is not 财政拨款 + 财政专户拨款 + 其他资金 in a row.

    What it does:
        Checks, in every row with amounts (合计, each unit's subtotal row, each
        project), that 总计 equals the sum of the source columns that are
        filled (上年结转 is one where the table states it). Blank cells are
        absent, not zero. A row whose 总计 is the only
        amount (or is blank) has nothing to add up: `amount-format` reports it.
        The gap is judged against rounding like every sum (see
        `rounding-difference`): with n filled source columns, rounding
        explains up to 3σ = 0.03 × √((n + 1) / 12); beyond that, up to the hard
        bound 0.005 × (n + 1), the finding is a warning ("unlikely to be
        rounding"); beyond the hard bound, an error. With a single source
        column 总计 is a copy of it and rounding explains no gap: 0.01 is an
        error too. A source of exactly 0.00 (a national form prints 其他资金
        as 0.00) is not counted in n: nothing was rounded to it, so 总计
        960.01 beside 财政拨款 960.00 and 其他资金 0.00 is an error as well.
        A form that states 资金总额 and ``其中：财政拨款`` only, with no line
        for other funds, names a part of the total: less than it is a
        warning that the rest's source is not stated, more than it is a
        mismatch as ever.
        Findings name the project (or the unit) of the row; on 合计 they name
        neither.

    Why is this bad?
        总计 is by definition the sum of the funding sources. A row that does
        not add up has a typo in one of its cells, or a source column was
        left out; readers of the published table cannot tell which figure is
        right.

    Example:
        Bad (10.00 + 8.30 = 18.30):
            `就业见习补贴 | 20.30 | 10.00 |  | 8.30`
        Good:
            `就业见习补贴 | 18.30 | 10.00 |  | 8.30`

    Options:
        mode: `banded` (default), `interval` or `exact`.
        tolerance: none by default; an absolute tolerance in 万元 (e.g. 0.05)
            replaces the bands when set.
    """
    selected = [s for s in sums(ctx) if s.rule == ROW_SUM]
    yield from attributed(
        ctx, ((s.unit, s.project, p) for s in selected for p in _mismatches(ctx, ROW_SUM, [s]))
    )


@rule(
    SUBTOTAL,
    severity="error",
    scope="unit",
    messages=_mismatch_messages(
        ("小计（{column}）", "subtotal ({column})"),
        ("其 {written} 个项目", "its {written} projects"),
        ("其唯一的项目", "its only project"),
    ),
    options=dict(_MODE_OPTIONS),
    doc_zh="""
    单位小计不等于其各项目之和。

    检查内容
    --------
    对每个有小计行的单位（资金使用单位）和每个金额栏（总计、财政拨款、财政专户拨款、其他资金，
    表格有上年结转栏时也包括上年结转），
    比较小计与该单位各项目该栏之和。空白单元格视为未填：小计和各项目都空白的栏不检查；项目填了而
    小计空白的算不一致。差额按舍入误差判断：n 个项目填了该栏时，3σ = 0.03 × √((n + 1) / 12) 以内
    是舍入（由 rounding-difference 提示）；超过 3σ 但在硬性上限 0.005 × (n + 1) 以内为警告；超过
    上限为错误。只有一个项目的单位，小计就是它的复制，舍入解释不了差额：差 0.01 也为错误。
    该栏恰为 0.00 的项目不计入 n（不带舍入误差），只剩一个非零项目时同样按复制核对。
    没有单位行的表格由 total-mismatch 检查。

    为什么有问题
    ------------
    小计是单位预算的合计；不等于其项目之和，说明某个项目金额或小计录错了，或者漏了项目、重复计算
    了项目。

    示例
    ----
    错误（各项目之和为 2,709.63；差 0.10 超出舍入范围）：

        广州市人力资源市场服务中心 | 2,709.73 | 2,709.73

    正确（11 个项目相差 0.01 属于舍入）：

        广州市人力资源市场服务中心 | 2,709.62 | 2,709.62

    选项
    ----
    mode：banded（默认）、interval 或 exact。
    tolerance：默认无；设定后以绝对容差（万元）代替分级。
    """,
)
def subtotal_mismatch(ctx: Context, unit: Unit) -> Iterator[Problem]:
    """A unit's subtotal is not the sum of its projects.

    What it does:
        For each unit (资金使用单位) with a subtotal row, and each amount column
        (总计, 财政拨款, 财政专户拨款, 其他资金, and 上年结转 where the table has
        it), compares the subtotal with the sum
        of the column over the unit's projects. Blank cells are absent: a
        column blank in the subtotal and in every project is not checked; a
        subtotal left blank over projects that fill the column is a mismatch.
        The gap is judged against rounding: with n projects filling the
        column, rounding explains up to 3σ = 0.03 × √((n + 1) / 12) (reported
        by `rounding-difference`, info); beyond that, up to the hard bound
        0.005 × (n + 1), a warning ("unlikely to be rounding"); beyond the
        hard bound, an error. A unit of a single project copies it: rounding
        explains no gap there, and 0.01 is an error too. A project of exactly
        0.00 in the column carries no rounding error and is not counted in n:
        beside one other project the subtotal copies that one. Projects without a
        unit row (a table without subtotals) are checked by `total-mismatch`
        instead.

    Why is this bad?
        The subtotal is what the unit's budget adds up to; when it is not the
        sum of its projects, a project amount or the subtotal is wrong, or a
        project is missing or counted twice.

    Example:
        Bad (the projects add up to 2,709.63; 0.10 is beyond rounding):
            `广州市人力资源市场服务中心 | 2,709.73 | 2,709.73`
        Good (0.01 off over 11 projects is rounding):
            `广州市人力资源市场服务中心 | 2,709.62 | 2,709.62`

    Options:
        mode: `banded` (default), `interval` or `exact`.
        tolerance: none by default; an absolute tolerance in 万元 (e.g. 0.05)
            replaces the bands when set.
    """
    yield from _mismatches(ctx, SUBTOTAL, _subtotals_by_unit(ctx).get(id(unit), ()))


@rule(
    TOTAL,
    severity="error",
    scope="document",
    messages={
        **_mismatch_messages(
            ("合计（{column}）", "合计 ({column})"),
            (" {written} 个单位小计", "the {written} unit subtotals"),
            ("唯一的单位小计", "the only unit subtotal"),
        ),
        **_mismatch_messages(
            ("合计（{column}）", "合计 ({column})"),
            (" {written} 个项目", "the {written} projects"),
            ("唯一的项目", "the only project"),
            "projects-",
        ),
    },
    options=dict(_MODE_OPTIONS),
    doc_zh="""
    合计不等于各单位之和。

    检查内容
    --------
    对每个金额栏（表格有上年结转栏时也包括上年结转），比较合计行与各单位小计之和（没有单位行的表格，与各项目之和）。空白单元格视为
    未填。差额按舍入误差判断：n 个组成部分时，3σ = 0.03 × √((n + 1) / 12) 以内是舍入（由
    rounding-difference 提示）；硬性上限 0.005 × (n + 1) 以内为警告；超过为错误。恰为 0.00 的组成
    部分不带舍入误差，不计入 n。某单位小计空白而
    其项目填了该栏时，由 subtotal-mismatch 报告，合计的该栏不再检查。一个文件里有几张表、各有
    合计时，每个合计只与本表的单位比较（合计在表头下时，是它与下一个合计之间的单位；合计在表尾时，
    是它与上一个合计之间的单位）。

    为什么有问题
    ------------
    合计是公开的部门预算总额；不等于各单位之和，说明漏了单位、重复计算了单位，或某个数录错了。

    示例
    ----
    错误（各单位之和为 746,104.11）：

        合计 | 746,204.10 | 738,673.69 |  | 7,530.41

    正确（17 个单位相差 0.01 属于舍入）：

        合计 | 746,104.10 | 738,573.69 |  | 7,530.41

    选项
    ----
    mode：banded（默认）、interval 或 exact。
    tolerance：默认无；设定后以绝对容差（万元）代替分级。
    """,
)
def total_mismatch(ctx: Context, document: Document) -> Iterator[Problem]:
    """合计 is not the sum of the units.

    What it does:
        For each amount column (上年结转 too, where the table has it),
        compares the 合计 row with the sum of the
        units' subtotals (in a table without unit rows, with the sum of the
        projects). Blank cells are absent. The gap is judged against rounding
        like every sum: with n parts, rounding explains up to
        3σ = 0.03 × √((n + 1) / 12) (reported by `rounding-difference`, info);
        up to the hard bound 0.005 × (n + 1) a warning; beyond it an error.
        A part of exactly 0.00 carries no rounding error and is not counted
        in n. When a unit's subtotal is blank over projects that fill the column,
        `subtotal-mismatch` reports it and this column of 合计 is not checked.
        In a file of several tables, each with its 合计, each 合计 is
        compared with its own table's units: those down to the next 合计
        when it heads its table, those up from the 合计 before when it
        stands at the foot.

    Why is this bad?
        合计 is the department's whole budget as published; when it is not the
        sum of its units, a unit is missing, counted twice, or a figure was
        mistyped.

    Example:
        Bad (the units add up to 746,104.11):
            `合计 | 746,204.10 | 738,673.69 |  | 7,530.41`
        Good (0.01 off over 17 units is rounding):
            `合计 | 746,104.10 | 738,573.69 |  | 7,530.41`

    Options:
        mode: `banded` (default), `interval` or `exact`.
        tolerance: none by default; an absolute tolerance in 万元 (e.g. 0.05)
            replaces the bands when set.
    """
    yield from _mismatches(ctx, TOTAL, (s for s in sums(ctx) if s.rule == TOTAL))


@rule(
    ROUNDING,
    severity="info",
    scope="document",
    messages={
        "row": (
            "总计 {total} 与{parts} 之和 {sum} 相差 {gap}，在 {n} 项舍入误差的范围 {limit} 之内："
            "是舍入差异，不是错误",
            "总计 {total} differs from {parts}, {sum}, by {gap}: within what rounding {n} "
            "parts explains ({limit}); rounding, not an error",
        ),
        "unit": (
            "小计（{column}）{total} 与其 {written} 个项目之和 {sum} 相差 {gap}，"
            "在舍入误差范围 {limit} 之内：是舍入差异，不是错误",
            "subtotal ({column}) {total} differs from the sum of its {written} projects, "
            "{sum}, by {gap}: within what rounding explains ({limit}); rounding, not an error",
        ),
        "document": (
            "合计（{column}）{total} 与 {written} 个单位小计之和 {sum} 相差 {gap}，在舍入误差范围 "
            "{limit} 之内：是舍入差异，不是错误",
            "合计 ({column}) {total} differs from the sum of the {written} unit subtotals, "
            "{sum}, by {gap}: within what rounding explains ({limit}); rounding, not an error",
        ),
        "document-projects": (
            "合计（{column}）{total} 与 {written} 个项目之和 {sum} 相差 {gap}，在舍入误差范围 "
            "{limit} 之内：是舍入差异，不是错误",
            "合计 ({column}) {total} differs from the sum of the {written} projects, {sum}, by "
            "{gap}: within what rounding explains ({limit}); rounding, not an error",
        ),
    },
    options={
        "rows": Option("bool", True, "report rounding differences of 总计 against its sources"),
        "subtotals": Option("bool", True, "report rounding differences of unit subtotals"),
        "grand_total": Option("bool", True, "report rounding differences of 合计"),
    },
    doc_zh="""
    合计与各部分之和的差额可以由舍入解释。

    检查内容
    --------
    金额以万元为单位、保留两位小数，各自独立四舍五入，所以印出的合计可能与印出的各部分之和相差
    几分钱。差额在 3σ（σ = 0.01 × √((n + 1) / 12)，n 为部分的个数）以内的，在这里作为提示报告，
    而不报告为不一致；三个求和规则（row-sum-mismatch、subtotal-mismatch、total-mismatch）认定为
    舍入的差额，正是本规则报告的差额，两者从不矛盾。

    为什么有问题
    ------------
    这不是问题：它告诉审核人员这些数已经核对过、差额是舍入造成的，免得有人去改一个本来正确的
    小计。希望每行、每个小计都严格相等（把某个数调整 0.01）的部门，可以把它当作待办清单。

    示例
    ----
    舍入（11 个项目之和为 2,709.63；0.01 ≤ 3σ = 0.030）：

        广州市人力资源市场服务中心 | 2,709.62 | 2,709.62

    严格相等，不报告：

        广州市技师学院 | 12,721.29 | 12,721.29

    选项
    ----
    rows：报告总计与各来源之间的舍入（默认 true）。
    subtotals：报告单位小计的舍入（默认 true）。
    grand_total：报告合计的舍入（默认 true）。
    """,
)
def rounding_difference(ctx: Context, document: Document) -> Iterator[Problem]:
    """A total differs from the sum of its parts by what rounding explains.

    What it does:
        Reports, as information, every printed total (a row's 总计, a unit's
        subtotal, 合计) that differs from the sum of its printed parts by a gap
        rounding explains. Published figures are rounded to 0.01 independently:
        each stands for [v − 0.005, v + 0.005]. With n parts, σ = 0.01 ×
        √((n + 1) / 12), and a gap up to 3σ (0.03 for 11 parts, 0.031 for 12,
        0.11 for 165), never beyond the hard bound 0.005 × (n + 1), is rounding.
        Which gaps count as rounding follows the `mode` and `tolerance` of the
        mismatch rule of the same sum (`row-sum-mismatch`,
        `subtotal-mismatch`, `total-mismatch`): exactly the gaps that rule
        does not report. Row sums are reported too: a row's sources are
        rounded independently as well, so 总计 may be off by 0.01 from two or
        three sources (never from one: 总计 is then a copy of it).

    Why is this bad?
        It is not: it tells the reviewer that the figures were checked and the
        difference is rounding, so nobody corrects a subtotal that is right.
        Departments that want every row and subtotal to add up exactly
        (adjusting one figure by 0.01) can use it as a to-do list.

    Example:
        Rounding (11 projects add up to 2,709.63; 0.01 ≤ 3σ = 0.030):
            `广州市人力资源市场服务中心 | 2,709.62 | 2,709.62`
        Exact, nothing reported:
            `广州市技师学院 | 12,721.29 | 12,721.29`

    Options:
        rows: true — report rounding of 总计 against its sources.
        subtotals: true — report rounding of unit subtotals.
        grand_total: true — report rounding of 合计.
    """
    wanted = {
        "row": bool(ctx.options.get("rows", True)),
        "unit": bool(ctx.options.get("subtotals", True)),
        "document": bool(ctx.options.get("grand_total", True)),
    }

    def problems() -> Iterator[tuple[Unit | None, Project | None, Problem]]:
        for item in sums(ctx):
            if item.band.kind != "rounding" or item.blank or not wanted[item.level]:
                continue
            key = "document-projects" if item.of_projects else item.level
            yield item.unit, item.project, _located(item, key, None)

    yield from attributed(ctx, problems())
