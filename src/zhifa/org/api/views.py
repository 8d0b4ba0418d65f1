from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.org import services
from zhifa.org.api.serializers import (
    AgencyCreateSerializer,
    AgencySerializer,
    AgencyWriteSerializer,
    CurrentUserSerializer,
    RegionSerializer,
    SectorSerializer,
)
from zhifa.org.models import Agency, Region, Sector


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """行政区划：本人管辖区域及下级。"""

    serializer_class = RegionSerializer
    filterset_fields = ["level", "parent"]

    def get_queryset(self) -> QuerySet[Region]:
        return Region.objects.visible_to(self.request.user).select_related("parent__parent__parent__parent")


class SectorViewSet(viewsets.ReadOnlyModelViewSet):
    """执法领域。"""

    serializer_class = SectorSerializer
    queryset = Sector.objects.all()


class AgencyViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """执法主体：本单位，或司法局监督范围内的全部单位。"""

    serializer_class = AgencySerializer
    filterset_fields = ["kind", "region", "is_judicial_bureau"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Agency]:
        return (
            Agency.objects.visible_to(self.request.user)
            .select_related("region__parent__parent__parent")
            .prefetch_related("sectors", "departments")
        )

    @extend_schema(request=AgencyCreateSerializer, responses={201: AgencySerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = AgencyCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        agency = services.create_agency(actor=request.user, **data.validated_data)
        return Response(AgencySerializer(agency).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AgencyWriteSerializer, responses={200: AgencySerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = AgencyWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        agency = services.update_agency(actor=request.user, agency=self.get_object(), **data.validated_data)
        return Response(AgencySerializer(agency).data)


class MeViewSet(viewsets.ViewSet):
    """当前登录用户及其角色。"""

    @extend_schema(responses=CurrentUserSerializer)
    @action(detail=False, methods=["get"], url_path="")
    def me(self, request: Request) -> Response:
        return Response(CurrentUserSerializer(request.user).data)
