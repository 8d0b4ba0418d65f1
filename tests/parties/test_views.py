"""Staff UI: party list (masked, htmx search), detail (masked, reveal per field), access log section."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.parties.factories import PartyFactory
from zhifa.parties.models import PersonalDataAccess
from zhifa.parties.services import reveal_personal_data

pytestmark = pytest.mark.django_db

LIST = reverse("parties:party-list")


def _detail(party):
    return reverse("parties:party-detail", args=[party.pk])


def _reveal(party):
    return reverse("parties:party-reveal", args=[party.pk])


def test_anonymous_is_sent_to_login(client, person):
    assert client.get(LIST).status_code == 302
    assert client.get(_detail(person)).status_code == 302
    assert client.post(_reveal(person), {"field": "id_number", "purpose": "办案"}).status_code == 302
    assert PersonalDataAccess.objects.count() == 0


def test_list_is_masked_and_scoped(client, handler, person, company, neighbour_person):
    client.force_login(handler)
    response = client.get(LIST)
    body = response.content.decode()
    assert response.status_code == 200
    assert "4301**********0020" in body
    assert "430181199203150020" not in body
    assert "示范县鑫源餐饮有限公司" in body
    assert "邻县居民" not in body


def test_htmx_search_returns_rows_only(client, handler, person, company):
    client.force_login(handler)
    response = client.get(LIST, {"q": "鑫源"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<h1>" not in body
    assert "示范县鑫源餐饮有限公司" in body
    assert "刘某某" not in body


def test_detail_is_masked_with_reveal_buttons_for_handler(client, handler, person):
    client.force_login(handler)
    body = client.get(_detail(person)).content.decode()
    assert "4301**********0020" in body
    assert "430181199203150020" not in body
    assert "13812345678" not in body
    assert body.count(">查看完整信息</button>") == 3  # id number, address, phone
    assert "个人信息查看记录" not in body


def test_detail_for_supervisor_has_no_reveal_button_but_shows_access_log(client, supervisor, handler, person):
    reveal_personal_data(person, field="id_number", user=handler, purpose="核实身份")
    client.force_login(supervisor)
    body = client.get(_detail(person)).content.decode()
    assert "查看完整信息" not in body
    assert "个人信息查看记录" in body
    assert "李承办" in body
    assert "核实身份" in body


def test_detail_access_log_shown_to_agency_admin(client, agency_admin, person):
    client.force_login(agency_admin)
    assert "个人信息查看记录" in client.get(_detail(person)).content.decode()


def test_detail_of_other_region_is_not_found(client, handler, neighbour_person):
    client.force_login(handler)
    assert client.get(_detail(neighbour_person)).status_code == 404


def test_r_prv_006_reveal_shows_value_inline_and_logs(client, handler, person):
    client.force_login(handler)
    response = client.post(
        _reveal(person), {"field": "id_number", "purpose": "核实身份"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "430181199203150020" in response.content.decode()
    access = PersonalDataAccess.objects.get()
    assert (access.user_id, access.field, access.purpose) == (handler.pk, "id_number", "核实身份")


def test_r_prv_006_supervisor_reveal_is_forbidden_and_not_logged(client, supervisor, person):
    client.force_login(supervisor)
    response = client.post(_reveal(person), {"field": "id_number", "purpose": "监督"})
    assert response.status_code == 403
    assert "430181199203150020" not in response.content.decode()
    assert PersonalDataAccess.objects.count() == 0


def test_reveal_of_other_region_party_is_not_found(client, handler, neighbour_person):
    client.force_login(handler)
    assert client.post(_reveal(neighbour_person), {"field": "id_number", "purpose": "办案"}).status_code == 404
    assert PersonalDataAccess.objects.count() == 0


def test_reveal_requires_post(client, handler, person):
    client.force_login(handler)
    assert client.get(_reveal(person)).status_code == 405
    assert PersonalDataAccess.objects.count() == 0


def _count_list_queries(client, user, county, rows):
    PartyFactory.create_batch(rows, region=county)
    PartyFactory.create_batch(rows, natural_person=True, region=county)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    assert response.status_code == 200
    return len(queries)


def test_list_query_budget_is_the_same_for_5_and_50_rows(client, handler, county):
    few = _count_list_queries(client, handler, county, 5)
    many = _count_list_queries(client, handler, county, 45)  # 50 + 50 rows in total: a full page
    assert few == many
