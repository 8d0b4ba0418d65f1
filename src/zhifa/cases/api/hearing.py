"""听证 API: ``/api/v1/hearings/``. Lists and lookups are scoped through the case's agency; ``POST`` (create)
schedules (or re-schedules) the hearing of a case in ``hearing``; each other POST step calls ONE service in
``cases.services.hearing`` and returns the hearing after the step (R-HEA-004..010)."""

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
from zhifa.cases.choices import HearingClosedReason, HearingState, HearingWaiverReason
from zhifa.cases.models import Hearing, HearingAgent, HearingRecusal, PenaltyCase
from zhifa.personnel.models import Officer

# --- read shapes --------------------------------------------------------------------------------------------


class HearingAgentSerializer(serializers.ModelSerializer):
    class Meta:
        model = HearingAgent
        fields = ["id", "name", "capacity", "authorization"]
        read_only_fields = fields


class HearingRecusalSerializer(serializers.ModelSerializer):
    officer_name = serializers.CharField(source="officer.name", read_only=True)

    class Meta:
        model = HearingRecusal
        fields = ["id", "officer", "officer_name", "requested_on", "reason", "granted"]
        read_only_fields = fields


class HearingSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="penalty_case.case_number", read_only=True)
    agency = serializers.IntegerField(source="penalty_case.agency_id", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    presiding_officer_name = serializers.CharField(
        source="presiding_officer.name", read_only=True, default=None, allow_null=True
    )
    clerk_name = serializers.CharField(source="clerk.name", read_only=True, default=None, allow_null=True)
    closed_reason_display = serializers.CharField(source="get_closed_reason_display", read_only=True)
    waiver_reason_display = serializers.CharField(source="get_waiver_reason_display", read_only=True)
    agents = HearingAgentSerializer(many=True, read_only=True)
    recusals = HearingRecusalSerializer(many=True, read_only=True)

    class Meta:
        model = Hearing
        fields = [
            "id",
            "penalty_case",
            "case_number",
            "agency",
            "state",
            "state_display",
            "requested_on",
            "presiding_officer",
            "presiding_officer_name",
            "clerk",
            "clerk_name",
            "scheduled_at",
            "place",
            "notice_sent_on",
            "is_public",
            "closed_reason",
            "closed_reason_display",
            "agents",
            "recusals",
            "held_at",
            "party_attended",
            "transcript",
            "transcript_signed",
            "signature_refusal_note",
            "waiver_reason",
            "waiver_reason_display",
            "waiver_note",
            "waived_on",
            "report",
            "reported_on",
        ]
        read_only_fields = fields


# --- input shapes -------------------------------------------------------------------------------------------


class ScheduleHearingSerializer(serializers.Serializer):
    penalty_case = ScopedRelatedField(PenaltyCase, "案件")
    presiding_officer = ScopedRelatedField(Officer, "听证主持人")
    clerk = ScopedRelatedField(Officer, "书记员", required=False, allow_null=True, default=None)
    scheduled_at = serializers.DateTimeField(help_text="听证时间")
    place = serializers.CharField(max_length=200, help_text="听证地点")
    notice_sent_on = serializers.DateField(help_text="听证通知送达日期（须在听证七个工作日前，R-HEA-004）")
    is_public = serializers.BooleanField(required=False, default=True)
    closed_reason = serializers.ChoiceField(
        choices=HearingClosedReason.choices, required=False, allow_blank=True, default="", help_text="R-HEA-005"
    )


class AgentInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=50, help_text="代理人姓名")
    capacity = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    authorization = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class RecusalInputSerializer(serializers.Serializer):
    officer = ScopedRelatedField(Officer, "被申请回避人员")
    requested_on = serializers.DateField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    granted = serializers.BooleanField(help_text="负责人是否决定回避")


