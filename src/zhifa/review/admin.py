"""Admin of the review app. Reviews and discussions are read-only (every step goes through the services, each
on the ledger), scoped by ``visible_to``; the external reviewers an agency may use (R-REV-005) are configured here
by the system or bureau administrator, each change recorded."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from zhifa.core.audit import RecordedAdmin
from zhifa.review.models import (
    CollectiveDiscussion,
    DiscussionParticipant,
    ExternalReviewer,
    LegalReview,
    ReviewCheckResult,
    ReviewRound,
)


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReviewRoundInline(_ReadOnly, admin.StackedInline):
    model = ReviewRound
    fk_name = "legal_review"
    extra = 0
    exclude = ["basis"]


@admin.register(LegalReview)
class LegalReviewAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["penalty_case", "stage", "state", "round", "outcome", "created_at"]
    list_filter = ["state", "stage", "outcome"]
    list_select_related = ["penalty_case"]
    inlines = [ReviewRoundInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[LegalReview]:
        return LegalReview.objects.visible_to(request.user).select_related("penalty_case")


@admin.register(ReviewCheckResult)
class ReviewCheckResultAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["review_round", "point", "result", "comment"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReviewCheckResult]:
        visible = LegalReview.objects.visible_to(request.user).values("pk")
        return ReviewCheckResult.objects.filter(review_round__legal_review__in=visible).select_related("review_round")


class DiscussionParticipantInline(_ReadOnly, admin.TabularInline):
    model = DiscussionParticipant
    extra = 0


@admin.register(CollectiveDiscussion)
class CollectiveDiscussionAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["penalty_case", "topic", "state", "conclusion", "held_on"]
    list_filter = ["topic", "state", "conclusion"]
    list_select_related = ["penalty_case"]
    inlines = [DiscussionParticipantInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CollectiveDiscussion]:
        return CollectiveDiscussion.objects.visible_to(request.user).select_related("penalty_case")


@admin.register(ExternalReviewer)
class ExternalReviewerAdmin(RecordedAdmin):
    list_display = ["agency", "user", "capacity", "appointed_on", "is_active"]
    list_filter = ["capacity", "is_active"]
    list_select_related = ["agency", "user"]
    raw_id_fields = ["user"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExternalReviewer]:
        return ExternalReviewer.objects.visible_to(request.user).select_related("agency", "user")
