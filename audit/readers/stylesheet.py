"""What a web page's own ``<style>`` elements hide by class.

A page may hide a row or a cell with a class (``.hide{display:none}``,
``tr.del {visibility:hidden}``) instead of an inline style. Not a CSS
engine: only the rules a browser applies on screen whose selectors are a
class or classes, with or without an element name (``.hide``, ``tr.del``,
``td.a.b``; comma lists of them), and only the properties that hide
(``display:none``, ``visibility:hidden`` or ``collapse``, Word's
``mso-hide:all``) are taken. Among the rules that match an element, and the
element's own ``style``, the one a browser would apply wins: ``!important``
first, then the more specific (the ``style`` attribute, then more classes,
then an element name), then the later. Rules inside ``@media`` apply only
when the query is a plain media type shown on screen (``screen``, ``all``);
``@media print``, a query with conditions (``(max-width: 600px)``) and every
other at-rule are passed over, as are ``<style media=print>`` elements.
Selectors of any other kind (``#id``, ``div .x``, ``tr:hover``, ``td``,
attribute selectors) are not honoured: what they would hide is read.
Stylesheets the page links to (``<link rel=stylesheet>``) are not fetched.

The CSS is read by tinycss2, the CSS Syntax Level 3 tokenizer and parser:
comments, strings (a ``}`` in ``content:'}'`` closes nothing), escapes
(``.a\\:b`` is the class ``a:b``), ``<!--`` and ``-->`` around a
stylesheet (Word's and Excel's export) and ``!important`` as a browser
reads them. Malformed CSS is read as the syntax recovers from it (a block
left open runs to the end, a declaration it cannot read is passed over),
except that a stray ``}`` ends what came before it; never an error. At most
:data:`MAX_STYLE_CHARS` characters of a page's stylesheets are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from audit.limits import MAX_STYLE_CHARS, MAX_STYLE_RULES

_BLOCKS = re.compile(
    r"<!--.*?(?:-->|\Z)|<style\b([^<>]{0,2000})>(.*?)(?:</style\s*>|\Z)", re.I | re.S
)
"""A ``<style>`` element (one left open runs to the end of the page, as a
browser reads it) or a comment (a ``<style>`` inside one is no stylesheet)."""
_STYLE_TAG = re.compile(r"<style\b", re.I)
_ATTRIBUTE = r"""\b{}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
_MEDIA = re.compile(_ATTRIBUTE.format("media"), re.I)
_TYPE = re.compile(_ATTRIBUTE.format("type"), re.I)
_PROPERTIES = frozenset({"display", "visibility", "mso-hide"})
_MAY_HIDE = re.compile(r"display|visibility|mso-hide|\\", re.I)
"""A stylesheet without these (or a ``\\``, which may escape a letter of
one) names no property that hides: it is not parsed."""
_MAX_NESTING = 8
"""``@media`` blocks deeper than this are passed over (no page nests them)."""
_QUIET = ("whitespace", "comment")
"""Token types that separate but say nothing."""

Token = Any
"""A component value of tinycss2 (a token, a block or a function), which
ships no type information."""

Specificity = tuple[int, int, int]
"""(a ``style`` attribute, classes, element names), compared in that order."""
_INLINE: Specificity = (1, 0, 0)
Shown = Literal["gone", "invisible", "shown"]


class _Rule(NamedTuple):
    """The rules of one selector, folded: each property's value, whether it
    is important, and the order of the rule that gave it."""

    tag: str | None
    classes: frozenset[str]
    specificity: Specificity
    declarations: dict[str, tuple[str, bool, int]]


