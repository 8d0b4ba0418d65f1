from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from zhifa.cases.choices import InvestigativeStepKind


class InvestigativeStep(models.Model):
    """一次调查取证活动 (询问、现场检查 …), done by at least two certified officers (R-PER-005, R-PEN-011)."""

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="investigative_steps"
    )
    kind = models.CharField("类别", max_length=30, choices=InvestigativeStepKind.choices)
    performed_on = models.DateField("日期")
    place = models.CharField("地点", max_length=200)
    summary = models.TextField("内容摘要")
    officers = models.ManyToManyField("personnel.Officer", verbose_name="执法人员", related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "调查取证"
        verbose_name_plural = "调查取证"
        ordering = ["penalty_case_id", "performed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.performed_on}"


class Payment(models.Model):
    """罚没款缴纳: paid to the designated bank (罚缴分离, R-PEN-024); the agency records the bank's receipt."""

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="payments"
    )
    paid_on = models.DateField("缴款日期")
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    receipt_number = models.CharField("缴款凭证号", max_length=60)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "罚没款缴纳"
        verbose_name_plural = "罚没款缴纳"
        ordering = ["penalty_case_id", "paid_on", "id"]

    def __str__(self) -> str:
        return f"{self.amount}元 {self.paid_on}"
