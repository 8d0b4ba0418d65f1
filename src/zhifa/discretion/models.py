"""行政裁量权基准 (discretion benchmarks, versioned per item and penalty article), their tiers and conditions, the
裁量情节 a handler ticks, and the 免罚清单 (no-penalty / lighter-penalty lists)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django_fsm import FSMField, transition

from zhifa.catalog.choices import PenaltyKind
from zhifa.core.models import TimestampedModel
from zhifa.discretion.choices import (
    NO_PENALTY_KINDS,
    TIER_ORDER,
    CircumstanceKind,
    DiscretionBenchmarkState,
    DiscretionTier,
    ExemptionKind,
    ExemptionListState,
    FlexibleMeasureKind,
    MatchMode,
    MultipleBase,
)
from zhifa.discretion.querysets import BenchmarkQuerySet, ExemptionEntryQuerySet, ExemptionListQuerySet
from zhifa.discretion.specs import BenchmarkSpec, CircumstanceSpec, ConditionSpec, TierSpec

S = DiscretionBenchmarkState
_LIVE = [S.IN_FORCE, S.SUSPENDED]
ZERO = [MinValueValidator(Decimal("0"))]


class Circumstance(models.Model):
    """裁量情节: a structured fact the handler ticks (a flag) or enters (an amount, a number).

    ``mandatory_tier``: when ticked, the law requires at least this leniency (R-DIS-008/010/011), whatever the
    benchmark says. ``statutory_ground``: a 法定从轻减轻情节 (处罚法 第30–32条), the only ground for 减轻 (R-DIS-007).
    ``lookback_months``: for 初次违法 and 再次违法, how far back earlier decisions are looked up (R-DIS-012).
    """

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("情节", max_length=100)
    kind = models.CharField("类型", max_length=10, choices=CircumstanceKind.choices, default=CircumstanceKind.FLAG)
    description = models.CharField("说明", max_length=300, blank=True)
    mandatory_tier = models.CharField("依法应当适用的阶次", max_length=20, choices=DiscretionTier.choices, blank=True)
    statutory_ground = models.BooleanField("法定从轻减轻情节", default=False)
    lookback_months = models.PositiveSmallIntegerField("追溯期限（月）", null=True, blank=True)
    rule_id = models.CharField("规则编号", max_length=20, blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=100)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "裁量情节"
        verbose_name_plural = "裁量情节"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def spec(self) -> CircumstanceSpec:
        return CircumstanceSpec(
            code=self.code,
            name=self.name,
            kind=self.kind,
            mandatory_tier=self.mandatory_tier,
            statutory_ground=self.statutory_ground,
            rule_id=self.rule_id,
        )


class DiscretionBenchmark(TimestampedModel):
    """行政裁量权基准 for one enforcement item and one of its penalty articles, in one version (R-DIS-001).

    A revision is a new row (``version`` + 1, ``previous_version``) created as 草稿; publishing it supersedes the
    previous version from its ``effective_on``. The version applied to a case is the one in force on the day of
    the decision (``in_force_on``). ``legal_*`` is the statutory range of the article; tiers lie inside it.
    """

    enforcement_item = models.ForeignKey(
        "catalog.EnforcementItem",
        verbose_name="执法事项",
        on_delete=models.PROTECT,
        related_name="discretion_benchmarks",
    )
    penalty_article = models.ForeignKey(
        "laws.Article", verbose_name="处罚依据", on_delete=models.PROTECT, related_name="discretion_benchmarks"
    )
    title = models.CharField("名称", max_length=200)
    violation = models.TextField("违法行为", blank=True)
    legal_fine_min_amount = models.DecimalField(
        "法定罚款下限（元）", max_digits=14, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    legal_fine_max_amount = models.DecimalField(
        "法定罚款上限（元）", max_digits=14, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    legal_multiple_min = models.DecimalField(
        "法定倍数下限", max_digits=8, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    legal_multiple_max = models.DecimalField(
        "法定倍数上限", max_digits=8, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    multiple_base = models.CharField(
        "倍数计算基数", max_length=20, choices=MultipleBase.choices, default=MultipleBase.ILLEGAL_GAINS
    )
    notes = models.TextField("说明", blank=True)
    state = FSMField("状态", max_length=20, choices=S.choices, default=S.DRAFT)
    version = models.PositiveIntegerField("版本号", default=1, validators=[MinValueValidator(1)])
    previous_version = models.ForeignKey(
        "self", verbose_name="上一版本", null=True, blank=True, on_delete=models.PROTECT, related_name="next_versions"
    )
    effective_on = models.DateField("生效日期", null=True, blank=True)
    ended_on = models.DateField("失效日期", null=True, blank=True, help_text="被替代或取消之日（当日起不再适用）")
    published_on = models.DateField("发布日期", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = BenchmarkQuerySet.as_manager()

    class Meta:
        verbose_name = "裁量基准"
        verbose_name_plural = "裁量基准"
        ordering = ["enforcement_item_id", "penalty_article_id", "version", "id"]
        indexes = [
            models.Index(fields=["enforcement_item", "penalty_article", "version"], name="discretion_bm_item_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["enforcement_item", "penalty_article", "version"],
                name="discretion_discretionbenchmark_unique_version",
            ),
            models.UniqueConstraint(
                fields=["enforcement_item", "penalty_article"],
                condition=models.Q(state__in=["in_force", "suspended"]),
                name="discretion_discretionbenchmark_unique_live",
                violation_error_message="该事项的该处罚依据已有有效的裁量基准",
            ),
            models.UniqueConstraint(
                fields=["enforcement_item", "penalty_article"],
                condition=models.Q(state="draft"),
                name="discretion_discretionbenchmark_unique_draft",
                violation_error_message="该裁量基准已有一个待发布的草稿版本",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}（第{self.version}版）"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        self.title = (self.title or "").strip()
        if not self.title:
            errors["title"] = "请填写裁量基准名称"
        for low, high, key in (
            (self.legal_fine_min_amount, self.legal_fine_max_amount, "legal_fine_max_amount"),
            (self.legal_multiple_min, self.legal_multiple_max, "legal_multiple_max"),
        ):
            if low is not None and high is not None and low > high:
                errors[key] = "法定幅度的上限不能低于下限"
        if errors:
            raise ValidationError(errors)

    @property
    def agency(self) -> models.Model:
        return self.enforcement_item.agency

    @property
    def agency_id(self) -> int:
        """The owning agency (the item's), for the permission predicates."""
        return self.enforcement_item.agency_id

    @property
    def is_live(self) -> bool:
        return self.state in _LIVE

    def applies_on(self, day: date) -> bool:
        """In force on ``day``: published, effective by then and not ended (R-DIS-001)."""
        if self.effective_on is None or self.effective_on > day or self.state in (S.DRAFT, S.SUSPENDED):
            return False
        return self.ended_on is None or self.ended_on > day

    def ordered_tiers(self) -> list[BenchmarkTier]:
        return sorted(self.tiers.all(), key=lambda t: TIER_ORDER.index(t.tier))

    def spec(self, circumstances: list[Circumstance] | None = None) -> BenchmarkSpec:
        """The benchmark for the pure assessment (``zhifa.discretion.assessment``); tiers and conditions should be
        prefetched (``BenchmarkQuerySet.with_tiers``)."""
        return BenchmarkSpec(
            label=str(self),
            tiers=tuple(t.spec() for t in self.ordered_tiers()),
            multiple_base=self.multiple_base,
            legal_fine_min=self.legal_fine_min_amount,
            legal_fine_max=self.legal_fine_max_amount,
            legal_multiple_min=self.legal_multiple_min,
            legal_multiple_max=self.legal_multiple_max,
            circumstances=tuple(c.spec() for c in circumstances or []),
        )

    # Transitions (GLOSSARY Registries). Services call them; nothing else sets ``state``.
    @transition(field=state, source=S.DRAFT, target=S.IN_FORCE)
    def publish(self) -> None:
        """发布."""

    @transition(field=state, source=S.IN_FORCE, target=S.SUSPENDED)
    def suspend(self) -> None:
        """暂停."""

    @transition(field=state, source=S.SUSPENDED, target=S.IN_FORCE)
    def resume(self) -> None:
        """恢复."""

    @transition(field=state, source=_LIVE, target=S.SUPERSEDED)
    def supersede(self) -> None:
        """被新版本替代."""

    @transition(field=state, source=[S.DRAFT, *_LIVE], target=S.ABOLISHED)
    def abolish(self) -> None:
        """取消."""


class BenchmarkTier(models.Model):
    """One 裁量阶次 of a benchmark: the circumstances that lead to it (in words and structured), the fine range in
    元 or as a multiple (of ``benchmark.multiple_base``), and the penalty kinds allowed or required (单处/并处)."""

    benchmark = models.ForeignKey(
        DiscretionBenchmark, verbose_name="裁量基准", on_delete=models.CASCADE, related_name="tiers"
    )
    tier = models.CharField("阶次", max_length=20, choices=DiscretionTier.choices)
    conditions_text = models.TextField("适用情形", blank=True)
    match_mode = models.CharField("情节关系", max_length=10, choices=MatchMode.choices, default=MatchMode.ANY)
    fine_min_amount = models.DecimalField(
        "罚款下限（元）", max_digits=14, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    fine_max_amount = models.DecimalField(
        "罚款上限（元）", max_digits=14, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    multiple_min = models.DecimalField(
        "倍数下限", max_digits=8, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    multiple_max = models.DecimalField(
        "倍数上限", max_digits=8, decimal_places=2, null=True, blank=True, validators=ZERO
    )
    allowed_kinds = models.JSONField("可选处罚种类", default=list, blank=True)
    required_kinds = models.JSONField("应当并处的种类", default=list, blank=True)

    class Meta:
        verbose_name = "裁量阶次"
        verbose_name_plural = "裁量阶次"
        ordering = ["benchmark_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["benchmark", "tier"], name="discretion_benchmarktier_unique_tier"),
        ]

    def __str__(self) -> str:
        return f"{self.benchmark} · {self.get_tier_display()}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for key in ("allowed_kinds", "required_kinds"):
            unknown = [k for k in getattr(self, key) or [] if k not in PenaltyKind.values]
            if unknown:
                errors[key] = f"处罚种类“{'、'.join(unknown)}”不是法定种类（R-PEN-001）"
        if errors:
            raise ValidationError(errors)

    def spec(self) -> TierSpec:
        return TierSpec(
            tier=self.tier,
            conditions=tuple(c.spec() for c in self.conditions.all()),
            match_mode=self.match_mode,
            fine_min=self.fine_min_amount,
            fine_max=self.fine_max_amount,
            multiple_min=self.multiple_min,
            multiple_max=self.multiple_max,
            allowed_kinds=frozenset(self.allowed_kinds or []),
            required_kinds=frozenset(self.required_kinds or []),
            conditions_text=self.conditions_text,
        )

    @property
    def range_text(self) -> str:
        return _range_text(self)

    @property
    def kinds_text(self) -> str:
        return _labels(self.allowed_kinds)

    @property
    def required_kinds_text(self) -> str:
        return _labels(self.required_kinds)

    @property
    def conditions_summary(self) -> str:
        return self.spec().describe_conditions()


def _labels(kinds: list[str] | None) -> str:
    return "、".join(PenaltyKind(k).label for k in kinds or [] if k in PenaltyKind.values)


def _range_text(tier: BenchmarkTier) -> str:
    def yuan(value: Decimal) -> str:
        return f"{value:,.2f}元"

    if tier.fine_min_amount is not None or tier.fine_max_amount is not None:
        low = yuan(tier.fine_min_amount) if tier.fine_min_amount is not None else "0元"
        return f"罚款{low}至{yuan(tier.fine_max_amount)}" if tier.fine_max_amount is not None else f"罚款{low}以上"
    if tier.multiple_min is not None or tier.multiple_max is not None:
        base = MultipleBase(tier.benchmark.multiple_base).label
        return f"罚款为{base}的{tier.multiple_min or 0}至{tier.multiple_max or '—'}倍"
    return "—"


class TierCondition(models.Model):
    """A structured condition of a tier: the circumstance is ticked, or its value lies in [min, max] (inclusive,
    R-TIME-006)."""

    tier = models.ForeignKey(BenchmarkTier, verbose_name="阶次", on_delete=models.CASCADE, related_name="conditions")
    circumstance = models.ForeignKey(Circumstance, verbose_name="情节", on_delete=models.PROTECT, related_name="+")
    min_value = models.DecimalField("不低于（含）", max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField("不高于（含）", max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "阶次情节条件"
        verbose_name_plural = "阶次情节条件"
        ordering = ["tier_id", "id"]

    def __str__(self) -> str:
        return self.spec().describe()

    def clean(self) -> None:
        if self.circumstance_id is None:
            return
        if self.circumstance.kind == CircumstanceKind.FLAG and (
            self.min_value is not None or self.max_value is not None
        ):
            raise ValidationError({"min_value": f"“{self.circumstance.name}”是是否情节，不设数值范围"})
        if self.circumstance.kind != CircumstanceKind.FLAG and self.min_value is None and self.max_value is None:
            raise ValidationError({"min_value": f"“{self.circumstance.name}”须写明数值范围"})
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValidationError({"max_value": "数值上限不能低于下限"})

    def spec(self) -> ConditionSpec:
        return ConditionSpec(self.circumstance.spec(), self.min_value, self.max_value)


class ExemptionList(TimestampedModel):
    """免罚清单 (首违不罚、轻微不罚 …) issued by an agency or, county-wide, by the 司法局 (R-DIS-014). Published
    (R-PUB-003) before its entries may be applied."""

    name = models.CharField("清单名称", max_length=200)
    agency = models.ForeignKey(
        "org.Agency", verbose_name="发布单位", on_delete=models.PROTECT, related_name="exemption_lists"
    )
    document_number = models.CharField("文号", max_length=60, blank=True)
    state = FSMField("状态", max_length=20, choices=ExemptionListState.choices, default=ExemptionListState.DRAFT)
    effective_on = models.DateField("生效日期", null=True, blank=True)
    ended_on = models.DateField("失效日期", null=True, blank=True)

    objects = ExemptionListQuerySet.as_manager()

    class Meta:
        verbose_name = "免罚清单"
        verbose_name_plural = "免罚清单"
        ordering = ["agency_id", "-effective_on", "id"]

    def __str__(self) -> str:
        return self.name

    def applies_on(self, day: date) -> bool:
        if self.effective_on is None or self.effective_on > day or self.state == ExemptionListState.DRAFT:
            return False
        return self.ended_on is None or self.ended_on > day

    @transition(field=state, source=ExemptionListState.DRAFT, target=ExemptionListState.IN_FORCE)
    def publish(self) -> None:
        """发布."""

    @transition(
        field=state, source=[ExemptionListState.DRAFT, ExemptionListState.IN_FORCE], target=ExemptionListState.ABOLISHED
    )
    def abolish(self) -> None:
        """取消."""


class ExemptionListEntry(models.Model):
    """One entry of a 免罚清单: the item, the violation, the conditions in words and the circumstances that must
    all be ticked, the 责令改正 period and the 柔性执法 measures it calls for."""

    exemption_list = models.ForeignKey(
        ExemptionList, verbose_name="免罚清单", on_delete=models.PROTECT, related_name="entries"
    )
    sequence = models.PositiveSmallIntegerField("序号")
    enforcement_item = models.ForeignKey(
        "catalog.EnforcementItem", verbose_name="执法事项", on_delete=models.PROTECT, related_name="exemption_entries"
    )
    kind = models.CharField("类别", max_length=20, choices=ExemptionKind.choices)
    violation = models.TextField("违法行为")
    conditions_text = models.TextField("适用条件")
    required_circumstances = models.ManyToManyField(
        Circumstance, verbose_name="须具备的情节", blank=True, related_name="+"
    )
    legal_basis = models.CharField("法律依据", max_length=300, blank=True)
    correction_calendar_days = models.PositiveSmallIntegerField("责令改正期限（日）", null=True, blank=True)
    measures = models.JSONField("柔性执法措施", default=list, blank=True)

    objects = ExemptionEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "免罚清单事项"
        verbose_name_plural = "免罚清单事项"
        ordering = ["exemption_list_id", "sequence", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["exemption_list", "sequence"], name="discretion_exemptionlistentry_unique_seq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exemption_list.name} 第{self.sequence}项"

    def clean(self) -> None:
        unknown = [m for m in self.measures or [] if m not in FlexibleMeasureKind.values]
        if unknown:
            raise ValidationError({"measures": f"柔性执法措施“{'、'.join(unknown)}”无效"})

    @property
    def is_no_penalty(self) -> bool:
        return self.kind in NO_PENALTY_KINDS

    @property
    def measures_text(self) -> str:
        return "、".join(FlexibleMeasureKind(m).label for m in self.measures or [] if m in FlexibleMeasureKind.values)
