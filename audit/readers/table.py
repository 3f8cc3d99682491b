"""What a layout reader hands back, and how a reader notes what it skips.

The layout and carrier modules build these; :mod:`audit.readers` (the
package) detects the layout and assembles the document from them. They live
here, below every reader, so that no reader imports the package that
imports it.
"""

from __future__ import annotations

from collections.abc import Callable

from audit.model import Row, Text

Notify = Callable[[str], None]
"""Receives notes about a file that do not stop it being read (a sheet
skipped because it holds no table)."""


_FILL_READ = "they are read in the order 总计, 财政拨款, 其他资金, 上年结转, 财政专户拨款"
PLACEMENT_NONE = (
    "no placement of the amounts of rows with blank cells makes the subtotal the sum "
    f"of its rows: {_FILL_READ}"
)
PLACEMENT_MANY = (
    "more than one placement of the amounts of rows with blank cells makes the subtotal "
    f"the sum of its rows: {_FILL_READ}"
)
PLACEMENT_CAPPED = (
    f"too many placements of the amounts of rows with blank cells to try: {_FILL_READ}"
)
"""Notes on a subtotal of PDF text whose rows print fewer amounts than the
header has columns, where the subtotals do not tell which columns they stand
in (``line N: why``)."""


SET_ASIDE = "another table or text under the performance table"
"""Why the rows below a performance table on the same grid are not read: a
table of another kind (its header row) or a part of the document begins."""


class Table:
    """What a layout reader found: rows in order, the table's heading, the
    cell text before any row that could own it (``orphans``), and the
    amount unit its heading states (``amount_unit``: ``万元`` or ``元``, None
    when it states none; the amounts are read in 万元 then), and where each
    ``单位名称：…`` heading stood (``unit_headings``: the number of rows read
    before it, the name it gives, and the title of its table, ``last_title``:
    the first title line read since a unit or form last took one)."""

    __slots__ = (
        "amount_unit",
        "last_title",
        "organization",
        "orphans",
        "rows",
        "set_aside",
        "title",
        "title_fresh",
        "unit_headings",
        "unread",
    )

    def __init__(
        self, rows: list[Row], title: str | None = None, organization: str | None = None
    ) -> None:
        self.rows = rows
        self.title = title
        self.organization = organization
        self.orphans: list[Text] = []
        self.amount_unit: str | None = None
        self.unit_headings: list[tuple[int, str, str | None]] = []
        self.last_title: str | None = None
        self.title_fresh = False
        self.set_aside: list[str] = []
        """Where a table of another kind begins under the performance table
        on the same grid (the cell of its header row): its rows are not read."""
        self.unread: list[str] = []
        """Notes on columns the reader left unread (``WHERE: why``)."""

    def read_title(self, line: str) -> None:
        """A title line: the table's title (the first), and the title of the
        next unit's or form's table unless one was read since the last took one."""
        self.title = self.title or line
        if not self.title_fresh:
            self.last_title = line
            self.title_fresh = True

    def take_title(self) -> str | None:
        """The title of the table a unit or form begins (see ``read_title``)."""
        self.title_fresh = False
        return self.last_title

    def rows_dropped(self) -> None:
        """Rows were taken off the end (notes under a table): a heading read
        after them stands before the rows read next."""
        end = len(self.rows)
        self.unit_headings = [(min(at, end), name, title) for at, name, title in self.unit_headings]
