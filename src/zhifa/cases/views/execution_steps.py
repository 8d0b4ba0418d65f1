"""What can be done next in a case's 执行 and about its 中止/终止 — and, when a step is blocked, why, with the earliest
day it opens (R-PEN-025, R-COE-010..017, R-TIME-008).

Read-only, like ``next_steps`` (which appends these): the services decide and refuse with the same rule IDs; this
states their gates in advance — for 强制执行 and 申请法院强制执行 by asking the services' own gates
(``enforcement_gates``), so the page says exactly what the service would. Steps of the head (强制执行决定, 申请法院强制执行,
中止/终止/终结执行) are listed only for users who may take them; 批准分期/延期 and 恢复 are shown to the handlers too
(blocked: the head decides), so that they see what the case is waiting for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import rules

from zhifa.cases.choices import CourtRuling, PaymentPlanState, PenaltyCaseState, Procedure
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.execution_calculations import (
    SURCHARGE_DAYS_BEFORE_ENFORCEMENT,
    Balance,
)
from zhifa.cases.models import (
    CompulsoryExecution,
    CourtExecution,
    DemandNotice,
    PaymentPlan,
    PenaltyCase,
    RemedyProceeding,
)
from zhifa.cases.models.case import SUSPENDABLE_STATES
from zhifa.cases.models.execution import ACTIVE_PLAN_STATES
from zhifa.cases.services.enforcement_gates import compulsory_gates, court_application_period_end, court_gates
from zhifa.cases.services.execution_balance import case_balance, court_window, portions
from zhifa.cases.services.suspension import UNRELEASED_MEASURE_STATES
from zhifa.cases.services.transfer import untransferred_crime
from zhifa.cases.views.execution import portion_rows
from zhifa.cases.views.next_steps import NOT_HANDLER, NOT_HEAD, NextStep
from zhifa.core.calendar import format_day

S = PenaltyCaseState
ONE_DAY = timedelta(days=1)


def _first_unpaid_due(case: PenaltyCase, plan: PaymentPlan | None, balance: Balance, day: date) -> date | None:
    rows = sorted(portions(case, plan), key=lambda p: p.due_on)
    shown = portion_rows(rows, balance, day, labels=[""] * len(rows))
    return next((r.due_on for r in shown if r.paid < r.amount), None)


def _plan_block(case: PenaltyCase, balance: Balance, day: date) -> str:
    """R-PEN-025: applied for within the payment period, for what is still unpaid."""
    deadline = case.payment_deadline
    if deadline is None or day > deadline:
        shown = format_day(deadline) if deadline else "此前"
        return f"缴款期限已于{shown}届满，逾期后不能再申请分期/延期缴纳，应当缴纳罚款及加处罚款（R-PEN-025、R-PEN-027）"
    if balance.principal_due <= 0:
        return "罚没款已缴清，无需分期/延期缴纳"
    return ""


def _demand_block(case: PenaltyCase, plan: PaymentPlan | None, balance: Balance, day: date) -> str:
    """R-COE-010: a 催告 only once something is overdue (a due date passed unpaid, or 加处罚款 left unpaid)."""
    if balance.overdue_total > 0:
        return ""
    if balance.total_due <= 0:
        return "当事人已经履行完毕，无需催告"
    due = _first_unpaid_due(case, plan, balance, day)
    assert due is not None  # something is owed and nothing overdue: a portion is not yet due
    return (
        f"当事人尚未逾期不履行：缴款期限至{format_day(due)}，届满仍未缴纳的方可催告（R-COE-010、R-PEN-025），"
        f"最早{format_day(due + ONE_DAY)}"
    )


def _gate(check: Callable[[], object]) -> tuple[str, str]:
    """The refusal (message, field) a service gate raises, or ("", "")."""
    try:
        check()
    except (CaseError, CaseStateConflict) as refusal:
        return refusal.message, refusal.field or ""
    return "", ""


def _compulsory_block(
    case: PenaltyCase, balance: Balance, day: date, *, demand: DemandNotice | None, paused: bool
) -> str:
    """``enforcement_gates.compulsory_gates``: what a decision needs whatever the head enters — one route, a 催告 not
    answered by an adopted statement, something overdue, >30 days of 加处罚款 before the 催告 (R-COE-010/014/016).
    The 催告 deadline is not among them: an immediate decision on evidence of hidden property may come before it
    (R-COE-011), which the head states on the form. When a new 催告 is needed, say from when it is enough."""
    message, field = _gate(lambda: compulsory_gates(case, day, is_immediate=True))
    if field != "demand_notice" or balance.overdue_principal <= 0:
        return message
    limit = SURCHARGE_DAYS_BEFORE_ENFORCEMENT
    again = "重新催告" if demand is not None else "催告"
    if balance.surcharge_days > limit:
        return f"{message}；加处罚款现已计{balance.surcharge_days}日，可以{again}"
    if paused:
        return f"{message}；行政复议或行政诉讼期间不计加处罚款（R-PEN-027）"
    first = day + timedelta(days=limit + 1 - balance.surcharge_days)
    return f"{message}；加处罚款{format_day(first)}起超过{limit}日，届时可以{again}"


def _court_block(case: PenaltyCase, plan: PaymentPlan | None, day: date, *, demand: DemandNotice | None) -> str:
    """``enforcement_gates.court_gates`` (R-COE-010/011/014/016): the service's own refusal; when only dates stand in
    the way — the window, 10 working days after the 催告, its deadline — the first of those days on which the gates
    pass is added ("最早…"), checked by the same gates (nothing paid meanwhile)."""
    message, _ = _gate(lambda: court_gates(case, day))
    if not message:
        return ""
    window = court_window(case, plan)
    thresholds = {window.opens_on} if window is not None else set()
    if demand is not None:
        thresholds |= {court_application_period_end(demand.served_on) + ONE_DAY, demand.performance_deadline + ONE_DAY}
    for candidate in sorted(d for d in thresholds if d > day):
        if not _gate(lambda c=candidate: court_gates(case, c))[0]:
            return f"{message}，最早{format_day(candidate)}"
    return message


def _plan_steps(
    case: PenaltyCase, balance: Balance, day: date, plans: list[PaymentPlan], *, handle: str, head: str
) -> list[NextStep]:
    if any(p.state == PaymentPlanState.APPLIED for p in plans):
        return [
            NextStep("approve-payment-plan", "批准分期/延期缴纳", head),
            NextStep("refuse-payment-plan", "不予批准分期/延期缴纳", head),
        ]
    if any(p.state == PaymentPlanState.APPROVED for p in plans):
        return []
    return [NextStep("apply-payment-plan", "登记当事人分期/延期缴纳申请", handle or _plan_block(case, balance, day))]


def _enforcement_steps(
    case: PenaltyCase,
    plan: PaymentPlan | None,
    balance: Balance,
    day: date,
    *,
    handle: str,
    approve: bool,
    paused: bool,
) -> list[NextStep]:
    """One route at a time (R-COE-014/016): the agency's own enforcement (a decision, its service, carrying it out),
    or the court's (application, ruling, result). The head sees both starts, blocked with the reason."""
    compulsory = CompulsoryExecution.objects.filter(penalty_case_id=case.pk).order_by("-decided_on", "-id").first()
    court = (
        CourtExecution.objects.filter(penalty_case_id=case.pk, ruling__in=["", CourtRuling.GRANTED])
        .order_by("-applied_on", "-id")
        .first()
    )
    demand = DemandNotice.objects.filter(penalty_case_id=case.pk).order_by("-served_on", "-id").first()
    steps = []
    if compulsory is not None and compulsory.served_on is None:
        steps.append(NextStep("serve-compulsory-execution", "登记强制执行决定书送达", handle))
    elif compulsory is not None and compulsory.executed_on is None:
        steps.append(NextStep("record-compulsory-execution", "登记强制执行实施情况", handle))
    elif approve:
        block = _compulsory_block(case, balance, day, demand=demand, paused=paused)
        steps.append(NextStep("decide-compulsory-execution", "作出行政强制执行决定（法律授权本机关的）", block))
    if court is not None and not court.ruling:
        steps.append(NextStep("court-ruling", "登记人民法院的裁定", handle))
    elif court is not None and court.result_on is None:
        steps.append(NextStep("court-execution-result", "登记人民法院的执行结果", handle))
    elif court is None and approve:
        steps.append(
            NextStep("apply-court-execution", "申请人民法院强制执行", _court_block(case, plan, day, demand=demand))
        )
    return steps


