from __future__ import annotations

from typing import Any

from django.db import models

from zhifa.org.scope import agency_q, region_q


class RegionQuerySet(models.QuerySet):
    def within(self, path: str) -> RegionQuerySet:
        return self.filter(path__startswith=path)

    def visible_to(self, user: Any) -> RegionQuerySet:
        return self.filter(region_q(user, prefix=""))


class AgencyQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> AgencyQuerySet:
        return self.filter(agency_q(user, prefix=""))

    def judicial_bureaus(self) -> AgencyQuerySet:
        return self.filter(is_judicial_bureau=True)
