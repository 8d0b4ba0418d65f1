"""事先告知、陈述申辩、听证申请 (R-PEN-015..017, R-HEA-001..003, R-TIME-003/007)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from zhifa.cases.choices import DecisionKind, HearingState, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import DefenseRecord, Hearing, PenaltyCase
from zhifa.cases.services._common import allow, check_day, lock, move, note, require_legal_review_passed
from zhifa.cases.services.service_dates import NOTICE_KINDS, check_documented_service
from zhifa.core.calendar import add_working_days, format_day, today

DEFENSE_WORKING_DAYS = 5  # R-PEN-016 (cfg default: 5 WD after service)
HEARING_REQUEST_WORKING_DAYS = 5  # R-HEA-003


def forget_notice(case: PenaltyCase) -> None:
    """New facts or penalty need a new notice (R-PEN-017): the notice served, its windows and the party's waivers no
    longer count (the ledger keeps them); the decision waits for the next notice. The caller saves."""
    case.notice_served_on = case.defense_deadline = case.hearing_request_deadline = None
    case.notified_kinds = []
    case.notified_fine_amount = case.notified_confiscation_amount = Decimal("0.00")
    case.defense_waived_on = case.hearing_waived_on = None


@transaction.atomic
def serve_prior_notice(*, actor: Any, case: PenaltyCase, served_on: date) -> PenaltyCase:
    """事先告知 served (R-PEN-015): intended penalty, facts, basis, rights; opens the defence (and hearing) window."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以送达事先告知书")
    if case.route != DecisionKind.PENALTY:
        raise CaseError("案件审核意见不是给予行政处罚，无需事先告知", field="route")
    require_legal_review_passed(case)
    if served_on < (case.case_reviewed_on or case.filed_on) or served_on > today():
        raise CaseError("送达日期应在案件审核之后且不晚于今天", field="served_on")
    check_documented_service(case, NOTICE_KINDS, served_on)  # R-DOC-006
    move(case, case.notify, "送达事先告知书")
    case.notice_served_on = served_on
    case.notified_kinds = list(case.proposed_kinds)
    case.notified_fine_amount = case.proposed_fine_amount
    case.notified_confiscation_amount = case.proposed_confiscation_amount
    case.defense_deadline = add_working_days(served_on, DEFENSE_WORKING_DAYS)
    case.hearing_request_deadline = (
        add_working_days(served_on, HEARING_REQUEST_WORKING_DAYS) if case.requires_hearing_notice else None
    )
    case.save()
    note(
        case,
        "notified",
        actor,
        served_on=served_on,
        defense_deadline=case.defense_deadline,
        hearing_request_deadline=case.hearing_request_deadline,
        notified_kinds=case.notified_kinds,
        notified_fine_amount=case.notified_fine_amount,
    )
    return case


@transaction.atomic
def record_defense(
    *,
    actor: Any,
    case: PenaltyCase,
    sent_on: date,
    received_on: date,
    content: str,
    review: str,
    changes_facts_or_penalty: bool,
) -> DefenseRecord:
    """陈述申辩 recorded and reviewed (R-PEN-017). If adopting it changes facts or penalty, the case goes back
    to 案件审核 (and a new notice follows)."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以记录陈述申辩")
    if case.state not in (PenaltyCaseState.NOTIFIED, PenaltyCaseState.HEARING):
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不在陈述申辩环节", field="state")
    if not content.strip():
        raise CaseError("请填写陈述申辩内容", field="content")
    if received_on < sent_on:
        raise CaseError("收到日期不能早于提出日期", field="received_on")
    defense = DefenseRecord.objects.create(
        penalty_case=case,
        sent_on=sent_on,
        received_on=received_on,
        content=content.strip(),
        review=review.strip(),
        changes_facts_or_penalty=changes_facts_or_penalty,
        recorded_by=actor,
    )
    in_time = case.defense_deadline is None or sent_on <= case.defense_deadline  # R-TIME-007: postmark counts
    if changes_facts_or_penalty:
        move(case, case.reconsider, "退回案件审核")
        case.route = ""
        forget_notice(case)
        case.save()
    note(case, "defense_recorded", actor, defense_id=defense.pk, in_time=in_time, changes=changes_facts_or_penalty)
    return defense


@transaction.atomic
def waive_defense(*, actor: Any, case: PenaltyCase, waived_on: date, waives_hearing: bool = False) -> PenaltyCase:
    """当事人书面放弃陈述申辩 (R-PEN-016). Waiving the hearing is a separate statement (R-HEA-003): only with
    ``waives_hearing`` does the decision stop waiting for the hearing-request window."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以记录放弃陈述申辩")
    if case.state != PenaltyCaseState.NOTIFIED:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不在陈述申辩环节", field="state")
    if case.notice_served_on is None or waived_on < case.notice_served_on:
        raise CaseError("放弃日期不能早于事先告知送达日期", field="waived_on")
    case.defense_waived_on = waived_on
    if waives_hearing and case.hearing_request_deadline is not None:
        case.hearing_waived_on = waived_on
    case.save(update_fields=["defense_waived_on", "hearing_waived_on", "updated_at"])
    note(case, "defense_waived", actor, waived_on=waived_on, waives_hearing=bool(case.hearing_waived_on))
    return case


