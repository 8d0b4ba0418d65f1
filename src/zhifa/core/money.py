"""Money as documents show it (GLOSSARY Formats ``*_amount``): ``10,873.00元`` and the capitals form.

``format_amount_upper`` writes 大写金额 the way payment documents do (中国人民银行《支付结算办法》附件 正确填写
票据和结算凭证的基本规定): 壹拾 is written out, zeros inside the number are read as one 零, an amount without
分 ends in 整, and an amount without 角 but with 分 reads 元零X分. Amounts are ``Decimal`` with at most two
places (never float); larger precision or negative amounts are refused.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

__all__ = ["MAX_AMOUNT", "format_amount", "format_amount_upper", "to_amount"]

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_SECTIONS = ("", "万", "亿")
CENT = Decimal("0.01")
# DecimalField(14, 2): twelve integer digits.
MAX_AMOUNT = Decimal("999999999999.99")


def to_amount(value: Decimal | str | int) -> Decimal:
    """A non-negative amount in 元 with exactly two places. Raises ``ValueError`` (in Chinese) otherwise."""
    if isinstance(value, float):
        raise ValueError("金额不得使用浮点数")
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as error:
        raise ValueError(f"金额“{value}”格式不正确") from error
    if not amount.is_finite():
        raise ValueError(f"金额“{value}”格式不正确")
    if amount < 0:
        raise ValueError("金额不能为负数")
    if amount != amount.quantize(CENT):
        raise ValueError(f"金额“{value}”最多保留两位小数（分）")
    if amount > MAX_AMOUNT:
        raise ValueError("金额超出允许范围")
    return amount.quantize(CENT)


def _integer_upper(number: int) -> str:
    """``10873`` → 壹万零捌佰柒拾叁 (empty for 0)."""
    if number == 0:
        return ""
    digits = str(number)
    length = len(digits)
    parts: list[str] = []
    zero_pending = False
    for index, char in enumerate(digits):
        position = length - index - 1
        digit = int(char)
        if digit == 0:
            zero_pending = True
        else:
            if zero_pending and parts:
                parts.append("零")
            zero_pending = False
            parts.append(_DIGITS[digit] + _UNITS[position % 4])
        if position % 4 == 0 and position > 0 and int(digits[max(0, index - 3) : index + 1]) != 0:
            parts.append(_SECTIONS[position // 4])
    return "".join(parts)


def format_amount_upper(value: Decimal | str | int) -> str:
    """大写金额: 10873.00 → 壹万零捌佰柒拾叁元整; 0.50 → 伍角整; 100000.05 → 壹拾万元零伍分; 0 → 零元整."""
    amount = to_amount(value)
    cents = int(amount * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _integer_upper(yuan)
    if yuan:
        text += "元"
    if not jiao and not fen:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"  # 元 followed directly by 分: 壹拾万元零伍分
    if fen:
        text += _DIGITS[fen] + "分"
    else:
        text += "整"
    return text


def format_amount(value: Decimal | str | int, *, with_upper: bool = False) -> str:
    """``10,873.00元``; with ``with_upper=True``: ``10,873.00元（壹万零捌佰柒拾叁元整）``."""
    amount = to_amount(value)
    text = f"{amount:,.2f}元"
    if with_upper:
        text += f"（{format_amount_upper(amount)}）"
    return text
