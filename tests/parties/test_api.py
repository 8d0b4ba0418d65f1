"""/api/v1/parties/: scoped, masked list and retrieve; POST …/{id}/reveal/ (R-PRV-006)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.parties.factories import PartyFactory, make_id_number, make_party_uscc
from zhifa.parties.models import Party, PersonalDataAccess

pytestmark = pytest.mark.django_db

LIST = "/api/v1/parties/"


def _reveal_url(party):
    return f"/api/v1/parties/{party.pk}/reveal/"


def test_anonymous_is_refused(api_client, person):
    assert api_client.get(LIST).status_code == 401
    response = api_client.post(_reveal_url(person), {"field": "id_number", "purpose": "办案"}, format="json")
    assert response.status_code == 401
    assert PersonalDataAccess.objects.count() == 0


def test_list_shows_only_masked_personal_values(api_client, handler, person, company):
    api_client.force_authenticate(handler)
    response = api_client.get(LIST)
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.json()["results"]}
    assert set(rows) == {"刘某某", "示范县鑫源餐饮有限公司"}
    assert (rows["刘某某"]["id_number"], rows["刘某某"]["phone"], rows["刘某某"]["address"]) == (
        "4301**********0020",
        "138****5678",
        "湖南省长沙市****",
    )
    assert rows["示范县鑫源餐饮有限公司"]["legal_representative_id_number"] == "4301**********0020"
    assert rows["示范县鑫源餐饮有限公司"]["phone"] == "0731-88881234"
    assert "430181199203150020" not in response.content.decode()


def test_retrieve_is_masked(api_client, supervisor, person):
    api_client.force_authenticate(supervisor)
    response = api_client.get(f"{LIST}{person.pk}/")
    assert response.status_code == 200
    assert response.json()["id_number"] == "4301**********0020"
    assert response.json()["personal_fields"] == ["id_number", "address", "phone"]


def test_other_region_party_is_not_found(api_client, handler, neighbour_person):
    api_client.force_authenticate(handler)
    assert api_client.get(f"{LIST}{neighbour_person.pk}/").status_code == 404
    assert api_client.get(LIST).json()["count"] == 0


def test_filters_and_search(api_client, handler, county, neighbour_county):
    PartyFactory(
        region=county, name="示范县恒达建筑工程有限公司", uscc=make_party_uscc(1), risk_level="high", credit_rating="B"
    )
    PartyFactory(region=county, name="示范县鑫源超市有限公司", uscc=make_party_uscc(2), credit_rating="A")
    PartyFactory(natural_person=True, region=county, name="刘某", id_number=make_id_number(3))
    api_client.force_authenticate(handler)

    def names(**params):
        return sorted(row["name"] for row in api_client.get(LIST, params).json()["results"])

    assert names(kind="natural_person") == ["刘某"]
    assert names(risk_level="high") == ["示范县恒达建筑工程有限公司"]
    assert names(credit_rating="A") == ["示范县鑫源超市有限公司"]
    assert names(search="超市") == ["示范县鑫源超市有限公司"]
    assert names(search=make_party_uscc(1)[8:].lower()) == ["示范县恒达建筑工程有限公司"]
    assert names(region="430199") == ["刘某", "示范县恒达建筑工程有限公司", "示范县鑫源超市有限公司"]
    assert names(region="430100") == ["刘某", "示范县恒达建筑工程有限公司", "示范县鑫源超市有限公司"]
    assert names(region="430198") == []


def test_r_prv_006_handler_reveals_and_the_view_is_logged(api_client, handler, person):
    api_client.force_authenticate(handler)
    response = api_client.post(_reveal_url(person), {"field": "phone", "purpose": "电话通知当事人"}, format="json")
    assert response.status_code == 200
    assert response.json() == {"field": "phone", "value": "13812345678"}
    access = PersonalDataAccess.objects.get()
    assert (access.user_id, access.field, access.purpose) == (handler.pk, "phone", "电话通知当事人")


def test_r_prv_006_supervisor_reveal_is_forbidden_and_not_logged(api_client, supervisor, person):
    api_client.force_authenticate(supervisor)
    response = api_client.post(_reveal_url(person), {"field": "id_number", "purpose": "监督"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert PersonalDataAccess.objects.count() == 0


def test_reveal_of_other_region_party_is_not_found(api_client, handler, neighbour_person):
    api_client.force_authenticate(handler)
    response = api_client.post(_reveal_url(neighbour_person), {"field": "id_number", "purpose": "办案"}, format="json")
    assert response.status_code == 404
    assert PersonalDataAccess.objects.count() == 0


def test_reveal_with_unknown_field_is_bad_request(api_client, handler, person):
    api_client.force_authenticate(handler)
    response = api_client.post(_reveal_url(person), {"field": "name", "purpose": "办案"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["field"]
    assert PersonalDataAccess.objects.count() == 0


def test_api_is_read_only(api_client, handler, company):
    api_client.force_authenticate(handler)
    assert api_client.patch(f"{LIST}{company.pk}/", {"name": "改名"}, format="json").status_code == 405
    assert api_client.post(LIST, {"name": "新"}, format="json").status_code == 405
    assert Party.objects.get().name == "示范县鑫源餐饮有限公司"


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_budget_is_constant(api_client, handler, county, rows):
    PartyFactory.create_batch(rows, region=county)
    api_client.force_authenticate(handler)
    api_client.get(LIST)  # warm up (content types, role cache)
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(LIST)
    assert response.json()["count"] == rows
    assert len(queries) == EXPECTED_LIST_QUERIES


EXPECTED_LIST_QUERIES = 2  # count + page (region joined); the user comes from force_authenticate
