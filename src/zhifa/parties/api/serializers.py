"""API shapes of the parties registry. Personal fields are always masked here (R-PRV-006)."""

from __future__ import annotations

from rest_framework import serializers

from zhifa.parties.choices import PersonalField
from zhifa.parties.models import Party

MASKED_HELP = "个人信息，已脱敏；完整值请调用 reveal 接口（查看留痕）"


class PartySerializer(serializers.ModelSerializer):
    """A party as staff lists show it: ``id_number``, ``legal_representative_id_number`` and, for natural
    persons, ``address`` and ``phone`` carry masked values. ``birth_on`` is not shown: with the masked ID
    number (which keeps the first and last digits) it gives back most of the hidden digits (R-PRV-006)."""

    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    region_code = serializers.CharField(source="region.code", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True)
    id_number = serializers.CharField(source="masked_id_number", read_only=True, help_text=MASKED_HELP)
    legal_representative_id_number = serializers.CharField(
        source="masked_legal_representative_id_number", read_only=True, help_text=MASKED_HELP
    )
    address = serializers.CharField(source="masked_address", read_only=True, help_text="自然人的地址已脱敏")
    phone = serializers.CharField(source="masked_phone", read_only=True, help_text="自然人的电话已脱敏")
    personal_fields = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="本相对人的个人信息字段（可申请查看完整值）"
    )

    class Meta:
        model = Party
        fields = [
            "id",
            "kind",
            "kind_display",
            "name",
            "uscc",
            "id_kind",
            "id_number",
            "legal_representative",
            "legal_representative_id_number",
            "address",
            "phone",
            "region",
            "region_code",
            "region_name",
            "industry",
            "tags",
            "credit_rating",
            "risk_level",
            "is_active",
            "personal_fields",
        ]
        read_only_fields = fields


class RevealRequestSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=PersonalField.choices, help_text="要查看的个人信息字段")
    purpose = serializers.CharField(max_length=200, help_text="查看用途（记入查看记录）")


class RevealResponseSerializer(serializers.Serializer):
    field = serializers.CharField()
    value = serializers.CharField()
