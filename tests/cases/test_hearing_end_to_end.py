"""A whole hearing: legal review → notice → request → schedule → hold → report → legal review again and the
collective discussion → decide (R-HEA-003..010, R-REV-001/004, R-PEN-014), through the services and through the
API. The reviews and the discussion are real records (``tests.review.approvals``), checked by the real gate."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.review.approvals import approve_legal_review, approve_major_decision, deputy_head
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import Hearing, PenaltyCase
from zhifa.ledger.models import Event

from .conftest import investigate
from .hearing_support import (  # noqa: F401  (fixtures)
    FINE,
    at,
    fixture_chair,
    fixture_chair_user,
    fixture_clerk,
    schedule,
)

pytestmark = pytest.mark.django_db


def test_r_hea_010_full_path_from_notice_to_decision(
    filed_case, handler, head, lead, co, chair, chair_user, clerk, legal_reviewer
):
    investigate(filed_case, handler, lead, co, fine=FINE, kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    approve_legal_review(filed_case, handler=handler, reviewer=legal_reviewer)  # R-REV-004: before the notice
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    with time_machine.travel("2026-03-04T02:00:00Z", tick=False):
        case = services.request_hearing(actor=handler, case=filed_case, sent_on=date(2026, 3, 4))
        assert (case.state, Hearing.objects.get(penalty_case=case).state) == ("hearing", "requested")
        hearing = schedule(case, head, chair, clerk=clerk, notice_sent_on=date(2026, 3, 4), day=date(2026, 3, 13))
    services.add_agent(actor=handler, hearing=hearing, name="刘律师", capacity="律师", authorization="委托书2026-01")
    with time_machine.travel("2026-03-13T08:00:00Z", tick=False):
        hearing = services.record_hearing_held(
            actor=chair_user,
            hearing=hearing,
            held_at=at(date(2026, 3, 13)),
            party_attended=True,
            transcript="调查人员提出违法事实、证据和处罚建议；当事人及代理人申辩、质证；当事人核对后签字。",
            transcript_signed=True,
        )
        hearing = services.submit_hearing_report(
            actor=chair_user, hearing=hearing, report="事实清楚，证据确凿，建议维持拟作出的处罚。"
        )
    case = PenaltyCase.objects.get(pk=case.pk)
    assert (hearing.state, hearing.reported_on, hearing.reported_by) == ("reported", date(2026, 3, 13), chair_user)
    assert (case.state, case.requires_legal_review, case.legal_review_reasons[-1]) == (
        "awaiting_decision",
        True,
        "经过听证",
    )
    # R-REV-004: the review approved before the notice does not cover the hearing (R-REV-001): no decision …
    with time_machine.travel("2026-03-13T08:00:00Z", tick=False):  # not before the hearing report (R-HEA-010)
        with pytest.raises(CaseError) as excinfo:
            services.decide_case(
                actor=head, case=case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=FINE
            )
        assert excinfo.value.field == "legal_review"
        # … until the hearing record is reviewed and the heads decide collectively (R-PEN-014): the head decides.
        approve_legal_review(case, handler=handler, reviewer=legal_reviewer)
        approve_major_decision(case, head=head, members=[deputy_head(head.agency), legal_reviewer])
        case = services.decide_case(
            actor=head, case=case, decision_kind="penalty", penalty_kinds=["fine"], fine_amount=FINE
        )
    assert (case.state, case.fine_amount) == ("decided", FINE)  # the proposal reviewed and discussed
    hearing_events = Event.objects.filter(subject_type="cases.hearing", subject_id=str(hearing.pk))
    assert list(hearing_events.order_by("sequence").values_list("event_type", flat=True)) == [
        "hearing.scheduled",
        "hearing.agent_added",
        "hearing.held",
        "hearing.reported",
    ]


def test_r_hea_010_full_path_through_the_api(
    api_client, filed_case, handler, head, lead, co, chair, chair_user, legal_reviewer
):
    investigate(filed_case, handler, lead, co, fine=FINE, kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    approve_legal_review(filed_case, handler=handler, reviewer=legal_reviewer)  # R-REV-004: before the notice
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    api_client.force_authenticate(handler)
    case_url = f"/api/v1/penalty-cases/{filed_case.pk}"
    response = api_client.post(f"{case_url}/request-hearing/", {"sent_on": "2026-03-02"}, format="json")
    assert (response.status_code, response.json()["state"]) == (200, "hearing")
    hearing_id = api_client.get(f"/api/v1/hearings/?penalty_case={filed_case.pk}").json()["results"][0]["id"]
    body = {
        "penalty_case": filed_case.pk,
        "presiding_officer": chair.pk,
        "scheduled_at": "2026-03-11T09:00:00+08:00",
        "place": "本局三楼听证室",
        "notice_sent_on": "2026-03-02",
    }
    api_client.force_authenticate(head)  # the agency names the chair (R-HEA-006)
    response = api_client.post("/api/v1/hearings/", body, format="json")
    assert (response.status_code, response.json()["id"], response.json()["state"]) == (200, hearing_id, "scheduled")
    api_client.force_authenticate(handler)
    url = f"/api/v1/hearings/{hearing_id}"
    response = api_client.post(f"{url}/agents/", {"name": "刘律师", "capacity": "律师"}, format="json")
    assert (response.status_code, [a["name"] for a in response.json()["agents"]]) == (201, ["刘律师"])
    api_client.force_authenticate(chair_user)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        hold = {
            "held_at": "2026-03-11T09:00:00+08:00",
            "party_attended": True,
            "transcript": "听证笔录全文",
            "transcript_signed": True,
        }
        response = api_client.post(f"{url}/hold/", hold, format="json")
        assert (response.status_code, response.json()["state"]) == (200, "held")
        response = api_client.post(f"{url}/report/", {"report": "建议维持"}, format="json")
        assert (response.status_code, response.json()["state"], response.json()["reported_on"]) == (
            200,
            "reported",
            "2026-03-11",
        )
    api_client.force_authenticate(head)
    response = api_client.get(f"{case_url}/")
    assert (response.json()["state"], response.json()["requires_legal_review"]) == ("awaiting_decision", True)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):  # not before the hearing report (R-HEA-010)
        decision = {"decision_kind": "penalty", "penalty_kinds": ["fine"], "fine_amount": "60000.00"}
        response = api_client.post(f"{case_url}/decide/", decision, format="json")
        assert (response.status_code, response.json()["field"]) == (400, "legal_review")  # R-REV-004, R-REV-001
        approve_legal_review(filed_case, handler=handler, reviewer=legal_reviewer)
        approve_major_decision(filed_case, head=head, members=[deputy_head(head.agency), legal_reviewer])  # R-PEN-014
        response = api_client.post(f"{case_url}/decide/", decision, format="json")
    assert (response.status_code, response.json()["state"]) == (200, "decided")
