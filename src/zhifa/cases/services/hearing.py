"""听证 (行政处罚法 第63–65条; R-HEA-004..010): schedule with a notice at least seven working days ahead, a chair
who did not investigate, at most two agents, a checked and signed transcript, the hearing report — then the
case goes on to the decision with legal review (``notice.close_hearing_stage``).

Lock order in every step: the case, then its hearing (``_locked``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from zhifa.cases.choices import HearingClosedReason, HearingState, HearingWaiverReason, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import Hearing, HearingAgent, HearingRecusal, PenaltyCase
from zhifa.cases.models.hearing import MAX_AGENTS
from zhifa.cases.services._common import allow, lock
from zhifa.cases.services.notice import close_hearing_stage
from zhifa.core.calendar import add_working_days, format_day, today
from zhifa.ledger.services import record
from zhifa.personnel.choices import OfficerKind
from zhifa.personnel.models import Officer

HEARING_NOTICE_WORKING_DAYS = 7  # R-HEA-004 (处罚法 第64条 "七日" = WD per R-TIME-002)
NOT_SCHEDULER = "听证主持人由行政机关指定：只有本单位负责人可以安排听证、指定主持人（R-HEA-006）"
NOT_PARTICIPANT = "听证情况由听证主持人、书记员或本单位负责人记录，调查人员不得记录（R-HEA-006）"
NOT_AGENT_REGISTRAR = "只有本案承办人、听证主持人、书记员或本单位负责人可以登记委托代理人"
NOT_HEAD = "当事人申请回避的，由本单位负责人决定"


def earliest_hearing_day(notice_sent_on: date) -> date:
    """R-HEA-004, R-TIME-003: the 7th working day after the day the notice was served."""
    return add_working_days(notice_sent_on, HEARING_NOTICE_WORKING_DAYS)


def _event(hearing: Hearing, case: PenaltyCase, verb: str, actor: Any, **payload: Any) -> None:
    """The ledger event of a hearing step (R-REC-001): ``hearing.<verb>``."""
    record(
        event_type=f"hearing.{verb}",
        actor=actor,
        agency=case.agency,
        subject=hearing,
        payload={"case_number": case.case_number, "state": hearing.state, **payload},
    )


def _move(hearing: Hearing, transition: Any, action: str) -> None:
    if not can_proceed(transition):
        raise CaseStateConflict(f"听证当前状态为“{hearing.get_state_display()}”，不能{action}", field="state")
    transition()


def _locked(hearing: Hearing) -> tuple[PenaltyCase, Hearing]:
    """Lock the case, then the hearing (one order everywhere: no deadlocks)."""
    case = lock(hearing.penalty_case)
    return case, Hearing.objects.select_for_update().get(pk=hearing.pk)


def _investigator_ids(case: PenaltyCase) -> set[int]:
    """The case's handlers and every officer who took part in an investigative step."""
    handlers = set(case.handlers.values_list("officer_id", flat=True))
    steps = set(case.investigative_steps.values_list("officers", flat=True))
    return {pk for pk in handlers | steps if pk is not None}


def _check_chair(case: PenaltyCase, hearing: Hearing, officer: Officer) -> None:
    """R-HEA-006: named by the agency, not an investigator of the case, not recused."""
    if officer.agency_id != case.agency_id:
        raise CaseError("听证主持人应由本单位指定的人员担任（R-HEA-006）", field="presiding_officer")
    if not officer.is_on_post or officer.kind == OfficerKind.AUXILIARY:
        raise CaseError(
            f"{officer.name}不在岗或为执法辅助人员，不能担任听证主持人（R-HEA-006）", field="presiding_officer"
        )
    if officer.pk in _investigator_ids(case):
        raise CaseError(f"{officer.name}是本案的调查人员，不得担任听证主持人（R-HEA-006）", field="presiding_officer")
    if hearing.pk and hearing.recusals.filter(officer=officer, granted=True).exists():
        raise CaseError(f"{officer.name}已决定回避，不得担任听证主持人（R-HEA-006）", field="presiding_officer")


