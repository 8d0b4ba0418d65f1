"""Staff UI of penalty cases: 我的案件, the case page (header, 下一步, timeline), one POST per step, 立案, 当场处罚.

Thin: scoped querysets (``visible_to``), forms parse input, ONE service per step; a refusal (DomainError) is
shown next to the field it names, or above the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases import services
from zhifa.cases.choices import PenaltyCaseState, Procedure
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.discretion import case_discretion
from zhifa.cases.views.execution import EXECUTION_EVENT_LABELS, execution_context
from zhifa.cases.views.forms import FileCaseForm, OnTheSpotForm, StepForm
from zhifa.cases.views.next_steps import NextStep, next_steps
from zhifa.cases.views.queries import case_detail_queryset, case_rows, filter_cases, my_cases
from zhifa.cases.views.record_steps import case_records
from zhifa.cases.views.steps import CASE_STEPS
from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.listing import paginate
from zhifa.documents.models import Document
from zhifa.ledger.services import trail

STATE_BADGE = {
    PenaltyCaseState.CLOSED: "ok",
    PenaltyCaseState.ARCHIVED: "ok",
    PenaltyCaseState.SUSPENDED: "warn",
}


EVENT_LABELS = {
    "penalty_case.filed": "立案",
    "penalty_case.recusal_declared": "回避声明",
    "penalty_case.investigated": "调查取证",
    "penalty_case.investigation_reported": "调查终结",
    "penalty_case.case_reviewed": "案件审核",
    "penalty_case.notified": "送达事先告知书",
    "penalty_case.defense_recorded": "陈述申辩",
    "penalty_case.defense_waived": "书面放弃陈述申辩",
    "penalty_case.hearing_requested": "申请听证",
    "penalty_case.hearing_concluded": "听证结束",
    "penalty_case.submitted_for_decision": "报请决定",
    "penalty_case.decided": "作出决定",
    "penalty_case.decided_on_the_spot": "当场作出处罚决定",
    "penalty_case.served": "决定书送达",
    "penalty_case.payment_recorded": "罚没款缴纳",
    "penalty_case.archived": "归档",
    "penalty_case.deadline_extended": "延长办案期限",
    "penalty_case.lodged": "备案",
    "penalty_case.resumed": "恢复办理（移送后）",
    "penalty_case.viewed": "调阅案卷",
    "penalty_case.document_issued": "制作文书",
    "penalty_case.receipt_issued": "制作送达回证",
    "penalty_case.flexible_measure_recorded": "柔性执法措施",
    **EXECUTION_EVENT_LABELS,
}


@dataclass(frozen=True)
class TimelineRow:
    sequence: int
    at: Any
    label: str
    event_type: str
    actor: str


def timeline_rows(subject: Any, labels: dict[str, str]) -> list[TimelineRow]:
    """The subject's ledger trail (全过程记录) in Chinese; an event without a label shows its type."""
    return [
        TimelineRow(
            e.sequence,
            e.recorded_at,
            labels.get(e.event_type, e.event_type),
            e.event_type,
            e.actor.name if e.actor_id else "系统",
        )
        for e in trail(subject)
    ]


def kind_labels(kinds: list[str]) -> str:
    return "、".join(PenaltyKind(k).label if k in PenaltyKind.values else k for k in kinds)


@dataclass(frozen=True)
class Panel:
    """One step in the 下一步 panel: a form to post, or why it cannot be taken now."""

    step: NextStep
    form: StepForm | None
    url: str
    button: str


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def panels(
    steps: list[NextStep], *, url_name: str, pk: int, table: dict[str, Any], forms: dict[str, StepForm]
) -> list[Panel]:
    return [
        Panel(
            step=step,
            form=forms.get(step.action),
            url=reverse(url_name, args=[pk, step.action]),
            button=table[step.action].button,
        )
        for step in steps
    ]


def step_partial(
    request: HttpRequest, form: StepForm, *, action: str, button: str, url_name: str, pk: int
) -> HttpResponse:
    """htmx swaps only 2xx responses: the refused step's form with its errors, status 200."""
    panel = Panel(NextStep(action, button), form, reverse(url_name, args=[pk, action]), button)
    return render(request, "cases/_step.html", {"panel": panel})


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """我的案件: own cases for a handler; the agency's for the head and reviewers; the region's for supervisors."""
    day = today()
    cases = case_rows(filter_cases(my_cases(request.user), request.GET, day), day)
    context = {
        "page": paginate(cases, request),
        "states": PenaltyCaseState.choices,
        "procedures": Procedure.choices,
        "selected": {k: request.GET.get(k, "") for k in ("state", "procedure", "overdue")},
        "querystring": request.GET.copy(),
        "can_file": rules.has_perm("cases.file_case", request.user, request.user.agency),
        "can_spot": rules.has_perm("cases.decide_on_the_spot", request.user, request.user.agency),
    }
    if is_htmx(request):
        return render(request, "cases/_case_rows.html", context)
    return render(request, "cases/case_list.html", context)


