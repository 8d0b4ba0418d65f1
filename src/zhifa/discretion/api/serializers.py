"""Serializers of the discretion API: read shapes, and input shapes that the services check."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.catalog.choices import PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.discretion.choices import DiscretionTier, ExemptionKind, FlexibleMeasureKind, MatchMode, MultipleBase
from zhifa.discretion.models import (
    BenchmarkTier,
    DiscretionBenchmark,
    ExemptionList,
    ExemptionListEntry,
    TierCondition,
)
from zhifa.discretion.services import ConditionInput, TierInput
from zhifa.laws.models import Article
from zhifa.org.models import Agency

MONEY: dict[str, Any] = {
    "max_digits": 14,
    "decimal_places": 2,
    "min_value": Decimal("0"),
    "required": False,
    "allow_null": True,
}
MULTIPLE: dict[str, Any] = {
    "max_digits": 8,
    "decimal_places": 2,
    "min_value": Decimal("0"),
    "required": False,
    "allow_null": True,
}


class InScope(serializers.PrimaryKeyRelatedField):
    """A primary key looked up in ``Model.objects.visible_to(request.user)``; outside the scope → 400."""

    def __init__(self, model: type[models.Model], label: str, **kwargs: Any) -> None:
        self.scoped_model = model
        kwargs.setdefault("queryset", model._default_manager.all())  # for the schema only
        kwargs["error_messages"] = {"does_not_exist": f"{label}：编号为{{pk_value}}的记录不存在或不在您的数据范围内"}
        kwargs.setdefault("help_text", f"{label}（编号，须在您的数据范围内）")
        super().__init__(**kwargs)

    def get_queryset(self) -> Any:
        return self.scoped_model._default_manager.visible_to(self.context["request"].user)  # type: ignore[attr-defined]


# --- read shapes ---------------------------------------------------------------------------------------------


class TierConditionSerializer(serializers.ModelSerializer):
    circumstance = serializers.CharField(source="circumstance.code", read_only=True)
    circumstance_name = serializers.CharField(source="circumstance.name", read_only=True)
    text = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = TierCondition
        fields = ["circumstance", "circumstance_name", "min_value", "max_value", "text"]


class BenchmarkTierSerializer(serializers.ModelSerializer):
    tier_display = serializers.CharField(source="get_tier_display", read_only=True)
    range_text = serializers.CharField(read_only=True)
    conditions = TierConditionSerializer(many=True, read_only=True)

    class Meta:
        model = BenchmarkTier
        fields = [
            "tier",
            "tier_display",
            "conditions_text",
            "match_mode",
            "conditions",
            "fine_min_amount",
            "fine_max_amount",
            "multiple_min",
            "multiple_max",
            "range_text",
            "allowed_kinds",
            "required_kinds",
        ]


class DiscretionBenchmarkSerializer(serializers.ModelSerializer):
    item_code = serializers.CharField(source="enforcement_item.code", read_only=True)
    item_name = serializers.CharField(source="enforcement_item.name", read_only=True)
    agency = serializers.IntegerField(source="enforcement_item.agency_id", read_only=True)
    agency_name = serializers.CharField(source="enforcement_item.agency.name", read_only=True)
    penalty_article_citation = serializers.CharField(source="penalty_article.citation", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    tiers = serializers.SerializerMethodField()

    class Meta:
        model = DiscretionBenchmark
        fields = [
            "id",
            "title",
            "enforcement_item",
            "item_code",
            "item_name",
            "agency",
            "agency_name",
            "penalty_article",
            "penalty_article_citation",
            "violation",
            "legal_fine_min_amount",
            "legal_fine_max_amount",
            "legal_multiple_min",
            "legal_multiple_max",
            "multiple_base",
            "notes",
            "state",
            "state_display",
            "version",
            "previous_version",
            "effective_on",
            "ended_on",
            "published_on",
            "tiers",
        ]
        read_only_fields = fields

    @extend_schema_field(BenchmarkTierSerializer(many=True))
    def get_tiers(self, obj: DiscretionBenchmark) -> list[dict[str, Any]]:
        """The tiers from the most lenient to the most severe."""
        return list(BenchmarkTierSerializer(obj.ordered_tiers(), many=True).data)


class ExemptionListSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = ExemptionList
        fields = [
            "id",
            "name",
            "agency",
            "agency_name",
            "document_number",
            "state",
            "state_display",
            "effective_on",
            "ended_on",
        ]
        read_only_fields = fields


class ExemptionListEntrySerializer(serializers.ModelSerializer):
    list_name = serializers.CharField(source="exemption_list.name", read_only=True)
    list_state = serializers.CharField(source="exemption_list.state", read_only=True)
    item_code = serializers.CharField(source="enforcement_item.code", read_only=True)
    item_name = serializers.CharField(source="enforcement_item.name", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    required_circumstances = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)  # type: ignore[var-annotated]

    class Meta:
        model = ExemptionListEntry
        fields = [
            "id",
            "exemption_list",
            "list_name",
            "list_state",
            "sequence",
            "enforcement_item",
            "item_code",
            "item_name",
            "kind",
            "kind_display",
            "violation",
            "conditions_text",
            "required_circumstances",
            "legal_basis",
            "correction_calendar_days",
            "measures",
        ]
        read_only_fields = fields


# --- input shapes --------------------------------------------------------------------------------------------


class ConditionInputSerializer(serializers.Serializer):
    circumstance = serializers.SlugField(help_text="裁量情节代码，如 first_violation、goods_value")
    min_value = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    max_value = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)


class TierInputSerializer(serializers.Serializer):
    tier = serializers.ChoiceField(choices=DiscretionTier.choices)
    conditions_text = serializers.CharField(required=False, allow_blank=True, default="")
    match_mode = serializers.ChoiceField(choices=MatchMode.choices, default=MatchMode.ANY)
    fine_min_amount = serializers.DecimalField(**MONEY)
    fine_max_amount = serializers.DecimalField(**MONEY)
    multiple_min = serializers.DecimalField(**MULTIPLE)
    multiple_max = serializers.DecimalField(**MULTIPLE)
    allowed_kinds = serializers.ListField(child=serializers.ChoiceField(choices=PenaltyKind.choices), default=list)
    required_kinds = serializers.ListField(child=serializers.ChoiceField(choices=PenaltyKind.choices), default=list)
    conditions = ConditionInputSerializer(many=True, required=False, default=list)


def tier_input(data: dict[str, Any]) -> TierInput:
    conditions = [ConditionInput(**dict(c)) for c in data.pop("conditions", [])]
    return TierInput(**data, conditions=conditions)


class BenchmarkCreateSerializer(serializers.Serializer):
    enforcement_item = InScope(EnforcementItem, "执法事项")
    penalty_article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all(), help_text="处罚依据条款编号")
    title = serializers.CharField(max_length=200)
    violation = serializers.CharField(required=False, allow_blank=True, default="")
    legal_fine_min_amount = serializers.DecimalField(**MONEY)
    legal_fine_max_amount = serializers.DecimalField(**MONEY)
    legal_multiple_min = serializers.DecimalField(**MULTIPLE)
    legal_multiple_max = serializers.DecimalField(**MULTIPLE)
    multiple_base = serializers.ChoiceField(choices=MultipleBase.choices, default=MultipleBase.ILLEGAL_GAINS)
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    effective_on = serializers.DateField(required=False, allow_null=True, default=None)
    tiers = TierInputSerializer(many=True, required=False, default=list)

    def validate_tiers(self, value: list[dict[str, Any]]) -> list[TierInput]:
        return [tier_input(dict(t)) for t in value]


class EffectiveOnSerializer(serializers.Serializer):
    effective_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="生效日期，默认今天")


class ExemptionListCreateSerializer(serializers.Serializer):
    agency = InScope(Agency, "发布单位")
    name = serializers.CharField(max_length=200)
    document_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    effective_on = serializers.DateField(required=False, allow_null=True, default=None)


class ExemptionEntryCreateSerializer(serializers.Serializer):
    exemption_list = InScope(ExemptionList, "免罚清单")
    enforcement_item = InScope(EnforcementItem, "执法事项")
    kind = serializers.ChoiceField(choices=ExemptionKind.choices)
    violation = serializers.CharField()
    conditions_text = serializers.CharField()
    required_circumstances = serializers.ListField(child=serializers.SlugField(), default=list)
    legal_basis = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    correction_calendar_days = serializers.IntegerField(min_value=1, max_value=365, required=False, allow_null=True)
    measures = serializers.ListField(child=serializers.ChoiceField(choices=FlexibleMeasureKind.choices), default=list)
    sequence = serializers.IntegerField(min_value=1, required=False, allow_null=True)
