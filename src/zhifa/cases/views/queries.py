"""Read-side query helpers shared by the staff UI and the API: the case lists and the detail's data."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from zhifa.cases.choices import PenaltyCaseState
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.org.choices import Role

OPEN_STATES = [s for s in PenaltyCaseState.values if s not in (PenaltyCaseState.CLOSED, PenaltyCaseState.ARCHIVED)]


def overdue_q(day: date) -> Q:
    """Open, undecided, and past the 办案期限 (R-PEN-021, R-TIME-009)."""
    return Q(state__in=OPEN_STATES, decided_on__isnull=True, decision_deadline__lt=day)


def case_rows(queryset: QuerySet[PenaltyCase], day: date) -> QuerySet[PenaltyCase]:
    """What a list row needs, in constant queries, with ``is_overdue`` annotated."""
    return queryset.select_related("agency", "party", "enforcement_item").annotate(
        is_overdue=ExpressionWrapper(overdue_q(day), output_field=BooleanField())
    )


def handled_by(user: Any) -> Q:
    return Q(handlers__officer__user_id=user.pk)


def my_cases(user: Any) -> QuerySet[PenaltyCase]:
    """我的案件: a handler's own cases; the head and reviewers see the agency's, region readers the region's."""
    visible = PenaltyCase.objects.visible_to(user)
    if user.is_region_reader or user.has_role(Role.HEAD, Role.CASE_REVIEWER, Role.LEGAL_REVIEWER):
        return visible
    return visible.filter(pk__in=PenaltyCase.objects.filter(handled_by(user)).values("pk"))


def filter_cases(queryset: QuerySet[PenaltyCase], params: Any, day: date) -> QuerySet[PenaltyCase]:
    """``state``, ``procedure``, ``overdue`` (1/true) filters of the list page."""
    state = params.get("state", "")
    procedure = params.get("procedure", "")
    if state in PenaltyCaseState.values:
        queryset = queryset.filter(state=state)
    if procedure:
        queryset = queryset.filter(procedure=procedure)
    if params.get("overdue", "") in ("1", "true", "on"):
        queryset = queryset.filter(overdue_q(day))
    return queryset


def case_detail_queryset(user: Any) -> QuerySet[PenaltyCase]:
    return (
        PenaltyCase.objects.visible_to(user)
        .select_related("agency", "party", "enforcement_item", "source", "decided_by", "filed_by")
        .prefetch_related(
            "handlers__officer",
            "investigative_steps__officers",
            "defenses",
            "payments",
            "extensions__approved_by",
        )
    )


def source_rows(user: Any) -> QuerySet[CaseSource]:
    return CaseSource.objects.visible_to(user).select_related(
        "agency", "party", "enforcement_item", "registered_by", "penalty_case"
    )
