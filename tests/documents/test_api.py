"""/api/v1/documents/: case-data scope, PDF download (調阅留痕), void and deliveries as actions."""

from datetime import date

import pytest

from zhifa.documents.models import Delivery, Document
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db

LIST = "/api/v1/documents/"


@pytest.fixture
def decision(issue):
    return issue("penalty_decision")


def test_anonymous_is_refused_and_nothing_changes(api_client, decision):
    assert api_client.get(LIST).status_code == 401
    assert api_client.get(f"{LIST}{decision.pk}/").status_code == 401
    assert api_client.get(f"{LIST}{decision.pk}/pdf/").status_code == 401
    assert api_client.post(f"{LIST}{decision.pk}/void/", {"reason": "x"}, format="json").status_code == 401
    response = api_client.post(f"{LIST}{decision.pk}/deliveries/", {"method": "direct"}, format="json")
    assert response.status_code == 401
    decision.refresh_from_db()
    assert (decision.state, Delivery.objects.count()) == ("issued", 0)


def test_own_agency_lists_and_retrieves(api_client, handler, decision):
    api_client.force_authenticate(handler)
    rows = api_client.get(LIST).json()["results"]
    assert [(r["id"], r["document_number"], r["kind_display"]) for r in rows] == [
        (decision.pk, "示市监罚〔2026〕1号", "行政处罚决定书")
    ]
    detail = api_client.get(f"{LIST}{decision.pk}/").json()
    assert detail["pdf_digest"] == decision.pdf_digest
    assert detail["issued_by_name"] == "李承办"
    assert detail["context"]["fine_amount"] == "10873.00"
    assert detail["deliveries"] == []


def test_other_agency_and_system_admin_do_not_see_case_documents(
    api_client, decision, other_agency_handler, system_admin
):
    for user in (other_agency_handler, system_admin):
        api_client.force_authenticate(user)
        assert api_client.get(f"{LIST}{decision.pk}/").status_code == 404
        assert api_client.get(f"{LIST}{decision.pk}/pdf/").status_code == 404
        assert api_client.get(LIST).json()["count"] == 0


def test_region_supervisor_sees_the_county_but_not_the_neighbour(
    api_client, decision, supervisor, other_region_supervisor
):
    api_client.force_authenticate(supervisor)
    assert api_client.get(f"{LIST}{decision.pk}/").status_code == 200
    api_client.force_authenticate(other_region_supervisor)
    assert api_client.get(f"{LIST}{decision.pk}/").status_code == 404


def test_filters(api_client, handler, issue):
    decision = issue("penalty_decision")
    issue("inquiry_record", numbered=False)
    api_client.force_authenticate(handler)
    assert [r["id"] for r in api_client.get(f"{LIST}?kind=penalty_decision").json()["results"]] == [decision.pk]
    assert [r["id"] for r in api_client.get(f"{LIST}?number=示市监罚〔2026〕1号").json()["results"]] == [decision.pk]


def test_pdf_download_by_a_supervisor_is_recorded(api_client, decision, supervisor, handler):
    api_client.force_authenticate(handler)
    response = api_client.get(f"{LIST}{decision.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert Event.objects.filter(event_type="document.viewed").count() == 0  # the issuer's own read
    api_client.force_authenticate(supervisor)
    assert api_client.get(f"{LIST}{decision.pk}/pdf/").status_code == 200
    viewed = Event.objects.get(event_type="document.viewed")
    assert (viewed.actor_id, viewed.subject_id) == (supervisor.pk, str(decision.pk))


def test_void_action(api_client, decision, head, handler):
    api_client.force_authenticate(handler)
    response = api_client.post(f"{LIST}{decision.pk}/void/", {"reason": "名称有误"}, format="json")
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.state == "issued"
    api_client.force_authenticate(head)
    response = api_client.post(f"{LIST}{decision.pk}/void/", {"reason": "名称有误"}, format="json")
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["voided_reason"]) == ("voided", "名称有误")


def test_void_of_another_agencys_document_is_not_found(api_client, decision, other_agency):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    other_head = UserFactory(agency=other_agency, roles=[Role.HEAD])
    api_client.force_authenticate(other_head)
    assert api_client.post(f"{LIST}{decision.pk}/void/", {"reason": "x"}, format="json").status_code == 404
    decision.refresh_from_db()
    assert decision.state == "issued"


def test_record_delivery_action(api_client, issue, handler):
    decision = issue("penalty_decision")
    receipt = issue("delivery_receipt", numbered=False)
    api_client.force_authenticate(handler)
    url = f"{LIST}{decision.pk}/deliveries/"
    refused = api_client.post(
        url, {"method": "direct", "delivered_on": "2026-06-15", "receiver_name": "王某某"}, format="json"
    )
    assert refused.status_code == 400
    assert refused.json() == {
        "code": "delivery_invalid",
        "field": "receipt_document",
        "message": "送达须有送达回证（R-DOC-006）：请选择已签发的送达回证或上传签收的回证扫描件",
    }
    body = {"method": "direct", "delivered_on": "2026-06-15", "receiver_name": "王某某", "receipt_document": receipt.pk}
    response = api_client.post(url, body, format="json")
    assert response.status_code == 201
    assert (response.json()["method_display"], response.json()["delivered_on"]) == ("直接送达", "2026-06-15")
    assert api_client.get(f"{LIST}{decision.pk}/").json()["served_on"] == "2026-06-15"


def test_delivery_with_an_evidence_outside_scope_is_refused(api_client, decision, handler):
    api_client.force_authenticate(handler)
    body = {
        "method": "electronic",
        "delivered_on": "2026-06-15",
        "electronic_address": "a@b.cn",
        "e_delivery_consent": 999,
    }
    response = api_client.post(f"{LIST}{decision.pk}/deliveries/", body, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "编号 999 的记录不存在或不在您的数据权限范围内"
    assert Delivery.objects.count() == 0


def test_supervisor_cannot_record_delivery(api_client, decision, supervisor):
    api_client.force_authenticate(supervisor)
    body = {"method": "postal", "postal_tracking_number": "1", "postal_receipt_on": date(2026, 6, 15).isoformat()}
    assert api_client.post(f"{LIST}{decision.pk}/deliveries/", body, format="json").status_code == 403
    assert Document.objects.get(pk=decision.pk).served_on is None
