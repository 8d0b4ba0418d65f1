"""/api/v1/hearings/: anonymous 401, no permission 403, outside the data scope 404, refusals 400 with the Chinese
message and nothing changed; the list costs the same number of queries for 5 and 50 hearings."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.models import Hearing, HearingAgent, PenaltyCase
from zhifa.ledger.models import Event

from .hearing_support import (  # noqa: F401  (fixtures)
    fixture_chair,
    fixture_chair_user,
    fixture_hearing_case,
    fixture_review_gate_open,
    hold,
    schedule,
)

pytestmark = pytest.mark.django_db


def _schedule_body(case, chair, **overrides):
    return {
        "penalty_case": case.pk,
        "presiding_officer": chair.pk,
        "scheduled_at": "2026-03-11T09:00:00+08:00",
        "place": "本局三楼听证室",
        "notice_sent_on": "2026-03-02",
        **overrides,
    }


def test_anonymous_gets_401_and_nothing_changes(api_client, hearing_case, chair):
    hearing = Hearing.objects.get(penalty_case=hearing_case)
    assert api_client.get("/api/v1/hearings/").status_code == 401
    assert api_client.post("/api/v1/hearings/", _schedule_body(hearing_case, chair), format="json").status_code == 401
    assert api_client.post(f"/api/v1/hearings/{hearing.pk}/agents/", {"name": "刘"}, format="json").status_code == 401
    assert (Hearing.objects.get(pk=hearing.pk).state, HearingAgent.objects.count()) == ("requested", 0)


def test_same_agency_user_without_permission_gets_403(api_client, agency_admin, hearing_case, chair):
    api_client.force_authenticate(agency_admin)
    response = api_client.post("/api/v1/hearings/", _schedule_body(hearing_case, chair), format="json")
    assert (response.status_code, response.json()) == (
        403,
        {
            "code": "permission_denied",
            "field": None,
            "message": "听证主持人由行政机关指定：只有本单位负责人可以安排听证、指定主持人（R-HEA-006）",
        },
    )
    hearing = Hearing.objects.get(penalty_case=hearing_case)
    response = api_client.post(f"/api/v1/hearings/{hearing.pk}/agents/", {"name": "刘律师"}, format="json")
    assert (response.status_code, response.json()["message"]) == (
        403,
        "只有本案承办人、听证主持人、书记员或本单位负责人可以登记委托代理人",
    )
    assert (Hearing.objects.get(pk=hearing.pk).state, HearingAgent.objects.count()) == ("requested", 0)


def test_outside_the_data_scope_is_404(api_client, other_agency_handler, hearing_case, chair):
    hearing = Hearing.objects.get(penalty_case=hearing_case)
    api_client.force_authenticate(other_agency_handler)
    assert api_client.get("/api/v1/hearings/").json()["count"] == 0
    assert api_client.get(f"/api/v1/hearings/{hearing.pk}/").status_code == 404
    response = api_client.post(f"/api/v1/hearings/{hearing.pk}/agents/", {"name": "刘律师"}, format="json")
    assert response.status_code == 404
    response = api_client.post("/api/v1/hearings/", _schedule_body(hearing_case, chair), format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "penalty_case": [f"案件：编号为{hearing_case.pk}的记录不存在或不在您的数据范围内"],
            "presiding_officer": [f"听证主持人：编号为{chair.pk}的记录不存在或不在您的数据范围内"],
        },
    )
    assert (Hearing.objects.get(pk=hearing.pk).state, HearingAgent.objects.count()) == ("requested", 0)


def test_handler_reads_the_head_schedules(api_client, handler, head, hearing_case, chair):
    api_client.force_authenticate(handler)
    hearing = Hearing.objects.get(penalty_case=hearing_case)
    response = api_client.get(f"/api/v1/hearings/{hearing.pk}/")
    assert (response.status_code, response.json()["state_display"], response.json()["case_number"]) == (
        200,
        "已申请",
        hearing_case.case_number,
    )
    response = api_client.post("/api/v1/hearings/", _schedule_body(hearing_case, chair), format="json")
    assert response.status_code == 403 and "R-HEA-006" in response.json()["message"]  # the handler may not
    api_client.force_authenticate(head)
    response = api_client.post("/api/v1/hearings/", _schedule_body(hearing_case, chair), format="json")
    assert (response.status_code, response.json()["presiding_officer_name"]) == (200, "王主持")


def test_r_hea_004_refusal_is_400_with_the_message(api_client, head, hearing_case, chair):
    api_client.force_authenticate(head)
    body = _schedule_body(hearing_case, chair, scheduled_at="2026-03-10T09:00:00+08:00")
    response = api_client.post("/api/v1/hearings/", body, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "code": "case_refused",
            "field": "scheduled_at",
            "message": "应当在举行听证的七个工作日前通知当事人听证的时间、地点：2026年3月2日送达通知的，"
            "听证最早可定于2026年3月11日（R-HEA-004）",
        },
    )
    assert Hearing.objects.get(penalty_case=hearing_case).state == "requested"


def test_r_hea_007_third_agent_is_400(api_client, handler, hearing_case):
    hearing = Hearing.objects.get(penalty_case=hearing_case)
    api_client.force_authenticate(handler)
    for name in ("刘律师", "钱经理"):
        assert (
            api_client.post(f"/api/v1/hearings/{hearing.pk}/agents/", {"name": name}, format="json").status_code == 201
        )
    response = api_client.post(f"/api/v1/hearings/{hearing.pk}/agents/", {"name": "孙三"}, format="json")
    assert (response.status_code, response.json()["message"]) == (
        400,
        "当事人可以委托一至二人代理参加听证，不得委托第三名代理人（R-HEA-007）",
    )
    assert HearingAgent.objects.filter(hearing=hearing).count() == 2


def test_r_hea_008_waive_through_the_api_moves_the_case_on(api_client, head, hearing_case):
    """No chair is named yet: the head records the party's written withdrawal (R-HEA-006)."""
    hearing = Hearing.objects.get(penalty_case=hearing_case)
    api_client.force_authenticate(head)
    response = api_client.post(
        f"/api/v1/hearings/{hearing.pk}/waive/", {"reason": "withdrawn", "waived_on": "2026-03-02"}, format="json"
    )
    assert (response.status_code, response.json()["state"], response.json()["waiver_reason_display"]) == (
        200,
        "waived",
        "当事人书面撤回听证申请",
    )
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "awaiting_decision"


