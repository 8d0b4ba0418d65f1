"""Choices of the parties registry (GLOSSARY §4 ``PartyKind``): value = identifier, label = Chinese."""

from django.db import models


class PartyKind(models.TextChoices):
    LEGAL_PERSON = "legal_person", "法人"
    OTHER_ORGANIZATION = "other_organization", "其他组织"
    INDIVIDUAL_BUSINESS = "individual_business", "个体工商户"
    NATURAL_PERSON = "natural_person", "自然人"


class IdKind(models.TextChoices):
    """证件类型 of a natural person (or of the operator of an individual business)."""

    RESIDENT_ID = "resident_id", "居民身份证"
    RESIDENCE_PERMIT = "residence_permit", "港澳台居民居住证"
    PASSPORT = "passport", "护照"
    FOREIGN_PERMANENT_RESIDENCE = "foreign_permanent_residence", "外国人永久居留身份证"
    OTHER = "other", "其他证件"


class CreditRating(models.TextChoices):
    A = "A", "A级"
    B = "B", "B级"
    C = "C", "C级"
    D = "D", "D级"


class RiskLevel(models.TextChoices):
    LOW = "low", "低风险"
    MEDIUM = "medium", "中风险"
    HIGH = "high", "高风险"


class PersonalField(models.TextChoices):
    """The personal fields of a party whose full view is logged (R-PRV-006)."""

    ID_NUMBER = "id_number", "证件号码"
    LEGAL_REPRESENTATIVE_ID_NUMBER = "legal_representative_id_number", "法定代表人身份证号码"
    ADDRESS = "address", "地址"
    PHONE = "phone", "联系电话"


# Kinds whose USCC is required (GLOSSARY Formats `uscc`).
USCC_REQUIRED_KINDS = frozenset({PartyKind.LEGAL_PERSON, PartyKind.OTHER_ORGANIZATION})
# ID kinds whose number follows GB 11643-1999 (residence permits share the layout and check digit).
GB11643_ID_KINDS = frozenset({IdKind.RESIDENT_ID, IdKind.RESIDENCE_PERMIT})

# 行业: free text; these are the suggestions offered in forms and used by the demo county.
INDUSTRY_SUGGESTIONS = (
    "餐饮",
    "食品销售",
    "食品生产",
    "药品零售",
    "建筑施工",
    "危险化学品",
    "道路运输",
    "工业企业",
    "商贸零售",
    "城市管理",
    "生态环境",
    "住宿",
    "教育培训",
    "其他",
)
