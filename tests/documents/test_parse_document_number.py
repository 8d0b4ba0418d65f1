"""文号 parsing and normalisation (GLOSSARY Formats ``document_number``; R-DOC-002)."""

import pytest

from zhifa.documents.errors import DocumentError
from zhifa.documents.services import normalize_document_number, parse_document_number


@pytest.mark.parametrize(
    ("text", "prefix", "year", "serial"),
    [
        ("浏发改罚〔2021〕12号", "浏发改罚", 2021, 12),
        ("丰法府建办字〔2021〕4号", "丰法府建办字", 2021, 4),
        ("渌政办发〔2019〕5号", "渌政办发", 2019, 5),
        ("X市监罚〔2026〕12号", "X市监罚", 2026, 12),
    ],
)
def test_canonical_numbers_parse(text, prefix, year, serial):
    parsed = parse_document_number(text)
    assert (parsed.prefix, parsed.year, parsed.serial) == (prefix, year, serial)
    assert parsed.text == text


@pytest.mark.parametrize(
    "typed",
    [
        "浏发改罚[2021]12号",
        "浏发改罚【2021】12号",
        "浏发改罚（2021）12号",
        "浏发改罚(2021)12号",
        "浏发改罚［2021］12号",
        "浏发改罚﹝2021﹞12号",
        " 浏发改罚 〔2021〕 12号 ",
    ],
)
def test_other_brackets_around_the_year_are_normalised(typed):
    assert normalize_document_number(typed) == "浏发改罚〔2021〕12号"
    assert parse_document_number(typed).text == "浏发改罚〔2021〕12号"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "渌政办发〔20195",
            "文号“渌政办发〔20195”格式不正确：年份应为四位数字并用六角括号〔〕括起；"
            "应为 机关代字+类别字〔四位年份〕序号号，如 示市监罚〔2026〕12号",
        ),
        (
            "浏发改罚〔21〕12号",
            "文号“浏发改罚〔21〕12号”格式不正确：年份应为四位数字并用六角括号〔〕括起；"
            "应为 机关代字+类别字〔四位年份〕序号号，如 示市监罚〔2026〕12号",
        ),
        (
            "浏发改罚〔2021〕012号",
            "文号“浏发改罚〔2021〕012号”格式不正确：序号不加“第”字、不编虚位（如 1号，不写 01号 或 第1号）",
        ),
        (
            "浏发改罚〔2021〕第12号",
            "文号“浏发改罚〔2021〕第12号”格式不正确：序号不加“第”字、不编虚位（如 1号，不写 01号 或 第1号）",
        ),
        (
            "浏发改罚〔2021〕12",
            "文号“浏发改罚〔2021〕12”格式不正确：序号后应有“号”字；应为 机关代字+类别字〔四位年份〕序号号，如 示市监罚〔2026〕12号",
        ),
        (
            "〔2021〕12号",
            "文号“〔2021〕12号”格式不正确：缺少机关代字；应为 机关代字+类别字〔四位年份〕序号号，如 示市监罚〔2026〕12号",
        ),
        ("", "文号不能为空"),
    ],
)
def test_broken_numbers_are_refused_with_a_chinese_reason(text, message):
    with pytest.raises(DocumentError) as excinfo:
        parse_document_number(text)
    assert excinfo.value.message == message
    assert excinfo.value.field == "document_number"
