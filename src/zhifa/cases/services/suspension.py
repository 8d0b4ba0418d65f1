"""中止, 恢复, 终止 of a case, and 终结执行 (R-TIME-008, R-COE-017, R-PEN-028), decided by the agency head.

- Before the decision a case is suspended on a ground of the sector rules (检测鉴定, 等待其他决定, 下落不明 …);
  the 90-day 办案期限 does not run meanwhile: on resumption it moves by the paused calendar days (R-TIME-008), and
  the party's working-day windows — 陈述申辩 (R-PEN-016) and 听证申请 (R-HEA-003) — start again with the working
  days they had left when the suspension began; so does a running legal review's time limit (R-REV-010, moved by
  the review app through ``hooks.case_resumed``).
- After service the execution is suspended on a ground of 行政强制法 第39条 (R-COE-017). 复议 or 诉讼 is never such a
  ground: they do not stop execution (R-PEN-028, see ``execution.record_remedy``).
- A case is 终止 before its decision (当事人死亡、终止 …); an execution is 终结 on a ground of 行政强制法 第40条,
  including three years of suspension for want of means with no obvious harm (R-COE-017).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction

from zhifa.cases.choices import (
    ClosingReason,
    CoerciveMeasureState,
    PenaltyCaseState,
    SuspensionGround,
    TerminationGround,
)
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.execution_calculations import EXECUTION_SUSPENSION_MONTHS, execution_suspension_expires_on
from zhifa.cases.models import CaseSuspension, CaseTermination, PenaltyCase
from zhifa.cases.services._common import allow, lock, move, note
from zhifa.cases.services.execution import day_between, provisional_years, text
from zhifa.cases.services.execution_balance import CourtWindow, case_balance, concluded_litigation, court_window
from zhifa.cases.services.hooks import case_left_review, case_resumed
from zhifa.cases.services.transfer import untransferred_crime
from zhifa.core.calendar import (
    add_calendar_days,
    add_months,
    add_working_days,
    format_day,
    today,
    working_days_between,
)

S = PenaltyCaseState
G = SuspensionGround
T = TerminationGround
CASE_GROUNDS = (
    G.TESTING,
    G.AWAITING_OTHER_DECISION,
    G.LEGAL_INTERPRETATION,
    G.FORCE_MAJEURE,
    G.PARTY_MISSING,
    G.OTHER_CASE,
)
EXECUTION_GROUNDS = (G.HARDSHIP, G.THIRD_PARTY_CLAIM, G.IRREPARABLE_LOSS, G.OTHER_EXECUTION)  # 行政强制法 第39条
TERMINATION_GROUNDS = (T.PARTY_DIED, T.PARTY_DISSOLVED, T.OTHER)
EXECUTION_END_GROUNDS = (  # 行政强制法 第40条, R-COE-017
    T.PARTY_DIED,
    T.PARTY_DISSOLVED,
    T.SUBJECT_LOST,
    T.DECISION_ANNULLED,
    T.SUSPENDED_THREE_YEARS,
    T.OTHER,
)
# Measures whose property is still held (R-COE-008: released or disposed of before the case ends).
UNRELEASED_MEASURE_STATES = (
    CoerciveMeasureState.AWAITING_RETRO_APPROVAL,
    CoerciveMeasureState.IN_FORCE,
    CoerciveMeasureState.EXTENDED,
)
ALERT_WORKING_DAYS = 3  # R-TIME-009: yellow when at most this many working days remain (cfg default)
PARTY_WINDOWS = ("defense_deadline", "hearing_request_deadline")  # R-PEN-016, R-HEA-003: working days
ONE_DAY = timedelta(days=1)
HEAD_ONLY = "只有本单位负责人可以决定中止、恢复、终止或终结执行"


def _labels(grounds: tuple[str, ...]) -> str:
    return "；".join(str(G(g).label) if g in G.values else str(T(g).label) for g in grounds)


def _open_suspension(case: PenaltyCase) -> CaseSuspension | None:
    return CaseSuspension.objects.select_for_update().filter(penalty_case=case, ended_on__isnull=True).first()


def _in_execution(case: PenaltyCase) -> bool:
    return case.state == S.EXECUTING or (case.state == S.SUSPENDED and case.suspended_from == S.EXECUTING)


@transaction.atomic
def suspend_case(
    *,
    actor: Any,
    case: PenaltyCase,
    ground: str,
    reason: str,
    started_on: date | None = None,
    party_told_on: date | None = None,
) -> CaseSuspension:
    """中止 (R-TIME-008 before the decision; 中止执行 R-COE-017 after service): start, ground and reasons recorded."""
    case = lock(case)
    allow(actor, "cases.suspend_case", case, HEAD_ONLY)
    in_execution = case.state == S.EXECUTING
    allowed = EXECUTION_GROUNDS if in_execution else CASE_GROUNDS
    if ground not in allowed:
        phase = "中止执行" if in_execution else "中止调查"
        note_028 = "；申请行政复议或者提起行政诉讼不停止执行（R-PEN-028）" if in_execution else ""
        raise CaseError(f"{phase}的理由应为：{_labels(allowed)}{note_028}（R-COE-017、R-TIME-008）", field="ground")
    reason = text(reason, "reason", "请写明中止的具体情况")
    start_floor = case.decision_served_on if in_execution else case.filed_on
    day = day_between(
        started_on, after=start_floor, field="started_on", message="中止日期应在立案（执行开始）之后且不晚于今天"
    )
    told = None
    if ground == G.TESTING:  # R-TIME-008: the period is fixed and told to the party
        if party_told_on is None:
            raise CaseError(
                "检测、检验、检疫、鉴定期间应当明确并告知当事人，请填写告知日期（R-TIME-008）", field="party_told_on"
            )
        told = day_between(party_told_on, after=day, field="party_told_on", message="告知日期应在中止之后且不晚于今天")
    move(case, case.suspend, "中止")
    case.save(update_fields=["state", "suspended_from", "updated_at"])
    suspension = CaseSuspension.objects.create(
        penalty_case=case,
        suspended_from=case.suspended_from,
        ground=ground,
        reason=reason,
        started_on=day,
        party_told_on=told,
        decided_by=actor,
    )
    note(
        case,
        "suspended",
        actor,
        suspension_id=suspension.pk,
        ground=ground,
        started_on=day,
        suspended_from=case.suspended_from,
    )
    return suspension


def _move_party_windows(case: PenaltyCase, suspension: CaseSuspension, day: date) -> dict[str, Any]:
    """R-TIME-008 for the party's working-day windows (R-PEN-016 陈述申辩, R-HEA-003 听证申请): each starts again
    on resumption with the working days it had left when the suspension began; a window that had already ended stays.
    The old and new dates go into the ledger event (returned here).

    R-TIME-008 does not say which of the two edge days the party keeps; read for the party: the day the suspension
    starts is paused too (the party may not have used it) and the day it ends is a new trigger day, not counted
    (R-TIME-003) — the party never loses a day. A year without holiday data is counted weekends-only and flagged
    (R-TIME-001)."""
    payload: dict[str, Any] = {}
    left: dict[str, int] = {}
    years: set[int] = set()
    for field in PARTY_WINDOWS:
        old = getattr(case, field)
        payload[f"previous_{field}"] = payload[field] = old
        if old is None or old < suspension.started_on:
            continue
        left[field] = working_days_between(suspension.started_on - ONE_DAY, old, provisional=True)
        new = add_working_days(day, left[field], provisional=True)
        years |= set(provisional_years(suspension.started_on, old)) | set(provisional_years(day, new))
        setattr(case, field, new)
        payload[field] = new
    return {**payload, "windows_working_days_left": left, "provisional_calendar_years": sorted(years)}


@transaction.atomic
def resume_suspended_case(
    *, actor: Any, case: PenaltyCase, ended_on: date | None = None, end_note: str = ""
) -> CaseSuspension:
    """恢复 once the ground is gone: back to the step it was suspended from. Before the decision the 办案期限 moves by
    the paused calendar days and the party's defence and hearing-request windows by their working days left
    (R-TIME-008). (``transfer.resume_case`` is the other 恢复办理, after a criminal transfer.)"""
    case = lock(case)
    allow(actor, "cases.suspend_case", case, HEAD_ONLY)
    suspension = _open_suspension(case)
    if case.state != S.SUSPENDED or suspension is None:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，没有中止的案件可以恢复", field="state")
    day = day_between(
        ended_on, after=suspension.started_on, field="ended_on", message="恢复日期应在中止之后且不晚于今天"
    )
    paused = (day - suspension.started_on).days
    suspension.paused_days = paused
    windows: dict[str, Any] = {}
    if not suspension.is_execution and case.decided_on is None:
        if case.decision_deadline is not None:
            suspension.previous_deadline = case.decision_deadline
            suspension.new_deadline = add_calendar_days(case.decision_deadline, paused)
            case.decision_deadline = suspension.new_deadline
        windows = _move_party_windows(case, suspension, day)
    move(case, case.resume, "恢复")
    case.save(update_fields=["state", "suspended_from", "decision_deadline", *PARTY_WINDOWS, "updated_at"])
    suspension.ended_on = day
    suspension.ended_by = actor
    suspension.end_note = end_note.strip()
    suspension.save()
    case_resumed(case, actor=actor, suspension=suspension)  # e.g. the legal review's time limit (R-REV-010)
    note(
        case,
        "suspension_ended",
        actor,
        suspension_id=suspension.pk,
        ended_on=day,
        paused_days=paused,
        previous_deadline=suspension.previous_deadline,
        decision_deadline=suspension.new_deadline,
        **windows,
    )
    return suspension


def _close(case: PenaltyCase, *, actor: Any, reason: str, ground: str, explanation: str, day: date) -> CaseTermination:
    suspension = _open_suspension(case)
    if suspension is not None:
        suspension.ended_on = day
        suspension.ended_by = actor
        suspension.end_note = ClosingReason(reason).label
        suspension.paused_days = (day - suspension.started_on).days
        suspension.save()
    move(case, case.terminate, ClosingReason(reason).label)
    case.closing_reason = reason
    case.closed_on = day
    case.save(update_fields=["state", "suspended_from", "closing_reason", "closed_on", "updated_at"])
    # A legal review or collective discussion still open on the case is closed with it (review app hook).
    case_left_review(case, actor=actor, reason=f"案件{ClosingReason(reason).label}")
    return CaseTermination.objects.create(
        penalty_case=case, closing_reason=reason, ground=ground, reason=explanation, terminated_on=day, decided_by=actor
    )


@transaction.atomic
def terminate_case(
    *, actor: Any, case: PenaltyCase, ground: str, reason: str, terminated_on: date | None = None
) -> CaseTermination:
    """终止 a case before its decision (the party died or was dissolved with no successor …). A crime-suspected case
    goes to the police (R-TRN-001); seized property is released first (R-COE-008)."""
    case = lock(case)
    allow(actor, "cases.suspend_case", case, HEAD_ONLY)
    if case.decided_on is not None or _in_execution(case) or not case.is_open:
        raise CaseStateConflict(
            f"案件当前状态为“{case.get_state_display()}”：已作出决定的案件不能终止，执行阶段应终结执行", field="state"
        )
    if ground not in TERMINATION_GROUNDS:
        raise CaseError(f"终止的情形应为：{_labels(TERMINATION_GROUNDS)}", field="ground")
    explanation = text(reason, "reason", "请写明终止的具体情况")
    day = day_between(
        terminated_on, after=case.filed_on, field="terminated_on", message="终止日期应在立案之后且不晚于今天"
    )
    if untransferred_crime(case):
        raise CaseError("涉嫌犯罪的案件应当移送司法机关，不得终止了结（R-TRN-001）", field="ground")
    if case.coercive_measures.filter(state__in=UNRELEASED_MEASURE_STATES).exists():
        raise CaseError("本案尚有未解除的查封、扣押等行政强制措施，请先依法解除（R-COE-008）", field="ground")
    termination = _close(
        case, actor=actor, reason=ClosingReason.TERMINATED, ground=ground, explanation=explanation, day=day
    )
    note(case, "terminated", actor, ground=ground, terminated_on=day)
    return termination


@transaction.atomic
def end_execution(
    *,
    actor: Any,
    case: PenaltyCase,
    ground: str,
    reason: str,
    ended_on: date | None = None,
    no_obvious_harm: bool = False,
) -> CaseTermination:
    """终结执行 (R-COE-017, 行政强制法 第40条): the case closes as 终结执行. After three years of 中止执行 for want of
    means, with no obvious social harm, the agency no longer executes (第42条 within R-COE-017)."""
    case = lock(case)
    allow(actor, "cases.suspend_case", case, HEAD_ONLY)
    if not _in_execution(case):
        raise CaseStateConflict(
            f"案件当前状态为“{case.get_state_display()}”，不在执行阶段，不能终结执行", field="state"
        )
    if ground not in EXECUTION_END_GROUNDS:
        raise CaseError(f"终结执行的情形应为：{_labels(EXECUTION_END_GROUNDS)}（R-COE-017）", field="ground")
    explanation = text(reason, "reason", "请写明终结执行的具体情况")
    day = day_between(
        ended_on, after=case.decision_served_on, field="ended_on", message="终结日期应在决定书送达之后且不晚于今天"
    )
    if ground == T.SUSPENDED_THREE_YEARS:
        suspension = _open_suspension(case)
        if suspension is None or suspension.ground != G.HARDSHIP:
            raise CaseError("仅因当事人确无履行能力而中止执行的，方可满三年后不再执行（R-COE-017）", field="ground")
        last_day = execution_suspension_expires_on(suspension.started_on)
        if day <= last_day:  # "满三年": only once the three years' last day is over
            raise CaseError(
                f"中止执行自{format_day(suspension.started_on)}起，三年至{format_day(last_day)}届满，"
                f"{format_day(last_day + ONE_DAY)}起方满三年（R-COE-017）",
                field="ended_on",
            )
        if not no_obvious_harm:
            raise CaseError("须确认没有明显社会危害，方可不再执行（R-COE-017）", field="no_obvious_harm")
    if case_balance(case, on=day).total_due <= 0:
        raise CaseError("当事人已经履行完毕，应以执行完毕结案", field="ground")
    termination = _close(
        case, actor=actor, reason=ClosingReason.EXECUTION_ENDED, ground=ground, explanation=explanation, day=day
    )
    note(case, "execution_ended", actor, ground=ground, ended_on=day)
    return termination


# --- due dates for alerts (R-TIME-009) ------------------------------------------------------------------------


def court_windows_closing(on: date | None = None) -> list[tuple[PenaltyCase, CourtWindow]]:
    """R-COE-016 DUE: cases in execution, still owing, with no court application and no enforcement decision of the
    agency, whose court window closes within 3 working days of ``on`` or has closed; not after a concluded lawsuit
    (its judgment is executed instead, 行诉法 第95条). Callers scope with ``visible_to``."""
    day = on or today()
    horizon = add_working_days(day, ALERT_WORKING_DAYS, provisional=True)
    # the window closes at least 9 months after service: older services only
    candidates = (
        PenaltyCase.objects.filter(state=S.EXECUTING, decision_served_on__lte=add_months(day, -8))
        .filter(court_executions__isnull=True, compulsory_executions__isnull=True)
        .select_related("agency")
        .prefetch_related("payments", "remedies")
        .order_by("decision_served_on", "pk")
    )
    rows = []
    for case in candidates:
        if concluded_litigation(case) is not None:
            continue
        window = court_window(case)
        if window is not None and window.due_on <= horizon and case_balance(case, on=day).total_due > 0:
            rows.append((case, window))
    return rows


def execution_suspensions_due(on: date | None = None) -> list[CaseSuspension]:
    """R-COE-017 ALERT: executions suspended for three full years (from the day after the last day) and not resumed."""
    day = on or today()
    latest_start = add_months(day, -EXECUTION_SUSPENSION_MONTHS) + timedelta(days=3)  # coarse; the exact test is below
    open_rows = (
        CaseSuspension.objects.filter(
            ended_on__isnull=True,
            suspended_from=S.EXECUTING,
            started_on__lte=latest_start,
            penalty_case__state=S.SUSPENDED,
        )
        .select_related("penalty_case__agency")
        .order_by("started_on", "pk")
    )
    return [s for s in open_rows if execution_suspension_expires_on(s.started_on) < day]
