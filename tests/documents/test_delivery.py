"""送达 (R-DOC-005..008): each method's conditions, the service date, and the ledger record of each attempt."""

import io
from datetime import date

import pytest
import time_machine

from zhifa.core.errors import PermissionDenied
from zhifa.documents.errors import DeliveryError
from zhifa.documents.models import Delivery
from zhifa.documents.services import record_delivery, served_on
from zhifa.ledger.evidence import store_evidence
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4
JUNE_15 = date(2026, 6, 15)


@pytest.fixture
def decision(issue):
    return issue("penalty_decision")


@pytest.fixture
def receipt(issue):
    return issue("delivery_receipt", numbered=False)


def _evidence(handler, agency, data, name, subject=None, step=""):
    return store_evidence(
        fileobj=io.BytesIO(data), original_name=name, actor=handler, agency=agency, subject=subject, step=step
    )


def _refused(message, field, **kwargs):
    count = Delivery.objects.count()
    with pytest.raises(DeliveryError) as excinfo:
        record_delivery(**kwargs)
    assert (excinfo.value.message, excinfo.value.field) == (message, field)
    assert Delivery.objects.count() == count
    return excinfo.value


def test_r_doc_006_direct_service_date_is_the_signing_date_and_is_recorded(issue, receipt, handler):
    decision = issue("penalty_decision", issued_on=date(2026, 6, 10))
    delivery = record_delivery(
        document=decision,
        method="direct",
        actor=handler,
        delivered_on=date(2026, 6, 12),
        receiver_name="王某某",
        place="湖南省长沙市示范县建设路18号",
        receipt_document=receipt,
    )
    assert delivery.delivered_on == date(2026, 6, 12)
    assert served_on(decision) == date(2026, 6, 12)
    decision.refresh_from_db()
    assert decision.served_on == date(2026, 6, 12)
    event = Event.objects.get(event_type="delivery.recorded")
    assert event.pk == delivery.event_id
    assert (event.subject_type, event.subject_id) == ("documents.document", str(decision.pk))
    assert event.data["method"] == "direct"
    assert event.data["delivered_on"] == "2026-06-12"
    assert event.data["receipt_document"] == receipt.pk


def test_r_doc_006_direct_service_needs_a_receipt_and_a_signing_date(decision, receipt, handler):
    base = {"document": decision, "method": "direct", "actor": handler, "receiver_name": "王某某"}
    _refused(
        "送达须有送达回证（R-DOC-006）：请选择已签发的送达回证或上传签收的回证扫描件",
        "receipt_document",
        delivered_on=JUNE_15,
        **base,
    )
    _refused("请填写送达日期（受送达人签收的日期）", "delivered_on", receipt_document=receipt, **base)
    _refused(
        "请填写签收人姓名",
        "receiver_name",
        **{**base, "receiver_name": " ", "receipt_document": receipt, "delivered_on": JUNE_15},
    )
    _refused(
        "所选文书不是本单位已签发的送达回证",
        "receipt_document",
        receipt_document=decision,
        delivered_on=JUNE_15,
        **base,
    )
    assert served_on(decision) is None


def test_a_scanned_signed_receipt_is_enough(decision, handler, agency):
    scan = _evidence(handler, agency, PDF, "送达回证.pdf", subject=decision)
    delivery = record_delivery(
        document=decision,
        method="direct",
        actor=handler,
        delivered_on=JUNE_15,
        receiver_name="王某某",
        receipt_evidence=scan,
    )
    assert delivery.receipt_evidence_id == scan.pk


def test_dates_cannot_precede_the_document_or_be_in_the_future(decision, receipt, handler):
    base = {
        "document": decision,
        "method": "direct",
        "actor": handler,
        "receiver_name": "王某某",
        "receipt_document": receipt,
    }
    _refused("送达日期不能早于文书日期", "delivered_on", delivered_on=date(2026, 6, 14), **base)
    _refused("日期不能晚于今天", "delivered_on", delivered_on=date(2026, 6, 16), **base)


def test_r_doc_007_left_at_premises_only_on_refusal_with_witness_or_av(decision, receipt, handler, agency):
    base = {
        "document": decision,
        "method": "left_at_premises",
        "actor": handler,
        "delivered_on": JUNE_15,
        "receipt_document": receipt,
    }
    _refused(
        "只有受送达人拒绝签收时才能留置送达：请记明拒收情况（R-DOC-007）", "refusal_noted", witness="赵见证", **base
    )
    _refused(
        "留置送达须有见证人签名，或以拍照、录像等方式记录送达过程（R-DOC-007）", "witness", refusal_noted=True, **base
    )
    _refused(
        "留置送达即视为送达，应记录为送达成功",
        "result",
        refusal_noted=True,
        witness="赵见证",
        result="failed",
        note="x",
        **base,
    )
    delivery = record_delivery(refusal_noted=True, witness="赵见证（社区网格员）", **base)
    assert delivery.delivered_on == JUNE_15


