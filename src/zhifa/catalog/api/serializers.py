"""Serializers of the catalog API."""

from __future__ import annotations

from datetime import date
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.catalog.models import AvRequirement, EnforcementItem, MajorDecisionCriterion
from zhifa.laws import services as law_services
from zhifa.laws.errors import LawsError
from zhifa.laws.models import Article


class BasisArticleSerializer(serializers.ModelSerializer):
    citation = serializers.CharField(read_only=True)
    law = serializers.IntegerField(source="version.law_id", read_only=True)
    version_label = serializers.CharField(source="version.label", read_only=True)

    class Meta:
        model = Article
        fields = ["id", "law", "version_label", "citation", "text"]


class ItemVersionSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = EnforcementItem
        fields = ["id", "version", "name", "state", "state_display", "effective_on", "ended_on"]


class EnforcementItemSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    sector_name = serializers.CharField(source="sector.name", read_only=True)
    establishing_basis = BasisArticleSerializer(many=True, read_only=True)
    penalty_basis = BasisArticleSerializer(many=True, read_only=True)

    class Meta:
        model = EnforcementItem
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "kind_display",
            "agency",
            "agency_name",
            "sector",
            "sector_name",
            "item_level",
            "source_item_code",
            "power_list_code",
            "state",
            "state_display",
            "version",
            "previous_version",
            "effective_on",
            "ended_on",
            "establishing_basis",
            "penalty_basis",
        ]
        read_only_fields = fields


class EnforcementItemDetailSerializer(EnforcementItemSerializer):
    versions = serializers.SerializerMethodField()

    class Meta(EnforcementItemSerializer.Meta):
        fields = [*EnforcementItemSerializer.Meta.fields, "versions"]
        read_only_fields = fields

    @extend_schema_field(ItemVersionSerializer(many=True))
    def get_versions(self, obj: EnforcementItem) -> list[dict[str, Any]]:
        """Every version of the item (same agency and code), oldest first."""
        rows = EnforcementItem.objects.filter(agency_id=obj.agency_id, code=obj.code).order_by("version")
        return list(ItemVersionSerializer(rows, many=True).data)


class CitationListField(serializers.ListField):
    """A list of citations, each resolved to the article in force on the request's ``effective_on``."""

    child = serializers.CharField()


class ReviseItemSerializer(serializers.Serializer):
    name = serializers.CharField(required=False, max_length=200)
    effective_on = serializers.DateField(required=False)
    establishing_basis = CitationListField(required=False, help_text="设定依据法条引用列表")
    penalty_basis = CitationListField(required=False, help_text="处罚依据法条引用列表")

    def _resolve(self, citations: list[str], field: str, on: date | None) -> list[Article]:
        articles = []
        for citation in citations:
            try:
                articles.append(law_services.lookup_article(citation, on=on))
            except LawsError as exc:
                raise serializers.ValidationError({field: [exc.message]}) from exc
        return articles

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        on = attrs.get("effective_on")
        for field in ("establishing_basis", "penalty_basis"):
            if field in attrs:
                attrs[field] = self._resolve(attrs[field], field, on)
        return attrs


class PublishItemSerializer(serializers.Serializer):
    effective_on = serializers.DateField(required=False, help_text="生效日期，默认今天")


class AvRequirementSerializer(serializers.ModelSerializer):
    step_display = serializers.CharField(source="get_step_display", read_only=True)

    class Meta:
        model = AvRequirement
        fields = ["id", "agency", "step", "step_display", "item", "is_mandatory", "rule_id", "description"]


class MajorDecisionCriterionSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = MajorDecisionCriterion
        fields = [
            "id",
            "kind",
            "kind_display",
            "party_category",
            "threshold_amount",
            "region_code",
            "agency",
            "sector",
            "is_active",
            "description",
            "rule_id",
        ]
