"""行政相对人 (regulated entities): the parties that enforcement acts are directed at (GLOSSARY §4 ``Party``).

Personal data (个人信息, 个人信息保护法 第28、34条) lives in the fields listed in ``PERSONAL_FIELDS``; staff
lists show them masked and every full view writes a ``PersonalDataAccess`` row (R-PRV-006).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from zhifa.core.masking import mask_address, mask_id_number, mask_phone
from zhifa.core.models import AppendOnlyModel, TimestampedModel
from zhifa.core.validators import (
    birth_date_from_id_number,
    normalize_id_number,
    normalize_phone,
    normalize_uscc,
    validate_id_number,
    validate_phone,
    validate_uscc,
)
from zhifa.parties.choices import (
    GB11643_ID_KINDS,
    USCC_REQUIRED_KINDS,
    CreditRating,
    IdKind,
    PartyKind,
    PersonalField,
    RiskLevel,
)
from zhifa.parties.querysets import PartyQuerySet, PersonalDataAccessQuerySet

# R-PRV-001/006: the one list of personal fields of a party. The redaction function and the portal use it.
# ID numbers are always personal; address and phone only when the party is a natural person
# (a company's registered address and phone are public registration data).
PERSONAL_FIELDS: tuple[str, ...] = (
    PersonalField.ID_NUMBER,
    PersonalField.LEGAL_REPRESENTATIVE_ID_NUMBER,
    PersonalField.ADDRESS,
    PersonalField.PHONE,
)
ALWAYS_PERSONAL_FIELDS: tuple[str, ...] = (PersonalField.ID_NUMBER, PersonalField.LEGAL_REPRESENTATIVE_ID_NUMBER)
NATURAL_PERSON_PERSONAL_FIELDS: tuple[str, ...] = (PersonalField.ADDRESS, PersonalField.PHONE)

_MASKERS = {
    PersonalField.ID_NUMBER: mask_id_number,
    PersonalField.LEGAL_REPRESENTATIVE_ID_NUMBER: mask_id_number,
    PersonalField.ADDRESS: mask_address,
    PersonalField.PHONE: mask_phone,
}


class Party(TimestampedModel):
    """行政相对人: 法人、其他组织、个体工商户 or 自然人, registered in a region.

    For a natural person ``id_kind``/``id_number`` identify the person; for an individual business they identify
    the operator (经营者), whose name is kept in ``legal_representative``.
    """

    PERSONAL_FIELDS = PERSONAL_FIELDS

    kind = models.CharField("类别", max_length=30, choices=PartyKind.choices)
    name = models.CharField("名称（姓名）", max_length=200)
    uscc = models.CharField(
        "统一社会信用代码", max_length=18, blank=True, default="", help_text="法人和其他组织必填；个体工商户有则填写"
    )
    id_kind = models.CharField("证件类型", max_length=40, choices=IdKind.choices, blank=True, default="")
    id_number = models.CharField(
        "证件号码",
        max_length=30,
        blank=True,
        default="",
        help_text="自然人本人或个体工商户经营者的证件号码（个人信息）",
    )
    birth_on = models.DateField("出生日期", null=True, blank=True, editable=False, help_text="由身份证号码推算")
    legal_representative = models.CharField("法定代表人（负责人、经营者）", max_length=50, blank=True, default="")
    legal_representative_id_number = models.CharField(
        "法定代表人身份证号码", max_length=30, blank=True, default="", help_text="个人信息"
    )
    address = models.CharField("地址", max_length=200, blank=True, default="")
    phone = models.CharField("联系电话", max_length=30, blank=True, default="", validators=[validate_phone])
    region = models.ForeignKey(
        "org.Region", verbose_name="所属行政区划", on_delete=models.PROTECT, related_name="parties"
    )
    industry = models.CharField("行业", max_length=50, blank=True, default="")
    tags = models.CharField("标签", max_length=200, blank=True, default="", help_text="多个标签用“、”分隔")
    credit_rating = models.CharField(
        "信用等级", max_length=1, choices=CreditRating.choices, blank=True, default="", help_text="留空表示未评级"
    )
    risk_level = models.CharField("风险等级", max_length=10, choices=RiskLevel.choices, default=RiskLevel.LOW)
    is_active = models.BooleanField("存续（在营）", default=True)

    objects = PartyQuerySet.as_manager()

    class Meta:
        verbose_name = "行政相对人"
        verbose_name_plural = "行政相对人"
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name", "id"], name="parties_party_name_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["uscc"],
                condition=~models.Q(uscc=""),
                name="parties_party_unique_uscc",
                violation_error_message="该统一社会信用代码已登记",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    # --- personal data -------------------------------------------------------------------------------------
    @property
    def personal_fields(self) -> tuple[str, ...]:
        """The personal fields of this party (R-PRV-006): masked in lists, full view logged."""
        if self.kind == PartyKind.NATURAL_PERSON:  # a natural person has no legal representative
            return (PersonalField.ID_NUMBER, *NATURAL_PERSON_PERSONAL_FIELDS)
        return ALWAYS_PERSONAL_FIELDS

    def is_personal(self, field: str) -> bool:
        return field in self.personal_fields

    def masked(self, field: str) -> str:
        """The value of ``field`` as staff lists show it: masked when it is personal, else in full."""
        value = str(getattr(self, field) or "")
        if field in ALWAYS_PERSONAL_FIELDS or self.is_personal(field):  # ID numbers are masked whatever the kind
            return _MASKERS[PersonalField(field)](value)
        return value

    @property
    def masked_id_number(self) -> str:
        return self.masked(PersonalField.ID_NUMBER)

    @property
    def masked_legal_representative_id_number(self) -> str:
        return self.masked(PersonalField.LEGAL_REPRESENTATIVE_ID_NUMBER)

    @property
    def masked_address(self) -> str:
        return self.masked(PersonalField.ADDRESS)

    @property
    def masked_phone(self) -> str:
        return self.masked(PersonalField.PHONE)

    @property
    def identifier_label(self) -> str:
        """统一社会信用代码 for organizations; the masked ID number for persons without one."""
        return self.uscc or self.masked_id_number

    # --- validation ----------------------------------------------------------------------------------------
    def normalize(self) -> None:
        self.name = (self.name or "").strip()
        self.uscc = normalize_uscc(self.uscc)
        self.id_number = normalize_id_number(self.id_number)
        self.legal_representative = (self.legal_representative or "").strip()
        self.legal_representative_id_number = normalize_id_number(self.legal_representative_id_number)
        self.address = (self.address or "").strip()
        self.phone = normalize_phone(self.phone)
        self.industry = (self.industry or "").strip()
        self.tags = (self.tags or "").strip()

    def clean(self) -> None:
        self.normalize()
        errors: dict[str, Any] = {}
        kind_label = PartyKind(self.kind).label if self.kind in PartyKind.values else "相对人"
        if self.uscc:
            try:
                validate_uscc(self.uscc)
            except ValidationError as exc:
                errors["uscc"] = exc.messages
            else:
                if self.kind == PartyKind.NATURAL_PERSON:
                    errors["uscc"] = "自然人没有统一社会信用代码，请清空该项或改选类别"
                elif Party.objects.exclude(pk=self.pk).filter(uscc=self.uscc).exists():
                    errors["uscc"] = f"统一社会信用代码{self.uscc}已登记，请勿重复登记"
        elif self.kind in USCC_REQUIRED_KINDS:
            errors["uscc"] = f"{kind_label}必须填写统一社会信用代码"

        if self.kind == PartyKind.NATURAL_PERSON and not self.id_number:
            errors["id_number"] = "自然人必须填写证件号码"
        if self.kind == PartyKind.LEGAL_PERSON and not self.legal_representative:
            errors["legal_representative"] = "法人必须填写法定代表人"
        if self.kind == PartyKind.INDIVIDUAL_BUSINESS and not self.legal_representative:
            errors["legal_representative"] = "个体工商户必须填写经营者姓名"
        if self.kind in USCC_REQUIRED_KINDS and (self.id_number or self.id_kind):
            errors["id_number"] = f"{kind_label}不填写证件号码；法定代表人身份证号码请填入“法定代表人身份证号码”"

        self.birth_on = None
        if self.id_number:
            if not self.id_kind:
                errors["id_kind"] = "填写证件号码时必须选择证件类型"
            elif self.id_kind in GB11643_ID_KINDS:
                try:
                    validate_id_number(self.id_number)
                except ValidationError as exc:
                    errors["id_number"] = exc.messages
                else:
                    self.birth_on = birth_date_from_id_number(self.id_number)
        elif self.id_kind and self.kind != PartyKind.NATURAL_PERSON:
            errors["id_number"] = "选择了证件类型，请填写证件号码"

        if self.legal_representative_id_number:
            if self.kind == PartyKind.NATURAL_PERSON:
                errors["legal_representative_id_number"] = "自然人不填写法定代表人身份证号码"
            else:
                try:
                    validate_id_number(self.legal_representative_id_number)
                except ValidationError as exc:
                    errors["legal_representative_id_number"] = exc.messages
        if errors:
            raise ValidationError(errors)


class PersonalDataAccess(AppendOnlyModel):
    """One full view of a party's personal field by a staff user (R-PRV-006). Append-only.

    The ledger issue will move these records to ledger events (``party.personal_data_viewed``).
    """

    record_label = "个人信息查看记录"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="查看人", on_delete=models.PROTECT, related_name="personal_data_accesses"
    )
    party = models.ForeignKey(
        Party, verbose_name="行政相对人", on_delete=models.PROTECT, related_name="personal_data_accesses"
    )
    field = models.CharField("查看字段", max_length=40, choices=PersonalField.choices)
    accessed_at = models.DateTimeField("查看时间", default=timezone.now, editable=False)
    purpose = models.CharField("查看用途", max_length=200)

    objects = PersonalDataAccessQuerySet.as_manager()

    class Meta:
        verbose_name = "个人信息查看记录"
        verbose_name_plural = "个人信息查看记录"
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["party", "-accessed_at"], name="parties_access_party_idx")]

    def __str__(self) -> str:
        return f"{self.user} 于 {self.accessed_at:%Y-%m-%d %H:%M} 查看 {self.party} 的{self.get_field_display()}"
