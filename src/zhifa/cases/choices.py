from django.db import models


class SourceChannel(models.TextChoices):
    COMPLAINT = "complaint", "投诉举报"
    INSPECTION = "inspection", "监督检查"
    ASSIGNED = "assigned", "上级交办"
    TRANSFERRED_IN = "transferred_in", "移送"
    HOTLINE_12345 = "hotline_12345", "12345热线"
    OFF_SITE = "off_site", "非现场执法"
    OTHER = "other", "其他"


class CaseSourceState(models.TextChoices):
    REGISTERED = "registered", "已登记"
    VERIFYING = "verifying", "核查中"
    AWAITING_FILING_APPROVAL = "awaiting_filing_approval", "立案审批中"
    FILED = "filed", "已立案"
    DECLINED = "declined", "不予立案"
    TRANSFERRED = "transferred", "已移送"
    MERGED = "merged", "已并案"


class Procedure(models.TextChoices):
    GENERAL = "general", "一般程序"
    SIMPLE = "simple", "简易程序"


class PenaltyCaseState(models.TextChoices):
    FILED = "filed", "已立案"
    INVESTIGATING = "investigating", "调查取证中"
    UNDER_CASE_REVIEW = "under_case_review", "案件审核中"
    UNDER_LEGAL_REVIEW = "under_legal_review", "法制审核中"
    UNDER_DISCUSSION = "under_discussion", "集体讨论中"
    NOTIFIED = "notified", "已告知"
    HEARING = "hearing", "听证中"
    AWAITING_DECISION = "awaiting_decision", "待决定"
    DECIDED = "decided", "已决定"
    EXECUTING = "executing", "执行中"
    CLOSED = "closed", "已结案"
    ARCHIVED = "archived", "已归档"
    SUSPENDED = "suspended", "已中止"


class HandlerRole(models.TextChoices):
    LEAD = "lead", "主办"
    CO = "co", "协办"


class DecisionKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    NO_PENALTY = "no_penalty", "不予行政处罚"
    TRANSFER = "transfer", "移送司法机关"
    FILING_WITHDRAWN = "filing_withdrawn", "撤销立案"


class ClosingReason(models.TextChoices):
    EXECUTED = "executed", "执行完毕"
    NO_PENALTY = "no_penalty", "不予处罚"
    TRANSFERRED = "transferred", "移送"
    FILING_WITHDRAWN = "filing_withdrawn", "撤销立案"
    TERMINATED = "terminated", "终止"
    EXECUTION_ENDED = "execution_ended", "终结执行"


class InvestigativeStepKind(models.TextChoices):
    """Investigative acts, each done by at least two certified officers (R-PER-005)."""

    INQUIRY = "inquiry", "询问"
    SITE_INSPECTION = "site_inspection", "现场检查（勘验）"
    EVIDENCE_COLLECTION = "evidence_collection", "调取证据"
    SAMPLE_COLLECTION = "sample_collection", "抽样取证"
    EVIDENCE_PRESERVATION = "evidence_preservation", "证据先行登记保存"
