"""行政执法公示 (GLOSSARY §7): publications — redacted, approved snapshots of a decision — and the verification code
of an enforcement certificate (亮证执法).

The portal renders only ``Publication.snapshot`` (built by ``redaction.build_snapshot``), never live models
(ARCHITECTURE "Privacy by construction"). A withdrawn or expired publication keeps its internal record here but
leaves every portal query (R-PRV-007).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django_fsm import FSMField, transition

from zhifa.core.models import TimestampedModel
from zhifa.publicity.choices import (
    ExemptionReason,
    PublicationKind,
    PublicationState,
    PublicityPhase,
    WithdrawalGround,
)
from zhifa.publicity.querysets import CertificateCodeQuerySet, PublicationQuerySet

P = PublicationState
USER = settings.AUTH_USER_MODEL


class Publication(TimestampedModel):
    """行政执法公示: one decision (or registry entry) as the public sees it.

    ``pending`` 待公示 → ``awaiting_approval`` 待审核 (the handler submitted the redacted snapshot) → ``published``
    已公示 (the agency's approver approved it, R-PUB-006) → ``withdrawn`` 已撤下 (R-PUB-008) | ``expired`` 已到期
    (R-PUB-010) | ``superseded`` 已更新 (事前公示 replaced by a newer snapshot); or ``exempted`` 不予公开 with a
    reason and the approver's approval (R-PUB-006). The state moves only through the services in
    ``publicity.services``.
    """

    agency = models.ForeignKey(
        "org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="publications"
    )
    phase = models.CharField("公示环节", max_length=10, choices=PublicityPhase.choices, default=PublicityPhase.AFTER)
    kind = models.CharField("公示类别", max_length=30, choices=PublicationKind.choices)
    state = FSMField("状态", max_length=30, choices=P.choices, default=P.PENDING, protected=False)
    # The decision it comes from (explicit references: the portal never follows them).
    penalty_case = models.ForeignKey(
        "cases.PenaltyCase",
        verbose_name="行政处罚案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    coercive_measure = models.ForeignKey(
        "cases.CoerciveMeasure",
        verbose_name="行政强制措施",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name="送达的决定书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="公示内容所依据的已签发决定书；系统外制作的纸质决定书为空，依案件记录生成",
    )
    title = models.CharField("标题", max_length=200)
    document_number = models.CharField("文号", max_length=80, blank=True)
    decided_on = models.DateField("决定日期")
    publication_deadline = models.DateField("公示时限", help_text="决定之日起7个或20个工作日（R-PUB-004）")
    deadline_is_provisional = models.BooleanField(
        "公示时限为暂算", default=False, help_text="期限跨入尚未录入节假日安排的年度时按周末暂算（R-TIME-001）"
    )
    # Content (R-PUB-007: the served decision changed only by redaction; both digests are SM3, lowercase hex).
    snapshot = models.JSONField("公示内容（已脱敏）", default=dict, blank=True)
    snapshot_digest = models.CharField("公示内容摘要", max_length=64, blank=True)
    source_digest = models.CharField("决定书摘要", max_length=64, blank=True)
    exclusions = models.JSONField(
        "不予公开的内容", default=list, blank=True, help_text="承办人标注的商业秘密等内容及理由（R-PRV-002）"
    )
    submitted_by = models.ForeignKey(
        USER, verbose_name="提交人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_on = models.DateField("提交日期", null=True, blank=True)
    return_reason = models.TextField("退回理由", blank=True)
    approved_by = models.ForeignKey(
        USER, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_on = models.DateField("公示日期", null=True, blank=True)
    publicity_period_months = models.PositiveSmallIntegerField("公示期限（月）", null=True, blank=True)
    expires_on = models.DateField(
        "公示截止日期", null=True, blank=True, help_text="届满后自动撤出公示平台（R-PUB-010）"
    )
    expired_on = models.DateField("到期撤出日期", null=True, blank=True)
    # 不予公开 (R-PUB-006)
    exemption_reason = models.CharField("不予公开理由", max_length=20, choices=ExemptionReason.choices, blank=True)
    exemption_note = models.TextField("不予公开说明", blank=True)
    exempted_by = models.ForeignKey(
        USER, verbose_name="批准不予公开", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    exempted_on = models.DateField("批准日期", null=True, blank=True)
    # 撤下 (R-PUB-008)
    withdrawal_ground = models.CharField("撤下情形", max_length=30, choices=WithdrawalGround.choices, blank=True)
    withdrawal_reason = models.TextField("撤下理由", blank=True)
    ground_on = models.DateField("情形发生日期", null=True, blank=True, help_text="决定被变更、撤销、确认违法等之日")
    withdrawal_deadline = models.DateField("撤下时限", null=True, blank=True, help_text="情形发生之日起3个工作日")
    withdrawn_by = models.ForeignKey(
        USER, verbose_name="撤下人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_on = models.DateField("撤下日期", null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "行政执法公示"
        verbose_name_plural = "行政执法公示"
        ordering = ["-decided_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "state", "publication_deadline"], name="publicity_pub_agency_due_idx"),
            models.Index(fields=["state", "-published_on", "-id"], name="publicity_pub_portal_idx"),
            models.Index(fields=["-decided_on", "-id"], name="publicity_pub_order_idx"),
            models.Index(fields=["updated_at"], name="publicity_pub_updated_idx"),
        ]
        constraints = [
            # One publication per decision: a redone decision has a new decision date and a new publication.
            models.UniqueConstraint(
                fields=["penalty_case", "kind", "decided_on"],
                condition=models.Q(penalty_case__isnull=False, coercive_measure__isnull=True),
                name="publicity_publication_unique_case_decision",
            ),
            models.UniqueConstraint(
                fields=["coercive_measure"],
                condition=models.Q(coercive_measure__isnull=False),
                name="publicity_publication_unique_measure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.document_number or self.title}"

    @property
    def is_open(self) -> bool:
        return self.state in (P.PENDING, P.AWAITING_APPROVAL)

    # --- transitions (called by services only) -------------------------------------------------------------
    @transition(field=state, source=P.PENDING, target=P.AWAITING_APPROVAL)
    def submit(self) -> None:
        """承办人提交脱敏后的公示内容, 送审核."""

    @transition(field=state, source=P.AWAITING_APPROVAL, target=P.PENDING)
    def send_back(self) -> None:
        """审核人退回修改."""

    @transition(field=state, source=P.AWAITING_APPROVAL, target=P.PUBLISHED)
    def publish(self) -> None:
        """审核通过, 公开 (``approve_publication``)."""

    @transition(field=state, source=[P.PENDING, P.AWAITING_APPROVAL], target=P.EXEMPTED)
    def exempt(self) -> None:
        """经批准不予公开 (R-PUB-006)."""

    @transition(field=state, source=P.PUBLISHED, target=P.WITHDRAWN)
    def withdraw(self) -> None:
        """撤下 (R-PUB-008)."""

    @transition(field=state, source=[P.PENDING, P.AWAITING_APPROVAL], target=P.WITHDRAWN)
    def withdraw_unpublished(self) -> None:
        """The decision was set aside before it went live: it is never published (R-PUB-008, ``annulment``)."""

    @transition(field=state, source=P.PUBLISHED, target=P.EXPIRED)
    def expire(self) -> None:
        """公示期限届满, 撤出公示平台 (R-PUB-010)."""

    @transition(field=state, source=P.PUBLISHED, target=P.SUPERSEDED)
    def supersede(self) -> None:
        """事前公示: replaced by a newer snapshot of the registry, or the registry entry ended (R-PUB-001)."""


class CertificateCode(TimestampedModel):
    """亮证执法 (``show_certificate``): the stable, unguessable token of one 行政执法证. Its URL (printed as a QR
    code) opens the portal's ``certificate_verification`` page, which says whether the holder may enforce today."""

    certificate = models.OneToOneField(
        "personnel.Certificate", verbose_name="行政执法证", on_delete=models.PROTECT, related_name="public_code"
    )
    token = models.CharField("核验码", max_length=64, unique=True)

    objects = CertificateCodeQuerySet.as_manager()

    class Meta:
        verbose_name = "执法证核验码"
        verbose_name_plural = "执法证核验码"
        ordering = ["certificate_id"]

    def __str__(self) -> str:
        return f"核验码 {self.certificate_id}"
