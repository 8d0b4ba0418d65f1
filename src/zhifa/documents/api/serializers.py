"""API shapes of documents and their service records (the services validate; these only parse and show)."""

from __future__ import annotations

from rest_framework import serializers

from zhifa.documents.choices import DeliveryMethod, DeliveryResult
from zhifa.documents.models import Delivery, Document


class DeliverySerializer(serializers.ModelSerializer[Delivery]):
    method_display = serializers.CharField(source="get_method_display", read_only=True)
    result_display = serializers.CharField(source="get_result_display", read_only=True)
    event_sequence = serializers.IntegerField(source="event_id", read_only=True, allow_null=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "method",
            "method_display",
            "result",
            "result_display",
            "attempted_at",
            "delivered_on",
            "receiver_name",
            "place",
            "refusal_noted",
            "witness",
            "av_evidence",
            "receipt_document",
            "receipt_evidence",
            "postal_tracking_number",
            "postal_receipt_on",
            "electronic_address",
            "e_delivery_consent",
            "published_on",
            "notice_period_ends_on",
            "deemed_served_on",
            "reason",
            "note",
            "event_sequence",
        ]
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer[Document]):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    document_number = serializers.CharField(source="number_text", read_only=True, help_text="文号；笔录等不编号的为空")
    issued_by_name = serializers.CharField(source="issued_by.name", read_only=True, allow_null=True, default=None)
    issued_event_sequence = serializers.IntegerField(source="issued_event_id", read_only=True, allow_null=True)
    deliveries = DeliverySerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "kind_display",
            "title",
            "agency",
            "agency_name",
            "document_number",
            "subject_type",
            "subject_id",
            "state",
            "state_display",
            "issued_on",
            "issued_at",
            "issued_by",
            "issued_by_name",
            "pdf_digest",
            "pdf_size",
            "issued_event_sequence",
            "served_on",
            "voided_reason",
            "voided_at",
            "context",
            "deliveries",
        ]
        read_only_fields = fields


class VoidRequestSerializer(serializers.Serializer[None]):
    reason = serializers.CharField(help_text="作废原因（记入全过程记录）")


class DeliveryRequestSerializer(serializers.Serializer[None]):
    """One service attempt. Evidence and receipt references are ids within the caller's data scope."""

    method = serializers.ChoiceField(choices=DeliveryMethod.choices, help_text="送达方式")
    result = serializers.ChoiceField(choices=DeliveryResult.choices, default=DeliveryResult.SUCCESS)
    attempted_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    delivered_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="签收日期")
    receiver_name = serializers.CharField(required=False, allow_blank=True, default="")
    place = serializers.CharField(required=False, allow_blank=True, default="")
    refusal_noted = serializers.BooleanField(required=False, default=False, help_text="受送达人拒收（留置送达）")
    witness = serializers.CharField(required=False, allow_blank=True, default="", help_text="见证人")
    av_evidence = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="音像记录证据编号")
    receipt_document = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="送达回证（文书编号）"
    )
    receipt_evidence = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="签收的送达回证扫描件（证据编号）"
    )
    postal_tracking_number = serializers.CharField(required=False, allow_blank=True, default="")
    postal_receipt_on = serializers.DateField(required=False, allow_null=True, default=None)
    electronic_address = serializers.CharField(required=False, allow_blank=True, default="")
    e_delivery_consent = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="电子送达书面同意（证据编号）"
    )
    published_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="公告发布日期")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="公告送达原因")
    note = serializers.CharField(required=False, allow_blank=True, default="")
