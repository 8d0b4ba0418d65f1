"""The due list of each agency (R-PUB-004 DUE ``publication_deadline``; R-TIME-009 red and yellow flags)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

from zhifa.core.calendar import add_working_days, working_days_to_each
from zhifa.publicity.choices import OPEN_STATES, DueFlag
from zhifa.publicity.config import publicity_config
from zhifa.publicity.models import Publication


@dataclass(frozen=True)
class DueRow:
    publication: Publication
    flag: str  # DueFlag value, or "" when the deadline is not near
    working_days_left: int  # negative: working days overdue

    @property
    def overdue_working_days(self) -> int:
        return max(-self.working_days_left, 0)

    @property
    def flag_label(self) -> str:
        return str(DueFlag(self.flag).label) if self.flag else ""


def yellow_until(on: date) -> date:
    """The last deadline that is "near" on ``on``: ``yellow_working_days`` working days ahead."""
    return add_working_days(on, publicity_config().yellow_working_days, provisional=True)


def due_flag(deadline: date, *, on: date, near_until: date) -> str:
    """Red once the deadline passed (the deadline day itself is still in time); yellow when it is near."""
    if on > deadline:
        return DueFlag.RED
    if deadline <= near_until:
        return DueFlag.YELLOW
    return ""


def open_publications(user: Any = None) -> QuerySet[Publication]:
    """Pending and awaiting approval, soonest deadline first (every agency for a system caller: ``user=None``)."""
    rows = Publication.objects.all() if user is None else Publication.objects.visible_to(user)
    return (
        rows.filter(state__in=OPEN_STATES)
        .select_related("agency", "penalty_case", "coercive_measure")
        .order_by("publication_deadline", "pk")
    )


def due_rows(publications: QuerySet[Publication] | list[Publication], *, on: date) -> list[DueRow]:
    """Each publication with its flag and working days left; the holiday table is read once for the whole list."""
    rows = list(publications)
    near_until = yellow_until(on)
    left = working_days_to_each(on, [p.publication_deadline for p in rows], provisional=True)
    return [
        DueRow(
            publication=p,
            flag=due_flag(p.publication_deadline, on=on, near_until=near_until),
            working_days_left=left[p.publication_deadline],
        )
        for p in rows
    ]
