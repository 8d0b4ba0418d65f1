"""Choices of the documents app (GLOSSARY §4: ``DocumentKind``, ``DeliveryMethod``)."""

from __future__ import annotations

from django.db import models


class DocumentKind(models.TextChoices):
    """执法文书种类 (GLOSSARY §4 ``DocumentKind``: each document named there uses its identifier)."""

    FILING_APPROVAL = "filing_approval", "立案审批表"
    DECLINE_FILING_APPROVAL = "decline_filing_approval", "不予立案审批表"
    INQUIRY_RECORD = "inquiry_record", "询问笔录"
    SITE_INSPECTION_RECORD = "site_inspection_record", "现场检查（勘验）笔录"
    PRESERVATION_NOTICE = "preservation_notice", "证据先行登记保存通知书"
    PRESERVATION_DECISION = "preservation_decision", "先行登记保存处理决定书"
    COERCIVE_MEASURE_DECISION = "coercive_measure_decision", "查封/扣押决定书"
    INVENTORY = "inventory", "物品清单"
    EXTENSION_DECISION = "extension_decision", "延长期限决定书"
    RELEASE_DECISION = "release_decision", "解除决定书"
    INVESTIGATION_REPORT = "investigation_report", "案件调查终结报告"
    LEGAL_REVIEW_OPINION = "legal_review_opinion", "法制审核意见书"
    DISCUSSION_MINUTES = "discussion_minutes", "集体讨论记录"
    PRIOR_NOTICE = "prior_notice", "行政处罚事先告知书"
    DEFENSE_RECORD = "defense_record", "陈述申辩笔录"
    HEARING_RIGHT_NOTICE = "hearing_right_notice", "听证告知书"
    HEARING_NOTICE = "hearing_notice", "听证通知书"
    HEARING_RECORD = "hearing_record", "听证笔录"
    HEARING_REPORT = "hearing_report", "听证报告"
    PENALTY_DECISION = "penalty_decision", "行政处罚决定书"
    NO_PENALTY_DECISION = "no_penalty_decision", "不予行政处罚决定书"
    ON_THE_SPOT_DECISION = "on_the_spot_decision", "当场行政处罚决定书"
    ADDRESS_CONFIRMATION = "address_confirmation", "送达地址确认书"
    DELIVERY_RECEIPT = "delivery_receipt", "送达回证"
    PAYMENT_PLAN_DECISION = "payment_plan_decision", "分期/延期缴纳决定书"
    DEMAND_NOTICE = "demand_notice", "催告书"
    COMPULSORY_EXECUTION_DECISION = "compulsory_execution_decision", "强制执行决定书"
    COURT_EXECUTION_APPLICATION = "court_execution_application", "强制执行申请书"
    CASE_TRANSFER_LETTER = "case_transfer_letter", "案件移送书"
    CRIMINAL_TRANSFER_LETTER = "criminal_transfer_letter", "涉嫌犯罪案件移送书"
    CLOSING_REPORT = "closing_report", "结案报告"


class DocumentState(models.TextChoices):
    DRAFT = "draft", "草稿"
    ISSUED = "issued", "已签发"
    VOIDED = "voided", "已作废"


class DeliveryMethod(models.TextChoices):
    """送达方式 (GLOSSARY §4)."""

    DIRECT = "direct", "直接送达"
    LEFT_AT_PREMISES = "left_at_premises", "留置送达"
    POSTAL = "postal", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达"
    PUBLIC_NOTICE = "public_notice", "公告送达"
    ENTRUSTED = "entrusted", "委托送达"


class DeliveryResult(models.TextChoices):
    SUCCESS = "success", "送达成功"
    FAILED = "failed", "未能送达"
