"""Cell readers shared by the discretion imports: lists separated by “；”, optional numbers, the enforcement item of
an agency by code, circumstances by name or code."""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError

from zhifa.catalog.choices import EnforcementItemState
from zhifa.catalog.models import EnforcementItem
from zhifa.core.excel import parse_decimal
from zhifa.discretion.models import Circumstance
from zhifa.org.models import Agency

SEPARATORS = re.compile(r"[；;\n]+")


def parts(text: str) -> list[str]:
    """The non-empty parts of a cell listing several values (“警告；罚款”)."""
    return [part for part in (p.strip() for p in SEPARATORS.split(text or "")) if part]


def optional_decimal(row: dict[str, str], key: str) -> Decimal | None:
    value = row.get(key, "")
    return parse_decimal(value, field_name=key) if value else None


def optional_positive_int(row: dict[str, str], key: str, label: str) -> int | None:
    value = (row.get(key, "") or "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValidationError({key: f"{label}“{value}”应为正整数"})
    return int(value)


def live_item(agency: Agency, code: str, *, field_name: str) -> EnforcementItem:
    """The agency's item in force (or suspended) with this 事项编码."""
    item = (
        EnforcementItem.objects.filter(agency=agency, code=code.strip())
        .filter(state__in=[EnforcementItemState.IN_FORCE, EnforcementItemState.SUSPENDED])
        .first()
    )
    if item is None:
        raise ValidationError({field_name: f"{agency.name}没有事项编码为“{code}”的有效事项"})
    return item


def circumstances_by_label() -> dict[str, Circumstance]:
    """Every circumstance under its name and its code."""
    known = list(Circumstance.objects.all())
    return {c.name: c for c in known} | {c.code: c for c in known}


def text(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
