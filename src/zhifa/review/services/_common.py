"""Shared plumbing of the review services: settings, locking, transitions, ledger events, dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django_fsm import can_proceed

from zhifa.cases.errors import CaseStateConflict
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services._common import lock
from zhifa.core.calendar import format_day, today
from zhifa.ledger.services import record
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import CollectiveDiscussion, LegalReview

# R-REV-010: no national figure. The default (7 WD, once extended by 3 WD with the head's approval);
# a locality changes them with the settings below, read when a deadline is computed (never at import).
# docs/rules.md R-REV-010 records 5 WD + one 5 WD extension as local practice: set ZHIFA_LEGAL_REVIEW_* to follow it.
DEFAULT_TIME_LIMIT_WORKING_DAYS = 7
DEFAULT_EXTENSION_WORKING_DAYS = 3
YELLOW_WORKING_DAYS = 3  # R-TIME-009: yellow when at most N working days remain


def review_time_limit_working_days() -> int:
    return int(getattr(settings, "ZHIFA_LEGAL_REVIEW_TIME_LIMIT_WORKING_DAYS", DEFAULT_TIME_LIMIT_WORKING_DAYS))


def review_extension_working_days() -> int:
    return int(getattr(settings, "ZHIFA_LEGAL_REVIEW_EXTENSION_WORKING_DAYS", DEFAULT_EXTENSION_WORKING_DAYS))


# Lock order (no deadlocks on PostgreSQL): a step that locks a case and a record of it locks THE CASE FIRST, then
# the discussion, then the review — as the cases services do (they hold the case's lock when they call the hooks
# that close a review, ``cases.services.hooks``). Hence ``lock_review`` and ``lock_discussion`` lock the case
# themselves, before the record, and return the record with its locked case; a caller that already holds the case
# passes it (``case=``).


def _locked_case(case_id: int, case: PenaltyCase | None) -> PenaltyCase:
    if case is not None and case.pk == case_id:
        return case
    return lock(PenaltyCase(pk=case_id))


def lock_review(review: LegalReview, *, case: PenaltyCase | None = None) -> LegalReview:
    """Re-read the review under a row lock, after its case's (lock order above); steps on one review are
    serialised. ``review.penalty_case`` is the locked case."""
    locked_case = _locked_case(review.penalty_case_id, case)
    locked = LegalReview.objects.select_for_update(of=("self",)).select_related("current_round").get(pk=review.pk)
    locked.penalty_case = locked_case
    return locked


def lock_discussion(discussion: CollectiveDiscussion) -> CollectiveDiscussion:
    """Re-read the discussion under a row lock, after its case's (lock order above)."""
    locked_case = _locked_case(discussion.penalty_case_id, None)
    locked = (
        CollectiveDiscussion.objects.select_for_update(of=("self",))
        .select_related("legal_review")
        .get(pk=discussion.pk)
    )
    locked.penalty_case = locked_case
    return locked


def step(obj: LegalReview | CollectiveDiscussion, transition: Callable[..., Any], action: str, *args: Any) -> None:
    """Apply a transition of a review or a discussion, or refuse naming its current state (409)."""
    if not can_proceed(transition):
        noun = "法制审核" if isinstance(obj, LegalReview) else "集体讨论"
        raise ReviewStateConflict(f"{noun}当前状态为“{obj.get_state_display()}”，不能{action}", field="state")
    transition(*args)


def move_case(case: PenaltyCase, transition: Callable[..., Any], action: str, *args: Any) -> None:
    """Apply a case transition (with its arguments), or refuse naming the case's state (409, as cases does)."""
    if not can_proceed(transition):
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不能{action}", field="state")
    transition(*args)


def note_review(review: LegalReview, verb: str, actor: Any, **payload: Any) -> None:
    """The ledger event of a review step: ``legal_review.<verb>`` (R-REC-001)."""
    case = review.penalty_case
    record(
        event_type=f"legal_review.{verb}",
        actor=actor,
        agency=case.agency,
        subject=review,
        payload={"case_id": case.pk, "case_number": case.case_number, "state": review.state, "round": review.round}
        | payload,
    )


def note_discussion(discussion: CollectiveDiscussion, verb: str, actor: Any, **payload: Any) -> None:
    case = discussion.penalty_case
    record(
        event_type=f"collective_discussion.{verb}",
        actor=actor,
        agency=case.agency,
        subject=discussion,
        payload={"case_id": case.pk, "case_number": case.case_number, "topic": discussion.topic} | payload,
    )


def text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ReviewError(message, field=field)
    return value


def day_between(day: date | None, *, field: str, label: str, not_before: date, after_what: str) -> date:
    """A date typed by a user: not in the future, not before the step it follows (default today)."""
    day = day or today()
    if day > today():
        raise ReviewError(f"{label}不能晚于今天", field=field)
    if day < not_before:
        raise ReviewError(f"{label}不能早于{after_what}（{format_day(not_before)}）", field=field)
    return day


def case_of(review: LegalReview) -> PenaltyCase:
    return review.penalty_case
