"""Filters for 文书 templates: dates as 2026年5月12日, money as 10,873.00元（壹万零捌佰柒拾叁元整）."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone

from zhifa.core.calendar import format_day
from zhifa.core.money import format_amount, format_amount_upper

register = template.Library()


@register.filter
def day(value: Any) -> str:
    """``date`` or ISO text → ``2026年5月12日``; other text is shown as written (``2026年5月上旬``)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        return format_day(timezone.localtime(value).date() if timezone.is_aware(value) else value.date())
    if isinstance(value, date):
        return format_day(value)
    try:
        return format_day(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


@register.filter
def amount(value: Decimal | str | int) -> str:
    """``10,873.00元（壹万零捌佰柒拾叁元整）`` (GLOSSARY Formats ``*_amount``)."""
    return format_amount(value, with_upper=True)


@register.filter
def amount_upper(value: Decimal | str | int) -> str:
    return format_amount_upper(value)


@register.filter
def as_list(value: Any) -> list[Any]:
    """A list stays a list; text becomes one item (context values may be either)."""
    if value in (None, ""):
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


_ENDINGS = "。！？；.!?;"


@register.filter
def sentences(value: Any) -> str:
    """Items of text run on as sentences, each ending in 。 (``["甲", "乙。"]`` → ``甲。乙。``)."""
    parts = [str(item).strip() for item in as_list(value) if str(item).strip()]
    return "".join(part if part[-1] in _ENDINGS else part + "。" for part in parts)
