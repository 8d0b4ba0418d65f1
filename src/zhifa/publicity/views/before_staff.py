"""Staff page of 事前公示 (/publications/before/): each agency the user sees, what its portal shows, what is active
in its registries but not yet published (R-PUB-001 WARN), and the action "更新事前公示" (one service call)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zhifa.core.errors import DomainError
from zhifa.org.models import Agency
from zhifa.publicity import services
from zhifa.publicity.choices import BEFORE_KINDS, PublicationKind


def _agencies(request: HttpRequest):  # type: ignore[no-untyped-def]
    return Agency.objects.visible_to(request.user).filter(is_active=True).select_related("region")


@login_required
def before_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for agency in _agencies(request)[:200]:
        current = {p.kind: p for p in services.current_before_publications(agency.pk)}
        rows.append(
            {
                "agency": agency,
                "kinds": [(PublicationKind(k).label, current.get(k)) for k in BEFORE_KINDS],
                "missing": services.unpublished_entries(agency),
                "can_refresh": request.user.has_perm("publicity.refresh_before_publications", agency),
            }
        )
    return render(request, "publicity/before_list.html", {"rows": rows})


@login_required
@require_POST
def before_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(_agencies(request), pk=pk)
    try:
        result = services.refresh_before_publications(actor=request.user, agency=agency)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("publicity:before-list")
    if result.changed:
        messages.success(
            request,
            f"{agency.name}事前公示已更新：新公示{len(result.published)}项，替换或撤下{len(result.superseded)}项",
        )
    else:
        messages.success(request, f"{agency.name}事前公示内容没有变化，无需更新")
    return redirect("publicity:before-list")
