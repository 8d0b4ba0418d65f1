"""听证 gates (R-HEA-004..010, R-TIME-003): each refusal with its exact message; nothing changes when refused."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.org.factories import UserFactory
from tests.personnel.factories import OfficerFactory
from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import Hearing, HearingAgent, PenaltyCase
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.org.choices import Role

from .hearing_support import (  # noqa: F401  (fixtures)
    at,
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
NOT_AGENT_REGISTRAR = "只有本案承办人、听证主持人、书记员或本单位负责人可以登记委托代理人"


def _hearing(case):
    return Hearing.objects.get(penalty_case=case)


def test_r_hea_003_request_creates_the_hearing_in_state_requested(hearing_case):
    hearing = _hearing(hearing_case)
    assert (hearing_case.state, hearing.state, hearing.requested_on) == ("hearing", "requested", date(2026, 3, 2))


# --- R-HEA-004: the notice at least 7 working days before (R-TIME-003: the notice day is not counted) --------


@pytest.mark.parametrize(("day", "ok"), [(date(2026, 3, 11), True), (date(2026, 3, 10), False)])
def test_r_hea_004_the_7th_working_day_after_the_notice_is_allowed_the_6th_refused(
    hearing_case, handler, chair, day, ok, head
):
    # Notice Mon 2 March; WD 3,4,5,6 | weekend | 9,10 (6th), 11 (7th).
    if ok:
        hearing = schedule(hearing_case, head, chair, day=day)
        assert (hearing.state, hearing.scheduled_at, hearing.presiding_officer) == ("scheduled", at(day), chair)
        assert Event.objects.filter(event_type="hearing.scheduled").count() == 1
    else:
        with pytest.raises(CaseError) as excinfo:
            schedule(hearing_case, head, chair, day=day)
        assert (excinfo.value.field, excinfo.value.message) == (
            "scheduled_at",
            "应当在举行听证的七个工作日前通知当事人听证的时间、地点：2026年3月2日送达通知的，"
            "听证最早可定于2026年3月11日（R-HEA-004）",
        )
        assert _hearing(hearing_case).state == "requested"


@pytest.mark.parametrize(("day", "ok"), [(date(2026, 4, 14), True), (date(2026, 4, 13), False)])
def test_r_hea_004_seven_working_days_skip_the_qingming_holiday(hearing_case, handler, chair, day, ok, head):
    # Notice Thu 2 April 2026; WD 3 April | 清明 4–6 April | 7,8,9,10, 13 (6th), 14 (7th).
    with time_machine.travel("2026-04-02T02:00:00Z", tick=False):
        if ok:
            assert schedule(hearing_case, head, chair, notice_sent_on=date(2026, 4, 2), day=day).state == ("scheduled")
        else:
            with pytest.raises(CaseError) as excinfo:
                schedule(hearing_case, head, chair, notice_sent_on=date(2026, 4, 2), day=day)
            assert excinfo.value.message == (
                "应当在举行听证的七个工作日前通知当事人听证的时间、地点：2026年4月2日送达通知的，"
                "听证最早可定于2026年4月14日（R-HEA-004）"
            )


def test_r_hea_004_notice_date_may_not_be_in_the_future(hearing_case, handler, chair, head):
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, chair, notice_sent_on=date(2026, 3, 3), day=date(2026, 3, 20))
    assert (excinfo.value.field, excinfo.value.message) == ("notice_sent_on", "听证通知送达日期不能晚于今天")


def test_r_hea_004_a_hearing_cannot_be_recorded_before_the_7th_working_day(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False), pytest.raises(CaseError) as excinfo:
        hold(hearing, chair_user, day=date(2026, 3, 10))
    assert excinfo.value.message == "听证不得早于2026年3月11日举行（通知送达后第七个工作日，R-HEA-004）"
    assert _hearing(hearing_case).state == "scheduled"


# --- R-HEA-005: public unless secrets or privacy -------------------------------------------------------------


def test_r_hea_005_a_closed_hearing_needs_the_legal_reason(hearing_case, handler, chair, head):
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, chair, is_public=False)
    assert (excinfo.value.field, excinfo.value.message) == (
        "closed_reason",
        "听证不公开举行的，须说明涉及国家秘密、商业秘密或者个人隐私（R-HEA-005）",
    )
    hearing = schedule(hearing_case, head, chair, is_public=False, closed_reason="trade_secret")
    assert (hearing.is_public, hearing.get_closed_reason_display()) == (False, "涉及商业秘密")


def test_r_hea_005_a_public_hearing_has_no_closed_reason(hearing_case, handler, chair, head):
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, chair, is_public=True, closed_reason="privacy")
    assert excinfo.value.message == "公开举行的听证不应填写不公开理由（R-HEA-005）"


# --- R-HEA-006: the chair did not investigate; recusal on request ----------------------------------------------


@pytest.mark.parametrize("who", ["lead", "co"])
def test_r_hea_006_chair_who_investigated_is_refused(hearing_case, handler, lead, co, who, head):
    officer = {"lead": lead, "co": co}[who]
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, officer)
    assert (excinfo.value.field, excinfo.value.message) == (
        "presiding_officer",
        f"{officer.name}是本案的调查人员，不得担任听证主持人（R-HEA-006）",
    )
    assert _hearing(hearing_case).presiding_officer_id is None


def test_r_hea_006_chair_from_another_agency_is_refused(hearing_case, handler, other_agency, head):
    outsider = OfficerFactory(agency=other_agency, name="钱外局")
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, outsider)
    assert excinfo.value.message == "听证主持人应由本单位指定的人员担任（R-HEA-006）"


def test_r_hea_006_auxiliary_staff_cannot_chair(hearing_case, handler, agency, head):
    helper = OfficerFactory(agency=agency, name="孙辅助", auxiliary=True)
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, helper)
    assert excinfo.value.message == "孙辅助不在岗或为执法辅助人员，不能担任听证主持人（R-HEA-006）"


def test_r_hea_006_the_clerk_is_not_the_chair(hearing_case, handler, chair, head):
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, chair, clerk=chair)
    assert (excinfo.value.field, excinfo.value.message) == ("clerk", "书记员不得由听证主持人兼任")


def test_r_hea_006_granted_recusal_removes_the_chair_for_good(hearing_case, handler, head, chair, chair_user, agency):
    hearing = schedule(hearing_case, head, chair)
    with pytest.raises(PermissionDenied):
        services.record_recusal(
            actor=handler, hearing=hearing, officer=chair, requested_on=date(2026, 3, 2), reason="近亲属", granted=True
        )
    services.record_recusal(
        actor=head,
        hearing=hearing,
        officer=chair,
        requested_on=date(2026, 3, 2),
        reason="与当事人有利害关系",
        granted=True,
    )
    hearing.refresh_from_db()
    assert hearing.presiding_officer_id is None
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        with pytest.raises(PermissionDenied) as excinfo:
            hold(hearing, chair_user)  # recused: no longer sits on the hearing
        assert excinfo.value.message == NOT_PARTICIPANT
        with pytest.raises(CaseError) as excinfo:
            hold(hearing, head)
    assert excinfo.value.message == "未指定听证主持人的，不能举行听证（R-HEA-006）"
    with pytest.raises(CaseError) as excinfo:
        schedule(hearing_case, head, chair)
    assert excinfo.value.message == "王主持已决定回避，不得担任听证主持人（R-HEA-006）"
    other = OfficerFactory(agency=agency, name="吴主持")
    assert schedule(hearing_case, head, other).presiding_officer == other


def test_r_hea_006_refused_recusal_keeps_the_chair(hearing_case, handler, head, chair):
    hearing = schedule(hearing_case, head, chair)
    services.record_recusal(
        actor=head, hearing=hearing, officer=chair, requested_on=date(2026, 3, 2), reason="无事实依据", granted=False
    )
    hearing.refresh_from_db()
    assert (hearing.presiding_officer, hearing.recusals.get().granted) == (chair, False)


# --- R-HEA-007: one or two agents ---------------------------------------------------------------------------


def test_r_hea_007_a_third_agent_is_refused(hearing_case, handler):
    hearing = _hearing(hearing_case)
    services.add_agent(actor=handler, hearing=hearing, name="刘律师", capacity="律师")
    services.add_agent(actor=handler, hearing=hearing, name="钱经理", capacity="工作人员")
    with pytest.raises(CaseError) as excinfo:
        services.add_agent(actor=handler, hearing=hearing, name="孙三", capacity="近亲属")
    assert (excinfo.value.field, excinfo.value.message) == (
        "agents",
        "当事人可以委托一至二人代理参加听证，不得委托第三名代理人（R-HEA-007）",
    )
    assert list(HearingAgent.objects.filter(hearing=hearing).values_list("name", flat=True)) == ["刘律师", "钱经理"]


# --- R-HEA-008: absence or leaving = waiver; the case goes on to the decision ----------------------------------


def test_r_hea_008_waived_on_absence_continues_to_awaiting_decision(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        hearing = services.record_hearing_waived(
            actor=chair_user, hearing=hearing, reason="absent", waived_on=date(2026, 3, 11), note="经两次电话通知未到场"
        )
    case = PenaltyCase.objects.get(pk=hearing_case.pk)
    assert (hearing.state, hearing.get_waiver_reason_display()) == ("waived", "无正当理由拒不出席听证")
    assert (case.state, case.requires_legal_review, "经过听证" in case.legal_review_reasons) == (
        "awaiting_decision",
        True,
        False,
    )
    assert list(
        Event.objects.filter(event_type__in=["hearing.waived", "penalty_case.hearing_concluded"])
        .order_by("sequence")
        .values_list("event_type", flat=True)
    ) == [
        "hearing.waived",
        "penalty_case.hearing_concluded",
    ]


def test_r_hea_008_absence_cannot_be_found_before_the_hearing_day(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with pytest.raises(CaseError) as excinfo:
        services.record_hearing_waived(actor=chair_user, hearing=hearing, reason="absent", waived_on=date(2026, 3, 2))
    assert excinfo.value.message == "听证定于2026年3月11日举行，此前不能认定当事人拒不出席或者中途退出（R-HEA-008）"
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "hearing"


def test_r_hea_008_absence_needs_a_notified_hearing(hearing_case, head):
    with pytest.raises(CaseError) as excinfo:
        services.record_hearing_waived(
            actor=head, hearing=_hearing(hearing_case), reason="left", waived_on=date(2026, 3, 2)
        )
    assert excinfo.value.message == (
        "未依法通知听证时间、地点的，不能认定当事人拒不出席或者中途退出（R-HEA-004、R-HEA-008）"
    )


def test_r_hea_008_a_written_withdrawal_before_scheduling_ends_the_hearing(hearing_case, head):
    """No chair is named yet: the head records the withdrawal (R-HEA-006)."""
    hearing = services.record_hearing_waived(
        actor=head, hearing=_hearing(hearing_case), reason="withdrawn", waived_on=date(2026, 3, 2)
    )
    assert (hearing.state, PenaltyCase.objects.get(pk=hearing_case.pk).state) == ("waived", "awaiting_decision")


def test_r_hea_008_nobody_attending_is_a_waiver_not_a_hearing(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False), pytest.raises(CaseError) as excinfo:
        hold(hearing, chair_user, party_attended=False)
    assert (excinfo.value.field, excinfo.value.message) == (
        "party_attended",
        "当事人及其委托代理人均未出席听证的，应记录为放弃听证（R-HEA-008）",
    )


def test_r_hea_007_an_agent_alone_may_attend(hearing_case, handler, chair, chair_user, head):
    hearing = schedule(hearing_case, head, chair)
    services.add_agent(actor=handler, hearing=hearing, name="刘律师", capacity="律师")
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        assert hold(hearing, chair_user, party_attended=False).state == "held"


# --- R-HEA-009: transcript checked and signed, or the refusal noted ---------------------------------------------


def test_r_hea_009_held_requires_a_transcript(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False), pytest.raises(CaseError) as excinfo:
        hold(hearing, chair_user, transcript="  ")
    assert (excinfo.value.field, excinfo.value.message) == (
        "transcript",
        "未制作听证笔录的，不能记录听证已举行（R-HEA-009）",
    )
    assert _hearing(hearing_case).state == "scheduled"


def test_r_hea_009_unsigned_transcript_needs_the_chairs_note(hearing_case, chair_user, handler, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        with pytest.raises(CaseError) as excinfo:
            hold(hearing, chair_user, transcript_signed=False)
        assert excinfo.value.message == (
            "听证笔录应当交当事人或者其代理人核对无误后签字或者盖章；拒绝签字或者盖章的，"
            "由听证主持人在笔录中注明（R-HEA-009）"
        )
        held = hold(hearing, chair_user, transcript_signed=False, signature_refusal_note="当事人拒绝签字，已注明")
    assert (held.state, held.signature_refusal_note) == ("held", "当事人拒绝签字，已注明")


def test_r_hea_009_no_report_before_the_hearing_was_held(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with pytest.raises(CaseStateConflict) as excinfo:
        services.submit_hearing_report(actor=chair_user, hearing=hearing, report="建议维持")
    assert excinfo.value.message == "听证当前状态为“已通知”，听证举行并制作笔录后方可出具听证报告（R-HEA-009）"


def test_r_hea_009_conclude_hearing_needs_a_reported_or_waived_hearing(hearing_case, handler):
    with pytest.raises(CaseError) as excinfo:
        services.conclude_hearing(
            actor=handler, case=hearing_case, held_on=date(2026, 3, 2), transcript_summary="笔录摘要"
        )
    assert (excinfo.value.field, excinfo.value.message) == (
        "hearing",
        "听证尚未举行并出具听证报告，也未认定当事人放弃听证的，不能结束听证（R-HEA-009）",
    )
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "hearing"


# --- R-HEA-010: the report; permissions --------------------------------------------------------------------------


def test_r_hea_010_the_report_is_required(hearing_case, chair_user, chair, head):
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        hold(hearing, chair_user)
        with pytest.raises(CaseError) as excinfo:
            services.submit_hearing_report(actor=chair_user, hearing=hearing, report="")
    assert (excinfo.value.field, excinfo.value.message) == ("report", "请填写听证报告（R-HEA-010）")
    assert (_hearing(hearing_case).state, PenaltyCase.objects.get(pk=hearing_case.pk).state) == ("held", "hearing")


@pytest.mark.parametrize("who", ["other_agency_handler", "handler"])
def test_r_hea_006_only_the_agency_head_schedules_and_names_the_chair(request, hearing_case, chair, who):
    """The investigators do not choose who hears their case (R-HEA-006); another agency has no say at all."""
    with pytest.raises(PermissionDenied) as excinfo:
        schedule(hearing_case, request.getfixturevalue(who), chair)
    assert excinfo.value.message == "听证主持人由行政机关指定：只有本单位负责人可以安排听证、指定主持人（R-HEA-006）"
    assert _hearing(hearing_case).state == "requested"


def test_scheduling_needs_a_case_in_hearing(notified_case, head, chair):
    with pytest.raises(CaseStateConflict) as excinfo:
        schedule(notified_case, head, chair)
    assert excinfo.value.message == "案件当前状态为“已告知”，不在听证环节"
    assert Hearing.objects.count() == 0


# --- R-HEA-006: the investigators are a side at the hearing — they do not record it -----------------------------

RECORD = {
    "hold": lambda actor, hearing: hold(hearing, actor),
    "waive": lambda actor, hearing: services.record_hearing_waived(
        actor=actor, hearing=hearing, reason="absent", waived_on=date(2026, 3, 11)
    ),
    "report": lambda actor, hearing: services.submit_hearing_report(actor=actor, hearing=hearing, report="建议维持"),
}


@pytest.mark.parametrize("step", ["hold", "waive", "report"])
@pytest.mark.parametrize("who", ["handler", "colleague"])
def test_r_hea_006_an_investigating_handler_may_not_record_the_hearing(
    request, hearing_case, chair, chair_user, head, who, step
):
    """Neither the lead nor the co-handler records the hearing, a waiver or the report: refused with the message,
    nothing changes (the hearing, the case, the ledger)."""
    hearing = schedule(hearing_case, head, chair)
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        if step == "report":
            hold(hearing, chair_user)
        before = (Hearing.objects.filter(pk=hearing.pk).values().get(), Event.objects.count())
        with pytest.raises(PermissionDenied) as excinfo:
            RECORD[step](request.getfixturevalue(who), hearing)
    assert excinfo.value.message == NOT_PARTICIPANT
    assert (Hearing.objects.filter(pk=hearing.pk).values().get(), Event.objects.count()) == before
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "hearing"


@pytest.mark.parametrize("recorder", ["clerk", "head"])
def test_r_hea_006_the_clerk_or_the_head_records_the_hearing_and_the_report(
    hearing_case, agency, chair, head, recorder
):
    clerk_user = UserFactory(username="clerk", name="赵书记", agency=agency, roles=[Role.HANDLER])
    clerk = OfficerFactory(agency=agency, user=clerk_user, name="赵书记")
    hearing = schedule(hearing_case, head, chair, clerk=clerk)
    actor = {"clerk": clerk_user, "head": head}[recorder]
    with time_machine.travel("2026-03-11T08:00:00Z", tick=False):
        hold(hearing, actor)
        hearing = services.submit_hearing_report(actor=actor, hearing=hearing, report="建议维持")
    assert (hearing.state, hearing.reported_by) == ("reported", actor)
    assert PenaltyCase.objects.get(pk=hearing_case.pk).state == "awaiting_decision"


def test_r_hea_006_the_handler_may_still_register_the_partys_agent(hearing_case, handler, chair, head, agency_admin):
    """Registering the party's agents is clerical (R-HEA-007): the case's handlers may; a user of the agency who
    neither handles the case, sits on the hearing nor heads the agency may not."""
    hearing = schedule(hearing_case, head, chair)
    agent = services.add_agent(actor=handler, hearing=hearing, name="刘律师", capacity="律师")
    assert (agent.recorded_by, list(HearingAgent.objects.values_list("name", flat=True))) == (handler, ["刘律师"])
    assert Event.objects.filter(event_type="hearing.agent_added").count() == 1
    with pytest.raises(PermissionDenied) as excinfo:
        services.add_agent(actor=agency_admin, hearing=hearing, name="钱经理")
    assert excinfo.value.message == NOT_AGENT_REGISTRAR
    assert (HearingAgent.objects.count(), Event.objects.filter(event_type="hearing.agent_added").count()) == (1, 1)
