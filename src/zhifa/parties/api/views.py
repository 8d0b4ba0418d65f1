from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.parties import services
from zhifa.parties.api.filters import PartyFilter
from zhifa.parties.api.serializers import PartySerializer, RevealRequestSerializer, RevealResponseSerializer
from zhifa.parties.models import Party


class PartyViewSet(viewsets.ReadOnlyModelViewSet):
    """行政相对人：本人数据范围内（所属区划及下级）的相对人；个人信息字段已脱敏。"""

    serializer_class = PartySerializer
    filterset_class = PartyFilter

    def get_queryset(self) -> QuerySet[Party]:
        return Party.objects.visible_to(self.request.user).select_related("region")

    @extend_schema(request=RevealRequestSerializer, responses={200: RevealResponseSerializer})
    @action(detail=True, methods=["post"], url_path="reveal")
    def reveal(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """查看一个个人信息字段的完整值（仅限有需要的角色；每次查看均留痕，R-PRV-006）。"""
        data = RevealRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        field = data.validated_data["field"]
        value = services.reveal_personal_data(
            self.get_object(), field=field, user=request.user, purpose=data.validated_data["purpose"]
        )
        return Response(RevealResponseSerializer({"field": field, "value": value}).data)
