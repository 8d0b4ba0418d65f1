"""Data scope of personnel records: every list and lookup goes through ``visible_to`` (STYLE §6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact

from zhifa.org.scope import agency_q


def valid_certificate_q(on: date) -> Q:
    """Certificates valid on ``on`` (R-PER-001), for a queryset of ``Certificate``.

    The validity period contains ``on`` (both ends included) and the status history says 有效 that day: no
    注销 in force on or before ``on`` (注销 is final), and the latest 暂扣/恢复 on or before ``on``, if any, is a
    恢复. The same answer as ``Certificate.status_on(on) == VALID``, in SQL.
    """
    from zhifa.personnel.models import CertificateStatusChange

    changes = CertificateStatusChange.objects.filter(certificate=OuterRef("pk"), from_on__lte=on)
    latest_state = Subquery(changes.order_by("-from_on", "-id").values("state")[:1])
    return Q(
        Q(effective_on__lte=on, expires_on__gte=on),
        ~Exists(changes.filter(state="cancelled")),
        Exact(Coalesce(latest_state, Value("valid")), "valid"),
    )


class OfficerQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> OfficerQuerySet:
        return self.filter(agency_q(user, "agency"))

    def on_post(self) -> OfficerQuerySet:
        return self.filter(is_on_post=True)

    def on_post_on(self, day: date) -> OfficerQuerySet:
        """Officers on post on ``day``: still on post, or left after it (``Officer.on_post_on``)."""
        return self.filter(Q(is_on_post=True) | Q(left_post_on__gt=day))

    def with_certificates(self) -> OfficerQuerySet:
        """Everything a list row needs (agency, department, certificates and their sectors) in constant queries."""
        return self.select_related("agency__region", "department").prefetch_related(
            "certificates__sectors", "certificates__status_changes"
        )

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


class OfficerPersonalDataAccessQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> OfficerPersonalDataAccessQuerySet:
        return self.filter(agency_q(user, "officer__agency"))
