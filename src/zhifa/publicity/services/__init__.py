"""Publicity services: one function per step; each checks permission and the rules, moves the state and writes
the ledger event in one transaction (STYLE §4). Callers: the API, the staff UI, ``zhifa tick``, the demo loader."""

from zhifa.publicity.services.before import (
    RefreshResult,
    Unpublished,
    agencies_to_refresh,
    current_before_publications,
    refresh_before_publications,
    unpublished_entries,
)
from zhifa.publicity.services.certificates import (
    CertificateCheck,
    issue_certificate_code,
    issue_missing_certificate_codes,
    verify_certificate,
)
from zhifa.publicity.services.creation import (
    is_published_decision,
    open_missing_publications,
    open_publication_for_decision,
    open_publication_for_measure,
    publication_deadline,
)
from zhifa.publicity.services.due import DueRow, due_flag, due_rows, open_publications, yellow_until
from zhifa.publicity.services.workflow import (
    ExclusionInput,
    approve_publication,
    exempt_publication,
    expire_publications,
    return_publication,
    submit_publication,
    withdraw_publication,
)

__all__ = [
    "CertificateCheck",
    "DueRow",
    "ExclusionInput",
    "RefreshResult",
    "Unpublished",
    "agencies_to_refresh",
    "approve_publication",
    "current_before_publications",
    "due_flag",
    "due_rows",
    "exempt_publication",
    "expire_publications",
    "is_published_decision",
    "issue_certificate_code",
    "issue_missing_certificate_codes",
    "open_missing_publications",
    "open_publication_for_decision",
    "open_publication_for_measure",
    "open_publications",
    "publication_deadline",
    "refresh_before_publications",
    "return_publication",
    "submit_publication",
    "unpublished_entries",
    "verify_certificate",
    "withdraw_publication",
    "yellow_until",
]
