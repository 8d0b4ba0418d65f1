"""Staff UI of the discretion app: the benchmark registry (filters, live search, detail with tiers and versions)
and the 免罚清单 entries, each linking its Excel import and export (``core.import_views``) for administrators.
Read-only pages; changes go through the API, the import or the admin (services)."""

from __future__ import annotations

from typing import Any

import rules
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from zhifa.core.calendar import today
from zhifa.core.listing import render_list
from zhifa.discretion.choices import DiscretionBenchmarkState, ExemptionKind
from zhifa.discretion.models import DiscretionBenchmark, ExemptionListEntry
from zhifa.discretion.services import misfit, unfit_refinements
from zhifa.org.models import Agency


def _filtered(
    request: HttpRequest, rows: QuerySet[Any], choices: dict[str, list[str]]
) -> tuple[QuerySet[Any], dict[str, str]]:
    """Apply the choice filters given in the query string; return the rows and the filters kept."""
    filters = {}
    for key, valid in choices.items():
        value = request.GET.get(key, "")
        if value in valid:
            rows = rows.filter(**{key: value})
            filters[key] = value
    return rows, filters


@login_required
def benchmark_list(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()
    rows: QuerySet[Any] = (
        DiscretionBenchmark.objects.visible_to(request.user)
        .select_related("enforcement_item__agency", "penalty_article__version__law")
        .order_by("enforcement_item__agency__name", "enforcement_item__code", "penalty_article_id", "version", "id")
    )
    if text:
        rows = rows.filter(
            Q(title__icontains=text)
            | Q(enforcement_item__name__icontains=text)
            | Q(enforcement_item__code__icontains=text)
        )
    rows, filters = _filtered(request, rows, {"state": DiscretionBenchmarkState.values})
    agency = request.GET.get("agency", "")
    if agency.isdigit():
        rows = rows.filter(enforcement_item__agency_id=int(agency))
        filters["agency"] = agency
    context = {
        "filters": filters,
        "states": DiscretionBenchmarkState.choices,
        "agencies": Agency.objects.visible_to(request.user)
        .filter(enforcement_items__discretion_benchmarks__isnull=False)
        .distinct()
        .order_by("name"),
        "querystring": "&".join(f"{k}={v}" for k, v in filters.items()),
        "can_import": rules.has_perm("discretion.import_benchmarks", request.user),
    }
    return render_list(request, "discretion/benchmark_list.html", "discretion/_benchmark_rows.html", rows, context)


@login_required
def benchmark_detail(request: HttpRequest, pk: int) -> HttpResponse:
    benchmark = get_object_or_404(DiscretionBenchmark.objects.visible_to(request.user).with_tiers(), pk=pk)
    versions = DiscretionBenchmark.objects.visible_to(request.user).filter(
        enforcement_item_id=benchmark.enforcement_item_id, penalty_article_id=benchmark.penalty_article_id
    )
    day = today()
    unfit = []
    if benchmark.applies_on(day):  # R-DIS-003: the refinements a revision of this (upper) benchmark left unfit
        found = unfit_refinements(on=day, upper=benchmark)
        seen = set(
            DiscretionBenchmark.objects.visible_to(request.user)
            .filter(pk__in=[m.benchmark.pk for m in found])
            .values_list("pk", flat=True)
        )
        unfit = [{**m.__dict__, "visible": m.benchmark.pk in seen} for m in found]
    context = {
        "benchmark": benchmark,
        "tiers": benchmark.ordered_tiers(),
        "versions": versions.order_by("version"),
        "misfit": misfit(benchmark, on=day) if benchmark.applies_on(day) else None,
        "unfit": unfit,
    }
    return render(request, "discretion/benchmark_detail.html", context)


@login_required
def exemption_entry_list(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()
    rows: QuerySet[Any] = (
        ExemptionListEntry.objects.visible_to(request.user)
        .select_related("exemption_list__agency", "enforcement_item__agency")
        .order_by("exemption_list__agency__name", "exemption_list_id", "sequence", "id")
    )
    if text:
        rows = rows.filter(Q(violation__icontains=text) | Q(enforcement_item__name__icontains=text))
    rows, filters = _filtered(request, rows, {"kind": ExemptionKind.values})
    context = {
        "filters": filters,
        "kinds": ExemptionKind.choices,
        "querystring": "&".join(f"{k}={v}" for k, v in filters.items()),
        "can_import": rules.has_perm("discretion.import_exemption_entries", request.user),
    }
    return render_list(request, "discretion/entry_list.html", "discretion/_entry_rows.html", rows, context)
