"""Staff UI of 法制审核: the list (待我审核 with deadlines, 待送审, 全部), the submission form, the review page (the
case file read-only — opening it is a recorded read, R-REC-007 —, the rounds with their checklists and opinions,
the steps the user may take). Thin: forms parse, ONE service per step."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases import services as case_services
from zhifa.cases.choices import PenaltyCaseState
from zhifa.cases.views.cases import kind_labels, panels, refusal_banner, timeline_rows
from zhifa.cases.views.forms import StepForm
from zhifa.cases.views.queries import visible_case
from zhifa.cases.views.stepping import post_step
from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.listing import page_size, render_list
from zhifa.documents.models import Document
from zhifa.org.choices import Role
from zhifa.review import services
from zhifa.review.choices import DiscussionTopic, LegalReviewState, ReviewStage, SubmissionMaterial
from zhifa.review.models import LegalReview
from zhifa.review.services.paperwork import proposal_text
from zhifa.review.views.forms import SubmitForm
from zhifa.review.views.queries import enforcement_to_submit, overdue_flags, queue, review_rows, to_submit
from zhifa.review.views.steps import REVIEW_STEPS, review_next_steps

S = LegalReviewState
TABS = {"queue": "待我审核", "to-submit": "待送审", "all": "全部"}
STAGE_NOTES = {
    ReviewStage.BEFORE_NOTICE: "事先告知前",
    ReviewStage.BEFORE_DECISION: "作出决定前",
    ReviewStage.BEFORE_ENFORCEMENT: "作出强制执行决定前，案件仍在执行中",
}
STATE_BADGE = {S.APPROVED: "ok", S.TRANSFERRED: "warn", S.RETURNED: "warn", S.DISPUTED: "bad"}
EVENT_LABELS = {
    "legal_review.submitted": "送法制审核",
    "legal_review.resubmitted": "补充后再次送审",
    "legal_review.started": "法制审核人员受理",
    "legal_review.concluded": "作出审核意见",
    "legal_review.extended": "延长审核期限",
    "legal_review.disputed": "承办机构提出不同意见",
    "legal_review.dispute_resolved": "分歧已决定",
    "legal_review.withdrawn": "撤回送审",
    "legal_review.closed_with_case": "随案件结束",
    "legal_review.deadline_moved": "案件中止，审核期限顺延",
    "legal_review.viewed": "调阅",
}


def _tab(request: HttpRequest) -> str:
    tab = request.GET.get("tab", "")
    if tab in TABS:
        return tab
    return "queue" if request.user.has_role(Role.LEGAL_REVIEWER) else "all"


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    """法制审核: 待我审核 (reviewers, soonest deadline first), 待送审 (major cases without an approved review), 全部."""
    day = today()
    tab = _tab(request)
    context: dict[str, Any] = {
        "tab": tab,
        "tabs": TABS,
        "states": S.choices,
        "selected": {"state": request.GET.get("state", "")},
        "querystring": request.GET.copy(),
        **overdue_flags(day),
    }
    agency = request.user.agency
    if agency is not None and not agency.is_judicial_bureau:
        context["staffing"] = services.staffing(agency, on=day)  # R-REV-012, as personnel computes it
    if tab == "to-submit":
        context["page"] = Paginator(to_submit(request.user), page_size(request)).get_page(request.GET.get("page"))
        context["enforcement_cases"] = enforcement_to_submit(request.user)
        return render(request, "review/review_list.html", context)
    reviews = queue(request.user) if tab == "queue" else review_rows(request.user)
    if context["selected"]["state"] in S.values:
        reviews = reviews.filter(state=context["selected"]["state"])
    return render_list(request, "review/review_list.html", "review/_review_rows.html", reviews, context)


def _submit_page(request: HttpRequest, form: StepForm, case: Any, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "case": case,
        "title": "送法制审核",
        "reasons": case.legal_review_reasons,
        "required": [SubmissionMaterial(m).label for m in services.required_materials(case)],
    }
    return render(request, "review/submit.html", context, status=status)


@login_required
def review_new(request: HttpRequest) -> HttpResponse:
    """送法制审核 of one case (``?case=<id>``), by its handler (R-REV-004/006)."""
    raw = request.GET.get("case", "") or request.POST.get("case", "")
    if not raw.isdigit():
        raise Http404("请从案件选择送审")
    case = visible_case(request.user, int(raw))
    if request.method != "POST":
        return _submit_page(request, SubmitForm(case=case, user=request.user), case)
    form = SubmitForm(request.POST, case=case, user=request.user)
    status = 400
    if form.is_valid():
        try:
            review = services.submit_legal_review(actor=request.user, case=case, **dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"已送法制审核：{case.case_number}")
            return redirect("review:review-detail", review.pk)
    return _submit_page(request, form, case, status)


def _lookup(request: HttpRequest, pk: int) -> LegalReview:
    rows = review_rows(request.user).select_related("penalty_case__enforcement_item", "penalty_case__party")
    return get_object_or_404(rows, pk=pk)


def _rounds(review: LegalReview) -> list[Any]:
    return list(
        review.rounds.select_related("submitted_by", "reviewer", "extended_by", "document__number")
        .prefetch_related("check_results")
        .order_by("number")
    )


def _detail_context(request: HttpRequest, review: LegalReview, bound: dict[str, StepForm]) -> dict[str, Any]:
    day = today()
    case = review.penalty_case
    steps = review_next_steps(review, request.user)
    forms = {
        s.action: REVIEW_STEPS[s.action].form(case=case, user=request.user, prefix=s.action) for s in steps if s.allowed
    }
    shown = panels(steps, url_name="review:review-step", pk=review.pk, table=REVIEW_STEPS, forms={**forms, **bound})
    current = review.current_round
    paused = case.state == PenaltyCaseState.SUSPENDED  # R-TIME-008: the time limit does not run while 中止
    running = review.state in (S.SUBMITTED, S.IN_REVIEW) and not paused
    status = services.deadline_status(current, on=day, running=running) if current else ""
    if paused and review.state in (S.SUBMITTED, S.IN_REVIEW):
        status = "案件中止，审核期限暂停计算（R-TIME-008）"
    return {
        "review": review,
        "case": case,
        "rounds": _rounds(review),
        "badge": STATE_BADGE.get(S(review.state), ""),
        "deadline_status": status,
        "overdue": running and current is not None and day > current.review_deadline,
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "proposed_kinds": kind_labels(case.proposed_kinds),
        "investigative_steps": case.investigative_steps.prefetch_related("officers").order_by("performed_on", "pk"),
        "defenses": case.defenses.order_by("received_on", "pk"),
        "case_documents": Document.objects.of_subject(case).select_related("number").order_by("issued_at", "pk"),
        "events": timeline_rows(review, EVENT_LABELS),
        "pending_discussion": review.discussions.filter(state="convened").first(),
        "can_convene": review.state == S.DISPUTED
        and not review.discussions.filter(state="convened").exists()
        and request.user.has_perm("review.convene_discussion", review),
        "can_discuss_decision": _decision_needs_discussion(request.user, review),
        "stage_note": STAGE_NOTES[ReviewStage(review.stage)],
        # 强制执行决定前审核: what is approved is the enforcement proposal of the round, not the case's proposal
        "enforcement_proposal": (
            proposal_text(current.basis)
            if review.stage == ReviewStage.BEFORE_ENFORCEMENT and current is not None
            else ""
        ),
    }


def _decision_needs_discussion(user: Any, review: LegalReview) -> bool:
    """R-PEN-014: the review passed, the case awaits its decision, and the heads have not yet discussed it."""
    case = review.penalty_case
    return (
        review.passes
        and case.state == PenaltyCaseState.AWAITING_DECISION
        and services.needs_discussion(case)
        and not services.discussion_approved(case, DiscussionTopic.MAJOR_DECISION)
        and user.has_perm("review.convene_discussion", review)
    )


def _page(request: HttpRequest, review: LegalReview, bound: dict[str, StepForm], status: int = 200) -> HttpResponse:
    return render(request, "review/review_detail.html", _detail_context(request, review, bound), status=status)


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = _lookup(request, pk)
    case_services.open_case_file(viewer=request.user, case=review.penalty_case)  # R-REC-007: the case file is read
    return _page(request, review, {})


@login_required
@require_POST
def review_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = REVIEW_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个法制审核步骤")
    review = _lookup(request, pk)
    form = spec.form(request.POST, case=review.penalty_case, user=request.user, prefix=action)
    return post_step(
        request,
        action=action,
        spec=spec,
        target=review,
        form=form,
        url_name="review:review-step",
        pk=pk,
        success_url=lambda result: reverse("review:review-detail", args=[pk]),
        render_page=lambda bound, status: _page(request, review, bound, status),
    )
