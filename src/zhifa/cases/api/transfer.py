"""行刑衔接 API: ``/api/v1/criminal-transfers/`` (scoped through the case's agency). Create = 专案组报告 (propose);
each later step is one POST calling one service in ``cases.services.transfer``; the response is the record."""

from __future__ import annotations

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
from zhifa.cases.choices import CriminalTransferPoliceDecision, CriminalTransferState, TransferMaterial
from zhifa.cases.models import CriminalTransfer, PenaltyCase
from zhifa.personnel.models import Officer

# --- read shape -----------------------------------------------------------------------------------------------


class CriminalTransferSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="penalty_case.case_number", read_only=True)
    agency_name = serializers.CharField(source="penalty_case.agency.name", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    team_names: serializers.SlugRelatedField[Officer] = serializers.SlugRelatedField(
        source="team", slug_field="name", many=True, read_only=True
    )
    proposed_by_name = serializers.CharField(source="proposed_by.name", read_only=True)
    approved_by_name = serializers.CharField(source="approved_by.name", read_only=True, default=None, allow_null=True)
    refused_by_name = serializers.CharField(source="refused_by.name", read_only=True, default=None, allow_null=True)
    materials = serializers.ListField(
        child=serializers.ChoiceField(choices=TransferMaterial.choices), read_only=True, help_text="移送材料"
    )
    is_head_decision_late = serializers.BooleanField(read_only=True, help_text="负责人超过3日作出审批（R-TRN-004）")
    is_transfer_late = serializers.BooleanField(read_only=True, help_text="批准后超过24小时移送（R-TRN-005）")
    is_police_reply_late = serializers.BooleanField(read_only=True, help_text="公安机关超过3日作出决定（R-TRN-007）")

    class Meta:
        model = CriminalTransfer
        fields = [
            "id",
            "penalty_case",
            "case_number",
            "agency_name",
            "state",
            "state_display",
            "charge",
            "facts",
            "team",
            "team_names",
            "proposed_at",
            "proposed_by",
            "proposed_by_name",
            "head_decision_deadline",
            "is_head_decision_late",
            "approved_at",
            "approved_by",
            "approved_by_name",
            "refused_at",
            "refused_by",
            "refused_by_name",
            "refusal_reason",
            "transfer_deadline",
            "transferred_at",
            "is_transfer_late",
            "public_security",
            "materials",
            "copied_to_procuratorate_on",
            "police_received_on",
            "police_reply_deadline",
            "police_decision",
            "police_decided_on",
            "police_notice_received_on",
            "police_decision_reason",
            "is_police_reply_late",
            "reconsideration_deadline",
            "reconsideration_requested_on",
            "reconsideration_reply_deadline",
            "reconsideration_answered_on",
            "handover_deadline",
            "items_handed_over_on",
            "case_resumed_at",
        ]
        read_only_fields = fields


# --- input ----------------------------------------------------------------------------------------------------


class ProposeTransferSerializer(serializers.Serializer):
    penalty_case = ScopedRelatedField(PenaltyCase, "案件")
    charge = serializers.CharField(required=False, allow_blank=True, default="", help_text="涉嫌罪名")
    facts = serializers.CharField(required=False, allow_blank=True, default="", help_text="涉嫌犯罪的事实")
    team = ScopedRelatedField(Officer, "专案组成员", many=True)


class RefuseTransferSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="不批准理由（必填）")


class TransferToPoliceSerializer(serializers.Serializer):
    public_security = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="接收移送的公安机关"
    )
    materials = serializers.ListField(
        child=serializers.ChoiceField(choices=TransferMaterial.choices), default=list, help_text="移送材料"
    )
    copied_to_procuratorate_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="抄送同级人民检察院日期"
    )
    police_received_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="公安机关签收日期（默认今天）"
    )


class PoliceDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=CriminalTransferPoliceDecision.choices, help_text="公安机关决定")
    decided_on = serializers.DateField(help_text="公安机关决定日期")
    notice_received_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="收到决定通知书日期（默认同决定日期）"
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="不予立案理由")


class ReconsiderationSerializer(serializers.Serializer):
    requested_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="提请复议日期")


class HandoverSerializer(serializers.Serializer):
    handed_over_on = serializers.DateField(help_text="移交涉案物品及材料日期")


class ResumeCaseSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="恢复办理说明")


# --- views ----------------------------------------------------------------------------------------------------


class CriminalTransferFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=CriminalTransferState.choices)

    class Meta:
        model = CriminalTransfer
        fields = ["state", "penalty_case"]


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


def _step(request_serializer: type[BaseSerializer] | None, **kwargs: Any) -> Any:
    """``@extend_schema`` + ``@action`` for one POST step on a transfer."""

    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={200: CriminalTransferSerializer})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap


class CriminalTransferViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """涉嫌犯罪案件移送 (行刑衔接, R-TRN-001..012)."""

    serializer_class = CriminalTransferSerializer
    filterset_class = CriminalTransferFilter

    def get_queryset(self) -> QuerySet[CriminalTransfer]:
        return (
            CriminalTransfer.objects.visible_to(self.request.user)
            .select_related("penalty_case__agency", "proposed_by", "approved_by", "refused_by")
            .prefetch_related("team")
        )

    def _record(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(CriminalTransferSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(request=ProposeTransferSerializer, responses={201: CriminalTransferSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """专案组报告负责人 (R-TRN-003): the case must be crime-suspected; the head has 3 days (R-TRN-004)."""
        data = _input(ProposeTransferSerializer, request)
        transfer = services.propose_transfer(
            actor=request.user,
            case=data["penalty_case"],
            charge=data["charge"],
            facts=data["facts"],
            team=data["team"],
        )
        return self._record(transfer.pk, status.HTTP_201_CREATED)

    @_step(None)
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """负责人批准移送 (R-TRN-004); transfer within 24 hours (R-TRN-005)."""
        transfer = services.approve_transfer(actor=request.user, transfer=self.get_object())
        return self._record(transfer.pk)

    @_step(RefuseTransferSerializer)
    def refuse(self, request: Request, pk: str | None = None) -> Response:
        """负责人不批准移送, with the reasons (R-TRN-004)."""
        data = _input(RefuseTransferSerializer, request)
        transfer = services.refuse_transfer(actor=request.user, transfer=self.get_object(), **data)
        return self._record(transfer.pk)

    @_step(TransferToPoliceSerializer)
    def transfer(self, request: Request, pk: str | None = None) -> Response:
        """移送公安机关 with the full materials and the procuratorate copy (R-TRN-005/006/012)."""
        data = _input(TransferToPoliceSerializer, request)
        transfer = services.transfer_to_police(actor=request.user, transfer=self.get_object(), **data)
        return self._record(transfer.pk)

    @_step(PoliceDecisionSerializer, url_path="police-decision")
    def police_decision(self, request: Request, pk: str | None = None) -> Response:
        """公安机关立案 / 不予立案, or their answer to a reconsideration request (R-TRN-007/008)."""
        data = _input(PoliceDecisionSerializer, request)
        transfer = services.record_police_decision(actor=request.user, transfer=self.get_object(), **data)
        return self._record(transfer.pk)

    @_step(ReconsiderationSerializer)
    def reconsideration(self, request: Request, pk: str | None = None) -> Response:
        """提请公安机关复议 within 3 days of the 不予立案 notice (R-TRN-008)."""
        data = _input(ReconsiderationSerializer, request)
        transfer = services.request_reconsideration(actor=request.user, transfer=self.get_object(), **data)
        return self._record(transfer.pk)

    @_step(HandoverSerializer)
    def handover(self, request: Request, pk: str | None = None) -> Response:
        """移交涉案物品及材料 within 3 days of the filing notice (R-TRN-009)."""
        data = _input(HandoverSerializer, request)
        transfer = services.record_handover(actor=request.user, transfer=self.get_object(), **data)
        return self._record(transfer.pk)

    @_step(ResumeCaseSerializer, url_path="resume-case")
    def resume_case(self, request: Request, pk: str | None = None) -> Response:
        """恢复办理 (R-TRN-010): the case goes back to 案件审核 without the crime flag."""
        data = _input(ResumeCaseSerializer, request)
        transfer = self.get_object()
        services.resume_case(actor=request.user, transfer=transfer, **data)
        return self._record(transfer.pk)