def refusal_banner(bound: dict[str, StepForm], shown: list[Panel]) -> list[str]:
    """Errors of a posted form that has no panel on the page (e.g. a read-only visitor's refused POST)."""
    actions = {p.step.action for p in shown}
    return [str(e) for action, form in bound.items() if action not in actions for e in form.non_field_errors()]


def _detail_context(request: HttpRequest, case: PenaltyCase, bound: dict[str, StepForm]) -> dict[str, Any]:
    day = today()
    steps = next_steps(case, request.user, on=day)
    forms = {
        s.action: CASE_STEPS[s.action].form(case=case, user=request.user, prefix=s.action) for s in steps if s.allowed
    }
    shown = panels(steps, url_name="cases:case-step", pk=case.pk, table=CASE_STEPS, forms={**forms, **bound})
    return {
        "case": case,
        "today": day,
        "deadline_status": services.deadline_status(case, on=day),
        "amount_due": services.amount_due(case, on=day) if case.state == PenaltyCaseState.EXECUTING else None,
        "badge": "bad" if case.is_overdue else STATE_BADGE.get(PenaltyCaseState(case.state), ""),
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "blocked": [s for s in steps if not s.allowed],
        "read_only": request.user.agency_id != case.agency_id,
        "proposed_kinds": kind_labels(case.proposed_kinds),
        "penalty_kinds": kind_labels(case.penalty_kinds),
        "events": timeline_rows(case, EVENT_LABELS),
        "case_documents": Document.objects.of_subject(case).select_related("number").order_by("issued_at", "pk"),
        **case_records(case, request.user, day),
        "discretion": case_discretion(case, on=day),  # 裁量基准 and its check (R-DIS-004..006)
        **execution_context(case, day),  # after deadline_status: a suspended case's clock is paused (R-TIME-008)
    }


def _case(request: HttpRequest, pk: int) -> PenaltyCase:
    return get_object_or_404(case_rows(case_detail_queryset(request.user), today()), pk=pk)


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    services.open_case_file(viewer=request.user, case=case)
    return render(request, "cases/case_detail.html", _detail_context(request, case, {}))


@login_required
@require_POST
def case_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Post one step: valid input → the step's service; a refusal is shown with the form (status of the error)."""
    spec = CASE_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个办案步骤")
    case = _case(request, pk)
    form = spec.form(request.POST, case=case, user=request.user, prefix=action)
    status = 400
    if form.is_valid():
        try:
            spec.perform(request.user, case, dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            url = reverse("cases:case-detail", args=[pk])
            messages.success(request, "已办理")
            if is_htmx(request):
                return HttpResponse(status=204, headers={"HX-Redirect": url})
            return redirect(url)
    if is_htmx(request):
        return step_partial(request, form, action=action, button=spec.button, url_name="cases:case-step", pk=pk)
    return render(request, "cases/case_detail.html", _detail_context(request, case, {action: form}), status=status)


def _form_page(request: HttpRequest, form: StepForm, *, title: str, note: str, status: int = 200) -> HttpResponse:
    return render(request, "cases/form_page.html", {"form": form, "title": title, "note": note}, status=status)


def _submit(request: HttpRequest, form: StepForm, call: Any, *, title: str, note: str) -> HttpResponse:
    status = 400
    if form.is_valid():
        try:
            case = call(dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"已{title}：{case.case_number}")
            return redirect("cases:case-detail", case.pk)
    return _form_page(request, form, title=title, note=note, status=status)


@login_required
def case_new(request: HttpRequest) -> HttpResponse:
    """立案 without a registered 案源 (负责人批准)."""
    note = "立案须经本单位负责人批准；执法事项须在本单位清单内，承办人不少于2名持证执法人员（R-PEN-003、R-PER-005）。"
    if request.method != "POST":
        return _form_page(request, FileCaseForm(user=request.user), title="立案", note=note)
    form = FileCaseForm(request.POST, user=request.user)

    def call(data: dict[str, Any]) -> PenaltyCase:
        return services.file_case(
            actor=request.user, agency=request.user.agency, **{**data, "co_handlers": list(data["co_handlers"])}
        )

    return _submit(request, form, call, title="立案", note=note)


@login_required
def on_the_spot(request: HttpRequest) -> HttpResponse:
    """当场处罚 (简易程序): warning, or a fine up to 200元 (citizens) / 3000元 (organisations)."""
    note = (
        "简易程序只适用于警告或者对公民200元以下、对法人或者其他组织3000元以下罚款；超出的，请立案按一般程序办理"
        "（R-SIM-001、R-SIM-002）。"
    )
    if request.method != "POST":
        return _form_page(request, OnTheSpotForm(user=request.user), title="当场处罚", note=note)
    form = OnTheSpotForm(request.POST, user=request.user)

    def call(data: dict[str, Any]) -> PenaltyCase:
        return services.decide_on_the_spot(
            actor=request.user, agency=request.user.agency, **{**data, "officers": list(data["officers"])}
        )

    return _submit(request, form, call, title="当场处罚", note=note)
