"""Data scope: a party belongs to a region; users see their region and below, never another region's."""

from __future__ import annotations

import pytest

from tests.org.factories import RegionFactory
from tests.parties.factories import PartyFactory
from zhifa.org.choices import RegionLevel
from zhifa.parties.models import Party

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties(county, neighbour_county, city):
    township = RegionFactory(code="430199101", name="示范县青山镇", level=RegionLevel.TOWNSHIP, parent=county)
    return {
        "county": PartyFactory(region=county, name="县级企业"),
        "township": PartyFactory(region=township, name="镇级企业"),
        "neighbour": PartyFactory(region=neighbour_county, name="邻县企业"),
        "city": PartyFactory(region=city, name="市级企业"),
    }


def _visible(user) -> set[str]:
    return set(Party.objects.visible_to(user).values_list("name", flat=True))


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("handler", {"县级企业", "镇级企业"}),
        ("other_agency_handler", {"县级企业", "镇级企业"}),
        ("agency_admin", {"县级企业", "镇级企业"}),
        ("supervisor", {"县级企业", "镇级企业"}),
        ("auditor", {"县级企业", "镇级企业"}),
        ("neighbour_handler", {"邻县企业"}),
        ("other_region_supervisor", {"邻县企业"}),
        ("city_supervisor", {"县级企业", "镇级企业", "邻县企业", "市级企业"}),
        ("system_admin", {"县级企业", "镇级企业", "邻县企业", "市级企业"}),
    ],
)
def test_visible_to_follows_the_region_scope(request, parties, persona, expected):
    assert _visible(request.getfixturevalue(persona)) == expected


def test_anonymous_sees_nothing(parties):
    from django.contrib.auth.models import AnonymousUser

    assert _visible(AnonymousUser()) == set()


def test_object_permission_matches_the_queryset(request, parties, handler, neighbour_handler):
    import rules

    assert rules.has_perm("parties.view_party", handler, parties["township"]) is True
    assert rules.has_perm("parties.view_party", handler, parties["neighbour"]) is False
    assert rules.has_perm("parties.view_party", neighbour_handler, parties["neighbour"]) is True
