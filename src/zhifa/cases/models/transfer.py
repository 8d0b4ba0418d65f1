"""行刑衔接: the transfer of a suspected crime found in a penalty case to public security (R-TRN-001..012).

The record follows 《行政执法机关移送涉嫌犯罪案件的规定》(国务院令第310号): a team of at least two officers reports
to the head (第5条), the head decides within 3 days, an approved case goes to the same-level police within 24 hours
with the statutory materials (第6条) and a copy to the procuratorate; the police reply within 3 days (第8条); a
refusal to file may be put back to them (第9条) and otherwise the agency resumes its own case (第10条).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from zhifa.cases.choices import CriminalTransferPoliceDecision, CriminalTransferState
from zhifa.core.models import TimestampedModel
from zhifa.core.scope import agency_q

T = CriminalTransferState
# A case has at most one transfer in progress or completed; a refused (returned) or declined one may be followed
# by a new proposal once the case was resumed.
ACTIVE_STATES = [T.PROPOSED, T.APPROVED, T.TRANSFERRED, T.FILED]
# R-TRN-001: "transferred or beyond" — the case actually went to the police.
SENT_STATES = [T.TRANSFERRED, T.FILED, T.DECLINED]


class CriminalTransferQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CriminalTransferQuerySet:
        """Case data scope, through the case's agency."""
        return self.filter(agency_q(user, "penalty_case__agency", case_data=True))


class CriminalTransfer(TimestampedModel):
    """涉嫌犯罪案件移送: one proposal to transfer a penalty case to 公安机关, from the team's report to the police's
    decision. The deadlines are stored when their trigger is recorded; lateness is a flag, not a refusal (DUE)."""

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="criminal_transfers"
    )
    state = FSMField("状态", max_length=20, choices=T.choices, default=T.PROPOSED, protected=False)
    # 专案组报告 (R-TRN-003)
    charge = models.CharField("涉嫌罪名", max_length=100)
    facts = models.TextField("涉嫌犯罪的事实")
    team = models.ManyToManyField("personnel.Officer", verbose_name="专案组", related_name="+")
    proposed_at = models.DateTimeField("报告时间")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报告人", on_delete=models.PROTECT, related_name="+"
    )
    head_decision_deadline = models.DateField("负责人审批期限", help_text="报告之日起3日（日历日，R-TRN-004）")
    # 负责人审批 (R-TRN-004)
    approved_at = models.DateTimeField("批准时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    refused_at = models.DateTimeField("不批准时间", null=True, blank=True)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="不批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    refusal_reason = models.TextField("不批准理由", blank=True)
    # 移送 (R-TRN-005, R-TRN-006, R-TRN-012)
    transfer_deadline = models.DateTimeField("移送期限", null=True, blank=True, help_text="批准后24小时（R-TRN-005）")
    transferred_at = models.DateTimeField("移送时间", null=True, blank=True)
    transferred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="移送人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    public_security = models.CharField("接收的公安机关", max_length=200, blank=True)
    materials = models.JSONField("移送材料", default=list, blank=True)
    copied_to_procuratorate_on = models.DateField("抄送检察院日期", null=True, blank=True)
    police_received_on = models.DateField("公安机关签收日期", null=True, blank=True)
    police_reply_deadline = models.DateField(
        "公安机关答复期限", null=True, blank=True, help_text="签收之日起3日（日历日，R-TRN-007）"
    )
    # 公安机关的决定 (R-TRN-007..009)
    police_decision = models.CharField(
        "公安机关决定", max_length=20, choices=CriminalTransferPoliceDecision.choices, blank=True
    )
    police_decided_on = models.DateField("公安机关决定日期", null=True, blank=True)
    police_notice_received_on = models.DateField("收到决定通知书日期", null=True, blank=True)
    police_decision_reason = models.TextField("公安机关决定理由", blank=True)
    reconsideration_deadline = models.DateField(
        "提请复议期限", null=True, blank=True, help_text="收到不予立案通知书之日起3日（日历日，R-TRN-008）"
    )
    reconsideration_requested_on = models.DateField("提请复议日期", null=True, blank=True)
    reconsideration_reply_deadline = models.DateField("复议答复期限", null=True, blank=True)
    reconsideration_answered_on = models.DateField("复议决定日期", null=True, blank=True)
    handover_deadline = models.DateField(
        "移交涉案物品期限", null=True, blank=True, help_text="收到立案通知书之日起3日（日历日，R-TRN-009）"
    )
    items_handed_over_on = models.DateField("移交涉案物品及材料日期", null=True, blank=True)
    # 恢复办理 (R-TRN-010)
    case_resumed_at = models.DateTimeField("恢复办理时间", null=True, blank=True)
    case_resumed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定恢复办理",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = CriminalTransferQuerySet.as_manager()

    class Meta:
        verbose_name = "涉嫌犯罪案件移送"
        verbose_name_plural = "涉嫌犯罪案件移送"
        ordering = ["-proposed_at", "-id"]
        indexes = [models.Index(fields=["-proposed_at", "-id"], name="cases_crimtransfer_order_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["penalty_case"],
                condition=models.Q(state__in=ACTIVE_STATES),
                name="cases_criminaltransfer_unique_active_case",
            )
        ]

    def __str__(self) -> str:
        return f"涉嫌{self.charge}移送（{self.get_state_display()}）"

    # --- questions about this record (DUE flags; R-TIME-009 alerts use them) -------------------------------
    @property
    def is_head_decision_late(self) -> bool:
        """R-TRN-004: approved or refused after the 3rd calendar day."""
        decided = self.approved_at or self.refused_at
        return decided is not None and timezone.localdate(decided) > self.head_decision_deadline

    @property
    def is_transfer_late(self) -> bool:
        """R-TRN-005: sent more than 24 hours after the approval."""
        return (
            self.transferred_at is not None
            and self.transfer_deadline is not None
            and self.transferred_at > self.transfer_deadline
        )

    @property
    def is_police_reply_late(self) -> bool:
        """R-TRN-007: the police decided after the 3rd calendar day from their receipt."""
        return (
            self.police_decided_on is not None
            and self.police_reply_deadline is not None
            and self.police_decided_on > self.police_reply_deadline
        )

    # --- transitions (called by cases.services.transfer only) ---------------------------------------------
    @transition(field=state, source=T.PROPOSED, target=T.APPROVED)
    def approve(self) -> None:
        """负责人批准移送 (R-TRN-004)."""

    @transition(field=state, source=T.PROPOSED, target=T.RETURNED)
    def refuse(self) -> None:
        """负责人不批准移送; the reasons are recorded (R-TRN-004)."""

    @transition(field=state, source=T.APPROVED, target=T.TRANSFERRED)
    def transfer_to_police(self) -> None:
        """移送公安机关 (R-TRN-005/006)."""

    @transition(field=state, source=[T.TRANSFERRED, T.DECLINED], target=T.FILED)
    def record_filing(self) -> None:
        """公安机关立案 — directly, or on the agency's reconsideration request (R-TRN-007/008)."""

    @transition(field=state, source=[T.TRANSFERRED, T.DECLINED], target=T.DECLINED)
    def record_declining(self) -> None:
        """公安机关不予立案 — or maintains it on reconsideration (R-TRN-007/008)."""
