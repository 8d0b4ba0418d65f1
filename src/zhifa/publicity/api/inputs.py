"""Input serializers of the publicity API: one small serializer per step (the services check every rule)."""

from __future__ import annotations

from rest_framework import serializers

from zhifa.publicity.choices import ExemptionReason, WithdrawalGround


class ExclusionSerializer(serializers.Serializer):
    key = serializers.CharField(required=False, allow_blank=True, default="", help_text="不予公开的部分（如 facts）")
    text = serializers.CharField(required=False, allow_blank=True, default="", help_text="不予公开的文字")
    ground = serializers.ChoiceField(choices=ExemptionReason.choices, help_text="理由类别")
    reason = serializers.CharField(help_text="具体理由（R-PRV-002，不公开）")


class SubmitSerializer(serializers.Serializer):
    exclusions = ExclusionSerializer(many=True, required=False, default=list)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="理由（必填）")


class ExemptSerializer(serializers.Serializer):
    exemption_reason = serializers.ChoiceField(choices=ExemptionReason.choices, help_text="不予公开理由（R-PUB-006）")
    exemption_note = serializers.CharField(required=False, allow_blank=True, default="", help_text="具体理由（必填）")


class WithdrawSerializer(serializers.Serializer):
    withdrawal_ground = serializers.ChoiceField(choices=WithdrawalGround.choices, help_text="撤下情形（R-PUB-008）")
    withdrawal_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="撤下理由（必填）"
    )
    ground_on = serializers.DateField(help_text="决定被变更、撤销、确认违法等之日")
