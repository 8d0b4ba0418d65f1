"""柔性执法 measures recorded on a case (R-DIS-013): each 提醒/告诫/约谈/指导 … is a record, not a sentence."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zhifa.core.models import AppendOnlyModel
from zhifa.discretion.choices import FlexibleMeasureKind


class FlexibleMeasure(AppendOnlyModel):
    """One 柔性执法 measure taken towards the party of a case (教育, R-DIS-013): what, when, by whom, and what was
    said or agreed. A no-penalty decision under a 免罚清单 entry or the 不予处罚 tier needs at least one."""

    record_label = "柔性执法措施"

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="flexible_measures"
    )
    kind = models.CharField("措施", max_length=20, choices=FlexibleMeasureKind.choices)
    performed_on = models.DateField("日期")
    content = models.TextField("内容")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "柔性执法措施"
        verbose_name_plural = "柔性执法措施"
        ordering = ["penalty_case_id", "performed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.performed_on}"


class UpperBenchmarkApproval(AppendOnlyModel):
    """R-DIS-005: deviating from an upper-level benchmark (one issued by a city or province agency and applied
    directly, R-DIS-003) needs its issuer's approval, in addition to the written reason and the case's collective
    discussion. Given by a head (负责人) of the issuing agency for that benchmark version: who, which agency, when,
    why."""

    record_label = "上级裁量基准制定机关的批准"

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="upper_approvals"
    )
    benchmark = models.ForeignKey(
        "discretion.DiscretionBenchmark", verbose_name="偏离的上级裁量基准", on_delete=models.PROTECT, related_name="+"
    )
    issuing_agency = models.ForeignKey(
        "org.Agency", verbose_name="制定机关", on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准人", on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField("批准日期")
    reason = models.TextField("批准理由")
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "上级裁量基准制定机关的批准"
        verbose_name_plural = "上级裁量基准制定机关的批准"
        ordering = ["penalty_case_id", "approved_on", "id"]

    def __str__(self) -> str:
        return f"{self.issuing_agency} {self.approved_on}"
