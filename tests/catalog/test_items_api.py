"""Enforcement-item API: data scope on list/retrieve, one POST per transition, permissions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog.choices import EnforcementItemState
from zhifa.catalog.models import EnforcementItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(agency, other_agency, neighbour_agency, penalty_article):
    return {
        "own": EnforcementItemFactory(agency=agency, in_force=True, penalty_basis=[penalty_article]),
        "other": EnforcementItemFactory(agency=other_agency, in_force=True),
        "neighbour": EnforcementItemFactory(agency=neighbour_agency, in_force=True),
    }


def _codes(response):
    return sorted(row["code"] for row in response.json()["results"])


def test_anonymous_gets_401(api_client, items):
    assert api_client.get("/api/v1/enforcement-items/").status_code == 401
    assert api_client.post(f"/api/v1/enforcement-items/{items['own'].pk}/suspend/").status_code == 401
    assert EnforcementItem.objects.get(pk=items["own"].pk).state == EnforcementItemState.IN_FORCE


def test_handler_sees_own_agency_items_only(api_client, handler, items):
    api_client.force_authenticate(handler)
    assert _codes(api_client.get("/api/v1/enforcement-items/")) == [items["own"].code]
    assert api_client.get(f"/api/v1/enforcement-items/{items['other'].pk}/").status_code == 404


def test_supervisor_sees_the_region_but_not_the_neighbour_county(api_client, supervisor, items):
    api_client.force_authenticate(supervisor)
    assert _codes(api_client.get("/api/v1/enforcement-items/")) == sorted([items["own"].code, items["other"].code])
    assert api_client.get(f"/api/v1/enforcement-items/{items['neighbour'].pk}/").status_code == 404


def test_retrieve_shows_basis_citations_and_versions(api_client, handler, items):
    api_client.force_authenticate(handler)
    data = api_client.get(f"/api/v1/enforcement-items/{items['own'].pk}/").json()
    assert [a["citation"] for a in data["penalty_basis"]] == ["《行政处罚法》第五十一条"]
    assert [(v["version"], v["state"]) for v in data["versions"]] == [(1, "in_force")]


def test_filters_by_kind_and_state(api_client, system_admin, items):
    api_client.force_authenticate(system_admin)
    assert (
        len(api_client.get("/api/v1/enforcement-items/", {"kind": "penalty", "state": "in_force"}).json()["results"])
        == 3
    )
    assert api_client.get("/api/v1/enforcement-items/", {"state": "draft"}).json()["results"] == []


def test_handler_may_not_suspend_and_nothing_changes(api_client, handler, items):
    api_client.force_authenticate(handler)
    response = api_client.post(f"/api/v1/enforcement-items/{items['own'].pk}/suspend/")
    assert response.status_code == 403
    assert EnforcementItem.objects.get(pk=items["own"].pk).state == EnforcementItemState.IN_FORCE


def test_agency_admin_of_another_agency_gets_404(api_client, items):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    other_admin = UserFactory(agency=items["other"].agency, roles=[Role.AGENCY_ADMIN])
    api_client.force_authenticate(other_admin)
    assert api_client.post(f"/api/v1/enforcement-items/{items['own'].pk}/abolish/").status_code == 404
    assert EnforcementItem.objects.get(pk=items["own"].pk).state == EnforcementItemState.IN_FORCE


def test_other_region_supervisor_gets_404(api_client, other_region_supervisor, items):
    api_client.force_authenticate(other_region_supervisor)
    assert api_client.get(f"/api/v1/enforcement-items/{items['own'].pk}/").status_code == 404


def test_agency_admin_suspends_resumes_revises_and_publishes(api_client, agency_admin, items):
    api_client.force_authenticate(agency_admin)
    own = items["own"]
    assert api_client.post(f"/api/v1/enforcement-items/{own.pk}/suspend/").json()["state"] == "suspended"
    assert api_client.post(f"/api/v1/enforcement-items/{own.pk}/suspend/").status_code == 409
    assert api_client.post(f"/api/v1/enforcement-items/{own.pk}/resume/").json()["state"] == "in_force"
    revised = api_client.post(
        f"/api/v1/enforcement-items/{own.pk}/revise/",
        {"name": "修订后的名称", "penalty_basis": ["《中华人民共和国行政处罚法》第51条"], "effective_on": "2025-01-01"},
        format="json",
    )
    assert revised.status_code == 201
    assert (revised.json()["version"], revised.json()["state"]) == (2, "draft")
    published = api_client.post(
        f"/api/v1/enforcement-items/{revised.json()['id']}/publish/", {"effective_on": "2025-01-01"}, format="json"
    )
    assert published.status_code == 200
    assert [(v["version"], v["state"]) for v in published.json()["versions"]] == [(1, "superseded"), (2, "in_force")]


def test_revise_with_an_unknown_citation_is_400_naming_it(api_client, agency_admin, items):
    api_client.force_authenticate(agency_admin)
    response = api_client.post(
        f"/api/v1/enforcement-items/{items['own'].pk}/revise/",
        {"penalty_basis": ["《行政许可法》第一条"]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"penalty_basis": ["未找到法律法规《行政许可法》"]}
    assert EnforcementItem.objects.count() == 3


def test_list_query_count_is_the_same_for_5_and_50_items(
    api_client, system_admin, agency, penalty_article, duty_article
):
    api_client.force_authenticate(system_admin)
    for _ in range(5):
        EnforcementItemFactory(
            agency=agency, in_force=True, penalty_basis=[penalty_article], establishing_basis=[duty_article]
        )
    api_client.get("/api/v1/enforcement-items/")  # warm the user's role cache
    with CaptureQueriesContext(connection) as five:
        assert api_client.get("/api/v1/enforcement-items/").status_code == 200
    for _ in range(45):
        EnforcementItemFactory(
            agency=agency, in_force=True, penalty_basis=[penalty_article], establishing_basis=[duty_article]
        )
    with CaptureQueriesContext(connection) as fifty:
        assert len(api_client.get("/api/v1/enforcement-items/").json()["results"]) == 50
    assert len(fifty) == len(five)
