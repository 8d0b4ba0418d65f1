from django.db import models


class RegionLevel(models.TextChoices):
    NATIONAL = "national", "国家"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡镇（街道）"


class AgencyKind(models.TextChoices):
    ADMINISTRATIVE_ORGAN = "administrative_organ", "行政机关"
    AUTHORIZED_ORGANIZATION = "authorized_organization", "法律法规授权组织"
    ENTRUSTED_ORGANIZATION = "entrusted_organization", "受委托组织"


class Role(models.TextChoices):
    """System roles (GLOSSARY §13)."""

    SYSTEM_ADMIN = "system_admin", "系统管理员"
    BUREAU_ADMIN = "bureau_admin", "司法局管理员"
    AGENCY_ADMIN = "agency_admin", "执法单位管理员"
    HANDLER = "handler", "承办人"
    CASE_REVIEWER = "case_reviewer", "审核人"
    HEAD = "head", "负责人"
    LEGAL_REVIEWER = "legal_reviewer", "法制审核员"
    EVALUATOR = "evaluator", "评查员"
    SUPERVISOR = "supervisor", "监督员"
    AUDITOR = "auditor", "只读审计"


# Roles that, held by a user of a judicial bureau, read every agency of its region and below.
REGION_ROLES = frozenset({Role.BUREAU_ADMIN, Role.SUPERVISOR, Role.AUDITOR, Role.EVALUATOR})
# Roles that may only be granted to users of a judicial bureau.
BUREAU_ONLY_ROLES = frozenset({Role.BUREAU_ADMIN, Role.SUPERVISOR})
