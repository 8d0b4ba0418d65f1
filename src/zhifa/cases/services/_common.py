"""Shared plumbing of the case services: locking, permission, transitions, ledger events, officer checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from django_fsm import can_proceed

from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import PenaltyCase
from zhifa.core.calendar import format_day, today
from zhifa.core.permissions import require
from zhifa.ledger.services import record
from zhifa.personnel.models import Officer
from zhifa.personnel.services import enforcement_refusal

MIN_OFFICERS = 2  # R-PER-005


def lock(case: PenaltyCase) -> PenaltyCase:
    """Re-read the case under a row lock: concurrent steps on one case are serialised (PostgreSQL)."""
    return PenaltyCase.objects.select_for_update().select_related("agency", "party", "enforcement_item").get(pk=case.pk)


def allow(actor: Any, perm: str, case: Any, message: str) -> None:
    if actor is None:
        raise CaseError("此操作必须由登录的执法人员作出", field="actor")
    require(actor, perm, case, message=message)


def move(obj: Any, transition: Callable[[], None], action: str) -> None:
    """Apply an FSM transition of a case or a case source, or refuse naming the current state (409)."""
    if not can_proceed(transition):
        noun = "案件" if isinstance(obj, PenaltyCase) else "案源"
        raise CaseStateConflict(f"{noun}当前状态为“{obj.get_state_display()}”，不能{action}", field="state")
    transition()


def note(case: PenaltyCase, verb: str, actor: Any, **payload: Any) -> None:
    """The ledger event of a case step (R-REC-001): ``penalty_case.<verb>``."""
    record(
        event_type=f"penalty_case.{verb}",
        actor=actor,
        agency=case.agency,
        subject=case,
        payload={"case_number": case.case_number, "state": case.state, **payload},
    )


def check_day(day: date, *, field: str, label: str, not_before: date | None, after_what: str) -> date:
    """A date typed by an officer lies between the step it follows and today (nothing dated in the future, nothing
    before the record it answers)."""
    if day > today():
        raise CaseError(f"{label}不能晚于今天", field=field)
    if not_before is not None and day < not_before:
        raise CaseError(f"{label}不能早于{after_what}（{format_day(not_before)}）", field=field)
    return day


def check_officers(officers: Iterable[Officer], *, on: date, sector: Any, field: str = "officers") -> list[Officer]:
    """R-PER-001/004/005: at least two officers, each allowed to enforce in the item's sector on that day."""
    chosen = list({o.pk: o for o in officers}.values())
    if len(chosen) < MIN_OFFICERS:
        raise CaseError(f"执法人员不得少于{MIN_OFFICERS}人（R-PER-005）", field=field)
    for officer in chosen:
        refusal = enforcement_refusal(officer, on=on, sector=sector)
        if refusal is not None:
            raise CaseError(f"{officer.name}于{format_day(on)}不能执法：{refusal}（R-PER-001）", field=field)
    return chosen


def officer_of(actor: Any) -> Officer | None:
    pk = getattr(actor, "pk", None)
    return Officer.objects.filter(user_id=pk).first() if pk is not None else None


# The legal-review gate (R-REV-004). Apps above cases register the checks that say whether a case's major
# decision has an approved legal review (the review app does, in ``review.apps.ReviewConfig.ready``). Every
# registered check must say yes; until one is registered, no major decision can be made at all — the law's
# default. A check registered by mistake can therefore only close the gate, never open it.
LegalReviewCheck = Callable[[PenaltyCase], bool]
# Keyed by the check's qualified name so that registering twice is harmless.
_registered_checks: dict[str, LegalReviewCheck] = {}


def register_legal_review_check(check: LegalReviewCheck) -> None:
    _registered_checks[f"{check.__module__}.{check.__qualname__}"] = check


def require_legal_review_passed(case: PenaltyCase) -> None:
    """R-REV-004: no major decision (and no prior notice of one) without an approved legal review.

    The gate opens only when checks are registered and every one of them says the case's review passed (fails
    closed otherwise). A check may also refuse with its own reason by raising ``CaseError`` (the review app does so
    for R-PEN-014, a missing 集体讨论)."""
    if not case.requires_legal_review:
        return
    checks = list(_registered_checks.values())
    if checks and all(check(case) for check in checks):
        return
    reasons = "；".join(case.legal_review_reasons)
    raise CaseError(f"本案属于重大执法决定（{reasons}），须经法制审核通过后方可继续（R-REV-004）", field="legal_review")
