"""行政执法公示平台 (/gongshi/): anonymous, read-only, Chinese, no JavaScript needed, stable URLs, cached pages.

Decisions are shown from ``Publication.snapshot`` only — the redacted copy — never from the case records
(ARCHITECTURE "Privacy by construction"); only published publications within their period are read
(``on_portal``: withdrawn and expired ones are gone, R-PRV-007). Lists are ordered by date, never by amount
(R-DAT-005: no rankings).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zhifa.core.calendar import today
from zhifa.org.models import Agency
from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.config import publicity_config
from zhifa.publicity.models import Publication
from zhifa.publicity.views.caching import page_seconds, portal_page

PORTAL_KINDS = (PublicationKind.PENALTY_DECISION, PublicationKind.COERCIVE_MEASURE)
LATEST = 10


def _portal_rows(on: date) -> Any:
    return Publication.objects.on_portal(on).filter(kind__in=PORTAL_KINDS).order_by("-published_on", "-id")


def _date(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw.strip()) if raw.strip() else None
    except ValueError:
        return None


def not_found(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "publicity/portal/not_found.html", {"message": message}, status=404)


@portal_page(seconds=page_seconds)
def home(request: HttpRequest) -> HttpResponse:
    """公示平台首页: the latest decisions and what the portal offers."""
    rows = list(_portal_rows(today()).values("pk", "snapshot", "published_on")[:LATEST])
    return render(request, "publicity/portal/home.html", {"latest": rows})


@portal_page(seconds=page_seconds)
def decision_list(request: HttpRequest) -> HttpResponse:
    """执法决定公示: filter by agency, kind and decision date range; 20 a page."""
    day = today()
    rows = _portal_rows(day)
    agencies = Agency.objects.filter(pk__in=rows.values("agency_id")).order_by("region__code", "name", "pk")
    selected = {key: request.GET.get(key, "").strip() for key in ("agency", "kind", "from", "to")}
    notes = []
    if selected["agency"].isdigit():
        rows = rows.filter(agency_id=int(selected["agency"]))
    if selected["kind"] in PORTAL_KINDS:
        rows = rows.filter(kind=selected["kind"])
    start, end = _date(selected["from"]), _date(selected["to"])
    for raw, parsed, label in ((selected["from"], start, "起始日期"), (selected["to"], end, "截止日期")):
        if raw and parsed is None:
            notes.append(f"{label}“{raw}”格式不正确，应为“2026-03-02”，已忽略")
    if start:
        rows = rows.filter(decided_on__gte=start)
    if end:
        rows = rows.filter(decided_on__lte=end)
    page = Paginator(rows.only("pk", "snapshot", "published_on"), publicity_config().portal_page_size).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "agencies": agencies,
        "kinds": [(k, PublicationKind(k).label) for k in PORTAL_KINDS],
        "selected": selected,
        "notes": notes,
        "query": query.urlencode(),
    }
    return render(request, "publicity/portal/decision_list.html", context)


@portal_page(seconds=page_seconds)
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One decision, from its snapshot only. Not published (or withdrawn, expired) → 404, nothing else said."""
    publication = _portal_rows(today()).only("pk", "snapshot", "published_on", "expires_on").filter(pk=pk).first()
    if publication is None:
        return not_found(request, "该公示信息不存在，或已依法撤下、公示期满。")
    context = {"publication": publication, "snapshot": publication.snapshot}
    return render(request, "publicity/portal/decision_detail.html", context)
