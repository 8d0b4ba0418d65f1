"""A case that leaves 法制审核中 / 集体讨论中 by a route that is not a review step — 移送后恢复办理 (R-TRN-010), 终止 —
closes its open legal review (已撤回, the reason recorded) and cancels its convened collective discussion, each with
a ledger event; otherwise the case is stuck (“已有正在进行的法制审核”) and the review is overdue for ever (R-REV-010).
A case in 法制审核中 is never notified nor sent to decision except through the review's opinion (R-REV-004)."""

from __future__ import annotations

from datetime import date

import pytest
from django_fsm import can_proceed

from tests.cases.transfer_support import propose, send
from tests.review.lifecycle_support import MONDAY, discuss, fresh, heads, to_decision
from tests.review.review_support import LARGE_FINE, conclude, major_case, submit
from zhifa.cases import services as case_services
from zhifa.cases.services import suspension
from zhifa.ledger.models import Event
from zhifa.review import services
from zhifa.review.errors import ReviewStateConflict
from zhifa.review.models import CollectiveDiscussion, LegalReview

pytestmark = pytest.mark.django_db
LATER = date(2026, 4, 30)  # long after every review deadline of these tests


def _crime_case(case, handler, head, lead, co):
    """Investigated as a crime with a large fine proposed; the case review routes it to 移送 (待决定, major)."""
    case_services.record_investigative_step(
        actor=handler,
        case=case,
        kind="site_inspection",
        performed_on=MONDAY,
        place="仓库",
        summary="发现超过保质期的食品3吨",
        officers=[lead, co],
    )
    case_services.submit_investigation_report(
        actor=handler,
        case=case,
        report="货值金额可能达到刑事追诉标准",
        proposed_kinds=["fine"],
        proposed_fine_amount=LARGE_FINE,
        crime_suspected=True,
    )
    return case_services.complete_case_review(
        actor=head, case=fresh(case), route="transfer", facts_clear=True, opinion="涉嫌犯罪，移送"
    )


def _declined(case, handler, head, lead, co):
    transfer = case_services.approve_transfer(actor=head, transfer=propose(fresh(case), handler, lead, co))
    return case_services.record_police_decision(
        actor=handler, transfer=send(transfer, handler), decision="declined", decided_on=MONDAY, reason="未达到追诉标准"
    )


def _closed_events(event_type):
    return [(e.subject_type, e.data["reason"]) for e in Event.objects.filter(event_type=event_type).order_by("pk")]


def test_r_trn_010_resuming_after_a_transfer_closes_the_running_review(filed_case, handler, head, lead, co, reviewer):
    case = _crime_case(filed_case, handler, head, lead, co)
    assert (case.state, case.requires_legal_review) == ("awaiting_decision", True)
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    transfer = _declined(case, handler, head, lead, co)
    case = case_services.resume_case(actor=head, transfer=transfer)
    review.refresh_from_db()
    assert (case.state, review.state, review.withdrawn_by, review.withdrawn_on, review.withdrawal_reason) == (
        "under_case_review",
        "withdrawn",
        head,
        MONDAY,
        "案件移送后恢复办理（R-TRN-010）",
    )
    assert _closed_events("legal_review.closed_with_case") == [
        ("review.legalreview", "案件移送后恢复办理（R-TRN-010）")
    ]
    assert Event.objects.get(event_type="legal_review.closed_with_case").data["previous_state"] == "in_review"
    assert list(services.overdue_reviews(LATER)) == []
    with pytest.raises(ReviewStateConflict):  # the reviewer can no longer conclude it
        conclude(review, reviewer)
    # The case goes on: a penalty, reviewed anew (no “已有正在进行的法制审核”).
    case = case_services.complete_case_review(
        actor=head, case=fresh(case), route="penalty", facts_clear=True, opinion="不构成犯罪，依法处罚"
    )
    again = submit(case, handler)
    assert (again.pk != review.pk, again.state, fresh(case).state) == (True, "submitted", "under_legal_review")


