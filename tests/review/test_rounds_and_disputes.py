"""R-REV-008: 补充 returns the case; the resubmission is round 2 with its own time limit, round 1 kept as history.
R-REV-009: a disagreement is decided by the head or a collective discussion, recorded — never silently."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tests.review.review_support import MATERIALS, conclude, major_case, submit
from zhifa.cases import services as case_services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.core.errors import PermissionDenied
from zhifa.review import services
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.services import ParticipantInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def returned(filed_case, handler, head, lead, co, reviewer):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    services.take_legal_review(actor=reviewer, review=review)
    return conclude(review, reviewer, "supplement", problems={"evidence_sufficient": "缺少食品检验报告"})


def _resubmit(review, handler, note="已补充县食品检验检测中心检验报告", on=None):
    return services.resubmit_legal_review(
        actor=handler,
        review=review,
        materials=MATERIALS,
        statement="已按审核意见补充证据，请再次审核。",
        supplement_note=note,
        declaration=True,
        submitted_on=on,
    )


def test_r_rev_008_two_rounds_of_supplement_keep_their_history(returned, handler, reviewer, second_reviewer):
    with pytest.raises(ReviewError) as excinfo:
        _resubmit(returned, handler, note=" ")
    assert excinfo.value.field == "supplement_note"
    with time_machine.travel("2026-03-04T02:00:00Z", tick=False):
        review = _resubmit(returned, handler)
        assert (review.round, review.state, review.penalty_case.state) == (2, "submitted", "under_legal_review")
        services.take_legal_review(actor=second_reviewer, review=review)
        review = conclude(review, second_reviewer)
    rounds = list(review.rounds.order_by("number"))
    assert [(r.number, r.outcome, r.reviewer.username, r.submitted_on) for r in rounds] == [
        (1, "supplement", "legal_reviewer", date(2026, 3, 2)),
        (2, "approve", "reviewer2", date(2026, 3, 4)),
    ]
    assert [r.review_deadline for r in rounds] == [date(2026, 3, 11), date(2026, 3, 13)]  # 7 working days each
    assert rounds[1].supplement_note == "已补充县食品检验检测中心检验报告"
    assert [c.point for c in rounds[0].check_results.filter(result="problem")] == ["evidence_sufficient"]
    assert [r.document.number.text for r in rounds] == ["示市监法审〔2026〕1号", "示市监法审〔2026〕2号"]
    assert review.current_round == rounds[1]
    assert services.review_passed(PenaltyCase.objects.get(pk=review.penalty_case_id)) is True


def test_r_rev_008_a_returned_case_is_resubmitted_not_submitted_again(returned, handler):
    with pytest.raises(ReviewStateConflict) as excinfo:
        submit(returned.penalty_case, handler)
    assert "下一轮" in excinfo.value.message


def test_r_rev_009_the_head_upholds_the_handler_against_a_supplement(returned, handler, head):
    review = services.dispute_legal_review(actor=handler, review=returned, reason="检验报告已在卷，证据充分")
    case = PenaltyCase.objects.get(pk=review.penalty_case_id)
    assert (review.state, case.state) == ("disputed", "under_legal_review")
    with pytest.raises(CaseError, match="R-REV-004"):  # no silent override: the gate stays shut meanwhile
        case_services.require_legal_review_passed(case)
    with pytest.raises(PermissionDenied):
        services.resolve_legal_review_dispute(actor=handler, review=review, resolution="handler_upheld", reason="x")
    review = services.resolve_legal_review_dispute(
        actor=head, review=review, resolution="handler_upheld", reason="经核，检验报告已在卷"
    )
    case = PenaltyCase.objects.get(pk=review.penalty_case_id)
    assert (review.state, review.resolution, review.resolved_by, case.state) == (
        "approved",
        "handler_upheld",
        head,
        "under_case_review",
    )
    assert services.review_passed(case) is True


def test_r_rev_009_a_collective_discussion_upholds_the_reviewers_amendment(
    filed_case, handler, head, deputy, lead, co, reviewer
):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    services.take_legal_review(actor=reviewer, review=review)
    review = conclude(
        review,
        reviewer,
        "amend",
        problems={"discretion_appropriate": "应从轻"},
        changes="罚款变更为五万元",
        amended_kinds=["fine"],
        amended_fine_amount=Decimal("50000"),
    )
    review = services.dispute_legal_review(actor=handler, review=review, reason="当事人拒不改正，不应从轻")
    discussion = services.convene_discussion(
        actor=head,
        case=review.penalty_case,
        topic="review_dispute",
        question="是否维持法制审核意见",
        legal_review=review,
    )
    with pytest.raises(ReviewStateConflict):  # the discussion decides, not the head alone
        services.resolve_legal_review_dispute(actor=head, review=review, resolution="handler_upheld", reason="x")
    services.conclude_discussion(
        actor=head,
        discussion=discussion,
        participants=[
            ParticipantInput(head, "维持审核意见"),
            ParticipantInput(deputy, "维持审核意见"),
            ParticipantInput(reviewer, "当事人已改正，应从轻"),
            ParticipantInput(handler, "当事人拒不改正"),
        ],
        conclusion="adopted",
        conclusion_text="维持法制审核意见，罚款五万元。",
    )
    review.refresh_from_db()
    case = PenaltyCase.objects.get(pk=case.pk)
    assert (review.state, review.resolution, review.discussion, case.state, case.proposed_fine_amount) == (
        "approved",
        "review_upheld",
        discussion,
        "under_case_review",
        Decimal("50000.00"),
    )


def test_r_rev_009_the_handlers_view_restores_the_submitted_proposal(filed_case, handler, head, lead, co, reviewer):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    services.take_legal_review(actor=reviewer, review=review)
    review = conclude(review, reviewer, "transfer", problems={"crime_suspected": "涉嫌生产销售不符合安全标准的食品罪"})
    review = services.dispute_legal_review(actor=handler, review=review, reason="未达到追诉标准")
    review = services.resolve_legal_review_dispute(
        actor=head, review=review, resolution="handler_upheld", reason="经核未达到立案追诉标准"
    )
    case = PenaltyCase.objects.get(pk=case.pk)
    assert (case.state, case.route, case.crime_suspected, case.proposed_fine_amount, case.requires_hearing_notice) == (
        "under_case_review",
        "penalty",
        False,
        Decimal("60000.00"),
        True,
    )
    assert services.review_passed(case) is True


def test_r_rev_009_an_approval_without_changes_cannot_be_disputed(filed_case, handler, head, lead, co, reviewer):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    services.take_legal_review(actor=reviewer, review=review)
    review = conclude(review, reviewer)
    with pytest.raises(ReviewError) as excinfo:
        services.dispute_legal_review(actor=handler, review=review, reason="无")
    assert excinfo.value.field == "outcome"


def test_withdrawing_a_submission_returns_the_case(filed_case, handler, head, lead, co, reviewer):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    with pytest.raises(ReviewError):
        services.withdraw_legal_review(actor=handler, review=review, reason="")
    review = services.withdraw_legal_review(actor=handler, review=review, reason="案件审核意见需调整")
    case = PenaltyCase.objects.get(pk=case.pk)
    assert (review.state, case.state, services.latest_review(case)) == ("withdrawn", "under_case_review", None)
