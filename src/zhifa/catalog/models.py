"""行政执法事项清单 (enforcement items), 音像记录事项清单 (A/V requirements) and the
重大执法决定法制审核目录清单 (major-decision criteria)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django_fsm import FSMField, transition

from zhifa.catalog.choices import (
    ALWAYS_AV_STEPS,
    AvStep,
    CriterionKind,
    EnforcementItemState,
    ItemKind,
    ItemLevel,
    PartyCategory,
)
from zhifa.catalog.querysets import AvRequirementQuerySet, EnforcementItemQuerySet, MajorDecisionCriterionQuerySet
from zhifa.core.models import TimestampedModel

_LIVE = [EnforcementItemState.IN_FORCE, EnforcementItemState.SUSPENDED]


class EnforcementItem(TimestampedModel):
    """One row of an agency's 行政执法事项清单 (清单之外无执法, R-PEN-003), in one version.

    A revision is a new row (``version`` + 1, ``previous_version`` set) created as 草稿; publishing it
    supersedes the previous version. ``code`` is the opaque 事项编码 of the provincial catalog; the 四级四同
    fields (``item_level``, ``source_item_code``, ``power_list_code``) tie it to the upper-level catalog.
    """

    code = models.CharField("事项编码", max_length=64)
    name = models.CharField("事项名称", max_length=200)
    kind = models.CharField("事项类型", max_length=20, choices=ItemKind.choices)
    agency = models.ForeignKey(
        "org.Agency", verbose_name="实施主体", on_delete=models.PROTECT, related_name="enforcement_items"
    )
    sector = models.ForeignKey(
        "org.Sector", verbose_name="执法领域", on_delete=models.PROTECT, related_name="enforcement_items"
    )
    item_level = models.CharField("事项层级", max_length=20, choices=ItemLevel.choices, default=ItemLevel.COUNTY)
    source_item_code = models.CharField(
        "上级事项编码", max_length=64, blank=True, help_text="四级四同：对应的上级清单事项编码"
    )
    power_list_code = models.CharField("权责清单编码", max_length=64, blank=True)
    establishing_basis = models.ManyToManyField(
        "laws.Article", verbose_name="设定依据", blank=True, related_name="establishing_items"
    )
    penalty_basis = models.ManyToManyField(
        "laws.Article", verbose_name="处罚依据", blank=True, related_name="penalty_items"
    )
    state = FSMField("状态", max_length=20, choices=EnforcementItemState.choices, default=EnforcementItemState.DRAFT)
    version = models.PositiveIntegerField("版本号", default=1, validators=[MinValueValidator(1)])
    previous_version = models.ForeignKey(
        "self", verbose_name="上一版本", null=True, blank=True, on_delete=models.PROTECT, related_name="next_versions"
    )
    effective_on = models.DateField("生效日期", null=True, blank=True)
    ended_on = models.DateField("失效日期", null=True, blank=True, help_text="被替代或取消之日（当日起不再列入清单）")

    objects = EnforcementItemQuerySet.as_manager()

    class Meta:
        verbose_name = "执法事项"
        verbose_name_plural = "执法事项"
        ordering = ["agency_id", "code", "version", "id"]
        indexes = [models.Index(fields=["agency", "code", "version"], name="catalog_item_agency_code_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code", "version"], name="catalog_enforcementitem_unique_agency_code_version"
            ),
            models.UniqueConstraint(
                fields=["agency", "code"],
                condition=models.Q(state__in=["in_force", "suspended"]),
                name="catalog_enforcementitem_unique_live_code",
                violation_error_message="该执法主体已有同一事项编码的有效事项",
            ),
            models.UniqueConstraint(
                fields=["agency", "code"],
                condition=models.Q(state="draft"),
                name="catalog_enforcementitem_unique_draft_code",
                violation_error_message="该事项已有一个待发布的草稿版本",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}（第{self.version}版）"

    def clean(self) -> None:
        self.code = (self.code or "").strip()
        self.name = (self.name or "").strip()
        errors: dict[str, str] = {}
        if not self.code:
            errors["code"] = "事项编码不能为空"
        if self.previous_version_id and self.previous_version and self.previous_version.version >= self.version:
            errors["version"] = "版本号应大于上一版本"
        if self.sector_id and self.agency_id and not self.agency.sectors.filter(pk=self.sector_id).exists():
            errors["sector"] = f"执法领域“{self.sector}”不在{self.agency}的执法领域内"
        if errors:
            raise ValidationError(errors)

    @property
    def is_live(self) -> bool:
        return self.state in _LIVE

    # Transitions (GLOSSARY Registries). Services call them; nothing else sets ``state``.
    @transition(field=state, source=EnforcementItemState.DRAFT, target=EnforcementItemState.IN_FORCE)
    def publish(self) -> None:
        """发布."""

    @transition(field=state, source=EnforcementItemState.IN_FORCE, target=EnforcementItemState.SUSPENDED)
    def suspend(self) -> None:
        """暂停."""

    @transition(field=state, source=EnforcementItemState.SUSPENDED, target=EnforcementItemState.IN_FORCE)
    def resume(self) -> None:
        """恢复."""

    @transition(field=state, source=_LIVE, target=EnforcementItemState.SUPERSEDED)
    def supersede(self) -> None:
        """被新版本替代."""

    @transition(field=state, source=[EnforcementItemState.DRAFT, *_LIVE], target=EnforcementItemState.ABOLISHED)
    def abolish(self) -> None:
        """取消."""


class AvRequirement(models.Model):
    """A row of the 音像记录事项清单: whether a step needs an audio/video record.

    ``agency`` empty = default for every agency; ``item`` narrows the row to one item. R-REC-003 steps are
    always mandatory (rows may not say otherwise); R-REC-004 steps follow the agency's list.
    """

    agency = models.ForeignKey(
        "org.Agency",
        verbose_name="执法主体",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="av_requirements",
        help_text="留空为适用于所有执法主体的默认设置",
    )
    step = models.CharField("执法环节", max_length=40, choices=AvStep.choices)
    item = models.ForeignKey(
        EnforcementItem,
        verbose_name="执法事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="av_requirements",
    )
    is_mandatory = models.BooleanField("必须音像记录", default=True)
    rule_id = models.CharField("规则编号", max_length=20, default="R-REC-004")
    description = models.CharField("说明", max_length=200, blank=True)

    objects = AvRequirementQuerySet.as_manager()

    class Meta:
        verbose_name = "音像记录事项"
        verbose_name_plural = "音像记录事项清单"
        ordering = ["agency_id", "step", "item_id", "id"]
        constraints = [
            models.UniqueConstraint(
                Coalesce(F("agency"), Value(0)),
                F("step"),
                Coalesce(F("item"), Value(0)),
                name="catalog_avrequirement_unique_agency_step_item",
                violation_error_message="同一执法主体、环节和事项只能有一条设置",
            ),
        ]

    def __str__(self) -> str:
        scope = str(self.agency) if self.agency_id else "默认"
        return f"{scope} · {self.get_step_display()}{'（必须）' if self.is_mandatory else ''}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.step in ALWAYS_AV_STEPS and not self.is_mandatory:
            errors["is_mandatory"] = f"“{AvStep(self.step).label}”依规定必须全程音像记录（R-REC-003），不能设为非必须"
        if self.item_id and self.agency_id and self.item.agency_id != self.agency_id:
            errors["item"] = "执法事项不属于该执法主体"
        if errors:
            raise ValidationError(errors)


class MajorDecisionCriterion(models.Model):
    """A row of the 重大执法决定法制审核目录清单 (R-REV-002) with its locality setting.

    Scope: national default (no region, no agency), a region (``region_code``, GB/T 2260; applies to the
    region and below) or one agency. The most specific row of the same kind and party category wins, so a
    locality can raise, lower or switch off a default. Thresholds are inclusive: “以上” includes the number
    (R-TIME-006).
    """

    kind = models.CharField("类别", max_length=40, choices=CriterionKind.choices)
    party_category = models.CharField(
        "当事人类别", max_length=20, choices=PartyCategory.choices, default=PartyCategory.ANY
    )
    threshold_amount = models.DecimalField(
        "金额标准（元，含本数）",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    region_code = models.CharField("适用行政区划代码", max_length=12, blank=True, help_text="留空为全国默认")
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name="执法主体",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="major_decision_criteria",
    )
    sector = models.ForeignKey(
        "org.Sector",
        verbose_name="执法领域",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="major_decision_criteria",
    )
    is_active = models.BooleanField("启用", default=True)
    description = models.CharField("说明", max_length=300, blank=True)
    rule_id = models.CharField("规则编号", max_length=20, default="R-REV-002")

    objects = MajorDecisionCriterionQuerySet.as_manager()

    class Meta:
        verbose_name = "重大执法决定法制审核目录"
        verbose_name_plural = "重大执法决定法制审核目录清单"
        ordering = ["region_code", "agency_id", "kind", "party_category", "id"]

    def __str__(self) -> str:
        amount = f"≥{self.threshold_amount}元" if self.threshold_amount is not None else ""
        return f"{self.get_kind_display()}（{self.get_party_category_display()}）{amount}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.region_code and self.agency_id:
            errors["region_code"] = "行政区划与执法主体只填其一"
        if self.region_code and not (self.region_code.isdigit() and len(self.region_code) in (6, 9, 12)):
            errors["region_code"] = "区划代码应为6、9或12位数字"
        if self.kind == CriterionKind.LARGE_FINE and self.threshold_amount is None:
            errors["threshold_amount"] = "“较大数额罚款或没收”必须填写金额标准"
        if errors:
            raise ValidationError(errors)

    def matches_amount(self, amount: Decimal) -> bool:
        """R-TIME-006: “以上” includes the threshold itself."""
        return self.threshold_amount is None or amount >= self.threshold_amount
