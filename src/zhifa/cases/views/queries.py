"""Read-side query helpers shared by the staff UI and the API: the case lists and the detail's data."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.shortcuts import get_object_or_404

from zhifa.cases.choices import PenaltyCaseState
from zhifa.cases.models import CaseSource, CaseSuspension, CoerciveMeasure, CriminalTransfer, Hearing, PenaltyCase
from zhifa.cases.services.coercion import ACTIVE_STATES as COERCION_ACTIVE_STATES
from zhifa.org.choices import Role

OPEN_STATES = [s for s in PenaltyCaseState.values if s not in (PenaltyCaseState.CLOSED, PenaltyCaseState.ARCHIVED)]


def _open_suspensions() -> QuerySet[CaseSuspension]:
    return CaseSuspension.objects.filter(penalty_case=OuterRef("pk"), ended_on__isnull=True)


def overdue_q(day: date) -> Q:
    """Open, undecided, and past the 办案期限 (R-PEN-021, R-TIME-009).

    R-TIME-008: while a case is 中止 its clock is paused — on resumption the deadline moves by the paused days — so
    a suspended case is overdue only if its deadline had already passed on the day it was suspended."""
    past_due = Q(state__in=OPEN_STATES, decided_on__isnull=True, decision_deadline__lt=day)
    running = ~Q(state=PenaltyCaseState.SUSPENDED)
    overdue_when_paused = Exists(_open_suspensions().filter(started_on__gt=OuterRef("decision_deadline")))
    return past_due & (running | Q(overdue_when_paused))


def case_rows(queryset: QuerySet[PenaltyCase], day: date) -> QuerySet[PenaltyCase]:
    """What a list row needs, in constant queries, with ``is_overdue`` and ``suspended_since`` (the start of the
    open 中止, R-TIME-008; None when the case is not suspended) annotated."""
    return queryset.select_related("agency", "party", "enforcement_item").annotate(
        is_overdue=ExpressionWrapper(overdue_q(day), output_field=BooleanField()),
        suspended_since=Subquery(_open_suspensions().order_by("-started_on").values("started_on")[:1]),
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


def visible_case(user: Any, pk: int) -> PenaltyCase:
    """A case in the user's data scope (404 otherwise), with what the step forms need."""
    queryset = PenaltyCase.objects.visible_to(user).select_related("agency", "enforcement_item", "party")
    return get_object_or_404(queryset.prefetch_related("handlers"), pk=pk)


def measure_rows(user: Any) -> QuerySet[CoerciveMeasure]:
    """强制措施 list: the measures in force first, soonest term end first; then the rest, newest first."""
    in_force = Case(When(state__in=COERCION_ACTIVE_STATES, then=Value(0)), default=Value(1))
    return (
        CoerciveMeasure.objects.visible_to(user)
        .select_related("penalty_case__agency", "penalty_case__party")
        .annotate(item_count=Count("inventory_items"), in_force=in_force)
        .order_by("in_force", "due_on", "-applied_on", "-id")
    )


def measure_detail_queryset(user: Any) -> QuerySet[CoerciveMeasure]:
    return (
        CoerciveMeasure.objects.visible_to(user)
        .select_related(
            "penalty_case__agency",
            "penalty_case__party",
            "penalty_case__enforcement_item",
            "enforcement_item",
            "applied_by",
            "approved_by",
            "extended_by",
            "released_by",
        )
        .prefetch_related("inventory_items", "officers", "penalty_case__handlers")
    )


def hearing_detail_queryset(user: Any) -> QuerySet[Hearing]:
    return (
        Hearing.objects.visible_to(user)
        .select_related("penalty_case__agency", "penalty_case__party", "presiding_officer", "clerk", "reported_by")
        .prefetch_related("agents", "recusals__officer", "recusals__decided_by", "penalty_case__handlers")
    )


def transfer_rows(user: Any) -> QuerySet[CriminalTransfer]:
    return CriminalTransfer.objects.visible_to(user).select_related(
        "penalty_case__agency", "penalty_case__party", "proposed_by"
    )


def transfer_detail_queryset(user: Any) -> QuerySet[CriminalTransfer]:
    return (
        transfer_rows(user)
        .select_related(
            "approved_by", "refused_by", "transferred_by", "case_resumed_by", "penalty_case__enforcement_item"
        )
        .prefetch_related("team", "penalty_case__handlers")
    )
