"""行刑衔接: 涉嫌犯罪案件移送 (R-TRN-001..012; 国务院令第310号).

Deadlines here are DUE, not BLOCK (RULES): a late approval, transfer, police reply, reconsideration request or
hand-over is recorded and flagged, never refused. The gates that refuse are the team (R-TRN-003), the refusal
reasons (R-TRN-004), the materials (R-TRN-006) and the procuratorate copy (R-TRN-012).

The transfer record runs beside the case's own decision flow: ``decide_case(decision_kind="transfer")`` still
needs its legal review (R-REV-004); the head's approval here is the 310号令 decision to transfer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from zhifa.cases.choices import (
    ClosingReason,
    CriminalTransferPoliceDecision,
    CriminalTransferState,
    PenaltyCaseState,
    TransferMaterial,
)
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import CriminalTransfer, PenaltyCase
from zhifa.cases.models.transfer import ACTIVE_STATES, SENT_STATES
from zhifa.cases.services._common import allow, check_officers, lock, move, note
from zhifa.cases.services.hooks import case_left_review
from zhifa.core.calendar import add_calendar_days, format_day, today
from zhifa.ledger.services import record
from zhifa.personnel.models import Officer

T = CriminalTransferState
S = PenaltyCaseState
MIN_TEAM = 2  # R-TRN-003
HEAD_DECISION_CALENDAR_DAYS = 3  # R-TRN-004 (no working-day clause: calendar days, not extended — conservative)
TRANSFER_HOURS = 24  # R-TRN-005 (clock hours, R-TIME-003)
POLICE_REPLY_CALENDAR_DAYS = 3  # R-TRN-007
RECONSIDERATION_CALENDAR_DAYS = 3  # R-TRN-008 (request, and the police's answer)
HANDOVER_CALENDAR_DAYS = 3  # R-TRN-009
REQUIRED_MATERIALS = (  # R-TRN-006 (310号令 第6条)
    TransferMaterial.TRANSFER_LETTER,
    TransferMaterial.INVESTIGATION_REPORT,
    TransferMaterial.ITEM_LIST,
    TransferMaterial.TEST_REPORTS,
)
# The case has left investigation (crime_suspected is set with the investigation report) and is still open.
PROPOSABLE_CASE_STATES = (
    S.UNDER_CASE_REVIEW,
    S.UNDER_LEGAL_REVIEW,
    S.UNDER_DISCUSSION,
    S.NOTIFIED,
    S.HEARING,
    S.AWAITING_DECISION,
    S.SUSPENDED,
)


def requires_procuratorate_copy(case: PenaltyCase) -> bool:
    """R-TRN-012: the 移送书 is copied to the same-level procuratorate. A locality setting; on by default, and no
    locality has switched it off yet (the hook where a per-agency setting will be read)."""
    return True


def untransferred_crime(case: PenaltyCase) -> bool:
    """R-TRN-001 有案不移: the case is crime-suspected and no transfer of it reached the police."""
    return bool(case.crime_suspected) and not case.criminal_transfers.filter(state__in=SENT_STATES).exists()


# --- plumbing -------------------------------------------------------------------------------------------------


def _lock(transfer: CriminalTransfer) -> CriminalTransfer:
    """Re-read the record (and its case) under a row lock: concurrent steps on one transfer are serialised."""
    return (
        CriminalTransfer.objects.select_for_update(of=("self",))
        .select_related("penalty_case", "penalty_case__agency", "penalty_case__enforcement_item")
        .get(pk=transfer.pk)
    )


def _move(transfer: CriminalTransfer, transition: Callable[[], None], action: str) -> None:
    if not can_proceed(transition):
        raise CaseStateConflict(f"移送记录当前状态为“{transfer.get_state_display()}”，不能{action}", field="state")
    transition()


def _note(transfer: CriminalTransfer, verb: str, actor: Any, **payload: Any) -> None:
    """The ledger event of a transfer step: ``criminal_transfer.<verb>``."""
    case = transfer.penalty_case
    record(
        event_type=f"criminal_transfer.{verb}",
        actor=actor,
        agency=case.agency,
        subject=transfer,
        payload={"case_id": case.pk, "case_number": case.case_number, "state": transfer.state, **payload},
    )


def _text(value: str, field: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise CaseError(message, field=field)
    return value


def _day_between(day: date, *, after: date, field: str, message: str) -> date:
    if day < after or day > today():
        raise CaseError(message, field=field)
    return day


# --- services -------------------------------------------------------------------------------------------------


@transaction.atomic
def propose_transfer(
    *, actor: Any, case: PenaltyCase, charge: str, facts: str, team: list[Officer]
) -> CriminalTransfer:
    """专案组报告 (R-TRN-003): a handler reports a crime-suspected case to the head; the head has 3 days (R-TRN-004)."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以提出移送涉嫌犯罪案件")
    if not case.crime_suspected:
        raise CaseError("本案未认定涉嫌犯罪，不能提出移送（R-TRN-002）", field="crime_suspected")
    closed_by_transfer = case.state == S.CLOSED and case.closing_reason == ClosingReason.TRANSFERRED
    if case.state not in PROPOSABLE_CASE_STATES and not closed_by_transfer:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不能提出移送", field="state")
    if CriminalTransfer.objects.filter(penalty_case=case, state__in=ACTIVE_STATES).exists():
        raise CaseStateConflict("本案已有正在办理或已完成的涉嫌犯罪案件移送", field="penalty_case")
    charge = _text(charge, "charge", "请填写涉嫌罪名")
    facts = _text(facts, "facts", "请填写涉嫌犯罪的事实")
    members = list({o.pk: o for o in team}.values())
    if len(members) < MIN_TEAM:
        raise CaseError(f"专案组应由{MIN_TEAM}名以上行政执法人员组成（R-TRN-003）", field="team")
    outsiders = [o.name for o in members if o.agency_id != case.agency_id]
    if outsiders:
        raise CaseError(f"{'、'.join(outsiders)}不是本单位执法人员，不能参加专案组（R-TRN-003）", field="team")
    now = timezone.now()
    chosen = check_officers(members, on=timezone.localdate(now), sector=case.enforcement_item.sector, field="team")
    transfer = CriminalTransfer.objects.create(
        penalty_case=case,
        charge=charge,
        facts=facts,
        proposed_at=now,
        proposed_by=actor,
        head_decision_deadline=add_calendar_days(timezone.localdate(now), HEAD_DECISION_CALENDAR_DAYS),
    )
    transfer.team.set(chosen)
    _note(
        transfer,
        "proposed",
        actor,
        charge=charge,
        team=[o.pk for o in chosen],
        head_decision_deadline=transfer.head_decision_deadline,
    )
    return transfer


