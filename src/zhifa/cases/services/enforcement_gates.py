"""The gates of 强制执行 that do not depend on what the head enters (R-COE-010/011/014/016, R-TIME-001): one rule,
asked by the services in ``enforcement`` before they write and, read only, by the pages that list the next steps
(``compulsory_execution_refusal``, ``court_execution_refusal``: the message the service would refuse with, or "").

- R-COE-010/011: the last 催告 served, its deadline passed, none of its statements adopted (行政强制法 第36–37条).
- R-COE-014/016: one route for one debt — the agency (where a 法律 empowers it) or the court; not both, and no
  second start while one is pending.
- R-COE-014 (第46条): the agency route needs 加处罚款 for more than 30 days *before* the 催告.
- R-COE-016 (第53–54条, 行诉解释 第156条, 行诉法 第45、95条): the court window; "催告书送达十日后".
- R-TIME-001: working days in a year without a holiday table are counted weekends-only, and flagged.
"""

from __future__ import annotations

from datetime import date

from zhifa.cases.choices import CourtRuling
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.execution_calculations import (
    DEMAND_TO_COURT_WORKING_DAYS,
    SURCHARGE_DAYS_BEFORE_ENFORCEMENT,
    Balance,
)
from zhifa.cases.models import DemandNotice, PenaltyCase
from zhifa.cases.services.execution import provisional_note, provisional_years
from zhifa.cases.services.execution_balance import CourtWindow, case_balance, concluded_litigation, court_window
from zhifa.core.calendar import add_working_days, format_day


def _latest_demand(case: PenaltyCase, *, field: str) -> DemandNotice:
    """R-COE-010: the 催告 the enforcement rests on — the last one served."""
    notice = DemandNotice.objects.filter(penalty_case=case).order_by("-served_on", "-id").first()
    if notice is None:
        raise CaseError(
            "作出强制执行决定或申请人民法院强制执行前，应当事先书面催告当事人履行义务（R-COE-010）", field=field
        )
    return notice


def _check_adopted_statement(notice: DemandNotice) -> None:
    """R-COE-010/011 (行政强制法 第36–37条): a statement the agency adopted means the 催告 cannot be enforced as served —
    the decision is changed, or a new 催告 follows the review."""
    if notice.statements.filter(is_adopted=True).exists():
        raise CaseError(
            f"当事人对{format_day(notice.served_on)}催告书的陈述申辩已予采纳，不能据此强制执行：请依法变更原决定，"
            "或者按复核结果重新催告（R-COE-010、R-COE-011）",
            field="demand_notice",
        )


def _check_unperformed(owed: Balance, *, field: str) -> None:
    """Something is still overdue: what is not yet due (an instalment, a deferral) is never enforced (R-PEN-025)."""
    if owed.total_due <= 0:
        raise CaseError("当事人已经履行完毕，无需强制执行", field=field)
    if owed.overdue_total <= 0:
        raise CaseError("当事人已履行到期的义务，尚未到期的分期（延期）缴纳款项不能强制执行（R-PEN-025）", field=field)


def _check_one_route(case: PenaltyCase, *, agency: bool) -> None:
    """R-COE-014/016: for one debt the agency either enforces itself (where a 法律 empowers it) or applies to the court —
    never both, and never a second start while one is pending: a court application pending or granted blocks the
    agency; an agency decision blocks the court, and a second decision until the first was carried out. (After the
    court refused — e.g. because the agency holds the power itself — the agency may act.)"""
    court = case.court_executions.filter(ruling__in=["", CourtRuling.GRANTED]).order_by("-applied_on", "-id").first()
    own = case.compulsory_executions.order_by("-decided_on", "-id").first()
    if agency and court is not None:
        status = court.get_ruling_display() if court.ruling else "人民法院尚未裁定"
        raise CaseStateConflict(
            f"本案已于{format_day(court.applied_on)}申请人民法院强制执行（{status}），不能再自行强制执行"
            "（R-COE-014、R-COE-016）",
            field="court_execution",
        )
    if agency and own is not None and own.executed_on is None:
        raise CaseStateConflict(
            f"本案已于{format_day(own.decided_on)}作出强制执行决定，尚未登记实施情况，不能再次作出（R-COE-014）",
            field="compulsory_execution",
        )
    if not agency and own is not None:
        raise CaseStateConflict(
            f"本机关已于{format_day(own.decided_on)}作出强制执行决定，不能就同一义务再申请人民法院强制执行"
            "（R-COE-014、R-COE-016）",
            field="compulsory_execution",
        )
    if not agency and court is not None:
        raise CaseStateConflict("本案已申请人民法院强制执行", field="applied_on")


def _check_demand_passed(notice: DemandNotice, day: date, *, field: str) -> None:
    """R-COE-011: only after the 催告 deadline passed without performance."""
    if day <= notice.performance_deadline:
        raise CaseError(
            f"催告书确定的履行期限至{format_day(notice.performance_deadline)}，期限届满前不能强制执行（R-COE-011）",
            field=field,
        )


