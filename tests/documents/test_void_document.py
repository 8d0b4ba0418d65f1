"""Voiding an issued document keeps it and its number (R-DOC-002); only the head or agency admin may void."""

from datetime import date

import pytest

from zhifa.core.errors import Conflict, PermissionDenied
from zhifa.documents.errors import DocumentError
from zhifa.documents.models import DocumentNumber
from zhifa.documents.services import record_delivery, void_document, void_number
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db


def test_r_doc_002_voided_document_keeps_its_number_which_is_never_reused(issue, head):
    document = issue("penalty_decision")
    voided = void_document(document, reason="当事人名称有误", actor=head)
    assert (voided.state, voided.voided_reason, voided.voided_by_id) == ("voided", "当事人名称有误", head.pk)
    number = DocumentNumber.objects.get(pk=document.number_id)
    assert (number.is_voided, number.voided_reason) == (True, "当事人名称有误")
    assert issue("penalty_decision").number.text == "示市监罚〔2026〕2号"
    assert list(DocumentNumber.objects.values_list("text", "is_voided")) == [
        ("示市监罚〔2026〕1号", True),
        ("示市监罚〔2026〕2号", False),
    ]
    event = Event.objects.get(event_type="document.voided")
    assert event.data == {
        "number": "示市监罚〔2026〕1号",
        "pdf_digest": document.pdf_digest,
        "reason": "当事人名称有误",
    }


def test_void_needs_head_reason_and_happens_once(issue, head, handler):
    document = issue("penalty_decision")
    with pytest.raises(PermissionDenied) as excinfo:
        void_document(document, reason="错误", actor=handler)
    assert excinfo.value.message == "只有本单位负责人或单位管理员可以作废文书"
    with pytest.raises(DocumentError) as excinfo:
        void_document(document, reason="", actor=head)
    assert excinfo.value.message == "作废文书须说明原因"
    document.refresh_from_db()
    assert document.state == "issued"
    void_document(document, reason="错误", actor=head)
    with pytest.raises(Conflict) as excinfo:
        void_document(document, reason="错误", actor=head)
    assert excinfo.value.message == "该文书已作废"


def test_number_of_an_issued_document_is_voided_through_the_document(issue, head):
    document = issue("penalty_decision")
    with pytest.raises(DocumentError) as excinfo:
        void_number(document.number, reason="错误", actor=head)
    assert excinfo.value.message == "文号“示市监罚〔2026〕1号”已用于签发的文书，请作废该文书"


def test_served_document_cannot_be_voided(issue, head, handler):
    document = issue("penalty_decision")
    receipt = issue("delivery_receipt", numbered=False)
    record_delivery(
        document=document,
        method="direct",
        actor=handler,
        delivered_on=date(2026, 6, 15),
        receiver_name="王某某",
        receipt_document=receipt,
    )
    with pytest.raises(DocumentError) as excinfo:
        void_document(document, reason="错误", actor=head)
    assert excinfo.value.message == "文书已送达，不能作废；如需变更，应当依法另行作出决定"
