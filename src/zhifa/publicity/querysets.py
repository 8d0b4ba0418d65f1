"""Data scope of publications (case data of the user's agency, or of the bureau's region) and the one portal query
(R-PRV-007: only published, unexpired rows; withdrawn and expired ones are never read by the portal)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q

from zhifa.core.scope import agency_q


class PublicationQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> PublicationQuerySet:
        return self.filter(agency_q(user, "agency", case_data=True))

    def on_portal(self, on: date) -> PublicationQuerySet:
        """What the portal may show on ``on``: published, and within its publicity period (R-PUB-010, R-PRV-007)."""
        return self.filter(state="published", published_on__lte=on).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on)
        )


class CertificateCodeQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CertificateCodeQuerySet:
        return self.filter(agency_q(user, "certificate__officer__agency"))