@transaction.atomic
def schedule_hearing(
    *,
    actor: Any,
    case: PenaltyCase,
    presiding_officer: Officer,
    scheduled_at: datetime,
    place: str,
    notice_sent_on: date,
    clerk: Officer | None = None,
    is_public: bool = True,
    closed_reason: str = "",
) -> Hearing:
    """听证通知: names the chair (R-HEA-006), the time and place notified ≥ 7 WD ahead (R-HEA-004), public or
    not (R-HEA-005). Creates the case's ``Hearing`` or re-schedules it (a new notice) until it is held."""
    case = lock(case)
    allow(actor, "cases.schedule_hearing", case, NOT_SCHEDULER)
    if case.state != PenaltyCaseState.HEARING:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不在听证环节", field="state")
    hearing = Hearing.objects.select_for_update().filter(penalty_case=case).first()
    if hearing is None:
        hearing = Hearing(penalty_case=case, requested_on=case.hearing_requested_on or notice_sent_on)
    if not can_proceed(hearing.schedule):
        raise CaseStateConflict(f"听证当前状态为“{hearing.get_state_display()}”，不能重新安排", field="state")
    _check_chair(case, hearing, presiding_officer)
    if clerk is not None and clerk.pk == presiding_officer.pk:
        raise CaseError("书记员不得由听证主持人兼任", field="clerk")
    if clerk is not None and clerk.agency_id != case.agency_id:
        raise CaseError("书记员应由本单位指定的人员担任", field="clerk")
    if not place.strip():
        raise CaseError("请填写听证地点（R-HEA-004）", field="place")
    if is_public and closed_reason:
        raise CaseError("公开举行的听证不应填写不公开理由（R-HEA-005）", field="closed_reason")
    if not is_public and closed_reason not in HearingClosedReason.values:
        raise CaseError(
            "听证不公开举行的，须说明涉及国家秘密、商业秘密或者个人隐私（R-HEA-005）", field="closed_reason"
        )
    if notice_sent_on > today():
        raise CaseError("听证通知送达日期不能晚于今天", field="notice_sent_on")
    if notice_sent_on < hearing.requested_on:
        raise CaseError("听证通知送达日期不能早于当事人申请听证的日期", field="notice_sent_on")
    earliest = earliest_hearing_day(notice_sent_on)
    if timezone.localdate(scheduled_at) < earliest:
        raise CaseError(
            f"应当在举行听证的七个工作日前通知当事人听证的时间、地点：{format_day(notice_sent_on)}送达通知的，"
            f"听证最早可定于{format_day(earliest)}（R-HEA-004）",
            field="scheduled_at",
        )
    rescheduled = hearing.state == HearingState.SCHEDULED
    hearing.presiding_officer = presiding_officer
    hearing.clerk = clerk
    hearing.scheduled_at = scheduled_at
    hearing.place = place.strip()
    hearing.notice_sent_on = notice_sent_on
    hearing.is_public = is_public
    hearing.closed_reason = "" if is_public else closed_reason
    hearing.schedule()
    hearing.save()
    _event(
        hearing,
        case,
        "rescheduled" if rescheduled else "scheduled",
        actor,
        presiding_officer_id=presiding_officer.pk,
        scheduled_at=scheduled_at.isoformat(),
        place=hearing.place,
        notice_sent_on=notice_sent_on,
        is_public=is_public,
        closed_reason=hearing.closed_reason,
    )
    return hearing


