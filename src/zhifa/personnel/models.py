"""执法人员 (officers), 行政执法证 (certificates), 执法资格考试 and 培训 (GLOSSARY §1, R-PER-001..009)."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from zhifa.core.calendar import format_day
from zhifa.core.models import AppendOnlyModel, TimestampedModel
from zhifa.core.validators import normalize_id_number, normalize_phone, validate_id_number, validate_phone
from zhifa.personnel.choices import (
    CertificateKind,
    CertificateState,
    CertificateStatus,
    Gender,
    LeftPostReason,
    OfficerKind,
    OfficerPersonalField,
)
from zhifa.personnel.querysets import CertificateQuerySet, OfficerPersonalDataAccessQuerySet, OfficerQuerySet

if TYPE_CHECKING:
    from zhifa.org.models import Agency

CERTIFICATE_NUMBER_MAX_LENGTH = 32


def normalize_certificate_number(value: str) -> str:
    """Trim, remove every space, upper-case: ``" 湘 4301 99a "`` → ``"湘430199A"``."""
    return re.sub(r"\s+", "", value or "").upper()


class Officer(TimestampedModel):
    """执法人员: a person working for an agency as 执法人员, 执法辅助人员 or 法制审核人员.

    Only an officer on post with a valid certificate covering the sector may enforce (R-PER-001,
    ``personnel.services.can_enforce``); auxiliary staff assist only and hold no certificate (R-PER-004).

    PERSONAL DATA: ``id_number`` and ``phone`` are personal fields. Lists, the API and exports always show them
    masked (``core.masking``); the full value of one field is shown only through
    ``services.reveal_personal_data`` (agency admin of the officer's agency), which writes an
    ``OfficerPersonalDataAccess`` row and the ledger event ``officer.personal_data_viewed`` (R-PRV-006).
    """

    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=10, choices=Gender.choices, blank=True)
    agency = models.ForeignKey("org.Agency", verbose_name="所属单位", on_delete=models.PROTECT, related_name="officers")
    department = models.ForeignKey(
        "org.Department",
        verbose_name="内设机构",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officers",
    )
    kind = models.CharField("人员类别", max_length=20, choices=OfficerKind.choices, default=OfficerKind.ENFORCEMENT)
    user = models.OneToOneField(
        "org.User", verbose_name="登录账号", null=True, blank=True, on_delete=models.SET_NULL, related_name="officer"
    )
    position = models.CharField("职务", max_length=50, blank=True)
    has_legal_professional_qualification = models.BooleanField("具有法律职业资格", default=False)
    is_on_post = models.BooleanField("在岗", default=True)
    left_post_on = models.DateField("离岗日期", null=True, blank=True)
    left_post_reason = models.CharField("离岗原因", max_length=20, choices=LeftPostReason.choices, blank=True)
    # --- Personal fields (个人信息): shown masked by default ---------------------------------------
    id_number = models.CharField(
        "公民身份号码", max_length=18, validators=[validate_id_number], help_text="个人信息，默认脱敏显示"
    )
    phone = models.CharField(
        "个人联系电话", max_length=30, blank=True, validators=[validate_phone], help_text="个人信息，默认脱敏显示"
    )

    objects = OfficerQuerySet.as_manager()

    class Meta:
        verbose_name = "执法人员"
        verbose_name_plural = "执法人员"
        ordering = ["agency_id", "name", "id"]
        indexes = [models.Index(fields=["agency", "name", "id"], name="personnel_officer_order_idx")]
        constraints = [
            models.UniqueConstraint(fields=["id_number"], name="personnel_officer_unique_id_number"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.id_number = normalize_id_number(self.id_number)
        self.phone = normalize_phone(self.phone)
        self.name = (self.name or "").strip()
        errors: dict[str, str] = {}
        if self.department_id and self.agency_id and self.department.agency_id != self.agency_id:
            errors["department"] = "内设机构不属于所属单位"
        if self.is_on_post and (self.left_post_on or self.left_post_reason):
            errors["left_post_on"] = "在岗人员不应填写离岗日期和离岗原因"
        if not self.is_on_post and not (self.left_post_on and self.left_post_reason):
            errors["left_post_reason"] = "离岗人员必须填写离岗日期和离岗原因（R-PER-003）"
        if self.user_id and self.agency_id and self.user.agency_id not in (None, self.agency_id):
            errors["user"] = "登录账号的所属单位与执法人员的所属单位不一致"
        if errors:
            raise ValidationError(errors)

    @property
    def is_auxiliary(self) -> bool:
        return self.kind == OfficerKind.AUXILIARY

    def on_post_on(self, day: date) -> bool:
        """Was the officer on post on ``day``? Leaving on ``left_post_on`` ends the post that day (R-PER-003)."""
        if self.is_on_post:
            return True
        return self.left_post_on is not None and day < self.left_post_on


class Certificate(ConcurrentTransitionMixin, TimestampedModel):
    """行政执法证: the certificate an officer shows (亮证) and acts under (持证上岗, R-PER-001, R-PER-006).

    ``state`` is the *current* valid/suspended/cancelled (暂扣/注销) and changes only through the transitions
    below; each transition also appends a ``CertificateStatusChange`` row (written by ``save()``), so that
    ``status_on(day)`` answers for any day, past ones included. Being expired is derived from
    ``expires_on`` and never stored.
    """

    officer = models.ForeignKey(Officer, verbose_name="持证人", on_delete=models.PROTECT, related_name="certificates")
    number = models.CharField("执法证号", max_length=CERTIFICATE_NUMBER_MAX_LENGTH)
    issuing_authority = models.CharField("发证机关", max_length=100)
    kind = models.CharField("证件类别", max_length=20, choices=CertificateKind.choices, default=CertificateKind.LOCAL)
    effective_on = models.DateField("有效期起")
    expires_on = models.DateField("有效期止")
    sectors = models.ManyToManyField("org.Sector", verbose_name="执法领域", related_name="certificates")
    state = FSMField(
        "状态", max_length=20, choices=CertificateState.choices, default=CertificateState.VALID, protected=True
    )
    state_reason = models.CharField("状态变更原因", max_length=200, blank=True)
    state_changed_on = models.DateField("状态变更日期", null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = "行政执法证"
        verbose_name_plural = "行政执法证"
        ordering = ["officer_id", "-expires_on", "id"]
        indexes = [models.Index(fields=["officer", "-expires_on", "id"], name="personnel_cert_order_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_authority", "number"], name="personnel_certificate_unique_issuer_number"
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__gt=models.F("effective_on")),
                name="personnel_certificate_expires_after_effective",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}（{self.officer.name}）"

    @property
    def agency(self) -> Agency:
        """The holder's agency, so that org.rules predicates work on certificates."""
        return self.officer.agency

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        # ``state`` is protected (changed only by transitions): never re-assigned by field cleaning.
        # ``number`` is checked in ``clean()`` after normalisation (spaces removed, upper case).
        super().clean_fields(exclude={*(exclude or ()), "state", "number"})

    def clean(self) -> None:
        self.number = normalize_certificate_number(self.number)
        self.issuing_authority = (self.issuing_authority or "").strip()
        errors: dict[str, str] = {}
        if not self.number:
            errors["number"] = "请填写执法证号"
        elif len(self.number) > CERTIFICATE_NUMBER_MAX_LENGTH:
            errors["number"] = f"执法证号不能超过{CERTIFICATE_NUMBER_MAX_LENGTH}个字符"
        if self.effective_on and self.expires_on and self.expires_on <= self.effective_on:
            errors["expires_on"] = "有效期止必须晚于有效期起"
        if self.officer_id and self.officer.kind == OfficerKind.AUXILIARY:
            # R-PER-004: auxiliary staff assist only and never hold a certificate.
            errors["officer"] = "执法辅助人员不得持有行政执法证（R-PER-004）"
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        pending: list[CertificateStatusChange] = self.__dict__.pop("_pending_status_changes", [])
        super().save(*args, **kwargs)
        for change in pending:
            change.certificate = self
            change.save()
        if pending:
            getattr(self, "_prefetched_objects_cache", {}).pop("status_changes", None)

    def status_change_on(self, day: date) -> CertificateStatusChange | None:
        """The state change in force on ``day`` (``None``: the certificate was never changed up to that day).

        注销 is final: a cancellation in force on ``day`` wins over any later-dated row. Otherwise the latest
        change taking effect on or before ``day`` applies. Reads ``status_changes.all()`` (prefetch it for lists);
        a certificate never changed (``state_changed_on`` empty) has no rows and costs no query.
        """
        if self.state_changed_on is None or self.pk is None:
            return None
        changes = [c for c in self.status_changes.all() if c.from_on <= day]
        cancelled = [c for c in changes if c.state == CertificateState.CANCELLED]
        if cancelled:
            return min(cancelled, key=lambda c: (c.from_on, c.pk or 0))
        if not changes:
            return None
        return max(changes, key=lambda c: (c.from_on, c.pk or 0))

    def status_on(self, day: date) -> CertificateStatus:
        """Derived status on ``day`` (R-PER-001): the state in force that day, else by the validity period."""
        change = self.status_change_on(day)
        if change is not None and change.state == CertificateState.SUSPENDED:
            return CertificateStatus.SUSPENDED
        if change is not None and change.state == CertificateState.CANCELLED:
            return CertificateStatus.CANCELLED
        if day < self.effective_on:
            return CertificateStatus.NOT_YET_EFFECTIVE
        if day > self.expires_on:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    def covers_sector(self, sector_code: str) -> bool:
        """Uses ``sectors.all()`` so that a prefetch serves it."""
        return any(sector.code == sector_code for sector in self.sectors.all())

    # --- transitions (GLOSSARY: 暂扣 suspend, 注销 cancel) -----------------------------------------
    def _changed(self, target: str, *, reason: str, on: date) -> None:
        self.state_reason = reason
        self.state_changed_on = on
        pending = self.__dict__.setdefault("_pending_status_changes", [])
        pending.append(CertificateStatusChange(state=target, from_on=on, reason=reason))

    @transition(field=state, source=CertificateState.VALID, target=CertificateState.SUSPENDED)
    def suspend(self, *, reason: str, on: date) -> None:
        self._changed(CertificateState.SUSPENDED, reason=reason, on=on)

    @transition(field=state, source=CertificateState.SUSPENDED, target=CertificateState.VALID)
    def reinstate(self, *, reason: str, on: date) -> None:
        self._changed(CertificateState.VALID, reason=reason, on=on)

    @transition(
        field=state, source=[CertificateState.VALID, CertificateState.SUSPENDED], target=CertificateState.CANCELLED
    )
    def cancel(self, *, reason: str, on: date) -> None:
        self._changed(CertificateState.CANCELLED, reason=reason, on=on)


class CertificateStatusChange(AppendOnlyModel):
    """One 暂扣/恢复/注销 of a certificate, in force from ``from_on``: the certificate's status history. Append-only.

    A certificate's state before its first row is 有效. Written only by ``Certificate.save()`` after a
    transition; ``Certificate.status_on(day)`` reads it so that a check on the date of a past act
    (R-PER-001) is not rewritten by a later suspension, reinstatement or cancellation.
    """

    record_label = "执法证状态变更记录"

    certificate = models.ForeignKey(
        Certificate, verbose_name="行政执法证", on_delete=models.PROTECT, related_name="status_changes"
    )
    state = models.CharField("变更后状态", max_length=20, choices=CertificateState.choices)
    from_on = models.DateField("生效日期")
    reason = models.CharField("原因", max_length=200)
    recorded_at = models.DateTimeField("记录时间", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "执法证状态变更记录"
        verbose_name_plural = "执法证状态变更记录"
        ordering = ["certificate_id", "from_on", "id"]
        indexes = [models.Index(fields=["certificate", "from_on", "id"], name="personnel_cert_change_idx")]

    def __str__(self) -> str:
        return f"{self.certificate.number} 自{format_day(self.from_on)}起{self.get_state_display()}"


class QualificationExam(models.Model):
    """执法资格考试: a sitting of the qualification exam (R-PER-002)."""

    name = models.CharField("考试名称", max_length=100)
    held_on = models.DateField("考试日期")
    pass_score = models.DecimalField(
        "合格分数线",
        max_digits=5,
        decimal_places=1,
        default=Decimal("60.0"),
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        verbose_name = "执法资格考试"
        verbose_name_plural = "执法资格考试"
        ordering = ["-held_on", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["name", "held_on"], name="personnel_qualificationexam_unique_name_date")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{format_day(self.held_on)}）"


class ExamResult(models.Model):
    """One officer's result in one exam. ``is_qualified`` (合格) is set by the service from ``pass_score``."""

    exam = models.ForeignKey(QualificationExam, verbose_name="考试", on_delete=models.PROTECT, related_name="results")
    officer = models.ForeignKey(Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="exam_results")
    score = models.DecimalField("成绩", max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0"))])
    is_qualified = models.BooleanField("合格", default=False)

    class Meta:
        verbose_name = "考试成绩"
        verbose_name_plural = "考试成绩"
        ordering = ["officer_id", "exam__held_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["exam", "officer"], name="personnel_examresult_unique_exam_officer")
        ]

    def __str__(self) -> str:
        return f"{self.officer.name} · {self.exam.name}：{self.score}"


class TrainingRecord(models.Model):
    """培训记录: hours (学时) an officer completed; R-PER-007 counts them per calendar year."""

    officer = models.ForeignKey(
        Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="training_records"
    )
    title = models.CharField("培训名称", max_length=200)
    hours = models.DecimalField("学时", max_digits=6, decimal_places=1, validators=[MinValueValidator(Decimal("0.1"))])
    completed_on = models.DateField("完成日期")
    organizer = models.CharField("组织单位", max_length=100, blank=True)

    class Meta:
        verbose_name = "培训记录"
        verbose_name_plural = "培训记录"
        ordering = ["officer_id", "-completed_on", "id"]

    def __str__(self) -> str:
        return f"{self.officer.name} · {self.title}（{self.hours}学时）"

    def clean(self) -> None:
        if self.hours is not None and self.hours <= 0:
            raise ValidationError({"hours": "学时必须大于0"})


class OfficerPersonalDataAccess(AppendOnlyModel):
    """One full view of an officer's personal field (身份证号/个人联系电话) by a staff user (R-PRV-006). Append-only.

    Written by ``services.reveal_personal_data`` together with the ledger event ``officer.personal_data_viewed``.
    """

    record_label = "个人信息查看记录"

    user = models.ForeignKey(
        "org.User", verbose_name="查看人", on_delete=models.PROTECT, related_name="officer_data_accesses"
    )
    officer = models.ForeignKey(
        Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="personal_data_accesses"
    )
    field = models.CharField("查看字段", max_length=20, choices=OfficerPersonalField.choices)
    purpose = models.CharField("查看用途", max_length=200)
    accessed_at = models.DateTimeField("查看时间", default=timezone.now, editable=False)

    objects = OfficerPersonalDataAccessQuerySet.as_manager()

    class Meta:
        verbose_name = "执法人员个人信息查看记录"
        verbose_name_plural = "执法人员个人信息查看记录"
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["officer", "-accessed_at"], name="personnel_access_officer_idx")]

    def __str__(self) -> str:
        return f"{self.user} 于 {self.accessed_at:%Y-%m-%d %H:%M} 查看 {self.officer} 的{self.get_field_display()}"
