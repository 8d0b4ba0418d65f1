"""DOCX copy of an issued 执法文书, converted from the HTML snapshot the PDF was made from.

Officers hand an editable copy to a party or to the archive office; the issued PDF stays the record of truth
(R-DOC-009, its SM3 digest is in the ledger). So that the two never diverge, the DOCX is not rendered from a
template of its own: ``document_docx`` reads ``Document.html`` — the very snapshot WeasyPrint turned into the
PDF — parses it and its stylesheet as WeasyPrint does (``html_css``) and writes the same blocks, runs and tables
with python-docx (MIT; its one binary dependency lxml is BSD-3-Clause). Any template, including kinds added
later, converts without code here: the converter knows HTML and CSS, never a kind.

Why not docxtpl, as the issue first suggested: docxtpl is LGPL-2.1, and it fills a *Word* template, so every
kind would need a second, binary ``.docx`` template kept in step by hand with its HTML template — the drift this
module exists to prevent.

What comes through: headings (Word ``Heading N`` styles), paragraphs with their alignment, first-line and left
indents, spacing and line height; bold, italic, underline, colour and letter spacing of spans; ``<br>``; lists
with their numbers; tables as Word tables with the CSS borders, column widths, row heights, merged cells and
repeated header rows; signature blanks (empty underlined spans) as underlined full-width spaces; the ``@page``
size, margins and page-number footer; a CJK font (宋体 with SimSun / Noto Serif CJK SC as alternative names)
on every run and in the styles. Unknown elements keep their text; an image keeps its ``alt`` text. A document
that is not in force carries its state (“已作废”, “草稿”) on the first line and in every page header: the PDF was
sealed at issue and does not change, the editable copy is made on each download and must not pass for a live one.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from datetime import UTC
from typing import Any

import docx
from cssselect2 import ElementWrapper
from django.db import transaction
from django.utils import timezone
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from zhifa.core.calendar import format_day
from zhifa.documents.choices import DocumentState
from zhifa.documents.errors import DocumentError
from zhifa.documents.models import Document
from zhifa.documents.services.html_css import Style, compute, parse_snapshot
from zhifa.documents.services.word_xml import (
    WordFont,
    list_marker,
    repacked,
    repeat_as_header,
    set_cell_margins,
    set_chinese,
    set_fonts,
    set_letter_spacing,
    set_table_borders,
    set_table_indent,
    underline_trailing_spaces,
    word_font,
    wrap_in_field,
)
from zhifa.ledger.services import record_view

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
ALIGNMENT = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "start": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "end": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
VERTICAL = {
    "top": WD_CELL_VERTICAL_ALIGNMENT.TOP,
    "middle": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
    "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM,
}
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # CSS white space: U+3000 (全角空格) is text, never collapsed
_PRESERVED = ("pre", "pre-wrap", "break-spaces")
MARK_COLOR = "C00000"
# --- inline content -------------------------------------------------------------------------------------------


@dataclass
class _Piece:
    kind: str  # "text" | "break"
    style: Style
    text: str = ""


def _width(text: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _normalised(pieces: list[_Piece]) -> list[_Piece]:
    """CSS white-space processing of one paragraph: collapse, trim at line starts and ends, and drop the last
    ``<br>`` of a block (it ends a line that the block ends anyway)."""
    out: list[_Piece] = []
    line_start = True
    for piece in pieces:
        if piece.kind == "break":
            _trim_end(out)
            out.append(piece)
            line_start = True
            continue
        text = piece.text
        if piece.style.white_space not in _PRESERVED:
            text = _COLLAPSIBLE.sub(" ", text)
            previous = next((p for p in reversed(out) if p.kind == "text"), None)
            if line_start or (previous is not None and previous.text.endswith(" ")):
                text = text.lstrip(" ")
        if text:
            out.append(replace(piece, text=text))
            line_start = False
    _trim_end(out)
    if len(out) > 1 and out[-1].kind == "break":
        out.pop()
    return out


def _trim_end(pieces: list[_Piece]) -> None:
    while pieces and pieces[-1].kind == "text" and pieces[-1].style.white_space not in _PRESERVED:
        text = pieces[-1].text.rstrip(" ")
        if text:
            pieces[-1].text = text
            return
        pieces.pop()


# --- where blocks go ----------------------------------------------------------------------------------------------


@dataclass
class _Sink:
    """The document body or a table cell: paragraphs and tables are appended to it."""

    container: Any
    first: Paragraph | None = None  # an empty paragraph to fill before adding one (a new cell has one)
    space: float = 0.0  # collapsed vertical margin before the next paragraph, in points
    break_before: bool = False
    marker: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)

    def paragraph(self) -> Paragraph:
        paragraph = self.first if self.first is not None else self.container.add_paragraph()
        self.first = None
        self.paragraphs.append(paragraph)
        return paragraph

    def table(self, rows: int, cols: int) -> Table:
        if isinstance(self.container, _Cell):
            if self.first is not None:  # the cell's own empty paragraph would stand before the table
                self.first._element.getparent().remove(self.first._element)
            table = self.container.add_table(rows, cols)
            self.first = self.container.paragraphs[-1]  # the paragraph Word requires after a table in a cell
            return table
        table_: Table = self.container.add_table(rows, cols)
        return table_


# --- the converter ------------------------------------------------------------------------------------------------


class _Converter:
    def __init__(self, html: str) -> None:
        self.root, self.sheet = parse_snapshot(html)
        self.root_style = compute(self.sheet.cascade(self.root), None)
        self.doc = docx.Document()
        self.fonts: set[WordFont] = set()
        self.counters: dict[int, int] = {}
        self.text_width = 0.0

    # styles and page

    def style_of(self, element: ElementWrapper, parent: Style) -> Style:
        return compute(self.sheet.cascade(element), parent, self.sheet.root_size)

    def setup(self) -> None:
        font = word_font(self.root_style.font_family)
        self.fonts.add(font)
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            set_fonts(rpr_default.find(qn("w:rPr")), font)
            set_chinese(rpr_default.find(qn("w:rPr")))
        normal = styles["Normal"]
        normal.font.size = Pt(self.root_style.font_size)
        set_fonts(normal.element.get_or_add_rPr(), font)
        set_chinese(normal.element.get_or_add_rPr())
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.space_before = Pt(0)
        for level in range(1, 7):
            heading = styles[f"Heading {level}"]
            rpr = heading.element.get_or_add_rPr()
            for name in ("w:color", "w:i", "w:iCs"):
                for old in rpr.findall(qn(name)):
                    rpr.remove(old)
            set_fonts(rpr, font)
            heading.font.color.rgb = RGBColor(0, 0, 0)
        self._page()

    def _page(self) -> None:
        page = self.sheet.page
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE if page.width > page.height else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Pt(page.width), Pt(page.height)
        top, right, bottom, left = page.margin
        section.top_margin, section.right_margin = Pt(top), Pt(right)
        section.bottom_margin, section.left_margin = Pt(bottom), Pt(left)
        section.header_distance, section.footer_distance = Pt(top / 2), Pt(bottom / 2)
        self.text_width = page.width - left - right
        for box in page.boxes:
            band = box.name.split("-")[0]
            if band not in ("top", "bottom") or not box.content:
                continue
            part = section.header if band == "top" else section.footer
            style = compute(box.style, self.root_style, self.sheet.root_size)
            paragraph = part.add_paragraph() if part.paragraphs[0].text or part.paragraphs[0].runs else None
            paragraph = paragraph or part.paragraphs[0]
            side = box.name.split("-", 1)[1] if "-" in box.name else "center"
            paragraph.alignment = ALIGNMENT.get(side, WD_ALIGN_PARAGRAPH.CENTER)
            for item in box.content:
                if item.startswith("'"):
                    self.run(paragraph, item[1:], style)
                else:
                    self.field(paragraph, "PAGE" if item == "page" else "NUMPAGES", style)

    def field(self, paragraph: Paragraph, instruction: str, style: Style) -> None:
        """A page-number field, as ``counter(page)`` / ``counter(pages)`` in the PDF's page-margin box."""
        wrap_in_field(self.run(paragraph, "1", style), instruction)

    # runs

    def run(self, paragraph: Paragraph, text: str, style: Style) -> Any:
        run = paragraph.add_run(text)
        font = run.font
        font.size = Pt(round(style.font_size * 2) / 2)
        font.bold = style.bold
        font.italic = style.italic
        font.underline = style.underline
        font.strike = style.strike
        if style.color:
            font.color.rgb = RGBColor.from_string(style.color)
        word = word_font(style.font_family or self.root_style.font_family)
        self.fonts.add(word)
        rpr = run._element.get_or_add_rPr()
        set_fonts(rpr, word)
        if style.letter_spacing:
            set_letter_spacing(rpr, style.letter_spacing)
        return run

    # blocks

    def body(self) -> None:
        body = next((child for child in self.root.iter_children() if child.local_name == "body"), None)
        if body is None:
            return
        style = self.style_of(body, self.root_style)
        self.flow(body, style, _Sink(self.doc), (0.0, 0.0))

    def flow(self, element: ElementWrapper, style: Style, sink: _Sink, indent: tuple[float, float]) -> None:
        """A block container: runs of inline content become paragraphs; block children are converted in turn."""
        pieces: list[_Piece] = []
        self.generated(element, "before", style, pieces)
        if element.etree_element.text:
            pieces.append(_Piece("text", style, element.etree_element.text))
        for child, tail in self.children(element):
            if child is not None:
                child_style = self.style_of(child, style)
                if child_style.is_hidden:
                    pass
                elif child_style.is_block:
                    self.paragraph(element, style, pieces, sink, indent)
                    pieces = []
                    self.block(child, child_style, sink, indent)
                else:
                    self.inline(child, child_style, pieces)
            if tail:
                pieces.append(_Piece("text", style, tail))
        self.generated(element, "after", style, pieces)
        self.paragraph(element, style, pieces, sink, indent)

    def children(self, element: ElementWrapper) -> list[tuple[ElementWrapper | None, str]]:
        """Child elements with the text after each; a comment's trailing text is kept (``None`` element)."""
        wrappers = iter(element.iter_children())
        found: list[tuple[ElementWrapper | None, str]] = []
        for node in element.etree_element:
            wrapper = next(wrappers) if isinstance(node.tag, str) else None
            found.append((wrapper, node.tail or ""))
        return found

    def block(self, element: ElementWrapper, style: Style, sink: _Sink, indent: tuple[float, float]) -> None:
        sink.space = max(sink.space, style.margin[0])
        sink.break_before = sink.break_before or style.break_before
        start = len(sink.paragraphs)
        inner = (
            indent[0] + style.margin[3] + style.padding[3] + style.border[3],
            indent[1] + style.margin[1] + style.padding[1] + style.border[1],
        )
        tag = element.local_name
        if tag == "table":
            self.table(element, style, sink, (indent[0] + style.margin[3], indent[1] + style.margin[1]))
        else:
            if tag == "li" or style.display == "list-item":
                parent = element.parent
                key = id(parent.etree_element) if parent is not None else 0
                n = _int(element.etree_element.get("value"), self.counters.get(key, _start(parent) - 1) + 1)
                self.counters[key] = n
                sink.marker = list_marker(style.list_style_type, n)
            self.flow(element, style, sink, inner)
            if sink.marker:  # an empty item still shows its number
                self.paragraph(element, style, [], sink, inner, force=True)
        sink.space = max(sink.space, style.margin[2])
        if style.keep_together:
            kept = sink.paragraphs[start:]
            for index, paragraph in enumerate(kept):
                paragraph.paragraph_format.keep_together = True
                paragraph.paragraph_format.keep_with_next = index < len(kept) - 1

    def paragraph(
        self,
        block: ElementWrapper,
        style: Style,
        pieces: list[_Piece],
        sink: _Sink,
        indent: tuple[float, float],
        *,
        force: bool = False,
    ) -> None:
        """One paragraph of a block's inline ``pieces``; nothing if they are only white space."""
        pieces = _normalised(pieces)
        if not pieces and not force:
            return  # a pending list marker waits for the item's first line
        paragraph = sink.paragraph()
        level = HEADINGS.get(block.local_name)
        if level is not None:
            paragraph.style = self.doc.styles[f"Heading {level}"]
        fmt = paragraph.paragraph_format
        fmt.alignment = ALIGNMENT.get(style.text_align, WD_ALIGN_PARAGRAPH.LEFT)
        fmt.left_indent, fmt.right_indent = Pt(indent[0]), Pt(indent[1])
        fmt.first_line_indent = Pt(style.text_indent)
        fmt.space_before, fmt.space_after = Pt(sink.space), Pt(0)
        sink.space = 0.0
        if style.line_height:
            fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
            fmt.line_spacing = Pt(style.line_height)
        if sink.break_before:
            fmt.page_break_before = True
            sink.break_before = False
        if sink.marker:
            hang = min(indent[0], style.font_size * 1.5) if indent[0] else 0.0
            fmt.first_line_indent = Pt(-hang)
            self.run(paragraph, sink.marker + ("\t" if hang else " "), replace(style, underline=False))
            sink.marker = ""
        for piece in pieces:
            if piece.kind == "break":
                (paragraph.runs[-1] if paragraph.runs else self.run(paragraph, "", piece.style)).add_break()
            else:
                self.run(paragraph, piece.text, piece.style)

    def inline(self, element: ElementWrapper, style: Style, pieces: list[_Piece]) -> None:
        """Inline content into ``pieces``; a block nested in an inline keeps its text on lines of its own."""
        tag = element.local_name
        if tag == "br":
            pieces.append(_Piece("break", style))
            return
        if tag == "img":
            alt = (element.etree_element.get("alt") or "").strip()
            pieces.append(_Piece("text", style, f"[图片：{alt}]" if alt else "[图片]"))
            return
        if style.border[2] > 0:  # a bottom border on text reads as an underline (the blanks to sign on)
            style = replace(style, underline=True)
        start = len(pieces)
        self.generated(element, "before", style, pieces)
        if element.etree_element.text:
            pieces.append(_Piece("text", style, element.etree_element.text))
        for child, tail in self.children(element):
            if child is not None:
                child_style = self.style_of(child, style)
                if child_style.is_hidden:
                    pass
                elif child_style.is_block:
                    pieces.append(_Piece("break", child_style))
                    self.inline(child, child_style, pieces)
                    pieces.append(_Piece("break", child_style))
                else:
                    self.inline(child, child_style, pieces)
            if tail:
                pieces.append(_Piece("text", style, tail))
        self.generated(element, "after", style, pieces)
        blank = not any(p.text.strip(" \t\n\r\f") for p in pieces[start:] if p.kind == "text")
        width = style.width or style.min_width
        if blank and style.underline and width:
            count = max(1, round(width / style.font_size))
            pieces.append(_Piece("text", style, "\u3000" * count))

    def generated(self, element: ElementWrapper, which: str, style: Style, pieces: list[_Piece]) -> None:
        text = self.sheet.generated(element, which)
        if text:
            pieces.append(_Piece("text", style, text))

    # tables

    def table(self, element: ElementWrapper, style: Style, sink: _Sink, indent: tuple[float, float]) -> None:
        stray: list[_Piece] = []
        groups: dict[str, list[tuple[ElementWrapper, Style, bool]]] = {"thead": [], "body": [], "tfoot": []}
        for child, child_style in self._parts(element, style, stray):
            tag = child.local_name
            if tag == "caption":
                self.block(child, child_style, sink, indent)
            elif tag in ("thead", "tbody", "tfoot"):
                group = groups["body" if tag == "tbody" else tag]
                for row, row_style in self._parts(child, child_style, stray):
                    if row.local_name == "tr":
                        group.append((row, row_style, tag == "thead"))
                    else:
                        self.inline(row, row_style, stray)
            elif tag == "tr":
                groups["body"].append((child, child_style, False))
            else:
                self.inline(child, child_style, stray)
        rows = groups["thead"] + groups["body"] + groups["tfoot"]
        grid = self._grid(rows, stray)
        self.paragraph(element, style, stray, sink, indent)  # text the parser left in the table, never dropped
        if not any(grid):
            return
        if sink.space and sink.paragraphs:  # a Word table has no space before: the paragraph above keeps it
            previous = sink.paragraphs[-1].paragraph_format
            previous.space_after = Pt(max(sink.space, previous.space_after.pt if previous.space_after else 0.0))
        sink.space = 0.0
        columns = max(col + span for cells in grid for (_, _, col, span, _) in cells)
        table = sink.table(len(grid), columns)
        self._table_format(table, element, style, grid, columns, indent)
        for r, ((_row, row_style, header), cells) in enumerate(zip(rows, grid, strict=True)):
            height = 0.0
            for cell_element, cell_style, col, span, rowspan in cells:
                cell = table.cell(r, col)
                if span > 1 or rowspan > 1:
                    cell = cell.merge(table.cell(min(r + rowspan, len(grid)) - 1, col + span - 1))
                cell.vertical_alignment = VERTICAL.get(cell_style.vertical_align, WD_CELL_VERTICAL_ALIGNMENT.TOP)
                if cell_style.height:
                    height = max(height, cell_style.height + cell_style.padding[0] + cell_style.padding[2])
                self.flow(cell_element, cell_style, _Sink(cell, first=cell.paragraphs[0]), (0.0, 0.0))
            if row_style.height:
                height = max(height, row_style.height)
            if height:
                table.rows[r].height = Pt(height)
                table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            if header:
                repeat_as_header(table.rows[r])

    def _parts(self, element: ElementWrapper, style: Style, stray: list[_Piece]) -> list[tuple[ElementWrapper, Style]]:
        """Visible child elements of a table part, collecting any text between them into ``stray``."""
        if element.etree_element.text:
            stray.append(_Piece("text", style, element.etree_element.text))
        found = []
        for child, tail in self.children(element):
            if child is not None:
                child_style = self.style_of(child, style)
                if not child_style.is_hidden:
                    found.append((child, child_style))
            if tail:
                stray.append(_Piece("text", style, tail))
        return found

    def _grid(
        self, rows: list[tuple[ElementWrapper, Style, bool]], stray: list[_Piece]
    ) -> list[list[tuple[ElementWrapper, Style, int, int, int]]]:
        """Cells of each row with their column, colspan and rowspan, columns taken by rowspans skipped."""
        taken: dict[tuple[int, int], bool] = {}
        grid = []
        for r, (row, row_style, _header) in enumerate(rows):
            cells = []
            col = 0
            for cell, cell_style in self._parts(row, row_style, stray):
                if cell.local_name not in ("td", "th"):
                    self.inline(cell, cell_style, stray)
                    continue
                while taken.get((r, col)):
                    col += 1
                span = max(1, _int(cell.etree_element.get("colspan"), 1))
                rowspan = max(1, _int(cell.etree_element.get("rowspan"), 1))
                for dr in range(rowspan):
                    for dc in range(span):
                        taken[(r + dr, col + dc)] = True
                cells.append((cell, cell_style, col, span, rowspan))
                col += span
            grid.append(cells)
        return grid

    def _table_format(
        self,
        table: Table,
        element: ElementWrapper,
        style: Style,
        grid: list[list[tuple[ElementWrapper, Style, int, int, int]]],
        columns: int,
        indent: tuple[float, float],
    ) -> None:
        available = max(self.text_width - indent[0] - indent[1], 72.0)
        total = style.width or (available * style.width_percent / 100 if style.width_percent else available)
        total = min(total, available)
        fixed: dict[int, float] = {}
        weight: dict[int, float] = {}
        for cells in grid:
            for cell, cell_style, col, span, _rowspan in cells:
                if span != 1:
                    continue
                width = cell_style.width or (total * cell_style.width_percent / 100 if cell_style.width_percent else 0)
                text = _COLLAPSIBLE.sub(" ", "".join(cell.etree_element.itertext())).strip()
                if cell_style.white_space == "nowrap":  # the column widens to keep the text on one line
                    sides = cell_style.padding[1] + cell_style.padding[3]
                    width = max(width, _width(text) * cell_style.font_size / 2 + sides + 1)
                if width:
                    fixed[col] = max(fixed.get(col, 0.0), width)
                weight[col] = max(weight.get(col, 4.0), min(float(_width(text)), 40.0))
        free = [col for col in range(columns) if col not in fixed]
        used = sum(fixed.values())
        if used > total or not free:
            scale = total / used if used else 1.0
            fixed = {col: width * scale for col, width in fixed.items()}
            used = sum(fixed.values())
        rest = max(total - used, 0.0)
        weights = sum(weight.get(col, 4.0) for col in free) or 1.0
        widths = [fixed.get(col) or rest * weight.get(col, 4.0) / weights for col in range(columns)]
        table.autofit = False
        for col, width in enumerate(widths):
            table.columns[col].width = Pt(width)
            for row in table.rows:
                row.cells[col].width = Pt(width)
        if indent[0]:
            set_table_indent(table, indent[0])
        cell_styles = [cell_style for cells in grid for (_, cell_style, *_rest) in cells]
        border = max((max(s.border) for s in (style, *cell_styles)), default=0.0)
        if border:
            set_table_borders(table, border)
        if cell_styles:
            set_cell_margins(table, cell_styles[0].padding)

    # the state of a document that is not in force

    def mark(self, label: str, detail: str) -> None:
        style = replace(self.root_style, bold=True, color=MARK_COLOR, font_size=self.root_style.font_size * 1.5)
        first = self.doc.add_paragraph()
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(first, label, style)
        if detail:
            self.run(first, f"（{detail}）", replace(style, bold=False, font_size=self.root_style.font_size))
        header = self.doc.sections[0].header
        paragraph = header.paragraphs[0] if not header.paragraphs[0].runs else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.run(paragraph, label, replace(style, font_size=self.root_style.font_size))

    def save(self, stamp: tuple[int, int, int, int, int, int]) -> bytes:
        underline_trailing_spaces(self.doc.settings.element)
        package = self.doc.part.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:  # python-docx's template picture, not this document
                del package.rels[rid]
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return repacked(buffer.getvalue(), self.fonts, stamp)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _start(element: ElementWrapper | None) -> int:
    return _int(element.etree_element.get("start"), 1) if element is not None else 1


