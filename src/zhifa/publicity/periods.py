"""Pure figures of publicity: the publication time limit's working days (R-PUB-004) and the publicity period by
severity (R-PUB-010). I/O-free; ``core.calendar`` turns them into dates."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from zhifa.catalog.choices import PenaltyKind
from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.config import PublicityConfig

# R-PUB-004: licensing and penalty decisions within 7 working days of the decision date, others within 20.
SHORT_DEADLINE_WORKING_DAYS = 7
LONG_DEADLINE_WORKING_DAYS = 20
SHORT_DEADLINE_KINDS = frozenset({PublicationKind.PENALTY_DECISION, PublicationKind.LICENSING_DECISION})
# R-PUB-008: a withdrawal within 3 working days of the decision being changed, annulled …
WITHDRAWAL_WORKING_DAYS = 3
# 45号令 第13条: 仅受到通报批评或者较低数额罚款 — a warning may come with them (warning alone is not published).
MINOR_KINDS = frozenset({PenaltyKind.WARNING, PenaltyKind.PUBLIC_CRITICISM, PenaltyKind.FINE})


def deadline_working_days(kind: str) -> int:
    """R-PUB-004."""
    return SHORT_DEADLINE_WORKING_DAYS if kind in SHORT_DEADLINE_KINDS else LONG_DEADLINE_WORKING_DAYS


def is_minor_penalty(
    penalty_kinds: Iterable[str], *, fine_amount: Decimal, confiscated_amount: Decimal, config: PublicityConfig
) -> bool:
    """仅通报批评或较低数额罚款 (R-PUB-010): nothing heavier, nothing confiscated, the fine at most the threshold."""
    kinds = set(penalty_kinds)
    return kinds <= MINOR_KINDS and confiscated_amount <= 0 and fine_amount <= config.low_fine_amount


def publicity_period_months(
    kind: str,
    *,
    penalty_kinds: Iterable[str] = (),
    fine_amount: Decimal = Decimal("0"),
    confiscated_amount: Decimal = Decimal("0"),
    config: PublicityConfig,
) -> int:
    """R-PUB-010: 3 months for a minor penalty, 3 years otherwise (locality settings); coercive measures by setting."""
    if kind == PublicationKind.COERCIVE_MEASURE:
        return config.coercive_measure_period_months
    minor = is_minor_penalty(
        penalty_kinds, fine_amount=fine_amount, confiscated_amount=confiscated_amount, config=config
    )
    return config.minor_period_months if minor else config.default_period_months
