"""Choices of the laws app (GLOSSARY §2): values are identifiers, labels the Chinese terms."""

from django.db import models


class LawLevel(models.TextChoices):
    """效力层级."""

    LAW = "law", "法律"
    ADMINISTRATIVE_REGULATION = "administrative_regulation", "行政法规"
    LOCAL_REGULATION = "local_regulation", "地方性法规"
    AUTONOMOUS_REGULATION = "autonomous_regulation", "自治条例和单行条例"
    DEPARTMENTAL_RULE = "departmental_rule", "部门规章"
    LOCAL_GOVERNMENT_RULE = "local_government_rule", "地方政府规章"
    NORMATIVE_DOCUMENT = "normative_document", "规范性文件"


class LawVersionState(models.TextChoices):
    """State of one text of a law on a given day: derived from dates, never stored (GLOSSARY, Registries)."""

    NOT_YET_EFFECTIVE = "not_yet_effective", "尚未施行"
    IN_FORCE = "in_force", "现行有效"
    SUPERSEDED = "superseded", "已修订"
    REPEALED = "repealed", "已废止"


# R-PEN-002: only these levels may set penalties (法律、法规、规章); normative documents cannot.
PENALTY_SETTING_LEVELS = frozenset(level for level in LawLevel if level != LawLevel.NORMATIVE_DOCUMENT)

# Levels enacted by central bodies (全国人大及其常委会、国务院、国务院部门): shared by every region, maintained
# only by the system administrator. Every other level is local when it names its issuing region.
NATIONAL_LEVELS = frozenset({LawLevel.LAW, LawLevel.ADMINISTRATIVE_REGULATION, LawLevel.DEPARTMENTAL_RULE})
# Levels that are always local (地方人大、民族自治地方、地方政府): the issuing region is required.
LOCAL_LEVELS = frozenset({LawLevel.LOCAL_REGULATION, LawLevel.AUTONOMOUS_REGULATION, LawLevel.LOCAL_GOVERNMENT_RULE})
