"""执行 of a served penalty decision: 分期/延期缴纳 (R-PEN-025), 催告 (R-COE-010), 行政机关强制执行 (R-COE-011/014),
申请人民法院强制执行 (R-COE-016), and the party's 复议/诉讼 (R-PEN-027/028).

Records only: every change goes through ``cases.services.execution`` / ``cases.services.enforcement``, which
check the gates and write the ledger event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django_fsm import FSMField, transition

from zhifa.cases.choices import CourtRuling, PaymentPlanKind, PaymentPlanState, RemedyKind, RemedyResult
from zhifa.core.models import TimestampedModel
from zhifa.core.scope import agency_q
from zhifa.documents.choices import DeliveryMethod

P = PaymentPlanState
MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}
ACTIVE_PLAN_STATES = [P.APPLIED, P.APPROVED]


def _user(verbose_name: str, *, optional: bool = False) -> Any:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        related_name="+",
        null=optional,
        blank=optional,
    )


def _case(related_name: str) -> Any:
    return models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name=related_name
    )


class ExecutionRecordQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ExecutionRecordQuerySet:
        """Case data scope, through the case's agency."""
        return self.filter(agency_q(user, "penalty_case__agency", case_data=True))


class PaymentPlan(TimestampedModel):
    """分期/延期（暂缓）缴纳罚款 (R-PEN-025, 处罚法 第66条): on the party's written application (recorded by a handler),
    approved or refused by the agency head. Approved, it replaces the decision's payment deadline: 加处罚款 runs only
    on a portion past its own due date (R-PEN-027), and the period to apply to the court runs from its end
    (处罚法 第72条, R-COE-016)."""

    penalty_case = _case("payment_plans")
    kind = models.CharField("类别", max_length=20, choices=PaymentPlanKind.choices)
    state = FSMField("状态", max_length=20, choices=P.choices, default=P.APPLIED, protected=False)
    reason = models.TextField("申请理由（经济困难情况）")
    applied_on = models.DateField("申请日期")
    recorded_by = _user("登记人")
    principal_amount = models.DecimalField("申请分期/延期的罚没款（元）", **MONEY)
    original_deadline = models.DateField("原缴款期限")
    deferred_until = models.DateField("延期至", null=True, blank=True)
    decided_by = _user("审批人", optional=True)
    decided_on = models.DateField("审批日期", null=True, blank=True)
    refusal_reason = models.TextField("不予批准理由", blank=True)

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "分期/延期缴纳"
        verbose_name_plural = "分期/延期缴纳"
        ordering = ["penalty_case_id", "applied_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["penalty_case"],
                condition=models.Q(state__in=ACTIVE_PLAN_STATES),
                name="cases_paymentplan_unique_active_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.get_state_display()}）"

    @property
    def last_due_on(self) -> Any:
        """The day the plan ends: the deferral date, or the last instalment's."""
        if self.kind == PaymentPlanKind.DEFERRAL:
            return self.deferred_until
        dues = [i.due_on for i in self.installments.all()]
        return max(dues) if dues else None

    @transition(field=state, source=P.APPLIED, target=P.APPROVED)
    def approve(self) -> None:
        """负责人批准."""

    @transition(field=state, source=P.APPLIED, target=P.REFUSED)
    def refuse(self) -> None:
        """负责人不予批准, with the reasons."""


class PaymentInstallment(models.Model):
    """One instalment of an 分期缴纳 plan."""

    plan = models.ForeignKey(
        PaymentPlan, verbose_name="分期计划", on_delete=models.CASCADE, related_name="installments"
    )
    sequence = models.PositiveSmallIntegerField("期次")
    due_on = models.DateField("缴纳期限")
    amount = models.DecimalField("金额（元）", **MONEY)

    class Meta:
        verbose_name = "分期缴纳期次"
        verbose_name_plural = "分期缴纳期次"
        ordering = ["plan_id", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "sequence"], name="cases_paymentinstallment_unique_plan_sequence")
        ]

    def __str__(self) -> str:
        return f"第{self.sequence}期 {self.amount}元 {self.due_on}"


class DemandNotice(TimestampedModel):
    """催告书 (R-COE-010, 行政强制法 第35条): served before any enforcement decision or court application, in writing,
    stating the deadline, the manner, the amount and how to pay, and the party's right to state and defend. Served
    directly first (R-DOC-008)."""

    penalty_case = _case("demand_notices")
    served_on = models.DateField("送达日期")
    delivery_method = models.CharField("送达方式", max_length=20, choices=DeliveryMethod.choices)
    direct_delivery_failure = models.TextField(
        "未能直接送达的情况", blank=True, help_text="直接送达不成的方可采用其他方式（R-DOC-008）"
    )
    performance_deadline = models.DateField("履行期限")
    amount = models.DecimalField("催告金额（含加处罚款，元）", **MONEY)
    late_penalty_amount = models.DecimalField("其中加处罚款（元）", **MONEY)
    performance_manner = models.TextField("履行方式")
    payment_method = models.TextField("给付方式（缴款银行、账号或电子缴款）")
    recorded_by = _user("登记人")

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "催告"
        verbose_name_plural = "催告"
        ordering = ["penalty_case_id", "served_on", "id"]

    def __str__(self) -> str:
        return f"催告 {self.served_on}（履行期限{self.performance_deadline}）"


