"""Data scope of documents: case data of the user's agency, or of the bureau's region (R-REC-007).

A system administrator sees no case data (``case_data=True``), as for evidence files.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from zhifa.core.scope import agency_q


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> DocumentQuerySet:
        return self.filter(agency_q(user, "agency", case_data=True))

    def of_subject(self, subject: models.Model) -> DocumentQuerySet:
        """The documents attached to one subject (a case, a coercive measure …)."""
        meta = subject._meta
        return self.filter(subject_type=f"{meta.app_label}.{meta.model_name}", subject_id=str(subject.pk))


class DocumentNumberQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> DocumentNumberQuerySet:
        return self.filter(agency_q(user, "agency", case_data=True))


class DeliveryQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> DeliveryQuerySet:
        return self.filter(agency_q(user, "document__agency", case_data=True))
