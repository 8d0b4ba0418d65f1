"""行政强制措施 API: ``/api/v1/coercive-measures/``. Lists and lookups are scoped through the case's agency; each
POST step calls ONE service in ``cases.services.coercion`` and returns the measure after the step."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.cases import services
from zhifa.cases.api.serializers import ScopedRelatedField
from zhifa.cases.choices import (
    CoerciveDisposal,
    CoerciveMeasureKind,
    CoerciveMeasureState,
    CoerciveReleaseGround,
)
from zhifa.cases.models import CoerciveMeasure, InventoryItem, PenaltyCase
from zhifa.catalog.models import EnforcementItem
from zhifa.personnel.models import Officer

# --- read shapes --------------------------------------------------------------------------------------------


class InventoryItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = InventoryItem
        fields = ["id", "name", "specification", "quantity", "unit", "condition_note"]


class CoerciveMeasureSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="penalty_case.case_number", read_only=True)
    agency = serializers.IntegerField(source="penalty_case.agency_id", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    enforcement_item_name = serializers.CharField(
        source="enforcement_item.name", read_only=True, default=None, allow_null=True
    )
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    release_ground_display = serializers.CharField(source="get_release_ground_display", read_only=True)
    disposal_display = serializers.CharField(source="get_disposal_display", read_only=True)
    officers = serializers.ManyRelatedField(
        child_relation=serializers.PrimaryKeyRelatedField(read_only=True), read_only=True
    )
    inventory_items = InventoryItemSerializer(many=True, read_only=True)

    class Meta:
        model = CoerciveMeasure
        fields = [
            "id",
            "penalty_case",
            "case_number",
            "agency",
            "kind",
            "kind_display",
            "enforcement_item",
            "enforcement_item_name",
            "state",
            "state_display",
            "emergency",
            "place",
            "reason",
            "legal_basis",
            "applied_by",
            "applied_on",
            "approved_by",
            "decided_on",
            "officers",
            "started_at",
            "started_on",
            "retro_approval_deadline",
            "term_deadline",
            "extension_days",
            "extension_reason",
            "extended_on",
            "extended_deadline",
            "testing_days",
            "testing_told_on",
            "due_on",
            "release_ground",
            "release_ground_display",
            "release_reason",
            "released_on",
            "disposal",
            "disposal_display",
            "disposal_note",
            "disposed_on",
            "inventory_items",
        ]
        read_only_fields = fields


# --- input shapes -------------------------------------------------------------------------------------------


class ApplyInput(serializers.Serializer):
    penalty_case = ScopedRelatedField(PenaltyCase, "案件")
    kind = serializers.ChoiceField(choices=CoerciveMeasureKind.choices, help_text="措施种类")
    enforcement_item = ScopedRelatedField(EnforcementItem, "行政强制事项")
    place = serializers.CharField(max_length=200, help_text="实施地点")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="实施理由（必填）")
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="", help_text="法律依据（必填）")


class EmergencyInput(ApplyInput):
    officers = ScopedRelatedField(Officer, "实施人员", many=True)


class StartInput(serializers.Serializer):
    officers = ScopedRelatedField(Officer, "实施人员", many=True)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="理由（必填）")


class ExtendInput(ReasonInput):
    days = serializers.IntegerField(min_value=1, max_value=365, help_text="延长天数（不超过30日）")


class TestingPeriodInput(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=365, help_text="检测、检验等期间（日）")
    told_on = serializers.DateField(help_text="书面告知当事人的日期")


class ReleaseInput(ReasonInput):
    ground = serializers.ChoiceField(choices=CoerciveReleaseGround.choices, help_text="解除情形（R-COE-008）")


class DisposeInput(serializers.Serializer):
    disposal = serializers.ChoiceField(choices=CoerciveDisposal.choices, help_text="处理方式")
    note = serializers.CharField(required=False, allow_blank=True, default="", help_text="处理说明")


class InventoryItemInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    specification = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3, min_value=Decimal("0"))
    unit = serializers.CharField(max_length=20)
    condition_note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


# --- views --------------------------------------------------------------------------------------------------


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


def _step(request_serializer: type[BaseSerializer] | None, *, created: bool = False, **kwargs: Any) -> Any:
    code = 201 if created else 200

    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={code: CoerciveMeasureSerializer})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap


class CoerciveMeasureFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=CoerciveMeasureState.choices)
    kind = django_filters.ChoiceFilter(choices=CoerciveMeasureKind.choices)
    penalty_case = django_filters.NumberFilter(field_name="penalty_case_id", label="案件编号（id）")

    class Meta:
        model = CoerciveMeasure
        fields = ["state", "kind", "penalty_case"]


class CoerciveMeasureViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """行政强制措施 (查封、扣押、冻结): apply (create) or take on the spot (``emergency``), approve, start, extend,
    release or dispose. Every refusal is a ``{code, field, message}`` naming the rule."""

    serializer_class = CoerciveMeasureSerializer
    filterset_class = CoerciveMeasureFilter

    def get_queryset(self) -> QuerySet[CoerciveMeasure]:
        return (
            CoerciveMeasure.objects.visible_to(self.request.user)
            .select_related("penalty_case", "enforcement_item")
            .prefetch_related("inventory_items", "officers")
        )

    def _measure(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(CoerciveMeasureSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(request=ApplyInput, responses={201: CoerciveMeasureSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """报请负责人批准采取行政强制措施 (R-COE-002)."""
        data = _input(ApplyInput, request)
        measure = services.apply_for_measure(actor=request.user, case=data.pop("penalty_case"), **data)
        return self._measure(measure.pk, status.HTTP_201_CREATED)

    @extend_schema(request=EmergencyInput, responses={201: CoerciveMeasureSerializer})
    @action(detail=False, methods=["post"])
    def emergency(self, request: Request) -> Response:
        """情况紧急，当场实施; retro approval within 24 hours (R-COE-003)."""
        data = _input(EmergencyInput, request)
        measure = services.take_emergency_measure(actor=request.user, case=data.pop("penalty_case"), **data)
        return self._measure(measure.pk, status.HTTP_201_CREATED)

    @_step(None)
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """负责人事先批准 (R-COE-002)."""
        measure = services.approve_measure(actor=request.user, measure=self.get_object())
        return self._measure(measure.pk)

    @_step(None, url_path="retro-approve")
    def retro_approve(self, request: Request, pk: str | None = None) -> Response:
        """补办批准手续 within 24 hours (R-COE-003)."""
        measure = services.retro_approve_measure(actor=request.user, measure=self.get_object())
        return self._measure(measure.pk)

    @_step(ReasonInput)
    def disapprove(self, request: Request, pk: str | None = None) -> Response:
        """负责人不予批准 → 立即解除 (R-COE-003)."""
        data = _input(ReasonInput, request)
        measure = services.disapprove_measure(actor=request.user, measure=self.get_object(), **data)
        return self._measure(measure.pk)

    @_step(StartInput)
    def start(self, request: Request, pk: str | None = None) -> Response:
        """实施 (R-COE-004/006, R-REC-003)."""
        data = _input(StartInput, request)
        measure = services.start_measure(actor=request.user, measure=self.get_object(), **data)
        return self._measure(measure.pk)

    @_step(ExtendInput)
    def extend(self, request: Request, pk: str | None = None) -> Response:
        """延长期限, once, ≤30 days (R-COE-007)."""
        data = _input(ExtendInput, request)
        measure = services.extend_measure(actor=request.user, measure=self.get_object(), **data)
        return self._measure(measure.pk)

    @_step(TestingPeriodInput, url_path="testing-period")
    def testing_period(self, request: Request, pk: str | None = None) -> Response:
        """检测期间, not counted in the term (R-COE-007)."""
        data = _input(TestingPeriodInput, request)
        measure = services.record_testing_period(actor=request.user, measure=self.get_object(), **data)
        return self._measure(measure.pk)

    @_step(ReleaseInput)
    def release(self, request: Request, pk: str | None = None) -> Response:
        """解除 (R-COE-008)."""
        data = _input(ReleaseInput, request)
        measure = services.release_measure(actor=request.user, measure=self.get_object(), **data)
        return self._measure(measure.pk)

    @_step(DisposeInput)
    def dispose(self, request: Request, pk: str | None = None) -> Response:
        """依法没收或者销毁 (R-COE-008)."""
        data = _input(DisposeInput, request)
        measure = services.dispose_measure(actor=request.user, measure=self.get_object(), **data)
        return self._measure(measure.pk)

    @_step(InventoryItemInput, created=True, url_path="inventory-items")
    def inventory_items(self, request: Request, pk: str | None = None) -> Response:
        """清单: add one item (R-COE-006)."""
        data = _input(InventoryItemInput, request)
        measure = self.get_object()
        services.add_inventory_item(actor=request.user, measure=measure, **data)
        return self._measure(measure.pk, status.HTTP_201_CREATED)
