from zhifa.publicity.views.certificates import (
    certificate_code,
    certificate_list,
    certificate_qr,
    certificate_verification,
)
from zhifa.publicity.views.portal import decision_detail, decision_list, home
from zhifa.publicity.views.staff import publication_detail, publication_list, publication_step

__all__ = [
    "certificate_code",
    "certificate_list",
    "certificate_qr",
    "certificate_verification",
    "decision_detail",
    "decision_list",
    "home",
    "publication_detail",
    "publication_list",
    "publication_step",
]
