"""List-page helpers shared by every app's staff views: search box, pagination, htmx partial rendering."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def search(queryset: QuerySet[Any], request: HttpRequest, fields: list[str]) -> QuerySet[Any]:
    """Filter by the ``q`` parameter over ``fields`` (icontains, OR-ed)."""
    term = request.GET.get("q", "").strip()
    if not term:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": term})
    return queryset.filter(condition)


def page_size(request: HttpRequest) -> int:
    """``?page_size=N`` (1–200), else 50."""
    raw = request.GET.get("page_size", "")
    return min(max(int(raw), 1), MAX_PAGE_SIZE) if raw.isdigit() else PAGE_SIZE


def paginate(queryset: QuerySet[Any], request: HttpRequest) -> Page:
    return Paginator(queryset, page_size(request)).get_page(request.GET.get("page"))


def render_list(
    request: HttpRequest, template: str, rows_template: str, queryset: QuerySet[Any], context: dict[str, Any]
) -> HttpResponse:
    """Render the full page, or only the rows partial for an htmx request (live search)."""
    page = paginate(queryset, request)
    context = {**context, "page": page, "q": request.GET.get("q", "")}
    if request.headers.get("HX-Request"):
        return render(request, rows_template, context)
    return render(request, template, context)
