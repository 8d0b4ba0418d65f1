"""The CSS of a document's HTML snapshot, applied as WeasyPrint applies it, for the DOCX export.

The snapshot is parsed with tinyhtml5 and its ``<style>`` matched with cssselect2 and tinycss2: the parser and
selector engine WeasyPrint uses for the PDF (tinyhtml5: MIT; tinycss2, cssselect2: BSD-3-Clause). A rule in
``document_base.html`` therefore styles both copies. Only properties with a Word equivalent are computed: font
family, size, weight, style, colour, underline, letter spacing, alignment, indents, line height, margins, padding,
borders, widths, heights, page breaks, ``::before``/``::after`` text, and the ``@page`` size, margins and margin
boxes. Every other property is ignored; no text depends on one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import cssselect2
import tinycss2
import tinyhtml5

T = TypeVar("T")
Tokens = list[Any]  # tinycss2 component values of one declaration, whitespace and comments left out

# An HTML user agent's defaults for the properties computed here (a subset of WeasyPrint's html5_ua.css).
UA_CSS = """
address, article, aside, blockquote, body, caption, dd, div, dl, dt, fieldset, figcaption, figure, footer, form,
h1, h2, h3, h4, h5, h6, header, hr, html, li, main, nav, ol, p, pre, section, table, tbody, td, tfoot, th, thead,
tr, ul { display: block }
head, link, meta, noscript, script, style, template, title { display: none }
h1 { font-size: 2em; margin: .67em 0 } h2 { font-size: 1.5em; margin: .83em 0 } h3 { font-size: 1.17em; margin: 1em 0 }
h4 { margin: 1.33em 0 } h5 { font-size: .83em; margin: 1.67em 0 } h6 { font-size: .67em; margin: 2.33em 0 }
h1, h2, h3, h4, h5, h6, b, strong, th { font-weight: bold }
p, dl, ol, ul, blockquote, figure, pre { margin: 1em 0 }
ol, ul { padding-left: 40px } dd { margin-left: 40px } blockquote { margin-left: 40px; margin-right: 40px }
i, em, cite, var, dfn, address { font-style: italic }
u, ins { text-decoration: underline } s, strike, del { text-decoration: line-through }
th, center, caption { text-align: center }
pre { white-space: pre } small { font-size: smaller } big { font-size: larger }
ul { list-style-type: disc } ol { list-style-type: decimal }
"""

PT_PER_UNIT = {
    "pt": 1.0,
    "px": 0.75,
    "mm": 72 / 25.4,
    "cm": 72 / 2.54,
    "q": 72 / 101.6,
    "in": 72.0,
    "pc": 12.0,
}
FONT_SIZE_KEYWORDS = {
    "xx-small": 7.0,
    "x-small": 7.5,
    "small": 10.0,
    "medium": 12.0,
    "large": 13.5,
    "x-large": 18.0,
    "xx-large": 24.0,
}
COLOR_NAMES = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "008000",
    "blue": "0000FF",
    "gray": "808080",
    "grey": "808080",
    "silver": "C0C0C0",
    "maroon": "800000",
    "navy": "000080",
}
PAGE_SIZES = {"a3": (297.0, 420.0), "a4": (210.0, 297.0), "a5": (148.0, 210.0), "b5": (176.0, 250.0)}  # mm
INHERITED_NONE = ("none", "hidden")


def _mm(value: float) -> float:
    return value * PT_PER_UNIT["mm"]


@dataclass(frozen=True)
class Style:
    """Computed values of one element, lengths in points. The first group is inherited."""

    font_size: float = 12.0
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    color: str | None = None
    text_align: str = "start"
    text_indent: float = 0.0
    line_height_factor: float | None = None
    line_height_pt: float | None = None
    letter_spacing: float = 0.0
    font_family: tuple[str, ...] = ()
    white_space: str = "normal"
    list_style_type: str = "disc"
    # not inherited
    display: str = "inline"
    margin: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # top, right, bottom, left
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    border: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # widths of visible borders
    width: float | None = None
    width_percent: float | None = None
    min_width: float | None = None
    height: float | None = None
    vertical_align: str = "baseline"
    keep_together: bool = False
    break_before: bool = False

    @property
    def line_height(self) -> float | None:
        if self.line_height_factor is not None:
            return self.font_size * self.line_height_factor
        return self.line_height_pt

    @property
    def is_hidden(self) -> bool:
        return self.display == "none"

    @property
    def is_block(self) -> bool:
        return self.display not in ("inline", "inline-block", "none")


def _inherit(parent: Style) -> Style:
    return Style(
        font_size=parent.font_size,
        bold=parent.bold,
        italic=parent.italic,
        underline=parent.underline,  # text-decoration propagates to the text of descendants
        strike=parent.strike,
        color=parent.color,
        text_align=parent.text_align,
        text_indent=parent.text_indent,
        line_height_factor=parent.line_height_factor,
        line_height_pt=parent.line_height_pt,
        letter_spacing=parent.letter_spacing,
        font_family=parent.font_family,
        white_space=parent.white_space,
        list_style_type=parent.list_style_type,
    )


# --- values ----------------------------------------------------------------------------------------------------


def _length(token: Any, font_size: float, root_size: float) -> float | None:
    """A length token in points (``em`` of ``font_size``); percentages are not lengths here."""
    kind = getattr(token, "type", "")
    if kind == "number" and token.value == 0:
        return 0.0
    if kind != "dimension":
        return None
    unit = token.lower_unit
    if unit in PT_PER_UNIT:
        return float(token.value) * PT_PER_UNIT[unit]
    if unit == "em":
        return float(token.value) * font_size
    if unit == "rem":
        return float(token.value) * root_size
    if unit in ("ex", "ch"):
        return float(token.value) * font_size / 2
    return None


def _ident(tokens: Tokens) -> str:
    return tokens[0].lower_value if len(tokens) == 1 and getattr(tokens[0], "type", "") == "ident" else ""


def _color(tokens: Tokens) -> str | None:
    if not tokens:
        return None
    token = tokens[0]
    kind = getattr(token, "type", "")
    if kind == "hash":
        digits = token.value
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits[:3])
        return digits[:6].upper() if len(digits) >= 6 else None
    if kind == "ident":
        return COLOR_NAMES.get(token.lower_value)
    if kind == "function" and token.lower_name in ("rgb", "rgba"):
        numbers = [arg for arg in token.arguments if getattr(arg, "type", "") in ("number", "percentage")]
        if len(numbers) >= 3:
            values = [n.value * 2.55 if n.type == "percentage" else n.value for n in numbers[:3]]
            return "".join(f"{max(0, min(255, round(v))):02X}" for v in values)
    return None


def _sides(values: Sequence[T]) -> tuple[T, T, T, T]:
    """CSS box shorthand: 1–4 values → top, right, bottom, left."""
    if len(values) == 1:
        return (values[0], values[0], values[0], values[0])
    if len(values) == 2:
        return (values[0], values[1], values[0], values[1])
    if len(values) == 3:
        return (values[0], values[1], values[2], values[1])
    return (values[0], values[1], values[2], values[3])


SIDES = ("top", "right", "bottom", "left")


def _expand(name: str, tokens: Tokens) -> Iterator[tuple[str, Tokens]]:
    """Shorthands into the longhands computed here: margin, padding, border*, list-style, break-*."""
    if name in ("margin", "padding") and 1 <= len(tokens) <= 4:
        for side, token in zip(SIDES, _sides(tokens), strict=True):
            yield f"{name}-{side}", [token]
    elif name in ("border", *(f"border-{side}" for side in SIDES)):
        sides = SIDES if name == "border" else (name.removeprefix("border-"),)
        style = [t for t in tokens if getattr(t, "type", "") == "ident" and t.lower_value in _BORDER_STYLES]
        width = [t for t in tokens if _length(t, 12.0, 12.0) is not None or _ident([t]) in _WIDTH_WORDS]
        for side in sides:
            yield f"border-{side}-style", style[:1] or [tinycss2.ast.IdentToken(0, 0, "none")]
            yield f"border-{side}-width", width[:1] or [tinycss2.ast.IdentToken(0, 0, "medium")]
    elif name in ("border-style", "border-width") and 1 <= len(tokens) <= 4:
        prop = name.removeprefix("border-")
        for side, token in zip(SIDES, _sides(tokens), strict=True):
            yield f"border-{side}-{prop}", [token]
    elif name == "list-style":
        kinds = [t for t in tokens if getattr(t, "type", "") == "ident" and t.lower_value not in ("inside", "outside")]
        yield "list-style-type", kinds[:1] or [tinycss2.ast.IdentToken(0, 0, "disc")]
    elif name == "break-before":
        yield "page-break-before", tokens
    elif name == "break-inside":
        yield "page-break-inside", tokens
    else:
        yield name, tokens


_WIDTH_WORDS = {"thin": 0.75, "medium": 2.25, "thick": 3.75}
_BORDER_STYLES = {"none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset"}


def declarations(content: Iterable[Any]) -> list[tuple[str, Tokens, bool]]:
    """``(name, value tokens, !important)`` of a declaration block, shorthands expanded."""
    found: list[tuple[str, Tokens, bool]] = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        tokens = [t for t in item.value if t.type not in ("whitespace", "comment")]
        found.extend((name, value, item.important) for name, value in _expand(item.lower_name, tokens))
    return found


def compute(decls: dict[str, Tokens], parent: Style | None, root_size: float = 12.0) -> Style:
    """The computed style of an element from its cascaded declarations and its parent's style."""
    base = _inherit(parent) if parent is not None else Style()
    changes: dict[str, Any] = {}
    parent_size = base.font_size
    size = _font_size(decls.get("font-size"), parent_size, root_size)
    changes["font_size"] = size

    def length(name: str, default: float = 0.0) -> float:
        tokens = decls.get(name)
        value = _length(tokens[0], size, root_size) if tokens and len(tokens) == 1 else None
        return default if value is None else value

    if "font-weight" in decls:
        weight: Any = decls["font-weight"][0] if decls["font-weight"] else None
        if getattr(weight, "type", "") == "number":
            changes["bold"] = weight.value >= 600
        elif getattr(weight, "type", "") == "ident":
            changes["bold"] = {"bold": True, "bolder": True, "normal": False, "lighter": False}.get(
                weight.lower_value, base.bold
            )
    if "font-style" in decls:
        changes["italic"] = _ident(decls["font-style"]) in ("italic", "oblique")
    for name in ("text-decoration", "text-decoration-line"):
        words = {getattr(t, "lower_value", "") for t in decls.get(name, [])}
        changes["underline"] = changes.get("underline", base.underline) or "underline" in words
        changes["strike"] = changes.get("strike", base.strike) or "line-through" in words
    if "color" in decls:
        changes["color"] = _color(decls["color"]) or base.color
    if "text-align" in decls and _ident(decls["text-align"]):
        changes["text_align"] = _ident(decls["text-align"])
    if "text-indent" in decls:
        changes["text_indent"] = length("text-indent", base.text_indent)
    if decls.get("line-height"):
        token = decls["line-height"][0]
        if getattr(token, "type", "") == "number":
            changes.update(line_height_factor=float(token.value), line_height_pt=None)
        elif getattr(token, "type", "") == "percentage":
            changes.update(line_height_factor=None, line_height_pt=size * float(token.value) / 100)
        elif _ident(decls["line-height"]) == "normal":
            changes.update(line_height_factor=None, line_height_pt=None)
        else:
            changes.update(line_height_factor=None, line_height_pt=length("line-height", size * 1.2))
    if "letter-spacing" in decls:
        changes["letter_spacing"] = length("letter-spacing")
    if "font-family" in decls:
        changes["font_family"] = _families(decls["font-family"]) or base.font_family
    if "white-space" in decls and _ident(decls["white-space"]):
        changes["white_space"] = _ident(decls["white-space"])
    if "list-style-type" in decls and _ident(decls["list-style-type"]):
        changes["list_style_type"] = _ident(decls["list-style-type"])
    if "display" in decls and _ident(decls["display"]):
        changes["display"] = _ident(decls["display"])
    changes["margin"] = tuple(length(f"margin-{side}") for side in SIDES)
    changes["padding"] = tuple(length(f"padding-{side}") for side in SIDES)
    changes["border"] = tuple(_border(decls, side, size, root_size) for side in SIDES)
    if decls.get("width"):
        token = decls["width"][0]
        if getattr(token, "type", "") == "percentage":
            changes["width_percent"] = float(token.value)
        else:
            changes["width"] = _length(token, size, root_size)
    for name, key in (("min-width", "min_width"), ("height", "height"), ("min-height", "height")):
        if decls.get(name):
            value = _length(decls[name][0], size, root_size)
            if value is not None:
                changes[key] = value
    if "vertical-align" in decls and _ident(decls["vertical-align"]):
        changes["vertical_align"] = _ident(decls["vertical-align"])
    changes["keep_together"] = _ident(decls.get("page-break-inside", [])) == "avoid"
    changes["break_before"] = _ident(decls.get("page-break-before", [])) in ("always", "page", "left", "right")
    return replace(base, **changes)


