"""Pure, I/O-free legal calculations for penalty cases (STYLE §4: own module, no database)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import add_months

# R-SIM-001/002: simple procedure only for a warning or a fine of at most 200元 (citizens, individual
# businesses by default) / 3000元 (legal persons and other organisations). "以下" includes the number (R-TIME-006).
SIMPLE_FINE_LIMIT_PERSON = Decimal("200.00")
SIMPLE_FINE_LIMIT_ORGANIZATION = Decimal("3000.00")
SIMPLE_PROCEDURE_KINDS = frozenset({PenaltyKind.WARNING, PenaltyKind.FINE})
# R-HEA-001: kinds that always carry the right to a hearing ("other heavy" configurable later).
HEARING_KINDS = frozenset(
    {
        PenaltyKind.DOWNGRADE_QUALIFICATION,
        PenaltyKind.REVOKE_LICENSE,
        PenaltyKind.SUSPEND_OPERATIONS,
        PenaltyKind.ORDER_CLOSURE,
        PenaltyKind.BAR_FROM_PRACTICE,
        PenaltyKind.SUSPEND_LICENSE,
        PenaltyKind.RESTRICT_OPERATIONS,
    }
)
LATE_PENALTY_DAILY_RATE = Decimal("0.03")  # R-PEN-027: 3% of the fine a day, at most the fine itself
LIMITATION_MONTHS = 24  # R-PEN-008: two years …
LIMITATION_MONTHS_ENDANGERING = 60  # … five where life, health or financial safety is endangered with harm


def simple_fine_limit(*, is_organization: bool) -> Decimal:
    return SIMPLE_FINE_LIMIT_ORGANIZATION if is_organization else SIMPLE_FINE_LIMIT_PERSON


def limitation_last_day(*, act_on: date, act_ended_on: date | None, endangering: bool) -> date:
    """R-PEN-008: the last day on which the act may still be discovered (from its end if it continued)."""
    start = act_ended_on or act_on
    return add_months(start, LIMITATION_MONTHS_ENDANGERING if endangering else LIMITATION_MONTHS)


def late_penalty(*, fine: Decimal, payment_deadline: date, on: date) -> Decimal:
    """R-PEN-027 加处罚款: 3% of the fine for each day after the deadline, capped at the fine."""
    days_late = (on - payment_deadline).days
    if days_late <= 0 or fine <= 0:
        return Decimal("0.00")
    amount = (fine * LATE_PENALTY_DAILY_RATE * days_late).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(amount, fine)


def hearing_right_reasons(
    *,
    kinds: list[str],
    fine_amount: Decimal,
    confiscation_amount: Decimal,
    large_amount_threshold: Decimal | None,
) -> list[str]:
    """R-HEA-001/002: why the party must be told of the right to a hearing (empty: no hearing right)."""
    reasons = [f"拟作出{PenaltyKind(k).label}" for k in kinds if k in HEARING_KINDS]
    if large_amount_threshold is not None:
        if fine_amount >= large_amount_threshold:
            reasons.append(f"拟罚款{fine_amount}元，达到较大数额{large_amount_threshold}元")
        if confiscation_amount >= large_amount_threshold:
            reasons.append(f"拟没收{confiscation_amount}元，达到较大数额{large_amount_threshold}元")
    return reasons


def is_heavier(
    *,
    kinds: list[str],
    fine: Decimal,
    confiscation: Decimal,
    notified_kinds: list[str],
    notified_fine: Decimal,
    notified_confiscation: Decimal,
) -> bool:
    """R-PEN-017: a decision heavier than what was notified (a new kind or a larger amount)."""
    return bool(set(kinds) - set(notified_kinds)) or fine > notified_fine or confiscation > notified_confiscation
