"""Data scope of personnel records: every list and lookup goes through ``visible_to`` (STYLE §6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q

from zhifa.org.scope import agency_q


def valid_certificate_q(on: date, prefix: str = "") -> Q:
    """Certificates in state valid whose validity period contains ``on`` (R-PER-001)."""
    p = f"{prefix}__" if prefix else ""
    return Q(**{f"{p}state": "valid", f"{p}effective_on__lte": on, f"{p}expires_on__gte": on})


class OfficerQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> OfficerQuerySet:
        return self.filter(agency_q(user, "agency"))

    def on_post(self) -> OfficerQuerySet:
        return self.filter(is_on_post=True)

    def with_certificates(self) -> OfficerQuerySet:
        """Everything a list row needs (agency, department, certificates and their sectors) in constant queries."""
        return self.select_related("agency__region", "department").prefetch_related("certificates__sectors")

    def with_valid_certificate(self, on: date, *, sector_code: str | None = None) -> OfficerQuerySet:
        from zhifa.personnel.models import Certificate

        certificates = Certificate.objects.filter(valid_certificate_q(on), officer=OuterRef("pk"))
        if sector_code:
            certificates = certificates.filter(sectors__code=sector_code)
        return self.filter(Exists(certificates))


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CertificateQuerySet:
        return self.filter(agency_q(user, "officer__agency"))

    def valid_on(self, on: date) -> CertificateQuerySet:
        return self.filter(valid_certificate_q(on))