@transaction.atomic
def approve_transfer(*, actor: Any, transfer: CriminalTransfer) -> CriminalTransfer:
    """负责人批准移送 (R-TRN-004); the police must have it within 24 hours (R-TRN-005). Late approval is flagged."""
    transfer = _lock(transfer)
    allow(actor, "cases.decide_case", transfer.penalty_case, "只有本单位负责人可以批准移送")
    _move(transfer, transfer.approve, "批准移送")
    transfer.approved_at = timezone.now()
    transfer.approved_by = actor
    transfer.transfer_deadline = transfer.approved_at + timedelta(hours=TRANSFER_HOURS)
    transfer.save()
    _note(
        transfer,
        "approved",
        actor,
        late=transfer.is_head_decision_late,
        head_decision_deadline=transfer.head_decision_deadline,
        transfer_deadline=transfer.transfer_deadline,
    )
    return transfer


@transaction.atomic
def refuse_transfer(*, actor: Any, transfer: CriminalTransfer, reason: str) -> CriminalTransfer:
    """负责人不批准移送: the reasons are recorded (R-TRN-004); the record goes back (已退回)."""
    transfer = _lock(transfer)
    allow(actor, "cases.decide_case", transfer.penalty_case, "只有本单位负责人可以决定不批准移送")
    _move(transfer, transfer.refuse, "决定不批准移送")
    transfer.refusal_reason = _text(reason, "reason", "不批准移送的，应当写明理由（R-TRN-004）")
    transfer.refused_at = timezone.now()
    transfer.refused_by = actor
    transfer.save()
    _note(
        transfer,
        "refused",
        actor,
        reason=transfer.refusal_reason,
        late=transfer.is_head_decision_late,
        head_decision_deadline=transfer.head_decision_deadline,
    )
    return transfer