class Stylesheet:
    """The class rules of a page's ``<style>`` elements that say whether an
    element is shown (see the module's text for what is honoured)."""

    def __init__(self) -> None:
        self._by_class: dict[str, list[_Rule]] = {}
        self._rules: dict[tuple[str | None, frozenset[str]], _Rule] = {}
        self._order = 0
        self._parsed = 0

    def __bool__(self) -> bool:
        return bool(self._by_class)

    def add(self, css: str) -> None:
        """Take the rules of one stylesheet's text, after those taken before."""
        room = MAX_STYLE_CHARS - self._parsed
        if room <= 0 or _MAY_HIDE.search(css) is None:
            return
        import tinycss2

        cut = len(css) > room
        css = css[:room]
        self._parsed += len(css)
        rules = list(_rule_list(tinycss2.parse_component_value_list(css, skip_comments=True)))
        self._add_rules(rules[:-1] if cut else rules, 0)  # the rule cut may be incomplete

    def _add_rules(self, rules: Iterable[Token], depth: int) -> None:
        for rule in rules:
            if rule.type == "at-rule":
                if (
                    depth < _MAX_NESTING
                    and rule.lower_at_keyword == "media"
                    and rule.content is not None
                    and _on_screen(rule.prelude)
                ):
                    self._add_rules(_rule_list(rule.content), depth + 1)
                continue
            if rule.type != "qualified-rule":
                continue  # a rule the parser could not read: passed over
            declarations = _declarations(rule.content)
            if not declarations:
                continue  # a rule that only colours or sizes: nothing to hide or show
            self._order += 1
            for selector in _split(rule.prelude, ","):
                matched = _selector(selector)
                if matched is None:
                    continue  # a selector of another kind: not honoured
                self._fold(*matched, declarations)

    def _fold(
        self, tag: str | None, classes: frozenset[str], declarations: dict[str, tuple[str, bool]]
    ) -> None:
        """Add a rule's declarations to those of its selector, as the later
        rule of the same selector overrides the earlier (unless important)."""
        rule = self._rules.get((tag, classes))
        if rule is None:
            if len(self._rules) >= MAX_STYLE_RULES:
                return
            rule = _Rule(tag, classes, (0, len(classes), 1 if tag else 0), {})
            self._rules[tag, classes] = rule
            # filed under one of its classes, which every element it matches has
            self._by_class.setdefault(min(classes), []).append(rule)
        for name, (value, important) in declarations.items():
            before = rule.declarations.get(name)
            if before is None or important or not before[1]:
                rule.declarations[name] = (value, important, self._order)

    def hides(self, tag: str, class_attribute: str, style: str) -> bool | None:
        """Whether the element is hidden, when a rule matches it (its own
        ``style`` weighed with the rules); None when none does."""
        shown = self.shows(tag, class_attribute, style)
        return None if shown is None else shown != "shown"

    def shows(self, tag: str, class_attribute: str, style: str) -> Shown | None:
        """How the element is shown, when a rule matches it (its own
        ``style`` weighed with the rules): ``gone`` (``display:none``, Word's
        ``mso-hide:all``: it takes no place), ``invisible`` (``visibility:
        hidden``: its place is kept, empty) or ``shown``; None when no rule
        matches it."""
        classes = frozenset(class_attribute.split())
        winners: dict[str, tuple[tuple[bool, Specificity, int], str]] = {}
        matched = False
        for name in classes:
            for rule in self._by_class.get(name, ()):
                if (rule.tag is not None and rule.tag != tag) or not rule.classes <= classes:
                    continue
                matched = True
                _weigh(winners, rule.declarations, rule.specificity)
        if not matched:
            return None
        inline = {
            name: (value, important, 0)
            for name, (value, important) in _style_declarations(style).items()
        }
        _weigh(winners, inline, _INLINE)
        shown = {name: value for name, (_, value) in winners.items()}
        if shown.get("display") == "none" or shown.get("mso-hide") == "all":
            return "gone"
        if shown.get("visibility") in ("hidden", "collapse"):
            return "invisible"
        return "shown"


def _weigh(
    winners: dict[str, tuple[tuple[bool, Specificity, int], str]],
    declarations: dict[str, tuple[str, bool, int]],
    specificity: Specificity,
) -> None:
    for name, (value, important, order) in declarations.items():
        weight = (important, specificity, order)
        if name not in winners or weight > winners[name][0]:
            winners[name] = (weight, value)


def page_stylesheet(markup: str) -> Stylesheet:
    """The rules of the page's own ``<style>`` elements shown on screen."""
    sheet = Stylesheet()
    if _STYLE_TAG.search(markup) is None:
        return sheet
    for block in _BLOCKS.finditer(markup):
        attributes, css = block.groups()
        if css is None or _MAY_HIDE.search(css) is None:
            continue  # a comment, or a stylesheet that cannot hide (its media not parsed)
        media = _attribute(_MEDIA, attributes)
        kind = _attribute(_TYPE, attributes)
        if media is not None and not _on_screen(media):
            continue
        if kind is not None and kind.strip().lower() not in ("", "text/css"):
            continue
        sheet.add(css)
    return sheet