def _executing(case: PenaltyCase, user: Any, day: date) -> list[NextStep]:
    handle = "" if rules.has_perm("cases.execute_case", user, case) else NOT_HANDLER
    head = "" if rules.has_perm("cases.approve_execution", user, case) else NOT_HEAD
    plans = list(
        PaymentPlan.objects.filter(penalty_case_id=case.pk, state__in=ACTIVE_PLAN_STATES).prefetch_related(
            "installments"
        )
    )
    plan = next((p for p in plans if p.state == PaymentPlanState.APPROVED), None)
    balance = case_balance(case, on=day, plan=plan)
    steps = _plan_steps(case, balance, day, plans, handle=handle, head=head)
    steps.append(NextStep("serve-demand-notice", "登记催告书送达", handle or _demand_block(case, plan, balance, day)))
    if DemandNotice.objects.filter(penalty_case_id=case.pk).exists():
        steps.append(NextStep("demand-statements", "记录当事人对催告的陈述申辩", handle))
    paused = RemedyProceeding.objects.filter(penalty_case_id=case.pk, concluded_on__isnull=True).exists()
    if paused:
        steps.append(NextStep("conclude-remedy", "登记行政复议决定或裁判结果", handle))
    else:
        steps.append(NextStep("remedies", "登记当事人申请行政复议或提起行政诉讼", handle))
    steps += _enforcement_steps(case, plan, balance, day, handle=handle, approve=not head, paused=paused)
    return steps


