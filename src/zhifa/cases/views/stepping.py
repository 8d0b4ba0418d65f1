"""Posting one step of a record page (强制措施, 听证, 移送) — the same flow as ``cases.case_step``: the form parses,
ONE service decides; a refusal is shown next to the field it names (full page with the error status, or the
step's card, status 200, for htmx); success redirects to the record (``HX-Redirect`` for htmx)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from zhifa.cases.views.cases import is_htmx, step_partial
from zhifa.cases.views.forms import StepForm
from zhifa.cases.views.steps import StepSpec
from zhifa.core.errors import DomainError

RenderPage = Callable[[dict[str, StepForm], int], HttpResponse]


def post_step(
    request: HttpRequest,
    *,
    action: str,
    spec: StepSpec,
    target: Any,
    form: StepForm,
    url_name: str,
    pk: int,
    success_url: Callable[[Any], str],
    render_page: RenderPage,
) -> HttpResponse:
    status = 400
    if form.is_valid():
        try:
            result = spec.perform(request.user, target, dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, "已办理")
            url = success_url(result)
            if is_htmx(request):
                return HttpResponse(status=204, headers={"HX-Redirect": url})
            return redirect(url)
    if is_htmx(request):
        return step_partial(request, form, action=action, button=spec.button, url_name=url_name, pk=pk)
    return render_page({action: form}, status)
