"""中止 and 终止 of a penalty case: before its decision (R-TIME-008) and in its execution (R-COE-017).

The case's state is ``suspended`` while a suspension is open; ``suspended_from`` keeps where it returns to. Records
only: ``cases.services.suspension`` checks the grounds and writes the ledger event.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zhifa.cases.choices import ClosingReason, PenaltyCaseState, SuspensionGround, TerminationGround
from zhifa.cases.models.execution import ExecutionRecordQuerySet


class CaseSuspension(models.Model):
    """一次中止: start, end and reason (R-TIME-008). Before the decision the 90-day 办案期限 is moved by the paused
    days when the case resumes; a suspended execution (中止执行, 行政强制法 第39条) not resumed within three years
    with no obvious harm and no means to pay is ended (R-COE-017)."""

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="suspensions"
    )
    suspended_from = models.CharField("中止时所处环节", max_length=30, choices=PenaltyCaseState.choices)
    ground = models.CharField("中止理由", max_length=30, choices=SuspensionGround.choices)
    reason = models.TextField("具体情况")
    started_on = models.DateField("中止日期")
    party_told_on = models.DateField(
        "告知当事人日期", null=True, blank=True, help_text="检测、检验、检疫、鉴定期间须明确并告知当事人（R-TIME-008）"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准中止", on_delete=models.PROTECT, related_name="+"
    )
    ended_on = models.DateField("恢复日期", null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准恢复",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    end_note = models.TextField("恢复说明", blank=True)
    paused_days = models.PositiveIntegerField("暂停计算的天数", null=True, blank=True)
    previous_deadline = models.DateField("原办案期限", null=True, blank=True)
    new_deadline = models.DateField("重新计算的办案期限", null=True, blank=True)

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "中止"
        verbose_name_plural = "中止"
        ordering = ["penalty_case_id", "started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["penalty_case"],
                condition=models.Q(ended_on__isnull=True),
                name="cases_casesuspension_unique_open_case",
            )
        ]
        indexes = [models.Index(fields=["suspended_from", "started_on"], name="cases_susp_from_start_idx")]

    def __str__(self) -> str:
        return f"中止 {self.started_on}（{self.get_ground_display()}）"

    @property
    def is_execution(self) -> bool:
        """中止执行: suspended after the decision was served."""
        return self.suspended_from == PenaltyCaseState.EXECUTING


class CaseTermination(models.Model):
    """终止 a case before its decision (``terminated``), or 终结执行 (``execution_ended``, R-COE-017, 行政强制法 第40条):
    the ground, the reasons, who decided and when."""

    penalty_case = models.OneToOneField(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="termination"
    )
    closing_reason = models.CharField(
        "结案理由",
        max_length=20,
        choices=[(c.value, c.label) for c in (ClosingReason.TERMINATED, ClosingReason.EXECUTION_ENDED)],
    )
    ground = models.CharField("终止（终结）情形", max_length=30, choices=TerminationGround.choices)
    reason = models.TextField("具体情况")
    terminated_on = models.DateField("终止（终结）日期")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", on_delete=models.PROTECT, related_name="+"
    )

    objects = ExecutionRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "终止/终结执行"
        verbose_name_plural = "终止/终结执行"
        ordering = ["-terminated_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_closing_reason_display()} {self.terminated_on}"
