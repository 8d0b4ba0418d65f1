"""Finding 12 / R-HEA-002: the 较大数额 threshold is taken from the most specific row, with a sector."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.org.factories import SectorFactory
from zhifa.catalog.models import MajorDecisionCriterion
from zhifa.catalog.services import large_fine_threshold

pytestmark = pytest.mark.django_db


def _row(party_category, amount, **scope):
    return MajorDecisionCriterion.objects.create(
        kind="large_fine", party_category=party_category, threshold_amount=Decimal(amount), **scope
    )


@pytest.fixture
def market():
    return SectorFactory(code="market_regulation", name="市场监管")


@pytest.fixture
def transport():
    return SectorFactory(code="transport", name="交通运输")


def test_r_hea_002_specific_party_category_beats_any_in_the_same_scope():
    _row("any", "3000")  # sorts before natural_person: it used to win
    assert large_fine_threshold(party_category="natural_person") == Decimal("5000.00")
    assert large_fine_threshold(party_category="organization") == Decimal("50000.00")


def test_r_hea_002_sector_rows_apply_to_their_sector(market, transport):
    _row("natural_person", "10000", sector=market)
    _row("organization", "100000", sector=market)
    assert large_fine_threshold(party_category="natural_person", sector=market) == Decimal("10000.00")
    assert large_fine_threshold(party_category="organization", sector=market) == Decimal("100000.00")
    assert large_fine_threshold(party_category="organization", sector=transport) == Decimal("50000.00")
    assert large_fine_threshold(party_category="organization") == Decimal("50000.00")


def test_r_hea_002_a_sector_row_for_any_beats_a_general_row_for_the_category(market):
    _row("any", "8000", sector=market)
    assert large_fine_threshold(party_category="natural_person", sector=market) == Decimal("8000.00")


def test_r_hea_002_deepest_region_beats_a_national_sector_row(agency, market):
    _row("natural_person", "10000", sector=market)
    _row("natural_person", "4000", region_code="430000")
    _row("any", "2000", region_code="430199")
    assert large_fine_threshold(party_category="natural_person", agency=agency, sector=market) == Decimal("2000.00")


def test_r_hea_002_agency_row_beats_region_rows(agency, other_agency):
    _row("any", "2000", region_code="430199")
    _row("natural_person", "1000", agency=agency)
    assert large_fine_threshold(party_category="natural_person", agency=agency) == Decimal("1000.00")
    assert large_fine_threshold(party_category="natural_person", agency=other_agency) == Decimal("2000.00")


def test_r_hea_002_a_switched_off_winner_means_no_threshold(agency):
    row = _row("natural_person", "1000", agency=agency)
    row.is_active = False
    row.save()
    assert large_fine_threshold(party_category="natural_person", agency=agency) is None
