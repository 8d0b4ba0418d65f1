"""Admin for personnel master data.

The admin never goes around the services: leaving the post (R-PER-003, cancels the certificates), the officer's
kind (R-PER-004) and everything that makes a certificate (R-PER-002: passed exam; number, dates, sectors,
暂扣/恢复/注销) are read-only here. Certificates are registered and changed through the services — the staff
UI, the API (``/api/v1/certificates/{id}/suspend/`` …) and the Excel import. Status history and personal-data
access records are append-only and shown read-only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.core.audit import RecordedAdmin
from zhifa.personnel.models import (
    Certificate,
    CertificateStatusChange,
    ExamResult,
    Officer,
    OfficerPersonalDataAccess,
    QualificationExam,
    TrainingRecord,
)

CERTIFICATE_FIELDS = [
    "officer",
    "number",
    "issuing_authority",
    "kind",
    "effective_on",
    "expires_on",
    "sectors",
    "state",
    "state_reason",
    "state_changed_on",
]
# Everything a certificate is made of, and its state, only through the services.
CERTIFICATE_READONLY = [f for f in CERTIFICATE_FIELDS if f != "kind"]
# R-PER-003 (leaving the post cancels certificates) and R-PER-004 (auxiliary staff hold none): services only.
OFFICER_POST_FIELDS = ["is_on_post", "left_post_on", "left_post_reason"]


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CertificateInline(_ReadOnlyInline):
    model = Certificate
    fields = ["number", "issuing_authority", "kind", "effective_on", "expires_on", "state", "state_reason"]
    readonly_fields = fields
    show_change_link = True


class CertificateStatusChangeInline(_ReadOnlyInline):
    model = CertificateStatusChange
    fields = ["from_on", "state", "reason", "recorded_at"]
    readonly_fields = fields


@admin.register(Officer)
class OfficerAdmin(RecordedAdmin):
    list_display = ["name", "agency", "kind", "position", "is_on_post"]
    list_filter = ["kind", "is_on_post", "agency"]
    search_fields = ["name", "certificates__number"]
    list_select_related = ["agency"]
    autocomplete_fields = ["user"]
    inlines = [CertificateInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A new officer is on post; the kind can be chosen when adding (no certificate yet) but not changed
        # here afterwards (``update_officer`` refuses 执法辅助人员 while a certificate is not cancelled).
        return [*OFFICER_POST_FIELDS, "kind"] if obj is not None else list(OFFICER_POST_FIELDS)


@admin.register(Certificate)
class CertificateAdmin(RecordedAdmin):
    list_display = ["number", "officer", "issuing_authority", "kind", "effective_on", "expires_on", "state"]
    list_filter = ["state", "kind"]
    search_fields = ["number", "officer__name"]
    list_select_related = ["officer"]
    fields = CERTIFICATE_FIELDS
    readonly_fields = CERTIFICATE_READONLY
    inlines = [CertificateStatusChangeInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # R-PER-002: only ``register_certificate`` (UI/API/import) checks the exam

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a legal record: 注销 through the services instead


@admin.register(OfficerPersonalDataAccess)
class OfficerPersonalDataAccessAdmin(RecordedAdmin):
    list_display = ["accessed_at", "user", "officer", "field", "purpose"]
    list_filter = ["field"]
    list_select_related = ["user", "officer"]
    search_fields = ["officer__name", "user__username", "user__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(QualificationExam)
class QualificationExamAdmin(RecordedAdmin):
    list_display = ["name", "held_on", "pass_score"]


@admin.register(ExamResult)
class ExamResultAdmin(RecordedAdmin):
    list_display = ["officer", "exam", "score", "is_qualified"]
    list_select_related = ["officer", "exam"]
    readonly_fields = ["is_qualified"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(RecordedAdmin):
    list_display = ["officer", "title", "hours", "completed_on", "organizer"]
    list_select_related = ["officer"]
