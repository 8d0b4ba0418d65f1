"""A general-procedure case from 案源 to 归档, every step on the ledger (R-REC-001)."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from zhifa.cases import services
from zhifa.cases.choices import CaseSourceState, ClosingReason, PenaltyCaseState
from zhifa.ledger.services import trail, verify_chain

from .conftest import investigate

pytestmark = pytest.mark.django_db


def test_source_to_archive(handler, colleague, head, agency, company, item, lead, co):
    source = services.register_source(
        actor=handler,
        agency=agency,
        channel="complaint",
        received_on=date(2026, 2, 26),
        summary="消费者投诉：售卖过期食品",
        party=company,
        enforcement_item=item,
    )
    # 15 WD after Thu 26 Feb 2026 (R-PEN-007), counting the 调休 working Saturday 28 Feb (R-TIME-001)
    assert source.verification_deadline == date(2026, 3, 18)
    services.start_verification(actor=handler, source=source)
    services.propose_filing(actor=handler, source=source)
    case = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="销售超过保质期的食品",
        act_on=date(2026, 2, 20),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
        source=source,
    )
    source.refresh_from_db()
    assert source.state == CaseSourceState.FILED
    assert (case.state, case.decision_deadline) == (PenaltyCaseState.FILED, date(2026, 5, 31))  # R-PEN-021: 90 CD
    services.declare_no_conflict(actor=handler, case=case)
    services.declare_no_conflict(actor=colleague, case=case)
    investigate(case, handler, lead, co, fine=Decimal("10873.00"))
    services.complete_case_review(actor=head, case=case, route="penalty", facts_clear=True, opinion="同意处罚")
    case = services.serve_prior_notice(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert case.defense_deadline == date(2026, 3, 9)  # 5 WD (R-PEN-016)
    assert case.requires_hearing_notice is False  # 10,873 < 50,000 for an organisation (R-HEA-002)
    services.waive_defense(actor=handler, case=case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=case)
    case = services.decide_case(
        actor=head,
        case=case,
        decision_kind="penalty",
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal("10873.00"),
        reasoning="依据裁量基准一般档次",
    )
    assert (case.state, case.delivery_deadline) == (PenaltyCaseState.DECIDED, date(2026, 3, 11))  # 7 WD (R-DOC-005)
    case = services.serve_decision(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert (case.state, case.payment_deadline) == (PenaltyCaseState.EXECUTING, date(2026, 3, 17))  # 15 CD (R-PEN-024)
    with time_machine.travel("2026-03-16T02:00:00Z", tick=False):
        services.record_payment(
            actor=handler,
            case=case,
            paid_on=date(2026, 3, 16),
            amount=Decimal("10873.00"),
            receipt_number="湘财罚2026-000123",
        )
        case.refresh_from_db()
        assert (case.state, case.closing_reason) == (PenaltyCaseState.CLOSED, ClosingReason.EXECUTED)
        case = services.archive_case(actor=handler, case=case)
    assert case.state == PenaltyCaseState.ARCHIVED
    assert [e.event_type for e in trail(case)] == [
        "penalty_case.filed",
        "penalty_case.recusal_declared",
        "penalty_case.recusal_declared",
        "penalty_case.investigated",
        "penalty_case.investigation_reported",
        "penalty_case.case_reviewed",
        "penalty_case.notified",
        "penalty_case.defense_waived",
        "penalty_case.submitted_for_decision",
        "penalty_case.decided",
        "penalty_case.served",
        "penalty_case.payment_recorded",
        "penalty_case.archived",
    ]
    assert verify_chain().ok


def test_no_penalty_route_closes_on_service(filed_case, handler, head, lead, co):
    investigate(filed_case, handler, lead, co, fine=Decimal("0"), kinds=())
    services.complete_case_review(actor=head, case=filed_case, route="no_penalty", facts_clear=True, opinion="首违轻微")
    case = services.decide_case(actor=head, case=filed_case, decision_kind="no_penalty", reasoning="首违不罚")
    case = services.serve_decision(actor=handler, case=case, served_on=date(2026, 3, 2))
    assert (case.state, case.closing_reason) == (PenaltyCaseState.CLOSED, ClosingReason.NO_PENALTY)


def test_filing_withdrawn_closes_at_once(filed_case, handler, head, lead, co):
    investigate(filed_case, handler, lead, co, fine=Decimal("0"), kinds=())
    services.complete_case_review(
        actor=head, case=filed_case, route="filing_withdrawn", facts_clear=False, opinion="违法事实不能成立"
    )
    case = services.decide_case(actor=head, case=filed_case, decision_kind="filing_withdrawn")
    assert (case.state, case.closing_reason) == (PenaltyCaseState.CLOSED, ClosingReason.FILING_WITHDRAWN)
