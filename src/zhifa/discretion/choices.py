"""Choices of the discretion app (GLOSSARY §3): values are identifiers, labels the Chinese terms."""

from django.db import models


class DiscretionBenchmarkState(models.TextChoices):
    """GLOSSARY Registries: 草稿 → 有效 → 暂停 | 已被替代 | 已取消."""

    DRAFT = "draft", "草稿"
    IN_FORCE = "in_force", "有效"
    SUSPENDED = "suspended", "暂停"
    SUPERSEDED = "superseded", "已被替代"
    ABOLISHED = "abolished", "已取消"


class DiscretionTier(models.TextChoices):
    """裁量阶次, from the most lenient to the most severe (``TIER_ORDER``)."""

    NO_PENALTY = "no_penalty", "不予处罚"
    MITIGATED = "mitigated", "减轻"
    LIGHTER = "lighter", "从轻"
    STANDARD = "standard", "一般"
    HEAVIER = "heavier", "从重"


# Severity: a lower index is more lenient. 减轻 is below the statutory minimum (R-DIS-007).
TIER_ORDER: tuple[str, ...] = tuple(DiscretionTier.values)
LENIENT_TIERS = frozenset({DiscretionTier.NO_PENALTY, DiscretionTier.MITIGATED, DiscretionTier.LIGHTER})
# Tiers whose fine ranges lie inside the statutory range and follow each other without gap or overlap (R-DIS-002).
RANGED_TIERS: tuple[str, ...] = (DiscretionTier.LIGHTER, DiscretionTier.STANDARD, DiscretionTier.HEAVIER)


class CircumstanceKind(models.TextChoices):
    """How a 裁量情节 is entered: ticked, an amount in 元, or a number."""

    FLAG = "flag", "是否情节"
    AMOUNT = "amount", "金额（元）"
    COUNT = "count", "数量（次、件）"


class MatchMode(models.TextChoices):
    """How a tier's conditions combine."""

    ALL = "all", "全部满足"
    ANY = "any", "任一满足"


class MultipleBase(models.TextChoices):
    """What a 倍数 range multiplies: an amount circumstance of the same code."""

    ILLEGAL_GAINS = "illegal_gains", "违法所得"
    GOODS_VALUE = "goods_value", "货值金额"


class ExemptionKind(models.TextChoices):
    """清单类别."""

    FIRST_VIOLATION = "first_violation", "首违不罚"
    MINOR_VIOLATION = "minor_violation", "轻微不罚"
    NO_FAULT = "no_fault", "无主观过错不罚"
    LIGHTER_PENALTY = "lighter_penalty", "从轻减轻"


# Entries of these kinds end the case without a penalty (处罚法 第33条); 从轻减轻 entries only lower it.
NO_PENALTY_KINDS = frozenset({ExemptionKind.FIRST_VIOLATION, ExemptionKind.MINOR_VIOLATION, ExemptionKind.NO_FAULT})


class ExemptionListState(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_FORCE = "in_force", "有效"
    ABOLISHED = "abolished", "已取消"


class FlexibleMeasureKind(models.TextChoices):
    """柔性措施 (柔性执法): each one recorded on the case (``cases.FlexibleMeasure``)."""

    REMINDER = "reminder", "提醒"
    ADMONITION = "admonition", "告诫"
    INTERVIEW = "interview", "约谈"
    GUIDANCE = "guidance", "指导"
    ADVICE = "advice", "建议"
    PERSUASION = "persuasion", "劝告"
