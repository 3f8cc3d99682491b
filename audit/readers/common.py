"""What every layout shares: cell cleaning, amounts, header columns, and
assembling rows into a :class:`~audit.model.Document`."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from audit.model import (
    AMOUNT_COLUMNS,
    Amount,
    Amounts,
    AnyClause,
    Document,
    GrandTotal,
    IndicatorCells,
    Layout,
    Markup,
    Project,
    Row,
    Source,
    Text,
    TextBuilder,
    Unit,
)
from audit.readers import Table

# Header cells, by column. A header is recognised by its first cell and at
# least three of the others; the order of columns comes from the header.
HEADER_CELLS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "项目名称（资金使用单位）", "项目名称(资金使用单位)"),
    "total": ("总计", "合计金额", "金额合计"),
    "fiscal": ("财政拨款",),
    "special": ("财政专户拨款", "财政专户管理资金"),
    "other": ("其他资金",),
    "goal": ("绩效目标", "年度绩效目标"),
    "indicators": ("绩效指标",),
}

TITLE_MARK = "绩效目标表"
ORGANIZATION_RE = re.compile(
    r"^\s*(部门名称|单位名称)\s*[：:]\s*(.*?)\s*(?:单位\s*[：:]\s*万元)?\s*$"
)
UNIT_OF_MEASURE_RE = re.compile(r"^\s*单位\s*[：:]\s*万元\s*$")
GRAND_TOTAL_NAMES = frozenset({"合计", "总计"})

# HTML residue in cells exported from web pages: tags and entities.
MARKUP_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|#\d+);")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}

AMOUNT_RE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_BLANK_AMOUNTS = frozenset({"", "-", "—", "－", "--"})


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map column names to indexes if ``cells`` is a header row."""
    if not cells or "项目名称" not in cells[0]:  # data rows: no cleaning of long cells
        return None
    stripped = [MARKUP_RE.sub("", c).strip().replace(" ", "") for c in cells]
    if not stripped[0].startswith("项目名称"):
        return None
    columns: dict[str, int] = {}
    for index, cell in enumerate(stripped):
        for key, names in HEADER_CELLS.items():
            if key not in columns and (cell in names or (key == "name" and index == 0)):
                columns[key] = index
                break
    return columns if len(columns) >= 4 else None


def heading(table: Table, line: str) -> bool:
    """Take a heading line (the title, 部门名称/单位名称, 单位：万元) into
    ``table``; True when ``line`` is one. Repeated page headings are skipped."""
    if TITLE_MARK in line:
        table.title = table.title or line
        return True
    match = ORGANIZATION_RE.match(line)
    if match:
        table.organization = table.organization or match.group(2) or None
        return True
    return UNIT_OF_MEASURE_RE.match(line) is not None


def row_from_cells(texts: dict[str, Text], markup: list[Markup], line: int) -> Row | None:
    """A row from its cleaned cells by column name; None without a name."""
    name = texts.get("name")
    if name is None or not name.value:
        return None
    goal = texts.get("goal")
    indicators = texts.get("indicators")
    return Row(
        name=name,
        amounts=amounts_from(texts),
        goal=goal if goal else None,
        indicators=indicators if indicators else None,
        line=line,
        markup=markup,
    )


def clean_cell(source: Source, start: int, raw: str) -> tuple[Text, list[Markup]]:
    """The text of a cell standing at ``start`` with markup removed (and
    recorded), surrounding white space trimmed."""
    if "<" not in raw and "&" not in raw:
        return Text(raw, source, ((0, start),)).strip(), []
    builder = TextBuilder(source)
    markup: list[Markup] = []
    position = 0
    for match in MARKUP_RE.finditer(raw):
        builder.add(raw[position : match.start()], start + position)
        token = match.group()
        replacement = _ENTITIES.get(token, "")
        if token.startswith("&#"):
            try:
                replacement = chr(int(token[2:-1]))
            except (ValueError, OverflowError):
                replacement = ""
        if replacement:
            builder.add(replacement, start + match.start())
        markup.append(Markup(token, source.span(start + match.start(), start + match.end())))
        position = match.end()
    builder.add(raw[position:], start + position)
    return builder.build().strip(), markup


def parse_amount(text: Text) -> Amount | None:
    """An amount cell; ``None`` when blank. Thousands separators are allowed;
    anything that is not a number keeps ``value=None`` for the format rule."""
    raw = text.value.replace(" ", "")
    if raw in _BLANK_AMOUNTS:
        return None
    if AMOUNT_RE.match(raw):
        try:
            return Amount(text, Decimal(raw.replace(",", "")))
        except InvalidOperation:
            pass
    return Amount(text, None)


def amounts_from(cells: dict[str, Text]) -> Amounts:
    return Amounts(**{c: parse_amount(cells[c]) for c in AMOUNT_COLUMNS if c in cells})


