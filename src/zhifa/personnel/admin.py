"""Admin for personnel master data. State changes of certificates go through the services (UI/API), not here."""

from __future__ import annotations

from django.contrib import admin

from zhifa.core.audit import RecordedAdmin
from zhifa.personnel.models import Certificate, ExamResult, Officer, QualificationExam, TrainingRecord


class CertificateInline(admin.TabularInline):
    model = Certificate
    extra = 0
    fields = ["number", "issuing_authority", "kind", "effective_on", "expires_on", "state", "state_reason"]
    readonly_fields = ["state", "state_reason"]
    show_change_link = True


@admin.register(Officer)
class OfficerAdmin(RecordedAdmin):
    list_display = ["name", "agency", "kind", "position", "is_on_post"]
    list_filter = ["kind", "is_on_post", "agency"]
    search_fields = ["name", "certificates__number"]
    list_select_related = ["agency"]
    autocomplete_fields = ["user"]
    inlines = [CertificateInline]


@admin.register(Certificate)
class CertificateAdmin(RecordedAdmin):
    list_display = ["number", "officer", "issuing_authority", "kind", "effective_on", "expires_on", "state"]
    list_filter = ["state", "kind"]
    search_fields = ["number", "officer__name"]
    list_select_related = ["officer"]
    readonly_fields = ["state", "state_reason", "state_changed_on"]
    filter_horizontal = ["sectors"]


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
