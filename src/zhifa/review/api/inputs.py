"""Input serializers of the review API: one small serializer per step (the services check every rule)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from rest_framework import serializers

from zhifa.cases.api.serializers import ScopedRelatedField
from zhifa.cases.choices import CompulsoryMethod
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.choices import PenaltyKind
from zhifa.org.models import User
from zhifa.review.choices import (
    CheckResult,
    DiscussionConclusion,
    DiscussionTopic,
    DisputeResolution,
    ReviewCheck,
    ReviewOutcome,
    SubmissionMaterial,
)
from zhifa.review.models import ExternalReviewer, LegalReview

MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": Decimal("0")}


class SubmitSerializer(serializers.Serializer):
    penalty_case = ScopedRelatedField(PenaltyCase, "案件")
    materials = serializers.ListField(
        child=serializers.ChoiceField(choices=SubmissionMaterial.choices), default=list, help_text="送审材料"
    )
    statement = serializers.CharField(required=False, allow_blank=True, default="", help_text="承办机构意见（必填）")
    declaration = serializers.BooleanField(
        default=False, help_text="承办机构确认对送审材料的真实性、准确性、完整性负责（R-REV-006）"
    )
    submitted_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="送审日期（默认今天）"
    )


class ResubmitSerializer(serializers.Serializer):
    materials = serializers.ListField(
        child=serializers.ChoiceField(choices=SubmissionMaterial.choices), default=list, help_text="送审材料"
    )
    statement = serializers.CharField(required=False, allow_blank=True, default="", help_text="承办机构意见（必填）")
    supplement_note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="针对退回意见所作的补充或修改（必填）"
    )
    declaration = serializers.BooleanField(default=False, help_text="对送审材料负责的确认（R-REV-006）")
    submitted_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="送审日期（默认今天）"
    )


class EnforcementProposalSerializer(serializers.Serializer):
    """拟作出的强制执行决定 (强制执行决定前审核, R-REV-002): what the review approves and the decision must match."""

    methods = serializers.ListField(
        child=serializers.ChoiceField(choices=CompulsoryMethod.choices), default=list, help_text="拟采取的强制执行方式"
    )
    legal_basis = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="授权本机关强制执行的法律条款（必填）"
    )
    scheduled_on = serializers.DateField(help_text="拟强制执行时间")
    is_immediate = serializers.BooleanField(default=False, help_text="立即强制执行（R-COE-011）")
    is_urgent = serializers.BooleanField(default=False, help_text="情况紧急，法定节假日实施（R-COE-012）")
    materials = serializers.ListField(
        child=serializers.ChoiceField(choices=SubmissionMaterial.choices), default=list, help_text="送审材料"
    )
    statement = serializers.CharField(required=False, allow_blank=True, default="", help_text="承办机构意见（必填）")
    declaration = serializers.BooleanField(default=False, help_text="对送审材料负责的确认（R-REV-006）")
    submitted_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="送审日期（默认今天）"
    )


class EnforcementSubmitSerializer(EnforcementProposalSerializer):
    penalty_case = ScopedRelatedField(PenaltyCase, "案件")


class EnforcementResubmitSerializer(EnforcementProposalSerializer):
    supplement_note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="针对退回意见所作的补充或修改（必填）"
    )


class TakeSerializer(serializers.Serializer):
    started_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="受理日期（默认今天）")


class CheckSerializer(serializers.Serializer):
    point = serializers.ChoiceField(choices=ReviewCheck.choices, help_text="审核要点")
    result = serializers.ChoiceField(choices=CheckResult.choices, help_text="无问题 / 存在问题")
    comment = serializers.CharField(required=False, allow_blank=True, default="", help_text="存在问题时必填")


class ConcludeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=ReviewOutcome.choices, help_text="审核意见")
    checks = CheckSerializer(many=True, help_text="全部审核要点（R-REV-007）")
    opinion = serializers.CharField(required=False, allow_blank=True, default="", help_text="审核意见及理由（必填）")
    changes = serializers.CharField(required=False, allow_blank=True, default="", help_text="变更/纠正的内容")
    amended_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=PenaltyKind.choices),
        required=False,
        allow_null=True,
        default=None,
        help_text="变更后的处罚种类（仅“变更”）",
    )
    amended_fine_amount = serializers.DecimalField(required=False, allow_null=True, default=None, **MONEY)
    amended_confiscation_amount = serializers.DecimalField(required=False, allow_null=True, default=None, **MONEY)
    concluded_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="审核日期（默认今天）"
    )


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="理由（必填）")


class ResolveSerializer(serializers.Serializer):
    resolution = serializers.ChoiceField(choices=DisputeResolution.choices, help_text="分歧处理结果")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="决定理由（必填）")


class ConveneSerializer(serializers.Serializer):
    penalty_case = ScopedRelatedField(PenaltyCase, "案件")
    topic = serializers.ChoiceField(choices=DiscussionTopic.choices, help_text="讨论事由")
    question = serializers.CharField(required=False, allow_blank=True, default="", help_text="议题（必填）")
    legal_review = ScopedRelatedField(
        LegalReview, "法制审核", required=False, allow_null=True, default=None, help_text="意见分歧所涉的法制审核"
    )
    convened_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="召集日期（默认今天）")


class AgencyUserField(serializers.PrimaryKeyRelatedField):
    """A user of the caller's agency, or an external reviewer appointed to it (a dispute's reviewer attends)."""

    def get_queryset(self) -> QuerySet[User]:
        user = self.context["request"].user
        external = ExternalReviewer.objects.filter(agency_id=user.agency_id, is_active=True).values("user_id")
        return (
            User.objects.filter(Q(agency_id=user.agency_id) | Q(pk__in=external))
            if user.agency_id
            else User.objects.none()
        )

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", User.objects.all())  # for the schema only
        kwargs["error_messages"] = {"does_not_exist": "参加人员：编号为{pk_value}的用户不是本单位人员"}
        super().__init__(**kwargs)


class ParticipantSerializer(serializers.Serializer):
    user = AgencyUserField(help_text="参加人员（用户编号）")
    position = serializers.CharField(required=False, allow_blank=True, default="", help_text="职务")
    opinion = serializers.CharField(required=False, allow_blank=True, default="", help_text="发表的意见（必填）")


class ConcludeDiscussionSerializer(serializers.Serializer):
    participants = ParticipantSerializer(many=True, help_text="参加人员及其意见（不少于3人，含主持人）")
    conclusion = serializers.ChoiceField(choices=DiscussionConclusion.choices, help_text="结论")
    conclusion_text = serializers.CharField(required=False, allow_blank=True, default="", help_text="讨论决定（必填）")
    place = serializers.CharField(required=False, allow_blank=True, default="", help_text="地点")
    held_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="讨论日期（默认今天）")
