"""R-REV-004: no major decision, and no prior notice of one, without an approved legal review of the case's
current proposal; R-PEN-014: a major penalty is decided by the heads' collective discussion."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tests.cases.hearing_support import at, fixture_chair, fixture_chair_user, schedule  # noqa: F401
from tests.review.review_support import MATERIALS, approved, conclude, major_case, submit
from zhifa.cases import services as case_services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services import _common
from zhifa.review import services
from zhifa.review.services import ParticipantInput, legal_review_check

pytestmark = pytest.mark.django_db


def test_r_rev_004_the_prior_notice_of_a_major_decision_is_refused_without_review(filed_case, handler, head, lead, co):
    case = major_case(filed_case, handler, head, lead, co)
    assert (case.requires_legal_review, case.legal_review_reasons) == (
        True,
        ["听证类处罚：拟罚款60000.00元，达到较大数额50000.00元"],
    )
    with pytest.raises(CaseError) as excinfo:
        case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert (excinfo.value.field, "R-REV-004" in excinfo.value.message) == ("legal_review", True)
    case.refresh_from_db()
    assert (case.state, case.notice_served_on) == ("under_case_review", None)


def test_r_rev_004_an_approved_review_opens_the_notice_and_returns_the_case_to_the_handler(
    filed_case, handler, head, lead, co, reviewer
):
    case = major_case(filed_case, handler, head, lead, co)
    review = submit(case, handler)
    case.refresh_from_db()
    assert (case.state, review.state, review.stage, review.return_state) == (
        "under_legal_review",
        "submitted",
        "before_notice",
        "under_case_review",
    )
    services.take_legal_review(actor=reviewer, review=review)
    conclude(review, reviewer)
    case = PenaltyCase.objects.get(pk=case.pk)
    assert (case.state, services.review_passed(case)) == ("under_case_review", True)
    case = case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert case.state == "notified"


def test_r_rev_004_a_defence_that_changes_facts_after_approval_needs_a_new_review(
    filed_case, handler, head, lead, co, reviewer
):
    case = major_case(filed_case, handler, head, lead, co)
    approved(case, handler, reviewer)
    case = case_services.serve_prior_notice(
        actor=handler, case=PenaltyCase.objects.get(pk=case.pk), served_on=date(2026, 3, 2)
    )
    case_services.record_defense(
        actor=handler,
        case=case,
        sent_on=date(2026, 3, 2),
        received_on=date(2026, 3, 2),
        content="当事人提交了新的进货凭证",
        review="采纳，事实有变化",
        changes_facts_or_penalty=True,
    )
    case = case_services.complete_case_review(
        actor=head, case=PenaltyCase.objects.get(pk=case.pk), route="penalty", facts_clear=True, opinion="同意"
    )
    assert services.review_passed(case) is False  # same penalty, but the facts changed after the approval
    with pytest.raises(CaseError, match="R-REV-004"):
        case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    review = submit(case, handler, materials=[*MATERIALS, "defense_materials"])
    assert (review.round, case.legal_reviews.count(), review.current_round.basis["defense_changes"]) == (1, 2, 1)
    services.take_legal_review(actor=reviewer, review=review)
    conclude(review, reviewer)
    assert services.review_passed(PenaltyCase.objects.get(pk=case.pk)) is True


@pytest.fixture
def gate_checks(monkeypatch):
    """The checks registered with the gate, for this test only: a copy of the installed ones (the review app's),
    put back afterwards — a test may register or remove checks without leaking them."""
    installed = dict(_common._registered_checks)
    monkeypatch.setattr(_common, "_registered_checks", installed)
    return installed


def _always(case):
    return True


def _never(case):
    return False


def test_r_rev_004_a_check_saying_yes_does_not_open_the_gate_while_the_review_check_says_no(
    gate_checks, filed_case, handler, head, lead, co
):
    """A stray registration (a stand-in saying "approved") cannot open the gate: every check must agree."""
    case = major_case(filed_case, handler, head, lead, co)
    case_services.register_legal_review_check(_always)
    assert (len(gate_checks), services.review_passed(case)) == (2, False)
    with pytest.raises(CaseError) as excinfo:
        case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert (excinfo.value.field, "R-REV-004" in excinfo.value.message) == ("legal_review", True)
    assert PenaltyCase.objects.get(pk=case.pk).state == "under_case_review"


def test_r_rev_004_an_approved_review_does_not_open_the_gate_while_another_check_says_no(
    gate_checks, filed_case, handler, head, lead, co, reviewer
):
    case = major_case(filed_case, handler, head, lead, co)
    approved(case, handler, reviewer)
    case = PenaltyCase.objects.get(pk=case.pk)
    case_services.require_legal_review_passed(case)  # the review app's check alone: open
    case_services.register_legal_review_check(_never)
    with pytest.raises(CaseError) as excinfo:
        case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert (excinfo.value.field, "R-REV-004" in excinfo.value.message) == ("legal_review", True)
    assert PenaltyCase.objects.get(pk=case.pk).state == "under_case_review"


def test_r_rev_004_with_no_check_registered_a_major_decision_is_refused(
    gate_checks, filed_case, handler, head, lead, co, reviewer
):
    """Fail closed: without the review app's check even an approved review opens nothing."""
    case = major_case(filed_case, handler, head, lead, co)
    approved(case, handler, reviewer)
    gate_checks.clear()
    with pytest.raises(CaseError) as excinfo:
        case_services.serve_prior_notice(
            actor=handler, case=PenaltyCase.objects.get(pk=case.pk), served_on=date(2026, 3, 2)
        )
    assert (excinfo.value.field, excinfo.value.message) == (
        "legal_review",
        "本案属于重大执法决定（听证类处罚：拟罚款60000.00元，达到较大数额50000.00元），"
        "须经法制审核通过后方可继续（R-REV-004）",
    )
    assert PenaltyCase.objects.get(pk=case.pk).state == "under_case_review"


def test_r_rev_004_with_no_check_registered_an_ordinary_decision_goes_ahead(
    gate_checks, filed_case, handler, head, lead, co
):
    """The gate guards major decisions only: 49,999.99元 is below the 较大数额 (R-HEA-002)."""
    case = major_case(filed_case, handler, head, lead, co, fine=Decimal("49999.99"))
    gate_checks.clear()
    assert case.requires_legal_review is False
    assert case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2)).state == "notified"


