"""Staff UI of 集体讨论: the list, 召集 (from a case or a disputed review), the discussion page with the chair's
form (participants, each one's opinion, the conclusion); the minutes are issued on conclusion (R-PEN-014)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhifa.cases.views.cases import panels, refusal_banner, timeline_rows
from zhifa.cases.views.forms import StepForm
from zhifa.cases.views.queries import visible_case
from zhifa.cases.views.stepping import post_step
from zhifa.core.errors import DomainError
from zhifa.core.listing import render_list
from zhifa.review import services
from zhifa.review.choices import CollectiveDiscussionState, DiscussionTopic
from zhifa.review.models import CollectiveDiscussion, LegalReview
from zhifa.review.views.forms import ConveneForm
from zhifa.review.views.queries import discussion_rows
from zhifa.review.views.steps import DISCUSSION_STEPS, discussion_next_steps

EVENT_LABELS = {
    "collective_discussion.convened": "召集集体讨论",
    "collective_discussion.concluded": "作出讨论决定",
    "collective_discussion.cancelled": "随案件取消",
}
QUESTIONS = {
    DiscussionTopic.MAJOR_DECISION: "本案属于重大执法决定，拟按承办机构意见作出处理决定，请负责人集体讨论决定（R-PEN-014）。",
    DiscussionTopic.REVIEW_DISPUTE: "承办机构对法制审核意见有不同意见，议题：是否维持法制审核意见（R-REV-009）。",
    DiscussionTopic.BENCHMARK_DEVIATION: "拟作出的处罚偏离行政裁量权基准，请集体讨论是否同意（R-DIS-005）。",
}


@login_required
def discussion_list(request: HttpRequest) -> HttpResponse:
    discussions = discussion_rows(request.user)
    topic = request.GET.get("topic", "")
    if topic in DiscussionTopic.values:
        discussions = discussions.filter(topic=topic)
    context = {"topics": DiscussionTopic.choices, "selected": {"topic": topic}, "querystring": request.GET.copy()}
    return render_list(request, "review/discussion_list.html", "review/_discussion_rows.html", discussions, context)


def _convene_page(request: HttpRequest, form: StepForm, case: Any, review: Any, status: int = 200) -> HttpResponse:
    context = {"form": form, "case": case, "legal_review": review, "title": "召集集体讨论"}
    return render(request, "review/convene.html", context, status=status)


@login_required
def discussion_new(request: HttpRequest) -> HttpResponse:
    """召集集体讨论 of a case (``?case=<id>``; ``&legal_review=<id>`` for a dispute, ``&topic=`` to preselect)."""
    params = request.POST if request.method == "POST" else request.GET
    raw_case, raw_review = params.get("case", ""), params.get("legal_review", "")
    if not raw_case.isdigit():
        raise Http404("请从案件召集集体讨论")
    case = visible_case(request.user, int(raw_case))
    review = None
    if raw_review.isdigit():
        review = get_object_or_404(LegalReview.objects.visible_to(request.user), pk=int(raw_review), penalty_case=case)
    topic = DiscussionTopic.REVIEW_DISPUTE if review else request.GET.get("topic", DiscussionTopic.MAJOR_DECISION)
    if request.method != "POST":
        initial = {
            "topic": topic,
            "question": QUESTIONS.get(DiscussionTopic(topic), "") if topic in DiscussionTopic.values else "",
        }
        return _convene_page(request, ConveneForm(case=case, user=request.user, initial=initial), case, review)
    form = ConveneForm(request.POST, case=case, user=request.user)
    status = 400
    if form.is_valid():
        try:
            discussion = services.convene_discussion(
                actor=request.user, case=case, legal_review=review, **dict(form.cleaned_data)
            )
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"已召集集体讨论：{case.case_number}")
            return redirect("review:discussion-detail", discussion.pk)
    return _convene_page(request, form, case, review, status)


def _lookup(request: HttpRequest, pk: int) -> CollectiveDiscussion:
    return get_object_or_404(discussion_rows(request.user).select_related("legal_review", "minutes_document"), pk=pk)


def _detail_context(
    request: HttpRequest, discussion: CollectiveDiscussion, bound: dict[str, StepForm]
) -> dict[str, Any]:
    case = discussion.penalty_case
    steps = discussion_next_steps(discussion, request.user)
    forms = {
        s.action: DISCUSSION_STEPS[s.action].form(case=case, user=request.user, prefix=s.action)
        for s in steps
        if s.allowed
    }
    shown = panels(
        steps, url_name="review:discussion-step", pk=discussion.pk, table=DISCUSSION_STEPS, forms={**forms, **bound}
    )
    return {
        "discussion": discussion,
        "case": case,
        "participants": discussion.participants.select_related("user").order_by("id"),
        "concluded": discussion.state == CollectiveDiscussionState.CONCLUDED,
        "panels": shown,
        "refusals": refusal_banner(bound, shown),
        "events": timeline_rows(discussion, EVENT_LABELS),
    }


def _page(
    request: HttpRequest, discussion: CollectiveDiscussion, bound: dict[str, StepForm], status: int = 200
) -> HttpResponse:
    return render(request, "review/discussion_detail.html", _detail_context(request, discussion, bound), status=status)


@login_required
def discussion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _lookup(request, pk), {})


@login_required
@require_POST
def discussion_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = DISCUSSION_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个集体讨论步骤")
    discussion = _lookup(request, pk)
    form = spec.form(request.POST, case=discussion.penalty_case, user=request.user, prefix=action)
    return post_step(
        request,
        action=action,
        spec=spec,
        target=discussion,
        form=form,
        url_name="review:discussion-step",
        pk=pk,
        success_url=lambda result: reverse("review:discussion-detail", args=[pk]),
        render_page=lambda bound, status: _page(request, discussion, bound, status),
    )
