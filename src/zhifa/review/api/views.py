"""Review API: ``/api/v1/legal-reviews/`` (create = 送审, then one POST per step) and
``/api/v1/collective-discussions/`` (create = 召集, ``conclude``). Thin: scoped lookups, one service per call;
refusals come from the services as ``{code, field, message}``."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.core.calendar import today
from zhifa.review import services
from zhifa.review.api import inputs
from zhifa.review.api.serializers import CollectiveDiscussionSerializer, LegalReviewSerializer
from zhifa.review.choices import CollectiveDiscussionState, DiscussionTopic, LegalReviewState, ReviewStage
from zhifa.review.models import CollectiveDiscussion, DiscussionParticipant, LegalReview, ReviewRound


class LegalReviewFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=LegalReviewState.choices)
    stage = django_filters.ChoiceFilter(choices=ReviewStage.choices)
    mine = django_filters.BooleanFilter(method="filter_mine", label="本轮由我审核")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="已超过审核期限")

    class Meta:
        model = LegalReview
        fields = ["state", "stage", "penalty_case", "mine", "overdue"]

    def filter_mine(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        mine = {"current_round__reviewer_id": self.request.user.pk}
        return queryset.filter(**mine) if value else queryset.exclude(**mine)

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        overdue = services.overdue_reviews(today()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


def _step(request_serializer: type[BaseSerializer] | None, response: type[BaseSerializer], **kwargs: Any) -> Any:
    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={200: response})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap


def review_rows(user: Any) -> QuerySet[LegalReview]:
    rounds = ReviewRound.objects.select_related("submitted_by", "reviewer", "document__number").prefetch_related(
        "check_results"
    )
    return (
        LegalReview.objects.visible_to(user)
        .select_related("penalty_case__agency", "current_round")
        .prefetch_related(Prefetch("rounds", queryset=rounds))
        .order_by("-id")
    )


class LegalReviewViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """重大执法决定法制审核 (R-REV-001..011)."""

    serializer_class = LegalReviewSerializer
    filterset_class = LegalReviewFilter

    def get_queryset(self) -> QuerySet[LegalReview]:
        return review_rows(self.request.user)

    def _review(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(LegalReviewSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(request=inputs.SubmitSerializer, responses={201: LegalReviewSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """送法制审核 (R-REV-004/006): the material list, the handler's statement and declaration."""
        data = _input(inputs.SubmitSerializer, request)
        review = services.submit_legal_review(actor=request.user, case=data.pop("penalty_case"), **data)
        return self._review(review.pk, status.HTTP_201_CREATED)

    @extend_schema(request=inputs.EnforcementSubmitSerializer, responses={201: LegalReviewSerializer})
    @action(detail=False, methods=["post"], url_path="enforcement")
    def submit_enforcement(self, request: Request) -> Response:
        """强制执行决定前审核 (R-REV-002/004/006): the enforcement proposal (methods, legal basis, date) for legal
        review; the case stays 执行中. The other steps are the review's own (take, conclude, …)."""
        data = _input(inputs.EnforcementSubmitSerializer, request)
        review = services.submit_enforcement_review(actor=request.user, case=data.pop("penalty_case"), **data)
        return self._review(review.pk, status.HTTP_201_CREATED)

    @_step(inputs.EnforcementResubmitSerializer, LegalReviewSerializer, url_path="resubmit-enforcement")
    def resubmit_enforcement(self, request: Request, pk: str | None = None) -> Response:
        """补充后再次送审 of an enforcement proposal, as amended (R-REV-008)."""
        data = _input(inputs.EnforcementResubmitSerializer, request)
        review = services.resubmit_enforcement_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.ResubmitSerializer, LegalReviewSerializer)
    def resubmit(self, request: Request, pk: str | None = None) -> Response:
        """补充后再次送审: the next round (R-REV-008)."""
        data = _input(inputs.ResubmitSerializer, request)
        review = services.resubmit_legal_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.TakeSerializer, LegalReviewSerializer)
    def take(self, request: Request, pk: str | None = None) -> Response:
        """法制审核人员受理 (R-REV-005: not a handler or investigator; 法律职业资格 for a first review)."""
        data = _input(inputs.TakeSerializer, request)
        review = services.take_legal_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.ConcludeSerializer, LegalReviewSerializer)
    def conclude(self, request: Request, pk: str | None = None) -> Response:
        """作出审核意见 on every point of the checklist (R-REV-007/008); the opinion document is issued (R-REV-011)."""
        data = _input(inputs.ConcludeSerializer, request)
        data["checks"] = [services.CheckInput(**check) for check in data["checks"]]
        review = services.conclude_legal_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.ReasonSerializer, LegalReviewSerializer)
    def extend(self, request: Request, pk: str | None = None) -> Response:
        """负责人批准延长审核期限, once (R-REV-010)."""
        data = _input(inputs.ReasonSerializer, request)
        review = services.extend_legal_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.ReasonSerializer, LegalReviewSerializer)
    def dispute(self, request: Request, pk: str | None = None) -> Response:
        """承办机构对审核意见提出不同意见 (R-REV-009)."""
        data = _input(inputs.ReasonSerializer, request)
        review = services.dispute_legal_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.ResolveSerializer, LegalReviewSerializer)
    def resolve(self, request: Request, pk: str | None = None) -> Response:
        """负责人决定意见分歧 (R-REV-009)."""
        data = _input(inputs.ResolveSerializer, request)
        review = services.resolve_legal_review_dispute(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)

    @_step(inputs.ReasonSerializer, LegalReviewSerializer)
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """承办机构撤回送审."""
        data = _input(inputs.ReasonSerializer, request)
        review = services.withdraw_legal_review(actor=request.user, review=self.get_object(), **data)
        return self._review(review.pk)


