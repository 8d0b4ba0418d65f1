"""补充调查 (R-PEN-013): the head sends a case in 案件审核 or 待决定 back to 调查取证, with the reason; it goes through
调查终结 and 案件审核 again. A notice already served no longer counts (R-PEN-017): a heavier proposal is decided only
after a new notice, and the party's old waiver does not shorten the new defence window (R-PEN-016). API action and
the case page's step, each refusal with its message and nothing changed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import PenaltyCase
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 3, 2)
HEAVIER = Decimal("20000.00")


def _fresh(case):
    return PenaltyCase.objects.get(pk=case.pk)


@pytest.fixture
def awaiting(notified_case, handler):
    """Warning + 10,000元 notified on Monday 2 March, the defence waived the same day, 待决定."""
    services.waive_defense(actor=handler, case=notified_case, waived_on=MONDAY)
    return services.submit_for_decision(actor=handler, case=_fresh(notified_case), on=MONDAY)


def _reinvestigate(case, handler, head, lead, co, *, fine=HEAVIER):
    services.record_investigative_step(
        actor=handler,
        case=_fresh(case),
        kind="inquiry",
        performed_on=MONDAY,
        place="办公室",
        summary="补充询问，查明另有一批过期食品",
        officers=[lead, co],
    )
    services.submit_investigation_report(
        actor=handler,
        case=_fresh(case),
        report="补充调查后查明另有一批过期食品",
        proposed_kinds=["warning", "fine"],
        proposed_fine_amount=fine,
    )
    return services.complete_case_review(
        actor=head, case=_fresh(case), route="penalty", facts_clear=True, opinion="同意"
    )


def _decide(case, head, fine=HEAVIER):
    return services.decide_case(
        actor=head, case=_fresh(case), decision_kind="penalty", penalty_kinds=["warning", "fine"], fine_amount=fine
    )


def test_r_pen_017_a_heavier_proposal_after_reinvestigation_needs_a_new_notice_and_window(
    awaiting, handler, head, lead, co
):
    case = services.reopen_investigation(actor=head, case=awaiting, reason="另有一批过期食品待查")
    assert (case.state, case.notice_served_on, case.notified_fine_amount, case.defense_waived_on) == (
        "investigating",
        None,
        Decimal("0.00"),
        None,
    )
    case = _reinvestigate(case, handler, head, lead, co)
    with pytest.raises(CaseStateConflict):  # no decision on the old notice: the case is back in 案件审核
        _decide(case, head)
    with pytest.raises(CaseStateConflict):
        services.submit_for_decision(actor=handler, case=_fresh(case), on=MONDAY)
    with time_machine.travel("2026-03-03T02:00:00Z", tick=False):
        case = services.serve_prior_notice(actor=handler, case=_fresh(case), served_on=date(2026, 3, 3))
        assert (case.notified_fine_amount, case.defense_deadline) == (HEAVIER, date(2026, 3, 10))
        with pytest.raises(CaseError) as excinfo:  # the waiver of the first notice does not count (R-PEN-016)
            services.submit_for_decision(actor=handler, case=_fresh(case), on=date(2026, 3, 3))
        assert excinfo.value.field == "defense_deadline"
    with time_machine.travel("2026-03-11T02:00:00Z", tick=False):
        services.submit_for_decision(actor=handler, case=_fresh(case), on=date(2026, 3, 11))
        with pytest.raises(CaseError, match="R-PEN-017"):
            _decide(case, head, fine=Decimal("25000.00"))
        assert _decide(case, head).fine_amount == HEAVIER


def test_only_the_head_reopens_and_says_why(awaiting, handler, head):
    events = Event.objects.count()
    with pytest.raises(PermissionDenied):
        services.reopen_investigation(actor=handler, case=awaiting, reason="补充调查")
    with pytest.raises(CaseError) as excinfo:
        services.reopen_investigation(actor=head, case=awaiting, reason="  ")
    assert (excinfo.value.field, excinfo.value.message) == (
        "reason",
        "请写明补充调查的理由（需要查明的事实、补充的证据）",
    )
    assert (_fresh(awaiting).state, Event.objects.count()) == ("awaiting_decision", events)


def test_a_notified_case_is_not_reopened(notified_case, head):
    with pytest.raises(CaseStateConflict) as excinfo:
        services.reopen_investigation(actor=head, case=notified_case, reason="补充调查")
    assert excinfo.value.message == "案件当前状态为“已告知”，案件审核或报请决定环节方可退回补充调查"
    assert _fresh(notified_case).state == "notified"


def test_api_reopen_investigation(api_client, awaiting, handler, head):
    url = f"/api/v1/penalty-cases/{awaiting.pk}/reopen-investigation/"
    api_client.force_authenticate(handler)
    response = api_client.post(url, {"reason": "补充调查"}, format="json")
    assert (response.status_code, response.json()["message"]) == (403, "只有本单位负责人可以决定补充调查")
    api_client.force_authenticate(head)
    response = api_client.post(url, {}, format="json")
    assert (response.status_code, response.json()["field"]) == (400, "reason")
    assert _fresh(awaiting).state == "awaiting_decision"
    response = api_client.post(url, {"reason": "另有一批过期食品待查"}, format="json")
    assert (response.status_code, response.json()["state"]) == (200, "investigating")


def test_the_case_page_offers_the_step_to_the_head_only(client, awaiting, handler, head):
    client.force_login(handler)
    actions = [p.step.action for p in client.get(f"/cases/{awaiting.pk}/").context["panels"]]
    assert "reopen-investigation" not in actions
    client.force_login(head)
    actions = [p.step.action for p in client.get(f"/cases/{awaiting.pk}/").context["panels"]]
    assert actions[:2] == ["decide", "reopen-investigation"]
    url = f"/cases/{awaiting.pk}/steps/reopen-investigation/"
    response = client.post(url, {"reopen-investigation-reason": ""})
    assert (response.status_code, "请写明补充调查的理由" in response.content.decode()) == (400, True)
    response = client.post(url, {"reopen-investigation-reason": "另有一批过期食品待查"})
    assert (response.status_code, _fresh(awaiting).state) == (302, "investigating")
