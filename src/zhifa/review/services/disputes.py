"""意见分歧 (R-REV-009): the handler does not accept the opinion (补充, 变更/纠正, 移送); the case goes back to
法制审核中 and the head — alone, or through a collective discussion — decides, recorded. No silent override: until
it is decided, no decision and no prior notice can be made (the gate sees a disputed review)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from zhifa.cases.choices import PenaltyCaseState
from zhifa.cases.services._common import lock, note
from zhifa.core.permissions import require
from zhifa.review.choices import DisputeResolution, LegalReviewState, ReviewOutcome
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import CollectiveDiscussion, LegalReview
from zhifa.review.services._common import day_between, lock_review, move_case, note_review, step, text
from zhifa.review.services.gate import basis_of
from zhifa.review.services.proposal import restore

Outcome = ReviewOutcome
STATE_OF = {
    Outcome.APPROVE: LegalReviewState.APPROVED,
    Outcome.AMEND: LegalReviewState.APPROVED,
    Outcome.CORRECT: LegalReviewState.APPROVED,
    Outcome.SUPPLEMENT: LegalReviewState.RETURNED,
    Outcome.TRANSFER: LegalReviewState.TRANSFERRED,
}


@transaction.atomic
def dispute_legal_review(
    *, actor: Any, review: LegalReview, reason: str, disputed_on: date | None = None
) -> LegalReview:
    """承办机构提出不同意见: the opinion does not take effect until the head decides (R-REV-009)."""
    review = lock_review(review)
    case = review.penalty_case = lock(review.penalty_case)
    require(actor, "review.dispute_legal_review", case, message="只有本案承办人可以对审核意见提出不同意见")
    if review.outcome == Outcome.APPROVE:
        raise ReviewError("审核意见为同意，没有需要协调的分歧", field="outcome")
    reason = text(reason, field="reason", message="请写明承办机构的不同意见及理由（R-REV-009）")
    current = review.current_round
    concluded = (
        current.concluded_on if current is not None and current.concluded_on else timezone.localdate(review.created_at)
    )
    day = day_between(disputed_on, field="disputed_on", label="提出日期", not_before=concluded, after_what="审核日期")
    step(review, review.dispute, "提出不同意见")
    review.dispute_reason, review.disputed_by, review.disputed_on = reason, actor, day
    review.resolution, review.resolution_reason, review.resolved_by, review.resolved_on = "", "", None, None
    review.approved_basis = {}
    review.save()
    move_case(case, case.submit_for_legal_review, "就审核意见提出分歧")
    case.save(update_fields=["state", "updated_at"])
    note(case, "legal_review_disputed", actor, legal_review_id=review.pk)
    note_review(review, "disputed", actor, reason=reason, outcome=review.outcome)
    return review


def settle_dispute(
    review: LegalReview,
    *,
    actor: Any,
    resolution: str,
    reason: str,
    discussion: CollectiveDiscussion | None,
    resolved_on: date,
) -> LegalReview:
    """Apply the decision on a dispute (review and case already locked by the caller, permission checked)."""
    if resolution not in DisputeResolution.values:
        raise ReviewError(f"分歧处理结果“{resolution}”无效", field="resolution")
    if review.state != LegalReviewState.DISPUTED:
        raise ReviewStateConflict(f"法制审核当前状态为“{review.get_state_display()}”，没有待决定的分歧", field="state")
    case = review.penalty_case
    current = review.current_round
    assert current is not None
    back_to = review.return_state
    if resolution == DisputeResolution.REVIEW_UPHELD:
        target = STATE_OF[Outcome(review.outcome)]
        if review.outcome == Outcome.TRANSFER:
            back_to = PenaltyCaseState.AWAITING_DECISION
    else:
        # The handler's view prevails: the proposal as submitted is approved (R-REV-009, recorded).
        restore(case, basis=current.basis, stage=review.stage)
        target = LegalReviewState.APPROVED
    step(review, review.settle, "决定分歧", target)
    review.resolution, review.resolution_reason = resolution, reason
    review.resolved_by, review.resolved_on, review.discussion = actor, resolved_on, discussion
    review.approved_basis = basis_of(case) if review.passes else {}
    review.save()
    move_case(case, case.conclude_legal_review, "决定分歧", back_to)
    case.save(update_fields=["state", "updated_at"])
    note(case, "legal_review_dispute_resolved", actor, legal_review_id=review.pk, resolution=resolution)
    note_review(
        review,
        "dispute_resolved",
        actor,
        resolution=resolution,
        reason=reason,
        discussion_id=discussion.pk if discussion else None,
    )
    return review


@transaction.atomic
def resolve_legal_review_dispute(
    *, actor: Any, review: LegalReview, resolution: str, reason: str, resolved_on: date | None = None
) -> LegalReview:
    """负责人决定分歧 (R-REV-009): uphold the reviewer's opinion, or the handler's proposal as submitted."""
    review = lock_review(review)
    review.penalty_case = lock(review.penalty_case)
    require(actor, "review.resolve_legal_review", review, message="只有本单位负责人可以决定审核意见分歧")
    if review.discussions.filter(state="convened").exists():
        raise ReviewStateConflict("该分歧已提交集体讨论，应按集体讨论的结论处理（R-REV-009）", field="discussion")
    reason = text(reason, field="reason", message="请写明决定的理由（R-REV-009）")
    day = day_between(
        resolved_on,
        field="resolved_on",
        label="决定日期",
        not_before=review.disputed_on or timezone.localdate(review.created_at),
        after_what="提出分歧的日期",
    )
    return settle_dispute(review, actor=actor, resolution=resolution, reason=reason, discussion=None, resolved_on=day)
