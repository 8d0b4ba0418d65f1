"""行政强制措施 (查封、扣押、冻结 …) taken in a penalty case, and its 清单 (R-COE-001..009, R-REC-003)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django_fsm import FSMField, transition

from zhifa.cases.choices import (
    CoerciveDisposal,
    CoerciveMeasureKind,
    CoerciveMeasureState,
    CoerciveReleaseGround,
)
from zhifa.core.models import TimestampedModel
from zhifa.core.scope import agency_q

M = CoerciveMeasureState
MAX_EXTENSION_DAYS = 30  # R-COE-007


class CoerciveMeasureQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> CoerciveMeasureQuerySet:
        """Case data scope, through the case's agency."""
        return self.filter(agency_q(user, "penalty_case__agency", case_data=True))


class InventoryItemQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> InventoryItemQuerySet:
        return self.filter(agency_q(user, "measure__penalty_case__agency", case_data=True))


class CoerciveMeasure(TimestampedModel):
    """行政强制措施: 查封场所、设施或者财物, 扣押财物, 冻结存款、汇款 or another measure a law provides.

    Approved by the head beforehand (R-COE-002), or taken on the spot in an emergency and approved within 24 hours
    (R-COE-003); carried out by two officers with the decision and the inventory delivered on the spot
    (R-COE-004/006) on full audio/video (R-REC-003); limited to 30 days, extendable once by at most 30 days
    (R-COE-007); ended by release or by lawful disposal (R-COE-008). The state moves only through the services
    in ``cases.services.coercion``.
    """

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="coercive_measures"
    )
    kind = models.CharField("措施种类", max_length=10, choices=CoerciveMeasureKind.choices)
    enforcement_item = models.ForeignKey(
        "catalog.EnforcementItem",
        verbose_name="行政强制事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="本单位执法事项清单中的行政强制事项（R-COE-001、R-PEN-003）",
    )
    state = FSMField("状态", max_length=30, choices=M.choices, default=M.PENDING_APPROVAL, protected=False)
    emergency = models.BooleanField("情况紧急当场实施", default=False)
    place = models.CharField("实施地点", max_length=200)
    reason = models.TextField("实施理由")
    legal_basis = models.TextField("法律依据")
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", on_delete=models.PROTECT, related_name="+"
    )
    applied_on = models.DateField("申请日期")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField("决定日期", null=True, blank=True)
    officers = models.ManyToManyField("personnel.Officer", verbose_name="实施人员", blank=True, related_name="+")
    started_at = models.DateTimeField("实施时间", null=True, blank=True)
    started_on = models.DateField("实施日期", null=True, blank=True)
    retro_approval_deadline = models.DateTimeField(
        "补办批准时限", null=True, blank=True, help_text="紧急实施后24小时内（R-COE-003）"
    )
    term_deadline = models.DateField("期限届满日", null=True, blank=True, help_text="实施之日起30日（R-COE-007）")
    extension_days = models.PositiveSmallIntegerField(
        "延长天数", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_EXTENSION_DAYS)]
    )
    extension_reason = models.TextField("延长理由", blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准延长",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    extended_on = models.DateField("批准延长日期", null=True, blank=True)
    extended_deadline = models.DateField("延长后期限", null=True, blank=True)
    testing_days = models.PositiveSmallIntegerField(
        "检测、检验等期间（日）", default=0, help_text="不计入查封、扣押期间，须明确并告知当事人（R-COE-007）"
    )
    testing_told_on = models.DateField("检测期间告知日期", null=True, blank=True)
    due_on = models.DateField("期限（含延长与检测期间）", null=True, blank=True)
    release_ground = models.CharField("解除情形", max_length=20, choices=CoerciveReleaseGround.choices, blank=True)
    release_reason = models.TextField("解除理由", blank=True)
    released_on = models.DateField("解除日期", null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准解除",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    disposal = models.CharField("处理方式", max_length=20, choices=CoerciveDisposal.choices, blank=True)
    disposal_note = models.TextField("处理说明", blank=True)
    disposed_on = models.DateField("处理日期", null=True, blank=True)

    objects = CoerciveMeasureQuerySet.as_manager()

    class Meta:
        verbose_name = "行政强制措施"
        verbose_name_plural = "行政强制措施"
        ordering = ["-applied_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(extension_days__isnull=True) | models.Q(extension_days__lte=MAX_EXTENSION_DAYS),
                name="cases_coercivemeasure_extension_at_most_30_days",
            ),
        ]
        indexes = [models.Index(fields=["state", "due_on"], name="cases_coercion_state_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.place}"

    @property
    def agency(self) -> Any:
        return self.penalty_case.agency

    def clean(self) -> None:
        if self.extended_deadline and self.term_deadline and self.extended_deadline <= self.term_deadline:
            raise ValidationError({"extended_deadline": "延长后期限应晚于原期限"})

    # --- transitions (called by services only) -------------------------------------------------------------
    @transition(field=state, source=M.PENDING_APPROVAL, target=M.IN_FORCE)
    def start(self) -> None:
        """经批准后实施."""

    @transition(field=state, source=M.AWAITING_RETRO_APPROVAL, target=M.IN_FORCE)
    def retro_approve(self) -> None:
        """紧急实施后补办批准手续."""

    @transition(field=state, source=M.IN_FORCE, target=M.EXTENDED)
    def extend(self) -> None:
        """延长期限 (once)."""

    @transition(field=state, source=[M.AWAITING_RETRO_APPROVAL, M.IN_FORCE, M.EXTENDED], target=M.RELEASED)
    def release(self) -> None:
        """解除."""

    @transition(field=state, source=[M.IN_FORCE, M.EXTENDED], target=M.DISPOSED)
    def dispose(self) -> None:
        """依法没收或者销毁."""


class InventoryItem(models.Model):
    """清单 of the places, facilities or things sealed, seized or frozen (R-COE-006), one row per item."""

    measure = models.ForeignKey(
        CoerciveMeasure, verbose_name="强制措施", on_delete=models.PROTECT, related_name="inventory_items"
    )
    name = models.CharField("名称", max_length=200)
    specification = models.CharField("规格型号", max_length=200, blank=True)
    quantity = models.DecimalField("数量", max_digits=14, decimal_places=3, validators=[MinValueValidator(0)])
    unit = models.CharField("单位", max_length=20)
    condition_note = models.CharField("状况", max_length=200, blank=True)

    objects = InventoryItemQuerySet.as_manager()

    class Meta:
        verbose_name = "清单物品"
        verbose_name_plural = "清单物品"
        ordering = ["measure_id", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="cases_inventoryitem_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.quantity}{self.unit}"