def _font_size(tokens: Tokens | None, parent_size: float, root_size: float) -> float:
    if not tokens:
        return parent_size
    token = tokens[0]
    kind = getattr(token, "type", "")
    if kind == "percentage":
        return parent_size * float(token.value) / 100
    if kind == "ident":
        word = token.lower_value
        if word == "smaller":
            return parent_size / 1.2
        if word == "larger":
            return parent_size * 1.2
        return FONT_SIZE_KEYWORDS.get(word, parent_size)
    value = _length(token, parent_size, root_size)
    return parent_size if value is None else value


def _border(decls: dict[str, Tokens], side: str, size: float, root_size: float) -> float:
    if _ident(decls.get(f"border-{side}-style", [])) in ("", *INHERITED_NONE):
        return 0.0
    tokens = decls.get(f"border-{side}-width", [])
    if _ident(tokens) in _WIDTH_WORDS:
        return _WIDTH_WORDS[_ident(tokens)]
    value = _length(tokens[0], size, root_size) if tokens else None
    return _WIDTH_WORDS["medium"] if value is None else value


def _families(tokens: Tokens) -> tuple[str, ...]:
    """``"Noto Serif CJK SC", serif`` → ("Noto Serif CJK SC", "serif")."""
    names: list[str] = []
    current: list[str] = []
    for token in tokens:
        if getattr(token, "type", "") == "literal" and token.value == ",":
            names.append(" ".join(current))
            current = []
        elif getattr(token, "type", "") in ("string", "ident"):
            current.append(token.value)
    names.append(" ".join(current))
    return tuple(name.strip() for name in names if name.strip())


