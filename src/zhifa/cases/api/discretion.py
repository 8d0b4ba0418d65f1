"""裁量 on a case and 同事不同罚 (R-DIS-004..015).

``GET /penalty-cases/{id}/discretion/``: the item's benchmarks in force with their tiers, the 免罚清单 entries, the
party's earlier decisions (R-DIS-012), the proposal's and the decision's checks, the 柔性执法 measures.
``POST /penalty-cases/{id}/flexible-measures/``: one measure (R-DIS-013).
``POST /penalty-cases/{id}/upper-approval/``: the upper-level benchmark's issuer approves the deviation (R-DIS-005). ``GET /discretion-consistency/``: every
decided fine with an applied benchmark, flagged by ``cases.services.consistency`` (supervisors and heads);
``GET /discretion-consistency/excluded/``: the fines left out of the comparison, with the reason.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.cases.models import FlexibleMeasure, PenaltyCase, UpperBenchmarkApproval
from zhifa.cases.services import discretion as case_discretion
from zhifa.cases.services import open_case_file
from zhifa.cases.services.consistency import consistency
from zhifa.core.calendar import today
from zhifa.core.permissions import require
from zhifa.discretion.api.serializers import DiscretionBenchmarkSerializer, ExemptionListEntrySerializer
from zhifa.discretion.choices import FlexibleMeasureKind


class FlexibleMeasureInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FlexibleMeasureKind.choices, help_text="提醒、告诫、约谈、指导、建议、劝告")
    performed_on = serializers.DateField()
    content = serializers.CharField(required=False, allow_blank=True, default="", help_text="措施内容及当事人表态")


class FlexibleMeasureSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    recorded_by_name = serializers.CharField(source="recorded_by.name", read_only=True)

    class Meta:
        model = FlexibleMeasure
        fields = ["id", "kind", "kind_display", "performed_on", "content", "recorded_by_name", "recorded_at"]


class UpperApprovalInputSerializer(serializers.Serializer):
    approved_on = serializers.DateField(help_text="批准日期")
    reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="同意偏离上级裁量基准的理由")


class UpperApprovalSerializer(serializers.ModelSerializer):
    issuing_agency_name = serializers.CharField(source="issuing_agency.name", read_only=True)
    approved_by_name = serializers.CharField(source="approved_by.name", read_only=True)

    class Meta:
        model = UpperBenchmarkApproval
        fields = [
            "id",
            "benchmark",
            "issuing_agency",
            "issuing_agency_name",
            "approved_by",
            "approved_by_name",
            "approved_on",
            "reason",
            "recorded_at",
        ]


class EarlierDecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    case_number = serializers.CharField()
    decision_kind = serializers.CharField()
    decided_on = serializers.DateField()


class CaseDiscretionSerializer(serializers.Serializer):
    benchmark = serializers.IntegerField(allow_null=True, help_text="拟处罚适用的裁量基准版本（编号）")
    circumstances = serializers.DictField(child=serializers.JSONField(), help_text="勾选的裁量情节")
    matched_tier = serializers.CharField(help_text="情节对应阶次")
    proposed_tier = serializers.CharField(help_text="拟适用阶次")
    benchmark_deviation = serializers.BooleanField(help_text="偏离裁量基准")
    deviation_reason = serializers.CharField()
    exemption_entry = serializers.IntegerField(allow_null=True, help_text="适用的免罚清单事项（编号）")
    applied_benchmark = serializers.IntegerField(allow_null=True, help_text="决定适用的裁量基准版本（编号）")
    applied_tier = serializers.CharField(help_text="决定适用阶次")
    correction_order = serializers.CharField()
    correction_deadline = serializers.DateField(allow_null=True)
    benchmarks = DiscretionBenchmarkSerializer(
        many=True, help_text="本案执法事项现行有效的裁量基准（每个处罚依据取最具体的一级：本级，否则上级，R-DIS-003）"
    )
    suspended = DiscretionBenchmarkSerializer(
        many=True, help_text="已暂停适用的裁量基准：不能适用，仅据以核对法定幅度（R-DIS-001）"
    )
    entries = ExemptionListEntrySerializer(many=True, help_text="可适用的免罚清单事项（R-DIS-014）")
    earlier = EarlierDecisionSerializer(many=True, help_text="追溯期内同一违法行为的处理决定（R-DIS-012）")
    first_violation = serializers.BooleanField(help_text="系统查询：追溯期内没有同一违法行为的处理决定（R-DIS-012）")
    lookback_months = serializers.IntegerField(help_text="初次违法的追溯期（月）")
    proposal = serializers.ListField(child=serializers.CharField(), help_text="拟处罚的裁量过程（R-DIS-004）")
    decision = serializers.ListField(child=serializers.CharField(), help_text="决定的裁量说明（R-DIS-006）")
    discussion_needed = serializers.BooleanField(help_text="偏离基准，须经集体讨论（R-DIS-005）")
    discussion_approved = serializers.BooleanField()
    upper_approval_needed = serializers.BooleanField(
        help_text="偏离的是上级制定、直接适用的裁量基准，还须经制定机关批准（R-DIS-005）"
    )
    upper_approvals = UpperApprovalSerializer(many=True, help_text="制定机关的批准（批准人、机关、日期、理由）")
    flexible_measures = FlexibleMeasureSerializer(many=True)


_CASE_FIELDS = (
    "circumstances",
    "matched_tier",
    "proposed_tier",
    "benchmark_deviation",
    "deviation_reason",
    "applied_tier",
    "correction_order",
    "correction_deadline",
)


class PenaltyCaseDiscretionViewSet(viewsets.GenericViewSet):
    """裁量 of one case: what applies, what was checked, the 柔性执法 measures."""

    serializer_class = CaseDiscretionSerializer

    def get_queryset(self) -> Any:
        user = self.request.user
        cases = PenaltyCase.objects.visible_to(user)
        agency_id = getattr(user, "agency_id", None)
        if self.action == "upper_approval" and agency_id:
            # R-DIS-005: the head of the upper-level benchmark's issuer acts on a case of a lower level
            issued = Q(benchmark__enforcement_item__agency_id=agency_id, benchmark_deviation=True)
            cases = PenaltyCase.objects.filter(Q(pk__in=cases.values("pk")) | issued)
        return cases.select_related("party", "enforcement_item", "benchmark__enforcement_item")

    def _discretion(self, case: PenaltyCase, code: int = status.HTTP_200_OK) -> Response:
        shown = case_discretion.case_discretion(case, on=today())
        measures = case.flexible_measures.select_related("recorded_by")
        data = {
            **shown.__dict__,
            "first_violation": shown.first_violation,
            "flexible_measures": measures,
            "benchmark": case.benchmark_id,
            "exemption_entry": case.exemption_entry_id,
            "applied_benchmark": case.applied_benchmark_id,
            **{f: getattr(case, f) for f in _CASE_FIELDS},
        }
        return Response(CaseDiscretionSerializer(data).data, status=code)

    @extend_schema(responses=CaseDiscretionSerializer)
    @action(detail=True, methods=["get"])
    def discretion(self, request: Request, pk: str | None = None) -> Response:
        """本案的裁量基准、免罚清单、裁量过程与柔性执法措施。"""
        case = self.get_object()
        open_case_file(viewer=request.user, case=case)
        return self._discretion(case)

    @extend_schema(request=FlexibleMeasureInputSerializer, responses={201: CaseDiscretionSerializer})
    @action(detail=True, methods=["post"], url_path="flexible-measures")
    def flexible_measures(self, request: Request, pk: str | None = None) -> Response:
        """记录一项柔性执法措施（提醒、告诫、约谈、指导……，R-DIS-013）。"""
        body = FlexibleMeasureInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        case = self.get_object()
        case_discretion.record_flexible_measure(actor=request.user, case=case, **body.validated_data)
        return self._discretion(self.get_queryset().get(pk=case.pk), status.HTTP_201_CREATED)

    @extend_schema(request=UpperApprovalInputSerializer, responses={201: UpperApprovalSerializer})
    @action(detail=True, methods=["post"], url_path="upper-approval")
    def upper_approval(self, request: Request, pk: str | None = None) -> Response:
        """上级裁量基准制定机关批准偏离该基准（制定机关负责人，R-DIS-005）。"""
        body = UpperApprovalInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        case = self.get_object()
        approval = case_discretion.approve_upper_deviation(actor=request.user, case=case, **body.validated_data)
        return Response(UpperApprovalSerializer(approval).data, status=status.HTTP_201_CREATED)


class ConsistencyRecordSerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    case_number = serializers.CharField()
    agency_id = serializers.IntegerField()
    agency_name = serializers.CharField(help_text="作出决定的执法单位")
    item_name = serializers.CharField()
    article = serializers.CharField(help_text="处罚依据（违法行为类型）")
    tier = serializers.CharField()
    tier_label = serializers.CharField()
    measure = serializers.ChoiceField(
        choices=[("amount", "罚款金额"), ("multiple", "倍数")],
        help_text="比较口径：amount 比较罚款金额；multiple 比较罚款与计算基数之比（阶次按倍数规定幅度）",
    )
    fine = serializers.DecimalField(max_digits=14, decimal_places=2)
    base = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True, help_text="倍数的计算基数（元）")
    value = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="比较值：罚款（元）或倍数")
    decided_on = serializers.DateField()
    group_size = serializers.IntegerField(help_text="同一依据、同一阶次、同一口径的已决定案件数")
    group_median = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="组内比较值的中位数")
    is_consistency_outlier = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField())


class ExcludedFineSerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    case_number = serializers.CharField()
    agency_name = serializers.CharField()
    article = serializers.CharField()
    tier = serializers.CharField()
    fine = serializers.DecimalField(max_digits=14, decimal_places=2)
    reason = serializers.CharField(help_text="未参与比较的原因")


_DENIED = "只有司法局监督人员和执法单位负责人可以查看同事不同罚分析"


class ConsistencyViewSet(viewsets.GenericViewSet):
    """同事不同罚 (R-DIS-015): each decided fine with an applied benchmark, compared with its group (same penalty
    article and tier; a tier ranged as a multiple compares fine ÷ base) — outside the tier's range, or beyond 3
    robust standard deviations from the group's median (groups of 5 or more; ``cases.services.consistency``).
    Figures per group only: nothing per officer or agency (R-DAT-005)."""

    serializer_class = ConsistencyRecordSerializer
    queryset = PenaltyCase.objects.none()  # for the schema only: ``list`` reads the caller's scope

    @extend_schema(
        parameters=[OpenApiParameter("outliers", bool, description="仅返回被标记的异常案件")],
        responses=ConsistencyRecordSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        require(request.user, "cases.view_consistency", message=_DENIED)
        groups = consistency(PenaltyCase.objects.visible_to(request.user)).groups
        rows = [
            {
                **record.__dict__,
                "tier_label": record.tier_label,
                "group_size": len(group.records),
                "group_median": group.median,
                "is_consistency_outlier": record.is_consistency_outlier,
            }
            for group in groups
            for record in group.records
        ]
        if request.query_params.get("outliers") in ("true", "1"):
            rows = [r for r in rows if r["is_consistency_outlier"]]
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]  # a list pages like a queryset
        return self.get_paginated_response(ConsistencyRecordSerializer(page, many=True).data)

    @extend_schema(responses=ExcludedFineSerializer(many=True))
    @action(detail=False, methods=["get"])
    def excluded(self, request: Request) -> Response:
        """未参与比较的案件及原因（如按倍数计罚但未记录计算基数）。"""
        require(request.user, "cases.view_consistency", message=_DENIED)
        rows = [x.__dict__ for x in consistency(PenaltyCase.objects.visible_to(request.user)).excluded]
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]
        return self.get_paginated_response(ExcludedFineSerializer(page, many=True).data)
