"""Pending publications (待公示) for decisions that must be published (R-PUB-004, R-PUB-005).

A general-procedure penalty decision opens its publication in the transaction that records it (the hook the
publicity app registers in ``cases.services.decision_hooks``); a coercive measure once it was carried out.
``open_missing_publications`` (``zhifa tick``) opens any that are still missing: idempotent, one row per decision.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef

from zhifa.cases.choices import (
    SETS_ASIDE_RESULTS,
    CoerciveMeasureState,
    CoerciveReleaseGround,
    DecisionKind,
    Procedure,
)
from zhifa.cases.models import CoerciveMeasure, PenaltyCase
from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import add_working_days
from zhifa.core.errors import CalendarDataMissing
from zhifa.publicity.choices import PublicationKind, PublicityPhase
from zhifa.publicity.models import Publication
from zhifa.publicity.periods import deadline_working_days
from zhifa.publicity.services._common import note

# Measures actually carried out (a disapproved emergency measure is released at once and never published).
CARRIED_OUT = (
    CoerciveMeasureState.IN_FORCE,
    CoerciveMeasureState.EXTENDED,
    CoerciveMeasureState.RELEASED,
    CoerciveMeasureState.DISPOSED,
)


def publication_deadline(kind: str, decided_on: date, *, region_code: str = "") -> tuple[date, bool]:
    """R-PUB-004: the 7th (or 20th) working day after the decision date (R-TIME-003), and whether it is provisional
    (a year without holiday data counted as weekends only, R-TIME-001)."""
    days = deadline_working_days(kind)
    try:
        return add_working_days(decided_on, days, region_code=region_code), False
    except CalendarDataMissing:
        return add_working_days(decided_on, days, region_code=region_code, provisional=True), True


def is_published_decision(case: PenaltyCase) -> bool:
    """R-PUB-005: every general-procedure penalty decision — not a simple-procedure one, not a warning only."""
    return (
        case.procedure == Procedure.GENERAL
        and case.decision_kind == DecisionKind.PENALTY
        and case.decided_on is not None
        and not set(case.penalty_kinds) <= {PenaltyKind.WARNING}
    )


def _create(*, actor: Any, kind: str, agency: Any, decided_on: date, title: str, **refs: Any) -> Publication:
    deadline, provisional = publication_deadline(kind, decided_on, region_code=agency.region.code)
    publication = Publication.objects.create(
        agency=agency,
        phase=PublicityPhase.AFTER,
        kind=kind,
        title=title,
        decided_on=decided_on,
        publication_deadline=deadline,
        deadline_is_provisional=provisional,
        **refs,
    )
    note(publication, "created", actor, decided_on=decided_on, publication_deadline=deadline, provisional=provisional)
    return publication


@transaction.atomic
def open_publication_for_decision(case: PenaltyCase, actor: Any = None) -> Publication | None:
    """The pending publication of a penalty decision (R-PUB-005), once per decision. Registered as the cases
    decision hook: it runs in the transaction of ``decide_case``."""
    if not is_published_decision(case):
        return None
    assert case.decided_on is not None
    existing = Publication.objects.filter(
        penalty_case=case, kind=PublicationKind.PENALTY_DECISION, decided_on=case.decided_on
    ).first()
    if existing is not None:
        return existing
    if case.remedies.filter(result__in=SETS_ASIDE_RESULTS, filed_on__gte=case.decided_on).exists():
        return None  # R-PUB-008: set aside by a 复议/诉讼 before its publication was opened — never published
    return _create(
        actor=actor or getattr(case, "decided_by", None),
        kind=PublicationKind.PENALTY_DECISION,
        agency=case.agency,
        decided_on=case.decided_on,
        title=f"{case.agency.name}行政处罚决定",
        penalty_case=case,
    )


def is_published_measure(measure: CoerciveMeasure) -> bool:
    """A coercive measure that was approved and carried out (R-PUB-004: "other decisions", 20 working days)."""
    return (
        measure.decided_on is not None
        and measure.approved_by_id is not None
        and measure.state in CARRIED_OUT
        and measure.release_ground != CoerciveReleaseGround.DISAPPROVED
    )


@transaction.atomic
def open_publication_for_measure(measure: CoerciveMeasure, actor: Any = None) -> Publication | None:
    if not is_published_measure(measure):
        return None
    assert measure.decided_on is not None
    existing = Publication.objects.filter(coercive_measure=measure).first()
    if existing is not None:
        return existing
    case = measure.penalty_case
    return _create(
        actor=actor,
        kind=PublicationKind.COERCIVE_MEASURE,
        agency=case.agency,
        decided_on=measure.decided_on,
        title=f"{case.agency.name}{measure.get_kind_display()}决定",
        penalty_case=case,
        coercive_measure=measure,
    )


def open_missing_publications(on: date) -> list[Publication]:
    """``zhifa tick``: decisions up to ``on`` that must be published and have no publication yet (idempotent)."""
    opened: list[Publication] = []
    published = Publication.objects.filter(
        penalty_case=OuterRef("pk"), kind=PublicationKind.PENALTY_DECISION, decided_on=OuterRef("decided_on")
    )
    cases = (
        PenaltyCase.objects.filter(procedure=Procedure.GENERAL, decision_kind=DecisionKind.PENALTY, decided_on__lte=on)
        .exclude(Exists(published))
        .select_related("agency__region")
        .order_by("decided_on", "pk")
    )
    for case in cases:
        publication = open_publication_for_decision(case)
        if publication is not None:
            opened.append(publication)
    measures = (
        CoerciveMeasure.objects.filter(state__in=CARRIED_OUT, decided_on__lte=on, approved_by__isnull=False)
        .exclude(publications__isnull=False)
        .select_related("penalty_case__agency__region")
        .order_by("decided_on", "pk")
    )
    for measure in measures:
        publication = open_publication_for_measure(measure)
        if publication is not None:
            opened.append(publication)
    return opened
