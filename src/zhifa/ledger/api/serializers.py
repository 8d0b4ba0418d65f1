"""Evidence files over the API: metadata out, a multipart upload in (the service validates the rest)."""

from __future__ import annotations

from rest_framework import serializers

from zhifa.ledger.models import EvidenceFile, MediaKind


class EvidenceFileSerializer(serializers.ModelSerializer[EvidenceFile]):
    uploaded_by_name = serializers.CharField(source="uploaded_by.name", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    event_sequence = serializers.IntegerField(source="event_id", read_only=True)
    superseded_by = serializers.IntegerField(read_only=True, allow_null=True, help_text="更正本证据的新证据编号")

    class Meta:
        model = EvidenceFile
        fields = [
            "id",
            "digest",
            "size",
            "mime_type",
            "media_kind",
            "original_name",
            "uploaded_at",
            "uploaded_by",
            "uploaded_by_name",
            "agency",
            "agency_name",
            "subject_type",
            "subject_id",
            "step",
            "device_id",
            "latitude",
            "longitude",
            "captured_at",
            "capture_ended_at",
            "supersedes",
            "supersede_reason",
            "superseded_by",
            "event_sequence",
        ]
        read_only_fields = fields


class EvidenceUploadSerializer(serializers.Serializer[None]):
    """multipart/form-data. The file's type is sniffed from its content; the client's type is ignored."""

    file = serializers.FileField(allow_empty_file=True, help_text="证据文件（任意类型，最大 EVIDENCE_MAX_BYTES）")
    subject_type = serializers.CharField(required=False, allow_blank=True, default="", help_text="如 cases.penaltycase")
    subject_id = serializers.CharField(required=False, allow_blank=True, default="")
    step = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="执法环节，如 on_site_inspection"
    )
    device_id = serializers.CharField(required=False, allow_blank=True, default="", help_text="执法记录仪编号")
    latitude = serializers.CharField(required=False, allow_blank=True, default="", help_text="纬度（十进制度）")
    longitude = serializers.CharField(required=False, allow_blank=True, default="", help_text="经度（十进制度）")
    captured_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    capture_ended_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    media_kind = serializers.ChoiceField(choices=MediaKind.choices, required=False, allow_blank=True, default="")
    supersedes = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="被更正的证据编号")
    supersede_reason = serializers.CharField(required=False, allow_blank=True, default="")
