"""Choices of the review app (GLOSSARY §6): value = identifier, label = the Chinese term."""

from django.db import models


class LegalReviewState(models.TextChoices):
    """法制审核 (GLOSSARY "LegalReview"): 已送审 → 审核中 → 审核通过 | 已退回 (resubmitted: next round) | 意见分歧
    (then settled) | 建议移送; the handler may withdraw it."""

    SUBMITTED = "submitted", "已送审"
    IN_REVIEW = "in_review", "审核中"
    APPROVED = "approved", "审核通过"
    RETURNED = "returned", "已退回"
    DISPUTED = "disputed", "意见分歧"
    TRANSFERRED = "transferred", "建议移送"
    WITHDRAWN = "withdrawn", "已撤回"


class ReviewOutcome(models.TextChoices):
    """审核意见 (R-REV-008; seed 003: 同意、变更、纠正、补充、移送)."""

    APPROVE = "approve", "同意"
    AMEND = "amend", "变更"
    CORRECT = "correct", "纠正"
    SUPPLEMENT = "supplement", "补充"
    TRANSFER = "transfer", "移送"


class ReviewCheck(models.TextChoices):
    """审核要点 (R-REV-007; seed 003)."""

    SUBJECT_COMPETENT = "subject_competent", "执法主体合法、未超越法定职权"
    OFFICERS_QUALIFIED = "officers_qualified", "执法人员具备执法资格"
    FACTS_CLEAR = "facts_clear", "主要事实清楚"
    EVIDENCE_SUFFICIENT = "evidence_sufficient", "证据合法、确凿、充分"
    LAW_CORRECT = "law_correct", "适用法律准确"
    PROCEDURE_LAWFUL = "procedure_lawful", "程序合法"
    DISCRETION_APPROPRIATE = "discretion_appropriate", "行政裁量基准运用适当"
    DOCUMENTS_COMPLETE = "documents_complete", "执法文书规范齐备"
    CRIME_SUSPECTED = "crime_suspected", "是否涉嫌犯罪需要移送司法机关"


class CheckResult(models.TextChoices):
    OK = "ok", "无问题"
    PROBLEM = "problem", "存在问题"


class ReviewStage(models.TextChoices):
    """When the review is made: before the prior notice, or before the decision (after a hearing, a transfer) of a
    penalty; or before the agency's 强制执行决定 (R-REV-002/003), whose basis is the enforcement proposal."""

    BEFORE_NOTICE = "before_notice", "告知前审核"
    BEFORE_DECISION = "before_decision", "决定前审核"
    BEFORE_ENFORCEMENT = "before_enforcement", "强制执行决定前审核"


# The stages of the penalty decision: the case waits in 法制审核中 while they run and their basis is the case's
# proposal. The enforcement stage leaves the case 执行中 (``review.services.stages``).
PENALTY_STAGES = (ReviewStage.BEFORE_NOTICE, ReviewStage.BEFORE_DECISION)


class SubmissionMaterial(models.TextChoices):
    """送审材料 (R-REV-006; seed 003 requires each department to fix its list)."""

    INVESTIGATION_REPORT = "investigation_report", "调查终结报告"
    EVIDENCE = "evidence", "证据材料"
    DRAFT_DECISION = "draft_decision", "拟作出的执法决定文书代拟稿"
    LEGAL_BASIS = "legal_basis", "法律依据及裁量说明"
    DEFENSE_MATERIALS = "defense_materials", "当事人陈述申辩材料"
    HEARING_MATERIALS = "hearing_materials", "听证笔录及听证报告"
    # 强制执行决定前审核 (R-COE-010/011/014, R-REV-006)
    PENALTY_DECISION = "penalty_decision", "行政处罚决定书及送达回证"
    DEMAND_NOTICE = "demand_notice", "催告书及送达回证"
    DEMAND_STATEMENTS = "demand_statements", "当事人对催告的陈述申辩及复核材料"
    DRAFT_ENFORCEMENT_DECISION = "draft_enforcement_decision", "强制执行决定书代拟稿"
    OTHER = "other", "其他材料"


class DisputeResolution(models.TextChoices):
    """意见分歧的处理 (R-REV-009): the head or a collective discussion decides."""

    REVIEW_UPHELD = "review_upheld", "维持法制审核意见"
    HANDLER_UPHELD = "handler_upheld", "采纳承办机构意见"


class ExternalReviewerCapacity(models.TextChoices):
    """Who else may review for an agency when configured (R-REV-005; seed 003: 法律顾问、公职律师)."""

    JUDICIAL_BUREAU = "judicial_bureau", "司法局法制审核人员"
    LEGAL_ADVISER = "legal_adviser", "法律顾问"
    GOVERNMENT_LAWYER = "government_lawyer", "公职律师"


class DiscussionTopic(models.TextChoices):
    """Why a collective discussion is held (the rules that require it)."""

    MAJOR_DECISION = "major_decision", "重大执法决定（R-PEN-014）"
    REVIEW_DISPUTE = "review_dispute", "法制审核意见分歧（R-REV-009）"
    BENCHMARK_DEVIATION = "benchmark_deviation", "偏离裁量基准（R-DIS-005）"


class CollectiveDiscussionState(models.TextChoices):
    """待讨论 → 已作出结论; 已取消 when the case leaves the step it was about (终止, 恢复办理, 补充调查)."""

    CONVENED = "convened", "待讨论"
    CONCLUDED = "concluded", "已作出结论"
    CANCELLED = "cancelled", "已取消"


class DiscussionConclusion(models.TextChoices):
    """The motion (议题) is adopted or not: for a dispute the motion is “维持法制审核意见”."""

    ADOPTED = "adopted", "同意"
    REJECTED = "rejected", "不同意"
