"""Read shape of the publicity API: a publication with its redacted snapshot (never the decision's raw data)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.publicity.models import Publication


class PublicationSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    phase_display = serializers.CharField(source="get_phase_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    case_number = serializers.CharField(
        source="penalty_case.case_number", read_only=True, default=None, allow_null=True
    )
    exemption_reason_display = serializers.CharField(source="get_exemption_reason_display", read_only=True)
    withdrawal_ground_display = serializers.CharField(source="get_withdrawal_ground_display", read_only=True)
    snapshot = serializers.SerializerMethodField(help_text="公示内容（已脱敏，R-PRV-001）")

    class Meta:
        model = Publication
        fields = [
            "id",
            "agency",
            "agency_name",
            "phase",
            "phase_display",
            "kind",
            "kind_display",
            "state",
            "state_display",
            "penalty_case",
            "case_number",
            "coercive_measure",
            "source_document",
            "title",
            "document_number",
            "decided_on",
            "publication_deadline",
            "deadline_is_provisional",
            "snapshot",
            "snapshot_digest",
            "source_digest",
            "exclusions",
            "submitted_by",
            "submitted_on",
            "return_reason",
            "approved_by",
            "published_on",
            "publicity_period_months",
            "expires_on",
            "expired_on",
            "exemption_reason",
            "exemption_reason_display",
            "exemption_note",
            "exempted_by",
            "exempted_on",
            "withdrawal_ground",
            "withdrawal_ground_display",
            "withdrawal_reason",
            "ground_on",
            "withdrawal_deadline",
            "withdrawn_by",
            "withdrawn_on",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.JSONField())
    def get_snapshot(self, publication: Publication) -> dict:
        return dict(publication.snapshot or {})
