"""The HTTP response of a started export: CSV streamed line by line, Excel as a file (shared by the page and API)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from django.http import FileResponse, HttpResponseBase, StreamingHttpResponse

from zhifa.publicity.credit.export import CreditExport
from zhifa.publicity.credit.fields import HEADERS
from zhifa.publicity.credit.writers import csv_chunks, xlsx_file

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def parse_day(raw: str | None) -> date | None:
    """``2026-03-02`` or nothing; ``ValueError`` otherwise."""
    raw = (raw or "").strip()
    return date.fromisoformat(raw) if raw else None


def export_response(export: CreditExport) -> HttpResponseBase:
    if export.file_format == "csv":
        response: HttpResponseBase = StreamingHttpResponse(
            csv_chunks(HEADERS, export.rows()), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = _disposition(export.filename)
    else:
        response = FileResponse(xlsx_file(HEADERS, export.rows()), content_type=XLSX)
        response["Content-Disposition"] = _disposition(export.filename)
    response["Cache-Control"] = "no-store"  # personal data: never kept by a proxy or the browser cache
    response["X-Record-Count"] = str(export.count)
    return response


def _disposition(filename: str) -> str:
    return f"attachment; filename=\"credit-export.{filename.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(filename)}"
