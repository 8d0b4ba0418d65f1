"""Read shapes of the review API: a legal review with its rounds (submission, checklist, opinion, document) and a
collective discussion with its participants."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.core.calendar import today
from zhifa.review.choices import LegalReviewState
from zhifa.review.models import (
    CollectiveDiscussion,
    DiscussionParticipant,
    LegalReview,
    ReviewCheckResult,
    ReviewRound,
)

RUNNING = (LegalReviewState.SUBMITTED, LegalReviewState.IN_REVIEW)


class ReviewCheckResultSerializer(serializers.ModelSerializer):
    point_display = serializers.CharField(source="get_point_display", read_only=True)
    result_display = serializers.CharField(source="get_result_display", read_only=True)

    class Meta:
        model = ReviewCheckResult
        fields = ["point", "point_display", "result", "result_display", "comment"]
        read_only_fields = fields


class ReviewRoundSerializer(serializers.ModelSerializer):
    submitted_by_name = serializers.CharField(source="submitted_by.name", read_only=True)
    reviewer_name = serializers.CharField(source="reviewer.name", read_only=True, default=None, allow_null=True)
    outcome_display = serializers.CharField(source="get_outcome_display", read_only=True)
    check_results = ReviewCheckResultSerializer(many=True, read_only=True)
    document_number = serializers.CharField(
        source="document.number.text", read_only=True, default=None, allow_null=True, help_text="法制审核意见书文号"
    )

    class Meta:
        model = ReviewRound
        fields = [
            "number",
            "submitted_by",
            "submitted_by_name",
            "submitted_on",
            "materials",
            "statement",
            "supplement_note",
            "basis",
            "review_deadline",
            "original_deadline",
            "extension_reason",
            "extended_on",
            "reviewer",
            "reviewer_name",
            "started_on",
            "outcome",
            "outcome_display",
            "opinion",
            "changes",
            "amended_kinds",
            "amended_fine_amount",
            "amended_confiscation_amount",
            "concluded_on",
            "check_results",
            "document",
            "document_number",
        ]
        read_only_fields = fields


class LegalReviewSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="penalty_case.case_number", read_only=True)
    case_cause = serializers.CharField(source="penalty_case.cause", read_only=True)
    agency_name = serializers.CharField(source="penalty_case.agency.name", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    stage_display = serializers.CharField(source="get_stage_display", read_only=True)
    outcome_display = serializers.CharField(source="get_outcome_display", read_only=True)
    review_deadline = serializers.DateField(
        source="current_round.review_deadline", read_only=True, default=None, allow_null=True, help_text="本轮审核期限"
    )
    reviewer = serializers.IntegerField(
        source="current_round.reviewer_id", read_only=True, default=None, allow_null=True, help_text="本轮法制审核人员"
    )
    is_overdue = serializers.SerializerMethodField(help_text="审核期限已过而尚未作出审核意见（R-REV-010）")
    rounds = ReviewRoundSerializer(many=True, read_only=True)

    class Meta:
        model = LegalReview
        fields = [
            "id",
            "penalty_case",
            "case_number",
            "case_cause",
            "agency_name",
            "stage",
            "stage_display",
            "state",
            "state_display",
            "round",
            "outcome",
            "outcome_display",
            "review_deadline",
            "reviewer",
            "is_overdue",
            "approved_basis",
            "dispute_reason",
            "disputed_by",
            "disputed_on",
            "resolution",
            "resolution_reason",
            "resolved_by",
            "resolved_on",
            "discussion",
            "withdrawn_on",
            "withdrawal_reason",
            "rounds",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField())
    def get_is_overdue(self, review: LegalReview) -> bool:
        current = review.current_round
        return review.state in RUNNING and current is not None and today() > current.review_deadline


class DiscussionParticipantSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.name", read_only=True)

    class Meta:
        model = DiscussionParticipant
        fields = ["user", "name", "position", "opinion"]
        read_only_fields = fields


class CollectiveDiscussionSerializer(serializers.ModelSerializer):
    case_number = serializers.CharField(source="penalty_case.case_number", read_only=True)
    agency_name = serializers.CharField(source="penalty_case.agency.name", read_only=True)
    topic_display = serializers.CharField(source="get_topic_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    conclusion_display = serializers.CharField(source="get_conclusion_display", read_only=True)
    participants = DiscussionParticipantSerializer(many=True, read_only=True)

    class Meta:
        model = CollectiveDiscussion
        fields = [
            "id",
            "penalty_case",
            "case_number",
            "agency_name",
            "topic",
            "topic_display",
            "question",
            "legal_review",
            "state",
            "state_display",
            "convened_by",
            "convened_on",
            "held_on",
            "place",
            "chair",
            "conclusion",
            "conclusion_display",
            "conclusion_text",
            "basis",
            "minutes_document",
            "participants",
        ]
        read_only_fields = fields
