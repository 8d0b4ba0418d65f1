"""Choices of the publicity app (GLOSSARY §7): value = identifier, label = Chinese term."""

from django.db import models


class PublicityPhase(models.TextChoices):
    BEFORE = "before", "事前公示"
    DURING = "during", "事中公示"
    AFTER = "after", "事后公示"


class PublicationKind(models.TextChoices):
    """公示类别 (GLOSSARY §7 ``PublicationKind``)."""

    AGENCY = "agency", "执法主体"
    OFFICER = "officer", "执法人员"
    ENFORCEMENT_ITEM = "enforcement_item", "执法事项"
    FLOW_CHART = "flow_chart", "执法流程图"
    SERVICE_GUIDE = "service_guide", "服务指南"
    DISCRETION_BENCHMARK = "discretion_benchmark", "行政裁量权基准"
    EXEMPTION_LIST = "exemption_list", "免罚清单"
    AV_REQUIREMENT = "av_requirement", "音像记录事项清单"
    MAJOR_DECISION_CATALOG = "major_decision_catalog", "重大执法决定法制审核目录清单"
    COMPLAINT_CHANNEL = "complaint_channel", "投诉监督渠道"
    LICENSING_DECISION = "licensing_decision", "行政许可决定"
    PENALTY_DECISION = "penalty_decision", "行政处罚决定"
    COERCIVE_MEASURE = "coercive_measure", "行政强制措施"
    INSPECTION_RESULT = "inspection_result", "检查结果"
    OTHER_DECISION = "other_decision", "其他执法决定"


# 执法结果公示 (phase ``after``): the decision kinds.
DECISION_KINDS = (
    PublicationKind.LICENSING_DECISION,
    PublicationKind.PENALTY_DECISION,
    PublicationKind.COERCIVE_MEASURE,
    PublicationKind.INSPECTION_RESULT,
    PublicationKind.OTHER_DECISION,
)


# 事前公示 (phase ``before``, R-PUB-001, R-PUB-003): registry snapshots, one current publication per agency and kind.
BEFORE_KINDS = (
    PublicationKind.AGENCY,
    PublicationKind.COMPLAINT_CHANNEL,
    PublicationKind.OFFICER,
    PublicationKind.ENFORCEMENT_ITEM,
    PublicationKind.DISCRETION_BENCHMARK,
    PublicationKind.EXEMPTION_LIST,
    PublicationKind.MAJOR_DECISION_CATALOG,
    PublicationKind.AV_REQUIREMENT,
)


class PublicationState(models.TextChoices):
    """GLOSSARY "Publication" state machine."""

    PENDING = "pending", "待公示"
    AWAITING_APPROVAL = "awaiting_approval", "待审核"
    PUBLISHED = "published", "已公示"
    WITHDRAWN = "withdrawn", "已撤下"
    EXPIRED = "expired", "已到期"
    CREDIT_REPAIRED = "credit_repaired", "已信用修复"
    EXEMPTED = "exempted", "不予公开"
    SUPERSEDED = "superseded", "已更新"


OPEN_STATES = (PublicationState.PENDING, PublicationState.AWAITING_APPROVAL)


class ExemptionReason(models.TextChoices):
    """不予公开 / 不予公开的内容 (R-PUB-006, R-PRV-002; 政府信息公开条例 第14–15条)."""

    STATE_SECRET = "state_secret", "国家秘密"
    TRADE_SECRET = "trade_secret", "商业秘密"
    PRIVACY = "privacy", "个人隐私"


class WithdrawalGround(models.TextChoices):
    """Why a publication is withdrawn (R-PUB-008)."""

    CHANGED = "changed", "决定被变更"
    ANNULLED = "annulled", "决定被撤销"
    CONFIRMED_UNLAWFUL = "confirmed_unlawful", "决定被确认违法"
    CONFIRMED_INVALID = "confirmed_invalid", "决定被确认无效"
    REDONE = "redone", "决定被责令重作"
    OTHER = "other", "其他"


class DueFlag(models.TextChoices):
    """Flags of the due list (R-TIME-009 红黄牌)."""

    RED = "red", "已超期"
    YELLOW = "yellow", "即将到期"