def _check_materials(materials: list[str]) -> list[str]:
    """R-TRN-006: every statutory material is in the package."""
    unknown = [m for m in materials if m not in TransferMaterial.values]
    if unknown:
        raise CaseError(f"移送材料“{'、'.join(unknown)}”无效", field="materials")
    missing = [m.label for m in REQUIRED_MATERIALS if m not in materials]
    if missing:
        raise CaseError(f"移送材料不全，缺少：{'、'.join(missing)}（R-TRN-006）", field="materials")
    return [m for m in TransferMaterial.values if m in materials]


@transaction.atomic
def transfer_to_police(
    *,
    actor: Any,
    transfer: CriminalTransfer,
    public_security: str,
    materials: list[str],
    copied_to_procuratorate_on: date | None,
    police_received_on: date | None = None,
) -> CriminalTransfer:
    """移送公安机关 (R-TRN-005/006/012): the full package, a copy to the procuratorate; the police sign the receipt
    and have 3 days to decide (R-TRN-007). Sent more than 24 hours after the approval → flagged late."""
    transfer = _lock(transfer)
    case = transfer.penalty_case
    allow(actor, "cases.handle_case", case, "只有本案承办人可以移送涉嫌犯罪案件")
    _move(transfer, transfer.transfer_to_police, "移送公安机关")
    unit = _text(public_security, "public_security", "请填写接收移送的公安机关")
    package = _check_materials(materials)
    now = timezone.now()
    approved_on = timezone.localdate(transfer.approved_at or now)
    if copied_to_procuratorate_on is None:
        if requires_procuratorate_copy(case):
            raise CaseError(
                "涉嫌犯罪案件移送书应当同时抄送同级人民检察院，请填写抄送日期（R-TRN-012）",
                field="copied_to_procuratorate_on",
            )
    else:
        _day_between(
            copied_to_procuratorate_on,
            after=approved_on,
            field="copied_to_procuratorate_on",
            message="抄送检察院日期应在批准移送之后且不晚于今天",
        )
    received = _day_between(
        police_received_on or timezone.localdate(now),
        after=approved_on,
        field="police_received_on",
        message="公安机关签收日期应在批准移送之后且不晚于今天",
    )
    transfer.public_security = unit
    transfer.materials = package
    transfer.copied_to_procuratorate_on = copied_to_procuratorate_on
    transfer.transferred_at = now
    transfer.transferred_by = actor
    transfer.police_received_on = received
    transfer.police_reply_deadline = add_calendar_days(received, POLICE_REPLY_CALENDAR_DAYS)
    transfer.save()
    _note(
        transfer,
        "transferred",
        actor,
        public_security=unit,
        materials=package,
        copied_to_procuratorate_on=copied_to_procuratorate_on,
        police_received_on=received,
        police_reply_deadline=transfer.police_reply_deadline,
        late=transfer.is_transfer_late,
        transfer_deadline=transfer.transfer_deadline,
    )
    return transfer


