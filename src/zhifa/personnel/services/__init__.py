"""Services of the personnel app: officers, certificates, exams, training and the 持证上岗 check.

Every later feature asks ``can_enforce(officer, on=…, sector=…)`` (R-PER-001) — the single check — or
``enforcement_refusal`` for the Chinese reason. Writes follow STYLE §4: permission → rules → transition → save,
in one transaction, with Chinese errors naming the field.
"""

from zhifa.personnel.services._common import (
    LEAVING_POST_CANCEL_REASON,
    REQUIRED_TRAINING_HOURS,
    REVIEWER_RATIO_MINIMUM,
    UNSET,
)
from zhifa.personnel.services.certificates import (
    cancel_certificate,
    register_certificate,
    reinstate_certificate,
    suspend_certificate,
)
from zhifa.personnel.services.enforcement import can_enforce, enforcement_refusal
from zhifa.personnel.services.figures import (
    AgencyFigures,
    CertificateRate,
    ReviewerRatio,
    TrainingShortfall,
    agency_figures,
    certificate_rate,
    reviewer_ratio,
    training_hours,
    training_shortfall,
)
from zhifa.personnel.services.officers import (
    masked_personal_data,
    open_officer_file,
    record_exam_result,
    record_leaving_post,
    record_training,
    register_exam,
    register_officer,
    reveal_personal_data,
    update_officer,
)

__all__ = [
    "LEAVING_POST_CANCEL_REASON",
    "REQUIRED_TRAINING_HOURS",
    "REVIEWER_RATIO_MINIMUM",
    "UNSET",
    "AgencyFigures",
    "CertificateRate",
    "ReviewerRatio",
    "TrainingShortfall",
    "agency_figures",
    "can_enforce",
    "cancel_certificate",
    "certificate_rate",
    "enforcement_refusal",
    "masked_personal_data",
    "open_officer_file",
    "record_exam_result",
    "record_leaving_post",
    "record_training",
    "register_certificate",
    "register_exam",
    "register_officer",
    "reinstate_certificate",
    "reveal_personal_data",
    "reviewer_ratio",
    "suspend_certificate",
    "training_hours",
    "training_shortfall",
    "update_officer",
]
