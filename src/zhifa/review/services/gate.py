"""The R-REV-004 gate the review app opens for the cases app, and the collective-discussion check.

A review approves *a proposal*: the case's route, proposed penalty, crime flag and the reasons that made the
decision major, as they stood when the review was approved (``basis_of``). A later change of facts or penalty —
a defence adopted (``record_defense`` sends the case back to 案件审核), a hearing held (R-HEA-010 adds a reason),
an amendment — makes the basis differ, and the decision needs a new review: the approval never carries over.
"""

from __future__ import annotations

import hashlib
from typing import Any

from zhifa.cases.choices import DecisionKind, PenaltyCaseState
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.review.choices import PENALTY_STAGES, DiscussionTopic, LegalReviewState, ReviewStage
from zhifa.review.models import CollectiveDiscussion, LegalReview


def proposal_of(case: PenaltyCase) -> dict[str, Any]:
    """拟处罚: kinds and amounts (money as text, GLOSSARY)."""
    return {
        "kinds": sorted(case.proposed_kinds),
        "fine_amount": f"{case.proposed_fine_amount:.2f}",
        "confiscation_amount": f"{case.proposed_confiscation_amount:.2f}",
    }


def basis_of(case: PenaltyCase, *, defense_changes: int | None = None) -> dict[str, Any]:
    """What a legal review approves: the proposal, the route, the crime flag, the reasons the decision is major,
    how many adopted defences changed facts or penalty, and a digest of the facts and the investigation report.
    ``defense_changes`` may be passed when a list annotated it (no query per row)."""
    text = f"{case.facts}\n{case.investigation_report}".encode()
    return {
        **proposal_of(case),
        "route": case.route,
        "crime_suspected": bool(case.crime_suspected),
        "reasons": list(case.legal_review_reasons),
        "defense_changes": (
            defense_changes
            if defense_changes is not None
            else case.defenses.filter(changes_facts_or_penalty=True).count()
        ),
        "facts_digest": hashlib.sha256(text).hexdigest(),
    }


def latest_review(case: PenaltyCase, *, enforcement: bool = False) -> LegalReview | None:
    """The case's most recent review that was not withdrawn: of its penalty decision (告知前/决定前), or with
    ``enforcement`` of its enforcement decision (强制执行决定前, ``enforcement_review``)."""
    stages = [ReviewStage.BEFORE_ENFORCEMENT] if enforcement else list(PENALTY_STAGES)
    return case.legal_reviews.filter(stage__in=stages).exclude(state=LegalReviewState.WITHDRAWN).order_by("-id").first()


def review_passed(case: PenaltyCase) -> bool:
    """R-REV-004: the latest review approved (or directed the transfer of) exactly the case's current proposal."""
    review = latest_review(case)
    return review is not None and review.passes and review.approved_basis == basis_of(case)


def discussion_approved(case: PenaltyCase, topic: str) -> bool:
    """The latest concluded collective discussion of ``topic`` on ``case`` adopted the motion, and the case's
    proposal (kinds and amounts) is still the one discussed — the hook the discretion app's deviation check
    (R-DIS-005, topic ``benchmark_deviation``) and the decision gate (R-PEN-014, ``major_decision``) call."""
    discussion = (
        CollectiveDiscussion.objects.filter(penalty_case=case, topic=topic, state="concluded").order_by("-id").first()
    )
    if discussion is None or not discussion.is_adopted:
        return False
    if topic == DiscussionTopic.MAJOR_DECISION:
        return discussion.basis == basis_of(case)
    return {k: discussion.basis.get(k) for k in proposal_of(case)} == proposal_of(case)


def needs_discussion(case: PenaltyCase) -> bool:
    """R-PEN-014 (default criteria = R-REV-001/002): a major penalty decision is decided by the heads' 集体讨论.
    The decision stage only — the prior notice is not a decision."""
    return (
        case.requires_legal_review
        and case.route == DecisionKind.PENALTY
        and case.state in (PenaltyCaseState.AWAITING_DECISION, PenaltyCaseState.UNDER_DISCUSSION)
    )


def legal_review_check(case: PenaltyCase) -> bool:
    """Registered with ``cases.services.register_legal_review_check``: True when the case's current proposal has
    an approved review; at the decision stage a major penalty also needs its collective discussion, refused with
    its own reason (R-PEN-014)."""
    if not review_passed(case):
        return False
    if needs_discussion(case) and not discussion_approved(case, DiscussionTopic.MAJOR_DECISION):
        raise CaseError(
            "本案属于重大执法决定，法制审核已通过，须经本单位负责人集体讨论决定后方可作出处罚决定（R-PEN-014）",
            field="collective_discussion",
        )
    return True
