"""Every bound on what the tool accepts, in one place.

Real tables, configurations and baselines stay far below each of these; they
are here so that no input, however made, can make a run take unbounded time
or memory. Each limit, when reached, is a clear error or a finding, never a
hang or a traceback.
"""

from __future__ import annotations

MAX_BYTES = 64 * 1024 * 1024
"""Largest table file read (bytes): no real table comes near it. At most one
byte more is ever read from any file, device, pipe or standard input."""

MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""Most bytes a workbook or Word file (a zip archive) unpacks to, all its
members together: by the sizes its directory declares and, since those can
lie, by what is actually inflated. XML deflates about 1000:1 when it is made
of blanks, so the :data:`MAX_BYTES` bound on the file alone would let a 1 MB
file ask for a gigabyte of memory. The published tables unpack to a few
megabytes; a sheet of :data:`MAX_SHEET_CELLS` short cells to about 100 MB."""

MAX_SHEET_CELLS = 2_000_000
"""Most cells in a sheet's used range (rows × columns, from its first to its
last cell holding a value) or in a Word table's grid: a table of 50,000
projects over 40 columns fits. One stray cell far from the table (XFD1048576)
would otherwise make the grid billions of cells."""

MAX_TEXT_LINES = 500_000
"""Most lines of a text table (tab-separated, CSV, extracted text): the
258-project table is 300 lines, its PDF text 2,000; a province's year in one
file of 20,000 projects fits. A file of a few bytes a line would otherwise
make millions of rows, each with its findings (about 3 KB of memory a row)."""

MAX_CELL_CHARS = 20_000
"""Longest cell (characters) whose text is parsed into clauses; the longest
indicator cell of the published tables in the tests has under 1,000."""

MAX_CLAUSES_PER_CELL = 200
"""Most clauses parsed in one indicator cell; real cells have fewer than 20."""

MAX_STYLE_RULES = 1_000
"""Most selectors whose rules a web page's ``<style>`` elements may hide or
show by (``.hide{display:none}``); rules of further selectors are not
honoured. A page has a few dozen; each element is matched only against the
selectors of its own classes, at most these."""

MAX_STYLE_CHARS = 500_000
"""Most characters of a page's stylesheets parsed (a page has a few
thousand, Word's export some tens of thousands): the CSS parser builds every
token and block as an object (about 2 s and 130 MB for this many opening
braces on a 2-core machine), so the text past the bound, from the rule it
cuts, is not read."""

MAX_NOTES_PER_FILE = 20
"""Most notes a reader prints on stderr about one file (sheets or tables
skipped); past them one line says how many more there were. A web page of
thousands of nested tables would otherwise print a note for each."""

MAX_SETTING_NUMBER = 10**12
"""Largest number a rule's option takes (an amount or a tolerance in 万元, a
total of weights, a unit's worth, a percentage turned off above 100): a
trillion 万元 is far more than any budget, and a larger setting could only
make its rule never fire. A count or a length of characters is bounded by
:data:`MAX_CELL_CHARS` instead, a percentage by 100."""

MAX_CONFIG_BYTES = 4 * 1024 * 1024
"""Largest configuration, taxonomy or vocabulary YAML file read (bytes)."""

YAML_MAX_ALIASES = 100
"""Most alias references (``*name``) in one YAML file; repeating an anchor
that often is only useful to inflate the file ("billion laughs")."""

YAML_MAX_NODES = 50_000
"""Most nodes in one YAML document once aliases are followed."""

MAX_DEPTH = 50
"""Deepest nesting of mappings and lists in YAML and JSON files read."""

MAX_EXTENDS = 100
"""Most configuration files in one ``extends:`` chain (the file itself, the
file it extends, and so on)."""

MAX_INT_DIGITS = 100
"""Longest integer (digits) accepted in YAML and JSON files; Python refuses
to convert integers over 4,300 digits, and no setting needs a tenth of that."""

MAX_BASELINE_BYTES = 64 * 1024 * 1024
"""Largest baseline file read (bytes)."""
