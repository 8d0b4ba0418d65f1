"""Amounts in documents (GLOSSARY Formats ``*_amount``): 10,873.00元 and 大写金额 (core.money)."""

from decimal import Decimal

import pytest

from zhifa.core.money import format_amount, format_amount_upper


@pytest.mark.parametrize(
    ("amount", "upper"),
    [
        ("10873.00", "壹万零捌佰柒拾叁元整"),
        ("0.50", "伍角整"),
        ("200.00", "贰佰元整"),
        ("100000.05", "壹拾万元零伍分"),
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("1.55", "壹元伍角伍分"),
        ("10.00", "壹拾元整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1000001.00", "壹佰万零壹元整"),
        ("100010000.00", "壹亿零壹万元整"),
        ("3000.00", "叁仟元整"),
    ],
)
def test_format_amount_upper(amount, upper):
    assert format_amount_upper(Decimal(amount)) == upper
    assert format_amount_upper(amount) == upper


def test_format_amount_with_thousands_separator_and_capitals():
    assert format_amount(Decimal("10873")) == "10,873.00元"
    assert format_amount("10873.00", with_upper=True) == "10,873.00元（壹万零捌佰柒拾叁元整）"
    assert format_amount(200) == "200.00元"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1.00", "金额不能为负数"),
        ("1.005", "金额“1.005”最多保留两位小数（分）"),
        ("abc", "金额“abc”格式不正确"),
        (1.5, "金额不得使用浮点数"),
    ],
)
def test_bad_amounts_are_refused_in_chinese(value, message):
    with pytest.raises(ValueError) as excinfo:
        format_amount_upper(value)
    assert str(excinfo.value) == message