# --- the stylesheet -----------------------------------------------------------------------------------------------


@dataclass
class MarginBox:
    """A page-margin box (``@bottom-center``): its content (text and the counters ``page``/``pages``) and style."""

    name: str
    content: list[str] = field(default_factory=list)  # "page" / "pages" are counters; other items are "'text"
    style: dict[str, Tokens] = field(default_factory=dict)


@dataclass
class PageSetup:
    width: float = _mm(210)
    height: float = _mm(297)
    margin: tuple[float, float, float, float] = (_mm(25), _mm(25), _mm(25), _mm(25))
    boxes: list[MarginBox] = field(default_factory=list)


class Stylesheet:
    """User-agent and author rules of one snapshot, matched against its elements."""

    def __init__(self, author_css: list[str]) -> None:
        self.ua = cssselect2.Matcher()
        self.author = cssselect2.Matcher()
        self.page = PageSetup()
        self.root_size = 12.0
        self._matched: dict[int, list[tuple[int, Any, int, str | None, Any]]] = {}
        self._add(self.ua, UA_CSS, page=False)
        for css in author_css:
            self._add(self.author, css, page=True)

    def _add(self, matcher: cssselect2.Matcher, css: str, *, page: bool) -> None:
        for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
            if rule.type == "qualified-rule":
                try:
                    selectors = cssselect2.compile_selector_list(rule.prelude)
                except cssselect2.SelectorError:
                    continue  # a selector cssselect2 cannot read is one WeasyPrint ignores too
                decls = declarations(rule.content)
                for selector in selectors:
                    matcher.add_selector(selector, decls)
            elif rule.type == "at-rule" and rule.lower_at_keyword == "page" and page and rule.content:
                self._page(rule)

    def _page(self, rule: Any) -> None:
        """``@page``: size, margin and margin boxes (selectors like ``:first`` are applied to every page)."""
        setup = self.page
        for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if item.type == "declaration":
                tokens = [t for t in item.value if t.type not in ("whitespace", "comment")]
                if item.lower_name == "size":
                    setup.width, setup.height = _page_size(tokens, (setup.width, setup.height))
                elif item.lower_name == "margin":
                    values = [_length(t, 12.0, 12.0) for t in tokens]
                    if values and all(v is not None for v in values) and len(values) <= 4:
                        setup.margin = _sides([float(v or 0) for v in values])
            elif item.type == "at-rule" and item.content is not None:
                box = MarginBox(item.lower_at_keyword)
                for name, tokens, _important in declarations(item.content):
                    if name == "content":
                        box.content = _content(tokens)
                    else:
                        box.style[name] = tokens
                setup.boxes = [b for b in setup.boxes if b.name != box.name] + [box]

    def _matches(self, element: cssselect2.ElementWrapper) -> list[tuple[int, Any, int, str | None, Any]]:
        """``(origin, specificity, order, pseudo-element, declarations)`` of every rule matching ``element``,
        matched once per element (its style and its ``::before``/``::after`` read the same list)."""
        key = id(element.etree_element)  # the tree outlives this stylesheet's use: ids are not reused meanwhile
        if key not in self._matched:
            self._matched[key] = [
                (origin, specificity, order, pseudo, payload)
                for origin, matcher in enumerate((self.ua, self.author))
                for specificity, order, pseudo, payload in matcher.match(element)
            ]
        return self._matched[key]

    def cascade(self, element: cssselect2.ElementWrapper, pseudo: str | None = None) -> dict[str, Tokens]:
        """The winning declaration of each property for ``element`` (or its ``::before``/``::after``)."""
        normal = [entry for entry in self._matches(element) if entry[3] == pseudo]
        normal.sort(key=lambda entry: entry[:3])
        ordered = [decl for *_key, _pseudo, payload in normal for decl in payload]
        if pseudo is None and element.etree_element.get("style"):
            ordered.extend(declarations(element.etree_element.get("style")))
        result: dict[str, Tokens] = {}
        for name, tokens, important in ordered:
            if not important:
                result[name] = tokens
        for name, tokens, important in ordered:
            if important:
                result[name] = tokens
        return result

    def generated(self, element: cssselect2.ElementWrapper, pseudo: str) -> str:
        """The text of ``::before`` / ``::after`` (strings only; counters are not generated in the body)."""
        content = self.cascade(element, pseudo).get("content")
        return "".join(item[1:] for item in _content(content or []) if item.startswith("'"))


