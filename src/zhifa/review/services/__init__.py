"""Review services: one function per step of 法制审核 and 集体讨论; each checks permission and the rules, moves the
state and writes the ledger event in one transaction (STYLE §4). Callers: the API, the staff UI, the demo.

``legal_review_check`` is the R-REV-004 gate registered with the cases app; ``discussion_approved`` is the
collective-discussion check (R-DIS-005 for the discretion app, R-PEN-014 for the decision)."""

from zhifa.review.services.deadlines import alert_level, deadline_status, overdue_reviews, yellow_until
from zhifa.review.services.discussion import ParticipantInput, conclude_discussion, convene_discussion
from zhifa.review.services.disputes import dispute_legal_review, dispute_refusal, resolve_legal_review_dispute
from zhifa.review.services.eligibility import eligible_reviewers, reviewer_refusal, staffing
from zhifa.review.services.enforcement_review import (
    enforcement_review_check,
    required_enforcement_materials,
    resubmit_enforcement_review,
    submit_enforcement_review,
)
from zhifa.review.services.gate import (
    basis_of,
    discussion_approved,
    latest_review,
    legal_review_check,
    needs_discussion,
    review_passed,
)
from zhifa.review.services.reviewing import CheckInput, conclude_legal_review, extend_legal_review, take_legal_review
from zhifa.review.services.submission import (
    required_materials,
    resubmit_legal_review,
    submit_legal_review,
    withdraw_legal_review,
)

__all__ = [
    "CheckInput",
    "ParticipantInput",
    "alert_level",
    "basis_of",
    "conclude_discussion",
    "conclude_legal_review",
    "convene_discussion",
    "deadline_status",
    "discussion_approved",
    "dispute_legal_review",
    "dispute_refusal",
    "eligible_reviewers",
    "enforcement_review_check",
    "extend_legal_review",
    "latest_review",
    "legal_review_check",
    "needs_discussion",
    "overdue_reviews",
    "required_enforcement_materials",
    "required_materials",
    "resolve_legal_review_dispute",
    "resubmit_enforcement_review",
    "resubmit_legal_review",
    "review_passed",
    "reviewer_refusal",
    "staffing",
    "submit_enforcement_review",
    "submit_legal_review",
    "take_legal_review",
    "withdraw_legal_review",
    "yellow_until",
]
