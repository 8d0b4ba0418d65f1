"""Read-only admin views of the record: nothing here can add, change or delete (R-REC-006)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.ledger.models import Checkpoint, Event, EvidenceFile, SigningKey


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["sequence", "event_type", "actor", "agency", "subject_type", "subject_id"]
    list_filter = ["event_type"]
    search_fields = ["event_type", "subject_id"]
    list_select_related = ["actor", "agency"]


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdmin):
    list_display = ["sequence", "hash", "created_at", "key"]


@admin.register(SigningKey)
class SigningKeyAdmin(ReadOnlyAdmin):
    list_display = ["key_id", "purpose", "owner", "is_active", "created_at"]
    exclude = ["encrypted_private_key"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyAdmin):
    list_display = ["id", "original_name", "mime_type", "size", "agency", "uploaded_at"]
    list_select_related = ["agency"]
