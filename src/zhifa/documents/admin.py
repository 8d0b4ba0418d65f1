"""Admin: numbering rules are master data (editable, every change recorded); numbers, documents and service
records are legal records, shown read-only (they change only through the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.core.audit import RecordedAdmin
from zhifa.documents.models import Delivery, Document, DocumentNumber, NumberingRule


@admin.register(NumberingRule)
class NumberingRuleAdmin(RecordedAdmin):
    list_display = ["agency", "kind", "prefix", "format"]
    list_filter = ["kind"]
    search_fields = ["agency__name", "prefix"]
    list_select_related = ["agency"]
    raw_id_fields = ["agency"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DocumentNumber)
class DocumentNumberAdmin(ReadOnlyAdmin):
    list_display = ["text", "agency", "kind", "year", "serial", "is_voided", "allocated_at"]
    list_filter = ["kind", "year", "is_voided"]
    search_fields = ["text", "agency__name"]
    list_select_related = ["agency"]


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fk_name = "document"
    fields = ["method", "result", "attempted_at", "delivered_on", "receiver_name", "witness", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "number", "agency", "kind", "state", "issued_on", "served_on"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "number__text", "pdf_digest", "agency__name"]
    list_select_related = ["agency", "number"]
    exclude = ["html"]
    inlines = [DeliveryInline]
