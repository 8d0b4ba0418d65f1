"""案件文书 in the staff UI: made from the case on the case page, a 送达回证 listing it, the service recorded with
the receipt — the case moves with the receipt's date (R-DOC-003, R-DOC-006). Refusals show on the field."""

from __future__ import annotations

import pytest

from zhifa.cases.models import PenaltyCase
from zhifa.documents.models import Delivery, Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_memory_documents", "item_basis")]
pytest_plugins = ["tests.cases.document_fixtures"]


def _step(client, case, action, data):
    return client.post(f"/cases/{case.pk}/steps/{action}/", {f"{action}-{k}": v for k, v in data.items()})


def test_the_case_page_offers_the_notice_and_the_paper_path(client, reviewed_case, handler):
    client.force_login(handler)
    page = client.get(f"/cases/{reviewed_case.pk}/").content.decode()
    assert "制作执法文书" in page and "行政处罚事先告知书" in page
    assert "登记事先告知书送达（系统外制作的纸质文书）" in page


def test_notice_made_receipted_and_served_from_the_case_page(client, reviewed_case, handler):
    client.force_login(handler)
    response = _step(
        client, reviewed_case, "issue-document", {"kind": "prior_notice", "contact": "李承办 0731-1234567"}
    )
    assert response.status_code == 302, response.content.decode()
    notice = Document.objects.get(kind="prior_notice")
    assert notice.context["contact"] == "李承办 0731-1234567"
    page = client.get(f"/cases/{reviewed_case.pk}/").content.decode()
    assert notice.number.text in page and "登记文书送达（以送达回证为准）" in page
    assert "系统外制作的纸质文书" not in page  # a system notice is served through its receipt only

    assert _step(client, reviewed_case, "delivery-receipts", {"documents": notice.pk}).status_code == 302
    receipt = Document.objects.get(kind="delivery_receipt")
    response = _step(
        client,
        reviewed_case,
        "serve-document",
        {
            "document": notice.pk,
            "method": "direct",
            "result": "success",
            "delivered_on": "2026-03-02",
            "receiver_name": "王经理",
            "receipt_document": receipt.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()
    case = PenaltyCase.objects.get(pk=reviewed_case.pk)
    assert (case.state, str(case.defense_deadline)) == ("notified", "2026-03-09")


def test_service_without_a_receipt_is_refused_on_the_field(client, reviewed_case, handler):
    client.force_login(handler)
    _step(client, reviewed_case, "issue-document", {"kind": "prior_notice"})
    notice = Document.objects.get(kind="prior_notice")
    response = _step(
        client,
        reviewed_case,
        "serve-document",
        {
            "document": notice.pk,
            "method": "direct",
            "result": "success",
            "delivered_on": "2026-03-02",
            "receiver_name": "王经理",
        },
    )
    assert response.status_code == 400
    assert "送达须有送达回证（R-DOC-006）" in response.content.decode()
    assert (Delivery.objects.count(), PenaltyCase.objects.get(pk=reviewed_case.pk).state) == (0, "under_case_review")


def test_the_head_cannot_record_service(client, reviewed_case, handler, head):
    client.force_login(handler)
    _step(client, reviewed_case, "issue-document", {"kind": "prior_notice"})
    _step(client, reviewed_case, "delivery-receipts", {"documents": Document.objects.get(kind="prior_notice").pk})
    client.force_login(head)
    page = client.get(f"/cases/{reviewed_case.pk}/").content.decode()
    assert "登记文书送达（以送达回证为准）" in page and "需由本案承办人办理" in page  # why the head cannot