def test_r_doc_007_left_at_premises_with_a_video_of_the_step(decision, receipt, handler, agency):
    _evidence(handler, agency, JPEG, "留置送达.jpg", subject=decision, step="left_at_premises_delivery")
    delivery = record_delivery(
        document=decision,
        method="left_at_premises",
        actor=handler,
        delivered_on=JUNE_15,
        refusal_noted=True,
        receipt_document=receipt,
    )
    assert delivery.witness == ""


def test_r_doc_007_left_at_premises_with_an_explicit_av_evidence(decision, receipt, handler, agency):
    photo = _evidence(handler, agency, JPEG, "留置送达.jpg")
    delivery = record_delivery(
        document=decision,
        method="left_at_premises",
        actor=handler,
        delivered_on=JUNE_15,
        refusal_noted=True,
        av_evidence=photo,
        receipt_document=receipt,
    )
    assert delivery.av_evidence_id == photo.pk


def test_r_doc_007_electronic_only_with_written_consent(decision, handler, agency):
    base = {"document": decision, "method": "electronic", "actor": handler, "delivered_on": JUNE_15}
    _refused(
        "电子送达须经受送达人书面同意（R-DOC-007）：请附上其签署的送达地址确认书",
        "e_delivery_consent",
        electronic_address="wang@example.com",
        **base,
    )
    consent = _evidence(handler, agency, PDF, "送达地址确认书.pdf")
    _refused("电子送达须填写受送达人确认的电子送达地址", "electronic_address", e_delivery_consent=consent, **base)
    delivery = record_delivery(e_delivery_consent=consent, electronic_address="wang@example.com", **base)
    assert served_on(decision) == JUNE_15  # served on arrival
    assert delivery.e_delivery_consent_id == consent.pk


def test_consent_of_another_agency_is_refused(decision, handler, other_agency_handler, other_agency):
    foreign = _evidence(other_agency_handler, other_agency, PDF, "确认书.pdf")
    _refused(
        "所附证据文件不属于本单位",
        "e_delivery_consent",
        document=decision,
        method="electronic",
        actor=handler,
        delivered_on=JUNE_15,
        electronic_address="wang@example.com",
        e_delivery_consent=foreign,
    )


def test_r_doc_007_postal_service_date_is_the_receipt_date(decision, handler):
    base = {"document": decision, "method": "postal", "actor": handler}
    _refused("邮寄送达须填写邮件号码", "postal_tracking_number", postal_receipt_on=JUNE_15, **base)
    _refused(
        "邮寄送达以回执上注明的收件日期为送达日期：请填写回执签收日期",
        "postal_receipt_on",
        postal_tracking_number="1190012345678",
        **base,
    )
    record_delivery(postal_tracking_number="1190012345678", postal_receipt_on=JUNE_15, **base)
    assert served_on(decision) == JUNE_15


def test_failed_attempt_needs_a_reason_and_no_date(decision, handler):
    base = {
        "document": decision,
        "method": "postal",
        "actor": handler,
        "result": "failed",
        "postal_tracking_number": "1190012345678",
    }
    _refused("未能送达的，请说明原因（如查无此人、拒收邮件）", "note", **base)
    _refused("未能送达的，不填写送达日期", "delivered_on", delivered_on=JUNE_15, note="查无此人", **base)
    delivery = record_delivery(note="邮件被退回：查无此人", **base)
    assert (delivery.result, delivery.delivered_on) == ("failed", None)
    assert served_on(decision) is None


def test_r_doc_007_public_notice_only_after_another_method_failed_with_a_reason(decision, handler):
    base = {"document": decision, "method": "public_notice", "actor": handler, "published_on": JUNE_15}
    _refused(
        "只有受送达人下落不明或者采用其他方式无法送达时，才能公告送达（R-DOC-007）：请先记录其他方式的送达尝试",
        "method",
        reason="下落不明",
        **base,
    )
    record_delivery(
        document=decision,
        method="postal",
        actor=handler,
        result="failed",
        postal_tracking_number="1190012345678",
        note="邮件被退回：查无此人",
    )
    _refused("公告送达须在案卷中记明原因和经过（R-DOC-007）", "reason", **base)
    _refused("公告送达以公告发布为准，请在公告发布后记录", "result", reason="下落不明", result="failed", **base)
    delivery = record_delivery(reason="当事人下落不明，邮寄送达被退回", **base)
    # 2026-06-15 + 30 CD = 2026-07-15 (Wednesday, a working day): no extension.
    assert (delivery.notice_period_ends_on, delivery.deemed_served_on, delivery.delivered_on) == (
        date(2026, 7, 15),
        date(2026, 7, 15),
        date(2026, 7, 15),
    )
    assert served_on(decision) == date(2026, 7, 15)


