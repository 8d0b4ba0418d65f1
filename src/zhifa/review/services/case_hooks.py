"""What the review app does when a step of the cases app affects its records (``cases.services.hooks``, registered
in ``review.apps.ReviewConfig.ready``). Both run inside the case step's transaction, the case already locked by it
(lock order: the case, then its discussions, then its reviews — ``_common``).

- ``close_with_case``: the case left the review path by another route (终止/终结执行, 移送后恢复办理 R-TRN-010, 补充调查).
  A review still open (已送审/审核中/意见分歧) or returned for 补充 would hold the case forever — resubmission refused
  (“已有正在进行的法制审核”), no opinion possible, overdue for ever — so it ends as 已撤回 with the reason; a
  discussion still convened is cancelled (已取消). Each gets its ledger event.
- ``move_deadline_after_suspension``: R-TIME-008 — the review time limit (R-REV-010) does not run while the case is
  中止. On resumption the running round's deadline starts again with the working days it had left when the
  suspension began (the start day paused too, the end day not counted: R-TIME-003, as for the party's windows);
  the deadline before the first move is recorded (``deadline_before_suspension``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from zhifa.cases.models import CaseSuspension, PenaltyCase
from zhifa.core.calendar import add_working_days, today, working_days_between
from zhifa.review.choices import CollectiveDiscussionState, LegalReviewState
from zhifa.review.models import CollectiveDiscussion, LegalReview
from zhifa.review.models.legal_review import OPEN_STATES
from zhifa.review.services._common import note_discussion, note_review

ONE_DAY = timedelta(days=1)
RUNNING = [LegalReviewState.SUBMITTED, LegalReviewState.IN_REVIEW]


def close_with_case(case: PenaltyCase, *, actor: Any, reason: str) -> None:
    """Exit hook: cancel the case's convened discussions, then close its open (or returned) reviews, naming
    ``reason`` (案件终止, 案件移送后恢复办理 …)."""
    day = today()
    discussions = CollectiveDiscussion.objects.select_for_update().filter(
        penalty_case=case, state=CollectiveDiscussionState.CONVENED
    )
    for discussion in discussions.order_by("pk"):
        discussion.penalty_case = case
        discussion.cancel()
        discussion.cancelled_on, discussion.cancellation_reason = day, reason
        discussion.save(update_fields=["state", "cancelled_on", "cancellation_reason", "updated_at"])
        note_discussion(discussion, "cancelled", actor, reason=reason, cancelled_on=day)
    reviews = LegalReview.objects.select_for_update().filter(
        penalty_case=case, state__in=[*OPEN_STATES, LegalReviewState.RETURNED]
    )
    for review in reviews.order_by("pk"):
        review.penalty_case = case
        previous = review.state
        review.close_with_case()
        review.withdrawn_by, review.withdrawn_on, review.withdrawal_reason = actor, day, reason
        review.approved_basis = {}
        review.save()
        note_review(review, "closed_with_case", actor, reason=reason, previous_state=previous)


def move_deadline_after_suspension(case: PenaltyCase, *, actor: Any, suspension: CaseSuspension) -> None:
    """Resume hook: the running round's time limit moves by the working days the case was suspended (R-TIME-008,
    R-REV-010). A deadline that had already passed when the suspension began stays (the lateness is recorded)."""
    review = (
        LegalReview.objects.select_for_update(of=("self",))
        .select_related("current_round")
        .filter(penalty_case=case, state__in=RUNNING)
        .first()
    )
    current = review.current_round if review is not None else None
    if review is None or current is None or suspension.ended_on is None:
        return
    if current.review_deadline < suspension.started_on:
        return
    paused_from = max(suspension.started_on - ONE_DAY, current.submitted_on)
    left = working_days_between(paused_from, current.review_deadline, provisional=True)
    moved_to = add_working_days(suspension.ended_on, left, provisional=True)
    if moved_to <= current.review_deadline:
        return
    previous = current.review_deadline
    paused = working_days_between(previous, moved_to, provisional=True)
    if current.deadline_before_suspension is None:
        current.deadline_before_suspension = previous
    current.suspended_working_days += paused
    current.review_deadline = moved_to
    current.save(update_fields=["review_deadline", "deadline_before_suspension", "suspended_working_days"])
    review.penalty_case = case
    note_review(
        review,
        "deadline_moved",
        actor,
        suspension_id=suspension.pk,
        suspended_on=suspension.started_on,
        resumed_on=suspension.ended_on,
        previous_deadline=previous,
        review_deadline=moved_to,
        working_days=paused,
    )
