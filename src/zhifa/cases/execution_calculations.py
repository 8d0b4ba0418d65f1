"""Pure, I/O-free calculations of the execution of a penalty decision (STYLE §4: own module, no database).

What is owed, and from when 加处罚款 runs, when the decision's payment is spread over a schedule:

- R-PEN-024 one portion: the whole 罚没款, due 15 days after service.
- R-PEN-025 an approved 分期/延期 replaces it by the plan's portions; nothing accrues on a portion not yet due.
- R-PEN-027 加处罚款: 3% a day of the (fine share of the) unpaid portion, from the day after its due date up to
  and including the day it is paid; never counted during 复议/诉讼 (the ``pauses``); all of it at most the fine
  (R-COE-014: never above the principal).

Payments settle the portions first, in due-date order (the oldest debt first); what is paid beyond the principal
pays the 加处罚款.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from zhifa.cases.calculations import LATE_PENALTY_DAILY_RATE
from zhifa.core.calendar import add_months

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
SURCHARGE_DAYS_BEFORE_ENFORCEMENT = 30  # R-COE-014: 加处罚款 for more than 30 CD, then 催告 → enforce
LITIGATION_PERIOD_MONTHS = 6  # R-COE-016: 行政诉讼法 第46条, from service of the decision
COURT_APPLICATION_MONTHS = 3  # R-COE-016: 行政强制法 第53条, 行诉解释 第156条
DEMAND_TO_COURT_WORKING_DAYS = 10  # R-COE-016: 行政强制法 第54条 (≤10日 → working days, R-TIME-002)
EXECUTION_SUSPENSION_MONTHS = 36  # R-COE-017: 中止执行满三年未恢复执行 → 不再执行


@dataclass(frozen=True)
class Portion:
    """An amount of the 罚没款 due on a day (the decision's one deadline, or one instalment)."""

    due_on: date
    amount: Decimal


@dataclass(frozen=True)
class Pause:
    """A period in which 加处罚款 is not counted (复议/诉讼 pending, R-PEN-027); ``end`` None = still running."""

    start: date
    end: date | None


@dataclass(frozen=True)
class Balance:
    """The state of the execution on a day."""

    principal: Decimal  # 罚没款 decided
    paid: Decimal  # paid up to the day
    late_penalty: Decimal  # 加处罚款 accrued up to the day
    overdue_principal: Decimal  # principal of portions past due and still unpaid
    surcharge_days: int  # days 加处罚款 has run on the oldest unpaid portion

    @property
    def total_due(self) -> Decimal:
        """What the party still owes: principal and 加处罚款, less what was paid."""
        return max(self.principal + self.late_penalty - self.paid, ZERO)

    @property
    def principal_due(self) -> Decimal:
        return max(self.principal - self.paid, ZERO)


def _is_paused(day: date, pauses: list[Pause], on: date) -> bool:
    return any(p.start <= day <= (p.end or on) for p in pauses)


def accrual_days(*, due_on: date, until: date, pauses: list[Pause], on: date) -> int:
    """Days after ``due_on`` up to and including ``until`` on which 加处罚款 runs (R-PEN-027)."""
    if until <= due_on:
        return 0
    if not pauses:
        return (until - due_on).days
    days = 0
    day = due_on + timedelta(days=1)
    while day <= until:
        if not _is_paused(day, pauses, on):
            days += 1
        day += timedelta(days=1)
    return days


def balance(
    *,
    fine: Decimal,
    principal: Decimal,
    portions: list[Portion],
    payments: list[tuple[date, Decimal]],
    pauses: list[Pause],
    on: date,
) -> Balance:
    """The balance on ``on``: only payments made by then count; 加处罚款 per portion as the module says."""
    paid_rows = sorted((day, amount) for day, amount in payments if day <= on)
    ordered = sorted(portions, key=lambda p: p.due_on)
    remaining = [p.amount for p in ordered]
    covered_on: list[date | None] = [None if p.amount > 0 else p.due_on for p in ordered]
    index = 0
    for paid_on, amount in paid_rows:
        left = amount
        while left > 0 and index < len(ordered):
            used = min(left, remaining[index])
            remaining[index] -= used
            left -= used
            if remaining[index] <= 0:
                covered_on[index] = paid_on
                index += 1
    share = fine / principal if principal > 0 else Decimal(0)
    surcharge = Decimal(0)
    overdue = ZERO
    surcharge_days = 0
    for portion, rest, covered in zip(ordered, remaining, covered_on, strict=True):
        until = covered if covered is not None else on
        days = accrual_days(due_on=portion.due_on, until=until, pauses=pauses, on=on)
        surcharge += portion.amount * share * LATE_PENALTY_DAILY_RATE * days
        if covered is None and portion.due_on < on:
            overdue += rest
            surcharge_days = max(surcharge_days, days)
    late = min(surcharge.quantize(CENT, rounding=ROUND_HALF_UP), max(fine, ZERO))
    return Balance(
        principal=principal,
        paid=sum((amount for _, amount in paid_rows), ZERO),
        late_penalty=late,
        overdue_principal=overdue,
        surcharge_days=surcharge_days,
    )


def litigation_period_end(served_on: date) -> date:
    """R-COE-016: the party's 6-month 起诉期限 from service of the decision (行政诉讼法 第46条; R-TIME-005)."""
    return add_months(served_on, LITIGATION_PERIOD_MONTHS)


def court_application_last_day(period_end: date) -> date:
    """R-COE-016: three months from the end of the party's period (or of the 分期/延期, 处罚法 第72条)."""
    return add_months(period_end, COURT_APPLICATION_MONTHS)


def execution_suspension_expires_on(started_on: date) -> date:
    """R-COE-017: the day an execution suspended since ``started_on`` has been suspended for three years."""
    return add_months(started_on, EXECUTION_SUSPENSION_MONTHS)
