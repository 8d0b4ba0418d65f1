"""事先告知、陈述申辩、听证 and decision gates (R-PEN-013/015/016/017/019, R-HEA-002/003, R-REV-004, R-TRN-001)."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tests.review.approvals import approve_legal_review
from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict

from .conftest import investigate

pytestmark = pytest.mark.django_db


def test_r_pen_013_penalty_refused_when_facts_unclear(filed_case, handler, head, lead, co):
    investigate(filed_case, handler, lead, co)
    with pytest.raises(CaseError) as excinfo:
        services.complete_case_review(
            actor=head, case=filed_case, route="penalty", facts_clear=False, opinion="证据不足"
        )
    assert excinfo.value.message == "违法事实不清、证据不足的，不得给予行政处罚（R-PEN-013）"


def test_r_pen_011_no_report_without_evidence(filed_case, handler):
    with pytest.raises(CaseError) as excinfo:
        services.submit_investigation_report(actor=handler, case=filed_case, report="报告", proposed_kinds=["warning"])
    assert excinfo.value.field == "investigative_steps"


@pytest.mark.parametrize(("today", "allowed"), [("2026-03-09", False), ("2026-03-10", True)])
def test_r_pen_016_decision_waits_for_the_defence_window(notified_case, handler, today, allowed):
    # Notice served Mon 2 March; 5 WD → deadline Mon 9 March; the decision may be proposed from the 10th.
    assert notified_case.defense_deadline == date(2026, 3, 9)
    with time_machine.travel(f"{today}T02:00:00Z", tick=False):
        if allowed:
            assert services.submit_for_decision(actor=handler, case=notified_case).state == "awaiting_decision"
        else:
            with pytest.raises(CaseError) as excinfo:
                services.submit_for_decision(actor=handler, case=notified_case)
            assert (
                excinfo.value.message
                == "陈述申辩期限（2026年3月9日）届满前且当事人未书面放弃的，不得作出决定（R-PEN-016）"
            )


def test_r_pen_017_decision_may_not_be_heavier_than_notified(notified_case, handler, head):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    with pytest.raises(CaseError) as excinfo:
        services.decide_case(
            actor=head,
            case=notified_case,
            decision_kind="penalty",
            penalty_kinds=["warning", "fine"],
            fine_amount=Decimal("10000.01"),
        )
    assert excinfo.value.message == "处罚决定不得重于事先告知的内容；加重须重新告知（R-PEN-017）"
    lighter = services.decide_case(
        actor=head, case=notified_case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=Decimal("8000.00")
    )
    assert (lighter.state, lighter.fine_amount) == ("decided", Decimal("8000.00"))


def test_r_pen_017_a_defence_that_changes_facts_sends_the_case_back(notified_case, handler):
    services.record_defense(
        actor=handler,
        case=notified_case,
        sent_on=date(2026, 3, 4),
        received_on=date(2026, 3, 5),
        content="涉案食品系赠品，未销售",
        review="部分采纳",
        changes_facts_or_penalty=True,
    )
    notified_case.refresh_from_db()
    assert notified_case.state == "under_case_review"


def test_r_pen_019_second_fine_for_the_same_act_is_refused(
    notified_case, handler, head, agency, company, item, lead, co, colleague
):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    services.decide_case(
        actor=head, case=notified_case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=Decimal("5000")
    )
    second = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="同一行为",
        act_on=date(2026, 2, 10),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    services.declare_no_conflict(actor=handler, case=second)
    services.declare_no_conflict(actor=colleague, case=second)
    investigate(second, handler, lead, co, fine=Decimal("3000"), kinds=("fine",))
    services.complete_case_review(actor=head, case=second, route="penalty", facts_clear=True, opinion="")
    services.serve_prior_notice(actor=handler, case=second, served_on=date(2026, 3, 2))
    services.waive_defense(actor=handler, case=second, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=second)
    with pytest.raises(CaseError) as excinfo:
        services.decide_case(
            actor=head, case=second, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=Decimal("3000")
        )
    assert (
        excinfo.value.message
        == f"当事人的同一违法行为已在案件{notified_case.case_number}中被处以罚款，不得再次罚款（R-PEN-019）"
    )


@pytest.mark.parametrize(("fine", "hearing"), [(Decimal("49999.99"), False), (Decimal("50000.00"), True)])
def test_r_hea_002_large_fine_threshold_is_inclusive_and_major_decisions_need_legal_review(
    filed_case, handler, head, lead, co, fine, hearing
):
    investigate(filed_case, handler, lead, co, fine=fine, kinds=("fine",))
    case = services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    assert (case.requires_hearing_notice, case.requires_legal_review) == (hearing, hearing)
    if hearing:
        with pytest.raises(CaseError) as excinfo:
            services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
        assert excinfo.value.field == "legal_review"
        assert excinfo.value.message.endswith("须经法制审核通过后方可继续（R-REV-004）")
    else:
        assert services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2)).state == "notified"


def test_r_rev_004_an_approved_legal_review_opens_the_gate(filed_case, handler, head, lead, co, legal_reviewer):
    investigate(filed_case, handler, lead, co, fine=Decimal("60000"), kinds=("fine",))
    case = services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    approve_legal_review(case, handler=handler, reviewer=legal_reviewer)
    assert services.serve_prior_notice(
        actor=handler, case=case, served_on=date(2026, 3, 2)
    ).hearing_request_deadline == date(2026, 3, 9)


@pytest.mark.parametrize(("sent_on", "ok"), [(date(2026, 3, 9), True), (date(2026, 3, 10), False)])
def test_r_hea_003_hearing_request_window_uses_the_postmark(
    filed_case, handler, head, lead, co, legal_reviewer, sent_on, ok
):
    investigate(filed_case, handler, lead, co, fine=Decimal("60000"), kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    approve_legal_review(filed_case, handler=handler, reviewer=legal_reviewer)  # R-REV-004
    case = services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    with time_machine.travel("2026-03-11T02:00:00Z", tick=False):  # the letter arrives after the deadline
        if ok:
            assert services.request_hearing(actor=handler, case=case, sent_on=sent_on).state == "hearing"
        else:
            with pytest.raises(CaseError) as excinfo:
                services.request_hearing(actor=handler, case=case, sent_on=sent_on)
            assert excinfo.value.message == "听证申请期限已于2026年3月9日届满，当事人逾期申请视为放弃听证（R-HEA-003）"


def test_r_trn_001_crime_suspected_cannot_be_punished_instead_of_transferred(filed_case, handler, head, lead, co):
    services.record_investigative_step(
        actor=handler,
        case=filed_case,
        kind="inquiry",
        performed_on=date(2026, 3, 2),
        place="办案区",
        summary="询问",
        officers=[lead, co],
    )
    services.submit_investigation_report(
        actor=handler,
        case=filed_case,
        report="货值金额较大",
        proposed_kinds=["fine"],
        proposed_fine_amount=Decimal("5000"),
        crime_suspected=True,
    )
    with pytest.raises(CaseError) as excinfo:
        services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    assert excinfo.value.message == "涉嫌犯罪的案件应当移送司法机关，不得以罚代刑（R-TRN-001）"


def test_a_step_out_of_order_names_the_current_state(filed_case, handler):
    with pytest.raises(CaseStateConflict) as excinfo:
        services.serve_decision(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    assert (excinfo.value.status, excinfo.value.message) == (409, "案件当前状态为“已立案”，没有待送达的决定书")


def test_other_agency_handler_cannot_act(filed_case, other_agency_handler):
    from zhifa.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.declare_no_conflict(actor=other_agency_handler, case=filed_case)
