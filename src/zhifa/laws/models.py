"""Laws, regulations and rules (法律法规规章), their versions, articles (条/款/项/目) and violation types."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce

from zhifa.core.models import TimestampedModel
from zhifa.laws.choices import LOCAL_LEVELS, NATIONAL_LEVELS, LawLevel, LawVersionState
from zhifa.laws.citations import render_citation, render_position
from zhifa.laws.querysets import ArticleQuerySet, LawQuerySet, LawVersionQuerySet, ViolationTypeQuerySet


class Law(TimestampedModel):
    """A legal instrument (法律、行政法规、地方性法规、规章或规范性文件) with its 效力层级 and 制定机关.

    ``short_title`` is the name used in citations (《行政处罚法》); the full title may carry 中华人民共和国.
    ``issuing_region_code`` (GB/T 2260) is the region of a local issuing body (地方人大、地方政府及其部门);
    blank for a national instrument. It decides who may maintain the law (``laws.rules``).
    """

    title = models.CharField("名称", max_length=200, unique=True)
    short_title = models.CharField("简称", max_length=100, blank=True, help_text="引用时使用，如“行政处罚法”")
    level = models.CharField("效力层级", max_length=40, choices=LawLevel.choices)
    issuing_body = models.CharField("制定机关", max_length=100)
    issuing_region_code = models.CharField(
        "制定机关所在行政区划代码",
        max_length=12,
        blank=True,
        default="",
        help_text="地方性法规、规章和地方规范性文件填写；全国性法律法规留空",
    )

    objects = LawQuerySet.as_manager()

    class Meta:
        verbose_name = "法律法规规章"
        verbose_name_plural = "法律法规规章"
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["short_title"], condition=~models.Q(short_title=""), name="laws_law_unique_short_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def citation_title(self) -> str:
        """The title inside 《》 in citations: the short title, else the full title without 中华人民共和国."""
        return self.short_title or self.title.removeprefix("中华人民共和国")

    @property
    def is_national(self) -> bool:
        """A national instrument (no issuing region): shared by every region."""
        return self.level in NATIONAL_LEVELS or not self.issuing_region_code

    def clean(self) -> None:
        self.title = (self.title or "").strip()
        self.short_title = (self.short_title or "").strip()
        self.issuing_region_code = (self.issuing_region_code or "").strip()
        errors: dict[str, str] = {}
        for field in ("title", "short_title"):
            value = getattr(self, field)
            if "《" in value or "》" in value:
                errors[field] = "名称不含书名号《》"
        code = self.issuing_region_code
        if code and not (code.isdigit() and len(code) in (6, 9, 12)):
            errors["issuing_region_code"] = "区划代码应为6、9或12位数字"
        elif code and self.level in NATIONAL_LEVELS:
            errors["issuing_region_code"] = f"{LawLevel(self.level).label}由中央机关制定，不填写制定机关所在行政区划"
        elif not code and self.level in LOCAL_LEVELS:
            errors["issuing_region_code"] = f"{LawLevel(self.level).label}须填写制定机关所在行政区划代码"
        if errors:
            raise ValidationError(errors)


class LawVersion(TimestampedModel):
    """One text of a law (版本: 制定、修正或修订), in force from ``effective_on`` (施行日期).

    Its state on a day is derived, never stored: before ``effective_on`` 尚未施行; from ``repealed_on``
    (the day it ceases to apply) 已废止; from the next version's ``effective_on`` 已修订; otherwise 现行有效.
    """

    law = models.ForeignKey(Law, verbose_name="法律法规", on_delete=models.PROTECT, related_name="versions")
    label = models.CharField("版本", max_length=50, help_text="如“2021年修订”")
    promulgated_on = models.DateField("公布日期", null=True, blank=True)
    effective_on = models.DateField("施行日期")
    repealed_on = models.DateField("废止日期", null=True, blank=True, help_text="自该日起不再施行")

    objects = LawVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "法律法规版本"
        verbose_name_plural = "法律法规版本"
        ordering = ["law_id", "effective_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["law", "label"], name="laws_lawversion_unique_law_label"),
            models.UniqueConstraint(fields=["law", "effective_on"], name="laws_lawversion_unique_law_effective_on"),
        ]

    def __str__(self) -> str:
        return f"{self.law.citation_title}（{self.label}）"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.promulgated_on and self.effective_on and self.promulgated_on > self.effective_on:
            errors["effective_on"] = "施行日期不能早于公布日期"
        if self.repealed_on and self.effective_on and self.repealed_on <= self.effective_on:
            errors["repealed_on"] = "废止日期应晚于施行日期"
        if errors:
            raise ValidationError(errors)

    def next_version(self) -> LawVersion | None:
        """The version that replaced this one (the next by 施行日期), if any."""
        return (
            LawVersion.objects.filter(law_id=self.law_id, effective_on__gt=self.effective_on)
            .order_by("effective_on", "id")
            .first()
        )

    def state_on(self, day: date, *, next_version: LawVersion | bool | None = False) -> LawVersionState:
        """State on ``day``. Pass ``next_version`` (or None) when already known to save a query."""
        if day < self.effective_on:
            return LawVersionState.NOT_YET_EFFECTIVE
        if self.repealed_on is not None and day >= self.repealed_on:
            return LawVersionState.REPEALED
        following = self.next_version() if next_version is False else next_version
        if isinstance(following, LawVersion) and day >= following.effective_on:
            return LawVersionState.SUPERSEDED
        return LawVersionState.IN_FORCE

    def is_in_force_on(self, day: date) -> bool:
        return self.state_on(day) == LawVersionState.IN_FORCE


class Article(models.Model):
    """条款: one addressable provision of a version — 条 (``number``), optionally 款, 项 and 目 — with its text.

    A whole 条 and one of its 款 or 项 may both be stored; each position is unique within a version.
    """

    version = models.ForeignKey(LawVersion, verbose_name="版本", on_delete=models.PROTECT, related_name="articles")
    number = models.PositiveSmallIntegerField("条")
    paragraph = models.PositiveSmallIntegerField("款", null=True, blank=True)
    subparagraph = models.PositiveSmallIntegerField("项", null=True, blank=True)
    point = models.PositiveSmallIntegerField("目", null=True, blank=True)
    text = models.TextField("条文")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "条款"
        verbose_name_plural = "条款"
        ordering = [
            "version_id",
            "number",
            F("paragraph").asc(nulls_first=True),
            F("subparagraph").asc(nulls_first=True),
            F("point").asc(nulls_first=True),
            "id",
        ]
        constraints = [
            models.UniqueConstraint(
                F("version"),
                F("number"),
                Coalesce(F("paragraph"), Value(0)),
                Coalesce(F("subparagraph"), Value(0)),
                Coalesce(F("point"), Value(0)),
                name="laws_article_unique_version_position",
                violation_error_message="该版本中已有相同位置的条款",
            ),
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def position(self) -> str:
        return render_position(
            number=self.number, paragraph=self.paragraph, subparagraph=self.subparagraph, point=self.point
        )

    @property
    def citation(self) -> str:
        """Canonical citation, e.g. 《行政处罚法》第五十一条第二款第（三）项."""
        return render_citation(
            title=self.version.law.citation_title,
            number=self.number,
            paragraph=self.paragraph,
            subparagraph=self.subparagraph,
            point=self.point,
        )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for field in ("number", "paragraph", "subparagraph", "point"):
            value = getattr(self, field)
            if value is not None and not 1 <= value <= 9999:
                errors[field] = "序号应在1至9999之间"
        if self.point and not self.subparagraph:
            errors["point"] = "填写“目”时必须同时填写“项”"
        if not (self.text or "").strip():
            errors["text"] = "条文不能为空"
        if errors:
            raise ValidationError(errors)


class ViolationType(TimestampedModel):
    """违法行为: a catalogued kind of illegal act with its 定性依据 (违则) and 处罚依据 (罚则).

    ``sector_code`` is the 执法领域 code as text (laws depends on no other app).
    """

    code = models.CharField("编码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=200)
    sector_code = models.CharField("执法领域代码", max_length=40, blank=True)
    violation_basis = models.ForeignKey(
        Article, verbose_name="定性依据", on_delete=models.PROTECT, related_name="violation_types_breached"
    )
    penalty_basis = models.ForeignKey(
        Article, verbose_name="处罚依据", on_delete=models.PROTECT, related_name="violation_types_punished"
    )

    objects = ViolationTypeQuerySet.as_manager()

    class Meta:
        verbose_name = "违法行为"
        verbose_name_plural = "违法行为"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
