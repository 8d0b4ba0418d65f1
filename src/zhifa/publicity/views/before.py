"""事前公示 on the portal (/gongshi/agencies/, /gongshi/officers/, /gongshi/procedures/): anonymous, no JavaScript,
Chinese, stable URLs (an agency's pages carry its id), cached like every portal page.

Every page reads the agency's current published 事前 snapshots only (``services.current_before_publications``),
never the registries: an agency, officer or item that left the registry leaves the portal with the next refresh
(R-PUB-001, R-PRV-007). The flow chart is drawn from the case state machine (``publicity.flowchart``).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.config import publicity_config
from zhifa.publicity.flowchart import penalty_case_chart
from zhifa.publicity.services import current_before_publications
from zhifa.publicity.views.caching import page_seconds, portal_page
from zhifa.publicity.views.portal import not_found

K = PublicationKind
# The agency's register pages: URL slug → (kind, template, page title).
REGISTERS = {
    "items": (K.ENFORCEMENT_ITEM, "items", "行政执法事项清单"),
    "benchmarks": (K.DISCRETION_BENCHMARK, "benchmarks", "行政裁量权基准"),
    "exemptions": (K.EXEMPTION_LIST, "exemptions", "免罚清单"),
    "review-catalog": (K.MAJOR_DECISION_CATALOG, "review_catalog", "重大执法决定法制审核目录清单"),
    "av-items": (K.AV_REQUIREMENT, "av_items", "音像记录事项清单"),
}


def _snapshots(kind: str, agency_id: int | None = None) -> list[dict[str, Any]]:
    rows = current_before_publications(agency_id).filter(kind=kind).only("agency_id", "published_on", "snapshot")
    found = [{"agency_id": p.agency_id, "published_on": p.published_on, **p.snapshot} for p in rows]
    return sorted(found, key=lambda s: (s.get("agency_name", ""), s["agency_id"]))


def _agency(pk: int) -> dict[str, Any] | None:
    found = _snapshots(K.AGENCY, pk)
    return found[0] if found else None


@portal_page(seconds=page_seconds)
def agency_list(request: HttpRequest) -> HttpResponse:
    """执法主体: every agency on the portal, by region and name."""
    agencies = sorted(_snapshots(K.AGENCY), key=lambda a: (a.get("region", ""), a.get("name", "")))
    return render(request, "publicity/portal/before/agency_list.html", {"agencies": agencies})


@portal_page(seconds=page_seconds)
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One agency: its profile, complaint channels and links to its registers."""
    agency = _agency(pk)
    if agency is None:
        return not_found(request, "该执法主体不存在或已不再公示。")
    published = set(current_before_publications(pk).values_list("kind", flat=True))
    registers = [(slug, title) for slug, (kind, _, title) in REGISTERS.items() if kind in published]
    channels = _snapshots(K.COMPLAINT_CHANNEL, pk)
    context = {
        "agency": agency,
        "channels": channels[0]["channels"] if channels else [],
        "registers": registers,
        "has_officers": K.OFFICER in published,
    }
    return render(request, "publicity/portal/before/agency_detail.html", context)


@portal_page(seconds=page_seconds)
def agency_register(request: HttpRequest, pk: int, register: str) -> HttpResponse:
    """One register of one agency (items, benchmarks, 免罚清单, 法制审核目录, 音像记录事项)."""
    if register not in REGISTERS:
        raise Http404
    kind, template, title = REGISTERS[register]
    agency = _agency(pk)
    if agency is None:
        return not_found(request, "该执法主体不存在或已不再公示。")
    found = _snapshots(kind, pk)
    context = {"agency": agency, "title": title, "snapshot": found[0] if found else None}
    return render(request, f"publicity/portal/before/{template}.html", context)


@portal_page(seconds=page_seconds)
def officer_list(request: HttpRequest) -> HttpResponse:
    """执法人员: search by name or certificate number, filter by agency; 20 a page, by agency then name."""
    query = request.GET.get("q", "").strip()
    agency = request.GET.get("agency", "").strip()
    rows = []
    agencies = []
    for snapshot in _snapshots(K.OFFICER):
        agencies.append((snapshot["agency_id"], snapshot["agency_name"]))
        if agency.isdigit() and snapshot["agency_id"] != int(agency):
            continue
        for officer in snapshot.get("officers", []):
            if query and not matches(officer, query):
                continue
            rows.append({**officer, "agency_id": snapshot["agency_id"], "agency_name": snapshot["agency_name"]})
    page = Paginator(rows, publicity_config().portal_page_size).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {"page": page, "q": query, "agency": agency, "agencies": agencies, "query": params.urlencode()}
    return render(request, "publicity/portal/before/officer_list.html", context)


def matches(officer: dict[str, Any], query: str) -> bool:
    """A name fragment, or a certificate number fragment (spaces ignored, any case)."""
    number = re.sub(r"\s+", "", query).upper()
    return query in officer["name"] or bool(number and number in officer["certificate_number"].upper())


@portal_page(seconds=page_seconds)
def procedures(request: HttpRequest) -> HttpResponse:
    """执法流程: the penalty case's general procedure as an SVG drawn from the state machine, and its steps."""
    svg, edges, states = penalty_case_chart()
    names = dict(states)
    steps = [
        {"source": names.get(e.source, e.source), "target": names.get(e.target, e.target), "label": e.label}
        for e in edges
    ]
    return render(request, "publicity/portal/before/procedures.html", {"svg": svg, "steps": steps})


@portal_page(seconds=page_seconds)
def procedures_svg(request: HttpRequest) -> HttpResponse:
    svg, _, _ = penalty_case_chart()
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
