"""R-PUB-007: the published decision is the served 行政处罚决定书 changed only by redaction — its stored content is
the source, its PDF's SM3 digest the source digest; an unserved decision is not submitted, a voided one is not
published."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases import services as case_services
from zhifa.publicity import services
from zhifa.publicity.errors import PublicationError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_memory_documents", "item_basis")]
pytest_plugins = ["tests.cases.document_fixtures"]  # the item's basis, in-memory storage


@pytest.fixture
def decision(publication, head):
    case = publication.penalty_case
    context = {"discretion_reason": "当事人（电话13912345678）系初次违法"}
    return case_services.issue_case_document(actor=head, case=case, kind="penalty_decision", context=context)


def _serve(decision, handler):
    case = decision_case(decision)
    receipt = case_services.issue_delivery_receipt(actor=handler, case=case, documents=[decision])
    return case_services.serve_case_document(
        actor=handler,
        case=case,
        document=decision,
        method="direct",
        delivered_on=date(2026, 3, 2),
        receiver_name="王经理",
        receipt_document=receipt,
    )


def decision_case(document):
    from zhifa.cases.models import PenaltyCase

    return PenaltyCase.objects.get(pk=document.subject_id)


def test_r_pub_007_the_snapshot_is_the_served_document_redacted(publication, decision, handler, head):
    _serve(decision, handler)
    services.submit_publication(actor=handler, publication=publication)
    publication.refresh_from_db()
    assert (publication.source_document, publication.source_digest) == (decision, decision.pdf_digest)
    assert publication.document_number == decision.number.text == "示市监罚〔2026〕1号"
    reason = next(s for s in publication.snapshot["sections"] if s["key"] == "discretion_reason")
    assert reason["text"] == "当事人（电话（已隐去））系初次违法"
    published = services.approve_publication(actor=head, publication=publication)
    assert published.state == "published"


def test_r_pub_007_an_unserved_decision_is_not_submitted(publication, decision, handler):
    with pytest.raises(PublicationError) as caught:
        services.submit_publication(actor=handler, publication=publication)
    assert (caught.value.field, caught.value.message) == (
        "source_document",
        "《行政处罚决定书》尚未送达；公示的决定书应为送达的决定书（R-PUB-007）",
    )


def test_r_pub_007_a_decision_document_made_after_submission_stops_the_approval(publication, handler, head):
    """Submitted from the case record (no decision document yet); the 决定书 issued and served afterwards is the
    decision the public must see: the approver is refused until the handler resubmits."""
    services.submit_publication(actor=handler, publication=publication)
    case = publication.penalty_case
    document = case_services.issue_case_document(actor=head, case=case, kind="penalty_decision")
    _serve(document, handler)
    with pytest.raises(PublicationError) as caught:
        services.approve_publication(actor=head, publication=publication)
    assert caught.value.field == "source_digest"
    services.return_publication(actor=head, publication=publication, reason="决定书已送达，请依送达的决定书重新提交")
    services.submit_publication(actor=handler, publication=publication)
    assert services.approve_publication(actor=head, publication=publication).source_document == document