def _page_size(tokens: Tokens, current: tuple[float, float]) -> tuple[float, float]:
    words = [t.lower_value for t in tokens if getattr(t, "type", "") == "ident"]
    lengths = [v for v in (_length(t, 12.0, 12.0) for t in tokens) if v is not None]
    width, height = current
    for word in words:
        if word in PAGE_SIZES:
            width, height = (_mm(v) for v in PAGE_SIZES[word])
    if len(lengths) == 2:
        width, height = lengths
    elif len(lengths) == 1:
        width = height = lengths[0]
    if ("landscape" in words and width < height) or ("portrait" in words and width > height):
        width, height = height, width
    return width, height


def _content(tokens: Tokens) -> list[str]:
    """``"第 " counter(page) " 页"`` → ["'第 ", "page", "' 页"]."""
    items = []
    for token in tokens:
        kind = getattr(token, "type", "")
        if kind == "string":
            items.append("'" + token.value)
        elif kind == "function" and token.lower_name == "counter":
            names = [a.lower_value for a in token.arguments if getattr(a, "type", "") == "ident"]
            if names and names[0] in ("page", "pages"):
                items.append(names[0])
    return items


def parse_snapshot(html: str) -> tuple[cssselect2.ElementWrapper, Stylesheet]:
    """The root element of the snapshot (as WeasyPrint parses it) and its stylesheet."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    css = [style.text or "" for style in root.iter("style")]
    sheet = Stylesheet(css)
    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    sheet.root_size = compute(sheet.cascade(wrapper), None).font_size
    return wrapper, sheet
