"""Serializers of the personnel API: explicit fields; personal data masked unless permitted."""

from __future__ import annotations

from datetime import date
from typing import Any

import rules
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.core.calendar import today
from zhifa.core.masking import mask_id_number, mask_phone
from zhifa.personnel.choices import CertificateStatus, LeftPostReason
from zhifa.personnel.models import Certificate, Officer
from zhifa.personnel.services import can_enforce


def _today(context: dict[str, Any]) -> date:
    day = context.get("today")
    return day if isinstance(day, date) else today()


class CertificateSerializer(serializers.ModelSerializer):
    officer_name = serializers.CharField(source="officer.name", read_only=True)
    sectors = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    status = serializers.SerializerMethodField(help_text="派生状态：有效/未生效/已过期/暂扣/注销（以今日为准）")

    class Meta:
        model = Certificate
        fields = [
            "id",
            "officer",
            "officer_name",
            "number",
            "issuing_authority",
            "kind",
            "effective_on",
            "expires_on",
            "sectors",
            "state",
            "state_reason",
            "state_changed_on",
            "status",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=CertificateStatus.choices))
    def get_status(self, obj: Certificate) -> str:
        return str(obj.status_on(_today(self.context)))


class OfficerCertificateSerializer(CertificateSerializer):
    class Meta(CertificateSerializer.Meta):
        fields = [f for f in CertificateSerializer.Meta.fields if f not in ("officer", "officer_name")]
        read_only_fields = fields


class OfficerSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    id_number = serializers.SerializerMethodField(help_text="公民身份号码（个人信息；无权限时脱敏）")
    phone = serializers.SerializerMethodField(help_text="个人联系电话（个人信息；无权限时脱敏）")
    certificates = OfficerCertificateSerializer(many=True, read_only=True)
    can_enforce_today = serializers.SerializerMethodField(help_text="今日是否可以独立执法（R-PER-001）")

    class Meta:
        model = Officer
        fields = [
            "id",
            "name",
            "gender",
            "agency",
            "agency_name",
            "department",
            "kind",
            "position",
            "has_legal_professional_qualification",
            "is_on_post",
            "left_post_on",
            "left_post_reason",
            "id_number",
            "phone",
            "certificates",
            "can_enforce_today",
        ]
        read_only_fields = fields

    def _full_personal_data(self, obj: Officer) -> bool:
        request = self.context.get("request")
        return bool(request and rules.has_perm("personnel.view_personal_data", request.user, obj))

    def get_id_number(self, obj: Officer) -> str:
        return obj.id_number if self._full_personal_data(obj) else mask_id_number(obj.id_number)

    def get_phone(self, obj: Officer) -> str:
        return obj.phone if self._full_personal_data(obj) else mask_phone(obj.phone)

    def get_can_enforce_today(self, obj: Officer) -> bool:
        return can_enforce(obj, on=_today(self.context))


class CanEnforceQuerySerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text="日期，默认今日")
    sector = serializers.CharField(required=False, allow_blank=True, help_text="执法领域代码，如 market_regulation")


class CanEnforceSerializer(serializers.Serializer):
    can_enforce = serializers.BooleanField()
    reason = serializers.CharField(allow_null=True, help_text="不能执法的原因；可以执法时为 null")


class LeavePostSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text="离岗日期，默认今日")
    reason = serializers.ChoiceField(choices=LeftPostReason.choices, help_text="离岗原因")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="原因（必填）")


__all__ = [
    "CanEnforceQuerySerializer",
    "CanEnforceSerializer",
    "CertificateSerializer",
    "LeavePostSerializer",
    "OfficerSerializer",
    "ReasonSerializer",
]