@transaction.atomic
def record_police_decision(
    *,
    actor: Any,
    transfer: CriminalTransfer,
    decision: str,
    decided_on: date,
    notice_received_on: date | None = None,
    reason: str = "",
) -> CriminalTransfer:
    """公安机关立案 / 不予立案 (R-TRN-007), or their answer to the agency's reconsideration request (R-TRN-008).

    Filed → items and materials are handed over within 3 days of the notice (R-TRN-009). Declined → the agency
    may ask for reconsideration within 3 days (R-TRN-008), or resume its own case (R-TRN-010).
    """
    transfer = _lock(transfer)
    allow(actor, "cases.handle_case", transfer.penalty_case, "只有本案承办人可以登记公安机关的决定")
    if decision not in CriminalTransferPoliceDecision.values:
        raise CaseError(f"公安机关决定“{decision}”无效", field="decision")
    answering = transfer.state == T.DECLINED
    if answering and (transfer.reconsideration_requested_on is None or transfer.reconsideration_answered_on):
        raise CaseStateConflict("公安机关已作出不予立案决定，且没有待答复的复议申请", field="state")
    filed = decision == CriminalTransferPoliceDecision.FILED
    _move(transfer, transfer.record_filing if filed else transfer.record_declining, "登记公安机关的决定")
    start = transfer.reconsideration_requested_on if answering else transfer.police_received_on
    _day_between(
        decided_on,
        after=start or decided_on,
        field="decided_on",
        message="公安机关决定日期应在签收（或提请复议）之后且不晚于今天",
    )
    notice_on = _day_between(
        notice_received_on or decided_on,
        after=decided_on,
        field="notice_received_on",
        message="收到决定通知书日期应在决定之后且不晚于今天",
    )
    reason = reason.strip()
    if not filed and not reason:
        raise CaseError("公安机关不予立案的，请填写其书面通知中说明的理由（R-TRN-007）", field="reason")
    transfer.police_decision = decision
    transfer.police_decision_reason = reason
    if answering:
        transfer.reconsideration_answered_on = decided_on
    else:
        transfer.police_decided_on = decided_on
        transfer.police_notice_received_on = notice_on
    if filed:
        transfer.handover_deadline = add_calendar_days(notice_on, HANDOVER_CALENDAR_DAYS)
    elif not answering:
        transfer.reconsideration_deadline = add_calendar_days(notice_on, RECONSIDERATION_CALENDAR_DAYS)
    transfer.save()
    late = (
        decided_on > transfer.reconsideration_reply_deadline
        if answering and transfer.reconsideration_reply_deadline
        else transfer.is_police_reply_late
    )
    _note(
        transfer,
        "filed" if filed else "declined",
        actor,
        decided_on=decided_on,
        notice_received_on=notice_on,
        reason=reason,
        on_reconsideration=answering,
        late=late,
        handover_deadline=transfer.handover_deadline,
        reconsideration_deadline=transfer.reconsideration_deadline,
    )
    return transfer


@transaction.atomic
def request_reconsideration(
    *, actor: Any, transfer: CriminalTransfer, requested_on: date | None = None
) -> CriminalTransfer:
    """提请公安机关复议 (R-TRN-008): within 3 days of the 不予立案 notice (late → flagged); they answer in 3 days."""
    transfer = _lock(transfer)
    allow(actor, "cases.handle_case", transfer.penalty_case, "只有本案承办人可以提请复议")
    if transfer.state != T.DECLINED:
        raise CaseStateConflict(
            f"移送记录当前状态为“{transfer.get_state_display()}”，公安机关不予立案后方可提请复议", field="state"
        )
    if transfer.case_resumed_at is not None:
        raise CaseStateConflict("案件已恢复办理，不能再提请复议", field="state")
    if transfer.reconsideration_requested_on is not None:
        raise CaseStateConflict(
            f"已于{format_day(transfer.reconsideration_requested_on)}提请复议", field="reconsideration_requested_on"
        )
    day = _day_between(
        requested_on or today(),
        after=transfer.police_notice_received_on or today(),
        field="requested_on",
        message="提请复议日期应在收到不予立案通知书之后且不晚于今天",
    )
    transfer.reconsideration_requested_on = day
    transfer.reconsideration_reply_deadline = add_calendar_days(day, RECONSIDERATION_CALENDAR_DAYS)
    transfer.save()
    late = transfer.reconsideration_deadline is not None and day > transfer.reconsideration_deadline
    _note(
        transfer,
        "reconsideration_requested",
        actor,
        requested_on=day,
        late=late,
        reconsideration_deadline=transfer.reconsideration_deadline,
        reconsideration_reply_deadline=transfer.reconsideration_reply_deadline,
    )
    return transfer