def test_r_rev_004_registering_a_check_twice_is_harmless(gate_checks):
    installed = dict(gate_checks)
    case_services.register_legal_review_check(legal_review_check)
    case_services.register_legal_review_check(_never)
    case_services.register_legal_review_check(_never)
    assert gate_checks == {**installed, f"{__name__}._never": _never}


def _hearing_to_decision(case, handler, head, chair, chair_user):
    case = case_services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    with time_machine.travel("2026-03-04T02:00:00Z", tick=False):
        case = case_services.request_hearing(actor=handler, case=case, sent_on=date(2026, 3, 4))
        hearing = schedule(case, head, chair, notice_sent_on=date(2026, 3, 4), day=date(2026, 3, 13))
    with time_machine.travel("2026-03-13T08:00:00Z", tick=False):
        hearing = case_services.record_hearing_held(
            actor=chair_user,
            hearing=hearing,
            held_at=at(date(2026, 3, 13)),
            party_attended=True,
            transcript="调查人员提出事实、证据和处罚建议；当事人申辩、质证。",
            transcript_signed=True,
        )
        case_services.submit_hearing_report(actor=chair_user, hearing=hearing, report="建议维持拟作出的处罚。")
    return PenaltyCase.objects.get(pk=case.pk)


def test_r_rev_001_a_hearing_held_needs_a_review_before_the_decision_and_r_pen_014_a_discussion(
    filed_case, handler, head, deputy, lead, co, reviewer, chair, chair_user
):
    case = major_case(filed_case, handler, head, lead, co)
    approved(case, handler, reviewer)
    case = _hearing_to_decision(PenaltyCase.objects.get(pk=case.pk), handler, head, chair, chair_user)
    assert (case.state, case.legal_review_reasons[-1], services.review_passed(case)) == (
        "awaiting_decision",
        "经过听证",
        False,
    )
    with time_machine.travel("2026-03-16T02:00:00Z", tick=False):
        with pytest.raises(CaseError, match="R-REV-004"):
            case_services.decide_case(
                actor=head, case=case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=Decimal("60000")
            )
        review = submit(case, handler)
        assert (review.stage, review.return_state) == ("before_decision", "awaiting_decision")
        services.take_legal_review(actor=reviewer, review=review)
        conclude(review, reviewer)
        case = PenaltyCase.objects.get(pk=case.pk)
        assert case.state == "awaiting_decision"
        # R-PEN-014: the review passed; the decision still waits for the heads' collective discussion.
        with pytest.raises(CaseError) as excinfo:
            case_services.decide_case(
                actor=head, case=case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=Decimal("60000")
            )
        assert (excinfo.value.field, "R-PEN-014" in excinfo.value.message) == ("collective_discussion", True)
        discussion = services.convene_discussion(
            actor=head, case=case, topic="major_decision", question="拟罚款六万元，请集体讨论决定"
        )
        assert PenaltyCase.objects.get(pk=case.pk).state == "under_discussion"
        services.conclude_discussion(
            actor=head,
            discussion=discussion,
            participants=[
                ParticipantInput(head, "同意罚款六万元", "局长"),
                ParticipantInput(deputy, "同意", "副局长"),
                ParticipantInput(reviewer, "法制审核已通过，同意", "法制股长"),
            ],
            conclusion="adopted",
            conclusion_text="同意对当事人罚款六万元。",
            place="局三楼会议室",
        )
        case = case_services.decide_case(
            actor=head,
            case=PenaltyCase.objects.get(pk=case.pk),
            decision_kind="penalty",
            penalty_kinds=["fine"],
            fine_amount=Decimal("60000.00"),
        )
    assert case.state == "decided"
