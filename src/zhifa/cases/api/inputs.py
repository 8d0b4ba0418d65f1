"""Input serializers of the cases API: one small serializer per step (the services check every rule)."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from zhifa.cases.api.serializers import ScopedRelatedField
from zhifa.cases.choices import DecisionKind, InvestigativeStepKind, SourceChannel
from zhifa.cases.models import CaseSource
from zhifa.catalog.choices import PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.discretion.choices import DiscretionTier
from zhifa.discretion.models import DiscretionBenchmark, ExemptionListEntry
from zhifa.parties.models import Party
from zhifa.personnel.models import Officer

MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": Decimal("0")}


def _officers(label: str) -> serializers.ManyRelatedField:
    return ScopedRelatedField(Officer, label, many=True)


# --- input: case sources ------------------------------------------------------------------------------------


class RegisterSourceSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=SourceChannel.choices, help_text="案源渠道")
    received_on = serializers.DateField(help_text="收到日期")
    summary = serializers.CharField(help_text="案源内容")
    party = ScopedRelatedField(Party, "当事人", required=False, allow_null=True)
    enforcement_item = ScopedRelatedField(EnforcementItem, "执法事项", required=False, allow_null=True)


class DeclineFilingSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="不予立案理由（必填）")


# --- input: case steps --------------------------------------------------------------------------------------


class FileCaseSerializer(serializers.Serializer):
    party = ScopedRelatedField(Party, "当事人")
    enforcement_item = ScopedRelatedField(EnforcementItem, "执法事项")
    cause = serializers.CharField(max_length=200, help_text="案由")
    facts = serializers.CharField(required=False, allow_blank=True, default="")
    act_on = serializers.DateField(help_text="违法行为发生日")
    act_ended_on = serializers.DateField(required=False, allow_null=True, default=None)
    discovered_on = serializers.DateField(help_text="发现日期")
    endangers_life_or_finance = serializers.BooleanField(required=False, default=False)
    lead_handler = ScopedRelatedField(Officer, "主办人")
    co_handlers = _officers("协办人")
    source = ScopedRelatedField(CaseSource, "案源", required=False, allow_null=True, default=None)


class InvestigativeStepInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=InvestigativeStepKind.choices)
    performed_on = serializers.DateField()
    place = serializers.CharField(max_length=200)
    summary = serializers.CharField()
    officers = _officers("执法人员")


class InvestigationReportSerializer(serializers.Serializer):
    report = serializers.CharField(required=False, allow_blank=True, default="", help_text="调查终结报告")
    proposed_kinds = serializers.ListField(child=serializers.ChoiceField(choices=PenaltyKind.choices), default=list)
    proposed_fine_amount = serializers.DecimalField(**MONEY, default=Decimal("0"))
    proposed_confiscation_amount = serializers.DecimalField(**MONEY, default=Decimal("0"))
    crime_suspected = serializers.BooleanField(required=False, default=False)
    # 裁量 (R-DIS-004/005/014): see GET …/discretion/ for the benchmarks, circumstances and list entries that apply
    benchmark = ScopedRelatedField(
        DiscretionBenchmark,
        "裁量基准",
        required=False,
        allow_null=True,
        default=None,
        help_text="适用的裁量基准（编号）；本事项只有一个现行基准时可不填",
    )
    circumstances = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        default=dict,
        help_text='勾选的裁量情节：情节代码 → true（是否情节）或数值（金额、数量），如 {"slight_harm": true, "goods_value": "800.00"}；当事人年龄和初次违法（R-DIS-012）由系统按记录计算',
    )
    proposed_tier = serializers.ChoiceField(
        choices=DiscretionTier.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="拟适用阶次；不填则按情节确定",
    )
    deviation_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="裁量理由：偏离基准，或符合首违不罚、免罚清单仍予处罚的须填写",
    )
    exemption_entry = ScopedRelatedField(
        ExemptionListEntry, "免罚清单事项", required=False, allow_null=True, default=None
    )


class CaseReviewSerializer(serializers.Serializer):
    route = serializers.ChoiceField(choices=DecisionKind.choices, help_text="审核意见（处理方向）")
    facts_clear = serializers.BooleanField()
    opinion = serializers.CharField(required=False, allow_blank=True, default="")
    major_criteria = serializers.ListField(
        child=serializers.CharField(max_length=40),
        required=False,
        default=list,
        help_text=(
            "依案情认定的重大执法决定情形（R-REV-001）：public_interest 涉及重大公共利益、social_impact 可能造成重大社会"
            "影响或引发社会风险、complex 案件情况疑难复杂涉及多个法律关系、required_by_law 法律法规规章规定应当审核，"
            "或本单位目录清单“其他”情形 catalog_other:<目录编号>"
        ),
    )
    major_criteria_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="认定理由（勾选任一情形的必填）"
    )


class ReopenInvestigationSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="补充调查理由：需要查明的事实、补充的证据（必填）"
    )


class ServedOnSerializer(serializers.Serializer):
    served_on = serializers.DateField(help_text="送达日期（以送达回证为准）")


class DefenseInputSerializer(serializers.Serializer):
    sent_on = serializers.DateField(help_text="提出/寄出日期（邮寄以邮戳为准）")
    received_on = serializers.DateField()
    content = serializers.CharField(required=False, allow_blank=True, default="")
    review = serializers.CharField(required=False, allow_blank=True, default="", help_text="复核意见")
    changes_facts_or_penalty = serializers.BooleanField(required=False, default=False)


class WaiveDefenseSerializer(serializers.Serializer):
    waived_on = serializers.DateField()
    waives_hearing = serializers.BooleanField(default=False, help_text="当事人同时书面放弃听证（R-HEA-003）")


class HearingRequestSerializer(serializers.Serializer):
    sent_on = serializers.DateField(help_text="申请日期（邮寄以邮戳为准）")


class ConcludeHearingSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    transcript_summary = serializers.CharField(required=False, allow_blank=True, default="")


class DecideSerializer(serializers.Serializer):
    decision_kind = serializers.ChoiceField(choices=DecisionKind.choices)
    penalty_kinds = serializers.ListField(child=serializers.ChoiceField(choices=PenaltyKind.choices), default=list)
    fine_amount = serializers.DecimalField(**MONEY, default=Decimal("0"))
    confiscated_gains_amount = serializers.DecimalField(**MONEY, default=Decimal("0"))
    reasoning = serializers.CharField(required=False, allow_blank=True, default="")
    deviation_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="裁量理由（偏离裁量基准的，R-DIS-005）"
    )
    correction_order = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="责令改正内容（依免罚清单不予处罚的必填）"
    )
    correction_deadline = serializers.DateField(required=False, allow_null=True, default=None)


class PaymentInputSerializer(serializers.Serializer):
    paid_on = serializers.DateField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    receipt_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")


class ExtendDeadlineSerializer(serializers.Serializer):
    calendar_days = serializers.IntegerField(min_value=1, max_value=365, help_text="延长天数（日历日）")
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="")


class LodgeSerializer(serializers.Serializer):
    lodged_on = serializers.DateField()


class OnTheSpotSerializer(serializers.Serializer):
    party = ScopedRelatedField(Party, "当事人")
    enforcement_item = ScopedRelatedField(EnforcementItem, "执法事项")
    cause = serializers.CharField(max_length=200)
    facts = serializers.CharField(required=False, allow_blank=True, default="")
    place = serializers.CharField(max_length=200)
    officers = _officers("执法人员")
    penalty_kinds = serializers.ListField(child=serializers.ChoiceField(choices=PenaltyKind.choices))
    fine_amount = serializers.DecimalField(**MONEY, default=Decimal("0"))
    statement_heard = serializers.BooleanField(help_text="已告知事实、理由、依据并听取陈述申辩（R-SIM-004）")
    # 裁量 (R-DIS-004/006): checked against the benchmark in force today; a deviation needs the general procedure
    circumstances = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        default=dict,
        help_text="勾选的裁量情节（同调查终结报告）；当事人年龄和初次违法由系统计算",
    )
    tier = serializers.ChoiceField(
        choices=DiscretionTier.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="适用阶次；不填则按情节确定",
    )
    benchmark = ScopedRelatedField(
        DiscretionBenchmark,
        "裁量基准",
        required=False,
        allow_null=True,
        default=None,
        help_text="适用的裁量基准（编号）；本事项只有一个基准时可不填",
    )
    discretion_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="裁量理由：符合首违不罚或免罚清单仍予处罚的须填写"
    )
