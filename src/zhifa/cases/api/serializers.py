"""Serializers of the cases API: explicit read shapes (input serializers: ``api/inputs.py``).

Related objects in input (party, item, officers, source) are looked up inside the caller's data scope
(``visible_to``): an id outside it is a 400 naming the field, never a lookup into another agency.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from zhifa.cases.models import (
    CaseHandler,
    CaseSource,
    DeadlineExtension,
    DefenseRecord,
    InvestigativeStep,
    Payment,
    PenaltyCase,
)


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A primary key looked up in ``Model.objects.visible_to(request.user)``; outside the scope → 400."""

    def __init__(self, model: type[models.Model], label: str, **kwargs: Any) -> None:
        self.scoped_model = model
        kwargs.setdefault("queryset", model._default_manager.all())  # for the schema only
        kwargs["error_messages"] = {
            "does_not_exist": f"{label}：编号为{{pk_value}}的记录不存在或不在您的数据范围内",
            "incorrect_type": f"{label}：应填写编号（整数）",
            "required": f"请填写{label}",
            "null": f"请填写{label}",
        }
        kwargs.setdefault("help_text", f"{label}（编号，须在您的数据范围内）")
        super().__init__(**kwargs)

    def get_queryset(self) -> Any:
        return self.scoped_model._default_manager.visible_to(self.context["request"].user)  # type: ignore[attr-defined]


# --- read shapes -------------------------------------------------------------------------------------------


class CaseSourceSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    channel_display = serializers.CharField(source="get_channel_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    party_name = serializers.CharField(source="party.name", read_only=True, default=None, allow_null=True)
    enforcement_item_name = serializers.CharField(
        source="enforcement_item.name", read_only=True, default=None, allow_null=True
    )
    registered_by_name = serializers.CharField(source="registered_by.name", read_only=True)
    penalty_case = serializers.SerializerMethodField(help_text="立案后的案件编号（id）；未立案为 null")

    class Meta:
        model = CaseSource
        fields = [
            "id",
            "agency",
            "agency_name",
            "channel",
            "channel_display",
            "received_on",
            "summary",
            "party",
            "party_name",
            "enforcement_item",
            "enforcement_item_name",
            "state",
            "state_display",
            "verification_deadline",
            "decline_reason",
            "registered_by",
            "registered_by_name",
            "penalty_case",
        ]
        read_only_fields = fields

    def get_penalty_case(self, obj: CaseSource) -> int | None:
        case = getattr(obj, "penalty_case", None)
        return case.pk if case is not None else None


class PenaltyCaseListSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    party_name = serializers.CharField(source="party.name", read_only=True)
    enforcement_item_name = serializers.CharField(source="enforcement_item.name", read_only=True)
    procedure_display = serializers.CharField(source="get_procedure_display", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True, help_text="办案期限已过而尚未作出决定（R-PEN-021）")

    class Meta:
        model = PenaltyCase
        fields = [
            "id",
            "case_number",
            "agency",
            "agency_name",
            "procedure",
            "procedure_display",
            "state",
            "state_display",
            "cause",
            "party",
            "party_name",
            "enforcement_item",
            "enforcement_item_name",
            "filed_on",
            "decision_deadline",
            "is_overdue",
        ]
        read_only_fields = fields


class CaseHandlerSerializer(serializers.ModelSerializer):
    officer_name = serializers.CharField(source="officer.name", read_only=True)

    class Meta:
        model = CaseHandler
        fields = ["id", "officer", "officer_name", "role", "declared_no_conflict"]
        read_only_fields = fields


class InvestigativeStepSerializer(serializers.ModelSerializer):
    officer_names = serializers.SerializerMethodField()

    class Meta:
        model = InvestigativeStep
        fields = ["id", "kind", "performed_on", "place", "summary", "officers", "officer_names"]
        read_only_fields = fields

    def get_officer_names(self, obj: InvestigativeStep) -> list[str]:
        return [o.name for o in obj.officers.all()]


class DefenseRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = DefenseRecord
        fields = ["id", "sent_on", "received_on", "content", "review", "changes_facts_or_penalty"]
        read_only_fields = fields


class PaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Payment
        fields = ["id", "paid_on", "amount", "receipt_number"]
        read_only_fields = fields


class DeadlineExtensionSerializer(serializers.ModelSerializer):
    approved_by_name = serializers.CharField(source="approved_by.name", read_only=True)

    class Meta:
        model = DeadlineExtension
        fields = [
            "id",
            "calendar_days",
            "reason",
            "legal_basis",
            "approved_by",
            "approved_by_name",
            "approved_on",
            "previous_deadline",
            "new_deadline",
        ]
        read_only_fields = fields


class TrailEventSerializer(serializers.Serializer):
    sequence = serializers.IntegerField()
    at = serializers.DateTimeField()
    event_type = serializers.CharField()
    actor_name = serializers.CharField(allow_null=True)
    payload = serializers.DictField()


class NextStepSerializer(serializers.Serializer):
    action = serializers.CharField(help_text="对应的 POST 动作（kebab-case）")
    label = serializers.CharField()
    allowed = serializers.BooleanField()
    blocked = serializers.CharField(help_text="不能继续的原因；可以办理时为空")


class DeadlineSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    due_on = serializers.DateField()


DEADLINES = [
    ("decision_deadline", "办案期限"),
    ("defense_deadline", "陈述申辩期限"),
    ("hearing_request_deadline", "听证申请期限"),
    ("delivery_deadline", "决定书送达期限"),
    ("payment_deadline", "缴款期限"),
    ("lodge_deadline", "备案期限"),
]


class PenaltyCaseDetailSerializer(PenaltyCaseListSerializer):
    """One case with its handlers, steps, defences, payments, extensions, deadlines and ledger timeline.

    The view puts ``deadline_status``, ``amount_due``, ``trail`` and ``next_steps`` in the context.
    """

    handlers = CaseHandlerSerializer(many=True, read_only=True)
    investigative_steps = InvestigativeStepSerializer(many=True, read_only=True)
    defenses = DefenseRecordSerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)
    extensions = DeadlineExtensionSerializer(many=True, read_only=True)
    deadlines = serializers.SerializerMethodField()
    deadline_status = serializers.SerializerMethodField(help_text="“剩余N个工作日” / “已超期N日（期限…）”")
    amount_due = serializers.SerializerMethodField(help_text="尚欠罚没款（含加处罚款，元）")
    trail = serializers.SerializerMethodField(help_text="全过程记录（按序号）")
    next_steps = serializers.SerializerMethodField(help_text="当前状态下的下一步；不能继续的写明原因")
    route_display = serializers.CharField(source="get_route_display", read_only=True)
    decision_kind_display = serializers.CharField(source="get_decision_kind_display", read_only=True)

    class Meta(PenaltyCaseListSerializer.Meta):
        fields = [
            *PenaltyCaseListSerializer.Meta.fields,
            "source",
            "facts",
            "act_on",
            "act_ended_on",
            "discovered_on",
            "endangers_life_or_finance",
            "crime_suspected",
            "investigation_report",
            "proposed_kinds",
            "proposed_fine_amount",
            "proposed_confiscation_amount",
            "route",
            "route_display",
            "facts_clear",
            "case_review_opinion",
            "case_reviewed_on",
            "requires_legal_review",
            "legal_review_reasons",
            "major_criteria",
            "major_criteria_reason",
            "requires_hearing_notice",
            "notice_served_on",
            "notified_kinds",
            "notified_fine_amount",
            "notified_confiscation_amount",
            "defense_waived_on",
            "hearing_requested_on",
            "decision_kind",
            "decision_kind_display",
            "penalty_kinds",
            "fine_amount",
            "confiscated_gains_amount",
            "decision_reasoning",
            "decided_on",
            "decision_served_on",
            "closing_reason",
            "closed_on",
            "archived_on",
            "place",
            "lodged_on",
            *[key for key, _ in DEADLINES if key != "decision_deadline"],
            "deadlines",
            "deadline_status",
            "amount_due",
            "handlers",
            "investigative_steps",
            "defenses",
            "payments",
            "extensions",
            "next_steps",
            "trail",
        ]
        read_only_fields = fields

    @extend_schema_field(DeadlineSerializer(many=True))
    def get_deadlines(self, obj: PenaltyCase) -> list[dict[str, Any]]:
        return [
            {"key": key, "label": label, "due_on": getattr(obj, key)}
            for key, label in DEADLINES
            if getattr(obj, key) is not None
        ]

    def get_deadline_status(self, obj: PenaltyCase) -> str:
        return str(self.context.get("deadline_status", ""))

    @extend_schema_field(serializers.DecimalField(max_digits=14, decimal_places=2))
    def get_amount_due(self, obj: PenaltyCase) -> str:
        return str(self.context.get("amount_due", "0.00"))

    @extend_schema_field(TrailEventSerializer(many=True))
    def get_trail(self, obj: PenaltyCase) -> list[dict[str, Any]]:
        rows = [
            {
                "sequence": e.sequence,
                "at": e.recorded_at,
                "event_type": e.event_type,
                "actor_name": e.actor.name if e.actor_id else None,
                "payload": e.data,
            }
            for e in self.context.get("trail", [])
        ]
        return list(TrailEventSerializer(rows, many=True).data)

    @extend_schema_field(NextStepSerializer(many=True))
    def get_next_steps(self, obj: PenaltyCase) -> list[dict[str, Any]]:
        return [
            {"action": s.action, "label": s.label, "allowed": s.allowed, "blocked": s.blocked}
            for s in self.context.get("next_steps", [])
        ]
