"""Shared plumbing of the publicity services: locking, permission, transitions, ledger events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import transaction
from django_fsm import can_proceed

from zhifa.core.calendar import format_day, today
from zhifa.core.permissions import require
from zhifa.ledger.services import record
from zhifa.publicity.errors import PublicationError, PublicationStateConflict
from zhifa.publicity.models import Publication
from zhifa.publicity.portal_cache import bump_portal_generation


def typed_day(day: date | None, *, field: str, label: str, not_before: date, after_what: str) -> date:
    """A date typed by an officer (default today): not in the future, not before the step it follows."""
    day = day or today()
    if day > today():
        raise PublicationError(f"{label}不能晚于今天", field=field)
    if day < not_before:
        raise PublicationError(f"{label}不能早于{after_what}（{format_day(not_before)}）", field=field)
    return day


def lock(publication: Publication) -> Publication:
    """Re-read the publication under a row lock (only its own row)."""
    return (
        Publication.objects.select_for_update(of=("self",))
        .select_related("agency__region", "penalty_case__party", "coercive_measure")
        .get(pk=publication.pk)
    )


def allow(actor: Any, perm: str, publication: Publication, message: str) -> None:
    if actor is None:
        raise PublicationError("此操作必须由登录的工作人员作出", field="actor")
    require(actor, perm, publication, message=message)


def check_can(publication: Publication, transition: Callable[[], None], action: str) -> None:
    """Refuse (409, naming the current state) unless the transition may run now."""
    if not can_proceed(transition):
        raise PublicationStateConflict(
            f"公示当前状态为“{publication.get_state_display()}”，不能{action}", field="state"
        )


def move(publication: Publication, transition: Callable[[], None], action: str) -> None:
    check_can(publication, transition, action)
    transition()


def note(publication: Publication, verb: str, actor: Any, **payload: Any) -> None:
    """The ledger event of a publication step: ``publication.<verb>`` (R-REC-001). The portal's cached pages are
    dropped when the step commits (R-PRV-007)."""
    case = publication.penalty_case
    record(
        event_type=f"publication.{verb}",
        actor=actor,
        agency=publication.agency,
        subject=publication,
        payload={
            "kind": publication.kind,
            "state": publication.state,
            "case_number": case.case_number if case is not None else "",
            **payload,
        },
    )
    bump_portal_generation()  # a page cached from now on is cached again after the commit:
    transaction.on_commit(bump_portal_generation)
