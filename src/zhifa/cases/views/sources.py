"""Staff UI of 案源: list with the register form, detail with 核查 / 报请立案 / 立案 / 不予立案."""

from __future__ import annotations

from typing import Any

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases import services
from zhifa.cases.choices import CaseSourceState
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.cases.views.cases import is_htmx, panels, refusal_banner, step_partial
from zhifa.cases.views.forms import RegisterSourceForm, StepForm
from zhifa.cases.views.next_steps import source_next_steps
from zhifa.cases.views.queries import source_rows
from zhifa.cases.views.steps import SOURCE_STEPS
from zhifa.core.errors import DomainError
from zhifa.core.listing import paginate


def _list_context(request: HttpRequest, form: RegisterSourceForm | None = None) -> dict[str, Any]:
    sources = source_rows(request.user)
    state = request.GET.get("state", "")
    if state in CaseSourceState.values:
        sources = sources.filter(state=state)
    can_register = rules.has_perm("cases.register_source", request.user, request.user.agency)
    return {
        "page": paginate(sources, request),
        "states": CaseSourceState.choices,
        "selected": {"state": state},
        "querystring": request.GET.copy(),
        "form": form or (RegisterSourceForm(user=request.user) if can_register else None),
    }


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    context = _list_context(request)
    if is_htmx(request):
        return render(request, "cases/_source_rows.html", context)
    return render(request, "cases/source_list.html", context)


@login_required
@require_POST
def source_new(request: HttpRequest) -> HttpResponse:
    """案源登记 (R-PEN-007)."""
    form = RegisterSourceForm(request.POST, user=request.user)
    status = 400
    if form.is_valid():
        try:
            source = services.register_source(actor=request.user, agency=request.user.agency, **form.cleaned_data)
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"案源已登记，核查期限{source.verification_deadline:%Y年%-m月%-d日}")
            return redirect("cases:source-detail", source.pk)
    return render(request, "cases/source_list.html", _list_context(request, form), status=status)


def _initial(source: CaseSource, action: str) -> dict[str, Any]:
    if action != "file":
        return {}
    return {
        "party": source.party_id,
        "enforcement_item": source.enforcement_item_id,
        "cause": source.summary[:200],
        "discovered_on": source.received_on,
    }


def _detail_context(request: HttpRequest, source: CaseSource, bound: dict[str, StepForm]) -> dict[str, Any]:
    steps = source_next_steps(source, request.user)
    forms = {
        s.action: SOURCE_STEPS[s.action].form(user=request.user, prefix=s.action, initial=_initial(source, s.action))
        for s in steps
        if s.allowed
    }
    shown = panels(steps, url_name="cases:source-step", pk=source.pk, table=SOURCE_STEPS, forms={**forms, **bound})
    return {
        "source": source,
        "penalty_case": getattr(source, "penalty_case", None),
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "blocked": [s for s in steps if not s.allowed],
    }


def _source(request: HttpRequest, pk: int) -> CaseSource:
    return get_object_or_404(source_rows(request.user), pk=pk)


@login_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "cases/source_detail.html", _detail_context(request, _source(request, pk), {}))


@login_required
@require_POST
def source_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = SOURCE_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个案源处理步骤")
    source = _source(request, pk)
    form = spec.form(request.POST, user=request.user, prefix=action)
    status = 400
    if form.is_valid():
        try:
            result = spec.perform(request.user, source, dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, "已办理")
            if isinstance(result, PenaltyCase):
                url = reverse("cases:case-detail", args=[result.pk])
            else:
                url = reverse("cases:source-detail", args=[pk])
            if is_htmx(request):
                return HttpResponse(status=204, headers={"HX-Redirect": url})
            return redirect(url)
    if is_htmx(request):
        return step_partial(request, form, action=action, button=spec.button, url_name="cases:source-step", pk=pk)
    return render(request, "cases/source_detail.html", _detail_context(request, source, {action: form}), status=status)
