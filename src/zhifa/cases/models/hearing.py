from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django_fsm import FSMField, transition

from zhifa.cases.choices import HearingClosedReason, HearingState, HearingWaiverReason
from zhifa.core.models import TimestampedModel
from zhifa.core.scope import agency_q

H = HearingState
MAX_AGENTS = 2  # R-HEA-007


class HearingQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> HearingQuerySet:
        """The data scope of the case the hearing belongs to."""
        return self.filter(agency_q(user, "penalty_case__agency", case_data=True))


class Hearing(TimestampedModel):
    """听证 (行政处罚法 第63–65条): requested by the party in time (R-HEA-003), notified at least seven working
    days ahead (R-HEA-004), public unless secrets or privacy (R-HEA-005), chaired by someone who did not
    investigate the case (R-HEA-006), the party in person and/or with one or two agents (R-HEA-007), a checked
    and signed transcript (R-HEA-009) and a hearing report on which the decision is made (R-HEA-010).
    An absence without good reason or leaving without permission is a waiver (R-HEA-008).

    The state moves only through ``cases.services.hearing``.
    """

    penalty_case = models.OneToOneField(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="hearing"
    )
    state = FSMField("状态", max_length=20, choices=H.choices, default=H.REQUESTED, protected=False)
    requested_on = models.DateField("申请听证日期")
    presiding_officer = models.ForeignKey(
        "personnel.Officer",
        verbose_name="听证主持人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    clerk = models.ForeignKey(
        "personnel.Officer", verbose_name="书记员", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    scheduled_at = models.DateTimeField("听证时间", null=True, blank=True)
    place = models.CharField("听证地点", max_length=200, blank=True)
    notice_sent_on = models.DateField(
        "听证通知送达日期", null=True, blank=True, help_text="应在举行听证七个工作日前通知（R-HEA-004）"
    )
    is_public = models.BooleanField("公开举行", default=True)
    closed_reason = models.CharField(
        "不公开理由", max_length=20, choices=HearingClosedReason.choices, blank=True, help_text="R-HEA-005"
    )
    held_at = models.DateTimeField("举行时间", null=True, blank=True)
    party_attended = models.BooleanField("当事人本人出席", null=True, blank=True)
    transcript = models.TextField("听证笔录", blank=True)
    transcript_signed = models.BooleanField("笔录经当事人核对签字", default=False)
    signature_refusal_note = models.TextField(
        "拒绝签字情况", blank=True, help_text="当事人拒绝签字的，由听证主持人在笔录中注明（R-HEA-009）"
    )
    waiver_reason = models.CharField("放弃听证情形", max_length=20, choices=HearingWaiverReason.choices, blank=True)
    waiver_note = models.TextField("放弃听证情况说明", blank=True)
    waived_on = models.DateField("放弃听证日期", null=True, blank=True)
    report = models.TextField("听证报告", blank=True)
    reported_on = models.DateField("听证报告日期", null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报告人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = HearingQuerySet.as_manager()

    class Meta:
        verbose_name = "听证"
        verbose_name_plural = "听证"
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_public=True, closed_reason="")
                | models.Q(is_public=False) & ~models.Q(closed_reason=""),
                name="cases_hearing_closed_reason_iff_not_public",
            ),
        ]

    def __str__(self) -> str:
        return f"听证 {self.penalty_case_id} {self.get_state_display()}"

    def clean(self) -> None:
        if self.is_public and self.closed_reason:
            raise ValidationError({"closed_reason": "公开举行的听证不应填写不公开理由（R-HEA-005）"})
        if not self.is_public and not self.closed_reason:
            raise ValidationError(
                {"closed_reason": "听证不公开举行的，须说明涉及国家秘密、商业秘密或者个人隐私（R-HEA-005）"}
            )
        if self.presiding_officer_id and self.presiding_officer_id == self.clerk_id:
            raise ValidationError({"clerk": "书记员不得由听证主持人兼任"})

    # --- transitions (called by services only) -------------------------------------------------------------
    @transition(field=state, source=[H.REQUESTED, H.SCHEDULED], target=H.SCHEDULED)
    def schedule(self) -> None:
        """听证通知 (time and place) sent; re-scheduling sends a new notice."""

    @transition(field=state, source=H.SCHEDULED, target=H.HELD)
    def hold(self) -> None:
        """听证已举行, transcript checked and signed."""

    @transition(field=state, source=H.HELD, target=H.REPORTED)
    def submit_report(self) -> None:
        """听证报告 submitted to the head."""

    @transition(field=state, source=[H.REQUESTED, H.SCHEDULED], target=H.WAIVED)
    def waive(self) -> None:
        """放弃听证 (R-HEA-008)."""


class HearingAgent(models.Model):
    """委托代理人: the party may appoint one or two agents (R-HEA-007)."""

    hearing = models.ForeignKey(Hearing, verbose_name="听证", on_delete=models.PROTECT, related_name="agents")
    name = models.CharField("姓名", max_length=50)
    capacity = models.CharField("身份", max_length=50, blank=True, help_text="如：律师、当事人近亲属、工作人员")
    authorization = models.CharField("授权委托书", max_length=200, blank=True, help_text="授权委托书编号或说明")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "听证委托代理人"
        verbose_name_plural = "听证委托代理人"
        ordering = ["hearing_id", "id"]

    def __str__(self) -> str:
        return self.name


class HearingRecusal(models.Model):
    """当事人申请听证主持人等回避 and the agency's decision (R-HEA-006)."""

    hearing = models.ForeignKey(Hearing, verbose_name="听证", on_delete=models.PROTECT, related_name="recusals")
    officer = models.ForeignKey(
        "personnel.Officer", verbose_name="被申请回避人员", on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField("申请日期")
    reason = models.TextField("申请理由")
    granted = models.BooleanField("决定回避")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "听证回避申请"
        verbose_name_plural = "听证回避申请"
        ordering = ["hearing_id", "requested_on", "id"]

    def __str__(self) -> str:
        return f"回避申请 {self.officer} {'准许' if self.granted else '驳回'}"
