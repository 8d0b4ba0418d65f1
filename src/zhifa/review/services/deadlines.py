"""审核时限 (R-REV-010) as the queue and ``zhifa tick`` show it: yellow when few working days remain, red when
overdue (R-TIME-009). Lateness is a flag, never a refusal (DUE)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from zhifa.cases.choices import PenaltyCaseState
from zhifa.core.calendar import add_working_days, format_day, working_days_between
from zhifa.review.choices import LegalReviewState
from zhifa.review.models import LegalReview, ReviewRound
from zhifa.review.services._common import YELLOW_WORKING_DAYS

RUNNING = [LegalReviewState.SUBMITTED, LegalReviewState.IN_REVIEW]


def yellow_until(on: date) -> date:
    """The last deadline that is “near” on ``on``: at most N working days away (R-TIME-009). Computed once per
    list, so that a list of reviews costs the same queries whatever its length."""
    return add_working_days(on, YELLOW_WORKING_DAYS, provisional=True)


def alert_level(deadline: date, *, on: date, near_until: date, running: bool = True) -> str:
    """``red`` (overdue), ``yellow`` (due within N working days) or "" — only while the review is running."""
    if not running:
        return ""
    if on > deadline:
        return "red"
    return "yellow" if deadline <= near_until else ""


def deadline_status(review_round: ReviewRound, *, on: date, running: bool = True) -> str:
    """“剩余N个工作日（期限…）” / “已超期（期限…）” / the day it was concluded."""
    deadline = format_day(review_round.review_deadline)
    if not running:
        if review_round.concluded_on is None:
            return f"期限{deadline}"
        late = "（超期）" if review_round.concluded_on > review_round.review_deadline else ""
        return f"{format_day(review_round.concluded_on)}审结{late}"
    if on > review_round.review_deadline:
        return f"已超期{(on - review_round.review_deadline).days}日（期限{deadline}）"
    left = working_days_between(on, review_round.review_deadline, provisional=True)
    return f"剩余{left}个工作日（期限{deadline}）"


# R-TIME-008: the time limit does not run while the case is 中止 (it moves on resumption, ``case_hooks``); a closed
# case has no review running (its review is closed with it).
PAUSED_CASE_STATES = [PenaltyCaseState.SUSPENDED, PenaltyCaseState.CLOSED, PenaltyCaseState.ARCHIVED]


def running_reviews() -> QuerySet[LegalReview]:
    """Reviews whose time limit runs: submitted or in review, the case neither suspended nor closed."""
    return (
        LegalReview.objects.filter(state__in=RUNNING)
        .exclude(penalty_case__state__in=PAUSED_CASE_STATES)
        .select_related("current_round", "penalty_case__agency")
    )


def overdue_reviews(on: date) -> QuerySet[LegalReview]:
    """Running reviews past their deadline (R-REV-010, R-SUP-009)."""
    return (
        running_reviews().filter(current_round__review_deadline__lt=on).order_by("current_round__review_deadline", "pk")
    )
