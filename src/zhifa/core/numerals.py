"""Chinese numerals as used in legal citations (第一百零一条, 第（三）项)."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_DIGIT_VALUES = {char: index for index, char in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def to_chinese(number: int) -> str:
    """1 → 一, 10 → 十, 15 → 十五, 101 → 一百零一, 110 → 一百一十, 1005 → 一千零五 (1–9999)."""
    if not 1 <= number <= 9999:
        raise ValueError("number must be between 1 and 9999")
    parts: list[str] = []
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_DIGITS[digit] + unit)
    text = "".join(parts)
    if text.startswith("一十"):
        text = text[1:]
    return text


def from_chinese(text: str) -> int:
    """Inverse of ``to_chinese``; also accepts Arabic digits. Raises ``ValueError`` on anything else."""
    text = (text or "").strip()
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    total = 0
    current = 0
    for char in text:
        if char in _DIGIT_VALUES:
            current = _DIGIT_VALUES[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text}")
    return total + current
