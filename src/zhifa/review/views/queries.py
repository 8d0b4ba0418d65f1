"""Querysets of the review pages: each list costs the same number of queries whatever its length."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, JSONField, OuterRef, Q, QuerySet, Subquery

from zhifa.cases.choices import DecisionKind, PenaltyCaseState
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.major_decision import enforcement_review_reasons
from zhifa.org.choices import Role
from zhifa.review.choices import LegalReviewState, ReviewStage
from zhifa.review.models import CollectiveDiscussion, ExternalReviewer, LegalReview
from zhifa.review.services.gate import basis_of

S = LegalReviewState
CASE = PenaltyCaseState


def review_rows(user: Any) -> QuerySet[LegalReview]:
    return (
        LegalReview.objects.visible_to(user)
        .select_related(
            "penalty_case__agency", "penalty_case__party", "current_round__reviewer", "current_round__submitted_by"
        )
        .order_by("-id")
    )


def queue(user: Any) -> QuerySet[LegalReview]:
    """待我审核: rounds I took and have not concluded, and submissions I may take (own agency's legal unit, or
    agencies I am appointed to review for)."""
    served = ExternalReviewer.objects.filter(user_id=user.pk, is_active=True).values("agency_id")
    takeable = Q(state=S.SUBMITTED) & (
        Q(penalty_case__agency_id=user.agency_id) | Q(penalty_case__agency_id__in=served)
    )
    mine = Q(state=S.IN_REVIEW, current_round__reviewer_id=user.pk)
    if not user.has_role(Role.LEGAL_REVIEWER) and not served.exists():  # an appointment makes a reviewer (R-REV-005)
        return review_rows(user).none()
    return review_rows(user).filter(mine | takeable).order_by("current_round__review_deadline", "pk")


def _awaiting_cases(user: Any) -> QuerySet[PenaltyCase]:
    before_notice = Q(state=CASE.UNDER_CASE_REVIEW, route=DecisionKind.PENALTY)
    open_review = LegalReview.objects.filter(
        penalty_case=OuterRef("pk"), state__in=[S.SUBMITTED, S.IN_REVIEW, S.DISPUTED]
    )
    return (
        PenaltyCase.objects.visible_to(user)
        .filter(before_notice | Q(state=CASE.AWAITING_DECISION), requires_legal_review=True)
        .exclude(pk__in=open_review.values("penalty_case_id"))
    )


def to_submit(user: Any) -> list[PenaltyCase]:
    """待送审: major cases at review points whose current proposal has no approved review (R-REV-004). The basis is
    compared in Python from annotated values: a constant number of queries."""
    latest = LegalReview.objects.filter(penalty_case=OuterRef("pk")).exclude(state=S.WITHDRAWN).order_by("-id")
    cases = (
        _awaiting_cases(user)
        .select_related("party", "agency")
        .annotate(
            review_state=Subquery(latest.values("state")[:1]),
            review_basis=Subquery(latest.values("approved_basis")[:1], output_field=JSONField()),
            defense_changes=Count("defenses", filter=Q(defenses__changes_facts_or_penalty=True)),
        )
        .order_by("-id")
    )
    rows = []
    for case in cases:
        passed = case.review_state in (S.APPROVED, S.TRANSFERRED) and case.review_basis == basis_of(
            case, defense_changes=case.defense_changes
        )
        if not passed:
            rows.append(case)
    return rows


def enforcement_to_submit(user: Any) -> list[PenaltyCase]:
    """待送审 (强制执行决定, R-REV-002): cases in execution whose 催告 was served, with no enforcement decided or applied
    for and no review of their enforcement decision yet, where the agency's catalog makes that decision major."""
    reviewed = LegalReview.objects.filter(stage=ReviewStage.BEFORE_ENFORCEMENT).exclude(state=S.WITHDRAWN)
    cases = (
        PenaltyCase.objects.visible_to(user)
        .filter(state=CASE.EXECUTING, demand_notices__isnull=False)
        .exclude(pk__in=reviewed.values("penalty_case_id"))
        .exclude(compulsory_executions__isnull=False)
        .exclude(court_executions__isnull=False)
        .select_related("party", "agency", "enforcement_item")
        .distinct()
        .order_by("-id")
    )
    major: dict[tuple[int, int], bool] = {}  # one catalog lookup per agency and sector
    rows = []
    for case in cases:
        key = (case.agency_id, case.enforcement_item.sector_id)
        if key not in major:
            major[key] = bool(enforcement_review_reasons(case, demolition=False))
        if major[key]:
            rows.append(case)
    return rows


def discussion_rows(user: Any) -> QuerySet[CollectiveDiscussion]:
    return (
        CollectiveDiscussion.objects.visible_to(user)
        .select_related("penalty_case__agency", "penalty_case__party", "chair")
        .order_by("-id")
    )


def overdue_flags(day: date) -> dict[str, Any]:
    """For the templates: today (red when past) and the last “near” deadline (yellow)."""
    from zhifa.review.services import yellow_until

    return {"today": day, "near_until": yellow_until(day)}