def document_docx(document: Document) -> bytes:
    """The .docx of ``document``, converted from its HTML snapshot (the source of the issued PDF)."""
    if not document.html:
        raise DocumentError("该文书没有 HTML 快照，无法生成 Word 文件", field="html")
    converter = _Converter(document.html)
    converter.setup()
    if document.state != DocumentState.ISSUED:
        detail = ""
        if document.state == DocumentState.VOIDED:
            when = format_day(timezone.localtime(document.voided_at).date()) if document.voided_at else ""
            detail = "，".join(part for part in (f"作废原因：{document.voided_reason}", when) if part)
        converter.mark(document.get_state_display(), detail)
    converter.body()
    _properties(converter.doc, document)
    issued = timezone.localtime(document.issued_at) if document.issued_at else None
    stamp = (issued.year, issued.month, issued.day, issued.hour, issued.minute, issued.second) if issued else None
    return converter.save(stamp or (1980, 1, 1, 0, 0, 0))


def _properties(doc: Any, document: Document) -> None:
    props = doc.core_properties
    props.title = f"{document.title}{document.number_text}"[:255]
    props.subject = document.get_kind_display()
    props.author = document.agency.name
    props.last_modified_by = document.agency.name
    props.keywords = document.number_text
    props.category = "执法文书"
    props.comments = f"可编辑副本，由签发时的文书 HTML 快照生成；以签发的 PDF 为准（SM3：{document.pdf_digest}）"
    props.revision = 1
    if document.issued_at:
        moment = document.issued_at.astimezone(UTC).replace(tzinfo=None)
        props.created = props.modified = moment


def docx_filename(document: Document) -> str:
    """``行政处罚决定书示市监罚〔2026〕1号.docx``; a slash in a title (查封/扣押) would read as a folder."""
    name = f"{document.title}{document.number_text}".replace("/", "／").replace("\\", "＼")
    return "".join(ch for ch in name if ch.isprintable()) + ".docx"


def open_docx(document: Document, *, actor: Any) -> bytes:
    """The DOCX for ``actor``; a read by anyone but the issuer is recorded as for the PDF (调阅留痕, R-REC-007)."""
    data = document_docx(document)
    with transaction.atomic():
        handlers = [document.issued_by_id] if document.issued_by_id else []
        record_view(viewer=actor, subject=document, agency=document.agency, handler_ids=handlers)
    return data
