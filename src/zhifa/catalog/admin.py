from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.catalog.choices import EnforcementItemState
from zhifa.catalog.models import AvRequirement, EnforcementItem, MajorDecisionCriterion
from zhifa.core.audit import RecordedAdmin


@admin.register(EnforcementItem)
class EnforcementItemAdmin(RecordedAdmin):
    """Read-mostly: state changes go through the services (API and staff UI), never through the admin form.

    Finding 11: once an item has left 草稿, what it is (编码、类型、实施主体) and what it rests on (设定依据、
    处罚依据, R-PEN-002) is read-only here — a change is a new version (``services.revise_item``), which checks
    the bases. Nothing is deleted (items are cited by cases; a withdrawn item is 取消, ``abolish_item``).
    """

    list_display = ["code", "name", "kind", "agency", "sector", "version", "state", "effective_on"]
    list_filter = ["kind", "state", "item_level", "sector"]
    list_select_related = ["agency", "sector"]
    search_fields = ["code", "name"]
    readonly_fields = ["state", "version", "previous_version", "effective_on", "ended_on"]
    raw_id_fields = ["establishing_basis", "penalty_basis"]
    locked_unless_draft = ["code", "kind", "agency", "establishing_basis", "penalty_basis"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(self.readonly_fields)
        if obj is not None and obj.state != EnforcementItemState.DRAFT:
            fields += self.locked_unless_draft
        return fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AvRequirement)
class AvRequirementAdmin(RecordedAdmin):
    list_display = ["step", "agency", "item", "is_mandatory", "rule_id"]
    list_filter = ["step", "is_mandatory", "rule_id"]
    list_select_related = ["agency", "item"]
    raw_id_fields = ["item"]


@admin.register(MajorDecisionCriterion)
class MajorDecisionCriterionAdmin(RecordedAdmin):
    list_display = [
        "kind",
        "party_category",
        "threshold_amount",
        "region_code",
        "agency",
        "sector",
        "is_active",
        "rule_id",
    ]
    list_filter = ["kind", "is_active", "party_category"]
    list_select_related = ["agency", "sector"]
