"""Admin of the review app. Reviews and discussions are read-only (every step goes through the services, each
on the ledger), scoped by ``visible_to``; the external reviewers an agency may use (R-REV-005) are appointed here by
the agency's head or administrator or the 司法局's administrator (``review.rules.appoints_reviewers``), each change
recorded."""

from __future__ import annotations

from typing import Any

import rules
from django.contrib import admin
from django.core.exceptions import PermissionDenied
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
from zhifa.review.querysets import appointable_agencies


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
    """Appointments are made by the agency's head or administrator, or the 司法局's administrator for its region
    (``review.rules.appoints_reviewers``, asked object by object — never a model permission of a staff user); the
    agency chosen is one the user may appoint for, checked again on save. Ended by unticking 在任, never deleted."""

    list_display = ["agency", "user", "capacity", "has_legal_professional_qualification", "appointed_on", "is_active"]
    list_filter = ["capacity", "is_active"]
    list_select_related = ["agency", "user"]
    raw_id_fields = ["user"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExternalReviewer]:
        return ExternalReviewer.objects.visible_to(request.user).select_related("agency", "user")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return rules.has_perm("review.view_externalreviewer", request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.has_perm("review.view_externalreviewer", request.user, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return rules.has_perm("review.add_externalreviewer", request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.has_perm("review.change_externalreviewer", request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return rules.has_perm("review.delete_externalreviewer", request.user, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "agency":
            kwargs["queryset"] = appointable_agencies(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: ExternalReviewer, form: Any, change: bool) -> None:
        if not rules.has_perm("review.change_externalreviewer", request.user, obj):
            raise PermissionDenied("您不能为该执法主体聘任或指派外部法制审核人员（R-REV-005）")
        super().save_model(request, obj, form, change)
