"""Data scope of legal reviews and collective discussions (STYLE §6): through the case's agency, plus the
reviews of agencies a user serves as a configured external reviewer (司法局、法律顾问、公职律师, R-REV-005)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q

from zhifa.core.scope import agency_q
from zhifa.org.choices import Role
from zhifa.org.models import Agency


def _served_agencies(user: Any) -> Q:
    """Agencies ``user`` reviews for as an active external reviewer (nothing for anonymous users)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    from zhifa.review.models import ExternalReviewer

    served = ExternalReviewer.objects.filter(user_id=user.pk, is_active=True).values("agency_id")
    return Q(penalty_case__agency_id__in=served)


class LegalReviewQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> LegalReviewQuerySet:
        """Case data scope of the case's agency, or the agencies the user reviews for."""
        return self.filter(agency_q(user, "penalty_case__agency", case_data=True) | _served_agencies(user))


class CollectiveDiscussionQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CollectiveDiscussionQuerySet:
        return self.filter(agency_q(user, "penalty_case__agency", case_data=True))


class ExternalReviewerQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ExternalReviewerQuerySet:
        return self.filter(agency_q(user, "agency"))


def appointable_agencies(user: Any) -> models.QuerySet[Agency]:
    """The agencies ``user`` may appoint external reviewers for (``review.rules.appoints_reviewers``): its own agency
    as its head or administrator; the agencies of its region as the 司法局's administrator."""
    if not getattr(user, "is_authenticated", False) or not user.agency_id:
        return Agency.objects.none()
    allowed = Q(pk__in=[])
    if user.has_role(Role.HEAD, Role.AGENCY_ADMIN):
        allowed |= Q(pk=user.agency_id)
    if user.agency.is_judicial_bureau and user.has_role(Role.BUREAU_ADMIN):
        allowed |= Q(region__path__startswith=user.agency.region.path)
    return Agency.objects.filter(allowed)
