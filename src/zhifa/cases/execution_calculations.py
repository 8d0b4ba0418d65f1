"""Pure, I/O-free calculations of the execution of a penalty decision (STYLE §4: own module, no database).

What is owed, and from when 加处罚款 runs, when the decision's payment is spread over a schedule:

- R-PEN-024 one portion: the whole 罚没款, due 15 days after service.
- R-PEN-025 an approved 分期/延期 replaces it by the plan's portions; nothing accrues on a portion not yet due.
- R-PEN-027 加处罚款: 3% a day of the (fine share of the) unpaid part of a portion, from the day after its due date;
  day by day on what is still unpaid at the start of the day, so a part paid late stops accruing after the day it
  is paid (that day still counts on it); never counted during 复议/诉讼 (the ``pauses``); all of it at most the
  fine (R-COE-014: never above the principal).

Payments settle the portions first, in due-date order (the oldest debt first); what is paid beyond the principal
pays the 加处罚款. What is *overdue* (``Balance.overdue_total``) is the principal of portions past their date and
the 加处罚款 still unpaid: it is what a 催告 demands and what can be enforced (R-COE-010/014); a portion not yet due
is owed (``total_due``) but not overdue.
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
SUIT_AFTER_RECONSIDERATION_DAYS = 15  # R-COE-016: 行政诉讼法 第45条, CD from receiving the 复议决定 (R-TIME-002)
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
    surcharge_days: int  # the longest run of 加处罚款 on one portion: until it was paid, or up to the day

    @property
    def total_due(self) -> Decimal:
        """What the party still owes: principal and 加处罚款, less what was paid."""
        return max(self.principal + self.late_penalty - self.paid, ZERO)

    @property
    def principal_due(self) -> Decimal:
        return max(self.principal - self.paid, ZERO)

    @property
    def late_penalty_due(self) -> Decimal:
        """加处罚款 not yet paid (payments go to the principal first)."""
        return max(self.late_penalty - max(self.paid - self.principal, ZERO), ZERO)

    @property
    def overdue_total(self) -> Decimal:
        """What is overdue: the principal past its date and the unpaid 加处罚款 (R-COE-010: what a 催告 demands)."""
        return self.overdue_principal + self.late_penalty_due


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


def _portion_run(
    portion: Portion, parts: list[tuple[date, Decimal]], *, pauses: list[Pause], on: date
) -> tuple[Decimal, int]:
    """R-PEN-027 for one portion: the sum over the days 加处罚款 runs of the amount unpaid that day, and the number
    of those days. ``parts`` are the payments applied to it, oldest first; a day on which a part is paid counts on
    what was unpaid before it."""
    unpaid = portion.amount
    start = portion.due_on
    amount_days = Decimal(0)
    days_run = 0
    for paid_on, used in parts:
        days = accrual_days(due_on=start, until=paid_on, pauses=pauses, on=on)
        amount_days += unpaid * days
        days_run += days
        start = max(start, paid_on)
        unpaid -= used
    if unpaid > 0:
        days = accrual_days(due_on=start, until=on, pauses=pauses, on=on)
        amount_days += unpaid * days
        days_run += days
    return amount_days, days_run


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
    parts: list[list[tuple[date, Decimal]]] = [[] for _ in ordered]
    index = 0
    for paid_on, amount in paid_rows:
        left = amount
        while left > 0 and index < len(ordered):
            used = min(left, remaining[index])
            remaining[index] -= used
            left -= used
            parts[index].append((paid_on, used))
            if remaining[index] <= 0:
                index += 1
    share = fine / principal if principal > 0 else Decimal(0)
    amount_days = Decimal(0)
    overdue = ZERO
    surcharge_days = 0
    for portion, rest, paid_parts in zip(ordered, remaining, parts, strict=True):
        unpaid_days, days = _portion_run(portion, paid_parts, pauses=pauses, on=on)
        amount_days += unpaid_days
        surcharge_days = max(surcharge_days, days)
        if rest > 0 and portion.due_on < on:
            overdue += rest
    surcharge = amount_days * share * LATE_PENALTY_DAILY_RATE
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
    """R-COE-017: the last day of the three years of an execution suspended on ``started_on`` (the first day is not
    counted, R-TIME-003; R-TIME-005). "满三年" is only the day after it."""
    return add_months(started_on, EXECUTION_SUSPENSION_MONTHS)
