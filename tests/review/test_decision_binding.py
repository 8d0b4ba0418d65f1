"""R-REV-004, R-PEN-014: a major decision is the proposal its legal review approved and its collective discussion
adopted — the route, the penalty kinds and amounts, the facts. Each path: 同意, 变更 (the reviewer's penalty), the
handler's view upheld on a dispute (the proposal as submitted), facts changed after the discussion."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.review.lifecycle_support import decide, discuss, fresh, notify_and_submit, to_decision
from tests.review.review_support import LARGE_FINE, conclude, major_case, submit
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.review import services

pytestmark = pytest.mark.django_db
AMENDED = Decimal("55000.00")
LIGHTER = Decimal("50000.00")  # lighter than notified: R-PEN-017 alone would let it through
PROPOSAL_MISMATCH = (
    "处罚决定应与法制审核通过、集体讨论决定的拟处罚一致（罚款{fine}元）；改变处罚的，须退回补充调查或重新送法制审核"
    "（R-REV-004、R-PEN-014）"
)


def _refused(case, head, field, message, **kwargs):
    with pytest.raises(CaseError) as excinfo:
        decide(case, head, **kwargs)
    assert (excinfo.value.field, excinfo.value.message) == (field, message)
    assert (fresh(case).state, fresh(case).decided_on) == ("awaiting_decision", None)


@pytest.fixture
def case(filed_case, handler, head, lead, co):
    return major_case(filed_case, handler, head, lead, co)


def _amended(case, handler, reviewer):
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    return conclude(
        review,
        reviewer,
        "amend",
        problems={"discretion_appropriate": "应从轻"},
        changes="罚款变更为五万五千元",
        amended_kinds=["fine"],
        amended_fine_amount=AMENDED,
    )


def test_r_rev_004_the_decision_is_the_approved_and_discussed_proposal(case, handler, head, deputy, reviewer):
    to_decision(case, handler, reviewer)
    discuss(case, head, deputy, reviewer)
    _refused(case, head, "penalty_kinds", PROPOSAL_MISMATCH.format(fine="60000.00"), fine=LIGHTER)
    _refused(
        case,
        head,
        "decision_kind",
        "本案经法制审核的处理意见为“行政处罚”，不能作出“不予行政处罚”的决定；改变处理意见的，须重新经案件审核和法制审核"
        "（R-REV-004）",
        kind="no_penalty",
    )
    assert decide(case, head).state == "decided"


def test_r_rev_004_after_an_amendment_the_decision_is_the_reviewers_penalty(case, handler, head, deputy, reviewer):
    _amended(case, handler, reviewer)
    notify_and_submit(case, handler)
    assert fresh(case).notified_fine_amount == AMENDED
    discuss(case, head, deputy, reviewer)
    _refused(case, head, "penalty_kinds", PROPOSAL_MISMATCH.format(fine="55000.00"), fine=LIGHTER)
    assert decide(case, head, fine=AMENDED).fine_amount == AMENDED


def test_r_rev_009_after_the_handler_is_upheld_the_decision_is_the_proposal_as_submitted(
    case, handler, head, deputy, reviewer
):
    review = _amended(case, handler, reviewer)
    review = services.dispute_legal_review(actor=handler, review=review, reason="当事人拒不改正，不应从轻")
    services.resolve_legal_review_dispute(actor=head, review=review, resolution="handler_upheld", reason="维持原拟处罚")
    assert fresh(case).proposed_fine_amount == LARGE_FINE
    notify_and_submit(case, handler)
    discuss(case, head, deputy, reviewer)
    _refused(case, head, "penalty_kinds", PROPOSAL_MISMATCH.format(fine="60000.00"), fine=AMENDED)
    assert decide(case, head).fine_amount == LARGE_FINE


def test_r_rev_004_facts_changed_after_the_discussion_need_a_new_review(case, handler, head, deputy, reviewer):
    to_decision(case, handler, reviewer)
    discuss(case, head, deputy, reviewer)
    PenaltyCase.objects.filter(pk=case.pk).update(facts="另查明：当事人还销售了其他过期食品")
    with pytest.raises(CaseError) as excinfo:
        decide(case, head)
    assert (excinfo.value.field, "R-REV-004" in excinfo.value.message) == ("legal_review", True)


def test_r_pen_014_a_rejected_discussion_blocks_the_decision(case, handler, head, deputy, reviewer):
    to_decision(case, handler, reviewer)
    discuss(case, head, deputy, reviewer, conclusion="rejected")
    with pytest.raises(CaseError) as excinfo:
        decide(case, head)
    assert (excinfo.value.field, "R-PEN-014" in excinfo.value.message) == ("collective_discussion", True)