def test_r_time_004_deemed_service_across_national_day_is_the_next_working_day(handler, issue):
    """Published 2025-09-01: the 30th day is 2025-10-01 (国庆); the period, and with it the deemed service, ends on
    the first working day after the holiday, 2025-10-09 (民诉法 第85条; R-TIME-004: the party's rights use the
    extended date). The plain day is kept for internal alerts."""
    with time_machine.travel(date(2025, 9, 1), tick=False):
        document = issue("penalty_decision", issued_on=date(2025, 8, 25))
        record_delivery(
            document=document,
            method="direct",
            actor=handler,
            result="failed",
            note="当事人经营场所已关闭，无法联系",
        )
        delivery = record_delivery(
            document=document, method="public_notice", actor=handler, published_on=date(2025, 9, 1), reason="下落不明"
        )
    assert delivery.notice_period_ends_on == date(2025, 10, 1)
    assert delivery.deemed_served_on == date(2025, 10, 9)
    assert served_on(document) == date(2025, 10, 9)


def test_no_public_notice_once_served(decision, receipt, handler):
    record_delivery(
        document=decision, method="postal", actor=handler, result="failed", postal_tracking_number="1", note="退回"
    )
    record_delivery(
        document=decision,
        method="direct",
        actor=handler,
        delivered_on=JUNE_15,
        receiver_name="王某某",
        receipt_document=receipt,
    )
    _refused(
        "文书已经送达，无需公告送达",
        "method",
        document=decision,
        method="public_notice",
        actor=handler,
        published_on=JUNE_15,
        reason="下落不明",
    )


def test_service_date_is_the_first_successful_service(decision, receipt, handler):
    record_delivery(
        document=decision, method="postal", actor=handler, postal_tracking_number="1", postal_receipt_on=JUNE_15
    )
    record_delivery(
        document=decision,
        method="direct",
        actor=handler,
        delivered_on=date(2026, 6, 15),
        receiver_name="王某某",
        receipt_document=receipt,
    )
    with time_machine.travel(date(2026, 6, 20), tick=False):
        record_delivery(
            document=decision,
            method="direct",
            actor=handler,
            delivered_on=date(2026, 6, 20),
            receiver_name="王某某",
            receipt_document=receipt,
        )
    assert served_on(decision) == JUNE_15


def test_r_doc_008_demand_notice_is_served_directly_first(handler, agency, party, frozen_today):
    from zhifa.documents.models import Document

    notice = Document.objects.create(
        kind="demand_notice", agency=agency, title="催告书", state="issued", issued_on=JUNE_15, issued_by=handler
    )
    base = {
        "document": notice,
        "method": "postal",
        "actor": handler,
        "postal_tracking_number": "1",
        "postal_receipt_on": JUNE_15,
    }
    _refused("《催告书》应当直接送达当事人；直接送达不成的，方可采用其他方式（R-DOC-008）", "method", **base)
    record_delivery(document=notice, method="direct", actor=handler, result="failed", note="当事人不在")
    assert record_delivery(**base).delivered_on == JUNE_15


def test_voided_document_cannot_be_served(decision, receipt, handler, head):
    from zhifa.documents.services import void_document

    void_document(decision, reason="错误", actor=head)
    _refused(
        "只能送达已签发且未作废的文书",
        "document",
        document=decision,
        method="direct",
        actor=handler,
        delivered_on=JUNE_15,
        receiver_name="王某某",
        receipt_document=receipt,
    )


def test_other_agency_cannot_record_service(decision, receipt, other_agency_handler):
    with pytest.raises(PermissionDenied) as excinfo:
        record_delivery(document=decision, method="direct", actor=other_agency_handler, delivered_on=JUNE_15)
    assert excinfo.value.message == "只能送达本单位的文书"
    assert Delivery.objects.count() == 0


def test_unknown_method_is_refused(decision, handler):
    _refused("送达方式“fax”不存在", "method", document=decision, method="fax", actor=handler)
