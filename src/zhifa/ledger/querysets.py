from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q

from zhifa.core.scope import agency_q, scope_of


class EventQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> EventQuerySet:
        """Events of the agencies in the user's scope; installation-wide events (laws, calendar, admin changes
        without an agency) only for the system administrator and the judicial bureau's region readers."""
        condition = agency_q(user, "agency")
        if scope_of(user).kind in ("all", "region"):
            condition |= Q(agency__isnull=True)
        return self.filter(condition)
