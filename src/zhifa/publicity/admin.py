"""Admin of the publicity app: read-only (every step goes through the services, each on the ledger), scoped by
``visible_to``."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from zhifa.publicity.models import CertificateCode, Publication


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Publication)
class PublicationAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["kind", "agency", "document_number", "decided_on", "publication_deadline", "state", "expires_on"]
    list_filter = ["state", "kind", "phase"]
    list_select_related = ["agency"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Publication]:
        return Publication.objects.visible_to(request.user).select_related("agency")


@admin.register(CertificateCode)
class CertificateCodeAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["certificate", "created_at"]
    exclude = ["token"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CertificateCode]:
        return CertificateCode.objects.visible_to(request.user).select_related("certificate__officer")
