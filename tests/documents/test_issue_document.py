"""Issuing (R-DOC-002/003/009): number, render, PDF with embedded CJK fonts, SM3 in the ledger, signature."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.documents.conftest import context_for
from zhifa.core.errors import PermissionDenied
from zhifa.documents.errors import DocumentError
from zhifa.documents.models import Document, DocumentNumber, NumberCounter
from zhifa.documents.services import issue_document, verify_document
from zhifa.documents.services.rendering import pdf_font_names
from zhifa.ledger.canonical import sm3_hex
from zhifa.ledger.models import Event
from zhifa.ledger.signatures import verify_signatures

pytestmark = pytest.mark.django_db


def _stored(document):
    with default_storage.open(document.pdf_storage_name, "rb") as handle:
        return handle.read()


def test_r_doc_009_issued_pdf_is_real_embeds_cjk_fonts_and_is_sealed_in_the_ledger(issue, handler, agency, party):
    document = issue("penalty_decision")
    pdf = _stored(document)
    assert pdf.startswith(b"%PDF-")
    assert {"Noto-Serif-CJK-SC", "Noto-Serif-CJK-SC-Bold"} <= pdf_font_names(pdf)
    assert document.pdf_digest == sm3_hex(pdf)
    assert document.pdf_size == len(pdf)
    assert (
        document.pdf_storage_name
        == f"documents/{document.pdf_digest[:2]}/{document.pdf_digest[2:4]}/{document.pdf_digest}.pdf"
    )
    assert (document.state, document.issued_on, document.issued_by_id) == ("issued", date(2026, 6, 15), handler.pk)
    assert (document.subject_type, document.subject_id) == ("parties.party", str(party.pk))
    assert document.number.text == "示市监罚〔2026〕1号"
    issued = Event.objects.get(event_type="document.issued")
    assert issued.pk == document.issued_event_id
    assert (issued.actor_id, issued.agency_id, issued.subject_type, issued.subject_id) == (
        handler.pk,
        agency.pk,
        "documents.document",
        str(document.pk),
    )
    assert issued.data["pdf_digest"] == sm3_hex(pdf)
    assert issued.data["number"] == "示市监罚〔2026〕1号"
    signature = Event.objects.get(event_type="signature.added")
    assert (signature.actor_id, signature.subject_id) == (handler.pk, str(document.pk))
    assert signature.data["digest"] == document.pdf_digest
    assert signature.data["purpose"] == "penalty_decision"
    assert verify_signatures() is None
    assert verify_document(document) is True


def test_html_snapshot_and_context_are_kept(issue):
    document = issue("penalty_decision")
    assert "示市监罚〔2026〕1号" in document.html
    assert "罚款10,873.00元（壹万零捌佰柒拾叁元整）" in document.html
    assert document.context["fine_amount"] == "10873.00"
    assert document.context["reconsideration_body"] == "示范县人民政府"
    assert "document_number" not in document.context


def test_r_doc_009_verify_detects_an_altered_or_missing_pdf(issue):
    document = issue("penalty_decision")
    assert verify_document(document) is True
    pdf = _stored(document)
    default_storage.delete(document.pdf_storage_name)
    default_storage.save(document.pdf_storage_name, ContentFile(pdf.replace(b"%PDF-1.7", b"%PDF-1.6", 1)))
    assert verify_document(document) is False
    default_storage.delete(document.pdf_storage_name)
    assert verify_document(document) is False


def test_r_doc_009_verify_detects_a_row_whose_digest_was_rewritten(issue):
    document = issue("penalty_decision")
    forged = sm3_hex(b"another pdf")
    default_storage.save(f"documents/{forged[:2]}/{forged[2:4]}/{forged}.pdf", ContentFile(b"another pdf"))
    Document.objects.filter(pk=document.pk).update(
        pdf_digest=forged, pdf_storage_name=f"documents/{forged[:2]}/{forged[2:4]}/{forged}.pdf"
    )
    document.refresh_from_db()
    assert verify_document(document) is False  # the ledger event still holds the issued digest


def test_records_are_issued_without_a_number(issue):
    document = issue("inquiry_record", numbered=False)
    assert document.number is None
    assert document.number_text == ""
    assert Event.objects.get(event_type="document.issued").data["number"] == ""


def test_r_doc_002_decisions_must_be_numbered_and_records_cannot_be(issue):
    with pytest.raises(DocumentError) as excinfo:
        issue("penalty_decision", numbered=False)
    assert excinfo.value.message == "《行政处罚决定书》必须编文号（R-DOC-002）"
    with pytest.raises(DocumentError) as excinfo:
        issue("inquiry_record", numbered=True)
    assert excinfo.value.message == "《询问笔录》不编文号"
    assert Document.objects.count() == 0


def test_r_doc_003_incomplete_context_takes_no_number(issue, agency):
    issue("penalty_decision")
    with pytest.raises(DocumentError) as excinfo:
        issue("penalty_decision", party_address="")
    assert excinfo.value.message == "《行政处罚决定书》缺少必填内容：当事人住所（地址）（party_address）"
    assert list(DocumentNumber.objects.values_list("serial", flat=True)) == [1]
    assert NumberCounter.objects.get(agency=agency, kind="penalty_decision", year=2026).last_serial == 1
    assert issue("penalty_decision").number.text == "示市监罚〔2026〕2号"  # gapless


def test_issuing_for_another_agency_is_refused_and_nothing_is_saved(other_agency_handler, agency, party, frozen_today):
    with pytest.raises(PermissionDenied) as excinfo:
        issue_document(
            kind="penalty_decision",
            agency=agency,
            subject=party,
            context=context_for("penalty_decision"),
            actor=other_agency_handler,
            numbered=True,
        )
    assert excinfo.value.message == "只能以本人所属执法主体的名义签发文书"
    assert (Document.objects.count(), DocumentNumber.objects.count(), Event.objects.count()) == (0, 0, 0)


def test_supervisor_cannot_issue(supervisor, agency, party, frozen_today):
    with pytest.raises(PermissionDenied):
        issue_document(
            kind="filing_approval",
            agency=agency,
            subject=party,
            context=context_for("filing_approval"),
            actor=supervisor,
            numbered=True,
        )
    assert Document.objects.count() == 0


def test_issue_date_gives_the_year_and_cannot_be_in_the_future(issue):
    document = issue("prior_notice", issued_on=date(2025, 12, 30))
    assert (document.number.text, document.issued_on) == ("示市监罚告〔2025〕1号", date(2025, 12, 30))
    assert "2025年12月30日" in document.html
    with pytest.raises(DocumentError) as excinfo:
        issue("filing_approval", issued_on=date(2026, 6, 16))
    assert excinfo.value.message == "文书日期不能晚于今天"


def test_floats_are_refused_in_the_context(issue):
    with pytest.raises(DocumentError) as excinfo:
        issue("penalty_decision", fine_amount=10873.0)
    assert excinfo.value.field == "context"
    assert Document.objects.count() == 0


def test_caller_cannot_override_the_number_or_the_agency_name(issue):
    document = issue("penalty_decision", document_number="伪造〔2026〕99号", agency_name="别的机关")
    assert "伪造" not in document.html
    assert "别的机关" not in document.html
    assert "示范县市场监督管理局" in document.html


def test_same_html_gives_the_same_pdf_stored_once(issue, agency):
    first = issue("inquiry_record", numbered=False)
    second = issue("inquiry_record", numbered=False)
    assert first.pdf_digest == second.pdf_digest
    assert first.pdf_storage_name == second.pdf_storage_name


def test_a_missing_cjk_font_refuses_to_issue(issue, monkeypatch):
    from zhifa.documents.services import rendering

    monkeypatch.setattr(rendering, "has_cjk_font", lambda: False)
    with pytest.raises(DocumentError) as excinfo:
        issue("penalty_decision")
    assert excinfo.value.code == "cjk_font_missing"
    assert Document.objects.count() == 0
    assert DocumentNumber.objects.count() == 0
