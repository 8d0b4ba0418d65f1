"""Staff UI of 听证: the hearing page (通知, 主持人与书记员, 代理人, 回避, 笔录, 报告 or 放弃, timeline) and one POST per step.

The hearing is created when the case records the party's request (``request_hearing`` on the case page); each step
here calls ONE service in ``cases.services.hearing`` (R-HEA-004..010). The report or the waiver moves the case on
to the decision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases import services
from zhifa.cases.choices import HearingState
from zhifa.cases.models import Hearing
from zhifa.cases.services.hearing import earliest_hearing_day
from zhifa.cases.views import record_forms as rf
from zhifa.cases.views.cases import panels, refusal_banner, timeline_rows
from zhifa.cases.views.forms import StepForm
from zhifa.cases.views.queries import hearing_detail_queryset
from zhifa.cases.views.record_steps import hearing_next_steps
from zhifa.cases.views.stepping import post_step
from zhifa.cases.views.steps import Perform, StepSpec
from zhifa.core.calendar import today

H = HearingState
STATE_BADGE = {H.REPORTED: "ok", H.WAIVED: "ok", H.REQUESTED: "warn"}
EVENT_LABELS = {
    "hearing.scheduled": "安排听证并送达通知",
    "hearing.rescheduled": "重新安排听证（重新通知）",
    "hearing.agent_added": "登记委托代理人",
    "hearing.recusal_decided": "回避申请的决定",
    "hearing.held": "举行听证并制作笔录",
    "hearing.waived": "放弃听证",
    "hearing.reported": "出具听证报告",
}


def _schedule(user: Any, hearing: Hearing, data: dict[str, Any]) -> Any:
    return services.schedule_hearing(actor=user, case=hearing.penalty_case, **data)


def _hearing(func: Callable[..., Any]) -> Perform:
    def perform(user: Any, hearing: Hearing, data: dict[str, Any]) -> Any:
        return func(actor=user, hearing=hearing, **data)

    return perform


HEARING_STEPS: dict[str, StepSpec] = {
    "schedule": StepSpec(rf.ScheduleHearingForm, _schedule, "送达通知"),
    "agents": StepSpec(rf.AgentForm, _hearing(services.add_agent), "登记"),
    "recusals": StepSpec(rf.RecusalForm, _hearing(services.record_recusal), "作出决定"),
    "hold": StepSpec(rf.HoldHearingForm, _hearing(services.record_hearing_held), "记录"),
    "waive": StepSpec(rf.WaiveHearingForm, _hearing(services.record_hearing_waived), "记录"),
    "report": StepSpec(rf.HearingReportForm, _hearing(services.submit_hearing_report), "出具报告"),
}


def _initial(hearing: Hearing, action: str) -> dict[str, Any]:
    """Re-scheduling starts from the current notice; the record of the hearing from its scheduled time."""
    if action == "schedule" and hearing.state == H.SCHEDULED:
        return {
            "presiding_officer": hearing.presiding_officer_id,
            "clerk": hearing.clerk_id,
            "scheduled_at": hearing.scheduled_at,
            "place": hearing.place,
            "is_public": hearing.is_public,
            "closed_reason": hearing.closed_reason,
        }
    if action == "hold" and hearing.scheduled_at is not None:
        return {"held_at": hearing.scheduled_at}
    return {}


def _detail_context(request: HttpRequest, hearing: Hearing, bound: dict[str, StepForm]) -> dict[str, Any]:
    day = today()
    case = hearing.penalty_case
    steps = hearing_next_steps(hearing, request.user, on=day)
    forms = {
        s.action: HEARING_STEPS[s.action].form(
            case=case, user=request.user, prefix=s.action, initial=_initial(hearing, s.action)
        )
        for s in steps
        if s.allowed
    }
    shown = panels(steps, url_name="cases:hearing-step", pk=hearing.pk, table=HEARING_STEPS, forms={**forms, **bound})
    return {
        "hearing": hearing,
        "case": case,
        "badge": STATE_BADGE.get(H(hearing.state), ""),
        "earliest_day": earliest_hearing_day(hearing.notice_sent_on) if hearing.notice_sent_on else None,
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "read_only": getattr(request.user, "agency_id", None) != case.agency_id,
        "events": timeline_rows(hearing, EVENT_LABELS),
    }


def _lookup(request: HttpRequest, pk: int) -> Hearing:
    return get_object_or_404(hearing_detail_queryset(request.user), pk=pk)


def _page(request: HttpRequest, hearing: Hearing, bound: dict[str, StepForm], status: int = 200) -> HttpResponse:
    return render(request, "cases/hearing_detail.html", _detail_context(request, hearing, bound), status=status)


@login_required
def hearing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    hearing = _lookup(request, pk)
    services.open_case_file(viewer=request.user, case=hearing.penalty_case)  # R-REC-007: part of the case file
    return _page(request, hearing, {})


@login_required
@require_POST
def hearing_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = HEARING_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个听证办理步骤")
    hearing = _lookup(request, pk)
    form = spec.form(request.POST, case=hearing.penalty_case, user=request.user, prefix=action)
    return post_step(
        request,
        action=action,
        spec=spec,
        target=hearing,
        form=form,
        url_name="cases:hearing-step",
        pk=pk,
        success_url=lambda _: reverse("cases:hearing-detail", args=[pk]),
        render_page=lambda bound, status: _page(request, hearing, bound, status),
    )