@transaction.atomic
def request_hearing(*, actor: Any, case: PenaltyCase, sent_on: date) -> PenaltyCase:
    """当事人申请听证 within 5 WD of the notice (R-HEA-003; the postmark date counts, R-TIME-007)."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以登记听证申请")
    if not case.requires_hearing_notice or case.hearing_request_deadline is None:
        raise CaseError("本案拟作出的处罚不属于听证范围（R-HEA-001）", field="hearing")
    check_day(
        sent_on, field="sent_on", label="听证申请日期", not_before=case.notice_served_on, after_what="告知书送达日"
    )
    if sent_on > case.hearing_request_deadline:
        raise CaseError(
            f"听证申请期限已于{format_day(case.hearing_request_deadline)}届满，当事人逾期申请视为放弃听证（R-HEA-003）",
            field="sent_on",
        )
    move(case, case.hold_hearing, "进入听证程序")
    case.hearing_requested_on = sent_on
    case.save(update_fields=["state", "hearing_requested_on", "updated_at"])
    Hearing.objects.get_or_create(penalty_case=case, defaults={"requested_on": sent_on})  # state `requested`
    note(case, "hearing_requested", actor, sent_on=sent_on)
    return case


@transaction.atomic
def conclude_hearing(
    *, actor: Any, case: PenaltyCase, held_on: date | None = None, transcript_summary: str = ""
) -> PenaltyCase:
    """听证结束: the decision is made on the hearing record (R-HEA-009/010); a hearing requires legal review.

    Since the hearing itself is recorded (``cases.services.hearing``), this needs a ``Hearing`` that is
    ``reported`` or ``waived``; ``submit_hearing_report`` and ``record_hearing_waived`` call it for you.
    ``held_on`` and ``transcript_summary`` are kept for existing callers and ignored: the hearing record wins.
    """
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以记录听证结果")
    return close_hearing_stage(actor=actor, case=case)


def close_hearing_stage(*, actor: Any, case: PenaltyCase) -> PenaltyCase:
    """The hearing stage ends: the case (already locked, permission already checked by the caller) goes to
    ``awaiting_decision`` with legal review required (R-HEA-010, R-REV-001)."""
    if case.state != PenaltyCaseState.HEARING:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不在听证环节", field="state")
    hearing = Hearing.objects.filter(penalty_case=case).first()
    if hearing is None or hearing.state not in (HearingState.REPORTED, HearingState.WAIVED):
        raise CaseError(
            "听证尚未举行并出具听证报告，也未认定当事人放弃听证的，不能结束听证（R-HEA-009）", field="hearing"
        )
    if hearing.state == HearingState.REPORTED and "经过听证" not in case.legal_review_reasons:
        case.legal_review_reasons = [*case.legal_review_reasons, "经过听证"]  # R-HEA-010, R-REV-001
    case.requires_legal_review = True
    move(case, case.await_decision, "报请决定")
    case.save()
    held_on = timezone.localdate(hearing.held_at) if hearing.held_at else None
    note(case, "hearing_concluded", actor, hearing_id=hearing.pk, hearing_state=hearing.state, held_on=held_on)
    return case


@transaction.atomic
def submit_for_decision(*, actor: Any, case: PenaltyCase, on: date | None = None) -> PenaltyCase:
    """报请负责人决定, once the defence window has passed or was waived (R-PEN-016) and no hearing is pending."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以报请决定")
    day = on or today()
    if case.state != PenaltyCaseState.NOTIFIED:
        # A hearing ends through its report or waiver; a case back in review needs a new notice first.
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不能报请决定", field="state")
    check_day(day, field="on", label="报请日期", not_before=case.notice_served_on, after_what="告知书送达日")
    waited = case.defense_deadline is not None and day > case.defense_deadline
    if not (case.defense_waived_on or waited):
        raise CaseError(
            f"陈述申辩期限（{format_day(case.defense_deadline)}）届满前且当事人未书面放弃的，不得作出决定（R-PEN-016）"
            if case.defense_deadline
            else "尚未送达事先告知书，不得作出决定（R-PEN-015）",
            field="defense_deadline",
        )
    hearing_deadline = case.hearing_request_deadline
    if hearing_deadline is not None and day <= hearing_deadline and not case.hearing_waived_on:
        raise CaseError(
            f"听证申请期限（{format_day(hearing_deadline)}）届满前且当事人未书面放弃听证的，不得作出决定（R-HEA-003）",
            field="hearing_request_deadline",
        )
    move(case, case.await_decision, "报请决定")
    case.save(update_fields=["state", "updated_at"])
    note(case, "submitted_for_decision", actor)
    return case
