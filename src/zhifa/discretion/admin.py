from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.core.audit import RecordedAdmin
from zhifa.discretion.choices import DiscretionBenchmarkState, ExemptionListState
from zhifa.discretion.models import (
    BenchmarkTier,
    Circumstance,
    DiscretionBenchmark,
    ExemptionList,
    ExemptionListEntry,
    TierCondition,
)


@admin.register(Circumstance)
class CircumstanceAdmin(RecordedAdmin):
    """The 裁量情节 catalogue. Codes are cited by benchmarks and cases: nothing is deleted, retire with 启用."""

    list_display = ["code", "name", "kind", "mandatory_tier", "statutory_ground", "lookback_months", "is_active"]
    list_filter = ["kind", "statutory_ground", "is_active"]
    search_fields = ["code", "name"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["code", "kind"] if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class _DraftOnlyInline(admin.TabularInline):
    """Rows of a published benchmark or list are part of the published text: read-only (revise instead)."""

    extra = 0

    def _editable(self, obj: Any) -> bool:
        return obj is None or obj.state == "draft"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._editable(obj) and super().has_delete_permission(request, obj)


class BenchmarkTierInline(_DraftOnlyInline):
    model = BenchmarkTier
    fields = [
        "tier",
        "conditions_text",
        "match_mode",
        "fine_min_amount",
        "fine_max_amount",
        "multiple_min",
        "multiple_max",
        "allowed_kinds",
        "required_kinds",
    ]


@admin.register(DiscretionBenchmark)
class DiscretionBenchmarkAdmin(RecordedAdmin):
    """Read-mostly: publish, revise, suspend and abolish go through the services (API, import), which check
    R-DIS-001/002; a published version is never edited (a change is a new version)."""

    list_display = ["title", "enforcement_item", "penalty_article", "version", "state", "effective_on", "ended_on"]
    list_filter = ["state"]
    list_select_related = ["enforcement_item", "penalty_article__version__law"]
    search_fields = ["title", "enforcement_item__name", "enforcement_item__code"]
    raw_id_fields = ["enforcement_item", "penalty_article", "previous_version"]
    readonly_fields = [
        "state",
        "version",
        "previous_version",
        "effective_on",
        "ended_on",
        "published_on",
        "published_by",
    ]
    inlines = [BenchmarkTierInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(self.readonly_fields)
        if obj is not None and obj.state != DiscretionBenchmarkState.DRAFT:
            fields += [f.name for f in DiscretionBenchmark._meta.concrete_fields if f.name not in fields]
        return fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(TierCondition)
class TierConditionAdmin(RecordedAdmin):
    list_display = ["tier", "circumstance", "min_value", "max_value"]
    list_select_related = ["tier__benchmark", "circumstance"]
    raw_id_fields = ["tier"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or obj.tier.benchmark.state == DiscretionBenchmarkState.DRAFT


class ExemptionListEntryInline(_DraftOnlyInline):
    model = ExemptionListEntry
    raw_id_fields = ["enforcement_item"]
    fields = ["sequence", "enforcement_item", "kind", "violation", "conditions_text", "legal_basis", "measures"]


@admin.register(ExemptionList)
class ExemptionListAdmin(RecordedAdmin):
    list_display = ["name", "agency", "document_number", "state", "effective_on", "ended_on"]
    list_filter = ["state"]
    list_select_related = ["agency"]
    readonly_fields = ["state", "ended_on"]
    inlines = [ExemptionListEntryInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.state != ExemptionListState.DRAFT:
            return ["name", "agency", "document_number", "state", "effective_on", "ended_on"]
        return list(self.readonly_fields)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
