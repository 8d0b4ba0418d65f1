"""The demo parties: ~500 valid, deterministic regulated entities in 示范县 and a few dozen in 邻县."""

from __future__ import annotations

from collections import Counter

import pytest

from zhifa.demo import org
from zhifa.demo import parties as demo_parties
from zhifa.demo.context import DemoContext
from zhifa.parties.models import Party

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_ctx():
    ctx = DemoContext()
    org.load(ctx)
    demo_parties.load(ctx)
    return ctx


def test_every_demo_party_passes_full_validation(demo_ctx):
    parties = list(Party.objects.select_related("region"))
    assert len(parties) == 500
    for party in parties:
        birth_on = party.birth_on
        party.full_clean()  # USCC / ID number / phone validators, kind-dependent rules, unique USCC
        assert party.birth_on == birth_on


def test_demo_distribution(demo_ctx):
    by_region = Counter(Party.objects.values_list("region__path", flat=True))
    in_county = sum(n for path, n in by_region.items() if "/430199/" in path)
    in_neighbour = sum(n for path, n in by_region.items() if "/430198/" in path)
    assert (in_county, in_neighbour) == (460, 40)
    kinds = Counter(Party.objects.values_list("kind", flat=True))
    assert set(kinds) == {"legal_person", "individual_business", "other_organization", "natural_person"}
    assert kinds["legal_person"] > 250
    assert set(Party.objects.values_list("risk_level", flat=True)) == {"low", "medium", "high"}
    assert len(demo_ctx.extra["parties"]) == 500


def test_demo_companies_use_91_prefix_and_demo_region(demo_ctx):
    companies = Party.objects.filter(kind="legal_person", region__code="430199")
    assert {uscc[:8] for uscc in companies.values_list("uscc", flat=True)} == {"91430199"}
    shops = Party.objects.filter(kind="individual_business", region__code="430199")
    assert {uscc[:8] for uscc in shops.values_list("uscc", flat=True)} == {"92430199"}


def test_demo_is_deterministic(demo_ctx):
    first = list(Party.objects.order_by("id").values_list("name", "uscc", "id_number", "risk_level", "credit_rating"))
    Party.objects.all().delete()
    ctx = DemoContext(regions=demo_ctx.regions)
    demo_parties.load(ctx)
    second = list(Party.objects.order_by("id").values_list("name", "uscc", "id_number", "risk_level", "credit_rating"))
    assert first == second