@transaction.atomic
def record_handover(*, actor: Any, transfer: CriminalTransfer, handed_over_on: date) -> CriminalTransfer:
    """涉案物品及有关材料移交 (R-TRN-009): within 3 days of the filing notice; late → flagged."""
    transfer = _lock(transfer)
    allow(actor, "cases.handle_case", transfer.penalty_case, "只有本案承办人可以登记移交涉案物品")
    if transfer.state != T.FILED:
        raise CaseStateConflict(
            f"移送记录当前状态为“{transfer.get_state_display()}”，公安机关立案后方可移交涉案物品", field="state"
        )
    if transfer.items_handed_over_on is not None:
        raise CaseStateConflict(
            f"已于{format_day(transfer.items_handed_over_on)}移交涉案物品", field="items_handed_over_on"
        )
    day = _day_between(
        handed_over_on,
        after=transfer.police_notice_received_on or handed_over_on,
        field="handed_over_on",
        message="移交日期应在收到立案通知书之后且不晚于今天",
    )
    transfer.items_handed_over_on = day
    transfer.save()
    late = transfer.handover_deadline is not None and day > transfer.handover_deadline
    _note(
        transfer,
        "items_handed_over",
        actor,
        handed_over_on=day,
        late=late,
        handover_deadline=transfer.handover_deadline,
    )
    return transfer


@transaction.atomic
def resume_case(*, actor: Any, transfer: CriminalTransfer, reason: str = "") -> PenaltyCase:
    """恢复办理 (R-TRN-010): the police did not file, or the head refused the transfer; the agency goes on with the
    administrative case — back to 案件审核, no longer crime-suspected, so a penalty can be decided. A legal review
    still open (or returned for 补充) and a collective discussion still convened are closed by the review app
    (``hooks.case_left_review``): the case's proposal is made anew. Lock order: the case, then its transfer."""
    case = lock(transfer.penalty_case)
    transfer = _lock(transfer)
    transfer.penalty_case = case
    allow(actor, "cases.decide_case", case, "只有本单位负责人可以决定恢复办理")
    if transfer.state not in (T.DECLINED, T.RETURNED):
        raise CaseStateConflict(
            f"移送记录当前状态为“{transfer.get_state_display()}”，公安机关不予立案或移送未获批准的，方可恢复办理（R-TRN-010）",
            field="state",
        )
    if transfer.case_resumed_at is not None:
        raise CaseStateConflict("案件已恢复办理", field="case_resumed_at")
    if transfer.reconsideration_requested_on is not None and transfer.reconsideration_answered_on is None:
        raise CaseError("已提请公安机关复议，须待复议决定后方可恢复办理（R-TRN-008）", field="reconsideration")
    if case.state == S.CLOSED and case.closing_reason != ClosingReason.TRANSFERRED:
        raise CaseStateConflict("案件已以其他理由结案，不能恢复办理", field="state")
    reopened = case.state == S.CLOSED
    move(case, case.resume_after_transfer, "恢复办理")
    case.crime_suspected = False
    case.route = ""
    if reopened:
        # The transfer decision that closed the case no longer stands; the ledger keeps it.
        case.decision_kind = ""
        case.decided_on = None
        case.decided_by = None
        case.delivery_deadline = None
        case.closing_reason = ""
        case.closed_on = None
    case.save()
    transfer.case_resumed_at = timezone.now()
    transfer.case_resumed_by = actor
    transfer.save(update_fields=["case_resumed_at", "case_resumed_by", "updated_at"])
    case_left_review(case, actor=actor, reason="案件移送后恢复办理（R-TRN-010）")
    note(
        case,
        "resumed",
        actor,
        criminal_transfer_id=transfer.pk,
        transfer_state=transfer.state,
        reopened=reopened,
        reason=reason.strip(),
    )
    return case


__all__ = [
    "approve_transfer",
    "propose_transfer",
    "record_handover",
    "record_police_decision",
    "refuse_transfer",
    "request_reconsideration",
    "resume_case",
    "transfer_to_police",
    "untransferred_crime",
]
