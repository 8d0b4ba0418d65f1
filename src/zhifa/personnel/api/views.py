"""Thin API views: scoped lists and lookups (``visible_to``), one service call per business action."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.core.calendar import today
from zhifa.org.models import Sector
from zhifa.personnel import services
from zhifa.personnel.api.serializers import (
    CanEnforceQuerySerializer,
    CanEnforceSerializer,
    CertificateSerializer,
    LeavePostSerializer,
    OfficerRevealRequestSerializer,
    OfficerRevealResponseSerializer,
    OfficerSerializer,
    ReasonSerializer,
)
from zhifa.personnel.models import Certificate, Officer


class OfficerFilter(filters.FilterSet):
    agency = filters.NumberFilter(field_name="agency_id")

    class Meta:
        model = Officer
        fields = ["agency", "kind", "is_on_post"]


class CertificateFilter(filters.FilterSet):
    officer = filters.NumberFilter(field_name="officer_id")
    agency = filters.NumberFilter(field_name="officer__agency_id")

    class Meta:
        model = Certificate
        fields = ["officer", "agency", "state", "kind"]


class _TodayContextMixin:
    def get_serializer_context(self) -> dict[str, Any]:
        context: dict[str, Any] = super().get_serializer_context()  # type: ignore[misc]
        context["today"] = today()
        return context


class OfficerViewSet(_TodayContextMixin, viewsets.ReadOnlyModelViewSet):
    """执法人员 in the caller's data scope, with certificates and today's 持证上岗 answer."""

    serializer_class = OfficerSerializer
    filterset_class = OfficerFilter

    def get_queryset(self) -> Any:
        return Officer.objects.visible_to(self.request.user).with_certificates()

    @extend_schema(
        parameters=[
            OpenApiParameter("on", str, description="日期 YYYY-MM-DD，默认今日"),
            OpenApiParameter("sector", str, description="执法领域代码"),
        ],
        responses=CanEnforceSerializer,
    )
    @action(detail=True, methods=["get"], url_path="can-enforce")
    def can_enforce(self, request: Request, pk: str | None = None) -> Response:
        """R-PER-001: may this officer enforce on the day, in the sector?"""
        officer = self.get_object()
        query = CanEnforceQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        code = query.validated_data.get("sector") or None
        if code and not Sector.objects.filter(code=code).exists():
            raise ValidationError({"sector": f"执法领域代码“{code}”不存在"})
        reason = services.enforcement_refusal(officer, on=query.validated_data.get("on") or today(), sector=code)
        return Response(CanEnforceSerializer({"can_enforce": reason is None, "reason": reason}).data)

    @extend_schema(request=OfficerRevealRequestSerializer, responses=OfficerRevealResponseSerializer)
    @action(detail=True, methods=["post"], url_path="reveal")
    def reveal(self, request: Request, pk: str | None = None) -> Response:
        """查看一个个人信息字段的完整值（仅限所属单位的单位管理员；每次查看均留痕，R-PRV-006）。"""
        officer = self.get_object()
        body = OfficerRevealRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        field = body.validated_data["field"]
        value = services.reveal_personal_data(
            officer, field=field, user=request.user, purpose=body.validated_data["purpose"]
        )
        return Response(OfficerRevealResponseSerializer({"field": field, "value": value}).data)

    @extend_schema(request=LeavePostSerializer, responses=OfficerSerializer)
    @action(detail=True, methods=["post"], url_path="leave-post")
    def leave_post(self, request: Request, pk: str | None = None) -> Response:
        """离岗: R-PER-003 cancels every certificate not yet cancelled."""
        officer = self.get_object()
        body = LeavePostSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.record_leaving_post(
            officer,
            on=body.validated_data.get("on") or today(),
            reason=body.validated_data["reason"],
            actor=request.user,
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=officer.pk)).data)


class CertificateViewSet(_TodayContextMixin, viewsets.ReadOnlyModelViewSet):
    """行政执法证 in the caller's data scope; 暂扣/恢复/注销 as actions."""

    serializer_class = CertificateSerializer
    filterset_class = CertificateFilter

    def get_queryset(self) -> Any:
        return (
            Certificate.objects.visible_to(self.request.user)
            .select_related("officer__agency")
            .prefetch_related("sectors", "status_changes")
        )

    def _move(self, request: Request, service: Any) -> Response:
        certificate = self.get_object()
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        service(certificate, reason=body.validated_data["reason"], actor=request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=certificate.pk)).data)

    @extend_schema(request=ReasonSerializer, responses=CertificateSerializer)
    @action(detail=True, methods=["post"])
    def suspend(self, request: Request, pk: str | None = None) -> Response:
        """暂扣 a valid certificate (reason required)."""
        return self._move(request, services.suspend_certificate)

    @extend_schema(request=ReasonSerializer, responses=CertificateSerializer)
    @action(detail=True, methods=["post"])
    def reinstate(self, request: Request, pk: str | None = None) -> Response:
        """恢复 a suspended certificate (reason required)."""
        return self._move(request, services.reinstate_certificate)

    @extend_schema(request=ReasonSerializer, responses=CertificateSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        """注销 a valid or suspended certificate (reason required)."""
        return self._move(request, services.cancel_certificate)