class HoldInputSerializer(serializers.Serializer):
    held_at = serializers.DateTimeField()
    party_attended = serializers.BooleanField()
    transcript = serializers.CharField(required=False, allow_blank=True, default="", help_text="听证笔录")
    transcript_signed = serializers.BooleanField(help_text="笔录经当事人或代理人核对签字")
    signature_refusal_note = serializers.CharField(required=False, allow_blank=True, default="")


class WaiveInputSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=HearingWaiverReason.choices, help_text="R-HEA-008")
    waived_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReportInputSerializer(serializers.Serializer):
    report = serializers.CharField(required=False, allow_blank=True, default="", help_text="听证报告")
    reported_on = serializers.DateField(required=False, allow_null=True, default=None)


# --- views --------------------------------------------------------------------------------------------------


class HearingFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=HearingState.choices)

    class Meta:
        model = Hearing
        fields = ["state", "penalty_case"]


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


def _step(request_serializer: type[BaseSerializer], *, created: bool = False, **kwargs: Any) -> Any:
    code = 201 if created else 200

    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={code: HearingSerializer})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap


class HearingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """听证. ``POST`` schedules (or re-schedules) a case's hearing; every other step is one POST."""

    serializer_class = HearingSerializer
    filterset_class = HearingFilter

    def get_queryset(self) -> QuerySet[Hearing]:
        return (
            Hearing.objects.visible_to(self.request.user)
            .select_related("penalty_case", "presiding_officer", "clerk")
            .prefetch_related("agents", "recusals__officer")
        )

    def _hearing(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(HearingSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(request=ScheduleHearingSerializer, responses={201: HearingSerializer, 200: HearingSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """听证通知 (R-HEA-004/005/006): 201 for a new hearing, 200 when an existing one is re-scheduled."""
        data = _input(ScheduleHearingSerializer, request)
        case = data.pop("penalty_case")
        existed = Hearing.objects.filter(penalty_case=case).exists()
        hearing = services.schedule_hearing(actor=request.user, case=case, **data)
        return self._hearing(hearing.pk, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    @_step(AgentInputSerializer, created=True, url_path="agents")
    def agents(self, request: Request, pk: str | None = None) -> Response:
        """委托代理人 (R-HEA-007): a third is refused."""
        hearing = self.get_object()
        services.add_agent(actor=request.user, hearing=hearing, **_input(AgentInputSerializer, request))
        return self._hearing(hearing.pk, status.HTTP_201_CREATED)

    @_step(RecusalInputSerializer, created=True, url_path="recusals")
    def recusals(self, request: Request, pk: str | None = None) -> Response:
        """当事人申请回避, decided by the head (R-HEA-006)."""
        hearing = self.get_object()
        services.record_recusal(actor=request.user, hearing=hearing, **_input(RecusalInputSerializer, request))
        return self._hearing(hearing.pk, status.HTTP_201_CREATED)

    @_step(HoldInputSerializer, url_path="hold")
    def hold(self, request: Request, pk: str | None = None) -> Response:
        """听证已举行, transcript checked and signed (R-HEA-009)."""
        hearing = self.get_object()
        services.record_hearing_held(actor=request.user, hearing=hearing, **_input(HoldInputSerializer, request))
        return self._hearing(hearing.pk)

    @_step(WaiveInputSerializer, url_path="waive")
    def waive(self, request: Request, pk: str | None = None) -> Response:
        """放弃听证 (R-HEA-008): the case goes on to the decision."""
        hearing = self.get_object()
        services.record_hearing_waived(actor=request.user, hearing=hearing, **_input(WaiveInputSerializer, request))
        return self._hearing(hearing.pk)

    @_step(ReportInputSerializer, url_path="report")
    def report(self, request: Request, pk: str | None = None) -> Response:
        """听证报告 (R-HEA-010): the case goes on to the decision with legal review required."""
        hearing = self.get_object()
        services.submit_hearing_report(actor=request.user, hearing=hearing, **_input(ReportInputSerializer, request))
        return self._hearing(hearing.pk)
