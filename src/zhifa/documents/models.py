"""执法文书: numbering rules and numbers (文号), issued documents (the PDF is the record of truth), service (送达).

A document belongs to an agency and to a subject (``subject_type``/``subject_id`` like ledger events), so the
cases app attaches documents to a case without this app importing cases.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from zhifa.documents.choices import DeliveryMethod, DeliveryResult, DocumentKind, DocumentState
from zhifa.documents.querysets import DeliveryQuerySet, DocumentNumberQuerySet, DocumentQuerySet

DEFAULT_NUMBER_FORMAT = "{prefix}〔{year}〕{serial}号"
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


class NumberingRule(models.Model):
    """文号规则: the 机关代字 + 类别字 prefix and the format of one agency's numbers for one kind of document.

    Without a rule the prefix is the agency's 简称 followed by the kind's 类别字 (示市监 + 罚 = 示市监罚).
    """

    agency = models.ForeignKey(
        "org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="numbering_rules"
    )
    kind = models.CharField("文书种类", max_length=40, choices=DocumentKind.choices)
    prefix = models.CharField("文号前缀（机关代字+类别字）", max_length=30, help_text="如“示市监罚”")
    format = models.CharField(
        "文号格式",
        max_length=60,
        default=DEFAULT_NUMBER_FORMAT,
        help_text="可用 {prefix} {year} {serial}；按 GB/T 9704 年份用六角括号〔〕，序号不编虚位、不加“第”字",
    )

    class Meta:
        verbose_name = "文号规则"
        verbose_name_plural = "文号规则"
        ordering = ["agency_id", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind"],
                name="documents_numberingrule_unique_agency_kind",
                violation_error_message="该执法主体已有此种文书的文号规则",
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}（{self.get_kind_display()}）"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        self.prefix = (self.prefix or "").strip()
        if not self.prefix or any(ch in self.prefix for ch in "〔〕[]【】（）() "):
            errors["prefix"] = "文号前缀不能为空，也不能含括号或空格"
        names = set(_PLACEHOLDER.findall(self.format or ""))
        if not names <= {"prefix", "year", "serial"}:
            errors["format"] = "文号格式只能使用 {prefix}、{year}、{serial}"
        elif not {"year", "serial"} <= names:
            errors["format"] = "文号格式须包含年份 {year} 和序号 {serial}"
        if errors:
            raise ValidationError(errors)


class NumberCounter(models.Model):
    """The last serial handed out for (agency, kind, year); locked while a number is allocated (R-DOC-002)."""

    agency = models.ForeignKey("org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("文书种类", max_length=40, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField("年份")
    last_serial = models.PositiveIntegerField("已用最大序号", default=0)

    class Meta:
        verbose_name = "文号计数器"
        verbose_name_plural = "文号计数器"
        ordering = ["agency_id", "kind", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year"], name="documents_numbercounter_unique_agency_kind_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.kind}/{self.year}: {self.last_serial}"


class DocumentNumber(models.Model):
    """One 文号, allocated once, gapless per agency, kind and year; a voided number is kept, never reused."""

    agency = models.ForeignKey("org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("文书种类", max_length=40, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField("年份")
    serial = models.PositiveIntegerField("序号")
    text = models.CharField("文号", max_length=80)
    allocated_at = models.DateTimeField("取号时间", auto_now_add=True)
    is_voided = models.BooleanField("已作废", default=False)
    voided_reason = models.TextField("作废原因", blank=True)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作废人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DocumentNumberQuerySet.as_manager()

    class Meta:
        verbose_name = "文号"
        verbose_name_plural = "文号"
        ordering = ["agency_id", "kind", "year", "serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year", "serial"], name="documents_documentnumber_unique_serial"
            ),
            models.UniqueConstraint(fields=["agency", "text"], name="documents_documentnumber_unique_agency_text"),
            models.CheckConstraint(condition=models.Q(serial__gte=1), name="documents_documentnumber_serial_positive"),
        ]

    def __str__(self) -> str:
        return self.text + ("（已作废）" if self.is_voided else "")


class Document(models.Model):
    """执法文书 as issued: the filled-in context, the HTML snapshot and the PDF (the record of truth, R-DOC-009),
    stored content-addressed by its SM3 digest, which the ``document.issued`` ledger event seals."""

    kind = models.CharField("文书种类", max_length=40, choices=DocumentKind.choices)
    agency = models.ForeignKey("org.Agency", verbose_name="执法主体", on_delete=models.PROTECT, related_name="+")
    number = models.OneToOneField(
        DocumentNumber, verbose_name="文号", null=True, blank=True, on_delete=models.PROTECT, related_name="document"
    )
    subject_type = models.CharField("所属对象类型", max_length=100, blank=True)
    subject_id = models.CharField("所属对象标识", max_length=64, blank=True)
    title = models.CharField("标题", max_length=100)
    context = models.JSONField("填写内容", default=dict, blank=True)
    html = models.TextField("HTML 快照", blank=True)
    pdf_storage_name = models.CharField("PDF 存储位置", max_length=200, blank=True)
    pdf_digest = models.CharField("PDF 摘要（SM3）", max_length=64, blank=True, db_index=True)
    pdf_size = models.PositiveIntegerField("PDF 大小（字节）", default=0)
    state = models.CharField("状态", max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT)
    issued_on = models.DateField("文书日期", null=True, blank=True)
    issued_at = models.DateTimeField("签发时间", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_event = models.OneToOneField(
        "ledger.Event", verbose_name="签发事件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    served_on = models.DateField("送达日期", null=True, blank=True, help_text="首次成功送达的法定送达日期")
    voided_reason = models.TextField("作废原因", blank=True)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作废人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "执法文书"
        verbose_name_plural = "执法文书"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "id"], name="documents_document_subject_idx"),
            models.Index(fields=["agency", "-id"], name="documents_document_agency_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.number.text}" if self.number_id and self.number else self.title

    @property
    def number_text(self) -> str:
        return self.number.text if self.number_id and self.number else ""

    @property
    def is_issued(self) -> bool:
        return self.state == DocumentState.ISSUED


class Delivery(models.Model):
    """One attempt to serve a document (送达), successful or not (R-DOC-005..008). ``delivered_on`` is the
    legal service date: the date signed on the 送达回证 or the postal receipt, the arrival of an electronic
    delivery, or the day a public notice is deemed served (R-DOC-006, R-DOC-007)."""

    document = models.ForeignKey(Document, verbose_name="文书", on_delete=models.PROTECT, related_name="deliveries")
    method = models.CharField("送达方式", max_length=20, choices=DeliveryMethod.choices)
    result = models.CharField("结果", max_length=20, choices=DeliveryResult.choices)
    attempted_at = models.DateTimeField("送达时间")
    delivered_on = models.DateField("送达日期", null=True, blank=True)
    receiver_name = models.CharField("签收人（受送达人）", max_length=100, blank=True)
    place = models.CharField("送达地点", max_length=200, blank=True)
    refusal_noted = models.BooleanField("受送达人拒收（已记明）", default=False)
    witness = models.CharField("见证人", max_length=100, blank=True)
    av_evidence = models.ForeignKey(
        "ledger.EvidenceFile",
        verbose_name="留置送达音像记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receipt_document = models.ForeignKey(
        Document, verbose_name="送达回证", null=True, blank=True, on_delete=models.PROTECT, related_name="receipts_for"
    )
    receipt_evidence = models.ForeignKey(
        "ledger.EvidenceFile",
        verbose_name="签收的送达回证（扫描件）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    postal_tracking_number = models.CharField("邮件号码", max_length=50, blank=True)
    postal_receipt_on = models.DateField("邮件回执签收日期", null=True, blank=True)
    electronic_address = models.CharField("电子送达地址", max_length=200, blank=True)
    e_delivery_consent = models.ForeignKey(
        "ledger.EvidenceFile",
        verbose_name="电子送达书面同意（送达地址确认书）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_on = models.DateField("公告发布日期", null=True, blank=True)
    notice_period_ends_on = models.DateField(
        "公告期满日", null=True, blank=True, help_text="发布后第30日（内部提醒用）"
    )
    deemed_served_on = models.DateField(
        "视为送达日", null=True, blank=True, help_text="公告期满日遇法定休假日顺延至其后第一个工作日（R-TIME-004）"
    )
    reason = models.TextField("公告送达原因", blank=True)
    note = models.TextField("说明", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )
    event = models.OneToOneField(
        "ledger.Event", verbose_name="全过程记录事件", null=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = "送达记录"
        verbose_name_plural = "送达记录"
        ordering = ["document_id", "attempted_at", "id"]
        indexes = [models.Index(fields=["document", "attempted_at", "id"], name="documents_delivery_doc_idx")]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.get_result_display()}"

    @property
    def is_success(self) -> bool:
        return self.result == DeliveryResult.SUCCESS

    def as_payload(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "method": self.method,
            "result": self.result,
            "delivered_on": self.delivered_on,
            "receiver_name": self.receiver_name,
            "refusal_noted": self.refusal_noted,
            "witness": self.witness,
            "av_evidence": self.av_evidence_id,
            "receipt_document": self.receipt_document_id,
            "receipt_evidence": self.receipt_evidence_id,
            "postal_tracking_number": self.postal_tracking_number,
            "postal_receipt_on": self.postal_receipt_on,
            "e_delivery_consent": self.e_delivery_consent_id,
            "published_on": self.published_on,
            "deemed_served_on": self.deemed_served_on,
        }
