"""Template filters of the case pages: the days left of a term, in Chinese."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def days_left(due_on: date | None, day: date | None) -> str:
    """``剩余N日`` before the last day, ``今日届满`` on it, ``已超期N日`` after it (calendar days, R-COE-007)."""
    if due_on is None or day is None:
        return ""
    left = (due_on - day).days
    if left > 0:
        return f"剩余{left}日"
    if left == 0:
        return "今日届满"
    return f"已超期{-left}日"


@register.filter
def plain_number(value: Decimal | None) -> str:
    """A quantity without trailing zeros and never in exponent form: 12.000 → 12, 3.500 → 3.5, 100 → 100."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