@transaction.atomic
def add_agent(*, actor: Any, hearing: Hearing, name: str, capacity: str = "", authorization: str = "") -> HearingAgent:
    """委托代理人 (R-HEA-007): one or two; a third is refused."""
    case, hearing = _locked(hearing)
    allow(actor, "cases.register_hearing_agent", case, NOT_AGENT_REGISTRAR)
    if hearing.state not in (HearingState.REQUESTED, HearingState.SCHEDULED):
        raise CaseStateConflict(f"听证当前状态为“{hearing.get_state_display()}”，不能再委托代理人", field="state")
    if not name.strip():
        raise CaseError("请填写代理人姓名", field="name")
    if hearing.agents.count() >= MAX_AGENTS:
        raise CaseError("当事人可以委托一至二人代理参加听证，不得委托第三名代理人（R-HEA-007）", field="agents")
    agent = HearingAgent.objects.create(
        hearing=hearing,
        name=name.strip(),
        capacity=capacity.strip(),
        authorization=authorization.strip(),
        recorded_by=actor,
    )
    _event(hearing, case, "agent_added", actor, agent_id=agent.pk, name=agent.name, capacity=agent.capacity)
    return agent


@transaction.atomic
def record_recusal(
    *, actor: Any, hearing: Hearing, officer: Officer, requested_on: date, reason: str, granted: bool
) -> HearingRecusal:
    """当事人申请回避 (R-HEA-006), decided by the head. A granted recusal removes the officer from the hearing;
    a new chair (or clerk) and a new notice follow (``schedule_hearing``)."""
    case, hearing = _locked(hearing)
    allow(actor, "cases.decide_case", case, NOT_HEAD)
    if hearing.state not in (HearingState.REQUESTED, HearingState.SCHEDULED):
        raise CaseStateConflict(f"听证当前状态为“{hearing.get_state_display()}”，不能再申请回避", field="state")
    if not reason.strip():
        raise CaseError("请填写申请回避的理由", field="reason")
    if requested_on > today():
        raise CaseError("申请日期不能晚于今天", field="requested_on")
    recusal = HearingRecusal.objects.create(
        hearing=hearing,
        officer=officer,
        requested_on=requested_on,
        reason=reason.strip(),
        granted=granted,
        decided_by=actor,
    )
    if granted:
        if hearing.presiding_officer_id == officer.pk:
            hearing.presiding_officer = None
        if hearing.clerk_id == officer.pk:
            hearing.clerk = None
        hearing.save(update_fields=["presiding_officer", "clerk", "updated_at"])
    _event(hearing, case, "recusal_decided", actor, recusal_id=recusal.pk, officer_id=officer.pk, granted=granted)
    return recusal


@transaction.atomic
def record_hearing_held(
    *,
    actor: Any,
    hearing: Hearing,
    held_at: datetime,
    party_attended: bool,
    transcript: str,
    transcript_signed: bool,
    signature_refusal_note: str = "",
) -> Hearing:
    """听证已举行 (R-HEA-009): the transcript is required, checked and signed by the party, or the refusal to
    sign noted by the chair. Nobody for the party attending is a waiver (R-HEA-008), not a hearing."""
    case, hearing = _locked(hearing)
    allow(actor, "cases.conduct_hearing", case, NOT_PARTICIPANT)
    if hearing.state != HearingState.SCHEDULED:
        raise CaseStateConflict(f"听证当前状态为“{hearing.get_state_display()}”，不能记录举行情况", field="state")
    if hearing.presiding_officer_id is None:
        raise CaseError("未指定听证主持人的，不能举行听证（R-HEA-006）", field="presiding_officer")
    assert hearing.notice_sent_on is not None  # set by schedule_hearing
    earliest = earliest_hearing_day(hearing.notice_sent_on)
    if timezone.localdate(held_at) < earliest:
        raise CaseError(f"听证不得早于{format_day(earliest)}举行（通知送达后第七个工作日，R-HEA-004）", field="held_at")
    if held_at > timezone.now():
        raise CaseError("举行时间不能晚于当前时间", field="held_at")
    if not party_attended and not hearing.agents.exists():
        raise CaseError("当事人及其委托代理人均未出席听证的，应记录为放弃听证（R-HEA-008）", field="party_attended")
    if not transcript.strip():
        raise CaseError("未制作听证笔录的，不能记录听证已举行（R-HEA-009）", field="transcript")
    if not transcript_signed and not signature_refusal_note.strip():
        raise CaseError(
            "听证笔录应当交当事人或者其代理人核对无误后签字或者盖章；拒绝签字或者盖章的，"
            "由听证主持人在笔录中注明（R-HEA-009）",
            field="transcript_signed",
        )
    _move(hearing, hearing.hold, "记录举行情况")
    hearing.held_at = held_at
    hearing.party_attended = party_attended
    hearing.transcript = transcript.strip()
    hearing.transcript_signed = transcript_signed
    hearing.signature_refusal_note = "" if transcript_signed else signature_refusal_note.strip()
    hearing.save()
    _event(
        hearing,
        case,
        "held",
        actor,
        held_at=held_at.isoformat(),
        party_attended=party_attended,
        transcript_signed=transcript_signed,
    )
    return hearing


