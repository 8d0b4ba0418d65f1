"""Catalog API: enforcement items (scoped list/retrieve, one POST per transition), A/V list, criteria."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.catalog import services
from zhifa.catalog.api.serializers import (
    AvRequirementSerializer,
    EnforcementItemDetailSerializer,
    EnforcementItemSerializer,
    MajorDecisionCriterionSerializer,
    PublishItemSerializer,
    ReviseItemSerializer,
)
from zhifa.catalog.models import AvRequirement, EnforcementItem, MajorDecisionCriterion
from zhifa.laws.models import Article


class EnforcementItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="名称或编码关键字")

    class Meta:
        model = EnforcementItem
        fields = ["kind", "agency", "sector", "state", "code"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value)


_BASIS = Article.objects.select_related("version__law").order_by(
    "version__law__title", "number", "paragraph", "subparagraph", "id"
)


class EnforcementItemViewSet(viewsets.ReadOnlyModelViewSet):
    """执法事项清单. Transitions are one POST each; every one calls one service."""

    filterset_class = EnforcementItemFilter

    def get_queryset(self) -> QuerySet[EnforcementItem]:
        return (
            EnforcementItem.objects.visible_to(self.request.user)
            .select_related("agency", "sector")
            .prefetch_related(
                Prefetch("establishing_basis", queryset=_BASIS), Prefetch("penalty_basis", queryset=_BASIS)
            )
        )

    def get_serializer_class(self) -> type[BaseSerializer]:
        if self.action == "retrieve":
            return EnforcementItemDetailSerializer
        if self.action == "revise":
            return ReviseItemSerializer
        if self.action == "publish":
            return PublishItemSerializer
        return EnforcementItemSerializer

    def _respond(self, item: EnforcementItem, status: int = 200) -> Response:
        item = self.get_queryset().get(pk=item.pk)
        return Response(EnforcementItemDetailSerializer(item).data, status=status)

    @extend_schema(request=PublishItemSerializer, responses=EnforcementItemDetailSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        """发布（草稿 → 有效）；发布修订版本时替代上一版本。"""
        body = PublishItemSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.publish_item(
            user=request.user, item=self.get_object(), effective_on=body.validated_data.get("effective_on")
        )
        return self._respond(item)

    @extend_schema(request=ReviseItemSerializer, responses={201: EnforcementItemDetailSerializer})
    @action(detail=True, methods=["post"])
    def revise(self, request: Request, pk: str | None = None) -> Response:
        """修订：生成新版本草稿。"""
        body = ReviseItemSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.revise_item(user=request.user, item=self.get_object(), **body.validated_data)
        return self._respond(item, status=201)

    @extend_schema(request=None, responses=EnforcementItemDetailSerializer)
    @action(detail=True, methods=["post"])
    def suspend(self, request: Request, pk: str | None = None) -> Response:
        """暂停。"""
        return self._respond(services.suspend_item(user=request.user, item=self.get_object()))

    @extend_schema(request=None, responses=EnforcementItemDetailSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str | None = None) -> Response:
        """恢复。"""
        return self._respond(services.resume_item(user=request.user, item=self.get_object()))

    @extend_schema(request=None, responses=EnforcementItemDetailSerializer)
    @action(detail=True, methods=["post"])
    def abolish(self, request: Request, pk: str | None = None) -> Response:
        """取消。"""
        return self._respond(services.abolish_item(user=request.user, item=self.get_object()))


class AvRequirementViewSet(viewsets.ReadOnlyModelViewSet):
    """音像记录事项清单."""

    serializer_class = AvRequirementSerializer
    filterset_fields = ["agency", "step", "item"]

    def get_queryset(self) -> QuerySet[AvRequirement]:
        return AvRequirement.objects.visible_to(self.request.user)


class MajorDecisionCriterionViewSet(viewsets.ReadOnlyModelViewSet):
    """重大执法决定法制审核目录清单."""

    serializer_class = MajorDecisionCriterionSerializer
    filterset_fields = ["kind", "agency", "is_active"]

    def get_queryset(self) -> QuerySet[MajorDecisionCriterion]:
        return MajorDecisionCriterion.objects.visible_to(self.request.user)
