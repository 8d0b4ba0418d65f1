"""Discretion API: benchmarks (裁量基准) and 免罚清单. Reads are scoped (``visible_to``); every write is one POST
calling one service, which checks the permission (bureau/agency administrators, ``discretion.rules``)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.discretion import services
from zhifa.discretion.api import serializers as s
from zhifa.discretion.choices import DiscretionBenchmarkState, ExemptionKind
from zhifa.discretion.models import DiscretionBenchmark, ExemptionList, ExemptionListEntry


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


class BenchmarkFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=DiscretionBenchmarkState.choices)
    agency = django_filters.NumberFilter(field_name="enforcement_item__agency")

    class Meta:
        model = DiscretionBenchmark
        fields = ["state", "enforcement_item", "penalty_article", "agency"]


class DiscretionBenchmarkViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """行政裁量权基准: versions with their tiers. Create (草稿), add tiers, publish, revise, suspend, resume, abolish."""

    filterset_class = BenchmarkFilter
    serializer_class = s.DiscretionBenchmarkSerializer

    def get_queryset(self) -> QuerySet[DiscretionBenchmark]:
        return DiscretionBenchmark.objects.visible_to(self.request.user).with_tiers()

    def _respond(self, benchmark: DiscretionBenchmark, code: int = status.HTTP_200_OK) -> Response:
        fresh = DiscretionBenchmark.objects.with_tiers().get(pk=benchmark.pk)
        return Response(s.DiscretionBenchmarkSerializer(fresh).data, status=code)

    @extend_schema(request=s.BenchmarkCreateSerializer, responses={201: s.DiscretionBenchmarkSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """新建裁量基准（草稿），可同时提交各阶次。"""
        benchmark = services.create_benchmark(user=request.user, **_input(s.BenchmarkCreateSerializer, request))
        return self._respond(benchmark, status.HTTP_201_CREATED)

    @extend_schema(request=s.TierInputSerializer, responses={201: s.DiscretionBenchmarkSerializer})
    @action(detail=True, methods=["post"])
    def tiers(self, request: Request, pk: str | None = None) -> Response:
        """为草稿增加一个阶次。"""
        tier = s.tier_input(_input(s.TierInputSerializer, request))
        services.add_tier(user=request.user, benchmark=self.get_object(), tier=tier)
        return self._respond(self.get_object(), status.HTTP_201_CREATED)

    @extend_schema(request=s.EffectiveOnSerializer, responses=s.DiscretionBenchmarkSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        """发布（草稿 → 有效，R-DIS-001/002）；修订版本生效之日替代上一版本。"""
        data = _input(s.EffectiveOnSerializer, request)
        return self._respond(services.publish_benchmark(user=request.user, benchmark=self.get_object(), **data))

    @extend_schema(request=s.EffectiveOnSerializer, responses={201: s.DiscretionBenchmarkSerializer})
    @action(detail=True, methods=["post"])
    def revise(self, request: Request, pk: str | None = None) -> Response:
        """修订：复制各阶次生成新版本草稿。"""
        data = _input(s.EffectiveOnSerializer, request)
        revision = services.revise_benchmark(user=request.user, benchmark=self.get_object(), **data)
        return self._respond(revision, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.DiscretionBenchmarkSerializer)
    @action(detail=True, methods=["post"])
    def suspend(self, request: Request, pk: str | None = None) -> Response:
        """暂停适用。"""
        return self._respond(services.suspend_benchmark(user=request.user, benchmark=self.get_object()))

    @extend_schema(request=None, responses=s.DiscretionBenchmarkSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str | None = None) -> Response:
        """恢复适用。"""
        return self._respond(services.resume_benchmark(user=request.user, benchmark=self.get_object()))

    @extend_schema(request=None, responses=s.DiscretionBenchmarkSerializer)
    @action(detail=True, methods=["post"])
    def abolish(self, request: Request, pk: str | None = None) -> Response:
        """取消。"""
        return self._respond(services.abolish_benchmark(user=request.user, benchmark=self.get_object()))


class ExemptionListViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """免罚清单: create (草稿), publish, abolish; entries are under ``/no-penalty-entries/``."""

    serializer_class = s.ExemptionListSerializer
    filterset_fields = ["agency", "state"]

    def get_queryset(self) -> QuerySet[ExemptionList]:
        return ExemptionList.objects.visible_to(self.request.user).select_related("agency")

    def _respond(self, exemption_list: ExemptionList, code: int = status.HTTP_200_OK) -> Response:
        return Response(s.ExemptionListSerializer(exemption_list).data, status=code)

    @extend_schema(request=s.ExemptionListCreateSerializer, responses={201: s.ExemptionListSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """新建免罚清单（草稿）。"""
        data = _input(s.ExemptionListCreateSerializer, request)
        return self._respond(services.create_exemption_list(user=request.user, **data), status.HTTP_201_CREATED)

    @extend_schema(request=s.EffectiveOnSerializer, responses=s.ExemptionListSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        """发布（R-DIS-014）。"""
        data = _input(s.EffectiveOnSerializer, request)
        return self._respond(
            services.publish_exemption_list(user=request.user, exemption_list=self.get_object(), **data)
        )

    @extend_schema(request=None, responses=s.ExemptionListSerializer)
    @action(detail=True, methods=["post"])
    def abolish(self, request: Request, pk: str | None = None) -> Response:
        """取消。"""
        return self._respond(services.abolish_exemption_list(user=request.user, exemption_list=self.get_object()))


class ExemptionEntryFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ExemptionKind.choices)

    class Meta:
        model = ExemptionListEntry
        fields = ["kind", "exemption_list", "enforcement_item"]


class NoPenaltyEntryViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """免罚清单事项 (首违不罚、轻微不罚 …): entries of the lists in scope; POST adds one to a draft list."""

    serializer_class = s.ExemptionListEntrySerializer
    filterset_class = ExemptionEntryFilter

    def get_queryset(self) -> QuerySet[ExemptionListEntry]:
        return (
            ExemptionListEntry.objects.visible_to(self.request.user)
            .select_related("exemption_list", "enforcement_item")
            .prefetch_related("required_circumstances")
        )

    @extend_schema(request=s.ExemptionEntryCreateSerializer, responses={201: s.ExemptionListEntrySerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """在草稿清单中增加一项。"""
        entry = services.add_exemption_entry(user=request.user, **_input(s.ExemptionEntryCreateSerializer, request))
        fresh = self.get_queryset().model.objects.select_related("exemption_list", "enforcement_item").get(pk=entry.pk)
        return Response(s.ExemptionListEntrySerializer(fresh).data, status=status.HTTP_201_CREATED)
