"""R-TIME-001/003/004/005: working days around 春节, 国庆 and 调休 Saturdays, and missing years."""

from datetime import date

import pytest

from zhifa.core import calendar
from zhifa.core.errors import CalendarDataMissing
from zhifa.core.models import CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db


def test_r_time_001_holiday_table_is_seeded_for_every_known_year():
    years = set(CalendarYear.objects.values_list("year", flat=True))
    assert set(range(2004, 2027)) <= years
    assert CalendarDay.objects.get(date=date(2026, 10, 1)).name == "国庆节"


def test_r_time_001_national_day_is_not_a_working_day_but_the_makeup_saturday_is():
    assert calendar.is_working_day(date(2025, 10, 1)) is False
    assert calendar.is_working_day(date(2025, 10, 8)) is False  # 国庆中秋 8 days in 2025
    assert calendar.is_working_day(date(2025, 9, 28)) is True  # Sunday, 调休上班
    assert calendar.is_working_day(date(2025, 10, 11)) is True  # Saturday, 调休上班
    assert calendar.is_working_day(date(2025, 10, 12)) is False  # ordinary Sunday


def test_r_time_003_trigger_day_not_counted_period_ends_on_nth_working_day():
    # Monday 2025-03-03 + 5 WD = Monday 2025-03-10 (the trigger day itself is not counted).
    assert calendar.add_working_days(date(2025, 3, 3), 5) == date(2025, 3, 10)
    assert calendar.add_working_days(date(2025, 3, 3), 0) == date(2025, 3, 3)


def test_r_time_001_seven_working_days_across_spring_festival_2025():
    # 2025 春节: 1-28 .. 2-4 off; Sunday 1-26 and Saturday 2-8 are working days.
    # From Friday 1-24: 1-26(Sun,调休)=1, 1-27=2, 2-5=3, 2-6=4, 2-7=5, 2-8(Sat,调休)=6, 2-10=7.
    assert calendar.add_working_days(date(2025, 1, 24), 7) == date(2025, 2, 10)


def test_r_time_001_twenty_working_days_across_national_day_2026():
    start = date(2026, 9, 25)
    due = calendar.add_working_days(start, 20)
    assert calendar.working_days_between(start, due) == 20
    # No day in the 2026 National Day break is counted.
    assert all(not calendar.is_working_day(date(2026, 10, d)) for d in range(1, 8))


def test_working_days_between_is_the_inverse_of_add_and_signed():
    start = date(2025, 12, 29)
    for days in (1, 3, 7, 20):
        assert calendar.working_days_between(start, calendar.add_working_days(start, days)) == days
    assert calendar.working_days_between(date(2025, 3, 10), date(2025, 3, 3)) == -5
    assert calendar.working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0


def test_r_time_001_year_without_holiday_data_raises_a_clear_error():
    with pytest.raises(CalendarDataMissing) as excinfo:
        calendar.add_working_days(date(2026, 12, 24), 10)
    assert "2027年的法定节假日安排尚未录入" in excinfo.value.message
    assert excinfo.value.status == 409


def test_r_time_001_provisional_computation_counts_weekends_only():
    # 2026-12-31 (Thu) + 2 WD provisional: 2027-01-01 (Fri) counts because 2027 has no table yet.
    assert calendar.add_working_days(date(2026, 12, 31), 2, provisional=True) == date(2027, 1, 4)
    assert calendar.missing_years(date(2026, 12, 31), date(2027, 1, 4)) == [2027]


def test_r_time_001_a_later_year_entered_in_admin_is_used():
    CalendarYear.objects.create(year=2027, source="国务院办公厅关于2027年部分节假日安排的通知")
    CalendarDay.objects.create(date=date(2027, 1, 1), is_working_day=False, name="元旦")
    assert calendar.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_r_time_001_local_holiday_overrides_national_schedule_for_its_region_only():
    CalendarDay.objects.create(date=date(2025, 3, 31), region_code="430100", is_working_day=False, name="地方节日")
    assert calendar.is_working_day(date(2025, 3, 31)) is True
    assert calendar.is_working_day(date(2025, 3, 31), region_code="430199") is False
    assert calendar.is_working_day(date(2025, 3, 31), region_code="430299") is True


def test_r_time_004_calendar_period_ending_on_a_rest_day_extends_to_next_working_day():
    # Decision served 2025-09-16; 15 CD payment period ends 2025-10-01 (National Day) → extended to 10-09.
    deadline = calendar.calendar_deadline(date(2025, 9, 16), 15)
    assert deadline.due_on == date(2025, 10, 1)
    assert deadline.extended_on == date(2025, 10, 9)


def test_r_time_004_calendar_period_ending_on_a_working_day_is_not_extended():
    deadline = calendar.calendar_deadline(date(2025, 3, 3), 15)
    assert deadline.due_on == deadline.extended_on == date(2025, 3, 18)


def test_r_time_005_month_period_ends_on_corresponding_day_or_month_end():
    assert calendar.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert calendar.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert calendar.add_months(date(2025, 8, 15), 6) == date(2026, 2, 15)


def test_today_is_the_date_in_shanghai(settings):
    import time_machine

    with time_machine.travel("2026-03-01T17:30:00Z", tick=False):  # 01:30 on 2 March in Shanghai
        assert calendar.today() == date(2026, 3, 2)
