"""Admin for cases: read-only views. Every state and every record of a case comes from the services (the
staff UI and the API, each step on the ledger); the admin neither adds, changes nor deletes. The rows shown are
the viewer's case-data scope (``visible_to``): the system administrator sees no case data by default."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from zhifa.cases.models import (
    CaseHandler,
    CaseSource,
    CaseSuspension,
    CompulsoryExecution,
    CourtExecution,
    DeadlineExtension,
    DefenseRecord,
    DemandNotice,
    InvestigativeStep,
    Payment,
    PaymentPlan,
    PenaltyCase,
    RemedyProceeding,
)


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class _Inline(_ReadOnly, admin.TabularInline):
    extra = 0
    can_delete = False


class CaseHandlerInline(_Inline):
    model = CaseHandler
    fields = ["officer", "role", "declared_no_conflict"]
    readonly_fields = fields


class InvestigativeStepInline(_Inline):
    model = InvestigativeStep
    fields = ["kind", "performed_on", "place", "summary"]
    readonly_fields = fields


class DefenseRecordInline(_Inline):
    model = DefenseRecord
    fields = ["sent_on", "received_on", "content", "review", "changes_facts_or_penalty"]
    readonly_fields = fields


class PaymentInline(_Inline):
    model = Payment
    fields = ["paid_on", "amount", "receipt_number"]
    readonly_fields = fields


class DeadlineExtensionInline(_Inline):
    model = DeadlineExtension
    fields = ["approved_on", "approved_by", "calendar_days", "previous_deadline", "new_deadline", "legal_basis"]
    readonly_fields = fields


def _all_fields(model: Any) -> list[str]:
    return [f.name for f in model._meta.fields if f.name not in ("id", "penalty_case")]


class PaymentPlanInline(_Inline):
    model = PaymentPlan


class DemandNoticeInline(_Inline):
    model = DemandNotice


class CompulsoryExecutionInline(_Inline):
    model = CompulsoryExecution


class CourtExecutionInline(_Inline):
    model = CourtExecution


class RemedyProceedingInline(_Inline):
    model = RemedyProceeding


class CaseSuspensionInline(_Inline):
    model = CaseSuspension


# 执行、中止 records: shown read-only with every field (they change only through cases.services).
for _inline in (
    PaymentPlanInline,
    DemandNoticeInline,
    CompulsoryExecutionInline,
    CourtExecutionInline,
    RemedyProceedingInline,
    CaseSuspensionInline,
):
    _inline.fields = _inline.readonly_fields = _all_fields(_inline.model)


class _Scoped(_ReadOnly, admin.ModelAdmin):
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).visible_to(request.user)  # type: ignore[attr-defined]


@admin.register(PenaltyCase)
class PenaltyCaseAdmin(_Scoped):
    list_display = ["case_number", "cause", "agency", "party", "procedure", "state", "filed_on", "decision_deadline"]
    list_filter = ["procedure", "state"]
    search_fields = ["case_number", "cause", "party__name"]
    list_select_related = ["agency", "party"]
    inlines = [
        CaseHandlerInline,
        InvestigativeStepInline,
        DefenseRecordInline,
        PaymentInline,
        DeadlineExtensionInline,
        PaymentPlanInline,
        DemandNoticeInline,
        CompulsoryExecutionInline,
        CourtExecutionInline,
        RemedyProceedingInline,
        CaseSuspensionInline,
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in PenaltyCase._meta.fields]


@admin.register(CaseSource)
class CaseSourceAdmin(_Scoped):
    list_display = ["id", "agency", "channel", "received_on", "state", "verification_deadline"]
    list_filter = ["channel", "state"]
    search_fields = ["summary", "party__name"]
    list_select_related = ["agency"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in CaseSource._meta.fields]
