from __future__ import annotations

from typing import Any

from django.db import models

from zhifa.core.scope import agency_q


class CaseDataQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CaseDataQuerySet:
        """Case data scope: own agency, or the bureau's region; the system administrator sees none."""
        return self.filter(agency_q(user, "agency", case_data=True))
