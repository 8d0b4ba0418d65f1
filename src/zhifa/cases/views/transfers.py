"""Staff UI of 涉嫌犯罪案件移送 (行刑衔接): the agency's list, the transfer page (报告, 审批, 移送与抄送, 公安机关的决定,
复议, 移交, 恢复办理, deadlines with their late flags, timeline), one POST per step and the 专案组报告 from a case.
Each step calls ONE service in ``cases.services.transfer`` (R-TRN-001..012); the deadlines are DUE (flagged when
missed), the gates refuse with the service's message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases import services
from zhifa.cases.choices import CriminalTransferState, TransferMaterial
from zhifa.cases.models import CriminalTransfer, PenaltyCase
from zhifa.cases.views import record_forms as rf
from zhifa.cases.views.cases import panels, refusal_banner, timeline_rows
from zhifa.cases.views.forms import EmptyForm, StepForm
from zhifa.cases.views.queries import transfer_detail_queryset, transfer_rows, visible_case
from zhifa.cases.views.record_steps import transfer_entry_block, transfer_next_steps
from zhifa.cases.views.stepping import post_step
from zhifa.cases.views.steps import Perform, StepSpec
from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.listing import render_list

T = CriminalTransferState
STATE_BADGE = {T.FILED: "ok", T.DECLINED: "warn", T.RETURNED: "warn", T.PROPOSED: "warn"}
EVENT_LABELS = {
    "criminal_transfer.proposed": "专案组报告（拟移送）",
    "criminal_transfer.approved": "负责人批准移送",
    "criminal_transfer.refused": "负责人不批准移送",
    "criminal_transfer.transferred": "移送公安机关并抄送检察院",
    "criminal_transfer.filed": "公安机关立案",
    "criminal_transfer.declined": "公安机关不予立案",
    "criminal_transfer.reconsideration_requested": "提请公安机关复议",
    "criminal_transfer.items_handed_over": "移交涉案物品及材料",
}


def _transfer(func: Callable[..., Any]) -> Perform:
    def perform(user: Any, transfer: CriminalTransfer, data: dict[str, Any]) -> Any:
        return func(actor=user, transfer=transfer, **data)

    return perform


TRANSFER_STEPS: dict[str, StepSpec] = {
    "approve": StepSpec(EmptyForm, _transfer(services.approve_transfer), "批准移送"),
    "refuse": StepSpec(rf.RefuseTransferForm, _transfer(services.refuse_transfer), "不批准移送"),
    "transfer": StepSpec(rf.SendTransferForm, _transfer(services.transfer_to_police), "登记移送"),
    "police-decision": StepSpec(rf.PoliceDecisionForm, _transfer(services.record_police_decision), "登记"),
    "reconsideration": StepSpec(rf.ReconsiderationForm, _transfer(services.request_reconsideration), "提请复议"),
    "handover": StepSpec(rf.HandoverForm, _transfer(services.record_handover), "登记移交"),
    "resume-case": StepSpec(rf.ResumeCaseForm, _transfer(services.resume_case), "恢复办理"),
}


@login_required
def transfer_list(request: HttpRequest) -> HttpResponse:
    """The agency's transfers (the region's for supervisors), ``state`` filter."""
    transfers = transfer_rows(request.user)
    state = request.GET.get("state", "")
    if state in T.values:
        transfers = transfers.filter(state=state)
    context = {"states": T.choices, "selected": {"state": state}, "querystring": request.GET.copy()}
    return render_list(request, "cases/transfer_list.html", "cases/_transfer_rows.html", transfers, context)


def _detail_context(request: HttpRequest, transfer: CriminalTransfer, bound: dict[str, StepForm]) -> dict[str, Any]:
    case = transfer.penalty_case
    steps = transfer_next_steps(transfer, request.user, on=today())
    forms = {
        s.action: TRANSFER_STEPS[s.action].form(case=case, user=request.user, prefix=s.action)
        for s in steps
        if s.allowed
    }
    shown = panels(
        steps, url_name="cases:transfer-step", pk=transfer.pk, table=TRANSFER_STEPS, forms={**forms, **bound}
    )
    return {
        "transfer": transfer,
        "case": case,
        "badge": STATE_BADGE.get(T(transfer.state), ""),
        "materials": [TransferMaterial(m).label for m in transfer.materials if m in TransferMaterial.values],
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "read_only": getattr(request.user, "agency_id", None) != case.agency_id,
        "events": timeline_rows(transfer, EVENT_LABELS),
    }


def _lookup(request: HttpRequest, pk: int) -> CriminalTransfer:
    return get_object_or_404(transfer_detail_queryset(request.user), pk=pk)


def _page(
    request: HttpRequest, transfer: CriminalTransfer, bound: dict[str, StepForm], status: int = 200
) -> HttpResponse:
    return render(request, "cases/transfer_detail.html", _detail_context(request, transfer, bound), status=status)


@login_required
def transfer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = _lookup(request, pk)
    services.open_case_file(viewer=request.user, case=transfer.penalty_case)  # R-REC-007: part of the case file
    return _page(request, transfer, {})


def _after(result: Any, pk: int) -> str:
    """恢复办理 continues on the case page; every other step stays on the transfer."""
    if isinstance(result, PenaltyCase):
        return reverse("cases:case-detail", args=[result.pk])
    return reverse("cases:transfer-detail", args=[pk])


@login_required
@require_POST
def transfer_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = TRANSFER_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个移送办理步骤")
    transfer = _lookup(request, pk)
    form = spec.form(request.POST, case=transfer.penalty_case, user=request.user, prefix=action)
    return post_step(
        request,
        action=action,
        spec=spec,
        target=transfer,
        form=form,
        url_name="cases:transfer-step",
        pk=pk,
        success_url=lambda result: _after(result, pk),
        render_page=lambda bound, status: _page(request, transfer, bound, status),
    )


NOTE = (
    "发现涉嫌犯罪的，应当指定2名以上执法人员组成专案组，向本单位正职负责人书面报告；负责人应当自接到报告之日起3日内"
    "作出批准移送或者不批准移送的决定。不得以行政处罚代替移送（R-TRN-001、R-TRN-003、R-TRN-004）。"
)


def _form_page(request: HttpRequest, case: PenaltyCase, form: StepForm, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "title": "提出移送（专案组报告）",
        "note": NOTE,
        "case": case,
        "entry_block": transfer_entry_block(case, request.user),
        "back_url": reverse("cases:case-detail", args=[case.pk]),
    }
    return render(request, "cases/form_page.html", context, status=status)


@login_required
def transfer_new(request: HttpRequest, pk: int) -> HttpResponse:
    """专案组报告 (R-TRN-003): a handler reports the crime-suspected case to the head."""
    case = visible_case(request.user, pk)
    if request.method != "POST":
        return _form_page(request, case, rf.ProposeTransferForm(case=case, user=request.user))
    form = rf.ProposeTransferForm(request.POST, case=case, user=request.user)
    status = 400
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            transfer = services.propose_transfer(actor=request.user, case=case, **{**data, "team": list(data["team"])})
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"已报告负责人：{transfer}")
            return redirect("cases:transfer-detail", transfer.pk)
    return _form_page(request, case, form, status)
