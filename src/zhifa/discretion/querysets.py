"""Query sets of the discretion app. Published benchmarks and lists are public (R-PUB-003): every signed-in user
reads those of the agencies in their region and below, and above (they apply directly, R-DIS-003/014); drafts only whoever sees
the owning agency (STYLE §6)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Prefetch, Q

from zhifa.core.scope import NOTHING, agency_q, region_q, scope_of

_ENDED = ["superseded", "abolished"]


def _published_or_own(user: Any, agency: str, state: str = "state") -> Q:
    return (~Q(**{state: "draft"}) & region_q(user, f"{agency}__region")) | agency_q(user, agency)


def _upper_levels(user: Any, agency: str, state: str = "state") -> Q:
    """Published rows of agencies in the regions enclosing the user's: an upper-level benchmark or 免罚清单 applies
    directly in the lower levels (R-DIS-003, R-DIS-014), so they read it."""
    parts = [p for p in scope_of(user).region_path.split("/") if p]
    paths = ["".join(f"{p}/" for p in parts[:n]) for n in range(1, len(parts))]
    return Q(**{f"{agency}__region__path__in": paths}) & ~Q(**{state: "draft"}) if paths else NOTHING


class BenchmarkQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> BenchmarkQuerySet:
        agency = "enforcement_item__agency"
        return self.filter(_published_or_own(user, agency) | _upper_levels(user, agency))

    def applicable_on(self, day: date) -> BenchmarkQuerySet:
        """Versions in force on ``day`` (R-DIS-001): published, effective by then, not yet ended. Suspended
        benchmarks are not applied."""
        current = Q(state="in_force", effective_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        ended = Q(state__in=_ENDED, effective_on__lte=day, ended_on__gt=day)
        return self.filter(current | ended)

    def with_tiers(self) -> BenchmarkQuerySet:
        from zhifa.discretion.models import BenchmarkTier

        tiers = BenchmarkTier.objects.prefetch_related("conditions__circumstance")
        return self.select_related(
            "enforcement_item__agency", "penalty_article__version__law", "previous_version"
        ).prefetch_related(Prefetch("tiers", queryset=tiers))


class ExemptionListQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ExemptionListQuerySet:
        return self.filter(_published_or_own(user, "agency") | _upper_levels(user, "agency"))

    def applicable_on(self, day: date) -> ExemptionListQuerySet:
        return self.filter(state__in=["in_force", "abolished"], effective_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day)
        )


class ExemptionEntryQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ExemptionEntryQuerySet:
        agency, state = "exemption_list__agency", "exemption_list__state"
        return self.filter(_published_or_own(user, agency, state) | _upper_levels(user, agency, state))

    def applicable_on(self, day: date) -> ExemptionEntryQuerySet:
        lists = Q(exemption_list__state__in=["in_force", "abolished"], exemption_list__effective_on__lte=day)
        ended = Q(exemption_list__ended_on__isnull=True) | Q(exemption_list__ended_on__gt=day)
        return self.filter(lists & ended)
