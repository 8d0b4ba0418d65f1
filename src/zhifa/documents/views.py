"""Staff UI for documents: scoped list with search, detail (HTML preview, 文号, digest, signatures, service
records, integrity check), the PDF and its editable Word copy."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header

from zhifa.core.listing import render_list, search
from zhifa.documents import services
from zhifa.documents.choices import DocumentKind, DocumentState
from zhifa.documents.models import Document
from zhifa.documents.services.docx import DOCX_CONTENT_TYPE, docx_filename, open_docx
from zhifa.ledger.services import trail
from zhifa.ledger.signatures import SIGNATURE_EVENT


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    documents = Document.objects.visible_to(request.user).select_related("agency", "number", "issued_by")
    filters = {name: request.GET.get(name, "") for name in ("kind", "state")}
    for name, value in filters.items():
        if value:
            documents = documents.filter(**{name: value})
    documents = search(documents, request, ["title", "number__text", "pdf_digest"])
    context = {**filters, "kinds": DocumentKind.choices, "states": DocumentState.choices}
    return render_list(request, "documents/document_list.html", "documents/_document_rows.html", documents, context)


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.visible_to(request.user).select_related("agency", "number", "issued_by", "voided_by"), pk=pk
    )
    context = {
        "document": document,
        "deliveries": document.deliveries.select_related("recorded_by"),
        "signatures": trail(document).filter(event_type=SIGNATURE_EVENT),
        "intact": services.verify_document(document),
    }
    return render(request, "documents/document_detail.html", context)


@login_required
def document_pdf(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Document.objects.visible_to(request.user).select_related("agency", "number"), pk=pk)
    handle = services.open_pdf(document, actor=request.user)
    name = f"{document.title}{document.number_text}.pdf"
    return FileResponse(handle, filename=name, content_type="application/pdf")


@login_required
def document_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The Word copy, converted from the snapshot the PDF was made from; a read by others is recorded."""
    document = get_object_or_404(Document.objects.visible_to(request.user).select_related("agency", "number"), pk=pk)
    response = HttpResponse(open_docx(document, actor=request.user), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, docx_filename(document))
    return response
