"""REST API /api/v1/officers/ and /api/v1/certificates/: scope, permissions, actions, query budget."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.org.factories import SectorFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.core.masking import mask_id_number
from zhifa.org.models import User
from zhifa.personnel.choices import CertificateState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-10-01 09:00 +0800", tick=False):
        yield


@pytest.fixture
def officer(agency):
    officer = OfficerFactory(agency=agency, name="李承办")
    CertificateFactory(
        officer=officer,
        number="湘43019920001",
        expires_on=date(2026, 12, 31),
        sectors=[SectorFactory(code="market_regulation", name="市场监管")],
    )
    return officer


def _get(client, user, url):
    client.force_authenticate(user)
    return client.get(url)


def test_anonymous_gets_401(api_client, officer):
    assert api_client.get("/api/v1/officers/").status_code == 401
    assert api_client.get(f"/api/v1/officers/{officer.pk}/").status_code == 401
    assert (
        api_client.post(f"/api/v1/certificates/{officer.certificates.get().pk}/suspend/", {"reason": "x"}).status_code
        == 401
    )
    assert officer.certificates.get().state == CertificateState.VALID


def test_list_is_scoped_to_own_agency(api_client, handler, officer, other_agency, neighbour_agency):
    OfficerFactory(agency=other_agency)
    OfficerFactory(agency=neighbour_agency)
    body = _get(api_client, handler, "/api/v1/officers/").json()
    assert [row["name"] for row in body["results"]] == ["李承办"]
    row = body["results"][0]
    assert row["can_enforce_today"] is True
    assert [(c["number"], c["status"], c["sectors"]) for c in row["certificates"]] == [
        ("湘43019920001", "valid", ["market_regulation"])
    ]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("handler", 200),
        ("agency_admin", 200),
        ("supervisor", 200),
        ("city_supervisor", 200),
        ("system_admin", 200),
        ("other_agency_handler", 404),
        ("neighbour_handler", 404),
        ("other_region_supervisor", 404),
    ],
)
def test_retrieve_scope_matrix(api_client, request, officer, persona, status):
    user = request.getfixturevalue(persona)
    assert _get(api_client, user, f"/api/v1/officers/{officer.pk}/").status_code == status
    certificate = officer.certificates.get()
    assert _get(api_client, user, f"/api/v1/certificates/{certificate.pk}/").status_code == status


@pytest.mark.parametrize("persona", ["handler", "supervisor", "agency_admin", "bureau_admin", "system_admin"])
def test_personal_fields_always_masked_in_list_and_detail(api_client, request, officer, persona):
    user = request.getfixturevalue(persona)
    detail = _get(api_client, user, f"/api/v1/officers/{officer.pk}/").json()
    listed = _get(api_client, user, "/api/v1/officers/").json()["results"]
    masked = (mask_id_number(officer.id_number), "138****8000")
    assert (detail["id_number"], detail["phone"]) == masked
    assert [(row["id_number"], row["phone"]) for row in listed] == [masked]


def test_filters_agency_kind_on_post(api_client, supervisor, officer, other_agency):
    OfficerFactory(agency=other_agency, name="辅一", auxiliary=True)
    body = _get(api_client, supervisor, f"/api/v1/officers/?agency={other_agency.pk}").json()
    assert [r["name"] for r in body["results"]] == ["辅一"]
    body = _get(api_client, supervisor, "/api/v1/officers/?kind=enforcement&is_on_post=true").json()
    assert [r["name"] for r in body["results"]] == ["李承办"]


def test_r_per_001_can_enforce_endpoint(api_client, handler, officer):
    url = f"/api/v1/officers/{officer.pk}/can-enforce/"
    assert _get(api_client, handler, url + "?on=2026-12-31&sector=market_regulation").json() == {
        "can_enforce": True,
        "reason": None,
    }
    assert _get(api_client, handler, url + "?on=2027-01-01").json() == {
        "can_enforce": False,
        "reason": "执法证已于2026年12月31日过期",
    }
    SectorFactory(code="transport", name="交通运输")
    assert _get(api_client, handler, url + "?sector=transport").json() == {
        "can_enforce": False,
        "reason": "执法证不包含“交通运输”领域",
    }
    response = _get(api_client, handler, url + "?sector=nope")
    assert (response.status_code, response.json()) == (400, {"sector": ["执法领域代码“nope”不存在"]})


def test_r_per_003_leave_post_endpoint(api_client, agency_admin, officer):
    api_client.force_authenticate(agency_admin)
    response = api_client.post(
        f"/api/v1/officers/{officer.pk}/leave-post/", {"on": "2026-09-30", "reason": "retirement"}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["is_on_post"], body["left_post_reason"], body["can_enforce_today"]) == (False, "retirement", False)
    assert [(c["state"], c["state_reason"]) for c in body["certificates"]] == [("cancelled", "离岗收回注销")]


def test_leave_post_denied_to_handler_changes_nothing(api_client, handler, officer):
    api_client.force_authenticate(handler)
    response = api_client.post(f"/api/v1/officers/{officer.pk}/leave-post/", {"reason": "retirement"})
    assert response.status_code == 403
    officer.refresh_from_db()
    assert (officer.is_on_post, officer.certificates.get().state) == (True, CertificateState.VALID)


def test_leave_post_outside_scope_is_404(api_client, neighbour_handler, officer):
    api_client.force_authenticate(neighbour_handler)
    assert api_client.post(f"/api/v1/officers/{officer.pk}/leave-post/", {"reason": "retirement"}).status_code == 404
    officer.refresh_from_db()
    assert officer.is_on_post is True


@pytest.mark.parametrize(
    ("persona", "status"),
    [("agency_admin", 200), ("bureau_admin", 200), ("handler", 403), ("supervisor", 403), ("neighbour_handler", 404)],
)
def test_suspend_permissions(api_client, request, officer, persona, status):
    certificate = officer.certificates.get()
    api_client.force_authenticate(request.getfixturevalue(persona))
    response = api_client.post(f"/api/v1/certificates/{certificate.pk}/suspend/", {"reason": "涉嫌违纪"})
    assert response.status_code == status
    certificate.refresh_from_db()
    assert certificate.state == ("suspended" if status == 200 else "valid")


def test_certificate_actions_and_errors(api_client, agency_admin, officer):
    certificate = officer.certificates.get()
    api_client.force_authenticate(agency_admin)
    url = f"/api/v1/certificates/{certificate.pk}"
    response = api_client.post(f"{url}/suspend/", {"reason": ""})
    assert (response.status_code, response.json()) == (400, {"reason": ["请填写暂扣原因"]})
    response = api_client.post(f"{url}/reinstate/", {"reason": "无需恢复"})
    assert (response.status_code, response.json()) == (
        409,
        {"code": "illegal_certificate_transition", "field": "state", "message": "执法证当前状态为“有效”，不能恢复"},
    )
    assert api_client.post(f"{url}/suspend/", {"reason": "涉嫌违纪"}).json()["status"] == "suspended"
    assert api_client.post(f"{url}/reinstate/", {"reason": "调查结束"}).json()["status"] == "valid"
    body = api_client.post(f"{url}/cancel/", {"reason": "证件遗失"}).json()
    assert (body["state"], body["status"], body["state_reason"]) == ("cancelled", "cancelled", "证件遗失")


def _officers(agency, count):
    sector = SectorFactory(code="market_regulation", name="市场监管")
    for _ in range(count):
        CertificateFactory(officer=OfficerFactory(agency=agency), sectors=[sector])


@pytest.mark.parametrize("url", ["/api/v1/officers/", "/api/v1/certificates/"])
def test_list_endpoint_query_budget_is_constant(api_client, agency, agency_admin, url):
    _officers(agency, 5)
    api_client.force_authenticate(User.objects.get(pk=agency_admin.pk))  # a fresh instance: no cached roles
    with CaptureQueriesContext(connection) as five:
        assert api_client.get(url).status_code == 200
    _officers(agency, 45)
    api_client.force_authenticate(User.objects.get(pk=agency_admin.pk))
    with CaptureQueriesContext(connection) as fifty:
        body = api_client.get(url).json()
    assert body["count"] == 50
    assert len(fifty.captured_queries) == len(five.captured_queries)