class CollectiveDiscussionFilter(django_filters.FilterSet):
    topic = django_filters.ChoiceFilter(choices=DiscussionTopic.choices)
    state = django_filters.ChoiceFilter(choices=CollectiveDiscussionState.choices)

    class Meta:
        model = CollectiveDiscussion
        fields = ["topic", "state", "penalty_case"]


def discussion_rows(user: Any) -> QuerySet[CollectiveDiscussion]:
    participants = DiscussionParticipant.objects.select_related("user")
    return (
        CollectiveDiscussion.objects.visible_to(user)
        .select_related("penalty_case__agency")
        .prefetch_related(Prefetch("participants", queryset=participants))
        .order_by("-id")
    )


class CollectiveDiscussionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """集体讨论 (R-PEN-014, R-REV-009, R-DIS-005)."""

    serializer_class = CollectiveDiscussionSerializer
    filterset_class = CollectiveDiscussionFilter

    def get_queryset(self) -> QuerySet[CollectiveDiscussion]:
        return discussion_rows(self.request.user)

    def _discussion(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        return Response(CollectiveDiscussionSerializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(request=inputs.ConveneSerializer, responses={201: CollectiveDiscussionSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """负责人召集集体讨论; a major decision waits in 集体讨论中 (R-PEN-014)."""
        data = _input(inputs.ConveneSerializer, request)
        discussion = services.convene_discussion(actor=request.user, case=data.pop("penalty_case"), **data)
        return self._discussion(discussion.pk, status.HTTP_201_CREATED)

    @_step(inputs.ConcludeDiscussionSerializer, CollectiveDiscussionSerializer)
    def conclude(self, request: Request, pk: str | None = None) -> Response:
        """主持人记录每位参加人员的意见和讨论决定; the minutes are issued and filed."""
        data = _input(inputs.ConcludeDiscussionSerializer, request)
        data["participants"] = [services.ParticipantInput(**row) for row in data["participants"]]
        discussion = services.conclude_discussion(actor=request.user, discussion=self.get_object(), **data)
        return self._discussion(discussion.pk)
