"""Regions (行政区划), agencies (执法主体), departments, sectors, users and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, RegexValidator
from django.db import models

from zhifa.core.models import TimestampedModel
from zhifa.core.validators import normalize_phone, normalize_uscc, validate_phone, validate_uscc
from zhifa.org.choices import BUREAU_ONLY_ROLES, REGION_ROLES, AgencyKind, RegionLevel, Role
from zhifa.org.querysets import AgencyQuerySet, RegionQuerySet


class Region(models.Model):
    """A GB/T 2260 administrative division. ``path`` holds the codes from the top, for subtree queries."""

    code = models.CharField(
        "区划代码",
        max_length=12,
        unique=True,
        validators=[RegexValidator(r"^\d{6}(\d{3})?(\d{3})?$", "区划代码应为6、9或12位数字")],
    )
    name = models.CharField("名称", max_length=50)
    level = models.CharField("层级", max_length=20, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级区划", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField("层级路径", max_length=200, editable=False, db_index=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.path = (self.parent.path if self.parent else "") + self.code + "/"
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def full_name(self) -> str:
        names: list[str] = []
        node: Region | None = self
        while node is not None and node.level != RegionLevel.NATIONAL:
            names.append(node.name)
            node = node.parent
        return "".join(reversed(names))

    def contains(self, other: Region) -> bool:
        return other.path.startswith(self.path)


class Sector(models.Model):
    """执法领域 (GLOSSARY: ``sector``): 市场监管, 生态环境… Certificates and items name their sectors."""

    code = models.CharField(
        "代码",
        max_length=40,
        unique=True,
        validators=[RegexValidator(r"^[a-z][a-z0-9_]*$", "代码只能由小写字母、数字和下划线组成")],
    )
    name = models.CharField("名称", max_length=50, unique=True)

    class Meta:
        verbose_name = "执法领域"
        verbose_name_plural = "执法领域"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Agency(TimestampedModel):
    """行政执法主体: any organization enforcing in its own name, the 司法局 included (GLOSSARY §1)."""

    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=30, blank=True, help_text="用于文号机关代字，如“浏发改”")
    kind = models.CharField(
        "主体类别", max_length=40, choices=AgencyKind.choices, default=AgencyKind.ADMINISTRATIVE_ORGAN
    )
    uscc = models.CharField(
        "统一社会信用代码",
        max_length=18,
        unique=True,
        validators=[validate_uscc],
        error_messages={"unique": "该统一社会信用代码已被其他执法主体使用"},
    )
    region = models.ForeignKey(Region, verbose_name="行政区划", on_delete=models.PROTECT, related_name="agencies")
    parent_agency = models.ForeignKey(
        "self",
        verbose_name="上级主管部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subordinate_agencies",
    )
    entrusting_agency = models.ForeignKey(
        "self",
        verbose_name="委托机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entrusted_organizations",
        help_text="受委托组织以委托机关名义实施执法（R-PEN-006）",
    )
    is_judicial_bureau = models.BooleanField("司法行政部门（司法局）", default=False)
    is_comprehensive_enforcement = models.BooleanField("综合行政执法机构", default=False)
    sectors = models.ManyToManyField(Sector, verbose_name="执法领域", blank=True, related_name="agencies")
    legal_representative = models.CharField("法定代表人", max_length=50)
    address = models.CharField("地址", max_length=200)
    phone = models.CharField("联系电话", max_length=30, validators=[validate_phone])
    email = models.CharField("电子邮箱", max_length=100, blank=True, validators=[EmailValidator("电子邮箱格式不正确")])
    complaint_phone = models.CharField("投诉监督电话", max_length=30, blank=True, validators=[validate_phone])
    is_active = models.BooleanField("在用", default=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = "执法主体"
        verbose_name_plural = "执法主体"
        ordering = ["region__code", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="org_agency_unique_region_name",
                violation_error_message="同一行政区划内已有同名的执法主体",
            ),
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(is_judicial_bureau=True),
                name="org_agency_unique_judicial_bureau",
                violation_error_message="该行政区划已有司法行政部门（司法局）",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.uscc = normalize_uscc(self.uscc)
        self.phone = normalize_phone(self.phone)
        self.complaint_phone = normalize_phone(self.complaint_phone)
        errors: dict[str, str] = {}
        if self.kind == AgencyKind.ENTRUSTED_ORGANIZATION and not self.entrusting_agency_id:
            errors["entrusting_agency"] = "受委托组织必须填写委托机关（R-PEN-006）"
        if self.kind != AgencyKind.ENTRUSTED_ORGANIZATION and self.entrusting_agency_id:
            errors["entrusting_agency"] = "只有受委托组织才填写委托机关"
        if self.parent_agency_id and self.parent_agency_id == self.pk:
            errors["parent_agency"] = "上级主管部门不能是本单位"
        if errors:
            raise ValidationError(errors)


class Department(models.Model):
    """内设机构 / 大队、中队. ``is_legal_unit`` marks the 法制机构 that does legal review."""

    agency = models.ForeignKey(Agency, verbose_name="执法主体", on_delete=models.PROTECT, related_name="departments")
    name = models.CharField("名称", max_length=100)
    is_legal_unit = models.BooleanField("法制机构", default=False)

    class Meta:
        verbose_name = "内设机构"
        verbose_name_plural = "内设机构"
        ordering = ["agency_id", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="org_department_unique_agency_name")]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.name}"


class User(AbstractUser):
    """A login account. Belongs to one agency (none for the system administrator)."""

    name = models.CharField("姓名", max_length=50, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name="所属单位", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    department = models.ForeignKey(
        Department, verbose_name="内设机构", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.name or self.username

    def get_full_name(self) -> str:
        return self.name or self.username

    @property
    def role_set(self) -> frozenset[str]:
        """The user's roles, cached on the instance for the request."""
        cached: frozenset[str] | None = getattr(self, "_role_cache", None)
        if cached is None:
            cached = frozenset(self.role_grants.values_list("role", flat=True)) if self.pk else frozenset()
            self._role_cache = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set.intersection(roles))

    @property
    def is_region_reader(self) -> bool:
        """A judicial-bureau user whose role reads the whole region (supervisor, bureau admin …)."""
        return bool(self.agency_id and self.agency.is_judicial_bureau and self.role_set & REGION_ROLES)


class RoleGrant(models.Model):
    """One role held by one user."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField("角色", max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField("授予时间", auto_now_add=True)

    class Meta:
        verbose_name = "角色授权"
        verbose_name_plural = "角色授权"
        ordering = ["user_id", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="org_rolegrant_unique_user_role")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"

    def clean(self) -> None:
        if self.role in BUREAU_ONLY_ROLES and not (self.user.agency_id and self.user.agency.is_judicial_bureau):
            raise ValidationError({"role": f"“{Role(self.role).label}”角色只能授予司法局的用户"})
        if self.role != Role.SYSTEM_ADMIN and not self.user.agency_id:
            raise ValidationError({"role": "未指定所属单位的用户只能是系统管理员"})
