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
