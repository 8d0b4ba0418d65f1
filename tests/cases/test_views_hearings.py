"""Staff UI of 听证: the hearing page from the case page, one form per step (schedule with the chair and clerk and
the 7-working-day notice, agents ≤2, recusal, the record of the hearing, the report, the waiver) — each happy path
changes the state and writes its ledger event; each refusal shows the service's Chinese message on the field and
changes nothing; read-only supervisors, data scope."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from zhifa.cases import services
from zhifa.cases.models import Hearing, HearingAgent, HearingRecusal, PenaltyCase
from zhifa.ledger.models import Event

from .hearing_support import (  # noqa: F401  (fixtures)
    fixture_chair,
    fixture_chair_user,
    fixture_clerk,
    fixture_hearing_case,
    fixture_review_gate_open,
    hold,
    schedule,
)

pytestmark = pytest.mark.django_db

NOT_PARTICIPANT = "听证情况由听证主持人、书记员或本单位负责人记录，调查人员不得记录（R-HEA-006）"
PAGE_NOT_PARTICIPANT = "需由听证主持人、书记员或本单位负责人记录，调查人员不得记录（R-HEA-006）"


def _hearing(case):
    return Hearing.objects.get(penalty_case=case)


def _page(client, user, hearing, status=200):
    client.force_login(user)
    response = client.get(f"/hearings/{hearing.pk}/")
    assert response.status_code == status
    return response


def _post(client, user, hearing, action, data=None, **extra):
    client.force_login(user)
    return client.post(f"/hearings/{hearing.pk}/steps/{action}/", data or {}, **extra)


def _steps(response):
    return [(p.step.action, p.step.blocked) for p in response.context["panels"]]


def _errors(response, action):
    return next(p for p in response.context["panels"] if p.step.action == action).form.errors


def _events():
    return list(Event.objects.filter(event_type__startswith="hearing.").values_list("event_type", flat=True))


def _schedule_data(chair, **overrides):
    return {
        "schedule-presiding_officer": chair.pk,
        "schedule-scheduled_at": "2026-03-11T09:00",
        "schedule-place": "本局三楼听证室",
        "schedule-notice_sent_on": "2026-03-02",
        "schedule-is_public": "on",
        **overrides,
    }


def test_case_page_links_the_hearing_and_says_what_ends_it(client, hearing_case, handler):
    client.force_login(handler)
    response = client.get(f"/cases/{hearing_case.pk}/")
    hearing = _hearing(hearing_case)
    assert f'href="/hearings/{hearing.pk}/"' in response.content.decode()
    assert dict(_steps(response))["conclude-hearing"] == (
        "听证尚未安排：请在听证页面指定听证主持人（未参与本案调查的人员），并在举行听证七个工作日前送达听证通知"
        "（R-HEA-004、R-HEA-006）"
    )


def test_case_page_shows_the_scheduled_hearing(client, hearing_case, handler, chair, head):
    schedule(hearing_case, head, chair)
    client.force_login(handler)
    steps = dict(_steps(client.get(f"/cases/{hearing_case.pk}/")))
    assert steps["conclude-hearing"] == (
        "听证定于2026年3月11日09:00在本局三楼听证室举行；举行后由听证主持人（书记员）在听证页面记录笔录并出具听证报告，"
        "案件即报请决定（R-HEA-006、R-HEA-009、R-HEA-010）"
    )


def test_anonymous_is_sent_to_login(client, hearing_case):
    hearing = _hearing(hearing_case)
    assert client.get(f"/hearings/{hearing.pk}/").status_code == 302
    assert client.post(f"/hearings/{hearing.pk}/steps/waive/").status_code == 302


def test_requested_hearing_page_for_the_handler(client, hearing_case, handler):
    """The handler registers agents; the hearing itself is recorded by the chair, the clerk or the head (R-HEA-006)."""
    response = _page(client, handler, _hearing(hearing_case))
    assert _steps(response) == [
        ("schedule", "听证主持人由行政机关指定：需由本单位负责人安排听证（R-HEA-006）"),
        ("agents", ""),
        ("recusals", "需由本单位负责人批准或决定"),
        ("hold", PAGE_NOT_PARTICIPANT),
        ("waive", PAGE_NOT_PARTICIPANT),
    ]
    assert "尚未通知（应在举行听证七个工作日前送达，R-HEA-004）" in response.content.decode()


def test_requested_hearing_page_for_the_head(client, hearing_case, head):
    assert _steps(_page(client, head, _hearing(hearing_case))) == [
        ("schedule", ""),
        ("agents", ""),
        ("recusals", ""),
        ("hold", "尚未安排听证：须先指定听证主持人并送达听证通知（R-HEA-004、R-HEA-006）"),
        ("waive", ""),
    ]


def test_supervisor_reads_only_and_a_post_is_refused(client, hearing_case, supervisor, chair):
    hearing = _hearing(hearing_case)
    response = _page(client, supervisor, hearing)
    assert (response.context["read_only"], response.context["panels"]) == (True, [])
    assert _post(client, supervisor, hearing, "schedule", _schedule_data(chair)).status_code == 403
    assert _hearing(hearing_case).state == "requested"


@pytest.mark.parametrize("persona", ["other_agency_handler", "neighbour_handler", "other_region_supervisor"])
def test_outside_the_scope_is_404(client, request, hearing_case, persona, chair):
    user = request.getfixturevalue(persona)
    hearing = _hearing(hearing_case)
    _page(client, user, hearing, status=404)
    assert _post(client, user, hearing, "schedule", _schedule_data(chair)).status_code == 404


def test_unknown_step_is_404(client, hearing_case, handler):
    assert _post(client, handler, _hearing(hearing_case), "delete").status_code == 404


# --- 安排听证 (R-HEA-004, R-HEA-006) -------------------------------------------------------------------------------


def test_r_hea_004_schedule_on_the_seventh_working_day(client, hearing_case, handler, chair, clerk, head):
    hearing = _hearing(hearing_case)
    response = _post(client, head, hearing, "schedule", _schedule_data(chair, **{"schedule-clerk": clerk.pk}))
    assert (response.status_code, response["Location"]) == (302, f"/hearings/{hearing.pk}/")
    hearing = _hearing(hearing_case)
    assert (hearing.state, hearing.presiding_officer_id, hearing.clerk_id) == ("scheduled", chair.pk, clerk.pk)
    assert _events() == ["hearing.scheduled"]
    steps = dict(_steps(_page(client, chair.user, hearing)))
    assert steps["hold"] == "听证通知于2026年3月2日送达，听证最早可于2026年3月11日举行（R-HEA-004）"


def test_r_hea_004_a_hearing_the_day_before_is_refused_on_the_field(client, hearing_case, handler, chair, head):
    hearing = _hearing(hearing_case)
    response = _post(
        client, head, hearing, "schedule", _schedule_data(chair, **{"schedule-scheduled_at": "2026-03-10T09:00"})
    )
    assert response.status_code == 400
    assert _errors(response, "schedule") == {
        "scheduled_at": [
            "应当在举行听证的七个工作日前通知当事人听证的时间、地点：2026年3月2日送达通知的，听证最早可定于2026年3月11日"
            "（R-HEA-004）"
        ]
    }
    assert (_hearing(hearing_case).state, _events()) == ("requested", [])


def test_r_hea_006_an_investigator_cannot_chair(client, hearing_case, handler, lead, head):
    hearing = _hearing(hearing_case)
    response = _post(client, head, hearing, "schedule", _schedule_data(lead), HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx: the card with the message
    assert response.context["panel"].form.errors == {
        "presiding_officer": ["李承办是本案的调查人员，不得担任听证主持人（R-HEA-006）"]
    }
    assert _hearing(hearing_case).presiding_officer_id is None


# --- 委托代理人 (R-HEA-007) ------------------------------------------------------------------------------------------


def test_r_hea_007_two_agents_then_the_step_says_why_not_a_third(client, hearing_case, handler):
    hearing = _hearing(hearing_case)
    for name in ("张律师", "王经理"):
        response = _post(client, handler, hearing, "agents", {"agents-name": name, "agents-capacity": "律师"})
        assert response.status_code == 302
    assert list(HearingAgent.objects.values_list("name", flat=True)) == ["张律师", "王经理"]
    assert _events() == ["hearing.agent_added"] * 2
    steps = dict(_steps(_page(client, handler, hearing)))
    assert steps["agents"] == "已委托两名代理人，不得再委托（R-HEA-007）"


def test_r_hea_007_a_third_agent_is_refused_on_the_field(client, hearing_case, handler):
    hearing = _hearing(hearing_case)
    for name in ("张律师", "王经理"):
        services.add_agent(actor=handler, hearing=hearing, name=name)
    response = _post(client, handler, hearing, "agents", {"agents-name": "李三"}, HTTP_HX_REQUEST="true")
    assert response.context["panel"].form.errors == {
        "name": ["当事人可以委托一至二人代理参加听证，不得委托第三名代理人（R-HEA-007）"]
    }
    assert HearingAgent.objects.count() == 2


# --- 回避 (R-HEA-006) ----------------------------------------------------------------------------------------------


def test_r_hea_006_granted_recusal_removes_the_chair(client, hearing_case, handler, head, chair):
    hearing = schedule(hearing_case, head, chair)
    data = {
        "recusals-officer": chair.pk,
        "recusals-requested_on": "2026-03-02",
        "recusals-reason": "与当事人有利害关系",
        "recusals-granted": "on",
    }
    assert _post(client, head, hearing, "recusals", data).status_code == 302
    assert (_hearing(hearing_case).presiding_officer_id, _events()[-1]) == (None, "hearing.recusal_decided")
    steps = dict(_steps(_page(client, head, hearing)))
    assert steps["hold"] == "听证主持人已决定回避，须重新指定听证主持人并重新通知（R-HEA-006）"
    assert dict(_steps(_page(client, chair.user, hearing)))["hold"] == PAGE_NOT_PARTICIPANT  # no longer sits


def test_recusal_without_reason_is_refused_on_the_field(client, hearing_case, head, chair):
    hearing = _hearing(hearing_case)
    data = {"recusals-officer": chair.pk, "recusals-requested_on": "2026-03-02", "recusals-reason": ""}
    response = _post(client, head, hearing, "recusals", data)
    assert response.status_code == 400
    assert _errors(response, "recusals") == {"reason": ["请填写申请回避的理由"]}
    assert HearingRecusal.objects.count() == 0


# --- 举行, 报告 (R-HEA-009, R-HEA-010) ----------------------------------------------------------------------------


def _hold_data(**overrides):
    return {
        "hold-held_at": "2026-03-11T09:00",
        "hold-party_attended": "on",
        "hold-transcript": "调查人员提出事实、证据和处罚建议；当事人进行申辩和质证。",
        "hold-transcript_signed": "on",
        **overrides,
    }


def test_r_hea_009_hearing_held_then_reported_moves_the_case_to_the_decision(
    client, hearing_case, handler, chair, head
):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        assert _post(client, chair.user, hearing, "hold", _hold_data()).status_code == 302
        assert (_hearing(hearing_case).state, _events()[-1]) == ("held", "hearing.held")
        assert [a for a, _ in _steps(_page(client, handler, hearing))] == ["report"]
        data = {"report-report": "建议维持拟处罚意见", "report-reported_on": "2026-03-11"}
        assert _post(client, chair.user, hearing, "report", data).status_code == 302
    assert (_hearing(hearing_case).state, _events()[-1]) == ("reported", "hearing.reported")
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "awaiting_decision"
    html = _page(client, handler, hearing).content.decode()
    assert "建议维持拟处罚意见" in html and "听证已经结束，案件进入决定环节。" in html


def test_r_hea_009_no_transcript_is_refused_on_the_field(client, hearing_case, handler, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        response = _post(client, chair.user, hearing, "hold", _hold_data(**{"hold-transcript": ""}))
    assert response.status_code == 400
    assert _errors(response, "hold") == {"transcript": ["未制作听证笔录的，不能记录听证已举行（R-HEA-009）"]}
    assert (_hearing(hearing_case).state, _events()) == ("scheduled", ["hearing.scheduled"])


def test_r_hea_010_empty_report_is_refused_on_the_field(client, hearing_case, handler, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        hold(hearing, chair.user)
        response = _post(
            client, chair.user, hearing, "report", {"report-report": "", "report-reported_on": "2026-03-11"}
        )
    assert _errors(response, "report") == {"report": ["请填写听证报告（R-HEA-010）"]}
    assert _hearing(hearing_case).state == "held"
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "hearing"


# --- 放弃听证 (R-HEA-008) ------------------------------------------------------------------------------------------


def test_r_hea_008_written_withdrawal(client, hearing_case, head):
    """No chair is named yet: the head records the withdrawal (R-HEA-006)."""
    hearing = _hearing(hearing_case)
    data = {"waive-reason": "withdrawn", "waive-waived_on": "2026-03-02", "waive-note": "当事人书面撤回"}
    assert _post(client, head, hearing, "waive", data).status_code == 302
    assert (_hearing(hearing_case).state, _events()) == ("waived", ["hearing.waived"])
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "awaiting_decision"


def test_r_hea_008_absence_before_any_notice_is_refused_on_the_field(client, hearing_case, head):
    hearing = _hearing(hearing_case)
    response = _post(client, head, hearing, "waive", {"waive-reason": "absent", "waive-waived_on": "2026-03-02"})
    assert _errors(response, "waive") == {
        "reason": ["未依法通知听证时间、地点的，不能认定当事人拒不出席或者中途退出（R-HEA-004、R-HEA-008）"]
    }
    assert (_hearing(hearing_case).state, PenaltyCase.objects.get(pk=hearing_case.pk).state) == ("requested", "hearing")


# --- R-HEA-006: the investigators are a side at the hearing — they do not record it ------------------------------


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("hold", _hold_data()),
        ("waive", {"waive-reason": "absent", "waive-waived_on": "2026-03-11"}),
        ("report", {"report-report": "建议维持", "report-reported_on": "2026-03-11"}),
    ],
)
def test_r_hea_006_the_investigating_handler_may_not_record_the_hearing(
    client, hearing_case, handler, chair, head, action, data
):
    """The page says why the step is blocked; a POST anyway is 403 with the message and changes nothing."""
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        if action == "report":
            hold(hearing, chair.user)
        assert dict(_steps(_page(client, handler, hearing)))[action] == PAGE_NOT_PARTICIPANT
        before = (Hearing.objects.filter(pk=hearing.pk).values().get(), _events())
        response = _post(client, handler, hearing, action, data)
    assert (response.status_code, _errors(response, action)) == (403, {"__all__": [NOT_PARTICIPANT]})
    assert (Hearing.objects.filter(pk=hearing.pk).values().get(), _events()) == before
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "hearing"


def test_r_hea_006_the_handler_may_still_register_an_agent(client, hearing_case, handler, chair, head):
    hearing = schedule(hearing_case, head, chair)
    assert dict(_steps(_page(client, handler, hearing)))["agents"] == ""
    response = _post(client, handler, hearing, "agents", {"agents-name": "张律师", "agents-capacity": "律师"})
    assert (response.status_code, response["Location"]) == (302, f"/hearings/{hearing.pk}/")
    assert (list(HearingAgent.objects.values_list("name", "recorded_by")), _events()[-1]) == (
        [("张律师", handler.pk)],
        "hearing.agent_added",
    )


def test_timeline_in_chinese(client, hearing_case, handler, chair, head):
    hearing = schedule(hearing_case, head, chair)
    services.add_agent(actor=handler, hearing=hearing, name="张律师")
    rows = _page(client, handler, hearing).context["events"]
    assert [(r.label, r.actor) for r in rows] == [("安排听证并送达通知", "郑负责"), ("登记委托代理人", "李承办")]
    assert date(2026, 3, 11) == _page(client, handler, hearing).context["earliest_day"]