class DemandStatement(models.Model):
    """当事人收到催告书后的陈述、申辩 (R-COE-010, 行政强制法 第36条): recorded and reviewed; well-founded facts,
    reasons or evidence are adopted."""

    demand_notice = models.ForeignKey(
        DemandNotice, verbose_name="催告", on_delete=models.PROTECT, related_name="statements"
    )
    received_on = models.DateField("收到日期")
    content = models.TextField("陈述申辩内容")
    review = models.TextField("复核意见")
    is_adopted = models.BooleanField("予以采纳", default=False)
    recorded_by = _user("记录人")

    class Meta:
        verbose_name = "催告后的陈述申辩"
        verbose_name_plural = "催告后的陈述申辩"
        ordering = ["demand_notice_id", "received_on", "id"]

    def __str__(self) -> str:
        return f"陈述申辩 {self.received_on}"


class CompulsoryExecution(TimestampedModel):
    """行政机关强制执行决定 (R-COE-011, R-COE-014; 行政强制法 第37、46条): only by an agency a 法律 empowers
    (R-COE-001, 行政强制法 第13条), after the 催告 deadline passed unperformed and 加处罚款 ran more than 30 days.
    Served directly first (R-DOC-008); carried out on a working day in daytime unless urgent (R-COE-012)."""

    penalty_case = _case("compulsory_executions")
    demand_notice = models.ForeignKey(
        DemandNotice, verbose_name="催告", on_delete=models.PROTECT, related_name="compulsory_executions"
    )
    legal_basis = models.TextField("强制执行的法律依据（授权本机关强制执行的法律条款）")
    reason = models.TextField("强制执行的理由")
    methods = models.JSONField("强制执行方式", default=list)
    scheduled_on = models.DateField("强制执行时间")
    is_immediate = models.BooleanField(
        "立即强制执行", default=False, help_text="催告期间有证据证明有转移或者隐匿财物迹象"
    )
    immediate_evidence = models.TextField("转移或者隐匿财物的证据", blank=True)
    is_urgent = models.BooleanField("情况紧急", default=False, help_text="法定节假日实施须情况紧急（R-COE-012）")
    urgent_reason = models.TextField("紧急情况说明", blank=True)
    decided_by = _user("决定人")
    decided_on = models.DateField("决定日期")
    served_on = models.DateField("送达日期", null=True, blank=True)
    delivery_method = models.CharField("送达方式", max_length=20, choices=DeliveryMethod.choices, blank=True)
    direct_delivery_failure = models.TextField("未能直接送达的情况", blank=True)
    executed_on = models.DateField("实施日期", null=True, blank=True)
    result = models.TextField("执行情况", blank=True)

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "行政强制执行"
        verbose_name_plural = "行政强制执行"
        ordering = ["penalty_case_id", "decided_on", "id"]

    def __str__(self) -> str:
        return f"强制执行决定 {self.decided_on}"


class CourtExecution(TimestampedModel):
    """申请人民法院强制执行 (R-COE-016; 行政强制法 第53–58条, 行诉解释 第155–156条): after the party's litigation period
    ends (or a 分期/延期 ends) and within three months, at least 10 working days after the 催告 was served, with the
    statutory materials; then the court's ruling (准予 / 不予执行) and the result."""

    penalty_case = _case("court_executions")
    demand_notice = models.ForeignKey(
        DemandNotice, verbose_name="催告", on_delete=models.PROTECT, related_name="court_executions"
    )
    court = models.CharField("受理的人民法院", max_length=200)
    applied_on = models.DateField("申请日期")
    applied_by = _user("申请人（负责人）")
    materials = models.JSONField("申请材料", default=list)
    ruling = models.CharField("裁定", max_length=20, choices=CourtRuling.choices, blank=True)
    ruled_on = models.DateField("裁定日期", null=True, blank=True)
    ruling_number = models.CharField("裁定书文号", max_length=100, blank=True)
    ruling_reason = models.TextField("不予执行的理由", blank=True)
    result = models.TextField("执行结果", blank=True)
    result_on = models.DateField("执行结果登记日期", null=True, blank=True)

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "申请人民法院强制执行"
        verbose_name_plural = "申请人民法院强制执行"
        ordering = ["penalty_case_id", "applied_on", "id"]

    def __str__(self) -> str:
        return f"申请{self.court}强制执行 {self.applied_on}"


class RemedyProceeding(models.Model):
    """当事人申请行政复议或者提起行政诉讼. Execution does not stop (R-PEN-028, 处罚法 第73条); 加处罚款 is not counted
    while it is pending (R-PEN-027)."""

    penalty_case = _case("remedies")
    kind = models.CharField("类别", max_length=20, choices=RemedyKind.choices)
    body = models.CharField("复议机关/人民法院", max_length=200)
    filed_on = models.DateField("申请（起诉）日期")
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    result = models.CharField(
        "结果类别",
        max_length=30,
        choices=RemedyResult.choices,
        blank=True,
        help_text="撤销、变更等须撤下公示（R-PUB-008）",
    )
    outcome = models.TextField("结果", blank=True)
    recorded_by = _user("登记人")

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "行政复议/行政诉讼"
        verbose_name_plural = "行政复议/行政诉讼"
        ordering = ["penalty_case_id", "filed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filed_on}"
