"""Serializers of the personnel API: explicit fields; personal data always masked (reveal: ``POST …/reveal/``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.core.calendar import today
from zhifa.core.masking import mask_id_number, mask_phone
from zhifa.personnel.choices import CertificateStatus, LeftPostReason, OfficerPersonalField
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
    id_number = serializers.SerializerMethodField(
        help_text="公民身份号码（个人信息，始终脱敏；完整值经 reveal 查看并留痕）"
    )
    phone = serializers.SerializerMethodField(
        help_text="个人联系电话（个人信息，始终脱敏；完整值经 reveal 查看并留痕）"
    )
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

    def get_id_number(self, obj: Officer) -> str:
        return mask_id_number(obj.id_number)

    def get_phone(self, obj: Officer) -> str:
        return mask_phone(obj.phone)

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


class OfficerRevealRequestSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=OfficerPersonalField.choices, help_text="要查看的个人信息字段")
    purpose = serializers.CharField(max_length=200, help_text="查看用途（记入查看记录）")


class OfficerRevealResponseSerializer(serializers.Serializer):
    field = serializers.CharField()
    value = serializers.CharField()


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="原因（必填）")


__all__ = [
    "CanEnforceQuerySerializer",
    "CanEnforceSerializer",
    "CertificateSerializer",
    "LeavePostSerializer",
    "OfficerRevealRequestSerializer",
    "OfficerRevealResponseSerializer",
    "OfficerSerializer",
    "ReasonSerializer",
]
