"""持证率 (certificate-holding rate), R-REV-012 reviewer ratio and R-PER-007 training hours."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.personnel.factories import CertificateFactory, OfficerFactory, TrainingRecordFactory
from zhifa.personnel.choices import LeftPostReason
from zhifa.personnel.services import certificate_rate, reviewer_ratio, training_hours, training_shortfall

pytestmark = pytest.mark.django_db
ON = date(2026, 10, 1)


@pytest.fixture
def staffed(agency, other_agency):
    """Enforcement officers on post: 4 (valid, expired, suspended, none). Auxiliary and left-post excluded."""
    CertificateFactory(officer=OfficerFactory(agency=agency, name="甲"))
    CertificateFactory(officer=OfficerFactory(agency=agency, name="乙"), expires_on=date(2026, 9, 30))
    CertificateFactory(officer=OfficerFactory(agency=agency, name="丙"), suspended=True)
    OfficerFactory(agency=agency, name="丁")
    OfficerFactory(agency=agency, name="辅", auxiliary=True)
    CertificateFactory(
        officer=OfficerFactory(
            agency=agency,
            name="退",
            is_on_post=False,
            left_post_on=date(2026, 1, 1),
            left_post_reason=LeftPostReason.RETIREMENT,
        )
    )
    CertificateFactory(officer=OfficerFactory(agency=other_agency, name="他"))
    return agency


def test_certificate_rate_counts_validly_certified_enforcement_officers_on_post(staffed):
    rate = certificate_rate(staffed, on=ON)
    # 1 valid (甲) of 4 enforcement officers on post (甲 乙 丙 丁): 1 / 4 = 0.25
    assert (rate.numerator, rate.denominator, rate.ratio, rate.percent) == (1, 4, Decimal("0.2500"), "25.0%")


def test_certificate_rate_on_expiry_day_counts_the_certificate(staffed):
    # on 2026-09-30 乙's certificate is still valid: 2 / 4
    assert certificate_rate(staffed, on=date(2026, 9, 30)).ratio == Decimal("0.5000")


def test_certificate_rate_without_officers_is_none(other_agency, neighbour_agency):
    rate = certificate_rate(neighbour_agency, on=ON)
    assert (rate.numerator, rate.denominator, rate.ratio, rate.percent) == (0, 0, None, "—")


def test_r_rev_012_reviewer_ratio_below_and_at_five_percent(agency):
    OfficerFactory.create_batch(20, agency=agency)
    ratio = reviewer_ratio(agency, on=ON)
    assert (ratio.numerator, ratio.denominator, ratio.ratio, ratio.meets_minimum) == (0, 20, Decimal("0.0000"), False)
    OfficerFactory(agency=agency, reviewer=True)
    ratio = reviewer_ratio(agency, on=ON)
    # 1 / 20 = 5% exactly: meets the minimum
    assert (ratio.numerator, ratio.denominator, ratio.ratio, ratio.meets_minimum) == (1, 20, Decimal("0.0500"), True)
    OfficerFactory(agency=agency)
    # 1 / 21 = 0.0476…: under
    assert (reviewer_ratio(agency, on=ON).ratio, reviewer_ratio(agency, on=ON).meets_minimum) == (
        Decimal("0.0476"),
        False,
    )


def test_r_per_007_training_hours_per_year_and_shortfall(agency):
    short = OfficerFactory(agency=agency, name="短")
    enough = OfficerFactory(agency=agency, name="足")
    OfficerFactory(agency=agency, name="辅", auxiliary=True)
    TrainingRecordFactory(officer=short, hours=Decimal("24.5"), completed_on=date(2026, 3, 1))
    TrainingRecordFactory(officer=short, hours=Decimal("16"), completed_on=date(2025, 12, 31))
    TrainingRecordFactory(officer=enough, hours=Decimal("40"), completed_on=date(2026, 1, 1))
    TrainingRecordFactory(officer=enough, hours=Decimal("20"), completed_on=date(2026, 12, 31))
    assert training_hours(short, year=2026) == Decimal("24.5")
    assert training_hours(enough, year=2026) == Decimal("60.0")
    rows = training_shortfall(agency, year=2026)
    assert [(r.officer.name, r.hours, r.missing_hours) for r in rows] == [("短", Decimal("24.5"), Decimal("35.5"))]
