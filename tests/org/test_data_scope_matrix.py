"""Data scope: each role × own agency / other agency in the region / agency of another region.

Visibility is enforced in querysets and the API, not in templates: an object outside the scope is a 404
(its existence is not disclosed); a visible object the user may not change is a 403.
"""

import pytest
from django.urls import reverse

from zhifa.org.models import Agency

pytestmark = pytest.mark.django_db

OWN, OTHER, NEIGHBOUR = "own", "other", "neighbour"

# persona fixture → which of (own agency, other agency in the county, agency in the neighbour county) it sees
MATRIX = {
    "handler": {OWN: 200, OTHER: 404, NEIGHBOUR: 404},
    "head": {OWN: 200, OTHER: 404, NEIGHBOUR: 404},
    "legal_reviewer": {OWN: 200, OTHER: 404, NEIGHBOUR: 404},
    "agency_admin": {OWN: 200, OTHER: 404, NEIGHBOUR: 404},
    "supervisor": {OWN: 200, OTHER: 200, NEIGHBOUR: 404},
    "bureau_admin": {OWN: 200, OTHER: 200, NEIGHBOUR: 404},
    "auditor": {OWN: 200, OTHER: 200, NEIGHBOUR: 404},
    "evaluator": {OWN: 200, OTHER: 200, NEIGHBOUR: 404},
    "agency_evaluator": {OWN: 200, OTHER: 404, NEIGHBOUR: 404},
    "city_supervisor": {OWN: 200, OTHER: 200, NEIGHBOUR: 200},
    "other_region_supervisor": {OWN: 404, OTHER: 404, NEIGHBOUR: 200},
    "system_admin": {OWN: 200, OTHER: 200, NEIGHBOUR: 200},
}


@pytest.fixture
def targets(agency, other_agency, neighbour_agency):
    return {OWN: agency, OTHER: other_agency, NEIGHBOUR: neighbour_agency}


@pytest.mark.parametrize("persona", sorted(MATRIX))
@pytest.mark.parametrize("target", [OWN, OTHER, NEIGHBOUR])
def test_agency_detail_api_respects_scope(persona, target, targets, request, api_client):
    user = request.getfixturevalue(persona)
    api_client.force_authenticate(user)
    response = api_client.get(reverse("agency-detail", args=[targets[target].pk]))
    assert response.status_code == MATRIX[persona][target]


@pytest.mark.parametrize("persona", sorted(MATRIX))
@pytest.mark.parametrize("target", [OWN, OTHER, NEIGHBOUR])
def test_agency_detail_page_respects_scope(persona, target, targets, request, client):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get(reverse("org:agency-detail", args=[targets[target].pk]))
    assert response.status_code == MATRIX[persona][target]


@pytest.mark.parametrize("persona", sorted(MATRIX))
def test_agency_list_api_contains_exactly_the_scope(persona, targets, request, api_client):
    user = request.getfixturevalue(persona)
    api_client.force_authenticate(user)
    response = api_client.get(reverse("agency-list"))
    assert response.status_code == 200
    seen = {row["id"] for row in response.json()["results"]}
    expected_targets = {targets[t].pk for t, status in MATRIX[persona].items() if status == 200}
    assert seen & {a.pk for a in targets.values()} == expected_targets
    # Nothing outside the user's region is ever listed (judicial bureaus included).
    visible = set(Agency.objects.visible_to(user).values_list("pk", flat=True))
    assert seen == visible


def test_anonymous_api_is_refused(api_client, agency):
    response = api_client.get(reverse("agency-detail", args=[agency.pk]))
    assert response.status_code == 401


def test_anonymous_page_redirects_to_login(client, agency):
    response = client.get(reverse("org:agency-detail", args=[agency.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_user_without_agency_or_roles_sees_nothing(api_client, agency):
    from tests.org.factories import UserFactory

    api_client.force_authenticate(UserFactory(agency=None))
    assert api_client.get(reverse("agency-list")).json()["count"] == 0
    assert api_client.get(reverse("agency-detail", args=[agency.pk])).status_code == 404


def test_core_scope_uses_the_same_system_admin_role_as_org():
    from zhifa.core.scope import SYSTEM_ADMIN
    from zhifa.org.choices import Role

    assert SYSTEM_ADMIN == Role.SYSTEM_ADMIN