def _check_surcharge_ran(case: PenaltyCase, notice: DemandNotice, day: date) -> Balance:
    """R-COE-014 (行政强制法 第46条 "实施加处罚款超过三十日，经催告当事人仍不履行的"): 加处罚款 had run for more than 30
    days when the 催告 was served — the 30 days come first, then the 催告 — and something is still overdue. A
    surcharge that stopped before (the 罚没款 paid late, the 加处罚款 not) leaves the court route (R-COE-016)."""
    owed = case_balance(case, on=day)
    _check_unperformed(owed, field="decided_on")
    at_demand = case_balance(case, on=notice.served_on).surcharge_days
    if at_demand > SURCHARGE_DAYS_BEFORE_ENFORCEMENT:
        return owed
    limit = SURCHARGE_DAYS_BEFORE_ENFORCEMENT
    if owed.overdue_principal <= 0 and owed.surcharge_days <= limit:
        raise CaseError(
            f"加处罚款计{owed.surcharge_days}日后因逾期的罚没款缴清而停止计算，未超过{limit}日，不能自行强制执行，"
            "可以申请人民法院强制执行（R-COE-014、R-COE-016）",
            field="demand_notice",
        )
    raise CaseError(
        f"催告书于{format_day(notice.served_on)}送达时加处罚款已计{at_demand}日：加处罚款超过{limit}日，经催告仍不履行的，"
        f"方可强制执行，请在加处罚款超过{limit}日后重新催告（R-COE-014）",
        field="demand_notice",
    )


def compulsory_gates(case: PenaltyCase, day: date, *, is_immediate: bool) -> tuple[DemandNotice, Balance]:
    """What an enforcement decision on ``day`` needs whatever the head enters (R-COE-010/011/014)."""
    _check_one_route(case, agency=True)
    notice = _latest_demand(case, field="demand_notice")
    _check_adopted_statement(notice)
    if not is_immediate:
        _check_demand_passed(notice, day, field="decided_on")
    return notice, _check_surcharge_ran(case, notice, day)


def compulsory_execution_refusal(case: PenaltyCase, day: date) -> str:
    """Why ``decide_compulsory_execution`` would refuse on ``day`` whatever the head enters ("" = it would not): the
    service's own gates, for the pages that show the next steps (one rule for UI and API, STYLE §5). Read only."""
    try:
        compulsory_gates(case, day, is_immediate=False)
    except (CaseError, CaseStateConflict) as refusal:
        return refusal.message
    return ""


def court_application_period_end(demand_served_on: date) -> date:
    """R-COE-016 (行政强制法 第54条 "催告书送达十日后"): the 10th working day after the 催告 was served (≤10日 → working
    days, R-TIME-002; a year without holiday data weekends-only, R-TIME-001). The period runs until the end of that
    day: the application comes after it."""
    return add_working_days(demand_served_on, DEMAND_TO_COURT_WORKING_DAYS, provisional=True)


def _window_years(window: CourtWindow) -> list[int]:
    """Years in which the window's working-day shifts (R-TIME-004) were computed without a holiday table."""
    return sorted(
        set(provisional_years(window.period_end, window.period_end))
        | set(provisional_years(window.due_on, window.last_day))
    )


def _check_court_window(case: PenaltyCase, day: date) -> CourtWindow:
    """R-COE-016: no 复议/诉讼 pending; after a lawsuit the judgment is executed instead (行诉法 第95条); within the
    three months after the party's period (``execution_balance.court_window``)."""
    if case.remedies.filter(concluded_on__isnull=True).exists():
        raise CaseError("当事人的行政复议或行政诉讼尚未审结，不能申请非诉强制执行（R-COE-016）", field="applied_on")
    if concluded_litigation(case) is not None:
        raise CaseError(
            "当事人已就本决定提起行政诉讼并已审结，应当依据人民法院发生法律效力的裁判申请强制执行（行诉法第95条），"
            "不能申请非诉强制执行（R-COE-016）",
            field="applied_on",
        )
    window = court_window(case)
    if window is None:
        raise CaseError("决定书尚未送达", field="applied_on")
    flag = provisional_note(_window_years(window))
    if day < window.opens_on:
        raise CaseError(
            f"当事人的起诉期限（或分期/延期缴纳期限）至{format_day(window.period_end)}届满，"
            f"{format_day(window.opens_on)}起方可申请人民法院强制执行（R-COE-016）{flag}",
            field="applied_on",
        )
    if day > window.last_day:
        raise CaseError(
            f"申请人民法院强制执行的期限已于{format_day(window.last_day)}届满（期限届满之日起三个月，R-COE-016）{flag}",
            field="applied_on",
        )
    return window


def court_gates(case: PenaltyCase, day: date) -> tuple[CourtWindow, DemandNotice, list[int]]:
    """What a court application on ``day`` needs besides its materials (R-COE-010/011/014/016); with the years
    counted without a holiday table (R-TIME-001)."""
    _check_one_route(case, agency=False)
    window = _check_court_window(case, day)
    notice = _latest_demand(case, field="applied_on")
    _check_adopted_statement(notice)
    period_end = court_application_period_end(notice.served_on)
    if day <= period_end:
        raise CaseError(
            f"催告书于{format_day(notice.served_on)}送达，送达后{DEMAND_TO_COURT_WORKING_DAYS}个工作日至"
            f"{format_day(period_end)}届满，届满后当事人仍未履行的，方可申请（R-COE-016）"
            + provisional_note(provisional_years(notice.served_on, period_end)),
            field="applied_on",
        )
    _check_demand_passed(notice, day, field="applied_on")
    _check_unperformed(case_balance(case, on=day), field="applied_on")
    years = sorted(set(provisional_years(notice.served_on, period_end)) | set(_window_years(window)))
    return window, notice, years


def court_execution_refusal(case: PenaltyCase, day: date) -> str:
    """Why ``apply_for_court_execution`` would refuse on ``day`` with complete materials ("" = it would not): the
    service's own gates, for the pages that show the next steps (STYLE §5). Read only."""
    try:
        court_gates(case, day)
    except (CaseError, CaseStateConflict) as refusal:
        return refusal.message
    return ""
