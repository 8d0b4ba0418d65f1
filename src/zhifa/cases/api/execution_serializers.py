"""Read shape and inputs of the execution API (``api/execution.py``): the case's 执行 as one document."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.cases.choices import (
    ClosingReason,
    CompulsoryMethod,
    CourtMaterial,
    CourtRuling,
    ExecutionMode,
    PaymentPlanKind,
    PenaltyCaseState,
    RemedyKind,
    RemedyResult,
    SuspensionGround,
    TerminationGround,
)
from zhifa.cases.models import (
    CaseSuspension,
    CaseTermination,
    CompulsoryExecution,
    CourtExecution,
    DemandNotice,
    DemandStatement,
    PaymentInstallment,
    PaymentPlan,
    PenaltyCase,
    RemedyProceeding,
)
from zhifa.documents.choices import DeliveryMethod

# --- read shapes ------------------------------------------------------------------------------------------------


class InstallmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = PaymentInstallment
        fields = ["sequence", "due_on", "amount"]
        read_only_fields = fields


class PaymentPlanSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    installments = InstallmentSerializer(many=True, read_only=True)

    class Meta:
        model = PaymentPlan
        fields = [
            "id",
            "kind",
            "kind_display",
            "state",
            "state_display",
            "reason",
            "applied_on",
            "principal_amount",
            "original_deadline",
            "deferred_until",
            "installments",
            "decided_on",
            "refusal_reason",
        ]
        read_only_fields = fields


class DemandStatementSerializer(serializers.ModelSerializer):
    class Meta:
        model = DemandStatement
        fields = ["id", "received_on", "content", "review", "is_adopted"]
        read_only_fields = fields


class DemandNoticeSerializer(serializers.ModelSerializer):
    statements = DemandStatementSerializer(many=True, read_only=True)

    class Meta:
        model = DemandNotice
        fields = [
            "id",
            "served_on",
            "delivery_method",
            "direct_delivery_failure",
            "performance_deadline",
            "amount",
            "late_penalty_amount",
            "performance_manner",
            "payment_method",
            "statements",
        ]
        read_only_fields = fields


class CompulsoryExecutionSerializer(serializers.ModelSerializer):
    methods = serializers.ListField(child=serializers.ChoiceField(choices=CompulsoryMethod.choices), read_only=True)

    class Meta:
        model = CompulsoryExecution
        fields = [
            "id",
            "demand_notice",
            "legal_basis",
            "reason",
            "methods",
            "scheduled_on",
            "is_immediate",
            "immediate_evidence",
            "is_urgent",
            "urgent_reason",
            "decided_on",
            "served_on",
            "delivery_method",
            "executed_on",
            "result",
        ]
        read_only_fields = fields


class CourtExecutionSerializer(serializers.ModelSerializer):
    materials = serializers.ListField(child=serializers.ChoiceField(choices=CourtMaterial.choices), read_only=True)
    ruling_display = serializers.CharField(source="get_ruling_display", read_only=True)

    class Meta:
        model = CourtExecution
        fields = [
            "id",
            "demand_notice",
            "court",
            "applied_on",
            "materials",
            "ruling",
            "ruling_display",
            "ruled_on",
            "ruling_number",
            "ruling_reason",
            "result",
            "result_on",
        ]
        read_only_fields = fields


class RemedySerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    result_display = serializers.CharField(source="get_result_display", read_only=True)

    class Meta:
        model = RemedyProceeding
        fields = [
            "id",
            "kind",
            "kind_display",
            "body",
            "filed_on",
            "concluded_on",
            "result",
            "result_display",
            "outcome",
        ]
        read_only_fields = fields


class SuspensionSerializer(serializers.ModelSerializer):
    ground_display = serializers.CharField(source="get_ground_display", read_only=True)

    class Meta:
        model = CaseSuspension
        fields = [
            "id",
            "suspended_from",
            "ground",
            "ground_display",
            "reason",
            "started_on",
            "party_told_on",
            "ended_on",
            "end_note",
            "paused_days",
            "previous_deadline",
            "new_deadline",
        ]
        read_only_fields = fields


class TerminationSerializer(serializers.ModelSerializer):
    ground_display = serializers.CharField(source="get_ground_display", read_only=True)

    class Meta:
        model = CaseTermination
        fields = ["closing_reason", "ground", "ground_display", "reason", "terminated_on"]
        read_only_fields = fields


class BalanceSerializer(serializers.Serializer):
    principal = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="罚没款（元）")
    paid = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="已缴纳（元）")
    late_penalty = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="加处罚款（元，R-PEN-027）")
    total_due = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="尚欠（含加处罚款，元）")
    overdue_principal = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="已逾期未缴的罚没款（元）")
    surcharge_days = serializers.IntegerField(help_text="加处罚款已计天数（R-COE-014）")


class CourtWindowSerializer(serializers.Serializer):
    period_end = serializers.DateField(help_text="当事人起诉期限（或分期/延期缴纳期限）届满日")
    opens_on = serializers.DateField(help_text="可以申请人民法院强制执行的首日")
    due_on = serializers.DateField(help_text="三个月申请期限届满日")
    last_day = serializers.DateField(help_text="最后可申请日（届满日为休息日的顺延，R-TIME-004）")


class CaseExecutionSerializer(serializers.ModelSerializer):
    """One case's 执行: mode, balance, plan, 催告, enforcement, 复议/诉讼, 中止 and 终止. The view puts ``balance`` and
    ``court_window`` in the context."""

    state_display = serializers.CharField(source="get_state_display", read_only=True)
    execution_mode = serializers.SerializerMethodField(help_text="执行方式；已送达的处罚决定未另行处理时为自动履行")
    closing_reason = serializers.ChoiceField(choices=ClosingReason.choices, read_only=True)
    balance = serializers.SerializerMethodField()
    court_window = serializers.SerializerMethodField()
    payment_plans = PaymentPlanSerializer(many=True, read_only=True)
    demand_notices = DemandNoticeSerializer(many=True, read_only=True)
    compulsory_executions = CompulsoryExecutionSerializer(many=True, read_only=True)
    court_executions = CourtExecutionSerializer(many=True, read_only=True)
    remedies = RemedySerializer(many=True, read_only=True)
    suspensions = SuspensionSerializer(many=True, read_only=True)
    termination = serializers.SerializerMethodField()

    class Meta:
        model = PenaltyCase
        fields = [
            "id",
            "case_number",
            "state",
            "state_display",
            "suspended_from",
            "execution_mode",
            "decision_served_on",
            "payment_deadline",
            "decision_deadline",
            "closing_reason",
            "closed_on",
            "balance",
            "court_window",
            "payment_plans",
            "demand_notices",
            "compulsory_executions",
            "court_executions",
            "remedies",
            "suspensions",
            "termination",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=ExecutionMode.choices, allow_blank=True))
    def get_execution_mode(self, obj: PenaltyCase) -> str:
        if obj.execution_mode:
            return obj.execution_mode
        served_penalty = obj.decision_served_on is not None and obj.total_penalty_amount > 0
        return ExecutionMode.VOLUNTARY if served_penalty and obj.state != PenaltyCaseState.DECIDED else ""

    @extend_schema_field(BalanceSerializer(allow_null=True))
    def get_balance(self, obj: PenaltyCase) -> dict[str, Any] | None:
        value = self.context.get("balance")
        return dict(BalanceSerializer(value).data) if value is not None else None

    @extend_schema_field(CourtWindowSerializer(allow_null=True))
    def get_court_window(self, obj: PenaltyCase) -> dict[str, Any] | None:
        value = self.context.get("court_window")
        return dict(CourtWindowSerializer(value).data) if value is not None else None

    @extend_schema_field(TerminationSerializer(allow_null=True))
    def get_termination(self, obj: PenaltyCase) -> dict[str, Any] | None:
        termination = getattr(obj, "termination", None)  # RelatedObjectDoesNotExist is an AttributeError
        return dict(TerminationSerializer(termination).data) if termination is not None else None


# --- inputs -----------------------------------------------------------------------------------------------------


class InstallmentInputSerializer(serializers.Serializer):
    due_on = serializers.DateField(help_text="本期缴纳期限")
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=Decimal("0.01"), help_text="本期金额（元）"
    )


class PaymentPlanInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PaymentPlanKind.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="申请理由（经济困难情况）")
    applied_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="申请日期（默认今天）")
    deferred_until = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="延期至（延期缴纳）"
    )
    installments = InstallmentInputSerializer(many=True, required=False, default=list, help_text="各期（分期缴纳）")


class DecidedOnSerializer(serializers.Serializer):
    decided_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="审批日期（默认今天）")


class RefusePlanSerializer(DecidedOnSerializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="不予批准理由（必填）")


class DemandNoticeInputSerializer(serializers.Serializer):
    served_on = serializers.DateField(help_text="催告书送达日期")
    performance_deadline = serializers.DateField(help_text="履行期限")
    performance_manner = serializers.CharField(required=False, allow_blank=True, default="", help_text="履行方式")
    payment_method = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="给付方式（缴款银行、账号或电子缴款）"
    )
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices, default=DeliveryMethod.DIRECT)
    direct_delivery_failure = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="未能直接送达的情况（非直接送达时必填）"
    )


class DemandStatementInputSerializer(serializers.Serializer):
    received_on = serializers.DateField()
    content = serializers.CharField(required=False, allow_blank=True, default="", help_text="陈述申辩内容")
    review = serializers.CharField(required=False, allow_blank=True, default="", help_text="复核意见（必填）")
    is_adopted = serializers.BooleanField(required=False, default=False, help_text="予以采纳")


class CompulsoryDecisionInputSerializer(serializers.Serializer):
    agency_empowered = serializers.BooleanField(help_text="法律授予本机关行政强制执行权（R-COE-001）")
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="", help_text="授权的法律条款")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="强制执行的理由")
    methods = serializers.ListField(child=serializers.ChoiceField(choices=CompulsoryMethod.choices), default=list)
    scheduled_on = serializers.DateField(help_text="强制执行时间")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="决定日期（默认今天）")
    is_immediate = serializers.BooleanField(required=False, default=False, help_text="立即强制执行")
    immediate_evidence = serializers.CharField(required=False, allow_blank=True, default="")
    is_urgent = serializers.BooleanField(required=False, default=False, help_text="情况紧急（节假日实施）")
    urgent_reason = serializers.CharField(required=False, allow_blank=True, default="")


class ServeInputSerializer(serializers.Serializer):
    served_on = serializers.DateField(help_text="送达日期")
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices, default=DeliveryMethod.DIRECT)
    direct_delivery_failure = serializers.CharField(required=False, allow_blank=True, default="")


class CompulsoryResultInputSerializer(serializers.Serializer):
    executed_on = serializers.DateField(help_text="实施日期")
    result = serializers.CharField(required=False, allow_blank=True, default="", help_text="执行情况")


class CourtApplicationInputSerializer(serializers.Serializer):
    court = serializers.CharField(required=False, allow_blank=True, default="", help_text="受理的人民法院")
    materials = serializers.ListField(child=serializers.ChoiceField(choices=CourtMaterial.choices), default=list)
    applied_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="申请日期（默认今天）")


class CourtRulingInputSerializer(serializers.Serializer):
    ruling = serializers.ChoiceField(choices=CourtRuling.choices)
    ruled_on = serializers.DateField()
    ruling_number = serializers.CharField(required=False, allow_blank=True, default="", help_text="裁定书文号")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="不予执行的理由")


class CourtResultInputSerializer(serializers.Serializer):
    result = serializers.CharField(required=False, allow_blank=True, default="", help_text="执行结果")
    result_on = serializers.DateField(required=False, allow_null=True, default=None)


class RemedyInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RemedyKind.choices)
    body = serializers.CharField(required=False, allow_blank=True, default="", help_text="复议机关/人民法院")
    filed_on = serializers.DateField(help_text="申请（起诉）日期")


class RemedyConcludedInputSerializer(serializers.Serializer):
    concluded_on = serializers.DateField(help_text="审结日期")
    result = serializers.ChoiceField(
        choices=RemedyResult.choices, help_text="结果类别（撤销、变更等撤下公示，R-PUB-008）"
    )
    outcome = serializers.CharField(required=False, allow_blank=True, default="", help_text="结果")


class SuspendInputSerializer(serializers.Serializer):
    ground = serializers.ChoiceField(choices=SuspensionGround.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="具体情况")
    started_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="中止日期（默认今天）")
    party_told_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="检测鉴定期间告知当事人日期"
    )


class ResumeInputSerializer(serializers.Serializer):
    ended_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="恢复日期（默认今天）")
    end_note = serializers.CharField(required=False, allow_blank=True, default="")


class TerminateInputSerializer(serializers.Serializer):
    ground = serializers.ChoiceField(choices=TerminationGround.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="具体情况")
    terminated_on = serializers.DateField(required=False, allow_null=True, default=None)


class EndExecutionInputSerializer(serializers.Serializer):
    ground = serializers.ChoiceField(choices=TerminationGround.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="具体情况")
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)
    no_obvious_harm = serializers.BooleanField(
        required=False, default=False, help_text="确认没有明显社会危害（中止执行满三年不再执行时）"
    )
