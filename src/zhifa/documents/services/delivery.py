"""送达 (service of documents): every attempt recorded, each method under its legal conditions.

R-DOC-005  Handed over on announcement; otherwise served within 7 WD (the cases app owns that deadline).
R-DOC-006  Every service has a 送达回证; the date signed on it is the service date.
R-DOC-007  留置 only on refusal, with a witness or an A/V record; 电子 only with the party's written consent,
           served on arrival; 邮寄: the date on the postal receipt; 公告 only after other methods failed, with
           reasons, served 30 CD after publication.
R-DOC-008  催告书 and 强制执行决定书 are served directly first.

Deemed service after a public notice (R-TIME-004 decision): the 30 days are a period (期间) of 民诉法 第85条, so
when the 30th day is a 法定休假日 the period, and with it the deemed service, ends on the next working day.
The later date is the one a party's rights run from (R-TIME-004: "a party's rights use the extended one");
both are stored: ``notice_period_ends_on`` (plain, for internal alerts) and ``deemed_served_on`` (extended).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from zhifa.core.calendar import calendar_deadline, today
from zhifa.core.permissions import require
from zhifa.documents.choices import DeliveryMethod, DeliveryResult, DocumentKind, DocumentState
from zhifa.documents.errors import DeliveryError
from zhifa.documents.kinds import DIRECT_FIRST_KINDS
from zhifa.documents.models import Delivery, Document
from zhifa.ledger.evidence import has_av_record
from zhifa.ledger.models import EvidenceFile
from zhifa.ledger.services import record

PUBLIC_NOTICE_CALENDAR_DAYS = 30  # R-DOC-007 (民诉法 第95条)
LEFT_AT_PREMISES_STEP = "left_at_premises_delivery"
RECEIPT_METHODS = (DeliveryMethod.DIRECT, DeliveryMethod.ENTRUSTED, DeliveryMethod.LEFT_AT_PREMISES)


@dataclass(frozen=True)
class SubjectHooks:
    """What the app owning a document's subject adds to its service: ``guard(document, actor)`` raises to refuse
    (who may serve, which kinds are served at all); ``on_served(document, actor)`` runs, in the same transaction,
    after the first successful service (a case takes its step with the receipt's date)."""

    guard: Callable[[Document, Any], None] | None = None
    on_served: Callable[[Document, Any], None] | None = None


_subject_hooks: dict[str, SubjectHooks] = {}


def register_subject_hooks(subject_type: str, hooks: SubjectHooks) -> None:
    """Called from an app's ``ready()`` — documents sit below the apps whose records they belong to."""
    _subject_hooks[subject_type] = hooks


def _own_evidence(evidence: EvidenceFile | None, document: Document, field: str) -> None:
    if evidence is not None and evidence.agency_id != document.agency_id:
        raise DeliveryError("所附证据文件不属于本单位", field=field)


def _check_receipt(document: Document, receipt_document: Document | None, receipt_evidence: Any) -> None:
    """R-DOC-006: a successful direct, entrusted or 留置 service has its 送达回证."""
    if receipt_document is None and receipt_evidence is None:
        raise DeliveryError(
            "送达须有送达回证（R-DOC-006）：请选择已签发的送达回证或上传签收的回证扫描件", field="receipt_document"
        )
    if receipt_document is None:
        return
    if (
        receipt_document.kind != DocumentKind.DELIVERY_RECEIPT
        or receipt_document.agency_id != document.agency_id
        or receipt_document.state != DocumentState.ISSUED
    ):
        raise DeliveryError("所选文书不是本单位已签发的送达回证", field="receipt_document")
    same_subject = (receipt_document.subject_type, receipt_document.subject_id) == (
        document.subject_type,
        document.subject_id,
    )
    listed = (receipt_document.context or {}).get("served_document_ids")
    if not same_subject or (listed is not None and document.pk not in listed):
        raise DeliveryError(
            "所选送达回证未列明本文书：每份送达的文书须有列明该文书的送达回证（R-DOC-006）", field="receipt_document"
        )


def _check_left_at_premises(document: Document, fields: dict[str, Any], previous: list[Delivery]) -> None:
    if fields["result"] != DeliveryResult.SUCCESS:
        raise DeliveryError("留置送达即视为送达，应记录为送达成功", field="result")
    if not fields["refusal_noted"]:
        raise DeliveryError("只有受送达人拒绝签收时才能留置送达：请记明拒收情况（R-DOC-007）", field="refusal_noted")
    has_av = fields["av_evidence"] is not None or has_av_record(subject=document, step=LEFT_AT_PREMISES_STEP)
    if not fields["witness"] and not has_av:
        raise DeliveryError("留置送达须有见证人签名，或以拍照、录像等方式记录送达过程（R-DOC-007）", field="witness")


def _check_postal(document: Document, fields: dict[str, Any], previous: list[Delivery]) -> None:
    if not fields["postal_tracking_number"]:
        raise DeliveryError("邮寄送达须填写邮件号码", field="postal_tracking_number")
    if fields["result"] == DeliveryResult.SUCCESS and fields["postal_receipt_on"] is None:
        raise DeliveryError("邮寄送达以回执上注明的收件日期为送达日期：请填写回执签收日期", field="postal_receipt_on")


def _check_electronic(document: Document, fields: dict[str, Any], previous: list[Delivery]) -> None:
    if fields["e_delivery_consent"] is None:
        raise DeliveryError(
            "电子送达须经受送达人书面同意（R-DOC-007）：请附上其签署的送达地址确认书", field="e_delivery_consent"
        )
    if not fields["electronic_address"]:
        raise DeliveryError("电子送达须填写受送达人确认的电子送达地址", field="electronic_address")


def _check_public_notice(document: Document, fields: dict[str, Any], previous: list[Delivery]) -> None:
    if fields["result"] != DeliveryResult.SUCCESS:
        raise DeliveryError("公告送达以公告发布为准，请在公告发布后记录", field="result")
    if not any(d.method != DeliveryMethod.PUBLIC_NOTICE and not d.is_success for d in previous):
        raise DeliveryError(
            "只有受送达人下落不明或者采用其他方式无法送达时，才能公告送达（R-DOC-007）：请先记录其他方式的送达尝试",
            field="method",
        )
    if not fields["reason"]:
        raise DeliveryError("公告送达须在案卷中记明原因和经过（R-DOC-007）", field="reason")
    if fields["published_on"] is None:
        raise DeliveryError("请填写公告发布日期", field="published_on")


_METHOD_CHECKS = {
    DeliveryMethod.LEFT_AT_PREMISES: _check_left_at_premises,
    DeliveryMethod.POSTAL: _check_postal,
    DeliveryMethod.ELECTRONIC: _check_electronic,
    DeliveryMethod.PUBLIC_NOTICE: _check_public_notice,
}


def _check_method(document: Document, fields: dict[str, Any], previous: list[Delivery]) -> None:
    """The method's own conditions (R-DOC-007), then R-DOC-008. ``fields`` are the Delivery's values."""
    method = fields["method"]
    check = _METHOD_CHECKS.get(method)
    if check is not None:
        check(document, fields, previous)
    direct_failed = any(d.method == DeliveryMethod.DIRECT and not d.is_success for d in previous)
    if (
        document.kind in DIRECT_FIRST_KINDS
        and method not in (DeliveryMethod.DIRECT, DeliveryMethod.LEFT_AT_PREMISES)
        and not direct_failed
    ):
        raise DeliveryError(
            f"《{document.get_kind_display()}》应当直接送达当事人；直接送达不成的，方可采用其他方式（R-DOC-008）",
            field="method",
        )


def _service_date(document: Document, fields: dict[str, Any]) -> date | None:
    """The legal service date of a successful attempt (R-DOC-006, R-DOC-007); fills the public-notice dates."""
    method = fields["method"]
    if method == DeliveryMethod.PUBLIC_NOTICE:
        deadline = calendar_deadline(
            fields["published_on"], PUBLIC_NOTICE_CALENDAR_DAYS, region_code=document.agency.region.code
        )
        fields["notice_period_ends_on"] = deadline.due_on
        fields["deemed_served_on"] = deadline.extended_on  # R-TIME-004: the party's rights use the extended date
        return deadline.extended_on
    if method == DeliveryMethod.POSTAL:
        if fields["delivered_on"] not in (None, fields["postal_receipt_on"]):
            raise DeliveryError("邮寄送达的送达日期应为回执上注明的收件日期", field="delivered_on")
        return fields["postal_receipt_on"]
    if fields["delivered_on"] is None:
        raise DeliveryError("请填写送达日期（受送达人签收的日期）", field="delivered_on")
    return fields["delivered_on"]


def _check_dates(document: Document, fields: dict[str, Any]) -> None:
    for key in ("delivered_on", "postal_receipt_on", "published_on"):
        day = fields[key]
        if day is None or (key == "delivered_on" and fields["method"] == DeliveryMethod.PUBLIC_NOTICE):
            continue
        if document.issued_on and day < document.issued_on:
            raise DeliveryError("送达日期不能早于文书日期", field=key)
        if day > today():
            raise DeliveryError("日期不能晚于今天", field=key)


def _validate_attempt(document: Document, fields: dict[str, Any]) -> None:
    """All conditions of one attempt; sets the legal service date of a successful one."""
    for key in ("av_evidence", "receipt_evidence", "e_delivery_consent"):
        _own_evidence(fields[key], document, key)
    previous = list(document.deliveries.all())
    method, success = fields["method"], fields["result"] == DeliveryResult.SUCCESS
    if success and method == DeliveryMethod.PUBLIC_NOTICE and any(d.is_success for d in previous):
        raise DeliveryError("文书已经送达，无需公告送达", field="method")
    _check_dates(document, fields)
    _check_method(document, fields, previous)
    if success:
        if method in RECEIPT_METHODS:
            _check_receipt(document, fields["receipt_document"], fields["receipt_evidence"])
        if method in (DeliveryMethod.DIRECT, DeliveryMethod.ENTRUSTED) and not fields["receiver_name"]:
            raise DeliveryError("请填写签收人姓名", field="receiver_name")
        fields["delivered_on"] = _service_date(document, fields)
        return
    if fields["delivered_on"] is not None:
        raise DeliveryError("未能送达的，不填写送达日期", field="delivered_on")
    if not fields["note"]:
        raise DeliveryError("未能送达的，请说明原因（如查无此人、拒收邮件）", field="note")


@transaction.atomic
def record_delivery(
    *,
    document: Document,
    method: str,
    actor: Any,
    result: str = DeliveryResult.SUCCESS,
    attempted_at: datetime | None = None,
    delivered_on: date | None = None,
    receiver_name: str = "",
    place: str = "",
    refusal_noted: bool = False,
    witness: str = "",
    av_evidence: EvidenceFile | None = None,
    receipt_document: Document | None = None,
    receipt_evidence: EvidenceFile | None = None,
    postal_tracking_number: str = "",
    postal_receipt_on: date | None = None,
    electronic_address: str = "",
    e_delivery_consent: EvidenceFile | None = None,
    published_on: date | None = None,
    reason: str = "",
    note: str = "",
) -> Delivery:
    """Record one service attempt and the ledger event ``delivery.recorded`` (R-DOC-005..008)."""
    require(actor, "documents.record_delivery", document.agency, message="只能送达本单位的文书")
    locked = Document.objects.select_for_update().select_related("agency__region").get(pk=document.pk)
    if locked.state != DocumentState.ISSUED:
        raise DeliveryError("只能送达已签发且未作废的文书", field="document")
    hooks = _subject_hooks.get(locked.subject_type, SubjectHooks())
    if hooks.guard is not None:
        hooks.guard(locked, actor)
    if method not in DeliveryMethod.values:
        raise DeliveryError(f"送达方式“{method}”不存在", field="method")
    if result not in DeliveryResult.values:
        raise DeliveryError(f"送达结果“{result}”不存在", field="result")
    fields: dict[str, Any] = {
        "method": method,
        "result": result,
        "delivered_on": delivered_on,
        "receiver_name": receiver_name.strip(),
        "place": place.strip(),
        "refusal_noted": refusal_noted,
        "witness": witness.strip(),
        "av_evidence": av_evidence,
        "receipt_document": receipt_document,
        "receipt_evidence": receipt_evidence,
        "postal_tracking_number": postal_tracking_number.strip(),
        "postal_receipt_on": postal_receipt_on,
        "electronic_address": electronic_address.strip(),
        "e_delivery_consent": e_delivery_consent,
        "published_on": published_on,
        "reason": reason.strip(),
        "note": note.strip(),
    }
    _validate_attempt(locked, fields)
    delivery = Delivery.objects.create(
        document=locked, attempted_at=attempted_at or timezone.now(), recorded_by=actor, **fields
    )
    event = record(
        event_type="delivery.recorded", actor=actor, agency=locked.agency, subject=locked, payload=delivery.as_payload()
    )
    Delivery.objects.filter(pk=delivery.pk).update(event=event)
    delivery.event = event
    if delivery.is_success:
        first = served_on(locked)
        already_served = locked.served_on is not None
        Document.objects.filter(pk=locked.pk).update(served_on=first)
        document.served_on = locked.served_on = first
        if hooks.on_served is not None and not already_served:
            hooks.on_served(locked, actor)
    return delivery


def served_on(document: Document) -> date | None:
    """The legal service date: the earliest successful service (R-DOC-006; public notice: the deemed date)."""
    value: date | None = Delivery.objects.filter(document=document, result=DeliveryResult.SUCCESS).aggregate(
        first=Min("delivered_on")
    )["first"]
    return value
