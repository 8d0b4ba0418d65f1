"""R-REV-002 / R-HEA-002: the seeded major-decision catalog and its locality settings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhifa.catalog.models import MajorDecisionCriterion
from zhifa.catalog.services import effective_criteria, large_fine_threshold

pytestmark = pytest.mark.django_db


def test_r_rev_002_national_defaults_are_seeded_and_active():
    kinds = sorted({row.kind for row in effective_criteria()})
    assert kinds == [
        "coercive_enforcement",
        "forced_demolition",
        "hearing_eligible_penalty",
        "land_expropriation",
        "large_fine",
        "revoke_license",
        "suspend_operations",
    ]
    toggle = MajorDecisionCriterion.objects.get(kind="review_all_general_procedure", agency=None, region_code="")
    assert toggle.is_active is False


def test_r_hea_002_placeholder_thresholds():
    assert large_fine_threshold(party_category="natural_person") == Decimal("5000.00")
    assert large_fine_threshold(party_category="organization") == Decimal("50000.00")


def test_r_time_006_threshold_includes_the_number():
    row = MajorDecisionCriterion.objects.get(
        kind="large_fine", party_category="natural_person", agency=None, region_code=""
    )
    assert row.matches_amount(Decimal("5000.00")) is True
    assert row.matches_amount(Decimal("4999.99")) is False


def test_locality_setting_overrides_the_default_for_its_region_and_below(agency, neighbour_agency):
    MajorDecisionCriterion.objects.create(
        kind="large_fine", party_category="organization", threshold_amount=Decimal("100000"), region_code="430100"
    )
    assert large_fine_threshold(party_category="organization", agency=agency) == Decimal("100000.00")
    MajorDecisionCriterion.objects.create(
        kind="large_fine", party_category="organization", threshold_amount=Decimal("30000"), region_code="430199"
    )
    assert large_fine_threshold(party_category="organization", agency=agency) == Decimal("30000.00")
    assert large_fine_threshold(party_category="organization", agency=neighbour_agency) == Decimal("100000.00")


def test_agency_setting_can_switch_on_the_review_all_toggle(agency, other_agency):
    MajorDecisionCriterion.objects.create(kind="review_all_general_procedure", agency=agency, is_active=True)
    assert "review_all_general_procedure" in {row.kind for row in effective_criteria(agency=agency)}
    assert "review_all_general_procedure" not in {row.kind for row in effective_criteria(agency=other_agency)}
