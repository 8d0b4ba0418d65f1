"""Issuing and voiding 执法文书. The issued PDF is the record of truth (R-DOC-009): its SM3 digest is sealed in
the ``document.issued`` ledger event and signed by the issuing officer; ``verify_document`` re-hashes it.
"""

from __future__ import annotations

from datetime import date
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone

from zhifa.core.calendar import today
from zhifa.core.errors import Conflict, PermissionDenied
from zhifa.core.permissions import require
from zhifa.documents.choices import DocumentState
from zhifa.documents.errors import DocumentError
from zhifa.documents.models import Document
from zhifa.documents.services.issuer_grants import may_issue
from zhifa.documents.services.numbering import allocate_number, mark_number_voided, spec_for
from zhifa.documents.services.rendering import check_context, default_context, html_to_pdf, render_document
from zhifa.ledger.canonical import NotCanonical, normalise_payload, sm3_hex
from zhifa.ledger.evidence import hash_stored
from zhifa.ledger.services import record, record_view, subject_label
from zhifa.ledger.signatures import sign_record

# Keys the issuing service sets itself; a caller's value for them is ignored.
FIXED_KEYS = ("agency_name", "document_number", "issued_on")


def pdf_storage_name(digest: str) -> str:
    """Content address of an issued PDF: ``documents/ab/cd/<SM3>.pdf``."""
    return f"documents/{digest[:2]}/{digest[2:4]}/{digest}.pdf"


def store_pdf(pdf: bytes, digest: str) -> str:
    """Store the bytes once under their content address; returns the storage name."""
    name = pdf_storage_name(digest)
    if default_storage.exists(name):
        return name
    saved = default_storage.save(name, ContentFile(pdf))
    if saved != name:  # the same bytes were stored concurrently: keep one copy
        default_storage.delete(saved)
    return name


def _normalised(context: dict[str, Any]) -> dict[str, Any]:
    try:
        return normalise_payload(context)
    except NotCanonical as error:
        raise DocumentError(
            f"填写内容含有不能保存的值（{error}）：金额请用字符串或 Decimal，日期用 date", field="context"
        ) from error


@transaction.atomic
def issue_document(
    *,
    kind: str,
    agency: Any,
    subject: models.Model | None,
    context: dict[str, Any],
    actor: Any,
    numbered: bool,
    year: int | None = None,
    issued_on: date | None = None,
) -> Document:
    """签发: number (if ``numbered``), render HTML and PDF, store the PDF by its SM3, record ``document.issued``
    and sign the digest for ``actor`` (R-DOC-002, R-DOC-003, R-DOC-009), all in one transaction.

    ``issued_on`` (the date printed on the document, default today) also gives the 文号's year unless ``year``
    is passed. ``subject`` is what the document belongs to (a case, a coercive measure …).
    """
    if actor is None or not getattr(actor, "pk", None):
        raise DocumentError("文书须由执法人员签发", field="actor")
    if not may_issue(actor, agency, kind):
        raise PermissionDenied("只能以本人所属执法主体的名义签发文书")
    spec = spec_for(kind)
    if numbered and not spec.numberable:
        raise DocumentError(f"《{spec.label}》不编文号", field="numbered")
    if not numbered and spec.requires_number:
        raise DocumentError(f"《{spec.label}》必须编文号（R-DOC-002）", field="numbered")
    issued_on = issued_on or today()
    if issued_on > today():
        raise DocumentError("文书日期不能晚于今天", field="issued_on")
    filled = _normalised({**default_context(agency), **context})
    values = {**filled, "agency_name": agency.name, "issued_on": issued_on, "document_number": ""}
    check_context(kind, values)  # before a number is taken (R-DOC-003)
    number = allocate_number(agency=agency, kind=kind, year=year or issued_on.year, actor=actor) if numbered else None
    if number is not None:
        values["document_number"] = number.text
    html = render_document(kind, values)
    pdf = html_to_pdf(html)
    digest = sm3_hex(pdf)
    document = Document.objects.create(
        kind=kind,
        agency=agency,
        number=number,
        subject_type=subject_label(subject) if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        title=str(filled.get("title") or spec.label)[:100],
        context={key: value for key, value in filled.items() if key not in FIXED_KEYS},
        html=html,
        pdf_storage_name=store_pdf(pdf, digest),
        pdf_digest=digest,
        pdf_size=len(pdf),
        state=DocumentState.ISSUED,
        issued_on=issued_on,
        issued_at=timezone.now(),
        issued_by=actor,
    )
    event = record(
        event_type="document.issued",
        actor=actor,
        agency=agency,
        subject=document,
        payload={
            "kind": kind,
            "title": document.title,
            "number": number.text if number else "",
            "pdf_digest": digest,
            "pdf_size": len(pdf),
            "storage_name": document.pdf_storage_name,
            "issued_on": issued_on,
            "subject_type": document.subject_type,
            "subject_id": document.subject_id,
        },
    )
    Document.objects.filter(pk=document.pk).update(issued_event=event)
    document.issued_event = event
    sign_record(actor=actor, subject=document, digest=digest, purpose=kind, agency=agency)  # R-DOC-009
    return document


@transaction.atomic
def void_document(document: Document, *, reason: str, actor: Any) -> Document:
    """作废 an issued document that was not served: the document and its number are kept, marked voided, and
    the number is never reused (R-DOC-002). A served document is changed only by a new decision."""
    require(actor, "documents.void_document", document.agency, message="只有本单位负责人或单位管理员可以作废文书")
    reason = (reason or "").strip()
    if not reason:
        raise DocumentError("作废文书须说明原因", field="reason")
    locked = Document.objects.select_for_update(of=("self",)).select_related("number", "agency").get(pk=document.pk)
    if locked.state == DocumentState.VOIDED:
        raise Conflict("该文书已作废", field="state")
    if locked.deliveries.filter(result="success").exists():
        raise DocumentError("文书已送达，不能作废；如需变更，应当依法另行作出决定", field="state")
    locked.state = DocumentState.VOIDED
    locked.voided_reason = reason
    locked.voided_at = timezone.now()
    locked.voided_by = actor
    locked.save(update_fields=["state", "voided_reason", "voided_at", "voided_by"])
    if locked.number is not None:
        mark_number_voided(locked.number, reason=reason, actor=actor)
    record(
        event_type="document.voided",
        actor=actor,
        agency=locked.agency,
        subject=locked,
        payload={"number": locked.number_text, "pdf_digest": locked.pdf_digest, "reason": reason},
    )
    return locked


def verify_document(document: Document) -> bool:
    """Is the stored PDF still the one issued? Re-hash the bytes (SM3) and compare with the document row and
    with the digest sealed in its ``document.issued`` ledger event (R-DOC-009)."""
    if not document.pdf_storage_name or not document.pdf_digest:
        return False
    stored = hash_stored(document.pdf_storage_name)
    if stored is None or stored[0] != document.pdf_digest:
        return False
    event = document.issued_event
    return event is None or event.data.get("pdf_digest") == document.pdf_digest


def open_pdf(document: Document, *, actor: Any) -> IO[bytes]:
    """The stored PDF; a read by anyone but the issuer is recorded first (调阅留痕, R-REC-007)."""
    if not document.pdf_storage_name:
        raise DocumentError("该文书没有 PDF 文件", field="pdf")
    handle: IO[bytes] = default_storage.open(document.pdf_storage_name, "rb")
    try:
        with transaction.atomic():
            handlers = [document.issued_by_id] if document.issued_by_id else []
            record_view(viewer=actor, subject=document, agency=document.agency, handler_ids=handlers)
    except BaseException:
        handle.close()
        raise
    return handle
