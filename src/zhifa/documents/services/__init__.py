"""Services of the documents app (the functions other apps call).

Numbering (文号): ``allocate_number``, ``void_number``, ``parse_document_number``, ``normalize_document_number``.
Rendering: ``render_document`` (HTML), ``html_to_pdf``. Issuing: ``issue_document``, ``void_document``,
``verify_document``, ``open_pdf``. Service (送达): ``record_delivery``, ``served_on``.
"""

from zhifa.documents.services.delivery import record_delivery, served_on
from zhifa.documents.services.issuing import issue_document, open_pdf, verify_document, void_document
from zhifa.documents.services.numbering import (
    ParsedNumber,
    allocate_number,
    normalize_document_number,
    parse_document_number,
    void_number,
)
from zhifa.documents.services.rendering import html_to_pdf, render_document

__all__ = [
    "ParsedNumber",
    "allocate_number",
    "html_to_pdf",
    "issue_document",
    "normalize_document_number",
    "open_pdf",
    "parse_document_number",
    "record_delivery",
    "render_document",
    "served_on",
    "verify_document",
    "void_document",
    "void_number",
]
