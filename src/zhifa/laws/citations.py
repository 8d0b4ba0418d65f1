"""法条引用 (citation): parse and render ``《简称》第N条[第N款][第（N）项][第N目]`` (GLOSSARY, Formats).

Pure functions, no database. Accepted input: the full title with or without 中华人民共和国, or the short
title; Arabic or Chinese numerals; 第（三）项, 第(三)项 or 第三项; spaces anywhere. Rendering is canonical:
Chinese numerals and full-width brackets around the 项 number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhifa.core.numerals import from_chinese, to_chinese
from zhifa.laws.errors import CitationInvalid

NATIONAL_PREFIX = "中华人民共和国"

_NUMERAL = r"[0-9零〇一二两三四五六七八九十百千]+"
_TITLE_RE = re.compile(r"^《(?P<title>[^《》]+)》(?P<rest>.*)$")
_PART_RE = re.compile(rf"第(?:[（(](?P<bracketed>{_NUMERAL})[）)]|(?P<plain>{_NUMERAL}))(?P<unit>条|款|项|目)")
_UNIT_ORDER = {"条": 0, "款": 1, "项": 2, "目": 3}
_UNIT_NAMES = {"条": "条", "款": "款", "项": "项", "目": "目"}


@dataclass(frozen=True)
class Citation:
    """A parsed citation. ``title`` is as written (prefix 中华人民共和国 kept if given)."""

    title: str
    number: int
    paragraph: int | None = None
    subparagraph: int | None = None
    point: int | None = None

    @property
    def position(self) -> str:
        """``第五十一条第二款第（三）项`` without the title."""
        return render_position(
            number=self.number, paragraph=self.paragraph, subparagraph=self.subparagraph, point=self.point
        )

    def render(self, short_title: str | None = None) -> str:
        return f"《{short_title or self.title}》{self.position}"

    def __str__(self) -> str:
        return self.render()


def title_variants(title: str) -> list[str]:
    """The forms under which a law may be cited: as given, without and with 中华人民共和国."""
    title = title.strip()
    core = title.removeprefix(NATIONAL_PREFIX)
    return list(dict.fromkeys([title, core, NATIONAL_PREFIX + core]))


def render_position(*, number: int, paragraph: int | None, subparagraph: int | None, point: int | None) -> str:
    text = f"第{to_chinese(number)}条"
    if paragraph:
        text += f"第{to_chinese(paragraph)}款"
    if subparagraph:
        text += f"第（{to_chinese(subparagraph)}）项"
    if point:
        text += f"第{to_chinese(point)}目"
    return text


def render_citation(
    *, title: str, number: int, paragraph: int | None = None, subparagraph: int | None = None, point: int | None = None
) -> str:
    return f"《{title}》" + render_position(number=number, paragraph=paragraph, subparagraph=subparagraph, point=point)


def parse(text: str) -> Citation:
    """Parse a citation; raise ``CitationInvalid`` whose Chinese message names the part that is wrong."""
    raw = text or ""
    compact = re.sub(r"\s+", "", raw)
    if not compact:
        raise CitationInvalid("法条引用不能为空", field="citation")
    match = _TITLE_RE.match(compact)
    if not match:
        raise CitationInvalid(
            f"法条引用“{raw.strip()}”应以书名号括起的法律法规名称开头，如《行政处罚法》第五十一条", field="citation"
        )
    title, rest = match.group("title"), match.group("rest")
    if not rest:
        raise CitationInvalid(f"法条引用“{compact}”缺少条号，如第五十一条", field="citation")
    values: dict[str, int] = {}
    last_order = -1
    position = 0
    while position < len(rest):
        part = _PART_RE.match(rest, position)
        if not part:
            raise CitationInvalid(
                f"法条引用“{compact}”中“{rest[position:]}”无法识别，应为“第N条第N款第（N）项”", field="citation"
            )
        unit = part.group("unit")
        numeral = part.group("bracketed") or part.group("plain")
        order = _UNIT_ORDER[unit]
        if unit in values:
            raise CitationInvalid(f"法条引用“{compact}”中“{unit}”重复出现", field="citation")
        if order <= last_order:
            raise CitationInvalid(
                f"法条引用“{compact}”中“第{numeral}{unit}”的位置不对，应按条、款、项、目的顺序", field="citation"
            )
        try:
            value = from_chinese(numeral)
        except ValueError:
            raise CitationInvalid(
                f"法条引用“{compact}”中{_UNIT_NAMES[unit]}号“{numeral}”不是有效的数字", field="citation"
            ) from None
        if value < 1:
            raise CitationInvalid(f"法条引用“{compact}”中{_UNIT_NAMES[unit]}号“{numeral}”应大于零", field="citation")
        values[unit] = value
        last_order = order
        position = part.end()
    if "条" not in values:
        raise CitationInvalid(f"法条引用“{compact}”缺少条号，如第五十一条", field="citation")
    if "目" in values and "项" not in values:
        raise CitationInvalid(f"法条引用“{compact}”中“目”须在“项”之后", field="citation")
    return Citation(
        title=title,
        number=values["条"],
        paragraph=values.get("款"),
        subparagraph=values.get("项"),
        point=values.get("目"),
    )
