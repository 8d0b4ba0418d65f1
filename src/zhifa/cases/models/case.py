from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django_fsm import RETURN_VALUE, FSMField, transition

from zhifa.cases.choices import (
    ClosingReason,
    DecisionKind,
    ExecutionMode,
    HandlerRole,
    PenaltyCaseState,
    Procedure,
)
from zhifa.cases.querysets import CaseDataQuerySet
from zhifa.core.models import TimestampedModel
from zhifa.discretion.choices import DiscretionTier

S = PenaltyCaseState
MONEY = {"max_digits": 14, "decimal_places": 2, "default": Decimal("0.00"), "validators": [MinValueValidator(0)]}
OPEN_STATES = [s for s in S.values if s not in (S.CLOSED, S.ARCHIVED)]
# 中止 (R-TIME-008, R-COE-017): any open step before the decision, or the execution; not a decision awaiting service.
SUSPENDABLE_STATES = [
    S.FILED,
    S.INVESTIGATING,
    S.UNDER_CASE_REVIEW,
    S.UNDER_LEGAL_REVIEW,
    S.UNDER_DISCUSSION,
    S.NOTIFIED,
    S.HEARING,
    S.AWAITING_DECISION,
    S.EXECUTING,
]


class PenaltyCase(TimestampedModel):
    """行政处罚案件: one case from 立案 to 归档 (general procedure) or a 当场处罚 (simple procedure).

    The state field moves only through the transition methods below, each called by one service in
    ``cases.services`` that checks the legal gates and writes the ledger event in the same transaction.
    """

    agency = models.ForeignKey(
        "org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="penalty_cases"
    )
    case_number = models.CharField("案件编号", max_length=40, unique=True)
    procedure = models.CharField("程序", max_length=10, choices=Procedure.choices, default=Procedure.GENERAL)
    state = FSMField("状态", max_length=30, choices=S.choices, default=S.FILED, protected=False)
    suspended_from = models.CharField("中止前状态", max_length=30, blank=True)
    source = models.OneToOneField(
        "cases.CaseSource",
        verbose_name="案源",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penalty_case",
    )
    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    enforcement_item = models.ForeignKey(
        "catalog.EnforcementItem", verbose_name="执法事项", on_delete=models.PROTECT, related_name="+"
    )
    cause = models.CharField("案由", max_length=200)
    facts = models.TextField("违法事实", blank=True)
    act_on = models.DateField("违法行为发生日")
    act_ended_on = models.DateField("违法行为终了日", null=True, blank=True, help_text="连续或继续状态的违法行为填写")
    discovered_on = models.DateField("发现日期")
    endangers_life_or_finance = models.BooleanField(
        "涉及公民生命健康安全、金融安全且有危害后果", default=False, help_text="追责期限延长至五年（R-PEN-008）"
    )
    crime_suspected = models.BooleanField("涉嫌犯罪", default=False)
    filed_on = models.DateField("立案日期")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准立案",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_deadline = models.DateField("办案期限", null=True, blank=True)
    # Investigation and case review
    investigation_report = models.TextField("调查终结报告", blank=True)
    proposed_kinds = models.JSONField("拟处罚种类", default=list, blank=True)
    proposed_fine_amount = models.DecimalField("拟罚款金额（元）", **MONEY)
    proposed_confiscation_amount = models.DecimalField("拟没收违法所得（元）", **MONEY)
    route = models.CharField("审核意见", max_length=20, choices=DecisionKind.choices, blank=True)
    facts_clear = models.BooleanField("事实清楚、证据确凿", null=True, blank=True)
    case_review_opinion = models.TextField("案件审核意见", blank=True)
    case_reviewed_on = models.DateField("审核日期", null=True, blank=True)
    requires_legal_review = models.BooleanField("重大执法决定（须法制审核）", default=False)
    legal_review_reasons = models.JSONField("法制审核理由", default=list, blank=True)
    requires_hearing_notice = models.BooleanField("应告知听证权利", default=False)
    # R-REV-001: the grounds of a major decision the case review judged (``cases.choices.MajorCriterion`` values and
    # ticked 目录清单“其他” rows), with the written reason; ``legal_review_reasons`` is computed from them.
    major_criteria = models.JSONField("重大执法决定情形（案件审核认定）", default=list, blank=True)
    major_criteria_reason = models.TextField("重大执法决定情形的认定理由", blank=True)
    # Discretion (R-DIS-004..006, R-DIS-013/014): what the handler proposed, and what the decision applied
    benchmark = models.ForeignKey(
        "discretion.DiscretionBenchmark",
        verbose_name="裁量基准（拟适用版本）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    circumstances = models.JSONField("裁量情节", default=dict, blank=True)
    proposed_tier = models.CharField("拟适用阶次", max_length=20, choices=DiscretionTier.choices, blank=True)
    matched_tier = models.CharField("情节对应阶次", max_length=20, choices=DiscretionTier.choices, blank=True)
    benchmark_deviation = models.BooleanField("偏离裁量基准", default=False)
    deviation_reason = models.TextField("裁量理由（偏离基准须说明）", blank=True)
    discretion_notes = models.JSONField("裁量过程", default=list, blank=True)
    exemption_entry = models.ForeignKey(
        "discretion.ExemptionListEntry",
        verbose_name="适用的免罚清单事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applied_benchmark = models.ForeignKey(
        "discretion.DiscretionBenchmark",
        verbose_name="决定适用的裁量基准版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applied_tier = models.CharField("决定适用阶次", max_length=20, choices=DiscretionTier.choices, blank=True)
    applied_discretion = models.JSONField("决定的裁量说明", default=list, blank=True)
    correction_order = models.TextField("责令改正内容", blank=True)
    correction_deadline = models.DateField("责令改正期限", null=True, blank=True)
    # Prior notice, defence, hearing
    notice_served_on = models.DateField("事先告知送达日期", null=True, blank=True)
    notified_kinds = models.JSONField("告知的处罚种类", default=list, blank=True)
    notified_fine_amount = models.DecimalField("告知的罚款金额（元）", **MONEY)
    notified_confiscation_amount = models.DecimalField("告知的没收金额（元）", **MONEY)
    defense_deadline = models.DateField("陈述申辩期限", null=True, blank=True)
    hearing_request_deadline = models.DateField("听证申请期限", null=True, blank=True)
    defense_waived_on = models.DateField("书面放弃陈述申辩日期", null=True, blank=True)
    hearing_waived_on = models.DateField("书面放弃听证日期", null=True, blank=True)
    hearing_requested_on = models.DateField("申请听证日期", null=True, blank=True)
    # Decision, service, execution
    decision_kind = models.CharField("决定类型", max_length=20, choices=DecisionKind.choices, blank=True)
    penalty_kinds = models.JSONField("处罚种类", default=list, blank=True)
    fine_amount = models.DecimalField("罚款（元）", **MONEY)
    confiscated_gains_amount = models.DecimalField("没收违法所得（元）", **MONEY)
    decision_reasoning = models.TextField("决定理由", blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_served_on = models.DateField("决定书送达日期", null=True, blank=True)
    delivery_deadline = models.DateField("送达期限", null=True, blank=True)
    payment_deadline = models.DateField("缴款期限", null=True, blank=True)
    execution_mode = models.CharField("执行方式", max_length=20, choices=ExecutionMode.choices, blank=True)
    closing_reason = models.CharField("结案理由", max_length=20, choices=ClosingReason.choices, blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    # Simple procedure
    place = models.CharField("地点", max_length=200, blank=True)
    lodged_on = models.DateField("备案日期", null=True, blank=True)
    lodge_deadline = models.DateField("备案期限", null=True, blank=True)

    objects = CaseDataQuerySet.as_manager()

    class Meta:
        verbose_name = "行政处罚案件"
        verbose_name_plural = "行政处罚案件"
        ordering = ["-filed_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "state"], name="cases_case_agency_state_idx"),
            models.Index(fields=["party", "enforcement_item"], name="cases_case_party_item_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.case_number} {self.cause}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def total_penalty_amount(self) -> Decimal:
        """罚没款 = fine + confiscated money."""
        return self.fine_amount + self.confiscated_gains_amount

    # --- transitions (called by services only) -------------------------------------------------------------
    @transition(field=state, source=S.FILED, target=S.INVESTIGATING)
    def investigate(self) -> None:
        """调查取证 starts with the first investigative step."""

    @transition(field=state, source=S.INVESTIGATING, target=S.UNDER_CASE_REVIEW)
    def submit_for_case_review(self) -> None:
        """调查终结, 送案件审核."""

    @transition(field=state, source=[S.UNDER_CASE_REVIEW, S.AWAITING_DECISION], target=S.UNDER_LEGAL_REVIEW)
    def submit_for_legal_review(self) -> None:
        """重大执法决定: 送法制审核 (R-REV-004) — before the prior notice, or before the decision (after a hearing,
        a transfer); also when a disputed opinion goes back to coordination (R-REV-009)."""

    @transition(field=state, source=S.UNDER_LEGAL_REVIEW, target=RETURN_VALUE(S.UNDER_CASE_REVIEW, S.AWAITING_DECISION))
    def conclude_legal_review(self, to: str) -> str:
        """法制审核结束 (同意/变更/纠正/补充/移送, R-REV-008): back to the step the case was submitted from, or to the
        decision when the opinion is 移送 (``review.services`` says which)."""
        return to

    @transition(field=state, source=S.AWAITING_DECISION, target=S.UNDER_DISCUSSION)
    def submit_for_discussion(self) -> None:
        """负责人集体讨论 (R-PEN-014) of a major decision."""

    @transition(field=state, source=S.UNDER_DISCUSSION, target=S.AWAITING_DECISION)
    def conclude_discussion(self) -> None:
        """集体讨论作出结论: the head records the decision."""

    @transition(field=state, source=S.UNDER_CASE_REVIEW, target=S.NOTIFIED)
    def notify(self) -> None:
        """事先告知已送达; the defence window is open. Never while the legal review runs (R-REV-004): the review
        concludes first and returns the case to 案件审核."""

    @transition(field=state, source=S.NOTIFIED, target=S.HEARING)
    def hold_hearing(self) -> None:
        """听证 requested in time."""

    @transition(field=state, source=[S.NOTIFIED, S.HEARING], target=S.UNDER_CASE_REVIEW)
    def reconsider(self) -> None:
        """A defence or hearing changed facts or penalty: back to 案件审核."""

    @transition(field=state, source=[S.NOTIFIED, S.HEARING, S.UNDER_CASE_REVIEW], target=S.AWAITING_DECISION)
    def await_decision(self) -> None:
        """报负责人决定 (a running legal review ends through its opinion, ``conclude_legal_review``)."""

    @transition(field=state, source=[S.UNDER_CASE_REVIEW, S.AWAITING_DECISION], target=S.INVESTIGATING)
    def reopen_investigation(self) -> None:
        """补充调查: the head sends the case back to 调查取证 (after a 补充 return, an adopted defence, a collective
        discussion that did not adopt the proposal); it then goes through 案件审核 again (R-PEN-013)."""

    @transition(field=state, source=S.AWAITING_DECISION, target=S.DECIDED)
    def decide(self) -> None:
        """作出决定."""

    @transition(field=state, source=S.DECIDED, target=S.EXECUTING)
    def execute(self) -> None:
        """决定书已送达: 执行."""

    @transition(field=state, source=[S.DECIDED, S.EXECUTING, S.AWAITING_DECISION], target=S.CLOSED)
    def close(self) -> None:
        """结案."""

    @transition(field=state, source=S.CLOSED, target=S.ARCHIVED)
    def archive(self) -> None:
        """归档."""

    @transition(field=state, source=SUSPENDABLE_STATES, target=S.SUSPENDED)
    def suspend(self) -> None:
        """中止 (R-TIME-008, R-COE-017): remember the step to return to."""
        self.suspended_from = self.state

    @transition(field=state, source=S.SUSPENDED, target=RETURN_VALUE(*SUSPENDABLE_STATES))
    def resume(self) -> str:
        """恢复: back to the step the case was suspended from."""
        previous, self.suspended_from = self.suspended_from, ""
        return previous

    @transition(field=state, source=[*SUSPENDABLE_STATES, S.SUSPENDED], target=S.CLOSED)
    def terminate(self) -> None:
        """终止 before the decision, or 终结执行 (the services check which applies)."""
        self.suspended_from = ""

    @transition(
        field=state,
        source=[
            S.UNDER_CASE_REVIEW,
            S.UNDER_LEGAL_REVIEW,
            S.UNDER_DISCUSSION,
            S.NOTIFIED,
            S.HEARING,
            S.AWAITING_DECISION,
            S.CLOSED,
        ],
        target=S.UNDER_CASE_REVIEW,
    )
    def resume_after_transfer(self) -> None:
        """R-TRN-010: the police did not file (or the transfer was refused): back to 案件审核 for a penalty.
        From ``closed`` only when the case was closed by a transfer decision (checked by the service)."""


class CaseHandler(models.Model):
    """An officer handling the case (承办人): at least two certified officers, the lead never auxiliary."""

    penalty_case = models.ForeignKey(
        PenaltyCase, verbose_name="案件", on_delete=models.CASCADE, related_name="handlers"
    )
    officer = models.ForeignKey(
        "personnel.Officer", verbose_name="执法人员", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("角色", max_length=10, choices=HandlerRole.choices)
    declared_no_conflict = models.BooleanField("已声明无回避情形", default=False)

    class Meta:
        verbose_name = "承办人"
        verbose_name_plural = "承办人"
        ordering = ["penalty_case_id", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["penalty_case", "officer"], name="cases_casehandler_unique_case_officer"),
            models.UniqueConstraint(
                fields=["penalty_case"], condition=models.Q(role="lead"), name="cases_casehandler_unique_lead"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.officer}"


class DefenseRecord(models.Model):
    """陈述申辩: the party's statement after the prior notice (R-PEN-017: it never makes the penalty heavier)."""

    penalty_case = models.ForeignKey(
        PenaltyCase, verbose_name="案件", on_delete=models.PROTECT, related_name="defenses"
    )
    sent_on = models.DateField("寄出/提出日期", help_text="邮寄以邮戳日期为准（R-TIME-007）")
    received_on = models.DateField("收到日期")
    content = models.TextField("陈述申辩内容")
    review = models.TextField("复核意见", blank=True)
    changes_facts_or_penalty = models.BooleanField("采纳后改变事实或处罚", default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "陈述申辩"
        verbose_name_plural = "陈述申辩"
        ordering = ["penalty_case_id", "received_on", "id"]

    def __str__(self) -> str:
        return f"陈述申辩 {self.received_on}"


class DeadlineExtension(models.Model):
    """办案期限延长 (R-PEN-021): only with recorded approval."""

    penalty_case = models.ForeignKey(
        PenaltyCase, verbose_name="案件", on_delete=models.PROTECT, related_name="extensions"
    )
    calendar_days = models.PositiveSmallIntegerField("延长天数（日历日）")
    reason = models.TextField("延长理由")
    legal_basis = models.CharField("延长依据", max_length=200)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准人", on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField("批准日期")
    previous_deadline = models.DateField("原期限")
    new_deadline = models.DateField("延长后期限")

    class Meta:
        verbose_name = "办案期限延长"
        verbose_name_plural = "办案期限延长"
        ordering = ["penalty_case_id", "approved_on", "id"]

    def __str__(self) -> str:
        return f"延长至 {self.new_deadline}"
