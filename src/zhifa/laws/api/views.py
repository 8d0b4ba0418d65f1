"""Laws API: read-only lists, and the citation lookup."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.laws import services
from zhifa.laws.api.serializers import (
    ArticleLookupQuerySerializer,
    ArticleSerializer,
    LawDetailSerializer,
    LawSerializer,
)
from zhifa.laws.models import Article, Law, LawVersion


class LawFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="名称关键字")

    class Meta:
        model = Law
        fields = ["level"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value)


class LawViewSet(viewsets.ReadOnlyModelViewSet):
    """法律法规规章."""

    filterset_class = LawFilter

    def get_queryset(self) -> QuerySet[Law]:
        qs = Law.objects.visible_to(self.request.user)
        if self.action == "retrieve":
            qs = qs.prefetch_related(Prefetch("versions", queryset=LawVersion.objects.order_by("effective_on", "id")))
        return qs

    def get_serializer_class(self) -> type[LawSerializer]:
        return LawDetailSerializer if self.action == "retrieve" else LawSerializer


class ArticleFilter(django_filters.FilterSet):
    law = django_filters.NumberFilter(field_name="version__law_id", label="法律法规ID")

    class Meta:
        model = Article
        fields = ["law", "version", "number"]


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """条款."""

    serializer_class = ArticleSerializer
    filterset_class = ArticleFilter

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.visible_to(self.request.user).with_law()

    @extend_schema(
        parameters=[
            OpenApiParameter("citation", str, required=True, description="法条引用，如《行政处罚法》第五十一条"),
            OpenApiParameter("on", str, required=False, description="日期 YYYY-MM-DD，默认今天"),
        ],
        responses=ArticleSerializer,
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def lookup(self, request: Request) -> Response:
        """按法条引用查找某日施行版本中的条款；找不到时返回400和中文说明。"""
        query = ArticleLookupQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        article = services.lookup_article(query.validated_data["citation"], on=query.validated_data.get("on"))
        return Response(ArticleSerializer(article).data)
