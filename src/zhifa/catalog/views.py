"""Staff UI of the catalog: item list (filters, live search) and item detail (basis, version history)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from zhifa.catalog.choices import EnforcementItemState, ItemKind
from zhifa.catalog.models import EnforcementItem
from zhifa.core.listing import render_list
from zhifa.laws.models import Article
from zhifa.org.models import Agency, Sector

_BASIS = Article.objects.select_related("version__law").order_by(
    "version__law__title", "number", "paragraph", "subparagraph", "id"
)


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    items = (
        EnforcementItem.objects.visible_to(request.user)
        .search(request.GET.get("q", ""))
        .select_related("agency", "sector")
        .order_by("agency__name", "code", "version", "id")
    )
    filters = {}
    for key, valid in (("kind", ItemKind.values), ("state", EnforcementItemState.values)):
        value = request.GET.get(key, "")
        if value in valid:
            items = items.filter(**{key: value})
            filters[key] = value
    for key in ("agency", "sector"):
        value = request.GET.get(key, "")
        if value.isdigit():
            items = items.filter(**{f"{key}_id": int(value)})
            filters[key] = value
    agencies = (
        Agency.objects.visible_to(request.user).filter(enforcement_items__isnull=False).distinct().order_by("name")
    )
    context = {
        "filters": filters,
        "kinds": ItemKind.choices,
        "states": EnforcementItemState.choices,
        "agencies": agencies,
        "sectors": Sector.objects.order_by("code"),
        "querystring": "&".join(f"{k}={v}" for k, v in filters.items()),
    }
    return render_list(request, "catalog/item_list.html", "catalog/_item_rows.html", items, context)


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        EnforcementItem.objects.visible_to(request.user)
        .select_related("agency", "sector", "previous_version")
        .prefetch_related(Prefetch("establishing_basis", queryset=_BASIS), Prefetch("penalty_basis", queryset=_BASIS)),
        pk=pk,
    )
    versions = EnforcementItem.objects.filter(agency_id=item.agency_id, code=item.code).order_by("version")
    return render(request, "catalog/item_detail.html", {"item": item, "versions": versions})
