"""Data scope of the parties registry: a party belongs to a region; users see their region and below."""

from __future__ import annotations

from typing import Any

from django.db import models

from zhifa.org.scope import region_q


class PartyQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> PartyQuerySet:
        """An agency user: the agency's region and below; a bureau user: the bureau's region and below."""
        return self.filter(region_q(user, "region"))


class PersonalDataAccessQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> PersonalDataAccessQuerySet:
        return self.filter(region_q(user, "party__region"))
