"""Staff page of the 双公示 export (R-PUB-012): filters (agency, 处罚决定日期 from/to), the number of records the
export will hold, and the CSV / Excel downloads. Thin: parse, ONE service, respond."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import rules
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render

from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.publicity.credit.export import FORMATS, CreditFilter, export_agencies, exportable, start_credit_export
from zhifa.publicity.credit.fields import HEADERS, NOT_PUBLIC
from zhifa.publicity.credit.responses import export_response, parse_day


def _filters(query: Any) -> tuple[CreditFilter, dict[str, str]]:
    errors: dict[str, str] = {}
    agency = (query.get("agency") or "").strip()
    if agency and not agency.isdigit():
        errors["agency"] = "执法单位无效"
    days = {}
    for key, label in (("decided_from", "起始日期"), ("decided_to", "截止日期")):
        try:
            days[key] = parse_day(query.get(key))
        except ValueError:
            errors[key] = f"{label}格式不正确，应为“2026-03-02”"
            days[key] = None
    filters = CreditFilter(agency_id=int(agency) if agency.isdigit() else None, **days)
    return filters, errors


@login_required
def credit_export(request: HttpRequest) -> HttpResponseBase:
    """GET: the page; GET with ``file_format=csv|xlsx``: the download (recorded in the ledger)."""
    filters, errors = _filters(request.GET)
    file_format = request.GET.get("file_format", "")
    allowed = rules.has_perm("publicity.export_credit_records", request.user)
    status = 200
    if file_format and not errors:
        try:
            return export_response(start_credit_export(actor=request.user, filters=filters, file_format=file_format))
        except DomainError as refusal:
            errors[refusal.field or "file_format"] = str(refusal)
            status = refusal.status
    context = {
        "allowed": allowed,
        "personal": rules.has_perm("publicity.export_credit_personal_data", request.user),
        "agencies": export_agencies(request.user) if allowed else [],
        "selected": {key: request.GET.get(key, "") for key in ("agency", "decided_from", "decided_to")},
        "errors": errors,
        "count": exportable(request.user, filters, on=today()).count() if allowed and not errors else None,
        "formats": FORMATS,
        "headers": HEADERS,
        "not_public": NOT_PUBLIC,
        "query": urlencode({key: value for key, value in request.GET.items() if key != "file_format"}),
    }
    response: HttpResponse = render(request, "publicity/credit_export.html", context, status=status)
    return response
