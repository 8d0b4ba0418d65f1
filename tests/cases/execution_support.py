"""Fixtures and helpers of the execution tests (tests/cases/test_payment_plans.py, test_demand_and_court_execution.py,
test_case_suspension.py, test_execution_api.py import the fixtures by their ``fixture_*`` names).

The executing case: 示范县好味道餐饮有限公司, warning and a 10,000元 fine decided and served on Monday 2 March 2026;
the 15 days to pay end on Tuesday 17 March 2026 (R-PEN-024). Its litigation period ends on Wednesday 2 September
2026, so a court application is possible from 3 September to 2 December 2026 (R-COE-016).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
import time_machine

from zhifa.cases import services
from zhifa.cases.services import enforcement, execution, suspension
from zhifa.ledger.models import Event
from zhifa.ledger.services import trail

FINE = Decimal("10000.00")
SERVED = date(2026, 3, 2)
DEADLINE = date(2026, 3, 17)
ALL_MATERIALS = ["application", "decision", "party_opinion", "subject"]


@contextmanager
def on(day: date):
    """Today is ``day`` (10:00 in Shanghai)."""
    with time_machine.travel(f"{day.isoformat()}T02:00:00Z", tick=False):
        yield


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


def events(case) -> list[str]:
    """The case's ledger events, oldest first (R-REC-001)."""
    return [e.event_type for e in trail(case)]


def payload(case, event_type: str) -> dict:
    """The data of the case's last ledger event of that type (``penalty_case.<verb>``)."""
    return [e.data for e in trail(case) if e.event_type == event_type][-1]


def counts(case) -> tuple[int, ...]:
    """What an execution step may write: used to show a refusal changed nothing."""
    return (
        case.payment_plans.count(),
        case.demand_notices.count(),
        case.compulsory_executions.count(),
        case.court_executions.count(),
        case.suspensions.count(),
        case.remedies.count(),
        case.payments.count(),
        Event.objects.count(),
    )


def decide_and_serve(case, handler, head, *, fine=FINE):
    """From the notified fixture: waiver, decision and service on 2 March 2026 → 执行中."""
    services.waive_defense(actor=handler, case=case, waived_on=SERVED)
    services.submit_for_decision(actor=handler, case=case)
    services.decide_case(
        actor=head, case=case, decision_kind="penalty", penalty_kinds=["warning", "fine"], fine_amount=fine
    )
    return services.serve_decision(actor=handler, case=case, served_on=SERVED)


def pay(case, handler, day: date, amount: str | Decimal, receipt: str = "湘财罚2026-000001"):
    with on(day):
        return services.record_payment(
            actor=handler, case=case, paid_on=day, amount=Decimal(amount), receipt_number=receipt
        )


def demand(case, handler, served_on: date, deadline: date, **kwargs):
    values = {
        "performance_manner": "一次性缴纳罚款及加处罚款",
        "payment_method": "缴至示范县财政局非税收入汇缴结算户",
    }
    values.update(kwargs)
    with on(served_on):
        return execution.serve_demand_notice(
            actor=handler, case=case, served_on=served_on, performance_deadline=deadline, **values
        )


def apply_to_court(case, head, day: date, **kwargs):
    values = {"court": "示范县人民法院", "materials": ALL_MATERIALS}
    values.update(kwargs)
    with on(day):
        return enforcement.apply_for_court_execution(actor=head, case=case, applied_on=day, **values)


def suspend_execution(case, head, day: date, ground="hardship"):
    with on(day):
        return suspension.suspend_case(
            actor=head, case=case, ground=ground, reason="当事人经营停止，名下无可供执行的财产", started_on=day
        )


@pytest.fixture(name="executing_case")
def fixture_executing_case(notified_case, handler, head):
    return decide_and_serve(notified_case, handler, head)