def test_terminating_a_case_under_review_closes_the_review_and_cancels_its_discussions(
    filed_case, handler, head, lead, co
):
    case = major_case(filed_case, handler, head, lead, co)
    deviation = services.convene_discussion(
        actor=head, case=case, topic="benchmark_deviation", question="拟罚款高于基准，是否同意"
    )
    review = submit(case, handler)
    closure = suspension.terminate_case(actor=head, case=fresh(case), ground="party_dissolved", reason="当事人已注销")
    review.refresh_from_db()
    deviation.refresh_from_db()
    assert (closure.penalty_case.state, review.state, review.withdrawal_reason) == ("closed", "withdrawn", "案件终止")
    assert (deviation.state, deviation.cancelled_on, deviation.cancellation_reason) == ("cancelled", MONDAY, "案件终止")
    assert _closed_events("collective_discussion.cancelled") == [("review.collectivediscussion", "案件终止")]
    assert _closed_events("legal_review.closed_with_case") == [("review.legalreview", "案件终止")]
    assert list(services.overdue_reviews(LATER)) == []


def test_terminating_a_case_in_collective_discussion_cancels_the_discussion(
    filed_case, handler, head, deputy, lead, co, reviewer
):
    case = to_decision(major_case(filed_case, handler, head, lead, co), handler, reviewer)
    discussion = services.convene_discussion(actor=head, case=case, topic="major_decision", question="请集体讨论决定")
    assert fresh(case).state == "under_discussion"
    suspension.terminate_case(actor=head, case=fresh(case), ground="party_died", reason="当事人死亡，无承受人")
    discussion.refresh_from_db()
    assert (fresh(case).state, discussion.state, discussion.cancellation_reason) == ("closed", "cancelled", "案件终止")
    with pytest.raises(ReviewStateConflict) as excinfo:
        services.conclude_discussion(
            actor=head,
            discussion=discussion,
            participants=heads(head, deputy, reviewer),
            conclusion="adopted",
            conclusion_text="同意",
        )
    assert excinfo.value.message == "集体讨论当前状态为“已取消”，不能记录讨论结论"
    assert LegalReview.objects.get(penalty_case=case).state == "approved"  # a concluded review stays as it was


def test_terminating_a_case_suspended_under_review_closes_the_review(filed_case, handler, head, lead, co):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    suspension.suspend_case(
        actor=head, case=fresh(case), ground="party_missing", reason="当事人下落不明", started_on=MONDAY
    )
    suspension.terminate_case(actor=head, case=fresh(case), ground="other", reason="无法继续调查")
    review.refresh_from_db()
    assert (fresh(case).state, review.state, review.withdrawal_reason) == ("closed", "withdrawn", "案件终止")


def test_a_concluded_discussion_is_not_cancelled(filed_case, handler, head, deputy, lead, co, reviewer):
    case = to_decision(major_case(filed_case, handler, head, lead, co), handler, reviewer)
    discussion = discuss(case, head, deputy, reviewer, conclusion="rejected")
    suspension.terminate_case(actor=head, case=fresh(case), ground="other", reason="当事人已停业注销")
    discussion.refresh_from_db()
    assert (discussion.state, discussion.cancellation_reason) == ("concluded", "")
    assert CollectiveDiscussion.objects.filter(state="cancelled").count() == 0


def test_r_rev_004_a_case_under_legal_review_is_neither_notified_nor_sent_to_decision(
    filed_case, handler, head, lead, co
):
    case = major_case(filed_case, handler, head, lead, co)
    submit(case, handler)
    case = fresh(case)
    assert case.state == "under_legal_review"
    assert (can_proceed(case.notify), can_proceed(case.await_decision)) == (False, False)
    assert can_proceed(case.conclude_legal_review) is True  # the review's opinion is the way out
