"""罚款缴纳: 15-day period (R-PEN-024, R-TIME-004) and 加处罚款 3% a day capped at the fine (R-PEN-027)."""

from datetime import date
from decimal import Decimal

import pytest

from zhifa.cases.calculations import late_penalty


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 3, 17), Decimal("0.00")),  # the deadline itself
        (date(2026, 3, 18), Decimal("300.00")),  # one day late: 3% of 10,000
        (date(2026, 4, 19), Decimal("9900.00")),  # 33 days
        (date(2026, 4, 20), Decimal("10000.00")),  # 34 days would be 10,200: capped at the fine
        (date(2026, 12, 31), Decimal("10000.00")),
    ],
)
def test_r_pen_027_late_penalty(on, expected):
    assert late_penalty(fine=Decimal("10000.00"), payment_deadline=date(2026, 3, 17), on=on) == expected


@pytest.mark.django_db
def test_r_pen_024_payment_period_ending_on_a_holiday_moves_to_the_next_working_day():
    from zhifa.core.calendar import calendar_deadline

    # Served 16 Sep 2025: 15 CD end on 1 Oct 2025 (National Day) → the party may pay until 9 Oct.
    assert calendar_deadline(date(2025, 9, 16), 15).extended_on == date(2025, 10, 9)
