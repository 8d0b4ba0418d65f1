"""Choices of the catalog app (GLOSSARY §2, §4, §5, §6): values are identifiers, labels the Chinese terms."""

from django.db import models


class ItemKind(models.TextChoices):
    """事项类型."""

    LICENSING = "licensing", "行政许可"
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LEVY = "levy", "行政征收"
    REQUISITION = "requisition", "行政征用"
    FEE = "fee", "行政收费"
    INSPECTION = "inspection", "行政检查"
    CONFIRMATION = "confirmation", "行政确认"
    BENEFIT = "benefit", "行政给付"
    REWARD = "reward", "行政奖励"
    ADJUDICATION = "adjudication", "行政裁决"
    OTHER = "other", "其他"


class ItemLevel(models.TextChoices):
    """事项层级 (四级四同)."""

    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    COUNTY = "county", "县级"


class EnforcementItemState(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_FORCE = "in_force", "有效"
    SUSPENDED = "suspended", "暂停"
    SUPERSEDED = "superseded", "已被替代"
    ABOLISHED = "abolished", "已取消"


class AvStep(models.TextChoices):
    """Enforcement steps that may require an audio/video record (音像记录事项清单)."""

    ON_SITE_INSPECTION = "on_site_inspection", "现场检查"
    INVESTIGATION = "investigation", "调查取证"
    EVIDENCE_PRESERVATION = "evidence_preservation", "证据保全"
    COERCIVE_MEASURE = "coercive_measure", "查封扣押"
    FORCED_DEMOLITION = "forced_demolition", "强制拆除"
    LAND_EXPROPRIATION = "land_expropriation", "土地房屋征收"
    CASE_HANDLING_ROOM = "case_handling_room", "办案场所"
    HEARING = "hearing", "听证"
    LEFT_AT_PREMISES_DELIVERY = "left_at_premises_delivery", "留置送达"
    PUBLIC_NOTICE_DELIVERY = "public_notice_delivery", "公告送达"
    RANDOM_INSPECTION = "random_inspection", "随机抽查"


# R-REC-003: full-process A/V is always mandatory for these steps, whatever an agency's list says.
ALWAYS_AV_STEPS = frozenset(
    {AvStep.COERCIVE_MEASURE, AvStep.FORCED_DEMOLITION, AvStep.LAND_EXPROPRIATION, AvStep.CASE_HANDLING_ROOM}
)


class CriterionKind(models.TextChoices):
    """Kinds of rows in the 重大执法决定法制审核目录清单 (R-REV-002)."""

    HEARING_ELIGIBLE_PENALTY = "hearing_eligible_penalty", "适用听证程序的行政处罚"
    LARGE_FINE = "large_fine", "较大数额罚款或没收"
    COERCIVE_ENFORCEMENT = "coercive_enforcement", "行政强制执行决定"
    FORCED_DEMOLITION = "forced_demolition", "强制拆除"
    LAND_EXPROPRIATION = "land_expropriation", "土地征收"
    SUSPEND_OPERATIONS = "suspend_operations", "责令停产停业"
    REVOKE_LICENSE = "revoke_license", "吊销许可证件"
    REVIEW_ALL_GENERAL_PROCEDURE = "review_all_general_procedure", "一般程序处罚决定全部审核"
    OTHER = "other", "其他"


class PartyCategory(models.TextChoices):
    """Whom a threshold applies to (R-HEA-002: 公民 / 法人或者其他组织)."""

    NATURAL_PERSON = "natural_person", "公民（自然人）"
    ORGANIZATION = "organization", "法人或者其他组织"
    ANY = "any", "不限"


class PenaltyKind(models.TextChoices):
    """行政处罚种类 (R-PEN-001; 处罚法 第9条). Used by cases."""

    WARNING = "warning", "警告"
    PUBLIC_CRITICISM = "public_criticism", "通报批评"
    FINE = "fine", "罚款"
    CONFISCATE_GAINS = "confiscate_gains", "没收违法所得"
    CONFISCATE_PROPERTY = "confiscate_property", "没收非法财物"
    SUSPEND_LICENSE = "suspend_license", "暂扣许可证件"
    DOWNGRADE_QUALIFICATION = "downgrade_qualification", "降低资质等级"
    REVOKE_LICENSE = "revoke_license", "吊销许可证件"
    RESTRICT_OPERATIONS = "restrict_operations", "限制开展生产经营活动"
    SUSPEND_OPERATIONS = "suspend_operations", "责令停产停业"
    ORDER_CLOSURE = "order_closure", "责令关闭"
    BAR_FROM_PRACTICE = "bar_from_practice", "限制从业"
    DETENTION = "detention", "行政拘留"
    OTHER = "other", "其他"