def _attribute(pattern: re.Pattern[str], attributes: str) -> str | None:
    found = pattern.search(attributes)
    if found is None:
        return None
    return next(value for value in found.groups() if value is not None)


def _on_screen(query: str | list[Token]) -> bool:
    """Whether a media query list (a ``media`` attribute's text, or an
    ``@media`` rule's prelude) holds a plain media type a screen is
    (``screen``, ``all``, ``only screen``; an empty list is all media)."""
    if isinstance(query, str):
        import tinycss2

        query = tinycss2.parse_component_value_list(query, skip_comments=True)
    parts = [[t for t in part if t.type not in _QUIET] for part in _split(query, ",")]
    if parts == [[]]:
        return True
    for words in parts:
        if not all(t.type == "ident" for t in words):
            continue  # a condition ``(max-width: 600px)``, a string, an error
        names = [t.lower_value for t in words]
        if names[:1] == ["only"]:
            names = names[1:]
        if names in (["screen"], ["all"]):
            return True
    return False


def _rule_list(tokens: list[Token]) -> Iterator[Token]:
    """The rules and at-rules of a stylesheet's (or an ``@media`` block's)
    component values, as the CSS syntax reads a ``<style>`` element (its
    ``<!--`` and ``-->`` passed over, a block left open running to the end),
    except that a stray ``}`` ends what came before it (``}}} .hide{…}``
    is a rule), as it ends a block."""
    import tinycss2

    for piece in _split(tokens, None):
        yield from tinycss2.parse_stylesheet(piece, skip_comments=True, skip_whitespace=True)


def _split(tokens: Iterable[Token], by: str | None) -> Iterator[list[Token]]:
    """``tokens`` cut at each top-level literal ``by`` (a comma), or at each
    stray ``}`` when ``by`` is None; always at least one piece."""
    piece: list[Token] = []
    for token in tokens:
        if by is None:
            cut = token.type == "error" and token.kind == "}"
        else:
            cut = token.type == "literal" and token.value == by
        if cut:
            yield piece
            piece = []
        else:
            piece.append(token)
    yield piece


def _selector(tokens: list[Token]) -> tuple[str | None, frozenset[str]] | None:
    """The element name and classes of a selector that is only those
    (``.hide``, ``tr.del``, ``td.a.b``); None for a selector of any other
    kind (``#id``, ``div .x``, ``tr:hover``, ``td``, ``[data-x]``)."""
    start, end = 0, len(tokens)
    while start < end and tokens[start].type in _QUIET:
        start += 1
    while end > start and tokens[end - 1].type in _QUIET:
        end -= 1
    tag: str | None = None
    if start < end and tokens[start].type == "ident":
        tag = tokens[start].lower_value
        start += 1
    classes = []
    for at in range(start, end, 2):
        dot, name = tokens[at], tokens[at + 1] if at + 1 < end else None
        if dot.type != "literal" or dot.value != "." or name is None or name.type != "ident":
            return None
        classes.append(name.value)
    return (tag, frozenset(classes)) if classes else None


def _declarations(content: str | list[Token]) -> dict[str, tuple[str, bool]]:
    """The hiding properties a block (or a ``style`` attribute) declares:
    name → (value, important), the last of each name winning unless an
    earlier one is important. A value is what comes before a ``!``; one
    other than a single keyword (``none``, ``hidden``) is kept as its text,
    which hides nothing."""
    import tinycss2

    found: dict[str, tuple[str, bool]] = {}
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration" or item.lower_name not in _PROPERTIES:
            continue  # nested rules, at-rules, what the parser could not read
        words = []
        for token in item.value:
            if token.type == "literal" and token.value == "!":
                break
            if token.type not in _QUIET:
                words.append(token)
        if not words:
            continue
        if len(words) == 1 and words[0].type == "ident":
            value = words[0].lower_value
        else:
            value = tinycss2.serialize(words).lower()
        name, important = item.lower_name, item.important
        if name in found and found[name][1] and not important:
            continue
        found[name] = (value, important)
    return found


@lru_cache(maxsize=256)
def _style_declarations(style: str) -> dict[str, tuple[str, bool]]:
    """:func:`_declarations` of a ``style`` attribute (rows of a table
    repeat the same few); not to be changed by the caller."""
    return _declarations(style) if style.strip() else {}
