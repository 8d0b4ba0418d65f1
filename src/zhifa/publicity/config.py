"""Locality settings of the publicity app, read at call time (never at import): ``settings.PUBLICITY`` over the
documented defaults below."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class PublicityConfig:
    # R-PUB-010 (45号令 第13条): only 通报批评 or a 较低数额罚款 → 3 months; everything else → 3 years.
    minor_period_months: int = 3
    default_period_months: int = 36
    # 较低数额罚款: fines up to this amount (inclusive, R-TIME-006) with nothing heavier. Placeholder: set it to the
    # province's figure.
    low_fine_amount: Decimal = Decimal("10000.00")
    # No statutory period for coercive measures: the general maximum of R-PUB-010.
    coercive_measure_period_months: int = 36
    # R-PRV-003: natural persons' names as surname + 某 (False shows them in full; minors are never named, R-PRV-004).
    mask_natural_person_names: bool = True
    # 法定代表人（负责人）of an organization (45号令 第10条 publishes it; their ID number never).
    show_legal_representative: bool = True
    # Due list: yellow when the deadline is at most this many working days away.
    yellow_working_days: int = 2
    # Portal: page cache and page size.
    portal_cache_seconds: int = 300
    certificate_cache_seconds: int = 60
    portal_page_size: int = 20


def publicity_config() -> PublicityConfig:
    """``settings.PUBLICITY`` (a dict, keys in lower case as above) over the defaults; unknown keys are refused."""
    raw: dict[str, Any] = dict(getattr(settings, "PUBLICITY", {}) or {})
    known = {f.name: f for f in fields(PublicityConfig)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise ImproperlyConfigured(f"settings.PUBLICITY 含有未知的设置项：{'、'.join(unknown)}")
    if "low_fine_amount" in raw:
        raw["low_fine_amount"] = Decimal(str(raw["low_fine_amount"]))
    return PublicityConfig(**raw)
