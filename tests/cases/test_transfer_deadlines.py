"""行刑衔接 deadlines: calendar days (no working-day clause, R-TIME-002) and clock hours; lateness is flagged in
the record and the ledger, never refused (DUE)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine

from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.ledger.models import Event

from .transfer_support import (
    at,
    fixture_approved,  # noqa: F401
    fixture_crime_case,  # noqa: F401
    fixture_proposed,  # noqa: F401
    fixture_transferred,  # noqa: F401
    propose,
    send,
)

pytestmark = pytest.mark.django_db


def _event(event_type):
    return Event.objects.filter(event_type=event_type).get().data


# --- R-TRN-004: the head decides within 3 calendar days ----------------------------------------------------


@pytest.mark.parametrize(("decided_on", "late"), [(date(2026, 3, 9), False), (date(2026, 3, 10), True)])
def test_r_trn_004_head_deadline_is_3_calendar_days_across_the_weekend(
    crime_case, handler, head, lead, co, decided_on, late
):
    with time_machine.travel(at(date(2026, 3, 6)), tick=False):  # Friday
        transfer = propose(crime_case, handler, lead, co)
    # Saturday and Sunday count: Monday 9 March, not Wednesday 11 March (3 working days)
    assert transfer.head_decision_deadline == date(2026, 3, 9)
    with time_machine.travel(at(decided_on, 17), tick=False):
        transfer = services.approve_transfer(actor=head, transfer=transfer)
    assert (transfer.state, transfer.is_head_decision_late, _event("criminal_transfer.approved")["late"]) == (
        "approved",
        late,
        late,
    )


def test_r_trn_004_a_deadline_on_a_rest_day_is_not_extended(crime_case, handler, head, lead, co):
    """Conservative reading (RULES: 3 CD, no WD clause): Thursday + 3 days ends on Sunday, not on Monday."""
    with time_machine.travel(at(date(2026, 3, 5)), tick=False):  # Thursday
        transfer = propose(crime_case, handler, lead, co)
    assert transfer.head_decision_deadline == date(2026, 3, 8)
    with time_machine.travel(at(date(2026, 3, 9)), tick=False):
        transfer = services.refuse_transfer(actor=head, transfer=transfer, reason="证据不足")
    assert (transfer.is_head_decision_late, _event("criminal_transfer.refused")["late"]) == (True, True)


# --- R-TRN-005: to the police within 24 hours of the approval ---------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "late"), [(timedelta(hours=23, minutes=59), False), (timedelta(hours=24, minutes=1), True)]
)
def test_r_trn_005_transfer_within_24_clock_hours(approved, handler, elapsed, late):
    assert approved.transfer_deadline == approved.approved_at + timedelta(hours=24)
    with time_machine.travel(approved.approved_at + elapsed, tick=False):
        transfer = send(approved, handler)
    assert (transfer.state, transfer.is_transfer_late, _event("criminal_transfer.transferred")["late"]) == (
        "transferred",
        late,
        late,
    )


# --- R-TRN-007: the police decide within 3 calendar days of their receipt ----------------------------------


@pytest.mark.parametrize(("decided_on", "late"), [(date(2026, 3, 9), False), (date(2026, 3, 10), True)])
def test_r_trn_007_police_reply_deadline(approved, handler, decided_on, late):
    with time_machine.travel(at(date(2026, 3, 6)), tick=False):
        transfer = send(approved, handler, police_received_on=date(2026, 3, 6))
    assert transfer.police_reply_deadline == date(2026, 3, 9)
    with time_machine.travel(at(date(2026, 3, 12)), tick=False):
        transfer = services.record_police_decision(
            actor=handler, transfer=transfer, decision="declined", decided_on=decided_on, reason="不够追诉标准"
        )
    assert (transfer.is_police_reply_late, _event("criminal_transfer.declined")["late"]) == (late, late)
    # R-TRN-008: the agency's reconsideration window runs from the notice (default: the decision day)
    assert transfer.reconsideration_deadline == decided_on + timedelta(days=3)


# --- R-TRN-008: reconsideration requested within 3 calendar days of the 不予立案 notice -----------------------


@pytest.mark.parametrize(("requested_on", "late"), [(date(2026, 3, 9), False), (date(2026, 3, 10), True)])
def test_r_trn_008_reconsideration_request_deadline(transferred, handler, requested_on, late):
    with time_machine.travel(at(date(2026, 3, 12)), tick=False):
        transfer = services.record_police_decision(
            actor=handler,
            transfer=transferred,
            decision="declined",
            decided_on=date(2026, 3, 5),
            notice_received_on=date(2026, 3, 6),
            reason="不够追诉标准",
        )
        assert transfer.reconsideration_deadline == date(2026, 3, 9)
        transfer = services.request_reconsideration(actor=handler, transfer=transfer, requested_on=requested_on)
    assert transfer.reconsideration_reply_deadline == requested_on + timedelta(days=3)
    assert _event("criminal_transfer.reconsideration_requested")["late"] is late


# --- R-TRN-009: items handed over within 3 calendar days of the filing notice ---------------------------------


@pytest.mark.parametrize(("handed_over_on", "late"), [(date(2026, 3, 9), False), (date(2026, 3, 10), True)])
def test_r_trn_009_handover_deadline(transferred, handler, handed_over_on, late):
    with time_machine.travel(at(date(2026, 3, 12)), tick=False):
        transfer = services.record_police_decision(
            actor=handler, transfer=transferred, decision="filed", decided_on=date(2026, 3, 6)
        )
        assert transfer.handover_deadline == date(2026, 3, 9)
        services.record_handover(actor=handler, transfer=transfer, handed_over_on=handed_over_on)
    assert _event("criminal_transfer.items_handed_over")["late"] is late


def test_dates_in_the_future_are_refused(transferred, handler):
    with pytest.raises(CaseError) as caught:
        services.record_police_decision(
            actor=handler, transfer=transferred, decision="filed", decided_on=date(2026, 3, 3)
        )
    assert (caught.value.message, caught.value.field) == (
        "公安机关决定日期应在签收（或提请复议）之后且不晚于今天",
        "decided_on",
    )
    assert type(transferred).objects.get(pk=transferred.pk).state == "transferred"
