"""The review page's step table (form + the ONE service each calls, same names as the API) and which steps a
user sees now; a blocked step says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rules

from zhifa.cases.views.next_steps import NextStep
from zhifa.cases.views.steps import StepSpec
from zhifa.review import services
from zhifa.review.choices import LegalReviewState, ReviewOutcome, ReviewStage
from zhifa.review.models import CollectiveDiscussion, LegalReview
from zhifa.review.views import enforcement_forms as ef
from zhifa.review.views import forms as f

S = LegalReviewState


def _review(func: Callable[..., Any]) -> Callable[[Any, LegalReview, dict[str, Any]], Any]:
    def perform(user: Any, review: LegalReview, data: dict[str, Any]) -> Any:
        return func(actor=user, review=review, **data)

    return perform


def _conclude(user: Any, review: LegalReview, data: dict[str, Any]) -> Any:
    return services.conclude_legal_review(actor=user, review=review, **f.ConcludeForm.service_data(data))


REVIEW_STEPS: dict[str, StepSpec] = {
    "take": StepSpec(f.TakeForm, _review(services.take_legal_review), "受理"),
    "conclude": StepSpec(f.ConcludeForm, _conclude, "作出审核意见"),
    "extend": StepSpec(f.ReasonForm, _review(services.extend_legal_review), "批准延长"),
    "resubmit": StepSpec(f.ResubmitForm, _review(services.resubmit_legal_review), "再次送审"),
    "resubmit-enforcement": StepSpec(
        ef.EnforcementResubmitForm, _review(services.resubmit_enforcement_review), "再次送审"
    ),
    "dispute": StepSpec(f.ReasonForm, _review(services.dispute_legal_review), "提出不同意见"),
    "resolve": StepSpec(f.ResolveForm, _review(services.resolve_legal_review_dispute), "作出决定"),
    "withdraw": StepSpec(f.ReasonForm, _review(services.withdraw_legal_review), "撤回送审"),
}

NOT_HANDLER = "需由本案承办人办理"
NOT_HEAD = "需由本单位负责人办理"


def review_next_steps(review: LegalReview, user: Any) -> list[NextStep]:
    """The steps the review's state allows for ``user`` (supervisors: none)."""
    handle = rules.has_perm("review.submit_legal_review", user, review.penalty_case)
    head = rules.has_perm("review.resolve_legal_review", user, review)
    steps: list[NextStep] = []
    state = review.state
    if state == S.SUBMITTED and rules.has_perm("review.take_legal_review", user, review):
        steps.append(NextStep("take", "受理本轮审核", services.reviewer_refusal(user, review.penalty_case) or ""))
    if state == S.IN_REVIEW and rules.has_perm("review.conclude_legal_review", user, review):
        steps.append(NextStep("conclude", "逐项审核并作出审核意见"))
    if state in (S.SUBMITTED, S.IN_REVIEW) and head:
        current = review.current_round
        blocked = "本轮审核期限已延长过一次（R-REV-010）" if current is not None and current.is_extended else ""
        steps.append(NextStep("extend", "批准延长审核期限（一次）", blocked))
    if handle and state == S.RETURNED:
        if review.stage == ReviewStage.BEFORE_ENFORCEMENT:  # a new round carries the amended enforcement proposal
            steps.append(NextStep("resubmit-enforcement", "修改强制执行方案后再次送审（下一轮）"))
        else:
            steps.append(NextStep("resubmit", "补充后再次送审（下一轮）"))
    disputable = state in (S.RETURNED, S.TRANSFERRED) or (
        state == S.APPROVED and review.outcome in (ReviewOutcome.AMEND, ReviewOutcome.CORRECT)
    )
    if handle and disputable and not services.dispute_refusal(review):
        steps.append(NextStep("dispute", "对审核意见提出不同意见（R-REV-009）"))
    if state == S.DISPUTED:
        pending = review.discussions.filter(state="convened").exists()
        blocked = "该分歧已提交集体讨论，按集体讨论的结论处理（R-REV-009）" if pending else ""
        steps.append(NextStep("resolve", "负责人决定分歧（R-REV-009）", ("" if head else NOT_HEAD) or blocked))
    if handle and state in (S.SUBMITTED, S.IN_REVIEW, S.RETURNED):
        steps.append(NextStep("withdraw", "撤回送审"))
    return steps


def _discussion(user: Any, discussion: CollectiveDiscussion, data: dict[str, Any]) -> Any:
    return services.conclude_discussion(
        actor=user, discussion=discussion, **f.ConcludeDiscussionForm.service_data(data)
    )


DISCUSSION_STEPS: dict[str, StepSpec] = {
    "conclude": StepSpec(f.ConcludeDiscussionForm, _discussion, "记录讨论结论"),
}


def discussion_next_steps(discussion: CollectiveDiscussion, user: Any) -> list[NextStep]:
    if discussion.state != "convened":
        return []
    allowed = rules.has_perm("review.conclude_discussion", user, discussion.penalty_case)
    return [NextStep("conclude", "主持讨论，记录每位参加人员的意见和讨论决定", "" if allowed else NOT_HEAD)]
