"""Agency figures: training hours (R-PER-007), certificate-holding rate, reviewer ratio (R-REV-012)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from zhifa.org.models import Agency
from zhifa.personnel.choices import OfficerKind
from zhifa.personnel.models import Officer
from zhifa.personnel.services._common import RATIO_PLACES, REQUIRED_TRAINING_HOURS, REVIEWER_RATIO_MINIMUM

_ZERO_HOURS = Value(Decimal("0"), output_field=DecimalField(max_digits=8, decimal_places=1))


def training_hours(officer: Officer, *, year: int) -> Decimal:
    """学时 the officer completed in calendar ``year`` (R-PER-007)."""
    total = officer.training_records.filter(completed_on__year=year).aggregate(
        total=Coalesce(Sum("hours"), _ZERO_HOURS)
    )
    return Decimal(total["total"])


@dataclass(frozen=True)
class TrainingShortfall:
    officer: Officer
    hours: Decimal
    missing_hours: Decimal


def training_shortfall(
    agency: Agency, *, year: int, required_hours: Decimal = REQUIRED_TRAINING_HOURS
) -> list[TrainingShortfall]:
    """R-PER-007: on-post officers (auxiliary staff excluded) of ``agency`` below ``required_hours`` in ``year``."""
    officers = (
        Officer.objects.filter(agency=agency, is_on_post=True)
        .exclude(kind=OfficerKind.AUXILIARY)
        .annotate(
            year_hours=Coalesce(
                Sum("training_records__hours", filter=Q(training_records__completed_on__year=year)), _ZERO_HOURS
            )
        )
        .order_by("name", "id")
    )
    return [
        TrainingShortfall(officer=o, hours=Decimal(o.year_hours), missing_hours=required_hours - Decimal(o.year_hours))
        for o in officers
        if Decimal(o.year_hours) < required_hours
    ]


# ---------------------------------------------------------------------------------------------------------------
# Agency figures: certificate-holding rate and legal-reviewer ratio (R-PER-001, R-REV-012)
# ---------------------------------------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> Decimal | None:
    if denominator == 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATIO_PLACES)


def _percent(ratio: Decimal | None) -> str:
    return "—" if ratio is None else f"{(ratio * 100).quantize(Decimal('0.1'))}%"


@dataclass(frozen=True)
class CertificateRate:
    """持证率: validly certified enforcement officers on post ÷ enforcement officers on post (auxiliary excluded)."""

    numerator: int
    denominator: int
    ratio: Decimal | None

    @property
    def percent(self) -> str:
        return _percent(self.ratio)


@dataclass(frozen=True)
class ReviewerRatio:
    """R-REV-012: legal reviewers on post ÷ enforcement officers on post; ``meets_minimum`` when ≥ 5%."""

    numerator: int
    denominator: int
    ratio: Decimal | None
    meets_minimum: bool

    @property
    def percent(self) -> str:
        return _percent(self.ratio)


@dataclass(frozen=True)
class AgencyFigures:
    agency: Agency
    certificate_rate: CertificateRate
    reviewer_ratio: ReviewerRatio


def _counts_by_agency(officers: Any) -> dict[int, int]:
    return dict(officers.order_by().values("agency").annotate(n=Count("id")).values_list("agency", "n"))


def agency_figures(agencies: Iterable[Agency], *, on: date) -> list[AgencyFigures]:
    """Both figures for many agencies in three queries (the 持证率 table), as they stood on ``on``.

    Officers on post on ``on`` (``OfficerQuerySet.on_post_on``), certificates valid on ``on`` by their status
    history (``valid_certificate_q``): a past date is not rewritten by later departures or suspensions.
    """
    agency_list = list(agencies)
    on_post = Officer.objects.filter(agency__in=[a.pk for a in agency_list]).on_post_on(on)
    enforcement = on_post.filter(kind=OfficerKind.ENFORCEMENT)
    totals = _counts_by_agency(enforcement)
    certified = _counts_by_agency(enforcement.with_valid_certificate(on))
    reviewers = _counts_by_agency(on_post.filter(kind=OfficerKind.LEGAL_REVIEWER))
    rows = []
    for agency in agency_list:
        total = totals.get(agency.pk, 0)
        reviewer_count = reviewers.get(agency.pk, 0)
        ratio = _ratio(reviewer_count, total)
        rows.append(
            AgencyFigures(
                agency=agency,
                certificate_rate=CertificateRate(
                    certified.get(agency.pk, 0), total, _ratio(certified.get(agency.pk, 0), total)
                ),
                reviewer_ratio=ReviewerRatio(
                    reviewer_count, total, ratio, ratio is None or ratio >= REVIEWER_RATIO_MINIMUM
                ),
            )
        )
    return rows


def certificate_rate(agency: Agency, *, on: date) -> CertificateRate:
    """持证率 of ``agency`` on ``on``."""
    return agency_figures([agency], on=on)[0].certificate_rate


def reviewer_ratio(agency: Agency, *, on: date) -> ReviewerRatio:
    """R-REV-012: legal reviewers ÷ enforcement officers of ``agency`` (both on post), minimum 5%."""
    return agency_figures([agency], on=on)[0].reviewer_ratio
