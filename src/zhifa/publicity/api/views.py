"""Publicity API: ``/api/v1/publications/`` (read, scoped by agency; the due list with ``?due=1``) and one POST
per step (``submit``, ``return``, ``approve``, ``exempt``, ``withdraw``). Thin: scoped lookups, one service per
call; refusals come from the services as ``{code, field, message}``."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework import status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.core.api import step_action, validated_input
from zhifa.publicity import services
from zhifa.publicity.api import inputs
from zhifa.publicity.api.serializers import PublicationSerializer
from zhifa.publicity.choices import OPEN_STATES, PublicationKind, PublicationState
from zhifa.publicity.models import Publication


class PublicationFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=PublicationState.choices)
    kind = django_filters.ChoiceFilter(choices=PublicationKind.choices)
    due = django_filters.BooleanFilter(method="filter_due", label="待公示（待提交或待审核）")
    decided_after = django_filters.DateFilter(field_name="decided_on", lookup_expr="gte", label="决定日期起")
    decided_before = django_filters.DateFilter(field_name="decided_on", lookup_expr="lte", label="决定日期止")

    class Meta:
        model = Publication
        fields = ["state", "kind", "agency", "penalty_case", "due", "decided_after", "decided_before"]

    def filter_due(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(state__in=OPEN_STATES) if value else queryset.exclude(state__in=OPEN_STATES)


def _step(request_serializer: type[BaseSerializer] | None, **kwargs: Any) -> Any:
    return step_action(request_serializer, PublicationSerializer, **kwargs)


class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    """行政执法公示 (R-PUB-004..010): the agency's publications, soonest deadline first for the due list."""

    serializer_class = PublicationSerializer
    filterset_class = PublicationFilter

    def get_queryset(self) -> QuerySet[Publication]:
        rows = Publication.objects.visible_to(self.request.user).select_related("agency", "penalty_case")
        return rows.order_by("publication_deadline", "-id") if self.request.query_params.get("due") else rows

    def _publication(self, pk: int) -> Response:
        return Response(PublicationSerializer(self.get_queryset().get(pk=pk)).data, status=status.HTTP_200_OK)

    @_step(inputs.SubmitSerializer)
    def submit(self, request: Request, pk: str | None = None) -> Response:
        """承办人提交公示内容, with the parts withheld as trade secrets etc. (R-PRV-002, R-PUB-007)."""
        data = validated_input(inputs.SubmitSerializer, request)
        exclusions = [services.ExclusionInput(**row) for row in data["exclusions"]]
        publication = services.submit_publication(
            actor=request.user, publication=self.get_object(), exclusions=exclusions
        )
        return self._publication(publication.pk)

    @_step(inputs.ReasonSerializer, url_path="return")
    def send_back(self, request: Request, pk: str | None = None) -> Response:
        """审核人退回修改."""
        data = validated_input(inputs.ReasonSerializer, request)
        publication = services.return_publication(actor=request.user, publication=self.get_object(), **data)
        return self._publication(publication.pk)

    @_step(None)
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """公示审核: published today after comparing it with the served decision (R-PUB-006, R-PUB-007)."""
        publication = services.approve_publication(actor=request.user, publication=self.get_object())
        return self._publication(publication.pk)

    @_step(inputs.ExemptSerializer)
    def exempt(self, request: Request, pk: str | None = None) -> Response:
        """批准不予公开, with its reason (R-PUB-006)."""
        data = validated_input(inputs.ExemptSerializer, request)
        publication = services.exempt_publication(
            actor=request.user,
            publication=self.get_object(),
            reason=data["exemption_reason"],
            note_text=data["exemption_note"],
        )
        return self._publication(publication.pk)

    @_step(inputs.WithdrawSerializer)
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """撤下 (R-PUB-008): the portal keeps no copy; the record stays (R-PRV-007)."""
        data = validated_input(inputs.WithdrawSerializer, request)
        publication = services.withdraw_publication(
            actor=request.user,
            publication=self.get_object(),
            ground=data["withdrawal_ground"],
            reason=data["withdrawal_reason"],
            ground_on=data["ground_on"],
        )
        return self._publication(publication.pk)
