from django.contrib import admin

from zhifa.catalog.models import AvRequirement, EnforcementItem, MajorDecisionCriterion
from zhifa.core.audit import RecordedAdmin


@admin.register(EnforcementItem)
class EnforcementItemAdmin(RecordedAdmin):
    """Read-mostly: state changes go through the services (API and staff UI), never through the admin form."""

    list_display = ["code", "name", "kind", "agency", "sector", "version", "state", "effective_on"]
    list_filter = ["kind", "state", "item_level", "sector"]
    list_select_related = ["agency", "sector"]
    search_fields = ["code", "name"]
    readonly_fields = ["state", "version", "previous_version", "effective_on", "ended_on"]
    raw_id_fields = ["establishing_basis", "penalty_basis"]


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
