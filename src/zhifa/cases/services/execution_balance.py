"""Read side of the execution: the schedule a case is paid on, what is owed on a day, the court window.

Reads only (no writes, no ledger); the pure arithmetic is ``cases.execution_calculations``. ``decision.amount_due``
and the execution services ask here, so a payment plan, a payment or a 复议 changes every answer at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from zhifa.cases.choices import PaymentPlanKind, PaymentPlanState, RemedyKind
from zhifa.cases.execution_calculations import (
    SUIT_AFTER_RECONSIDERATION_DAYS,
    Balance,
    Pause,
    Portion,
    balance,
    court_application_last_day,
    litigation_period_end,
)
from zhifa.cases.models import PaymentPlan, PenaltyCase, RemedyProceeding
from zhifa.core.calendar import calendar_deadline, next_working_day

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
    — after a concluded 复议 not earlier than 15 days from it (行诉法 第45条) — or of the approved 分期/延期 if later
    (处罚法 第72条); ``due_on`` is three months later (internal alerts use it); ``last_day`` moves it to the next
    working day when it is a rest day (R-TIME-004)."""

    period_end: date
    opens_on: date
    due_on: date
    last_day: date


def concluded_remedies(case: PenaltyCase) -> list[RemedyProceeding]:
    """The party's 复议/诉讼 that ended, oldest first (read from the prefetched ``remedies`` when there)."""
    return sorted((r for r in case.remedies.all() if r.concluded_on is not None), key=lambda r: (r.concluded_on, r.pk))


def concluded_litigation(case: PenaltyCase) -> RemedyProceeding | None:
    """A 行政诉讼 against the decision that ended: the judgment is executed (行诉法 第95条), not the decision (R-COE-016)."""
    return next((r for r in reversed(concluded_remedies(case)) if r.kind == RemedyKind.LITIGATION), None)


def _suit_after_reconsideration_end(case: PenaltyCase) -> date | None:
    """行诉法 第45条: after a 复议决定 the party may sue within 15 days of receiving it; ``concluded_on`` of a 复议 is
    the day the decision reached the party. The last day on a rest day moves (R-TIME-004, a party's right)."""
    ends = [r.concluded_on for r in concluded_remedies(case) if r.kind == RemedyKind.RECONSIDERATION]
    if not ends or ends[-1] is None:
        return None
    return calendar_deadline(ends[-1], SUIT_AFTER_RECONSIDERATION_DAYS, provisional=True).extended_on


def court_window(case: PenaltyCase, plan: PaymentPlan | None = None) -> CourtWindow | None:
    if case.decision_served_on is None:
        return None
    end = next_working_day(litigation_period_end(case.decision_served_on), provisional=True)
    # R-COE-016, read for the party: the window never opens while the party may still sue — neither within the six
    # months from service (行诉法 第46条) nor within 15 days of a 复议决定 (第45条), whichever ends later.
    after_reconsideration = _suit_after_reconsideration_end(case)
    if after_reconsideration is not None and after_reconsideration > end:
        end = after_reconsideration
    plan = plan if plan is not None else approved_plan(case)
    plan_end = plan.last_due_on if plan is not None else None
    if plan_end is not None and plan_end > end:
        end = plan_end
    due = court_application_last_day(end)
    return CourtWindow(
        period_end=end, opens_on=end + ONE_DAY, due_on=due, last_day=next_working_day(due, provisional=True)
    )
