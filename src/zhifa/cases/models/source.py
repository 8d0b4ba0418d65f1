from __future__ import annotations

from django.conf import settings
from django.db import models
from django_fsm import FSMField, transition

from zhifa.cases.choices import CaseSourceState, SourceChannel
from zhifa.cases.querysets import CaseDataQuerySet
from zhifa.core.models import TimestampedModel


class CaseSource(TimestampedModel):
    """案源: a lead (complaint, inspection finding, 12345 work order …) registered, verified, then filed or declined
    (R-PEN-007: registered promptly, verified within the period, filed when the filing standard is met)."""

    agency = models.ForeignKey(
        "org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="case_sources"
    )
    channel = models.CharField("案源渠道", max_length=20, choices=SourceChannel.choices)
    received_on = models.DateField("收到日期")
    summary = models.TextField("案源内容")
    party = models.ForeignKey(
        "parties.Party", verbose_name="当事人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enforcement_item = models.ForeignKey(
        "catalog.EnforcementItem",
        verbose_name="执法事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = FSMField("状态", max_length=30, choices=CaseSourceState.choices, default=CaseSourceState.REGISTERED)
    verification_deadline = models.DateField("核查期限")
    decline_reason = models.TextField("不予立案理由", blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )

    objects = CaseDataQuerySet.as_manager()

    class Meta:
        verbose_name = "案源"
        verbose_name_plural = "案源"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["agency", "state"], name="cases_source_agency_state_idx")]

    def __str__(self) -> str:
        return f"案源 #{self.pk}（{self.get_channel_display()}）"

    @transition(field=state, source=CaseSourceState.REGISTERED, target=CaseSourceState.VERIFYING)
    def verify(self) -> None:
        """核查."""

    @transition(field=state, source=CaseSourceState.VERIFYING, target=CaseSourceState.AWAITING_FILING_APPROVAL)
    def propose_filing(self) -> None:
        """报请立案."""

    @transition(
        field=state,
        source=[CaseSourceState.VERIFYING, CaseSourceState.AWAITING_FILING_APPROVAL],
        target=CaseSourceState.DECLINED,
    )
    def decline(self) -> None:
        """不予立案."""

    @transition(field=state, source=CaseSourceState.AWAITING_FILING_APPROVAL, target=CaseSourceState.FILED)
    def file(self) -> None:
        """立案."""
