"""案件文书 through the API: made from the case, receipt listing it, service on the document moves the case
(R-DOC-003, R-DOC-006); refusals as {code, field, message}; outsiders see nothing."""

from __future__ import annotations

import pytest

from zhifa.cases.models import PenaltyCase
from zhifa.documents.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_memory_documents", "item_basis")]
pytest_plugins = ["tests.cases.document_fixtures"]


def _call(api_client, user, method, url, data=None):
    api_client.force_authenticate(user)
    return getattr(api_client, method)(url, data or {}, format="json")


def test_notice_made_receipted_and_served_through_the_api(api_client, reviewed_case, handler):
    base = f"/api/v1/penalty-cases/{reviewed_case.pk}"
    listing = _call(api_client, handler, "get", f"{base}/documents/").json()
    assert listing == {"issuable_kinds": ["investigation_report", "prior_notice"], "documents": []}

    notice = _call(api_client, handler, "post", f"{base}/issue-document/", {"kind": "prior_notice"})
    assert notice.status_code == 201, notice.json()
    notice = notice.json()
    assert notice["document_number"].endswith("罚告〔2026〕1号") and notice["subject_id"] == str(reviewed_case.pk)

    receipt = _call(api_client, handler, "post", f"{base}/delivery-receipts/", {"documents": [notice["id"]]})
    assert receipt.status_code == 201, receipt.json()

    served = _call(
        api_client,
        handler,
        "post",
        f"/api/v1/documents/{notice['id']}/deliveries/",
        {
            "method": "direct",
            "delivered_on": "2026-03-02",
            "receiver_name": "王经理",
            "receipt_document": receipt.json()["id"],
        },
    )
    assert served.status_code == 201, served.json()
    case = PenaltyCase.objects.get(pk=reviewed_case.pk)
    assert (case.state, str(case.notice_served_on), str(case.defense_deadline)) == (
        "notified",
        "2026-03-02",
        "2026-03-09",
    )
    kinds = [d["kind"] for d in _call(api_client, handler, "get", f"{base}/documents/").json()["documents"]]
    assert kinds == ["prior_notice", "delivery_receipt"]


def test_rewriting_the_amount_is_a_400_naming_the_field(api_client, reviewed_case, handler):
    response = _call(
        api_client,
        handler,
        "post",
        f"/api/v1/penalty-cases/{reviewed_case.pk}/issue-document/",
        {"kind": "prior_notice", "context": {"fine_amount": "1.00"}},
    )
    assert (response.status_code, response.json()["field"]) == (400, "fine_amount")
    assert "R-DOC-003" in response.json()["message"] and Document.objects.count() == 0


def test_a_kind_the_case_cannot_make_is_a_400(api_client, reviewed_case, handler):
    response = _call(
        api_client, handler, "post", f"/api/v1/penalty-cases/{reviewed_case.pk}/issue-document/", {"kind": "inventory"}
    )
    assert response.status_code == 400 and Document.objects.count() == 0


def test_receipt_for_a_document_of_another_case_is_a_400(api_client, reviewed_case, handler):
    response = _call(
        api_client,
        handler,
        "post",
        f"/api/v1/penalty-cases/{reviewed_case.pk}/delivery-receipts/",
        {"documents": [999]},
    )
    assert (response.status_code, Document.objects.count()) == (400, 0)


def test_another_agency_sees_no_case_documents(api_client, reviewed_case, other_agency_handler):
    base = f"/api/v1/penalty-cases/{reviewed_case.pk}"
    assert _call(api_client, other_agency_handler, "get", f"{base}/documents/").status_code == 404
    response = _call(api_client, other_agency_handler, "post", f"{base}/issue-document/", {"kind": "prior_notice"})
    assert response.status_code == 404 and Document.objects.count() == 0