# Names of 资金使用单位: the unit rows of a table are organisations.
ORGANIZATION_NAME_RE = re.compile(
    r"(?:局|厅|委|委员会|办公室|办|中心|院|学院|学校|大学|医院|馆|站|所|队|处|部|社|会|"
    r"公司|集团|政府|街道|街道办事处|镇|乡)(?:（[^）]*）|\([^)]*\))?$"
)


def classify(rows: list[Row]) -> list[str]:
    """The kind of each row: ``total``, ``unit`` or ``project``.

    A reader that knows (the PDF layout, by indentation) sets ``Row.kind``.
    Otherwise a row is the grand total when it is named 合计, a project when
    it has a goal or indicators, and when it has neither it is a unit row
    (资金使用单位) only if it stands for the rows after it: their totals add up
    to its 总计 within rounding, or, when they do not (a wrong subtotal is
    for the amount rules to report), its name is an organisation's. A
    project whose goal and indicators are both still empty is thus not
    mistaken for a unit, and a unit keeps such a project among its own.
    """
    kinds: list[str | None] = [row.kind for row in rows]
    for index, row in enumerate(rows):
        if kinds[index] is not None:
            continue
        if row.name.value.replace(" ", "") in GRAND_TOTAL_NAMES and not row.indicators:
            kinds[index] = "total"
        elif row.goal or row.indicators:
            kinds[index] = "project"
    for index in range(len(rows)):
        if kinds[index] is None:
            kinds[index] = "unit" if _stands_for_rows_after(rows, kinds, index) else "project"
    return [kind or "project" for kind in kinds]


def _stands_for_rows_after(rows: list[Row], kinds: list[str | None], index: int) -> bool:
    """Whether an amounts-only row is the subtotal of the rows after it: the
    总计 of the next rows, up to a row that may start the next unit, add up
    to its 总计 within rounding (0.005 per part and one for the total)."""
    total = rows[index].amounts.value("total")
    if total is not None:
        running = Decimal(0)
        following = len(rows) - index - 1
        for offset in range(1, following + 1):
            later = rows[index + offset]
            if kinds[index + offset] == "total":
                break
            running += later.amounts.value("total") or Decimal(0)
            boundary = offset == following or kinds[index + offset + 1] != "project"
            if boundary and abs(total - running) <= Decimal("0.005") * (offset + 1):
                return True
    name = rows[index].name.value.strip()
    return ORGANIZATION_NAME_RE.search(name) is not None


def _cell_clauses(cells: list[IndicatorCells]) -> tuple[AnyClause, ...]:
    """The clauses of indicator rows (imported only for tables that have them)."""
    from audit.cellclauses import cell_clauses

    return cell_clauses(cells)


def assemble(
    source: Source,
    layout: Layout,
    rows: list[Row],
    title: str | None,
    organization: str | None,
) -> Document:
    """Classify rows into the grand total, units and projects; parse clauses.

    Rows whose kind the reader did not settle are classified by
    :func:`classify`. Projects before the first unit row belong to an
    implicit unit named after the table's organisation.
    """

    from audit.parsing import parse_indicators

    total: GrandTotal | None = None
    units: list[Unit] = []
    current: tuple[Row, list[Project]] | None = None
    orphans: list[Project] = []

    def close() -> None:
        if current is not None:
            row, projects = current
            # A unit row of a layout with one row per indicator has no subtotal.
            implicit = row.indicator_cells is not None
            unit = Unit(row.name, row.amounts, tuple(projects), row.line, tuple(row.markup))
            units.append(unit._replace(implicit=implicit) if implicit else unit)

    for row, kind in zip(rows, classify(rows), strict=True):
        if kind == "total":
            if total is None:
                total = GrandTotal(row.name, row.amounts, row.line)
            continue
        if kind == "unit":
            close()
            current = (row, [])
            continue
        clauses = (
            _cell_clauses(row.indicator_cells)
            if row.indicator_cells is not None
            else parse_indicators(row.indicators)
            if row.indicators
            else ()
        )
        project = Project(
            row.name,
            row.amounts,
            row.goal,
            row.indicators,
            clauses,
            row.line,
            tuple(row.markup),
            row.term,
            tuple(row.indicator_cells or ()),
        )
        if current is None:
            orphans.append(project)
        else:
            current[1].append(project)
    close()
    if orphans:
        first = orphans[0]
        name = organization or ""
        implicit = Unit(
            Text(name, source, ((0, 0),)), Amounts(), tuple(orphans), first.line, implicit=True
        )
        units.insert(0, implicit)
    legacy = False
    forms = {c.form for u in units for p in u.projects for c in p.clauses if hasattr(c, "form")}
    if forms == {"legacy"}:
        legacy = True
    return Document(source, layout, title, organization, tuple(units), total, legacy)
