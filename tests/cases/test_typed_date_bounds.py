"""Dates typed by an officer lie between the step they follow and today: a hearing request not before the
notice was served, a decision not before the last step nor in the future, a 备案 not before the on-the-spot
decision (R-HEA-003, R-PEN-015, R-SIM-007). Each refusal names the field and changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.conftest import investigate
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.ledger.models import Event

from .hearing_support import fixture_review_gate_open  # noqa: F401  (fixture review_gate_open)

pytestmark = pytest.mark.django_db
FINE = Decimal("60000.00")  # above the 50,000元 hearing threshold for an organisation (R-HEA-002)


def _refused(case, call, field):
    before = (PenaltyCase.objects.get(pk=case.pk).state, Event.objects.count())
    with pytest.raises(CaseError) as caught:
        call()
    assert caught.value.field == field
    assert (PenaltyCase.objects.get(pk=case.pk).state, Event.objects.count()) == before
    return caught.value.message


@pytest.fixture
def large_fine_case(review_gate_open, filed_case, handler, head, lead, co):
    investigate(filed_case, handler, lead, co, fine=FINE, kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    return services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))


def test_r_hea_003_a_hearing_request_before_the_notice_was_served_is_refused(large_fine_case, handler):
    message = _refused(
        large_fine_case,
        lambda: services.request_hearing(actor=handler, case=large_fine_case, sent_on=date(2026, 3, 1)),
        "sent_on",
    )
    assert "不能早于告知书送达日（2026年3月2日）" in message
    on_the_day = services.request_hearing(actor=handler, case=large_fine_case, sent_on=date(2026, 3, 2))
    assert on_the_day.state == "hearing"


def test_a_hearing_request_dated_tomorrow_is_refused(large_fine_case, handler):
    message = _refused(
        large_fine_case,
        lambda: services.request_hearing(actor=handler, case=large_fine_case, sent_on=date(2026, 3, 3)),
        "sent_on",
    )
    assert "不能晚于今天" in message


@pytest.fixture
def awaiting_case(filed_case, handler, head, lead, co):
    investigate(filed_case, handler, lead, co)
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    services.waive_defense(actor=handler, case=filed_case, waived_on=date(2026, 3, 2))
    return services.submit_for_decision(actor=handler, case=filed_case)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 3, 1), "不能早于陈述申辩、听证程序结束之日（2026年3月2日）"), (date(2026, 3, 3), "不能晚于今天")],
)
def test_r_pen_015_a_decision_dated_before_the_notice_or_in_the_future_is_refused(awaiting_case, head, day, expected):
    message = _refused(
        awaiting_case,
        lambda: services.decide_case(
            actor=head,
            case=awaiting_case,
            decision_kind="penalty",
            decided_on=day,
            penalty_kinds=["warning", "fine"],
            fine_amount=Decimal("10000.00"),
        ),
        "decided_on",
    )
    assert expected in message


def test_r_sim_007_lodging_before_the_on_the_spot_decision_is_refused(handler, agency, company, item, lead, co):
    case = services.decide_on_the_spot(
        actor=handler,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="占道经营",
        facts="在人行道摆摊",
        place="人民路12号",
        officers=[lead, co],
        penalty_kinds=["warning"],
        fine_amount=Decimal("0"),
        statement_heard=True,
    )
    message = _refused(
        case, lambda: services.lodge_on_the_spot_case(actor=handler, case=case, lodged_on=date(2026, 3, 1)), "lodged_on"
    )
    assert "不能早于当场处罚决定日" in message
    assert PenaltyCase.objects.get(pk=case.pk).lodged_on is None


def test_r_pen_016_a_decision_may_not_be_dated_inside_the_defence_window(filed_case, handler, head, lead, co):
    """Notice served 2 March, window to 9 March, no waiver: submitted on 10 March, a decision typed as of 5 March
    (inside the window) is refused; 10 March, the first day after it, is accepted."""
    import time_machine

    investigate(filed_case, handler, lead, co)
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    with time_machine.travel("2026-03-10T02:00:00Z", tick=False):
        services.submit_for_decision(actor=handler, case=filed_case)
        decide = {"actor": head, "case": filed_case, "decision_kind": "penalty", "penalty_kinds": ["warning"]}
        message = _refused(
            filed_case, lambda: services.decide_case(decided_on=date(2026, 3, 5), **decide), "decided_on"
        )
        assert "不能早于陈述申辩、听证程序结束之日（2026年3月10日）" in message
        assert services.decide_case(decided_on=date(2026, 3, 10), **decide).state == "decided"


def test_submitting_for_decision_as_of_a_future_day_is_refused(filed_case, handler, head, lead, co):
    """A future ``on`` would otherwise pass the defence window before it ended (R-PEN-016)."""
    investigate(filed_case, handler, lead, co)
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    message = _refused(
        filed_case, lambda: services.submit_for_decision(actor=handler, case=filed_case, on=date(2026, 3, 10)), "on"
    )
    assert "不能晚于今天" in message
