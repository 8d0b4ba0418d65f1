"""The whole-process record (执法全过程记录): an append-only, SM3 hash-chained event log (R-REC-001, R-REC-006).

``ledger_event`` and ``ledger_checkpoint`` refuse UPDATE and DELETE at the database level (triggers created by
migrations, see ``ledger.db``). Corrections are new events. ``ChainHead`` is the one mutable row: the current
head (sequence and hash) that appenders lock to serialise themselves.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models

from zhifa.ledger.canonical import from_microseconds
from zhifa.ledger.querysets import EventQuerySet


class Event(models.Model):
    """One step of enforcement, or one read of a file, recorded forever."""

    sequence = models.PositiveBigIntegerField("序号", primary_key=True)
    recorded_at_us = models.BigIntegerField("记录时间（UTC 微秒）", db_index=True)
    event_type = models.CharField("事件类型", max_length=100, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    officer_id = models.PositiveBigIntegerField("执法人员", null=True, blank=True)
    agency = models.ForeignKey(
        "org.Agency", verbose_name="执法主体", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.CharField("对象类型", max_length=100, blank=True)
    subject_id = models.CharField("对象标识", max_length=64, blank=True)
    payload = models.TextField("内容（规范化 JSON）", default="{}")
    prev_hash = models.CharField("前一摘要", max_length=64)
    hash = models.CharField("摘要", max_length=64, unique=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "全过程记录事件"
        verbose_name_plural = "全过程记录事件"
        ordering = ["sequence"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "sequence"], name="ledger_event_subject_idx"),
            models.Index(fields=["actor", "sequence"], name="ledger_event_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.event_type}"

    @property
    def recorded_at(self) -> datetime:
        """The time of the event (UTC), from the hashed microsecond count."""
        return from_microseconds(self.recorded_at_us)

    @property
    def data(self) -> dict[str, Any]:
        """The payload as a dict."""
        value: dict[str, Any] = json.loads(self.payload)
        return value


class ChainHead(models.Model):
    """The current head of the chain; locked by every appender (``select_for_update``)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField("序号", default=0)
    hash = models.CharField("摘要", max_length=64)

    class Meta:
        verbose_name = "链头"
        verbose_name_plural = "链头"

    def __str__(self) -> str:
        return f"#{self.sequence} {self.hash[:12]}"


class SigningKey(models.Model):
    """An SM2 key pair. The private key is stored encrypted (SM4) with a key derived from the server secret."""

    class Purpose(models.TextChoices):
        INSTALLATION = "installation", "系统签名（检查点）"
        OFFICER = "officer", "执法人员电子签名"

    key_id = models.CharField("密钥标识", max_length=32, unique=True)
    purpose = models.CharField("用途", max_length=20, choices=Purpose.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="持有人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    public_key = models.CharField("公钥", max_length=130)
    encrypted_private_key = models.TextField("私钥（加密）")
    is_active = models.BooleanField("在用", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "签名密钥"
        verbose_name_plural = "签名密钥"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.key_id}"


class Checkpoint(models.Model):
    """A signed chain head (检查点): published, so anyone holding it can prove history was not rewritten."""

    sequence = models.PositiveBigIntegerField("序号", unique=True)
    hash = models.CharField("摘要", max_length=64)
    created_at = models.DateTimeField("封存时间")
    key = models.ForeignKey(SigningKey, verbose_name="签名密钥", on_delete=models.PROTECT, related_name="checkpoints")
    signature = models.CharField("签名", max_length=200)

    class Meta:
        verbose_name = "检查点"
        verbose_name_plural = "检查点"
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"检查点 #{self.sequence}"


# --- evidence files (证据 / 音像记录) --------------------------------------------------------------------------


class MediaKind(models.TextChoices):
    """GLOSSARY ``MediaKind`` (音像记录: 录音/录像/照相/视频监控), plus ``document`` for every other file."""

    AUDIO = "audio", "录音"
    VIDEO = "video", "录像"
    PHOTO = "photo", "照相"
    SURVEILLANCE = "surveillance", "视频监控"
    DOCUMENT = "document", "文件"


class EvidenceFileQuerySet(models.QuerySet["EvidenceFile"]):
    def visible_to(self, user: Any) -> EvidenceFileQuerySet:
        """Case data scope (R-REC-007): own agency, or the bureau's region; a system admin sees none."""
        from zhifa.core.scope import agency_q

        return self.filter(agency_q(user, case_data=True))


class EvidenceFile(models.Model):
    """A stored file (证据材料 / 音像记录) attached to a case step, kept forever (R-REC-006).

    The bytes live in Django's default storage under a content-addressed name (``evidence/ab/cd/<SM3>``):
    the same bytes are stored once, however often they are attached. Each attachment is its own row, because
    who, when, where, which device and which case step are facts of the attachment, not of the bytes. A row
    is never changed or deleted (database triggers); a correction is a new row that ``supersedes`` the old
    one with a reason, and ``event`` is the ``evidence.added`` ledger event that seals the row's facts.
    """

    digest = models.CharField("摘要（SM3）", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField("大小（字节）")
    mime_type = models.CharField("文件类型", max_length=100)
    media_kind = models.CharField("记录形式", max_length=20, choices=MediaKind.choices)
    original_name = models.CharField("原文件名", max_length=255)
    storage_name = models.CharField("存储位置", max_length=200)
    uploaded_at = models.DateTimeField("上传时间")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="+")
    subject_type = models.CharField("所属对象类型", max_length=100, blank=True)
    subject_id = models.CharField("所属对象标识", max_length=64, blank=True)
    step = models.CharField("执法环节", max_length=64, blank=True)
    device_id = models.CharField("执法记录仪编号", max_length=64, blank=True)
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    captured_at = models.DateTimeField("拍摄/录制开始时间", null=True, blank=True)
    capture_ended_at = models.DateTimeField("拍摄/录制结束时间", null=True, blank=True)
    supersedes = models.ForeignKey(
        "self",
        verbose_name="更正的证据",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    supersede_reason = models.TextField("更正原因", blank=True)
    event = models.OneToOneField(
        Event, verbose_name="全过程记录事件", on_delete=models.PROTECT, related_name="evidence_file"
    )

    objects = EvidenceFileQuerySet.as_manager()

    class Meta:
        verbose_name = "证据文件"
        verbose_name_plural = "证据文件"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "id"], name="ledger_evidence_subject_idx"),
            models.Index(fields=["agency", "id"], name="ledger_evidence_agency_idx"),
        ]
        constraints = [
            # One correction per file: a later correction supersedes the latest version, not an old one.
            models.UniqueConstraint(fields=["supersedes"], name="ledger_evidencefile_unique_supersedes"),
        ]

    def __str__(self) -> str:
        return f"{self.original_name}（{self.digest[:12]}）"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, str] = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = "经纬度须同时填写或同时留空"
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = "纬度应在 -90 至 90 之间"
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = "经度应在 -180 至 180 之间"
        if self.captured_at and self.capture_ended_at and self.capture_ended_at < self.captured_at:
            errors["capture_ended_at"] = "录制结束时间不能早于开始时间"
        if self.supersedes_id and not self.supersede_reason.strip():
            errors["supersede_reason"] = "更正证据须说明更正原因"
        if errors:
            raise ValidationError(errors)
