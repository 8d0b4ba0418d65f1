"""Query sets of the catalog app: every list and lookup is scoped through org.scope (STYLE §6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q

from zhifa.catalog.choices import EnforcementItemState
from zhifa.org.scope import agency_q


class EnforcementItemQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> EnforcementItemQuerySet:
        return self.filter(agency_q(user, "agency"))

    def listed_on(self, day: date) -> EnforcementItemQuerySet:
        """Items on the list on ``day`` (R-PEN-003): in force now and effective by then, or superseded/abolished
        later than ``day`` after having been effective on it. Suspended items are not enforceable."""
        current = Q(state=EnforcementItemState.IN_FORCE, effective_on__lte=day)
        ended = Q(
            state__in=[EnforcementItemState.SUPERSEDED, EnforcementItemState.ABOLISHED],
            effective_on__lte=day,
            ended_on__gt=day,
        )
        return self.filter(current | ended)

    def search(self, text: str) -> EnforcementItemQuerySet:
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(code__icontains=text))


class AvRequirementQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> AvRequirementQuerySet:
        """National defaults (no agency) are visible to every signed-in user; agency rows by scope."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(agency__isnull=True) | agency_q(user, "agency"))


class MajorDecisionCriterionQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> MajorDecisionCriterionQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(agency__isnull=True) | agency_q(user, "agency"))

    def active(self) -> MajorDecisionCriterionQuerySet:
        return self.filter(is_active=True)