@pytest.mark.parametrize(
    ("action", "body"),
    [
        (
            "hold",
            {
                "held_at": "2026-03-11T09:00:00+08:00",
                "party_attended": True,
                "transcript": "笔录",
                "transcript_signed": True,
            },
        ),
        ("waive", {"reason": "absent", "waived_on": "2026-03-11"}),
        ("report", {"report": "建议维持"}),
    ],
)
def test_r_hea_006_the_investigating_handler_may_not_record_the_hearing(
    api_client, handler, head, hearing_case, chair, chair_user, action, body
):
    """403 with the message; the hearing, the case and the ledger unchanged."""
    hearing = schedule(hearing_case, head, chair)
    api_client.force_authenticate(handler)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        if action == "report":
            hold(hearing, chair_user)
        before = (Hearing.objects.filter(pk=hearing.pk).values().get(), Event.objects.count())
        response = api_client.post(f"/api/v1/hearings/{hearing.pk}/{action}/", body, format="json")
    assert (response.status_code, response.json()) == (
        403,
        {
            "code": "permission_denied",
            "field": None,
            "message": "听证情况由听证主持人、书记员或本单位负责人记录，调查人员不得记录（R-HEA-006）",
        },
    )
    assert (Hearing.objects.filter(pk=hearing.pk).values().get(), Event.objects.count()) == before
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "hearing"


def test_r_hea_006_the_handler_may_still_register_an_agent(api_client, handler, head, hearing_case, chair):
    hearing = schedule(hearing_case, head, chair)
    api_client.force_authenticate(handler)
    response = api_client.post(
        f"/api/v1/hearings/{hearing.pk}/agents/", {"name": "刘律师", "capacity": "律师"}, format="json"
    )
    assert (response.status_code, [a["name"] for a in response.json()["agents"]]) == (201, ["刘律师"])
    assert (HearingAgent.objects.get().recorded_by, Event.objects.filter(event_type="hearing.agent_added").count()) == (
        handler,
        1,
    )


def _bulk_hearings(agency, party, item, count, start):
    cases = PenaltyCase.objects.bulk_create(
        [
            PenaltyCase(
                agency=agency,
                case_number=f"H{start + i:05d}",
                party=party,
                enforcement_item=item,
                cause="批量",
                act_on=date(2026, 2, 1),
                discovered_on=date(2026, 2, 2),
                filed_on=date(2026, 2, 3),
                decision_deadline=date(2026, 5, 4),
                state="hearing",
            )
            for i in range(count)
        ]
    )
    return Hearing.objects.bulk_create([Hearing(penalty_case=c, requested_on=date(2026, 3, 2)) for c in cases])


def _count(api_client):
    api_client.get("/api/v1/hearings/")
    with CaptureQueriesContext(connection) as ctx:
        response = api_client.get("/api/v1/hearings/")
    assert response.status_code == 200
    return len(ctx), response.json()["count"]


def test_list_query_count_is_the_same_for_5_and_50_hearings(api_client, head, agency, company, item, chair):
    api_client.force_authenticate(head)
    hearings = _bulk_hearings(agency, company, item, 5, 0)
    HearingAgent.objects.bulk_create([HearingAgent(hearing=h, name="刘律师", recorded_by=head) for h in hearings])
    Hearing.objects.update(presiding_officer=chair)
    five = _count(api_client)
    more = _bulk_hearings(agency, company, item, 45, 100)
    HearingAgent.objects.bulk_create([HearingAgent(hearing=h, name="钱经理", recorded_by=head) for h in more])
    Hearing.objects.update(presiding_officer=chair)
    fifty = _count(api_client)
    assert (five[1], fifty[1]) == (5, 50)
    assert five[0] == fifty[0]
