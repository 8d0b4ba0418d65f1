"""Staff UI of 行政执法公示: the due list (待公示, red and yellow flags, R-PUB-004), all publications, and one
publication's page (the redacted content exactly as the portal will show it, the internal record, the steps).
Thin: forms parse, ONE service per step."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases.views.cases import panels, refusal_banner, timeline_rows
from zhifa.cases.views.forms import StepForm
from zhifa.cases.views.stepping import post_step
from zhifa.core.calendar import today
from zhifa.core.listing import paginate
from zhifa.publicity import services
from zhifa.publicity.choices import ExemptionReason, PublicationKind, PublicationState
from zhifa.publicity.models import Publication
from zhifa.publicity.views.steps import PUBLICATION_STEPS, make_form, publication_next_steps

S = PublicationState
TABS = {"due": "待公示", "all": "全部"}
STATE_BADGE = {S.PUBLISHED: "ok", S.WITHDRAWN: "warn", S.EXPIRED: "", S.EXEMPTED: "warn"}
EVENT_LABELS = {
    "publication.created": "生成待公示记录",
    "publication.submitted": "提交公示内容",
    "publication.returned": "退回修改",
    "publication.published": "审核通过并公开",
    "publication.exempted": "批准不予公开",
    "publication.withdrawn": "撤下",
    "publication.expired": "公示期满撤出",
}


def publication_rows(user: Any) -> Any:
    return Publication.objects.visible_to(user).select_related("agency", "penalty_case", "coercive_measure")


@login_required
def publication_list(request: HttpRequest) -> HttpResponse:
    """待公示 (the agency's due list, soonest deadline first, with flags) or 全部 (filter by state and kind)."""
    day = today()
    tab = request.GET.get("tab", "due")
    tab = tab if tab in TABS else "due"
    context: dict[str, Any] = {
        "tab": tab,
        "tabs": TABS,
        "states": S.choices,
        "kinds": [
            (k, PublicationKind(k).label) for k in (PublicationKind.PENALTY_DECISION, PublicationKind.COERCIVE_MEASURE)
        ],
        "selected": {"state": request.GET.get("state", ""), "kind": request.GET.get("kind", "")},
        "querystring": request.GET.copy(),
        "today": day,
    }
    if tab == "due":
        page = paginate(services.open_publications(request.user), request)
        context["page"] = page
        context["rows"] = services.due_rows(list(page.object_list), on=day)
        return render(request, "publicity/publication_list.html", context)
    rows = publication_rows(request.user).order_by("-decided_on", "-id")
    if context["selected"]["state"] in S.values:
        rows = rows.filter(state=context["selected"]["state"])
    if context["selected"]["kind"] in PublicationKind.values:
        rows = rows.filter(kind=context["selected"]["kind"])
    context["page"] = paginate(rows, request)
    return render(request, "publicity/publication_list.html", context)


def _lookup(request: HttpRequest, pk: int) -> Publication:
    return get_object_or_404(publication_rows(request.user).select_related("source_document"), pk=pk)


def _detail_context(request: HttpRequest, publication: Publication, bound: dict[str, StepForm]) -> dict[str, Any]:
    steps = publication_next_steps(publication, request.user)
    forms = {s.action: make_form(s.action, publication, request.user) for s in steps if s.allowed}
    shown = panels(
        steps,
        url_name="publicity:publication-step",
        pk=publication.pk,
        table=PUBLICATION_STEPS,
        forms={**forms, **bound},
    )
    grounds = dict(ExemptionReason.choices)
    return {
        "publication": publication,
        "snapshot": publication.snapshot,
        "badge": STATE_BADGE.get(S(publication.state), ""),
        "flag": services.due_rows([publication], on=today())[0] if publication.is_open else None,
        "exclusions": [
            {**row, "ground_label": grounds.get(row.get("ground", ""), "")} for row in publication.exclusions
        ],
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "events": timeline_rows(publication, EVENT_LABELS),
    }


def _page(
    request: HttpRequest, publication: Publication, bound: dict[str, StepForm], status: int = 200
) -> HttpResponse:
    context = _detail_context(request, publication, bound)
    return render(request, "publicity/publication_detail.html", context, status=status)


@login_required
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _lookup(request, pk), {})


@login_required
@require_POST
def publication_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = PUBLICATION_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个公示步骤")
    publication = _lookup(request, pk)
    form = make_form(action, publication, request.user, request.POST)
    return post_step(
        request,
        action=action,
        spec=spec,
        target=publication,
        form=form,
        url_name="publicity:publication-step",
        pk=pk,
        success_url=lambda result: reverse("publicity:publication-detail", args=[pk]),
        render_page=lambda bound, status: _page(request, publication, bound, status),
    )
