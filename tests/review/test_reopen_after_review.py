"""补充调查 after the review path reached a dead end (R-PEN-013): a collective discussion that did not adopt the
proposal, a 补充 return of the legal review. The head sends the case back to 调查取证; it goes through 案件审核 again,
a new legal review (the old approval does not carry over new facts, R-REV-004), a new notice (R-PEN-017) and a new
collective discussion (R-PEN-014) before the decision."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.conftest import investigate
from tests.review.lifecycle_support import MONDAY, decide, discuss, fresh, notify_and_submit, to_decision
from tests.review.review_support import conclude, major_case, submit
from zhifa.cases import services as case_services
from zhifa.cases.errors import CaseError
from zhifa.ledger.models import Event
from zhifa.review import services

pytestmark = pytest.mark.django_db
NEW_FINE = Decimal("55000.00")


def _reinvestigate(case, handler, head, lead, co, *, fine=NEW_FINE):
    """New evidence, a new investigation report (the facts changed) and a new case review (penalty)."""
    case_services.record_investigative_step(
        actor=handler,
        case=fresh(case),
        kind="inquiry",
        performed_on=MONDAY,
        place="办公室",
        summary="补充询问当事人，核实进货数量",
        officers=[lead, co],
    )
    case_services.submit_investigation_report(
        actor=handler,
        case=fresh(case),
        report="补充调查后查明：超过保质期的食品为9件，违法所得据此计算",
        proposed_kinds=["fine"],
        proposed_fine_amount=fine,
    )
    return case_services.complete_case_review(
        actor=head, case=fresh(case), route="penalty", facts_clear=True, opinion="补充调查后同意"
    )


def test_r_pen_013_a_rejected_major_decision_goes_back_to_investigation_and_on_to_a_decision(
    filed_case, handler, head, deputy, lead, co, reviewer
):
    case = to_decision(major_case(filed_case, handler, head, lead, co), handler, reviewer)
    discuss(case, head, deputy, reviewer, conclusion="rejected")
    with pytest.raises(CaseError, match="R-PEN-014"):
        decide(case, head)
    case = case_services.reopen_investigation(actor=head, case=fresh(case), reason="集体讨论认为违法件数尚需查清")
    assert (case.state, case.route, case.notice_served_on, case.defense_waived_on) == ("investigating", "", None, None)
    event = Event.objects.get(event_type="penalty_case.investigation_reopened")
    assert (event.data["reopened_from"], event.data["notice_withdrawn_served_on"]) == (
        "awaiting_decision",
        "2026-03-02",
    )
    case = _reinvestigate(case, handler, head, lead, co)
    assert (case.state, case.requires_legal_review, services.review_passed(case)) == ("under_case_review", True, False)
    with pytest.raises(CaseError, match="R-REV-004"):  # the new facts need a new review before the notice
        case_services.serve_prior_notice(actor=handler, case=case, served_on=MONDAY)
    review = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    conclude(review, reviewer)
    assert case.legal_reviews.count() == 2
    notify_and_submit(case, handler)
    with pytest.raises(CaseError, match="R-PEN-014"):  # the rejected discussion does not carry over
        decide(case, head, fine=NEW_FINE)
    discuss(case, head, deputy, reviewer)
    case = decide(case, head, fine=NEW_FINE)
    assert (case.state, case.fine_amount, case.notified_fine_amount) == ("decided", NEW_FINE, NEW_FINE)


def test_r_pen_013_after_a_supplement_return_the_case_is_investigated_and_reviewed_anew(
    filed_case, handler, head, lead, co, reviewer
):
    case = major_case(filed_case, handler, head, lead, co)
    returned = services.take_legal_review(actor=reviewer, review=submit(case, handler))
    returned = conclude(returned, reviewer, "supplement", problems={"facts_clear": "违法件数未查清"})
    case = case_services.reopen_investigation(actor=head, case=fresh(case), reason="按法制审核意见补充调查违法件数")
    returned.refresh_from_db()
    assert (case.state, returned.state, returned.withdrawal_reason) == (
        "investigating",
        "withdrawn",
        "案件退回补充调查",
    )
    case = _reinvestigate(case, handler, head, lead, co)
    review = submit(case, handler)  # a new review, not a resubmission of the returned one
    assert (review.pk != returned.pk, review.round, fresh(case).state) == (True, 1, "under_legal_review")


def test_r_pen_013_a_defence_adopted_is_investigated_again(filed_case, handler, head, lead, co):
    case = fresh(investigate(filed_case, handler, lead, co))
    case = case_services.complete_case_review(actor=head, case=case, route="penalty", facts_clear=True, opinion="同意")
    case = case_services.serve_prior_notice(actor=handler, case=case, served_on=MONDAY)
    case_services.record_defense(
        actor=handler,
        case=case,
        sent_on=MONDAY,
        received_on=MONDAY,
        content="当事人称涉案食品系赠品",
        review="采纳，须核实",
        changes_facts_or_penalty=True,
    )
    assert fresh(case).state == "under_case_review"
    case = case_services.reopen_investigation(actor=head, case=fresh(case), reason="核实涉案食品是否为赠品")
    assert case.state == "investigating"
