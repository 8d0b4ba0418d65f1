"""Choices of the personnel app (GLOSSARY §1): value = identifier, label = Chinese term."""

from django.db import models


class OfficerKind(models.TextChoices):
    ENFORCEMENT = "enforcement", "执法人员"
    AUXILIARY = "auxiliary", "执法辅助人员"
    LEGAL_REVIEWER = "legal_reviewer", "法制审核人员"


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class LeftPostReason(models.TextChoices):
    """Why an officer left the post (R-PER-003)."""

    TRANSFER = "transfer", "调离"
    DISMISSAL = "dismissal", "辞退"
    RESIGNATION = "resignation", "辞职"
    RETIREMENT = "retirement", "退休"
    OTHER = "other", "其他"


class CertificateKind(models.TextChoices):
    LOCAL = "local", "地方证"
    MINISTERIAL = "ministerial", "国务院部门证"


class CertificateState(models.TextChoices):
    """Stored FSM state. "Expired" is never stored: it is derived from ``expires_on``."""

    VALID = "valid", "有效"
    SUSPENDED = "suspended", "暂扣"
    CANCELLED = "cancelled", "注销"


class CertificateStatus(models.TextChoices):
    """Derived status of a certificate on a given day (state + validity period)."""

    VALID = "valid", "有效"
    NOT_YET_EFFECTIVE = "not_yet_effective", "未生效"
    EXPIRED = "expired", "已过期"
    SUSPENDED = "suspended", "暂扣"
    CANCELLED = "cancelled", "注销"


class OfficerPersonalField(models.TextChoices):
    """Personal fields of an officer: always masked; the full value only through a recorded reveal (R-PRV-006)."""

    ID_NUMBER = "id_number", "公民身份号码"
    PHONE = "phone", "个人联系电话"
