"""法条引用: parsing accepts the documented variants and rendering is canonical (GLOSSARY, Formats)."""

from __future__ import annotations

import pytest

from zhifa.laws.citations import Citation, render_citation
from zhifa.laws.errors import CitationInvalid
from zhifa.laws.services import parse_citation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《行政处罚法》第五十一条", Citation("行政处罚法", 51)),
        ("《中华人民共和国行政处罚法》第五十一条", Citation("中华人民共和国行政处罚法", 51)),
        ("《行政处罚法》第51条", Citation("行政处罚法", 51)),
        ("《安全生产法》第一百零一条", Citation("安全生产法", 101)),
        ("《行政处罚法》第十条", Citation("行政处罚法", 10)),
        ("《行政处罚法》第一百一十条", Citation("行政处罚法", 110)),
        ("《行政处罚法》第五十一条第二款第（三）项", Citation("行政处罚法", 51, 2, 3)),
        ("《行政处罚法》第五十一条第二款第三项", Citation("行政处罚法", 51, 2, 3)),
        ("《行政处罚法》第五十一条第二款第(三)项", Citation("行政处罚法", 51, 2, 3)),
        ("《行政处罚法》 第 51 条 第 2 款 第（3）项", Citation("行政处罚法", 51, 2, 3)),
        ("《食品安全法》第三十四条第（十一）项", Citation("食品安全法", 34, None, 11)),
        ("《某条例》第三条第一款第（二）项第一目", Citation("某条例", 3, 1, 2, 1)),
    ],
)
def test_parse_accepts_the_documented_variants(text, expected):
    assert parse_citation(text) == expected


@pytest.mark.parametrize(
    ("number", "paragraph", "subparagraph", "expected"),
    [
        (101, None, None, "《安全生产法》第一百零一条"),
        (10, None, None, "《安全生产法》第十条"),
        (51, 2, 3, "《安全生产法》第五十一条第二款第（三）项"),
        (34, None, 11, "《安全生产法》第三十四条第（十一）项"),
        (110, 1, None, "《安全生产法》第一百一十条第一款"),
    ],
)
def test_render_is_canonical_with_chinese_numerals(number, paragraph, subparagraph, expected):
    assert (
        render_citation(title="安全生产法", number=number, paragraph=paragraph, subparagraph=subparagraph) == expected
    )


@pytest.mark.parametrize(
    "text",
    [
        "《行政处罚法》第五十一条第二款第（三）项",
        "《安全生产法》第一百零一条",
        "《行政处罚法》第十条",
        "《食品安全法》第三十四条第（十一）项",
    ],
)
def test_parse_then_render_round_trips(text):
    assert parse_citation(text).render() == text


def test_arabic_and_full_title_render_to_the_canonical_form_with_the_short_title():
    parsed = parse_citation("《中华人民共和国行政处罚法》第51条第2款第3项")
    assert parsed.render(short_title="行政处罚法") == "《行政处罚法》第五十一条第二款第（三）项"


@pytest.mark.parametrize(
    ("text", "message_part"),
    [
        ("", "不能为空"),
        ("行政处罚法第五十一条", "书名号"),
        ("《行政处罚法》", "缺少条号"),
        ("《行政处罚法》第二款", "缺少条号"),
        ("《行政处罚法》第五十一款第二条", "位置不对"),
        ("《行政处罚法》第五十一条abc", "“abc”无法识别"),
        ("《行政处罚法》第五十一条第五十一条", "重复"),
        ("《行政处罚法》第零条", "应大于零"),
        ("《行政处罚法》第五十一条第一目", "“目”须在“项”之后"),
    ],
)
def test_garbage_is_rejected_with_a_chinese_message_naming_the_part(text, message_part):
    with pytest.raises(CitationInvalid) as raised:
        parse_citation(text)
    assert message_part in raised.value.message
    assert raised.value.field == "citation"
