"""Gates closed after review: no decision without a fresh notice or past an open hearing window, no double fine
on the spot, disposal only as decided and within the term, bounded inputs (R-PEN-015/017/019, R-HEA-003,
R-COE-008, R-PEN-027)."""

from datetime import date
from decimal import Decimal

import pytest

from tests.review.approvals import approve_legal_review
from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict

from .conftest import investigate

pytestmark = pytest.mark.django_db


def test_r_pen_017_after_a_defence_changes_the_facts_a_new_notice_is_needed(notified_case, handler):
    services.record_defense(
        actor=handler,
        case=notified_case,
        sent_on=date(2026, 3, 2),
        received_on=date(2026, 3, 2),
        content="涉案食品系赠品",
        review="采纳",
        changes_facts_or_penalty=True,
    )
    notified_case.refresh_from_db()
    assert (notified_case.state, notified_case.notice_served_on, notified_case.notified_fine_amount) == (
        "under_case_review",
        None,
        Decimal("0.00"),
    )
    with pytest.raises(CaseStateConflict) as excinfo:
        services.submit_for_decision(actor=handler, case=notified_case)
    assert excinfo.value.message == "案件当前状态为“案件审核中”，不能报请决定"


@pytest.fixture
def hearing_right_case(filed_case, handler, head, lead, co, legal_reviewer):
    """60,000元 against a company: a major decision (R-HEA-002), its legal review approved (R-REV-004), notified."""
    investigate(filed_case, handler, lead, co, fine=Decimal("60000"), kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    approve_legal_review(filed_case, handler=handler, reviewer=legal_reviewer)
    return services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))


def test_r_hea_003_waiving_the_defence_does_not_waive_the_hearing(hearing_right_case, handler):
    services.waive_defense(actor=handler, case=hearing_right_case, waived_on=date(2026, 3, 2))
    with pytest.raises(CaseError) as excinfo:
        services.submit_for_decision(actor=handler, case=hearing_right_case)
    assert (
        excinfo.value.message == "听证申请期限（2026年3月9日）届满前且当事人未书面放弃听证的，不得作出决定（R-HEA-003）"
    )


def test_r_hea_003_a_written_hearing_waiver_lets_the_decision_go_ahead(hearing_right_case, handler):
    services.waive_defense(actor=handler, case=hearing_right_case, waived_on=date(2026, 3, 2), waives_hearing=True)
    assert services.submit_for_decision(actor=handler, case=hearing_right_case).state == "awaiting_decision"


def test_a_case_in_the_hearing_stage_goes_to_decision_only_through_the_hearing(hearing_right_case, handler):
    services.request_hearing(actor=handler, case=hearing_right_case, sent_on=date(2026, 3, 2))
    with pytest.raises(CaseStateConflict):
        services.submit_for_decision(actor=handler, case=hearing_right_case)


def test_r_pen_019_no_second_fine_on_the_spot_for_the_same_act(handler, agency, person, item, lead, co):
    def spot():
        return services.decide_on_the_spot(
            actor=handler,
            agency=agency,
            party=person,
            enforcement_item=item,
            cause="占道经营",
            facts="摆摊",
            place="人民路",
            officers=[lead, co],
            penalty_kinds=["fine"],
            fine_amount=Decimal("200"),
            statement_heard=True,
        )

    first = spot()
    with pytest.raises(CaseError) as excinfo:
        spot()
    assert (
        excinfo.value.message
        == f"当事人的同一违法行为已在案件{first.case_number}中被处以罚款，不得再次罚款（R-PEN-019）"
    )


def test_extension_days_are_bounded(filed_case, head):
    with pytest.raises(CaseError) as excinfo:
        services.extend_decision_deadline(
            actor=head,
            case=filed_case,
            calendar_days=10_000_000,
            reason="案情复杂",
            legal_basis="《市场监督管理行政处罚程序规定》",
        )
    assert excinfo.value.message == "延长天数应为1至365日"


def test_payment_date_cannot_precede_service_or_be_in_the_future(notified_case, handler, head):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    services.decide_case(
        actor=head, case=notified_case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=Decimal("5000")
    )
    services.serve_decision(actor=handler, case=notified_case, served_on=date(2026, 3, 2))
    for paid_on in (date(2026, 3, 1), date(2026, 3, 3)):
        with pytest.raises(CaseError) as excinfo:
            services.record_payment(
                actor=handler, case=notified_case, paid_on=paid_on, amount=Decimal("5000"), receipt_number="X1"
            )
        assert excinfo.value.field == "paid_on"
    assert notified_case.payments.count() == 0
