"""Word primitives of the DOCX export: Chinese fonts and the font table, list markers, page fields, table
borders and margins, and the final package. WordprocessingML elements are ordered sequences; each insertion
names the elements that may follow it so that Word opens the file without a repair prompt."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# The elements that may follow the one inserted, in WordprocessingML's sequence order.
_AFTER_SPACING: tuple[str, ...] = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect")
_AFTER_SPACING += ("w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout")
_AFTER_TBL_IND = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_AFTER_TBL_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", *_AFTER_TBL_CELL_MAR)
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


# --- fonts --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordFont:
    """A Chinese font as Word names it, with the names it has on other systems (``w:altName``)."""

    east_asia: str
    latin: str
    alternatives: str
    panose: str


SONG = WordFont(
    "宋体", "Times New Roman", "SimSun,Noto Serif CJK SC,Source Han Serif SC,Songti SC", "02010600030101010101"
)
HEI = WordFont("黑体", "Arial", "SimHei,Noto Sans CJK SC,Source Han Sans SC,Heiti SC", "02010609060101010101")
FANGSONG = WordFont("仿宋", "Times New Roman", "FangSong,仿宋_GB2312,STFangsong", "02010609060101010101")
KAI = WordFont("楷体", "Times New Roman", "KaiTi,楷体_GB2312,STKaiti", "02010609060101010101")
_FAMILY_HINTS = (  # checked in order against a CSS family name in lower case
    (("fangsong", "仿宋"), FANGSONG),
    (("kai", "楷"), KAI),
    (("sans", "hei", "黑", "yahei", "雅黑", "gothic"), HEI),
    (("serif", "song", "宋", "ming", "明"), SONG),
)


def word_font(families: tuple[str, ...]) -> WordFont:
    """The Word font for a CSS ``font-family`` list: the first family that names a Chinese font kind wins."""
    for family in families:
        name = family.lower()
        for hints, font in _FAMILY_HINTS:
            if any(hint in name for hint in hints):
                return font
    return SONG


def set_fonts(rpr: Any, font: WordFont) -> None:
    """Explicit fonts (theme fonts would win over them, so they are removed) with the East Asian hint, so that
    Chinese punctuation like “”（） is set in the Chinese font too."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), font.latin)
    fonts.set(qn("w:hAnsi"), font.latin)
    fonts.set(qn("w:eastAsia"), font.east_asia)
    fonts.set(qn("w:cs"), font.latin)
    fonts.set(qn("w:hint"), "eastAsia")


def font_table(xml: bytes, fonts: set[WordFont]) -> bytes:
    """Declare the Chinese fonts in ``word/fontTable.xml``: GB2312 charset and alternative names, so that Word
    and LibreOffice find a Chinese face on a machine without 宋体."""
    root = etree.fromstring(xml)
    for font in sorted(fonts, key=lambda f: f.east_asia):
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == font.east_asia:
                root.remove(old)
        entry = etree.SubElement(root, qn("w:font"), {qn("w:name"): font.east_asia})
        etree.SubElement(entry, qn("w:altName"), {qn("w:val"): font.alternatives})
        etree.SubElement(entry, qn("w:panose1"), {qn("w:val"): font.panose})
        etree.SubElement(entry, qn("w:charset"), {qn("w:val"): "86"})
        etree.SubElement(entry, qn("w:family"), {qn("w:val"): "auto"})
        etree.SubElement(entry, qn("w:pitch"), {qn("w:val"): "variable"})
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def set_chinese(rpr: Any) -> None:
    """Text is Chinese (zh-CN) for East Asian script: Word's proofing, line breaking and font choice."""
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_letter_spacing(rpr: Any, points: float) -> None:
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(round(points * 20)))  # twentieths of a point
    rpr.insert_element_before(spacing, *_AFTER_SPACING)


def wrap_in_field(run: Any, instruction: str) -> None:
    """Make ``run`` the shown result of a field (``PAGE``, ``NUMPAGES``) that Word updates."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    run._element.addprevious(simple)
    simple.append(run._element)


# --- tables -------------------------------------------------------------------------------------------------------


def _twips(points: float) -> str:
    return str(round(points * 20))


def set_table_indent(table: Any, points: float) -> None:
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), _twips(points))
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.insert_element_before(ind, *_AFTER_TBL_IND)


def set_table_borders(table: Any, points: float) -> None:
    """Single black lines of ``points`` width around and between all cells (border-collapse)."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(max(2, min(96, round(points * 8)))))  # eighths of a point
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
        borders.append(edge)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBL_BORDERS)


def set_cell_margins(table: Any, padding: tuple[float, float, float, float]) -> None:
    """The table's cell padding (top, right, bottom, left, in points)."""
    margins = OxmlElement("w:tblCellMar")
    for side, value in zip(("top", "right", "bottom", "left"), padding, strict=True):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), _twips(value))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.insert_element_before(margins, *_AFTER_TBL_CELL_MAR)


def repeat_as_header(row: Any) -> None:
    """The row is repeated at the top of each page the table runs onto (a ``<thead>`` row)."""
    row._tr.get_or_add_trPr().insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_TBL_HEADER)


# --- list markers -----------------------------------------------------------------------------------------------

_CJK_DIGITS = "〇一二三四五六七八九"


def _cjk_number(n: int) -> str:
    if n < 10:
        return _CJK_DIGITS[n]
    if n < 20:
        return "十" + (_CJK_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CJK_DIGITS[n // 10] + "十" + (_CJK_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    numerals: tuple[tuple[int, str], ...] = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"))
    numerals += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out


def list_marker(kind: str, n: int) -> str:
    """The marker WeasyPrint draws for list item ``n`` (``decimal`` → ``3.``, ``disc`` → ``•``)."""
    if kind == "none":
        return ""
    if kind in ("disc", "circle", "square"):
        return {"disc": "•", "circle": "◦", "square": "▪"}[kind]
    if kind in ("cjk-decimal", "cjk-ideographic", "simp-chinese-informal"):
        return _cjk_number(n) + "、"
    if kind in ("lower-alpha", "lower-latin", "upper-alpha", "upper-latin") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return (letter.upper() if kind.startswith("upper") else letter) + "."
    if kind in ("lower-roman", "upper-roman") and n > 0:
        return (_roman(n).upper() if kind == "upper-roman" else _roman(n)) + "."
    return f"{n}."


# --- the package --------------------------------------------------------------------------------------------------


def underline_trailing_spaces(settings: Any) -> None:
    """Word leaves spaces at a line end without underline unless told: a signature blank needs them."""
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.insert(0, OxmlElement("w:ulTrailSpace"))


def repacked(data: bytes, fonts: set[WordFont], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """The package with its font table completed and fixed member dates (the same snapshot gives the same file)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/fontTable.xml":
                content = font_table(content, fonts)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=stamp), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