@transaction.atomic
def record_hearing_waived(*, actor: Any, hearing: Hearing, reason: str, waived_on: date, note: str = "") -> Hearing:
    """放弃听证 (R-HEA-008): absent without good reason, left without permission, or a written withdrawal.
    The hearing ends and the case goes on to the decision (``close_hearing_stage``)."""
    case, hearing = _locked(hearing)
    allow(actor, "cases.conduct_hearing", case, NOT_PARTICIPANT)
    if reason not in HearingWaiverReason.values:
        raise CaseError("请选择放弃听证的情形（R-HEA-008）", field="reason")
    if not can_proceed(hearing.waive):
        raise CaseStateConflict(f"听证当前状态为“{hearing.get_state_display()}”，不能记录放弃听证", field="state")
    if waived_on > today():
        raise CaseError("放弃听证日期不能晚于今天", field="waived_on")
    if waived_on < hearing.requested_on:
        raise CaseError("放弃听证日期不能早于申请听证的日期", field="waived_on")
    if reason != HearingWaiverReason.WITHDRAWN:
        if hearing.state != HearingState.SCHEDULED or hearing.scheduled_at is None:
            raise CaseError(
                "未依法通知听证时间、地点的，不能认定当事人拒不出席或者中途退出（R-HEA-004、R-HEA-008）",
                field="reason",
            )
        if waived_on < timezone.localdate(hearing.scheduled_at):
            raise CaseError(
                f"听证定于{format_day(timezone.localdate(hearing.scheduled_at))}举行，此前不能认定当事人拒不出席"
                "或者中途退出（R-HEA-008）",
                field="waived_on",
            )
    hearing.waive()
    hearing.waiver_reason = reason
    hearing.waiver_note = note.strip()
    hearing.waived_on = waived_on
    hearing.save()
    _event(hearing, case, "waived", actor, reason=reason, waived_on=waived_on)
    close_hearing_stage(actor=actor, case=case)
    return hearing


@transaction.atomic
def submit_hearing_report(*, actor: Any, hearing: Hearing, report: str, reported_on: date | None = None) -> Hearing:
    """听证报告 (R-HEA-010): the decision is made on the transcript; the case goes on to the decision with legal
    review required (``close_hearing_stage``)."""
    case, hearing = _locked(hearing)
    allow(actor, "cases.conduct_hearing", case, NOT_PARTICIPANT)
    if hearing.state != HearingState.HELD:
        raise CaseStateConflict(
            f"听证当前状态为“{hearing.get_state_display()}”，听证举行并制作笔录后方可出具听证报告（R-HEA-009）",
            field="state",
        )
    if not hearing.transcript.strip():
        raise CaseError("未制作听证笔录的，不能出具听证报告（R-HEA-009）", field="transcript")
    if not report.strip():
        raise CaseError("请填写听证报告（R-HEA-010）", field="report")
    day = reported_on or today()
    assert hearing.held_at is not None  # set by record_hearing_held
    if day < timezone.localdate(hearing.held_at) or day > today():
        raise CaseError("听证报告日期应在听证举行之后且不晚于今天", field="reported_on")
    _move(hearing, hearing.submit_report, "出具听证报告")
    hearing.report = report.strip()
    hearing.reported_on = day
    hearing.reported_by = actor
    hearing.save()
    _event(hearing, case, "reported", actor, reported_on=day)
    close_hearing_stage(actor=actor, case=case)
    return hearing
