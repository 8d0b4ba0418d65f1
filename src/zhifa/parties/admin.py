"""Admin of the parties registry: masked personal fields in lists; the access log is read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.core.audit import RecordedAdmin
from zhifa.parties.choices import PartyKind
from zhifa.parties.models import Party, PersonalDataAccess


@admin.register(Party)
class PartyAdmin(RecordedAdmin):
    list_display = [
        "name",
        "kind",
        "uscc",
        "masked_id_number",
        "region",
        "industry",
        "credit_rating",
        "risk_level",
        "is_active",
    ]
    list_filter = ["kind", "credit_rating", "risk_level", "is_active"]
    search_fields = ["name", "uscc"]
    list_select_related = ["region"]
    raw_id_fields = ["region"]
    # R-PRV-006: the system administrator sees masked values only; personal fields are edited through the
    # staff UI services or the import, never shown in full here. The birth date derived from the ID number is
    # not shown either: it would give back the masked digits.
    exclude = ["id_number", "legal_representative_id_number"]
    readonly_fields = ["masked_id_number", "masked_legal_representative_id_number"]

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:  # adding: nothing stored yet to disclose
            return []
        if obj is not None and obj.kind == PartyKind.NATURAL_PERSON:
            return [*self.exclude, "address", "phone"]
        return list(self.exclude)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return []
        if obj.kind == PartyKind.NATURAL_PERSON:
            return [*self.readonly_fields, "masked_address", "masked_phone"]
        return list(self.readonly_fields)

    @admin.display(description="证件号码")
    def masked_id_number(self, obj: Party) -> str:
        return obj.masked_id_number

    @admin.display(description="法定代表人身份证号码")
    def masked_legal_representative_id_number(self, obj: Party) -> str:
        return obj.masked_legal_representative_id_number

    @admin.display(description="地址")
    def masked_address(self, obj: Party) -> str:
        return obj.masked_address

    @admin.display(description="联系电话")
    def masked_phone(self, obj: Party) -> str:
        return obj.masked_phone


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(RecordedAdmin):
    list_display = ["accessed_at", "user", "party", "field", "purpose"]
    list_filter = ["field"]
    list_select_related = ["user", "party"]
    search_fields = ["party__name", "user__username", "user__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
