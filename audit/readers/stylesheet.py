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
Malformed CSS is read as far as it goes, never an error.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from audit.limits import MAX_STYLE_RULES

_BLOCKS = re.compile(
    r"<!--.*?(?:-->|\Z)|<style\b([^<>]{0,2000})>(.*?)(?:</style\s*>|\Z)", re.I | re.S
)
"""A ``<style>`` element (one left open runs to the end of the page, as a
browser reads it) or a comment (a ``<style>`` inside one is no stylesheet)."""
_STYLE_TAG = re.compile(r"<style\b", re.I)
_ATTRIBUTE = r"""\b{}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
_MEDIA = re.compile(_ATTRIBUTE.format("media"), re.I)
_TYPE = re.compile(_ATTRIBUTE.format("type"), re.I)
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_BRACES = re.compile(r"""[{}"']""")
_RULE_STOPS = re.compile(r"[{}]")
_NOT_SPACE = re.compile(r"\S")
_AT_RULE_STOPS = re.compile(r"[{;}]")
_SELECTOR = re.compile(r"([a-zA-Z][a-zA-Z0-9]*)?((?:\.-?[_a-zA-Z\u0080-\U0010ffff][-\w]*)+)")
"""``.hide``, ``tr.del``, ``td.a.b``: an element name and classes, nothing else."""
_PROPERTIES = frozenset({"display", "visibility", "mso-hide"})
_MAX_NESTING = 8
"""``@media`` blocks deeper than this are passed over (no page nests them)."""

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

    def __bool__(self) -> bool:
        return bool(self._by_class)

    def add(self, css: str) -> None:
        """Take the rules of one stylesheet's text, after those taken before."""
        css = _COMMENT.sub(" ", css).replace("<!--", " ").replace("-->", " ")
        self._add_rules(css, 0)

    def _add_rules(self, css: str, depth: int) -> None:
        for prelude, block in _rules(css):
            if prelude.startswith("@"):
                if (
                    depth < _MAX_NESTING
                    and prelude[1:6].lower() == "media"
                    and _on_screen(prelude[6:])
                ):
                    self._add_rules(block, depth + 1)
                continue
            declarations = _declarations(block)
            if not declarations:
                continue  # a rule that only colours or sizes: nothing to hide or show
            self._order += 1
            for selector in prelude.split(","):
                matched = _SELECTOR.fullmatch(selector.strip())
                if matched is None:
                    continue  # a selector of another kind: not honoured
                tag, names = matched.groups()
                self._fold(
                    tag.lower() if tag else None, frozenset(names[1:].split(".")), declarations
                )

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
            name: (value, important, 0) for name, (value, important) in _declarations(style).items()
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
        if css is None:
            continue  # a comment
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


def _on_screen(query: str) -> bool:
    """Whether a media query list holds a plain media type a screen is
    (``screen``, ``all``, ``only screen``; an empty list is all media)."""
    parts = query.strip().lower().split(",")
    if parts == [""]:
        return True
    for part in parts:
        words = part.split()
        if words[:1] == ["only"]:
            words = words[1:]
        if words in (["screen"], ["all"]):
            return True
    return False


def _rules(css: str) -> list[tuple[str, str]]:
    """The (prelude, block) pairs at the top level of ``css``: a selector
    list or an at-rule, and the text between its braces; an at-rule without
    a block (``@import …;``) and stray braces are passed over, a block left
    open runs to the end."""
    found: list[tuple[str, str]] = []
    at, end = 0, len(css)
    while at < end:
        start = _NOT_SPACE.search(css, at)
        if start is None:
            break
        at = start.start()
        found_stop = (_AT_RULE_STOPS if css[at] == "@" else _RULE_STOPS).search(css, at)
        if found_stop is None:
            break
        stop = found_stop.start()
        if css[stop] != "{":  # the end of an at-rule without a block, or a stray brace
            at = stop + 1
            continue
        close = _closing(css, stop)
        found.append((css[at:stop].strip(), css[stop + 1 : close]))
        at = close + 1
    return found


def _closing(css: str, opening: int) -> int:
    """Where the block opened at ``opening`` closes (quoted braces do not
    count); the end of ``css`` when it never does."""
    depth = 0
    at = opening
    while True:
        found = _BRACES.search(css, at)
        if found is None:
            return len(css)
        char = found.group()
        at = found.end()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return found.start()
        else:  # a string: to its closing quote, or the end of its line
            close = re.compile(rf"{char}|\n").search(css, at)
            at = len(css) if close is None else close.end()


def _declarations(block: str) -> dict[str, tuple[str, bool]]:
    """The hiding properties a block declares: name → (value, important),
    the last of each name winning unless an earlier one is important."""
    found: dict[str, tuple[str, bool]] = {}
    for item in block.split(";"):
        name, colon, value = item.partition(":")
        name = name.strip().lower()
        if not colon or name not in _PROPERTIES:
            continue
        value, bang, flag = value.partition("!")
        important = bool(bang) and flag.strip().lower() == "important"
        value = value.strip().lower()
        if not value or (name in found and found[name][1] and not important):
            continue
        found[name] = (value, important)
    return found
