"""Staff UI of the laws app: law list (live search), law detail with its articles, citation lookup."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from zhifa.core.calendar import today
from zhifa.core.listing import paginate
from zhifa.laws import services
from zhifa.laws.choices import LawLevel
from zhifa.laws.errors import LawsError
from zhifa.laws.models import Article, Law


@login_required
def law_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    level = request.GET.get("level", "")
    laws = (
        Law.objects.visible_to(request.user).search(q).annotate(version_count=Count("versions")).order_by("title", "id")
    )
    if level in LawLevel.values:
        laws = laws.filter(level=level)
    page = paginate(laws, request)
    context = {"page": page, "q": q, "level": level, "levels": LawLevel.choices}
    template = "laws/_law_rows.html" if request.headers.get("HX-Request") else "laws/law_list.html"
    return render(request, template, context)


def _parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@login_required
def law_detail(request: HttpRequest, pk: int) -> HttpResponse:
    law = get_object_or_404(Law.objects.visible_to(request.user), pk=pk)
    versions = list(law.versions.order_by("effective_on", "id"))
    day = today()
    rows = []
    for index, version in enumerate(versions):
        following = versions[index + 1] if index + 1 < len(versions) else None
        rows.append({"version": version, "state": version.state_on(day, next_version=following)})
    selected = None
    wanted = request.GET.get("version")
    if wanted and wanted.isdigit():
        selected = next((v for v in versions if v.pk == int(wanted)), None)
    if selected is None:
        in_force = [row["version"] for row in rows if row["state"] == "in_force"]
        selected = in_force[-1] if in_force else (versions[-1] if versions else None)
    articles = (
        Article.objects.filter(version=selected).select_related("version__law") if selected else Article.objects.none()
    )
    context = {"law": law, "versions": rows, "selected": selected, "articles": articles}
    return render(request, "laws/law_detail.html", context)


@login_required
def article_lookup(request: HttpRequest) -> HttpResponse:
    citation = request.GET.get("citation", "").strip()
    on_text = request.GET.get("on", "").strip()
    article = None
    error = ""
    if citation:
        on = _parse_day(on_text)
        if on_text and on is None:
            error = "日期格式应为YYYY-MM-DD"
        else:
            try:
                article = services.lookup_article(citation, on=on)
            except LawsError as exc:
                error = exc.message
    context = {"citation": citation, "on": on_text, "article": article, "error": error}
    template = "laws/_lookup_result.html" if request.headers.get("HX-Request") else "laws/article_lookup.html"
    return render(request, template, context)
