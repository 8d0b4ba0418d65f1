"""Staff UI of R-DIS-005's issuer approval: the head of the agency that issued an upper-level benchmark approves a
lower level's case deviating from it. The issuer does not otherwise see the case: the page shows only what the
approval needs (the benchmark, the proposal's check and reason) and only to a head of the issuer."""

from __future__ import annotations

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from zhifa.cases.models import PenaltyCase
from zhifa.cases.services import approve_upper_deviation
from zhifa.cases.views import forms as f
from zhifa.core.errors import DomainError

TITLE = "批准偏离上级裁量基准"


class UpperApprovalForm(f.StepForm):
    approved_on = f._date("批准日期")
    reason = forms.CharField(label="批准理由", widget=f.TEXT, required=False)


def _note(case: PenaltyCase) -> str:
    proposal = "；".join(case.discretion_notes)
    return (
        f"{case.agency.name}办理的案件{case.case_number}拟作出的处罚偏离本机关制定的裁量基准“{case.benchmark}”，"
        f"除书面说明理由和集体讨论外，须经本机关批准（R-DIS-005）。裁量过程：{proposal}。"
        f"裁量理由：{case.deviation_reason or '—'}"
    )


@login_required
def upper_approval(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        PenaltyCase.objects.select_related("agency", "enforcement_item", "benchmark__enforcement_item__agency"), pk=pk
    )
    if not rules.has_perm("cases.approve_upper_deviation", request.user, case):
        raise Http404("没有这个待批准事项")
    form = UpperApprovalForm(request.POST or None, case=case, user=request.user)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                approve_upper_deviation(actor=request.user, case=case, **form.cleaned_data)
            except DomainError as exc:
                form.add_domain_error(exc.field, exc.message)
                status = exc.status
            else:
                messages.success(request, f"已批准：{case.case_number}")
                return redirect("cases:upper-approval", case.pk)
    context = {"form": form, "title": TITLE, "note": _note(case), "case": case}
    return render(request, "cases/form_page.html", context, status=status)
