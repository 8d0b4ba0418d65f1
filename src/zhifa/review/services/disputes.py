"""意见分歧 (R-REV-009): the handler does not accept the opinion (补充, 变更/纠正, 移送); the case goes back to
法制审核中 and the head — alone, or through a collective discussion — decides, recorded. No silent override: until
it is decided, no decision and no prior notice can be made (the gate sees a disputed review)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from zhifa.cases.choices import PenaltyCaseState
from zhifa.cases.models.transfer import ACTIVE_STATES
from zhifa.cases.services._common import note
from zhifa.core.permissions import require
from zhifa.review.choices import DisputeResolution, LegalReviewState, ReviewOutcome
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import CollectiveDiscussion, LegalReview
from zhifa.review.services._common import day_between, lock_review, move_case, note_review, step, text
from zhifa.review.services.proposal import restore
from zhifa.review.services.stages import current_basis, latest_of_stage, moves_case

Outcome = ReviewOutcome
STATE_OF = {
    Outcome.APPROVE: LegalReviewState.APPROVED,
    Outcome.AMEND: LegalReviewState.APPROVED,
    Outcome.CORRECT: LegalReviewState.APPROVED,
    Outcome.SUPPLEMENT: LegalReviewState.RETURNED,
    Outcome.TRANSFER: LegalReviewState.TRANSFERRED,
}


def dispute_refusal(review: LegalReview) -> str:
    """R-REV-009: a disagreement is about the opinion in force — the case's latest review, its opinion concluded
    and not yet acted on: the case still where the opinion sent it, with the proposal the approval covers, no transfer
    proposed on a 移送 opinion, no dispute on it decided yet. "" when the handler may dispute it (the review's own
    state is the FSM's to check)."""
    if review.state not in (LegalReviewState.APPROVED, LegalReviewState.RETURNED, LegalReviewState.TRANSFERRED):
        return ""
    case = review.penalty_case
    latest = latest_of_stage(review)
    if latest is None or latest.pk != review.pk:
        return "该法制审核已不是本案最新的法制审核，不能再对其意见提出不同意见（R-REV-009）"
    if review.resolution:
        return "该审核意见的分歧已由负责人（集体讨论）作出决定，不能再次提出（R-REV-009）"
    expected = PenaltyCaseState.AWAITING_DECISION if review.outcome == Outcome.TRANSFER else review.return_state
    if case.state != expected:
        return f"案件已进入“{case.get_state_display()}”环节，审核意见已经执行，不能再提出不同意见（R-REV-009）"
    if review.passes and review.approved_basis != current_basis(review):
        return "审核后本案的拟处理意见已经改变，该审核意见已不适用，不能再提出不同意见；请重新送审（R-REV-009）"
    if review.outcome == Outcome.TRANSFER and case.criminal_transfers.filter(state__in=ACTIVE_STATES).exists():
        return "本案已按审核意见提出涉嫌犯罪案件移送，不能再提出不同意见（R-REV-009）"
    return ""


@transaction.atomic
def dispute_legal_review(
    *, actor: Any, review: LegalReview, reason: str, disputed_on: date | None = None
) -> LegalReview:
    """承办机构提出不同意见: the opinion does not take effect until the head decides (R-REV-009). Only on the
    opinion in force (``dispute_refusal``)."""
    review = lock_review(review)
    case = review.penalty_case
    require(actor, "review.dispute_legal_review", case, message="只有本案承办人可以对审核意见提出不同意见")
    if review.outcome == Outcome.APPROVE:
        raise ReviewError("审核意见为同意，没有需要协调的分歧", field="outcome")
    refusal = dispute_refusal(review)
    if refusal:
        raise ReviewStateConflict(refusal, field="state")
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
    if moves_case(review):  # the enforcement stage leaves the case 执行中 (``stages``)
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
        # The handler's view prevails: the proposal as submitted is approved (R-REV-009, recorded). An
        # enforcement proposal is not on the case: its round's basis is what gets approved.
        if moves_case(review):
            restore(case, basis=current.basis, stage=review.stage)
        target = LegalReviewState.APPROVED
    step(review, review.settle, "决定分歧", target)
    review.resolution, review.resolution_reason = resolution, reason
    review.resolved_by, review.resolved_on, review.discussion = actor, resolved_on, discussion
    review.approved_basis = current_basis(review) if review.passes else {}
    review.save()
    if moves_case(review):
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
