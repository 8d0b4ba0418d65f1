"""Case services: one function per step; each checks permission and the legal gates, moves the state and
writes the ledger event in one transaction (STYLE §4). Callers: the API, the staff UI, the demo loader."""

from zhifa.cases.services._common import register_legal_review_check, require_legal_review_passed
from zhifa.cases.services.decision import (
    amount_due,
    archive_case,
    deadline_status,
    decide_case,
    extend_decision_deadline,
    record_payment,
    serve_decision,
)
from zhifa.cases.services.filing import (
    declare_no_conflict,
    decline_filing,
    file_case,
    open_case_file,
    propose_filing,
    register_source,
    start_verification,
)
from zhifa.cases.services.investigation import (
    complete_case_review,
    record_investigative_step,
    submit_investigation_report,
)
from zhifa.cases.services.notice import (
    conclude_hearing,
    record_defense,
    request_hearing,
    serve_prior_notice,
    submit_for_decision,
    waive_defense,
)
from zhifa.cases.services.simple import decide_on_the_spot, lodge_on_the_spot_case

__all__ = [
    "amount_due",
    "archive_case",
    "complete_case_review",
    "conclude_hearing",
    "deadline_status",
    "decide_case",
    "decide_on_the_spot",
    "declare_no_conflict",
    "decline_filing",
    "extend_decision_deadline",
    "file_case",
    "lodge_on_the_spot_case",
    "open_case_file",
    "propose_filing",
    "record_defense",
    "record_investigative_step",
    "record_payment",
    "register_legal_review_check",
    "register_source",
    "request_hearing",
    "require_legal_review_passed",
    "serve_decision",
    "serve_prior_notice",
    "start_verification",
    "submit_for_decision",
    "submit_investigation_report",
    "waive_defense",
]
