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


# --- execution (执行), suspension (中止) and termination (终止/终结执行) -----------------------------------------


class ExecutionMode(models.TextChoices):
    """执行方式 (GLOSSARY §4)."""

    VOLUNTARY = "voluntary", "自动履行"
    PAYMENT_PLAN = "payment_plan", "分期/延期缴纳"
    COMPULSORY = "compulsory", "行政机关强制执行"
    COURT = "court", "申请人民法院强制执行"


class PaymentPlanKind(models.TextChoices):
    """分期 / 延期（暂缓）缴纳罚款 (R-PEN-025, 处罚法 第66条)."""

    INSTALLMENT = "installment", "分期缴纳"
    DEFERRAL = "deferral", "延期缴纳"


class PaymentPlanState(models.TextChoices):
    APPLIED = "applied", "已申请"
    APPROVED = "approved", "已批准"
    REFUSED = "refused", "不予批准"


class CompulsoryMethod(models.TextChoices):
    """行政强制执行的方式 (行政强制法 第12条) that apply to a penalty decision."""

    LATE_PENALTY = "late_penalty", "加处罚款"
    TRANSFER_DEPOSITS = "transfer_deposits", "划拨存款、汇款"
    AUCTION = "auction", "拍卖或者依法处理查封、扣押的场所、设施或者财物"
    OTHER = "other", "法律规定的其他强制执行方式"


class CourtRuling(models.TextChoices):
    """人民法院对强制执行申请的裁定 (行政强制法 第57–58条)."""

    GRANTED = "granted", "准予执行"
    REFUSED = "refused", "不予执行"


class CourtMaterial(models.TextChoices):
    """申请人民法院强制执行应当提供的材料 (R-COE-016, 行政强制法 第55条)."""

    APPLICATION = "application", "强制执行申请书（负责人签名、加盖印章、注明日期）"
    DECISION = "decision", "行政决定书及作出决定的事实、理由和依据"
    PARTY_OPINION = "party_opinion", "当事人的意见及行政机关催告情况"
    SUBJECT = "subject", "申请强制执行标的情况"
    OTHER = "other", "法律、行政法规规定的其他材料"


class RemedyKind(models.TextChoices):
    """当事人寻求的救济 (R-PEN-027/028)."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION = "litigation", "行政诉讼"


class RemedyResult(models.TextChoices):
    """复议决定 / 裁判的结果 as it bears on the decision (复议法 第63–68条; 行诉法 第69–78条). Those in
    ``SETS_ASIDE_RESULTS`` take the decision off the portal (R-PUB-008)."""

    UPHELD = "upheld", "维持原决定（驳回复议申请或诉讼请求）"
    CHANGED = "changed", "变更原决定"
    ANNULLED = "annulled", "撤销原决定"
    REDONE = "redone", "撤销原决定并责令重新作出"
    CONFIRMED_UNLAWFUL = "confirmed_unlawful", "确认原决定违法"
    CONFIRMED_INVALID = "confirmed_invalid", "确认原决定无效"
    ENDED = "ended", "撤回申请（起诉）或终止审理"


# R-PUB-008: the decision was changed, annulled, confirmed unlawful or invalid, or is to be redone.
SETS_ASIDE_RESULTS = frozenset(
    {
        RemedyResult.CHANGED,
        RemedyResult.ANNULLED,
        RemedyResult.REDONE,
        RemedyResult.CONFIRMED_UNLAWFUL,
        RemedyResult.CONFIRMED_INVALID,
    }
)


class SuspensionGround(models.TextChoices):
    """中止的理由. Before the decision: the case (R-TIME-008; the sector rules' 中止调查 grounds); after it: the
    execution (中止执行, R-COE-017, 行政强制法 第39条)."""

    TESTING = "testing", "检测、检验、检疫、鉴定"
    AWAITING_OTHER_DECISION = (
        "awaiting_other_decision",
        "须以相关案件的裁判结果或者其他行政决定为依据，相关案件尚未审结或者其他行政决定尚未作出",
    )
    LEGAL_INTERPRETATION = "legal_interpretation", "涉及法律适用等问题，需要送请有权机关作出解释或者确认"
    FORCE_MAJEURE = "force_majeure", "因不可抗力致使案件暂时无法调查"
    PARTY_MISSING = "party_missing", "因当事人下落不明致使案件暂时无法调查"
    OTHER_CASE = "other_case", "其他应当中止调查的情形"
    HARDSHIP = "hardship", "当事人履行行政决定确有困难或者暂无履行能力"
    THIRD_PARTY_CLAIM = "third_party_claim", "第三人对执行标的主张权利，确有理由"
    IRREPARABLE_LOSS = "irreparable_loss", "执行可能造成难以弥补的损失，且中止执行不损害公共利益"
    OTHER_EXECUTION = "other_execution", "行政机关认为需要中止执行的其他情形"


class TerminationGround(models.TextChoices):
    """终止 a case before its decision, or 终结执行 (R-COE-017, 行政强制法 第40条)."""

    PARTY_DIED = "party_died", "当事人死亡，无遗产可供执行（或案件无法继续调查），又无义务承受人"
    PARTY_DISSOLVED = "party_dissolved", "法人或者其他组织终止，无财产可供执行（或案件无法继续调查），又无义务承受人"
    SUBJECT_LOST = "subject_lost", "执行标的灭失"
    DECISION_ANNULLED = "decision_annulled", "据以执行的行政决定被撤销"
    SUSPENDED_THREE_YEARS = "suspended_three_years", "没有明显社会危害，当事人确无能力履行，中止执行满三年未恢复执行"
    OTHER = "other", "其他依法应当终止（终结执行）的情形"


class MajorCriterion(models.TextChoices):
    """R-REV-001 (处罚法 第58条; 118号): the grounds of a major decision that the case review judges (recorded with
    a written reason); the catalog's computable rows are applied by ``cases.services.major_decision``."""

    PUBLIC_INTEREST = "public_interest", "涉及重大公共利益"
    SOCIAL_IMPACT = "social_impact", "可能造成重大社会影响或引发社会风险"
    COMPLEX = "complex", "案件情况疑难复杂、涉及多个法律关系"
    REQUIRED_BY_LAW = "required_by_law", "法律法规规章规定应当审核"


# A ticked 目录清单 row of kind “其他” is stored among the judged criteria as ``catalog_other:<row id>``.
CATALOG_OTHER_PREFIX = "catalog_other:"