def _terminate_block(case: PenaltyCase) -> str:
    """``suspension.terminate_case``: a crime goes to the police (R-TRN-001); seized property is released first."""
    if untransferred_crime(case):
        return "涉嫌犯罪的案件应当移送司法机关，不得终止了结（R-TRN-001）"
    if case.coercive_measures.filter(state__in=UNRELEASED_MEASURE_STATES).exists():
        return "本案尚有未解除的查封、扣押等行政强制措施，请先依法解除（R-COE-008）"
    return ""


def _pause_steps(case: PenaltyCase, user: Any) -> list[NextStep]:
    """中止 / 恢复 / 终止 / 终结执行, all decided by the head (R-TIME-008, R-COE-017)."""
    can = rules.has_perm("cases.suspend_case", user, case)
    in_execution = case.state == S.EXECUTING or (case.state == S.SUSPENDED and case.suspended_from == S.EXECUTING)
    steps = []
    if case.state == S.SUSPENDED:
        label = "恢复执行" if in_execution else "恢复办理"
        steps.append(NextStep("resume", f"{label}（中止的情形已经消除）", "" if can else NOT_HEAD))
    elif can and case.state in SUSPENDABLE_STATES:
        steps.append(NextStep("suspend", "中止执行" if in_execution else "中止案件调查", ""))
    if not can:
        return steps
    if in_execution:
        steps.append(NextStep("end-execution", "终结执行", ""))
    elif case.state in SUSPENDABLE_STATES or case.state == S.SUSPENDED:
        steps.append(NextStep("terminate", "终止案件", _terminate_block(case)))
    return steps


def execution_next_steps(case: PenaltyCase, user: Any, *, on: date) -> list[NextStep]:
    """The 执行 steps of an executing case, then 中止/恢复/终止/终结执行 (insiders only, like ``next_steps``)."""
    if getattr(user, "agency_id", None) != case.agency_id:
        return []
    steps = _executing(case, user, on) if case.state == S.EXECUTING else []
    if case.procedure == Procedure.GENERAL or case.state in (S.EXECUTING, S.SUSPENDED):
        steps += _pause_steps(case, user)
    return steps
