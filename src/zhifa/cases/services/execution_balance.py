"""Read side of the execution: the schedule a case is paid on, what is owed on a day, the court window.

Reads only (no writes, no ledger); the pure arithmetic is ``cases.execution_calculations``. ``decision.amount_due``
and the execution services ask here, so a payment plan, a payment or a 复议 changes every answer at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from zhifa.cases.choices import PaymentPlanKind, PaymentPlanState
from zhifa.cases.execution_calculations import (
    Balance,
    Pause,
    Portion,
    balance,
    court_application_last_day,
    litigation_period_end,
)
from zhifa.cases.models import PaymentPlan, PenaltyCase
from zhifa.core.calendar import next_working_day

ONE_DAY = timedelta(days=1)


def approved_plan(case: PenaltyCase) -> PaymentPlan | None:
    return (
        PaymentPlan.objects.filter(penalty_case_id=case.pk, state=PaymentPlanState.APPROVED)
        .prefetch_related("installments")
        .first()
    )


def portions(case: PenaltyCase, plan: PaymentPlan | None = None) -> list[Portion]:
    """R-PEN-024/025: the decision's one deadline, or the approved plan's portions. What the plan does not cover
    (paid before it) stays due on the original deadline."""
    total = case.total_penalty_amount
    if case.payment_deadline is None:
        return []
    plan = plan if plan is not None else approved_plan(case)
    if plan is None:
        return [Portion(case.payment_deadline, total)]
    rows = [Portion(plan.original_deadline, total - plan.principal_amount)]
    if plan.kind == PaymentPlanKind.DEFERRAL and plan.deferred_until is not None:
        rows.append(Portion(plan.deferred_until, plan.principal_amount))
    else:
        rows.extend(Portion(i.due_on, i.amount) for i in plan.installments.all())
    return [p for p in rows if p.amount > 0]


def pauses(case: PenaltyCase) -> list[Pause]:
    """R-PEN-027: 复议/诉讼 periods, in which 加处罚款 is not counted."""
    return [Pause(r.filed_on, r.concluded_on) for r in case.remedies.all()]


def case_balance(case: PenaltyCase, *, on: date, plan: PaymentPlan | None = None) -> Balance:
    """What the party owes on ``on`` (R-PEN-024/025/027, R-COE-014)."""
    return balance(
        fine=case.fine_amount,
        principal=case.total_penalty_amount,
        portions=portions(case, plan),
        payments=[(p.paid_on, p.amount) for p in case.payments.all()],
        pauses=pauses(case),
        on=on,
    )


@dataclass(frozen=True)
class CourtWindow:
    """R-COE-016: the days on which the agency may apply to the court.

    ``period_end`` is the end of the party's litigation period (moved to a working day, R-TIME-004: a party's right)
    or of the approved 分期/延期 if later (处罚法 第72条); ``due_on`` is three months later (internal alerts use it);
    ``last_day`` moves it to the next working day when it is a rest day (R-TIME-004)."""

    period_end: date
    opens_on: date
    due_on: date
    last_day: date


def court_window(case: PenaltyCase, plan: PaymentPlan | None = None) -> CourtWindow | None:
    if case.decision_served_on is None:
        return None
    end = next_working_day(litigation_period_end(case.decision_served_on), provisional=True)
    plan = plan if plan is not None else approved_plan(case)
    plan_end = plan.last_due_on if plan is not None else None
    if plan_end is not None and plan_end > end:
        end = plan_end
    due = court_application_last_day(end)
    return CourtWindow(
        period_end=end, opens_on=end + ONE_DAY, due_on=due, last_day=next_working_day(due, provisional=True)
    )
