from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from zhifa.core.listing import render_list, search
from zhifa.org.models import Agency


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.visible_to(request.user).select_related("region").prefetch_related("sectors")
    kind = request.GET.get("kind", "")
    if kind:
        agencies = agencies.filter(kind=kind)
    agencies = search(agencies, request, ["name", "uscc", "legal_representative"])
    return render_list(request, "org/agency_list.html", "org/_agency_rows.html", agencies, {"kind": kind})


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(
        Agency.objects.visible_to(request.user).select_related("region", "parent_agency", "entrusting_agency"), pk=pk
    )
    return render(
        request,
        "org/agency_detail.html",
        {"agency": agency, "departments": agency.departments.all(), "sectors": agency.sectors.all()},
    )
