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


class CoerciveMeasureKind(models.TextChoices):
    """行政强制措施的种类 (行政强制法 第9条)."""

    SEALING = "sealing", "查封"
    SEIZURE = "seizure", "扣押"
    FREEZING = "freezing", "冻结"
    OTHER = "other", "其他"


class CoerciveMeasureState(models.TextChoices):
    PENDING_APPROVAL = "pending_approval", "待批准"
    AWAITING_RETRO_APPROVAL = "awaiting_retro_approval", "待补批"
    IN_FORCE = "in_force", "实施中"
    EXTENDED = "extended", "已延长"
    RELEASED = "released", "已解除"
    DISPOSED = "disposed", "已依法处理"


class CoerciveReleaseGround(models.TextChoices):
    """解除的法定情形 (R-COE-008, 行政强制法 第28条), plus the head's disapproval of an emergency measure (R-COE-003)."""

    NO_VIOLATION = "no_violation", "当事人没有违法行为"
    UNRELATED = "unrelated", "查封、扣押的场所、设施或者财物与违法行为无关"
    DECIDED = "decided", "已经作出处理决定，不再需要查封、扣押"
    EXPIRED = "expired", "查封、扣押期限已经届满"
    UNNEEDED = "unneeded", "其他不再需要采取查封、扣押措施的情形"
    DISAPPROVED = "disapproved", "负责人认为不应当采取行政强制措施"


class CoerciveDisposal(models.TextChoices):
    """依法处理 within the term (R-COE-008)."""

    CONFISCATED = "confiscated", "依法没收"
    DESTROYED = "destroyed", "依法销毁"


class HearingState(models.TextChoices):
    """听证 (GLOSSARY): requested → scheduled → held → reported; or waived (R-HEA-008)."""

    REQUESTED = "requested", "已申请"
    SCHEDULED = "scheduled", "已通知"
    HELD = "held", "已举行"
    REPORTED = "reported", "已出具报告"
    WAIVED = "waived", "已放弃"


class HearingClosedReason(models.TextChoices):
    """听证不公开举行的法定情形 (R-HEA-005)."""

    STATE_SECRET = "state_secret", "涉及国家秘密"
    TRADE_SECRET = "trade_secret", "涉及商业秘密"
    PRIVACY = "privacy", "涉及个人隐私"


class HearingWaiverReason(models.TextChoices):
    """视为放弃听证 / 撤回听证申请 (R-HEA-008)."""

    ABSENT = "absent", "无正当理由拒不出席听证"
    LEFT = "left", "未经许可中途退出听证"
    WITHDRAWN = "withdrawn", "当事人书面撤回听证申请"


class CriminalTransferState(models.TextChoices):
    """行刑衔接 (GLOSSARY §11): proposed → approved → transferred → filed | declined; returned when the head refuses."""

    PROPOSED = "proposed", "拟移送"
    APPROVED = "approved", "已批准"
    TRANSFERRED = "transferred", "已移送"
    FILED = "filed", "公安已立案"
    DECLINED = "declined", "公安不予立案"
    RETURNED = "returned", "已退回"


class CriminalTransferPoliceDecision(models.TextChoices):
    """公安机关对移送案件的决定 (R-TRN-007)."""

    FILED = "filed", "立案"
    DECLINED = "declined", "不予立案"


class TransferMaterial(models.TextChoices):
    """移送材料 (R-TRN-006, 310号令 第6条)."""

    TRANSFER_LETTER = "transfer_letter", "涉嫌犯罪案件移送书"
    INVESTIGATION_REPORT = "investigation_report", "涉嫌犯罪案件情况的调查报告"
    ITEM_LIST = "item_list", "涉案物品清单"
    TEST_REPORTS = "test_reports", "有关检验报告或者鉴定意见"
    OTHER = "other", "其他有关涉嫌犯罪的材料"
