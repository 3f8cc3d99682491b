"""The weights (权重/分值) of a project's indicators against the stated total."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from audit.engine import Context, Option, Problem, rule
from audit.facts import Key
from audit.model import Project, Text

_WEIGHT_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:%|％|分)?\s*$")
_TOTALS = (100, 90)


def weight(text: Text) -> Decimal | None:
    """A weight cell's number (``20``, ``20%``, ``20分``, ``33.3``); None
    when the cell holds no number."""
    match = _WEIGHT_RE.match(text.value)
    if match is None:
        return None
    try:
        return Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern admits numbers only
        return None


def rounding(weights: list[Decimal]) -> Decimal:
    """How far a sum of printed weights can honestly be from its total:
    half a unit of the last printed digit of each weight that has decimals
    (``33.33`` stands for 33.325 to 33.335). Whole weights are chosen whole,
    not rounded: their sum must be exact."""
    slack = Decimal(0)
    for value in weights:
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            slack += Decimal(5).scaleb(exponent - 1)
    return slack


def _plain(value: Decimal) -> str:
    """A Decimal as printed: ``100``, ``99.9``, never ``1E+2``."""
    return format(value.normalize(), "f")


@rule(
    "weight-sum",
    severity="warning",
    scope="project",
    group="amounts",
    options={
        "totals": Option(
            "list[money]",
            [str(total) for total in _TOTALS],
            "the totals a project's weights may add up to",
        ),
    },
    messages={
        "default": (
            "{count}条指标的权重合计{sum}，不等于总分{expected}（相差{difference}）",
            "the weights of {count} indicators add up to {sum}, not the total of "
            "{expected} (off by {difference})",
        ),
        "stated": (
            "{count}条指标的权重合计{sum}，不等于表中写明的总分{expected}（相差{difference}）",
            "the weights of {count} indicators add up to {sum}, not the total of {expected} "
            "the table states (off by {difference})",
        ),
        "table": (
            "{count}条指标的权重合计{sum}，不等于本表其他{others}个项目的总分{expected}"
            "（相差{difference}）",
            "the weights of {count} indicators add up to {sum}, not {expected} as those of the "
            "table's other {others} projects do (off by {difference})",
        ),
        "missing": (
            "第{numbers_zh}条指标没有填写权重，其余{count}条合计{sum}",
            "indicator {numbers_en} has no weight; the other {count} add up to {sum}",
        ),
        "not-a-number": (
            "第{number}条指标的权重「{text}」不是数字",
            "the weight of indicator {number}, “{text}”, is not a number",
        ),
    },
    doc_zh="""
    项目各指标的权重（分值）合计不等于总分。

    检查内容
    --------
    全国通用格式的清单有「权重」（或「分值」）列。一个项目只要有一条指标填了权重，就把各条指标的
    权重（20、20%、20分）用十进制精确相加，与表中写明的总分（「合计」「总分」行的权重栏）比较，
    没有写明时，表中其他项目（至少两个）的整数权重都恰好合计为 totals 中同一个总分的，与这个总分
    比较（其他项目都是 100 时，一个合计 90 的项目是输错了，不是留出 10 分；其他项目都是 90 时，
    合计 100 的项目不据此判断），否则与 totals 中的
    总分（默认 100 或 90）比较；不等于其中任何一个时报告一次，说明合计
    和相差多少。带小数的权重按印出的位数舍入（33.33 代表 33.325 到 33.335），相差不超过各自舍入
    误差之和的不报告；整数权重必须恰好相加。有的指标填了权重、有的
    没填时报告漏填的指标；不是数字的权重单独报告。权重列整列为空的表格不检查。

    为什么有问题
    ------------
    权重决定年终自评时每条指标占多少分。合计不是总分，评价得分就不可比：多出的分数让项目更容易
    得高分，缺少的分数让满分无法达到。常见的原因是增删指标后没有调整权重，或某个权重输错。

    示例
    ----
    错误：

        养护里程 30 | 路面优良率 30 | 群众出行条件 30 | 沿线群众满意度 30   （合计 120）

    正确：

        养护里程 30 | 路面优良率 20 | 群众出行条件 20 | 沿线群众满意度 30   （合计 100）

    选项
    ----
    totals：权重可以相加得到的总分，默认 ["100", "90"]（自评表常把 10 分留给预算执行率）。
    """,
)
def weight_sum(ctx: Context, project: Project) -> Iterator[Problem]:
    """The weights of a project's indicators do not add up to the total.

    What it does
    ------------
    The national list has a 权重 (or 分值) column. When any indicator of a
    project has a weight, adds the weights (``20``, ``20%``, ``20分``)
    exactly, in decimal, and compares the sum with the total the table
    states (the weight cell of a 合计 or 总分 row), else with the total
    the table's other projects settle on (at least two, whose whole weights
    all add up exactly to the same one of ``totals``: where they all make
    100, a project making 90 mistyped a weight, it kept no 10 points aside;
    a project making 100 among projects making 90 is not judged by them),
    else with the ``totals`` (100 or 90 by default); reports once when it is none of
    them, with the sum and the difference. Weights with decimals are
    rounded as printed (``33.33`` stands for 33.325 to 33.335): a sum
    within the sum of their rounding is not reported; whole weights must
    add up exactly. When some indicators
    have a weight and others none, reports those without; a weight that is
    not a number is reported on its own. A list whose weight column is
    blank throughout is not checked.

    Why is this bad?
    ----------------
    The weights decide how many points each indicator counts for in the
    year-end self-evaluation. A sum other than the total makes scores
    incomparable: extra points make a high score easier, missing ones make
    full marks impossible. Usually indicators were added or removed without
    adjusting the weights, or one weight was mistyped.

    Example
    -------
    Bad::

        养护里程 30 | 路面优良率 30 | 群众出行条件 30 | 沿线群众满意度 30   (sum 120)

    Good::

        养护里程 30 | 路面优良率 20 | 群众出行条件 20 | 沿线群众满意度 30   (sum 100)

    Options
    -------
    ``totals``: the totals the weights may add up to, by default
    ``["100", "90"]`` (self-evaluation forms often keep 10 points for the
    budget execution rate).
    """
    rows = [
        (number, cells)
        for number, cells in enumerate(project.cells, start=1)
        if not cells.is_total and (not cells.is_empty or "weight" in cells.extras)
    ]
    stated = [cells.extras["total"] for cells in project.cells if cells.is_total]
    written = [
        (number, cells.extras["weight"]) for number, cells in rows if "weight" in cells.extras
    ]
    if not written:
        return
    values: list[Decimal] = []
    for number, text in written:
        found = weight(text)
        if found is None:
            yield Problem(
                text.span(),
                key="not-a-number",
                args={"number": number, "text": text.value},
                clause=number,
                field="weight",
                excerpt=text.value,
            )
            return
        values.append(found)
    total = sum(values, Decimal(0))
    first = written[0][1]
    missing = [number for number, cells in rows if "weight" not in cells.extras]
    if missing:
        args = {
            "numbers_zh": "、".join(map(str, missing)),
            "numbers_en": ", ".join(map(str, missing)),
            "count": len(values),
            "sum": _plain(total),
        }
        yield Problem(first.span(), key="missing", args=args, field="weight", excerpt=first.value)
        return
    key = "default"
    totals = _totals(ctx.options["totals"])
    others: dict[str, int] = {}
    if stated:
        given = weight(stated[-1])
        if given is not None:
            key, totals, first = "stated", [given], stated[-1]
    else:
        settled = _table_total(ctx, project, totals)
        # only a total larger than this project's: a project that makes 100 among
        # projects that keep 10 points aside has kept none, it mistyped nothing
        if settled is not None and settled[0] > total:
            key, totals, others = "table", [settled[0]], {"others": settled[1]}
    slack = rounding(values)
    if any(abs(total - expected) <= slack for expected in totals):
        return
    expected = min(totals, key=lambda t: (abs(total - t), -t))
    yield Problem(
        first.span(),
        key=key,
        args={
            "count": len(values),
            "sum": _plain(total),
            "expected": _plain(expected),
            "difference": _plain(abs(total - expected)),
            **others,
        },
        field="weight",
        excerpt=first.value,
    )


_SUMS: Key[dict[int, tuple[Project, Decimal | None]]] = Key("amounts.weight-sums")


def _weight_sum(project: Project) -> Decimal | None:
    """The exact sum of a project's weights when every indicator has a
    number for one and no total is stated; else None."""
    if any(cells.is_total for cells in project.cells):
        return None
    values: list[Decimal] = []
    for cells in project.cells:
        if cells.is_empty and "weight" not in cells.extras:
            continue
        text = cells.extras.get("weight")
        found = None if text is None else weight(text)
        if found is None or found != found.to_integral_value():
            return None  # a weight missing, not a number, or rounded: settles nothing
        values.append(found)
    return sum(values, Decimal(0)) if values else None


def _table_total(
    ctx: Context, project: Project, totals: list[Decimal]
) -> tuple[Decimal, int] | None:
    """The total the table's other projects settle on: when at least two
    other projects weigh their indicators and every one adds up exactly to
    the same one of ``totals`` (all 100, or all 90), that total and how many
    they are. A table that mixes totals settles none."""
    sums = ctx.memo.get(_SUMS, dict)
    found: set[Decimal] = set()
    count = 0
    for other in ctx.document.projects:
        if other is project or not other.cells:
            continue
        known = sums.get(id(other))
        if known is None:
            known = sums[id(other)] = (other, _weight_sum(other))
        if known[1] is None:
            continue
        found.add(known[1])
        count += 1
    if count < 2 or len(found) != 1:
        return None
    (settled,) = found
    return (settled, count) if settled in totals else None


def _totals(configured: list[object]) -> list[Decimal]:
    """The configured totals as Decimals (validated by the configuration)."""
    return [item if isinstance(item, Decimal) else Decimal(str(item)) for item in configured]
